//! The study's findings on the web: an edition's results overview (headline per question by
//! axis, SDG matrix, barriers and enablers, trends, provenance) and a page per question with an
//! SVG chart and its data table, overall and by UCLG section, population band and Metropolis
//! membership. Shares and profiles, never a ranking. Public once the edition is published;
//! the secretariat and analysts see them before.

use axum::{
    extract::{Path, State},
    http::Uri,
};
use serde::Serialize;
use smartcities_app::findings::{Detail, Results, Share, Summary};
use smartcities_app::policy;
use smartcities_app::questionnaire::Questionnaire;
use smartcities_domain::{Edition, EditionYear, Framework, Lang};
use smartcities_publish::{
    charts,
    names::{self, Names},
};

use crate::{
    AppState,
    auth::Viewer,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, refused_at, render_page},
};

pub(crate) struct Loaded {
    pub edition: Edition,
    pub framework: Framework,
    pub questionnaire: Questionnaire,
    /// The results, when they were computed, and whether answers changed since.
    pub results: Option<(Results, String, bool)>,
}

pub(crate) async fn load(
    state: &AppState,
    viewer: &Viewer,
    lang: Lang,
    uri: &Uri,
    year: &str,
) -> Result<Loaded, PageError> {
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let findings = state.app.findings_for(viewer.app(), year).await.map_err(refused_at(lang, uri))?;
    Ok(Loaded {
        edition: findings.edition,
        framework: findings.framework,
        questionnaire: findings.questionnaire,
        results: findings.results.map(|r| (r.results, r.computed_at, r.stale)),
    })
}

fn percent(lang: Lang, share: Option<f64>) -> String {
    share.map(|s| names::percent(lang, s)).unwrap_or_default()
}

fn interval(lang: Lang, low: Option<f64>, high: Option<f64>) -> String {
    low.zip(high).map(|(l, h)| names::interval(lang, l, h)).unwrap_or_default()
}

fn number(lang: Lang, x: f64) -> String {
    names::decimal(lang, x, 2)
}

/// A labelled option's figures as a row of the page's tables and chart.
#[derive(Serialize)]
struct OptionRow {
    label: String,
    count: usize,
    share: String,
    interval: String,
}

#[derive(Serialize)]
struct HeadlineRow {
    code: String,
    label: String,
    answering: usize,
    invited: usize,
    headline: String,
}

#[derive(Serialize)]
struct AxisRows {
    label: String,
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
    composite: Option<CompositeView>,
    /// The current public version: its number and day, as the language writes it.
    published: Option<(u32, String)>,
}

/// The edition's composite index as profiles: a score per axis and overall, with the interval
/// the uncertain choices leave; cities in name order unless the edition shows rankings.
#[derive(Serialize)]
struct CompositeView {
    description: String,
    runs: usize,
    varied: String,
    axes: Vec<String>,
    show_ranks: bool,
    rows: Vec<CompositeRow>,
    audit: Vec<(String, String, String, String)>,
}

#[derive(Serialize)]
struct CompositeRow {
    city: String,
    href: String,
    axes: Vec<String>,
    score: String,
    interval: String,
    whisker: String,
    rank: String,
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_string(), |s| format!("{s:.0}"))
}

pub(crate) fn score_interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) => format!("{l:.0}–{h:.0}"),
        _ => String::new(),
    }
}

