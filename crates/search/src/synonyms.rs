//! Synonyms the secretariat keeps per language ("bici, bicicleta"; "vélo, bicyclette"): a word
//! of a group typed in a search finds what any word of its group finds. They widen the query,
//! not the index, so a change takes effect at once and nothing is re-indexed.

use std::collections::BTreeMap;

use smartcities_domain::Lang;

/// The most groups a language may hold.
pub const MAX_GROUPS: usize = 500;
/// The most words in a group.
pub const MAX_GROUP_WORDS: usize = 20;
/// The longest word, in characters.
pub const MAX_WORD_CHARS: usize = 40;

/// What is wrong with a line of synonyms, by line number from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SynonymProblem {
    /// More groups than [`MAX_GROUPS`].
    TooManyGroups,
    /// A group of one word says nothing.
    Alone {
        /// The line.
        line: usize,
    },
    /// More words than [`MAX_GROUP_WORDS`].
    TooManyWords {
        /// The line.
        line: usize,
    },
    /// A word longer than [`MAX_WORD_CHARS`], or not made of letters and digits.
    BadWord {
        /// The line.
        line: usize,
        /// The word.
        word: String,
    },
}

/// The groups of one language: one per line, words separated by commas, each word letters and
/// digits (lower-cased). Blank lines are skipped.
pub fn parse_groups(text: &str) -> Result<Vec<Vec<String>>, SynonymProblem> {
    let mut groups = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line_no = n + 1;
        if groups.len() == MAX_GROUPS {
            return Err(SynonymProblem::TooManyGroups);
        }
        let mut words: Vec<String> = Vec::new();
        for word in line.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let fits = word.chars().count() <= MAX_WORD_CHARS && word.chars().all(char::is_alphanumeric);
            if !fits {
                return Err(SynonymProblem::BadWord { line: line_no, word: word.chars().take(60).collect() });
            }
            let word = word.to_lowercase();
            if !words.contains(&word) {
                words.push(word);
            }
        }
        match words.len() {
            0 | 1 => return Err(SynonymProblem::Alone { line: line_no }),
            n if n > MAX_GROUP_WORDS => return Err(SynonymProblem::TooManyWords { line: line_no }),
            _ => groups.push(words),
        }
    }
    Ok(groups)
}

/// The groups as the form shows them: one per line.
pub fn groups_text(groups: &[Vec<String>]) -> String {
    groups.iter().map(|g| g.join(", ")).collect::<Vec<_>>().join("\n")
}

/// Every language's groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms(pub BTreeMap<Lang, Vec<Vec<String>>>);

impl Synonyms {
    /// The query text with each word of a group of `lang` widened to its group
    /// (`bici carril` → `(bici OR bicicleta) carril`); phrases and other words unchanged. The
    /// text is the search box read by [`crate::query::Typed`]: lower-cased words and quoted
    /// phrases, so an `OR` here is always the parser's.
    pub fn widen(&self, lang: Lang, text: &str) -> String {
        let Some(groups) = self.0.get(&lang).filter(|g| !g.is_empty()) else { return text.to_string() };
        let mut out = Vec::new();
        let mut in_phrase = false;
        for token in text.split(' ') {
            let quotes = token.matches('"').count();
            let plain = !in_phrase && quotes == 0;
            if quotes % 2 == 1 {
                in_phrase = !in_phrase;
            }
            match groups.iter().find(|g| plain && g.iter().any(|w| w == token)) {
                Some(group) => out.push(format!("({})", group.join(" OR "))),
                None => out.push(token.to_string()),
            }
        }
        out.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_read_one_per_line_and_refused_by_line() {
        let groups = parse_groups("Bici, bicicleta,bici\n\n  ayuntamiento , consistorio ").unwrap();
        assert_eq!(groups, [vec!["bici", "bicicleta"], vec!["ayuntamiento", "consistorio"]]);
        assert_eq!(groups_text(&groups), "bici, bicicleta\nayuntamiento, consistorio");
        assert_eq!(parse_groups("a, b\nsolo"), Err(SynonymProblem::Alone { line: 2 }));
        assert_eq!(
            parse_groups("vélo, bici:clette"),
            Err(SynonymProblem::BadWord { line: 1, word: "bici:clette".into() })
        );
        let crowded = (0..=MAX_GROUP_WORDS).map(|i| format!("w{i}")).collect::<Vec<_>>().join(",");
        assert_eq!(parse_groups(&crowded), Err(SynonymProblem::TooManyWords { line: 1 }));
        let many = (0..=MAX_GROUPS).map(|i| format!("a{i}, b{i}")).collect::<Vec<_>>().join("\n");
        assert_eq!(parse_groups(&many), Err(SynonymProblem::TooManyGroups));
    }

    #[test]
    fn a_word_of_a_group_widens_to_the_group_outside_phrases_only() {
        let synonyms = Synonyms(BTreeMap::from([(Lang::Es, vec![vec!["bici".into(), "bicicleta".into()]])]));
        assert_eq!(synonyms.widen(Lang::Es, "bici carril"), "(bici OR bicicleta) carril");
        assert_eq!(synonyms.widen(Lang::Es, "\"la bici\" bici"), "\"la bici\" (bici OR bicicleta)");
        assert_eq!(synonyms.widen(Lang::Fr, "bici"), "bici", "another language's groups");
        assert_eq!(synonyms.widen(Lang::Es, "bicis"), "bicis", "whole words only");
    }
}
