//! Respondents' notes on single answers: written in the same transaction as the answers of a
//! save, read by the respondent, the reviewers and the answers export, never published.

use smartcities_domain::{CityId, EditionYear, Revision, Timestamp};
use smartcities_questionnaire::EntryKey;
use sqlx::Row;

use crate::{Answering, Result, corrupt, year};

/// A note to set on one answer: `note` None (or blank) removes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteChange {
    /// The question's code.
    pub question: String,
    /// None for an ordinary question, the entry of a repeat group otherwise.
    pub entry: Option<EntryKey>,
    /// The note; `None` removes it.
    pub note: Option<String>,
}

/// A note as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredNote {
    /// The question's code.
    pub question: String,
    /// The repeat entry, if any.
    pub entry: Option<EntryKey>,
    /// What the respondent wrote.
    pub note: String,
    /// The response's revision when it was written.
    pub revision: Revision,
    /// Who wrote it.
    pub updated_by: String,
    /// When.
    pub updated_at: Timestamp,
}

/// Writes the notes that differ from those stored, at revision `next`; returns how many changed.
/// A note someone else changed meanwhile is replaced: notes are the respondent's own words, and
/// the latest save's words are the ones kept.
pub(super) async fn write_notes(
    tx: &mut sqlx::AnyConnection,
    edition: EditionYear,
    city: &CityId,
    notes: &[NoteChange],
    next: Revision,
    user: &str,
    now: &str,
) -> Result<usize> {
    if notes.is_empty() {
        return Ok(0);
    }
    // One read of the response's notes, not one per note box of the page.
    let rows = sqlx::query(
        "SELECT question, entry, note FROM answer_notes WHERE edition_year = $1 AND city_id = $2",
    )
    .bind(year(edition))
    .bind(city.as_str())
    .fetch_all(&mut *tx)
    .await?;
    let mut stored = std::collections::HashMap::new();
    for r in &rows {
        let key: (String, String) = (r.try_get("question")?, r.try_get("entry")?);
        stored.insert(key, r.try_get::<String, _>("note")?);
    }
    let mut changed = 0;
    for change in notes {
        let entry = EntryKey::column(change.entry.as_ref());
        let current = stored.get(&(change.question.clone(), entry.clone())).map(String::as_str);
        let wanted = change.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        if current == wanted {
            continue;
        }
        changed += 1;
        match wanted {
            Some(note) => {
                sqlx::query(
                    "INSERT INTO answer_notes (edition_year, city_id, question, entry, note, revision, updated_by, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                     ON CONFLICT (edition_year, city_id, question, entry) DO UPDATE SET note = excluded.note, \
                         revision = excluded.revision, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                )
                .bind(year(edition))
                .bind(city.as_str())
                .bind(&change.question)
                .bind(&entry)
                .bind(note)
                .bind(next.get())
                .bind(user)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query(
                    "DELETE FROM answer_notes WHERE edition_year = $1 AND city_id = $2 AND question = $3 AND entry = $4",
                )
                .bind(year(edition))
                .bind(city.as_str())
                .bind(&change.question)
                .bind(&entry)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    Ok(changed)
}

impl Answering<'_> {
    /// Every note on a city's answers, by question and entry.
    pub async fn answer_notes(&self, edition: EditionYear, city: &CityId) -> Result<Vec<StoredNote>> {
        let rows = sqlx::query(
            "SELECT question, entry, note, revision, updated_by, updated_at FROM answer_notes \
             WHERE edition_year = $1 AND city_id = $2 ORDER BY question, entry",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(stored_note).collect()
    }

    /// Every note on the edition's accepted responses, by city then question and entry: what
    /// `export answers` writes beside the answers.
    pub async fn accepted_notes(&self, edition: EditionYear) -> Result<Vec<(CityId, StoredNote)>> {
        let rows = sqlx::query(
            "SELECT n.city_id, n.question, n.entry, n.note, n.revision, n.updated_by, n.updated_at \
             FROM answer_notes n JOIN responses r ON r.edition_year = n.edition_year AND r.city_id = n.city_id \
             WHERE n.edition_year = $1 AND r.status = 'accepted' ORDER BY n.city_id, n.question, n.entry",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let city = CityId::parse(&r.try_get::<String, _>("city_id")?).map_err(corrupt)?;
                Ok((city, stored_note(r)?))
            })
            .collect()
    }
}

fn stored_note(r: &sqlx::any::AnyRow) -> Result<StoredNote> {
    Ok(StoredNote {
        question: r.try_get("question")?,
        entry: EntryKey::parse(&r.try_get::<String, _>("entry")?).map_err(corrupt)?,
        note: r.try_get("note")?,
        revision: Revision::new(r.try_get("revision")?),
        updated_by: r.try_get("updated_by")?,
        updated_at: crate::moment(r, "updated_at")?,
    })
}
