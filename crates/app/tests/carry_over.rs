//! A city starts its response from its answers to the previous edition where the questions
//! continue: nothing already answered is replaced, only its own city, saved as its own save. On
//! SQLite and PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::{AppError, Refusal};
use smartcities_domain::{CityId, EditionYear, Lang};
use smartcities_store::{AnswerChange, SaveOutcome};
use smartcities_test_support::{ANALYST, OTHER_CITY, OWN_CITY, RESPONDENT, Site};

fn year(y: u16) -> EditionYear {
    EditionYear::new(y).unwrap()
}

fn city(id: &str) -> CityId {
    CityId::parse(id).unwrap()
}

#[tokio::test]
async fn a_city_starts_from_its_previous_answers_where_questions_continue() {
    let site = Site::demo().await;
    let respondent = site.user(RESPONDENT).await;
    let (now, then, lisbon) = (year(2025), year(2024), city(OWN_CITY));
    let answering = site.store.answering();
    let before = answering.answers(then, &lisbon).await.unwrap();
    assert!(!before.is_empty(), "the demonstration has Lisbon's 2024 answers");

    // One question answered already this time, differently from 2024: it stays as it is.
    let kept = before.iter().find(|a| a.entry.is_none() && a.value.as_str() == "yes").expect("a yes in 2024");
    let revision = answering.response(now, &lisbon).await.unwrap().unwrap().revision;
    let change = AnswerChange { question: kept.question.clone(), entry: None, value: Some("no".into()) };
    site.app.save_answers(&respondent, now, &lisbon, revision, &[change], Lang::En).await.unwrap();
    let current = answering.answers(now, &lisbon).await.unwrap();

    let offer =
        site.app.carry_over_offer(&respondent, now, &lisbon, Lang::En).await.unwrap().expect("an offer");
    assert_eq!(offer.from, then);
    assert!(offer.answers.len() > 5, "{} answers offered", offer.answers.len());
    for change in &offer.answers {
        assert!(change.entry.is_none(), "repeat groups are not copied");
        assert!(
            !current.iter().any(|a| a.question == change.question),
            "{} is answered already",
            change.question
        );
        let earlier = before.iter().find(|a| a.question == change.question && a.entry.is_none()).unwrap();
        assert_eq!(change.value.as_ref(), Some(&earlier.value), "{}", change.question);
    }

    let (from, outcome) = site.app.carry_over(&respondent, now, &lisbon, Lang::Es).await.unwrap();
    assert_eq!(from, then);
    let SaveOutcome::Saved { changed, .. } = outcome else { panic!("{outcome:?}") };
    assert_eq!(changed, offer.answers.len());
    let after = answering.answers(now, &lisbon).await.unwrap();
    let value = |question: &str| after.iter().find(|a| a.question == question).map(|a| a.value.to_string());
    assert_eq!(value(&kept.question).as_deref(), Some("no"), "what was answered is not replaced");
    for change in &offer.answers {
        assert_eq!(
            value(&change.question),
            change.value.as_ref().map(ToString::to_string),
            "{}",
            change.question
        );
        let copied = after.iter().find(|a| a.question == change.question).unwrap();
        assert_eq!(copied.updated_by, RESPONDENT, "saved as the respondent's own save");
    }
    // Nothing left to bring over.
    assert_eq!(site.app.carry_over_offer(&respondent, now, &lisbon, Lang::En).await.unwrap(), None);
}

#[tokio::test]
async fn only_whoever_may_answer_for_the_city_can_carry_its_answers_over() {
    let site = Site::demo().await;
    let (respondent, analyst) = (site.user(RESPONDENT).await, site.user(ANALYST).await);
    let vienna = city(OTHER_CITY);
    assert_eq!(site.app.carry_over_offer(&respondent, year(2025), &vienna, Lang::En).await.unwrap(), None);
    let refused = site.app.carry_over(&respondent, year(2025), &vienna, Lang::En).await;
    assert!(matches!(refused, Err(AppError::Refused(Refusal::Forbidden))), "{refused:?}");
    let refused = site.app.carry_over(&analyst, year(2025), &city(OWN_CITY), Lang::En).await;
    assert!(matches!(refused, Err(AppError::Refused(Refusal::Forbidden))), "{refused:?}");
}
