//! Responses and answers on both backends: revisions, conflicts, retries, the audit trail,
//! review and evidence.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{
    CityId, EditionFile, EditionYear, Evidence, QuestionnaireVersion, ResponseMove, ResponseStatus, Revision,
};
use smartcities_questionnaire::{AnswerValue, EntryKey, from_framework};
use smartcities_store::{
    AnswerChange, Editor, OutgoingMail, SaveOutcome, Store, StoreError, testing::TestDatabase,
};

const EDITION_2023: &str = include_str!("../../../data/editions/2023.toml");

async fn setup() -> (TestDatabase, Store, EditionYear, CityId) {
    let (db, store) = TestDatabase::migrated().await;
    let file = EditionFile::parse(EDITION_2023).unwrap();
    store.study().save_edition(&file).await.unwrap();
    let questionnaire = from_framework(&file.edition, &file.framework).unwrap();
    store.study().save_questionnaire(file.edition.year, &questionnaire, "generated").await.unwrap();
    let cities = smartcities_collect::parse_cities(
        "cities.csv",
        "name,country,population,latitude,longitude\nBilbao,ES,347342,43.26,-2.92\nDakar,SN,2646503,14.69,-17.44\n",
    )
    .unwrap();
    store.registry().upsert_cities(&cities).await.unwrap();
    let bilbao = CityId::parse("es-bilbao").unwrap();
    store.answering().open_response(file.edition.year, &bilbao).await.unwrap();
    (db, store, file.edition.year, bilbao)
}

fn set(question: &str, value: &str) -> AnswerChange {
    AnswerChange { question: question.into(), entry: None, value: Some(value.into()) }
}

#[tokio::test]
async fn questionnaire_versions_change_only_with_the_questionnaire() {
    let (_db, store, year, _) = setup().await;
    let (version, questionnaire) = store.study().questionnaire(year).await.unwrap().unwrap();
    assert_eq!(version, QuestionnaireVersion::FIRST);
    assert_eq!(
        store.study().save_questionnaire(year, &questionnaire, "again").await.unwrap(),
        (version, false)
    );
    let mut changed = questionnaire.clone();
    changed.items.swap(1, 2);
    assert_eq!(
        store.study().save_questionnaire(year, &changed, "reordered").await.unwrap(),
        (version.next(), true)
    );
}

#[tokio::test]
async fn a_retried_save_changes_nothing() {
    let (_db, store, year, bilbao) = setup().await;
    let changes = [set("has_living_lab", "yes"), set("pilots_last_2y", "12")];
    let first = store
        .answering()
        .save_answers(year, &bilbao, Revision::new(0), &changes, "ane", Editor::Respondent)
        .await
        .unwrap();
    assert_eq!(first, SaveOutcome::Saved { revision: Revision::new(1), changed: 2 });
    let retry = store
        .answering()
        .save_answers(year, &bilbao, Revision::new(0), &changes, "ane", Editor::Respondent)
        .await
        .unwrap();
    assert_eq!(retry, SaveOutcome::Saved { revision: Revision::new(1), changed: 0 });
    assert_eq!(store.answering().answer_history(year, &bilbao, None, 1_000, 0).await.unwrap().0.len(), 2);
    let response = store.answering().response(year, &bilbao).await.unwrap().unwrap();
    assert_eq!((response.status, response.revision), (ResponseStatus::InProgress, Revision::new(1)));
}

