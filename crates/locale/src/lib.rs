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
    let args_ref = if args.is_empty() { None } else { Some(&args) };
    let text =
        LOCALES.try_lookup_complete(identifier(lang), key, args_ref).unwrap_or_else(|| key.to_string());
    match (lang, args.get("city")) {
        (Lang::Fr, Some(FluentValue::String(city))) => elide_before(&text, city),
        _ => text,
    }
}

/// French elides "de" before a city whose name starts with a vowel sound: "d’Ostende",
/// "d’Istanbul", "d’Amman", never "de Ostende".
fn elide_before(text: &str, city: &str) -> String {
    let vowel = city.chars().next().is_some_and(|c| "AEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŒaeiouyàâäéèêëîïôöûüœİ".contains(c));
    if !vowel {
        return text.to_string();
    }
    let mut out = text.replace(&format!(" de {city}"), &format!(" d’{city}"));
    if let Some(rest) = out.strip_prefix(&format!("De {city}")) {
        out = format!("D’{city}{rest}");
    }
    out
}

/// A message without arguments.
pub fn t(lang: Lang, key: &str) -> String {
    translate(lang, key, &[])
}

/// Compares names as the language sorts them (İzmir beside Istanbul, Ñ after N in Spanish),
/// with the Unicode collation data compiled into the binary.
pub fn collator(lang: Lang) -> icu_collator::CollatorBorrowed<'static> {
    let locale = match lang {
        Lang::En => icu_locale_core::locale!("en"),
        Lang::Es => icu_locale_core::locale!("es"),
        Lang::Fr => icu_locale_core::locale!("fr"),
    };
    icu_collator::Collator::try_new(locale.into(), Default::default())
        .expect("collation data for en, es and fr is compiled in")
}

/// A unit of measure's name in `lang` (`km`, `años`, `entreprises pour 1 000 habitants`); a unit
/// the catalogue does not know keeps the name the framework gave it, words spaced.
pub fn unit_name(lang: Lang, unit: &str) -> String {
    let key = format!("unit-{unit}");
    let name = t(lang, &key);
    if name == key { unit.replace('_', " ") } else { name }
}

/// What follows a value of `unit` in a sentence: nothing after a plain count ("22", not "22
/// número"), else a space and the unit's name.
pub fn after_value(lang: Lang, unit: &str) -> String {
    match unit {
        "" | "count" => String::new(),
        _ => format!(" {}", unit_name(lang, unit)),
    }
}

