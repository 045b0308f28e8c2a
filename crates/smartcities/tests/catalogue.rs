//! The good-practice catalogue over HTTP, on the demonstration data: search per language with
//! stemming and optional accents, facet counts that equal the hits, drafts seen only by their
//! city and the secretariat, a proposal's whole life (proposed → returned with a comment →
//! edited → published, every version kept), practices from an accepted questionnaire, comments
//! on a practice in the review, and a second server sharing the database that finds what the
//! first published.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use serde_json::Value;
use smartcities_app::accounts as auth;
use smartcities_domain::{CityId, Email, PracticeStatus};
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

struct Site {
    db: TestDatabase,
    store: Store,
    state: AppState,
    app: Router,
}

async fn site() -> Site {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let state = AppState::new(smartcities_app::App::new(store.clone()));
    let app = router(state.clone());
    Site { db, store, state, app }
}

async fn session(store: &Store, email: &str) -> (String, String) {
    let user = store.accounts().user_by_email(&Email::parse(email).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{}={token}", SESSION_COOKIE), csrf)
}

struct Reply {
    status: StatusCode,
    location: String,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

async fn send(app: &Router, method: &str, uri: &str, cookie: Option<&str>, form: Option<String>) -> Reply {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let body = match form {
        Some(form) => {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(form)
        }
        None => Body::empty(),
    };
    let response = app.clone().oneshot(request.body(body).unwrap()).await.unwrap();
    let status = response.status();
    let location =
        response.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20).await.unwrap();
    Reply { status, location, body: String::from_utf8_lossy(&bytes).replace("&#x2f;", "/") }
}

fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", k, form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()))
        .collect::<Vec<_>>()
        .join("&")
}

