//! The records of an Excel 97-2003 workbook stream (BIFF), counted before calamine reads them.
//!
//! calamine reads a whole `.xls` as it opens it and sizes its buffers from what the records
//! claim: a sheet's `DIMENSIONS` record makes it reserve rows × columns cells (65,536 × 256 in
//! 14 bytes), and each `LABELSST` cell copies a string of the shared-string table, so a file of
//! a few megabytes can ask for gigabytes. This scan walks the records the way calamine's reader
//! walks them (the same grouping of `CONTINUE` records, the same nested substreams skipped) and
//! adds up what calamine will build: each sheet's reservation, its cells and the rectangle they
//! span, the text its shared strings expand to, and the formulas it spells out. A stream whose
//! sum is beyond the limits is refused before calamine sees it.

use std::time::Instant;

use super::{Limits, WorkbookError, time_up};

/// Bytes of memory a character decoded from the workbook can take once in a Rust string: a
/// UTF-16 unit gives at most 3 bytes of UTF-8, and a byte of a legacy code page read as two
/// characters at most 6.
const BYTES_PER_CHAR: u64 = 6;

/// What the text of a formula can grow to per byte of its tokens: a 5-byte token naming a
/// defined name or a sheet writes that name (at most 255 characters).
const FORMULA_GROWTH: u64 = 160;

/// `CONTINUE` records a shared-string table may have. Its strings are read by taking those
/// records from the front of a list one at a time, which costs the square of their number (a
/// 5 MB file of empty ones would hold a core for hours); a real table of 5 MB needs about 640.
const MAX_STRING_CONTINUES: usize = 2048;

/// One record, with the `CONTINUE` records that follow it, as calamine groups them.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

impl<'a> Record<'a> {
    /// Moves to the next `CONTINUE` record's data, if there is one.
    fn continue_record(&mut self) -> bool {
        if self.cont.is_empty() {
            false
        } else {
            self.data = self.cont.remove(0);
            true
        }
    }

    fn skip(&mut self, mut len: usize) -> Result<(), ()> {
        while len > 0 {
            if self.data.is_empty() && !self.continue_record() {
                return Err(());
            }
            let l = len.min(self.data.len());
            self.data = &self.data[l..];
            len -= l;
        }
        Ok(())
    }
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The records of a stream from its start: `None` at its end, an error where a record's length
/// runs past it.
struct Records<'a> {
    stream: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>, WorkbookError>;

    fn next(&mut self) -> Option<Self::Item> {
        let damaged =
            |what: &str| Some(Err(WorkbookError::Unreadable { detail: format!("{what} runs past the end") }));
        if self.stream.len() < 4 {
            return if self.stream.is_empty() { None } else { damaged("a record") };
        }
        let typ = u16_at(self.stream, 0)?;
        let len = usize::from(u16_at(self.stream, 2)?);
        if self.stream.len() < len + 4 {
            return damaged("a record");
        }
        let (record, next) = self.stream.split_at(len + 4);
        self.stream = next;
        let mut cont = Vec::new();
        while self.stream.len() > 4 && u16_at(self.stream, 0) == Some(0x003C) {
            let len = usize::from(u16_at(self.stream, 2)?);
            if self.stream.len() < len + 4 {
                return damaged("a continued record");
            }
            let (part, next) = self.stream.split_at(len + 4);
            cont.push(&part[4..]);
            self.stream = next;
        }
        Some(Ok(Record { typ, data: &record[4..], cont }))
    }
}

fn unreadable(detail: &str) -> WorkbookError {
    WorkbookError::Unreadable { detail: detail.to_string() }
}

/// What the workbook-wide records hold that the sheets' cost depends on.
struct Globals {
    /// Each sheet's name and where its records start in the stream.
    sheets: Vec<(String, usize)>,
    /// The number of characters of each shared string.
    strings: Vec<u64>,
}

/// Counts what calamine will build from `stream`, refusing it at the first claim beyond `limits`.
pub(super) fn scan(stream: &[u8], limits: &Limits, started: Instant) -> Result<(), WorkbookError> {
    let globals = globals(stream, limits)?;
    // Across every sheet: the cells calamine reserves and spreads out, the text it copies out of
    // the shared strings, and the formulas' tokens it spells out.
    let mut budget = Budget { area: 0, text: 0, formula_bytes: 0 };
    for (name, start) in &globals.sheets {
        time_up(started, limits)?;
        let mut scan =
            SheetScan { name, limits, started, values: Span::default(), formulas: Span::default() };
        scan.records(&stream[*start..], &globals.strings, &mut budget)?;
        budget.area += scan.values.area() + scan.formulas.area();
        if budget.area > limits.max_area {
            return Err(WorkbookError::SpanTooLarge { sheet: name.clone() });
        }
    }
    Ok(())
}

