//! A good practice of the catalogue: what a city did, why, with whom, at what cost, with which
//! results, and what another city needs to do the same — in one or more languages, the original
//! marked — with its place in the study (axis, sub-area, SDGs) and its state in the catalogue.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{ApproxDate, CityId, EditionYear, Email, Lang, ParseError, SdgTarget, StudyAxis, Written};

vocabulary! {
    /// Where a practice stands in the catalogue.
    PracticeStatus {
        /// Being written or reviewed; seen by its city and the secretariat only.
        Draft => "draft",
        /// Public.
        Published => "published",
        /// Sent back to its city with comments.
        Returned => "returned",
    }
}

vocabulary! {
    /// Where the practice itself stands in its city.
    Stage {
        /// Planned.
        Planned => "planned",
        /// Tried at a small scale.
        Pilot => "pilot",
        /// Running.
        Running => "running",
        /// Extended beyond its pilot.
        Scaled => "scaled",
        /// Finished.
        Ended => "ended",
    }
}

vocabulary! {
    /// Who takes part in a practice.
    Actor {
        /// The city or another public body.
        Public => "public",
        /// Companies.
        Private => "private",
        /// Universities and research centres.
        Academia => "academia",
        /// Residents' associations, NGOs.
        CivilSociety => "civil_society",
    }
}

vocabulary! {
    /// A practice's budget, in euros or their equivalent.
    BudgetRange {
        /// Under 50,000.
        Under50k => "under_50k",
        /// 50,000 to 250,000.
        From50kTo250k => "50k_250k",
        /// 250,000 to 1 million.
        From250kTo1m => "250k_1m",
        /// Over 1 million.
        Over1m => "over_1m",
    }
}

vocabulary! {
    /// How hard or costly a practice is to copy.
    Effort {
        /// Little.
        Low => "low",
        /// Some.
        Medium => "medium",
        /// Much.
        High => "high",
    }
}

vocabulary! {
    /// The inequality a practice works against.
    Inequality {
        /// Between incomes.
        Income => "income",
        /// Between women and men.
        Gender => "gender",
        /// Between generations.
        Age => "age",
        /// For people with disabilities.
        Disability => "disability",
        /// Between neighbourhoods or territories.
        Territorial => "territorial",
        /// In access to and skills for digital services.
        Digital => "digital",
        /// For migrants and refugees.
        Migration => "migration",
    }
}

/// A practice's id: lowercase letters, digits and hyphens, at most 80 characters
/// (`es-bilbao-open-data-portal`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PracticeId(String);

string_schema!(
    PracticeId,
    "es-bilbao-open-data-portal",
    "A practice's id: lowercase letters, digits and hyphens"
);

impl PracticeId {
    /// Parses an id.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let valid = !input.is_empty()
            && input.len() <= 80
            && input.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !input.starts_with('-')
            && !input.ends_with('-');
        if valid {
            Ok(PracticeId(input.to_string()))
        } else {
            Err(ParseError::new(format!(
                "{input:?} is not a practice id: use lowercase letters, digits and hyphens, at most 80 characters"
            )))
        }
    }

    /// An id made of a city and words (a title), folded to ASCII and cut to length.
    pub fn from_words(city: &CityId, words: &str) -> PracticeId {
        let mut slug = String::new();
        for c in words.chars().flat_map(fold) {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let mut id = format!("{city}-{}", slug.trim_matches('-'));
        id.truncate(80);
        PracticeId(id.trim_end_matches('-').to_string())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The base letter of an accented Latin letter, so ids stay ASCII.
fn fold(c: char) -> Vec<char> {
    let base = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        'œ' => return vec!['o', 'e'],
        other => other,
    };
    vec![base]
}

impl TryFrom<String> for PracticeId {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PracticeId::parse(&value)
    }
}

impl From<PracticeId> for String {
    fn from(id: PracticeId) -> String {
        id.0
    }
}

impl std::fmt::Display for PracticeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A result with its indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    /// What is measured (`Leaks found per month`).
    pub name: String,
    /// The figure, with its unit and date (`-48 % in 2023`).
    pub value: String,
}

/// What another city needs to copy a practice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transferability {
    /// What must be in place first (a data platform, a legal basis, a partner).
    pub preconditions: Option<Written>,
    /// How costly it is to copy.
    pub cost: Option<Effort>,
    /// How complex it is to copy.
    pub complexity: Option<Effort>,
    /// What a city needs to do the same, in its own words.
    pub needs: Option<Written>,
}

/// Whom to ask about a practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// A name or an office.
    pub name: String,
    /// An address.
    pub email: Option<Email>,
}

/// Where a practice came from in a questionnaire: the edition and the entry of the city's
/// good-practices group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PracticeSource {
    /// The edition.
    pub edition: EditionYear,
    /// The entry's number.
    pub entry: u64,
}

