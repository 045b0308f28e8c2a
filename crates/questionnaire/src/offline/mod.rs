//! The offline questionnaire: a workbook a city downloads, fills in Excel or LibreOffice, and
//! uploads again. One sheet lists the questions with an Answer column (drop-downs for choices,
//! ranges for numbers, previous answers filled in); each repeat group has a sheet of its own
//! with one row per entry. Reading it back reports every problem by sheet, row and column with
//! the question's label, and yields the whole response the workbook holds.

use std::collections::BTreeMap;

use smartcities_domain::{Lang, Revision};

use crate::{
    expr::{Expr, Op},
    model::{AnswerKey, EntryKey, FieldName, Group, Item, Kind, Question, Questionnaire},
};

mod read;
mod write;

pub use read::{Uploaded, read_answer_workbook};
pub use write::write_answer_workbook;

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
    pub fn flatten(&self) -> BTreeMap<AnswerKey, crate::AnswerValue> {
        let mut out = BTreeMap::new();
        for (question, value) in &self.values {
            out.insert(AnswerKey { question: question.clone(), entry: None }, value.as_str().into());
        }
        for (group, entries) in &self.entries {
            let Ok(group) = FieldName::parse(group) else { continue };
            for (id, fields) in entries {
                for (question, value) in fields {
                    let entry = Some(EntryKey { group: group.clone(), id: *id });
                    out.insert(AnswerKey { question: question.clone(), entry }, value.as_str().into());
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
    if let Some(non_answer) = crate::non_answer::NonAnswer::of_kept(value) {
        return non_answer.words(lang).to_string();
    }
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
