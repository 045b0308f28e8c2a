//! A response's overview (its parts, progress, the offline workbook) and the page after submitting.

use std::collections::HashMap;

use axum::{
    extract::{Path, Query, State},
    http::Uri,
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_domain::ResponseStatus;

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    form::CsrfForm,
    i18n::{Negotiated, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

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
    let count = |n: &String| n.parse::<i64>().unwrap_or(0).into();
    let message = match (query.get("uploaded"), query.get("carried"), query.get("from")) {
        (Some(n), ..) => Some(translate(lang, "upload-saved", &[("count", count(n))])),
        (None, Some(n), Some(from)) => {
            Some(translate(lang, "carry-over-done", &[("count", count(n)), ("year", from.clone().into())]))
        }
        _ => None,
    };
    overview_page(&ctx, &loaded, message, Vec::new()).await
}

/// `POST /responses/{year}/{city}/carry-over`: copies the city's answers to the latest earlier
/// edition where the questions continue, then shows the overview saying how many.
pub async fn carry_over(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    CsrfForm(_): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let (from, outcome) = state
        .app
        .carry_over(user_of(&viewer)?, loaded.edition.year, &loaded.city.id, lang)
        .await
        .map_err(refused(lang))?;
    let carried = match outcome {
        smartcities_app::responses::SaveOutcome::Saved { changed, .. } => changed,
        smartcities_app::responses::SaveOutcome::Conflicts { .. } => 0,
    };
    Ok(Redirect::to(&format!("/responses/{year}/{city}?carried={carried}&from={from}")).into_response())
}

/// A city's overview page; `upload_problems` lists what was wrong with a workbook just
/// uploaded, shown beside the upload form.
pub(super) async fn overview_page(
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
        /// What can be brought over from an earlier edition: its year and how many answers.
        carry_over: Option<(String, usize)>,
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
                    // A comment on one entry of a repeat group is kept under the entry's key.
                    None => {
                        let entry = EntryKey::parse(&key).ok().flatten();
                        (
                            value_of(&loaded.answers, "gp_title", entry.as_ref())
                                .map_or(key.clone(), |a| a.value.to_string()),
                            entry.map_or(String::new(), |e| e.group.to_string()),
                        )
                    }
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
    let carry_over = match viewer.0.as_ref() {
        Some(session) => ctx
            .state
            .app
            .carry_over_offer_in(&session.user, loaded, lang)
            .await
            .map_err(refused(lang))?
            .map(|offer| (offer.from.to_string(), offer.answers.len())),
        None => None,
    };
    let body = Overview {
        head: head(lang, loaded, viewer),
        groups: group_links(lang, loaded),
        message,
        deadline,
        returned,
        to_address,
        upload_problems,
        carry_over,
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
    let body = Submitted { head: head(lang, &loaded, &viewer), groups: group_links(lang, &loaded), when };
    Ok(render_page(&ctx, "submitted.html", "me", body).await?.into_response())
}
