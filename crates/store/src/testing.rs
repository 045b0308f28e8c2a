//! Throw-away databases for tests. Without `SMARTCITIES_TEST_DATABASE_URL` each test gets its
//! own SQLite file; with it set to a `postgres://` URL each test gets its own schema in that
//! database, so the same test suite runs on both backends and parallel runs never collide.
//! The schema or file is removed when the [`TestDatabase`] is dropped.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{AnyConnection, AssertSqlSafe, Connection};

use crate::Store;

/// The variable that sends the tests to PostgreSQL.
pub const ENV: &str = "SMARTCITIES_TEST_DATABASE_URL";

/// A database that exists for one test.
pub struct TestDatabase {
    /// Its URL, for commands a test runs.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Schema { admin_url: String, schema: String },
}

fn unique_name() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    format!("sc_test_{}_{}_{nanos}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}

impl TestDatabase {
    /// A fresh, empty database (not yet migrated).
    pub async fn new() -> TestDatabase {
        let name = unique_name();
        match std::env::var(ENV) {
            Ok(admin_url) if admin_url.starts_with("postgres") => {
                sqlx::any::install_default_drivers();
                let mut conn = AnyConnection::connect(&admin_url)
                    .await
                    .unwrap_or_else(|e| panic!("{ENV}={admin_url} does not answer: {e}"));
                sqlx::query(AssertSqlSafe(format!("CREATE SCHEMA {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("create schema");
                conn.close().await.ok();
                let separator = if admin_url.contains('?') { '&' } else { '?' };
                TestDatabase {
                    // The application name marks this test's connections, so cleanup can end
                    // any that the test left idle inside a transaction.
                    url: format!(
                        "{admin_url}{separator}options%5Bsearch_path%5D={name}&application_name={name}"
                    ),
                    cleanup: Cleanup::Schema { admin_url, schema: name },
                }
            }
            Ok(other) if !other.is_empty() => panic!("{ENV} must be a postgres:// URL, not {other:?}"),
            _ => {
                let path = std::env::temp_dir().join(format!("{name}.db"));
                TestDatabase { url: format!("sqlite://{}", path.display()), cleanup: Cleanup::File(path) }
            }
        }
    }

    /// A fresh database with the schema in place.
    pub async fn migrated() -> (TestDatabase, Store) {
        let db = TestDatabase::new().await;
        let store = Store::connect(&db.url).await.expect("connect to the test database");
        store.migrate().await.expect("migrate the test database");
        (db, store)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
            }
            Cleanup::Schema { admin_url, schema } => {
                // Drop runs inside the test's runtime, which cannot block on itself: clean up
                // from a thread with a runtime of its own.
                let (admin_url, name) = (admin_url.clone(), schema.clone());
                let done = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
                    runtime.block_on(async {
                        let mut conn =
                            AnyConnection::connect(&admin_url).await.map_err(std::io::Error::other)?;
                        // A test that ended inside a transaction leaves its connection holding
                        // locks until the pool flushes it, which the blocked test thread never
                        // lets happen: end those connections first.
                        sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1")
                            .bind(&name)
                            .execute(&mut conn)
                            .await
                            .map_err(std::io::Error::other)?;
                        sqlx::query(AssertSqlSafe(format!("DROP SCHEMA IF EXISTS {name} CASCADE")))
                            .execute(&mut conn)
                            .await
                            .map_err(std::io::Error::other)?;
                        conn.close().await.map_err(std::io::Error::other)
                    })
                })
                .join();
                if !matches!(done, Ok(Ok(()))) {
                    eprintln!("warning: could not drop test schema {schema}");
                }
            }
        }
    }
}

impl Store {
    /// Forgets that the latest migration ran, as on a database an older program migrated: for
    /// tests of what the program does with a schema behind it.
    pub async fn forget_latest_migration_for_tests(&self) -> crate::Result<()> {
        sqlx::query(
            "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Adds a column to a table, as a hand-made backup file might: for tests of what a restore
    /// does with names the schema does not have.
    pub async fn add_column_for_tests(&self, table: &str, column: &str) -> crate::Result<()> {
        sqlx::query(sqlx::AssertSqlSafe(format!("ALTER TABLE {table} ADD COLUMN {column} TEXT")))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
