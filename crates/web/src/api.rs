//! The JSON API under `/api/v1`, its OpenAPI document, and the health check. Errors are always
//! `{"error": {"code": …, "message": …}}` with a fitting status code.

use axum::{
    Json, Router,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
};
use serde::{Deserialize, Serialize};
use smartcities_app::CityFilter;
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{City, CityId, CountryCode, Edition, EditionYear, Framework, MemberStatus, Section};
use utoipa::{IntoParams, OpenApi, ToSchema};

use smartcities_app::findings::{CityProfile, QuestionSummary, Results};

use crate::{AppState, auth::Viewer};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "smartcities API",
        description = "Editions of the Smart Cities Study, their frameworks, and the registry of cities. \
                       Records made up for demonstration carry `illustrative: true`.",
        license(name = "MIT")
    ),
    paths(
        list_editions,
        get_edition,
        edition_results,
        question_result,
        list_cities,
        get_city,
        city_profile,
        list_practices,
        get_practice,
        list_events,
        community_record,
        list_members,
        api_figures,
        health
    )
)]
/// The OpenAPI document of `/api/v1`.
pub struct ApiDoc;

crate::routes! {
    /// Every route of the API, under `/api/v1`.
    API_ROUTES, api_routes;
    "/editions" => get(list_editions),
    "/editions/{year}" => get(get_edition),
    "/cities" => get(list_cities),
    "/editions/{year}/results" => get(edition_results),
    "/editions/{year}/questions/{code}" => get(question_result),
    "/editions/{year}/figures" => get(api_figures),
    "/cities/{id}" => get(get_city),
    "/cities/{id}/profile" => get(city_profile),
    "/practices" => get(list_practices),
    "/practices/{id}" => get(get_practice),
    "/events" => get(list_events),
    "/community" => get(community_record),
    "/members" => get(list_members),
}

pub fn router() -> Router<AppState> {
    api_routes(Router::new())
        .fallback(|| async { ApiError::not_found("no such API endpoint; see /api/openapi.json") })
}

pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable, machine-readable code: `not_found`, `forbidden`, `invalid_parameter`, `unavailable`,
    /// `internal`.
    code: &'static str,
    message: String,
}

pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::NOT_FOUND, code: "not_found", message: message.into() }
    }

    fn forbidden(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::FORBIDDEN, code: "forbidden", message: message.into() }
    }

    fn invalid(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::BAD_REQUEST, code: "invalid_parameter", message: message.into() }
    }
}

impl From<smartcities_app::AppError> for ApiError {
    fn from(e: smartcities_app::AppError) -> Self {
        tracing::error!(error = %e, "API request failed");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: "internal error; it was logged".into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(ErrorBody { error: ErrorDetail { code: self.code, message: self.message } }))
            .into_response()
    }
}

#[derive(Serialize, ToSchema)]
pub struct EditionList {
    editions: Vec<Edition>,
}

/// An edition with its current framework tree.
#[derive(Serialize, ToSchema)]
pub struct EditionDetail {
    #[serde(flatten)]
    edition: Edition,
    /// Absent while an edition in planning has no framework yet.
    framework_version: Option<smartcities_domain::FrameworkVersion>,
    framework: Option<Framework>,
}

/// A city of the registry and, when it is a member of the community, its membership.
/// Focal points are personal data and are not published.
#[derive(Serialize, ToSchema)]
pub struct CityResource {
    #[serde(flatten)]
    city: City,
    membership: Option<Membership>,
}

#[derive(Serialize, ToSchema)]
pub struct Membership {
    status: MemberStatus,
    since: Option<i32>,
    /// True when the record was made up for demonstration.
    illustrative: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CityList {
    count: usize,
    cities: Vec<CityResource>,
}

#[derive(Deserialize, IntoParams)]
pub struct CityQuery {
    /// ISO 3166-1 alpha-2 country code, such as `ES`.
    country: Option<String>,
    /// UCLG world section: africa, asia-pacific, eurasia, europe, latin-america,
    /// middle-east-west-asia or north-america.
    section: Option<String>,
}

#[derive(Deserialize, IntoParams)]
pub struct EventQuery {
    /// Events ending on or after this day (`YYYY-MM-DD`).
    from: Option<String>,
    /// Events starting on or before this day (`YYYY-MM-DD`).
    to: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EventList {
    events: Vec<smartcities_domain::Event>,
}

/// The community's public events (webinars, learning meetings, presentations of the study),
/// earliest first, optionally within dates.
#[utoipa::path(get, path = "/api/v1/events", tag = "community", params(EventQuery),
    responses(
        (status = 200, description = "The public events", body = EventList),
        (status = 400, description = "A date is not valid", body = ErrorBody)))]
