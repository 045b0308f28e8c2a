//! What is waiting for someone, counted in the database: responses awaiting review, practices
//! in draft, applications to join, the open renewal round, mail given up on, and editions whose
//! results no longer match their answers. Counts only: each list lives on its own page.

use smartcities_domain::{CityId, EditionYear};
use sqlx::Row;

use crate::{Inbox, Result, StoreError, corrupt};

/// What waits for the secretariat, as counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Waiting {
    /// Submitted responses not yet accepted or returned, by edition (newest first).
    pub awaiting_review: Vec<(EditionYear, i64)>,
    /// Practices in draft (written or changed by a city, not yet published).
    pub draft_practices: i64,
    /// Applications to join nobody has decided.
    pub pending_applications: i64,
    /// The renewal round still open, if any: its id and title.
    pub open_round: Option<(String, String)>,
    /// Mail given up on after its last attempt.
    pub failed_mail: i64,
    /// Editions analysed before their answers last changed (newest first).
    pub stale_results: Vec<EditionYear>,
}

fn edition(n: i64) -> Result<EditionYear> {
    u16::try_from(n)
        .ok()
        .and_then(|y| EditionYear::new(y).ok())
        .ok_or_else(|| corrupt(format!("edition {n}")))
}

impl Inbox<'_> {
    /// Everything waiting for the secretariat.
    pub async fn waiting(&self) -> Result<Waiting> {
        let count = |sql: &'static str| async move {
            let row = sqlx::query(sql).fetch_one(&self.pool).await?;
            Ok::<i64, StoreError>(row.try_get::<i64, _>("n")?)
        };
        let awaiting = sqlx::query(
            "SELECT edition_year, COUNT(*) AS n FROM responses WHERE status = 'submitted' \
             GROUP BY edition_year ORDER BY edition_year DESC",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok((edition(r.try_get("edition_year")?)?, r.try_get::<i64, _>("n")?)))
        .collect::<Result<Vec<_>>>()?;
        let round = sqlx::query(
            "SELECT id, title FROM renewal_rounds WHERE closed_at IS NULL ORDER BY opened_at DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?
        .map(|r| Ok::<(String, String), StoreError>((r.try_get("id")?, r.try_get("title")?)))
        .transpose()?;
        let stale = sqlx::query(
            "SELECT r.edition_year FROM analysis_results r JOIN editions e ON e.year = r.edition_year \
             WHERE r.inputs_revision < e.inputs_revision ORDER BY r.edition_year DESC",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| edition(r.try_get("edition_year")?))
        .collect::<Result<Vec<_>>>()?;
        Ok(Waiting {
            awaiting_review: awaiting,
            draft_practices: count("SELECT COUNT(*) AS n FROM practices WHERE status = 'draft'").await?,
            pending_applications: count(
                "SELECT COUNT(*) AS n FROM member_applications WHERE status = 'pending'",
            )
            .await?,
            open_round: round,
            failed_mail: count("SELECT COUNT(*) AS n FROM outbox WHERE status = 'failed'").await?,
            stale_results: stale,
        })
    }

    /// Submitted responses assigned to the member of staff with this address, by edition.
    pub async fn assigned_to(&self, reviewer: &str) -> Result<Vec<(EditionYear, i64)>> {
        sqlx::query(
            "SELECT edition_year, COUNT(*) AS n FROM responses WHERE status = 'submitted' \
             AND lower(reviewer) = lower($1) GROUP BY edition_year ORDER BY edition_year DESC",
        )
        .bind(reviewer)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok((edition(r.try_get("edition_year")?)?, r.try_get::<i64, _>("n")?)))
        .collect()
    }

    /// A city's practices the secretariat sent back with comments.
    pub async fn returned_practices(&self, city: &CityId) -> Result<i64> {
        let row =
            sqlx::query("SELECT COUNT(*) AS n FROM practices WHERE status = 'returned' AND city_id = $1")
                .bind(city.as_str())
                .fetch_one(&self.pool)
                .await?;
        Ok(row.try_get("n")?)
    }
}
