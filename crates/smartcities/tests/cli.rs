//! The `smartcities` binary as a user runs it: imports that report every problem and write
//! nothing, exports that read back, and help on every command.

use std::process::{Command, Output};

use smartcities_store::testing::TestDatabase;

fn smartcities(args: &[&str], database_url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smartcities"))
        .args(args)
        .env("SMARTCITIES_DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run smartcities")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &tempfile::TempDir, name: &str, contents: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

async fn migrated() -> TestDatabase {
    let db = TestDatabase::new().await;
    let out = smartcities(&["migrate"], &db.url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

#[tokio::test]
async fn a_bad_cities_file_reports_every_problem_and_writes_nothing() {
    let db = migrated().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "cities.csv",
        "name,country,population,latitude,longitude\n\
         Bilbao,ES,347342,43.26,-2.92\n\
         Atlantis,XX,1000,10,10\n\
         Dakar,SN,lots,14.69,-17.44\n\
         Nowhere,FR,10,95,-200\n\
         Bilbao,ES,1,43.26,-2.92\n",
    );
    let out = smartcities(&["import", "cities", &file], &db.url);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    for expected in [
        format!("{file}:3:2: unknown country code \"XX\""),
        format!("{file}:4:3: population \"lots\" is not a whole, non-negative number"),
        format!("{file}:5:4: latitude 95 is outside -90..90"),
        format!("{file}:5:5: longitude -200 is outside -180..180"),
        format!("{file}:6:1: duplicate city es-bilbao: already on line 2"),
    ] {
        assert!(stderr.contains(&expected), "missing {expected:?} in:\n{stderr}");
    }
    let export = smartcities(&["export", "cities"], &db.url);
    assert!(export.status.success());
    assert_eq!(text(&export.stdout).lines().count(), 1, "only the header: nothing was written");
}

#[tokio::test]
async fn a_file_missing_a_column_is_rejected_on_its_header() {
    let db = migrated().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "cities.csv", "name,country,latitude,longitude\nBilbao,ES,43.26,-2.92\n");
    let out = smartcities(&["import", "cities", &file], &db.url);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains(&format!("{file}:1:5: missing required column \"population\"")));
}

#[tokio::test]
async fn imported_cities_export_the_same_as_csv_and_json() {
    let db = migrated().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "cities.csv",
        "name,local_name,country,population,population_year,latitude,longitude,metropolis\n\
         Montréal,,CA,1762949,2016,45.50884,-73.58781,yes\n\
         Bilbao,Bilbo,ES,347342,,43.26271,-2.92528,no\n",
    );
    let out = smartcities(&["import", "cities", &file], &db.url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Imported 2 cities"));

    let csv = text(&smartcities(&["export", "cities", "--format", "csv"], &db.url).stdout);
    assert_eq!(
        csv,
        "id,name,local_name,country,section,metropolis,population,population_year,population_source,latitude,longitude\n\
         es-bilbao,Bilbao,Bilbo,ES,europe,no,347342,,,43.26271,-2.92528\n\
         ca-montreal,Montréal,,CA,north-america,yes,1762949,2016,,45.50884,-73.58781\n"
    );
    let again = write(&dir, "again.csv", &csv);
    assert!(smartcities(&["import", "cities", &again], &db.url).status.success(), "an export imports back");

    let json_file = dir.path().join("cities.json");
    let out =
        smartcities(&["export", "cities", "--format", "json", "-o", json_file.to_str().unwrap()], &db.url);
    assert!(out.status.success());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_file).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[1]["name"], "Montréal");
    assert_eq!(json[1]["metropolis"], true);
}

#[tokio::test]
async fn members_of_unknown_cities_are_refused_whole() {
    let db = migrated().await;
    let dir = tempfile::tempdir().unwrap();
    let cities = write(
        &dir,
        "cities.csv",
        "name,country,population,latitude,longitude\nBilbao,ES,347342,43.26,-2.92\n",
    );
    assert!(smartcities(&["import", "cities", &cities], &db.url).status.success());
    let members = write(&dir, "members.csv", "city_id,status\nes-bilbao,active\nsn-dakar,active\n");
    let out = smartcities(&["import", "members", &members], &db.url);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no city with id sn-dakar is in the registry"));
    let store = smartcities_store::Store::connect(&db.url).await.unwrap();
    assert!(store.members().await.unwrap().is_empty(), "Bilbao's row was rolled back too");
}

#[tokio::test]
async fn an_edition_file_is_versioned_on_re_import() {
    let db = migrated().await;
    let dir = tempfile::tempdir().unwrap();
    let original = smartcities::demo::EDITIONS[4].1;
    let file = write(&dir, "2023.toml", original);
    let first = smartcities(&["import", "edition", &file], &db.url);
    assert!(
        text(&first.stdout).contains("Imported edition 2023: framework version 1."),
        "{}",
        text(&first.stderr)
    );
    let same = smartcities(&["import", "edition", &file], &db.url);
    assert!(text(&same.stdout).contains("its framework is unchanged (version 1)"));
    let edited =
        write(&dir, "2023.toml", &original.replacen("Smart Economy", "Smart and Inclusive Economy", 1));
    let second = smartcities(&["import", "edition", &edited], &db.url);
    assert!(text(&second.stdout).contains("framework version 2."));

    let broken = write(
        &dir,
        "broken.toml",
        &original.replacen("sdgs = [\"9.5\", \"17.17\"]", "sdgs = [\"9.5\", \"18\"]", 1),
    );
    let out = smartcities(&["import", "edition", &broken], &db.url);
    assert!(!out.status.success());
    let line = original.lines().position(|l| l.contains("sdgs = [\"9.5\", \"17.17\"]")).unwrap() + 1;
    assert!(text(&out.stderr).contains(&format!("{broken}:{line}:")), "{}", text(&out.stderr));
}

#[tokio::test]
async fn serve_refuses_a_database_without_schema() {
    let db = TestDatabase::new().await;
    let out = smartcities(&["serve", "--bind", "127.0.0.1:0"], &db.url);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("run `smartcities migrate"));
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["demo", "--help"],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["import", "--help"],
        &["import", "cities", "--help"],
        &["import", "members", "--help"],
        &["import", "partners", "--help"],
        &["import", "edition", "--help"],
        &["export", "--help"],
        &["export", "cities", "--help"],
    ] {
        let out = smartcities(args, "sqlite://unused.db");
        assert!(out.status.success(), "{args:?}");
        assert!(text(&out.stdout).contains("Usage: smartcities"), "{args:?}");
    }
}
