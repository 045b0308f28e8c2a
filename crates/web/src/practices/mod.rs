//! The good-practice catalogue's pages: search with facets, a practice with its related ones and
//! versions, the forms a city proposes and edits a practice with, the secretariat's decision,
//! and the Atom feed of newly published practices.

mod city;
mod feed;
mod forms;
mod page;
mod pictures;
mod search;
mod synonyms;

pub(crate) use city::{CityPractices, city_practices};
pub use feed::feed;
pub use forms::{decide, edit, edit_form, propose, propose_form};
pub use page::show;
pub use pictures::{change as change_picture, show as picture};
pub use search::list;
pub use synonyms::{form as synonyms_form, save as save_synonyms};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use smartcities_app::AppError;
use smartcities_app::catalogue::{Card, Filters, Order, Reason, Search, Suggestion};
use smartcities_domain::{EditionYear, Lang, PracticeStatus, Written};
use smartcities_locale::FluentValue;

use crate::{
    AppState,
    i18n::{t, translate},
};

/// Hits per page on the site.
const PER_PAGE: usize = 20;

/// The search parameters of `/practices` and `/api/v1/practices`; values that do not parse
/// are ignored rather than refused, as in any search box.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct SearchParams {
    /// Words to find, in Spanish, English or French; accents optional.
    pub q: Option<String>,
    /// Study axis (`mobility`).
    pub axis: Option<String>,
    /// Framework sub-area code.
    pub sub_area: Option<String>,
    /// SDG, 1–17.
    pub sdg: Option<String>,
    /// UCLG section (`europe`).
    pub section: Option<String>,
    /// Population band (`250k_1m`).
    pub band: Option<String>,
    /// Edition year.
    pub edition: Option<String>,
    /// Budget range (`under_50k`).
    pub budget: Option<String>,
    /// Status (`draft`, `published`, `returned`); the secretariat's and analysts' only.
    pub status: Option<String>,
    /// `relevance` (the default) or `newest`.
    pub order: Option<String>,
    /// The page, from 1.
    pub page: Option<String>,
    /// The language of titles and snippets (`es`, `en`, `fr`).
    pub lang: Option<String>,
}

impl SearchParams {
    fn filters(&self) -> Filters {
        let text = |v: &Option<String>| {
            v.as_deref().map(str::trim).filter(|v| !v.is_empty() && v.len() <= 60).map(str::to_string)
        };
        Filters {
            axis: text(&self.axis),
            sub_area: text(&self.sub_area),
            sdg: self.sdg.as_deref().and_then(|v| v.trim().parse().ok()),
            section: text(&self.section),
            band: text(&self.band),
            edition: self.edition.as_deref().and_then(|v| EditionYear::parse(v.trim()).ok()),
            budget: text(&self.budget),
            status: text(&self.status),
            city: None,
        }
    }

    pub(crate) fn search(&self, lang: Lang, per_page: usize) -> Search {
        Search {
            words: self.q.clone().unwrap_or_default(),
            filters: self.filters(),
            lang,
            order: if self.order.as_deref() == Some("newest") { Order::Newest } else { Order::Relevance },
            page: self.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1).clamp(1, 10_000),
            per_page,
            visibility: smartcities_app::catalogue::Visibility::Public,
        }
    }

    /// The query string of these parameters with one changed (`None` removes it), page reset.
    fn with(&self, name: &str, value: Option<&str>) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let current = [
            ("q", &self.q),
            ("axis", &self.axis),
            ("sub_area", &self.sub_area),
            ("sdg", &self.sdg),
            ("section", &self.section),
            ("band", &self.band),
            ("edition", &self.edition),
            ("budget", &self.budget),
            ("status", &self.status),
            ("order", &self.order),
        ];
        for (key, v) in current {
            if key == name {
                continue;
            }
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                pairs.push((key, v.to_string()));
            }
        }
        if let Some(value) = value {
            pairs.push((name, value.to_string()));
        }
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("/practices?{}", query.join("&"))
    }
}

/// Percent-encodes a query value.
fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The names facet values and vocabularies show, in one language.
pub(crate) struct Labels {
    lang: Lang,
    sub_areas: HashMap<String, String>,
    /// The study axis each sub-area belongs to, where its framework maps it to one.
    sub_area_axes: HashMap<String, smartcities_domain::StudyAxis>,
}

impl Labels {
    /// Labels in `lang`, with sub-area names from the frameworks (the newest edition's first).
    pub(crate) async fn load(state: &AppState, lang: Lang) -> Result<Labels, AppError> {
        let mut sub_areas = HashMap::new();
        let mut sub_area_axes = HashMap::new();
        let mut editions = state.app.editions().await?;
        editions.sort_by_key(|e| std::cmp::Reverse(e.year));
        for edition in editions {
            if let Some((_, framework)) = state.app.framework(edition.year).await? {
                for axis in &framework.axes {
                    for sub_area in &axis.sub_areas {
                        sub_areas
                            .entry(sub_area.code.to_string())
                            .or_insert_with(|| sub_area.label.get(lang).to_string());
                        if let Some(study_axis) = axis.study_axis {
                            sub_area_axes.entry(sub_area.code.to_string()).or_insert(study_axis);
                        }
                    }
                }
            }
        }
        Ok(Labels { lang, sub_areas, sub_area_axes })
    }

