//! Rendered public pages, kept per address and language and served again until the public data
//! change. Only visitors without a session are served from it (a signed-in page shows the
//! person and their form tokens), only successful answers that set no cookie are kept, and an
//! entry is rendered again when the store's public version moves on (a change on this server at
//! once, on another server sharing the database within a poll) or after a minute at most.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use smartcities_domain::Lang;

use crate::{AppState, auth, i18n::negotiate_request};

/// How long an entry may be served at most, even if no change was seen (a server that changed
/// data and stopped before announcing it cannot leave others stale for longer).
const MAX_AGE: Duration = Duration::from_secs(60);
/// Bounds on what the cache holds; past them it starts again empty.
const MAX_ENTRIES: usize = 4_096;
const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The largest page kept.
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

struct Entry {
    version: u64,
    stored: Instant,
    content_type: Option<HeaderValue>,
    body: Bytes,
}

/// Rendered pages by address and language, with the bytes they hold in all.
type Entries = (HashMap<(String, Lang), Entry>, usize);

/// The cache of rendered public pages.
#[derive(Default)]
pub struct PageCache {
    entries: Mutex<Entries>,
}

/// Addresses whose answers depend only on the public data, the address and the language.
fn cacheable(path: &str) -> bool {
    // A version's files and an edition's reports carry their own long cache headers (and
    // ETags), which a cached copy would lose.
    if path.contains("/v/") || path.contains("/reports/") {
        return false;
    }
    path == "/"
        || path == "/editions"
        || path.starts_with("/editions/")
        || path == "/members"
        || path.starts_with("/cities/")
        || path.starts_with("/api/v1/editions")
        || path.starts_with("/api/v1/cities")
        || path == "/api/openapi.json"
}

impl PageCache {
    fn get(&self, key: &(String, Lang), version: u64) -> Option<Response> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.0.get(key)?;
        if entry.version != version || entry.stored.elapsed() > MAX_AGE {
            return None;
        }
        let mut response = Response::new(Body::from(entry.body.clone()));
        if let Some(content_type) = &entry.content_type {
            response.headers_mut().insert(header::CONTENT_TYPE, content_type.clone());
        }
        Some(response)
    }

    fn put(&self, key: (String, Lang), entry: Entry) {
        let Ok(mut entries) = self.entries.lock() else { return };
        let (map, bytes) = &mut *entries;
        if map.len() >= MAX_ENTRIES || *bytes + entry.body.len() > MAX_BYTES {
            map.clear();
            *bytes = 0;
        }
        *bytes += entry.body.len();
        if let Some(old) = map.insert(key, entry) {
            *bytes -= old.body.len();
        }
    }
}

/// Serves public pages from the cache, and keeps what it renders for the next visitor.
pub async fn serve_cached(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let signed_in = auth::cookie(request.headers(), auth::SESSION_COOKIE).is_some();
    let path = request.uri().path();
    if request.method() != Method::GET || signed_in || !cacheable(path) {
        return next.run(request).await;
    }
    let key = (request.uri().to_string(), negotiate_request(&request));
    let version = state.app.site_version();
    if let Some(hit) = state.cache.get(&key, version) {
        return hit;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    state.cache.put(
        key,
        Entry {
            version,
            stored: Instant::now(),
            content_type: parts.headers.get(header::CONTENT_TYPE).cloned(),
            body: bytes.clone(),
        },
    );
    Response::from_parts(parts, Body::from(bytes))
}

/// Follows what the other servers sharing the database change, every `every`: the catalogue's
/// search index, then the public version. The version is read before the index catches up
/// and taken on after, so a page cached under it never misses a practice changed before it.
pub async fn follow_other_servers(app: smartcities_app::App, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    loop {
        ticks.tick().await;
        if let Err(e) = app.catch_up().await {
            tracing::warn!(error = %e, "catching up with the other servers' changes failed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cacheable;

    #[test]
    fn only_public_addresses_are_cached() {
        for path in ["/", "/editions/2023/results", "/members", "/cities/es-bilbao", "/api/v1/editions"] {
            assert!(cacheable(path), "{path}");
        }
        for path in [
            "/sign-in",
            "/me",
            "/responses/2025/es-bilbao",
            "/campaigns/2025",
            "/healthz",
            "/static/site.css",
            "/editions/2019/reports/Informe-2019.pdf",
            "/editions/2024/v/1/site/en/index.html",
        ] {
            assert!(!cacheable(path), "{path}");
        }
    }
}
