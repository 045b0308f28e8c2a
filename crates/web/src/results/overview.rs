//! The results overview: a headline per question by axis with each axis's chart, the SDG
//! matrix, barriers and enablers, coded free text, the composite index and trends.

use axum::{
    extract::{Path, State},
    http::Uri,
};
use serde::Serialize;
use smartcities_app::findings::{Results, Share};
use smartcities_domain::Lang;
use smartcities_publish::{
    charts,
    names::{self, Names},
};

use super::{
    composite::{CompositeView, composite_view},
    interval, load, number, percent,
};
use crate::{
    AppState,
    auth::Viewer,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageResult, refused, render_page},
};

#[derive(Serialize)]
struct HeadlineRow {
    code: String,
    label: String,
    answering: usize,
    invited: usize,
    headline: String,
}

/// An axis: its overview chart (the share of yes of its yes/no questions, as the published
/// site's chapter draws it) and a headline per question.
#[derive(Serialize)]
struct AxisRows {
    label: String,
    /// The chart's SVG and its title, when the axis has a yes/no question.
    chart: Option<(String, String)>,
    questions: Vec<HeadlineRow>,
}

#[derive(Serialize)]
struct SdgRow {
    axis: String,
    cells: Vec<(u8, usize, String)>,
    most_cited: Option<u8>,
}

#[derive(Serialize)]
struct CitedRow {
    kind: String,
    category: String,
    cities: usize,
    share: String,
    interval: String,
    importance: String,
}

#[derive(Serialize)]
struct TrendRow {
    code: String,
    label: String,
    earlier_edition: u16,
    then: String,
    now: String,
    paired: String,
}

#[derive(Serialize)]
struct OverviewPage {
    year: u16,
    title: String,
    analysed: bool,
    computed_at: String,
    /// Whether an answer was accepted, returned or withdrawn since (shown to staff).
    stale: bool,
    method_version: String,
    input_hash: String,
    answering: usize,
    invited: usize,
    axes: Vec<AxisRows>,
    goals: Vec<u8>,
    sdg_rows: Vec<SdgRow>,
    linking: Vec<(u8, String, usize, String, String)>,
    cited: Vec<CitedRow>,
    /// The three most cited per axis and per section: (name, "item (cities) · …").
    cited_by_axis: Vec<(String, String)>,
    cited_by_section: Vec<(String, String)>,
    /// Codebook categories applied to the free text: (label, group, answers, cities).
    coded: Vec<(String, String, usize, usize)>,
    trends: Vec<TrendRow>,
    /// Earlier reports' figures for questions asked again, beside today's answers.
    reported: Vec<crate::history::ReportedRow>,
    composite: Option<CompositeView>,
    /// The current public version: its number and day, as the language writes it.
    published: Option<(smartcities_domain::PublishedVersion, String)>,
}

/// `/editions/{year}/results`: what the viewer may read of the edition's findings.
pub async fn overview(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
) -> PageResult {
    let loaded = load(&state, &viewer, lang, &uri, &year).await?;
    let names = Names { lang, framework: &loaded.framework, questionnaire: &loaded.questionnaire };
    let mut page = OverviewPage {
        year: loaded.edition.year.get(),
        title: loaded.edition.title.get(lang).to_string(),
        analysed: loaded.results.is_some(),
        computed_at: String::new(),
        stale: false,
        method_version: String::new(),
        input_hash: String::new(),
        answering: 0,
        invited: 0,
        axes: Vec::new(),
        goals: Vec::new(),
        sdg_rows: Vec::new(),
        linking: Vec::new(),
        cited: Vec::new(),
        cited_by_axis: Vec::new(),
        cited_by_section: Vec::new(),
        coded: Vec::new(),
        trends: Vec::new(),
        reported: Vec::new(),
        composite: None,
        published: state.app.current_publication(loaded.edition.year).await?.map(|p| {
            (p.version, smartcities_publish::view::long_date(lang, &p.published_at.day().to_string()))
        }),
    };
    if let Some((results, at, stale)) = &loaded.results {
        page.stale = *stale && viewer.app().is_staff();
        if let Some(index) = &results.composite {
            page.composite = Some(composite_view(&state, lang, &loaded.edition, &names, index).await?);
        }
        page.computed_at = at.clone();
        page.method_version = results.method_version.clone();
        page.input_hash = results.input_hash.chars().take(12).collect();
        page.answering = results.answering;
        page.invited = results.invited;
        page.axes = axis_rows(&names, results);
        sdg_view(&mut page, &names, results);
        cited_view(&mut page, &names, results);
        let codebook = state.app.codebook(loaded.edition.year).await.map_err(refused(lang))?;
        if let Some(book) = &codebook {
            page.coded = coded_rows(lang, book, results);
        }
        page.trends = trend_rows(&names, results);
        let now_of = |code: &str| {
            results
                .questions
                .iter()
                .find(|q| q.code == code)
                .map(|q| (names.question(code), names.headline(q)))
        };
        page.reported = crate::history::reported_rows(&state, lang, loaded.edition.year, &now_of).await?;
    }
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "results.html", "editions", page)
        .await
}

