//! Reading XLSForm workbooks (`.xlsx`) made by anyone: the features smartcities
//! supports are imported; every feature it does not support is reported as a notice with its
//! sheet, row and column and left out; anything malformed is an error, and then nothing is
//! imported.

use std::{
    collections::{BTreeMap, HashMap},
    fmt,
};

use calamine::{Data, Range};
use smartcities_domain::Lang;

mod settings;
mod survey;

use settings::{Settings, non_answers_problem, read_settings};

use crate::{
    check::check_references,
    model::{ChoiceItem, Group, Item, OtherTexts, Questionnaire, Texts},
    workbook::{Limits, column_letter, read_workbook},
};

/// A place in a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The sheet's name.
    pub sheet: String,
    /// 1-based, as a spreadsheet shows it.
    pub row: u32,
    /// The column letter and its header, when the problem is in one cell.
    pub column: Option<(String, String)>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some((letter, header)) => {
                write!(f, "sheet {}, row {}, column {letter} ({header})", self.sheet, self.row)
            }
            None => write!(f, "sheet {}, row {}", self.sheet, self.row),
        }
    }
}

/// A problem or a notice at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where.
    pub place: Place,
    /// What, in the reader's language.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl Place {
    /// The place in `lang`: `hoja Cuestionario, fila 9, columna E (Respuesta)`.
    pub fn located(&self, lang: Lang) -> String {
        let (sheet, row, column) = match lang {
            Lang::En => ("sheet", "row", "column"),
            Lang::Es => ("hoja", "fila", "columna"),
            Lang::Fr => ("feuille", "ligne", "colonne"),
        };
        match &self.column {
            Some((letter, header)) => {
                format!("{sheet} {}, {row} {}, {column} {letter} ({header})", self.sheet, self.row)
            }
            None => format!("{sheet} {}, {row} {}", self.sheet, self.row),
        }
    }
}

impl Finding {
    /// The finding with its place in `lang` (the message is already in the reader's language).
    pub fn located(&self, lang: Lang) -> String {
        let separator = if lang == Lang::Fr { " : " } else { ": " };
        format!("{}{separator}{}", self.place.located(lang), self.message)
    }
}

/// A successful import: the questionnaire and what was left out.
#[derive(Debug)]
pub struct Imported {
    /// The questionnaire read.
    pub questionnaire: Questionnaire,
    /// What was left out, located.
    pub notices: Vec<Finding>,
}

/// A failed import: every error, and the notices found on the way.
#[derive(Debug)]
pub struct ImportError {
    /// What is wrong, located.
    pub errors: Vec<Finding>,
    /// What would have been left out, located.
    pub notices: Vec<Finding>,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// Recognises a language written in a column header: `English (en)`, `english`, `EN`, `Español (es)`.
fn parse_language(text: &str) -> Option<Lang> {
    let text = text.trim();
    if let (Some(open), Some(close)) = (text.rfind('('), text.rfind(')'))
        && open < close
    {
        return Lang::from_tag(&text[open + 1..close]);
    }
    match text.to_lowercase().as_str() {
        "en" | "english" | "inglés" | "anglais" => Some(Lang::En),
        "es" | "spanish" | "español" | "espanol" | "espagnol" => Some(Lang::Es),
        "fr" | "french" | "français" | "francais" | "francés" => Some(Lang::Fr),
        _ => None,
    }
}

/// What a header means: a base column and, for translatable ones, a language (`None` for the
/// untranslated column).
#[derive(Debug, Clone, PartialEq)]
struct Column {
    index: u32,
    base: String,
    language: Option<String>,
    header: String,
}

struct Sheet {
    name: String,
    range: Range<Data>,
    columns: Vec<Column>,
}

impl Sheet {
    fn new(name: String, range: Range<Data>) -> Sheet {
        let mut columns = Vec::new();
        if let Some(header) = range.rows().next() {
            for (i, cell) in header.iter().enumerate() {
                let text = cell_text(cell);
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                let (base, language) = match text.split_once("::").or_else(|| text.split_once(':')) {
                    Some((base, lang)) => (base, Some(lang.trim().to_string())),
                    None => (text, None),
                };
                let base = base.trim().to_lowercase().replace(' ', "_");
                let base = if base == "constraint_message" || base == "constraintmessage" {
                    "constraint_message".into()
                } else {
                    base
                };
                columns.push(Column { index: i as u32, base, language, header: text.to_string() });
            }
        }
        Sheet { name, range, columns }
    }

