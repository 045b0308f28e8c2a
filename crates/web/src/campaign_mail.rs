//! The secretariat's campaign mail and reach: the invitation and reminder texts per language,
//! reminders scheduled before the deadline, and invitations to cities beyond the members
//! (a city of the registry, or a new one found in the gazetteer).

use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::{
    campaign_mail::{CampaignMail, MAX_BODY_CHARS, MAX_SUBJECT_CHARS},
    prospects::{Contact, ProspectCity},
    reminders::parse_days,
};
use smartcities_domain::{CityId, EditionYear, Lang};
use smartcities_publish::names;

use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::{CsrfForm, Fields},
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

/// What the last save did, carried in the redirect.
#[derive(Deserialize, Default)]
pub struct Saved {
    saved: Option<String>,
    /// A gazetteer search on the prospects page.
    q: Option<String>,
    /// The city just invited, by id.
    invited: Option<String>,
}

#[derive(Serialize)]
struct TextForm {
    /// `invitation-es`…: the form's id.
    id: String,
    kind: &'static str,
    lang: &'static str,
    heading: String,
    subject: String,
    body: String,
    written: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct MailPage {
    year: u16,
    title: String,
    notice: Option<String>,
    texts: Vec<TextForm>,
    reminders: Vec<(String, String)>,
    days: String,
    schedule_error: Option<String>,
    max_subject: usize,
    max_body: usize,
}

/// A refused form on the mail page: which one, what was typed and why.
#[derive(Default)]
struct Refused {
    form: String,
    subject: String,
    body: String,
    days: String,
    error: String,
}

pub async fn mail(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Query(saved): Query<Saved>,
    Secretariat(_): Secretariat,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    mail_page(&ctx, &year, saved.saved.as_deref(), None).await
}

async fn mail_page(
    ctx: &Ctx<'_>,
    year: &str,
    saved: Option<&str>,
    refused_form: Option<Refused>,
) -> PageResult {
    let lang = ctx.lang;
    let user = ctx.viewer.user().ok_or_else(|| PageError::SignIn(ctx.uri.to_string()))?;
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let edition =
        ctx.state.app.edition(year).await.map_err(refused(lang))?.ok_or(PageError::NotFound(lang))?;
    let slots = ctx.state.app.campaign_texts(user, year).await.map_err(refused(lang))?;
    let refused_form = refused_form.unwrap_or_default();
    let texts = slots
        .into_iter()
        .map(|slot| {
            let id = format!("{}-{}", slot.kind.slug(), slot.lang.code());
            let mine = refused_form.form == id;
            let language = t(lang, &format!("language-{}", slot.lang.code()));
            TextForm {
                heading: format!("{} · {language}", t(lang, &format!("campaign-texts-{}", slot.kind.slug()))),
                kind: slot.kind.slug(),
                lang: slot.lang.code(),
                subject: if mine { refused_form.subject.clone() } else { slot.subject },
                body: if mine { refused_form.body.clone() } else { slot.body },
                written: slot.written.map_or_else(
                    || t(lang, "campaign-texts-built-in"),
                    |(by, at)| {
                        let date = names::long_date(lang, &at.day().to_string());
                        translate(lang, "campaign-texts-written", &[("by", by.into()), ("date", date.into())])
                    },
                ),
                error: mine.then(|| refused_form.error.clone()),
                id,
            }
        })
        .collect();
    let scheduled = ctx.state.app.scheduled_reminders(year).await.map_err(refused(lang))?;
    let days = if refused_form.form == "schedule" {
        refused_form.days.clone()
    } else {
        scheduled
            .iter()
            .filter(|r| r.done_at.is_none())
            .map(|r| r.days_before.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let reminders = scheduled
        .iter()
        .map(|r| {
            let date = names::long_date(lang, &r.due_at.day().to_string());
            let line = translate(
                lang,
                "campaign-schedule-due",
                &[("days", i64::from(r.days_before).into()), ("date", date.into())],
            );
            let state =
                if r.done_at.is_some() { "campaign-schedule-sent" } else { "campaign-schedule-pending" };
            (line, t(lang, state))
        })
        .collect();
    let notice = match saved {
        Some("text") => Some(t(lang, "campaign-texts-saved")),
        Some("schedule") => Some(t(lang, "campaign-schedule-saved")),
        _ => None,
    };
    let body = MailPage {
        year: year.get(),
        title: edition.title.get(lang).to_string(),
        notice,
        texts,
        reminders,
        days,
        schedule_error: (refused_form.form == "schedule").then(|| refused_form.error.clone()),
        max_subject: MAX_SUBJECT_CHARS,
        max_body: MAX_BODY_CHARS,
    };
    render_page(ctx, "campaign_mail.html", "me", body).await
}

/// Saves a text (or goes back to the built-in one) or the reminders' schedule.
pub async fn save_mail(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Secretariat(session): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let year_v = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let user = &session.user;
    let (outcome, refused_form, saved) = match fields.first("action") {
        action @ ("text" | "reset") => {
            let kind = CampaignMail::parse(fields.first("kind"));
            let text_lang = Lang::from_tag(fields.first("text_lang"));
            let (Some(kind), Some(text_lang)) = (kind, text_lang) else {
                return Err(PageError::Refused(lang, t(lang, "form-expired")));
            };
            let body = fields.get("body").and_then(|v| v.first()).cloned().unwrap_or_default();
            let text = (action == "text").then(|| (fields.first("subject"), body.as_str()));
            let outcome = state.app.set_campaign_text(user, year_v, kind, text_lang, text).await;
            let refused_form = Refused {
                form: format!("{}-{}", kind.slug(), text_lang.code()),
                subject: fields.first("subject").to_string(),
                body,
                ..Refused::default()
            };
            (outcome, refused_form, "text")
        }
        "schedule" => {
            let typed = fields.first("days").to_string();
            let outcome = match parse_days(&typed) {
                Ok(days) => state.app.schedule_reminders(user, year_v, &days).await,
                Err(problem) => Err(problem.into()),
            };
            (outcome, Refused { form: "schedule".into(), days: typed, ..Refused::default() }, "schedule")
        }
        _ => return Err(PageError::Refused(lang, t(lang, "form-expired"))),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/campaigns/{year}/mail?saved={saved}")).into_response()),
        Err(e) => {
            let error = form_refusal(lang, e)?;
            let page = mail_page(&ctx, &year, None, Some(Refused { error, ..refused_form })).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Serialize, Default)]
struct ProspectTyped {
    source: String,
    city: String,
    place: String,
    name: String,
    email: String,
    lang: String,
}

#[derive(Serialize)]
struct ProspectsPage {
    year: u16,
    title: String,
    notice: Option<String>,
    /// Registry cities not yet reached: (id, name, country).
    cities: Vec<(String, String)>,
    query: String,
    searched: bool,
    /// Gazetteer places: (geonameid, line).
    places: Vec<(String, String)>,
    /// The form a refusal belongs to (`registry` or `place`) and why.
    problem: Option<(String, String)>,
    typed: ProspectTyped,
    langs: Vec<(&'static str, String)>,
}

pub async fn prospects(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Query(saved): Query<Saved>,
    Secretariat(_): Secretariat,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    prospects_page(&ctx, &year, &saved, None).await
}

async fn prospects_page(
    ctx: &Ctx<'_>,
    year: &str,
    saved: &Saved,
    problem: Option<(String, String, ProspectTyped)>,
) -> PageResult {
    let lang = ctx.lang;
    let user = ctx.viewer.user().ok_or_else(|| PageError::SignIn(ctx.uri.to_string()))?;
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let edition =
        ctx.state.app.edition(year).await.map_err(refused(lang))?.ok_or(PageError::NotFound(lang))?;
    let collator = crate::i18n::collator(lang);
    let mut cities: Vec<(String, String)> = ctx
        .state
        .app
        .prospect_cities(user, year)
        .await
        .map_err(refused(lang))?
        .into_iter()
        .map(|c| (c.id.to_string(), format!("{}, {}", c.name_in(lang), c.country.name(lang))))
        .collect();
    cities.sort_by(|a, b| collator.compare(&a.1, &b.1));
    let query: String = saved.q.as_deref().unwrap_or("").trim().chars().take(100).collect();
    let places = ctx
        .state
        .app
        .prospect_places(user, &query)
        .await
        .map_err(refused(lang))?
        .into_iter()
        .map(|p| {
            let line = translate(
                lang,
                "prospect-place-line",
                &[
                    ("name", p.name.clone().into()),
                    ("country", p.country.name(lang).into()),
                    (
                        "population",
                        names::integer(lang, i64::try_from(p.population).unwrap_or(i64::MAX)).into(),
                    ),
                ],
            );
            (p.geonameid.to_string(), line)
        })
        .collect();
    let notice = match &saved.invited {
        Some(id) => {
            let city = match CityId::parse(id) {
                Ok(id) => ctx.state.app.city(&id).await.map_err(refused(lang))?,
                Err(_) => None,
            };
            city.map(|c| translate(lang, "prospect-invited", &[("city", c.name_in(lang).to_string().into())]))
        }
        None => None,
    };
    let (problem, typed) = match problem {
        Some((form, error, typed)) => (Some((form, error)), typed),
        None => (None, ProspectTyped { lang: lang.code().into(), ..ProspectTyped::default() }),
    };
    let body = ProspectsPage {
        year: year.get(),
        title: edition.title.get(lang).to_string(),
        notice,
        cities,
        searched: !query.is_empty(),
        query,
        places,
        problem,
        typed,
        langs: crate::written::text_languages(lang),
    };
    render_page(ctx, "prospects.html", "me", body).await
}

/// Invites a city of the registry or a place of the gazetteer, with its contact.
pub async fn invite_prospect(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Secretariat(session): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let year_v = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let typed = typed_prospect(&fields);
    let city = match typed.source.as_str() {
        "registry" => CityId::parse(&typed.city).ok().map(ProspectCity::Registry),
        "place" => typed.place.parse().ok().map(ProspectCity::Place),
        _ => return Err(PageError::Refused(lang, t(lang, "form-expired"))),
    };
    let Some(city) = city else {
        let saved = Saved { q: Some(fields.first("q").to_string()), ..Saved::default() };
        let problem = Some((typed.source.clone(), t(lang, "collection-choose-city"), typed));
        let page = prospects_page(&ctx, &year, &saved, problem).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let contact = Contact {
        name: typed.name.clone(),
        email: typed.email.clone(),
        lang: Lang::from_tag(&typed.lang).unwrap_or(lang),
    };
    match state.app.invite_prospect(&session.user, year_v, &city, &contact).await {
        Ok(city) => {
            Ok(Redirect::to(&format!("/campaigns/{year}/prospects?invited={}", city.id)).into_response())
        }
        Err(e) => {
            let error = form_refusal(lang, e)?;
            let saved = Saved { q: Some(fields.first("q").to_string()), ..Saved::default() };
            let page =
                prospects_page(&ctx, &year, &saved, Some((typed.source.clone(), error, typed))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

fn typed_prospect(fields: &Fields) -> ProspectTyped {
    ProspectTyped {
        source: fields.first("source").to_string(),
        city: fields.first("city").to_string(),
        place: fields.first("place").to_string(),
        name: fields.first("name").to_string(),
        email: fields.first("email").to_string(),
        lang: fields.first("mail_lang").to_string(),
    }
}
