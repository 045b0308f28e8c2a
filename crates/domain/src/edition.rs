use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Localized, ParseError, StudyAxis};

/// The year an edition of the study is named after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = u16, example = 2023))]
#[serde(try_from = "u16", into = "u16")]
pub struct EditionYear(u16);

impl EditionYear {
    /// An edition year from 2000 to 2100.
    pub fn new(year: u16) -> Result<Self, ParseError> {
        if (2000..=2100).contains(&year) {
            Ok(EditionYear(year))
        } else {
            Err(ParseError::new(format!("edition year {year} is outside 2000..2100")))
        }
    }

    /// An edition year from its text.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let year: u16 =
            input.trim().parse().map_err(|_| ParseError::new(format!("{input:?} is not a year")))?;
        EditionYear::new(year)
    }

    /// The year as a number.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for EditionYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl TryFrom<u16> for EditionYear {
    type Error = ParseError;
    fn try_from(value: u16) -> Result<Self, Self::Error> {
        EditionYear::new(value)
    }
}

impl From<EditionYear> for u16 {
    fn from(year: EditionYear) -> u16 {
        year.0
    }
}

/// What an edition looks at: all six axes, one of them in depth, or a cross-cutting theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Focus {
    /// All six axes alike (as in 2012).
    Holistic,
    /// One of the six axes in depth (2017 economy, 2019 governance).
    Axis(StudyAxis),
    /// A theme named by a snake_case code, e.g. `covid19_smart_resilience`.
    Theme(String),
}

impl Focus {
    /// Parses `holistic`, `axis:governance` or `theme:covid19_smart_resilience`.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let input = input.trim();
        if input == "holistic" {
            return Ok(Focus::Holistic);
        }
        if let Some(axis) = input.strip_prefix("axis:") {
            return StudyAxis::parse(axis).map(Focus::Axis);
        }
        if let Some(theme) = input.strip_prefix("theme:") {
            let valid = !theme.is_empty()
                && theme.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if valid {
                return Ok(Focus::Theme(theme.to_string()));
            }
        }
        Err(ParseError::new(format!(
            "unknown focus {input:?}: expected holistic, axis:<one of the six axes> or theme:<snake_case name>"
        )))
    }

    /// The focus as it is written in edition files: `holistic`, `axis:economy`, `theme:…`.
    pub fn code(&self) -> String {
        match self {
            Focus::Holistic => "holistic".into(),
            Focus::Axis(axis) => format!("axis:{}", axis.slug()),
            Focus::Theme(theme) => format!("theme:{theme}"),
        }
    }
}

/// Whether an edition takes answers. Collection is its own state: publishing a version of the
/// findings never opens or closes it, and closing it never publishes anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    /// The edition is being designed; no city answers yet.
    Planning,
    /// Cities are answering.
    Open,
    /// Answers are no longer taken (the secretariat may still correct them).
    Closed,
}

impl Collection {
    /// Every state, in the order an edition usually goes through them.
    pub const ALL: [Collection; 3] = [Collection::Planning, Collection::Open, Collection::Closed];

    /// The state's name in files, the database and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            Collection::Planning => "planning",
            Collection::Open => "open",
            Collection::Closed => "closed",
        }
    }

    /// A state from its name.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        Collection::ALL.into_iter().find(|s| s.slug() == input.trim()).ok_or_else(|| {
            ParseError::new(format!("unknown collection state {input:?}: expected planning, open or closed"))
        })
    }
}

/// Where an edition stands: whether it takes answers, and whether its findings are public (a
/// version published on the platform, or a report published before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(from = "StatusRepr")]
pub struct EditionStatus {
    /// Whether cities answer.
    pub collection: Collection,
    /// Whether its findings are public.
    pub published: bool,
}

/// How a status was written: as today, or as the single word of earlier versions (in the
/// snapshots stored with versions published then).
#[derive(Deserialize)]
#[serde(untagged)]
enum StatusRepr {
    Current { collection: Collection, published: bool },
    Legacy(String),
}

impl From<StatusRepr> for EditionStatus {
    fn from(repr: StatusRepr) -> EditionStatus {
        match repr {
            StatusRepr::Current { collection, published } => EditionStatus { collection, published },
            StatusRepr::Legacy(word) => EditionStatus::from_legacy(&word).unwrap_or(EditionStatus::PLANNING),
        }
    }
}

impl EditionStatus {
    /// Being designed, nothing published.
    pub const PLANNING: EditionStatus = EditionStatus { collection: Collection::Planning, published: false };
    /// Taking answers, nothing published.
    pub const COLLECTING: EditionStatus = EditionStatus { collection: Collection::Open, published: false };
    /// Answers closed, findings not yet public.
    pub const CLOSED: EditionStatus = EditionStatus { collection: Collection::Closed, published: false };
    /// Answers closed, findings public.
    pub const PUBLISHED: EditionStatus = EditionStatus { collection: Collection::Closed, published: true };

