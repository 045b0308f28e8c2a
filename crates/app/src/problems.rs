//! What is wrong with a field of a form, in the reader's language: the community's forms,
//! events and the search synonyms.

use smartcities_domain::{CommunityProblem, EventProblem, Lang};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_search::synonyms::{MAX_GROUP_WORDS, MAX_GROUPS, MAX_WORD_CHARS, SynonymProblem};

/// What is wrong with a community form's field, in `lang`.
pub fn community_problem(lang: Lang, problem: &CommunityProblem) -> String {
    let n = |x: usize| FluentValue::from(x as i64);
    match problem {
        CommunityProblem::Missing => t(lang, "community-problem-missing"),
        CommunityProblem::TooLong { max } => translate(lang, "event-problem-long", &[("max", n(*max))]),
        CommunityProblem::NotAnEmail => t(lang, "community-problem-email"),
        CommunityProblem::FocalPoints { max } => {
            translate(lang, "community-problem-focal-points", &[("max", n(*max))])
        }
        CommunityProblem::EndsBeforeStart => t(lang, "event-problem-order"),
        CommunityProblem::NotInFuture => t(lang, "refused-round-closes-in-past"),
        CommunityProblem::ControlCharacter => t(lang, "community-problem-control"),
        CommunityProblem::Number(problem) => problem.message(lang),
    }
}

/// What is wrong with an event, in `lang`.
pub fn event_problem(lang: Lang, problem: &EventProblem) -> String {
    let n = |x: usize| FluentValue::from(x as i64);
    match problem {
        EventProblem::Title { max } => translate(lang, "event-problem-title", &[("max", n(*max))]),
        EventProblem::DayMissing => t(lang, "event-problem-day"),
        EventProblem::EndsBeforeStart => t(lang, "event-problem-order"),
        EventProblem::TooLong { max } => translate(lang, "event-problem-long", &[("max", n(*max))]),
        EventProblem::TooManyLinks { max } => translate(lang, "event-problem-links", &[("max", n(*max))]),
        EventProblem::NotALink { link } => {
            translate(lang, "event-problem-link", &[("link", FluentValue::from(link.clone()))])
        }
        EventProblem::UnknownPartner { partner } => {
            translate(lang, "event-problem-partner", &[("partner", FluentValue::from(partner.clone()))])
        }
        EventProblem::NoPlaces => t(lang, "event-problem-capacity"),
        EventProblem::BadTime => t(lang, "event-problem-time"),
        EventProblem::UnknownZone => t(lang, "event-problem-zone"),
    }
}

/// What is wrong with a language's synonyms, in `lang`, naming the line.
pub fn synonym_problem(lang: Lang, problem: &SynonymProblem) -> String {
    let n = |x: usize| FluentValue::from(x as i64);
    match problem {
        SynonymProblem::TooManyGroups => {
            translate(lang, "synonyms-problem-groups", &[("max", n(MAX_GROUPS))])
        }
        SynonymProblem::Alone { line } => translate(lang, "synonyms-problem-alone", &[("line", n(*line))]),
        SynonymProblem::TooManyWords { line } => {
            translate(lang, "synonyms-problem-words", &[("line", n(*line)), ("max", n(MAX_GROUP_WORDS))])
        }
        SynonymProblem::BadWord { line, word } => translate(
            lang,
            "synonyms-problem-word",
            &[("line", n(*line)), ("word", FluentValue::from(word.clone())), ("max", n(MAX_WORD_CHARS))],
        ),
    }
}
