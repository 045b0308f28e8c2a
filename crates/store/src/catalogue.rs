//! The good-practice catalogue: each practice's current version and every earlier one, and the
//! sequence that numbers changes so search indexes can follow them. A practice is never deleted.

use smartcities_domain::{
    CityId, EditionYear, Lang, Practice, PracticeId, PracticeStatus, PracticeVersion, ResponseMove, Timestamp,
};
use sqlx::{Row, any::AnyRow};

use crate::{Catalogue, Result, StoreError, corrupt, responses::move_in};

/// A practice as the catalogue holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPractice {
    /// The record.
    pub practice: Practice,
    /// Where it stands.
    pub status: PracticeStatus,
    /// Its version, from 1; every change makes the next one.
    pub version: PracticeVersion,
    /// The catalogue sequence number of its last change.
    pub seq: i64,
    /// When it was last changed (ISO 8601, UTC).
    pub updated_at: Timestamp,
    /// When it was first published, if it was.
    pub published_at: Option<Timestamp>,
}

/// One version of a practice.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedPractice {
    /// Its number.
    pub version: PracticeVersion,
    /// The status it was saved in.
    pub status: PracticeStatus,
    /// The record as it was.
    pub practice: Practice,
    /// Who saved it.
    pub changed_by: String,
    /// When.
    pub changed_at: Timestamp,
    /// The secretariat's comment, for a return.
    pub comment: Option<String>,
}

/// A change to save: the record, its new status, who makes it, and the version it was based on
/// (`None` for a new practice).
#[derive(Debug, Clone, Copy)]
pub struct PracticeChange<'a> {
    /// The record as it is to be.
    pub practice: &'a Practice,
    /// Its status after the change.
    pub status: PracticeStatus,
    /// The version the change started from; `None` creates the practice.
    pub based_on: Option<PracticeVersion>,
    /// Who makes it.
    pub by: &'a str,
    /// A comment for the city (a return's reasons).
    pub comment: Option<&'a str>,
}

fn document(practice: &Practice) -> Result<String> {
    serde_json::to_string(practice).map_err(corrupt)
}

fn stored_from_row(row: &AnyRow) -> Result<StoredPractice> {
    let document: String = row.try_get("document")?;
    Ok(StoredPractice {
        practice: serde_json::from_str(&document).map_err(corrupt)?,
        status: PracticeStatus::parse(&row.try_get::<String, _>("status")?).map_err(corrupt)?,
        version: crate::versioned(row, "version", PracticeVersion::new)?,
        seq: row.try_get("seq")?,
        updated_at: crate::moment(row, "updated_at")?,
        published_at: crate::moment_opt(row, "published_at")?,
    })
}

const COLUMNS: &str = "document, status, version, seq, updated_at, published_at";

/// The next number of the catalogue's sequence. Taking it locks the sequence's row until the
/// transaction ends, so changes commit in the order of their numbers: a reader that sees
/// number `n` has seen every change before it.
async fn next_seq(tx: &mut sqlx::AnyConnection) -> Result<i64> {
    Ok(sqlx::query("UPDATE catalogue_sequence SET seq = seq + 1 WHERE id = 1 RETURNING seq")
        .fetch_one(&mut *tx)
        .await?
        .try_get("seq")?)
}