fn globals(stream: &[u8], limits: &Limits) -> Result<Globals, WorkbookError> {
    let mut globals = Globals { sheets: Vec::new(), strings: Vec::new() };
    let (mut biff8, mut seen_strings) = (true, false);
    for record in (Records { stream }) {
        let mut record = record?;
        match record.typ {
            // BOF: the format's version (0x0600 for BIFF8, 0x0500 for BIFF5).
            0x0809 => {
                biff8 = !matches!(
                    u16_at(record.data, 0),
                    Some(0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500)
                )
            }
            // BoundSheet8: where a sheet's records start.
            0x0085 => {
                if globals.sheets.len() >= limits.max_sheets {
                    return Err(WorkbookError::TooManySheets { max: limits.max_sheets });
                }
                let start =
                    u32_at(record.data, 0).ok_or_else(|| unreadable("a sheet record is cut short"))?;
                let start = usize::try_from(start).unwrap_or(usize::MAX);
                if start > stream.len() {
                    return Err(unreadable("a sheet starts past the end of the workbook"));
                }
                globals.sheets.push((sheet_name(record.data, biff8), start));
            }
            // SST: the shared strings, once per workbook.
            0x00FC => {
                if std::mem::replace(&mut seen_strings, true) {
                    return Err(unreadable("the workbook has two shared-string tables"));
                }
                if record.cont.len() > MAX_STRING_CONTINUES {
                    return Err(unreadable("the shared-string table is cut into too many pieces"));
                }
                globals.strings = shared_strings(&mut record)?;
            }
            // EOF of the workbook-wide records.
            0x000A => break,
            _ => {}
        }
    }
    Ok(globals)
}

/// A sheet's name from its BoundSheet8 record, for messages only: UTF-16 or Latin-1 in BIFF8
/// as the record's flag says, read as Latin-1 in older versions.
fn sheet_name(data: &[u8], biff8: bool) -> String {
    let count = usize::from(data.get(6).copied().unwrap_or(0));
    let wide = biff8 && data.get(7).is_some_and(|flags| flags & 1 != 0);
    let text = data.get(if biff8 { 8 } else { 7 }..).unwrap_or_default();
    if wide {
        let units: Vec<u16> =
            text.chunks_exact(2).take(count).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
        String::from_utf16_lossy(&units)
    } else {
        text.iter().take(count).map(|&byte| char::from(byte)).collect()
    }
}

/// The length in characters of each string of the shared-string table, read as calamine reads
/// it (the strings may run on into `CONTINUE` records, each restating its character width).
fn shared_strings(record: &mut Record<'_>) -> Result<Vec<u64>, WorkbookError> {
    let damaged = || unreadable("the shared-string table is damaged");
    record.data = record.data.get(8..).ok_or_else(damaged)?;
    let mut lengths = Vec::new();
    while !record.data.is_empty() || record.continue_record() {
        if record.data.is_empty() {
            lengths.push(0);
            continue;
        }
        let cch = u16_at(record.data, 0).ok_or_else(damaged)?;
        let flags = *record.data.get(2).ok_or_else(damaged)?;
        record.data = &record.data[3..];
        let mut runs = 0usize;
        if flags & 0x8 != 0 {
            runs = usize::from(u16_at(record.data, 0).ok_or_else(damaged)?);
            record.data = &record.data[2..];
        }
        let mut extra = 0usize;
        if flags & 0x4 != 0 {
            let size = i32::from_le_bytes(
                record.data.get(..4).ok_or_else(damaged)?.try_into().map_err(|_| damaged())?,
            );
            extra = usize::try_from(size).map_err(|_| damaged())?;
            record.data = &record.data[4..];
        }
        let mut wide = flags & 0x1 != 0;
        let mut left = usize::from(cch);
        while left > 0 {
            let width = if wide { 2 } else { 1 };
            let taken = left.min(record.data.len() / width);
            record.data = &record.data[taken * width..];
            left -= taken;
            if left > 0 {
                if !record.continue_record() || record.data.is_empty() {
                    return Err(damaged());
                }
                wide = record.data[0] & 0x1 != 0;
                record.data = &record.data[1..];
            }
        }
        record.skip(runs * 4).map_err(|()| damaged())?;
        record.skip(extra).map_err(|()| damaged())?;
        lengths.push(u64::from(cch));
    }
    Ok(lengths)
}

/// What calamine builds across sheets.
struct Budget {
    /// Cells reserved, and cells of the rectangles the sheets' values and formulas span.
    area: u64,
    /// Bytes of text copied out of the shared strings.
    text: u64,
    /// Bytes of formula tokens.
    formula_bytes: u64,
}

/// The rectangle a set of cells spans.
#[derive(Default)]
struct Span {
    cells: u64,
    rows: Option<(u32, u32)>,
    columns: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, column: u32) {
        self.cells += 1;
        self.rows = Some(self.rows.map_or((row, row), |(a, b)| (a.min(row), b.max(row))));
        self.columns = Some(self.columns.map_or((column, column), |(a, b)| (a.min(column), b.max(column))));
    }

    fn area(&self) -> u64 {
        match (self.rows, self.columns) {
            (Some((r0, r1)), Some((c0, c1))) => u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1),
            _ => 0,
        }
    }
}

