//! The study's findings on the web: an edition's results overview (headline per question by
//! axis, SDG matrix, barriers and enablers, trends, provenance) and a page per question with an
//! SVG chart and its data table, overall and by UCLG section, population band and Metropolis
//! membership. Shares and profiles, never a ranking. Public once the edition is published;
//! the secretariat and analysts see them before.

mod composite;
mod overview;
mod profiles;
mod question;

use axum::http::Uri;
use smartcities_app::findings::Results;
use smartcities_app::questionnaire::Questionnaire;
use smartcities_domain::{Edition, EditionYear, Framework, Lang};
use smartcities_publish::names;

pub use overview::overview;
pub(crate) use profiles::{ProfileView, profile_views};
pub use question::question;

use crate::{
    AppState,
    auth::Viewer,
    page::{PageError, refused_at},
};

pub(crate) struct Loaded {
    pub edition: Edition,
    pub framework: Framework,
    pub questionnaire: Questionnaire,
    /// The results, when they were computed, and whether answers changed since.
    pub results: Option<(Results, String, bool)>,
}

pub(crate) async fn load(
    state: &AppState,
    viewer: &Viewer,
    lang: Lang,
    uri: &Uri,
    year: &str,
) -> Result<Loaded, PageError> {
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let findings = state.app.findings_for(viewer.app(), year).await.map_err(refused_at(lang, uri))?;
    Ok(Loaded {
        edition: findings.edition,
        framework: findings.framework,
        questionnaire: findings.questionnaire,
        results: findings.results.map(|r| (r.results, crate::i18n::timestamp(lang, r.computed_at), r.stale)),
    })
}

pub(super) fn percent(lang: Lang, share: Option<f64>) -> String {
    share.map(|s| names::percent(lang, s)).unwrap_or_default()
}

pub(super) fn interval(lang: Lang, low: Option<f64>, high: Option<f64>) -> String {
    low.zip(high).map(|(l, h)| names::interval(lang, l, h)).unwrap_or_default()
}

pub(super) fn number(lang: Lang, x: f64) -> String {
    names::decimal(lang, x, 2)
}

pub(super) fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_string(), |s| format!("{s:.0}"))
}

pub(crate) fn score_interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) => format!("{l:.0}–{h:.0}"),
        _ => String::new(),
    }
}
