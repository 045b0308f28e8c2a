//! The community's own management over HTTP: the events log recorded by the secretariat, the
//! public calendar, its iCalendar feed and the JSON API.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::accounts as auth;
use smartcities_domain::{Email, Lang};
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
    let user = store.accounts().user_by_email(&Email::parse(email).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{SESSION_COOKIE}={token}"), csrf)
}

/// An event form, URL-encoded, its texts written in Spanish, with `extra` fields appended.
fn event_form(csrf: &str, id: &str, title: &str, starts: &str, extra: &str) -> Option<String> {
    Some(format!(
        "csrf={csrf}&id={id}&original=es&title_es={title}&kind=webinar&language=es\
         &starts_on={starts}&place_es=&audience_es=Ciudades+miembro&component=learning{extra}"
    ))
}

#[tokio::test]
async fn the_secretariat_keeps_the_events_log_and_the_public_sees_the_public_events() {
    let (_db, store) = TestDatabase::migrated().await;
    let loaded = smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    assert!(loaded.events >= 12, "a year of illustrative events");
    let app = router(
        AppState::new(smartcities_app::App::new(store.clone()))
            .with_public_url(Some("https://study.example.org".into())),
    );
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
    assert_eq!(store.community().event("2099-06-bureau").await.unwrap().unwrap().attendance, Some(31));

    // An id left blank is made from the day and the title; a typed one that breaks the rule is
    // refused in the page's language.
    let made = send(
        &app,
        "POST",
        "/events",
        Some(&cookie),
        event_form(&csrf, "", "Webinar+IA+y+ciudades", "2099-09-14", ""),
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert!(store.community().event("2099-09-14-webinar-ia-y-ciudades").await.unwrap().is_some());
    let typed = send(
        &app,
        "POST",
        "/events?lang=es",
        Some(&cookie),
        event_form(&csrf, "Webinar+IA+2027", "Webinar", "2099-09-15", ""),
    )
    .await;
    assert_eq!(typed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(typed.body.contains("indique un identificador"), "{}", typed.body);
    assert!(!typed.body.contains("is not an event id"));

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
async fn an_event_is_written_in_three_languages_with_its_hours_in_its_zone() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, csrf) = session(&store, "secretariat@smartcities.example.org").await;

    // The form edits the three languages side by side; a blank one stays missing.
    let form = send(&app, "GET", "/events?lang=fr", Some(&cookie), None).await;
    for field in ["title_es", "title_en", "title_fr", "audience_fr", "place_en", "starts_at", "zone"] {
        assert!(form.body.contains(&format!("name=\"{field}\"")), "{field}");
    }
    let datos_abiertos = |capacity: &'static str| {
        event_form(
            &csrf,
            "",
            "Datos+abiertos",
            "2099-03-12",
            &format!(
                "&title_en=Open+data&audience_en=Member+cities&public=on&starts_at=10%3A00&ends_at=11%3A30\
                 &zone=Europe%2FMadrid&online=https%3A%2F%2Fmeet.example.org%2Fx&capacity={capacity}"
            ),
        )
    };
    let saved = send(&app, "POST", "/events", Some(&cookie), datos_abiertos("1.200")).await;
    assert_eq!(saved.status, StatusCode::UNPROCESSABLE_ENTITY, "1.200 is ambiguous as a count in Spanish");
    let saved = send(&app, "POST", "/events", Some(&cookie), datos_abiertos("120")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let event = store.community().event("2099-03-12-datos-abiertos").await.unwrap().unwrap();
    assert_eq!((event.title.original, event.title.missing()), (Lang::Es, vec![Lang::Fr]));
    assert_eq!(event.capacity, Some(120));

    // English readers get the translation; French ones the original, marked and tagged.
    let mut en = send(&app, "GET", "/events?lang=en", None, None).await;
    en.body = en.body.replace("&#x2f;", "/");
    assert!(en.body.contains("<span lang=\"en\">Open data</span>"), "{}", en.body);
    assert!(en.body.contains("10:00–11:30 (Europe/Madrid, UTC+01:00)"));
    assert!(en.body.contains("datetime=\"2099-03-12T09:00:00Z\""), "the moment, for the reader's clock");
    assert!(
        en.body.contains("href=\"https://meet.example.org/x\">Join online") && en.body.contains("120 places")
    );
    let fr = send(&app, "GET", "/events?lang=fr", None, None).await;
    assert!(fr.body.contains(
        "<span lang=\"es\">Datos abiertos</span> <span class=\"tag original-in\">Original en espagnol</span>"
    ));
    assert!(
        fr.body.contains("hreflang=\"es\"") && fr.body.contains("hreflang=\"en\""),
        "a language switcher"
    );

    // The feed is timed in UTC, in its language where it can be.
    let feed = send(&app, "GET", "/events.ics?lang=en", None, None).await.body.replace("\r\n ", "");
    assert!(feed.contains("DTSTART:20990312T090000Z\r\nDTEND:20990312T103000Z"), "{feed}");
    assert!(feed.contains("SUMMARY;LANGUAGE=en:Open data"));

    // The secretariat sees what lacks a translation, and can list just those events.
    let staff = send(&app, "GET", "/events?lang=en", Some(&cookie), None).await;
    assert!(staff.body.contains("events have no text in French"), "{}", staff.body);
    let lacking = send(&app, "GET", "/events?lang=en&missing=fr", Some(&cookie), None).await;
    assert!(lacking.body.contains("Showing only the events with no text in French"));
    assert!(lacking.body.contains("Open data") && !lacking.body.contains("People-centred smart cities"));

    // A start with no zone, or a zone no database knows, is refused beside its field.
    let refused = send(
        &app,
        "POST",
        "/events?lang=en",
        Some(&cookie),
        event_form(&csrf, "", "Sin+zona", "2099-03-13", "&starts_at=25%3A00&zone=Mars%2FOlympus"),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"starts_at-error\">give a time of day"), "{}", refused.body);
    assert!(refused.body.contains("id=\"zone-error\">choose a time zone"));
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
    store.community().save_event(&event).await.unwrap();
    assert_eq!(store.community().event("2099-01-test").await.unwrap(), Some(event.clone()));
    assert!(store.community().events(true).await.unwrap().is_empty(), "not public");
    assert_eq!(store.community().events(false).await.unwrap(), [event]);
}

