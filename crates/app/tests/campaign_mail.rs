//! A campaign's mail, through the use cases: each person is mailed in their language with the
//! link offered in the others; the secretariat's texts per language are used, and a text that
//! cannot be sent is refused whole; reminders scheduled before the deadline go once each across
//! two servers and follow a moved deadline; a city beyond the members is invited, answers, is
//! accepted and counts in the edition's participation. On SQLite and PostgreSQL alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::campaign::{CollectionChange, Showing};
use smartcities_app::campaign_mail::{CampaignMail, CampaignProblem};
use smartcities_app::prospects::{Contact, ProspectCity};
use smartcities_app::questionnaire::Kind;
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{ApproxDate, CityId, EditionYear, Lang, Timestamp};
use smartcities_store::{AnswerChange, Mail, SaveOutcome};
use smartcities_test_support::{OWN_CITY, RESPONDENT, SECRETARIAT, Site};

const CORDOBA: &str = "digital.office@cordoba.example.org";

fn year() -> EditionYear {
    EditionYear::new(2025).unwrap()
}

async fn mail_to(site: &Site, recipient: &str) -> Vec<Mail> {
    site.store
        .outbox()
        .due_mail(100_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.recipient == recipient)
        .collect()
}

/// Every message waiting in the outbox, by id.
async fn waiting(site: &Site) -> std::collections::HashSet<String> {
    site.store.outbox().due_mail(100_000).await.unwrap().into_iter().map(|m| m.id).collect()
}

/// The messages to `recipient` queued since `before`.
async fn new_mail_to(site: &Site, before: &std::collections::HashSet<String>, recipient: &str) -> Vec<Mail> {
    mail_to(site, recipient).await.into_iter().filter(|m| !before.contains(&m.id)).collect()
}

