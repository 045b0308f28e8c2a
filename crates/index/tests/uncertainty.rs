//! Monte Carlo uncertainty and Sobol sensitivity: SALib's sample and estimators on the same
//! model (its numbers kept in `tests/data`), analytic indices of a linear model, and the analysis of COINr's ASEM index.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_index::uncertainty::{
    Factor, Study, monte_carlo, normal_quantile, saltelli_sample, sensitivity, sobol_indices,
};
use smartcities_index::{Aggregation, Coin, Imputation, Normalisation, Pipeline, Spec};

fn ishigami(x: &[f64]) -> f64 {
    // On [−π, π]³, as SALib's test function.
    let p: Vec<f64> = x.iter().map(|v| -std::f64::consts::PI + 2.0 * std::f64::consts::PI * v).collect();
    p[0].sin() + 7.0 * p[1].sin().powi(2) + 0.1 * p[2].powi(4) * p[0].sin()
}

#[test]
fn the_normal_quantile_matches_reference_values() {
    assert!((normal_quantile(0.975) - 1.959_963_984_540_054).abs() < 1e-15);
    assert_eq!(normal_quantile(0.5), 0.0);
    assert!((normal_quantile(0.05) + 1.644_853_626_951_472_2).abs() < 1e-15);
    assert!((normal_quantile(1e-10) + 6.361_340_902_404_056).abs() < 1e-12);
}

/// SALib's design and estimates for the Ishigami function, made by `scripts/reference-fixtures.py`.
fn salib() -> serde_json::Value {
    serde_json::from_str(include_str!("data/salib-ishigami.json")).unwrap()
}

#[test]
fn sample_and_indices_equal_salibs_on_the_same_model() {
    let salib = salib();
    let (n, d) = (salib["n"].as_u64().unwrap() as usize, salib["d"].as_u64().unwrap() as usize);
    let sample = saltelli_sample(n, d, n);
    assert_eq!(sample.len(), n * (d + 2));
    // The same design, point for point.
    let x = salib["X"].as_array().unwrap();
    assert_eq!(x.len(), sample.len());
    for (row, theirs) in sample.iter().zip(x) {
        for (a, b) in row.iter().zip(theirs.as_array().unwrap()) {
            assert!((a - b.as_f64().unwrap()).abs() < 1e-15, "{row:?} vs {theirs}");
        }
    }
    let y: Vec<f64> = sample.iter().map(|x| ishigami(x)).collect();
    for (ours, theirs) in y.iter().zip(salib["Y"].as_array().unwrap()) {
        assert!((ours - theirs.as_f64().unwrap()).abs() < 1e-12, "the model: {ours} vs {theirs}");
    }
    let ours = sobol_indices(&y, d, 200, 0.95, 7);
    // The same estimates; the intervals come from different random resamples, so only their
    // size is compared.
    for (j, indices) in ours.iter().enumerate() {
        let theirs = |key: &str| salib[key][j].as_f64().unwrap();
        assert!((indices.s1 - theirs("S1")).abs() < 1e-10, "S1 x{j}: {} vs {}", indices.s1, theirs("S1"));
        assert!((indices.st - theirs("ST")).abs() < 1e-10, "ST x{j}: {} vs {}", indices.st, theirs("ST"));
        for (ours, key) in [(indices.s1_conf, "S1_conf"), (indices.st_conf, "ST_conf")] {
            let ratio = ours / theirs(key);
            assert!((0.5..2.0).contains(&ratio), "{key} x{j}: {ours} vs {}", theirs(key));
        }
    }
}

#[test]
fn a_linear_model_gives_its_analytic_indices() {
    // y = x₁ + 2x₂ + 3x₃ on uniforms: variances in the ratio 1 : 4 : 9.
    let (n, d) = (1024, 3);
    let y: Vec<f64> = saltelli_sample(n, d, n).iter().map(|x| x[0] + 2.0 * x[1] + 3.0 * x[2]).collect();
    for (indices, expected) in sobol_indices(&y, d, 100, 0.95, 1).iter().zip([1.0, 4.0, 9.0]) {
        let expected = expected / 14.0;
        assert!((indices.s1 - expected).abs() < 0.03, "S1 {} vs {expected}", indices.s1);
        assert!((indices.st - expected).abs() < 0.03, "ST {} vs {expected}", indices.st);
        assert!(indices.s1_conf > 0.0 && indices.s1_conf < 0.2);
    }
}

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/coinr-asem");

fn asem() -> Coin {
    let read = |name: &str| std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
    Coin::from_coinr_csv(&read("iData.csv"), &read("iMeta.csv")).unwrap()
}