/// The working renewal link of the open round last mailed to a focal point, from the outbox.
async fn renewal_token(store: &Store, recipient: &str) -> String {
    let mut found = None;
    for mail in store.outbox().due_mail(10_000).await.unwrap().iter().filter(|m| m.recipient == recipient) {
        let Some(start) = mail.body.find("/renewal/") else { continue };
        let token = &mail.body[start + "/renewal/".len()..][..32];
        if let Some((round, _)) = store.community().renewal_by_token(&auth::token_hash(token)).await.unwrap()
            && round.closed_at.is_none()
        {
            found = Some(token.to_string());
        }
    }
    found.expect("a working renewal link in the outbox")
}

async fn member_status(store: &Store, city: &str) -> String {
    let city = smartcities_domain::CityId::parse(city).unwrap();
    store.registry().member(&city).await.unwrap().unwrap().status.slug().to_string()
}

#[tokio::test]
async fn a_renewal_round_runs_end_to_end_and_silent_members_lapse() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(
        AppState::new(smartcities_app::App::new(store.clone()))
            .with_public_url(Some("https://study.example.org".into())),
    );
    let (cookie, csrf) = session(&store, "secretariat@smartcities.example.org").await;
    let act = |form: String| {
        let (app, cookie) = (app.clone(), cookie.clone());
        async move { send(&app, "POST", "/members/renewal?lang=en", Some(&cookie), Some(form)).await }
    };

    // The demonstration's round is in progress: counts on the dashboard, and no second round.
    let dashboard = send(&app, "GET", "/members/renewal?lang=en", Some(&cookie), None).await;
    assert_eq!(dashboard.status, StatusCode::OK);
    assert!(dashboard.body.contains("Renewal of the member list (illustrative)"));
    assert!(dashboard.body.contains("id=\"count-left\">1<"), "the demonstration's departure is counted");
    let refused = act(format!("csrf={csrf}&action=open&title_en=Again&closes_on=2099-01-31")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Closing asks for the confirmation first, and nothing changes without it.
    let unconfirmed = act(format!("csrf={csrf}&action=close")).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.body.contains("confirm-error"), "the checkbox is marked");
    assert_eq!(act(format!("csrf={csrf}&action=close&confirm=on")).await.status, StatusCode::SEE_OTHER);
    assert_eq!(member_status(&store, "us-boston").await, "left");

    // A new round: a day in the past is refused beside its field; a valid one mails everyone.
    let past =
        act(format!("csrf={csrf}&action=open&original=en&title_en=Renewal+2027&closes_on=2020-01-01")).await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(past.body.contains("closes_on-error") && past.body.contains("value=\"Renewal 2027\""));
    let opened = act(format!(
        "csrf={csrf}&action=open&original=en&title_en=Renewal+2027&title_fr=Renouvellement+2027&closes_on=2099-01-31"
    )).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let round = store.community().renewal_rounds().await.unwrap().remove(0);
    assert!(round.closed_at.is_none());
    assert_eq!(round.title.exactly(Lang::Fr), Some("Renouvellement 2027"), "kept in three languages");
    let asked = store.community().renewal_replies(&round.id).await.unwrap();
    assert!(asked.len() >= 4, "the active members are asked");
    assert!(!asked.iter().any(|r| r.city.as_str() == "us-boston"), "a departed member is not asked again");
    let ids: Vec<String> = asked.iter().take(4).map(|r| r.city.to_string()).collect();
    let (confirming, updating, leaving, silent) = (&ids[0], &ids[1], &ids[2], &ids[3]);
    let mut names = Vec::new();
    let mut addresses = Vec::new();
    for id in &ids {
        assert_eq!(member_status(&store, id).await, "pending_renewal");
        let city = smartcities_domain::CityId::parse(id).unwrap();
        names.push(
            store
                .registry()
                .city(&city)
                .await
                .unwrap()
                .unwrap()
                .name_in(smartcities_domain::Lang::Es)
                .to_string(),
        );
        let member = store.registry().member(&city).await.unwrap().unwrap();
        addresses.push(member.focal_points[0].email.as_str().to_string());
    }

    // Confirm: the focal point's page, no sign-in needed.
    let token = renewal_token(&store, &addresses[0]).await;
    let page = send(&app, "GET", &format!("/renewal/{token}?lang=es"), None, None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("Membresía de {}", names[0])), "{}", page.body);
    assert!(page.body.contains(&addresses[0]), "{}", page.body);
    let confirmed =
        send(&app, "POST", &format!("/renewal/{token}"), None, Some("action=confirm".into())).await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(member_status(&store, confirming).await, "active");

    // Update: a bad address comes back as typed; a good one replaces the focal points.
    let token = renewal_token(&store, &addresses[1]).await;
    let bad = "action=update&focal-1-name=Ana+Silva&focal-1-role=CIO&focal-1-email=ana-at-city";
    let refused = send(&app, "POST", &format!("/renewal/{token}?lang=en"), None, Some(bad.into())).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("value=\"ana-at-city\"") && refused.body.contains("focal-1-email-error"));
    assert!(refused.body.contains("this is not an e-mail address"));
    let good = "action=update&focal-1-name=Ana+Silva&focal-1-role=CIO&focal-1-email=ana%40city.example.org";
    let updated = send(&app, "POST", &format!("/renewal/{token}"), None, Some(good.into())).await;
    assert_eq!(updated.status, StatusCode::SEE_OTHER);
    let member = store
        .registry()
        .member(&smartcities_domain::CityId::parse(updating).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(member.focal_points.len(), 1);
    assert_eq!(member.focal_points[0].email.as_str(), "ana@city.example.org");
    assert_eq!(member.status.slug(), "active");

    // Leave, with a reason.
    let token = renewal_token(&store, &addresses[2]).await;
    let left =
        send(&app, "POST", &format!("/renewal/{token}"), None, Some("action=leave&note=Reorganised".into()))
            .await;
    assert_eq!(left.status, StatusCode::SEE_OTHER);
    assert_eq!(member_status(&store, leaving).await, "left");

    // Reminders go to the silent members only, with a new link; the old one stops working.
    let before = renewal_token(&store, &addresses[3]).await;
    let mails_to = |address: String| {
        let store = store.clone();
        async move {
            store.outbox().due_mail(10_000).await.unwrap().iter().filter(|m| m.recipient == address).count()
        }
    };
    let confirmed_mails = mails_to(addresses[0].clone()).await;
    assert_eq!(act(format!("csrf={csrf}&action=remind")).await.status, StatusCode::SEE_OTHER);
    let token = renewal_token(&store, &addresses[3]).await;
    assert_ne!(token, before);
    assert_ne!(send(&app, "GET", &format!("/renewal/{before}"), None, None).await.status, StatusCode::OK);
    assert_eq!(send(&app, "GET", &format!("/renewal/{token}"), None, None).await.status, StatusCode::OK);
    assert_eq!(
        mails_to(addresses[0].clone()).await,
        confirmed_mails,
        "a member that answered is not reminded"
    );
    let filtered = send(&app, "GET", "/members/renewal?lang=en&answer=waiting", Some(&cookie), None).await;
    assert!(filtered.body.contains(&format!("data-city=\"{silent}\"")));
    assert!(!filtered.body.contains(&format!("data-city=\"{confirming}\"")));

    // The close: silent members lapse, nothing is deleted, and the links say the round is over.
    assert_eq!(act(format!("csrf={csrf}&action=close&confirm=on")).await.status, StatusCode::SEE_OTHER);
    assert_eq!(member_status(&store, silent).await, "lapsed");
    assert_eq!(member_status(&store, confirming).await, "active");
    assert_eq!(member_status(&store, updating).await, "active");
    let late =
        send(&app, "POST", &format!("/renewal/{token}?lang=en"), None, Some("action=confirm".into())).await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(late.body.contains("This renewal round is closed."));
    let rounds = store.community().renewal_rounds().await.unwrap();
    assert_eq!(rounds.len(), 2, "both rounds stay on record");
    let history = store.community().renewal_replies(&rounds[1].id).await.unwrap();
    assert!(history.iter().any(|r| r.city.as_str() == "us-boston" && r.answer.slug() == "left"));

    // The public sees current members only, and no contact.
    let api = send(&app, "GET", "/api/v1/members", None, None).await;
    assert_eq!(api.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let listed: Vec<&str> =
        json["members"].as_array().unwrap().iter().map(|m| m["city"]["id"].as_str().unwrap()).collect();
    assert!(listed.contains(&confirming.as_str()) && !listed.contains(&silent.as_str()));
    assert!(!listed.contains(&leaving.as_str()));
    assert!(!api.body.contains("example.org"), "no focal point's address is public");
    let public = send(&app, "GET", "/members?lang=en", None, None).await;
    let row = |id: &str| format!("href=\"/cities/{id}\"");
    assert!(public.body.contains(&row(confirming)) && !public.body.contains(&row(silent)));
    let staff = send(&app, "GET", "/members?lang=en", Some(&cookie), None).await;
    assert!(staff.body.contains(&row(silent)), "the secretariat still sees the lapsed member");
    let openapi = send(&app, "GET", "/api/openapi.json", None, None).await;
    assert!(openapi.body.contains("/api/v1/members") && openapi.body.contains("/api/v1/events"));
}

#[tokio::test]
async fn cities_apply_to_join_and_the_secretariat_approves_or_declines_with_a_reason() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(
        AppState::new(smartcities_app::App::new(store.clone()))
            .with_public_url(Some("https://study.example.org".into())),
    );
    let (cookie, csrf) = session(&store, "secretariat@smartcities.example.org").await;

    // The form's token, as its page sets it in a cookie and in the form.
    let token = Some("sc_form=t0k3n");
    let bad =
        "form_token=t0k3n&city_name=Cuenca&country=EC&name=Mar%C3%ADa&role=&email=maria&motivation=Open+data";
    let refused = send(&app, "POST", "/members/join?lang=es", token, Some(bad.into())).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("value=\"Cuenca\"") && refused.body.contains("email-error"));
    assert!(refused.body.contains("esta no es una dirección de correo electrónico"));
    let good = "form_token=t0k3n&city_name=Cuenca&country=EC&name=Mar%C3%ADa&role=CIO&email=maria%40cuenca.example.org&motivation=Open+data";
    let sent = send(&app, "POST", "/members/join", token, Some(good.into())).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert_eq!(sent.location.as_deref(), Some("/members/join?sent=1"));
    let applications = store.community().applications().await.unwrap();
    assert_eq!(applications.len(), 3, "the demonstration's two and this one");
    let cuenca = applications.iter().find(|a| a.city_name == "Cuenca").unwrap().id.clone();
    let getxo = applications.iter().find(|a| a.city_name == "Getxo").unwrap().id.clone();

    // Applicants do not see the applications; the secretariat does.
    assert_ne!(send(&app, "GET", "/members/renewal", None, None).await.status, StatusCode::OK);
    let dashboard = send(&app, "GET", "/members/renewal?lang=en", Some(&cookie), None).await;
    assert!(dashboard.body.contains("Cuenca") && dashboard.body.contains("maria@cuenca.example.org"));

    // Approval needs the city's place on the map; then the city is a member.
    let act = |form: String| {
        let (app, cookie) = (app.clone(), cookie.clone());
        async move { send(&app, "POST", "/members/renewal?lang=en", Some(&cookie), Some(form)).await }
    };
    let unplaced = act(format!("csrf={csrf}&action=approve&application={cuenca}&latitude=&longitude=")).await;
    assert_eq!(unplaced.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unplaced.body.contains(&format!("{cuenca}-location-error")));
    // "43,3569" on an English page is no population of 433,569: refused by field, nothing written.
    let misread = act(format!(
        "csrf={csrf}&action=approve&application={cuenca}&latitude=-2.9&longitude=-79.0&population=43%2C3569"
    ))
    .await;
    assert_eq!(misread.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(misread.body.contains(&format!("{cuenca}-population-error")), "{}", misread.body);
    assert!(misread.body.contains("thousands separator"), "{}", misread.body);
    let cuenca_id = smartcities_domain::CityId::parse("ec-cuenca").unwrap();
    assert!(store.registry().city(&cuenca_id).await.unwrap().is_none(), "nothing written");
    let approved = act(format!(
        "csrf={csrf}&action=approve&application={cuenca}&latitude=-2.9&longitude=-79.0&population=331888"
    ))
    .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let city = smartcities_domain::CityId::parse("ec-cuenca").unwrap();
    let member = store.registry().member(&city).await.unwrap().expect("Cuenca is a member");
    assert_eq!(member.status.slug(), "active");
    assert_eq!(member.focal_points[0].email.as_str(), "maria@cuenca.example.org");
    assert_eq!(store.registry().city(&city).await.unwrap().unwrap().population.count, 331_888);
    let again = act(format!("csrf={csrf}&action=approve&application={cuenca}&latitude=1&longitude=1")).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "an application is decided once");

    // Declining needs a reason, which the applicant is sent.
    let bare = act(format!("csrf={csrf}&action=decline&application={getxo}&reason=")).await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bare.body.contains(&format!("{getxo}-reason-error")));
    let declined =
        act(format!("csrf={csrf}&action=decline&application={getxo}&reason=Not+a+UCLG+member+yet")).await;
    assert_eq!(declined.status, StatusCode::SEE_OTHER);
    let mails = store.outbox().due_mail(10_000).await.unwrap();
    let to_getxo =
        mails.iter().find(|m| m.recipient == "innovation@getxo.example.org").expect("the applicant is told");
    assert!(to_getxo.body.contains("Not a UCLG member yet"));
    assert!(mails.iter().any(|m| m.recipient == "maria@cuenca.example.org" && m.subject.contains("Welcome")));
}

