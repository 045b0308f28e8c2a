//! `smartcities analyse` and `export answers` on the demonstration campaign, through the real
//! binary and database.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

mod support;

use smartcities_app::findings::Detail;
use smartcities_domain::EditionYear;
use smartcities_store::testing::TestDatabase;
use support::smartcities;

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn the_demonstration_is_analysed_and_its_answers_exported() {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let year = EditionYear::new(2025).unwrap();

    let out = stdout(&smartcities(&["analyse", "--edition", "2025"], &db.url));
    let results = smartcities_app::App::new(store.clone())
        .results(year)
        .await
        .unwrap()
        .expect("results are stored")
        .results;
    assert!(results.answering >= 40, "at least 40 cities answering: {}", results.answering);
    assert!(
        out.contains(&format!("{} of {} invited cities answering", results.answering, results.invited)),
        "{out}"
    );
    let living_lab = results.question("has_living_lab").unwrap();
    let Detail::Shares { options } = &living_lab.overall.detail else { panic!("{living_lab:?}") };
    let yes = options.iter().find(|o| o.code == "yes").unwrap();
    assert!(yes.share.is_some() && yes.low <= yes.share && yes.share <= yes.high);
    assert!(!results.barriers_enablers.overall.is_empty());
    assert!(!results.sdg_matrix.cells.is_empty());
    assert_eq!(results.peers.len(), results.answering);
    let funding =
        results.coding.iter().find(|f| f.code == "funding").expect("the codebook's categories are counted");
    assert!(funding.items > 0 && funding.cities > 0 && !funding.by_section.is_empty());

    // Analysing again the same data gives the same inputs hash and results.
    stdout(&smartcities(&["analyse", "--edition", "2025"], &db.url));
    let again = smartcities_app::App::new(store.clone()).results(year).await.unwrap().unwrap().results;
    assert_eq!(again, results);

    // The long-form export holds exactly the accepted answers.
    let accepted: usize =
        store.answering().accepted_answers(year).await.unwrap().iter().map(|(_, a)| a.len()).sum();
    let csv = stdout(&smartcities(&["export", "answers", "--edition", "2025"], &db.url));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("city,question,entry,value,evidence,questionnaire_version,note,file"));
    assert_eq!(lines.count(), accepted, "the demonstration's notes are all on answers");
    assert!(
        csv.lines().any(|l| l.contains(",~dont_know,") && l.contains("not published it for this year yet.")),
        "a figure not known, with the city's note beside it"
    );
    assert!(csv.contains(",has_living_lab,,"), "{}", &csv[..300]);
    assert!(csv.contains(",reviewed,"), "accepted answers are marked reviewed");
    let json = stdout(&smartcities(&["export", "answers", "--edition", "2025", "--format", "json"], &db.url));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.len(), accepted);

    // A city that withdrew after its response was accepted still counts as invited, no longer
    // as answering.
    let (withdrawing, _) = &store.answering().accepted_answers(year).await.unwrap()[0];
    store
        .answering()
        .move_response(year, withdrawing, smartcities_domain::ResponseMove::Withdraw)
        .await
        .unwrap();
    stdout(&smartcities(&["analyse", "--edition", "2025"], &db.url));
    let after = smartcities_app::App::new(store.clone()).results(year).await.unwrap().unwrap().results;
    assert_eq!((after.invited, after.answering), (results.invited, results.answering - 1));
    assert!(after.peers_of(withdrawing.as_str()).is_none());
    assert_ne!(after.input_hash, results.input_hash);

    let missing = smartcities(&["analyse", "--edition", "2030"], &db.url);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no edition 2030"));
}

#[tokio::test]
async fn a_codebook_is_imported_or_refused_whole() {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let default = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/codebooks/default.toml");
    let out = stdout(&smartcities(&["codebook", "--edition", "2023", default], &db.url));
    assert!(out.contains("Edition 2023 codes free text with 19 categories."), "{out}");
    let year = EditionYear::new(2023).unwrap();
    let stored = store.findings().codebook(year).await.unwrap().unwrap();

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    let text = std::fs::read_to_string(default).unwrap();
    std::fs::write(&bad, text.replace("code = \"data\"", "code = \"funding\"")).unwrap();
    let refused = smartcities(&["codebook", "--edition", "2023", bad.to_str().unwrap()], &db.url);
    assert!(!refused.status.success());
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(error.contains("bad.toml") && error.contains("code funding is used twice"), "{error}");
    assert_eq!(
        store.findings().codebook(year).await.unwrap().unwrap(),
        stored,
        "a refused file changes nothing"
    );
}
