//! An edition's questionnaires: every version kept (an answer records the version it was
//! given under), edits based on an older version refused, renames that carry answers along, and
//! a cache of parsed versions shared by the requests of a server.

use smartcities_domain::{EditionYear, QuestionnaireVersion};
use smartcities_questionnaire::Questionnaire;
use sqlx::Row;

use crate::{Result, StoreError, Study, corrupt, year};

impl Study<'_> {
    /// Stores a questionnaire for an edition; a new version only if it differs from the current one.
    pub async fn save_questionnaire(
        &self,
        edition: EditionYear,
        questionnaire: &Questionnaire,
        source: &str,
    ) -> Result<(QuestionnaireVersion, bool)> {
        let document = serde_json::to_string(questionnaire).map_err(corrupt)?;
        let mut tx = self.begin_write().await?;
        let current = sqlx::query("SELECT version, document FROM questionnaires WHERE edition_year = $1 ORDER BY version DESC LIMIT 1")
            .bind(year(edition))
            .fetch_optional(&mut *tx)
            .await?;
        let latest = match &current {
            Some(row) => {
                let stored: String = row.try_get("document")?;
                let stored: Questionnaire = serde_json::from_str(&stored).map_err(corrupt)?;
                let version = crate::versioned(row, "version", QuestionnaireVersion::new)?;
                if &stored == questionnaire {
                    return Ok((version, false));
                }
                Some(version)
            }
            None => None,
        };
        let version = latest.map_or(QuestionnaireVersion::FIRST, QuestionnaireVersion::next);
        sqlx::query("INSERT INTO questionnaires (edition_year, version, document, source, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(year(edition))
            .bind(version.stored())
            .bind(document)
            .bind(source)
            .bind(self.now_text())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok((version, true))
    }

    /// Renames a question: stores `questionnaire` (already carrying the new name) as a new
    /// version and moves every answer, change record and comment from `old` to `new`, in one
    /// transaction, so no answer is orphaned by the rename.
    pub async fn rename_question(
        &self,
        edition: EditionYear,
        old: &str,
        new: &str,
        questionnaire: &Questionnaire,
    ) -> Result<QuestionnaireVersion> {
        let source = format!("renamed {old} to {new}");
        self.edit_questionnaire(edition, questionnaire, None, Some((old, new)), &source).await
    }

    /// Stores an edited questionnaire as a new version. With `based_on`, the edit is refused
    /// when someone else stored a version since that one, so no edit silently undoes another.
    /// With `renamed`, the answers, change records and comments of the old name move to the
    /// new one in the same transaction.
    pub async fn edit_questionnaire(
        &self,
        edition: EditionYear,
        questionnaire: &Questionnaire,
        based_on: Option<QuestionnaireVersion>,
        renamed: Option<(&str, &str)>,
        source: &str,
    ) -> Result<QuestionnaireVersion> {
        let document = serde_json::to_string(questionnaire).map_err(corrupt)?;
        let mut tx = self.begin_write().await?;
        let latest: i64 =
            sqlx::query("SELECT COALESCE(MAX(version), 0) AS v FROM questionnaires WHERE edition_year = $1")
                .bind(year(edition))
                .fetch_one(&mut *tx)
                .await?
                .try_get("v")?;
        let latest = QuestionnaireVersion::new(latest);
        if let Some(based_on) = based_on
            && Some(based_on) != latest
        {
            let now = latest.ok_or(StoreError::NoQuestionnaire(edition))?;
            return Err(StoreError::QuestionnaireChanged { based_on, now });
        }
        let version = latest.map_or(QuestionnaireVersion::FIRST, QuestionnaireVersion::next);
        if let Some((old, new)) = renamed {
            let taken =
                sqlx::query("SELECT 1 FROM answers WHERE edition_year = $1 AND question = $2 LIMIT 1")
                    .bind(year(edition))
                    .bind(new)
                    .fetch_optional(&mut *tx)
                    .await?;
            if taken.is_some() {
                return Err(StoreError::NameTaken { name: new.to_string() });
            }
            for table in ["answers", "answer_changes", "review_comments"] {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "UPDATE {table} SET question = $1 WHERE edition_year = $2 AND question = $3"
                )))
                .bind(new)
                .bind(year(edition))
                .bind(old)
                .execute(&mut *tx)
                .await?;
            }
        }
        sqlx::query("INSERT INTO questionnaires (edition_year, version, document, source, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(year(edition))
            .bind(version.stored())
            .bind(document)
            .bind(source)
            .bind(self.now_text())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.public_changed().await?;
        Ok(version)
    }

    /// How many cities answered a question in an edition (every entry of a repeat counts).
    pub async fn answer_count(&self, edition: EditionYear, question: &str) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM answers WHERE edition_year = $1 AND question = $2")
            .bind(year(edition))
            .bind(question)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    /// The current questionnaire of an edition and its version.
    pub async fn questionnaire(
        &self,
        edition: EditionYear,
    ) -> Result<Option<(QuestionnaireVersion, Questionnaire)>> {
        Ok(self.shared_questionnaire(edition).await?.map(|(version, q)| (version, Questionnaire::clone(&q))))
    }

    /// The current questionnaire as shared by every request of this server: nothing is copied.
    pub async fn shared_questionnaire(
        &self,
        edition: EditionYear,
    ) -> Result<Option<(QuestionnaireVersion, std::sync::Arc<Questionnaire>)>> {
        // The latest version's number is one indexed read; its document is read and parsed once
        // per server, since a stored version never changes.
        let row = sqlx::query(
            "SELECT version FROM questionnaires WHERE edition_year = $1 ORDER BY version DESC LIMIT 1",
        )
        .bind(year(edition))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let version = crate::versioned(&row, "version", QuestionnaireVersion::new)?;
        let key = (edition.get(), version);
        let cached = self
            .questionnaires
            .lock()
            .map_err(|_| corrupt("a panic while caching questionnaires"))?
            .get(&key)
            .cloned();
        if let Some(questionnaire) = cached {
            return Ok(Some((version, questionnaire)));
        }
        let row = sqlx::query("SELECT document FROM questionnaires WHERE edition_year = $1 AND version = $2")
            .bind(year(edition))
            .bind(version.stored())
            .fetch_one(&self.pool)
            .await?;
        let document: String = row.try_get("document")?;
        let questionnaire: Questionnaire = serde_json::from_str(&document).map_err(corrupt)?;
        let questionnaire = std::sync::Arc::new(questionnaire);
        self.questionnaires
            .lock()
            .map_err(|_| corrupt("a panic while caching questionnaires"))?
            .insert(key, questionnaire.clone());
        Ok(Some((version, questionnaire)))
    }
}