    pub(crate) fn value(&self, dimension: &str, value: &str) -> String {
        let lang = self.lang;
        match dimension {
            "axis" => t(lang, &format!("axis-{value}")),
            "sub_area" => self.sub_areas.get(value).cloned().unwrap_or_else(|| value.to_string()),
            "sdg" => format!("{value} · {}", t(lang, &format!("sdg-{value}"))),
            "section" => t(lang, &format!("section-{value}")),
            "band" => t(lang, &format!("results-group-{value}")),
            "budget" => t(lang, &format!("practice-budget-{value}")),
            "status" => t(lang, &format!("practice-status-{value}")),
            _ => value.to_string(),
        }
    }

    fn reason(&self, reason: &Reason) -> String {
        let lang = self.lang;
        let s = |v: String| FluentValue::from(v);
        match reason {
            Reason::SubArea(code) => {
                translate(lang, "practice-reason-sub_area", &[("name", s(self.value("sub_area", code)))])
            }
            Reason::Axis(axis) => {
                translate(lang, "practice-reason-axis", &[("name", s(self.value("axis", axis)))])
            }
            Reason::Sdgs(goals) => {
                let goals: Vec<String> = goals.iter().map(|g| g.to_string()).collect();
                translate(lang, "practice-reason-sdgs", &[("goals", s(goals.join(", ")))])
            }
            Reason::Section(section) => {
                translate(lang, "practice-reason-section", &[("name", s(self.value("section", section)))])
            }
            Reason::Band(band) => {
                translate(lang, "practice-reason-band", &[("name", s(self.value("band", band)))])
            }
            Reason::Peer(city) => translate(lang, "practice-reason-peer", &[("city", s(city.clone()))]),
        }
    }
}

/// A practice as a list shows it.
#[derive(Serialize)]
pub(crate) struct CardView {
    id: String,
    title: String,
    /// The language the title is shown in, when it is not the page's.
    title_lang: Option<&'static str>,
    city: String,
    city_id: String,
    axis: String,
    sdgs: Vec<SdgView>,
    snippet_html: String,
    /// The language the summary is in, when it is not the page's.
    snippet_lang: Option<&'static str>,
    status: Option<String>,
    illustrative: bool,
    reasons: Vec<String>,
}

#[derive(Serialize)]
struct SdgView {
    goal: u8,
    name: String,
}

fn shown_lang(written: &Written, lang: Lang) -> Option<&'static str> {
    (written.exactly(lang).is_none()).then(|| written.original.code())
}

pub(crate) fn card_view(labels: &Labels, card: &Card, snippet_html: String, reasons: &[Reason]) -> CardView {
    let lang = labels.lang;
    CardView {
        id: card.id.to_string(),
        title: card.title.get(lang).0.to_string(),
        title_lang: shown_lang(&card.title, lang),
        city: card.city_name_in(lang).to_string(),
        city_id: card.city.to_string(),
        axis: labels.value("axis", &card.axis),
        sdgs: card.sdgs.iter().map(|g| SdgView { goal: *g, name: t(lang, &format!("sdg-{g}")) }).collect(),
        snippet_html,
        snippet_lang: shown_lang(&card.summary, lang),
        status: (card.status != PracticeStatus::Published)
            .then(|| t(lang, &format!("practice-status-{}", card.status.slug()))),
        illustrative: card.illustrative,
        reasons: reasons.iter().map(|r| labels.reason(r)).collect(),
    }
}

pub(crate) fn suggestion_views(labels: &Labels, suggestions: &[Suggestion]) -> Vec<CardView> {
    suggestions
        .iter()
        .map(|s| {
            let summary = s.card.summary.get(labels.lang).0;
            card_view(labels, &s.card, smartcities_app::catalogue::passage(summary, 200), &s.reasons)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{feed::xml_escape, *};

    #[test]
    fn facet_links_toggle_one_filter_and_keep_the_rest() {
        let params = SearchParams {
            q: Some("movilidad sostenible".into()),
            sdg: Some("11".into()),
            axis: Some("mobility".into()),
            ..SearchParams::default()
        };
        assert_eq!(params.with("sdg", None), "/practices?q=movilidad%20sostenible&axis=mobility");
        assert_eq!(
            params.with("sdg", Some("13")),
            "/practices?q=movilidad%20sostenible&axis=mobility&sdg=13"
        );
        let search = params.search(Lang::Es, 20);
        assert_eq!((search.filters.sdg, search.page), (Some(11), 1));
        let odd =
            SearchParams { sdg: Some("eleven".into()), page: Some("-3".into()), ..SearchParams::default() };
        assert_eq!((odd.search(Lang::En, 20).filters.sdg, odd.search(Lang::En, 20).page), (None, 1));
    }

    #[test]
    fn feed_text_is_escaped() {
        assert_eq!(xml_escape("Tom & <Jerry>\u{7}"), "Tom &amp; &lt;Jerry&gt;");
    }
}
