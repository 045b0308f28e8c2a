//! The `smartcities` binary as a user runs it: imports that report every problem and write
//! nothing, exports that read back, and help on every command.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

mod support;

use support::smartcities;

use std::process::Command;

use smartcities_store::testing::TestDatabase;

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
        "name,local_name,name_fr,country,population,population_year,latitude,longitude,metropolis\n\
         Montréal,,,CA,1762949,2016,45.50884,-73.58781,yes\n\
         Bilbao,Bilbo,Bilbao,ES,347342,,43.26271,-2.92528,no\n",
    );
    let out = smartcities(&["import", "cities", &file], &db.url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Imported 2 cities"));

    let csv = text(&smartcities(&["export", "cities", "--format", "csv"], &db.url).stdout);
    assert_eq!(
        csv,
        "id,name,local_name,name_es,name_fr,country,section,metropolis,population,population_year,population_source,latitude,longitude\n\
         es-bilbao,Bilbao,Bilbo,,Bilbao,ES,europe,no,347342,,,43.26271,-2.92528\n\
         ca-montreal,Montréal,,,,CA,north-america,yes,1762949,2016,,45.50884,-73.58781\n"
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
    assert_eq!(json[0]["names"]["fr"], "Bilbao", "names in other languages travel with the city");
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
    assert!(store.registry().members().await.unwrap().is_empty(), "Bilbao's row was rolled back too");
}

#[tokio::test]
async fn an_edition_file_is_versioned_on_re_import() {
    let db = migrated().await;
    let dir = tempfile::tempdir().unwrap();
    let original = smartcities_app::demo::EDITIONS[4].1;
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
    let out = smartcities(
        &["serve", "--bind", "127.0.0.1:0", "--public-url", "https://study.example.org"],
        &db.url,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("run `smartcities migrate"));
}

#[tokio::test]
async fn serve_refuses_a_database_whose_migrations_are_behind() {
    let db = migrated().await;
    let store = smartcities_store::Store::connect(&db.url).await.unwrap();
    // Forget that the latest migration ran, as on a database an older version migrated.
    store.forget_latest_migration_for_tests().await.unwrap();
    let out = smartcities(
        &["serve", "--bind", "127.0.0.1:0", "--public-url", "https://study.example.org"],
        &db.url,
    );
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert!(said.contains("lacks 1 migrations") && said.contains("run `smartcities migrate"), "{said}");
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
        &["questionnaire", "--help"],
        &["questionnaire", "export", "--help"],
        &["questionnaire", "import", "--help"],
        &["questionnaire", "template", "--help"],
        &["questionnaire", "rename", "--help"],
        &["focus-group", "import", "--help"],
        &["focus-group", "list", "--help"],
        &["answers", "--help"],
        &["answers", "upload", "--help"],
    ] {
        let out = smartcities(args, "sqlite://unused.db");
        assert!(out.status.success(), "{args:?}");
        assert!(text(&out.stdout).contains("Usage: smartcities"), "{args:?}");
    }
}

/// A running `smartcities` server process, killed when dropped.
struct Server {
    child: std::process::Child,
    address: String,
    /// The server's working folder: what it writes by default (the outbox's mail) stays out of
    /// the repository.
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `smartcities ARGS` and waits for the line that announces the address it serves.
fn start_server(args: &[&str], database_url: &str) -> Server {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_smartcities"))
        .args(args)
        .current_dir(dir.path())
        .env("SMARTCITIES_DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start smartcities");
    let stdout = child.stdout.take().unwrap();
    let mut server = Server { child, address: String::new(), _dir: dir };
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some((_, address)) = line.strip_prefix("Serving").and_then(|rest| rest.split_once("http://")) {
            server.address = address.split_whitespace().next().unwrap().to_string();
            return server;
        }
    }
    panic!("the server stopped before announcing its address");
}

/// A plain HTTP/1.1 GET over loopback: status code and body.
fn http_get(address: &str, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, body.to_string())
}

#[tokio::test]
async fn demo_serves_the_site_it_loaded() {
    let db = TestDatabase::new().await;
    let server = start_server(&["demo", "--bind", "127.0.0.1:0", "--database-url", &db.url], &db.url);
    let (status, home) = http_get(&server.address, "/?lang=es");
    assert_eq!(status, 200);
    assert!(home.contains("<li>Economía</li>") && home.contains("<li>Gobernanza</li>"));
    let (_, fr) = http_get(&server.address, "/?lang=fr");
    assert!(fr.contains("<li>Économie</li>"));
    let (status, editions) = http_get(&server.address, "/api/v1/editions");
    assert_eq!(status, 200);
    let editions: serde_json::Value = serde_json::from_str(&editions).unwrap();
    let years: Vec<u64> =
        editions["editions"].as_array().unwrap().iter().map(|e| e["year"].as_u64().unwrap()).collect();
    assert_eq!(
        years,
        [2012, 2017, 2019, 2021, 2023, 2024, 2025],
        "the five real editions, the illustrative published one and the demonstration campaign"
    );
}

#[tokio::test]
async fn serve_shows_what_migrate_and_import_put_in_the_database() {
    let db = migrated().await;
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
    for year in [2012, 2017, 2019, 2021, 2023] {
        let out = smartcities(&["import", "edition", &format!("{data}/editions/{year}.toml")], &db.url);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    for (what, file) in [("cities", "cities.csv"), ("members", "members.csv"), ("partners", "partners.csv")] {
        let out = smartcities(&["import", what, &format!("{data}/demo/{file}")], &db.url);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let server = start_server(
        &["serve", "--bind", "127.0.0.1:0", "--public-url", "https://study.example.org"],
        &db.url,
    );
    let (status, body) = http_get(&server.address, "/api/v1/editions");
    assert_eq!(status, 200);
    let editions: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(editions["editions"].as_array().unwrap().len(), 5);
    let (_, members) = http_get(&server.address, "/members?lang=es");
    // The public map shows current members: the 47 imported less the 4 that lapsed.
    assert_eq!(members.matches(r#"<circle class="city""#).count(), 43);
    // City names as each language writes them, the English name where it has no other.
    for (lang, names, not) in [
        ("es", ["Lisboa", "Moscú", "Ciudad de México", "Bilbao"], "Lisbon"),
        ("fr", ["Lisbonne", "Moscou", "Mexico", "Bilbao"], "Lisbon"),
        ("en", ["Lisbon", "Moscow", "Mexico City", "Bilbao"], "Lisboa"),
    ] {
        let (_, page) = http_get(&server.address, &format!("/members?lang={lang}"));
        for name in names {
            assert!(page.contains(&format!(">{name}<")), "{lang}: {name}");
        }
        assert!(!page.contains(&format!(">{not}<")), "{lang}: {not}");
    }
    let (_, lisbon) = http_get(&server.address, "/cities/pt-lisbon?lang=fr");
    assert!(lisbon.contains("<h1>Lisbonne <span"), "French name first, the local one beside it");
    let (_, lisbon) = http_get(&server.address, "/cities/pt-lisbon?lang=es");
    assert!(lisbon.contains("<h1>Lisboa</h1>"), "the local name is not repeated where it is the reader's");
    assert_eq!(http_get(&server.address, "/healthz").0, 200);
}
