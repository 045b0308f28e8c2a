//! What a careless user or an attacker tries: answers outside an open edition or for a city
//! not invited, made-up pages and entries, wrong types through autosave, old links, sessions
//! that outlive a password change, weak passwords, sign-in floods, redirects to other sites.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::accounts as auth;
use smartcities_domain::{CityId, EditionYear, Email};
use smartcities_store::{LinkPurpose, Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

struct Site {
    _db: TestDatabase,
    store: Store,
    router: Router,
}

async fn site() -> Site {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let router = router(
        AppState::new(smartcities_app::App::new(store.clone()))
            .with_public_url(Some("https://study.example.org".into())),
    );
    Site { _db: db, store, router }
}

async fn session(store: &Store, email: &str) -> (String, String) {
    let user = store.accounts().user_by_email(&Email::parse(email).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{SESSION_COOKIE}={token}"), csrf)
}

struct Reply {
    status: StatusCode,
    location: Option<String>,
    cookies: Vec<String>,
    body: String,
}

async fn send(router: &Router, method: &str, uri: &str, cookie: Option<&str>, form: Option<String>) -> Reply {
    send_with(router, method, uri, cookie, form, None).await
}

async fn send_with(
    router: &Router,
    method: &str,
    uri: &str,
    cookie: Option<&str>,
    form: Option<String>,
    accept: Option<&str>,
) -> Reply {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT, accept);
    }
    let body = match form {
        Some(form) => {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(form)
        }
        None => Body::empty(),
    };
    let response = router.clone().oneshot(request.body(body).unwrap()).await.unwrap();
    let status = response.status();
    let location = response.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_string());
    let cookies = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20).await.unwrap();
    Reply { status, location, cookies, body: String::from_utf8_lossy(&bytes).into_owned() }
}

