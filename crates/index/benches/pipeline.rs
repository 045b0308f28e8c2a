//! The whole pipeline (denominate, impute, screen, treat, normalise, aggregate, rank) on
//! 15,000 units × 200 indicators in 4 levels (200 → 20 → 4 → 1), about every urban centre on
//! Earth. `cargo bench -p smartcities-index --bench pipeline`

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::fmt::Write;

use smartcities_index::{Coin, Imputation, Pipeline, Spec};

fn main() {
    divan::main();
}

const UNITS: usize = 15_000;
const INDICATORS: usize = 200;

fn coin() -> Coin {
    let mut meta = String::from("Level,iCode,iName,Direction,Weight,Parent,Type,Denominator\n");
    for i in 0..INDICATORS {
        let denominator = if i % 10 == 0 { "Population" } else { "" };
        let direction = if i % 7 == 0 { -1 } else { 1 };
        writeln!(meta, "1,i{i},Indicator {i},{direction},1,p{},Indicator,{denominator}", i / 10).unwrap();
    }
    for p in 0..20 {
        writeln!(meta, "2,p{p},Pillar {p},1,1,s{},Aggregate,", p / 5).unwrap();
    }
    for s in 0..4 {
        writeln!(meta, "3,s{s},Sub-index {s},1,1,Index,Aggregate,").unwrap();
    }
    meta.push_str(
        "4,Index,Index,1,1,,Aggregate,\n,Region,Region,,,,Group,\n,Population,Population,,,,Denominator,\n",
    );
    let mut data = String::from("uCode,uName,Region,Population");
    for i in 0..INDICATORS {
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
    for u in 0..UNITS {
        write!(data, "U{u},Unit {u},R{},{}", u % 6, 50_000 + next() % 5_000_000).unwrap();
        for _ in 0..INDICATORS {
            let r = next();
            if r % 50 == 0 {
                data.push(','); // 2 % missing
            } else {
                // Skewed values, so outlier treatment has work to do.
                let x = (r % 10_000) as f64 / 100.0;
                write!(data, ",{}", if r % 97 == 0 { x * 50.0 } else { x }).unwrap();
            }
        }
        data.push('\n');
    }
    Coin::from_coinr_csv(&data, &meta).unwrap()
}

#[divan::bench(sample_count = 5)]
fn full_pipeline_15000_units_200_indicators(bencher: divan::Bencher) {
    let coin = coin();
    let spec =
        Spec { imputation: Imputation::GroupMean("Region".into()), screen_min_share: 0.9, ..Spec::default() };
    bencher.bench(|| Pipeline { coin: &coin, spec: spec.clone() }.run().unwrap());
}
