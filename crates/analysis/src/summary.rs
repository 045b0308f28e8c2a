//! Per-question summaries: shares of answering cities with Wilson intervals, ordinal
//! distributions with their median level, numbers with quartiles (and per 100,000 inhabitants
//! for counts), overall and by UCLG section, population band and Metropolis membership.

use serde::{Deserialize, Serialize};
use smartcities_questionnaire::{AnswerValue, Kind, NonAnswer, Question};

use crate::{
    Indexed, Input, MIN_CELL, PopulationBand,
    stats::{Numbers, Z95, wilson},
};

/// One option's count and share of the cities answering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Share {
    /// The option's code.
    pub code: String,
    /// Cities that chose it.
    pub count: usize,
    /// `None` in a cell of fewer than [`MIN_CELL`] answering cities.
    pub share: Option<f64>,
    /// Lower bound of the share's Wilson 95 % interval.
    pub low: Option<f64>,
    /// Upper bound of the share's Wilson 95 % interval.
    pub high: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
/// What a question's answers add up to, by kind.
pub enum Detail {
    /// Yes/no and choices; for multiple choice a city counts once under each option it chose.
    Shares {
        /// One share per option, in the question's order.
        options: Vec<Share>,
    },
    /// Levels lowest first; the median is the level of the middle city (the lower of the two
    /// middle cities for an even count).
    Ordinal {
        /// One share per level, lowest first.
        levels: Vec<Share>,
        /// The median level's code.
        median: Option<String>,
    },
    /// Figures: their distribution.
    Numeric {
        /// The unit the figures are given in.
        unit: String,
        /// The distribution of the figures, in a cell large enough to show one.
        values: Option<Numbers>,
        /// For counts: the value per 100,000 inhabitants of the city.
        per_100k: Option<Numbers>,
    },
    /// Free text is summarised by coding it; here only how many answered.
    Text,
    /// Days: the earliest, middle and latest given (`YYYY-MM-DD`), in a cell large enough to
    /// show them.
    Dates {
        /// The earliest day given.
        earliest: Option<String>,
        /// The day of the middle city (the earlier of the two middle ones for an even count).
        median: Option<String>,
        /// The latest day given.
        latest: Option<String>,
    },
}

/// A question's findings in one set of cities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    /// Cities invited in this set.
    pub invited: usize,
    /// Cities of the set whose response was accepted.
    pub responding: usize,
    /// Cities that answered this question with a value: the n of its shares and figures.
    pub answering: usize,
    /// Cities that answered "don't know", left out of `answering`.
    #[serde(default)]
    pub dont_know: usize,
    /// Cities that answered "not applicable", left out of `answering`.
    #[serde(default)]
    pub not_applicable: usize,
    /// The answers' distribution.
    pub detail: Detail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A question's findings in one group of cities.
pub struct GroupSummary {
    /// The group (a section, a population band, Metropolis or not).
    pub group: String,
    /// The findings there.
    pub summary: Summary,
}

/// A question's summary in each group of one dimension (`section`, `population`,
/// `metropolis`). Groups are listed even when empty, so the table shape never changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Breakdown {
    /// The dimension's name.
    pub dimension: String,
    /// Its groups, in a fixed order.
    pub groups: Vec<GroupSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A question's findings overall and by group.
pub struct QuestionSummary {
    /// The question's code.
    pub code: String,
    /// The axis (the questionnaire's top-level group) the question belongs to.
    pub axis: String,
    /// The question's kind.
    pub kind: String,
    /// Over all answering cities.
    pub overall: Summary,
    /// By section, population band and Metropolis membership.
    pub breakdowns: Vec<Breakdown>,
}

/// `count` of `answering` as a share with its Wilson 95 % interval: (share, low, high), all
/// `None` in a cell of fewer than [`MIN_CELL`] cities.
pub(crate) fn share(count: usize, answering: usize) -> (Option<f64>, Option<f64>, Option<f64>) {
    if answering < MIN_CELL {
        return (None, None, None);
    }
    let (low, high) = wilson(count, answering, Z95).unwrap_or((0.0, 0.0));
    (Some(count as f64 / answering as f64), Some(low), Some(high))
}

