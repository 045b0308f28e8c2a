//! Command-line interface.

use std::{
    io::Write,
    net::SocketAddr,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::ProgressBar;
use smartcities_app::{
    App, AppError,
    accounts::console_user,
    campaign::Round,
    community::ReportFormat,
    focus_groups::parse_focus_group,
    mail::{DEFAULT_FROM, Mailer},
    publication::GoPublic,
};
use smartcities_collect::{parse_cities, parse_members, parse_partners, write_cities};
use smartcities_domain::{ApproxDate, CityId, EditionFile, EditionYear, Lang};
use smartcities_questionnaire::{WorkbookFor, write_answer_workbook, write_xlsform};
use smartcities_store::{CityFilter, SaveOutcome, Store};
use smartcities_web::AppState;

use crate::{campaign, demo};

/// smartcities runs the Smart Cities Study of a network of cities: editions and their
/// frameworks, the member registry, and the public site and API.
#[derive(Parser, Debug)]
#[command(name = "smartcities", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    /// What to do.
    pub command: Command,
}

/// Where the outbox's mail goes.
#[derive(Args, Debug, Clone)]
pub struct MailArgs {
    /// Send mail through this SMTP server: smtp://HOST:PORT (a local relay, no TLS),
    /// smtp://USER:PASSWORD@HOST:587?tls=required (STARTTLS) or smtps://USER:PASSWORD@HOST.
    /// Without it, mail is written as .eml files into --outbox.
    #[arg(long, env = "SMARTCITIES_SMTP_URL")]
    smtp_url: Option<String>,
    /// Folder for .eml files when no SMTP server is configured.
    #[arg(long, default_value = "outbox")]
    outbox: PathBuf,
    /// The sender of every message.
    #[arg(long, env = "SMARTCITIES_MAIL_FROM", default_value = DEFAULT_FROM)]
    mail_from: String,
}

impl MailArgs {
    fn mailer(&self) -> Result<Mailer> {
        let mailer = match &self.smtp_url {
            Some(url) => Mailer::smtp(url, &self.mail_from),
            None => Mailer::folder(&self.outbox, &self.mail_from),
        };
        mailer.map_err(anyhow::Error::msg)
    }

    /// The secretariat's address people are told to write to: the one mail comes from.
    fn contact(&self) -> Option<String> {
        Some(self.mail_from.clone())
    }

    fn destination(&self) -> String {
        match &self.smtp_url {
            // Never print the password an URL may carry.
            Some(url) => match (url.split_once("://"), url.rsplit_once('@')) {
                (Some((scheme, _)), Some((_, server))) => format!("the SMTP server {scheme}://{server}"),
                _ => format!("the SMTP server {url}"),
            },
            None => self.outbox.display().to_string(),
        }
    }
}

