//! Files given as answers, kept in the database beside the response so that every server
//! serves them and backups carry them. A file is stored in the transaction of the save that
//! makes it an answer, within the response's bound on stored files.

use smartcities_domain::{CityId, EditionYear, Timestamp};
use sqlx::Row;

use crate::{Answering, Result, year};

/// A checked file to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    /// The SHA-256 of `body`, in lower-case hex: what the answer holds.
    pub id: String,
    /// The name to offer on download.
    pub file_name: String,
    /// Its media type, from its content.
    pub media_type: String,
    /// The bytes.
    pub body: Vec<u8>,
}

/// A stored file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its id (the SHA-256 of its bytes).
    pub id: String,
    /// The name to offer on download.
    pub file_name: String,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// Who uploaded it.
    pub created_by: String,
    /// When.
    pub created_at: Timestamp,
    /// The bytes, when asked for.
    pub body: Option<Vec<u8>>,
}

/// Stores `file` for the response unless it is there already; false (nothing written) when the
/// response's files would together pass `max_total` bytes.
pub(super) async fn store_file(
    tx: &mut sqlx::AnyConnection,
    edition: EditionYear,
    city: &CityId,
    file: &NewAttachment,
    max_total: u64,
    user: &str,
    now: &str,
) -> Result<bool> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) AS total, \
             CAST(COALESCE(SUM(CASE WHEN id = $3 THEN 1 ELSE 0 END), 0) AS BIGINT) AS present \
         FROM attachments WHERE edition_year = $1 AND city_id = $2",
    )
    .bind(year(edition))
    .bind(city.as_str())
    .bind(&file.id)
    .fetch_one(&mut *tx)
    .await?;
    if row.try_get::<i64, _>("present")? > 0 {
        return Ok(true);
    }
    let total = u64::try_from(row.try_get::<i64, _>("total")?).unwrap_or(u64::MAX);
    if total.saturating_add(file.body.len() as u64) > max_total {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO attachments (edition_year, city_id, id, file_name, media_type, size, body, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(year(edition))
    .bind(city.as_str())
    .bind(&file.id)
    .bind(&file.file_name)
    .bind(&file.media_type)
    .bind(file.body.len() as i64)
    .bind(file.body.clone())
    .bind(user)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(true)
}

impl Answering<'_> {
    /// The files stored for a response, without their bytes, oldest first.
    pub async fn attachments(&self, edition: EditionYear, city: &CityId) -> Result<Vec<Attachment>> {
        let rows = sqlx::query(
            "SELECT id, file_name, media_type, size, created_by, created_at FROM attachments \
             WHERE edition_year = $1 AND city_id = $2 ORDER BY created_at, id",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| attachment(r, false)).collect()
    }

    /// The files of the edition's accepted responses, without their bytes, by city.
    pub async fn accepted_attachments(&self, edition: EditionYear) -> Result<Vec<(CityId, Attachment)>> {
        let rows = sqlx::query(
            "SELECT f.city_id, f.id, f.file_name, f.media_type, f.size, f.created_by, f.created_at FROM attachments f \
             JOIN responses r ON r.edition_year = f.edition_year AND r.city_id = f.city_id \
             WHERE f.edition_year = $1 AND r.status = 'accepted' ORDER BY f.city_id, f.created_at, f.id",
        )
        .bind(year(edition))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let city = CityId::parse(&r.try_get::<String, _>("city_id")?).map_err(crate::corrupt)?;
                Ok((city, attachment(r, false)?))
            })
            .collect()
    }

    /// One stored file of a response, with its bytes.
    pub async fn attachment(
        &self,
        edition: EditionYear,
        city: &CityId,
        id: &str,
    ) -> Result<Option<Attachment>> {
        let row = sqlx::query(
            "SELECT id, file_name, media_type, size, created_by, created_at, body FROM attachments \
             WHERE edition_year = $1 AND city_id = $2 AND id = $3",
        )
        .bind(year(edition))
        .bind(city.as_str())
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(|r| attachment(r, true)).transpose()
    }
}

pub(crate) fn attachment(r: &sqlx::any::AnyRow, with_body: bool) -> Result<Attachment> {
    Ok(Attachment {
        id: r.try_get("id")?,
        file_name: r.try_get("file_name")?,
        media_type: r.try_get("media_type")?,
        size: u64::try_from(r.try_get::<i64, _>("size")?).unwrap_or_default(),
        created_by: r.try_get("created_by")?,
        created_at: crate::moment(r, "created_at")?,
        body: if with_body { Some(r.try_get("body")?) } else { None },
    })
}
