//! Files given as answers — a strategy document, a photo of a practice — checked by what they
//! hold, never by their name: the type is sniffed from the first bytes, sizes are bounded before
//! anything is unpacked or decoded, images are decoded within limits and encoded again (which
//! leaves their metadata and anything hidden after them behind), documents are kept byte for
//! byte once nothing in them could be taken for a web page and an office document's archive
//! unpacks within bounds.

use std::io::{Cursor, Read};

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use smartcities_domain::Lang;

/// The largest file accepted, before any check: 10 MB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The files of one response together: 50 MB.
pub const MAX_RESPONSE_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// An image's width and height, each.
pub const MAX_IMAGE_SIDE: u32 = 8_000;
/// What an office document may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 50 * 1024 * 1024;
/// Parts an office document's archive may hold.
const MAX_PARTS: usize = 2_000;

/// Whether `kept` is the id of a stored file: the SHA-256 of its bytes, in lower-case hex.
pub fn is_file_id(kept: &str) -> bool {
    kept.len() == 64 && kept.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// What a question takes: any document (`file`) or a picture (`image`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// PDF, PNG, JPEG, or an office document (Word, Excel, PowerPoint, OpenDocument).
    Document,
    /// PNG or JPEG.
    Image,
}

/// A file that passed the checks, as it is stored and served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    /// The bytes kept: the upload's own for a document, the image encoded again for a picture.
    pub bytes: Vec<u8>,
    /// Its media type, from what it holds.
    pub media_type: &'static str,
    /// The file name to offer on download: the upload's, with the extension its type has.
    pub file_name: String,
}

/// Why a file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The limit.
        max: usize,
    },
    /// Empty.
    Empty,
    /// Not of a type the question takes.
    NotAccepted {
        /// Whether the question takes pictures only.
        image_only: bool,
    },
    /// Holds markup a browser could run as a web page.
    HidesAPage,
    /// A picture wider or taller than [`MAX_IMAGE_SIDE`].
    ImageTooLarge {
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
    },
    /// An office document that unpacks to more than [`MAX_UNPACKED_BYTES`], or has too many parts.
    UnpacksTooLarge,
    /// Sniffed as a type it then cannot be read as.
    Damaged {
        /// What the reader said.
        detail: String,
    },
}

