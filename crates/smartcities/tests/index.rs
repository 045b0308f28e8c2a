//! `smartcities index` on COINr's ASEM example through the real binary.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::process::Command;

const ASEM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../index/tests/data/coinr-asem/");

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_smartcities")).args(args).output().expect("run smartcities")
}

/// `smartcities index` on COINr's ASEM tables with this specification, into `out_dir`.
fn index_asem(spec: &std::path::Path, out_dir: &std::path::Path) -> std::process::Output {
    run(&[
        "index",
        "--data",
        &format!("{ASEM}iData.csv"),
        "--meta",
        &format!("{ASEM}iMeta.csv"),
        "--spec",
        spec.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ])
}

fn column(text: &str, key: &str, name: &str) -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let (k, c) =
        (headers.iter().position(|h| h == key).unwrap(), headers.iter().position(|h| h == name).unwrap());
    reader.records().map(|r| r.unwrap()).map(|r| (r[k].to_string(), r[c].to_string())).collect()
}

#[test]
fn the_asem_example_gives_coinrs_index_and_ranks() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec.toml");
    std::fs::write(
        &spec,
        "[impute]\nmethod = \"group_mean\"\ngroup = \"EurAsia_group\"\n[screen]\nmin_share = 0.9\n[treat]\nwinmax = 5\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = index_asem(&spec, &out_dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Index of 51 units over 49 indicators, 11 aggregates")
    );
    for stage in ["denominated", "imputed", "screened", "treated", "normalised", "aggregated", "treatment"] {
        assert!(out_dir.join(format!("{stage}.csv")).exists(), "{stage}");
    }
    let ours = std::fs::read_to_string(out_dir.join("results.csv")).unwrap();
    let theirs = std::fs::read_to_string(format!("{ASEM}results_full.csv")).unwrap();
    let expected = column(&theirs, "uCode", "Index");
    let scores = column(&ours, "uCode", "Index");
    assert_eq!(scores.len(), 51);
    for (unit, value) in expected {
        let got = &scores.iter().find(|(u, _)| *u == unit).unwrap().1;
        let (a, b): (f64, f64) = (got.parse().unwrap(), value.parse().unwrap());
        assert!((a - b).abs() <= 1e-9, "{unit}: {a} vs COINr {b}");
    }
    let ranks = column(&ours, "uCode", "Index_rank");
    let coinr_ranks =
        column(&std::fs::read_to_string(format!("{ASEM}ranks_aggregates.csv")).unwrap(), "uCode", "Index");
    for (unit, rank) in coinr_ranks {
        let got = &ranks.iter().find(|(u, _)| *u == unit).unwrap().1;
        assert_eq!(got.parse::<f64>().unwrap(), rank.parse::<f64>().unwrap(), "{unit}");
    }

    // Another normalisation from the same tables: z-scores around 10 with sd 2.
    std::fs::write(&spec, "[normalise]\nmethod = \"zscore\"\nmean_sd = [10, 2]\n").unwrap();
    let zscored = index_asem(&spec, &out_dir);
    assert!(zscored.status.success(), "{}", String::from_utf8_lossy(&zscored.stderr));
    let normalised = std::fs::read_to_string(out_dir.join("normalised.csv")).unwrap();
    let lpi: Vec<f64> =
        column(&normalised, "uCode", "LPI").iter().filter_map(|(_, v)| v.parse().ok()).collect();
    let mean = lpi.iter().sum::<f64>() / lpi.len() as f64;
    assert!((mean - 10.0).abs() < 1e-9, "{mean}");

    std::fs::write(&spec, "[normalise]\nmethod = \"astrology\"\n").unwrap();
    let refused = index_asem(&spec, &out_dir);
    assert!(!refused.status.success());
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(error.contains("spec.toml") && error.contains("line 2, column 10"), "{error}");
    assert!(error.contains("unknown variant `astrology`, expected one of `minmax`"), "{error}");
}

#[test]
fn weights_audit_uncertainty_and_sensitivity_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("w.csv"), "iCode,Weight\nConn,2\nSust,1\n").unwrap();
    let spec = dir.path().join("spec.toml");
    std::fs::write(
        &spec,
        r#"
[impute]
method = "group_mean"
group = "EurAsia_group"
[aggregate]
weights = "w.csv"
min_coverage = 0.5
[uncertainty]
runs = 120
seed = 3
normalisations = ["minmax", "zscore", "rank"]
aggregations = ["arithmetic", "geometric"]
weights_noise = 0.25
[sensitivity]
n = 32
resamples = 50
"#,
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = index_asem(&spec, &out_dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Uncertainty over 120 runs"), "{stdout}");
    assert!(stdout.contains("Sensitivity: normalisation S1"), "{stdout}");
    let read = |name: &str| std::fs::read_to_string(out_dir.join(name)).unwrap();
    let weights = column(&read("weights.csv"), "iCode", "Weight");
    assert!(weights.contains(&("Conn".to_string(), "2".to_string())));
    assert!(weights.contains(&("Goods".to_string(), "1".to_string())), "iMeta's weight kept");
    // The index weighs Conn twice: recompute one country from its sub-indices.
    let results = read("results.csv");
    let score = |code: &str| -> f64 {
        column(&results, "uCode", code).iter().find(|(u, _)| u == "AUT").unwrap().1.parse().unwrap()
    };
    assert!((score("Index") - (2.0 * score("Conn") + score("Sust")) / 3.0).abs() < 1e-9);
    let spread = read("uncertainty.csv");
    assert_eq!(column(&spread, "uCode", "median_rank").len(), 51);
    for ((_, low), (_, high)) in
        column(&spread, "uCode", "rank_5").iter().zip(column(&spread, "uCode", "rank_95"))
    {
        assert!(low.parse::<f64>().unwrap() <= high.parse::<f64>().unwrap());
    }
    let factors = column(&read("sensitivity.csv"), "factor", "ST");
    let names: Vec<&str> = factors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(names, ["normalisation", "aggregation", "weights_level_1"]);
    let audit = read("audit.csv");
    assert_eq!(column(&audit, "iCode", "cronbach_alpha").len(), 11);
    assert!(out_dir.join("correlations_L1_L2.csv").exists());
    assert!(read("treatment.csv").starts_with("iCode,winsorised_steps,log_transformed\n"));

    // Refusals name the file and what is wrong.
    std::fs::write(dir.path().join("w.csv"), "iCode,Weight\nConn,heavy\n").unwrap();
    let refused = index_asem(&spec, &out_dir);
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && error.contains("w.csv:2: Weight \"heavy\" is not a number"),
        "{error}"
    );
    std::fs::write(&spec, "[sensitivity]\nn = 64\n").unwrap();
    let refused = index_asem(&spec, &out_dir);
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(error.contains("spec.toml: [sensitivity] varies the choices listed in [uncertainty]"), "{error}");
}
