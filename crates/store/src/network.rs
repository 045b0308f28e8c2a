//! The community keeping itself: renewal rounds of the member list, applications to join, the
//! leadership record, the activity plan and the download counts of published files.

use smartcities_domain::{
    Activity, Application, ApplicationStatus, City, CityId, Day, EditionYear, FocalPoint, Lang, Leadership,
    Member, MemberStatus, RenewalAnswer, Timestamp, Written,
};
use sqlx::{Row, any::AnyRow};

use crate::{
    Community, OutgoingMail, Result, StoreError,
    cities::upsert_city_in,
    corrupt, json_document,
    members::{replace_focal_points_in, save_member_in},
    outbox::enqueue,
};

/// A renewal round of the member list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewalRound {
    /// Its id (`renewal-2026-12-01`).
    pub id: String,
    /// Its title, as written and translated, as mailed to members.
    pub title: Written,
    /// When it was opened (RFC 3339).
    pub opened_at: Timestamp,
    /// The last day to answer (`YYYY-MM-DD`).
    pub closes_on: Day,
    /// When it was closed, once it is.
    pub closed_at: Option<Timestamp>,
    /// Who opened it.
    pub opened_by: String,
}

/// A member's place in a renewal round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewalReply {
    /// The member city.
    pub city: CityId,
    /// What it answered.
    pub answer: RenewalAnswer,
    /// When (RFC 3339).
    pub answered_at: Option<Timestamp>,
    /// How many reminders it was sent.
    pub reminders: i64,
    /// What it said when leaving.
    pub note: Option<String>,
}

fn round_from_row(row: &AnyRow) -> Result<RenewalRound> {
    Ok(RenewalRound {
        id: row.try_get("id")?,
        title: match row.try_get::<Option<String>, _>("title_written")? {
            Some(json) => serde_json::from_str(&json).map_err(corrupt)?,
            None => Written::new(Lang::En, row.try_get::<String, _>("title")?),
        },
        opened_at: crate::moment(row, "opened_at")?,
        closes_on: Day::parse(&row.try_get::<String, _>("closes_on")?).map_err(corrupt)?,
        closed_at: crate::moment_opt(row, "closed_at")?,
        opened_by: row.try_get("opened_by")?,
    })
}

fn reply_from_row(row: &AnyRow) -> Result<RenewalReply> {
    let city: String = row.try_get("city_id")?;
    let answer: String = row.try_get("answer")?;
    Ok(RenewalReply {
        city: CityId::parse(&city).map_err(corrupt)?,
        answer: RenewalAnswer::parse(&answer).map_err(corrupt)?,
        answered_at: crate::moment_opt(row, "answered_at")?,
        reminders: row.try_get("reminders")?,
        note: row.try_get("note")?,
    })
}

const ROUND_COLUMNS: &str = "id, title, title_written, opened_at, closes_on, closed_at, opened_by";

/// Downloads of one published file on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadCount {
    /// The edition whose version the file belongs to.
    pub edition: EditionYear,
    /// The file's name (`report-en.pdf`).
    pub file: String,
    /// The day.
    pub day: Day,
    /// How many.
    pub count: u64,
}

