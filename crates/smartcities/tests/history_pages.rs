//! A past edition's figures and report over HTTP: the secretariat imports a CSV (a bad one comes
//! back with each problem by line and column), the edition's page shows the figures by axis
//! marked with their source and page, the API serves them, the report downloads as attached
//! with a strong ETag; other roles cannot import.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::http::{Request, StatusCode, header};
use smartcities_test_support::{RESPONDENT, SECRETARIAT, Session, Site};

#[path = "support/multipart.rs"]
mod multipart;

const CSV: &str = "code,axis,label_es,label_en,label_fr,original,kind,value,unit,base,question,document,page\n\
    open_data_portal,governance,Con portal de datos abiertos,With an open data portal,Avec un portail de données ouvertes,es,share,75,,24,,Informe 2019,21\n";

async fn upload(
    site: &Site,
    session: &Session,
    action: &str,
    name: &str,
    bytes: &[u8],
) -> smartcities_test_support::Reply {
    let (content_type, body) =
        multipart::form(&[("csrf", session.csrf.as_str()), ("action", action)], Some((name, bytes)));
    let request = Request::builder()
        .method("POST")
        .uri("/editions/2019/history?lang=es")
        .header(header::COOKIE, &session.cookie)
        .header(header::CONTENT_TYPE, content_type);
    let response =
        site.router.clone().oneshot(request.body(axum::body::Body::from(body)).unwrap()).await.unwrap();
    let status = response.status();
    let location = response.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_string());
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 24).await.unwrap();
    smartcities_test_support::Reply {
        status,
        location,
        cookies: Vec::new(),
        headers: Default::default(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

use tower::ServiceExt;

#[tokio::test]
async fn the_secretariat_imports_figures_and_a_report_that_the_public_reads() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let bad = format!("{CSV}x,,,X,,en,count,1.5,,,,Report,\n");
    let refused = upload(&site, &secretariat, "figures", "figures.csv", bad.as_bytes()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Línea 3, columna 8 (value)"), "{}", refused.body);

    let done = upload(&site, &secretariat, "figures", "figures.csv", CSV.as_bytes()).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = site.get(done.location.as_deref().unwrap(), Some(&secretariat)).await;
    assert!(page.body.contains("new: 1 · corrected: 0"), "{}", page.body);

    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.extend_from_slice(&[7u8; 5000]);
    let attached = upload(&site, &secretariat, "report", "Informe 2019.pdf", &pdf).await;
    assert_eq!(attached.status, StatusCode::SEE_OTHER, "{}", attached.body);
    let not_pdf = upload(&site, &secretariat, "report", "x.pdf", b"hello").await;
    assert_eq!(not_pdf.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(not_pdf.body.contains("Un informe se adjunta como archivo PDF."));

    for (lang, sentence) in [
        ("en", "As published in Informe 2019, p. 21"),
        ("es", "Tal como se publicó en Informe 2019, p. 21"),
        ("fr", "Tel que publié dans Informe 2019, p. 21"),
    ] {
        let page = site.get(&format!("/editions/2019?lang={lang}"), None).await;
        assert!(page.body.contains(sentence), "{lang}: {}", page.body);
        assert!(page.body.contains("75\u{a0}%"));
    }
    let page = site.get("/editions/2019?lang=en", None).await;
    assert!(page.body.contains("base: 24 answering cities"));
    // The demonstration's made-up figures say so rather than cite a stand-in.
    assert!(page.body.contains("Made up for the demonstration: not a figure any report published."));
    assert!(!page.body.contains("As published in Illustrative figure"));
    assert!(page.body.contains("reports&#x2f;Informe-2019.pdf\">Informe-2019.pdf</a>"), "{}", page.body);

    let api = site.get("/api/v1/editions/2019/figures", None).await.json();
    let figures = api["figures"].as_array().unwrap();
    let imported = figures.iter().find(|f| f["code"] == "open_data_portal").expect("the imported figure");
    assert_eq!(imported["source"]["page"], 21);
    assert_eq!(imported["value"], serde_json::json!({"kind": "share", "value": 0.75}));
    assert!(figures.iter().any(|f| f["illustrative"] == true), "the demonstration's are marked");

    let report = site.get("/editions/2019/reports/Informe-2019.pdf", None).await;
    assert_eq!(report.status, StatusCode::OK);
    assert_eq!(report.bytes, pdf);
    let etag = report.headers.get(header::ETAG).unwrap().to_str().unwrap().to_string();
    let again = site
        .send(
            Request::builder()
                .method("GET")
                .uri("/editions/2019/reports/Informe-2019.pdf")
                .header(header::IF_NONE_MATCH, &etag),
            None,
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);

    let respondent = site.session(RESPONDENT).await;
    assert_eq!(site.get("/editions/2019/history", Some(&respondent)).await.status, StatusCode::FORBIDDEN);
    let denied = upload(&site, &respondent, "figures", "figures.csv", CSV.as_bytes()).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_later_version_s_open_data_carries_the_earlier_figures_with_their_sources() {
    let site = Site::demo().await;
    let csv = site.get("/editions/2024/v/1/data/past_figures.csv", None).await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut lines = csv.body.lines();
    assert!(
        lines.next().unwrap().starts_with("edition,code,axis,label_en,label_es,label_fr,original,kind,value")
    );
    let sdg11 = csv.body.lines().find(|l| l.contains("sdg11_share")).expect("the 2023 figure");
    assert!(
        sdg11.starts_with("2023,sdg11_share,")
            && sdg11.contains(",share,0.46,")
            && sdg11.contains("deia.eus"),
        "{sdg11}"
    );
    assert!(sdg11.ends_with(",false"), "stated by a source: {sdg11}");
    let package = site.get("/editions/2024/v/1/data/datapackage.json", None).await.json();
    let resources = package["resources"].as_array().unwrap();
    assert!(resources.iter().any(|r| r["name"] == "past_figures"));
}

#[tokio::test]
async fn an_earlier_report_s_figure_stands_beside_the_question_that_continues_it() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let csv = "code,axis,label_es,label_en,label_fr,original,kind,value,unit,base,question,document,page\n\
        living_lab_share,governance,,Cities running a living lab,,en,share,38,,24,has_living_lab,Report 2019,12\n";
    let done = upload(&site, &secretariat, "figures", "figures.csv", csv.as_bytes()).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = site.get("/editions/2024/results?lang=en", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let section = page
        .body
        .split("Figures earlier reports published on the same questions")
        .nth(1)
        .expect("the section");
    let section = section.split("</ul>").next().unwrap();
    assert!(section.contains("2019 · Cities running a living lab: 38\u{a0}%"), "{section}");
    assert!(
        section.contains("base: 24 answering cities")
            && section.contains("As published in Report 2019, p. 12")
    );
    assert!(section.contains("2024 · "), "today's answers beside it: {section}");
    assert!(page.body.contains("not a change measured on the same cities"));
}

#[tokio::test]
async fn one_figure_is_added_and_corrected_from_the_form() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let send = |value: &'static str| {
        let (site, session) = (&site, &secretariat);
        async move {
            let fields = [
                ("csrf", session.csrf.as_str()),
                ("action", "figure"),
                ("code", "smart_lighting"),
                ("original", "es"),
                ("label_es", "Ciudades con alumbrado inteligente"),
                ("axis", "environment"),
                ("kind", "share"),
                ("value", value),
                ("base", "24"),
                ("document", "Informe 2019"),
                ("page", "40"),
            ];
            let (content_type, body) = multipart::form(&fields, None);
            let request = Request::builder()
                .method("POST")
                .uri("/editions/2019/history?lang=es")
                .header(header::COOKIE, &session.cookie)
                .header(header::CONTENT_TYPE, content_type);
            let response = site
                .router
                .clone()
                .oneshot(request.body(axum::body::Body::from(body)).unwrap())
                .await
                .unwrap();
            let status = response.status();
            let bytes = axum::body::to_bytes(response.into_body(), 1 << 24).await.unwrap();
            (status, String::from_utf8_lossy(&bytes).into_owned())
        }
    };
    let (status, body) = send("doce").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("Número, tal como lo da el informe (decimales con punto): no es un número"),
        "{body}"
    );
    assert_eq!(send("41.7").await.0, StatusCode::SEE_OTHER);
    assert_eq!(send("47.1").await.0, StatusCode::SEE_OTHER);
    let page = site.get("/editions/2019?lang=es", None).await;
    assert!(
        page.body.contains("Ciudades con alumbrado inteligente") && page.body.contains("47,1\u{a0}%"),
        "{}",
        page.body
    );
    let page = site.get("/editions/2019/history?lang=es", Some(&secretariat)).await;
    assert!(page.body.contains("corregida una vez"), "the correction is on record");
}
