//! The study's own steps: `analyse`, `publish`, `withdraw`, `codebook`, `focus-group`,
//! `report progress`, and the stand-alone composite indicator, `index`.

use std::{io::Read, path::PathBuf, sync::Arc};

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use indicatif::ProgressBar;
use smartcities_app::{
    accounts::console_user,
    community::{MAX_SUMMARY_CHARS, ReportFormat},
    focus_groups::parse_focus_group,
    policy::Viewer,
    publication::{GoPublic, moment},
};
use smartcities_domain::{EditionYear, PublishedVersion};

use super::{Bar, language, open, read, say};

/// `smartcities analyse`.
#[derive(Args, Debug)]
pub struct AnalyseArgs {
    #[arg(long)]
    /// The edition's year.
    edition: u16,
    #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
    /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
    database_url: String,
}

/// `smartcities publish`.
#[derive(Args, Debug)]
pub struct PublishArgs {
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
}

/// `smartcities withdraw`.
#[derive(Args, Debug)]
pub struct WithdrawArgs {
    #[arg(long)]
    /// The edition's year.
    edition: u16,
    #[arg(long)]
    /// The version's number.
    version: PublishedVersion,
    #[arg(long)]
    /// Why it is withdrawn.
    reason: String,
    #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
    /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
    database_url: String,
}

/// `smartcities codebook`.
#[derive(Args, Debug)]
pub struct CodebookArgs {
    #[arg(long)]
    /// The edition's year.
    edition: u16,
    /// The codebook's TOML file.
    file: PathBuf,
    #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
    /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
    database_url: String,
}

