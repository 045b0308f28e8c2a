//! The storage suite. It runs on SQLite by default and on PostgreSQL when
//! SMARTCITIES_TEST_DATABASE_URL names a server; `.ci/run` does both.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{
    City, CityId, CityNames, Coordinates, CountryCode, EditionFile, EditionStatus, EditionYear, Email,
    FocalPoint, Lang, Member, MemberStatus, Partner, PartnerKind, Population, Section,
};
use smartcities_store::{Backend, CityFilter, StoreError, testing::TestDatabase};

const EDITION_2023: &str = include_str!("../../../data/editions/2023.toml");

fn city(name: &str, country: &str, population: u64) -> City {
    let country = CountryCode::parse(country).unwrap();
    City {
        id: CityId::derive(&country, name).unwrap(),
        name: name.into(),
        local_name: None,
        names: Default::default(),
        section: Section::for_country(&country).unwrap(),
        country,
        metropolis: false,
        population: Population { count: population, year: Some(2020), source: Some("test".into()) },
        location: Coordinates::new(10.5, -20.25).unwrap(),
    }
}

fn member(city: &City, focal: &[&str]) -> Member {
    Member {
        city: city.id.clone(),
        status: MemberStatus::Active,
        since: Some(2010),
        focal_points: focal
            .iter()
            .map(|name| FocalPoint {
                name: name.to_string(),
                role: "Digital office".into(),
                email: Email::parse(&format!("{name}@example.org")).unwrap(),
            })
            .collect(),
        illustrative: true,
    }
}

