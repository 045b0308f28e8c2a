//! Searching the catalogue: words, facets with counts, chosen filters, pages.

use axum::{
    extract::{Query, State},
    http::Uri,
};
use serde::Serialize;
use smartcities_app::catalogue::Found;

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    i18n::{Negotiated, t},
    page::{Ctx, PageResult, refused, render_page},
};

#[derive(Serialize)]
pub(super) struct FacetValue {
    label: String,
    count: u64,
    href: String,
    chosen: bool,
}

#[derive(Serialize)]
pub(super) struct FacetView {
    dimension: &'static str,
    title: String,
    values: Vec<FacetValue>,
}

#[derive(Serialize)]
pub(super) struct ChosenFilter {
    label: String,
    href: String,
}

pub(super) fn chosen_value<'p>(params: &'p SearchParams, dimension: &str) -> Option<&'p str> {
    let value = match dimension {
        "axis" => &params.axis,
        "sub_area" => &params.sub_area,
        "sdg" => &params.sdg,
        "section" => &params.section,
        "band" => &params.band,
        "edition" => &params.edition,
        "budget" => &params.budget,
        "status" => &params.status,
        _ => return None,
    };
    value.as_deref().filter(|v| !v.is_empty())
}

/// `GET /practices`: search the catalogue.
pub async fn list(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Query(params): Query<SearchParams>,
) -> PageResult {
    let user = viewer.0.as_ref().map(|s| &s.user);
    let found =
        state.app.search_practices(user, params.search(lang, PER_PAGE)).await.map_err(refused(lang))?;
    let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
    let staff = viewer.app().is_staff();

    #[derive(Serialize)]
    struct ListPage {
        q: String,
        newest: bool,
        total: usize,
        hits: Vec<CardView>,
        facets: Vec<FacetView>,
        chosen: Vec<ChosenFilter>,
        clear_href: String,
        page: usize,
        pages: usize,
        previous: Option<String>,
        next: Option<String>,
        propose_city: Option<String>,
        hidden: Vec<(&'static str, String)>,
    }
    let facets = facet_views(&found, &params, &labels, staff);
    let chosen = smartcities_app::catalogue::DIMENSIONS
        .iter()
        .filter_map(|d| {
            let value = chosen_value(&params, d)?;
            let label = format!(
                "{} {}",
                crate::i18n::with_colon(lang, &t(lang, &format!("practices-facet-{d}"))),
                labels.value(d, value)
            );
            Some(ChosenFilter { label, href: params.with(d, None) })
        })
        .collect();
    let page = params.search(lang, PER_PAGE).page;
    let pages = found.total.div_ceil(PER_PAGE).max(1);
    let at_page = |n: usize| format!("{}&page={n}", params.with("page", None));
    let hidden = smartcities_app::catalogue::DIMENSIONS
        .iter()
        .filter_map(|d| chosen_value(&params, d).map(|v| (*d, v.to_string())))
        .collect();
    let body = ListPage {
        q: params.q.clone().unwrap_or_default(),
        newest: params.order.as_deref() == Some("newest"),
        total: found.total,
        hits: found.hits.iter().map(|h| card_view(&labels, &h.card, h.snippet_html.clone(), &[])).collect(),
        facets,
        chosen,
        clear_href: format!("/practices?q={}", encode(params.q.as_deref().unwrap_or(""))),
        previous: (page > 1).then(|| at_page(page - 1)),
        next: (page < pages).then(|| at_page(page + 1)),
        page,
        pages,
        propose_city: user
            .and_then(|u| u.city.as_ref().filter(|c| smartcities_app::policy::may_propose_practice(u, c)))
            .map(|c| c.to_string()),
        hidden,
    };
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "practices.html", "practices", body)
        .await
}

/// The facets in the order pages show them (axis, sub-area, SDG first), those with values only.
pub(super) fn facet_views(
    found: &Found,
    params: &SearchParams,
    labels: &Labels,
    staff: bool,
) -> Vec<FacetView> {
    smartcities_app::catalogue::DIMENSIONS
        .iter()
        .filter_map(|dimension| found.facets.get_key_value(dimension))
        .filter(|(dimension, values)| !values.is_empty() && (staff || **dimension != "status"))
        .map(|(dimension, values)| {
            let chosen = chosen_value(params, dimension);
            let mut values: Vec<FacetValue> = values
                .iter()
                .map(|(value, count)| FacetValue {
                    label: labels.value(dimension, value),
                    count: *count,
                    href: if chosen == Some(value.as_str()) {
                        params.with(dimension, None)
                    } else {
                        params.with(dimension, Some(value))
                    },
                    chosen: chosen == Some(value.as_str()),
                })
                .collect();
            if *dimension == "sdg" || *dimension == "edition" {
                values.sort_by_key(|v| {
                    v.label.split(' ').next().and_then(|n| n.parse::<u32>().ok()).unwrap_or(u32::MAX)
                });
            }
            FacetView { dimension, title: t(labels.lang, &format!("practices-facet-{dimension}")), values }
        })
        .collect()
}
