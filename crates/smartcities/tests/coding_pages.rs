//! Coding free text without anchoring: suggestions are marked, never ticked; "save and go to the
//! next" moves forward in a stable order, within the filters; filters by question, section,
//! coder and state keep only the answers they name; agreement counts only independent codings.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use axum::http::StatusCode;
use smartcities_domain::EditionYear;
use smartcities_store::StoredCoding;
use smartcities_test_support::{ANALYST, SECRETARIAT, Site};

/// The value of a hidden field of a page.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = body.find(&marker).unwrap_or_else(|| panic!("no field {name}")) + marker.len();
    body[at..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn suggestions_are_never_ticked_and_next_moves_forward_within_the_filters() {
    let site = Site::demo().await;
    let year = EditionYear::new(2025).unwrap();
    // The first answer the secretariat has not coded: whatever is ticked would be a suggestion.
    let secretariat = site.session(SECRETARIAT).await;
    let page = site.get("/editions/2025/coding?lang=en&state=todo", Some(&secretariat)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("class=\"code suggested\""), "a suggestion is marked");
    assert!(!page.body.contains(" checked>"), "nothing is ticked in advance");

    // Saving answer k moves to the next one after k not coded yet, never back.
    let work = site.app.coding_work(&site.user(SECRETARIAT).await, year).await.unwrap();
    assert!(work.items.len() >= 3, "the demonstration has answers to code");
    let work = {
        let mut w = work;
        // As it will stand once answer 1 is saved below.
        w.codings.retain(|c| !(c.item == w.items[1].0 && c.coder == SECRETARIAT));
        w.codings.push(smartcities_app::coding::Coding {
            item: w.items[1].0.clone(),
            coder: SECRETARIAT.into(),
            codes: Default::default(),
        });
        w
    };
    let start = site.get("/editions/2025/coding?lang=en&item=1", Some(&secretariat)).await;
    let form = format!(
        "index={}&city={}&question_code={}&entry={}&code=funding",
        hidden(&start.body, "index"),
        hidden(&start.body, "city"),
        hidden(&start.body, "question_code"),
        hidden(&start.body, "entry")
    );
    assert_eq!(hidden(&start.body, "index"), "1");
    let saved = site.post("/editions/2025/coding", Some(&secretariat), &form).await;
    assert_eq!(saved.location.as_deref(), Some("/editions/2025/coding?after=1"));
    let next = site.get("/editions/2025/coding?lang=en&after=1", Some(&secretariat)).await;
    let coded = |i: usize| work.codings.iter().any(|c| c.item == work.items[i].0 && c.coder == SECRETARIAT);
    let expected = (2..work.items.len()).find(|i| !coded(*i)).expect("an answer after 1 is left to code");
    assert_eq!(hidden(&next.body, "index"), expected.to_string(), "the next answer after 1, never back");

    // A filter by question keeps only that question's answers, and saving keeps the filter.
    let (question, _) = (work.items[0].0.question.clone(), ());
    let filtered =
        site.get(&format!("/editions/2025/coding?lang=en&question={question}"), Some(&secretariat)).await;
    assert_eq!(hidden(&filtered.body, "question_code"), question);
    let kept = work.items.iter().filter(|(item, _)| item.question == question).count();
    assert!(filtered.body.contains(&format!(" of {kept}</h2>")), "{}", filtered.body);
    // "Not yet coded by you" leaves out what the viewer coded.
    let todo = site.get("/editions/2025/coding?lang=en&state=todo&item=1", Some(&secretariat)).await;
    assert_ne!(hidden(&todo.body, "index"), "1", "answer 1 is coded already");
    let index: usize = hidden(&todo.body, "index").parse().unwrap();
    assert!(!coded(index), "a todo answer is one the viewer has not coded");
    // "Coded by" a coder who coded nothing keeps nothing.
    let nobody =
        site.get("/editions/2025/coding?lang=en&coder=nobody%40example.org", Some(&secretariat)).await;
    assert!(nobody.body.contains("No answer fits these filters."));
}

#[tokio::test]
async fn agreement_counts_only_codings_made_without_ticks_in_advance() {
    let site = Site::demo().await;
    let year = EditionYear::new(2025).unwrap();
    let analyst = site.user(ANALYST).await;
    let work = site.app.coding_work(&analyst, year).await.unwrap();
    let independent_before = work.independent.len();
    // A coding recorded as made with suggestions ticked (as before they were marked only).
    let (item, _) = &work.items[0];
    let anchored = StoredCoding {
        city: item.city.clone(),
        question: item.question.clone(),
        entry: item.entry.clone(),
        coder: "third.coder@example.org".into(),
        codes: vec!["funding".into()],
        passages: Default::default(),
        independent: false,
    };
    site.store.findings().save_coding(year, &anchored).await.unwrap();
    let work = site.app.coding_work(&analyst, year).await.unwrap();
    assert_eq!(work.independent.len(), independent_before, "not counted towards agreement");
    assert!(work.codings.iter().any(|c| c.coder == "third.coder@example.org"), "still a coding");
}