/// The axes in the framework's order, each with its chart and a headline per question.
fn axis_rows(names: &Names<'_>, results: &Results) -> Vec<AxisRows> {
    let lang = names.lang;
    let mut axes: Vec<(String, AxisRows)> = Vec::new();
    for q in &results.questions {
        let row = HeadlineRow {
            code: q.code.clone(),
            label: names.question(&q.code),
            answering: q.overall.answering,
            invited: q.overall.invited,
            headline: names.headline(q),
        };
        match axes.last_mut() {
            Some((code, axis)) if *code == q.axis => axis.questions.push(row),
            _ => axes.push((
                q.axis.clone(),
                AxisRows { label: names.axis(&q.axis), chart: None, questions: vec![row] },
            )),
        }
    }
    for (code, axis) in &mut axes {
        let bars = names.yes_bars(results.questions.iter().filter(|q| q.axis == *code));
        if !bars.is_empty() {
            let title = translate(lang, "pub-axis-overview", &[("axis", axis.label.clone().into())]);
            axis.chart = Some((charts::bars(&title, &bars, &names::legend(lang)), title));
        }
    }
    axes.into_iter().map(|(_, axis)| axis).collect()
}

/// The SDG matrix (axes × goals) and the share of cities linking each goal.
fn sdg_view(page: &mut OverviewPage, names: &Names<'_>, results: &Results) {
    let lang = names.lang;
    let matrix = &results.sdg_matrix;
    let mut goals: Vec<u8> = matrix.cells.iter().map(|c| c.goal).collect();
    goals.sort_unstable();
    goals.dedup();
    let mut axes: Vec<&str> =
        matrix.cells.iter().map(|c| c.axis.as_str()).filter(|a| !a.is_empty()).collect();
    axes.dedup();
    page.sdg_rows = axes
        .iter()
        .map(|axis| SdgRow {
            axis: names.axis(axis),
            cells: goals
                .iter()
                .map(|g| {
                    let cell = matrix.cells.iter().find(|c| c.axis == *axis && c.goal == *g);
                    let detail = cell.map_or(String::new(), |c| {
                        translate(
                            lang,
                            "results-sdg-cell",
                            &[
                                ("practices", c.practices.into()),
                                ("answers", c.answers.into()),
                                ("workshops", c.workshop_outputs.into()),
                            ],
                        )
                    });
                    (*g, cell.map_or(0, |c| c.total()), detail)
                })
                .collect(),
            most_cited: matrix.most_cited.iter().find(|(a, _)| a == axis).map(|(_, g)| *g),
        })
        .collect();
    page.goals = goals;
    page.linking = matrix
        .cities_linking
        .iter()
        .filter(|s| s.cities > 0)
        .map(|s| {
            (
                s.goal,
                t(lang, &format!("sdg-{}", s.goal)),
                s.cities,
                percent(lang, s.share),
                interval(lang, s.low, s.high),
            )
        })
        .collect();
}

