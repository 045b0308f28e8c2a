//! The public form to apply to join the community.

use std::collections::{BTreeMap, HashMap};

use axum::{
    body::Bytes,
    extract::{Query, State},
    http::{HeaderMap, StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::{AppError, Refusal, accounts::Client, membership::JoinForm};
use smartcities_domain::{Lang, focal_point};

use super::*;
use crate::{
    AppState,
    account::{form_token_ok, with_form_token_in},
    auth::{ClientAddress, Viewer},
    form::parse_form,
    i18n::{Negotiated, t},
    page::Ctx,
};

#[derive(Serialize)]
pub(super) struct JoinPage {
    form: BTreeMap<String, String>,
    errors: HashMap<String, String>,
    countries: Vec<(String, String)>,
    sent: bool,
    form_token: String,
}

pub(super) fn countries(lang: Lang) -> Vec<(String, String)> {
    let collator = crate::i18n::collator(lang);
    // A city applying today is in a country that exists today: withdrawn codes are not offered.
    let mut list: Vec<(String, String)> = smartcities_domain::Country::all()
        .filter(|c| c.code.is_current())
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
    headers: HeaderMap,
    Query(query): Query<SentQuery>,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let sent = query.sent.is_some();
    with_form_token_in(&ctx, &headers, (StatusCode::OK, "join.html", "members"), |form_token| JoinPage {
        form: BTreeMap::new(),
        errors: HashMap::new(),
        countries: countries(lang),
        sent,
        form_token,
    })
    .await
}

/// `POST /members/join`: records the application; a refused one comes back as typed, with a
/// new form token. The form carries a token its page set (a form posted from elsewhere is
/// refused), a field people never see (`website`: filled in only by robots), and the
/// application layer limits how many arrive from one client and in all.
pub async fn join(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    ClientAddress(address): ClientAddress,
    body: Bytes,
) -> Response {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let fields = parse_form(&body);
    let single: HashMap<String, String> = typed(&fields).into_iter().collect();
    let again = |status: StatusCode, errors: HashMap<String, String>| {
        let form = typed(&fields);
        with_form_token_in(&ctx, &headers, (status, "join.html", "members"), move |form_token| JoinPage {
            form,
            errors,
            countries: countries(lang),
            sent: false,
            form_token,
        })
    };
    if !form_token_ok(&headers, &single) {
        let errors = HashMap::from([("form".to_string(), t(lang, "sign-in-expired"))]);
        return again(StatusCode::FORBIDDEN, errors).await;
    }
    let form = JoinForm {
        city_name: &first(&fields, "city_name"),
        country: &first(&fields, "country"),
        focal_point: focal_point(&first(&fields, "name"), &first(&fields, "role"), &first(&fields, "email")),
        motivation: &first(&fields, "motivation"),
        trap: &first(&fields, "website"),
        lang,
    };
    match state.app.apply_to_join(form, &Client { address }).await {
        Ok(_) => Redirect::to("/members/join?sent=1").into_response(),
        Err(e) => {
            let status = match &e {
                AppError::Refused(Refusal::TooManyApplications) => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            match problems_by_field(lang, e) {
                Ok(errors) => again(status, errors).await,
                Err(e) => e.into_response(),
            }
        }
    }
}
