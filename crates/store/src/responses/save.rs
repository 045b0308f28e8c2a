//! Saving answers: one transaction that claims the next revision, sets aside what is already
//! in place, refuses the whole save on a conflict and writes each change with its audit row.

use smartcities_domain::{CityId, EditionYear, QuestionnaireVersion, ResponseMove, ResponseStatus, Revision};
use sqlx::Row;

use smartcities_questionnaire::{AnswerValue, EntryKey};

use super::{
    AnswerChange, Conflict, Editor, NewAttachment, SaveOutcome,
    notes::{NoteChange, write_notes},
};
use crate::{Answering, Result, StoreError, corrupt, year};

impl Answering<'_> {
    /// Saves answers in one transaction; see the module documentation for conflicts and retries.
    pub async fn save_answers(
        &self,
        edition: EditionYear,
        city: &CityId,
        base_revision: Revision,
        changes: &[AnswerChange],
        user: &str,
        editor: Editor,
    ) -> Result<SaveOutcome> {
        self.save_answers_and_notes(edition, city, base_revision, changes, &[], user, editor).await
    }

    /// Saves answers and the respondent's notes on them in one transaction: both land, or (on a
    /// conflict between answers) neither. A note that changes counts as a change.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_answers_and_notes(
        &self,
        edition: EditionYear,
        city: &CityId,
        base_revision: Revision,
        changes: &[AnswerChange],
        notes: &[NoteChange],
        user: &str,
        editor: Editor,
    ) -> Result<SaveOutcome> {
        self.save_with(edition, city, base_revision, changes, notes, None, user, editor).await
    }

    /// Stores a checked file and makes it the answer to `change`'s question, in one transaction:
    /// refused whole when the response's files would together pass `max_total` bytes.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_attachment(
        &self,
        edition: EditionYear,
        city: &CityId,
        base_revision: Revision,
        change: &AnswerChange,
        file: &NewAttachment,
        max_total: u64,
        user: &str,
        editor: Editor,
    ) -> Result<SaveOutcome> {
        let attaching = Some((file, max_total));
        self.save_with(
            edition,
            city,
            base_revision,
            std::slice::from_ref(change),
            &[],
            attaching,
            user,
            editor,
        )
        .await
    }

    /// One save: answers, notes and at most one new file, all or nothing.
    #[allow(clippy::too_many_arguments)]
    async fn save_with(
        &self,
        edition: EditionYear,
        city: &CityId,
        base_revision: Revision,
        changes: &[AnswerChange],
        notes: &[NoteChange],
        attaching: Option<(&NewAttachment, u64)>,
        user: &str,
        editor: Editor,
    ) -> Result<SaveOutcome> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let claim = claim_revision(&mut tx, edition, city, editor, &now).await?;
        let (writes, conflicts) = sort_changes(&mut tx, edition, city, base_revision, changes).await?;
        if !conflicts.is_empty() {
            tx.rollback().await?;
            return Ok(SaveOutcome::Conflicts { revision: claim.revision, conflicts });
        }
        if let Some((file, max_total)) = attaching
            && !super::attachments::store_file(&mut tx, edition, city, file, max_total, user, &now).await?
        {
            tx.rollback().await?;
            return Err(StoreError::FilesTooLarge { city: city.clone(), max: max_total });
        }
        // An entry removed from a repeat group takes its notes along.
        let dropped: Vec<NoteChange> = writes
            .iter()
            .filter(|(change, _)| change.value.is_none() && change.entry.is_some())
            .map(|(change, _)| NoteChange {
                question: change.question.clone(),
                entry: change.entry.clone(),
                note: None,
            })
            .filter(|dropped| {
                !notes.iter().any(|n| n.question == dropped.question && n.entry == dropped.entry)
            })
            .collect();
        let noted = write_notes(&mut tx, edition, city, notes, claim.next, user, &now).await?
            + write_notes(&mut tx, edition, city, &dropped, claim.next, user, &now).await?;
        if writes.is_empty() && noted == 0 {
            tx.rollback().await?;
            return Ok(SaveOutcome::Saved { revision: claim.revision, changed: 0 });
        }
        for (change, old) in &writes {
            write_change(
                &mut tx,
                edition,
                city,
                change,
                old.as_ref().map(AnswerValue::as_str),
                &claim,
                user,
                &now,
            )
            .await?;
        }
        if claim.next_status != claim.status {
            sqlx::query("UPDATE responses SET status = $1 WHERE edition_year = $2 AND city_id = $3")
                .bind(claim.next_status.slug())
                .bind(year(edition))
                .bind(city.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        if claim.next_status == ResponseStatus::Accepted {
            // A correction to an accepted response changes what city pages show.
            self.public_changed().await?;
        }
        Ok(SaveOutcome::Saved { revision: claim.next, changed: writes.len() + noted })
    }
}

/// What a save claimed: the response's status before and after, the revision the save was made
/// at and the one it writes, and the questionnaire version its answers are given to.
struct Claim {
    status: ResponseStatus,
    next_status: ResponseStatus,
    revision: Revision,
    next: Revision,
    questionnaire_version: QuestionnaireVersion,
}