/// Saves a change within a write transaction.
async fn save_in(
    tx: &mut sqlx::AnyConnection,
    change: PracticeChange<'_>,
    now: &str,
) -> Result<StoredPractice> {
    let practice = change.practice;
    let now = now.to_string();
    let doc = document(practice)?;
    let seq = next_seq(tx).await?;
    let published_now = (change.status == PracticeStatus::Published).then(|| now.clone());
    let version = match change.based_on {
        None => {
            let taken = sqlx::query("SELECT 1 FROM practices WHERE id = $1")
                .bind(practice.id.as_str())
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            if taken {
                return Err(StoreError::PracticeTaken(practice.id.to_string()));
            }
            sqlx::query(
                "INSERT INTO practices (id, city_id, status, version, document, source_edition, source_entry, seq, \
                 created_at, updated_at, published_at) VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $8, $9)",
            )
            .bind(practice.id.as_str())
            .bind(practice.city.as_str())
            .bind(change.status.slug())
            .bind(&doc)
            .bind(practice.source.map(|s| i64::from(s.edition.get())))
            .bind(practice.source.and_then(|s| i64::try_from(s.entry).ok()))
            .bind(seq)
            .bind(&now)
            .bind(published_now)
            .execute(&mut *tx)
            .await?;
            PracticeVersion::FIRST
        }
        Some(based_on) => {
            let updated = sqlx::query(
                "UPDATE practices SET status = $1, version = version + 1, document = $2, seq = $3, updated_at = $4, \
                 published_at = COALESCE(published_at, $5) WHERE id = $6 AND version = $7 AND city_id = $8",
            )
            .bind(change.status.slug())
            .bind(&doc)
            .bind(seq)
            .bind(&now)
            .bind(published_now)
            .bind(practice.id.as_str())
            .bind(based_on.stored())
            .bind(practice.city.as_str())
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() == 0 {
                let now_version = sqlx::query("SELECT version FROM practices WHERE id = $1")
                    .bind(practice.id.as_str())
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| crate::versioned(&r, "version", PracticeVersion::new))
                    .transpose()?;
                return Err(match now_version {
                    Some(now) => StoreError::PracticeChanged { based_on, now },
                    None => StoreError::NoPractice(practice.id.to_string()),
                });
            }
            based_on.next()
        }
    };
    sqlx::query(
        "INSERT INTO practice_versions (practice_id, version, status, document, changed_by, changed_at, comment) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(practice.id.as_str())
    .bind(version.stored())
    .bind(change.status.slug())
    .bind(&doc)
    .bind(change.by)
    .bind(&now)
    .bind(change.comment)
    .execute(&mut *tx)
    .await?;
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM practices WHERE id = $1")))
        .bind(practice.id.as_str())
        .fetch_one(&mut *tx)
        .await?;
    stored_from_row(&row)
}

