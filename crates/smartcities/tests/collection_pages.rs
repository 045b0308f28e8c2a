//! The campaign page's collection actions over HTTP: each shown for confirmation with the cities
//! that will be told, then done; a respondent whose edition stopped taking answers reads why and
//! whom to write to; publishing from the edition page leaves collection open; no step answers
//! with a server error.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_test_support::{CONTACT, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

#[tokio::test]
async fn collection_is_closed_reopened_and_a_publication_never_closes_it() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let respondent = site.session(RESPONDENT).await;
    let group = format!("/responses/2025/{OWN_CITY}/groups/smart_economy?lang=en");

    // Asked to close, the page shows who will be told and the message, and nothing changes yet.
    let asked = site.post("/campaigns/2025?lang=en", Some(&secretariat), "action=close").await;
    assert_eq!(asked.status.as_u16(), 200, "{}", asked.body);
    assert!(asked.body.contains("Cities will no longer be able to answer"), "{}", asked.body);
    assert!(asked.body.contains("name=\"confirm\" value=\"1\""));
    assert!(asked.body.contains("Lisbon"), "the cities still answering are listed");
    let form = site.get(&group, Some(&respondent)).await;
    assert!(form.body.contains("data-autosave=\"on\""), "still open until confirmed");

    let done = site.post("/campaigns/2025?lang=en", Some(&secretariat), "action=close&confirm=1").await;
    assert_eq!(done.status.as_u16(), 303, "{}", done.body);
    let page = site.get(done.location.as_deref().unwrap(), Some(&secretariat)).await;
    assert!(page.body.contains("Collection is closed"), "{}", page.body);

    // The respondent sees why the form is read-only, and whom to write to.
    let form = site.get(&group, Some(&respondent)).await;
    assert!(form.body.contains("data-autosave=\"off\""));
    assert!(form.body.contains("no longer takes answers") && form.body.contains(CONTACT), "{}", form.body);
    let refused = site
        .post(
            &format!("/responses/2025/{OWN_CITY}/groups/smart_economy?lang=es"),
            Some(&respondent),
            "revision=0&shown=has_living_lab&has_living_lab=yes",
        )
        .await;
    assert!(refused.status.is_client_error(), "{}: {}", refused.status, refused.body);
    assert!(refused.body.contains("ya no recibe respuestas"), "in the page's language: {}", refused.body);

    // Reopened from the same form: confirmed, then open again.
    let asked =
        site.post("/campaigns/2025?lang=en", Some(&secretariat), "action=open&deadline=2099-06-30").await;
    assert_eq!(asked.status.as_u16(), 200, "{}", asked.body);
    assert!(asked.body.contains("until 2099-06-30"));
    let done = site
        .post("/campaigns/2025?lang=en", Some(&secretariat), "action=open&deadline=2099-06-30&confirm=1")
        .await;
    assert_eq!(done.status.as_u16(), 303, "{}", done.body);
    assert!(site.get(&group, Some(&respondent)).await.body.contains("data-autosave=\"on\""));

    // Publishing now from the edition page: the version is provisional, collection stays open,
    // the respondent's next save is taken, and posting the deadline form again is no error.
    let analysed = site.post("/editions/2025/analyse", Some(&secretariat), "").await;
    assert_eq!(analysed.status.as_u16(), 303, "{}", analysed.body);
    let published = site.post("/editions/2025/publish", Some(&secretariat), "when=now").await;
    assert_eq!(published.status.as_u16(), 303, "{}", published.body);
    let edition = site.get("/editions/2025?lang=en", Some(&secretariat)).await;
    assert!(edition.body.contains("provisional"), "{}", edition.body);
    let saved = site
        .post(
            &format!("/responses/2025/{OWN_CITY}/groups/smart_economy"),
            Some(&respondent),
            "revision=0&shown=has_living_lab&has_living_lab=no",
        )
        .await;
    assert_eq!(saved.status.as_u16(), 303, "{}", saved.body);
    let again = site
        .post("/campaigns/2025?lang=en", Some(&secretariat), "action=open&deadline=2099-07-31&confirm=1")
        .await;
    assert_eq!(again.status.as_u16(), 303, "{}", again.body);
    let public = site.get("/editions/2025/v/1/site/en/index.html", None).await;
    assert_eq!(public.status.as_u16(), 200);
    assert!(public.body.contains("class=\"provisional\""));
}

#[tokio::test]
async fn a_preview_is_served_to_the_secretariat_only_and_never_cached() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let made = site.post("/editions/2024/publish", Some(&secretariat), "when=preview").await;
    assert_eq!(made.status.as_u16(), 303, "{}", made.body);
    let path = "/editions/2024/v/2/site/en/index.html";
    assert_eq!(site.get(path, None).await.status.as_u16(), 404);
    let preview = site.get(path, Some(&secretariat)).await;
    assert_eq!(preview.status.as_u16(), 200);
    assert_eq!(preview.headers["cache-control"], "private, no-store");
    let public = site.post("/editions/2024/versions/2?lang=en", Some(&secretariat), "action=public").await;
    assert_eq!(public.status.as_u16(), 303, "{}", public.body);
    let page = site.get(path, None).await;
    assert_eq!(page.status.as_u16(), 200);
    assert_eq!(
        page.headers["cache-control"], "public, max-age=86400",
        "a day, so a withdrawal reaches caches"
    );
    // A schedule in words a person types: a local time and a zone.
    let third = site
        .post(
            "/editions/2024/publish",
            Some(&secretariat),
            "when=at&at_local=2099-05-10T10%3A00&zone=Europe%2FMadrid",
        )
        .await;
    assert_eq!(third.status.as_u16(), 303, "{}", third.body);
    let panel = site.get("/editions/2024?lang=en", Some(&secretariat)).await;
    assert!(panel.body.contains("private until 2099-05-10T08:00:00Z"), "{}", panel.body);
    let past = site
        .post(
            "/editions/2024/versions/3?lang=en",
            Some(&secretariat),
            "action=schedule&at_local=2001-01-01T10%3A00&zone=UTC",
        )
        .await;
    assert_eq!(past.status.as_u16(), 409, "{}", past.body);
}

#[tokio::test]
async fn reminders_are_previewed_with_silent_cities_ticked_then_sent_to_the_cities_chosen() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let preview = site.post("/campaigns/2025?lang=en", Some(&secretariat), "action=remind").await;
    assert_eq!(preview.status.as_u16(), 200, "a preview first, nothing sent");
    assert!(preview.body.contains("Remind cities before sending"));
    assert!(
        preview.body.contains("name=\"remind\" value=\"pt-lisbon\" checked"),
        "a silent city is ticked: {}",
        preview.body
    );
    let sent =
        site.post("/campaigns/2025", Some(&secretariat), "action=remind&confirm=1&remind=pt-lisbon").await;
    assert_eq!(sent.status.as_u16(), 303);
    assert!(sent.location.as_deref().unwrap_or_default().contains("reminded=1&"), "{:?}", sent.location);
}
