use serde::{Deserialize, Serialize};

use crate::ParseError;

/// Where a city's response to an edition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    /// Invited; nothing answered yet.
    Invited,
    /// Some answers saved; not submitted.
    InProgress,
    /// Handed in for review.
    Submitted,
    /// Sent back by the secretariat with comments; the city can change it and submit again.
    Returned,
    /// Accepted by the secretariat; part of the analysis.
    Accepted,
    /// The city withdrew from the edition: its answers are kept but not analysed, and it still
    /// counts among the cities invited.
    Withdrawn,
}

impl ResponseStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [ResponseStatus; 6] = [
        ResponseStatus::Invited,
        ResponseStatus::InProgress,
        ResponseStatus::Submitted,
        ResponseStatus::Returned,
        ResponseStatus::Accepted,
        ResponseStatus::Withdrawn,
    ];

    /// The status's name in the database and translation keys.
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

    /// A status from its name.
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

    /// Where `attempted` leads from this status, or None when the lifecycle does not allow it:
    ///
    /// ```text
    /// invited ─answer→ in progress ─submit→ submitted ─accept→ accepted
    ///    └──────────submit──────────┘          └─return→ returned ─answer/submit→ …
    /// any status but withdrawn ─withdraw→ withdrawn
    /// ```
    ///
    /// The secretariat's corrections change answers in any status except withdrawn and leave the
    /// status as it is (an invited response becomes in progress).
    pub fn after(self, attempted: ResponseMove) -> Option<ResponseStatus> {
        use ResponseMove as M;
        use ResponseStatus as S;
        match (self, attempted) {
            (S::Invited | S::InProgress, M::Answer) => Some(S::InProgress),
            (S::Returned, M::Answer) => Some(S::Returned),
            (S::Invited, M::Correct) => Some(S::InProgress),
            (S::Withdrawn, M::Correct) => None,
            (status, M::Correct) => Some(status),
            (S::Invited | S::InProgress | S::Returned, M::Submit) => Some(S::Submitted),
            (S::Submitted, M::Return) => Some(S::Returned),
            (S::Submitted, M::Accept) => Some(S::Accepted),
            (S::Withdrawn, M::Withdraw) => None,
            (_, M::Withdraw) => Some(S::Withdrawn),
            _ => None,
        }
    }
}

/// What someone does to a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResponseMove {
    /// The city saves answers.
    Answer,
    /// The secretariat corrects answers.
    Correct,
    /// The city hands its answers in for review.
    Submit,
    /// The secretariat sends them back with comments.
    Return,
    /// The secretariat accepts them for the analysis.
    Accept,
    /// The city leaves the edition; its answers are kept but not analysed.
    Withdraw,
}

impl ResponseMove {
    /// Every move.
    pub const ALL: [ResponseMove; 6] = [
        ResponseMove::Answer,
        ResponseMove::Correct,
        ResponseMove::Submit,
        ResponseMove::Return,
        ResponseMove::Accept,
        ResponseMove::Withdraw,
    ];

    /// The move's name in messages and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            ResponseMove::Answer => "answer",
            ResponseMove::Correct => "correct",
            ResponseMove::Submit => "submit",
            ResponseMove::Return => "return",
            ResponseMove::Accept => "accept",
            ResponseMove::Withdraw => "withdraw",
        }
    }
}

/// A campaign's participation: how many cities were invited, started, submitted (accepted
/// ones included) and were accepted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Participation {
    /// Cities with a response record.
    pub invited: usize,
    /// Cities that answered something.
    pub started: usize,
    /// Cities that submitted, accepted ones included.
    pub submitted: usize,
    /// Cities whose response was accepted.
    pub accepted: usize,
}

impl Participation {
    /// The participation the statuses of an edition's responses make.
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
    /// Every level, least trusted first.
    pub const ALL: [Evidence; 3] = [Evidence::SelfReported, Evidence::Reviewed, Evidence::Verified];

    /// The level's name in the database and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            Evidence::SelfReported => "self_reported",
            Evidence::Reviewed => "reviewed",
            Evidence::Verified => "verified",
        }
    }

    /// A level from its name.
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
    fn the_lifecycle_allows_exactly_these_moves() {
        use ResponseMove::*;
        use ResponseStatus::*;
        // Every (status, move) pair: where it leads, or None when refused.
        let table: [(ResponseStatus, [Option<ResponseStatus>; 6]); 6] = [
            //              answer             correct            submit           return          accept          withdraw
            (Invited, [Some(InProgress), Some(InProgress), Some(Submitted), None, None, Some(Withdrawn)]),
            (InProgress, [Some(InProgress), Some(InProgress), Some(Submitted), None, None, Some(Withdrawn)]),
            (Submitted, [None, Some(Submitted), None, Some(Returned), Some(Accepted), Some(Withdrawn)]),
            (Returned, [Some(Returned), Some(Returned), Some(Submitted), None, None, Some(Withdrawn)]),
            (Accepted, [None, Some(Accepted), None, None, None, Some(Withdrawn)]),
            (Withdrawn, [None, None, None, None, None, None]),
        ];
        assert_eq!(table.map(|(s, _)| s), ResponseStatus::ALL);
        for (status, expected) in table {
            for (attempted, expected) in ResponseMove::ALL.into_iter().zip(expected) {
                assert_eq!(status.after(attempted), expected, "{} by {}", status.slug(), attempted.slug());
            }
        }
        // The city may answer exactly where the lifecycle lets it.
        for status in ResponseStatus::ALL {
            assert_eq!(status.after(Answer).is_some(), status.open_to_respondent(), "{}", status.slug());
        }
        assert_eq!([Answer, Correct, Submit, Return, Accept, Withdraw], ResponseMove::ALL);
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

/// The revision of a city's response: 0 before any answer is saved, one more at each save that
/// changes something. A save names the revision it was based on; an answer changed at a later
/// revision is a conflict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = i64, example = 3))]
#[serde(transparent)]
pub struct Revision(i64);

impl Revision {
    /// The revision of a response nothing was saved to yet.
    pub const NONE: Revision = Revision(0);

    /// A revision as stored; a negative number is none.
    pub fn new(n: i64) -> Revision {
        Revision(n.max(0))
    }

    /// The revision as a number, for storage and forms.
    pub fn get(self) -> i64 {
        self.0
    }

    /// The revision a save after this one writes.
    pub fn next(self) -> Revision {
        Revision(self.0 + 1)
    }
}

impl std::fmt::Display for Revision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Revision {
    type Err = ParseError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        input
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .map(Revision)
            .ok_or_else(|| ParseError::new(format!("{input:?} is not a revision")))
    }
}

#[cfg(test)]
mod revision_tests {
    use super::Revision;

    #[test]
    fn a_revision_reads_back_what_it_writes_and_counts_up() {
        let r: Revision = "7".parse().unwrap();
        assert_eq!(r.get(), 7);
        assert_eq!(r.next().to_string(), "8");
        assert!("-1".parse::<Revision>().is_err() && "x".parse::<Revision>().is_err());
        assert_eq!(Revision::new(-3), Revision::NONE);
        assert_eq!(serde_json::to_string(&r).unwrap(), "7");
    }
}
