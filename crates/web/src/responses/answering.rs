//! Answering one part of the questionnaire: the form, live checks and autosave.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use axum::{
    Json,
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::questionnaire::{
    AnswerValue, EntryKey, Item, Kind, NonAnswer, Question, Questionnaire, check_value, is_relevant,
    labelled_problem, non_answer_problem, read_typed_number,
};
use smartcities_app::responses::{AnswerChange, Conflict, NoteChange, SaveOutcome};
use smartcities_app::{AnswerProblem, AppError, Refusal};
use smartcities_domain::{Lang, Revision};

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    form::{check_csrf, parse_form},
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

#[derive(Serialize)]
pub(super) struct EntryView {
    id: u64,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
pub(super) struct GroupPage {
    head: Head,
    groups: Vec<GroupLink>,
    name: String,
    label: String,
    repeat: bool,
    sections: Vec<(String, Vec<QuestionView>)>,
    entries: Vec<EntryView>,
    new_entry: Vec<QuestionView>,
    next_id: u64,
    previous: Option<String>,
    next: Option<String>,
    saved: bool,
    conflicts: Vec<String>,
    /// How many answers were refused and are shown again as typed, beside their problems.
    refused: usize,
    /// The fields of the file questions shown, each with an upload form of its own.
    file_forms: Vec<String>,
    /// A section the viewer could otherwise change but a colleague answers: read only.
    read_only_section: bool,
    /// The colleagues who answer this section, by name.
    answered_by: Vec<String>,
}

pub(super) fn group_page(
    lang: Lang,
    loaded: &Loaded,
    viewer: &Viewer,
    group_name: &str,
    comments: &HashMap<String, String>,
) -> Option<GroupPage> {
    let q = &loaded.questionnaire;
    let groups: Vec<&smartcities_app::questionnaire::Group> =
        q.items.iter().filter_map(|i| if let Item::Group(g) = i { Some(g) } else { None }).collect();
    let index = groups.iter().position(|g| g.name.as_str() == group_name)?;
    let group = groups[index];
    let values = plain_values(&loaded.answers);
    let answered = |name: &str| values.get(name).cloned().unwrap_or_default();
    let lookup = q.with_calculations(&answered);
    let mut sections = Vec::new();
    let mut entries = Vec::new();
    let mut new_entry = Vec::new();
    let ids = entry_ids(&loaded.answers, group.name.as_str());
    if group.repeat {
        for id in &ids {
            let entry = EntryKey { group: group.name.clone(), id: *id };
            let questions = group
                .questions_in_entry()
                .into_iter()
                .map(|question| {
                    let stored = value_of(&loaded.answers, question.name.as_str(), Some(&entry));
                    question_view(
                        lang,
                        q,
                        question,
                        format!("{id}.{}", question.name),
                        stored,
                        comments,
                        &lookup,
                    )
                })
                .collect();
            entries.push(EntryView { id: *id, questions });
        }
        for question in group.questions_in_entry() {
            new_entry.push(question_view(
                lang,
                q,
                question,
                format!("new.{}", question.name),
                None,
                comments,
                &lookup,
            ));
        }
    } else {
        // Sub-groups become sections; questions whose skip logic is not met are hidden.
        let mut collect =
            |label: String,
             items: &[Item],
             conditions: Vec<&Option<smartcities_app::questionnaire::Condition>>| {
                let mut views = Vec::new();
                for item in items {
                    if let Item::Question(question) = item {
                        let mut all = conditions.clone();
                        all.push(&question.relevant);
                        let stored = value_of(&loaded.answers, question.name.as_str(), None);
                        let mut view = question_view(
                            lang,
                            q,
                            question,
                            question.name.to_string(),
                            stored,
                            comments,
                            &lookup,
                        );
                        view.relevant = is_relevant(&all, &lookup);
                        views.push(view);
                    }
                }
                if !views.is_empty() {
                    sections.push((label, views));
                }
            };
        collect(String::new(), &group.items, vec![&group.relevant]);
        for item in &group.items {
            if let Item::Group(sub) = item {
                collect(
                    sub.label.get(lang, q.default_language).to_string(),
                    &sub.items,
                    vec![&group.relevant, &sub.relevant],
                );
            }
        }
    }
    // Each question's note and file, found by its question and entry.
    let file_of = |code: &str, entry: Option<&EntryKey>| {
        value_of(&loaded.answers, code, entry).and_then(|a| FileView::of(lang, loaded, &a.value))
    };
    let mut file_forms = Vec::new();
    for view in sections.iter_mut().flat_map(|(_, v)| v.iter_mut()) {
        view.note = note_of(&loaded.notes, &view.code, None).unwrap_or_default().to_string();
        view.file = file_of(&view.code, None);
    }
    for entry in &mut entries {
        let key = EntryKey { group: group.name.clone(), id: entry.id };
        for view in &mut entry.questions {
            view.note = note_of(&loaded.notes, &view.code, Some(&key)).unwrap_or_default().to_string();
            view.file = file_of(&view.code, Some(&key));
        }
    }
    // Files travel in a form of their own per question (multipart), outside the page's form.
    let views =
        sections.iter().flat_map(|(_, v)| v.iter()).chain(entries.iter().flat_map(|e| e.questions.iter()));
    file_forms.extend(views.filter(|v| matches!(v.input, "file" | "image")).map(|v| v.field.clone()));
    // A colleague changes their own sections only, and reads the others.
    let mut head = head(lang, loaded, viewer);
    let section_editable = viewer.user().is_some_and(|u| loaded.section_editable_by(u, group_name));
    let read_only_section = head.editable && !section_editable;
    head.editable = section_editable;
    let answered_by = loaded
        .team
        .iter()
        .filter(|m| !m.user.disabled)
        .filter(|m| m.colleague.as_ref().is_some_and(|c| c.sections.iter().any(|s| s == group_name)))
        .map(|m| m.user.name.clone())
        .collect();
    Some(GroupPage {
        head,
        read_only_section,
        answered_by,
        groups: group_links(lang, loaded),
        name: group.name.to_string(),
        label: group.label.get(lang, q.default_language).to_string(),
        repeat: group.repeat,
        sections,
        entries,
        new_entry,
        next_id: ids.last().map_or(1, |last| last + 1),
        previous: index.checked_sub(1).map(|i| groups[i].name.to_string()),
        next: groups.get(index + 1).map(|g| g.name.to_string()),
        saved: false,
        conflicts: Vec::new(),
        refused: 0,
        file_forms,
    })
}

/// The form field an answer's problem belongs to: the question's name, prefixed by its entry's
/// id in a repeat group.
fn field_of(problem: &AnswerProblem) -> String {
    match &problem.entry {
        Some(entry) => format!("{}.{}", entry.id, problem.question),
        None => problem.question.clone(),
    }
}

impl GroupPage {
    /// Shows `message` beside the question in `field` (a file refused, say).
    pub(super) fn show_problem(&mut self, field: &str, message: String) {
        let views = self.sections.iter_mut().flat_map(|(_, v)| v.iter_mut());
        let mut views = views.chain(self.entries.iter_mut().flat_map(|e| e.questions.iter_mut()));
        if let Some(view) = views.find(|v| v.field == field) {
            view.problem = Some(message);
        }
    }

