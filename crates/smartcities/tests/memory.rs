//! A server's memory stays flat however many documents it lays out: ten publications with
//! distinct forewords and ten progress reports with distinct summaries, each a PDF, leave the
//! process's resident memory within 1.5 times what it was after the first of each. This test
//! is alone in its file so that the process measured runs nothing else.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::{App, community::ReportFormat, publication::GoPublic};
use smartcities_domain::{EditionYear, Email, Lang, Localized};
use smartcities_publish::{Texts, progress::Period};
use smartcities_test_support::{SECRETARIAT, Site};

/// The process's resident memory in bytes, from `/proc/self/status`.
fn resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A distinct text of about `chars` characters, so no cached layout can be reused.
fn text(n: usize, chars: usize) -> String {
    let words = ["ciudad", "datos", "movilidad", "gobernanza", "energía", "participación", "servicios"];
    let mut out = format!("Texto {n}. ");
    let mut i = n;
    while out.len() < chars {
        i = i.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        out.push_str(words[(i >> 33) % words.len()]);
        out.push_str(if (i >> 20).is_multiple_of(11) { ".\n\n" } else { " " });
    }
    out
}

#[tokio::test]
async fn memory_stays_flat_over_ten_publications_and_reports() {
    let Some(start) = resident() else {
        eprintln!("no /proc/self/status here: nothing to measure");
        return;
    };
    let site = Site::demo().await;
    let app = App::new(site.store.clone());
    let secretariat =
        site.store.accounts().user_by_email(&Email::parse(SECRETARIAT).unwrap()).await.unwrap().unwrap();
    let year = EditionYear::new(2024).unwrap();
    let period = Period::parse("2026-01", "2026-12").unwrap();
    let mut after_first = 0;
    let mut seen = Vec::new();
    for n in 0..10 {
        let foreword = text(n, 12_000);
        let texts = Texts {
            foreword: Some(Localized { en: foreword.clone(), es: foreword.clone(), fr: foreword }),
            conclusions: None,
            changes: None,
            original: None,
        };
        app.publish(&secretariat, year, texts, GoPublic::Now, std::sync::Arc::new(smartcities_app::Silent))
            .await
            .unwrap();
        let report = app.progress_report(&secretariat, period, Some(text(100 + n, 19_000))).await.unwrap();
        let pdf = app.progress_report_file(report, Lang::Es, ReportFormat::Pdf).await.unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let now = resident().unwrap();
        seen.push(now / (1 << 20));
        if n == 0 {
            after_first = now;
        }
    }
    eprintln!("resident memory: {} MiB at start, then {seen:?} MiB", start / (1 << 20));
    let last = *seen.last().unwrap() << 20;
    assert!(
        last as f64 <= after_first as f64 * 1.5,
        "memory grew from {} MiB after the first round to {} MiB after the tenth: {seen:?}",
        after_first >> 20,
        last >> 20
    );
}
