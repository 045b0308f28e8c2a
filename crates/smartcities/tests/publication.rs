//! Publishing an edition: numbered versions that never change, results that go stale when the
//! accepted answers change, what the public sees of a version (and never a score unless the
//! edition opts in), links that resolve, and — with the programs installed — valid PDFs in each
//! language, a Data Package that passes `frictionless validate` and pages without serious
//! accessibility violations in headless Chromium.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

mod support;

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::Command,
};

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use smartcities_app::accounts as auth;
use smartcities_domain::{EditionYear, Email, Lang, ResponseMove, ResponseStatus};
use smartcities_store::{Store, testing::TestDatabase};
use smartcities_test_support::browser;
use smartcities_web::{AppState, auth::SESSION_COOKIE, router};
use support::smartcities;
use tower::ServiceExt;

struct App {
    db: TestDatabase,
    store: Store,
    app: Router,
}

async fn app() -> App {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let app = router(AppState::new(smartcities_app::App::new(store.clone())));
    App { db, store, app }
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
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    /// The body as text, with the slashes the templates escape in attributes read back.
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).replace("&#x2f;", "/")
    }

    fn location(&self) -> String {
        self.headers.get(header::LOCATION).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
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
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 64 << 20).await.unwrap().to_vec();
    Reply { status, headers, body }
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Every file of a version, by path.
async fn files(store: &Store, year: EditionYear, version: u32) -> BTreeMap<String, Vec<u8>> {
    let version = smartcities_domain::PublishedVersion::of(version);
    let mut out = BTreeMap::new();
    for path in store.versions().publication_paths(year, version).await.unwrap() {
        let file = store.versions().publication_file(year, version, &path).await.unwrap().unwrap();
        out.insert(path, file.body);
    }
    out
}

const SECRETARIAT: &str = "secretariat@smartcities.example.org";
const ANALYST: &str = "analyst@smartcities.example.org";

