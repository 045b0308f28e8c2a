//! The command line: one module per family of commands, each a thin adapter that parses its
//! arguments, calls the application's use cases and prints what they did.

mod campaign;
mod questionnaire;
mod registry;
mod server;
mod study;

use std::{io::Write, path::Path};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use smartcities_app::{App, admin::ExportFormat};
use smartcities_domain::Lang;

pub use campaign::CampaignCommand;
pub use questionnaire::{AnswersCommand, QuestionnaireCommand};
pub use registry::{Export, Import};
pub use server::MailArgs;
pub use study::{FocusGroupCommand, ReportCommand};

/// Prints a line to standard output; a reader that went away (`smartcities … | head`) ends the
/// command quietly instead of failing it.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::write_out(format_args!($($arg)*))
    };
}
pub(crate) use say;

/// Writes one line to standard output, ending the process quietly if the pipe closed.
pub(crate) fn write_out(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: writing to standard output: {e}");
        std::process::exit(1);
    }
}

/// smartcities runs the Smart Cities Study of a network of cities: editions and their
/// frameworks, the member registry, and the public site and API.
#[derive(Parser, Debug)]
#[command(name = "smartcities", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    /// What to do.
    pub command: Command,
}

#[derive(Subcommand, Debug)]
/// The commands.
pub enum Command {
    /// Create (or reuse) a SQLite database with the demonstration data and serve the site.
    Demo(server::DemoArgs),
    /// Serve the site and API from an existing database.
    Serve(server::ServeArgs),
    /// Analyse an edition's accepted answers (shares with intervals, breakdowns, SDG matrix,
    /// barriers and enablers, trends, peers) and store the results the site and API show.
    Analyse(study::AnalyseArgs),
    /// Publish the next version of an analysed edition: the static site in es, en and fr, the
    /// PDF report, brief, slides and city sheets, and the open-data package, stored in the
    /// database (served at /editions/YEAR/v/N/…) and, with --output, written to a directory.
    Publish(study::PublishArgs),
    /// Withdraw a published version, with the reason its pages will show. Its files are kept.
    Withdraw(study::WithdrawArgs),
    /// Set an edition's codebook for coding free-text answers, from a TOML file (see
    /// data/codebooks/default.toml): categories with a code, a group (barrier, enabler, trend,
    /// technology), es/en/fr label and definition, and keywords per language for suggestions.
    Codebook(study::CodebookArgs),
    #[command(verbatim_doc_comment)]
    /// Build a composite indicator from COINr's tables (iData.csv, iMeta.csv) and write one CSV
    /// per stage (denominated, imputed, screened, treated, normalised, aggregated), results.csv
    /// (uCode, each aggregate's score and its `<iCode>_rank`), weights.csv, treatment.csv, the
    /// statistical audit (audit.csv: Cronbach's alpha, first principal component's share,
    /// children negatively correlated with their parent, near-duplicate pairs; and
    /// correlations_L<a>_L<b>.csv between levels) and, if asked, uncertainty.csv and
    /// sensitivity.csv.
    ///
    /// The optional TOML specification has one table per step, every key optional:
    /// [denominate] enabled = true (divide by iMeta's Denominator);
    /// [impute] method = "none" | "mean" | "median" | "group_mean" | "group_median",
    ///   group = "EurAsia_group";
    /// [screen] min_share = 0.9 (drop units with a smaller share of data);
    /// [treat] method = "winsorise" | "none", winmax = 5, skew = 2.0, kurt = 3.5,
    ///   log_fallback = true (log-transform what Winsorisation cannot fix, as COINr);
    /// [normalise] method = "minmax" | "zscore" | "rank" | "percentile" | "dist2max"
    ///   | "dist2targ" | "goalposts", range = [0, 100] (minmax), mean_sd = [10, 2] (zscore),
    ///   cap = false (dist2targ, iMeta's Target), goalposts = { iCode = [low, high] },
    ///   scale = 100, truncate = true (goalposts);
    /// [aggregate] method = "arithmetic" | "geometric" | "harmonic",
    ///   weights = "meta" | "equal" | "pca" | "weights.csv" (iCode,Weight; relative to the
    ///   specification), min_coverage = 0.5 (share of children an aggregate needs);
    /// [uncertainty] runs = 1000, seed = 1, target = "Index", alternatives to draw from:
    ///   imputations = [...], treatments = [...], normalisations = [...],
    ///   aggregations = [...], screenings = [0, 0.8], coverages = [0, 0.5],
    ///   weights_noise = 0.25 (±25 %), weights_level = 1,
    ///   weight_sets = 100 — per unit: median rank and 5-95 % interval;
    /// [sensitivity] n = 256, resamples = 100, confidence = 0.95 — Sobol first-order and
    ///   total-effect indices of the mean absolute rank change (SALib's conventions).
    Index(study::IndexArgs),
    /// Write a consistent copy of the whole database to a new SQLite file, while the server
    /// runs: SQLite's online backup from SQLite, a snapshot in one transaction from PostgreSQL.
    Backup(server::BackupArgs),
    /// Replace every row of a database with a backup's, in one transaction (SQLite or
    /// PostgreSQL; a backup of either restores into either). A database that holds data is
    /// replaced only with --replace.
    Restore(server::RestoreArgs),
    /// Create or upgrade the database schema.
    Migrate(server::MigrateArgs),
    /// Import data from a file; a file with any problem changes nothing.
    Import {
        #[command(subcommand)]
        /// What to import.
        what: Import,
    },
    /// Export data to standard output or a file.
    Export {
        #[command(subcommand)]
        /// What to export.
        what: Export,
    },
    /// An edition's questionnaire: XLSForm out and in, and offline workbooks for cities.
    Questionnaire {
        #[command(subcommand)]
        /// What to do with the questionnaire.
        what: QuestionnaireCommand,
    },
    /// Run a campaign: open an edition, invite and remind cities, deliver mail, follow participation.
    Campaign {
        #[command(subcommand)]
        /// The campaign step.
        what: CampaignCommand,
    },
    /// Focus groups: participatory sessions and their outputs, linked to axes and SDGs.
    FocusGroup {
        #[command(subcommand)]
        /// What to do with focus groups.
        what: FocusGroupCommand,
    },
    /// A city's answers.
    Answers {
        #[command(subcommand)]
        /// What to do with answers.
        what: AnswersCommand,
    },
    /// Reports of the community's own work.
    Report {
        #[command(subcommand)]
        /// Which report.
        what: ReportCommand,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
/// A file format for exports.
pub enum Format {
    /// Comma-separated values, one row per record.
    Csv,
    /// A JSON array.
    Json,
}

impl From<Format> for ExportFormat {
    fn from(format: Format) -> ExportFormat {
        match format {
            Format::Csv => ExportFormat::Csv,
            Format::Json => ExportFormat::Json,
        }
    }
}

/// The application over the database at `url`.
async fn open(url: &str) -> Result<App> {
    App::connect(url).await.with_context(|| format!("connecting to {url}"))
}

/// A text file's name and content.
fn read(file: &Path) -> Result<(String, String)> {
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    Ok((file.display().to_string(), text))
}

/// A language from its tag.
fn language(tag: &str) -> Result<Lang> {
    Lang::from_tag(tag).with_context(|| format!("unknown language {tag:?}: use en, es or fr"))
}

/// A progress bar on the terminal, as the application's long jobs report to.
pub struct Bar(pub ProgressBar);

impl Bar {
    /// A bar with a count and the current step.
    pub fn new() -> Bar {
        let bar = ProgressBar::new(0);
        bar.set_style(ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").expect("valid template"));
        Bar(bar)
    }
}

impl Default for Bar {
    fn default() -> Bar {
        Bar::new()
    }
}

impl smartcities_domain::Progress for Bar {
    fn set_length(&self, steps: u64) {
        self.0.set_length(steps);
        self.0.set_position(0);
    }
    fn inc(&self, steps: u64) {
        self.0.inc(steps);
    }
    fn set_message(&self, message: &str) {
        self.0.set_message(message.to_string());
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// Logs to standard error, at the level `RUST_LOG` asks for (info by default, warnings from
/// the database driver).
pub fn init_logging() {
    use tracing_subscriber::EnvFilter;
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Demo(args) => server::demo(args).await,
        Command::Serve(args) => server::serve(args).await,
        Command::Backup(args) => server::backup(args).await,
        Command::Restore(args) => server::restore(args).await,
        Command::Migrate(args) => server::migrate(args).await,
        Command::Analyse(args) => study::analyse(args).await,
        Command::Publish(args) => study::publish(args).await,
        Command::Withdraw(args) => study::withdraw(args).await,
        Command::Codebook(args) => study::codebook(args).await,
        Command::Index(args) => study::index(args),
        Command::Report { what } => study::report(what).await,
        Command::FocusGroup { what } => study::focus_group(what).await,
        Command::Import { what } => registry::import(what).await,
        Command::Export { what } => registry::export(what).await,
        Command::Questionnaire { what } => questionnaire::questionnaire(what).await,
        Command::Answers { what } => questionnaire::answers(what).await,
        Command::Campaign { what } => campaign::campaign(what).await,
    }
}
