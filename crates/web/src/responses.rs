//! Answering a questionnaire on the web, and reviewing and accepting responses. Every page works
//! without JavaScript; a small script saves as the respondent types.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use axum::{
    Json,
    body::Bytes,
    extract::{Multipart, Path, Query, State},
    http::{HeaderMap, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::questionnaire::{
    EntryKey, Item, Kind, Limits, Question, Questionnaire, WorkbookError, check_value, is_relevant, validate,
};
use smartcities_app::{AppError, Refusal, responses::ResponseFile};
use smartcities_app::{
    User,
    responses::{AnswerChange, SaveOutcome, StoredAnswer},
};
use smartcities_domain::{CityId, EditionYear, Evidence, Lang, ResponseStatus};

use crate::{
    AppState,
    auth::Viewer,
    form::{check_csrf, parse_form},
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

/// Everything a response page needs, read after the permission check.
type Loaded = ResponseFile;

async fn load(ctx: &Ctx<'_>, year: &str, city: &str) -> Result<Loaded, PageError> {
    let lang = ctx.lang;
    let Some(session) = &ctx.viewer.0 else {
        return Err(PageError::SignIn(ctx.uri.to_string()));
    };
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let city_id = CityId::parse(city).map_err(|_| PageError::NotFound(lang))?;
    ctx.state.app.response_file(&session.user, year, &city_id).await.map_err(refused(lang))
}

/// The signed-in user behind a viewer that `load` admitted.
fn user_of(viewer: &Viewer) -> Result<&User, PageError> {
    viewer.0.as_ref().map(|s| &s.user).ok_or_else(|| PageError::Internal("no session".into()))
}

/// Whether the viewer may change this response now.
fn can_edit(viewer: &Viewer, loaded: &Loaded) -> bool {
    viewer.0.as_ref().is_some_and(|s| loaded.editable_by(&s.user))
}

fn value_of<'a>(answers: &'a [StoredAnswer], question: &str, entry: &str) -> Option<&'a StoredAnswer> {
    answers.iter().find(|a| a.question == question && a.entry == entry)
}

fn plain_values(answers: &[StoredAnswer]) -> BTreeMap<String, String> {
    answers.iter().filter(|a| a.entry.is_empty()).map(|a| (a.question.clone(), a.value.clone())).collect()
}

/// Entry ids of a repeat group, in order.
fn entry_ids(answers: &[StoredAnswer], group: &str) -> Vec<u64> {
    let ids: BTreeSet<u64> = answers
        .iter()
        .filter_map(|a| EntryKey::parse(&a.entry).ok().flatten())
        .filter(|key| key.group.as_str() == group)
        .map(|key| key.id)
        .collect();
    ids.into_iter().collect()
}

#[derive(Serialize)]
struct OptionView {
    code: String,
    label: String,
    checked: bool,
}

#[derive(Serialize)]
struct QuestionView {
    /// The form field name: the question code, or `id.code` inside a repeat entry.
    field: String,
    code: String,
    label: String,
    hint: String,
    required: bool,
    input: &'static str,
    value: String,
    options: Vec<OptionView>,
    evidence: Option<String>,
    problem: Option<String>,
    comment: Option<String>,
    /// Whether its skip logic lets it be asked now; a page hides (and does not submit) the
    /// others, and the autosave shows them as soon as their condition holds.
    relevant: bool,
}

