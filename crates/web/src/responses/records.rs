//! A response's records: the printable copy, the history of changes, and the offline workbook out and in.

use std::collections::HashMap;

use axum::{
    extract::{Multipart, Path, Query, State},
    http::{StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::questionnaire::{Limits, WorkbookError};
use smartcities_app::responses::SaveOutcome;
use smartcities_app::{AppError, Refusal};

use super::{overview::overview_page, *};
use crate::{
    AppState,
    auth::Viewer,
    form::check_csrf,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

#[derive(Serialize)]
pub(super) struct PrintSection {
    label: String,
    questions: Vec<(String, String, String)>,
}

pub async fn print(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let q = &loaded.questionnaire;
    let mut sections: Vec<PrintSection> = Vec::new();
    for located in q.questions() {
        let label = located
            .groups
            .iter()
            .map(|g| g.label.get(lang, q.default_language))
            .collect::<Vec<_>>()
            .join(" › ");
        if sections.last().is_none_or(|s| s.label != label) {
            sections.push(PrintSection { label: label.clone(), questions: Vec::new() });
        }
        let question = located.question;
        let value = if located.repeat().is_some() {
            let ids = entry_ids(&loaded.answers, located.repeat().map_or("", |g| g.name.as_str()));
            let group = located.repeat().map(|g| g.name.clone());
            ids.iter()
                .filter_map(|id| {
                    let entry = group.clone().map(|group| EntryKey { group, id: *id });
                    value_of(&loaded.answers, question.name.as_str(), entry.as_ref())
                        .map(|a| shown_value(lang, q, question, &a.value))
                })
                .collect::<Vec<_>>()
                .join(" | ")
        } else {
            value_of(&loaded.answers, question.name.as_str(), None)
                .map(|a| shown_value(lang, q, question, &a.value))
                .unwrap_or_default()
        };
        let options: Vec<&str> =
            q.choices(question).iter().map(|c| c.label.get(lang, q.default_language)).collect();
        if let Some(section) = sections.last_mut() {
            section.questions.push((
                question.label.get(lang, q.default_language).to_string(),
                options.join(" / "),
                value,
            ));
        }
    }
    #[derive(Serialize)]
    struct PrintPage {
        head: Head,
        sections: Vec<PrintSection>,
    }
    render_page(&ctx, "print.html", "me", PrintPage { head: head(lang, &loaded, &viewer), sections }).await
}

/// Changes shown per page of a response's history.
pub(super) const HISTORY_PAGE: usize = 200;

pub async fn history(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let q = &loaded.questionnaire;
    let only = query.get("question").map(String::as_str).filter(|s| !s.is_empty());
    // A page of changes at a time: a long campaign's autosaves make thousands.
    let page: usize = query.get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1);
    let offset = (page - 1).saturating_mul(HISTORY_PAGE);
    let (changes, total) = state.app.answer_history(&loaded, only, HISTORY_PAGE, offset).await?;
    #[derive(Serialize)]
    struct Row {
        when: String,
        iso: String,
        who: String,
        question: String,
        code: String,
        entry: String,
        old: String,
        new: String,
        version: smartcities_domain::QuestionnaireVersion,
    }
    #[derive(Serialize)]
    struct HistoryPage {
        head: Head,
        rows: Vec<Row>,
        question: Option<String>,
        page: usize,
        pages: usize,
        total: usize,
    }
    // Answers in words (choice labels, numbers as the language writes them), times in the
    // language; a question removed since keeps its code and raw values.
    let words = |code: &str, value: Option<AnswerValue>| {
        let value = value.unwrap_or_default();
        match q.question(code) {
            Some(question) => shown_value(lang, q, question, &value),
            None => value.into_string(),
        }
    };
    let rows = changes
        .into_iter()
        .map(|c| Row {
            when: crate::i18n::timestamp(lang, c.changed_at),
            iso: c.changed_at.to_string(),
            who: crate::i18n::who(lang, c.changed_by),
            question: q
                .question(&c.question)
                .map_or(c.question.clone(), |x| x.label.get(lang, q.default_language).to_string()),
            entry: c.entry.as_ref().map_or(String::new(), |e| {
                translate(lang, "entry", &[("number", i64::try_from(e.id).unwrap_or(0).into())])
            }),
            old: words(&c.question, c.old_value),
            new: words(&c.question, c.new_value),
            code: c.question,
            version: c.questionnaire_version,
        })
        .collect();
    render_page(
        &ctx,
        "history.html",
        "me",
        HistoryPage {
            head: head(lang, &loaded, &viewer),
            rows,
            question: only.map(str::to_string),
            page,
            pages: total.div_ceil(HISTORY_PAGE).max(1),
            total,
        },
    )
    .await
}

pub async fn workbook(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let bytes = state.app.offline_workbook(&loaded, lang).map_err(refused(lang))?;
    let name = format!("smartcities-{year}-{city}.xlsx");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response())
}

pub async fn upload_workbook(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let (mut csrf, mut file, mut too_large) = (None, None, false);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("csrf") => csrf = field.text().await.ok(),
                Some("file") => match field.bytes().await {
                    Ok(bytes) => file = Some(bytes),
                    Err(e) => too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE,
                },
                _ => {}
            },
            Ok(None) => break,
            Err(e) => {
                too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                break;
            }
        }
    }
    // Every refusal shows the overview again with the problems beside the upload form.
    let (ctx, loaded) = (&ctx, &loaded);
    let refuse = move |problems: Vec<String>| async move {
        let page = overview_page(ctx, loaded, None, problems).await?;
        Ok::<_, PageError>((StatusCode::CONFLICT, page).into_response())
    };
    if too_large {
        let max = Limits::UPLOAD.max_file_bytes;
        let error = WorkbookError::FileTooLarge { bytes: max + 1, max };
        return refuse(vec![error.message(lang)]).await;
    }
    check_csrf(&viewer, csrf.as_deref(), lang)?;
    let Some(file) = file.filter(|f| !f.is_empty()) else {
        return refuse(vec![t(lang, "upload-missing")]).await;
    };
    let outcome = state
        .app
        .upload_workbook(user_of(&viewer)?, loaded.edition.year, &loaded.city.id, file.to_vec(), lang)
        .await;
    match outcome {
        Ok(SaveOutcome::Saved { changed, .. }) => {
            Ok(Redirect::to(&format!("/responses/{year}/{city}?uploaded={changed}")).into_response())
        }
        Ok(SaveOutcome::Conflicts { conflicts, .. }) => {
            let names: Vec<String> = conflicts.iter().map(|c| c.question.clone()).collect();
            refuse(vec![format!("{} {}", t(lang, "upload-conflict"), names.join(", "))]).await
        }
        Err(AppError::Refused(Refusal::Workbook(findings))) => {
            refuse(findings.iter().map(|f| f.located(lang)).collect()).await
        }
        Err(AppError::Refused(Refusal::InvalidAnswers(problems))) => {
            refuse(problems.into_iter().map(|p| p.message).collect()).await
        }
        Err(e) => Err(refused(lang)(e)),
    }
}