#[tokio::test]
async fn versions_are_frozen_and_results_go_stale_when_answers_change() {
    let app = app().await;
    let year = EditionYear::new(2025).unwrap();
    let (cookie, csrf) = session(&app.store, SECRETARIAT).await;

    let page = send(&app.app, "GET", "/editions/2025?lang=en", Some(&cookie), None).await.text();
    assert!(page.contains("Results are current"), "{page}");
    assert!(page.contains("Make version 1"));
    assert!(page.contains("answered this edition"), "the conclusions are drafted from the data");

    // Only the secretariat publishes.
    let (respondent, respondent_csrf) = session(&app.store, "digital.office@lisbon.example.org").await;
    let refused = send(
        &app.app,
        "POST",
        "/editions/2025/publish",
        Some(&respondent),
        Some(format!("csrf={respondent_csrf}")),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let mut form = format!("csrf={csrf}&when=now");
    for lang in ["en", "es", "fr"] {
        form.push_str(&format!(
            "&foreword_{lang}={}",
            encode(&format!("Foreword in {lang}: thanks to every city."))
        ));
        form.push_str(&format!(
            "&conclusions_{lang}={}",
            encode(&format!("Edited conclusions ({lang}).\r\n\r\nSecond paragraph."))
        ));
    }
    let published = send(&app.app, "POST", "/editions/2025/publish", Some(&cookie), Some(form.clone())).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.text());
    assert_eq!(published.location(), "/editions/2025?published=1#publication");
    let v1 = files(&app.store, year, 1).await;
    for path in [
        "site/index.html",
        "site/en/index.html",
        "site/es/practices.html",
        "site/fr/methodology.html",
        "pdf/report-en.pdf",
        "pdf/brief-es.pdf",
        "pdf/slides-fr.pdf",
        "data/datapackage.json",
        "data/answers.csv",
    ] {
        assert!(v1.contains_key(path), "{path} is published");
    }
    assert!(v1.keys().any(|p| p.starts_with("pdf/cities/") && p.ends_with("-fr.pdf")), "city sheets");
    let home = String::from_utf8(v1["site/en/index.html"].clone()).unwrap();
    assert!(
        home.contains("Foreword in en: thanks to every city.") && home.contains("Edited conclusions (en).")
    );
    assert!(home.contains("<p>Second paragraph.</p>"), "paragraphs stay paragraphs");

    // The public reads the version at its permanent address, cached for a day (a withdrawal
    // must reach caches).
    let public = send(&app.app, "GET", "/editions/2025/v/1/site/fr/index.html", None, None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(public.headers[header::CACHE_CONTROL], "public, max-age=86400");
    assert_eq!(public.body, v1["site/fr/index.html"]);
    let pdf = send(&app.app, "GET", "/editions/2025/v/1/pdf/report-es.pdf", None, None).await;
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF-"));
    assert_eq!(
        send(&app.app, "GET", "/editions/2025/v/1/site/en/nothing.html", None, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&app.app, "GET", "/editions/2025/v/9/site/en/index.html", None, None).await.status,
        StatusCode::NOT_FOUND
    );

    // Accepting one more response makes the results stale: publishing waits for an analysis.
    let responses = app.store.answering().responses(year).await.unwrap();
    let submitted =
        responses.iter().find(|r| r.status == ResponseStatus::Submitted).expect("a submitted response");
    app.store.answering().move_response(year, &submitted.city, ResponseMove::Accept).await.unwrap();
    let before = smartcities_app::App::new(app.store.clone()).results(year).await.unwrap().unwrap();
    assert!(before.stale);
    let page = send(&app.app, "GET", "/editions/2025?lang=en", Some(&cookie), None).await.text();
    assert!(page.contains("Results are stale"), "{page}");
    let results_page =
        send(&app.app, "GET", "/editions/2025/results?lang=en", Some(&cookie), None).await.text();
    assert!(results_page.contains("Results are stale"), "the results page says so too");
    let refused = send(&app.app, "POST", "/editions/2025/publish", Some(&cookie), Some(form.clone())).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text().contains("analyse the edition again"), "{}", refused.text());

    let analysed =
        send(&app.app, "POST", "/editions/2025/analyse", Some(&cookie), Some(format!("csrf={csrf}"))).await;
    assert_eq!(analysed.status, StatusCode::SEE_OTHER);
    let after = smartcities_app::App::new(app.store.clone()).results(year).await.unwrap().unwrap();
    assert!(!after.stale);
    assert_eq!(after.results.answering, before.results.answering + 1);

    let published = send(&app.app, "POST", "/editions/2025/publish", Some(&cookie), Some(form)).await;
    assert_eq!(published.location(), "/editions/2025?published=2#publication");
    let v2 = files(&app.store, year, 2).await;
    assert_ne!(v2["data/answers.csv"], v1["data/answers.csv"], "version 2 has the new answers");
    assert_eq!(files(&app.store, year, 1).await, v1, "version 1 is unchanged, byte for byte");
    let versions = app.store.versions().publications(year).await.unwrap();
    assert_eq!(versions.iter().map(|v| v.version.get()).collect::<Vec<_>>(), [1, 2]);
    assert_ne!(versions[0].content_hash, versions[1].content_hash);

    // Withdrawing needs a reason, which the version's pages then give; the current version
    // is the latest one still standing.
    let no_reason = send(
        &app.app,
        "POST",
        "/editions/2025/withdraw",
        Some(&cookie),
        Some(format!("csrf={csrf}&version=1&reason=+")),
    )
    .await;
    assert_eq!(no_reason.status, StatusCode::CONFLICT);
    let withdrawn = send(
        &app.app,
        "POST",
        "/editions/2025/withdraw",
        Some(&cookie),
        Some(format!("csrf={csrf}&version=1&reason={}", encode("Superseded: one city's answers were late."))),
    )
    .await;
    assert_eq!(withdrawn.status, StatusCode::SEE_OTHER);
    let gone = send(&app.app, "GET", "/editions/2025/v/1/site/en/index.html?lang=en", None, None).await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert!(
        gone.text().contains("Superseded: one city&#x27;s answers were late.")
            || gone.text().contains("Superseded: one city's answers were late."),
        "{}",
        gone.text()
    );
    assert!(gone.text().contains("/editions/2025/v/2/site/en/index.html"), "it leads to the current version");
    let current = send(&app.app, "GET", "/editions/2025/published?lang=es", None, None).await;
    assert_eq!(current.location(), "/editions/2025/v/2/site/es/index.html");
    assert_eq!(files(&app.store, year, 1).await, v1, "withdrawing keeps the files");
}

