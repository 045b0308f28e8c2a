//! The pipeline: denominate, impute, screen, treat, normalise, weight, aggregate, rank.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::coin::{Coin, IndexError, Kind, Table};
use crate::methods::{
    Treated, distance_to_max, distance_to_target, first_component, goalposts, minmax, percentile_ranks,
    rank_scores, ranks, treat, zscore,
};

/// How missing values are filled, as COINr's `i_mean`, `i_median`, `i_mean_grp`, `i_median_grp`:
/// with the mean or median of the indicator over all units, or over the units of the same
/// group in a group column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imputation {
    /// Missing values stay missing.
    None,
    /// The indicator's mean over all units (COINr's `i_mean`).
    Mean,
    /// The indicator's median over all units (COINr's `i_median`).
    Median,
    /// The indicator's mean within the unit's group in this column (`i_mean_grp`).
    GroupMean(String),
    /// The indicator's median within the unit's group in this column (`i_median_grp`).
    GroupMedian(String),
}

/// Outlier treatment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Treatment {
    /// No treatment.
    None,
    /// COINr's default: an indicator fails when |skew| > `skew_max` and kurtosis > `kurt_max`;
    /// it is Winsorised up to `winmax` steps, then, if it still fails and `log_fallback`, its
    /// original values are log-transformed (COINr's `log_CT`).
    Winsorise {
        /// The most points Winsorised per indicator.
        winmax: usize,
        /// The largest absolute skewness accepted.
        skew_max: f64,
        /// The largest kurtosis accepted.
        kurt_max: f64,
        /// Whether an indicator still failing gets COINr's log transform.
        log_fallback: bool,
    },
}

/// How indicators are brought onto one scale.
#[derive(Debug, Clone, PartialEq)]
pub enum Normalisation {
    /// COINr's `n_minmax` to [low, high], after the direction.
    MinMax {
        /// The lowest value's score.
        low: f64,
        /// The highest value's score.
        high: f64,
    },
    /// COINr's `n_zscore` with this mean and standard deviation, after the direction.
    ZScore {
        /// The scores' mean.
        mean: f64,
        /// The scores' standard deviation.
        sd: f64,
    },
    /// COINr's `n_rank`, after the direction.
    Rank,
    /// COINr's `n_prank`, after the direction.
    Percentile,
    /// COINr's `n_dist2max`, after the direction.
    DistanceToMax,
    /// COINr's `n_dist2targ` with each indicator's iMeta `Target`; `cap` limits scores to 1.
    DistanceToTarget {
        /// Whether scores beyond the target are cut at 1.
        cap: bool,
    },
    /// COINr's `n_goalposts` with each indicator's (lower, upper) posts, times `scale`.
    Goalposts {
        /// Each indicator's (lower, upper) posts, by indicator code.
        posts: BTreeMap<String, (f64, f64)>,
        /// What a value at the upper post scores.
        scale: f64,
        /// Whether values beyond the posts are cut at them.
        truncate: bool,
    },
}

impl Normalisation {
    fn apply(&self, code: &str, column: &[Option<f64>], indicator: &Indicator) -> Vec<Option<f64>> {
        let direction = indicator.direction;
        match self {
            Normalisation::MinMax { low, high } => minmax(column, direction, *low, *high),
            Normalisation::ZScore { mean, sd } => zscore(column, direction, *mean, *sd),
            Normalisation::Rank => rank_scores(column, direction),
            Normalisation::Percentile => percentile_ranks(column, direction),
            Normalisation::DistanceToMax => distance_to_max(column, direction),
            Normalisation::DistanceToTarget { cap } => {
                // Checked in `Tree::check`: every indicator has a target.
                distance_to_target(column, direction, indicator.target.unwrap_or(f64::NAN), *cap)
            }
            Normalisation::Goalposts { posts, scale, truncate } => {
                let (low, high) = posts.get(code).copied().unwrap_or((f64::NAN, f64::NAN));
                goalposts(column, direction, low, high, *scale, *truncate)
            }
        }
    }
}

/// Where the weights come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Weights {
    /// iMeta's `Weight` column.
    Meta,
    /// Every child of an aggregate weighs the same.
    Equal,
    /// Given weights by code (a weights file); codes not given keep iMeta's weight.
    Given(BTreeMap<String, f64>),
    /// COINr's `get_PCA` weights at the indicator level: within each aggregate of level 2, the
    /// loadings of the first principal component of its normalised indicators; higher levels
    /// keep iMeta's weights.
    Pca,
}

