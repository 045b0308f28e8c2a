//! Publishing an edition: the static site in three languages, the PDF report, city sheets, brief
//! and slides, the charts and map they share, and the open-data package. Pure functions of a
//! frozen snapshot of the edition: no database, no network.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

pub mod charts;
pub mod data;
pub mod ical;
pub mod map;
pub mod names;
pub mod pdf;
pub mod progress;
pub mod raster;
pub mod sentences;
pub mod site;
pub mod snapshot;
pub mod view;

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use smartcities_domain::{Lang, Progress};

pub use snapshot::{PastFigures, Practice, Previous, Snapshot, Texts, Workshop, WorkshopOutput};

/// One file of a published version, by its path in the version (`site/en/index.html`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// The path, with `/` separators and no leading slash.
    pub path: String,
    /// The content.
    pub bytes: Vec<u8>,
}

impl File {
    /// A file.
    pub fn new(path: String, bytes: Vec<u8>) -> File {
        File { path, bytes }
    }
}

/// The media type a file is served with, from its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// SHA-256 in hexadecimal.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A chart's PNG is drawn from its SVG on request: versions store only the SVG.
pub use raster::svg_of_png;

/// How a version is published: its number and its day (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    /// The version's number, from 1.
    pub number: smartcities_domain::PublishedVersion,
    /// The day it is published.
    pub published_on: &'a str,
}

/// The threads publishing runs on: one per core, with room on the stack for typst's layout of
/// long documents (deeper than the 2 MiB threads get by default, in debug builds above all).
fn pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("publish-{i}"))
            .stack_size(64 << 20)
            .build()
            .expect("the publishing threads start")
    })
}

/// Every file of a version: the site, the PDFs and the open data, sorted by path. The same
/// snapshot and version give the same bytes. `progress` counts the files as they are made.
pub fn publish(
    snapshot: &Snapshot,
    version: Version<'_>,
    progress: &dyn Progress,
) -> Result<Vec<File>, String> {
    pool().install(|| publish_on_pool(snapshot, version, progress))
}

/// How many documents are laid out between two trims of typst's caches.
const DOCUMENTS_PER_BATCH: usize = 48;

fn publish_on_pool(
    snapshot: &Snapshot,
    version: Version<'_>,
    progress: &dyn Progress,
) -> Result<Vec<File>, String> {
    let hash = snapshot.content_hash();
    let views: Vec<(Lang, view::EditionView)> = Lang::ALL
        .par_iter()
        .map(|lang| (*lang, view::edition_view(snapshot, *lang, version.number, version.published_on, &hash)))
        .collect();
    let cities = snapshot.answering().len();
    let questions = snapshot.results.questions.len();
    let pages = 8 + snapshot.framework.axes.len() + questions + cities;
    progress.set_length((3 * (pages + 3 + cities) + 10) as u64);

    let data = data::package(snapshot, version.number, version.published_on)?;
    progress.set_message("site");
    let titles: Vec<(Lang, String)> = views.iter().map(|(l, v)| (*l, v.title.clone())).collect();
    let mut files = site::common(&titles)?;
    let site: Vec<Vec<File>> = views
        .par_iter()
        .map(|(lang, view)| {
            let mut pages = site::pages(view, *lang)?;
            progress.inc(pages.len() as u64);
            pages.extend(site::charts(view, *lang));
            pages.push(site::open_data(view, *lang, &data)?);
            Ok(pages)
        })
        .collect::<Result<_, String>>()?;
    files.extend(site.into_iter().flatten());

    progress.set_message("documents");
    let prepared: Vec<pdf::Prepared> = views
        .iter()
        .map(|(lang, view)| pdf::Prepared::new(view, view::version_line(view, *lang), version.published_on))
        .collect();
    // The report is the longest job: started first, so the sheets fill the other cores.
    let mut jobs: Vec<(usize, Option<pdf::Kind>, Option<usize>)> = Vec::new();
    for (i, _) in views.iter().enumerate() {
        for kind in pdf::Kind::ALL {
            jobs.push((i, Some(kind), None));
        }
    }
    for (i, (_, view)) in views.iter().enumerate() {
        for c in 0..view.cities.len() {
            jobs.push((i, None, Some(c)));
        }
    }
    // Laid out in batches, typst's caches trimmed between them while no document is being
    // laid out: memory stays bounded, and no thread's trim clears what another is using.
    let mut documents: Vec<File> = Vec::with_capacity(jobs.len());
    for batch in jobs.chunks(DOCUMENTS_PER_BATCH) {
        let laid_out: Vec<File> = batch
            .par_iter()
            .map(|(i, kind, city)| {
                let (lang, view) = &views[*i];
                let doc = &prepared[*i];
                let file = match (kind, city) {
                    (Some(kind), _) => {
                        File::new(format!("pdf/{}-{}.pdf", kind.stem(), lang.code()), doc.document(*kind)?)
                    }
                    (None, Some(c)) => {
                        let city = &view.cities[*c];
                        File::new(
                            format!("pdf/cities/{}-{}.pdf", city.id, lang.code()),
                            doc.city_sheet(city)?,
                        )
                    }
                    (None, None) => unreachable!("every job is a document or a sheet"),
                };
                progress.inc(1);
                Ok(file)
            })
            .collect::<Result<_, String>>()?;
        documents.extend(laid_out);
        pdf::trim_after_batch();
    }
    files.extend(documents);

    progress.set_message("open data");
    files.extend(data);
    progress.inc(10);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    progress.finish();
    Ok(files)
}
