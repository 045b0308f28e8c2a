//! The community page: the leadership with its bodies and councils, the activity plan as a
//! timeline, and the secretariat's forms for both.

use std::collections::{BTreeMap, HashMap};

use axum::{
    extract::{Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_domain::{
    Activity, ActivityStatus, ApproxDate, BodySeat, CityId, Component, Council, EditionYear, EventId, Lang,
    Leadership, Semester,
};

use super::*;
use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, approx_date, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

#[derive(Serialize)]
pub(super) struct ActivityView {
    id: String,
    title: String,
    status: &'static str,
    status_text: String,
    owner: String,
    edition: String,
    when: String,
}

#[derive(Serialize)]
pub(super) struct TimelineLane {
    code: &'static str,
    heading: String,
    /// One list of activities per semester column.
    cells: Vec<Vec<ActivityView>>,
}

#[derive(Serialize)]
pub(super) struct CommunityPage {
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

pub(super) fn activity_view(lang: Lang, a: &Activity) -> ActivityView {
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

pub(super) fn leadership_form_of(l: &Leadership) -> BTreeMap<String, String> {
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
pub(super) fn default_period(today: smartcities_domain::Day) -> (String, String) {
    let year = today.parts().0;
    (format!("{}-01", year - 1), format!("{year}-12"))
}

/// Every semester from the first activity's to the last one's (at most 40), so the timeline
/// shows the gaps too.
fn semester_span(activities: &[Activity]) -> Vec<Semester> {
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
}

pub(super) async fn community_page(
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
            let city = state
                .app
                .city(&l.city)
                .await?
                .map_or_else(|| l.city.to_string(), |c| c.name_in(lang).to_string());
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
    let semesters = semester_span(&activities);
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
            .map(|c| (c.id.to_string(), c.name_in(lang).to_string()))
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

pub(super) fn leadership_from(fields: &Fields) -> Result<Leadership, HashMap<String, String>> {
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

pub(super) fn activity_from(fields: &Fields) -> Result<Activity, HashMap<String, String>> {
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
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
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
