//! Whole journeys in a real browser (headless Chromium driven through ChromeDriver). The life of
//! a response: invitation link → password → two groups answered (one saved by the button, one by
//! autosave) → reload shows them → submit → the secretariat returns it with a comment → the
//! respondent corrects and resubmits → accepted. Answering without reloads: a follow-up appears
//! when its condition is met, a word typed for a number shows its problem beside the field, a
//! decimal comma is accepted on a Spanish page. And a visitor of the good-practice catalogue:
//! search → filter by SDG → open a practice → switch language. Needs Debian's `chromium` and
//! `chromium-driver`, so it is ignored unless asked for (`cargo test -- --include-ignored`).

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::{
    io::{Read, Write},
    net::TcpStream,
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use serde_json::{Value, json};
use smartcities_app::mail::{DEFAULT_FROM, Mailer};
use smartcities_app::questionnaire::Kind;
use smartcities_domain::{CityId, EditionYear, ResponseStatus};
use smartcities_store::{AnswerChange, Editor, testing::TestDatabase};
use smartcities_web::AppState;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A tiny W3C WebDriver client over plain HTTP to a local ChromeDriver.
struct Driver {
    process: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

struct Browser<'d> {
    driver: &'d Driver,
    session: String,
}

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("chromedriver answers");
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // Read the head, then exactly Content-Length bytes: the driver may keep the connection open.
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut buffer = Vec::new();
    let mut byte = [0u8; 1];
    while !buffer.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).expect("an HTTP response head");
        buffer.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buffer).to_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).expect("the response body");
    let body = String::from_utf8_lossy(&body);
    serde_json::from_str(&body).unwrap_or_else(|_| panic!("not JSON: {body}"))
}

impl Driver {
    fn start() -> Driver {
        let driver = Path::new("/usr/bin/chromedriver");
        assert!(
            driver.exists() && Path::new("/usr/bin/chromium").exists(),
            "needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver"
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let process = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { process, port, _profile: tempfile::tempdir().unwrap() }
    }

    fn browser(&self) -> Browser<'_> {
        self.browser_with(json!({}))
    }

    /// A browser showing pages as a 360 px wide phone does.
    fn phone(&self) -> Browser<'_> {
        self.browser_with(
            json!({"mobileEmulation": {"deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 2}}}),
        )
    }

    fn browser_with(&self, extra: Value) -> Browser<'_> {
        let profile = tempfile::tempdir().unwrap().keep();
        let mut options = json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,1000", format!("--user-data-dir={}", profile.display())]
        });
        if let (Some(options), Some(extra)) = (options.as_object_mut(), extra.as_object()) {
            options.extend(extra.clone());
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}});
        let reply = http(self.port, "POST", "/session", Some(&capabilities));
        let session =
            reply["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {reply}")).to_string();
        Browser { driver: self, session }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

