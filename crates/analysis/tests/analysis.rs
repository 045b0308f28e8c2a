//! The analysis on the 2017 framework (and 2012 for trends) with small, hand-checked sets of
//! cities, edge cases, and properties over random answers.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use proptest::prelude::*;
use smartcities_analysis::{
    Answer, CityAnswers, Detail, EarlierEdition, Input, OutputKind, Results, WorkshopOutput, analyse,
    stats::{Z95, wilson},
};
use smartcities_domain::{City, CityId, Coordinates, CountryCode, EditionFile, Population};
use smartcities_questionnaire::{EntryKey, Questionnaire, from_framework};

fn edition(text: &str) -> (EditionFile, Questionnaire) {
    let file = EditionFile::parse(text).unwrap();
    let q = from_framework(&file.edition, &file.framework).unwrap();
    (file, q)
}

fn e2017() -> (EditionFile, Questionnaire) {
    edition(include_str!("../../../data/editions/2017.toml"))
}

/// A city: id, country, population.
fn city(id: &str, country: &str, population: u64, metropolis: bool) -> City {
    let country = CountryCode::parse(country).unwrap();
    City {
        id: CityId::parse(id).unwrap(),
        name: id.to_string(),
        local_name: None,
        names: Default::default(),
        section: smartcities_domain::Section::for_country(&country).unwrap(),
        country,
        metropolis,
        population: Population { count: population, year: None, source: None },
        location: Coordinates::new(0.0, 0.0).unwrap(),
    }
}

fn answers(city: &City, values: &[(&str, &str)]) -> CityAnswers {
    CityAnswers {
        city: city.id.clone(),
        answers: values
            .iter()
            .map(|(q, v)| {
                let (question, entry) = q.split_once('#').unwrap_or((q, ""));
                // `gp_axis#1`: entry 1 of the good practices; `be_type#1`: of the barriers.
                let group = if question.starts_with("gp_") { "good_practices" } else { "barriers_enablers" };
                let entry = (!entry.is_empty()).then(|| EntryKey::of(group, entry).unwrap());
                Answer { question: question.into(), entry, value: (*v).into() }
            })
            .collect(),
    }
}

struct Case {
    file: EditionFile,
    questionnaire: Questionnaire,
    cities: Vec<City>,
    invited: Vec<CityId>,
    responses: Vec<CityAnswers>,
    workshops: Vec<WorkshopOutput>,
    earlier: Vec<EarlierEdition>,
}

impl Case {
    fn new(cities: Vec<City>) -> Case {
        let (file, questionnaire) = e2017();
        let invited = cities.iter().map(|c| c.id.clone()).collect();
        Case {
            file,
            questionnaire,
            cities,
            invited,
            responses: Vec::new(),
            workshops: Vec::new(),
            earlier: Vec::new(),
        }
    }

    fn run(&self) -> Results {
        analyse(&Input {
            edition: self.file.edition.year,
            framework: &self.file.framework,
            questionnaire: &self.questionnaire,
            cities: &self.cities,
            invited: &self.invited,
            responses: &self.responses,
            workshops: &self.workshops,
            earlier: &self.earlier,
            codebook: None,
            codings: &[],
            index: None,
        })
    }
}

/// Ten European cities and two African ones.
fn twelve() -> Vec<City> {
    let mut cities: Vec<City> =
        (0..10).map(|i| city(&format!("es-city-{i}"), "ES", 100_000 * (i + 1) as u64, i % 3 == 0)).collect();
    cities.push(city("sn-dakar", "SN", 1_400_000, true));
    cities.push(city("ke-nairobi", "KE", 4_400_000, true));
    cities
}

fn options(detail: &Detail) -> &[smartcities_analysis::Share] {
    match detail {
        Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => options,
        other => panic!("not shares: {other:?}"),
    }
}