fn asem_spec() -> Spec {
    Spec {
        imputation: Imputation::GroupMean("EurAsia_group".into()),
        screen_min_share: 0.9,
        ..Spec::default()
    }
}

/// The study of COINr's ASEM pipeline with these factors and target.
fn asem_study<'c>(coin: &'c Coin, factors: Vec<Factor>, target: &str, seed: u64) -> Study<'c> {
    Study { coin, spec: asem_spec(), factors, target: target.into(), seed, progress: None }
}

fn factors() -> Vec<Factor> {
    vec![
        Factor::Normalisation(vec![
            Normalisation::MinMax { low: 0.0, high: 100.0 },
            Normalisation::ZScore { mean: 10.0, sd: 2.0 },
            Normalisation::Rank,
        ]),
        Factor::Aggregation(vec![Aggregation::Arithmetic, Aggregation::Harmonic]),
        Factor::Weights { level: 1, noise: 0.25, sets: 50 },
        Factor::Imputation(vec![Imputation::GroupMean("EurAsia_group".into()), Imputation::Median]),
    ]
}

#[test]
fn monte_carlo_on_asem_is_reproducible_and_brackets_each_units_rank() {
    let coin = asem();
    let study = asem_study(&coin, factors(), "Index", 42);
    let spread = monte_carlo(&study, 200).unwrap();
    assert_eq!(spread.runs, 200);
    assert_eq!(spread, monte_carlo(&study, 200).unwrap(), "the same seed, the same result");
    let other = monte_carlo(&Study { seed: 43, ..study }, 200).unwrap();
    assert_ne!(spread, other);
    // The nominal column is the pipeline's own index.
    let stages = Pipeline { coin: &coin, spec: asem_spec() }.run().unwrap();
    let ranks = &stages.ranks.iter().find(|(c, _)| c == "Index").unwrap().1;
    let mut moved = 0;
    for (u, unit) in spread.units.iter().enumerate() {
        assert_eq!(unit.nominal_rank, ranks[u], "{}", unit.unit);
        let (low, mid, high) = (unit.rank_5.unwrap(), unit.median_rank.unwrap(), unit.rank_95.unwrap());
        assert!(low <= mid && mid <= high && low >= 1.0 && high <= 51.0, "{}", unit.unit);
        moved += usize::from(high > low);
    }
    assert!(moved > 40, "method choices move most countries' ranks: {moved}");
}

#[test]
fn without_real_alternatives_every_run_is_the_nominal_index() {
    let coin = asem();
    let study = asem_study(
        &coin,
        vec![
            Factor::Aggregation(vec![Aggregation::Arithmetic]),
            Factor::Weights { level: 2, noise: 0.0, sets: 3 },
        ],
        "Conn",
        1,
    );
    for unit in monte_carlo(&study, 20).unwrap().units {
        let nominal = unit.nominal_rank.map(|r| r as f64);
        assert_eq!((unit.rank_5, unit.median_rank, unit.rank_95), (nominal, nominal, nominal));
        assert_eq!(unit.median_score, unit.nominal_score);
    }
    let sensitivity = sensitivity(&study, 16, 20, 0.95).unwrap();
    for (name, indices) in sensitivity.factors {
        assert_eq!((indices.s1, indices.st), (0.0, 0.0), "{name}: a constant output");
    }
}

#[test]
fn sensitivity_on_asem_names_each_factor_and_bounds_its_indices() {
    let coin = asem();
    let study = asem_study(&coin, factors(), "Index", 5);
    let result = sensitivity(&study, 64, 100, 0.95).unwrap();
    let names: Vec<&str> = result.factors.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["normalisation", "aggregation", "weights_level_1", "imputation"]);
    for (name, i) in &result.factors {
        assert!(i.st >= -0.1 && i.st <= 1.5 && i.s1 <= i.st + 0.3, "{name}: {i:?}");
        assert!(i.s1_conf >= 0.0 && i.st_conf >= 0.0);
    }
    // Switching between min-max, z-scores and ranks moves ranks more than ±25 % weights.
    let st = |name: &str| result.factors.iter().find(|(n, _)| n == name).unwrap().1.st;
    assert!(st("normalisation") > st("weights_level_1"), "{result:?}");
    assert_eq!(result.spread.runs, 128, "the A and B rows");
    let refused = sensitivity(&Study { factors: factors()[..1].to_vec(), ..study }, 8, 10, 0.95).unwrap_err();
    assert_eq!(refused.to_string(), "a sensitivity analysis needs at least two uncertain factors");
}
