//! What an analysis found: the stored results of an edition (with the count of accepted-answer
//! changes they were computed at, so staleness shows), the codebook and the codes coders gave to
//! free-text answers.

use smartcities_domain::{EditionYear, Timestamp};
use smartcities_questionnaire::EntryKey;
use sqlx::Row;

use crate::{Findings, Result, corrupt, year};

/// One coder's codes for one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCoding {
    /// The city whose answer it is.
    pub city: String,
    /// The question.
    pub question: String,
    /// The repeat entry, if any.
    pub entry: Option<EntryKey>,
    /// Who coded it.
    pub coder: String,
    /// The codes given.
    pub codes: Vec<String>,
    /// The passage each code applies to, where the coder marked one (code → quoted text).
    pub passages: std::collections::BTreeMap<String, String>,
    /// Made without categories ticked in advance: only such codings count towards agreement.
    pub independent: bool,
}

impl Findings<'_> {
    /// Replaces an edition's codebook (a JSON document the analysis reads).
    pub async fn set_codebook(&self, edition: EditionYear, document: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM codebooks WHERE edition_year = $1")
            .bind(i64::from(edition.get()))
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO codebooks (edition_year, document, updated_at) VALUES ($1, $2, $3)")
            .bind(i64::from(edition.get()))
            .bind(document)
            .bind(self.now_text())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// An edition's codebook, as stored.
    pub async fn codebook(&self, edition: EditionYear) -> Result<Option<String>> {
        let row = sqlx::query("SELECT document FROM codebooks WHERE edition_year = $1")
            .bind(i64::from(edition.get()))
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get("document")).transpose()?)
    }

    /// Records a coder's codes for one answer, replacing what the coder gave it before.
    pub async fn save_coding(&self, edition: EditionYear, coding: &StoredCoding) -> Result<()> {
        let codes = serde_json::to_string(&coding.codes).map_err(corrupt)?;
        let passages = serde_json::to_string(&coding.passages).map_err(corrupt)?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "DELETE FROM codings WHERE edition_year = $1 AND city_id = $2 AND question = $3 AND entry = $4 AND coder = $5",
        )
        .bind(i64::from(edition.get()))
        .bind(&coding.city)
        .bind(&coding.question)
        .bind(EntryKey::column(coding.entry.as_ref()))
        .bind(&coding.coder)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO codings (edition_year, city_id, question, entry, coder, codes, passages, coded_at, independent) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(i64::from(edition.get()))
        .bind(&coding.city)
        .bind(&coding.question)
        .bind(EntryKey::column(coding.entry.as_ref()))
        .bind(&coding.coder)
        .bind(codes)
        .bind(passages)
        .bind(self.now_text())
        .bind(i64::from(coding.independent))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every coding of an edition, by answer then coder.
    pub async fn codings(&self, edition: EditionYear) -> Result<Vec<StoredCoding>> {
        let rows = sqlx::query(
            "SELECT city_id, question, entry, coder, codes, passages, independent FROM codings WHERE edition_year = $1 \
             ORDER BY city_id, question, entry, coder",
        )
        .bind(i64::from(edition.get()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredCoding {
                    city: r.try_get("city_id")?,
                    question: r.try_get("question")?,
                    entry: EntryKey::parse(&r.try_get::<String, _>("entry")?).map_err(corrupt)?,
                    coder: r.try_get("coder")?,
                    codes: serde_json::from_str(&r.try_get::<String, _>("codes")?).map_err(corrupt)?,
                    passages: serde_json::from_str(&r.try_get::<String, _>("passages")?).map_err(corrupt)?,
                    independent: r.try_get::<i64, _>("independent")? != 0,
                })
            })
            .collect()
    }
}

impl Findings<'_> {
    /// Stores an edition's analysis, replacing the previous one. `inputs_revision` is the
    /// edition's count of changes to its accepted answers, read before the answers were.
    pub async fn save_results(
        &self,
        edition: EditionYear,
        method_version: &str,
        input_hash: &str,
        document: &str,
        inputs_revision: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM analysis_results WHERE edition_year = $1")
            .bind(year(edition))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO analysis_results (edition_year, method_version, input_hash, document, computed_at, inputs_revision) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(year(edition))
        .bind(method_version)
        .bind(input_hash)
        .bind(document)
        .bind(self.now_text())
        .bind(inputs_revision)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// Whether an edition has been analysed, without reading the results.
    pub async fn has_results(&self, edition: EditionYear) -> Result<bool> {
        let row = sqlx::query("SELECT 1 AS one FROM analysis_results WHERE edition_year = $1")
            .bind(year(edition))
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    /// The stored analysis of an edition: (document, computed at, whether the accepted answers
    /// changed since).
    pub async fn results(&self, edition: EditionYear) -> Result<Option<(String, Timestamp, bool)>> {
        let row = sqlx::query(
            "SELECT r.document, r.computed_at, r.inputs_revision < e.inputs_revision AS stale \
             FROM analysis_results r JOIN editions e ON e.year = r.edition_year WHERE r.edition_year = $1",
        )
        .bind(year(edition))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((r.try_get("document")?, crate::moment(&r, "computed_at")?, stale(&r)?))).transpose()
    }
}

/// A comparison read back as a flag: SQLite answers an integer, PostgreSQL a boolean.
fn stale(row: &sqlx::any::AnyRow) -> Result<bool> {
    match row.try_get::<bool, _>("stale") {
        Ok(flag) => Ok(flag),
        Err(_) => Ok(row.try_get::<i64, _>("stale")? != 0),
    }
}
