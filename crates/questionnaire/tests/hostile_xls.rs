//! Excel 97-2003 workbooks (`.xls`) made to hurt the server are refused before calamine sizes
//! anything from their claims; the same records within bounds read as they should.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

mod common;

use std::io::{Cursor, Write};

use calamine::Data;
use common::refused_quickly;
use smartcities_domain::Lang;
use smartcities_questionnaire::{Limits, WorkbookError, workbook::read_workbook};

/// One BIFF record.
fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut bytes = typ.to_le_bytes().to_vec();
    bytes.extend_from_slice(&u16::try_from(data.len()).unwrap().to_le_bytes());
    bytes.extend_from_slice(data);
    bytes
}

/// A BIFF8 beginning-of-file record: 0x0005 for the workbook's records, 0x0010 for a sheet's.
fn bof(kind: u16) -> Vec<u8> {
    let mut data = 0x0600u16.to_le_bytes().to_vec();
    data.extend_from_slice(&kind.to_le_bytes());
    data.extend_from_slice(&[0; 12]);
    record(0x0809, &data)
}

const EOF: u16 = 0x000A;

/// A workbook stream with a shared-string table of `strings` and one sheet named `name`, whose
/// records (between its own BOF and EOF) are `cells`.
fn stream(strings: &[&str], name: &str, cells: &[Vec<u8>]) -> Vec<u8> {
    stream_with(&[], strings, name, cells)
}

/// The same with `extra` records among the workbook's own, after its shared strings.
fn stream_with(extra: &[u8], strings: &[&str], name: &str, cells: &[Vec<u8>]) -> Vec<u8> {
    let mut sst = Vec::new();
    sst.extend_from_slice(&(strings.len() as u32).to_le_bytes());
    sst.extend_from_slice(&(strings.len() as u32).to_le_bytes());
    for text in strings {
        sst.extend_from_slice(&(text.len() as u16).to_le_bytes());
        sst.push(0);
        sst.extend_from_slice(text.as_bytes());
    }
    let sst = record(0x00FC, &sst);
    let sheet_record_len = 4 + 8 + name.len();
    let globals_len = bof(5).len() + sst.len() + extra.len() + sheet_record_len + 4;
    let mut sheet = (globals_len as u32).to_le_bytes().to_vec();
    sheet.extend_from_slice(&[0, 0, name.len() as u8, 0]);
    sheet.extend_from_slice(name.as_bytes());
    let mut bytes = bof(5);
    bytes.extend(sst);
    bytes.extend_from_slice(extra);
    bytes.extend(record(0x0085, &sheet));
    bytes.extend(record(EOF, &[]));
    assert_eq!(bytes.len(), globals_len);
    bytes.extend(bof(0x10));
    for cell in cells {
        bytes.extend_from_slice(cell);
    }
    bytes.extend(record(EOF, &[]));
    bytes
}

/// A LABELSST cell: shared string `index` at `row`, `column`.
fn label(row: u16, column: u16, index: u32) -> Vec<u8> {
    let mut data = row.to_le_bytes().to_vec();
    data.extend_from_slice(&column.to_le_bytes());
    data.extend_from_slice(&[0, 0]);
    data.extend_from_slice(&index.to_le_bytes());
    record(0x00FD, &data)
}

/// A DIMENSIONS record (BIFF8): rows `first..last` and columns `first..last`, ends exclusive.
fn dimensions(rows: (u32, u32), columns: (u16, u16)) -> Vec<u8> {
    let mut data = rows.0.to_le_bytes().to_vec();
    data.extend_from_slice(&rows.1.to_le_bytes());
    data.extend_from_slice(&columns.0.to_le_bytes());
    data.extend_from_slice(&columns.1.to_le_bytes());
    data.extend_from_slice(&[0, 0]);
    record(0x0200, &data)
}

/// A compound file holding `stream` as its `Workbook`, as Excel writes one.
fn xls(stream: &[u8]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("Workbook").unwrap().write_all(stream).unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn records_within_bounds_read_as_written() {
    let cells = [dimensions((0, 3), (0, 2)), label(0, 0, 0), label(0, 1, 1), label(2, 1, 0)];
    let bytes = xls(&stream(&["type", "Señal"], "survey", &cells));
    let sheets = read_workbook(&bytes, &Limits::UPLOAD).unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].name, "survey");
    let range = &sheets[0].range;
    assert_eq!(range.get_value((0, 0)), Some(&Data::String("type".into())));
    assert_eq!(range.get_value((2, 1)), Some(&Data::String("type".into())));
    assert_eq!(range.get_value((1, 1)), Some(&Data::Empty));
}

#[test]
fn a_sheet_claiming_every_row_and_column_is_refused_before_calamine_reserves_them() {
    // 14 bytes saying 65,536 rows × 256 columns: calamine would reserve 16.7 million cells.
    let claimed = [dimensions((0, 65_536), (0, 256)), label(0, 0, 0)];
    let error = refused_quickly(&xls(&stream(&["type"], "survey", &claimed)));
    assert_eq!(error, WorkbookError::SpanTooLarge { sheet: "survey".into() });
    // The last row before the first wraps around in calamine's arithmetic: 4 billion rows.
    let reversed = [dimensions((10, 5), (0, 2))];
    assert!(matches!(
        refused_quickly(&xls(&stream(&["type"], "s", &reversed))),
        WorkbookError::SpanTooLarge { .. }
    ));
}

