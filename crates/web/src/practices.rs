//! The good-practice catalogue's pages: search with facets, a practice with its related ones and
//! versions, the forms a city proposes and edits a practice with, the secretariat's decision,
//! and the Atom feed of newly published practices.

use std::collections::{BTreeMap, HashMap};

use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::catalogue::{Card, Filters, Found, Order, Reason, Search, Suggestion};
use smartcities_app::{
    AppError, Refusal,
    catalogue::{FIELDS, FieldProblem, PracticeDecision, form_values},
};
use smartcities_domain::{
    Actor, BudgetRange, CityId, EditionYear, Effort, Inequality, Lang, Practice, PracticeId, PracticeStatus,
    Stage, StudyAxis, Written,
};
use smartcities_locale::FluentValue;

use crate::{
    AppState,
    auth::{SignedIn, Viewer},
    form::{check_csrf, parse_form},
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
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
}

impl Labels {
    /// Labels in `lang`, with sub-area names from the frameworks (the newest edition's first).
    pub(crate) async fn load(state: &AppState, lang: Lang) -> Result<Labels, AppError> {
        let mut sub_areas = HashMap::new();
        let mut editions = state.app.editions().await?;
        editions.sort_by_key(|e| std::cmp::Reverse(e.year));
        for edition in editions {
            if let Some((_, framework)) = state.app.framework(edition.year).await? {
                for sub_area in framework.axes.iter().flat_map(|a| &a.sub_areas) {
                    sub_areas
                        .entry(sub_area.code.to_string())
                        .or_insert_with(|| sub_area.label.get(lang).to_string());
                }
            }
        }
        Ok(Labels { lang, sub_areas })
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
        city: card.city_name.clone(),
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

#[derive(Serialize)]
struct FacetValue {
    label: String,
    count: u64,
    href: String,
    chosen: bool,
}

#[derive(Serialize)]
struct FacetView {
    dimension: &'static str,
    title: String,
    values: Vec<FacetValue>,
}

#[derive(Serialize)]
struct ChosenFilter {
    label: String,
    href: String,
}

fn chosen_value<'p>(params: &'p SearchParams, dimension: &str) -> Option<&'p str> {
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
fn facet_views(found: &Found, params: &SearchParams, labels: &Labels, staff: bool) -> Vec<FacetView> {
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

/// A written text as a page shows it: in the reader's language when there is one, marked
/// when it is a translation or in another language.
#[derive(Serialize)]
struct TextView {
    text: String,
    lang: &'static str,
    note: Option<String>,
}

fn text_view(written: &Written, lang: Lang) -> TextView {
    let (text, translated) = written.get(lang);
    let language = |l: Lang| FluentValue::from(t(lang, &format!("language-{}", l.code())));
    let note = if translated {
        Some(translate(lang, "practice-translated-from", &[("language", language(written.original))]))
    } else if written.exactly(lang).is_none() {
        Some(translate(lang, "practice-written-in", &[("language", language(written.original))]))
    } else {
        None
    };
    let shown = if written.exactly(lang).is_some() { lang } else { written.original };
    TextView { text: text.to_string(), lang: shown.code(), note }
}

#[derive(Serialize)]
struct Row {
    label: String,
    value: String,
}

#[derive(Serialize)]
struct Section {
    title: String,
    texts: Vec<(String, TextView)>,
    rows: Vec<Row>,
}

/// The record's details, grouped as the page shows them.
fn sections(practice: &Practice, labels: &Labels) -> Vec<Section> {
    let lang = labels.lang;
    // Fields whose form label carries typing hints have a plainer one for reading.
    let label = |field: &str| match field {
        "targets" | "started" | "ended" | "technologies" => t(lang, &format!("practice-label-{field}")),
        _ => t(lang, &format!("practice-field-{field}")),
    };
    let texts = |items: &[(&str, Option<&Written>)]| {
        items
            .iter()
            .filter_map(|(field, w)| w.map(|w| (label(field), text_view(w, lang))))
            .collect::<Vec<_>>()
    };
    let mut rows = Vec::new();
    let mut row = |field: &str, value: String| {
        if !value.is_empty() {
            rows.push(Row { label: label(field), value });
        }
    };
    let join = |items: Vec<String>| items.join(", ");
    row("sub_area", practice.sub_area.as_deref().map(|s| labels.value("sub_area", s)).unwrap_or_default());
    row("targets", join(practice.targets.iter().map(|t| t.to_string()).collect()));
    row(
        "inequalities",
        join(
            practice
                .inequalities
                .iter()
                .map(|i| t(lang, &format!("practice-inequality-{}", i.slug())))
                .collect(),
        ),
    );
    row(
        "actors",
        join(practice.actors.iter().map(|a| t(lang, &format!("practice-actor-{}", a.slug()))).collect()),
    );
    row("technologies", practice.technologies.join(", "));
    row("started", practice.started.map(|d| d.to_string()).unwrap_or_default());
    row("ended", practice.ended.map(|d| d.to_string()).unwrap_or_default());
    row(
        "stage",
        practice.stage.map(|s| t(lang, &format!("practice-stage-{}", s.slug()))).unwrap_or_default(),
    );
    row(
        "budget",
        practice.budget.map(|b| t(lang, &format!("practice-budget-{}", b.slug()))).unwrap_or_default(),
    );
    row("funding", practice.funding.clone().unwrap_or_default());
    let about = Section {
        title: t(lang, "practice-about"),
        texts: texts(&[
            ("challenge", practice.challenge.as_ref()),
            ("objectives", practice.objectives.as_ref()),
            ("actions", practice.actions.as_ref()),
        ]),
        rows,
    };
    let results = Section {
        title: t(lang, "practice-results-heading"),
        texts: texts(&[("results", practice.results.as_ref()), ("lessons", practice.lessons.as_ref())]),
        rows: practice
            .indicators
            .iter()
            .map(|i| Row { label: i.name.clone(), value: i.value.clone() })
            .collect(),
    };
    let effort =
        |e: Option<Effort>| e.map(|e| t(lang, &format!("practice-effort-{}", e.slug()))).unwrap_or_default();
    let transfer = &practice.transferability;
    let transfer_rows = [("cost", effort(transfer.cost)), ("complexity", effort(transfer.complexity))]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(f, v)| Row { label: label(f), value: v })
        .collect();
    let transferability = Section {
        title: t(lang, "practice-transferability"),
        texts: texts(&[
            ("preconditions", transfer.preconditions.as_ref()),
            ("needs", transfer.needs.as_ref()),
        ]),
        rows: transfer_rows,
    };
    [about, results, transferability]
        .into_iter()
        .filter(|s| !s.texts.is_empty() || !s.rows.is_empty())
        .collect()
}

/// `GET /practices/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(id): Path<String>,
    Query(flash): Query<HashMap<String, String>>,
) -> PageResult {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let user = viewer.0.as_ref().map(|s| &s.user);
    let page = state.app.practice_page(user, &id).await.map_err(refused(lang))?;
    let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
    let practice = &page.stored.practice;

    #[derive(Serialize)]
    struct VersionView {
        line: String,
        comment: Option<String>,
    }
    #[derive(Serialize)]
    struct PracticePage {
        id: String,
        version: i64,
        title: TextView,
        summary: TextView,
        city: String,
        city_id: String,
        axis: String,
        sdg: SdgView,
        sdgs: Vec<SdgView>,
        editions: String,
        sections: Vec<Section>,
        links: Vec<String>,
        images: Vec<String>,
        contact: Option<String>,
        contact_email: Option<String>,
        illustrative: bool,
        status: Option<String>,
        returned_comment: Option<String>,
        consent: bool,
        related: Vec<CardView>,
        versions: Vec<VersionView>,
        may_edit: bool,
        may_decide: bool,
        flash: Option<String>,
    }
    let status_name = |s: PracticeStatus| t(lang, &format!("practice-status-{}", s.slug()));
    let returned_comment = (page.stored.status == PracticeStatus::Returned)
        .then(|| page.versions.iter().find_map(|v| v.comment.clone()))
        .flatten();
    let flash = ["saved", "proposed", "published", "returned"]
        .into_iter()
        .find(|k| flash.contains_key(*k))
        .map(|k| t(lang, &format!("practice-{k}-flash")));
    let body = PracticePage {
        id: practice.id.to_string(),
        version: page.stored.version,
        title: text_view(&practice.title, lang),
        summary: text_view(&practice.summary, lang),
        city: page.city.name.clone(),
        city_id: page.city.id.to_string(),
        axis: labels.value("axis", practice.axis.slug()),
        sdg: SdgView { goal: practice.sdg, name: t(lang, &format!("sdg-{}", practice.sdg)) },
        sdgs: practice
            .sdgs
            .iter()
            .filter(|g| **g != practice.sdg)
            .map(|g| SdgView { goal: *g, name: t(lang, &format!("sdg-{g}")) })
            .collect(),
        editions: practice.editions.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(", "),
        sections: sections(practice, &labels),
        links: practice.links.clone(),
        images: practice.images.clone(),
        contact: practice.contact.as_ref().map(|c| c.name.clone()).filter(|n| !n.is_empty()),
        contact_email: practice
            .contact
            .as_ref()
            .and_then(|c| c.email.as_ref())
            .map(|e| e.as_str().to_string()),
        illustrative: practice.illustrative,
        status: (page.stored.status != PracticeStatus::Published).then(|| status_name(page.stored.status)),
        returned_comment,
        consent: practice.consent,
        related: suggestion_views(&labels, &page.related),
        versions: page
            .versions
            .iter()
            .map(|v| VersionView {
                line: translate(
                    lang,
                    "practice-version-line",
                    &[
                        ("version", FluentValue::from(v.version)),
                        ("status", FluentValue::from(status_name(v.status))),
                        ("by", FluentValue::from(v.changed_by.clone())),
                        (
                            "at",
                            FluentValue::from(
                                v.changed_at.to_string().replace('T', " ").trim_end_matches('Z').to_string(),
                            ),
                        ),
                    ],
                ),
                comment: v.comment.clone(),
            })
            .collect(),
        may_edit: page.may_edit,
        may_decide: page.may_decide,
        flash,
    };
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "practice.html", "practices", body)
        .await
}

