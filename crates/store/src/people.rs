//! Personal data across every table: what is held about one person (named by e-mail address),
//! its erasure in one transaction, disabled accounts, and how long decided applications are
//! kept. Answers, reviews and decisions stay with their city or edition; the person's address
//! on them becomes [`FORMER_CONTACT`].

use smartcities_domain::{Application, Email, Practice};
use sqlx::Row;

use crate::{People, Result, User, corrupt};

/// What records a person made are attributed to once they are erased.
pub const FORMER_CONTACT: &str = "a former contact";

/// The columns that record who did something, as an e-mail address: (table, column).
const AUTHOR_COLUMNS: [(&str, &str); 9] = [
    ("answers", "updated_by"),
    ("answer_changes", "changed_by"),
    ("review_comments", "author"),
    ("practice_versions", "changed_by"),
    ("member_applications", "decided_by"),
    ("publications", "published_by"),
    ("renewal_rounds", "opened_by"),
    ("codings", "coder"),
    ("search_synonyms", "updated_by"),
];

/// Everything the database holds about one person.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeldAbout {
    /// The account, if there is one.
    pub account: Option<User>,
    /// When the account was made.
    pub account_created: Option<String>,
    /// Cities naming the person as a focal point: (city id, name, role).
    pub focal_points: Vec<(String, String, String)>,
    /// Applications to join the person sent.
    pub applications: Vec<Application>,
    /// Practices naming the person as their contact (ids).
    pub practice_contacts: Vec<String>,
    /// Records the person made, by table: (table, how many).
    pub records: Vec<(String, i64)>,
    /// Mail to the person: (subject, status, when queued).
    pub mails: Vec<(String, String, String)>,
    /// Recent failed sign-ins under the address.
    pub failed_sign_ins: i64,
}

/// How many rows an erasure changed, by what they were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erased {
    /// Accounts deleted (with their sessions and links).
    pub accounts: u64,
    /// Focal points removed from members.
    pub focal_points: u64,
    /// Applications deleted.
    pub applications: u64,
    /// Practice documents (current and past versions) whose contact was removed.
    pub practice_contacts: u64,
    /// Records now attributed to [`FORMER_CONTACT`].
    pub records: u64,
    /// Mails deleted from the outbox.
    pub mails: u64,
}

fn same(a: &str, b: &Email) -> bool {
    a.eq_ignore_ascii_case(b.as_str())
}