impl FileProblem {
    /// The problem in the respondent's language.
    pub fn message(&self, lang: Lang) -> String {
        let mb = |bytes: u64| bytes / (1024 * 1024);
        match (self, lang) {
            (FileProblem::TooLarge { max }, Lang::En) => format!("the file is larger than {} MB", mb(*max as u64)),
            (FileProblem::TooLarge { max }, Lang::Es) => format!("el archivo supera los {} MB", mb(*max as u64)),
            (FileProblem::TooLarge { max }, Lang::Fr) => format!("le fichier dépasse {} Mo", mb(*max as u64)),
            (FileProblem::Empty, Lang::En) => "the file is empty".into(),
            (FileProblem::Empty, Lang::Es) => "el archivo está vacío".into(),
            (FileProblem::Empty, Lang::Fr) => "le fichier est vide".into(),
            (FileProblem::NotAccepted { image_only: true }, Lang::En) => {
                "this question takes a picture: PNG or JPEG".into()
            }
            (FileProblem::NotAccepted { image_only: true }, Lang::Es) => {
                "esta pregunta admite una imagen: PNG o JPEG".into()
            }
            (FileProblem::NotAccepted { image_only: true }, Lang::Fr) => {
                "cette question attend une image : PNG ou JPEG".into()
            }
            (FileProblem::NotAccepted { image_only: false }, Lang::En) => {
                "this question takes a PDF, a picture (PNG, JPEG) or an office document (Word, Excel, PowerPoint, OpenDocument)".into()
            }
            (FileProblem::NotAccepted { image_only: false }, Lang::Es) => {
                "esta pregunta admite un PDF, una imagen (PNG, JPEG) o un documento de oficina (Word, Excel, PowerPoint, OpenDocument)".into()
            }
            (FileProblem::NotAccepted { image_only: false }, Lang::Fr) => {
                "cette question attend un PDF, une image (PNG, JPEG) ou un document bureautique (Word, Excel, PowerPoint, OpenDocument)".into()
            }
            (FileProblem::HidesAPage, Lang::En) => "the file holds web-page code and is refused".into(),
            (FileProblem::HidesAPage, Lang::Es) => "el archivo contiene código de página web y se rechaza".into(),
            (FileProblem::HidesAPage, Lang::Fr) => "le fichier contient du code de page web ; il est refusé".into(),
            (FileProblem::ImageTooLarge { width, height }, Lang::En) => format!(
                "the picture is {width} × {height} pixels; at most {MAX_IMAGE_SIDE} on each side"
            ),
            (FileProblem::ImageTooLarge { width, height }, Lang::Es) => format!(
                "la imagen mide {width} × {height} píxeles; como máximo {MAX_IMAGE_SIDE} por lado"
            ),
            (FileProblem::ImageTooLarge { width, height }, Lang::Fr) => format!(
                "l'image mesure {width} × {height} pixels ; au plus {MAX_IMAGE_SIDE} de chaque côté"
            ),
            (FileProblem::UnpacksTooLarge, Lang::En) => {
                format!("the document unpacks to more than {} MB", mb(MAX_UNPACKED_BYTES))
            }
            (FileProblem::UnpacksTooLarge, Lang::Es) => {
                format!("el documento descomprimido supera los {} MB", mb(MAX_UNPACKED_BYTES))
            }
            (FileProblem::UnpacksTooLarge, Lang::Fr) => {
                format!("le document décompressé dépasse {} Mo", mb(MAX_UNPACKED_BYTES))
            }
            (FileProblem::Damaged { detail }, Lang::En) => format!("the file cannot be read ({detail})"),
            (FileProblem::Damaged { detail }, Lang::Es) => format!("el archivo no se puede leer ({detail})"),
            (FileProblem::Damaged { detail }, Lang::Fr) => format!("le fichier est illisible ({detail})"),
        }
    }
}

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    Pdf,
    Png,
    Jpeg,
    /// A zip archive holding an Office Open XML document.
    Ooxml,
    /// A zip archive holding an OpenDocument, with its media type.
    OpenDocument(&'static str),
    Other,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"%PDF-") {
        Sniffed::Pdf
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Sniffed::Png
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Sniffed::Jpeg
    } else if bytes.starts_with(b"PK\x03\x04") {
        // OpenDocument stores its media type first and uncompressed, as the standard asks.
        let head = &bytes[..bytes.len().min(200)];
        const ODF: [(&[u8], &str); 3] = [
            (b"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text"),
            (
                b"application/vnd.oasis.opendocument.spreadsheet",
                "application/vnd.oasis.opendocument.spreadsheet",
            ),
            (
                b"application/vnd.oasis.opendocument.presentation",
                "application/vnd.oasis.opendocument.presentation",
            ),
        ];
        ODF.iter()
            .find(|(mark, _)| contains(head, mark))
            .map_or(Sniffed::Ooxml, |(_, media_type)| Sniffed::OpenDocument(media_type))
    } else {
        Sniffed::Other
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether the bytes hold something a browser that guessed the type could run as a page.
fn hides_a_page(bytes: &[u8]) -> bool {
    const MARKS: [&[u8]; 7] =
        [b"<html", b"<script", b"<!doctype", b"<body", b"<iframe", b"<svg", b"javascript:"];
    let lower: Vec<u8> = bytes.iter().map(u8::to_ascii_lowercase).collect();
    MARKS.iter().any(|mark| contains(&lower, mark))
}

/// Checks an uploaded file for a question taking `accept`; `file_name` is only what to call it.
pub fn check_attachment(accept: Accept, file_name: &str, bytes: &[u8]) -> Result<CheckedFile, FileProblem> {
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge { max: MAX_FILE_BYTES });
    }
    let sniffed = sniff(bytes);
    let image_only = accept == Accept::Image;
    let (kept, media_type, extension) = match sniffed {
        Sniffed::Png | Sniffed::Jpeg => {
            // Pictures are binary throughout: markup anywhere is a file made to be two things.
            if hides_a_page(bytes) {
                return Err(FileProblem::HidesAPage);
            }
            let format = if sniffed == Sniffed::Png { ImageFormat::Png } else { ImageFormat::Jpeg };
            let (kept, media_type, extension) = encode_again(bytes, format)?;
            (kept, media_type, extension)
        }
        Sniffed::Other => return Err(FileProblem::NotAccepted { image_only }),
        _ if image_only => return Err(FileProblem::NotAccepted { image_only }),
        Sniffed::Pdf => {
            // What a browser sniffing the start would see; the rest is the PDF's own streams.
            if hides_a_page(&bytes[..bytes.len().min(1024)]) {
                return Err(FileProblem::HidesAPage);
            }
            (bytes.to_vec(), "application/pdf", "pdf")
        }
        Sniffed::Ooxml | Sniffed::OpenDocument(_) => {
            if hides_a_page(&bytes[..bytes.len().min(1024)]) {
                return Err(FileProblem::HidesAPage);
            }
            let names = unpacks_within_bounds(bytes)?;
            let (media_type, extension) = match sniffed {
                Sniffed::OpenDocument(media_type) => (media_type, odf_extension(media_type)),
                _ => ooxml_type(&names).ok_or(FileProblem::NotAccepted { image_only })?,
            };
            (bytes.to_vec(), media_type, extension)
        }
    };
    Ok(CheckedFile { bytes: kept, media_type, file_name: named(file_name, extension) })
}