/// A choice of a form's pick list.
#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    chosen: bool,
}

/// What the practice form shows: the values typed (or stored), the choices, and the problems
/// beside their fields.
#[derive(Serialize)]
struct FormPage {
    heading: String,
    action: String,
    version: Option<i64>,
    writing_in: String,
    translating: Option<String>,
    values: BTreeMap<String, String>,
    labels: BTreeMap<String, String>,
    errors: BTreeMap<String, Vec<String>>,
    has_errors: bool,
    axes: Vec<Choice>,
    sub_areas: Vec<Choice>,
    sdgs: Vec<Choice>,
    other_sdgs: Vec<Choice>,
    inequalities: Vec<Choice>,
    actors: Vec<Choice>,
    stages: Vec<Choice>,
    budgets: Vec<Choice>,
    efforts_cost: Vec<Choice>,
    efforts_complexity: Vec<Choice>,
    consent: bool,
    cancel: String,
}

/// Where a practice form posts and what it is about.
struct FormTarget {
    heading: String,
    action: String,
    /// The version an edit starts from; none for a proposal.
    version: Option<i64>,
    /// The language the practice was written in, for an edit.
    original: Option<Lang>,
    cancel: String,
}

fn form_page(
    lang: Lang,
    labels: &Labels,
    target: FormTarget,
    values: BTreeMap<String, String>,
    many: &HashMap<String, Vec<String>>,
    problems: &[FieldProblem],
) -> FormPage {
    let FormTarget { heading, action, version, original, cancel } = target;
    let value = |name: &str| values.get(name).cloned().unwrap_or_default();
    let picked = |name: &str| many.get(name).cloned().unwrap_or_default();
    let choices = |name: &str, options: Vec<(String, String)>| -> Vec<Choice> {
        let current = value(name);
        options.into_iter().map(|(v, label)| Choice { chosen: v == current, value: v, label }).collect()
    };
    let checks = |name: &str, options: Vec<(String, String)>| -> Vec<Choice> {
        let current = picked(name);
        options
            .into_iter()
            .map(|(v, label)| Choice { chosen: current.contains(&v), value: v, label })
            .collect()
    };
    let vocabulary = |prefix: &str, slugs: Vec<&'static str>| -> Vec<(String, String)> {
        slugs.into_iter().map(|s| (s.to_string(), t(lang, &format!("{prefix}-{s}")))).collect()
    };
    let goals: Vec<(String, String)> =
        (1..=17).map(|g| (g.to_string(), format!("{g} · {}", t(lang, &format!("sdg-{g}"))))).collect();
    let mut sub_areas: Vec<(String, String)> = labels
        .sub_areas
        .iter()
        .filter(|(code, _)| !code.starts_with("sdgs_"))
        .map(|(c, l)| (c.clone(), l.clone()))
        .collect();
    sub_areas.sort_by(|a, b| a.1.cmp(&b.1));
    let language = |l: Lang| FluentValue::from(t(lang, &format!("language-{}", l.code())));
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in problems {
        errors.entry(p.field.clone()).or_default().push(p.message.clone());
    }
    FormPage {
        heading,
        action,
        version,
        writing_in: translate(lang, "practice-writing-in", &[("language", language(lang))]),
        translating: original.filter(|o| *o != lang).map(|o| {
            translate(
                lang,
                "practice-translating",
                &[("original", language(o)), ("language", language(lang))],
            )
        }),
        labels: FIELDS
            .iter()
            .chain(&["consent"])
            .map(|f| (f.to_string(), t(lang, &format!("practice-field-{f}"))))
            .collect(),
        has_errors: !errors.is_empty(),
        errors,
        axes: choices(
            "axis",
            StudyAxis::ALL
                .iter()
                .map(|a| (a.slug().to_string(), t(lang, &format!("axis-{}", a.slug()))))
                .collect(),
        ),
        sub_areas: choices("sub_area", sub_areas),
        sdgs: choices("sdg", goals.clone()),
        other_sdgs: checks("sdgs", goals),
        inequalities: checks(
            "inequalities",
            vocabulary("practice-inequality", Inequality::ALL.iter().map(|v| v.slug()).collect()),
        ),
        actors: checks("actors", vocabulary("practice-actor", Actor::ALL.iter().map(|v| v.slug()).collect())),
        stages: choices("stage", vocabulary("practice-stage", Stage::ALL.iter().map(|v| v.slug()).collect())),
        budgets: choices(
            "budget",
            vocabulary("practice-budget", BudgetRange::ALL.iter().map(|v| v.slug()).collect()),
        ),
        efforts_cost: choices(
            "cost",
            vocabulary("practice-effort", Effort::ALL.iter().map(|v| v.slug()).collect()),
        ),
        efforts_complexity: choices(
            "complexity",
            vocabulary("practice-effort", Effort::ALL.iter().map(|v| v.slug()).collect()),
        ),
        consent: value("consent") == "yes",
        values,
        cancel,
    }
}