#[tokio::test]
async fn a_stale_save_of_another_value_is_a_conflict_and_writes_nothing() {
    let (_db, store, year, bilbao) = setup().await;
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(0),
            &[set("pilots_last_2y", "12")],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let stale = store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(0),
            &[set("has_living_lab", "no"), set("pilots_last_2y", "15")],
            "jon",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let SaveOutcome::Conflicts { revision, conflicts } = stale else {
        panic!("expected a conflict, got {stale:?}")
    };
    assert_eq!(revision, Revision::new(1));
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (conflicts[0].question.as_str(), conflicts[0].theirs.as_str(), conflicts[0].changed_by.as_str()),
        ("pilots_last_2y", "12", "ane")
    );
    let answers = store.answering().answers(year, &bilbao).await.unwrap();
    assert_eq!(answers.len(), 1, "the non-conflicting change was not written either");

    // Based on the current revision, the same save goes through.
    let fresh = store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(1),
            &[set("has_living_lab", "no"), set("pilots_last_2y", "15")],
            "jon",
            Editor::Respondent,
        )
        .await
        .unwrap();
    assert_eq!(fresh, SaveOutcome::Saved { revision: Revision::new(2), changed: 2 });
    // A stale save touching only answers nobody changed since is fine.
    let other = store
        .answering()
        .save_answers(year, &bilbao, Revision::new(1), &[set("uses_cpi", "yes")], "ane", Editor::Respondent)
        .await
        .unwrap();
    assert_eq!(other, SaveOutcome::Saved { revision: Revision::new(3), changed: 1 });
}

#[tokio::test]
async fn two_sessions_saving_the_same_answer_lose_nothing() {
    let (_db, store, year, bilbao) = setup().await;
    let (a, b) = (store.clone(), store.clone());
    let (y1, y2, c1, c2) = (year, year, bilbao.clone(), bilbao.clone());
    let first = tokio::spawn(async move {
        a.answering()
            .save_answers(
                y1,
                &c1,
                Revision::new(0),
                &[set("pilots_last_2y", "12")],
                "ane",
                Editor::Respondent,
            )
            .await
    });
    let second = tokio::spawn(async move {
        b.answering()
            .save_answers(
                y2,
                &c2,
                Revision::new(0),
                &[set("pilots_last_2y", "30")],
                "jon",
                Editor::Respondent,
            )
            .await
    });
    let outcomes = [first.await.unwrap().unwrap(), second.await.unwrap().unwrap()];
    let saved: Vec<&SaveOutcome> =
        outcomes.iter().filter(|o| matches!(o, SaveOutcome::Saved { .. })).collect();
    let conflicted = outcomes.iter().filter(|o| matches!(o, SaveOutcome::Conflicts { .. })).count();
    assert_eq!((saved.len(), conflicted), (1, 1), "{outcomes:?}");
    let answers = store.answering().answers(year, &bilbao).await.unwrap();
    let history =
        store.answering().answer_history(year, &bilbao, Some("pilots_last_2y"), 1_000, 0).await.unwrap().0;
    assert_eq!(history.len(), 1);
    assert_eq!(
        Some(answers[0].value.clone()),
        history[0].new_value,
        "the acknowledged save is the stored one"
    );
}

