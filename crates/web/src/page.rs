//! What every page shares: the request's context, rendering in the site's layout with the
//! language switcher and the signed-in person, and the errors pages answer with.

use axum::{
    http::{StatusCode, Uri},
    response::{Html, IntoResponse, Response},
};
use minijinja::value::Serde;
use serde::Serialize;
use smartcities_app::{AppError, Refusal};
use smartcities_domain::Lang;

use crate::{
    AppState,
    auth::{Denied, Viewer},
    i18n::t,
};

/// Why a page was not shown.
pub enum PageError {
    NotFound(Lang),
    /// Signed in, but not allowed here.
    Forbidden(Lang),
    /// Not signed in: go to the sign-in page, then come back to this path.
    SignIn(String),
    /// A form or a save that cannot be done, with the reason shown to the person.
    Refused(Lang, String),
    /// A link that worked once and does not any more (used, replaced, expired): 410 Gone.
    Gone(Lang, String),
    Internal(String),
}

impl From<AppError> for PageError {
    /// An error without the person's language: refusals that need words are rendered in English.
    /// Handlers that know the language use [`refused`] instead.
    fn from(e: AppError) -> Self {
        refused(Lang::En)(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::NotFound(lang) => {
                // Rendering the 404 page needs no data, so only a broken template could fail here.
                let env = crate::templates::environment();
                let page = Page {
                    lang: lang.code(),
                    languages: language_links(lang, "/", None),
                    section: "",
                    demo: false,
                    viewer: None,
                    body: (),
                };
                let html = env
                    .get_template("not_found.html")
                    .and_then(|t| t.render(Serde(&page)))
                    .unwrap_or_else(|e| e.to_string());
                (StatusCode::NOT_FOUND, Html(html)).into_response()
            }
            PageError::Forbidden(lang) | PageError::Refused(lang, _) | PageError::Gone(lang, _) => {
                let (status, message) = match self {
                    PageError::Refused(_, reason) => (StatusCode::CONFLICT, reason),
                    PageError::Gone(_, reason) => (StatusCode::GONE, reason),
                    _ => (StatusCode::FORBIDDEN, t(lang, "forbidden")),
                };
                let heading =
                    if status == StatusCode::FORBIDDEN { "forbidden-heading" } else { "refused-heading" };
                let body = Message { heading: t(lang, heading), message, back: None, home: "/" };
                // Without a viewer; [`error_layout`] renders the page again for whoever asked.
                let env = crate::templates::environment();
                let page = Page {
                    lang: lang.code(),
                    languages: language_links(lang, "/", None),
                    section: "",
                    demo: false,
                    viewer: None,
                    body: &body,
                };
                let html = env
                    .get_template("message.html")
                    .and_then(|t| t.render(Serde(&page)))
                    .unwrap_or_else(|e| e.to_string());
                let mut response = (status, Html(html)).into_response();
                response.extensions_mut().insert(ErrorPage { lang, body });
                response
            }
            PageError::SignIn(next) => {
                axum::response::Redirect::to(&format!("/sign-in?next={}", next.replace('&', "%26")))
                    .into_response()
            }
            PageError::Internal(message) => {
                tracing::error!(%message, "page failed");
                (StatusCode::INTERNAL_SERVER_ERROR, Html("<!doctype html><title>Error</title><h1>Something went wrong</h1><p>The error was logged.</p>".to_string()))
                    .into_response()
            }
        }
    }
}

/// A page that says why something was not done, and where to go on.
#[derive(Serialize, Clone)]
struct Message {
    heading: String,
    message: String,
    /// The page the person came from on this site, to go back to the form.
    back: Option<String>,
    home: &'static str,
}

/// A refusal waiting for [`error_layout`] to render it in the site's layout for the viewer.
#[derive(Clone)]
struct ErrorPage {
    lang: Lang,
    body: Message,
}

/// Renders refusals in the signed-in layout, with a way back to the page the person came from:
/// no refusal is a dead end. Only responses carrying an [`ErrorPage`] cost anything here.
pub async fn error_layout(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let uri = request.uri().clone();
    let token = crate::auth::cookie(request.headers(), crate::auth::SESSION_COOKIE).map(str::to_owned);
    let back = request
        .headers()
        .get(axum::http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| same_site_path(referer, request.headers()));
    let response = next.run(request).await;
    let Some(ErrorPage { lang, mut body }) = response.extensions().get::<ErrorPage>().cloned() else {
        return response;
    };
    let viewer = match token {
        Some(token) => Viewer(state.app.session(&token).await.ok().flatten()),
        None => Viewer(None),
    };
    body.back = back.filter(|b| b.as_str() != uri.path());
    if viewer.0.is_some() {
        body.home = "/me";
    }
    let status = response.status();
    match render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "message.html", "", body)
        .await
    {
        Ok(page) => (status, page).into_response(),
        Err(_) => response,
    }
}

