//! A response's overview (its parts, progress, the offline workbook) and the page after submitting.

use std::collections::HashMap;

use axum::{
    extract::{Path, Query, State},
    http::Uri,
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_domain::ResponseStatus;

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    i18n::{Negotiated, translate},
    page::{Ctx, PageError, PageResult, render_page},
};

pub async fn overview(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let message = query
        .get("uploaded")
        .map(|n| translate(lang, "upload-saved", &[("count", n.parse::<i64>().unwrap_or(0).into())]));
    overview_page(&ctx, &loaded, message, Vec::new()).await
}

/// A city's overview page; `upload_problems` lists what was wrong with a workbook just
/// uploaded, shown beside the upload form.
pub(super) async fn overview_page(
    ctx: &Ctx<'_>,
    loaded: &Loaded,
    message: Option<String>,
    upload_problems: Vec<String>,
) -> PageResult {
    let (lang, viewer) = (ctx.lang, ctx.viewer);
    let (year, city) = (loaded.edition.year, &loaded.city.id);
    #[derive(Serialize)]
    struct ToAddress {
        label: String,
        comment: String,
        href: String,
    }
    #[derive(Serialize)]
    struct Overview {
        head: Head,
        groups: Vec<GroupLink>,
        message: Option<String>,
        deadline: Option<String>,
        returned: bool,
        to_address: Vec<ToAddress>,
        upload_problems: Vec<String>,
    }
    let q = &loaded.questionnaire;
    let returned = loaded.response.status == ResponseStatus::Returned;
    // The comments of the latest return, each with the page to correct it on.
    let to_address = if returned {
        comments_of(ctx, loaded)
            .await?
            .into_iter()
            .map(|(key, comment)| {
                let (label, group) = match q.question(&key) {
                    Some(question) => {
                        (question.label.get(lang, q.default_language).to_string(), group_of(q, &key))
                    }
                    // A comment on one entry of a repeat group is kept under the entry's key.
                    None => {
                        let entry = EntryKey::parse(&key).ok().flatten();
                        (
                            value_of(&loaded.answers, "gp_title", entry.as_ref())
                                .map_or(key.clone(), |a| a.value.to_string()),
                            entry.map_or(String::new(), |e| e.group.to_string()),
                        )
                    }
                };
                let href = format!("/responses/{year}/{city}/groups/{group}");
                ToAddress { label, comment, href }
            })
            .collect()
    } else {
        Vec::new()
    };
    let deadline =
        smartcities_app::campaign::deadline(&loaded.edition).map(|d| crate::i18n::approx_date(lang, d));
    let body = Overview {
        head: head(lang, loaded, viewer),
        groups: group_links(lang, q, &loaded.answers),
        message,
        deadline,
        returned,
        to_address,
        upload_problems,
    };
    render_page(ctx, "response.html", "me", body).await
}

/// `GET /responses/{year}/{city}/submitted`: the confirmation after submitting, with what
/// happens next.
pub async fn submitted(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    if loaded.response.status != ResponseStatus::Submitted {
        return Ok(Redirect::to(&format!("/responses/{year}/{city}")).into_response());
    }
    #[derive(Serialize)]
    struct Submitted {
        head: Head,
        groups: Vec<GroupLink>,
        when: String,
    }
    let when = loaded.response.submitted_at.map_or(String::new(), |at| crate::i18n::timestamp(lang, at));
    let body = Submitted {
        head: head(lang, &loaded, &viewer),
        groups: group_links(lang, &loaded.questionnaire, &loaded.answers),
        when,
    };
    Ok(render_page(&ctx, "submitted.html", "me", body).await?.into_response())
}
