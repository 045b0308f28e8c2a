//! What a campaign sends and when: the invitation and reminder texts the secretariat wrote per
//! language, and reminders scheduled before the deadline on the once-only job table that also
//! makes versions public.

use smartcities_domain::{EditionYear, Lang, Timestamp};
use sqlx::Row;

use crate::{Campaigns, OutgoingMail, Result, corrupt, moment, moment_opt, year};

/// Which campaign mail a text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CampaignMail {
    /// The first mail a city's respondent gets for an edition.
    Invitation,
    /// A reminder to a city that has not submitted.
    Reminder,
}

impl CampaignMail {
    /// Both kinds, invitation first.
    pub const ALL: [CampaignMail; 2] = [CampaignMail::Invitation, CampaignMail::Reminder];

    /// Its name in the database and in forms.
    pub fn slug(self) -> &'static str {
        match self {
            CampaignMail::Invitation => "invitation",
            CampaignMail::Reminder => "reminder",
        }
    }

    /// From its slug.
    pub fn parse(slug: &str) -> Option<CampaignMail> {
        CampaignMail::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// A campaign mail's text in one language as the secretariat wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignText {
    /// Which mail.
    pub kind: CampaignMail,
    /// In which language.
    pub lang: Lang,
    /// Its subject, with placeholders.
    pub subject: String,
    /// Its body, with placeholders.
    pub body: String,
    /// Who wrote it last.
    pub updated_by: String,
    /// When.
    pub updated_at: Timestamp,
}

/// A reminder to schedule: its id, how many days before the deadline, and the moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder {
    /// A fresh id for the job.
    pub id: String,
    /// Days before the deadline.
    pub days_before: u32,
    /// When it is due.
    pub due_at: Timestamp,
}

/// A scheduled reminder as the campaign page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledReminder {
    /// Days before the deadline.
    pub days_before: u32,
    /// When it is due.
    pub due_at: Timestamp,
    /// When a server sent it, if one did.
    pub done_at: Option<Timestamp>,
}

impl Campaigns<'_> {
    /// The texts written for an edition's campaign mails.
    pub async fn texts(&self, edition: EditionYear) -> Result<Vec<CampaignText>> {
        let rows = sqlx::query(
            "SELECT kind, lang, subject, body, updated_by, updated_at FROM campaign_texts \
             WHERE edition_year = $1 ORDER BY kind, lang",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                let lang: String = row.try_get("lang")?;
                Ok(CampaignText {
                    kind: CampaignMail::parse(&kind).ok_or_else(|| corrupt(format!("mail kind {kind:?}")))?,
                    lang: Lang::from_tag(&lang).ok_or_else(|| corrupt(format!("language {lang:?}")))?,
                    subject: row.try_get("subject")?,
                    body: row.try_get("body")?,
                    updated_by: row.try_get("updated_by")?,
                    updated_at: moment(row, "updated_at")?,
                })
            })
            .collect()
    }

    /// Keeps the text of one mail in one language, or with `None` goes back to the built-in
    /// text.
    pub async fn set_text(
        &self,
        edition: EditionYear,
        kind: CampaignMail,
        lang: Lang,
        text: Option<(&str, &str)>,
        by: &str,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM campaign_texts WHERE edition_year = $1 AND kind = $2 AND lang = $3")
            .bind(year(edition))
            .bind(kind.slug())
            .bind(lang.code())
            .execute(&mut *tx)
            .await?;
        if let Some((subject, body)) = text {
            sqlx::query(
                "INSERT INTO campaign_texts (edition_year, kind, lang, subject, body, updated_by, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(year(edition))
            .bind(kind.slug())
            .bind(lang.code())
            .bind(subject)
            .bind(body)
            .bind(by)
            .bind(self.now_text())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the reminders still to come of an edition by `reminders` (none to stop them),
    /// in one transaction. Reminders already sent stay on record.
    pub async fn schedule_reminders(&self, edition: EditionYear, reminders: &[NewReminder]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE scheduled_jobs SET cancelled_at = $1 \
             WHERE edition_year = $2 AND kind = 'remind' AND done_at IS NULL AND cancelled_at IS NULL",
        )
        .bind(self.now_text())
        .bind(year(edition))
        .execute(&mut *tx)
        .await?;
        for reminder in reminders {
            sqlx::query(
                "INSERT INTO scheduled_jobs (id, kind, edition_year, version, days_before, due_at) \
                 VALUES ($1, 'remind', $2, 0, $3, $4)",
            )
            .bind(&reminder.id)
            .bind(year(edition))
            .bind(i64::from(reminder.days_before))
            .bind(reminder.due_at.to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// An edition's reminders, scheduled or sent (not those cancelled), soonest first.
    pub async fn scheduled_reminders(&self, edition: EditionYear) -> Result<Vec<ScheduledReminder>> {
        let rows = sqlx::query(
            "SELECT days_before, due_at, done_at FROM scheduled_jobs \
             WHERE edition_year = $1 AND kind = 'remind' AND cancelled_at IS NULL ORDER BY due_at, id",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let days: Option<i64> = row.try_get("days_before")?;
                Ok(ScheduledReminder {
                    days_before: days.and_then(|d| u32::try_from(d).ok()).unwrap_or_default(),
                    due_at: moment(row, "due_at")?,
                    done_at: moment_opt(row, "done_at")?,
                })
            })
            .collect()
    }

    /// Does a claimed job's work: marks it done and puts `mails` in the outbox in one
    /// transaction, only if it was not done or cancelled meanwhile. Returns whether this call
    /// did it.
    pub async fn finish_job(&self, job: &str, mails: &[OutgoingMail<'_>]) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        if !mark_done(&mut tx, job, &self.now_text()).await? {
            return Ok(false);
        }
        for mail in mails {
            crate::outbox::enqueue(&mut tx, mail, &self.now_text()).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}

/// Marks a scheduled job done inside the caller's transaction, unless it was done or cancelled
/// meanwhile: whether this call marked it, so the job's work happens once across servers.
pub(crate) async fn mark_done(conn: &mut sqlx::AnyConnection, job: &str, now: &str) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE scheduled_jobs SET done_at = $1 WHERE id = $2 AND done_at IS NULL AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(job)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
