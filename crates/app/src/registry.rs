//! Reading the network and the study as the public sees them: the city registry, members and
//! partners, the editions with their frameworks and questionnaires, and the site's own state
//! (the public data's version, whether illustrative records are shown, whether the database
//! answers). Nothing here is restricted: everything it returns is public.

use std::collections::BTreeMap;

use smartcities_domain::{
    City, CityId, Edition, EditionYear, Framework, FrameworkVersion, Member, Partner, PublishedVersion,
    QuestionnaireVersion,
};
use smartcities_questionnaire::Questionnaire;
use smartcities_store::CityFilter;

use crate::{App, Result};

/// The network in three numbers, as the home page states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkSize {
    /// Member cities on the registry.
    pub members: usize,
    /// Countries they are in.
    pub countries: usize,
    /// UCLG sections they belong to.
    pub sections: usize,
}

impl App {
    /// The registry's cities, filtered by country or section.
    pub async fn cities(&self, filter: &CityFilter) -> Result<Vec<City>> {
        Ok(self.store.registry().cities(filter).await?)
    }

    /// One city of the registry.
    pub async fn city(&self, id: &CityId) -> Result<Option<City>> {
        Ok(self.store.registry().city(id).await?)
    }

    /// A city's name, or its id when the registry does not know it.
    pub async fn city_name(&self, id: &CityId) -> Result<String> {
        Ok(self.store.registry().city(id).await?.map_or_else(|| id.to_string(), |c| c.name))
    }

    /// The member cities, whatever their status.
    pub async fn members(&self) -> Result<Vec<Member>> {
        Ok(self.store.registry().members().await?)
    }

    /// A city's membership, if it has one.
    pub async fn member(&self, city: &CityId) -> Result<Option<Member>> {
        Ok(self.store.registry().member(city).await?)
    }

    /// The partner organisations.
    pub async fn partners(&self) -> Result<Vec<Partner>> {
        Ok(self.store.registry().partners().await?)
    }

    /// How many member cities, countries and sections the network spans.
    pub async fn network_size(&self) -> Result<NetworkSize> {
        let members: std::collections::HashSet<CityId> =
            self.store.registry().members().await?.into_iter().map(|m| m.city).collect();
        let cities: Vec<City> = self
            .store
            .registry()
            .cities(&CityFilter::default())
            .await?
            .into_iter()
            .filter(|c| members.contains(&c.id))
            .collect();
        let countries: std::collections::BTreeSet<&str> = cities.iter().map(|c| c.country.as_str()).collect();
        let sections: std::collections::BTreeSet<_> = cities.iter().map(|c| c.section).collect();
        Ok(NetworkSize { members: cities.len(), countries: countries.len(), sections: sections.len() })
    }

    /// Every edition, oldest first.
    pub async fn editions(&self) -> Result<Vec<Edition>> {
        Ok(self.store.study().editions().await?)
    }

    /// An edition's current framework and its version number.
    pub async fn framework(&self, year: EditionYear) -> Result<Option<(FrameworkVersion, Framework)>> {
        Ok(self.store.study().framework(year).await?)
    }

    /// An edition's current questionnaire and its version number.
    pub async fn questionnaire_of(
        &self,
        year: EditionYear,
    ) -> Result<Option<(QuestionnaireVersion, Questionnaire)>> {
        Ok(self.store.study().questionnaire(year).await?)
    }

    /// The current public version of every edition that has one.
    pub async fn current_versions(&self) -> Result<BTreeMap<EditionYear, PublishedVersion>> {
        Ok(self.store.versions().current_versions().await?)
    }

    /// Whether an edition has stored results.
    pub async fn has_results(&self, year: EditionYear) -> Result<bool> {
        Ok(self.store.findings().has_results(year).await?)
    }

    /// How many cities were invited to an edition.
    pub async fn invited_count(&self, year: EditionYear) -> Result<usize> {
        Ok(self.store.answering().responses(year).await?.len())
    }

    /// Whether illustrative records are on show (the demonstration), so pages can say so.
    pub async fn has_illustrative_data(&self) -> Result<bool> {
        Ok(self.store.registry().has_illustrative_data().await?)
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        Ok(self.store.ping().await?)
    }

    /// The version of the public data this server last saw: it moves on with every public
    /// change, here or on another server.
    pub fn site_version(&self) -> u64 {
        self.store.site_version()
    }

    /// Catches up with what other servers sharing the database changed: the catalogue's search
    /// index, then the public data's version. The version is read before the index catches up
    /// and taken on after, so a page cached under it never misses a practice changed before it.
    pub async fn catch_up(&self) -> Result<u64> {
        let version = self.store.stored_site_version().await?;
        self.sync_catalogue().await?;
        Ok(self.store.note_site_version(version))
    }
}
