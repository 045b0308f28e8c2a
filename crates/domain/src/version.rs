//! Version numbers, one type per thing that is versioned. Each counts from 1 and only goes up;
//! none can be mistaken for another (a questionnaire's version passed where a framework's is
//! expected does not compile), and none can be zero or negative once parsed.

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// Declares a version number: 1 for the first, one more for each change.
macro_rules! version_number {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = u32, example = 1))]
        #[serde(transparent)]
        pub struct $name(u32);

        impl $name {
            /// The first version.
            pub const FIRST: $name = $name(1);

            /// A version from its number; `None` below 1 or beyond what a version reaches.
            pub fn new(n: i64) -> Option<$name> {
                u32::try_from(n).ok().filter(|n| *n >= 1).map($name)
            }

            /// The version numbered `n`, for constants and tests; panics below 1.
            pub const fn of(n: u32) -> $name {
                assert!(n >= 1, "versions count from 1");
                $name(n)
            }

            /// The number, for storage, addresses and forms.
            pub fn get(self) -> u32 {
                self.0
            }

            /// The number as the databases store it.
            pub fn stored(self) -> i64 {
                i64::from(self.0)
            }

            /// The version the next change makes.
            pub fn next(self) -> $name {
                $name(self.0.saturating_add(1))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = ParseError;

            fn from_str(input: &str) -> Result<Self, Self::Err> {
                input
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .and_then($name::new)
                    .ok_or_else(|| ParseError::new(format!("{input:?} is not a {} (1, 2, 3…)", $what)))
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let n = i64::deserialize(deserializer)?;
                $name::new(n).ok_or_else(|| serde::de::Error::custom(format!("{n} is not a {}", $what)))
            }
        }
    };
}

version_number!(
    /// The version of an edition's questionnaire: every saved change to its questions makes the
    /// next one, and each answer records the version it was given under.
    QuestionnaireVersion,
    "questionnaire version"
);

version_number!(
    /// The version of an edition's framework (axes, sub-areas, questions and their scoring).
    FrameworkVersion,
    "framework version"
);

version_number!(
    /// The version of a practice in the catalogue: every saved change makes the next one.
    PracticeVersion,
    "practice version"
);

version_number!(
    /// A published version of an edition (`/editions/2024/v/2/`): immutable once written.
    PublishedVersion,
    "published version"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_counts_from_one_and_reads_back_what_it_writes() {
        let v: QuestionnaireVersion = " 3 ".parse().unwrap();
        assert_eq!((v.get(), v.stored(), v.next().to_string()), (3, 3, "4".to_string()));
        assert_eq!(QuestionnaireVersion::new(1), Some(QuestionnaireVersion::FIRST));
        for refused in ["0", "-2", "x", "", "4294967296"] {
            assert!(refused.parse::<FrameworkVersion>().is_err(), "{refused:?}");
        }
        assert_eq!(PracticeVersion::new(0), None);
        assert_eq!(serde_json::to_string(&PublishedVersion::FIRST).unwrap(), "1");
        assert_eq!(serde_json::from_str::<PublishedVersion>("2").unwrap().get(), 2);
        assert!(serde_json::from_str::<PublishedVersion>("0").is_err());
    }
}
