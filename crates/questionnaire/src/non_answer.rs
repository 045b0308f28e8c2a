//! Honest non-answers: "don't know" and "not applicable", given instead of a value where the
//! questionnaire allows them. They are answers (they satisfy *required*), but no analysis reads
//! them as a value: shares leave them out of the cities answering and count them beside.
//!
//! A non-answer is kept in the store as a reserved token no other answer takes: `~` starts no
//! number, import refuses a choice named like a token, and a text answer that is exactly a
//! token is read as that non-answer, so it is accepted only where the question allows it.

use std::fmt;

use serde::{Deserialize, Serialize};
use smartcities_domain::Lang;

/// A non-answer a respondent may give instead of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonAnswer {
    /// The respondent does not know.
    DontKnow,
    /// The question does not apply to the city.
    NotApplicable,
}

impl NonAnswer {
    /// Both, in the order they are offered.
    pub const ALL: [NonAnswer; 2] = [NonAnswer::DontKnow, NonAnswer::NotApplicable];

    /// The XLSForm word and translation key: `dont_know`, `not_applicable`.
    pub fn slug(self) -> &'static str {
        match self {
            NonAnswer::DontKnow => "dont_know",
            NonAnswer::NotApplicable => "not_applicable",
        }
    }

    /// How the store, files and exports keep it: `~dont_know`, `~not_applicable`.
    pub fn kept(self) -> &'static str {
        match self {
            NonAnswer::DontKnow => "~dont_know",
            NonAnswer::NotApplicable => "~not_applicable",
        }
    }

    /// The non-answer a kept value is, if it is one (spaces around it aside).
    pub fn of_kept(kept: &str) -> Option<NonAnswer> {
        let kept = kept.trim();
        NonAnswer::ALL.into_iter().find(|n| n.kept() == kept)
    }

    /// The words a respondent sees, and may type in an answer workbook, in `lang`.
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NonAnswer::DontKnow, Lang::En) => "Don't know",
            (NonAnswer::DontKnow, Lang::Es) => "No sabe",
            (NonAnswer::DontKnow, Lang::Fr) => "Ne sait pas",
            (NonAnswer::NotApplicable, Lang::En) => "Not applicable",
            (NonAnswer::NotApplicable, Lang::Es) => "No aplica",
            (NonAnswer::NotApplicable, Lang::Fr) => "Sans objet",
        }
    }

    /// The non-answer typed as its words in any of the three languages, as its slug or as its
    /// kept token, ignoring case and spaces around it.
    pub fn typed(typed: &str) -> Option<NonAnswer> {
        let typed = typed.trim();
        NonAnswer::ALL.into_iter().find(|n| {
            n.kept() == typed
                || n.slug().eq_ignore_ascii_case(typed)
                || Lang::ALL.iter().any(|l| n.words(*l).to_lowercase() == typed.to_lowercase())
        })
    }
}

impl fmt::Display for NonAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Which non-answers a question takes: the questionnaire's `non_answers` setting, or the
/// question's own `non_answers` column where it has one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NonAnswers {
    /// "Don't know" is offered.
    #[serde(default)]
    pub dont_know: bool,
    /// "Not applicable" is offered.
    #[serde(default)]
    pub not_applicable: bool,
}

impl NonAnswers {
    /// Neither is offered.
    pub const NONE: NonAnswers = NonAnswers { dont_know: false, not_applicable: false };
    /// Both are offered.
    pub const BOTH: NonAnswers = NonAnswers { dont_know: true, not_applicable: true };

    /// Whether `non_answer` is offered.
    pub fn allows(self, non_answer: NonAnswer) -> bool {
        match non_answer {
            NonAnswer::DontKnow => self.dont_know,
            NonAnswer::NotApplicable => self.not_applicable,
        }
    }

    /// The non-answers offered, in order.
    pub fn offered(self) -> Vec<NonAnswer> {
        NonAnswer::ALL.into_iter().filter(|n| self.allows(*n)).collect()
    }

    /// Whether none is offered.
    pub fn is_none(&self) -> bool {
        !self.dont_know && !self.not_applicable
    }

