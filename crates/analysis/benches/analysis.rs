//! An edition of 5,000 cities × 300 questions analysed end to end: summaries with their
//! breakdowns, SDG matrix, barriers and enablers, peers and the input hash.
//!
//! `cargo bench -p smartcities-analysis --bench analysis`

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::fmt::Write;

use smartcities_analysis::{Answer, CityAnswers, Input, analyse};
use smartcities_domain::{City, CityId, Coordinates, CountryCode, EditionFile, Population, Section};
use smartcities_questionnaire::{EntryKey, Kind, Questionnaire, from_framework};

fn main() {
    divan::main();
}

const CITIES: usize = 5_000;
const AXES: usize = 6;
const PER_AXIS: usize = 50;

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// 6 axes × 50 questions, cycling through every kind the study uses.
fn edition() -> (EditionFile, Questionnaire) {
    let mut toml = String::from(
        "[edition]\nyear = 2031\ntitle = { en = \"Bench\", es = \"Bench\", fr = \"Bench\" }\nfocus = \"holistic\"\ncollection = \"open\"\n",
    );
    for a in 0..AXES {
        write!(toml, "\n[[axes]]\ncode = \"axis_{a}\"\nlabel = {{ en = \"A\", es = \"A\", fr = \"A\" }}\nprovenance = \"stated\"\n[[axes.sub_areas]]\ncode = \"sub_{a}\"\nlabel = {{ en = \"S\", es = \"S\", fr = \"S\" }}\nprovenance = \"stated\"\n").unwrap();
        for q in 0..PER_AXIS {
            let kind = match q % 5 {
                0 | 1 => "kind = \"yes_no\"".to_string(),
                2 => "kind = \"numeric\"\nunit = \"count\"\ndirection = \"higher_is_better\"".to_string(),
                3 => "kind = \"ordinal\"\nlevels = [{ en = \"1\", es = \"1\", fr = \"1\" }, { en = \"2\", es = \"2\", fr = \"2\" }, { en = \"3\", es = \"3\", fr = \"3\" }, { en = \"4\", es = \"4\", fr = \"4\" }, { en = \"5\", es = \"5\", fr = \"5\" }]".to_string(),
                _ => "kind = \"multiple_choice\"\noptions = [{ code = \"a\", label = { en = \"a\", es = \"a\", fr = \"a\" } }, { code = \"b\", label = { en = \"b\", es = \"b\", fr = \"b\" } }, { code = \"c\", label = { en = \"c\", es = \"c\", fr = \"c\" } }]".to_string(),
            };
            write!(toml, "[[axes.sub_areas.questions]]\ncode = \"q_{a}_{q}\"\nlabel = {{ en = \"Q\", es = \"Q\", fr = \"Q\" }}\n{kind}\nsdgs = [\"{}\"]\n", q % 17 + 1).unwrap();
        }
    }
    let file = EditionFile::parse(&toml).unwrap();
    let questionnaire = from_framework(&file.edition, &file.framework).unwrap();
    (file, questionnaire)
}

fn cities() -> Vec<City> {
    let countries = ["ES", "FR", "SN", "KE", "BR", "MX", "KR", "JP", "RU", "TR", "CA", "US", "DE", "IN"];
    (0..CITIES)
        .map(|i| {
            let country = CountryCode::parse(countries[i % countries.len()]).unwrap();
            City {
                id: CityId::parse(&format!("{}-city-{i}", countries[i % countries.len()].to_lowercase()))
                    .unwrap(),
                name: format!("City {i}"),
                local_name: None,
                names: Default::default(),
                section: Section::for_country(&country).unwrap(),
                country,
                metropolis: i % 4 == 0,
                population: Population {
                    count: 50_000 + (i as u64 * 7_919) % 9_000_000,
                    year: None,
                    source: None,
                },
                location: Coordinates::new(0.0, 0.0).unwrap(),
            }
        })
        .collect()
}

fn responses(q: &Questionnaire, cities: &[City]) -> Vec<CityAnswers> {
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    cities
        .iter()
        .map(|city| {
            let mut answers = Vec::new();
            for located in q.questions() {
                let question = located.question;
                if located.repeat().is_some() || dice.below(10) == 0 {
                    continue;
                }
                let choices = q.choices(question);
                let value = match &question.kind {
                    Kind::Integer | Kind::Decimal => dice.below(1_000).to_string(),
                    Kind::SelectMultiple { .. } => choices
                        .iter()
                        .filter(|_| dice.below(2) == 0)
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    _ if !choices.is_empty() => {
                        choices[dice.below(choices.len() as u64) as usize].name.clone()
                    }
                    _ => "text".into(),
                };
                answers.push(Answer {
                    question: question.name.to_string(),
                    entry: None,
                    value: value.into(),
                });
            }
            for entry in 1..=3 {
                let e = Some(EntryKey::of("barriers_enablers", &entry.to_string()).unwrap());
                let category = ["funding", "skills_talent", "data", "partnerships"][dice.below(4) as usize];
                for (question, value) in [
                    ("be_type", if dice.below(2) == 0 { "barrier" } else { "enabler" }.to_string()),
                    ("be_category", category.to_string()),
                    ("be_importance", format!("l{}", dice.below(5) + 1)),
                    ("gp_axis", format!("axis_{}", dice.below(AXES as u64))),
                    ("gp_sdgs", format!("sdg{:02} sdg{:02}", dice.below(17) + 1, dice.below(17) + 1)),
                ] {
                    answers.push(Answer { question: question.into(), entry: e.clone(), value: value.into() });
                }
            }
            CityAnswers { city: city.id.clone(), answers }
        })
        .collect()
}

#[divan::bench(sample_count = 5)]
fn edition_of_5000_cities_and_300_questions(bencher: divan::Bencher) {
    let (file, questionnaire) = edition();
    let cities = cities();
    let responses = responses(&questionnaire, &cities);
    let invited: Vec<CityId> = cities.iter().map(|c| c.id.clone()).collect();
    bencher.bench(|| {
        analyse(&Input {
            edition: file.edition.year,
            framework: &file.framework,
            questionnaire: &questionnaire,
            cities: &cities,
            invited: &invited,
            responses: &responses,
            workshops: &[],
            earlier: &[],
            codebook: None,
            codings: &[],
            index: None,
        })
    });
}
