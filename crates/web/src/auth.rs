//! Who is asking: the session cookie and the signed-in person, role extractors that admit only
//! the roles a route serves, CSRF checks and cookie helpers. Credentials themselves (tokens,
//! passwords, the sign-in throttle) are the application layer's.

use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, header, request::Parts},
};
use smartcities_app::SessionUser;
use smartcities_app::policy::{self, may_read_answers as can_read, may_write_answers as can_write};
use smartcities_domain::{CityId, Lang, Role};

use crate::{AppState, i18n::negotiate};

/// The cookie that holds the session token.
pub const SESSION_COOKIE: &str = "sc_session";
/// The CSRF cookie of forms shown before there is a session (sign-in, invitation).
pub const FORM_COOKIE: &str = "sc_form";

/// The value of a cookie.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .find_map(|c| c.trim().strip_prefix(name).and_then(|rest| rest.strip_prefix('=')))
}

/// A `Set-Cookie` value: HttpOnly and SameSite=Lax always, Secure when served over https.
pub fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// Whether the request reached us over https (directly or through a proxy that says so).
pub fn is_https(headers: &HeaderMap, configured: bool) -> bool {
    configured || headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https")
}

/// Who is asking: the signed-in user, if any.
#[derive(Debug, Clone)]
pub struct Viewer(pub Option<SessionUser>);

impl Viewer {
    /// The viewer's role, if signed in.
    pub fn role(&self) -> Option<Role> {
        self.0.as_ref().map(|s| s.user.role)
    }

    /// Whether the viewer may read a city's answers.
    pub fn can_read(&self, city: &CityId) -> bool {
        self.0.as_ref().is_some_and(|s| can_read(&s.user, city))
    }

    /// Whether the viewer may change a city's answers (the response's status is checked apart).
    pub fn can_write(&self, city: &CityId) -> bool {
        self.0.as_ref().is_some_and(|s| can_write(&s.user, city))
    }

    /// The signed-in account, if any.
    pub fn user(&self) -> Option<&smartcities_app::User> {
        self.0.as_ref().map(|s| &s.user)
    }

    /// The viewer as the application's policy knows it.
    pub fn app(&self) -> policy::Viewer<'_> {
        policy::Viewer::of(self.0.as_ref().map(|s| &s.user))
    }

    /// Whether the viewer is a member of the secretariat.
    pub fn is_secretariat(&self) -> bool {
        self.role() == Some(Role::Secretariat)
    }

    /// The session's CSRF token, if signed in.
    pub fn csrf(&self) -> Option<&str> {
        self.0.as_ref().map(|s| s.csrf.as_str())
    }

    /// The viewer's name, or `''`.
    pub fn name(&self) -> &str {
        self.0.as_ref().map_or("", |s| s.user.name.as_str())
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        // Several extractors of one request ask: the session is read once.
        if let Some(viewer) = parts.extensions.get::<Viewer>() {
            return Ok(viewer.clone());
        }
        let viewer = match cookie(&parts.headers, SESSION_COOKIE) {
            // A database that does not answer is treated as signed out here; the page itself
            // will then report the failure.
            Some(token) => Viewer(state.app.session(token).await.ok().flatten()),
            None => Viewer(None),
        };
        parts.extensions.insert(viewer.clone());
        Ok(viewer)
    }
}

/// The signed-in person, whatever the role; others are sent to sign in.
pub struct SignedIn(pub SessionUser);

/// A secretariat member or an analyst; others are refused.
pub struct Staff(pub SessionUser);

/// A member of the secretariat; others are refused.
pub struct Secretariat(pub SessionUser);

/// Why a role extractor turned a request away; rendered as the sign-in redirect or the
/// forbidden page.
#[derive(Debug)]
pub enum Denied {
    /// Not signed in: sign in, then come back to this path.
    SignIn(String),
    /// Signed in with a role this route does not serve.
    Forbidden(Lang),
}

/// The viewer if signed in with one of `roles`; otherwise why not.
async fn admitted(parts: &mut Parts, state: &AppState, roles: &[Role]) -> Result<SessionUser, Denied> {
    let Ok(Viewer(session)) = Viewer::from_request_parts(parts, state).await;
    let lang: Lang = negotiate(parts);
    match session {
        None => Err(Denied::SignIn(parts.uri.to_string())),
        Some(session) if roles.contains(&session.user.role) => Ok(session),
        Some(_) => Err(Denied::Forbidden(lang)),
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Denied;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        admitted(parts, state, &[Role::Secretariat, Role::Analyst, Role::Respondent]).await.map(SignedIn)
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Denied;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        admitted(parts, state, &[Role::Secretariat, Role::Analyst]).await.map(Staff)
    }
}

impl FromRequestParts<AppState> for Secretariat {
    type Rejection = Denied;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        admitted(parts, state, &[Role::Secretariat]).await.map(Secretariat)
    }
}

/// The client's IP address when the server knows it: behind a trusted proxy (`--trusted-proxy`),
/// the address the proxy appended to `X-Forwarded-For`; otherwise the TCP peer's (in-process
/// tests have none).
pub struct ClientAddress(pub Option<std::net::IpAddr>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if state.trusted_proxy
            && let Some(forwarded) = forwarded_for(&parts.headers)
        {
            return Ok(ClientAddress(Some(forwarded)));
        }
        let info = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        Ok(ClientAddress(info.map(|i| i.0.ip())))
    }
}

/// The last address of `X-Forwarded-For`: the one our own proxy added (earlier ones are
/// whatever the client claimed).
fn forwarded_for(headers: &HeaderMap) -> Option<std::net::IpAddr> {
    let all: Vec<&str> = headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
    all.last()?.rsplit(',').next()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proxys_own_forwarded_address_is_the_last() {
        let mut headers = HeaderMap::new();
        assert_eq!(forwarded_for(&headers), None);
        headers.append("x-forwarded-for", "203.0.113.9, 198.51.100.7".parse().unwrap());
        assert_eq!(forwarded_for(&headers), Some("198.51.100.7".parse().unwrap()));
        headers.append("x-forwarded-for", "192.0.2.1".parse().unwrap());
        assert_eq!(forwarded_for(&headers), Some("192.0.2.1".parse().unwrap()));
    }

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "lang=es; sc_session=abc123; sc_form=x".parse().unwrap());
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc123"));
        assert_eq!(cookie(&headers, "missing"), None);
        assert!(set_cookie("a", "b", 60, true).ends_with("HttpOnly; SameSite=Lax; Secure"));
        assert!(!set_cookie("a", "b", 60, false).contains("Secure"));
    }
}
