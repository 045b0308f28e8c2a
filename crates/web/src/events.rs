//! The community's events: the calendar (upcoming and past, the public ones for everyone, all
//! for the secretariat and analysts), the secretariat's form to record or correct one, and the
//! iCalendar feed of upcoming public events.

use std::collections::HashMap;

use axum::{
    extract::{Query, State},
    http::{StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::{AppError, Refusal, event_problem};
use smartcities_domain::{ApproxDate, Component, EditionYear, Event, EventId, EventKind, Lang};

use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

#[derive(Deserialize, Default)]
pub struct EditQuery {
    edit: Option<String>,
}

#[derive(Serialize)]
struct EventView {
    id: String,
    title: String,
    language: &'static str,
    when: String,
    kind: String,
    place: String,
    audience: String,
    partners: String,
    materials: Vec<String>,
    attendance: Option<u32>,
    component: String,
    public: bool,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

/// The form's values: an event's, the ones just submitted, or blank ones.
#[derive(Serialize, Default)]
struct FormView {
    editing: Option<String>,
    id: String,
    kind: String,
    title: String,
    language: String,
    starts_on: String,
    ends_on: String,
    place: String,
    audience: String,
    partners: Vec<String>,
    materials: String,
    attendance: String,
    component: String,
    edition: String,
    public: bool,
}

#[derive(Serialize)]
struct EventsPage {
    upcoming: Vec<EventView>,
    past: Vec<EventView>,
    form: Option<FormView>,
    /// Problems by field name.
    errors: HashMap<String, String>,
    kinds: Vec<Choice>,
    components: Vec<Choice>,
    languages: Vec<Choice>,
    partners: Vec<Choice>,
    editions: Vec<Choice>,
}

fn when(lang: Lang, event: &Event) -> String {
    let start = crate::i18n::approx_date(lang, event.starts_on);
    match event.ends_on.filter(|end| *end != event.starts_on) {
        Some(end) => format!("{start} – {}", crate::i18n::approx_date(lang, end)),
        None => start,
    }
}

fn form_of(event: &Event) -> FormView {
    FormView {
        editing: Some(event.id.to_string()),
        id: event.id.to_string(),
        kind: event.kind.slug().into(),
        title: event.title.clone(),
        language: event.language.code().into(),
        starts_on: event.starts_on.to_string(),
        ends_on: event.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        place: event.place.clone().unwrap_or_default(),
        audience: event.audience.clone(),
        partners: event.partners.clone(),
        materials: event.materials.join("\n"),
        attendance: event.attendance.map(|n| n.to_string()).unwrap_or_default(),
        component: event.component.slug().into(),
        edition: event.edition.map(|e| e.to_string()).unwrap_or_default(),
        public: event.public,
    }
}

fn form_from_fields(fields: &HashMap<String, Vec<String>>) -> FormView {
    let first =
        |name: &str| fields.get(name).and_then(|v| v.first()).map_or(String::new(), |s| s.trim().to_string());
    FormView {
        editing: Some(first("editing")).filter(|e| !e.is_empty()),
        id: first("id"),
        kind: first("kind"),
        title: first("title"),
        language: first("language"),
        starts_on: first("starts_on"),
        ends_on: first("ends_on"),
        place: first("place"),
        audience: first("audience"),
        partners: fields.get("partners").cloned().unwrap_or_default(),
        materials: first("materials"),
        attendance: first("attendance"),
        component: first("component"),
        edition: first("edition"),
        public: first("public") == "on",
    }
}

/// The event a form describes, or its problems by field.
fn event_from_form(lang: Lang, form: &FormView) -> Result<Event, HashMap<String, String>> {
    let mut errors = HashMap::new();
    let mut note = |field: &str, message: String| {
        errors.entry(field.to_string()).or_insert(message);
    };
    // An id left blank is made from the day and the title; one typed must follow the rule.
    let id = if form.id.trim().is_empty() {
        EventId::from_title(&form.starts_on, &form.title)
            .ok_or_else(|| note("id", t(lang, "event-problem-id")))
            .ok()
    } else {
        EventId::parse(&form.id).map_err(|_| note("id", t(lang, "event-problem-id"))).ok()
    };
    let kind = EventKind::parse(&form.kind).map_err(|_| note("kind", t(lang, "event-problem-choice"))).ok();
    let component = Component::parse(&form.component)
        .map_err(|_| note("component", t(lang, "event-problem-choice")))
        .ok();
    let language = Lang::from_tag(&form.language);
    if language.is_none() {
        note("language", t(lang, "event-problem-language"));
    }
    let date = |text: &str| ApproxDate::parse(text).map_err(|_| t(lang, "event-problem-date"));
    let starts_on = date(&form.starts_on).map_err(|e| note("starts_on", e)).ok();
    let ends_on = match form.ends_on.as_str() {
        "" => None,
        text => date(text).map_err(|e| note("ends_on", e)).ok(),
    };
    let attendance = match form.attendance.as_str() {
        "" => None,
        // A count by the page language's rule: "1.200" on a Spanish page is ambiguous, not 1.
        text => smartcities_domain::read_count(text, lang)
            .map_err(|problem| problem.message(lang))
            .and_then(|n| u32::try_from(n).map_err(|_| t(lang, "event-problem-attendance")))
            .map_err(|message| note("attendance", message))
            .ok(),
    };
    let edition = match form.edition.as_str() {
        "" => None,
        text => EditionYear::parse(text).map_err(|_| note("edition", t(lang, "event-problem-choice"))).ok(),
    };
    match (id, kind, component, language, starts_on) {
        (Some(id), Some(kind), Some(component), Some(language), Some(starts_on)) if errors.is_empty() => {
            Ok(Event {
                id,
                kind,
                title: form.title.clone(),
                language,
                starts_on,
                ends_on,
                place: Some(form.place.clone()).filter(|p| !p.is_empty()),
                audience: form.audience.clone(),
                partners: form.partners.clone(),
                materials: form
                    .materials
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect(),
                attendance,
                component,
                edition,
                public: form.public,
                illustrative: false,
            })
        }
        _ => Err(errors),
    }
}

async fn events_page(ctx: &Ctx<'_>, form: Option<FormView>, errors: HashMap<String, String>) -> PageResult {
    let (state, lang, viewer) = (ctx.state, ctx.lang, ctx.viewer);
    let user = viewer.0.as_ref().map(|s| &s.user);
    let events = state.app.events(user).await.map_err(refused(lang))?;
    let partners = state.app.partners().await?;
    let partner_name =
        |id: &String| partners.iter().find(|p| &p.id == id).map_or_else(|| id.clone(), |p| p.name.clone());
    let view = |e: &Event| EventView {
        id: e.id.to_string(),
        title: e.title.clone(),
        language: e.language.code(),
        when: when(lang, e),
        kind: t(lang, &format!("event-kind-{}", e.kind.slug())),
        place: e.place.clone().unwrap_or_else(|| t(lang, "event-online")),
        audience: e.audience.clone(),
        partners: e.partners.iter().map(partner_name).collect::<Vec<_>>().join(", "),
        materials: e.materials.clone(),
        attendance: e.attendance,
        component: t(lang, &format!("component-{}", e.component.slug())),
        public: e.public,
    };
    let today = state.app.today();
    let upcoming = events.iter().filter(|e| !e.is_past(today)).map(view).collect();
    let past = events.iter().rev().filter(|e| e.is_past(today)).map(view).collect();
    let editions = state.app.editions().await?;
    let choices = |values: Vec<(String, String)>| {
        values.into_iter().map(|(value, label)| Choice { value, label }).collect::<Vec<_>>()
    };
    let body = EventsPage {
        upcoming,
        past,
        form,
        errors,
        kinds: choices(
            EventKind::ALL
                .iter()
                .map(|k| (k.slug().into(), t(lang, &format!("event-kind-{}", k.slug()))))
                .collect(),
        ),
        components: choices(
            Component::ALL
                .iter()
                .map(|c| (c.slug().into(), t(lang, &format!("component-{}", c.slug()))))
                .collect(),
        ),
        languages: choices(
            Lang::ALL.iter().map(|l| (l.code().into(), t(lang, &format!("language-{}", l.code())))).collect(),
        ),
        partners: choices(partners.iter().map(|p| (p.id.clone(), p.name.clone())).collect()),
        editions: choices(
            editions
                .iter()
                .map(|e| (e.year.to_string(), format!("{} · {}", e.year, e.title.get(lang))))
                .collect(),
        ),
    };
    render_page(ctx, "events.html", "events", body).await
}

/// `GET /events`: the calendar; the secretariat also gets the form (`?edit=ID` to correct one).
pub async fn list(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Query(query): Query<EditQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let form = if viewer.is_secretariat() {
        let editing = match &query.edit {
            Some(id) => state.app.event(id).await?,
            None => None,
        };
        Some(editing.as_ref().map_or_else(
            || FormView { language: lang.code().into(), public: true, ..FormView::default() },
            form_of,
        ))
    } else {
        None
    };
    events_page(&ctx, form, HashMap::new()).await
}

/// `POST /events`: records or corrects an event; a refused form comes back as typed, with each
/// problem beside its field.
pub async fn save(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let form = form_from_fields(&fields);
    let refuse = |form: FormView, errors: HashMap<String, String>| async {
        let page = events_page(&ctx, Some(form), errors).await?;
        Ok::<_, PageError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let event = match event_from_form(lang, &form) {
        Ok(event) => event,
        Err(errors) => return refuse(form, errors).await,
    };
    let editing = form.editing.as_deref().and_then(|id| EventId::parse(id).ok());
    match state.app.record_event(&user.user, &event, editing.as_ref()).await {
        Ok(()) => Ok(Redirect::to(&format!("/events#{}", event.id)).into_response()),
        Err(AppError::Refused(Refusal::EventInvalid(problems))) => {
            let mut errors = HashMap::new();
            for (field, problem) in &problems {
                errors.entry((*field).to_string()).or_insert_with(|| event_problem(lang, problem));
            }
            refuse(form, errors).await
        }
        Err(AppError::Refused(Refusal::EventIdTaken { id })) => {
            let message = translate(lang, "refused-event-id-taken", &[("id", id.into())]);
            refuse(form, HashMap::from([("id".to_string(), message)])).await
        }
        Err(e) => Err(refused(lang)(e)),
    }
}

/// `GET /events.ics`: the upcoming public events as an iCalendar feed.
pub async fn calendar(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
) -> Result<Response, PageError> {
    let today = state.app.today();
    let events: Vec<Event> = state
        .app
        .events(None)
        .await
        .map_err(refused(lang))?
        .into_iter()
        .filter(|e| !e.is_past(today))
        .collect();
    let host = state
        .app
        .public_url()
        .and_then(|url| url.split("://").nth(1))
        .map(|rest| rest.split('/').next().unwrap_or(rest).to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "smartcities.invalid".into());
    let stamp: String = state.app.now().to_string().chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let body = smartcities_publish::ical::calendar(&events, &t(lang, "events-feed-title"), &stamp, &host);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"events.ics\""),
        ],
        body,
    )
        .into_response())
}
