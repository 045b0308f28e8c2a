//! A new edition made on the web by copying a previous one: the framework's axes keep their
//! study axes, every question continues the one it was copied from (so trends follow it), the
//! questionnaire is copied with the new title, and the edition starts in planning with its
//! timeline. A form with problems names every one and writes nothing. On SQLite and PostgreSQL.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::new_edition::NewEdition;
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{Collection, EditionYear, Focus, Lang, Localized, StudyAxis};
use smartcities_test_support::{RESPONDENT, SECRETARIAT, Site};

fn year(y: u16) -> EditionYear {
    EditionYear::new(y).unwrap()
}

fn new_edition() -> NewEdition {
    NewEdition {
        year: "2027".into(),
        focus: "governance".into(),
        title: Localized {
            es: "Gobernanza digital de las ciudades".into(),
            en: "Digital governance of cities".into(),
            fr: "Gouvernance numérique des villes".into(),
        },
        call: "2027-02-01".into(),
        deadline: "2027-06-30".into(),
        copy_from: "2025".into(),
    }
}

#[tokio::test]
async fn an_edition_is_made_by_copying_the_previous_one_and_trends_follow_each_question() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let made = site.app.create_edition(&secretariat, &new_edition(), Lang::En).await.unwrap();
    assert_eq!(made, year(2027));

    let edition = site.store.study().edition(made).await.unwrap().unwrap();
    assert_eq!(edition.status.collection, Collection::Planning);
    assert!(!edition.status.published);
    assert_eq!(edition.focus, Focus::Axis(StudyAxis::Governance));
    assert_eq!(edition.title.fr, "Gouvernance numérique des villes");
    assert_eq!(
        smartcities_app::campaign::deadline(&edition).map(|d| d.to_string()).as_deref(),
        Some("2027-06-30")
    );

    let (_, before) = site.store.study().framework(year(2025)).await.unwrap().unwrap();
    let (_, after) = site.store.study().framework(made).await.unwrap().unwrap();
    assert_eq!(after.edition, made);
    assert_eq!(
        after.axes.iter().map(|a| (a.code.clone(), a.study_axis)).collect::<Vec<_>>(),
        before.axes.iter().map(|a| (a.code.clone(), a.study_axis)).collect::<Vec<_>>(),
        "the axes and their mapping to the study axes are kept"
    );
    let questions = after.axes.iter().flat_map(|a| &a.sub_areas).flat_map(|s| &s.questions);
    for question in questions {
        let continues = question.continues.as_ref().expect("every copied question points to its source");
        assert_eq!((continues.edition, &continues.code), (year(2025), &question.code));
    }
    let (_, old_q) = site.store.study().questionnaire(year(2025)).await.unwrap().unwrap();
    let (_, new_q) = site.store.study().questionnaire(made).await.unwrap().unwrap();
    let names = |q: &smartcities_app::questionnaire::Questionnaire| {
        q.questions().iter().map(|l| l.question.name.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(names(&new_q), names(&old_q), "the questionnaire is copied question for question");
    assert_eq!(new_q.title.get(Lang::Es, Lang::En), "Gobernanza digital de las ciudades");

    // Only the secretariat makes editions.
    let respondent = site.user(RESPONDENT).await;
    let again = NewEdition { year: "2029".into(), ..new_edition() };
    assert!(matches!(
        site.app.create_edition(&respondent, &again, Lang::En).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
}

#[tokio::test]
async fn a_form_with_problems_names_every_one_and_writes_nothing() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let before = site.store.study().editions().await.unwrap().len();
    let bad = NewEdition {
        year: "2025".into(),
        focus: "astrology".into(),
        title: Localized { es: String::new(), ..new_edition().title },
        call: "2027-06-30".into(),
        deadline: "2027-02-01".into(),
        ..new_edition()
    };
    let problems = match site.app.create_edition(&secretariat, &bad, Lang::Es).await {
        Err(AppError::Refused(Refusal::ImportInvalid(problems))) => problems,
        other => panic!("{other:?}"),
    };
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems.iter().any(|p| p == "Año: ya existe una edición 2025."), "{problems:?}");
    assert!(problems.iter().any(|p| p == "Título en español: falta."), "{problems:?}");
    assert_eq!(site.store.study().editions().await.unwrap().len(), before, "nothing was written");
}
