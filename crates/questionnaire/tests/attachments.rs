//! Files given as answers are judged by what they hold: a picture comes back encoded again
//! without its metadata, a document byte for byte; a page hidden in a picture, a picture too
//! large to decode and an archive that unpacks without end are refused before they cost memory.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::io::{Cursor, Write};

use smartcities_domain::Lang;
use smartcities_questionnaire::attachment::{Accept, FileProblem, MAX_FILE_BYTES, check_attachment};

fn png(width: u32, height: u32) -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut out = Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A JPEG carrying an Exif segment with a place in it, as a phone writes one.
fn jpeg_with_place() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 3, y as u8 * 5, 200]));
    let mut plain = Cursor::new(Vec::new());
    picture.write_to(&mut plain, image::ImageFormat::Jpeg).unwrap();
    let plain = plain.into_inner();
    let payload = b"Exif\0\0GPS 43.2630N 2.9350W taken by a respondent's phone";
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&plain[2..]);
    out
}

fn archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(body).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[test]
fn a_picture_is_encoded_again_without_its_metadata_and_a_pdf_is_kept_byte_for_byte() {
    let original = jpeg_with_place();
    let kept = check_attachment(Accept::Image, "IMG_2041.JPG", &original).unwrap();
    assert_eq!((kept.media_type, kept.file_name.as_str()), ("image/jpeg", "IMG_2041.jpg"));
    let text = String::from_utf8_lossy(&kept.bytes);
    assert!(!text.contains("GPS") && !text.contains("Exif"), "the place is gone");
    let decoded = image::load_from_memory(&kept.bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (64, 48));

    let picture = png(30, 20);
    let kept = check_attachment(Accept::Document, "photo.png", &picture).unwrap();
    assert_eq!(kept.media_type, "image/png");
    let (before, after) =
        (image::load_from_memory(&picture).unwrap(), image::load_from_memory(&kept.bytes).unwrap());
    assert_eq!(before.to_rgb8(), after.to_rgb8(), "the same pixels");

    let kept = check_attachment(Accept::Document, "Estrategia 2030.pdf", PDF).unwrap();
    assert_eq!(kept.bytes, PDF, "byte for byte");
    assert_eq!((kept.media_type, kept.file_name.as_str()), ("application/pdf", "Estrategia 2030.pdf"));

    let docx = archive(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")]);
    let kept = check_attachment(Accept::Document, "plan", &docx).unwrap();
    assert_eq!(kept.file_name, "plan.docx");
    assert!(kept.media_type.ends_with("wordprocessingml.document"));
}

#[test]
fn a_page_hidden_in_a_picture_is_refused() {
    let mut polyglot = png(8, 8);
    polyglot.extend_from_slice(b"<html><script>fetch('/me').then(r=>r.text())</script></html>");
    let refused = check_attachment(Accept::Image, "innocent.png", &polyglot).unwrap_err();
    assert_eq!(refused, FileProblem::HidesAPage);
    assert_eq!(refused.message(Lang::Es), "el archivo contiene código de página web y se rechaza");
    // A PDF that a browser sniffing its start would take for a page.
    let page = b"%PDF-1.4\n<!DOCTYPE html><html><body onload=alert(1)>";
    assert_eq!(check_attachment(Accept::Document, "x.pdf", page), Err(FileProblem::HidesAPage));
}

#[test]
fn sizes_are_bounded_before_decoding_or_unpacking() {
    let wide = png(9_000, 1);
    assert_eq!(
        check_attachment(Accept::Image, "wide.png", &wide),
        Err(FileProblem::ImageTooLarge { width: 9_000, height: 1 })
    );
    let too_big = vec![0u8; MAX_FILE_BYTES + 1];
    assert_eq!(
        check_attachment(Accept::Document, "big.pdf", &too_big),
        Err(FileProblem::TooLarge { max: MAX_FILE_BYTES })
    );

    // 60 MB of zeros deflate to about 60 KB: the archive is refused while it is unpacked.
    let zeros = vec![0u8; 60 * 1024 * 1024];
    let bomb = archive(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", &zeros)]);
    assert!(bomb.len() < 200_000, "{} bytes", bomb.len());
    let refused = check_attachment(Accept::Document, "report.docx", &bomb).unwrap_err();
    assert_eq!(refused, FileProblem::UnpacksTooLarge);
    assert_eq!(refused.message(Lang::Fr), "le document décompressé dépasse 50 Mo");

    let zip_of_anything = archive(&[("readme.txt", b"hello")]);
    assert_eq!(
        check_attachment(Accept::Document, "files.zip", &zip_of_anything),
        Err(FileProblem::NotAccepted { image_only: false })
    );
    let damaged = &png(20, 20)[..60];
    assert!(matches!(check_attachment(Accept::Image, "cut.png", damaged), Err(FileProblem::Damaged { .. })));
}
