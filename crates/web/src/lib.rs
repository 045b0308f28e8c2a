//! The public web site (server-rendered HTML in Spanish, English and French, usable without
//! JavaScript) and the JSON API under `/api/v1`, described by an OpenAPI document. Everything
//! the server shows comes from the database at request time, so any number of servers can
//! share one PostgreSQL database behind a load balancer.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

/// Declares a list of routes once: the router's `.route` calls and a constant naming every
/// path, so the test that walks every page cannot miss one.
macro_rules! routes {
    ($(#[$doc:meta])* $list:ident, $add:ident; $($(#[$attr:meta])* $path:literal => $handler:expr,)*) => {
        $(#[$doc])*
        pub const $list: &[&str] = &[$($path),*];

        fn $add(router: Router<AppState>) -> Router<AppState> {
            router$(.route($path, $handler))*
        }
    };
}
pub(crate) use routes;

mod account;
mod api;
pub mod auth;
mod cache;
mod campaign_mail;
mod campaigns;
mod city_names;
mod coding;
mod community;
mod conditions;
mod download;
mod events;
mod focus_groups;
mod form;
mod history;
mod i18n;
mod new_edition;
mod page;
mod pages;
mod people;
mod practices;
mod publication;
mod questionnaire_editor;
mod questionnaire_preview;
mod responses;
mod results;
mod statements;
mod templates;
mod written;

use std::{net::SocketAddr, sync::Arc};

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::header,
    middleware,
    response::IntoResponse,
    routing::{get, post},
};
use smartcities_app::{App, mail};
use tower_http::trace::TraceLayer;

pub use api::{API_ROUTES, ApiDoc};
pub use i18n::translate;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The use cases: the only way to the data.
    pub app: App,
    templates: Arc<minijinja::Environment<'static>>,
    /// Mark cookies Secure even without an `X-Forwarded-Proto: https` header.
    secure_cookies: bool,
    /// Take the client's address from the last `X-Forwarded-For` entry (behind a proxy).
    trusted_proxy: bool,
    /// Rendered public pages.
    cache: Arc<cache::PageCache>,
}

impl AppState {
    /// The site over the application `app`, with no public address (so no mail with links) and
    /// no proxy.
    pub fn new(app: App) -> AppState {
        AppState {
            app,
            templates: Arc::new(templates::environment()),
            secure_cookies: false,
            trusted_proxy: false,
            cache: Arc::default(),
        }
    }

    /// The address people reach the site at, for the links in invitations, reminders and
    /// password resets; the only address such links ever use.
    pub fn with_public_url(mut self, url: Option<String>) -> AppState {
        self.app = self.app.with_public_url(url);
        self
    }

    /// The secretariat's address that people who cannot do something are told to write to.
    pub fn with_contact(mut self, contact: Option<String>) -> AppState {
        self.app = self.app.with_contact(contact);
        self
    }

    /// Keeps the good-practice search index in `dir` (or in memory without one).
    pub fn with_catalogue_dir(
        mut self,
        dir: Option<&std::path::Path>,
    ) -> Result<AppState, smartcities_app::AppError> {
        if let Some(dir) = dir {
            self.app = self.app.with_catalogue_dir(dir)?;
        }
        Ok(self)
    }

    /// For deployments served over https.
    pub fn with_secure_cookies(mut self, secure: bool) -> AppState {
        self.secure_cookies = secure;
        self
    }

    /// For deployments behind a reverse proxy that appends the client's address to
    /// `X-Forwarded-For`.
    pub fn with_trusted_proxy(mut self, trusted: bool) -> AppState {
        self.trusted_proxy = trusted;
        self
    }
}

