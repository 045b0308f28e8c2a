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

#[tokio::test]
async fn a_freshly_migrated_database_takes_a_restore_without_being_asked_to_replace() {
    // The backup comes from SQLite whatever the backend under test, so on PostgreSQL this is the
    // round trip across engines.
    let folder = tempfile::tempdir().unwrap();
    let source_url = format!("sqlite://{}", folder.path().join("source.db").display());
    let source = Store::connect(&source_url).await.unwrap();
    source.migrate().await.unwrap();
    smartcities_app::App::new(source.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let file = folder.path().join("copy.sqlite");
    source.backup_to(&file).await.unwrap();

    let target_db = TestDatabase::new().await;
    let out = smartcities(&["migrate"], &target_db.url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let restored = smartcities(&["restore", file.to_str().unwrap()], &target_db.url);
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    let target = Store::connect(&target_db.url).await.unwrap();
    for table in TABLES {
        if *table == "site_version" {
            continue;
        }
        let (before, after) = (source.rows(table).await.unwrap(), target.rows(table).await.unwrap());
        assert!(before == after, "{table} differs after the round trip");
    }
}

#[tokio::test]
async fn a_file_that_is_not_a_backup_is_refused_at_once() {
    let target_db = TestDatabase::migrated().await.0;
    let folder = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>); 3] = [
        ("random.bin", (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect()),
        ("empty.sqlite", Vec::new()),
        ("notes.txt", b"not a database at all".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let started = std::time::Instant::now();
        let out = smartcities(&["restore", path.to_str().unwrap()], &target_db.url);
        assert!(!out.status.success(), "{name}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("is not a smartcities backup"), "{name}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{name} was refused at once");
    }

    // A real backup cut short is refused too, and nothing is written.
    let (source_db, source) = TestDatabase::migrated().await;
    smartcities_app::App::new(source.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let whole = folder.path().join("whole.sqlite");
    source.backup_to(&whole).await.unwrap();
    let bytes = std::fs::read(&whole).unwrap();
    let cut = folder.path().join("cut.sqlite");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    let out = smartcities(&["restore", cut.to_str().unwrap()], &target_db.url);
    assert!(!out.status.success());
    let target = Store::connect(&target_db.url).await.unwrap();
    assert_eq!(target.data_rows().await.unwrap(), 0, "nothing was restored");
    drop(source_db);
}

#[tokio::test]
async fn a_backup_naming_columns_the_schema_does_not_have_is_refused() {
    let (_source_db, source) = TestDatabase::migrated().await;
    smartcities_app::App::new(source.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("crafted.sqlite");
    source.backup_to(&file).await.unwrap();
    // A column whose name would be SQL if it were ever written into a statement.
    let crafted = Store::connect(&format!("sqlite://{}?mode=rw", file.display())).await.unwrap();
    crafted.add_column_for_tests("partners", "\"x) VALUES (1); DROP TABLE users; --\"").await.unwrap();
    crafted.close().await;

    let target_db = TestDatabase::migrated().await.0;
    let out = smartcities(&["restore", file.to_str().unwrap()], &target_db.url);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("its table partners has the columns"), "{said}");
    let target = Store::connect(&target_db.url).await.unwrap();
    assert!(target.rows("users").await.is_ok(), "the target's tables are all there");
}