/// The path of `referer` when it points at this site (same host), for a "back" link.
fn same_site_path(referer: &str, headers: &axum::http::HeaderMap) -> Option<String> {
    let host = headers.get(axum::http::header::HOST)?.to_str().ok()?;
    let rest = referer.strip_prefix("http://").or_else(|| referer.strip_prefix("https://"))?;
    let path = rest.strip_prefix(host)?;
    (path.starts_with('/') && !path.starts_with("//")).then(|| path.to_string())
}

pub type PageResult = Result<Html<String>, PageError>;

#[derive(Serialize)]
struct LanguageLink {
    code: &'static str,
    name: &'static str,
    href: String,
    current: bool,
}

/// Links to the same page in each language, keeping the other query parameters.
fn language_links(current: Lang, path: &str, query: Option<&str>) -> Vec<LanguageLink> {
    let kept: Vec<&str> =
        query.unwrap_or("").split('&').filter(|p| !p.is_empty() && !p.starts_with("lang=")).collect();
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let mut params = kept.clone();
            let choice = format!("lang={}", lang.code());
            params.push(&choice);
            LanguageLink {
                code: lang.code(),
                name: lang.endonym(),
                href: format!("{path}?{}", params.join("&")),
                current: lang == current,
            }
        })
        .collect()
}

/// The signed-in person as the page header shows them.
#[derive(Serialize, Default)]
pub struct ViewerView {
    name: String,
    role: String,
    csrf: String,
    secretariat: bool,
}

impl ViewerView {
    pub fn of(viewer: &Viewer) -> Option<ViewerView> {
        viewer.0.as_ref().map(|s| ViewerView {
            name: s.user.name.clone(),
            role: s.user.role.slug().to_string(),
            csrf: s.csrf.clone(),
            secretariat: smartcities_app::policy::Viewer::Account(&s.user).is_secretariat(),
        })
    }
}

#[derive(Serialize)]
struct Page<T: Serialize> {
    lang: &'static str,
    languages: Vec<LanguageLink>,
    section: &'static str,
    demo: bool,
    viewer: Option<ViewerView>,
    #[serde(flatten)]
    body: T,
}

/// Where a page is shown, and to whom.
pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub lang: Lang,
    pub uri: &'a Uri,
    pub viewer: &'a Viewer,
}

/// A use case's failure as a page in `lang`: not found and forbidden as such, other refusals
/// with their reason, anything else an internal error.
pub(crate) fn refused(lang: Lang) -> impl Fn(AppError) -> PageError {
    move |e| match e {
        AppError::Refused(Refusal::NotFound) => PageError::NotFound(lang),
        AppError::Refused(Refusal::Forbidden | Refusal::SignInNeeded) => PageError::Forbidden(lang),
        AppError::Refused(refusal @ Refusal::LinkInvalid) => PageError::Gone(lang, refusal.message(lang)),
        AppError::Refused(refusal) => PageError::Refused(lang, refusal.message(lang)),
        other => PageError::Internal(other.to_string()),
    }
}

/// [`refused`] for a page at `uri`: a visitor who must sign in is sent to sign in and back.
pub(crate) fn refused_at(lang: Lang, uri: &Uri) -> impl Fn(AppError) -> PageError {
    let here = uri.to_string();
    move |e| match e {
        AppError::Refused(Refusal::SignInNeeded) => PageError::SignIn(here.clone()),
        other => refused(lang)(other),
    }
}

/// A refusal the person can correct on the form they sent, as its reason in `lang`; anything
/// else (not found, forbidden, an internal failure) as the page error it is.
pub(crate) fn form_refusal(lang: Lang, e: AppError) -> Result<String, PageError> {
    match e {
        AppError::Refused(r)
            if !matches!(r, Refusal::NotFound | Refusal::Forbidden | Refusal::SignInNeeded) =>
        {
            Ok(r.message(lang))
        }
        other => Err(refused(lang)(other)),
    }
}

pub async fn render_page<T: Serialize>(
    ctx: &Ctx<'_>,
    template: &str,
    section: &'static str,
    body: T,
) -> PageResult {
    let page = Page {
        lang: ctx.lang.code(),
        languages: language_links(ctx.lang, ctx.uri.path(), ctx.uri.query()),
        section,
        demo: ctx.state.app.has_illustrative_data().await?,
        viewer: ViewerView::of(ctx.viewer),
        body,
    };
    let html = ctx
        .state
        .templates
        .get_template(template)
        .and_then(|t| t.render(Serde(&page)))
        .map_err(|e| PageError::Internal(format!("{template}: {e:#}")))?;
    Ok(Html(html))
}

impl From<Denied> for PageError {
    fn from(denied: Denied) -> Self {
        match denied {
            Denied::SignIn(path) => PageError::SignIn(path),
            Denied::Forbidden(lang) => PageError::Forbidden(lang),
        }
    }
}

impl IntoResponse for Denied {
    fn into_response(self) -> Response {
        PageError::from(self).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_links_keep_other_parameters() {
        let links = language_links(Lang::Es, "/members", Some("section=africa&lang=es"));
        let hrefs: Vec<&str> = links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(
            hrefs,
            [
                "/members?section=africa&lang=en",
                "/members?section=africa&lang=es",
                "/members?section=africa&lang=fr"
            ]
        );
        assert!(links[1].current && !links[0].current);
    }
}
