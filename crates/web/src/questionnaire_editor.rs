//! The secretariat's questionnaire editor: every group and question of an edition's
//! questionnaire, a form per question (labels, hints and constraint messages in es/en/fr,
//! required, skip logic, constraint, default, name), new questions and removals. Each save is
//! checked like an imported XLSForm and stored as a new version; an edit based on an older
//! version is refused, so two editors never undo each other's work. Analysts may read.

use std::collections::{BTreeMap, HashMap};

use axum::{
    extract::{Path, State},
    http::{StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::questionnaire::{
    Condition, FieldName, Item, Kind, NonAnswer, NonAnswers, Question, Questionnaire, Texts, YES_NO,
    check_references, check_value,
};
use smartcities_domain::{EditionYear, Lang, QuestionnaireVersion};

use crate::{
    AppState,
    auth::{Secretariat, Staff, Viewer},
    conditions::{COMPARISONS, from_pick_list, in_words},
    form::CsrfForm,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

type Fields = HashMap<String, Vec<String>>;

fn first<'f>(fields: &'f Fields, name: &str) -> &'f str {
    fields.get(name).and_then(|v| v.first()).map_or("", |s| s.trim())
}

/// The questionnaire of an edition (reads are for the secretariat and analysts, as the routes'
/// extractors ensure; changes for the secretariat only).
async fn load(
    ctx: &Ctx<'_>,
    year: &str,
) -> Result<(EditionYear, QuestionnaireVersion, Questionnaire), PageError> {
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(ctx.lang))?;
    let (version, questionnaire) =
        ctx.state.app.questionnaire_of(year).await?.ok_or(PageError::NotFound(ctx.lang))?;
    Ok((year, version, questionnaire))
}

/// What a question asks for, in everyday words: "Yes or no", "One of a list (sectors)".
fn kind_words(lang: Lang, kind: &Kind) -> String {
    let of = |key: &str, list: &str| crate::i18n::translate(lang, key, &[("list", list.to_string().into())]);
    match kind {
        Kind::Integer => t(lang, "editor-kind-integer"),
        Kind::Decimal => t(lang, "editor-kind-decimal"),
        Kind::Text => t(lang, "editor-kind-text"),
        Kind::Date => t(lang, "editor-kind-date"),
        Kind::File => t(lang, "editor-kind-file"),
        Kind::Image => t(lang, "editor-kind-image"),
        Kind::YesNo => t(lang, "editor-kind-yes-no"),
        Kind::Ordinal { list } => of("editor-kind-scale", list),
        Kind::SelectOne { list } => of("editor-kind-one-of", list),
        Kind::SelectMultiple { list } => of("editor-kind-several-of", list),
    }
}

/// The XLSForm type of a question, as the form's authors know it.
fn type_name(kind: &Kind) -> String {
    match kind {
        Kind::Integer => "integer".into(),
        Kind::Decimal => "decimal".into(),
        Kind::Text => "text".into(),
        Kind::Date => "date".into(),
        Kind::File => "file".into(),
        Kind::Image => "image".into(),
        Kind::YesNo => format!("select_one {YES_NO}"),
        Kind::Ordinal { list } => format!("select_one {list} (likert)"),
        Kind::SelectOne { list } => format!("select_one {list}"),
        Kind::SelectMultiple { list } => format!("select_multiple {list}"),
    }
}

fn texts_of(fields: &Fields, prefix: &str) -> Texts {
    Texts(
        Lang::ALL
            .iter()
            .filter_map(|l| {
                let text = first(fields, &format!("{prefix}.{}", l.code()));
                (!text.is_empty()).then(|| (*l, text.to_string()))
            })
            .collect(),
    )
}

#[derive(Serialize)]
struct Row {
    name: String,
    kind: String,
    /// The same in everyday words.
    kind_words: String,
    label: String,
    required: bool,
    relevant: String,
    relevant_words: String,
    constraint: String,
    constraint_words: String,
}

/// A condition's expression and the same in words, or two empty strings.
fn condition_texts(lang: Lang, q: &Questionnaire, condition: Option<&Condition>) -> (String, String) {
    condition.map_or_else(Default::default, |c| (c.source.clone(), in_words(lang, q, &c.expr)))
}

