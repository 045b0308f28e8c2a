//! `GET/POST /cities/{id}/names`: the secretariat names a city in English, Spanish and French.
//! A refused form comes back as typed, each problem beside its field.

use std::collections::HashMap;

use axum::{
    extract::{Path, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::{AppError, Refusal, community_problem, naming::TypedNames};
use smartcities_domain::CityId;

use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::CsrfForm,
    i18n::Negotiated,
    page::{Ctx, PageError, PageResult, form_refusal, render_page},
};

#[derive(Serialize)]
struct NamesPage {
    city_id: String,
    /// The name the page is titled with, in the reader's language.
    city: String,
    /// The fields as stored or typed: `name_en`, `name_es`, `name_fr`.
    form: HashMap<&'static str, String>,
    errors: HashMap<String, String>,
}

async fn names_page(
    ctx: &Ctx<'_>,
    id: &CityId,
    typed: Option<TypedNames>,
    errors: HashMap<String, String>,
) -> PageResult {
    let city = ctx.state.app.city(id).await?.ok_or(PageError::NotFound(ctx.lang))?;
    let typed = typed.unwrap_or_else(|| TypedNames {
        en: city.name.clone(),
        es: city.names.es.clone().unwrap_or_default(),
        fr: city.names.fr.clone().unwrap_or_default(),
    });
    let body = NamesPage {
        city_id: city.id.to_string(),
        city: city.name_in(ctx.lang).to_string(),
        form: HashMap::from([("name_en", typed.en), ("name_es", typed.es), ("name_fr", typed.fr)]),
        errors,
    };
    render_page(ctx, "city_names.html", "members", body).await
}

/// `GET /cities/{id}/names`: the form with the city's names as stored.
pub async fn form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Path(id): Path<String>,
    viewer: Viewer,
    uri: Uri,
    _secretariat: Secretariat,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let id = CityId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    names_page(&ctx, &id, None, HashMap::new()).await
}

/// `POST /cities/{id}/names`: renames the city and goes back to its page.
pub async fn save(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Path(id): Path<String>,
    viewer: Viewer,
    uri: Uri,
    Secretariat(user): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let id = CityId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let field = |name: &str| fields.get(name).and_then(|v| v.first()).cloned().unwrap_or_default();
    let typed = TypedNames { en: field("name_en"), es: field("name_es"), fr: field("name_fr") };
    match state.app.rename_city(&user.user, &id, &typed).await {
        Ok(city) => Ok(Redirect::to(&format!("/cities/{}", city.id)).into_response()),
        Err(AppError::Refused(Refusal::CommunityInvalid(problems))) => {
            let errors = problems.iter().map(|(f, p)| (f.clone(), community_problem(lang, p))).collect();
            let page = names_page(&ctx, &id, Some(typed), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => {
            let message = form_refusal(lang, other)?;
            let page =
                names_page(&ctx, &id, Some(typed), HashMap::from([("form".to_string(), message)])).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
