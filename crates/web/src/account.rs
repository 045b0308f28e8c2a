//! Signing in and out, invitation and password-reset links, changing one's password, and the
//! signed-in person's home page. The rules are the application layer's; these handlers parse
//! the forms and render the pages.

use std::collections::HashMap;

use axum::{
    Form,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::{
    AppError, Refusal,
    accounts::{Client, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, NewSession, SESSION_SECONDS, new_token},
};
use smartcities_domain::Lang;

use crate::{
    AppState,
    auth::{ClientAddress, FORM_COOKIE, SESSION_COOKIE, SignedIn, Viewer, cookie, is_https, set_cookie},
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, render_page},
};

/// A path on this site to return to after signing in; anything else goes to the person's page.
/// Only a plain absolute path is accepted: no scheme, no host, no backslash, no control or
/// percent-encoded control characters a browser would strip into `//host`.
fn local_path(next: Option<&String>) -> String {
    let safe = |p: &str| {
        let decoded: String = form_urlencoded::parse(format!("x={p}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
        let stripped: String = decoded.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
        p.starts_with('/')
            && !stripped.starts_with("//")
            && !stripped.contains('\\')
            && !decoded.chars().any(char::is_control)
            && !p.chars().any(|c| c.is_control() || c.is_whitespace())
    };
    match next {
        Some(p) if safe(p) => p.clone(),
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
    with_form_token_in(ctx, headers, (status, template, ""), make).await
}

/// Renders a page (status, template, navigation section) with a fresh form token in a cookie
/// and in the form: the guard of forms people send without a session.
pub(crate) async fn with_form_token_in<T: Serialize>(
    ctx: &Ctx<'_>,
    headers: &HeaderMap,
    (status, template, nav): (StatusCode, &str, &'static str),
    make: impl FnOnce(String) -> T,
) -> Response {
    let token = new_token();
    let secure = is_https(headers, ctx.state.secure_cookies);
    match render_page(ctx, template, nav, make(token.clone())).await {
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

/// Whether a form without a session carries the token its page set in the cookie.
pub(crate) fn form_token_ok(headers: &HeaderMap, form: &HashMap<String, String>) -> bool {
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

fn session_response(state: &AppState, headers: &HeaderMap, session: &NewSession, to: &str) -> Response {
    let secure = is_https(headers, state.secure_cookies);
    let mut response = Redirect::to(to).into_response();
    for value in [
        set_cookie(SESSION_COOKIE, &session.token, SESSION_SECONDS, secure),
        set_cookie(FORM_COOKIE, "", 0, secure),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
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
    let email = form.get("email").map(|e| e.trim().to_string()).unwrap_or_default();
    let retry = |status: StatusCode, error: String| {
        let (next, email) = (next.clone(), email.clone());
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
    let password = form.get("password").map_or("", String::as_str);
    match state.app.sign_in(&email, password, Client { address }).await {
        Ok(session) => session_response(&state, &headers, &session, &next),
        Err(AppError::Refused(refusal @ Refusal::SignInThrottled)) => {
            retry(StatusCode::TOO_MANY_REQUESTS, refusal.message(lang)).await
        }
        Err(AppError::Refused(refusal)) => retry(StatusCode::UNAUTHORIZED, refusal.message(lang)).await,
        Err(e) => PageError::from(e).into_response(),
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
        let _ = state.app.sign_out(token).await;
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
    max: usize,
}

/// The page of a one-time link (an invitation or a password reset): a form to set a password.
pub async fn invitation_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let user = match state.app.link_user(&token).await {
        Ok(user) => Some(user),
        Err(AppError::Refused(_)) => None,
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
        max: MAX_PASSWORD_CHARS,
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
    let password = form.get("password").cloned().unwrap_or_default();
    let again = form.get("password_again").cloned().unwrap_or_default();
    let outcome = if form_token_ok(&headers, &form) {
        state.app.redeem_link(&token, &password, &again).await
    } else {
        Err(AppError::Internal(t(lang, "sign-in-expired")))
    };
    let (status, error) = match outcome {
        Ok(session) => return session_response(&state, &headers, &session, "/me"),
        Err(AppError::Refused(Refusal::LinkInvalid)) => (StatusCode::NOT_FOUND, None),
        Err(AppError::Refused(refusal)) => (StatusCode::UNPROCESSABLE_ENTITY, Some(refusal.message(lang))),
        Err(AppError::Internal(expired)) => (StatusCode::FORBIDDEN, Some(expired)),
        Err(e) => return PageError::from(e).into_response(),
    };
    let user = state.app.link_user(&token).await.ok();
    let status = if user.is_none() { StatusCode::NOT_FOUND } else { status };
    with_form_token(&ctx, &headers, status, "invitation.html", |form_token| InvitationPage {
        form_token,
        valid: user.is_some(),
        name: user.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
        email: user.as_ref().map(|u| u.email.as_str().to_string()).unwrap_or_default(),
        error,
        min: MIN_PASSWORD_CHARS,
        max: MAX_PASSWORD_CHARS,
    })
    .await
}

#[derive(Serialize)]
struct ResetPage {
    form_token: String,
    email: String,
    sent: bool,
    error: Option<String>,
}

/// The form to ask for a password-reset link.
pub async fn reset_request_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    with_form_token(&ctx, &headers, StatusCode::OK, "password_reset.html", |form_token| ResetPage {
        form_token,
        email: String::new(),
        sent: false,
        error: None,
    })
    .await
}

/// Mails a reset link if the address has an account; the page says the same either way.
pub async fn request_reset(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let email = form.get("email").map(|e| e.trim().to_string()).unwrap_or_default();
    let (status, sent, error) = if !form_token_ok(&headers, &form) {
        (StatusCode::FORBIDDEN, false, Some(t(lang, "sign-in-expired")))
    } else {
        match state.app.request_password_reset(&email, lang).await {
            Ok(()) => (StatusCode::OK, true, None),
            Err(AppError::Refused(refusal)) => {
                (StatusCode::SERVICE_UNAVAILABLE, false, Some(refusal.message(lang)))
            }
            Err(e) => return PageError::from(e).into_response(),
        }
    };
    with_form_token(&ctx, &headers, status, "password_reset.html", |form_token| ResetPage {
        form_token,
        email,
        sent,
        error,
    })
    .await
}

#[derive(Serialize)]
struct PasswordPage {
    error: Option<String>,
    min: usize,
    max: usize,
}

/// The signed-in person's form to change their password.
pub async fn password_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    SignedIn(_): SignedIn,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let page = PasswordPage { error: None, min: MIN_PASSWORD_CHARS, max: MAX_PASSWORD_CHARS };
    render_page(&ctx, "password.html", "me", page).await.into_response()
}

/// Changes the password; every other session and link of the account ends.
pub async fn change_password(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    SignedIn(session): SignedIn,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    if form.get("csrf") != Some(&session.csrf) {
        return PageError::Refused(lang, t(lang, "form-expired")).into_response();
    }
    let field = |name: &str| form.get(name).map_or("", String::as_str);
    match state
        .app
        .change_password(&session.user, field("current"), field("password"), field("password_again"))
        .await
    {
        Ok(new_session) => session_response(&state, &headers, &new_session, "/me?password=changed"),
        Err(AppError::Refused(refusal)) => {
            let page = PasswordPage {
                error: Some(refusal.message(lang)),
                min: MIN_PASSWORD_CHARS,
                max: MAX_PASSWORD_CHARS,
            };
            match render_page(&ctx, "password.html", "me", page).await {
                Ok(html) => (StatusCode::UNPROCESSABLE_ENTITY, html).into_response(),
                Err(e) => e.into_response(),
            }
        }
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
    /// What waits for the person, each as a sentence and the page where it is done.
    inbox: Vec<(String, String)>,
    /// The language the study's mail reaches them in, and the choices.
    mail_lang: &'static str,
    langs: Vec<(&'static str, String)>,
    mail_lang_saved: bool,
}

/// An inbox item as a sentence in `lang`.
fn inbox_line(lang: Lang, item: &smartcities_app::inbox::InboxItem, sections: &[(String, String)]) -> String {
    use smartcities_app::inbox::InboxKind;
    let year = item.edition.map(|y| y.to_string()).unwrap_or_default();
    let mut args: Vec<(&str, smartcities_locale::FluentValue<'static>)> =
        vec![("count", item.count.into()), ("year", year.into())];
    if let Some(name) = &item.name {
        args.push(("name", name.clone().into()));
    }
    let key = match (item.kind, item.due) {
        (InboxKind::Answer, Some(day)) => {
            args.push(("date", smartcities_publish::view::long_date(lang, &day.to_string()).into()));
            "inbox-answer-due".to_string()
        }
        (kind, _) => format!("inbox-{}", kind.slug()),
    };
    let mut line = translate(lang, &key, &args);
    if !item.sections.is_empty() {
        let labels: Vec<&str> = sections
            .iter()
            .filter(|(name, _)| item.sections.contains(name))
            .map(|(_, label)| label.as_str())
            .collect();
        line.push(' ');
        line.push_str(&translate(lang, "inbox-your-sections", &[("sections", labels.join(", ").into())]));
    }
    line
}

pub async fn me(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    SignedIn(session): SignedIn,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let result: Result<_, PageError> = async {
        let user = &session.user;
        let mut editions = Vec::new();
        for (edition, response) in state.app.my_editions(user).await? {
            let response_status = response.map(|status| t(lang, &format!("response-{}", status.slug())));
            editions.push(EditionLink {
                year: edition.year.get(),
                title: edition.title.get(lang).to_string(),
                status: t(lang, &format!("status-{}", edition.status.slug())),
                response_status,
            });
        }
        let city = match &user.city {
            Some(id) => state.app.city(id).await?.map(|c| c.name_in(lang).to_string()),
            None => None,
        };
        let mut inbox = Vec::new();
        for item in state.app.inbox(user).await? {
            // A colleague's sections are named as the edition's questionnaire labels them.
            let sections = match (item.sections.is_empty(), item.edition) {
                (false, Some(year)) => state.app.section_labels(year, lang).await?,
                _ => Vec::new(),
            };
            inbox.push((inbox_line(lang, &item, &sections), item.link.clone()));
        }
        let body = MePage {
            inbox,
            name: user.name.clone(),
            role: t(lang, &format!("role-{}", user.role.slug())),
            city,
            city_id: user.city.as_ref().map(ToString::to_string),
            editions,
            campaigns: smartcities_app::policy::is_staff(user.role),
            mail_lang: state.app.mail_lang(user).await?.code(),
            langs: crate::written::text_languages(lang),
            mail_lang_saved: uri.query().is_some_and(|q| q.split('&').any(|p| p == "mail=saved")),
        };
        render_page(&ctx, "me.html", "me", body).await
    }
    .await;
    result.into_response()
}

/// Sets the language the study's mail reaches the signed-in person in.
pub async fn set_mail_language(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    SignedIn(session): SignedIn,
    crate::form::CsrfForm(fields): crate::form::CsrfForm,
) -> Result<Response, PageError> {
    let chosen = Lang::from_tag(fields.first("mail_lang"))
        .ok_or_else(|| PageError::Refused(lang, t(lang, "form-expired")))?;
    state.app.set_mail_lang(&session.user, chosen).await?;
    Ok(Redirect::to("/me?mail=saved").into_response())
}
