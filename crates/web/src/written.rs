//! Text people wrote for the public, as a page shows it: in the reader's language where it was
//! written or translated into it, else as its original, in its own `lang` and marked "Original
//! in Spanish" — never silently in another language. Forms edit the three languages side by side.

use std::collections::BTreeMap;

use serde::Serialize;
use smartcities_domain::{Lang, Written};
use smartcities_locale::FluentValue;

use crate::i18n::{t, translate};

/// A text as shown: what to show, its language, and the mark when it is not in the reader's.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextView {
    /// The text.
    pub text: String,
    /// The language of `text`, for the element's `lang` attribute.
    pub lang: &'static str,
    /// "Original in Spanish" when the reader's language has no text.
    pub original_in: Option<String>,
}

fn language_name(reader: Lang, of: Lang) -> FluentValue<'static> {
    FluentValue::from(t(reader, &format!("language-{}", of.code())))
}

/// "Original in Spanish" for a reader of `reader` given a text in `of`.
pub(crate) fn original_mark(reader: Lang, of: Lang) -> String {
    translate(reader, "text-original-in", &[("language", language_name(reader, of))])
}

/// The three languages for a form's texts side by side: each one's code and its name in the
/// reader's language.
pub(crate) fn text_languages(reader: Lang) -> Vec<(&'static str, String)> {
    Lang::ALL.iter().map(|l| (l.code(), t(reader, &format!("language-{}", l.code())))).collect()
}

/// How `written` reads for a reader of `lang`.
pub(crate) fn text_view(written: &Written, lang: Lang) -> TextView {
    match written.exactly(lang).filter(|t| !t.trim().is_empty()) {
        Some(text) => TextView { text: text.to_string(), lang: lang.code(), original_in: None },
        None => TextView {
            text: written.get(written.original).0.to_string(),
            lang: written.original.code(),
            original_in: Some(original_mark(lang, written.original)),
        },
    }
}

/// A translatable text's fields in a form: one value per language code, as typed or stored.
pub(crate) type TextFields = BTreeMap<&'static str, String>;

/// The form's fields of a stored text.
pub(crate) fn fields_of(written: Option<&Written>) -> TextFields {
    Lang::ALL
        .iter()
        .map(|l| (l.code(), written.and_then(|w| w.exactly(*l)).unwrap_or_default().to_string()))
        .collect()
}

/// The fields `{name}_es`, `{name}_en`, `{name}_fr` of a posted form.
pub(crate) fn posted(fields: &std::collections::HashMap<String, Vec<String>>, name: &str) -> TextFields {
    Lang::ALL
        .iter()
        .map(|l| {
            let value = fields.get(&format!("{name}_{}", l.code())).and_then(|v| v.first());
            (l.code(), value.map_or(String::new(), |v| v.trim().to_string()))
        })
        .collect()
}

/// The text the fields hold, written first in `original`; `None` when every language is blank.
/// A text left blank in its original language takes the first language that has one as its
/// original, so an original is never empty.
pub(crate) fn written_from(fields: &TextFields, original: Lang) -> Option<Written> {
    let filled = |l: &Lang| fields.get(l.code()).is_some_and(|t| !t.is_empty());
    let original = if filled(&original) { original } else { Lang::ALL.into_iter().find(filled)? };
    let mut written = Written::new(original, fields[original.code()].clone());
    for lang in Lang::ALL.into_iter().filter(|l| *l != original) {
        written.set(lang, &fields[lang.code()]);
    }
    Some(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_translation_shows_the_original_marked_as_such() {
        let mut written = Written::new(Lang::Es, "Datos abiertos");
        written.set(Lang::En, "Open data");
        let en = text_view(&written, Lang::En);
        assert_eq!((en.text.as_str(), en.lang, en.original_in), ("Open data", "en", None));
        let fr = text_view(&written, Lang::Fr);
        assert_eq!((fr.text.as_str(), fr.lang), ("Datos abiertos", "es"));
        assert_eq!(fr.original_in.as_deref(), Some("Original en espagnol"));
    }

    #[test]
    fn form_fields_make_a_text_whose_original_is_never_blank() {
        let fields: TextFields =
            [("en", "Open data".to_string()), ("es", String::new()), ("fr", "Données".into())]
                .into_iter()
                .collect();
        let written = written_from(&fields, Lang::Es).unwrap();
        assert_eq!(written.original, Lang::En, "Spanish was left blank");
        assert_eq!(written.missing(), [Lang::Es]);
        assert_eq!(fields_of(Some(&written)), fields);
        let blank: TextFields = Lang::ALL.iter().map(|l| (l.code(), String::new())).collect();
        assert!(written_from(&blank, Lang::Fr).is_none());
    }
}