fn year_2026() -> smartcities_publish::progress::Period {
    smartcities_publish::progress::Period::parse("2026-01", "2026-12").unwrap()
}

#[tokio::test]
async fn the_progress_report_gives_each_component_its_activities_and_the_demonstration_figures() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = smartcities_app::App::new(store.clone());
    let secretariat = smartcities_app::accounts::console_user();
    let report = app.progress_report(&secretariat, year_2026(), None).await.unwrap();

    // The facts, each against the demonstration data read another way.
    let events_2026 = store
        .community()
        .events(false)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.starts_on.year == 2026)
        .count();
    assert_eq!(report.events.len(), events_2026);
    assert!(report.events.len() >= 10, "a year of events");
    assert_eq!(report.activities.len(), 8, "the eight activities planned in 2026's two semesters");
    let months = [140, 212, 188, 96, 75, 64, 41, 22, 58, 83, 71];
    assert_eq!(
        report.downloads,
        vec![(smartcities_domain::EditionYear::new(2024).unwrap(), months.iter().sum::<u64>())],
        "data/demo/community.toml's counts"
    );
    let published = store
        .catalogue()
        .practices_changed_after(0, i64::MAX)
        .await
        .unwrap()
        .iter()
        .filter(|p| p.published_at.is_some_and(|at| at.to_string().starts_with("2026")))
        .count();
    assert_eq!(report.practices.0, published);
    let campaign =
        report.editions.iter().find(|e| e.year.get() == 2025).expect("the 2025 campaign is at work");
    let responses = store.answering().responses(campaign.year).await.unwrap();
    assert_eq!(campaign.participation.invited, responses.len());
    let handed_in = responses
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                smartcities_domain::ResponseStatus::Submitted | smartcities_domain::ResponseStatus::Accepted
            )
        })
        .count();
    let english = smartcities_publish::progress::html(&report, Lang::En).unwrap();
    assert!(
        english.contains(&format!("{} cities invited, {handed_in} answered", responses.len())),
        "{english}"
    );
    assert_eq!(report.renewals.len(), 1);
    assert_eq!(report.renewals[0].left, 1);
    let members = store.registry().members().await.unwrap();
    let pending =
        members.iter().filter(|m| m.status == smartcities_domain::MemberStatus::PendingRenewal).count();
    assert_eq!(
        (report.members.pending, report.renewals[0].silent),
        (pending, pending),
        "the silent are pending"
    );
    assert_eq!(report.leadership.as_ref().unwrap().1.get(Lang::Es), "Bilbao");

    // Worded in each language: the five components in order, the leadership, the summary.
    let headings = [
        (
            Lang::En,
            [
                "A. Implementation",
                "B. Representation",
                "C. Monitoring and follow-up",
                "D. Learning",
                "E. Strengthening the network",
            ],
            "Summary of the period",
        ),
        (
            Lang::Es,
            [
                "A. Implementación",
                "B. Representación",
                "C. Control y seguimiento",
                "D. Aprendizaje",
                "E. Fortalecimiento de la red",
            ],
            "Resumen de los resultados del periodo",
        ),
        (
            Lang::Fr,
            [
                "A. Mise en œuvre",
                "B. Représentation",
                "C. Contrôle et suivi",
                "D. Apprentissage",
                "E. Renforcement du réseau",
            ],
            "Synthèse des résultats de la période",
        ),
    ];
    let activities = [
        (Lang::En, "Dissemination of the 2024 edition"),
        (Lang::Es, "Difusión de la edición 2024"),
        (Lang::Fr, "Diffusion de l’édition 2024"),
    ];
    for ((lang, components, summary), (_, activity)) in headings.into_iter().zip(activities) {
        let html = smartcities_publish::progress::html(&report, lang).unwrap();
        let mut at = 0;
        for heading in components {
            let found = html[at..]
                .find(heading)
                .unwrap_or_else(|| panic!("{lang:?}: {heading} after the one before"));
            at += found;
        }
        assert!(html.contains(summary), "{lang:?}");
        assert!(html.contains("1050"), "{lang:?}: the downloads of the 2024 edition");
        assert!(html.contains(activity), "{lang:?}: an activity in the report's language");
        assert!(html.contains(&format!("lang=\"{}\"", lang.code())));
    }
    // A text with no French translation is given in its original, marked as such.
    let french = smartcities_publish::progress::html(&report, Lang::Fr).unwrap();
    assert!(
        french.contains(
            "Learning meetings with UN-Habitat and WeGO on digital inclusion (Original en anglais)"
        ),
        "the untranslated activity"
    );
    assert!(french.contains("Alcalde") || french.contains("Maire de Bilbao"), "the office in French");
    let drafted = smartcities_publish::progress::draft_summary(&report, Lang::Es);
    assert!(drafted.contains(&format!("{} eventos", report.events.len())), "{drafted}");
    let edited =
        app.progress_report(&secretariat, year_2026(), Some("Un año de trabajo.".into())).await.unwrap();
    let html = smartcities_publish::progress::html(&edited, Lang::Es).unwrap();
    assert!(
        html.contains("Un año de trabajo.") && !html.contains(&drafted.chars().take(40).collect::<String>())
    );
}

