//! Approving a city that applied to join: the shipped gazetteer offers the places of its name in
//! its country; approving as one of them places the city with GeoNames' coordinates and
//! population, credited to GeoNames; the applicant is welcomed in the language they applied in,
//! told what membership brings and what comes next. On SQLite and PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::accounts::Client;
use smartcities_app::membership::{Decision, JoinForm};
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{CountryCode, Lang, focal_point};
use smartcities_test_support::{RESPONDENT, SECRETARIAT, Site};

#[tokio::test]
async fn a_city_is_approved_as_the_gazetteer_places_it_and_welcomed_in_its_language() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let form = JoinForm {
        city_name: "Cuenca",
        country: "EC",
        focal_point: focal_point("Rosa Pérez", "Dirección de Innovación", "rosa@cuenca.example.org"),
        motivation: "Queremos aprender de otras ciudades.",
        trap: "",
        lang: Lang::Es,
    };
    let client = Client { address: Some("203.0.113.40".parse().unwrap()) };
    let application = site.app.apply_to_join(form, &client).await.unwrap().unwrap();

    // The gazetteer offers Cuenca, Ecuador, and not Cuenca, Spain.
    let ecuador = CountryCode::parse("EC").unwrap();
    let places = site.app.gazetteer_places(&secretariat, "cuenca", Some(&ecuador)).await.unwrap();
    let place = places.first().expect("Cuenca is in the gazetteer").clone();
    assert_eq!((place.name.as_str(), place.country.as_str()), ("Cuenca", "EC"));
    assert!(places.iter().all(|p| p.country == ecuador));
    assert!(place.population > 200_000, "{}", place.population);
    // Only the secretariat looks places up.
    let respondent = site.user(RESPONDENT).await;
    assert!(matches!(
        site.app.gazetteer_places(&respondent, "cuenca", None).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));

    let decided = site
        .app
        .decide_application(
            &secretariat,
            &application.id,
            &Decision::ApproveAs { geonameid: place.geonameid },
        )
        .await
        .unwrap();
    let city_id = decided.city.expect("the city joined the registry");
    let city = site.store.registry().city(&city_id).await.unwrap().unwrap();
    assert_eq!(city.location, place.location);
    assert_eq!(city.population.count, place.population);
    assert_eq!(city.population.source.as_deref(), Some("GeoNames"));

    // The welcome, in Spanish: what membership brings, what comes next, the city's page.
    let mails = site.store.outbox().due_mail(1000).await.unwrap();
    let welcome = mails.iter().find(|m| m.recipient == "rosa@cuenca.example.org").expect("a welcome");
    assert!(welcome.subject.contains("Bienvenida"), "{}", welcome.subject);
    for part in ["Qué aporta ser miembro", "Próximos pasos", "nunca como una clasificación"] {
        assert!(welcome.body.contains(part), "{part}: {}", welcome.body);
    }
    assert!(
        welcome.body.contains(&format!("https://study.example.org/cities/{city_id}")),
        "{}",
        welcome.body
    );

    // A place the gazetteer does not have is refused, and nothing is decided twice.
    assert!(matches!(
        site.app
            .decide_application(&secretariat, &application.id, &Decision::ApproveAs { geonameid: 1 })
            .await,
        Err(AppError::Refused(Refusal::AlreadyDecided))
    ));
}

#[tokio::test]
async fn an_unknown_place_approves_nothing() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let form = JoinForm {
        city_name: "Nowhere",
        country: "EC",
        focal_point: focal_point("Ana", "CIO", "ana@nowhere.example.org"),
        motivation: "",
        trap: "",
        lang: Lang::En,
    };
    let client = Client { address: Some("203.0.113.41".parse().unwrap()) };
    let application = site.app.apply_to_join(form, &client).await.unwrap().unwrap();
    assert!(site.app.gazetteer_places(&secretariat, "Nowhere", None).await.unwrap().is_empty());
    let refused = site
        .app
        .decide_application(&secretariat, &application.id, &Decision::ApproveAs { geonameid: 1 })
        .await;
    assert!(matches!(refused, Err(AppError::Refused(Refusal::NotFound))));
    let kept = site.app.applications(&secretariat).await.unwrap();
    assert!(kept.iter().any(|a| a.id == application.id && a.city.is_none()), "still pending");
}
