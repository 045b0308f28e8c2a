//! Answering as a respondent sees it: each autosave answers with the questions relevant now and
//! the problems of the answers, by field; refused answers are named field by field; numbers take
//! the page language's decimal separator and are shown with it.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use serde_json::Value;
use smartcities_app::accounts as auth;
use smartcities_domain::{CityId, EditionYear, Email};
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

const RESPONDENT: &str = "digital.office@lisbon.example.org";
const BASE: &str = "/responses/2025/pt-lisbon/groups";

async fn session(store: &Store) -> (String, String) {
    let user = store.accounts().user_by_email(&Email::parse(RESPONDENT).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{}={token}", SESSION_COOKIE), csrf)
}

/// Posts a page's fields as autosave does; answers (status, JSON body).
async fn autosave(router: &Router, cookie: &str, path: &str, form: String) -> (StatusCode, Value) {
    let request = Request::post(path)
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap();
    (status, serde_json::from_slice(&body).unwrap())
}

async fn page(router: &Router, cookie: &str, path: &str) -> String {
    let request = Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let body = axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap();
    String::from_utf8_lossy(&body).into_owned()
}

#[tokio::test]
async fn autosave_answers_with_relevance_and_problems_by_field_and_reads_decimal_commas() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let router = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, csrf) = session(&store).await;
    let year = EditionYear::new(2025).unwrap();
    let lisbon = CityId::parse("pt-lisbon").unwrap();
    let revision = || async { store.answering().response(year, &lisbon).await.unwrap().unwrap().revision };

    // A follow-up is on the page from the start, hidden and not submitted until its condition holds.
    let economy = page(&router, &cookie, &format!("{BASE}/smart_economy?lang=es")).await;
    let follow_up =
        economy.split("data-field=\"cpi_description\"").nth(1).expect("the follow-up is rendered");
    assert!(follow_up.starts_with(" hidden>"), "{}", &follow_up[..80]);

    let form = |uses: &str, revision: smartcities_domain::Revision| {
        format!(
            "csrf={csrf}&revision={revision}&shown=uses_cpi&uses_cpi={uses}&shown=pilots_last_2y&pilots_last_2y=4"
        )
    };
    let (status, yes) =
        autosave(&router, &cookie, &format!("{BASE}/smart_economy?lang=es"), form("yes", revision().await))
            .await;
    assert_eq!(status, StatusCode::OK, "{yes}");
    assert_eq!(yes["relevant"]["cpi_description"], true);
    assert_eq!(yes["relevant"]["uses_cpi"], true);
    assert!(yes["problems"].as_object().unwrap().is_empty(), "{yes}");
    let (_, no) =
        autosave(&router, &cookie, &format!("{BASE}/smart_economy?lang=es"), form("no", revision().await))
            .await;
    assert_eq!(no["relevant"]["cpi_description"], false);

    // The history speaks in words: choice labels, numbers and times as Spanish writes them.
    let history = page(&router, &cookie, "/responses/2025/pt-lisbon/history?lang=es").await;
    assert!(history.contains("<td>Sí</td>") && history.contains("<td>No</td>"), "{history}");
    assert!(!history.contains("<td>yes</td>") && history.contains(" UTC</time>"));
    assert!(history.contains(" de 20"), "a long Spanish date");

    // A word for a number is refused by field, in the page's language, and nothing is written.
    let before = store.answering().answers(year, &lisbon).await.unwrap();
    let (status, refused) = autosave(
        &router,
        &cookie,
        &format!("{BASE}/smart_economy?lang=es"),
        format!("csrf={csrf}&revision={}&shown=pilots_last_2y&pilots_last_2y=doce", revision().await),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let message = refused["problems"]["pilots_last_2y"].as_str().expect("the refused field is named");
    assert!(message.contains("entero"), "{message}");
    assert_eq!(store.answering().answers(year, &lisbon).await.unwrap(), before);

    // A decimal comma on a Spanish page is a decimal point in the data, and a comma again on the page.
    let (status, saved) = autosave(
        &router,
        &cookie,
        &format!("{BASE}/new_mobility?lang=es"),
        format!("csrf={csrf}&revision={}&shown=bike_lane_km&bike_lane_km=12%2C5", revision().await),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let stored = store.answering().answers(year, &lisbon).await.unwrap();
    assert_eq!(stored.iter().find(|a| a.question == "bike_lane_km").unwrap().value, "12.5");
    let mobility = page(&router, &cookie, &format!("{BASE}/new_mobility?lang=fr")).await;
    assert!(mobility.contains("value=\"12,5\""), "French shows a decimal comma");
    let english = page(&router, &cookie, &format!("{BASE}/new_mobility?lang=en")).await;
    assert!(english.contains("value=\"12.5\""));
    // Types a number for the bike lanes on a page in `lang`: the status and the reply.
    let type_km = |lang: &'static str, typed: &'static str| {
        let (router, cookie, csrf) = (&router, &cookie, &csrf);
        async move {
            let form = format!(
                "csrf={csrf}&revision={}&shown=bike_lane_km&bike_lane_km={}",
                revision().await,
                form_urlencoded::byte_serialize(typed.as_bytes()).collect::<String>()
            );
            autosave(router, cookie, &format!("{BASE}/new_mobility?lang={lang}"), form).await
        }
    };
    let stored_km = || async {
        let stored = store.answering().answers(year, &lisbon).await.unwrap();
        stored.iter().find(|a| a.question == "bike_lane_km").unwrap().value.clone()
    };
    // Thousands separators of each language are read too.
    for (lang, typed, expected) in
        [("es", "1.250,5", "1250.5"), ("en", "1,250.5", "1250.5"), ("fr", "1 250", "1250")]
    {
        let (status, body) = type_km(lang, typed).await;
        assert_eq!(status, StatusCode::OK, "{lang} {typed}: {body}");
        assert_eq!(stored_km().await, expected, "{lang} {typed}");
    }
    // A mark that could group thousands or start decimals is refused, in the page's language,
    // and the stored answer stays as it was.
    for (lang, typed, says) in [("es", "45.000", "tres cifras"), ("en", "1,234", "three digits")] {
        let (status, body) = type_km(lang, typed).await;
        assert_eq!(status, StatusCode::CONFLICT, "{lang} {typed}");
        let message = body["problems"]["bike_lane_km"].as_str().expect("refused by field");
        assert!(message.contains(says), "{lang}: {message}");
        assert_eq!(stored_km().await, "1250");
    }
}

#[tokio::test]
async fn the_overview_gives_the_deadline_and_instructions_and_submitting_confirms_what_comes_next() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let router = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, _) = session(&store).await;
    let overview = page(&router, &cookie, "/responses/2025/pt-lisbon?lang=es").await;
    assert!(overview.contains("Plazo: 30 de junio de 2027"), "{overview}");
    assert!(overview.contains("Cómo responder"));
    // A submitted response's confirmation page; any other status is sent to the overview.
    let other = Request::get("/responses/2025/pt-lisbon/submitted")
        .header(header::COOKIE, &cookie)
        .body(Body::empty())
        .unwrap();
    assert_eq!(router.clone().oneshot(other).await.unwrap().status(), StatusCode::SEE_OTHER);
    let user = store
        .accounts()
        .user_by_email(&Email::parse("digital.office@lappeenranta.example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    let token = auth::new_token();
    store.accounts().create_session(&auth::token_hash(&token), &user.id, "csrf", 3600).await.unwrap();
    let lappeenranta = format!("{}={token}", SESSION_COOKIE);
    let confirmation =
        page(&router, &lappeenranta, "/responses/2025/fi-lappeenranta/submitted?lang=fr").await;
    assert!(
        confirmation.contains("La suite") && confirmation.contains("jamais un classement"),
        "{confirmation}"
    );
}

#[tokio::test]
async fn a_refused_decision_shows_the_review_again_with_the_comments_typed() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let router = router(AppState::new(smartcities_app::App::new(store.clone())));
    let user = store
        .accounts()
        .user_by_email(&Email::parse("secretariat@smartcities.example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    let token = auth::new_token();
    store.accounts().create_session(&auth::token_hash(&token), &user.id, "csrf-token", 3600).await.unwrap();
    let cookie = format!("{}={token}", SESSION_COOKIE);
    let too_long = "x".repeat(20_001);
    let form = format!(
        "csrf=csrf-token&decision=return&comment.pilots_last_2y=Count+only+public+pilots&comment.has_living_lab={too_long}"
    );
    let request = Request::post("/responses/2025/fi-lappeenranta/decision?lang=es")
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let page = String::from_utf8_lossy(&axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap())
        .into_owned();
    assert!(page.contains(">Count only public pilots</textarea>"), "the comment typed is kept");
    assert!(page.contains("class=\"error\" role=\"alert\""), "the reason is on the page");
    assert!(page.contains("<h1>Revisión de las respuestas de Lappeenranta</h1>"), "in the signed-in layout");
    let status = store
        .answering()
        .response(EditionYear::new(2025).unwrap(), &CityId::parse("fi-lappeenranta").unwrap())
        .await
        .unwrap()
        .unwrap()
        .status;
    assert_eq!(status, smartcities_domain::ResponseStatus::Submitted, "nothing was decided");
}

#[tokio::test]
async fn a_question_not_translated_into_the_page_language_shows_its_original_marked() {
    let (_db, store) = TestDatabase::migrated().await;
    let app = smartcities_app::App::new(store.clone());
    app.load_demo(&smartcities_app::Silent).await.unwrap();
    let year = EditionYear::new(2025).unwrap();
    let (version, mut questionnaire) = app.questionnaire(year).await.unwrap();
    let question = questionnaire.question_mut("pilots_last_2y").unwrap();
    question.label.0.retain(|lang, _| *lang == smartcities_domain::Lang::Es);
    let spanish = question.label.0[&smartcities_domain::Lang::Es].clone();
    app.edit_questionnaire(year, version, &questionnaire, None, "test").await.unwrap();
    let router = router(AppState::new(app));
    let (cookie, _) = session(&store).await;
    let french = page(&router, &cookie, &format!("{BASE}/smart_economy?lang=fr")).await;
    let block = french.split("data-field=\"pilots_last_2y\"").nth(1).unwrap();
    let label = block.split("</label>").next().unwrap();
    assert!(label.contains(&format!("<span lang=\"es\">{spanish}</span>")), "{label}");
    assert!(label.contains("Original en espagnol"), "{label}");
    // A question translated into French is shown in French, unmarked.
    let other = french.split("data-field=\"uses_cpi\"").nth(1).unwrap().split("</legend>").next().unwrap();
    assert!(other.contains("<span lang=\"fr\">") && !other.contains("Original en"), "{other}");
}

#[tokio::test]
async fn without_javascript_a_refused_answer_is_kept_as_typed_and_the_others_are_saved() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let router = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, csrf) = session(&store).await;
    let (year, lisbon) = (EditionYear::new(2025).unwrap(), CityId::parse("pt-lisbon").unwrap());
    let revision = store.answering().response(year, &lisbon).await.unwrap().unwrap().revision;
    let uses_cpi = || async {
        let stored = store.answering().answers(year, &lisbon).await.unwrap();
        stored.iter().find(|a| a.question == "uses_cpi").map(|a| a.value.as_str().to_string())
    };
    let answer = if uses_cpi().await.as_deref() == Some("yes") { "no" } else { "yes" };
    // Two fields of one page: a valid answer that changes, and a word where a whole number is asked.
    let form = format!(
        "csrf={csrf}&revision={revision}&shown=uses_cpi&uses_cpi={answer}&shown=pilots_last_2y&pilots_last_2y=doce+pilotos"
    );
    let request = Request::post(format!("{BASE}/smart_economy?lang=es"))
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap();
    let html = String::from_utf8_lossy(&body);
    // The refused value is on the page as typed, its problem beside it, in Spanish.
    let block = html.split("data-field=\"pilots_last_2y\"").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(block.contains("value=\"doce pilotos\""), "{block}");
    let problem = block.split("id=\"e-pilots_last_2y\"").nth(1).unwrap();
    assert!(problem.contains("entero") && !problem.starts_with(" data-problem hidden"), "{problem}");
    assert!(html.contains("Una respuesta no se ha guardado"), "the page says one answer was kept aside");
    assert!(html.contains("2025 · Lisboa</a>"), "the city is named in Spanish");
    let me = page(&router, &cookie, "/me?lang=fr").await;
    assert!(me.contains("Lisbonne") && !me.contains(">Lisbon<"), "the account page names the city in French");
    // The other answer was saved.
    assert_eq!(uses_cpi().await.as_deref(), Some(answer));
    let stored = store.answering().answers(year, &lisbon).await.unwrap();
    assert!(stored.iter().all(|a| a.question != "pilots_last_2y" || a.value.as_str() != "doce pilotos"));
    let uses = html.split("data-field=\"uses_cpi\"").nth(1).unwrap().split("</fieldset>").next().unwrap();
    assert!(uses.contains(&format!("value=\"{answer}\" checked")), "{uses}");
}