#[tokio::test]
async fn the_secretariat_keeps_leadership_and_plan_and_makes_the_report_on_the_web() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(
        AppState::new(smartcities_app::App::new(store.clone()))
            .with_public_url(Some("https://study.example.org".into())),
    );
    let (cookie, csrf) = session(&store, "secretariat@smartcities.example.org").await;

    // The public sees the leadership and the timeline, without forms or the report.
    let public = send(&app, "GET", "/community?lang=en", None, None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("Bilbao leads the community") && public.body.contains("id=\"timeline\""));
    assert!(
        public.body.contains("<th scope=\"col\">2026-S1</th>")
            && public.body.contains("<th scope=\"col\">2027-S2</th>")
    );
    assert!(!public.body.contains("report-form") && !public.body.contains("Plan an activity"));
    let staff = send(&app, "GET", "/community?lang=en", Some(&cookie), None).await;
    assert!(staff.body.contains("report-form") && staff.body.contains("Plan an activity"));

    // An activity with problems comes back as typed; a good one lands on the timeline.
    let bad = format!(
        "csrf={csrf}&action=activity&id=2027-webinar&original=en&title_en=Webinar+on+open+data\
         &title_es=Seminario+web+sobre+datos+abiertos&semester=2027-S3\
         &component=learning&status=planned&owner_en=Bilbao&starts_on=2027-05&ends_on=2027-02"
    );
    let refused = send(&app, "POST", "/community?lang=en", Some(&cookie), Some(bad.clone())).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("semester-error") && refused.body.contains("value=\"Webinar on open data\"")
    );
    let good = bad.replace("2027-S3", "2027-S1").replace("ends_on=2027-02", "ends_on=2027-06");
    let saved = send(&app, "POST", "/community", Some(&cookie), Some(good)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let spanish = send(&app, "GET", "/community?lang=es", None, None).await.body;
    assert!(spanish.contains("id=\"plan-2027-webinar\""));
    assert!(spanish.contains("<span lang=\"es\">Seminario web sobre datos abiertos</span>"), "{spanish}");
    let french = send(&app, "GET", "/community?lang=fr", None, None).await.body;
    assert!(
        french.contains("<span lang=\"en\">Webinar on open data</span> <span class=\"tag original-in\">Original en anglais</span>"),
        "no French: the original, marked"
    );
    let order = format!(
        "csrf={csrf}&action=activity&id=2027-late&title_en=Late&semester=2027-S1&component=learning&status=planned&starts_on=2027-05&ends_on=2027-02"
    );
    let backwards = send(&app, "POST", "/community?lang=en", Some(&cookie), Some(order)).await;
    assert!(backwards.body.contains("ends_on-error"), "the end before the start is named");

    // The leadership: its texts in three languages side by side, a row per body and council.
    let leadership = format!(
        "csrf={csrf}&action=leadership&city=es-bilbao&representative=Juan+Mari+Aburto&original=es\
         &office_es=Alcalde+de+Bilbao&office_en=Mayor+of+Bilbao&since=2012\
         &update_es=Bilbao+desea+continuar.&body-1_es=Comisi%C3%B3n+de+Cultura&body-1_en=Committee+on+Culture\
         &role-1_en=Vice-president&role-1_es=Vicepresidencia\
         &council-1_es=Consejo+de+Oportunidades&council-1-received=2023%2C+2024"
    );
    assert_eq!(
        send(&app, "POST", "/community", Some(&cookie), Some(leadership)).await.status,
        StatusCode::SEE_OTHER
    );
    let kept = store.community().leadership().await.unwrap().unwrap();
    assert_eq!(kept.councils[0].received.len(), 2);
    assert_eq!(kept.bodies[0].role.as_ref().unwrap().get(Lang::En).0, "Vice-president");
    assert_eq!(kept.office.as_ref().unwrap().original, Lang::Es);
    let english = send(&app, "GET", "/community?lang=en", None, None).await.body;
    assert!(
        english.contains("Bilbao leads the community, represented by Juan Mari Aburto, Mayor of Bilbao.")
    );
    assert!(english.contains("<span lang=\"es\">Bilbao desea continuar.</span> <span class=\"tag original-in\">Original in Spanish</span>"));
    let form = send(&app, "GET", "/community?lang=en", Some(&cookie), None).await.body;
    for field in ["office_fr", "update_fr", "body-1_fr", "role-2_es", "council-3_en", "council-1-received"] {
        assert!(form.contains(&format!("name=\"{field}\"")), "{field}");
    }

    // The report, as a page and as a PDF, with an edited summary.
    let form = |format: &str, lang: &str| {
        Some(format!(
            "csrf={csrf}&from=2026-01&to=2026-12&lang={lang}&summary=Edited+summary.&format={format}"
        ))
    };
    let html = send(&app, "POST", "/community/report", Some(&cookie), form("html", "fr")).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.content_type.starts_with("text/html"));
    assert!(
        html.body.contains("Rapport d’avancement au Secrétariat mondial")
            && html.body.contains("Edited summary.")
    );
    let pdf = send(&app, "POST", "/community/report", Some(&cookie), form("pdf", "es")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.content_type, "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));
    let draft =
        send(&app, "GET", "/community/summary?from=2026-01&to=2026-12&lang=en", Some(&cookie), None).await;
    assert!(draft.body.starts_with("In the period January 2026 – December 2026"), "{}", draft.body);
    let bad_period = Some(format!("csrf={csrf}&from=2026-12&to=2026-01&lang=en&format=html"));
    assert_ne!(
        send(&app, "POST", "/community/report", Some(&cookie), bad_period).await.status,
        StatusCode::OK
    );
    let (respondent, respondent_csrf) = session(&store, "digital.office@bilbao.example.org").await;
    let form = Some(format!("csrf={respondent_csrf}&from=2026-01&to=2026-12&lang=en&format=html"));
    assert_eq!(
        send(&app, "POST", "/community/report", Some(&respondent), form).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
#[ignore = "needs qpdf and pdftotext (poppler-utils)"]
async fn the_progress_report_pdf_is_valid_with_its_text_extractable_in_each_language() {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let run = |program: &str, args: &[&str]| {
        let out = std::process::Command::new(program).args(args).output().expect(program);
        assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for (lang, words) in [
        ("en", ["Progress report", "Implementation", "Learning", "Summary of the period"]),
        ("es", ["Informe de avance", "Implementación", "Aprendizaje", "Resumen de los resultados"]),
        ("fr", ["Rapport d’avancement", "Mise en œuvre", "Apprentissage", "Synthèse des résultats"]),
    ] {
        let pdf = dir.path().join(format!("report-{lang}.pdf"));
        let pdf = pdf.to_str().unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_smartcities"))
            .args(["report", "progress", "--from", "2026-01", "--to", "2026-12", "--lang", lang, "-o", pdf])
            .env("SMARTCITIES_DATABASE_URL", &db.url)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        run("qpdf", &["--check", pdf]);
        let text = run("pdftotext", &[pdf, "-"]).replace('\n', " ");
        for word in words {
            assert!(text.contains(word), "{lang}: {word:?} in the PDF's text");
        }
        assert!(text.contains("1050"), "{lang}: the downloads figure");
    }
}

#[tokio::test]
async fn downloads_are_counted_once_per_client_and_day_and_written_in_batches() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let application = smartcities_app::App::new(store.clone());
    let app = router(AppState::new(application.clone()));
    let today = smartcities_domain::Clock::now(&smartcities_domain::SystemClock).day();
    let count = || {
        let (store, today) = (store.clone(), today);
        async move { store.community().downloads(today, today).await.unwrap().iter().map(|(_, n)| n).sum::<u64>() }
    };
    let before = count().await;
    let pdf = "/editions/2024/v/1/pdf/report-es.pdf";
    for _ in 0..50 {
        assert_eq!(send(&app, "GET", pdf, None, None).await.status, StatusCode::OK);
    }
    assert_eq!(
        send(&app, "GET", "/editions/2024/v/1/site/es/index.html", None, None).await.status,
        StatusCode::OK
    );
    assert_eq!(count().await, before, "a download costs no write");
    assert_eq!(application.flush_downloads().await.unwrap(), 1, "fifty fetches by one client count once");
    assert_eq!(count().await, before + 1, "the PDF counts, the page does not");
    assert_eq!(
        store.community().downloads(today, today).await.unwrap(),
        vec![(smartcities_domain::EditionYear::new(2024).unwrap(), 1)]
    );
    assert_eq!(application.flush_downloads().await.unwrap(), 0, "nothing is written twice");

    // A cache that holds the file asks whether it changed: 304, no body.
    let first = app.clone().oneshot(Request::get(pdf).body(Body::empty()).unwrap()).await.unwrap();
    let etag = first.headers()[header::ETAG].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && !etag.starts_with("W/"), "a strong validator: {etag}");
    let again = Request::get(pdf).header(header::IF_NONE_MATCH, &etag).body(Body::empty()).unwrap();
    let again = app.clone().oneshot(again).await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()[header::CACHE_CONTROL], "public, max-age=86400");
    assert!(axum::body::to_bytes(again.into_body(), 1024).await.unwrap().is_empty());
    let other = Request::get(pdf).header(header::IF_NONE_MATCH, "\"other\"").body(Body::empty()).unwrap();
    assert_eq!(app.clone().oneshot(other).await.unwrap().status(), StatusCode::OK);
}

