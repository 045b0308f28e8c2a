//! A member's renewal page, opened by the mailed link without signing in: confirm, update the
//! focal points, or leave.

use std::collections::HashMap;

use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::{
    AppError, Refusal, community_problem,
    membership::{RenewalChoice, RenewalInvitation},
};
use smartcities_domain::{ApproxDate, Lang, MAX_FOCAL_POINTS, focal_point};

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    form::parse_form,
    i18n::{Negotiated, approx_date, t, timestamp},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

#[derive(Serialize, Default, Clone)]
pub(super) struct FocalRow {
    name: String,
    role: String,
    email: String,
}

#[derive(Serialize)]
pub(super) struct RenewalPage {
    round_title: crate::written::TextView,
    closes_on: String,
    closed: bool,
    city: String,
    answer: &'static str,
    answer_text: String,
    answered_at: String,
    focal: Vec<FocalRow>,
    note: String,
    errors: HashMap<String, String>,
    token: String,
    done: bool,
}

pub(super) fn renewal_page_body(
    lang: Lang,
    token: &str,
    invitation: &RenewalInvitation,
    focal: Option<Vec<FocalRow>>,
    errors: HashMap<String, String>,
    done: bool,
) -> RenewalPage {
    let mut focal = focal.unwrap_or_else(|| {
        invitation
            .member
            .focal_points
            .iter()
            .map(|f| FocalRow {
                name: f.name.clone(),
                role: f.role.clone(),
                email: f.email.as_str().to_string(),
            })
            .collect()
    });
    // Room for one more person, up to the limit.
    if focal.len() < MAX_FOCAL_POINTS {
        focal.push(FocalRow::default());
    }
    let closes_on = ApproxDate::parse(&invitation.round.closes_on.to_string())
        .map_or_else(|_| String::new(), |d| approx_date(lang, d));
    RenewalPage {
        round_title: crate::written::text_view(&invitation.round.title, lang),
        closes_on,
        closed: invitation.round.closed_at.is_some(),
        city: invitation.city.name_in(lang).to_string(),
        answer: invitation.reply.answer.slug(),
        answer_text: t(lang, &format!("renewal-answer-{}", invitation.reply.answer.slug())),
        answered_at: invitation.reply.answered_at.map(|at| timestamp(lang, at)).unwrap_or_default(),
        focal,
        note: invitation.reply.note.clone().unwrap_or_default(),
        errors,
        token: token.to_string(),
        done,
    }
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

/// `GET /renewal/{token}`: what the member's focal point sees from the mailed link.
pub async fn renewal_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(token): Path<String>,
    Query(query): Query<DoneQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let invitation = state.app.renewal_invitation(&token).await.map_err(refused(lang))?;
    let body = renewal_page_body(lang, &token, &invitation, None, HashMap::new(), query.done.is_some());
    render_page(&ctx, "renewal.html", "members", body).await
}

pub(super) fn focal_rows(fields: &Fields) -> Vec<FocalRow> {
    (1..=MAX_FOCAL_POINTS)
        .map(|i| FocalRow {
            name: first(fields, &format!("focal-{i}-name")),
            role: first(fields, &format!("focal-{i}-role")),
            email: first(fields, &format!("focal-{i}-email")),
        })
        .filter(|row| !(row.name.is_empty() && row.role.is_empty() && row.email.is_empty()))
        .collect()
}

/// `POST /renewal/{token}`: confirm, update or leave. A refused update comes back as typed.
pub async fn renewal_answer(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(token): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let fields = parse_form(&body);
    let rows = focal_rows(&fields);
    let mut errors = HashMap::new();
    let choice = match first(&fields, "action").as_str() {
        "confirm" => RenewalChoice::Confirm,
        "leave" => RenewalChoice::Leave(first(&fields, "note")),
        _ => {
            let mut points = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                match focal_point(&row.name, &row.role, &row.email) {
                    Ok(point) => points.push(point),
                    Err(problem) => {
                        errors.insert(format!("focal-{}-email", i + 1), community_problem(lang, &problem));
                    }
                }
            }
            RenewalChoice::Update(points)
        }
    };
    let outcome = if errors.is_empty() {
        state.app.answer_renewal(&token, &choice).await.map(|_| ())
    } else {
        Err(AppError::Refused(Refusal::CommunityInvalid(Vec::new())))
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/renewal/{token}?done=1")).into_response()),
        Err(e) => {
            errors.extend(problems_by_field(lang, e)?);
            errors.retain(|_, message| !message.is_empty());
            let invitation = state.app.renewal_invitation(&token).await.map_err(refused(lang))?;
            let body = renewal_page_body(lang, &token, &invitation, Some(rows), errors, false);
            let page = render_page(&ctx, "renewal.html", "members", body).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
