//! A past edition as its report published it: the figures by axis, each marked with its source
//! and base, and the original report files; the secretariat's page to import figures from CSV
//! and attach a report. The API serves the figures as JSON.

use axum::{
    extract::{Multipart, Path, Query, State},
    http::{HeaderMap, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::history::{MAX_FIGURES_BYTES, MAX_REPORT_BYTES};
use smartcities_domain::{EditionYear, FigureValue, Lang, PublishedFigure, StudyAxis};
use smartcities_publish::names;

use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::check_csrf,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

/// One figure as a reader of `lang` reads it.
#[derive(Serialize)]
pub(crate) struct FigureView {
    code: String,
    label: String,
    label_lang: &'static str,
    /// "Original in …" when the label is not in the reader's language.
    original_in: Option<String>,
    number: String,
    base: Option<String>,
    source: String,
    /// The address the source names, as a link of its own.
    source_url: Option<String>,
    illustrative: bool,
    question: Option<String>,
}

/// An axis's figures (or those on no axis, under "Other").
#[derive(Serialize)]
pub(crate) struct AxisFigures {
    axis: String,
    figures: Vec<FigureView>,
}

/// A figure's number as the report gave it, in `lang`'s way of writing numbers.
pub(crate) fn number(lang: Lang, value: &FigureValue) -> String {
    match value {
        FigureValue::Share { value } => {
            let percent = value * 100.0;
            let decimals = if (percent - percent.round()).abs() < 1e-9 { 0 } else { 1 };
            format!("{}\u{a0}%", names::decimal(lang, percent, decimals))
        }
        FigureValue::Count { value } => names::integer(lang, i64::try_from(*value).unwrap_or(i64::MAX)),
        FigureValue::Value { value, unit } => format!("{} {unit}", names::decimal(lang, *value, 2)),
    }
}

/// A source's words and the web address it names, if any (`Deia, 30 January 2024, https://…`).
fn split_source(document: &str) -> (String, Option<String>) {
    match document.find("https://").or_else(|| document.find("http://")) {
        Some(at) => {
            let url = document[at..].split_whitespace().next().unwrap_or_default().to_string();
            let words = document[..at].trim().trim_end_matches([',', ';', ':']).trim().to_string();
            let words = if words.is_empty() { url.clone() } else { words };
            (words, Some(url))
        }
        None => (document.to_string(), None),
    }
}

fn figure_view(lang: Lang, figure: &PublishedFigure) -> FigureView {
    let (label, label_lang) = figure.label.for_reader(lang);
    let (document, source_url) = split_source(&figure.source.document);
    let source = match figure.source.page {
        // A made-up figure was published nowhere: it says so rather than cite its stand-in.
        _ if figure.illustrative => t(lang, "history-illustrative-source"),
        Some(page) => translate(
            lang,
            "history-source-page",
            &[("document", document.into()), ("page", page.to_string().into())],
        ),
        None => translate(lang, "history-source", &[("document", document.into())]),
    };
    FigureView {
        code: figure.code.clone(),
        label: label.to_string(),
        label_lang: label_lang.code(),
        original_in: (label_lang != lang).then(|| crate::written::original_mark(lang, label_lang)),
        number: number(lang, &figure.value),
        base: figure.base.map(|b| translate(lang, "history-base", &[("cities", i64::from(b).into())])),
        source,
        source_url: source_url.filter(|_| !figure.illustrative),
        illustrative: figure.illustrative,
        question: figure.question.clone(),
    }
}

/// An edition's figures grouped by axis in the study's order, those on no axis last.
pub(crate) fn by_axis(lang: Lang, figures: &[PublishedFigure]) -> Vec<AxisFigures> {
    let mut out: Vec<AxisFigures> = StudyAxis::ALL
        .into_iter()
        .map(|axis| AxisFigures {
            axis: t(lang, &format!("axis-{}", axis.slug())),
            figures: figures.iter().filter(|f| f.axis == Some(axis)).map(|f| figure_view(lang, f)).collect(),
        })
        .collect();
    out.push(AxisFigures {
        axis: t(lang, "history-other-figures"),
        figures: figures.iter().filter(|f| f.axis.is_none()).map(|f| figure_view(lang, f)).collect(),
    });
    out.retain(|a| !a.figures.is_empty());
    out
}

/// A report file as the edition page links it.
#[derive(Serialize)]
pub(crate) struct ReportLink {
    name: String,
    href: String,
    size: String,
}

/// An edition's report files as links, in `lang`.
pub(crate) async fn report_links(
    state: &AppState,
    lang: Lang,
    year: EditionYear,
) -> Result<Vec<ReportLink>, PageError> {
    Ok(state
        .app
        .reports(year)
        .await?
        .into_iter()
        .map(|r| ReportLink {
            href: format!("/editions/{year}/reports/{}", r.name),
            size: names::bytes(lang, r.bytes),
            name: r.name,
        })
        .collect())
}

/// One report file, as attached: a PDF with a strong ETag.
pub async fn report(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    headers: HeaderMap,
    Path((year, name)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let year = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let (file, body) = state.app.report(year, &name).await?.ok_or(PageError::NotFound(lang))?;
    let etag = format!("\"{}\"", file.sha256);
    let cache = "public, max-age=86400";
    if crate::publication::etag_matches(&headers, &etag) {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [(header::CACHE_CONTROL, cache.to_string()), (header::ETAG, etag)],
        )
            .into_response());
    }
    let disposition = format!("inline; filename=\"{}\"", file.name);
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CACHE_CONTROL, cache.to_string()),
            (header::ETAG, etag),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct Done {
    added: Option<usize>,
    changed: Option<usize>,
    unchanged: Option<usize>,
    report: Option<String>,
}

#[derive(Serialize)]
struct HistoryPage {
    year: u16,
    title: String,
    notice: Option<String>,
    problem: Option<(String, Vec<String>)>,
    axes: Vec<AxisFigures>,
    /// Per figure code, how many times it changed after it was added.
    corrections: Vec<(String, usize)>,
    reports: Vec<ReportLink>,
    columns: String,
    max_figures: String,
    max_report: String,
    axis_choices: Vec<(&'static str, String)>,
    langs: Vec<(&'static str, String)>,
}

pub async fn page(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Query(done): Query<Done>,
    Secretariat(_): Secretariat,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    history_page(&ctx, &year, &done, None).await
}

async fn history_page(
    ctx: &Ctx<'_>,
    year: &str,
    done: &Done,
    problem: Option<(String, String)>,
) -> PageResult {
    let lang = ctx.lang;
    let user = ctx.viewer.user().ok_or_else(|| PageError::SignIn(ctx.uri.to_string()))?;
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let edition = ctx.state.app.edition(year).await?.ok_or(PageError::NotFound(lang))?;
    let figures = ctx.state.app.published_figures(year).await?;
    let mut corrections = Vec::new();
    for f in &figures {
        let changes = ctx.state.app.figure_history(user, year, &f.code).await.map_err(refused(lang))?;
        corrections.push((f.code.clone(), changes.len().saturating_sub(1)));
    }
    let notice = match (done.added, &done.report) {
        (Some(added), _) => Some(translate(
            lang,
            "history-imported",
            &[
                ("new", added.to_string().into()),
                ("corrected", done.changed.unwrap_or(0).to_string().into()),
                ("same", done.unchanged.unwrap_or(0).to_string().into()),
            ],
        )),
        (None, Some(name)) => {
            Some(translate(lang, "history-report-attached", &[("name", name.clone().into())]))
        }
        _ => None,
    };
    let body = HistoryPage {
        year: year.get(),
        title: edition.title.get(lang).to_string(),
        notice,
        problem: problem.map(|(form, text)| (form, text.lines().map(str::to_string).collect())),
        axes: by_axis(lang, &figures),
        corrections,
        reports: report_links(ctx.state, lang, year).await?,
        columns: smartcities_collect_columns(),
        max_figures: names::bytes(lang, MAX_FIGURES_BYTES as u64),
        max_report: names::bytes(lang, MAX_REPORT_BYTES as u64),
        axis_choices: StudyAxis::ALL
            .iter()
            .map(|a| (a.slug(), t(lang, &format!("axis-{}", a.slug()))))
            .collect(),
        langs: crate::written::text_languages(lang),
    };
    render_page(ctx, "edition_history.html", "editions", body).await
}

fn smartcities_collect_columns() -> String {
    smartcities_app::history::FIGURE_COLUMNS.join(",")
}

/// Imports figures (`action=figures`) or attaches a report (`action=report`), each a file.
pub async fn act(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Secretariat(session): Secretariat,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let year_v = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let (mut csrf, mut action, mut file, mut too_large) = (None, None, None, false);
    let mut typed: Vec<(String, String)> = Vec::new();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("csrf") => csrf = field.text().await.ok(),
                Some("action") => action = field.text().await.ok(),
                Some(name) if smartcities_app::history::FIGURE_COLUMNS.contains(&name) => {
                    let name = name.to_string();
                    let value: String = field.text().await.unwrap_or_default().chars().take(600).collect();
                    typed.push((name, value));
                }
                Some("file") => {
                    let name = field.file_name().unwrap_or_default().to_string();
                    match field.bytes().await {
                        Ok(bytes) => file = Some((name, bytes.to_vec())),
                        Err(e) => too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE,
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            Err(e) => {
                too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                break;
            }
        }
    }
    check_csrf(&viewer, csrf.as_deref(), lang)?;
    let action = action.unwrap_or_default();
    if action == "figure" {
        let cells: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        return match state.app.save_figure(&session.user, year_v, &cells).await {
            Ok(done) => {
                let to = format!(
                    "/editions/{year}/history?added={}&changed={}&unchanged={}",
                    done.added, done.changed, done.unchanged
                );
                Ok(Redirect::to(&to).into_response())
            }
            Err(e) => {
                let text = form_refusal(lang, e)?;
                let page = history_page(&ctx, &year, &Done::default(), Some(("figure".into(), text))).await?;
                Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
            }
        };
    }
    let refuse = |form: &str, text: String| (form.to_string(), text);
    let problem = match (action.as_str(), file) {
        (form @ ("figures" | "report"), _) if too_large => {
            let max = if form == "figures" { MAX_FIGURES_BYTES } else { MAX_REPORT_BYTES };
            refuse(
                form,
                translate(lang, "history-too-large", &[("size", names::bytes(lang, max as u64).into())]),
            )
        }
        ("figures", Some((_, bytes))) if !bytes.is_empty() => {
            match state.app.import_figures(&session.user, year_v, bytes).await {
                Ok(done) => {
                    let to = format!(
                        "/editions/{year}/history?added={}&changed={}&unchanged={}",
                        done.added, done.changed, done.unchanged
                    );
                    return Ok(Redirect::to(&to).into_response());
                }
                Err(e) => refuse("figures", form_refusal(lang, e)?),
            }
        }
        ("report", Some((name, bytes))) if !bytes.is_empty() => {
            match state.app.attach_report(&session.user, year_v, &name, bytes).await {
                Ok(name) => {
                    let to = format!("/editions/{year}/history?report={name}");
                    return Ok(Redirect::to(&to).into_response());
                }
                Err(e) => refuse("report", form_refusal(lang, e)?),
            }
        }
        (form @ ("figures" | "report"), _) => refuse(form, t(lang, "upload-missing")),
        _ => return Err(PageError::Refused(lang, t(lang, "form-expired"))),
    };
    let page = history_page(&ctx, &year, &Done::default(), Some(problem)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[cfg(test)]
mod tests {
    use super::split_source;

    #[test]
    fn a_source_with_an_address_links_it() {
        let (words, url) = split_source("Deia, 30 January 2024, https://www.deia.eus/a.html");
        assert_eq!(
            (words.as_str(), url.as_deref()),
            ("Deia, 30 January 2024", Some("https://www.deia.eus/a.html"))
        );
        assert_eq!(split_source("Informe 2019"), ("Informe 2019".to_string(), None));
        let (words, url) = split_source("https://example.org/r.pdf");
        assert_eq!(
            (words.as_str(), url.as_deref()),
            ("https://example.org/r.pdf", Some("https://example.org/r.pdf"))
        );
    }
}

/// An earlier report's figure beside the question that continues it in this edition.
#[derive(Serialize)]
pub(crate) struct ReportedRow {
    code: String,
    label: String,
    year: u16,
    then: String,
    base: Option<String>,
    source: String,
    illustrative: bool,
    now: String,
}

/// The figures earlier reports published for questions this edition asks again, each with what
/// this edition's cities answered; `now_of` gives a question's label and headline, if asked.
pub(crate) async fn reported_rows(
    state: &AppState,
    lang: Lang,
    year: EditionYear,
    now_of: &(dyn Fn(&str) -> Option<(String, String)> + Sync),
) -> Result<Vec<ReportedRow>, PageError> {
    let mut rows = Vec::new();
    let mut editions = state.app.editions().await?;
    editions.sort_by_key(|e| e.year);
    for edition in editions.into_iter().filter(|e| e.year < year) {
        for figure in state.app.published_figures(edition.year).await? {
            let Some(code) = figure.question.as_deref() else { continue };
            let Some((label, now)) = now_of(code) else { continue };
            let view = figure_view(lang, &figure);
            rows.push(ReportedRow {
                code: code.to_string(),
                label,
                year: edition.year.get(),
                then: format!("{} {}", crate::i18n::with_colon(lang, &view.label), view.number),
                base: view.base,
                source: view.source,
                illustrative: view.illustrative,
                now,
            });
        }
    }
    Ok(rows)
}
