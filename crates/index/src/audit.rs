//! The statistical audit of a built index: how well each aggregate's children hang together
//! (Cronbach's alpha, the variance its first principal component explains, each child's
//! correlation with it) and the correlations within and across levels, with flags for
//! children negatively correlated with their parent and for near-duplicate siblings.

use rayon::prelude::*;

use crate::coin::{Coin, IndexError};
use crate::methods::{cronbach_alpha, first_component, pearson};
use crate::pipeline::{Stages, Tree};

/// Siblings correlated above this are flagged as near duplicates (COINr's `get_corr_flags`
/// default threshold).
pub const COLLINEAR: f64 = 0.9;

/// The audit of one aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateAudit {
    /// The aggregate's code.
    pub code: String,
    /// Its level (2 for a pillar over indicators).
    pub level: u32,
    /// Its children's codes.
    pub children: Vec<String>,
    /// Cronbach's alpha of the children (complete units).
    pub alpha: Option<f64>,
    /// Share of the children's variance explained by their first principal component.
    pub first_component_share: Option<f64>,
    /// Each child's correlation with this aggregate.
    pub child_correlations: Vec<(String, Option<f64>)>,
    /// Children negatively correlated with this aggregate.
    pub negative: Vec<String>,
    /// Pairs of children correlated above [`COLLINEAR`].
    pub collinear: Vec<(String, String, f64)>,
}

/// Pearson correlations between every variable of one level and every variable of another.
#[derive(Debug, Clone, PartialEq)]
pub struct Correlations {
    /// The level of the rows.
    pub row_level: u32,
    /// The level of the columns.
    pub column_level: u32,
    /// The row variables' codes.
    pub rows: Vec<String>,
    /// The column variables' codes.
    pub columns: Vec<String>,
    /// Correlations, row by row; missing where a variable is constant.
    pub values: Vec<Vec<Option<f64>>>,
}

#[derive(Debug, Clone, PartialEq)]
/// The statistical audit of an index.
pub struct Audit {
    /// One audit per aggregate, lowest level first.
    pub aggregates: Vec<AggregateAudit>,
    /// Correlations between every pair of levels.
    pub correlations: Vec<Correlations>,
}

/// Audits the aggregated table of a pipeline run (normalised indicators and aggregates).
pub fn audit(coin: &Coin, stages: &Stages) -> Result<Audit, IndexError> {
    let tree = Tree::new(coin)?;
    let table = &stages.aggregated;
    let column = |i: usize| table.columns[i].1.as_slice();
    let code = |i: usize| table.columns[i].0.clone();
    let first = tree.indicators.len();
    let aggregates = tree
        .aggregates
        .par_iter()
        .enumerate()
        .map(|(a, aggregate)| {
            let parent = column(first + a);
            let children: Vec<&[Option<f64>]> = aggregate.children.iter().map(|c| column(*c)).collect();
            let child_correlations: Vec<(String, Option<f64>)> =
                aggregate.children.iter().map(|c| (code(*c), pearson(column(*c), parent))).collect();
            let mut collinear = Vec::new();
            for (x, i) in aggregate.children.iter().enumerate() {
                for j in &aggregate.children[x + 1..] {
                    if let Some(r) = pearson(column(*i), column(*j)).filter(|r| *r > COLLINEAR) {
                        collinear.push((code(*i), code(*j), r));
                    }
                }
            }
            AggregateAudit {
                code: aggregate.code.clone(),
                level: aggregate.level,
                children: aggregate.children.iter().map(|c| code(*c)).collect(),
                alpha: cronbach_alpha(&children),
                first_component_share: first_component(&children).map(|(_, share)| share),
                negative: child_correlations
                    .iter()
                    .filter(|(_, r)| r.is_some_and(|r| r < 0.0))
                    .map(|(c, _)| c.clone())
                    .collect(),
                child_correlations,
                collinear,
            }
        })
        .collect();
    // Variables per level: indicators are level 1.
    let mut levels: Vec<(u32, Vec<usize>)> = vec![(1, (0..first).collect())];
    for (a, aggregate) in tree.aggregates.iter().enumerate() {
        match levels.iter_mut().find(|(l, _)| *l == aggregate.level) {
            Some((_, members)) => members.push(first + a),
            None => levels.push((aggregate.level, vec![first + a])),
        }
    }
    let mut correlations = Vec::new();
    for (x, (row_level, rows)) in levels.iter().enumerate() {
        for (column_level, columns) in &levels[x..] {
            let values = rows
                .par_iter()
                .map(|r| columns.iter().map(|c| pearson(column(*r), column(*c))).collect())
                .collect();
            correlations.push(Correlations {
                row_level: *row_level,
                column_level: *column_level,
                rows: rows.iter().map(|r| code(*r)).collect(),
                columns: columns.iter().map(|c| code(*c)).collect(),
                values,
            });
        }
    }
    Ok(Audit { aggregates, correlations })
}
