//! Running the site, and the database it runs on: `demo`, `serve`, `migrate`, `backup`,
//! `restore`.

use std::{net::SocketAddr, path::PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use smartcities_app::{
    accounts::console_user,
    admin::SchemaState,
    community::ReportFormat,
    mail::{DEFAULT_FROM, Mailer},
};
use smartcities_domain::Lang;
use smartcities_web::AppState;

use super::{Bar, open, say};

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
    pub(crate) fn mailer(&self) -> Result<Mailer> {
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

    pub(crate) fn destination(&self) -> String {
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

/// `smartcities demo`.
#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Database to load the demonstration into.
    #[arg(long, env = "SMARTCITIES_DATABASE_URL", default_value = "sqlite://smartcities-demo.db")]
    database_url: String,
    #[command(flatten)]
    /// Where the outbox's mail goes.
    mail: MailArgs,
}

/// `smartcities serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
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
}

/// `smartcities backup`.
#[derive(Args, Debug)]
pub struct BackupArgs {
    /// The backup file to create.
    #[arg(short, long)]
    output: PathBuf,
    /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
    #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
    database_url: String,
}

/// `smartcities restore`.
#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// The backup file.
    file: PathBuf,
    /// Replace the data the database holds now.
    #[arg(long)]
    replace: bool,
    /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
    #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
    database_url: String,
}

/// `smartcities migrate`.
#[derive(Args, Debug)]
pub struct MigrateArgs {
    /// sqlite://PATH or postgres://USER@HOST/DATABASE
    #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
    database_url: String,
}

async fn listen(bind: SocketAddr) -> Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(bind).await.with_context(|| format!("listening on {bind}"))
}

/// Where the good-practice search index lives: the directory given, else beside an SQLite
/// database file, else (PostgreSQL, or SQLite in memory) nowhere — in memory.
fn search_index_dir(database_url: &str, given: Option<PathBuf>) -> Option<PathBuf> {
    given.or_else(|| {
        let path = database_url.strip_prefix("sqlite://")?.split('?').next()?;
        (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(format!("{path}.search")))
    })
}

pub(super) async fn demo(args: DemoArgs) -> Result<()> {
    let DemoArgs { bind, database_url, mail } = args;
    let app = open(&database_url).await?;
    app.migrate().await?;
    let listener = listen(bind).await?;
    let base = format!("http://{}", listener.local_addr()?);
    let loaded = app.load_demo(&Bar::new()).await?;
    say!(
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
        let period =
            smartcities_publish::progress::Period::parse("2026-01", "2026-12").map_err(anyhow::Error::msg)?;
        let report = app.progress_report(&console_user(), period, None).await?;
        for (format, extension) in [(ReportFormat::Html, "html"), (ReportFormat::Pdf, "pdf")] {
            let path = stem.with_extension(format!("progress-report.{extension}"));
            std::fs::write(&path, app.progress_report_file(report.clone(), Lang::En, format).await?)?;
            say!("Progress report of 2026: {}", path.display());
        }
    }
    if loaded.links.is_empty() {
        say!("Every demonstration account has its password; sign in at {base}/sign-in.");
    } else {
        say!("One-time links to set a password and sign in (each works once):");
        for (who, path) in &loaded.links {
            say!("  {who}: {base}{path}");
        }
    }
    say!("Serving on {base} (Ctrl-C to stop; mail goes to {})", mail.destination());
    let index = search_index_dir(&database_url, None);
    let state = AppState::new(app)
        .with_public_url(Some(base))
        .with_contact(mail.contact())
        .with_catalogue_dir(index.as_deref())?;
    smartcities_web::serve(state, mail.mailer()?, listener).await?;
    Ok(())
}

pub(super) async fn serve(args: ServeArgs) -> Result<()> {
    let ServeArgs { database_url, bind, public_url, secure_cookies, trusted_proxy, search_index, mail } =
        args;
    let app = open(&database_url).await?;
    let migrate = format!("smartcities migrate --database-url {database_url}");
    match app.schema_state().await? {
        SchemaState::Current => {}
        SchemaState::Empty => bail!("{database_url} has no smartcities schema; run `{migrate}` first"),
        SchemaState::Behind { missing } => bail!(
            "{database_url} lacks {} migrations of this version ({}); run `{migrate}` first",
            missing.len(),
            missing.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        ),
        SchemaState::Ahead { unknown } => bail!(
            "{database_url} was migrated by a newer smartcities (migration {unknown}); run that version, or restore a backup made before it"
        ),
    }
    let listener = listen(bind).await?;
    let mailer = mail.mailer()?;
    say!("Serving {database_url} on http://{} (mail goes to {})", listener.local_addr()?, mail.destination());
    let index = search_index_dir(&database_url, search_index);
    let state = AppState::new(app)
        .with_public_url(Some(public_url))
        .with_contact(mail.contact())
        .with_secure_cookies(secure_cookies)
        .with_trusted_proxy(trusted_proxy)
        .with_catalogue_dir(index.as_deref())?;
    smartcities_web::serve(state, mailer, listener).await?;
    Ok(())
}

pub(super) async fn backup(args: BackupArgs) -> Result<()> {
    let counts = open(&args.database_url).await?.backup_to(&args.output).await?;
    let rows: usize = counts.iter().map(|(_, n)| n).sum();
    say!(
        "Backed up {rows} rows of {} tables to {} (restore with `smartcities restore {}`).",
        counts.len(),
        args.output.display(),
        args.output.display()
    );
    Ok(())
}

pub(super) async fn restore(args: RestoreArgs) -> Result<()> {
    let RestoreArgs { file, replace, database_url } = args;
    let counts = open(&database_url).await?.restore_from(&file, replace).await?;
    let rows: usize = counts.iter().map(|(_, n)| n).sum();
    say!("Restored {rows} rows of {} tables from {} into {database_url}.", counts.len(), file.display());
    Ok(())
}

pub(super) async fn migrate(args: MigrateArgs) -> Result<()> {
    open(&args.database_url).await?.migrate().await?;
    say!("{} is up to date.", args.database_url);
    Ok(())
}
