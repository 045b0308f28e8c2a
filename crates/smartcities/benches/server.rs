//! How long the server takes to answer its main routes, in process (no network), with the
//! demonstration data in a SQLite database: page rendering, queries and JSON encoding.
//! Run with `cargo bench -p smartcities --bench server`.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::sync::OnceLock;

use axum::{Router, body::Body, http::Request};
use smartcities_store::testing::TestDatabase;
use smartcities_web::{AppState, router};
use tower::ServiceExt;

fn main() {
    divan::main();
}

struct Fixture {
    runtime: tokio::runtime::Runtime,
    app: Router,
    _db: TestDatabase,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
        let (db, app) = runtime.block_on(async {
            let (db, store) = TestDatabase::migrated().await;
            smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
            (db, router(AppState::new(smartcities_app::App::new(store))))
        });
        Fixture { runtime, app, _db: db }
    })
}

const ROUTES: &[&str] = &[
    "/?lang=es",
    "/editions/2023?lang=fr",
    "/members?lang=es",
    "/cities/es-bilbao",
    "/api/v1/editions/2023",
    "/api/v1/cities",
    "/healthz",
];

#[divan::bench(args = ROUTES, sample_count = 60)]
fn get(bencher: divan::Bencher, route: &str) {
    let fixture = fixture();
    bencher.bench(|| {
        fixture.runtime.block_on(async {
            let request = Request::get(route).body(Body::empty()).unwrap();
            let response = fixture.app.clone().oneshot(request).await.unwrap();
            assert!(response.status().is_success());
            axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap().len()
        })
    });
}
