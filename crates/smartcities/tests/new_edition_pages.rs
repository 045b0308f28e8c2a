//! The new-edition form over HTTP: the secretariat's only; a refused form comes back as typed
//! with every problem; a good one creates the edition and leads to its questionnaire.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::http::StatusCode;
use smartcities_test_support::{RESPONDENT, SECRETARIAT, Site};

#[tokio::test]
async fn the_secretariat_makes_an_edition_on_the_web() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let form = site.get("/editions/new?lang=fr", Some(&secretariat)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Nouvelle édition") && form.body.contains("value=\"2025\" selected"));
    let respondent = site.session(RESPONDENT).await;
    assert_eq!(site.get("/editions/new", Some(&respondent)).await.status, StatusCode::FORBIDDEN);

    let typed =
        "copy_from=2025&year=2025&focus=holistic&title_es=Ciudades&title_en=Cities&title_fr=&call=&deadline=";
    let refused = site.post("/editions/new?lang=en", Some(&secretariat), typed).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("an edition 2025 exists already"), "{}", refused.body);
    assert!(refused.body.contains("Title in French: it is missing."), "{}", refused.body);
    assert!(refused.body.contains("value=\"Ciudades\""), "what was typed is kept");

    let good = "copy_from=2025&year=2027&focus=mobility&title_es=Movilidad&title_en=Mobility&title_fr=Mobilit%C3%A9&call=2027-02-01&deadline=2027-06-30";
    let made = site.post("/editions/new", Some(&secretariat), good).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert_eq!(made.location.as_deref(), Some("/questionnaires/2027"));
    assert_eq!(site.get("/questionnaires/2027", Some(&secretariat)).await.status, StatusCode::OK);
    assert_eq!(site.get("/editions/2027?lang=en", None).await.status, StatusCode::OK);
}