#[tokio::test]
async fn the_secretariat_names_a_city_in_three_languages_on_the_web() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    let (cookie, csrf) = session(&store, "secretariat@smartcities.example.org").await;

    let page = send(&app, "GET", "/cities/ee-tallinn?lang=es", Some(&cookie), None).await;
    assert!(page.body.contains("href=\"/cities/ee-tallinn/names\""), "the secretariat's link");
    let visitor = send(&app, "GET", "/cities/ee-tallinn?lang=es", None, None).await;
    assert!(!visitor.body.contains("/cities/ee-tallinn/names"));
    assert_ne!(send(&app, "GET", "/cities/ee-tallinn/names", None, None).await.status, StatusCode::OK);
    let form = send(&app, "GET", "/cities/ee-tallinn/names?lang=fr", Some(&cookie), None).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("name=\"name_fr\"") && form.body.contains("value=\"Tallinn\""));

    let blank = format!("csrf={csrf}&name_en=&name_es=Tallin&name_fr=Tallinn");
    let refused = send(&app, "POST", "/cities/ee-tallinn/names?lang=es", Some(&cookie), Some(blank)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"name_en-error\"") && refused.body.contains("value=\"Tallin\""));
    let good = format!("csrf={csrf}&name_en=Tallinn&name_es=Tallin&name_fr=Tallinn");
    let saved = send(&app, "POST", "/cities/ee-tallinn/names", Some(&cookie), Some(good)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let spanish = send(&app, "GET", "/cities/ee-tallinn?lang=es", None, None).await;
    assert!(spanish.body.contains("<h1>Tallin</h1>"), "the public page names it in Spanish");
    let english = send(&app, "GET", "/cities/ee-tallinn?lang=en", None, None).await;
    assert!(english.body.contains("<h1>Tallinn</h1>"), "and in English as the registry does");
}