impl Browser<'_> {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let reply =
            http(self.driver.port, method, &format!("/session/{}{path}", self.session), body.as_ref());
        if let Some(error) = reply["value"].get("error") {
            panic!("{method} {path}: {error} {}", reply["value"]["message"]);
        }
        reply["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({"url": url})));
    }

    fn find(&self, css: &str) -> String {
        let reply = self.call("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        reply[ELEMENT].as_str().unwrap().to_string()
    }

    fn click(&self, css: &str) {
        let element = self.find(css);
        // The sticky save bar may cover an element near the bottom of the window.
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": "arguments[0].scrollIntoView({block: 'center'});", "args": [{ELEMENT: element}]})),
        );
        self.call("POST", &format!("/element/{element}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.call("POST", &format!("/element/{element}/clear"), Some(json!({})));
        self.call("POST", &format!("/element/{element}/value"), Some(json!({"text": text})));
    }

    fn script(&self, source: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({"script": source, "args": []})))
    }

    fn value(&self, css: &str) -> String {
        self.script(&format!("return document.querySelector({css:?}).value;"))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn checked(&self, css: &str) -> bool {
        self.script(&format!("return document.querySelector({css:?}).checked;")).as_bool().unwrap_or(false)
    }

    fn text(&self) -> String {
        self.script("return document.body.innerText;").as_str().unwrap_or_default().to_string()
    }

    fn path(&self) -> String {
        self.script("return location.pathname;").as_str().unwrap_or_default().to_string()
    }

    /// Signs in with a session token, as its cookie on the site at `base`.
    fn sign_in_with(&self, base: &str, token: &str) {
        self.go(&format!("{base}/"));
        let cookie =
            json!({"cookie": {"name": smartcities_web::auth::SESSION_COOKIE, "value": token, "path": "/"}});
        self.call("POST", "/cookie", Some(cookie));
    }

    /// Waits until autosave has saved every change made so far.
    fn wait_until_saved(&self) {
        let started = Instant::now();
        while self.script("return document.getElementById('answers').dataset.state;").as_str()
            != Some("saved")
        {
            assert!(started.elapsed() < Duration::from_secs(15), "never saved: {}", self.text());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the page's text contains `needle`.
    fn wait_for_text(&self, needle: &str) {
        let started = Instant::now();
        while !self.text().contains(needle) {
            assert!(started.elapsed() < Duration::from_secs(15), "never saw {needle:?} in:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The demonstration site served on loopback, with a session for one of its accounts; the
/// server stops when it is dropped.
struct DemoSite {
    _db: TestDatabase,
    _mail: tempfile::TempDir,
    store: smartcities_store::Store,
    base: String,
    token: String,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl DemoSite {
    async fn signed_in(email: &str) -> DemoSite {
        let (db, store) = TestDatabase::migrated().await;
        smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
        let user = store
            .accounts()
            .user_by_email(&smartcities_domain::Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap();
        let (token, csrf) = (smartcities_app::accounts::new_token(), smartcities_app::accounts::new_token());
        store
            .accounts()
            .create_session(&smartcities_app::accounts::token_hash(&token), &user.id, &csrf, 3600)
            .await
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let mail = tempfile::tempdir().unwrap();
        let mailer = Mailer::folder(mail.path(), DEFAULT_FROM).unwrap();
        let server = tokio::spawn(smartcities_web::serve(
            AppState::new(smartcities_app::App::new(store.clone())),
            mailer,
            listener,
        ));
        DemoSite { _db: db, _mail: mail, store, base, token, server }
    }
}

impl Drop for DemoSite {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Drop for Browser<'_> {
    fn drop(&mut self) {
        let _ = http(self.driver.port, "DELETE", &format!("/session/{}", self.session), None);
    }
}

fn set_password(browser: &Browser, base: &str, link: &str) {
    browser.go(&format!("{base}{link}?lang=es"));
    browser.type_into("#password", "una-contraseña-larga");
    browser.type_into("#password_again", "una-contraseña-larga");
    browser.click("form button[type=submit]");
    let started = Instant::now();
    while browser.path() != "/me" {
        assert!(started.elapsed() < Duration::from_secs(10), "not signed in: {}", browser.text());
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_response_from_invitation_to_acceptance() {
    let driver = Driver::start();
    let (_db, store) = TestDatabase::migrated().await;
    let loaded = smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let link = |who: &str| loaded.links.iter().find(|(w, _)| w == who).unwrap().1.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mail_dir = tempfile::tempdir().unwrap();
    let mailer = Mailer::folder(mail_dir.path(), DEFAULT_FROM).unwrap();
    let state = AppState::new(smartcities_app::App::new(store.clone())).with_public_url(Some(base.clone()));
    let server = tokio::spawn(smartcities_web::serve(state, mailer, listener));

    // Answers already given on an earlier day, outside the two groups answered below.
    let year = EditionYear::new(2025).unwrap();
    let lisbon = CityId::parse("pt-lisbon").unwrap();
    let (_, questionnaire) = store.study().questionnaire(year).await.unwrap().unwrap();
    let earlier: Vec<AnswerChange> = questionnaire
        .questions()
        .into_iter()
        .filter(|l| l.repeat().is_none() && l.question.required)
        .filter(|l| !matches!(l.groups[0].name.as_str(), "smart_economy" | "new_mobility"))
        .map(|l| AnswerChange {
            question: l.question.name.to_string(),
            entry: None,
            value: Some(match l.question.kind {
                Kind::Integer | Kind::Decimal => "10".into(),
                Kind::Text => "…".into(),
                _ => questionnaire.choices(l.question)[0].name.as_str().into(),
            }),
        })
        .collect();
    store
        .answering()
        .save_answers(
            year,
            &lisbon,
            smartcities_domain::Revision::NONE,
            &earlier,
            "digital.office@lisbon.example.org",
            Editor::Respondent,
        )
        .await
        .unwrap();

    let respondent_link = link("Respondent for Lisbon");
    let secretariat_link = link("Secretariat");
    let base_for_blocking = base.clone();
    tokio::task::spawn_blocking(move || {
        let base = base_for_blocking;
        let respondent = driver.browser();
        set_password(&respondent, &base, &respondent_link);
        assert!(respondent.text().contains("Lisbon"));

        // Group one, saved with the button.
        respondent.go(&format!("{base}/responses/2025/pt-lisbon/groups/smart_economy?lang=es"));
        respondent.click("input[name=has_living_lab][value=yes]");
        respondent.type_into("#f-pilots_last_2y", "7");
        respondent.click("input[name=uses_cpi][value=no]");
        respondent.click(".actions button[type=submit]");
        respondent.wait_for_text("Guardado.");

        // Group two, saved by autosave alone.
        respondent.go(&format!("{base}/responses/2025/pt-lisbon/groups/new_mobility?lang=es"));
        respondent.click("input[name=has_maas][value=yes]");
        respondent.click("input[name=mobility_open_data][value=no]");
        respondent.click("input[name=mobility_data_maturity][value=l3]");
        respondent.type_into("#f-bike_lane_km", "120.5");
        respondent.wait_until_saved();

        // A reload shows everything, the number with the Spanish decimal comma.
        respondent.call("POST", "/refresh", Some(json!({})));
        assert_eq!(respondent.value("#f-bike_lane_km"), "120,5");
        assert!(respondent.checked("input[name=has_maas][value=yes]"));
        assert!(respondent.checked("input[name=mobility_data_maturity][value=l3]"));
        respondent.go(&format!("{base}/responses/2025/pt-lisbon/groups/smart_economy?lang=es"));
        assert_eq!(respondent.value("#f-pilots_last_2y"), "7");
        assert!(respondent.checked("input[name=has_living_lab][value=yes]"));

        // Review and submit.
        respondent.go(&format!("{base}/responses/2025/pt-lisbon/review?lang=es"));
        respondent.wait_for_text("No falta nada");
        respondent.click("form[action$=submit] button");
        respondent.wait_for_text("Qué ocurre ahora");
        assert!(respondent.path().ends_with("/submitted"), "a confirmation with the next steps");

        // The secretariat returns it with a comment on one answer.
        let secretariat = driver.browser();
        set_password(&secretariat, &base, &secretariat_link);
        secretariat.go(&format!("{base}/responses/2025/pt-lisbon/review?lang=en"));
        secretariat.type_into("#c-pilots_last_2y", "Count only pilots with a public partner.");
        secretariat.click("button[value=return]");
        secretariat.wait_for_text("returned for changes");

        // The respondent sees the comment, corrects, resubmits.
        respondent.go(&format!("{base}/responses/2025/pt-lisbon/groups/smart_economy?lang=es"));
        respondent.wait_for_text("Count only pilots with a public partner.");
        respondent.type_into("#f-pilots_last_2y", "5");
        respondent.click(".actions button[type=submit]");
        respondent.wait_for_text("Guardado.");
        respondent.go(&format!("{base}/responses/2025/pt-lisbon/review?lang=es"));
        respondent.click("form[action$=submit] button");
        respondent.wait_for_text("enviada");

        // Accepted.
        secretariat.go(&format!("{base}/responses/2025/pt-lisbon/review?lang=en"));
        secretariat.click("button[value=accept]");
        secretariat.wait_for_text("accepted");

        // The secretariat reminds the cities that have not submitted, from the dashboard: a
        // preview first (silent cities ticked), then the round.
        secretariat.go(&format!("{base}/campaigns/2025?lang=en"));
        secretariat.click(".actions button.remind");
        secretariat.wait_for_text("Remind cities before sending");
        secretariat.click("section[aria-labelledby=remind-preview] form button[type=submit]");
        secretariat.wait_for_text("queued");
        let search = secretariat.script("return location.search;");
        assert!(search.as_str().unwrap_or_default().starts_with("?reminded="), "{search}");

        // And records a workshop with one output.
        secretariat.go(&format!("{base}/editions/2025/focus-groups?lang=en"));
        secretariat.type_into("#id", "2025-pt");
        secretariat.script(
            "document.querySelector('#held_on').value = '2025-11-04';\
             document.querySelector('#participants-list input[value=pt-lisbon]').checked = true;\
             document.querySelector('select[name=\"output.0.kind\"]').value = 'enabler';",
        );
        secretariat.type_into("input[name='output.0.sdgs']", "17.17");
        secretariat.type_into("input[name='output.0.note']", "Regional innovation agency as a partner");
        secretariat.click("form[action*=focus-groups] button[type=submit]");
        secretariat.wait_for_text("Regional innovation agency as a partner");

        // And rewords a question in the questionnaire editor.
        secretariat.go(&format!("{base}/questionnaires/2025/questions/has_living_lab?lang=en"));
        secretariat.type_into("#hint-en", "A place where residents test new services");
        secretariat.click("button[value=save]");
        secretariat.wait_for_text("Saved as version");

        // The findings render: bars with their intervals, and the table beside them.
        secretariat.go(&format!("{base}/editions/2025/questions/has_living_lab?lang=en"));
        secretariat.wait_for_text("95 % interval");
        let bars = secretariat.script("return document.querySelectorAll('svg.chart rect.bar').length;");
        assert_eq!(bars.as_u64(), Some(2), "a bar each for yes and no");
        let width =
            secretariat.script("return document.querySelector('svg.chart').getBoundingClientRect().width;");
        assert!(width.as_f64().unwrap_or(0.0) > 200.0, "the chart is laid out: {width}");

        // The composite index: one row per answering city, each with its interval drawn.
        secretariat.go(&format!("{base}/editions/2025/results?lang=en#index"));
        secretariat.wait_for_text("Composite index (illustrative profiles)");
        let drawn = secretariat.script(
            "return [...document.querySelectorAll('table.index-table svg.whisker')]\
               .filter(svg => svg.getBoundingClientRect().width >= 100 && svg.querySelector('circle')).length;",
        );
        let rows = secretariat.script("return document.querySelectorAll('table.index-table tbody tr').length;");
        assert!(rows.as_u64().unwrap_or(0) >= 40, "a row per answering city: {rows}");
        assert_eq!(drawn, rows, "every row's interval is laid out with its score");
    })
    .await
    .unwrap();

    let response = store.answering().response(year, &lisbon).await.unwrap().unwrap();
    assert_eq!(response.status, ResponseStatus::Accepted);
    let history =
        store.answering().answer_history(year, &lisbon, Some("pilots_last_2y"), 1_000, 0).await.unwrap().0;
    let values: Vec<Option<&str>> =
        history.iter().map(|h| h.new_value.as_ref().map(|v| v.as_str())).collect();
    assert_eq!(values, [Some("5"), Some("7")], "newest first");
    let comments = store.answering().review_comments(year, &lisbon).await.unwrap();
    assert_eq!(comments[0].comment, "Count only pilots with a public partner.");
    assert!(store.outbox().outbox_counts().await.unwrap().pending > 0, "the reminders wait in the outbox");
    let workshops = store.workshops().focus_groups(year).await.unwrap();
    let recorded = workshops.iter().find(|g| g.id == "2025-pt").expect("the workshop was recorded");
    assert_eq!(recorded.participants, std::slice::from_ref(&lisbon));
    assert_eq!(recorded.outputs[0].sdgs[0].to_string(), "17.17");
    let (_, questionnaire) = store.study().questionnaire(year).await.unwrap().unwrap();
    let hint = &questionnaire.question("has_living_lab").unwrap().hint;
    assert_eq!(
        hint.0.get(&smartcities_domain::Lang::En).map(String::as_str),
        Some("A place where residents test new services")
    );
    server.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_visitor_searches_the_catalogue_filters_by_sdg_opens_a_practice_and_switches_language() {
    let driver = Driver::start();
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mail_dir = tempfile::tempdir().unwrap();
    let mailer = Mailer::folder(mail_dir.path(), DEFAULT_FROM).unwrap();
    let server = tokio::spawn(smartcities_web::serve(
        AppState::new(smartcities_app::App::new(store)),
        mailer,
        listener,
    ));

    tokio::task::spawn_blocking(move || {
        let browser = driver.browser();
        let count = |css: &str| {
            browser
                .script(&format!("return document.querySelectorAll({css:?}).length;"))
                .as_u64()
                .unwrap_or(0)
        };
        browser.go(&format!("{base}/practices?lang=es"));
        browser.wait_for_text("Buenas prácticas");
        browser.type_into("#q", "movilidad");
        browser.click("form.search button[type=submit]");
        browser.wait_for_text("prácticas");
        let hits = count(".practice-card");
        assert!(hits >= 3, "{}", browser.text());
        // The words found are highlighted, accents aside ("móvil" shares the stem of "movilidad").
        let highlighted = browser.script(
            "return document.querySelector('.practice-card .snippet b').textContent\
               .normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();",
        );
        assert!(highlighted.as_str().unwrap().starts_with("movil"), "{highlighted}");

        // Filter by SDG 13: the facet's count is the number of practices listed after.
        let facet = "details[data-facet=sdg] a[href*='sdg=13']";
        let expected: u64 = browser
            .script(&format!(
                "return document.querySelector({facet:?}).parentElement.querySelector('.count').textContent;"
            ))
            .as_str()
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        browser.click(facet);
        browser.wait_for_text("✕");
        assert!(browser.script("return location.search;").as_str().unwrap().contains("sdg=13"));
        assert_eq!(count(".practice-card"), expected);
        assert!(expected < hits, "the filter narrows the list");
        assert_eq!(
            count(".practice-card .sdg[data-goal='13']"),
            expected,
            "every practice listed contributes to SDG 13"
        );

        // Open the first practice, then read it in English.
        browser.click(".practice-card h3 a");
        let started = Instant::now();
        while !browser.path().starts_with("/practices/") {
            assert!(started.elapsed() < Duration::from_secs(10), "not opened: {}", browser.text());
            std::thread::sleep(Duration::from_millis(100));
        }
        browser.wait_for_text("ODS");
        let spanish =
            browser.script("return document.querySelector('h1').textContent;").as_str().unwrap().to_string();
        browser.click("nav.languages a[hreflang=en]");
        let started = Instant::now();
        while browser.script("return document.documentElement.lang;").as_str() != Some("en") {
            assert!(started.elapsed() < Duration::from_secs(10), "still not English");
            std::thread::sleep(Duration::from_millis(100));
        }
        browser.wait_for_text("SDGs");
        let english =
            browser.script("return document.querySelector('h1').textContent;").as_str().unwrap().to_string();
        assert_ne!(spanish, english, "the title in English: {english}");
        assert!(browser.text().contains("Good practices"), "the page's own words are English too");
    })
    .await
    .unwrap();
    server.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_respondent_sees_follow_ups_and_problems_without_reloading() {
    let driver = Driver::start();
    let site = DemoSite::signed_in("digital.office@lisbon.example.org").await;
    let (store, base, token) = (site.store.clone(), site.base.clone(), site.token.clone());

    tokio::task::spawn_blocking(move || {
        let browser = driver.browser();
        browser.sign_in_with(&base, &token);
        let wait_until = |script: &str, what: &str| {
            let started = Instant::now();
            while browser.script(script).as_bool() != Some(true) {
                assert!(started.elapsed() < Duration::from_secs(10), "{what}: {}", browser.text());
                std::thread::sleep(Duration::from_millis(100));
            }
        };
        browser.go(&format!("{base}/responses/2025/pt-lisbon/groups/smart_economy?lang=es"));
        browser.script("window.notReloaded = true; return null;");
        let hidden = "return document.querySelector('[data-field=cpi_description]').hidden;";
        browser.click("input[name=uses_cpi][value=no]");
        wait_until(hidden, "the follow-up hides when its condition does not hold");
        browser.click("input[name=uses_cpi][value=yes]");
        wait_until(&hidden.replace("return ", "return !"), "the follow-up appears when its condition holds");
        assert!(!browser.script("return document.querySelector('#f-cpi_description').disabled;").as_bool().unwrap());

        browser.type_into("#f-pilots_last_2y", "doce");
        wait_until(
            "var p = document.getElementById('e-pilots_last_2y'); return !p.hidden && p.textContent.length > 0;",
            "the problem shows beside the field",
        );
        let message = browser.script("return document.getElementById('e-pilots_last_2y').textContent;");
        assert!(message.as_str().unwrap().contains("entero"), "{message}");
        assert_eq!(browser.script("return window.notReloaded === true;").as_bool(), Some(true), "no reload");
        browser.type_into("#f-pilots_last_2y", "12");
        wait_until("return document.getElementById('e-pilots_last_2y').hidden;", "a corrected answer clears it");
        browser.wait_until_saved();

        browser.go(&format!("{base}/responses/2025/pt-lisbon/groups/new_mobility?lang=es"));
        browser.type_into("#f-bike_lane_km", "12,5");
        browser.wait_until_saved();
        let status = browser.script("return document.getElementById('autosave-status').textContent;");
        assert!(!status.as_str().unwrap().contains("PM") && !status.as_str().unwrap().contains("AM"), "{status}");
        assert!(browser.script("return document.getElementById('e-bike_lane_km').hidden;").as_bool().unwrap());
        browser.go(&format!("{base}/responses/2025/pt-lisbon/groups/new_mobility?lang=es"));
        assert_eq!(browser.value("#f-bike_lane_km"), "12,5");
    })
    .await
    .unwrap();
    let answers = store
        .answering()
        .answers(EditionYear::new(2025).unwrap(), &CityId::parse("pt-lisbon").unwrap())
        .await
        .unwrap();
    assert_eq!(answers.iter().find(|a| a.question == "bike_lane_km").unwrap().value, "12.5");
    assert_eq!(answers.iter().find(|a| a.question == "pilots_last_2y").unwrap().value, "12");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn every_page_fits_a_360_px_screen_and_a_refused_form_keeps_what_was_typed() {
    let driver = Driver::start();
    let site = DemoSite::signed_in("secretariat@smartcities.example.org").await;
    let (base, token) = (site.base.clone(), site.token.clone());

    tokio::task::spawn_blocking(move || {
        let browser = driver.phone();
        browser.sign_in_with(&base, &token);
        let mut too_wide = Vec::new();
        for page in [
            "/",
            "/editions",
            "/editions/2025",
            "/editions/2025/results",
            "/editions/2025/questions/bike_lane_km",
            "/editions/2023/results",
            "/members",
            "/practices",
            "/events",
            "/community",
            "/members/renewal",
            "/members/join",
            "/cities/es-bilbao",
            "/campaigns/2025",
            "/questionnaires/2025",
            "/questionnaires/2025/questions/has_living_lab",
            "/editions/2025/focus-groups",
            "/responses/2025/pt-lisbon",
            "/responses/2025/pt-lisbon/groups/smart_economy",
            "/responses/2025/pt-lisbon/review",
        ] {
            browser.go(&format!("{base}{page}?lang=fr"));
            let width = browser.script("return document.documentElement.scrollWidth;").as_i64().unwrap();
            if width > 361 {
                // Name the innermost elements past the screen's edge.
                let culprit = browser.script(
                    "const out = (e) => e.getBoundingClientRect().right > 361;
                     return [...document.querySelectorAll('body *')]
                       .filter((e) => out(e) && ![...e.children].some(out))
                       .slice(0, 3).map((e) => e.outerHTML.slice(0, 100)).join(' | ');",
                );
                too_wide.push(format!("{page}: {width} px, {culprit}"));
            }
        }
        assert!(too_wide.is_empty(), "wider than the screen: {too_wide:?}");

        // A workshop refused for its identifier comes back with everything typed, on a phone.
        browser.go(&format!("{base}/editions/2025/focus-groups?lang=en"));
        browser.type_into("#id", "2025-es");
        browser.script("document.getElementById('held_on').value = '2025-11-04'; return null;");
        browser.type_into("#dynamics", "Round table with the mayors");
        browser.type_into("#participants-filter", "lisb");
        assert_eq!(
            browser.script("return [...document.querySelectorAll('#participants-list label')].filter(l => !l.hidden).length;").as_i64(),
            Some(1),
            "the picker narrows the cities as one types"
        );
        browser.click("#participants-list input[value=pt-lisbon]");
        browser.type_into("input[name='output.0.note']", "Shared procurement of sensors");
        browser.click("form[action^='/editions/2025/focus-groups'] button[type=submit]");
        browser.wait_for_text("exists already");
        assert_eq!(browser.value("#dynamics"), "Round table with the mayors");
        assert_eq!(browser.value("input[name='output.0.note']"), "Shared procurement of sensors");
        assert!(browser.checked("#participants-list input[value=pt-lisbon]"));
        assert!(browser.text().contains("Sign out"), "still signed in");
    })
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_focal_point_corrects_the_contacts_and_confirms_on_a_phone() {
    let driver = Driver::start();
    let site = DemoSite::signed_in("secretariat@smartcities.example.org").await;
    let (store, base) = (site.store.clone(), site.base.clone());
    // The demonstration's round is open; give one silent member a link, as a reminder would.
    let round = store.community().renewal_rounds().await.unwrap().remove(0);
    let silent = store
        .community()
        .renewal_replies(&round.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.answer == smartcities_domain::RenewalAnswer::Waiting)
        .expect("a member has not answered")
        .city;
    let link = smartcities_app::accounts::new_token();
    let hash = smartcities_app::accounts::token_hash(&link);
    store.community().record_renewal_reminders(&round.id, &[(silent.clone(), hash)], &[]).await.unwrap();
    let before = store.registry().member(&silent).await.unwrap().unwrap().focal_points.len();

    let page = format!("{base}/renewal/{link}");
    tokio::task::spawn_blocking(move || {
        let browser = driver.phone();
        browser.go(&format!("{page}?lang=fr"));
        assert!(browser.text().contains("Rester membre"), "{}", browser.text());
        let width = browser.script("return document.documentElement.scrollWidth;").as_i64().unwrap();
        assert!(width <= 361, "the page fits a phone: {width} px");
        // A second person with a mistyped address: refused beside the field, nothing lost.
        let row = before + 1;
        browser.type_into(&format!("input[name=focal-{row}-name]"), "Camille Martin");
        browser.type_into(&format!("input[name=focal-{row}-role]"), "Cheffe de projet");
        browser.type_into(&format!("input[name=focal-{row}-email]"), "camille.ville.example");
        browser.click("#update");
        browser.wait_for_text("ce n’est pas une adresse électronique");
        assert_eq!(browser.value(&format!("input[name=focal-{row}-name]")), "Camille Martin");
        browser.type_into(&format!("input[name=focal-{row}-email]"), "camille@ville.example.org");
        browser.click("#update");
        browser.wait_for_text("Merci : votre réponse est enregistrée.");
        assert!(browser.text().contains("A mis à jour"), "the answer is shown: {}", browser.text());
        // Answering again is allowed until the close: confirm as it now stands.
        browser.click("#confirm");
        browser.wait_for_text("A confirmé");
    })
    .await
    .unwrap();
    let member = store.registry().member(&silent).await.unwrap().unwrap();
    assert_eq!(member.focal_points.len(), before + 1);
    assert_eq!(member.focal_points[before].email.as_str(), "camille@ville.example.org");
    assert_eq!(member.status, smartcities_domain::MemberStatus::Active);
}