/// The stored practice's repeated values (checkbox groups), for its form.
fn stored_many(practice: &Practice) -> HashMap<String, Vec<String>> {
    HashMap::from([
        (
            "sdgs".to_string(),
            practice.sdgs.iter().filter(|g| **g != practice.sdg).map(|g| g.to_string()).collect(),
        ),
        ("inequalities".to_string(), practice.inequalities.iter().map(|v| v.slug().to_string()).collect()),
        ("actors".to_string(), practice.actors.iter().map(|v| v.slug().to_string()).collect()),
    ])
}

/// A posted form as its values (the first of each name) and its repeated ones.
fn posted(fields: &HashMap<String, Vec<String>>) -> (BTreeMap<String, String>, Vec<(String, String)>) {
    let values = fields.iter().filter_map(|(k, v)| v.first().map(|f| (k.clone(), f.clone()))).collect();
    let pairs = fields.iter().flat_map(|(k, vs)| vs.iter().map(move |v| (k.clone(), v.clone()))).collect();
    (values, pairs)
}

/// The edit form's target for a practice, the edit starting from `version`.
fn edit_target(lang: Lang, practice: &Practice, version: i64) -> FormTarget {
    let id = &practice.id;
    FormTarget {
        heading: translate(
            lang,
            "practice-edit-title",
            &[("title", FluentValue::from(practice.title.get(lang).0.to_string()))],
        ),
        action: format!("/practices/{id}/edit"),
        version: Some(version),
        original: Some(practice.title.original),
        cancel: format!("/practices/{id}"),
    }
}

