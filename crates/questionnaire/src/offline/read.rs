//! Reading an uploaded workbook back: which response it is for, the questions sheet and the
//! repeat groups' sheets, every problem by sheet, row and column.

use std::collections::{BTreeMap, HashMap};

use calamine::{Data, Range};
use smartcities_domain::{Lang, Revision};

use super::{Answers, Fields, META, WorkbookFor, repeat_groups, words};
use crate::{
    model::{EntryKey, Group, Kind, Question, Questionnaire},
    validate::{check_value, read_typed_number},
    workbook::{Limits, Sheet, column_letter, read_workbook},
    xlsform_read::{Finding, Place},
};

/// The stored value for what a respondent typed: choices by label or code, in any language;
/// numbers typed as text read by the workbook language's rule (`45,5` in Spanish), refused
/// when ambiguous.
fn parse_cell(
    questionnaire: &Questionnaire,
    question: &Question,
    text: &str,
    lang: Lang,
) -> Result<String, String> {
    // A non-answer the question takes, typed as its words in any language (elsewhere the words
    // are an answer like any other, or refused as one).
    let offered = questionnaire.non_answers_for(question);
    if let Some(non_answer) = crate::non_answer::NonAnswer::typed(text).filter(|n| offered.allows(*n)) {
        return Ok(non_answer.kept().to_string());
    }
    if matches!(question.kind, Kind::Integer | Kind::Decimal) {
        return read_typed_number(questionnaire, question, text, lang);
    }
    Ok(parse_choices(questionnaire, question, text))
}

/// Choices by label or code, in any language; other text trimmed.
fn parse_choices(questionnaire: &Questionnaire, question: &Question, text: &str) -> String {
    let find = |part: &str| -> String {
        let part = part.trim();
        questionnaire
            .choices(question)
            .iter()
            .find(|c| c.name == part || c.label.0.values().any(|l| l.trim().eq_ignore_ascii_case(part)))
            .map_or_else(|| part.to_string(), |c| c.name.clone())
    };
    match question.kind {
        Kind::SelectMultiple { .. } => {
            text.split([';', '\n']).filter(|p| !p.trim().is_empty()).map(find).collect::<Vec<_>>().join(" ")
        }
        Kind::YesNo | Kind::Ordinal { .. } | Kind::SelectOne { .. } => find(text),
        _ => text.trim().to_string(),
    }
}

/// A cell as the text of its stored value: numbers in their shortest form (`45.5`), text trimmed.
fn cell_text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(other) => other.to_string().trim().to_string(),
    }
}

/// What an uploaded workbook holds, and the revision it was based on.
#[derive(Debug)]
pub struct Uploaded {
    /// The answers the workbook holds.
    pub answers: Answers,
    /// The response's revision the workbook was made at.
    pub base_revision: Revision,
}

/// A problem with the whole workbook rather than one cell.
fn whole(message: String) -> Vec<Finding> {
    vec![Finding { place: Place { sheet: "(workbook)".into(), row: 1, column: None }, message }]
}

/// Reads an uploaded workbook for `expected` (edition and city must match) within `limits`.
/// Every problem is returned at once; answers of questions that are not relevant are kept as given.
pub fn read_answer_workbook(
    questionnaire: &Questionnaire,
    bytes: &[u8],
    expected: &WorkbookFor,
    limits: &Limits,
) -> Result<Uploaded, Vec<Finding>> {
    let lang = expected.lang;
    let sheets = read_workbook(bytes, limits).map_err(|e| whole(e.message(lang)))?;
    let revision = based_on(&sheets, expected)?;
    let reader = Reader {
        questionnaire,
        lang,
        by_name: questionnaire
            .questions()
            .into_iter()
            .map(|l| (l.question.name.as_str(), l.question))
            .collect(),
        repeats: repeat_groups(&questionnaire.items).into_iter().map(|g| (g.name.as_str(), g)).collect(),
    };
    let mut answers = Answers::default();
    let mut errors = Vec::new();
    for sheet in &sheets {
        let mut found = SheetReader { reader: &reader, sheet, errors: &mut errors };
        let first_cell = cell_text(sheet.range.rows().next().and_then(|row| row.first()));
        if first_cell == "code" {
            answers.values.extend(found.questions());
        } else if let Some(group) = reader.repeats.get(first_cell.as_str()) {
            answers.entries.insert(group.name.to_string(), found.entries(group));
        }
    }
    if errors.is_empty() { Ok(Uploaded { answers, base_revision: revision }) } else { Err(errors) }
}

