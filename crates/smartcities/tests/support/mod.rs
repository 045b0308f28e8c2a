//! Running the `smartcities` binary from the tests.

use std::process::{Command, Output};

/// Runs `smartcities ARGS` against a database, with quiet logs.
pub fn smartcities(args: &[&str], database_url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smartcities"))
        .args(args)
        .env("SMARTCITIES_DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run smartcities")
}
