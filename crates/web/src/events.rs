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
use smartcities_domain::{
    ApproxDate, ClockTime, Component, EditionYear, Event, EventHours, EventId, EventKind, Lang, Written,
    ZoneName,
};

use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
    written::{TextFields, TextView, fields_of, posted, text_view, written_from},
};

#[derive(Deserialize, Default)]
pub struct EditQuery {
    edit: Option<String>,
    /// Only the events with no text in this language (the secretariat's view).
    missing: Option<String>,
}

/// An event's hours as shown: in its zone, with the moment for the reader's own clock.
#[derive(Serialize)]
struct HoursView {
    text: String,
    /// The start, in UTC, for the page script to show on the reader's clock.
    utc: String,
    zone: String,
}

#[derive(Serialize)]
struct EventView {
    id: String,
    title: TextView,
    language: &'static str,
    when: String,
    hours: Option<HoursView>,
    kind: String,
    place: Option<TextView>,
    online: Option<String>,
    registration: Option<String>,
    capacity: Option<u32>,
    audience: TextView,
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

/// The form's values: an event's, the ones just submitted, or blank ones. Each translatable
/// text has a field per language.
#[derive(Serialize, Default)]
struct FormView {
    editing: Option<String>,
    id: String,
    kind: String,
    original: String,
    title: TextFields,
    language: String,
    starts_on: String,
    ends_on: String,
    starts_at: String,
    ends_at: String,
    zone: String,
    place: TextFields,
    online: String,
    registration: String,
    capacity: String,
    audience: TextFields,
    partners: Vec<String>,
    materials: String,
    attendance: String,
    component: String,
    edition: String,
    public: bool,
}

/// How many events lack a text in one language, for the secretariat.
#[derive(Serialize)]
struct Missing {
    code: &'static str,
    text: String,
}

#[derive(Serialize)]
struct EventsPage {
    upcoming: Vec<EventView>,
    past: Vec<EventView>,
    form: Option<FormView>,
    missing: Vec<Missing>,
    /// The language shown events lack, when the list is filtered.
    showing_missing: Option<String>,
    zones: Vec<&'static str>,
    /// Problems by field name.
    errors: HashMap<String, String>,
    kinds: Vec<Choice>,
    components: Vec<Choice>,
    event_languages: Vec<Choice>,
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

fn hours(lang: Lang, event: &Event) -> Option<HoursView> {
    let hours = event.hours.as_ref()?;
    let (start, end) = event.moments()?;
    let (zone, offset) = (hours.zone.to_string(), start.offset_label());
    let text = match hours.ends {
        Some(ends) => translate(
            lang,
            "events-hours",
            &[
                ("starts", hours.starts.to_string().into()),
                ("ends", ends.to_string().into()),
                ("zone", zone.clone().into()),
                ("offset", end.map_or(offset.clone(), |e| e.offset_label()).into()),
            ],
        ),
        None => translate(
            lang,
            "events-hours-start",
            &[
                ("starts", hours.starts.to_string().into()),
                ("zone", zone.clone().into()),
                ("offset", offset.into()),
            ],
        ),
    };
    Some(HoursView { text, utc: start.at.to_string(), zone })
}

fn form_of(event: &Event) -> FormView {
    FormView {
        editing: Some(event.id.to_string()),
        id: event.id.to_string(),
        kind: event.kind.slug().into(),
        original: event.title.original.code().into(),
        title: fields_of(Some(&event.title)),
        language: event.language.code().into(),
        starts_on: event.starts_on.to_string(),
        ends_on: event.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        starts_at: event.hours.as_ref().map(|h| h.starts.to_string()).unwrap_or_default(),
        ends_at: event.hours.as_ref().and_then(|h| h.ends).map(|t| t.to_string()).unwrap_or_default(),
        zone: event.hours.as_ref().map(|h| h.zone.to_string()).unwrap_or_default(),
        place: fields_of(event.place.as_ref()),
        online: event.online.clone().unwrap_or_default(),
        registration: event.registration.clone().unwrap_or_default(),
        capacity: event.capacity.map(|n| n.to_string()).unwrap_or_default(),
        audience: fields_of(Some(&event.audience)),
        partners: event.partners.clone(),
        materials: event.materials.join("\n"),
        attendance: event.attendance.map(|n| n.to_string()).unwrap_or_default(),
        component: event.component.slug().into(),
        edition: event.edition.map(|e| e.to_string()).unwrap_or_default(),
        public: event.public,
    }
}

fn form_from_fields(fields: &crate::form::Fields) -> FormView {
    let first = |name: &str| fields.first(name).to_string();
    FormView {
        editing: Some(first("editing")).filter(|e| !e.is_empty()),
        id: first("id"),
        kind: first("kind"),
        original: first("original"),
        title: posted(fields, "title"),
        language: first("language"),
        starts_on: first("starts_on"),
        ends_on: first("ends_on"),
        starts_at: first("starts_at"),
        ends_at: first("ends_at"),
        zone: first("zone"),
        place: posted(fields, "place"),
        online: first("online"),
        registration: first("registration"),
        capacity: first("capacity"),
        audience: posted(fields, "audience"),
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
    let original = Lang::from_tag(&form.original).unwrap_or(lang);
    let title = written_from(&form.title, original).unwrap_or_else(|| Written::new(original, ""));
    // An id left blank is made from the day and the title; one typed must follow the rule.
    let id = if form.id.trim().is_empty() {
        EventId::from_title(&form.starts_on, title.get(title.original).0)
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
    // A count by the page language's rule: "1.200" on a Spanish page is ambiguous, not 1.
    let count = |field: &str, text: &str| match text {
        "" => Ok(None),
        text => smartcities_domain::read_count(text, lang)
            .map_err(|problem| problem.message(lang))
            .and_then(|n| u32::try_from(n).map(Some).map_err(|_| t(lang, &format!("event-problem-{field}")))),
    };
    let attendance = count("attendance", &form.attendance).map_err(|m| note("attendance", m)).ok().flatten();
    let capacity = count("capacity", &form.capacity).map_err(|m| note("capacity", m)).ok().flatten();
    let hours = hours_from_form(lang, form, &mut note);
    let edition = match form.edition.as_str() {
        "" => None,
        text => EditionYear::parse(text).map_err(|_| note("edition", t(lang, "event-problem-choice"))).ok(),
    };
    match (id, kind, component, language, starts_on) {
        (Some(id), Some(kind), Some(component), Some(language), Some(starts_on)) if errors.is_empty() => {
            Ok(Event {
                id,
                kind,
                title,
                language,
                starts_on,
                ends_on,
                hours,
                place: written_from(&form.place, original),
                online: Some(form.online.clone()).filter(|l| !l.is_empty()),
                registration: Some(form.registration.clone()).filter(|l| !l.is_empty()),
                capacity,
                audience: written_from(&form.audience, original)
                    .unwrap_or_else(|| Written::new(original, "")),
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

/// The hours a form gives: none when no time is typed; a start needs a zone and a zone a start.
fn hours_from_form(lang: Lang, form: &FormView, note: &mut impl FnMut(&str, String)) -> Option<EventHours> {
    let mut clock = |field: &str, text: &str| match text {
        "" => None,
        text => ClockTime::parse(text).or_else(|| {
            note(field, t(lang, "event-problem-time"));
            None
        }),
    };
    let (starts, ends) = (clock("starts_at", &form.starts_at), clock("ends_at", &form.ends_at));
    let zone = match form.zone.as_str() {
        "" => None,
        text => ZoneName::parse(text).or_else(|| {
            note("zone", t(lang, "event-problem-zone"));
            None
        }),
    };
    match (starts, zone) {
        (Some(starts), Some(zone)) => Some(EventHours { starts, ends, zone }),
        _ if form.starts_at.is_empty() && form.ends_at.is_empty() && form.zone.is_empty() => None,
        (None, _) => {
            note("starts_at", t(lang, "event-problem-time"));
            None
        }
        (Some(_), None) => {
            note("zone", t(lang, "event-problem-zone"));
            None
        }
    }
}

async fn events_page(
    ctx: &Ctx<'_>,
    form: Option<FormView>,
    errors: HashMap<String, String>,
    missing_in: Option<Lang>,
) -> PageResult {
    let (state, lang, viewer) = (ctx.state, ctx.lang, ctx.viewer);
    let user = viewer.0.as_ref().map(|s| &s.user);
    let mut events = state.app.events(user).await.map_err(refused(lang))?;
    let missing = if form.is_some() { missing_translations(lang, &events) } else { Vec::new() };
    if let Some(wanted) = missing_in.filter(|_| form.is_some()) {
        events.retain(|e| lacks(e, wanted));
    }
    let partners = state.app.partners().await?;
    let partner_name = |id: &String| {
        partners.iter().find(|p| &p.id == id).map_or_else(|| id.clone(), |p| p.name_in(lang).to_string())
    };
    let view = |e: &Event| EventView {
        id: e.id.to_string(),
        title: text_view(&e.title, lang),
        language: e.language.code(),
        when: when(lang, e),
        hours: hours(lang, e),
        kind: t(lang, &format!("event-kind-{}", e.kind.slug())),
        place: e.place.as_ref().map(|p| text_view(p, lang)),
        online: e.online.clone(),
        registration: e.registration.clone(),
        capacity: e.capacity,
        audience: text_view(&e.audience, lang),
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
        missing,
        showing_missing: missing_in.filter(|_| form.is_some()).map(|l| {
            translate(
                lang,
                "events-showing-missing",
                &[("language", t(lang, &format!("language-{}", l.code())).into())],
            )
        }),
        zones: if form.is_some() { ZoneName::all().iter().map(String::as_str).collect() } else { Vec::new() },
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
        event_languages: choices(
            Lang::ALL.iter().map(|l| (l.code().into(), t(lang, &format!("language-{}", l.code())))).collect(),
        ),
        partners: choices(partners.iter().map(|p| (p.id.clone(), p.name_in(lang).to_string())).collect()),
        editions: choices(
            editions
                .iter()
                .map(|e| (e.year.to_string(), format!("{} · {}", e.year, e.title.get(lang))))
                .collect(),
        ),
    };
    render_page(ctx, "events.html", "events", body).await
}

/// Whether an event lacks a text in `lang`: its title, audience or place.
fn lacks(event: &Event, lang: Lang) -> bool {
    let texts: Vec<_> =
        [Some(&event.title), Some(&event.audience), event.place.as_ref()].into_iter().flatten().collect();
    smartcities_app::translations::lacks(&texts, lang)
}

/// How many events lack a text in each language.
fn missing_translations(lang: Lang, events: &[Event]) -> Vec<Missing> {
    Lang::ALL
        .into_iter()
        .filter_map(|of| {
            let count = events.iter().filter(|e| lacks(e, of)).count();
            let language = t(lang, &format!("language-{}", of.code()));
            let args = [("count", (count as i64).into()), ("language", language.into())];
            (count > 0)
                .then(|| Missing { code: of.code(), text: translate(lang, "events-missing-count", &args) })
        })
        .collect()
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
            || FormView {
                language: lang.code().into(),
                original: lang.code().into(),
                public: true,
                ..FormView::default()
            },
            form_of,
        ))
    } else {
        None
    };
    let missing_in = query.missing.as_deref().and_then(Lang::from_tag);
    events_page(&ctx, form, HashMap::new(), missing_in).await
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
        let page = events_page(&ctx, Some(form), errors, None).await?;
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
    let body = smartcities_publish::ical::calendar(
        &events,
        lang,
        &t(lang, "events-feed-title"),
        state.app.now(),
        &host,
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"events.ics\""),
        ],
        body,
    )
        .into_response())
}