async fn list_events(
    State(state): State<AppState>,
    Query(query): Query<EventQuery>,
) -> Result<Json<EventList>, ApiError> {
    let day = |name: &str, value: Option<&String>| {
        value
            .filter(|v| !v.is_empty())
            .map(|v| match smartcities_domain::ApproxDate::parse(v) {
                Ok(date) if date.day.is_some() => Ok(date.to_string()),
                _ => Err(ApiError::invalid(format!("{name}: give a day as YYYY-MM-DD, not {v:?}"))),
            })
            .transpose()
    };
    let (from, to) = (day("from", query.from.as_ref())?, day("to", query.to.as_ref())?);
    let events = state
        .app
        .events(None)
        .await?
        .into_iter()
        .filter(|e| from.as_ref().is_none_or(|f| e.ends_on.unwrap_or(e.starts_on).to_string() >= *f))
        .filter(|e| to.as_ref().is_none_or(|t| e.starts_on.to_string() <= *t))
        .collect();
    Ok(Json(EventList { events }))
}

/// The community's own record, every text in each language it has (`original` names the one
/// it was written in).
#[derive(Serialize, ToSchema)]
pub struct CommunityResource {
    /// Who leads the community, if recorded.
    leadership: Option<smartcities_domain::Leadership>,
    /// The activities of the plan, by semester.
    activities: Vec<smartcities_domain::Activity>,
    /// The organisations the community works with, with their names in each language.
    partners: Vec<smartcities_domain::Partner>,
}

/// The community's leadership, plan of activities and partners, in every language.
#[utoipa::path(get, path = "/api/v1/community", tag = "community",
    responses((status = 200, description = "The community's record", body = CommunityResource)))]
async fn community_record(State(state): State<AppState>) -> Result<Json<CommunityResource>, ApiError> {
    let record = state.app.community_record().await?;
    Ok(Json(CommunityResource {
        leadership: record.leadership,
        activities: record.activities,
        partners: record.partners,
    }))
}

/// A current member of the community as the public sees it: the city and its membership,
/// without its focal points' names and addresses.
#[derive(Serialize, ToSchema)]
pub struct PublicMember {
    city: smartcities_domain::City,
    status: smartcities_domain::MemberStatus,
    /// The year the city joined.
    since: Option<i32>,
    /// Made up for the demonstration.
    illustrative: bool,
}

#[derive(Serialize, ToSchema)]
pub struct MemberList {
    members: Vec<PublicMember>,
}

/// The community's current members (active, or asked to renew), by city id: what the public
/// members map shows. Lapsed and departed members stay on record for the secretariat only.
#[utoipa::path(get, path = "/api/v1/members", tag = "community",
    responses((status = 200, description = "The current members", body = MemberList)))]
async fn list_members(State(state): State<AppState>) -> Result<Json<MemberList>, ApiError> {
    let members = state
        .app
        .public_members()
        .await?
        .into_iter()
        .map(|(city, member)| PublicMember {
            city,
            status: member.status,
            since: member.since,
            illustrative: member.illustrative,
        })
        .collect();
    Ok(Json(MemberList { members }))
}

#[derive(Serialize, ToSchema)]
pub struct Health {
    status: &'static str,
}

/// Every edition of the study, oldest first.
#[utoipa::path(get, path = "/api/v1/editions", tag = "editions",
    responses((status = 200, description = "The editions", body = EditionList)))]
async fn list_editions(State(state): State<AppState>) -> Result<Json<EditionList>, ApiError> {
    Ok(Json(EditionList { editions: state.app.editions().await? }))
}

/// One edition with its framework: axes, sub-areas and questions.
#[utoipa::path(get, path = "/api/v1/editions/{year}", tag = "editions",
    params(("year" = u16, Path, description = "The edition's year", example = 2023)),
    responses(
        (status = 200, description = "The edition and its framework", body = EditionDetail),
        (status = 404, description = "No such edition", body = ErrorBody)))]
