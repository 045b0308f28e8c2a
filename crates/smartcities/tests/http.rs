//! Every route, in every language, against a real database holding the demonstration data
//! (SQLite, or PostgreSQL when SMARTCITIES_TEST_DATABASE_URL is set).

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use serde_json::Value;
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, router};
use tower::ServiceExt;

struct TestApp {
    _db: TestDatabase,
    store: Store,
    app: Router,
}

async fn spawn_app() -> TestApp {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    TestApp { _db: db, store, app }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl TestApp {
    async fn get_with(&self, uri: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        let response = self.app.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap();
        Answer { status, headers, body: String::from_utf8(bytes.to_vec()).unwrap() }
    }

    async fn get(&self, uri: &str) -> Answer {
        self.get_with(uri, &[]).await
    }
}

const PAGES: &[&str] = &[
    "/",
    "/editions",
    "/editions/2012",
    "/editions/2021",
    "/editions/2023",
    "/members",
    "/members?section=africa",
    "/cities/es-bilbao",
    "/practices",
    "/practices?q=datos&sdg=16",
    "/practices/es-bilbao-municipal-open-data-portal",
];

#[tokio::test]
async fn every_page_answers_in_every_language() {
    let app = spawn_app().await;
    for page in PAGES {
        for (lang, home_word) in [("en", "Home"), ("es", "Inicio"), ("fr", "Accueil")] {
            let separator = if page.contains('?') { '&' } else { '?' };
            let answer = app.get(&format!("{page}{separator}lang={lang}")).await;
            assert_eq!(answer.status, StatusCode::OK, "{page} in {lang}");
            assert!(answer.body.contains(&format!("<html lang=\"{lang}\">")), "{page} in {lang}");
            assert!(answer.body.contains(home_word), "{page} in {lang} lacks {home_word}");
            assert!(answer.body.contains("<main id=\"content\">"), "{page} has a main landmark");
            assert_eq!(answer.body.matches("<h1").count(), 1, "{page} has one h1");
            assert!(!answer.body.contains('\u{2068}'), "{page} has bidi isolation marks");
            assert!(
                !answer.body.contains("sdg-") || page.starts_with("/editions/"),
                "{page} shows a raw key"
            );
        }
    }
}

#[tokio::test]
async fn the_home_page_shows_the_six_axes_in_the_chosen_language() {
    let app = spawn_app().await;
    let es = app.get("/?lang=es").await.body;
    for axis in ["Economía", "Ciudadanía", "Gobernanza", "Movilidad", "Medio ambiente", "Calidad de vida"] {
        assert!(es.contains(&format!("<li>{axis}</li>")), "{axis}");
    }
    let fr = app.get("/?lang=fr").await.body;
    for axis in ["Économie", "Citoyenneté", "Gouvernance", "Mobilité", "Environnement", "Qualité de vie"]
    {
        assert!(fr.contains(&format!("<li>{axis}</li>")), "{axis}");
    }
    let en = app.get("/").await.body;
    assert!(en.contains("<li>Quality of life</li>"));
    assert!(en.contains("47 member cities in 40 countries, across 7 UCLG world sections."), "member counts");
    assert!(en.contains("Demonstration data."), "the demo banner says what is illustrative");
}

#[tokio::test]
async fn language_comes_from_query_then_cookie_then_accept_language() {
    let app = spawn_app().await;
    let chosen = app.get("/editions?lang=fr").await;
    let cookie = chosen.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(cookie.starts_with("lang=fr;") && cookie.contains("SameSite=Lax"), "{cookie}");
    let by_cookie =
        app.get_with("/editions", &[(header::COOKIE, "lang=fr"), (header::ACCEPT_LANGUAGE, "es")]).await;
    assert!(by_cookie.body.contains("<html lang=\"fr\">"));
    let by_header = app.get_with("/editions", &[(header::ACCEPT_LANGUAGE, "es-AR,es;q=0.9,en;q=0.5")]).await;
    assert!(by_header.body.contains("<html lang=\"es\">"));
    assert!(by_header.headers.get(header::SET_COOKIE).is_none(), "only an explicit choice sets the cookie");
    let default = app.get_with("/editions", &[(header::ACCEPT_LANGUAGE, "de")]).await;
    assert!(default.body.contains("<html lang=\"en\">"));
    let switcher = app.get("/members?section=europe&lang=es").await.body;
    assert!(
        switcher.contains(r#"members?section=europe&amp;lang=fr" hreflang="fr""#),
        "the switcher keeps the filter"
    );
}

#[tokio::test]
async fn the_edition_page_shows_the_framework_tree() {
    let app = spawn_app().await;
    let page = app.get("/editions/2021?lang=es").await.body;
    assert!(page.contains("Movilidad y transporte"));
    assert!(page.contains("Impacto de la pandemia en el ámbito"));
    assert!(page.contains("Ninguno · Bajo · Medio · Alto · Muy alto"), "ordinal levels are listed");
    assert!(page.contains("2021-05-31"), "the timeline is shown");
    assert!(page.contains("no como rankings"), "results are not a ranking");
    let page = app.get("/editions/2023?lang=fr").await.body;
    assert!(page.contains("Gouvernance intelligente"));
    assert!(page.contains("ODD 11 – Villes et communautés durables"));
    assert!(page.contains("Prolonge 2012.has_open_data_portal"));
}

#[tokio::test]
async fn the_members_page_maps_and_filters_members() {
    let app = spawn_app().await;
    // The public sees current members: the demonstration's 47 less the 4 that lapsed and the
    // one that left in its renewal round.
    let all = app.get("/members").await.body;
    assert_eq!(all.matches("<circle class=\"city\"").count(), 42);
    assert_eq!(all.matches("<th scope=\"row\">").count(), 42);
    assert!(all.contains("<title id=\"map-title\">Map of member cities</title>"));
    let africa = app.get("/members?section=africa&lang=es").await.body;
    let rows = africa.matches("<th scope=\"row\">").count();
    assert_eq!(rows, 7, "8 African members less Accra, lapsed");
    assert_eq!(africa.matches("<circle class=\"city\"").count(), rows);
    assert!(africa.contains("Dakar") && !africa.contains(">Bilbao<"));
    assert!(africa.contains(r#"<option value="africa" selected>África</option>"#));
    let unknown = app.get("/members?section=atlantis").await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert_eq!(unknown.body.matches("<circle class=\"city\"").count(), 42);
}

#[tokio::test]
async fn the_city_page_shows_registry_and_membership() {
    let app = spawn_app().await;
    let page = app.get("/cities/es-bilbao?lang=es").await.body;
    assert!(page.contains("Bilbao") && page.contains("(Bilbo)"));
    assert!(page.contains("347.342"));
    assert!(page.contains("43,2627° N, 2,9253° O"), "Spanish decimals, and west is oeste");
    let english = app.get("/cities/es-bilbao?lang=en").await.body;
    assert!(english.contains("43.2627° N, 2.9253° W"));
    assert!(page.contains("Activa") && page.contains("ilustrativo"));
    assert!(!page.contains("example.org"), "focal points' e-mails are not published");
}

#[tokio::test]
async fn unknown_pages_are_404_in_the_visitors_language() {
    let app = spawn_app().await;
    for uri in [
        "/nothing-here?lang=es",
        "/editions/1999?lang=es",
        "/editions/nope?lang=es",
        "/cities/xx-nowhere?lang=es",
        "/cities/Bad%20Id?lang=es",
    ] {
        let answer = app.get(uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(answer.body.contains("Página no encontrada"), "{uri}");
    }
}

#[tokio::test]
async fn the_api_lists_the_editions() {
    let app = spawn_app().await;
    let answer = app.get("/api/v1/editions").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/json");
    let body = answer.json();
    let years: Vec<u64> =
        body["editions"].as_array().unwrap().iter().map(|e| e["year"].as_u64().unwrap()).collect();
    assert_eq!(
        years,
        [2012, 2017, 2019, 2021, 2023, 2024, 2025],
        "the five real ones and the demonstration's two"
    );
    let published: Vec<u64> = body["editions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"]["published"] == true)
        .map(|e| e["year"].as_u64().unwrap())
        .collect();
    assert_eq!(
        published,
        [2012, 2017, 2019, 2021, 2023, 2024],
        "the five real editions and the illustrative one"
    );
    assert_eq!(body["editions"][6]["status"]["collection"], "open", "and the demonstration campaign");
    let first = &body["editions"][0];
    assert_eq!(
        first["title"]["es"],
        "Estudio internacional sobre la situación de las TIC, la innovación y el conocimiento en las ciudades"
    );
    assert_eq!(first["focus"], serde_json::json!({"kind": "holistic"}));
    assert_eq!(
        (first["status"]["collection"].as_str(), first["status"]["published"].as_bool()),
        (Some("closed"), Some(true))
    );
    assert_eq!(first["show_rankings"], false);
    assert_eq!(body["editions"][2]["focus"], serde_json::json!({"kind": "axis", "value": "governance"}));
}

#[tokio::test]
async fn the_api_gives_an_edition_with_its_framework_tree() {
    let app = spawn_app().await;
    let body = app.get("/api/v1/editions/2023").await.json();
    assert_eq!(body["year"], 2023);
    assert_eq!(body["framework_version"], 1);
    let axes = body["framework"]["axes"].as_array().unwrap();
    assert_eq!(axes.len(), 6);
    assert_eq!(axes[0]["label"]["es"], "Economía Inteligente");
    assert_eq!(axes[0]["study_axis"], "economy");
    let question = &axes[0]["sub_areas"][0]["questions"][0];
    assert_eq!(question["code"], "has_living_lab");
    assert_eq!(question["kind"], "yes_no");
    assert_eq!(question["sdgs"], serde_json::json!(["9.5", "17.17"]));
    for missing in ["/api/v1/editions/1999", "/api/v1/editions/twenty"] {
        let answer = app.get(missing).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert_eq!(answer.json()["error"]["code"], "not_found");
    }
}

#[tokio::test]
async fn the_api_filters_cities_and_rejects_bad_filters() {
    let app = spawn_app().await;
    let all = app.get("/api/v1/cities").await.json();
    assert_eq!(all["count"], 47);
    let spain = app.get("/api/v1/cities?country=es").await.json();
    let names: Vec<&str> =
        spain["cities"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Barcelona", "Bilbao"]);
    let eurasia = app.get("/api/v1/cities?section=eurasia").await.json();
    assert_eq!(eurasia["count"], 5);
    assert!(eurasia["cities"].as_array().unwrap().iter().all(|c| c["section"] == "eurasia"));
    let both = app.get("/api/v1/cities?country=RU&section=europe").await.json();
    assert_eq!(both["count"], 0);

    let bad = app.get("/api/v1/cities?country=XX").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let error = bad.json();
    assert_eq!(error["error"]["code"], "invalid_parameter");
    assert!(error["error"]["message"].as_str().unwrap().starts_with("country: unknown country code"));
    let bad = app.get("/api/v1/cities?section=oceania").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json()["error"]["message"].as_str().unwrap().contains("unknown UCLG section"));
}

#[tokio::test]
async fn the_api_gives_one_city_with_its_illustrative_membership() {
    let app = spawn_app().await;
    let city = app.get("/api/v1/cities/es-bilbao").await.json();
    assert_eq!(city["id"], "es-bilbao");
    assert_eq!(city["country"], "ES");
    assert_eq!(city["section"], "europe");
    assert_eq!(city["population"]["count"], 347_342);
    assert_eq!(city["location"]["latitude"], 43.26271);
    assert_eq!(city["membership"]["status"], "active");
    assert_eq!(city["membership"]["illustrative"], true);
    assert!(city["membership"].get("focal_points").is_none());
    let missing = app.get("/api/v1/cities/xx-nowhere").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"]["message"], "no city xx-nowhere");
    let nothing = app.get("/api/v1/nothing").await;
    assert_eq!(nothing.status, StatusCode::NOT_FOUND);
    assert_eq!(nothing.json()["error"]["code"], "not_found");
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = spawn_app().await;
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: Vec<&str> = doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    for path in
        ["/api/v1/editions", "/api/v1/editions/{year}", "/api/v1/cities", "/api/v1/cities/{id}", "/healthz"]
    {
        assert!(paths.contains(&path), "{path} missing from {paths:?}");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in
        ["EditionList", "EditionDetail", "CityList", "CityResource", "ErrorBody", "Framework", "City"]
    {
        assert!(schemas.contains_key(schema), "{schema} missing");
    }
    let params = doc["paths"]["/api/v1/cities"]["get"]["parameters"].as_array().unwrap();
    let names: Vec<&str> = params.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["country", "section"]);
}

#[tokio::test]
async fn health_follows_the_database() {
    let app = spawn_app().await;
    let ok = app.get("/healthz").await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.json()["status"], "ok");
    app.store.close().await;
    let down = app.get("/healthz").await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(down.json()["error"]["code"], "unavailable");
}

#[tokio::test]
async fn the_stylesheet_is_served_locally() {
    let app = spawn_app().await;
    let css = app.get("/static/site.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
    let home = app.get("/").await.body;
    assert!(!home.contains("http://") && !home.contains("//cdn"), "no page asset comes from elsewhere");
}
