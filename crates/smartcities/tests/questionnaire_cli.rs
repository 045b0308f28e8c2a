//! The questionnaire and answers commands, end to end through the binary.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

mod support;

use support::smartcities;

use smartcities_domain::{CityId, EditionStatus, EditionYear};
use smartcities_store::{AnswerChange, Editor, Store, testing::TestDatabase};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

async fn demo() -> (TestDatabase, Store) {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    (db, store)
}

#[tokio::test]
async fn an_exported_questionnaire_imports_back_unchanged() {
    let (db, _store) = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q2023.xlsx");
    let out =
        smartcities(&["questionnaire", "export", "--edition", "2023", "-o", file.to_str().unwrap()], &db.url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("(version 1)"));
    let out = smartcities(&["questionnaire", "import", "--edition", "2023", file.to_str().unwrap()], &db.url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("The 2023 questionnaire is unchanged (version 1)."),
        "{}",
        text(&out.stdout)
    );
}

#[tokio::test]
async fn importing_a_form_for_a_new_year_plans_the_edition() {
    let (db, store) = demo().await;
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../questionnaire/tests/data/xlsform-examples");
    let out = smartcities(
        &["questionnaire", "import", "--edition", "2031", &format!("{corpus}/xlsform_spec_test.xlsx")],
        &db.url,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Created edition 2031, in planning."), "{stdout}");
    // Its date (row 31) and image (row 36) questions are questions now; a time is still not.
    assert!(stdout.contains("Imported 20 questions as version 1"), "{stdout}");
    assert!(text(&out.stderr).contains(
        "note: sheet survey, row 32, column A (type): the question type \"time\" is not supported"
    ));
    assert!(!text(&out.stderr).contains("row 31,"), "the date is read");
    let edition = store.study().edition(EditionYear::new(2031).unwrap()).await.unwrap().unwrap();
    assert_eq!(edition.status, EditionStatus::PLANNING);

    let bad = smartcities(
        &["questionnaire", "import", "--edition", "2027", &format!("{corpus}/include.xlsx")],
        &db.url,
    );
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("sheet survey, row 3, column A (type): `include` pulls rows"),
        "{}",
        text(&bad.stderr)
    );
    assert!(text(&bad.stderr).contains("Nothing was imported."));
    assert!(
        store.study().edition(EditionYear::new(2027).unwrap()).await.unwrap().is_none(),
        "nothing was written"
    );
}

#[tokio::test]
async fn a_filled_template_uploads_and_a_stale_one_conflicts() {
    let (db, store) = demo().await;
    let year = EditionYear::new(2025).unwrap();
    let bilbao = CityId::parse("pt-lisbon").unwrap();
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            smartcities_domain::Revision::NONE,
            &[AnswerChange { question: "pilots_last_2y".into(), entry: None, value: Some("12".into()) }],
            "ane",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lisbon.xlsx");
    let path = file.to_str().unwrap();
    let out = smartcities(
        &[
            "questionnaire",
            "template",
            "--edition",
            "2025",
            "--city",
            "pt-lisbon",
            "--lang",
            "es",
            "-o",
            path,
        ],
        &db.url,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("(revision 1)"));

    // Uploading the template as it is changes nothing.
    let out = smartcities(&["answers", "upload", "--edition", "2025", "--city", "pt-lisbon", path], &db.url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Saved 0 changed answers"), "{}", text(&out.stdout));

    // Someone changes the answer online; the old workbook now carries a stale value for it.
    store
        .answering()
        .save_answers(
            year,
            &bilbao,
            smartcities_domain::Revision::NONE.next(),
            &[AnswerChange { question: "pilots_last_2y".into(), entry: None, value: Some("14".into()) }],
            "jon",
            Editor::Respondent,
        )
        .await
        .unwrap();
    let out = smartcities(&["answers", "upload", "--edition", "2025", "--city", "pt-lisbon", path], &db.url);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("pilots_last_2y: changed to \"14\" by jon (revision 2)"), "{stderr}");
    assert!(stderr.contains("Nothing was saved"));
    assert_eq!(store.answering().answers(year, &bilbao).await.unwrap()[0].value, "14");

    // A workbook for another city is refused.
    let out = smartcities(&["answers", "upload", "--edition", "2025", "--city", "at-vienna", path], &db.url);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("this workbook is for another city or edition"));

    // A published edition takes no answers, and a city not invited has no workbook.
    let out = smartcities(&["answers", "upload", "--edition", "2023", "--city", "pt-lisbon", path], &db.url);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("The 2023 edition no longer takes answers"), "{}", text(&out.stderr));
    let out = smartcities(
        &["questionnaire", "template", "--edition", "2023", "--city", "pt-lisbon", "-o", path],
        &db.url,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("pt-lisbon is not invited to edition 2023"), "{}", text(&out.stderr));
}
