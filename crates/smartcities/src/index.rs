//! `smartcities index`: a composite indicator from COINr's iData/iMeta tables and a TOML
//! specification, written as one CSV per stage plus `results.csv`, the weights, the treatment
//! log, the statistical audit and, when asked for, uncertainty and sensitivity.

use std::{collections::BTreeMap, io::Write, path::Path};

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Deserialize;
use smartcities_index::audit::{Audit, audit};
use smartcities_index::uncertainty::{Factor, Sensitivity, Spread, Study, monte_carlo, sensitivity};
use smartcities_index::{
    Aggregation, Coin, Imputation, Normalisation, Pipeline, Spec, Stages, Table, Treatment, Weights,
};

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
    uncertainty: Option<UncertaintyFile>,
    sensitivity: Option<SensitivityFile>,
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

/// The methods a specification can name; anything else is refused by the reader with the list
/// of names it knows.
#[derive(Deserialize, Clone, Copy, Debug)]
#[serde(rename_all = "snake_case")]
enum ImputeMethod {
    None,
    Mean,
    Median,
    GroupMean,
    GroupMedian,
}

#[derive(Deserialize, Clone, Copy, Debug)]
#[serde(rename_all = "snake_case")]
enum TreatMethod {
    None,
    Winsorise,
}

#[derive(Deserialize, Clone, Copy, Debug)]
#[serde(rename_all = "lowercase")]
enum NormaliseMethod {
    Minmax,
    Zscore,
    Rank,
    Percentile,
    Dist2max,
    Dist2targ,
    Goalposts,
}