    /// Shows refused answers as they were typed, each with its problem, so nothing is lost.
    fn keep_typed(&mut self, fields: &HashMap<String, Vec<String>>, problems: &[AnswerProblem]) {
        let mut views: Vec<&mut QuestionView> =
            self.sections.iter_mut().flat_map(|(_, v)| v.iter_mut()).collect();
        views.extend(self.entries.iter_mut().flat_map(|e| e.questions.iter_mut()));
        for problem in problems {
            let field = field_of(problem);
            let Some(view) = views.iter_mut().find(|v| v.field == field) else { continue };
            let typed = fields.get(&field).cloned().unwrap_or_default();
            for option in view.options.iter_mut().chain(view.non_answers.iter_mut()) {
                option.checked = typed.contains(&option.code);
            }
            let typed: Vec<String> = typed.into_iter().filter(|v| NonAnswer::of_kept(v).is_none()).collect();
            view.value = typed.join(" ");
            if let Some(note) = fields.get(&format!("note:{field}")).and_then(|v| v.first()) {
                view.note = note.clone();
            }
            view.problem = Some(problem.message.clone());
        }
    }
}

pub async fn group_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city, group)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let comments = comments_of(&ctx, &loaded).await?;
    let mut page = group_page(lang, &loaded, &viewer, &group, &comments).ok_or(PageError::NotFound(lang))?;
    page.saved = query.contains_key("saved");
    render_page(&ctx, "group.html", "me", page).await
}

