//! Accounts, one-time links, sessions and failed sign-ins. Only hashes of secrets are stored;
//! creating and checking them is the application layer's job.

use smartcities_domain::{CityId, Email, Lang, Role};
use sqlx::{Row, any::AnyRow};

use crate::{Accounts, Result, StoreError, corrupt};

#[derive(Debug, Clone, PartialEq, Eq)]
/// An account.
pub struct User {
    /// The account's id.
    pub id: String,
    /// Its e-mail address, which signs in.
    pub email: Email,
    /// The person's name.
    pub name: String,
    /// What the account may do.
    pub role: Role,
    /// The city a respondent answers for.
    pub city: Option<CityId>,
    /// The argon2id hash of its password; none until one is set.
    pub password_hash: Option<String>,
    /// Disabled by the secretariat: it cannot sign in, and its sessions ended.
    pub disabled: bool,
    /// The language the person reads the study's mail in, when they or the secretariat said.
    pub lang: Option<Lang>,
}

/// A signed-in user and the session's CSRF token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUser {
    /// The account.
    pub user: User,
    /// The session's CSRF token, which every form carries.
    pub csrf: String,
}

pub(crate) const USER_COLUMNS: &str =
    "u.id, u.email, u.name, u.role, u.city_id, u.password_hash, u.disabled_at, u.lang";

pub(crate) fn user_from_row(row: &AnyRow) -> Result<User> {
    let email: String = row.try_get("email")?;
    let role: String = row.try_get("role")?;
    let city: Option<String> = row.try_get("city_id")?;
    Ok(User {
        id: row.try_get("id")?,
        email: Email::parse(&email).map_err(corrupt)?,
        name: row.try_get("name")?,
        role: Role::parse(&role).map_err(corrupt)?,
        city: city.map(|c| CityId::parse(&c)).transpose().map_err(corrupt)?,
        password_hash: row.try_get("password_hash")?,
        disabled: row.try_get::<Option<String>, _>("disabled_at")?.is_some(),
        lang: row.try_get::<Option<String>, _>("lang")?.as_deref().and_then(Lang::from_tag),
    })
}