/// How children are combined into their parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregation {
    /// COINr's `a_amean`.
    Arithmetic,
    /// COINr's `a_gmean`.
    Geometric,
    /// COINr's `a_hmean`.
    Harmonic,
}

/// The pipeline's settings, COINr's example pipeline by default.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Whether indicators are divided by their denominators first.
    pub denominate: bool,
    /// How missing values are filled.
    pub imputation: Imputation,
    /// The share of indicators a unit needs to stay in (0 keeps all).
    pub screen_min_share: f64,
    /// The outlier treatment.
    pub treatment: Treatment,
    /// How indicators are brought onto one scale.
    pub normalisation: Normalisation,
    /// The weights children carry into their parents.
    pub weights: Weights,
    /// How children are combined into their parent.
    pub aggregation: Aggregation,
    /// COINr's `dat_thresh` in `Aggregate`: an aggregate is missing when the share of its
    /// children present is below this.
    pub min_coverage: f64,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            denominate: true,
            imputation: Imputation::None,
            screen_min_share: 0.0,
            treatment: Treatment::Winsorise { winmax: 5, skew_max: 2.0, kurt_max: 3.5, log_fallback: true },
            normalisation: Normalisation::MinMax { low: 0.0, high: 100.0 },
            weights: Weights::Meta,
            aggregation: Aggregation::Arithmetic,
            min_coverage: 0.0,
        }
    }
}

/// Every intermediate table, so a figure can be traced back.
#[derive(Debug, Clone, PartialEq)]
pub struct Stages {
    /// The first three stages share one table when a step changes nothing (no denominator,
    /// nothing missing, every unit kept).
    pub denominated: Arc<Table>,
    /// After imputation.
    pub imputed: Arc<Table>,
    /// After screening units.
    pub screened: Arc<Table>,
    /// After outlier treatment.
    pub treated: Table,
    /// What the outlier treatment did, per indicator.
    pub treatment: Vec<(String, Treated)>,
    /// After normalisation.
    pub normalised: Table,
    /// The weight each indicator and aggregate carried into its parent.
    pub weights: Vec<(String, f64)>,
    /// Normalised indicators followed by the aggregates, level by level.
    pub aggregated: Table,
    /// Rank of every unit on every aggregate (ties share the lowest rank).
    pub ranks: Vec<(String, Vec<Option<usize>>)>,
}

/// The pipeline over a coin.
pub struct Pipeline<'c> {
    /// The data.
    pub coin: &'c Coin,
    /// The choices of every step.
    pub spec: Spec,
}

pub(crate) struct Indicator {
    pub code: String,
    pub direction: f64,
    pub denominator: Option<String>,
    pub target: Option<f64>,
}

pub(crate) struct Aggregate {
    pub code: String,
    pub level: u32,
    /// Column indices in the aggregated table (indicators first, then aggregates in order).
    pub children: Vec<usize>,
}

/// The indicator tree, resolved once: indicators in iMeta order, aggregates level by level.
pub(crate) struct Tree {
    pub indicators: Vec<Indicator>,
    pub aggregates: Vec<Aggregate>,
    /// iMeta's weight of every column of the aggregated table.
    pub meta_weights: Vec<f64>,
}

