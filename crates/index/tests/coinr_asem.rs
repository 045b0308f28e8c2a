//! Agreement with COINr on its own ASEM example: every value of every stage of COINr's
//! example pipeline, and the ranks, within 1e-9.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_index::{Coin, Imputation, Pipeline, Spec, Table, Treatment};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/coinr-asem/");

fn read(name: &str) -> Option<String> {
    std::fs::read_to_string(format!("{DIR}{name}")).ok()
}

/// A table of COINr's as (row key, column, value); rows are keyed by `key` (uCode or iCode).
fn table(name: &str, key: &str) -> Vec<(String, String, Option<f64>)> {
    let text = read(name).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        let unit = record.get(headers.iter().position(|h| h == key).unwrap()).unwrap().to_string();
        for (i, h) in headers.iter().enumerate() {
            if h == key || h == "uName" || h.ends_with(".Pass") {
                continue;
            }
            let text = record.get(i).unwrap();
            out.push((
                unit.clone(),
                h.to_string(),
                if text.is_empty() { None } else { Some(text.parse().unwrap()) },
            ));
        }
    }
    out
}

fn expected(name: &str) -> Vec<(String, String, Option<f64>)> {
    table(name, "uCode")
}

fn compare(stage: &str, ours: &Table, theirs: &str) {
    let mut checked = 0;
    for (unit, column, value) in expected(theirs) {
        let u =
            ours.units.iter().position(|x| *x == unit).unwrap_or_else(|| panic!("{stage}: no unit {unit}"));
        let got = ours.column(&column).unwrap_or_else(|| panic!("{stage}: no column {column}"))[u];
        match (got, value) {
            (Some(a), Some(b)) => {
                assert!((a - b).abs() <= 1e-9, "{stage} {unit} {column}: {a} vs COINr {b}")
            }
            (None, None) => {}
            other => panic!("{stage} {unit} {column}: {other:?}"),
        }
        checked += 1;
    }
    assert!(checked > 2_000, "{stage}: {checked} values compared");
}

#[test]
fn every_stage_equals_coinr() {
    let (Some(idata), Some(imeta)) = (read("iData.csv"), read("iMeta.csv")) else {
        panic!("the COINr ASEM data is expected at {DIR}");
    };
    let coin = Coin::from_coinr_csv(&idata, &imeta).unwrap();
    let spec = Spec {
        imputation: Imputation::GroupMean("EurAsia_group".into()),
        screen_min_share: 0.9,
        ..Spec::default()
    };
    let stages = Pipeline { coin: &coin, spec }.run().unwrap();
    compare("denominated", &stages.denominated, "dset_Denominated.csv");
    compare("imputed", &stages.imputed, "dset_Imputed.csv");
    compare("screened", &stages.screened, "dset_Screened.csv");
    compare("treated", &stages.treated, "dset_Treated.csv");
    compare("normalised", &stages.normalised, "dset_Normalised.csv");
    compare("aggregated", &stages.aggregated, "dset_Aggregated.csv");

    // Winsorisation steps per indicator, as COINr's treatment log reports them.
    for (code, _, steps) in
        table("treat_details.csv", "iCode").into_iter().filter(|(_, c, _)| c == "winsorise.nwin")
    {
        let ours = stages.treatment.iter().find(|(c, _)| *c == code).unwrap().1;
        assert_eq!(ours.winsorised as f64, steps.unwrap_or(0.0), "{code}");
        assert!(!ours.logged, "{code}: COINr logged none");
    }
    // Ranks of every aggregate, ties sharing the lowest rank.
    for (unit, code, rank) in expected("ranks_aggregates.csv") {
        let u = stages.aggregated.units.iter().position(|x| *x == unit).unwrap();
        let ours = stages.ranks.iter().find(|(c, _)| *c == code).unwrap().1[u];
        assert_eq!(ours.map(|r| r as f64), rank, "{unit} {code}");
    }
}

#[test]
fn a_non_finite_value_is_named_by_unit_and_indicator() {
    let idata = read("iData.csv").unwrap().replacen("4.0979850000000004", "Inf", 1);
    let error = Coin::from_coinr_csv(&idata, &read("iMeta.csv").unwrap()).unwrap_err();
    assert_eq!(error.to_string(), "unit AUT, indicator LPI: not a finite number");
}

#[test]
fn missing_values_are_imputed_by_mean_or_median_overall_or_by_group() {
    let meta = "Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X,1,1,Index,Indicator\n2,Index,Index,1,1,,Aggregate\n,g,G,,,,Group\n";
    let data =
        "uCode,uName,g,x\nA,A,north,1\nB,B,north,2\nC,C,north,9\nD,D,south,4\nE,E,north,\nF,F,south,\n";
    let coin = Coin::from_coinr_csv(data, meta).unwrap();
    let imputed = |imputation| {
        let spec = Spec { imputation, treatment: Treatment::None, ..Spec::default() };
        let stages = Pipeline { coin: &coin, spec }.run().unwrap();
        stages.imputed.column("x").unwrap()[4..].to_vec()
    };
    assert_eq!(imputed(Imputation::None), vec![None, None]);
    assert_eq!(imputed(Imputation::Mean), vec![Some(4.0), Some(4.0)]);
    assert_eq!(imputed(Imputation::Median), vec![Some(3.0), Some(3.0)], "the mean of the two middle values");
    assert_eq!(imputed(Imputation::GroupMean("g".into())), vec![Some(4.0), Some(4.0)]);
    assert_eq!(imputed(Imputation::GroupMedian("g".into())), vec![Some(2.0), Some(4.0)]);
}