async fn composite_view(
    state: &AppState,
    lang: Lang,
    edition: &Edition,
    names: &Names<'_>,
    index: &smartcities_app::findings::CompositeIndex,
) -> Result<CompositeView, PageError> {
    let registry = state.app.cities(&smartcities_app::CityFilter::default()).await?;
    let name =
        |id: &str| registry.iter().find(|c| c.id.as_str() == id).map_or(id.to_string(), |c| c.name.clone());
    let mut rows: Vec<(Option<usize>, CompositeRow)> = index
        .cities
        .iter()
        .map(|c| {
            (
                c.rank,
                CompositeRow {
                    city: name(&c.city),
                    href: format!("/cities/{}", c.city),
                    axes: c.axes.iter().map(|a| score_text(*a)).collect(),
                    score: score_text(c.score),
                    interval: score_interval(c.score_5, c.score_95),
                    whisker: charts::whisker(c.score, c.score_5, c.score_95),
                    rank: match (c.rank, c.rank_5, c.rank_95) {
                        (Some(r), Some(l), Some(h)) => format!("{r} ({l:.0}–{h:.0})"),
                        (Some(r), _, _) => r.to_string(),
                        _ => String::new(),
                    },
                },
            )
        })
        .collect();
    // By name, whatever the scores: ranks, where an edition shows them, are a column.
    rows.sort_by(|a, b| a.1.city.cmp(&b.1.city));
    Ok(CompositeView {
        description: edition.index.as_ref().map_or(String::new(), |r| r.description.get(lang).to_string()),
        runs: index.runs,
        varied: index
            .varied
            .iter()
            .map(|v| t(lang, &format!("results-index-varied-{v}")))
            .collect::<Vec<_>>()
            .join(", "),
        axes: index.axes.iter().map(|a| names.axis(a)).collect(),
        show_ranks: edition.show_rankings,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        audit: index
            .audit
            .iter()
            .map(|a| {
                (
                    names.axis(&a.axis),
                    a.cronbach_alpha.map_or_else(|| t(lang, "results-index-alpha-none"), |x| number(lang, x)),
                    a.first_component_share
                        .map_or_else(|| t(lang, "results-index-pc1-none"), |s| percent(lang, Some(s))),
                    a.negatively_correlated.iter().map(|q| names.question(q)).collect::<Vec<_>>().join(", "),
                )
            })
            .collect(),
    })
}

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
        for q in &results.questions {
            let row = HeadlineRow {
                code: q.code.clone(),
                label: names.question(&q.code),
                answering: q.overall.answering,
                invited: q.overall.invited,
                headline: names.headline(q),
            };
            let label = names.axis(&q.axis);
            match page.axes.last_mut() {
                Some(axis) if axis.label == label => axis.questions.push(row),
                _ => page.axes.push(AxisRows { label, questions: vec![row] }),
            }
        }
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
        let codebook = state.app.codebook(loaded.edition.year).await.map_err(refused(lang))?;
        if let Some(book) = &codebook {
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
            page.coded = coded;
        }
        page.trends = results
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
            .collect();
    }
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "results.html", "editions", page)
        .await
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
        Detail::Text => Vec::new(),
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
            (charts::bars(&label, &names.bars(&code, options)), rows, Vec::new(), median, columns)
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
        Detail::Text => (String::new(), Vec::new(), Vec::new(), None, Vec::new()),
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
            let key = format!("unit-{unit}");
            let unit_name = t(lang, &key);
            let unit_name = if unit_name == key { unit.clone() } else { unit_name };
            format!("{} ({unit_name})", t(lang, &format!("kind-{}", q.kind)))
        },
        code,
        answering: overall.answering,
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

/// A city's profile in every analysed edition the viewer may read and the city answered.
#[derive(Serialize)]
pub(crate) struct BesideRow {
    code: String,
    label: String,
    answer: String,
    all: String,
    section: String,
    band: String,
}

#[derive(Serialize)]
pub(crate) struct ProfileView {
    year: u16,
    /// The edition's scoring rule in words, the radar and its table, when the edition adopts one.
    scoring: Option<String>,
    radar: String,
    levels: Vec<(String, String)>,
    highlights: Vec<String>,
    axes: Vec<(String, Vec<BesideRow>)>,
    peers: Vec<(String, String, String)>,
    /// The overall composite score, its interval and the interval drawn, when the edition has
    /// an index.
    index_overall: Option<(String, String, String)>,
}

