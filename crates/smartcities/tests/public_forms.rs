//! The public join form over HTTP: its token, its hidden field, its limit, and the
//! secretariat's spam button.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::http::{Request, StatusCode, header};
use smartcities_test_support::{Reply, SECRETARIAT, Site};

const GOOD: &str = "city_name=Cuenca&country=EC&name=Mar%C3%ADa&role=CIO&email=maria%40cuenca.example.org&motivation=Open+data";

async fn post_join(site: &Site, cookie: Option<&str>, form: String) -> Reply {
    let mut request = Request::builder().method("POST").uri("/members/join?lang=en");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    site.send(request, None, Some(form)).await
}

async fn applications(site: &Site) -> Vec<String> {
    let user = site.user(SECRETARIAT).await;
    site.app.applications(&user).await.unwrap().into_iter().map(|a| a.city_name).collect()
}

#[tokio::test]
async fn the_join_form_needs_its_token_and_drops_what_robots_send() {
    let site = Site::demo().await;
    let before = applications(&site).await.len();
    let page = site.get("/members/join?lang=en", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("name=\"website\"") && page.body.contains("tabindex=\"-1\""),
        "the hidden field"
    );
    let (token, cookie) = page.form_token();

    // Posted from elsewhere: no token, or a token the cookie does not match.
    let forged = post_join(&site, None, format!("form_token={token}&{GOOD}")).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let mismatched = post_join(&site, Some("sc_form=other"), format!("form_token={token}&{GOOD}")).await;
    assert_eq!(mismatched.status, StatusCode::FORBIDDEN);
    assert!(mismatched.body.contains("value=\"Cuenca\""), "what was typed comes back");
    assert_eq!(applications(&site).await.len(), before);

    // A robot fills in every field: it is thanked and nothing is kept.
    let robot =
        post_join(&site, Some(&cookie), format!("form_token={token}&website=http%3A%2F%2Fx&{GOOD}")).await;
    assert_eq!(robot.location.as_deref(), Some("/members/join?sent=1"));
    assert_eq!(applications(&site).await.len(), before);

    let sent = post_join(&site, Some(&cookie), format!("form_token={token}&website=&{GOOD}")).await;
    assert_eq!(sent.location.as_deref(), Some("/members/join?sent=1"));
    assert_eq!(applications(&site).await.len(), before + 1);
}

#[tokio::test]
async fn one_client_is_told_to_wait_after_a_few_applications_in_an_hour() {
    let site = Site::demo().await;
    let (token, cookie) = site.get("/members/join", None).await.form_token();
    let limit = smartcities_app::membership::APPLICATIONS_PER_CLIENT_HOUR;
    for _ in 0..limit {
        let sent = post_join(&site, Some(&cookie), format!("form_token={token}&{GOOD}")).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
    }
    let held = post_join(&site, Some(&cookie), format!("form_token={token}&{GOOD}")).await;
    assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(held.body.contains("Too many applications"), "{}", held.body);
    assert!(held.body.contains("name=\"form_token\""), "the form comes back, ready to send later");
}

#[tokio::test]
async fn the_secretariat_marks_an_application_as_spam() {
    let site = Site::demo().await;
    let (token, cookie) = site.get("/members/join", None).await.form_token();
    let spam = GOOD.replace("Cuenca", "Spamtown");
    post_join(&site, Some(&cookie), format!("form_token={token}&{spam}")).await;
    let session = site.session(SECRETARIAT).await;
    let user = site.user(SECRETARIAT).await;
    let id = site
        .app
        .applications(&user)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.city_name == "Spamtown")
        .unwrap()
        .id;

    let dashboard = site.get("/members/renewal?lang=fr", Some(&session)).await;
    assert!(dashboard.body.contains("Spamtown") && dashboard.body.contains("Marquer comme indésirable"));
    let marked =
        site.post("/members/renewal?lang=fr", Some(&session), &format!("action=spam&application={id}")).await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER, "{}", marked.body);
    let dashboard = site.get("/members/renewal?lang=fr", Some(&session)).await;
    assert!(!dashboard.body.contains("Spamtown"), "out of the list");
    assert!(!applications(&site).await.contains(&"Spamtown".to_string()));
}
