//! Personal data: the privacy notice everyone reads, and the secretariat's page to find what
//! is held about a person, hand it to them, disable or enable their account, and erase them.

use std::collections::HashMap;

use axum::{
    Json,
    extract::{Query, State},
    http::{StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::people::{DECLINED_KEPT_DAYS, HeldAbout, SPAM_KEPT_DAYS};

use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::CsrfForm,
    i18n::Negotiated,
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

#[derive(Serialize)]
struct PrivacyPage {
    contact: Option<String>,
    declined_days: i64,
    spam_days: i64,
}

/// `GET /privacy`: what the platform keeps about people, why, for how long, and whom to ask.
pub async fn privacy(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let body = PrivacyPage {
        contact: state.app.contact().map(str::to_string),
        declined_days: DECLINED_KEPT_DAYS,
        spam_days: SPAM_KEPT_DAYS,
    };
    render_page(&ctx, "privacy.html", "", body).await
}

#[derive(Serialize, Default)]
struct Held {
    account: Option<(String, String, String, bool)>,
    focal_points: Vec<(String, String, String)>,
    applications: usize,
    practices: Vec<String>,
    records: Vec<(String, i64)>,
    mails: usize,
    nothing: bool,
}

impl From<HeldAbout> for Held {
    fn from(held: HeldAbout) -> Held {
        let nothing = held.account.is_none()
            && held.focal_points.is_empty()
            && held.applications.is_empty()
            && held.practice_contacts.is_empty()
            && held.records.is_empty()
            && held.mails.is_empty();
        Held {
            account: held
                .account
                .map(|a| (a.name, a.role.slug().to_string(), a.email.as_str().to_string(), a.disabled)),
            focal_points: held.focal_points,
            applications: held.applications.len(),
            practices: held.practice_contacts,
            records: held.records,
            mails: held.mails.len(),
            nothing,
        }
    }
}

#[derive(Serialize)]
struct PeoplePage {
    email: String,
    email_query: String,
    held: Option<Held>,
    notice: Option<String>,
    error: Option<String>,
}

async fn people_page(
    ctx: &Ctx<'_>,
    user: &smartcities_app::User,
    email: &str,
    (status, notice, error): (StatusCode, Option<String>, Option<String>),
) -> Result<Response, PageError> {
    let held = if email.trim().is_empty() {
        None
    } else {
        match ctx.state.app.held_about(user, email).await {
            Ok(held) => Some(Held::from(held)),
            Err(e) => return Err(refused(ctx.lang)(e)),
        }
    };
    let email_query = form_urlencoded::byte_serialize(email.trim().as_bytes()).collect();
    let body = PeoplePage { email: email.trim().to_string(), email_query, held, notice, error };
    Ok((status, render_page(ctx, "people.html", "", body).await?).into_response())
}

/// `GET /people?email=`: what is held about a person; secretariat only.
pub async fn page(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let email = query.get("email").cloned().unwrap_or_default();
    let notice = query.get("done").map(|done| crate::i18n::t(lang, &format!("people-done-{}", slug(done))));
    people_page(&ctx, &user.user, &email, (StatusCode::OK, notice, None)).await
}

fn slug(done: &str) -> &'static str {
    match done {
        "disabled" => "disabled",
        "enabled" => "enabled",
        _ => "erased",
    }
}

/// `GET /people/export?email=`: everything held about a person as a JSON file to hand to them.
pub async fn export(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Secretariat(user): Secretariat,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let email = query.get("email").cloned().unwrap_or_default();
    let document = state.app.personal_data_export(&user.user, &email).await.map_err(refused(lang))?;
    let disposition = "attachment; filename=\"personal-data.json\"".to_string();
    Ok((
        [
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        Json(document),
    )
        .into_response())
}

/// `POST /people`: disable, enable or erase; the page comes back with what was done.
pub async fn act(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let get = |k: &str| fields.get(k).and_then(|v| v.first()).cloned().unwrap_or_default();
    let (email, app) = (get("email"), &state.app);
    let outcome = match get("action").as_str() {
        "disable" => app.set_account_disabled(&user.user, &email, true).await.map(|_| "disabled"),
        "enable" => app.set_account_disabled(&user.user, &email, false).await.map(|_| "enabled"),
        "erase" => app.erase_person(&user.user, &email, &get("confirm")).await.map(|_| "erased"),
        _ => return Err(PageError::NotFound(lang)),
    };
    match outcome {
        Ok(done) => {
            let email = form_urlencoded::byte_serialize(email.trim().as_bytes()).collect::<String>();
            Ok(Redirect::to(&format!("/people?email={email}&done={done}")).into_response())
        }
        Err(e) => {
            let error = form_refusal(lang, e)?;
            people_page(&ctx, &user.user, &email, (StatusCode::UNPROCESSABLE_ENTITY, None, Some(error))).await
        }
    }
}
