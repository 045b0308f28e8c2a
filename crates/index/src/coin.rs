//! The data of a composite indicator (COINr calls it a "coin") and its pipeline.

use std::collections::BTreeMap;

use crate::methods::{
    arithmetic_mean, distance_to_max, geometric_mean, harmonic_mean, minmax, percentile_ranks, rank_scores,
    ranks, winsorise, zscore,
};

/// How indicators are brought onto one scale (each after multiplying by its direction).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Normalisation {
    /// COINr's `n_minmax` to [low, high].
    MinMax { low: f64, high: f64 },
    /// COINr's `n_zscore` with this mean and standard deviation.
    ZScore { mean: f64, sd: f64 },
    /// COINr's `n_rank`.
    Rank,
    /// COINr's `n_prank`.
    Percentile,
    /// COINr's `n_dist2max`.
    DistanceToMax,
}

impl Normalisation {
    fn apply(self, column: &[Option<f64>], direction: f64) -> Vec<Option<f64>> {
        match self {
            Normalisation::MinMax { low, high } => minmax(column, direction, low, high),
            Normalisation::ZScore { mean, sd } => zscore(column, direction, mean, sd),
            Normalisation::Rank => rank_scores(column, direction),
            Normalisation::Percentile => percentile_ranks(column, direction),
            Normalisation::DistanceToMax => distance_to_max(column, direction),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum IndexError {
    #[error("{file}:{line}: {message}")]
    Table { file: String, line: usize, message: String },
    #[error("unit {unit}, indicator {indicator}: {message}")]
    Value { unit: String, indicator: String, message: String },
    #[error("{0}")]
    Tree(String),
}

/// The role of a column, as iMeta's `Type` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Indicator,
    Aggregate,
    Group,
    Denominator,
    Other,
}

/// One row of iMeta.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub code: String,
    pub name: String,
    pub kind: Kind,
    pub level: Option<u32>,
    pub direction: f64,
    pub weight: f64,
    pub parent: Option<String>,
    pub denominator: Option<String>,
    pub target: Option<f64>,
}

/// Units × columns, units in input order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub units: Vec<String>,
    pub columns: Vec<(String, Vec<Option<f64>>)>,
}

impl Table {
    pub fn column(&self, code: &str) -> Option<&[Option<f64>]> {
        self.columns.iter().find(|(c, _)| c == code).map(|(_, v)| v.as_slice())
    }

    fn keep_units(&self, keep: &[bool]) -> Table {
        let pick = |v: &[Option<f64>]| v.iter().zip(keep).filter(|(_, k)| **k).map(|(x, _)| *x).collect();
        Table {
            units: self.units.iter().zip(keep).filter(|(_, k)| **k).map(|(u, _)| u.clone()).collect(),
            columns: self.columns.iter().map(|(c, v)| (c.clone(), pick(v))).collect(),
        }
    }
}

/// The raw data and metadata of an index.
#[derive(Debug, Clone, PartialEq)]
pub struct Coin {
    pub meta: Vec<Meta>,
    /// Every numeric column of iData (indicators and denominators).
    pub data: Table,
    /// Group columns (text), by code.
    pub groups: BTreeMap<String, Vec<String>>,
}

/// How missing values are filled, as COINr's `i_mean`, `i_median`, `i_mean_grp`, `i_median_grp`:
/// with the mean or median of the indicator over all units, or over the units of the same
/// group in a group column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imputation {
    None,
    Mean,
    Median,
    GroupMean(String),
    GroupMedian(String),
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
    pub denominate: bool,
    pub imputation: Imputation,
    pub screen_min_share: f64,
    pub winmax: usize,
    pub skew_max: f64,
    pub kurt_max: f64,
    pub normalisation: Normalisation,
    pub aggregation: Aggregation,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            denominate: true,
            imputation: Imputation::None,
            screen_min_share: 0.0,
            winmax: 5,
            skew_max: 2.0,
            kurt_max: 3.5,
            normalisation: Normalisation::MinMax { low: 0.0, high: 100.0 },
            aggregation: Aggregation::Arithmetic,
        }
    }
}

/// Every intermediate table, so a figure can be traced back.
#[derive(Debug, Clone, PartialEq)]
pub struct Stages {
    pub denominated: Table,
    pub imputed: Table,
    pub screened: Table,
    pub treated: Table,
    /// Winsorisation steps per indicator.
    pub treatment: Vec<(String, usize)>,
    pub normalised: Table,
    /// Normalised indicators followed by the aggregates, level by level.
    pub aggregated: Table,
    /// Rank of every unit on every aggregate (ties share the lowest rank).
    pub ranks: Vec<(String, Vec<Option<usize>>)>,
}