/// The cells calamine reserves for a `DIMENSIONS` record, computed as its reader computes them
/// (with the same wrap-around where the last row lies before the first).
fn reservation(data: &[u8]) -> Option<u64> {
    let (first_row, last_row, mut first_col, last_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)?),
            u32::from(u16_at(data, 2)?),
            u32::from(u16_at(data, 4)?),
            u32::from(u16_at(data, 6)?),
        ),
        14 | 16 => {
            (u32_at(data, 0)?, u32_at(data, 4)?, u32::from(u16_at(data, 8)?), u32::from(u16_at(data, 10)?))
        }
        _ => return None,
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    let (end_row, end_col) =
        if last_row >= 1 && last_col >= 1 { (last_row - 1, last_col - 1) } else { (first_row, first_col) };
    let rows = u64::from(end_row.wrapping_sub(first_row).wrapping_add(1));
    let cols = u64::from(end_col.wrapping_sub(first_col).wrapping_add(1));
    Some(rows.saturating_mul(cols))
}

/// One sheet being counted.
struct SheetScan<'s> {
    name: &'s str,
    limits: &'s Limits,
    started: Instant,
    /// The cells calamine builds a value for, and those it builds a formula's text for.
    values: Span,
    formulas: Span,
}

impl SheetScan<'_> {
    /// A cell at `row`, `column`, refused where it lies beyond the limits.
    fn cell(&mut self, formula: bool, row: u32, column: u32) -> Result<(), WorkbookError> {
        let limits = self.limits;
        if row >= limits.max_rows || column >= limits.max_columns {
            return Err(WorkbookError::CellOutOfBounds { sheet: self.name.to_string(), row, column });
        }
        let span = if formula { &mut self.formulas } else { &mut self.values };
        span.add(row, column);
        if span.cells > limits.max_cells as u64 {
            return Err(WorkbookError::TooManyCells { sheet: self.name.to_string(), max: limits.max_cells });
        }
        if span.area() > limits.max_area {
            return Err(WorkbookError::SpanTooLarge { sheet: self.name.to_string() });
        }
        Ok(())
    }

    /// Counts the sheet's records from where they start, as calamine reads them: up to the
    /// sheet's own end-of-file record, skipping embedded substreams (charts).
    fn records(&mut self, stream: &[u8], strings: &[u64], budget: &mut Budget) -> Result<(), WorkbookError> {
        let limits = self.limits;
        let mut formula_at = (0u32, 0u32);
        let (mut seen_bof, mut depth) = (false, 0usize);
        for (index, record) in (Records { stream }).enumerate() {
            if index % 65_536 == 65_535 {
                time_up(self.started, limits)?;
            }
            let record = record?;
            let data = record.data;
            if depth > 0 {
                match record.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let at = || Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)));
            match record.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                // DIMENSIONS: calamine reserves room for this many cells.
                0x0200 => {
                    budget.area = budget.area.saturating_add(reservation(data).unwrap_or(0));
                    if budget.area > limits.max_area {
                        return Err(WorkbookError::SpanTooLarge { sheet: self.name.to_string() });
                    }
                }
                // NUMBER, LABEL, RSTRING, BOOLERR, RK: one cell each.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E => {
                    if let Some((row, column)) = at() {
                        self.cell(false, row, column)?;
                    }
                }
                // LABELSST: a copy of a shared string.
                0x00FD => {
                    if let (Some((row, column)), Some(index)) = (at(), u32_at(data, 6))
                        && let Some(&chars) = strings.get(index as usize)
                    {
                        self.cell(false, row, column)?;
                        budget.text = budget.text.saturating_add(chars * BYTES_PER_CHAR);
                    }
                }
                // MULRK: several numbers along a row.
                0x00BD if data.len() >= 6 => {
                    if let (Some(row), Some(first), Some(last)) =
                        (u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len() - 2))
                    {
                        let count = (data.len() - 6) / 6;
                        let claimed = usize::from(last).wrapping_sub(usize::from(first)).wrapping_add(1);
                        if claimed == count {
                            for offset in 0..count as u32 {
                                self.cell(false, u32::from(row), u32::from(first) + offset)?;
                            }
                        }
                    }
                }
                // FORMULA: its value where it is not a string, and its text.
                0x0006 if data.len() >= 20 => {
                    if let Some((row, column)) = at() {
                        formula_at = (row, column);
                        self.cell(false, row, column)?;
                        self.cell(true, row, column)?;
                        budget.formula_bytes += (data.len() - 20) as u64;
                    }
                }
                // STRING: the text a formula gave, at the formula's place.
                0x0207 => self.cell(false, formula_at.0, formula_at.1)?,
                _ => {}
            }
            if budget.text > limits.max_unpacked_bytes / 2
                || budget.formula_bytes.saturating_mul(FORMULA_GROWTH) > limits.max_unpacked_bytes / 2
            {
                return Err(WorkbookError::UnpacksTooLarge { max: limits.max_unpacked_bytes });
            }
        }
        Ok(())
    }
}