/// `smartcities index`.
#[derive(Args, Debug)]
pub struct IndexArgs {
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

pub(super) async fn analyse(args: AnalyseArgs) -> Result<()> {
    let app = open(&args.database_url).await?;
    let edition = args.edition;
    let results = app.analyse(EditionYear::new(edition)?, &Bar::new()).await?;
    say!(
        "Analysed edition {edition}: {} of {} invited cities answering, {} questions, {} trends, peers for {} cities (method {}, inputs {}).",
        results.answering,
        results.invited,
        results.questions.len(),
        results.trends.len(),
        results.peers.len(),
        results.method_version,
        &results.input_hash[..12]
    );
    Ok(())
}

/// Makes and stores the next version, writes its files if asked, and sums up what it made.
pub(super) async fn publish(args: PublishArgs) -> Result<()> {
    let PublishArgs { edition, output, texts, preview, at, zone, public_url, database_url } = args;
    let when = match (preview, at, zone) {
        (true, _, _) => GoPublic::Preview,
        (false, Some(at), Some(zone)) => GoPublic::At(moment(&at, &zone)?),
        _ => GoPublic::Now,
    };
    if let Some(dir) = &output
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
            let (name, text) = read(&path)?;
            toml::from_str::<smartcities_publish::Texts>(&text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?
        }
        None => smartcities_publish::Texts::default(),
    };
    let app = open(&database_url).await?.with_public_url(public_url);
    let public = match &when {
        GoPublic::Now => "public now".to_string(),
        GoPublic::At(at) => format!("public from {at}"),
        GoPublic::Preview => "a private preview until it is made public on the edition's page".to_string(),
    };
    let published =
        app.publish(&console_user(), EditionYear::new(edition)?, texts, when, Arc::new(Bar::new())).await?;
    if let Some(dir) = &output {
        // Outside the platform nothing draws a chart's PNG on request: the copy carries them.
        let pngs =
            smartcities_publish::raster::chart_pngs(&published.files).map_err(|e| anyhow::anyhow!(e))?;
        let writing =
            ProgressBar::new((published.files.len() + pngs.len()) as u64).with_message("writing files");
        for file in published.files.iter().chain(&pngs) {
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
    say!(
        "Published version {} of edition {edition} in {:.1} s (content {}):",
        published.version,
        published.elapsed.as_secs_f64(),
        &published.content_hash[..12]
    );
    say!("  site: {} pages, {:.1} MB", count(".html"), mb(size("site/")));
    say!("  PDFs: {} documents, {:.1} MB", count(".pdf"), mb(size("pdf/")));
    say!(
        "  open data: {} files, {:.1} MB",
        published.files.iter().filter(|f| f.path.starts_with("data/")).count(),
        mb(size("data/"))
    );
    say!("  served at /editions/{edition}/v/{}/site/index.html, {public}", published.version);
    if published.provisional {
        say!("  provisional: cities are still answering, and every page and file says so");
    }
    say!("  participating cities mailed: {} messages queued", published.mails);
    if let Some(dir) = output {
        say!("  written to {}", dir.display());
    }
    Ok(())
}

pub(super) async fn withdraw(args: WithdrawArgs) -> Result<()> {
    let WithdrawArgs { edition, version, reason, database_url } = args;
    let app = open(&database_url).await?;
    app.withdraw_publication(&console_user(), EditionYear::new(edition)?, version, &reason).await?;
    say!("Version {version} of edition {edition} is withdrawn; its pages now say why.");
    Ok(())
}

pub(super) async fn codebook(args: CodebookArgs) -> Result<()> {
    let CodebookArgs { edition, file, database_url } = args;
    let (name, text) = read(&file)?;
    let codebook = smartcities_app::analysis::parse_codebook(&name, &text).map_err(anyhow::Error::msg)?;
    let app = open(&database_url).await?;
    let year = EditionYear::new(edition)?;
    app.edition(year).await?.with_context(|| format!("no edition {edition}"))?;
    app.set_codebook(year, &codebook).await?;
    say!("Edition {edition} codes free text with {} categories.", codebook.categories.len());
    Ok(())
}

pub(super) fn index(args: IndexArgs) -> Result<()> {
    let IndexArgs { data, meta, spec, output } = args;
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
    say!(
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
        say!("Negatively correlated with their parent: {}.", flagged.join("; "));
    }
    if let Some(spread) = &outcome.spread {
        say!("Uncertainty over {} runs: uncertainty.csv.", spread.runs);
    }
    if let Some(result) = &outcome.sensitivity {
        let indices: Vec<String> =
            result.factors.iter().map(|(name, i)| format!("{name} S1 {:.2} ST {:.2}", i.s1, i.st)).collect();
        say!("Sensitivity: {}.", indices.join("; "));
    }
    Ok(())
}

/// A summary file, read within the bound the report sets: a device or a huge file is refused
/// without being read to its end.
fn read_summary(path: &PathBuf) -> Result<String> {
    // Each character takes at most four bytes.
    let limit = (MAX_SUMMARY_CHARS * 4 + 1) as u64;
    let file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes).with_context(|| format!("reading {}", path.display()))?;
    let text = String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", path.display()))?;
    if text.chars().count() > MAX_SUMMARY_CHARS {
        bail!("{}: a summary holds at most {MAX_SUMMARY_CHARS} characters", path.display());
    }
    Ok(text)
}

pub(super) async fn report(what: ReportCommand) -> Result<()> {
    let ReportCommand::Progress { from, to, lang, output, summary, database_url } = what;
    let lang = language(&lang)?;
    let period = smartcities_publish::progress::Period::parse(&from, &to).map_err(anyhow::Error::msg)?;
    let format = match output.extension().and_then(|e| e.to_str()) {
        Some("pdf") => ReportFormat::Pdf,
        Some("html" | "htm") => ReportFormat::Html,
        _ => bail!("{}: name a .html or .pdf file", output.display()),
    };
    let summary = summary.as_ref().map(read_summary).transpose()?;
    let app = open(&database_url).await?;
    let bar = ProgressBar::new_spinner().with_message("gathering the period's facts");
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    let report = app.progress_report(&console_user(), period, summary).await?;
    bar.set_message("laying out the report");
    let bytes = app.progress_report_file(report, lang, format).await?;
    bar.finish_and_clear();
    std::fs::write(&output, bytes).with_context(|| format!("writing {}", output.display()))?;
    say!("Wrote {}.", output.display());
    Ok(())
}

pub(super) async fn focus_group(what: FocusGroupCommand) -> Result<()> {
    match what {
        FocusGroupCommand::Import { file, database_url } => {
            let (name, text) = read(&file)?;
            let group = parse_focus_group(&name, &text).map_err(anyhow::Error::msg)?;
            open(&database_url).await?.import_focus_group(&group).await?;
            say!(
                "Recorded focus group {} of edition {} with {} outputs.",
                group.id,
                group.edition,
                group.outputs.len()
            );
        }
        FocusGroupCommand::List { edition, database_url } => {
            let app = open(&database_url).await?;
            let user = console_user();
            for group in app.focus_groups(Viewer::Account(&user), EditionYear::new(edition)?).await? {
                say!(
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
                    say!("  {} [{axis}] [{}] {}", output.kind.slug(), sdgs.join(", "), output.note);
                }
            }
        }
    }
    Ok(())
}
