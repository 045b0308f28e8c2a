//! The settings sheet: the default language, the form's id and title, whether choice lists may
//! repeat a name, and the non-answers every question offers.

use smartcities_domain::Lang;

use super::{Findings, Sheet, parse_language};
use crate::{model::Texts, non_answer::NonAnswers};

/// What the settings sheet says.
pub(super) struct Settings {
    pub default_language: Lang,
    pub form_id: String,
    pub title: Texts,
    pub allow_choice_duplicates: bool,
    pub non_answers: NonAnswers,
}

/// Why a `non_answers` cell cannot be read.
pub(super) fn non_answers_problem(word: &str) -> String {
    format!(
        "{word:?} is not a non-answer: write dont_know, not_applicable, both separated by a space, yes (both) or none"
    )
}

/// The settings sheet's first row: the default language, the form's id and title, and whether
/// choice lists may repeat a name.
pub(super) fn read_settings(settings: Option<&Sheet>, found: &mut Findings) -> Settings {
    let mut read = Settings {
        default_language: Lang::En,
        form_id: String::from("imported_form"),
        title: Texts::default(),
        allow_choice_duplicates: false,
        non_answers: NonAnswers::NONE,
    };
    if let Some(settings) = settings
        && let Some(row) = settings.range.rows().nth(1)
    {
        for column in &settings.columns {
            let value = settings.cell(row, column);
            match column.base.as_str() {
                "default_language" if !value.is_empty() => match parse_language(&value) {
                    Some(lang) => read.default_language = lang,
                    None => found.notice(
                        settings.place(1, Some(column)),
                        format!("the default language {value:?} is not one of English, Spanish or French; English is used"),
                    ),
                },
                "form_id" if !value.is_empty() => read.form_id = value,
                "allow_choice_duplicates" => {
                    read.allow_choice_duplicates =
                        matches!(value.to_lowercase().as_str(), "yes" | "true" | "true()");
                }
                "non_answers" => match NonAnswers::parse(&value) {
                    Ok(cell) => read.non_answers = cell.unwrap_or(NonAnswers::NONE),
                    Err(word) => found.error(settings.place(1, Some(column)), non_answers_problem(&word)),
                },
                "form_title" | "form_id" | "default_language" | "version" => {}
                _ if !value.is_empty() => found
                    .notice(settings.place(1, Some(column)), "this setting is not supported; it was ignored"),
                _ => {}
            }
        }
        if let Some(column) = settings.column("form_title") {
            let value = settings.cell(row, column);
            if !value.is_empty() {
                read.title.0.insert(read.default_language, value);
            }
        }
    }
    if read.title.is_empty() {
        read.title.0.insert(read.default_language, read.form_id.clone());
    }
    read
}
