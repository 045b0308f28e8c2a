//! The offline questionnaire: a workbook a city downloads, fills in Excel or LibreOffice, and
//! uploads again. One sheet lists the questions with an Answer column (drop-downs for choices,
//! ranges for numbers, previous answers filled in); each repeat group has a sheet of its own
//! with one row per entry. Reading it back reports every problem by sheet, row and column with
//! the question's label, and yields the whole response the workbook holds.

use std::collections::{BTreeMap, HashMap};

use calamine::Data;
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Formula, Workbook, XlsxError};
use smartcities_domain::{Lang, Revision};

use crate::{
    expr::{Expr, Op},
    model::{AnswerKey, EntryKey, FieldName, Group, Item, Kind, Question, Questionnaire},
    validate::check_value,
    workbook::column_letter,
    workbook::{Limits, read_workbook},
    xlsform_read::{Finding, Place},
};

/// Which response a workbook is for; written into it and checked on upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookFor {
    /// The edition's year.
    pub edition: u16,
    /// The city's id.
    pub city_id: String,
    /// The city's name, shown in the workbook.
    pub city_name: String,
    /// The response's revision when the workbook was made: the upload is based on it.
    pub revision: Revision,
    /// The workbook's language.
    pub lang: Lang,
}

/// The answers of one repeat entry, by question name.
pub type Fields = BTreeMap<String, String>;

/// A city's answers as the workbook shows them: plain values, and repeat entries with their ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// Answers to ordinary questions, by question name.
    pub values: BTreeMap<String, String>,
    /// Entries of each repeat group, by group name: (entry id, its answers).
    pub entries: BTreeMap<String, Vec<(u64, Fields)>>,
}

impl Answers {
    /// Answers from (question, entry, value) triples.
    pub fn from_entries<'a>(
        triples: impl IntoIterator<Item = (&'a str, Option<&'a EntryKey>, &'a str)>,
    ) -> Answers {
        let mut answers = Answers::default();
        let mut entries: BTreeMap<String, BTreeMap<u64, Fields>> = BTreeMap::new();
        for (question, entry, value) in triples {
            match entry {
                Some(key) => {
                    entries
                        .entry(key.group.to_string())
                        .or_default()
                        .entry(key.id)
                        .or_default()
                        .insert(question.into(), value.into());
                }
                None => {
                    answers.values.insert(question.into(), value.into());
                }
            }
        }
        answers.entries = entries.into_iter().map(|(g, by_id)| (g, by_id.into_iter().collect())).collect();
        answers
    }

    /// Every answer by where it is kept. An entry's group name that is not a field name (a
    /// workbook's, checked when read) is left out.
    pub fn flatten(&self) -> BTreeMap<AnswerKey, String> {
        let mut out = BTreeMap::new();
        for (question, value) in &self.values {
            out.insert(AnswerKey { question: question.clone(), entry: None }, value.clone());
        }
        for (group, entries) in &self.entries {
            let Ok(group) = FieldName::parse(group) else { continue };
            for (id, fields) in entries {
                for (question, value) in fields {
                    let entry = Some(EntryKey { group: group.clone(), id: *id });
                    out.insert(AnswerKey { question: question.clone(), entry }, value.clone());
                }
            }
        }
        out
    }
}

fn words(lang: Lang, en: &'static str, es: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Es => es,
        Lang::Fr => fr,
    }
}

const META: [&str; 4] =
    ["smartcities:edition", "smartcities:city", "smartcities:revision", "smartcities:language"];

/// Lower and upper bounds a constraint such as `. >= 0 and . <= 100` puts on a number.
fn bounds(expr: &Expr) -> (Option<f64>, Option<f64>) {
    match expr {
        Expr::Binary(left, Op::And, right) => {
            let (a, b) = bounds(left);
            let (c, d) = bounds(right);
            (a.or(c), b.or(d))
        }
        Expr::Binary(left, op, right) if **left == Expr::Current => match (op, right.as_ref()) {
            (Op::Ge, Expr::Number(n)) => (Some(*n), None),
            (Op::Le, Expr::Number(n)) => (None, Some(*n)),
            _ => (None, None),
        },
        _ => (None, None),
    }
}

