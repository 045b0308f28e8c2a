//! Text a person writes for the public — a practice's summary, an event's title, an activity of
//! the plan, the lead's office — held as written in one language and translated into others,
//! with the original marked, so a reader always knows when they read a translation.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::Lang;

/// Text written in one language and perhaps translated into others: the original is marked, so
/// a reader knows when they read a translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Written {
    /// The language it was written in.
    pub original: Lang,
    /// The text per language, the original's included.
    pub text: BTreeMap<Lang, String>,
}

impl Written {
    /// A text as written in `lang`.
    pub fn new(lang: Lang, text: impl Into<String>) -> Written {
        Written { original: lang, text: BTreeMap::from([(lang, text.into())]) }
    }

    /// The text in `lang` if there is one, else the original; and whether it is a translation.
    pub fn get(&self, lang: Lang) -> (&str, bool) {
        match self.text.get(&lang) {
            Some(text) => (text, lang != self.original),
            None => (self.text.get(&self.original).map_or("", String::as_str), false),
        }
    }

    /// What a reader of `lang` gets, and its language: their own language's text where there is
    /// one, else the original.
    pub fn for_reader(&self, lang: Lang) -> (&str, Lang) {
        match self.exactly(lang).filter(|t| !t.trim().is_empty()) {
            Some(text) => (text, lang),
            None => (self.get(self.original).0, self.original),
        }
    }

    /// The text in `lang`, if written or translated into it.
    pub fn exactly(&self, lang: Lang) -> Option<&str> {
        self.text.get(&lang).map(String::as_str)
    }

    /// Sets the text in `lang` (a translation unless it is the original); an empty text
    /// removes a translation.
    pub fn set(&mut self, lang: Lang, text: &str) {
        let text = text.trim();
        if text.is_empty() && lang != self.original {
            self.text.remove(&lang);
        } else {
            self.text.insert(lang, text.to_string());
        }
    }

    /// The length in characters of its longest text, for limits that hold in every language.
    pub fn longest_chars(&self) -> usize {
        self.text.values().map(|t| t.chars().count()).max().unwrap_or(0)
    }

    /// The languages it lacks a text in.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL.iter().copied().filter(|l| self.exactly(*l).is_none_or(|t| t.trim().is_empty())).collect()
    }

    /// Whether the original is empty.
    pub fn is_empty(&self) -> bool {
        self.get(self.original).0.trim().is_empty()
    }
}

/// A stored text as written before texts were translatable (plain) or since.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum StoredText {
    Plain(String),
    Written(Written),
}

impl StoredText {
    /// The text, plain text read as written in `language`.
    pub(crate) fn written(self, language: Lang) -> Written {
        match self {
            StoredText::Plain(text) => Written::new(language, text),
            StoredText::Written(written) => written,
        }
    }
}

/// Reads a text stored as translatable, or as plain text stored before texts were: the
/// community's records (activities, leadership) were typed into English forms then, so plain
/// text reads as written in English. For `#[serde(deserialize_with = …)]`.
pub fn english_if_plain<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Written, D::Error> {
    Ok(StoredText::deserialize(deserializer)?.written(Lang::En))
}

/// [`english_if_plain`] for an optional text; an empty plain text reads as none.
pub fn optional_english_if_plain<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Written>, D::Error> {
    Ok(Option::<StoredText>::deserialize(deserializer)?
        .map(|t| t.written(Lang::En))
        .filter(|w| !w.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Record {
        #[serde(deserialize_with = "english_if_plain")]
        title: Written,
        #[serde(default, deserialize_with = "optional_english_if_plain")]
        note: Option<Written>,
    }

    #[test]
    fn plain_text_stored_before_translations_reads_as_english() {
        let old: Record = serde_json::from_str(r#"{"title": "Renewal", "note": ""}"#).unwrap();
        assert_eq!(old.title, Written::new(Lang::En, "Renewal"));
        assert_eq!(old.note, None);
        let new: Record =
            serde_json::from_str(r#"{"title": {"original": "es", "text": {"es": "Renovación"}}}"#).unwrap();
        assert_eq!(new.title, Written::new(Lang::Es, "Renovación"));
        assert_eq!(new.note, None);
    }
}
