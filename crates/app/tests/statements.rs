//! The secretariat writes each question's statement in es/en/fr on the web: each save is a new
//! framework version, drafted findings use it at once, an edit based on an older version or a
//! statement that is too long is refused with nothing stored, and only the secretariat saves.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::{AppError, Refusal};
use smartcities_domain::{EditionYear, Lang, Localized};
use smartcities_test_support::{ANALYST, SECRETARIAT, Site};

fn statement(en: &str, es: &str, fr: &str) -> Localized {
    Localized { en: en.into(), es: es.into(), fr: fr.into() }
}

#[tokio::test]
async fn statements_are_saved_as_a_framework_version_and_drafted_from() {
    let site = Site::demo().await;
    let year = EditionYear::new(2024).unwrap();
    let secretariat = site.user(SECRETARIAT).await;
    let (version, framework) = site.app.framework(year).await.unwrap().unwrap();
    // A yes/no question whose share the drafted texts speak of.
    let results = site.app.results(year).await.unwrap().unwrap().results;
    let code = framework
        .questions()
        .map(|(_, _, q)| q.code.to_string())
        .find(|c| results.question(c).is_some_and(|q| q.kind == "yes_no"))
        .unwrap();
    let text = statement(
        "have a tested answer in place",
        "tienen una respuesta probada",
        "ont une réponse éprouvée",
    );
    let saved =
        site.app.set_statements(&secretariat, year, version, &[(code.clone(), text.clone())]).await.unwrap();
    assert_eq!(saved, version.next(), "a new framework version");
    let (_, now) = site.app.framework(year).await.unwrap().unwrap();
    let stored = now.questions().find(|(_, _, q)| q.code.as_str() == code).unwrap().2.statement.clone();
    assert_eq!(stored, Some(text.clone()));

    // Drafted findings say it, in each language, instead of the question.
    let questionnaire = site.app.questionnaire_of(year).await.unwrap().unwrap().1;
    for lang in Lang::ALL {
        let names =
            smartcities_publish::names::Names { lang, framework: &now, questionnaire: &questionnaire };
        assert_eq!(smartcities_publish::sentences::predicate(&names, &code), text.get(lang));
    }

    // An edit based on the older version is refused, and so is a statement too long; nothing
    // is stored either time.
    let stale = site.app.set_statements(&secretariat, year, version, &[(code.clone(), text.clone())]).await;
    assert!(matches!(stale, Err(AppError::Refused(Refusal::FrameworkChanged { .. }))), "{stale:?}");
    let long = statement(&"x".repeat(201), "", "");
    let other = statement("have one", "tienen uno", "en ont un");
    let refused = site
        .app
        .set_statements(&secretariat, year, saved, &[(code.clone(), other), (code.clone(), long)])
        .await;
    match refused {
        Err(AppError::Refused(refusal @ Refusal::BadStatement { .. })) => {
            assert!(refusal.message(Lang::Es).contains(&code), "the refusal names the question");
        }
        other => panic!("expected a refused statement, got {other:?}"),
    }
    assert_eq!(site.app.framework(year).await.unwrap().unwrap().0, saved, "nothing was stored");

    // Emptied in every language, a statement is gone; only the secretariat saves.
    let analyst = site.user(ANALYST).await;
    let forbidden =
        site.app.set_statements(&analyst, year, saved, &[(code.clone(), statement("", "", ""))]).await;
    assert!(matches!(forbidden, Err(AppError::Refused(Refusal::Forbidden))), "{forbidden:?}");
    site.app
        .set_statements(&secretariat, year, saved, &[(code.clone(), statement(" ", "", ""))])
        .await
        .unwrap();
    let (_, cleared) = site.app.framework(year).await.unwrap().unwrap();
    assert!(cleared.questions().find(|(_, _, q)| q.code.as_str() == code).unwrap().2.statement.is_none());
}
