//! An edition's composite index over its numeric questions ([`IndexRule`]): built with the
//! index engine (COINr's methods), with the spread that uncertain choices leave, and audited.
//! Cities get a profile — a score per axis and an overall score with its 5–95 % interval —
//! and a rank only for editions that show rankings.

use serde::{Deserialize, Serialize};
use smartcities_domain::{Direction, IndexRule, QuestionKind};
use smartcities_index::audit::audit;
use smartcities_index::uncertainty::{Factor, Study, monte_carlo};
use smartcities_index::{Coin, Imputation, Kind, Meta, Pipeline, Spec, Table};
use smartcities_questionnaire::AnswerValue;

use crate::{Indexed, Input};

/// The code of the top aggregate.
const INDEX: &str = "index";
const POPULATION: &str = "population";

/// One question of the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndexQuestion {
    /// The question's code.
    pub code: String,
    /// The axis it scores in.
    pub axis: String,
    /// A count, divided by the city's population (per 100,000 inhabitants) first.
    pub per_capita: bool,
    /// Whether a lower figure scores higher.
    pub lower_is_better: bool,
}

/// How well an axis's questions hang together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AxisAudit {
    /// The axis's code.
    pub axis: String,
    /// Cronbach's alpha of its questions' scores.
    pub cronbach_alpha: Option<f64>,
    /// The share of their variance the first principal component explains.
    pub first_component_share: Option<f64>,
    /// Questions whose scores run against their axis's.
    pub negatively_correlated: Vec<String>,
}

/// A city's place in the index: its profile and the interval around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CityIndex {
    /// The city's id.
    pub city: String,
    /// Score per axis (0–100), in the order of [`CompositeIndex::axes`].
    pub axes: Vec<Option<f64>>,
    /// The index score (0–100).
    pub score: Option<f64>,
    /// 5th and 95th percentiles of the score over the runs.
    pub score_5: Option<f64>,
    /// See `score_5`.
    pub score_95: Option<f64>,
    /// Rank and its 5–95 % interval, for editions that show rankings.
    pub rank: Option<usize>,
    /// See `rank`.
    pub rank_5: Option<f64>,
    /// See `rank`.
    pub rank_95: Option<f64>,
}

/// The edition's index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompositeIndex {
    /// The questions scored.
    pub questions: Vec<IndexQuestion>,
    /// The axes, in order.
    pub axes: Vec<String>,
    /// Monte Carlo runs behind the intervals, and what varied in them.
    pub runs: usize,
    /// What varied over the runs.
    pub varied: Vec<String>,
    /// The consistency check per axis.
    pub audit: Vec<AxisAudit>,
    /// Cities that answered, in registry order.
    pub cities: Vec<CityIndex>,
}

