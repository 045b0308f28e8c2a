//! Following a campaign: participation overall, by UCLG section and per city, the state of the
//! mail outbox, and the secretariat's actions (open the edition, invite, remind).

use std::collections::{BTreeMap, HashMap};

use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_domain::{
    ApproxDate, City, CityId, EditionStatus, EditionYear, Participation, ResponseStatus, Section,
};
use smartcities_store::CityFilter;

use smartcities_app::campaign;

use crate::{
    AppState,
    auth::{Secretariat, Staff, Viewer},
    form::{check_csrf, parse_form},
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
    opened: Option<u8>,
    mails: Option<usize>,
    /// `invite`: list who an invitation round would reach, and its mail, before sending.
    preview: Option<String>,
}

/// The deadline form as submitted, when it was refused.
#[derive(Serialize, Default)]
struct DeadlineForm {
    typed: String,
    error: String,
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

fn counts(label: String, statuses: &[ResponseStatus]) -> Counts {
    let p = Participation::of(statuses);
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
    dashboard_page(&ctx, &year, notice, None).await
}

async fn dashboard_page(
    ctx: &Ctx<'_>,
    year: &str,
    notice: Notice,
    deadline_form: Option<DeadlineForm>,
) -> PageResult {
    let (state, lang) = (ctx.state, ctx.lang);
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let edition = state.store.edition(year).await?.ok_or(PageError::NotFound(lang))?;
    let responses = state.store.responses(year).await?;
    let cities: HashMap<CityId, City> =
        state.store.cities(&CityFilter::default()).await?.into_iter().map(|c| (c.id.clone(), c)).collect();
    let total = state
        .store
        .questionnaire(year)
        .await?
        .map_or(0, |(_, q)| q.questions().iter().filter(|l| l.repeat().is_none()).count());
    #[derive(Serialize)]
    struct CityRow {
        id: String,
        name: String,
        section: String,
        status: String,
        answered: usize,
        total: usize,
    }
    let answered_by_city = state.store.answer_counts(year).await?;
    let mut rows = Vec::new();
    let mut by_section: BTreeMap<Section, Vec<ResponseStatus>> = BTreeMap::new();
    let show = notice.show.as_deref().filter(|s| matches!(*s, "awaiting" | "returned" | "silent"));
    for r in &responses {
        let Some(city) = cities.get(&r.city) else { continue };
        by_section.entry(city.section).or_default().push(r.status);
        let answered = answered_by_city.get(&r.city).copied().unwrap_or(0);
        let listed = match show {
            Some("awaiting") => r.status == ResponseStatus::Submitted,
            Some("returned") => r.status == ResponseStatus::Returned,
            Some("silent") => answered == 0 && r.status.open_to_respondent(),
            _ => true,
        };
        if !listed {
            continue;
        }
        rows.push(CityRow {
            id: city.id.to_string(),
            name: city.name.clone(),
            section: t(lang, &format!("section-{}", city.section.slug())),
            status: t(lang, &format!("response-{}", r.status.slug())),
            answered,
            total,
        });
    }
    let collator = crate::i18n::collator(lang);
    rows.sort_by(|a, b| collator.compare(&a.name, &b.name));
    let all: Vec<ResponseStatus> = responses.iter().map(|r| r.status).collect();
    let mail = state.store.outbox_counts().await?;
    let problems = state.store.mail_problems(20).await?;
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
    struct CampaignPage {
        year: u16,
        title: String,
        status: String,
        collecting: bool,
        can_open: bool,
        deadline: Option<String>,
        notice: Option<String>,
        overall: Counts,
        sections: Vec<Counts>,
        rows: Vec<CityRow>,
        filters: Vec<(String, String, bool)>,
        mail_pending: i64,
        mail_sent: i64,
        mail_failed: i64,
        problems: Vec<ProblemView>,
        deadline_form: DeadlineForm,
        /// Who an invitation round would reach, when previewing it.
        invitees: Option<Vec<InviteeView>>,
        invitation_subject: String,
        invitation_body: String,
    }
    #[derive(Serialize)]
    struct InviteeView {
        name: String,
        recipients: String,
    }
    let preview = notice.preview.as_deref() == Some("invite") && ctx.viewer.is_secretariat();
    let invitees = if preview {
        let mut list: Vec<InviteeView> = state
            .app
            .invitation_preview(year)
            .await
            .map_err(refused(lang))?
            .into_iter()
            .map(|i| InviteeView { name: i.city.name, recipients: i.recipients.join(", ") })
            .collect();
        let collator = crate::i18n::collator(lang);
        list.sort_by(|a, b| collator.compare(&a.name, &b.name));
        Some(list)
    } else {
        None
    };
    let (invitation_subject, invitation_body) = if preview {
        let example = invitees.as_ref().and_then(|l| l.first()).map_or("…", |i| i.name.as_str());
        campaign::invitation_preview_text(&edition.title, example)
    } else {
        Default::default()
    };
    let notice = match (notice.invited, notice.reminded, notice.opened) {
        (Some(cities), _, _) => Some(translate(
            lang,
            "campaign-invited-notice",
            &[("cities", cities.into()), ("mails", notice.mails.unwrap_or(0).into())],
        )),
        (_, Some(cities), _) => Some(translate(
            lang,
            "campaign-reminded-notice",
            &[("cities", cities.into()), ("mails", notice.mails.unwrap_or(0).into())],
        )),
        (_, _, Some(_)) => Some(t(lang, "campaign-opened-notice")),
        _ => None,
    };
    let body = CampaignPage {
        year: year.get(),
        title: edition.title.get(lang).to_string(),
        status: t(lang, &format!("status-{}", edition.status.slug())),
        collecting: edition.status == EditionStatus::Collecting,
        can_open: edition.status <= EditionStatus::Collecting,
        deadline: campaign::deadline(&edition).map(|d| d.to_string()),
        notice,
        deadline_form: deadline_form.unwrap_or_default(),
        invitees,
        invitation_subject,
        invitation_body,
        mail_pending: mail.pending,
        mail_sent: mail.sent,
        mail_failed: mail.failed,
        problems: problems
            .into_iter()
            .map(|p| ProblemView {
                recipient: p.recipient,
                subject: p.subject,
                given_up: p.given_up,
                attempts: p.attempts,
                next_attempt_at: p.next_attempt_at,
                error: p.error,
            })
            .collect(),
        overall: counts(t(lang, "campaign-all"), &all),
        sections: by_section
            .into_iter()
            .map(|(s, st)| counts(t(lang, &format!("section-{}", s.slug())), &st))
            .collect(),
        rows,
        filters: [
            ("", "campaign-show-all"),
            ("awaiting", "campaign-show-awaiting"),
            ("returned", "campaign-show-returned"),
            ("silent", "campaign-show-silent"),
        ]
        .into_iter()
        .map(|(value, key)| {
            let href = if value.is_empty() {
                format!("/campaigns/{year}#cities")
            } else {
                format!("/campaigns/{year}?show={value}#cities")
            };
            (href, t(lang, key), show.unwrap_or("") == value)
        })
        .collect(),
    };
    render_page(ctx, "campaign.html", "me", body).await
}

/// The secretariat's campaign actions: `open` (with a deadline), `invite` and `remind`. A refused
/// deadline shows the page again with the date as typed and the reason beside it.
pub async fn act(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Secretariat(_): Secretariat,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let fields = parse_form(&body);
    let first = |name: &str| fields.get(name).and_then(|v| v.first()).map(|s| s.trim());
    check_csrf(&viewer, first("csrf"), lang)?;
    let year_v = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    if state.store.edition(year_v).await?.is_none() {
        return Err(PageError::NotFound(lang));
    }
    let query = match first("action") {
        Some("open") => {
            let typed = first("deadline").unwrap_or_default();
            let opened = match ApproxDate::parse(typed) {
                Ok(deadline) => {
                    state.app.open_campaign(year_v, deadline).await.map_err(|e| form_refusal(lang, e))
                }
                Err(e) => Err(Ok(e.to_string())),
            };
            match opened {
                Ok(()) => "opened=1".to_string(),
                Err(Ok(reason)) => {
                    let form = DeadlineForm { typed: typed.to_string(), error: reason };
                    let page = dashboard_page(&ctx, &year, Notice::default(), Some(form)).await?;
                    return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
                }
                Err(Err(e)) => return Err(e),
            }
        }
        Some("invite") => {
            let round = state.app.invite(year_v).await.map_err(refused(lang))?;
            format!("invited={}&mails={}", round.cities, round.mails)
        }
        Some("remind") => {
            let round = state.app.remind(year_v).await.map_err(refused(lang))?;
            format!("reminded={}&mails={}", round.cities, round.mails)
        }
        _ => return Err(PageError::Refused(lang, t(lang, "form-expired"))),
    };
    Ok(Redirect::to(&format!("/campaigns/{year}?{query}")).into_response())
}
