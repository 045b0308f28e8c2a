//! The registry and the editions in and out of files: `import` and `export`.

use std::{io::Write, path::PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;
use smartcities_domain::EditionYear;

use super::{Format, open, read, say};

#[derive(Subcommand, Debug)]
/// What can be imported.
pub enum Import {
    /// Cities CSV: name, country, population, latitude, longitude; optional id, local_name,
    /// name_es, name_fr, section, population_year, population_source, metropolis. Existing ids
    /// are updated.
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
    /// level, questionnaire version, the city's note, the file's path), so any finding can be
    /// recomputed elsewhere.
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
        /// Also write the files given as answers under this folder, at the paths of the `file` column.
        #[arg(long)]
        files: Option<PathBuf>,
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

pub(super) async fn import(what: Import) -> Result<()> {
    match what {
        Import::Cities { file, database_url } => {
            let (name, text) = read(&file)?;
            let imported = open(&database_url).await?.import_cities(&name, &text).await?;
            say!("Imported {} cities from {name}.", imported.records);
        }
        Import::Members { file, database_url } => {
            let (name, text) = read(&file)?;
            let imported = open(&database_url).await?.import_members(&name, &text).await?;
            say!("Imported {} members from {name}.", imported.records);
        }
        Import::Partners { file, database_url } => {
            let (name, text) = read(&file)?;
            let imported = open(&database_url).await?.import_partners(&name, &text).await?;
            say!("Imported {} partners from {name}.", imported.records);
        }
        Import::Edition { file, database_url } => {
            let (name, text) = read(&file)?;
            let (year, saved) = open(&database_url).await?.import_edition(&name, &text).await?;
            if saved.new_version {
                say!("Imported edition {year}: framework version {}.", saved.version);
            } else {
                say!("Edition {year} updated; its framework is unchanged (version {}).", saved.version);
            }
        }
    }
    Ok(())
}

/// Standard output, or the file named.
fn destination(output: Option<&PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

/// Flushes what was written; a reader of standard output that went away ends the command
/// quietly.
fn finish(mut out: Box<dyn Write>) -> Result<()> {
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        other => Ok(other?),
    }
}

/// An application error from writing to a closed standard output ends the command quietly.
fn quiet_on_closed_pipe<T>(result: smartcities_app::Result<T>) -> Result<T> {
    match result {
        Err(smartcities_app::AppError::Internal(e)) if e.contains("Broken pipe") => std::process::exit(0),
        other => Ok(other?),
    }
}

pub(super) async fn export(what: Export) -> Result<()> {
    match what {
        Export::Answers { edition, format, output, files, database_url } => {
            let app = open(&database_url).await?;
            if let Some(dir) = &files {
                let written = app.export_answer_files(EditionYear::new(edition)?, dir).await?;
                eprintln!("Wrote {written} files to {}.", dir.display());
            }
            let mut out = destination(output.as_ref())?;
            let written = quiet_on_closed_pipe(
                app.export_answers(EditionYear::new(edition)?, format.into(), &mut out).await,
            )?;
            finish(out)?;
            if let Some(path) = output {
                eprintln!("Wrote {} answers of {} cities to {}.", written.0, written.1, path.display());
            }
        }
        Export::Cities { format, output, database_url } => {
            let app = open(&database_url).await?;
            let mut out = destination(output.as_ref())?;
            let cities = quiet_on_closed_pipe(app.export_cities(format.into(), &mut out).await)?;
            finish(out)?;
            if let Some(path) = output {
                eprintln!("Wrote {cities} cities to {}.", path.display());
            }
        }
    }
    Ok(())
}
