//! The HTML pages. Handlers load from the store, turn domain values into view models already
//! in the visitor's language, and render a template.

use std::collections::{BTreeSet, HashMap, HashSet};

use axum::{
    extract::{Path, Query, State},
    http::Uri,
};
use serde::{Deserialize, Serialize};
use smartcities_app::CityFilter;
use smartcities_domain::{
    City, CityId, Direction, Edition, EditionYear, Focus, Framework, Lang, Member, Provenance, QuestionKind,
    Section, StudyAxis,
};
use smartcities_locale::FluentValue;
use smartcities_publish::map;

use crate::{
    AppState,
    auth::Viewer,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

/// A link from data (a partner's site, an edition's source) only if it leads to the web or to
/// mail: `javascript:`, `data:` and the like are never rendered as links.
pub(crate) fn web_link(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme)).then(|| url.to_string())
}

fn section_name(lang: Lang, section: Section) -> String {
    t(lang, &format!("section-{}", section.slug()))
}

fn study_axis_name(lang: Lang, axis: StudyAxis) -> String {
    t(lang, &format!("axis-{}", axis.slug()))
}

fn focus_name(lang: Lang, focus: &Focus) -> String {
    match focus {
        Focus::Holistic => t(lang, "focus-holistic"),
        Focus::Axis(axis) => {
            translate(lang, "focus-axis", &[("axis", FluentValue::from(study_axis_name(lang, *axis)))])
        }
        Focus::Theme(theme) => {
            let key = format!("theme-{theme}");
            let name = t(lang, &key);
            if name == key { theme.replace('_', " ") } else { name }
        }
    }
}

#[derive(Serialize)]
struct EditionSummary {
    year: u16,
    title: String,
    focus: String,
    status: String,
    participants: Option<u32>,
    /// The current published version's site, in the reader's language.
    findings: Option<String>,
}

/// Each edition with, where it has one, the link to its current published version.
async fn summaries(
    state: &AppState,
    lang: Lang,
    editions: &[Edition],
) -> Result<Vec<EditionSummary>, PageError> {
    let current = state.app.current_versions().await?;
    Ok(editions
        .iter()
        .rev()
        .map(|e| EditionSummary {
            findings: current.get(&e.year).map(|v| crate::publication::site_home(e.year, *v, lang)),
            ..summary(lang, e)
        })
        .collect())
}

fn summary(lang: Lang, e: &Edition) -> EditionSummary {
    EditionSummary {
        year: e.year.get(),
        title: e.title.get(lang).to_string(),
        focus: focus_name(lang, &e.focus),
        status: t(lang, &format!("status-{}", e.status.slug())),
        participants: e.reported_participants,
        findings: None,
    }
}

pub async fn home(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
) -> PageResult {
    let editions = state.app.editions().await?;
    let members = state.app.members().await?;
    let cities = state.app.cities(&CityFilter::default()).await?;
    let member_ids: HashSet<&CityId> = members.iter().map(|m| &m.city).collect();
    let member_cities: Vec<&City> = cities.iter().filter(|c| member_ids.contains(&c.id)).collect();
    let countries: BTreeSet<&str> = member_cities.iter().map(|c| c.country.as_str()).collect();
    let sections: BTreeSet<Section> = member_cities.iter().map(|c| c.section).collect();

    #[derive(Serialize)]
    struct PartnerView {
        name: String,
        link: Option<String>,
        description: Option<crate::written::TextView>,
    }
    #[derive(Serialize)]
    struct Home {
        axes: Vec<String>,
        editions: Vec<EditionSummary>,
        member_count: usize,
        country_count: usize,
        section_count: usize,
        partners: Vec<PartnerView>,
    }
    let partners = state
        .app
        .partners()
        .await?
        .into_iter()
        .map(|p| PartnerView {
            name: p.name_in(lang).to_string(),
            link: p.link.as_deref().and_then(web_link),
            description: p.description.as_ref().map(|d| crate::written::text_view(d, lang)),
        })
        .collect();
    let body = Home {
        axes: StudyAxis::ALL.into_iter().map(|a| study_axis_name(lang, a)).collect(),
        editions: summaries(&state, lang, &editions).await?,
        member_count: member_cities.len(),
        country_count: countries.len(),
        section_count: sections.len(),
        partners,
    };
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "home.html", "home", body).await
}

