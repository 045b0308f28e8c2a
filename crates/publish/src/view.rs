//! An edition's findings in one language, ready to lay out: every figure formatted, every code
//! named, every chart drawn. The site and the PDFs read the same view, so a page and its printed
//! chapter cannot disagree.

use std::collections::BTreeMap;

use serde::Serialize;
use smartcities_analysis::{CitedItem, Detail, QuestionSummary, Share, Summary, stats::Numbers};
use smartcities_domain::{City, Focus, Lang};
use smartcities_locale::{FluentValue, t, translate};

use crate::{
    charts::{self, Bar},
    map,
    names::{Names, decimal, integer, interval, percent},
    sentences::{self, Quantity, ShareFact},
    snapshot::{Practice, Snapshot},
};

/// A chart: the file name it is published under (`{name}.svg`), its text alternative and the SVG.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// A name unique in the edition, used as the file name of the chart.
    pub name: String,
    /// What the chart shows, in words.
    pub alt: String,
    /// The chart.
    pub svg: String,
}

/// A table: the data behind a chart, or a list.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    /// The table's caption.
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// One question's finding.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The question's code.
    pub code: String,
    /// The question as asked.
    pub question: String,
    /// Its one-line finding.
    pub headline: String,
    /// How many cities answered it, of those invited.
    pub answered: String,
    /// Its chart, for choices and figures.
    pub chart: Option<Figure>,
    /// The figures, as a table.
    pub table: Table,
    /// The same by UCLG section, population band and Metropolis membership.
    pub breakdowns: Vec<Table>,
}

/// A question asked in an earlier edition too.
#[derive(Debug, Clone, Serialize)]
pub struct TrendView {
    /// The question.
    pub question: String,
    /// The earlier edition.
    pub earlier: u16,
    /// The finding then.
    pub then: String,
    /// The finding now.
    pub now: String,
    /// The cities that answered both.
    pub paired: String,
}

/// A barrier or enabler as cited by the cities.
#[derive(Debug, Clone, Serialize)]
pub struct Cited {
    /// Its category.
    pub category: String,
    /// The cities citing it.
    pub cities: usize,
    /// Their share of the answering cities.
    pub share: String,
    /// The share's 95 % interval.
    pub interval: String,
    /// Its mean importance, 1–5.
    pub importance: String,
}

/// An SDG and how often it comes up.
#[derive(Debug, Clone, Serialize)]
pub struct SdgLink {
    /// The goal, 1–17.
    pub goal: u8,
    /// Its name.
    pub name: String,
    /// Practices, answers and focus-group outputs linked to it.
    pub count: usize,
}

/// A good practice, as published.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeView {
    /// Its id in the catalogue, a stable anchor.
    pub id: String,
    /// Its page in the catalogue.
    pub href: String,
    /// Its title, in the page's language where it has one.
    pub title: String,
    /// Its summary, likewise.
    pub summary: String,
    /// The language its texts are shown in when the page's is missing (marked, never silent).
    pub shown_in: Option<String>,
    /// The city's id.
    pub city_id: String,
    /// The city's name.
    pub city: String,
    /// The axis's code.
    pub axis_code: String,
    /// The axis's name.
    pub axis: String,
    /// Its SDGs, as `goal · name`.
    pub sdgs: Vec<SdgLink>,
    /// Its SDG goals, space-separated, for the catalogue's filter.
    pub sdg_codes: String,
}

/// A chapter: one axis of the framework.
#[derive(Debug, Clone, Serialize)]
pub struct AxisView {
    /// The axis's code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// One sentence on what the chapter covers.
    pub intro: String,
    /// The share answering yes to each yes/no question of the axis, as one chart.
    pub overview: Option<Figure>,
    /// Its questions' findings.
    pub findings: Vec<Finding>,
    /// Its questions asked in earlier editions.
    pub trends: Vec<TrendView>,
    /// Its good practices.
    pub practices: Vec<PracticeView>,
    /// The barriers cited for it.
    pub barriers: Vec<Cited>,
    /// The enablers cited for it.
    pub enablers: Vec<Cited>,
    /// The SDGs it is linked to, most often first.
    pub sdgs: Vec<SdgLink>,
    /// What is most and least widespread in the axis, in sentences.
    pub key_findings: Vec<String>,
}

/// A city's answer beside all cities'.
#[derive(Debug, Clone, Serialize)]
pub struct Beside {
    /// The question.
    pub question: String,
    /// The city's answer.
    pub answer: String,
    /// Share of all answering cities giving the same answer, or their median.
    pub all: String,
    /// The same in its section.
    pub section: String,
}

/// A participating city's page and sheet.
#[derive(Debug, Clone, Serialize)]
pub struct CityView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: String,
    /// Its UCLG world section.
    pub section: String,
    /// Its population, with year.
    pub population: String,
    /// Whether it is a member of Metropolis.
    pub metropolis: String,
    /// Where it stands out, in sentences.
    pub highlights: Vec<String>,
    /// Its answers beside all cities', by axis.
    pub axes: Vec<(String, Vec<Beside>)>,
    /// Its most similar cities: (id, name).
    pub peers: Vec<(String, String)>,
    /// Its good practices.
    pub practices: Vec<PracticeView>,
    /// One score per axis and overall (0–100), only where the edition publishes scores.
    pub scores: Vec<(String, String)>,
}

