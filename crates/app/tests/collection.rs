//! Collection and publication are separate: publishing never changes whether cities answer,
//! the secretariat closes, reopens and extends collection (mailing the cities still answering),
//! a version can be previewed privately or scheduled, and a scheduled version goes public at its
//! moment once, whichever server gets there first. On SQLite and PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::{
    AppError, Closure, Refusal,
    campaign::CollectionChange,
    policy::Viewer,
    publication::{GoPublic, moment},
};
use smartcities_domain::{ApproxDate, CityId, Clock, Collection, EditionYear, Lang};
use smartcities_publish::Texts;
use smartcities_store::{AnswerChange, SaveOutcome};
use smartcities_test_support::{ANALYST, CONTACT, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

const CAMPAIGN: u16 = 2025;

fn year() -> EditionYear {
    EditionYear::new(CAMPAIGN).unwrap()
}

fn city() -> CityId {
    CityId::parse(OWN_CITY).unwrap()
}

/// A respondent's save of one answer, as autosave sends it.
async fn save(site: &Site, value: &str) -> Result<SaveOutcome, AppError> {
    let user = site.user(RESPONDENT).await;
    let revision = site.store.answering().response(year(), &city()).await.unwrap().unwrap().revision;
    let change = AnswerChange { question: "has_living_lab".into(), entry: None, value: Some(value.into()) };
    site.app.save_answers(&user, year(), &city(), revision, &[change], Lang::En).await
}

fn refused_because(result: Result<SaveOutcome, AppError>) -> Closure {
    match result {
        Err(AppError::Refused(Refusal::NotTakingAnswers { why, contact, .. })) => {
            assert_eq!(contact.as_deref(), Some(CONTACT), "the refusal says whom to write to");
            why
        }
        other => panic!("expected a refusal to take answers, got {other:?}"),
    }
}

#[tokio::test]
async fn publishing_during_a_campaign_leaves_it_open_and_marks_the_version_provisional() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    site.app.analyse(year(), &smartcities_app::Silent).await.unwrap();
    let published = site
        .app
        .publish(
            &secretariat,
            year(),
            Texts::default(),
            GoPublic::Now,
            std::sync::Arc::new(smartcities_app::Silent),
        )
        .await
        .unwrap();
    assert!(published.provisional, "made while cities were answering");
    let edition = site.store.study().edition(year()).await.unwrap().unwrap();
    assert_eq!(edition.status.collection, Collection::Open, "publishing did not close collection");
    assert!(edition.status.published);
    assert!(save(&site, "yes").await.is_ok(), "the next autosave is taken");

    // Every page says so, and every document and the data package.
    for path in ["site/en/index.html", "site/es/cities.html", "site/fr/methodology.html"] {
        let (_, file) = site
            .app
            .published_file(Viewer::Visitor, year(), smartcities_domain::PublishedVersion::of(1), path)
            .await
            .unwrap()
            .unwrap();
        assert!(String::from_utf8_lossy(&file.body).contains(r#"class="provisional""#), "{path}");
    }
    let (_, package) = site
        .app
        .published_file(
            Viewer::Visitor,
            year(),
            smartcities_domain::PublishedVersion::of(1),
            "data/datapackage.json",
        )
        .await
        .unwrap()
        .unwrap();
    let package: serde_json::Value = serde_json::from_slice(&package.body).unwrap();
    assert_eq!(package["provisional"], true);
    assert!(package["description"].as_str().unwrap().starts_with("PROVISIONAL"));

    // Withdrawing it leaves collection as it was.
    site.app
        .withdraw_publication(
            &secretariat,
            year(),
            smartcities_domain::PublishedVersion::of(1),
            "Published too early.",
        )
        .await
        .unwrap();
    let edition = site.store.study().edition(year()).await.unwrap().unwrap();
    assert_eq!(edition.status.collection, Collection::Open);
    assert!(!edition.status.published, "no public version is left");
    assert!(save(&site, "no").await.is_ok());
}

#[tokio::test]
async fn the_secretariat_closes_reopens_and_extends_collection_and_the_cities_are_told() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let analyst = site.user(ANALYST).await;
    let pending = || async { site.store.outbox().outbox_counts().await.unwrap().pending };

    // Only the secretariat changes collection; the preview tells who will be mailed.
    let close = CollectionChange::Close;
    assert!(matches!(
        site.app.change_collection(&analyst, year(), &close).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
    let notice = site.app.collection_preview(year(), &close, Lang::En).await.unwrap();
    assert!(!notice.cities.is_empty(), "cities are still answering");
    assert!(notice.cities.iter().any(|c| c.city.id == city()));
    assert!(notice.body.contains("no longer takes answers"));

    let before = pending().await;
    let round = site.app.change_collection(&secretariat, year(), &close).await.unwrap();
    assert_eq!(round.cities, notice.cities.len());
    assert_eq!(pending().await - before, round.mails as i64, "one message per respondent of each city");
    assert_eq!(refused_because(save(&site, "yes").await), Closure::Closed);
    let file = site.app.response_file(&site.user(RESPONDENT).await, year(), &city()).await.unwrap();
    assert!(!file.editable_by(&site.user(RESPONDENT).await), "the form is read-only");
    let why = file.closed_to(&site.user(RESPONDENT).await).unwrap().message(Lang::Es);
    assert!(why.contains("ya no recibe respuestas") && why.contains(CONTACT), "{why}");
    // Closing twice is refused in words, not an error.
    assert!(matches!(
        site.app.change_collection(&secretariat, year(), &close).await,
        Err(AppError::Refused(Refusal::CollectionUnchanged { now: Collection::Closed }))
    ));

    // Reopened until a day ahead: the same cities are told, and answers are taken again.
    let ahead = ApproxDate::parse("2099-06-30").unwrap();
    let round = site
        .app
        .change_collection(&secretariat, year(), &CollectionChange::Open { deadline: ahead })
        .await
        .unwrap();
    assert!(round.cities > 0 && round.mails > 0);
    assert!(save(&site, "yes").await.is_ok());

    // A deadline behind closes the door to the cities, unless one is given longer.
    let sql_deadline = "2000-01-31";
    site.store.answering().set_response_deadline(year(), &city(), None).await.unwrap();
    let mut edition = site.store.study().edition(year()).await.unwrap().unwrap();
    for m in &mut edition.milestones {
        if m.label.en == "Deadline for questionnaires" {
            m.date = ApproxDate::parse(sql_deadline).unwrap();
        }
    }
    let (_, framework) = site.store.study().framework(year()).await.unwrap().unwrap();
    site.store.study().save_edition(&smartcities_domain::EditionFile { edition, framework }).await.unwrap();
    assert_eq!(
        refused_because(save(&site, "no").await),
        Closure::DeadlinePassed { last_day: smartcities_domain::Day::parse(sql_deadline).unwrap() }
    );
    let extend = CollectionChange::ExtendCity { city: city(), day: ApproxDate::parse("2099-01-15").unwrap() };
    let notice = site.app.collection_preview(year(), &extend, Lang::En).await.unwrap();
    assert_eq!(notice.cities.len(), 1, "only that city is told");
    site.app.change_collection(&secretariat, year(), &extend).await.unwrap();
    let saved = save(&site, "no").await;
    assert!(saved.is_ok(), "the city's own deadline lets it answer: {saved:?}");
    let other = CityId::parse("at-vienna").unwrap();
    let vienna = site.store.answering().response(year(), &other).await.unwrap().unwrap();
    assert!(vienna.deadline.is_none(), "the others keep the edition's deadline");
    // A day behind is refused.
    let behind = CollectionChange::ExtendCity { city: city(), day: ApproxDate::parse("2001-01-01").unwrap() };
    assert!(matches!(
        site.app.change_collection(&secretariat, year(), &behind).await,
        Err(AppError::Refused(Refusal::DeadlinePassed { .. }))
    ));
}

#[tokio::test]
async fn a_preview_is_private_until_the_secretariat_makes_it_public() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let analyst = site.user(ANALYST).await;
    let published_year = EditionYear::new(2024).unwrap();
    let texts = Texts {
        changes: Some(smartcities_domain::Localized {
            en: "Corrected the answers of one city.".into(),
            es: "Se corrigieron las respuestas de una ciudad.".into(),
            fr: "Les réponses d'une ville ont été corrigées.".into(),
        }),
        ..Texts::default()
    };
    let made = site
        .app
        .publish(
            &secretariat,
            published_year,
            texts,
            GoPublic::Preview,
            std::sync::Arc::new(smartcities_app::Silent),
        )
        .await
        .unwrap();
    assert_eq!((made.version.get(), made.mails), (2, 0), "nobody is mailed about a preview");
    let path = "site/en/index.html";
    assert!(
        site.app
            .published_file(
                Viewer::Visitor,
                published_year,
                smartcities_domain::PublishedVersion::of(2),
                path
            )
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        site.app
            .published_file(
                Viewer::Account(&analyst),
                published_year,
                smartcities_domain::PublishedVersion::of(2),
                path
            )
            .await
            .unwrap()
            .is_none()
    );
    let (_, page) = site
        .app
        .published_file(
            Viewer::Account(&secretariat),
            published_year,
            smartcities_domain::PublishedVersion::of(2),
            path,
        )
        .await
        .unwrap()
        .unwrap();
    let page = String::from_utf8_lossy(&page.body).into_owned();
    assert!(page.contains("Corrected the answers of one city."), "the note on what changed");
    assert!(page.contains("Version 1 was based on the answers of"), "and what the figures rest on");
    assert_eq!(site.app.current_publication(published_year).await.unwrap().unwrap().version.get(), 1);

    let before = site.store.outbox().outbox_counts().await.unwrap().pending;
    let mails = site
        .app
        .make_public(&secretariat, published_year, smartcities_domain::PublishedVersion::of(2))
        .await
        .unwrap();
    assert!(mails > 0, "each participating city's respondents hear of their sheet");
    assert_eq!(site.store.outbox().outbox_counts().await.unwrap().pending - before, mails as i64);
    // In their own language, with the sheet in the others linked: Bogotá's in Spanish.
    let outbox = site.store.outbox().due_mail(100_000).await.unwrap();
    let bogota = outbox
        .iter()
        .find(|m| m.recipient == "digital.office@bogota.example.org" && m.subject.contains("resultados"))
        .expect("Bogotá hears of its sheet in Spanish");
    assert!(
        bogota.body.contains("La ficha de Bogotá") && !bogota.body.contains("Your city's sheet"),
        "{}",
        bogota.body
    );
    assert!(
        bogota.body.contains("/site/es/city-co-bogota.html")
            && bogota.body.contains("/pdf/cities/co-bogota-fr.pdf")
    );
    assert!(
        site.app
            .published_file(
                Viewer::Visitor,
                published_year,
                smartcities_domain::PublishedVersion::of(2),
                path
            )
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(site.app.current_publication(published_year).await.unwrap().unwrap().version.get(), 2);
    assert!(matches!(
        site.app.schedule_version(&secretariat, published_year, smartcities_domain::PublishedVersion::of(2), Some("2099-01-01T00:00:00Z")).await,
        Err(AppError::Refused(Refusal::AlreadyPublic { version })) if version.get() == 2
    ));
    // A moment behind is no schedule.
    let behind = moment("2001-01-01T10:00", "UTC").unwrap();
    let refused = site
        .app
        .publish(
            &secretariat,
            published_year,
            Texts::default(),
            GoPublic::At(behind),
            std::sync::Arc::new(smartcities_app::Silent),
        )
        .await;
    assert!(matches!(refused, Err(AppError::Refused(Refusal::MomentPassed { .. }))));
}

#[tokio::test]
async fn a_scheduled_version_goes_public_at_its_moment_once_across_two_servers() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let published_year = EditionYear::new(2024).unwrap();
    // The launch in an hour, on the site's clock (which stands still until the test moves it).
    let at = site.clock.now().plus_seconds(3600).to_string();
    let made = site
        .app
        .publish(
            &secretariat,
            published_year,
            Texts::default(),
            GoPublic::At(at.clone()),
            std::sync::Arc::new(smartcities_app::Silent),
        )
        .await
        .unwrap();
    let other = site.another_server().await;
    let path = "site/en/index.html";
    for server in [&site.app, &other] {
        assert_eq!(server.run_due_jobs("early").await.unwrap(), 0, "nothing is due yet");
        assert!(
            server
                .published_file(Viewer::Visitor, published_year, made.version, path)
                .await
                .unwrap()
                .is_none()
        );
    }
    let before = site.store.outbox().outbox_counts().await.unwrap().pending;
    // A second before the moment nothing happens; at the moment both servers look for due
    // work at once.
    site.clock.advance(3599);
    assert_eq!(other.run_due_jobs("early").await.unwrap(), 0);
    assert!(
        other.published_file(Viewer::Visitor, published_year, made.version, path).await.unwrap().is_none()
    );
    site.clock.advance(1);
    let (one, two) = tokio::join!(site.app.run_due_jobs("server-1"), other.run_due_jobs("server-2"));
    assert_eq!(one.unwrap() + two.unwrap(), 1, "the job ran once");
    for server in [&site.app, &other] {
        assert!(
            server
                .published_file(Viewer::Visitor, published_year, made.version, path)
                .await
                .unwrap()
                .is_some()
        );
        assert_eq!(server.current_publication(published_year).await.unwrap().unwrap().version, made.version);
    }
    let mailed = site.store.outbox().outbox_counts().await.unwrap().pending - before;
    assert!(mailed > 0, "the cities were mailed their sheets");
    assert_eq!(site.app.run_due_jobs("late").await.unwrap(), 0);
    assert_eq!(site.store.outbox().outbox_counts().await.unwrap().pending - before, mailed, "and only once");
}

#[test]
fn a_local_time_in_a_zone_becomes_the_moment_in_utc() {
    assert_eq!(moment("2099-05-10T10:00", "Europe/Madrid").unwrap(), "2099-05-10T08:00:00Z");
    assert_eq!(moment("2099-01-10T10:00", "America/Mexico_City").unwrap(), "2099-01-10T16:00:00Z");
    assert!(moment("2099-03-29T02:30", "Europe/Madrid").is_err(), "a time the clocks skip");
    assert!(moment("2099-01-01T10:00", "Mars/Olympus").is_err(), "an unknown zone");
}
