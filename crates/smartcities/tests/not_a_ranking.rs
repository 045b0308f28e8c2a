//! The study is not a ranking: a city's levels and scores reach the public only where the
//! edition opts in (`public_scores`), in every format — pages, API, published files — and staff
//! see them always.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{EditionFile, EditionYear};
use smartcities_test_support::{ANALYST, SECRETARIAT, Site};

const YEAR: u16 = 2024;
const CITY: &str = "es-bilbao";

/// Sets the demonstration edition's `public_scores`, as an edited edition file would.
async fn set_public_scores(site: &Site, public: bool) {
    let year = EditionYear::new(YEAR).unwrap();
    let mut edition = site.store.study().edition(year).await.unwrap().unwrap();
    let (_, framework) = site.store.study().framework(year).await.unwrap().unwrap();
    edition.public_scores = public;
    site.store.study().save_edition(&EditionFile { edition, framework }).await.unwrap();
}

fn has_levels(results: &serde_json::Value) -> bool {
    results["peers"].as_array().unwrap().iter().any(|p| !p["profile"].as_array().unwrap().is_empty())
}

/// What a visitor can read of the scores, through each format.
struct Seen {
    api_results_levels: bool,
    api_results_composite: bool,
    api_profile_levels: bool,
    api_profile_index: bool,
    city_page_levels: bool,
    results_page_index: bool,
}

async fn seen_by(site: &Site, session: Option<&smartcities_test_support::Session>) -> Seen {
    let results = site.get(&format!("/api/v1/editions/{YEAR}/results"), session).await.json();
    let profiles = site.get(&format!("/api/v1/cities/{CITY}/profile"), session).await.json();
    let profile = profiles["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["edition"] == YEAR)
        .expect("the city answered the published edition")
        .clone();
    let city_page = site.get(&format!("/cities/{CITY}?lang=en"), session).await.body;
    let results_page = site.get(&format!("/editions/{YEAR}/results?lang=en"), session).await.body;
    Seen {
        api_results_levels: has_levels(&results),
        api_results_composite: !results["composite"].is_null(),
        api_profile_levels: !profile["axis_profile"].as_array().unwrap().is_empty(),
        api_profile_index: !profile["index"].is_null(),
        city_page_levels: city_page.contains("Level per axis") || city_page.contains("Composite index"),
        results_page_index: results_page.contains("Composite index"),
    }
}

fn all(seen: &Seen) -> [bool; 6] {
    [
        seen.api_results_levels,
        seen.api_results_composite,
        seen.api_profile_levels,
        seen.api_profile_index,
        seen.city_page_levels,
        seen.results_page_index,
    ]
}

#[tokio::test]
async fn the_public_sees_no_level_or_score_unless_the_edition_opts_in() {
    let site = Site::demo().await;
    let analyst = site.session(ANALYST).await;
    let names = [
        "API results levels",
        "API composite",
        "API profile levels",
        "API profile index",
        "city page",
        "results page",
    ];

    let visitor = all(&seen_by(&site, None).await);
    for (name, seen) in names.iter().zip(visitor) {
        assert!(!seen, "{name}: a visitor sees scores of an edition that does not publish them");
    }
    let staff = all(&seen_by(&site, Some(&analyst)).await);
    for (name, seen) in names.iter().zip(staff) {
        assert!(seen, "{name}: staff see the levels and scores");
    }

    set_public_scores(&site, true).await;
    let visitor = all(&seen_by(&site, None).await);
    for (name, seen) in names.iter().zip(visitor) {
        assert!(seen, "{name}: a visitor sees the scores of an edition that publishes them");
    }
}

/// Every file of a version, by path.
async fn version_files(site: &Site, version: u32) -> Vec<(String, String)> {
    let version = smartcities_domain::PublishedVersion::of(version);
    let year = EditionYear::new(YEAR).unwrap();
    let mut out = Vec::new();
    for path in site.store.versions().publication_paths(year, version).await.unwrap() {
        if path.ends_with(".pdf") || path.ends_with(".xlsx") || path.ends_with(".png") {
            continue;
        }
        let file = site.store.versions().publication_file(year, version, &path).await.unwrap().unwrap();
        out.push((path, String::from_utf8_lossy(&file.body).into_owned()));
    }
    out
}

#[tokio::test]
async fn a_published_version_carries_levels_only_where_the_edition_publishes_them() {
    let site = Site::demo().await;
    // Version 1, published by the demonstration with public_scores = false.
    let files = version_files(&site, 1).await;
    let edition: serde_json::Value =
        serde_json::from_str(&files.iter().find(|(p, _)| p == "data/edition.json").unwrap().1).unwrap();
    assert!(!has_levels(&edition["results"]), "edition.json carries no city's levels");
    assert!(edition["results"]["composite"].is_null(), "edition.json carries no composite index");
    for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(!text.contains("Scores per axis"), "{path} shows scores");
    }

    // Version 2 of the same findings, with the edition opting in.
    set_public_scores(&site, true).await;
    let secretariat = site.session(SECRETARIAT).await;
    let published = site.post(&format!("/editions/{YEAR}/publish"), Some(&secretariat), "when=now").await;
    assert!(published.status.is_redirection(), "{}: {}", published.status, published.body);
    let files = version_files(&site, 2).await;
    let edition: serde_json::Value =
        serde_json::from_str(&files.iter().find(|(p, _)| p == "data/edition.json").unwrap().1).unwrap();
    assert!(has_levels(&edition["results"]), "the edition publishes its levels");
    assert!(!edition["results"]["composite"].is_null(), "and its composite index");
    let cities = &files.iter().find(|(p, _)| p == "site/en/cities.html").unwrap().1;
    assert!(cities.contains("Scores per axis"), "by name, with the scores");
}
