//! How long publishing takes: every file of a version (the site in three languages, the report,
//! brief and slides per language, a sheet per city and language, the open data) for an edition
//! of 200 answering cities. The demonstration's illustrative edition is extended with 160 more
//! real cities (GeoNames, `benches/data/cities-200.csv`), each answering as one of the
//! demonstration's cities did, then analysed. Run with `cargo bench -p smartcities --bench publish`.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::sync::OnceLock;

use smartcities_app::App;
use smartcities_domain::{EditionYear, ResponseMove, ResponseStatus};
use smartcities_publish::{Snapshot, Version};
use smartcities_store::{AnswerChange, Editor, testing::TestDatabase};

fn main() {
    divan::main();
}

const MORE_CITIES: (&str, &str) = ("benches/data/cities-200.csv", include_str!("data/cities-200.csv"));
const ANSWERING: usize = 200;

/// The 2024 demonstration edition grown to 200 answering cities, analysed and frozen.
fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let (_db, store) = TestDatabase::migrated().await;
            smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
            let year = EditionYear::new(smartcities_app::demo::PUBLISHED_YEAR).unwrap();
            let accepted = store.answering().accepted_answers(year).await.unwrap();
            let app = smartcities_app::App::new(store.clone());
            app.import_cities(MORE_CITIES.0, MORE_CITIES.1).await.unwrap();
            let known: Vec<_> = accepted.iter().map(|(c, _)| c.clone()).collect();
            let more: Vec<_> = app
                .cities(&Default::default())
                .await
                .unwrap()
                .into_iter()
                .filter(|c| !known.contains(&c.id) && MORE_CITIES.1.contains(c.name.as_str()))
                .collect();
            for (i, city) in more.iter().take(ANSWERING - accepted.len()).enumerate() {
                let (_, answers) = &accepted[i % accepted.len()];
                store.answering().open_response(year, &city.id).await.unwrap();
                let changes: Vec<AnswerChange> = answers
                    .iter()
                    .map(|a| AnswerChange {
                        question: a.question.clone(),
                        entry: a.entry.clone(),
                        value: Some(a.value.clone()),
                    })
                    .collect();
                store
                    .answering()
                    .save_answers(
                        year,
                        &city.id,
                        smartcities_domain::Revision::NONE,
                        &changes,
                        "benchmark",
                        Editor::Respondent,
                    )
                    .await
                    .unwrap();
                store.answering().move_response(year, &city.id, ResponseMove::Submit).await.unwrap();
                store.answering().move_response(year, &city.id, ResponseMove::Accept).await.unwrap();
            }
            let answering = store
                .answering()
                .responses(year)
                .await
                .unwrap()
                .iter()
                .filter(|r| r.status == ResponseStatus::Accepted)
                .count();
            assert_eq!(answering, ANSWERING);
            let app = App::new(store);
            app.analyse(year, &smartcities_app::Silent).await.unwrap();
            app.snapshot(year, Default::default()).await.unwrap()
        })
    })
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn publish_200_cities_in_three_languages(bencher: divan::Bencher) {
    let snapshot = snapshot();
    bencher.bench(|| {
        let files = smartcities_publish::publish(
            snapshot,
            Version { number: smartcities_domain::PublishedVersion::FIRST, published_on: "2026-11-30" },
            &smartcities_app::Silent,
        )
        .unwrap();
        assert_eq!(files.iter().filter(|f| f.path.starts_with("pdf/cities/")).count(), 3 * ANSWERING);
        let count = |ext: &str| files.iter().filter(|f| f.path.ends_with(ext)).count();
        let megabytes = files.iter().map(|f| f.bytes.len()).sum::<usize>() as f64 / 1_048_576.0;
        eprintln!(
            "{} files: {} pages, {} PDFs, {megabytes:.1} MB",
            files.len(),
            count(".html"),
            count(".pdf")
        );
        files.len()
    });
}
