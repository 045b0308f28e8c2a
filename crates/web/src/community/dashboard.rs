//! The secretariat's renewal dashboard: rounds, replies, reminders, closing, and the applications
//! to join with their decisions.

use std::collections::{BTreeMap, HashMap};

use axum::{
    extract::{Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::{
    AppError, Refusal,
    membership::{Decision, RoundView},
};
use smartcities_domain::{ApproxDate, CityId, Coordinates, Lang, RenewalAnswer, read_count, read_decimal};

use super::*;
use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, approx_date, t, timestamp},
    page::{Ctx, PageError, PageResult, refused, render_page},
    written::{TextView, posted, text_view, written_from},
};

#[derive(Serialize)]
pub(super) struct ReplyRow {
    city_id: String,
    city: String,
    answer: &'static str,
    answer_text: String,
    answered_at: String,
    reminders: i64,
    note: String,
    /// The note's language as its words suggest, for its `lang` attribute.
    note_lang: Option<&'static str>,
}

/// The language a text people typed without saying which seems to be in, for a `lang`
/// attribute (screen readers pronounce it right); none when its words do not tell.
fn typed_in(text: &str) -> Option<&'static str> {
    Lang::guess(text).map(Lang::code)
}

#[derive(Serialize)]
pub(super) struct RoundRow {
    id: String,
    title: TextView,
    opened: String,
    closes_on: String,
    closed: String,
    confirmed: usize,
    updated: usize,
    left: usize,
    silent: usize,
    asked: usize,
    replies: Vec<ReplyRow>,
}

#[derive(Serialize)]
pub(super) struct ApplicationRow {
    id: String,
    city: String,
    country: String,
    focal: String,
    /// The languages the focal point's name and role and the motivation seem to be typed in.
    focal_lang: Option<&'static str>,
    motivation: String,
    motivation_lang: Option<&'static str>,
    submitted: String,
    status: String,
    pending: bool,
    reason: String,
    member: Option<String>,
    /// Places of the gazetteer the city may be, for a pending application: (GeoNames id, words).
    places: Vec<(u32, String)>,
}

/// A gazetteer place in words: "Cuenca (EC, 1) · 329 928 inhabitants · −2,90, −79,00".
fn place_words(lang: Lang, place: &smartcities_app::membership::Place) -> String {
    let number = |x: f64| smartcities_domain::typed_number(&format!("{x:.2}"), lang);
    crate::i18n::translate(
        lang,
        "applications-place",
        &[
            ("name", place.name.clone().into()),
            ("country", place.country.as_str().to_string().into()),
            ("region", place.admin1.clone().into()),
            ("population", smartcities_publish::names::integer(lang, place.population as i64).into()),
            ("lat", number(place.location.latitude).into()),
            ("lon", number(place.location.longitude).into()),
        ],
    )
}