    /// Reads an XLSForm cell: `dont_know`, `not_applicable`, both separated by spaces, `yes`
    /// (both) or `no`/`none` (neither). `Ok(None)` for an empty cell; the unknown word otherwise.
    pub fn parse(cell: &str) -> Result<Option<NonAnswers>, String> {
        let cell = cell.trim().to_lowercase();
        match cell.as_str() {
            "" => return Ok(None),
            "yes" | "true" | "true()" | "both" => return Ok(Some(NonAnswers::BOTH)),
            "no" | "none" | "false" | "false()" => return Ok(Some(NonAnswers::NONE)),
            _ => {}
        }
        let mut read = NonAnswers::NONE;
        for word in cell.split(|c: char| c.is_whitespace() || c == ',') {
            match word {
                "" => {}
                "dont_know" => read.dont_know = true,
                "not_applicable" => read.not_applicable = true,
                other => return Err(other.to_string()),
            }
        }
        Ok(Some(read))
    }

    /// The XLSForm cell that [`NonAnswers::parse`] reads back.
    pub fn cell(self) -> &'static str {
        match (self.dont_know, self.not_applicable) {
            (true, true) => "dont_know not_applicable",
            (true, false) => "dont_know",
            (false, true) => "not_applicable",
            (false, false) => "none",
        }
    }
}

/// Why a value with a non-answer in it is refused, in `lang`; None when it is acceptable
/// (no non-answer in it, or one offered, alone).
pub fn non_answer_problem(value: &str, offered: NonAnswers, lang: Lang) -> Option<String> {
    if let Some(non_answer) = NonAnswer::of_kept(value) {
        if offered.allows(non_answer) {
            return None;
        }
        let words = non_answer.words(lang);
        return Some(match lang {
            Lang::En => format!("this question does not take “{words}”"),
            Lang::Es => format!("esta pregunta no admite «{words}»"),
            Lang::Fr => format!("cette question n'admet pas « {words} »"),
        });
    }
    let mixed = value.split_whitespace().filter_map(NonAnswer::of_kept).next()?;
    let words = mixed.words(lang);
    Some(match lang {
        Lang::En => format!("give an answer or “{words}”, not both"),
        Lang::Es => format!("dé una respuesta o «{words}», no ambas"),
        Lang::Fr => format!("donnez une réponse ou « {words} », pas les deux"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_back_as_written() {
        for offered in
            [NonAnswers::NONE, NonAnswers::BOTH, NonAnswers { dont_know: true, not_applicable: false }]
        {
            assert_eq!(NonAnswers::parse(offered.cell()), Ok(Some(offered)));
        }
        assert_eq!(NonAnswers::parse(" "), Ok(None));
        assert_eq!(NonAnswers::parse("Yes"), Ok(Some(NonAnswers::BOTH)));
        assert_eq!(
            NonAnswers::parse("not_applicable, dont_know"),
            Ok(Some(NonAnswers::BOTH)),
            "a comma separates like a space"
        );
        assert_eq!(NonAnswers::parse("dont_know maybe"), Err("maybe".to_string()));
    }

    #[test]
    fn kept_tokens_words_and_problems() {
        for n in NonAnswer::ALL {
            assert_eq!(NonAnswer::of_kept(n.kept()), Some(n));
            assert!(n.kept().parse::<f64>().is_err());
            for lang in Lang::ALL {
                assert_eq!(NonAnswer::typed(&n.words(lang).to_uppercase()), Some(n));
            }
        }
        assert_eq!(NonAnswer::typed("no sé"), None, "only the words the workbook shows");
        assert_eq!(NonAnswer::of_kept("dont_know"), None, "a choice code named dont_know stays a code");
        let only_dont_know = NonAnswers { dont_know: true, not_applicable: false };
        assert_eq!(non_answer_problem("~dont_know", only_dont_know, Lang::En), None);
        assert_eq!(non_answer_problem("water energy", only_dont_know, Lang::En), None);
        assert_eq!(
            non_answer_problem("~not_applicable", only_dont_know, Lang::Es).as_deref(),
            Some("esta pregunta no admite «No aplica»")
        );
        assert_eq!(
            non_answer_problem("water ~dont_know", only_dont_know, Lang::Fr).as_deref(),
            Some("donnez une réponse ou « Ne sait pas », pas les deux")
        );
    }
}
