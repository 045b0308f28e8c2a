//! Spreadsheets from strangers, read within fixed bounds.
//!
//! An `.xlsx` file is a zip of XML parts, and a few kilobytes of it can claim a cell at
//! XFD1048576 (a grid of 17 billion cells), a shared-string table of billions of entries, or
//! unpack to gigabytes of whitespace. Spreadsheet libraries size their buffers from such claims.
//! So before any part is parsed, every part of the archive is unpacked once into a sink and
//! counted, and the string-table size it declares is compared with its real size; then cells are
//! streamed one at a time, and a sheet is refused as soon as a cell lies outside the allowed rows
//! and columns, the sheet holds too many cells, or the time is up. Only then is a grid built,
//! sized by what was counted. An OpenDocument `.ods` file is counted the same way, then its
//! `content.xml` is pre-scanned for what its repeat counts claim (`ods.rs`) before calamine
//! reads it. An Excel 97-2003 `.xls` file's records are counted the same way (`xls.rs`,
//! `biff.rs`) before calamine reads a copy holding only what was counted. The rectangles the
//! sheets span are bounded all together, since the reader holds every sheet at once.

mod biff;
mod ods;
mod xls;

use std::{
    io::{Cursor, Read},
    time::{Duration, Instant},
};

use calamine::{Cell, Data, Range, Reader, Xlsx};
use smartcities_domain::Lang;

/// How much of a spreadsheet the server agrees to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Size of the uploaded file.
    pub max_file_bytes: usize,
    /// Total size of its parts once unpacked.
    pub max_unpacked_bytes: u64,
    /// Number of parts in the archive.
    pub max_parts: usize,
    /// Number of sheets read.
    pub max_sheets: usize,
    /// Rows of a sheet (1-based row numbers up to this are allowed).
    pub max_rows: u32,
    /// Columns of a sheet.
    pub max_columns: u32,
    /// Non-empty cells of a sheet.
    pub max_cells: usize,
    /// Cells of the rectangles spanned by the sheets' cells, all sheets together: what the
    /// grids cost in memory.
    pub max_area: u64,
    /// Time allowed for the whole reading.
    pub time: Duration,
}

impl Limits {
    /// Bounds for an uploaded questionnaire or answer workbook: a hundred times what a real one
    /// needs, and at most about 100 MB of memory while it is read.
    pub const UPLOAD: Limits = Limits {
        max_file_bytes: 5 * 1024 * 1024,
        max_unpacked_bytes: 40 * 1024 * 1024,
        max_parts: 200,
        max_sheets: 32,
        max_rows: 20_000,
        max_columns: 500,
        max_cells: 400_000,
        max_area: 1_500_000,
        time: Duration::from_secs(10),
    };
}

/// One sheet of a workbook: its name and its cells, in the rectangle they span.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// Its cells, in the rectangle they span.
    pub range: Range<Data>,
}

/// Why a workbook was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookError {
    /// The file is larger than allowed.
    FileTooLarge {
        /// The file's size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// Not a spreadsheet, or a damaged one.
    Unreadable {
        /// What the reader found wrong.
        detail: String,
    },
    /// The archive holds too many parts.
    TooManyParts {
        /// The limit.
        max: usize,
    },
    /// The parts unpack to more than allowed.
    UnpacksTooLarge {
        /// The limit, in bytes.
        max: u64,
    },
    /// The workbook has more sheets than allowed.
    TooManySheets {
        /// The limit.
        max: usize,
    },
    /// A cell beyond the allowed rows or columns.
    CellOutOfBounds {
        /// The sheet.
        sheet: String,
        /// The cell's row, 0-based.
        row: u32,
        /// The cell's column, 0-based.
        column: u32,
    },
    /// A sheet with more cells than allowed.
    TooManyCells {
        /// The sheet.
        sheet: String,
        /// The limit.
        max: usize,
    },
    /// A sheet whose cells lie so far apart that the rectangle they span is too large.
    SpanTooLarge {
        /// The sheet.
        sheet: String,
    },
    /// Reading took longer than allowed.
    TimeUp {
        /// The limit, in seconds.
        seconds: u64,
    },
}

