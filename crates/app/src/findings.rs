//! Reading what the study found, as the person asking may see it: an edition's findings and a
//! city's profiles, with the policy's redaction applied before anything leaves this crate.

use smartcities_analysis::Answer;
pub use smartcities_analysis::{
    CitedItem, CityProfile, CompositeIndex, Detail, IndexStanding, QuestionSummary, Results, Share, Standing,
    Summary, coding::CategoryGroup, stats::Numbers,
};
use smartcities_domain::{CityId, Edition, EditionYear, Framework, ResponseStatus};
use smartcities_questionnaire::Questionnaire;
use smartcities_store::StoreError;

use crate::{
    App, Refusal, Result,
    analysis::StoredResults,
    policy::{self, Viewer},
};

/// An edition's findings as one viewer may see them.
#[derive(Debug, Clone)]
pub struct Findings {
    /// The edition.
    pub edition: Edition,
    /// Its framework.
    pub framework: Framework,
    /// Its questionnaire.
    pub questionnaire: Questionnaire,
    /// Its results, redacted for the viewer, when it was analysed.
    pub results: Option<StoredResults>,
}

/// The refusal for a viewer who may not read something: sign in first, or not with this account.
pub(crate) fn not_for(viewer: Viewer<'_>) -> Refusal {
    match viewer {
        Viewer::Visitor => Refusal::SignInNeeded,
        Viewer::Account(_) => Refusal::Forbidden,
    }
}

impl App {
    /// An edition's findings for `viewer`: refused before publication to all but staff; scores,
    /// levels and ranks left out unless the policy lets this viewer see them.
    pub async fn findings_for(&self, viewer: Viewer<'_>, year: EditionYear) -> Result<Findings> {
        let edition = self.store.study().edition(year).await?.ok_or(Refusal::NotFound)?;
        if !policy::may_read_results(viewer, edition.status) {
            return Err(not_for(viewer).into());
        }
        let (_, framework) =
            self.store.study().framework(year).await?.ok_or(StoreError::NoFramework(year))?;
        let (_, questionnaire) =
            self.store.study().questionnaire(year).await?.ok_or(StoreError::NoQuestionnaire(year))?;
        let results = self.results(year).await?.map(|mut stored| {
            policy::redact(viewer, &edition, &mut stored.results);
            stored
        });
        Ok(Findings { edition, framework, questionnaire, results })
    }

    /// A city's profile in every analysed edition it answered (its response accepted) and the
    /// viewer may read, newest first, redacted for the viewer.
    pub async fn city_profiles(&self, viewer: Viewer<'_>, city: &CityId) -> Result<Vec<CityProfile>> {
        let city = self.store.registry().city(city).await?.ok_or(Refusal::NotFound)?;
        let mut out = Vec::new();
        for edition in self.store.study().editions().await?.into_iter().rev() {
            if !policy::may_read_results(viewer, edition.status) {
                continue;
            }
            let Some(stored) = self.results(edition.year).await? else { continue };
            let Some(answers) = self.accepted_answers_of(edition.year, &city.id).await? else { continue };
            let mut results = stored.results;
            policy::redact(viewer, &edition, &mut results);
            if let Some(mut profile) = smartcities_analysis::city_profile(&results, &city, &answers) {
                policy::redact_profile(viewer, &edition, &mut profile);
                out.push(profile);
            }
        }
        Ok(out)
    }

    /// A city's answers in an edition, as the analysis reads them, if its response was accepted.
    pub(crate) async fn accepted_answers_of(
        &self,
        year: EditionYear,
        city: &CityId,
    ) -> Result<Option<Vec<Answer>>> {
        let answering = self.store.answering();
        let accepted =
            answering.response(year, city).await?.is_some_and(|r| r.status == ResponseStatus::Accepted);
        if !accepted {
            return Ok(None);
        }
        let answers = answering.answers(year, city).await?;
        Ok(Some(
            answers
                .into_iter()
                .map(|a| Answer { question: a.question, entry: a.entry, value: a.value })
                .collect(),
        ))
    }
}
