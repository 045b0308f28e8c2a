//! A practice's uploaded pictures: added or removed from its page by whoever may edit it (a
//! multipart form of its own), and served to whoever may see the practice.

use std::collections::HashMap;

use axum::{
    extract::{Multipart, Path, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use smartcities_app::catalogue::PictureChange;
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{PracticeId, PracticeVersion};

use super::page::practice_view;
use crate::{
    AppState,
    auth::{SignedIn, Viewer},
    form::check_csrf,
    i18n::{Negotiated, t},
    page::{Ctx, PageError, refused},
};

/// `POST /practices/{id}/pictures`: `action=add` with a `file`, or `action=remove` with a
/// `picture` id; then the practice's page, saved or with the problem beside the upload.
pub async fn change(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    SignedIn(session): SignedIn,
    uri: Uri,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let mut fields: HashMap<String, String> = HashMap::new();
    let (mut file, mut too_large) = (None, false);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                if name == "file" {
                    let file_name = field.file_name().unwrap_or_default().to_string();
                    match field.bytes().await {
                        Ok(bytes) => file = Some((file_name, bytes.to_vec())),
                        Err(e) => too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE,
                    }
                } else if let Ok(text) = field.text().await {
                    fields.insert(name, text);
                }
            }
            Ok(None) => break,
            Err(e) => {
                too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                break;
            }
        }
    }
    check_csrf(&viewer, fields.get("csrf").map(String::as_str), lang)?;
    let based_on: PracticeVersion = fields
        .get("version")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| PageError::Refused(lang, t(lang, "form-expired")))?;
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let (ctx, practice) = (&ctx, &id);
    let problem = move |message: String| async move {
        practice_view(ctx, practice, &HashMap::new(), Some(message)).await
    };
    if too_large {
        let max = smartcities_app::questionnaire::attachment::MAX_FILE_BYTES;
        return problem(
            smartcities_app::questionnaire::attachment::FileProblem::TooLarge { max }.message(lang),
        )
        .await;
    }
    let change = match (fields.get("action").map(String::as_str), file) {
        (Some("remove"), _) => PictureChange::Remove(fields.get("picture").cloned().unwrap_or_default()),
        (_, Some((file_name, bytes))) if !bytes.is_empty() => PictureChange::Add { file_name, bytes },
        _ => return problem(t(lang, "upload-missing")).await,
    };
    match state.app.change_practice_picture(&session.user, &id, based_on, change, lang).await {
        Ok(()) => Ok(Redirect::to(&format!("/practices/{id}?saved")).into_response()),
        Err(AppError::Refused(Refusal::PracticeInvalid(problems))) => {
            problem(problems.into_iter().map(|p| p.message).collect::<Vec<_>>().join(" ")).await
        }
        Err(e) => Err(refused(lang)(e)),
    }
}

/// `GET /practices/{id}/pictures/{picture}`: a picture the practice shows, for whoever may see
/// it, with the type it was checked as and never sniffed.
pub async fn show(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    Path((id, picture)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id = PracticeId::parse(&id).map_err(|_| PageError::NotFound(lang))?;
    let user = viewer.0.as_ref().map(|s| &s.user);
    let file = state.app.practice_picture(user, &id, &picture).await.map_err(refused(lang))?;
    // The id is the picture's hash: the bytes behind an address never change.
    crate::download::stored_file(file, "public, max-age=86400")
}
