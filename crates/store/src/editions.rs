use smartcities_domain::{
    Collection, Edition, EditionFile, EditionStatus, EditionYear, Focus, Framework, FrameworkVersion,
    Localized, Milestone,
};
use sqlx::{AssertSqlSafe, Row, any::AnyRow};

use crate::{Result, Study, corrupt, flag};

/// What saving an edition file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedEdition {
    /// The framework version now current.
    pub version: FrameworkVersion,
    /// False when the framework was identical to the current version, so none was added.
    pub new_version: bool,
}

const EDITION_COLUMNS: &str = "year, title_en, title_es, title_fr, focus, collection, published, show_rankings, \
                               reported_participants, milestones, sources, scoring, index_rule, public_scores";

impl Study<'_> {
    /// Creates or updates an edition and, if its framework differs from the current version,
    /// adds a new framework version. One transaction.
    pub async fn save_edition(&self, file: &EditionFile) -> Result<SavedEdition> {
        let edition = &file.edition;
        let year = i64::from(edition.year.get());
        let milestones = serde_json::to_string(&edition.milestones).map_err(corrupt)?;
        let sources = serde_json::to_string(&edition.sources).map_err(corrupt)?;
        let document = serde_json::to_string(&file.framework).map_err(corrupt)?;
        let now = self.now_text();

        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO editions (year, title_en, title_es, title_fr, focus, collection, show_rankings, \
                                   reported_participants, milestones, sources, updated_at, scoring, index_rule, public_scores, \
                                   published) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (year) DO UPDATE SET title_en = excluded.title_en, title_es = excluded.title_es, \
                 title_fr = excluded.title_fr, focus = excluded.focus, collection = excluded.collection, \
                 published = excluded.published, \
                 show_rankings = excluded.show_rankings, reported_participants = excluded.reported_participants, \
                 milestones = excluded.milestones, sources = excluded.sources, updated_at = excluded.updated_at, \
                 scoring = excluded.scoring, index_rule = excluded.index_rule, public_scores = excluded.public_scores",
        )
        .bind(year)
        .bind(&edition.title.en)
        .bind(&edition.title.es)
        .bind(&edition.title.fr)
        .bind(edition.focus.code())
        .bind(edition.status.collection.slug())
        .bind(flag(edition.show_rankings))
        .bind(edition.reported_participants.map(i64::from))
        .bind(milestones)
        .bind(sources)
        .bind(&now)
        .bind(edition.scoring.as_ref().map(serde_json::to_string).transpose().map_err(corrupt)?)
        .bind(edition.index.as_ref().map(serde_json::to_string).transpose().map_err(corrupt)?)
        .bind(flag(edition.public_scores))
        .bind(flag(edition.status.published))
        .execute(&mut *tx)
        .await?;

        let current = sqlx::query(
            "SELECT version, document FROM framework_versions WHERE edition_year = $1 \
             ORDER BY version DESC LIMIT 1",
        )
        .bind(year)
        .fetch_optional(&mut *tx)
        .await?;
        let (latest, unchanged) = match &current {
            Some(row) => {
                let stored: String = row.try_get("document")?;
                let stored: Framework = serde_json::from_str(&stored).map_err(corrupt)?;
                (Some(crate::versioned(row, "version", FrameworkVersion::new)?), stored == file.framework)
            }
            None => (None, false),
        };
        let saved = if let Some(latest) = latest.filter(|_| unchanged) {
            SavedEdition { version: latest, new_version: false }
        } else {
            let version = latest.map_or(FrameworkVersion::FIRST, FrameworkVersion::next);
            sqlx::query(
                "INSERT INTO framework_versions (edition_year, version, document, created_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(year)
            .bind(version.stored())
            .bind(document)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            SavedEdition { version, new_version: true }
        };
        tx.commit().await?;
        self.public_changed().await?;
        Ok(saved)
    }

    /// Creates an edition in planning, with only a title, if the year has none yet. Returns
    /// whether it was created.
    pub async fn plan_edition(&self, year: EditionYear, title: &Localized) -> Result<bool> {
        let created = sqlx::query(
            "INSERT INTO editions (year, title_en, title_es, title_fr, focus, collection, published, show_rankings, milestones, sources, updated_at) \
             VALUES ($1, $2, $3, $4, 'holistic', 'planning', 0, 0, '[]', '[]', $5) ON CONFLICT (year) DO NOTHING",
        )
        .bind(i64::from(year.get()))
        .bind(&title.en)
        .bind(&title.es)
        .bind(&title.fr)
        .bind(self.now_text())
        .execute(&self.pool)
        .await?;
        self.public_changed().await?;
        Ok(created.rows_affected() == 1)
    }

    /// Sets whether an edition takes answers and, when `deadline` is given, replaces its
    /// deadline milestone (the one labelled as `deadline`'s English label). One transaction.
    pub async fn set_collection(
        &self,
        year: EditionYear,
        collection: Collection,
        deadline: Option<Milestone>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT milestones FROM editions WHERE year = $1")
            .bind(i64::from(year.get()))
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(crate::StoreError::NoEdition(year))?;
        let mut milestones: Vec<Milestone> =
            serde_json::from_str(&row.try_get::<String, _>("milestones")?).map_err(corrupt)?;
        if let Some(deadline) = deadline {
            milestones.retain(|m| m.label.en != deadline.label.en);
            milestones.push(deadline);
            milestones.sort_by_key(|m| m.date);
        }
        sqlx::query("UPDATE editions SET collection = $1, milestones = $2, updated_at = $3 WHERE year = $4")
            .bind(collection.slug())
            .bind(serde_json::to_string(&milestones).map_err(corrupt)?)
            .bind(self.now_text())
            .bind(i64::from(year.get()))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// All editions, oldest first.
    pub async fn editions(&self) -> Result<Vec<Edition>> {
        let rows =
            sqlx::query(AssertSqlSafe(format!("SELECT {EDITION_COLUMNS} FROM editions ORDER BY year")))
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(edition_from_row).collect()
    }

    /// The edition of this year.
    pub async fn edition(&self, year: EditionYear) -> Result<Option<Edition>> {
        let row =
            sqlx::query(AssertSqlSafe(format!("SELECT {EDITION_COLUMNS} FROM editions WHERE year = $1")))
                .bind(i64::from(year.get()))
                .fetch_optional(&self.pool)
                .await?;
        row.as_ref().map(edition_from_row).transpose()
    }

    /// Stores an edited framework as the edition's next version, refused when someone stored
    /// a version after `based_on`, so no edit silently undoes another. One transaction.
    pub async fn edit_framework(
        &self,
        year: EditionYear,
        based_on: FrameworkVersion,
        framework: &Framework,
    ) -> Result<FrameworkVersion> {
        let document = serde_json::to_string(framework).map_err(corrupt)?;
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        let latest: i64 = sqlx::query(
            "SELECT COALESCE(MAX(version), 0) AS v FROM framework_versions WHERE edition_year = $1",
        )
        .bind(i64::from(year.get()))
        .fetch_one(&mut *tx)
        .await?
        .try_get("v")?;
        let Some(latest) = FrameworkVersion::new(latest) else {
            return Err(crate::StoreError::NoEdition(year));
        };
        if latest != based_on {
            return Err(crate::StoreError::FrameworkChanged { based_on, now: latest });
        }
        sqlx::query(
            "INSERT INTO framework_versions (edition_year, version, document, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(i64::from(year.get()))
        .bind(latest.next().stored())
        .bind(document)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(latest.next())
    }

    /// The current framework of an edition and its version number.
    pub async fn framework(&self, year: EditionYear) -> Result<Option<(FrameworkVersion, Framework)>> {
        let row = sqlx::query(
            "SELECT version, document FROM framework_versions WHERE edition_year = $1 \
             ORDER BY version DESC LIMIT 1",
        )
        .bind(i64::from(year.get()))
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => {
                let document: String = row.try_get("document")?;
                let framework = serde_json::from_str(&document).map_err(corrupt)?;
                Ok(Some((crate::versioned(&row, "version", FrameworkVersion::new)?, framework)))
            }
        }
    }
}

