//! Signing in and out, invitation links, and the signed-in person's home page.

use std::collections::HashMap;

use axum::{
    Form,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_domain::{EditionStatus, Email, Role};
use smartcities_store::User;

use crate::{
    AppState,
    auth::{
        ClientAddress, FORM_COOKIE, MIN_PASSWORD_CHARS, SESSION_COOKIE, SESSION_SECONDS, Viewer, cookie,
        hash_password, is_https, new_token, set_cookie, token_hash, verify_password,
    },
    i18n::{Negotiated, t, translate},
    pages::{Ctx, PageError, render_page},
};

/// Attempts allowed in `WINDOW_SECONDS`, per account and per address.
const PER_ACCOUNT: i64 = 5;
const PER_ADDRESS: i64 = 20;
const WINDOW_SECONDS: i64 = 15 * 60;

/// A path on this site to return to after signing in; anything else goes home.
fn local_path(next: Option<&String>) -> String {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p.clone(),
        _ => "/me".into(),
    }
}

#[derive(Serialize)]
struct SignInPage {
    form_token: String,
    next: String,
    email: String,
    error: Option<String>,
}

/// Renders a page with a fresh form token in a cookie and in the form.
async fn with_form_token<T: Serialize>(
    ctx: &Ctx<'_>,
    headers: &HeaderMap,
    status: StatusCode,
    template: &str,
    make: impl FnOnce(String) -> T,
) -> Response {
    let token = new_token();
    let secure = is_https(headers, ctx.state.secure_cookies);
    match render_page(ctx, template, "", make(token.clone())).await {
        Ok(html) => {
            let mut response = (status, html).into_response();
            if let Ok(value) = HeaderValue::from_str(&set_cookie(FORM_COOKIE, &token, 3600, secure)) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        Err(e) => e.into_response(),
    }
}

fn form_token_ok(headers: &HeaderMap, form: &HashMap<String, String>) -> bool {
    match (cookie(headers, FORM_COOKIE), form.get("form_token")) {
        (Some(a), Some(b)) => !a.is_empty() && a == b,
        _ => false,
    }
}

pub async fn sign_in_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let next = local_path(query.get("next"));
    with_form_token(&ctx, &headers, StatusCode::OK, "sign_in.html", |form_token| SignInPage {
        form_token,
        next,
        email: String::new(),
        error: None,
    })
    .await
}

fn session_response(state: &AppState, headers: &HeaderMap, token: &str, to: &str) -> Response {
    let secure = is_https(headers, state.secure_cookies);
    let mut response = Redirect::to(to).into_response();
    for value in
        [set_cookie(SESSION_COOKIE, token, SESSION_SECONDS, secure), set_cookie(FORM_COOKIE, "", 0, secure)]
    {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    user: &User,
    to: &str,
) -> Result<Response, PageError> {
    let token = new_token();
    state.store.create_session(&token_hash(&token), &user.id, &new_token(), SESSION_SECONDS).await?;
    Ok(session_response(state, headers, &token, to))
}

pub async fn sign_in(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    ClientAddress(address): ClientAddress,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let next = local_path(form.get("next"));
    let email_text = form.get("email").map(|e| e.trim().to_string()).unwrap_or_default();
    let retry = |status: StatusCode, error: String| {
        let (next, email) = (next.clone(), email_text.clone());
        with_form_token(&ctx, &headers, status, "sign_in.html", move |form_token| SignInPage {
            form_token,
            next,
            email,
            error: Some(error),
        })
    };
    if !form_token_ok(&headers, &form) {
        return retry(StatusCode::FORBIDDEN, t(lang, "sign-in-expired")).await;
    }
    let ip = address.map_or_else(|| "unknown".to_string(), |a| a.to_string());
    let keys = [format!("account:{}", email_text.to_lowercase()), format!("address:{ip}")];
    let counts = match state.store.count_sign_in_attempt(&keys, WINDOW_SECONDS).await {
        Ok(c) => c,
        Err(e) => return PageError::from(e).into_response(),
    };
    if counts[0] > PER_ACCOUNT || counts[1] > PER_ADDRESS {
        return retry(StatusCode::TOO_MANY_REQUESTS, t(lang, "sign-in-too-many")).await;
    }
    let user = match Email::parse(&email_text) {
        Ok(email) => state.store.user_by_email(&email).await.ok().flatten(),
        Err(_) => None,
    };
    let password = form.get("password").map_or("", String::as_str);
    let valid =
        user.as_ref().and_then(|u| u.password_hash.as_deref()).is_some_and(|h| verify_password(password, h));
    match (user, valid) {
        (Some(user), true) => {
            let _ = state.store.clear_sign_in_attempts(&keys[0]).await;
            start_session(&state, &headers, &user, &next).await.unwrap_or_else(IntoResponse::into_response)
        }
        _ => retry(StatusCode::UNAUTHORIZED, t(lang, "sign-in-failed")).await,
    }
}

pub async fn sign_out(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let secure = is_https(&headers, state.secure_cookies);
    if let (Some(csrf), Some(token)) = (viewer.csrf(), cookie(&headers, SESSION_COOKIE)) {
        if form.get("csrf").map(String::as_str) != Some(csrf) {
            return (StatusCode::FORBIDDEN, "the form expired; reload the page").into_response();
        }
        let _ = state.store.delete_session(&token_hash(token)).await;
    }
    let mut response = Redirect::to("/").into_response();
    if let Ok(value) = HeaderValue::from_str(&set_cookie(SESSION_COOKIE, "", 0, secure)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Serialize)]
struct InvitationPage {
    form_token: String,
    valid: bool,
    name: String,
    email: String,
    error: Option<String>,
    min: usize,
}

pub async fn invitation_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let user = match state.store.invitation_user(&token_hash(&token)).await {
        Ok(u) => u,
        Err(e) => return PageError::from(e).into_response(),
    };
    let status = if user.is_some() { StatusCode::OK } else { StatusCode::NOT_FOUND };
    with_form_token(&ctx, &headers, status, "invitation.html", |form_token| InvitationPage {
        form_token,
        valid: user.is_some(),
        name: user.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
        email: user.as_ref().map(|u| u.email.as_str().to_string()).unwrap_or_default(),
        error: None,
        min: MIN_PASSWORD_CHARS,
    })
    .await
}

