//! What a reviewer needs beside each answer: whether it changed since the response was last
//! returned, the city's answer to the same question in its previous edition, and whether a
//! figure stands out — beyond the interquartile fences of every city's answers where at least
//! [`FENCE_MIN_CITIES`] answered, otherwise more than twice (or under half) the city's previous
//! figure. Staff only; reading never writes.

use std::collections::{BTreeMap, BTreeSet};

use smartcities_analysis::stats::quantile_sorted;
use smartcities_domain::{EditionYear, Evidence, Timestamp};
use smartcities_questionnaire::{AnswerValue, EntryKey, Kind};
use smartcities_store::{EvidenceLevel, User};

use crate::{
    App, Refusal, Result,
    policy::{Access, is_staff},
    responses::{MAX_ANSWER_CHARS, ResponseFile},
};

/// Fewer answering cities than this, and a figure is compared with the city's previous one.
pub const FENCE_MIN_CITIES: usize = 10;

/// Why a figure stands out.
#[derive(Debug, Clone, PartialEq)]
pub enum Outlier {
    /// Beyond Tukey's fences (Q1 − 1.5·IQR, Q3 + 1.5·IQR) of every city's answers.
    BeyondFences {
        /// The lower fence.
        low: f64,
        /// The upper fence.
        high: f64,
        /// How many cities' answers the fences come from.
        cities: usize,
    },
    /// More than twice, or under half, the city's previous figure.
    ChangedMuch {
        /// The previous figure.
        from: f64,
        /// Its edition.
        edition: EditionYear,
    },
}

/// The aids of one response's review.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewAids {
    /// When the response was last returned to the city, if it was.
    pub returned_at: Option<Timestamp>,
    /// Questions whose answer changed since then (plain answers).
    pub changed: BTreeSet<String>,
    /// The city's answer in its previous edition, by question asked the same way.
    pub previous: BTreeMap<String, (EditionYear, AnswerValue)>,
    /// Figures that stand out, by question.
    pub outliers: BTreeMap<String, Outlier>,
}

