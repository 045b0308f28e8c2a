//! Sign-in: one-time invitation links, argon2id password hashes, session cookies and CSRF
//! tokens. Tokens are 128 random bits; the database keeps only their SHA-256.

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};
use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, header, request::Parts},
};
use sha2::{Digest, Sha256};
use smartcities_domain::{CityId, Role};
use smartcities_store::SessionUser;

use crate::AppState;

pub const SESSION_COOKIE: &str = "sc_session";
/// The CSRF cookie of forms shown before there is a session (sign-in, invitation).
pub const FORM_COOKIE: &str = "sc_form";
/// Sessions last two weeks; invitations one month.
pub const SESSION_SECONDS: i64 = 14 * 24 * 3600;
pub const INVITATION_SECONDS: i64 = 30 * 24 * 3600;
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A new random token: 128 bits as 32 hexadecimal characters.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

pub fn hash_password(password: &str) -> String {
    Argon2::default().hash_password(password.as_bytes()).expect("argon2 hashes any password").to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

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
    pub fn role(&self) -> Option<Role> {
        self.0.as_ref().map(|s| s.user.role)
    }

    /// Whether the viewer may read a city's answers.
    pub fn can_read(&self, city: &CityId) -> bool {
        match &self.0 {
            Some(s) => match s.user.role {
                Role::Secretariat | Role::Analyst => true,
                Role::Respondent => s.user.city.as_ref() == Some(city),
            },
            None => false,
        }
    }

    /// Whether the viewer may change a city's answers (the response's status is checked apart).
    pub fn can_write(&self, city: &CityId) -> bool {
        match &self.0 {
            Some(s) => match s.user.role {
                Role::Secretariat => true,
                Role::Analyst => false,
                Role::Respondent => s.user.city.as_ref() == Some(city),
            },
            None => false,
        }
    }

    pub fn is_secretariat(&self) -> bool {
        self.role() == Some(Role::Secretariat)
    }

    pub fn csrf(&self) -> Option<&str> {
        self.0.as_ref().map(|s| s.csrf.as_str())
    }

    pub fn name(&self) -> &str {
        self.0.as_ref().map_or("", |s| s.user.name.as_str())
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else { return Ok(Viewer(None)) };
        // A database that does not answer is treated as signed out here; the page itself
        // will then report the failure.
        let user = state.store.session_user(&token_hash(token)).await.ok().flatten();
        Ok(Viewer(user))
    }
}

/// The client's IP address when the server knows it (it does when serving over TCP; in-process
/// tests have none).
pub struct ClientAddress(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let info = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        Ok(ClientAddress(info.map(|i| i.0.ip())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_random_bits() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_eq!(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn passwords_verify_only_themselves() {
        let hash = hash_password("correct horse battery");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse battery!", &hash));
        assert!(!verify_password("anything", "not a hash"));
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