#[test]
fn shares_of_answering_cities_with_wilson_intervals() {
    let mut case = Case::new(twelve());
    // Cities 0–9 answer: six yes, four no. Dakar is invited but never accepted (it withdrew).
    for (i, c) in case.cities.iter().take(10).enumerate() {
        let value = if i < 6 { "yes" } else { "no" };
        case.responses
            .push(answers(c, &[("has_s3_strategy", value), ("rd_share_gdp", &format!("{}", i + 1))]));
    }
    let results = case.run();
    assert_eq!((results.invited, results.answering), (12, 10));
    let summary = &results.question("has_s3_strategy").unwrap().overall;
    assert_eq!((summary.invited, summary.responding, summary.answering), (12, 10, 10));
    let yes = &options(&summary.detail)[0];
    assert_eq!((yes.code.as_str(), yes.count, yes.share), ("yes", 6, Some(0.6)));
    let (low, high) = wilson(6, 10, Z95).unwrap();
    assert_eq!((yes.low, yes.high), (Some(low), Some(high)));

    // R: quantile(1:10, type = 7) → 1, 3.25, 5.5, 7.75, 10.
    let rd = &results.question("rd_share_gdp").unwrap().overall;
    match &rd.detail {
        Detail::Numeric { values: Some(n), unit, per_100k } => {
            assert_eq!((n.min, n.q1, n.median, n.q3, n.max), (1.0, 3.25, 5.5, 7.75, 10.0));
            assert_eq!(unit, "percent");
            assert!(per_100k.is_none(), "percentages have no per-capita variant");
        }
        other => panic!("{other:?}"),
    }

    // Breakdown by section: Europe holds the ten answering cities; Africa two invited, none answering.
    let sections = &results.question("has_s3_strategy").unwrap().breakdowns[0];
    assert_eq!(sections.dimension, "section");
    let europe = sections.groups.iter().find(|g| g.group == "europe").unwrap();
    assert_eq!((europe.summary.invited, europe.summary.answering), (10, 10));
    let africa = sections.groups.iter().find(|g| g.group == "africa").unwrap();
    assert_eq!((africa.summary.invited, africa.summary.answering), (2, 0));
    assert!(options(&africa.summary.detail).iter().all(|o| o.share.is_none()));
}

#[test]
fn small_cells_show_counts_not_shares() {
    let mut case = Case::new(twelve());
    for c in case.cities.iter().take(4) {
        case.responses.push(answers(c, &[("has_s3_strategy", "yes")]));
    }
    let results = case.run();
    let yes = &options(&results.question("has_s3_strategy").unwrap().overall.detail)[0];
    assert_eq!((yes.count, yes.share, yes.low), (4, None, None), "four cities: a count, no percentage");
}

