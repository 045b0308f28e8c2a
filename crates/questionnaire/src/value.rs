//! An answer's value, one type from the checked form to the store, the analysis and the
//! published files. It is kept as the text the store holds — a number with a point for
//! decimals, an option's code, options' codes separated by spaces, or text — and read through
//! its question's kind, so no crate splits codes or parses numbers its own way.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Kind;
use crate::non_answer::NonAnswer;

/// An answer as it is kept. Made from a value the questionnaire's checks accepted (or read back
/// from the store, which holds only such values); read with [`AnswerValue::read`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnswerValue(String);

/// What an answer says, read with its question's kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading<'a> {
    /// Nothing was answered.
    Blank,
    /// A finite number, for a whole-number or decimal question.
    Number(f64),
    /// The code of the option chosen, for a one-choice, yes/no or ordinal question.
    Choice(&'a str),
    /// The codes of the options chosen, in the order they were given.
    Choices(Vec<&'a str>),
    /// Text as it was written.
    Text(&'a str),
    /// A day, for a date question.
    Day(smartcities_domain::Day),
    /// The id of a stored file, for a file or picture question.
    File(&'a str),
    /// "Don't know" or "not applicable": an answer, but no value to count.
    NonAnswer(NonAnswer),
    /// A value its question's kind cannot read: kept from before the question's kind changed.
    Unreadable(&'a str),
}

impl AnswerValue {
    /// A value in its kept form. The caller vouches that it was checked against its question
    /// (the store and the checks do); reading never trusts it further than [`AnswerValue::read`].
    pub fn new(kept: impl Into<String>) -> AnswerValue {
        AnswerValue(kept.into())
    }

    /// The kept form, for storage, files and expressions.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The kept form, owned.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The answer kept for a non-answer.
    pub fn non(non_answer: NonAnswer) -> AnswerValue {
        AnswerValue(non_answer.kept().to_string())
    }

    /// The non-answer this is, if it is one.
    pub fn non_answer(&self) -> Option<NonAnswer> {
        NonAnswer::of_kept(&self.0)
    }

    /// Whether nothing was answered (only spaces count as nothing).
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// The value as a finite number, whatever its question: `None` for text, codes and blanks.
    pub fn number(&self) -> Option<f64> {
        self.0.trim().parse::<f64>().ok().filter(|x| x.is_finite())
    }

    /// The option codes of a choice answer, in the order given (one for a single choice).
    pub fn codes(&self) -> std::str::SplitWhitespace<'_> {
        self.0.split_whitespace()
    }

    /// Whether a choice answer includes the option `code`.
    pub fn has_code(&self, code: &str) -> bool {
        self.codes().any(|c| c == code)
    }

    /// What the answer says for a question of `kind`.
    pub fn read(&self, kind: &Kind) -> Reading<'_> {
        let kept = self.0.trim();
        if kept.is_empty() {
            return Reading::Blank;
        }
        if let Some(non_answer) = self.non_answer() {
            return Reading::NonAnswer(non_answer);
        }
        match kind {
            Kind::Integer | Kind::Decimal => self.number().map_or(Reading::Unreadable(kept), Reading::Number),
            Kind::Text => Reading::Text(&self.0),
            Kind::Date => {
                smartcities_domain::Day::parse(kept).map_or(Reading::Unreadable(kept), Reading::Day)
            }
            Kind::File | Kind::Image if crate::attachment::is_file_id(kept) => Reading::File(kept),
            Kind::File | Kind::Image => Reading::Unreadable(kept),
            Kind::YesNo | Kind::Ordinal { .. } | Kind::SelectOne { .. } => {
                if kept.contains(char::is_whitespace) {
                    Reading::Unreadable(kept)
                } else {
                    Reading::Choice(kept)
                }
            }
            Kind::SelectMultiple { .. } => Reading::Choices(self.codes().collect()),
        }
    }
}

impl fmt::Display for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for AnswerValue {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for AnswerValue {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl AsRef<str> for AnswerValue {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<String> for AnswerValue {
    fn from(kept: String) -> AnswerValue {
        AnswerValue(kept)
    }
}

impl From<&str> for AnswerValue {
    fn from(kept: &str) -> AnswerValue {
        AnswerValue(kept.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_reads_as_its_question_kind_says() {
        let list = || "sectors".to_string();
        let v = AnswerValue::from(" 52.2 ");
        assert_eq!(v.read(&Kind::Decimal), Reading::Number(52.2));
        assert_eq!(v.number(), Some(52.2));
        assert_eq!(AnswerValue::from("1e999").read(&Kind::Decimal), Reading::Unreadable("1e999"));
        assert_eq!(AnswerValue::from("abc").read(&Kind::Integer), Reading::Unreadable("abc"));
        assert_eq!(AnswerValue::from("  ").read(&Kind::Text), Reading::Blank);
        assert!(AnswerValue::from(" ").is_blank());
        let chosen = AnswerValue::from("energy  water");
        assert_eq!(
            chosen.read(&Kind::SelectMultiple { list: list() }),
            Reading::Choices(vec!["energy", "water"])
        );
        assert!(chosen.has_code("water") && !chosen.has_code("wat"));
        assert_eq!(chosen.read(&Kind::SelectOne { list: list() }), Reading::Unreadable("energy  water"));
        assert_eq!(AnswerValue::from("yes").read(&Kind::YesNo), Reading::Choice("yes"));
        assert_eq!(AnswerValue::from(" a b ").read(&Kind::Text), Reading::Text(" a b "));
        assert_eq!(serde_json::to_string(&chosen).unwrap(), "\"energy  water\"");
        let dont_know = AnswerValue::non(NonAnswer::DontKnow);
        for kind in [Kind::Decimal, Kind::Text, Kind::YesNo, Kind::SelectMultiple { list: list() }] {
            assert_eq!(dont_know.read(&kind), Reading::NonAnswer(NonAnswer::DontKnow));
        }
        assert_eq!(dont_know.number(), None, "never a number, never 0");
        assert!(!dont_know.is_blank(), "an answer: it satisfies required");
    }
}
