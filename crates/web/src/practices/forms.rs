//! The forms a city proposes and edits a practice with, and the secretariat's decision.

use std::collections::{BTreeMap, HashMap};

use axum::{
    extract::{Path, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::{
    AppError, Refusal,
    catalogue::{FIELDS, FieldProblem, PracticeDecision, form_values},
};
use smartcities_domain::{
    Actor, BudgetRange, CityId, Effort, Inequality, Lang, Practice, PracticeId, PracticeVersion, Stage,
    StudyAxis,
};
use smartcities_locale::FluentValue;

use super::*;
use crate::{
    AppState,
    auth::{SignedIn, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

/// A choice of a form's pick list.
#[derive(Serialize)]
pub(super) struct Choice {
    value: String,
    label: String,
    chosen: bool,
}

/// What the practice form shows: the values typed (or stored), the choices, and the problems
/// beside their fields.
#[derive(Serialize)]
pub(super) struct FormPage {
    heading: String,
    action: String,
    version: Option<PracticeVersion>,
    writing_in: String,
    translating: Option<String>,
    values: BTreeMap<String, String>,
    labels: BTreeMap<String, String>,
    errors: BTreeMap<String, Vec<String>>,
    has_errors: bool,
    axes: Vec<Choice>,
    /// Sub-areas by study axis; only the chosen axis's once one is chosen.
    sub_areas: Vec<SubAreaGroup>,
    sdgs: Vec<Choice>,
    other_sdgs: Vec<Choice>,
    inequalities: Vec<Choice>,
    actors: Vec<Choice>,
    stages: Vec<Choice>,
    budgets: Vec<Choice>,
    efforts_cost: Vec<Choice>,
    efforts_complexity: Vec<Choice>,
    consent: bool,
    cancel: String,
}

/// The sub-areas of one study axis, for an `<optgroup>`.
#[derive(Serialize)]
pub(super) struct SubAreaGroup {
    axis: &'static str,
    label: String,
    options: Vec<Choice>,
}

/// The sub-areas grouped by study axis, each name once per axis, in the reader's order; only
/// the chosen axis's group when `axis` is one.
fn sub_area_groups(lang: Lang, labels: &Labels, axis: &str, chosen: &str) -> Vec<SubAreaGroup> {
    let collator = crate::i18n::collator(lang);
    StudyAxis::ALL
        .iter()
        .filter(|a| axis.is_empty() || a.slug() == axis)
        .filter_map(|a| {
            let mut options: Vec<Choice> = Vec::new();
            let mut codes: Vec<(&String, &String)> = labels
                .sub_areas
                .iter()
                .filter(|(code, _)| !code.starts_with("sdgs_") && labels.sub_area_axes.get(*code) == Some(a))
                .collect();
            codes.sort_by(|x, y| collator.compare(x.1, y.1).then(x.0.cmp(y.0)));
            for (code, label) in codes {
                // The same name under two codes (frameworks of different editions) shows once,
                // unless the chosen one is the other code.
                if let Some(same) = options.iter_mut().find(|o| &o.label == label) {
                    if code == chosen {
                        *same = Choice { chosen: true, value: code.clone(), label: label.clone() };
                    }
                    continue;
                }
                options.push(Choice { chosen: code == chosen, value: code.clone(), label: label.clone() });
            }
            (!options.is_empty()).then(|| SubAreaGroup {
                axis: a.slug(),
                label: t(lang, &format!("axis-{}", a.slug())),
                options,
            })
        })
        .collect()
}

/// Where a practice form posts and what it is about.
pub(super) struct FormTarget {
    heading: String,
    action: String,
    /// The version an edit starts from; none for a proposal.
    version: Option<PracticeVersion>,
    /// The language the practice was written in, for an edit.
    original: Option<Lang>,
    cancel: String,
}

pub(super) fn form_page(
    lang: Lang,
    labels: &Labels,
    target: FormTarget,
    values: BTreeMap<String, String>,
    many: &HashMap<String, Vec<String>>,
    problems: &[FieldProblem],
) -> FormPage {
    let FormTarget { heading, action, version, original, cancel } = target;
    let value = |name: &str| values.get(name).cloned().unwrap_or_default();
    let picked = |name: &str| many.get(name).cloned().unwrap_or_default();
    let choices = |name: &str, options: Vec<(String, String)>| -> Vec<Choice> {
        let current = value(name);
        options.into_iter().map(|(v, label)| Choice { chosen: v == current, value: v, label }).collect()
    };
    let checks = |name: &str, options: Vec<(String, String)>| -> Vec<Choice> {
        let current = picked(name);
        options
            .into_iter()
            .map(|(v, label)| Choice { chosen: current.contains(&v), value: v, label })
            .collect()
    };
    let vocabulary = |prefix: &str, slugs: Vec<&'static str>| -> Vec<(String, String)> {
        slugs.into_iter().map(|s| (s.to_string(), t(lang, &format!("{prefix}-{s}")))).collect()
    };
    let goals: Vec<(String, String)> =
        (1..=17).map(|g| (g.to_string(), format!("{g} · {}", t(lang, &format!("sdg-{g}"))))).collect();
    let sub_areas = sub_area_groups(lang, labels, &value("axis"), &value("sub_area"));
    let language = |l: Lang| FluentValue::from(t(lang, &format!("language-{}", l.code())));
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in problems {
        errors.entry(p.field.clone()).or_default().push(p.message.clone());
    }
    FormPage {
        heading,
        action,
        version,
        writing_in: translate(lang, "practice-writing-in", &[("language", language(lang))]),
        translating: original.filter(|o| *o != lang).map(|o| {
            translate(
                lang,
                "practice-translating",
                &[("original", language(o)), ("language", language(lang))],
            )
        }),
        labels: FIELDS
            .iter()
            .chain(&["consent"])
            .map(|f| (f.to_string(), t(lang, &format!("practice-field-{f}"))))
            .collect(),
        has_errors: !errors.is_empty(),
        errors,
        axes: choices(
            "axis",
            StudyAxis::ALL
                .iter()
                .map(|a| (a.slug().to_string(), t(lang, &format!("axis-{}", a.slug()))))
                .collect(),
        ),
        sub_areas,
        sdgs: choices("sdg", goals.clone()),
        other_sdgs: checks("sdgs", goals),
        inequalities: checks(
            "inequalities",
            vocabulary("practice-inequality", Inequality::ALL.iter().map(|v| v.slug()).collect()),
        ),
        actors: checks("actors", vocabulary("practice-actor", Actor::ALL.iter().map(|v| v.slug()).collect())),
        stages: choices("stage", vocabulary("practice-stage", Stage::ALL.iter().map(|v| v.slug()).collect())),
        budgets: choices(
            "budget",
            vocabulary("practice-budget", BudgetRange::ALL.iter().map(|v| v.slug()).collect()),
        ),
        efforts_cost: choices(
            "cost",
            vocabulary("practice-effort", Effort::ALL.iter().map(|v| v.slug()).collect()),
        ),
        efforts_complexity: choices(
            "complexity",
            vocabulary("practice-effort", Effort::ALL.iter().map(|v| v.slug()).collect()),
        ),
        consent: value("consent") == "yes",
        values,
        cancel,
    }
}

/// The stored practice's repeated values (checkbox groups), for its form.
pub(super) fn stored_many(practice: &Practice) -> HashMap<String, Vec<String>> {
    HashMap::from([
        (
            "sdgs".to_string(),
            practice.sdgs.iter().filter(|g| **g != practice.sdg).map(|g| g.to_string()).collect(),
        ),
        ("inequalities".to_string(), practice.inequalities.iter().map(|v| v.slug().to_string()).collect()),
        ("actors".to_string(), practice.actors.iter().map(|v| v.slug().to_string()).collect()),
    ])
}

/// A posted form as its values (the first of each name) and its repeated ones.
pub(super) fn posted(
    fields: &HashMap<String, Vec<String>>,
) -> (BTreeMap<String, String>, Vec<(String, String)>) {
    let values = fields.iter().filter_map(|(k, v)| v.first().map(|f| (k.clone(), f.clone()))).collect();
    let pairs = fields.iter().flat_map(|(k, vs)| vs.iter().map(move |v| (k.clone(), v.clone()))).collect();
    (values, pairs)
}

/// The edit form's target for a practice, the edit starting from `version`.
pub(super) fn edit_target(lang: Lang, practice: &Practice, version: PracticeVersion) -> FormTarget {
    let id = &practice.id;
    FormTarget {
        heading: translate(
            lang,
            "practice-edit-title",
            &[("title", FluentValue::from(practice.title.get(lang).0.to_string()))],
        ),
        action: format!("/practices/{id}/edit"),
        version: Some(version),
        original: Some(practice.title.original),
        cancel: format!("/practices/{id}"),
    }
}

/// The proposal form's target for a city.
pub(super) fn propose_target(lang: Lang, city: &CityId, name: &str) -> FormTarget {
    FormTarget {
        heading: translate(lang, "practice-propose-title", &[("city", FluentValue::from(name.to_string()))]),
        action: format!("/cities/{city}/practices/new"),
        version: None,
        original: None,
        cancel: format!("/cities/{city}"),
    }
}

pub(super) async fn render_form(ctx: &Ctx<'_>, body: FormPage) -> PageResult {
    render_page(ctx, "practice_form.html", "practices", body).await
}

/// `GET /practices/{id}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(id): Path<String>,
) -> PageResult {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let stored = state.app.practice_to_edit(&session.user, &id).await.map_err(refused(lang))?;
    let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
    let practice = &stored.practice;
    let target = edit_target(lang, practice, stored.version);
    let body = form_page(lang, &labels, target, form_values(practice, lang), &stored_many(practice), &[]);
    render_form(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, body).await
}

/// `POST /practices/{id}/edit`: saves, or shows the form again with the problems and what was
/// typed.
pub async fn edit(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let based_on: PracticeVersion = fields
        .get("version")
        .and_then(|v| v.first())
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| PageError::Refused(lang, t(lang, "form-expired")))?;
    let (values, pairs) = posted(&fields);
    match state.app.edit_practice(&session.user, &id, based_on, lang, &pairs).await {
        Ok(()) => Ok(Redirect::to(&format!("/practices/{id}?saved")).into_response()),
        Err(AppError::Refused(Refusal::PracticeInvalid(problems))) => {
            let stored = state.app.practice_to_edit(&session.user, &id).await.map_err(refused(lang))?;
            let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
            let target = edit_target(lang, &stored.practice, based_on);
            let body = form_page(lang, &labels, target, values, &fields, &problems);
            let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render_form(&ctx, body).await?).into_response())
        }
        Err(e) => Err(refused(lang)(e)),
    }
}

