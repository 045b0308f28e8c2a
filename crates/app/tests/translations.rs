//! Content people write for the public in three languages: the records kept before texts were
//! translatable still read, what lacks a translation is counted per kind of content for staff
//! only, a renewal round's title reaches members in their language, cities are named in each
//! language, and the secretariat's synonyms widen searches in theirs. On SQLite and PostgreSQL
//! alike.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::{
    AppError, Refusal,
    catalogue::{Filters, Order, Search, Visibility},
    naming::TypedNames,
    translations::{ContentKind, TranslationGap},
};
use smartcities_domain::{CityId, Lang, Leadership, Written};
use smartcities_test_support::{ANALYST, RESPONDENT, SECRETARIAT, Site};

fn kind(gaps: &[TranslationGap], kind: ContentKind) -> &TranslationGap {
    gaps.iter().find(|g| g.kind == kind).unwrap()
}

#[tokio::test]
async fn what_lacks_a_translation_is_counted_per_kind_and_language_for_staff_only() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let gaps = site.app.translation_gaps(&secretariat).await.unwrap();
    assert_eq!(gaps.iter().map(|g| g.kind).collect::<Vec<_>>(), ContentKind::ALL);

    // The demonstration leaves French out on purpose: one activity, the leadership's update;
    // the renewal round was written in Spanish with an English translation only.
    let activities = kind(&gaps, ContentKind::Activities);
    assert_eq!((activities.items, activities.missing[&Lang::Fr], activities.missing[&Lang::Es]), (10, 1, 0));
    let leadership = kind(&gaps, ContentKind::Leadership);
    assert_eq!((leadership.items, leadership.missing[&Lang::Fr], leadership.missing[&Lang::En]), (1, 1, 0));
    let rounds = kind(&gaps, ContentKind::RenewalRounds);
    assert_eq!((rounds.items, rounds.missing[&Lang::Fr], rounds.missing[&Lang::Es]), (1, 1, 0));
    let partners = kind(&gaps, ContentKind::Partners);
    assert_eq!((partners.items, partners.missing[&Lang::Fr], partners.missing[&Lang::Es]), (5, 1, 0));
    let events = kind(&gaps, ContentKind::Events);
    assert!(events.items > 0 && events.missing.values().sum::<usize>() >= 2, "{events:?}");

    // Translating the update closes the leadership's gap, and only that.
    let mut record: Leadership = site.app.leadership().await.unwrap().unwrap();
    let update: &mut Written = record.update.as_mut().unwrap();
    update.set(Lang::Fr, "Le réseau a renouvelé ses mécanismes de consultation.");
    site.app.save_leadership(&secretariat, &record).await.unwrap();
    let after = site.app.translation_gaps(&secretariat).await.unwrap();
    assert_eq!(kind(&after, ContentKind::Leadership).missing[&Lang::Fr], 0);
    assert_eq!(kind(&after, ContentKind::Activities), activities);

    // The round's mail gives each language's paragraph the title in that language, or the
    // original where there is no translation.
    let mails = site.store.outbox().due_mail(10_000).await.unwrap();
    let renewal = mails.iter().find(|m| m.body.contains("/renewal/")).expect("a renewal mail");
    assert!(
        renewal.body.contains("Renewal of the member list (illustrative). The community"),
        "{}",
        renewal.body
    );
    assert!(renewal.body.contains("Renovación de la lista de miembros (ilustrativa). La comunidad"));
    assert!(renewal.body.contains("Renovación de la lista de miembros (ilustrativa). La communauté"));

    let respondent = site.user(RESPONDENT).await;
    match site.app.translation_gaps(&respondent).await {
        Err(AppError::Refused(Refusal::Forbidden)) => {}
        other => panic!("a respondent sees no drafts' gaps: {other:?}"),
    }
}

