//! The vocabulary of the Smart Cities Study as Rust types.
//!
//! Every type here is built by parsing: a [`CountryCode`] is a real ISO 3166-1 code, an
//! [`SdgTarget`] names a goal from 1 to 17, a [`Framework`] has unique question codes. Code that
//! holds one of these values never checks it again. Parsing failures carry a message meant for the
//! person who wrote the input (a secretariat officer editing a TOML file, a city uploading a CSV).

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

/// Declares that a type travels as a plain string in JSON, for the OpenAPI document.
macro_rules! string_schema {
    ($ty:ty, $example:expr, $description:expr) => {
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $ty {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some($description))
                    .examples([$example])
                    .into()
            }
        }
        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $ty {}
    };
}

/// Declares a closed list of values that travel as snake_case names.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $slug:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $slug)] $variant,)+
        }

        // Written out rather than derived: the schema must list the names JSON carries.
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($slug,)+]))
                    .into()
            }
        }
        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The value's name in files, forms, facets and translation keys.
            pub fn slug(self) -> &'static str {
                match self {
                    $($name::$variant => $slug,)+
                }
            }

            /// A value from its name.
            pub fn parse(input: &str) -> Result<Self, ParseError> {
                let input = input.trim();
                Self::ALL.iter().copied().find(|v| v.slug() == input).ok_or_else(|| {
                    let names: Vec<&str> = Self::ALL.iter().map(|v| v.slug()).collect();
                    ParseError::new(format!("unknown value {input:?}: expected one of {}", names.join(", ")))
                })
            }
        }
    };
}

mod account;
mod city;
mod community;
mod country;
mod edition;
mod edition_file;
mod event_hours;
mod figure;
mod framework;
mod lang;
mod network;
mod number;
mod practice;
mod progress;
mod response;
mod time;
mod version;
mod written;

pub use account::Role;
pub use city::{
    City, CityId, CityNames, Coordinates, Email, FocalPoint, Member, MemberStatus, Partner, PartnerKind,
    Population,
};
pub use community::{Component, Event, EventId, EventKind, EventProblem};
pub use country::{Country, CountryCode, Section};
pub use edition::{
    ApproxDate, Collection, Edition, EditionStatus, EditionYear, Focus, IndexRule, Milestone, ScoringMethod,
    ScoringRule,
};
pub use edition_file::{EditionFile, EditionFileError};
pub use event_hours::{ClockTime, EventHours, EventMoment, ZoneName};
pub use figure::{FigureSource, FigureValue, PublishedFigure};
pub use framework::{
    Axis, Choice, Code, Direction, Framework, FrameworkError, Provenance, Question, QuestionKind,
    QuestionRef, SdgTarget, StudyAxis, SubArea, sdg_goals,
};
pub use lang::{Lang, Localized};
pub use network::{
    Activity, ActivityStatus, Application, ApplicationStatus, BodySeat, CommunityProblem, Council,
    Leadership, MAX_FOCAL_POINTS, RenewalAnswer, Semester, check_focal_points, focal_point,
};
pub use number::{NumberProblem, decimal_separator, read_count, read_decimal, read_number, typed_number};
pub use practice::{
    Actor, BudgetRange, Contact, Effort, Indicator, Inequality, Practice, PracticeId, PracticeSource,
    PracticeStatus, Stage, Transferability, web_link,
};
pub use progress::{Progress, Silent};
pub use response::{Evidence, Participation, ResponseMove, ResponseStatus, Revision};
pub use time::{Clock, Day, FixedClock, SystemClock, Timestamp};
pub use version::{FrameworkVersion, PracticeVersion, PublishedVersion, QuestionnaireVersion};
pub use written::{Written, english_if_plain, optional_english_if_plain};

/// Why a piece of input could not become a domain value. The message is shown to people as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

impl ParseError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        ParseError(message.into())
    }
}
