//! Backups: a consistent copy of the whole database as one SQLite file, and restoring such a
//! file into any database, SQLite or PostgreSQL. The same file therefore also moves a
//! deployment from one backend to the other.
//!
//! From SQLite the copy is SQLite's own online backup (`VACUUM INTO`), taken while the server
//! runs. From PostgreSQL every table is read in one repeatable-read transaction, so the copy
//! is a single snapshot, and written into a fresh SQLite file with the same migrations. A
//! restore first brings a copy of the backup up to the current migrations, then replaces every
//! row of the target in one transaction: it lands whole or not at all.

use std::path::Path;

use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{Backend, Result, Store, StoreError};

/// Every table, in the order the migrations create them, which is also an order in which every
/// row's references come before it.
pub const TABLES: &[&str] = &[
    "editions",
    "framework_versions",
    "cities",
    "members",
    "focal_points",
    "partners",
    "questionnaires",
    "responses",
    "answers",
    "answer_changes",
    "review_comments",
    "users",
    "invitations",
    "sessions",
    "sign_in_attempts",
    "outbox",
    "focus_groups",
    "focus_group_outputs",
    "analysis_results",
    "codebooks",
    "codings",
    "site_version",
    "publications",
    "publication_files",
    "practices",
    "practice_versions",
    "catalogue_sequence",
    "events",
    "renewal_rounds",
    "renewal_replies",
    "member_applications",
    "leadership",
    "activities",
    "downloads",
    "scheduled_jobs",
    "search_synonyms",
    "answer_notes",
    "attachments",
    "practice_pictures",
    "colleagues",
    "colleague_sections",
    "campaign_texts",
    "published_figures",
    "published_figure_history",
    "edition_reports",
];

/// One stored value, of one of the column types the migrations use.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum Value {
    /// A `BIGINT` column's value.
    Integer(Option<i64>),
    /// A `DOUBLE PRECISION` column's value.
    Real(Option<f64>),
    /// A `TEXT` column's value.
    Text(Option<String>),
    /// A `BYTEA` column's value (a file of a published version).
    Bytes(Option<Vec<u8>>),
}

/// A column's type as the migrations declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnType {
    Integer,
    Real,
    Text,
    Bytes,
}

impl ColumnType {
    fn of(declared: &str) -> Result<ColumnType> {
        let declared = declared.to_ascii_lowercase();
        if declared.contains("int") {
            Ok(ColumnType::Integer)
        } else if declared.contains("double") || declared.contains("real") || declared.contains("float") {
            Ok(ColumnType::Real)
        } else if declared.contains("text") || declared.contains("char") {
            Ok(ColumnType::Text)
        } else if declared.contains("bytea") || declared.contains("blob") {
            Ok(ColumnType::Bytes)
        } else {
            Err(StoreError::Corrupt(format!("a column of type {declared} cannot be backed up")))
        }
    }

    fn read(self, row: &AnyRow, index: usize) -> Result<Value> {
        Ok(match self {
            ColumnType::Integer => Value::Integer(row.try_get(index)?),
            ColumnType::Real => Value::Real(row.try_get(index)?),
            ColumnType::Text => Value::Text(row.try_get(index)?),
            ColumnType::Bytes => Value::Bytes(row.try_get(index)?),
        })
    }
}