impl Tree {
    pub fn new(coin: &Coin) -> Result<Tree, IndexError> {
        let indicators: Vec<Indicator> = coin
            .indicators()
            .map(|m| Indicator {
                code: m.code.clone(),
                direction: m.direction,
                denominator: m.denominator.clone(),
                target: m.target,
            })
            .collect();
        let mut meta_weights: Vec<f64> = coin.indicators().map(|m| m.weight).collect();
        let mut position: BTreeMap<&str, usize> =
            indicators.iter().enumerate().map(|(i, m)| (m.code.as_str(), i)).collect();
        let mut aggregates = Vec::new();
        let mut levelled: Vec<_> = coin.meta.iter().filter(|m| m.kind == Kind::Aggregate).collect();
        levelled.sort_by_key(|m| m.level.unwrap_or(u32::MAX));
        for m in levelled {
            let level =
                m.level.ok_or_else(|| IndexError::Tree(format!("aggregate {} has no Level", m.code)))?;
            let children = coin
                .meta
                .iter()
                .filter(|c| c.parent.as_deref() == Some(m.code.as_str()))
                .map(|c| {
                    position.get(c.code.as_str()).copied().ok_or_else(|| {
                        IndexError::Tree(format!("{} is not computed before its parent {}", c.code, m.code))
                    })
                })
                .collect::<Result<Vec<usize>, _>>()?;
            if children.is_empty() {
                return Err(IndexError::Tree(format!("aggregate {} has no children", m.code)));
            }
            position.insert(&m.code, indicators.len() + aggregates.len());
            meta_weights.push(m.weight);
            aggregates.push(Aggregate { code: m.code.clone(), level, children });
        }
        Ok(Tree { indicators, aggregates, meta_weights })
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.indicators.iter().map(|i| i.code.as_str()).chain(self.aggregates.iter().map(|a| a.code.as_str()))
    }

    /// Whether the normalisation has what it needs for every indicator.
    pub fn check(&self, normalisation: &Normalisation) -> Result<(), IndexError> {
        let missing: Vec<&str> = match normalisation {
            Normalisation::DistanceToTarget { .. } => {
                self.indicators.iter().filter(|i| i.target.is_none()).map(|i| i.code.as_str()).collect()
            }
            Normalisation::Goalposts { posts, .. } => self
                .indicators
                .iter()
                .filter(|i| !posts.contains_key(&i.code))
                .map(|i| i.code.as_str())
                .collect(),
            _ => return Ok(()),
        };
        if missing.is_empty() {
            return Ok(());
        }
        let what = match normalisation {
            Normalisation::DistanceToTarget { .. } => "a Target in iMeta",
            _ => "goalposts",
        };
        Err(IndexError::Tree(format!("the normalisation needs {what} for {}", missing.join(", "))))
    }
}

/// The stages before normalisation, which do not depend on normalisation, weights or
/// aggregation (so uncertainty analysis computes them once per imputation and treatment).
pub(crate) struct Prepared {
    pub denominated: Arc<Table>,
    pub imputed: Arc<Table>,
    pub screened: Arc<Table>,
    pub treated: Table,
    pub treatment: Vec<(String, Treated)>,
}

/// The mean or median of some values (R's `median`: the mean of the two middle values).
fn centre(values: &mut [f64], median: bool) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    if !median {
        return Some(values.iter().sum::<f64>() / values.len() as f64);
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 })
}