impl Community<'_> {
    /// Opens a renewal round: each member listed (with the hash of the token its link carries)
    /// is asked to answer and becomes *pending renewal*, and the mails go to the outbox, all in
    /// one transaction. Refused while another round is open.
    pub async fn open_renewal(
        &self,
        round: &RenewalRound,
        asked: &[(CityId, String)],
        mails: &[OutgoingMail<'_>],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let open = sqlx::query("SELECT id FROM renewal_rounds WHERE closed_at IS NULL")
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(open) = open {
            return Err(StoreError::RoundStillOpen(open.try_get("id")?));
        }
        sqlx::query(
            "INSERT INTO renewal_rounds (id, title, title_written, opened_at, closes_on, closed_at, opened_by) \
             VALUES ($1, $2, $3, $4, $5, NULL, $6)",
        )
        .bind(&round.id)
        .bind(round.title.get(round.title.original).0)
        .bind(serde_json::to_string(&round.title).map_err(corrupt)?)
        .bind(round.opened_at.to_string())
        .bind(round.closes_on.to_string())
        .bind(&round.opened_by)
        .execute(&mut *tx)
        .await?;
        let now = self.now_text();
        for (city, token_hash) in asked {
            sqlx::query(
                "INSERT INTO renewal_replies (round_id, city_id, token_hash, answer, answered_at, reminders, note) \
                 VALUES ($1, $2, $3, 'waiting', NULL, 0, NULL)",
            )
            .bind(&round.id)
            .bind(city.as_str())
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
            set_member_status(&mut tx, city, MemberStatus::PendingRenewal, &now).await?;
        }
        for mail in mails {
            enqueue(&mut tx, mail, &self.now_text()).await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// Every renewal round, the latest first.
    pub async fn renewal_rounds(&self) -> Result<Vec<RenewalRound>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ROUND_COLUMNS} FROM renewal_rounds ORDER BY opened_at DESC, id DESC"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(round_from_row).collect()
    }

    /// The members asked in a round and what each answered, by city id.
    pub async fn renewal_replies(&self, round: &str) -> Result<Vec<RenewalReply>> {
        let rows = sqlx::query(
            "SELECT city_id, answer, answered_at, reminders, note FROM renewal_replies \
             WHERE round_id = $1 ORDER BY city_id",
        )
        .bind(round)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(reply_from_row).collect()
    }

    /// The round and reply a mailed link's token hash opens.
    pub async fn renewal_by_token(&self, token_hash: &str) -> Result<Option<(RenewalRound, RenewalReply)>> {
        let row = sqlx::query(
            "SELECT r.id, r.title, r.title_written, r.opened_at, r.closes_on, r.closed_at, r.opened_by, \
                    p.city_id, p.answer, p.answered_at, p.reminders, p.note \
             FROM renewal_replies p JOIN renewal_rounds r ON r.id = p.round_id WHERE p.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| Ok((round_from_row(&row)?, reply_from_row(&row)?))).transpose()
    }

    /// Records a member's answer while its round is open: confirmed or updated keep it active
    /// (updated replaces its focal points), left marks it as having left. One transaction;
    /// answering again replaces the earlier answer.
    pub async fn answer_renewal(
        &self,
        round: &str,
        city: &CityId,
        answer: RenewalAnswer,
        focal_points: Option<&[FocalPoint]>,
        note: Option<&str>,
    ) -> Result<()> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let open = sqlx::query("SELECT 1 FROM renewal_rounds WHERE id = $1 AND closed_at IS NULL")
            .bind(round)
            .fetch_optional(&mut *tx)
            .await?;
        if open.is_none() {
            return Err(StoreError::RoundClosed);
        }
        sqlx::query(
            "UPDATE renewal_replies SET answer = $1, answered_at = $2, note = $3 WHERE round_id = $4 AND city_id = $5",
        )
        .bind(answer.slug())
        .bind(&now)
        .bind(note)
        .bind(round)
        .bind(city.as_str())
        .execute(&mut *tx)
        .await?;
        let status = if answer == RenewalAnswer::Left { MemberStatus::Left } else { MemberStatus::Active };
        set_member_status(&mut tx, city, status, &now).await?;
        if let Some(focal_points) = focal_points {
            replace_focal_points_in(&mut tx, city, focal_points).await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// Counts a reminder for each city, gives it the new link's token hash (the older link
    /// stops working) and queues the mails, in one transaction.
    pub async fn record_renewal_reminders(
        &self,
        round: &str,
        reminded: &[(CityId, String)],
        mails: &[OutgoingMail<'_>],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for (city, token_hash) in reminded {
            sqlx::query(
                "UPDATE renewal_replies SET reminders = reminders + 1, token_hash = $1 \
                 WHERE round_id = $2 AND city_id = $3",
            )
            .bind(token_hash)
            .bind(round)
            .bind(city.as_str())
            .execute(&mut *tx)
            .await?;
        }
        for mail in mails {
            enqueue(&mut tx, mail, &self.now_text()).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Closes a round: members that never answered lapse (their records and replies stay).
    /// Returns the cities that lapsed.
    pub async fn close_renewal(&self, round: &str) -> Result<Vec<CityId>> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let closed =
            sqlx::query("UPDATE renewal_rounds SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL")
                .bind(&now)
                .bind(round)
                .execute(&mut *tx)
                .await?;
        if closed.rows_affected() == 0 {
            return Err(StoreError::RoundClosed);
        }
        let rows = sqlx::query(
            "SELECT city_id FROM renewal_replies WHERE round_id = $1 AND answer = 'waiting' ORDER BY city_id",
        )
        .bind(round)
        .fetch_all(&mut *tx)
        .await?;
        let mut lapsed = Vec::new();
        for row in rows {
            let city = CityId::parse(&row.try_get::<String, _>("city_id")?).map_err(corrupt)?;
            set_member_status(&mut tx, &city, MemberStatus::Lapsed, &now).await?;
            lapsed.push(city);
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(lapsed)
    }

    /// Stores a new application to join, with the hash of the client that sent it.
    pub async fn save_application(&self, application: &Application, client: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO member_applications (id, status, submitted_at, document, decided_at, decided_by, client) \
             VALUES ($1, $2, $3, $4, NULL, NULL, $5)",
        )
        .bind(&application.id)
        .bind(application.status.slug())
        .bind(application.submitted_at.to_string())
        .bind(serde_json::to_string(application).map_err(corrupt)?)
        .bind(client)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many applications were sent since `since`, in all and from the client with this
    /// hash.
    pub async fn applications_since(&self, since: &str, client: &str) -> Result<(i64, i64)> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN client = $2 THEN 1 ELSE 0 END), 0) AS mine \
             FROM member_applications WHERE submitted_at >= $1",
        )
        .bind(since)
        .bind(client)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get("total")?, row.try_get("mine")?))
    }

    /// Applications to join, the latest first.
    pub async fn applications(&self) -> Result<Vec<Application>> {
        let rows = sqlx::query("SELECT document FROM member_applications ORDER BY submitted_at DESC, id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(json_document).collect()
    }

    /// Records the decision on an application (its new status and reason are in `decided`).
    /// An approval also adds the city to the registry and the member list, in the same
    /// transaction, and the mail to the applicant goes to the outbox with it.
    pub async fn decide_application(
        &self,
        decided: &Application,
        by: &str,
        joined: Option<(&City, &Member)>,
        mail: Option<&OutgoingMail<'_>>,
    ) -> Result<()> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE member_applications SET status = $1, document = $2, decided_at = $3, decided_by = $4 \
             WHERE id = $5 AND status = $6",
        )
        .bind(decided.status.slug())
        .bind(serde_json::to_string(decided).map_err(corrupt)?)
        .bind(&now)
        .bind(by)
        .bind(&decided.id)
        .bind(ApplicationStatus::Pending.slug())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::AlreadyDecided(decided.id.clone()));
        }
        if let Some((city, member)) = joined {
            upsert_city_in(&mut tx, city, &now).await?;
            save_member_in(&mut tx, member, &now).await?;
        }
        if let Some(mail) = mail {
            enqueue(&mut tx, mail, &self.now_text()).await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// Replaces the leadership record.
    pub async fn save_leadership(&self, leadership: &Leadership) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO leadership (id, document, updated_at) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at",
        )
        .bind(serde_json::to_string(leadership).map_err(corrupt)?)
        .bind(self.now_text())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// The leadership record, once one is kept.
    pub async fn leadership(&self) -> Result<Option<Leadership>> {
        let row =
            sqlx::query("SELECT document FROM leadership WHERE id = 1").fetch_optional(&self.pool).await?;
        row.as_ref().map(json_document).transpose()
    }

    /// Records activities of the plan, replacing those with the same ids, all or none.
    pub async fn save_activities(&self, activities: &[Activity]) -> Result<()> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        for activity in activities {
            sqlx::query(
                "INSERT INTO activities (id, semester, document, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (id) DO UPDATE SET semester = excluded.semester, document = excluded.document, \
                     updated_at = excluded.updated_at",
            )
            .bind(activity.id.as_str())
            .bind(activity.semester.to_string())
            .bind(serde_json::to_string(activity).map_err(corrupt)?)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// The activity plan, by semester then id.
    pub async fn activities(&self) -> Result<Vec<Activity>> {
        let rows = sqlx::query("SELECT document FROM activities ORDER BY semester, id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(json_document).collect()
    }

    /// Adds downloads counted elsewhere (by a server's tally, or the demonstration's history)
    /// to the stored counts, in one transaction.
    pub async fn add_downloads(&self, counts: &[DownloadCount]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for DownloadCount { edition, file, day, count } in counts {
            sqlx::query(
                "INSERT INTO downloads (edition_year, file, day, count) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (edition_year, file, day) DO UPDATE SET count = downloads.count + excluded.count",
            )
            .bind(crate::year(*edition))
            .bind(file)
            .bind(day.to_string())
            .bind(i64::try_from(*count).unwrap_or(i64::MAX))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Downloads per edition between two days (inclusive), by edition.
    pub async fn downloads(&self, from: Day, to: Day) -> Result<Vec<(EditionYear, u64)>> {
        let rows = sqlx::query(
            "SELECT edition_year, CAST(SUM(count) AS BIGINT) AS n FROM downloads WHERE day >= $1 AND day <= $2 \
             GROUP BY edition_year ORDER BY edition_year",
        )
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let year = u16::try_from(row.try_get::<i64, _>("edition_year")?).map_err(corrupt)?;
                let count = u64::try_from(row.try_get::<i64, _>("n")?).map_err(corrupt)?;
                Ok((EditionYear::new(year).map_err(corrupt)?, count))
            })
            .collect()
    }
}

async fn set_member_status(
    conn: &mut sqlx::AnyConnection,
    city: &CityId,
    status: MemberStatus,
    now: &str,
) -> Result<()> {
    sqlx::query("UPDATE members SET status = $1, updated_at = $2 WHERE city_id = $3")
        .bind(status.slug())
        .bind(now)
        .bind(city.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