routes! {
    /// Every route of the site outside `/api/v1`, as the router matches it.
    SITE_ROUTES, site_routes;
    "/" => get(pages::home),
    "/editions" => get(pages::editions),
    "/editions/new" => get(new_edition::form).post(new_edition::create),
    "/editions/{year}" => get(pages::edition),
    "/editions/{year}/results" => get(results::overview),
    "/editions/{year}/analyse" => post(publication::analyse),
    "/editions/{year}/publish" => post(publication::publish),
    "/editions/{year}/withdraw" => post(publication::withdraw),
    "/editions/{year}/versions/{version}" => post(publication::version_action),
    "/editions/{year}/published" => get(publication::current),
    "/editions/{year}/v/{version}" => get(publication::version_root),
    "/editions/{year}/v/{version}/{*path}" => get(publication::file),
    "/editions/{year}/coding" => get(coding::page).post(coding::save),
    "/editions/{year}/questions/{code}" => get(results::question),
    "/editions/{year}/focus-groups" => get(focus_groups::list).post(focus_groups::save),
    "/members" => get(pages::members),
    "/members/renewal" => get(community::renewal_dashboard).post(community::renewal_act),
    "/members/join" => get(community::join_form).post(community::join),
    "/renewal/{token}" => get(community::renewal_form).post(community::renewal_answer),
    "/community" => get(community::page).post(community::save),
    "/community/report" => post(community::report),
    "/community/summary" => get(community::draft),
    "/events" => get(events::list).post(events::save),
    "/events.ics" => get(events::calendar),
    "/practices" => get(practices::list),
    "/practices.atom" => get(practices::feed),
    "/practices/synonyms" => get(practices::synonyms_form).post(practices::save_synonyms),
    "/practices/{id}" => get(practices::show),
    "/practices/{id}/edit" => get(practices::edit_form).post(practices::edit),
    "/practices/{id}/decision" => post(practices::decide),
    "/practices/{id}/pictures" => post(practices::change_picture)
        .layer(DefaultBodyLimit::max(smartcities_app::questionnaire::attachment::MAX_FILE_BYTES + 64 * 1024)),
    "/practices/{id}/pictures/{picture}" => get(practices::picture),
    "/cities/{id}/practices/new" => get(practices::propose_form).post(practices::propose),
    "/cities/{id}/names" => get(city_names::form).post(city_names::save),
    "/cities/{id}" => get(pages::city),
    "/sign-in" => get(account::sign_in_form).post(account::sign_in),
    "/sign-out" => post(account::sign_out),
    "/invitations/{token}" => get(account::invitation_form).post(account::accept_invitation),
    "/password-reset" => get(account::reset_request_form).post(account::request_reset),
    "/password-reset/{token}" => get(account::invitation_form).post(account::accept_invitation),
    "/me/password" => get(account::password_form).post(account::change_password),
    "/me" => get(account::me),
    "/me/mail-language" => post(account::set_mail_language),
    "/privacy" => get(people::privacy),
    "/people" => get(people::page).post(people::act),
    "/people/export" => get(people::export),
    "/responses/{year}/{city}" => get(responses::overview),
    "/responses/{year}/{city}/groups/{group}" => get(responses::group_form).post(responses::save_group),
    "/responses/{year}/{city}/review" => get(responses::review),
    "/responses/{year}/{city}/team" => get(responses::team).post(responses::team_act),
    "/responses/{year}/{city}/submit" => post(responses::submit),
    "/responses/{year}/{city}/carry-over" => post(responses::carry_over),
    "/responses/{year}/{city}/submitted" => get(responses::submitted),
    "/responses/{year}/{city}/decision" => post(responses::decide),
    "/responses/{year}/{city}/print" => get(responses::print),
    "/responses/{year}/{city}/history" => get(responses::history),
    "/responses/{year}/{city}/workbook.xlsx" => get(responses::workbook),
    // Room for the largest file accepted plus the form's other fields.
    "/responses/{year}/{city}/files/{name}" => get(responses::download_file).post(responses::upload_file)
        .layer(DefaultBodyLimit::max(smartcities_app::questionnaire::attachment::MAX_FILE_BYTES + 64 * 1024)),
    // Room for the largest workbook accepted plus the form's other fields.
    "/responses/{year}/{city}/workbook" => post(responses::upload_workbook)
        .layer(DefaultBodyLimit::max(smartcities_app::questionnaire::Limits::UPLOAD.max_file_bytes + 64 * 1024)),
    "/questionnaires/{year}" => get(questionnaire_editor::overview),
    "/questionnaires/{year}/xlsform.xlsx" => get(questionnaire_editor::xlsform),
    "/questionnaires/{year}/statements" => get(statements::show).post(statements::save),
    "/questionnaires/{year}/questions" => post(questionnaire_editor::add_question),
    "/questionnaires/{year}/questions/{name}" => get(questionnaire_editor::question).post(questionnaire_editor::save_question),
    "/campaigns/{year}" => get(campaigns::dashboard).post(campaigns::act),
    // Room for the largest report accepted plus the form's other fields.
    "/editions/{year}/history" => get(history::page).post(history::act)
        .layer(DefaultBodyLimit::max(smartcities_app::history::MAX_REPORT_BYTES + 64 * 1024)),
    "/editions/{year}/reports/{name}" => get(history::report),
    "/campaigns/{year}/mail" => get(campaign_mail::mail).post(campaign_mail::save_mail),
    "/campaigns/{year}/prospects" => get(campaign_mail::prospects).post(campaign_mail::invite_prospect),
    "/static/site.css" => get(stylesheet),
    "/static/autosave.js" => get(autosave_script),
    "/static/print.js" => get(print_script),
    "/static/picker.js" => get(picker_script),
    "/static/editor-preview.js" => get(editor_preview_script),
    "/static/community.js" => get(community_script),
    "/static/events.js" => get(events_script),
    "/static/practice-form.js" => get(practice_form_script),
    "/healthz" => get(api::health),
    "/api/openapi.json" => get(api::openapi),
}

