//! A city's characterisation: each of its answers beside the share of cities giving the same
//! answer — all cities, its UCLG section and its population band — its peers, and its
//! strengths and gaps: where it has what most cities lack, or lacks what most cities have.

use serde::{Deserialize, Serialize};
use smartcities_domain::City;

use crate::{Answer, Detail, Peer, PopulationBand, Results, Share, Summary};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A city's answer to one question, beside all cities'.
pub struct AnswerBeside {
    /// The question's code.
    pub code: String,
    /// Its axis.
    pub axis: String,
    /// The question's kind.
    pub kind: String,
    /// The city's answer.
    pub answer: String,
    /// Share of the answering cities that gave the same answer (choices), or their median
    /// (numbers); `None` where the cell is too small to show one.
    pub all: Option<f64>,
    /// The same in the city's UCLG section.
    pub section: Option<f64>,
    /// The same in the city's population band.
    pub band: Option<f64>,
}

/// Where a city stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// It has (or rates higher) what fewer than half the cities have.
    Strength,
    /// It lacks (or rates lower) what at least half the cities have.
    Gap,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A question where the city stands out.
pub struct Highlight {
    /// The question's code.
    pub code: String,
    /// Whether it is a strength or a gap.
    pub standing: Standing,
    /// The share of answering cities the sentence cites: for a strength, those that have it
    /// (the city among them; on an ordered scale, those at the city's level or above); for a
    /// gap, those that have what the city lacks (those above its level).
    pub share: f64,
    /// How many answering cities the share is of.
    #[serde(default)]
    pub of: usize,
    /// The city's level, on an ordered scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A city's profile in one edition: never a rank.
pub struct CityProfile {
    /// The city's id.
    pub city: String,
    /// The edition's year.
    pub edition: u16,
    /// Its answers beside all cities'.
    pub answers: Vec<AnswerBeside>,
    /// Where it stands out.
    pub highlights: Vec<Highlight>,
    /// Its mean scaled answer per axis.
    pub axis_profile: Vec<(String, Option<f64>)>,
    /// Its most similar cities.
    pub peers: Vec<Peer>,
    /// The city in the edition's composite index, when the edition defines one.
    pub index: Option<IndexStanding>,
}

/// A city's place in its edition's composite index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndexStanding {
    /// The index's axes, in the order of `standing.axes`.
    pub axes: Vec<String>,
    /// The city's scores and intervals.
    pub standing: crate::CityIndex,
}

fn same_answer(summary: &Summary, answer: &str) -> Option<f64> {
    match &summary.detail {
        Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => {
            options.iter().find(|o| o.code == answer).and_then(|o| o.share)
        }
        Detail::Numeric { values, .. } => values.map(|n| n.median),
        Detail::Text | Detail::Dates { .. } => None,
    }
}

fn group<'r>(summaries: &'r crate::QuestionSummary, dimension: &str, group: &str) -> Option<&'r Summary> {
    summaries
        .breakdowns
        .iter()
        .find(|b| b.dimension == dimension)?
        .groups
        .iter()
        .find(|g| g.group == group)
        .map(|g| &g.summary)
}

/// The share of cities at a level strictly above / below the city's, for ordinal scales.
fn beyond(levels: &[Share], answer: &str) -> Option<(f64, f64)> {
    let at = levels.iter().position(|l| l.code == answer)?;
    let above = levels[at + 1..].iter().map(|l| l.share).sum::<Option<f64>>()?;
    let below = levels[..at].iter().map(|l| l.share).sum::<Option<f64>>()?;
    Some((above, below))
}

/// The profile of a city that answered the edition; `None` if its response is not among the
/// accepted ones.
pub fn city_profile(results: &Results, city: &City, answers: &[Answer]) -> Option<CityProfile> {
    let peers = results.peers_of(city.id.as_str())?;
    let band = (city.population.count > 0).then(|| PopulationBand::of(city.population.count).slug());
    let mut beside = Vec::new();
    let mut highlights = Vec::new();
    for q in &results.questions {
        let Some(answer) = answers.iter().find(|a| a.question == q.code && a.entry.is_none()) else {
            continue;
        };
        if matches!(q.kind.as_str(), "text" | "multiple_choice" | "file" | "image") {
            continue;
        }
        beside.push(AnswerBeside {
            code: q.code.clone(),
            axis: q.axis.clone(),
            kind: q.kind.clone(),
            answer: answer.value.to_string(),
            all: same_answer(&q.overall, answer.value.as_str()),
            section: group(q, "section", city.section.slug())
                .and_then(|s| same_answer(s, answer.value.as_str())),
            band: band
                .and_then(|b| group(q, "population", b))
                .and_then(|s| same_answer(s, answer.value.as_str())),
        });
        match &q.overall.detail {
            Detail::Shares { options } if q.kind == "yes_no" => {
                let yes = options.iter().find(|o| o.code == "yes").and_then(|o| o.share);
                let of = q.overall.answering;
                let standing = match (answer.value.as_str(), yes) {
                    ("yes", Some(share)) if share < 0.5 => Some((Standing::Strength, share)),
                    ("no", Some(share)) if share >= 0.5 => Some((Standing::Gap, share)),
                    _ => None,
                };
                if let Some((standing, share)) = standing {
                    highlights.push(Highlight { code: q.code.clone(), standing, share, of, level: None });
                }
            }
            Detail::Ordinal { levels, .. } => {
                let standing = match beyond(levels, answer.value.as_str()) {
                    // At least half are below: the city is among the rest, at its level or above.
                    Some((_, below)) if below >= 0.5 => Some((Standing::Strength, 1.0 - below)),
                    Some((above, _)) if above >= 0.5 => Some((Standing::Gap, above)),
                    _ => None,
                };
                if let Some((standing, share)) = standing {
                    let (of, level) = (q.overall.answering, Some(answer.value.to_string()));
                    highlights.push(Highlight { code: q.code.clone(), standing, share, of, level });
                }
            }
            _ => {}
        }
    }
    // The most telling first: strengths few cities share, gaps most cities do not have.
    highlights.sort_by(|a, b| {
        let weight = |h: &Highlight| if h.standing == Standing::Strength { 1.0 - h.share } else { h.share };
        // (Both read the same way now: a strength few share, a gap most do not have.)
        weight(b).total_cmp(&weight(a)).then(a.code.cmp(&b.code))
    });
    Some(CityProfile {
        city: city.id.to_string(),
        edition: results.edition,
        answers: beside,
        highlights,
        axis_profile: peers.profile.clone(),
        peers: peers.peers.clone(),
        index: results.composite.as_ref().and_then(|index| {
            let standing = index.cities.iter().find(|c| c.city == city.id.as_str())?;
            Some(IndexStanding { axes: index.axes.clone(), standing: standing.clone() })
        }),
    })
}
