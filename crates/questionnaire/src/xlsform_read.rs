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

use crate::{
    check::check_references,
    model::{
        Calculation, ChoiceItem, Condition, FieldName, Group, Item, Kind, Note, OtherTexts, Question,
        Questionnaire, Texts, YES_NO,
    },
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
                let text = cell.to_string();
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
        row.get(column.index as usize).map(|d| d.to_string().trim().to_string()).unwrap_or_default()
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
];
const TRANSLATABLE: &[&str] = &["label", "hint", "constraint_message"];

/// Question types that are valid XLSForm but not supported here.
const UNSUPPORTED_TYPES: &[&str] = &[
    "date",
    "time",
    "datetime",
    "geopoint",
    "geotrace",
    "geoshape",
    "image",
    "audio",
    "video",
    "file",
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

/// Reads an XLSForm workbook (`.xlsx`) from its bytes, within `limits`.
pub fn read_xlsform(bytes: &[u8], limits: &Limits) -> Result<Imported, ImportError> {
    let mut errors: Vec<Finding> = Vec::new();
    let mut notices: Vec<Finding> = Vec::new();
    let whole = |sheet: &str, message: String| Finding {
        place: Place { sheet: sheet.into(), row: 1, column: None },
        message,
    };

    let workbook = read_workbook(bytes, limits).map_err(|e| ImportError {
        errors: vec![whole("(workbook)", e.message(Lang::En))],
        notices: vec![],
    })?;
    let mut sheets: HashMap<String, Sheet> = HashMap::new();
    let only_sheet = workbook.len() == 1;
    for sheet in workbook {
        let mut key = sheet.name.trim().to_lowercase();
        // One sheet by another name is the survey, as the reference converter reads it.
        if only_sheet && !matches!(key.as_str(), "survey" | "choices" | "settings") {
            notices
                .push(whole(&sheet.name, format!("the only sheet, {}, was read as the survey", sheet.name)));
            key = "survey".into();
        }
        match key.as_str() {
            "survey" | "choices" | "settings" => {
                sheets.insert(key, Sheet::new(sheet.name, sheet.range));
            }
            _ => notices.push(whole(
                &sheet.name,
                "this sheet is not part of the XLSForm features smartcities supports; it was ignored".into(),
            )),
        }
    }
    let Some(survey) = sheets.get("survey") else {
        errors.push(whole("survey", "the workbook has no `survey` sheet".into()));
        return Err(ImportError { errors, notices });
    };

    // Settings.
    let mut default_language = Lang::En;
    let mut form_id = String::from("imported_form");
    let mut title = Texts::default();
    let mut allow_choice_duplicates = false;
    if let Some(settings) = sheets.get("settings")
        && let Some(row) = settings.range.rows().nth(1)
    {
        for column in &settings.columns {
            let value = settings.cell(row, column);
            match column.base.as_str() {
                "default_language" if !value.is_empty() => match parse_language(&value) {
                    Some(lang) => default_language = lang,
                    None => notices.push(Finding {
                        place: settings.place(1, Some(column)),
                        message: format!("the default language {value:?} is not one of English, Spanish or French; English is used"),
                    }),
                },
                "form_id" if !value.is_empty() => form_id = value,
                "allow_choice_duplicates" => {
                    allow_choice_duplicates = matches!(value.to_lowercase().as_str(), "yes" | "true" | "true()");
                }
                "form_title" | "form_id" | "default_language" | "version" => {}
                _ => {
                    if !value.is_empty() {
                        notices.push(Finding { place: settings.place(1, Some(column)), message: "this setting is not supported; it was ignored".into() });
                    }
                }
            }
        }
        if let Some(column) = settings.column("form_title") {
            let value = settings.cell(row, column);
            if !value.is_empty() {
                title.0.insert(default_language, value);
            }
        }
    }
    if title.is_empty() {
        title.0.insert(default_language, form_id.clone());
    }

    // Columns of the survey sheet.
    for column in &survey.columns {
        let supported_base = SURVEY_COLUMNS.contains(&column.base.as_str());
        let translatable = TRANSLATABLE.contains(&column.base.as_str());
        if !supported_base {
            notices.push(Finding {
                place: survey.place(0, Some(column)),
                message: "this column is not supported; its values were ignored".into(),
            });
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
            notices.push(Finding { place: survey.place(0, Some(column)), message });
        }
    }
    for required in ["type", "name"] {
        if survey.column(required).is_none() {
            errors.push(Finding {
                place: survey.place(0, None),
                message: format!("the survey sheet has no `{required}` column"),
            });
        }
    }
    if !errors.is_empty() {
        return Err(ImportError { errors, notices });
    }
    let type_column = survey.column("type").expect("checked above");
    let name_column = survey.column("name").expect("checked above");

    // Choices.
    let mut lists: BTreeMap<String, Vec<ChoiceItem>> = BTreeMap::new();
    if let Some(choices) = sheets.get("choices") {
        let list_column = choices.column("list_name");
        let name = choices.column("name");
        match (list_column, name) {
            (Some(list_column), Some(name_col)) => {
                // Other columns (labels in other languages, attributes for choice filters) are
                // kept as they are.
                let kept: Vec<&Column> = choices
                    .columns
                    .iter()
                    .filter(|c| {
                        let known = matches!(c.base.as_str(), "list_name" | "name")
                            || (c.base == "label"
                                && c.language.as_deref().is_none_or(|l| parse_language(l).is_some()));
                        !known
                    })
                    .collect();
                for (i, row) in choices.range.rows().enumerate().skip(1) {
                    let list = choices.cell(row, list_column);
                    let code = choices.cell(row, name_col);
                    if list.is_empty() && code.is_empty() {
                        continue;
                    }
                    if code.is_empty() {
                        errors.push(Finding {
                            place: choices.place(i, Some(name_col)),
                            message: "this choice has no name".into(),
                        });
                        continue;
                    }
                    let items = lists.entry(list.clone()).or_default();
                    if items.iter().any(|c| c.name == code) {
                        let place = choices.place(i, Some(name_col));
                        if allow_choice_duplicates {
                            notices.push(Finding { place, message: format!("the choice {code:?} appears twice in the list {list:?}; only the first is kept") });
                        } else {
                            errors.push(Finding {
                                place,
                                message: format!("the choice {code:?} appears twice in the list {list:?}"),
                            });
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
                        label: choices.texts(row, "label", default_language),
                        columns,
                    });
                }
            }
            _ if choices.columns.is_empty() => notices.push(Finding {
                place: choices.place(0, None),
                message: "the choices sheet is empty".into(),
            }),
            _ => errors.push(Finding {
                place: choices.place(0, None),
                message: "the choices sheet needs `list_name` and `name` columns".into(),
            }),
        }
    }

    // Survey rows.
    let mut stack = vec![Frame::Root(Vec::new())];
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut place_of: HashMap<String, Place> = HashMap::new();
    let mut left_out: std::collections::HashSet<String> = std::collections::HashSet::new();
    let column_of = |base: &str| survey.columns.iter().find(|c| c.base == base);
    for (i, row) in survey.range.rows().enumerate().skip(1) {
        let raw_type = survey.cell(row, type_column);
        let name_text = survey.cell(row, name_column);
        if raw_type.is_empty() {
            if !name_text.is_empty() {
                errors.push(Finding {
                    place: survey.place(i, Some(type_column)),
                    message: format!("{name_text:?} has no type"),
                });
            }
            continue;
        }
        let normalized = raw_type.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
        let type_place = survey.place(i, Some(type_column));
        let condition =
            |base: &str, errors: &mut Vec<Finding>, notices: &mut Vec<Finding>| -> Option<Condition> {
                let column = column_of(base)?;
                let source = typographic_quotes(&survey.cell(row, column));
                if source.is_empty() {
                    return None;
                }
                match Condition::parse(&source) {
                    Ok(c) => Some(c),
                    Err(e) if e.unsupported => {
                        notices.push(Finding {
                            place: survey.place(i, Some(column)),
                            message: format!("{}; this {base} condition was left out", e.message),
                        });
                        None
                    }
                    Err(e) => {
                        errors.push(Finding {
                            place: survey.place(i, Some(column)),
                            message: format!("the expression {source:?} cannot be read: {e}"),
                        });
                        None
                    }
                }
            };
        let field_name = |errors: &mut Vec<Finding>| -> Option<FieldName> {
            if name_text.is_empty() {
                errors.push(Finding {
                    place: survey.place(i, Some(name_column)),
                    message: format!("this {raw_type} row has no name"),
                });
                return None;
            }
            match FieldName::parse(&name_text) {
                Ok(n) => Some(n),
                Err(e) => {
                    errors.push(Finding { place: survey.place(i, Some(name_column)), message: e });
                    None
                }
            }
        };
        let mut register = |name: &FieldName, errors: &mut Vec<Finding>| {
            let row_number = survey.row_number(i);
            if let Some(first) = seen.insert(name.to_string(), row_number) {
                errors.push(Finding {
                    place: survey.place(i, Some(name_column)),
                    message: format!("the name {name} is already used on row {first}"),
                });
            }
            place_of.insert(name.to_string(), survey.place(i, Some(name_column)));
        };
        let kind = match classify(&normalized) {
            RowType::Begin { repeat, looped } => {
                if looped {
                    notices.push(Finding {
                        place: type_place.clone(),
                        message:
                            "loops are not supported; the loop's questions were imported once, as a group"
                                .into(),
                    });
                }
                let Some(name) = field_name(&mut errors) else { continue };
                register(&name, &mut errors);
                let relevant = condition("relevant", &mut errors, &mut notices);
                let label = survey.texts(row, "label", default_language);
                let other_texts = survey.other_texts(row);
                stack.push(Frame::Group {
                    group: Group { name, label, repeat, relevant, items: Vec::new(), other_texts },
                    row: i,
                });
                continue;
            }
            RowType::End => {
                match stack.pop() {
                    Some(Frame::Group { group, .. }) => {
                        push_item(&mut stack, Item::Group(group));
                    }
                    Some(root) => {
                        stack.push(root);
                        errors.push(Finding {
                            place: type_place,
                            message: "this row ends a group that was never begun".into(),
                        });
                    }
                    None => unreachable!("the root frame stays"),
                }
                continue;
            }
            RowType::Note => {
                let Some(name) = field_name(&mut errors) else { continue };
                register(&name, &mut errors);
                let relevant = condition("relevant", &mut errors, &mut notices);
                let label = survey.texts(row, "label", default_language);
                let other_texts = survey.other_texts(row);
                push_item(&mut stack, Item::Note(Note { name, label, relevant, other_texts }));
                continue;
            }
            RowType::Calculate => {
                let Some(name) = field_name(&mut errors) else { continue };
                register(&name, &mut errors);
                let Some(column) = column_of("calculation") else {
                    errors.push(Finding {
                        place: type_place,
                        message: "this calculate row has no calculation".into(),
                    });
                    continue;
                };
                let source = typographic_quotes(&survey.cell(row, column));
                if source.is_empty() {
                    errors.push(Finding {
                        place: survey.place(i, Some(column)),
                        message: "this calculate row has no calculation".into(),
                    });
                    continue;
                }
                match Condition::parse(&source) {
                    Ok(calculation) => {
                        push_item(&mut stack, Item::Calculate(Calculation { name, calculation }))
                    }
                    // The reference converter does not read calculations either: one that
                    // cannot be evaluated here is left out, as unanswered, not refused.
                    Err(e) => {
                        left_out.insert(name.to_string());
                        let why = if e.unsupported {
                            e.message
                        } else {
                            format!("the expression {source:?} cannot be read: {e}")
                        };
                        notices.push(Finding {
                            place: survey.place(i, Some(column)),
                            message: format!("{why}; this calculation was left out"),
                        });
                    }
                }
                continue;
            }
            RowType::Unsupported => {
                if !name_text.is_empty() {
                    left_out.insert(name_text.clone());
                }
                notices.push(Finding {
                    place: type_place,
                    message: format!(
                        "the question type {raw_type:?} is not supported; this row was left out"
                    ),
                });
                continue;
            }
            RowType::Include => {
                errors.push(Finding {
                    place: type_place,
                    message: "`include` pulls rows from another form file, which is not part of this workbook; copy those rows into this survey".into(),
                });
                continue;
            }
            RowType::Unknown => {
                errors.push(Finding { place: type_place, message: format!("unknown type {raw_type:?}") });
                continue;
            }
            RowType::Integer => Kind::Integer,
            RowType::Decimal => Kind::Decimal,
            RowType::Text => Kind::Text,
            RowType::Select { multiple, list, or_other } => {
                if or_other {
                    notices.push(Finding {
                        place: type_place.clone(),
                        message:
                            "\"or other\" is not supported; the question was imported without that option"
                                .into(),
                    });
                }
                let Some(items) = lists.get(&list) else {
                    errors.push(Finding {
                        place: type_place,
                        message: format!("the choice list {list:?} is not on the choices sheet"),
                    });
                    continue;
                };
                let appearance =
                    column_of("appearance").map(|c| survey.cell(row, c).to_lowercase()).unwrap_or_default();
                let yes_no = list == YES_NO
                    && items.len() == 2
                    && items.iter().any(|c| c.name == "yes")
                    && items.iter().any(|c| c.name == "no");
                match (multiple, yes_no) {
                    (false, _) if appearance.contains("likert") => Kind::Ordinal { list },
                    (false, true) => Kind::YesNo,
                    (false, false) => Kind::SelectOne { list },
                    (true, _) => Kind::SelectMultiple { list },
                }
            }
        };
        let Some(name) = field_name(&mut errors) else { continue };
        register(&name, &mut errors);
        let label = survey.texts(row, "label", default_language);
        if label.is_empty() {
            let place =
                column_of("label").map_or_else(|| survey.place(i, None), |c| survey.place(i, Some(c)));
            errors.push(Finding { place, message: format!("the question {name} has no label") });
        }
        let required = match column_of("required").map(|c| (c, survey.cell(row, c).to_lowercase())) {
            None => false,
            Some((_, v)) if v.is_empty() || v == "no" || v == "false" || v == "false()" => false,
            Some((_, v)) if v == "yes" || v == "true" || v == "true()" => true,
            Some((c, v)) => {
                notices.push(Finding {
                    place: survey.place(i, Some(c)),
                    message: format!(
                        "a conditional `required` ({v}) is not supported; the question is optional"
                    ),
                });
                false
            }
        };
        let default = column_of("default").map(|c| survey.cell(row, c)).filter(|v| !v.is_empty());
        let choice_filter = match column_of("choice_filter") {
            Some(column) if kind.list().is_some() => {
                let source = typographic_quotes(&survey.cell(row, column));
                match Condition::parse_filter(&source) {
                    _ if source.is_empty() => None,
                    Ok(filter) => Some(filter),
                    Err(e) if e.unsupported => {
                        notices.push(Finding {
                            place: survey.place(i, Some(column)),
                            message: format!("{}; every choice is offered", e.message),
                        });
                        None
                    }
                    Err(e) => {
                        errors.push(Finding {
                            place: survey.place(i, Some(column)),
                            message: format!("the choice filter {source:?} cannot be read: {e}"),
                        });
                        None
                    }
                }
            }
            _ => None,
        };
        let question = Question {
            name,
            kind,
            label,
            hint: survey.texts(row, "hint", default_language),
            required,
            relevant: condition("relevant", &mut errors, &mut notices),
            constraint: condition("constraint", &mut errors, &mut notices),
            constraint_message: survey.texts(row, "constraint_message", default_language),
            default,
            choice_filter,
            other_texts: survey.other_texts(row),
        };
        push_item(&mut stack, Item::Question(question));
    }
    while stack.len() > 1 {
        if let Some(Frame::Group { group, row }) = stack.pop() {
            errors.push(Finding {
                place: survey.place(row, Some(type_column)),
                message: format!("the group {} is never ended", group.name),
            });
        }
    }
    let Some(Frame::Root(items)) = stack.pop() else { unreachable!("the root frame stays") };
    let asks_nothing = |items: &[Item]| {
        fn any_question(items: &[Item]) -> bool {
            items.iter().any(|i| match i {
                Item::Question(_) => true,
                Item::Group(g) => any_question(&g.items),
                _ => false,
            })
        }
        !any_question(items)
    };
    if asks_nothing(&items) && errors.is_empty() {
        notices.push(Finding {
            place: survey.place(0, None),
            message: "the survey has no question smartcities can ask; the questionnaire is empty".into(),
        });
    }

    let questionnaire = Questionnaire { form_id, title, default_language, items, lists };
    for (name, message) in check_references(&questionnaire) {
        if message.contains("more than once") {
            continue; // already reported with its row
        }
        let place = place_of.get(&name).cloned().unwrap_or_else(|| survey.place(0, None));
        let about_left_out = left_out.iter().any(|gone| message.contains(&format!("${{{gone}}}")));
        if about_left_out {
            notices.push(Finding {
                place,
                message: format!("{message}: it was left out, so it counts as unanswered"),
            });
        } else {
            errors.push(Finding { place, message });
        }
    }
    if errors.is_empty() {
        Ok(Imported { questionnaire, notices })
    } else {
        Err(ImportError { errors, notices })
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