/// How many rows each table held.
pub type TableCounts = Vec<(&'static str, usize)>;

fn sqlite_url(path: &Path, mode: &str) -> Result<String> {
    let path =
        path.to_str().ok_or_else(|| StoreError::Corrupt(format!("{} is not UTF-8", path.display())))?;
    Ok(format!("sqlite://{path}?mode={mode}"))
}

impl Store {
    /// The columns of a table, in order, with their types.
    async fn columns(&self, table: &str) -> Result<Vec<(String, ColumnType)>> {
        let rows = match self.backend {
            Backend::Sqlite => {
                sqlx::query("SELECT name, type FROM pragma_table_info($1) ORDER BY cid")
                    .bind(table)
                    .fetch_all(&self.pool)
                    .await?
            }
            Backend::Postgres => sqlx::query(
                "SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(&self.pool)
            .await?,
        };
        rows.iter()
            .map(|r| Ok((r.try_get::<String, _>("name")?, ColumnType::of(&r.try_get::<String, _>("type")?)?)))
            .collect()
    }

    /// Every row of a table, each as its columns' values in order, sorted, so two databases
    /// holding the same data give the same rows.
    pub async fn rows(&self, table: &str) -> Result<Vec<Vec<Value>>> {
        let columns = self.columns(table).await?;
        let mut connection = self.pool.acquire().await?;
        let mut rows = read_rows(&mut connection, table, &columns).await?;
        rows.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        Ok(rows)
    }

    /// Writes a consistent copy of the whole database to `path`, a new SQLite file.
    pub async fn backup_to(&self, path: &Path) -> Result<TableCounts> {
        if path.exists() {
            return Err(StoreError::Corrupt(format!("{} exists already; choose a new file", path.display())));
        }
        let unlisted = unlisted_tables(self).await?;
        if !unlisted.is_empty() {
            return Err(StoreError::Corrupt(format!(
                "tables the backup does not know: {}",
                unlisted.join(", ")
            )));
        }
        match self.backend {
            Backend::Sqlite => {
                let target =
                    path.to_str().ok_or_else(|| StoreError::Corrupt("a path that is not UTF-8".into()))?;
                sqlx::query("VACUUM INTO $1").bind(target).execute(&self.pool).await?;
            }
            Backend::Postgres => {
                let target = Store::connect(&sqlite_url(path, "rwc")?).await?;
                target.migrate().await?;
                let mut source = self.pool.acquire().await?;
                sqlx::query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute(&mut *source).await?;
                let copied = copy_tables(self, &mut source, &target).await;
                sqlx::query("COMMIT").execute(&mut *source).await?;
                copied?;
                target.close().await;
            }
        }
        let copy = Store::connect(&sqlite_url(path, "rw")?).await?;
        let counts = copy.counts().await;
        copy.close().await;
        counts
    }

    /// How many rows each table holds.
    pub async fn counts(&self) -> Result<TableCounts> {
        let mut counts = Vec::new();
        for table in TABLES {
            let n: i64 = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) AS n FROM {table}")))
                .fetch_one(&self.pool)
                .await?
                .try_get("n")?;
            counts.push((*table, usize::try_from(n).unwrap_or(0)));
        }
        Ok(counts)
    }

    /// How many rows the database holds beyond what a fresh migration puts in (the counters'
    /// single rows): zero for a database nothing was done in yet.
    pub async fn data_rows(&self) -> Result<usize> {
        const SEEDED: [&str; 2] = ["site_version", "catalogue_sequence"];
        Ok(self.counts().await?.iter().filter(|(table, _)| !SEEDED.contains(table)).map(|(_, n)| n).sum())
    }

    /// Replaces every row of this database with the backup's, in one transaction. The backup
    /// file itself is not changed: a copy of it is brought up to the current migrations first.
    pub async fn restore_from(&self, path: &Path) -> Result<TableCounts> {
        // A file that is not an SQLite database is refused before anything opens it.
        let not_a_backup = || StoreError::Corrupt(format!("{} is not a smartcities backup", path.display()));
        let mut header = [0u8; 16];
        let readable = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header))
            .map_err(|e| StoreError::Corrupt(format!("{}: {e}", path.display())));
        match readable {
            Ok(()) if &header == b"SQLite format 3\0" => {}
            Ok(()) => return Err(not_a_backup()),
            Err(_) if std::fs::metadata(path).is_ok_and(|m| m.len() < 16) => return Err(not_a_backup()),
            Err(e) => return Err(e),
        }
        let work = tempfile_beside(path)?;
        std::fs::copy(path, &work).map_err(|e| StoreError::Corrupt(format!("{}: {e}", path.display())))?;
        let outcome = async {
            let source = Store::connect(&sqlite_url(&work, "rw")?).await?;
            let is_backup =
                sqlx::query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
                    .fetch_optional(&source.pool)
                    .await?
                    .is_some();
            if !is_backup {
                return Err(StoreError::Corrupt(format!("{} is not a smartcities backup", path.display())));
            }
            source.migrate().await?;
            self.migrate().await?;
            let mut tx = self.begin_write().await?;
            for table in TABLES.iter().rev() {
                sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *tx).await?;
            }
            let mut reader = source.pool.acquire().await?;
            for table in TABLES {
                // Names are this database's own: a column the file names is never written into a
                // statement, only compared with the schema's.
                let columns = self.columns(table).await?;
                let theirs: Vec<String> = source.columns(table).await?.into_iter().map(|(n, _)| n).collect();
                let ours: Vec<&String> = columns.iter().map(|(n, _)| n).collect();
                if theirs.len() != ours.len() || !ours.iter().all(|n| theirs.contains(n)) {
                    return Err(StoreError::Corrupt(format!(
                        "{}: its table {table} has the columns {} where this database has {}",
                        path.display(),
                        theirs.join(", "),
                        ours.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(", ")
                    )));
                }
                let rows = read_rows(&mut reader, table, &columns).await?;
                insert_rows(&mut tx, table, &columns, &rows).await?;
            }
            tx.commit().await?;
            drop(reader);
            self.public_changed().await?;
            let counts = source.counts().await;
            source.close().await;
            counts
        }
        .await;
        let _ = std::fs::remove_file(&work);
        outcome
    }
}

