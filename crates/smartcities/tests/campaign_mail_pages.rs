//! The campaign mail and prospects pages over HTTP: the secretariat rewrites a text in one
//! language and a refused text comes back with what was typed and the reason, in the reader's
//! language; reminders are scheduled from the page; a city found by name in the gazetteer is
//! invited with its contact. Other roles are turned away.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::http::StatusCode;
use smartcities_test_support::{ANALYST, RESPONDENT, SECRETARIAT, Site};

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[tokio::test]
async fn the_secretariat_rewrites_a_text_and_schedules_reminders_from_the_page() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let page = site.get("/campaigns/2025/mail?lang=es", Some(&secretariat)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"reminder-fr\"") && page.body.contains("Texto incorporado"));
    assert!(page.body.contains("Ningún recordatorio") || page.body.contains("No hay ningún recordatorio"));

    // A text without its link comes back as typed, with the reason beside its form, in Spanish.
    let body = "Sin enlace para {city}";
    let refused = site
        .post(
            "/campaigns/2025/mail?lang=es",
            Some(&secretariat),
            &format!("action=text&kind=reminder&text_lang=fr&subject=Rappel&body={}", encode(body)),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"reminder-fr-error\""), "{}", refused.body);
    assert!(refused.body.contains("debe conservar {link}"), "{}", refused.body);
    assert!(refused.body.contains(body));

    let saved = site
        .post(
            "/campaigns/2025/mail",
            Some(&secretariat),
            &format!(
                "action=text&kind=reminder&text_lang=fr&subject={}&body={}",
                encode("Dernier rappel : {city}"),
                encode("Il reste peu de temps.\n\n{link}")
            ),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = site.get(saved.location.as_deref().unwrap(), Some(&secretariat)).await;
    assert!(page.body.contains("Dernier rappel : {city}") && page.body.contains("Written by"));

    let scheduled =
        site.post("/campaigns/2025/mail", Some(&secretariat), "action=schedule&days=30%2C+14%2C+3").await;
    assert_eq!(scheduled.status, StatusCode::SEE_OTHER, "{}", scheduled.body);
    let page = site.get("/campaigns/2025/mail?lang=fr", Some(&secretariat)).await;
    assert!(page.body.contains("30 jours avant la date limite : 31 mai 2027"), "{}", page.body);
    assert!(page.body.contains("value=\"30, 14, 3\""));
    let refused =
        site.post("/campaigns/2025/mail?lang=fr", Some(&secretariat), "action=schedule&days=400").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("« 400 » n&#x27;est pas un nombre de jours"), "{}", refused.body);

    for (who, status) in [(RESPONDENT, StatusCode::FORBIDDEN), (ANALYST, StatusCode::FORBIDDEN)] {
        let session = site.session(who).await;
        assert_eq!(site.get("/campaigns/2025/mail", Some(&session)).await.status, status, "{who}");
        assert_eq!(site.get("/campaigns/2025/prospects", Some(&session)).await.status, status, "{who}");
    }
    assert_ne!(site.get("/campaigns/2025/mail", None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_city_found_by_name_is_invited_with_its_contact() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let page = site.get("/campaigns/2025/prospects", Some(&secretariat)).await;
    assert!(page.body.contains("Every city of the registry is a member or is invited already."));
    // A registry city that is neither a member nor invited is offered by name.
    let lisbon = smartcities_domain::CityId::parse(smartcities_test_support::OWN_CITY).unwrap();
    let mut porto = site.store.registry().city(&lisbon).await.unwrap().unwrap();
    (porto.id, porto.name) = (smartcities_domain::CityId::parse("pt-porto").unwrap(), "Porto".into());
    site.store.registry().upsert_cities(&[porto]).await.unwrap();
    let page = site.get("/campaigns/2025/prospects?q=lyon", Some(&secretariat)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<option value=\"pt-porto\">Porto, Portugal</option>"), "{}", page.body);
    let (geonameid, line) = page
        .body
        .split("name=\"place\" value=\"")
        .skip(1)
        .map(|rest| {
            (rest.split('"').next().unwrap().to_string(), rest.split("</label>").next().unwrap().to_string())
        })
        .find(|(_, line)| line.contains("France"))
        .expect("Lyon, France is offered");
    assert!(line.contains("inhabitants"), "{line}");

    let refused = site
        .post(
            "/campaigns/2025/prospects",
            Some(&secretariat),
            &format!("source=place&q=lyon&place={geonameid}&name=Claire+Martin&email=nope&mail_lang=fr"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("not an e-mail address") && refused.body.contains("value=\"Claire Martin\"")
    );

    let invited = site
        .post(
            "/campaigns/2025/prospects",
            Some(&secretariat),
            &format!(
                "source=place&q=lyon&place={geonameid}&name=Claire+Martin&email={}&mail_lang=fr",
                encode("c.martin@lyon.example.org")
            ),
        )
        .await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER, "{}", invited.body);
    let page = site.get(invited.location.as_deref().unwrap(), Some(&secretariat)).await;
    assert!(page.body.contains("Lyon is invited"), "{}", page.body);
    let board = site.get("/campaigns/2025", Some(&secretariat)).await;
    assert!(board.body.contains("Lyon"), "the campaign lists the new city");
}

