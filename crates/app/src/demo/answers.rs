//! The demonstration's made-up answers (every stage of a response, in the three languages as
//! cities write) and their coding by two coders.

use smartcities_domain::{City, EditionFile, EditionYear, ResponseMove, Revision};
use smartcities_questionnaire::{Kind, NonAnswer, Question, Questionnaire};
use smartcities_store::{AnswerChange, Editor, NoteChange};

use super::broken;
use crate::{
    App, Result,
    analysis::{DEFAULT_CODEBOOK, parse_codebook},
};

/// A small deterministic generator, so the demonstration is the same on every machine.
pub(super) struct Dice(u64);

impl Dice {
    pub(super) fn new(seed: &str) -> Dice {
        // FNV-1a of the seed; never zero, which xorshift needs.
        Dice(
            seed.bytes()
                .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
                | 1,
        )
    }

    pub(super) fn below(&mut self, n: u64) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

/// Cities the demonstration leaves unanswered, so that answering, submitting and reviewing can
/// be tried on them from the start.
const STILL_ANSWERING: [&str; 2] = ["pt-lisbon", "at-vienna"];

/// Cities whose answers the demonstration leaves submitted, waiting for the secretariat's review.
const AWAITING_REVIEW: [&str; 2] = ["fi-lappeenranta", "th-bangkok"];

/// Illustrative free-text answers (in the three languages, as cities write them), by what the
/// question asks about.
const BARRIER_TEXTS: [&str; 8] = [
    "The budget for pilots ends after one year and there is no funding to scale them up.",
    "Procurement rules make it hard to buy from start-ups; tenders take too long.",
    "Falta de talento digital en la plantilla municipal y poca formación.",
    "Les services travaillent en silos et la coordination entre départements est faible.",
    "Legacy systems and poor broadband in the outskirts slow every project down.",
    "Los datos de movilidad son de operadores privados y no se comparten con la ciudad.",
    "Le changement de maire après les élections a arrêté plusieurs projets.",
    "Many older residents lack access and digital skills: the divide is widening.",
];
const ENABLER_TEXTS: [&str; 6] = [
    "Strong support from the mayor and a clear digital strategy.",
    "A partnership with the regional university and its innovation agency.",
    "Vecinos y asociaciones participan en el codiseño de los servicios.",
    "Des subventions des fonds européens ont financé les premiers capteurs.",
    "Exchanges with other cities of the network on procurement templates.",
    "Open data portal reused by local companies and researchers.",
];
const OTHER_TEXTS: [&str; 4] = [
    "A network of air-quality sensors publishes its readings on the open data portal.",
    "Un gemelo digital del centro histórico ayuda a planificar frente al calor extremo.",
    "Machine learning helps to plan waste collection routes.",
    "Une plateforme de participation en ligne recueille les propositions des habitants.",
];

/// Illustrative titles of good practices, by the 2023 framework's axis order.
const PRACTICES: [&str; 6] = [
    "Municipal start-up incubator with a public procurement sandbox",
    "Real-time open data on public transport reused by local companies",
    "Sensor network on the water supply that halves the time to find leaks",
    "Digital skills programme run in public libraries",
    "One-stop digital desk for social services, with face-to-face help kept",
    "Participatory budget online, with public follow-up of every project",
];

/// How far the illustrative responses of an edition went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stages {
    /// A finished edition: each city accepted or never answered.
    Finished,
    /// A campaign under way: most accepted, a few at each earlier stage.
    Mixed,
}

/// Answers to the questions outside repeat groups; a city still answering (`stage` below 6)
/// leaves about a third of them blank.
fn plain_answers(questionnaire: &Questionnaire, stage: u64, dice: &mut Dice) -> Vec<AnswerChange> {
    let mut changes = Vec::new();
    for located in questionnaire.questions() {
        let question = located.question;
        if located.repeat().is_some() || (stage < 6 && dice.below(3) == 0) {
            continue;
        }
        let choices = questionnaire.choices(question);
        let value = match &question.kind {
            Kind::Integer => (dice.below(40) + 1).to_string(),
            Kind::Decimal => format!("{}.{}", dice.below(90) + 5, dice.below(10)),
            Kind::Text => {
                let name = question.name.as_str();
                let pool: &[&str] = if name.ends_with("barriers") {
                    &BARRIER_TEXTS
                } else if name.ends_with("enablers") {
                    &ENABLER_TEXTS
                } else {
                    &OTHER_TEXTS
                };
                pool[dice.below(pool.len() as u64) as usize].to_string()
            }
            Kind::Date => {
                format!("20{:02}-{:02}-{:02}", 15 + dice.below(10), dice.below(12) + 1, dice.below(28) + 1)
            }
            Kind::SelectMultiple { .. } => {
                let picked: Vec<&str> =
                    choices.iter().filter(|_| dice.below(3) == 0).map(|c| c.name.as_str()).collect();
                if picked.is_empty() { choices[0].name.clone() } else { picked.join(" ") }
            }
            _ => choices[dice.below(choices.len() as u64) as usize].name.clone(),
        };
        let value = non_answer_instead(questionnaire, question, dice).map_or(value, |n| n.kept().to_string());
        changes.push(AnswerChange {
            question: question.name.to_string(),
            entry: None,
            value: Some(value.into()),
        });
    }
    changes
}

