//! What a publication shows, as the site's and the documents' templates read it.

use super::*;

/// A chart: the file name it is published under (`{name}.svg`), its text alternative and the SVG.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// A name unique in the edition, used as the file name of the chart.
    pub name: String,
    /// What the chart shows, in words.
    pub alt: String,
    /// The chart.
    pub svg: String,
    /// The figures it draws, as its CSV download gives them (plain numbers, shares 0–1).
    #[serde(skip)]
    pub data: Table,
}

impl Figure {
    /// Horizontal bars with the rows they draw.
    pub fn bars(lang: Lang, name: String, title: String, alt: String, bars: &[Bar]) -> Figure {
        let columns = ["label", "cities", "share", "low", "high"].map(String::from).to_vec();
        let plain =
            |x: Option<f64>| x.map_or(String::new(), |x| format!("{}", (x * 10_000.0).round() / 10_000.0));
        let rows = bars
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    r.count.to_string(),
                    plain(r.share),
                    plain(r.interval.map(|i| i.0)),
                    plain(r.interval.map(|i| i.1)),
                ]
            })
            .collect();
        let svg = charts::bars(&title, bars, &crate::names::legend(lang));
        Figure { name, alt, svg, data: Table { caption: title, columns, rows } }
    }

    /// The chart's data as CSV.
    pub fn csv(&self) -> Vec<u8> {
        let mut out = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail.
        let _ = out.write_record(&self.data.columns);
        for row in &self.data.rows {
            let _ = out.write_record(row);
        }
        out.into_inner().unwrap_or_default()
    }
}

/// A table: the data behind a chart, or a list.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    /// The table's caption.
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// One of the brief's key messages.
#[derive(Debug, Clone, Serialize)]
pub struct Message {
    /// Its figure, as the page shows it large (`59 %`).
    pub figure: String,
    /// The message, a sentence that states the figure.
    pub text: String,
    /// The chart it comes with (a figure's name), if any.
    pub chart: Option<String>,
}

/// One question's finding.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The question's code.
    pub code: String,
    /// The question as asked.
    pub question: String,
    /// Its one-line finding.
    pub headline: String,
    /// How many cities answered it, of those invited.
    pub answered: String,
    /// Its chart, for choices and figures.
    pub chart: Option<Figure>,
    /// The figures, as a table.
    pub table: Table,
    /// The same by UCLG section, population band and Metropolis membership.
    pub breakdowns: Vec<Table>,
}

/// A question asked in an earlier edition too.
#[derive(Debug, Clone, Serialize)]
pub struct TrendView {
    /// The question.
    pub question: String,
    /// The earlier edition.
    pub earlier: u16,
    /// The finding then.
    pub then: String,
    /// The finding now.
    pub now: String,
    /// The cities that answered both.
    pub paired: String,
}

/// A barrier or enabler as cited by the cities.
#[derive(Debug, Clone, Serialize)]
pub struct Cited {
    /// Its category.
    pub category: String,
    /// The cities citing it.
    pub cities: usize,
    /// Their share of the answering cities.
    pub share: String,
    /// The share's 95 % interval.
    pub interval: String,
    /// Its mean importance, 1–5.
    pub importance: String,
}

/// An SDG and how often it comes up.
#[derive(Debug, Clone, Serialize)]
pub struct SdgLink {
    /// The goal, 1–17.
    pub goal: u8,
    /// Its name.
    pub name: String,
    /// Practices, answers and focus-group outputs linked to it.
    pub count: usize,
}

/// A good practice, as published.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeView {
    /// Its id in the catalogue, a stable anchor.
    pub id: String,
    /// Where it is shown in the version's catalogue page.
    pub href: String,
    /// Its title, in the page's language where it has one.
    pub title: String,
    /// Its summary, likewise.
    pub summary: String,
    /// The language its texts are shown in when the page's is missing (marked, never silent).
    pub shown_in: Option<String>,
    /// The city's id.
    pub city_id: String,
    /// The city's name.
    pub city: String,
    /// Whether the city has a page in the version (it answered the edition).
    pub city_page: bool,
    /// The axis's code.
    pub axis_code: String,
    /// The axis's name.
    pub axis: String,
    /// Its SDGs, as `goal · name`.
    pub sdgs: Vec<SdgLink>,
    /// Its SDG goals, space-separated, for the catalogue's filter.
    pub sdg_codes: String,
    /// The words the offline catalogue finds it by (folded, stemmed as the server's index
    /// does), space-separated.
    pub words: String,
    /// Its first picture, relative to the page (`../pictures/{id}`).
    pub picture: Option<String>,
}

/// A chapter: one axis of the framework.
#[derive(Debug, Clone, Serialize)]
pub struct AxisView {
    /// The axis's code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// One sentence on what the chapter covers.
    pub intro: String,
    /// The share answering yes to each yes/no question of the axis, as one chart.
    pub overview: Option<Figure>,
    /// Its questions' findings.
    pub findings: Vec<Finding>,
    /// Its questions asked in earlier editions.
    pub trends: Vec<TrendView>,
    /// Its good practices.
    pub practices: Vec<PracticeView>,
    /// The barriers cited for it.
    pub barriers: Vec<Cited>,
    /// The enablers cited for it.
    pub enablers: Vec<Cited>,
    /// The SDGs it is linked to, most often first.
    pub sdgs: Vec<SdgLink>,
    /// What is most and least widespread in the axis, in sentences.
    pub key_findings: Vec<String>,
    /// The chapter's three key figures (most widespread first), each with its sentence.
    pub figures: Vec<Message>,
}