/// The pipeline over a coin.
pub struct Pipeline<'c> {
    pub coin: &'c Coin,
    pub spec: Spec,
}

fn parse_number(file: &str, line: usize, column: &str, text: &str) -> Result<Option<f64>, IndexError> {
    let text = text.trim();
    if text.is_empty() || text == "NA" {
        return Ok(None);
    }
    let value: f64 = text.parse().map_err(|_| IndexError::Table {
        file: file.into(),
        line,
        message: format!("column {column}: {text:?} is not a number"),
    })?;
    Ok(Some(value))
}

impl Coin {
    /// Reads COINr's table convention: iData (`uCode`, `uName`, then columns whose role iMeta
    /// gives) and iMeta (`Level`, `iCode`, `iName`, `Direction`, `Weight`, `Parent`, `Type`,
    /// optional `Denominator`, `Unit`, `Target`).
    pub fn from_coinr_csv(idata: &str, imeta: &str) -> Result<Coin, IndexError> {
        let table_error =
            |file: &str, line: usize, message: String| IndexError::Table { file: file.into(), line, message };
        let mut reader = csv::Reader::from_reader(imeta.as_bytes());
        let headers = reader.headers().map_err(|e| table_error("iMeta", 1, e.to_string()))?.clone();
        let at = |name: &str| headers.iter().position(|h| h == name);
        let required =
            |name: &str| at(name).ok_or_else(|| table_error("iMeta", 1, format!("no column {name}")));
        let (code_at, type_at) = (required("iCode")?, required("Type")?);
        let mut meta = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = record.map_err(|e| table_error("iMeta", line, e.to_string()))?;
            let field = |name: &str| {
                at(name).and_then(|p| record.get(p)).map(str::trim).filter(|s| !s.is_empty() && *s != "NA")
            };
            let number = |name: &str| -> Result<Option<f64>, IndexError> {
                field(name).map(|t| parse_number("iMeta", line, name, t)).transpose().map(Option::flatten)
            };
            let kind = match record.get(type_at).unwrap_or("").trim() {
                "Indicator" => Kind::Indicator,
                "Aggregate" => Kind::Aggregate,
                "Group" => Kind::Group,
                "Denominator" => Kind::Denominator,
                "Other" => Kind::Other,
                other => {
                    return Err(table_error(
                        "iMeta",
                        line,
                        format!("Type {other:?}: expected Indicator, Aggregate, Group, Denominator or Other"),
                    ));
                }
            };
            meta.push(Meta {
                code: record.get(code_at).unwrap_or("").trim().to_string(),
                name: field("iName").unwrap_or_default().to_string(),
                kind,
                level: number("Level")?.map(|l| l as u32),
                direction: number("Direction")?.unwrap_or(1.0),
                weight: number("Weight")?.unwrap_or(1.0),
                parent: field("Parent").map(str::to_string),
                denominator: field("Denominator").map(str::to_string),
                target: number("Target")?,
            });
        }
        let mut reader = csv::Reader::from_reader(idata.as_bytes());
        let headers = reader.headers().map_err(|e| table_error("iData", 1, e.to_string()))?.clone();
        let u_at = headers
            .iter()
            .position(|h| h == "uCode")
            .ok_or_else(|| table_error("iData", 1, "no column uCode".into()))?;
        let role = |column: &str| meta.iter().find(|m| m.code == column).map(|m| m.kind);
        let mut data = Table::default();
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let numeric: Vec<(usize, String)> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| matches!(role(h), Some(Kind::Indicator | Kind::Denominator)))
            .map(|(i, h)| (i, h.to_string()))
            .collect();
        data.columns = numeric.iter().map(|(_, h)| (h.clone(), Vec::new())).collect();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = record.map_err(|e| table_error("iData", line, e.to_string()))?;
            let unit = record.get(u_at).unwrap_or("").trim().to_string();
            for (c, (p, name)) in numeric.iter().enumerate() {
                let value = parse_number("iData", line, name, record.get(*p).unwrap_or(""))?;
                if value.is_some_and(|v| !v.is_finite()) {
                    return Err(IndexError::Value {
                        unit,
                        indicator: name.clone(),
                        message: "not a finite number".into(),
                    });
                }
                data.columns[c].1.push(value);
            }
            for (p, h) in headers.iter().enumerate() {
                if role(h) == Some(Kind::Group) {
                    groups
                        .entry(h.to_string())
                        .or_default()
                        .push(record.get(p).unwrap_or("").trim().to_string());
                }
            }
            data.units.push(unit);
        }
        Ok(Coin { meta, data, groups })
    }

    fn indicators(&self) -> impl Iterator<Item = &Meta> {
        self.meta.iter().filter(|m| m.kind == Kind::Indicator)
    }
}

