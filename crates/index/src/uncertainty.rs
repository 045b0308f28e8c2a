//! Uncertainty and sensitivity of an index to its method choices.
//!
//! Each uncertain choice is a [`Factor`] sampled from a number in [0, 1), as COINr's
//! `get_sensitivity` does: a discrete factor splits [0, 1) into equal bins, one per
//! alternative. A Monte Carlo run draws every factor at random (seeded), rebuilds the index and
//! ranks the units on the target aggregate; [`monte_carlo`] summarises each unit's rank by its
//! median and 5–95 % interval. [`sensitivity`] samples by the Saltelli scheme on a Sobol
//! sequence and estimates first-order and total-effect indices of COINr's output — the mean
//! absolute change of rank against the nominal index — with SALib's estimators and bootstrap
//! intervals ([`saltelli_sample`], [`sobol_indices`]), so results can be compared with SALib
//! on the same model.

use std::collections::BTreeMap;

use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;
use rayon::prelude::*;

use crate::coin::Table;
use crate::coin::{Coin, IndexError};
use crate::methods::{ranks, sample_variance};
use crate::pipeline::{
    Aggregation, Imputation, Normalisation, Prepared, Spec, Treatment, Tree, aggregate_only, normalise,
    prepare, resolve_weights,
};

/// One uncertain choice and its alternatives.
#[derive(Debug, Clone, PartialEq)]
pub enum Factor {
    /// Alternative imputations.
    Imputation(Vec<Imputation>),
    /// Minimum share of data a unit needs to stay in (COINr's `dat_thresh` in `Screen`).
    Screening(Vec<f64>),
    /// Alternative outlier treatments.
    Treatment(Vec<Treatment>),
    /// Alternative normalisations.
    Normalisation(Vec<Normalisation>),
    /// Alternative aggregations.
    Aggregation(Vec<Aggregation>),
    /// Minimum share of children an aggregate needs (COINr's `dat_thresh` in `Aggregate`).
    Coverage(Vec<f64>),
    /// Every weight at `level` (1: indicators into their parents) multiplied by 1 + U(−noise,
    /// noise): `sets` perturbed weight sets are drawn from the seed and the factor picks one,
    /// as COINr's `get_noisy_weights`.
    Weights {
        /// The level whose weights vary.
        level: u32,
        /// The largest relative change, 0.25 for ±25 %.
        noise: f64,
        /// How many perturbed weight sets are drawn.
        sets: usize,
    },
}

impl Factor {
    /// A short name for tables.
    pub fn name(&self) -> String {
        match self {
            Factor::Imputation(_) => "imputation".into(),
            Factor::Screening(_) => "screening".into(),
            Factor::Treatment(_) => "treatment".into(),
            Factor::Coverage(_) => "coverage".into(),
            Factor::Normalisation(_) => "normalisation".into(),
            Factor::Aggregation(_) => "aggregation".into(),
            Factor::Weights { level, .. } => format!("weights_level_{level}"),
        }
    }

    fn alternatives(&self) -> usize {
        match self {
            Factor::Imputation(a) => a.len(),
            Factor::Screening(a) => a.len(),
            Factor::Treatment(a) => a.len(),
            Factor::Coverage(a) => a.len(),
            Factor::Normalisation(a) => a.len(),
            Factor::Aggregation(a) => a.len(),
            Factor::Weights { sets, .. } => *sets,
        }
    }
}

/// COINr's `sample_2_para` for a discrete factor: [0, 1) cut into `k` equal bins.
fn pick(u: f64, k: usize) -> usize {
    ((u * k as f64) as usize).min(k.saturating_sub(1))
}

/// An index with uncertain choices: the nominal specification, the factors that vary and the
/// aggregate whose ranks are studied.
pub struct Study<'c> {
    /// The data.
    pub coin: &'c Coin,
    /// The nominal choices.
    pub spec: Spec,
    /// The choices that vary.
    pub factors: Vec<Factor>,
    /// The aggregate whose ranks and scores are studied.
    pub target: String,
    /// The seed of the random draws, so a study can be repeated.
    pub seed: u64,
    /// Called after each run (for a progress bar).
    pub progress: Option<&'c (dyn Fn() + Sync)>,
}

