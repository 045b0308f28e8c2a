//! The `smartcities` command. The binary only wires the library (`smartcities::cli`); the
//! package's other dependencies are the library's.
#![allow(unused_crate_dependencies)]

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    smartcities::cli::init_logging();
    let cli = smartcities::cli::Cli::parse();
    match smartcities::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
