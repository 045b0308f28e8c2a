//! The durable mail outbox.

use sqlx::Row;

use crate::{Outbox, Result};

/// A message waiting for delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// The message's id.
    pub id: String,
    /// Who it goes to.
    pub recipient: String,
    /// Its subject.
    pub subject: String,
    /// Its text.
    pub body: String,
    /// Deliveries tried so far.
    pub attempts: i64,
}

/// How many messages are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Waiting for delivery (or a retry).
    pub pending: i64,
    /// Delivered.
    pub sent: i64,
    /// Given up after the last attempt.
    pub failed: i64,
}

/// A message whose last delivery failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailProblem {
    /// Who it goes to.
    pub recipient: String,
    /// Its subject.
    pub subject: String,
    /// No further attempt will be made.
    pub given_up: bool,
    /// Deliveries tried so far.
    pub attempts: i64,
    /// When the next attempt is due.
    pub next_attempt_at: smartcities_domain::Timestamp,
    /// The last error.
    pub error: String,
}

/// After this many failed attempts a message is marked failed and left for a person to look at.
pub const MAX_ATTEMPTS: i64 = 8;

impl Outbox<'_> {
    /// Puts a message in the outbox; delivery happens later.
    pub async fn enqueue_mail(&self, id: &str, recipient: &str, subject: &str, body: &str) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        enqueue(&mut conn, &OutgoingMail { id, recipient, subject, body }, &self.now_text()).await
    }

    /// Pending messages whose next attempt is due, oldest first.
    pub async fn due_mail(&self, limit: i64) -> Result<Vec<Mail>> {
        let rows = sqlx::query(
            "SELECT id, recipient, subject, body, attempts FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
             ORDER BY created_at, id LIMIT $2",
        )
        .bind(self.now_text())
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

    /// Takes a due message for `seconds`: true when this caller won it. A server that dies while
    /// sending leaves the message to be tried again once the claim runs out.
    pub async fn claim_mail(&self, id: &str, seconds: i64) -> Result<bool> {
        let now = self.now_text();
        let done = sqlx::query(
            "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND status = 'pending' AND next_attempt_at <= $3",
        )
        .bind(self.text_in_seconds(seconds))
        .bind(id)
        .bind(&now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Makes every undelivered message due now, including those given up on: for when the
    /// mail server has been fixed. Returns how many there are.
    pub async fn retry_mail_now(&self) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1 WHERE status <> 'sent'",
        )
        .bind(self.now_text())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Messages whose last delivery failed, newest problems first: what the secretariat must
    /// see to fix a mail server or an address.
    pub async fn mail_problems(&self, limit: i64) -> Result<Vec<MailProblem>> {
        let rows = sqlx::query(
            "SELECT recipient, subject, status, attempts, next_attempt_at, last_error FROM outbox \
             WHERE status <> 'sent' AND last_error IS NOT NULL ORDER BY next_attempt_at DESC, id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MailProblem {
                    recipient: r.try_get("recipient")?,
                    subject: r.try_get("subject")?,
                    given_up: r.try_get::<String, _>("status")? == "failed",
                    attempts: r.try_get("attempts")?,
                    next_attempt_at: crate::moment(r, "next_attempt_at")?,
                    error: r.try_get("last_error")?,
                })
            })
            .collect()
    }

    /// Marks a message delivered.
    pub async fn mark_mail_sent(&self, id: &str) -> Result<()> {
        sqlx::query("UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2")
            .bind(self.now_text())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records a failed delivery: retried after 2^attempts minutes, given up after
    /// `MAX_ATTEMPTS`, or at once when the failure is `permanent` (an address that cannot be
    /// parsed, a refusal by the server).
    pub async fn mark_mail_failed(&self, mail: &Mail, error: &str, permanent: bool) -> Result<()> {
        let attempts = mail.attempts + 1;
        let status = if permanent || attempts >= MAX_ATTEMPTS { "failed" } else { "pending" };
        let delay = 60 * (1_i64 << attempts.min(12));
        sqlx::query("UPDATE outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $5")
            .bind(status)
            .bind(attempts)
            .bind(self.text_in_seconds(delay))
            .bind(error)
            .bind(&mail.id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// How many messages are in each state.
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

/// A message to put in the outbox together with the change it tells about.
#[derive(Debug, Clone, Copy)]
pub struct OutgoingMail<'a> {
    /// A unique id (a random token).
    pub id: &'a str,
    /// The address.
    pub recipient: &'a str,
    /// The subject line.
    pub subject: &'a str,
    /// The plain-text body.
    pub body: &'a str,
}

/// Puts a message in the outbox on a connection or within a transaction.
pub(crate) async fn enqueue(
    conn: &mut sqlx::AnyConnection,
    mail: &OutgoingMail<'_>,
    now: &str,
) -> Result<()> {
    let now = now.to_string();
    sqlx::query(
        "INSERT INTO outbox (id, recipient, subject, body, status, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5)",
    )
    .bind(mail.id)
    .bind(mail.recipient)
    .bind(mail.subject)
    .bind(mail.body)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