/// The warning editors see while cities are answering, if they are.
async fn campaign_warning(ctx: &Ctx<'_>, year: EditionYear) -> Result<Option<String>, PageError> {
    let edition = ctx.state.app.edition(year).await?.ok_or(PageError::NotFound(ctx.lang))?;
    if edition.status.collection != smartcities_domain::Collection::Open {
        return Ok(None);
    }
    let cities = ctx.state.app.invited_count(year).await?;
    Ok(Some(translate(ctx.lang, "editor-campaign-open", &[("cities", cities.into())])))
}

#[derive(Serialize)]
struct GroupRows {
    name: String,
    label: String,
    depth: usize,
    repeat: bool,
    questions: Vec<Row>,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct OverviewPage {
    year: u16,
    version: QuestionnaireVersion,
    title: String,
    groups: Vec<GroupRows>,
    group_choices: Vec<Choice>,
    types: Vec<Choice>,
    language_choices: Vec<Choice>,
    notice: Option<String>,
    campaign_open: Option<String>,
    errors: Vec<String>,
    /// What the add form held when it was refused.
    new: BTreeMap<String, String>,
}

fn overview_page(
    lang: Lang,
    year: EditionYear,
    version: QuestionnaireVersion,
    q: &Questionnaire,
) -> OverviewPage {
    let groups = q
        .groups()
        .into_iter()
        .map(|(depth, g)| GroupRows {
            name: g.name.to_string(),
            label: g.label.get(lang, q.default_language).to_string(),
            depth,
            repeat: g.repeat,
            questions: g
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Question(question) => {
                        let (relevant, relevant_words) = condition_texts(lang, q, question.relevant.as_ref());
                        let (constraint, constraint_words) =
                            condition_texts(lang, q, question.constraint.as_ref());
                        Some(Row {
                            name: question.name.to_string(),
                            kind: type_name(&question.kind),
                            kind_words: kind_words(lang, &question.kind),
                            label: question.label.get(lang, q.default_language).to_string(),
                            required: question.required,
                            relevant,
                            relevant_words,
                            constraint,
                            constraint_words,
                        })
                    }
                    _ => None,
                })
                .collect(),
        })
        .collect::<Vec<_>>();
    let mut types: Vec<Choice> = ["integer", "decimal", "text", "date", "file", "image", "yes_no"]
        .iter()
        .map(|k| Choice { value: (*k).into(), label: kind_words(lang, &kind_of(k).unwrap_or(Kind::Text)) })
        .collect();
    for list in q.lists.keys().filter(|l| l.as_str() != YES_NO) {
        let one = Kind::SelectOne { list: list.as_str().into() };
        let several = Kind::SelectMultiple { list: list.as_str().into() };
        types.push(Choice { value: format!("select_one:{list}"), label: kind_words(lang, &one) });
        types.push(Choice { value: format!("select_multiple:{list}"), label: kind_words(lang, &several) });
    }
    OverviewPage {
        year: year.get(),
        version,
        title: q.title.get(lang, q.default_language).to_string(),
        group_choices: groups
            .iter()
            .map(|g| Choice { value: g.name.clone(), label: g.label.clone() })
            .collect(),
        groups,
        types,
        language_choices: Lang::ALL
            .iter()
            .map(|l| Choice { value: l.code().into(), label: t(lang, &format!("language-{}", l.code())) })
            .collect(),
        notice: None,
        campaign_open: None,
        errors: Vec::new(),
        new: BTreeMap::new(),
    }
}

/// A question kind from the add form's type field: `integer`, `yes_no`, `select_one:LIST`…
fn kind_of(value: &str) -> Option<Kind> {
    Some(match value.split_once(':') {
        None => match value {
            "integer" => Kind::Integer,
            "decimal" => Kind::Decimal,
            "text" => Kind::Text,
            "date" => Kind::Date,
            "file" => Kind::File,
            "image" => Kind::Image,
            "yes_no" => Kind::YesNo,
            _ => return None,
        },
        Some(("select_one", list)) => Kind::SelectOne { list: list.into() },
        Some(("select_multiple", list)) => Kind::SelectMultiple { list: list.into() },
        Some(_) => return None,
    })
}