/// The picture decoded within limits, turned as its camera said, and encoded again in its own
/// format: nothing of the original's metadata or trailing bytes is kept.
fn encode_again(
    bytes: &[u8],
    format: ImageFormat,
) -> Result<(Vec<u8>, &'static str, &'static str), FileProblem> {
    let damaged = |e: image::ImageError| FileProblem::Damaged { detail: e.to_string() };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    // The header is read first; the sides are checked here, so the refusal can name them, before
    // anything the size of the picture is allocated (within `max_alloc` even then).
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let (width, height) = decoder.dimensions();
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(FileProblem::ImageTooLarge { width, height });
    }
    let orientation = decoder.orientation().map_err(damaged)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => FileProblem::ImageTooLarge { width, height },
        other => damaged(other),
    })?;
    picture.apply_orientation(orientation);
    let mut out = Vec::new();
    match format {
        ImageFormat::Png => {
            picture.write_with_encoder(image::codecs::png::PngEncoder::new(&mut out)).map_err(damaged)?;
            Ok((out, "image/png", "png"))
        }
        _ => {
            // JPEG holds no alpha channel.
            let picture = DynamicImage::ImageRgb8(picture.to_rgb8());
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
            picture.write_with_encoder(encoder).map_err(damaged)?;
            Ok((out, "image/jpeg", "jpg"))
        }
    }
}

/// Every part of the archive unpacked into a counter, stopping at the bounds: what the
/// archive's directory claims is never trusted. Answers the parts' names.
fn unpacks_within_bounds(bytes: &[u8]) -> Result<Vec<String>, FileProblem> {
    let damaged = |e: zip::result::ZipError| FileProblem::Damaged { detail: e.to_string() };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if archive.len() > MAX_PARTS {
        return Err(FileProblem::UnpacksTooLarge);
    }
    let mut names = Vec::with_capacity(archive.len());
    let mut total: u64 = 0;
    let mut buffer = vec![0u8; 64 * 1024];
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(damaged)?;
        names.push(part.name().unwrap_or_default().to_string());
        loop {
            let read = part.read(&mut buffer).map_err(|e| FileProblem::Damaged { detail: e.to_string() })?;
            if read == 0 {
                break;
            }
            total += read as u64;
            if total > MAX_UNPACKED_BYTES {
                return Err(FileProblem::UnpacksTooLarge);
            }
        }
    }
    Ok(names)
}

/// An Office Open XML document's media type and extension, from the folder of its main part.
fn ooxml_type(names: &[String]) -> Option<(&'static str, &'static str)> {
    if !names.iter().any(|n| n == "[Content_Types].xml") {
        return None;
    }
    let has = |folder: &str| names.iter().any(|n| n.starts_with(folder));
    if has("word/") {
        Some(("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"))
    } else if has("xl/") {
        Some(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"))
    } else if has("ppt/") {
        Some(("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"))
    } else {
        None
    }
}

fn odf_extension(media_type: &str) -> &'static str {
    match media_type.rsplit('.').next() {
        Some("spreadsheet") => "ods",
        Some("presentation") => "odp",
        _ => "odt",
    }
}

/// The upload's name without folders or control characters, at most 120 characters, with the
/// extension its content has.
fn named(file_name: &str, extension: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem: String = stem.chars().filter(|c| !c.is_control() && *c != '"').take(120).collect();
    let stem = stem.trim();
    format!("{}.{extension}", if stem.is_empty() { "file" } else { stem })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_the_stem_and_take_the_contents_extension() {
        assert_eq!(named("C:\\Users\\ana\\Plan 2030.PDF", "pdf"), "Plan 2030.pdf");
        assert_eq!(named("../../etc/passwd", "png"), "passwd.png");
        assert_eq!(named("\"evil\"\n.html", "jpg"), "evil.jpg");
        assert_eq!(named("", "pdf"), "file.pdf");
    }

    #[test]
    fn the_type_comes_from_the_bytes_not_the_name() {
        assert_eq!(sniff(b"%PDF-1.7 ..."), Sniffed::Pdf);
        assert_eq!(sniff(b"<html><body>"), Sniffed::Other);
        assert!(hides_a_page(b"....<SCRIPT>alert(1)</script>"));
        assert!(!hides_a_page(b"%PDF-1.4 plain"));
        let refused = check_attachment(Accept::Document, "notes.pdf", b"<html>not a pdf</html>");
        assert_eq!(refused, Err(FileProblem::NotAccepted { image_only: false }));
        let refused = check_attachment(Accept::Image, "plan.pdf", b"%PDF-1.4\n%%EOF");
        assert_eq!(refused, Err(FileProblem::NotAccepted { image_only: true }));
        assert_eq!(check_attachment(Accept::Document, "x.pdf", b""), Err(FileProblem::Empty));
    }
}
