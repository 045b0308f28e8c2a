//! Every page a visitor, a respondent or the secretariat reaches, walked in Spanish and French:
//! no message key, no raw status, no untranslated unit and no English left untranslated may show
//! in what people read (a text shown in its English original is marked `lang="en"` and skipped).

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::collections::{BTreeSet, HashSet};

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::accounts as auth;
use smartcities_domain::{EditionStatus, Email, MemberStatus, ResponseStatus};
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

async fn get(app: &Router, uri: &str, cookie: &str) -> (StatusCode, String) {
    let request = Request::builder().uri(uri).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn session(store: &Store, email: &str) -> String {
    let user = store.accounts().user_by_email(&Email::parse(email).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    format!("{SESSION_COOKIE}={token}")
}

/// Short English words that are neither Spanish nor French words: one of them in a Spanish or
/// French page's text, outside an element marked as English, is English left untranslated.
/// ("by" is left out: licences are named "CC BY" in every language.)
const ENGLISH: [&str; 19] = [
    "the", "and", "with", "which", "this", "that", "from", "of", "for", "is", "are", "was", "were", "its",
    "their", "has", "have", "been", "will",
];

/// The words of a text, codes, addresses and time-zone names left out (`has_open_data_portal`,
/// `America/Port_of_Spain`, `2012.x`).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .filter(|token| {
            !token.contains(['_', '/', '@', '.'])
                || token.ends_with('.') && !token[..token.len() - 1].contains('.')
        })
        .flat_map(|token| token.split(|c: char| !c.is_alphabetic()))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// Words ending in "s" that are singular ("1 mes", "1 país", "1 mois").
const SINGULAR_S: [&str; 14] = [
    "mes",
    "país",
    "análisis",
    "crisis",
    "tesis",
    "mois",
    "pays",
    "fois",
    "cas",
    "avis",
    "bus",
    "campus",
    "virus",
    "plus",
];

/// A count of one agreeing with a plural noun ("1 respuestas", "1 réponses"), if the text has one.
fn plural_after_one(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find_map(|pair| {
        let noun = pair[1].trim_matches(|c: char| !c.is_alphabetic());
        let plural = noun.chars().count() > 3
            && noun.ends_with('s')
            && !SINGULAR_S.contains(&noun.to_lowercase().as_str());
        (pair[0] == "1" && plural).then(|| format!("1 {noun}"))
    })
}

/// Elements that have no content, so a `lang` on them marks no text to skip.
const VOID: [&str; 7] = ["input", "img", "br", "meta", "link", "source", "hr"];

/// What follows the element that `rest` starts inside of (just after its opening tag), named
/// `name`: its content is skipped, nested elements of the same name included.
fn after_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 1;
    let mut at = 0;
    while depth > 0 {
        let Some(next_close) = rest[at..].find(&close) else { return "" };
        match rest[at..].find(&open).filter(|o| *o < next_close) {
            Some(o) => {
                depth += 1;
                at += o + open.len();
            }
            None => {
                depth -= 1;
                at += next_close + close.len();
            }
        }
    }
    &rest[at..]
}

/// What a person reads on a page: its text, and the titles, labels, placeholders and
/// alternative texts of its elements; scripts, styles, addresses and elements marked as
/// English (an original shown as such) left out.
fn readable(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push(rest[..open].to_string());
        rest = &rest[open..];
        // The document's title repeats the page's heading, where an original is marked by its
        // `lang` (a title element cannot mark part of itself).
        for skipped in ["<script", "<style", "<code", "<title"] {
            if rest.starts_with(skipped) {
                let close = format!("</{}>", &skipped[1..]);
                rest = rest.find(&close).map_or("", |end| &rest[end + close.len()..]);
            }
        }
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..end];
        let name: String = tag[1..].chars().take_while(char::is_ascii_alphanumeric).collect();
        if tag.contains(" lang=\"en\"") && name != "html" && !VOID.contains(&name.as_str()) {
            rest = after_element(&rest[end + 1..], &name);
            continue;
        }
        for attribute in ["title=\"", "aria-label=\"", "placeholder=\"", "alt=\""] {
            if let Some(start) = tag.find(attribute) {
                let value = &tag[start + attribute.len()..];
                out.push(value[..value.find('"').unwrap_or(value.len())].to_string());
            }
        }
        rest = &rest[end + 1..];
    }
    out.push(rest.to_string());
    out.into_iter()
        .map(|t| {
            t.replace("&amp;", "&")
                .replace("&#x27;", "'")
                .replace("&#x2f;", "/")
                .replace("&quot;", "\"")
                .trim()
                .to_string()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The identifiers of the messages in the English catalogue.
fn message_keys() -> HashSet<String> {
    include_str!("../../locale/locales/en/main.ftl")
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(key, _)| key.trim()))
        .filter(|key| {
            key.contains('-') && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_string)
        .collect()
}

/// Words that only appear when a code escapes translation.
fn raw_codes() -> HashSet<String> {
    let mut codes: HashSet<String> = ResponseStatus::ALL.iter().map(|s| s.slug().to_string()).collect();
    codes.extend(EditionStatus::ALL.iter().map(|s| s.slug().to_string()));
    codes.extend(MemberStatus::ALL.iter().map(|s| s.slug().to_string()));
    codes.extend(["count", "percent", "firms_per_1000_inhabitants", "yes", "no"].map(String::from));
    codes
}

/// The problems of one page's readable texts.
fn problems(texts: &[String], keys: &HashSet<String>, codes: &HashSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for text in texts {
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')) {
            if keys.contains(word) {
                found.push(format!("message key {word:?} in {text:?}"));
            }
        }
        let bare = text.trim_matches(|c: char| "()·:,".contains(c)).trim();
        if codes.contains(bare) {
            found.push(format!("raw code {bare:?}"));
        }
        for unit in ["(count)", "(percent)"] {
            if text.contains(unit) {
                found.push(format!("untranslated unit in {text:?}"));
            }
        }
        if let Some(agreement) = plural_after_one(text) {
            found.push(format!("plural after one: {agreement:?} in {text:?}"));
        }
        if let Some(word) = words(text).find(|w| ENGLISH.contains(&w.as_str())) {
            found.push(format!("English word {word:?} in {text:?}"));
        }
    }
    found
}

