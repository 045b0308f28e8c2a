//! An edition's findings in one language, ready to lay out: every figure formatted, every code
//! named, every chart drawn. The site and the PDFs read the same view, so a page and its printed
//! chapter cannot disagree.

use std::collections::BTreeMap;

use serde::Serialize;
use smartcities_analysis::{CitedItem, Detail, QuestionSummary, Share, Summary, stats::Numbers};
use smartcities_domain::{City, Focus, Lang};
use smartcities_locale::{FluentValue, t, translate};

use crate::{
    charts::{self, Bar},
    map,
    names::{Names, decimal, integer, interval, percent},
    sentences::{self, Quantity, ShareFact},
    snapshot::{Practice, Snapshot},
};

mod findings;
mod overall;
mod pages;
pub mod themes;
mod types;

pub use types::*;

/// The layout's words, by Fluent key without the `pub-` prefix.
const LABELS: &[&str] = &[
    "provisional-short",
    "changes",
    "report",
    "contents",
    "foreword",
    "methodology",
    "findings",
    "practices",
    "practices-intro",
    "barriers-enablers",
    "barriers",
    "themes",
    "themes-intro",
    "enablers",
    "sdg-matrix",
    "sdg-intro",
    "conclusions",
    "cities",
    "cities-intro",
    "city",
    "country",
    "section",
    "population",
    "metropolis",
    "map",
    "trends",
    "earlier",
    "then",
    "now",
    "paired",
    "question",
    "finding",
    "answered",
    "category",
    "share",
    "interval",
    "importance",
    "axis",
    "sdgs",
    "sdg",
    "downloads",
    "report-pdf",
    "brief-pdf",
    "slides-pdf",
    "city-pdf",
    "open-data",
    "live-results",
    "data-title",
    "data-intro",
    "data-licence",
    "data-cite",
    "data-files",
    "data-charts",
    "key-findings",
    "key-messages",
    "asks",
    "asks-intro",
    "sdg-legend",
    "filter",
    "filter-text",
    "filter-all",
    "focus-groups",
    "held-on",
    "language",
    "dynamics",
    "participants",
    "outputs",
    "kind",
    "note",
    "its-answer",
    "all-cities",
    "its-section",
    "peers",
    "peers-intro",
    "highlights",
    "scores",
    "overall",
    "city-facts",
    "city-answers",
    "city-practices",
    "no-practices",
    "no-cited",
    "not-ranking",
    "chart-data",
    "chart-download",
    "chart-csv",
    "breakdowns",
    "provenance",
    "provenance-intro",
    "content-hash",
    "method-version",
    "languages",
    "skip",
    "home",
    "brief",
    "slides",
    "illustrative-data",
    "legend-share",
    "legend-interval",
];

fn labels(lang: Lang) -> BTreeMap<&'static str, String> {
    LABELS.iter().map(|key| (*key, t(lang, &format!("pub-{key}")))).collect()
}

fn count(n: usize) -> FluentValue<'static> {
    FluentValue::from(n as i64)
}

pub use crate::names::long_date;