fn words(lang: Lang, en: &'static str, es: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Es => es,
        Lang::Fr => fr,
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl WorkbookError {
    /// The refusal in the respondent's language, saying what to do next.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WorkbookError::FileTooLarge { max, .. } => format!(
                "{} {}",
                words(
                    lang,
                    "The file is larger than the limit of",
                    "El archivo supera el límite de",
                    "Le fichier dépasse la limite de"
                ),
                megabytes(*max as u64)
            ),
            WorkbookError::Unreadable { detail } => format!(
                "{} ({detail})",
                words(
                    lang,
                    "The file is not a readable workbook (.xlsx, .xls or .ods)",
                    "El archivo no es un libro legible (.xlsx, .xls u .ods)",
                    "Le fichier n'est pas un classeur lisible (.xlsx, .xls ou .ods)"
                )
            ),
            WorkbookError::TooManyParts { max } => format!(
                "{} {max}",
                words(
                    lang,
                    "The workbook is made of too many parts; the limit is",
                    "El libro tiene demasiadas partes; el límite es",
                    "Le classeur compte trop de parties ; la limite est de"
                )
            ),
            WorkbookError::UnpacksTooLarge { max } => format!(
                "{} {}",
                words(
                    lang,
                    "Once unpacked, the workbook is larger than the limit of",
                    "Una vez descomprimido, el libro supera el límite de",
                    "Une fois décompressé, le classeur dépasse la limite de"
                ),
                megabytes(*max)
            ),
            WorkbookError::TooManySheets { max } => format!(
                "{} {max}",
                words(
                    lang,
                    "The workbook has too many sheets; the limit is",
                    "El libro tiene demasiadas hojas; el límite es",
                    "Le classeur compte trop de feuilles ; la limite est de"
                )
            ),
            WorkbookError::CellOutOfBounds { sheet, row, column } => format!(
                "{} {sheet}, {} {}, {} {}: {}",
                words(lang, "sheet", "hoja", "feuille"),
                words(lang, "row", "fila", "ligne"),
                row + 1,
                words(lang, "column", "columna", "colonne"),
                column_letter(*column),
                words(
                    lang,
                    "this cell lies beyond the rows and columns a questionnaire can use; delete it and upload again",
                    "esta celda está fuera de las filas y columnas que puede usar un cuestionario; bórrela y vuelva a subir el archivo",
                    "cette cellule est au-delà des lignes et colonnes qu'un questionnaire peut utiliser ; supprimez-la et téléversez à nouveau"
                )
            ),
            WorkbookError::TooManyCells { sheet, max } => format!(
                "{} {sheet}: {} {max}",
                words(lang, "sheet", "hoja", "feuille"),
                words(
                    lang,
                    "too many filled cells; the limit is",
                    "demasiadas celdas rellenas; el límite es",
                    "trop de cellules remplies ; la limite est de"
                )
            ),
            WorkbookError::SpanTooLarge { sheet } => format!(
                "{} {sheet}: {}",
                words(lang, "sheet", "hoja", "feuille"),
                words(
                    lang,
                    "the filled cells lie too far apart; delete the cells outside the questionnaire and upload again",
                    "las celdas rellenas están demasiado separadas; borre las celdas fuera del cuestionario y vuelva a subir el archivo",
                    "les cellules remplies sont trop éloignées ; supprimez les cellules hors du questionnaire et téléversez à nouveau"
                )
            ),
            WorkbookError::TimeUp { seconds } => format!(
                "{} {seconds} s",
                words(
                    lang,
                    "Reading the workbook took longer than the limit of",
                    "La lectura del libro superó el límite de",
                    "La lecture du classeur a dépassé la limite de"
                )
            ),
        }
    }
}

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for WorkbookError {}

/// The zip signature that opens every `.xlsx` and `.ods`; `.xls` files open with the OLE one.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads every sheet of an `.xlsx`, `.xls` or `.ods` workbook within `limits`.
pub fn read_workbook(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, WorkbookError> {
    let started = Instant::now();
    if bytes.len() > limits.max_file_bytes {
        return Err(WorkbookError::FileTooLarge { bytes: bytes.len(), max: limits.max_file_bytes });
    }
    if bytes.starts_with(OLE_MAGIC) {
        return xls::read(bytes, limits, started);
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(WorkbookError::Unreadable { detail: "not a zip archive".into() });
    }
    if check_archive(bytes, limits, started)? == Format::Ods {
        return ods::read(bytes, limits, started);
    }

    let mut workbook =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?;
    let names = workbook.sheet_names();
    if names.len() > limits.max_sheets {
        return Err(WorkbookError::TooManySheets { max: limits.max_sheets });
    }
    let mut sheets = Vec::with_capacity(names.len());
    let mut area = 0;
    for name in names {
        let range = read_sheet(&mut workbook, &name, limits, started, &mut area)?;
        sheets.push(Sheet { name, range });
    }
    Ok(sheets)
}

/// The kinds of zip archive a workbook comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Xlsx,
    Ods,
}

fn time_up(started: Instant, limits: &Limits) -> Result<(), WorkbookError> {
    if started.elapsed() > limits.time {
        Err(WorkbookError::TimeUp { seconds: limits.time.as_secs() })
    } else {
        Ok(())
    }
}