/// The ids the API finds for a query, as `cookie` sees them.
async fn found(app: &Router, query: &str, cookie: Option<&str>) -> Vec<String> {
    let reply = send(app, "GET", &format!("/api/v1/practices?{query}"), cookie, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()["practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

const SECRETARIAT: &str = "secretariat@smartcities.example.org";
const LISBON: &str = "digital.office@lisbon.example.org";
const BILBAO: &str = "digital.office@bilbao.example.org";

#[tokio::test]
async fn each_language_is_stemmed_accents_are_optional_and_facets_count_the_hits() {
    let site = site().await;
    let app = &site.app;
    // French: "gouvernance" finds "gouvernance ouverte"; accents optional.
    assert!(
        found(app, "q=gouvernance&lang=fr", None)
            .await
            .contains(&"tr-istanbul-metropolitan-open-data-portal".to_string())
    );
    assert_eq!(
        found(app, "q=donnees+ouvertes", None).await,
        found(app, "q=donn%C3%A9es+ouvertes", None).await
    );
    assert!(
        found(app, "q=donnees+ouvertes", None)
            .await
            .contains(&"tr-istanbul-metropolitan-open-data-portal".to_string())
    );
    // Spanish: a plural and an unaccented word find the accented singular.
    let participation = found(app, "q=participacion&lang=es", None).await;
    assert!(
        participation.contains(&"es-barcelona-free-software-platform-for-citizen-participation".to_string())
    );
    assert!(
        found(app, "q=bicicletas+compartidas", None)
            .await
            .contains(&"tw-taipei-public-bike-sharing-linked-to-the-transit-card".to_string())
    );
    // English: "budgets" finds "participatory budget".
    assert!(
        found(app, "q=budgets", None)
            .await
            .contains(&"pt-lisbon-participatory-budget-of-a-capital-city".to_string())
    );

    // The axis's, goals' and city's names find a practice in each language, though its own
    // text need not say them: "mobilité" finds every mobility practice, "Lisbonne" Lisbon's.
    let total = |query: String| async move {
        send(app, "GET", &format!("/api/v1/practices?{query}"), None, None).await.json()["total"]
            .as_u64()
            .unwrap()
    };
    let mobility = total("axis=mobility".into()).await;
    assert!(mobility > 0);
    for words in ["mobilit%C3%A9&lang=fr", "movilidad&lang=es", "mobility&lang=en"] {
        assert_eq!(total(format!("axis=mobility&q={words}")).await, mobility, "{words} finds every one");
    }
    let sustainable = total("sdg=11".into()).await;
    assert!(sustainable > 0);
    assert_eq!(
        total("sdg=11&q=villes+et+communaut%C3%A9s+durables&lang=fr".into()).await,
        sustainable,
        "an SDG's French name finds its practices"
    );
    // French plurals find the singular's practices: "vélos" as "vélo".
    let bike = found(app, "q=v%C3%A9lo&lang=fr", None).await;
    assert!(!bike.is_empty());
    assert_eq!(found(app, "q=v%C3%A9los&lang=fr", None).await, bike, "the plural finds the same");
    let lisbon_fr = found(app, "q=Lisbonne&lang=fr", None).await;
    assert!(
        !lisbon_fr.is_empty() && lisbon_fr.iter().all(|id| id.starts_with("pt-lisbon-")),
        "{lisbon_fr:?}"
    );

    // Every facet value's count is the number of hits when it is chosen.
    for query in ["", "q=transport", "q=movilidad"] {
        let all = send(app, "GET", &format!("/api/v1/practices?{query}"), None, None).await.json();
        assert!(all["total"].as_u64().unwrap() > 0, "{query}");
        let facets = all["facets"].as_object().unwrap();
        assert!(!facets.contains_key("status"), "statuses are the secretariat's");
        for dimension in ["axis", "sub_area", "sdg", "section", "band", "edition"] {
            assert!(facets.contains_key(dimension), "{dimension} in {query:?}");
        }
        for (dimension, values) in facets {
            for value in values.as_array().unwrap() {
                let (name, count) = (value["value"].as_str().unwrap(), value["count"].as_u64().unwrap());
                let narrowed =
                    send(app, "GET", &format!("/api/v1/practices?{query}&{dimension}={name}"), None, None)
                        .await
                        .json();
                assert_eq!(narrowed["total"].as_u64().unwrap(), count, "{query:?} {dimension}={name}");
            }
        }
    }
    let sdg11 = send(app, "GET", "/api/v1/practices?sdg=11&page=2", None, None).await.json();
    assert_eq!(sdg11["page"], 2);
    assert!(
        sdg11["practices"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["sdgs"].as_array().unwrap().contains(&11.into()))
    );

    // The HTML page shows the same, with highlighted snippets and facet links.
    let page = send(app, "GET", "/practices?q=movilidad&lang=es", None, None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<b>movilidad</b>"), "{}", page.body);
    assert!(page.body.contains("href=\"/practices?q=movilidad&amp;sdg=11\""), "{}", page.body);
    let openapi = send(app, "GET", "/api/openapi.json", None, None).await.json();
    assert!(openapi["paths"]["/api/v1/practices"]["get"]["parameters"].as_array().unwrap().len() >= 8);
}

#[tokio::test]
async fn a_proposal_is_a_draft_until_published_and_every_version_is_kept() {
    let site = site().await;
    let app = &site.app;
    let (lisbon, lisbon_csrf) = session(&site.store, LISBON).await;
    let (bilbao, bilbao_csrf) = session(&site.store, BILBAO).await;
    let (secretariat, csrf) = session(&site.store, SECRETARIAT).await;

    // A form with problems comes back with what was typed and each problem beside its field.
    let bad = send(
        app,
        "POST",
        "/cities/pt-lisbon/practices/new?lang=es",
        Some(&lisbon),
        Some(form(&[("csrf", &lisbon_csrf), ("title", "Plan de movilidad sostenible"), ("sdg", "40")])),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("value=\"Plan de movilidad sostenible\""), "the title typed is kept");
    assert!(bad.body.contains("Elija un objetivo del 1 al 17."), "{}", bad.body);
    assert!(bad.body.contains("id=\"summary-error\""));

    // Bilbao cannot propose for Lisbon.
    let foreign = send(
        app,
        "POST",
        "/cities/pt-lisbon/practices/new",
        Some(&bilbao),
        Some(form(&[("csrf", &bilbao_csrf), ("title", "x")])),
    )
    .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);

    let proposal = [
        ("csrf", lisbon_csrf.as_str()),
        ("title", "Plan de movilidad sostenible para los barrios"),
        ("summary", "Autobuses eléctricos y carriles bici conectan los barrios del este con el centro."),
        ("axis", "mobility"),
        ("sub_area", "sustainable_shared_mobility"),
        ("sdg", "11"),
        ("sdgs", "13"),
        ("targets", "11.2"),
        ("actors", "public"),
        ("budget", "250k_1m"),
        ("links", "https://www.lisboa.pt"),
    ];
    let made =
        send(app, "POST", "/cities/pt-lisbon/practices/new?lang=es", Some(&lisbon), Some(form(&proposal)))
            .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let id = "pt-lisbon-plan-de-movilidad-sostenible-para-los-barrios";
    assert_eq!(made.location, format!("/practices/{id}?proposed"));

    // A draft: its city and the secretariat see it, the public and other cities do not.
    assert!(!found(app, "q=movilidad", None).await.contains(&id.to_string()));
    assert!(!found(app, "q=movilidad", Some(&bilbao)).await.contains(&id.to_string()));
    assert!(found(app, "q=movilidad", Some(&lisbon)).await.contains(&id.to_string()));
    assert!(found(app, "q=movilidad&status=draft", Some(&secretariat)).await.contains(&id.to_string()));
    assert_eq!(send(app, "GET", &format!("/practices/{id}"), None, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        send(app, "GET", &format!("/practices/{id}"), Some(&bilbao), None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(app, "GET", &format!("/api/v1/practices/{id}"), None, None).await.status,
        StatusCode::NOT_FOUND
    );
    let staff = send(app, "GET", "/api/v1/practices?status=draft", Some(&secretariat), None).await.json();
    let drafts = staff["facets"]["status"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == "draft")
        .unwrap()["count"]
        .clone();
    assert_eq!(staff["total"], drafts);

    // Published only with consent; returned with a comment.
    let decide = |decision: &str, version: &str, comment: &str| {
        form(&[("csrf", &csrf), ("decision", decision), ("version", version), ("comment", comment)])
    };
    let no_consent = send(
        app,
        "POST",
        &format!("/practices/{id}/decision?lang=en"),
        Some(&secretariat),
        Some(decide("publish", "1", "")),
    )
    .await;
    assert_eq!(no_consent.status, StatusCode::CONFLICT);
    assert!(no_consent.body.contains("consent"), "{}", no_consent.body);
    let returned = send(
        app,
        "POST",
        &format!("/practices/{id}/decision"),
        Some(&secretariat),
        Some(decide("return", "1", "Add the results and the consent to publish.")),
    )
    .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER);
    let page = send(app, "GET", &format!("/practices/{id}?lang=en"), Some(&lisbon), None).await;
    assert!(page.body.contains("Add the results and the consent to publish."), "the city reads the comment");

    // The city edits in English: a translation of its Spanish original, back to draft.
    let edit_form = send(app, "GET", &format!("/practices/{id}/edit?lang=en"), Some(&lisbon), None).await;
    assert!(edit_form.body.contains("saved as its English translation"), "{}", edit_form.body);
    let mut edited: Vec<(&str, &str)> =
        proposal.iter().copied().filter(|(k, _)| *k != "title" && *k != "summary").collect();
    edited.extend([
        ("title", "Sustainable mobility plan for the neighbourhoods"),
        ("summary", "Electric buses and cycle lanes link the eastern neighbourhoods with the centre."),
        ("results", "More trips by bus and bicycle."),
        ("consent", "yes"),
        ("version", "2"),
    ]);
    let saved =
        send(app, "POST", &format!("/practices/{id}/edit?lang=en"), Some(&lisbon), Some(form(&edited))).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let stale =
        send(app, "POST", &format!("/practices/{id}/edit?lang=en"), Some(&lisbon), Some(form(&edited))).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "an edit based on an old version is refused");

    let published = send(
        app,
        "POST",
        &format!("/practices/{id}/decision"),
        Some(&secretariat),
        Some(decide("publish", "3", "")),
    )
    .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    assert!(
        found(app, "q=movilidad+sostenible", None).await.contains(&id.to_string()),
        "public once published"
    );
    assert!(found(app, "q=sustainable+mobility&lang=en", None).await.contains(&id.to_string()));
    let record = send(app, "GET", &format!("/api/v1/practices/{id}"), None, None).await.json();
    assert_eq!((record["status"].as_str(), record["version"].as_i64()), (Some("published"), Some(4)));
    assert_eq!(record["title"]["original"], "es");
    let versions = site.store.catalogue().practice_versions(&id.parse_id()).await.unwrap();
    let statuses: Vec<PracticeStatus> = versions.iter().map(|v| v.status).collect();
    use PracticeStatus::{Draft, Published, Returned};
    assert_eq!(statuses, [Published, Draft, Returned, Draft], "every version, newest first");
    assert_eq!(versions[2].comment.as_deref(), Some("Add the results and the consent to publish."));

    // A published practice's page: translation marked, related practices with why.
    let page = send(app, "GET", &format!("/practices/{id}?lang=en"), None, None).await.body;
    assert!(page.contains("Translated from Spanish."), "{page}");
    assert!(page.contains("Related practices") && page.contains("Same sub-area"), "{page}");
    let spanish = send(app, "GET", &format!("/practices/{id}?lang=es"), None, None).await.body;
    assert!(
        spanish.contains("Plan de movilidad sostenible para los barrios") && !spanish.contains("Traducida")
    );
    // And the feed carries it.
    let feed = send(app, "GET", "/practices.atom?lang=en", None, None).await.body;
    assert!(feed.contains("Sustainable mobility plan for the neighbourhoods"), "{feed}");
}

trait ParseId {
    fn parse_id(&self) -> smartcities_domain::PracticeId;
}

impl ParseId for &str {
    fn parse_id(&self) -> smartcities_domain::PracticeId {
        smartcities_domain::PracticeId::parse(self).unwrap()
    }
}

#[tokio::test]
async fn practices_of_a_questionnaire_are_reviewed_field_by_field_and_become_drafts_on_acceptance() {
    let site = site().await;
    let app = &site.app;
    let (secretariat, csrf) = session(&site.store, SECRETARIAT).await;

    // Lappeenranta's submitted response: its practices appear field by field, with a comment box each.
    let review = send(app, "GET", "/responses/2025/fi-lappeenranta/review?lang=en", Some(&secretariat), None)
        .await
        .body;
    assert!(review.contains("Good practices in this response"), "{review}");
    assert!(review.contains("name=\"comment.good_practices:1\""));
    assert!(review.contains("<dt>Title of the practice</dt>"));
    let returned = send(
        app,
        "POST",
        "/responses/2025/fi-lappeenranta/decision",
        Some(&secretariat),
        Some(form(&[
            ("csrf", &csrf),
            ("decision", "return"),
            ("comment.good_practices:1", "Say what it achieved."),
        ])),
    )
    .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
    // The city is told by mail, with the comment, in the same transaction as the return.
    let mails = site.store.outbox().due_mail(1_000).await.unwrap();
    let told = mails
        .iter()
        .find(|m| m.recipient == "digital.office@lappeenranta.example.org" && m.subject.contains("returned"))
        .expect("a mail to the city");
    assert!(
        told.body.contains("Say what it achieved.") && told.body.contains("/responses/2025/fi-lappeenranta")
    );
    let (city, _) = session(&site.store, "digital.office@lappeenranta.example.org").await;
    let own =
        send(app, "GET", "/responses/2025/fi-lappeenranta/review?lang=en", Some(&city), None).await.body;
    assert!(own.contains("Say what it achieved."), "the city reads the comment on its practice");

    // Bangkok's accepted: its practices become drafts of the catalogue, for the secretariat.
    let before = site.store.catalogue().catalogue_seq().await.unwrap();
    let accepted = send(
        app,
        "POST",
        "/responses/2025/th-bangkok/decision",
        Some(&secretariat),
        Some(form(&[("csrf", &csrf), ("decision", "accept")])),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let accepted_mail = site.store.outbox().due_mail(1_000).await.unwrap();
    assert!(
        accepted_mail
            .iter()
            .any(|m| m.recipient == "digital.office@bangkok.example.org" && m.subject.contains("accepted")),
        "the city is told its answers were accepted"
    );
    let made = site.store.catalogue().practices_changed_after(before, 100).await.unwrap();
    assert!(!made.is_empty());
    let bangkok = CityId::parse("th-bangkok").unwrap();
    for stored in &made {
        assert_eq!((stored.status, &stored.practice.city), (PracticeStatus::Draft, &bangkok));
        assert!(stored.practice.source.is_some() && !stored.practice.consent);
    }
    let drafts = found(app, "status=draft&section=asia-pacific", Some(&secretariat)).await;
    assert!(made.iter().all(|p| drafts.contains(&p.practice.id.to_string())), "{drafts:?}");
    assert!(found(app, "", None).await.iter().all(|id| made.iter().all(|p| p.practice.id.as_str() != id)));
}

#[tokio::test]
async fn a_second_server_on_the_same_database_finds_a_practice_the_first_published() {
    let site = site().await;
    let second_store = Store::connect(&site.db.url).await.unwrap();
    let second_state = AppState::new(smartcities_app::App::new(second_store));
    let second = router(second_state.clone());
    let query = "q=pocket+parks";
    assert!(found(&second, query, None).await.is_empty(), "a draft of the demonstration");

    let (secretariat, csrf) = session(&site.store, SECRETARIAT).await;
    let id = "th-bangkok-pocket-parks-on-unused-plots";
    let published = send(
        &site.app,
        "POST",
        &format!("/practices/{id}/decision"),
        Some(&secretariat),
        Some(form(&[("csrf", &csrf), ("decision", "publish"), ("version", "1")])),
    )
    .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);
    assert_eq!(found(&site.app, query, None).await, [id], "the first server at once");

    // The second server follows the database's change sequence (its background loop does this
    // every half second).
    assert_eq!(second_state.app.sync_catalogue().await.unwrap(), 1);
    assert_eq!(found(&second, query, None).await, [id]);
    assert_eq!(site.state.app.sync_catalogue().await.unwrap(), 0, "nothing left to apply");
}

#[tokio::test]
async fn the_secretariat_keeps_search_synonyms_per_language_on_the_web() {
    let site = site().await;
    let app = &site.app;
    let (cookie, csrf) = session(&site.store, "secretariat@smartcities.example.org").await;
    let list = send(app, "GET", "/practices?lang=es", Some(&cookie), None).await;
    assert!(list.body.contains("href=\"/practices/synonyms\""), "the staff's link");
    assert!(!send(app, "GET", "/practices?lang=es", None, None).await.body.contains("/practices/synonyms"));
    assert_ne!(send(app, "GET", "/practices/synonyms", None, None).await.status, StatusCode::OK);
    let page = send(app, "GET", "/practices/synonyms?lang=fr", Some(&cookie), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("name=\"groups\"") && page.body.contains("id=\"groups-es\""));

    let bad = format!("csrf={csrf}&lang=fr&groups=v%C3%A9lo%2C+bicyclette%0Acyclisme");
    let refused = send(app, "POST", "/practices/synonyms?lang=fr", Some(&cookie), Some(bad)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"groups-fr-error\">Ligne 2"), "{}", refused.body);
    assert!(refused.body.contains("cyclisme</textarea>"), "the groups come back as typed");

    let before = found(app, "q=bicyclette&lang=fr", None).await;
    assert!(before.is_empty(), "no practice says bicyclette");
    let good = format!("csrf={csrf}&lang=fr&groups=v%C3%A9lo%2C+bicyclette");
    let saved = send(app, "POST", "/practices/synonyms", Some(&cookie), Some(good)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(found(app, "q=bicyclette&lang=fr", None).await, found(app, "q=v%C3%A9lo&lang=fr", None).await);
    assert!(!found(app, "q=bicyclette&lang=fr", None).await.is_empty());
}

#[tokio::test]
async fn the_practice_form_offers_sub_areas_by_axis_and_reads_targets_as_typed() {
    let site = site().await;
    let app = &site.app;
    let (lisbon, csrf) = session(&site.store, LISBON).await;
    let optgroups = |body: &str| -> Vec<(String, Vec<String>)> {
        let select = body.split("id=\"f-sub_area\"").nth(1).unwrap().split("</select>").next().unwrap();
        select
            .split("<optgroup ")
            .skip(1)
            .map(|group| {
                let axis = group.split("data-axis=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
                let labels = group
                    .split("<option ")
                    .skip(1)
                    .map(|o| o.split('>').nth(1).unwrap().split('<').next().unwrap().to_string())
                    .collect();
                (axis, labels)
            })
            .collect()
    };
    // A blank form: every axis's sub-areas in their own group, each name once per group.
    let blank = send(app, "GET", "/cities/pt-lisbon/practices/new?lang=es", Some(&lisbon), None).await;
    let groups = optgroups(&blank.body);
    assert!(groups.len() >= 5, "{groups:?}");
    for (axis, labels) in &groups {
        let mut unique = labels.clone();
        unique.dedup();
        assert_eq!(&unique, labels, "{axis}: a name listed twice");
        assert!(!labels.is_empty());
    }
    assert!(
        blank.body.contains("/static/practice-form.js"),
        "the script narrows the list as the axis changes"
    );
    let script = send(app, "GET", "/static/practice-form.js", None, None).await;
    assert_eq!(script.status, StatusCode::OK);

    // Coming back with a problem, the form lists the chosen axis's sub-areas only; the target
    // typed with a decimal comma and a goal not ticked is read, not refused.
    let typed = [
        ("csrf", csrf.as_str()),
        ("title", "Carriles bici en los barrios"),
        ("axis", "mobility"),
        ("sdg", "11"),
        ("targets", "11,2; 13.2"),
    ];
    let back =
        send(app, "POST", "/cities/pt-lisbon/practices/new?lang=es", Some(&lisbon), Some(form(&typed))).await;
    assert_eq!(back.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(back.body.contains("Proponer una práctica de Lisboa"), "the city is named in Spanish");
    let groups = optgroups(&back.body);
    assert_eq!(groups.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(), ["mobility"]);
    assert!(back.body.contains("id=\"summary-error\""), "the summary is missing");
    assert!(!back.body.contains("id=\"targets-error\""), "{}", back.body);
    let mut proposal = typed.to_vec();
    proposal.push(("summary", "Carriles protegidos unen los barrios con el centro."));
    let made =
        send(app, "POST", "/cities/pt-lisbon/practices/new?lang=es", Some(&lisbon), Some(form(&proposal)))
            .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let id = made.location.trim_start_matches("/practices/").split('?').next().unwrap().to_string();
    let api = send(app, "GET", &format!("/api/v1/practices/{id}"), Some(&lisbon), None).await.json();
    assert_eq!(api["targets"], serde_json::json!(["11.2", "13.2"]), "{api}");
    assert_eq!(api["sdgs"], serde_json::json!([11, 13]), "goal 13 follows its target");
}