/// What a submitted group form asks to change, and the numbers in it that cannot be read.
pub(super) struct FormChanges {
    /// The answers to change.
    pub changes: Vec<AnswerChange>,
    /// The notes the page's note boxes set (only questions the page showed).
    pub notes: Vec<NoteChange>,
    /// Numbers typed so that they cannot be read without a guess, by question (not changed).
    pub unread: Vec<AnswerProblem>,
}

/// Turns a submitted group form into answer changes: only the questions the page showed
/// (listed in `shown`) are touched, so a hidden follow-up question keeps its answer. Numbers
/// are read by the page language's rule; one that cannot be read is left out and reported. A
/// field of an entry that is not one (an id out of range, typed by hand) refuses the whole form.
pub(super) fn form_changes(
    q: &Questionnaire,
    group: &str,
    fields: &HashMap<String, Vec<String>>,
    lang: Lang,
) -> Result<FormChanges, Refusal> {
    let mut unread = Vec::new();
    let shown = fields.get("shown").cloned().unwrap_or_default();
    let removed: BTreeSet<String> = fields.get("remove").cloned().unwrap_or_default().into_iter().collect();
    let next_id =
        fields.get("next_id").and_then(|v| v.first()).and_then(|v| v.parse::<u64>().ok()).unwrap_or(1);
    let by_name: HashMap<&str, &Question> =
        q.questions().into_iter().map(|l| (l.question.name.as_str(), l.question)).collect();
    let mut changes = Vec::new();
    let mut notes = Vec::new();
    let new_has_content = shown
        .iter()
        .filter(|f| f.starts_with("new."))
        .any(|f| fields.get(f).is_some_and(|v| v.iter().any(|x| !x.trim().is_empty())));
    for field in &shown {
        // A field of a repeat entry is named `{id}.{question}`, `new.{question}` for the next one.
        let entry_of = |id: &str| {
            EntryKey::of(group, id).map_err(|_| Refusal::UnknownEntry { entry: format!("{group}:{id}") })
        };
        let (entry, code) = match field.split_once('.') {
            Some(("new", code)) if new_has_content => (Some(entry_of(&next_id.to_string())?), code),
            Some(("new", _)) => continue,
            Some((id, code)) => {
                let entry = entry_of(id)?;
                if removed.contains(id) {
                    changes.push(AnswerChange {
                        question: code.to_string(),
                        entry: Some(entry),
                        value: None,
                    });
                    continue;
                }
                (Some(entry), code)
            }
            None => (None, field.as_str()),
        };
        let Some(question) = by_name.get(code) else { continue };
        if let Some(typed) = fields.get(&format!("note:{field}")).and_then(|v| v.first()) {
            let note = Some(typed.trim().to_string()).filter(|n| !n.is_empty());
            notes.push(NoteChange { question: code.to_string(), entry: entry.clone(), note });
        }
        let values: Vec<String> = fields
            .get(field)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        // A "don't know" box ticked beside a typed value, or both boxes, is for the respondent
        // to settle: refused beside the field, nothing of it guessed.
        let (non_answers, typed): (Vec<&String>, Vec<&String>) =
            values.iter().partition(|v| NonAnswer::of_kept(v).is_some());
        if let Some(first) = non_answers.first() {
            // One box alone is checked as the answer it is; with anything else it reads as mixed.
            let problem = match typed.is_empty() && non_answers.len() == 1 {
                true => non_answer_problem(first, q.non_answers_for(question), lang),
                false => non_answer_problem(&values.join(" "), q.non_answers_for(question), lang),
            };
            match problem {
                Some(detail) => {
                    let message = labelled_problem(q, question, &detail, lang);
                    unread.push(AnswerProblem { question: code.to_string(), entry, message });
                }
                None => changes.push(AnswerChange {
                    question: code.to_string(),
                    entry,
                    value: Some(AnswerValue::new(first.as_str())),
                }),
            }
            continue;
        }
        let value = match question.kind {
            Kind::SelectMultiple { .. } => values.join(" "),
            Kind::Integer | Kind::Decimal => {
                match values.first().map(|typed| read_typed_number(q, question, typed, lang)) {
                    None => String::new(),
                    Some(Ok(number)) => number,
                    Some(Err(message)) => {
                        unread.push(AnswerProblem { question: code.to_string(), entry, message });
                        continue;
                    }
                }
            }
            _ => values.into_iter().next().unwrap_or_default(),
        };
        changes.push(AnswerChange {
            question: code.to_string(),
            entry,
            value: (!value.is_empty()).then(|| AnswerValue::new(value)),
        });
    }
    Ok(FormChanges { changes, notes, unread })
}