    /// The absolute spreadsheet row of a 0-based range row.
    fn row_number(&self, row: usize) -> u32 {
        self.range.start().map_or(0, |(r, _)| r) + row as u32 + 1
    }

    fn place(&self, row: usize, column: Option<&Column>) -> Place {
        let start_col = self.range.start().map_or(0, |(_, c)| c);
        Place {
            sheet: self.name.clone(),
            row: self.row_number(row),
            column: column.map(|c| (column_letter(start_col + c.index), c.header.clone())),
        }
    }

    fn cell(&self, row: &[Data], column: &Column) -> String {
        row.get(column.index as usize).map(cell_text).unwrap_or_default()
    }

    fn column(&self, base: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.base == base && c.language.is_none())
            .or_else(|| self.columns.iter().find(|c| c.base == base))
    }

    /// A translatable value: every recognised language column plus the plain one.
    fn texts(&self, row: &[Data], base: &str, default: Lang) -> Texts {
        let mut texts = Texts::default();
        for column in self.columns.iter().filter(|c| c.base == base) {
            let value = self.cell(row, column);
            if value.is_empty() {
                continue;
            }
            let lang = match &column.language {
                None => Some(default),
                Some(l) => parse_language(l),
            };
            if let Some(lang) = lang {
                texts.0.entry(lang).or_insert(value);
            }
        }
        texts
    }

    /// The row's label, hint and message texts in languages other than the study's three, by
    /// column header, to export them again.
    fn other_texts(&self, row: &[Data]) -> OtherTexts {
        self.columns
            .iter()
            .filter(|c| TRANSLATABLE.contains(&c.base.as_str()))
            .filter(|c| c.language.as_deref().is_some_and(|l| parse_language(l).is_none()))
            .filter_map(|c| {
                let value = self.cell(row, c);
                (!value.is_empty()).then(|| (c.header.clone(), value))
            })
            .collect()
    }
}

const SURVEY_COLUMNS: &[&str] = &[
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "constraint_message",
    "default",
    "appearance",
    "calculation",
    "choice_filter",
    "non_answers",
];
const TRANSLATABLE: &[&str] = &["label", "hint", "constraint_message"];

/// Question types that are valid XLSForm but not supported here.
const UNSUPPORTED_TYPES: &[&str] = &[
    "time",
    "datetime",
    "geopoint",
    "geotrace",
    "geoshape",
    "audio",
    "video",
    "barcode",
    "acknowledge",
    "range",
    "rank",
    "hidden",
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "trigger",
    "photo",
    "background-audio",
    "start-geopoint",
    "xml-external",
    "csv-external",
    "select_one_from_file",
    "select_multiple_from_file",
    "phonenumber",
    "imei",
    "note_hidden",
];

/// What a `type` cell asks for.
#[derive(Debug, PartialEq)]
enum RowType {
    Begin {
        repeat: bool,
        looped: bool,
    },
    End,
    Note,
    Calculate,
    Integer,
    Decimal,
    Text,
    Date,
    File,
    Image,
    Select {
        multiple: bool,
        list: String,
        or_other: bool,
    },
    /// Valid XLSForm that smartcities does not support.
    Unsupported,
    /// A section pulled in from another form file, which an upload of one workbook cannot
    /// bring (the reference converter refuses it too).
    Include,
    Unknown,
}

