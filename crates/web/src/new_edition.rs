//! `GET/POST /editions/new`: the secretariat makes the next edition by copying a previous one's
//! framework and questionnaire; a refused form comes back as typed with every problem.

use axum::{
    extract::State,
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::new_edition::NewEdition;
use smartcities_domain::{Localized, StudyAxis};

use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::{CsrfForm, Fields},
    i18n::{Negotiated, t},
    page::{Ctx, PageError, PageResult, form_refusal, render_page},
};

#[derive(Serialize, Default)]
struct Typed {
    year: String,
    focus: String,
    title_es: String,
    title_en: String,
    title_fr: String,
    call: String,
    deadline: String,
    copy_from: String,
}

#[derive(Serialize)]
struct NewEditionPage {
    typed: Typed,
    /// (value, label) of each focus.
    focuses: Vec<(String, String)>,
    /// (year, title) of each edition that can be copied, newest first.
    sources: Vec<(String, String)>,
    problems: Vec<String>,
}

async fn page(ctx: &Ctx<'_>, typed: Typed, problems: Vec<String>) -> PageResult {
    let lang = ctx.lang;
    let mut sources: Vec<(String, String)> = ctx
        .state
        .app
        .editions()
        .await?
        .into_iter()
        .map(|e| (e.year.to_string(), e.title.get(lang).to_string()))
        .collect();
    sources.reverse();
    let mut focuses = vec![("holistic".to_string(), t(lang, "new-edition-focus-holistic"))];
    focuses.extend(
        StudyAxis::ALL.iter().map(|a| (a.slug().to_string(), t(lang, &format!("axis-{}", a.slug())))),
    );
    let typed = Typed {
        copy_from: if typed.copy_from.is_empty() {
            sources.first().map(|s| s.0.clone()).unwrap_or_default()
        } else {
            typed.copy_from
        },
        focus: if typed.focus.is_empty() { "holistic".into() } else { typed.focus },
        ..typed
    };
    render_page(ctx, "new_edition.html", "editions", NewEditionPage { typed, focuses, sources, problems })
        .await
}

/// The form.
pub async fn form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(_): Secretariat,
) -> PageResult {
    page(&Ctx { state: &state, lang, uri: &uri, viewer: &viewer }, Typed::default(), Vec::new()).await
}

/// Creates the edition and shows its questionnaire; refused, the form again as typed.
pub async fn create(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(session): Secretariat,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let field = |name: &str| fields.first(name).to_string();
    let typed = Typed {
        year: field("year"),
        focus: field("focus"),
        title_es: field("title_es"),
        title_en: field("title_en"),
        title_fr: field("title_fr"),
        call: field("call"),
        deadline: field("deadline"),
        copy_from: field("copy_from"),
    };
    let new = NewEdition {
        year: typed.year.clone(),
        focus: typed.focus.clone(),
        title: Localized {
            es: typed.title_es.clone(),
            en: typed.title_en.clone(),
            fr: typed.title_fr.clone(),
        },
        call: typed.call.clone(),
        deadline: typed.deadline.clone(),
        copy_from: typed.copy_from.clone(),
    };
    match state.app.create_edition(&session.user, &new, lang).await {
        Ok(year) => Ok(Redirect::to(&format!("/questionnaires/{year}")).into_response()),
        Err(smartcities_app::AppError::Refused(smartcities_app::Refusal::ImportInvalid(problems))) => {
            let html = page(&ctx, typed, problems).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(e) => {
            let reason = form_refusal(lang, e)?;
            let html = page(&ctx, typed, vec![reason]).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}