pub async fn overview(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Staff(_): Staff,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let (year, version, q) = load(&ctx, &year).await?;
    let mut page = overview_page(lang, year, version, &q);
    if let Some(saved) = uri.query().and_then(|q| q.split('&').find_map(|p| p.strip_prefix("saved="))) {
        page.notice = Some(translate(lang, "editor-saved", &[("version", saved.to_string().into())]));
    }
    page.campaign_open = campaign_warning(&ctx, year).await?;
    render_page(&ctx, "questionnaire_editor.html", "me", page).await
}

/// The questionnaire as an XLSForm workbook, to edit in a spreadsheet and import again.
pub async fn xlsform(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Staff(_): Staff,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let (year, _, _) = load(&ctx, &year).await?;
    let (version, bytes) = state.app.xlsform(year).await.map_err(refused(lang))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"questionnaire-{year}-v{version}.xlsx\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Serialize)]
struct QuestionForm {
    year: u16,
    version: QuestionnaireVersion,
    original: String,
    name: String,
    kind: String,
    kind_words: String,
    label: BTreeMap<&'static str, String>,
    hint: BTreeMap<&'static str, String>,
    constraint_message: BTreeMap<&'static str, String>,
    required: bool,
    relevant: String,
    relevant_words: String,
    constraint: String,
    constraint_words: String,
    default: String,
    /// The question's own "don't know" / "not applicable" setting (`""`: the questionnaire's),
    /// and the settings to choose from.
    non_answers: String,
    non_answer_choices: Vec<Choice>,
    answers: i64,
    choices: Vec<(String, String)>,
    errors: Vec<String>,
    /// The pick lists that build a condition: the other questions, the comparisons, and the
    /// choice codes (with their labels) a value may take.
    pick_questions: Vec<Choice>,
    comparisons: Vec<Choice>,
    pick_values: Vec<Choice>,
    /// The pick-list row as typed, kept when the form is refused.
    pick: BTreeMap<&'static str, String>,
    /// Ask before removing the question.
    confirm_delete: bool,
    campaign_open: Option<String>,
    /// The question as respondents will see it in each language.
    previews: Vec<crate::questionnaire_preview::Preview>,
}

fn by_code(texts: &Texts) -> BTreeMap<&'static str, String> {
    Lang::ALL.iter().map(|l| (l.code(), texts.0.get(l).cloned().unwrap_or_default())).collect()
}

/// The settings a question may take: the questionnaire's (named), both, either, neither.
fn non_answer_choices(lang: Lang, q: &Questionnaire) -> Vec<Choice> {
    let words = |n: NonAnswers| match (n.dont_know, n.not_applicable) {
        (true, true) => t(lang, "editor-non-answers-both"),
        (true, false) => NonAnswer::DontKnow.words(lang).to_string(),
        (false, true) => NonAnswer::NotApplicable.words(lang).to_string(),
        (false, false) => t(lang, "editor-non-answers-neither"),
    };
    let inherited = crate::i18n::translate(
        lang,
        "editor-non-answers-inherit",
        &[("offered", words(q.non_answers).into())],
    );
    let mut choices = vec![Choice { value: String::new(), label: inherited }];
    for offered in [
        NonAnswers::BOTH,
        NonAnswers { dont_know: true, not_applicable: false },
        NonAnswers { dont_know: false, not_applicable: true },
        NonAnswers::NONE,
    ] {
        choices.push(Choice { value: offered.cell().to_string(), label: words(offered) });
    }
    choices
}

