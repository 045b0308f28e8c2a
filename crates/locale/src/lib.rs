//! The one translation catalogue of smartcities: Fluent files per language in `locales/`,
//! embedded in the binary, read by the web pages, the mail the platform sends and the documents
//! it publishes, so a sentence is translated once.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

use std::{borrow::Cow, collections::HashMap};

pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

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
