//! Uncertainty and sensitivity at scale: 1,000 Monte Carlo runs on 1,000 units × 100
//! indicators, and a Sobol analysis with N = 1,024 over 10 uncertain choices (12,288 runs).
//! `cargo bench -p smartcities-index --bench uncertainty`

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::fmt::Write;

use smartcities_index::uncertainty::{Factor, Study, monte_carlo, sensitivity};
use smartcities_index::{Aggregation, Coin, Imputation, Normalisation, Spec, Treatment};

fn main() {
    divan::main();
}

/// 1,000 units, 100 indicators in 5 levels (100 → 20 → 5 → 2 → 1), 3 % missing, skewed.
fn coin() -> Coin {
    let mut meta = String::from("Level,iCode,iName,Direction,Weight,Parent,Type\n");
    for i in 0..100 {
        let direction = if i % 7 == 0 { -1 } else { 1 };
        writeln!(meta, "1,i{i},I{i},{direction},1,p{},Indicator", i / 5).unwrap();
    }
    for p in 0..20 {
        writeln!(meta, "2,p{p},P{p},1,1,s{},Aggregate", p / 4).unwrap();
    }
    for s in 0..5 {
        writeln!(meta, "3,s{s},S{s},1,1,h{},Aggregate", s / 3).unwrap();
    }
    meta.push_str("4,h0,H0,1,1,Index,Aggregate\n4,h1,H1,1,1,Index,Aggregate\n5,Index,Index,1,1,,Aggregate\n");
    let mut data = String::from("uCode,uName");
    for i in 0..100 {
        write!(data, ",i{i}").unwrap();
    }
    data.push('\n');
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for u in 0..1_000 {
        write!(data, "U{u},Unit {u}").unwrap();
        for i in 0..100 {
            let r = next();
            if r % 33 == 0 {
                data.push(',');
            } else {
                // A shared factor per unit, so indicators correlate, plus noise and outliers.
                let x = (u % 97) as f64 + (r % 1_000) as f64 / 20.0 + i as f64;
                write!(data, ",{}", if r % 89 == 0 { x * 20.0 } else { x }).unwrap();
            }
        }
        data.push('\n');
    }
    Coin::from_coinr_csv(&data, &meta).unwrap()
}

fn ten_factors() -> Vec<Factor> {
    vec![
        Factor::Imputation(vec![Imputation::Mean, Imputation::Median]),
        Factor::Treatment(vec![
            Treatment::Winsorise { winmax: 5, skew_max: 2.0, kurt_max: 3.5, log_fallback: true },
            Treatment::None,
        ]),
        Factor::Screening(vec![0.0, 0.95]),
        Factor::Normalisation(vec![
            Normalisation::MinMax { low: 0.0, high: 100.0 },
            Normalisation::ZScore { mean: 10.0, sd: 2.0 },
            Normalisation::Rank,
        ]),
        Factor::Aggregation(vec![Aggregation::Arithmetic, Aggregation::Geometric, Aggregation::Harmonic]),
        Factor::Coverage(vec![0.0, 0.5]),
        Factor::Weights { level: 1, noise: 0.25, sets: 100 },
        Factor::Weights { level: 2, noise: 0.25, sets: 100 },
        Factor::Weights { level: 3, noise: 0.25, sets: 100 },
        Factor::Weights { level: 4, noise: 0.25, sets: 100 },
    ]
}

#[divan::bench(sample_count = 3)]
fn monte_carlo_1000_runs_1000_units_100_indicators(bencher: divan::Bencher) {
    let coin = coin();
    let factors = ten_factors();
    bencher.bench(|| {
        let study = Study {
            coin: &coin,
            spec: Spec::default(),
            factors: factors.clone(),
            target: "Index".into(),
            seed: 1,
            progress: None,
        };
        monte_carlo(&study, 1_000).unwrap()
    });
}

#[divan::bench(sample_count = 1)]
fn sobol_n1024_10_factors_1000_units_100_indicators(bencher: divan::Bencher) {
    let coin = coin();
    bencher.bench(|| {
        let study = Study {
            coin: &coin,
            spec: Spec::default(),
            factors: ten_factors(),
            target: "Index".into(),
            seed: 1,
            progress: None,
        };
        sensitivity(&study, 1_024, 100, 0.95).unwrap()
    });
}
