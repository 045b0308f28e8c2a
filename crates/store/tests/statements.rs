//! Schema honesty: every SQL statement the store's source holds is prepared against a freshly
//! migrated database — SQLite here, PostgreSQL when `SMARTCITIES_TEST_DATABASE_URL` says so — so
//! a statement naming a column or table the migrations do not make fails here, not in
//! production (sqlx's compile-time checks do not cover its `Any` driver). And the store tells a
//! database whose migrations are behind or ahead of the program's.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::{collections::BTreeMap, path::Path};

use smartcities_store::{SchemaState, testing::TestDatabase};
use sqlx::{AnyConnection, AssertSqlSafe, Connection, Executor, SqlSafeStr};

/// The value of a Rust string literal starting at `text[0] == '"'`, and where it ends.
fn string_literal(text: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                '\n' => {
                    // A line continuation: the next line's leading spaces are dropped.
                    while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                        chars.next();
                    }
                }
                other => {
                    out.push('\\');
                    out.push(other);
                }
            },
            c => out.push(c),
        }
    }
    None
}

/// `const NAME: &str = "...";` of the store's source, by name.
fn constants(sources: &[(String, String)]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (_, text) in sources {
        for (at, _) in text.match_indices("const ") {
            let rest = &text[at + "const ".len()..];
            // The text may start on the next line, where a long constant is wrapped.
            let Some((name, tail)) = rest.split_once(": &str =") else { continue };
            let tail = tail.trim_start();
            if name.contains(char::is_whitespace) || !tail.starts_with('"') {
                continue;
            }
            if let Some((value, _)) = string_literal(tail) {
                out.insert(name.to_string(), value);
            }
        }
    }
    out
}

/// Every statement given to `sqlx::query` in the store's source, with where it is; statements
/// built from a constant's text have it filled in, and those built from values known only at
/// run time (a table's name in the backup) are left out, with their count.
fn statements() -> (Vec<(String, String)>, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "testing.rs")
        {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            sources.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    let constants = constants(&sources);
    let (mut found, mut dynamic) = (Vec::new(), 0);
    for (file, text) in &sources {
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (at, _) in code.match_indices("sqlx::query") {
            let rest = &code[at..];
            let Some(open) = rest.find('"') else { continue };
            // The literal must belong to this call, not to a later one.
            if rest[..open].contains(';') {
                continue;
            }
            let Some((mut sql, _)) = string_literal(&rest[open..]) else { continue };
            let line = code[..at].lines().count() + 1;
            while let Some(start) = sql.find('{') {
                let end = sql[start..].find('}').map(|e| start + e).unwrap_or(sql.len());
                match constants.get(&sql[start + 1..end]) {
                    Some(value) => sql.replace_range(start..=end, value),
                    None => break,
                }
            }
            if sql.contains('{') {
                dynamic += 1;
                continue;
            }
            found.push((format!("{file}:{line}"), sql));
        }
    }
    (found, dynamic)
}

/// The one engine a statement is written for, when it uses a dialect of its own; `None` for
/// the portable ones, which both must take.
fn dialect(sql: &str) -> Option<&'static str> {
    let postgres = ["::", "information_schema", "pg_", "ISOLATION LEVEL", "current_schema"];
    let sqlite = ["sqlite_master", "vacuum", "pragma"];
    if postgres.iter().any(|p| sql.contains(p)) {
        Some("postgres")
    } else if sqlite.iter().any(|p| sql.to_ascii_lowercase().contains(p)) {
        Some("sqlite")
    } else {
        None
    }
}

#[tokio::test]
async fn every_statement_prepares_against_the_migrated_schema() {
    let (db, store) = TestDatabase::migrated().await;
    drop(store);
    let (statements, dynamic) = statements();
    assert!(statements.len() > 150, "the store's statements were found: {}", statements.len());
    assert!(dynamic < 10, "few statements are built at run time: {dynamic}");
    let mut conn = AnyConnection::connect(&db.url).await.unwrap();
    let engine = if db.url.starts_with("postgres") { "postgres" } else { "sqlite" };
    let mut refused = Vec::new();
    let mut prepared = 0;
    for (place, sql) in &statements {
        // Transaction control is not a statement to prepare; a dialect's statement runs on its
        // engine only.
        if sql.starts_with("BEGIN") || dialect(sql).is_some_and(|d| d != engine) {
            continue;
        }
        prepared += 1;
        match (&mut conn).prepare(AssertSqlSafe(sql.clone()).into_sql_str()).await {
            Ok(_) => {}
            // The server took the statement; only sqlx's `Any` layer cannot name a type it
            // describes (PostgreSQL's `name`), which binding a string at run time never meets.
            Err(sqlx::Error::AnyDriverError(e))
                if e.to_string().contains("does not support the Postgres type") => {}
            Err(e) => refused.push(format!("{place}: {e}\n    {sql}")),
        }
    }
    conn.close().await.ok();
    assert!(prepared > 150, "{prepared} statements prepared on {engine}");
    assert!(
        refused.is_empty(),
        "{} statements do not fit the schema:\n{}",
        refused.len(),
        refused.join("\n")
    );
}

#[tokio::test]
async fn the_store_tells_a_schema_behind_or_ahead_of_the_program() {
    let db = TestDatabase::new().await;
    let store = smartcities_store::Store::connect(&db.url).await.unwrap();
    assert_eq!(store.schema_state().await.unwrap(), SchemaState::Empty);
    store.migrate().await.unwrap();
    assert_eq!(store.schema_state().await.unwrap(), SchemaState::Current);

    let mut conn = AnyConnection::connect(&db.url).await.unwrap();
    let last: i64 = sqlx::Row::get(
        &sqlx::query("SELECT MAX(version) AS v FROM _sqlx_migrations").fetch_one(&mut conn).await.unwrap(),
        "v",
    );
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = $1")
        .bind(last)
        .execute(&mut conn)
        .await
        .unwrap();
    assert_eq!(store.schema_state().await.unwrap(), SchemaState::Behind { missing: vec![last] });
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
         SELECT $1, 'from a newer program', installed_on, success, checksum, execution_time FROM _sqlx_migrations \
         WHERE version = (SELECT MIN(version) FROM _sqlx_migrations)",
    )
    .bind(last)
    .execute(&mut conn)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
         SELECT 99990101000000, 'from a newer program', installed_on, success, checksum, execution_time FROM _sqlx_migrations \
         WHERE version = (SELECT MIN(version) FROM _sqlx_migrations)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    assert_eq!(store.schema_state().await.unwrap(), SchemaState::Ahead { unknown: 99990101000000 });
    conn.close().await.ok();
}

#[tokio::test]
async fn an_acknowledged_commit_is_on_disk() {
    let (_db, store) = TestDatabase::migrated().await;
    let level = store.durability().await.unwrap();
    // SQLite's FULL is 2; PostgreSQL commits synchronously unless told otherwise.
    assert!(level == "2" || level == "on", "commits are synced before they are acknowledged: {level}");
}
