use std::collections::HashMap;

use smartcities_domain::{CityId, CityNames, Email, FocalPoint, Member, MemberStatus, Partner, PartnerKind};
use sqlx::Row;

use crate::{Registry, Result, StoreError, corrupt, flag};

impl Registry<'_> {
    /// Records memberships, replacing the focal points of each member listed. Every city must
    /// already be in the registry; if one is not, nothing is written. One transaction.
    pub async fn save_members(&self, members: &[Member]) -> Result<()> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        for member in members {
            save_member_in(&mut tx, member, &now).await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// Every member with its focal points, ordered by city id.
    pub async fn members(&self) -> Result<Vec<Member>> {
        self.load_members(None).await
    }

    /// The membership record of a city.
    pub async fn member(&self, city: &CityId) -> Result<Option<Member>> {
        Ok(self.load_members(Some(city)).await?.pop())
    }

    async fn load_members(&self, only: Option<&CityId>) -> Result<Vec<Member>> {
        let only = only.map_or("", CityId::as_str);
        let rows = sqlx::query(
            "SELECT city_id, status, since, illustrative FROM members WHERE ($1 = '' OR city_id = $1) ORDER BY city_id",
        )
        .bind(only)
        .fetch_all(&self.pool)
        .await?;
        let focal_rows = sqlx::query(
            "SELECT city_id, name, role, email FROM focal_points WHERE ($1 = '' OR city_id = $1) \
             ORDER BY city_id, position",
        )
        .bind(only)
        .fetch_all(&self.pool)
        .await?;
        let mut focal_points: HashMap<String, Vec<FocalPoint>> = HashMap::new();
        for row in focal_rows {
            let email: String = row.try_get("email")?;
            focal_points.entry(row.try_get("city_id")?).or_default().push(FocalPoint {
                name: row.try_get("name")?,
                role: row.try_get("role")?,
                email: Email::parse(&email).map_err(corrupt)?,
            });
        }
        rows.iter()
            .map(|row| {
                let city: String = row.try_get("city_id")?;
                let status: String = row.try_get("status")?;
                Ok(Member {
                    focal_points: focal_points.remove(&city).unwrap_or_default(),
                    city: CityId::parse(&city).map_err(corrupt)?,
                    status: MemberStatus::parse(&status).map_err(corrupt)?,
                    since: row
                        .try_get::<Option<i64>, _>("since")?
                        .map(i32::try_from)
                        .transpose()
                        .map_err(corrupt)?,
                    illustrative: row.try_get::<i64, _>("illustrative")? != 0,
                })
            })
            .collect()
    }

    /// Whether any membership record is made up for demonstration, so pages can say so.
    pub async fn has_illustrative_data(&self) -> Result<bool> {
        let row = sqlx::query("SELECT 1 FROM members WHERE illustrative = 1 LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    /// Adds or updates partner organisations. One transaction.
    pub async fn save_partners(&self, partners: &[Partner]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for partner in partners {
            sqlx::query(
                "INSERT INTO partners (id, name, kind, link, name_es, name_fr, description) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, link = excluded.link, \
                 name_es = excluded.name_es, name_fr = excluded.name_fr, description = excluded.description",
            )
            .bind(&partner.id)
            .bind(&partner.name)
            .bind(partner.kind.slug())
            .bind(partner.link.as_deref())
            .bind(partner.names.es.as_deref())
            .bind(partner.names.fr.as_deref())
            .bind(partner.description.as_ref().map(|d| serde_json::to_string(d).expect("a text serialises")))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// The community's partner organisations.
    pub async fn partners(&self) -> Result<Vec<Partner>> {
        let rows = sqlx::query(
            "SELECT id, name, kind, link, name_es, name_fr, description FROM partners ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                let description: Option<String> = row.try_get("description")?;
                let description =
                    description.map(|d| serde_json::from_str(&d)).transpose().map_err(corrupt)?;
                Ok(Partner {
                    id: row.try_get("id")?,
                    name: row.try_get("name")?,
                    names: CityNames { es: row.try_get("name_es")?, fr: row.try_get("name_fr")? },
                    kind: PartnerKind::parse(&kind).map_err(corrupt)?,
                    link: row.try_get("link")?,
                    description,
                })
            })
            .collect()
    }
}

/// Records one membership and replaces its focal points, inside the caller's transaction.
pub(crate) async fn save_member_in(conn: &mut sqlx::AnyConnection, member: &Member, now: &str) -> Result<()> {
    let known = sqlx::query("SELECT 1 FROM cities WHERE id = $1")
        .bind(member.city.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    if known.is_none() {
        return Err(StoreError::UnknownCity(member.city.to_string()));
    }
    sqlx::query(
        "INSERT INTO members (city_id, status, since, illustrative, updated_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (city_id) DO UPDATE SET status = excluded.status, since = excluded.since, \
             illustrative = excluded.illustrative, updated_at = excluded.updated_at",
    )
    .bind(member.city.as_str())
    .bind(member.status.slug())
    .bind(member.since.map(i64::from))
    .bind(flag(member.illustrative))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    replace_focal_points_in(conn, &member.city, &member.focal_points).await
}

/// Replaces a member's focal points, in order, inside the caller's transaction.
pub(crate) async fn replace_focal_points_in(
    conn: &mut sqlx::AnyConnection,
    city: &CityId,
    focal_points: &[FocalPoint],
) -> Result<()> {
    sqlx::query("DELETE FROM focal_points WHERE city_id = $1")
        .bind(city.as_str())
        .execute(&mut *conn)
        .await?;
    for (position, focal) in focal_points.iter().enumerate() {
        sqlx::query(
            "INSERT INTO focal_points (city_id, position, name, role, email) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(city.as_str())
        .bind(position as i64)
        .bind(&focal.name)
        .bind(&focal.role)
        .bind(focal.email.as_str())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
