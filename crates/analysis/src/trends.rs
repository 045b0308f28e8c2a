//! Trends across editions: for each question the framework links to a question of an earlier
//! edition, the shares (or the median) then and now, and for the cities that answered both
//! times, how their answers changed.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use smartcities_domain::CityId;
use smartcities_questionnaire::{AnswerValue, Kind};

use crate::{
    EarlierEdition, Indexed, Input, MIN_CELL,
    stats::Numbers,
    summary::{Share, share},
};

/// How the answers of the cities present in both editions moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PairedChange {
    /// Cities present in both editions.
    pub cities: usize,
    /// Those whose answer did not change.
    pub unchanged: usize,
    /// (answer then, answer now, cities) for choices; most frequent first.
    pub transitions: Vec<(String, String, usize)>,
    /// Median of (now − then) for numbers.
    pub median_change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// How a question's answers moved since an earlier edition asked it.
pub struct Trend {
    /// The question's code now.
    pub code: String,
    /// The earlier edition's year.
    pub earlier_edition: u16,
    /// The question's code then.
    pub earlier_code: String,
    /// Cities answering then.
    pub then_answering: usize,
    /// Cities answering now.
    pub now_answering: usize,
    /// Shares per option, for yes/no and single choices.
    pub then: Vec<Share>,
    /// Shares per option now.
    pub now: Vec<Share>,
    /// The median then, for numbers.
    pub then_median: Option<f64>,
    /// The median now, for numbers.
    pub now_median: Option<f64>,
    /// How the cities present both times moved.
    pub paired: PairedChange,
}

fn shares(codes: &[&str], values: &[&AnswerValue]) -> Vec<Share> {
    let n = values.len();
    codes
        .iter()
        .map(|code| {
            let count = values.iter().filter(|v| v.as_str() == *code).count();
            let (share, low, high) = share(count, n);
            Share { code: (*code).to_string(), count, share, low, high }
        })
        .collect()
}

fn median(values: &[f64]) -> Option<f64> {
    (values.len() >= MIN_CELL).then(|| Numbers::of(values).map(|n| n.median)).flatten()
}

fn earlier_values<'e>(earlier: &'e EarlierEdition, code: &str) -> HashMap<&'e CityId, &'e AnswerValue> {
    earlier
        .responses
        .iter()
        .filter_map(|r| {
            r.answers
                .iter()
                .find(|a| a.question == code && a.entry.is_none() && !a.value.is_blank())
                .filter(|a| a.value.non_answer().is_none())
                .map(|a| (&r.city, &a.value))
        })
        .collect()
}

pub(crate) fn trends(input: &Input<'_>, indexed: &Indexed<'_>) -> Vec<Trend> {
    let mut out = Vec::new();
    for (_, _, question) in input.framework.questions() {
        let Some(link) = &question.continues else { continue };
        let Some(earlier) = input.earlier.iter().find(|e| e.edition == link.edition) else { continue };
        let Some(current) = input.questionnaire.question(question.code.as_str()) else { continue };
        let then = earlier_values(earlier, link.code.as_str());
        let now: HashMap<&CityId, &AnswerValue> = indexed
            .cities
            .iter()
            .enumerate()
            .filter(|(m, _)| indexed.answering[*m])
            .filter_map(|(m, (id, _))| indexed.value(m, question.code.as_str()).map(|v| (*id, v)))
            .collect();
        let pairs: Vec<(&AnswerValue, &AnswerValue)> =
            now.iter().filter_map(|(city, v)| then.get(city).map(|t| (*t, *v))).collect();
        let mut trend = Trend {
            code: question.code.to_string(),
            earlier_edition: link.edition.get(),
            earlier_code: link.code.to_string(),
            then_answering: then.len(),
            now_answering: now.len(),
            then: Vec::new(),
            now: Vec::new(),
            then_median: None,
            now_median: None,
            paired: PairedChange {
                cities: pairs.len(),
                unchanged: 0,
                transitions: Vec::new(),
                median_change: None,
            },
        };
        match &current.kind {
            Kind::YesNo | Kind::SelectOne { .. } | Kind::Ordinal { .. } => {
                let codes: Vec<&str> =
                    input.questionnaire.choices(current).iter().map(|c| c.name.as_str()).collect();
                trend.then = shares(&codes, &then.values().copied().collect::<Vec<_>>());
                trend.now = shares(&codes, &now.values().copied().collect::<Vec<_>>());
                let mut moves: BTreeMap<(&str, &str), usize> = BTreeMap::new();
                for (t, n) in &pairs {
                    if t == n {
                        trend.paired.unchanged += 1;
                    } else {
                        *moves.entry((t.as_str(), n.as_str())).or_default() += 1;
                    }
                }
                let mut transitions: Vec<(String, String, usize)> =
                    moves.into_iter().map(|((t, n), c)| (t.to_string(), n.to_string(), c)).collect();
                transitions.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
                trend.paired.transitions = transitions;
            }
            Kind::Integer | Kind::Decimal => {
                trend.then_median = median(&then.values().filter_map(|v| v.number()).collect::<Vec<_>>());
                trend.now_median = median(&now.values().filter_map(|v| v.number()).collect::<Vec<_>>());
                let changes: Vec<f64> =
                    pairs.iter().filter_map(|(t, n)| Some(n.number()? - t.number()?)).collect();
                trend.paired.unchanged = changes.iter().filter(|c| **c == 0.0).count();
                trend.paired.median_change = median(&changes);
            }
            Kind::Text | Kind::SelectMultiple { .. } | Kind::Date | Kind::File | Kind::Image => continue,
        }
        out.push(trend);
    }
    out
}