pub async fn accept_invitation(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let hash = token_hash(&token);
    let user = state.store.invitation_user(&hash).await.ok().flatten();
    let password = form.get("password").cloned().unwrap_or_default();
    let again = form.get("password_again").cloned().unwrap_or_default();
    let error = if !form_token_ok(&headers, &form) {
        Some(t(lang, "sign-in-expired"))
    } else if password.chars().count() < MIN_PASSWORD_CHARS {
        Some(translate(lang, "password-too-short", &[("min", (MIN_PASSWORD_CHARS as i64).into())]))
    } else if password != again {
        Some(t(lang, "password-mismatch"))
    } else {
        None
    };
    if error.is_some() || user.is_none() {
        let status = if user.is_none() { StatusCode::NOT_FOUND } else { StatusCode::UNPROCESSABLE_ENTITY };
        return with_form_token(&ctx, &headers, status, "invitation.html", |form_token| InvitationPage {
            form_token,
            valid: user.is_some(),
            name: user.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
            email: user.as_ref().map(|u| u.email.as_str().to_string()).unwrap_or_default(),
            error,
            min: MIN_PASSWORD_CHARS,
        })
        .await;
    }
    match state.store.redeem_invitation(&hash, &hash_password(&password)).await {
        Ok(Some(user)) => {
            start_session(&state, &headers, &user, "/me").await.unwrap_or_else(IntoResponse::into_response)
        }
        // Used up between the check and now: the link was opened twice at once.
        Ok(None) => PageError::NotFound(lang).into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}

#[derive(Serialize)]
struct EditionLink {
    year: u16,
    title: String,
    status: String,
    response_status: Option<String>,
}

#[derive(Serialize)]
struct MePage {
    name: String,
    role: String,
    city: Option<String>,
    city_id: Option<String>,
    editions: Vec<EditionLink>,
    campaigns: bool,
}

pub async fn me(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
) -> Response {
    let Some(session) = viewer.0.clone() else {
        return Redirect::to(&format!("/sign-in?next={}", uri.path())).into_response();
    };
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let result: Result<_, PageError> = async {
        let user = &session.user;
        let mut editions = Vec::new();
        for edition in state.store.editions().await?.into_iter().rev() {
            if edition.status == EditionStatus::Published && user.role == Role::Respondent {
                continue;
            }
            let response_status = match &user.city {
                Some(city) => state
                    .store
                    .response(edition.year, city)
                    .await?
                    .map(|r| t(lang, &format!("response-{}", r.status.slug()))),
                None => None,
            };
            editions.push(EditionLink {
                year: edition.year.get(),
                title: edition.title.get(lang).to_string(),
                status: t(lang, &format!("status-{}", edition.status.slug())),
                response_status,
            });
        }
        let city = match &user.city {
            Some(id) => state.store.city(id).await?.map(|c| c.name),
            None => None,
        };
        let body = MePage {
            name: user.name.clone(),
            role: t(lang, &format!("role-{}", user.role.slug())),
            city,
            city_id: user.city.as_ref().map(ToString::to_string),
            editions,
            campaigns: user.role != Role::Respondent,
        };
        render_page(&ctx, "me.html", "me", body).await
    }
    .await;
    result.into_response()
}
