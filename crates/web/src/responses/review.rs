//! The secretariat's review of a response: what was answered, issues, evidence, submit and decide.

use std::collections::HashMap;

use axum::{
    extract::{Path, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::policy::Access;
use smartcities_app::questionnaire::{Questionnaire, validate};
use smartcities_app::responses::StoredAnswer;
use smartcities_app::review_aids::{EvidenceChoice, Outlier, ReviewAids};
use smartcities_domain::{Evidence, Lang, ResponseStatus};

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    form::CsrfForm,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

#[derive(Serialize)]
pub(super) struct IssueView {
    message: String,
    group: String,
}

#[derive(Serialize)]
pub(super) struct AnsweredView {
    code: String,
    label: String,
    value: String,
    evidence: String,
    evidence_code: &'static str,
    note: Option<String>,
    /// The respondent's own note on the answer.
    respondent_note: Option<String>,
    /// The file the answer is, for a file or picture question.
    file: Option<FileView>,
    comment: Option<String>,
    /// Who saved the answer, by name.
    answered_by: String,
    /// Changed since the response was last returned.
    changed: bool,
    /// The city's answer in its previous edition: "2024: 52,2".
    previous: Option<String>,
    /// Why the figure stands out, in words.
    outlier: Option<String>,
}

#[derive(Serialize)]
pub(super) struct ReviewPage {
    head: Head,
    groups: Vec<GroupLink>,
    issues: Vec<IssueView>,
    can_submit: bool,
    can_decide: bool,
    can_withdraw: bool,
    can_set_evidence: bool,
    evidence_levels: Vec<(&'static str, String)>,
    answered: Vec<AnsweredView>,
    /// Respondents' notes on questions they left unanswered: (question, note).
    unanswered_notes: Vec<(String, String)>,
    comments: Vec<(String, String)>,
    practices: Vec<PracticeEntryView>,
    /// Comments typed before a refused decision, by question or entry.
    typed: HashMap<String, String>,
    /// Why the decision was refused.
    refusal: Option<String>,
    /// Who answered what: each person's name, their place in the team, how many answers.
    who: Vec<WhoView>,
    /// When the response was last returned, for the reviewer's "changed since".
    returned_at: Option<String>,
    /// How many answers changed since then.
    changed: usize,
    /// How many figures stand out.
    outliers: usize,
    /// Who may be assigned the review, as (address, name), for the secretariat; and who is.
    reviewers: Vec<(String, String)>,
    reviewer: Option<String>,
}

/// Why a figure stands out, in words.
fn outlier_words(lang: Lang, outlier: &Outlier) -> String {
    let number = |x: f64| smartcities_domain::typed_number(&format!("{}", (x * 100.0).round() / 100.0), lang);
    match outlier {
        Outlier::BeyondFences { low, high, cities } => translate(
            lang,
            "review-outlier-fences",
            &[
                ("low", number(*low).into()),
                ("high", number(*high).into()),
                ("cities", (*cities as i64).into()),
            ],
        ),
        Outlier::ChangedMuch { from, edition } => translate(
            lang,
            "review-outlier-change",
            &[("from", number(*from).into()), ("year", edition.to_string().into())],
        ),
    }
}

/// One person who saved answers, and how many of the answers stand as theirs.
#[derive(Serialize)]
pub(super) struct WhoView {
    name: String,
    place: String,
    answers: usize,
}

/// Everyone whose saves the answers stand as, most answers first: the team by name and place
/// (focal point, colleague with their sections), the secretariat and anyone else by address.
fn who_answered(lang: Lang, loaded: &Loaded) -> Vec<WhoView> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for answer in &loaded.answers {
        match counts.iter_mut().find(|(by, _)| by.eq_ignore_ascii_case(&answer.updated_by)) {
            Some((_, n)) => *n += 1,
            None => counts.push((answer.updated_by.as_str(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let sections = smartcities_app::team::sections(&loaded.questionnaire, lang);
    counts
        .into_iter()
        .map(|(by, answers)| {
            let member = loaded.team.iter().find(|m| m.user.email.as_str().eq_ignore_ascii_case(by));
            let place = match member.map(|m| &m.colleague) {
                None => String::new(),
                Some(None) => t(lang, "team-focal-point"),
                Some(Some(terms)) => {
                    let labels: Vec<&str> = sections
                        .iter()
                        .filter(|s| terms.sections.contains(&s.name))
                        .map(|s| s.label.as_str())
                        .collect();
                    format!("{} ({})", t(lang, "team-colleague"), labels.join(", "))
                }
            };
            WhoView { name: loaded.name_of(by).to_string(), place, answers }
        })
        .collect()
}

/// A good practice entered in the questionnaire, field by field, with the reviewer's comment.
#[derive(Serialize)]
pub(super) struct PracticeEntryView {
    /// The entry key (`good_practices:2`), which comments are keyed by.
    entry: String,
    title: String,
    fields: Vec<(String, String)>,
    comment: Option<String>,
}

/// The good practices of a response, in entry order, each field in questionnaire order.
pub(super) fn practice_entries(
    lang: Lang,
    q: &Questionnaire,
    answers: &[StoredAnswer],
    comments: &HashMap<String, String>,
) -> Vec<PracticeEntryView> {
    let mut entries: Vec<&EntryKey> = answers
        .iter()
        .filter_map(|a| a.entry.as_ref())
        .filter(|e| e.group.as_str() == "good_practices")
        .collect();
    entries.sort();
    entries.dedup();
    entries
        .into_iter()
        .map(|entry| {
            let fields: Vec<(String, String)> = q
                .questions()
                .into_iter()
                .filter_map(|l| {
                    let stored = value_of(answers, l.question.name.as_str(), Some(entry))?;
                    Some((
                        l.question.label.get(lang, q.default_language).to_string(),
                        shown_value(lang, q, l.question, &stored.value),
                    ))
                })
                .collect();
            let title =
                value_of(answers, "gp_title", Some(entry)).map(|a| a.value.to_string()).unwrap_or_default();
            // A comment on an entry is kept under the entry's stored key, `good_practices:3`.
            let key = entry.to_string();
            PracticeEntryView { title, fields, comment: comments.get(&key).cloned(), entry: key }
        })
        .collect()
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
pub(super) async fn review_page(
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
    // The reviewer's aids: staff only.
    let aids = match viewer.user() {
        Some(user) if viewer.app().is_staff() => state.app.review_aids(user, loaded).await?,
        _ => ReviewAids::default(),
    };
    let answered = q
        .questions()
        .into_iter()
        .filter_map(|l| {
            let stored = value_of(&loaded.answers, l.question.name.as_str(), None)?;
            Some(AnsweredView {
                code: l.question.name.to_string(),
                label: l.question.label.get(lang, q.default_language).to_string(),
                value: shown_value(lang, q, l.question, &stored.value),
                evidence: t(lang, &format!("evidence-{}", stored.evidence.slug())),
                evidence_code: stored.evidence.slug(),
                note: stored.evidence_note.clone(),
                respondent_note: note_of(&loaded.notes, l.question.name.as_str(), None).map(str::to_string),
                file: FileView::of(lang, loaded, &stored.value),
                comment: comments.get(l.question.name.as_str()).cloned(),
                answered_by: loaded.name_of(&stored.updated_by).to_string(),
                changed: aids.changed.contains(l.question.name.as_str()),
                previous: aids
                    .previous
                    .get(l.question.name.as_str())
                    .map(|(year, value)| format!("{year}: {}", shown_value(lang, q, l.question, value))),
                outlier: aids.outliers.get(l.question.name.as_str()).map(|o| outlier_words(lang, o)),
            })
        })
        .collect();
    // Notes on questions left without an answer ("the 2024 figure is not out yet").
    let unanswered_notes: Vec<(String, String)> = q
        .questions()
        .into_iter()
        .filter(|l| value_of(&loaded.answers, l.question.name.as_str(), None).is_none())
        .filter_map(|l| {
            let note = note_of(&loaded.notes, l.question.name.as_str(), None)?;
            Some((l.question.label.get(lang, q.default_language).to_string(), note.to_string()))
        })
        .collect();
    let body = ReviewPage {
        head: head(lang, loaded, viewer),
        groups: group_links(lang, loaded),
        unanswered_notes,
        // Submitting is the city's: the secretariat's review page has no respondent controls.
        can_submit: loaded.access == Access::FocalPoint
            && viewer.user().is_some_and(|u| loaded.whole_editable_by(u))
            && status.open_to_respondent()
            && issues.is_empty(),
        returned_at: aids.returned_at.map(|at| crate::i18n::timestamp(lang, at)),
        reviewers: match viewer.user() {
            Some(user) if viewer.is_secretariat() => state
                .app
                .reviewers(user)
                .await?
                .into_iter()
                .map(|u| (u.email.as_str().to_string(), u.name))
                .collect(),
            _ => Vec::new(),
        },
        reviewer: loaded.response.reviewer.clone(),
        changed: aids.changed.len(),
        outliers: aids.outliers.len(),
        who: who_answered(lang, loaded),
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
                    None => {
                        value_of(&loaded.answers, "gp_title", EntryKey::parse(code).ok().flatten().as_ref())
                            .map_or(code.clone(), |a| {
                                format!(
                                    "{} {}",
                                    crate::i18n::with_colon(lang, &t(lang, "review-practices")),
                                    a.value
                                )
                            })
                    }
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
    CsrfForm(_): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
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
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let first = |name: &str| fields.get(name).and_then(|v| v.first()).map(String::as_str);
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
        Some("assign") => app.assign_reviewer(user, year_v, city_id, first("reviewer")).await,
        Some("evidence") => {
            // One save for every level on the page: `evidence.{question}` and `note.{question}`.
            let mut choices = Vec::new();
            for (key, values) in fields.iter() {
                let Some(question) = key.strip_prefix("evidence.") else { continue };
                let evidence = Evidence::parse(values.first().map_or("", String::as_str))
                    .map_err(|_| PageError::Refused(lang, t(lang, "form-unreadable")))?;
                let note = fields.get(&format!("note.{question}")).and_then(|v| v.first()).cloned();
                choices.push(EvidenceChoice {
                    question: question.to_string(),
                    entry: None,
                    evidence,
                    note: note.unwrap_or_default(),
                });
            }
            app.set_evidence_levels(user, year_v, city_id, &choices, lang).await.map(|_| ())
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