fn question_form(
    lang: Lang,
    year: EditionYear,
    version: QuestionnaireVersion,
    q: &Questionnaire,
    question: &Question,
    answers: i64,
) -> QuestionForm {
    let relevant = condition_texts(lang, q, question.relevant.as_ref());
    let constraint = condition_texts(lang, q, question.constraint.as_ref());
    QuestionForm {
        year: year.get(),
        version,
        original: question.name.to_string(),
        name: question.name.to_string(),
        kind: type_name(&question.kind),
        kind_words: kind_words(lang, &question.kind),
        label: by_code(&question.label),
        hint: by_code(&question.hint),
        constraint_message: by_code(&question.constraint_message),
        required: question.required,
        relevant: relevant.0,
        relevant_words: relevant.1,
        constraint: constraint.0,
        constraint_words: constraint.1,
        default: question.default.clone().unwrap_or_default(),
        non_answers: question.non_answers.map(|n| n.cell().to_string()).unwrap_or_default(),
        non_answer_choices: non_answer_choices(lang, q),
        answers,
        choices: q
            .choices(question)
            .iter()
            .map(|c| (c.name.clone(), c.label.get(lang, q.default_language).to_string()))
            .collect(),
        errors: Vec::new(),
        pick_questions: q
            .questions()
            .iter()
            .filter(|l| l.question.name != question.name)
            .map(|l| Choice {
                value: l.question.name.to_string(),
                label: format!("{} — {}", l.question.name, l.question.label.get(lang, q.default_language)),
            })
            .collect(),
        comparisons: COMPARISONS
            .iter()
            .map(|(code, _)| Choice { value: (*code).into(), label: t(lang, &format!("cond-pick-{code}")) })
            .collect(),
        pick_values: q
            .lists
            .values()
            .flatten()
            .map(|c| Choice {
                value: c.name.clone(),
                label: c.label.get(lang, q.default_language).to_string(),
            })
            .fold(Vec::new(), |mut seen: Vec<Choice>, c| {
                if !seen.iter().any(|s| s.value == c.value) {
                    seen.push(c);
                }
                seen
            }),
        pick: BTreeMap::new(),
        confirm_delete: false,
        campaign_open: None,
        previews: crate::questionnaire_preview::previews(lang, q, question),
    }
}

pub async fn question(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, name)): Path<(String, String)>,
    Secretariat(_): Secretariat,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let (year, version, q) = load(&ctx, &year).await?;
    let question = q.question(&name).ok_or(PageError::NotFound(lang))?;
    let answers =
        state.app.answer_count(viewer.user().ok_or(PageError::Forbidden(lang))?, year, &name).await?;
    let mut form = question_form(lang, year, version, &q, question, answers);
    form.campaign_open = campaign_warning(&ctx, year).await?;
    render_page(&ctx, "question_editor.html", "me", form).await
}

/// The `relevant` expression a form asks for: the typed one, joined with `and` to the one the
/// pick-list row builds, if the row names a question.
fn relevant_of(q: &Questionnaire, fields: &Fields) -> String {
    let typed = first(fields, "relevant");
    let picked = from_pick_list(
        q,
        first(fields, "pick.question"),
        first(fields, "pick.comparison"),
        first(fields, "pick.value"),
    );
    match (typed, picked) {
        (typed, None) => typed.to_string(),
        ("", Some(picked)) => picked,
        (typed, Some(picked)) => format!("({typed}) and {picked}"),
    }
}

/// The problem with a label that lacks the questionnaire's default language, if it does.
fn missing_label(lang: Lang, q: &Questionnaire, label: &Texts) -> Option<String> {
    label.0.get(&q.default_language).is_none_or(String::is_empty).then(|| {
        let language = t(lang, &format!("language-{}", q.default_language.code()));
        format!(
            "{}: {}",
            t(lang, "editor-label"),
            translate(lang, "editor-label-needed", &[("language", language.into())])
        )
    })
}

