//! Codebooks and the codes coders gave to free-text answers.

use smartcities_domain::EditionYear;
use sqlx::Row;

use crate::{Result, Store, corrupt};

/// One coder's codes for one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCoding {
    /// The city whose answer it is.
    pub city: String,
    /// The question.
    pub question: String,
    /// The repeat entry, or `''`.
    pub entry: String,
    /// Who coded it.
    pub coder: String,
    /// The codes given.
    pub codes: Vec<String>,
    /// The passage each code applies to, where the coder marked one (code → quoted text).
    pub passages: std::collections::BTreeMap<String, String>,
}

impl Store {
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
        .bind(&coding.entry)
        .bind(&coding.coder)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO codings (edition_year, city_id, question, entry, coder, codes, passages, coded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(i64::from(edition.get()))
        .bind(&coding.city)
        .bind(&coding.question)
        .bind(&coding.entry)
        .bind(&coding.coder)
        .bind(codes)
        .bind(passages)
        .bind(self.now_text())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every coding of an edition, by answer then coder.
    pub async fn codings(&self, edition: EditionYear) -> Result<Vec<StoredCoding>> {
        let rows = sqlx::query(
            "SELECT city_id, question, entry, coder, codes, passages FROM codings WHERE edition_year = $1 \
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
                    entry: r.try_get("entry")?,
                    coder: r.try_get("coder")?,
                    codes: serde_json::from_str(&r.try_get::<String, _>("codes")?).map_err(corrupt)?,
                    passages: serde_json::from_str(&r.try_get::<String, _>("passages")?).map_err(corrupt)?,
                })
            })
            .collect()
    }
}
