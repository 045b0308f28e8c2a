//! The community page: the leadership with its bodies and councils, the activity plan as a
//! timeline, and the secretariat's forms for both.

use std::collections::{BTreeMap, HashMap};

use axum::{
    extract::{Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::translations::{ContentKind, TranslationGap};
use smartcities_domain::{Activity, ActivityStatus, Component, Lang, Semester};

use super::{
    forms::{FormFields, activity_form_of, activity_from, leadership_form_of, leadership_from, rows},
    *,
};
use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, approx_date, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
    written::{TextView, text_view},
};

#[derive(Serialize)]
pub(super) struct ActivityView {
    id: String,
    title: TextView,
    status: &'static str,
    status_text: String,
    owner: Option<TextView>,
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
    /// The lead's update, as written or translated.
    update: Option<TextView>,
    bodies: Vec<(TextView, Option<TextView>)>,
    councils: Vec<(TextView, String)>,
    semesters: Vec<String>,
    lanes: Vec<TimelineLane>,
    staff: bool,
    secretariat: bool,
    leadership_form: FormFields,
    /// The rows of bodies and of councils the leadership form shows.
    body_rows: Vec<usize>,
    council_rows: Vec<usize>,
    activity_form: FormFields,
    /// The three languages, for the forms' texts side by side: code and name.
    languages_of_texts: Vec<(&'static str, String)>,
    errors: HashMap<String, String>,
    components: Vec<(&'static str, String)>,
    statuses: Vec<(&'static str, String)>,
    cities: Vec<(String, String)>,
    report: BTreeMap<&'static str, String>,
    /// For staff: per kind of content, its name, how many items, the counts lacking each
    /// language (in `languages_of_texts` order) and where to find them.
    translation_gaps: Vec<GapRow>,
}

#[derive(Serialize)]
pub(super) struct GapRow {
    kind: String,
    items: usize,
    missing: Vec<(usize, Option<String>)>,
}

/// The staff's table of what lacks a translation, with a link where a page can list them.
fn gap_rows(lang: Lang, gaps: Vec<TranslationGap>) -> Vec<GapRow> {
    gaps.into_iter()
        .map(|g| GapRow {
            kind: t(lang, &format!("translations-kind-{}", g.kind.slug())),
            items: g.items,
            missing: Lang::ALL
                .iter()
                .map(|l| {
                    let count = g.missing.get(l).copied().unwrap_or(0);
                    let link = match g.kind {
                        _ if count == 0 => None,
                        ContentKind::Events => {
                            Some(format!("/events?missing={}#missing-translations", l.code()))
                        }
                        ContentKind::Activities => Some("#plan".to_string()),
                        ContentKind::Leadership => Some("#leadership-form".to_string()),
                        ContentKind::RenewalRounds => Some("/members/renewal".to_string()),
                        ContentKind::Partners => Some(format!("/?lang={}#partners", l.code())),
                        ContentKind::Practices => Some(format!("/practices?lang={}", l.code())),
                        ContentKind::Questions => Some("/editions".to_string()),
                    };
                    (count, link)
                })
                .collect(),
        })
        .collect()
}

pub(super) fn activity_view(lang: Lang, a: &Activity) -> ActivityView {
    let when = match (a.starts_on, a.ends_on) {
        (Some(s), Some(e)) if s != e => format!("{} – {}", approx_date(lang, s), approx_date(lang, e)),
        (Some(s), _) => approx_date(lang, s),
        _ => String::new(),
    };
    ActivityView {
        id: a.id.to_string(),
        title: text_view(&a.title, lang),
        status: a.status.slug(),
        status_text: t(lang, &format!("activity-status-{}", a.status.slug())),
        owner: a.owner.as_ref().map(|o| text_view(o, lang)),
        edition: a.edition.map(|e| e.to_string()).unwrap_or_default(),
        when,
    }
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
    leadership_form: Option<FormFields>,
    activity_form: Option<FormFields>,
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
            let mut args =
                vec![("city", city.clone().into()), ("representative", l.representative.clone().into())];
            let office = l.office.as_ref().map(|o| text_view(o, lang));
            if let Some(office) = &office {
                args.push(("office", office.text.clone().into()));
            }
            let key = if office.is_some() { "progress-lead" } else { "progress-lead-no-office" };
            Some(BTreeMap::from([
                ("city", city.clone()),
                ("city_id", l.city.to_string()),
                ("line", translate(lang, key, &args)),
                ("office_original_in", office.and_then(|o| o.original_in).unwrap_or_default()),
                (
                    "since",
                    translate(
                        lang,
                        "progress-lead-since",
                        &[("city", city.into()), ("since", approx_date(lang, l.since).into())],
                    ),
                ),
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
    let leadership_form = leadership_form.unwrap_or_else(|| {
        leadership
            .as_ref()
            .map(leadership_form_of)
            .unwrap_or_else(|| FormFields::from([("original".to_string(), lang.code().to_string())]))
    });
    let (body_rows, council_rows) = rows(&leadership_form);
    let translation_gaps = match ctx.viewer.user().filter(|_| staff) {
        Some(user) => gap_rows(lang, state.app.translation_gaps(user).await?),
        None => Vec::new(),
    };
    let body = CommunityPage {
        update: leadership.as_ref().and_then(|l| l.update.as_ref()).map(|u| text_view(u, lang)),
        bodies: leadership
            .iter()
            .flat_map(|l| &l.bodies)
            .map(|b| (text_view(&b.body, lang), b.role.as_ref().map(|r| text_view(r, lang))))
            .collect(),
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
                (text_view(&c.name, lang), detail)
            })
            .collect(),
        lead,
        semesters: semesters.iter().map(ToString::to_string).collect(),
        lanes,
        staff,
        secretariat,
        body_rows,
        council_rows,
        leadership_form,
        activity_form: activity_form
            .unwrap_or_else(|| FormFields::from([("original".to_string(), lang.code().to_string())])),
        languages_of_texts: crate::written::text_languages(lang),
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
        translation_gaps,
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
            .map(|a| activity_form_of(&a)),
        None => None,
    };
    community_page(&ctx, None, activity_form, HashMap::new()).await
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
        match leadership_from(&fields, lang) {
            Ok(l) => match state.app.save_leadership(&user.user, &l).await {
                Ok(()) => Ok("leadership".into()),
                Err(e) => Err(problems_by_field(lang, e)?),
            },
            Err(errors) => Err(errors),
        }
    } else {
        match activity_from(&fields, lang) {
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