/// Applies the edit form to the questionnaire; every problem is listed, labelled by field.
/// Returns the rename it made, if any.
fn apply_edit(
    lang: Lang,
    q: &mut Questionnaire,
    original: &str,
    fields: &Fields,
) -> Result<Option<FieldName>, Vec<String>> {
    let mut errors = Vec::new();
    let field = |key: &str, e: &dyn std::fmt::Display| {
        format!("{} {e}", crate::i18n::with_colon(lang, &t(lang, key)))
    };
    let condition = |key: &str, source: &str, errors: &mut Vec<String>| match source {
        "" => None,
        s => Condition::parse(s).map_err(|e| errors.push(field(key, &e))).ok(),
    };
    let relevant = condition("editor-relevant", &relevant_of(q, fields), &mut errors);
    let constraint = condition("editor-constraint", first(fields, "constraint"), &mut errors);
    let label = texts_of(fields, "label");
    errors.extend(missing_label(lang, q, &label));
    let renamed = match FieldName::parse(first(fields, "name")) {
        Ok(name) if name.as_str() == original => None,
        Ok(name) => match q.rename_question(original, &name) {
            Ok(()) => Some(name),
            Err(e) => {
                errors.push(field("editor-name", &e));
                None
            }
        },
        Err(e) => {
            errors.push(field("editor-name", &e));
            None
        }
    };
    let current = renamed.as_ref().map_or(original, FieldName::as_str).to_string();
    if let Some(question) = q.question_mut(&current) {
        question.label = label;
        question.hint = texts_of(fields, "hint");
        question.constraint_message = texts_of(fields, "constraint_message");
        question.required = first(fields, "required") == "on";
        question.relevant = relevant;
        question.constraint = constraint;
        question.default = Some(first(fields, "default").to_string()).filter(|d| !d.is_empty());
        // Only a form that has the setting changes it.
        if fields.contains_key("non_answers") {
            match NonAnswers::parse(first(fields, "non_answers")) {
                Ok(offered) => question.non_answers = offered,
                Err(word) => errors.push(field("editor-non-answers", &word)),
            }
        }
    }
    if let Some(question) = q.question(&current)
        && let Some(default) = &question.default
        && let Some((_, problem)) = check_value(q, question, default, &|_| String::new(), lang)
    {
        errors.push(field("editor-default", &problem));
    }
    for (at, problem) in check_references(q) {
        errors.push(format!("{at}: {problem}"));
    }
    if errors.is_empty() { Ok(renamed) } else { Err(errors) }
}

