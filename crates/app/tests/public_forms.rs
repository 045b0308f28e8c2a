//! The public join form behind limits: a field only robots fill in, a few applications an hour
//! from one client and a few dozen in all, bounded and clean fields, spam out of every list and
//! count, and mail to an address that cannot be parsed given up at once. On SQLite and
//! PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::net::{IpAddr, Ipv4Addr};

use smartcities_app::{
    AppError, Refusal,
    accounts::Client,
    mail::Mailer,
    membership::{APPLICATIONS_PER_CLIENT_HOUR, APPLICATIONS_PER_HOUR, Decision, JoinForm},
};
use smartcities_domain::{CommunityProblem, Timestamp, focal_point};
use smartcities_test_support::{SECRETARIAT, Site};

fn client(n: u8) -> Client {
    Client { address: Some(IpAddr::V4(Ipv4Addr::new(203, 0, 113, n))) }
}

fn form<'a>(city: &'a str, email: &str, trap: &'a str) -> JoinForm<'a> {
    JoinForm {
        city_name: city,
        country: "EC",
        focal_point: focal_point("María Pérez", "CIO", email),
        motivation: "Open data",
        trap,
        lang: smartcities_domain::Lang::Es,
    }
}

fn refusal<T: std::fmt::Debug>(result: Result<T, AppError>) -> Refusal {
    match result {
        Err(AppError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn count(site: &Site) -> usize {
    site.app.applications(&site.user(SECRETARIAT).await).await.unwrap().len()
}

fn noon() -> Timestamp {
    Timestamp::parse("2026-06-15T12:00:00Z").unwrap()
}

#[tokio::test]
async fn a_robot_that_fills_the_hidden_field_is_answered_and_nothing_is_kept() {
    let site = Site::demo_at(noon()).await;
    let before = count(&site).await;
    let dropped =
        site.app.apply_to_join(form("Cuenca", "maria@cuenca.example.org", "http://spam"), &client(1)).await;
    assert!(dropped.unwrap().is_none());
    assert_eq!(count(&site).await, before);
    let kept = site.app.apply_to_join(form("Cuenca", "maria@cuenca.example.org", " "), &client(1)).await;
    assert!(kept.unwrap().is_some(), "blank is what people leave in it");
    assert_eq!(count(&site).await, before + 1);
}

#[tokio::test]
async fn one_client_sends_a_few_an_hour_and_everyone_together_a_few_dozen() {
    let site = Site::demo_at(noon()).await;
    let per_client = usize::try_from(APPLICATIONS_PER_CLIENT_HOUR).unwrap();
    for n in 0..per_client {
        let city = format!("Cuenca {n}");
        site.app.apply_to_join(form(&city, "maria@cuenca.example.org", ""), &client(1)).await.unwrap();
    }
    let one_more = site.app.apply_to_join(form("Loja", "ana@loja.example.org", ""), &client(1)).await;
    assert_eq!(refusal(one_more), Refusal::TooManyApplications);
    // Another client is not held back by the first.
    site.app.apply_to_join(form("Loja", "ana@loja.example.org", ""), &client(2)).await.unwrap();
    // An hour later the first may send again.
    site.clock.advance(3601);
    site.app.apply_to_join(form("Quito", "luis@quito.example.org", ""), &client(1)).await.unwrap();

    // All clients together: at most APPLICATIONS_PER_HOUR in an hour.
    site.clock.advance(3601);
    let mut accepted = 0;
    for n in 0..=APPLICATIONS_PER_HOUR {
        let city = format!("Ciudad {n}");
        let sent =
            site.app.apply_to_join(form(&city, "a@b.example.org", ""), &client(10 + n as u8 % 200)).await;
        match sent {
            Ok(_) => accepted += 1,
            Err(e) => assert_eq!(refusal::<()>(Err(e)), Refusal::TooManyApplications),
        }
    }
    assert_eq!(accepted, APPLICATIONS_PER_HOUR);
}

#[tokio::test]
async fn fields_are_bounded_and_free_of_control_characters() {
    let site = Site::demo_at(noon()).await;
    let before = count(&site).await;
    let long = format!("{}@example.org", "a".repeat(100_000));
    let refused = site.app.apply_to_join(form("Cuenca", &long, ""), &client(1)).await;
    assert!(matches!(refusal(refused), Refusal::CommunityInvalid(p) if p.iter().any(|(f, _)| f == "email")));
    // 254 characters is what RFC 5321 allows; 255 is refused.
    let at_most = format!("{}@{}.org", "a".repeat(64), "b".repeat(254 - 64 - 1 - 4));
    assert_eq!(at_most.len(), 254);
    site.app.apply_to_join(form("Cuenca", &at_most, ""), &client(1)).await.unwrap();
    let too_long = format!("{}@{}.org", "a".repeat(64), "b".repeat(254 - 64 - 4));
    assert!(site.app.apply_to_join(form("Cuenca", &too_long, ""), &client(2)).await.is_err());

    let broken =
        site.app.apply_to_join(form("Cuenca\r\nBcc: x", "maria@cuenca.example.org", ""), &client(3)).await;
    let problems = match refusal(broken) {
        Refusal::CommunityInvalid(problems) => problems,
        other => panic!("{other:?}"),
    };
    assert!(
        problems.contains(&("city_name".to_string(), CommunityProblem::ControlCharacter)),
        "{problems:?}"
    );
    let named = JoinForm {
        focal_point: focal_point("María\u{7}", "CIO", "m@c.example.org"),
        ..form("Cuenca", "", "")
    };
    assert!(site.app.apply_to_join(named, &client(4)).await.is_err());
    assert_eq!(count(&site).await, before + 1, "only the 254-character address was kept");
}

#[tokio::test]
async fn spam_leaves_the_lists_and_the_counts_and_nobody_is_mailed() {
    let site = Site::demo_at(noon()).await;
    let secretariat = site.user(SECRETARIAT).await;
    let sent =
        site.app.apply_to_join(form("Spamtown", "bot@spam.example.org", ""), &client(1)).await.unwrap();
    let id = sent.unwrap().id;
    let period = smartcities_publish::progress::Period::parse("2026-01", "2026-12").unwrap();
    let before = site.app.progress_report(&secretariat, period, None).await.unwrap().members.applications;
    let outbox = site.store.outbox().outbox_counts().await.unwrap();

    site.app.decide_application(&secretariat, &id, &Decision::Spam).await.unwrap();
    let listed = site.app.applications(&secretariat).await.unwrap();
    assert!(listed.iter().all(|a| a.id != id), "out of the list");
    let after = site.app.progress_report(&secretariat, period, None).await.unwrap().members.applications;
    assert_eq!(after, before - 1, "out of the report's count");
    let now = site.store.outbox().outbox_counts().await.unwrap();
    assert_eq!((now.pending, now.sent), (outbox.pending, outbox.sent), "nobody mailed");
    // Decided once: it cannot be approved afterwards.
    assert_eq!(
        refusal(site.app.decide_application(&secretariat, &id, &Decision::Spam).await),
        Refusal::AlreadyDecided
    );
}

#[tokio::test]
async fn mail_to_an_address_that_cannot_be_parsed_is_given_up_at_once_and_logged_short() {
    let site = Site::demo_at(noon()).await;
    let folder = tempfile::tempdir().unwrap();
    let mailer = Mailer::folder(folder.path(), "Secretariat <secretariat@example.org>").unwrap();
    mailer.deliver_due(&site.app).await.unwrap();
    let bad = format!("{}@@example.org", "x".repeat(50_000));
    site.store.outbox().enqueue_mail("bad-address", &bad, "Hello", "Body").await.unwrap();
    let delivery = mailer.deliver_due(&site.app).await.unwrap();
    assert_eq!(delivery.failed, 1);
    let problems = site.store.outbox().mail_problems(10).await.unwrap();
    let problem = problems.iter().find(|p| p.recipient == bad).expect("the failure is listed");
    assert!(problem.given_up, "no second try");
    assert_eq!(problem.attempts, 1);
    let error = &problem.error;
    assert!(error.chars().count() <= 301, "{} characters kept", error.chars().count());
    // Nothing left to try: the next round sends nothing and fails nothing.
    site.clock.advance(86_400);
    assert_eq!(mailer.deliver_due(&site.app).await.unwrap().failed, 0);
}
