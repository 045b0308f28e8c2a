//! Pages as a real browser renders them: headless Chromium (Debian's `chromium`) loads the home
//! page and the members map in Spanish from a live server, and the rendered DOM is checked.
//! Set SMARTCITIES_CHROMIUM to use another binary. Ignored unless asked for
//! (`cargo test -- --include-ignored`), since it needs the browser.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::mail::{DEFAULT_FROM, Mailer};
use smartcities_store::testing::TestDatabase;
use smartcities_test_support::browser;
use smartcities_web::AppState;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium (apt-get install chromium)"]
async fn home_and_members_map_render_in_spanish() {
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

    let home = browser::rendered_at(&format!("http://{address}/?lang=es"), 1280).await;
    assert!(home.contains(r#"<html lang="es">"#), "{home}");
    assert!(home.contains("<h1>El Smart Cities Study</h1>"));
    for axis in ["Economía", "Ciudadanía", "Gobernanza", "Movilidad", "Medio ambiente", "Calidad de vida"] {
        assert!(home.contains(&format!("<li>{axis}</li>")), "{axis} not rendered");
    }
    assert!(home.contains(r#"aria-current="true">Español</a>"#), "the switcher marks Spanish");

    let members = browser::rendered_at(&format!("http://{address}/members?lang=es"), 1280).await;
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
