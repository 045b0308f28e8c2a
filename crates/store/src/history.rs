//! The study's history as its reports published it: each past edition's figures (with every
//! change kept) and its original report files, served to every server from the database.

use smartcities_domain::{EditionYear, PublishedFigure, Timestamp};
use sqlx::Row;

use crate::{History, Result, corrupt, moment, year};

/// What an import of figures changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FiguresImported {
    /// Figures new to the edition.
    pub added: usize,
    /// Figures whose content changed (their earlier content is kept).
    pub changed: usize,
    /// Figures the file gave as they already were.
    pub unchanged: usize,
}

/// One change to a figure: when, by whom, and what it was before (`None` when it was added).
#[derive(Debug, Clone, PartialEq)]
pub struct FigureChange {
    /// When.
    pub at: Timestamp,
    /// By whom (an address).
    pub by: String,
    /// The figure before the change.
    pub previous: Option<PublishedFigure>,
}

/// A report file of an edition, without its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFile {
    /// Its file name.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its SHA-256, hex.
    pub sha256: String,
    /// When it was attached.
    pub uploaded_at: Timestamp,
}

impl History<'_> {
    /// Keeps `figures` for an edition, in the file's order, in one transaction: new codes are
    /// added, changed ones replaced with their earlier content kept in the history, codes the
    /// file does not give are left as they are.
    pub async fn import_figures(
        &self,
        edition: EditionYear,
        figures: &[PublishedFigure],
        by: &str,
    ) -> Result<FiguresImported> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let mut outcome = FiguresImported::default();
        let start: i64 = sqlx::query(
            "SELECT COALESCE(MAX(position), 0) AS n FROM published_figures WHERE edition_year = $1",
        )
        .bind(year(edition))
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
        for (i, figure) in figures.iter().enumerate() {
            let document = serde_json::to_string(figure).map_err(corrupt)?;
            let existing: Option<String> =
                sqlx::query("SELECT document FROM published_figures WHERE edition_year = $1 AND code = $2")
                    .bind(year(edition))
                    .bind(&figure.code)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| r.try_get("document"))
                    .transpose()?;
            match &existing {
                Some(before) if before == &document => {
                    outcome.unchanged += 1;
                    continue;
                }
                Some(_) => {
                    sqlx::query(
                        "UPDATE published_figures SET document = $1, updated_by = $2, updated_at = $3 \
                         WHERE edition_year = $4 AND code = $5",
                    )
                    .bind(&document)
                    .bind(by)
                    .bind(&now)
                    .bind(year(edition))
                    .bind(&figure.code)
                    .execute(&mut *tx)
                    .await?;
                    outcome.changed += 1;
                }
                None => {
                    sqlx::query(
                        "INSERT INTO published_figures (edition_year, code, position, document, updated_by, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(year(edition))
                    .bind(&figure.code)
                    .bind(start + i as i64 + 1)
                    .bind(&document)
                    .bind(by)
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
                    outcome.added += 1;
                }
            }
            let sequence: i64 = sqlx::query(
                "SELECT COALESCE(MAX(sequence), 0) + 1 AS n FROM published_figure_history WHERE edition_year = $1 AND code = $2",
            )
            .bind(year(edition))
            .bind(&figure.code)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
            sqlx::query(
                "INSERT INTO published_figure_history (edition_year, code, changed_at, changed_by, previous, sequence) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(year(edition))
            .bind(&figure.code)
            .bind(&now)
            .bind(by)
            .bind(existing)
            .bind(sequence)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(outcome)
    }

    /// An edition's figures, in the order they were first given.
    pub async fn figures(&self, edition: EditionYear) -> Result<Vec<PublishedFigure>> {
        let rows = sqlx::query(
            "SELECT document FROM published_figures WHERE edition_year = $1 ORDER BY position, code",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| serde_json::from_str(&r.try_get::<String, _>("document")?).map_err(corrupt))
            .collect()
    }

    /// Every change to one figure, oldest first.
    pub async fn figure_history(&self, edition: EditionYear, code: &str) -> Result<Vec<FigureChange>> {
        let rows = sqlx::query(
            "SELECT changed_at, changed_by, previous FROM published_figure_history \
             WHERE edition_year = $1 AND code = $2 ORDER BY sequence",
        )
        .bind(year(edition))
        .bind(code)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let previous: Option<String> = r.try_get("previous")?;
                Ok(FigureChange {
                    at: moment(r, "changed_at")?,
                    by: r.try_get("changed_by")?,
                    previous: previous.map(|p| serde_json::from_str(&p).map_err(corrupt)).transpose()?,
                })
            })
            .collect()
    }

    /// Attaches a report file to an edition, replacing one of the same name.
    pub async fn attach_report(
        &self,
        edition: EditionYear,
        name: &str,
        body: &[u8],
        sha256: &str,
        by: &str,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM edition_reports WHERE edition_year = $1 AND name = $2")
            .bind(year(edition))
            .bind(name)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO edition_reports (edition_year, name, body, bytes, sha256, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(year(edition))
        .bind(name)
        .bind(body)
        .bind(body.len() as i64)
        .bind(sha256)
        .bind(by)
        .bind(self.now_text())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// An edition's report files, by name.
    pub async fn reports(&self, edition: EditionYear) -> Result<Vec<ReportFile>> {
        let rows = sqlx::query(
            "SELECT name, bytes, sha256, uploaded_at FROM edition_reports WHERE edition_year = $1 ORDER BY name",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(report_file).collect()
    }

    /// One report file with its body.
    pub async fn report(&self, edition: EditionYear, name: &str) -> Result<Option<(ReportFile, Vec<u8>)>> {
        let row = sqlx::query(
            "SELECT name, bytes, sha256, uploaded_at, body FROM edition_reports WHERE edition_year = $1 AND name = $2",
        )
        .bind(year(edition))
        .bind(name)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((report_file(&r)?, r.try_get("body")?))).transpose()
    }
}

fn report_file(r: &sqlx::any::AnyRow) -> Result<ReportFile> {
    Ok(ReportFile {
        name: r.try_get("name")?,
        bytes: u64::try_from(r.try_get::<i64, _>("bytes")?).unwrap_or_default(),
        sha256: r.try_get("sha256")?,
        uploaded_at: moment(r, "uploaded_at")?,
    })
}