#[tokio::test]
async fn the_community_record_is_open_data_in_every_language_with_its_original() {
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    let api = send(&app, "GET", "/api/v1/community", None, None).await;
    assert_eq!(api.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    // Each text carries its original and every language it has; a missing one is absent,
    // never filled with another language's text.
    let office = &json["leadership"]["office"];
    assert!(office["original"].is_string(), "{office}");
    for lang in ["es", "en", "fr"] {
        assert!(office["text"][lang].is_string(), "the office in {lang}: {office}");
    }
    let update = &json["leadership"]["update"];
    assert!(update["text"]["fr"].is_null() && update["text"]["es"].is_string(), "{update}");
    let activities = json["activities"].as_array().unwrap();
    assert_eq!(activities.len(), 10);
    assert!(activities.iter().any(|a| a["title"]["text"]["fr"].is_null()), "one activity lacks French");
    let partners = json["partners"].as_array().unwrap();
    assert!(partners.iter().any(|p| p["names"]["es"].is_string()), "partners' names in Spanish");
    let uraia = partners.iter().find(|p| p["id"] == "uraia").unwrap();
    assert_eq!(uraia["description"]["original"], "es");
    assert!(uraia["description"]["text"]["en"].is_string() && uraia["description"]["text"]["fr"].is_null());

    // The home page shows a description in the reader's language, or its original marked.
    let home = send(&app, "GET", "/?lang=fr", None, None).await;
    assert!(home.body.contains("Le programme des Nations unies pour les établissements humains"));
    let line = home.body.split("Plateforme Uraía").nth(1).unwrap().split("</li>").next().unwrap();
    assert!(
        line.contains("<span lang=\"es\">Plataforma de cooperación") && line.contains("Original en espagnol"),
        "{line}"
    );
    let document = send(&app, "GET", "/api/openapi.json", None, None).await;
    assert!(document.body.contains("/api/v1/community") && document.body.contains("CommunityResource"));
}
