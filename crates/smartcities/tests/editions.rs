//! The five shipped editions are sound: they parse, every axis maps onto one of the six study
//! axes, and every cross-edition reference points at a question that exists.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::collections::{BTreeSet, HashMap};

use smartcities_app::demo::EDITIONS;
use smartcities_domain::{EditionFile, Focus, Lang, StudyAxis};

fn editions() -> Vec<EditionFile> {
    EDITIONS
        .iter()
        .map(|(name, text)| {
            EditionFile::parse(text).unwrap_or_else(|e| panic!("{}", e.located(name).join("\n")))
        })
        .collect()
}

#[test]
fn the_five_editions_parse_with_their_focus() {
    let editions = editions();
    let years: Vec<u16> = editions.iter().map(|e| e.edition.year.get()).collect();
    assert_eq!(years, [2012, 2017, 2019, 2021, 2023]);
    let foci: Vec<String> = editions.iter().map(|e| e.edition.focus.code()).collect();
    assert_eq!(
        foci,
        [
            "holistic",
            "axis:economy",
            "axis:governance",
            "theme:covid19_smart_resilience",
            "theme:innovation_ecosystems_sdgs"
        ]
    );
    assert!(editions.iter().all(|e| !e.edition.show_rankings), "no edition is a ranking");
    assert_eq!(
        editions[0].framework.axes.iter().map(|a| a.label.get(Lang::Es)).collect::<Vec<_>>(),
        ["Economía", "Ciudadanía / Personas", "Gobernanza", "Movilidad", "Medio ambiente", "Calidad de vida"]
    );
}

#[test]
fn every_axis_follows_a_study_axis_and_2023_returns_to_the_six_of_2012() {
    let editions = editions();
    for e in &editions {
        for axis in &e.framework.axes {
            assert!(axis.study_axis.is_some(), "{} {} has no study axis", e.edition.year, axis.code);
        }
        if let Focus::Axis(focus) = e.edition.focus {
            assert!(e.framework.axes.iter().all(|a| a.study_axis == Some(focus)));
        }
    }
    let six = |e: &EditionFile| -> BTreeSet<StudyAxis> {
        e.framework.axes.iter().filter_map(|a| a.study_axis).collect()
    };
    assert_eq!(six(&editions[0]).len(), 6);
    assert_eq!(six(&editions[0]), six(&editions[4]));
    let label = |e: &EditionFile, axis: StudyAxis| {
        e.framework.axes.iter().find(|a| a.study_axis == Some(axis)).map(|a| a.label.en.clone()).unwrap()
    };
    assert_eq!(label(&editions[0], StudyAxis::Governance), "Governance");
    assert_eq!(label(&editions[4], StudyAxis::Governance), "Smart Governance");
    assert_eq!(label(&editions[0], StudyAxis::Citizenship), "People / Citizenship");
    assert_eq!(label(&editions[4], StudyAxis::Citizenship), "Digital Citizenship");
}

#[test]
fn continued_questions_exist_in_the_earlier_edition() {
    let editions = editions();
    let by_year: HashMap<u16, &EditionFile> = editions.iter().map(|e| (e.edition.year.get(), e)).collect();
    let mut links = 0;
    for e in &editions {
        for (_, _, q) in e.framework.questions() {
            if let Some(r) = &q.continues {
                let earlier = by_year[&r.edition.get()];
                let previous = earlier
                    .framework
                    .question(r.code.as_str())
                    .unwrap_or_else(|| panic!("{r} does not exist"));
                assert_eq!(previous.kind.slug(), q.kind.slug(), "{r} changes kind");
                links += 1;
            }
        }
    }
    assert!(links >= 5, "{links} cross-edition links");
}

#[test]
fn the_2023_edition_links_every_axis_to_the_sdgs() {
    let e = &editions()[4];
    for axis in &e.framework.axes {
        let sdg_question =
            axis.sub_areas.iter().flat_map(|s| &s.questions).find(|q| q.code.as_str().ends_with("_sdgs"));
        let q = sdg_question.unwrap_or_else(|| panic!("{} has no SDG question", axis.code));
        assert_eq!(q.kind.slug(), "multiple_choice");
    }
    assert!(e.framework.sdg_goals().contains(&11));
}
