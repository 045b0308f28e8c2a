//! Writing a questionnaire as an XLSForm workbook: `survey`, `choices` and `settings` sheets,
//! with one label, hint and constraint-message column per language, headed the way ODK and
//! KoboToolbox name them (`label::Español (es)`).

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use smartcities_domain::Lang;

use std::collections::BTreeSet;

use crate::model::{Item, Kind, OtherTexts, Questionnaire, Texts};

/// The column suffix for a language, e.g. `English (en)`.
pub fn language_column(lang: Lang) -> String {
    format!("{} ({})", language_name(lang), lang.code())
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Es => "Español",
        Lang::Fr => "Français",
    }
}

/// The languages any text of the form is given in.
fn languages(questionnaire: &Questionnaire) -> Vec<Lang> {
    let mut found: Vec<Lang> = Vec::new();
    let mut note = |texts: &Texts| {
        for lang in texts.0.keys() {
            if !found.contains(lang) {
                found.push(*lang);
            }
        }
    };
    note(&questionnaire.title);
    fn walk(items: &[Item], note: &mut dyn FnMut(&Texts)) {
        for item in items {
            match item {
                Item::Question(q) => note(&q.label),
                Item::Note(n) => note(&n.label),
                Item::Calculate(_) => {}
                Item::Group(g) => {
                    note(&g.label);
                    walk(&g.items, note);
                }
            }
        }
    }
    walk(&questionnaire.items, &mut note);
    found.sort();
    if found.is_empty() {
        found.push(questionnaire.default_language);
    }
    found
}

struct Row {
    kind: String,
    name: String,
    label: Texts,
    hint: Texts,
    required: bool,
    relevant: String,
    constraint: String,
    constraint_message: Texts,
    default: String,
    appearance: String,
    calculation: String,
    choice_filter: String,
    non_answers: String,
    other_texts: OtherTexts,
}

impl Row {
    fn new(kind: impl Into<String>, name: &str, label: &Texts) -> Row {
        Row {
            kind: kind.into(),
            name: name.to_string(),
            label: label.clone(),
            hint: Texts::default(),
            required: false,
            relevant: String::new(),
            constraint: String::new(),
            constraint_message: Texts::default(),
            default: String::new(),
            appearance: String::new(),
            calculation: String::new(),
            choice_filter: String::new(),
            non_answers: String::new(),
            other_texts: OtherTexts::new(),
        }
    }
}

fn rows(items: &[Item], out: &mut Vec<Row>) {
    for item in items {
        match item {
            Item::Question(q) => {
                let kind = q.kind.xlsform_type();
                let appearance = if matches!(q.kind, Kind::Ordinal { .. }) { "likert" } else { "" };
                let mut row = Row::new(kind, q.name.as_str(), &q.label);
                row.hint = q.hint.clone();
                row.required = q.required;
                row.relevant = q.relevant.as_ref().map(|c| c.source.clone()).unwrap_or_default();
                row.constraint = q.constraint.as_ref().map(|c| c.source.clone()).unwrap_or_default();
                row.constraint_message = q.constraint_message.clone();
                row.default = q.default.clone().unwrap_or_default();
                row.appearance = appearance.to_string();
                row.choice_filter = q.choice_filter.as_ref().map(|c| c.source.clone()).unwrap_or_default();
                row.other_texts = q.other_texts.clone();
                row.non_answers = q.non_answers.map(|n| n.cell().to_string()).unwrap_or_default();
                out.push(row);
            }
            Item::Note(n) => {
                let mut row = Row::new("note", n.name.as_str(), &n.label);
                row.relevant = n.relevant.as_ref().map(|c| c.source.clone()).unwrap_or_default();
                row.other_texts = n.other_texts.clone();
                out.push(row);
            }
            Item::Calculate(c) => {
                let mut row = Row::new("calculate", c.name.as_str(), &Texts::default());
                row.calculation = c.calculation.source.clone();
                row.relevant = c.relevant.as_ref().map(|c| c.source.clone()).unwrap_or_default();
                out.push(row);
            }
            Item::Group(g) => {
                let (begin, end) =
                    if g.repeat { ("begin_repeat", "end_repeat") } else { ("begin_group", "end_group") };
                let mut row = Row::new(begin, g.name.as_str(), &g.label);
                row.relevant = g.relevant.as_ref().map(|c| c.source.clone()).unwrap_or_default();
                row.other_texts = g.other_texts.clone();
                out.push(row);
                rows(&g.items, out);
                out.push(Row::new(end, "", &Texts::default()));
            }
        }
    }
}