/// The hint under a numeric question saying its unit; none for a plain count.
pub fn unit_hint(lang: Lang, unit: &str) -> String {
    match unit {
        "" | "count" => String::new(),
        _ => translate(lang, "question-hint-unit", &[("unit", FluentValue::from(unit_name(lang, unit)))]),
    }
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
    fn french_elides_de_before_a_vowel() {
        let city = |name: &'static str| [("city", FluentValue::from(name))];
        assert_eq!(translate(Lang::Fr, "renewal-page-heading", &city("Ostende")), "Adhésion d’Ostende");
        assert_eq!(translate(Lang::Fr, "renewal-page-heading", &city("Bilbao")), "Adhésion de Bilbao");
        assert!(
            translate(Lang::Es, "renewal-page-heading", &city("Ostende")).contains("de Ostende"),
            "Spanish does not elide"
        );
        assert!(translate(Lang::Fr, "practice-of-city", &city("Istanbul")).contains("d’Istanbul"));
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

    /// Variables that carry a count of things.
    const COUNTS: &[&str] = &[
        "accepted",
        "active",
        "answered",
        "answering",
        "answers",
        "approved",
        "attendance",
        "barriers",
        "cities",
        "coded",
        "confirmed",
        "count",
        "countries",
        "downloads",
        "enablers",
        "events",
        "failed",
        "files",
        "invited",
        "left",
        "mails",
        "max",
        "min",
        "partners",
        "pending",
        "practices",
        "questions",
        "received",
        "responding",
        "rows",
        "runs",
        "sent",
        "silent",
        "total",
        "unchanged",
        "updated",
        "workshops",
    ];

    /// Counts that meet no word that agrees with them, by language (`*` for all), with why.
    const INVARIANT: &[(&str, &str, &str)] = &[
        // Limits the code fixes, always above one.
        ("*", "password-too-short", "min"),
        ("*", "password-new", "min"),
        ("*", "password-too-long", "max"),
        ("*", "team-name-invalid", "max"),
        ("*", "campaign-text-too-long", "max"),
        // "corrigé 1 fois", "corrigé 2 fois": the French word is invariable.
        ("fr", "history-corrected", "count"),
        ("*", "new-edition-title-invalid", "max"),
        ("*", "refused-answer-too-long", "max"),
        ("*", "refused-too-many-entries", "max"),
        ("*", "refused-text-too-long", "max"),
        ("*", "practice-too-long", "max"),
        ("*", "practice-too-many", "max"),
        ("*", "event-problem-title", "max"),
        ("*", "event-problem-long", "max"),
        ("*", "event-problem-links", "max"),
        ("*", "community-problem-focal-points", "max"),
        ("*", "synonyms-problem-groups", "max"),
        ("*", "synonyms-problem-words", "max"),
        ("*", "synonyms-problem-word", "max"),
        // "3 of 5 answered", "2 sur 5": the word agrees with the other count, or with none.
        ("*", "progress-label", "total"),
        ("en", "progress-label", "answered"),
        ("es", "progress-label", "answered"),
        ("*", "results-paired", "unchanged"),
        ("*", "campaign-mail-counts", "pending"),
        ("en", "campaign-mail-counts", "sent"),
        ("en", "campaign-mail-counts", "failed"),
        ("en", "results-answering", "answering"),
        ("fr", "results-answering", "invited"),
        ("en", "pub-answered-of", "answering"),
        ("fr", "pub-answered-of", "invited"),
        ("en", "pub-participation", "answering"),
        ("fr", "pub-participation", "invited"),
        ("en", "coding-progress", "coded"),
        ("es", "coding-progress", "coded"),
        ("fr", "coding-progress", "total"),
        ("en", "pub-method-collect", "answering"),
        ("fr", "pub-conclusion-participation", "countries"),
        ("en", "progress-participation", "answered"),
        ("en", "progress-participation", "accepted"),
        ("en", "progress-round", "confirmed"),
        ("en", "progress-round", "updated"),
        ("en", "progress-round", "left"),
        ("*", "progress-round", "silent"),
        ("en", "progress-applications-detail", "received"),
        ("en", "progress-applications-detail", "approved"),
        ("*", "progress-summary-renewal", "silent"),
        ("en", "progress-summary-renewal", "left"),
        ("en", "pub-provisional-note", "answering"),
        ("es", "pub-provisional-note", "answering"),
        ("fr", "pub-provisional-note", "invited"),
        // "Cities told: 3", "Answer 4 of 20": a count after a label agrees with nothing.
        ("*", "collection-opened-notice", "cities"),
        ("*", "collection-opened-notice", "mails"),
        ("*", "collection-closed-notice", "cities"),
        ("*", "collection-closed-notice", "mails"),
        ("*", "collection-extended-notice", "mails"),
        ("*", "coding-answer", "total"),
        ("*", "non-answers-beside", "dont_know"),
        ("*", "non-answers-beside", "not_applicable"),
        ("*", "pub-non-answers", "dont_know"),
        ("*", "pub-non-answers", "not_applicable"),
        // Lists of names, not counts.
        ("*", "pub-conclusion-barriers", "barriers"),
        ("*", "pub-conclusion-barriers", "enablers"),
        // French "pays" and "fois" are the same in the singular and the plural.
        ("fr", "home-members-count", "countries"),
        ("fr", "progress-summary-work", "downloads"),
    ];

    /// Each message of a catalogue with the variables it names and whether it words zero apart
    /// (`[0]`).
    fn messages(text: &str) -> Vec<(String, BTreeSet<String>, bool)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            let starts = line.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && line.contains(" =");
            if starts {
                let (key, body) = line.split_once(" =").unwrap_or((line, ""));
                out.push((key.to_string(), body.to_string()));
            } else if line.is_empty() || line.starts_with('#') {
                continue;
            } else if let Some((_, body)) = out.last_mut() {
                body.push_str(line);
            }
        }
        out.into_iter()
            .map(|(key, body)| {
                let vars = body
                    .split('$')
                    .skip(1)
                    .map(|rest| rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect())
                    .collect();
                let zero_apart = body.contains("[0]");
                (key, vars, zero_apart)
            })
            .collect()
    }

    /// `n` written as a whole number in the text, replaced by `#` so forms can be compared.
    fn form(text: &str, n: i64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let at_number = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric());
            if at_number {
                let end = (i..chars.len()).find(|j| !chars[*j].is_ascii_digit()).unwrap_or(chars.len());
                let number: String = chars[i..end].iter().collect();
                let word_follows = chars.get(end).is_some_and(|c| c.is_alphabetic());
                out.push_str(if number == digits && !word_follows { "#" } else { &number });
                i = end;
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        out
    }

    #[test]
    fn every_count_that_meets_a_word_agrees_with_it_in_every_language() {
        let catalogues = [
            (Lang::En, include_str!("../locales/en/main.ftl")),
            (Lang::Es, include_str!("../locales/es/main.ftl")),
            (Lang::Fr, include_str!("../locales/fr/main.ftl")),
        ];
        let mut disagreements = Vec::new();
        let mut checked = 0;
        for (lang, text) in catalogues {
            for (key, vars, zero_apart) in messages(text) {
                for count in vars.iter().filter(|v| COUNTS.contains(&v.as_str())) {
                    let invariant = INVARIANT
                        .iter()
                        .any(|(l, k, v)| (*l == "*" || *l == lang.code()) && *k == key && v == count);
                    let render = |n: i64| {
                        let args: Vec<(&str, FluentValue<'static>)> = vars
                            .iter()
                            .map(|v| {
                                let value = if v == count {
                                    FluentValue::from(n)
                                } else if COUNTS.contains(&v.as_str()) {
                                    FluentValue::from(7)
                                } else {
                                    FluentValue::from("Xx")
                                };
                                (v.as_str(), value)
                            })
                            .collect();
                        let text = translate(lang, &key, &args);
                        assert_ne!(text, key, "{key} does not render in {lang:?}");
                        form(&text, n)
                    };
                    if invariant {
                        continue;
                    }
                    // 6 rather than 5, which texts write as a figure of their own ("percentile 5").
                    let [zero, one, two, five] = [0, 1, 2, 6].map(render);
                    // CLDR: French counts 0 with 1; English and Spanish count 0 with the many.
                    let zero_like = if lang == Lang::Fr { &one } else { &two };
                    if five != two || (!zero_apart && zero != *zero_like) {
                        disagreements.push(format!("{lang:?} {key} ${count}: 0 «{zero}» 6 «{five}»"));
                    }
                    if one == two {
                        disagreements.push(format!("{lang:?} {key} ${count}: one form for 1 and 2: «{one}»"));
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} counts checked");
        assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    }
}