#[tokio::test]
async fn the_public_sees_findings_and_no_score_unless_the_edition_opts_in() {
    let app = app().await;
    let year = EditionYear::new(2024).unwrap();
    let versions = app.store.versions().publications(year).await.unwrap();
    assert_eq!(versions.len(), 1, "the demonstration publishes its illustrative edition");

    // Findings are one click from the home page and the edition page; nothing public tells a
    // visitor to run a command.
    let home = send(&app.app, "GET", "/?lang=en", None, None).await.text();
    assert!(home.contains(r#"href="/editions/2024/v/1/site/en/index.html""#), "{home}");
    let edition = send(&app.app, "GET", "/editions/2024?lang=es", None, None).await.text();
    assert!(edition.contains(r#"href="/editions/2024/v/1/pdf/report-es.pdf""#));
    assert!(edition.contains(r#"href="/editions/2024/v/1/data/datapackage.json""#));
    for path in ["/editions/2012?lang=en", "/editions/2012/results?lang=en", "/editions/2025/results?lang=en"]
    {
        let page = send(&app.app, "GET", path, None, None).await.text();
        assert!(!page.contains("smartcities analyse"), "{path} tells the public to run a command");
    }

    let site = send(&app.app, "GET", "/editions/2024/v/1/site/en/index.html", None, None).await.text();
    assert!(site.contains("Key findings") && site.contains("invited cities answered"), "{site}");
    let city = app
        .store
        .versions()
        .publication_paths(year, smartcities_domain::PublishedVersion::of(1))
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.starts_with("site/en/city-"))
        .unwrap();
    let city_page = send(&app.app, "GET", &format!("/editions/2024/v/1/{city}"), None, None).await.text();
    assert!(city_page.contains("Its answers beside all cities"));
    assert!(!city_page.contains("Scores per axis"), "no score in an edition that does not opt in");

    // The live results: the composite index only for staff, and the public never sees levels.
    let public = send(&app.app, "GET", "/editions/2024/results?lang=en", None, None).await.text();
    assert!(public.contains("Results") && !public.contains("Composite index"), "{public}");
    let (analyst, _) = session(&app.store, ANALYST).await;
    let staff = send(&app.app, "GET", "/editions/2024/results?lang=en", Some(&analyst), None).await.text();
    assert!(staff.contains("Composite index"));
    let api = send(&app.app, "GET", "/api/v1/editions/2024/results", None, None).await.text();
    let api: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert!(api["composite"].is_null(), "the API hides scores from the public too");

    let participant = city.trim_start_matches("site/en/city-").trim_end_matches(".html");
    let registry = send(&app.app, "GET", &format!("/cities/{participant}?lang=en"), None, None).await.text();
    assert!(registry.contains("In the 2024 study") && !registry.contains("Level per axis"), "{registry}");
    let registry =
        send(&app.app, "GET", &format!("/cities/{participant}?lang=en"), Some(&analyst), None).await.text();
    let tables = registry.matches("<caption>Level per axis</caption>").count();
    assert!(tables >= 1, "staff see the levels: {registry}");
    assert_eq!(
        registry.matches(r#"<tr class="overall">"#).count(),
        tables,
        "one value per axis and one overall, per edition"
    );

    // An edition that opts in publishes one score per axis and overall, cities by name.
    let app_layer = smartcities_app::App::new(app.store.clone());
    let snapshot = app_layer.snapshot(year, Default::default()).await.unwrap();
    let hidden = smartcities_publish::view::edition_view(
        &snapshot,
        Lang::En,
        smartcities_domain::PublishedVersion::of(1),
        "2026-11-30",
        "hash",
    );
    assert!(hidden.scores.is_none() && hidden.cities.iter().all(|c| c.scores.is_empty()));
    assert!(snapshot.results.composite.is_none(), "a version carries no score the public may not see");
    let mut edition = app.store.study().edition(year).await.unwrap().unwrap();
    edition.public_scores = true;
    let (_, framework) = app.store.study().framework(year).await.unwrap().unwrap();
    app.store.study().save_edition(&smartcities_domain::EditionFile { edition, framework }).await.unwrap();
    let snapshot = app_layer.snapshot(year, Default::default()).await.unwrap();
    let shown = smartcities_publish::view::edition_view(
        &snapshot,
        Lang::En,
        smartcities_domain::PublishedVersion::of(1),
        "2026-11-30",
        "hash",
    );
    let scores = shown.scores.as_ref().expect("scores are published");
    let axes = snapshot.results.composite.as_ref().unwrap().axes.len();
    assert_eq!(scores.columns.len(), 1 + axes + 1, "city, one column per axis, overall");
    let names: Vec<&String> = scores.rows.iter().map(|r| &r[0]).collect();
    let mut sorted = names.clone();
    let collator = smartcities_locale::collator(Lang::En);
    sorted.sort_by(|a, b| collator.compare(a, b));
    assert_eq!(names, sorted, "listed by name as the language sorts names, never by score");
    assert!(shown.cities.iter().all(|c| c.scores.len() == axes + 1));
    let pages = smartcities_publish::site::pages(&shown, Lang::En).unwrap();
    let cities = pages.iter().find(|f| f.path == "site/en/cities.html").unwrap();
    assert!(String::from_utf8_lossy(&cities.bytes).contains("Scores per axis"));
}

#[tokio::test]
async fn every_link_of_a_published_version_resolves_and_its_files_can_be_made_again() {
    let app = app().await;
    let year = EditionYear::new(2024).unwrap();
    let files = files(&app.store, year, 1).await;
    let mut checked = 0;
    for (path, body) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8(body.clone()).unwrap();
        assert!(html.starts_with("<!doctype html>") && html.contains("<html lang=\""), "{path}");
        let dir = Path::new(path).parent().unwrap();
        for attribute in ["href=\"", "src=\""] {
            for (i, _) in html.match_indices(attribute) {
                let target = html[i + attribute.len()..].split('"').next().unwrap();
                if target.starts_with('#') || target.starts_with("http") || target.starts_with("mailto:") {
                    continue;
                }
                let target = target.split(['#', '?']).next().unwrap();
                let mut resolved = PathBuf::new();
                for part in dir.join(target).components() {
                    match part {
                        std::path::Component::ParentDir => {
                            assert!(resolved.pop(), "{path} links above the version: {target}");
                        }
                        std::path::Component::Normal(p) => resolved.push(p),
                        _ => {}
                    }
                }
                let resolved = resolved.to_str().unwrap().to_string();
                // A chart's PNG is drawn from its SVG when asked for.
                let drawn =
                    smartcities_publish::svg_of_png(&resolved).is_some_and(|svg| files.contains_key(&svg));
                assert!(
                    files.contains_key(&resolved) || drawn,
                    "{path} links to {target}, which is not published"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 3_000, "only {checked} links checked");

    // The snapshot stored with the version makes the same files again.
    let publication = app
        .store
        .versions()
        .publication(year, smartcities_domain::PublishedVersion::of(1))
        .await
        .unwrap()
        .unwrap();
    let json = app
        .store
        .versions()
        .publication_snapshot(year, smartcities_domain::PublishedVersion::of(1))
        .await
        .unwrap()
        .unwrap();
    let snapshot: smartcities_publish::Snapshot = serde_json::from_str(&json).unwrap();
    assert_eq!(snapshot.content_hash(), publication.content_hash);
    let day = &publication.published_at.day().to_string();
    let again = smartcities_publish::publish(
        &snapshot,
        smartcities_publish::Version {
            number: smartcities_domain::PublishedVersion::FIRST,
            published_on: day,
        },
        &smartcities_app::Silent,
    )
    .unwrap();
    assert_eq!(again.len(), files.len());
    for file in again {
        assert!(files[&file.path] == file.bytes, "{} differs when made again", file.path);
    }
}

/// Writes the 2025 demonstration's first version to a directory with the command line.
fn publish_to_directory(db_url: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = smartcities(&["publish", "--edition", "2025", "-o", out.to_str().unwrap()], db_url);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains("Published version 1 of edition 2025"), "{stdout}");
    assert!(stdout.contains("pages") && stdout.contains("documents"), "a summary at the end: {stdout}");
    dir
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("needs {program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
#[ignore = "needs qpdf, pdftotext (poppler-utils) and frictionless (pip install frictionless)"]
async fn published_pdfs_and_open_data_pass_their_validators() {
    let app = app().await;
    let dir = publish_to_directory(&app.db.url);
    let out = dir.path().join("out");
    let results = smartcities_app::App::new(app.store.clone())
        .results(EditionYear::new(2025).unwrap())
        .await
        .unwrap()
        .unwrap()
        .results;
    let words = [
        (Lang::En, "Methodology", "Smart Economy", "invited cities answered"),
        (Lang::Es, "Metodología", "Economía Inteligente", "ciudades invitadas"),
        (Lang::Fr, "Méthodologie", "Économie intelligente", "villes invitées"),
    ];
    for (lang, heading, axis, participation) in words {
        for kind in ["report", "brief", "slides"] {
            let pdf = out.join(format!("pdf/{kind}-{}.pdf", lang.code()));
            let pdf = pdf.to_str().unwrap();
            run("qpdf", &["--check", pdf]);
            let text = run("pdftotext", &["-layout", pdf, "-"]);
            assert!(text.contains(&format!("{} ", results.answering)), "{pdf} gives the number answering");
            if kind == "report" {
                assert!(
                    text.contains(heading) && text.contains(axis),
                    "{pdf} in its language: {heading}, {axis}"
                );
                assert!(text.contains(participation), "{pdf}: {participation}");
            }
            if kind == "brief" {
                let pages = run("qpdf", &["--show-npages", pdf]);
                assert!(pages.trim().parse::<u32>().unwrap() <= 2, "{pdf} has {pages} pages");
            }
        }
    }
    let sheets: Vec<PathBuf> =
        std::fs::read_dir(out.join("pdf/cities")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(sheets.len(), 3 * results.answering);
    for sheet in sheets.iter().take(6) {
        run("qpdf", &["--check", sheet.to_str().unwrap()]);
        let pages = run("qpdf", &["--show-npages", sheet.to_str().unwrap()]);
        assert!(pages.trim().parse::<u32>().unwrap() <= 2, "{} has {pages} pages", sheet.display());
    }
    let package = out.join("data/datapackage.json");
    let report = run("python3", &["-m", "frictionless", "validate", package.to_str().unwrap()]);
    // It exits with failure on an invalid package; each of the eight tables (the earlier
    // editions' published figures among them) is reported valid.
    assert_eq!(report.matches(" VALID ").count(), 8, "{report}");
    assert!(!report.contains("INVALID"), "{report}");
}

/// The page after scripts ran, as Chromium serialises it, in a 1280 px wide window.
async fn rendered(url: &str) -> String {
    browser::rendered_at(url, 1280).await
}

#[tokio::test]
#[ignore = "needs chromium (apt-get install chromium)"]
async fn published_pages_pass_axe_in_chromium_and_the_catalogue_filters_offline() {
    let app = app().await;
    let dir = publish_to_directory(&app.db.url);
    let out = dir.path().join("out");
    browser::install_axe(&out.join("site"));
    let site = out.join("site");
    let first = |lang: &str, prefix: &str| {
        std::fs::read_dir(site.join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with(prefix))
            .min()
            .unwrap()
    };
    // Every kind of page, in each language, at a phone's width and a desktop's.
    let mut pages: Vec<String> = vec!["index.html".into()];
    for lang in ["en", "es", "fr"] {
        for page in [
            "index.html",
            "practices.html",
            "barriers-enablers.html",
            "cities.html",
            "map.html",
            "methodology.html",
            "focus-groups.html",
            "open-data.html",
        ] {
            pages.push(format!("{lang}/{page}"));
        }
        for kind in ["axis-", "city-", "question-"] {
            pages.push(format!("{lang}/{}", first(lang, kind)));
        }
    }
    for page in &pages {
        let path = site.join(page);
        let html = std::fs::read_to_string(&path).unwrap();
        let prefix = if page.contains('/') { "../" } else { "" };
        let injected = browser::with_axe(&html, prefix);
        std::fs::write(&path, injected).unwrap();
        for width in [360, 1280] {
            let result = browser::axe_violations(&format!("file://{}", path.display()), width).await;
            assert_eq!(result, "[]", "serious or critical accessibility violations on {page} at {width} px");
        }
    }

    // The practice catalogue filters in the browser, from the file system: by SDG here.
    let practices = out.join("site/en/practices.html");
    let html = std::fs::read_to_string(&practices).unwrap();
    assert!(html.matches(r#"<article class="practice""#).count() > 10, "the catalogue lists the practices");
    let expected = html
        .split(r#"data-sdgs=""#)
        .skip(1)
        .filter(|rest| rest.split('"').next().unwrap().split(' ').any(|g| g == "11"))
        .count();
    let dom = rendered(&format!("file://{}?sdg=11", practices.display())).await;
    assert_eq!(shown(&dom), expected, "practices linked to SDG 11 are the ones shown");
    assert!(dom.contains(&format!("<output name=\"shown\">{expected}</output>")), "the count follows");

    // Words are matched as the platform's search matches them: stemmed in the page's language,
    // accents optional, across the languages a practice is written in.
    let page = |lang: &str| out.join(format!("site/{lang}/practices.html"));
    let found = |dom: &str| shown(dom);
    let spanish = rendered(&format!("file://{}?words=participaci%C3%B3n", page("es").display())).await;
    let participatory = rendered(&format!("file://{}?words=participatory", page("es").display())).await;
    assert!(found(&spanish) > 0, "participación finds practices on the Spanish pages");
    assert!(found(&participatory) > 0, "an English word typed as written finds them too");
    let unaccented = rendered(&format!("file://{}?words=participacion", page("es").display())).await;
    assert_eq!(found(&unaccented), found(&spanish), "accents are optional");
    let plural = rendered(&format!("file://{}?words=budgets%20participatifs", page("fr").display())).await;
    let singular = rendered(&format!("file://{}?words=budget%20participatif", page("fr").display())).await;
    assert!(found(&singular) > 0, "a French word finds its practices");
    // The plural finds every practice the singular finds (and may find more: a word typed as
    // written also matches a practice's other languages, "budgets" in its English summary).
    let ids = |dom: &str| -> Vec<String> {
        dom.split(r#"<article class="practice" id=""#)
            .skip(1)
            .filter(|rest| !rest.split('>').next().unwrap().contains("hidden"))
            .map(|rest| rest.split('"').next().unwrap().to_string())
            .collect()
    };
    let (plural, singular) = (ids(&plural), ids(&singular));
    assert!(singular.iter().all(|id| plural.contains(id)), "{singular:?} within {plural:?}");
    let velo = ids(&rendered(&format!("file://{}?words=v%C3%A9lo", page("fr").display())).await);
    let velos = ids(&rendered(&format!("file://{}?words=v%C3%A9los", page("fr").display())).await);
    assert!(velo.iter().any(|id| id.contains("montreal")), "{velo:?}");
    assert!(velo.iter().all(|id| velos.contains(id)), "vélos finds what vélo finds: {velos:?}");
    let nothing = rendered(&format!("file://{}?words=zzzzqx", page("fr").display())).await;
    assert_eq!(found(&nothing), 0, "a word no practice has finds none");
    // The count's label follows French plural rules: 0 and 1 take the singular.
    assert!(nothing.contains(">pratique affichée</span>"), "0 pratique affichée");
    let all = rendered(&format!("file://{}", page("fr").display())).await;
    assert!(all.contains(">pratiques affichées</span>"), "the whole catalogue is several practices");
}

/// How many practices a rendered catalogue page shows.
fn shown(dom: &str) -> usize {
    dom.split(r#"<article class="practice""#)
        .skip(1)
        .filter(|rest| !rest.split('>').next().unwrap().contains("hidden"))
        .count()
}