/// The revision the workbook was made at, once its edition and city are the expected ones.
fn based_on(sheets: &[Sheet], expected: &WorkbookFor) -> Result<Revision, Vec<Finding>> {
    let lang = expected.lang;
    let mut meta: HashMap<String, String> = HashMap::new();
    for sheet in sheets {
        for row in sheet.range.rows() {
            let key = cell_text(row.first());
            if META.contains(&key.as_str()) {
                meta.insert(key, cell_text(row.get(1)));
            }
        }
    }
    let (Some(edition), Some(city), Some(revision)) =
        (meta.get(META[0]), meta.get(META[1]), meta.get(META[2]).and_then(|r| r.parse::<Revision>().ok()))
    else {
        return Err(whole(
            words(
                lang,
                "this is not a smartcities questionnaire workbook: download the template and fill that one in",
                "no es un libro de cuestionario de smartcities: descargue la plantilla y rellénela",
                "ce n'est pas un classeur de questionnaire smartcities : téléchargez le modèle et remplissez-le",
            )
            .to_string(),
        ));
    };
    if *edition != expected.edition.to_string() || *city != expected.city_id {
        let another = words(
            lang,
            "this workbook is for another city or edition",
            "este libro es de otra ciudad o edición",
            "ce classeur concerne une autre ville ou édition",
        );
        return Err(whole(format!("{another} ({city}, {edition})")));
    }
    Ok(revision)
}

/// The form the workbook is read against.
struct Reader<'a> {
    questionnaire: &'a Questionnaire,
    lang: Lang,
    by_name: HashMap<&'a str, &'a Question>,
    repeats: HashMap<&'a str, &'a Group>,
}

impl Reader<'_> {
    /// The stored value of a cell, or why it is refused. A number cell is a number as it is;
    /// text is read by the workbook language's rules.
    fn value(&self, question: &Question, cell: Option<&Data>) -> Result<String, String> {
        let text = cell_text(cell);
        let value = match cell {
            // A date typed into a spreadsheet becomes a date cell: kept as year-month-day.
            Some(Data::DateTime(when)) if question.kind == Kind::Date => {
                let (year, month, day, ..) = when.to_ymd_hms_milli();
                format!("{year:04}-{month:02}-{day:02}")
            }
            Some(Data::DateTimeIso(when)) if question.kind == Kind::Date => {
                when.get(..10).unwrap_or(when).to_string()
            }
            Some(Data::Float(_) | Data::Int(_)) => text,
            _ => parse_cell(self.questionnaire, question, &text, self.lang)?,
        };
        match check_value(self.questionnaire, question, &value, &|_: &str| String::new(), self.lang) {
            Some((_, message)) => Err(message),
            None => Ok(value),
        }
    }
}

/// One sheet being read, its problems added to the workbook's.
struct SheetReader<'r, 'a> {
    reader: &'r Reader<'a>,
    sheet: &'r Sheet,
    errors: &'r mut Vec<Finding>,
}

impl SheetReader<'_, '_> {
    fn range(&self) -> &Range<Data> {
        &self.sheet.range
    }

    /// Where a cell is (row and column within the range, from 0), named by its column's header.
    fn place(&self, row: usize, col: usize, header: &str) -> Place {
        let start = self.range().start().unwrap_or((0, 0));
        Place {
            sheet: self.sheet.name.clone(),
            row: start.0 + row as u32 + 1,
            column: Some((column_letter(start.1 + col as u32), header.to_string())),
        }
    }

