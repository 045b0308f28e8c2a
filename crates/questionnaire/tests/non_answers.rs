//! "Don't know" and "not applicable": offered by the questionnaire's settings or a question's own
//! column, read and written back as XLSForm, accepted only where offered, satisfying *required*,
//! and typed in an answer workbook in any of the three languages.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{EditionFile, Lang};
use smartcities_questionnaire::{
    Answers, IssueKind, Limits, NonAnswer, NonAnswers, Questionnaire, Response, WorkbookFor, from_framework,
    read_answer_workbook, read_xlsform, validate, write_answer_workbook, write_xlsform,
};

fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet().set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, *cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// A form offering both non-answers everywhere, except `title` (none) and `budget` (only
/// "don't know").
fn form() -> Vec<u8> {
    workbook(&[
        (
            "survey",
            &[
                &["type", "name", "label", "required", "non_answers"],
                &["integer", "staff", "Staff", "yes", ""],
                &["decimal", "budget", "Budget", "yes", "dont_know"],
                &["text", "title", "Title", "", "none"],
                &["select_multiple sectors", "sectors", "Sectors", "", ""],
            ],
        ),
        (
            "choices",
            &[
                &["list_name", "name", "label"],
                &["sectors", "water", "Water"],
                &["sectors", "energy", "Energy"],
            ],
        ),
        ("settings", &[&["form_id", "non_answers"], &["city_form", "dont_know not_applicable"]]),
    ])
}

fn imported() -> Questionnaire {
    read_xlsform(&form(), &Limits::UPLOAD).unwrap_or_else(|e| panic!("{e}")).questionnaire
}

fn response(values: &[(&str, &str)]) -> Response {
    Response {
        values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        ..Default::default()
    }
}

#[test]
fn the_settings_and_the_column_are_read_and_written_back() {
    let q = imported();
    assert_eq!(q.non_answers, NonAnswers::BOTH);
    let offered = |name: &str| q.non_answers_for(q.question(name).unwrap());
    assert_eq!(offered("staff"), NonAnswers::BOTH, "the questionnaire's setting");
    assert_eq!(offered("budget"), NonAnswers { dont_know: true, not_applicable: false });
    assert_eq!(offered("title"), NonAnswers::NONE);
    let again = read_xlsform(&write_xlsform(&q).unwrap(), &Limits::UPLOAD).unwrap().questionnaire;
    assert_eq!(again.non_answers, q.non_answers);
    for name in ["staff", "budget", "title", "sectors"] {
        assert_eq!(
            again.question(name).unwrap().non_answers,
            q.question(name).unwrap().non_answers,
            "{name}"
        );
    }
}

#[test]
fn a_bad_setting_and_a_choice_named_like_a_non_answer_are_refused_where_they_are() {
    let bad = workbook(&[
        ("survey", &[&["type", "name", "label", "non_answers"], &["integer", "staff", "Staff", "maybe"]]),
        ("choices", &[&["list_name", "name", "label"], &["l", "~dont_know", "?"]]),
        ("settings", &[&["non_answers"], &["sometimes"]]),
    ]);
    let refused = read_xlsform(&bad, &Limits::UPLOAD).unwrap_err();
    let places: Vec<String> = refused.errors.iter().chain(&refused.notices).map(|f| f.to_string()).collect();
    assert!(
        places.iter().any(|p| p.contains("sheet survey, row 2, column D") && p.contains("\"maybe\"")),
        "{places:?}"
    );
    assert!(
        places.iter().any(|p| p.contains("sheet settings, row 2, column A") && p.contains("\"sometimes\"")),
        "{places:?}"
    );
    assert!(
        places.iter().any(|p| p.contains("sheet choices, row 2") && p.contains("dont_know")),
        "{places:?}"
    );
}

#[test]
fn an_offered_non_answer_satisfies_required_and_one_not_offered_is_refused() {
    let q = imported();
    let dont_know = NonAnswer::DontKnow.kept();
    let not_applicable = NonAnswer::NotApplicable.kept();
    assert!(
        validate(&q, &response(&[("staff", not_applicable), ("budget", dont_know)]), Lang::En).is_empty()
    );

    let issues = validate(&q, &response(&[("staff", "3"), ("budget", not_applicable)]), Lang::Es);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!((issues[0].question.as_str(), issues[0].kind), ("budget", IssueKind::Invalid));
    assert_eq!(issues[0].message, "«Budget»: esta pregunta no admite «No aplica»");

    let issues = validate(&q, &response(&[("staff", "3"), ("budget", "1"), ("title", dont_know)]), Lang::Fr);
    assert_eq!(issues[0].message, "« Title » : cette question n'admet pas « Ne sait pas »");

    let mixed = format!("water {dont_know}");
    let issues = validate(&q, &response(&[("staff", "3"), ("budget", "1"), ("sectors", &mixed)]), Lang::En);
    assert_eq!(issues[0].message, "“Sectors”: give an answer or “Don't know”, not both");
}

#[test]
fn an_answer_workbook_shows_them_in_words_and_reads_them_in_any_language() {
    let file = EditionFile::parse(include_str!("../../../data/editions/2023.toml")).unwrap();
    let mut q = from_framework(&file.edition, &file.framework).unwrap();
    q.non_answers = NonAnswers::BOTH;
    let target = |lang| WorkbookFor {
        edition: 2023,
        city_id: "es-bilbao".into(),
        city_name: "Bilbao".into(),
        revision: smartcities_domain::Revision::new(2),
        lang,
    };
    let mut answers = Answers::default();
    answers.values.insert("pilots_last_2y".into(), NonAnswer::DontKnow.kept().into());
    answers.values.insert("has_living_lab".into(), NonAnswer::NotApplicable.kept().into());
    for lang in Lang::ALL {
        let bytes = write_answer_workbook(&q, &answers, &target(lang)).unwrap();
        let uploaded = read_answer_workbook(&q, &bytes, &target(lang), &Limits::UPLOAD).unwrap();
        assert_eq!(uploaded.answers.values, answers.values, "{lang:?}");
    }
    // The words of another language than the workbook's are read too, in any case.
    let mut typed = Answers::default();
    typed.values.insert("pilots_last_2y".into(), "NE SAIT PAS".into());
    let bytes = write_answer_workbook(&q, &typed, &target(Lang::Es)).unwrap();
    let uploaded = read_answer_workbook(&q, &bytes, &target(Lang::Es), &Limits::UPLOAD).unwrap();
    assert_eq!(uploaded.answers.values["pilots_last_2y"], NonAnswer::DontKnow.kept());

    // Where the questionnaire offers none, the words are not a number: refused with its place.
    q.non_answers = NonAnswers::NONE;
    let refused = read_answer_workbook(&q, &bytes, &target(Lang::Es), &Limits::UPLOAD).unwrap_err();
    assert!(format!("{refused:?}").contains("número"), "{refused:?}");
}
