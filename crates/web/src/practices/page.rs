//! One practice: its sections in the reader's language (the original marked), related practices,
//! practices to learn from, and its versions.

use std::collections::HashMap;

use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use smartcities_domain::{Effort, Lang, Practice, PracticeId, PracticeStatus, PracticeVersion, Written};
use smartcities_locale::FluentValue;

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, refused, render_page},
};

/// A written text as a page shows it: in the reader's language when there is one, marked
/// when it is a translation or in another language.
#[derive(Serialize)]
pub(super) struct TextView {
    text: String,
    lang: &'static str,
    note: Option<String>,
}

pub(super) fn text_view(written: &Written, lang: Lang) -> TextView {
    // A blank translation counts as none: the reader gets the original, marked.
    let (text, shown) = written.for_reader(lang);
    let language = |l: Lang| FluentValue::from(t(lang, &format!("language-{}", l.code())));
    let note = if shown != lang {
        Some(translate(lang, "practice-written-in", &[("language", language(written.original))]))
    } else if lang != written.original {
        Some(translate(lang, "practice-translated-from", &[("language", language(written.original))]))
    } else {
        None
    };
    TextView { text: text.to_string(), lang: shown.code(), note }
}

#[derive(Serialize)]
pub(super) struct Row {
    label: String,
    value: String,
}

#[derive(Serialize)]
pub(super) struct Section {
    title: String,
    texts: Vec<(String, TextView)>,
    rows: Vec<Row>,
}

/// The record's details, grouped as the page shows them.
pub(super) fn sections(practice: &Practice, labels: &Labels) -> Vec<Section> {
    let lang = labels.lang;
    // Fields whose form label carries typing hints have a plainer one for reading.
    let label = |field: &str| match field {
        "targets" | "started" | "ended" | "technologies" => t(lang, &format!("practice-label-{field}")),
        _ => t(lang, &format!("practice-field-{field}")),
    };
    let texts = |items: &[(&str, Option<&Written>)]| {
        items
            .iter()
            .filter_map(|(field, w)| w.map(|w| (label(field), text_view(w, lang))))
            .collect::<Vec<_>>()
    };
    let mut rows = Vec::new();
    let mut row = |field: &str, value: String| {
        if !value.is_empty() {
            rows.push(Row { label: label(field), value });
        }
    };
    let join = |items: Vec<String>| items.join(", ");
    row("sub_area", practice.sub_area.as_deref().map(|s| labels.value("sub_area", s)).unwrap_or_default());
    row("targets", join(practice.targets.iter().map(|t| t.to_string()).collect()));
    row(
        "inequalities",
        join(
            practice
                .inequalities
                .iter()
                .map(|i| t(lang, &format!("practice-inequality-{}", i.slug())))
                .collect(),
        ),
    );
    row(
        "actors",
        join(practice.actors.iter().map(|a| t(lang, &format!("practice-actor-{}", a.slug()))).collect()),
    );
    row("technologies", practice.technologies.join(", "));
    row("started", practice.started.map(|d| d.to_string()).unwrap_or_default());
    row("ended", practice.ended.map(|d| d.to_string()).unwrap_or_default());
    row(
        "stage",
        practice.stage.map(|s| t(lang, &format!("practice-stage-{}", s.slug()))).unwrap_or_default(),
    );
    row(
        "budget",
        practice.budget.map(|b| t(lang, &format!("practice-budget-{}", b.slug()))).unwrap_or_default(),
    );
    row("funding", practice.funding.clone().unwrap_or_default());
    let about = Section {
        title: t(lang, "practice-about"),
        texts: texts(&[
            ("challenge", practice.challenge.as_ref()),
            ("objectives", practice.objectives.as_ref()),
            ("actions", practice.actions.as_ref()),
        ]),
        rows,
    };
    let results = Section {
        title: t(lang, "practice-results-heading"),
        texts: texts(&[("results", practice.results.as_ref()), ("lessons", practice.lessons.as_ref())]),
        rows: practice
            .indicators
            .iter()
            .map(|i| Row { label: i.name.clone(), value: i.value.clone() })
            .collect(),
    };
    let effort =
        |e: Option<Effort>| e.map(|e| t(lang, &format!("practice-effort-{}", e.slug()))).unwrap_or_default();
    let transfer = &practice.transferability;
    let transfer_rows = [("cost", effort(transfer.cost)), ("complexity", effort(transfer.complexity))]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(f, v)| Row { label: label(f), value: v })
        .collect();
    let transferability = Section {
        title: t(lang, "practice-transferability"),
        texts: texts(&[
            ("preconditions", transfer.preconditions.as_ref()),
            ("needs", transfer.needs.as_ref()),
        ]),
        rows: transfer_rows,
    };
    [about, results, transferability]
        .into_iter()
        .filter(|s| !s.texts.is_empty() || !s.rows.is_empty())
        .collect()
}

