//! Translations (Fluent files in `locales/`, embedded in the binary) and the choice of language
//! for a request: `?lang=`, then the `lang` cookie, then `Accept-Language`, then English.

use std::{borrow::Cow, collections::HashMap};

use axum::{
    extract::{FromRequestParts, Request},
    http::{HeaderValue, header, request::Parts},
    middleware::Next,
    response::Response,
};
use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue, langid};
use smartcities_domain::Lang;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without this, every placeable is wrapped in invisible bidi isolation marks in the HTML.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static ES: LanguageIdentifier = langid!("es");
static FR: LanguageIdentifier = langid!("fr");

fn identifier(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
        Lang::Fr => &FR,
    }
}

/// The message `key` in `lang`; the key itself if no language has it, so that a missing
/// translation shows up on the page rather than as an empty space.
pub fn translate(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(name, value)| (Cow::Owned(name.to_string()), value.clone())).collect();
    let args = if args.is_empty() { None } else { Some(&args) };
    LOCALES.try_lookup_complete(identifier(lang), key, args).unwrap_or_else(|| key.to_string())
}

/// A message without arguments.
pub fn t(lang: Lang, key: &str) -> String {
    translate(lang, key, &[])
}

/// The language a request is answered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Negotiated(pub Lang);

fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(Lang::from_tag)
}

fn cookie_lang(parts: &Parts) -> Option<Lang> {
    parts.headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|cookies| {
        cookies.split(';').find_map(|c| c.trim().strip_prefix("lang=")).and_then(Lang::from_tag)
    })
}

pub fn negotiate(parts: &Parts) -> Lang {
    query_lang(parts.uri.query())
        .or_else(|| cookie_lang(parts))
        .or_else(|| {
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

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

    #[test]
    fn plurals_and_arguments_follow_the_language() {
        let count = |n: i64| [("count", FluentValue::from(n))];
        assert_eq!(translate(Lang::En, "members-count", &count(1)), "One member city.");
        assert_eq!(translate(Lang::Es, "members-count", &count(47)), "47 ciudades miembro.");
        assert_eq!(translate(Lang::Fr, "members-count", &count(0)), "Aucune ville membre ne correspond.");
        assert_eq!(translate(Lang::Fr, "no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn every_language_has_every_message() {
        let keys = |text: &str| -> BTreeSet<String> {
            text.lines()
                .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                .filter_map(|l| l.split_once(" =").map(|(k, _)| k.to_string()))
                .collect()
        };
        let en = keys(include_str!("../locales/en/main.ftl"));
        assert!(en.len() > 100);
        assert_eq!(keys(include_str!("../locales/es/main.ftl")), en);
        assert_eq!(keys(include_str!("../locales/fr/main.ftl")), en);
    }
}