fn shares(codes: &[&str], counts: &[usize], answering: usize) -> Vec<Share> {
    codes
        .iter()
        .zip(counts)
        .map(|(code, &count)| {
            let (share, low, high) = share(count, answering);
            Share { code: (*code).to_string(), count, share, low, high }
        })
        .collect()
}

/// How a question is summarised.
enum Method<'q> {
    Choices { codes: Vec<&'q str>, multiple: bool },
    Ordinal { codes: Vec<&'q str> },
    Numeric { unit: String },
    Text,
    Dates,
}

fn summarise(
    method: &Method<'_>,
    column: Option<&[Option<&AnswerValue>]>,
    non_answers: Option<&[Option<NonAnswer>]>,
    members: &[usize],
    indexed: &Indexed<'_>,
) -> Summary {
    let responding: Vec<usize> = members.iter().copied().filter(|&m| indexed.answering[m]).collect();
    let answers: Vec<(usize, &AnswerValue)> = match column {
        Some(column) => responding.iter().filter_map(|&m| column[m].map(|v| (m, v))).collect(),
        None => Vec::new(),
    };
    let answering = answers.len();
    let detail = match method {
        Method::Choices { codes, multiple } => {
            let mut counts = vec![0; codes.len()];
            for (_, value) in &answers {
                if *multiple {
                    for chosen in value.codes() {
                        if let Some(i) = codes.iter().position(|c| *c == chosen) {
                            counts[i] += 1;
                        }
                    }
                } else if let Some(i) = codes.iter().position(|c| *c == value.as_str().trim()) {
                    counts[i] += 1;
                }
            }
            Detail::Shares { options: shares(codes, &counts, answering) }
        }
        Method::Ordinal { codes } => {
            let mut counts = vec![0; codes.len()];
            for (_, value) in &answers {
                if let Some(i) = codes.iter().position(|c| *c == value.as_str().trim()) {
                    counts[i] += 1;
                }
            }
            let total: usize = counts.iter().sum();
            let median = (total >= MIN_CELL).then(|| {
                let middle = total.div_ceil(2);
                let mut seen = 0;
                let at = counts.iter().position(|c| {
                    seen += c;
                    seen >= middle
                });
                at.map(|i| codes[i].to_string())
            });
            Detail::Ordinal { levels: shares(codes, &counts, answering), median: median.flatten() }
        }
        Method::Numeric { unit } => {
            let numbers: Vec<(usize, f64)> =
                answers.iter().filter_map(|(m, v)| v.number().map(|x| (*m, x))).collect();
            let plain: Vec<f64> = numbers.iter().map(|(_, x)| *x).collect();
            let per_100k: Vec<f64> = if unit == "count" {
                numbers
                    .iter()
                    .filter_map(|(m, x)| indexed.cities[*m].1.population.map(|p| x / p as f64 * 100_000.0))
                    .collect()
            } else {
                Vec::new()
            };
            let enough = |values: &[f64]| if values.len() >= MIN_CELL { Numbers::of(values) } else { None };
            Detail::Numeric { unit: unit.clone(), values: enough(&plain), per_100k: enough(&per_100k) }
        }
        Method::Text => Detail::Text,
        Method::Dates => {
            let mut days: Vec<&str> = answers.iter().map(|(_, v)| v.as_str().trim()).collect();
            days.sort_unstable();
            let shown = days.len() >= MIN_CELL;
            let at = |i: usize| shown.then(|| days[i].to_string());
            match days.len() {
                0 => Detail::Dates { earliest: None, median: None, latest: None },
                n => Detail::Dates { earliest: at(0), median: at((n - 1) / 2), latest: at(n - 1) },
            }
        }
    };
    let said = |which: NonAnswer| {
        non_answers.map_or(0, |n| responding.iter().filter(|&&m| n[m] == Some(which)).count())
    };
    Summary {
        invited: members.len(),
        responding: responding.len(),
        answering,
        dont_know: said(NonAnswer::DontKnow),
        not_applicable: said(NonAnswer::NotApplicable),
        detail,
    }
}

fn method<'q>(input: &Input<'q>, question: &'q Question) -> Method<'q> {
    let codes = || input.questionnaire.choices(question).iter().map(|c| c.name.as_str()).collect();
    match &question.kind {
        Kind::YesNo | Kind::SelectOne { .. } => Method::Choices { codes: codes(), multiple: false },
        Kind::SelectMultiple { .. } => Method::Choices { codes: codes(), multiple: true },
        Kind::Ordinal { .. } => Method::Ordinal { codes: codes() },
        Kind::Integer | Kind::Decimal => {
            let unit = match input.framework.question(question.name.as_str()).map(|q| &q.kind) {
                Some(smartcities_domain::QuestionKind::Numeric { unit, .. }) => unit.clone(),
                _ => String::new(),
            };
            Method::Numeric { unit }
        }
        Kind::Text => Method::Text,
        Kind::Date => Method::Dates,
        // Files are evidence for the review: only how many gave one is counted.
        Kind::File | Kind::Image => Method::Text,
    }
}

fn kind_slug(kind: &Kind) -> &'static str {
    match kind {
        Kind::Integer | Kind::Decimal => "numeric",
        Kind::Text => "text",
        Kind::Date => "date",
        Kind::File => "file",
        Kind::Image => "image",
        Kind::YesNo => "yes_no",
        Kind::Ordinal { .. } => "ordinal",
        Kind::SelectOne { .. } => "single_choice",
        Kind::SelectMultiple { .. } => "multiple_choice",
    }
}