async fn get_edition(
    State(state): State<AppState>,
    Path(year): Path<String>,
) -> Result<Json<EditionDetail>, ApiError> {
    let missing = || ApiError::not_found(format!("no edition {year}"));
    let parsed = EditionYear::parse(&year).map_err(|_| missing())?;
    let edition = state.app.edition(parsed).await?.ok_or_else(missing)?;
    let (framework_version, framework) = state.app.framework(parsed).await?.unzip();
    Ok(Json(EditionDetail { edition, framework_version, framework }))
}

/// Cities of the registry, by name, optionally filtered by country and UCLG section.
#[utoipa::path(get, path = "/api/v1/cities", tag = "cities", params(CityQuery),
    responses(
        (status = 200, description = "The matching cities", body = CityList),
        (status = 400, description = "A filter is not valid", body = ErrorBody)))]
async fn list_cities(
    State(state): State<AppState>,
    Query(query): Query<CityQuery>,
) -> Result<Json<CityList>, ApiError> {
    let country = query
        .country
        .as_deref()
        .filter(|c| !c.is_empty())
        .map(CountryCode::parse)
        .transpose()
        .map_err(|e| ApiError::invalid(format!("country: {e}")))?;
    let section = query
        .section
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(Section::parse)
        .transpose()
        .map_err(|e| ApiError::invalid(format!("section: {e}")))?;
    let cities = state.app.cities(&CityFilter { country, section }).await?;
    let members = state.app.members().await?;
    let cities: Vec<CityResource> = cities
        .into_iter()
        .map(|city| {
            let membership = members.iter().find(|m| m.city == city.id).map(|m| Membership {
                status: m.status,
                since: m.since,
                illustrative: m.illustrative,
            });
            CityResource { city, membership }
        })
        .collect();
    Ok(Json(CityList { count: cities.len(), cities }))
}

/// One city of the registry.
#[utoipa::path(get, path = "/api/v1/cities/{id}", tag = "cities",
    params(("id" = String, Path, description = "The city's id", example = "es-bilbao")),
    responses(
        (status = 200, description = "The city", body = CityResource),
        (status = 404, description = "No such city", body = ErrorBody)))]
async fn get_city(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<CityResource>, ApiError> {
    let missing = || ApiError::not_found(format!("no city {id}"));
    let parsed = CityId::parse(&id).map_err(|_| missing())?;
    let city = state.app.city(&parsed).await?.ok_or_else(missing)?;
    let membership = state.app.member(&parsed).await?.map(|m| Membership {
        status: m.status,
        since: m.since,
        illustrative: m.illustrative,
    });
    Ok(Json(CityResource { city, membership }))
}

/// The stored results of an edition the viewer may read: published editions for everyone,
/// others for the secretariat and analysts.
async fn readable_results(state: &AppState, viewer: &Viewer, year: &str) -> Result<Results, ApiError> {
    let year = EditionYear::parse(year).map_err(|e| ApiError::invalid(e.to_string()))?;
    let findings = state.app.findings_for(viewer.app(), year).await.map_err(|e| match e {
        AppError::Refused(Refusal::NotFound) => ApiError::not_found(format!("no edition {year}")),
        AppError::Refused(Refusal::Forbidden | Refusal::SignInNeeded) => ApiError::forbidden(format!(
            "the results of edition {year} are not published yet; sign in as the secretariat or an analyst"
        )),
        other => other.into(),
    })?;
    Ok(findings
        .results
        .ok_or_else(|| ApiError::not_found(format!("edition {year} has not been analysed yet")))?
        .results)
}

/// Every finding of an edition: per-question summaries with their breakdowns, the SDG matrix,
/// barriers and enablers, trends and peers, with the method version and the inputs' hash.
#[utoipa::path(get, path = "/api/v1/editions/{year}/results", tag = "results",
    params(("year" = u16, Path, description = "Edition year", example = 2025)),
    responses(
        (status = 200, description = "The edition's results", body = Results),
        (status = 400, description = "The year is not an edition year (2000 to 2100)", body = ErrorBody),
        (status = 403, description = "Not published yet, and the viewer may not see it before", body = ErrorBody),
        (status = 404, description = "No such edition, or not analysed yet", body = ErrorBody)))]
async fn edition_results(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(year): Path<String>,
) -> Result<Json<Results>, ApiError> {
    Ok(Json(readable_results(&state, &viewer, &year).await?))
}

/// One question's findings, with its label in each language.
#[derive(Serialize, ToSchema)]
pub struct QuestionResult {
    edition: u16,
    /// Label by language code (`en`, `es`, `fr`).
    label: std::collections::BTreeMap<String, String>,
    summary: QuestionSummary,
}

