//! The statements page (staff read it, only the secretariat's form saves, a refused save comes
//! back as typed with what was refused, in the reader's language), and question codes for staff only.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_test_support::{ANALYST, SECRETARIAT, Site};

#[tokio::test]
async fn staff_read_the_statements_and_the_secretariat_saves_them() {
    let site = Site::demo().await;
    let page = "/questionnaires/2024/statements?lang=es";
    assert_ne!(site.get(page, None).await.status.as_u16(), 200, "not for visitors");

    let analyst = site.session(ANALYST).await;
    let read = site.get(page, Some(&analyst)).await;
    assert_eq!(read.status.as_u16(), 200);
    assert!(read.body.contains("readonly") && !read.body.contains("Guardar los enunciados"), "analysts read");
    // Only yes/no questions are drafted from, so only they have a statement to write.
    assert!(read.body.contains("name=\"s.has_living_lab.es\""), "a yes/no question is listed");
    assert!(!read.body.contains("s.pilots_last_2y."), "a count is not drafted from, nor listed");
    let posted = site.post(page, Some(&analyst), "version=1&s.has_climate_plan.en=x").await;
    assert_eq!(posted.status.as_u16(), 403, "analysts do not save");

    let secretariat = site.session(SECRETARIAT).await;
    let form = site.get(page, Some(&secretariat)).await;
    assert!(form.body.contains("Guardar los enunciados") && !form.body.contains("readonly"));
    let version =
        form.body.split("name=\"version\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let code = form.body.split("name=\"s.").nth(1).unwrap().split('.').next().unwrap().to_string();

    // Too long: refused in Spanish, naming the question, the typed text back, nothing stored.
    let long = "x".repeat(250);
    let refused = site
        .post(
            page,
            Some(&secretariat),
            &format!("version={version}&s.{code}.es=tienen+algo&s.{code}.en={long}"),
        )
        .await;
    assert_eq!(refused.status.as_u16(), 422);
    assert!(refused.body.contains("demasiado largo") && refused.body.contains(&code), "{}", refused.body);
    assert!(refused.body.contains("value=\"tienen algo\""), "the form comes back as typed");

    let saved = site
        .post(page, Some(&secretariat), &format!("version={version}&s.{code}.es=tienen+algo&s.{code}.en=have+something&s.{code}.fr=ont+quelque+chose"))
        .await;
    assert_eq!(saved.status.as_u16(), 303, "{}", saved.body);
    let after = site.get(saved.location.as_deref().unwrap(), Some(&secretariat)).await;
    assert!(after.body.contains("value=\"have something\""), "stored");
    // The same form posted again is based on an older version: refused.
    let stale = site.post(page, Some(&secretariat), &format!("version={version}&s.{code}.en=again")).await;
    assert_eq!(stale.status.as_u16(), 422);
}

#[tokio::test]
async fn a_question_page_shows_its_code_to_staff_only() {
    let site = Site::demo().await;
    let page = "/editions/2024/questions/has_living_lab?lang=fr";
    let public = site.get(page, None).await;
    assert_eq!(public.status.as_u16(), 200);
    assert!(!public.body.contains("<code>has_living_lab</code>"), "nothing internal on a public page");
    let analyst = site.session(ANALYST).await;
    let staff = site.get(page, Some(&analyst)).await;
    assert!(staff.body.contains("<code>has_living_lab</code>"), "staff see the code they work with");
}
