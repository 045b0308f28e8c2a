//! Group commit of saves to one response.
//!
//! Saves to one response take turns for its row (PostgreSQL's row lock, SQLite's single
//! writer), and a commit returns only once the log is on disk. A response's saves therefore
//! drain at one disk flush each: when many people answer for one city and a flush slows down
//! (a database checkpoint), every save behind it waits for its own flush in turn. Instead, the
//! saves that arrive while one of the response's transactions is being written wait together,
//! then go into the next transaction, one after the other, each in a savepoint of its own so
//! that a conflict or an error undoes that save alone; one flush makes them all permanent. A
//! save is acknowledged only after that commit.
//!
//! The writing runs in a task of its own, so a caller that gives up (a closed connection) does
//! not cut short the saves of others.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Mutex;

use smartcities_domain::{CityId, EditionYear, ResponseMove, ResponseStatus};
use sqlx::{AnyConnection, Row};
use tokio::sync::oneshot;

use crate::responses::{AnswerChange, Conflict, Editor, SaveOutcome, year};
use crate::{Result, Store, StoreError, clock, corrupt};

/// At most this many saves share a transaction, so that one transaction stays short.
const MOST_SAVES_PER_TRANSACTION: usize = 64;

/// One save of answers, as [`Store::save_answers`] takes it.
pub(crate) struct SaveRequest {
    pub(crate) edition: EditionYear,
    pub(crate) city: CityId,
    pub(crate) base_revision: i64,
    pub(crate) changes: Vec<AnswerChange>,
    pub(crate) user: String,
    pub(crate) editor: Editor,
}

struct Waiting {
    request: SaveRequest,
    reply: oneshot::Sender<Result<SaveOutcome>>,
}

/// The saves waiting for each response. A response is listed while a task is writing its saves,
/// so a save that finds it listed only joins the line.
#[derive(Default)]
pub(crate) struct SaveLines(Mutex<HashMap<(EditionYear, CityId), Vec<Waiting>>>);

impl std::fmt::Debug for SaveLines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SaveLines")
    }
}

impl SaveLines {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(EditionYear, CityId), Vec<Waiting>>> {
        // A panic while the map was held leaves it whole: every change to it is one call.
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Takes a response off the list when its writing task ends by a panic, which drops the saves
/// still waiting: their callers get an error instead of waiting for ever.
struct Unlist<'a> {
    lines: &'a SaveLines,
    key: &'a (EditionYear, CityId),
    done: bool,
}

impl Drop for Unlist<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.lines.lock().remove(self.key);
        }
    }
}

impl Store {
    /// Joins the response's line, starting its writing task if none runs, and waits for the
    /// save's outcome.
    pub(crate) async fn submit_save(&self, request: SaveRequest) -> Result<SaveOutcome> {
        let key = (request.edition, request.city.clone());
        let (reply, outcome) = oneshot::channel();
        let start = match self.save_lines.lock().entry(key.clone()) {
            Entry::Occupied(mut line) => {
                line.get_mut().push(Waiting { request, reply });
                false
            }
            Entry::Vacant(line) => {
                line.insert(vec![Waiting { request, reply }]);
                true
            }
        };
        if start {
            tokio::spawn(self.clone().write_line(key));
        }
        outcome
            .await
            .map_err(|_| StoreError::Shared("the save stopped before it was answered".to_string()))?
    }

    /// Writes a response's waiting saves, a transaction at a time, until none is left.
    async fn write_line(self, key: (EditionYear, CityId)) {
        let mut unlist = Unlist { lines: &self.save_lines, key: &key, done: false };
        loop {
            let batch: Vec<Waiting> = {
                let mut lines = self.save_lines.lock();
                let Some(line) = lines.get_mut(&key) else { break };
                if line.is_empty() {
                    // Taken off in the same hold of the lock that found the line empty, so a
                    // save arriving now starts a new task.
                    lines.remove(&key);
                    break;
                }
                let take = line.len().min(MOST_SAVES_PER_TRANSACTION);
                line.drain(..take).collect()
            };
            let (requests, replies): (Vec<SaveRequest>, Vec<_>) =
                batch.into_iter().map(|w| (w.request, w.reply)).unzip();
            let outcomes = self.write_saves(&requests).await;
            for (reply, outcome) in replies.into_iter().zip(outcomes) {
                // A caller that gave up no longer listens; its save stands all the same.
                let _ = reply.send(outcome);
            }
        }
        unlist.done = true;
    }