#[tokio::test]
async fn the_question_editor_previews_the_question_in_each_language_with_missing_texts_marked() {
    let site = Site::demo().await;
    let secretariat = site.session(SECRETARIAT).await;
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let (_, q) = site.store.study().questionnaire(year).await.unwrap().unwrap();
    let question = q.questions().into_iter().find(|l| l.repeat().is_none()).unwrap().question.clone();
    let page =
        site.get(&format!("/questionnaires/2025/questions/{}", question.name), Some(&secretariat)).await;
    assert_eq!(page.status, StatusCode::OK);
    for lang in ["es", "en", "fr"] {
        assert!(page.body.contains(&format!("data-preview=\"{lang}\"")), "a preview in {lang}");
        assert!(
            page.body.contains(&format!("id=\"f-preview-{lang}-{}\"", question.name))
                || page.body.contains(&format!("name=\"preview-{lang}-{}\"", question.name))
        );
    }
    let es_label = question.label.get(smartcities_domain::Lang::Es, q.default_language).to_string();
    let escaped = es_label.replace('\'', "&#x27;").replace('"', "&quot;").replace('/', "&#x2f;");
    assert!(page.body.contains(&escaped), "the Spanish label is previewed: {es_label}");
    assert!(page.body.contains("/static/editor-preview.js"));

    // The French label removed: the French preview shows another language's text, marked.
    let mut edited = q.clone();
    edited.question_mut(question.name.as_str()).unwrap().label.0.remove(&smartcities_domain::Lang::Fr);
    site.store.study().save_questionnaire(year, &edited, "test").await.unwrap();
    let page =
        site.get(&format!("/questionnaires/2025/questions/{}", question.name), Some(&secretariat)).await;
    let french =
        page.body.split("data-preview=\"fr\"").nth(1).unwrap().split("data-preview=").next().unwrap();
    assert!(french.contains("original-in"), "the missing French text is marked: {french}");
}

#[tokio::test]
async fn a_person_chooses_the_language_of_their_mail() {
    let site = Site::demo().await;
    let respondent = site.session(RESPONDENT).await;
    let page = site.get("/me", Some(&respondent)).await;
    assert!(page.body.contains("<option value=\"en\" selected>"), "Lisbon reads English by default");
    let saved = site.post("/me/mail-language", Some(&respondent), "mail_lang=fr").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = site.get("/me?mail=saved", Some(&respondent)).await;
    assert!(page.body.contains("<option value=\"fr\" selected>"));
    assert_eq!(site.user(RESPONDENT).await.lang, Some(smartcities_domain::Lang::Fr));
}
