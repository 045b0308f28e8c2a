//! The choice of language for a request: `?lang=`, then the `lang` cookie, then
//! `Accept-Language`, then English. The messages themselves are `smartcities-locale`'s.

use axum::{
    extract::{FromRequestParts, Request},
    http::{HeaderMap, HeaderValue, header, request::Parts},
    middleware::Next,
    response::Response,
};
use smartcities_domain::Lang;
pub use smartcities_locale::{t, translate};

pub use smartcities_locale::collator;

pub use smartcities_publish::view::approx_date;

/// A moment as the language writes it, to the minute, UTC.
pub fn timestamp(lang: Lang, at: smartcities_domain::Timestamp) -> String {
    let at = at.to_string();
    let (day, time) = at.split_once('T').unwrap_or((&at, ""));
    let time: String = time.chars().take(5).collect();
    let day = smartcities_publish::view::long_date(lang, day);
    match lang {
        Lang::En => format!("{day}, {time} UTC"),
        Lang::Es => format!("{day}, {time} UTC"),
        Lang::Fr => format!("{day} à {time} UTC"),
    }
}

/// The language a request is answered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Negotiated(pub Lang);

fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(Lang::from_tag)
}

fn cookie_lang(headers: &HeaderMap) -> Option<Lang> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|cookies| {
        cookies.split(';').find_map(|c| c.trim().strip_prefix("lang=")).and_then(Lang::from_tag)
    })
}

pub fn negotiate(parts: &Parts) -> Lang {
    negotiate_from(parts.uri.query(), &parts.headers)
}

fn negotiate_from(query: Option<&str>, headers: &HeaderMap) -> Lang {
    query_lang(query)
        .or_else(|| cookie_lang(headers))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// The language of a whole request, for middleware that answers before any extractor runs.
pub fn negotiate_request(request: &Request) -> Lang {
    negotiate_from(request.uri().query(), request.headers())
}

impl<S: Send + Sync> FromRequestParts<S> for Negotiated {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Negotiated(negotiate(parts)))
    }
}

/// Remembers a language chosen with `?lang=` in a cookie, so the choice follows the visitor
/// to pages whose links do not carry it.
pub async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = query_lang(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let cookie = format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// `text` followed by a colon as the language writes it: French puts a no-break space before.
pub fn with_colon(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Fr => format!("{text}\u{a0}:"),
        Lang::En | Lang::Es => format!("{text}:"),
    }
}

/// Who recorded something, as a reader of `lang` reads it: an erased person's records say
/// "a former contact" in the reader's language.
pub(crate) fn who(lang: Lang, recorded_by: String) -> String {
    if recorded_by.starts_with(smartcities_app::people::FORMER_CONTACT) {
        t(lang, "people-former-contact")
    } else {
        recorded_by
    }
}

#[cfg(test)]
mod tests {
    use axum::http::Request;

    use super::*;

    fn parts(uri: &str, headers: &[(&str, &str)]) -> Parts {
        let mut builder = Request::builder().uri(uri);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(()).unwrap().into_parts().0
    }

    #[test]
    fn query_beats_cookie_beats_accept_language() {
        let all = [("cookie", "theme=dark; lang=fr"), ("accept-language", "es")];
        assert_eq!(negotiate(&parts("/?lang=es", &all)), Lang::Es);
        assert_eq!(negotiate(&parts("/", &all)), Lang::Fr);
        assert_eq!(negotiate(&parts("/", &all[1..])), Lang::Es);
        assert_eq!(negotiate(&parts("/?lang=de", &[])), Lang::En);
    }
}
