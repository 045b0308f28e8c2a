//! The offline workbook: what goes out comes back the same, and what a respondent gets wrong is
//! located precisely.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::collections::BTreeMap;

use smartcities_domain::{EditionFile, Lang};
use smartcities_questionnaire::{
    Answers, Limits, Questionnaire, WorkbookFor, from_framework, read_answer_workbook, write_answer_workbook,
};

fn questionnaire() -> Questionnaire {
    let file = EditionFile::parse(include_str!("../../../data/editions/2023.toml")).unwrap();
    from_framework(&file.edition, &file.framework).unwrap()
}

fn target(lang: Lang) -> WorkbookFor {
    WorkbookFor {
        edition: 2023,
        city_id: "es-bilbao".into(),
        city_name: "Bilbao".into(),
        revision: smartcities_domain::Revision::new(7),
        lang,
    }
}

fn answers() -> Answers {
    let mut a = Answers::default();
    for (q, v) in [
        ("has_living_lab", "yes"),
        ("pilots_last_2y", "12"),
        ("ghg_reduction_target", "55.5"),
        ("eco_sdgs", "sdg09 sdg11"),
        ("mobility_data_maturity", "l4"),
        ("cpi_description", "Procurement of an AI traffic model; “quotes” and ; semicolons survive"),
    ] {
        a.values.insert(q.into(), v.into());
    }
    let entry = |title: &str, axis: &str| -> BTreeMap<String, String> {
        [("gp_title".to_string(), title.to_string()), ("gp_axis".to_string(), axis.to_string())].into()
    };
    a.entries.insert(
        "good_practices".into(),
        vec![(3, entry("Bilbao Open Data", "smart_governance")), (8, entry("Living lab", "smart_economy"))],
    );
    a
}

#[test]
fn a_template_reads_back_as_the_answers_it_was_made_from() {
    let q = questionnaire();
    for lang in Lang::ALL {
        let mut expected = answers();
        // Free text with a semicolon is kept whole; only choice cells are split on it.
        let bytes = write_answer_workbook(&q, &expected, &target(lang)).unwrap();
        let uploaded = read_answer_workbook(&q, &bytes, &target(lang), &Limits::UPLOAD)
            .unwrap_or_else(|e| panic!("{lang:?}: {e:?}"));
        assert_eq!(uploaded.base_revision, smartcities_domain::Revision::new(7));
        expected.entries.insert("barriers_enablers".into(), vec![]);
        assert_eq!(uploaded.answers, expected, "{lang:?}");
    }
}

#[test]
fn an_empty_template_lists_every_question_with_an_answer_column() {
    let q = questionnaire();
    let bytes = write_answer_workbook(&q, &Answers::default(), &target(Lang::Es)).unwrap();
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    use calamine::Reader;
    let names = book.sheet_names();
    assert_eq!(
        names,
        ["Instrucciones", "Lists", "Cuestionario", "Buenas prácticas", "Barreras y facilitadores"]
    );
    let sheet = book.worksheet_range("Cuestionario").unwrap();
    let header: Vec<String> = sheet.rows().next().unwrap().iter().map(ToString::to_string).collect();
    assert_eq!(header[4], "Respuesta");
    let plain = q.questions().iter().filter(|l| l.repeat().is_none()).count();
    assert_eq!(sheet.rows().count(), plain + 1);
}

/// A workbook as a respondent might send it: the template's layout with their own cells.
fn filled(rows: &[(&str, &str)], city: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let info = book.add_worksheet().set_name("Instrucciones").unwrap();
    for (i, (k, v)) in [
        ("smartcities:edition", "2023"),
        ("smartcities:city", city),
        ("smartcities:revision", "3"),
        ("smartcities:language", "es"),
    ]
    .iter()
    .enumerate()
    {
        info.write_string(20 + i as u32, 0, *k).unwrap();
        info.write_string(20 + i as u32, 1, *v).unwrap();
    }
    let sheet = book.add_worksheet().set_name("Cuestionario").unwrap();
    for (c, h) in ["code", "Sección", "Pregunta", "Ayuda", "Respuesta"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (code, value)) in rows.iter().enumerate() {
        sheet.write_string(r as u32 + 1, 0, *code).unwrap();
        // A leading apostrophe makes a text cell of what would read as a number, as in Excel.
        match (value.strip_prefix('\''), value.parse::<f64>()) {
            (Some(text), _) => sheet.write_string(r as u32 + 1, 4, text).unwrap(),
            (None, Ok(n)) => sheet.write_number(r as u32 + 1, 4, n).unwrap(),
            (None, Err(_)) => sheet.write_string(r as u32 + 1, 4, *value).unwrap(),
        };
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn every_problem_is_located_with_the_question_label_in_the_respondents_language() {
    let q = questionnaire();
    let bytes = filled(
        &[
            ("has_living_lab", "Quizás"),
            ("pilots_last_2y", "doce"),
            ("ghg_reduction_target", "140"),
            ("not_a_question", "1"),
            ("uses_cpi", "Sí"),
        ],
        "es-bilbao",
    );
    let errors = read_answer_workbook(&q, &bytes, &target(Lang::Es), &Limits::UPLOAD).unwrap_err();
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "sheet Cuestionario, row 2, column E (Respuesta): «¿Dispone la ciudad de un living lab / banco de pruebas urbano?»: elija una de las opciones",
            "sheet Cuestionario, row 3, column E (Respuesta): «Pilotos de innovación lanzados en los dos últimos años»: escriba un número entero, como 45000",
            "sheet Cuestionario, row 4, column E (Respuesta): «Objetivo de reducción de GEI»: Un porcentaje entre 0 y 100.",
            "sheet Cuestionario, row 5, column A (code): unknown question code \"not_a_question\"",
        ]
    );
}

