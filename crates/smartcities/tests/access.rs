//! Who may do what: every route walked with every role, and the sign-in rules (one-time
//! invitations, CSRF, rate limiting, cookie flags).

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::accounts as auth;
use smartcities_domain::{CityId, Email, Role};
use smartcities_store::{LinkPurpose, Store, testing::TestDatabase};
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use tower::ServiceExt;

struct App {
    _db: TestDatabase,
    store: Store,
    app: Router,
}

async fn app() -> App {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(
        AppState::new(smartcities_app::App::new(store.clone()))
            .with_public_url(Some("https://study.example.org/".into())),
    );
    App { _db: db, store, app }
}

/// A signed-in session for the demo account with this e-mail: (cookie header, csrf token).
async fn session(store: &Store, email: &str) -> (String, String) {
    let user = store.accounts().user_by_email(&Email::parse(email).unwrap()).await.unwrap().unwrap();
    let (token, csrf) = (auth::new_token(), auth::new_token());
    store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await.unwrap();
    (format!("{}={token}", SESSION_COOKIE), csrf)
}

struct Reply {
    status: StatusCode,
    location: Option<String>,
    cookies: Vec<String>,
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

const OWN: &str = "pt-lisbon";
const OTHER: &str = "at-vienna";

#[tokio::test]
async fn every_route_with_every_role() {
    let app = app().await;
    let roles = [
        ("public", None),
        ("secretariat", Some(session(&app.store, "secretariat@smartcities.example.org").await)),
        ("analyst", Some(session(&app.store, "analyst@smartcities.example.org").await)),
        ("respondent", Some(session(&app.store, "digital.office@lisbon.example.org").await)),
    ];
    // Expected status per role, in the order public, secretariat, analyst, respondent. 303 for
    // the public means "sent to sign in".
    let gets: Vec<(String, [u16; 4])> = vec![
        ("/".into(), [200, 200, 200, 200]),
        ("/editions".into(), [200, 200, 200, 200]),
        ("/editions/2025".into(), [200, 200, 200, 200]),
        ("/members".into(), [200, 200, 200, 200]),
        ("/members/join".into(), [200, 200, 200, 200]),
        ("/community".into(), [200, 200, 200, 200]),
        ("/members/renewal".into(), [303, 200, 403, 403]),
        ("/community/summary?from=2026-01&to=2026-12".into(), [303, 200, 200, 403]),
        ("/api/v1/members".into(), [200, 200, 200, 200]),
        ("/cities/es-bilbao".into(), [200, 200, 200, 200]),
        ("/api/v1/editions".into(), [200, 200, 200, 200]),
        ("/api/v1/cities/es-bilbao".into(), [200, 200, 200, 200]),
        ("/api/openapi.json".into(), [200, 200, 200, 200]),
        ("/healthz".into(), [200, 200, 200, 200]),
        ("/sign-in".into(), [200, 200, 200, 200]),
        ("/me".into(), [303, 200, 200, 200]),
        ("/campaigns/2025".into(), [303, 200, 200, 403]),
        ("/editions/2025/focus-groups".into(), [303, 200, 200, 403]),
        ("/questionnaires/2025".into(), [303, 200, 200, 403]),
        ("/questionnaires/2025/xlsform.xlsx".into(), [303, 200, 200, 403]),
        ("/questionnaires/2025/questions/has_living_lab".into(), [303, 200, 403, 403]),
        ("/editions/2023/focus-groups".into(), [200, 200, 200, 200]),
        ("/editions/2025/results".into(), [303, 200, 200, 403]),
        ("/editions/2025/coding".into(), [303, 200, 200, 403]),
        ("/editions/2025/questions/has_living_lab".into(), [303, 200, 200, 403]),
        ("/editions/2023/results".into(), [200, 200, 200, 200]),
        ("/api/v1/editions/2025/results".into(), [403, 200, 200, 403]),
        ("/api/v1/editions/2025/questions/has_living_lab".into(), [403, 200, 200, 403]),
        ("/api/v1/cities/es-bilbao/profile".into(), [200, 200, 200, 200]),
        (format!("/responses/2025/{OWN}"), [303, 200, 200, 200]),
        (format!("/responses/2025/{OWN}/groups/smart_economy"), [303, 200, 200, 200]),
        (format!("/responses/2025/{OWN}/groups/good_practices"), [303, 200, 200, 200]),
        (format!("/responses/2025/{OWN}/review"), [303, 200, 200, 200]),
        (format!("/responses/2025/{OWN}/print"), [303, 200, 200, 200]),
        (format!("/responses/2025/{OWN}/history"), [303, 200, 200, 200]),
        (format!("/responses/2025/{OWN}/workbook.xlsx"), [303, 200, 200, 200]),
        (format!("/responses/2025/{OTHER}"), [303, 200, 200, 403]),
        (format!("/responses/2025/{OTHER}/groups/smart_economy"), [303, 200, 200, 403]),
        (format!("/responses/2025/{OTHER}/review"), [303, 200, 200, 403]),
        (format!("/responses/2025/{OTHER}/print"), [303, 200, 200, 403]),
        (format!("/responses/2025/{OTHER}/history"), [303, 200, 200, 403]),
        (format!("/responses/2025/{OTHER}/workbook.xlsx"), [303, 200, 200, 403]),
    ];
    for (uri, expected) in &gets {
        for ((role, session), want) in roles.iter().zip(expected) {
            let reply = send(&app.app, "GET", uri, session.as_ref().map(|(c, _)| c.as_str()), None).await;
            assert_eq!(reply.status.as_u16(), *want, "GET {uri} as {role}");
            if *want == 303 && *role == "public" {
                assert!(
                    reply.location.as_deref().unwrap_or("").starts_with("/sign-in?next="),
                    "GET {uri} as {role}"
                );
            }
        }
    }

    // Changes. The form carries the session's CSRF token; a save is based on revision 0.
    let posts: Vec<(String, String, [u16; 4])> = vec![
        (
            format!("/responses/2025/{OTHER}/groups/smart_economy"),
            "shown=has_living_lab&has_living_lab=yes".into(),
            [303, 303, 403, 403],
        ),
        (
            format!("/responses/2025/{OWN}/groups/smart_economy"),
            "shown=has_living_lab&has_living_lab=no".into(),
            [303, 303, 403, 303],
        ),
        (format!("/responses/2025/{OWN}/submit"), String::new(), [303, 409, 403, 409]),
        (format!("/responses/2025/{OWN}/decision"), "decision=accept".into(), [303, 409, 403, 403]),
        ("/campaigns/2025".into(), "action=remind&confirm=1&remind=pt-lisbon".into(), [303, 303, 403, 403]),
        (
            "/questionnaires/2025/questions".into(),
            "version=1&group=smart_economy&name=matrix_probe&type=yes_no&label.en=Probe".into(),
            [303, 303, 403, 403],
        ),
        (
            "/editions/2025/focus-groups".into(),
            "id=2025-extra&held_on=2025-11-02&language=en&participants=es-bilbao".into(),
            [303, 303, 403, 403],
        ),
        ("/campaigns/2025".into(), "action=open&deadline=2027-06-30&confirm=1".into(), [303, 303, 403, 403]),
    ];
    for (uri, form, expected) in &posts {
        for ((role, session), want) in roles.iter().zip(expected) {
            let csrf = session.as_ref().map_or(String::new(), |(_, c)| c.clone());
            let body = format!("csrf={csrf}&revision=0&{form}");
            let reply =
                send(&app.app, "POST", uri, session.as_ref().map(|(c, _)| c.as_str()), Some(body)).await;
            assert_eq!(
                reply.status.as_u16(),
                *want,
                "POST {uri} as {role}: {}",
                reply.body.chars().take(300).collect::<String>()
            );
        }
    }
    // The secretariat's saves landed; the respondent's save of the same value, based on the
    // revision before it, found it in place rather than conflicting.
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let vienna = app.store.answering().answers(year, &CityId::parse(OTHER).unwrap()).await.unwrap();
    assert_eq!((vienna[0].question.as_str(), vienna[0].value.as_str()), ("has_living_lab", "yes"));
    let lisbon = app.store.answering().answers(year, &CityId::parse(OWN).unwrap()).await.unwrap();
    assert_eq!(lisbon.len(), 1);
    assert_eq!(lisbon[0].updated_by, "secretariat@smartcities.example.org", "the secretariat answered first");
}

#[tokio::test]
async fn the_secretariat_runs_the_campaign_from_its_dashboard() {
    let app = app().await;
    let (cookie, csrf) = session(&app.store, "secretariat@smartcities.example.org").await;
    let page = send(&app.app, "GET", "/campaigns/2025?lang=en", Some(&cookie), None).await;
    // The demonstration's renewal round has mail waiting already.
    let before = app.store.outbox().outbox_counts().await.unwrap().pending;
    assert!(
        page.body.contains("Invite member cities")
            && page.body.contains(&format!("{before} waiting, 0 sent")),
        "{}",
        page.body
    );

    let form = |action: &str| Some(format!("csrf={csrf}&action={action}"));
    let reminded = send(
        &app.app,
        "POST",
        "/campaigns/2025",
        Some(&cookie),
        form("remind&confirm=1&remind=pt-lisbon&remind=at-vienna"),
    )
    .await;
    assert_eq!(reminded.status, StatusCode::SEE_OTHER);
    let location = reminded.location.unwrap();
    let waiting = app.store.outbox().outbox_counts().await.unwrap().pending;
    let queued = waiting - before;
    assert!(queued > 0);
    assert!(location.ends_with(&format!("mails={queued}")), "{location}");
    let page = send(&app.app, "GET", &format!("{location}&lang=en"), Some(&cookie), None).await;
    assert!(page.body.contains(&format!("{queued} messages queued")), "{}", page.body);
    assert!(page.body.contains(&format!("{waiting} waiting, 0 sent, 0 given up")), "{}", page.body);
    // Links point to the configured public address, whatever host the request named.
    let mail: Vec<_> = app
        .store
        .outbox()
        .due_mail(10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.subject.starts_with("Smart Cities Study"))
        .collect();
    assert!(mail[0].body.contains("\nhttps://study.example.org/"), "{}", mail[0].body);

    // A failed delivery shows with its error, so the secretariat can act on it.
    app.store.outbox().mark_mail_failed(&mail[0], "550 mailbox unavailable", false).await.unwrap();
    let page = send(&app.app, "GET", "/campaigns/2025?lang=en", Some(&cookie), None).await;
    assert!(
        page.body.contains("550 mailbox unavailable") && page.body.contains(&mail[0].recipient),
        "{}",
        page.body
    );

    // A refused deadline comes back beside its field, as typed, in the signed-in layout.
    let bad =
        send(&app.app, "POST", "/campaigns/2025?lang=en", Some(&cookie), form("open&deadline=next%20spring"))
            .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"collection-error\""), "{}", bad.body);
    assert!(bad.body.contains("value=\"next spring\""), "{}", bad.body);
    assert!(bad.body.contains("Sign out"));
    let past =
        send(&app.app, "POST", "/campaigns/2025?lang=en", Some(&cookie), form("open&deadline=2020-01-01"))
            .await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(past.body.contains("has passed") && past.body.contains("value=\"2020-01-01\""), "{}", past.body);

    // Inviting starts with a preview of who gets which mail; only cities not yet invited: here
    // a city that has just joined.
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let mut newcomer = app.store.registry().cities(&Default::default()).await.unwrap()[0].clone();
    newcomer.id = CityId::parse("pt-braga").unwrap();
    newcomer.name = "Braga".into();
    app.store.registry().upsert_cities(std::slice::from_ref(&newcomer)).await.unwrap();
    let focal = smartcities_domain::FocalPoint {
        name: "Ana Costa".into(),
        role: "Digital transformation".into(),
        email: Email::parse("ana.costa@braga.example.org").unwrap(),
    };
    let member = smartcities_domain::Member {
        city: newcomer.id.clone(),
        status: smartcities_domain::MemberStatus::Active,
        since: Some(2026),
        focal_points: vec![focal],
        illustrative: true,
    };
    app.store.registry().save_members(&[member]).await.unwrap();
    let invitees = smartcities_app::App::new(app.store.clone()).invitation_preview(year).await.unwrap();
    assert_eq!(invitees.len(), 1, "only the newcomer is still to invite");
    assert_eq!(invitees[0].recipients, ["ana.costa@braga.example.org"]);
    let preview = send(&app.app, "GET", "/campaigns/2025?lang=en&preview=invite", Some(&cookie), None).await;
    assert!(preview.body.contains("Before inviting"), "{}", preview.body);
    assert!(preview.body.contains("Send the invitation"), "{}", preview.body);
    assert!(preview.body.contains(">Braga<") && preview.body.contains("ana.costa@braga.example.org"));
    assert!(preview.body.contains("is invited to answer"), "the mail is shown");
    let invited = send(&app.app, "POST", "/campaigns/2025", Some(&cookie), form("invite")).await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER);
    let again = send(&app.app, "GET", "/campaigns/2025?lang=en&preview=invite", Some(&cookie), None).await;
    assert!(again.body.contains("has been invited already"), "{}", again.body);
    // Moving the deadline is shown first with the cities that will be told, then confirmed.
    let asked =
        send(&app.app, "POST", "/campaigns/2025?lang=en", Some(&cookie), form("open&deadline=2027-07-15"))
            .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("until 2027-07-15 (included)"), "{}", asked.body);
    let opened =
        send(&app.app, "POST", "/campaigns/2025", Some(&cookie), form("open&deadline=2027-07-15&confirm=1"))
            .await;
    assert!(opened.location.as_deref().unwrap().starts_with("/campaigns/2025?changed=open&cities="));
    let page = send(&app.app, "GET", "/campaigns/2025?lang=en", Some(&cookie), None).await;
    assert!(page.body.contains("<strong>2027-07-15</strong>"), "{}", page.body);

    // A city that withdraws is recorded as such from its review page.
    let review =
        send(&app.app, "GET", &format!("/responses/2025/{OTHER}/review?lang=en"), Some(&cookie), None).await;
    assert!(review.body.contains("Record that the city withdrew"), "{}", review.body);
    let form = Some(format!("csrf={csrf}&decision=withdraw"));
    let withdrawn =
        send(&app.app, "POST", &format!("/responses/2025/{OTHER}/decision"), Some(&cookie), form).await;
    assert_eq!(withdrawn.status, StatusCode::SEE_OTHER);
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let status =
        app.store.answering().response(year, &CityId::parse(OTHER).unwrap()).await.unwrap().unwrap().status;
    assert_eq!(status, smartcities_domain::ResponseStatus::Withdrawn);
}