    /// Every status an edition can have.
    pub const ALL: [EditionStatus; 6] = [
        EditionStatus::PLANNING,
        EditionStatus::COLLECTING,
        EditionStatus::CLOSED,
        EditionStatus::PUBLISHED,
        EditionStatus { collection: Collection::Open, published: true },
        EditionStatus { collection: Collection::Planning, published: true },
    ];

    /// The status an earlier version's single word meant (`planning`, `collecting`, `analysing`,
    /// `published`).
    pub fn from_legacy(word: &str) -> Option<EditionStatus> {
        Some(match word {
            "planning" => EditionStatus::PLANNING,
            "collecting" => EditionStatus::COLLECTING,
            "analysing" => EditionStatus::CLOSED,
            "published" => EditionStatus::PUBLISHED,
            _ => return None,
        })
    }

    /// Whether cities can answer now.
    pub fn takes_answers(self) -> bool {
        self.collection == Collection::Open
    }

    /// The status's name in translation keys: `planning`, `collecting`, `closed`, `published`,
    /// or `collecting-published` when provisional findings are out while cities still answer.
    pub fn slug(self) -> &'static str {
        match (self.collection, self.published) {
            (Collection::Planning, false) => "planning",
            (Collection::Open, false) => "collecting",
            (Collection::Closed, false) => "closed",
            (Collection::Closed | Collection::Planning, true) => "published",
            (Collection::Open, true) => "collecting-published",
        }
    }
}

/// A calendar date known to the year, the month or the day (`2023`, `2023-05`, `2023-05-10`):
/// public sources often give only the month of a launch or a presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ApproxDate {
    /// The year.
    pub year: u16,
    /// The month (1–12), when known.
    pub month: Option<u8>,
    /// The day of the month, when known.
    pub day: Option<u8>,
}

impl ApproxDate {
    /// A date written `2021`, `2021-06` or `2021-06-30`.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let bad = || ParseError::new(format!("{input:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"));
        let mut parts = input.trim().split('-');
        let year_text = parts.next().ok_or_else(bad)?;
        if year_text.len() != 4 {
            return Err(bad());
        }
        let year: u16 = year_text.parse().map_err(|_| bad())?;
        let number = |text: Option<&str>| -> Result<Option<u8>, ParseError> {
            match text {
                None => Ok(None),
                Some(t) if t.len() == 2 => t.parse().map(Some).map_err(|_| bad()),
                Some(_) => Err(bad()),
            }
        };
        let month = number(parts.next())?;
        let day = number(parts.next())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(bad());
        }
        if let (Some(m), Some(d)) = (month, day)
            && crate::Day::from_parts(year, m, d).is_none()
        {
            return Err(bad());
        }
        Ok(ApproxDate { year, month, day })
    }

    /// The last day the date stands for: the day itself, the last of its month, or the last of
    /// its year.
    pub fn last_day(self) -> crate::Day {
        match (self.month, self.day) {
            (Some(m), Some(d)) => crate::Day::from_parts(self.year, m, d)
                .unwrap_or_else(|| crate::Day::month_start(self.year, m).month_end()),
            (Some(m), None) => crate::Day::month_start(self.year, m).month_end(),
            _ => crate::Day::month_start(self.year, 12).month_end(),
        }
    }
}

impl fmt::Display for ApproxDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

string_schema!(
    ApproxDate,
    "2023-05-10",
    "A date known to the year, month or day: YYYY, YYYY-MM or YYYY-MM-DD"
);

impl TryFrom<String> for ApproxDate {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ApproxDate::parse(&value)
    }
}

impl From<ApproxDate> for String {
    fn from(date: ApproxDate) -> String {
        date.to_string()
    }
}

/// A dated step on an edition's timeline (call for participation, deadline, focus group, launch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Milestone {
    /// When.
    pub date: ApproxDate,
    /// What happens then, in the three languages.
    pub label: Localized,
}

/// One edition of the Smart Cities Study.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Edition {
    /// The edition's year.
    pub year: EditionYear,
    /// Its title in the three languages.
    pub title: Localized,
    /// What it looks at.
    pub focus: Focus,
    /// Where it stands.
    pub status: EditionStatus,
    /// Milestones in date order.
    pub milestones: Vec<Milestone>,
    /// The study characterises cities and is not a ranking: ranks are shown only when an edition
    /// explicitly opts in.
    pub show_rankings: bool,
    /// Whether the public sees composite scores and per-axis levels; otherwise only the
    /// secretariat and analysts do.
    #[serde(default)]
    pub public_scores: bool,
    /// How many cities took part, as published, for editions run before this platform.
    pub reported_participants: Option<u32>,
    /// Public pages the edition's description is based on.
    pub sources: Vec<String>,
    /// The rule that turns a city's answers into a level per axis, if the edition adopts one;
    /// without it cities are only profiled, never scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<ScoringRule>,
    /// A composite index over the edition's numeric questions, if the edition defines one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<IndexRule>,
}

