//! What the tests share: the demonstration community on a throw-away database (SQLite, or
//! PostgreSQL when `SMARTCITIES_TEST_DATABASE_URL` says so), a signed-in session for any
//! account, and requests sent through the router in process.

pub mod browser;

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::{App, accounts as auth};
use smartcities_domain::{Clock, Email, FixedClock, SystemClock, Timestamp};
use smartcities_store::{Store, User, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

/// The demonstration's secretariat account.
pub const SECRETARIAT: &str = "secretariat@smartcities.example.org";
/// The demonstration's analyst account.
pub const ANALYST: &str = "analyst@smartcities.example.org";
/// The demonstration's respondent for Lisbon.
pub const RESPONDENT: &str = "digital.office@lisbon.example.org";
/// The respondent's own city.
pub const OWN_CITY: &str = "pt-lisbon";
/// A city the respondent does not answer for.
pub const OTHER_CITY: &str = "at-vienna";
/// The public address the test site's links use.
pub const PUBLIC_URL: &str = "https://study.example.org";
/// The secretariat's address refusals point to.
pub const CONTACT: &str = "secretariat@smartcities.example.org";

/// A site over its own database.
pub struct Site {
    /// The database; dropped with the site.
    pub db: TestDatabase,
    /// The store over it, for arranging what a test needs.
    pub store: Store,
    /// The use cases, configured as the site's.
    pub app: App,
    /// The clock every part of the site reads.
    pub clock: FixedClock,
    /// The whole web application.
    pub router: Router,
}

impl Site {
    /// The demonstration community, served with [`PUBLIC_URL`] as its address.
    pub async fn demo() -> Site {
        Site::demo_at(SystemClock.now()).await
    }

    /// The demonstration community on a clock that stands still at `at` until the test moves it.
    pub async fn demo_at(at: Timestamp) -> Site {
        let clock = FixedClock::at(at);
        let (db, store) = TestDatabase::migrated().await;
        let store = store.with_clock(std::sync::Arc::new(clock.clone()));
        App::new(store.clone()).load_demo(&smartcities_app::Silent).await.expect("the demonstration loads");
        Site::over(db, store, clock)
    }

    /// An empty site: the schema and nothing else.
    pub async fn empty() -> Site {
        let clock = FixedClock::at(SystemClock.now());
        let (db, store) = TestDatabase::migrated().await;
        let store = store.with_clock(std::sync::Arc::new(clock.clone()));
        Site::over(db, store, clock)
    }

    fn over(db: TestDatabase, store: Store, clock: FixedClock) -> Site {
        let state = AppState::new(smartcities_app::App::new(store.clone()))
            .with_public_url(Some(PUBLIC_URL.into()))
            .with_contact(Some(CONTACT.into()));
        let app = state.app.clone();
        Site { db, store, app, clock, router: router(state) }
    }

    /// The account with this e-mail address.
    pub async fn user(&self, email: &str) -> User {
        self.store
            .accounts()
            .user_by_email(&Email::parse(email).expect("an e-mail address"))
            .await
            .expect("the store answers")
            .unwrap_or_else(|| panic!("no account {email}"))
    }

    /// A second server over the same database: its own connections, its own use cases.
    pub async fn another_server(&self) -> App {
        let store = Store::connect(&self.db.url)
            .await
            .expect("a second connection pool")
            .with_clock(std::sync::Arc::new(self.clock.clone()));
        App::new(store).with_public_url(Some(PUBLIC_URL.into())).with_contact(Some(CONTACT.into()))
    }

    /// A signed-in session for the account with this e-mail address.
    pub async fn session(&self, email: &str) -> Session {
        let user = self
            .store
            .accounts()
            .user_by_email(&Email::parse(email).expect("an e-mail address"))
            .await
            .expect("the store answers")
            .unwrap_or_else(|| panic!("no account {email}"));
        let (token, csrf) = (auth::new_token(), auth::new_token());
        self.store
            .accounts()
            .create_session(&auth::token_hash(&token), &user.id, &csrf, 3600)
            .await
            .expect("a session");
        Session { cookie: format!("{SESSION_COOKIE}={token}"), csrf }
    }

    /// A page as the site served it, written to `dir` as `{name}.html` beside its style sheet
    /// and scripts (fetched from the site once each) with axe loaded last, so Chromium reads it
    /// from the file system as the server serves it; its `file://` address, for
    /// [`browser::axe_violations`]. `dir` must hold axe ([`browser::install_axe`]).
    pub async fn saved_for_axe(&self, dir: &std::path::Path, name: &str, body: &str) -> String {
        let assets = dir.join("static");
        std::fs::create_dir_all(&assets).expect("a directory for the assets");
        for asset in body.split("\"/static/").skip(1).filter_map(|rest| rest.split('"').next()) {
            let path = assets.join(asset.split('?').next().unwrap_or(asset));
            if !path.exists() {
                let file = self.get(&format!("/static/{asset}"), None).await;
                assert_eq!(file.status.as_u16(), 200, "/static/{asset}");
                std::fs::write(&path, &file.bytes).expect("write an asset");
            }
        }
        let html = browser::with_axe(&body.replace("\"/static/", "\"static/"), "");
        let path = dir.join(format!("{name}.html"));
        std::fs::write(&path, html).expect("write the page");
        format!("file://{}", path.display())
    }

    /// `GET uri`, signed in or not.
    pub async fn get(&self, uri: &str, session: Option<&Session>) -> Reply {
        self.send(Request::builder().method("GET").uri(uri), session, None).await
    }

    /// `POST uri` with a form; a session's CSRF token is added as `csrf`.
    pub async fn post(&self, uri: &str, session: Option<&Session>, form: &str) -> Reply {
        let body = match session {
            Some(s) if !form.contains("csrf=") => format!("csrf={}&{form}", s.csrf),
            _ => form.to_string(),
        };
        self.send(Request::builder().method("POST").uri(uri), session, Some(body)).await
    }

    /// Sends a request as it is built, with the session's cookie and a form body.
    pub async fn send(
        &self,
        mut request: axum::http::request::Builder,
        session: Option<&Session>,
        form: Option<String>,
    ) -> Reply {
        if let Some(session) = session {
            request = request.header(header::COOKIE, &session.cookie);
        }
        let body = match form {
            Some(form) => {
                request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                Body::from(form)
            }
            None => Body::empty(),
        };
        let response =
            self.router.clone().oneshot(request.body(body).expect("a request")).await.expect("an answer");
        Reply::read(response).await
    }
}

/// A signed-in session: the cookie header and the CSRF token its forms carry.
#[derive(Debug, Clone)]
pub struct Session {
    /// `sc_session=…`.
    pub cookie: String,
    /// The token forms must carry.
    pub csrf: String,
}

/// What the site answered.
#[derive(Debug)]
pub struct Reply {
    /// The status.
    pub status: StatusCode,
    /// The `Location` header, if any.
    pub location: Option<String>,
    /// Every `Set-Cookie` header.
    pub cookies: Vec<String>,
    /// Every header.
    pub headers: axum::http::HeaderMap,
    /// The body as text (lossy for binary bodies).
    pub body: String,
    /// The body as bytes.
    pub bytes: Vec<u8>,
}

impl Reply {
    async fn read(response: axum::response::Response) -> Reply {
        let status = response.status();
        let headers = response.headers().clone();
        let location = headers.get(header::LOCATION).map(|v| v.to_str().unwrap_or_default().to_string());
        let cookies = headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap_or_default().to_string())
            .collect();
        let bytes = axum::body::to_bytes(response.into_body(), 64 << 20).await.expect("a body").to_vec();
        Reply {
            status,
            location,
            cookies,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes,
        }
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.bytes)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body.chars().take(300).collect::<String>()))
    }

    /// The form token and its cookie of a public form page (`form_token`, `sc_form=…`).
    pub fn form_token(&self) -> (String, String) {
        let cookie = self
            .cookies
            .iter()
            .find(|c| c.starts_with("sc_form="))
            .expect("a form cookie")
            .split(';')
            .next()
            .unwrap_or_default()
            .to_string();
        let marker = "name=\"form_token\" value=\"";
        let start = self.body.find(marker).expect("a form token") + marker.len();
        let end = start + self.body[start..].find('"').expect("the token's end");
        (self.body[start..end].to_string(), cookie)
    }
}