/// The index an edition's rule asks for; `None` without a rule or without two answering
/// cities and a question.
pub(crate) fn composite(
    input: &Input<'_>,
    indexed: &Indexed<'_>,
    rule: &IndexRule,
) -> Option<CompositeIndex> {
    let questions: Vec<IndexQuestion> = input
        .framework
        .questions()
        .filter_map(|(axis, _, q)| match &q.kind {
            QuestionKind::Numeric { unit, direction }
                if *direction != Direction::Neutral
                    && (rule.questions.is_empty() || rule.questions.iter().any(|c| c == q.code.as_str())) =>
            {
                Some(IndexQuestion {
                    code: q.code.to_string(),
                    axis: axis.code.to_string(),
                    per_capita: unit == "count",
                    lower_is_better: *direction == Direction::LowerIsBetter,
                })
            }
            _ => None,
        })
        .collect();
    let answering: Vec<usize> = (0..indexed.cities.len()).filter(|c| indexed.answering[*c]).collect();
    if questions.is_empty() || answering.len() < 2 {
        return None;
    }
    let mut axes: Vec<String> = Vec::new();
    for q in &questions {
        if !axes.contains(&q.axis) {
            axes.push(q.axis.clone());
        }
    }
    let coin = coin(&questions, &axes, indexed, &answering);
    // The nominal index: COINr's default treatment, min-max 0–100, equal weights, arithmetic means.
    let spec = Spec::default();
    let stages = Pipeline { coin: &coin, spec: spec.clone() }.run().ok()?;
    let noise = f64::from(rule.weight_noise_percent) / 100.0;
    let mut factors = vec![Factor::Imputation(vec![Imputation::None, Imputation::Mean, Imputation::Median])];
    if noise > 0.0 {
        factors.push(Factor::Weights { level: 1, noise, sets: 100 });
        factors.push(Factor::Weights { level: 2, noise, sets: 100 });
    }
    let varied = factors.iter().map(Factor::name).collect();
    let study = Study { coin: &coin, spec, factors, target: INDEX.into(), seed: rule.seed, progress: None };
    let runs = rule.runs.max(1) as usize;
    let spread = monte_carlo(&study, runs).ok()?;
    let audit = audit(&coin, &stages).ok()?;
    let column = |code: &str| stages.aggregated.column(code);
    let ranks = stages.ranks.iter().find(|(c, _)| c == INDEX).map(|(_, r)| r.as_slice());
    let cities = (0..answering.len())
        .map(|u| {
            let spread = &spread.units[u];
            CityIndex {
                city: spread.unit.clone(),
                axes: axes.iter().map(|a| column(a).and_then(|c| c[u])).collect(),
                score: column(INDEX).and_then(|c| c[u]),
                score_5: spread.score_5,
                score_95: spread.score_95,
                rank: ranks.and_then(|r| r[u]),
                rank_5: spread.rank_5,
                rank_95: spread.rank_95,
            }
        })
        .collect();
    let audit = audit
        .aggregates
        .into_iter()
        .filter(|a| a.code != INDEX)
        .map(|a| AxisAudit {
            axis: a.code,
            cronbach_alpha: a.alpha,
            first_component_share: a.first_component_share,
            negatively_correlated: a.negative,
        })
        .collect();
    Some(CompositeIndex { questions, axes, runs: spread.runs, varied, audit, cities })
}

/// The answering cities × the index's questions, with the population (in 100,000s) as the
/// denominator of counts, in COINr's shape.
fn coin(questions: &[IndexQuestion], axes: &[String], indexed: &Indexed<'_>, answering: &[usize]) -> Coin {
    let mut meta: Vec<Meta> = questions
        .iter()
        .map(|q| Meta {
            code: q.code.clone(),
            name: q.code.clone(),
            kind: Kind::Indicator,
            level: Some(1),
            direction: if q.lower_is_better { -1.0 } else { 1.0 },
            weight: 1.0,
            parent: Some(q.axis.clone()),
            denominator: q.per_capita.then(|| POPULATION.to_string()),
            target: None,
        })
        .collect();
    let aggregate = |code: &str, level: u32, parent: Option<&str>| Meta {
        code: code.to_string(),
        name: code.to_string(),
        kind: Kind::Aggregate,
        level: Some(level),
        direction: 1.0,
        weight: 1.0,
        parent: parent.map(str::to_string),
        denominator: None,
        target: None,
    };
    meta.extend(axes.iter().map(|a| aggregate(a, 2, Some(INDEX))));
    meta.push(aggregate(INDEX, 3, None));
    meta.push(Meta { kind: Kind::Denominator, level: None, parent: None, ..aggregate(POPULATION, 0, None) });
    let mut columns: Vec<(String, Vec<Option<f64>>)> = questions
        .iter()
        .map(|q| {
            let values = indexed.values.get(q.code.as_str());
            let column =
                answering.iter().map(|c| values.and_then(|v| v[*c]).and_then(AnswerValue::number)).collect();
            (q.code.clone(), column)
        })
        .collect();
    let population =
        answering.iter().map(|c| indexed.cities[*c].1.population.map(|p| p as f64 / 100_000.0)).collect();
    columns.push((POPULATION.into(), population));
    let units = answering.iter().map(|c| indexed.cities[*c].0.to_string()).collect();
    Coin { meta, data: Table { units, columns }, groups: Default::default() }
}