    fn refuse(&mut self, row: usize, col: usize, header: &str, message: String) {
        let place = self.place(row, col, header);
        self.errors.push(Finding { place, message });
    }

    /// The questions sheet: code in A, the answer in E.
    fn questions(&mut self) -> BTreeMap<String, String> {
        let lang = self.reader.lang;
        let mut values = BTreeMap::new();
        let sheet = self.sheet;
        for (i, row) in sheet.range.rows().enumerate().skip(1) {
            let code = cell_text(row.first());
            if code.is_empty() {
                continue;
            }
            let Some(question) = self.reader.by_name.get(code.as_str()) else {
                self.refuse(i, 0, "code", format!("unknown question code {code:?}"));
                continue;
            };
            if cell_text(row.get(4)).is_empty() {
                continue;
            }
            match self.reader.value(question, row.get(4)) {
                Ok(value) => {
                    values.insert(code, value);
                }
                Err(message) => self.refuse(i, 4, words(lang, "Answer", "Respuesta", "Réponse"), message),
            }
        }
        values
    }

    /// The entry ids of column A from row 3: `None` for a row without one (a new entry). An id
    /// outside 1..=MAX_ID is refused rather than allowed to wrap around.
    fn entry_ids(&mut self) -> Vec<Option<u64>> {
        let lang = self.reader.lang;
        let sheet = self.sheet;
        let mut ids = Vec::new();
        for (i, row) in sheet.range.rows().enumerate().skip(2) {
            let text = cell_text(row.first());
            let id = text.parse::<u64>().ok().filter(|id| (1..=EntryKey::MAX_ID).contains(id));
            if id.is_none() && !text.is_empty() {
                let runs = words(
                    lang,
                    "an entry number runs from 1 to",
                    "el número de una entrada va de 1 a",
                    "le numéro d'une entrée va de 1 à",
                );
                self.refuse(i, 0, "id", format!("{runs} {}", EntryKey::MAX_ID));
            }
            ids.push(id);
        }
        ids
    }

    /// A repeat group's sheet: field names in row 1, one entry per row from row 3. Rows without
    /// an id are new entries, numbered after the highest id given.
    fn entries(&mut self, group: &Group) -> Vec<(u64, Fields)> {
        let lang = self.reader.lang;
        let fallback = self.reader.questionnaire.default_language;
        let sheet = self.sheet;
        let fields: Vec<_> =
            group.questions_in_entry().into_iter().filter(|q| !q.kind.takes_file()).collect();
        let codes: Vec<String> = sheet
            .range
            .rows()
            .next()
            .map(|first| first.iter().skip(1).map(|c| cell_text(Some(c))).collect())
            .unwrap_or_default();
        let ids = self.entry_ids();
        for (j, code) in codes.iter().enumerate() {
            if !code.is_empty() && !fields.iter().any(|q| q.name.as_str() == code) {
                self.refuse(0, j + 1, code, format!("unknown field {code:?}"));
            }
        }
        let mut next_id = ids.iter().flatten().max().copied().unwrap_or(0) + 1;
        let mut entries = Vec::new();
        for ((i, row), given) in sheet.range.rows().enumerate().skip(2).zip(ids) {
            let mut values = BTreeMap::new();
            for (j, code) in codes.iter().enumerate() {
                let Some(question) = fields.iter().find(|q| q.name.as_str() == code) else { continue };
                if cell_text(row.get(j + 1)).is_empty() {
                    continue;
                }
                match self.reader.value(question, row.get(j + 1)) {
                    Ok(value) => {
                        values.insert(code.clone(), value);
                    }
                    Err(message) => self.refuse(i, j + 1, question.label.get(lang, fallback), message),
                }
            }
            if values.is_empty() {
                continue;
            }
            let id = given.unwrap_or_else(|| {
                next_id += 1;
                next_id - 1
            });
            entries.push((id, values));
        }
        entries
    }
}