/// Claims the response's next revision, refusing a save the response's status does not allow.
async fn claim_revision(
    tx: &mut sqlx::AnyConnection,
    edition: EditionYear,
    city: &CityId,
    editor: Editor,
    now: &str,
) -> Result<Claim> {
    // One statement takes the row lock (PostgreSQL) or the write lock (SQLite), so saves to
    // one response are serialised and each sees the previous one's result; it counts the
    // next revision (undone with the rest if nothing is written) and reads what the save
    // depends on. Every round trip saved here is time the lock is not held.
    let row = sqlx::query(
        "UPDATE responses SET revision = revision + 1, updated_at = $3 WHERE edition_year = $1 AND city_id = $2 \
         RETURNING status, revision, \
             (SELECT MAX(version) FROM questionnaires WHERE edition_year = $1) AS questionnaire_version",
    )
    .bind(year(edition))
    .bind(city.as_str())
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Err(StoreError::NoResponse { edition, city: city.clone() });
    };
    let status = ResponseStatus::parse(&row.try_get::<String, _>("status")?).map_err(corrupt)?;
    let next = Revision::new(row.try_get("revision")?);
    let revision = Revision::new(next.get() - 1);
    let questionnaire_version = row
        .try_get::<Option<i64>, _>("questionnaire_version")?
        .ok_or(StoreError::NoQuestionnaire(edition))?;
    let questionnaire_version = QuestionnaireVersion::new(questionnaire_version)
        .ok_or_else(|| corrupt(format!("questionnaire version {questionnaire_version}")))?;
    let Some(next_status) = status.after(editor.save_move()) else {
        return Err(match editor {
            Editor::Respondent => StoreError::ResponseClosed { city: city.clone(), status },
            Editor::Secretariat => {
                StoreError::IllegalMove { city: city.clone(), from: status, attempted: ResponseMove::Correct }
            }
        });
    };

    Ok(Claim { status, next_status, revision, next, questionnaire_version })
}

/// The changes to write, each with the value it replaces, and the conflicts: answers someone
/// changed since `base_revision` to another value. A change already in place is neither.
async fn sort_changes<'c>(
    tx: &mut sqlx::AnyConnection,
    edition: EditionYear,
    city: &CityId,
    base_revision: Revision,
    changes: &'c [AnswerChange],
) -> Result<(Vec<(&'c AnswerChange, Option<AnswerValue>)>, Vec<Conflict>)> {
    let mut conflicts = Vec::new();
    let mut writes: Vec<(&AnswerChange, Option<AnswerValue>)> = Vec::new();
    for change in changes {
        let current = sqlx::query(
            "SELECT value, revision, updated_by FROM answers \
             WHERE edition_year = $1 AND city_id = $2 AND question = $3 AND entry = $4",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .bind(&change.question)
        .bind(EntryKey::column(change.entry.as_ref()))
        .fetch_optional(&mut *tx)
        .await?;
        let (old, answer_revision, by) = match &current {
            Some(r) => (
                Some(AnswerValue::new(r.try_get::<String, _>("value")?)),
                Revision::new(r.try_get::<i64, _>("revision")?),
                r.try_get::<String, _>("updated_by")?,
            ),
            None => (None, Revision::NONE, String::new()),
        };
        if old == change.value {
            continue; // already in place: a retry, or the same value twice
        }
        if answer_revision > base_revision {
            conflicts.push(Conflict {
                question: change.question.clone(),
                entry: change.entry.clone(),
                yours: change.value.clone(),
                theirs: old.unwrap_or_default(),
                changed_by: by,
                revision: answer_revision,
            });
            continue;
        }
        writes.push((change, old));
    }
    Ok((writes, conflicts))
}

/// Writes one change at revision `next` with its row in the audit trail.
#[allow(clippy::too_many_arguments)]
async fn write_change(
    tx: &mut sqlx::AnyConnection,
    edition: EditionYear,
    city: &CityId,
    change: &AnswerChange,
    old: Option<&str>,
    claim: &Claim,
    user: &str,
    now: &str,
) -> Result<()> {
    let (next, questionnaire_version) = (claim.next, claim.questionnaire_version);
    match &change.value {
        Some(value) => {
            sqlx::query(
                "INSERT INTO answers (edition_year, city_id, question, entry, value, revision, questionnaire_version, \
                                      evidence, updated_by, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'self_reported', $8, $9) \
                 ON CONFLICT (edition_year, city_id, question, entry) DO UPDATE SET value = excluded.value, \
                     revision = excluded.revision, questionnaire_version = excluded.questionnaire_version, \
                     evidence = 'self_reported', evidence_note = NULL, \
                     updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            )
            .bind(year(edition))
            .bind(city.as_str())
            .bind(&change.question)
            .bind(EntryKey::column(change.entry.as_ref()))
            .bind(value.as_str())
            .bind(next.get())
            .bind(questionnaire_version.stored())
            .bind(user)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM answers WHERE edition_year = $1 AND city_id = $2 AND question = $3 AND entry = $4")
                .bind(year(edition))
                .bind(city.as_str())
                .bind(&change.question)
                .bind(EntryKey::column(change.entry.as_ref()))
                .execute(&mut *tx)
                .await?;
        }
    }
    sqlx::query(
        "INSERT INTO answer_changes (edition_year, city_id, question, entry, revision, old_value, new_value, \
                                     changed_by, changed_at, questionnaire_version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(year(edition))
    .bind(city.as_str())
    .bind(&change.question)
    .bind(EntryKey::column(change.entry.as_ref()))
    .bind(next.get())
    .bind(old)
    .bind(change.value.as_ref().map(AnswerValue::as_str))
    .bind(user)
    .bind(now)
    .bind(questionnaire_version.stored())
    .execute(&mut *tx)
    .await?;
    Ok(())
}
