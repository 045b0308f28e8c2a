//! The durable mail outbox.

use sqlx::Row;

use crate::{Result, Store, clock};

/// A message waiting for delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

/// How many messages are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

/// After this many failed attempts a message is marked failed and left for a person to look at.
pub const MAX_ATTEMPTS: i64 = 8;

impl Store {
    pub async fn enqueue_mail(&self, id: &str, recipient: &str, subject: &str, body: &str) -> Result<()> {
        let now = clock::now();
        sqlx::query(
            "INSERT INTO outbox (id, recipient, subject, body, status, attempts, next_attempt_at, created_at) \
             VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5)",
        )
        .bind(id)
        .bind(recipient)
        .bind(subject)
        .bind(body)
        .bind(&now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Pending messages whose next attempt is due, oldest first.
    pub async fn due_mail(&self, limit: i64) -> Result<Vec<Mail>> {
        let rows = sqlx::query(
            "SELECT id, recipient, subject, body, attempts FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
             ORDER BY created_at, id LIMIT $2",
        )
        .bind(clock::now())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Mail {
                    id: r.try_get("id")?,
                    recipient: r.try_get("recipient")?,
                    subject: r.try_get("subject")?,
                    body: r.try_get("body")?,
                    attempts: r.try_get("attempts")?,
                })
            })
            .collect()
    }

    pub async fn mark_mail_sent(&self, id: &str) -> Result<()> {
        sqlx::query("UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2")
            .bind(clock::now())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records a failed delivery: retried after 2^attempts minutes, given up after
    /// `MAX_ATTEMPTS`.
    pub async fn mark_mail_failed(&self, mail: &Mail, error: &str) -> Result<()> {
        let attempts = mail.attempts + 1;
        let status = if attempts >= MAX_ATTEMPTS { "failed" } else { "pending" };
        let delay = 60 * (1_i64 << attempts.min(12));
        sqlx::query("UPDATE outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $5")
            .bind(status)
            .bind(attempts)
            .bind(clock::from_now(delay))
            .bind(error)
            .bind(&mail.id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn outbox_counts(&self) -> Result<OutboxCounts> {
        let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
            .fetch_all(&self.pool)
            .await?;
        let mut counts = OutboxCounts::default();
        for row in rows {
            let n: i64 = row.try_get("n")?;
            match row.try_get::<String, _>("status")?.as_str() {
                "pending" => counts.pending = n,
                "sent" => counts.sent = n,
                _ => counts.failed = n,
            }
        }
        Ok(counts)
    }
}
