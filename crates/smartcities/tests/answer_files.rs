//! Files given as answers over HTTP: a PDF is stored byte for byte and downloaded as an
//! attachment that is never sniffed, only by whoever may read the response; a page hidden in a
//! picture is refused beside its question with nothing written; a file is removed; the answers
//! export names each file and writes it.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::accounts as auth;
use smartcities_app::questionnaire::{FieldName, Kind, Question, Texts};
use smartcities_domain::{CityId, EditionYear, Email, ResponseMove};
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

#[path = "support/multipart.rs"]
mod multipart;

const RESPONDENT: &str = "digital.office@lisbon.example.org";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn session(store: &Store) -> (String, String) {
    let user = store.accounts().user_by_email(&Email::parse(RESPONDENT).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{}={token}", SESSION_COOKIE), csrf)
}

fn question(name: &str, kind: Kind, label: &str) -> Question {
    Question::new(FieldName::parse(name).unwrap(), kind, Texts::new(label, label, label))
}

/// The demonstration with a document and a picture question on the first page of 2025.
async fn site() -> (TestDatabase, Store, Router) {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let year = EditionYear::new(2025).unwrap();
    let (_, mut q) = store.study().questionnaire(year).await.unwrap().unwrap();
    q.add_question("smart_economy", question("strategy_document", Kind::File, "Strategy document")).unwrap();
    q.add_question("smart_economy", question("lab_photo", Kind::Image, "Photo of the living lab")).unwrap();
    store.study().save_questionnaire(year, &q, "test: file questions").await.unwrap();
    let router = router(AppState::new(smartcities_app::App::new(store.clone())));
    (db, store, router)
}

async fn send(router: &Router, request: Request<Body>) -> (StatusCode, header::HeaderMap, Vec<u8>) {
    let response = router.clone().oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    (status, headers, axum::body::to_bytes(response.into_body(), 32 << 20).await.unwrap().to_vec())
}

async fn upload(
    router: &Router,
    (cookie, csrf): &(String, String),
    field: &str,
    action: &str,
    file: Option<(&str, &[u8])>,
) -> (StatusCode, header::HeaderMap, String) {
    upload_at(router, (cookie, csrf), "0", field, action, file).await
}

/// As the page sends it, based on the revision it showed.
async fn upload_at(
    router: &Router,
    (cookie, csrf): (&String, &String),
    revision: &str,
    field: &str,
    action: &str,
    file: Option<(&str, &[u8])>,
) -> (StatusCode, header::HeaderMap, String) {
    let (content_type, body) =
        multipart::form(&[("csrf", csrf.as_str()), ("revision", revision), ("action", action)], file);
    let request = Request::post(format!("/responses/2025/pt-lisbon/files/{field}?lang=es"))
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let (status, headers, body) = send(router, request).await;
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let request = Request::get(uri);
    let request = match cookie {
        Some(cookie) => request.header(header::COOKIE, cookie),
        None => request,
    };
    request.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn a_document_is_kept_byte_for_byte_and_served_as_an_attachment_to_its_readers_only() {
    let (_db, store, router) = site().await;
    let me = session(&store).await;
    let (year, lisbon) = (EditionYear::new(2025).unwrap(), CityId::parse("pt-lisbon").unwrap());

    let (status, headers, _) =
        upload(&router, &me, "strategy_document", "upload", Some(("Estrategia 2030.PDF", PDF))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let to = headers[header::LOCATION].to_str().unwrap();
    assert!(to.starts_with("/responses/2025/pt-lisbon/groups/smart_economy?saved=1"), "{to}");
    let answers = store.answering().answers(year, &lisbon).await.unwrap();
    let id = answers.iter().find(|a| a.question == "strategy_document").unwrap().value.to_string();
    assert_eq!(id.len(), 64);

    // The page names the file and offers to replace or remove it, each through the question's
    // own multipart form.
    let (_, _, page) =
        send(&router, get("/responses/2025/pt-lisbon/groups/smart_economy?lang=es", Some(&me.0))).await;
    let page = String::from_utf8_lossy(&page);
    let url = format!("/responses/2025/pt-lisbon/files/{id}");
    assert!(
        page.contains(&format!("<a href=\"{}\">Estrategia 2030.pdf</a>", url.replace('/', "&#x2f;"))),
        "the link"
    );
    assert!(page.contains("form=\"file-strategy_document\" name=\"action\" value=\"remove\""));
    assert!(page.contains("id=\"file-strategy_document\" method=\"post\" enctype=\"multipart/form-data\""));

    let (status, headers, body) = send(&router, get(&url, Some(&me.0))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, PDF, "byte for byte");
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.starts_with("attachment; filename=\"Estrategia 2030.pdf\""), "{disposition}");
    assert!(disposition.contains("filename*=UTF-8''Estrategia%202030.pdf"), "{disposition}");

    // Nobody signed out, and no one of another city, reads it.
    let (status, _, body) = send(&router, get(&url, None)).await;
    assert_ne!(status, StatusCode::OK);
    assert_ne!(body, PDF);
    let other = format!("/responses/2025/at-vienna/files/{id}");
    let (status, _, body) = send(&router, get(&other, Some(&me.0))).await;
    assert_ne!(status, StatusCode::OK);
    assert_ne!(body, PDF);

    // The answers export names the file and writes it where it says.
    store.answering().move_response(year, &lisbon, ResponseMove::Submit).await.unwrap();
    store.answering().move_response(year, &lisbon, ResponseMove::Accept).await.unwrap();
    let app = smartcities_app::App::new(store.clone());
    let mut csv = Vec::new();
    app.export_answers(year, smartcities_app::admin::ExportFormat::Csv, &mut csv).await.unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let row = csv.lines().find(|l| l.starts_with("pt-lisbon,strategy_document,")).unwrap();
    let path = format!("pt-lisbon/{}-Estrategia 2030.pdf", &id[..12]);
    assert!(row.ends_with(&path), "{row}");
    let dir = tempfile::tempdir().unwrap();
    assert!(app.export_answer_files(year, dir.path()).await.unwrap() >= 1);
    assert_eq!(std::fs::read(dir.path().join(&path)).unwrap(), PDF);

    // What is published never names the file: it is the city's evidence for the review.
    app.analyse(year, &smartcities_app::Silent).await.unwrap();
    let snapshot = app.snapshot(year, smartcities_publish::Texts::default()).await.unwrap();
    let public = serde_json::to_string(&snapshot).unwrap();
    assert!(!public.contains(&id), "the file's id is not published");
    assert!(public.contains("has_living_lab"), "the answers beside it are");
}

#[tokio::test]
async fn a_page_hidden_in_a_picture_is_refused_beside_its_question_and_a_file_can_be_removed() {
    let (_db, store, router) = site().await;
    let me = session(&store).await;
    let (year, lisbon) = (EditionYear::new(2025).unwrap(), CityId::parse("pt-lisbon").unwrap());
    let mut polyglot = Vec::new();
    image::RgbImage::new(4, 4)
        .write_to(&mut std::io::Cursor::new(&mut polyglot), image::ImageFormat::Png)
        .unwrap();
    polyglot.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>");

    let (status, _, page) = upload(&router, &me, "lab_photo", "upload", Some(("lab.png", &polyglot))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let block = page.split("data-field=\"lab_photo\"").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(block.contains("el archivo contiene código de página web y se rechaza"), "{block}");
    assert!(store.answering().attachments(year, &lisbon).await.unwrap().is_empty(), "nothing stored");
    assert!(
        store.answering().answers(year, &lisbon).await.unwrap().iter().all(|a| a.question != "lab_photo")
    );

    // A real picture is stored encoded again; removing it clears the answer.
    let mut picture = Vec::new();
    image::RgbImage::from_pixel(16, 9, image::Rgb([20, 120, 60]))
        .write_to(&mut std::io::Cursor::new(&mut picture), image::ImageFormat::Png)
        .unwrap();
    let (status, _, page) = upload(&router, &me, "lab_photo", "upload", Some(("lab.png", &picture))).await;
    let problem = page.split("data-field=\"lab_photo\"").nth(1).unwrap_or_default().split("</div>").next();
    assert_eq!(status, StatusCode::SEE_OTHER, "{problem:?}");
    let stored = store.answering().attachments(year, &lisbon).await.unwrap();
    assert_eq!((stored.len(), stored[0].media_type.as_str()), (1, "image/png"));
    // Removing is based on the revision the page showed: from an older one it is a conflict.
    let (status, _, page) = upload(&router, &me, "lab_photo", "remove", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Otra persona"), "the conflict is said");
    let revision = store.answering().response(year, &lisbon).await.unwrap().unwrap().revision.to_string();
    let (status, _, _) = upload_at(&router, (&me.0, &me.1), &revision, "lab_photo", "remove", None).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        store.answering().answers(year, &lisbon).await.unwrap().iter().all(|a| a.question != "lab_photo")
    );

    // A file question's answer cannot be set to a file the response does not hold.
    let form =
        format!("csrf={}&revision=0&shown=strategy_document&strategy_document={}", me.1, "ab".repeat(32));
    let request = Request::post("/responses/2025/pt-lisbon/groups/smart_economy?lang=en")
        .header(header::COOKIE, &me.0)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let (status, _, body) = send(&router, request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("upload the file with its button"));
}