fn classify(normalized: &str) -> RowType {
    let words: Vec<&str> = normalized.split(' ').collect();
    match words.as_slice() {
        ["begin_group"] | ["begin", "group"] => RowType::Begin { repeat: false, looped: false },
        ["begin_repeat"] | ["begin", "repeat"] => RowType::Begin { repeat: true, looped: false },
        ["begin_loop", ..] | ["begin", "loop", ..] => RowType::Begin { repeat: false, looped: true },
        ["end_group"] | ["end_repeat"] | ["end_loop"] | ["end", "group" | "repeat" | "loop"] => RowType::End,
        ["note"] => RowType::Note,
        ["calculate"] => RowType::Calculate,
        ["integer"] | ["int"] => RowType::Integer,
        ["decimal"] => RowType::Decimal,
        ["text"] | ["string"] => RowType::Text,
        ["date"] => RowType::Date,
        ["file"] => RowType::File,
        ["image"] | ["photo"] => RowType::Image,
        _ => {
            // select_one L, select one L, select one from L, select all that apply [from] L,
            // select multiple [from] L, each optionally followed by `or_other` / `or specify other`.
            let (multiple, rest): (bool, &[&str]) = match words.as_slice() {
                ["select_one", rest @ ..] | ["select", "one", rest @ ..] => (false, rest),
                ["select_multiple", rest @ ..] | ["select", "multiple", rest @ ..] => (true, rest),
                ["select", "all", "that", "apply", rest @ ..] => (true, rest),
                [word, ..]
                    if UNSUPPORTED_TYPES.contains(word)
                        || word.starts_with("uri:")
                        || word.starts_with("select_") =>
                {
                    return RowType::Unsupported;
                }
                ["phone", "number"] | ["osm", ..] => return RowType::Unsupported,
                ["include", ..] => return RowType::Include,
                _ => return RowType::Unknown,
            };
            let rest = match rest {
                ["from", rest @ ..] => rest,
                rest => rest,
            };
            match rest {
                [list] => RowType::Select { multiple, list: list.to_string(), or_other: false },
                [list, "or_other"] | [list, "or", "specify", "other"] => {
                    RowType::Select { multiple, list: list.to_string(), or_other: true }
                }
                _ => RowType::Unknown,
            }
        }
    }
}

enum Frame {
    Group { group: Group, row: usize },
    Root(Vec<Item>),
}

/// Adds an item to the innermost open group (or the form itself).
fn push_item(stack: &mut [Frame], item: Item) {
    match stack.last_mut() {
        Some(Frame::Group { group, .. }) => group.items.push(item),
        Some(Frame::Root(items)) => items.push(item),
        None => unreachable!("the root frame stays"),
    }
}

/// An expression typed in a word processor or spreadsheet with curly quotes (`${a} != ’’`) as
/// written with straight ones, as the reference converter reads it.
fn typographic_quotes(expression: &str) -> String {
    expression.replace(['‘', '’'], "'").replace(['“', '”'], "\"")
}

/// What the reading found so far: errors (then nothing is imported) and notices (what is left
/// out).
#[derive(Default)]
struct Findings {
    errors: Vec<Finding>,
    notices: Vec<Finding>,
}

impl Findings {
    fn error(&mut self, place: Place, message: impl Into<String>) {
        self.errors.push(Finding { place, message: message.into() });
    }

    fn notice(&mut self, place: Place, message: impl Into<String>) {
        self.notices.push(Finding { place, message: message.into() });
    }

    fn fail(self) -> ImportError {
        ImportError { errors: self.errors, notices: self.notices }
    }
}

/// A place that is a whole sheet.
fn whole(sheet: &str) -> Place {
    Place { sheet: sheet.into(), row: 1, column: None }
}