/// The note the demonstration's cities give with a figure they do not know.
const DONT_KNOW_NOTE: &str =
    "The figure comes from the regional statistics office, which has not published it for this year yet.";

/// About one figure in twenty-five is not known and one yes/no in forty does not apply, where
/// the question offers it. Decided from the city's dice without rolling them, so every other
/// answer stays what it was before non-answers were offered.
fn non_answer_instead(questionnaire: &Questionnaire, question: &Question, dice: &Dice) -> Option<NonAnswer> {
    let offered = questionnaire.non_answers_for(question);
    let roll = Dice::new(&format!("{}/{}", dice.0, question.name)).below(1000);
    match question.kind {
        Kind::Integer | Kind::Decimal if offered.dont_know && roll < 40 => Some(NonAnswer::DontKnow),
        Kind::YesNo if offered.not_applicable && roll < 25 => Some(NonAnswer::NotApplicable),
        _ => None,
    }
}

/// One to three good practices and one to four barriers or enablers.
fn entry_answers(questionnaire: &Questionnaire, axes: &[&str], dice: &mut Dice) -> Vec<AnswerChange> {
    let mut changes = Vec::new();
    let mut entry = |group: &str, id: u64, fields: Vec<(&str, String)>| {
        let group = smartcities_questionnaire::FieldName::parse(group)
            .expect("the questionnaire's repeat groups are field names");
        for (question, value) in fields {
            changes.push(AnswerChange {
                question: question.to_string(),
                entry: Some(smartcities_questionnaire::EntryKey { group: group.clone(), id }),
                value: Some(value.into()),
            });
        }
    };
    for id in 1..=dice.below(3) + 1 {
        let axis = dice.below(axes.len() as u64) as usize;
        let goals: Vec<String> =
            (0..=dice.below(2)).map(|_| format!("sdg{:02}", dice.below(17) + 1)).collect();
        let mut goals = goals;
        goals.dedup();
        entry(
            "good_practices",
            id,
            vec![
                ("gp_title", PRACTICES[axis % PRACTICES.len()].to_string()),
                ("gp_axis", axes[axis].to_string()),
                ("gp_sdgs", goals.join(" ")),
                ("gp_summary", "Illustrative practice written for the demonstration.".to_string()),
            ],
        );
    }
    let categories: Vec<String> = questionnaire
        .question("be_category")
        .map(|q| questionnaire.choices(q).iter().map(|c| c.name.clone()).collect())
        .unwrap_or_default();
    for id in 1..=dice.below(4) + 1 {
        // Funding and skills come up more often, as they do in the study's editions.
        let category = match dice.below(4) {
            0 => "funding".to_string(),
            1 => "skills_talent".to_string(),
            _ => categories[dice.below(categories.len() as u64) as usize].clone(),
        };
        entry(
            "barriers_enablers",
            id,
            vec![
                ("be_type", if dice.below(3) == 0 { "enabler" } else { "barrier" }.to_string()),
                ("be_category", category),
                ("be_importance", format!("l{}", dice.below(5) + 1)),
                ("be_axis", axes[dice.below(axes.len() as u64) as usize].to_string()),
            ],
        );
    }
    changes
}