/// A focus group, as published.
#[derive(Debug, Clone, Serialize)]
pub struct WorkshopView {
    /// When it was held.
    pub held_on: String,
    /// The language it was held in.
    pub language: String,
    /// The dynamics it followed.
    pub dynamics: String,
    /// The cities that took part.
    pub participants: String,
    /// What came out of it: (kind, axis, SDGs, note).
    pub outputs: Vec<(String, String, String, String)>,
}

/// Composite scores per city, in name order: only where the edition publishes them.
#[derive(Debug, Clone, Serialize)]
pub struct ScoresView {
    /// How the scores are made.
    pub description: String,
    /// Column headings: city, each axis, overall, interval.
    pub columns: Vec<String>,
    /// One row per city, by name.
    pub rows: Vec<Vec<String>>,
}

/// Everything a publication shows, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct EditionView {
    /// The language, as its code.
    pub lang: &'static str,
    /// The words of the layout (headings, column names), by key without the `pub-` prefix.
    pub labels: BTreeMap<&'static str, String>,
    /// The edition's year.
    pub year: u16,
    /// The published version's number.
    pub version: u32,
    /// The day it was published, as the language writes it.
    pub published_on: String,
    /// The edition's title.
    pub title: String,
    /// The study and the network.
    pub study: String,
    /// The network.
    pub network: String,
    /// The edition's focus.
    pub focus: String,
    /// Participation in one sentence.
    pub participation: String,
    /// Cities answering.
    pub answering: usize,
    /// Cities invited.
    pub invited: usize,
    /// Set when the version was made while cities were still answering: the sentence every
    /// page and document shows.
    pub provisional: Option<String>,
    /// What changed since the previous version, as paragraphs (empty for a first version).
    pub changes: Vec<String>,
    /// The secretariat's foreword, as paragraphs.
    pub foreword: Vec<String>,
    /// The conclusions, as paragraphs.
    pub conclusions: Vec<String>,
    /// The key findings, one sentence each.
    pub key_findings: Vec<String>,
    /// The method, as paragraphs.
    pub method: Vec<String>,
    /// One chapter per axis.
    pub axes: Vec<AxisView>,
    /// The good practices.
    pub practices: Vec<PracticeView>,
    /// The barriers most cited, over all axes.
    pub barriers: Vec<Cited>,
    /// The enablers most cited.
    pub enablers: Vec<Cited>,
    /// Barriers and enablers as one chart.
    pub barriers_chart: Option<Figure>,
    /// The SDG matrix as a heat map.
    pub sdg_chart: Option<Figure>,
    /// Cities linking a practice to each SDG.
    pub sdg_table: Table,
    /// The participating cities, by name.
    pub cities: Vec<CityView>,
    /// The participating cities on the map.
    pub map: Figure,
    /// The focus groups.
    pub workshops: Vec<WorkshopView>,
    /// Composite scores, only where the edition publishes them.
    pub scores: Option<ScoresView>,
    /// The analysis method's version.
    pub method_version: String,
    /// The snapshot's content hash.
    pub content_hash: String,
}

/// The layout's words, by Fluent key without the `pub-` prefix.
const LABELS: &[&str] = &[
    "provisional-short",
    "changes",
    "report",
    "contents",
    "foreword",
    "methodology",
    "findings",
    "practices",
    "practices-intro",
    "barriers-enablers",
    "barriers",
    "enablers",
    "sdg-matrix",
    "sdg-intro",
    "conclusions",
    "cities",
    "cities-intro",
    "city",
    "country",
    "section",
    "population",
    "metropolis",
    "map",
    "trends",
    "earlier",
    "then",
    "now",
    "paired",
    "question",
    "finding",
    "answered",
    "category",
    "share",
    "interval",
    "importance",
    "axis",
    "sdgs",
    "sdg",
    "downloads",
    "report-pdf",
    "brief-pdf",
    "slides-pdf",
    "city-pdf",
    "open-data",
    "key-findings",
    "filter",
    "filter-text",
    "filter-all",
    "filter-shown",
    "focus-groups",
    "held-on",
    "language",
    "dynamics",
    "participants",
    "outputs",
    "kind",
    "note",
    "its-answer",
    "all-cities",
    "its-section",
    "peers",
    "peers-intro",
    "highlights",
    "scores",
    "overall",
    "city-facts",
    "city-answers",
    "city-practices",
    "no-practices",
    "no-cited",
    "not-ranking",
    "chart-data",
    "breakdowns",
    "provenance",
    "content-hash",
    "method-version",
    "languages",
    "skip",
    "home",
    "brief",
    "slides",
    "illustrative-data",
];

fn labels(lang: Lang) -> BTreeMap<&'static str, String> {
    LABELS.iter().map(|key| (*key, t(lang, &format!("pub-{key}")))).collect()
}

fn count(n: usize) -> FluentValue<'static> {
    FluentValue::from(n as i64)
}

