//! The documents a version is published with, as typst lays them out in each language: nothing
//! leaves its page, no chart runs into text, no slide is a title alone, the brief is two pages
//! and no city sheet ends on a near-empty page.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{EditionYear, Lang};
use smartcities_publish::{
    Texts,
    pdf::{
        Kind, Prepared,
        layout::{Mark, PageMarks, problems, title_alone},
    },
    view,
};
use smartcities_test_support::Site;

/// How far down a page its last mark reaches, as a share of the page.
fn filled(page: &PageMarks) -> f64 {
    let body = page.marks.iter().filter(|m| !matches!(m, Mark::Text { size, .. } if *size <= 8.0));
    let bottom = body
        .map(|m| match m {
            Mark::Text { rect, .. } | Mark::Image { rect } => rect.bottom,
        })
        .fold(0.0, f64::max);
    bottom / page.height
}

#[tokio::test]
async fn every_document_stays_inside_its_pages_in_each_language() {
    let site = Site::demo().await;
    let snapshot = site.app.snapshot(EditionYear::new(2024).unwrap(), Texts::default()).await.unwrap();
    let mut found = Vec::new();
    for lang in Lang::ALL {
        let view = view::edition_view(
            &snapshot,
            lang,
            smartcities_domain::PublishedVersion::of(1),
            "2026-12-06",
            "hash",
        );
        let prepared = Prepared::new(&view, view::version_line(&view, lang), "2026-12-06");
        for kind in Kind::ALL {
            let pages = prepared.document_marks(kind).unwrap();
            found.extend(problems(&pages).into_iter().map(|p| format!("{lang:?} {}: {p}", kind.stem())));
            if kind == Kind::Slides {
                for n in title_alone(&pages, 24.0, 8.0) {
                    found.push(format!("{lang:?} slides: slide {n} is a title alone"));
                }
                let axes = view.axes.iter().filter(|a| {
                    pages.iter().any(|p| p.marks.iter().any(|m| matches!(m, Mark::Text { text, size, .. } if *size >= 23.0 && a.name.contains(text.trim()))))
                });
                if axes.count() != view.axes.len() {
                    found.push(format!("{lang:?} slides: not every axis has its slide"));
                }
            }
            if kind == Kind::Brief && pages.len() != 2 {
                found.push(format!("{lang:?} brief: {} pages", pages.len()));
            }
        }
        for city in view.cities.iter().take(4) {
            let pages = prepared.city_sheet_marks(city).unwrap();
            found.extend(problems(&pages).into_iter().map(|p| format!("{lang:?} sheet {}: {p}", city.id)));
            if pages.len() > 1 && filled(pages.last().unwrap()) < 0.25 {
                found.push(format!("{lang:?} sheet {}: its last page is near-empty", city.id));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
