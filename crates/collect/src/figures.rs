//! Reading a past edition's published figures from CSV, one figure per row:
//!
//! `code,axis,label_es,label_en,label_fr,original,kind,value,unit,base,question,document,page,illustrative`
//!
//! `code`, `original`, `kind`, `value` and `document` are required, and the label in the
//! original language. `kind` is `share` (a percentage of cities, 0–100, as reports print it),
//! `count` or `value` (with its `unit`). Numbers are written with a decimal point. Every problem
//! is reported with its line and column; nothing is kept from a file with one.

use std::collections::HashMap;

use smartcities_domain::{FigureSource, FigureValue, Lang, PublishedFigure, StudyAxis, Written};

/// The columns a figures file may have.
pub const FIGURE_COLUMNS: [&str; 14] = [
    "code",
    "axis",
    "label_es",
    "label_en",
    "label_fr",
    "original",
    "kind",
    "value",
    "unit",
    "base",
    "question",
    "document",
    "page",
    "illustrative",
];
const REQUIRED: [&str; 5] = ["code", "original", "kind", "value", "document"];
/// The most figures one file may hold.
pub const MAX_FIGURES: usize = 2_000;
/// The longest text a cell may hold, in characters.
pub const MAX_CELL_CHARS: usize = 500;

/// What is wrong with one cell (or the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureProblemKind {
    /// The file is not CSV.
    NotCsv,
    /// A column the format does not have.
    UnknownColumn(String),
    /// A required column is missing.
    MissingColumn(&'static str),
    /// A required cell is empty.
    Empty,
    /// A code that is not lower-case letters, digits and `_` (at most 60).
    BadCode,
    /// Not one of the six axes.
    BadAxis,
    /// Not `es`, `en` or `fr`.
    BadLanguage,
    /// The label in the original language is empty.
    OriginalLabelMissing,
    /// Not `share`, `count` or `value`.
    BadKind,
    /// Not a number (with a decimal point).
    BadNumber,
    /// A share outside 0–100.
    ShareOutOfRange,
    /// A count that is not a whole number.
    NotACount,
    /// A value without its unit.
    UnitMissing,
    /// A base or page that is not a whole number from 1.
    BadWhole,
    /// Not `yes` or `no`.
    BadFlag,
    /// The same code twice; the line it first appeared on.
    Duplicate(u64),
    /// A cell longer than [`MAX_CELL_CHARS`].
    TooLong,
    /// More rows than [`MAX_FIGURES`].
    TooMany,
}

/// One problem, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureProblem {
    /// 1-based; the header is line 1.
    pub line: u64,
    /// 1-based column; 0 for the whole row or file.
    pub column: usize,
    /// The column's name, when the problem is in one.
    pub column_name: String,
    /// What is wrong.
    pub kind: FigureProblemKind,
}

