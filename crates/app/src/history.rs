//! The study's history on the platform: the figures each past edition's report published, as
//! the secretariat imports them from CSV (every problem named by line and column, nothing kept
//! from a file with one) and corrects them (every earlier content kept), and the original
//! report files. Everyone reads them; the secretariat changes them.

use sha2::{Digest, Sha256};
pub use smartcities_collect::FIGURE_COLUMNS;
use smartcities_collect::{FigureProblem, FigureProblemKind, parse_figures};
use smartcities_domain::{EditionYear, Lang, PublishedFigure};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_store::{FigureChange, FiguresImported, ReportFile, User};

use crate::{App, AppError, Refusal, Result};

/// The largest figures file accepted, in bytes.
pub const MAX_FIGURES_BYTES: usize = 1024 * 1024;
/// The largest report file accepted, in bytes.
pub const MAX_REPORT_BYTES: usize = 40 * 1024 * 1024;
/// The problems a refusal lists before saying how many more there are.
const LISTED: usize = 20;

/// Why figures or a report were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryProblem {
    /// The figures file has problems, each by line and column.
    Figures(Vec<FigureProblem>),
    /// A figure typed in a form has problems, each by field.
    Figure(Vec<FigureProblem>),
    /// The file is larger than allowed.
    TooLarge {
        /// The limit in bytes.
        max: usize,
    },
    /// A figures file that is not UTF-8 text.
    NotText,
    /// A report that is not a PDF file.
    NotPdf,
}

impl HistoryProblem {
    /// The problem in `lang`, listing a file's problems one per line.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            HistoryProblem::Figures(problems) => {
                let mut lines = vec![translate(
                    lang,
                    "figures-refused",
                    &[("count", FluentValue::from(problems.len() as i64))],
                )];
                lines.extend(problems.iter().take(LISTED).map(|p| figure_problem(lang, p)));
                if problems.len() > LISTED {
                    lines.push(translate(
                        lang,
                        "figures-more-problems",
                        &[("count", FluentValue::from((problems.len() - LISTED) as i64))],
                    ));
                }
                lines.join("\n")
            }
            HistoryProblem::Figure(problems) => problems
                .iter()
                .map(|p| {
                    let what = figure_problem_words(lang, &p.kind);
                    // The field as the form labels it.
                    let name = match p.column_name.strip_prefix("label_").and_then(Lang::from_tag) {
                        Some(of) => format!(
                            "{} · {}",
                            t(lang, "history-field-label"),
                            t(lang, &format!("language-{}", of.code()))
                        ),
                        None if p.column_name == "illustrative" || p.column_name.is_empty() => {
                            p.column_name.clone()
                        }
                        None => t(lang, &format!("history-field-{}", p.column_name)),
                    };
                    translate(
                        lang,
                        "figure-problem-field",
                        &[("name", FluentValue::from(name)), ("what", FluentValue::from(what))],
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            HistoryProblem::TooLarge { max } => translate(
                lang,
                "history-too-large",
                &[("size", FluentValue::from(smartcities_publish::names::bytes(lang, *max as u64)))],
            ),
            HistoryProblem::NotText => t(lang, "figures-not-text"),
            HistoryProblem::NotPdf => t(lang, "history-not-pdf"),
        }
    }
}

/// What is wrong, in `lang`, without where.
fn figure_problem_words(lang: Lang, kind: &FigureProblemKind) -> String {
    let s = |v: &str| FluentValue::from(v.to_string());
    match kind {
        FigureProblemKind::UnknownColumn(name) => {
            translate(lang, "figure-problem-unknown-column", &[("name", s(name))])
        }
        FigureProblemKind::MissingColumn(name) => {
            translate(lang, "figure-problem-missing-column", &[("name", s(name))])
        }
        FigureProblemKind::Duplicate(first) => {
            translate(lang, "figure-problem-duplicate", &[("first", FluentValue::from(*first as i64))])
        }
        kind => t(lang, &format!("figure-problem-{}", slug(kind))),
    }
}

/// One figure problem as a sentence in `lang`, with where it is.
fn figure_problem(lang: Lang, problem: &FigureProblem) -> String {
    let s = |v: &str| FluentValue::from(v.to_string());
    let what = figure_problem_words(lang, &problem.kind);
    let args = [
        ("line", FluentValue::from(problem.line as i64)),
        ("column", FluentValue::from(problem.column as i64)),
        ("name", s(&problem.column_name)),
        ("what", s(&what)),
    ];
    let key = if problem.column == 0 { "figure-problem-at-line" } else { "figure-problem-at" };
    translate(lang, key, &args)
}

fn slug(kind: &FigureProblemKind) -> &'static str {
    match kind {
        FigureProblemKind::NotCsv => "not-csv",
        FigureProblemKind::Empty => "empty",
        FigureProblemKind::BadCode => "bad-code",
        FigureProblemKind::BadAxis => "bad-axis",
        FigureProblemKind::BadLanguage => "bad-language",
        FigureProblemKind::OriginalLabelMissing => "original-label-missing",
        FigureProblemKind::BadKind => "bad-kind",
        FigureProblemKind::BadNumber => "bad-number",
        FigureProblemKind::ShareOutOfRange => "share-out-of-range",
        FigureProblemKind::NotACount => "not-a-count",
        FigureProblemKind::UnitMissing => "unit-missing",
        FigureProblemKind::BadWhole => "bad-whole",
        FigureProblemKind::BadFlag => "bad-flag",
        FigureProblemKind::TooLong => "too-long",
        FigureProblemKind::TooMany => "too-many",
        FigureProblemKind::UnknownColumn(_)
        | FigureProblemKind::MissingColumn(_)
        | FigureProblemKind::Duplicate(_) => "not-csv",
    }
}

