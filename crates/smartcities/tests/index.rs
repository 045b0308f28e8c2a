//! `smartcities index` on COINr's ASEM example through the real binary.

use std::process::Command;

const ASEM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/coinr-asem/");

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_smartcities")).args(args).output().expect("run smartcities")
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
    let out = run(&[
        "index",
        "--data",
        &format!("{ASEM}iData.csv"),
        "--meta",
        &format!("{ASEM}iMeta.csv"),
        "--spec",
        spec.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
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
    let zscored = run(&[
        "index",
        "--data",
        &format!("{ASEM}iData.csv"),
        "--meta",
        &format!("{ASEM}iMeta.csv"),
        "--spec",
        spec.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert!(zscored.status.success(), "{}", String::from_utf8_lossy(&zscored.stderr));
    let normalised = std::fs::read_to_string(out_dir.join("normalised.csv")).unwrap();
    let lpi: Vec<f64> =
        column(&normalised, "uCode", "LPI").iter().filter_map(|(_, v)| v.parse().ok()).collect();
    let mean = lpi.iter().sum::<f64>() / lpi.len() as f64;
    assert!((mean - 10.0).abs() < 1e-9, "{mean}");

    std::fs::write(&spec, "[normalise]\nmethod = \"astrology\"\n").unwrap();
    let refused = run(&[
        "index",
        "--data",
        &format!("{ASEM}iData.csv"),
        "--meta",
        &format!("{ASEM}iMeta.csv"),
        "--spec",
        spec.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert!(!refused.status.success());
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(error.contains("spec.toml") && error.contains("[normalise] method \"astrology\""), "{error}");
}
