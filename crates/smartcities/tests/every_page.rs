//! Every page works for every role: each route the router declares, with each of its parameters
//! filled from the demonstration, is opened by a visitor and by each signed-in role, in the
//! three languages, and none may answer with a server error.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_test_support::{ANALYST, OTHER_CITY, OWN_CITY, RESPONDENT, SECRETARIAT, Session, Site};
use smartcities_web::{API_ROUTES, SITE_ROUTES};

/// The values a route's parameter is tried with: real ones from the demonstration and one that
/// names nothing.
fn samples(route: &str, parameter: &str, practice: &str) -> Vec<String> {
    let values: &[&str] = match parameter {
        "year" => &["2012", "2024", "2025", "1999", "2147483648"],
        "version" => &["1", "2", "x"],
        "*path" => &["site/en/index.html", "data/edition.json", "site/fr/../../x", "nothing.pdf"],
        "code" | "name" => &["has_living_lab", "no_such_question"],
        "group" => &["smart_economy", "good_practices", "no_such_group"],
        "token" => &["not-a-token"],
        // A picture or a file is named by the SHA-256 of its bytes.
        "picture" => &["0000000000000000000000000000000000000000000000000000000000000000", "not-a-picture"],
        "city" => &[OWN_CITY, OTHER_CITY, "xx-nowhere"],
        "id" if route.contains("/cities/") => &["es-bilbao", OWN_CITY, "xx-nowhere"],
        "id" if route.contains("/practices/") => {
            return vec![practice.to_string(), "no-such-practice".into()];
        }
        other => panic!("route {route}: no sample values for parameter {{{other}}}; add some here"),
    };
    values.iter().map(ToString::to_string).collect()
}

/// Every address a route stands for, its parameters replaced by every combination of samples.
fn addresses(route: &str, practice: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = route;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("a closed parameter");
        let prefix = &rest[..open];
        let values = samples(route, &rest[open + 1..close], practice);
        out = out.iter().flat_map(|done| values.iter().map(move |v| format!("{done}{prefix}{v}"))).collect();
        rest = &rest[close + 1..];
    }
    let plain: Vec<String> = out.into_iter().map(|done| format!("{done}{rest}")).collect();
    // Pages whose content depends on a query are opened with each of the queries they read.
    let queries: &[&str] = match route {
        "/people" | "/people/export" => {
            &["", "?email=digital.office%40lisbon.example.org", "?email=nobody%40x.org", "?email=%3D"]
        }
        "/practices" | "/api/v1/practices" => &["", "?q=id%3A*", "?q=axis%3Amobility&sdg=11", "?page=99999"],
        "/members/join" => &["", "?sent=1"],
        _ => &[""],
    };
    plain.iter().flat_map(|address| queries.iter().map(move |q| format!("{address}{q}"))).collect()
}

#[tokio::test]
async fn every_get_route_answers_every_role_without_a_server_error() {
    let site = Site::demo().await;
    let practices = site.get("/api/v1/practices", None).await.json();
    let practice = practices["practices"][0]["id"].as_str().expect("a published practice").to_string();
    let roles: Vec<(&str, Option<Session>)> = vec![
        ("visitor", None),
        ("secretariat", Some(site.session(SECRETARIAT).await)),
        ("analyst", Some(site.session(ANALYST).await)),
        ("respondent", Some(site.session(RESPONDENT).await)),
    ];
    let routes =
        SITE_ROUTES.iter().map(|r| r.to_string()).chain(API_ROUTES.iter().map(|r| format!("/api/v1{r}")));
    let mut opened = 0;
    let mut failures = Vec::new();
    for route in routes {
        for address in addresses(&route, &practice) {
            for lang in ["es", "en", "fr"] {
                let separator = if address.contains('?') { '&' } else { '?' };
                let uri = format!("{address}{separator}lang={lang}");
                for (role, session) in &roles {
                    let reply = site.get(&uri, session.as_ref()).await;
                    opened += 1;
                    if reply.status.is_server_error() {
                        failures.push(format!(
                            "GET {uri} as {role}: {} {}",
                            reply.status,
                            reply.body.chars().take(200).collect::<String>()
                        ));
                    }
                    // A page of the site offers its own address in the other languages (a
                    // page's data must not shadow the switcher's).
                    let switcher = reply.body.contains("class=\"languages\"");
                    let own_names =
                        [">English<", ">Español<", ">Français<"].iter().all(|n| reply.body.contains(n));
                    if switcher && (reply.body.contains("hreflang=\"\"") || !own_names) {
                        failures.push(format!(
                            "GET {uri} as {role}: the language switcher has empty links or lacks a language's own name"
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {opened} requests failed:\n{}", failures.len(), failures.join("\n"));
    assert!(opened > 1000, "every route was opened with every role ({opened} requests)");
}

#[tokio::test]
async fn the_password_pages_render_and_refuse_in_place() {
    let site = Site::demo().await;
    for lang in ["es", "en", "fr"] {
        let page = site.get(&format!("/password-reset?lang={lang}"), None).await;
        assert_eq!(page.status.as_u16(), 200, "{}", page.body);
        assert!(page.body.contains("name=\"email\""), "a field for the address");
    }
    let page = site.get("/password-reset?lang=en", None).await;
    let (token, cookie) = page.form_token();
    let asked = site
        .send(
            axum::http::Request::builder()
                .method("POST")
                .uri("/password-reset?lang=en")
                .header("cookie", cookie),
            None,
            Some(format!("form_token={token}&email={RESPONDENT}")),
        )
        .await;
    assert_eq!(asked.status.as_u16(), 200, "the request is acknowledged on a page: {}", asked.body);

    let respondent = site.session(RESPONDENT).await;
    let form = site.get("/me/password?lang=fr", Some(&respondent)).await;
    assert_eq!(form.status.as_u16(), 200, "{}", form.body);
    assert!(form.body.contains("name=\"current\""));
    let refused = site
        .post("/me/password?lang=fr", Some(&respondent), "current=wrong&password=short&password_again=short")
        .await;
    assert!(refused.status.is_client_error(), "a refusal, not {}: {}", refused.status, refused.body);
    assert!(refused.body.contains("role=\"alert\""), "the reason is shown on the form");
}