/// A good practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Practice {
    /// Its id.
    pub id: PracticeId,
    /// The city that runs it.
    pub city: CityId,
    /// The editions of the study it was reported in.
    pub editions: Vec<EditionYear>,
    /// Its title.
    pub title: Written,
    /// What it is, in a few sentences.
    pub summary: Written,
    /// The study axis it belongs to.
    pub axis: StudyAxis,
    /// The framework's sub-area, by code, if known.
    pub sub_area: Option<String>,
    /// The goal it contributes to most (1–17).
    pub sdg: u8,
    /// Every goal it contributes to, the primary one included, in order.
    pub sdgs: Vec<u8>,
    /// SDG targets it contributes to (`11.3`).
    pub targets: Vec<SdgTarget>,
    /// The inequalities it works against.
    pub inequalities: Vec<Inequality>,
    /// The challenge it addresses.
    pub challenge: Option<Written>,
    /// Its objectives.
    pub objectives: Option<Written>,
    /// What was done.
    pub actions: Option<Written>,
    /// The technologies it uses.
    pub technologies: Vec<String>,
    /// Who takes part.
    pub actors: Vec<Actor>,
    /// When it started.
    pub started: Option<ApproxDate>,
    /// When it ended.
    pub ended: Option<ApproxDate>,
    /// Where it stands.
    pub stage: Option<Stage>,
    /// Its budget.
    pub budget: Option<BudgetRange>,
    /// Who pays for it.
    pub funding: Option<String>,
    /// What it achieved.
    pub results: Option<Written>,
    /// How its results are measured.
    pub indicators: Vec<Indicator>,
    /// What another city needs to copy it.
    pub transferability: Transferability,
    /// What the city learnt.
    pub lessons: Option<Written>,
    /// Links to read more (http or https).
    pub links: Vec<String>,
    /// Links to images (http or https).
    pub images: Vec<String>,
    /// Pictures uploaded for it, by id (the SHA-256 of the picture as stored), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<String>,
    /// Whom to ask.
    pub contact: Option<Contact>,
    /// Whether the city agreed to publish it.
    pub consent: bool,
    /// Whether it was written for the demonstration.
    pub illustrative: bool,
    /// Where it came from in a questionnaire, if it did.
    pub source: Option<PracticeSource>,
}

/// A link a practice may carry: http or https, nothing that runs in a page.
pub fn web_link(input: &str) -> Result<String, ParseError> {
    let link = input.trim();
    let lower = link.to_ascii_lowercase();
    let valid = (lower.starts_with("https://") || lower.starts_with("http://"))
        && link.len() > 8
        && link.len() <= 2_000
        && !link.chars().any(|c| c.is_control() || c.is_whitespace());
    if valid {
        Ok(link.to_string())
    } else {
        Err(ParseError::new(format!("{link:?} is not an http or https link")))
    }
}

impl Practice {
    /// A practice with its essentials; every other field empty, no consent yet.
    pub fn new(id: PracticeId, city: CityId, title: Written, axis: StudyAxis, sdg: u8) -> Practice {
        let summary = Written { original: title.original, text: BTreeMap::new() };
        Practice {
            id,
            city,
            editions: Vec::new(),
            title,
            summary,
            axis,
            sub_area: None,
            sdg,
            sdgs: vec![sdg],
            targets: Vec::new(),
            inequalities: Vec::new(),
            challenge: None,
            objectives: None,
            actions: None,
            technologies: Vec::new(),
            actors: Vec::new(),
            started: None,
            ended: None,
            stage: None,
            budget: None,
            funding: None,
            results: None,
            indicators: Vec::new(),
            transferability: Transferability::default(),
            lessons: None,
            links: Vec::new(),
            images: Vec::new(),
            pictures: Vec::new(),
            contact: None,
            consent: false,
            illustrative: false,
            source: None,
        }
    }

    /// The languages any of its texts is written or translated in.
    pub fn languages(&self) -> Vec<Lang> {
        let mut langs: Vec<Lang> = self.title.text.keys().chain(self.summary.text.keys()).copied().collect();
        langs.sort();
        langs.dedup();
        langs
    }

    /// Every text of the practice, for the search index.
    pub fn texts(&self) -> Vec<&Written> {
        let mut texts = vec![&self.summary];
        texts.extend(
            [&self.challenge, &self.objectives, &self.actions, &self.results, &self.lessons]
                .into_iter()
                .flatten(),
        );
        texts
            .extend([&self.transferability.preconditions, &self.transferability.needs].into_iter().flatten());
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_slugs_of_city_and_title() {
        let city = CityId::parse("es-bilbao").unwrap();
        let id = PracticeId::from_words(&city, "Presupuestos participativos: ¡Bilbao decide!");
        assert_eq!(id.as_str(), "es-bilbao-presupuestos-participativos-bilbao-decide");
        assert!(PracticeId::parse("Es-Bilbao").is_err() && PracticeId::parse("a--").is_err());
        let long = PracticeId::from_words(&city, &"mobilité ".repeat(30));
        assert!(long.as_str().len() <= 80 && !long.as_str().ends_with('-'), "{long}");
        assert!(PracticeId::parse(long.as_str()).is_ok());
    }

    #[test]
    fn written_text_marks_translations() {
        let mut text = Written::new(Lang::Es, "Movilidad sostenible");
        assert_eq!(text.get(Lang::Es), ("Movilidad sostenible", false));
        assert_eq!(text.get(Lang::Fr), ("Movilidad sostenible", false), "the original stands in");
        text.set(Lang::Fr, "Mobilité durable");
        assert_eq!(text.get(Lang::Fr), ("Mobilité durable", true));
        text.set(Lang::Fr, " ");
        assert_eq!(text.exactly(Lang::Fr), None, "an empty translation is removed");
    }

    #[test]
    fn vocabularies_round_trip_and_links_are_web_only() {
        for budget in BudgetRange::ALL {
            assert_eq!(BudgetRange::parse(budget.slug()).unwrap(), *budget);
        }
        assert!(Actor::parse("media").unwrap_err().0.contains("civil_society"));
        assert!(web_link("https://www.bilbao.eus/opendata").is_ok());
        assert!(web_link("javascript:alert(1)").is_err() && web_link("https://a b").is_err());
    }
}
