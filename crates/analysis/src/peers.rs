//! Peers: for each answering city, the most similar other answering cities, by Gower's
//! distance over three equally weighted parts — size (log of population, scaled by its range),
//! UCLG section (same or not) and the answer profile (the city's mean position per axis, each
//! answer scaled to [0, 1]: yes = 1, an ordinal level by its rank, a number by its percentile
//! among the cities, a multiple choice by the share of options chosen). A part missing for
//! either city is left out and the others reweighted. Peers are for learning from each other,
//! not for ranking.

use serde::{Deserialize, Serialize};
use smartcities_questionnaire::{AnswerValue, Kind};

use crate::{Indexed, Input};

/// How many peers each city gets.
pub const PEERS: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A similar city.
pub struct Peer {
    /// Its id.
    pub city: String,
    /// Gower distance in [0, 1]: 0 = alike in size, section and profile.
    pub distance: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A city's most similar cities.
pub struct CityPeers {
    /// The city's id.
    pub city: String,
    /// The city's mean scaled answer per axis (`None` where it answered nothing scorable).
    pub profile: Vec<(String, Option<f64>)>,
    /// Its peers, most similar first.
    pub peers: Vec<Peer>,
}

/// Each answering city's profile per axis, axes in questionnaire order.
fn profiles(
    input: &Input<'_>,
    indexed: &Indexed<'_>,
    answering: &[usize],
) -> (Vec<String>, Vec<Vec<Option<f64>>>) {
    let mut axes: Vec<String> = Vec::new();
    let mut sums = vec![Vec::<(f64, usize)>::new(); answering.len()];
    for located in input.questionnaire.questions() {
        if located.repeat().is_some() {
            continue;
        }
        let question = located.question;
        let axis = located.groups.first().map_or(String::new(), |g| g.name.to_string());
        let axis_at = match axes.iter().position(|a| *a == axis) {
            Some(i) => i,
            None => {
                axes.push(axis);
                sums.iter_mut().for_each(|s| s.push((0.0, 0)));
                axes.len() - 1
            }
        };
        let name = question.name.as_str();
        let codes: Vec<&str> =
            input.questionnaire.choices(question).iter().map(|c| c.name.as_str()).collect();
        let scaled: Vec<Option<f64>> = match &question.kind {
            Kind::YesNo => answering
                .iter()
                .map(|&m| indexed.value(m, name).map(|v| f64::from(u8::from(v == "yes"))))
                .collect(),
            Kind::Ordinal { .. } if codes.len() > 1 => answering
                .iter()
                .map(|&m| {
                    let level =
                        codes.iter().position(|c| Some(*c) == indexed.value(m, name).map(|v| v.as_str()))?;
                    Some(level as f64 / (codes.len() - 1) as f64)
                })
                .collect(),
            Kind::SelectMultiple { .. } if !codes.is_empty() => answering
                .iter()
                .map(|&m| indexed.value(m, name).map(|v| v.codes().count() as f64 / codes.len() as f64))
                .collect(),
            Kind::Integer | Kind::Decimal => {
                let numbers: Vec<Option<f64>> =
                    answering.iter().map(|&m| indexed.value(m, name).and_then(AnswerValue::number)).collect();
                let mut sorted: Vec<f64> =
                    numbers.iter().flatten().copied().filter(|x: &f64| x.is_finite()).collect();
                sorted.sort_by(f64::total_cmp);
                // Mid-rank percentile, so ties share one value and the scale is [0, 1].
                numbers
                    .iter()
                    .map(|x| {
                        let x = (*x)?;
                        if sorted.len() < 2 {
                            return None;
                        }
                        let below = sorted.partition_point(|s| *s < x);
                        let equal = sorted.partition_point(|s| *s <= x) - below;
                        Some((below as f64 + (equal as f64 - 1.0) / 2.0) / (sorted.len() - 1) as f64)
                    })
                    .collect()
            }
            _ => continue,
        };
        for (i, value) in scaled.into_iter().enumerate() {
            if let Some(v) = value {
                sums[i][axis_at].0 += v;
                sums[i][axis_at].1 += 1;
            }
        }
    }
    let profiles = sums
        .into_iter()
        .map(|axes| axes.into_iter().map(|(sum, n)| (n > 0).then(|| sum / n as f64)).collect())
        .collect();
    (axes, profiles)
}

pub(crate) fn peers(input: &Input<'_>, indexed: &Indexed<'_>) -> Vec<CityPeers> {
    let answering: Vec<usize> = (0..indexed.cities.len()).filter(|&m| indexed.answering[m]).collect();
    let (axes, profiles) = profiles(input, indexed, &answering);
    // Flat arrays with NaN for "missing" keep the pair loop free of branches on Option.
    let sizes: Vec<f64> = answering
        .iter()
        .map(|&m| indexed.cities[m].1.population.map_or(f64::NAN, |p| (p as f64).log10()))
        .collect();
    let known = sizes.iter().copied().filter(|x| !x.is_nan());
    let size_range = known.clone().fold(f64::NEG_INFINITY, f64::max) - known.fold(f64::INFINITY, f64::min);
    let sections: Vec<Option<smartcities_domain::Section>> =
        answering.iter().map(|&m| indexed.cities[m].1.section).collect();
    let width = axes.len();
    let flat: Vec<f64> = profiles.iter().flat_map(|p| p.iter().map(|x| x.unwrap_or(f64::NAN))).collect();
    let distance = |a: usize, b: usize| -> f64 {
        let (mut total, mut parts) = (0.0, 0u32);
        let (x, y) = (sizes[a], sizes[b]);
        if !x.is_nan() && !y.is_nan() {
            total += if size_range > 0.0 { (x - y).abs() / size_range } else { 0.0 };
            parts += 1;
        }
        if let (Some(x), Some(y)) = (sections[a], sections[b]) {
            total += f64::from(u8::from(x != y));
            parts += 1;
        }
        let (mut sum, mut n) = (0.0, 0u32);
        for (x, y) in flat[a * width..(a + 1) * width].iter().zip(&flat[b * width..(b + 1) * width]) {
            let d = (x - y).abs();
            if !d.is_nan() {
                sum += d;
                n += 1;
            }
        }
        if n > 0 {
            total += sum / f64::from(n);
            parts += 1;
        }
        if parts == 0 { 1.0 } else { total / f64::from(parts) }
    };
    let ids: Vec<String> = answering.iter().map(|&m| indexed.cities[m].0.to_string()).collect();
    // Each pair once, offered to both cities; each keeps its nearest few in a small sorted
    // buffer. Candidates arrive in ascending order for every city, so ties keep that order.
    let n = answering.len();
    let mut nearest: Vec<Vec<(f64, usize)>> = vec![Vec::with_capacity(PEERS + 1); n];
    let offer = |list: &mut Vec<(f64, usize)>, d: f64, other: usize| {
        if list.len() == PEERS && d >= list[PEERS - 1].0 {
            return;
        }
        let at = list.partition_point(|(x, _)| *x <= d);
        list.insert(at, (d, other));
        list.truncate(PEERS);
    };
    for a in 0..n {
        for b in a + 1..n {
            let d = distance(a, b);
            offer(&mut nearest[a], d, b);
            offer(&mut nearest[b], d, a);
        }
    }
    nearest
        .into_iter()
        .enumerate()
        .map(|(a, list)| CityPeers {
            city: ids[a].clone(),
            profile: axes.iter().cloned().zip(profiles[a].iter().copied()).collect(),
            peers: list.into_iter().map(|(distance, b)| Peer { city: ids[b].clone(), distance }).collect(),
        })
        .collect()
}