pub(crate) fn prepare(
    coin: &Coin,
    tree: &Tree,
    spec_denominate: bool,
    imputation: &Imputation,
    screen_min_share: f64,
    treatment: Treatment,
) -> Result<Prepared, IndexError> {
    // Denominate: indicator ÷ its denominator, unit by unit.
    let columns = tree
        .indicators
        .par_iter()
        .map(|m| {
            let x = coin
                .data
                .column(&m.code)
                .ok_or_else(|| IndexError::Tree(format!("iData has no column {}", m.code)))?;
            let column = match (&m.denominator, spec_denominate) {
                (Some(d), true) => {
                    let by = coin
                        .data
                        .column(d)
                        .ok_or_else(|| IndexError::Tree(format!("iData has no denominator {d}")))?;
                    x.iter()
                        .zip(by)
                        .map(|(x, d)| match (x, d) {
                            (Some(x), Some(d)) if *d != 0.0 => Some(x / d),
                            _ => None,
                        })
                        .collect()
                }
                _ => x.to_vec(),
            };
            Ok((m.code.clone(), column))
        })
        .collect::<Result<_, IndexError>>()?;
    let denominated = Table { units: coin.data.units.clone(), columns };
    // Impute: a missing value takes the mean or median of its indicator, over every unit or
    // over the units of its group. Group labels become small numbers once, not per value.
    let denominated = Arc::new(denominated);
    let (group, median) = match imputation {
        Imputation::None => (None, false),
        Imputation::Mean => (Some(None), false),
        Imputation::Median => (Some(None), true),
        Imputation::GroupMean(g) => (Some(Some(g)), false),
        Imputation::GroupMedian(g) => (Some(Some(g)), true),
    };
    let complete = denominated.columns.iter().all(|(_, c)| c.iter().all(Option::is_some));
    let imputed = match group {
        Some(group) if !complete => {
            let ids: Vec<usize> = match group {
                Some(g) => {
                    let labels = coin
                        .groups
                        .get(g)
                        .ok_or_else(|| IndexError::Tree(format!("iData has no group column {g}")))?;
                    let mut known: BTreeMap<&str, usize> = BTreeMap::new();
                    labels
                        .iter()
                        .map(|l| {
                            let next = known.len();
                            *known.entry(l.as_str()).or_insert(next)
                        })
                        .collect()
                }
                None => vec![0; denominated.units.len()],
            };
            let groups = ids.iter().max().map_or(0, |m| m + 1);
            let columns = denominated
                .columns
                .par_iter()
                .map(|(code, column)| {
                    let mut present: Vec<Vec<f64>> = vec![Vec::new(); groups];
                    for (v, g) in column.iter().zip(&ids) {
                        if let Some(v) = v {
                            present[*g].push(*v);
                        }
                    }
                    let centres: Vec<Option<f64>> =
                        present.iter_mut().map(|values| centre(values, median)).collect();
                    (code.clone(), column.iter().zip(&ids).map(|(v, g)| v.or(centres[*g])).collect())
                })
                .collect();
            Arc::new(Table { units: denominated.units.clone(), columns })
        }
        _ => Arc::clone(&denominated),
    };
    // Screen: keep units with at least the required share of indicators present.
    let mut counts = vec![0usize; imputed.units.len()];
    for (_, column) in &imputed.columns {
        for (count, v) in counts.iter_mut().zip(column) {
            *count += usize::from(v.is_some());
        }
    }
    let n = imputed.columns.len().max(1) as f64;
    let keep: Vec<bool> = counts.iter().map(|c| *c as f64 / n >= screen_min_share).collect();
    let screened =
        if keep.iter().all(|k| *k) { Arc::clone(&imputed) } else { Arc::new(imputed.keep_units(&keep)) };
    // Treat outliers.
    let results: Vec<(Vec<Option<f64>>, Treated)> = screened
        .columns
        .par_iter()
        .map(|(_, column)| match treatment {
            Treatment::None => (column.clone(), Treated::default()),
            Treatment::Winsorise { winmax, skew_max, kurt_max, log_fallback } => {
                treat(column, winmax, skew_max, kurt_max, log_fallback)
            }
        })
        .collect();
    let mut treated = Table { units: screened.units.clone(), columns: Vec::with_capacity(results.len()) };
    let mut log = Vec::with_capacity(results.len());
    for ((code, _), (column, done)) in screened.columns.iter().zip(results) {
        treated.columns.push((code.clone(), column));
        log.push((code.clone(), done));
    }
    Ok(Prepared { denominated, imputed, screened, treated, treatment: log })
}

pub(crate) fn normalise(tree: &Tree, treated: &Table, normalisation: &Normalisation) -> Table {
    let columns = treated
        .columns
        .par_iter()
        .zip(&tree.indicators)
        .map(|((code, column), indicator)| (code.clone(), normalisation.apply(code, column, indicator)))
        .collect();
    Table { units: treated.units.clone(), columns }
}

/// The weight of every column of the aggregated table.
pub(crate) fn resolve_weights(
    tree: &Tree,
    weights: &Weights,
    normalised: &Table,
) -> Result<Vec<f64>, IndexError> {
    let mut resolved = tree.meta_weights.clone();
    match weights {
        Weights::Meta => {}
        Weights::Equal => resolved.iter_mut().for_each(|w| *w = 1.0),
        Weights::Given(given) => {
            let codes: Vec<&str> = tree.codes().collect();
            for (code, weight) in given {
                let at = codes.iter().position(|c| c == code).ok_or_else(|| {
                    IndexError::Tree(format!("weights: {code} is neither an indicator nor an aggregate"))
                })?;
                resolved[at] = *weight;
            }
        }
        Weights::Pca => {
            for aggregate in tree.aggregates.iter().filter(|a| a.level == 2) {
                let columns: Vec<&[Option<f64>]> = aggregate
                    .children
                    .iter()
                    .filter_map(|c| normalised.columns.get(*c))
                    .map(|c| c.1.as_slice())
                    .collect();
                let (loadings, _) = first_component(&columns).ok_or_else(|| {
                    IndexError::Tree(format!(
                        "PCA weights: the indicators of {} have fewer than three complete units or a constant indicator",
                        aggregate.code
                    ))
                })?;
                for (child, loading) in aggregate.children.iter().zip(loadings) {
                    resolved[*child] = loading;
                }
            }
        }
    }
    Ok(resolved)
}

