//! The catalogue's analysers, one per language, and the words they make of a text: split on
//! anything not a letter or digit, very long tokens dropped, lowercased, accents folded (so they
//! are optional in a query), then stemmed with the language's Snowball stemmer; French drops its
//! plural mark first. The published site's offline catalogue searches with the same words
//! (`data-words` on each practice, the page's stemmer in its script).

use std::collections::BTreeSet;

use smartcities_domain::Lang;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};

use crate::plural;

/// Tokens of this many bytes or more are not indexed.
pub const LONGEST_WORD: usize = 40;

/// The analyser of `lang`, or the folding alone (no stemming) with `None`.
pub fn analyser(lang: Option<Lang>) -> TextAnalyzer {
    let words = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter);
    match lang {
        Some(Lang::Es) => words.filter(Stemmer::new(Language::Spanish)).build(),
        Some(Lang::En) => words.filter(Stemmer::new(Language::English)).build(),
        Some(Lang::Fr) => words.filter(plural::FrenchPlural).filter(Stemmer::new(Language::French)).build(),
        None => words.build(),
    }
}

/// The four analysers, made once for many texts.
pub struct Words {
    stemmed: [TextAnalyzer; 3],
    plain: TextAnalyzer,
}

impl Default for Words {
    fn default() -> Words {
        Words { stemmed: Lang::ALL.map(|l| analyser(Some(l))), plain: analyser(None) }
    }
}

impl Words {
    /// The words of `text` as `lang`'s analyser makes them (or folded only, with `None`), in order.
    pub fn of(&mut self, lang: Option<Lang>, text: &str) -> Vec<String> {
        let analyser = match lang {
            Some(l) => &mut self.stemmed[Lang::ALL.iter().position(|x| *x == l).unwrap_or(0)],
            None => &mut self.plain,
        };
        let mut stream = analyser.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// Adds the words of `text` in `lang` to `set`.
    pub fn add(&mut self, lang: Option<Lang>, text: &str, set: &mut BTreeSet<String>) {
        set.extend(self.of(lang, text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_folds_accents_and_stems_its_plurals() {
        let mut words = Words::default();
        assert_eq!(words.of(Some(Lang::Fr), "Vélos, mobilité"), words.of(Some(Lang::Fr), "velo mobilite"));
        assert_eq!(words.of(Some(Lang::Es), "Participación"), words.of(Some(Lang::Es), "participativos"));
        assert_eq!(words.of(Some(Lang::En), "budgets"), ["budget"]);
        assert_eq!(words.of(None, "Économie circulaire"), ["economie", "circulaire"]);
        let long = "a".repeat(LONGEST_WORD);
        assert_eq!(words.of(None, &format!("{long} bus")), ["bus"]);
    }
}