/// Reads an XLSForm workbook (`.xlsx`) from its bytes, within `limits`: its sheets, then the
/// settings, the survey's columns, the choices and the survey's rows, each found problem with
/// its place.
pub fn read_xlsform(bytes: &[u8], limits: &Limits) -> Result<Imported, ImportError> {
    let mut found = Findings::default();
    let workbook = read_workbook(bytes, limits).map_err(|e| ImportError {
        errors: vec![Finding { place: whole("(workbook)"), message: e.message(Lang::En) }],
        notices: vec![],
    })?;
    let sheets = sheets_of(workbook, &mut found);
    let Some(survey) = sheets.get("survey") else {
        found.error(whole("survey"), "the workbook has no `survey` sheet");
        return Err(found.fail());
    };
    let settings = read_settings(sheets.get("settings"), &mut found);
    let Some((type_column, name_column)) = check_survey_columns(survey, &mut found) else {
        return Err(found.fail());
    };
    let lists = match sheets.get("choices") {
        Some(choices) => read_choices(choices, &settings, &mut found),
        None => BTreeMap::new(),
    };
    let reader =
        survey::SurveyReader::new(survey, type_column, name_column, &lists, settings.default_language);
    let read = reader.read(&mut found);
    let mut lists = lists;
    survey::add_other_choices(&mut lists, &read.or_other);
    let questionnaire = Questionnaire {
        form_id: settings.form_id,
        title: settings.title,
        default_language: settings.default_language,
        items: read.items,
        lists,
        non_answers: settings.non_answers,
    };
    check_questionnaire(&questionnaire, survey, &read.place_of, &read.left_out, &mut found);
    if found.errors.is_empty() {
        Ok(Imported { questionnaire, notices: found.notices })
    } else {
        Err(found.fail())
    }
}

/// The workbook's sheets smartcities reads, by their lower-case name; the others are noted and
/// ignored. A workbook of one sheet by another name has it read as the survey, as the reference
/// converter does.
fn sheets_of(workbook: Vec<crate::workbook::Sheet>, found: &mut Findings) -> HashMap<String, Sheet> {
    let mut sheets = HashMap::new();
    let only_sheet = workbook.len() == 1;
    for sheet in workbook {
        let mut key = sheet.name.trim().to_lowercase();
        if only_sheet && !matches!(key.as_str(), "survey" | "choices" | "settings") {
            found.notice(
                whole(&sheet.name),
                format!("the only sheet, {}, was read as the survey", sheet.name),
            );
            key = "survey".into();
        }
        match key.as_str() {
            "survey" | "choices" | "settings" => {
                sheets.insert(key, Sheet::new(sheet.name, sheet.range));
            }
            _ => found.notice(
                whole(&sheet.name),
                "this sheet is not part of the XLSForm features smartcities supports; it was ignored",
            ),
        }
    }
    sheets
}

/// The survey sheet's columns: unsupported ones and unknown languages are noted; the `type` and
/// `name` columns, which every row needs, are returned (`None` when one is missing).
fn check_survey_columns<'s>(survey: &'s Sheet, found: &mut Findings) -> Option<(&'s Column, &'s Column)> {
    for column in &survey.columns {
        let supported_base = SURVEY_COLUMNS.contains(&column.base.as_str());
        let translatable = TRANSLATABLE.contains(&column.base.as_str());
        if !supported_base {
            found.notice(
                survey.place(0, Some(column)),
                "this column is not supported; its values were ignored",
            );
        } else if let Some(lang) = &column.language
            && parse_language(lang).is_none()
        {
            let message = if translatable {
                format!(
                    "the language {lang:?} is not one of English, Spanish or French: its texts are kept and exported again, but not shown"
                )
            } else {
                format!(
                    "the language {lang:?} is not one of English, Spanish or French; this column was ignored"
                )
            };
            found.notice(survey.place(0, Some(column)), message);
        }
    }
    for required in ["type", "name"] {
        if survey.column(required).is_none() {
            found.error(survey.place(0, None), format!("the survey sheet has no `{required}` column"));
        }
    }
    Some((survey.column("type")?, survey.column("name")?))
}

