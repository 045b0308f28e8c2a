//! Following a campaign: participation overall, by UCLG section and per city, the state of the
//! mail outbox, and the secretariat's actions — open, close or reopen collection, move the
//! deadline or give one city longer (each confirmed after seeing who will be told), invite and
//! remind.

use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use icu_collator::CollatorBorrowed as Collator;
use serde::{Deserialize, Serialize};
use smartcities_app::campaign::{self, CollectionChange, Dashboard, Showing};
use smartcities_domain::{ApproxDate, CityId, Collection, EditionYear, Lang, Participation};

use crate::{
    AppState,
    auth::{Secretariat, Staff, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

/// What the last action did, carried in the redirect so a reload does not repeat it.
#[derive(Deserialize, Default)]
pub struct Notice {
    /// Which cities to list: `awaiting` (submitted, to review), `returned`, `silent` (invited,
    /// nothing answered yet); all without it.
    show: Option<String>,
    invited: Option<usize>,
    reminded: Option<usize>,
    /// `open`, `close` or `extend`: the collection change just made.
    changed: Option<String>,
    cities: Option<usize>,
    mails: Option<usize>,
    /// `invite`: list who an invitation round would reach, and its mail, before sending.
    preview: Option<String>,
}

/// A collection form as submitted: what was typed, and the reason it was refused.
#[derive(Serialize, Default)]
struct CollectionForm {
    action: String,
    deadline: String,
    city: String,
    day: String,
    error: String,
}

/// A collection change waiting for the secretariat's confirmation.
#[derive(Serialize)]
struct Confirmation {
    action: String,
    deadline: String,
    city: String,
    day: String,
    what: String,
    cities: Vec<(String, String)>,
    subject: String,
    body: String,
}

#[derive(Serialize)]
struct Counts {
    label: String,
    invited: usize,
    started: usize,
    submitted: usize,
    accepted: usize,
    started_rate: String,
    submitted_rate: String,
    accepted_rate: String,
}

fn counts(label: String, p: &Participation) -> Counts {
    let rate = |n: usize| p.rate(n).map_or("–".to_string(), |r| format!("{r:.0} %"));
    Counts {
        label,
        invited: p.invited,
        started: p.started,
        submitted: p.submitted,
        accepted: p.accepted,
        started_rate: rate(p.started),
        submitted_rate: rate(p.submitted),
        accepted_rate: rate(p.accepted),
    }
}

pub async fn dashboard(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Query(notice): Query<Notice>,
    Staff(_): Staff,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    dashboard_page(&ctx, &year, notice, Shown::Plain).await
}

/// What the page shows beside the dashboard.
enum Shown {
    Plain,
    /// A collection form refused, with what was typed.
    Refused(CollectionForm),
    /// A collection change to confirm.
    Confirm(Confirmation),
    /// A reminder round to confirm, with the cities to choose from.
    Remind(RemindPreview),
}

/// A reminder round before it is sent: each city still answering, ticked when silent.
#[derive(Serialize)]
struct RemindPreview {
    /// (city id, name, status, addresses, ticked, failing addresses with their last error).
    cities: Vec<(String, String, String, String, bool, String)>,
    subject: String,
    body: String,
}

fn notice_text(lang: Lang, notice: &Notice) -> Option<String> {
    let mails = notice.mails.unwrap_or(0);
    if let Some(cities) = notice.invited {
        return Some(translate(
            lang,
            "campaign-invited-notice",
            &[("cities", cities.into()), ("mails", mails.into())],
        ));
    }
    if let Some(cities) = notice.reminded {
        return Some(translate(
            lang,
            "campaign-reminded-notice",
            &[("cities", cities.into()), ("mails", mails.into())],
        ));
    }
    let key = match notice.changed.as_deref()? {
        "open" => "collection-opened-notice",
        "close" => "collection-closed-notice",
        "extend" => "collection-extended-notice",
        _ => return None,
    };
    Some(translate(lang, key, &[("cities", notice.cities.unwrap_or(0).into()), ("mails", mails.into())]))
}

#[derive(Serialize)]
struct CityRow {
    id: String,
    name: String,
    section: String,
    status: String,
    answered: usize,
    total: usize,
    own_deadline: Option<String>,
}

#[derive(Serialize)]
struct ProblemView {
    recipient: String,
    subject: String,
    given_up: bool,
    attempts: i64,
    next_attempt_at: String,
    error: String,
}

#[derive(Serialize)]
struct InviteeView {
    name: String,
    recipients: String,
}

#[derive(Serialize)]
struct CampaignPage {
    year: u16,
    title: String,
    status: String,
    collection: &'static str,
    collection_state: String,
    collecting: bool,
    deadline: Option<String>,
    notice: Option<String>,
    overall: Counts,
    sections: Vec<Counts>,
    rows: Vec<CityRow>,
    invited: Vec<(String, String)>,
    filters: Vec<(String, String, bool)>,
    mail_pending: i64,
    mail_sent: i64,
    mail_failed: i64,
    problems: Vec<ProblemView>,
    form: CollectionForm,
    confirm: Option<Confirmation>,
    remind: Option<RemindPreview>,
    /// Who an invitation round would reach, when previewing it.
    invitees: Option<Vec<InviteeView>>,
    invitation_subject: String,
    invitation_body: String,
}

/// The dashboard's cities in the reader's alphabetical order.
fn city_rows(board: &Dashboard, lang: Lang, collator: &Collator<'_>) -> Vec<CityRow> {
    let mut rows: Vec<CityRow> = board
        .cities
        .iter()
        .map(|c| CityRow {
            id: c.city.id.to_string(),
            name: c.city.name_in(lang).to_string(),
            section: t(lang, &format!("section-{}", c.city.section.slug())),
            status: t(lang, &format!("response-{}", c.status.slug())),
            answered: c.answered,
            total: board.questions,
            own_deadline: c.own_deadline.map(|d| d.to_string()),
        })
        .collect();
    rows.sort_by(|a, b| collator.compare(&a.name, &b.name));
    rows
}

/// The links filtering the list of cities, the current one marked.
fn filter_links(year: EditionYear, showing: Showing, lang: Lang) -> Vec<(String, String, bool)> {
    [
        (Showing::All, "campaign-show-all"),
        (Showing::Awaiting, "campaign-show-awaiting"),
        (Showing::Returned, "campaign-show-returned"),
        (Showing::Silent, "campaign-show-silent"),
    ]
    .into_iter()
    .map(|(filter, key)| {
        let href = if filter == Showing::All {
            format!("/campaigns/{year}#cities")
        } else {
            format!("/campaigns/{year}?show={}#cities", filter.name())
        };
        (href, t(lang, key), showing == filter)
    })
    .collect()
}

/// A city's recipients, each with the language their mail is written in.
fn addresses(lang: Lang, invitee: &campaign::Invitee) -> String {
    invitee
        .recipients
        .iter()
        .zip(&invitee.langs)
        .map(|(address, mail_lang)| {
            let language = t(lang, &format!("language-{}", mail_lang.code()));
            format!("{address} ({})", translate(lang, "campaign-mail-in", &[("language", language.into())]))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who an invitation round would reach, in alphabetical order, when the secretariat previews it.
async fn invitees(
    ctx: &Ctx<'_>,
    year: EditionYear,
    collator: &Collator<'_>,
) -> Result<Vec<InviteeView>, PageError> {
    let mut list: Vec<InviteeView> = ctx
        .state
        .app
        .invitation_preview(year)
        .await
        .map_err(refused(ctx.lang))?
        .into_iter()
        .map(|i| InviteeView {
            name: i.city.name_in(ctx.lang).to_string(),
            recipients: addresses(ctx.lang, &i),
        })
        .collect();
    list.sort_by(|a, b| collator.compare(&a.name, &b.name));
    Ok(list)
}

async fn dashboard_page(ctx: &Ctx<'_>, year: &str, notice: Notice, shown: Shown) -> PageResult {
    let lang = ctx.lang;
    let user = ctx.viewer.user().ok_or_else(|| PageError::SignIn(ctx.uri.to_string()))?;
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let showing = Showing::parse(notice.show.as_deref());
    let board: Dashboard =
        ctx.state.app.campaign_dashboard(user, year, showing).await.map_err(refused(lang))?;
    let collator = crate::i18n::collator(lang);
    let mut invited: Vec<(String, String)> =
        board.invited.iter().map(|c| (c.id.to_string(), c.name_in(lang).to_string())).collect();
    invited.sort_by(|a, b| collator.compare(&a.1, &b.1));
    let preview = notice.preview.as_deref() == Some("invite") && ctx.viewer.is_secretariat();
    let invitees = if preview { Some(invitees(ctx, year, &collator).await?) } else { None };
    let (invitation_subject, invitation_body) = match &invitees {
        Some(_) => ctx.state.app.invitation_sample(year, lang).await.map_err(refused(lang))?,
        None => Default::default(),
    };
    let (form, confirm, remind) = match shown {
        Shown::Plain => (CollectionForm::default(), None, None),
        Shown::Refused(form) => (form, None, None),
        Shown::Confirm(confirmation) => (CollectionForm::default(), Some(confirmation), None),
        Shown::Remind(preview) => (CollectionForm::default(), None, Some(preview)),
    };
    let collection = board.edition.status.collection;
    let body = CampaignPage {
        year: year.get(),
        title: board.edition.title.get(lang).to_string(),
        status: t(lang, &format!("status-{}", board.edition.status.slug())),
        collection: collection.slug(),
        collection_state: t(lang, &format!("collection-{}", collection.slug())),
        collecting: collection == Collection::Open,
        deadline: board.deadline.map(|d| d.last_day().to_string()),
        notice: notice_text(lang, &notice),
        overall: counts(t(lang, "campaign-all"), &board.overall),
        sections: board
            .sections
            .iter()
            .map(|(s, p)| counts(t(lang, &format!("section-{}", s.slug())), p))
            .collect(),
        rows: city_rows(&board, lang, &collator),
        invited,
        filters: filter_links(year, showing, lang),
        mail_pending: board.outbox.pending,
        mail_sent: board.outbox.sent,
        mail_failed: board.outbox.failed,
        problems: board
            .mail_problems
            .into_iter()
            .map(|p| ProblemView {
                recipient: p.recipient,
                subject: p.subject,
                given_up: p.given_up,
                attempts: p.attempts,
                next_attempt_at: p.next_attempt_at.to_string(),
                error: p.error,
            })
            .collect(),
        form,
        confirm,
        remind,
        invitees,
        invitation_subject,
        invitation_body,
    };
    render_page(ctx, "campaign.html", "me", body).await
}

/// The page again with a collection form as typed and why it was refused.
async fn refuse(
    ctx: &Ctx<'_>,
    year: &str,
    mut form: CollectionForm,
    error: String,
) -> Result<Response, PageError> {
    form.error = error;
    let page = dashboard_page(ctx, year, Notice::default(), Shown::Refused(form)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The collection change a form asks for, or the reason it cannot be one.
fn change_of(lang: Lang, form: &CollectionForm) -> Result<CollectionChange, String> {
    let date = |typed: &str| ApproxDate::parse(typed).map_err(|_| t(lang, "collection-bad-date"));
    match form.action.as_str() {
        "open" => Ok(CollectionChange::Open { deadline: date(&form.deadline)? }),
        "close" => Ok(CollectionChange::Close),
        "extend" => {
            let city = CityId::parse(&form.city).map_err(|_| t(lang, "collection-choose-city"))?;
            Ok(CollectionChange::ExtendCity { city, day: date(&form.day)? })
        }
        _ => Err(t(lang, "form-expired")),
    }
}

/// The secretariat's campaign actions: a collection change (`open`, `close`, `extend`), shown
/// for confirmation first and done once confirmed; `invite` and `remind`. A refused change
/// shows the page again with what was typed and the reason.
pub async fn act(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Secretariat(session): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let first = |name: &str| fields.first(name);
    let year_v = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let query = match first("action") {
        "invite" => {
            let round = state.app.invite(year_v).await.map_err(refused(lang))?;
            format!("invited={}&mails={}", round.cities, round.mails)
        }
        "remind" if first("confirm") == "1" => {
            let chosen: Vec<CityId> =
                fields.get("remind").into_iter().flatten().filter_map(|c| CityId::parse(c).ok()).collect();
            let round = state.app.remind_cities(year_v, Some(&chosen)).await.map_err(refused(lang))?;
            format!("reminded={}&mails={}", round.cities, round.mails)
        }
        "remind" => {
            let (cities, subject, body) =
                state.app.reminder_preview(year_v, lang).await.map_err(refused(lang))?;
            let preview = RemindPreview {
                cities: cities
                    .into_iter()
                    .map(|r| {
                        (
                            r.invitee.city.id.to_string(),
                            r.invitee.city.name_in(lang).to_string(),
                            t(lang, &format!("response-{}", r.status.slug())),
                            addresses(lang, &r.invitee),
                            r.silent,
                            r.failing
                                .iter()
                                .map(|(address, error)| format!("{address}: {error}"))
                                .collect::<Vec<_>>()
                                .join(" · "),
                        )
                    })
                    .collect(),
                subject,
                body,
            };
            let page = dashboard_page(&ctx, &year, Notice::default(), Shown::Remind(preview)).await?;
            return Ok(page.into_response());
        }
        action @ ("open" | "close" | "extend") => {
            let form = CollectionForm {
                action: action.to_string(),
                deadline: first("deadline").to_string(),
                city: first("city").to_string(),
                day: first("day").to_string(),
                error: String::new(),
            };
            let change = match change_of(lang, &form) {
                Ok(change) => change,
                Err(reason) => return refuse(&ctx, &year, form, reason).await,
            };
            if first("confirm") != "1" {
                let notice = match state.app.collection_preview(year_v, &change, lang).await {
                    Ok(notice) => notice,
                    Err(e) => return refuse(&ctx, &year, form, form_refusal(lang, e)?).await,
                };
                let what = match &change {
                    CollectionChange::Open { deadline } => translate(
                        lang,
                        "collection-confirm-open",
                        &[("date", deadline.last_day().to_string().into())],
                    ),
                    CollectionChange::Close => t(lang, "collection-confirm-close"),
                    CollectionChange::ExtendCity { day, .. } => translate(
                        lang,
                        "collection-confirm-extend",
                        &[("date", day.last_day().to_string().into())],
                    ),
                };
                let confirmation = Confirmation {
                    action: form.action,
                    deadline: form.deadline,
                    city: form.city,
                    day: form.day,
                    what,
                    cities: notice
                        .cities
                        .into_iter()
                        .map(|c| (c.city.name_in(lang).to_string(), addresses(lang, &c)))
                        .collect(),
                    subject: notice.subject,
                    body: notice.body,
                };
                let page =
                    dashboard_page(&ctx, &year, Notice::default(), Shown::Confirm(confirmation)).await?;
                return Ok(page.into_response());
            }
            match state.app.change_collection(&session.user, year_v, &change).await {
                Ok(round) => format!("changed={action}&cities={}&mails={}", round.cities, round.mails),
                Err(e) => return refuse(&ctx, &year, form, form_refusal(lang, e)?).await,
            }
        }
        _ => return Err(PageError::Refused(lang, t(lang, "form-expired"))),
    };
    Ok(Redirect::to(&format!("/campaigns/{year}?{query}")).into_response())
}
