//! Command-line interface.

use std::{io::Write, net::SocketAddr, path::PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::ProgressBar;
use smartcities_collect::{parse_cities, parse_members, parse_partners, write_cities};
use smartcities_domain::EditionFile;
use smartcities_store::{CityFilter, Store};

use crate::demo;

/// smartcities runs the Smart Cities Study of a network of cities: editions and their
/// frameworks, the member registry, and the public site and API.
#[derive(Parser, Debug)]
#[command(name = "smartcities", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create (or reuse) a SQLite database with the demonstration data and serve the site.
    Demo {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// Database to load the demonstration into.
        #[arg(long, env = "SMARTCITIES_DATABASE_URL", default_value = "sqlite://smartcities-demo.db")]
        database_url: String,
    },
    /// Serve the site and API from an existing database.
    Serve {
        /// sqlite://PATH or postgres://USER@HOST/DATABASE
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
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
        what: Import,
    },
    /// Export data to standard output or a file.
    Export {
        #[command(subcommand)]
        what: Export,
    },
}

#[derive(Subcommand, Debug)]
pub enum Import {
    /// Cities CSV: name, country, population, latitude, longitude; optional id, local_name,
    /// section, population_year, population_source, metropolis. Existing ids are updated.
    Cities {
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
    },
    /// Member list CSV: city_id, status; optional since, focal_name, focal_role, focal_email, illustrative.
    Members {
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
    },
    /// Partner organisations CSV: id, name, kind; optional link.
    Partners {
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
    },
    /// An edition and its framework (TOML, as in data/editions/). A changed framework becomes a new version.
    Edition {
        file: PathBuf,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum Export {
    /// The city registry, in the format `import cities` reads (csv) or as JSON.
    Cities {
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        database_url: String,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
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

pub async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Demo { bind, database_url } => {
            let store = open(&database_url).await?;
            store.migrate().await?;
            let loaded = demo::load(&store, &ProgressBar::new(0)).await?;
            let listener = listen(bind).await?;
            println!(
                "Demonstration loaded into {database_url}: {} editions, {} cities, {} members, {} partners.",
                loaded.editions, loaded.cities, loaded.members, loaded.partners
            );
            println!("Serving on http://{} (Ctrl-C to stop)", listener.local_addr()?);
            smartcities_web::serve(store, listener).await?;
        }
        Command::Serve { database_url, bind } => {
            let store = open(&database_url).await?;
            if store.editions().await.is_err() {
                bail!(
                    "{database_url} has no smartcities schema; run `smartcities migrate --database-url {database_url}` first"
                );
            }
            let listener = listen(bind).await?;
            println!("Serving {database_url} on http://{}", listener.local_addr()?);
            smartcities_web::serve(store, listener).await?;
        }
        Command::Migrate { database_url } => {
            open(&database_url).await?.migrate().await?;
            println!("{database_url} is up to date.");
        }
        Command::Import { what } => import(what).await?,
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
