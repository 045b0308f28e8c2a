//! The reviewer's tools, through the use cases: a figure far from every other city's is flagged,
//! the city's previous answer is shown beside each comparable one, answers changed since the
//! response was returned are marked, every evidence level is saved at once (or none), and a
//! response is assigned to one reviewer, whose inbox then lists it. On SQLite and PostgreSQL
//! alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::inbox::InboxKind;
use smartcities_app::questionnaire::Kind;
use smartcities_app::review_aids::{EvidenceChoice, Outlier};
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{CityId, EditionYear, Evidence, Lang, ResponseMove};
use smartcities_store::{AnswerChange, SaveOutcome};
use smartcities_test_support::{ANALYST, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

fn year(y: u16) -> EditionYear {
    EditionYear::new(y).unwrap()
}

#[tokio::test]
async fn a_far_figure_is_flagged_beside_the_previous_answer_and_changes_since_the_return_are_marked() {
    let site = Site::demo().await;
    let (now, lisbon) = (year(2025), CityId::parse(OWN_CITY).unwrap());
    let (focal, secretariat) = (site.user(RESPONDENT).await, site.user(SECRETARIAT).await);
    let (_, q) = site.store.study().questionnaire(now).await.unwrap().unwrap();

    // A figure a hundred times the largest any city gave, on the first numeric question that
    // takes it.
    let mut flagged = None;
    for l in q.questions().into_iter().filter(|l| {
        l.repeat().is_none()
            && matches!(l.question.kind, Kind::Integer | Kind::Decimal)
            && l.question.relevant.is_none()
    }) {
        let code = l.question.name.to_string();
        let others = site.store.answering().answers_to(now, &[code.as_str()]).await.unwrap();
        let largest = others.iter().filter_map(|(_, v)| v.parse::<f64>().ok()).fold(1.0_f64, f64::max);
        let file = site.app.response_file(&focal, now, &lisbon).await.unwrap();
        let change = AnswerChange {
            question: code.clone(),
            entry: None,
            value: Some(format!("{}", (largest * 100.0).round()).into()),
        };
        if let Ok(SaveOutcome::Saved { .. }) =
            site.app.save_answers(&focal, now, &lisbon, file.response.revision, &[change], Lang::En).await
        {
            flagged = Some((code, others.len()));
            break;
        }
    }
    let (code, answered) = flagged.expect("a numeric question takes a large figure");
    let file = site.app.response_file(&secretariat, now, &lisbon).await.unwrap();
    let aids = site.app.review_aids(&secretariat, &file).await.unwrap();
    match aids.outliers.get(&code) {
        Some(Outlier::BeyondFences { cities, .. }) => assert!(*cities >= 10 && answered + 1 >= 10),
        Some(Outlier::ChangedMuch { .. }) => {
            assert!(answered + 1 < 10, "fences decide with {answered} answers")
        }
        None => panic!("a figure a hundred times the largest stands out: {:?}", aids.outliers),
    }
    // Lisbon answered the 2024 edition: its answers there stand beside the comparable ones.
    assert!(!aids.previous.is_empty() && aids.previous.values().all(|(y, _)| *y == year(2024)));
    assert!(aids.changed.is_empty() && aids.returned_at.is_none(), "never returned");

    // Returned with a comment, then corrected: the correction is marked.
    site.store.answering().move_response(now, &lisbon, ResponseMove::Submit).await.unwrap();
    let comment = vec![(code.clone(), "Please check this figure.".to_string())];
    site.app.return_with_comments(&secretariat, now, &lisbon, &comment).await.unwrap();
    // The mail names the question in the recipient's language: Lisbon's focal point reads
    // English until they choose another.
    let asked = q.question(&code).unwrap();
    let returned = site.store.outbox().due_mail(1000).await.unwrap();
    let to_city =
        returned.iter().find(|m| m.recipient == RESPONDENT && m.body.contains("Please check this figure."));
    let to_city = to_city.expect("the city is told");
    let english = asked.label.get(Lang::En, q.default_language);
    assert!(to_city.body.contains(english) && to_city.subject.contains("returned"), "{}", to_city.body);
    let spanish = asked.label.get(Lang::Es, q.default_language);
    assert!(spanish == english || !to_city.body.contains(spanish), "one language: {}", to_city.body);
    let file = site.app.response_file(&focal, now, &lisbon).await.unwrap();
    let fixed = AnswerChange { question: code.clone(), entry: None, value: Some("1".into()) };
    site.app.save_answers(&focal, now, &lisbon, file.response.revision, &[fixed], Lang::En).await.unwrap();
    let file = site.app.response_file(&secretariat, now, &lisbon).await.unwrap();
    let aids = site.app.review_aids(&secretariat, &file).await.unwrap();
    assert!(aids.returned_at.is_some());
    assert_eq!(aids.changed.iter().collect::<Vec<_>>(), vec![&code]);

    // The city does not see the reviewer's aids.
    let theirs = site.app.response_file(&focal, now, &lisbon).await.unwrap();
    assert!(matches!(
        site.app.review_aids(&focal, &theirs).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
}

#[tokio::test]
async fn every_evidence_level_is_saved_at_once_or_none_and_a_response_has_one_reviewer() {
    let site = Site::demo().await;
    let (now, lisbon) = (year(2024), CityId::parse(OWN_CITY).unwrap());
    let secretariat = site.user(SECRETARIAT).await;
    let file = site.app.response_file(&secretariat, now, &lisbon).await.unwrap();
    let plain: Vec<String> =
        file.answers.iter().filter(|a| a.entry.is_none()).map(|a| a.question.clone()).take(2).collect();
    assert_eq!(plain.len(), 2, "Lisbon answered 2024");
    let choice = |question: &str, evidence, note: &str| EvidenceChoice {
        question: question.into(),
        entry: None,
        evidence,
        note: note.into(),
    };

    // "Verified" without a note refuses the whole save, naming the question.
    let refused = site
        .app
        .set_evidence_levels(
            &secretariat,
            now,
            &lisbon,
            &[choice(&plain[0], Evidence::Reviewed, ""), choice(&plain[1], Evidence::Verified, "")],
            Lang::En,
        )
        .await;
    match refused {
        Err(AppError::Refused(Refusal::ImportInvalid(problems))) => assert_eq!(problems.len(), 1),
        other => panic!("{other:?}"),
    }
    let unchanged = site.app.response_file(&secretariat, now, &lisbon).await.unwrap();
    assert_eq!(unchanged.answers, file.answers, "nothing was written");

    let saved = site
        .app
        .set_evidence_levels(
            &secretariat,
            now,
            &lisbon,
            &[
                choice(&plain[0], Evidence::Reviewed, ""),
                choice(&plain[1], Evidence::Verified, "Municipal open data portal, 2024 table"),
            ],
            Lang::En,
        )
        .await
        .unwrap();
    assert!(saved >= 1);
    let after = site.app.response_file(&secretariat, now, &lisbon).await.unwrap();
    let level =
        |q: &str| after.answers.iter().find(|a| a.question == q && a.entry.is_none()).unwrap().evidence;
    assert_eq!((level(&plain[0]), level(&plain[1])), (Evidence::Reviewed, Evidence::Verified));

    // One reviewer: an analyst is assigned, and their inbox lists it once it is submitted.
    let (y, vienna) = (year(2025), CityId::parse(smartcities_test_support::OTHER_CITY).unwrap());
    site.store.answering().move_response(y, &vienna, ResponseMove::Submit).await.unwrap();
    site.app.assign_reviewer(&secretariat, y, &vienna, Some(ANALYST)).await.unwrap();
    let analyst = site.user(ANALYST).await;
    let inbox = site.app.inbox(&analyst).await.unwrap();
    let mine = inbox.iter().find(|i| i.kind == InboxKind::AssignedToYou).expect("assigned to the analyst");
    assert_eq!((mine.count, mine.edition), (1, Some(y)));
    assert_eq!(
        site.app.response_file(&secretariat, y, &vienna).await.unwrap().response.reviewer.as_deref(),
        Some(ANALYST)
    );
    // Only staff review; only the secretariat assigns.
    assert!(matches!(
        site.app.assign_reviewer(&secretariat, y, &vienna, Some(RESPONDENT)).await,
        Err(AppError::Refused(Refusal::NotFound))
    ));
    assert!(matches!(
        site.app.assign_reviewer(&analyst, y, &vienna, None).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
}
