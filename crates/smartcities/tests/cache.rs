//! The cache of rendered public pages: a page is served again until the public data change, on
//! this server at once and on another server sharing the database once it reads the version;
//! signed-in visitors are never served from it.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_domain::{Email, Partner, PartnerKind};
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

async fn page(router: &Router, uri: &str, cookie: Option<&str>) -> String {
    let mut request = Request::get(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = router.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    String::from_utf8(axum::body::to_bytes(response.into_body(), 16 << 20).await.unwrap().to_vec()).unwrap()
}

fn partner(name: &str) -> Partner {
    Partner {
        id: name.to_lowercase().replace(' ', "-"),
        name: name.into(),
        names: Default::default(),
        kind: PartnerKind::Research,
        link: None,
        description: None,
    }
}

#[tokio::test]
async fn a_change_shows_on_this_server_at_once_and_on_another_once_it_reads_the_version() {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    // Two servers on one database, each with its own connections and cache.
    let other_store = Store::connect(&db.url).await.unwrap();
    other_store.refresh_site_version().await.unwrap();
    let here = router(AppState::new(smartcities_app::App::new(store.clone())));
    let there = router(AppState::new(smartcities_app::App::new(other_store.clone())));

    let before = page(&here, "/?lang=en", None).await;
    assert_eq!(page(&here, "/?lang=en", None).await, before, "served again");
    assert_eq!(page(&there, "/?lang=en", None).await, before);
    assert!(!before.contains("Observatorio de Ciudades Inteligentes"));

    store.registry().save_partners(&[partner("Observatorio de Ciudades Inteligentes")]).await.unwrap();
    assert!(page(&here, "/?lang=en", None).await.contains("Observatorio de Ciudades Inteligentes"));
    assert!(!page(&there, "/?lang=en", None).await.contains("Observatorio"), "not yet read there");
    other_store.refresh_site_version().await.unwrap();
    assert!(page(&there, "/?lang=en", None).await.contains("Observatorio de Ciudades Inteligentes"));

    // Each language is its own page.
    assert!(page(&here, "/?lang=es", None).await.contains("lang=\"es\""));
    assert!(page(&here, "/?lang=fr", None).await.contains("lang=\"fr\""));
}

#[tokio::test]
async fn signed_in_visitors_are_never_served_from_the_cache() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let site = router(AppState::new(smartcities_app::App::new(store.clone())));
    let anonymous = page(&site, "/?lang=en", None).await;
    let user = store
        .accounts()
        .user_by_email(&Email::parse("analyst@smartcities.example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    let token = smartcities_app::accounts::new_token();
    store
        .accounts()
        .create_session(&smartcities_app::accounts::token_hash(&token), &user.id, "csrf-token", 3600)
        .await
        .unwrap();
    let signed_in = page(&site, "/?lang=en", Some(&format!("{SESSION_COOKIE}={token}"))).await;
    assert!(signed_in.contains("Analyst (demo)") && !anonymous.contains("Analyst (demo)"));
    assert_eq!(page(&site, "/?lang=en", None).await, anonymous);
}