#[derive(Subcommand, Debug)]
/// The commands.
pub enum Command {
    /// Create (or reuse) a SQLite database with the demonstration data and serve the site.
    Demo {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// Database to load the demonstration into.
        #[arg(long, env = "SMARTCITIES_DATABASE_URL", default_value = "sqlite://smartcities-demo.db")]
        database_url: String,
        #[command(flatten)]
        /// Where the outbox's mail goes.
        mail: MailArgs,
    },
    /// Serve the site and API from an existing database.
    Serve {
        /// sqlite://PATH or postgres://USER@HOST/DATABASE
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// The address people reach the site at (https://… behind a proxy): the only address
        /// links in mail (invitations, reminders, password resets) point to.
        #[arg(long, env = "SMARTCITIES_PUBLIC_URL")]
        public_url: String,
        /// Mark session cookies Secure (the site is served over https).
        #[arg(long)]
        secure_cookies: bool,
        /// The server sits behind a reverse proxy that appends the client's address to
        /// X-Forwarded-For: the sign-in throttle counts that address.
        #[arg(long)]
        trusted_proxy: bool,
        /// Directory of the good-practice search index, a cache of the database rebuilt when
        /// missing. Default: beside an SQLite database (`PATH.search`); in memory for
        /// PostgreSQL, filled from the database at start.
        #[arg(long, env = "SMARTCITIES_SEARCH_INDEX")]
        search_index: Option<PathBuf>,
        #[command(flatten)]
        /// Where the outbox's mail goes.
        mail: MailArgs,
    },
    /// Analyse an edition's accepted answers (shares with intervals, breakdowns, SDG matrix,
    /// barriers and enablers, trends, peers) and store the results the site and API show.
    Analyse {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Publish the next version of an analysed edition: the static site in es, en and fr, the
    /// PDF report, brief, slides and city sheets, and the open-data package, stored in the
    /// database (served at /editions/YEAR/v/N/…) and, with --output, written to a directory.
    Publish {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long, short)]
        /// An empty (or new) directory to write the version's files to: site/, pdf/, data/.
        output: Option<PathBuf>,
        #[arg(long)]
        /// The foreword and conclusions, as a TOML file with [foreword] and [conclusions]
        /// tables of en, es and fr texts; conclusions are drafted from the data when left out.
        /// A [changes] table says what changed since the previous version.
        texts: Option<PathBuf>,
        #[arg(long, conflicts_with = "at")]
        /// Keep the version private for the secretariat to preview; make it public later on
        /// the edition's page.
        preview: bool,
        #[arg(long, requires = "zone")]
        /// Make the version public at this local date and time (2027-05-10T10:00) in --zone.
        at: Option<String>,
        #[arg(long)]
        /// The IANA time zone of --at (Europe/Madrid).
        zone: Option<String>,
        #[arg(long, env = "SMARTCITIES_PUBLIC_URL")]
        /// The address the site is reached at, for the links mailed to participating cities
        /// when the version goes public (without it, nobody is mailed).
        public_url: Option<String>,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Withdraw a published version, with the reason its pages will show. Its files are kept.
    Withdraw {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long)]
        /// The version's number.
        version: u32,
        #[arg(long)]
        /// Why it is withdrawn.
        reason: String,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Set an edition's codebook for coding free-text answers, from a TOML file (see
    /// data/codebooks/default.toml): categories with a code, a group (barrier, enabler, trend,
    /// technology), es/en/fr label and definition, and keywords per language for suggestions.
    Codebook {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        /// The codebook's TOML file.
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
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
    #[command(verbatim_doc_comment)]
    Index {
        #[arg(long)]
        /// COINr's iData table (CSV): one row per unit.
        data: PathBuf,
        #[arg(long)]
        /// COINr's iMeta table (CSV): one row per variable.
        meta: PathBuf,
        #[arg(long)]
        /// The specification (TOML); COINr's example pipeline without it.
        spec: Option<PathBuf>,
        #[arg(short, long)]
        /// The folder the tables are written to.
        output: PathBuf,
    },
    /// Write a consistent copy of the whole database to a new SQLite file, while the server
    /// runs: SQLite's online backup from SQLite, a snapshot in one transaction from PostgreSQL.
    Backup {
        /// The backup file to create.
        #[arg(short, long)]
        output: PathBuf,
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
    },
    /// Replace every row of a database with a backup's, in one transaction (SQLite or
    /// PostgreSQL; a backup of either restores into either). A database that holds data is
    /// replaced only with --replace.
    Restore {
        /// The backup file.
        file: PathBuf,
        /// Replace the data the database holds now.
        #[arg(long)]
        replace: bool,
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
    },
    /// Create or upgrade the database schema.
    Migrate {
        /// sqlite://PATH or postgres://USER@HOST/DATABASE
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
    },
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

#[derive(Subcommand, Debug)]
/// Reports of the community's own work.
pub enum ReportCommand {
    /// The progress report to the World Secretariat over a period: a section per component
    /// (implementation, representation, monitoring and follow-up, learning, strengthening the
    /// network) with its activities and figures, the leadership update and a summary of results.
    /// HTML or PDF, chosen by the output file's extension.
    Progress {
        #[arg(long)]
        /// The first month, YYYY-MM.
        from: String,
        #[arg(long)]
        /// The last month, YYYY-MM.
        to: String,
        #[arg(long, default_value = "en")]
        /// The language: es, en or fr.
        lang: String,
        #[arg(short, long)]
        /// Where to write it: a .html or .pdf file.
        output: PathBuf,
        #[arg(long)]
        /// A text file with the summary of results as edited; without it the summary is drafted
        /// from the data.
        summary: Option<PathBuf>,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
}

#[derive(Subcommand, Debug)]
/// Questionnaire commands.
pub enum QuestionnaireCommand {
    /// Write the edition's questionnaire as an XLSForm workbook (survey, choices, settings).
    Export {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(short, long)]
        /// The file to write.
        output: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Read an XLSForm workbook (.xlsx) as the edition's questionnaire. Unsupported
    /// features are listed and left out; any error means nothing is imported. A year without an
    /// edition gets one, in planning.
    Import {
        /// The XLSForm workbook (.xlsx).
        file: PathBuf,
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Rename a question's code; its answers, their history and comments move with it.
    Rename {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        /// The current code.
        old: String,
        /// The new code.
        new: String,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Write a city's offline workbook: one row per question, drop-downs, previous answers filled in.
    Template {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        /// The city's id, such as es-bilbao.
        #[arg(long)]
        city: String,
        /// Language of the workbook: en, es or fr.
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(short, long)]
        /// The file to write.
        output: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
}

#[derive(Subcommand, Debug)]
/// Campaign commands.
pub enum CampaignCommand {
    /// Open an edition for answers with a deadline (YYYY-MM-DD).
    Open {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long)]
        /// The last day for answers, YYYY-MM-DD.
        deadline: String,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Invite every current member city (active or asked to renew): accounts for its focal points
    /// and an invitation mail each.
    Invite {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        /// The address respondents reach the site at, for the links in the mail.
        #[arg(long, env = "SMARTCITIES_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
        base_url: String,
        #[command(flatten)]
        /// Where the outbox's mail goes.
        mail: MailArgs,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Remind the respondents of every city that has not submitted.
    Remind {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        /// The address respondents reach the site at, for the links in the mail.
        #[arg(long, env = "SMARTCITIES_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
        base_url: String,
        #[command(flatten)]
        /// Where the outbox's mail goes.
        mail: MailArgs,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Deliver the mail that is due (failed deliveries are retried later with a growing delay).
    Deliver {
        /// Try every undelivered message now, including those given up on (after fixing the
        /// mail server or an address), instead of waiting for its next attempt.
        #[arg(long)]
        retry_now: bool,
        #[command(flatten)]
        /// Where the outbox's mail goes.
        mail: MailArgs,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Participation: invited, started, submitted, accepted, overall and by UCLG section.
    Status {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
}

#[derive(Subcommand, Debug)]
/// Focus-group commands.
pub enum FocusGroupCommand {
    /// Record a focus group from a TOML file: id, edition, held_on, language, dynamics,
    /// participants (city ids) and [[outputs]] with kind (practice, barrier, enabler, trend),
    /// optional axis, sdgs and note. Recording the same id again replaces it.
    Import {
        /// The focus group's TOML file.
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// List an edition's focus groups and their outputs.
    List {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
}

async fn focus_group(what: FocusGroupCommand) -> Result<()> {
    match what {
        FocusGroupCommand::Import { file, database_url } => {
            let (name, text) = read(&file)?;
            let group = parse_focus_group(&name, &text).map_err(anyhow::Error::msg)?;
            open(&database_url).await?.save_focus_group(&group).await?;
            println!(
                "Recorded focus group {} of edition {} with {} outputs.",
                group.id,
                group.edition,
                group.outputs.len()
            );
        }
        FocusGroupCommand::List { edition, database_url } => {
            for group in open(&database_url).await?.focus_groups(EditionYear::new(edition)?).await? {
                println!(
                    "{} · {} · {} · {} cities · {}",
                    group.id,
                    group.held_on,
                    group.language.code(),
                    group.participants.len(),
                    group.dynamics
                );
                for output in &group.outputs {
                    let sdgs: Vec<String> = output.sdgs.iter().map(ToString::to_string).collect();
                    let axis = output.axis.as_ref().map_or("-".to_string(), ToString::to_string);
                    println!("  {} [{axis}] [{}] {}", output.kind.slug(), sdgs.join(", "), output.note);
                }
            }
        }
    }
    Ok(())
}

#[derive(Subcommand, Debug)]
/// Commands on a city's answers.
pub enum AnswersCommand {
    /// Upload a filled offline workbook. Every problem is listed by sheet, row and column and
    /// nothing is saved; answers someone changed since the workbook was made are conflicts.
    Upload {
        /// The filled workbook (.xlsx).
        file: PathBuf,
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long)]
        /// The city's id, such as es-bilbao.
        city: String,
        /// Language for messages: en, es or fr.
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
}

#[derive(Subcommand, Debug)]
/// What can be imported.
pub enum Import {
    /// Cities CSV: name, country, population, latitude, longitude; optional id, local_name,
    /// section, population_year, population_source, metropolis. Existing ids are updated.
    Cities {
        /// The CSV file.
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Member list CSV: city_id, status; optional since, focal_name, focal_role, focal_email, illustrative.
    Members {
        /// The CSV file.
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Partner organisations CSV: id, name, kind; optional link.
    Partners {
        /// The CSV file.
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// An edition and its framework (TOML, as in data/editions/). A changed framework becomes a new version.
    Edition {
        /// The edition's TOML file.
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
}

#[derive(Subcommand, Debug)]
/// What can be exported.
pub enum Export {
    /// An edition's accepted answers in long form (city, question, entry, value, evidence
    /// level, questionnaire version), so any finding can be recomputed elsewhere.
    Answers {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        /// csv or json.
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// The city registry, in the format `import cities` reads (csv) or as JSON.
    Cities {
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        /// csv or json.
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
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

async fn open(database_url: &str) -> Result<Store> {
    Store::connect(database_url).await.with_context(|| format!("connecting to {database_url}"))
}

fn read(file: &PathBuf) -> Result<(String, String)> {
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    Ok((file.display().to_string(), text))
}

async fn listen(bind: SocketAddr) -> Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(bind).await.with_context(|| format!("listening on {bind}"))
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

/// Where the good-practice search index lives: the directory given, else beside an SQLite
/// database file, else (PostgreSQL, or SQLite in memory) nowhere — in memory.
fn search_index_dir(database_url: &str, given: Option<PathBuf>) -> Option<PathBuf> {
    given.or_else(|| {
        let path = database_url.strip_prefix("sqlite://")?.split('?').next()?;
        (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(format!("{path}.search")))
    })
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Demo { bind, database_url, mail } => {
            let store = open(&database_url).await?;
            store.migrate().await?;
            let listener = listen(bind).await?;
            let base = format!("http://{}", listener.local_addr()?);
            let loaded = demo::load(&store, &ProgressBar::new(0)).await?;
            println!(
                "Demonstration loaded into {database_url}: {} editions, {} cities, {} members, {} partners, {} good practices, {} events, {} planned activities.",
                loaded.editions,
                loaded.cities,
                loaded.members,
                loaded.partners,
                loaded.practices,
                loaded.events,
                loaded.activities
            );
            // The demonstration's progress report over its illustrative year, beside the database.
            if let Some(stem) = search_index_dir(&database_url, None) {
                let app = App::new(store.clone());
                let period = smartcities_publish::progress::Period::parse("2026-01", "2026-12")
                    .map_err(anyhow::Error::msg)?;
                let report = app.progress_report(&console_user(), period, None).await?;
                for (format, extension) in [(ReportFormat::Html, "html"), (ReportFormat::Pdf, "pdf")] {
                    let path = stem.with_extension(format!("progress-report.{extension}"));
                    std::fs::write(&path, app.progress_report_file(report.clone(), Lang::En, format).await?)?;
                    println!("Progress report of 2026: {}", path.display());
                }
            }
            if loaded.links.is_empty() {
                println!("Every demonstration account has its password; sign in at {base}/sign-in.");
            } else {
                println!("One-time links to set a password and sign in (each works once):");
                for (who, path) in &loaded.links {
                    println!("  {who}: {base}{path}");
                }
            }
            println!("Serving on {base} (Ctrl-C to stop; mail goes to {})", mail.destination());
            let index = search_index_dir(&database_url, None);
            let state = AppState::new(App::new(store))
                .with_public_url(Some(base))
                .with_contact(mail.contact())
                .with_catalogue_dir(index.as_deref())?;
            smartcities_web::serve(state, mail.mailer()?, listener).await?;
        }
        Command::Serve {
            database_url,
            bind,
            public_url,
            secure_cookies,
            trusted_proxy,
            search_index,
            mail,
        } => {
            let store = open(&database_url).await?;
            if store.editions().await.is_err() {
                bail!(
                    "{database_url} has no smartcities schema; run `smartcities migrate --database-url {database_url}` first"
                );
            }
            let listener = listen(bind).await?;
            let mailer = mail.mailer()?;
            println!(
                "Serving {database_url} on http://{} (mail goes to {})",
                listener.local_addr()?,
                mail.destination()
            );
            let index = search_index_dir(&database_url, search_index);
            let state = AppState::new(App::new(store))
                .with_public_url(Some(public_url))
                .with_contact(mail.contact())
                .with_secure_cookies(secure_cookies)
                .with_trusted_proxy(trusted_proxy)
                .with_catalogue_dir(index.as_deref())?;
            smartcities_web::serve(state, mailer, listener).await?;
        }
        Command::Backup { output, database_url } => {
            let store = open(&database_url).await?;
            let counts = store.backup_to(&output).await?;
            let rows: usize = counts.iter().map(|(_, n)| n).sum();
            println!(
                "Backed up {rows} rows of {} tables to {} (restore with `smartcities restore {}`).",
                counts.len(),
                output.display(),
                output.display()
            );
        }
        Command::Restore { file, replace, database_url } => {
            let store = open(&database_url).await?;
            store.migrate().await?;
            let held: usize = store.counts().await?.iter().map(|(_, n)| n).sum();
            if held > 0 && !replace {
                bail!(
                    "{database_url} holds {held} rows; restoring replaces all of them. Add --replace to do so, or restore into an empty database."
                );
            }
            let counts = store.restore_from(&file).await?;
            let rows: usize = counts.iter().map(|(_, n)| n).sum();
            println!(
                "Restored {rows} rows of {} tables from {} into {database_url}.",
                counts.len(),
                file.display()
            );
        }
        Command::Migrate { database_url } => {
            open(&database_url).await?.migrate().await?;
            println!("{database_url} is up to date.");
        }
        Command::Import { what } => import(what).await?,
        Command::Questionnaire { what } => questionnaire(what).await?,
        Command::Campaign { what } => campaign_command(what).await?,
        Command::FocusGroup { what } => focus_group(what).await?,
        Command::Report {
            what: ReportCommand::Progress { from, to, lang, output, summary, database_url },
        } => {
            let lang = Lang::from_tag(&lang)
                .with_context(|| format!("unknown language {lang:?}: use en, es or fr"))?;
            let period =
                smartcities_publish::progress::Period::parse(&from, &to).map_err(anyhow::Error::msg)?;
            let format = match output.extension().and_then(|e| e.to_str()) {
                Some("pdf") => ReportFormat::Pdf,
                Some("html" | "htm") => ReportFormat::Html,
                _ => bail!("{}: name a .html or .pdf file", output.display()),
            };
            let summary = match summary {
                Some(path) => Some(
                    std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?,
                ),
                None => None,
            };
            let app = App::new(open(&database_url).await?);
            let bar = ProgressBar::new_spinner().with_message("gathering the period's facts");
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            let report = app.progress_report(&console_user(), period, summary).await?;
            bar.set_message("laying out the report");
            let bytes = app.progress_report_file(report, lang, format).await?;
            bar.finish_and_clear();
            std::fs::write(&output, bytes).with_context(|| format!("writing {}", output.display()))?;
            println!("Wrote {}.", output.display());
        }
        Command::Answers { what: AnswersCommand::Upload { file, edition, city, lang, database_url } } => {
            let app = App::new(open(&database_url).await?);
            let year = EditionYear::new(edition)?;
            let city = CityId::parse(&city)?;
            let lang = Lang::from_tag(&lang)
                .with_context(|| format!("unknown language {lang:?}: use en, es or fr"))?;
            let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let outcome = match app.upload_workbook(&console_user(), year, &city, bytes, lang).await {
                Ok(outcome) => outcome,
                Err(AppError::Refused(smartcities_app::Refusal::Workbook(problems))) => {
                    let lines: Vec<String> =
                        problems.iter().map(|p| format!("{}: {}", file.display(), p.located(lang))).collect();
                    bail!("{}\nNothing was saved.", lines.join("\n"));
                }
                Err(e) => return Err(e.into()),
            };
            match outcome {
                SaveOutcome::Saved { revision, changed } => {
                    println!(
                        "Saved {changed} changed answers for {city}; the response is now at revision {revision}."
                    )
                }
                SaveOutcome::Conflicts { revision, conflicts } => {
                    let lines: Vec<String> = conflicts
                        .iter()
                        .map(|c| {
                            format!(
                                "{}: changed to {:?} by {} (revision {})",
                                c.question, c.theirs, c.changed_by, c.revision
                            )
                        })
                        .collect();
                    bail!(
                        "these answers changed after the workbook was made (the response is at revision {revision}):\n{}\nNothing was saved; download a new template.",
                        lines.join("\n")
                    );
                }
            }
        }
        Command::Index { data, meta, spec, output } => {
            let plan = match &spec {
                Some(path) => {
                    let (name, text) = read(path)?;
                    let folder = path.parent().unwrap_or(std::path::Path::new("."));
                    crate::index::parse_spec(&name, &text, folder)?
                }
                None => crate::index::Plan { spec: smartcities_index::Spec::default(), uncertainty: None },
            };
            let outcome = crate::index::run(&data, &meta, plan, &output)?;
            let stages = &outcome.stages;
            println!(
                "Index of {} units over {} indicators, {} aggregates: stages, results.csv and the audit written to {}.",
                stages.aggregated.units.len(),
                stages.normalised.columns.len(),
                stages.ranks.len(),
                output.display()
            );
            let flagged: Vec<String> = outcome
                .audit
                .aggregates
                .iter()
                .filter(|a| !a.negative.is_empty())
                .map(|a| format!("{} ({})", a.code, a.negative.join(", ")))
                .collect();
            if !flagged.is_empty() {
                println!("Negatively correlated with their parent: {}.", flagged.join("; "));
            }
            if let Some(spread) = &outcome.spread {
                println!("Uncertainty over {} runs: uncertainty.csv.", spread.runs);
            }
            if let Some(result) = &outcome.sensitivity {
                let indices: Vec<String> = result
                    .factors
                    .iter()
                    .map(|(name, i)| format!("{name} S1 {:.2} ST {:.2}", i.s1, i.st))
                    .collect();
                println!("Sensitivity: {}.", indices.join("; "));
            }
        }
        Command::Codebook { edition, file, database_url } => {
            let (name, text) = read(&file)?;
            let codebook =
                smartcities_app::analysis::parse_codebook(&name, &text).map_err(anyhow::Error::msg)?;
            let app = App::new(open(&database_url).await?);
            let year = EditionYear::new(edition)?;
            app.store().edition(year).await?.with_context(|| format!("no edition {edition}"))?;
            app.set_codebook(year, &codebook).await?;
            println!("Edition {edition} codes free text with {} categories.", codebook.categories.len());
        }
        Command::Analyse { edition, database_url } => {
            let app = App::new(open(&database_url).await?);
            let progress = ProgressBar::new(0);
            progress.set_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                    .expect("valid template"),
            );
            let results = app.analyse(EditionYear::new(edition)?, &progress).await?;
            println!(
                "Analysed edition {edition}: {} of {} invited cities answering, {} questions, {} trends, peers for {} cities (method {}, inputs {}).",
                results.answering,
                results.invited,
                results.questions.len(),
                results.trends.len(),
                results.peers.len(),
                results.method_version,
                &results.input_hash[..12]
            );
        }
        Command::Publish { edition, output, texts, preview, at, zone, public_url, database_url } => {
            let when = match (preview, at, zone) {
                (true, _, _) => GoPublic::Preview,
                (false, Some(at), Some(zone)) => {
                    GoPublic::At(smartcities_app::publication::moment(&at, &zone)?)
                }
                _ => GoPublic::Now,
            };
            let app = App::new(open(&database_url).await?).with_public_url(public_url);
            publish(&app, edition, output.as_deref(), texts.as_deref(), when).await?;
        }
        Command::Withdraw { edition, version, reason, database_url } => {
            let app = App::new(open(&database_url).await?);
            let user = smartcities_app::accounts::console_user();
            app.withdraw_publication(&user, EditionYear::new(edition)?, version, &reason).await?;
            println!("Version {version} of edition {edition} is withdrawn; its pages now say why.");
        }
        Command::Export { what: Export::Answers { edition, format, output, database_url } } => {
            let store = open(&database_url).await?;
            let accepted = store.accepted_answers(EditionYear::new(edition)?).await?;
            let mut out: Box<dyn Write> = match &output {
                Some(path) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            #[derive(serde::Serialize)]
            struct Row<'a> {
                city: &'a str,
                question: &'a str,
                entry: &'a str,
                value: &'a str,
                evidence: &'a str,
                questionnaire_version: i64,
            }
            let rows: Vec<Row<'_>> = accepted
                .iter()
                .flat_map(|(city, answers)| {
                    answers.iter().map(move |a| Row {
                        city: city.as_str(),
                        question: &a.question,
                        entry: &a.entry,
                        value: &a.value,
                        evidence: a.evidence.slug(),
                        questionnaire_version: a.questionnaire_version,
                    })
                })
                .collect();
            match format {
                Format::Csv => {
                    let mut writer = csv::Writer::from_writer(&mut out);
                    for row in &rows {
                        writer.serialize(row)?;
                    }
                    writer.flush()?;
                }
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &rows)?;
                    writeln!(out)?;
                }
            }
            out.flush()?;
            if let Some(path) = output {
                eprintln!("Wrote {} answers of {} cities to {}.", rows.len(), accepted.len(), path.display());
            }
        }
        Command::Export { what: Export::Cities { format, output, database_url } } => {
            let store = open(&database_url).await?;
            let cities = store.cities(&CityFilter::default()).await?;
            let mut out: Box<dyn Write> = match &output {
                Some(path) => Box::new(
                    std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
                ),
                None => Box::new(std::io::stdout().lock()),
            };
            match format {
                Format::Csv => write_cities(&mut out, &cities)?,
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &cities)?;
                    writeln!(out)?;
                }
            }
            out.flush()?;
            if let Some(path) = output {
                eprintln!("Wrote {} cities to {}.", cities.len(), path.display());
            }
        }
    }
    Ok(())
}

async fn campaign_command(what: CampaignCommand) -> Result<()> {
    async fn deliver(store: &Store, mail: &MailArgs) -> Result<()> {
        let delivery = mail.mailer()?.deliver_due(&App::new(store.clone())).await?;
        println!(
            "Delivered {} messages to {}{}.",
            delivery.sent,
            mail.destination(),
            if delivery.failed > 0 {
                format!("; {} will be retried", delivery.failed)
            } else {
                String::new()
            }
        );
        Ok(())
    }
    let queued = |verb: &str, round: Round| {
        println!("{verb} {} cities: {} messages queued.", round.cities, round.mails)
    };
    match what {
        CampaignCommand::Open { edition, deadline, database_url } => {
            let app = App::new(open(&database_url).await?);
            app.open_campaign(EditionYear::new(edition)?, ApproxDate::parse(&deadline)?).await?;
            println!("Edition {edition} is open for answers until {deadline}.");
        }
        CampaignCommand::Invite { edition, base_url, mail, database_url } => {
            let store = open(&database_url).await?;
            let app = App::new(store.clone()).with_public_url(Some(base_url));
            queued("Invited", app.invite(EditionYear::new(edition)?).await?);
            deliver(&store, &mail).await?;
        }
        CampaignCommand::Remind { edition, base_url, mail, database_url } => {
            let store = open(&database_url).await?;
            let app = App::new(store.clone()).with_public_url(Some(base_url));
            queued("Reminded", app.remind(EditionYear::new(edition)?).await?);
            deliver(&store, &mail).await?;
        }
        CampaignCommand::Deliver { retry_now, mail, database_url } => {
            let store = open(&database_url).await?;
            if retry_now {
                println!("{} undelivered messages are due now.", store.retry_mail_now().await?);
            }
            deliver(&store, &mail).await?;
        }
        CampaignCommand::Status { edition, database_url } => {
            let store = open(&database_url).await?;
            print!("{}", campaign::status(&store, EditionYear::new(edition)?).await?);
        }
    }
    Ok(())
}

async fn questionnaire(what: QuestionnaireCommand) -> Result<()> {
    match what {
        QuestionnaireCommand::Export { edition, output, database_url } => {
            let app = App::new(open(&database_url).await?);
            let (version, questionnaire) = app.questionnaire(EditionYear::new(edition)?).await?;
            std::fs::write(&output, write_xlsform(&questionnaire)?)
                .with_context(|| format!("writing {}", output.display()))?;
            println!("Wrote the {edition} questionnaire (version {version}) to {}.", output.display());
        }
        QuestionnaireCommand::Import { file, edition, database_url } => {
            let year = EditionYear::new(edition)?;
            let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let name = file.display().to_string();
            let app = App::new(open(&database_url).await?);
            let outcome = match app.import_xlsform(year, bytes, &name).await? {
                Ok(outcome) => outcome,
                Err(error) => {
                    for notice in &error.notices {
                        eprintln!("{name}: note: {notice}");
                    }
                    let lines: Vec<String> = error.errors.iter().map(|e| format!("{name}: {e}")).collect();
                    bail!("{}\nNothing was imported.", lines.join("\n"));
                }
            };
            for notice in &outcome.imported.notices {
                eprintln!("{name}: note: {notice}");
            }
            if outcome.created_edition {
                println!("Created edition {edition}, in planning.");
            }
            let (version, count) = (outcome.version, outcome.imported.questionnaire.questions().len());
            if outcome.changed {
                println!(
                    "Imported {count} questions as version {version} of the {edition} questionnaire ({} notes).",
                    outcome.imported.notices.len()
                );
            } else {
                println!("The {edition} questionnaire is unchanged (version {version}).");
            }
        }
        QuestionnaireCommand::Rename { edition, old, new, database_url } => {
            let app = App::new(open(&database_url).await?);
            let version = app.rename_question(EditionYear::new(edition)?, None, &old, &new).await?;
            println!(
                "Renamed {old} to {new} in the {edition} questionnaire (version {version}); its answers moved with it."
            );
        }
        QuestionnaireCommand::Template { edition, city, lang, output, database_url } => {
            let app = App::new(open(&database_url).await?);
            let year = EditionYear::new(edition)?;
            let city = CityId::parse(&city)?;
            let lang = Lang::from_tag(&lang)
                .with_context(|| format!("unknown language {lang:?}: use en, es or fr"))?;
            let file = app.response_file(&console_user(), year, &city).await.map_err(|e| match e {
                AppError::Refused(smartcities_app::Refusal::NotFound) => {
                    anyhow::anyhow!(
                        "{city} is not invited to edition {edition} (or one of them does not exist)"
                    )
                }
                other => other.into(),
            })?;
            let target = WorkbookFor {
                edition,
                city_id: city.to_string(),
                city_name: file.city.name.clone(),
                revision: file.response.revision,
                lang,
            };
            std::fs::write(
                &output,
                write_answer_workbook(&file.questionnaire, &file.workbook_answers()?, &target)?,
            )
            .with_context(|| format!("writing {}", output.display()))?;
            println!(
                "Wrote the {edition} workbook for {city} to {} (revision {}).",
                output.display(),
                file.response.revision
            );
        }
    }
    Ok(())
}

async fn import(what: Import) -> Result<()> {
    match what {
        Import::Cities { file, database_url } => {
            let (name, text) = read(&file)?;
            let cities = parse_cities(&name, &text)?;
            let progress = ProgressBar::new_spinner().with_message(format!("saving {} cities", cities.len()));
            progress.enable_steady_tick(std::time::Duration::from_millis(120));
            open(&database_url).await?.upsert_cities(&cities).await?;
            progress.finish_and_clear();
            println!("Imported {} cities from {name}.", cities.len());
        }
        Import::Members { file, database_url } => {
            let (name, text) = read(&file)?;
            let members = parse_members(&name, &text)?;
            open(&database_url).await?.save_members(&members).await?;
            println!("Imported {} members from {name}.", members.len());
        }
        Import::Partners { file, database_url } => {
            let (name, text) = read(&file)?;
            let partners = parse_partners(&name, &text)?;
            open(&database_url).await?.save_partners(&partners).await?;
            println!("Imported {} partners from {name}.", partners.len());
        }
        Import::Edition { file, database_url } => {
            let (name, text) = read(&file)?;
            let parsed =
                EditionFile::parse(&text).map_err(|e| anyhow::anyhow!(e.located(&name).join("\n")))?;
            let saved = open(&database_url).await?.save_edition(&parsed).await?;
            let year = parsed.edition.year;
            if saved.new_version {
                println!("Imported edition {year}: framework version {}.", saved.version);
            } else {
                println!("Edition {year} updated; its framework is unchanged (version {}).", saved.version);
            }
        }
    }
    Ok(())
}

/// `smartcities publish`: makes and stores the next version, writes its files if asked, and
/// sums up what it made.
async fn publish(
    app: &App,
    edition: u16,
    output: Option<&Path>,
    texts: Option<&Path>,
    when: GoPublic,
) -> Result<()> {
    if let Some(dir) = output
        && dir.exists()
        && std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?.next().is_some()
    {
        bail!(
            "{} is not empty; choose a new directory so no file of another version stays in it",
            dir.display()
        );
    }
    let texts = match texts {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            toml::from_str::<smartcities_publish::Texts>(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
        None => smartcities_publish::Texts::default(),
    };
    let progress = ProgressBar::new(0);
    progress.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} ({elapsed})")
            .expect("valid template"),
    );
    let user = smartcities_app::accounts::console_user();
    let public = match &when {
        GoPublic::Now => "public now".to_string(),
        GoPublic::At(at) => format!("public from {at}"),
        GoPublic::Preview => "a private preview until it is made public on the edition's page".to_string(),
    };
    let published = app.publish(&user, EditionYear::new(edition)?, texts, when, &progress).await?;
    if let Some(dir) = output {
        let writing = ProgressBar::new(published.files.len() as u64).with_message("writing files");
        for file in &published.files {
            let path = dir.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            }
            std::fs::write(&path, &file.bytes).with_context(|| format!("writing {}", path.display()))?;
            writing.inc(1);
        }
        writing.finish_and_clear();
    }
    let count = |ext: &str| published.files.iter().filter(|f| f.path.ends_with(ext)).count();
    let size = |prefix: &str| {
        published
            .files
            .iter()
            .filter(|f| f.path.starts_with(prefix))
            .map(|f| f.bytes.len() as u64)
            .sum::<u64>()
    };
    let mb = |bytes: u64| bytes as f64 / 1_048_576.0;
    println!(
        "Published version {} of edition {edition} in {:.1} s (content {}):",
        published.version,
        published.elapsed.as_secs_f64(),
        &published.content_hash[..12]
    );
    println!("  site: {} pages, {:.1} MB", count(".html"), mb(size("site/")));
    println!("  PDFs: {} documents, {:.1} MB", count(".pdf"), mb(size("pdf/")));
    println!(
        "  open data: {} files, {:.1} MB",
        published.files.iter().filter(|f| f.path.starts_with("data/")).count(),
        mb(size("data/"))
    );
    println!("  served at /editions/{edition}/v/{}/site/index.html, {public}", published.version);
    if published.provisional {
        println!("  provisional: cities are still answering, and every page and file says so");
    }
    println!("  participating cities mailed: {} messages queued", published.mails);
    if let Some(dir) = output {
        println!("  written to {}", dir.display());
    }
    Ok(())
}
