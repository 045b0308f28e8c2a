//! The catalogue's search index, kept in step with the database's change sequence on every
//! server, and searched as the viewer may.

use std::{collections::HashMap, sync::Arc};

use smartcities_analysis::PopulationBand;
use smartcities_domain::{City, CityId, Lang};
use smartcities_locale::t;
use smartcities_search::{Catalogue, Entry};
use smartcities_store::{StoreError, StoredPractice, User};

use super::*;
use crate::{App, AppError, Result};

/// `2026-11-26T19:04:05Z` as 20261126190405, the index's date order.
pub(super) fn when(timestamp: &str) -> u64 {
    timestamp.bytes().filter(u8::is_ascii_digit).take(14).fold(0, |n, b| n * 10 + u64::from(b - b'0'))
}

/// The catalogue's search index and the lock that keeps one catch-up at a time.
#[derive(Debug, Clone)]
pub(crate) struct CatalogueIndex {
    pub(super) index: Arc<Catalogue>,
    sync: Arc<tokio::sync::Mutex<()>>,
    /// Whether the index has caught up with the database once since it was opened.
    primed: Arc<std::sync::atomic::AtomicBool>,
}

impl CatalogueIndex {
    pub(crate) fn new(index: Catalogue) -> CatalogueIndex {
        CatalogueIndex { index: Arc::new(index), sync: Arc::default(), primed: Arc::default() }
    }
}

impl App {
    /// Brings the search index up to the database's catalogue sequence: the changes after the
    /// one it last applied, whichever server made them; everything again if the index is
    /// ahead of the database (a restored backup). Answers how many practices it applied.
    pub async fn sync_catalogue(&self) -> Result<usize> {
        let _one_at_a_time = self.catalogue.sync.lock().await;
        let index = self.catalogue.index.clone();
        // Synonyms another server saved take effect here too.
        let synonyms = self.stored_synonyms().await?;
        if index.synonyms() != synonyms {
            index.set_synonyms(synonyms);
        }
        let seq = self.store.catalogue().catalogue_seq().await?;
        let mut applied = i64::try_from(index.applied()).unwrap_or(i64::MAX);
        if applied == seq {
            self.catalogue.primed.store(true, std::sync::atomic::Ordering::SeqCst);
            return Ok(0);
        }
        if applied > seq {
            let index = index.clone();
            self.blocking(move || index.rebuild(Vec::new(), 0)).await?;
            applied = 0;
        }
        let mut cities: HashMap<CityId, City> = HashMap::new();
        let sub_areas = self.sub_area_names().await?;
        let mut count = 0;
        loop {
            let changed = self.store.catalogue().practices_changed_after(applied, SYNC_BATCH).await?;
            let Some(last) = changed.last().map(|p| p.seq) else { break };
            let mut entries = Vec::with_capacity(changed.len());
            for stored in changed.iter() {
                let city_id = &stored.practice.city;
                if !cities.contains_key(city_id) {
                    let city =
                        self.store.registry().city(city_id).await?.ok_or_else(|| {
                            StoreError::Corrupt(format!("practice of unknown city {city_id}"))
                        })?;
                    cities.insert(city_id.clone(), city);
                }
                let city = &cities[city_id];
                entries.push(entry(stored.clone(), city, &sub_areas));
            }
            count += entries.len();
            let index = index.clone();
            let up_to = u64::try_from(last).unwrap_or(0);
            self.blocking(move || index.apply(&entries, up_to)).await?;
            applied = last;
            if changed.len() < SYNC_BATCH as usize {
                break;
            }
        }
        self.catalogue.primed.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(count)
    }

    /// The index, caught up with the database if it never was since it was opened (a server
    /// keeps it in step afterwards).
    pub(super) async fn primed_index(&self) -> Result<Arc<Catalogue>> {
        if !self.catalogue.primed.load(std::sync::atomic::Ordering::SeqCst) {
            self.sync_catalogue().await?;
        }
        Ok(self.catalogue.index.clone())
    }

    /// Runs search-index work on the blocking pool.
    pub(super) async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> smartcities_search::Result<T> + Send + 'static,
    ) -> Result<T> {
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Searches the catalogue as `viewer` may see it.
    pub async fn search_practices(&self, viewer: Option<&User>, mut search: Search) -> Result<Found> {
        search.visibility = visibility(viewer);
        // Statuses are the secretariat's and analysts' business.
        let staff = matches!(search.visibility, Visibility::Everything);
        if !staff {
            search.filters.status = None;
        }
        let index = self.primed_index().await?;
        let mut found = self.blocking(move || index.search(&search)).await?;
        if !staff {
            found.facets.remove("status");
        }
        Ok(found)
    }
}

/// Sub-area names by code, in each language, from the editions' frameworks (the newest
/// edition's name where two differ): practices are found by their sub-area's name.
#[derive(Debug, Default)]
pub(super) struct SubAreaNames(HashMap<String, smartcities_domain::Localized>);

impl App {
    pub(super) async fn sub_area_names(&self) -> Result<SubAreaNames> {
        let mut names = HashMap::new();
        let mut editions = self.store.study().editions().await?;
        editions.sort_by_key(|e| std::cmp::Reverse(e.year));
        for edition in editions {
            if let Some((_, framework)) = self.store.study().framework(edition.year).await? {
                for sub in framework.axes.iter().flat_map(|a| &a.sub_areas) {
                    names.entry(sub.code.to_string()).or_insert_with(|| sub.label.clone());
                }
            }
        }
        Ok(SubAreaNames(names))
    }
}

/// What a reader of `lang` may type to find a practice besides its text: its axis's, sub-area's,
/// goals' and city's names in that language.
fn labels(
    practice: &smartcities_domain::Practice,
    city: &City,
    sub_areas: &SubAreaNames,
    lang: Lang,
) -> String {
    let mut words = vec![t(lang, &format!("axis-{}", practice.axis.slug()))];
    if let Some(name) = practice.sub_area.as_ref().and_then(|code| sub_areas.0.get(code)) {
        words.push(name.get(lang).to_string());
    }
    let goals: std::collections::BTreeSet<u8> = practice.sdgs.iter().copied().chain([practice.sdg]).collect();
    words.extend(goals.iter().map(|g| t(lang, &format!("sdg-{g}"))));
    words.push(city.name_in(lang).to_string());
    words.join("\n")
}

/// What the index takes of a stored practice and its city.
pub(super) fn entry(stored: StoredPractice, city: &City, sub_areas: &SubAreaNames) -> Entry {
    let stamp = stored.published_at.unwrap_or(stored.updated_at).to_string();
    Entry {
        labels: Lang::ALL
            .iter()
            .map(|lang| (*lang, labels(&stored.practice, city, sub_areas, *lang)))
            .collect(),
        when: when(&stamp),
        status: stored.status,
        city_name: city.name.clone(),
        city_names: city.names.clone(),
        section: city.section.slug().to_string(),
        band: (city.population.count > 0)
            .then(|| PopulationBand::of(city.population.count).slug().to_string()),
        practice: stored.practice,
    }
}

/// The card a stored practice shows, for finding related ones.
pub(super) fn card_of(stored: &StoredPractice, city: &City) -> Card {
    Entry::card(&entry(stored.clone(), city, &SubAreaNames::default()))
}
