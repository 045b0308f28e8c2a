//! Backups: the demonstration copied out and restored into an empty database gives back every
//! row of every table, on either backend, and the commands refuse to overwrite by accident.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

mod support;

use smartcities_store::{Store, backup::TABLES, testing::TestDatabase};
use support::smartcities;

#[tokio::test]
async fn a_backup_restores_every_row_of_every_table() {
    let (_source_db, source) = TestDatabase::migrated().await;
    smartcities_app::App::new(source.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("smartcities.backup");
    let counts = source.backup_to(&file).await.unwrap();
    assert_eq!(counts.len(), TABLES.len());
    let count = |table: &str| counts.iter().find(|(t, _)| *t == table).unwrap().1;
    assert_eq!(count("cities"), 47);
    assert!(count("answers") > 1_000 && count("answer_changes") > 1_000, "{counts:?}");
    assert!(source.backup_to(&file).await.is_err(), "an existing file is never overwritten");

    let target_db = TestDatabase::new().await;
    let target = Store::connect(&target_db.url).await.unwrap();
    let restored = target.restore_from(&file).await.unwrap();
    assert_eq!(restored, counts);
    for table in TABLES {
        let (before, after) = (source.rows(table).await.unwrap(), target.rows(table).await.unwrap());
        assert_eq!(before.len(), after.len(), "{table}");
        if *table == "site_version" {
            // A restore changes what public pages show: the version moves on, so no server keeps
            // serving pages cached from the data it replaced.
            assert!(after > before, "the public version moves on after a restore");
            continue;
        }
        assert!(before == after, "{table} differs after the round trip");
    }
    // The restored database works as the original did.
    let app = smartcities_app::App::new(target.clone());
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    assert!(app.results(year).await.unwrap().is_some());
}

#[tokio::test]
async fn restoring_over_data_needs_to_be_asked_for() {
    let (source_db, source) = TestDatabase::migrated().await;
    smartcities_app::App::new(source.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("copy.sqlite");
    let out = smartcities(&["backup", "-o", file.to_str().unwrap()], &source_db.url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Backed up "));

    let refused = smartcities(&["restore", file.to_str().unwrap()], &source_db.url);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Add --replace"));
    let replaced = smartcities(&["restore", "--replace", file.to_str().unwrap()], &source_db.url);
    assert!(replaced.status.success(), "{}", String::from_utf8_lossy(&replaced.stderr));
    let store: &Store = &source;
    assert_eq!(store.counts().await.unwrap().iter().find(|(t, _)| *t == "cities").unwrap().1, 47);

    let not_a_backup = folder.path().join("notes.txt");
    std::fs::write(&not_a_backup, "hello").unwrap();
    let refused = smartcities(&["restore", "--replace", not_a_backup.to_str().unwrap()], &source_db.url);
    assert!(!refused.status.success());
    assert_eq!(
        store.counts().await.unwrap().iter().find(|(t, _)| *t == "cities").unwrap().1,
        47,
        "nothing changed"
    );
}
