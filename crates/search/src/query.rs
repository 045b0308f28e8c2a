//! What people type in the search box, read as words: a query language is not what a visitor
//! means by `id:*`, `C++` or `"open data`. Only letters and digits reach the query parser, in
//! words and quoted phrases; `dimension:value` is a filter when the dimension is one the page
//! offers as a facet, and plain words otherwise.

use crate::{DIMENSIONS, MAX_QUERY_CHARS};

/// A search box's text, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    /// Words and quoted phrases, of letters and digits only, for the query parser.
    pub text: String,
    /// Filters typed as `dimension:value` (`axis:mobility`, `sdg:11`).
    pub facets: Vec<(&'static str, String)>,
}

impl Typed {
    /// Reads at most [`MAX_QUERY_CHARS`] characters of `input`.
    pub fn read(input: &str) -> Typed {
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let mut typed = Typed::default();
        let mut parts: Vec<String> = Vec::new();
        for (token, quoted) in tokens(&input) {
            if !quoted && let Some(facet) = facet(token) {
                typed.facets.push(facet);
                continue;
            }
            let words = plain(token);
            match words.len() {
                0 => {}
                1 => parts.extend(words),
                _ if quoted => parts.push(format!("\"{}\"", words.join(" "))),
                _ => parts.extend(words),
            }
        }
        typed.text = parts.join(" ");
        typed
    }
}

/// The input cut into whitespace-separated tokens and quoted phrases (an unclosed quote runs
/// to the end), each with whether it was quoted.
fn tokens(input: &str) -> Vec<(&str, bool)> {
    let mut tokens = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return tokens;
        }
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            tokens.push((&after[..end], true));
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(|c: char| c.is_whitespace() || c == '"').unwrap_or(rest.len());
            tokens.push((&rest[..end], false));
            rest = &rest[end..];
        }
    }
}

/// `dimension:value` for a dimension the page filters on, with a value of the facets' own
/// alphabet (lower-case letters, digits, `_` and `-`).
fn facet(token: &str) -> Option<(&'static str, String)> {
    let (dimension, value) = token.split_once(':')?;
    let dimension = DIMENSIONS.iter().find(|d| d.eq_ignore_ascii_case(dimension))?;
    let value = value.to_lowercase();
    let fits = !value.is_empty()
        && value.len() <= 64
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    fits.then_some((*dimension, value))
}

/// The words of a token: runs of letters and digits, lower-cased (so that `AND`, `OR` and
/// `NOT` are words too).
fn plain(token: &str) -> Vec<String> {
    token.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(input: &str) -> String {
        Typed::read(input).text
    }

    #[test]
    fn query_syntax_is_read_as_plain_words() {
        assert_eq!(text("id:*"), "id");
        assert_eq!(text("title:* OR summary:bici"), "title or summary bici");
        assert_eq!(text("C++ -movilidad +bici"), "c movilidad bici");
        assert_eq!(text("a^2 [1 TO 5] {x} (y) ~z !w \\ / <>"), "a 2 1 to 5 x y z w");
        assert_eq!(text("*"), "");
        assert_eq!(text("   "), "");
    }

    #[test]
    fn quoted_words_stay_a_phrase_and_an_unclosed_quote_runs_to_the_end() {
        assert_eq!(text("\"datos abiertos\" Bilbao"), "\"datos abiertos\" bilbao");
        assert_eq!(text("\"open data"), "\"open data\"");
        assert_eq!(text("\"vélo\""), "vélo");
        assert_eq!(text("\"\" \"*:*\""), "");
    }

    #[test]
    fn a_facet_the_page_offers_is_a_filter() {
        let typed = Typed::read("bici axis:Mobility sdg:11 id:3 axis:* sdg:");
        assert_eq!(typed.facets, [("axis", "mobility".to_string()), ("sdg", "11".to_string())]);
        assert_eq!(typed.text, "bici id 3 axis sdg");
        assert!(Typed::read("\"axis:mobility\"").facets.is_empty(), "quoted, it is words");
    }

    #[test]
    fn letters_of_every_language_are_kept() {
        assert_eq!(text("mobilité participación l'eau"), "mobilité participación l eau");
        assert_eq!(text("東京 Москва"), "東京 москва");
    }
}