fn edition_from_row(row: &AnyRow) -> Result<Edition> {
    let year: i64 = row.try_get("year")?;
    let year = u16::try_from(year).map_err(corrupt).and_then(|y| EditionYear::new(y).map_err(corrupt))?;
    let milestones: String = row.try_get("milestones")?;
    let milestones: Vec<Milestone> = serde_json::from_str(&milestones).map_err(corrupt)?;
    let sources: String = row.try_get("sources")?;
    let focus: String = row.try_get("focus")?;
    let collection: String = row.try_get("collection")?;
    Ok(Edition {
        year,
        title: Localized {
            en: row.try_get("title_en")?,
            es: row.try_get("title_es")?,
            fr: row.try_get("title_fr")?,
        },
        focus: Focus::parse(&focus).map_err(corrupt)?,
        status: EditionStatus {
            collection: Collection::parse(&collection).map_err(corrupt)?,
            published: row.try_get::<i64, _>("published")? != 0,
        },
        milestones,
        show_rankings: row.try_get::<i64, _>("show_rankings")? != 0,
        public_scores: row.try_get::<i64, _>("public_scores")? != 0,
        reported_participants: row
            .try_get::<Option<i64>, _>("reported_participants")?
            .map(u32::try_from)
            .transpose()
            .map_err(corrupt)?,
        sources: serde_json::from_str(&sources).map_err(corrupt)?,
        scoring: row
            .try_get::<Option<String>, _>("scoring")?
            .map(|s| serde_json::from_str(&s))
            .transpose()
            .map_err(corrupt)?,
        index: row
            .try_get::<Option<String>, _>("index_rule")?
            .map(|s| serde_json::from_str(&s))
            .transpose()
            .map_err(corrupt)?,
    })
}