/// One unit's rank and score over the runs.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSpread {
    /// The unit's code.
    pub unit: String,
    /// Its rank with the nominal choices.
    pub nominal_rank: Option<usize>,
    /// Its score with the nominal choices.
    pub nominal_score: Option<f64>,
    /// Its mean rank over the runs.
    pub mean_rank: Option<f64>,
    /// Its median rank over the runs.
    pub median_rank: Option<f64>,
    /// 5th and 95th percentiles of the rank (R's type 7, as COINr).
    pub rank_5: Option<f64>,
    /// See `rank_5`.
    pub rank_95: Option<f64>,
    /// Its median score over the runs.
    pub median_score: Option<f64>,
    /// The 5th percentile of its score.
    pub score_5: Option<f64>,
    /// The 95th percentile of its score.
    pub score_95: Option<f64>,
}

/// What a Monte Carlo run over the factors gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    /// How many runs were made.
    pub runs: usize,
    /// Each unit's spread.
    pub units: Vec<UnitSpread>,
}

/// First-order and total-effect indices of one factor, with the half-widths of their
/// bootstrap confidence intervals.
#[derive(Debug, Clone, PartialEq)]
pub struct Indices {
    /// The first-order index: the share of the output's variance due to the factor alone.
    pub s1: f64,
    /// Half-width of its confidence interval.
    pub s1_conf: f64,
    /// The total-effect index: the share due to the factor with all its interactions.
    pub st: f64,
    /// Half-width of its confidence interval.
    pub st_conf: f64,
}

/// A sensitivity analysis: indices per factor and the rank spread over the A and B samples.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    /// Indices per factor, named as the factor.
    pub factors: Vec<(String, Indices)>,
    /// The rank spread over the A and B samples.
    pub spread: Spread,
}

/// Indices of the imputation, treatment, screening and normalisation alternatives.
type Alternatives = (usize, usize, usize, usize);

/// The model the factors drive, with everything that does not vary computed once.
struct Model<'c> {
    coin: &'c Coin,
    tree: Tree,
    spec: Spec,
    factors: Vec<Factor>,
    target: usize,
    /// Normalised tables and their resolved weights per (imputation, treatment, screening,
    /// normalisation) alternative: a run then only weighs and aggregates.
    normalised: BTreeMap<Alternatives, (Table, Vec<f64>)>,
    /// Weight multipliers per weights factor: `sets` × columns of the aggregated table.
    noise: Vec<Vec<Vec<f64>>>,
    units: Vec<String>,
}

/// One run: the target's scores and ranks.
struct Run {
    scores: Vec<Option<f64>>,
    ranks: Vec<Option<usize>>,
}