/// Unpacks every part into a sink, counting what it really holds, and checks the string table's
/// declared size against its real one, before any library sizes a buffer from them. Answers
/// whether it is an `.xlsx` or an `.ods` archive.
fn check_archive(bytes: &[u8], limits: &Limits, started: Instant) -> Result<Format, WorkbookError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?;
    if archive.len() > limits.max_parts {
        return Err(WorkbookError::TooManyParts { max: limits.max_parts });
    }
    let format = if ods::is_ods(&mut archive) { Format::Ods } else { Format::Xlsx };
    let mut total: u64 = 0;
    let mut buffer = vec![0u8; 64 * 1024];
    for index in 0..archive.len() {
        let mut part =
            archive.by_index(index).map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?;
        let is_strings = part.name().is_ok_and(|name| name.eq_ignore_ascii_case("xl/sharedStrings.xml"));
        let mut declared_strings: Option<u64> = None;
        let mut part_size: u64 = 0;
        let mut head = Vec::new();
        loop {
            let read =
                part.read(&mut buffer).map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?;
            if read == 0 {
                break;
            }
            part_size += read as u64;
            total += read as u64;
            if total > limits.max_unpacked_bytes {
                return Err(WorkbookError::UnpacksTooLarge { max: limits.max_unpacked_bytes });
            }
            if is_strings && head.len() < 4096 {
                head.extend_from_slice(&buffer[..read.min(4096 - head.len())]);
            }
            time_up(started, limits)?;
        }
        if is_strings {
            declared_strings = declared_count(&head);
        }
        // Each string takes at least `<si/>`, five bytes: a larger count is a lie that would
        // make the reader reserve memory for strings that are not there.
        if let Some(count) = declared_strings
            && count > part_size / 5 + 1
        {
            return Err(WorkbookError::Unreadable {
                detail: format!("the shared-string table claims {count} strings in {part_size} bytes"),
            });
        }
    }
    Ok(format)
}

/// The `uniqueCount` the `<sst>` element of a shared-string table declares: what calamine
/// reserves room for. (Its `count` counts references to strings, and may be larger.)
fn declared_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let start = text.find("<sst")?;
    let end = start + text[start..].find('>')?;
    let tag = &text[start..end];
    let at = tag.find("uniqueCount=")? + "uniqueCount=".len();
    let digits: String =
        tag[at..].trim_start_matches(['"', '\'']).chars().take_while(char::is_ascii_digit).collect();
    // A number too long for u64 is a lie too.
    Some(digits.parse::<u64>().unwrap_or(u64::MAX))
}

fn read_sheet(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
    started: Instant,
    area: &mut u64,
) -> Result<Range<Data>, WorkbookError> {
    let mut reader = workbook
        .worksheet_cells_reader(name)
        .map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?;
    let mut cells: Vec<Cell<Data>> = Vec::new();
    let (mut first_row, mut last_row, mut first_col, mut last_col) = (u32::MAX, 0, u32::MAX, 0);
    let mut seen: usize = 0;
    while let Some(cell) =
        reader.next_cell().map_err(|e| WorkbookError::Unreadable { detail: e.to_string() })?
    {
        seen += 1;
        if seen.is_multiple_of(4096) {
            time_up(started, limits)?;
        }
        let (row, column) = cell.get_position();
        let value = Data::from(cell.get_value().clone());
        if value == Data::Empty {
            continue;
        }
        if row >= limits.max_rows || column >= limits.max_columns {
            return Err(WorkbookError::CellOutOfBounds { sheet: name.to_string(), row, column });
        }
        if cells.len() >= limits.max_cells {
            return Err(WorkbookError::TooManyCells { sheet: name.to_string(), max: limits.max_cells });
        }
        first_row = first_row.min(row);
        last_row = last_row.max(row);
        first_col = first_col.min(column);
        last_col = last_col.max(column);
        cells.push(Cell::new((row, column), value));
    }
    if cells.is_empty() {
        return Ok(Range::empty());
    }
    *area += u64::from(last_row - first_row + 1) * u64::from(last_col - first_col + 1);
    if *area > limits.max_area {
        return Err(WorkbookError::SpanTooLarge { sheet: name.to_string() });
    }
    Ok(Range::from_sparse(cells))
}

/// A spreadsheet column's letters from its index counted from 0: A … Z, AA, AB …
pub(crate) fn column_letter(mut index: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_number_of_unique_strings_is_read() {
        let head = br#"<?xml version="1.0"?><sst xmlns="x" count="12" uniqueCount="7"><si>"#;
        assert_eq!(declared_count(head), Some(7));
        assert_eq!(declared_count(br#"<sst uniqueCount="99999999999999999999999">"#), Some(u64::MAX));
        assert_eq!(declared_count(b"<workbook>"), None);
    }
}
