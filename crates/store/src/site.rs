//! The public data's version: a counter in the database that every change to what public pages
//! show increases. Servers cache rendered public pages under the version they were rendered at;
//! a server sees its own changes at once and the other servers' within a poll.

use std::sync::atomic::Ordering;

use sqlx::Row;

use crate::{Result, Store};

impl Store {
    /// Records that data public pages show has changed, after the change committed.
    pub(crate) async fn public_changed(&self) -> Result<()> {
        let version: i64 =
            sqlx::query("UPDATE site_version SET version = version + 1 WHERE id = 1 RETURNING version")
                .fetch_one(&self.pool)
                .await?
                .try_get("version")?;
        self.site_version.fetch_max(u64::try_from(version).unwrap_or(0), Ordering::SeqCst);
        Ok(())
    }

    /// The public data's version as this server last saw it.
    pub fn site_version(&self) -> u64 {
        self.site_version.load(Ordering::SeqCst)
    }

    /// Reads the version from the database, so changes other servers made count here too.
    pub async fn refresh_site_version(&self) -> Result<u64> {
        let version = self.stored_site_version().await?;
        Ok(self.note_site_version(version))
    }

    /// The version in the database, without taking it on (see [`Store::note_site_version`]).
    pub async fn stored_site_version(&self) -> Result<u64> {
        let version: i64 = sqlx::query("SELECT version FROM site_version WHERE id = 1")
            .fetch_one(&self.pool)
            .await?
            .try_get("version")?;
        Ok(u64::try_from(version).unwrap_or(0))
    }

    /// Takes on a version read from the database once what depends on it is up to date; the
    /// version never goes back. Answers the version now current.
    pub fn note_site_version(&self, version: u64) -> u64 {
        self.site_version.fetch_max(version, Ordering::SeqCst).max(version)
    }
}