/// A city's profiles as the city page shows them: strengths and gaps in words, its answers
/// beside the other cities', and its peers.
pub(crate) async fn profile_views(
    state: &AppState,
    viewer: &Viewer,
    lang: Lang,
    city: &smartcities_domain::City,
) -> Result<Vec<ProfileView>, smartcities_app::AppError> {
    let mut views = Vec::new();
    for profile in state.app.city_profiles(viewer.app(), &city.id).await? {
        let year = EditionYear::new(profile.edition)
            .map_err(|e| smartcities_app::AppError::Internal(e.to_string()))?;
        let (Some((_, framework)), Some((_, questionnaire))) =
            (state.app.framework(year).await?, state.app.questionnaire_of(year).await?)
        else {
            continue;
        };
        let names = Names { lang, framework: &framework, questionnaire: &questionnaire };
        let highlights = profile
            .highlights
            .iter()
            .filter_map(|h| smartcities_publish::sentences::highlight(&names, &city.name, h))
            .take(6)
            .collect();
        let mut axes: Vec<(String, Vec<BesideRow>)> = Vec::new();
        for a in &profile.answers {
            let shown = |x: Option<f64>| match (a.kind.as_str(), x) {
                ("numeric", Some(m)) => {
                    translate(lang, "results-median", &[("value", number(lang, m).into())])
                }
                (_, x) => percent(lang, x),
            };
            let row = BesideRow {
                code: a.code.clone(),
                label: names.question(&a.code),
                answer: if a.kind == "numeric" { a.answer.clone() } else { names.choice(&a.code, &a.answer) },
                all: shown(a.all),
                section: shown(a.section),
                band: shown(a.band),
            };
            let axis = names.axis(&a.axis);
            match axes.last_mut() {
                Some((label, rows)) if *label == axis => rows.push(row),
                _ => axes.push((axis, vec![row])),
            }
        }
        let mut peers = Vec::new();
        for p in &profile.peers {
            let name = match smartcities_domain::CityId::parse(&p.city) {
                Ok(id) => state.app.city(&id).await?.map_or_else(|| p.city.clone(), |c| c.name),
                Err(_) => p.city.clone(),
            };
            peers.push((p.city.clone(), name, format!("{:.2}", p.distance)));
        }
        let edition = state.app.edition(year).await?;
        let shown = edition.as_ref().is_some_and(|e| policy::sees_scores(viewer.app(), e));
        let title = translate(lang, "profile-levels", &[("city", city.name.clone().into())]);
        let as_rows = |levels: &[(String, Option<f64>)]| -> Vec<(String, String)> {
            levels.iter().map(|(axis, level)| (axis.clone(), score_text(*level))).collect()
        };
        // One value per axis: the composite index's where the edition has one, else the
        // scoring rule's level; never both.
        let (scoring, radar_svg, level_rows, index_overall) = match (&profile.index, edition.as_ref()) {
            (_, None) => (None, String::new(), Vec::new(), None),
            _ if !shown => (None, String::new(), Vec::new(), None),
            (Some(smartcities_app::findings::IndexStanding { axes, standing }), Some(edition)) => {
                let levels: Vec<(String, Option<f64>)> =
                    axes.iter().zip(&standing.axes).map(|(axis, score)| (names.axis(axis), *score)).collect();
                (
                    Some(
                        edition.index.as_ref().map_or(String::new(), |r| r.description.get(lang).to_string()),
                    ),
                    charts::radar(&title, &levels),
                    as_rows(&levels),
                    Some((
                        score_text(standing.score),
                        score_interval(standing.score_5, standing.score_95),
                        charts::whisker(standing.score, standing.score_5, standing.score_95),
                    )),
                )
            }
            (None, Some(edition)) => match &edition.scoring {
                Some(rule) => {
                    let levels: Vec<(String, Option<f64>)> = profile
                        .axis_profile
                        .iter()
                        .map(|(axis, level)| (names.axis(axis), level.map(|l| l * 100.0)))
                        .collect();
                    (
                        Some(rule.description.get(lang).to_string()),
                        charts::radar(&title, &levels),
                        as_rows(&levels),
                        None,
                    )
                }
                None => (None, String::new(), Vec::new(), None),
            },
        };
        views.push(ProfileView {
            index_overall,
            year: profile.edition,
            scoring,
            radar: radar_svg,
            levels: level_rows,
            highlights,
            axes,
            peers,
        });
    }
    Ok(views)
}