/// The questionnaire as an `.xlsx` XLSForm, in memory.
pub fn write_xlsform(questionnaire: &Questionnaire) -> Result<Vec<u8>, XlsxError> {
    let langs = languages(questionnaire);
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();

    let survey = workbook.add_worksheet().set_name("survey")?;
    let mut all = Vec::new();
    rows(&questionnaire.items, &mut all);
    // Columns in other languages come back as they were imported, after the study's own.
    let others: BTreeSet<&String> = all.iter().flat_map(|r| r.other_texts.keys()).collect();
    let mut header: Vec<String> = vec!["type".into(), "name".into()];
    header.extend(langs.iter().map(|l| format!("label::{}", language_column(*l))));
    header.extend(langs.iter().map(|l| format!("hint::{}", language_column(*l))));
    header.extend(["required", "relevant", "constraint"].map(String::from));
    header.extend(langs.iter().map(|l| format!("constraint_message::{}", language_column(*l))));
    header.extend(["default", "appearance", "calculation", "choice_filter"].map(String::from));
    // A question's own non-answers setting, only where some question has one.
    let non_answers = all.iter().any(|r| !r.non_answers.is_empty());
    if non_answers {
        header.push("non_answers".into());
    }
    header.extend(others.iter().map(|h| (*h).clone()));
    for (col, title) in header.iter().enumerate() {
        survey.write_string_with_format(0, col as u16, title, &bold)?;
    }
    let only = |texts: &Texts, lang: Lang| texts.0.get(&lang).cloned().unwrap_or_default();
    for (i, row) in all.iter().enumerate() {
        let r = (i + 1) as u32;
        let mut cells: Vec<String> = vec![row.kind.clone(), row.name.clone()];
        cells.extend(langs.iter().map(|l| only(&row.label, *l)));
        cells.extend(langs.iter().map(|l| only(&row.hint, *l)));
        cells.push(if row.required { "yes".into() } else { String::new() });
        cells.push(row.relevant.clone());
        cells.push(row.constraint.clone());
        cells.extend(langs.iter().map(|l| only(&row.constraint_message, *l)));
        cells.push(row.default.clone());
        cells.push(row.appearance.clone());
        cells.push(row.calculation.clone());
        cells.push(row.choice_filter.clone());
        if non_answers {
            cells.push(row.non_answers.clone());
        }
        cells.extend(others.iter().map(|h| row.other_texts.get(*h).cloned().unwrap_or_default()));
        for (col, value) in cells.iter().enumerate() {
            if !value.is_empty() {
                survey.write_string(r, col as u16, value)?;
            }
        }
    }
    survey.set_column_width(0, 28)?;
    survey.set_column_width(1, 28)?;
    survey.set_freeze_panes(1, 0)?;

    let choices = workbook.add_worksheet().set_name("choices")?;
    let extra: BTreeSet<&String> =
        questionnaire.lists.values().flatten().flat_map(|c| c.columns.keys()).collect();
    let mut header: Vec<String> = vec!["list_name".into(), "name".into()];
    header.extend(langs.iter().map(|l| format!("label::{}", language_column(*l))));
    header.extend(extra.iter().map(|h| (*h).clone()));
    for (col, title) in header.iter().enumerate() {
        choices.write_string_with_format(0, col as u16, title, &bold)?;
    }
    let mut r = 1;
    for (list, items) in &questionnaire.lists {
        for item in items {
            choices.write_string(r, 0, list)?;
            choices.write_string(r, 1, &item.name)?;
            for (i, lang) in langs.iter().enumerate() {
                choices.write_string(r, (2 + i) as u16, only(&item.label, *lang))?;
            }
            for (i, column) in extra.iter().enumerate() {
                if let Some(value) = item.columns.get(*column) {
                    choices.write_string(r, (2 + langs.len() + i) as u16, value)?;
                }
            }
            r += 1;
        }
    }
    choices.set_freeze_panes(1, 0)?;

    let settings = workbook.add_worksheet().set_name("settings")?;
    for (col, title) in ["form_title", "form_id", "default_language"].iter().enumerate() {
        settings.write_string_with_format(0, col as u16, *title, &bold)?;
    }
    settings.write_string(
        1,
        0,
        questionnaire.title.get(questionnaire.default_language, questionnaire.default_language),
    )?;
    settings.write_string(1, 1, &questionnaire.form_id)?;
    settings.write_string(1, 2, language_column(questionnaire.default_language))?;
    if !questionnaire.non_answers.is_none() {
        settings.write_string_with_format(0, 3, "non_answers", &bold)?;
        settings.write_string(1, 3, questionnaire.non_answers.cell())?;
    }

    workbook.save_to_buffer()
}