#[tokio::test]
async fn records_kept_before_texts_were_translatable_read_as_english() {
    let site = Site::demo().await;
    let old = r#"{"city": "es-bilbao", "representative": "Juan Mari Aburto", "office": "Mayor of Bilbao",
        "since": "2012", "update": "", "bodies": [{"body": "Committee on Culture", "role": "Vice-president"}],
        "councils": [{"name": "Council on Opportunities", "received": [2023]}]}"#;
    let read: Leadership = serde_json::from_str(old).unwrap();
    assert_eq!(read.office, Some(Written::new(Lang::En, "Mayor of Bilbao")));
    assert_eq!(read.update, None, "an empty plain text is no text");
    assert_eq!(read.bodies[0].role, Some(Written::new(Lang::En, "Vice-president")));
    assert_eq!(read.councils[0].name.original, Lang::En);
    let secretariat = site.user(SECRETARIAT).await;
    site.app.save_leadership(&secretariat, &read).await.unwrap();
    assert_eq!(site.app.leadership().await.unwrap(), Some(read));
}

#[tokio::test]
async fn the_secretariat_names_a_city_in_each_language_and_nothing_is_saved_on_a_problem() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let lisbon = CityId::parse("pt-lisbon").unwrap();
    let typed = TypedNames { en: "Lisbon".into(), es: " Lisboa ".into(), fr: "Lisbonne".into() };
    let city = site.app.rename_city(&secretariat, &lisbon, &typed).await.unwrap();
    assert_eq!(
        (city.name_in(Lang::Es), city.name_in(Lang::Fr), city.name_in(Lang::En)),
        ("Lisboa", "Lisbonne", "Lisbon")
    );

    // A French name equal to the English one is none; a blank English name or a line break in
    // a name is refused by field, and the names stay as they were.
    let same = TypedNames { en: "Lisbon".into(), es: "Lisboa".into(), fr: "Lisbon".into() };
    assert_eq!(site.app.rename_city(&secretariat, &lisbon, &same).await.unwrap().names.fr, None);
    let bad = TypedNames { en: " ".into(), es: "Lis\nboa".into(), fr: String::new() };
    match site.app.rename_city(&secretariat, &lisbon, &bad).await {
        Err(AppError::Refused(Refusal::CommunityInvalid(problems))) => {
            let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
            assert_eq!(fields, ["name_en", "name_es"]);
        }
        other => panic!("refused by field: {other:?}"),
    }
    assert_eq!(site.app.city(&lisbon).await.unwrap().unwrap().name_in(Lang::Es), "Lisboa");

    let respondent = site.user(RESPONDENT).await;
    assert!(matches!(
        site.app.rename_city(&respondent, &lisbon, &typed).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
}

fn search(words: &str, lang: Lang) -> Search {
    Search {
        words: words.to_string(),
        filters: Filters::default(),
        lang,
        order: Order::Relevance,
        page: 1,
        per_page: 50,
        visibility: Visibility::Public,
    }
}

async fn found(app: &smartcities_app::App, words: &str, lang: Lang) -> Vec<String> {
    let found = app.search_practices(None, search(words, lang)).await.unwrap();
    let mut ids: Vec<String> = found.hits.iter().map(|h| h.card.id.to_string()).collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn synonyms_the_secretariat_keeps_widen_searches_in_their_language_on_every_server() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let bikes = found(&site.app, "bicicleta", Lang::Es).await;
    assert!(!bikes.is_empty(), "the demonstration has cycling practices");
    assert!(found(&site.app, "ciclismo", Lang::Es).await.is_empty(), "no practice says ciclismo");

    // A problem names its line, in the reader's language, and nothing is saved.
    match site.app.save_search_synonyms(&secretariat, Lang::Es, "bici, bicicleta\nciclismo").await {
        Err(AppError::Refused(refusal)) => {
            assert!(refusal.message(Lang::Es).starts_with("Línea 2:"), "{}", refusal.message(Lang::Es))
        }
        other => panic!("refused: {other:?}"),
    }
    assert!(site.app.search_synonyms(&secretariat).await.unwrap().is_empty());

    let groups = site.app.save_search_synonyms(&secretariat, Lang::Es, "Ciclismo, bicicleta, bici").await;
    assert_eq!(groups.unwrap(), 1);
    assert_eq!(site.app.search_synonyms(&secretariat).await.unwrap()[&Lang::Es], "ciclismo, bicicleta, bici");
    let mut group = bikes.clone();
    group.extend(found(&site.app, "bici", Lang::Es).await);
    group.sort();
    group.dedup();
    let bikes = group;
    assert_eq!(found(&site.app, "ciclismo", Lang::Es).await, bikes, "the synonym finds what its group finds");
    assert!(found(&site.app, "ciclismo", Lang::Fr).await.is_empty(), "Spanish groups widen Spanish searches");

    // Another server on the same database widens its searches once it catches up.
    let other = site.another_server().await;
    other.catch_up().await.unwrap();
    assert_eq!(found(&other, "ciclismo", Lang::Es).await, bikes);

    let analyst = site.user(ANALYST).await;
    assert!(site.app.search_synonyms(&analyst).await.is_ok(), "staff read them");
    assert!(matches!(
        site.app.save_search_synonyms(&analyst, Lang::Es, "a, b").await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
    let respondent = site.user(RESPONDENT).await;
    assert!(matches!(
        site.app.search_synonyms(&respondent).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
}

#[tokio::test]
async fn questions_without_a_translation_are_counted_and_published_marked_in_their_language() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let year = smartcities_domain::EditionYear::new(2025).unwrap();
    let before = site.app.translation_gaps(&secretariat).await.unwrap();
    let questions = kind(&before, ContentKind::Questions).clone();
    assert!(questions.items > 20, "every edition's questions are counted: {questions:?}");

    // A question whose statement is left in Spanish alone lacks English and French.
    let (version, mut questionnaire) = site.app.questionnaire(year).await.unwrap();
    let name = questionnaire.questions()[0].question.name.to_string();
    let question = questionnaire.question_mut(&name).unwrap();
    question.label.0.retain(|lang, _| *lang == Lang::Es);
    let spanish = question.label.0[&Lang::Es].clone();
    site.app.edit_questionnaire(year, version, &questionnaire, None, "test").await.unwrap();
    let after = site.app.translation_gaps(&secretariat).await.unwrap();
    let gap = kind(&after, ContentKind::Questions);
    for lang in [Lang::En, Lang::Fr] {
        assert_eq!(gap.missing[&lang], questions.missing[&lang] + 1, "{lang:?}");
    }
    assert_eq!(gap.missing[&Lang::Es], questions.missing[&Lang::Es]);

    // Its label reads as the Spanish original, marked, never silently: the reader's language
    // where there is one, else the questionnaire's own, else any.
    let (_, stored) = site.app.questionnaire(year).await.unwrap();
    let label = &stored.question(&name).unwrap().label;
    assert_eq!(label.for_reader(Lang::Fr, stored.default_language), (spanish.as_str(), Lang::Es));
    assert_eq!(label.for_reader(Lang::Es, Lang::En), (spanish.as_str(), Lang::Es));
}

#[tokio::test]
async fn a_foreword_shows_in_the_language_it_was_written_in_where_a_translation_is_missing() {
    use smartcities_app::publication::GoPublic;
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let year = smartcities_domain::EditionYear::new(2024).unwrap();
    let texts = smartcities_publish::Texts {
        foreword: Some(smartcities_domain::Localized {
            en: String::new(),
            es: "Un prólogo traducido al español.".into(),
            fr: "Un avant-propos écrit en français.".into(),
        }),
        original: Some(Lang::Fr),
        ..smartcities_publish::Texts::default()
    };
    let made = site
        .app
        .publish(&secretariat, year, texts, GoPublic::Preview, std::sync::Arc::new(smartcities_app::Silent))
        .await
        .unwrap();
    let page = |path: &str| {
        let file = made.files.iter().find(|f| f.path == path).unwrap();
        String::from_utf8(file.bytes.clone()).unwrap()
    };
    let english = page("site/en/index.html");
    assert!(english.contains("Un avant-propos écrit en français. (Original in French)"), "marked original");
    assert!(!english.contains("Un prólogo"), "never a translation in place of the original");
    let spanish = page("site/es/index.html");
    assert!(spanish.contains("Un prólogo traducido al español.") && !spanish.contains("Original en"));
    // The version's catalogue names each practice's city in the page's language.
    let catalogue = page("site/es/practices.html");
    assert!(catalogue.contains(">Lisboa</a>") && !catalogue.contains(">Lisbon</a>"), "Lisboa in Spanish");
}
