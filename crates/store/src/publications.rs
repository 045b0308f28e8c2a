//! Published versions of an edition: numbered from 1, immutable once written, each with the
//! snapshot it was made from, its content hash and its files. A version is never deleted; it
//! can only be withdrawn, with a reason.

use smartcities_domain::{EditionYear, PublishedVersion, Timestamp};
use sqlx::{AssertSqlSafe, Row, any::AnyRow};

use crate::{Result, StoreError, Versions, corrupt};

/// A published version of an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// The edition.
    pub edition: EditionYear,
    /// Its number, from 1.
    pub version: PublishedVersion,
    /// SHA-256 of the snapshot it was made from.
    pub content_hash: String,
    /// When it was published (ISO 8601, UTC).
    pub published_at: Timestamp,
    /// Who published it.
    pub published_by: String,
    /// When and why it was withdrawn, if it was.
    pub withdrawn: Option<(Timestamp, String)>,
    /// From when the public sees it (ISO 8601, UTC): at once, at a scheduled moment, or never
    /// while it is a private preview (`None`).
    pub public_at: Option<Timestamp>,
    /// Made while cities were still answering: its findings are provisional.
    pub provisional: bool,
    /// How many files it has.
    pub files: usize,
    /// Their total size in bytes.
    pub bytes: u64,
}

impl Publication {
    /// Whether the public sees it at `now` (an ISO 8601 UTC timestamp): public from its moment
    /// on, until it is withdrawn (a withdrawn version still shows why).
    pub fn is_public_at(&self, now: Timestamp) -> bool {
        self.public_at.is_some_and(|at| at <= now)
    }

    /// Whether it waits for a scheduled moment still to come.
    pub fn is_scheduled_at(&self, now: Timestamp) -> bool {
        self.withdrawn.is_none() && self.public_at.is_some_and(|at| at > now)
    }
}

/// A file of a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedFile {
    /// Its path in the version (`site/en/index.html`).
    pub path: String,
    /// Its media type.
    pub content_type: String,
    /// Its content.
    pub body: Vec<u8>,
}

/// A version about to be stored.
#[derive(Debug, Clone, Copy)]
pub struct NewPublication<'a> {
    /// The edition.
    pub edition: EditionYear,
    /// The number it was made as: the next one, or the store refuses.
    pub version: PublishedVersion,
    /// SHA-256 of its snapshot.
    pub content_hash: &'a str,
    /// The snapshot, as JSON.
    pub snapshot: &'a str,
    /// Who publishes it.
    pub published_by: &'a str,
    /// Its files.
    pub files: &'a [PublishedFile],
    /// Made while cities were still answering.
    pub provisional: bool,
}

/// Work due at a moment, claimed by one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledJob {
    /// Its id.
    pub id: String,
    /// What to do (`make_public`, `remind`).
    pub kind: String,
    /// The edition.
    pub edition: EditionYear,
    /// The version a `make_public` job makes public.
    pub version: Option<PublishedVersion>,
    /// How many days before the deadline a `remind` job is due.
    pub days_before: Option<u32>,
    /// When it is due (ISO 8601, UTC).
    pub due_at: Timestamp,
}

fn publication_from_row(row: &AnyRow) -> Result<Publication> {
    let year = u16::try_from(row.try_get::<i64, _>("edition_year")?).map_err(corrupt)?;
    let withdrawn_at = crate::moment_opt(row, "withdrawn_at")?;
    let reason: Option<String> = row.try_get("withdrawn_reason")?;
    Ok(Publication {
        edition: EditionYear::new(year).map_err(corrupt)?,
        version: crate::versioned(row, "version", PublishedVersion::new)?,
        content_hash: row.try_get("content_hash")?,
        published_at: crate::moment(row, "published_at")?,
        published_by: row.try_get("published_by")?,
        withdrawn: withdrawn_at.map(|at| (at, reason.unwrap_or_default())),
        public_at: crate::moment_opt(row, "public_at")?,
        provisional: row.try_get::<i64, _>("provisional")? != 0,
        files: usize::try_from(row.try_get::<i64, _>("files")?).map_err(corrupt)?,
        bytes: u64::try_from(row.try_get::<i64, _>("bytes")?).map_err(corrupt)?,
    })
}