/// A date known to the year, month or day as the language writes it (30 de junio de 2027).
pub fn approx_date(lang: Lang, date: smartcities_domain::ApproxDate) -> String {
    match (date.month, date.day) {
        (Some(month), Some(day)) => long_date(lang, &format!("{}-{month:02}-{day:02}", date.year)),
        (Some(month), None) => {
            let name = t(lang, &format!("month-{month}"));
            match lang {
                Lang::Es => format!("{name} de {}", date.year),
                Lang::En | Lang::Fr => format!("{name} {}", date.year),
            }
        }
        _ => date.year.to_string(),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A text the secretariat wrote per language, as paragraphs for a reader of `lang`: their
/// language's where it was written, else the first written of Spanish, English and French with
/// "(Original in Spanish)" after its last paragraph — never another language silently, never
/// nothing when a language has it.
fn written_paragraphs(
    text: &smartcities_domain::Localized,
    lang: Lang,
    original: Option<Lang>,
) -> Vec<String> {
    let own = paragraphs(text.get(lang));
    if !own.is_empty() {
        return own;
    }
    // The language the secretariat wrote in; for versions that name none, the first with a text.
    let written = |l: &Lang| !text.get(*l).trim().is_empty();
    let Some(original) =
        original.filter(written).or_else(|| [Lang::Es, Lang::En, Lang::Fr].into_iter().find(written))
    else {
        return Vec::new();
    };
    let mut shown = paragraphs(text.get(original));
    let language = FluentValue::from(t(lang, &format!("language-{}", original.code())));
    let mark = translate(lang, "text-original-in", &[("language", language)]);
    if let Some(last) = shown.last_mut() {
        last.push_str(&format!(" ({mark})"));
    }
    shown
}

fn share_text(lang: Lang, share: Option<f64>) -> String {
    share.map(|s| percent(lang, s)).unwrap_or_default()
}

fn interval_text(lang: Lang, low: Option<f64>, high: Option<f64>) -> String {
    low.zip(high).map(|(l, h)| interval(lang, l, h)).unwrap_or_default()
}

fn statistics(lang: Lang, numbers: Option<&Numbers>) -> Vec<String> {
    match numbers {
        Some(n) => {
            let d = |x: f64| decimal(lang, x, 2);
            vec![n.n.to_string(), d(n.min), d(n.q1), d(n.median), d(n.q3), d(n.max), d(n.mean)]
        }
        None => vec![String::new(); 7],
    }
}

const STATISTICS: [&str; 7] = ["n", "min", "q1", "median", "q3", "max", "mean"];

struct Builder<'a> {
    lang: Lang,
    snapshot: &'a Snapshot,
    names: Names<'a>,
}

/// The conclusions drafted from the findings, for the secretariat to edit before publishing:
/// paragraphs separated by a blank line.
pub fn draft_conclusions(snapshot: &Snapshot, lang: Lang) -> String {
    let builder = Builder {
        lang,
        snapshot,
        names: Names { lang, framework: &snapshot.framework, questionnaire: &snapshot.questionnaire },
    };
    let practices: Vec<PracticeView> = snapshot.practices().iter().map(|p| builder.practice(p)).collect();
    let axes = builder.axes(&practices);
    builder.conclusions(&axes, practices.len()).join("\n\n")
}

/// The practices of a snapshot as its pages show them in `lang`, in the snapshot's order.
pub fn draft_practices(snapshot: &Snapshot, lang: Lang) -> Vec<PracticeView> {
    let builder = Builder {
        lang,
        snapshot,
        names: Names { lang, framework: &snapshot.framework, questionnaire: &snapshot.questionnaire },
    };
    snapshot.practices().iter().map(|p| builder.practice(p)).collect()
}

impl Builder<'_> {
    /// The focus groups, with their participants' names and outputs in the reader's words.
    fn workshops(&self) -> Vec<WorkshopView> {
        let lang = self.lang;
        self.snapshot
            .workshops
            .iter()
            .map(|w| WorkshopView {
                held_on: approx_date(lang, w.held_on),
                // The session's language in the reader's words: "espagnol", not "Español".
                language: t(lang, &format!("language-{}", w.language.code())),
                dynamics: w.dynamics.clone(),
                participants: w
                    .participants
                    .iter()
                    .map(|c| self.city_name(c.as_str()))
                    .collect::<Vec<_>>()
                    .join(", "),
                outputs: w
                    .outputs
                    .iter()
                    .map(|o| {
                        (
                            t(lang, &format!("workshop-kind-{}", o.kind)),
                            o.axis.as_deref().map(|a| self.names.axis(a)).unwrap_or_default(),
                            o.sdgs.join(", "),
                            o.note.clone(),
                        )
                    })
                    .collect(),
            })
            .collect()
    }
}

/// The edition's view in one language. `version` and `published_on` (`YYYY-MM-DD`) are those
/// of the version being made.
pub fn edition_view(
    snapshot: &Snapshot,
    lang: Lang,
    version: smartcities_domain::PublishedVersion,
    published_on: &str,
    content_hash: &str,
) -> EditionView {
    let names = Names { lang, framework: &snapshot.framework, questionnaire: &snapshot.questionnaire };
    let builder = Builder { lang, snapshot, names };
    let results = &snapshot.results;
    let practices: Vec<PracticeView> = snapshot.practices().iter().map(|p| builder.practice(p)).collect();
    let axes = builder.axes(&practices);
    let mut answering: Vec<&City> = snapshot.answering();
    let collator = smartcities_locale::collator(lang);
    answering.sort_by(|a, b| collator.compare(a.name_in(lang), b.name_in(lang)));
    let cities: Vec<CityView> = answering.iter().map(|c| builder.city(c, &practices)).collect();
    let be = &results.barriers_enablers;
    let barriers = builder.cited(&be.overall, "barrier", 10);
    let enablers = builder.cited(&be.overall, "enabler", 10);
    let barriers_chart = builder.barriers_chart();
    let sdg_chart = builder.sdg_chart(&axes);
    let sdg_table = builder.sdg_table();
    let participation = builder.participation();
    let map = builder.map(&answering, &participation);
    let workshops = builder.workshops();
    let focus = match &snapshot.edition.focus {
        Focus::Holistic => t(lang, "focus-holistic"),
        Focus::Axis(axis) => {
            translate(lang, "focus-axis", &[("axis", t(lang, &format!("axis-{}", axis.slug())).into())])
        }
        Focus::Theme(theme) => t(lang, &format!("theme-{theme}")),
    };
    let conclusions = match &snapshot.texts.conclusions {
        Some(text) if !text.get(lang).trim().is_empty() => paragraphs(text.get(lang)),
        _ => builder.conclusions(&axes, practices.len()),
    };
    let scores = builder.scores(&cities);
    let provisional = snapshot.provisional.then(|| {
        translate(
            lang,
            "pub-provisional-note",
            &[("answering", (results.answering as i64).into()), ("invited", (results.invited as i64).into())],
        )
    });
    let mut changes = Vec::new();
    if let Some(previous) = &snapshot.previous {
        changes.push(translate(
            lang,
            "pub-changes-auto",
            &[
                ("version", i64::from(previous.version.get()).into()),
                ("before", (previous.answering as i64).into()),
                ("now", (results.answering as i64).into()),
            ],
        ));
    }
    if let Some(text) = &snapshot.texts.changes {
        changes.extend(written_paragraphs(text, lang, snapshot.texts.original));
    }
    EditionView {
        provisional,
        changes,
        lang: lang.code(),
        labels: labels(lang),
        year: snapshot.edition.year.get(),
        version,
        published_on: long_date(lang, published_on),
        title: snapshot.edition.title.get(lang).to_string(),
        study: t(lang, "site-title"),
        network: t(lang, "site-tagline"),
        focus,
        participation,
        answering: results.answering,
        invited: results.invited,
        foreword: snapshot
            .texts
            .foreword
            .as_ref()
            .map(|f| written_paragraphs(f, lang, snapshot.texts.original))
            .unwrap_or_default(),
        conclusions,
        key_findings: builder.key_findings(&axes),
        messages: builder.messages(&axes),
        asks: builder.asks(&axes),
        method: builder.method(),
        practices,
        barriers,
        enablers,
        barriers_chart,
        themes: themes::groups(snapshot, lang),
        sdg_chart,
        sdg_table,
        cities,
        map,
        workshops,
        scores,
        method_version: results.method_version.clone(),
        content_hash: content_hash.to_string(),
        chart_source: translate(
            lang,
            "pub-chart-source",
            &[
                ("study", t(lang, "site-title").into()),
                ("year", snapshot.edition.year.get().to_string().into()),
                ("version", i64::from(version.get()).into()),
                ("answering", count(results.answering)),
            ],
        ),
        live_results: snapshot.platform.as_ref().map(|url| {
            format!("{url}/editions/{}/results?lang={}", snapshot.edition.year.get(), lang.code())
        }),
        axes,
    }
}