/// Aggregates level by level: the normalised columns followed by one column per aggregate.
/// Column-wise sums, so no allocation per unit.
pub(crate) fn aggregate(
    tree: &Tree,
    normalised: &Table,
    weights: &[f64],
    aggregation: Aggregation,
    min_coverage: f64,
) -> Table {
    let aggregates = aggregate_only(tree, normalised, weights, aggregation, min_coverage);
    let columns = normalised.columns.par_iter().map(|(_, c)| c.clone()).collect::<Vec<_>>();
    let names = tree.codes().map(str::to_string);
    Table {
        units: normalised.units.clone(),
        columns: names.zip(columns.into_iter().chain(aggregates)).collect(),
    }
}

/// The aggregate columns alone, level by level (the normalised columns are read, not copied).
pub(crate) fn aggregate_only(
    tree: &Tree,
    normalised: &Table,
    weights: &[f64],
    aggregation: Aggregation,
    min_coverage: f64,
) -> Vec<Vec<Option<f64>>> {
    let units = normalised.units.len();
    let first = normalised.columns.len();
    let mut aggregates: Vec<Vec<Option<f64>>> = Vec::with_capacity(tree.aggregates.len());
    let (mut sum, mut total) = (vec![0.0; units], vec![0.0; units]);
    let mut present = vec![0usize; units];
    let mut invalid = vec![false; units];
    for aggregate in &tree.aggregates {
        sum.fill(0.0);
        total.fill(0.0);
        present.fill(0);
        invalid.fill(false);
        for child in &aggregate.children {
            let w = weights[*child];
            let column =
                if *child < first { &normalised.columns[*child].1 } else { &aggregates[*child - first] };
            for (u, v) in column.iter().enumerate() {
                let Some(v) = *v else { continue };
                present[u] += 1;
                total[u] += w;
                match aggregation {
                    Aggregation::Arithmetic => sum[u] += w * v,
                    // COINr's geometric and harmonic means stop on zero or negative values.
                    Aggregation::Geometric if v > 0.0 => sum[u] += w * v.ln(),
                    Aggregation::Harmonic if v > 0.0 => sum[u] += w / v,
                    _ => invalid[u] = true,
                }
            }
        }
        let needed = min_coverage * aggregate.children.len() as f64;
        let column = (0..units)
            .map(|u| {
                if invalid[u] || present[u] == 0 || (present[u] as f64) < needed || total[u] == 0.0 {
                    return None;
                }
                Some(match aggregation {
                    Aggregation::Arithmetic => sum[u] / total[u],
                    Aggregation::Geometric => (sum[u] / total[u]).exp(),
                    Aggregation::Harmonic => total[u] / sum[u],
                })
            })
            .collect();
        aggregates.push(column);
    }
    aggregates
}

impl Pipeline<'_> {
    /// Runs every step and returns every stage with the aggregates and ranks.
    pub fn run(&self) -> Result<Stages, IndexError> {
        let (coin, spec) = (self.coin, &self.spec);
        let tree = Tree::new(coin)?;
        tree.check(&spec.normalisation)?;
        let prepared =
            prepare(coin, &tree, spec.denominate, &spec.imputation, spec.screen_min_share, spec.treatment)?;
        let normalised = normalise(&tree, &prepared.treated, &spec.normalisation);
        let weights = resolve_weights(&tree, &spec.weights, &normalised)?;
        let aggregated = aggregate(&tree, &normalised, &weights, spec.aggregation, spec.min_coverage);
        let first = tree.indicators.len();
        let ranked =
            aggregated.columns[first..].par_iter().map(|(code, v)| (code.clone(), ranks(v))).collect();
        let weights = tree.codes().map(str::to_string).zip(weights).collect();
        let Prepared { denominated, imputed, screened, treated, treatment } = prepared;
        Ok(Stages {
            denominated,
            imputed,
            screened,
            treated,
            treatment,
            normalised,
            weights,
            aggregated,
            ranks: ranked,
        })
    }
}
