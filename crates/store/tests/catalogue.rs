//! The good-practice catalogue on both backends: versions kept, edits based on an old version
//! refused, a batch that lands whole or not at all, and the change sequence that search indexes
//! follow.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{
    CityId, Lang, Practice, PracticeId, PracticeStatus, PracticeVersion, StudyAxis, Written,
};
use smartcities_store::{PracticeChange, Store, StoreError, testing::TestDatabase};

async fn setup() -> (TestDatabase, Store, CityId) {
    let (db, store) = TestDatabase::migrated().await;
    let cities = smartcities_collect::parse_cities(
        "cities.csv",
        "name,country,population,latitude,longitude\nBilbao,ES,347342,43.26,-2.92\n",
    )
    .unwrap();
    store.registry().upsert_cities(&cities).await.unwrap();
    (db, store, CityId::parse("es-bilbao").unwrap())
}

fn practice(city: &CityId, id: &str, title: &str) -> Practice {
    let id = PracticeId::parse(id).unwrap();
    Practice::new(id, city.clone(), Written::new(Lang::Es, title), StudyAxis::Mobility, 11)
}

fn change(practice: &Practice, status: PracticeStatus, based_on: Option<u32>) -> PracticeChange<'_> {
    let based_on = based_on.map(PracticeVersion::of);
    PracticeChange { practice, status, based_on, by: "test@example.org", comment: None }
}

#[tokio::test]
async fn versions_are_kept_and_stale_edits_refused() {
    let (_db, store, bilbao) = setup().await;
    let first = practice(&bilbao, "es-bilbao-bici", "Bicicleta pública");
    let saved = store.catalogue().save_practice(change(&first, PracticeStatus::Draft, None)).await.unwrap();
    assert_eq!((saved.version.get(), saved.published_at.is_none()), (1, true));
    assert!(matches!(
        store.catalogue().save_practice(change(&first, PracticeStatus::Draft, None)).await,
        Err(StoreError::PracticeTaken(_))
    ));

    let mut renamed = first.clone();
    renamed.title.set(Lang::Es, "Bicicleta pública eléctrica");
    let published =
        store.catalogue().save_practice(change(&renamed, PracticeStatus::Published, Some(1))).await.unwrap();
    assert_eq!(published.version.get(), 2);
    assert!(published.published_at.is_some());
    let stale = store.catalogue().save_practice(change(&first, PracticeStatus::Draft, Some(1))).await;
    assert!(
        matches!(stale, Err(StoreError::PracticeChanged { based_on, now }) if (based_on.get(), now.get()) == (1, 2)),
        "{stale:?}"
    );

    let versions = store.catalogue().practice_versions(&first.id).await.unwrap();
    assert_eq!(versions.iter().map(|v| v.version.get()).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(versions[1].practice.title.get(Lang::Es).0, "Bicicleta pública");
    assert_eq!(store.catalogue().practice(&first.id).await.unwrap().unwrap().practice, renamed);
}

#[tokio::test]
async fn a_batch_lands_whole_and_changes_follow_the_sequence() {
    let (_db, store, bilbao) = setup().await;
    assert_eq!(store.catalogue().catalogue_seq().await.unwrap(), 0);
    let (a, b) = (practice(&bilbao, "es-bilbao-a", "A"), practice(&bilbao, "es-bilbao-b", "B"));
    // The second change of this batch is refused (the id is taken by the first), so neither lands.
    let refused = store
        .catalogue()
        .save_practices(&[change(&a, PracticeStatus::Draft, None), change(&a, PracticeStatus::Draft, None)])
        .await;
    assert!(refused.is_err());
    assert!(store.catalogue().practice(&a.id).await.unwrap().is_none());
    assert_eq!(store.catalogue().catalogue_seq().await.unwrap(), 0, "the sequence rolled back too");

    store
        .catalogue()
        .save_practices(&[
            change(&a, PracticeStatus::Draft, None),
            change(&b, PracticeStatus::Published, None),
        ])
        .await
        .unwrap();
    store.catalogue().save_practice(change(&a, PracticeStatus::Published, Some(1))).await.unwrap();
    assert_eq!(store.catalogue().catalogue_seq().await.unwrap(), 3);
    let all = store.catalogue().practices_changed_after(0, 10).await.unwrap();
    let order: Vec<(&str, i64)> = all.iter().map(|p| (p.practice.id.as_str(), p.seq)).collect();
    assert_eq!(order, [("es-bilbao-b", 2), ("es-bilbao-a", 3)], "each practice once, at its last change");
    let after_b = store.catalogue().practices_changed_after(2, 10).await.unwrap();
    assert_eq!(after_b.len(), 1);
    assert_eq!(store.catalogue().practices_changed_after(0, 1).await.unwrap().len(), 1, "read in batches");
}
