//! An edition's questionnaire and the cities' workbooks: `questionnaire` and `answers`.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use smartcities_app::{AppError, Refusal, accounts::console_user, responses::SaveOutcome};
use smartcities_domain::{CityId, EditionYear};

use super::{language, open, say};

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

pub(super) async fn questionnaire(what: QuestionnaireCommand) -> Result<()> {
    match what {
        QuestionnaireCommand::Export { edition, output, database_url } => {
            let (version, bytes) = open(&database_url).await?.xlsform(EditionYear::new(edition)?).await?;
            std::fs::write(&output, bytes).with_context(|| format!("writing {}", output.display()))?;
            say!("Wrote the {edition} questionnaire (version {version}) to {}.", output.display());
        }
        QuestionnaireCommand::Import { file, edition, database_url } => {
            let year = EditionYear::new(edition)?;
            let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let name = file.display().to_string();
            let app = open(&database_url).await?;
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
                say!("Created edition {edition}, in planning.");
            }
            let (version, count) = (outcome.version, outcome.imported.questionnaire.questions().len());
            if outcome.changed {
                say!(
                    "Imported {count} questions as version {version} of the {edition} questionnaire ({} notes).",
                    outcome.imported.notices.len()
                );
            } else {
                say!("The {edition} questionnaire is unchanged (version {version}).");
            }
        }
        QuestionnaireCommand::Rename { edition, old, new, database_url } => {
            let app = open(&database_url).await?;
            let version = app.rename_question(EditionYear::new(edition)?, None, &old, &new).await?;
            say!(
                "Renamed {old} to {new} in the {edition} questionnaire (version {version}); its answers moved with it."
            );
        }
        QuestionnaireCommand::Template { edition, city, lang, output, database_url } => {
            let app = open(&database_url).await?;
            let year = EditionYear::new(edition)?;
            let city = CityId::parse(&city)?;
            let lang = language(&lang)?;
            let file = app.response_file(&console_user(), year, &city).await.map_err(|e| match e {
                AppError::Refused(Refusal::NotFound) => {
                    anyhow::anyhow!(
                        "{city} is not invited to edition {edition} (or one of them does not exist)"
                    )
                }
                other => other.into(),
            })?;
            std::fs::write(&output, app.offline_workbook(&file, lang)?)
                .with_context(|| format!("writing {}", output.display()))?;
            say!(
                "Wrote the {edition} workbook for {city} to {} (revision {}).",
                output.display(),
                file.response.revision
            );
        }
    }
    Ok(())
}

pub(super) async fn answers(what: AnswersCommand) -> Result<()> {
    let AnswersCommand::Upload { file, edition, city, lang, database_url } = what;
    let app = open(&database_url).await?;
    let year = EditionYear::new(edition)?;
    let city = CityId::parse(&city)?;
    let lang = language(&lang)?;
    let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
    let outcome = match app.upload_workbook(&console_user(), year, &city, bytes, lang).await {
        Ok(outcome) => outcome,
        Err(AppError::Refused(Refusal::Workbook(problems))) => {
            let lines: Vec<String> =
                problems.iter().map(|p| format!("{}: {}", file.display(), p.located(lang))).collect();
            bail!("{}\nNothing was saved.", lines.join("\n"));
        }
        Err(e) => return Err(e.into()),
    };
    match outcome {
        SaveOutcome::Saved { revision, changed } => {
            say!("Saved {changed} changed answers for {city}; the response is now at revision {revision}.")
        }
        SaveOutcome::Conflicts { revision, conflicts } => {
            let lines: Vec<String> = conflicts
                .iter()
                .map(|c| {
                    format!(
                        "{}: changed to {:?} by {} (revision {})",
                        c.question,
                        c.theirs.as_str(),
                        c.changed_by,
                        c.revision
                    )
                })
                .collect();
            bail!(
                "these answers changed after the workbook was made (the response is at revision {revision}):\n{}\nNothing was saved; download a new template.",
                lines.join("\n")
            );
        }
    }
    Ok(())
}
