//! Questionnaire versions, each city's response, its answers with their revision and evidence
//! level, the audit trail of every change, and reviewers' comments.
//!
//! Saving is safe under retries and concurrent sessions: a save names the revision it was based
//! on; an answer that someone else changed since then, to a different value, is a conflict and
//! nothing of that save is written. A retry of a save that already landed finds its values in
//! place and changes nothing.

pub(crate) mod attachments;
mod notes;
mod review;
mod save;

pub use attachments::{Attachment, NewAttachment};
pub use notes::{NoteChange, StoredNote};
pub use review::EvidenceLevel;

use std::collections::BTreeMap;

use smartcities_domain::{
    CityId, Day, EditionYear, Evidence, QuestionnaireVersion, ResponseMove, ResponseStatus, Revision,
    Timestamp,
};

pub(crate) use review::move_in;
use smartcities_questionnaire::{AnswerValue, EntryKey, Response};
use sqlx::Row;

use crate::{Answering, Result, StoreError, corrupt, year};

/// One answer to change: `value` None clears it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    /// The question's code.
    pub question: String,
    /// None for an ordinary question, the entry of a repeat group otherwise.
    pub entry: Option<EntryKey>,
    /// The new answer; `None` clears it.
    pub value: Option<AnswerValue>,
}

/// An answer someone else changed after the revision a save was based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The question's code.
    pub question: String,
    /// The repeat entry, if any.
    pub entry: Option<EntryKey>,
    /// The answer this save wanted.
    pub yours: Option<AnswerValue>,
    /// The answer stored now.
    pub theirs: AnswerValue,
    /// Who stored it.
    pub changed_by: String,
    /// The revision it was stored at.
    pub revision: Revision,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written (or already in place): the response's revision now, and how many answers changed.
    Saved {
        /// The response's revision now.
        revision: Revision,
        /// How many answers changed (0 for a retry).
        changed: usize,
    },
    /// Nothing written.
    Conflicts {
        /// The response's revision now.
        revision: Revision,
        /// Every answer someone else changed.
        conflicts: Vec<Conflict>,
    },
}

/// Who is saving, which decides whether a submitted response can still change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    /// The city answering: allowed while the response is open to it.
    Respondent,
    /// The secretariat correcting: allowed in any status but withdrawn.
    Secretariat,
}