fn question_view(
    lang: Lang,
    q: &Questionnaire,
    question: &Question,
    field: String,
    stored: Option<&StoredAnswer>,
    comments: &HashMap<String, String>,
    lookup: &dyn Fn(&str) -> String,
) -> QuestionView {
    let fallback = q.default_language;
    let value = stored.map(|a| a.value.clone()).unwrap_or_default();
    let chosen: Vec<&str> = value.split_whitespace().collect();
    let input = match question.kind {
        Kind::Integer | Kind::Decimal => "number",
        Kind::Text => "text",
        Kind::YesNo | Kind::Ordinal { .. } | Kind::SelectOne { .. } => "radio",
        Kind::SelectMultiple { .. } => "checkbox",
    };
    // A choice filter narrows the options to those fitting the answers given so far.
    let options = q
        .choices_for(question, lookup)
        .into_iter()
        .map(|c| OptionView {
            code: c.name.clone(),
            label: c.label.get(lang, fallback).to_string(),
            checked: chosen.contains(&c.name.as_str()),
        })
        .collect();
    let problem =
        if value.is_empty() { None } else { check_value(q, question, &value, lookup, lang).map(|(_, m)| m) };
    // Numbers read with the page language's decimal separator.
    let value = if input == "number" { shown_number(&value, lang) } else { value };
    QuestionView {
        field,
        code: question.name.to_string(),
        label: question.label.get(lang, fallback).to_string(),
        hint: question.hint.get(lang, fallback).to_string(),
        required: question.required,
        input,
        value,
        options,
        evidence: stored.map(|a| t(lang, &format!("evidence-{}", a.evidence.slug()))),
        problem,
        comment: comments.get(question.name.as_str()).cloned(),
        relevant: true,
    }
}

/// A stored number (`12.5`) as typed in `lang` (`12,5` in Spanish and French).
fn shown_number(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Es | Lang::Fr => value.replace('.', ","),
        Lang::En => value.to_string(),
    }
}