impl EditionView {
    /// Every chart of the edition in this language: the map, the edition-wide charts, then
    /// each axis's.
    pub fn figures(&self) -> Vec<&Figure> {
        let mut out: Vec<&Figure> = vec![&self.map];
        out.extend(self.barriers_chart.iter());
        out.extend(self.themes.iter().filter_map(|g| g.chart.as_ref()));
        out.extend(self.sdg_chart.iter());
        for axis in &self.axes {
            out.extend(axis.overview.iter());
            out.extend(axis.findings.iter().filter_map(|f| f.chart.as_ref()));
        }
        out.extend(self.cities.iter().filter_map(|c| c.chart.as_ref()));
        out
    }

    /// The same, to change.
    pub fn figures_mut(&mut self) -> Vec<&mut Figure> {
        let mut out: Vec<&mut Figure> = vec![&mut self.map];
        out.extend(self.barriers_chart.iter_mut());
        out.extend(self.themes.iter_mut().filter_map(|g| g.chart.as_mut()));
        out.extend(self.sdg_chart.iter_mut());
        for axis in &mut self.axes {
            out.extend(axis.overview.iter_mut());
            out.extend(axis.findings.iter_mut().filter_map(|f| f.chart.as_mut()));
        }
        out.extend(self.cities.iter_mut().filter_map(|c| c.chart.as_mut()));
        out
    }
}

/// The line naming a version on every page and document: its number and day, and that its
/// findings are provisional when they are.
pub fn version_line(view: &EditionView, lang: Lang) -> String {
    let line = translate(
        lang,
        "pub-version",
        &[("version", i64::from(view.version.get()).into()), ("date", view.published_on.clone().into())],
    );
    match &view.provisional {
        Some(_) => format!("{line} · {}", t(lang, "pub-provisional-short")),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use smartcities_domain::{Lang, Localized};

    use super::written_paragraphs;

    #[test]
    fn a_foreword_missing_in_a_language_shows_its_original_marked() {
        let foreword = Localized {
            en: String::new(),
            es: "Un estudio de la red.\n\nGracias a las ciudades.".into(),
            fr: "Une étude du réseau.".into(),
        };
        assert_eq!(written_paragraphs(&foreword, Lang::Fr, None), ["Une étude du réseau."]);
        assert_eq!(
            written_paragraphs(&foreword, Lang::En, None),
            ["Un estudio de la red.", "Gracias a las ciudades. (Original in Spanish)"]
        );
        // Written in French and translated into Spanish: English readers get the French.
        assert_eq!(
            written_paragraphs(&foreword, Lang::En, Some(Lang::Fr)),
            ["Une étude du réseau. (Original in French)"]
        );
        // An original without a text (a version's note left blank in it) falls back to one with.
        assert_eq!(written_paragraphs(&foreword, Lang::En, Some(Lang::En))[0], "Un estudio de la red.");
        let blank = Localized { en: String::new(), es: " ".into(), fr: String::new() };
        assert!(written_paragraphs(&blank, Lang::Es, None).is_empty());
    }
}
