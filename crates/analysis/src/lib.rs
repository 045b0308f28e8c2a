//! The study's analysis, as pure functions: an edition's framework and questionnaire, its
//! accepted answers and the city registry go in; every table of findings comes out, stamped
//! with the method version and a hash of the inputs, so that any figure can be traced and
//! recomputed. Results are shares of cities and profiles — never a ranking.
//!
//! Conventions: shares are of the cities that answered a question, with the number invited
//! always beside them; intervals are Wilson 95 % intervals; quartiles are Hyndman–Fan type 7;
//! a cell of fewer than [`MIN_CELL`] cities shows counts, not shares.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

mod barriers;
pub mod coding;
mod composite;
mod peers;
mod profile;
mod sdg;
pub mod stats;
mod summary;
mod trends;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use smartcities_domain::{City, CityId, EditionYear, Framework, IndexRule, Section};
use smartcities_questionnaire::{AnswerValue, EntryKey, NonAnswer, Questionnaire};

pub use barriers::{BarriersEnablers, CitedItem};
pub use composite::{AxisAudit, CityIndex, CompositeIndex, IndexQuestion};
pub use peers::{CityPeers, Peer};
pub use profile::{AnswerBeside, CityProfile, Highlight, IndexStanding, Standing, city_profile};
pub use sdg::{SdgCell, SdgMatrix, SdgShare};
pub use summary::{Breakdown, Detail, GroupSummary, QuestionSummary, Share, Summary};
pub use trends::{PairedChange, Trend};

/// Changes whenever a method changes, so stored results say how they were computed.
pub const METHOD_VERSION: &str = "2";

/// Below this many cities a cell shows its counts only: a share of three cities says little
/// and may point at one city.
pub const MIN_CELL: usize = 5;

/// One answer of an accepted response. `entry` tells repeat entries apart.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Answer {
    /// The question's code.
    pub question: String,
    /// The repeat entry, if any (serialised as stored: `group:id`, or `''`).
    #[serde(with = "smartcities_questionnaire::entry_column")]
    pub entry: Option<EntryKey>,
    /// The answer.
    pub value: smartcities_questionnaire::AnswerValue,
}

/// A city's accepted answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityAnswers {
    /// The city.
    pub city: CityId,
    /// Its answers.
    pub answers: Vec<Answer>,
}

/// What a focus-group output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputKind {
    /// A good practice.
    Practice,
    /// A barrier.
    Barrier,
    /// An enabler.
    Enabler,
    /// A trend.
    Trend,
}

/// A structured note from a focus group, counted beside the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkshopOutput {
    /// What the note is.
    pub kind: OutputKind,
    /// The axis it bears on, if any.
    pub axis: Option<String>,
    /// SDG goals (1–17) the note is linked to.
    pub goals: Vec<u8>,
}

/// An earlier edition's accepted answers, for trends.
#[derive(Debug, Clone, Serialize)]
pub struct EarlierEdition {
    /// The earlier edition.
    pub edition: EditionYear,
    /// Its questionnaire.
    pub questionnaire: Questionnaire,
    /// Its accepted answers.
    pub responses: Vec<CityAnswers>,
}

/// Everything the analysis reads.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The edition analysed.
    pub edition: EditionYear,
    /// Its framework.
    pub framework: &'a Framework,
    /// Its questionnaire.
    pub questionnaire: &'a Questionnaire,
    /// The registry's cities.
    pub cities: &'a [City],
    /// Every city invited to answer (whatever it did since).
    pub invited: &'a [CityId],
    /// Accepted responses only.
    pub responses: &'a [CityAnswers],
    /// Its focus groups' outputs.
    pub workshops: &'a [WorkshopOutput],
    /// Earlier editions the framework's questions continue.
    pub earlier: &'a [EarlierEdition],
    /// The edition's codebook and the codes coders gave to free-text answers.
    pub codebook: Option<&'a coding::Codebook>,
    /// The codes coders gave.
    pub codings: &'a [coding::Coding],
    /// The edition's composite index, if it defines one.
    pub index: Option<&'a IndexRule>,
}