/// A number as typed in `lang`, in the stored form: the decimal comma of Spanish and French
/// (their thousands dots and spaces dropped), English thousands commas dropped. Anything else
/// is left for the checks to refuse.
fn typed_number(value: &str, lang: Lang) -> String {
    let compact: String = value.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let grouped = |text: &str, separator: char| {
        let mut parts = text.split(separator);
        let first = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        !rest.is_empty()
            && (1..=3).contains(&first.trim_start_matches('-').len())
            && rest.iter().all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    match lang {
        Lang::Es | Lang::Fr if compact.contains(',') => {
            let (whole, fraction) = compact.split_once(',').unwrap_or((&compact, ""));
            let whole = if grouped(whole, '.') { whole.replace('.', "") } else { whole.to_string() };
            format!("{whole}.{fraction}")
        }
        Lang::Es | Lang::Fr if grouped(&compact, '.') => compact.replace('.', ""),
        Lang::En => {
            let (whole, fraction) =
                compact.split_once('.').map_or((compact.as_str(), None), |(w, f)| (w, Some(f)));
            if grouped(whole, ',') {
                let whole = whole.replace(',', "");
                fraction.map_or(whole.clone(), |f| format!("{whole}.{f}"))
            } else {
                compact.clone()
            }
        }
        _ => compact,
    }
}

#[derive(Serialize)]
struct GroupLink {
    name: String,
    label: String,
    answered: usize,
    total: usize,
    repeat: bool,
}

/// The top-level groups of the form, each one page.
fn group_links(lang: Lang, q: &Questionnaire, answers: &[StoredAnswer]) -> Vec<GroupLink> {
    let values = plain_values(answers);
    q.items
        .iter()
        .filter_map(|item| match item {
            Item::Group(g) => {
                let (answered, total) = if g.repeat {
                    (entry_ids(answers, g.name.as_str()).len(), 0)
                } else {
                    // An answer that does not pass its checks is not progress.
                    let answered = |name: &str| values.get(name).cloned().unwrap_or_default();
                    let lookup = q.with_calculations(&answered);
                    let questions = g.questions_in_entry();
                    let valid = |x: &&&Question| {
                        values
                            .get(x.name.as_str())
                            .is_some_and(|v| check_value(q, x, v, &lookup, lang).is_none())
                    };
                    (questions.iter().filter(valid).count(), questions.len())
                };
                Some(GroupLink {
                    name: g.name.to_string(),
                    label: g.label.get(lang, q.default_language).to_string(),
                    answered,
                    total,
                    repeat: g.repeat,
                })
            }
            _ => None,
        })
        .collect()
}

#[derive(Serialize)]
struct Head {
    year: u16,
    edition: String,
    city: String,
    city_id: String,
    status: String,
    status_code: String,
    revision: i64,
    /// When the answers last changed, in words.
    changed: String,
    editable: bool,
    /// Why the viewer cannot change the answers now, when the edition is the reason (collection
    /// closed, deadline behind), with the secretariat's address.
    closed: Option<String>,
}

fn head(lang: Lang, loaded: &Loaded, viewer: &Viewer) -> Head {
    Head {
        year: loaded.edition.year.get(),
        edition: loaded.edition.title.get(lang).to_string(),
        city: loaded.city.name.clone(),
        city_id: loaded.city.id.to_string(),
        status: t(lang, &format!("response-{}", loaded.response.status.slug())),
        status_code: loaded.response.status.slug().to_string(),
        revision: loaded.response.revision,
        changed: crate::i18n::timestamp(lang, loaded.response.updated_at),
        editable: can_edit(viewer, loaded),
        closed: viewer
            .user()
            .filter(|u| smartcities_app::policy::may_write_answers(u, &loaded.city.id))
            .and_then(|u| loaded.closed_to(u))
            .map(|refusal| refusal.message(lang)),
    }
}

pub async fn overview(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let message = query
        .get("uploaded")
        .map(|n| translate(lang, "upload-saved", &[("count", n.parse::<i64>().unwrap_or(0).into())]));
    overview_page(&ctx, &loaded, message, Vec::new()).await
}

/// A city's overview page; `upload_problems` lists what was wrong with a workbook just
/// uploaded, shown beside the upload form.
async fn overview_page(
    ctx: &Ctx<'_>,
    loaded: &Loaded,
    message: Option<String>,
    upload_problems: Vec<String>,
) -> PageResult {
    let (lang, viewer) = (ctx.lang, ctx.viewer);
    let (year, city) = (loaded.edition.year, &loaded.city.id);
    #[derive(Serialize)]
    struct ToAddress {
        label: String,
        comment: String,
        href: String,
    }
    #[derive(Serialize)]
    struct Overview {
        head: Head,
        groups: Vec<GroupLink>,
        message: Option<String>,
        deadline: Option<String>,
        returned: bool,
        to_address: Vec<ToAddress>,
        upload_problems: Vec<String>,
    }
    let q = &loaded.questionnaire;
    let returned = loaded.response.status == ResponseStatus::Returned;
    // The comments of the latest return, each with the page to correct it on.
    let to_address = if returned {
        comments_of(ctx, loaded)
            .await?
            .into_iter()
            .map(|(key, comment)| {
                let (label, group) = match q.question(&key) {
                    Some(question) => {
                        (question.label.get(lang, q.default_language).to_string(), group_of(q, &key))
                    }
                    None => (
                        value_of(&loaded.answers, "gp_title", &key).map_or(key.clone(), |a| a.value.clone()),
                        key.split_once(':').map_or(String::new(), |(g, _)| g.to_string()),
                    ),
                };
                let href = format!("/responses/{year}/{city}/groups/{group}");
                ToAddress { label, comment, href }
            })
            .collect()
    } else {
        Vec::new()
    };
    let deadline =
        smartcities_app::campaign::deadline(&loaded.edition).map(|d| crate::i18n::approx_date(lang, d));
    let body = Overview {
        head: head(lang, loaded, viewer),
        groups: group_links(lang, q, &loaded.answers),
        message,
        deadline,
        returned,
        to_address,
        upload_problems,
    };
    render_page(ctx, "response.html", "me", body).await
}

/// `GET /responses/{year}/{city}/submitted`: the confirmation after submitting, with what
/// happens next.
pub async fn submitted(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    if loaded.response.status != ResponseStatus::Submitted {
        return Ok(Redirect::to(&format!("/responses/{year}/{city}")).into_response());
    }
    #[derive(Serialize)]
    struct Submitted {
        head: Head,
        groups: Vec<GroupLink>,
        when: String,
    }
    let when = loaded.response.submitted_at.map_or(String::new(), |at| crate::i18n::timestamp(lang, at));
    let body = Submitted {
        head: head(lang, &loaded, &viewer),
        groups: group_links(lang, &loaded.questionnaire, &loaded.answers),
        when,
    };
    Ok(render_page(&ctx, "submitted.html", "me", body).await?.into_response())
}

#[derive(Serialize)]
struct EntryView {
    id: u64,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
struct GroupPage {
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
}

fn group_page(
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
            let entry = format!("{}:{id}", group.name);
            let questions = group
                .questions_in_entry()
                .into_iter()
                .map(|question| {
                    let stored = value_of(&loaded.answers, question.name.as_str(), &entry);
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
                        let stored = value_of(&loaded.answers, question.name.as_str(), "");
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
    Some(GroupPage {
        head: head(lang, loaded, viewer),
        groups: group_links(lang, q, &loaded.answers),
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
    })
}

async fn comments_of(ctx: &Ctx<'_>, loaded: &Loaded) -> Result<HashMap<String, String>, PageError> {
    let comments = ctx.state.app.review_comments(loaded).await?;
    // Only the comments of the latest return are current.
    let latest = comments.iter().map(|c| c.revision).max();
    Ok(comments.into_iter().filter(|c| Some(c.revision) == latest).map(|c| (c.question, c.comment)).collect())
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

/// Turns a submitted group form into answer changes: only the questions the page showed
/// (listed in `shown`) are touched, so a hidden follow-up question keeps its answer.
fn form_changes(
    q: &Questionnaire,
    group: &str,
    fields: &HashMap<String, Vec<String>>,
    lang: Lang,
) -> Vec<AnswerChange> {
    let shown = fields.get("shown").cloned().unwrap_or_default();
    let removed: BTreeSet<String> = fields.get("remove").cloned().unwrap_or_default().into_iter().collect();
    let next_id =
        fields.get("next_id").and_then(|v| v.first()).and_then(|v| v.parse::<u64>().ok()).unwrap_or(1);
    let by_name: HashMap<&str, &Question> =
        q.questions().into_iter().map(|l| (l.question.name.as_str(), l.question)).collect();
    let mut changes = Vec::new();
    let new_has_content = shown
        .iter()
        .filter(|f| f.starts_with("new."))
        .any(|f| fields.get(f).is_some_and(|v| v.iter().any(|x| !x.trim().is_empty())));
    for field in &shown {
        let (entry, code) = match field.split_once('.') {
            Some(("new", code)) if new_has_content => (format!("{group}:{next_id}"), code),
            Some(("new", _)) => continue,
            Some((id, code)) => {
                let entry = format!("{group}:{id}");
                if removed.contains(id) {
                    changes.push(AnswerChange { question: code.to_string(), entry, value: None });
                    continue;
                }
                (entry, code)
            }
            None => (String::new(), field.as_str()),
        };
        let Some(question) = by_name.get(code) else { continue };
        let values: Vec<String> = fields
            .get(field)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        let value = match question.kind {
            Kind::SelectMultiple { .. } => values.join(" "),
            Kind::Integer | Kind::Decimal => {
                typed_number(&values.into_iter().next().unwrap_or_default(), lang)
            }
            _ => values.into_iter().next().unwrap_or_default(),
        };
        changes.push(AnswerChange {
            question: code.to_string(),
            entry,
            value: (!value.is_empty()).then_some(value),
        });
    }
    changes
}

/// A page's questions after a save (the answers read before it with its changes applied): which
/// are relevant now, and the problem of each answer that does not pass its checks, by field.
fn group_state(
    lang: Lang,
    loaded: &Loaded,
    group_name: &str,
    changes: &[AnswerChange],
) -> (BTreeMap<String, bool>, BTreeMap<String, String>) {
    let q = &loaded.questionnaire;
    let mut answers: BTreeMap<(String, String), String> =
        loaded.answers.iter().map(|a| ((a.question.clone(), a.entry.clone()), a.value.clone())).collect();
    for change in changes {
        let key = (change.question.clone(), change.entry.clone());
        match &change.value {
            Some(value) => answers.insert(key, value.clone()),
            None => answers.remove(&key),
        };
    }
    let answered = |name: &str| answers.get(&(name.to_string(), String::new())).cloned().unwrap_or_default();
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
        let mut entries: Vec<&String> = answers
            .keys()
            .map(|(_, e)| e)
            .filter(|e| e.split_once(':').is_some_and(|(g, _)| g == group_name))
            .collect();
        entries.dedup();
        for entry in entries {
            let id = entry.split_once(':').map_or("", |(_, id)| id);
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
                        check(
                            question,
                            field,
                            answers.get(&(question.name.to_string(), String::new())),
                            &top,
                        );
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

fn wants_json(headers: &HeaderMap) -> bool {
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
        let base = first("revision").and_then(|r| r.parse::<i64>().ok()).unwrap_or(0);
        let changes = form_changes(&loaded.questionnaire, &group, &fields, lang);
        let saved = state.app.save_answers_in(user_of(&viewer)?, &loaded, base, &changes, lang).await;
        let outcome = match saved {
            // Autosave learns which answers were refused, by field, so it can show each beside its
            // question and save the others without them.
            Err(AppError::Refused(Refusal::InvalidAnswers(problems))) if json => {
                let by_field: BTreeMap<String, String> = problems
                    .iter()
                    .map(|p| {
                        let field = match p.entry.split_once(':') {
                            Some((_, id)) => format!("{id}.{}", p.question),
                            None => p.question.clone(),
                        };
                        (field, p.message.clone())
                    })
                    .collect();
                let body = serde_json::json!({
                    "error": {"code": "invalid", "message": t(lang, "refused-invalid-answers")},
                    "problems": by_field,
                });
                return Ok((StatusCode::CONFLICT, Json(body)).into_response());
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
                let q = &loaded.questionnaire;
                let described: Vec<String> = conflicts
                    .iter()
                    .map(|c| {
                        let label = q.question(&c.question).map_or(c.question.clone(), |x| {
                            x.label.get(lang, q.default_language).to_string()
                        });
                        translate(
                            lang,
                            "conflict-line",
                            &[
                                ("question", label.into()),
                                ("theirs", c.theirs.clone().into()),
                                ("who", c.changed_by.clone().into()),
                                ("yours", c.yours.clone().unwrap_or_default().into()),
                            ],
                        )
                    })
                    .collect();
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

#[derive(Serialize)]
struct IssueView {
    message: String,
    group: String,
}

#[derive(Serialize)]
struct AnsweredView {
    code: String,
    label: String,
    value: String,
    evidence: String,
    evidence_code: &'static str,
    note: Option<String>,
    comment: Option<String>,
}

#[derive(Serialize)]
struct ReviewPage {
    head: Head,
    groups: Vec<GroupLink>,
    issues: Vec<IssueView>,
    can_submit: bool,
    can_decide: bool,
    can_withdraw: bool,
    can_set_evidence: bool,
    evidence_levels: Vec<(&'static str, String)>,
    answered: Vec<AnsweredView>,
    comments: Vec<(String, String)>,
    practices: Vec<PracticeEntryView>,
    /// Comments typed before a refused decision, by question or entry.
    typed: HashMap<String, String>,
    /// Why the decision was refused.
    refusal: Option<String>,
}

/// A good practice entered in the questionnaire, field by field, with the reviewer's comment.
#[derive(Serialize)]
struct PracticeEntryView {
    /// The entry key (`good_practices:2`), which comments are keyed by.
    entry: String,
    title: String,
    fields: Vec<(String, String)>,
    comment: Option<String>,
}

/// The good practices of a response, in entry order, each field in questionnaire order.
fn practice_entries(
    lang: Lang,
    q: &Questionnaire,
    answers: &[StoredAnswer],
    comments: &HashMap<String, String>,
) -> Vec<PracticeEntryView> {
    let mut entries: Vec<&str> =
        answers.iter().map(|a| a.entry.as_str()).filter(|e| e.starts_with("good_practices:")).collect();
    entries.sort_by_key(|e| e.split_once(':').and_then(|(_, n)| n.parse::<u64>().ok()));
    entries.dedup();
    entries
        .into_iter()
        .map(|entry| {
            let fields: Vec<(String, String)> = q
                .questions()
                .into_iter()
                .filter_map(|l| {
                    let stored = value_of(answers, l.question.name.as_str(), entry)?;
                    Some((
                        l.question.label.get(lang, q.default_language).to_string(),
                        shown_value(lang, q, l.question, &stored.value),
                    ))
                })
                .collect();
            let title = value_of(answers, "gp_title", entry).map(|a| a.value.clone()).unwrap_or_default();
            PracticeEntryView {
                entry: entry.to_string(),
                title,
                fields,
                comment: comments.get(entry).cloned(),
            }
        })
        .collect()
}

/// The top-level group a question is asked in.
fn group_of(q: &Questionnaire, question: &str) -> String {
    q.questions()
        .into_iter()
        .find(|l| l.question.name.as_str() == question)
        .and_then(|l| l.groups.first().map(|g| g.name.to_string()))
        .unwrap_or_default()
}

/// How an answer reads: choice labels instead of codes.
fn shown_value(lang: Lang, q: &Questionnaire, question: &Question, value: &str) -> String {
    let labels: Vec<String> = value
        .split_whitespace()
        .map(|code| {
            q.choices(question)
                .iter()
                .find(|c| c.name == code)
                .map_or(code.to_string(), |c| c.label.get(lang, q.default_language).to_string())
        })
        .collect();
    if q.choices(question).is_empty() { value.to_string() } else { labels.join(", ") }
}

pub async fn review(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    review_page(&ctx, &loaded, &HashMap::new(), None).await
}

/// The review page; after a refused decision, with the comments typed and the reason.
async fn review_page(
    ctx: &Ctx<'_>,
    loaded: &Loaded,
    typed: &HashMap<String, String>,
    refusal: Option<String>,
) -> PageResult {
    let (state, lang, viewer) = (ctx.state, ctx.lang, ctx.viewer);
    let q = &loaded.questionnaire;
    let response = state.app.response_values(loaded).await?;
    let issues: Vec<IssueView> = validate(q, &response, lang)
        .into_iter()
        .map(|i| IssueView { group: group_of(q, &i.question), message: i.message })
        .collect();
    let comments = comments_of(ctx, loaded).await?;
    let status = loaded.response.status;
    let answered = q
        .questions()
        .into_iter()
        .filter_map(|l| {
            let stored = value_of(&loaded.answers, l.question.name.as_str(), "")?;
            Some(AnsweredView {
                code: l.question.name.to_string(),
                label: l.question.label.get(lang, q.default_language).to_string(),
                value: shown_value(lang, q, l.question, &stored.value),
                evidence: t(lang, &format!("evidence-{}", stored.evidence.slug())),
                evidence_code: stored.evidence.slug(),
                note: stored.evidence_note.clone(),
                comment: comments.get(l.question.name.as_str()).cloned(),
            })
        })
        .collect();
    let body = ReviewPage {
        head: head(lang, loaded, viewer),
        groups: group_links(lang, q, &loaded.answers),
        can_submit: can_edit(viewer, loaded) && status.open_to_respondent() && issues.is_empty(),
        can_decide: viewer.is_secretariat() && status == ResponseStatus::Submitted,
        can_withdraw: viewer.is_secretariat() && status != ResponseStatus::Withdrawn,
        can_set_evidence: viewer.is_secretariat(),
        evidence_levels: Evidence::ALL
            .iter()
            .map(|e| (e.slug(), t(lang, &format!("evidence-{}", e.slug()))))
            .collect(),
        issues,
        answered,
        practices: practice_entries(lang, q, &loaded.answers, &comments),
        typed: typed.clone(),
        refusal,
        comments: comments
            .iter()
            .map(|(code, c)| {
                let label = match q.question(code) {
                    Some(x) => x.label.get(lang, q.default_language).to_string(),
                    None => value_of(&loaded.answers, "gp_title", code).map_or(code.clone(), |a| {
                        format!("{} {}", crate::i18n::with_colon(lang, &t(lang, "review-practices")), a.value)
                    }),
                };
                (label, c.clone())
            })
            .collect(),
    };
    render_page(ctx, "review.html", "me", body).await
}

pub async fn submit(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let fields = parse_form(&body);
    check_csrf(&viewer, fields.get("csrf").and_then(|v| v.first()).map(String::as_str), lang)?;
    state
        .app
        .submit(user_of(&viewer)?, loaded.edition.year, &loaded.city.id, lang)
        .await
        .map_err(refused(lang))?;
    Ok(Redirect::to(&format!("/responses/{year}/{city}/submitted")).into_response())
}

/// The secretariat's decision on a submitted response: accept, or return with comments.
pub async fn decide(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let fields = parse_form(&body);
    let first = |name: &str| fields.get(name).and_then(|v| v.first()).map(String::as_str);
    check_csrf(&viewer, first("csrf"), lang)?;
    let user = user_of(&viewer)?;
    let (year_v, city_id) = (loaded.edition.year, &loaded.city.id);
    let app = &state.app;
    let done = match first("decision") {
        Some("accept") => app.accept(user, year_v, city_id).await,
        Some("return") => {
            let comments: Vec<(String, String)> = fields
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix("comment.")?.to_string(), v.first()?.clone())))
                .collect();
            app.return_with_comments(user, year_v, city_id, &comments).await
        }
        Some("withdraw") => app.withdraw(user, year_v, city_id).await,
        Some("evidence") => {
            let evidence = Evidence::parse(first("evidence").unwrap_or_default())
                .map_err(|_| PageError::NotFound(lang))?;
            app.set_evidence(
                user,
                year_v,
                city_id,
                first("question").unwrap_or_default(),
                first("entry").unwrap_or_default(),
                evidence,
                first("note"),
            )
            .await
        }
        _ => return Err(PageError::Refused(lang, t(lang, "form-expired"))),
    };
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/responses/{year}/{city}/review")).into_response()),
        // A decision the person can correct shows the review again, with what was typed.
        Err(e) => {
            let reason = form_refusal(lang, e)?;
            let typed: HashMap<String, String> = fields
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix("comment.")?.to_string(), v.first()?.clone())))
                .collect();
            let page = review_page(&ctx, &loaded, &typed, Some(reason)).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}

#[derive(Serialize)]
struct PrintSection {
    label: String,
    questions: Vec<(String, String, String)>,
}

pub async fn print(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let q = &loaded.questionnaire;
    let mut sections: Vec<PrintSection> = Vec::new();
    for located in q.questions() {
        let label = located
            .groups
            .iter()
            .map(|g| g.label.get(lang, q.default_language))
            .collect::<Vec<_>>()
            .join(" › ");
        if sections.last().is_none_or(|s| s.label != label) {
            sections.push(PrintSection { label: label.clone(), questions: Vec::new() });
        }
        let question = located.question;
        let value = if located.repeat().is_some() {
            let ids = entry_ids(&loaded.answers, located.repeat().map_or("", |g| g.name.as_str()));
            ids.iter()
                .filter_map(|id| {
                    let entry = format!("{}:{id}", located.repeat().map_or("", |g| g.name.as_str()));
                    value_of(&loaded.answers, question.name.as_str(), &entry)
                        .map(|a| shown_value(lang, q, question, &a.value))
                })
                .collect::<Vec<_>>()
                .join(" | ")
        } else {
            value_of(&loaded.answers, question.name.as_str(), "")
                .map(|a| shown_value(lang, q, question, &a.value))
                .unwrap_or_default()
        };
        let options: Vec<&str> =
            q.choices(question).iter().map(|c| c.label.get(lang, q.default_language)).collect();
        if let Some(section) = sections.last_mut() {
            section.questions.push((
                question.label.get(lang, q.default_language).to_string(),
                options.join(" / "),
                value,
            ));
        }
    }
    #[derive(Serialize)]
    struct PrintPage {
        head: Head,
        sections: Vec<PrintSection>,
    }
    render_page(&ctx, "print.html", "me", PrintPage { head: head(lang, &loaded, &viewer), sections }).await
}

/// Changes shown per page of a response's history.
const HISTORY_PAGE: usize = 200;

pub async fn history(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let q = &loaded.questionnaire;
    let only = query.get("question").map(String::as_str).filter(|s| !s.is_empty());
    // A page of changes at a time: a long campaign's autosaves make thousands.
    let page: usize = query.get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1);
    let offset = (page - 1).saturating_mul(HISTORY_PAGE);
    let (changes, total) = state.app.answer_history(&loaded, only, HISTORY_PAGE, offset).await?;
    #[derive(Serialize)]
    struct Row {
        when: String,
        iso: String,
        who: String,
        question: String,
        code: String,
        entry: String,
        old: String,
        new: String,
        version: i64,
    }
    #[derive(Serialize)]
    struct HistoryPage {
        head: Head,
        rows: Vec<Row>,
        question: Option<String>,
        page: usize,
        pages: usize,
        total: usize,
    }
    // Answers in words (choice labels, numbers as the language writes them), times in the
    // language; a question removed since keeps its code and raw values.
    let words = |code: &str, value: Option<String>| {
        let value = value.unwrap_or_default();
        match q.question(code) {
            Some(question) if matches!(question.kind, Kind::Integer | Kind::Decimal) => {
                shown_number(&value, lang)
            }
            Some(question) => shown_value(lang, q, question, &value),
            None => value,
        }
    };
    let rows = changes
        .into_iter()
        .map(|c| Row {
            when: crate::i18n::timestamp(lang, c.changed_at),
            iso: c.changed_at.to_string(),
            who: c.changed_by,
            question: q
                .question(&c.question)
                .map_or(c.question.clone(), |x| x.label.get(lang, q.default_language).to_string()),
            entry: c.entry.split_once(':').map_or(String::new(), |(_, n)| {
                translate(lang, "entry", &[("number", n.parse::<i64>().unwrap_or(0).into())])
            }),
            old: words(&c.question, c.old_value),
            new: words(&c.question, c.new_value),
            code: c.question,
            version: c.questionnaire_version,
        })
        .collect();
    render_page(
        &ctx,
        "history.html",
        "me",
        HistoryPage {
            head: head(lang, &loaded, &viewer),
            rows,
            question: only.map(str::to_string),
            page,
            pages: total.div_ceil(HISTORY_PAGE).max(1),
            total,
        },
    )
    .await
}

pub async fn workbook(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let bytes = state.app.offline_workbook(&loaded, lang).map_err(refused(lang))?;
    let name = format!("smartcities-{year}-{city}.xlsx");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response())
}

pub async fn upload_workbook(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let (mut csrf, mut file, mut too_large) = (None, None, false);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("csrf") => csrf = field.text().await.ok(),
                Some("file") => match field.bytes().await {
                    Ok(bytes) => file = Some(bytes),
                    Err(e) => too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE,
                },
                _ => {}
            },
            Ok(None) => break,
            Err(e) => {
                too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                break;
            }
        }
    }
    // Every refusal shows the overview again with the problems beside the upload form.
    let (ctx, loaded) = (&ctx, &loaded);
    let refuse = move |problems: Vec<String>| async move {
        let page = overview_page(ctx, loaded, None, problems).await?;
        Ok::<_, PageError>((StatusCode::CONFLICT, page).into_response())
    };
    if too_large {
        let max = Limits::UPLOAD.max_file_bytes;
        let error = WorkbookError::FileTooLarge { bytes: max + 1, max };
        return refuse(vec![error.message(lang)]).await;
    }
    check_csrf(&viewer, csrf.as_deref(), lang)?;
    let Some(file) = file.filter(|f| !f.is_empty()) else {
        return refuse(vec![t(lang, "upload-missing")]).await;
    };
    let outcome = state
        .app
        .upload_workbook(user_of(&viewer)?, loaded.edition.year, &loaded.city.id, file.to_vec(), lang)
        .await;
    match outcome {
        Ok(SaveOutcome::Saved { changed, .. }) => {
            Ok(Redirect::to(&format!("/responses/{year}/{city}?uploaded={changed}")).into_response())
        }
        Ok(SaveOutcome::Conflicts { conflicts, .. }) => {
            let names: Vec<String> = conflicts.iter().map(|c| c.question.clone()).collect();
            refuse(vec![format!("{} {}", t(lang, "upload-conflict"), names.join(", "))]).await
        }
        Err(AppError::Refused(Refusal::Workbook(findings))) => {
            refuse(findings.iter().map(|f| f.located(lang)).collect()).await
        }
        Err(AppError::Refused(Refusal::InvalidAnswers(problems))) => {
            refuse(problems.into_iter().map(|p| p.message).collect()).await
        }
        Err(e) => Err(refused(lang)(e)),
    }
}