#[test]
fn numbers_typed_as_text_read_by_the_workbook_languages_rule() {
    let q = questionnaire();
    let read = |value: &str| {
        read_answer_workbook(
            &q,
            &filled(&[("ghg_reduction_target", value)], "es-bilbao"),
            &target(Lang::Es),
            &Limits::UPLOAD,
        )
    };
    // A decimal comma typed in a Spanish workbook, and a number cell as it is.
    assert_eq!(read("'45,5").unwrap().answers.values["ghg_reduction_target"], "45.5");
    assert_eq!(read("45.125").unwrap().answers.values["ghg_reduction_target"], "45.125");
    // "45.000" typed as text could be forty-five or forty-five thousand: refused, located.
    let refused = read("'45.000").unwrap_err();
    assert_eq!(refused.len(), 1);
    let message = refused[0].to_string();
    assert!(
        message
            .starts_with("sheet Cuestionario, row 2, column E (Respuesta): «Objetivo de reducción de GEI»:"),
        "{message}"
    );
    assert!(message.contains("tres cifras"), "{message}");
}

#[test]
fn a_workbook_for_another_city_is_refused() {
    let q = questionnaire();
    let errors = read_answer_workbook(
        &q,
        &filled(&[("uses_cpi", "Sí")], "sn-dakar"),
        &target(Lang::En),
        &Limits::UPLOAD,
    )
    .unwrap_err();
    assert!(errors[0].message.starts_with("this workbook is for another city or edition"));
    let ok = read_answer_workbook(
        &q,
        &filled(&[("uses_cpi", "Sí"), ("pilots_last_2y", "4")], "es-bilbao"),
        &target(Lang::En),
        &Limits::UPLOAD,
    )
    .unwrap();
    assert_eq!(ok.answers.values["uses_cpi"], "yes", "labels in any language map to codes");
    assert_eq!(ok.answers.values["pilots_last_2y"], "4");
    assert_eq!(ok.base_revision, smartcities_domain::Revision::new(3));
    assert!(read_answer_workbook(&q, b"garbage", &target(Lang::En), &Limits::UPLOAD).is_err());
}

/// Writes the Spanish workbook with the answers to `SMARTCITIES_WRITE_ANSWER_WORKBOOK`, the file
/// `answers-2023-es.ods` was saved from (by LibreOffice: `soffice --headless --convert-to ods`).
#[test]
#[ignore = "writes the workbook a fixture is made from; run by hand"]
fn write_the_workbook_the_opendocument_fixture_comes_from() {
    if let Ok(path) = std::env::var("SMARTCITIES_WRITE_ANSWER_WORKBOOK") {
        let bytes = write_answer_workbook(&questionnaire(), &answers(), &target(Lang::Es)).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

#[test]
fn a_workbook_saved_as_opendocument_or_excel_97_reads_back_the_same_answers() {
    // The `.xls` was saved by LibreOffice from the `.ods`.
    let files: [(&str, &[u8]); 2] = [
        ("ods", include_bytes!("data/answers-2023-es.ods")),
        ("xls", include_bytes!("data/answers-2023-es.xls")),
    ];
    for (format, bytes) in files {
        let uploaded = read_answer_workbook(&questionnaire(), bytes, &target(Lang::Es), &Limits::UPLOAD)
            .unwrap_or_else(|e| panic!("{format}: {e:?}"));
        let mut expected = answers();
        expected.entries.insert("barriers_enablers".into(), vec![]);
        assert_eq!(uploaded.base_revision, smartcities_domain::Revision::new(7), "{format}");
        assert_eq!(uploaded.answers, expected, "{format}");
    }
}