/// Links on a page under `prefix`, without their query or fragment.
fn links(html: &str, prefix: &str) -> BTreeSet<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with(prefix))
        .map(|href| href.split(['?', '#']).next().unwrap_or(href).to_string())
        .collect()
}

#[tokio::test]
async fn no_page_in_spanish_or_french_shows_a_message_key_a_raw_status_or_an_untranslated_unit() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    let secretariat = session(&store, "secretariat@smartcities.example.org").await;
    let (keys, codes) = (message_keys(), raw_codes());
    assert!(keys.contains("nav-home") && keys.len() > 500, "the catalogue is read");

    let mut pages: BTreeSet<String> = [
        "/",
        "/editions",
        "/editions/2025",
        "/editions/2025/results",
        "/editions/2025/focus-groups",
        "/editions/2023",
        "/editions/2023/results",
        "/members",
        "/practices",
        "/events",
        "/community",
        "/members/renewal",
        "/members/join",
        "/me",
        "/campaigns/2025",
        "/questionnaires/2025",
        "/responses/2025/pt-lisbon",
        "/responses/2025/pt-lisbon/review",
        "/responses/2025/pt-lisbon/history",
        "/responses/2025/pt-lisbon/print",
    ]
    .map(String::from)
    .into();
    // Every question's findings, some city and practice pages, and a question's editor form.
    let (_, results) = get(&app, "/editions/2025/results?lang=es", &secretariat).await;
    pages.extend(links(&results, "/editions/2025/questions/"));
    let (_, members) = get(&app, "/members?lang=es", &secretariat).await;
    pages.extend(links(&members, "/cities/").into_iter().take(4));
    let (_, practices) = get(&app, "/practices?lang=es", &secretariat).await;
    pages.extend(links(&practices, "/practices/").into_iter().filter(|l| !l.ends_with(".atom")).take(3));
    let (_, editor) = get(&app, "/questionnaires/2025?lang=es", &secretariat).await;
    pages.extend(links(&editor, "/questionnaires/2025/questions/").into_iter().take(2));
    assert!(pages.len() > 40, "the walk reaches the question pages too: {}", pages.len());

    let mut failures = Vec::new();
    for lang in ["es", "fr"] {
        for page in &pages {
            let (status, html) = get(&app, &format!("{page}?lang={lang}"), &secretariat).await;
            assert_eq!(status, StatusCode::OK, "{page} in {lang}");
            for problem in problems(&readable(&html), &keys, &codes) {
                failures.push(format!("{page}?lang={lang}: {problem}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));

    // Country names come from the CLDR, and French sets a no-break space before a colon.
    let (_, bilbao) = get(&app, "/cities/es-bilbao?lang=fr", &secretariat).await;
    assert!(bilbao.contains("Espagne") && !bilbao.contains(">Spain<"), "the country is named in French");
    let (_, members) = get(&app, "/members?lang=es", &secretariat).await;
    assert!(members.contains("España"), "the members table names countries in Spanish");
    // Partner organisations go by their names in the reader's language where they have one.
    let (_, home) = get(&app, "/?lang=es", "").await;
    assert!(home.contains("ONU-Hábitat") && !home.contains(">UN-Habitat<"), "the home page's partners");
    let (_, events) = get(&app, "/events?lang=fr", "").await;
    assert!(events.contains("ONU-Habitat"), "an event's partner, in French");
    let (_, campaign) = get(&app, "/campaigns/2025?lang=fr", &secretariat).await;
    assert!(campaign.contains("\u{a0}: <strong>"), "French typography before a colon");
}

#[test]
fn the_check_finds_what_it_looks_for() {
    let (keys, codes) = (message_keys(), raw_codes());
    let html = r#"<p title="nav-home">Inicio</p><td>submitted</td><p>Kilómetros (count)</p><script>x="nav-home"</script><code>in_progress</code>"#;
    let found = problems(&readable(html), &keys, &codes);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(problems(&readable("<p>Enviada · 12 %</p>"), &keys, &codes).is_empty());
    // English left in a Spanish page is found; an English original marked as such is not.
    let english = r#"<h2>Renewal of the member list</h2><p>Un <span lang="en">Mayor of <b>the</b> city</span> y <span lang="en">Open data</span> en la ciudad.</p><input lang="en" value="x"><p>Datos</p>"#;
    let found = problems(&readable(english), &keys, &codes);
    assert_eq!(found, ["English word \"of\" in \"Renewal of the member list\""], "{found:?}");
    assert_eq!(readable(english).last().map(String::as_str), Some("Datos"), "a void element skips nothing");
    // A count of one with a plural noun is found; a singular ending in "s" is not.
    assert_eq!(plural_after_one("Quedan 1 respuestas por corregir"), Some("1 respuestas".into()));
    assert_eq!(plural_after_one("1 réponse · 2 réponses · 1 mes · 1 pays"), None);
}
