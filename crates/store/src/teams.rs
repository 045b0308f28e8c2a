//! A city's answering team: its focal points (every respondent account of the city that is not a
//! colleague) and the colleagues they bring in, each with the sections of an edition's
//! questionnaire they answer. Who may do what with a team is the application's policy; this
//! module keeps the rows, each change in one transaction.

use smartcities_domain::{CityId, EditionYear, FocalPoint, Role, Timestamp};
use sqlx::Row;

use crate::{
    Result, StoreError, Teams, User,
    accounts::{USER_COLUMNS, user_from_row},
    corrupt, moment, moment_opt, year,
};

/// What makes a respondent account a colleague rather than a focal point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColleagueTerms {
    /// The address of whoever brought them in.
    pub invited_by: String,
    /// When.
    pub invited_at: Timestamp,
    /// When their access ended, if it did.
    pub ended_at: Option<Timestamp>,
    /// The sections (top-level groups of the questionnaire) they answer in the edition asked
    /// about, in the questionnaire's order as given when assigned.
    pub sections: Vec<String>,
}

/// One person answering for a city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMember {
    /// Their account.
    pub user: User,
    /// Their terms as a colleague; `None` for a focal point.
    pub colleague: Option<ColleagueTerms>,
}

/// A person to add to a city's team.
#[derive(Debug, Clone)]
pub struct NewTeamMember<'a> {
    /// The id a new account gets (an existing account keeps its own).
    pub id: &'a str,
    /// Their address.
    pub email: &'a smartcities_domain::Email,
    /// Their name.
    pub name: &'a str,
    /// The city they answer for.
    pub city: &'a CityId,
    /// The language their mail is written in.
    pub lang: smartcities_domain::Lang,
}

