//! The community's own management over HTTP: the events log recorded by the secretariat, the
//! public calendar, its iCalendar feed and the JSON API.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use indicatif::ProgressBar;
use smartcities_app::accounts as auth;
use smartcities_domain::Email;
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

struct Reply {
    status: StatusCode,
    content_type: String,
    location: Option<String>,
    body: String,
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
    let header_of =
        |name| response.headers().get(name).map(|v: &header::HeaderValue| v.to_str().unwrap().to_string());
    let (status, content_type, location) =
        (response.status(), header_of(header::CONTENT_TYPE).unwrap_or_default(), header_of(header::LOCATION));
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20).await.unwrap();
    Reply { status, content_type, location, body: String::from_utf8_lossy(&bytes).into_owned() }
}

async fn session(store: &Store, email: &str) -> (String, String) {
    let user = store.user_by_email(&Email::parse(email).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{SESSION_COOKIE}={token}"), csrf)
}

/// An event form, URL-encoded, with `extra` fields appended.
fn event_form(csrf: &str, id: &str, title: &str, starts: &str, extra: &str) -> Option<String> {
    Some(format!(
        "csrf={csrf}&id={id}&title={title}&kind=webinar&language=es&starts_on={starts}\
         &place=&audience=Ciudades+miembro&component=learning{extra}"
    ))
}

#[tokio::test]
async fn the_secretariat_keeps_the_events_log_and_the_public_sees_the_public_events() {
    let (_db, store) = TestDatabase::migrated().await;
    let loaded = smartcities::demo::load(&store, &ProgressBar::hidden()).await.unwrap();
    assert!(loaded.events >= 12, "a year of illustrative events");
    let app = router(AppState::new(store.clone()).with_public_url(Some("https://study.example.org".into())));
    let (cookie, csrf) = session(&store, "secretariat@smartcities.example.org").await;

    // The demonstration's log: public events for everyone, the private ones for the staff.
    let public = send(&app, "GET", "/events?lang=en", None, None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("People-centred smart cities: learning meeting with UN-Habitat"));
    assert!(!public.body.contains("Work plan 2026 presented to the Executive Bureau"), "private");
    assert!(!public.body.contains("name=\"csrf\" value=\"\"") && !public.body.contains("Record an event"));
    let staff = send(&app, "GET", "/events?lang=en", Some(&cookie), None).await;
    assert!(staff.body.contains("Work plan 2026 presented to the Executive Bureau"));
    assert!(staff.body.contains("Record an event"));

    // A refused form comes back as typed, each problem beside its field.
    let refused = send(
        &app,
        "POST",
        "/events?lang=en",
        Some(&cookie),
        event_form(
            &csrf,
            "2099-05-webinar-datos",
            "Datos+abiertos",
            "2099-05-20",
            "&ends_on=2099-05-10&materials=ftp%3A%2F%2Fexample.org%2Fa&partners=un-habitat&public=on",
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(
        refused.body.contains("id=\"ends_on-error\">the event cannot end before it starts"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("id=\"materials-error\">ftp:")
            && refused.body.contains("is not an http or https link")
    );
    assert!(refused.body.contains("value=\"Datos abiertos\""), "the title is kept");
    assert!(refused.body.contains("value=\"un-habitat\" checked"), "the partner is kept");
    let taken = send(
        &app,
        "POST",
        "/events?lang=en",
        Some(&cookie),
        event_form(&csrf, "2026-03-learning-un-habitat", "Otro", "2099-05-20", "&public=on"),
    )
    .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken
            .body
            .contains("id=\"id-error\">An event with the id 2026-03-learning-un-habitat exists already")
    );

    // Recorded: an upcoming public event, an upcoming private one and a past public one.
    for (id, title, starts, public) in [
        ("2099-05-webinar-datos", "Datos+abiertos+y+ciudades+intermedias", "2099-05-20", "&public=on"),
        ("2099-06-bureau", "Informe+al+Bur%C3%B3", "2099-06-01", ""),
        ("2001-03-first-meeting", "Primera+reuni%C3%B3n", "2001-03-01", "&public=on"),
    ] {
        let saved =
            send(&app, "POST", "/events", Some(&cookie), event_form(&csrf, id, title, starts, public)).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(saved.location.as_deref(), Some(&*format!("/events#{id}")));
    }
    let public = send(&app, "GET", "/events?lang=es", None, None).await;
    assert!(
        public.body.contains("Datos abiertos y ciudades intermedias")
            && !public.body.contains("Informe al Buró")
    );
    let upcoming =
        &public.body[public.body.find("id=\"upcoming\"").unwrap()..public.body.find("id=\"past\"").unwrap()];
    assert!(
        upcoming.contains("Datos abiertos") && !upcoming.contains("Primera reunión"),
        "past events are apart"
    );

    // Correcting keeps the id; the public flag can change.
    let corrected = send(
        &app,
        "POST",
        "/events",
        Some(&cookie),
        event_form(
            &csrf,
            "2099-06-bureau",
            "Informe+al+Bur%C3%B3",
            "2099-06-01",
            "&public=on&editing=2099-06-bureau&attendance=31",
        ),
    )
    .await;
    assert_eq!(corrected.status, StatusCode::SEE_OTHER);
    assert_eq!(store.event("2099-06-bureau").await.unwrap().unwrap().attendance, Some(31));

    // Others cannot record events.
    let (analyst, analyst_csrf) = session(&store, "analyst@smartcities.example.org").await;
    let forbidden = send(
        &app,
        "POST",
        "/events",
        Some(&analyst),
        event_form(&analyst_csrf, "2099-07-x", "X", "2099-07-01", ""),
    )
    .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);

    // The iCalendar feed: upcoming public events only, valid lines.
    let feed = send(&app, "GET", "/events.ics", None, None).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.content_type.starts_with("text/calendar"), "{}", feed.content_type);
    let unfolded = feed.body.replace("\r\n ", "");
    assert!(unfolded.contains("UID:2099-05-webinar-datos@study.example.org"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20990520\r\nDTEND;VALUE=DATE:20990521"));
    assert!(unfolded.contains("UID:2099-06-bureau@"), "made public by the correction");
    assert!(!unfolded.contains("2001-03-first-meeting") && !unfolded.contains("2026-01-bureau-work-plan"));
    assert!(feed.body.split("\r\n").all(|line| line.len() <= 75));

    // The API, with dates.
    let api = send(&app, "GET", "/api/v1/events?from=2099-01-01", None, None).await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let ids: Vec<&str> =
        json["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["2099-05-webinar-datos", "2099-06-bureau"]);
    let bad = send(&app, "GET", "/api/v1/events?to=soon", None, None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let document = send(&app, "GET", "/api/openapi.json", None, None).await;
    assert!(document.body.contains("/api/v1/events"));
}

#[tokio::test]
async fn events_are_stored_whole_on_both_backends() {
    let (_db, store) = TestDatabase::migrated().await;
    let event: smartcities_domain::Event = toml::from_str(
        r#"
        id = "2099-01-test"
        kind = "presentation"
        title = "Présentation au conseil politique"
        language = "fr"
        starts_on = "2099-01-15"
        ends_on = "2099-01-16"
        place = "Bilbao"
        audience = "Conseil politique"
        partners = ["un-habitat"]
        materials = ["https://example.org/slides.pdf"]
        attendance = 40
        component = "strengthening"
        edition = 2023
        public = false
        "#,
    )
    .unwrap();
    store.save_event(&event).await.unwrap();
    assert_eq!(store.event("2099-01-test").await.unwrap(), Some(event.clone()));
    assert!(store.events(true).await.unwrap().is_empty(), "not public");
    assert_eq!(store.events(false).await.unwrap(), [event]);
}
