//! The pages of the secretariat's and cities' daily work in Chromium with axe-core: the inbox on
//! `/me`, a city's team, the reviewer's page with its aids, coding, the renewal dashboard with
//! gazetteer places, the new-edition form, the campaign's mail texts and schedule, inviting a
//! city beyond the members, the question editor's previews, a past edition's published figures
//! and the secretariat's page for them, each in Spanish, English and French at 360 px and
//! 1280 px. No serious or critical violation. Ignored unless asked for, since it needs the
//! browser.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_test_support::{RESPONDENT, SECRETARIAT, Site, browser};

/// The pages, each with the account that reads it.
const PAGES: &[(&str, &str)] = &[
    ("/me", SECRETARIAT),
    ("/me", RESPONDENT),
    ("/responses/2025/pt-lisbon/team", RESPONDENT),
    ("/responses/2025/th-bangkok/review", SECRETARIAT),
    ("/editions/2025/coding", SECRETARIAT),
    ("/members/renewal", SECRETARIAT),
    ("/editions/new", SECRETARIAT),
    ("/campaigns/2025/mail", SECRETARIAT),
    ("/campaigns/2025/prospects?q=lyon", SECRETARIAT),
    ("/questionnaires/2025/questions/has_living_lab", SECRETARIAT),
    ("/editions/2019/history", SECRETARIAT),
    ("/editions/2023", RESPONDENT),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium (apt-get install chromium)"]
async fn daily_work_pages_pass_axe_at_phone_and_desktop_widths() {
    let site = Site::demo().await;
    let dir = tempfile::tempdir().unwrap();
    browser::install_axe(dir.path());
    let mut checked = 0;
    for lang in ["es", "en", "fr"] {
        for (i, (page, account)) in PAGES.iter().enumerate() {
            let session = site.session(account).await;
            let joiner = if page.contains('?') { '&' } else { '?' };
            let reply = site.get(&format!("{page}{joiner}lang={lang}"), Some(&session)).await;
            assert_eq!(reply.status.as_u16(), 200, "{page} for {account}");
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
