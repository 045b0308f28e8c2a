//! Why a change to a city's answering team, or a colleague's save, was refused: each reason a
//! message of the translation catalogue.

use smartcities_domain::Lang;
use smartcities_locale::{FluentValue, t, translate};

use crate::{AppError, Refusal};

/// The longest name a team member may be given, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Why a change to a team, or a colleague's save, was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamProblem {
    /// A person needs a name.
    NameMissing,
    /// A name longer than [`MAX_NAME_CHARS`] or with control characters.
    NameInvalid,
    /// Not an e-mail address.
    AddressInvalid,
    /// The address belongs to an account that cannot take this place: someone of another city,
    /// the secretariat, an analyst, or (for a colleague) the city's focal point.
    AddressTaken,
    /// A colleague is brought in to answer at least one section.
    NoSections,
    /// A section the questionnaire does not have.
    UnknownSection {
        /// The name given.
        section: String,
    },
    /// The account is not a colleague of the city.
    NotAColleague,
    /// A colleague saving answers of a section someone else answers.
    NotYourSection {
        /// The section's label in the person's language.
        section: String,
    },
    /// Submitting, uploading a whole workbook, starting from earlier answers and changing the
    /// team are the focal point's (or the secretariat's).
    FocalPointOnly,
}

impl TeamProblem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let s = |v: &str| FluentValue::from(v.to_string());
        match self {
            TeamProblem::NameMissing => t(lang, "team-name-missing"),
            TeamProblem::NameInvalid => {
                translate(lang, "team-name-invalid", &[("max", FluentValue::from(MAX_NAME_CHARS as i64))])
            }
            TeamProblem::AddressInvalid => t(lang, "team-address-invalid"),
            TeamProblem::AddressTaken => t(lang, "team-address-taken"),
            TeamProblem::NoSections => t(lang, "team-no-sections"),
            TeamProblem::UnknownSection { section } => {
                translate(lang, "team-unknown-section", &[("section", s(section))])
            }
            TeamProblem::NotAColleague => t(lang, "team-not-a-colleague"),
            TeamProblem::NotYourSection { section } => {
                translate(lang, "team-not-your-section", &[("section", s(section))])
            }
            TeamProblem::FocalPointOnly => t(lang, "team-focal-point-only"),
        }
    }
}

impl From<TeamProblem> for AppError {
    fn from(problem: TeamProblem) -> Self {
        Refusal::Team(problem).into()
    }
}
