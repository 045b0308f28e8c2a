//! The public web site (server-rendered HTML in Spanish, English and French, usable without
//! JavaScript) and the JSON API under `/api/v1`, described by an OpenAPI document. Everything
//! the server shows comes from the database at request time, so any number of servers can
//! share one PostgreSQL database behind a load balancer.

mod account;
mod api;
pub mod auth;
pub mod campaign;
mod campaigns;
mod coding;
mod focus_groups;
mod i18n;
pub mod mail;
mod map;
mod pages;
mod questionnaire_editor;
mod responses;
mod results;
mod templates;

use std::{net::SocketAddr, sync::Arc};

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::header,
    middleware,
    response::IntoResponse,
    routing::{get, post},
};
use smartcities_store::Store;
use tower_http::trace::TraceLayer;

pub use api::ApiDoc;
pub use i18n::translate;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    templates: Arc<minijinja::Environment<'static>>,
    /// Mark cookies Secure even without an `X-Forwarded-Proto: https` header.
    secure_cookies: bool,
    /// The address respondents reach the site at, for links in mail; otherwise taken from the
    /// request.
    public_url: Option<String>,
    /// Permits for heavy synchronous work (reading uploaded workbooks) on the blocking pool.
    heavy_work: Arc<tokio::sync::Semaphore>,
}

/// How many uploaded workbooks are read at once; each is bounded in memory and time.
const HEAVY_WORK_AT_ONCE: usize = 2;

impl AppState {
    pub fn new(store: Store) -> AppState {
        AppState {
            store,
            templates: Arc::new(templates::environment()),
            secure_cookies: false,
            public_url: None,
            heavy_work: Arc::new(tokio::sync::Semaphore::new(HEAVY_WORK_AT_ONCE)),
        }
    }

    /// The address respondents reach the site at, for the links in invitations and reminders.
    pub fn with_public_url(mut self, url: Option<String>) -> AppState {
        self.public_url = url;
        self
    }

    /// For deployments served over https.
    pub fn with_secure_cookies(mut self, secure: bool) -> AppState {
        self.secure_cookies = secure;
        self
    }
}

/// The whole application: pages, API, health check and static assets.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/editions", get(pages::editions))
        .route("/editions/{year}", get(pages::edition))
        .route("/editions/{year}/results", get(results::overview))
        .route("/editions/{year}/coding", get(coding::page).post(coding::save))
        .route("/editions/{year}/questions/{code}", get(results::question))
        .route("/editions/{year}/focus-groups", get(focus_groups::list).post(focus_groups::save))
        .route("/members", get(pages::members))
        .route("/cities/{id}", get(pages::city))
        .route("/sign-in", get(account::sign_in_form).post(account::sign_in))
        .route("/sign-out", post(account::sign_out))
        .route("/invitations/{token}", get(account::invitation_form).post(account::accept_invitation))
        .route("/me", get(account::me))
        .route("/responses/{year}/{city}", get(responses::overview))
        .route(
            "/responses/{year}/{city}/groups/{group}",
            get(responses::group_form).post(responses::save_group),
        )
        .route("/responses/{year}/{city}/review", get(responses::review))
        .route("/responses/{year}/{city}/submit", post(responses::submit))
        .route("/responses/{year}/{city}/decision", post(responses::decide))
        .route("/responses/{year}/{city}/print", get(responses::print))
        .route("/responses/{year}/{city}/history", get(responses::history))
        .route("/responses/{year}/{city}/workbook.xlsx", get(responses::workbook))
        .route(
            "/responses/{year}/{city}/workbook",
            // Room for the largest workbook accepted plus the form's other fields.
            post(responses::upload_workbook).layer(DefaultBodyLimit::max(
                smartcities_questionnaire::Limits::UPLOAD.max_file_bytes + 64 * 1024,
            )),
        )
        .route("/questionnaires/{year}", get(questionnaire_editor::overview))
        .route("/questionnaires/{year}/xlsform.xlsx", get(questionnaire_editor::xlsform))
        .route("/questionnaires/{year}/questions", post(questionnaire_editor::add_question))
        .route(
            "/questionnaires/{year}/questions/{name}",
            get(questionnaire_editor::question).post(questionnaire_editor::save_question),
        )
        .route("/campaigns/{year}", get(campaigns::dashboard).post(campaigns::act))
        .route("/static/site.css", get(stylesheet))
        .route("/static/autosave.js", get(autosave_script))
        .route("/healthz", get(api::health))
        .route("/api/openapi.json", get(api::openapi))
        .nest("/api/v1", api::router())
        .fallback(pages::not_found)
        .layer(middleware::from_fn(i18n::remember_language))
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

async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../assets/site.css"),
    )
}

/// How often the server delivers the mail the outbox holds.
const MAIL_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Serves the application until Ctrl-C or SIGTERM, then lets requests in flight finish; the
/// outbox is delivered in the background meanwhile.
pub async fn serve(
    state: AppState,
    mailer: mail::Mailer,
    listener: tokio::net::TcpListener,
) -> std::io::Result<()> {
    tokio::spawn(mailer.run(state.store.clone(), MAIL_EVERY));
    let app = router(state);
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
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