/// The whole application: pages, API, health check and static assets.
pub fn router(state: AppState) -> Router {
    site_routes(Router::new())
        .nest("/api/v1", api::router())
        .fallback(pages::not_found)
        .layer(middleware::from_fn_with_state(state.clone(), page::error_layout))
        .layer(middleware::from_fn_with_state(state.clone(), cache::serve_cached))
        .layer(middleware::from_fn(i18n::remember_language))
        .layer(middleware::from_fn(refuse_nul))
        .layer(middleware::from_fn(security_headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn autosave_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/autosave.js"),
    )
}

async fn community_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/community.js"),
    )
}

async fn events_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/events.js"),
    )
}

async fn practice_form_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/practice-form.js"),
    )
}

async fn editor_preview_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/editor-preview.js"),
    )
}

async fn picker_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/picker.js"),
    )
}

async fn print_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/print.js"),
    )
}

/// The policy every answer carries: scripts, styles and images from this site only, no inline
/// script, no framing by other sites, no guessing of content types, and no full addresses in the
/// Referer sent elsewhere.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

async fn security_headers(
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    ] {
        headers.insert(name, header::HeaderValue::from_static(value));
    }
    response
}

/// Forms and addresses with a NUL character are refused before any handler sees them: no text
/// the site keeps or shows needs one, and some databases and browsers mishandle it. Form bodies
/// are read within the usual body limit; uploads (multipart) are binary and checked by their
/// readers.
async fn refuse_nul(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let has_nul = |text: &str| text.contains('\0') || text.to_ascii_lowercase().contains("%00");
    let lang = i18n::negotiate_request(&request);
    let refused = || {
        (axum::http::StatusCode::BAD_REQUEST, axum::response::Html(translate(lang, "refused-nul", &[])))
            .into_response()
    };
    if has_nul(request.uri().path()) || request.uri().query().is_some_and(has_nul) {
        return refused();
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, FORM_LIMIT).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return (axum::http::StatusCode::PAYLOAD_TOO_LARGE, "the form is too large").into_response();
        }
    };
    if bytes.contains(&0) || has_nul(&String::from_utf8_lossy(&bytes)) {
        return refused();
    }
    next.run(axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes))).await
}

/// The largest form body accepted (axum's own default for forms).
const FORM_LIMIT: usize = 2 * 1024 * 1024;

async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../assets/site.css"),
    )
}

/// How often the server reads the public data's version other servers may have moved on.
const FOLLOW_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// How often the server delivers the mail the outbox holds.
const MAIL_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Serves the application until Ctrl-C or SIGTERM, then lets requests in flight finish; the
/// outbox is delivered in the background meanwhile.
pub async fn serve(
    state: AppState,
    mailer: mail::Mailer,
    listener: tokio::net::TcpListener,
) -> std::io::Result<()> {
    // The search index catches up with the database before the first request.
    state.app.sync_catalogue().await.map_err(std::io::Error::other)?;
    tokio::spawn(mailer.run(state.app.clone(), MAIL_EVERY));
    tokio::spawn(purge_expired(state.app.clone()));
    tokio::spawn(cache::follow_other_servers(state.app.clone(), FOLLOW_EVERY));
    tokio::spawn(run_scheduled(state.app.clone()));
    tokio::spawn(count_downloads(state.app.clone()));
    let app = state.app.clone();
    let served = axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await;
    if let Err(e) = app.flush_downloads().await {
        tracing::warn!(error = %e, "the last downloads counted were not written");
    }
    served
}

/// How often the downloads counted in memory are written.
const DOWNLOADS_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// Writes the downloads counted in memory now and then, in one transaction each time.
async fn count_downloads(app: App) {
    let mut ticks = tokio::time::interval(DOWNLOADS_EVERY);
    loop {
        ticks.tick().await;
        if let Err(e) = app.flush_downloads().await {
            tracing::warn!(error = %e, "downloads were not written; they are kept for the next round");
        }
    }
}

/// How often the server looks for scheduled work that is due (a version going public).
const JOBS_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Does the scheduled work that falls due, once across every server sharing the database.
async fn run_scheduled(app: App) {
    let server = format!("server-{}-{}", std::process::id(), smartcities_app::accounts::new_token());
    let mut ticks = tokio::time::interval(JOBS_EVERY);
    loop {
        ticks.tick().await;
        match app.run_due_jobs(&server).await {
            Ok(0) => {}
            Ok(done) => tracing::info!(done, "scheduled work done"),
            Err(e) => tracing::warn!(error = %e, "scheduled work failed; it is tried again"),
        }
    }
}

/// Forgets old failed sign-ins and expired sessions now and then.
async fn purge_expired(app: App) {
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(300));
    loop {
        ticks.tick().await;
        if let Err(e) = app.purge_expired().await {
            tracing::warn!(error = %e, "purging expired sign-in records failed");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