fn sheet_name(text: &str) -> String {
    // Excel limits sheet names to 31 characters and forbids a few.
    text.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

fn choice_label(questionnaire: &Questionnaire, question: &Question, code: &str, lang: Lang) -> String {
    questionnaire
        .choices(question)
        .iter()
        .find(|c| c.name == code)
        .map_or_else(|| code.to_string(), |c| c.label.get(lang, questionnaire.default_language).to_string())
}

/// How a stored value is shown in the workbook: choices by their labels.
fn display(questionnaire: &Questionnaire, question: &Question, value: &str, lang: Lang) -> String {
    match question.kind {
        Kind::SelectMultiple { .. } => value
            .split_whitespace()
            .map(|code| choice_label(questionnaire, question, code, lang))
            .collect::<Vec<_>>()
            .join("; "),
        Kind::YesNo | Kind::Ordinal { .. } | Kind::SelectOne { .. } => {
            choice_label(questionnaire, question, value, lang)
        }
        _ => value.to_string(),
    }
}

/// The stored value for what a respondent typed: choices by label or code, in any language.
fn parse_cell(questionnaire: &Questionnaire, question: &Question, text: &str) -> String {
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

struct ListRange {
    column: u16,
    len: usize,
}

/// Writes the workbook for one city's response.
pub fn write_answer_workbook(
    questionnaire: &Questionnaire,
    answers: &Answers,
    target: &WorkbookFor,
) -> Result<Vec<u8>, XlsxError> {
    let lang = target.lang;
    let fallback = questionnaire.default_language;
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let code_format = Format::new().set_font_color("#6b7280").set_font_size(9);
    let answer_format = Format::new()
        .set_background_color("#fff7d6")
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_text_wrap();

    // Instructions.
    let instructions =
        workbook.add_worksheet().set_name(words(lang, "Instructions", "Instrucciones", "Instructions"))?;
    instructions.set_column_width(0, 24)?;
    instructions.set_column_width(1, 90)?;
    instructions.write_string_with_format(0, 0, questionnaire.title.get(lang, fallback), &bold)?;
    let lines = [
        words(lang, "City", "Ciudad", "Ville"),
        words(
            lang,
            "Answer in the yellow Answer column of the Questionnaire sheet. Choose options from the drop-down lists; for several choices, separate them with semicolons (;). Leave a figure blank when it is not available.",
            "Responda en la columna amarilla Respuesta de la hoja Cuestionario. Elija las opciones en las listas desplegables; si son varias, sepárelas con punto y coma (;). Deje en blanco una cifra que no esté disponible.",
            "Répondez dans la colonne jaune Réponse de la feuille Questionnaire. Choisissez les options dans les listes déroulantes ; pour plusieurs choix, séparez-les par des points-virgules (;). Laissez vide un chiffre qui n'est pas disponible.",
        ),
        words(
            lang,
            "Good practices and barriers and enablers have their own sheets: one row per entry. Add rows at the end; delete a row to remove an entry.",
            "Las buenas prácticas y las barreras y facilitadores tienen hojas propias: una fila por entrada. Añada filas al final; borre una fila para eliminar una entrada.",
            "Les bonnes pratiques et les freins et leviers ont leurs propres feuilles : une ligne par entrée. Ajoutez des lignes à la fin ; supprimez une ligne pour retirer une entrée.",
        ),
        words(
            lang,
            "Upload the file on the questionnaire page when you are done. If anything is wrong, nothing is saved and each problem is listed with its sheet, row and column.",
            "Suba el archivo en la página del cuestionario cuando termine. Si hay algún error, no se guarda nada y cada problema se indica con su hoja, fila y columna.",
            "Téléversez le fichier sur la page du questionnaire lorsque vous avez terminé. En cas d'erreur, rien n'est enregistré et chaque problème est indiqué avec sa feuille, sa ligne et sa colonne.",
        ),
    ];
    instructions.write_string_with_format(2, 0, lines[0], &bold)?;
    instructions.write_string(2, 1, &target.city_name)?;
    for (i, line) in lines[1..].iter().enumerate() {
        instructions.write_string_with_format(4 + i as u32, 1, *line, &wrap)?;
    }
    let meta_values = [
        target.edition.to_string(),
        target.city_id.clone(),
        target.revision.to_string(),
        lang.code().to_string(),
    ];
    for (i, (key, value)) in META.iter().zip(meta_values).enumerate() {
        instructions.write_string_with_format(20 + i as u32, 0, *key, &code_format)?;
        instructions.write_string_with_format(20 + i as u32, 1, value, &code_format)?;
    }

    // Choice lists on a hidden sheet, one column per list, for the drop-downs.
    let mut ranges: HashMap<String, ListRange> = HashMap::new();
    {
        let lists = workbook.add_worksheet().set_name("Lists")?;
        for (column, (name, items)) in questionnaire.lists.iter().enumerate() {
            let column = column as u16;
            lists.write_string(0, column, name)?;
            for (row, item) in items.iter().enumerate() {
                lists.write_string(row as u32 + 1, column, item.label.get(lang, fallback))?;
            }
            ranges.insert(name.clone(), ListRange { column, len: items.len() });
        }
        lists.set_hidden(true);
    }
    let list_validation = |question: &Question| -> Option<DataValidation> {
        let list = question.kind.list()?;
        if matches!(question.kind, Kind::SelectMultiple { .. }) {
            return None;
        }
        let range = ranges.get(list)?;
        let letter = column_letter(u32::from(range.column));
        Some(
            DataValidation::new()
                .allow_list_formula(Formula::new(format!("=Lists!${letter}$2:${letter}${}", range.len + 1))),
        )
    };
    let number_validation = |question: &Question| -> Option<DataValidation> {
        let (low, high) = question.constraint.as_ref().map_or((None, None), |c| bounds(&c.expr));
        match question.kind {
            Kind::Integer => {
                let rule = match (low, high) {
                    (Some(a), Some(b)) => DataValidationRule::Between(a as i32, b as i32),
                    (Some(a), None) => DataValidationRule::GreaterThanOrEqualTo(a as i32),
                    (None, Some(b)) => DataValidationRule::LessThanOrEqualTo(b as i32),
                    (None, None) => DataValidationRule::Between(i32::MIN, i32::MAX),
                };
                Some(DataValidation::new().allow_whole_number(rule))
            }
            Kind::Decimal => {
                let rule = match (low, high) {
                    (Some(a), Some(b)) => DataValidationRule::Between(a, b),
                    (Some(a), None) => DataValidationRule::GreaterThanOrEqualTo(a),
                    (None, Some(b)) => DataValidationRule::LessThanOrEqualTo(b),
                    (None, None) => DataValidationRule::Between(-1e300, 1e300),
                };
                Some(DataValidation::new().allow_decimal_number(rule))
            }
            _ => None,
        }
    };
    let write_value = |sheet: &mut rust_xlsxwriter::Worksheet,
                       row: u32,
                       col: u16,
                       question: &Question,
                       value: &str|
     -> Result<(), XlsxError> {
        let shown = display(questionnaire, question, value, lang);
        let numeric = matches!(question.kind, Kind::Integer | Kind::Decimal);
        match shown.parse::<f64>() {
            Ok(n) if numeric => sheet.write_number_with_format(row, col, n, &answer_format)?,
            _ if shown.is_empty() => sheet.write_blank(row, col, &answer_format)?,
            _ => sheet.write_string_with_format(row, col, shown, &answer_format)?,
        };
        Ok(())
    };

    // The questions.
    let answer_header = words(lang, "Answer", "Respuesta", "Réponse");
    {
        let sheet = workbook.add_worksheet().set_name(words(
            lang,
            "Questionnaire",
            "Cuestionario",
            "Questionnaire",
        ))?;
        let headers = [
            "code",
            words(lang, "Section", "Sección", "Section"),
            words(lang, "Question", "Pregunta", "Question"),
            words(lang, "Help", "Ayuda", "Aide"),
            answer_header,
            words(lang, "Options", "Opciones", "Options"),
        ];
        for (col, title) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *title, &bold)?;
        }
        for (col, width) in [14.0, 28.0, 60.0, 30.0, 30.0, 50.0].iter().enumerate() {
            sheet.set_column_width(col as u16, *width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let mut row = 1;
        for located in questionnaire.questions() {
            if located.repeat().is_some() {
                continue;
            }
            let question = located.question;
            let section: Vec<&str> = located.groups.iter().map(|g| g.label.get(lang, fallback)).collect();
            sheet.write_string_with_format(row, 0, question.name.as_str(), &code_format)?;
            sheet.write_string_with_format(row, 1, section.join(" › "), &wrap)?;
            sheet.write_string_with_format(row, 2, question.label.get(lang, fallback), &wrap)?;
            sheet.write_string_with_format(row, 3, question.hint.get(lang, fallback), &wrap)?;
            let value = answers.values.get(question.name.as_str()).map_or("", String::as_str);
            write_value(sheet, row, 4, question, value)?;
            let options: Vec<&str> =
                questionnaire.choices(question).iter().map(|c| c.label.get(lang, fallback)).collect();
            if !options.is_empty() {
                sheet.write_string_with_format(row, 5, options.join("; "), &wrap)?;
            }
            if let Some(validation) = list_validation(question).or_else(|| number_validation(question)) {
                sheet.add_data_validation(row, 4, row, 4, &validation)?;
            }
            row += 1;
        }
    }

    // One sheet per repeat group.
    for group in repeat_groups(&questionnaire.items) {
        let sheet = workbook.add_worksheet().set_name(sheet_name(group.label.get(lang, fallback)))?;
        let fields = group.questions_in_entry();
        sheet.write_string_with_format(0, 0, group.name.as_str(), &code_format)?;
        sheet.write_string_with_format(1, 0, "id", &bold)?;
        sheet.set_column_width(0, 6)?;
        for (i, field) in fields.iter().enumerate() {
            let col = i as u16 + 1;
            sheet.write_string_with_format(0, col, field.name.as_str(), &code_format)?;
            sheet.write_string_with_format(1, col, field.label.get(lang, fallback), &bold)?;
            sheet.set_column_width(col, 32)?;
            // Drop-downs and ranges for the existing rows and a hundred more.
            let validation = list_validation(field).or_else(|| number_validation(field));
            if let Some(validation) = validation {
                sheet.add_data_validation(2, col, 102, col, &validation)?;
            }
        }
        sheet.set_freeze_panes(2, 1)?;
        let entries = answers.entries.get(group.name.as_str()).map_or(&[][..], Vec::as_slice);
        for (r, (id, values)) in entries.iter().enumerate() {
            let row = r as u32 + 2;
            sheet.write_number(row, 0, *id as f64)?;
            for (i, field) in fields.iter().enumerate() {
                let value = values.get(field.name.as_str()).map_or("", String::as_str);
                write_value(sheet, row, i as u16 + 1, field, value)?;
            }
        }
    }
    workbook.save_to_buffer()
}

fn repeat_groups(items: &[Item]) -> Vec<&Group> {
    let mut out = Vec::new();
    for item in items {
        if let Item::Group(group) = item {
            if group.repeat {
                out.push(group);
            } else {
                out.extend(repeat_groups(&group.items));
            }
        }
    }
    out
}

fn cell_text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
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

/// Reads an uploaded workbook for `expected` (edition and city must match) within `limits`.
/// Every problem is returned at once; answers of questions that are not relevant are kept as given.
pub fn read_answer_workbook(
    questionnaire: &Questionnaire,
    bytes: &[u8],
    expected: &WorkbookFor,
    limits: &Limits,
) -> Result<Uploaded, Vec<Finding>> {
    let lang = expected.lang;
    let fallback = questionnaire.default_language;
    let whole = |sheet: &str, message: String| Finding {
        place: Place { sheet: sheet.into(), row: 1, column: None },
        message,
    };
    let sheets = read_workbook(bytes, limits).map_err(|e| vec![whole("(workbook)", e.message(lang))])?;
    let mut errors = Vec::new();

    // Which response the file is for.
    let mut meta: HashMap<String, String> = HashMap::new();
    for sheet in &sheets {
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
        return Err(vec![whole(
            "(workbook)",
            words(
                lang,
                "this is not a smartcities questionnaire workbook: download the template and fill that one in",
                "no es un libro de cuestionario de smartcities: descargue la plantilla y rellénela",
                "ce n'est pas un classeur de questionnaire smartcities : téléchargez le modèle et remplissez-le",
            )
            .to_string(),
        )]);
    };
    if *edition != expected.edition.to_string() || *city != expected.city_id {
        return Err(vec![whole(
            "(workbook)",
            format!(
                "{} ({city}, {edition})",
                words(
                    lang,
                    "this workbook is for another city or edition",
                    "este libro es de otra ciudad o edición",
                    "ce classeur concerne une autre ville ou édition"
                )
            ),
        )]);
    }

    let mut answers = Answers::default();
    let empty_lookup = |_: &str| String::new();
    let by_name: HashMap<&str, &Question> =
        questionnaire.questions().into_iter().map(|l| (l.question.name.as_str(), l.question)).collect();
    let repeats: HashMap<&str, &Group> =
        repeat_groups(&questionnaire.items).into_iter().map(|g| (g.name.as_str(), g)).collect();

    for sheet in &sheets {
        let (sheet_name, range) = (&sheet.name, &sheet.range);
        let start_row = range.start().map_or(0, |(r, _)| r);
        let start_col = range.start().map_or(0, |(_, c)| c);
        let place = |row: usize, col: usize, header: &str| Place {
            sheet: sheet_name.clone(),
            row: start_row + row as u32 + 1,
            column: Some((column_letter(start_col + col as u32), header.to_string())),
        };
        let mut rows = range.rows();
        let Some(first) = rows.next() else { continue };
        let first_cell = cell_text(first.first());
        if first_cell == "code" {
            // The questions sheet: code in A, the answer in E.
            for (i, row) in range.rows().enumerate().skip(1) {
                let code = cell_text(row.first());
                if code.is_empty() {
                    continue;
                }
                let Some(question) = by_name.get(code.as_str()) else {
                    errors.push(Finding {
                        place: place(i, 0, "code"),
                        message: format!("unknown question code {code:?}"),
                    });
                    continue;
                };
                let text = cell_text(row.get(4));
                if text.is_empty() {
                    continue;
                }
                let value = parse_cell(questionnaire, question, &text);
                if let Some((_, message)) = check_value(questionnaire, question, &value, &empty_lookup, lang)
                {
                    errors.push(Finding {
                        place: place(i, 4, words(lang, "Answer", "Respuesta", "Réponse")),
                        message,
                    });
                } else {
                    answers.values.insert(code, value);
                }
            }
        } else if let Some(group) = repeats.get(first_cell.as_str()) {
            let codes: Vec<String> = first.iter().skip(1).map(|c| cell_text(Some(c))).collect();
            // Rows without an id are new entries, numbered after the highest id given. An id
            // outside 1..=MAX_ID is refused rather than allowed to wrap around.
            let mut ids: Vec<Option<u64>> = Vec::new();
            for (i, row) in range.rows().enumerate().skip(2) {
                let text = cell_text(row.first());
                if text.is_empty() {
                    ids.push(None);
                    continue;
                }
                match text.parse::<u64>().ok().filter(|id| (1..=EntryKey::MAX_ID).contains(id)) {
                    Some(id) => ids.push(Some(id)),
                    None => {
                        errors.push(Finding {
                            place: place(i, 0, "id"),
                            message: format!(
                                "{} {}",
                                words(
                                    lang,
                                    "an entry number runs from 1 to",
                                    "el número de una entrada va de 1 a",
                                    "le numéro d'une entrée va de 1 à"
                                ),
                                EntryKey::MAX_ID
                            ),
                        });
                        ids.push(None);
                    }
                }
            }
            for (j, code) in codes.iter().enumerate() {
                if !code.is_empty() && !group.questions_in_entry().iter().any(|q| q.name.as_str() == code) {
                    errors.push(Finding {
                        place: place(0, j + 1, code),
                        message: format!("unknown field {code:?}"),
                    });
                }
            }
            let mut next_id = ids.iter().flatten().max().copied().unwrap_or(0) + 1;
            let mut entries = Vec::new();
            for ((i, row), given) in range.rows().enumerate().skip(2).zip(ids) {
                let mut values = BTreeMap::new();
                for (j, code) in codes.iter().enumerate() {
                    let Some(question) =
                        group.questions_in_entry().into_iter().find(|q| q.name.as_str() == code)
                    else {
                        continue;
                    };
                    let text = cell_text(row.get(j + 1));
                    if text.is_empty() {
                        continue;
                    }
                    let value = parse_cell(questionnaire, question, &text);
                    match check_value(questionnaire, question, &value, &empty_lookup, lang) {
                        Some((_, message)) => errors.push(Finding {
                            place: place(i, j + 1, question.label.get(lang, fallback)),
                            message,
                        }),
                        None => {
                            values.insert(code.clone(), value);
                        }
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
            answers.entries.insert(group.name.to_string(), entries);
        }
    }
    if errors.is_empty() { Ok(Uploaded { answers, base_revision: revision }) } else { Err(errors) }
}
