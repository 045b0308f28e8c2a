//! Approving a city on the renewal dashboard: the places of the gazetteer that bear its name
//! are offered in words; approving as one of them shows GeoNames as the source on the city's page.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::http::StatusCode;
use smartcities_domain::Lang;
use smartcities_test_support::{SECRETARIAT, Site};

#[tokio::test]
async fn the_secretariat_approves_a_city_as_the_gazetteer_places_it() {
    let site = Site::demo().await;
    let form = smartcities_app::membership::JoinForm {
        city_name: "Cuenca",
        country: "EC",
        focal_point: smartcities_domain::focal_point("Rosa Pérez", "Innovación", "rosa@cuenca.example.org"),
        motivation: "Queremos aprender de otras ciudades.",
        trap: "",
        lang: Lang::Es,
    };
    let client = smartcities_app::accounts::Client { address: Some("203.0.113.50".parse().unwrap()) };
    let application = site.app.apply_to_join(form, &client).await.unwrap().unwrap();
    let secretariat = site.session(SECRETARIAT).await;
    let page = site.get("/members/renewal?lang=es", Some(&secretariat)).await;
    assert_eq!(page.status, StatusCode::OK);
    let marker = "name=\"place\" value=\"";
    // The places offered with Cuenca's application, not another's.
    let article = page.body.find(&format!("id=\"{}\"", application.id)).expect("Cuenca's application");
    let at = article + page.body[article..].find(marker).expect("places offered") + marker.len();
    let place = page.body[at..].split('"').next().unwrap().to_string();
    assert!(page.body.contains("habitantes"), "places in words");
    let approved = site
        .post(
            "/members/renewal",
            Some(&secretariat),
            &format!("application={}&place={place}&action=approve_as", application.id),
        )
        .await;
    assert_eq!(approved.location.as_deref(), Some("/members/renewal?notice=approved"), "{}", approved.body);
    let decided = site.store.community().applications().await.unwrap();
    let city_id =
        decided.iter().find(|a| a.id == application.id).and_then(|a| a.city.clone()).expect("joined");
    let city = site.get(&format!("/cities/{city_id}?lang=en"), None).await;
    assert_eq!(city.status, StatusCode::OK, "{city_id}");
    assert!(city.body.contains("GeoNames"), "the population's source is named");
}
