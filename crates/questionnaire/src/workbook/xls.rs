//! Excel 97-2003 workbooks (`.xls`) within bounds.
//!
//! An `.xls` file is a Compound File (a small file system in one file) whose `Workbook` stream
//! holds the records. The file is opened with the `cfb` crate, its workbook stream read within
//! the unpacked-size limit, and the records counted (`biff.rs`). calamine then reads a compound
//! file written afresh that holds that one stream and nothing else, so what it reads is exactly
//! what was counted, whatever else the upload's directory or allocation tables claimed.
//! calamine's reader indexes some records without checking their length: a damaged file that
//! makes it panic is reported as unreadable.

use std::{
    io::{Cursor, Read, Write},
    panic::{AssertUnwindSafe, catch_unwind},
    time::Instant,
};

use calamine::{Reader, Xls};

use super::{Limits, Sheet, WorkbookError, biff, time_up};

/// The streams that hold a workbook's records: `Workbook` from Excel 97 on, `Book` before, looked
/// for in that order as calamine does.
const STREAMS: [&str; 2] = ["Workbook", "Book"];

fn unreadable(detail: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable { detail: detail.to_string() }
}

/// Reads every sheet of an `.xls` workbook within `limits`.
pub(super) fn read(bytes: &[u8], limits: &Limits, started: Instant) -> Result<Vec<Sheet>, WorkbookError> {
    let (name, stream) = workbook_stream(bytes, limits)?;
    time_up(started, limits)?;
    biff::scan(&stream, limits, started)?;
    time_up(started, limits)?;
    let file = rebuilt(name, &stream)?;
    drop(stream);
    let read = catch_unwind(AssertUnwindSafe(|| -> Result<Vec<Sheet>, WorkbookError> {
        let mut workbook = Xls::new(Cursor::new(file)).map_err(unreadable)?;
        let mut sheets = Vec::new();
        for name in workbook.sheet_names() {
            time_up(started, limits)?;
            let range = workbook.worksheet_range(&name).map_err(unreadable)?;
            sheets.push(Sheet { name, range });
        }
        Ok(sheets)
    }));
    read.unwrap_or_else(|_| Err(unreadable("the workbook's records are damaged")))
}

/// The name and bytes of the stream holding the workbook's records, read no further than the
/// unpacked-size limit.
fn workbook_stream(bytes: &[u8], limits: &Limits) -> Result<(&'static str, Vec<u8>), WorkbookError> {
    let opened = catch_unwind(|| cfb::CompoundFile::open(Cursor::new(bytes)))
        .map_err(|_| unreadable("the compound file is damaged"))?;
    let mut file = opened.map_err(unreadable)?;
    let name = STREAMS
        .into_iter()
        .find(|name| file.is_stream(name))
        .ok_or_else(|| unreadable("no workbook stream in the file"))?;
    let declared = file.entry(name).map_err(unreadable)?.len();
    if declared > limits.max_unpacked_bytes {
        return Err(WorkbookError::UnpacksTooLarge { max: limits.max_unpacked_bytes });
    }
    let stream = file.open_stream(name).map_err(unreadable)?;
    let mut records = Vec::with_capacity(usize::try_from(declared).unwrap_or(0).min(bytes.len()));
    stream.take(limits.max_unpacked_bytes + 1).read_to_end(&mut records).map_err(unreadable)?;
    if records.len() as u64 > limits.max_unpacked_bytes {
        return Err(WorkbookError::UnpacksTooLarge { max: limits.max_unpacked_bytes });
    }
    Ok((name, records))
}

/// A compound file holding only `stream` under `name`.
fn rebuilt(name: &str, stream: &[u8]) -> Result<Vec<u8>, WorkbookError> {
    let mut file = cfb::CompoundFile::create_with_version(
        cfb::Version::V3,
        Cursor::new(Vec::with_capacity(stream.len() + 8192)),
    )
    .map_err(unreadable)?;
    let mut part = file.create_stream(name).map_err(unreadable)?;
    part.write_all(stream).map_err(unreadable)?;
    drop(part);
    file.flush().map_err(unreadable)?;
    Ok(file.into_inner().into_inner())
}