#[tokio::test]
async fn submission_review_and_evidence() {
    let (_db, store, year, bilbao) = setup().await;
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(0),
            &[set("pilots_last_2y", "12"), set("has_living_lab", "yes")],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    assert_eq!(
        store.answering().move_response(year, &bilbao, ResponseMove::Submit).await.unwrap(),
        ResponseStatus::Submitted
    );
    let locked = store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(1),
            &[set("pilots_last_2y", "13")],
            "ane",
            Editor::Respondent,
        )
        .await;
    assert!(
        matches!(locked, Err(StoreError::ResponseClosed { status: ResponseStatus::Submitted, .. })),
        "{locked:?}"
    );
    let early = store.answering().move_response(year, &bilbao, ResponseMove::Submit).await;
    assert!(matches!(
        early,
        Err(StoreError::IllegalMove { from: ResponseStatus::Submitted, attempted: ResponseMove::Submit, .. })
    ));

    store
        .answering()
        .return_response(
            year,
            &bilbao,
            &[("pilots_last_2y".into(), "Please count only public pilots".into())],
            "secretariat",
            &[OutgoingMail {
                id: "m1",
                recipient: "city@example.org",
                subject: "Returned",
                body: "Please look",
            }],
        )
        .await
        .unwrap();
    assert_eq!(
        store.outbox().outbox_counts().await.unwrap().pending,
        1,
        "the return's mail waits in the outbox"
    );
    assert_eq!(
        store.answering().response(year, &bilbao).await.unwrap().unwrap().status,
        ResponseStatus::Returned
    );
    // A return is refused whole, comments included, when the response is not submitted.
    let mail = OutgoingMail { id: "m2", recipient: "city@example.org", subject: "Returned", body: "again" };
    let not_submitted = store
        .answering()
        .return_response(year, &bilbao, &[("uses_cpi".into(), "?".into())], "s", &[mail])
        .await;
    assert!(matches!(not_submitted, Err(StoreError::IllegalMove { .. })));
    assert_eq!(store.outbox().outbox_counts().await.unwrap().pending, 1, "no mail for a refused return");
    assert_eq!(store.answering().review_comments(year, &bilbao).await.unwrap().len(), 1);
    let comments = store.answering().review_comments(year, &bilbao).await.unwrap();
    assert_eq!(comments[0].comment, "Please count only public pilots");
    let resubmit = store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(1),
            &[set("pilots_last_2y", "9")],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    assert_eq!(resubmit, SaveOutcome::Saved { revision: Revision::new(2), changed: 1 });
    store.answering().move_response(year, &bilbao, ResponseMove::Submit).await.unwrap();
    let twice = store.answering().move_response(year, &bilbao, ResponseMove::Submit).await;
    assert!(matches!(twice, Err(StoreError::IllegalMove { .. })));
    store.answering().move_response(year, &bilbao, ResponseMove::Accept).await.unwrap();

    let answers = store.answering().answers(year, &bilbao).await.unwrap();
    assert!(answers.iter().all(|a| a.evidence == Evidence::Reviewed));
    store
        .answering()
        .set_evidence(
            year,
            &bilbao,
            "pilots_last_2y",
            None,
            Evidence::Verified,
            Some("https://www.bilbao.eus/pilots"),
        )
        .await
        .unwrap();
    let answers = store.answering().answers(year, &bilbao).await.unwrap();
    let pilots = answers.iter().find(|a| a.question == "pilots_last_2y").unwrap();
    assert_eq!(
        (pilots.evidence, pilots.evidence_note.as_deref()),
        (Evidence::Verified, Some("https://www.bilbao.eus/pilots"))
    );
    let history =
        store.answering().answer_history(year, &bilbao, Some("pilots_last_2y"), 1_000, 0).await.unwrap().0;
    let values: Vec<(Option<&str>, Option<&str>)> = history
        .iter()
        .map(|h| (h.old_value.as_ref().map(|v| v.as_str()), h.new_value.as_ref().map(|v| v.as_str())))
        .collect();
    assert_eq!(values, [(Some("12"), Some("9")), (None, Some("12"))], "newest first");
    // The secretariat may still correct an accepted response.
    let correction = store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(2),
            &[set("pilots_last_2y", "10")],
            "secretariat",
            Editor::Secretariat,
        )
        .await
        .unwrap();
    assert_eq!(correction, SaveOutcome::Saved { revision: Revision::new(3), changed: 1 });
}

#[tokio::test]
async fn repeat_entries_and_cleared_answers() {
    let (_db, store, year, bilbao) = setup().await;
    let entry = |id: u32, question: &str, value: Option<&str>| AnswerChange {
        question: question.into(),
        entry: EntryKey::parse(&format!("good_practices:{id}")).unwrap(),
        value: value.map(AnswerValue::from),
    };
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(0),
            &[
                entry(2, "gp_title", Some("Open data")),
                entry(10, "gp_title", Some("Living lab")),
                set("has_living_lab", "yes"),
            ],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let response = store.answering().response_values(year, &bilbao).await.unwrap();
    assert_eq!(response.values["has_living_lab"], "yes");
    let titles: Vec<&str> =
        response.repeats["good_practices"].iter().map(|e| e["gp_title"].as_str()).collect();
    assert_eq!(titles, ["Open data", "Living lab"], "entries in id order, 2 before 10");

    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(1),
            &[entry(2, "gp_title", None)],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let response = store.answering().response_values(year, &bilbao).await.unwrap();
    assert_eq!(response.repeats["good_practices"].len(), 1);
    let history =
        store.answering().answer_history(year, &bilbao, Some("gp_title"), 1_000, 0).await.unwrap().0;
    assert_eq!(history.first().unwrap().new_value, None, "clearing is in the audit trail");
}

