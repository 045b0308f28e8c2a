//! The application layer: one function per use case of the study — open a campaign, save a
//! city's answers, return a response with comments, analyse an edition, redeem an invitation.
//! The web server and the command line are thin adapters over it: they parse their input, call
//! one use case and render what it returns. A use case checks who may do it and in which state,
//! spans the transaction, writes the outbox, and answers with a typed result or a typed
//! [`Refusal`] that every adapter translates.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

pub mod accounts;
pub mod admin;
pub mod analysis;
pub mod answer_notes;
pub mod attachments;
pub mod campaign;
pub mod campaign_mail;
pub mod carry_over;
pub mod catalogue;
mod chart_images;
pub mod coding;
pub mod community;
pub mod demo;
mod downloads;
mod error;
pub mod findings;
pub mod focus_groups;
pub mod history;
pub mod inbox;
pub mod mail;
pub mod membership;
pub mod naming;
pub mod new_edition;
pub mod people;
pub mod policy;
mod problems;
pub mod prospects;
pub mod publication;
pub mod questionnaire;
pub mod registry;
pub mod reminders;
pub mod responses;
mod review;
pub mod review_aids;
mod sections;
pub mod statements;
pub mod team;
mod team_problem;
pub mod translations;

use std::sync::Arc;

pub use smartcities_domain::{Progress, Silent};
pub use smartcities_store::{CityFilter, SessionUser, User};

pub use error::{AnswerProblem, AppError, Closure, PasswordProblem, Refusal, Result};
pub use problems::{community_problem, event_problem, synonym_problem};
use smartcities_store::Store;

/// How many heavy synchronous jobs (reading an uploaded workbook) run at once; each is bounded
/// in memory and time, so this bounds what uploads can take from the server.
const HEAVY_WORK_AT_ONCE: usize = 2;

/// The application: the store it works on and the settings its use cases share.
#[derive(Clone, Debug)]
pub struct App {
    store: Store,
    /// The address people reach the site at, for links in mail (`https://study.example.org`).
    public_url: Option<String>,
    /// Permits for heavy synchronous work on the blocking pool.
    heavy_work: Arc<tokio::sync::Semaphore>,
    /// The good-practice catalogue's search index.
    catalogue: catalogue::CatalogueIndex,
    /// The secretariat's address, which people who cannot do something are told to write to.
    contact: Option<String>,
    /// Downloads counted and not yet written.
    downloads: downloads::SharedTally,
    /// Published charts drawn as PNG.
    chart_images: chart_images::ChartImages,
}

impl App {
    /// The application over `store`, with no public address configured and the catalogue's
    /// search index in memory (it fills from the database at the first
    /// [`App::sync_catalogue`]).
    pub fn new(store: Store) -> App {
        // An index in memory needs no file; tantivy fails to make one only without memory.
        let index = smartcities_search::Catalogue::in_memory().expect("a search index in memory");
        App {
            store,
            public_url: None,
            heavy_work: Arc::new(tokio::sync::Semaphore::new(HEAVY_WORK_AT_ONCE)),
            catalogue: catalogue::CatalogueIndex::new(index),
            contact: None,
            downloads: downloads::SharedTally::default(),
            chart_images: chart_images::ChartImages::default(),
        }
    }

    /// The application reading the time from `clock` (a test's fixed clock): every record and
    /// every rule that depends on the day or the moment follows it.
    pub fn with_clock(mut self, clock: Arc<dyn smartcities_domain::Clock>) -> App {
        self.store = self.store.with_clock(clock);
        self
    }

    /// Now, by the application's clock.
    pub fn now(&self) -> smartcities_domain::Timestamp {
        self.store.now()
    }

    /// Today (UTC), by the application's clock.
    pub fn today(&self) -> smartcities_domain::Day {
        self.now().day()
    }

    /// Sets the secretariat's address that refusals point people to (the address mail comes
    /// from).
    pub fn with_contact(mut self, contact: Option<String>) -> App {
        self.contact = contact.filter(|c| !c.trim().is_empty());
        self
    }

    /// The secretariat's address, if configured.
    pub fn contact(&self) -> Option<&str> {
        self.contact.as_deref()
    }

    /// Keeps the catalogue's search index in `dir`, so a restart applies only the changes made
    /// since; a missing or damaged index is rebuilt from the database.
    pub fn with_catalogue_dir(mut self, dir: &std::path::Path) -> Result<App> {
        let index =
            smartcities_search::Catalogue::open(dir).map_err(|e| AppError::Internal(e.to_string()))?;
        self.catalogue = catalogue::CatalogueIndex::new(index);
        Ok(self)
    }

    /// Sets the address links in mail point to; without it, use cases that mail links refuse.
    pub fn with_public_url(mut self, url: Option<String>) -> App {
        self.public_url = url.map(|u| u.trim_end_matches('/').to_string());
        self
    }

    /// An edition, if there is one of that year.
    pub async fn edition(
        &self,
        year: smartcities_domain::EditionYear,
    ) -> Result<Option<smartcities_domain::Edition>> {
        Ok(self.store.study().edition(year).await?)
    }

    /// The configured public address, without a trailing slash.
    pub fn public_url(&self) -> Option<&str> {
        self.public_url.as_deref()
    }

    /// The public address, or the refusal that says it must be configured.
    fn base_url(&self) -> Result<&str> {
        self.public_url().ok_or(AppError::Refused(Refusal::PublicUrlMissing))
    }

    /// Runs heavy synchronous work on the blocking pool, a few jobs at a time, so the async
    /// workers keep answering everyone else.
    pub async fn heavy<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
        let permit =
            self.heavy_work.clone().acquire_owned().await.map_err(|e| AppError::Internal(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
    }
}
