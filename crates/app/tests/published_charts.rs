//! Every chart of a published version can be taken away as SVG, PNG and CSV from a permanent
//! address beside its page, and the CSV holds the figures the chart draws.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_domain::{EditionYear, Lang};
use smartcities_publish::Texts;
use smartcities_test_support::Site;

#[tokio::test]
async fn every_chart_of_the_site_links_to_its_svg_png_and_csv() {
    let site = Site::demo().await;
    let snapshot = site.app.snapshot(EditionYear::new(2024).unwrap(), Texts::default()).await.unwrap();
    for lang in Lang::ALL {
        let view = smartcities_publish::view::edition_view(
            &snapshot,
            lang,
            smartcities_domain::PublishedVersion::of(1),
            "2026-12-06",
            "hash",
        );
        let figures = view.figures();
        assert!(figures.len() > 10, "{lang:?}: {} charts", figures.len());
        let mut names: Vec<&str> = figures.iter().map(|f| f.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), figures.len(), "{lang:?}: a chart's name is its file name, so unique");
        for f in &figures {
            assert!(!f.data.rows.is_empty(), "{lang:?}: chart {} has its figures", f.name);
        }
    }

    let base = "/editions/2024/v/1/site/fr";
    let page = site.get(&format!("{base}/barriers-enablers.html"), None).await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(page.body.contains("Télécharger ce graphique"), "links are labelled in the page's language");
    let chart = "barriers-enablers";
    for (ext, kind) in [("svg", "image/svg+xml"), ("png", "image/png"), ("csv", "text/csv")] {
        assert!(page.body.contains(&format!("href=\"charts/{chart}.{ext}\"")), "{ext} linked");
        let file = site.get(&format!("{base}/charts/{chart}.{ext}"), None).await;
        assert_eq!(file.status.as_u16(), 200, "{ext}");
        assert!(
            file.headers["content-type"].to_str().unwrap().starts_with(kind),
            "{ext}: {:?}",
            file.headers["content-type"]
        );
        if ext == "png" {
            assert_eq!(&file.bytes[..8], b"\x89PNG\r\n\x1a\n");
        }
    }
    // Versions store the SVG; the PNG is drawn from it when asked for, and only for a chart.
    for missing in ["charts/nope.png", "index.png", "charts/../index.png"] {
        let reply = site.get(&format!("{base}/{missing}"), None).await;
        assert_eq!(reply.status.as_u16(), 404, "{missing}");
    }
    // The CSV holds what the page's table says: the most cited item's number of cities.
    let view = smartcities_publish::view::edition_view(
        &snapshot,
        Lang::Fr,
        smartcities_domain::PublishedVersion::of(1),
        "2026-12-06",
        "hash",
    );
    let figure = view.barriers_chart.as_ref().unwrap();
    let csv = site.get(&format!("{base}/charts/{chart}.csv"), None).await;
    let mut lines = csv.body.lines();
    assert_eq!(lines.next(), Some("label,cities,share,low,high"));
    let first = lines.next().unwrap();
    let top = &snapshot.results.barriers_enablers.overall[0];
    assert!(first.contains(&format!(",{},", top.cities)), "{first}");
    let share: f64 = first.split(',').nth(2).unwrap().parse().unwrap();
    assert!((share - top.share.unwrap()).abs() < 1e-4, "{first}");
    assert_eq!(figure.data.rows.len(), csv.body.lines().count() - 1);
}

#[tokio::test]
async fn the_open_data_page_lists_every_data_file_with_its_size_licence_and_contents() {
    let site = Site::demo().await;
    let index = site.get("/editions/2024/v/1/site/es/index.html", None).await;
    assert!(index.body.contains("href=\"open-data.html\""), "the landing page links to the open data page");
    let page = site.get("/editions/2024/v/1/site/es/open-data.html", None).await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(page.body.contains("CC BY 4.0"), "the licence is named");
    let package = site.get("/editions/2024/v/1/data/datapackage.json", None).await;
    let package: serde_json::Value = serde_json::from_str(&package.body).unwrap();
    let mut files: Vec<String> = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    files.extend(["datapackage.json", "edition.json", "smartcities-2024-v1.xlsx"].map(String::from));
    for file in &files {
        let row = page
            .body
            .split("<li class=\"file\">")
            .find(|row| row.contains(&format!(">{file}</a>")))
            .unwrap_or_else(|| panic!("{file} is listed"));
        let bytes = site.get(&format!("/editions/2024/v/1/data/{file}"), None).await.bytes.len();
        let size = smartcities_publish::names::bytes(Lang::Es, bytes as u64);
        assert!(row.contains(&size), "{file}: {size} in {row}");
        let described = row.split("<p>").nth(1).is_some_and(|p| p.split("</p>").next().unwrap().len() > 20);
        assert!(described, "{file} says what it holds: {row}");
    }
}

#[tokio::test]
async fn the_live_findings_and_the_published_version_link_to_each_other() {
    let site = Site::demo().await;
    let live = site.get("/editions/2024/results?lang=fr", None).await;
    assert_eq!(live.status.as_u16(), 200);
    let to_site = "href=\"/editions/2024/v/1/site/fr/index.html\"";
    assert!(live.body.contains(to_site), "the live page links to the published site in its language");
    assert!(live.body.contains("href=\"/editions/2024/v/1/pdf/report-fr.pdf\""), "and to its report");
    assert!(live.body.contains("version 1 du "), "naming the version and its day");
    // A version made where the platform's address is known links back to the live figures.
    let snapshot = site.app.snapshot(EditionYear::new(2024).unwrap(), Texts::default()).await.unwrap();
    let view = smartcities_publish::view::edition_view(
        &snapshot,
        Lang::Fr,
        smartcities_domain::PublishedVersion::of(2),
        "2026-12-06",
        "hash",
    );
    let pages = smartcities_publish::site::pages(&view, Lang::Fr).unwrap();
    let index = pages.iter().find(|f| f.path == "site/fr/index.html").unwrap();
    let index = String::from_utf8_lossy(&index.bytes);
    let back = format!("{}/editions/2024/results?lang=fr", smartcities_test_support::PUBLIC_URL);
    assert!(index.contains(&format!("href=\"{}\"", back.replace('/', "&#x2f;"))), "the site links back");
    // A copy made with no address has no such link, rather than a broken one.
    let mut offline = snapshot.clone();
    offline.platform = None;
    let view = smartcities_publish::view::edition_view(
        &offline,
        Lang::Fr,
        smartcities_domain::PublishedVersion::of(2),
        "2026-12-06",
        "hash",
    );
    assert!(view.live_results.is_none());
}