const PUBLICATION_COLUMNS: &str = "p.edition_year, p.version, p.content_hash, p.published_at, p.published_by, \
     p.withdrawn_at, p.withdrawn_reason, p.public_at, p.provisional, \
     (SELECT COUNT(*) FROM publication_files f WHERE f.edition_year = p.edition_year AND f.version = p.version) AS files, \
     (SELECT COALESCE(SUM(LENGTH(f.body)), 0) FROM publication_files f WHERE f.edition_year = p.edition_year AND f.version = p.version) AS bytes";

impl Versions<'_> {
    /// The number the next version of an edition will get.
    pub async fn next_publication_version(&self, edition: EditionYear) -> Result<PublishedVersion> {
        let row = sqlx::query(
            "SELECT COALESCE(MAX(version), 0) AS latest FROM publications WHERE edition_year = $1",
        )
        .bind(i64::from(edition.get()))
        .fetch_one(&self.pool)
        .await?;
        let latest: i64 = row.try_get("latest")?;
        Ok(PublishedVersion::new(latest).map_or(PublishedVersion::FIRST, PublishedVersion::next))
    }

    /// Stores a version with all its files, private until [`Store::go_public`] or
    /// [`Store::schedule_public`] says otherwise, in one transaction. Refused if another version
    /// took its number meanwhile. Whether the edition takes answers is left alone.
    pub async fn save_publication(&self, new: NewPublication<'_>) -> Result<()> {
        let year = i64::from(new.edition.get());
        let mut tx = self.begin_write().await?;
        let latest: i64 = sqlx::query(
            "SELECT COALESCE(MAX(version), 0) AS latest FROM publications WHERE edition_year = $1",
        )
        .bind(year)
        .fetch_one(&mut *tx)
        .await?
        .try_get("latest")?;
        if latest + 1 != new.version.stored() {
            return Err(StoreError::VersionTaken { edition: new.edition, version: new.version });
        }
        sqlx::query(
            "INSERT INTO publications (edition_year, version, content_hash, snapshot, published_at, published_by, provisional) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(year)
        .bind(new.version.stored())
        .bind(new.content_hash)
        .bind(new.snapshot)
        .bind(self.now_text())
        .bind(new.published_by)
        .bind(crate::flag(new.provisional))
        .execute(&mut *tx)
        .await?;
        for file in new.files {
            sqlx::query(
                "INSERT INTO publication_files (edition_year, version, path, content_type, body) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(year)
            .bind(new.version.stored())
            .bind(&file.path)
            .bind(&file.content_type)
            .bind(file.body.clone())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Makes a version public from `at` (now or a moment passed): the edition's findings become
    /// public and `mails` go to the outbox, in one transaction. With `job`, only if that job is
    /// not done yet (it is marked done), so a scheduled publication happens once whichever
    /// server runs it. Returns whether this call did it.
    pub async fn go_public(
        &self,
        edition: EditionYear,
        version: PublishedVersion,
        at: &str,
        mails: &[crate::OutgoingMail<'_>],
        job: Option<&str>,
    ) -> Result<bool> {
        let year = i64::from(edition.get());
        let mut tx = self.begin_write().await?;
        if let Some(job) = job {
            if !crate::campaigns::mark_done(&mut tx, job, &self.now_text()).await? {
                return Ok(false);
            }
        } else {
            sqlx::query(
                "UPDATE scheduled_jobs SET cancelled_at = $1 \
                 WHERE edition_year = $2 AND version = $3 AND done_at IS NULL AND cancelled_at IS NULL",
            )
            .bind(self.now_text())
            .bind(year)
            .bind(version.stored())
            .execute(&mut *tx)
            .await?;
        }
        let changed = sqlx::query(
            "UPDATE publications SET public_at = $1 WHERE edition_year = $2 AND version = $3 AND withdrawn_at IS NULL",
        )
        .bind(at)
        .bind(year)
        .bind(version.stored())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("UPDATE editions SET published = 1, updated_at = $1 WHERE year = $2")
            .bind(self.now_text())
            .bind(year)
            .execute(&mut *tx)
            .await?;
        for mail in mails {
            crate::outbox::enqueue(&mut tx, mail, &self.now_text()).await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(true)
    }

    /// Schedules a private version to go public at `at` (a moment to come), or with `None`
    /// takes it back to a private preview; any earlier schedule of it is cancelled. One
    /// transaction.
    pub async fn schedule_public(
        &self,
        edition: EditionYear,
        version: PublishedVersion,
        at: Option<&str>,
    ) -> Result<()> {
        let year = i64::from(edition.get());
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE scheduled_jobs SET cancelled_at = $1 \
             WHERE edition_year = $2 AND version = $3 AND done_at IS NULL AND cancelled_at IS NULL",
        )
        .bind(self.now_text())
        .bind(year)
        .bind(version.stored())
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE publications SET public_at = $1 WHERE edition_year = $2 AND version = $3")
            .bind(at)
            .bind(year)
            .bind(version.stored())
            .execute(&mut *tx)
            .await?;
        if let Some(at) = at {
            sqlx::query(
                "INSERT INTO scheduled_jobs (id, kind, edition_year, version, due_at) VALUES ($1, 'make_public', $2, $3, $4)",
            )
            .bind(format!("make_public-{year}-{version}-{at}"))
            .bind(year)
            .bind(version.stored())
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// Claims the next job due at `now` for `server`: one whose claim is older than `lease`
    /// seconds (its server died) can be claimed again. True ownership is settled when the job's
    /// work commits ([`Store::go_public`] marks it done once).
    pub async fn claim_due_job(&self, server: &str, lease: i64) -> Result<Option<ScheduledJob>> {
        let now = self.now_text();
        let stale = self.text_in_seconds(-lease);
        let row = sqlx::query(
            "SELECT id, kind, edition_year, version, days_before, due_at FROM scheduled_jobs \
             WHERE due_at <= $1 AND done_at IS NULL AND cancelled_at IS NULL AND (claimed_at IS NULL OR claimed_at < $2) \
             ORDER BY due_at, id LIMIT 1",
        )
        .bind(&now)
        .bind(&stale)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id: String = row.try_get("id")?;
        let won = sqlx::query(
            "UPDATE scheduled_jobs SET claimed_by = $1, claimed_at = $2 \
             WHERE id = $3 AND done_at IS NULL AND cancelled_at IS NULL AND (claimed_at IS NULL OR claimed_at < $4)",
        )
        .bind(server)
        .bind(&now)
        .bind(&id)
        .bind(&stale)
        .execute(&self.pool)
        .await?;
        if won.rows_affected() != 1 {
            return Ok(None);
        }
        let year = u16::try_from(row.try_get::<i64, _>("edition_year")?).map_err(corrupt)?;
        Ok(Some(ScheduledJob {
            id,
            kind: row.try_get("kind")?,
            edition: EditionYear::new(year).map_err(corrupt)?,
            version: PublishedVersion::new(row.try_get::<i64, _>("version")?),
            days_before: row.try_get::<Option<i64>, _>("days_before")?.and_then(|d| u32::try_from(d).ok()),
            due_at: crate::moment(&row, "due_at")?,
        }))
    }

    /// An edition's versions, oldest first.
    pub async fn publications(&self, edition: EditionYear) -> Result<Vec<Publication>> {
        // The columns are a constant of this module.
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {PUBLICATION_COLUMNS} FROM publications p WHERE p.edition_year = $1 ORDER BY p.version"
        )))
        .bind(i64::from(edition.get()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(publication_from_row).collect()
    }

    /// The current version of every edition that has one: the latest public and not withdrawn.
    pub async fn current_versions(
        &self,
    ) -> Result<std::collections::BTreeMap<EditionYear, PublishedVersion>> {
        let rows = sqlx::query(
            "SELECT edition_year, MAX(version) AS version FROM publications \
             WHERE withdrawn_at IS NULL AND public_at IS NOT NULL AND public_at <= $1 GROUP BY edition_year",
        )
        .bind(self.now_text())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let year = u16::try_from(r.try_get::<i64, _>("edition_year")?).map_err(corrupt)?;
                let version = crate::versioned(r, "version", PublishedVersion::new)?;
                Ok((EditionYear::new(year).map_err(corrupt)?, version))
            })
            .collect()
    }

    /// One version.
    pub async fn publication(
        &self,
        edition: EditionYear,
        version: PublishedVersion,
    ) -> Result<Option<Publication>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {PUBLICATION_COLUMNS} FROM publications p WHERE p.edition_year = $1 AND p.version = $2"
        )))
        .bind(i64::from(edition.get()))
        .bind(version.stored())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(publication_from_row).transpose()
    }

    /// The snapshot a version was made from, as JSON.
    pub async fn publication_snapshot(
        &self,
        edition: EditionYear,
        version: PublishedVersion,
    ) -> Result<Option<String>> {
        let row = sqlx::query("SELECT snapshot FROM publications WHERE edition_year = $1 AND version = $2")
            .bind(i64::from(edition.get()))
            .bind(version.stored())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| r.try_get("snapshot").map_err(Into::into)).transpose()
    }

    /// One file of a version.
    pub async fn publication_file(
        &self,
        edition: EditionYear,
        version: PublishedVersion,
        path: &str,
    ) -> Result<Option<PublishedFile>> {
        let row = sqlx::query(
            "SELECT path, content_type, body FROM publication_files WHERE edition_year = $1 AND version = $2 AND path = $3",
        )
        .bind(i64::from(edition.get()))
        .bind(version.stored())
        .bind(path)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(PublishedFile {
                path: r.try_get("path")?,
                content_type: r.try_get("content_type")?,
                body: r.try_get("body")?,
            })
        })
        .transpose()
    }

    /// The paths of a version's files, sorted.
    pub async fn publication_paths(
        &self,
        edition: EditionYear,
        version: PublishedVersion,
    ) -> Result<Vec<String>> {
        let rows = sqlx::query(
            "SELECT path FROM publication_files WHERE edition_year = $1 AND version = $2 ORDER BY path",
        )
        .bind(i64::from(edition.get()))
        .bind(version.stored())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| r.try_get("path").map_err(Into::into)).collect()
    }

    /// Withdraws a version, with the reason the public will read. Its files stay, so links to
    /// it keep explaining what happened; a version withdrawn already keeps its first reason.
    pub async fn withdraw_publication(
        &self,
        edition: EditionYear,
        version: PublishedVersion,
        reason: &str,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE publications SET withdrawn_at = $1, withdrawn_reason = $2 \
             WHERE edition_year = $3 AND version = $4 AND withdrawn_at IS NULL",
        )
        .bind(self.now_text())
        .bind(reason)
        .bind(i64::from(edition.get()))
        .bind(version.stored())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE scheduled_jobs SET cancelled_at = $1 \
             WHERE edition_year = $2 AND version = $3 AND done_at IS NULL AND cancelled_at IS NULL",
        )
        .bind(self.now_text())
        .bind(i64::from(edition.get()))
        .bind(version.stored())
        .execute(&mut *tx)
        .await?;
        // The findings stay public while another version is; whether cities answer is left alone.
        sqlx::query(
            "UPDATE editions SET published = CASE WHEN EXISTS (SELECT 1 FROM publications p \
                 WHERE p.edition_year = $1 AND p.withdrawn_at IS NULL AND p.public_at IS NOT NULL AND p.public_at <= $2) \
                 THEN 1 ELSE 0 END \
             WHERE year = $1",
        )
        .bind(i64::from(edition.get()))
        .bind(self.now_text())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(done.rows_affected() == 1)
    }

    /// How many times the accepted answers of an edition changed: results computed at a lower
    /// count are stale.
    pub async fn inputs_revision(&self, edition: EditionYear) -> Result<i64> {
        let row = sqlx::query("SELECT inputs_revision FROM editions WHERE year = $1")
            .bind(i64::from(edition.get()))
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NoEdition(edition))?;
        Ok(row.try_get("inputs_revision")?)
    }
}
