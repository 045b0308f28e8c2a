//! A figure a past edition's report published — "62 % of the cities have a digital strategy
//! (base: 24 cities), p. 18" — kept with its source so the platform can show what the network
//! already knows about itself, and set beside later editions where a question continues it.

use serde::{Deserialize, Serialize};

use crate::{StudyAxis, Written};

/// The number a report gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FigureValue {
    /// A share of cities, from 0 to 1.
    Share {
        /// The share.
        value: f64,
    },
    /// A count (of cities, of projects…).
    Count {
        /// The count.
        value: u64,
    },
    /// A value with its unit (`km`, `%`, `EUR`).
    Value {
        /// The value.
        value: f64,
        /// Its unit, as the report wrote it.
        unit: String,
    },
}

impl FigureValue {
    /// The kind's name in files: `share`, `count` or `value`.
    pub fn kind(&self) -> &'static str {
        match self {
            FigureValue::Share { .. } => "share",
            FigureValue::Count { .. } => "count",
            FigureValue::Value { .. } => "value",
        }
    }

    /// The number as stored.
    pub fn number(&self) -> f64 {
        match self {
            FigureValue::Share { value } | FigureValue::Value { value, .. } => *value,
            FigureValue::Count { value } => *value as f64,
        }
    }
}

/// Where a figure was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureSource {
    /// The document (the report's title or address).
    pub document: String,
    /// The page, when the report has numbered pages.
    pub page: Option<u32>,
}

/// One figure a past edition's report published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishedFigure {
    /// Its code within the edition (`strategy_share`), unique there.
    pub code: String,
    /// What it measures, as written and translated.
    pub label: Written,
    /// The number.
    pub value: FigureValue,
    /// How many answering cities it rests on, when the report says.
    pub base: Option<u32>,
    /// The study axis it belongs to, if any.
    pub axis: Option<StudyAxis>,
    /// A later edition's question it corresponds to, by code.
    pub question: Option<String>,
    /// Where it was published.
    pub source: FigureSource,
    /// An illustrative figure (the demonstration's), not one a report stated.
    #[serde(default)]
    pub illustrative: bool,
}
