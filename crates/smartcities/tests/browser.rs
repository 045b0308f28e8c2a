//! Pages as a real browser renders them: headless Chromium (Debian's `chromium`) loads the home
//! page and the members map in Spanish from a live server, and the rendered DOM is checked.
//! Set SMARTCITIES_CHROMIUM to use another binary. Ignored unless asked for
//! (`cargo test -- --include-ignored`), since it needs the browser.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::{path::PathBuf, time::Duration};

use smartcities_app::mail::{DEFAULT_FROM, Mailer};
use smartcities_store::testing::TestDatabase;
use smartcities_web::AppState;

fn chromium() -> PathBuf {
    let candidate = std::env::var_os("SMARTCITIES_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/chromium".into());
    assert!(
        candidate.exists(),
        "needs Chromium at {}: apt-get install chromium, or set SMARTCITIES_CHROMIUM",
        candidate.display()
    );
    candidate
}

/// The DOM after the page has loaded and rendered, as Chromium serialises it.
async fn rendered_dom(browser: &PathBuf, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let run = tokio::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(60), run)
        .await
        .expect("chromium finished in time")
        .expect("chromium ran");
    assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium (apt-get install chromium)"]
async fn home_and_members_map_render_in_spanish() {
    let browser = chromium();
    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let mail_dir = tempfile::tempdir().unwrap();
    let mailer = Mailer::folder(mail_dir.path(), DEFAULT_FROM).unwrap();
    let server = tokio::spawn(smartcities_web::serve(
        AppState::new(smartcities_app::App::new(store)),
        mailer,
        listener,
    ));

    let home = rendered_dom(&browser, &format!("http://{address}/?lang=es")).await;
    assert!(home.contains(r#"<html lang="es">"#), "{home}");
    assert!(home.contains("<h1>El Smart Cities Study</h1>"));
    for axis in ["Economía", "Ciudadanía", "Gobernanza", "Movilidad", "Medio ambiente", "Calidad de vida"] {
        assert!(home.contains(&format!("<li>{axis}</li>")), "{axis} not rendered");
    }
    assert!(home.contains(r#"aria-current="true">Español</a>"#), "the switcher marks Spanish");

    let members = rendered_dom(&browser, &format!("http://{address}/members?lang=es")).await;
    assert!(members.contains("<h1>Ciudades miembro</h1>"));
    assert!(members.contains(r#"<title id="map-title">Mapa de las ciudades miembro</title>"#));
    // One dot per current member: the demonstration's 47 less the 4 lapsed and the one that left.
    assert_eq!(members.matches(r#"<circle class="city""#).count(), 42, "one dot per current member city");
    assert!(members.matches(r#"<path class="land"#).count() > 170, "country shapes are drawn");
    assert!(members.contains(r#"data-city="es-bilbao""#));
    assert!(members.contains("Pendiente de renovación"));
    assert!(members.contains("6.321.017"), "populations use Spanish digit grouping");

    server.abort();
}
