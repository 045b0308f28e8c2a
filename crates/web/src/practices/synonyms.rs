//! `GET/POST /practices/synonyms`: the search synonyms of each language, side by side; staff
//! read them, the secretariat changes them. A refused language comes back as typed with its
//! problem, naming the line.

use std::collections::BTreeMap;

use axum::{
    extract::{Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::{AppError, Refusal, synonym_problem};
use smartcities_domain::Lang;

use crate::{
    AppState,
    auth::{Secretariat, Staff, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, form_refusal, render_page},
};

#[derive(Serialize)]
struct LanguageBox {
    code: &'static str,
    name: String,
    text: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct SynonymsPage {
    /// One box per language (not `languages`, which is the layout's language switcher).
    boxes: Vec<LanguageBox>,
    editable: bool,
    saved: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    saved: Option<String>,
}

async fn synonyms_page(
    ctx: &Ctx<'_>,
    user: &smartcities_app::User,
    typed: Option<(Lang, String, String)>,
    saved: Option<Lang>,
) -> PageResult {
    let stored = ctx.state.app.search_synonyms(user).await?;
    let boxes = Lang::ALL
        .iter()
        .map(|l| {
            let (text, error) = match &typed {
                Some((lang, text, error)) if lang == l => (text.clone(), Some(error.clone())),
                _ => (stored.get(l).cloned().unwrap_or_default(), None),
            };
            LanguageBox { code: l.code(), name: t(ctx.lang, &format!("language-{}", l.code())), text, error }
        })
        .collect();
    let saved = saved.map(|l| {
        let name = t(ctx.lang, &format!("language-{}", l.code()));
        translate(ctx.lang, "synonyms-saved", &[("language", name.into())])
    });
    let body = SynonymsPage { boxes, editable: ctx.viewer.is_secretariat(), saved };
    render_page(ctx, "synonyms.html", "practices", body).await
}

/// `GET /practices/synonyms`.
pub async fn form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Staff(user): Staff,
    Query(query): Query<SavedQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let saved = query.saved.as_deref().and_then(Lang::from_tag);
    synonyms_page(&ctx, &user.user, None, saved).await
}

/// `POST /practices/synonyms`: one language's groups (`lang`, `groups`).
pub async fn save(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    CsrfForm(fields): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let of = fields.get("lang").and_then(|l| Lang::from_tag(l)).ok_or(PageError::NotFound(lang))?;
    let typed = fields.get("groups").cloned().unwrap_or_default();
    match state.app.save_search_synonyms(&user.user, of, &typed).await {
        Ok(_) => Ok(Redirect::to(&format!("/practices/synonyms?saved={}#synonyms-{}", of.code(), of.code()))
            .into_response()),
        Err(e) => {
            let message = match e {
                AppError::Refused(Refusal::SynonymsInvalid(problem)) => synonym_problem(lang, &problem),
                other => form_refusal(lang, other)?,
            };
            let page = synonyms_page(&ctx, &user.user, Some((of, typed, message)), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
