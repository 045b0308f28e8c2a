//! Colleagues sharing a city's questionnaire, through the use cases: the focal point brings in
//! colleagues for some sections; each saves their own sections (at the same moment, both kept)
//! and reads the others; every answer stands as whoever saved it; only the focal point submits;
//! the secretariat ends a colleague's access and changes the focal point. On SQLite and
//! PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::policy::Access;
use smartcities_app::questionnaire::Kind;
use smartcities_app::team::{NewColleague, NewFocalPoint, TeamProblem, sections};
use smartcities_app::{AppError, Refusal, User};
use smartcities_domain::{CityId, EditionYear, Lang};
use smartcities_store::{AnswerChange, SaveOutcome};
use smartcities_test_support::{OTHER_CITY, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

const ANA: &str = "ana.mobility@lisbon.example.org";
const BEN: &str = "ben.environment@lisbon.example.org";

fn year(y: u16) -> EditionYear {
    EditionYear::new(y).unwrap()
}

fn city(id: &str) -> CityId {
    CityId::parse(id).unwrap()
}

fn team_problem(result: Result<impl std::fmt::Debug, AppError>) -> TeamProblem {
    match result {
        Err(AppError::Refused(Refusal::Team(problem))) => problem,
        other => panic!("expected a team refusal, got {other:?}"),
    }
}

/// Two sections with a yes/no question asked unconditionally in each, and that question.
async fn two_sections(site: &Site, y: EditionYear) -> [(String, String); 2] {
    let (_, q) = site.store.study().questionnaire(y).await.unwrap().unwrap();
    let mut found = Vec::new();
    for section in sections(&q, Lang::En) {
        let question = q.questions().into_iter().find(|l| {
            l.groups.first().is_some_and(|g| g.name.as_str() == section.name)
                && l.repeat().is_none()
                && l.question.kind == Kind::YesNo
                && l.question.relevant.is_none()
                && l.groups.iter().all(|g| g.relevant.is_none())
        });
        if let Some(l) = question {
            found.push((section.name.clone(), l.question.name.to_string()));
        }
    }
    assert!(found.len() >= 2, "the demonstration's questionnaire has two sections with a yes/no question");
    [found[0].clone(), found[1].clone()]
}

/// The change that flips a yes/no answer from what the response holds.
async fn flip(site: &Site, user: &User, y: EditionYear, question: &str) -> AnswerChange {
    let file = site.app.response_file(user, y, &city(OWN_CITY)).await.unwrap();
    let now = file.answers.iter().find(|a| a.question == question).map(|a| a.value.to_string());
    let value = if now.as_deref() == Some("yes") { "no" } else { "yes" };
    AnswerChange { question: question.into(), entry: None, value: Some(value.into()) }
}

async fn invite(site: &Site, by: &User, email: &str, name: &str, sections: &[&str], lang: Lang) -> User {
    let new = NewColleague {
        name: name.into(),
        email: email.into(),
        sections: sections.iter().map(|s| s.to_string()).collect(),
        lang,
    };
    site.app.invite_colleague(by, year(2025), &city(OWN_CITY), &new).await.unwrap()
}

#[tokio::test]
async fn two_colleagues_save_their_own_sections_at_once_and_the_review_names_each() {
    let site = Site::demo().await;
    let (now, lisbon) = (year(2025), city(OWN_CITY));
    let focal = site.user(RESPONDENT).await;
    let [(mobility, q_mobility), (environment, q_environment)] = two_sections(&site, now).await;

    let ana = invite(&site, &focal, ANA, "Ana Ferreira", &[&mobility], Lang::Es).await;
    let ben = invite(&site, &focal, BEN, "Ben Costa", &[&environment], Lang::Fr).await;
    // Each invitation is one mail, in the language the focal point chose, with a link.
    let mails = site.store.outbox().due_mail(100).await.unwrap();
    let to_ana = mails.iter().find(|m| m.recipient == ANA).expect("a mail to Ana");
    assert!(to_ana.subject.contains("le pide que responda"), "{}", to_ana.subject);
    assert!(to_ana.body.contains("https://study.example.org/invitations/"), "{}", to_ana.body);
    let to_ben = mails.iter().find(|m| m.recipient == BEN).expect("a mail to Ben");
    assert!(to_ben.subject.contains("vous demande de répondre"), "{}", to_ben.subject);

    // Both read the whole response, each changes only their section.
    let file = site.app.response_file(&ana, now, &lisbon).await.unwrap();
    assert_eq!(file.access, Access::Colleague { sections: [mobility.clone()].into() });
    assert!(file.section_editable_by(&ana, &mobility) && !file.section_editable_by(&ana, &environment));
    assert!(!file.whole_editable_by(&ana));

    // At the same moment, from the same revision: both saves are kept.
    let (ana_change, ben_change) =
        (flip(&site, &ana, now, &q_mobility).await, flip(&site, &ben, now, &q_environment).await);
    let (ana_file, ben_file) = (
        site.app.response_file(&ana, now, &lisbon).await.unwrap(),
        site.app.response_file(&ben, now, &lisbon).await.unwrap(),
    );
    let base = ana_file.response.revision;
    let second = site.another_server().await;
    let (a, b) = tokio::join!(
        site.app.save_page_in(&ana, &ana_file, base, std::slice::from_ref(&ana_change), &[], Lang::Es),
        second.save_page_in(&ben, &ben_file, base, std::slice::from_ref(&ben_change), &[], Lang::Fr),
    );
    assert!(matches!(a.unwrap(), SaveOutcome::Saved { changed: 1, .. }));
    assert!(matches!(b.unwrap(), SaveOutcome::Saved { changed: 1, .. }));
    let review = site.app.response_file(&focal, now, &lisbon).await.unwrap();
    let stored = |q: &str| review.answers.iter().find(|a| a.question == q).unwrap().clone();
    assert_eq!(stored(&q_mobility).value, *ana_change.value.as_ref().unwrap());
    assert_eq!(stored(&q_environment).value, *ben_change.value.as_ref().unwrap());
    // Every answer stands as whoever saved it, and the review names them.
    assert_eq!(review.name_of(&stored(&q_mobility).updated_by), "Ana Ferreira");
    assert_eq!(review.name_of(&stored(&q_environment).updated_by), "Ben Costa");
    let history = site.app.answer_history(&review, Some(&q_mobility), 10, 0).await.unwrap().0;
    assert_eq!(history[0].changed_by, ANA);

    // A save reaching into another's section is refused whole: nothing of it is written.
    let file = site.app.response_file(&ana, now, &lisbon).await.unwrap();
    let both = [flip(&site, &ana, now, &q_mobility).await, flip(&site, &ana, now, &q_environment).await];
    let refused = site.app.save_page_in(&ana, &file, file.response.revision, &both, &[], Lang::En).await;
    assert!(matches!(team_problem(refused), TeamProblem::NotYourSection { .. }));
    let after = site.app.response_file(&focal, now, &lisbon).await.unwrap();
    assert_eq!(after.response.revision, file.response.revision);
    assert_eq!(
        TeamProblem::NotYourSection { section: "Mobility".into() }.message(Lang::Es),
        "«Mobility» la responde otra persona del equipo de su ciudad: no se guardó nada."
    );

    // Only the focal point submits and changes the team.
    assert_eq!(
        team_problem(site.app.submit(&ana, now, &lisbon, Lang::En).await),
        TeamProblem::FocalPointOnly
    );
    let new = NewColleague {
        name: "Carla".into(),
        email: "carla@lisbon.example.org".into(),
        sections: vec![mobility.clone()],
        lang: Lang::En,
    };
    assert_eq!(
        team_problem(site.app.invite_colleague(&ana, now, &lisbon, &new).await),
        TeamProblem::FocalPointOnly
    );
    // Another city's respondent has no say in Lisbon's team.
    let vienna = site.store.accounts().respondents(&city(OTHER_CITY)).await.unwrap().remove(0);
    assert!(matches!(
        site.app.invite_colleague(&vienna, now, &lisbon, &new).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
}

#[tokio::test]
async fn team_changes_are_checked_and_the_secretariat_ends_access_and_changes_the_focal_point() {
    let site = Site::demo().await;
    let (now, lisbon) = (year(2025), city(OWN_CITY));
    let focal = site.user(RESPONDENT).await;
    let secretariat = site.user(SECRETARIAT).await;
    let [(mobility, q_mobility), (environment, _)] = two_sections(&site, now).await;
    let mails_before = site.store.outbox().outbox_counts().await.unwrap().pending;

    // Refusals, each with nothing written.
    let colleague = |email: &str, sections: Vec<String>| NewColleague {
        name: "Dora".into(),
        email: email.into(),
        sections,
        lang: Lang::En,
    };
    let attempts = [
        (colleague("dora@lisbon.example.org", vec![]), TeamProblem::NoSections),
        (
            colleague("dora@lisbon.example.org", vec!["no_such_section".into()]),
            TeamProblem::UnknownSection { section: "no_such_section".into() },
        ),
        (colleague("not an address", vec![mobility.clone()]), TeamProblem::AddressInvalid),
        (colleague(SECRETARIAT, vec![mobility.clone()]), TeamProblem::AddressTaken),
        (colleague(RESPONDENT, vec![mobility.clone()]), TeamProblem::AddressTaken),
        (
            NewColleague {
                name: "  ".into(),
                ..colleague("dora@lisbon.example.org", vec![mobility.clone()])
            },
            TeamProblem::NameMissing,
        ),
    ];
    for (new, problem) in attempts {
        assert_eq!(team_problem(site.app.invite_colleague(&focal, now, &lisbon, &new).await), problem);
    }
    assert_eq!(site.store.teams().team(&lisbon, now).await.unwrap().len(), 1, "nobody was added");
    assert_eq!(site.store.outbox().outbox_counts().await.unwrap().pending, mails_before, "nobody was mailed");

    // Sections change; an analyst reads the team but changes nothing.
    let ana = invite(&site, &focal, ANA, "Ana Ferreira", &[&mobility], Lang::En).await;
    site.app
        .assign_sections(&focal, now, &lisbon, &ana.id, std::slice::from_ref(&environment))
        .await
        .unwrap();
    let file = site.app.response_file(&ana, now, &lisbon).await.unwrap();
    assert_eq!(file.access, Access::Colleague { sections: [environment.clone()].into() });
    let analyst = site.user(smartcities_test_support::ANALYST).await;
    assert!(matches!(
        site.app.assign_sections(&analyst, now, &lisbon, &ana.id, &[]).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
    // The focal point is not a colleague whose sections change.
    assert_eq!(
        team_problem(site.app.assign_sections(&focal, now, &lisbon, &focal.id, &[]).await),
        TeamProblem::NotAColleague
    );

    // The secretariat ends Ana's access: she reads nothing more, her answers stay hers.
    site.app.assign_sections(&focal, now, &lisbon, &ana.id, std::slice::from_ref(&mobility)).await.unwrap();
    let change = flip(&site, &ana, now, &q_mobility).await;
    let file = site.app.response_file(&ana, now, &lisbon).await.unwrap();
    site.app.save_page_in(&ana, &file, file.response.revision, &[change], &[], Lang::En).await.unwrap();
    site.app.end_colleague(&secretariat, now, &lisbon, &ana.id).await.unwrap();
    let ended = site.user(ANA).await;
    assert!(ended.disabled);
    assert!(matches!(
        site.app.response_file(&ended, now, &lisbon).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
    let review = site.app.response_file(&secretariat, now, &lisbon).await.unwrap();
    let answer = review.answers.iter().find(|a| a.question == q_mobility).unwrap();
    assert_eq!(review.name_of(&answer.updated_by), "Ana Ferreira");
    // Inviting her again gives her access back.
    invite(&site, &focal, ANA, "Ana Ferreira", &[&mobility], Lang::En).await;
    assert!(!site.user(ANA).await.disabled);

    // The secretariat makes Ana the focal point: she acts for the city, the former focal point
    // can no longer sign in, and the registry names her.
    let new = NewFocalPoint {
        name: "Ana Ferreira".into(),
        email: ANA.into(),
        role: "Head of digital services".into(),
        lang: Lang::Fr,
    };
    assert!(matches!(
        site.app.change_focal_point(&focal, now, &lisbon, &new).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
    site.app.change_focal_point(&secretariat, now, &lisbon, &new).await.unwrap();
    let ana = site.user(ANA).await;
    let file = site.app.response_file(&ana, now, &lisbon).await.unwrap();
    assert_eq!(file.access, Access::FocalPoint);
    assert!(site.user(RESPONDENT).await.disabled);
    let member =
        site.store.registry().members().await.unwrap().into_iter().find(|m| m.city == lisbon).unwrap();
    assert_eq!(member.focal_points.len(), 1);
    assert_eq!(
        (member.focal_points[0].email.as_str(), member.focal_points[0].role.as_str()),
        (ANA, "Head of digital services")
    );
    let mails = site.store.outbox().due_mail(100).await.unwrap();
    assert!(
        mails.iter().any(|m| m.recipient == ANA && m.subject.contains("vous êtes désormais le point focal"))
    );
}