/// Tukey's fences of `values`, when there are enough of them.
fn fences(values: &mut [f64]) -> Option<(f64, f64)> {
    if values.len() < FENCE_MIN_CITIES {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let (q1, q3) = (quantile_sorted(values, 0.25)?, quantile_sorted(values, 0.75)?);
    let iqr = q3 - q1;
    Some((q1 - 1.5 * iqr, q3 + 1.5 * iqr))
}

/// Whether `value` stands out, against every city's `all` answers or else the previous figure.
pub fn outlier(value: f64, all: &mut [f64], previous: Option<(EditionYear, f64)>) -> Option<Outlier> {
    let cities = all.len();
    if let Some((low, high)) = fences(all) {
        return (value < low || value > high).then_some(Outlier::BeyondFences { low, high, cities });
    }
    let (edition, from) = previous?;
    let ratio = if from == 0.0 { None } else { Some(value / from) };
    ratio.filter(|r| !(0.5..=2.0).contains(r)).map(|_| Outlier::ChangedMuch { from, edition })
}

/// One answer's evidence level as the reviewer chose it on the page.
#[derive(Debug, Clone)]
pub struct EvidenceChoice {
    /// The question's code.
    pub question: String,
    /// The repeat entry, if any.
    pub entry: Option<EntryKey>,
    /// How far it can be trusted.
    pub evidence: Evidence,
    /// What backs it.
    pub note: String,
}

impl App {
    /// The aids of a response's review, for staff.
    pub async fn review_aids(&self, user: &User, file: &ResponseFile) -> Result<ReviewAids> {
        if !is_staff(user.role) || !matches!(file.access, Access::Secretariat | Access::Analyst) {
            return Err(Refusal::Forbidden.into());
        }
        let (year, city) = (file.edition.year, &file.city.id);
        let comments = self.store.answering().review_comments(year, city).await?;
        let last_return = comments.iter().max_by_key(|c| c.revision);
        let changed = match last_return {
            Some(r) => file
                .answers
                .iter()
                .filter(|a| a.entry.is_none() && a.revision > r.revision)
                .map(|a| a.question.clone())
                .collect(),
            None => BTreeSet::new(),
        };
        let previous = self.previous_answers(file).await?;
        let q = &file.questionnaire;
        let numeric: Vec<&str> = file
            .answers
            .iter()
            .filter(|a| a.entry.is_none())
            .filter(|a| {
                q.question(&a.question).is_some_and(|x| matches!(x.kind, Kind::Integer | Kind::Decimal))
            })
            .map(|a| a.question.as_str())
            .collect();
        let mut all: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for (question, value) in self.store.answering().answers_to(year, &numeric).await? {
            if let Some(x) = AnswerValue::from(value.as_str()).number() {
                all.entry(question).or_default().push(x);
            }
        }
        let mut outliers = BTreeMap::new();
        for answer in file.answers.iter().filter(|a| numeric.contains(&a.question.as_str())) {
            let Some(value) = answer.value.number() else { continue };
            let before = previous.get(&answer.question).and_then(|(y, v)| Some((*y, v.number()?)));
            let values = all.entry(answer.question.clone()).or_default();
            if let Some(found) = outlier(value, values, before) {
                outliers.insert(answer.question.clone(), found);
            }
        }
        Ok(ReviewAids { returned_at: last_return.map(|c| c.created_at), changed, previous, outliers })
    }

    /// The city's answers in the latest earlier edition it answered, to questions asked again
    /// under the same name and kind (figures, choices and dates).
    async fn previous_answers(
        &self,
        file: &ResponseFile,
    ) -> Result<BTreeMap<String, (EditionYear, AnswerValue)>> {
        let (year, city) = (file.edition.year, &file.city.id);
        let mut earlier: Vec<EditionYear> =
            self.store.study().editions().await?.into_iter().map(|e| e.year).filter(|y| *y < year).collect();
        earlier.sort_by_key(|y| std::cmp::Reverse(*y));
        for from in earlier {
            let before = self.store.answering().answers(from, city).await?;
            if before.is_empty() {
                continue;
            }
            let (_, then) = self.shared_questionnaire(from).await?;
            let now = &file.questionnaire;
            return Ok(before
                .into_iter()
                .filter(|a| a.entry.is_none() && a.value.non_answer().is_none())
                .filter(|a| match (now.question(&a.question), then.question(&a.question)) {
                    // Figures, choices and dates compare at a glance; free text and files do not.
                    (Some(asked), Some(was)) => {
                        asked.kind == was.kind && !asked.kind.takes_file() && asked.kind != Kind::Text
                    }
                    _ => false,
                })
                .map(|a| (a.question, (from, a.value)))
                .collect());
        }
        Ok(BTreeMap::new())
    }

    /// The accounts a response may be assigned to for review: the secretariat and analysts.
    /// The secretariat only.
    pub async fn reviewers(&self, user: &User) -> Result<Vec<User>> {
        Self::require_secretariat(user)?;
        Ok(self.store.accounts().staff().await?)
    }

    /// Assigns a city's response to a member of staff for review (by address), or to nobody.
    /// The secretariat only.
    pub async fn assign_reviewer(
        &self,
        user: &User,
        year: EditionYear,
        city: &smartcities_domain::CityId,
        reviewer: Option<&str>,
    ) -> Result<()> {
        Self::require_secretariat(user)?;
        self.response_file(user, year, city).await?;
        let reviewer = reviewer.map(str::trim).filter(|r| !r.is_empty());
        if let Some(address) = reviewer {
            let staff = self.store.accounts().staff().await?;
            if !staff.iter().any(|s| s.email.as_str().eq_ignore_ascii_case(address)) {
                return Err(Refusal::NotFound.into());
            }
        }
        self.store.answering().assign_reviewer(year, city, reviewer).await?;
        Ok(())
    }

    /// Sets the evidence levels of every answer the review page lists, in one save: those that
    /// changed are written in one transaction, none if any is refused. The secretariat only.
    pub async fn set_evidence_levels(
        &self,
        user: &User,
        year: EditionYear,
        city: &smartcities_domain::CityId,
        choices: &[EvidenceChoice],
        lang: smartcities_domain::Lang,
    ) -> Result<usize> {
        Self::require_secretariat(user)?;
        let file = self.response_file(user, year, city).await?;
        let q = &file.questionnaire;
        let mut levels = Vec::new();
        for choice in choices {
            let Some(stored) =
                file.answers.iter().find(|a| a.question == choice.question && a.entry == choice.entry)
            else {
                return Err(Refusal::NoAnswer { question: choice.question.clone() }.into());
            };
            let note = Some(choice.note.trim()).filter(|n| !n.is_empty());
            let label = q
                .question(&choice.question)
                .map_or(choice.question.as_str(), |x| x.label.get(lang, q.default_language));
            if choice.evidence == Evidence::Verified && note.is_none() {
                let message = format!("{label}: {}", Refusal::VerifiedNeedsNote.message(lang));
                return Err(Refusal::ImportInvalid(vec![message]).into());
            }
            if note.is_some_and(|n| n.chars().count() > MAX_ANSWER_CHARS) {
                return Err(
                    Refusal::AnswerTooLong { question: label.to_string(), max: MAX_ANSWER_CHARS }.into()
                );
            }
            if stored.evidence != choice.evidence || stored.evidence_note.as_deref() != note {
                levels.push(EvidenceLevel {
                    question: &choice.question,
                    entry: choice.entry.as_ref(),
                    evidence: choice.evidence,
                    note,
                });
            }
        }
        self.store.answering().set_evidence_levels(year, city, &levels).await?;
        Ok(levels.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(y: u16) -> EditionYear {
        EditionYear::new(y).unwrap()
    }

    #[test]
    fn a_figure_beyond_the_fences_of_ten_cities_stands_out_and_one_inside_does_not() {
        let mut all: Vec<f64> = vec![10.0, 11.0, 12.0, 12.5, 13.0, 13.5, 14.0, 15.0, 16.0, 52.2];
        // Q1 = 12.125, Q3 = 14.75 (R's type 7): fences 8.19 and 18.69.
        match outlier(52.2, &mut all, None) {
            Some(Outlier::BeyondFences { low, high, cities }) => {
                assert!((low - 8.1875).abs() < 1e-9 && (high - 18.6875).abs() < 1e-9, "{low} {high}");
                assert_eq!(cities, 10);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            outlier(13.0, &mut all, Some((year(2023), 1.0))),
            None,
            "the fences decide, not the change"
        );
    }

    #[test]
    fn with_few_cities_a_change_beyond_double_or_half_stands_out() {
        let mut few = vec![12.5, 40.0, 52.2];
        assert_eq!(
            outlier(12.5, &mut few, Some((year(2023), 52.2))),
            Some(Outlier::ChangedMuch { from: 52.2, edition: year(2023) })
        );
        assert_eq!(outlier(60.0, &mut few, Some((year(2023), 52.2))), None);
        assert_eq!(
            outlier(104.5, &mut few, Some((year(2023), 52.2))),
            Some(Outlier::ChangedMuch { from: 52.2, edition: year(2023) })
        );
        assert_eq!(outlier(12.5, &mut few, None), None, "nothing to compare with");
        assert_eq!(outlier(3.0, &mut few, Some((year(2023), 0.0))), None, "no ratio to zero");
    }
}
