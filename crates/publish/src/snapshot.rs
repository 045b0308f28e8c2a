//! What a published version freezes: the edition, its framework and questionnaire, the accepted
//! answers as published, the findings, the focus groups and the cities, plus the secretariat's
//! foreword and conclusions. Everything a publication shows is computed from it, so a version's
//! files can always be made again from its snapshot.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use smartcities_analysis::{CityAnswers, Results, coding::Codebook};
use smartcities_domain::{City, CityId, Edition, Framework, Lang, Localized, Written};
use smartcities_questionnaire::Questionnaire;

/// One output of a focus group, as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopOutput {
    /// `practice`, `barrier`, `enabler` or `trend`.
    pub kind: String,
    /// The axis it bears on, if any.
    pub axis: Option<String>,
    /// The SDG goals or targets it is linked to.
    pub sdgs: Vec<String>,
    /// The output in the secretariat's words.
    pub note: String,
}

/// A focus group, as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    /// Its id in the edition.
    pub id: String,
    /// When it was held (a month or a day).
    pub held_on: smartcities_domain::ApproxDate,
    /// The language it was held in.
    pub language: Lang,
    /// The dynamics it followed.
    pub dynamics: String,
    /// The cities that took part.
    pub participants: Vec<CityId>,
    /// What came out of it.
    pub outputs: Vec<WorkshopOutput>,
}

/// The secretariat's own words for a version, per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    /// The foreword of the report.
    pub foreword: Option<Localized>,
    /// The conclusions, drafted from the data and edited before publishing.
    pub conclusions: Option<Localized>,
    /// What changed since the previous version, in the secretariat's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Localized>,
    /// The language the secretariat wrote them in; the others are translations. Versions
    /// published before it was asked name none: their first language with a text counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Lang>,
}

/// The version a new one follows, as its note on what changed states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Previous {
    /// Its number.
    pub version: smartcities_domain::PublishedVersion,
    /// How many cities' answers it was based on.
    pub answering: usize,
}

/// An edition frozen for publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The edition.
    pub edition: Edition,
    /// Its framework.
    pub framework: Framework,
    /// Its questionnaire as answered.
    pub questionnaire: Questionnaire,
    /// The findings.
    pub results: Results,
    /// The registry's cities invited to the edition.
    pub cities: Vec<City>,
    /// The accepted answers, by city.
    pub answers: Vec<CityAnswers>,
    /// The focus groups.
    pub workshops: Vec<Workshop>,
    /// The codebook free text was coded with, if any.
    pub codebook: Option<Codebook>,
    /// The secretariat's foreword and conclusions.
    pub texts: Texts,
    /// Made while cities were still answering: every page and file says its findings are
    /// provisional.
    #[serde(default)]
    pub provisional: bool,
    /// The version this one follows, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    /// The catalogue's published practices linked to the edition.
    #[serde(default)]
    pub practices: Vec<Practice>,
    /// The platform's public address when it was published, so the site can point to the live
    /// figures there (`None` when no address was configured: a static copy has no such link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// The figures earlier editions' reports published, each edition oldest first: the study's
    /// history, which the open data carries as a table of its own with sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PastFigures>,
}

/// An earlier edition's published figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastFigures {
    /// The edition's year.
    pub year: u16,
    /// Its figures, in the order they were given.
    pub figures: Vec<smartcities_domain::PublishedFigure>,
}

/// A good practice of the catalogue as the edition publishes it: consented, edited by the
/// secretariat, each text in its original language with the translations it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Practice {
    /// Its id in the catalogue (its page is `/practices/{id}`).
    pub id: String,
    /// The city's id.
    pub city: CityId,
    /// The city's name (a practice's city need not have been invited to the edition).
    #[serde(default)]
    pub city_name: String,
    /// The city's name in Spanish and French where the registry has one.
    #[serde(default, skip_serializing_if = "smartcities_domain::CityNames::is_empty")]
    pub city_names: smartcities_domain::CityNames,
    /// Its title.
    pub title: Written,
    /// Its summary.
    pub summary: Written,
    /// The framework's axis it belongs to (code).
    pub axis: String,
    /// The SDG goals it is linked to (1–17).
    pub sdgs: Vec<u8>,
    /// The pictures uploaded for it, by id; each is published as `site/pictures/{id}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<String>,
}

impl Snapshot {
    /// SHA-256 of the snapshot's canonical JSON: equal hashes, equal content.
    pub fn content_hash(&self) -> String {
        let json = serde_json::to_vec(self).expect("a snapshot serialises");
        Sha256::digest(&json).iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The cities whose response was accepted, in the registry's order.
    pub fn answering(&self) -> Vec<&City> {
        self.cities.iter().filter(|c| self.answers.iter().any(|a| a.city == c.id)).collect()
    }

    /// A city of the edition.
    pub fn city(&self, id: &CityId) -> Option<&City> {
        self.cities.iter().find(|c| &c.id == id)
    }

    /// The accepted answers of one city.
    pub fn answers_of(&self, id: &CityId) -> &[smartcities_analysis::Answer] {
        self.answers.iter().find(|a| &a.city == id).map_or(&[], |a| a.answers.as_slice())
    }

    /// The catalogue's published practices linked to the edition, by city then id; never
    /// taken from answers.
    pub fn practices(&self) -> Vec<Practice> {
        self.practices.clone()
    }

    /// Whether the public sees composite scores and levels: only where the edition opts in.
    pub fn public_scores(&self) -> bool {
        self.edition.public_scores
    }
}
