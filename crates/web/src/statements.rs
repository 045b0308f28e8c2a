//! The statements of an edition's questions, as drafted findings use them: a form with each
//! question's statement in Spanish, English and French. Staff read it; the secretariat saves
//! it, as one new framework version (refused when another was saved since it was opened).

use axum::{
    extract::{Path, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_domain::{EditionYear, Framework, FrameworkVersion, Lang, Localized, Question, QuestionKind};

use crate::{
    AppState,
    auth::{Secretariat, Staff, Viewer},
    form::{CsrfForm, Fields},
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, render_page},
};

#[derive(Serialize)]
struct Row {
    code: String,
    question: String,
    /// (language code, language name, statement).
    texts: Vec<(&'static str, String, String)>,
}

#[derive(Serialize)]
struct Page {
    year: u16,
    version: FrameworkVersion,
    axes: Vec<(String, Vec<Row>)>,
    may_edit: bool,
    notice: Option<String>,
    error: Option<String>,
}

fn page(
    lang: Lang,
    year: EditionYear,
    version: FrameworkVersion,
    framework: &Framework,
    typed: Option<&Fields>,
) -> Page {
    let axes = framework
        .axes
        .iter()
        .map(|axis| {
            let rows = axis
                .sub_areas
                .iter()
                .flat_map(|s| s.questions.iter())
                .filter(|q| drafted_from(q))
                .map(|q| Row {
                    code: q.code.to_string(),
                    question: q.label.get(lang).to_string(),
                    texts: Lang::ALL
                        .iter()
                        .map(|l| {
                            let stored = q.statement.as_ref().map_or("", |s| s.get(*l)).to_string();
                            let shown = typed.map_or(stored, |f| field(f, q.code.as_str(), *l).to_string());
                            (l.code(), t(lang, &format!("language-{}", l.code())), shown)
                        })
                        .collect(),
                })
                .collect();
            (axis.label.get(lang).to_string(), rows)
        })
        .filter(|(_, rows): &(String, Vec<Row>)| !rows.is_empty())
        .collect();
    Page { year: year.get(), version, axes, may_edit: false, notice: None, error: None }
}

/// Whether drafted findings state this question: only yes/no questions are drafted from (a
/// share of cities that answer yes), so only theirs have a statement to write.
fn drafted_from(question: &Question) -> bool {
    matches!(question.kind, QuestionKind::YesNo)
}

fn field<'f>(fields: &'f Fields, code: &str, lang: Lang) -> &'f str {
    fields.get(&format!("s.{code}.{}", lang.code())).and_then(|v| v.first()).map_or("", String::as_str)
}

async fn load(ctx: &Ctx<'_>, year: &str) -> Result<(EditionYear, FrameworkVersion, Framework), PageError> {
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(ctx.lang))?;
    let (version, framework) = ctx.state.app.framework(year).await?.ok_or(PageError::NotFound(ctx.lang))?;
    Ok((year, version, framework))
}

/// `/questionnaires/{year}/statements`: the form.
pub async fn show(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Staff(_): Staff,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let (year, version, framework) = load(&ctx, &year).await?;
    let mut page = page(lang, year, version, &framework, None);
    page.may_edit = viewer.app().is_secretariat();
    if let Some(saved) = uri.query().and_then(|q| q.split('&').find_map(|p| p.strip_prefix("saved="))) {
        page.notice = Some(translate(lang, "statements-saved", &[("version", saved.to_string().into())]));
    }
    render_page(&ctx, "statements.html", "me", page).await
}

/// Saves every statement of the form at once; secretariat only.
pub async fn save(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year_s): Path<String>,
    Secretariat(user): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let (year, _, framework) = load(&ctx, &year_s).await?;
    let based_on: FrameworkVersion =
        fields.first("version").parse().map_err(|_| PageError::Refused(lang, t(lang, "form-expired")))?;
    let statements: Vec<(String, Localized)> = framework
        .questions()
        .filter(|(_, _, q)| drafted_from(q))
        .map(|(_, _, q)| q.code.as_str())
        .filter(|code| Lang::ALL.iter().any(|l| fields.contains_key(&format!("s.{code}.{}", l.code()))))
        .map(|code| {
            let text = Localized {
                en: field(&fields, code, Lang::En).to_string(),
                es: field(&fields, code, Lang::Es).to_string(),
                fr: field(&fields, code, Lang::Fr).to_string(),
            };
            (code.to_string(), text)
        })
        .collect();
    match state.app.set_statements(&user.user, year, based_on, &statements).await {
        Ok(saved) => {
            Ok(Redirect::to(&format!("/questionnaires/{year}/statements?saved={saved}")).into_response())
        }
        Err(smartcities_app::AppError::Refused(refusal)) => {
            // Nothing was stored: the form comes back as typed, with what was refused.
            let mut page = page(lang, year, based_on, &framework, Some(&fields));
            page.may_edit = true;
            page.error = Some(refusal.message(lang));
            let html = render_page(&ctx, "statements.html", "me", page).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(other) => Err(other.into()),
    }
}