impl App {
    /// Illustrative answers for every city of the registry (members and invited non-members), most
    /// of them accepted so that the analysis has real figures to show.
    pub(super) async fn illustrative_answers(
        &self,
        campaign: &EditionFile,
        questionnaire: &Questionnaire,
        cities: &[City],
        stages: Stages,
    ) -> Result<()> {
        let store = &self.store;
        let year = campaign.edition.year;
        let axes: Vec<&str> = campaign.framework.axes.iter().map(|a| a.code.as_str()).collect();
        for city in cities {
            let existing = store.answering().open_response(year, &city.id).await?;
            if existing.revision > Revision::NONE {
                continue; // answered on an earlier run
            }
            let mut dice = match stages {
                Stages::Mixed => Dice::new(city.id.as_str()),
                Stages::Finished => Dice::new(&format!("{}/{year}", city.id)),
            };
            // 0-2 not started, 3-5 in progress, 6-7 submitted, 8-9 accepted: most accepted.
            let stage = match (stages, dice.below(30)) {
                (Stages::Mixed, _) if STILL_ANSWERING.contains(&city.id.as_str()) => 0,
                (Stages::Mixed, _) if AWAITING_REVIEW.contains(&city.id.as_str()) => 6,
                (_, 0) => 0,
                // About one city in six never answered the finished edition.
                (Stages::Finished, n) if n < 5 => 0,
                (Stages::Mixed, 1) => 3,
                (Stages::Mixed, 2) => 6,
                _ => 8,
            };
            if stage < 3 {
                continue;
            }
            let mut changes = plain_answers(questionnaire, stage, &mut dice);
            if stage >= 6 {
                changes.extend(entry_answers(questionnaire, &axes, &mut dice));
            }
            // Made-up answers pass the same checks as a city's.
            crate::responses::check_demo_changes(questionnaire, &changes)
                .map_err(|r| broken(format!("{}: {r:?}", city.id)))?;
            // A city that does not know a figure says why, as respondents do in a note.
            let notes: Vec<NoteChange> = changes
                .iter()
                .filter(|c| c.value.as_ref().and_then(|v| v.non_answer()) == Some(NonAnswer::DontKnow))
                .map(|c| NoteChange {
                    question: c.question.clone(),
                    entry: None,
                    note: Some(DONT_KNOW_NOTE.to_string()),
                })
                .collect();
            store
                .answering()
                .save_answers_and_notes(
                    year,
                    &city.id,
                    Revision::NONE,
                    &changes,
                    &notes,
                    "demo (illustrative)",
                    Editor::Respondent,
                )
                .await?;
            if stage >= 6 {
                store.answering().move_response(year, &city.id, ResponseMove::Submit).await?;
            }
            if stage >= 8 {
                store.answering().move_response(year, &city.id, ResponseMove::Accept).await?;
            }
        }
        Ok(())
    }

    /// The shipped codebook for the campaign, and free-text answers coded by the demonstration's
    /// analyst (following the suggestions) and most of them again by the secretariat (who differs
    /// now and then), so that agreement between coders has something to measure.
    pub(super) async fn illustrative_coding(&self, year: EditionYear) -> Result<()> {
        use smartcities_analysis::coding::suggest;
        use smartcities_store::StoredCoding;
        let (app, store) = (self, &self.store);
        let (name, text) = DEFAULT_CODEBOOK;
        let codebook = parse_codebook(name, text).map_err(broken)?;
        app.set_codebook(year, &codebook).await?;
        if !store.findings().codings(year).await?.is_empty() {
            return Ok(()); // coded on an earlier run
        }
        let (_, questionnaire) = store
            .study()
            .questionnaire(year)
            .await?
            .ok_or_else(|| broken("the campaign has no questionnaire"))?;
        for (city, answers) in store.answering().accepted_answers(year).await? {
            for answer in answers {
                let is_text = questionnaire.question(&answer.question).is_some_and(|q| q.kind == Kind::Text);
                if !is_text || answer.entry.is_some() {
                    continue;
                }
                let suggested = suggest(&codebook, answer.value.as_str());
                let coding = |coder: &str, codes: Vec<String>| StoredCoding {
                    city: city.to_string(),
                    question: answer.question.clone(),
                    entry: None,
                    coder: coder.to_string(),
                    codes,
                    passages: Default::default(),
                    independent: true,
                };
                store
                    .findings()
                    .save_coding(year, &coding("analyst@smartcities.example.org", suggested.clone()))
                    .await?;
                let mut dice = Dice::new(&format!("{city}/{}", answer.question));
                if dice.below(10) < 6 {
                    let mut second = suggested;
                    if dice.below(5) == 0 {
                        second.pop();
                    }
                    if dice.below(6) == 0 {
                        second.push(
                            codebook.categories[dice.below(codebook.categories.len() as u64) as usize]
                                .code
                                .clone(),
                        );
                        second.sort();
                        second.dedup();
                    }
                    store
                        .findings()
                        .save_coding(year, &coding("secretariat@smartcities.example.org", second))
                        .await?;
                }
            }
        }
        Ok(())
    }
}
