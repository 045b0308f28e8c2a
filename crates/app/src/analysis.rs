//! The study analysis of an edition: gathering its inputs from the store (framework,
//! questionnaire, registry, invitations, accepted answers, focus groups, earlier editions the
//! framework links to), running the pure analysis, and storing what it found; and reading the
//! stored results and codebooks back. Both are kept as JSON in a versioned envelope, written and
//! read here only: a document that cannot be read is an error, never skipped.

use serde::{Deserialize, Serialize, de::DeserializeOwned};
use smartcities_analysis::{
    Answer, CityAnswers, EarlierEdition, Input, OutputKind, Results, WorkshopOutput, analyse,
    coding::{Codebook, Coding, Item},
};
use smartcities_domain::{CityId, EditionYear, Progress};
use smartcities_store::{CityFilter, StoreError, StoredAnswer};

use crate::{App, AppError, Result};

/// The shape of the stored documents; bumped when `Results` or `Codebook` change shape, which
/// makes older stored results unreadable until the edition is analysed again.
const FORMAT: u32 = 1;

#[derive(Serialize)]
struct EnvelopeRef<'a, T> {
    format: u32,
    document: &'a T,
}

#[derive(Deserialize)]
struct Envelope<T> {
    format: u32,
    document: T,
}

fn encode<T: Serialize>(document: &T) -> Result<String> {
    serde_json::to_string(&EnvelopeRef { format: FORMAT, document })
        .map_err(|e| AppError::Internal(e.to_string()))
}

fn decode<T: DeserializeOwned>(edition: EditionYear, what: &'static str, text: &str) -> Result<T> {
    let unreadable = |detail: String| AppError::Unreadable { edition, what, detail };
    #[derive(Deserialize)]
    struct Format {
        format: Option<u32>,
    }
    let format = serde_json::from_str::<Format>(text).map_err(|e| unreadable(e.to_string()))?.format;
    if format != Some(FORMAT) {
        return Err(unreadable(format!("stored in format {format:?}; this version reads format {FORMAT}")));
    }
    let envelope: Envelope<T> = serde_json::from_str(text).map_err(|e| unreadable(e.to_string()))?;
    debug_assert_eq!(envelope.format, FORMAT);
    Ok(envelope.document)
}

/// An edition's stored results and when they were computed.
#[derive(Debug, Clone)]
pub struct StoredResults {
    /// The findings.
    pub results: Results,
    /// When they were computed.
    pub computed_at: smartcities_domain::Timestamp,
    /// Whether an answer was accepted, returned or withdrawn since.
    pub stale: bool,
}

pub(crate) fn city_answers(accepted: Vec<(CityId, Vec<StoredAnswer>)>) -> Vec<CityAnswers> {
    accepted
        .into_iter()
        .map(|(city, answers)| CityAnswers {
            city,
            answers: answers
                .into_iter()
                .map(|a| Answer { question: a.question, entry: a.entry, value: a.value })
                .collect(),
        })
        .collect()
}

