//! The demonstration's drafted texts hold to their figures: the conclusions list under "most"
//! only shares above 50 % and under "few" only shares below 25 %, say what cities do instead of
//! quoting questions, never name an axis twice; a city's strengths and gaps cite the share of
//! cities they speak of, as its table shows it. In Spanish, English and French.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_app::policy::Viewer;
use smartcities_domain::{CityId, EditionYear, Lang};
use smartcities_test_support::Site;

/// The whole percentages a text states.
fn percentages(text: &str) -> Vec<i64> {
    let mut out = Vec::new();
    let bytes: Vec<char> = text.chars().collect();
    for (i, c) in bytes.iter().enumerate() {
        if *c == '%' {
            let digits: String = bytes[..i]
                .iter()
                .rev()
                .skip_while(|c| c.is_whitespace())
                .take_while(|c| c.is_ascii_digit())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if let Ok(n) = digits.parse() {
                out.push(n);
            }
        }
    }
    out
}

#[tokio::test]
async fn the_drafted_conclusions_qualify_only_what_their_figures_allow() {
    let site = Site::demo().await;
    let year = EditionYear::new(2024).unwrap();
    let drafts = site.app.draft_conclusions(year).await.unwrap();
    let framework = site.app.framework(year).await.unwrap().unwrap().1;
    for lang in Lang::ALL.iter().copied() {
        let text = drafts.get(lang);
        let (most, few) = match lang {
            Lang::En => ("What most cities already have", "What few have yet"),
            Lang::Es => ("Lo que la mayoría", "Lo que pocas"),
            Lang::Fr => ("Ce que la plupart", "Ce que peu"),
        };
        for paragraph in text.split("\n\n") {
            let shares = percentages(paragraph);
            if paragraph.starts_with(most) {
                assert!(!shares.is_empty() && shares.iter().all(|p| *p > 50), "{lang:?}: {paragraph}");
            }
            if paragraph.starts_with(few) {
                assert!(!shares.is_empty() && shares.iter().all(|p| *p < 25), "{lang:?}: {paragraph}");
            }
        }
        for (_, _, question) in framework.questions() {
            if question.statement.is_some() {
                let label = question.label.get(lang);
                assert!(!text.contains(label), "{lang:?}: the question is quoted: {label}");
            }
        }
        for axis in &framework.axes {
            let name = axis.label.get(lang);
            assert!(!text.contains(&format!("{name}{name}")), "{lang:?}: {name} twice");
        }
    }
}

#[tokio::test]
async fn a_citys_strengths_and_gaps_cite_the_share_of_cities_they_speak_of() {
    let site = Site::demo().await;
    let city = CityId::parse("es-bilbao").unwrap();
    let profiles = site.app.city_profiles(Viewer::Visitor, &city).await.unwrap();
    let mut checked = 0;
    for profile in &profiles {
        for highlight in &profile.highlights {
            let answer = profile.answers.iter().find(|a| a.code == highlight.code).unwrap();
            if answer.kind == "yes_no" {
                // A strength: the city is among those with the same answer, so the share cited
                // is the one its table shows beside its answer.
                let same = answer.all.unwrap();
                let expected = match highlight.standing {
                    smartcities_app::findings::Standing::Strength => same,
                    smartcities_app::findings::Standing::Gap => 1.0 - same,
                };
                assert!((highlight.share - expected).abs() < 1e-9, "{highlight:?} beside {answer:?}");
                checked += 1;
            }
            assert!(highlight.of >= 5, "{highlight:?}");
        }
    }
    assert!(checked > 0, "Bilbao stands out somewhere");
}

#[tokio::test]
async fn the_briefs_messages_and_asks_state_the_figures_they_show() {
    let site = Site::demo().await;
    let year = EditionYear::new(2024).unwrap();
    let snapshot = site.app.snapshot(year, smartcities_publish::Texts::default()).await.unwrap();
    for lang in Lang::ALL {
        let view = smartcities_publish::view::edition_view(
            &snapshot,
            lang,
            smartcities_domain::PublishedVersion::of(1),
            "2026-12-06",
            "hash",
        );
        assert!((3..=5).contains(&view.messages.len()), "{lang:?}: {} messages", view.messages.len());
        let charts: Vec<&str> = view.figures().iter().map(|f| f.name.as_str()).collect();
        for m in &view.messages {
            let shown = percentages(&m.figure);
            assert_eq!(shown.len(), 1, "{lang:?}: {}", m.figure);
            assert!(
                percentages(&m.text).contains(&shown[0]),
                "{lang:?}: {} does not state {}",
                m.text,
                m.figure
            );
            assert!(m.chart.as_deref().is_some_and(|c| charts.contains(&c)), "{lang:?}: {m:?} has its chart");
        }
        assert!(!view.asks.is_empty(), "{lang:?}");
        for ask in &view.asks {
            let shares = percentages(ask);
            assert_eq!(shares.len(), 1, "{lang:?}: one figure in {ask}");
        }
    }
}