impl Catalogue<'_> {
    /// Saves a new practice or a new version of one, with its version row, in one
    /// transaction. A change based on a version that is no longer current is refused.
    pub async fn save_practice(&self, change: PracticeChange<'_>) -> Result<StoredPractice> {
        let mut tx = self.begin_write().await?;
        let stored = save_in(&mut tx, change, &self.now_text()).await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(stored)
    }

    /// Stores a checked picture for a practice and saves the practice's new version that shows
    /// it, in one transaction.
    pub async fn save_practice_with_picture(
        &self,
        change: PracticeChange<'_>,
        picture: &crate::NewAttachment,
    ) -> Result<StoredPractice> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        // The practice row must exist before its picture refers to it; a new version is written
        // either way, so the picture goes in after it.
        let stored = save_in(&mut tx, change, &now).await?;
        sqlx::query(
            "INSERT INTO practice_pictures (practice_id, id, file_name, media_type, size, body, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (practice_id, id) DO NOTHING",
        )
        .bind(change.practice.id.as_str())
        .bind(&picture.id)
        .bind(&picture.file_name)
        .bind(&picture.media_type)
        .bind(picture.body.len() as i64)
        .bind(picture.body.clone())
        .bind(change.by)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(stored)
    }

    /// A picture stored for a practice, with its bytes.
    pub async fn practice_picture(
        &self,
        practice: &PracticeId,
        id: &str,
    ) -> Result<Option<crate::Attachment>> {
        let row = sqlx::query(
            "SELECT id, file_name, media_type, size, created_by, created_at, body FROM practice_pictures \
             WHERE practice_id = $1 AND id = $2",
        )
        .bind(practice.as_str())
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(|r| crate::responses::attachments::attachment(r, true)).transpose()
    }

    /// Saves many changes in one transaction (a catalogue loaded from a file): all land or
    /// none does.
    pub async fn save_practices(&self, changes: &[PracticeChange<'_>]) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        for change in changes {
            save_in(&mut tx, *change, &self.now_text()).await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(changes.len())
    }

    /// Accepts a submitted response, makes catalogue drafts of its practices and puts the mail
    /// that tells the city in the outbox, in one transaction. An entry that already became a practice (before a return and a second
    /// submission) keeps its practice as the secretariat curated it.
    pub async fn accept_response(
        &self,
        edition: EditionYear,
        city: &CityId,
        drafts: &[Practice],
        by: &str,
        mails: &[crate::OutgoingMail<'_>],
    ) -> Result<Vec<PracticeId>> {
        let mut tx = self.begin_write().await?;
        move_in(&mut tx, edition, city, ResponseMove::Accept, &self.now_text()).await?;
        for mail in mails {
            crate::outbox::enqueue(&mut tx, mail, &self.now_text()).await?;
        }
        let mut made = Vec::new();
        for draft in drafts {
            let Some(source) = draft.source else { continue };
            let exists = sqlx::query(
                "SELECT 1 FROM practices WHERE city_id = $1 AND source_edition = $2 AND source_entry = $3",
            )
            .bind(city.as_str())
            .bind(i64::from(source.edition.get()))
            .bind(i64::try_from(source.entry).map_err(corrupt)?)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
            if exists {
                continue;
            }
            let change = PracticeChange {
                practice: draft,
                status: PracticeStatus::Draft,
                based_on: None,
                by,
                comment: None,
            };
            made.push(save_in(&mut tx, change, &self.now_text()).await?.practice.id);
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(made)
    }

    /// A practice, whatever its status.
    pub async fn practice(&self, id: &PracticeId) -> Result<Option<StoredPractice>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM practices WHERE id = $1")))
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(stored_from_row).transpose()
    }

    /// Whether a practice has this id.
    pub async fn practice_exists(&self, id: &PracticeId) -> Result<bool> {
        Ok(sqlx::query("SELECT 1 FROM practices WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?
            .is_some())
    }

    /// Every version of a practice, newest first.
    pub async fn practice_versions(&self, id: &PracticeId) -> Result<Vec<SavedPractice>> {
        let rows = sqlx::query(
            "SELECT version, status, document, changed_by, changed_at, comment FROM practice_versions \
             WHERE practice_id = $1 ORDER BY version DESC",
        )
        .bind(id.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let document: String = row.try_get("document")?;
                Ok(SavedPractice {
                    version: crate::versioned(row, "version", PracticeVersion::new)?,
                    status: PracticeStatus::parse(&row.try_get::<String, _>("status")?).map_err(corrupt)?,
                    practice: serde_json::from_str(&document).map_err(corrupt)?,
                    changed_by: row.try_get("changed_by")?,
                    changed_at: crate::moment(row, "changed_at")?,
                    comment: row.try_get("comment")?,
                })
            })
            .collect()
    }

    /// The practices changed after sequence number `after`, in the order of their changes, at
    /// most `limit`. One statement reads them, so they are a prefix of the sequence: applying
    /// them brings an index up to the last one's number.
    pub async fn practices_changed_after(&self, after: i64, limit: i64) -> Result<Vec<StoredPractice>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM practices WHERE seq > $1 ORDER BY seq LIMIT $2"
        )))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(stored_from_row).collect()
    }

    /// The catalogue's sequence: the number of its last change.
    pub async fn catalogue_seq(&self) -> Result<i64> {
        Ok(sqlx::query("SELECT seq FROM catalogue_sequence WHERE id = 1")
            .fetch_one(&self.pool)
            .await?
            .try_get("seq")?)
    }

    /// The search synonyms of each language that has some, as kept: one group per line.
    pub async fn synonyms(&self) -> Result<Vec<(Lang, String)>> {
        let rows = sqlx::query("SELECT lang, groups FROM search_synonyms ORDER BY lang")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let code: String = row.try_get("lang")?;
                let lang = Lang::from_tag(&code)
                    .ok_or_else(|| StoreError::Corrupt(format!("synonyms of {code:?}")))?;
                Ok((lang, row.try_get("groups")?))
            })
            .collect()
    }

    /// Replaces one language's synonyms (`groups`: one group per line), recording who did.
    pub async fn save_synonyms(&self, lang: Lang, groups: &str, by: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO search_synonyms (lang, groups, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (lang) DO UPDATE SET groups = excluded.groups, updated_by = excluded.updated_by, \
             updated_at = excluded.updated_at",
        )
        .bind(lang.code())
        .bind(groups)
        .bind(by)
        .bind(self.now_text())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
