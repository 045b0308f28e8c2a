//! Publishing an edition: freezing what it found into a numbered, immutable version (the
//! snapshot, its content hash and every file of the site, the PDFs and the open data), stored in
//! the database so that every server sharing it serves the same bytes; listing the versions;
//! withdrawing one, with a reason.

use std::time::{Duration, Instant};

use indicatif::ProgressBar;
use smartcities_domain::{EditionYear, Localized, Role};
use smartcities_publish::{Snapshot, Texts, Version, Workshop, WorkshopOutput};
use smartcities_store::{CityFilter, NewPublication, Publication, PublishedFile, StoreError, User};

use crate::{App, AppError, Refusal, Result, analysis::city_answers};

/// The longest foreword or conclusions the secretariat may write, per language.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest reason for withdrawing a version.
pub const MAX_REASON_CHARS: usize = 1_000;

/// A version just published.
#[derive(Debug, Clone)]
pub struct Published {
    /// Its number.
    pub version: u32,
    /// SHA-256 of its snapshot.
    pub content_hash: String,
    /// Its files, sorted by path.
    pub files: Vec<smartcities_publish::File>,
    /// How long making the files took.
    pub elapsed: Duration,
}

fn secretariat_only(user: &User) -> Result<()> {
    if user.role == Role::Secretariat { Ok(()) } else { Err(Refusal::Forbidden.into()) }
}

fn check_texts(texts: &Texts) -> Result<()> {
    for text in [&texts.foreword, &texts.conclusions].into_iter().flatten() {
        for lang in smartcities_domain::Lang::ALL {
            if text.get(lang).chars().count() > MAX_TEXT_CHARS {
                return Err(Refusal::TextTooLong { max: MAX_TEXT_CHARS }.into());
            }
        }
    }
    Ok(())
}

/// Today as `YYYY-MM-DD`, the day a version states.
fn today() -> String {
    smartcities_store::clock::now().chars().take(10).collect()
}

impl App {
    /// The edition as it would be published now, with the secretariat's texts. Refused if the
    /// edition was not analysed, or its results are stale.
    pub async fn snapshot(&self, year: EditionYear, texts: Texts) -> Result<Snapshot> {
        let store = &self.store;
        let edition = store.edition(year).await?.ok_or(StoreError::NoEdition(year))?;
        let (_, framework) = store.framework(year).await?.ok_or(StoreError::NoFramework(year))?;
        let (_, questionnaire) = store.questionnaire(year).await?.ok_or(StoreError::NoQuestionnaire(year))?;
        let stored = self.results(year).await?.ok_or(Refusal::NotAnalysed)?;
        if stored.stale {
            return Err(Refusal::ResultsStale.into());
        }
        if stored.results.answering == 0 {
            return Err(Refusal::NothingToPublish.into());
        }
        let invited: Vec<_> = store.responses(year).await?.into_iter().map(|r| r.city).collect();
        let cities = store
            .cities(&CityFilter::default())
            .await?
            .into_iter()
            .filter(|c| invited.contains(&c.id))
            .collect();
        let answers = city_answers(store.accepted_answers(year).await?);
        let workshops = store
            .focus_groups(year)
            .await?
            .into_iter()
            .map(|g| Workshop {
                id: g.id,
                held_on: g.held_on.to_string(),
                language: g.language,
                dynamics: g.dynamics,
                participants: g.participants,
                outputs: g
                    .outputs
                    .into_iter()
                    .map(|o| WorkshopOutput {
                        kind: o.kind.slug().to_string(),
                        axis: o.axis.map(|a| a.to_string()),
                        sdgs: o.sdgs.iter().map(ToString::to_string).collect(),
                        note: o.note,
                    })
                    .collect(),
            })
            .collect();
        Ok(Snapshot {
            edition,
            framework,
            questionnaire,
            results: stored.results,
            cities,
            answers,
            workshops,
            codebook: self.codebook(year).await?,
            texts,
        })
    }

    /// Conclusions drafted from the current results in the three languages, for the
    /// secretariat to edit before publishing.
    pub async fn draft_conclusions(&self, year: EditionYear) -> Result<Localized> {
        let snapshot = self.snapshot(year, Texts::default()).await?;
        let draft = |lang| smartcities_publish::view::draft_conclusions(&snapshot, lang);
        use smartcities_domain::Lang;
        Ok(Localized { en: draft(Lang::En), es: draft(Lang::Es), fr: draft(Lang::Fr) })
    }

    /// Publishes the next version of an edition: the snapshot, its hash and all its files in
    /// one transaction; the edition becomes published. Only the secretariat publishes.
    pub async fn publish(
        &self,
        by: &User,
        year: EditionYear,
        texts: Texts,
        progress: &ProgressBar,
    ) -> Result<Published> {
        secretariat_only(by)?;
        check_texts(&texts)?;
        let snapshot = self.snapshot(year, texts).await?;
        let version = self.store.next_publication_version(year).await?;
        let progress = progress.clone();
        let started = Instant::now();
        // Seconds of layout on every core: on the blocking pool, never on the async workers.
        let (snapshot, content_hash, files) = tokio::task::spawn_blocking(move || {
            let day = today();
            let files = smartcities_publish::publish(
                &snapshot,
                Version { number: version, published_on: &day },
                &progress,
            );
            let hash = snapshot.content_hash();
            files.map(|files| (snapshot, hash, files))
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(AppError::Internal)?;
        let elapsed = started.elapsed();
        let stored: Vec<PublishedFile> = files
            .iter()
            .map(|f| PublishedFile {
                path: f.path.clone(),
                content_type: smartcities_publish::content_type(&f.path).to_string(),
                body: f.bytes.clone(),
            })
            .collect();
        let json = serde_json::to_string(&snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
        self.store
            .save_publication(NewPublication {
                edition: year,
                version,
                content_hash: &content_hash,
                snapshot: &json,
                published_by: by.email.as_str(),
                files: &stored,
            })
            .await
            .map_err(|e| match e {
                StoreError::VersionTaken { .. } => AppError::Refused(Refusal::PublishedMeanwhile),
                other => other.into(),
            })?;
        Ok(Published { version, content_hash, files, elapsed })
    }

    /// An edition's published versions, oldest first.
    pub async fn publications(&self, year: EditionYear) -> Result<Vec<Publication>> {
        Ok(self.store.publications(year).await?)
    }

    /// The latest version of an edition that was not withdrawn.
    pub async fn current_publication(&self, year: EditionYear) -> Result<Option<Publication>> {
        Ok(self.store.publications(year).await?.into_iter().rev().find(|p| p.withdrawn.is_none()))
    }

    /// One file of a version, with the version.
    pub async fn published_file(
        &self,
        year: EditionYear,
        version: u32,
        path: &str,
    ) -> Result<Option<(Publication, PublishedFile)>> {
        let Some(publication) = self.store.publication(year, version).await? else { return Ok(None) };
        Ok(self.store.publication_file(year, version, path).await?.map(|file| (publication, file)))
    }

    /// Withdraws a version with the reason its pages will show from now on. Only the
    /// secretariat withdraws; the files are kept, never changed.
    pub async fn withdraw_publication(
        &self,
        by: &User,
        year: EditionYear,
        version: u32,
        reason: &str,
    ) -> Result<()> {
        secretariat_only(by)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Refusal::WithdrawNeedsReason.into());
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(Refusal::TextTooLong { max: MAX_REASON_CHARS }.into());
        }
        if self.store.publication(year, version).await?.is_none() {
            return Err(Refusal::NotFound.into());
        }
        self.store.withdraw_publication(year, version, reason).await?;
        Ok(())
    }
}
