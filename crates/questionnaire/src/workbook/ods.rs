//! OpenDocument spreadsheets (`.ods`) within bounds. A sheet's XML says how often a row or a
//! cell repeats (`table:number-rows-repeated`, `table:number-columns-repeated`), and a space
//! how often it repeats (`text:s text:c`): a few bytes can claim millions of filled cells or a
//! string of a gigabyte, which calamine would build. So `content.xml` is first read as a stream
//! of events, counting where every filled cell lands and how many there are, and only a file
//! whose filled cells fit the limits is handed to calamine.

use std::{
    io::{BufReader, Cursor, Read},
    time::Instant,
};

use calamine::{Data, Ods, Reader};
use quick_xml::events::{BytesStart, Event};

use super::{Limits, Sheet, WorkbookError, time_up};

/// Whether the archive is an OpenDocument spreadsheet (its `mimetype` part says so).
pub(super) fn is_ods(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> bool {
    archive.by_name("mimetype").is_ok_and(|mut part| {
        let mut head = [0u8; 46];
        part.read_exact(&mut head).is_ok() && head.starts_with(b"application/vnd.oasis.opendocument")
    })
}

/// Reads every sheet of an `.ods` workbook whose archive was already counted, within `limits`.
pub(super) fn read(bytes: &[u8], limits: &Limits, started: Instant) -> Result<Vec<Sheet>, WorkbookError> {
    let scanned = prescan(bytes, limits, started)?;
    // Within the counted bounds; a damaged file that makes the reader panic is unreadable.
    std::panic::catch_unwind(|| calamine_read(bytes, &scanned, limits, started))
        .unwrap_or_else(|_| Err(WorkbookError::Unreadable { detail: "content.xml is damaged".into() }))
}

fn calamine_read(
    bytes: &[u8],
    scanned: &[Counted],
    limits: &Limits,
    started: Instant,
) -> Result<Vec<Sheet>, WorkbookError> {
    let mut workbook =
        Ods::new(Cursor::new(bytes)).map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?;
    let mut sheets = Vec::with_capacity(scanned.len());
    for name in workbook.sheet_names() {
        time_up(started, limits)?;
        let mut range = workbook
            .worksheet_range(&name)
            .map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?;
        // A formula that gives TRUE or FALSE is saved as the number 1 or 0: read it as the
        // boolean it shows, as the same cell of an Excel workbook reads.
        for cell in scanned.iter().filter(|s| s.name == name).flat_map(|s| &s.booleans) {
            for row in cell.row..cell.row + cell.rows {
                for column in cell.column..cell.column + cell.columns {
                    let at = (to_u32(row), to_u32(column));
                    if matches!(range.get_value(at), Some(Data::Float(_) | Data::Int(_))) {
                        range.set_value(at, Data::Bool(cell.value));
                    }
                }
            }
        }
        sheets.push(Sheet { name, range });
    }
    Ok(sheets)
}

/// Cells whose formula is `=TRUE()` or `=FALSE()`, repeated over rows and columns.
struct Boolean {
    row: u64,
    rows: u64,
    column: u64,
    columns: u64,
    value: bool,
}

/// One sheet as the pre-scan counts it.
struct Counted {
    name: String,
    /// Its boolean formulas, which the file stores as numbers.
    booleans: Vec<Boolean>,
    /// Filled cells, repeats included.
    cells: u64,
    /// The rows and columns the filled cells span: (first row, last row, first column, last column).
    span: Option<(u64, u64, u64, u64)>,
}

impl Counted {
    fn area(&self) -> u64 {
        self.span.map_or(0, |(r0, r1, c0, c1)| (r1 - r0 + 1).saturating_mul(c1 - c0 + 1))
    }
}

/// A repeat count (`number-rows-repeated`, `number-columns-repeated`, `text:c`): 1 when absent,
/// and a number that does not read is a damaged file.
fn repeats(element: &BytesStart<'_>, name: &str) -> Result<u64, WorkbookError> {
    let attribute = element
        .try_get_attribute(name)
        .map_err(|e| WorkbookError::Unreadable { detail: format!("content.xml: {e}") })?;
    match attribute {
        None => Ok(1),
        Some(a) => a.value.trim().parse::<u64>().ok().filter(|n| *n >= 1).ok_or_else(|| {
            WorkbookError::Unreadable { detail: format!("content.xml: {name} is not a count") }
        }),
    }
}

fn has(element: &BytesStart<'_>, name: &str) -> bool {
    element.try_get_attribute(name).ok().flatten().is_some()
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where the pre-scan stands in `content.xml`.
struct Scan<'l> {
    limits: &'l Limits,
    sheets: Vec<Counted>,
    /// The current row (0-based), how often it repeats, and the next cell's column.
    row: u64,
    row_repeats: u64,
    column: u64,
    /// Spaces the cells' text expands to.
    spaces: u64,
}

impl Scan<'_> {
    /// An element opening (`opens`, with content) or standing alone.
    fn element(&mut self, element: &BytesStart<'_>, opens: bool) -> Result<(), WorkbookError> {
        let limits = self.limits;
        match element.name().as_ref() {
            "table:table" if opens => {
                if self.sheets.len() >= limits.max_sheets {
                    return Err(WorkbookError::TooManySheets { max: limits.max_sheets });
                }
                let name = element
                    .try_get_attribute("table:name")
                    .ok()
                    .flatten()
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                self.sheets.push(Counted { name, booleans: Vec::new(), cells: 0, span: None });
                (self.row, self.row_repeats, self.column) = (0, 1, 0);
            }
            "table:table-row" => {
                let count = repeats(element, "table:number-rows-repeated")?;
                if opens {
                    (self.row_repeats, self.column) = (count, 0);
                } else {
                    // An empty row element: nothing lands, the rows after it move down.
                    self.row = self.row.saturating_add(count);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let count = repeats(element, "table:number-columns-repeated")?;
                // A cell with a value, a formula or content inside is filled.
                let filled = opens || has(element, "office:value-type") || has(element, "table:formula");
                if filled {
                    self.filled(count)?;
                    self.boolean(element, count);
                }
                self.column = self.column.saturating_add(count);
            }
            "text:s" => {
                self.spaces = self.spaces.saturating_add(repeats(element, "text:c")?);
                if self.spaces > limits.max_unpacked_bytes {
                    return Err(WorkbookError::UnpacksTooLarge { max: limits.max_unpacked_bytes });
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Notes a cell whose formula is a boolean constant (`of:=TRUE()`, `of:=FALSE()`).
    fn boolean(&mut self, element: &BytesStart<'_>, count: u64) {
        let Some(formula) = element.try_get_attribute("table:formula").ok().flatten() else { return };
        let value = match formula.value.trim().trim_start_matches("of:").trim_start_matches('=') {
            f if f.eq_ignore_ascii_case("TRUE()") => true,
            f if f.eq_ignore_ascii_case("FALSE()") => false,
            _ => return,
        };
        let (row, rows, column) = (self.row, self.row_repeats, self.column);
        if let Some(sheet) = self.sheets.last_mut() {
            sheet.booleans.push(Boolean { row, rows, column, columns: count, value });
        }
    }

    /// A filled cell at the current place, repeated `count` times along the row (and as often
    /// as its row repeats).
    fn filled(&mut self, count: u64) -> Result<(), WorkbookError> {
        let limits = self.limits;
        let (row, column) = (self.row, self.column);
        let last_row = row.saturating_add(self.row_repeats - 1);
        let last_column = column.saturating_add(count - 1);
        let cells = self.row_repeats.saturating_mul(count);
        let Some(sheet) = self.sheets.last_mut() else { return Ok(()) };
        if last_row >= u64::from(limits.max_rows) || last_column >= u64::from(limits.max_columns) {
            return Err(WorkbookError::CellOutOfBounds {
                sheet: sheet.name.clone(),
                row: to_u32(last_row),
                column: to_u32(last_column),
            });
        }
        sheet.cells = sheet.cells.saturating_add(cells);
        if sheet.cells > limits.max_cells as u64 {
            return Err(WorkbookError::TooManyCells { sheet: sheet.name.clone(), max: limits.max_cells });
        }
        sheet.span = Some(match sheet.span {
            None => (row, last_row, column, last_column),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(last_row), c0.min(column), c1.max(last_column)),
        });
        // calamine holds every sheet at once: their rectangles are bounded together.
        if self.sheets.iter().map(Counted::area).fold(0u64, u64::saturating_add) > limits.max_area {
            let sheet = self.sheets.last().map(|s| s.name.clone()).unwrap_or_default();
            return Err(WorkbookError::SpanTooLarge { sheet });
        }
        Ok(())
    }
}

/// Reads `content.xml` once, counting every sheet's filled cells and where they land; refuses
/// the file at the first claim beyond `limits`. Answers the sheets as counted.
fn prescan(bytes: &[u8], limits: &Limits, started: Instant) -> Result<Vec<Counted>, WorkbookError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?;
    let content = archive
        .by_name("content.xml")
        .map_err(|_| WorkbookError::Unreadable { detail: "no content.xml in the archive".into() })?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buffer = Vec::new();
    let mut scan = Scan { limits, sheets: Vec::new(), row: 0, row_repeats: 1, column: 0, spaces: 0 };
    let mut events: u64 = 0;
    loop {
        events += 1;
        if events.is_multiple_of(4096) {
            time_up(started, limits)?;
        }
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|e| WorkbookError::Unreadable { detail: format!("content.xml: {e}") })?;
        match &event {
            Event::Eof => break,
            Event::Start(e) => scan.element(e, true)?,
            Event::Empty(e) => scan.element(e, false)?,
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                scan.row = scan.row.saturating_add(scan.row_repeats);
                scan.row_repeats = 1;
            }
            _ => {}
        }
        buffer.clear();
    }
    Ok(scan.sheets)
}