impl Editor {
    /// The lifecycle move a save by this editor is.
    pub fn save_move(self) -> ResponseMove {
        match self {
            Editor::Respondent => ResponseMove::Answer,
            Editor::Secretariat => ResponseMove::Correct,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// A city's response to an edition.
pub struct ResponseRecord {
    /// The city.
    pub city: CityId,
    /// Where the response stands.
    pub status: ResponseStatus,
    /// How many saves changed it.
    pub revision: Revision,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// When it was last submitted.
    pub submitted_at: Option<Timestamp>,
    /// The last day this city may answer, when it was given longer than the edition's deadline.
    pub deadline: Option<Day>,
    /// The address of the member of staff it is assigned to for review, if any.
    pub reviewer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One answer as stored, with how far it can be trusted.
pub struct StoredAnswer {
    /// The question's code.
    pub question: String,
    /// The repeat entry, if any.
    pub entry: Option<EntryKey>,
    /// The answer: a number, a choice code, codes separated by spaces, or text.
    pub value: AnswerValue,
    /// The response's revision when it was saved.
    pub revision: Revision,
    /// The questionnaire version it was given under.
    pub questionnaire_version: QuestionnaireVersion,
    /// How far it can be trusted.
    pub evidence: Evidence,
    /// What backs a verified answer.
    pub evidence_note: Option<String>,
    /// Who saved it.
    pub updated_by: String,
    /// When.
    pub updated_at: Timestamp,
}

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRecord {
    /// The question's code.
    pub question: String,
    /// The repeat entry, if any.
    pub entry: Option<EntryKey>,
    /// The response's revision after the change.
    pub revision: Revision,
    /// The answer before (none if there was none).
    pub old_value: Option<AnswerValue>,
    /// The answer after (none if it was cleared).
    pub new_value: Option<AnswerValue>,
    /// Who changed it.
    pub changed_by: String,
    /// When.
    pub changed_at: Timestamp,
    /// The questionnaire version then.
    pub questionnaire_version: QuestionnaireVersion,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// A reviewer's comment on one answer.
pub struct ReviewComment {
    /// The question's code.
    pub question: String,
    /// The comment.
    pub comment: String,
    /// Who wrote it.
    pub author: String,
    /// When.
    pub created_at: Timestamp,
    /// The response's revision it was written at.
    pub revision: Revision,
}

/// An answer from a row of `answers` selected with every column `StoredAnswer` holds.
fn stored_answer(r: &sqlx::any::AnyRow) -> Result<StoredAnswer> {
    let evidence: String = r.try_get("evidence")?;
    Ok(StoredAnswer {
        question: r.try_get("question")?,
        entry: EntryKey::parse(&r.try_get::<String, _>("entry")?).map_err(corrupt)?,
        value: AnswerValue::new(r.try_get::<String, _>("value")?),
        revision: Revision::new(r.try_get("revision")?),
        questionnaire_version: crate::versioned(r, "questionnaire_version", QuestionnaireVersion::new)?,
        evidence: Evidence::parse(&evidence).map_err(corrupt)?,
        evidence_note: r.try_get("evidence_note")?,
        updated_by: r.try_get("updated_by")?,
        updated_at: crate::moment(r, "updated_at")?,
    })
}

impl Answering<'_> {
    /// Invites a city to an edition: a response record with status `invited`, unless it has one.
    pub async fn open_response(&self, edition: EditionYear, city: &CityId) -> Result<ResponseRecord> {
        let mut tx = self.begin_write().await?;
        ensure_response(&mut tx, edition, city, &self.now_text()).await?;
        tx.commit().await?;
        self.public_changed().await?;
        self.response(edition, city).await?.ok_or_else(|| corrupt("the response vanished"))
    }

    /// Gives a city until `day` (`YYYY-MM-DD`, included) to answer, or with `None` holds it to the
    /// edition's deadline again. False when the city was not invited.
    pub async fn set_response_deadline(
        &self,
        edition: EditionYear,
        city: &CityId,
        day: Option<Day>,
    ) -> Result<bool> {
        let done = sqlx::query("UPDATE responses SET deadline = $1 WHERE edition_year = $2 AND city_id = $3")
            .bind(day.map(|d| d.to_string()))
            .bind(year(edition))
            .bind(city.as_str())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A city's response to an edition, if it was invited.
    pub async fn response(&self, edition: EditionYear, city: &CityId) -> Result<Option<ResponseRecord>> {
        let row = sqlx::query(
            "SELECT city_id, status, revision, updated_at, submitted_at, deadline, reviewer FROM responses WHERE edition_year = $1 AND city_id = $2",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(response_from_row).transpose()
    }

    /// Every response of an edition, by city id.
    pub async fn responses(&self, edition: EditionYear) -> Result<Vec<ResponseRecord>> {
        let rows = sqlx::query(
            "SELECT city_id, status, revision, updated_at, submitted_at, deadline, reviewer FROM responses WHERE edition_year = $1 ORDER BY city_id",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(response_from_row).collect()
    }

    /// Every answer of a city, by question and entry.
    pub async fn answers(&self, edition: EditionYear, city: &CityId) -> Result<Vec<StoredAnswer>> {
        let rows = sqlx::query(
            "SELECT question, entry, value, revision, questionnaire_version, evidence, evidence_note, updated_by, updated_at \
             FROM answers WHERE edition_year = $1 AND city_id = $2 ORDER BY question, entry",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(stored_answer).collect()
    }

    /// Every answer of the edition's accepted responses, by city then question and entry: what
    /// the analysis reads and what `export answers` writes.
    pub async fn accepted_answers(&self, edition: EditionYear) -> Result<Vec<(CityId, Vec<StoredAnswer>)>> {
        let rows = sqlx::query(
            "SELECT a.city_id, a.question, a.entry, a.value, a.revision, a.questionnaire_version, a.evidence, \
             a.evidence_note, a.updated_by, a.updated_at FROM answers a JOIN responses r \
             ON r.edition_year = a.edition_year AND r.city_id = a.city_id \
             WHERE a.edition_year = $1 AND r.status = 'accepted' ORDER BY a.city_id, a.question, a.entry",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<(CityId, Vec<StoredAnswer>)> = Vec::new();
        for r in &rows {
            let city: String = r.try_get("city_id")?;
            let answer = stored_answer(r)?;
            match out.last_mut() {
                Some((last, answers)) if last.as_str() == city => answers.push(answer),
                _ => out.push((CityId::parse(&city).map_err(corrupt)?, vec![answer])),
            }
        }
        Ok(out)
    }

    /// How many ordinary (not repeat-group) questions each city has answered, in one query.
    pub async fn answer_counts(
        &self,
        edition: EditionYear,
    ) -> Result<std::collections::HashMap<CityId, usize>> {
        let rows = sqlx::query(
            "SELECT city_id, COUNT(*) AS n FROM answers WHERE edition_year = $1 AND entry = '' GROUP BY city_id",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let city: String = r.try_get("city_id")?;
                let n: i64 = r.try_get("n")?;
                Ok((CityId::parse(&city).map_err(corrupt)?, usize::try_from(n).map_err(corrupt)?))
            })
            .collect()
    }

    /// A city's answers in the shape the questionnaire checks: values, and repeat entries in
    /// the order of their ids.
    pub async fn response_values(&self, edition: EditionYear, city: &CityId) -> Result<Response> {
        let mut response = Response::default();
        let mut entries: BTreeMap<String, BTreeMap<u64, BTreeMap<String, String>>> = BTreeMap::new();
        for answer in self.answers(edition, city).await? {
            match answer.entry {
                None => {
                    response.values.insert(answer.question, answer.value.into_string());
                }
                Some(key) => {
                    entries
                        .entry(key.group.to_string())
                        .or_default()
                        .entry(key.id)
                        .or_default()
                        .insert(answer.question, answer.value.into_string());
                }
            }
        }
        response.repeats =
            entries.into_iter().map(|(group, by_id)| (group, by_id.into_values().collect())).collect();
        Ok(response)
    }

    /// One page of the audit trail of a city's response, newest change first, and how many
    /// changes there are; one question's only when given.
    pub async fn answer_history(
        &self,
        edition: EditionYear,
        city: &CityId,
        question: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<ChangeRecord>, usize)> {
        let total: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM answer_changes WHERE edition_year = $1 AND city_id = $2 AND ($3 = '' OR question = $3)",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .bind(question.unwrap_or(""))
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        let rows = sqlx::query(
            "SELECT question, entry, revision, old_value, new_value, changed_by, changed_at, questionnaire_version \
             FROM answer_changes WHERE edition_year = $1 AND city_id = $2 AND ($3 = '' OR question = $3) \
             ORDER BY revision DESC, question DESC, entry DESC LIMIT $4 OFFSET $5",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .bind(question.unwrap_or(""))
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        let changes = rows
            .iter()
            .map(|r| {
                Ok(ChangeRecord {
                    question: r.try_get("question")?,
                    entry: EntryKey::parse(&r.try_get::<String, _>("entry")?).map_err(corrupt)?,
                    revision: Revision::new(r.try_get("revision")?),
                    old_value: r.try_get::<Option<String>, _>("old_value")?.map(AnswerValue::new),
                    new_value: r.try_get::<Option<String>, _>("new_value")?.map(AnswerValue::new),
                    changed_by: r.try_get("changed_by")?,
                    changed_at: crate::moment(r, "changed_at")?,
                    questionnaire_version: crate::versioned(
                        r,
                        "questionnaire_version",
                        QuestionnaireVersion::new,
                    )?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((changes, usize::try_from(total).unwrap_or(0)))
    }
}

pub(super) async fn ensure_response(
    tx: &mut sqlx::AnyConnection,
    edition: EditionYear,
    city: &CityId,
    now: &str,
) -> Result<()> {
    let known = sqlx::query("SELECT 1 FROM cities WHERE id = $1")
        .bind(city.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    if known.is_none() {
        return Err(StoreError::UnknownCity(city.to_string()));
    }
    sqlx::query(
        "INSERT INTO responses (edition_year, city_id, status, revision, updated_at) VALUES ($1, $2, 'invited', 0, $3) \
         ON CONFLICT (edition_year, city_id) DO NOTHING",
    )
    .bind(year(edition))
    .bind(city.as_str())
    .bind(now.to_string())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(super) fn response_from_row(row: &sqlx::any::AnyRow) -> Result<ResponseRecord> {
    let city: String = row.try_get("city_id")?;
    let status: String = row.try_get("status")?;
    Ok(ResponseRecord {
        city: CityId::parse(&city).map_err(corrupt)?,
        status: ResponseStatus::parse(&status).map_err(corrupt)?,
        revision: Revision::new(row.try_get("revision")?),
        updated_at: crate::moment(row, "updated_at")?,
        submitted_at: crate::moment_opt(row, "submitted_at")?,
        deadline: row
            .try_get::<Option<String>, _>("deadline")?
            .map(|d| Day::parse(&d))
            .transpose()
            .map_err(corrupt)?,
        reviewer: row.try_get("reviewer")?,
    })
}