fn problem(result: Result<impl std::fmt::Debug, AppError>) -> CampaignProblem {
    match result {
        Err(AppError::Refused(Refusal::Campaign(problem))) => problem,
        other => panic!("expected a campaign refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn each_person_is_reminded_in_their_language_with_the_link_in_the_others() {
    let site = Site::demo().await;
    let before = waiting(&site).await;
    site.app.remind(year()).await.unwrap();
    // Córdoba's focal point said no language: Argentina's study language is Spanish.
    let cordoba = new_mail_to(&site, &before, CORDOBA).await;
    assert_eq!(cordoba.len(), 1, "Córdoba is reminded once");
    let reminder = &cordoba[0];
    assert!(reminder.subject.contains("recordatorio"), "{}", reminder.subject);
    assert!(reminder.body.contains("aún no se han enviado"), "{}", reminder.body);
    assert!(!reminder.body.contains("not submitted"), "one language, not three");
    assert!(
        reminder.body.contains("30 de junio de 2027"),
        "the deadline as Spanish writes it: {}",
        reminder.body
    );
    assert!(
        reminder.body.contains("lang=es")
            && reminder.body.contains("English: ")
            && reminder.body.contains("Français: ")
    );
    // Lisbon's: Portugal reads none of the three, so English.
    let lisbon = new_mail_to(&site, &before, RESPONDENT).await;
    assert!(lisbon[0].subject.contains("reminder"), "{}", lisbon[0].subject);
    // A person who chose French reads French, whatever their country.
    let focal = site.user(RESPONDENT).await;
    site.app.set_mail_lang(&focal, Lang::Fr).await.unwrap();
    let before = waiting(&site).await;
    site.app.remind_cities(year(), Some(&[CityId::parse(OWN_CITY).unwrap()])).await.unwrap();
    let lisbon = new_mail_to(&site, &before, RESPONDENT).await;
    let last = &lisbon[0];
    assert!(last.subject.contains("rappel") && last.body.contains("30 juin 2027"), "{}", last.body);
    assert!(last.body.contains("Español: ") && last.body.contains("lang=en"));
}

#[tokio::test]
async fn the_secretariat_rewrites_a_text_per_language_and_a_text_that_cannot_be_sent_is_refused_whole() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let kind = CampaignMail::Reminder;
    let set = |text: Option<(&'static str, &'static str)>, lang| {
        let (app, by) = (site.app.clone(), secretariat.clone());
        async move { app.set_campaign_text(&by, year(), kind, lang, text).await }
    };
    assert_eq!(
        problem(set(Some(("Recordatorio", "Sin enlace")), Lang::Es).await),
        CampaignProblem::LinkMissing
    );
    assert_eq!(
        problem(set(Some(("Recordatorio {ciudad}", "{link}")), Lang::Es).await),
        CampaignProblem::UnknownPlaceholder { placeholder: "{ciudad}".into() }
    );
    assert_eq!(problem(set(Some(("", "{link}")), Lang::Es).await), CampaignProblem::SubjectMissing);
    let texts = site.app.campaign_texts(&secretariat, year()).await.unwrap();
    assert!(texts.iter().all(|t| t.written.is_none()), "nothing was kept");

    set(Some(("Última llamada para {city}", "{city}: quedan días hasta el {deadline}.\n\n{link}")), Lang::Es)
        .await
        .unwrap();
    let texts = site.app.campaign_texts(&secretariat, year()).await.unwrap();
    let es = texts.iter().find(|t| t.kind == kind && t.lang == Lang::Es).unwrap();
    assert_eq!(es.written.as_ref().map(|(by, _)| by.as_str()), Some(SECRETARIAT));
    let en = texts.iter().find(|t| t.kind == kind && t.lang == Lang::En).unwrap();
    assert!(en.written.is_none(), "English keeps its built-in text");
    let before = waiting(&site).await;
    site.app.remind(year()).await.unwrap();
    let last = new_mail_to(&site, &before, CORDOBA).await.pop().unwrap();
    assert_eq!(last.subject, "Última llamada para Córdoba");
    assert!(last.body.starts_with("Córdoba: quedan días hasta el 30 de junio de 2027."), "{}", last.body);
    assert!(new_mail_to(&site, &before, RESPONDENT).await[0].subject.contains("reminder"));
    // A respondent may not write the texts; going back to the built-in text is a save of its own.
    let respondent = site.user(RESPONDENT).await;
    assert!(matches!(
        site.app.set_campaign_text(&respondent, year(), kind, Lang::Es, None).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
    set(None, Lang::Es).await.unwrap();
    let texts = site.app.campaign_texts(&secretariat, year()).await.unwrap();
    assert!(texts.iter().all(|t| t.written.is_none()));
}

#[tokio::test]
async fn scheduled_reminders_go_once_each_across_two_servers_and_follow_the_deadline() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    // The demonstration's campaign takes answers until 30 June 2027.
    site.app.schedule_reminders(&secretariat, year(), &[30, 14, 3]).await.unwrap();
    let scheduled = site.app.scheduled_reminders(year()).await.unwrap();
    let due: Vec<String> = scheduled.iter().map(|r| r.due_at.to_string()).collect();
    assert_eq!(due, ["2027-05-31T08:00:00Z", "2027-06-16T08:00:00Z", "2027-06-27T08:00:00Z"]);
    let other = site.another_server().await;
    let pending = || async { site.store.outbox().outbox_counts().await.unwrap().pending };
    let before = pending().await;

    site.clock.set(Timestamp::parse("2027-05-31T07:59:59Z").unwrap());
    assert_eq!(
        site.app.run_due_jobs("server-1").await.unwrap() + other.run_due_jobs("server-2").await.unwrap(),
        0
    );
    assert_eq!(pending().await, before, "nothing before its moment");
    site.clock.advance(1);
    let (one, two) = tokio::join!(site.app.run_due_jobs("server-1"), other.run_due_jobs("server-2"));
    assert_eq!(one.unwrap() + two.unwrap(), 1, "the first reminder went once");
    let first_round = pending().await - before;
    assert!(first_round > 0, "the cities still answering were mailed");
    let cordoba: Vec<String> = mail_to(&site, CORDOBA).await.into_iter().map(|m| m.subject).collect();
    assert!(cordoba.iter().any(|s| s.contains("recordatorio")), "{cordoba:?}");
    assert_eq!(
        site.app.run_due_jobs("server-1").await.unwrap() + other.run_due_jobs("server-2").await.unwrap(),
        0
    );
    assert_eq!(pending().await - before, first_round, "and only once");
    let sent: Vec<bool> =
        site.app.scheduled_reminders(year()).await.unwrap().iter().map(|r| r.done_at.is_some()).collect();
    assert_eq!(sent, [true, false, false]);

    // The deadline moves a month: the two reminders still to come move with it.
    let later = CollectionChange::Open { deadline: ApproxDate::parse("2027-07-31").unwrap() };
    site.app.change_collection(&secretariat, year(), &later).await.unwrap();
    let due: Vec<String> =
        site.app.scheduled_reminders(year()).await.unwrap().iter().map(|r| r.due_at.to_string()).collect();
    assert_eq!(due, ["2027-05-31T08:00:00Z", "2027-07-17T08:00:00Z", "2027-07-28T08:00:00Z"]);
    site.clock.set(Timestamp::parse("2027-06-16T09:00:00Z").unwrap());
    assert_eq!(site.app.run_due_jobs("server-1").await.unwrap(), 0, "the old moment is gone");
    // Closing the questionnaire stops them.
    site.app.change_collection(&secretariat, year(), &CollectionChange::Close).await.unwrap();
    site.clock.set(Timestamp::parse("2027-07-29T09:00:00Z").unwrap());
    assert_eq!(other.run_due_jobs("server-2").await.unwrap(), 0);
    assert_eq!(
        site.app.scheduled_reminders(year()).await.unwrap().len(),
        1,
        "only the one sent stays listed"
    );
}

#[tokio::test]
async fn a_schedule_needs_days_within_a_year_and_a_deadline() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    assert_eq!(
        smartcities_app::reminders::parse_days("30, 14,3 14").unwrap(),
        vec![30, 14, 3],
        "largest first, each once"
    );
    assert!(matches!(smartcities_app::reminders::parse_days("30, 0"), Err(CampaignProblem::BadDays { .. })));
    assert!(matches!(smartcities_app::reminders::parse_days("tres"), Err(CampaignProblem::BadDays { .. })));
    assert!(matches!(
        smartcities_app::reminders::parse_days("1 2 3 4 5 6 7"),
        Err(CampaignProblem::BadDays { .. })
    ));
    // The published edition's deadline is past: nothing to schedule before it.
    site.app.schedule_reminders(&secretariat, EditionYear::new(2024).unwrap(), &[3]).await.unwrap();
    assert!(site.app.scheduled_reminders(EditionYear::new(2024).unwrap()).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_prospect_city_is_invited_answers_is_accepted_and_counts_in_participation() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let participation =
        || async { site.app.campaign_dashboard(&secretariat, year(), Showing::All).await.unwrap().overall };
    let before = participation().await;

    // A registry city that is no longer a member is offered; so is a new place by name.
    let mut porto = site.store.registry().city(&CityId::parse(OWN_CITY).unwrap()).await.unwrap().unwrap();
    (porto.id, porto.name) = (CityId::parse("pt-porto").unwrap(), "Porto".into());
    site.store.registry().upsert_cities(&[porto]).await.unwrap();
    let offered = site.app.prospect_cities(&secretariat, year()).await.unwrap();
    let ids: Vec<&str> = offered.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["pt-porto"], "a registry city neither member nor invited is a prospect");
    let places = site.app.prospect_places(&secretariat, "lyon").await.unwrap();
    let lyon = places.iter().find(|p| p.country.as_str() == "FR").expect("Lyon is in the gazetteer");
    let contact =
        Contact { name: "Claire Martin".into(), email: "c.martin@lyon.example.org".into(), lang: Lang::Fr };

    // Bad contacts are refused before anything is written.
    let bad = Contact { email: "not an address".into(), ..contact.clone() };
    let place = ProspectCity::Place(lyon.geonameid);
    assert_eq!(
        problem(site.app.invite_prospect(&secretariat, year(), &place, &bad).await),
        CampaignProblem::ContactAddressInvalid
    );
    let taken = Contact { email: RESPONDENT.into(), ..contact.clone() };
    assert_eq!(
        problem(site.app.invite_prospect(&secretariat, year(), &place, &taken).await),
        CampaignProblem::AddressTaken
    );
    assert!(
        site.store.registry().cities(&Default::default()).await.unwrap().iter().all(|c| c.name != "Lyon")
    );
    assert_eq!(participation().await.invited, before.invited);

    let city = site.app.invite_prospect(&secretariat, year(), &place, &contact).await.unwrap();
    assert_eq!(city.name, "Lyon");
    assert_eq!(city.population.source.as_deref(), Some("GeoNames"));
    let invitation = mail_to(&site, "c.martin@lyon.example.org").await;
    assert_eq!(invitation.len(), 1);
    assert!(invitation[0].subject.contains("Lyon est invitée"), "{}", invitation[0].subject);
    assert!(invitation[0].body.contains("lang=fr"));
    assert_eq!(
        problem(site.app.invite_prospect(&secretariat, year(), &place, &contact).await),
        CampaignProblem::AlreadyInvited { city: "Lyon".into() }
    );
    assert_eq!(participation().await.invited, before.invited + 1);

    // The contact answers, submits, and the secretariat accepts.
    let claire = site.user("c.martin@lyon.example.org").await;
    assert_eq!(claire.lang, Some(Lang::Fr));
    let (_, q) = site.store.study().questionnaire(year()).await.unwrap().unwrap();
    let mut saved = false;
    for l in q.questions().into_iter().filter(|l| {
        l.repeat().is_none()
            && matches!(l.question.kind, Kind::Integer | Kind::Decimal)
            && l.question.relevant.is_none()
    }) {
        let file = site.app.response_file(&claire, year(), &city.id).await.unwrap();
        let change =
            AnswerChange { question: l.question.name.to_string(), entry: None, value: Some("12".into()) };
        if let Ok(SaveOutcome::Saved { .. }) = site
            .app
            .save_answers(&claire, year(), &city.id, file.response.revision, &[change], Lang::Fr)
            .await
        {
            saved = true;
            break;
        }
    }
    assert!(saved, "the new city's contact saves an answer");
    site.store
        .answering()
        .move_response(year(), &city.id, smartcities_domain::ResponseMove::Submit)
        .await
        .unwrap();
    site.app.accept(&secretariat, year(), &city.id).await.unwrap();
    let after = participation().await;
    assert_eq!(after.accepted, before.accepted + 1, "the prospect counts among the accepted cities");
    assert_eq!(after.submitted, before.submitted + 1);
}

#[tokio::test]
async fn a_review_decision_reaches_each_person_in_their_language() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let cordoba = CityId::parse("ar-cordoba").unwrap();
    let (_, q) = site.store.study().questionnaire(year()).await.unwrap().unwrap();
    let asked = q.questions().into_iter().find(|l| l.repeat().is_none()).unwrap().question.clone();
    let answering = site.store.answering();
    let submit = || answering.move_response(year(), &cordoba, smartcities_domain::ResponseMove::Submit);
    submit().await.unwrap();
    let before = waiting(&site).await;
    let comment = vec![(asked.name.to_string(), "Revise esta cifra.".to_string())];
    site.app.return_with_comments(&secretariat, year(), &cordoba, &comment).await.unwrap();
    let returned = new_mail_to(&site, &before, CORDOBA).await;
    assert_eq!(returned.len(), 1);
    assert!(returned[0].subject.contains("respuestas devueltas"), "{}", returned[0].subject);
    let spanish = asked.label.get(Lang::Es, q.default_language);
    assert!(returned[0].body.contains(&format!("- {spanish}: Revise esta cifra.")), "{}", returned[0].body);
    assert!(!returned[0].body.contains("The secretariat"), "one language");

    submit().await.unwrap();
    let before = waiting(&site).await;
    site.app.accept(&secretariat, year(), &cordoba).await.unwrap();
    let accepted = new_mail_to(&site, &before, CORDOBA).await;
    assert!(accepted[0].subject.contains("respuestas aceptadas") && accepted[0].body.contains("Córdoba"));
}
