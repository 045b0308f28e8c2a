//! Date questions: XLSForm's `date` type, kept as year-month-day, checked on the server, written
//! to and read from the answer workbook.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::Lang;
use smartcities_questionnaire::{
    Answers, IssueKind, Kind, Limits, Reading, Response, WorkbookFor, read_answer_workbook, read_xlsform,
    validate, write_answer_workbook, write_xlsform,
};

fn form() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let survey = book.add_worksheet().set_name("survey").unwrap();
    for (r, row) in [
        ["type", "name", "label", "required"],
        ["begin_group", "plan", "Plan", ""],
        ["date", "adopted_on", "Adopted on", "yes"],
        ["end_group", "", "", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            survey.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn response(day: &str) -> Response {
    Response { values: [("adopted_on".to_string(), day.to_string())].into(), ..Default::default() }
}

#[test]
fn a_date_question_imports_checks_and_exports_as_a_date() {
    let imported = read_xlsform(&form(), &Limits::UPLOAD).unwrap();
    assert!(imported.notices.is_empty(), "{:?}", imported.notices);
    let q = imported.questionnaire;
    let question = q.question("adopted_on").unwrap();
    assert_eq!(question.kind, Kind::Date);
    assert!(validate(&q, &response("2026-03-31"), Lang::En).is_empty());
    for typed in ["31/03/2026", "2026-02-30", "soon"] {
        let issues = validate(&q, &response(typed), Lang::Es);
        assert_eq!(issues.len(), 1, "{typed}");
        assert_eq!(issues[0].kind, IssueKind::Invalid);
        assert!(issues[0].message.contains("año-mes-día"), "{}", issues[0].message);
    }
    let day = smartcities_questionnaire::AnswerValue::from("2026-03-31");
    assert!(matches!(day.read(&Kind::Date), Reading::Day(d) if d.to_string() == "2026-03-31"));
    let again = read_xlsform(&write_xlsform(&q).unwrap(), &Limits::UPLOAD).unwrap().questionnaire;
    assert_eq!(again.question("adopted_on").unwrap().kind, Kind::Date);
}

#[test]
fn a_date_goes_out_and_comes_back_in_the_answer_workbook() {
    let q = read_xlsform(&form(), &Limits::UPLOAD).unwrap().questionnaire;
    let target = WorkbookFor {
        edition: 2026,
        city_id: "es-bilbao".into(),
        city_name: "Bilbao".into(),
        revision: smartcities_domain::Revision::new(1),
        lang: Lang::Fr,
    };
    let mut answers = Answers::default();
    answers.values.insert("adopted_on".into(), "2025-11-04".into());
    let bytes = write_answer_workbook(&q, &answers, &target).unwrap();
    let uploaded = read_answer_workbook(&q, &bytes, &target, &Limits::UPLOAD).unwrap();
    assert_eq!(uploaded.answers.values, answers.values);
}
