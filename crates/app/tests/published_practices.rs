//! A published version's good practices are the catalogue's — published, consented, linked to
//! the edition, each once, in the page's language with a marked fallback, linked to their
//! place in the version's catalogue — and never what cities typed in their answers, which stay out of the open data.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{EditionYear, Lang, PracticeStatus};
use smartcities_publish::Texts;
use smartcities_test_support::Site;

#[tokio::test]
async fn a_version_publishes_the_catalogues_practices_once_each_and_no_answers_of_practices() {
    let site = Site::demo().await;
    let year = EditionYear::new(2024).unwrap();
    let snapshot = site.app.snapshot(year, Texts::default()).await.unwrap();
    let practices = snapshot.practices();
    let catalogue: Vec<_> = site
        .store
        .catalogue()
        .practices_changed_after(0, i64::MAX)
        .await
        .unwrap()
        .into_iter()
        .filter(|p| {
            p.status == PracticeStatus::Published && p.practice.consent && p.practice.editions.contains(&year)
        })
        .map(|p| p.practice.id.to_string())
        .collect();
    assert!(!catalogue.is_empty(), "the demonstration links published practices to 2024");
    let mut ids: Vec<&str> = practices.iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    let mut expected: Vec<&str> = catalogue.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(ids, expected, "exactly the catalogue's practices of the edition");
    let mut titles: Vec<&str> = practices.iter().map(|p| p.title.get(p.title.original).0).collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(titles.len(), practices.len(), "each practice once");
    for city in &snapshot.answers {
        assert!(
            city.answers
                .iter()
                .all(|a| a.entry.as_ref().is_none_or(|e| e.group.as_str() != "good_practices")),
            "{}",
            city.city
        );
    }
}

#[tokio::test]
async fn the_published_site_shows_each_practice_in_the_readers_language_or_says_it_is_not() {
    let site = Site::demo().await;
    let mut seen = Vec::new();
    for lang in Lang::ALL.iter().copied() {
        let page = site.get(&format!("/editions/2024/v/1/site/{}/practices.html", lang.code()), None).await;
        assert_eq!(page.status.as_u16(), 200);
        let linked = page.body.contains("href=\"practices.html#p-");
        assert!(
            linked,
            "{lang:?}: titles link to the catalogue: {}",
            &page.body[page.body.find("<article").unwrap_or(0)..][..400.min(page.body.len())]
        );
        assert!(!page.body.contains("Illustrative practice written for the demonstration"));
        let marker = match lang {
            Lang::En => "Not yet translated",
            Lang::Es => "Aún sin traducir",
            Lang::Fr => "Pas encore traduit",
        };
        seen.push((lang, page.body.contains(marker)));
        let articles = page.body.matches("<article class=\"practice\"").count();
        assert!(articles >= 5, "{lang:?}: {articles} practices");
    }
    // The demonstration's catalogue has practices without a French text: French pages mark them.
    assert!(seen.iter().any(|(l, marked)| *l == Lang::Fr && *marked), "{seen:?}");
    // Each practice is marked exactly when its reader's language is missing.
    let snapshot = site
        .app
        .snapshot(smartcities_domain::EditionYear::new(2024).unwrap(), Default::default())
        .await
        .unwrap();
    for lang in Lang::ALL.iter().copied() {
        let view = smartcities_publish::view::draft_practices(&snapshot, lang);
        for (practice, shown) in snapshot.practices().iter().zip(&view) {
            let missing = practice.title.exactly(lang).is_none() || practice.summary.exactly(lang).is_none();
            assert_eq!(shown.shown_in.is_some(), missing, "{lang:?}: {}", practice.id);
        }
    }
}

#[tokio::test]
async fn the_open_data_carries_each_practice_in_every_language_it_has_and_marks_the_rest_empty() {
    let site = Site::demo().await;
    let csv = site.get("/editions/2024/v/1/data/practices.csv", None).await;
    assert_eq!(csv.status.as_u16(), 200);
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for column in
        ["original_language", "title_es", "title_en", "title_fr", "summary_es", "summary_en", "summary_fr"]
    {
        assert!(header.iter().any(|h| h == column), "{column} in {header:?}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let snapshot = site.app.snapshot(EditionYear::new(2024).unwrap(), Texts::default()).await.unwrap();
    let practices = snapshot.practices();
    assert_eq!(rows.len(), practices.len());
    let mut lacking_seen = 0;
    for practice in &practices {
        let row = rows.iter().find(|r| &r[column("practice_id")] == practice.id.as_str()).unwrap();
        assert_eq!(&row[column("original_language")], practice.title.original.code());
        for lang in Lang::ALL {
            // A language with no text is an empty cell, never the original put in its place.
            let expected = practice.title.exactly(lang).unwrap_or_default();
            assert_eq!(&row[column(&format!("title_{}", lang.code()))], expected, "{} {lang:?}", practice.id);
            lacking_seen += usize::from(expected.is_empty());
        }
    }
    assert!(lacking_seen > 0, "the demonstration leaves some practices untranslated");
}
