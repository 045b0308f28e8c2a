//! Every drafted sentence states the figure it was computed from, and its qualifier matches
//! the thresholds, in Spanish, English and French: a property test over generated facts.

use proptest::prelude::*;
use smartcities_domain::Lang;

use super::*;

/// The numbers a sentence states, as written (digits only: the percent's grouping marks and
/// decimal marks never appear in whole percentages up to 100).
fn numbers(sentence: &str) -> Vec<i64> {
    sentence
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .map(|w| w.parse().unwrap())
        .collect()
}

/// Whether the sentence says "most" or "few", in its language.
fn qualifier(lang: Lang, sentence: &str) -> Quantity {
    let (most, few) = match lang {
        Lang::En => ("Most cities", "Few cities"),
        Lang::Es => ("La mayoría", "Pocas ciudades"),
        Lang::Fr => ("La plupart", "Peu de villes"),
    };
    if sentence.contains(most) {
        Quantity::Most
    } else if sentence.contains(few) {
        Quantity::Few
    } else {
        Quantity::Plain
    }
}

const LANGS: [Lang; 3] = [Lang::Es, Lang::En, Lang::Fr];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn a_spread_states_its_figure_and_a_qualifier_only_where_its_threshold_holds(
        count in 0usize..=400,
        extra in 0usize..=400,
        predicate in "[a-z]{2,12}( [a-z]{2,12}){0,4}",
    ) {
        let of = count + extra;
        let share = if of == 0 { 0.0 } else { count as f64 / of as f64 };
        let Some(fact) = ShareFact::new(share, of) else {
            prop_assert!(of < MIN_CITIES, "a fact of {of} cities is drafted from");
            return Ok(());
        };
        let shown = whole_percent(share);
        for lang in LANGS {
            let sentence = spread(lang, fact, &predicate);
            prop_assert_eq!(numbers(&sentence), vec![shown], "{}", sentence);
            prop_assert!(sentence.contains(&predicate));
            let said = qualifier(lang, &sentence);
            prop_assert_eq!(said, fact.quantity(), "{}", sentence);
            match said {
                Quantity::Most => prop_assert!(shown > MOST_ABOVE, "{}", sentence),
                Quantity::Few => prop_assert!(shown < FEW_BELOW, "{}", sentence),
                Quantity::Plain => prop_assert!((FEW_BELOW..=MOST_ABOVE).contains(&shown), "{}", sentence),
            }
            for wanted in [Quantity::Most, Quantity::Few] {
                let item = listed(lang, fact, &predicate, wanted);
                prop_assert_eq!(item.is_some(), fact.quantity() == wanted);
                if let Some(item) = item {
                    prop_assert_eq!(numbers(&item), vec![shown], "{}", item);
                }
            }
        }
    }

    #[test]
    fn a_city_sentence_cites_the_share_of_cities_it_speaks_of(
        count in 0usize..=60,
        extra in 0usize..=60,
        city in "[A-Z][a-z]{2,10}",
        predicate in "[a-z]{2,12}( [a-z]{2,12}){0,3}",
        level in "[A-Z][a-z]{2,10}",
    ) {
        let of = count + extra;
        let share = if of == 0 { 0.0 } else { count as f64 / of as f64 };
        let Some(fact) = ShareFact::new(share, of) else { return Ok(()) };
        let shown = whole_percent(share);
        for lang in LANGS {
            for sentence in [
                has_like(lang, &city, fact, &predicate),
                lacks(lang, &city, fact, &predicate),
                at_level(lang, &city, fact, &level, &predicate),
                below_level(lang, &city, fact, &level, &predicate),
            ] {
                prop_assert_eq!(numbers(&sentence), vec![shown], "{}", sentence);
                prop_assert!(sentence.contains(&city), "{}", sentence);
                prop_assert_eq!(qualifier(lang, &sentence), Quantity::Plain, "{}", sentence);
            }
        }
    }
}

#[test]
fn the_thresholds_read_as_people_read_them() {
    let fact = |share: f64| ShareFact::new(share, 39).unwrap();
    assert_eq!(fact(0.51).quantity(), Quantity::Most);
    assert_eq!(fact(0.504).quantity(), Quantity::Plain, "shown as 50 %: not most");
    assert_eq!(fact(0.44).quantity(), Quantity::Plain);
    assert_eq!(fact(0.245).quantity(), Quantity::Plain, "shown as 25 % (half away from zero): not few");
    assert_eq!(fact(0.244).quantity(), Quantity::Few);
    assert!(ShareFact::new(0.8, MIN_CITIES - 1).is_none(), "too few cities to say anything");
    assert_eq!(
        spread(Lang::En, fact(0.62), "have a climate action plan in force"),
        "Most cities (62\u{a0}%) have a climate action plan in force."
    );
    assert_eq!(
        lacks(Lang::Es, "Bilbao", fact(0.77), "tienen un plan de acción climática vigente"),
        "El 77\u{a0}% de las ciudades tienen un plan de acción climática vigente; Bilbao, todavía no."
    );
    assert_eq!(
        has_like(Lang::Fr, "Bilbao", fact(0.23), "ont un plan d'action climat en vigueur"),
        "Bilbao fait partie des 23\u{a0}% de villes qui ont un plan d'action climat en vigueur."
    );
}