/// How a level per axis is computed from a city's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScoringMethod {
    /// The mean of the city's answers in the axis, each scaled to 0–100: yes = 100, no = 0; an
    /// ordinal level by its rank (lowest 0, highest 100); a number by its percentile among the
    /// answering cities; a multiple choice by the share of options chosen. Free text and single
    /// choices without an order do not count.
    AxisMean,
}

/// An explicit, documented scoring rule an edition adopts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoringRule {
    /// How levels are computed.
    pub method: ScoringMethod,
    /// The rule in words, as the edition's report states it.
    pub description: Localized,
}

/// A composite index over an edition's numeric questions: each question scaled 0–100 by
/// min-max after its direction (counts per 100,000 inhabitants first), averaged with equal
/// weights into its axis and the axes into the index; shown as profiles with the interval
/// that the uncertain choices (imputation, question and axis weights) leave — ranks only if the
/// edition shows rankings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IndexRule {
    /// The index in words, as the edition's report states it.
    pub description: Localized,
    /// The numeric questions in the index; empty: every numeric question with a direction.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Monte Carlo runs over the uncertain choices.
    #[serde(default = "IndexRule::default_runs")]
    pub runs: u32,
    /// Question and axis weights vary by up to this percentage either way.
    #[serde(default = "IndexRule::default_noise")]
    pub weight_noise_percent: u8,
    /// The runs are drawn from this seed, so results can be recomputed exactly.
    #[serde(default = "IndexRule::default_seed")]
    pub seed: u64,
}

impl IndexRule {
    fn default_runs() -> u32 {
        500
    }
    fn default_noise() -> u8 {
        25
    }
    fn default_seed() -> u64 {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_three_precisions() {
        assert_eq!(ApproxDate::parse("2021").unwrap().to_string(), "2021");
        assert_eq!(ApproxDate::parse("2021-11").unwrap().to_string(), "2021-11");
        assert_eq!(ApproxDate::parse("2021-05-31").unwrap().to_string(), "2021-05-31");
        assert!(ApproxDate::parse("2021-13").is_err());
        assert!(ApproxDate::parse("2021-02-29").is_err());
        assert!(ApproxDate::parse("2020-02-29").is_ok());
        assert!(ApproxDate::parse("21-05").is_err());
        assert!(ApproxDate::parse("2021-5-3").is_err());
    }

    #[test]
    fn dates_order_by_time() {
        let a = ApproxDate::parse("2021-05").unwrap();
        let b = ApproxDate::parse("2021-05-31").unwrap();
        let c = ApproxDate::parse("2021-11").unwrap();
        assert!(a < b && b < c);
    }

    #[test]
    fn focus_codes_round_trip() {
        for code in ["holistic", "axis:governance", "theme:covid19_smart_resilience"] {
            assert_eq!(Focus::parse(code).unwrap().code(), code);
        }
        assert!(Focus::parse("axis:tourism").is_err());
        assert!(Focus::parse("theme:Bad Theme").is_err());
    }

    #[test]
    fn collection_and_publication_are_separate() {
        for status in EditionStatus::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(serde_json::from_str::<EditionStatus>(&json).unwrap(), status, "{json}");
        }
        // Snapshots of versions published before the split carry one word.
        let legacy: EditionStatus = serde_json::from_str("\"published\"").unwrap();
        assert_eq!(legacy, EditionStatus::PUBLISHED);
        let legacy: EditionStatus = serde_json::from_str("\"analysing\"").unwrap();
        assert_eq!(legacy, EditionStatus::CLOSED);
        // Findings can be public while cities still answer: the status says both.
        let both = EditionStatus { collection: Collection::Open, published: true };
        assert!(both.takes_answers() && both.published);
        assert_eq!(both.slug(), "collecting-published");
        let slugs: std::collections::BTreeSet<_> = EditionStatus::ALL.iter().map(|s| s.slug()).collect();
        assert_eq!(slugs.len(), 5, "every status has a name: {slugs:?}");
        for c in Collection::ALL {
            assert_eq!(Collection::parse(c.slug()).unwrap(), c);
        }
    }

    #[test]
    fn years_are_bounded() {
        assert!(EditionYear::new(2023).is_ok());
        assert!(EditionYear::new(1999).is_err());
        assert!(EditionYear::parse("20x3").is_err());
    }
}
