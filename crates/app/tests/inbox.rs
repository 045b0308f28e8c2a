//! The inbox on a person's page, through the use cases: what waits for the secretariat grows
//! as work arrives (a response submitted, an application sent, a mail given up on) and each item
//! links to where it is done; a respondent's own to-dos follow their city's response, with a
//! colleague's own sections named; an analyst sees only results that no longer match. On SQLite
//! and PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::User;
use smartcities_app::accounts::Client;
use smartcities_app::inbox::{InboxItem, InboxKind};
use smartcities_app::membership::JoinForm;
use smartcities_app::team::NewColleague;
use smartcities_domain::{CityId, EditionYear, Email, FocalPoint, Lang, ResponseMove, Role};
use smartcities_test_support::{ANALYST, OWN_CITY, RESPONDENT, SECRETARIAT, Site};

fn year(y: u16) -> EditionYear {
    EditionYear::new(y).unwrap()
}

fn count(items: &[InboxItem], kind: InboxKind) -> i64 {
    items.iter().filter(|i| i.kind == kind).map(|i| i.count).sum()
}

async fn inbox(site: &Site, user: &User) -> Vec<InboxItem> {
    site.app.inbox(user).await.unwrap()
}

#[tokio::test]
async fn the_secretariats_inbox_counts_what_arrives_and_links_to_where_it_is_done() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let before = inbox(&site, &secretariat).await;

    // A city submits: one more response of 2025 to review, linked to the dashboard's filter.
    let lisbon = CityId::parse(OWN_CITY).unwrap();
    site.store.answering().move_response(year(2025), &lisbon, ResponseMove::Submit).await.unwrap();
    // An application to join arrives through the public form.
    let form = JoinForm {
        city_name: "Cuenca",
        country: "EC",
        focal_point: Ok(FocalPoint {
            name: "Rosa Pérez".into(),
            role: "Digital office".into(),
            email: Email::parse("rosa@cuenca.example.org").unwrap(),
        }),
        motivation: "To learn from other cities.",
        trap: "",
        lang: Lang::En,
    };
    let client = Client { address: Some("203.0.113.9".parse().unwrap()) };
    site.app.apply_to_join(form, &client).await.unwrap();
    // A mail is given up on.
    site.store.outbox().enqueue_mail("m-1", "nobody@nowhere.example.org", "Subject", "Body").await.unwrap();
    let mail = site.store.outbox().due_mail(1000).await.unwrap().into_iter().find(|m| m.id == "m-1").unwrap();
    site.store.outbox().mark_mail_failed(&mail, "550 no such user", true).await.unwrap();

    let after = inbox(&site, &secretariat).await;
    for kind in [InboxKind::AwaitingReview, InboxKind::Applications, InboxKind::MailFailures] {
        assert_eq!(count(&after, kind), count(&before, kind) + 1, "{kind:?}: {after:?}");
    }
    let review =
        after.iter().find(|i| i.kind == InboxKind::AwaitingReview && i.edition == Some(year(2025))).unwrap();
    assert_eq!(review.link, "/campaigns/2025?show=awaiting");
    let applications = after.iter().find(|i| i.kind == InboxKind::Applications).unwrap();
    assert_eq!(applications.link, "/members/renewal#applications");
    assert!(after.iter().find(|i| i.kind == InboxKind::MailFailures).unwrap().link.ends_with("#mail"));
    // Nothing of a respondent's kinds reaches the secretariat.
    assert!(after.iter().all(|i| !matches!(i.kind, InboxKind::Answer | InboxKind::Returned)));

    // The analyst's inbox holds results that no longer match, and nothing else.
    let analyst = site.user(ANALYST).await;
    assert!(inbox(&site, &analyst).await.iter().all(|i| i.kind == InboxKind::StaleResults));
    assert_eq!(analyst.role, Role::Analyst);
}

#[tokio::test]
async fn a_respondents_inbox_follows_the_citys_response_and_names_a_colleagues_sections() {
    let site = Site::demo().await;
    let focal = site.user(RESPONDENT).await;
    let lisbon = CityId::parse(OWN_CITY).unwrap();
    let items = inbox(&site, &focal).await;
    let answer = items.iter().find(|i| i.kind == InboxKind::Answer).expect("the open questionnaire");
    assert_eq!((answer.edition, answer.link.as_str()), (Some(year(2025)), "/responses/2025/pt-lisbon"));
    let file = site.app.response_file(&focal, year(2025), &lisbon).await.unwrap();
    assert_eq!(answer.due, smartcities_app::campaign::last_day_for(&file.edition, Some(&file.response)));
    assert!(answer.sections.is_empty(), "the focal point answers every section");

    // A colleague's item names their own sections.
    let section = site.app.section_labels(year(2025), Lang::En).await.unwrap()[0].0.clone();
    let new = NewColleague {
        name: "Ana Ferreira".into(),
        email: "ana@lisbon.example.org".into(),
        sections: vec![section.clone()],
        lang: Lang::En,
    };
    let ana = site.app.invite_colleague(&focal, year(2025), &lisbon, &new).await.unwrap();
    let hers = inbox(&site, &ana).await;
    assert_eq!(hers.iter().find(|i| i.kind == InboxKind::Answer).unwrap().sections, vec![section]);

    // Submitted: nothing to do; returned with comments: to correct.
    site.store.answering().move_response(year(2025), &lisbon, ResponseMove::Submit).await.unwrap();
    assert!(
        inbox(&site, &focal).await.iter().all(|i| !matches!(i.kind, InboxKind::Answer | InboxKind::Returned))
    );
    site.store.answering().move_response(year(2025), &lisbon, ResponseMove::Return).await.unwrap();
    let returned = inbox(&site, &focal).await;
    assert_eq!(count(&returned, InboxKind::Returned), 1, "{returned:?}");
}
