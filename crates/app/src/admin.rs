//! The operator's work on the database: connecting, migrating and checking the schema,
//! backups and restores, importing registries and editions from their files, and exporting
//! answers and the registry. The command line calls these; each import is all or nothing.

use std::{io::Write, path::Path};

use smartcities_domain::{CityId, EditionFile, EditionYear, QuestionnaireVersion};
use smartcities_store::{CityFilter, Store};
pub use smartcities_store::{SavedEdition, SchemaState};

use crate::{App, AppError, Refusal, Result};

/// Rows the database holds, per table.
pub type TableCounts = Vec<(&'static str, usize)>;

/// A file format for exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values, one row per record.
    Csv,
    /// A JSON array.
    Json,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    /// Records read from the file and saved.
    pub records: usize,
}

/// A file that could not be imported: every problem, located in the file.
fn problems(list: impl IntoIterator<Item = String>) -> AppError {
    AppError::Refused(Refusal::ImportInvalid(list.into_iter().collect()))
}

pub use smartcities_collect::neutralise_formula;

impl App {
    /// The application over the database at `url` (`sqlite://PATH` or `postgres://…`).
    pub async fn connect(url: &str) -> Result<App> {
        Ok(App::new(Store::connect(url).await?))
    }

    /// Creates or upgrades the schema.
    pub async fn migrate(&self) -> Result<()> {
        Ok(self.store.migrate().await?)
    }

    /// Whether the database's schema is the one this program was built for, behind it (run
    /// `smartcities migrate`), ahead of it (a newer program migrated it) or missing.
    pub async fn schema_state(&self) -> Result<SchemaState> {
        Ok(self.store.schema_state().await?)
    }

    /// Writes a consistent copy of the whole database to a new SQLite file.
    pub async fn backup_to(&self, path: &Path) -> Result<TableCounts> {
        Ok(self.store.backup_to(path).await?)
    }

    /// Replaces the database's rows with a backup's, in one transaction. A database that holds
    /// data (anything beyond what a fresh migration puts in) is replaced only when `replace`
    /// says so.
    pub async fn restore_from(&self, path: &Path, replace: bool) -> Result<TableCounts> {
        self.store.migrate().await?;
        let held = self.store.data_rows().await?;
        if held > 0 && !replace {
            return Err(Refusal::RestoreOverData { rows: held }.into());
        }
        Ok(self.store.restore_from(path).await?)
    }

    /// Imports the city registry from its CSV file (`name` locates problems); existing ids are
    /// updated.
    pub async fn import_cities(&self, name: &str, text: &str) -> Result<Imported> {
        let cities = smartcities_collect::parse_cities(name, text)
            .map_err(|p| problems(p.0.iter().map(ToString::to_string)))?;
        self.store.registry().upsert_cities(&cities).await?;
        Ok(Imported { records: cities.len() })
    }

    /// Imports the member list from its CSV file.
    pub async fn import_members(&self, name: &str, text: &str) -> Result<Imported> {
        let members = smartcities_collect::parse_members(name, text)
            .map_err(|p| problems(p.0.iter().map(ToString::to_string)))?;
        self.store.registry().save_members(&members).await?;
        Ok(Imported { records: members.len() })
    }

    /// Imports the partner organisations from their CSV file.
    pub async fn import_partners(&self, name: &str, text: &str) -> Result<Imported> {
        let partners = smartcities_collect::parse_partners(name, text)
            .map_err(|p| problems(p.0.iter().map(ToString::to_string)))?;
        self.store.registry().save_partners(&partners).await?;
        Ok(Imported { records: partners.len() })
    }

    /// Imports an edition and its framework from its TOML file; a changed framework becomes a
    /// new version.
    pub async fn import_edition(&self, name: &str, text: &str) -> Result<(EditionYear, SavedEdition)> {
        let parsed = EditionFile::parse(text).map_err(|e| problems(e.located(name)))?;
        self.save_edition_file(&parsed).await.map(|saved| (parsed.edition.year, saved))
    }

    /// Saves a parsed edition file.
    pub async fn save_edition_file(&self, file: &EditionFile) -> Result<SavedEdition> {
        Ok(self.store.study().save_edition(file).await?)
    }