/// The choices sheet's lists, by name, in the order their choices come; other columns (labels in
/// other languages, attributes for choice filters) are kept as they are.
fn read_choices(
    choices: &Sheet,
    settings: &Settings,
    found: &mut Findings,
) -> BTreeMap<String, Vec<ChoiceItem>> {
    let mut lists: BTreeMap<String, Vec<ChoiceItem>> = BTreeMap::new();
    let (Some(list_column), Some(name_column)) = (choices.column("list_name"), choices.column("name")) else {
        if choices.columns.is_empty() {
            found.notice(choices.place(0, None), "the choices sheet is empty");
        } else {
            found.error(choices.place(0, None), "the choices sheet needs `list_name` and `name` columns");
        }
        return lists;
    };
    let kept: Vec<&Column> = choices
        .columns
        .iter()
        .filter(|c| {
            let known = matches!(c.base.as_str(), "list_name" | "name")
                || (c.base == "label" && c.language.as_deref().is_none_or(|l| parse_language(l).is_some()));
            !known
        })
        .collect();
    for (i, row) in choices.range.rows().enumerate().skip(1) {
        let list = choices.cell(row, list_column);
        let code = choices.cell(row, name_column);
        if list.is_empty() && code.is_empty() {
            continue;
        }
        if code.is_empty() {
            found.error(choices.place(i, Some(name_column)), "this choice has no name");
            continue;
        }
        if let Some(reserved) = crate::non_answer::NonAnswer::of_kept(&code) {
            let message =
                format!("the choice name {code:?} is kept for the non-answer {reserved}; rename the choice");
            found.error(choices.place(i, Some(name_column)), message);
            continue;
        }
        let items = lists.entry(list.clone()).or_default();
        if items.iter().any(|c| c.name == code) {
            let place = choices.place(i, Some(name_column));
            if settings.allow_choice_duplicates {
                found.notice(
                    place,
                    format!("the choice {code:?} appears twice in the list {list:?}; only the first is kept"),
                );
            } else {
                found.error(place, format!("the choice {code:?} appears twice in the list {list:?}"));
            }
            continue;
        }
        let columns = kept
            .iter()
            .filter_map(|c| {
                let value = choices.cell(row, c);
                (!value.is_empty()).then(|| (c.header.clone(), value))
            })
            .collect();
        items.push(ChoiceItem {
            name: code,
            label: choices.texts(row, "label", settings.default_language),
            columns,
        });
    }
    lists
}

/// The questionnaire as a whole: a survey that asks nothing is noted; every reference between
/// fields is checked, and one to a field left out (a calculation that cannot be evaluated here)
/// counts as unanswered rather than wrong.
fn check_questionnaire(
    questionnaire: &Questionnaire,
    survey: &Sheet,
    place_of: &HashMap<String, Place>,
    left_out: &std::collections::HashSet<String>,
    found: &mut Findings,
) {
    fn any_question(items: &[Item]) -> bool {
        items.iter().any(|i| match i {
            Item::Question(_) => true,
            Item::Group(g) => any_question(&g.items),
            _ => false,
        })
    }
    if !any_question(&questionnaire.items) && found.errors.is_empty() {
        found.notice(
            survey.place(0, None),
            "the survey has no question smartcities can ask; the questionnaire is empty",
        );
    }
    for (name, message) in check_references(questionnaire) {
        if message.contains("more than once") {
            continue; // already reported with its row
        }
        let place = place_of.get(&name).cloned().unwrap_or_else(|| survey.place(0, None));
        if left_out.iter().any(|gone| message.contains(&format!("${{{gone}}}"))) {
            found.notice(place, format!("{message}: it was left out, so it counts as unanswered"));
        } else {
            found.error(place, message);
        }
    }
}

/// A cell as XLSForm's reference converter reads it: booleans as `TRUE` and `FALSE` (as a
/// spreadsheet shows them, whether typed or given by a formula), everything else as written.
fn cell_text(data: &Data) -> String {
    match data {
        Data::Bool(true) => "TRUE".to_string(),
        Data::Bool(false) => "FALSE".to_string(),
        other => other.to_string().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27 * 26), "AAA");
    }

    #[test]
    fn languages_are_read_from_headers() {
        assert_eq!(parse_language("English (en)"), Some(Lang::En));
        assert_eq!(parse_language("Español (es)"), Some(Lang::Es));
        assert_eq!(parse_language("french"), Some(Lang::Fr));
        assert_eq!(parse_language("EN"), Some(Lang::En));
        assert_eq!(parse_language("chinese"), None);
    }
}
