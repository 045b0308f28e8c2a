//! A city's profiles as its page shows them, one per analysed edition the viewer may read.

use serde::Serialize;
use smartcities_app::policy;
use smartcities_domain::{EditionYear, Lang};
use smartcities_publish::{charts, names::Names};

use super::{number, percent, score_interval, score_text};
use crate::{AppState, auth::Viewer, i18n::translate};

/// A city's profile in every analysed edition the viewer may read and the city answered.
#[derive(Serialize)]
pub(crate) struct BesideRow {
    code: String,
    label: String,
    answer: String,
    all: String,
    section: String,
    band: String,
}

#[derive(Serialize)]
pub(crate) struct ProfileView {
    year: u16,
    /// The edition's scoring rule in words, the radar and its table, when the edition adopts one.
    scoring: Option<String>,
    radar: String,
    levels: Vec<(String, String)>,
    highlights: Vec<String>,
    axes: Vec<(String, Vec<BesideRow>)>,
    peers: Vec<(String, String, String)>,
    /// The overall composite score, its interval and the interval drawn, when the edition has
    /// an index.
    index_overall: Option<(String, String, String)>,
}

/// A city's profiles as the city page shows them: strengths and gaps in words, its answers
/// beside the other cities', and its peers.
pub(crate) async fn profile_views(
    state: &AppState,
    viewer: &Viewer,
    lang: Lang,
    city: &smartcities_domain::City,
) -> Result<Vec<ProfileView>, smartcities_app::AppError> {
    let mut views = Vec::new();
    for profile in state.app.city_profiles(viewer.app(), &city.id).await? {
        let year = EditionYear::new(profile.edition)
            .map_err(|e| smartcities_app::AppError::Internal(e.to_string()))?;
        let (Some((_, framework)), Some((_, questionnaire))) =
            (state.app.framework(year).await?, state.app.questionnaire_of(year).await?)
        else {
            continue;
        };
        let names = Names { lang, framework: &framework, questionnaire: &questionnaire };
        let highlights = profile
            .highlights
            .iter()
            .filter_map(|h| smartcities_publish::sentences::highlight(&names, city.name_in(lang), h))
            .take(6)
            .collect();
        let mut axes: Vec<(String, Vec<BesideRow>)> = Vec::new();
        for a in &profile.answers {
            let shown = |x: Option<f64>| match (a.kind.as_str(), x) {
                ("numeric", Some(m)) => {
                    translate(lang, "results-median", &[("value", number(lang, m).into())])
                }
                (_, x) => percent(lang, x),
            };
            let row = BesideRow {
                code: a.code.clone(),
                label: names.question(&a.code),
                answer: names.answer(&a.code, &a.answer),
                all: shown(a.all),
                section: shown(a.section),
                band: shown(a.band),
            };
            let axis = names.axis(&a.axis);
            match axes.last_mut() {
                Some((label, rows)) if *label == axis => rows.push(row),
                _ => axes.push((axis, vec![row])),
            }
        }
        let mut peers = Vec::new();
        for p in &profile.peers {
            let name = match smartcities_domain::CityId::parse(&p.city) {
                Ok(id) => {
                    state.app.city(&id).await?.map_or_else(|| p.city.clone(), |c| c.name_in(lang).to_string())
                }
                Err(_) => p.city.clone(),
            };
            peers.push((p.city.clone(), name, format!("{:.2}", p.distance)));
        }
        let edition = state.app.edition(year).await?;
        let shown = edition.as_ref().is_some_and(|e| policy::sees_scores(viewer.app(), e));
        let title = translate(lang, "profile-levels", &[("city", city.name_in(lang).to_string().into())]);
        let as_rows = |levels: &[(String, Option<f64>)]| -> Vec<(String, String)> {
            levels.iter().map(|(axis, level)| (axis.clone(), score_text(*level))).collect()
        };
        // One value per axis: the composite index's where the edition has one, else the
        // scoring rule's level; never both.
        let (scoring, radar_svg, level_rows, index_overall) = match (&profile.index, edition.as_ref()) {
            (_, None) => (None, String::new(), Vec::new(), None),
            _ if !shown => (None, String::new(), Vec::new(), None),
            (Some(smartcities_app::findings::IndexStanding { axes, standing }), Some(edition)) => {
                let levels: Vec<(String, Option<f64>)> =
                    axes.iter().zip(&standing.axes).map(|(axis, score)| (names.axis(axis), *score)).collect();
                (
                    Some(
                        edition.index.as_ref().map_or(String::new(), |r| r.description.get(lang).to_string()),
                    ),
                    charts::radar(&title, &levels),
                    as_rows(&levels),
                    Some((
                        score_text(standing.score),
                        score_interval(standing.score_5, standing.score_95),
                        charts::whisker(standing.score, standing.score_5, standing.score_95),
                    )),
                )
            }
            (None, Some(edition)) => match &edition.scoring {
                Some(rule) => {
                    let levels: Vec<(String, Option<f64>)> = profile
                        .axis_profile
                        .iter()
                        .map(|(axis, level)| (names.axis(axis), level.map(|l| l * 100.0)))
                        .collect();
                    (
                        Some(rule.description.get(lang).to_string()),
                        charts::radar(&title, &levels),
                        as_rows(&levels),
                        None,
                    )
                }
                None => (None, String::new(), Vec::new(), None),
            },
        };
        views.push(ProfileView {
            index_overall,
            year: profile.edition,
            scoring,
            radar: radar_svg,
            levels: level_rows,
            highlights,
            axes,
            peers,
        });
    }
    Ok(views)
}