#[derive(Serialize)]
pub(super) struct DashboardPage {
    open: Option<RoundRow>,
    past: Vec<RoundRow>,
    filter: String,
    filters: Vec<(&'static str, String)>,
    applications: Vec<ApplicationRow>,
    errors: HashMap<String, String>,
    form: BTreeMap<String, String>,
    /// The three languages, for the title's fields side by side: code and name.
    languages_of_texts: Vec<(&'static str, String)>,
    notice: String,
}

pub(super) fn round_row(lang: Lang, view: &RoundView, filter: &str) -> RoundRow {
    let collator = crate::i18n::collator(lang);
    let mut replies: Vec<ReplyRow> = view
        .replies
        .iter()
        .filter(|(_, r)| filter.is_empty() || r.answer.slug() == filter)
        .map(|(city, reply)| ReplyRow {
            city_id: reply.city.to_string(),
            city: city.as_ref().map_or_else(|| reply.city.to_string(), |c| c.name_in(lang).to_string()),
            answer: reply.answer.slug(),
            answer_text: t(lang, &format!("renewal-answer-{}", reply.answer.slug())),
            answered_at: reply.answered_at.map(|at| timestamp(lang, at)).unwrap_or_default(),
            reminders: reply.reminders,
            note: reply.note.clone().unwrap_or_default(),
            note_lang: reply.note.as_deref().and_then(typed_in),
        })
        .collect();
    replies.sort_by(|a, b| collator.compare(&a.city, &b.city));
    let day = |text: &str| {
        ApproxDate::parse(text.get(..10).unwrap_or(text))
            .map_or_else(|_| text.to_string(), |d| approx_date(lang, d))
    };
    RoundRow {
        id: view.round.id.clone(),
        title: text_view(&view.round.title, lang),
        opened: day(&view.round.opened_at.to_string()),
        closes_on: day(&view.round.closes_on.to_string()),
        closed: view.round.closed_at.map(|at| day(&at.to_string())).unwrap_or_default(),
        confirmed: view.counts.confirmed,
        updated: view.counts.updated,
        left: view.counts.left,
        silent: view.counts.silent,
        asked: view.counts.asked(),
        replies,
    }
}

#[derive(Deserialize, Default)]
pub struct DashboardQuery {
    answer: Option<String>,
    notice: Option<String>,
}

pub(super) async fn dashboard(
    ctx: &Ctx<'_>,
    user: &smartcities_app::User,
    filter: &str,
    errors: HashMap<String, String>,
    form: BTreeMap<String, String>,
    notice: String,
) -> PageResult {
    let lang = ctx.lang;
    let rounds = ctx.state.app.renewal_rounds(user).await.map_err(refused(lang))?;
    let filter = RenewalAnswer::parse(filter).map_or("", |a| a.slug());
    let open = rounds.iter().find(|r| r.round.closed_at.is_none()).map(|r| round_row(lang, r, filter));
    let past =
        rounds.iter().filter(|r| r.round.closed_at.is_some()).map(|r| round_row(lang, r, "")).collect();
    let mut applications = Vec::new();
    for a in ctx.state.app.applications(user).await.map_err(refused(lang))? {
        let pending = a.status == smartcities_domain::ApplicationStatus::Pending;
        let places = match pending {
            true => ctx.state.app.gazetteer_places(user, &a.city_name, Some(&a.country)).await?,
            false => Vec::new(),
        };
        applications.push(ApplicationRow {
            places: places.iter().map(|p| (p.geonameid, place_words(lang, p))).collect(),
            id: a.id.clone(),
            city: a.city_name.clone(),
            country: a.country.name(lang).to_string(),
            focal: format!(
                "{} ({}) <{}>",
                a.focal_point.name,
                a.focal_point.role,
                a.focal_point.email.as_str()
            ),
            focal_lang: typed_in(&format!("{} {}", a.focal_point.name, a.focal_point.role)),
            motivation: a.motivation.clone(),
            motivation_lang: typed_in(&a.motivation),
            submitted: timestamp(lang, a.submitted_at),
            status: t(lang, &format!("application-status-{}", a.status.slug())),
            pending,
            reason: a.reason.clone().unwrap_or_default(),
            member: a.city.as_ref().map(CityId::to_string),
        });
    }
    let filters = RenewalAnswer::ALL
        .iter()
        .map(|a| (a.slug(), t(lang, &format!("renewal-answer-{}", a.slug()))))
        .collect();
    let mut form = form;
    form.entry("original".into()).or_insert_with(|| lang.code().to_string());
    let languages_of_texts = crate::written::text_languages(lang);
    let body = DashboardPage {
        open,
        past,
        filter: filter.to_string(),
        filters,
        applications,
        errors,
        form,
        languages_of_texts,
        notice,
    };
    render_page(ctx, "renewal_dashboard.html", "members", body).await
}

/// `GET /members/renewal`: the secretariat's renewal dashboard and applications to join.
pub async fn renewal_dashboard(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    Query(query): Query<DashboardQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let notice = match query.notice.as_deref() {
        Some(key @ ("opened" | "reminded" | "closed" | "approved" | "declined" | "spam")) => {
            t(lang, &format!("renewal-notice-{key}"))
        }
        _ => String::new(),
    };
    let filter = query.answer.unwrap_or_default();
    dashboard(&ctx, &user.user, &filter, HashMap::new(), BTreeMap::new(), notice).await
}

/// `POST /members/renewal`: open, remind, close; approve or decline an application.
pub async fn renewal_act(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let user = &user.user;
    let action = first(&fields, "action");
    let app = &state.app;
    let outcome: Result<&str, AppError> = match action.as_str() {
        "open" => app
            .open_renewal(
                user,
                written_from(
                    &posted(&fields, "title"),
                    Lang::from_tag(&first(&fields, "original")).unwrap_or(lang),
                ),
                &first(&fields, "closes_on"),
            )
            .await
            .map(|_| "opened"),
        "remind" => app.remind_renewal(user).await.map(|_| "reminded"),
        "close" if first(&fields, "confirm") == "on" => app.close_renewal(user).await.map(|_| "closed"),
        "close" => Err(AppError::Refused(Refusal::CommunityInvalid(vec![(
            "confirm".into(),
            smartcities_domain::CommunityProblem::Missing,
        )]))),
        "approve" | "approve_as" | "decline" | "spam" => {
            let id = first(&fields, "application");
            let place = first(&fields, "place").parse::<u32>().ok();
            let decision = if action == "approve_as" {
                place.map(|geonameid| Decision::ApproveAs { geonameid }).ok_or_else(|| {
                    AppError::Refused(Refusal::CommunityInvalid(vec![(
                        "place".into(),
                        smartcities_domain::CommunityProblem::Missing,
                    )]))
                })
            } else if action == "decline" {
                Ok(Decision::Decline { reason: first(&fields, "reason") })
            } else if action == "spam" {
                Ok(Decision::Spam)
            } else {
                // Numbers by the page language's rule: "43,3569" is not a population of 433569.
                let number = |name: &str| read_decimal(&first(&fields, name), lang).ok();
                let typed_population = first(&fields, "population");
                let population = (!typed_population.trim().is_empty())
                    .then(|| read_count(&typed_population, lang))
                    .transpose();
                let location = number("latitude")
                    .zip(number("longitude"))
                    .and_then(|(lat, lon)| Coordinates::new(lat, lon).ok());
                match (location, population) {
                    (Some(location), Ok(population)) => Ok(Decision::Approve { location, population }),
                    (None, _) => Err(AppError::Refused(Refusal::CommunityInvalid(vec![(
                        "location".into(),
                        smartcities_domain::CommunityProblem::Missing,
                    )]))),
                    (_, Err(problem)) => Err(AppError::Refused(Refusal::CommunityInvalid(vec![(
                        "population".into(),
                        smartcities_domain::CommunityProblem::Number(problem),
                    )]))),
                }
            };
            match decision {
                Ok(decision) => {
                    app.decide_application(user, &id, &decision).await.map(|_| match action.as_str() {
                        "decline" => "declined",
                        "spam" => "spam",
                        _ => "approved",
                    })
                }
                Err(e) => Err(e),
            }
        }
        _ => Err(AppError::Refused(Refusal::NotFound)),
    };
    match outcome {
        Ok(notice) => Ok(Redirect::to(&format!("/members/renewal?notice={notice}")).into_response()),
        Err(e) => {
            let mut errors = problems_by_field(lang, e)?;
            // Problems of an application's form are shown beside that application.
            let target = first(&fields, "application");
            if !target.is_empty() {
                errors = errors.into_iter().map(|(k, v)| (format!("{target}-{k}"), v)).collect();
            }
            let form = typed(&fields);
            let page = dashboard(&ctx, user, "", errors, form, String::new()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
