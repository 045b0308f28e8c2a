//! Typst as a library: a document compiled from a source held in memory, with the images it
//! refers to as in-memory files and the fonts shipped in the repository. Nothing is read from
//! the disk or the network.

use std::{collections::HashMap, sync::OnceLock};

pub use typst::foundations::Bytes;
use typst::{
    Library, LibraryExt, World,
    diag::{FileError, FileResult},
    foundations::Datetime,
    syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot},
    text::{Font, FontBook},
    utils::LazyHash,
};
use typst_layout::PagedDocument;

/// Noto Sans (SIL Open Font License 1.1), in the four styles the documents use.
pub(crate) const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../fonts/NotoSans-BoldItalic.ttf"),
];

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// The standard library and the fonts, loaded once for every document.
fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> =
            FONT_FILES.iter().flat_map(|data| Font::iter(Bytes::new(data.to_vec()))).collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).expect("a valid virtual path")).intern()
}

/// One document: its typst source and the files (SVG charts and maps) it includes by path.
struct Document {
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        self.files.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// How many layouts later a cached result of typst's memoisation that was not used again is
/// dropped. A publication reuses what its documents share (the template, the fonts' shaping)
/// from one document to the next; what belonged to one document alone goes soon after, so a
/// server's memory stays flat however many different documents it lays out.
const CACHE_AGE: usize = 3;

/// Compiles a typst source with its files (path → bytes) to PDF. `today` is the date the
/// document states, so the same inputs give the same bytes. Typst's caches are trimmed after
/// the document: for a document laid out on its own (a progress report).
pub fn pdf(source: String, files: &[(String, Bytes)], today: (i32, u8, u8)) -> Result<Vec<u8>, String> {
    let result = pdf_in_batch(source, files, today);
    comemo::evict(CACHE_AGE);
    result
}

/// The same without trimming the caches: for the many documents of one publication, which
/// trims them between batches ([`trim_after_batch`]). Trimming after each of hundreds of
/// documents laid out on several threads at once cleared what the others were using and
/// made a publication of 200 cities take 17 s instead of 5.
pub fn pdf_in_batch(
    source: String,
    files: &[(String, Bytes)],
    today: (i32, u8, u8),
) -> Result<Vec<u8>, String> {
    laid_out(source, files, today, |compiled| {
        typst_pdf::pdf(compiled, &typst_pdf::PdfOptions::default())
            .map_err(|errors| errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
    })
}

/// Trims typst's caches after a batch of documents, while none is being laid out: what the
/// last batches did not use goes, so a server's memory stays flat over many publications.
pub fn trim_after_batch() {
    comemo::evict(CACHE_AGE);
}

/// Lays a typst source out and hands the pages to `finish` (which writes the PDF, or reads
/// where things went). Caches are left as they are.
pub fn laid_out<T>(
    source: String,
    files: &[(String, Bytes)],
    today: (i32, u8, u8),
    finish: impl FnOnce(&PagedDocument) -> Result<T, String>,
) -> Result<T, String> {
    let main = Source::new(file_id("/main.typ"), source);
    let files = files.iter().map(|(path, bytes)| (file_id(path), bytes.clone())).collect();
    let today = Datetime::from_ymd(today.0, today.1, today.2).ok_or("an invalid date")?;
    let document = Document { main, files, today };
    typst::compile::<PagedDocument>(&document)
        .output
        .map_err(|errors| errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
        .and_then(|compiled| finish(&compiled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_with_an_svg_compiles_to_pdf_offline() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><rect width="60" height="20" fill="#2563eb"/></svg>"##;
        let source = r#"#set text(font: "Noto Sans", lang: "es")
= Informe
Ciudades participantes: 42 (más del 50 %).
#image("/chart.svg", width: 50%)
"#;
        let started = std::time::Instant::now();
        let bytes =
            pdf(source.into(), &[("/chart.svg".into(), Bytes::new(svg.to_vec()))], (2026, 11, 30)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "a PDF");
        let again =
            pdf(source.into(), &[("/chart.svg".into(), Bytes::new(svg.to_vec()))], (2026, 11, 30)).unwrap();
        assert_eq!(bytes, again, "the same inputs give the same bytes");
        eprintln!("two documents in {:?}", started.elapsed());
        let broken = pdf("#image(\"/missing.svg\")".into(), &[], (2026, 11, 30)).unwrap_err();
        assert!(broken.contains("missing.svg") || broken.contains("not found"), "{broken}");
    }
}
