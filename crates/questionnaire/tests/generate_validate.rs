//! The questionnaires built from the shipped editions, and the server's verdict on answers.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{EditionFile, Lang};
use smartcities_questionnaire::{IssueKind, Item, Kind, Questionnaire, Response, from_framework, validate};

const EDITIONS: [&str; 5] = [
    include_str!("../../../data/editions/2012.toml"),
    include_str!("../../../data/editions/2017.toml"),
    include_str!("../../../data/editions/2019.toml"),
    include_str!("../../../data/editions/2021.toml"),
    include_str!("../../../data/editions/2023.toml"),
];

fn questionnaire(index: usize) -> Questionnaire {
    let file = EditionFile::parse(EDITIONS[index]).unwrap();
    from_framework(&file.edition, &file.framework).unwrap()
}

fn response(values: &[(&str, &str)]) -> Response {
    Response {
        values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        ..Default::default()
    }
}

#[test]
fn every_edition_gets_a_questionnaire_with_a_question_per_framework_question() {
    for text in EDITIONS {
        let file = EditionFile::parse(text).unwrap();
        let q = from_framework(&file.edition, &file.framework).unwrap();
        let framework_questions = file.framework.questions().count();
        // plus 6 good-practice and 5 barrier/enabler fields
        assert_eq!(q.questions().len(), framework_questions + 11, "{}", file.edition.year);
        let axis_groups = q.items.iter().filter(|i| matches!(i, Item::Group(g) if !g.repeat)).count();
        assert_eq!(axis_groups, file.framework.axes.len());
        let repeats: Vec<&str> = q
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Group(g) if g.repeat => Some(g.name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(repeats, ["good_practices", "barriers_enablers"]);
    }
}

#[test]
fn kinds_follow_the_framework() {
    let q = questionnaire(3); // 2021
    assert_eq!(
        q.question("mob_prepandemic_digital").unwrap().kind,
        Kind::Ordinal { list: "mob_prepandemic_digital_levels".into() }
    );
    assert_eq!(q.question("mob_keep_after").unwrap().kind, Kind::YesNo);
    assert_eq!(q.question("ins_remote_work_share").unwrap().kind, Kind::Decimal);
    assert_eq!(q.question("edu_devices_lent").unwrap().kind, Kind::Integer);
    assert_eq!(
        q.question("cit_channels").unwrap().kind,
        Kind::SelectMultiple { list: "cit_channels".into() }
    );
    let levels = &q.lists["srv_impact_levels"];
    assert_eq!(
        levels.iter().map(|l| l.label.get(Lang::Es, Lang::En)).collect::<Vec<_>>(),
        ["Ninguno", "Bajo", "Medio", "Alto", "Muy alto"]
    );
}

#[test]
fn skip_logic_hides_follow_up_questions() {
    let q = questionnaire(1); // 2017: "formalised?" only when there is a strategy
    let missing = |r: &Response| -> Vec<String> {
        validate(&q, r, Lang::En)
            .into_iter()
            .filter(|i| i.kind == IssueKind::Missing)
            .map(|i| i.question)
            .collect()
    };
    let without = missing(&response(&[("has_s3_strategy", "no")]));
    assert!(!without.contains(&"s3_formalised".to_string()));
    let with = missing(&response(&[("has_s3_strategy", "yes")]));
    assert!(with.contains(&"s3_formalised".to_string()));
}

#[test]
fn types_and_constraints_are_checked_in_the_respondents_language() {
    let q = questionnaire(0); // 2012
    let issues = validate(
        &q,
        &response(&[
            ("rd_spend_share_gdp", "120"),
            ("universities_count", "3.5"),
            ("has_incubator", "maybe"),
            ("eparticipation_channels", "petitions petitions"),
            ("internet_users_share", "82.5"),
        ]),
        Lang::Es,
    );
    let find = |name: &str| {
        issues.iter().find(|i| i.question == name).unwrap_or_else(|| panic!("no issue for {name}"))
    };
    assert_eq!(find("rd_spend_share_gdp").kind, IssueKind::Constraint);
    assert_eq!(
        find("rd_spend_share_gdp").message,
        "«Gasto en I+D sobre el PIB local»: Un porcentaje entre 0 y 100."
    );
    assert_eq!(find("universities_count").kind, IssueKind::Invalid);
    assert_eq!(
        find("has_incubator").message,
        "«¿Existe una incubadora pública de empresas?»: elija una de las opciones"
    );
    assert_eq!(find("eparticipation_channels").kind, IssueKind::Invalid);
    assert!(issues.iter().all(|i| i.question != "internet_users_share"));
}

#[test]
fn a_complete_response_has_no_issue() {
    let q = questionnaire(4); // 2023
    let mut values = Vec::new();
    for located in q.questions() {
        if located.repeat().is_some() {
            continue;
        }
        let question = located.question;
        let value = match &question.kind {
            Kind::Integer => "12".to_string(),
            Kind::Decimal => "45.5".to_string(),
            Kind::Text => "A description".to_string(),
            _ => q.choices(question)[0].name.clone(),
        };
        values.push((question.name.to_string(), value));
    }
    let mut r = Response { values: values.into_iter().collect(), ..Default::default() };
    assert_eq!(validate(&q, &r, Lang::Fr), []);

    r.repeats.insert(
        "good_practices".into(),
        vec![
            [
                ("gp_title".to_string(), "Bilbao Open Data".to_string()),
                ("gp_axis".into(), "smart_governance".into()),
                ("gp_sdgs".into(), "sdg11 sdg16".into()),
            ]
            .into(),
            Default::default(),
        ],
    );
    let issues = validate(&q, &r, Lang::En);
    let in_second: Vec<(&str, Option<(String, usize)>)> =
        issues.iter().map(|i| (i.question.as_str(), i.entry.clone())).collect();
    assert_eq!(
        in_second,
        [
            ("gp_title", Some(("good_practices".to_string(), 1))),
            ("gp_axis", Some(("good_practices".to_string(), 1)))
        ]
    );
}

#[test]
fn questionnaires_round_trip_through_json() {
    let q = questionnaire(4);
    let json = serde_json::to_string(&q).unwrap();
    let back: Questionnaire = serde_json::from_str(&json).unwrap();
    assert_eq!(back, q);
}

#[test]
fn questions_are_edited_added_and_removed_in_place() {
    use smartcities_questionnaire::{FieldName, Question, Texts, check_references};
    let mut q = questionnaire(1);
    let groups: Vec<String> = q.groups().iter().map(|(_, g)| g.name.to_string()).collect();
    let first = groups[0].clone();

    q.question_mut("s3_formalised").unwrap().required = false;
    assert!(!q.question("s3_formalised").unwrap().required);

    let label = Texts::new(
        "Does the city run an open data portal?",
        "¿Tiene la ciudad un portal de datos abiertos?",
        "La ville a-t-elle un portail de données ouvertes ?",
    );
    let added = Question {
        required: true,
        ..Question::new(FieldName::parse("open_data_portal").unwrap(), Kind::YesNo, label)
    };
    q.add_question(&first, added.clone()).unwrap();
    assert_eq!(q.question("open_data_portal"), Some(&added));
    assert!(q.add_question(&first, added.clone()).unwrap_err().contains("already used"));
    assert!(
        q.add_question("no_such_group", Question { name: FieldName::parse("x1").unwrap(), ..added.clone() })
            .unwrap_err()
            .contains("no group")
    );

    // Removing a question another one depends on leaves a dangling reference to report.
    assert!(check_references(&q).is_empty());
    assert_eq!(
        q.remove_question("has_s3_strategy").map(|r| r.name.to_string()).as_deref(),
        Some("has_s3_strategy")
    );
    assert!(q.question("has_s3_strategy").is_none());
    let problems = check_references(&q);
    assert!(problems.iter().any(|(at, _)| at == "s3_formalised"), "{problems:?}");
    assert!(q.remove_question("has_s3_strategy").is_none());
}
