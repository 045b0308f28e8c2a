//! A city's practices and those it could learn from, for its page.

use serde::Serialize;
use smartcities_app::AppError;
use smartcities_domain::Lang;

use super::*;
use crate::{AppState, auth::Viewer};

/// The city page's catalogue part: the city's practices and what it could learn from others.
#[derive(Serialize)]
pub(crate) struct CityPractices {
    own: Vec<CardView>,
    learn_from: Vec<CardView>,
    may_propose: bool,
}

pub(crate) async fn city_practices(
    state: &AppState,
    viewer: &Viewer,
    lang: Lang,
    city: &smartcities_domain::City,
) -> Result<CityPractices, AppError> {
    let user = viewer.0.as_ref().map(|s| &s.user);
    let labels = Labels::load(state, lang).await?;
    let own = state.app.practices_of(user, &city.id).await?;
    let learn = state.app.learn_from(city, 6).await?;
    let may_propose = user.is_some_and(|u| smartcities_app::policy::may_propose_practice(u, &city.id));
    Ok(CityPractices {
        own: own
            .iter()
            .map(|card| {
                card_view(
                    &labels,
                    card,
                    smartcities_app::catalogue::passage(card.summary.get(lang).0, 200),
                    &[],
                )
            })
            .collect(),
        learn_from: suggestion_views(&labels, &learn),
        may_propose,
    })
}
