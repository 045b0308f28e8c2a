//! A past edition's published figures and report, through the use cases: a CSV with a bad line
//! is refused whole with the line and column named in the reader's language; a good one is kept
//! in the file's order; importing a corrected figure keeps what it said before; a report goes in
//! and comes out byte for byte, an oversized or non-PDF one is refused. On SQLite and PostgreSQL.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::history::{HistoryProblem, MAX_REPORT_BYTES};
use smartcities_app::{AppError, Refusal};
use smartcities_domain::{EditionYear, FigureValue, Lang, StudyAxis};
use smartcities_test_support::{RESPONDENT, SECRETARIAT, Site};

const HEADER: &str =
    "code,axis,label_es,label_en,label_fr,original,kind,value,unit,base,question,document,page\n";

fn year() -> EditionYear {
    EditionYear::new(2019).unwrap()
}

fn problem<T: std::fmt::Debug>(result: Result<T, AppError>) -> HistoryProblem {
    match result {
        Err(AppError::Refused(Refusal::History(problem))) => problem,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn figures_are_imported_whole_or_not_at_all_and_corrections_keep_their_history() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let good = format!(
        "{HEADER}open_data_portal,governance,Con portal de datos abiertos,With an open data portal,,es,share,75,,24,has_open_data_portal,Informe 2019,21\n\
         participatory_budget,citizenship,,With a participatory budget,,en,share,45.8,,24,,Report 2019,30\n"
    );
    let bad = format!("{good}broken,governance,,Broken,,en,share,140,,24,,Report 2019,\n");
    // The demonstration's own figures of 2019 come first.
    let demo = site.app.published_figures(year()).await.unwrap();
    let refused = problem(site.app.import_figures(&secretariat, year(), bad.into_bytes()).await);
    let text = refused.message(Lang::Es);
    assert!(text.contains("Línea 4, columna 8 (value)"), "{text}");
    assert!(text.contains("porcentaje de 0 a 100"), "{text}");
    assert_eq!(site.app.published_figures(year()).await.unwrap(), demo, "nothing was kept");

    let done = site.app.import_figures(&secretariat, year(), good.clone().into_bytes()).await.unwrap();
    assert_eq!((done.added, done.changed, done.unchanged), (2, 0, 0));
    let figures = site.app.published_figures(year()).await.unwrap()[demo.len()..].to_vec();
    assert_eq!(figures[0].code, "open_data_portal", "in the file's order, after those already there");
    assert_eq!(figures[0].value, FigureValue::Share { value: 0.75 });
    assert_eq!(figures[0].axis, Some(StudyAxis::Governance));
    assert_eq!(figures[0].source.page, Some(21));
    assert!(figures[1].label.exactly(Lang::Es).is_none(), "a missing translation stays missing");

    // The report's erratum: 45.8 was 48.5. Importing it again corrects it and keeps the first.
    let corrected = good.replace("45.8", "48.5");
    let done = site.app.import_figures(&secretariat, year(), corrected.into_bytes()).await.unwrap();
    assert_eq!((done.added, done.changed, done.unchanged), (0, 1, 1));
    let figures = site.app.published_figures(year()).await.unwrap()[demo.len()..].to_vec();
    assert_eq!(figures[1].value, FigureValue::Share { value: 0.485 });
    let history = site.app.figure_history(&secretariat, year(), "participatory_budget").await.unwrap();
    assert_eq!(history.len(), 2);
    assert!(history[0].previous.is_none(), "first added");
    assert_eq!(history[1].previous.as_ref().unwrap().value, FigureValue::Share { value: 0.458 });
    assert_eq!(history[1].by, SECRETARIAT);

    let respondent = site.user(RESPONDENT).await;
    assert!(matches!(
        site.app.import_figures(&respondent, year(), good.into_bytes()).await,
        Err(AppError::Refused(Refusal::Forbidden))
    ));
    assert_eq!(
        problem(site.app.import_figures(&secretariat, year(), vec![0xff, 0xfe, 0x00]).await),
        HistoryProblem::NotText
    );
}

#[tokio::test]
async fn a_report_comes_back_byte_for_byte_and_only_a_bounded_pdf_goes_in() {
    let site = Site::demo().await;
    let secretariat = site.user(SECRETARIAT).await;
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.extend((0..200_000u32).map(|i| (i * 7 % 251) as u8));
    let name =
        site.app.attach_report(&secretariat, year(), "Informe final 2019.pdf", pdf.clone()).await.unwrap();
    assert_eq!(name, "Informe-final-2019.pdf");
    let other = site.another_server().await;
    let (file, body) = other.report(year(), &name).await.unwrap().expect("every server serves it");
    assert_eq!(body, pdf);
    assert_eq!(file.bytes, pdf.len() as u64);
    assert_eq!(site.app.reports(year()).await.unwrap().len(), 1);

    let not_pdf = b"<html>not a report</html>".to_vec();
    assert_eq!(
        problem(site.app.attach_report(&secretariat, year(), "x.pdf", not_pdf).await),
        HistoryProblem::NotPdf
    );
    let huge = [b"%PDF-".as_slice(), &vec![0u8; MAX_REPORT_BYTES]].concat();
    let refused = problem(site.app.attach_report(&secretariat, year(), "big.pdf", huge).await);
    assert_eq!(refused, HistoryProblem::TooLarge { max: MAX_REPORT_BYTES });
    assert!(refused.message(Lang::Fr).contains("au plus"));
    assert_eq!(site.app.reports(year()).await.unwrap().len(), 1, "nothing else was kept");
}

#[tokio::test]
async fn the_demonstration_carries_figures_each_sourced_or_marked_illustrative() {
    let site = Site::demo().await;
    for year in [2012, 2017, 2019, 2021, 2023] {
        let year = EditionYear::new(year).unwrap();
        let figures = site.app.published_figures(year).await.unwrap();
        assert!(!figures.is_empty(), "{year} has figures");
        for f in &figures {
            assert!(
                f.illustrative || f.source.document.contains("https://"),
                "{year} {}: a figure presented as real names a public source",
                f.code
            );
        }
        // Where a figure counts the participants, it agrees with the edition's own count.
        let reported = site.app.edition(year).await.unwrap().unwrap().reported_participants;
        if let Some(count) = figures.iter().find(|f| f.code == "participating_cities") {
            assert_eq!(Some(count.value.number() as u32), reported);
        }
    }
    let sdg11 = site.app.published_figures(EditionYear::new(2023).unwrap()).await.unwrap();
    let sdg11 = sdg11.iter().find(|f| f.code == "sdg11_share").unwrap();
    assert_eq!((sdg11.value.clone(), sdg11.illustrative), (FigureValue::Share { value: 0.46 }, false));
}
