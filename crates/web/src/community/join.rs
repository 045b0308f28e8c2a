//! The public form to apply to join the community.

use std::collections::{BTreeMap, HashMap};

use axum::{
    body::Bytes,
    extract::{Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_domain::{Lang, focal_point};

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    form::parse_form,
    i18n::Negotiated,
    page::{Ctx, PageError, PageResult, render_page},
};

#[derive(Serialize)]
pub(super) struct JoinPage {
    form: BTreeMap<String, String>,
    errors: HashMap<String, String>,
    countries: Vec<(String, String)>,
    sent: bool,
}

pub(super) fn countries(lang: Lang) -> Vec<(String, String)> {
    let collator = crate::i18n::collator(lang);
    let mut list: Vec<(String, String)> = smartcities_domain::Country::all()
        .map(|c| (c.code.as_str().to_string(), c.code.name(lang).to_string()))
        .collect();
    list.sort_by(|a, b| collator.compare(&a.1, &b.1));
    list
}

#[derive(Deserialize, Default)]
pub struct SentQuery {
    sent: Option<String>,
}

/// `GET /members/join`: the form a city fills in to apply.
pub async fn join_form(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Query(query): Query<SentQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let body = JoinPage {
        form: BTreeMap::new(),
        errors: HashMap::new(),
        countries: countries(lang),
        sent: query.sent.is_some(),
    };
    render_page(&ctx, "join.html", "members", body).await
}

/// `POST /members/join`: records the application; a refused one comes back as typed.
pub async fn join(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    body: Bytes,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let fields = parse_form(&body);
    let focal = focal_point(&first(&fields, "name"), &first(&fields, "role"), &first(&fields, "email"));
    let applied = state
        .app
        .apply_to_join(
            &first(&fields, "city_name"),
            &first(&fields, "country"),
            focal,
            &first(&fields, "motivation"),
        )
        .await;
    match applied {
        Ok(_) => Ok(Redirect::to("/members/join?sent=1").into_response()),
        Err(e) => {
            let errors = problems_by_field(lang, e)?;
            let form = typed(&fields);
            let body = JoinPage { form, errors, countries: countries(lang), sent: false };
            let page = render_page(&ctx, "join.html", "members", body).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