#[tokio::test]
async fn the_secretariat_records_a_focus_group_on_the_web() {
    let app = app().await;
    let (cookie, csrf) = session(&app.store, "secretariat@smartcities.example.org").await;
    let page = send(&app.app, "GET", "/editions/2025/focus-groups?lang=en", Some(&cookie), None).await;
    assert_eq!(page.status, StatusCode::OK);
    for workshop in ["2025-es", "2025-en", "2025-fr"] {
        assert!(page.body.contains(&format!("id=\"{workshop}\"")), "{workshop}");
    }
    assert!(page.body.contains("Public registers of the algorithms"), "the notes are shown");
    assert!(page.body.contains(">Workshop in Spanish, "), "workshops are named in words, not by id");

    let form = |sdgs: &str| {
        Some(format!(
            "csrf={csrf}&id=2025-pt&held_on=2025-11-04&language=es&dynamics=Mesa+redonda\
             &participants=pt-lisbon&participants=es-bilbao\
             &output.0.kind=enabler&output.0.axis=smart_governance&output.0.sdgs={sdgs}&output.0.note=Liderazgo+pol%C3%ADtico\
             &output.1.kind=&output.1.axis=&output.1.sdgs=&output.1.note="
        ))
    };
    let refused =
        send(&app.app, "POST", "/editions/2025/focus-groups?lang=en", Some(&cookie), form("16.6%2C+18.1"))
            .await;
    // The form comes back as typed, in the signed-in layout, with the problem beside its row.
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"output-0-error\">Output 1:"), "{}", refused.body);
    assert!(refused.body.contains("value=\"Liderazgo político\""), "the note is kept");
    assert!(refused.body.contains("value=\"16.6, 18.1\" placeholder"), "the typed targets are kept");
    assert!(refused.body.contains("value=\"pt-lisbon\" checked"), "the chosen cities are kept");
    assert!(refused.body.contains(">Mesa redonda</textarea>"));
    assert!(refused.body.contains("Sign out") && !refused.body.contains(">Sign in<"));
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    assert_eq!(
        app.store.workshops().focus_groups(year).await.unwrap().len(),
        3,
        "a refused form records nothing"
    );

    let saved =
        send(&app.app, "POST", "/editions/2025/focus-groups", Some(&cookie), form("16.6%2C+17.17")).await;
    assert_eq!(saved.location.as_deref(), Some("/editions/2025/focus-groups#2025-pt"));
    let groups = app.store.workshops().focus_groups(year).await.unwrap();
    let recorded = groups.iter().find(|g| g.id == "2025-pt").unwrap();
    assert_eq!(recorded.participants.len(), 2);
    assert_eq!(recorded.outputs.len(), 1);
    assert_eq!(recorded.outputs[0].note, "Liderazgo político");
    let page =
        send(&app.app, "GET", "/editions/2025/focus-groups?lang=en&edit=2025-pt", Some(&cookie), None).await;
    assert!(page.body.contains("value=\"16.6, 17.17\""), "the form is filled for a correction");
    assert!(page.body.contains("name=\"editing\" value=\"2025-pt\""));
    // A new workshop under an id in use is refused; the workshop being edited keeps its id.
    let reused =
        send(&app.app, "POST", "/editions/2025/focus-groups?lang=en", Some(&cookie), form("16.6")).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reused.body.contains("id=\"id-error\">A workshop with the id 2025-pt exists already"),
        "{}",
        reused.body
    );
    assert!(reused.body.contains("id=\"id\" name=\"id\" value=\"2025-pt\""));
    let corrected = send(
        &app.app,
        "POST",
        "/editions/2025/focus-groups",
        Some(&cookie),
        form("16.6").map(|f| format!("{f}&editing=2025-pt")),
    )
    .await;
    assert_eq!(corrected.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_secretariat_edits_the_questionnaire_on_the_web() {
    let app = app().await;
    let (cookie, csrf) = session(&app.store, "secretariat@smartcities.example.org").await;
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let (version, _) = app.store.study().questionnaire(year).await.unwrap().unwrap();
    let page = send(&app.app, "GET", "/questionnaires/2025?lang=en", Some(&cookie), None).await;
    assert!(page.body.contains("id=\"q-has_living_lab\""), "{}", page.body);
    let form =
        send(&app.app, "GET", "/questionnaires/2025/questions/has_living_lab?lang=en", Some(&cookie), None)
            .await;
    assert!(form.body.contains("name=\"label.fr\""), "{}", form.body);

    let edit = |version: smartcities_domain::QuestionnaireVersion, extra: &str| {
        Some(format!(
            "csrf={csrf}&version={version}&action=save&name=has_living_lab\
             &label.en=Does+the+city+run+a+living+lab%3F&label.es=%C2%BFTiene+la+ciudad+un+laboratorio+urbano%3F\
             &label.fr=La+ville+a-t-elle+un+laboratoire+vivant+%3F&hint.en=A+place+to+test+with+residents{extra}"
        ))
    };
    let uri = "/questionnaires/2025/questions/has_living_lab?lang=en";
    let saved = send(&app.app, "POST", uri, Some(&cookie), edit(version, "&required=on")).await;
    assert_eq!(
        saved.location.as_deref(),
        Some(&*format!("/questionnaires/2025?saved={}#q-has_living_lab", version.next()))
    );
    let (now, q) = app.store.study().questionnaire(year).await.unwrap().unwrap();
    assert_eq!(now, version.next());
    let question = q.question("has_living_lab").unwrap();
    assert!(question.required);
    assert_eq!(question.hint.0.len(), 1);

    // Another editor still on the old version is refused rather than undoing the edit.
    let stale = send(&app.app, "POST", uri, Some(&cookie), edit(version, "")).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("changed since you opened it"), "{}", stale.body);
    assert!(stale.body.contains("value=\"A place to test with residents\""), "the stale form keeps its text");

    // A condition built with the pick lists is stored as XLSForm and shown in words.
    let other = q
        .questions()
        .iter()
        .find(|l| {
            l.repeat().is_none()
                && l.question.name.as_str() != "has_living_lab"
                && matches!(l.question.kind, smartcities_app::questionnaire::Kind::YesNo)
        })
        .map(|l| {
            (
                l.question.name.to_string(),
                l.question.label.get(smartcities_domain::Lang::En, q.default_language).to_string(),
            )
        })
        .unwrap();
    let picked = send(
        &app.app,
        "POST",
        uri,
        Some(&cookie),
        edit(now, &format!("&pick.question={}&pick.comparison=eq&pick.value=yes", other.0)),
    )
    .await;
    assert_eq!(picked.status, StatusCode::SEE_OTHER, "{}", picked.body);
    let (now, q) = app.store.study().questionnaire(year).await.unwrap().unwrap();
    let relevant = q.question("has_living_lab").unwrap().relevant.as_ref().unwrap();
    assert_eq!(relevant.source, format!("${{{}}} = 'yes'", other.0));
    let page = send(&app.app, "GET", "/questionnaires/2025?lang=en", Some(&cookie), None).await;
    let start: String = other.1.chars().take_while(|c| c.is_alphanumeric() || *c == ' ').collect();
    assert!(page.body.contains(&format!("«{start}")) && page.body.contains("» is «Yes»"), "{}", page.body);
    assert!(page.body.contains("The campaign is open"), "editors are warned while cities answer");

    // Problems are listed on the form, filled as it was sent; nothing is stored.
    let bad = send(
        &app.app,
        "POST",
        uri,
        Some(&cookie),
        edit(now, "&relevant=%24%7Bno_such_question%7D+%3D+%27yes%27&constraint=.+%3E"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Nothing was saved")
            && bad.body.contains("no_such_question")
            && bad.body.contains("Constraint:"),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"A place to test with residents\""), "the form keeps what was typed");
    assert_eq!(app.store.study().questionnaire(year).await.unwrap().unwrap().0, now);

    // A new question lands at the end of its group; an answered question cannot be removed.
    let add = format!(
        "csrf={csrf}&version={now}&group=smart_economy&name=open_data_portal&type=yes_no&label.en=Open+data+portal%3F&required=on"
    );
    let added = send(&app.app, "POST", "/questionnaires/2025/questions", Some(&cookie), Some(add)).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let (now, q) = app.store.study().questionnaire(year).await.unwrap().unwrap();
    assert!(q.question("open_data_portal").is_some_and(|q| q.required));
    let names: Vec<String> = q.questions().iter().map(|l| l.question.name.to_string()).collect();
    let mut answered = None;
    for name in names {
        if app.store.study().answer_count(year, &name).await.unwrap() > 0 {
            answered = Some(name);
            break;
        }
    }
    let answered = answered.expect("the demonstration has answers");
    let remove = |name: &str| Some(format!("csrf={csrf}&version={now}&action=delete&name={name}"));
    let uri = format!("/questionnaires/2025/questions/{answered}?lang=en");
    let kept = send(&app.app, "POST", &uri, Some(&cookie), remove(&answered)).await;
    assert_eq!(kept.status, StatusCode::CONFLICT);
    assert!(kept.body.contains("cannot be removed"), "{}", kept.body);
    assert!(kept.body.contains("Sign out") && kept.body.contains("name=\"name\" value=\""), "the form stays");
    // Removing asks first; only the confirmation removes.
    let uri = "/questionnaires/2025/questions/open_data_portal?lang=en";
    let asked = send(&app.app, "POST", uri, Some(&cookie), remove("open_data_portal")).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("Remove the question open_data_portal?"), "{}", asked.body);
    assert!(
        app.store
            .study()
            .questionnaire(year)
            .await
            .unwrap()
            .unwrap()
            .1
            .question("open_data_portal")
            .is_some()
    );
    let confirm = Some(format!("csrf={csrf}&version={now}&action=delete-confirmed"));
    let removed = send(&app.app, "POST", uri, Some(&cookie), confirm).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    assert!(
        app.store
            .study()
            .questionnaire(year)
            .await
            .unwrap()
            .unwrap()
            .1
            .question("open_data_portal")
            .is_none()
    );

    let download = send(&app.app, "GET", "/questionnaires/2025/xlsform.xlsx", Some(&cookie), None).await;
    assert_eq!(download.status, StatusCode::OK);
}

