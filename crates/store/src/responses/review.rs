//! Review: moving a response along its lifecycle, returning it with comments, evidence levels.

use smartcities_domain::{CityId, EditionYear, Evidence, ResponseMove, ResponseStatus, Revision};
use smartcities_questionnaire::EntryKey;
use sqlx::Row;

use super::ReviewComment;
use crate::{Answering, Result, StoreError, corrupt, year};

impl Answering<'_> {
    /// Moves a response along its lifecycle (submit, return, accept, withdraw) and returns its
    /// new status; a move the lifecycle does not allow from the current status is refused.
    /// Accepting reviews every answer that was only self-reported.
    pub async fn move_response(
        &self,
        edition: EditionYear,
        city: &CityId,
        attempted: ResponseMove,
    ) -> Result<ResponseStatus> {
        let mut tx = self.begin_write().await?;
        let to = move_in(&mut tx, edition, city, attempted, &self.now_text()).await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(to)
    }

    /// Returns a submitted response to the city with reviewers' comments (one per question) and
    /// the mail that tells the city, in one transaction: the comments are never stored without
    /// the return, nor the return without them or its mail.
    pub async fn return_response(
        &self,
        edition: EditionYear,
        city: &CityId,
        comments: &[(String, String)],
        author: &str,
        mails: &[crate::OutgoingMail<'_>],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        move_in(&mut tx, edition, city, ResponseMove::Return, &self.now_text()).await?;
        add_comments(&mut tx, edition, city, comments, author, &self.now_text()).await?;
        for mail in mails {
            crate::outbox::enqueue(&mut tx, mail, &self.now_text()).await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// Records how far one answer can be trusted, with the document or link that backs it.
    pub async fn set_evidence(
        &self,
        edition: EditionYear,
        city: &CityId,
        question: &str,
        entry: Option<&EntryKey>,
        evidence: Evidence,
        note: Option<&str>,
    ) -> Result<()> {
        let level = EvidenceLevel { question, entry, evidence, note };
        self.set_evidence_levels(edition, city, std::slice::from_ref(&level)).await
    }

    /// Records the evidence levels of several answers in one transaction: all of them, or
    /// (when one names no answer of the response) none.
    pub async fn set_evidence_levels(
        &self,
        edition: EditionYear,
        city: &CityId,
        levels: &[EvidenceLevel<'_>],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for level in levels {
            let updated = sqlx::query(
                "UPDATE answers SET evidence = $1, evidence_note = $2 WHERE edition_year = $3 AND city_id = $4 AND question = $5 AND entry = $6",
            )
            .bind(level.evidence.slug())
            .bind(level.note)
            .bind(year(edition))
            .bind(city.as_str())
            .bind(level.question)
            .bind(EntryKey::column(level.entry))
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() == 0 {
                tx.rollback().await?;
                return Err(StoreError::NoAnswer {
                    city: city.clone(),
                    question: level.question.to_string(),
                });
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every city's answers to `questions` outside repeat groups in the edition, whatever
    /// their response's status, as (question, value): what a reviewer compares one city's
    /// answer with. One query.
    pub async fn answers_to(
        &self,
        edition: EditionYear,
        questions: &[&str],
    ) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query("SELECT question, value FROM answers WHERE edition_year = $1 AND entry = ''")
            .bind(year(edition))
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::new();
        for row in rows {
            let question: String = row.try_get("question")?;
            if questions.contains(&question.as_str()) {
                out.push((question, row.try_get("value")?));
            }
        }
        Ok(out)
    }

    /// Assigns a response to a member of staff for review (their address), or to nobody.
    pub async fn assign_reviewer(
        &self,
        edition: EditionYear,
        city: &CityId,
        reviewer: Option<&str>,
    ) -> Result<()> {
        let updated =
            sqlx::query("UPDATE responses SET reviewer = $1 WHERE edition_year = $2 AND city_id = $3")
                .bind(reviewer)
                .bind(year(edition))
                .bind(city.as_str())
                .execute(&self.pool)
                .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NoResponse { edition, city: city.clone() });
        }
        Ok(())
    }

    /// Reviewers' comments on a response, oldest first.
    pub async fn review_comments(&self, edition: EditionYear, city: &CityId) -> Result<Vec<ReviewComment>> {
        let rows = sqlx::query(
            "SELECT question, comment, author, created_at, revision FROM review_comments \
             WHERE edition_year = $1 AND city_id = $2 ORDER BY revision, question",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ReviewComment {
                    question: r.try_get("question")?,
                    comment: r.try_get("comment")?,
                    author: r.try_get("author")?,
                    created_at: crate::moment(r, "created_at")?,
                    revision: Revision::new(r.try_get("revision")?),
                })
            })
            .collect()
    }
}