#[test]
fn nobody_answering_one_city_and_all_equal() {
    let mut case = Case::new(twelve());
    let results = case.run();
    assert_eq!(results.answering, 0);
    let summary = &results.question("has_s3_strategy").unwrap().overall;
    assert_eq!((summary.invited, summary.answering), (12, 0));
    assert!(results.peers.is_empty());

    case.responses.push(answers(&case.cities[0].clone(), &[("has_s3_strategy", "no")]));
    let results = case.run();
    assert_eq!(results.answering, 1);
    assert_eq!(results.peers.len(), 1);
    assert!(results.peers[0].peers.is_empty(), "a lone city has no peers");

    case.responses.clear();
    for c in case.cities.clone() {
        case.responses.push(answers(&c, &[("has_s3_strategy", "yes"), ("rd_share_gdp", "2")]));
    }
    let results = case.run();
    let yes = &options(&results.question("has_s3_strategy").unwrap().overall.detail)[0];
    assert_eq!((yes.share, yes.high), (Some(1.0), Some(1.0)));
    match &results.question("rd_share_gdp").unwrap().overall.detail {
        Detail::Numeric { values: Some(n), .. } => assert_eq!((n.min, n.median, n.max), (2.0, 2.0, 2.0)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn practices_barriers_workshops_and_sdgs() {
    let mut case = Case::new(twelve());
    for (i, c) in case.cities.clone().iter().enumerate().take(10) {
        let mut values = vec![("has_s3_strategy", "yes")];
        if i < 5 {
            values.extend([("gp_axis#1", "innovation_entrepreneurship"), ("gp_sdgs#1", "sdg09 sdg11")]);
        }
        if i < 3 {
            values.extend([
                ("be_type#1", "barrier"),
                ("be_category#1", "funding"),
                ("be_importance#1", "l5"),
            ]);
            values.extend([("be_type#2", "enabler"), ("be_category#2", "partnerships")]);
        }
        if i == 3 {
            values.extend([
                ("be_type#1", "barrier"),
                ("be_category#1", "funding"),
                ("be_importance#1", "l2"),
            ]);
        }
        case.responses.push(answers(c, &values));
    }
    case.workshops.push(WorkshopOutput {
        kind: OutputKind::Practice,
        axis: Some("innovation_entrepreneurship".into()),
        goals: vec![9],
    });
    case.workshops.push(WorkshopOutput { kind: OutputKind::Barrier, axis: None, goals: vec![] });
    let results = case.run();

    let sdg = &results.sdg_matrix;
    let cell =
        |goal| sdg.cells.iter().find(|c| c.axis == "innovation_entrepreneurship" && c.goal == goal).unwrap();
    // has_s3_strategy is linked to SDG 8 and 9 in the 2017 framework: ten yes answers each.
    assert_eq!((cell(9).practices, cell(9).answers, cell(9).workshop_outputs), (5, 10, 1));
    assert_eq!(cell(11).practices, 5);
    assert!(sdg.most_cited.contains(&("innovation_entrepreneurship".to_string(), 9)));
    let sdg11 = &sdg.cities_linking[10];
    assert_eq!((sdg11.goal, sdg11.cities, sdg11.share), (11, 5, Some(0.5)));

    let be = &results.barriers_enablers;
    let funding = &be.overall[0];
    assert_eq!(
        (funding.kind.as_str(), funding.category.as_str(), funding.cities, funding.entries),
        ("barrier", "funding", 4, 4)
    );
    assert_eq!(funding.mean_importance, Some((5.0 * 3.0 + 2.0) / 4.0));
    assert_eq!(funding.share, Some(0.4));
    let partnerships = be.overall.iter().find(|i| i.category == "partnerships").unwrap();
    assert_eq!((partnerships.cities, partnerships.mean_importance, partnerships.rated), (3, None, 0));
    assert_eq!(be.workshop, vec![("barrier".to_string(), 1), ("enabler".to_string(), 0)]);
}

#[test]
fn trends_follow_questions_across_editions() {
    let mut case = Case::new(twelve());
    let (earlier_file, earlier_q) = edition(include_str!("../../../data/editions/2012.toml"));
    let mut earlier = Vec::new();
    // 2012: the first eight cities answered; three ran a talent programme.
    for (i, c) in case.cities.iter().take(8).enumerate() {
        let value = if i < 3 { "yes" } else { "no" };
        earlier
            .push(answers(c, &[("talent_programme", value), ("rd_spend_share_gdp", &format!("{}", i + 1))]));
    }
    case.earlier.push(EarlierEdition {
        edition: earlier_file.edition.year,
        questionnaire: earlier_q,
        responses: earlier,
    });
    // 2017: all ten; six run one now (the three from before and three more).
    for (i, c) in case.cities.clone().iter().enumerate().take(10) {
        let value = if i < 6 { "yes" } else { "no" };
        case.responses
            .push(answers(c, &[("talent_programme", value), ("rd_share_gdp", &format!("{}", i + 2))]));
    }
    let results = case.run();
    let talent = results.trends.iter().find(|t| t.code == "talent_programme").unwrap();
    assert_eq!((talent.earlier_edition, talent.then_answering, talent.now_answering), (2012, 8, 10));
    assert_eq!(talent.then[0].share, Some(3.0 / 8.0));
    assert_eq!(talent.now[0].share, Some(0.6));
    assert_eq!((talent.paired.cities, talent.paired.unchanged), (8, 5));
    assert_eq!(talent.paired.transitions, vec![("no".to_string(), "yes".to_string(), 3)]);
    let rd = results.trends.iter().find(|t| t.code == "rd_share_gdp").unwrap();
    assert_eq!(rd.earlier_code, "rd_spend_share_gdp");
    assert_eq!(rd.paired.median_change, Some(1.0), "every paired city moved up by one point");
    assert_eq!((rd.then_median, rd.now_median), (Some(4.5), Some(6.5)));
}

#[test]
fn peers_are_the_most_alike_cities() {
    let mut cities = twelve();
    cities.push(city("es-twin", "ES", 100_000, false));
    let mut case = Case::new(cities);
    let profile =
        |yes: &str| vec![("has_s3_strategy", yes.to_string()), ("talent_programme", yes.to_string())];
    for (i, c) in case.cities.clone().iter().enumerate() {
        let values = profile(if i % 2 == 0 { "yes" } else { "no" });
        let values: Vec<(&str, &str)> = values.iter().map(|(q, v)| (*q, v.as_str())).collect();
        case.responses.push(answers(c, &values));
    }
    let results = case.run();
    // es-city-0 (100,000, Europe, yes/yes) and es-twin (100,000, Europe, answers yes/yes as the 13th city).
    let first = results.peers_of("es-city-0").unwrap();
    assert_eq!(first.peers.len(), 5);
    assert_eq!(first.peers[0].city, "es-twin");
    assert_eq!(first.peers[0].distance, 0.0);
    assert!(first.peers.windows(2).all(|w| w[0].distance <= w[1].distance));
    assert!(first.peers.iter().all(|p| p.city != "es-city-0"), "a city is not its own peer");
}

#[test]
fn the_input_hash_changes_with_the_inputs_only() {
    let mut case = Case::new(twelve());
    for c in case.cities.clone() {
        case.responses.push(answers(&c, &[("has_s3_strategy", "yes"), ("talent_programme", "no")]));
    }
    let first = case.run();
    case.responses.reverse();
    for r in &mut case.responses {
        r.answers.reverse();
    }
    let reordered = case.run();
    assert_eq!(first.input_hash, reordered.input_hash, "order does not matter");
    assert_eq!(first, reordered, "nor does it change any result");
    case.responses[0].answers[0].value = "changed".into();
    assert_ne!(case.run().input_hash, first.input_hash);
    assert_eq!(first.method_version, smartcities_analysis::METHOD_VERSION);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn shares_intervals_and_breakdowns_hold_together(
        answers_of in proptest::collection::vec((0u8..4, 0u8..3, 1u32..60), 12),
    ) {
        // Per city: 0 = not accepted, 1 = yes, 2 = no, 3 = accepted without this answer;
        // an importance level; a number.
        let mut case = Case::new(twelve());
        for (c, (answer, level, number)) in case.cities.clone().iter().zip(&answers_of) {
            let mut values = vec![("rd_share_gdp", number.to_string())];
            match answer {
                0 => continue,
                1 => values.push(("has_s3_strategy", "yes".into())),
                2 => values.push(("has_s3_strategy", "no".into())),
                _ => {}
            }
            values.push(("be_type#1", "barrier".into()));
            values.push(("be_category#1", "funding".into()));
            values.push(("be_importance#1", format!("l{}", level + 1)));
            let values: Vec<(&str, &str)> = values.iter().map(|(q, v)| (*q, v.as_str())).collect();
            case.responses.push(answers(c, &values));
        }
        let results = case.run();
        for question in &results.questions {
            let overall = &question.overall;
            prop_assert!(overall.answering <= overall.responding && overall.responding <= overall.invited);
            for breakdown in &question.breakdowns {
                let sum = |f: fn(&smartcities_analysis::Summary) -> usize| -> usize {
                    breakdown.groups.iter().map(|g| f(&g.summary)).sum()
                };
                prop_assert_eq!(sum(|s| s.answering), overall.answering, "{} by {}", question.code, breakdown.dimension);
                prop_assert_eq!(sum(|s| s.invited), overall.invited);
            }
            let cells = std::iter::once(overall).chain(question.breakdowns.iter().flat_map(|b| b.groups.iter().map(|g| &g.summary)));
            for summary in cells {
                if let Detail::Shares { options } | Detail::Ordinal { levels: options, .. } = &summary.detail {
                    for o in options {
                        prop_assert!(o.count <= summary.answering);
                        if let (Some(s), Some(l), Some(h)) = (o.share, o.low, o.high) {
                            prop_assert!((0.0..=1.0).contains(&s));
                            prop_assert!(l <= s && s <= h && (0.0..=1.0).contains(&l) && (0.0..=1.0).contains(&h));
                        }
                    }
                }
            }
        }
        for item in &results.barriers_enablers.overall {
            if let Some(mean) = item.mean_importance {
                prop_assert!((1.0..=5.0).contains(&mean));
            }
        }
    }
}

#[test]
fn a_city_is_characterised_beside_the_others() {
    let mut case = Case::new(twelve());
    // Seven of ten have a strategy; only es-city-9 runs a talent programme.
    for (i, c) in case.cities.clone().iter().enumerate().take(10) {
        let strategy = if i < 7 { "yes" } else { "no" };
        let talent = if i == 9 { "yes" } else { "no" };
        case.responses.push(answers(c, &[("has_s3_strategy", strategy), ("talent_programme", talent)]));
    }
    let results = case.run();
    let city = case.cities[9].clone();
    let profile =
        smartcities_analysis::city_profile(&results, &city, &case.responses[9].answers).expect("it answered");
    let strategy = profile.answers.iter().find(|a| a.code == "has_s3_strategy").unwrap();
    assert_eq!((strategy.answer.as_str(), strategy.all, strategy.section), ("no", Some(0.3), Some(0.3)));
    assert_eq!(profile.highlights.len(), 2);
    let talent = &profile.highlights[0];
    assert_eq!(
        (talent.code.as_str(), talent.standing, talent.share),
        ("talent_programme", smartcities_analysis::Standing::Strength, 0.1)
    );
    assert_eq!(profile.highlights[1].standing, smartcities_analysis::Standing::Gap);
    assert_eq!(profile.peers.len(), 5);
    assert!(
        smartcities_analysis::city_profile(&results, &case.cities[10], &[]).is_none(),
        "Dakar did not answer"
    );
}

#[test]
fn an_edition_index_profiles_cities_with_intervals() {
    let cities = vec![
        city("es-a", "ES", 100_000, false),
        city("es-b", "ES", 200_000, false),
        city("es-c", "ES", 100_000, false),
        city("es-d", "ES", 400_000, false),
    ];
    let mut case = Case::new(cities.clone());
    let rows = [
        ("10", "1.0", "50", "60"),
        ("10", "2.0", "70", "80"),
        ("30", "3.0", "90", "100"),
        ("20", "0.5", "30", "40"),
    ];
    for (c, (startups, rd, online, broadband)) in cities.iter().zip(rows) {
        case.responses.push(answers(
            c,
            &[
                ("startups_supported_year", startups),
                ("rd_share_gdp", rd),
                ("online_procedures_share", online),
                ("households_broadband", broadband),
                ("tertiary_students", "5000"),
            ],
        ));
    }
    let rule = smartcities_domain::IndexRule {
        description: smartcities_domain::Localized { en: "I".into(), es: "I".into(), fr: "I".into() },
        questions: vec![],
        runs: 40,
        weight_noise_percent: 0,
        seed: 3,
    };
    let run = |case: &Case, rule: &smartcities_domain::IndexRule| {
        analyse(&Input {
            edition: case.file.edition.year,
            framework: &case.file.framework,
            questionnaire: &case.questionnaire,
            cities: &case.cities,
            invited: &case.invited,
            responses: &case.responses,
            workshops: &case.workshops,
            earlier: &case.earlier,
            codebook: None,
            codings: &[],
            index: Some(rule),
        })
    };
    let index = run(&case, &rule).composite.unwrap();
    // tertiary_students has no direction: not in the index.
    let codes: Vec<&str> = index.questions.iter().map(|q| q.code.as_str()).collect();
    assert_eq!(
        codes,
        ["startups_supported_year", "rd_share_gdp", "online_procedures_share", "households_broadband"]
    );
    assert!(index.questions[0].per_capita && !index.questions[1].per_capita);
    assert_eq!(index.axes, ["innovation_entrepreneurship", "digital_society_economy"]);
    // Startups per 100,000 inhabitants 10, 5, 30, 5 → 20, 0, 100, 0; R&D → 20, 60, 100, 0;
    // both digital questions → 33.3, 66.7, 100, 0.
    let expected = [(20.0, 100.0 / 3.0), (30.0, 200.0 / 3.0), (100.0, 100.0), (0.0, 0.0)];
    for (city, (first, second)) in index.cities.iter().zip(expected) {
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(close(city.axes[0], first) && close(city.axes[1], second), "{city:?}");
        let score = (first + second) / 2.0;
        assert!(close(city.score, score), "{city:?}");
        // Nothing missing and no weight noise: nothing to vary.
        assert!(close(city.score_5, score) && close(city.score_95, score), "{city:?}");
    }
    assert_eq!(index.cities[2].rank, Some(1));

    // A missing answer and ±25 % weights leave an interval.
    case.responses[0].answers.retain(|a| a.question != "rd_share_gdp");
    let noisy = smartcities_domain::IndexRule { weight_noise_percent: 25, ..rule };
    let index = run(&case, &noisy).composite.unwrap();
    assert_eq!(index.runs, 40);
    assert_eq!(index.varied, ["imputation", "weights_level_1", "weights_level_2"]);
    for city in &index.cities {
        let (low, high) = (city.score_5.unwrap(), city.score_95.unwrap());
        assert!(low <= high && low >= -1e-9 && high <= 100.0 + 1e-9, "{city:?}");
    }
    let a = &index.cities[0];
    assert!(
        a.score_95.unwrap() - a.score_5.unwrap() > 1.0,
        "imputation moves the city missing an answer: {a:?}"
    );
    assert_eq!(index.audit.len(), 2);
    // Without a rule, no index.
    assert!(case.run().composite.is_none());
}

#[test]
fn a_question_linked_to_two_targets_of_one_goal_counts_for_that_goal_once() {
    // has_s3_strategy linked to 11.2, 9.1 and 11.3: goal 11 twice, with 9 between them.
    let text = include_str!("../../../data/editions/2017.toml").replacen(
        r#"sdgs = ["8.2", "9.5"]"#,
        r#"sdgs = ["11.2", "9.1", "11.3"]"#,
        1,
    );
    let mut case = Case::new(twelve());
    (case.file, case.questionnaire) = edition(&text);
    for c in case.cities.clone().iter().take(4) {
        case.responses.push(answers(c, &[("has_s3_strategy", "yes")]));
    }
    case.workshops.push(WorkshopOutput {
        kind: OutputKind::Practice,
        axis: Some("innovation_entrepreneurship".into()),
        goals: smartcities_domain::sdg_goals(&["11.2", "9.1", "11.3"].map(|t| t.parse().unwrap())),
    });
    let results = case.run();
    let cell = |goal| {
        results
            .sdg_matrix
            .cells
            .iter()
            .find(|c| c.axis == "innovation_entrepreneurship" && c.goal == goal)
            .unwrap()
    };
    assert_eq!((cell(11).answers, cell(11).workshop_outputs), (4, 1), "four yes answers, one output");
    assert_eq!((cell(9).answers, cell(9).workshop_outputs), (4, 1));
}

#[test]
fn dont_know_and_not_applicable_are_left_out_of_n_and_counted_beside() {
    let mut case = Case::new(twelve());
    // Cities 0–5 say yes or no and give a figure; 6–7 do not know; 8 says it does not apply.
    for (i, c) in case.cities.iter().take(9).enumerate() {
        let (strategy, rd) = match i {
            0..=3 => ("yes", format!("{}", i + 1)),
            4 | 5 => ("no", format!("{}", i + 1)),
            6 | 7 => ("~dont_know", "~dont_know".to_string()),
            _ => ("~not_applicable", "~not_applicable".to_string()),
        };
        case.responses.push(answers(c, &[("has_s3_strategy", strategy), ("rd_share_gdp", &rd)]));
    }
    let results = case.run();
    let summary = &results.question("has_s3_strategy").unwrap().overall;
    assert_eq!(
        (summary.responding, summary.answering, summary.dont_know, summary.not_applicable),
        (9, 6, 2, 1)
    );
    let yes = &options(&summary.detail)[0];
    assert_eq!((yes.count, yes.share), (4, Some(4.0 / 6.0)), "n is the six cities with a value");
    let total: usize = options(&summary.detail).iter().map(|o| o.count).sum();
    assert_eq!(total, 6, "no option counts a non-answer");

    // A figure not known is missing, never 0: the distribution is of 1–6 alone.
    let rd = &results.question("rd_share_gdp").unwrap().overall;
    assert_eq!((rd.answering, rd.dont_know, rd.not_applicable), (6, 2, 1));
    match &rd.detail {
        Detail::Numeric { values: Some(n), .. } => assert_eq!((n.min, n.max), (1.0, 6.0)),
        other => panic!("{other:?}"),
    }
    // By group too: Europe's nine responding cities, the same split.
    let europe = results.question("rd_share_gdp").unwrap().breakdowns[0]
        .groups
        .iter()
        .find(|g| g.group == "europe")
        .unwrap();
    assert_eq!(
        (europe.summary.answering, europe.summary.dont_know, europe.summary.not_applicable),
        (6, 2, 1)
    );
}

#[test]
fn an_index_reads_a_non_answer_as_missing_not_as_zero() {
    let cities: Vec<City> =
        ["es-a", "es-b", "es-c", "es-d"].iter().map(|id| city(id, "ES", 100_000, false)).collect();
    // es-d leads on online procedures; its R&D share is what differs between the runs.
    let rows = [("1.0", "50"), ("2.0", "70"), ("3.0", "30"), ("~dont_know", "90")];
    let run = |rd_of_d: &str| {
        let mut case = Case::new(cities.clone());
        for (c, (rd, online)) in cities.iter().zip(rows) {
            let rd = if c.id.as_str() == "es-d" { rd_of_d } else { rd };
            case.responses.push(answers(c, &[("rd_share_gdp", rd), ("online_procedures_share", online)]));
        }
        let rule = smartcities_domain::IndexRule {
            description: smartcities_domain::Localized { en: "I".into(), es: "I".into(), fr: "I".into() },
            questions: vec![],
            runs: 10,
            weight_noise_percent: 0,
            seed: 3,
        };
        analyse(&Input {
            edition: case.file.edition.year,
            framework: &case.file.framework,
            questionnaire: &case.questionnaire,
            cities: &case.cities,
            invited: &case.invited,
            responses: &case.responses,
            workshops: &case.workshops,
            earlier: &case.earlier,
            codebook: None,
            codings: &[],
            index: Some(&rule),
        })
        .composite
        .unwrap()
    };
    let dont_know = run("~dont_know");
    let left_out = run("");
    let zero = run("0");
    let score = |index: &smartcities_analysis::CompositeIndex, id: &str| {
        index.cities.iter().find(|c| c.city.as_str() == id).unwrap().score
    };
    assert_eq!(score(&dont_know, "es-d"), score(&left_out, "es-d"), "as if unanswered");
    assert_ne!(score(&dont_know, "es-d"), score(&zero, "es-d"), "not as if 0");
}

#[test]
fn dates_give_the_earliest_middle_and_latest_day_in_a_cell_large_enough() {
    use smartcities_questionnaire::{FieldName, Item, Kind, Question, Texts};
    let mut case = Case::new(twelve());
    let first = case
        .questionnaire
        .items
        .iter_mut()
        .find_map(|item| if let Item::Group(g) = item { Some(g) } else { None })
        .expect("an axis");
    let label = Texts::new("Adopted on", "Aprobada el", "Adoptée le");
    first.items.push(Item::Question(Question::new(
        FieldName::parse("strategy_adopted_on").unwrap(),
        Kind::Date,
        label,
    )));
    let days = ["2024-05-01", "2019-01-15", "2021-09-30", "2023-02-28", "~dont_know", "2020-06-10"];
    for (c, day) in case.cities.clone().iter().zip(days) {
        case.responses.push(answers(c, &[("strategy_adopted_on", day)]));
    }
    let results = case.run();
    let q = results.question("strategy_adopted_on").unwrap();
    assert_eq!((q.kind.as_str(), q.overall.answering, q.overall.dont_know), ("date", 5, 1));
    let Detail::Dates { earliest, median, latest } = &q.overall.detail else {
        panic!("{:?}", q.overall.detail)
    };
    assert_eq!(
        (earliest.as_deref(), median.as_deref(), latest.as_deref()),
        (Some("2019-01-15"), Some("2021-09-30"), Some("2024-05-01"))
    );
    // Africa's group answered nothing; Europe's five-and-one show; no small cell names a day.
    for group in &q.breakdowns[0].groups {
        if let Detail::Dates { earliest, .. } = &group.summary.detail {
            assert_eq!(earliest.is_some(), group.summary.answering >= 5, "{}", group.group);
        }
    }
}
