//! The statistical audit, on a hand-computed case and on COINr's ASEM index against numpy
//! on COINr's own aggregated table (numpy's numbers kept in `tests/data`).

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_index::audit::audit;
use smartcities_index::methods::cronbach_alpha;
use smartcities_index::{Coin, Imputation, Pipeline, Spec};

#[test]
fn cronbachs_alpha_by_hand() {
    // var x = 5/3, var y = 20/3, var(x + y) = 15: alpha = 2·(1 − 25/3/15) = 8/9.
    let x = [Some(1.0), Some(2.0), Some(3.0), Some(4.0), None];
    let y = [Some(2.0), Some(4.0), Some(6.0), Some(8.0), Some(1.0)];
    assert!((cronbach_alpha(&[&x, &y]).unwrap() - 8.0 / 9.0).abs() < 1e-12);
    assert_eq!(cronbach_alpha(&[&x]), None, "one item");
}

#[test]
fn a_child_pulling_against_its_parent_is_flagged() {
    let meta = "Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,P,Indicator\n1,b,B,1,1,P,Indicator\n1,c,C,1,1,P,Indicator\n1,d,D,1,1,Index,Indicator\n2,P,P,1,1,Index,Aggregate\n3,Index,Index,1,1,,Aggregate\n";
    // c runs against a and b; a and b move together.
    let data = "uCode,uName,a,b,c,d\nU1,U1,1,1.1,9,3\nU2,U2,2,2.2,7,1\nU3,U3,3,2.9,2,4\nU4,U4,4,4.1,3,2\nU5,U5,5,5,1,5\n";
    let coin = Coin::from_coinr_csv(data, meta).unwrap();
    let stages = Pipeline { coin: &coin, spec: Spec::default() }.run().unwrap();
    let result = audit(&coin, &stages).unwrap();
    let p = result.aggregates.iter().find(|a| a.code == "P").unwrap();
    assert_eq!(p.negative, ["c"]);
    assert_eq!(p.collinear.len(), 1);
    assert_eq!((p.collinear[0].0.as_str(), p.collinear[0].1.as_str()), ("a", "b"));
    assert!(p.alpha.unwrap() < 0.5, "c undermines the group's consistency");
    // Levels 1, 2, 3: six level pairs, each matrix rows × columns.
    assert_eq!(result.correlations.len(), 6);
    let l1l2 = result.correlations.iter().find(|c| (c.row_level, c.column_level) == (1, 2)).unwrap();
    assert_eq!((l1l2.rows.len(), l1l2.columns.len()), (4, 1));
}

#[test]
fn the_asem_audit_equals_numpy_on_coinrs_aggregated_table() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/coinr-asem");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
    let coin = Coin::from_coinr_csv(&read("iData.csv"), &read("iMeta.csv")).unwrap();
    let spec = Spec {
        imputation: Imputation::GroupMean("EurAsia_group".into()),
        screen_min_share: 0.9,
        ..Spec::default()
    };
    let stages = Pipeline { coin: &coin, spec }.run().unwrap();
    let result = audit(&coin, &stages).unwrap();
    // For every aggregate: alpha, first-component share and the children's correlation with it,
    // computed by numpy from COINr's table (`scripts/reference-fixtures.py`).
    let numpy: serde_json::Value = serde_json::from_str(include_str!("data/asem-audit-numpy.json")).unwrap();
    assert_eq!(result.aggregates.len(), 11);
    assert_eq!(numpy.as_object().unwrap().len(), 11);
    for a in &result.aggregates {
        let theirs = &numpy[&a.code];
        match theirs["alpha"].as_f64() {
            Some(alpha) => assert!((a.alpha.unwrap() - alpha).abs() < 1e-9, "{} alpha", a.code),
            None => assert_eq!(a.alpha, None),
        }
        let share = theirs["share"].as_f64().unwrap();
        assert!((a.first_component_share.unwrap() - share).abs() < 1e-9, "{} share", a.code);
        assert_eq!(a.child_correlations.len(), theirs["r"].as_object().unwrap().len(), "{} children", a.code);
        for (child, r) in &a.child_correlations {
            let expected = theirs["r"][child].as_f64().unwrap_or_else(|| panic!("{child} of {}", a.code));
            assert!((r.unwrap() - expected).abs() < 1e-9, "{child} with {}", a.code);
        }
        let negative: Vec<&String> =
            a.child_correlations.iter().filter(|(_, r)| r.unwrap() < 0.0).map(|(c, _)| c).collect();
        assert_eq!(a.negative.iter().collect::<Vec<_>>(), negative);
    }
}