impl People<'_> {
    /// Everything held about the person with this address.
    pub async fn held_about(&self, email: &Email) -> Result<HeldAbout> {
        let mut held =
            HeldAbout { account: self.accounts().user_by_email(email).await?, ..HeldAbout::default() };
        if let Some(user) = &held.account {
            let row = sqlx::query("SELECT created_at FROM users WHERE id = $1")
                .bind(&user.id)
                .fetch_one(&self.pool)
                .await?;
            held.account_created = Some(row.try_get("created_at")?);
        }
        for row in sqlx::query(
            "SELECT city_id, name, role FROM focal_points WHERE lower(email) = lower($1) ORDER BY city_id",
        )
        .bind(email.as_str())
        .fetch_all(&self.pool)
        .await?
        {
            held.focal_points.push((row.try_get("city_id")?, row.try_get("name")?, row.try_get("role")?));
        }
        held.applications = self.applications_of(email).await?.into_iter().map(|(_, a)| a).collect();
        held.practice_contacts = self.practices_naming(email).await?.into_iter().map(|(id, _)| id).collect();
        for (table, column) in AUTHOR_COLUMNS {
            let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE lower({column}) = lower($1)");
            let row =
                sqlx::query(sqlx::AssertSqlSafe(sql)).bind(email.as_str()).fetch_one(&self.pool).await?;
            let n: i64 = row.try_get("n")?;
            if n > 0 {
                held.records.push((format!("{table}.{column}"), n));
            }
        }
        for row in sqlx::query(
            "SELECT subject, status, created_at FROM outbox WHERE lower(recipient) = lower($1) ORDER BY created_at",
        )
        .bind(email.as_str())
        .fetch_all(&self.pool)
        .await?
        {
            held.mails.push((row.try_get("subject")?, row.try_get("status")?, row.try_get("created_at")?));
        }
        let row = sqlx::query("SELECT COUNT(*) AS n FROM sign_in_attempts WHERE attempt_key = $1")
            .bind(format!("account:{}", email.as_str().to_lowercase()))
            .fetch_one(&self.pool)
            .await?;
        held.failed_sign_ins = row.try_get("n")?;
        Ok(held)
    }

    /// The rows of `table` whose JSON document mentions the address, read as `T` and kept
    /// where `names` says the document is about the person: (id, document).
    async fn documents_naming<T: serde::de::DeserializeOwned>(
        &self,
        table: &str,
        email: &Email,
        names: impl Fn(&T) -> bool,
    ) -> Result<Vec<(String, T)>> {
        let sql = format!("SELECT id, document FROM {table} WHERE lower(document) LIKE $1");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(format!("%{}%", email.as_str().to_lowercase()))
            .fetch_all(&self.pool)
            .await?;
        let mut found = Vec::new();
        for row in rows {
            let document: String = row.try_get("document")?;
            let value: T = serde_json::from_str(&document).map_err(corrupt)?;
            if names(&value) {
                found.push((row.try_get("id")?, value));
            }
        }
        Ok(found)
    }

    /// Applications whose focal point has this address, with their ids.
    async fn applications_of(&self, email: &Email) -> Result<Vec<(String, Application)>> {
        self.documents_naming("member_applications", email, |a: &Application| {
            same(a.focal_point.email.as_str(), email)
        })
        .await
    }

    /// Current practices whose contact has this address, with their ids.
    async fn practices_naming(&self, email: &Email) -> Result<Vec<(String, Practice)>> {
        let contact = |p: &Practice| {
            p.contact.as_ref().and_then(|c| c.email.as_ref()).is_some_and(|e| same(e.as_str(), email))
        };
        self.documents_naming("practices", email, contact).await
    }

    /// Erases the person with this address, in one transaction: the account (with its sessions
    /// and links), focal points, applications, the practices' contact (in every version), the
    /// mail to them and their failed sign-ins; what they recorded stays, attributed to
    /// [`FORMER_CONTACT`].
    pub async fn erase(&self, email: &Email) -> Result<Erased> {
        let address = email.as_str().to_lowercase();
        let applications = self.applications_of(email).await?;
        let mut tx = self.begin_write().await?;
        let mut erased = Erased::default();
        let deleted =
            sqlx::query("DELETE FROM users WHERE lower(email) = $1").bind(&address).execute(&mut *tx).await?;
        erased.accounts = deleted.rows_affected();
        let deleted = sqlx::query("DELETE FROM focal_points WHERE lower(email) = $1")
            .bind(&address)
            .execute(&mut *tx)
            .await?;
        erased.focal_points = deleted.rows_affected();
        for (id, _) in &applications {
            sqlx::query("DELETE FROM member_applications WHERE id = $1").bind(id).execute(&mut *tx).await?;
            erased.applications += 1;
        }
        for table in ["practices", "practice_versions"] {
            let key = if table == "practices" { "id, 0 AS version" } else { "practice_id AS id, version" };
            let sql = format!("SELECT {key}, document FROM {table} WHERE lower(document) LIKE $1");
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(format!("%{address}%"))
                .fetch_all(&mut *tx)
                .await?;
            for row in rows {
                let document: String = row.try_get("document")?;
                let mut practice: Practice = serde_json::from_str(&document).map_err(corrupt)?;
                let named = practice
                    .contact
                    .as_ref()
                    .and_then(|c| c.email.as_ref())
                    .is_some_and(|e| same(e.as_str(), email));
                if !named {
                    continue;
                }
                practice.contact = None;
                let document = serde_json::to_string(&practice).map_err(corrupt)?;
                let (id, version): (String, i64) = (row.try_get("id")?, row.try_get("version")?);
                if table == "practices" {
                    sqlx::query("UPDATE practices SET document = $1 WHERE id = $2")
                        .bind(document)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                } else {
                    sqlx::query(
                        "UPDATE practice_versions SET document = $1 WHERE practice_id = $2 AND version = $3",
                    )
                    .bind(document)
                    .bind(id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await?;
                }
                erased.practice_contacts += 1;
            }
        }
        for (table, column) in AUTHOR_COLUMNS {
            // A coder is part of a key: each erased coder keeps a label of its own.
            let label = if column == "coder" {
                use std::hash::{Hash, Hasher};
                let mut hasher = std::hash::DefaultHasher::new();
                address.hash(&mut hasher);
                format!("{FORMER_CONTACT} {:08x}", hasher.finish() as u32)
            } else {
                FORMER_CONTACT.to_string()
            };
            let sql = format!("UPDATE {table} SET {column} = $1 WHERE lower({column}) = $2");
            let changed =
                sqlx::query(sqlx::AssertSqlSafe(sql)).bind(label).bind(&address).execute(&mut *tx).await?;
            erased.records += changed.rows_affected();
        }
        let deleted = sqlx::query("DELETE FROM outbox WHERE lower(recipient) = $1")
            .bind(&address)
            .execute(&mut *tx)
            .await?;
        erased.mails = deleted.rows_affected();
        sqlx::query("DELETE FROM sign_in_attempts WHERE attempt_key = $1")
            .bind(format!("account:{address}"))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(erased)
    }

    /// Disables an account (its sessions end in the same transaction) or enables it again.
    pub async fn set_disabled(&self, user_id: &str, disabled: bool) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let at = disabled.then(|| self.now_text());
        sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
            .bind(at)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Deletes applications declined before `declined_before` and marked as spam before
    /// `spam_before` (times as stored); returns how many.
    pub async fn purge_decided_applications(&self, declined_before: &str, spam_before: &str) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM member_applications WHERE (status = 'declined' AND decided_at < $1) \
             OR (status = 'spam' AND decided_at < $2)",
        )
        .bind(declined_before)
        .bind(spam_before)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}