/// The barriers and enablers most cited, overall, by axis and by section.
fn cited_view(page: &mut OverviewPage, names: &Names<'_>, results: &Results) {
    let lang = names.lang;
    page.cited = results
        .barriers_enablers
        .overall
        .iter()
        .take(12)
        .map(|c| CitedRow {
            kind: t(lang, &format!("workshop-kind-{}", c.kind)),
            category: names.choice("be_category", &c.category),
            cities: c.cities,
            share: percent(lang, c.share),
            interval: interval(lang, c.low, c.high),
            importance: c.mean_importance.map_or(String::new(), |m| format!("{m:.1}")),
        })
        .collect();
    let top = |items: &[smartcities_app::findings::CitedItem]| {
        items
            .iter()
            .take(3)
            .map(|c| {
                format!(
                    "{} – {} ({})",
                    names.choice("be_category", &c.category),
                    t(lang, &format!("workshop-kind-{}", c.kind)),
                    c.cities
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let be = &results.barriers_enablers;
    page.cited_by_axis = be.by_axis.iter().map(|(axis, items)| (names.axis(axis), top(items))).collect();
    page.cited_by_section = be
        .by_section
        .iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(section, items)| (t(lang, &format!("section-{section}")), top(items)))
        .collect();
}

/// The codebook's categories applied to the free text, most cities first.
fn coded_rows(
    lang: Lang,
    book: &smartcities_app::coding::Codebook,
    results: &Results,
) -> Vec<(String, String, usize, usize)> {
    let mut coded: Vec<(String, String, usize, usize)> = results
        .coding
        .iter()
        .filter(|f| f.items > 0)
        .filter_map(|f| {
            let category = book.category(&f.code)?;
            Some((
                category.label.get(lang).to_string(),
                t(lang, &format!("coding-group-{}", category.group.slug())),
                f.items,
                f.cities,
            ))
        })
        .collect();
    coded.sort_by(|a, b| b.3.cmp(&a.3).then(b.2.cmp(&a.2)));
    coded.truncate(12);
    coded
}

/// Each question continued from an earlier edition, then and now.
fn trend_rows(names: &Names<'_>, results: &Results) -> Vec<TrendRow> {
    let lang = names.lang;
    results
        .trends
        .iter()
        .map(|tr| {
            // A yes/no question by its share of "yes"; another choice by the option most
            // chosen now, followed in both columns so they compare; "–" when nobody answered.
            let followed = tr
                .now
                .iter()
                .find(|s| s.code == "yes")
                .or_else(|| {
                    tr.now
                        .iter()
                        .max_by(|a, b| a.share.partial_cmp(&b.share).unwrap_or(std::cmp::Ordering::Equal))
                })
                .map(|s| s.code.clone());
            let share_of = |shares: &[Share]| {
                let share = followed.as_ref().and_then(|code| shares.iter().find(|s| &s.code == code));
                match (share, &followed) {
                    (Some(s), Some(code)) if code == "yes" => percent(lang, s.share),
                    (Some(s), Some(code)) => {
                        format!("{} {}", names.choice(&tr.code, code), percent(lang, s.share))
                    }
                    _ => "–".to_string(),
                }
            };
            let (then, now) = match (tr.then_median, tr.now_median) {
                (Some(a), Some(b)) => (number(lang, a), number(lang, b)),
                (a, b) if a.is_some() || b.is_some() => {
                    let shown = |x: Option<f64>| x.map_or("–".to_string(), |x| number(lang, x));
                    (shown(a), shown(b))
                }
                _ => (share_of(&tr.then), share_of(&tr.now)),
            };
            TrendRow {
                code: tr.code.clone(),
                label: names.question(&tr.code),
                earlier_edition: tr.earlier_edition,
                then,
                now,
                paired: translate(
                    lang,
                    "results-paired",
                    &[("cities", tr.paired.cities.into()), ("unchanged", tr.paired.unchanged.into())],
                ),
            }
        })
        .collect()
}
