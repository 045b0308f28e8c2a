//! Personal data as the GDPR expects: everything held about a person handed over, erased on
//! request with their answers kept for their city, accounts disabled (sessions end at once)
//! and enabled again, decided applications erased after their time. On SQLite and PostgreSQL.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::{
    AppError, Refusal,
    accounts::{Client, hash_password, new_token, token_hash},
    membership::{Decision, JoinForm},
    people::{DECLINED_KEPT_DAYS, FORMER_CONTACT, SPAM_KEPT_DAYS},
};
use smartcities_domain::{CityId, EditionYear, Lang, Timestamp, focal_point};
use smartcities_store::AnswerChange;
use smartcities_test_support::{ANALYST, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

fn refusal<T: std::fmt::Debug>(result: Result<T, AppError>) -> Refusal {
    match result {
        Err(AppError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn noon() -> Timestamp {
    Timestamp::parse("2026-06-15T12:00:00Z").unwrap()
}

/// The respondent saves one answer, so that something they recorded exists.
async fn respondent_saves(site: &Site) {
    let (year, city) = (EditionYear::new(2025).unwrap(), CityId::parse(OWN_CITY).unwrap());
    let user = site.user(RESPONDENT).await;
    let revision = site.store.answering().response(year, &city).await.unwrap().unwrap().revision;
    let change = AnswerChange { question: "has_living_lab".into(), entry: None, value: Some("yes".into()) };
    site.app.save_answers(&user, year, &city, revision, &[change], Lang::En).await.unwrap();
}

#[tokio::test]
async fn the_secretariat_hands_a_person_everything_held_about_them() {
    let site = Site::demo_at(noon()).await;
    respondent_saves(&site).await;
    let secretariat = site.user(SECRETARIAT).await;
    let export = site.app.personal_data_export(&secretariat, RESPONDENT).await.unwrap();
    assert_eq!(export["account"]["email"], RESPONDENT);
    assert_eq!(export["account"]["role"], "respondent");
    assert_eq!(export["account"]["city"], OWN_CITY);
    let records = export["records_made"].as_array().unwrap();
    assert!(
        records.iter().any(|r| r["table"] == "answers.updated_by" && r["count"].as_i64() >= Some(1)),
        "{records:?}"
    );
    assert!(export.to_string().len() < 1_000_000);
    // Nobody else may ask.
    let analyst = site.user(ANALYST).await;
    assert_eq!(refusal(site.app.personal_data_export(&analyst, RESPONDENT).await), Refusal::Forbidden);
    let respondent = site.user(RESPONDENT).await;
    assert_eq!(refusal(site.app.held_about(&respondent, RESPONDENT).await), Refusal::Forbidden);
}

#[tokio::test]
async fn erasure_removes_the_person_and_leaves_their_answers_with_the_city() {
    let site = Site::demo_at(noon()).await;
    respondent_saves(&site).await;
    let secretariat = site.user(SECRETARIAT).await;
    let respondent = site.user(RESPONDENT).await;
    let session = site.store.accounts();
    session.create_session(&token_hash("live"), &respondent.id, &new_token(), 3600).await.unwrap();

    assert_eq!(
        refusal(site.app.erase_person(&secretariat, RESPONDENT, "").await),
        Refusal::ConfirmationNeeded
    );
    assert_eq!(
        refusal(site.app.erase_person(&secretariat, SECRETARIAT, SECRETARIAT).await),
        Refusal::OwnAccount
    );
    let erased = site.app.erase_person(&secretariat, RESPONDENT, &RESPONDENT.to_uppercase()).await.unwrap();
    assert_eq!(erased.accounts, 1);
    assert!(erased.records >= 1, "{erased:?}");

    let held = site.app.held_about(&secretariat, RESPONDENT).await.unwrap();
    assert!(held.account.is_none() && held.records.is_empty() && held.mails.is_empty(), "{held:?}");
    assert!(site.app.session("live").await.unwrap().is_none(), "the session ended");
    let (year, city) = (EditionYear::new(2025).unwrap(), CityId::parse(OWN_CITY).unwrap());
    let answers = site.store.answering().answers(year, &city).await.unwrap();
    let answer =
        answers.iter().find(|a| a.question == "has_living_lab").expect("the answer stays with the city");
    assert_eq!(answer.value, "yes");
    assert_eq!(answer.updated_by, FORMER_CONTACT);
    let signed_in = site.app.sign_in(RESPONDENT, "whatever it was", Client::default()).await;
    assert_eq!(refusal(signed_in), Refusal::SignInFailed);
}

#[tokio::test]
async fn a_disabled_account_is_signed_out_at_once_and_can_be_enabled_again() {
    let site = Site::demo_at(noon()).await;
    let secretariat = site.user(SECRETARIAT).await;
    let respondent = site.user(RESPONDENT).await;
    site.store
        .accounts()
        .set_password_hash(&respondent.id, &hash_password("a long passphrase 42"))
        .await
        .unwrap();
    let session = site.app.sign_in(RESPONDENT, "a long passphrase 42", Client::default()).await.unwrap();
    assert!(site.app.session(&session.token).await.unwrap().is_some());

    let disabled = site.app.set_account_disabled(&secretariat, RESPONDENT, true).await.unwrap();
    assert!(disabled.disabled);
    assert!(site.app.session(&session.token).await.unwrap().is_none(), "signed out at once");
    let again = site.app.sign_in(RESPONDENT, "a long passphrase 42", Client::default()).await;
    assert_eq!(refusal(again), Refusal::AccountDisabled);
    assert_eq!(
        refusal(site.app.set_account_disabled(&secretariat, SECRETARIAT, true).await),
        Refusal::OwnAccount
    );
    let analyst = site.user(ANALYST).await;
    assert_eq!(refusal(site.app.set_account_disabled(&analyst, RESPONDENT, false).await), Refusal::Forbidden);

    site.app.set_account_disabled(&secretariat, RESPONDENT, false).await.unwrap();
    let back = site.app.sign_in(RESPONDENT, "a long passphrase 42", Client::default()).await.unwrap();
    assert!(site.app.session(&back.token).await.unwrap().is_some());
}

#[tokio::test]
async fn decided_applications_are_erased_after_their_time() {
    let site = Site::demo_at(noon()).await;
    let secretariat = site.user(SECRETARIAT).await;
    let mut ids = Vec::new();
    for (n, city) in ["Declinedville", "Spamtown", "Pendingham"].into_iter().enumerate() {
        let form = JoinForm {
            city_name: city,
            country: "EC",
            focal_point: focal_point("Ana", "CIO", &format!("ana{n}@example.org")),
            motivation: "",
            trap: "",
            lang: smartcities_domain::Lang::En,
        };
        let client = Client { address: Some(std::net::IpAddr::from([198, 51, 100, n as u8])) };
        ids.push(site.app.apply_to_join(form, &client).await.unwrap().unwrap().id);
    }
    let decline = Decision::Decline { reason: "Not a city".into() };
    site.app.decide_application(&secretariat, &ids[0], &decline).await.unwrap();
    site.app.decide_application(&secretariat, &ids[1], &Decision::Spam).await.unwrap();
    let kept = |site: &Site| {
        let store = site.store.clone();
        async move {
            store
                .community()
                .applications()
                .await
                .unwrap()
                .into_iter()
                .map(|a| a.city_name)
                .collect::<Vec<_>>()
        }
    };

    site.clock.advance(SPAM_KEPT_DAYS * 86_400 + 60);
    assert_eq!(site.app.purge_decided_applications().await.unwrap(), 1);
    let names = kept(&site).await;
    assert!(!names.contains(&"Spamtown".to_string()) && names.contains(&"Declinedville".to_string()));

    site.clock.advance((DECLINED_KEPT_DAYS - SPAM_KEPT_DAYS) * 86_400);
    site.app.purge_expired().await.unwrap();
    let names = kept(&site).await;
    assert!(!names.contains(&"Declinedville".to_string()), "{names:?}");
    assert!(names.contains(&"Pendingham".to_string()), "a pending application waits for its decision");
}
