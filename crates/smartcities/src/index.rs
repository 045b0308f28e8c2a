//! `smartcities index`: a composite indicator from COINr's iData/iMeta tables and a TOML
//! specification, written as one CSV per stage plus `results.csv`.

use std::{io::Write, path::Path};

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use smartcities_index::{Aggregation, Coin, Imputation, Normalisation, Pipeline, Spec, Stages, Table};

/// The specification file: one table per step, every key optional.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SpecFile {
    #[serde(default)]
    denominate: Denominate,
    #[serde(default)]
    impute: Impute,
    #[serde(default)]
    screen: Screen,
    #[serde(default)]
    treat: Treat,
    #[serde(default)]
    normalise: Normalise,
    #[serde(default)]
    aggregate: Aggregate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Denominate {
    enabled: bool,
}

impl Default for Denominate {
    fn default() -> Self {
        Denominate { enabled: true }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Impute {
    method: Option<String>,
    group: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Screen {
    min_share: Option<f64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Treat {
    method: Option<String>,
    winmax: Option<usize>,
    skew: Option<f64>,
    kurt: Option<f64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Normalise {
    method: Option<String>,
    range: Option<(f64, f64)>,
    mean_sd: Option<(f64, f64)>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Aggregate {
    method: Option<String>,
}

/// The pipeline settings a specification file asks for; methods not available are refused.
pub fn parse_spec(name: &str, text: &str) -> Result<Spec> {
    let file: SpecFile = toml::from_str(text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let mut spec = Spec { denominate: file.denominate.enabled, ..Spec::default() };
    let group = || {
        file.impute.group.clone().with_context(|| format!("{name}: [impute] a group method needs `group`"))
    };
    spec.imputation = match file.impute.method.as_deref() {
        None | Some("none") => Imputation::None,
        Some("mean") => Imputation::Mean,
        Some("median") => Imputation::Median,
        Some("group_mean") => Imputation::GroupMean(group()?),
        Some("group_median") => Imputation::GroupMedian(group()?),
        Some(other) => bail!(
            "{name}: [impute] method {other:?} is not available; use none, mean, median, group_mean or group_median"
        ),
    };
    if let Some(share) = file.screen.min_share {
        if !(0.0..=1.0).contains(&share) {
            bail!("{name}: [screen] min_share must be between 0 and 1, not {share}");
        }
        spec.screen_min_share = share;
    }
    match file.treat.method.as_deref() {
        None | Some("winsorise") => {}
        Some("none") => spec.winmax = 0,
        Some(other) => bail!("{name}: [treat] method {other:?} is not available; use none or winsorise"),
    }
    if let Some(w) = file.treat.winmax {
        spec.winmax = w;
    }
    spec.skew_max = file.treat.skew.unwrap_or(spec.skew_max);
    spec.kurt_max = file.treat.kurt.unwrap_or(spec.kurt_max);
    spec.normalisation = match file.normalise.method.as_deref() {
        None | Some("minmax") => {
            let (low, high) = file.normalise.range.unwrap_or((0.0, 100.0));
            Normalisation::MinMax { low, high }
        }
        Some("zscore") => {
            let (mean, sd) = file.normalise.mean_sd.unwrap_or((0.0, 1.0));
            Normalisation::ZScore { mean, sd }
        }
        Some("rank") => Normalisation::Rank,
        Some("percentile") => Normalisation::Percentile,
        Some("dist2max") => Normalisation::DistanceToMax,
        Some(other) => bail!(
            "{name}: [normalise] method {other:?} is not available; use minmax, zscore, rank, percentile or dist2max"
        ),
    };
    spec.aggregation = match file.aggregate.method.as_deref() {
        None | Some("arithmetic") => Aggregation::Arithmetic,
        Some("geometric") => Aggregation::Geometric,
        Some("harmonic") => Aggregation::Harmonic,
        Some(other) => {
            bail!(
                "{name}: [aggregate] method {other:?} is not available; use arithmetic, geometric or harmonic"
            )
        }
    };
    Ok(spec)
}

fn write_table(path: &Path, table: &Table) -> Result<()> {
    let mut out = csv::Writer::from_path(path).with_context(|| format!("creating {}", path.display()))?;
    let mut header = vec!["uCode".to_string()];
    header.extend(table.columns.iter().map(|(c, _)| c.clone()));
    out.write_record(&header)?;
    for (u, unit) in table.units.iter().enumerate() {
        let mut row = vec![unit.clone()];
        row.extend(table.columns.iter().map(|(_, v)| v[u].map_or(String::new(), |x| x.to_string())));
        out.write_record(&row)?;
    }
    out.flush()?;
    Ok(())
}

/// Runs the pipeline and writes its stages into `dir`.
pub fn run(idata: &Path, imeta: &Path, spec: Spec, dir: &Path) -> Result<Stages> {
    let read = |p: &Path| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()));
    let coin = Coin::from_coinr_csv(&read(idata)?, &read(imeta)?)?;
    let stages = Pipeline { coin: &coin, spec }.run()?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, table) in [
        ("denominated", &stages.denominated),
        ("imputed", &stages.imputed),
        ("screened", &stages.screened),
        ("treated", &stages.treated),
        ("normalised", &stages.normalised),
        ("aggregated", &stages.aggregated),
    ] {
        write_table(&dir.join(format!("{name}.csv")), table)?;
    }
    // results.csv: uCode, each aggregate's score, then its rank in `<iCode>_rank`.
    let mut results = Table { units: stages.aggregated.units.clone(), columns: Vec::new() };
    for (code, ranks) in &stages.ranks {
        if let Some(scores) = stages.aggregated.column(code) {
            results.columns.push((code.clone(), scores.to_vec()));
            results
                .columns
                .push((format!("{code}_rank"), ranks.iter().map(|r| r.map(|r| r as f64)).collect()));
        }
    }
    write_table(&dir.join("results.csv"), &results)?;
    let mut log = std::fs::File::create(dir.join("treatment.csv"))?;
    writeln!(log, "iCode,winsorised_steps")?;
    for (code, steps) in &stages.treatment {
        writeln!(log, "{code},{steps}")?;
    }
    Ok(stages)
}