/// A day `YYYY-MM-DD` as the language writes it: 30 November 2026, 30 de noviembre de 2026…
pub fn long_date(lang: Lang, day: &str) -> String {
    let mut parts = day.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (year, month, day) =
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    let month = t(lang, &format!("month-{month}"));
    match lang {
        Lang::En => format!("{day} {month} {year}"),
        Lang::Es => format!("{day} de {month} de {year}"),
        Lang::Fr => format!("{day} {month} {year}"),
    }
}

/// A date known to the year, month or day as the language writes it (30 de junio de 2027).
pub fn approx_date(lang: Lang, date: smartcities_domain::ApproxDate) -> String {
    match (date.month, date.day) {
        (Some(month), Some(day)) => long_date(lang, &format!("{}-{month:02}-{day:02}", date.year)),
        (Some(month), None) => {
            let name = t(lang, &format!("month-{month}"));
            match lang {
                Lang::Es => format!("{name} de {}", date.year),
                Lang::En | Lang::Fr => format!("{name} {}", date.year),
            }
        }
        _ => date.year.to_string(),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn share_text(lang: Lang, share: Option<f64>) -> String {
    share.map(|s| percent(lang, s)).unwrap_or_default()
}

fn interval_text(lang: Lang, low: Option<f64>, high: Option<f64>) -> String {
    low.zip(high).map(|(l, h)| interval(lang, l, h)).unwrap_or_default()
}

fn statistics(lang: Lang, numbers: Option<&Numbers>) -> Vec<String> {
    match numbers {
        Some(n) => {
            let d = |x: f64| decimal(lang, x, 2);
            vec![n.n.to_string(), d(n.min), d(n.q1), d(n.median), d(n.q3), d(n.max), d(n.mean)]
        }
        None => vec![String::new(); 7],
    }
}

const STATISTICS: [&str; 7] = ["n", "min", "q1", "median", "q3", "max", "mean"];

struct Builder<'a> {
    lang: Lang,
    snapshot: &'a Snapshot,
    names: Names<'a>,
}

impl Builder<'_> {
    fn city_name(&self, id: &str) -> String {
        self.snapshot
            .cities
            .iter()
            .find(|c| c.id.as_str() == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    fn answered(&self, summary: &Summary) -> String {
        translate(
            self.lang,
            "pub-answered-of",
            &[("answering", count(summary.answering)), ("invited", count(summary.invited))],
        )
    }

    fn option_table(&self, question: &str, options: &[Share]) -> Table {
        let lang = self.lang;
        Table {
            caption: String::new(),
            columns: vec![
                t(lang, "pub-option"),
                t(lang, "pub-cities"),
                t(lang, "pub-share"),
                t(lang, "pub-interval"),
            ],
            rows: options
                .iter()
                .map(|o| {
                    vec![
                        self.names.choice(question, &o.code),
                        o.count.to_string(),
                        share_text(lang, o.share),
                        interval_text(lang, o.low, o.high),
                    ]
                })
                .collect(),
        }
    }

    fn cells(&self, summary: &Summary) -> Vec<String> {
        match &summary.detail {
            Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => options
                .iter()
                .map(|o| match o.share {
                    Some(s) => format!("{} ({})", o.count, percent(self.lang, s)),
                    None => o.count.to_string(),
                })
                .collect(),
            Detail::Numeric { values, .. } => statistics(self.lang, values.as_ref()),
            Detail::Text => Vec::new(),
        }
    }

    fn finding(&self, q: &QuestionSummary) -> Finding {
        let lang = self.lang;
        let question = self.names.question(&q.code);
        let overall = &q.overall;
        let (chart, table, columns) = match &overall.detail {
            Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => {
                let table = self.option_table(&q.code, options);
                let columns = options.iter().map(|o| self.names.choice(&q.code, &o.code)).collect();
                let chart = Figure {
                    name: format!("q-{}", q.code),
                    alt: translate(lang, "pub-chart-shares", &[("question", question.clone().into())]),
                    svg: charts::bars(&question, &self.names.bars(&q.code, options)),
                };
                (Some(chart), table, columns)
            }
            Detail::Numeric { values, per_100k, unit } => {
                let plain = statistics(lang, values.as_ref());
                let per = statistics(lang, per_100k.as_ref());
                let unit_name = t(lang, &format!("unit-{unit}"));
                let value_heading =
                    if unit_name.starts_with("unit-") { t(lang, "pub-value") } else { unit_name.clone() };
                let mut columns = vec![t(lang, "pub-statistic"), value_heading];
                if per_100k.is_some() {
                    columns.push(t(lang, "results-per-100k"));
                }
                let rows = STATISTICS
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let mut row = vec![t(lang, &format!("results-stat-{s}")), plain[i].clone()];
                        if per_100k.is_some() {
                            row.push(per[i].clone());
                        }
                        row
                    })
                    .collect();
                let chart = values.as_ref().filter(|n| n.n >= 5).map(|n| {
                    let d = |x: f64| decimal(lang, x, 1);
                    Figure {
                        name: format!("q-{}", q.code),
                        alt: translate(
                            lang,
                            "pub-chart-distribution",
                            &[("question", question.clone().into())],
                        ),
                        svg: charts::distribution(
                            &question,
                            n.min,
                            n.q1,
                            n.median,
                            n.q3,
                            n.max,
                            [&d(n.min), &d(n.q1), &d(n.median), &d(n.q3), &d(n.max)],
                        ),
                    }
                });
                let table = Table { caption: String::new(), columns, rows };
                let columns = STATISTICS.iter().map(|s| t(lang, &format!("results-stat-{s}"))).collect();
                (chart, table, columns)
            }
            Detail::Text => (None, Table::default(), Vec::new()),
        };
        let breakdowns = if matches!(overall.detail, Detail::Text) {
            Vec::new()
        } else {
            q.breakdowns
                .iter()
                .map(|b| {
                    let mut heading =
                        vec![t(lang, &format!("results-dimension-{}", b.dimension)), t(lang, "pub-answered")];
                    heading.extend_from_slice(&columns);
                    Table {
                        caption: t(lang, &format!("results-dimension-{}", b.dimension)),
                        columns: heading,
                        rows: b
                            .groups
                            .iter()
                            .map(|g| {
                                let mut row = vec![
                                    self.names.group(&b.dimension, &g.group),
                                    format!("{} / {}", g.summary.answering, g.summary.invited),
                                ];
                                row.extend(self.cells(&g.summary));
                                row
                            })
                            .collect(),
                    }
                })
                .collect()
        };
        Finding {
            code: q.code.clone(),
            headline: self.names.headline(q),
            answered: self.answered(overall),
            question,
            chart,
            table: Table { caption: t(lang, "pub-chart-data"), ..table },
            breakdowns,
        }
    }

    fn cited(&self, items: &[CitedItem], kind: &str, limit: usize) -> Vec<Cited> {
        items
            .iter()
            .filter(|c| c.kind == kind)
            .take(limit)
            .map(|c| Cited {
                category: self.names.category(&c.category),
                cities: c.cities,
                share: share_text(self.lang, c.share),
                interval: interval_text(self.lang, c.low, c.high),
                importance: c.mean_importance.map_or(String::new(), |m| decimal(self.lang, m, 1)),
            })
            .collect()
    }

    fn practice(&self, p: &Practice) -> PracticeView {
        let lang = self.lang;
        let ((title, title_fallback), (summary, summary_fallback)) = (p.title.get(lang), p.summary.get(lang));
        let shown_in = (title_fallback || summary_fallback).then(|| {
            let original = p.title.original;
            translate(
                lang,
                "pub-practice-shown-in",
                &[("language", t(lang, &format!("language-{}", original.code())).into())],
            )
        });
        PracticeView {
            id: p.id.clone(),
            href: format!("/practices/{}", p.id),
            title: title.to_string(),
            summary: summary.to_string(),
            shown_in,
            city_id: p.city.to_string(),
            city: self.city_name(p.city.as_str()),
            axis_code: p.axis.clone(),
            axis: self.names.axis(&p.axis),
            sdgs: p.sdgs.iter().map(|g| self.sdg(*g, 0)).collect(),
            sdg_codes: p.sdgs.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "),
        }
    }

    fn sdg(&self, goal: u8, count: usize) -> SdgLink {
        SdgLink { goal, name: t(self.lang, &format!("sdg-{goal}")), count }
    }

    fn trend(&self, tr: &smartcities_analysis::Trend) -> TrendView {
        let lang = self.lang;
        let yes = |shares: &[Share]| {
            shares.iter().find(|s| s.code == "yes").map_or(String::new(), |s| share_text(lang, s.share))
        };
        let (then, now) = match (tr.then_median, tr.now_median) {
            (Some(a), Some(b)) => (decimal(lang, a, 1), decimal(lang, b, 1)),
            _ => (yes(&tr.then), yes(&tr.now)),
        };
        TrendView {
            question: self.names.question(&tr.code),
            earlier: tr.earlier_edition,
            then,
            now,
            paired: translate(
                lang,
                "results-paired",
                &[("cities", count(tr.paired.cities)), ("unchanged", count(tr.paired.unchanged))],
            ),
        }
    }

    fn axes(&self, practices: &[PracticeView]) -> Vec<AxisView> {
        let lang = self.lang;
        let results = &self.snapshot.results;
        // The framework's axes in order, then any other group questions were asked in.
        let mut codes: Vec<String> =
            self.snapshot.framework.axes.iter().map(|a| a.code.to_string()).collect();
        for q in &results.questions {
            if !codes.contains(&q.axis) {
                codes.push(q.axis.clone());
            }
        }
        let be = &results.barriers_enablers;
        codes
            .into_iter()
            .filter_map(|code| {
                let questions: Vec<&QuestionSummary> =
                    results.questions.iter().filter(|q| q.axis == code).collect();
                let axis_practices: Vec<PracticeView> =
                    practices.iter().filter(|p| p.axis_code == code).cloned().collect();
                if questions.is_empty() && axis_practices.is_empty() {
                    return None;
                }
                let name = self.names.axis(&code);
                let yes_bars: Vec<Bar> = questions
                    .iter()
                    .filter(|q| q.kind == "yes_no")
                    .filter_map(|q| {
                        let Detail::Shares { options } = &q.overall.detail else { return None };
                        let yes = options.iter().find(|o| o.code == "yes")?;
                        Some(Bar {
                            label: self.names.question(&q.code),
                            count: yes.count,
                            share: yes.share,
                            interval: yes.low.zip(yes.high),
                            value: share_text(lang, yes.share),
                        })
                    })
                    .collect();
                let overview = (!yes_bars.is_empty()).then(|| {
                    let title = translate(lang, "pub-axis-overview", &[("axis", name.clone().into())]);
                    Figure {
                        name: format!("axis-{code}"),
                        alt: title.clone(),
                        svg: charts::bars(&title, &yes_bars),
                    }
                });
                let items = be.by_axis.iter().find(|(a, _)| *a == code).map_or(&[][..], |(_, items)| items);
                let mut sdgs: Vec<SdgLink> = results
                    .sdg_matrix
                    .cells
                    .iter()
                    .filter(|c| c.axis == code && c.total() > 0)
                    .map(|c| self.sdg(c.goal, c.total()))
                    .collect();
                sdgs.sort_by(|a, b| b.count.cmp(&a.count).then(a.goal.cmp(&b.goal)));
                let trends = results
                    .trends
                    .iter()
                    .filter(|tr| questions.iter().any(|q| q.code == tr.code))
                    .map(|tr| self.trend(tr))
                    .collect();
                let key_findings = self.axis_findings(&code);
                Some(AxisView {
                    intro: translate(
                        lang,
                        "pub-axis-intro",
                        &[
                            ("questions", count(questions.len())),
                            ("practices", count(axis_practices.len())),
                            ("axis", name.clone().into()),
                        ],
                    ),
                    code: code.clone(),
                    name,
                    overview,
                    findings: questions.iter().map(|q| self.finding(q)).collect(),
                    trends,
                    practices: axis_practices,
                    barriers: self.cited(items, "barrier", 5),
                    enablers: self.cited(items, "enabler", 5),
                    key_findings,
                    sdgs,
                })
            })
            .collect()
    }

    fn city(&self, city: &City, practices: &[PracticeView]) -> CityView {
        let lang = self.lang;
        let answers = self.snapshot.answers_of(&city.id);
        let profile = smartcities_analysis::city_profile(&self.snapshot.results, city, answers);
        let mut axes: Vec<(String, Vec<Beside>)> = Vec::new();
        let mut highlights = Vec::new();
        let mut peers = Vec::new();
        let mut scores = Vec::new();
        if let Some(profile) = &profile {
            for a in &profile.answers {
                let shown = |x: Option<f64>| match (a.kind.as_str(), x) {
                    ("numeric", Some(m)) => {
                        translate(lang, "results-median", &[("value", decimal(lang, m, 1).into())])
                    }
                    (_, x) => share_text(lang, x),
                };
                let row = Beside {
                    question: self.names.question(&a.code),
                    answer: self.names.answer(&a.code, &a.answer),
                    all: shown(a.all),
                    section: shown(a.section),
                };
                let axis = self.names.axis(&a.axis);
                match axes.last_mut() {
                    Some((name, rows)) if *name == axis => rows.push(row),
                    _ => axes.push((axis, vec![row])),
                }
            }
            highlights = profile
                .highlights
                .iter()
                .filter_map(|h| sentences::highlight(&self.names, &city.name, h))
                .take(6)
                .collect();
            peers = profile.peers.iter().map(|p| (p.city.clone(), self.city_name(&p.city))).collect();
            if self.snapshot.public_scores() {
                scores = self.scores_of(city.id.as_str(), profile);
            }
        }
        let population = if city.population.count > 0 {
            match city.population.year {
                Some(year) => format!("{} ({year})", integer(lang, city.population.count as i64)),
                None => integer(lang, city.population.count as i64),
            }
        } else {
            String::new()
        };
        CityView {
            id: city.id.to_string(),
            name: city.name.clone(),
            country: city.country.name(lang).to_string(),
            section: t(lang, &format!("section-{}", city.section.slug())),
            population,
            metropolis: t(lang, if city.metropolis { "pub-yes" } else { "pub-no" }),
            highlights,
            axes,
            peers,
            practices: practices.iter().filter(|p| p.city_id == city.id.as_str()).cloned().collect(),
            scores,
        }
    }

    /// One value per axis: the composite index's where the edition has one, else the
    /// scoring rule's level. Never both, so a city never shows two figures for one axis.
    fn scores_of(&self, city: &str, profile: &smartcities_analysis::CityProfile) -> Vec<(String, String)> {
        let lang = self.lang;
        let score = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |x| decimal(lang, x, 0));
        if let Some(index) = &self.snapshot.results.composite {
            let Some(row) = index.cities.iter().find(|c| c.city == city) else { return Vec::new() };
            let mut scores: Vec<(String, String)> =
                index.axes.iter().zip(&row.axes).map(|(a, s)| (self.names.axis(a), score(*s))).collect();
            let range = match (row.score_5, row.score_95) {
                (Some(l), Some(h)) => format!(" ({}–{})", decimal(lang, l, 0), decimal(lang, h, 0)),
                _ => String::new(),
            };
            scores.push((t(lang, "pub-overall"), format!("{}{range}", score(row.score))));
            return scores;
        }
        if self.snapshot.edition.scoring.is_some() {
            return profile
                .axis_profile
                .iter()
                .map(|(axis, level)| (self.names.axis(axis), score(level.map(|l| l * 100.0))))
                .collect();
        }
        Vec::new()
    }

    fn scores(&self, cities: &[CityView]) -> Option<ScoresView> {
        if !self.snapshot.public_scores() {
            return None;
        }
        let lang = self.lang;
        let (description, axes) = if let Some(index) = &self.snapshot.results.composite {
            let description = self
                .snapshot
                .edition
                .index
                .as_ref()
                .map_or(String::new(), |r| r.description.get(lang).to_string());
            let mut axes: Vec<String> = index.axes.iter().map(|a| self.names.axis(a)).collect();
            axes.push(t(lang, "pub-overall"));
            (description, axes)
        } else if let Some(rule) = &self.snapshot.edition.scoring {
            let axes =
                cities.iter().find(|c| !c.scores.is_empty())?.scores.iter().map(|(a, _)| a.clone()).collect();
            (rule.description.get(lang).to_string(), axes)
        } else {
            return None;
        };
        let mut columns = vec![t(lang, "pub-city")];
        columns.extend(axes);
        // By name, whatever the scores: the study is not a ranking.
        let rows = cities
            .iter()
            .filter(|c| !c.scores.is_empty())
            .map(|c| std::iter::once(c.name.clone()).chain(c.scores.iter().map(|(_, s)| s.clone())).collect())
            .collect();
        Some(ScoresView { description, columns, rows })
    }

    /// The yes/no questions of an axis with a share of yes to draft from, highest first.
    fn yes_shares(&self, axis: &str) -> Vec<(&QuestionSummary, ShareFact)> {
        let mut yes: Vec<(&QuestionSummary, ShareFact)> = self
            .snapshot
            .results
            .questions
            .iter()
            .filter(|q| q.axis == axis && q.kind == "yes_no")
            .filter_map(|q| match &q.overall.detail {
                Detail::Shares { options } => options
                    .iter()
                    .find(|o| o.code == "yes")
                    .and_then(|o| o.share)
                    .and_then(|s| ShareFact::new(s, q.overall.answering))
                    .map(|fact| (q, fact)),
                _ => None,
            })
            .collect();
        yes.sort_by(|a, b| b.1.share.total_cmp(&a.1.share).then(a.0.code.cmp(&b.0.code)));
        yes
    }

    /// The most and the least widespread of an axis, as sentences that state their figure
    /// (the axis is named by the page or slide they appear on).
    fn axis_findings(&self, code: &str) -> Vec<String> {
        let yes = self.yes_shares(code);
        let sentence = |(q, fact): &(&QuestionSummary, ShareFact)| {
            sentences::spread(self.lang, *fact, &sentences::predicate(&self.names, &q.code))
        };
        let mut out: Vec<String> = yes.first().map(sentence).into_iter().collect();
        if yes.len() > 1
            && let Some(last) = yes.last()
        {
            out.push(sentence(last));
        }
        out
    }

    fn key_findings(&self, axes: &[AxisView]) -> Vec<String> {
        let lang = self.lang;
        let results = &self.snapshot.results;
        let mut out = vec![self.participation()];
        out.extend(axes.iter().flat_map(|a| {
            a.key_findings.iter().map(|finding| {
                translate(
                    lang,
                    "sentence-axis",
                    &[("axis", a.name.clone().into()), ("finding", finding.clone().into())],
                )
            })
        }));
        let be = &results.barriers_enablers;
        for (kind, key) in [("barrier", "pub-kf-barrier"), ("enabler", "pub-kf-enabler")] {
            if let Some(item) = be.overall.iter().find(|c| c.kind == kind && c.share.is_some()) {
                out.push(translate(
                    lang,
                    key,
                    &[
                        ("category", self.names.category(&item.category).into()),
                        ("share", share_text(lang, item.share).into()),
                    ],
                ));
            }
        }
        if let Some(sdg) = self.top_sdg() {
            out.push(sdg);
        }
        out
    }

    fn top_sdg(&self) -> Option<String> {
        let lang = self.lang;
        let linking = &self.snapshot.results.sdg_matrix.cities_linking;
        let top =
            linking.iter().filter(|s| s.cities > 0).max_by_key(|s| (s.cities, std::cmp::Reverse(s.goal)))?;
        Some(translate(
            lang,
            "pub-kf-sdg",
            &[
                ("goal", count(top.goal as usize)),
                ("name", t(lang, &format!("sdg-{}", top.goal)).into()),
                ("cities", count(top.cities)),
            ],
        ))
    }

    /// The conclusions as the data suggest them, in paragraphs.
    fn conclusions(&self, axes: &[AxisView], practices: usize) -> Vec<String> {
        let lang = self.lang;
        let results = &self.snapshot.results;
        let mut out = vec![translate(
            lang,
            "pub-conclusion-participation",
            &[("answering", count(results.answering)), ("countries", count(self.countries()))],
        )];
        // Only what the qualifier is true of: "most" above 50 %, "few" below 25 %.
        let item = |axis: &AxisView, (q, fact): &(&QuestionSummary, ShareFact), wanted| {
            let predicate = sentences::predicate(&self.names, &q.code);
            sentences::listed(lang, *fact, &predicate, wanted).map(|listed| {
                translate(
                    lang,
                    "sentence-axis",
                    &[("axis", axis.name.clone().into()), ("finding", listed.into())],
                )
            })
        };
        let mut widespread = Vec::new();
        let mut rare = Vec::new();
        for axis in axes {
            let yes = self.yes_shares(&axis.code);
            widespread.extend(yes.first().and_then(|top| item(axis, top, Quantity::Most)));
            if yes.len() > 1 {
                rare.extend(yes.last().and_then(|last| item(axis, last, Quantity::Few)));
            }
        }
        if !widespread.is_empty() {
            out.push(translate(lang, "pub-conclusion-widespread", &[("list", widespread.join("; ").into())]));
        }
        if !rare.is_empty() {
            out.push(translate(lang, "pub-conclusion-rare", &[("list", rare.join("; ").into())]));
        }
        let be = &results.barriers_enablers;
        let top = |kind: &str| {
            be.overall
                .iter()
                .filter(|c| c.kind == kind && c.share.is_some())
                .take(3)
                .map(|c| format!("{} ({})", self.names.category(&c.category), share_text(lang, c.share)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (barriers, enablers) = (top("barrier"), top("enabler"));
        if !barriers.is_empty() || !enablers.is_empty() {
            out.push(translate(
                lang,
                "pub-conclusion-barriers",
                &[("barriers", barriers.into()), ("enablers", enablers.into())],
            ));
        }
        if let Some(sdg) = self.top_sdg() {
            out.push(sdg);
        }
        out.push(translate(lang, "pub-conclusion-close", &[("practices", count(practices))]));
        out
    }

    fn participation(&self) -> String {
        let results = &self.snapshot.results;
        translate(
            self.lang,
            "pub-participation",
            &[
                ("answering", count(results.answering)),
                ("invited", count(results.invited)),
                ("countries", count(self.countries())),
            ],
        )
    }

    fn countries(&self) -> usize {
        let mut countries: Vec<&str> = self.snapshot.answering().iter().map(|c| c.country.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        countries.len()
    }

    fn method(&self) -> Vec<String> {
        let lang = self.lang;
        let s = self.snapshot;
        let mut out = vec![
            translate(
                lang,
                "pub-method-collect",
                &[
                    ("invited", count(s.results.invited)),
                    ("answering", count(s.results.answering)),
                    ("questions", count(s.results.questions.len())),
                ],
            ),
            t(lang, "pub-method-shares"),
            t(lang, "pub-method-breakdowns"),
            translate(lang, "pub-method-practices", &[("practices", count(s.practices().len()))]),
            translate(lang, "pub-method-workshops", &[("workshops", count(s.workshops.len()))]),
        ];
        if !s.results.trends.is_empty() {
            out.push(translate(lang, "pub-method-trends", &[("questions", count(s.results.trends.len()))]));
        }
        out.push(if s.public_scores() {
            t(lang, "pub-method-scores")
        } else {
            t(lang, "pub-method-no-scores")
        });
        out
    }
}

/// The conclusions drafted from the findings, for the secretariat to edit before publishing:
/// paragraphs separated by a blank line.
pub fn draft_conclusions(snapshot: &Snapshot, lang: Lang) -> String {
    let builder = Builder {
        lang,
        snapshot,
        names: Names { lang, framework: &snapshot.framework, questionnaire: &snapshot.questionnaire },
    };
    let practices: Vec<PracticeView> = snapshot.practices().iter().map(|p| builder.practice(p)).collect();
    let axes = builder.axes(&practices);
    builder.conclusions(&axes, practices.len()).join("\n\n")
}

/// The edition's view in one language. `version` and `published_on` (`YYYY-MM-DD`) are those
/// of the version being made.
pub fn edition_view(
    snapshot: &Snapshot,
    lang: Lang,
    version: u32,
    published_on: &str,
    content_hash: &str,
) -> EditionView {
    let names = Names { lang, framework: &snapshot.framework, questionnaire: &snapshot.questionnaire };
    let builder = Builder { lang, snapshot, names };
    let results = &snapshot.results;
    let practices: Vec<PracticeView> = snapshot.practices().iter().map(|p| builder.practice(p)).collect();
    let axes = builder.axes(&practices);
    let mut answering: Vec<&City> = snapshot.answering();
    answering.sort_by(|a, b| a.name.cmp(&b.name));
    let cities: Vec<CityView> = answering.iter().map(|c| builder.city(c, &practices)).collect();
    let be = &results.barriers_enablers;
    let barriers = builder.cited(&be.overall, "barrier", 10);
    let enablers = builder.cited(&be.overall, "enabler", 10);
    let bar_rows: Vec<Bar> = be
        .overall
        .iter()
        .take(12)
        .map(|c| Bar {
            label: format!(
                "{} · {}",
                names.category(&c.category),
                t(lang, &format!("workshop-kind-{}", c.kind))
            ),
            count: c.cities,
            share: c.share,
            interval: c.low.zip(c.high),
            value: share_text(lang, c.share),
        })
        .collect();
    let barriers_chart = (!bar_rows.is_empty()).then(|| {
        let title = t(lang, "pub-barriers-chart");
        Figure { name: "barriers-enablers".into(), alt: title.clone(), svg: charts::bars(&title, &bar_rows) }
    });
    let matrix = &results.sdg_matrix;
    let heat_rows: Vec<(String, [usize; 17])> = axes
        .iter()
        .map(|a| {
            let mut cells = [0; 17];
            for c in matrix.cells.iter().filter(|c| c.axis == a.code && (1..=17).contains(&c.goal)) {
                cells[c.goal as usize - 1] += c.total();
            }
            (a.name.clone(), cells)
        })
        .filter(|(_, cells)| cells.iter().any(|c| *c > 0))
        .collect();
    let sdg_chart = (!heat_rows.is_empty()).then(|| {
        let title = t(lang, "pub-sdg-chart");
        Figure { name: "sdg-matrix".into(), alt: title.clone(), svg: charts::heatmap(&title, &heat_rows) }
    });
    let sdg_table = Table {
        caption: t(lang, "results-linking"),
        columns: vec![
            t(lang, "pub-sdg"),
            t(lang, "pub-cities"),
            t(lang, "pub-share"),
            t(lang, "pub-interval"),
        ],
        rows: matrix
            .cities_linking
            .iter()
            .filter(|s| s.cities > 0)
            .map(|s| {
                vec![
                    format!("{} · {}", s.goal, t(lang, &format!("sdg-{}", s.goal))),
                    s.cities.to_string(),
                    share_text(lang, s.share),
                    interval_text(lang, s.low, s.high),
                ]
            })
            .collect(),
    };
    let markers: Vec<map::Marker> = answering
        .iter()
        .map(|c| map::Marker {
            id: c.id.as_str(),
            name: &c.name,
            longitude: c.location.longitude,
            latitude: c.location.latitude,
        })
        .collect();
    let countries: std::collections::HashSet<&str> = answering.iter().map(|c| c.country.as_str()).collect();
    let map_title = t(lang, "pub-map-title");
    let participation = builder.participation();
    let map = Figure {
        name: "map".into(),
        alt: participation.clone(),
        svg: map::render(&map_title, &participation, &markers, &countries),
    };
    let workshops = snapshot
        .workshops
        .iter()
        .map(|w| WorkshopView {
            held_on: w.held_on.clone(),
            language: w.language.endonym().to_string(),
            dynamics: w.dynamics.clone(),
            participants: w
                .participants
                .iter()
                .map(|c| builder.city_name(c.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            outputs: w
                .outputs
                .iter()
                .map(|o| {
                    (
                        t(lang, &format!("workshop-kind-{}", o.kind)),
                        o.axis.as_deref().map(|a| names.axis(a)).unwrap_or_default(),
                        o.sdgs.join(", "),
                        o.note.clone(),
                    )
                })
                .collect(),
        })
        .collect();
    let focus = match &snapshot.edition.focus {
        Focus::Holistic => t(lang, "focus-holistic"),
        Focus::Axis(axis) => {
            translate(lang, "focus-axis", &[("axis", t(lang, &format!("axis-{}", axis.slug())).into())])
        }
        Focus::Theme(theme) => t(lang, &format!("theme-{theme}")),
    };
    let conclusions = match &snapshot.texts.conclusions {
        Some(text) if !text.get(lang).trim().is_empty() => paragraphs(text.get(lang)),
        _ => builder.conclusions(&axes, practices.len()),
    };
    let scores = builder.scores(&cities);
    let provisional = snapshot.provisional.then(|| {
        translate(
            lang,
            "pub-provisional-note",
            &[("answering", (results.answering as i64).into()), ("invited", (results.invited as i64).into())],
        )
    });
    let mut changes = Vec::new();
    if let Some(previous) = &snapshot.previous {
        changes.push(translate(
            lang,
            "pub-changes-auto",
            &[
                ("version", (previous.version as i64).into()),
                ("before", (previous.answering as i64).into()),
                ("now", (results.answering as i64).into()),
            ],
        ));
    }
    if let Some(text) = &snapshot.texts.changes {
        changes.extend(paragraphs(text.get(lang)));
    }
    EditionView {
        provisional,
        changes,
        lang: lang.code(),
        labels: labels(lang),
        year: snapshot.edition.year.get(),
        version,
        published_on: long_date(lang, published_on),
        title: snapshot.edition.title.get(lang).to_string(),
        study: t(lang, "site-title"),
        network: t(lang, "site-tagline"),
        focus,
        participation,
        answering: results.answering,
        invited: results.invited,
        foreword: snapshot.texts.foreword.as_ref().map(|f| paragraphs(f.get(lang))).unwrap_or_default(),
        conclusions,
        key_findings: builder.key_findings(&axes),
        method: builder.method(),
        practices,
        barriers,
        enablers,
        barriers_chart,
        sdg_chart,
        sdg_table,
        cities,
        map,
        workshops,
        scores,
        method_version: results.method_version.clone(),
        content_hash: content_hash.to_string(),
        axes,
    }
}

/// The line naming a version on every page and document: its number and day, and that its
/// findings are provisional when they are.
pub fn version_line(view: &EditionView, lang: Lang) -> String {
    let line = translate(
        lang,
        "pub-version",
        &[("version", (view.version as i64).into()), ("date", view.published_on.clone().into())],
    );
    match &view.provisional {
        Some(_) => format!("{line} · {}", t(lang, "pub-provisional-short")),
        None => line,
    }
}