#[tokio::test]
async fn answers_survive_a_new_questionnaire_version() {
    let (_db, store, year, bilbao) = setup().await;
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(0),
            &[set("pilots_last_2y", "12")],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let (_, mut questionnaire) = store.study().questionnaire(year).await.unwrap().unwrap();
    questionnaire.items.reverse();
    store.study().save_questionnaire(year, &questionnaire, "reordered").await.unwrap();
    let answers = store.answering().answers(year, &bilbao).await.unwrap();
    assert_eq!((answers[0].value.as_str(), answers[0].questionnaire_version.get()), ("12", 1));
    store
        .answering()
        .save_answers(year, &bilbao, Revision::new(1), &[set("uses_cpi", "no")], "ane", Editor::Respondent)
        .await
        .unwrap();
    let answers = store.answering().answers(year, &bilbao).await.unwrap();
    let cpi = answers.iter().find(|a| a.question == "uses_cpi").unwrap();
    assert_eq!(cpi.questionnaire_version.get(), 2, "each answer records the version it was given under");
}

#[tokio::test]
async fn unknown_cities_have_no_response() {
    let (_db, store, year, _) = setup().await;
    let ghost = CityId::parse("xx-nowhere").unwrap();
    let error = store
        .answering()
        .save_answers(year, &ghost, Revision::new(0), &[set("uses_cpi", "no")], "x", Editor::Secretariat)
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::NoResponse { .. }), "{error:?}");
    let dakar = CityId::parse("sn-dakar").unwrap();
    let uninvited = store
        .answering()
        .save_answers(year, &dakar, Revision::new(0), &[set("uses_cpi", "no")], "x", Editor::Respondent)
        .await;
    assert!(matches!(uninvited, Err(StoreError::NoResponse { .. })), "only invited cities answer");
    assert!(matches!(store.answering().open_response(year, &ghost).await, Err(StoreError::UnknownCity(_))));
    let invited = store.answering().open_response(year, &dakar).await.unwrap();
    assert_eq!((invited.status, invited.revision), (ResponseStatus::Invited, Revision::NONE));
    assert_eq!(store.answering().responses(year).await.unwrap().len(), 2);
}

#[tokio::test]
async fn renaming_a_question_carries_its_answers_along() {
    let (_db, store, year, bilbao) = setup().await;
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(0),
            &[set("pilots_last_2y", "12")],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let (_, mut questionnaire) = store.study().questionnaire(year).await.unwrap().unwrap();
    let new = smartcities_questionnaire::FieldName::parse("innovation_pilots").unwrap();
    questionnaire.rename_question("pilots_last_2y", &new).unwrap();
    assert!(questionnaire.rename_question("uses_cpi", &new).is_err(), "names stay unique");
    let version = store
        .study()
        .rename_question(year, "pilots_last_2y", "innovation_pilots", &questionnaire)
        .await
        .unwrap();
    assert_eq!(version.get(), 2);
    let answers = store.answering().answers(year, &bilbao).await.unwrap();
    assert_eq!((answers[0].question.as_str(), answers[0].value.as_str()), ("innovation_pilots", "12"));
    assert_eq!(
        store
            .answering()
            .answer_history(year, &bilbao, Some("innovation_pilots"), 1_000, 0)
            .await
            .unwrap()
            .0
            .len(),
        1
    );
    let (current, q) = store.study().questionnaire(year).await.unwrap().unwrap();
    assert_eq!(current.get(), 2);
    assert!(q.question("innovation_pilots").is_some() && q.question("pilots_last_2y").is_none());
    let again = store.study().rename_question(year, "uses_cpi", "innovation_pilots", &q).await;
    assert!(matches!(again, Err(StoreError::NameTaken { .. })), "answers to the new name exist");
}