/// Reads every figure of a file, or every problem in it.
pub fn parse_figures(text: &str) -> Result<Vec<PublishedFigure>, Vec<FigureProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let problem = |line: u64, column: usize, name: &str, kind| FigureProblem {
        line,
        column,
        column_name: name.to_string(),
        kind,
    };
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(vec![problem(1, 0, "", FigureProblemKind::NotCsv)]),
    };
    let mut problems = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if !FIGURE_COLUMNS.contains(&name.as_str()) {
            problems.push(problem(1, i + 1, name, FigureProblemKind::UnknownColumn(name.clone())));
        }
    }
    for required in REQUIRED {
        if !header.iter().any(|h| h == required) {
            problems.push(problem(1, 0, required, FigureProblemKind::MissingColumn(required)));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let index: HashMap<&str, usize> = header.iter().enumerate().map(|(i, h)| (h.as_str(), i)).collect();
    let mut figures = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (n, record) in reader.records().enumerate() {
        let line = n as u64 + 2;
        if figures.len() + problems.len() >= MAX_FIGURES {
            problems.push(problem(line, 0, "", FigureProblemKind::TooMany));
            break;
        }
        let Ok(record) = record else {
            problems.push(problem(line, 0, "", FigureProblemKind::NotCsv));
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = RowReader { record: &record, index: &index, line, problems: Vec::new() };
        let figure = row.figure();
        if let Some(figure) = &figure {
            if let Some(first) = seen.get(&figure.code) {
                row.flag("code", FigureProblemKind::Duplicate(*first));
            } else {
                seen.insert(figure.code.clone(), line);
            }
        }
        match (figure, row.problems.is_empty()) {
            (Some(figure), true) => figures.push(figure),
            _ => problems.extend(row.problems),
        }
    }
    if problems.is_empty() { Ok(figures) } else { Err(problems) }
}

struct RowReader<'r> {
    record: &'r csv::StringRecord,
    index: &'r HashMap<&'r str, usize>,
    line: u64,
    problems: Vec<FigureProblem>,
}

impl RowReader<'_> {
    fn flag(&mut self, column: &str, kind: FigureProblemKind) {
        let at = self.index.get(column).map_or(0, |i| i + 1);
        self.problems.push(FigureProblem { line: self.line, column: at, column_name: column.into(), kind });
    }

    /// A cell's text, trimmed; `None` when the column is absent or the cell empty.
    fn cell(&mut self, column: &str) -> Option<String> {
        let text = self.index.get(column).and_then(|i| self.record.get(*i)).map(str::trim).unwrap_or("");
        if text.chars().count() > MAX_CELL_CHARS {
            self.flag(column, FigureProblemKind::TooLong);
            return None;
        }
        (!text.is_empty()).then(|| text.to_string())
    }

    fn required(&mut self, column: &str) -> Option<String> {
        let cell = self.cell(column);
        if cell.is_none() && !self.problems.iter().any(|p| p.column_name == column) {
            self.flag(column, FigureProblemKind::Empty);
        }
        cell
    }

    fn number(&mut self, column: &str, text: &str) -> Option<f64> {
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Some(x),
            _ => {
                self.flag(column, FigureProblemKind::BadNumber);
                None
            }
        }
    }

    fn whole(&mut self, column: &str) -> Option<u32> {
        let text = self.cell(column)?;
        match text.parse::<u32>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                self.flag(column, FigureProblemKind::BadWhole);
                None
            }
        }
    }

    fn figure(&mut self) -> Option<PublishedFigure> {
        let code = self.required("code");
        let code_ok = code.as_deref().is_some_and(|c| {
            c.len() <= 60 && c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
        });
        if code.is_some() && !code_ok {
            self.flag("code", FigureProblemKind::BadCode);
        }
        let axis = match self.cell("axis") {
            Some(text) => match StudyAxis::parse(&text) {
                Ok(axis) => Some(axis),
                Err(_) => {
                    self.flag("axis", FigureProblemKind::BadAxis);
                    None
                }
            },
            None => None,
        };
        let original = self.required("original").and_then(|text| {
            let lang = Lang::from_tag(&text).filter(|_| text.len() == 2);
            if lang.is_none() {
                self.flag("original", FigureProblemKind::BadLanguage);
            }
            lang
        });
        let mut label = original.map(|lang| Written { original: lang, text: Default::default() });
        for lang in Lang::ALL {
            if let (Some(text), Some(label)) = (self.cell(&format!("label_{}", lang.code())), label.as_mut())
            {
                label.text.insert(lang, text);
            }
        }
        if let Some(written) = &label
            && written.exactly(written.original).is_none()
        {
            self.flag(&format!("label_{}", written.original.code()), FigureProblemKind::OriginalLabelMissing);
        }
        let value = self.value();
        let base = self.whole("base");
        let page = self.whole("page");
        let question = self.cell("question");
        let document = self.required("document");
        let illustrative = match self.cell("illustrative").as_deref() {
            None | Some("no") => false,
            Some("yes") => true,
            Some(_) => {
                self.flag("illustrative", FigureProblemKind::BadFlag);
                false
            }
        };
        Some(PublishedFigure {
            code: code.filter(|_| code_ok)?,
            label: label?,
            value: value?,
            base,
            axis,
            question,
            source: FigureSource { document: document?, page },
            illustrative,
        })
    }

    fn value(&mut self) -> Option<FigureValue> {
        let kind = self.required("kind");
        let text = self.required("value");
        let unit = self.cell("unit");
        let (kind, text) = (kind?, text?);
        match kind.as_str() {
            "share" => {
                let x = self.number("value", text.trim_end_matches('%').trim())?;
                if !(0.0..=100.0).contains(&x) {
                    self.flag("value", FigureProblemKind::ShareOutOfRange);
                    return None;
                }
                Some(FigureValue::Share { value: x / 100.0 })
            }
            "count" => match text.parse::<u64>() {
                Ok(value) => Some(FigureValue::Count { value }),
                Err(_) => {
                    self.flag("value", FigureProblemKind::NotACount);
                    None
                }
            },
            "value" => {
                let x = self.number("value", &text)?;
                let Some(unit) = unit else {
                    self.flag("unit", FigureProblemKind::UnitMissing);
                    return None;
                };
                Some(FigureValue::Value { value: x, unit })
            }
            _ => {
                self.flag("kind", FigureProblemKind::BadKind);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "code,axis,label_es,label_en,label_fr,original,kind,value,unit,base,question,document,page\n";

    #[test]
    fn a_good_file_reads_every_kind_of_figure() {
        let text = format!(
            "{HEADER}strategy,governance,Con estrategia digital,With a digital strategy,,es,share,62.5,,24,has_strategy,Informe 2019,18\n\
             labs,,Laboratorios,Labs,Laboratoires,en,count,7,,,,Report 2019,\n\
             lanes,mobility,,Cycle lanes,,en,value,12.5,km,20,,Report 2019,33\n"
        );
        let figures = parse_figures(&text).unwrap();
        assert_eq!(figures.len(), 3);
        assert_eq!(figures[0].value, FigureValue::Share { value: 0.625 });
        assert_eq!(figures[0].base, Some(24));
        assert_eq!(figures[0].source.page, Some(18));
        assert_eq!(figures[0].label.original, Lang::Es);
        assert!(figures[0].label.exactly(Lang::Fr).is_none(), "a missing translation stays missing");
        assert_eq!(figures[1].value, FigureValue::Count { value: 7 });
        assert_eq!(figures[2].value, FigureValue::Value { value: 12.5, unit: "km".into() });
        assert_eq!(figures[2].axis, Some(StudyAxis::Mobility));
    }

    #[test]
    fn every_bad_cell_is_named_by_line_and_column() {
        let text = format!(
            "{HEADER}ok,,,Fine,,en,count,3,,,,Report,\n\
             Bad Code,transport,,X,,de,share,120,,0,,Report,x\n\
             ok,,,Again,,en,value,3,,,,,\n"
        );
        let problems = parse_figures(&text).unwrap_err();
        let at = |line, column: &str| {
            problems
                .iter()
                .filter(|p| p.line == line && p.column_name == column)
                .map(|p| p.kind.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(at(3, "code"), [FigureProblemKind::BadCode]);
        assert_eq!(at(3, "axis"), [FigureProblemKind::BadAxis]);
        assert_eq!(at(3, "original"), [FigureProblemKind::BadLanguage]);
        assert_eq!(at(3, "value"), [FigureProblemKind::ShareOutOfRange]);
        assert_eq!(at(3, "base"), [FigureProblemKind::BadWhole]);
        assert_eq!(at(3, "page"), [FigureProblemKind::BadWhole]);
        assert_eq!(at(4, "unit"), [FigureProblemKind::UnitMissing]);
        assert_eq!(at(4, "document"), [FigureProblemKind::Empty]);
        assert_eq!(problems.iter().find(|p| p.column_name == "axis").unwrap().column, 2);
        let dup = format!("{HEADER}a,,,A,,en,count,1,,,,R,\na,,,B,,en,count,2,,,,R,\n");
        assert_eq!(parse_figures(&dup).unwrap_err()[0].kind, FigureProblemKind::Duplicate(2));
        let unknown = "code,colour\nx,red\n";
        let problems = parse_figures(unknown).unwrap_err();
        assert!(problems.contains(&FigureProblem {
            line: 1,
            column: 2,
            column_name: "colour".into(),
            kind: FigureProblemKind::UnknownColumn("colour".into())
        }));
        assert!(problems.iter().any(|p| p.kind == FigureProblemKind::MissingColumn("kind")));
    }
}
