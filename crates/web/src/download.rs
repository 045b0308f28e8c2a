//! A stored file as a download: the type it was checked as on upload, never to be sniffed, as
//! an attachment named as it was uploaded (ASCII for old browsers, UTF-8 for the others).

use axum::{
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use smartcities_app::attachments::Attachment;

use crate::page::PageError;

/// The response for a stored file; `cache` is its `Cache-Control`.
pub(crate) fn stored_file(file: Attachment, cache: &'static str) -> Result<Response, PageError> {
    let ascii: String = file
        .file_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || " .-_()".contains(c) { c } else { '_' })
        .collect();
    let encoded: String = file
        .file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition =
        HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"))
            .map_err(|e| PageError::Internal(e.to_string()))?;
    let content_type = HeaderValue::from_str(&file.media_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        file.body.unwrap_or_default(),
    )
        .into_response())
}
