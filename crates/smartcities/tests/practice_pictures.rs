//! Pictures uploaded for a catalogue practice: stored without the metadata they came with, shown
//! on the practice's page to whoever may see it, refused beside the upload when they hide a page,
//! and removed as a new version of the practice.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::io::Cursor;

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::accounts as auth;
use smartcities_domain::{Email, PracticeStatus};
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

#[path = "support/multipart.rs"]
mod multipart;

const SECRETARIAT: &str = "secretariat@smartcities.example.org";

async fn session(store: &Store) -> (String, String) {
    let user = store.accounts().user_by_email(&Email::parse(SECRETARIAT).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{}={token}", SESSION_COOKIE), csrf)
}

async fn send(router: &Router, request: Request<Body>) -> (StatusCode, header::HeaderMap, Vec<u8>) {
    let response = router.clone().oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    (status, headers, axum::body::to_bytes(response.into_body(), 32 << 20).await.unwrap().to_vec())
}

async fn post(
    router: &Router,
    (cookie, csrf): &(String, String),
    practice: &str,
    fields: &[(&str, &str)],
    file: Option<&[u8]>,
) -> (StatusCode, header::HeaderMap, String) {
    let all: Vec<(&str, &str)> =
        [("csrf", csrf.as_str())].into_iter().chain(fields.iter().copied()).collect();
    let (content_type, body) = multipart::form(&all, file.map(|bytes| ("IMG_0042.JPG", bytes)));
    let request = Request::post(format!("/practices/{practice}/pictures?lang=fr"))
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let (status, headers, body) = send(router, request).await;
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// A JPEG carrying a place in an Exif segment, as a phone writes one.
fn photo() -> Vec<u8> {
    let mut plain = Vec::new();
    image::RgbImage::from_fn(48, 32, |x, y| image::Rgb([x as u8 * 5, y as u8 * 7, 90]))
        .write_to(&mut Cursor::new(&mut plain), image::ImageFormat::Jpeg)
        .unwrap();
    let payload = b"Exif\0\0GPS 38.7223N 9.1393W";
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&plain[2..]);
    out
}

#[tokio::test]
async fn a_picture_is_added_without_its_metadata_shown_to_the_public_and_removed() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let router = router(AppState::new(smartcities_app::App::new(store.clone())));
    let me = session(&store).await;
    let published = store
        .catalogue()
        .practices_changed_after(0, i64::MAX)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.status == PracticeStatus::Published)
        .expect("a published practice");
    let (id, version) = (published.practice.id.to_string(), published.version.to_string());

    let (status, headers, _) =
        post(&router, &me, &id, &[("version", &version), ("action", "add")], Some(&photo())).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], format!("/practices/{id}?saved"));
    let now = store.catalogue().practice(&published.practice.id).await.unwrap().unwrap();
    assert_eq!(now.practice.pictures.len(), 1);
    assert!(now.version > published.version, "a new version of the practice");
    let picture = &now.practice.pictures[0];

    // Anyone who may see the published practice sees its picture, stripped of the place.
    let page =
        send(&router, Request::get(format!("/practices/{id}?lang=es")).body(Body::empty()).unwrap()).await;
    let html = String::from_utf8_lossy(&page.2);
    let src = format!("/practices/{id}/pictures/{picture}");
    let shown = html
        .split("class=\"pictures\"")
        .nth(1)
        .unwrap_or_default()
        .split("</div>")
        .next()
        .unwrap_or_default();
    assert!(
        shown.contains(&format!("<img src=\"{src}\" alt=\"Imagen 1 · ")),
        "the page shows the picture: {shown}"
    );
    let url = format!("/practices/{id}/pictures/{picture}");
    let (status, headers, body) = send(&router, Request::get(&url).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/jpeg");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"IMG_0042.jpg\"")
    );
    assert!(!String::from_utf8_lossy(&body).contains("GPS"), "the place is gone");
    assert_eq!(image::load_from_memory(&body).unwrap().width(), 48);

    // A version published now carries the picture beside the catalogue page that shows it.
    let app = smartcities_app::App::new(store.clone());
    let user = store.accounts().user_by_email(&Email::parse(SECRETARIAT).unwrap()).await.unwrap().unwrap();
    let edition = *now.practice.editions.first().expect("the practice belongs to an edition");
    app.analyse(edition, &smartcities_app::Silent).await.unwrap();
    let version = app
        .publish(
            &user,
            edition,
            smartcities_publish::Texts::default(),
            smartcities_app::publication::GoPublic::Preview,
            std::sync::Arc::new(smartcities_app::Silent),
        )
        .await
        .unwrap()
        .version;
    let versions = store.versions();
    let file =
        versions.publication_file(edition, version, &format!("site/pictures/{picture}")).await.unwrap();
    let file = file.expect("the picture is in the version");
    assert_eq!((file.content_type.as_str(), file.body.as_slice()), ("image/jpeg", body.as_slice()));
    let page = versions.publication_file(edition, version, "site/es/practices.html").await.unwrap().unwrap();
    let page = String::from_utf8_lossy(&page.body).into_owned();
    assert!(page.contains(&format!("src=\"..&#x2f;pictures&#x2f;{picture}\"")), "the catalogue shows it");

    // A page hidden in a picture: refused beside the upload, in French, and nothing saved.
    let mut polyglot = photo();
    polyglot.extend_from_slice(b"<script>alert(1)</script>");
    let current = now.version.to_string();
    let (status, _, html) =
        post(&router, &me, &id, &[("version", &current), ("action", "add")], Some(&polyglot)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("le fichier contient du code de page web"), "the reason beside the upload");
    assert_eq!(
        store.catalogue().practice(&published.practice.id).await.unwrap().unwrap().version,
        now.version
    );

    // Removed: a new version without it, and the picture is no longer served.
    let (status, _, _) =
        post(&router, &me, &id, &[("version", &current), ("action", "remove"), ("picture", picture)], None)
            .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        store
            .catalogue()
            .practice(&published.practice.id)
            .await
            .unwrap()
            .unwrap()
            .practice
            .pictures
            .is_empty()
    );
    let (status, _, _) = send(&router, Request::get(&url).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