/// A page's questions after a save (the answers read before it with its changes applied): which
/// are relevant now, and the problem of each answer that does not pass its checks, by field.
pub(super) fn group_state(
    lang: Lang,
    loaded: &Loaded,
    group_name: &str,
    changes: &[AnswerChange],
) -> (BTreeMap<String, bool>, BTreeMap<String, String>) {
    let q = &loaded.questionnaire;
    let mut answers: BTreeMap<(String, Option<EntryKey>), String> =
        loaded.answers.iter().map(|a| ((a.question.clone(), a.entry.clone()), a.value.to_string())).collect();
    for change in changes {
        let key = (change.question.clone(), change.entry.clone());
        match &change.value {
            Some(value) => answers.insert(key, value.to_string()),
            None => answers.remove(&key),
        };
    }
    let answered = |name: &str| answers.get(&(name.to_string(), None)).cloned().unwrap_or_default();
    let top = q.with_calculations(&answered);
    let mut relevant = BTreeMap::new();
    let mut problems = BTreeMap::new();
    let Some(group) = q.items.iter().find_map(|i| match i {
        Item::Group(g) if g.name.as_str() == group_name => Some(g),
        _ => None,
    }) else {
        return (relevant, problems);
    };
    let mut check =
        |question: &Question, field: String, value: Option<&String>, lookup: &dyn Fn(&str) -> String| {
            if let Some(value) = value.filter(|v| !v.is_empty())
                && let Some((_, message)) = check_value(q, question, value, lookup, lang)
            {
                problems.insert(field, message);
            }
        };
    if group.repeat {
        let mut entries: Vec<&EntryKey> = answers
            .keys()
            .filter_map(|(_, e)| e.as_ref())
            .filter(|e| e.group.as_str() == group_name)
            .collect();
        entries.sort();
        entries.dedup();
        for key in entries {
            let (id, entry) = (key.id, Some(key.clone()));
            let lookup = |name: &str| {
                answers.get(&(name.to_string(), entry.clone())).cloned().unwrap_or_else(|| top(name))
            };
            for question in group.questions_in_entry() {
                let field = format!("{id}.{}", question.name);
                let value = answers.get(&(question.name.to_string(), entry.clone()));
                check(question, field, value, &lookup);
            }
        }
    } else {
        let mut walk =
            |items: &[Item], conditions: Vec<&Option<smartcities_app::questionnaire::Condition>>| {
                for item in items {
                    if let Item::Question(question) = item {
                        let mut all = conditions.clone();
                        all.push(&question.relevant);
                        let field = question.name.to_string();
                        relevant.insert(field.clone(), is_relevant(&all, &top));
                        check(question, field, answers.get(&(question.name.to_string(), None)), &top);
                    }
                }
            };
        walk(&group.items, vec![&group.relevant]);
        for item in &group.items {
            if let Item::Group(sub) = item {
                walk(&sub.items, vec![&group.relevant, &sub.relevant]);
            }
        }
    }
    (relevant, problems)
}

pub(super) fn wants_json(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("application/json"))
}