/// Saves or removes a question (`action=save|delete`); secretariat only.
pub async fn save_question(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year_s, name)): Path<(String, String)>,
    Secretariat(_): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let (year, version, mut q) = load(&ctx, &year_s).await?;
    let based_on: QuestionnaireVersion =
        first(&fields, "version").parse().map_err(|_| PageError::Refused(lang, t(lang, "form-expired")))?;
    let original = q.question(&name).ok_or(PageError::NotFound(lang))?.clone();
    let answers =
        state.app.answer_count(viewer.user().ok_or(PageError::Forbidden(lang))?, year, &name).await?;
    // The form shown again, as typed, with what is wrong or what to confirm.
    let form_again = |q: &Questionnaire, errors: Vec<String>| {
        let mut form = question_form(lang, year, version, q, &original, answers);
        form.version = based_on;
        form.name = first(&fields, "name").to_string();
        form.label = by_code(&texts_of(&fields, "label"));
        form.hint = by_code(&texts_of(&fields, "hint"));
        form.constraint_message = by_code(&texts_of(&fields, "constraint_message"));
        form.required = first(&fields, "required") == "on";
        form.relevant = first(&fields, "relevant").to_string();
        form.constraint = first(&fields, "constraint").to_string();
        form.default = first(&fields, "default").to_string();
        if fields.contains_key("non_answers") {
            form.non_answers = first(&fields, "non_answers").to_string();
        }
        form.pick = ["question", "comparison", "value"]
            .into_iter()
            .map(|part| (part, first(&fields, &format!("pick.{part}")).to_string()))
            .collect();
        form.errors = errors;
        form
    };
    match first(&fields, "action") {
        "delete" | "delete-confirmed" => {
            let mut problems = Vec::new();
            if answers > 0 {
                problems.push(translate(lang, "editor-delete-answered", &[("count", answers.into())]));
            }
            let mut without = q.clone();
            without.remove_question(&name);
            let references = check_references(&without);
            if !references.is_empty() {
                let list: Vec<String> = references.into_iter().map(|(at, p)| format!("{at}: {p}")).collect();
                problems.push(format!("{} {}", t(lang, "editor-delete-referenced"), list.join("; ")));
            }
            if !problems.is_empty() {
                let form = form_again(&q, problems);
                let page = render_page(&ctx, "question_editor.html", "me", form).await?;
                return Ok((StatusCode::CONFLICT, page).into_response());
            }
            if first(&fields, "action") == "delete" {
                // Removing cannot be undone from here: ask first.
                let mut form = form_again(&q, Vec::new());
                form.confirm_delete = true;
                form.campaign_open = campaign_warning(&ctx, year).await?;
                return Ok(render_page(&ctx, "question_editor.html", "me", form).await?.into_response());
            }
            let source = format!("removed {name} on the web");
            let saved = state
                .app
                .edit_questionnaire(year, based_on, &without, None, &source)
                .await
                .map_err(refused(lang))?;
            return Ok(Redirect::to(&format!("/questionnaires/{year}?saved={saved}")).into_response());
        }
        _ => {}
    }
    match apply_edit(lang, &mut q, &name, &fields) {
        Ok(renamed) => {
            let renamed_pair = renamed.as_ref().map(|new| (name.as_str(), new.as_str()));
            let source = match &renamed {
                Some(new) => format!("edited {name} on the web, renamed to {new}"),
                None => format!("edited {name} on the web"),
            };
            let saved = match state.app.edit_questionnaire(year, based_on, &q, renamed_pair, &source).await {
                Ok(saved) => saved,
                // Someone else saved meanwhile, say: the form stays as typed, with the reason.
                Err(e) => {
                    let form = form_again(&q, vec![form_refusal(lang, e)?]);
                    let page = render_page(&ctx, "question_editor.html", "me", form).await?;
                    return Ok((StatusCode::CONFLICT, page).into_response());
                }
            };
            Ok(Redirect::to(&format!(
                "/questionnaires/{year}?saved={saved}#q-{}",
                renamed.as_ref().map_or(name.as_str(), FieldName::as_str)
            ))
            .into_response())
        }
        Err(errors) => {
            let page = render_page(&ctx, "question_editor.html", "me", form_again(&q, errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Adds a question at the end of a group; secretariat only.
pub async fn add_question(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year_s): Path<String>,
    Secretariat(_): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let (year, version, mut q) = load(&ctx, &year_s).await?;
    let based_on: QuestionnaireVersion =
        first(&fields, "version").parse().map_err(|_| PageError::Refused(lang, t(lang, "form-expired")))?;
    let mut errors = Vec::new();
    let field = |key: &str, e: &dyn std::fmt::Display| {
        format!("{} {e}", crate::i18n::with_colon(lang, &t(lang, key)))
    };
    let name =
        FieldName::parse(first(&fields, "name")).map_err(|e| errors.push(field("editor-name", &e))).ok();
    let kind = kind_of(first(&fields, "type"));
    if kind.is_none() {
        errors.push(field("editor-type", &"?"));
    }
    let label = texts_of(&fields, "label");
    errors.extend(missing_label(lang, &q, &label));
    if let (Some(name), Some(kind), true) = (name.clone(), kind, errors.is_empty()) {
        let question =
            Question { required: first(&fields, "required") == "on", ..Question::new(name, kind, label) };
        if let Err(e) = q.add_question(first(&fields, "group"), question) {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        let mut page = overview_page(
            lang,
            year,
            version,
            &state.app.questionnaire_of(year).await?.ok_or(PageError::NotFound(lang))?.1,
        );
        page.errors = errors;
        page.new = fields
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.first()?.clone())))
            .filter(|(k, _)| k != "csrf")
            .collect();
        let page = render_page(&ctx, "questionnaire_editor.html", "me", page).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let name = name.map(|n| n.to_string()).unwrap_or_default();
    let source = format!("added {name} on the web");
    let saved =
        state.app.edit_questionnaire(year, based_on, &q, None, &source).await.map_err(refused(lang))?;
    Ok(Redirect::to(&format!("/questionnaires/{year}?saved={saved}#q-{name}")).into_response())
}

#[cfg(test)]
#[path = "questionnaire_editor_tests.rs"]
mod tests;