/// A group of a breakdown and the positions of its cities.
type Group = (String, Vec<usize>);

/// The groups of each breakdown dimension.
fn partitions(indexed: &Indexed<'_>) -> Vec<(&'static str, Vec<Group>)> {
    let members = |keep: &dyn Fn(&crate::Profile) -> bool| -> Vec<usize> {
        indexed.cities.iter().enumerate().filter(|(_, (_, p))| keep(p)).map(|(i, _)| i).collect()
    };
    let sections = smartcities_domain::Section::ALL
        .iter()
        .map(|s| (s.slug().to_string(), members(&|p| p.section == Some(*s))))
        .collect();
    let bands = PopulationBand::ALL
        .iter()
        .map(|b| (b.slug().to_string(), members(&|p| p.band == Some(*b))))
        .collect();
    let metropolis = vec![
        ("metropolis".to_string(), members(&|p| p.metropolis == Some(true))),
        ("not_metropolis".to_string(), members(&|p| p.metropolis == Some(false))),
    ];
    vec![("section", sections), ("population", bands), ("metropolis", metropolis)]
}

pub(crate) fn summarise_all(input: &Input<'_>, indexed: &Indexed<'_>) -> Vec<QuestionSummary> {
    let everyone: Vec<usize> = (0..indexed.cities.len()).collect();
    let partitions = partitions(indexed);
    input
        .questionnaire
        .questions()
        .into_iter()
        .filter(|located| located.repeat().is_none())
        .map(|located| {
            let question = located.question;
            let name = question.name.as_str();
            let method = method(input, question);
            // One look-up per question, not per city.
            let column = indexed.values.get(name).map(Vec::as_slice);
            let non_answers = indexed.non_answers.get(name).map(Vec::as_slice);
            QuestionSummary {
                code: name.to_string(),
                axis: located.groups.first().map_or(String::new(), |g| g.name.to_string()),
                kind: kind_slug(&question.kind).to_string(),
                overall: summarise(&method, column, non_answers, &everyone, indexed),
                breakdowns: partitions
                    .iter()
                    .map(|(dimension, groups)| Breakdown {
                        dimension: (*dimension).to_string(),
                        groups: groups
                            .iter()
                            .map(|(group, members)| GroupSummary {
                                group: group.clone(),
                                summary: summarise(&method, column, non_answers, members, indexed),
                            })
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect()
}