impl<'c> Model<'c> {
    fn new(study: &Study<'c>) -> Result<Model<'c>, IndexError> {
        let tree = Tree::new(study.coin)?;
        let first = tree.indicators.len();
        let target = tree
            .codes()
            .position(|c| c == study.target)
            .filter(|p| *p >= first)
            .ok_or_else(|| IndexError::Tree(format!("{} is not an aggregate", study.target)))?;
        if study.factors.is_empty() {
            return Err(IndexError::Tree("no uncertain factor given".into()));
        }
        for (x, f) in study.factors.iter().enumerate() {
            if study.factors[..x].iter().any(|g| g.name() == f.name()) {
                return Err(IndexError::Tree(format!("factor {} is given twice", f.name())));
            }
            if f.alternatives() == 0 {
                return Err(IndexError::Tree(format!("factor {} has no alternatives", f.name())));
            }
            if let Factor::Normalisation(alternatives) = f {
                for n in alternatives {
                    tree.check(n)?;
                }
            }
        }
        // Every level's columns, to perturb a level's weights.
        let mut level_of: Vec<u32> = vec![1; first];
        level_of.extend(tree.aggregates.iter().map(|a| a.level));
        let mut rng = XorShiftRng::seed_from_u64(study.seed ^ 0x9e37_79b9_7f4a_7c15);
        let noise = study
            .factors
            .iter()
            .map(|f| match f {
                Factor::Weights { level, noise, sets } => (0..*sets)
                    .map(|_| {
                        level_of
                            .iter()
                            .map(|l| if l == level { 1.0 + rng.random_range(-*noise..=*noise) } else { 1.0 })
                            .collect()
                    })
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        // How many alternatives a kind of factor has (1: the nominal choice).
        let choices =
            |name: &str| study.factors.iter().find(|f| f.name() == name).map_or(1, Factor::alternatives);
        let (imputations, treatments, screenings) =
            (choices("imputation"), choices("treatment"), choices("screening"));
        let mut model = Model {
            coin: study.coin,
            tree,
            spec: study.spec.clone(),
            factors: study.factors.clone(),
            target,
            normalised: BTreeMap::new(),
            noise,
            units: study.coin.data.units.clone(),
        };
        let keys: Vec<(usize, usize, usize)> = (0..imputations)
            .flat_map(|i| (0..treatments).flat_map(move |t| (0..screenings).map(move |s| (i, t, s))))
            .collect();
        let prepared: Vec<((usize, usize, usize), Prepared)> = keys
            .into_par_iter()
            .map(|key| {
                let (imputation, treatment, screening) = model.front(key);
                prepare(model.coin, &model.tree, model.spec.denominate, &imputation, screening, treatment)
                    .map(|p| (key, p))
            })
            .collect::<Result<_, _>>()?;
        let normalisations = choices("normalisation");
        let keys: Vec<Alternatives> = prepared
            .iter()
            .flat_map(|((i, t, s), _)| (0..normalisations).map(move |n| (*i, *t, *s, n)))
            .collect();
        let prepared: BTreeMap<_, _> = prepared.into_iter().collect();
        let normalised: Vec<_> = keys
            .into_par_iter()
            .map(|(i, t, s, n)| {
                let table = normalise(&model.tree, &prepared[&(i, t, s)].treated, model.normalisation(n));
                let weights = resolve_weights(&model.tree, &model.spec.weights, &table)?;
                Ok(((i, t, s, n), (table, weights)))
            })
            .collect::<Result<_, IndexError>>()?;
        model.normalised = normalised.into_iter().collect();
        Ok(model)
    }

    /// The imputation, treatment and screening of alternatives `(i, t, s)`.
    fn front(&self, (i, t, s): (usize, usize, usize)) -> (Imputation, Treatment, f64) {
        let mut imputation = self.spec.imputation.clone();
        let mut treatment = self.spec.treatment;
        let mut screening = self.spec.screen_min_share;
        for f in &self.factors {
            match f {
                Factor::Imputation(a) => imputation = a[i].clone(),
                Factor::Treatment(a) => treatment = a[t],
                Factor::Screening(a) => screening = a[s],
                _ => {}
            }
        }
        (imputation, treatment, screening)
    }

    /// The normalisation of alternative `n`.
    fn normalisation(&self, n: usize) -> &Normalisation {
        self.factors
            .iter()
            .find_map(|f| if let Factor::Normalisation(a) = f { Some(&a[n]) } else { None })
            .unwrap_or(&self.spec.normalisation)
    }

    fn run(&self, x: Option<&[f64]>) -> Result<Run, IndexError> {
        let (mut i, mut t, mut s, mut n) = (0, 0, 0, 0);
        let mut aggregation = self.spec.aggregation;
        let mut coverage = self.spec.min_coverage;
        let mut multipliers: Vec<&[f64]> = Vec::new();
        if let Some(x) = x {
            for ((f, u), noise) in self.factors.iter().zip(x).zip(&self.noise) {
                let k = pick(*u, f.alternatives());
                match f {
                    Factor::Imputation(_) => i = k,
                    Factor::Treatment(_) => t = k,
                    Factor::Screening(_) => s = k,
                    Factor::Coverage(a) => coverage = a[k],
                    Factor::Normalisation(_) => n = k,
                    Factor::Aggregation(a) => aggregation = a[k],
                    Factor::Weights { .. } => multipliers.push(&noise[k]),
                }
            }
        }
        let (normalised, weights) = &self.normalised[&(i, t, s, n)];
        let mut weights = weights.clone();
        for m in multipliers {
            weights.iter_mut().zip(m).for_each(|(w, m)| *w *= m);
        }
        let aggregates = aggregate_only(&self.tree, normalised, &weights, aggregation, coverage);
        // Screening may drop units: report every unit of the coin, missing where dropped.
        let column = &aggregates[self.target - self.tree.indicators.len()];
        let mut scores = vec![None; self.units.len()];
        let mut at = 0;
        for (u, unit) in self.units.iter().enumerate() {
            if normalised.units.get(at) == Some(unit) {
                scores[u] = column[at];
                at += 1;
            }
        }
        let ranks = ranks(&scores);
        Ok(Run { scores, ranks })
    }

    fn runs(
        &self,
        sample: &[Vec<f64>],
        progress: Option<&(dyn Fn() + Sync)>,
    ) -> Result<Vec<Run>, IndexError> {
        sample
            .par_iter()
            .map(|x| {
                let run = self.run(Some(x));
                if let Some(progress) = progress {
                    progress();
                }
                run
            })
            .collect()
    }

    fn spread(&self, nominal: &Run, runs: &[&Run]) -> Spread {
        let units = (0..self.units.len())
            .map(|u| {
                let mut r: Vec<f64> = runs.iter().filter_map(|run| run.ranks[u].map(|r| r as f64)).collect();
                let mut s: Vec<f64> = runs.iter().filter_map(|run| run.scores[u]).collect();
                r.sort_by(f64::total_cmp);
                s.sort_by(f64::total_cmp);
                UnitSpread {
                    unit: self.units[u].clone(),
                    nominal_rank: nominal.ranks[u],
                    nominal_score: nominal.scores[u],
                    mean_rank: (!r.is_empty()).then(|| r.iter().sum::<f64>() / r.len() as f64),
                    median_rank: quantile(&r, 0.5),
                    rank_5: quantile(&r, 0.05),
                    rank_95: quantile(&r, 0.95),
                    median_score: quantile(&s, 0.5),
                    score_5: quantile(&s, 0.05),
                    score_95: quantile(&s, 0.95),
                }
            })
            .collect();
        Spread { runs: runs.len(), units }
    }
}

/// R's quantile type 7 of sorted values.
fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// Monte Carlo over the factors: `runs` uniform draws from the seed, each run rebuilt in
/// parallel; per unit, the nominal rank and the spread of its rank and score.
pub fn monte_carlo(study: &Study, runs: usize) -> Result<Spread, IndexError> {
    let model = Model::new(study)?;
    let mut rng = XorShiftRng::seed_from_u64(study.seed);
    let d = study.factors.len();
    let sample: Vec<Vec<f64>> = (0..runs).map(|_| (0..d).map(|_| rng.random::<f64>()).collect()).collect();
    let nominal = model.run(None)?;
    let results = model.runs(&sample, study.progress)?;
    Ok(model.spread(&nominal, &results.iter().collect::<Vec<_>>()))
}

/// Variance-based sensitivity of the mean absolute rank change to each factor: a Saltelli
/// sample of base size `n` (N·(d + 2) runs), SALib's estimators, `resamples` bootstrap
/// resamples for intervals at `confidence`.
pub fn sensitivity(
    study: &Study,
    n: usize,
    resamples: usize,
    confidence: f64,
) -> Result<Sensitivity, IndexError> {
    let d = study.factors.len();
    if d < 2 {
        return Err(IndexError::Tree("a sensitivity analysis needs at least two uncertain factors".into()));
    }
    let model = Model::new(study)?;
    let sample = saltelli_sample(n, d, n.next_power_of_two());
    let nominal = model.run(None)?;
    let results = model.runs(&sample, study.progress)?;
    let y: Vec<f64> = results
        .iter()
        .map(|run| {
            let shifts: Vec<f64> = run
                .ranks
                .iter()
                .zip(&nominal.ranks)
                .filter_map(|(r, n)| Some((r.as_ref()?.abs_diff(*n.as_ref()?)) as f64))
                .collect();
            if shifts.is_empty() { 0.0 } else { shifts.iter().sum::<f64>() / shifts.len() as f64 }
        })
        .collect();
    let indices = sobol_indices(&y, d, resamples, confidence, study.seed);
    let step = d + 2;
    let ab: Vec<&Run> = results
        .iter()
        .enumerate()
        .filter(|(r, _)| r % step == 0 || r % step == step - 1)
        .map(|(_, x)| x)
        .collect();
    Ok(Sensitivity {
        factors: study.factors.iter().map(Factor::name).zip(indices).collect(),
        spread: model.spread(&nominal, &ab),
    })
}

/// SALib's `sobol.sample(problem, n, calc_second_order=False, scramble=False, skip_values=skip)`
/// on [0, 1)^d: a Sobol sequence (Joe–Kuo directions) in 2d dimensions, `skip` points skipped;
/// for each point the rows A, then A with column j taken from B for every j, then B.
pub fn saltelli_sample(n: usize, d: usize, skip: usize) -> Vec<Vec<f64>> {
    let params = sobol::params::JoeKuoD6::minimal();
    let base = sobol::Sobol::<f64>::new(2 * d, &params).skip(skip).take(n);
    let mut rows = Vec::with_capacity(n * (d + 2));
    for point in base {
        let (a, b) = point.split_at(d);
        rows.push(a.to_vec());
        for j in 0..d {
            let mut ab = a.to_vec();
            ab[j] = b[j];
            rows.push(ab);
        }
        rows.push(b.to_vec());
    }
    rows
}

/// SALib's `sobol.analyze(…, calc_second_order=False)` estimators on outputs in the order of
/// [`saltelli_sample`]: outputs standardised, first order by Saltelli et al. (2010),
/// mean(B·(ABⱼ − A))/var, total effect by Jansen, ½·mean((A − ABⱼ)²)/var, var over A and B
/// (population variance); intervals are z·sd of the estimates over `resamples` bootstrap
/// resamples of the N base rows.
pub fn sobol_indices(y: &[f64], d: usize, resamples: usize, confidence: f64, seed: u64) -> Vec<Indices> {
    let step = d + 2;
    let n = y.len() / step;
    let mean = y.iter().sum::<f64>() / y.len() as f64;
    let sd = (y.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / y.len() as f64).sqrt();
    let y: Vec<f64> = y.iter().map(|v| if sd > 0.0 { (v - mean) / sd } else { 0.0 }).collect();
    let a: Vec<f64> = (0..n).map(|i| y[i * step]).collect();
    let b: Vec<f64> = (0..n).map(|i| y[i * step + step - 1]).collect();
    let ab = |j: usize| -> Vec<f64> { (0..n).map(|i| y[i * step + j + 1]).collect() };
    let mut rng = XorShiftRng::seed_from_u64(seed);
    let draws: Vec<Vec<usize>> =
        (0..resamples).map(|_| (0..n).map(|_| rng.random_range(0..n)).collect()).collect();
    let z = normal_quantile(0.5 + confidence / 2.0);
    (0..d)
        .map(|j| {
            let abj = ab(j);
            let all: Vec<usize> = (0..n).collect();
            let (s1, st) = estimates(&a, &abj, &b, &all);
            let boot: Vec<(f64, f64)> = draws.iter().map(|r| estimates(&a, &abj, &b, r)).collect();
            let spread = |values: Vec<f64>| z * sample_sd(&values);
            Indices {
                s1,
                s1_conf: spread(boot.iter().map(|e| e.0).collect()),
                st,
                st_conf: spread(boot.iter().map(|e| e.1).collect()),
            }
        })
        .collect()
}

/// First-order and total-effect estimates over the rows `rows` (SALib returns 0 for a
/// constant output).
fn estimates(a: &[f64], ab: &[f64], b: &[f64], rows: &[usize]) -> (f64, f64) {
    let n = rows.len() as f64;
    let pooled: Vec<f64> = rows.iter().map(|r| a[*r]).chain(rows.iter().map(|r| b[*r])).collect();
    let mean = pooled.iter().sum::<f64>() / pooled.len() as f64;
    let var = pooled.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / pooled.len() as f64;
    if var <= f64::EPSILON {
        return (0.0, 0.0);
    }
    let first = rows.iter().map(|r| b[*r] * (ab[*r] - a[*r])).sum::<f64>() / n;
    let total = 0.5 * rows.iter().map(|r| (a[*r] - ab[*r]).powi(2)).sum::<f64>() / n;
    (first / var, total / var)
}

fn sample_sd(values: &[f64]) -> f64 {
    if values.len() < 2 { 0.0 } else { sample_variance(values).sqrt() }
}

/// The standard normal quantile, Wichura's algorithm AS 241 (PPND16, about 1e-16 relative).
pub fn normal_quantile(p: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q * poly(&A, r) / poly(&B, r);
    }
    let r = if q < 0.0 { p } else { 1.0 - p };
    let r = (-r.ln()).sqrt();
    let x = if r <= 5.0 {
        let r = r - 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - 5.0;
        poly(&E, r) / poly(&F, r)
    };
    if q < 0.0 { -x } else { x }
}

fn poly(coefficients: &[f64; 8], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

const A: [f64; 8] = [
    3.387_132_872_796_366_5,
    1.331_416_678_917_843_8e2,
    1.971_590_950_306_551_3e3,
    1.373_169_376_550_946e4,
    4.592_195_393_154_987e4,
    6.726_577_092_700_87e4,
    3.343_057_558_358_813e4,
    2.509_080_928_730_122_7e3,
];
const B: [f64; 8] = [
    1.0,
    4.231_333_070_160_091e1,
    6.871_870_074_920_579e2,
    5.394_196_021_424_751e3,
    2.121_379_430_158_659_7e4,
    3.930_789_580_009_271e4,
    2.872_908_573_572_194_3e4,
    5.226_495_278_852_545e3,
];
const C: [f64; 8] = [
    1.423_437_110_749_683_5,
    4.630_337_846_156_546,
    5.769_497_221_460_691,
    3.647_848_324_763_204_5,
    1.270_458_252_452_368_4,
    2.417_807_251_774_506e-1,
    2.272_384_498_926_918_4e-2,
    7.745_450_142_783_414e-4,
];
const D: [f64; 8] = [
    1.0,
    2.053_191_626_637_759,
    1.676_384_830_183_803_8,
    6.897_673_349_851e-1,
    1.481_039_764_274_800_8e-1,
    1.519_866_656_361_645_7e-2,
    5.475_938_084_995_345e-4,
    1.050_750_071_644_416_9e-9,
];
const E: [f64; 8] = [
    6.657_904_643_501_103,
    5.463_784_911_164_114,
    1.784_826_539_917_291_3,
    2.965_605_718_285_048_7e-1,
    2.653_218_952_657_612_4e-2,
    1.242_660_947_388_078_4e-3,
    2.711_555_568_743_487_6e-5,
    2.010_334_399_292_288_1e-7,
];
const F: [f64; 8] = [
    1.0,
    5.998_322_065_558_88e-1,
    1.369_298_809_227_358e-1,
    1.487_536_129_085_061_5e-2,
    7.868_691_311_456_133e-4,
    1.846_318_317_510_054_8e-5,
    1.421_511_758_316_446e-7,
    2.044_263_103_389_939_7e-15,
];