impl From<HistoryProblem> for AppError {
    fn from(problem: HistoryProblem) -> Self {
        Refusal::History(problem).into()
    }
}

/// A report file's name made safe: the base name, letters, digits, `-`, `_` and `.` kept,
/// ending in `.pdf`.
fn report_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.strip_suffix(".pdf").or_else(|| base.strip_suffix(".PDF")).unwrap_or(base);
    let clean: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .take(80)
        .collect();
    let clean = clean.trim_matches('-');
    format!("{}.pdf", if clean.is_empty() { "report" } else { clean })
}

impl App {
    /// Imports an edition's published figures from a CSV file: refused whole, naming each
    /// problem by line and column, or kept in one transaction — new codes added, changed ones
    /// corrected with their earlier content in the history. Secretariat only.
    pub async fn import_figures(
        &self,
        by: &User,
        year: EditionYear,
        file: Vec<u8>,
    ) -> Result<FiguresImported> {
        Self::require_secretariat(by)?;
        self.edition_or_refuse(year).await?;
        if file.len() > MAX_FIGURES_BYTES {
            return Err(HistoryProblem::TooLarge { max: MAX_FIGURES_BYTES }.into());
        }
        let text = String::from_utf8(file).map_err(|_| HistoryProblem::NotText)?;
        let figures = self.heavy(move || parse_figures(&text)).await?.map_err(HistoryProblem::Figures)?;
        Ok(self.store.history().import_figures(year, &figures, by.email.as_str()).await?)
    }

    /// Adds or corrects one figure as typed in a form: `cells` are the CSV columns by name
    /// ([`FIGURE_COLUMNS`]), checked exactly as a file's row is. Secretariat only.
    pub async fn save_figure(
        &self,
        by: &User,
        year: EditionYear,
        cells: &[(&str, &str)],
    ) -> Result<FiguresImported> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let row: Vec<&str> = FIGURE_COLUMNS
            .iter()
            .map(|c| cells.iter().find(|(n, _)| n == c).map_or("", |(_, v)| *v))
            .collect();
        let written = writer.write_record(FIGURE_COLUMNS).and_then(|()| writer.write_record(&row));
        let file = written.ok().and_then(|()| writer.into_inner().ok()).ok_or(HistoryProblem::NotText)?;
        match self.import_figures(by, year, file).await {
            Err(AppError::Refused(Refusal::History(HistoryProblem::Figures(problems)))) => {
                Err(HistoryProblem::Figure(problems).into())
            }
            other => other,
        }
    }

    /// The figures an edition's report published, in the order they were given. Public.
    pub async fn published_figures(&self, year: EditionYear) -> Result<Vec<PublishedFigure>> {
        Ok(self.store.history().figures(year).await?)
    }

    /// Every change to one figure, oldest first. Staff only.
    pub async fn figure_history(
        &self,
        by: &User,
        year: EditionYear,
        code: &str,
    ) -> Result<Vec<FigureChange>> {
        if !crate::policy::is_staff(by.role) {
            return Err(Refusal::Forbidden.into());
        }
        Ok(self.store.history().figure_history(year, code).await?)
    }

    /// Attaches an original report (a PDF, at most [`MAX_REPORT_BYTES`]) to an edition, under a
    /// safe version of its file name. Secretariat only. Returns the name kept.
    pub async fn attach_report(
        &self,
        by: &User,
        year: EditionYear,
        name: &str,
        body: Vec<u8>,
    ) -> Result<String> {
        Self::require_secretariat(by)?;
        self.edition_or_refuse(year).await?;
        if body.len() > MAX_REPORT_BYTES {
            return Err(HistoryProblem::TooLarge { max: MAX_REPORT_BYTES }.into());
        }
        if !body.starts_with(b"%PDF-") {
            return Err(HistoryProblem::NotPdf.into());
        }
        let name = report_name(name);
        let (body, sha256) = self
            .heavy(move || {
                let sha: String = Sha256::digest(&body).iter().map(|b| format!("{b:02x}")).collect();
                (body, sha)
            })
            .await?;
        self.store.history().attach_report(year, &name, &body, &sha256, by.email.as_str()).await?;
        Ok(name)
    }

    /// An edition's report files. Public.
    pub async fn reports(&self, year: EditionYear) -> Result<Vec<ReportFile>> {
        Ok(self.store.history().reports(year).await?)
    }

    /// One report file with its body. Public.
    pub async fn report(&self, year: EditionYear, name: &str) -> Result<Option<(ReportFile, Vec<u8>)>> {
        Ok(self.store.history().report(year, name).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_keeps_a_safe_name() {
        assert_eq!(report_name("../../etc/Informe 2019 (final).PDF"), "Informe-2019--final.pdf");
        assert_eq!(report_name("C:\\docs\\report.pdf"), "report.pdf");
        assert_eq!(report_name("ñ.pdf"), "report.pdf");
    }
}
