//! The documents an edition is published with, laid out by typst: the report, the two-page brief
//! for political councils, the 16:9 slides for the launch and a sheet per participating city.
//! Each template in `templates/pdf` reads its data from JSON and its charts from SVG files, the
//! same charts the site shows.

pub mod layout;
pub(crate) mod world;

use serde::Serialize;
pub use world::{Bytes, pdf, pdf_in_batch, trim_after_batch};

use crate::view::{CityView, EditionView};

const COMMON: &str = include_str!("../../templates/pdf/common.typ");
const REPORT: &str = include_str!("../../templates/pdf/report.typ");
const BRIEF: &str = include_str!("../../templates/pdf/brief.typ");
const SLIDES: &str = include_str!("../../templates/pdf/slides.typ");
const CITY: &str = include_str!("../../templates/pdf/city.typ");

/// A document of an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The full report.
    Report,
    /// The two-page brief.
    Brief,
    /// The slides.
    Slides,
}

impl Kind {
    /// Every edition-wide document.
    pub const ALL: [Kind; 3] = [Kind::Report, Kind::Brief, Kind::Slides];

    /// The file name's stem: `report`, `brief`, `slides`.
    pub fn stem(self) -> &'static str {
        match self {
            Kind::Report => "report",
            Kind::Brief => "brief",
            Kind::Slides => "slides",
        }
    }

    fn template(self) -> &'static str {
        match self {
            Kind::Report => REPORT,
            Kind::Brief => BRIEF,
            Kind::Slides => SLIDES,
        }
    }

    fn title_key(self) -> &'static str {
        match self {
            Kind::Report => "report",
            Kind::Brief => "brief",
            Kind::Slides => "slides",
        }
    }
}

/// What one language's documents share: the view without its charts, which become files,
/// prepared once.
pub struct Prepared<'a> {
    view: &'a EditionView,
    light: EditionView,
    charts: Vec<(String, Bytes)>,
    version_line: String,
    today: (i32, u8, u8),
}

#[derive(Serialize)]
struct Document<'a> {
    #[serde(flatten)]
    view: &'a EditionView,
    doc_title: String,
    version_line: &'a str,
}

#[derive(Serialize)]
struct CitySheet<'a> {
    lang: &'a str,
    labels: &'a std::collections::BTreeMap<&'static str, String>,
    year: u16,
    study: &'a str,
    network: &'a str,
    title: &'a str,
    doc_title: String,
    version_line: &'a str,
    provisional: Option<&'a str>,
    city: &'a CityView,
}

fn blank_charts(view: &mut EditionView) {
    view.figures_mut().into_iter().for_each(|f| f.svg.clear());
}

/// A `YYYY-MM-DD` day as typst's date.
fn day(text: &str) -> (i32, u8, u8) {
    let mut parts = text.split('-');
    let mut next = || parts.next().and_then(|p| p.parse::<i32>().ok()).unwrap_or(1);
    let (y, m, d) = (next(), next(), next());
    (y, m.clamp(1, 12) as u8, d.clamp(1, 31) as u8)
}

impl<'a> Prepared<'a> {
    /// Prepares a language's documents. `published_on` is `YYYY-MM-DD`.
    pub fn new(view: &'a EditionView, version_line: String, published_on: &str) -> Prepared<'a> {
        let charts = view
            .figures()
            .into_iter()
            .map(|f| (format!("/charts/{}.svg", f.name), Bytes::new(f.svg.clone().into_bytes())))
            .collect();
        let mut light = view.clone();
        blank_charts(&mut light);
        Prepared { view, light, charts, version_line, today: day(published_on) }
    }

    fn compile(&self, template: &str, json: Bytes) -> Result<Vec<u8>, String> {
        let mut files = self.charts.clone();
        files.push(("/data.json".into(), json));
        pdf_in_batch(format!("{COMMON}\n{template}"), &files, self.today)
    }

    /// Where one of the edition-wide documents puts its text and images, page by page.
    pub fn document_marks(&self, kind: Kind) -> Result<Vec<layout::PageMarks>, String> {
        let mut files = self.charts.clone();
        files.push(("/data.json".into(), Bytes::new(self.document_json(kind)?)));
        world::laid_out(format!("{COMMON}\n{}", kind.template()), &files, self.today, |d| {
            Ok(layout::marks(d))
        })
    }

    /// Where a city's sheet puts its text and images, page by page.
    pub fn city_sheet_marks(&self, city: &CityView) -> Result<Vec<layout::PageMarks>, String> {
        let files = self.city_files(city)?;
        world::laid_out(format!("{COMMON}\n{CITY}"), &files, self.today, |d| Ok(layout::marks(d)))
    }

    fn document_json(&self, kind: Kind) -> Result<Vec<u8>, String> {
        let title = format!(
            "{} {} · {}",
            self.view.study,
            self.view.year,
            self.view.labels.get(kind.title_key()).cloned().unwrap_or_default()
        );
        let document = Document { view: &self.light, doc_title: title, version_line: &self.version_line };
        serde_json::to_vec(&document).map_err(|e| e.to_string())
    }

    /// A sheet's data (its chart is drawn by typst from the bars, much faster for hundreds of
    /// sheets than an SVG image each).
    fn city_files(&self, city: &CityView) -> Result<Vec<(String, Bytes)>, String> {
        let mut light = city.clone();
        light.chart.iter_mut().for_each(|c| c.svg.clear());
        Ok(vec![("/data.json".to_string(), Bytes::new(self.city_json(&light)?))])
    }

    fn city_json(&self, city: &CityView) -> Result<Vec<u8>, String> {
        let sheet = CitySheet {
            lang: self.view.lang,
            labels: &self.view.labels,
            year: self.view.year,
            study: &self.view.study,
            network: &self.view.network,
            title: &self.view.title,
            doc_title: format!("{} · {} {}", city.name, self.view.study, self.view.year),
            version_line: &self.version_line,
            provisional: self.view.provisional.as_deref(),
            city,
        };
        serde_json::to_vec(&sheet).map_err(|e| e.to_string())
    }

    /// One of the edition-wide documents.
    pub fn document(&self, kind: Kind) -> Result<Vec<u8>, String> {
        let json = self.document_json(kind)?;
        self.compile(kind.template(), Bytes::new(json)).map_err(|e| format!("{}: {e}", kind.stem()))
    }

    /// The sheet of one participating city.
    pub fn city_sheet(&self, city: &CityView) -> Result<Vec<u8>, String> {
        pdf_in_batch(format!("{COMMON}\n{CITY}"), &self.city_files(city)?, self.today)
            .map_err(|e| format!("city {}: {e}", city.id))
    }
}