#[tokio::test]
async fn an_edit_based_on_an_old_version_is_refused() {
    let (_db, store, year, bilbao) = setup().await;
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(0),
            &[set("pilots_last_2y", "12")],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    assert_eq!(store.study().answer_count(year, "pilots_last_2y").await.unwrap(), 1);
    let (version, questionnaire) = store.study().questionnaire(year).await.unwrap().unwrap();
    let mut first = questionnaire.clone();
    first.question_mut("uses_cpi").unwrap().required = false;
    let saved =
        store.study().edit_questionnaire(year, &first, Some(version), None, "web edit").await.unwrap();
    assert_eq!(saved, version.next());
    // A second editor who opened the same version would undo the first edit: refused.
    let mut second = questionnaire.clone();
    second.question_mut("pilots_last_2y").unwrap().required = true;
    let refused = store.study().edit_questionnaire(year, &second, Some(version), None, "web edit").await;
    assert!(
        matches!(refused, Err(StoreError::QuestionnaireChanged { based_on, now }) if (based_on.get(), now.get()) == (1, 2)),
        "{refused:?}"
    );
    let (current, stored) = store.study().questionnaire(year).await.unwrap().unwrap();
    assert_eq!(current, version.next());
    assert!(!stored.question("uses_cpi").unwrap().required, "the first edit stands");

    // An edit that renames carries the answers along.
    let mut renamed = stored.clone();
    let new = smartcities_questionnaire::FieldName::parse("pilots_two_years").unwrap();
    renamed.rename_question("pilots_last_2y", &new).unwrap();
    store
        .study()
        .edit_questionnaire(
            year,
            &renamed,
            Some(current),
            Some(("pilots_last_2y", "pilots_two_years")),
            "web edit",
        )
        .await
        .unwrap();
    assert_eq!(store.study().answer_count(year, "pilots_two_years").await.unwrap(), 1);
    assert_eq!(store.study().answer_count(year, "pilots_last_2y").await.unwrap(), 0);
}

#[tokio::test]
async fn focus_groups_keep_their_outputs_by_axis_and_sdg() {
    use smartcities_domain::{ApproxDate, Code, Lang, SdgTarget};
    use smartcities_store::{FocusGroup, FocusGroupOutput, OutputKind};
    let (_db, store, year, bilbao) = setup().await;
    let dakar = CityId::parse("sn-dakar").unwrap();
    let group = FocusGroup {
        id: "2023-es".into(),
        edition: year,
        held_on: ApproxDate::parse("2023-05-10").unwrap(),
        language: Lang::Es,
        dynamics: "1: practices per axis and SDGs; 2: barriers and enablers".into(),
        participants: vec![bilbao.clone(), dakar],
        outputs: vec![
            FocusGroupOutput {
                kind: OutputKind::Practice,
                axis: Some(Code::parse("smart_governance").unwrap()),
                sdgs: vec![SdgTarget::parse("16.10").unwrap(), SdgTarget::parse("11").unwrap()],
                note: "Open data portal co-designed with universities".into(),
            },
            FocusGroupOutput {
                kind: OutputKind::Barrier,
                axis: None,
                sdgs: vec![],
                note: "Procurement rules slow pilots".into(),
            },
        ],
    };
    store.workshops().save_focus_group(&group).await.unwrap();
    assert_eq!(store.workshops().focus_groups(year).await.unwrap(), std::slice::from_ref(&group));

    let mut wrong = group.clone();
    wrong.outputs[0].axis = Some(Code::parse("tourism").unwrap());
    assert!(matches!(store.workshops().save_focus_group(&wrong).await, Err(StoreError::UnknownAxis { .. })));
    let mut stranger = group.clone();
    stranger.participants.push(CityId::parse("xx-nowhere").unwrap());
    assert!(matches!(store.workshops().save_focus_group(&stranger).await, Err(StoreError::UnknownCity(_))));
    assert_eq!(
        store.workshops().focus_groups(year).await.unwrap(),
        [group],
        "refused records change nothing"
    );
}