/// The proposal form's target for a city.
fn propose_target(lang: Lang, city: &CityId, name: &str) -> FormTarget {
    FormTarget {
        heading: translate(lang, "practice-propose-title", &[("city", FluentValue::from(name.to_string()))]),
        action: format!("/cities/{city}/practices/new"),
        version: None,
        original: None,
        cancel: format!("/cities/{city}"),
    }
}

async fn render_form(ctx: &Ctx<'_>, body: FormPage) -> PageResult {
    render_page(ctx, "practice_form.html", "practices", body).await
}

/// `GET /practices/{id}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(id): Path<String>,
) -> PageResult {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let stored = state.app.practice_to_edit(&session.user, &id).await.map_err(refused(lang))?;
    let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
    let practice = &stored.practice;
    let target = edit_target(lang, practice, stored.version);
    let body = form_page(lang, &labels, target, form_values(practice, lang), &stored_many(practice), &[]);
    render_form(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, body).await
}

/// `POST /practices/{id}/edit`: saves, or shows the form again with the problems and what was
/// typed.
pub async fn edit(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let fields = parse_form(&body);
    check_csrf(&viewer, fields.get("csrf").and_then(|v| v.first()).map(String::as_str), lang)?;
    let based_on: i64 =
        fields.get("version").and_then(|v| v.first()).and_then(|v| v.parse().ok()).unwrap_or(0);
    let (values, pairs) = posted(&fields);
    match state.app.edit_practice(&session.user, &id, based_on, lang, &pairs).await {
        Ok(()) => Ok(Redirect::to(&format!("/practices/{id}?saved")).into_response()),
        Err(AppError::Refused(Refusal::PracticeInvalid(problems))) => {
            let stored = state.app.practice_to_edit(&session.user, &id).await.map_err(refused(lang))?;
            let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
            let target = edit_target(lang, &stored.practice, based_on);
            let body = form_page(lang, &labels, target, values, &fields, &problems);
            let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render_form(&ctx, body).await?).into_response())
        }
        Err(e) => Err(refused(lang)(e)),
    }
}

