//! The privacy notice in three languages, and the secretariat's personal-data page: find, hand
//! over, disable, erase; nobody else reaches it.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::http::StatusCode;
use smartcities_test_support::{ANALYST, RESPONDENT, SECRETARIAT, Site};

#[tokio::test]
async fn the_privacy_notice_says_what_why_how_long_and_whom_to_ask_in_each_language() {
    let site = Site::demo().await;
    for (lang, words) in [
        ("es", ["Qué se guarda", "Para qué", "Durante cuánto tiempo", "180 días"]),
        ("en", ["What is kept", "Why", "For how long", "180 days"]),
        ("fr", ["Ce qui est conservé", "Pourquoi", "Pour combien de temps", "180 jours"]),
    ] {
        let page = site.get(&format!("/privacy?lang={lang}"), None).await;
        assert_eq!(page.status, StatusCode::OK);
        for word in words {
            assert!(page.body.contains(word), "{lang}: {word}");
        }
        let home = site.get(&format!("/?lang={lang}"), None).await;
        assert!(home.body.contains("href=\"/privacy\""), "{lang}: linked from every page's footer");
    }
}

#[tokio::test]
async fn the_secretariat_finds_hands_over_disables_and_erases_a_person() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    for who in [None, Some(site.session(ANALYST).await), Some(site.session(RESPONDENT).await)] {
        let page = site.get(&format!("/people?email={RESPONDENT}"), who.as_ref()).await;
        assert!(matches!(page.status, StatusCode::FORBIDDEN | StatusCode::SEE_OTHER), "{}", page.status);
        let export = site.get(&format!("/people/export?email={RESPONDENT}"), who.as_ref()).await;
        assert!(!export.status.is_success());
    }
    let page = site.get(&format!("/people?email={RESPONDENT}&lang=en"), Some(&secretariat)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("An account:") && page.body.contains("Disable the account"), "{}", page.body);
    let export = site.get(&format!("/people/export?email={RESPONDENT}"), Some(&secretariat)).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.headers["content-disposition"].to_str().unwrap().contains("attachment"));
    assert_eq!(export.json()["account"]["email"], RESPONDENT);

    let respondent = site.session(RESPONDENT).await;
    assert_eq!(site.get("/me", Some(&respondent)).await.status, StatusCode::OK);
    let disabled =
        site.post("/people", Some(&secretariat), &format!("action=disable&email={RESPONDENT}")).await;
    assert_eq!(disabled.status, StatusCode::SEE_OTHER);
    assert_ne!(site.get("/me", Some(&respondent)).await.status, StatusCode::OK, "signed out at once");

    let unconfirmed =
        site.post("/people?lang=es", Some(&secretariat), &format!("action=erase&email={RESPONDENT}")).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.body.contains("escriba de nuevo la dirección"), "{}", unconfirmed.body);
    let form = format!("action=erase&email={RESPONDENT}&confirm={RESPONDENT}");
    let erased = site.post("/people", Some(&secretariat), &form).await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER);
    let after = site.get(erased.location.as_deref().unwrap(), Some(&secretariat)).await;
    assert!(after.body.contains("Los datos de la persona se han borrado") || after.body.contains("erased"));
    assert!(
        after.body.contains("Nothing is held") || after.body.contains("No se guarda nada"),
        "{}",
        after.body
    );
}
