//! Inviting cities beyond the members: the study seeks the widest participation. The
//! secretariat invites any city of the registry that is not a current member, or a new city
//! found by name in the shipped gazetteer, with the person who will answer. The city is then
//! invited like a member — an account, a response, an invitation in the contact's language —
//! and counts in the edition's participation like any other.

use smartcities_collect::{GAZETTEER_SOURCE, Gazetteer, Place};
use smartcities_domain::{City, CityId, EditionYear, Email, Lang, Population, Role, Section};
use smartcities_store::{CityFilter, User};

use crate::{App, Refusal, Result, accounts::new_token, campaign_mail::CampaignProblem};

/// Places offered for one search.
const MAX_PLACES: usize = 12;
/// The longest contact name, in characters.
const MAX_NAME_CHARS: usize = 200;

/// The city a prospect invitation is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProspectCity {
    /// A city of the registry.
    Registry(CityId),
    /// A place of the gazetteer, by its GeoNames id: the registry's city of the same name and
    /// country, else a new city of the registry.
    Place(u32),
}

/// The person who will answer for a prospect city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Their name.
    pub name: String,
    /// Their address, as typed.
    pub email: String,
    /// The language their mail is written in.
    pub lang: Lang,
}

impl App {
    /// The cities of the registry the edition could still reach beyond its members: not a
    /// current member and not yet invited. Secretariat only.
    pub async fn prospect_cities(&self, by: &User, year: EditionYear) -> Result<Vec<City>> {
        if by.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        self.edition_or_refuse(year).await?;
        let members: Vec<CityId> = self
            .store
            .registry()
            .members()
            .await?
            .into_iter()
            .filter(|m| m.status.is_current())
            .map(|m| m.city)
            .collect();
        let invited: Vec<CityId> =
            self.store.answering().responses(year).await?.into_iter().map(|r| r.city).collect();
        Ok(self
            .store
            .registry()
            .cities(&CityFilter::default())
            .await?
            .into_iter()
            .filter(|c| !members.contains(&c.id) && !invited.contains(&c.id))
            .collect())
    }

    /// Places of the gazetteer named like `name` (case and accents aside), most populous first.
    /// Secretariat only.
    pub async fn prospect_places(&self, by: &User, name: &str) -> Result<Vec<Place>> {
        if by.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let name: String = name.trim().chars().take(100).collect();
        if name.is_empty() {
            return Ok(Vec::new());
        }
        Ok(Gazetteer::shipped().search(&name, None, MAX_PLACES).into_iter().cloned().collect())
    }

    /// Invites a city that is not a member to answer the edition: the city enters the registry
    /// when it is new, its contact gets a respondent account and an invitation in their
    /// language, and its response is opened. Every check is made before anything is written.
    /// Secretariat only. Returns the city.
    pub async fn invite_prospect(
        &self,
        by: &User,
        year: EditionYear,
        city: &ProspectCity,
        contact: &Contact,
    ) -> Result<City> {
        if by.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let edition = self.edition_or_refuse(year).await?;
        self.base_url()?;
        let name: String = contact.name.trim().chars().filter(|c| !c.is_control()).collect();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(CampaignProblem::ContactNameMissing.into());
        }
        let email = Email::parse(contact.email.trim()).map_err(|_| CampaignProblem::ContactAddressInvalid)?;
        let (city, new) = self.prospect_city(city).await?;
        if self.store.answering().response(year, &city.id).await?.is_some() {
            let name = city.name_in(contact.lang).to_string();
            return Err(CampaignProblem::AlreadyInvited { city: name }.into());
        }
        if let Some(existing) = self.store.accounts().user_by_email(&email).await?
            && existing.city.as_ref() != Some(&city.id)
        {
            return Err(CampaignProblem::AddressTaken.into());
        }
        if new {
            self.store.registry().upsert_cities(std::slice::from_ref(&city)).await?;
        }
        let id = format!("prospect-{}-{}", city.id, &new_token()[..8]);
        let user = self
            .store
            .accounts()
            .ensure_user(&id, &email, &name, Role::Respondent, Some(&city.id), Some(contact.lang))
            .await?;
        self.store.answering().open_response(year, &city.id).await?;
        let written = self.store.campaigns().texts(year).await?;
        self.send_invitation(&edition, &written, &city, &user).await?;
        Ok(city)
    }

    /// The registry's city a prospect invitation names, and whether it is new to the registry.
    async fn prospect_city(&self, wanted: &ProspectCity) -> Result<(City, bool)> {
        match wanted {
            ProspectCity::Registry(id) => {
                Ok((self.store.registry().city(id).await?.ok_or(Refusal::NotFound)?, false))
            }
            ProspectCity::Place(geonameid) => {
                let place = Gazetteer::shipped().place(*geonameid).ok_or(Refusal::NotFound)?;
                let known = self
                    .store
                    .registry()
                    .cities(&CityFilter::default())
                    .await?
                    .into_iter()
                    .find(|c| c.country == place.country && c.name.eq_ignore_ascii_case(&place.name));
                if let Some(city) = known {
                    return Ok((city, false));
                }
                let city = City {
                    id: self.free_city_id(&place.name, &place.country).await?,
                    name: place.name.clone(),
                    local_name: None,
                    names: Default::default(),
                    section: Section::for_country(&place.country).ok_or(Refusal::NotFound)?,
                    country: place.country.clone(),
                    metropolis: false,
                    population: Population {
                        count: place.population,
                        year: None,
                        source: Some(GAZETTEER_SOURCE.into()),
                    },
                    location: place.location,
                };
                Ok((city, true))
            }
        }
    }
}