/// Every table of an edition's findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Results {
    /// The edition's year.
    pub edition: u16,
    /// The analysis method's version, so a figure can be reproduced.
    pub method_version: String,
    /// SHA-256 of the inputs in a canonical form: equal hashes, equal inputs.
    pub input_hash: String,
    /// Cities invited.
    pub invited: usize,
    /// Cities whose response was accepted.
    pub answering: usize,
    /// Each question's findings, in questionnaire order.
    pub questions: Vec<QuestionSummary>,
    /// Axes × SDGs.
    pub sdg_matrix: SdgMatrix,
    /// Barriers and enablers cited.
    pub barriers_enablers: BarriersEnablers,
    /// Changes since earlier editions.
    pub trends: Vec<Trend>,
    /// Each answering city's most similar cities.
    pub peers: Vec<CityPeers>,
    /// How often each category of the codebook was applied to free-text answers.
    pub coding: Vec<coding::CodeFrequency>,
    /// The edition's composite index, when it defines one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composite: Option<CompositeIndex>,
}

impl Results {
    /// The findings of one question.
    pub fn question(&self, code: &str) -> Option<&QuestionSummary> {
        self.questions.iter().find(|q| q.code == code)
    }

    /// The peers of one city.
    pub fn peers_of(&self, city: &str) -> Option<&CityPeers> {
        self.peers.iter().find(|p| p.city == city)
    }
}

/// Population bands the study reports by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PopulationBand {
    /// Fewer than 250,000 inhabitants.
    Under250k,
    /// 250,000 to 1 million.
    From250kTo1m,
    /// 1 to 5 million.
    From1mTo5m,
    /// More than 5 million.
    Over5m,
}

impl PopulationBand {
    /// Every band, smallest first.
    pub const ALL: [PopulationBand; 4] = [
        PopulationBand::Under250k,
        PopulationBand::From250kTo1m,
        PopulationBand::From1mTo5m,
        PopulationBand::Over5m,
    ];

    /// The band a population falls in.
    pub fn of(population: u64) -> PopulationBand {
        match population {
            0..250_000 => PopulationBand::Under250k,
            250_000..1_000_000 => PopulationBand::From250kTo1m,
            1_000_000..5_000_000 => PopulationBand::From1mTo5m,
            _ => PopulationBand::Over5m,
        }
    }

    /// The band's name in results and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            PopulationBand::Under250k => "under_250k",
            PopulationBand::From250kTo1m => "250k_1m",
            PopulationBand::From1mTo5m => "1m_5m",
            PopulationBand::Over5m => "over_5m",
        }
    }
}

/// What the analysis knows of a city: where it sits in each breakdown.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub section: Option<Section>,
    pub band: Option<PopulationBand>,
    pub metropolis: Option<bool>,
    pub population: Option<u64>,
}

/// The accepted answers, indexed for the analyses.
pub(crate) struct Indexed<'a> {
    /// Invited cities in a stable order, with their profile.
    pub cities: Vec<(&'a CityId, Profile)>,
    /// question → the single (non-repeat) value of each city, by position.
    pub values: HashMap<&'a str, Vec<Option<&'a AnswerValue>>>,
    /// Whether the city's response is accepted (answering).
    pub answering: Vec<bool>,
    /// Repeat entries: group-member question → (city position, entry) → value.
    pub entries: HashMap<&'a str, BTreeMap<(usize, &'a EntryKey), &'a AnswerValue>>,
    /// question → each city's "don't know" or "not applicable", by position. Such answers are
    /// never in `values` or `entries`: every analysis reads them as missing.
    pub non_answers: HashMap<&'a str, Vec<Option<NonAnswer>>>,
}

fn index<'a>(input: &Input<'a>) -> Indexed<'a> {
    let registry: HashMap<&CityId, &City> = input.cities.iter().map(|c| (&c.id, c)).collect();
    let mut invited: Vec<&CityId> = input.invited.iter().collect();
    // An accepted response counts even if the invitation list missed the city.
    for r in input.responses {
        if !invited.contains(&&r.city) {
            invited.push(&r.city);
        }
    }
    invited.sort();
    invited.dedup();
    let cities: Vec<(&CityId, Profile)> = invited
        .iter()
        .map(|id| {
            let city = registry.get(id);
            let population = city.map(|c| c.population.count).filter(|p| *p > 0);
            (
                *id,
                Profile {
                    section: city.map(|c| c.section),
                    band: population.map(PopulationBand::of),
                    metropolis: city.map(|c| c.metropolis),
                    population,
                },
            )
        })
        .collect();
    let position: HashMap<&CityId, usize> = cities.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
    let mut values: HashMap<&str, Vec<Option<&AnswerValue>>> = HashMap::new();
    let mut entries: HashMap<&str, BTreeMap<(usize, &EntryKey), &AnswerValue>> = HashMap::new();
    let mut answering = vec![false; cities.len()];
    let mut non_answers: HashMap<&str, Vec<Option<NonAnswer>>> = HashMap::new();
    for response in input.responses {
        let at = position[&response.city];
        answering[at] = true;
        for a in &response.answers {
            if a.value.is_blank() {
                continue;
            }
            if let Some(non_answer) = a.value.non_answer() {
                if a.entry.is_none() {
                    non_answers.entry(a.question.as_str()).or_insert_with(|| vec![None; cities.len()])[at] =
                        Some(non_answer);
                }
                continue;
            }
            match &a.entry {
                None => {
                    values.entry(a.question.as_str()).or_insert_with(|| vec![None; cities.len()])[at] =
                        Some(&a.value)
                }
                Some(entry) => {
                    entries.entry(a.question.as_str()).or_default().insert((at, entry), &a.value);
                }
            }
        }
    }
    Indexed { cities, values, answering, entries, non_answers }
}

