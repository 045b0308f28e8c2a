//! The progress report to the World Secretariat (HTML or PDF) and its drafted summary.

use std::collections::HashMap;

use axum::{
    extract::{Query, State},
    http::header,
    response::{IntoResponse, Response},
};
use smartcities_app::community::ReportFormat;
use smartcities_domain::Lang;
use smartcities_publish::progress::Period;

use super::*;
use crate::{
    AppState,
    auth::Staff,
    form::CsrfForm,
    i18n::Negotiated,
    page::{PageError, refused},
};

/// `POST /community/report`: the progress report over a period, in a language, as HTML or
/// PDF, with the summary as the secretariat edited it.
pub async fn report(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Staff(user): Staff,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let period = Period::parse(&first(&fields, "from"), &first(&fields, "to"))
        .map_err(|e| PageError::Refused(lang, e))?;
    let report_lang = Lang::from_tag(&first(&fields, "lang")).unwrap_or(lang);
    let summary = Some(first(&fields, "summary")).filter(|s| !s.is_empty());
    let report = state.app.progress_report(&user.user, period, summary).await.map_err(refused(lang))?;
    let (format, content_type, extension) = if first(&fields, "format") == "pdf" {
        (ReportFormat::Pdf, "application/pdf", "pdf")
    } else {
        (ReportFormat::Html, "text/html; charset=utf-8", "html")
    };
    let bytes = state.app.progress_report_file(report, report_lang, format).await.map_err(refused(lang))?;
    let name = format!(
        "progress-report-{}-{}-{}.{extension}",
        first(&fields, "from"),
        first(&fields, "to"),
        report_lang.code()
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /community/summary?from=&to=&lang=`: the drafted summary of results, for the
/// secretariat to start editing from.
pub async fn draft(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Staff(user): Staff,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let get = |k: &str| query.get(k).cloned().unwrap_or_default();
    let period = Period::parse(&get("from"), &get("to")).map_err(|e| PageError::Refused(lang, e))?;
    let report_lang = Lang::from_tag(&get("lang")).unwrap_or(lang);
    let report = state.app.progress_report(&user.user, period, None).await.map_err(refused(lang))?;
    let text = smartcities_publish::progress::draft_summary(&report, report_lang);
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response())
}