    /// Writes an edition's accepted answers in long form (city, question, entry, value, evidence
    /// level, questionnaire version, the city's note on it) to `out`; a note on a question left
    /// unanswered has a row with an empty value. Returns the rows and cities written.
    pub async fn export_answers(
        &self,
        year: EditionYear,
        format: ExportFormat,
        out: &mut dyn Write,
    ) -> Result<(usize, usize)> {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            city: &'a str,
            question: &'a str,
            entry: String,
            value: std::borrow::Cow<'a, str>,
            evidence: &'a str,
            questionnaire_version: Option<QuestionnaireVersion>,
            note: std::borrow::Cow<'a, str>,
            file: String,
        }
        let accepted = self.store.answering().accepted_answers(year).await?;
        let notes = self.store.answering().accepted_notes(year).await?;
        let files = self.store.answering().accepted_attachments(year).await?;
        let file_of = |city: &CityId, value: &str| {
            files
                .iter()
                .find(|(c, f)| c == city && f.id == value)
                .map(|(c, f)| file_path(c, f))
                .unwrap_or_default()
        };
        let csv = format == ExportFormat::Csv;
        fn cell(text: &str, csv: bool) -> std::borrow::Cow<'_, str> {
            if csv { neutralise_formula(text) } else { text.into() }
        }
        let note_on = |city: &CityId, question: &str, entry: &Option<smartcities_questionnaire::EntryKey>| {
            notes
                .iter()
                .find(|(c, n)| c == city && n.question == question && &n.entry == entry)
                .map(|(_, n)| n.note.as_str())
        };
        let mut rows: Vec<Row<'_>> = accepted
            .iter()
            .flat_map(|(city, answers)| {
                answers.iter().map(move |a| Row {
                    city: city.as_str(),
                    question: &a.question,
                    entry: smartcities_questionnaire::EntryKey::column(a.entry.as_ref()),
                    value: cell(a.value.as_str(), csv),
                    evidence: a.evidence.slug(),
                    questionnaire_version: Some(a.questionnaire_version),
                    note: cell(note_on(city, &a.question, &a.entry).unwrap_or_default(), csv),
                    file: file_of(city, a.value.as_str()),
                })
            })
            .collect();
        for (city, note) in &notes {
            let answered = accepted.iter().any(|(c, answers)| {
                c == city && answers.iter().any(|a| a.question == note.question && a.entry == note.entry)
            });
            if !answered {
                rows.push(Row {
                    city: city.as_str(),
                    question: &note.question,
                    entry: smartcities_questionnaire::EntryKey::column(note.entry.as_ref()),
                    value: "".into(),
                    evidence: "",
                    questionnaire_version: None,
                    note: cell(&note.note, csv),
                    file: String::new(),
                });
            }
        }
        let written = |e: std::io::Error| AppError::Internal(e.to_string());
        match format {
            ExportFormat::Csv => {
                let mut writer = csv::Writer::from_writer(&mut *out);
                for row in &rows {
                    writer.serialize(row).map_err(|e| AppError::Internal(e.to_string()))?;
                }
                writer.flush().map_err(written)?;
            }
            ExportFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &rows)
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                writeln!(out).map_err(written)?;
            }
        }
        Ok((rows.len(), accepted.len()))
    }

    /// Writes the files of an edition's accepted responses under `dir`, each at the path the
    /// answers export gives in its `file` column (`city/id-name`). Returns the files written.
    pub async fn export_answer_files(&self, year: EditionYear, dir: &Path) -> Result<usize> {
        let files = self.store.answering().accepted_attachments(year).await?;
        let written = |e: std::io::Error| AppError::Internal(e.to_string());
        for (city, file) in &files {
            let body = self.store.answering().attachment(year, city, &file.id).await?.and_then(|f| f.body);
            let path = dir.join(file_path(city, file));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(written)?;
            }
            std::fs::write(&path, body.unwrap_or_default()).map_err(written)?;
        }
        Ok(files.len())
    }

    /// Writes the city registry to `out`, in the format `import cities` reads (CSV, formula
    /// cells neutralised) or as JSON. Returns the cities written.
    pub async fn export_cities(&self, format: ExportFormat, out: &mut dyn Write) -> Result<usize> {
        let cities = self.store.registry().cities(&CityFilter::default()).await?;
        match format {
            ExportFormat::Csv => smartcities_collect::write_cities(&mut *out, &cities)
                .map_err(|e| AppError::Internal(e.to_string()))?,
            ExportFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &cities)
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                writeln!(out).map_err(|e| AppError::Internal(e.to_string()))?;
            }
        }
        Ok(cities.len())
    }

    /// Every undelivered message due now, including those given up on. Returns how many.
    pub async fn retry_mail_now(&self) -> Result<u64> {
        Ok(self.store.outbox().retry_mail_now().await?)
    }
}

/// Where the answers export puts a stored file: `city/first-12-of-id-name`, its name made safe
/// for any file system.
fn file_path(city: &CityId, file: &smartcities_store::Attachment) -> String {
    let name: String = file
        .file_name
        .chars()
        .map(|c| if c.is_alphanumeric() || " .-_()".contains(c) { c } else { '_' })
        .collect();
    format!("{city}/{}-{name}", &file.id[..12.min(file.id.len())])
}
