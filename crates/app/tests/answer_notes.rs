//! "Don't know", "not applicable" and the respondent's notes, through the use cases: a note lands
//! with its answers or not at all, only for the city's own response, reaches the review and the
//! answers export, and never the published snapshot. On SQLite and PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::admin::ExportFormat;
use smartcities_app::questionnaire::{Kind, NonAnswer};
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{CityId, EditionYear, Lang};
use smartcities_publish::Texts;
use smartcities_store::{AnswerChange, Editor, NoteChange, SaveOutcome};
use smartcities_test_support::{OTHER_CITY, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

fn year(y: u16) -> EditionYear {
    EditionYear::new(y).unwrap()
}

fn city(id: &str) -> CityId {
    CityId::parse(id).unwrap()
}

fn note(question: &str, text: &str) -> NoteChange {
    NoteChange { question: question.into(), entry: None, note: Some(text.into()) }
}

/// The first numeric question outside the repeat groups of the edition's questionnaire.
async fn numeric_question(site: &Site, y: EditionYear) -> String {
    let (_, questionnaire) = site.store.study().questionnaire(y).await.unwrap().unwrap();
    questionnaire
        .questions()
        .into_iter()
        .find(|l| l.repeat().is_none() && matches!(l.question.kind, Kind::Integer | Kind::Decimal))
        .map(|l| l.question.name.to_string())
        .unwrap()
}

#[tokio::test]
async fn a_note_lands_with_its_answers_or_not_at_all_and_only_for_the_citys_own_response() {
    let site = Site::demo().await;
    let respondent = site.user(RESPONDENT).await;
    let (now, lisbon) = (year(2025), city(OWN_CITY));
    let question = numeric_question(&site, now).await;
    let file = site.app.response_file(&respondent, now, &lisbon).await.unwrap();

    // "Don't know" with a note saying why: one save, both kept.
    let dont_know = AnswerChange {
        question: question.clone(),
        entry: None,
        value: Some(NonAnswer::DontKnow.kept().into()),
    };
    let why = note(&question, "Figure from 2022; the 2024 one is not out yet.");
    let outcome = site
        .app
        .save_page_in(
            &respondent,
            &file,
            file.response.revision,
            std::slice::from_ref(&dont_know),
            std::slice::from_ref(&why),
            Lang::En,
        )
        .await
        .unwrap();
    assert!(matches!(outcome, SaveOutcome::Saved { changed: 2, .. }), "{outcome:?}");
    let answering = site.store.answering();
    let notes = answering.answer_notes(now, &lisbon).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].note.as_str(), notes[0].updated_by.as_str()),
        (why.note.as_deref().unwrap(), RESPONDENT)
    );
    let stored = answering.answers(now, &lisbon).await.unwrap();
    let answer = stored.iter().find(|a| a.question == question).unwrap();
    assert_eq!(answer.value.non_answer(), Some(NonAnswer::DontKnow));

    // A note only, later: a save of its own; the same note again changes nothing.
    let file = site.app.response_file(&respondent, now, &lisbon).await.unwrap();
    let changed = note(&question, "Now asked to the statistics office.");
    let outcome = site
        .app
        .save_page_in(
            &respondent,
            &file,
            file.response.revision,
            &[],
            std::slice::from_ref(&changed),
            Lang::En,
        )
        .await;
    assert!(matches!(outcome, Ok(SaveOutcome::Saved { changed: 1, .. })), "{outcome:?}");
    let file = site.app.response_file(&respondent, now, &lisbon).await.unwrap();
    let again =
        site.app.save_page_in(&respondent, &file, file.response.revision, &[], &[changed], Lang::En).await;
    assert!(matches!(again, Ok(SaveOutcome::Saved { changed: 0, .. })), "{again:?}");

    // A refused answer takes its page's notes with it, and a note too long its answers.
    let before = answering.answer_notes(now, &lisbon).await.unwrap();
    let bad = AnswerChange { question: question.clone(), entry: None, value: Some("not a number".into()) };
    let refused = site
        .app
        .save_page_in(
            &respondent,
            &file,
            file.response.revision,
            &[bad],
            &[note(&question, "lost?")],
            Lang::En,
        )
        .await;
    assert!(matches!(refused, Err(AppError::Refused(Refusal::InvalidAnswers(_)))), "{refused:?}");
    let long = note(&question, &"x".repeat(2_001));
    let good = AnswerChange { question: question.clone(), entry: None, value: Some("12".into()) };
    let refused =
        site.app.save_page_in(&respondent, &file, file.response.revision, &[good], &[long], Lang::En).await;
    assert!(
        matches!(refused, Err(AppError::Refused(Refusal::AnswerTooLong { max: 2_000, .. }))),
        "{refused:?}"
    );
    assert_eq!(answering.answer_notes(now, &lisbon).await.unwrap(), before, "nothing of either written");
    let value = answering.answers(now, &lisbon).await.unwrap().into_iter().find(|a| a.question == question);
    assert_eq!(
        value.unwrap().value.non_answer(),
        Some(NonAnswer::DontKnow),
        "the answer is still the one saved"
    );

    // A note on a question the questionnaire does not have is refused by name.
    let refused = site
        .app
        .save_page_in(
            &respondent,
            &file,
            file.response.revision,
            &[],
            &[note("no_such_question", "?")],
            Lang::En,
        )
        .await;
    assert!(matches!(refused, Err(AppError::Refused(Refusal::UnknownQuestion { .. }))), "{refused:?}");

    // Another city's response cannot be read, let alone annotated.
    let vienna = site.app.response_file(&respondent, now, &city(OTHER_CITY)).await;
    assert!(matches!(vienna, Err(AppError::Refused(Refusal::Forbidden))), "{vienna:?}");
    let secretariat = site.user(SECRETARIAT).await;
    let theirs = site.app.response_file(&secretariat, now, &city(OTHER_CITY)).await.unwrap();
    let refused = site
        .app
        .save_page_in(
            &respondent,
            &theirs,
            theirs.response.revision,
            &[],
            &[note(&question, "mine")],
            Lang::En,
        )
        .await;
    assert!(matches!(refused, Err(AppError::Refused(Refusal::Forbidden))), "{refused:?}");
}