#[derive(Deserialize, Clone, Copy, Debug)]
#[serde(rename_all = "snake_case")]
enum AggregateMethod {
    Arithmetic,
    Geometric,
    Harmonic,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Impute {
    method: Option<ImputeMethod>,
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
    method: Option<TreatMethod>,
    winmax: Option<usize>,
    skew: Option<f64>,
    kurt: Option<f64>,
    log_fallback: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Normalise {
    method: Option<NormaliseMethod>,
    range: Option<(f64, f64)>,
    mean_sd: Option<(f64, f64)>,
    cap: Option<bool>,
    goalposts: Option<BTreeMap<String, (f64, f64)>>,
    scale: Option<f64>,
    truncate: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Aggregate {
    method: Option<AggregateMethod>,
    weights: Option<String>,
    min_coverage: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UncertaintyFile {
    runs: Option<usize>,
    seed: Option<u64>,
    target: Option<String>,
    #[serde(default)]
    imputations: Vec<ImputeMethod>,
    #[serde(default)]
    treatments: Vec<TreatMethod>,
    #[serde(default)]
    normalisations: Vec<NormaliseMethod>,
    #[serde(default)]
    aggregations: Vec<AggregateMethod>,
    #[serde(default)]
    screenings: Vec<f64>,
    #[serde(default)]
    coverages: Vec<f64>,
    weights_noise: Option<f64>,
    weights_level: Option<u32>,
    weight_sets: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SensitivityFile {
    n: Option<usize>,
    resamples: Option<usize>,
    confidence: Option<f64>,
}

/// What the specification asks for: the pipeline and, optionally, its uncertainty analysis.
pub struct Plan {
    /// The pipeline's choices.
    pub spec: Spec,
    /// The uncertainty analysis asked for, if any.
    pub uncertainty: Option<UncertaintyPlan>,
}

/// What the `[uncertainty]` and `[sensitivity]` tables ask for.
pub struct UncertaintyPlan {
    /// The choices that vary.
    pub factors: Vec<Factor>,
    /// Monte Carlo runs.
    pub runs: usize,
    /// The seed of the random draws.
    pub seed: u64,
    /// The aggregate studied; the index when none is given.
    pub target: Option<String>,
    /// Base sample size, resamples and confidence of the Sobol analysis, when asked for.
    pub sensitivity: Option<(usize, usize, f64)>,
}

impl Normalise {
    fn method(&self, name: &str, method: NormaliseMethod) -> Result<Normalisation> {
        Ok(match method {
            NormaliseMethod::Minmax => {
                let (low, high) = self.range.unwrap_or((0.0, 100.0));
                Normalisation::MinMax { low, high }
            }
            NormaliseMethod::Zscore => {
                let (mean, sd) = self.mean_sd.unwrap_or((0.0, 1.0));
                Normalisation::ZScore { mean, sd }
            }
            NormaliseMethod::Rank => Normalisation::Rank,
            NormaliseMethod::Percentile => Normalisation::Percentile,
            NormaliseMethod::Dist2max => Normalisation::DistanceToMax,
            NormaliseMethod::Dist2targ => Normalisation::DistanceToTarget { cap: self.cap.unwrap_or(false) },
            NormaliseMethod::Goalposts => Normalisation::Goalposts {
                posts: self.goalposts.clone().with_context(|| {
                    format!("{name}: [normalise] goalposts needs `goalposts = {{ iCode = [low, high], … }}`")
                })?,
                scale: self.scale.unwrap_or(100.0),
                truncate: self.truncate.unwrap_or(true),
            },
        })
    }
}

fn imputation(name: &str, method: ImputeMethod, group: Option<&String>) -> Result<Imputation> {
    let group = || group.cloned().with_context(|| format!("{name}: [impute] a group method needs `group`"));
    Ok(match method {
        ImputeMethod::None => Imputation::None,
        ImputeMethod::Mean => Imputation::Mean,
        ImputeMethod::Median => Imputation::Median,
        ImputeMethod::GroupMean => Imputation::GroupMean(group()?),
        ImputeMethod::GroupMedian => Imputation::GroupMedian(group()?),
    })
}

fn aggregation(method: AggregateMethod) -> Aggregation {
    match method {
        AggregateMethod::Arithmetic => Aggregation::Arithmetic,
        AggregateMethod::Geometric => Aggregation::Geometric,
        AggregateMethod::Harmonic => Aggregation::Harmonic,
    }
}

fn treatment(method: TreatMethod, file: &Treat) -> Treatment {
    match method {
        TreatMethod::None => Treatment::None,
        TreatMethod::Winsorise => Treatment::Winsorise {
            winmax: file.winmax.unwrap_or(5),
            skew_max: file.skew.unwrap_or(2.0),
            kurt_max: file.kurt.unwrap_or(3.5),
            log_fallback: file.log_fallback.unwrap_or(true),
        },
    }
}

/// A weights file: `iCode,Weight` rows.
fn read_weights(path: &Path) -> Result<BTreeMap<String, f64>> {
    let mut reader = csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let at = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("{}: no column {name}", path.display()))
    };
    let (code, weight) = (at("iCode")?, at("Weight")?);
    let mut weights = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.with_context(|| format!("{}:{line}", path.display()))?;
        let value: f64 = record[weight].trim().parse().map_err(|_| {
            anyhow::anyhow!("{}:{line}: Weight {:?} is not a number", path.display(), &record[weight])
        })?;
        weights.insert(record[code].trim().to_string(), value);
    }
    Ok(weights)
}

/// The plan a specification file asks for; methods not available are refused. A weights file
/// is read relative to the specification's folder.
pub fn parse_spec(name: &str, text: &str, folder: &Path) -> Result<Plan> {
    let file: SpecFile = toml::from_str(text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let mut spec = Spec { denominate: file.denominate.enabled, ..Spec::default() };
    spec.imputation =
        imputation(name, file.impute.method.unwrap_or(ImputeMethod::None), file.impute.group.as_ref())?;
    if let Some(share) = file.screen.min_share {
        if !(0.0..=1.0).contains(&share) {
            bail!("{name}: [screen] min_share must be between 0 and 1, not {share}");
        }
        spec.screen_min_share = share;
    }
    spec.treatment = treatment(file.treat.method.unwrap_or(TreatMethod::Winsorise), &file.treat);
    spec.normalisation =
        file.normalise.method(name, file.normalise.method.unwrap_or(NormaliseMethod::Minmax))?;
    spec.aggregation = aggregation(file.aggregate.method.unwrap_or(AggregateMethod::Arithmetic));
    spec.weights = match file.aggregate.weights.as_deref() {
        None | Some("meta") => Weights::Meta,
        Some("equal") => Weights::Equal,
        Some("pca") => Weights::Pca,
        Some(path) => Weights::Given(read_weights(&folder.join(path))?),
    };
    if let Some(coverage) = file.aggregate.min_coverage {
        if !(0.0..=1.0).contains(&coverage) {
            bail!("{name}: [aggregate] min_coverage must be between 0 and 1, not {coverage}");
        }
        spec.min_coverage = coverage;
    }
    let uncertainty = match file.uncertainty {
        None => {
            if file.sensitivity.is_some() {
                bail!("{name}: [sensitivity] varies the choices listed in [uncertainty]; add that table");
            }
            None
        }
        Some(u) => {
            let mut factors = Vec::new();
            if !u.imputations.is_empty() {
                let alternatives = u
                    .imputations
                    .iter()
                    .map(|m| imputation(name, *m, file.impute.group.as_ref()))
                    .collect::<Result<_>>()?;
                factors.push(Factor::Imputation(alternatives));
            }
            if !u.treatments.is_empty() {
                let alternatives = u.treatments.iter().map(|m| treatment(*m, &file.treat)).collect();
                factors.push(Factor::Treatment(alternatives));
            }
            if !u.normalisations.is_empty() {
                let alternatives = u
                    .normalisations
                    .iter()
                    .map(|m| file.normalise.method(name, *m))
                    .collect::<Result<_>>()?;
                factors.push(Factor::Normalisation(alternatives));
            }
            if !u.aggregations.is_empty() {
                let alternatives = u.aggregations.iter().map(|m| aggregation(*m)).collect();
                factors.push(Factor::Aggregation(alternatives));
            }
            for (key, shares) in [("screenings", &u.screenings), ("coverages", &u.coverages)] {
                if let Some(bad) = shares.iter().find(|s| !(0.0..=1.0).contains(*s)) {
                    bail!("{name}: [uncertainty] {key} are shares between 0 and 1, not {bad}");
                }
            }
            if !u.screenings.is_empty() {
                factors.push(Factor::Screening(u.screenings.clone()));
            }
            if !u.coverages.is_empty() {
                factors.push(Factor::Coverage(u.coverages.clone()));
            }
            if let Some(noise) = u.weights_noise {
                if !(0.0..1.0).contains(&noise) {
                    bail!(
                        "{name}: [uncertainty] weights_noise is a fraction below 1 (0.25 for ±25 %), not {noise}"
                    );
                }
                factors.push(Factor::Weights {
                    level: u.weights_level.unwrap_or(1),
                    noise,
                    sets: u.weight_sets.unwrap_or(100),
                });
            }
            if factors.is_empty() {
                bail!(
                    "{name}: [uncertainty] lists no uncertain choice (imputations, treatments, normalisations, aggregations or weights_noise)"
                );
            }
            let sensitivity = file
                .sensitivity
                .map(|s| (s.n.unwrap_or(256), s.resamples.unwrap_or(100), s.confidence.unwrap_or(0.95)));
            Some(UncertaintyPlan {
                factors,
                runs: u.runs.unwrap_or(1_000),
                seed: u.seed.unwrap_or(1),
                target: u.target,
                sensitivity,
            })
        }
    };
    Ok(Plan { spec, uncertainty })
}

fn number(value: Option<f64>) -> String {
    value.map_or(String::new(), |x| x.to_string())
}

fn write_rows(path: &Path, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<()> {
    let mut out = csv::Writer::from_path(path).with_context(|| format!("creating {}", path.display()))?;
    out.write_record(header)?;
    for row in rows {
        out.write_record(&row)?;
    }
    out.flush()?;
    Ok(())
}

fn write_table(path: &Path, table: &Table) -> Result<()> {
    let mut out = csv::Writer::from_path(path).with_context(|| format!("creating {}", path.display()))?;
    let mut header = vec!["uCode".to_string()];
    header.extend(table.columns.iter().map(|(c, _)| c.clone()));
    out.write_record(&header)?;
    for (u, unit) in table.units.iter().enumerate() {
        let mut row = vec![unit.clone()];
        row.extend(table.columns.iter().map(|(_, v)| number(v[u])));
        out.write_record(&row)?;
    }
    out.flush()?;
    Ok(())
}

fn write_audit(dir: &Path, audit: &Audit) -> Result<()> {
    write_rows(
        &dir.join("audit.csv"),
        &[
            "iCode",
            "Level",
            "children",
            "cronbach_alpha",
            "first_component_share",
            "negatively_correlated",
            "collinear_pairs",
        ],
        audit.aggregates.iter().map(|a| {
            vec![
                a.code.clone(),
                a.level.to_string(),
                a.children.join(" "),
                number(a.alpha),
                number(a.first_component_share),
                a.negative.join(" "),
                a.collinear.iter().map(|(x, y, r)| format!("{x}~{y} ({r:.3})")).collect::<Vec<_>>().join(" "),
            ]
        }),
    )?;
    for c in &audit.correlations {
        let mut header = vec!["iCode".to_string()];
        header.extend(c.columns.iter().cloned());
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        write_rows(
            &dir.join(format!("correlations_L{}_L{}.csv", c.row_level, c.column_level)),
            &header,
            c.rows.iter().zip(&c.values).map(|(code, values)| {
                std::iter::once(code.clone()).chain(values.iter().map(|v| number(*v))).collect()
            }),
        )?;
    }
    Ok(())
}

fn write_spread(path: &Path, spread: &Spread) -> Result<()> {
    write_rows(
        path,
        &[
            "uCode",
            "nominal_rank",
            "median_rank",
            "rank_5",
            "rank_95",
            "mean_rank",
            "nominal_score",
            "median_score",
            "score_5",
            "score_95",
        ],
        spread.units.iter().map(|u| {
            vec![
                u.unit.clone(),
                u.nominal_rank.map_or(String::new(), |r| r.to_string()),
                number(u.median_rank),
                number(u.rank_5),
                number(u.rank_95),
                number(u.mean_rank),
                number(u.nominal_score),
                number(u.median_score),
                number(u.score_5),
                number(u.score_95),
            ]
        }),
    )
}

fn write_sensitivity(path: &Path, result: &Sensitivity) -> Result<()> {
    write_rows(
        path,
        &["factor", "S1", "S1_conf", "ST", "ST_conf"],
        result.factors.iter().map(|(name, i)| {
            vec![
                name.clone(),
                i.s1.to_string(),
                i.s1_conf.to_string(),
                i.st.to_string(),
                i.st_conf.to_string(),
            ]
        }),
    )
}

/// What `run` computed, for the summary line.
pub struct Outcome {
    /// Every stage of the pipeline.
    pub stages: Stages,
    /// The statistical audit.
    pub audit: Audit,
    /// The Monte Carlo spread, if asked for.
    pub spread: Option<Spread>,
    /// The Sobol indices, if asked for.
    pub sensitivity: Option<Sensitivity>,
}

fn bar(len: usize, message: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").expect("valid template"));
    bar.set_message(message.to_string());
    bar
}

/// Runs the pipeline (and the analyses the plan asks for) and writes everything into `dir`.
pub fn run(idata: &Path, imeta: &Path, plan: Plan, dir: &Path) -> Result<Outcome> {
    let read = |p: &Path| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()));
    let coin = Coin::from_coinr_csv(&read(idata)?, &read(imeta)?)?;
    let stages = Pipeline { coin: &coin, spec: plan.spec.clone() }.run()?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, table) in [
        ("denominated", &*stages.denominated),
        ("imputed", &*stages.imputed),
        ("screened", &*stages.screened),
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
    writeln!(log, "iCode,winsorised_steps,log_transformed")?;
    for (code, done) in &stages.treatment {
        writeln!(log, "{code},{},{}", done.winsorised, done.logged)?;
    }
    write_rows(
        &dir.join("weights.csv"),
        &["iCode", "Weight"],
        stages.weights.iter().map(|(c, w)| vec![c.clone(), w.to_string()]),
    )?;
    let audit = audit(&coin, &stages)?;
    write_audit(dir, &audit)?;
    let (mut spread, mut sensitivity_result) = (None, None);
    if let Some(u) = plan.uncertainty {
        let target = match u.target {
            Some(t) => t,
            None => stages.ranks.last().map(|(c, _)| c.clone()).context("the index has no aggregate")?,
        };
        let progress = bar(u.runs, "Monte Carlo runs");
        let tick = || progress.inc(1);
        let study = Study {
            coin: &coin,
            spec: plan.spec.clone(),
            factors: u.factors.clone(),
            target: target.clone(),
            seed: u.seed,
            progress: Some(&tick),
        };
        let result = monte_carlo(&study, u.runs)?;
        progress.finish_and_clear();
        write_spread(&dir.join("uncertainty.csv"), &result)?;
        spread = Some(result);
        if let Some((n, resamples, confidence)) = u.sensitivity {
            let progress = bar(n * (u.factors.len() + 2), "Sobol runs");
            let tick = || progress.inc(1);
            let result = sensitivity(&Study { progress: Some(&tick), ..study }, n, resamples, confidence)?;
            progress.finish_and_clear();
            write_sensitivity(&dir.join("sensitivity.csv"), &result)?;
            sensitivity_result = Some(result);
        }
    }
    Ok(Outcome { stages, audit, spread, sensitivity: sensitivity_result })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_read_by_name_and_unknown_names_are_refused_with_the_known_ones() {
        let plan = parse_spec(
            "spec.toml",
            "[impute]\nmethod = \"group_median\"\ngroup = \"EurAsia_group\"\n[normalise]\nmethod = \"zscore\"\n[aggregate]\nmethod = \"geometric\"\n",
            Path::new("."),
        )
        .unwrap();
        assert_eq!(plan.spec.imputation, Imputation::GroupMedian("EurAsia_group".into()));
        assert_eq!(plan.spec.normalisation, Normalisation::ZScore { mean: 0.0, sd: 1.0 });
        assert_eq!(plan.spec.aggregation, Aggregation::Geometric);
        let refused =
            parse_spec("spec.toml", "[aggregate]\nmethod = \"cubic\"\n", Path::new(".")).err().unwrap();
        let message = refused.to_string();
        assert!(message.starts_with("spec.toml: "), "{message}");
        assert!(
            message
                .contains("unknown variant `cubic`, expected one of `arithmetic`, `geometric`, `harmonic`"),
            "{message}"
        );
        let refused = parse_spec(
            "spec.toml",
            "[uncertainty]\nnormalisations = [\"minmax\", \"log\"]\n",
            Path::new("."),
        );
        assert!(refused.err().unwrap().to_string().contains("unknown variant `log`"));
    }
}
