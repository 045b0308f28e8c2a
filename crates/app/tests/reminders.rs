//! Reminders, through the use cases: a preview lists every city still answering with who would
//! be mailed and whether it is silent, and sends nothing; a round goes to the cities chosen only,
//! never to an account whose access ended. On SQLite and PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::team::NewColleague;
use smartcities_domain::{CityId, EditionYear, Lang, ResponseMove};
use smartcities_test_support::{OTHER_CITY, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

#[tokio::test]
async fn a_reminder_is_previewed_then_sent_to_the_cities_chosen_only() {
    let site = Site::demo().await;
    let year = EditionYear::new(2025).unwrap();
    let (lisbon, vienna) = (CityId::parse(OWN_CITY).unwrap(), CityId::parse(OTHER_CITY).unwrap());
    // Lisbon has a colleague whose access ended: never reminded.
    let focal = site.user(RESPONDENT).await;
    let section = site.app.section_labels(year, Lang::En).await.unwrap()[0].0.clone();
    let new = NewColleague {
        name: "Ana".into(),
        email: "ana@lisbon.example.org".into(),
        sections: vec![section],
        lang: Lang::En,
    };
    let ana = site.app.invite_colleague(&focal, year, &lisbon, &new).await.unwrap();
    site.app.end_colleague(&site.user(SECRETARIAT).await, year, &lisbon, &ana.id).await.unwrap();
    // Vienna submitted: nothing to remind it of.
    site.store.answering().move_response(year, &vienna, ResponseMove::Submit).await.unwrap();

    let pending = || async { site.store.outbox().outbox_counts().await.unwrap().pending };
    let before = pending().await;
    let (cities, subject, body) = site.app.reminder_preview(year, Lang::En).await.unwrap();
    assert_eq!(pending().await, before, "a preview sends nothing");
    assert!(!subject.is_empty() && body.contains("[…]"), "the text with a stand-in for each link");
    assert!(cities.iter().all(|c| c.invitee.city.id != vienna), "a submitted city is not reminded");
    let lisbon_row = cities.iter().find(|c| c.invitee.city.id == lisbon).expect("Lisbon is still answering");
    assert_eq!(lisbon_row.invitee.recipients, vec![RESPONDENT.to_string()], "not the ended colleague");
    assert!(lisbon_row.silent, "Lisbon answered nothing yet");
    assert!(lisbon_row.failing.is_empty());
    // A mail given up on marks its address in the next preview.
    site.store.outbox().enqueue_mail("m-fail", RESPONDENT, "Subject", "Body").await.unwrap();
    let mail =
        site.store.outbox().due_mail(10_000).await.unwrap().into_iter().find(|m| m.id == "m-fail").unwrap();
    site.store.outbox().mark_mail_failed(&mail, "550 mailbox unavailable", true).await.unwrap();
    let (cities, _, _) = site.app.reminder_preview(year, Lang::En).await.unwrap();
    let lisbon_row = cities.iter().find(|c| c.invitee.city.id == lisbon).unwrap();
    assert_eq!(lisbon_row.failing, vec![(RESPONDENT.to_string(), "550 mailbox unavailable".to_string())]);
    let before = pending().await;

    // Sent to Lisbon only (Vienna, chosen too, submitted meanwhile and is left alone).
    let round = site.app.remind_cities(year, Some(&[lisbon.clone(), vienna.clone()])).await.unwrap();
    assert_eq!((round.cities, round.mails), (1, 1));
    assert_eq!(pending().await, before + 1);
    let mails = site.store.outbox().due_mail(10_000).await.unwrap();
    assert!(mails.iter().any(|m| m.recipient == RESPONDENT && m.subject.contains("reminder")));
    assert!(mails.iter().all(|m| m.recipient != "ana@lisbon.example.org" || !m.subject.contains("reminder")));
}