/// The move of a response within a write transaction.
pub(crate) async fn move_in(
    tx: &mut sqlx::AnyConnection,
    edition: EditionYear,
    city: &CityId,
    attempted: ResponseMove,
    now: &str,
) -> Result<ResponseStatus> {
    let row = sqlx::query("SELECT status FROM responses WHERE edition_year = $1 AND city_id = $2")
        .bind(year(edition))
        .bind(city.as_str())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StoreError::NoResponse { edition, city: city.clone() })?;
    let from = ResponseStatus::parse(&row.try_get::<String, _>("status")?).map_err(corrupt)?;
    let to = from.after(attempted).ok_or_else(|| StoreError::IllegalMove {
        city: city.clone(),
        from,
        attempted,
    })?;
    let now = now.to_string();
    let submitted_at = (to == ResponseStatus::Submitted).then(|| now.clone());
    sqlx::query(
        "UPDATE responses SET status = $1, updated_at = $2, submitted_at = COALESCE($3, submitted_at) \
         WHERE edition_year = $4 AND city_id = $5",
    )
    .bind(to.slug())
    .bind(&now)
    .bind(submitted_at)
    .bind(year(edition))
    .bind(city.as_str())
    .execute(&mut *tx)
    .await?;
    let changes_inputs = from == ResponseStatus::Accepted
        || to == ResponseStatus::Accepted
        || matches!(attempted, ResponseMove::Return | ResponseMove::Withdraw);
    if changes_inputs {
        // The edition's results no longer match its accepted answers.
        sqlx::query("UPDATE editions SET inputs_revision = inputs_revision + 1 WHERE year = $1")
            .bind(year(edition))
            .execute(&mut *tx)
            .await?;
    }
    if to == ResponseStatus::Accepted {
        // Accepting a submission reviews every answer that was only self-reported.
        sqlx::query("UPDATE answers SET evidence = 'reviewed' WHERE edition_year = $1 AND city_id = $2 AND evidence = 'self_reported'")
            .bind(year(edition))
            .bind(city.as_str())
            .execute(&mut *tx)
            .await?;
    }
    Ok(to)
}

/// Reviewers' comments, one per question, at the response's current revision.
async fn add_comments(
    tx: &mut sqlx::AnyConnection,
    edition: EditionYear,
    city: &CityId,
    comments: &[(String, String)],
    author: &str,
    now: &str,
) -> Result<()> {
    let now = now.to_string();
    let revision: i64 =
        sqlx::query("SELECT revision FROM responses WHERE edition_year = $1 AND city_id = $2")
            .bind(year(edition))
            .bind(city.as_str())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NoResponse { edition, city: city.clone() })?
            .try_get("revision")?;
    for (question, comment) in comments {
        sqlx::query(
            "INSERT INTO review_comments (edition_year, city_id, question, comment, author, created_at, revision) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (edition_year, city_id, question, revision) DO UPDATE SET comment = excluded.comment, \
                 author = excluded.author, created_at = excluded.created_at",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .bind(question)
        .bind(comment)
        .bind(author)
        .bind(&now)
        .bind(revision)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// One answer's evidence level, as the reviewer sets it.
#[derive(Debug, Clone, Copy)]
pub struct EvidenceLevel<'a> {
    /// The question's code.
    pub question: &'a str,
    /// The repeat entry, if any.
    pub entry: Option<&'a EntryKey>,
    /// How far the answer can be trusted.
    pub evidence: Evidence,
    /// What backs it.
    pub note: Option<&'a str>,
}