impl App {
    /// Analyses an edition and stores the results, replacing the previous ones.
    pub async fn analyse(&self, year: EditionYear, progress: &dyn Progress) -> Result<Results> {
        let store = &self.store;
        progress.set_length(4);
        progress.set_message("framework and questionnaire");
        // Read before the answers: a change made while analysing leaves the results stale.
        let inputs_revision = store.versions().inputs_revision(year).await?;
        let edition = store.study().edition(year).await?.ok_or(StoreError::NoEdition(year))?;
        let (_, framework) = store.study().framework(year).await?.ok_or(StoreError::NoFramework(year))?;
        let (_, questionnaire) =
            store.study().questionnaire(year).await?.ok_or(StoreError::NoQuestionnaire(year))?;
        progress.inc(1);
        progress.set_message("answers");
        let cities = store.registry().cities(&CityFilter::default()).await?;
        let invited: Vec<CityId> =
            store.answering().responses(year).await?.into_iter().map(|r| r.city).collect();
        let responses = city_answers(store.answering().accepted_answers(year).await?);
        let workshops: Vec<WorkshopOutput> = store
            .workshops()
            .focus_groups(year)
            .await?
            .into_iter()
            .flat_map(|g| g.outputs)
            .map(|o| WorkshopOutput {
                kind: match o.kind {
                    smartcities_store::OutputKind::Practice => OutputKind::Practice,
                    smartcities_store::OutputKind::Barrier => OutputKind::Barrier,
                    smartcities_store::OutputKind::Enabler => OutputKind::Enabler,
                    smartcities_store::OutputKind::Trend => OutputKind::Trend,
                },
                axis: o.axis.map(|a| a.to_string()),
                goals: smartcities_domain::sdg_goals(&o.sdgs),
            })
            .collect();
        progress.inc(1);
        progress.set_message("earlier editions");
        let mut years: Vec<EditionYear> =
            framework.questions().filter_map(|(_, _, q)| q.continues.as_ref().map(|c| c.edition)).collect();
        years.sort();
        years.dedup();
        let mut earlier = Vec::new();
        for earlier_year in years {
            if let Some((_, questionnaire)) = store.study().questionnaire(earlier_year).await? {
                let responses = city_answers(store.answering().accepted_answers(earlier_year).await?);
                earlier.push(EarlierEdition { edition: earlier_year, questionnaire, responses });
            }
        }
        let codebook = self.codebook(year).await?;
        let codings: Vec<Coding> = store
            .findings()
            .codings(year)
            .await?
            .into_iter()
            .map(|c| Coding {
                item: Item { city: c.city, question: c.question, entry: c.entry },
                coder: c.coder,
                codes: c.codes.into_iter().collect(),
            })
            .collect();
        progress.inc(1);
        progress.set_message("analysing");
        // Seconds of computation on a large edition: off the async workers.
        let (results, document) = tokio::task::spawn_blocking(move || {
            let results = analyse(&Input {
                edition: year,
                framework: &framework,
                questionnaire: &questionnaire,
                cities: &cities,
                invited: &invited,
                responses: &responses,
                workshops: &workshops,
                earlier: &earlier,
                codebook: codebook.as_ref(),
                codings: &codings,
                index: edition.index.as_ref(),
            });
            encode(&results).map(|document| (results, document))
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))??;
        store
            .findings()
            .save_results(year, &results.method_version, &results.input_hash, &document, inputs_revision)
            .await?;
        progress.inc(1);
        progress.finish();
        Ok(results)
    }

    /// The stored results of an edition, if it was analysed.
    pub async fn results(&self, year: EditionYear) -> Result<Option<StoredResults>> {
        match self.store.findings().results(year).await? {
            None => Ok(None),
            Some((document, computed_at, stale)) => {
                Ok(Some(StoredResults { results: decode(year, "results", &document)?, computed_at, stale }))
            }
        }
    }

    /// The codebook an edition's free text is coded with, if it has one.
    pub async fn codebook(&self, year: EditionYear) -> Result<Option<Codebook>> {
        self.store
            .findings()
            .codebook(year)
            .await?
            .map(|document| decode(year, "codebook", &document))
            .transpose()
    }

    /// Sets an edition's codebook.
    pub async fn set_codebook(&self, year: EditionYear, codebook: &Codebook) -> Result<()> {
        Ok(self.store.findings().set_codebook(year, &encode(codebook)?).await?)
    }
}

/// The codebook shipped with smartcities, used by the demonstration and as a starting point.
pub const DEFAULT_CODEBOOK: (&str, &str) =
    ("data/codebooks/default.toml", include_str!("../../../data/codebooks/default.toml"));

/// A codebook from its TOML file; `name` locates errors.
pub fn parse_codebook(name: &str, text: &str) -> std::result::Result<Codebook, String> {
    let codebook: Codebook = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    let problems = codebook.problems();
    if !problems.is_empty() {
        return Err(format!("{name}: {}", problems.join("; ")));
    }
    Ok(codebook)
}
