//! A question's page: its chart and figures overall and by UCLG section, population band and
//! Metropolis membership.

use axum::{
    extract::{Path, State},
    http::Uri,
};
use serde::Serialize;
use smartcities_app::findings::{Detail, Share, Summary};
use smartcities_domain::Lang;
use smartcities_publish::{
    charts,
    names::{self, Names},
};

use super::{interval, load};
use crate::{
    AppState,
    auth::Viewer,
    i18n::{Negotiated, t},
    page::{Ctx, PageError, PageResult, render_page},
};

/// A labelled option's figures as a row of the page's tables and chart.
#[derive(Serialize)]
struct OptionRow {
    label: String,
    count: usize,
    share: String,
    interval: String,
}

#[derive(Serialize)]
struct CellView {
    group: String,
    invited: usize,
    answering: usize,
    /// One entry per option (shares) or per statistic (numbers).
    values: Vec<String>,
}

#[derive(Serialize)]
struct BreakdownView {
    dimension: String,
    columns: Vec<String>,
    rows: Vec<CellView>,
}

#[derive(Serialize)]
struct QuestionPage {
    year: u16,
    code: String,
    label: String,
    axis: String,
    kind: String,
    answering: usize,
    /// Cities that answered "don't know" and "not applicable", left out of `answering`.
    dont_know: usize,
    not_applicable: usize,
    invited: usize,
    responding: usize,
    chart: String,
    options: Vec<OptionRow>,
    numbers: Vec<(String, String, String)>,
    /// Whether the figures have a per-100,000-inhabitants column (counts only).
    per_100k: bool,
    /// Free text: summarised by coding, not here.
    text: bool,
    median: Option<String>,
    breakdowns: Vec<BreakdownView>,
}

const STATISTICS: [&str; 7] = ["n", "min", "q1", "median", "q3", "max", "mean"];

/// How many decimals a set of figures is shown with: none when all are whole, one from 100 up,
/// two below; the same for every figure of a table column.
fn decimals_for(figures: &[f64]) -> usize {
    if figures.iter().all(|x| x.fract() == 0.0) {
        0
    } else if figures.iter().any(|x| x.abs() >= 100.0) {
        1
    } else {
        2
    }
}

/// A distribution's statistics: the count first, then the figures with one precision.
fn statistics(lang: Lang, values: Option<&smartcities_app::findings::Numbers>) -> Vec<String> {
    match values {
        Some(n) => {
            let figures = [n.min, n.q1, n.median, n.q3, n.max, n.mean];
            let decimals = decimals_for(&figures);
            std::iter::once(n.n.to_string())
                .chain(figures.iter().map(|x| names::fixed(lang, *x, decimals)))
                .collect()
        }
        None => vec![String::new(); STATISTICS.len()],
    }
}

fn cell_values(lang: Lang, summary: &Summary) -> Vec<String> {
    match &summary.detail {
        Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => {
            let shown = names::percents(lang, &options.iter().map(|o| o.share).collect::<Vec<_>>());
            options
                .iter()
                .zip(shown)
                .map(
                    |(o, share)| {
                        if share.is_empty() { o.count.to_string() } else { format!("{} ({share})", o.count) }
                    },
                )
                .collect()
        }
        Detail::Numeric { values, .. } => statistics(lang, values.as_ref()),
        Detail::Text | Detail::Dates { .. } => Vec::new(),
    }
}

pub async fn question(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, code)): Path<(String, String)>,
) -> PageResult {
    let loaded = load(&state, &viewer, lang, &uri, &year).await?;
    let names = Names { lang, framework: &loaded.framework, questionnaire: &loaded.questionnaire };
    let (results, _, _) = loaded.results.as_ref().ok_or(PageError::NotFound(lang))?;
    let q = results.question(&code).ok_or(PageError::NotFound(lang))?;
    let label = names.question(&code);
    let overall = &q.overall;
    let (chart, options, numbers, median, columns) = match &overall.detail {
        Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => {
            let labelled: Vec<(String, &Share)> =
                options.iter().map(|o| (names.choice(&code, &o.code), o)).collect();
            let shown = names::percents(lang, &options.iter().map(|o| o.share).collect::<Vec<_>>());
            let rows = labelled
                .iter()
                .zip(shown)
                .map(|((l, o), share)| OptionRow {
                    label: l.clone(),
                    count: o.count,
                    share,
                    interval: interval(lang, o.low, o.high),
                })
                .collect();
            let median = match &overall.detail {
                Detail::Ordinal { median: Some(m), .. } => Some(names.choice(&code, m)),
                _ => None,
            };
            let columns = labelled.iter().map(|(l, _)| l.clone()).collect();
            (
                charts::bars(&label, &names.bars(&code, options), &names::legend(lang)),
                rows,
                Vec::new(),
                median,
                columns,
            )
        }
        Detail::Numeric { values, per_100k, .. } => {
            let plain = statistics(lang, values.as_ref());
            let per = statistics(lang, per_100k.as_ref());
            // The count of cities is in the lead; the table holds the figures only.
            let numbers = STATISTICS
                .iter()
                .enumerate()
                .skip(1)
                .map(|(i, s)| (t(lang, &format!("results-stat-{s}")), plain[i].clone(), per[i].clone()))
                .collect();
            let columns = STATISTICS.iter().map(|s| t(lang, &format!("results-stat-{s}"))).collect();
            let chart = values.as_ref().map_or(String::new(), |n| {
                let decimals = decimals_for(&[n.min, n.q1, n.median, n.q3, n.max, n.mean]);
                let shown = [n.min, n.q1, n.median, n.q3, n.max].map(|x| names::fixed(lang, x, decimals));
                charts::distribution(
                    &label,
                    n.min,
                    n.q1,
                    n.median,
                    n.q3,
                    n.max,
                    [&shown[0], &shown[1], &shown[2], &shown[3], &shown[4]],
                )
            });
            (chart, Vec::new(), numbers, None, columns)
        }
        Detail::Text | Detail::Dates { .. } => (String::new(), Vec::new(), Vec::new(), None, Vec::new()),
    };
    let breakdowns = q
        .breakdowns
        .iter()
        .map(|b| BreakdownView {
            dimension: t(lang, &format!("results-dimension-{}", b.dimension)),
            columns: columns.clone(),
            rows: b
                .groups
                .iter()
                .map(|g| CellView {
                    group: names.group(&b.dimension, &g.group),
                    invited: g.summary.invited,
                    answering: g.summary.answering,
                    values: cell_values(lang, &g.summary),
                })
                .collect(),
        })
        .collect();
    let unit = match &overall.detail {
        Detail::Numeric { unit, .. } => unit.clone(),
        _ => String::new(),
    };
    let page = QuestionPage {
        year: loaded.edition.year.get(),
        label,
        axis: names.axis(&q.axis),
        kind: if unit.is_empty() {
            t(lang, &format!("kind-{}", q.kind))
        } else {
            let unit_name = smartcities_locale::unit_name(lang, &unit);
            format!("{} ({unit_name})", t(lang, &format!("kind-{}", q.kind)))
        },
        code,
        answering: overall.answering,
        dont_know: overall.dont_know,
        not_applicable: overall.not_applicable,
        invited: overall.invited,
        responding: overall.responding,
        chart,
        options,
        per_100k: numbers.iter().any(|n: &(String, String, String)| !n.2.is_empty()),
        text: matches!(overall.detail, Detail::Text),
        numbers,
        median,
        breakdowns,
    };
    render_page(
        &Ctx { state: &state, lang, uri: &uri, viewer: &viewer },
        "question_result.html",
        "editions",
        page,
    )
    .await
}
