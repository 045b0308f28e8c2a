//! Starting a response from the city's answers to an earlier edition, where its questions
//! continue: the same question code, asked the same way (same kind, same choice list), not yet
//! answered in this edition. Nothing already answered is overwritten, repeat groups (practices,
//! barriers) are not copied, and every answer copied passes this edition's checks and is saved
//! as the respondent's own save, so the history says who brought it over and when.

use smartcities_domain::{CityId, EditionYear, Lang};
use smartcities_questionnaire::Questionnaire;
use smartcities_store::{AnswerChange, SaveOutcome, StoredAnswer, User};

use crate::{
    App, Refusal, Result,
    responses::{ResponseFile, check_changes},
};

/// What a city can bring over from an earlier edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarryOver {
    /// The latest earlier edition the city answered.
    pub from: EditionYear,
    /// The answers that would be copied.
    pub answers: Vec<AnswerChange>,
}

impl App {
    /// What the city could start from: its answers to the latest earlier edition it answered,
    /// limited to questions that continue and are not answered yet. `None` when there is
    /// nothing to bring over, or the user may not change the response now.
    pub async fn carry_over_offer(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        lang: Lang,
    ) -> Result<Option<CarryOver>> {
        match self.writable_file(user, year, city).await {
            Ok(file) => self.carry_over_offer_in(user, &file, lang).await,
            Err(crate::AppError::Refused(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The same offer for a response file the caller has just read (the overview needs it
    /// anyway): `None` unless `user` may change the response now.
    pub async fn carry_over_offer_in(
        &self,
        user: &User,
        file: &ResponseFile,
        lang: Lang,
    ) -> Result<Option<CarryOver>> {
        if !file.whole_editable_by(user) {
            return Ok(None);
        }
        let (year, city) = (file.edition.year, &file.city.id);
        let mut earlier: Vec<EditionYear> = self
            .store
            .study()
            .editions()
            .await?
            .into_iter()
            .map(|e| e.year)
            .filter(|y| y.get() < year.get())
            .collect();
        earlier.sort_by_key(|y| std::cmp::Reverse(y.get()));
        for from in earlier {
            let before = self.store.answering().answers(from, city).await?;
            if before.is_empty() {
                continue;
            }
            let (_, then) = self.shared_questionnaire(from).await?;
            let answers = continuing(&file.questionnaire, &then, &file.answers, &before, lang);
            return Ok((!answers.is_empty()).then_some(CarryOver { from, answers }));
        }
        Ok(None)
    }

    /// Copies what [`App::carry_over_offer`] offers, as one save by `user`.
    pub async fn carry_over(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        lang: Lang,
    ) -> Result<(EditionYear, SaveOutcome)> {
        let file = self.writable_file(user, year, city).await?;
        let offer = self.carry_over_offer_in(user, &file, lang).await?.ok_or(Refusal::NotFound)?;
        let outcome = self.save_answers_in(user, &file, file.response.revision, &offer.answers, lang).await?;
        Ok((offer.from, outcome))
    }
}

/// The earlier answers to questions asked the same way now, not answered yet now, each one
/// passing the current checks.
fn continuing(
    now: &Questionnaire,
    then: &Questionnaire,
    current: &[StoredAnswer],
    before: &[StoredAnswer],
    lang: Lang,
) -> Vec<AnswerChange> {
    let mut changes = Vec::new();
    // A "don't know" or "not applicable" is not a figure to start from: the city says it anew.
    for answer in before.iter().filter(|a| a.entry.is_none() && a.value.non_answer().is_none()) {
        let (Some(asked), Some(was)) = (now.question(&answer.question), then.question(&answer.question))
        else {
            continue;
        };
        // A file belongs to the response it was given in.
        if asked.kind != was.kind
            || asked.kind.takes_file()
            || current.iter().any(|a| a.question == answer.question && a.entry.is_none())
        {
            continue;
        }
        let change = AnswerChange {
            question: answer.question.clone(),
            entry: None,
            value: Some(answer.value.clone()),
        };
        // Checked with the answers copied so far, for constraints that refer to other questions.
        let mut trial = changes.clone();
        trial.push(change.clone());
        if check_changes(now, current, &trial, lang).is_ok() {
            changes.push(change);
        }
    }
    changes
}