#[tokio::test]
async fn migrations_run_twice_without_harm() {
    let (_db, store) = TestDatabase::migrated().await;
    store.migrate().await.unwrap();
    store.ping().await.unwrap();
    assert!(store.study().editions().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_edition_and_its_framework_round_trip() {
    let (_db, store) = TestDatabase::migrated().await;
    let file = EditionFile::parse(EDITION_2023).unwrap();
    let saved = store.study().save_edition(&file).await.unwrap();
    assert_eq!((saved.version.get(), saved.new_version), (1, true));

    let year = EditionYear::new(2023).unwrap();
    assert_eq!(store.study().edition(year).await.unwrap().unwrap(), file.edition);
    let (version, framework) = store.study().framework(year).await.unwrap().unwrap();
    assert_eq!(version.get(), 1);
    assert_eq!(framework, file.framework);
    assert!(store.study().edition(EditionYear::new(2031).unwrap()).await.unwrap().is_none());

    // An index rule is kept with the edition.
    let mut with_index = file.clone();
    with_index.edition.index = Some(smartcities_domain::IndexRule {
        description: smartcities_domain::Localized { en: "I".into(), es: "Í".into(), fr: "Ì".into() },
        questions: vec!["bike_lane_km".into()],
        runs: 200,
        weight_noise_percent: 10,
        seed: 7,
    });
    store.study().save_edition(&with_index).await.unwrap();
    assert_eq!(store.study().edition(year).await.unwrap().unwrap(), with_index.edition);
}

#[tokio::test]
async fn re_importing_adds_a_framework_version_only_when_it_changed() {
    let (_db, store) = TestDatabase::migrated().await;
    let mut file = EditionFile::parse(EDITION_2023).unwrap();
    store.study().save_edition(&file).await.unwrap();
    let again = store.study().save_edition(&file).await.unwrap();
    assert_eq!((again.version.get(), again.new_version), (1, false));

    file.framework.axes[0].label.fr = "Économie intelligente (révisé)".into();
    file.edition.status = EditionStatus::CLOSED;
    let changed = store.study().save_edition(&file).await.unwrap();
    assert_eq!((changed.version.get(), changed.new_version), (2, true));

    let year = file.edition.year;
    let (_, current) = store.study().framework(year).await.unwrap().unwrap();
    assert_eq!(current.axes[0].label.fr, "Économie intelligente (révisé)");
    assert_eq!(store.study().edition(year).await.unwrap().unwrap().status, EditionStatus::CLOSED);
    assert_eq!(store.study().editions().await.unwrap().len(), 1);
}

#[tokio::test]
async fn cities_are_filtered_and_updated_in_place() {
    let (_db, store) = TestDatabase::migrated().await;
    let bilbao = city("Bilbao", "ES", 347_342);
    let dakar = city("Dakar", "SN", 2_646_503);
    let seoul = city("Seoul", "KR", 10_349_312);
    store.registry().upsert_cities(&[bilbao.clone(), dakar.clone(), seoul.clone()]).await.unwrap();

    let all = store.registry().cities(&CityFilter::default()).await.unwrap();
    assert_eq!(all.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Bilbao", "Dakar", "Seoul"]);
    let africa = CityFilter { section: Some(Section::Africa), ..Default::default() };
    assert_eq!(store.registry().cities(&africa).await.unwrap(), std::slice::from_ref(&dakar));
    let spain = CityFilter { country: Some(CountryCode::parse("ES").unwrap()), ..Default::default() };
    assert_eq!(store.registry().cities(&spain).await.unwrap(), std::slice::from_ref(&bilbao));
    let none =
        CityFilter { country: Some(CountryCode::parse("ES").unwrap()), section: Some(Section::Africa) };
    assert!(store.registry().cities(&none).await.unwrap().is_empty());

    let mut grown = bilbao.clone();
    grown.population.count = 350_000;
    grown.local_name = Some("Bilbo".into());
    store.registry().upsert_cities(&[grown.clone()]).await.unwrap();
    assert_eq!(store.registry().city(&bilbao.id).await.unwrap().unwrap(), grown);
    assert_eq!(store.registry().cities(&CityFilter::default()).await.unwrap().len(), 3);
}

#[tokio::test]
async fn members_keep_their_focal_points() {
    let (_db, store) = TestDatabase::migrated().await;
    let bilbao = city("Bilbao", "ES", 347_342);
    store.registry().upsert_cities(std::slice::from_ref(&bilbao)).await.unwrap();
    store.registry().save_members(&[member(&bilbao, &["ane", "jon"])]).await.unwrap();
    let stored = store.registry().member(&bilbao.id).await.unwrap().unwrap();
    assert_eq!(stored, member(&bilbao, &["ane", "jon"]));

    store.registry().save_members(&[member(&bilbao, &["miren"])]).await.unwrap();
    let members = store.registry().members().await.unwrap();
    assert_eq!(members, [member(&bilbao, &["miren"])]);
}

#[tokio::test]
async fn a_member_of_an_unknown_city_writes_nothing() {
    let (_db, store) = TestDatabase::migrated().await;
    let bilbao = city("Bilbao", "ES", 347_342);
    let ghost = city("Atlantis", "GR", 1);
    store.registry().upsert_cities(std::slice::from_ref(&bilbao)).await.unwrap();
    let error =
        store.registry().save_members(&[member(&bilbao, &["ane"]), member(&ghost, &[])]).await.unwrap_err();
    assert!(matches!(error, StoreError::UnknownCity(id) if id == "gr-atlantis"));
    assert!(
        store.registry().members().await.unwrap().is_empty(),
        "the valid member before it was rolled back"
    );
}

#[tokio::test]
async fn partners_round_trip() {
    let (_db, store) = TestDatabase::migrated().await;
    let habitat = Partner {
        id: "un-habitat".into(),
        name: "UN-Habitat".into(),
        names: CityNames { es: Some("ONU-Hábitat".into()), fr: Some("ONU-Habitat".into()) },
        kind: PartnerKind::UnitedNations,
        link: Some("https://unhabitat.org".into()),
        description: Some({
            let mut text = smartcities_domain::Written::new(Lang::Es, "Coorganiza los seminarios.");
            text.set(Lang::En, "Co-organises the webinars.");
            text
        }),
    };
    let wego = Partner {
        id: "wego".into(),
        name: "WeGO".into(),
        names: CityNames::default(),
        kind: PartnerKind::CityNetwork,
        link: None,
        description: None,
    };
    store.registry().save_partners(&[wego.clone(), habitat.clone()]).await.unwrap();
    let partners = store.registry().partners().await.unwrap();
    assert_eq!(partners, [habitat, wego]);
    assert_eq!((partners[0].name_in(Lang::Es), partners[1].name_in(Lang::Fr)), ("ONU-Hábitat", "WeGO"));
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode() {
    let (db, store) = TestDatabase::migrated().await;
    if store.backend() != Backend::Sqlite {
        return;
    }
    store.close().await;
    let path = db.url.trim_start_matches("sqlite://").to_string();
    let header = std::fs::read(&path).unwrap();
    // Bytes 18 and 19 of the SQLite header are 2 in WAL mode (1 for rollback journals).
    assert_eq!((header[18], header[19]), (2, 2));
}

#[tokio::test]
async fn one_server_claims_a_message_and_failures_wait_for_a_retry() {
    let (_db, store) = TestDatabase::migrated().await;
    store.outbox().enqueue_mail("m1", "a@example.org", "Subject", "Body").await.unwrap();
    let due = store.outbox().due_mail(10).await.unwrap();
    assert_eq!(due.len(), 1);
    // Two servers see the same due message; only the first claim wins.
    assert!(store.outbox().claim_mail("m1", 600).await.unwrap());
    assert!(!store.outbox().claim_mail("m1", 600).await.unwrap());
    assert!(store.outbox().due_mail(10).await.unwrap().is_empty(), "a claimed message is not due");

    store.outbox().mark_mail_failed(&due[0], "connection refused", false).await.unwrap();
    let problems = store.outbox().mail_problems(10).await.unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].attempts, problems[0].given_up), (1, false));
    assert_eq!(problems[0].error, "connection refused");
    assert!(store.outbox().due_mail(10).await.unwrap().is_empty(), "the retry waits");

    assert_eq!(store.outbox().retry_mail_now().await.unwrap(), 1);
    let due = store.outbox().due_mail(10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert!(store.outbox().claim_mail("m1", 600).await.unwrap());
    store.outbox().mark_mail_sent("m1").await.unwrap();
    let counts = store.outbox().outbox_counts().await.unwrap();
    assert_eq!((counts.pending, counts.sent, counts.failed), (0, 1, 0));
    assert!(store.outbox().mail_problems(10).await.unwrap().is_empty());
    assert_eq!(store.outbox().retry_mail_now().await.unwrap(), 0, "sent mail is never sent again");
}