impl Indexed<'_> {
    /// A city's (non-repeat) answer to a question.
    pub fn value(&self, city: usize, question: &str) -> Option<&AnswerValue> {
        self.values.get(question).and_then(|v| v[city])
    }
}

/// The SHA-256 of the inputs, in a canonical order, as hex.
fn input_hash(input: &Input<'_>) -> String {
    let mut responses: Vec<&CityAnswers> = input.responses.iter().collect();
    responses.sort_by(|a, b| a.city.cmp(&b.city));
    let mut hasher = Sha256::new();
    let mut feed = |value: serde_json::Result<Vec<u8>>| {
        // Serialising plain data to JSON cannot fail; an empty feed would still separate parts.
        hasher.update(value.unwrap_or_default());
        hasher.update([0u8]);
    };
    feed(serde_json::to_vec(&(METHOD_VERSION, input.edition.get())));
    feed(serde_json::to_vec(input.framework));
    feed(serde_json::to_vec(input.questionnaire));
    let mut cities: Vec<&City> = input.cities.iter().collect();
    cities.sort_by(|a, b| a.id.cmp(&b.id));
    feed(serde_json::to_vec(&cities));
    let mut invited: Vec<&CityId> = input.invited.iter().collect();
    invited.sort();
    feed(serde_json::to_vec(&invited));
    feed(serde_json::to_vec(input.workshops));
    feed(serde_json::to_vec(input.earlier));
    feed(serde_json::to_vec(&input.codebook));
    feed(serde_json::to_vec(input.codings));
    feed(serde_json::to_vec(&input.index));
    // Answers are the bulk of the input: fed as raw fields with separators, not as JSON.
    for r in responses {
        // Entries as stored (`group:id`, or `''`), sorted as text: the hash does not change
        // with how entries are held in memory.
        let mut answers: Vec<(&str, String, &str)> = r
            .answers
            .iter()
            .map(|a| (a.question.as_str(), EntryKey::column(a.entry.as_ref()), a.value.as_str()))
            .collect();
        answers.sort_unstable();
        hasher.update(r.city.as_str().as_bytes());
        hasher.update([1u8]);
        for (question, entry, value) in answers {
            for field in [question, entry.as_str(), value] {
                hasher.update(field.as_bytes());
                hasher.update([0u8]);
            }
        }
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs every analysis of an edition.
pub fn analyse(input: &Input<'_>) -> Results {
    let indexed = index(input);
    let answering = indexed.answering.iter().filter(|a| **a).count();
    // The hash and the peers (the two costly parts besides the summaries) run beside them.
    let (input_hash, peers, (questions, sdg_matrix, barriers_enablers, trends)) =
        std::thread::scope(|scope| {
            let side = scope.spawn(|| (input_hash(input), peers::peers(input, &indexed)));
            let main = (
                summary::summarise_all(input, &indexed),
                sdg::matrix(input, &indexed),
                barriers::barriers_enablers(input, &indexed),
                trends::trends(input, &indexed),
            );
            let (hash, peers) = side.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (hash, peers, main)
        });
    Results {
        edition: input.edition.get(),
        method_version: METHOD_VERSION.to_string(),
        input_hash,
        invited: indexed.cities.len(),
        answering,
        questions,
        sdg_matrix,
        barriers_enablers,
        trends,
        peers,
        composite: input.index.and_then(|rule| composite::composite(input, &indexed, rule)),
        coding: input.codebook.map_or_else(Vec::new, |book| {
            let axis_of = |question: &str| {
                input
                    .questionnaire
                    .questions()
                    .into_iter()
                    .find(|l| l.question.name.as_str() == question)
                    .and_then(|l| l.groups.first().map(|g| g.name.to_string()))
                    .unwrap_or_default()
            };
            coding::frequencies(book, input.codings, input.cities, &axis_of)
        }),
    }
}
