//! Coded free text as published: for each group of the codebook (barriers, enablers, trends,
//! technologies), the themes coders found in cities' written answers, each with the number of
//! cities whose answers raise it and their share of the answering cities. Only counts leave
//! the analysis: the answers themselves are never quoted.

use smartcities_analysis::{
    coding::{CategoryGroup, Codebook},
    stats::wilson,
};

use super::*;

/// One group of themes: its heading, its table and its chart.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeGroup {
    /// `barrier`, `enabler`, `trend` or `technology`.
    pub group: &'static str,
    /// Its heading.
    pub heading: String,
    /// The themes with their counts, most frequent first.
    pub table: Table,
    /// The same as bars.
    pub chart: Option<Figure>,
}

/// One theme as counted: what every output (page, document, open data) reads.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeCount {
    /// The group it belongs to.
    pub group: CategoryGroup,
    /// The category's code.
    pub code: String,
    /// The cities whose written answers raise it.
    pub cities: usize,
    /// The written answers coded with it.
    pub answers: usize,
    /// `cities` over the answering cities.
    pub share: Option<f64>,
    /// The share's 95 % Wilson interval.
    pub interval: Option<(f64, f64)>,
}

/// Every theme of the codebook that coders applied at least once, by group then most cities
/// first (ties by the codebook's order).
pub fn counts(codebook: &Codebook, results: &smartcities_analysis::Results) -> Vec<ThemeCount> {
    let n = results.answering;
    let mut rows: Vec<(usize, ThemeCount)> = codebook
        .categories
        .iter()
        .enumerate()
        .filter_map(|(order, category)| {
            let f = results.coding.iter().find(|f| f.code == category.code)?;
            (f.items > 0).then(|| {
                let share = (n > 0).then(|| f.cities as f64 / n as f64);
                let count = ThemeCount {
                    group: category.group,
                    code: category.code.clone(),
                    cities: f.cities,
                    answers: f.items,
                    share,
                    interval: wilson(f.cities, n, 1.96),
                };
                (order, count)
            })
        })
        .collect();
    rows.sort_by(|(oa, a), (ob, b)| a.group.cmp(&b.group).then(b.cities.cmp(&a.cities)).then(oa.cmp(ob)));
    rows.into_iter().map(|(_, c)| c).collect()
}

/// The groups of themes in one language, with a table and a chart each.
pub fn groups(snapshot: &Snapshot, lang: Lang) -> Vec<ThemeGroup> {
    let Some(codebook) = &snapshot.codebook else { return Vec::new() };
    let counts = counts(codebook, &snapshot.results);
    let label = |code: &str| {
        codebook
            .categories
            .iter()
            .find(|c| c.code == code)
            .map_or_else(|| code.to_string(), |c| c.label.get(lang).to_string())
    };
    CategoryGroup::ALL
        .iter()
        .filter_map(|group| {
            let rows: Vec<&ThemeCount> = counts.iter().filter(|c| c.group == *group).collect();
            if rows.is_empty() {
                return None;
            }
            let heading = t(lang, &format!("pub-themes-{}", group.slug()));
            let table = Table {
                caption: translate(
                    lang,
                    "pub-themes-caption",
                    &[("answering", count(snapshot.results.answering))],
                ),
                columns: vec![
                    t(lang, "pub-theme"),
                    t(lang, "pub-cities"),
                    t(lang, "pub-share"),
                    t(lang, "pub-interval"),
                    t(lang, "pub-theme-answers"),
                ],
                rows: rows
                    .iter()
                    .map(|c| {
                        vec![
                            label(&c.code),
                            integer(lang, c.cities as i64),
                            share_text(lang, c.share),
                            interval_text(lang, c.interval.map(|i| i.0), c.interval.map(|i| i.1)),
                            integer(lang, c.answers as i64),
                        ]
                    })
                    .collect(),
            };
            let bars: Vec<Bar> = rows
                .iter()
                .map(|c| Bar {
                    label: label(&c.code),
                    count: c.cities,
                    share: c.share,
                    interval: c.interval,
                    value: share_text(lang, c.share),
                })
                .collect();
            let chart = Figure::bars(
                lang,
                format!("themes-{}", group.slug()),
                heading.clone(),
                heading.clone(),
                &bars,
            );
            Some(ThemeGroup { group: group.slug(), heading, table, chart: Some(chart) })
        })
        .collect()
}