    /// Writes saves to one response in one transaction and answers each one's outcome.
    async fn write_saves(&self, requests: &[SaveRequest]) -> Vec<Result<SaveOutcome>> {
        let failed = |error: &StoreError| {
            requests.iter().map(|_| Err(StoreError::Shared(error.to_string()))).collect()
        };
        let mut tx = match self.begin_write().await {
            Ok(tx) => tx,
            Err(error) => return failed(&error),
        };
        // A save alone needs no savepoint: the whole transaction is its own.
        let alone = requests.len() == 1;
        let (mut outcomes, mut wrote, mut accepted) = (Vec::with_capacity(requests.len()), false, false);
        for request in requests {
            if !alone && let Err(error) = sqlx::query("SAVEPOINT save").execute(&mut *tx).await {
                return failed(&error.into());
            }
            let outcome = save_in(&mut tx, request).await;
            let keep = matches!(&outcome, Ok((SaveOutcome::Saved { changed, .. }, _)) if *changed > 0);
            if !alone {
                let end = if keep { "RELEASE SAVEPOINT save" } else { "ROLLBACK TO SAVEPOINT save" };
                if let Err(error) = sqlx::query(end).execute(&mut *tx).await {
                    return failed(&error.into());
                }
                if !keep && let Err(error) = sqlx::query("RELEASE SAVEPOINT save").execute(&mut *tx).await {
                    return failed(&error.into());
                }
            }
            wrote |= keep;
            accepted |= keep && matches!(&outcome, Ok((_, ResponseStatus::Accepted)));
            outcomes.push(outcome.map(|(outcome, _)| outcome));
        }
        let ended = if wrote { tx.commit().await } else { tx.rollback().await };
        if let Err(error) = ended {
            return failed(&error);
        }
        if accepted && let Err(error) = self.public_changed().await {
            // As for a save alone: the answers stand, but city pages were not told they changed.
            return failed(&error);
        }
        outcomes
    }
}

/// One save inside a transaction its caller ends: the outcome, and the response's status after
/// it. Nothing is written unless the outcome is [`SaveOutcome::Saved`] with changes.
async fn save_in(conn: &mut AnyConnection, request: &SaveRequest) -> Result<(SaveOutcome, ResponseStatus)> {
    let SaveRequest { edition, city, base_revision, changes, user, editor } = request;
    let (edition, base_revision, editor) = (*edition, *base_revision, *editor);
    let now = clock::now();
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
    .bind(&now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Err(StoreError::NoResponse { edition, city: city.clone() });
    };
    let status = ResponseStatus::parse(&row.try_get::<String, _>("status")?).map_err(corrupt)?;
    let next: i64 = row.try_get("revision")?;
    let revision = next - 1;
    let questionnaire_version: i64 = row
        .try_get::<Option<i64>, _>("questionnaire_version")?
        .ok_or(StoreError::NoQuestionnaire(edition))?;
    let Some(next_status) = status.after(editor.save_move()) else {
        return Err(match editor {
            Editor::Respondent => StoreError::ResponseClosed { city: city.clone(), status },
            Editor::Secretariat => {
                StoreError::IllegalMove { city: city.clone(), from: status, attempted: ResponseMove::Correct }
            }
        });
    };

    let mut conflicts = Vec::new();
    let mut writes: Vec<(&AnswerChange, Option<String>)> = Vec::new();
    for change in changes {
        let current = sqlx::query(
            "SELECT value, revision, updated_by FROM answers \
             WHERE edition_year = $1 AND city_id = $2 AND question = $3 AND entry = $4",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .bind(&change.question)
        .bind(&change.entry)
        .fetch_optional(&mut *conn)
        .await?;
        let (old, answer_revision, by) = match &current {
            Some(r) => (
                Some(r.try_get::<String, _>("value")?),
                r.try_get::<i64, _>("revision")?,
                r.try_get::<String, _>("updated_by")?,
            ),
            None => (None, 0, String::new()),
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
    if !conflicts.is_empty() {
        return Ok((SaveOutcome::Conflicts { revision, conflicts }, status));
    }
    if writes.is_empty() {
        return Ok((SaveOutcome::Saved { revision, changed: 0 }, status));
    }
    for (change, old) in &writes {
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
                .bind(&change.entry)
                .bind(value)
                .bind(next)
                .bind(questionnaire_version)
                .bind(user.as_str())
                .bind(&now)
                .execute(&mut *conn)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM answers WHERE edition_year = $1 AND city_id = $2 AND question = $3 AND entry = $4")
                    .bind(year(edition))
                    .bind(city.as_str())
                    .bind(&change.question)
                    .bind(&change.entry)
                    .execute(&mut *conn)
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
        .bind(&change.entry)
        .bind(next)
        .bind(old.as_deref())
        .bind(change.value.as_deref())
        .bind(user.as_str())
        .bind(&now)
        .bind(questionnaire_version)
        .execute(&mut *conn)
        .await?;
    }
    if next_status != status {
        sqlx::query("UPDATE responses SET status = $1 WHERE edition_year = $2 AND city_id = $3")
            .bind(next_status.slug())
            .bind(year(edition))
            .bind(city.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok((SaveOutcome::Saved { revision: next, changed: writes.len() }, next_status))
}