#[utoipa::path(get, path = "/api/v1/editions/{year}/questions/{code}", tag = "results",
    params(
        ("year" = u16, Path, description = "Edition year", example = 2025),
        ("code" = String, Path, description = "Question code", example = "has_living_lab")),
    responses(
        (status = 200, description = "The question's findings", body = QuestionResult),
        (status = 400, description = "The year is not an edition year (2000 to 2100)", body = ErrorBody),
        (status = 403, description = "Not published yet", body = ErrorBody),
        (status = 404, description = "No such edition or question, or not analysed yet", body = ErrorBody)))]
async fn question_result(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((year, code)): Path<(String, String)>,
) -> Result<Json<QuestionResult>, ApiError> {
    let results = readable_results(&state, &viewer, &year).await?;
    let summary =
        results.question(&code).cloned().ok_or_else(|| ApiError::not_found(format!("no question {code}")))?;
    let edition = EditionYear::new(results.edition).map_err(|e| ApiError::invalid(e.to_string()))?;
    let label = match state.app.questionnaire_of(edition).await? {
        Some((_, q)) => q
            .question(&code)
            .map(|question| {
                question.label.0.iter().map(|(l, text)| (l.code().to_string(), text.clone())).collect()
            })
            .unwrap_or_default(),
        None => Default::default(),
    };
    Ok(Json(QuestionResult { edition: results.edition, label, summary }))
}

/// A city's characterisation in every analysed edition it answered and the viewer may read.
#[derive(Serialize, ToSchema)]
pub struct CityProfiles {
    city: String,
    profiles: Vec<CityProfile>,
}

#[utoipa::path(get, path = "/api/v1/cities/{id}/profile", tag = "results",
    params(("id" = String, Path, description = "The city's id", example = "es-bilbao")),
    responses(
        (status = 200, description = "Its answers beside the share of other cities, strengths and gaps, peers", body = CityProfiles),
        (status = 404, description = "No such city", body = ErrorBody)))]
async fn city_profile(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Json<CityProfiles>, ApiError> {
    let missing = || ApiError::not_found(format!("no city {id}"));
    let parsed = CityId::parse(&id).map_err(|_| missing())?;
    let city = state.app.city(&parsed).await?.ok_or_else(missing)?;
    Ok(Json(CityProfiles {
        city: id.clone(),
        profiles: state.app.city_profiles(viewer.app(), &city.id).await?,
    }))
}

/// 200 while the database answers, 503 when it does not.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses(
        (status = 200, description = "The database answers", body = Health),
        (status = 503, description = "The database does not answer", body = ErrorBody)))]
pub async fn health(State(state): State<AppState>) -> Response {
    match state.app.ping().await {
        Ok(()) => Json(Health { status: "ok" }).into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "health check failed");
            ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                code: "unavailable",
                message: "the database does not answer".into(),
            }
            .into_response()
        }
    }
}

/// A page of the good-practice catalogue's search.
#[derive(Serialize, ToSchema)]
pub struct PracticeList {
    /// How many practices match.
    total: usize,
    /// The page returned, from 1.
    page: usize,
    /// Practices per page.
    per_page: usize,
    /// The practices of the page.
    practices: Vec<PracticeHit>,
    /// Per facet (`axis`, `sub_area`, `sdg`, `section`, `band`, `edition`, `budget`, and
    /// `status` for the secretariat), each value with the number of matching practices.
    facets: std::collections::BTreeMap<String, Vec<FacetCount>>,
}

/// One practice found.
#[derive(Serialize, ToSchema)]
pub struct PracticeHit {
    id: String,
    city: String,
    city_name: String,
    /// The title in the language asked for, or in its original language.
    title: String,
    /// The language the title is in.
    title_lang: String,
    /// A passage with the words found in `<b>`, HTML-escaped.
    snippet_html: String,
    axis: String,
    sub_area: Option<String>,
    /// The primary SDG first.
    sdgs: Vec<u8>,
    editions: Vec<u16>,
    status: smartcities_domain::PracticeStatus,
    /// True when the practice was written for demonstration.
    illustrative: bool,
}

/// A facet value and how many matching practices have it.
#[derive(Serialize, ToSchema)]
pub struct FacetCount {
    value: String,
    count: u64,
}

