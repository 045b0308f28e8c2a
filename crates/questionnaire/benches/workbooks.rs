//! Reading uploaded workbooks within bounds: the same XLSForms as `.xlsx`, `.xls` and `.ods`
//! (the pyxform examples and their LibreOffice copies), and hostile `.xls` files refused before
//! calamine sizes anything from them. Allocations are counted, so the peak memory of each read
//! shows beside its time.
//!
//! `cargo bench -p smartcities-questionnaire --bench workbooks`

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::io::{Cursor, Write};

use divan::{AllocProfiler, Bencher, black_box};
use smartcities_questionnaire::{Limits, read_xlsform, workbook::read_workbook};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

fn example(name: &str, extension: &str) -> Vec<u8> {
    let folder = if extension == "xlsx" {
        "xlsform-examples".to_string()
    } else {
        format!("xlsform-examples-{extension}")
    };
    let path = format!("{}/tests/data/{folder}/{name}.{extension}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The largest example (choices with filters, 19 kB as `.xlsx`) imported as an XLSForm.
#[divan::bench(args = ["xlsx", "xls", "ods"])]
fn choice_filter_form(bencher: Bencher, extension: &str) {
    let bytes = example("choice_filter_test", extension);
    bencher.bench(|| read_xlsform(black_box(&bytes), &Limits::UPLOAD).unwrap());
}

/// The XLSForm specification's example, with its translations.
#[divan::bench(args = ["xlsx", "xls", "ods"])]
fn spec_form(bencher: Bencher, extension: &str) {
    let bytes = example("xlsform_spec_test", extension);
    bencher.bench(|| read_xlsform(black_box(&bytes), &Limits::UPLOAD).unwrap());
}

fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut bytes = typ.to_le_bytes().to_vec();
    bytes.extend_from_slice(&(data.len() as u16).to_le_bytes());
    bytes.extend_from_slice(data);
    bytes
}

/// A one-sheet workbook stream whose sheet holds `cells` (LABELSST records of string 0) after a
/// DIMENSIONS record claiming `rows` × 256 cells, with one shared string of `chars` characters.
fn hostile(rows: u32, cells: u16, chars: usize) -> Vec<u8> {
    let bof = |kind: u16| {
        let mut data = 0x0600u16.to_le_bytes().to_vec();
        data.extend_from_slice(&kind.to_le_bytes());
        data.extend_from_slice(&[0; 12]);
        record(0x0809, &data)
    };
    let mut sst = vec![1, 0, 0, 0, 1, 0, 0, 0];
    sst.extend_from_slice(&(chars as u16).to_le_bytes());
    sst.push(0);
    sst.extend(std::iter::repeat_n(b'x', chars));
    let sst = record(0x00FC, &sst);
    let globals = bof(5).len() + sst.len() + (4 + 8 + 1) + 4;
    let mut sheet = (globals as u32).to_le_bytes().to_vec();
    sheet.extend_from_slice(&[0, 0, 1, 0, b's']);
    let mut stream = bof(5);
    stream.extend(sst);
    stream.extend(record(0x0085, &sheet));
    stream.extend(record(0x000A, &[]));
    stream.extend(bof(0x10));
    let mut dimensions = 0u32.to_le_bytes().to_vec();
    dimensions.extend_from_slice(&rows.to_le_bytes());
    dimensions.extend_from_slice(&[0, 0, 0, 1, 0, 0]);
    stream.extend(record(0x0200, &dimensions));
    for row in 0..cells {
        let mut data = row.to_le_bytes().to_vec();
        data.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]);
        stream.extend(record(0x00FD, &data));
    }
    stream.extend(record(0x000A, &[]));
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("Workbook").unwrap().write_all(&stream).unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// 65,536 rows × 256 columns claimed in one record: calamine alone would reserve 16.7 million
/// cells (about 670 MB) before reading one.
#[divan::bench]
fn xls_claiming_every_cell(bencher: Bencher) {
    let bytes = hostile(65_536, 1, 4);
    bencher.bench(|| read_workbook(black_box(&bytes), &Limits::UPLOAD).unwrap_err());
}

/// One 8,000-character string copied into 5,000 cells: 70 kB that calamine alone would turn
/// into 40 MB of text, or into gigabytes with a longer string and more cells.
#[divan::bench]
fn xls_copying_one_string_everywhere(bencher: Bencher) {
    let bytes = hostile(1, 5_000, 8_000);
    bencher.bench(|| read_workbook(black_box(&bytes), &Limits::UPLOAD).unwrap_err());
}