impl Teams<'_> {
    /// Everyone answering for `city`, focal points first, then colleagues, each by name; a
    /// colleague's sections are those of `edition`.
    pub async fn team(&self, city: &CityId, edition: EditionYear) -> Result<Vec<TeamMember>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, c.invited_by, c.invited_at, c.ended_at, \
                 CASE WHEN c.user_id IS NULL THEN 0 ELSE 1 END AS is_colleague \
             FROM users u LEFT JOIN colleagues c ON c.user_id = u.id \
             WHERE u.city_id = $1 AND u.role = 'respondent' ORDER BY is_colleague, u.name, u.email"
        )))
        .bind(city.as_str())
        .fetch_all(&self.pool)
        .await?;
        let sections = self.sections_of_city(city, edition).await?;
        let mut team = Vec::with_capacity(rows.len());
        for row in &rows {
            let user = user_from_row(row)?;
            let colleague = match row.try_get::<Option<String>, _>("invited_by")? {
                None => None,
                Some(invited_by) => Some(ColleagueTerms {
                    invited_by,
                    invited_at: moment(row, "invited_at")?,
                    ended_at: moment_opt(row, "ended_at")?,
                    sections: sections
                        .iter()
                        .filter(|(id, _)| *id == user.id)
                        .map(|(_, section)| section.clone())
                        .collect(),
                }),
            };
            team.push(TeamMember { user, colleague });
        }
        Ok(team)
    }

    async fn sections_of_city(&self, city: &CityId, edition: EditionYear) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query(
            "SELECT s.user_id, s.section FROM colleague_sections s JOIN colleagues c ON c.user_id = s.user_id \
             WHERE c.city_id = $1 AND s.edition_year = $2 ORDER BY s.user_id, s.section",
        )
        .bind(city.as_str())
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("user_id")?, r.try_get("section")?))).collect()
    }

    /// The terms of the account `user_id` as a colleague, with its sections in `edition`;
    /// `None` when it is not a colleague.
    pub async fn colleague_terms(
        &self,
        user_id: &str,
        edition: EditionYear,
    ) -> Result<Option<ColleagueTerms>> {
        let row = sqlx::query("SELECT invited_by, invited_at, ended_at FROM colleagues WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let sections = sqlx::query(
            "SELECT section FROM colleague_sections WHERE user_id = $1 AND edition_year = $2 ORDER BY section",
        )
        .bind(user_id)
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| r.try_get("section"))
        .collect::<std::result::Result<Vec<String>, _>>()?;
        Ok(Some(ColleagueTerms {
            invited_by: row.try_get("invited_by")?,
            invited_at: moment(&row, "invited_at")?,
            ended_at: moment_opt(&row, "ended_at")?,
            sections,
        }))
    }

    /// Adds a colleague to a city's team with `sections` of `edition`, or gives an existing
    /// colleague of the city (even one whose access ended) those sections and access again.
    /// One transaction; the account is created when the address has none. Refused when the
    /// address belongs to anyone but a colleague of this city.
    pub async fn add_colleague(
        &self,
        person: &NewTeamMember<'_>,
        edition: EditionYear,
        sections: &[String],
        invited_by: &str,
    ) -> Result<User> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let existing = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, c.user_id AS colleague_id FROM users u \
             LEFT JOIN colleagues c ON c.user_id = u.id WHERE lower(u.email) = lower($1)"
        )))
        .bind(person.email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let user_id = match &existing {
            Some(row) => {
                let user = user_from_row(row)?;
                let colleague = row.try_get::<Option<String>, _>("colleague_id")?.is_some();
                if !colleague || user.city.as_ref() != Some(person.city) {
                    return Err(StoreError::AddressTaken(person.email.as_str().to_string()));
                }
                sqlx::query("UPDATE users SET disabled_at = NULL WHERE id = $1")
                    .bind(&user.id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE colleagues SET ended_at = NULL WHERE user_id = $1")
                    .bind(&user.id)
                    .execute(&mut *tx)
                    .await?;
                user.id
            }
            None => {
                insert_respondent_in(&mut tx, person, &now).await?;
                sqlx::query(
                    "INSERT INTO colleagues (user_id, city_id, invited_by, invited_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(person.id)
                .bind(person.city.as_str())
                .bind(invited_by)
                .bind(&now)
                .execute(&mut *tx)
                .await?;
                person.id.to_string()
            }
        };
        replace_sections_in(&mut tx, &user_id, edition, sections).await?;
        let user = user_in(&mut tx, &user_id).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Gives a colleague exactly `sections` of `edition`.
    pub async fn set_sections(&self, user_id: &str, edition: EditionYear, sections: &[String]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        replace_sections_in(&mut tx, user_id, edition, sections).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a colleague's access: the account is disabled and its sessions end at once; the
    /// colleague row stays, with when it ended, so what they answered stays theirs.
    pub async fn end_colleague(&self, user_id: &str) -> Result<()> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let ended =
            sqlx::query("UPDATE colleagues SET ended_at = $1 WHERE user_id = $2 AND ended_at IS NULL")
                .bind(&now)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        if ended.rows_affected() > 0 {
            sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
                .bind(&now)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Makes `person` the city's focal point, in one transaction: a colleague of the city with
    /// that address becomes a focal point (and keeps their account), a new address gets an
    /// account; every other focal point's account is disabled and its sessions end; a member
    /// city's registry entry names this person as its only focal point (`role` is their
    /// position). Returns the focal point's account and the accounts that stopped being focal
    /// points. Refused when the address belongs to anyone but a respondent of this city.
    pub async fn change_focal_point(
        &self,
        person: &NewTeamMember<'_>,
        role: &str,
    ) -> Result<(User, Vec<User>)> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let existing = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE lower(u.email) = lower($1)"
        )))
        .bind(person.email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let user_id = match existing.as_ref().map(user_from_row).transpose()? {
            Some(user) if user.role == Role::Respondent && user.city.as_ref() == Some(person.city) => {
                sqlx::query("DELETE FROM colleagues WHERE user_id = $1")
                    .bind(&user.id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE users SET disabled_at = NULL WHERE id = $1")
                    .bind(&user.id)
                    .execute(&mut *tx)
                    .await?;
                user.id
            }
            Some(_) => return Err(StoreError::AddressTaken(person.email.as_str().to_string())),
            None => {
                insert_respondent_in(&mut tx, person, &now).await?;
                person.id.to_string()
            }
        };
        let former = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.city_id = $1 AND u.role = 'respondent' AND u.id <> $2 \
                 AND u.disabled_at IS NULL AND NOT EXISTS (SELECT 1 FROM colleagues c WHERE c.user_id = u.id) \
             ORDER BY u.email"
        )))
        .bind(person.city.as_str())
        .bind(&user_id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(user_from_row)
        .collect::<Result<Vec<User>>>()?;
        for user in &former {
            sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
                .bind(&now)
                .bind(&user.id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(&user.id).execute(&mut *tx).await?;
        }
        let member = sqlx::query("SELECT 1 FROM members WHERE city_id = $1")
            .bind(person.city.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if member.is_some() {
            let focal = FocalPoint {
                name: person.name.to_string(),
                role: role.to_string(),
                email: person.email.clone(),
            };
            crate::members::replace_focal_points_in(&mut tx, person.city, &[focal]).await?;
        }
        let user = user_in(&mut tx, &user_id).await?;
        tx.commit().await?;
        if member.is_some() {
            self.public_changed().await?;
        }
        Ok((user, former))
    }
}

/// Creates a respondent account for `person`, inside the caller's transaction.
async fn insert_respondent_in(
    conn: &mut sqlx::AnyConnection,
    person: &NewTeamMember<'_>,
    now: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO users (id, email, name, role, city_id, created_at, lang) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(person.id)
    .bind(person.email.as_str())
    .bind(person.name)
    .bind(Role::Respondent.slug())
    .bind(person.city.as_str())
    .bind(now)
    .bind(person.lang.code())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The account with this id, read inside the caller's transaction.
async fn user_in(conn: &mut sqlx::AnyConnection, id: &str) -> Result<User> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1")))
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    user_from_row(&row)
}

/// Replaces a colleague's sections of one edition, inside the caller's transaction.
async fn replace_sections_in(
    conn: &mut sqlx::AnyConnection,
    user_id: &str,
    edition: EditionYear,
    sections: &[String],
) -> Result<()> {
    sqlx::query("DELETE FROM colleague_sections WHERE user_id = $1 AND edition_year = $2")
        .bind(user_id)
        .bind(year(edition))
        .execute(&mut *conn)
        .await?;
    let mut seen = std::collections::BTreeSet::new();
    for section in sections.iter().filter(|s| seen.insert(s.as_str())) {
        if section.is_empty() {
            return Err(corrupt("an empty section name"));
        }
        sqlx::query("INSERT INTO colleague_sections (user_id, edition_year, section) VALUES ($1, $2, $3)")
            .bind(user_id)
            .bind(year(edition))
            .bind(section)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
