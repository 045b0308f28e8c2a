//! The team pages over HTTP: the focal point invites a colleague for a section; the colleague's
//! own section is a form and the others are read only; the review names who answered; a
//! refused invitation comes back with what was typed and the reason beside the form; roles
//! that may not change the team see no forms and are refused.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::http::StatusCode;
use smartcities_app::team::sections;
use smartcities_domain::{EditionYear, Lang};
use smartcities_test_support::{ANALYST, OTHER_CITY, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

const ANA: &str = "ana.mobility@lisbon.example.org";

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[tokio::test]
async fn a_colleague_answers_their_section_reads_the_others_and_the_review_names_them() {
    let site = Site::demo().await;
    let year = EditionYear::new(2025).unwrap();
    let (_, q) = site.store.study().questionnaire(year).await.unwrap().unwrap();
    let all = sections(&q, Lang::En);
    let (mine, other) = (&all[0].name, &all[1].name);
    let team = format!("/responses/2025/{OWN_CITY}/team");
    let focal = site.session(RESPONDENT).await;

    let page = site.get(&team, Some(&focal)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"invite\""), "the focal point can invite");
    assert!(!page.body.contains("value=\"focal\""), "only the secretariat changes the focal point");

    // A refused invitation keeps what was typed, with the reason beside the form.
    let refused = site
        .post(
            &team,
            Some(&focal),
            &format!("action=invite&name=Ana+Ferreira&email={}&mail_lang=es", encode(ANA)),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"invite-error\""), "{}", refused.body);
    assert!(refused.body.contains("value=\"Ana Ferreira\""));

    let invited = site
        .post(
            &team,
            Some(&focal),
            &format!("action=invite&name=Ana+Ferreira&email={}&section={mine}&mail_lang=es", encode(ANA)),
        )
        .await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER, "{}", invited.body);
    let page = site.get(invited.location.as_deref().unwrap(), Some(&focal)).await;
    assert!(page.body.contains("Ana Ferreira") && page.body.contains(ANA), "the team lists Ana");

    // Ana's own section is a form that saves as she types; another is read only.
    let ana = site.session(ANA).await;
    let own = site.get(&format!("/responses/2025/{OWN_CITY}/groups/{mine}"), Some(&ana)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("data-autosave=\"on\""));
    let others = site.get(&format!("/responses/2025/{OWN_CITY}/groups/{other}"), Some(&ana)).await;
    assert_eq!(others.status, StatusCode::OK);
    assert!(others.body.contains("data-autosave=\"off\""));
    assert!(others.body.contains("A colleague answers this section") || others.body.contains("colega"));
    // Her team page has no forms to change the team.
    let page = site.get(&team, Some(&ana)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("value=\"invite\""));
    let posted = site.post(&team, Some(&ana), "action=invite&name=X&email=x%40lisbon.example.org").await;
    assert_eq!(posted.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(posted.body.contains("Only the city&#x27;s focal point"), "{}", posted.body);

    // She saves a yes/no of her section; the review names her beside it.
    let question = q
        .questions()
        .into_iter()
        .find(|l| {
            l.groups.first().is_some_and(|g| g.name.as_str() == mine.as_str())
                && l.repeat().is_none()
                && l.question.kind == smartcities_app::questionnaire::Kind::YesNo
                && l.question.relevant.is_none()
        })
        .map(|l| l.question.name.to_string())
        .expect("a yes/no question in the first section");
    let file = site
        .app
        .response_file(&site.user(ANA).await, year, &smartcities_domain::CityId::parse(OWN_CITY).unwrap())
        .await
        .unwrap();
    let now = file.answers.iter().find(|a| a.question == question).map(|a| a.value.to_string());
    let value = if now.as_deref() == Some("yes") { "no" } else { "yes" };
    let saved = site
        .post(
            &format!("/responses/2025/{OWN_CITY}/groups/{mine}"),
            Some(&ana),
            &format!("revision={}&shown={question}&{question}={value}", file.response.revision),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let review = site.get(&format!("/responses/2025/{OWN_CITY}/review?lang=es"), Some(&focal)).await;
    assert!(review.body.contains("por Ana Ferreira"), "the review names who answered");
    assert!(review.body.contains("Quién respondió"));

    // Everyone else: the secretariat sees the focal-point form, an analyst reads, another city
    // is refused.
    let secretariat = site.session(SECRETARIAT).await;
    assert!(site.get(&team, Some(&secretariat)).await.body.contains("value=\"focal\""));
    let analyst = site.get(&team, Some(&site.session(ANALYST).await)).await;
    assert_eq!(analyst.status, StatusCode::OK);
    assert!(!analyst.body.contains("value=\"invite\""));
    let vienna = site
        .store
        .accounts()
        .respondents(&smartcities_domain::CityId::parse(OTHER_CITY).unwrap())
        .await
        .unwrap();
    let vienna = site.session(vienna[0].email.as_str()).await;
    assert_eq!(site.get(&team, Some(&vienna)).await.status, StatusCode::FORBIDDEN);
}