impl Pipeline<'_> {
    pub fn run(&self) -> Result<Stages, IndexError> {
        let coin = self.coin;
        let spec = &self.spec;
        // Denominate: indicator ÷ its denominator, unit by unit.
        let mut denominated = Table { units: coin.data.units.clone(), columns: Vec::new() };
        for m in coin.indicators() {
            let x = coin
                .data
                .column(&m.code)
                .ok_or_else(|| IndexError::Tree(format!("iData has no column {}", m.code)))?;
            let column = match (&m.denominator, spec.denominate) {
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
            denominated.columns.push((m.code.clone(), column));
        }
        // Impute: a missing value takes the mean or median of its indicator, over every unit or
        // over the units of its group.
        let mut imputed = denominated.clone();
        let (group, median) = match &spec.imputation {
            Imputation::None => (None, false),
            Imputation::Mean => (Some(None), false),
            Imputation::Median => (Some(None), true),
            Imputation::GroupMean(g) => (Some(Some(g)), false),
            Imputation::GroupMedian(g) => (Some(Some(g)), true),
        };
        if let Some(group) = group {
            let everyone = vec![String::new(); imputed.units.len()];
            let labels = match group {
                Some(g) => coin
                    .groups
                    .get(g)
                    .ok_or_else(|| IndexError::Tree(format!("iData has no group column {g}")))?,
                None => &everyone,
            };
            for (_, column) in &mut imputed.columns {
                // The values present per group, in unit order.
                let mut present: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
                for (v, l) in column.iter().zip(labels) {
                    if let Some(v) = v {
                        present.entry(l.as_str()).or_default().push(*v);
                    }
                }
                let centres: BTreeMap<&str, Option<f64>> =
                    present.into_iter().map(|(l, mut values)| (l, centre(&mut values, median))).collect();
                for (value, label) in column.iter_mut().zip(labels) {
                    if value.is_none() {
                        *value = centres.get(label.as_str()).copied().flatten();
                    }
                }
            }
        }
        // Screen: keep units with at least the required share of indicators present.
        let n = imputed.columns.len().max(1) as f64;
        let keep: Vec<bool> = (0..imputed.units.len())
            .map(|u| {
                imputed.columns.iter().filter(|(_, c)| c[u].is_some()).count() as f64 / n
                    >= spec.screen_min_share
            })
            .collect();
        let screened = imputed.keep_units(&keep);
        // Treat outliers.
        let mut treated = screened.clone();
        let mut treatment = Vec::new();
        for (code, column) in &mut treated.columns {
            let (x, steps) = winsorise(column, spec.winmax, spec.skew_max, spec.kurt_max);
            *column = x;
            treatment.push((code.clone(), steps));
        }
        // Normalise.
        let mut normalised = treated.clone();
        for (code, column) in &mut normalised.columns {
            let direction = coin.meta.iter().find(|m| &m.code == code).map_or(1.0, |m| m.direction);
            *column = spec.normalisation.apply(column, direction);
        }
        // Aggregate level by level.
        let mut aggregated = normalised.clone();
        let top = coin.meta.iter().filter_map(|m| m.level).max().unwrap_or(1);
        let mut ranked = Vec::new();
        for level in 2..=top {
            for m in coin.meta.iter().filter(|m| m.kind == Kind::Aggregate && m.level == Some(level)) {
                let children: Vec<&Meta> =
                    coin.meta.iter().filter(|c| c.parent.as_deref() == Some(m.code.as_str())).collect();
                if children.is_empty() {
                    return Err(IndexError::Tree(format!("aggregate {} has no children", m.code)));
                }
                let columns: Vec<&[Option<f64>]> = children
                    .iter()
                    .map(|c| {
                        aggregated.column(&c.code).ok_or_else(|| {
                            IndexError::Tree(format!("{} is not computed before {}", c.code, m.code))
                        })
                    })
                    .collect::<Result<_, _>>()?;
                let weights: Vec<f64> = children.iter().map(|c| c.weight).collect();
                let values: Vec<Option<f64>> = (0..aggregated.units.len())
                    .map(|u| {
                        let children: Vec<Option<f64>> = columns.iter().map(|c| c[u]).collect();
                        match spec.aggregation {
                            Aggregation::Arithmetic => arithmetic_mean(&children, &weights),
                            Aggregation::Geometric => geometric_mean(&children, &weights),
                            Aggregation::Harmonic => harmonic_mean(&children, &weights),
                        }
                    })
                    .collect();
                ranked.push((m.code.clone(), ranks(&values)));
                aggregated.columns.push((m.code.clone(), values));
            }
        }
        Ok(Stages {
            denominated,
            imputed,
            screened,
            treated,
            treatment,
            normalised,
            aggregated,
            ranks: ranked,
        })
    }
}
