//! The community keeping itself on the web: a member's renewal page (opened by the mailed
//! link, no sign-in), the secretariat's renewal dashboard with the applications to join, the
//! public form to apply, and the community page — leadership, the activity plan as a timeline,
//! and the progress report to the World Secretariat.

use std::collections::{BTreeMap, HashMap};

use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::{
    AppError, Refusal,
    community::ReportFormat,
    community_problem,
    membership::{Decision, RenewalChoice, RenewalInvitation, RoundView},
};
use smartcities_domain::{
    Activity, ActivityStatus, ApproxDate, BodySeat, CityId, Component, Coordinates, Council, EditionYear,
    EventId, Lang, Leadership, MAX_FOCAL_POINTS, RenewalAnswer, Semester, focal_point,
};
use smartcities_publish::progress::Period;

use crate::{
    AppState,
    auth::{Secretariat, Staff, Viewer},
    form::{check_csrf, parse_form},
    i18n::{Negotiated, approx_date, t, timestamp, translate},
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

type Fields = HashMap<String, Vec<String>>;

/// Every field as typed (its first value), to give a refused form back.
fn typed(fields: &Fields) -> BTreeMap<String, String> {
    fields.iter().filter_map(|(k, v)| v.first().map(|v| (k.clone(), v.clone()))).collect()
}

fn first(fields: &Fields, name: &str) -> String {
    fields.get(name).and_then(|v| v.first()).map_or(String::new(), |s| s.trim().to_string())
}

/// A refusal's problems by field, in `lang`; other refusals under the form as a whole.
fn problems_by_field(lang: Lang, e: AppError) -> Result<HashMap<String, String>, PageError> {
    match e {
        AppError::Refused(Refusal::CommunityInvalid(problems)) => {
            let mut errors = HashMap::new();
            for (field, problem) in &problems {
                errors.entry(field.clone()).or_insert_with(|| community_problem(lang, problem));
            }
            Ok(errors)
        }
        other => Ok(HashMap::from([("form".to_string(), form_refusal(lang, other)?)])),
    }
}

#[derive(Serialize, Default, Clone)]
struct FocalRow {
    name: String,
    role: String,
    email: String,
}

#[derive(Serialize)]
struct RenewalPage {
    round_title: String,
    closes_on: String,
    closed: bool,
    city: String,
    answer: &'static str,
    answer_text: String,
    answered_at: String,
    focal: Vec<FocalRow>,
    note: String,
    errors: HashMap<String, String>,
    token: String,
    done: bool,
}

fn renewal_page_body(
    lang: Lang,
    token: &str,
    invitation: &RenewalInvitation,
    focal: Option<Vec<FocalRow>>,
    errors: HashMap<String, String>,
    done: bool,
) -> RenewalPage {
    let mut focal = focal.unwrap_or_else(|| {
        invitation
            .member
            .focal_points
            .iter()
            .map(|f| FocalRow {
                name: f.name.clone(),
                role: f.role.clone(),
                email: f.email.as_str().to_string(),
            })
            .collect()
    });
    // Room for one more person, up to the limit.
    if focal.len() < MAX_FOCAL_POINTS {
        focal.push(FocalRow::default());
    }
    let closes_on = ApproxDate::parse(&invitation.round.closes_on)
        .map_or_else(|_| String::new(), |d| approx_date(lang, d));
    RenewalPage {
        round_title: invitation.round.title.clone(),
        closes_on,
        closed: invitation.round.closed_at.is_some(),
        city: invitation.city.name.clone(),
        answer: invitation.reply.answer.slug(),
        answer_text: t(lang, &format!("renewal-answer-{}", invitation.reply.answer.slug())),
        answered_at: invitation.reply.answered_at.map(|at| timestamp(lang, at)).unwrap_or_default(),
        focal,
        note: invitation.reply.note.clone().unwrap_or_default(),
        errors,
        token: token.to_string(),
        done,
    }
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

/// `GET /renewal/{token}`: what the member's focal point sees from the mailed link.
pub async fn renewal_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(token): Path<String>,
    Query(query): Query<DoneQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let invitation = state.app.renewal_invitation(&token).await.map_err(refused(lang))?;
    let body = renewal_page_body(lang, &token, &invitation, None, HashMap::new(), query.done.is_some());
    render_page(&ctx, "renewal.html", "members", body).await
}

fn focal_rows(fields: &Fields) -> Vec<FocalRow> {
    (1..=MAX_FOCAL_POINTS)
        .map(|i| FocalRow {
            name: first(fields, &format!("focal-{i}-name")),
            role: first(fields, &format!("focal-{i}-role")),
            email: first(fields, &format!("focal-{i}-email")),
        })
        .filter(|row| !(row.name.is_empty() && row.role.is_empty() && row.email.is_empty()))
        .collect()
}

/// `POST /renewal/{token}`: confirm, update or leave. A refused update comes back as typed.
pub async fn renewal_answer(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(token): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let fields = parse_form(&body);
    let rows = focal_rows(&fields);
    let mut errors = HashMap::new();
    let choice = match first(&fields, "action").as_str() {
        "confirm" => RenewalChoice::Confirm,
        "leave" => RenewalChoice::Leave(first(&fields, "note")),
        _ => {
            let mut points = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                match focal_point(&row.name, &row.role, &row.email) {
                    Ok(point) => points.push(point),
                    Err(problem) => {
                        errors.insert(format!("focal-{}-email", i + 1), community_problem(lang, &problem));
                    }
                }
            }
            RenewalChoice::Update(points)
        }
    };
    let outcome = if errors.is_empty() {
        state.app.answer_renewal(&token, &choice).await.map(|_| ())
    } else {
        Err(AppError::Refused(Refusal::CommunityInvalid(Vec::new())))
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/renewal/{token}?done=1")).into_response()),
        Err(e) => {
            errors.extend(problems_by_field(lang, e)?);
            errors.retain(|_, message| !message.is_empty());
            let invitation = state.app.renewal_invitation(&token).await.map_err(refused(lang))?;
            let body = renewal_page_body(lang, &token, &invitation, Some(rows), errors, false);
            let page = render_page(&ctx, "renewal.html", "members", body).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Serialize)]
struct ReplyRow {
    city_id: String,
    city: String,
    answer: &'static str,
    answer_text: String,
    answered_at: String,
    reminders: i64,
    note: String,
}

#[derive(Serialize)]
struct RoundRow {
    id: String,
    title: String,
    opened: String,
    closes_on: String,
    closed: String,
    confirmed: usize,
    updated: usize,
    left: usize,
    silent: usize,
    asked: usize,
    replies: Vec<ReplyRow>,
}

#[derive(Serialize)]
struct ApplicationRow {
    id: String,
    city: String,
    country: String,
    focal: String,
    motivation: String,
    submitted: String,
    status: String,
    pending: bool,
    reason: String,
    member: Option<String>,
}

#[derive(Serialize)]
struct DashboardPage {
    open: Option<RoundRow>,
    past: Vec<RoundRow>,
    filter: String,
    filters: Vec<(&'static str, String)>,
    applications: Vec<ApplicationRow>,
    errors: HashMap<String, String>,
    form: BTreeMap<String, String>,
    notice: String,
}

fn round_row(lang: Lang, view: &RoundView, filter: &str) -> RoundRow {
    let collator = crate::i18n::collator(lang);
    let mut replies: Vec<ReplyRow> = view
        .replies
        .iter()
        .filter(|(_, r)| filter.is_empty() || r.answer.slug() == filter)
        .map(|(city, reply)| ReplyRow {
            city_id: reply.city.to_string(),
            city: city.as_ref().map_or_else(|| reply.city.to_string(), |c| c.name.clone()),
            answer: reply.answer.slug(),
            answer_text: t(lang, &format!("renewal-answer-{}", reply.answer.slug())),
            answered_at: reply.answered_at.map(|at| timestamp(lang, at)).unwrap_or_default(),
            reminders: reply.reminders,
            note: reply.note.clone().unwrap_or_default(),
        })
        .collect();
    replies.sort_by(|a, b| collator.compare(&a.city, &b.city));
    let day = |text: &str| {
        ApproxDate::parse(text.get(..10).unwrap_or(text))
            .map_or_else(|_| text.to_string(), |d| approx_date(lang, d))
    };
    RoundRow {
        id: view.round.id.clone(),
        title: view.round.title.clone(),
        opened: day(&view.round.opened_at.to_string()),
        closes_on: day(&view.round.closes_on),
        closed: view.round.closed_at.map(|at| day(&at.to_string())).unwrap_or_default(),
        confirmed: view.counts.confirmed,
        updated: view.counts.updated,
        left: view.counts.left,
        silent: view.counts.silent,
        asked: view.counts.asked(),
        replies,
    }
}

#[derive(Deserialize, Default)]
pub struct DashboardQuery {
    answer: Option<String>,
    notice: Option<String>,
}

async fn dashboard(
    ctx: &Ctx<'_>,
    user: &smartcities_app::User,
    filter: &str,
    errors: HashMap<String, String>,
    form: BTreeMap<String, String>,
    notice: String,
) -> PageResult {
    let lang = ctx.lang;
    let rounds = ctx.state.app.renewal_rounds(user).await.map_err(refused(lang))?;
    let filter = RenewalAnswer::parse(filter).map_or("", |a| a.slug());
    let open = rounds.iter().find(|r| r.round.closed_at.is_none()).map(|r| round_row(lang, r, filter));
    let past =
        rounds.iter().filter(|r| r.round.closed_at.is_some()).map(|r| round_row(lang, r, "")).collect();
    let applications = ctx
        .state
        .app
        .applications(user)
        .await
        .map_err(refused(lang))?
        .into_iter()
        .map(|a| ApplicationRow {
            id: a.id.clone(),
            city: a.city_name.clone(),
            country: a.country.name(lang).to_string(),
            focal: format!(
                "{} ({}) <{}>",
                a.focal_point.name,
                a.focal_point.role,
                a.focal_point.email.as_str()
            ),
            motivation: a.motivation.clone(),
            submitted: timestamp(lang, a.submitted_at),
            status: t(lang, &format!("application-status-{}", a.status.slug())),
            pending: a.status == smartcities_domain::ApplicationStatus::Pending,
            reason: a.reason.clone().unwrap_or_default(),
            member: a.city.as_ref().map(CityId::to_string),
        })
        .collect();
    let filters = RenewalAnswer::ALL
        .iter()
        .map(|a| (a.slug(), t(lang, &format!("renewal-answer-{}", a.slug()))))
        .collect();
    let body =
        DashboardPage { open, past, filter: filter.to_string(), filters, applications, errors, form, notice };
    render_page(ctx, "renewal_dashboard.html", "members", body).await
}

/// `GET /members/renewal`: the secretariat's renewal dashboard and applications to join.
pub async fn renewal_dashboard(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    Query(query): Query<DashboardQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let notice = match query.notice.as_deref() {
        Some(key @ ("opened" | "reminded" | "closed" | "approved" | "declined")) => {
            t(lang, &format!("renewal-notice-{key}"))
        }
        _ => String::new(),
    };
    let filter = query.answer.unwrap_or_default();
    dashboard(&ctx, &user.user, &filter, HashMap::new(), BTreeMap::new(), notice).await
}

/// `POST /members/renewal`: open, remind, close; approve or decline an application.
pub async fn renewal_act(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let fields = parse_form(&body);
    check_csrf(&viewer, fields.get("csrf").and_then(|v| v.first()).map(String::as_str), lang)?;
    let user = &user.user;
    let action = first(&fields, "action");
    let app = &state.app;
    let outcome: Result<&str, AppError> = match action.as_str() {
        "open" => app
            .open_renewal(user, &first(&fields, "title"), &first(&fields, "closes_on"))
            .await
            .map(|_| "opened"),
        "remind" => app.remind_renewal(user).await.map(|_| "reminded"),
        "close" if first(&fields, "confirm") == "on" => app.close_renewal(user).await.map(|_| "closed"),
        "close" => Err(AppError::Refused(Refusal::CommunityInvalid(vec![(
            "confirm".into(),
            smartcities_domain::CommunityProblem::Missing,
        )]))),
        "approve" | "decline" => {
            let id = first(&fields, "application");
            let decision = if action == "decline" {
                Ok(Decision::Decline { reason: first(&fields, "reason") })
            } else {
                let number = |name: &str| first(&fields, name).replace(',', ".").parse::<f64>().ok();
                let population =
                    first(&fields, "population").replace([' ', '.', ',', '\u{a0}'], "").parse::<u64>().ok();
                match number("latitude")
                    .zip(number("longitude"))
                    .and_then(|(lat, lon)| Coordinates::new(lat, lon).ok())
                {
                    Some(location) => Ok(Decision::Approve { location, population }),
                    None => Err(AppError::Refused(Refusal::CommunityInvalid(vec![(
                        "location".into(),
                        smartcities_domain::CommunityProblem::Missing,
                    )]))),
                }
            };
            match decision {
                Ok(decision) => app
                    .decide_application(user, &id, &decision)
                    .await
                    .map(|_| if action == "decline" { "declined" } else { "approved" }),
                Err(e) => Err(e),
            }
        }
        _ => Err(AppError::Refused(Refusal::NotFound)),
    };
    match outcome {
        Ok(notice) => Ok(Redirect::to(&format!("/members/renewal?notice={notice}")).into_response()),
        Err(e) => {
            let mut errors = problems_by_field(lang, e)?;
            // Problems of an application's form are shown beside that application.
            let target = first(&fields, "application");
            if !target.is_empty() {
                errors = errors.into_iter().map(|(k, v)| (format!("{target}-{k}"), v)).collect();
            }
            let form = typed(&fields);
            let page = dashboard(&ctx, user, "", errors, form, String::new()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Serialize)]
struct JoinPage {
    form: BTreeMap<String, String>,
    errors: HashMap<String, String>,
    countries: Vec<(String, String)>,
    sent: bool,
}

fn countries(lang: Lang) -> Vec<(String, String)> {
    let collator = crate::i18n::collator(lang);
    let mut list: Vec<(String, String)> = smartcities_domain::Country::all()
        .map(|c| (c.code.as_str().to_string(), c.code.name(lang).to_string()))
        .collect();
    list.sort_by(|a, b| collator.compare(&a.1, &b.1));
    list
}

#[derive(Deserialize, Default)]
pub struct SentQuery {
    sent: Option<String>,
}

/// `GET /members/join`: the form a city fills in to apply.
pub async fn join_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Query(query): Query<SentQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let body = JoinPage {
        form: BTreeMap::new(),
        errors: HashMap::new(),
        countries: countries(lang),
        sent: query.sent.is_some(),
    };
    render_page(&ctx, "join.html", "members", body).await
}

/// `POST /members/join`: records the application; a refused one comes back as typed.
pub async fn join(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let fields = parse_form(&body);
    let focal = focal_point(&first(&fields, "name"), &first(&fields, "role"), &first(&fields, "email"));
    let applied = state
        .app
        .apply_to_join(
            &first(&fields, "city_name"),
            &first(&fields, "country"),
            focal,
            &first(&fields, "motivation"),
        )
        .await;
    match applied {
        Ok(_) => Ok(Redirect::to("/members/join?sent=1").into_response()),
        Err(e) => {
            let errors = problems_by_field(lang, e)?;
            let form = typed(&fields);
            let body = JoinPage { form, errors, countries: countries(lang), sent: false };
            let page = render_page(&ctx, "join.html", "members", body).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Serialize)]
struct ActivityView {
    id: String,
    title: String,
    status: &'static str,
    status_text: String,
    owner: String,
    edition: String,
    when: String,
}

#[derive(Serialize)]
struct TimelineLane {
    code: &'static str,
    heading: String,
    /// One list of activities per semester column.
    cells: Vec<Vec<ActivityView>>,
}

#[derive(Serialize)]
struct CommunityPage {
    lead: Option<BTreeMap<&'static str, String>>,
    bodies: Vec<(String, String)>,
    councils: Vec<(String, String)>,
    semesters: Vec<String>,
    lanes: Vec<TimelineLane>,
    staff: bool,
    secretariat: bool,
    leadership_form: BTreeMap<String, String>,
    activity_form: BTreeMap<String, String>,
    errors: HashMap<String, String>,
    components: Vec<(&'static str, String)>,
    statuses: Vec<(&'static str, String)>,
    cities: Vec<(String, String)>,
    report: BTreeMap<&'static str, String>,
}

fn activity_view(lang: Lang, a: &Activity) -> ActivityView {
    let when = match (a.starts_on, a.ends_on) {
        (Some(s), Some(e)) if s != e => format!("{} – {}", approx_date(lang, s), approx_date(lang, e)),
        (Some(s), _) => approx_date(lang, s),
        _ => String::new(),
    };
    ActivityView {
        id: a.id.to_string(),
        title: a.title.clone(),
        status: a.status.slug(),
        status_text: t(lang, &format!("activity-status-{}", a.status.slug())),
        owner: a.owner.clone(),
        edition: a.edition.map(|e| e.to_string()).unwrap_or_default(),
        when,
    }
}

fn leadership_form_of(l: &Leadership) -> BTreeMap<String, String> {
    let mut form = BTreeMap::from([
        ("city".to_string(), l.city.to_string()),
        ("representative".to_string(), l.representative.clone()),
        ("office".to_string(), l.office.clone()),
        ("since".to_string(), l.since.to_string()),
        ("update".to_string(), l.update.clone()),
    ]);
    let bodies: Vec<String> = l.bodies.iter().map(|b| format!("{} | {}", b.body, b.role)).collect();
    form.insert("bodies".into(), bodies.join("\n"));
    let councils: Vec<String> = l
        .councils
        .iter()
        .map(|c| {
            let years: Vec<String> = c.received.iter().map(ToString::to_string).collect();
            if years.is_empty() { c.name.clone() } else { format!("{} | {}", c.name, years.join(", ")) }
        })
        .collect();
    form.insert("councils".into(), councils.join("\n"));
    form
}

/// The default reporting period: the two calendar years up to this one.
fn default_period(today: smartcities_domain::Day) -> (String, String) {
    let year = today.parts().0;
    (format!("{}-01", year - 1), format!("{year}-12"))
}

async fn community_page(
    ctx: &Ctx<'_>,
    leadership_form: Option<BTreeMap<String, String>>,
    activity_form: Option<BTreeMap<String, String>>,
    errors: HashMap<String, String>,
) -> PageResult {
    let (state, lang) = (ctx.state, ctx.lang);
    let leadership = state.app.leadership().await.map_err(refused(lang))?;
    let activities = state.app.activities().await.map_err(refused(lang))?;
    let staff = ctx.viewer.app().is_staff();
    let secretariat = ctx.viewer.is_secretariat();
    let lead = match &leadership {
        Some(l) => {
            let city = state.app.city(&l.city).await?.map_or_else(|| l.city.to_string(), |c| c.name);
            Some(BTreeMap::from([
                ("city", city.clone()),
                ("city_id", l.city.to_string()),
                (
                    "line",
                    translate(
                        lang,
                        "progress-lead",
                        &[
                            ("city", city.clone().into()),
                            ("representative", l.representative.clone().into()),
                            ("office", l.office.clone().into()),
                        ],
                    ),
                ),
                (
                    "since",
                    translate(
                        lang,
                        "progress-lead-since",
                        &[("city", city.into()), ("since", approx_date(lang, l.since).into())],
                    ),
                ),
                ("update", l.update.clone()),
            ]))
        }
        None => None,
    };
    let semesters: Vec<Semester> = {
        let mut all: Vec<Semester> = activities.iter().map(|a| a.semester).collect();
        all.sort();
        all.dedup();
        match (all.first(), all.last()) {
            (Some(first), Some(last)) => {
                let mut s = *first;
                let mut out = vec![s];
                while s < *last && out.len() < 40 {
                    s = s.next();
                    out.push(s);
                }
                out
            }
            _ => Vec::new(),
        }
    };
    let lanes = Component::ALL
        .iter()
        .map(|c| TimelineLane {
            code: c.slug(),
            heading: t(lang, &format!("component-{}", c.slug())),
            cells: semesters
                .iter()
                .map(|s| {
                    activities
                        .iter()
                        .filter(|a| a.component == *c && a.semester == *s)
                        .map(|a| activity_view(lang, a))
                        .collect()
                })
                .collect(),
        })
        .collect();
    let cities = if secretariat {
        let collator = crate::i18n::collator(lang);
        let mut list: Vec<(String, String)> = state
            .app
            .cities(&Default::default())
            .await?
            .into_iter()
            .map(|c| (c.id.to_string(), c.name))
            .collect();
        list.sort_by(|a, b| collator.compare(&a.1, &b.1));
        list
    } else {
        Vec::new()
    };
    let (from, to) = default_period(state.app.today());
    let body = CommunityPage {
        bodies: leadership.iter().flat_map(|l| &l.bodies).map(|b| (b.body.clone(), b.role.clone())).collect(),
        councils: leadership
            .iter()
            .flat_map(|l| &l.councils)
            .map(|c| {
                let years: Vec<String> = c.received.iter().map(ToString::to_string).collect();
                let detail = if years.is_empty() {
                    t(lang, "progress-council-nothing")
                } else {
                    translate(lang, "progress-council-received", &[("editions", years.join(", ").into())])
                };
                (c.name.clone(), detail)
            })
            .collect(),
        lead,
        semesters: semesters.iter().map(ToString::to_string).collect(),
        lanes,
        staff,
        secretariat,
        leadership_form: leadership_form
            .unwrap_or_else(|| leadership.as_ref().map(leadership_form_of).unwrap_or_default()),
        activity_form: activity_form.unwrap_or_default(),
        errors,
        components: Component::ALL
            .iter()
            .map(|c| (c.slug(), t(lang, &format!("component-{}", c.slug()))))
            .collect(),
        statuses: ActivityStatus::ALL
            .iter()
            .map(|s| (s.slug(), t(lang, &format!("activity-status-{}", s.slug()))))
            .collect(),
        cities,
        report: BTreeMap::from([("from", from), ("to", to), ("lang", lang.code().to_string())]),
    };
    render_page(ctx, "community.html", "community", body).await
}

#[derive(Deserialize, Default)]
pub struct CommunityQuery {
    edit: Option<String>,
}

/// `GET /community`: leadership, bodies and councils, the activity plan as a timeline; the
/// secretariat also gets their forms, staff the progress report.
pub async fn page(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Query(query): Query<CommunityQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let activity_form = match query.edit.filter(|_| viewer.is_secretariat()) {
        Some(id) => state
            .app
            .activities()
            .await
            .map_err(refused(lang))?
            .into_iter()
            .find(|a| a.id.as_str() == id)
            .map(|a| {
                BTreeMap::from([
                    ("editing".to_string(), a.id.to_string()),
                    ("id".to_string(), a.id.to_string()),
                    ("title".to_string(), a.title.clone()),
                    ("semester".to_string(), a.semester.to_string()),
                    ("edition".to_string(), a.edition.map(|e| e.to_string()).unwrap_or_default()),
                    ("component".to_string(), a.component.slug().to_string()),
                    ("status".to_string(), a.status.slug().to_string()),
                    ("owner".to_string(), a.owner.clone()),
                    ("starts_on".to_string(), a.starts_on.map(|d| d.to_string()).unwrap_or_default()),
                    ("ends_on".to_string(), a.ends_on.map(|d| d.to_string()).unwrap_or_default()),
                ])
            }),
        None => None,
    };
    community_page(&ctx, None, activity_form, HashMap::new()).await
}

fn leadership_from(fields: &Fields) -> Result<Leadership, HashMap<String, String>> {
    let mut errors = HashMap::new();
    let city =
        CityId::parse(&first(fields, "city")).map_err(|e| errors.insert("city".into(), e.to_string())).ok();
    let since = ApproxDate::parse(&first(fields, "since"))
        .map_err(|e| errors.insert("since".into(), e.to_string()))
        .ok();
    let lines = |name: &str| -> Vec<(String, String)> {
        first(fields, name)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(50)
            .map(|l| match l.split_once('|') {
                Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
                None => (l.to_string(), String::new()),
            })
            .collect()
    };
    let bodies = lines("bodies").into_iter().map(|(body, role)| BodySeat { body, role }).collect();
    let mut councils = Vec::new();
    for (name, years) in lines("councils") {
        let mut received = Vec::new();
        for year in years.split(',').map(str::trim).filter(|y| !y.is_empty()) {
            match EditionYear::parse(year) {
                Ok(y) => received.push(y),
                Err(e) => {
                    errors.insert("councils".into(), e.to_string());
                }
            }
        }
        councils.push(Council { name, received });
    }
    match (city, since) {
        (Some(city), Some(since)) if errors.is_empty() => Ok(Leadership {
            city,
            representative: first(fields, "representative"),
            office: first(fields, "office"),
            since,
            update: first(fields, "update"),
            bodies,
            councils,
            illustrative: false,
        }),
        _ => Err(errors),
    }
}

fn activity_from(fields: &Fields) -> Result<Activity, HashMap<String, String>> {
    let mut errors = HashMap::new();
    let mut note = |field: &str, message: String| {
        errors.entry(field.to_string()).or_insert(message);
    };
    let id = EventId::parse(&first(fields, "id")).map_err(|e| note("id", e.to_string())).ok();
    let semester =
        Semester::parse(&first(fields, "semester")).map_err(|e| note("semester", e.to_string())).ok();
    let component =
        Component::parse(&first(fields, "component")).map_err(|e| note("component", e.to_string())).ok();
    let status =
        ActivityStatus::parse(&first(fields, "status")).map_err(|e| note("status", e.to_string())).ok();
    let optional_date = |name: &str, note: &mut dyn FnMut(&str, String)| match first(fields, name).as_str() {
        "" => None,
        text => ApproxDate::parse(text).map_err(|e| note(name, e.to_string())).ok(),
    };
    let starts_on = optional_date("starts_on", &mut note);
    let ends_on = optional_date("ends_on", &mut note);
    let edition = match first(fields, "edition").as_str() {
        "" => None,
        text => EditionYear::parse(text).map_err(|e| note("edition", e.to_string())).ok(),
    };
    match (id, semester, component, status) {
        (Some(id), Some(semester), Some(component), Some(status)) if errors.is_empty() => Ok(Activity {
            id,
            title: first(fields, "title"),
            semester,
            edition,
            component,
            status,
            owner: first(fields, "owner"),
            starts_on,
            ends_on,
            illustrative: false,
        }),
        _ => Err(errors),
    }
}

/// `POST /community`: saves the leadership record or an activity; refused forms come back as
/// typed, each problem beside its field.
pub async fn save(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let fields = parse_form(&body);
    check_csrf(&viewer, fields.get("csrf").and_then(|v| v.first()).map(String::as_str), lang)?;
    let form = typed(&fields);
    let leadership = first(&fields, "action") == "leadership";
    let outcome: Result<String, HashMap<String, String>> = if leadership {
        match leadership_from(&fields) {
            Ok(l) => match state.app.save_leadership(&user.user, &l).await {
                Ok(()) => Ok("leadership".into()),
                Err(e) => Err(problems_by_field(lang, e)?),
            },
            Err(errors) => Err(errors),
        }
    } else {
        match activity_from(&fields) {
            Ok(a) => {
                let editing = first(&fields, "editing");
                let taken = editing != a.id.as_str()
                    && state.app.activities().await.map_err(refused(lang))?.iter().any(|x| x.id == a.id);
                if taken {
                    Err(HashMap::from([(
                        "id".to_string(),
                        translate(lang, "refused-event-id-taken", &[("id", a.id.to_string().into())]),
                    )]))
                } else {
                    match state.app.record_activity(&user.user, &a).await {
                        Ok(()) => Ok(format!("plan-{}", a.id)),
                        Err(e) => Err(problems_by_field(lang, e)?),
                    }
                }
            }
            Err(errors) => Err(errors),
        }
    };
    match outcome {
        Ok(anchor) => Ok(Redirect::to(&format!("/community#{anchor}")).into_response()),
        Err(errors) => {
            let (l, a) = if leadership { (Some(form), None) } else { (None, Some(form)) };
            let page = community_page(&ctx, l, a, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `POST /community/report`: the progress report over a period, in a language, as HTML or
/// PDF, with the summary as the secretariat edited it.
pub async fn report(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    Staff(user): Staff,
    body: Bytes,
) -> Result<Response, PageError> {
    let fields = parse_form(&body);
    check_csrf(&viewer, fields.get("csrf").and_then(|v| v.first()).map(String::as_str), lang)?;
    let period = Period::parse(&first(&fields, "from"), &first(&fields, "to"))
        .map_err(|e| PageError::Refused(lang, e))?;
    let report_lang = Lang::from_tag(&first(&fields, "lang")).unwrap_or(lang);
    let summary = Some(first(&fields, "summary")).filter(|s| !s.is_empty());
    let report = state.app.progress_report(&user.user, period, summary).await.map_err(refused(lang))?;
    let (format, content_type, extension) = if first(&fields, "format") == "pdf" {
        (ReportFormat::Pdf, "application/pdf", "pdf")
    } else {
        (ReportFormat::Html, "text/html; charset=utf-8", "html")
    };
    let bytes = state.app.progress_report_file(report, report_lang, format).await.map_err(refused(lang))?;
    let name = format!(
        "progress-report-{}-{}-{}.{extension}",
        first(&fields, "from"),
        first(&fields, "to"),
        report_lang.code()
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /community/summary?from=&to=&lang=`: the drafted summary of results, for the
/// secretariat to start editing from.
pub async fn draft(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Staff(user): Staff,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let get = |k: &str| query.get(k).cloned().unwrap_or_default();
    let period = Period::parse(&get("from"), &get("to")).map_err(|e| PageError::Refused(lang, e))?;
    let report_lang = Lang::from_tag(&get("lang")).unwrap_or(lang);
    let report = state.app.progress_report(&user.user, period, None).await.map_err(refused(lang))?;
    let text = smartcities_publish::progress::draft_summary(&report, report_lang);
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response())
}