/// `GET /cities/{id}/practices/new`: a city proposes a practice.
pub async fn propose_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(city): Path<String>,
) -> PageResult {
    let city = CityId::parse(&city).map_err(|_| PageError::NotFound(lang))?;
    let city = state.app.city(&city).await?.ok_or(PageError::NotFound(lang))?;
    if !smartcities_app::policy::may_propose_practice(&session.user, &city.id) {
        return Err(PageError::Forbidden(lang));
    }
    let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
    let target = propose_target(lang, &city.id, &city.name);
    let body = form_page(lang, &labels, target, BTreeMap::new(), &HashMap::new(), &[]);
    render_form(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, body).await
}

/// `POST /cities/{id}/practices/new`.
pub async fn propose(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(city): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let city = CityId::parse(&city).map_err(|_| PageError::NotFound(lang))?;
    let fields = parse_form(&body);
    check_csrf(&viewer, fields.get("csrf").and_then(|v| v.first()).map(String::as_str), lang)?;
    let (values, pairs) = posted(&fields);
    match state.app.propose_practice(&session.user, &city, lang, &pairs).await {
        Ok(id) => Ok(Redirect::to(&format!("/practices/{id}?proposed")).into_response()),
        Err(AppError::Refused(Refusal::PracticeInvalid(problems))) => {
            let labels = Labels::load(&state, lang).await.map_err(refused(lang))?;
            let name = state.app.city(&city).await?.map(|c| c.name).unwrap_or_default();
            let body =
                form_page(lang, &labels, propose_target(lang, &city, &name), values, &fields, &problems);
            let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render_form(&ctx, body).await?).into_response())
        }
        Err(e) => Err(refused(lang)(e)),
    }
}

