//! Files given as answers: the upload form of a file or picture question (one multipart form per
//! question, beside the page's own) and the download of a stored file, as an attachment that no
//! browser may take for anything but its type.

use axum::{
    extract::{Multipart, Path, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use smartcities_app::attachments::Upload;
use smartcities_app::questionnaire::{EntryKey, Item};
use smartcities_app::responses::{AnswerChange, SaveOutcome};
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{CityId, EditionYear, Revision};

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    form::check_csrf,
    i18n::Negotiated,
    page::{Ctx, PageError, render_page},
};

/// What an upload form sent.
#[derive(Default)]
struct Sent {
    csrf: Option<String>,
    revision: Option<String>,
    action: Option<String>,
    file: Option<(String, Vec<u8>)>,
    too_large: bool,
}

async fn read_sent(mut multipart: Multipart) -> Sent {
    let mut sent = Sent::default();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("csrf") => sent.csrf = field.text().await.ok(),
                Some("revision") => sent.revision = field.text().await.ok(),
                Some("action") => sent.action = field.text().await.ok(),
                Some("file") => {
                    let name = field.file_name().unwrap_or_default().to_string();
                    match field.bytes().await {
                        Ok(bytes) => sent.file = Some((name, bytes.to_vec())),
                        Err(e) => sent.too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE,
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            Err(e) => {
                sent.too_large |= e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                break;
            }
        }
    }
    sent
}

/// The page (top-level group) a question sits on.
fn page_of(q: &smartcities_app::questionnaire::Questionnaire, code: &str) -> Option<String> {
    q.items.iter().find_map(|item| match item {
        Item::Group(g) if g.questions_in_entry().iter().any(|x| x.name.as_str() == code) => {
            Some(g.name.to_string())
        }
        _ => None,
    })
}

/// Uploads (`action=upload`) or removes (`action=remove`) the file of one question, then shows
/// its page again: saved, or with the refusal beside the question.
pub async fn upload_file(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city, field)): Path<(String, String, String)>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let sent = read_sent(multipart).await;
    check_csrf(&viewer, sent.csrf.as_deref(), lang)?;
    // `{id}.{question}` inside a repeat entry, the question's name otherwise.
    let (entry_id, code) = match field.split_once('.') {
        Some((id, code)) => (Some(id), code),
        None => (None, field.as_str()),
    };
    let group = page_of(&loaded.questionnaire, code).ok_or(PageError::NotFound(lang))?;
    let located = loaded.questionnaire.questions().into_iter().find(|l| l.question.name.as_str() == code);
    let repeat = located.as_ref().and_then(|l| l.repeat()).map(|g| g.name.to_string());
    let entry = match (entry_id, repeat) {
        (Some(id), Some(repeat)) => Some(EntryKey::of(&repeat, id).map_err(|_| PageError::NotFound(lang))?),
        (None, None) => None,
        _ => return Err(PageError::NotFound(lang)),
    };
    let base = sent.revision.as_deref().and_then(|r| r.parse::<Revision>().ok()).unwrap_or(Revision::NONE);
    let user = user_of(&viewer)?;
    let (year_v, city_v) = (loaded.edition.year, loaded.city.id.clone());
    let outcome = match (sent.action.as_deref(), sent.file) {
        _ if sent.too_large => Err(too_large(lang, &loaded, code, &entry)),
        (Some("remove"), _) => {
            let change = AnswerChange { question: code.to_string(), entry: entry.clone(), value: None };
            state.app.save_page_in(user, &loaded, base, &[change], &[], lang).await
        }
        (_, Some((file_name, bytes))) if !bytes.is_empty() => {
            let upload = Upload { question: code.to_string(), entry: entry.clone(), file_name, bytes };
            state.app.attach_file(user, year_v, &city_v, base, upload, lang).await
        }
        _ => Err(refusal_beside(&loaded, code, &entry, t(lang, "upload-missing"), lang)),
    };
    let problems = match outcome {
        Ok(SaveOutcome::Saved { .. }) => {
            let to = format!("/responses/{year}/{city}/groups/{group}?saved=1#f-{field}");
            return Ok(Redirect::to(&to).into_response());
        }
        Ok(SaveOutcome::Conflicts { .. }) => vec![t(lang, "conflict-intro")],
        Err(AppError::Refused(Refusal::InvalidAnswers(problems))) => {
            problems.into_iter().map(|p| p.message).collect()
        }
        Err(e) => return Err(refused(lang)(e)),
    };
    // The page again, the problem beside the question's upload.
    let loaded = load(&ctx, &year, &city).await?;
    let comments = comments_of(&ctx, &loaded).await?;
    let mut page =
        answering::group_page(lang, &loaded, &viewer, &group, &comments).ok_or(PageError::NotFound(lang))?;
    page.show_problem(&field, problems.join(" "));
    let html = render_page(&ctx, "group.html", "me", page).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
}

fn refusal_beside(
    loaded: &Loaded,
    code: &str,
    entry: &Option<EntryKey>,
    detail: String,
    lang: Lang,
) -> AppError {
    let message = match loaded.questionnaire.question(code) {
        Some(question) => {
            smartcities_app::questionnaire::labelled_problem(&loaded.questionnaire, question, &detail, lang)
        }
        None => detail,
    };
    let problem =
        smartcities_app::AnswerProblem { question: code.to_string(), entry: entry.clone(), message };
    Refusal::InvalidAnswers(vec![problem]).into()
}

fn too_large(lang: Lang, loaded: &Loaded, code: &str, entry: &Option<EntryKey>) -> AppError {
    let max = smartcities_app::questionnaire::attachment::MAX_FILE_BYTES;
    let detail = smartcities_app::questionnaire::attachment::FileProblem::TooLarge { max }.message(lang);
    refusal_beside(loaded, code, entry, detail, lang)
}

/// A stored file, for whoever may read the response: as an attachment, its type as checked on
/// upload and never sniffed, kept out of shared caches.
pub async fn download_file(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city, id)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    let Some(session) = &viewer.0 else {
        return Err(PageError::SignIn(uri.to_string()));
    };
    let year = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let city = CityId::parse(&city).map_err(|_| PageError::NotFound(lang))?;
    let file = state.app.attachment(&session.user, year, &city, &id).await.map_err(refused(lang))?;
    crate::download::stored_file(file, "private, no-cache")
}
