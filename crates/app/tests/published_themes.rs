//! Coded free text is published as themes with the number and share of the cities whose written
//! answers raise each, on the site, in the report and in the open data, and never as the
//! answers themselves.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{EditionYear, Lang};
use smartcities_publish::Texts;
use smartcities_test_support::Site;

#[tokio::test]
async fn themes_are_published_with_counts_and_shares_in_each_language_and_in_the_open_data() {
    let site = Site::demo().await;
    let year = EditionYear::new(2024).unwrap();
    let snapshot = site.app.snapshot(year, Texts::default()).await.unwrap();
    let codebook = snapshot.codebook.clone().expect("the demonstration codes its free text");
    let counts = smartcities_publish::view::themes::counts(&codebook, &snapshot.results);
    assert!(counts.len() >= 3, "the demonstration's coding applies several themes: {counts:?}");
    let n = snapshot.results.answering;
    for c in &counts {
        let coded = snapshot.results.coding.iter().find(|f| f.code == c.code).unwrap();
        assert_eq!((c.cities, c.answers), (coded.cities, coded.items), "{}", c.code);
        assert!(c.cities <= n && c.cities <= c.answers, "{c:?}");
        assert_eq!(c.share, Some(c.cities as f64 / n as f64));
    }
    // Within a group, most cities first.
    for pair in counts.windows(2) {
        if pair[0].group == pair[1].group {
            assert!(pair[0].cities >= pair[1].cities, "{pair:?}");
        }
    }

    let top = &counts[0];
    let category = codebook.categories.iter().find(|k| k.code == top.code).unwrap();
    let whole = |share: f64| (share * 100.0).round() as i64;
    for lang in Lang::ALL {
        let view = smartcities_publish::view::edition_view(
            &snapshot,
            lang,
            smartcities_domain::PublishedVersion::FIRST,
            "2026-12-06",
            "hash",
        );
        let group = view.themes.iter().find(|g| g.group == top.group.slug()).expect("the group is shown");
        let label = category.label.get(lang);
        let row = group.table.rows.iter().find(|r| r[0] == label).expect("the theme is a row");
        assert_eq!(row[1], top.cities.to_string(), "{lang:?}");
        assert_eq!(row[2], format!("{}\u{a0}%", whole(top.share.unwrap())), "{lang:?}");
        assert!(group.table.caption.contains(&n.to_string()), "{lang:?}: {}", group.table.caption);
        assert!(group.chart.as_ref().is_some_and(|c| c.svg.contains(label)), "{lang:?}");
    }

    // The site's page and the open data say the same.
    let page = site.get("/editions/2024/v/1/site/es/barriers-enablers.html", None).await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(page.body.contains("id=\"themes\""), "the Spanish page has its themes");
    assert!(page.body.contains(category.label.get(Lang::Es)));
    let csv = site.get("/editions/2024/v/1/data/themes.csv", None).await;
    assert_eq!(csv.status.as_u16(), 200, "themes.csv is published");
    let line = csv.body.lines().find(|l| l.contains(&format!(",{},", top.code))).expect("a row per theme");
    assert!(line.contains(&format!(",{},{},", top.cities, top.answers)), "{line}");
    // Written answers are counted, never quoted: no coded answer's text is on the page.
    for city in &snapshot.answers {
        for answer in &city.answers {
            let coded = site_coded(&snapshot, &answer.question);
            if coded && answer.value.as_str().len() > 40 {
                assert!(!page.body.contains(answer.value.as_str()), "{}", answer.value);
            }
        }
    }
}

fn site_coded(snapshot: &smartcities_publish::Snapshot, question: &str) -> bool {
    snapshot.questionnaire.question(question).is_some_and(|q| q.kind == smartcities_questionnaire::Kind::Text)
}
