//! Every sentence the product drafts about its findings, written here from typed facts: a
//! share of the answering cities, how many cities it is of, and what it is a share of. A
//! sentence always states its figure; "most" is said only above 50 % and "few" only below
//! 25 % (of the figure as shown, rounded half away from zero); nothing is drafted from fewer
//! than [`MIN_CITIES`] answering cities. Findings are statements about cities — the
//! question's `statement` ("have a climate action plan in force") — not quoted questions.

use smartcities_domain::Lang;
use smartcities_locale::translate;

use crate::names::{Names, percent, whole_percent};

/// No sentence is drafted from fewer answering cities than this.
pub const MIN_CITIES: usize = 5;
/// "Most" is said of a share shown above this percentage, and only then.
pub const MOST_ABOVE: i64 = 50;
/// "Few" is said of a share shown below this percentage, and only then.
pub const FEW_BELOW: i64 = 25;

/// A share of the answering cities: what a sentence is drafted from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareFact {
    /// The share, 0 to 1.
    pub share: f64,
    /// How many cities it is a share of.
    pub of: usize,
}

/// How a share may be qualified, decided on the percentage as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// Above [`MOST_ABOVE`] %.
    Most,
    /// Below [`FEW_BELOW`] %.
    Few,
    /// Neither: the figure alone.
    Plain,
}

impl ShareFact {
    /// The fact, if it is one to draft from: a share between 0 and 1 of at least
    /// [`MIN_CITIES`] cities.
    pub fn new(share: f64, of: usize) -> Option<ShareFact> {
        ((0.0..=1.0).contains(&share) && of >= MIN_CITIES).then_some(ShareFact { share, of })
    }

    /// The qualifier the share allows.
    pub fn quantity(self) -> Quantity {
        let shown = whole_percent(self.share);
        if shown > MOST_ABOVE {
            Quantity::Most
        } else if shown < FEW_BELOW {
            Quantity::Few
        } else {
            Quantity::Plain
        }
    }
}

/// What cities answering yes to a question do, as a predicate with "cities" as subject: the
/// question's statement in `lang`, or else "answer yes to «the question»".
pub fn predicate(names: &Names<'_>, code: &str) -> String {
    names.statement(code).unwrap_or_else(|| {
        translate(names.lang, "sentence-answer-yes", &[("question", names.question(code).into())])
    })
}

/// How widespread something is: "Most cities (62 %) have …", "44 % of cities have …", "Few
/// cities (12 %) have …".
pub fn spread(lang: Lang, fact: ShareFact, predicate: &str) -> String {
    let key = match fact.quantity() {
        Quantity::Most => "sentence-spread-most",
        Quantity::Few => "sentence-spread-few",
        Quantity::Plain => "sentence-spread",
    };
    translate(
        lang,
        key,
        &[("share", percent(lang, fact.share).into()), ("predicate", predicate.to_string().into())],
    )
}

/// One item of a list of what most or few cities have: "have a climate action plan in force
/// (62 %)", drafted only when the share allows the list's qualifier.
pub fn listed(lang: Lang, fact: ShareFact, predicate: &str, wanted: Quantity) -> Option<String> {
    (fact.quantity() == wanted).then(|| {
        translate(
            lang,
            "sentence-listed",
            &[("share", percent(lang, fact.share).into()), ("predicate", predicate.to_string().into())],
        )
    })
}

/// A city that has what a share of cities have (`fact` is the share of cities that have it,
/// the city among them): "Bilbao is one of the 23 % of cities that have …".
pub fn has_like(lang: Lang, city: &str, fact: ShareFact, predicate: &str) -> String {
    translate(
        lang,
        "sentence-city-one-of",
        &[
            ("city", city.to_string().into()),
            ("share", percent(lang, fact.share).into()),
            ("predicate", predicate.to_string().into()),
        ],
    )
}

/// A city that does not have what a share of cities have (`fact` is the share that have it):
/// "77 % of cities have …; Bilbao does not yet."
pub fn lacks(lang: Lang, city: &str, fact: ShareFact, predicate: &str) -> String {
    translate(
        lang,
        "sentence-city-not-yet",
        &[
            ("city", city.to_string().into()),
            ("share", percent(lang, fact.share).into()),
            ("predicate", predicate.to_string().into()),
        ],
    )
}

/// A city at a level of an ordered scale that a share of cities reach (`fact`: the share at the
/// city's level or above): "Bilbao is one of the 30 % of cities at «Advanced» or above in «…»".
pub fn at_level(lang: Lang, city: &str, fact: ShareFact, level: &str, question: &str) -> String {
    translate(
        lang,
        "sentence-city-level",
        &[
            ("city", city.to_string().into()),
            ("share", percent(lang, fact.share).into()),
            ("level", level.to_string().into()),
            ("question", question.to_string().into()),
        ],
    )
}

/// A city below a level a share of cities pass (`fact`: the share above the city's level).
pub fn below_level(lang: Lang, city: &str, fact: ShareFact, level: &str, question: &str) -> String {
    translate(
        lang,
        "sentence-city-below",
        &[
            ("city", city.to_string().into()),
            ("share", percent(lang, fact.share).into()),
            ("level", level.to_string().into()),
            ("question", question.to_string().into()),
        ],
    )
}

/// Where a city stands out, as a sentence: a strength or a gap of its profile.
pub fn highlight(
    names: &Names<'_>,
    city: &str,
    highlight: &smartcities_analysis::Highlight,
) -> Option<String> {
    use smartcities_analysis::Standing;
    let fact = ShareFact::new(highlight.share, highlight.of)?;
    let lang = names.lang;
    Some(match (&highlight.level, highlight.standing) {
        (None, Standing::Strength) => has_like(lang, city, fact, &predicate(names, &highlight.code)),
        (None, Standing::Gap) => lacks(lang, city, fact, &predicate(names, &highlight.code)),
        (Some(level), standing) => {
            let (level, question) = (names.answer(&highlight.code, level), names.question(&highlight.code));
            match standing {
                Standing::Strength => at_level(lang, city, fact, &level, &question),
                Standing::Gap => below_level(lang, city, fact, &level, &question),
            }
        }
    })
}

#[cfg(test)]
mod tests;
