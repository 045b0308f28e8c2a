//! The pipeline's options beyond COINr's example: log-transform fallback, weights (equal,
//! given, PCA), minimum coverage, distance to target, goalposts; and degenerate inputs.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::collections::BTreeMap;

use smartcities_index::methods::{first_component, log_ct, treat};
use smartcities_index::{Aggregation, Coin, Normalisation, Pipeline, Spec, Treatment, Weights};

const META: &str = "Level,iCode,iName,Direction,Weight,Parent,Type,Target
1,a,A,1,1,P,Indicator,10
1,b,B,-1,2,P,Indicator,1
1,c,C,1,1,Q,Indicator,8
2,P,P,1,1,Index,Aggregate,
2,Q,Q,1,3,Index,Aggregate,
3,Index,Index,1,1,,Aggregate,
";

fn coin(data: &str) -> Coin {
    Coin::from_coinr_csv(data, META).unwrap()
}

const DATA: &str = "uCode,uName,a,b,c
U1,U1,1,5,2
U2,U2,2,4,
U3,U3,3,1,6
U4,U4,4,3,4
U5,U5,5,2,8
";

fn run(coin: &Coin, spec: Spec) -> smartcities_index::Stages {
    Pipeline { coin, spec }.run().unwrap()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn winsorisation_that_does_not_suffice_falls_back_to_the_log_of_the_original_values() {
    // Three heavy outliers: one Winsorisation step cannot fix the skew (6.2 → 5.8).
    let mut x: Vec<Option<f64>> = (1..=100).map(|v| Some(v as f64)).collect();
    x.extend([Some(1_000.0), Some(1_500.0), Some(2_000.0)]);
    let (treated, done) = treat(&x, 1, 2.0, 3.5, true);
    assert!(done.logged);
    assert_eq!(done.winsorised, 0);
    // COINr's log_CT: ln(x − min + 0.01·(max − min)).
    let (min, max): (f64, f64) = (1.0, 2_000.0);
    assert!(close(treated[0], (0.01 * (max - min)).ln()));
    assert!(close(treated[102], (max - min + 0.01 * (max - min)).ln()));
    assert_eq!(treated, log_ct(&x));
    // Without the fallback, the Winsorised values stay.
    let (winsorised, done) = treat(&x, 1, 2.0, 3.5, false);
    assert_eq!((done.winsorised, done.logged), (1, false));
    assert_eq!(winsorised[102], Some(1_500.0));
    // A column that passes is left alone.
    let calm: Vec<Option<f64>> = (1..=20).map(|v| Some(v as f64)).collect();
    assert_eq!(treat(&calm, 5, 2.0, 3.5, true), (calm.clone(), Default::default()));
}

#[test]
fn weights_come_from_imeta_equal_a_file_or_the_first_principal_component() {
    let coin = coin(DATA);
    let spec = Spec { treatment: Treatment::None, ..Spec::default() };
    let meta = run(&coin, spec.clone());
    // U3: a = 50, b (direction −1, the lowest) = 100 with weight 2 → P = 250/3.
    assert!(close(meta.aggregated.column("P").unwrap()[2], 250.0 / 3.0));
    let equal = run(&coin, Spec { weights: Weights::Equal, ..spec.clone() });
    assert!(close(equal.aggregated.column("P").unwrap()[2], 75.0));
    let given = run(
        &coin,
        Spec { weights: Weights::Given(BTreeMap::from([("a".to_string(), 3.0)])), ..spec.clone() },
    );
    assert!(close(given.aggregated.column("P").unwrap()[2], 70.0), "a 3, b keeps 2");
    assert_eq!(given.weights.iter().find(|(c, _)| c == "Q").unwrap().1, 3.0);
    let unknown = Pipeline {
        coin: &coin,
        spec: Spec { weights: Weights::Given(BTreeMap::from([("zz".to_string(), 1.0)])), ..spec.clone() },
    }
    .run()
    .unwrap_err();
    assert_eq!(unknown.to_string(), "weights: zz is neither an indicator nor an aggregate");
    // Two positively correlated indicators: equal loadings 1/√2.
    let pca = run(&coin, Spec { weights: Weights::Pca, ..spec });
    let weight = |code: &str| pca.weights.iter().find(|(c, _)| c == code).unwrap().1;
    assert!((weight("a") - 0.5f64.sqrt()).abs() < 1e-12);
    assert!((weight("b") - 0.5f64.sqrt()).abs() < 1e-12);
    assert_eq!(weight("c"), 1.0, "a lone indicator");
    assert_eq!(weight("Q"), 3.0, "higher levels keep iMeta's weights");
}

#[test]
fn the_first_component_solves_the_eigen_equation_of_the_correlation_matrix() {
    let x = [Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(5.0), Some(6.0)];
    let y = [Some(2.0), Some(1.0), Some(4.0), Some(3.0), Some(6.0), Some(5.0)];
    let z = [Some(5.0), Some(3.0), None, Some(1.0), Some(2.0), Some(4.0)];
    let (loadings, share) = first_component(&[&x, &y, &z]).unwrap();
    let norm: f64 = loadings.iter().map(|l| l * l).sum();
    assert!((norm - 1.0).abs() < 1e-12, "unit length");
    assert!(loadings.iter().sum::<f64>() > 0.0, "signed to sum positive");
    // R·v = λ·v with R the correlation matrix over the complete rows (z's missing row dropped).
    let rows = [0, 1, 3, 4, 5];
    let pick = |c: &[Option<f64>; 6]| rows.iter().map(|r| c[*r]).collect::<Vec<_>>();
    let columns = [pick(&x), pick(&y), pick(&z)];
    let r = |i: usize, j: usize| smartcities_index::methods::pearson(&columns[i], &columns[j]).unwrap();
    let lambda = share * 3.0;
    for i in 0..3 {
        let rv: f64 = (0..3).map(|j| r(i, j) * loadings[j]).sum();
        assert!((rv - lambda * loadings[i]).abs() < 1e-10, "row {i}");
    }
}

#[test]
fn an_aggregate_needs_the_minimum_share_of_its_children() {
    let coin = coin(DATA);
    let spec = Spec { treatment: Treatment::None, ..Spec::default() };
    // U2 lacks c, Q's only child.
    let loose = run(&coin, Spec { min_coverage: 0.0, ..spec.clone() });
    assert_eq!(loose.aggregated.column("Q").unwrap()[1], None);
    assert!(loose.aggregated.column("Index").unwrap()[1].is_some(), "Index from P alone");
    let strict = run(&coin, Spec { min_coverage: 0.75, ..spec });
    assert_eq!(strict.aggregated.column("Index").unwrap()[1], None, "1 of 2 children < 75 %");
    assert!(strict.aggregated.column("Index").unwrap()[0].is_some());
    assert_eq!(strict.ranks.iter().find(|(c, _)| c == "Index").unwrap().1[1], None);
}

#[test]
fn distance_to_target_and_goalposts_take_their_posts_per_indicator() {
    let coin = coin(DATA);
    let spec = Spec {
        treatment: Treatment::None,
        normalisation: Normalisation::DistanceToTarget { cap: true },
        ..Spec::default()
    };
    let stages = run(&coin, spec.clone());
    // a: (x − 1)/(10 − 1); b (direction −1): (5 − x)/(5 − 1), capped at 1.
    assert!(close(stages.normalised.column("a").unwrap()[4], 4.0 / 9.0));
    assert!(close(stages.normalised.column("b").unwrap()[3], 0.5));
    assert!(close(stages.normalised.column("b").unwrap()[2], 1.0));
    let posts = BTreeMap::from([
        ("a".to_string(), (0.0, 10.0)),
        ("b".to_string(), (0.0, 5.0)),
        ("c".to_string(), (0.0, 4.0)),
    ]);
    let goal = run(
        &coin,
        Spec {
            normalisation: Normalisation::Goalposts { posts, scale: 100.0, truncate: true },
            ..spec.clone()
        },
    );
    assert!(close(goal.normalised.column("a").unwrap()[0], 10.0));
    assert!(close(goal.normalised.column("b").unwrap()[0], 0.0), "5 is the worst for direction −1");
    assert!(close(goal.normalised.column("c").unwrap()[4], 100.0), "8 truncated at the upper post");
    let missing = Pipeline {
        coin: &coin,
        spec: Spec {
            normalisation: Normalisation::Goalposts {
                posts: BTreeMap::from([("a".to_string(), (0.0, 1.0))]),
                scale: 1.0,
                truncate: true,
            },
            ..spec
        },
    }
    .run()
    .unwrap_err();
    assert_eq!(missing.to_string(), "the normalisation needs goalposts for b, c");
}

#[test]
fn degenerate_inputs_give_missing_scores_not_failures() {
    // A constant indicator (a), an all-missing one (c).
    let data = "uCode,uName,a,b,c\nU1,U1,7,1,\nU2,U2,7,2,\nU3,U3,7,3,\nU4,U4,7,4,\n";
    let stages = run(&coin(data), Spec::default());
    assert!(stages.normalised.column("a").unwrap().iter().all(Option::is_none), "no range to scale");
    assert!(stages.normalised.column("c").unwrap().iter().all(Option::is_none));
    // P rests on b alone, Q has nothing: Index rests on P.
    assert_eq!(stages.aggregated.column("P").unwrap(), stages.normalised.column("b").unwrap());
    assert!(stages.aggregated.column("Q").unwrap().iter().all(Option::is_none));
    let index = stages.ranks.iter().find(|(c, _)| c == "Index").unwrap();
    assert_eq!(index.1, vec![Some(1), Some(2), Some(3), Some(4)], "b has direction −1");
    // A single unit: min-max has no range; ranks still give each indicator a score.
    let single = Coin::from_coinr_csv("uCode,uName,a,b,c\nU1,U1,1,2,3\n", META).unwrap();
    let stages = run(&single, Spec::default());
    assert!(stages.aggregated.column("Index").unwrap()[0].is_none());
    let ranked = run(&single, Spec { normalisation: Normalisation::Rank, ..Spec::default() });
    assert_eq!(ranked.aggregated.column("Index").unwrap()[0], Some(1.0));
    assert_eq!(ranked.ranks.last().unwrap().1, vec![Some(1)]);
    // The geometric mean of a zero is missing, as COINr stops there.
    let zero = run(
        &coin(DATA),
        Spec { treatment: Treatment::None, aggregation: Aggregation::Geometric, ..Spec::default() },
    );
    assert_eq!(zero.aggregated.column("P").unwrap()[0], None, "U1 scores 0 on a");
}

#[test]
fn column_wise_aggregation_equals_the_documented_weighted_mean_per_unit() {
    let coin = coin(DATA);
    let stages = run(&coin, Spec { treatment: Treatment::None, ..Spec::default() });
    let (a, b) = (stages.normalised.column("a").unwrap(), stages.normalised.column("b").unwrap());
    for u in 0..5 {
        // COINr's a_amean: the weighted mean of the children present, weights renormalised.
        let expected = match (a[u], b[u]) {
            (Some(x), Some(y)) => Some((x + 2.0 * y) / 3.0),
            (Some(x), None) => Some(x),
            (None, Some(y)) => Some(y),
            (None, None) => None,
        };
        let ours = stages.aggregated.column("P").unwrap()[u];
        assert!(ours.zip(expected).is_some_and(|(x, y)| (x - y).abs() < 1e-12), "unit {u}");
    }
}