#[test]
fn one_long_shared_string_copied_into_many_cells_is_refused() {
    // 8,000 characters referenced by 5,000 cells of 14 bytes each: 70 kB that would become
    // 40 MB of text, beyond half the unpacked-size limit.
    let long = "x".repeat(8_000);
    let cells: Vec<Vec<u8>> = (0..5_000).map(|row| label(row, 0, 0)).collect();
    let bytes = xls(&stream(&[&long], "survey", &cells));
    assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
    assert_eq!(
        refused_quickly(&bytes),
        WorkbookError::UnpacksTooLarge { max: Limits::UPLOAD.max_unpacked_bytes }
    );
    // Three such cells are an ordinary sheet.
    let few: Vec<Vec<u8>> = (0..3).map(|row| label(row, 0, 0)).collect();
    let sheets = read_workbook(&xls(&stream(&[&long], "survey", &few)), &Limits::UPLOAD).unwrap();
    assert_eq!(sheets[0].range.get_value((2, 0)), Some(&Data::String(long)));
}

#[test]
fn a_cell_beyond_the_questionnaire_rows_is_located() {
    let cells = [label(0, 0, 0), label(40_000, 3, 0)];
    let error = refused_quickly(&xls(&stream(&["type"], "choices", &cells)));
    assert_eq!(error, WorkbookError::CellOutOfBounds { sheet: "choices".into(), row: 40_000, column: 3 });
    assert!(
        error.message(Lang::Es).contains("hoja choices, fila 40001, columna D"),
        "{}",
        error.message(Lang::Es)
    );
}

#[test]
fn damaged_records_are_unreadable_never_a_crash() {
    // A defined name cut short (calamine's reader indexes its fourth byte unchecked), a sheet
    // starting past the end, a record running past the end, and an OLE signature alone.
    let short_name = stream_with(&record(0x0018, &[0, 0]), &["type"], "survey", &[label(0, 0, 0)]);
    let mut past_end = stream(&["type"], "survey", &[]);
    // The sheet record's first four bytes, after the BOF and the shared strings ("type").
    let at = bof(5).len() + record(0x00FC, &[0; 8 + 3 + 4]).len() + 4;
    past_end[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let mut cut = stream(&["type"], "survey", &[label(0, 0, 0)]);
    cut.truncate(cut.len() - 7);
    for bytes in [xls(&short_name), xls(&past_end), xls(&cut)] {
        let error = refused_quickly(&bytes);
        assert!(matches!(error, WorkbookError::Unreadable { .. }), "{error:?}");
    }
    let ole_only = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    let error = refused_quickly(&ole_only);
    assert!(matches!(error, WorkbookError::Unreadable { .. }), "{error:?}");
    assert!(error.message(Lang::Fr).contains("(.xlsx, .xls ou .ods)"), "{}", error.message(Lang::Fr));
}

#[test]
fn a_workbook_stream_larger_than_the_unpacked_limit_is_refused() {
    let limits = Limits { max_unpacked_bytes: 10_000, ..Limits::UPLOAD };
    let cells: Vec<Vec<u8>> = (0..1_000).map(|row| label(row, 0, 0)).collect();
    let error = read_workbook(&xls(&stream(&["type"], "survey", &cells)), &limits).unwrap_err();
    assert_eq!(error, WorkbookError::UnpacksTooLarge { max: 10_000 });
}

#[test]
fn a_shared_string_table_cut_into_thousands_of_pieces_is_refused_before_it_is_read() {
    // One string claiming 65,535 characters, then 400,000 CONTINUE records holding only their flag
    // byte (2 MB): taken one at a time from the front of a list, reading them costs 80 billion
    // moves (without the bound, 100,000 of them took 1.2 s to count and refuse).
    let mut sst = 1u32.to_le_bytes().to_vec();
    sst.extend_from_slice(&1u32.to_le_bytes());
    sst.extend_from_slice(&[0xFF, 0xFF, 0]);
    let mut bytes = bof(5);
    bytes.extend(record(0x00FC, &sst));
    for _ in 0..400_000 {
        bytes.extend(record(0x003C, &[0]));
    }
    bytes.extend(record(EOF, &[]));
    let error = refused_quickly(&xls(&bytes));
    assert!(
        matches!(&error, WorkbookError::Unreadable { detail } if detail.contains("too many pieces")),
        "{error:?}"
    );
    // Two tables in one workbook are damage too.
    let two = stream_with(&record(0x00FC, &[0; 8]), &["type"], "survey", &[label(0, 0, 0)]);
    assert!(matches!(refused_quickly(&xls(&two)), WorkbookError::Unreadable { .. }));
}
