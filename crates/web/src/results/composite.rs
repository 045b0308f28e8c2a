//! The edition's composite index on the results page: profiles with intervals, by city name.

use serde::Serialize;
use smartcities_domain::{Edition, Lang};
use smartcities_publish::{charts, names::Names};

use super::{number, percent, score_interval, score_text};
use crate::{AppState, i18n::t, page::PageError};

/// The edition's composite index as profiles: a score per axis and overall, with the interval
/// the uncertain choices leave; cities in name order unless the edition shows rankings.
#[derive(Serialize)]
pub(super) struct CompositeView {
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

pub(super) async fn composite_view(
    state: &AppState,
    lang: Lang,
    edition: &Edition,
    names: &Names<'_>,
    index: &smartcities_app::findings::CompositeIndex,
) -> Result<CompositeView, PageError> {
    let registry = state.app.cities(&smartcities_app::CityFilter::default()).await?;
    let name = |id: &str| {
        registry
            .iter()
            .find(|c| c.id.as_str() == id)
            .map_or(id.to_string(), |c| c.name_in(names.lang).to_string())
    };
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