/// `POST /practices/{id}/decision`: the secretariat publishes or returns a practice.
pub async fn decide(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let fields = parse_form(&body);
    let first = |name: &str| fields.get(name).and_then(|v| v.first()).map(String::as_str).unwrap_or_default();
    check_csrf(&viewer, Some(first("csrf")), lang)?;
    let based_on: i64 = first("version").parse().unwrap_or(0);
    let (decision, done) = match first("decision") {
        "publish" => (PracticeDecision::Publish, "published"),
        "return" => (PracticeDecision::Return(first("comment").to_string()), "returned"),
        _ => return Err(PageError::Refused(lang, t(lang, "practice-decision"))),
    };
    state.app.decide_practice(&session.user, &id, based_on, decision).await.map_err(refused(lang))?;
    Ok(Redirect::to(&format!("/practices/{id}?{done}")).into_response())
}

/// `GET /practices.atom`: the newest published practices, in the visitor's language.
pub async fn feed(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
) -> Result<Response, PageError> {
    let params = SearchParams { order: Some("newest".into()), ..SearchParams::default() };
    let found = state.app.search_practices(None, params.search(lang, 50)).await.map_err(refused(lang))?;
    let base = state.app.public_url().unwrap_or("").to_string();
    let stamp = |when: u64| {
        let s = format!("{when:014}");
        format!("{}-{}-{}T{}:{}:{}Z", &s[0..4], &s[4..6], &s[6..8], &s[8..10], &s[10..12], &s[12..14])
    };
    let updated =
        found.hits.first().map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |h| stamp(h.card.when));
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", lang.code()));
    xml.push_str(&format!("<title>{}</title>\n", xml_escape(&t(lang, "practices-feed-title"))));
    xml.push_str(&format!("<id>{base}/practices.atom</id>\n<updated>{updated}</updated>\n"));
    xml.push_str(&format!(
        "<link rel=\"self\" href=\"{base}/practices.atom\"/>\n<link href=\"{base}/practices\"/>\n"
    ));
    for hit in &found.hits {
        let card = &hit.card;
        let href = format!("{base}/practices/{}", card.id);
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<title>{}</title>\n", xml_escape(card.title.get(lang).0)));
        xml.push_str(&format!(
            "<id>{href}</id>\n<link href=\"{href}\"/>\n<updated>{}</updated>\n",
            stamp(card.when)
        ));
        xml.push_str(&format!("<author><name>{}</name></author>\n", xml_escape(&card.city_name)));
        xml.push_str(&format!("<summary>{}</summary>\n", xml_escape(card.summary.get(lang).0)));
        xml.push_str(&format!("<category term=\"{}\"/>\n", card.axis));
        for goal in &card.sdgs {
            xml.push_str(&format!("<category term=\"sdg-{goal}\"/>\n"));
        }
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response())
}

fn xml_escape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The city page's catalogue part: the city's practices and what it could learn from others.
#[derive(Serialize)]
pub(crate) struct CityPractices {
    own: Vec<CardView>,
    learn_from: Vec<CardView>,
    may_propose: bool,
}

pub(crate) async fn city_practices(
    state: &AppState,
    viewer: &Viewer,
    lang: Lang,
    city: &smartcities_domain::City,
) -> Result<CityPractices, AppError> {
    let user = viewer.0.as_ref().map(|s| &s.user);
    let labels = Labels::load(state, lang).await?;
    let own = state.app.practices_of(user, &city.id).await?;
    let learn = state.app.learn_from(city, 6).await?;
    let may_propose = user.is_some_and(|u| smartcities_app::policy::may_propose_practice(u, &city.id));
    Ok(CityPractices {
        own: own
            .iter()
            .map(|card| {
                card_view(
                    &labels,
                    card,
                    smartcities_app::catalogue::passage(card.summary.get(lang).0, 200),
                    &[],
                )
            })
            .collect(),
        learn_from: suggestion_views(&labels, &learn),
        may_propose,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