impl Accounts<'_> {
    /// Creates an account, or returns the existing one with the same e-mail address. A
    /// respondent must name a city of the registry; other roles must not.
    pub async fn ensure_user(
        &self,
        id: &str,
        email: &Email,
        name: &str,
        role: Role,
        city: Option<&CityId>,
        lang: Option<Lang>,
    ) -> Result<User> {
        if (role == Role::Respondent) != city.is_some() {
            return Err(StoreError::RespondentCity);
        }
        if let Some(existing) = self.user_by_email(email).await? {
            return Ok(existing);
        }
        if let Some(city) = city
            && self.registry().city(city).await?.is_none()
        {
            return Err(StoreError::UnknownCity(city.to_string()));
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO users (id, email, name, role, city_id, created_at, lang) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (email) DO NOTHING",
        )
        .bind(id)
        .bind(email.as_str())
        .bind(name)
        .bind(role.slug())
        .bind(city.map(CityId::as_str))
        .bind(self.now_text())
        .bind(lang.map(Lang::code))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.user_by_email(email).await?.ok_or_else(|| corrupt("the new user vanished"))
    }

    /// Sets the language `user_id` reads the study's mail in.
    pub async fn set_lang(&self, user_id: &str, lang: Lang) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
            .bind(lang.code())
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account with this e-mail address, in any case.
    pub async fn user_by_email(&self, email: &Email) -> Result<Option<User>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE lower(u.email) = lower($1)"
        )))
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// Users answering for a city.
    pub async fn respondents(&self, city: &CityId) -> Result<Vec<User>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.city_id = $1 ORDER BY u.email"
        )))
        .bind(city.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from_row).collect()
    }

    /// The secretariat's and analysts' accounts that can sign in, by name: who may review.
    pub async fn staff(&self) -> Result<Vec<User>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.role <> 'respondent' AND u.disabled_at IS NULL \
             ORDER BY u.name, u.email"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from_row).collect()
    }

    /// Sets an account's password and ends everything that could act for it before: its
    /// sessions and its unused links. One transaction.
    pub async fn set_password_hash(&self, user_id: &str, hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        end_credentials(&mut tx, user_id, &self.now_text()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Stores a one-time link valid for `valid_seconds`: an invitation or a password reset. The
    /// account's older unused links stop working, so only the newest link mailed works.
    pub async fn create_invitation(
        &self,
        user_id: &str,
        token_hash: &str,
        valid_seconds: i64,
        purpose: LinkPurpose,
    ) -> Result<()> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE invitations SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL AND purpose = $3",
        )
        .bind(&now)
        .bind(user_id)
        .bind(purpose.slug())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO invitations (token_hash, user_id, expires_at, created_at, purpose) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(self.text_in_seconds(valid_seconds))
        .bind(&now)
        .bind(purpose.slug())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many links for `purpose` were made for the account since `since`.
    pub async fn links_since(&self, user_id: &str, purpose: LinkPurpose, since: &str) -> Result<i64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM invitations WHERE user_id = $1 AND purpose = $2 AND created_at >= $3",
        )
        .bind(user_id)
        .bind(purpose.slug())
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("n")?)
    }

    /// The user an unused, unexpired link is for, without using it up.
    pub async fn invitation_user(&self, token_hash: &str) -> Result<Option<User>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM invitations i JOIN users u ON u.id = i.user_id \
             WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2"
        )))
        .bind(token_hash)
        .bind(self.now_text())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// Uses up a link and sets the password in one step, ending the account's sessions and
    /// other links; None if the link is unknown, used or expired (a second use of the same link
    /// finds it used).
    pub async fn redeem_invitation(&self, token_hash: &str, password_hash: &str) -> Result<Option<User>> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let used = sqlx::query("UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1")
            .bind(&now)
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        if used.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(None);
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.token_hash = $1"
        )))
        .bind(token_hash)
        .fetch_one(&mut *tx)
        .await?;
        let user = user_from_row(&row)?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(&user.id)
            .execute(&mut *tx)
            .await?;
        end_credentials(&mut tx, &user.id, &self.now_text()).await?;
        tx.commit().await?;
        Ok(Some(User { password_hash: Some(password_hash.to_string()), ..user }))
    }

    /// Stores a session valid for `valid_seconds` (only the hash of its token).
    pub async fn create_session(
        &self,
        id_hash: &str,
        user_id: &str,
        csrf: &str,
        valid_seconds: i64,
    ) -> Result<()> {
        sqlx::query("INSERT INTO sessions (id_hash, user_id, csrf, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id_hash)
            .bind(user_id)
            .bind(csrf)
            .bind(self.text_in_seconds(valid_seconds))
            .bind(self.now_text())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The user of a live session.
    pub async fn session_user(&self, id_hash: &str) -> Result<Option<SessionUser>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL"
        )))
        .bind(id_hash)
        .bind(self.now_text())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(SessionUser { user: user_from_row(&row)?, csrf: row.try_get("csrf")? })),
        }
    }

    /// Ends a session.
    pub async fn delete_session(&self, id_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(&self.pool).await?;
        Ok(())
    }

    /// How many failed sign-ins each key had since `since`. A read: checking costs no write.
    pub async fn failed_sign_ins(&self, keys: &[String], since: &str) -> Result<Vec<i64>> {
        let mut counts = Vec::with_capacity(keys.len());
        for key in keys {
            let count: i64 = sqlx::query(
                "SELECT COUNT(*) AS n FROM sign_in_attempts WHERE attempt_key = $1 AND attempted_at > $2",
            )
            .bind(key)
            .bind(since)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?;
            counts.push(count);
        }
        Ok(counts)
    }

    /// Records one failed sign-in under each key, in a single statement.
    pub async fn record_failed_sign_in(&self, keys: &[String]) -> Result<()> {
        if keys.is_empty() {
            return Ok(());
        }
        let placeholders: Vec<String> =
            (0..keys.len()).map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2)).collect();
        let sql = format!(
            "INSERT INTO sign_in_attempts (attempt_key, attempted_at) VALUES {}",
            placeholders.join(", ")
        );
        let now = self.now_text();
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for key in keys {
            query = query.bind(key).bind(now.clone());
        }
        query.execute(&self.pool).await?;
        Ok(())
    }

    /// Forgets the failed sign-ins under a key, after a successful sign-in.
    pub async fn clear_sign_in_attempts(&self, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM sign_in_attempts WHERE attempt_key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets failed sign-ins older than `before`, and expired sessions and links.
    pub async fn purge_expired(&self, before: &str) -> Result<()> {
        let now = self.now_text();
        sqlx::query("DELETE FROM sign_in_attempts WHERE attempted_at <= $1")
            .bind(before)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(&now).execute(&self.pool).await?;
        Ok(())
    }
}

/// What a one-time link lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Set the first password of a new account.
    Invitation,
    /// Choose a new password after forgetting the old one.
    PasswordReset,
}

impl LinkPurpose {
    fn slug(self) -> &'static str {
        match self {
            LinkPurpose::Invitation => "invitation",
            LinkPurpose::PasswordReset => "password_reset",
        }
    }
}

/// Ends an account's sessions and unused links, inside a transaction that changes its password.
async fn end_credentials(tx: &mut sqlx::AnyConnection, user_id: &str, now: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
    sqlx::query("UPDATE invitations SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now.to_string())
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