/// A form page's token and the cookie that goes with it.
async fn form_token(router: &Router, uri: &str) -> (String, String) {
    let page = send(router, "GET", uri, None, None).await;
    let cookie = page
        .cookies
        .iter()
        .find(|c| c.starts_with("sc_form="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let marker = "name=\"form_token\" value=\"";
    let start = page.body.find(marker).unwrap() + marker.len();
    (page.body[start..start + 32].to_string(), cookie)
}

const LISBON: &str = "pt-lisbon";
const RESPONDENT: &str = "digital.office@lisbon.example.org";

#[tokio::test]
async fn answers_go_only_to_an_open_edition_and_an_invited_city() {
    let site = site().await;
    let (cookie, csrf) = session(&site.store, RESPONDENT).await;
    let lisbon = CityId::parse(LISBON).unwrap();

    // Opening a response of a published edition the city was not invited to writes nothing.
    let page = send(&site.router, "GET", "/responses/2012/pt-lisbon", Some(&cookie), None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let page =
        send(&site.router, "GET", "/responses/2023/pt-lisbon/groups/smart_economy", Some(&cookie), None)
            .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    for year in [2012, 2023] {
        assert!(
            site.store
                .answering()
                .response(EditionYear::new(year).unwrap(), &lisbon)
                .await
                .unwrap()
                .is_none()
        );
    }
    // Saving there is refused, and writes nothing either.
    let form = format!("csrf={csrf}&revision=0&shown=has_s3_strategy&has_s3_strategy=yes");
    let saved =
        send(&site.router, "POST", "/responses/2012/pt-lisbon/groups/economy", Some(&cookie), Some(form))
            .await;
    assert_eq!(saved.status, StatusCode::NOT_FOUND);
    assert!(
        site.store.answering().response(EditionYear::new(2012).unwrap(), &lisbon).await.unwrap().is_none()
    );
    // The use case says why: the edition is closed; and in an open edition, the city must be invited.
    let app = smartcities_app::App::new(site.store.clone());
    let user =
        site.store.accounts().user_by_email(&Email::parse(RESPONDENT).unwrap()).await.unwrap().unwrap();
    let change = smartcities_store::AnswerChange {
        question: "has_s3_strategy".into(),
        entry: None,
        value: Some("yes".into()),
    };
    let closed = app
        .save_answers(
            &user,
            EditionYear::new(2012).unwrap(),
            &lisbon,
            smartcities_domain::Revision::new(0),
            std::slice::from_ref(&change),
            smartcities_domain::Lang::En,
        )
        .await
        .unwrap_err();
    assert_eq!(closed.to_string(), "The 2012 edition no longer takes answers.");
    site.store
        .study()
        .plan_edition(
            EditionYear::new(2027).unwrap(),
            &smartcities_domain::Localized { en: "2027".into(), es: "2027".into(), fr: "2027".into() },
        )
        .await
        .unwrap();
    app.open_campaign(
        EditionYear::new(2027).unwrap(),
        smartcities_domain::ApproxDate::parse("2027-06-30").unwrap(),
    )
    .await
    .unwrap();
    let uninvited = app
        .save_answers(
            &user,
            EditionYear::new(2027).unwrap(),
            &lisbon,
            smartcities_domain::Revision::new(0),
            &[change],
            smartcities_domain::Lang::En,
        )
        .await
        .unwrap_err();
    assert_eq!(uninvited.to_string(), "This city was not invited to this edition.");

    // The respondent's page lists only the editions the city was invited to.
    let me = send(&site.router, "GET", "/me", Some(&cookie), None).await;
    assert!(
        me.body.contains("/responses/2025/pt-lisbon") && !me.body.contains("/responses/2012/"),
        "{}",
        me.body
    );
}

#[tokio::test]
async fn made_up_keys_and_wrong_types_are_refused_and_nothing_breaks() {
    let site = site().await;
    let (cookie, csrf) = session(&site.store, RESPONDENT).await;
    let year = EditionYear::new(2025).unwrap();
    let lisbon = CityId::parse(LISBON).unwrap();
    let before = site.store.answering().answers(year, &lisbon).await.unwrap();
    let base = "/responses/2025/pt-lisbon/groups";
    let post = |group: &str, form: String| {
        let uri = format!("{base}/{group}?lang=en");
        let cookie = cookie.clone();
        let router = site.router.clone();
        async move { send(&router, "POST", &uri, Some(&cookie), Some(form)).await }
    };
    // An entry id that would wrap around, a made-up group and a made-up question.
    let huge = post(
        "good_practices",
        format!("csrf={csrf}&revision=0&shown=18446744073709551615.gp_title&18446744073709551615.gp_title=x"),
    )
    .await;
    assert_eq!(huge.status, StatusCode::CONFLICT, "{}", huge.body);
    let made_up =
        post("made_up", format!("csrf={csrf}&revision=0&shown=has_living_lab&has_living_lab=yes")).await;
    assert_eq!(made_up.status, StatusCode::NOT_FOUND);
    let unknown = post("smart_economy", format!("csrf={csrf}&revision=0&shown=no_such&no_such=1")).await;
    assert_eq!(unknown.status, StatusCode::SEE_OTHER, "unknown fields of a form are ignored, not stored");
    // A wrong type through autosave is refused with the question's message.
    let autosave = send_with(
        &site.router,
        "POST",
        &format!("{base}/smart_economy?lang=en"),
        Some(&cookie),
        Some(format!("csrf={csrf}&revision=0&shown=pilots_last_2y&pilots_last_2y=abc")),
        Some("application/json"),
    )
    .await;
    assert_eq!(autosave.status, StatusCode::CONFLICT, "{}", autosave.body);
    assert!(autosave.body.contains("whole number"), "{}", autosave.body);
    // Nothing of it was written, and every page still works.
    assert_eq!(site.store.answering().answers(year, &lisbon).await.unwrap(), before);
    for page in ["", "/review", "/print", "/history", "/groups/good_practices"] {
        let reply =
            send(&site.router, "GET", &format!("/responses/2025/pt-lisbon{page}"), Some(&cookie), None).await;
        assert_eq!(reply.status, StatusCode::OK, "{page}");
    }
}

#[tokio::test]
async fn setting_a_password_ends_every_other_link_and_session() {
    let site = site().await;
    let user =
        site.store.accounts().user_by_email(&Email::parse(RESPONDENT).unwrap()).await.unwrap().unwrap();
    let app = smartcities_app::App::new(site.store.clone()).with_public_url(Some(String::new()));
    // Two links mailed one after the other: only the newer works.
    let older = app.new_link(&user, LinkPurpose::Invitation).await.unwrap();
    let newer = app.new_link(&user, LinkPurpose::Invitation).await.unwrap();
    assert_eq!(send(&site.router, "GET", &older, None, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&site.router, "GET", &newer, None, None).await.status, StatusCode::OK);
    // A session opened before the password is set ends when it is set.
    let (old_session, _) = session(&site.store, RESPONDENT).await;
    assert_eq!(send(&site.router, "GET", "/me", Some(&old_session), None).await.status, StatusCode::OK);
    let (token, cookie) = form_token(&site.router, &newer).await;
    // Weak passwords are refused first, each with its reason.
    for (weak, reason) in [
        ("          ", "repeats"),
        ("pass%07word%07here", "control characters"),
        ("Password123!", "common password"),
        ("lisbon2025!!", "your name, address or city"),
    ] {
        let form = format!("form_token={token}&password={weak}&password_again={weak}");
        let refused = send(&site.router, "POST", &newer, Some(&cookie), Some(form)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{weak}");
        assert!(refused.body.contains(reason), "{weak}: {}", refused.body);
    }
    let nul = format!("form_token={token}&password=pass%00word%00here&password_again=pass%00word%00here");
    let refused = send(&site.router, "POST", &newer, Some(&cookie), Some(nul)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "a NUL never reaches the password policy");
    let megabyte = "x".repeat(1 << 20);
    let form = format!("form_token={token}&password={megabyte}&password_again=x");
    let refused = send(&site.router, "POST", &newer, Some(&cookie), Some(form)).await;
    assert!(refused.body.contains("at most 128 characters"));
    let (token, cookie) = form_token(&site.router, &newer).await;
    let form = format!("form_token={token}&password=tram+28+to+Graca&password_again=tram+28+to+Graca");
    let set = send(&site.router, "POST", &newer, Some(&cookie), Some(form)).await;
    assert_eq!((set.status, set.location.as_deref()), (StatusCode::SEE_OTHER, Some("/me")));
    let after = send(&site.router, "GET", "/me", Some(&old_session), None).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER, "the old session is over");
    assert_eq!(send(&site.router, "GET", &newer, None, None).await.status, StatusCode::NOT_FOUND, "used up");
    // A new demonstration run issues no link for an account that has its password.
    let loaded =
        smartcities_app::App::new(site.store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    assert!(!loaded.links.iter().any(|(who, _)| who == "Respondent for Lisbon"), "{:?}", loaded.links);
    assert!(loaded.links.iter().any(|(who, _)| who == "Secretariat"));
}

#[tokio::test]
async fn the_throttle_counts_failures_only_and_costs_no_write_when_it_refuses() {
    let site = site().await;
    let app = smartcities_app::App::new(site.store.clone());
    let secretariat = site
        .store
        .accounts()
        .user_by_email(&Email::parse("secretariat@smartcities.example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    site.store
        .accounts()
        .set_password_hash(&secretariat.id, &auth::hash_password("a long secret phrase"))
        .await
        .unwrap();
    let client = auth::Client { address: Some("198.51.100.7".parse().unwrap()) };
    // Many successful sign-ins from one address (a proxy, an office) lock nothing.
    for _ in 0..25 {
        app.sign_in("secretariat@smartcities.example.org", "a long secret phrase", client).await.unwrap();
    }
    // Five failures lock the account; the refused attempts after them write nothing.
    for _ in 0..5 {
        let failed = app.sign_in("analyst@smartcities.example.org", "guess", client).await.unwrap_err();
        assert_eq!(failed.to_string(), "The e-mail address or the password is not right.");
    }
    let keys = vec!["account:analyst@smartcities.example.org".to_string()];
    let since =
        smartcities_domain::Clock::now(&smartcities_domain::SystemClock).plus_seconds(-900).to_string();
    assert_eq!(site.store.accounts().failed_sign_ins(&keys, &since).await.unwrap(), [5]);
    for _ in 0..20 {
        let refused = app.sign_in("analyst@smartcities.example.org", "guess", client).await.unwrap_err();
        assert!(refused.to_string().starts_with("Too many attempts"), "{refused}");
    }
    assert_eq!(
        site.store.accounts().failed_sign_ins(&keys, &since).await.unwrap(),
        [5],
        "no write while refusing"
    );
    // The locked account does not lock the address for others.
    app.sign_in("secretariat@smartcities.example.org", "a long secret phrase", client).await.unwrap();
    // Unknown and known addresses get the same answer.
    let unknown = app.sign_in("nobody@example.org", "guess", auth::Client::default()).await.unwrap_err();
    let known = app
        .sign_in("secretariat@smartcities.example.org", "guess", auth::Client::default())
        .await
        .unwrap_err();
    assert_eq!(unknown.to_string(), known.to_string());
}

#[tokio::test]
async fn after_sign_in_only_a_path_of_this_site_is_followed() {
    let site = site().await;
    let secretariat = site
        .store
        .accounts()
        .user_by_email(&Email::parse("secretariat@smartcities.example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    site.store
        .accounts()
        .set_password_hash(&secretariat.id, &auth::hash_password("a long secret phrase"))
        .await
        .unwrap();
    for (next, expected) in [
        ("/campaigns/2025", "/campaigns/2025"),
        ("/%09/evil.example/x", "/me"),
        ("/\t/evil.example", "/me"),
        ("//evil.example", "/me"),
        ("/\\evil.example", "/me"),
        ("https://evil.example", "/me"),
        ("/%0A/evil.example", "/me"),
    ] {
        let (token, cookie) = form_token(&site.router, "/sign-in").await;
        let next_encoded: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
        let form = format!(
            "form_token={token}&next={next_encoded}&email=secretariat%40smartcities.example.org&password=a+long+secret+phrase"
        );
        let reply = send(&site.router, "POST", "/sign-in", Some(&cookie), Some(form)).await;
        assert_eq!(
            (reply.status, reply.location.as_deref()),
            (StatusCode::SEE_OTHER, Some(expected)),
            "{next}"
        );
    }
}

#[tokio::test]
async fn search_syntax_typed_in_the_box_is_read_as_words() {
    let site = site().await;
    for q in ["id:*", "title%3A*", "*%3A*", "%22open", "a%5E2+%5B1+TO+5%5D", "axis%3A*", "NOT"] {
        for path in [format!("/practices?q={q}"), format!("/api/v1/practices?q={q}")] {
            let reply = send(&site.router, "GET", &path, None, None).await;
            assert_eq!(
                reply.status,
                StatusCode::OK,
                "{path}: {}",
                reply.body.chars().take(300).collect::<String>()
            );
        }
    }
    // A facet the page offers, typed as `axis:…`, filters as the facet's link does.
    let typed = send(&site.router, "GET", "/api/v1/practices?q=axis%3Amobility", None, None).await;
    let chosen = send(&site.router, "GET", "/api/v1/practices?axis=mobility", None, None).await;
    assert_eq!(typed.status, StatusCode::OK);
    let total = |r: &Reply| serde_json::from_str::<serde_json::Value>(&r.body).unwrap()["total"].clone();
    assert_eq!(total(&typed), total(&chosen));
    assert!(total(&typed).as_u64().unwrap() > 0);
}

#[tokio::test]
async fn a_dead_renewal_link_is_gone_and_resets_are_throttled_without_voiding_an_invitation() {
    let site = site().await;
    let dead =
        send(&site.router, "GET", "/renewal/0123456789abcdef0123456789abcdef?lang=es", None, None).await;
    assert_eq!(dead.status, StatusCode::GONE);
    assert!(dead.body.contains("enlace"), "{}", dead.body);
    let posted =
        send(&site.router, "POST", "/renewal/0123456789abcdef?lang=en", None, Some("action=confirm".into()))
            .await;
    assert_eq!(posted.status, StatusCode::GONE);

    // Fifteen requests in a second: three mails, and the account's invitation still works.
    let app = smartcities_app::App::new(site.store.clone())
        .with_public_url(Some("https://study.example.org".into()));
    let email = Email::parse("digital.office@lisbon.example.org").unwrap();
    let user = site.store.accounts().user_by_email(&email).await.unwrap().unwrap();
    let invitation = app.new_link(&user, LinkPurpose::Invitation).await.unwrap();
    let queued = site.store.outbox().outbox_counts().await.unwrap().pending;
    for _ in 0..15 {
        app.request_password_reset(email.as_str(), smartcities_domain::Lang::En).await.unwrap();
    }
    let mailed = site.store.outbox().outbox_counts().await.unwrap().pending - queued;
    assert_eq!(mailed, smartcities_app::accounts::RESETS_PER_HOUR);
    let token = invitation.rsplit('/').next().unwrap();
    assert!(app.link_user(token).await.is_ok(), "the invitation was not voided");
}

#[tokio::test]
async fn odd_paths_and_nul_bytes_get_clear_answers_not_errors() {
    let site = site().await;
    for path in [
        "/editions/%0A",
        "/cities/%0A",
        "/responses/%0A/x",
        "/%0A",
        "/editions/2025?lang=%0A",
        "/cities/es-bilbao%00",
    ] {
        let reply = send(&site.router, "GET", path, None, None).await;
        assert!(!reply.status.is_server_error(), "{path}: {}", reply.status);
    }
    let (cookie, csrf) = session(&site.store, "secretariat@smartcities.example.org").await;
    let form = format!(
        "csrf={csrf}&id=2025-nul&held_on=2025-11-02&language=en&participants=es-bilbao&dynamics=a%00b"
    );
    let reply = send(&site.router, "POST", "/editions/2025/focus-groups", Some(&cookie), Some(form)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body.contains("NUL"), "{}", reply.body);
    let groups = site.store.workshops().focus_groups(EditionYear::new(2025).unwrap()).await.unwrap();
    assert!(groups.iter().all(|g| g.id != "2025-nul"), "nothing was written");
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let site = site().await;
    for path in ["/", "/sign-in", "/api/v1/editions", "/no-such-page"] {
        let request = Request::get(path).body(Body::empty()).unwrap();
        let response = site.router.clone().oneshot(request).await.unwrap();
        let headers = response.headers();
        let csp = headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(headers.get(header::X_FRAME_OPTIONS).unwrap(), "DENY", "{path}");
        assert_eq!(headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff", "{path}");
        assert!(headers.get(header::REFERRER_POLICY).is_some(), "{path}");
    }
    // No page carries inline script, which the policy would block.
    let page = send(
        &site.router,
        "GET",
        "/responses/2025/pt-lisbon/print",
        Some(&session(&site.store, RESPONDENT).await.0),
        None,
    )
    .await;
    assert!(!page.body.contains("onclick=") && page.body.contains("/static/print.js"));
}

#[tokio::test]
async fn the_secretariat_marks_an_answer_verified_with_what_backs_it() {
    let site = site().await;
    let year = EditionYear::new(2025).unwrap();
    let (city, answers) = site.store.answering().accepted_answers(year).await.unwrap().remove(0);
    let question = answers.iter().find(|a| a.entry.is_none()).unwrap().question.clone();
    let (cookie, csrf) = session(&site.store, "secretariat@smartcities.example.org").await;
    let uri = format!("/responses/2025/{city}/decision?lang=en");
    let review =
        send(&site.router, "GET", &format!("/responses/2025/{city}/review?lang=en"), Some(&cookie), None)
            .await;
    assert!(review.body.contains("name=\"decision\" value=\"evidence\""), "the review page offers it");
    let title = review.body.split("<title>").nth(1).unwrap().split("</title>").next().unwrap();
    assert!(!title.contains('<'), "no markup in the title: {title}");
    let without_note = format!("csrf={csrf}&decision=evidence&evidence.{question}=verified&note.{question}=");
    let refused = send(&site.router, "POST", &uri, Some(&cookie), Some(without_note)).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("needs a note"), "{}", refused.body);
    let with_note = format!(
        "csrf={csrf}&decision=evidence&evidence.{question}=verified&note.{question}=https%3A%2F%2Fopendata.example.org%2Freport"
    );
    let done = send(&site.router, "POST", &uri, Some(&cookie), Some(with_note)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let stored = site.store.answering().answers(year, &city).await.unwrap();
    let answer = stored.iter().find(|a| a.question == question && a.entry.is_none()).unwrap();
    assert_eq!(answer.evidence, smartcities_domain::Evidence::Verified);
    assert_eq!(answer.evidence_note.as_deref(), Some("https://opendata.example.org/report"));
    // A respondent cannot do it.
    let respondent = site.store.accounts().respondents(&city).await.unwrap().remove(0);
    let (cookie, csrf) = session(&site.store, respondent.email.as_str()).await;
    let form = format!("csrf={csrf}&decision=evidence&evidence.{question}=verified&note.{question}=x");
    assert_eq!(
        send(&site.router, "POST", &uri, Some(&cookie), Some(form)).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_long_history_is_shown_a_page_at_a_time() {
    let site = site().await;
    let year = EditionYear::new(2025).unwrap();
    let lisbon = CityId::parse(LISBON).unwrap();
    for i in 0..230 {
        let change = smartcities_store::AnswerChange {
            question: "pilots_last_2y".into(),
            entry: None,
            value: Some(i.to_string().into()),
        };
        let outcome = site
            .store
            .answering()
            .save_answers(
                year,
                &lisbon,
                smartcities_domain::Revision::new(i64::MAX),
                &[change],
                RESPONDENT,
                smartcities_store::Editor::Respondent,
            )
            .await
            .unwrap();
        assert!(matches!(outcome, smartcities_store::SaveOutcome::Saved { .. }));
    }
    let (cookie, _) = session(&site.store, RESPONDENT).await;
    let first =
        send(&site.router, "GET", "/responses/2025/pt-lisbon/history?lang=en", Some(&cookie), None).await;
    assert_eq!(first.body.matches("<tr><td><time").count(), 200);
    assert!(
        first.body.contains("Page 1 of 2 (230 changes)") && first.body.contains("rel=\"next\""),
        "{}",
        first.body
    );
    assert!(first.body.contains(">229<"), "newest first");
    let second =
        send(&site.router, "GET", "/responses/2025/pt-lisbon/history?lang=en&page=2", Some(&cookie), None)
            .await;
    assert_eq!(second.body.matches("<tr><td><time").count(), 30);
    assert!(second.body.contains("rel=\"prev\"") && !second.body.contains("rel=\"next\""));
}

#[tokio::test]
async fn titles_carry_no_markup_and_staff_pages_say_what_they_are() {
    let site = site().await;
    let (cookie, _) = session(&site.store, "secretariat@smartcities.example.org").await;
    for path in [
        "/campaigns/2025?lang=es",
        "/responses/2025/pt-lisbon/print?lang=es",
        "/responses/2025/fi-lappeenranta/review?lang=es",
        "/responses/2025/pt-lisbon?lang=es",
        "/cities/pt-lisbon?lang=es",
        "/practices?lang=es",
        "/editions/2025/focus-groups?lang=es",
        "/questionnaires/2025?lang=es",
    ] {
        let page = send(&site.router, "GET", path, Some(&cookie), None).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            page.body.contains(">English</a>") && page.body.contains(">Français</a>"),
            "{path}: the language switcher"
        );
        let title = page.body.split("<title>").nth(1).unwrap().split("</title>").next().unwrap();
        assert!(!title.contains('<') && title.len() < 200, "{path}: {title}");
    }
    let review =
        send(&site.router, "GET", "/responses/2025/fi-lappeenranta/review?lang=es", Some(&cookie), None)
            .await;
    assert!(
        review.body.contains("<h1>Revisión de las respuestas de Lappeenranta</h1>"),
        "not 'review and submit'"
    );
    assert!(review.body.contains("href=\"/campaigns/2025\""), "the breadcrumb leads to the campaign");
    let city = send(&site.router, "GET", "/cities/pt-lisbon?lang=es", None, None).await.body;
    assert_eq!(
        city.matches("Ubicación de Lisboa").count(),
        1,
        "the map's title is said once, with the Spanish name"
    );
    // Long option lists (the 17 SDGs) fold away on the edition page.
    let edition = send(&site.router, "GET", "/editions/2023?lang=en", None, None).await.body;
    assert!(edition.contains("<summary>17 options</summary>"), "the SDG lists are folded");
    assert!(edition.matches("<details class=\"choices\">").count() >= 5);

    // Names in the language's collation: İzmir between Istanbul and Jakarta, not after Z.
    let members = send(&site.router, "GET", "/members?lang=en", None, None).await.body;
    let at = |name: &str| members.find(&format!(">{name}</a>")).unwrap_or_else(|| panic!("{name}"));
    assert!(at("Istanbul") < at("İzmir") && at("İzmir") < at("Jakarta"), "İzmir sorts with the I's");
    // Spanish pages sort the Spanish names: Esmirna and Estambul among the E's, Yakarta at the end.
    let members = send(&site.router, "GET", "/members?lang=es", None, None).await.body;
    let at = |name: &str| members.find(&format!(">{name}</a>")).unwrap_or_else(|| panic!("{name}"));
    assert!(at("Ereván") < at("Esmirna") && at("Esmirna") < at("Estambul") && at("Toronto") < at("Yakarta"));
    let campaign = send(&site.router, "GET", "/campaigns/2025?lang=fr", Some(&cookie), None).await.body;
    let at = |name: &str| campaign.find(&format!(">{name}</a>")).unwrap_or_else(|| panic!("{name}"));
    assert!(at("Izmir") < at("Jakarta"));
    // The dashboard filters the responses awaiting review.
    let awaiting =
        send(&site.router, "GET", "/campaigns/2025?lang=en&show=awaiting", Some(&cookie), None).await.body;
    let listed = awaiting.split("id=\"cities\"").nth(1).unwrap();
    assert!(listed.contains(">Lappeenranta</a>") && listed.contains(">Bangkok</a>"), "{listed}");
    assert!(!listed.contains(">Lisbon</a>"), "Lisbon is still answering");
    let (header, rest) = city.split_once("<main").unwrap();
    assert!(!header.contains("/api/openapi.json"), "raw JSON is not in the main navigation");
    assert!(rest.split_once("<footer").unwrap().1.contains("/api/openapi.json"), "the API is in the footer");
}
