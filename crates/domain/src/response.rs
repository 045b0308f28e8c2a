use serde::{Deserialize, Serialize};

use crate::ParseError;

/// Where a city's response to an edition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    /// Invited; nothing answered yet.
    Invited,
    InProgress,
    Submitted,
    /// Sent back by the secretariat with comments; the city can change it and submit again.
    Returned,
    Accepted,
    /// The city withdrew from the edition: its answers are kept but not analysed, and it still
    /// counts among the cities invited.
    Withdrawn,
}

impl ResponseStatus {
    pub const ALL: [ResponseStatus; 6] = [
        ResponseStatus::Invited,
        ResponseStatus::InProgress,
        ResponseStatus::Submitted,
        ResponseStatus::Returned,
        ResponseStatus::Accepted,
        ResponseStatus::Withdrawn,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ResponseStatus::Invited => "invited",
            ResponseStatus::InProgress => "in_progress",
            ResponseStatus::Submitted => "submitted",
            ResponseStatus::Returned => "returned",
            ResponseStatus::Accepted => "accepted",
            ResponseStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        ResponseStatus::ALL
            .into_iter()
            .find(|s| s.slug() == input.trim())
            .ok_or_else(|| ParseError::new(format!("unknown response status {input:?}")))
    }

    /// Whether the city itself may still change its answers.
    pub fn open_to_respondent(self) -> bool {
        matches!(self, ResponseStatus::Invited | ResponseStatus::InProgress | ResponseStatus::Returned)
    }
}

/// A campaign's participation: how many cities were invited, started, submitted (accepted
/// ones included) and were accepted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Participation {
    pub invited: usize,
    pub started: usize,
    pub submitted: usize,
    pub accepted: usize,
}

impl Participation {
    pub fn of(statuses: &[ResponseStatus]) -> Participation {
        let count = |keep: fn(&ResponseStatus) -> bool| statuses.iter().filter(|s| keep(s)).count();
        Participation {
            invited: statuses.len(),
            started: count(|s| *s != ResponseStatus::Invited),
            submitted: count(|s| matches!(s, ResponseStatus::Submitted | ResponseStatus::Accepted)),
            accepted: count(|s| *s == ResponseStatus::Accepted),
        }
    }

    /// `n` as a percentage of the invited cities; None when none was invited.
    pub fn rate(&self, n: usize) -> Option<f64> {
        (self.invited > 0).then(|| 100.0 * n as f64 / self.invited as f64)
    }
}

/// How far an answer can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// As the city gave it.
    SelfReported,
    /// Accepted by the secretariat on review.
    Reviewed,
    /// Backed by a document or link the reviewer checked.
    Verified,
}

impl Evidence {
    pub const ALL: [Evidence; 3] = [Evidence::SelfReported, Evidence::Reviewed, Evidence::Verified];

    pub fn slug(self) -> &'static str {
        match self {
            Evidence::SelfReported => "self_reported",
            Evidence::Reviewed => "reviewed",
            Evidence::Verified => "verified",
        }
    }

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        Evidence::ALL.into_iter().find(|e| e.slug() == input.trim()).ok_or_else(|| {
            ParseError::new(format!(
                "unknown evidence level {input:?}: expected self_reported, reviewed or verified"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_evidence_round_trip() {
        for s in ResponseStatus::ALL {
            assert_eq!(ResponseStatus::parse(s.slug()), Ok(s));
        }
        for e in Evidence::ALL {
            assert_eq!(Evidence::parse(e.slug()), Ok(e));
        }
        assert!(ResponseStatus::Returned.open_to_respondent());
        assert!(!ResponseStatus::Submitted.open_to_respondent());
        assert!(Evidence::Verified > Evidence::SelfReported);
    }

    #[test]
    fn participation_counts_each_stage_and_those_beyond_it() {
        use ResponseStatus::*;
        let p = Participation::of(&[Invited, InProgress, Submitted, Returned, Accepted]);
        assert_eq!(p, Participation { invited: 5, started: 4, submitted: 2, accepted: 1 });
        assert_eq!(p.rate(p.submitted), Some(40.0));
        assert_eq!(Participation::of(&[]).rate(0), None);
    }
}