/// A city's answer beside all cities'.
#[derive(Debug, Clone, Serialize)]
pub struct Beside {
    /// The question.
    pub question: String,
    /// The city's answer.
    pub answer: String,
    /// Share of all answering cities giving the same answer, or their median.
    pub all: String,
    /// The same in its section.
    pub section: String,
}

/// A participating city's page and sheet.
#[derive(Debug, Clone, Serialize)]
pub struct CityView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: String,
    /// Its UCLG world section.
    pub section: String,
    /// Its population, with year.
    pub population: String,
    /// Whether it is a member of Metropolis.
    pub metropolis: String,
    /// Where it stands out, in sentences.
    pub highlights: Vec<String>,
    /// Its answers beside all cities', by axis.
    pub axes: Vec<(String, Vec<Beside>)>,
    /// Its most similar cities: (id, name).
    pub peers: Vec<(String, String)>,
    /// Its good practices.
    pub practices: Vec<PracticeView>,
    /// One score per axis and overall (0–100), only where the edition publishes scores.
    pub scores: Vec<(String, String)>,
    /// Its yes-or-no answers beside the share of all cities answering yes.
    pub chart: Option<Figure>,
    /// The same bars for documents to draw themselves.
    pub bars: Vec<BarView>,
}

/// One bar of a chart a document draws itself: a share (0–1) with its interval.
#[derive(Debug, Clone, Serialize)]
pub struct BarView {
    /// What it stands for.
    pub label: String,
    /// The share, 0–1 (0 where the cell is too small to show one).
    pub share: f64,
    /// The interval's bounds, 0–1.
    pub low: Option<f64>,
    /// See `low`.
    pub high: Option<f64>,
    /// The share as written at the bar's end.
    pub value: String,
}

/// A focus group, as published.
#[derive(Debug, Clone, Serialize)]
pub struct WorkshopView {
    /// When it was held.
    pub held_on: String,
    /// The language it was held in.
    pub language: String,
    /// The dynamics it followed.
    pub dynamics: String,
    /// The cities that took part.
    pub participants: String,
    /// What came out of it: (kind, axis, SDGs, note).
    pub outputs: Vec<(String, String, String, String)>,
}

/// Composite scores per city, in name order: only where the edition publishes them.
#[derive(Debug, Clone, Serialize)]
pub struct ScoresView {
    /// How the scores are made.
    pub description: String,
    /// Column headings: city, each axis, overall, interval.
    pub columns: Vec<String>,
    /// One row per city, by name.
    pub rows: Vec<Vec<String>>,
}

/// Everything a publication shows, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct EditionView {
    /// The language, as its code.
    pub lang: &'static str,
    /// The words of the layout (headings, column names), by key without the `pub-` prefix.
    pub labels: BTreeMap<&'static str, String>,
    /// The edition's year.
    pub year: u16,
    /// The published version's number.
    pub version: smartcities_domain::PublishedVersion,
    /// The day it was published, as the language writes it.
    pub published_on: String,
    /// The edition's title.
    pub title: String,
    /// The study and the network.
    pub study: String,
    /// The network.
    pub network: String,
    /// The edition's focus.
    pub focus: String,
    /// Participation in one sentence.
    pub participation: String,
    /// Cities answering.
    pub answering: usize,
    /// Cities invited.
    pub invited: usize,
    /// Set when the version was made while cities were still answering: the sentence every
    /// page and document shows.
    pub provisional: Option<String>,
    /// What changed since the previous version, as paragraphs (empty for a first version).
    pub changes: Vec<String>,
    /// The secretariat's foreword, as paragraphs.
    pub foreword: Vec<String>,
    /// The conclusions, as paragraphs.
    pub conclusions: Vec<String>,
    /// The key findings, one sentence each.
    pub key_findings: Vec<String>,
    /// The brief's three to five key messages.
    pub messages: Vec<Message>,
    /// What the findings ask of political councils, one sentence each.
    pub asks: Vec<String>,
    /// The method, as paragraphs.
    pub method: Vec<String>,
    /// One chapter per axis.
    pub axes: Vec<AxisView>,
    /// The good practices.
    pub practices: Vec<PracticeView>,
    /// The barriers most cited, over all axes.
    pub barriers: Vec<Cited>,
    /// The enablers most cited.
    pub enablers: Vec<Cited>,
    /// Barriers and enablers as one chart.
    pub barriers_chart: Option<Figure>,
    /// The themes coded in cities' written answers, by group.
    pub themes: Vec<themes::ThemeGroup>,
    /// The SDG matrix as a heat map.
    pub sdg_chart: Option<Figure>,
    /// Cities linking a practice to each SDG.
    pub sdg_table: Table,
    /// The participating cities, by name.
    pub cities: Vec<CityView>,
    /// The participating cities on the map.
    pub map: Figure,
    /// The focus groups.
    pub workshops: Vec<WorkshopView>,
    /// Composite scores, only where the edition publishes them.
    pub scores: Option<ScoresView>,
    /// The analysis method's version.
    pub method_version: String,
    /// The snapshot's content hash.
    pub content_hash: String,
    /// The live findings on the platform, where the version knows the platform's address.
    pub live_results: Option<String>,
    /// Where every chart's figures come from, as the documents say beneath it.
    pub chart_source: String,
}
