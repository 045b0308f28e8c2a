//! The live results in Chromium with axe-core, as a visitor reads them once an edition is
//! published: the overview, a question's page of each kind and a city's page with its profile,
//! in Spanish, English and French, at a phone's width (360 px) and a desktop's (1280 px). No
//! serious or critical violation, and nothing scrolls sideways but a chart or a wide table
//! inside its own focusable region. Ignored unless asked for, since it needs the browser.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_test_support::{Site, browser};

/// The pages, as the demonstration publishes 2024: a yes/no, a count, an ordered scale and a
/// multiple choice question.
const PAGES: &[&str] = &[
    "/editions/2024/results",
    "/editions/2024/questions/has_living_lab",
    "/editions/2024/questions/pilots_last_2y",
    "/editions/2024/questions/mobility_data_maturity",
    "/editions/2024/questions/eco_sdgs",
    "/cities/es-bilbao",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium (apt-get install chromium)"]
async fn live_results_pass_axe_at_phone_and_desktop_widths() {
    let site = Site::demo().await;
    let dir = tempfile::tempdir().unwrap();
    browser::install_axe(dir.path());
    let mut checked = 0;
    for lang in ["es", "en", "fr"] {
        for (i, page) in PAGES.iter().enumerate() {
            let reply = site.get(&format!("{page}?lang={lang}"), None).await;
            assert_eq!(reply.status.as_u16(), 200, "{page} is public once published");
            if page.ends_with("/results") {
                assert!(
                    reply.body.contains("class=\"chart-scroll\""),
                    "the axes' charts, as on the published site"
                );
            }
            let url = site.saved_for_axe(dir.path(), &format!("{lang}-{i}"), &reply.body).await;
            for width in [360, 1280] {
                let violations = browser::axe_violations(&url, width).await;
                assert_eq!(
                    violations, "[]",
                    "serious or critical violations on {page} ({lang}) at {width} px"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * PAGES.len() * 2);
}