/// `GET /practices/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(id): Path<String>,
    Query(flash): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    practice_view(&ctx, &id, &flash, None).await
}

/// A practice's page; after a refused picture, with the problem beside the upload.
pub(super) async fn practice_view(
    ctx: &Ctx<'_>,
    id: &PracticeId,
    flash: &HashMap<String, String>,
    picture_problem: Option<String>,
) -> Result<Response, PageError> {
    let (state, lang, viewer) = (ctx.state, ctx.lang, ctx.viewer);
    let user = viewer.0.as_ref().map(|s| &s.user);
    let page = state.app.practice_page(user, id).await.map_err(refused(lang))?;
    let labels = Labels::load(state, lang).await.map_err(refused(lang))?;
    let practice = &page.stored.practice;

    #[derive(Serialize)]
    struct VersionView {
        line: String,
        comment: Option<String>,
    }
    #[derive(Serialize)]
    struct PracticePage {
        id: String,
        version: PracticeVersion,
        title: TextView,
        summary: TextView,
        city: String,
        city_id: String,
        axis: String,
        sdg: SdgView,
        sdgs: Vec<SdgView>,
        editions: String,
        sections: Vec<Section>,
        links: Vec<String>,
        images: Vec<String>,
        /// Uploaded pictures by id, and whether another may be added.
        pictures: Vec<String>,
        room_for_pictures: bool,
        picture_problem: Option<String>,
        contact: Option<String>,
        contact_email: Option<String>,
        illustrative: bool,
        status: Option<String>,
        returned_comment: Option<String>,
        consent: bool,
        related: Vec<CardView>,
        versions: Vec<VersionView>,
        may_edit: bool,
        may_decide: bool,
        flash: Option<String>,
    }
    let status_name = |s: PracticeStatus| t(lang, &format!("practice-status-{}", s.slug()));
    let returned_comment = (page.stored.status == PracticeStatus::Returned)
        .then(|| page.versions.iter().find_map(|v| v.comment.clone()))
        .flatten();
    let flash = ["saved", "proposed", "published", "returned"]
        .into_iter()
        .find(|k| flash.contains_key(*k))
        .map(|k| t(lang, &format!("practice-{k}-flash")));
    let body = PracticePage {
        id: practice.id.to_string(),
        version: page.stored.version,
        title: text_view(&practice.title, lang),
        summary: text_view(&practice.summary, lang),
        city: page.city.name_in(lang).to_string(),
        city_id: page.city.id.to_string(),
        axis: labels.value("axis", practice.axis.slug()),
        sdg: SdgView { goal: practice.sdg, name: t(lang, &format!("sdg-{}", practice.sdg)) },
        sdgs: practice
            .sdgs
            .iter()
            .filter(|g| **g != practice.sdg)
            .map(|g| SdgView { goal: *g, name: t(lang, &format!("sdg-{g}")) })
            .collect(),
        editions: practice.editions.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(", "),
        sections: sections(practice, &labels),
        links: practice.links.clone(),
        images: practice.images.clone(),
        pictures: practice.pictures.clone(),
        room_for_pictures: practice.pictures.len() < smartcities_app::catalogue::MAX_PICTURES,
        picture_problem,
        contact: practice.contact.as_ref().map(|c| c.name.clone()).filter(|n| !n.is_empty()),
        contact_email: practice
            .contact
            .as_ref()
            .and_then(|c| c.email.as_ref())
            .map(|e| e.as_str().to_string()),
        illustrative: practice.illustrative,
        status: (page.stored.status != PracticeStatus::Published).then(|| status_name(page.stored.status)),
        returned_comment,
        consent: practice.consent,
        related: suggestion_views(&labels, &page.related),
        versions: page
            .versions
            .iter()
            .map(|v| VersionView {
                line: translate(
                    lang,
                    "practice-version-line",
                    &[
                        ("version", FluentValue::from(v.version.get())),
                        ("status", FluentValue::from(status_name(v.status))),
                        ("by", FluentValue::from(crate::i18n::who(lang, v.changed_by.clone()))),
                        (
                            "at",
                            FluentValue::from(
                                v.changed_at.to_string().replace('T', " ").trim_end_matches('Z').to_string(),
                            ),
                        ),
                    ],
                ),
                comment: v.comment.clone(),
            })
            .collect(),
        may_edit: page.may_edit,
        may_decide: page.may_decide,
        flash,
    };
    let status =
        if body.picture_problem.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let html = render_page(ctx, "practice.html", "practices", body).await?;
    Ok((status, html).into_response())
}