/// A practice of the catalogue, whole, with where it stands.
#[derive(Serialize, ToSchema)]
pub struct PracticeResource {
    #[serde(flatten)]
    practice: smartcities_domain::Practice,
    status: smartcities_domain::PracticeStatus,
    /// Its version, from 1.
    version: smartcities_domain::PracticeVersion,
}

/// Searches the good-practice catalogue: published practices (and, for a signed-in city or the
/// secretariat, their drafts), with facet counts over every match.
#[utoipa::path(get, path = "/api/v1/practices", tag = "practices", params(crate::practices::SearchParams),
    responses((status = 200, description = "A page of matching practices with facet counts", body = PracticeList)))]
async fn list_practices(
    State(state): State<AppState>,
    viewer: Viewer,
    crate::i18n::Negotiated(negotiated): crate::i18n::Negotiated,
    Query(params): Query<crate::practices::SearchParams>,
) -> Result<Json<PracticeList>, ApiError> {
    let lang = params.lang.as_deref().and_then(smartcities_domain::Lang::from_tag).unwrap_or(negotiated);
    let search = params.search(lang, 20);
    let (page, per_page) = (search.page, search.per_page);
    let user = viewer.0.as_ref().map(|s| &s.user);
    let found = state.app.search_practices(user, search).await?;
    let practices = found
        .hits
        .into_iter()
        .map(|hit| {
            let card = hit.card;
            let title_lang = if card.title.exactly(lang).is_some() { lang } else { card.title.original };
            let mut sdgs = vec![card.sdg];
            sdgs.extend(card.sdgs.iter().copied().filter(|g| *g != card.sdg));
            PracticeHit {
                id: card.id.to_string(),
                city: card.city.to_string(),
                title: card.title.get(lang).0.to_string(),
                title_lang: title_lang.code().to_string(),
                city_name: card.city_name_in(lang).to_string(),
                snippet_html: hit.snippet_html,
                axis: card.axis,
                sub_area: card.sub_area,
                sdgs,
                editions: card.editions.iter().map(|e| e.get()).collect(),
                status: card.status,
                illustrative: card.illustrative,
            }
        })
        .collect();
    let facets = found
        .facets
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(dimension, values)| {
            (
                dimension.to_string(),
                values.into_iter().map(|(value, count)| FacetCount { value, count }).collect(),
            )
        })
        .collect();
    Ok(Json(PracticeList { total: found.total, page, per_page, practices, facets }))
}

/// One practice of the catalogue, in every language it is written or translated in.
#[utoipa::path(get, path = "/api/v1/practices/{id}", tag = "practices",
    params(("id" = String, Path, description = "The practice's id", example = "es-bilbao-open-data-portal")),
    responses(
        (status = 200, description = "The practice", body = PracticeResource),
        (status = 404, description = "No such practice, or not published", body = ErrorBody)))]
async fn get_practice(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Json<PracticeResource>, ApiError> {
    let missing = || ApiError::not_found(format!("no practice {id}"));
    let parsed = smartcities_domain::PracticeId::parse(&id).map_err(|_| missing())?;
    let user = viewer.0.as_ref().map(|s| &s.user);
    match state.app.practice_page(user, &parsed).await {
        Ok(page) => Ok(Json(PracticeResource {
            practice: page.stored.practice,
            status: page.stored.status,
            version: page.stored.version,
        })),
        Err(smartcities_app::AppError::Refused(smartcities_app::Refusal::NotFound)) => Err(missing()),
        Err(e) => Err(e.into()),
    }
}

/// The figures a past edition's report published, each with its source.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FigureList {
    figures: Vec<smartcities_domain::PublishedFigure>,
}

/// The figures of an edition as JSON.
#[utoipa::path(get, path = "/api/v1/editions/{year}/figures", tag = "editions",
    params(("year" = u16, Path, description = "The edition's year")),
    responses(
        (status = 200, description = "The figures the edition's report published, with their sources", body = FigureList),
        (status = 404, description = "No such edition", body = ErrorBody)))]
pub async fn api_figures(
    State(state): State<AppState>,
    Path(year): Path<String>,
) -> Result<Json<FigureList>, ApiError> {
    let missing = || ApiError::not_found(format!("no edition {year}"));
    let year_v = EditionYear::parse(&year).map_err(|_| missing())?;
    state.app.edition(year_v).await?.ok_or_else(missing)?;
    Ok(Json(FigureList { figures: state.app.published_figures(year_v).await? }))
}