#[tokio::test]
async fn answer_counts_leave_out_repeat_entries() {
    let (_db, store, year, bilbao) = setup().await;
    let entry = AnswerChange {
        question: "gp_title".into(),
        entry: EntryKey::parse("good_practices:1").unwrap(),
        value: Some("Open data".into()),
    };
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            Revision::new(0),
            &[set("uses_cpi", "no"), set("pilots_last_2y", "3"), entry],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let counts = store.answering().answer_counts(year).await.unwrap();
    assert_eq!(counts.get(&bilbao), Some(&2));
    assert_eq!(counts.len(), 1);
}

#[tokio::test]
async fn codings_replace_a_coders_earlier_codes_and_keep_empty_ones() {
    use smartcities_store::StoredCoding;
    let (_db, store, year, _) = setup().await;
    assert_eq!(store.findings().codebook(year).await.unwrap(), None);
    store.findings().set_codebook(year, "{\"categories\":[]}").await.unwrap();
    store.findings().set_codebook(year, "{\"categories\":[1]}").await.unwrap();
    assert_eq!(store.findings().codebook(year).await.unwrap().as_deref(), Some("{\"categories\":[1]}"));
    let coding = |coder: &str, codes: &[&str]| StoredCoding {
        city: "es-bilbao".into(),
        question: "eco_barriers".into(),
        entry: None,
        coder: coder.into(),
        codes: codes.iter().map(|c| c.to_string()).collect(),
        passages: Default::default(),
        independent: true,
    };
    store.findings().save_coding(year, &coding("ana", &["funding", "data"])).await.unwrap();
    store.findings().save_coding(year, &coding("ana", &["funding"])).await.unwrap();
    store.findings().save_coding(year, &coding("ben", &[])).await.unwrap();
    let mut with_passage = coding("cy", &["funding"]);
    with_passage.passages.insert("funding".into(), "no budget for pilots".into());
    store.findings().save_coding(year, &with_passage).await.unwrap();
    let stored = store.findings().codings(year).await.unwrap();
    assert_eq!(stored, vec![coding("ana", &["funding"]), coding("ben", &[]), with_passage]);
}

#[tokio::test]
async fn saves_arriving_together_are_each_written_as_if_alone() {
    let (_db, store, year, bilbao) = setup().await;
    // Started together, these wait for one another's turn on the response: 24 answers of their
    // own, and six sessions that all change one answer from the same revision.
    let mut tasks = Vec::new();
    for i in 0..30 {
        let (store, city) = (store.clone(), bilbao.clone());
        tasks.push(tokio::spawn(async move {
            let change = if i < 24 { set(&format!("own_{i}"), "1") } else { set("shared", &format!("v{i}")) };
            store
                .answering()
                .save_answers(
                    year,
                    &city,
                    Revision::new(0),
                    &[change],
                    &format!("person{i}"),
                    Editor::Respondent,
                )
                .await
        }));
    }
    let mut revisions = Vec::new();
    let mut conflicts = Vec::new();
    for task in tasks {
        match task.await.unwrap().unwrap() {
            SaveOutcome::Saved { revision, changed: 1 } => revisions.push(revision),
            SaveOutcome::Conflicts { conflicts: found, .. } => conflicts.extend(found),
            other => panic!("unexpected {other:?}"),
        }
    }
    revisions.sort();
    assert_eq!(
        revisions,
        (1..=25).map(Revision::new).collect::<Vec<_>>(),
        "each written save has a revision of its own"
    );
    assert_eq!(conflicts.len(), 5, "one of the six sessions changing one answer wins");
    let answers = store.answering().answers(year, &bilbao).await.unwrap();
    assert_eq!(answers.len(), 25);
    let shared = answers.iter().find(|a| a.question == "shared").unwrap();
    assert!(conflicts.iter().all(|c| c.theirs == shared.value && c.revision == shared.revision));
    let response = store.answering().response(year, &bilbao).await.unwrap().unwrap();
    assert_eq!((response.status, response.revision), (ResponseStatus::InProgress, Revision::new(25)));
    let history = store.answering().answer_history(year, &bilbao, None, 1_000, 0).await.unwrap().0;
    assert_eq!(history.len(), 25, "a save undone by its conflict leaves no trace");
}