#[tokio::test]
async fn results_pages_profiles_and_api() {
    let app = app().await;
    let (cookie, _) = session(&app.store, "analyst@smartcities.example.org").await;
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let results = smartcities_app::App::new(app.store.clone())
        .results(year)
        .await
        .unwrap()
        .expect("the demonstration is analysed")
        .results;

    let page = send(&app.app, "GET", "/editions/2025/results?lang=en", Some(&cookie), None).await;
    assert!(
        page.body.contains(&format!("{} of {} invited cities answering", results.answering, results.invited)),
        "{}",
        page.body
    );
    assert!(page.body.contains("href=\"/editions/2025/questions/has_living_lab\""));
    assert!(page.body.contains("Axes and SDGs") && page.body.contains("Barriers and enablers most cited"));
    assert!(page.body.contains("In the free text: categories coded most often"), "{}", page.body);
    assert!(page.body.contains("Most cited per axis") && page.body.contains("Most cited per UCLG section"));
    let spanish = send(&app.app, "GET", "/editions/2025/results?lang=es", Some(&cookie), None).await;
    assert!(spanish.body.contains("ciudades invitadas responden"));

    let question =
        send(&app.app, "GET", "/editions/2025/questions/has_living_lab?lang=en", Some(&cookie), None).await;
    assert_eq!(question.status, StatusCode::OK);
    assert!(
        question.body.contains("class=\"chart bars\"") && question.body.contains("95 % interval"),
        "{}",
        question.body
    );
    assert!(question.body.contains("UCLG section") && question.body.contains("Metropolis members"));
    let missing =
        send(&app.app, "GET", "/editions/2025/questions/no_such_question", Some(&cookie), None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    let api = send(&app.app, "GET", "/api/v1/editions/2025/results", Some(&cookie), None).await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(json["answering"], results.answering);
    assert_eq!(json["input_hash"], results.input_hash.as_str());
    let public = send(&app.app, "GET", "/api/v1/editions/2025/results", None, None).await;
    assert_eq!(public.status, StatusCode::FORBIDDEN);
    assert!(public.body.contains("\"forbidden\""), "{}", public.body);
    let one =
        send(&app.app, "GET", "/api/v1/editions/2025/questions/has_living_lab", Some(&cookie), None).await;
    let json: serde_json::Value = serde_json::from_str(&one.body).unwrap();
    assert_eq!(json["summary"]["code"], "has_living_lab");
    assert!(json["label"]["es"].as_str().is_some_and(|l| !l.is_empty()));

    // A city that answered: its profile on the API and on its page.
    let accepted = app.store.answering().accepted_answers(year).await.unwrap();
    let city = accepted[0].0.as_str();
    let profile = send(&app.app, "GET", &format!("/api/v1/cities/{city}/profile"), Some(&cookie), None).await;
    let json: serde_json::Value = serde_json::from_str(&profile.body).unwrap();
    assert_eq!(json["profiles"][0]["edition"], 2025);
    assert_eq!(json["profiles"][0]["peers"].as_array().unwrap().len(), 5);
    let hidden = send(&app.app, "GET", &format!("/api/v1/cities/{city}/profile"), None, None).await;
    let json: serde_json::Value = serde_json::from_str(&hidden.body).unwrap();
    let public: Vec<&serde_json::Value> =
        json["profiles"].as_array().unwrap().iter().map(|p| &p["edition"]).collect();
    assert!(public.iter().all(|e| **e == 2024), "unpublished profiles are not public: {public:?}");
    let page = send(&app.app, "GET", &format!("/cities/{city}?lang=en"), Some(&cookie), None).await;
    assert!(page.body.contains("In the 2025 study") && page.body.contains("Similar cities"), "{}", page.body);
    // The demonstration adopts a documented scoring rule, so levels show, as a radar and a table.
    assert!(page.body.contains("Level per axis") && page.body.contains("class=\"radar\""), "{}", page.body);
    let edition = app.store.study().edition(year).await.unwrap().unwrap();
    assert!(edition.scoring.is_some());
    let published = app
        .store
        .study()
        .edition(smartcities_domain::EditionYear::new(2023).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(published.scoring.is_none(), "the study's own editions profile cities without scoring them");

    let openapi = send(&app.app, "GET", "/api/openapi.json", None, None).await;
    for path in [
        "/api/v1/editions/{year}/results",
        "/api/v1/editions/{year}/questions/{code}",
        "/api/v1/cities/{id}/profile",
    ] {
        assert!(openapi.body.contains(path), "{path}");
    }
}

#[tokio::test]
async fn analysts_code_free_text_and_see_their_agreement() {
    let app = app().await;
    let (cookie, csrf) = session(&app.store, "analyst@smartcities.example.org").await;
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let page = send(&app.app, "GET", "/editions/2025/coding?lang=en&item=0", Some(&cookie), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Answer 1 of "), "{}", page.body);
    assert!(
        page.body.contains("Code frequencies") && page.body.contains("kappa per category"),
        "{}",
        page.body
    );
    assert!(page.body.contains("name=\"code\" value=\"funding\""));

    let hidden = |name: &str| {
        let at = page.body.find(&format!("name=\"{name}\" value=\"")).unwrap() + name.len() + 15;
        page.body[at..].split('"').next().unwrap().to_string()
    };
    let item = format!(
        "index={}&city={}&question_code={}&entry={}",
        hidden("index"),
        hidden("city"),
        hidden("question_code"),
        hidden("entry")
    );

    let before = app.store.findings().codings(year).await.unwrap();
    let saved = send(
        &app.app,
        "POST",
        "/editions/2025/coding",
        Some(&cookie),
        Some(format!("csrf={csrf}&{item}&code=data&code=funding&passage.data=&passage.funding=")),
    )
    .await;
    assert_eq!(saved.location.as_deref(), Some("/editions/2025/coding?after=0"));
    let after = app.store.findings().codings(year).await.unwrap();
    let mine: Vec<_> = after.iter().filter(|c| c.coder == "analyst@smartcities.example.org").collect();
    assert_eq!(mine.len(), before.iter().filter(|c| c.coder == "analyst@smartcities.example.org").count());
    assert!(
        mine.iter().any(|c| c.codes == ["data", "funding"] && c.independent),
        "the first answer now carries the chosen codes, coded independently"
    );

    let refused = send(
        &app.app,
        "POST",
        "/editions/2025/coding?lang=en",
        Some(&cookie),
        Some(format!("csrf={csrf}&{item}&code=astrology")),
    )
    .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("no category astrology"), "{}", refused.body);
}

#[tokio::test]
async fn a_form_without_the_session_token_changes_nothing() {
    let app = app().await;
    let (cookie, csrf) = session(&app.store, "digital.office@lisbon.example.org").await;
    let uri = format!("/responses/2025/{OWN}/groups/smart_economy");
    for token in ["", "forged", &csrf[..31]] {
        let form = format!("csrf={token}&revision=0&shown=has_living_lab&has_living_lab=yes");
        let reply = send(&app.app, "POST", &uri, Some(&cookie), Some(form)).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "token {token:?}");
        assert!(reply.body.contains("The form expired"), "{}", reply.body);
    }
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    assert!(app.store.answering().answers(year, &CityId::parse(OWN).unwrap()).await.unwrap().is_empty());
}

fn form_token(html: &str) -> String {
    let start = html.find("name=\"form_token\" value=\"").unwrap() + "name=\"form_token\" value=\"".len();
    html[start..start + 32].to_string()
}

#[tokio::test]
async fn an_invitation_works_once_and_signs_in_with_safe_cookies() {
    let app = app().await;
    let user = app
        .store
        .accounts()
        .user_by_email(&Email::parse("digital.office@dakar.example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    let token = auth::new_token();
    app.store
        .accounts()
        .create_invitation(&user.id, &auth::token_hash(&token), 3600, LinkPurpose::Invitation)
        .await
        .unwrap();
    let uri = format!("/invitations/{token}");
    let page = send(&app.app, "GET", &uri, None, None).await;
    assert_eq!(page.status, StatusCode::OK);
    let form_cookie = page
        .cookies
        .iter()
        .find(|c| c.starts_with("sc_form="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let form = format!("form_token={}&password=short&password_again=short", form_token(&page.body));
    let too_short = send(&app.app, "POST", &uri, Some(&form_cookie), Some(form)).await;
    assert_eq!(too_short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_short.body.contains("at least 10 characters"));

    let page = send(&app.app, "GET", &uri, None, None).await;
    let form_cookie = page
        .cookies
        .iter()
        .find(|c| c.starts_with("sc_form="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let form = format!(
        "form_token={}&password=dakar-digital-2025&password_again=dakar-digital-2025",
        form_token(&page.body)
    );
    let accepted = send(&app.app, "POST", &uri, Some(&form_cookie), Some(form.clone())).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    assert_eq!(accepted.location.as_deref(), Some("/me"));
    let session = accepted.cookies.iter().find(|c| c.starts_with("sc_session=")).unwrap();
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"), "{session}");
    assert!(!session.contains("Secure"), "plain http in tests");

    let again = send(&app.app, "POST", &uri, Some(&form_cookie), Some(form)).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "a link works once");
    let page = send(&app.app, "GET", &uri, None, None).await;
    assert!(page.body.contains("This link is not valid"));

    // The new password signs in.
    let sign_in = send(&app.app, "GET", "/sign-in", None, None).await;
    let form_cookie = sign_in
        .cookies
        .iter()
        .find(|c| c.starts_with("sc_form="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let form = format!(
        "form_token={}&next=%2Fresponses%2F2025%2Fsn-dakar&email=digital.office%40dakar.example.org&password=dakar-digital-2025",
        form_token(&sign_in.body)
    );
    let signed = send(&app.app, "POST", "/sign-in", Some(&form_cookie), Some(form)).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    assert_eq!(signed.location.as_deref(), Some("/responses/2025/sn-dakar"));
}

#[tokio::test]
async fn secure_cookies_behind_https() {
    let (db, store) = TestDatabase::migrated().await;
    let app = router(AppState::new(smartcities_app::App::new(store)).with_secure_cookies(true));
    let page = send(&app, "GET", "/sign-in", None, None).await;
    assert!(page.cookies.iter().all(|c| c.contains("; Secure")));
    drop(db);
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_account() {
    let app = app().await;
    let mut last = StatusCode::OK;
    let mut attempts = 0;
    while last != StatusCode::TOO_MANY_REQUESTS && attempts < 10 {
        let page = send(&app.app, "GET", "/sign-in", None, None).await;
        let form_cookie = page
            .cookies
            .iter()
            .find(|c| c.starts_with("sc_form="))
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let form = format!(
            "form_token={}&email=analyst%40smartcities.example.org&password=guess{attempts}",
            form_token(&page.body)
        );
        last = send(&app.app, "POST", "/sign-in", Some(&form_cookie), Some(form)).await.status;
        attempts += 1;
        if last != StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(last, StatusCode::UNAUTHORIZED);
        }
    }
    assert_eq!(
        (last, attempts),
        (StatusCode::TOO_MANY_REQUESTS, 6),
        "the sixth attempt in 15 minutes is refused"
    );
    let page = send(&app.app, "GET", "/sign-in", None, None).await;
    let form =
        format!("form_token={}&email=analyst%40smartcities.example.org&password=x", form_token(&page.body));
    let no_cookie = send(&app.app, "POST", "/sign-in", None, Some(form)).await;
    assert_eq!(no_cookie.status, StatusCode::FORBIDDEN, "a form without its cookie is refused");
    assert_eq!(Role::parse("analyst").unwrap(), Role::Analyst);
}

#[tokio::test]
async fn the_edition_index_shows_profiles_with_intervals_and_ranks_only_when_opted_in() {
    let app = app().await;
    let (cookie, _) = session(&app.store, "analyst@smartcities.example.org").await;
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let results = smartcities_app::App::new(app.store.clone()).results(year).await.unwrap().unwrap().results;
    let index = results.composite.as_ref().expect("the demonstration defines an index");
    assert_eq!(index.cities.len(), results.answering);
    assert_eq!(index.runs, 500);

    let page = send(&app.app, "GET", "/editions/2025/results?lang=en", Some(&cookie), None).await;
    assert!(page.body.contains("Composite index (illustrative profiles)"), "{}", page.body);
    assert!(page.body.contains("Cities are listed by name") && page.body.contains("<svg class=\"whisker\""));
    assert!(
        page.body.contains(
            "over 500 runs varying how missing answers are treated, question weights, axis weights"
        )
    );
    assert!(!page.body.contains("Rank (5–95 %)"), "no ranks unless the edition opts in");
    let api = send(&app.app, "GET", "/api/v1/editions/2025/results", Some(&cookie), None).await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let cities = json["composite"]["cities"].as_array().unwrap();
    assert!(cities.iter().all(|c| c["rank"].is_null() && c["rank_95"].is_null()), "ranks are withheld");
    assert!(cities.iter().any(|c| c["score_5"].as_f64() < c["score_95"].as_f64()), "intervals have width");
    let city = index.cities[0].city.clone();
    let profile_page = send(&app.app, "GET", &format!("/cities/{city}?lang=fr"), Some(&cookie), None).await;
    // One value per axis, the index's, and its overall score with the interval.
    assert!(profile_page.body.contains("<caption>Niveau par axe</caption>"), "{}", profile_page.body);
    assert_eq!(
        profile_page.body.matches(r#"<tr class="overall">"#).count(),
        profile_page.body.matches("<caption>Niveau par axe</caption>").count(),
        "one overall score per edition"
    );
    assert!(profile_page.body.contains(r#"<svg class="whisker""#));
    let profile = send(&app.app, "GET", &format!("/api/v1/cities/{city}/profile"), Some(&cookie), None).await;
    let json: serde_json::Value = serde_json::from_str(&profile.body).unwrap();
    assert!(json["profiles"][0]["index"]["standing"]["rank"].is_null());
    assert!(json["profiles"][0]["index"]["standing"]["score"].as_f64().is_some());

    // An edition that opts into rankings shows ranks with their interval.
    let mut edition = app.store.study().edition(year).await.unwrap().unwrap();
    edition.show_rankings = true;
    let (_, framework) = app.store.study().framework(year).await.unwrap().unwrap();
    app.store.study().save_edition(&smartcities_domain::EditionFile { edition, framework }).await.unwrap();
    let ranked = send(&app.app, "GET", "/editions/2025/results?lang=en", Some(&cookie), None).await;
    assert!(ranked.body.contains("Rank (5–95 %)") && !ranked.body.contains("Cities are listed by name"));
    let api = send(&app.app, "GET", "/api/v1/editions/2025/results", Some(&cookie), None).await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert!(json["composite"]["cities"].as_array().unwrap().iter().all(|c| c["rank"].as_u64().is_some()));
}