/// A path for a working copy next to `path`.
fn tempfile_beside(path: &Path) -> Result<std::path::PathBuf> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("backup");
    let folder = std::env::temp_dir();
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    Ok(folder.join(format!("{name}.restoring-{}-{nanos}", std::process::id())))
}

async fn read_rows(
    connection: &mut AnyConnection,
    table: &str,
    columns: &[(String, ColumnType)],
) -> Result<Vec<Vec<Value>>> {
    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {} FROM {table}", names.join(", "))))
        .fetch_all(&mut *connection)
        .await?;
    rows.iter()
        .map(|row| columns.iter().enumerate().map(|(i, (_, kind))| kind.read(row, i)).collect())
        .collect()
}

async fn copy_tables(source: &Store, connection: &mut AnyConnection, target: &Store) -> Result<()> {
    let mut tx = target.begin_write().await?;
    // The new file's migrations seed some rows (the public version): the copy replaces them.
    for table in TABLES.iter().rev() {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *tx).await?;
    }
    for table in TABLES {
        let columns = source.columns(table).await?;
        let rows = read_rows(connection, table, &columns).await?;
        insert_rows(&mut tx, table, &columns, &rows).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Inserts rows in batches, each one statement, within the caller's transaction.
async fn insert_rows(
    connection: &mut AnyConnection,
    table: &str,
    columns: &[(String, ColumnType)],
    rows: &[Vec<Value>],
) -> Result<()> {
    if columns.is_empty() {
        return Ok(());
    }
    // PostgreSQL takes at most 65,535 parameters a statement; SQLite 32,766.
    let batch = (30_000 / columns.len()).max(1);
    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
    for chunk in rows.chunks(batch) {
        let mut placeholders = Vec::with_capacity(chunk.len());
        for r in 0..chunk.len() {
            let row: Vec<String> =
                (0..columns.len()).map(|c| format!("${}", r * columns.len() + c + 1)).collect();
            placeholders.push(format!("({})", row.join(", ")));
        }
        let sql = format!("INSERT INTO {table} ({}) VALUES {}", names.join(", "), placeholders.join(", "));
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for row in chunk {
            for value in row {
                query = match value {
                    Value::Integer(v) => query.bind(*v),
                    Value::Real(v) => query.bind(*v),
                    Value::Text(v) => query.bind(v.clone()),
                    Value::Bytes(v) => query.bind(v.clone()),
                };
            }
        }
        query.execute(&mut *connection).await?;
    }
    Ok(())
}

/// Tables of the database that [`TABLES`] does not list: a backup would miss them.
async fn unlisted_tables(store: &Store) -> Result<Vec<String>> {
    let rows = match store.backend {
        Backend::Sqlite => {
            sqlx::query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_sqlx_migrations'",
            )
            .fetch_all(&store.pool)
            .await?
        }
        Backend::Postgres => {
            sqlx::query(
                "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename != '_sqlx_migrations'",
            )
            .fetch_all(&store.pool)
            .await?
        }
    };
    let mut unlisted = Vec::new();
    for row in &rows {
        let name: String = row.try_get("name")?;
        if !TABLES.contains(&name.as_str()) {
            unlisted.push(name);
        }
    }
    Ok(unlisted)
}
