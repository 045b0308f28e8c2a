//! A city's name in each language: the secretariat gives its English name (the registry's, and
//! the fallback) and, where they differ, its Spanish and French names (Lisboa, Lisbonne), which
//! pages, files and exports in those languages then show.

use smartcities_domain::{City, CityId, CityNames, CommunityProblem, Role};
use smartcities_store::User;

use crate::{App, Refusal, Result};

/// How long a city's name may be, in characters.
pub const MAX_CITY_NAME: usize = 120;

/// A city's names as the secretariat typed them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedNames {
    /// The English name, required.
    pub en: String,
    /// The Spanish name; blank when it is the English one.
    pub es: String,
    /// The French name; blank when it is the English one.
    pub fr: String,
}

fn problem(name: &str, required: bool) -> Option<CommunityProblem> {
    if name.contains(char::is_control) {
        Some(CommunityProblem::ControlCharacter)
    } else if required && name.is_empty() {
        Some(CommunityProblem::Missing)
    } else if name.chars().count() > MAX_CITY_NAME {
        Some(CommunityProblem::TooLong { max: MAX_CITY_NAME })
    } else {
        None
    }
}

impl App {
    /// Renames a city in each language; a Spanish or French name left blank, or equal to the
    /// English one, is none (the English name shows). Secretariat only; every problem is named
    /// by its field (`name_en`, `name_es`, `name_fr`) and nothing is saved on any.
    pub async fn rename_city(&self, user: &User, id: &CityId, typed: &TypedNames) -> Result<City> {
        if user.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let mut city = self.store.registry().city(id).await?.ok_or(Refusal::NotFound)?;
        let (en, es, fr) = (typed.en.trim(), typed.es.trim(), typed.fr.trim());
        let problems: Vec<(String, CommunityProblem)> =
            [("name_en", en, true), ("name_es", es, false), ("name_fr", fr, false)]
                .into_iter()
                .filter_map(|(field, name, required)| problem(name, required).map(|p| (field.to_string(), p)))
                .collect();
        if !problems.is_empty() {
            return Err(Refusal::CommunityInvalid(problems).into());
        }
        let own = |name: &str| (!name.is_empty() && name != en).then(|| name.to_string());
        city.name = en.to_string();
        city.names = CityNames { es: own(es), fr: own(fr) };
        self.store.registry().upsert_cities(std::slice::from_ref(&city)).await?;
        Ok(city)
    }
}
