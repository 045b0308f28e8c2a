//! The community's events log.

use smartcities_domain::Event;

use crate::{Community, Result, corrupt, json_document};

impl Community<'_> {
    /// Records an event, or replaces the one with its id.
    pub async fn save_event(&self, event: &Event) -> Result<()> {
        self.save_events(std::slice::from_ref(event)).await
    }

    /// Records many events at once (the demonstration's, an import), all or none.
    pub async fn save_events(&self, events: &[Event]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for event in events {
            sqlx::query("DELETE FROM events WHERE id = $1").bind(event.id.as_str()).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO events (id, starts_on, public, document, updated_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(event.id.as_str())
            .bind(event.starts_on.to_string())
            .bind(i64::from(event.public))
            .bind(serde_json::to_string(event).map_err(corrupt)?)
            .bind(self.now_text())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// The events, earliest first: the public ones only, or all of them.
    pub async fn events(&self, public_only: bool) -> Result<Vec<Event>> {
        let rows = sqlx::query("SELECT document FROM events WHERE public >= $1 ORDER BY starts_on, id")
            .bind(i64::from(public_only))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(json_document).collect()
    }

    /// One event by id.
    pub async fn event(&self, id: &str) -> Result<Option<Event>> {
        let row = sqlx::query("SELECT document FROM events WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(json_document).transpose()
    }
}
