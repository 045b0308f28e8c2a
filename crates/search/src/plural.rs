//! French plurals the Snowball stemmer leaves alone: it drops a final `s` only after some
//! letters, so "vélos" and "vélo" stem apart. This filter, run after accents are folded and
//! before the stemmer, takes the plural mark off first: a final `s` or `x` of a word of four
//! letters or more (not `ss`); `aux` (but `eaux`) is left to the stemmer, which turns it into `al`.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Drops the French plural mark of lowercased, accent-folded words.
#[derive(Clone, Copy, Debug, Default)]
pub struct FrenchPlural;

/// The singular a plural word reads as; other words unchanged.
pub fn singular(word: &str) -> &str {
    let plural_s = word.ends_with('s') && !word.ends_with("ss");
    let plural_x = word.ends_with('x') && (!word.ends_with("aux") || word.ends_with("eaux"));
    if word.len() >= 4 && (plural_s || plural_x) { &word[..word.len() - 1] } else { word }
}

impl TokenFilter for FrenchPlural {
    type Tokenizer<T: Tokenizer> = PluralFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PluralFilter<T> {
        PluralFilter(tokenizer)
    }
}

/// A tokenizer whose words lose their French plural mark.
#[derive(Clone)]
pub struct PluralFilter<T>(T);

impl<T: Tokenizer> Tokenizer for PluralFilter<T> {
    type TokenStream<'a> = PluralStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PluralStream(self.0.token_stream(text))
    }
}

/// The words of a stream without their French plural mark.
pub struct PluralStream<S>(S);

impl<S: TokenStream> TokenStream for PluralStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let token = self.0.token_mut();
        let keep = singular(&token.text).len();
        token.text.truncate(keep);
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn plural_marks_come_off_and_short_words_and_double_s_stay() {
        for (plural, single) in [
            ("velos", "velo"),
            ("donnees", "donnee"),
            ("reseaux", "reseau"),
            ("jeux", "jeu"),
            ("velo", "velo"),
            ("bus", "bus"),
            ("processus", "processu"),
            ("express", "express"),
            ("locaux", "locaux"),
        ] {
            assert_eq!(singular(plural), single, "{plural}");
        }
    }
}