/// `GET /cities/{id}/practices/new`: a city proposes a practice.
pub async fn propose_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(city): Path<String>,
) -> PageResult {
    let city = CityId::parse(&city).map_err(|_| PageError::NotFound(lang))?;
    let city = state.app.city(&city).await?.ok_or(PageError::NotFound(lang))?;
    if !smartcities_app::policy::may_propose_practice(&session.user, &city.id) {
        return Err(PageError::Forbidden(lang));
    }
    let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
    let target = propose_target(lang, &city.id, city.name_in(lang));
    let body = form_page(lang, &labels, target, BTreeMap::new(), &HashMap::new(), &[]);
    render_form(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, body).await
}

/// `POST /cities/{id}/practices/new`.
pub async fn propose(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(city): Path<String>,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let city = CityId::parse(&city).map_err(|_| PageError::NotFound(lang))?;
    let (values, pairs) = posted(&fields);
    match state.app.propose_practice(&session.user, &city, lang, &pairs).await {
        Ok(id) => Ok(Redirect::to(&format!("/practices/{id}?proposed")).into_response()),
        Err(AppError::Refused(Refusal::PracticeInvalid(problems))) => {
            let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
            let name = state.app.city(&city).await?.map(|c| c.name_in(lang).to_string()).unwrap_or_default();
            let body =
                form_page(lang, &labels, propose_target(lang, &city, &name), values, &fields, &problems);
            let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render_form(&ctx, body).await?).into_response())
        }
        Err(e) => Err(refused(lang)(e)),
    }
}

/// `POST /practices/{id}/decision`: the secretariat publishes or returns a practice.
pub async fn decide(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    SignedIn(session): SignedIn,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let first = |name: &str| fields.get(name).and_then(|v| v.first()).map(String::as_str).unwrap_or_default();
    let based_on: PracticeVersion =
        first("version").parse().map_err(|_| PageError::Refused(lang, t(lang, "form-expired")))?;
    let (decision, done) = match first("decision") {
        "publish" => (PracticeDecision::Publish, "published"),
        "return" => (PracticeDecision::Return(first("comment").to_string()), "returned"),
        _ => return Err(PageError::Refused(lang, t(lang, "practice-decision"))),
    };
    state.app.decide_practice(&session.user, &id, based_on, decision).await.map_err(refused(lang))?;
    Ok(Redirect::to(&format!("/practices/{id}?{done}")).into_response())
}