pub async fn editions(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
) -> PageResult {
    #[derive(Serialize)]
    struct Editions {
        editions: Vec<EditionSummary>,
    }
    let editions = state.app.editions().await?;
    let body = Editions { editions: summaries(&state, lang, &editions).await? };
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "editions.html", "editions", body)
        .await
}

#[derive(Serialize)]
struct QuestionView {
    code: String,
    label: String,
    kind: String,
    detail: Option<String>,
    choices: Vec<String>,
    sdgs: Vec<String>,
    continues: Option<String>,
}

#[derive(Serialize)]
struct SubAreaView {
    label: String,
    inferred: bool,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
struct AxisView {
    code: String,
    label: String,
    inferred: bool,
    study_axis: Option<String>,
    sub_areas: Vec<SubAreaView>,
}

fn framework_view(lang: Lang, framework: &Framework) -> Vec<AxisView> {
    framework
        .axes
        .iter()
        .map(|axis| AxisView {
            code: axis.code.to_string(),
            label: axis.label.get(lang).to_string(),
            inferred: axis.provenance == Provenance::Inferred,
            study_axis: axis.study_axis.map(|a| study_axis_name(lang, a)),
            sub_areas: axis
                .sub_areas
                .iter()
                .map(|sub| SubAreaView {
                    label: sub.label.get(lang).to_string(),
                    inferred: sub.provenance == Provenance::Inferred,
                    questions: sub
                        .questions
                        .iter()
                        .map(|q| {
                            let (detail, choices) = match &q.kind {
                                QuestionKind::Numeric { unit, direction } => {
                                    let direction = match direction {
                                        Direction::HigherIsBetter => "direction-higher_is_better",
                                        Direction::LowerIsBetter => "direction-lower_is_better",
                                        Direction::Neutral => "direction-neutral",
                                    };
                                    (
                                        Some(format!(
                                            "{}: {} · {}",
                                            t(lang, "question-unit"),
                                            smartcities_locale::unit_name(lang, unit),
                                            t(lang, direction)
                                        )),
                                        vec![],
                                    )
                                }
                                QuestionKind::Ordinal { levels } => {
                                    let levels: Vec<&str> = levels.iter().map(|l| l.get(lang)).collect();
                                    (
                                        Some(format!(
                                            "{}: {}",
                                            t(lang, "question-levels"),
                                            levels.join(" · ")
                                        )),
                                        vec![],
                                    )
                                }
                                QuestionKind::SingleChoice { options }
                                | QuestionKind::MultipleChoice { options } => {
                                    (None, options.iter().map(|o| o.label.get(lang).to_string()).collect())
                                }
                                QuestionKind::YesNo | QuestionKind::Text => (None, vec![]),
                            };
                            QuestionView {
                                code: q.code.to_string(),
                                label: q.label.get(lang).to_string(),
                                kind: t(lang, &format!("kind-{}", q.kind.slug())),
                                detail,
                                choices,
                                sdgs: q.sdgs.iter().map(ToString::to_string).collect(),
                                continues: q.continues.as_ref().map(ToString::to_string),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

pub async fn edition(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Path(year): Path<String>,
    viewer: Viewer,
    uri: Uri,
) -> PageResult {
    let year = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let edition = state.app.edition(year).await?.ok_or(PageError::NotFound(lang))?;
    // An edition still in planning may have no framework yet.
    let framework = state.app.framework(year).await?;

    #[derive(Serialize)]
    struct MilestoneView {
        date: String,
        label: String,
    }
    #[derive(Serialize)]
    struct EditionView {
        year: u16,
        title: String,
        focus: String,
        status: String,
        participants: Option<u32>,
        show_rankings: bool,
        status_slug: &'static str,
        milestones: Vec<MilestoneView>,
        sources: Vec<String>,
    }
    #[derive(Serialize)]
    struct SdgView {
        goal: u8,
        name: String,
    }
    #[derive(Serialize)]
    struct EditionPage {
        edition: EditionView,
        framework_version: Option<smartcities_domain::FrameworkVersion>,
        question_count: usize,
        sdgs: Vec<SdgView>,
        axes: Vec<AxisView>,
        focus_groups: bool,
        results: bool,
        published: Option<crate::publication::PublishedLinks>,
        staff: Option<crate::publication::StaffPanel>,
        form_languages: Vec<(&'static str, &'static str)>,
        /// What the edition's report published, by axis, and the report files.
        figures: Vec<crate::history::AxisFigures>,
        reports: Vec<crate::history::ReportLink>,
    }
    let head = summary(lang, &edition);
    let body = EditionPage {
        edition: EditionView {
            year: head.year,
            title: head.title,
            focus: head.focus,
            status: head.status,
            participants: head.participants,
            show_rankings: edition.show_rankings,
            status_slug: edition.status.slug(),
            milestones: edition
                .milestones
                .iter()
                .map(|m| MilestoneView { date: m.date.to_string(), label: m.label.get(lang).to_string() })
                .collect(),
            sources: edition.sources.iter().filter_map(|s| web_link(s)).collect(),
        },
        framework_version: framework.as_ref().map(|(v, _)| *v),
        question_count: framework.as_ref().map_or(0, |(_, f)| f.questions().count()),
        sdgs: framework
            .as_ref()
            .map(|(_, f)| f.sdg_goals())
            .unwrap_or_default()
            .into_iter()
            .map(|goal| SdgView { goal, name: t(lang, &format!("sdg-{goal}")) })
            .collect(),
        axes: framework.as_ref().map(|(_, f)| framework_view(lang, f)).unwrap_or_default(),
        results: smartcities_app::policy::may_read_results(viewer.app(), edition.status)
            && state.app.has_results(year).await?,
        focus_groups: smartcities_app::policy::may_read_results(viewer.app(), edition.status)
            && !state.app.focus_groups(viewer.app(), year).await?.is_empty(),
        published: crate::publication::published_links(&state, lang, year).await?,
        staff: crate::publication::staff_panel(&state, &viewer, lang, year, &uri).await?,
        form_languages: Lang::ALL.iter().map(|l| (l.code(), l.endonym())).collect(),
        figures: crate::history::by_axis(lang, &state.app.published_figures(year).await?),
        reports: crate::history::report_links(&state, lang, year).await?,
    };
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "edition.html", "editions", body)
        .await
}

#[derive(Deserialize)]
pub struct MembersQuery {
    section: Option<String>,
}

pub async fn members(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Query(query): Query<MembersQuery>,
    viewer: Viewer,
    uri: Uri,
) -> PageResult {
    // An unknown section in the URL shows every member rather than an error page.
    let section = query.section.as_deref().filter(|s| !s.is_empty()).and_then(|s| Section::parse(s).ok());
    let cities = state.app.cities(&CityFilter { country: None, section }).await?;
    let members: HashMap<CityId, Member> =
        state.app.members().await?.into_iter().map(|m| (m.city.clone(), m)).collect();
    // The public map shows the current members; lapsed and departed ones stay on record for
    // the secretariat and analysts.
    let staff = viewer.app().is_staff();
    let mut listed: Vec<(&City, &Member)> = cities
        .iter()
        .filter_map(|c| members.get(&c.id).map(|m| (c, m)))
        .filter(|(_, m)| staff || m.status.is_current())
        .collect();
    let collator = crate::i18n::collator(lang);
    listed.sort_by(|a, b| collator.compare(a.0.name_in(lang), b.0.name_in(lang)));

    #[derive(Serialize)]
    struct MemberRow {
        id: String,
        name: String,
        country: String,
        section: String,
        status: String,
        since: Option<i32>,
        population: u64,
        illustrative: bool,
    }
    #[derive(Serialize)]
    struct SectionOption {
        slug: &'static str,
        name: String,
        selected: bool,
    }
    #[derive(Serialize)]
    struct Members {
        members: Vec<MemberRow>,
        sections: Vec<SectionOption>,
        map_svg: String,
        staff: bool,
    }
    let markers: Vec<map::Marker> = listed
        .iter()
        .map(|(c, _)| map::Marker {
            id: c.id.as_str(),
            name: c.name_in(lang),
            longitude: c.location.longitude,
            latitude: c.location.latitude,
        })
        .collect();
    let countries: HashSet<&str> = listed.iter().map(|(c, _)| c.country.as_str()).collect();
    let description =
        translate(lang, "members-map-description", &[("count", FluentValue::from(listed.len()))]);
    let body = Members {
        staff,
        map_svg: map::render(&t(lang, "members-map-title"), &description, &markers, &countries),
        members: listed
            .iter()
            .map(|(c, m)| MemberRow {
                id: c.id.to_string(),
                name: c.name_in(lang).to_string(),
                country: c.country.name(lang).to_string(),
                section: section_name(lang, c.section),
                status: t(lang, &format!("member-status-{}", m.status.slug())),
                since: m.since,
                population: c.population.count,
                illustrative: m.illustrative,
            })
            .collect(),
        sections: Section::ALL
            .into_iter()
            .map(|s| SectionOption {
                slug: s.slug(),
                name: section_name(lang, s),
                selected: Some(s) == section,
            })
            .collect(),
    };
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "members.html", "members", body)
        .await
}

/// Latitude and longitude as the reader writes them: `38.7251° N, 9.1498° W`, `38,7251° N,
/// 9,1498° O` (west is *oeste*, *ouest*).
fn coordinates_text(lang: Lang, lat: f64, lon: f64) -> String {
    let degrees = |value: f64| smartcities_domain::typed_number(&format!("{:.4}", value.abs()), lang);
    let west = if lang == Lang::En { "W" } else { "O" };
    let (north_south, east_west) = (if lat >= 0.0 { "N" } else { "S" }, if lon >= 0.0 { "E" } else { west });
    format!("{}° {north_south}, {}° {east_west}", degrees(lat), degrees(lon))
}

pub async fn city(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Path(id): Path<String>,
    viewer: Viewer,
    uri: Uri,
) -> PageResult {
    let id = CityId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let city = state.app.city(&id).await?.ok_or(PageError::NotFound(lang))?;
    let member = state.app.member(&id).await?;

    #[derive(Serialize)]
    struct CityView {
        name: String,
        local_name: Option<String>,
        country: String,
        section: String,
        metropolis: bool,
        population: u64,
        population_year: Option<i32>,
        population_source: Option<String>,
        coordinates: String,
    }
    #[derive(Serialize)]
    struct MembershipView {
        status: String,
        since: Option<i32>,
        illustrative: bool,
    }
    #[derive(Serialize)]
    struct CityPage {
        city_id: String,
        city: CityView,
        member: Option<MembershipView>,
        map_svg: String,
        profiles: Vec<crate::results::ProfileView>,
        practices: crate::practices::CityPractices,
    }
    let marker = [map::Marker {
        id: city.id.as_str(),
        name: city.name_in(lang),
        longitude: city.location.longitude,
        latitude: city.location.latitude,
    }];
    let highlighted: HashSet<&str> = [city.country.as_str()].into();
    let name = city.name_in(lang).to_string();
    let title = translate(lang, "city-map-title", &[("city", FluentValue::from(name.clone()))]);
    let description = translate(
        lang,
        "city-map-description",
        &[("city", FluentValue::from(name.clone())), ("country", FluentValue::from(city.country.name(lang)))],
    );
    let (lat, lon) = (city.location.latitude, city.location.longitude);
    let body = CityPage {
        city_id: city.id.to_string(),
        profiles: crate::results::profile_views(&state, &viewer, lang, &city).await?,
        practices: crate::practices::city_practices(&state, &viewer, lang, &city)
            .await
            .map_err(refused(lang))?,
        map_svg: map::render(&title, &description, &marker, &highlighted),
        city: CityView {
            name,
            // Not repeated where the reader's name for the city is the local one (Lisboa).
            local_name: city.local_name.clone().filter(|local| local.as_str() != city.name_in(lang)),
            country: city.country.name(lang).to_string(),
            section: section_name(lang, city.section),
            metropolis: city.metropolis,
            population: city.population.count,
            population_year: city.population.year,
            population_source: city.population.source.clone(),
            coordinates: coordinates_text(lang, lat, lon),
        },
        member: member.map(|m| MembershipView {
            status: t(lang, &format!("member-status-{}", m.status.slug())),
            since: m.since,
            illustrative: m.illustrative,
        }),
    };
    render_page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, "city.html", "members", body).await
}

pub async fn not_found(Negotiated(lang): Negotiated) -> PageError {
    PageError::NotFound(lang)
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_web_and_mail_links_are_links() {
        use super::web_link;
        assert_eq!(web_link(" https://unhabitat.org "), Some("https://unhabitat.org".into()));
        assert_eq!(web_link("mailto:info@example.org"), Some("mailto:info@example.org".into()));
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("JavaScript:alert(1)"), None);
        assert_eq!(web_link("data:text/html,x"), None);
        assert_eq!(web_link("//evil.example"), None);
    }
}
