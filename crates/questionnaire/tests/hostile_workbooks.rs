//! Workbooks made to hurt the server are refused quickly, with a message saying why, before any
//! memory is sized from what they claim.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

mod common;

use std::io::{Cursor, Read, Write};

use common::refused_quickly;
use rust_xlsxwriter::Workbook;
use smartcities_domain::{EditionFile, Lang};
use smartcities_questionnaire::{
    Answers, Limits, WorkbookError, WorkbookFor, from_framework, read_answer_workbook, read_xlsform,
    workbook::read_workbook, write_answer_workbook,
};

/// A workbook with the given cells as strings.
fn with_cells(cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (row, col, text) in cells {
        sheet.write_string(*row, *col, *text).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// The same archive with one part's content replaced (or added).
fn with_part(xlsx: &[u8], name: &str, content: &[u8]) -> Vec<u8> {
    let mut input = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut replaced = false;
    for i in 0..input.len() {
        let mut part = input.by_index(i).unwrap();
        let part_name = part.name().unwrap().to_string();
        out.start_file(part_name.as_str(), options).unwrap();
        if part_name == name {
            out.write_all(content).unwrap();
            replaced = true;
        } else {
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            out.write_all(&bytes).unwrap();
        }
    }
    if !replaced {
        out.start_file(name, options).unwrap();
        out.write_all(content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_cell_at_the_last_column_and_row_is_refused_before_a_grid_is_allocated() {
    // A1 and XFD1048576: read whole, the rectangle between them is 17 billion cells.
    let bytes = with_cells(&[(0, 0, "a"), (1_048_575, 16_383, "z")]);
    assert!(bytes.len() < 10_000, "a small file: {} bytes", bytes.len());
    let error = refused_quickly(&bytes);
    assert_eq!(
        error,
        WorkbookError::CellOutOfBounds { sheet: "Sheet1".into(), row: 1_048_575, column: 16_383 }
    );
    assert_eq!(
        error.message(Lang::Es),
        "hoja Sheet1, fila 1048576, columna XFD: esta celda está fuera de las filas y columnas que puede usar un \
         cuestionario; bórrela y vuelva a subir el archivo"
    );
}

#[test]
fn cells_far_apart_within_the_bounds_are_refused_by_the_span_they_cover() {
    let bytes = with_cells(&[(0, 0, "a"), (19_999, 499, "z")]);
    assert_eq!(refused_quickly(&bytes), WorkbookError::SpanTooLarge { sheet: "Sheet1".into() });
}

#[test]
fn a_string_table_that_claims_billions_of_strings_is_refused() {
    let base = with_cells(&[(0, 0, "a")]);
    let sst = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>a</t></si></sst>"#;
    let bytes = with_part(&base, "xl/sharedStrings.xml", sst);
    assert!(
        matches!(refused_quickly(&bytes), WorkbookError::Unreadable { detail } if detail.contains("4000000000"))
    );
}

#[test]
fn a_part_that_unpacks_to_gigabytes_is_refused_while_it_is_counted() {
    let base = with_cells(&[(0, 0, "a")]);
    let whitespace = vec![b' '; 64 * 1024 * 1024];
    let bytes = with_part(&base, "xl/padding.xml", &whitespace);
    assert!(bytes.len() < Limits::UPLOAD.max_file_bytes, "{} bytes packed", bytes.len());
    assert_eq!(
        refused_quickly(&bytes),
        WorkbookError::UnpacksTooLarge { max: Limits::UPLOAD.max_unpacked_bytes }
    );
}

#[test]
fn too_many_filled_cells_are_refused() {
    let limits = Limits { max_cells: 100, ..Limits::UPLOAD };
    let cells: Vec<(u32, u16, &str)> = (0..101).map(|r| (r, 0, "x")).collect();
    let error = read_workbook(&with_cells(&cells), &limits).unwrap_err();
    assert_eq!(error, WorkbookError::TooManyCells { sheet: "Sheet1".into(), max: 100 });
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let limits = Limits { max_file_bytes: 1_000, ..Limits::UPLOAD };
    let bytes = with_cells(&[(0, 0, "a")]);
    assert!(matches!(read_workbook(&bytes, &limits), Err(WorkbookError::FileTooLarge { max: 1_000, .. })));
}

/// An OpenDocument spreadsheet whose first sheet's rows are `rows` (the XML inside
/// `<table:table>`).
fn ods(rows: &str) -> Vec<u8> {
    let mut archive = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    archive.start_file("mimetype", stored).unwrap();
    archive.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    let deflated =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    archive.start_file("content.xml", deflated).unwrap();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="survey">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    archive.write_all(content.as_bytes()).unwrap();
    archive.start_file("META-INF/manifest.xml", deflated).unwrap();
    archive
        .write_all(
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        )
        .unwrap();
    archive.finish().unwrap().into_inner()
}

fn text_cell(text: &str, repeated: u64) -> String {
    format!(
        r#"<table:table-cell table:number-columns-repeated="{repeated}" office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

#[test]
fn opendocument_sheets_are_read_and_their_repeat_counts_bounded_before_reading() {
    // A plain sheet reads, repeats included, empty rows moving the next ones down (written as
    // LibreOffice writes them).
    let plain = ods(&format!(
        r#"<table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row><table:table-row>{}</table:table-row>"#,
        text_cell("type", 1),
        text_cell("name", 2),
        text_cell("integer", 1)
    ));
    let sheets = read_workbook(&plain, &Limits::UPLOAD).unwrap();
    assert_eq!(sheets[0].name, "survey");
    let range = &sheets[0].range;
    assert_eq!(range.get_value((0, 2)).map(ToString::to_string), Some("name".into()));
    assert_eq!(range.get_value((3, 0)).map(ToString::to_string), Some("integer".into()));

    // A filled cell repeated across every column of a million rows claims 16 billion cells.
    let wide = ods(&format!(
        r#"<table:table-row table:number-rows-repeated="1000000">{}</table:table-row>"#,
        text_cell("x", 16_384)
    ));
    assert!(matches!(refused_quickly(&wide), WorkbookError::CellOutOfBounds { .. }));
    // Within the rows and columns allowed but too many filled cells once repeated.
    let many = ods(&format!(
        r#"<table:table-row table:number-rows-repeated="19000">{}</table:table-row>"#,
        text_cell("x", 400)
    ));
    assert!(matches!(refused_quickly(&many), WorkbookError::TooManyCells { .. }));
    // One cell far below the others, after a million empty rows.
    let far = ods(&format!(
        r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="3"/></table:table-row><table:table-row>{}</table:table-row>"#,
        text_cell("a", 1),
        text_cell("b", 1)
    ));
    let error = refused_quickly(&far);
    assert!(matches!(error, WorkbookError::CellOutOfBounds { row: 1_048_001, column: 0, .. }), "{error:?}");
    // Cells within bounds but far apart span too large a rectangle.
    let apart = ods(&format!(
        r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="19000"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="450"/>{}</table:table-row>"#,
        text_cell("a", 1),
        text_cell("b", 1)
    ));
    assert!(matches!(refused_quickly(&apart), WorkbookError::SpanTooLarge { .. }));
    // A space repeated four billion times.
    let spaces = ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/>b</text:p></table:table-cell></table:table-row>"#,
    );
    assert!(matches!(refused_quickly(&spaces), WorkbookError::UnpacksTooLarge { .. }));
    // A repeat count that is not a number, and an archive without a sheet, are damaged files.
    let word = ods(r#"<table:table-row table:number-rows-repeated="many"/>"#);
    assert!(matches!(refused_quickly(&word), WorkbookError::Unreadable { .. }));
    let mut bare = zip::ZipWriter::new(Cursor::new(Vec::new()));
    bare.start_file("mimetype", zip::write::SimpleFileOptions::default()).unwrap();
    bare.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    let error = refused_quickly(&bare.finish().unwrap().into_inner());
    assert!(matches!(&error, WorkbookError::Unreadable { .. }));
    assert!(error.message(Lang::Es).contains(".ods"), "{}", error.message(Lang::Es));
}

#[test]
fn garbage_is_unreadable_not_a_crash() {
    for bytes in [&b""[..], b"PK\x03\x04", b"PK\x03\x04garbage that is not a zip archive", b"<html>"] {
        assert!(matches!(refused_quickly(bytes), WorkbookError::Unreadable { .. }));
    }
}

#[test]
fn both_readers_refuse_the_hostile_workbook_with_a_located_message() {
    let bytes = with_cells(&[(0, 0, "survey"), (1_048_575, 16_383, "z")]);
    let error = read_xlsform(&bytes, &Limits::UPLOAD).unwrap_err();
    assert!(error.errors[0].message.contains("row 1048576, column XFD"), "{}", error.errors[0].message);

    let file = EditionFile::parse(include_str!("../../../data/editions/2023.toml")).unwrap();
    let questionnaire = from_framework(&file.edition, &file.framework).unwrap();
    let target = WorkbookFor {
        edition: 2023,
        city_id: "es-bilbao".into(),
        city_name: "Bilbao".into(),
        revision: smartcities_domain::Revision::new(1),
        lang: Lang::Fr,
    };
    let good = write_answer_workbook(&questionnaire, &Answers::default(), &target).unwrap();
    let attacked = with_part(
        &good,
        "xl/worksheets/sheet1.xml",
        br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>"#,
    );
    let errors = read_answer_workbook(&questionnaire, &attacked, &target, &Limits::UPLOAD).unwrap_err();
    assert!(errors[0].message.starts_with("feuille "), "{}", errors[0].message);
    assert!(errors[0].message.contains("ligne 1048576, colonne XFD"), "{}", errors[0].message);
}