pub async fn save_group(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    Path((year, city, group)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let json = wants_json(&headers);
    let result: Result<Response, PageError> = async {
        let loaded = load(&ctx, &year, &city).await?;
        let is_page = loaded
            .questionnaire
            .items
            .iter()
            .any(|i| matches!(i, Item::Group(g) if g.name.as_str() == group));
        if !is_page {
            return Err(PageError::NotFound(lang));
        }
        let fields = parse_form(&body);
        let first = |name: &str| fields.get(name).and_then(|v| v.first()).map(String::as_str);
        check_csrf(&viewer, first("csrf"), lang)?;
        let base = first("revision").and_then(|r| r.parse::<Revision>().ok()).unwrap_or(Revision::NONE);
        let FormChanges { changes, notes, unread } =
            form_changes(&loaded.questionnaire, &group, &fields, lang)
                .map_err(|refusal| PageError::Refused(lang, refusal.message(lang)))?;
        // A number that cannot be read without a guess refuses the save like any invalid answer.
        let saved = if unread.is_empty() {
            state.app.save_page_in(user_of(&viewer)?, &loaded, base, &changes, &notes, lang).await
        } else {
            Err(AppError::Refused(Refusal::InvalidAnswers(unread)))
        };
        let outcome = match saved {
            // Autosave learns which answers were refused, by field, so it can show each beside its
            // question and save the others without them.
            Err(AppError::Refused(Refusal::InvalidAnswers(problems))) if json => {
                let by_field: BTreeMap<String, String> =
                    problems.iter().map(|p| (field_of(p), p.message.clone())).collect();
                let body = serde_json::json!({
                    "error": {"code": "invalid", "message": t(lang, "refused-invalid-answers")},
                    "problems": by_field,
                });
                return Ok((StatusCode::CONFLICT, Json(body)).into_response());
            }
            // Without JavaScript nothing typed is lost: the other answers are saved and the page
            // comes back with the refused ones as typed, each beside its problem.
            Err(AppError::Refused(Refusal::InvalidAnswers(problems))) => {
                let refused_at = |c: &AnswerChange| {
                    problems.iter().any(|p| p.question == c.question && p.entry == c.entry)
                };
                let rest: Vec<AnswerChange> = changes.iter().filter(|c| !refused_at(c)).cloned().collect();
                let saved = match rest.is_empty() && notes.is_empty() {
                    true => None,
                    false => Some(
                        state
                            .app
                            .save_page_in(user_of(&viewer)?, &loaded, base, &rest, &notes, lang)
                            .await
                            .map_err(refused(lang))?,
                    ),
                };
                let loaded = load(&ctx, &year, &city).await?;
                let comments = comments_of(&ctx, &loaded).await?;
                let mut page =
                    group_page(lang, &loaded, &viewer, &group, &comments).ok_or(PageError::NotFound(lang))?;
                match saved {
                    Some(SaveOutcome::Saved { .. }) => page.saved = true,
                    Some(SaveOutcome::Conflicts { conflicts, .. }) => {
                        page.conflicts = describe_conflicts(lang, &loaded.questionnaire, &conflicts);
                    }
                    None => {}
                }
                page.refused = problems.len();
                page.keep_typed(&fields, &problems);
                let html = render_page(&ctx, "group.html", "me", page).await?;
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
            }
            other => other.map_err(refused(lang))?,
        };
        match outcome {
            SaveOutcome::Saved { revision, changed } => {
                if json {
                    let (relevant, problems) = group_state(lang, &loaded, &group, &changes);
                    return Ok(Json(serde_json::json!({
                        "status": "saved",
                        "revision": revision,
                        "changed": changed,
                        "relevant": relevant,
                        "problems": problems,
                    }))
                    .into_response());
                }
                Ok(Redirect::to(&format!("/responses/{year}/{city}/groups/{group}?saved=1")).into_response())
            }
            SaveOutcome::Conflicts { revision, conflicts } => {
                let described = describe_conflicts(lang, &loaded.questionnaire, &conflicts);
                if json {
                    let body = serde_json::json!({
                        "error": {"code": "conflict", "message": t(lang, "conflict-intro")},
                        "revision": revision,
                        "conflicts": described,
                    });
                    return Ok((StatusCode::CONFLICT, Json(body)).into_response());
                }
                let comments = comments_of(&ctx, &loaded).await?;
                let mut page =
                    group_page(lang, &loaded, &viewer, &group, &comments).ok_or(PageError::NotFound(lang))?;
                page.conflicts = described;
                let html = render_page(&ctx, "group.html", "me", page).await?;
                Ok((StatusCode::CONFLICT, html).into_response())
            }
        }
    }
    .await;
    match result {
        Ok(response) => response,
        Err(PageError::Refused(_, reason)) if json => {
            (StatusCode::CONFLICT, Json(serde_json::json!({"error": {"code": "refused", "message": reason}})))
                .into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// Each answer someone else changed meanwhile, in words: the question's label and both values
/// as the reader reads them (choice labels, numbers as the language writes them).
fn describe_conflicts(lang: Lang, q: &Questionnaire, conflicts: &[Conflict]) -> Vec<String> {
    conflicts
        .iter()
        .map(|c| {
            let question = q.question(&c.question);
            let label =
                question.map_or(c.question.clone(), |x| x.label.get(lang, q.default_language).to_string());
            let shown = |v: &AnswerValue| match question {
                Some(question) => super::shown_value(lang, q, question, v),
                None => v.to_string(),
            };
            translate(
                lang,
                "conflict-line",
                &[
                    ("question", label.into()),
                    ("theirs", shown(&c.theirs).into()),
                    ("who", crate::i18n::who(lang, c.changed_by.clone()).into()),
                    ("yours", c.yours.as_ref().map(shown).unwrap_or_default().into()),
                ],
            )
        })
        .collect()
}
