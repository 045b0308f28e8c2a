//! The rules of access, as the application applies them to every adapter: who reads an
//! edition's findings and focus groups, who sees levels and scores, who proposes, edits and
//! sees which practices, who follows a campaign and what a silent city is, who codes. On the
//! demonstration, on SQLite and PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::{
    AppError, Refusal,
    campaign::{Showing, is_silent},
    policy::{self, Viewer},
};
use smartcities_domain::{CityId, EditionYear, ResponseStatus};
use smartcities_test_support::{ANALYST, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

fn refusal<T: std::fmt::Debug>(result: Result<T, AppError>) -> Refusal {
    match result {
        Err(AppError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn findings_are_read_by_the_public_once_published_and_by_staff_before() {
    let site = Site::demo().await;
    let (secretariat, analyst, respondent) =
        (site.user(SECRETARIAT).await, site.user(ANALYST).await, site.user(RESPONDENT).await);
    let campaign = EditionYear::new(2025).unwrap();
    let published = EditionYear::new(2024).unwrap();

    // Before publication: staff only; a visitor is asked to sign in, a respondent refused.
    assert!(site.app.findings_for(Viewer::Account(&secretariat), campaign).await.is_ok());
    assert!(site.app.findings_for(Viewer::Account(&analyst), campaign).await.is_ok());
    assert_eq!(refusal(site.app.findings_for(Viewer::Visitor, campaign).await), Refusal::SignInNeeded);
    assert_eq!(
        refusal(site.app.findings_for(Viewer::Account(&respondent), campaign).await),
        Refusal::Forbidden
    );
    assert_eq!(refusal(site.app.focus_groups(Viewer::Visitor, campaign).await), Refusal::SignInNeeded);
    assert!(!site.app.focus_groups(Viewer::Account(&analyst), campaign).await.unwrap().is_empty());

    // Published: everyone, each with what they may see of the scores.
    for viewer in [Viewer::Visitor, Viewer::Account(&respondent), Viewer::Account(&analyst)] {
        let findings = site.app.findings_for(viewer, published).await.unwrap();
        let results = findings.results.expect("analysed").results;
        let levels = results.peers.iter().any(|p| !p.profile.is_empty());
        assert_eq!(levels, viewer.is_staff(), "levels only for staff ({:?})", viewer.role());
        assert_eq!(results.composite.is_some(), viewer.is_staff());
        if let Some(index) = &results.composite {
            assert!(index.cities.iter().all(|c| c.rank.is_none()), "no ranks: the edition shows none");
        }
    }
    let city = CityId::parse("es-bilbao").unwrap();
    for (viewer, staff) in [(Viewer::Visitor, false), (Viewer::Account(&analyst), true)] {
        let profiles = site.app.city_profiles(viewer, &city).await.unwrap();
        let profile = profiles.iter().find(|p| p.edition == 2024).expect("Bilbao answered 2024");
        assert_eq!(!profile.axis_profile.is_empty(), staff);
        assert_eq!(profile.index.is_some(), staff);
    }
    // The respondent never sees the unpublished edition through a city's profile either.
    let profiles = site.app.city_profiles(Viewer::Account(&respondent), &city).await.unwrap();
    assert!(profiles.iter().all(|p| p.edition != 2025));
}

#[tokio::test]
async fn practices_are_proposed_by_their_city_and_drafts_stay_with_it_and_the_secretariat() {
    let site = Site::demo().await;
    let (secretariat, analyst, respondent) =
        (site.user(SECRETARIAT).await, site.user(ANALYST).await, site.user(RESPONDENT).await);
    let own = CityId::parse(OWN_CITY).unwrap();
    let other = CityId::parse("at-vienna").unwrap();
    assert!(policy::may_propose_practice(&respondent, &own));
    assert!(!policy::may_propose_practice(&respondent, &other));
    assert!(policy::may_propose_practice(&secretariat, &other));
    assert!(!policy::may_propose_practice(&analyst, &own), "analysts study, they do not propose");
    let form = vec![("title".to_string(), "A practice".to_string())];
    assert_eq!(
        refusal(site.app.propose_practice(&analyst, &own, smartcities_domain::Lang::En, &form).await),
        Refusal::Forbidden
    );

    // The demonstration holds two drafts: the secretariat sees them, analysts and the public not.
    use smartcities_app::catalogue::Visibility;
    assert_eq!(policy::practice_visibility(Some(&secretariat)), Visibility::Everything);
    assert_eq!(policy::practice_visibility(Some(&analyst)), Visibility::Public);
    assert_eq!(policy::practice_visibility(None), Visibility::Public);
    assert_eq!(policy::practice_visibility(Some(&respondent)), Visibility::City(own));
}

#[tokio::test]
async fn staff_follow_the_campaign_and_a_silent_city_is_one_that_answered_nothing_yet() {
    let site = Site::demo().await;
    let (secretariat, analyst, respondent) =
        (site.user(SECRETARIAT).await, site.user(ANALYST).await, site.user(RESPONDENT).await);
    let year = EditionYear::new(2025).unwrap();
    assert_eq!(
        refusal(site.app.campaign_dashboard(&respondent, year, Showing::All).await),
        Refusal::Forbidden
    );
    assert_eq!(refusal(site.app.coding_work(&respondent, year).await), Refusal::Forbidden);
    assert!(site.app.coding_work(&analyst, year).await.is_ok());

    let all = site.app.campaign_dashboard(&secretariat, year, Showing::All).await.unwrap();
    let silent = site.app.campaign_dashboard(&analyst, year, Showing::Silent).await.unwrap();
    assert!(!silent.cities.is_empty(), "the demonstration leaves cities silent");
    for city in &silent.cities {
        assert_eq!(city.answered, 0, "{}", city.city.id);
        assert!(city.status.open_to_respondent(), "{}", city.city.id);
    }
    let expected = all.cities.iter().filter(|c| is_silent(c.status, c.answered)).count();
    assert_eq!(silent.cities.len(), expected);
    assert!(silent.cities.iter().any(|c| c.city.id.as_str() == OWN_CITY), "Lisbon has not started");
    // A city that submitted is never silent, nor one whose answers were accepted.
    assert!(!is_silent(ResponseStatus::Submitted, 0) && !is_silent(ResponseStatus::Accepted, 0));
    assert_eq!(all.overall.invited, all.cities.len());
}