#[tokio::test]
async fn dont_know_and_a_note_are_saved_from_the_form_and_the_reviewer_reads_the_note() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let router = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, csrf) = session(&store).await;
    let (year, lisbon) = (EditionYear::new(2025).unwrap(), CityId::parse("pt-lisbon").unwrap());
    let revision = || async { store.answering().response(year, &lisbon).await.unwrap().unwrap().revision };
    let pilots = || async {
        let stored = store.answering().answers(year, &lisbon).await.unwrap();
        stored.iter().find(|a| a.question == "pilots_last_2y").map(|a| a.value.to_string())
    };
    let before = pilots().await;
    let post = |form: String| {
        let request = Request::post(format!("{BASE}/smart_economy?lang=es"))
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .unwrap();
        router.clone().oneshot(request)
    };

    // The page offers both boxes beside the number, and a note box.
    let form_page = page(&router, &cookie, &format!("{BASE}/smart_economy?lang=es")).await;
    let block =
        form_page.split("data-field=\"pilots_last_2y\"").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(
        block.contains("value=\"~dont_know\"> No sabe")
            && block.contains("value=\"~not_applicable\"> No aplica"),
        "{block}"
    );
    assert!(block.contains("name=\"note:pilots_last_2y\""), "{block}");

    // Without JavaScript: a figure typed and "don't know" ticked is for the respondent to settle;
    // both stay on the page as given, and the note typed with them is kept.
    let note = "Dato+de+2022%3B+el+de+2024+a%C3%BAn+no+se+ha+publicado";
    let form = format!(
        "csrf={csrf}&revision={}&shown=pilots_last_2y&pilots_last_2y=12&pilots_last_2y=%7Edont_know&note%3Apilots_last_2y={note}",
        revision().await
    );
    let response = post(form).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = String::from_utf8_lossy(&axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap())
        .into_owned();
    let block = html.split("data-field=\"pilots_last_2y\"").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(block.contains("value=\"12\""), "{block}");
    assert!(block.contains("value=\"~dont_know\" checked"), "{block}");
    assert!(block.contains("no ambas"), "{block}");
    assert!(block.contains("Dato de 2022; el de 2024 aún no se ha publicado</textarea>"), "{block}");
    assert_eq!(pilots().await, before, "the figure was not guessed");

    // "Don't know" alone is an answer: saved, shown ticked with the number box empty.
    let form = format!(
        "csrf={csrf}&revision={}&shown=pilots_last_2y&pilots_last_2y=&pilots_last_2y=%7Edont_know&note%3Apilots_last_2y={note}",
        revision().await
    );
    let response = post(form).await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(pilots().await.as_deref(), Some("~dont_know"));
    let shown = page(&router, &cookie, &format!("{BASE}/smart_economy?lang=fr")).await;
    let block = shown.split("data-field=\"pilots_last_2y\"").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(
        block.contains("value=\"\"") && block.contains("value=\"~dont_know\" checked> Ne sait pas"),
        "{block}"
    );
    assert!(block.contains("<details class=\"answer-note\" open>"), "{block}");
    let notes = store.answering().answer_notes(year, &lisbon).await.unwrap();
    assert_eq!(notes[0].note, "Dato de 2022; el de 2024 aún no se ha publicado");

    // The secretariat's review shows the answer in words and the city's note beside it.
    let secretariat = store
        .accounts()
        .user_by_email(&Email::parse("secretariat@smartcities.example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    let token = auth::new_token();
    store
        .accounts()
        .create_session(&auth::token_hash(&token), &secretariat.id, &auth::new_token(), 3600)
        .await
        .unwrap();
    let review =
        page(&router, &format!("{SESSION_COOKIE}={token}"), "/responses/2025/pt-lisbon/review?lang=en").await;
    let line = review.split("Don&#x27;t know").nth(1).map(|rest| rest.split("</dd>").next().unwrap_or(""));
    let line = line.unwrap_or_else(|| panic!("the non-answer in words"));
    assert!(line.contains("The city&#x27;s note") && line.contains("Dato de 2022"), "{line}");
}
