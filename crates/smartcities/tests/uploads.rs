//! Answers brought in over HTTP. Workbook uploads: a good one is saved, in any of the three
//! formats; a hostile or oversized one is refused with a message in the respondent's language,
//! and the server goes on answering everyone. Answers carried over from the previous edition.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::accounts as auth;
use smartcities_domain::Email;
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

const CITY: &str = "pt-lisbon";
const RESPONDENT: &str = "digital.office@lisbon.example.org";

async fn session(store: &Store, email: &str) -> (String, String) {
    let user = store.accounts().user_by_email(&Email::parse(email).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{}={token}", SESSION_COOKIE), csrf)
}

async fn get(app: &Router, uri: &str, cookie: &str) -> (StatusCode, Vec<u8>) {
    let request = Request::get(uri).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    (status, axum::body::to_bytes(response.into_body(), 64 << 20).await.unwrap().to_vec())
}

async fn upload(app: &Router, cookie: &str, csrf: &str, file: &[u8]) -> (StatusCode, String) {
    upload_named(app, cookie, csrf, file, "answers.xlsx").await
}

async fn upload_named(
    app: &Router,
    cookie: &str,
    csrf: &str,
    file: &[u8],
    name: &str,
) -> (StatusCode, String) {
    let boundary = "----smartcities-test-boundary";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n").as_bytes(),
    );
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(format!("/responses/2025/{CITY}/workbook?lang=es"))
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// A workbook whose two cells, A1 and XFD1048576, span 17 billion cells.
fn hostile_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "code").unwrap();
    sheet.write_string(1_048_575, 16_383, "boom").unwrap();
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn hostile_and_oversized_workbooks_are_refused_and_the_server_keeps_answering() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, csrf) = session(&store, RESPONDENT).await;

    // The workbook the city downloads goes back in as it is.
    let (status, workbook) = get(&app, &format!("/responses/2025/{CITY}/workbook.xlsx"), &cookie).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = upload(&app, &cookie, &csrf, &workbook).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");

    let hostile = hostile_workbook();
    assert!(hostile.len() < 10_000);
    let (status, body) = upload(&app, &cookie, &csrf, &hostile).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("fila 1048576, columna XFD"), "{body}");

    let oversized = vec![b'x'; 6 * 1024 * 1024];
    let (status, body) = upload(&app, &cookie, &csrf, &oversized).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("El archivo supera el límite de 5 MB"), "{body}");

    let (status, _) = get(&app, "/healthz", &cookie).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
#[ignore = "needs soffice (Debian's libreoffice-calc-nogui) to save the workbook in other formats"]
async fn the_workbook_saved_as_excel_97_or_opendocument_uploads_as_the_original_does() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, csrf) = session(&store, RESPONDENT).await;
    let dir = tempfile::tempdir().unwrap();
    for (extension, filter) in [("xls", "xls:MS Excel 97"), ("ods", "ods")] {
        // Downloaded afresh each time: a workbook carries the revision it was made at.
        let (status, workbook) = get(&app, &format!("/responses/2025/{CITY}/workbook.xlsx"), &cookie).await;
        assert_eq!(status, StatusCode::OK);
        let original = dir.path().join("answers.xlsx");
        std::fs::write(&original, &workbook).unwrap();
        let out = std::process::Command::new("soffice")
            .args(["--headless", "--calc", "--convert-to", filter, "--outdir"])
            .arg(dir.path())
            .arg(&original)
            .output()
            .expect("soffice runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let saved = std::fs::read(dir.path().join(format!("answers.{extension}"))).unwrap();
        let (status, body) =
            upload_named(&app, &cookie, &csrf, &saved, &format!("answers.{extension}")).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{extension}: {body}");
    }
    // A garbled Excel 97 file is refused in the respondent's language, naming the formats read.
    let garbled = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3];
    let (status, body) = upload_named(&app, &cookie, &csrf, &garbled, "answers.xls").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("(.xlsx, .xls u .ods)"), "{body}");
}

#[tokio::test]
async fn a_respondent_copies_the_previous_editions_answers_from_the_overview() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, csrf) = session(&store, RESPONDENT).await;
    let overview = format!("/responses/2025/{CITY}?lang=es");
    let (status, page) = get(&app, &overview, &cookie).await;
    assert_eq!(status, StatusCode::OK);
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("Partir de sus respuestas de 2024"), "the offer is on the overview");
    assert!(page.contains(&format!(r#"action="/responses/2025/{CITY}/carry-over""#)));

    let request = Request::post(format!("/responses/2025/{CITY}/carry-over?lang=es"))
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={csrf}")))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[header::LOCATION].to_str().unwrap().to_string();
    assert!(location.contains("from=2024"), "{location}");
    let (_, page) = get(&app, &format!("{location}&lang=es"), &cookie).await;
    let page = String::from_utf8(page).unwrap();
    assert!(
        page.contains("respuestas de 2024: revíselas antes de enviar"),
        "the overview says what was copied"
    );
    assert!(!page.contains("Partir de sus respuestas de 2024"), "nothing is left to copy");

    // Without the form's token nothing is copied.
    let request = Request::post(format!("/responses/2025/{CITY}/carry-over"))
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("csrf=forged"))
        .unwrap();
    let status = app.clone().oneshot(request).await.unwrap().status();
    assert!(status.is_client_error(), "{status}");
}