#[tokio::test]
async fn a_repeat_entry_takes_no_non_answer() {
    let site = Site::demo().await;
    let respondent = site.user(RESPONDENT).await;
    let (now, lisbon) = (year(2025), city(OWN_CITY));
    let entry = smartcities_questionnaire::EntryKey::of("good_practices", "1").unwrap();
    let change = AnswerChange {
        question: "gp_title".into(),
        entry: Some(entry),
        value: Some(NonAnswer::DontKnow.kept().into()),
    };
    let file = site.app.response_file(&respondent, now, &lisbon).await.unwrap();
    let refused =
        site.app.save_answers_in(&respondent, &file, file.response.revision, &[change], Lang::Es).await;
    let Err(AppError::Refused(Refusal::InvalidAnswers(problems))) = refused else { panic!("{refused:?}") };
    assert!(problems[0].message.contains("no admite «No sabe»"), "{problems:?}");
}

#[tokio::test]
async fn notes_reach_the_answers_export_and_never_the_published_snapshot() {
    let site = Site::demo().await;
    let published = year(2024);
    let answering = site.store.answering();
    // An accepted response of the published edition, annotated (as a correction would be).
    let (accepted, answers) =
        answering.accepted_answers(published).await.unwrap().into_iter().next().unwrap();
    let answered = answers.iter().find(|a| a.entry.is_none()).unwrap();
    let unanswered = numeric_question(&site, published).await;
    let revision = answering.response(published, &accepted).await.unwrap().unwrap().revision;
    let secret = "Internal figure, do not publish: 4.2";
    let unanswered_note =
        if answers.iter().any(|a| a.question == unanswered) { None } else { Some(unanswered.clone()) };
    let mut notes = vec![note(&answered.question, secret)];
    if let Some(q) = &unanswered_note {
        notes.push(note(q, "Left blank on purpose"));
    }
    let outcome = answering
        .save_answers_and_notes(published, &accepted, revision, &[], &notes, SECRETARIAT, Editor::Secretariat)
        .await
        .unwrap();
    assert!(matches!(outcome, SaveOutcome::Saved { .. }), "{outcome:?}");
    assert_eq!(
        answering.response(published, &accepted).await.unwrap().unwrap().status,
        smartcities_domain::ResponseStatus::Accepted
    );

    let mut csv = Vec::new();
    site.app.export_answers(published, ExportFormat::Csv, &mut csv).await.unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.lines().next().unwrap().ends_with(",note,file"), "{}", csv.lines().next().unwrap());
    let row = csv
        .lines()
        .find(|l| l.starts_with(&format!("{accepted},{},", answered.question)) && l.contains(secret))
        .unwrap_or_else(|| panic!("the note beside its answer"));
    assert!(row.contains(answered.value.as_str()), "{row}");
    if let Some(q) = &unanswered_note {
        assert!(
            csv.lines()
                .any(|l| l.starts_with(&format!("{accepted},{q},,,,,"))
                    && l.ends_with("Left blank on purpose,"))
        );
    }

    let snapshot = site.app.snapshot(published, Texts::default()).await.unwrap();
    let public = serde_json::to_string(&snapshot).unwrap();
    assert!(!public.contains(secret), "a note is never in what is published");
    assert!(public.contains(&answered.question), "the answer it is on is");
}
