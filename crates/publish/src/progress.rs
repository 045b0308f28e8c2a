//! The community's progress report to the network's World Secretariat, in its fixed structure:
//! the period's activities and figures under each of the five components (implementation,
//! representation, monitoring and follow-up, learning, strengthening the network), the update
//! on the leadership, and a summary of results. The application layer gathers the facts; this
//! module words them in a language and lays them out as an HTML page and a PDF.

use minijinja::{Environment, context};
use serde::Serialize;
use smartcities_domain::{
    Activity, ApproxDate, Component, Day, EditionStatus, EditionYear, Event, EventKind, Lang, Leadership,
    Localized, Participation, Partner, Timestamp,
};
use smartcities_locale::{FluentValue, t, translate};

use crate::{
    pdf::{Bytes, pdf},
    view::{approx_date, long_date},
};

const HTML: &str = include_str!("../templates/progress/report.html");
const TYPST: &str = include_str!("../templates/pdf/progress.typ");
const COMMON: &str = include_str!("../templates/pdf/common.typ");

/// A reporting period, from the first day of one month to the last day of another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first month.
    pub from: ApproxDate,
    /// The last month.
    pub to: ApproxDate,
}

impl Period {
    /// A period from two months written `YYYY-MM`; the first must not come after the last.
    pub fn parse(from: &str, to: &str) -> Result<Period, String> {
        let month = |text: &str| {
            ApproxDate::parse(text)
                .ok()
                .filter(|d| d.month.is_some() && d.day.is_none())
                .ok_or_else(|| format!("{text:?} is not a month: use YYYY-MM, like 2021-12"))
        };
        let (from, to) = (month(from)?, month(to)?);
        if to < from {
            return Err(format!("the period ends ({to}) before it starts ({from})"));
        }
        Ok(Period { from, to })
    }

    /// The first day of the first month.
    pub fn first_day(&self) -> Day {
        Day::month_start(self.from.year, self.from.month.unwrap_or(1))
    }

    /// The last day of the last month.
    pub fn last_day(&self) -> Day {
        Day::month_start(self.to.year, self.to.month.unwrap_or(12)).month_end()
    }

    /// Whether a date (of any precision) falls in the period: a year or a month overlapping
    /// it counts.
    pub fn contains(&self, date: ApproxDate) -> bool {
        let first = Day::month_start(date.year, date.month.unwrap_or(1));
        let (start, end) = match (date.month, date.day) {
            (Some(month), Some(day)) => {
                let day = Day::from_parts(date.year, month, day).unwrap_or(first);
                (day, day)
            }
            (Some(_), None) => (first, first.month_end()),
            (None, _) => (first, Day::month_start(date.year, 12).month_end()),
        };
        start <= self.last_day() && end >= self.first_day()
    }

    /// Whether a day falls in the period.
    pub fn contains_day(&self, day: Day) -> bool {
        day >= self.first_day() && day <= self.last_day()
    }

    /// Whether an activity's semester overlaps the period.
    pub fn overlaps(&self, activity: &Activity) -> bool {
        let (first, last) = activity.semester.months();
        let (from, to) = (self.first_day().to_string(), self.last_day().to_string());
        first.as_str() <= &to[..7] && last.as_str() >= &from[..7]
    }
}

/// An edition the period saw at work, with how many cities took part.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionProgress {
    /// The edition.
    pub year: EditionYear,
    /// Its title.
    pub title: Localized,
    /// Where it stands.
    pub status: EditionStatus,
    /// Invitations and responses on record.
    pub participation: Participation,
    /// The participants an earlier edition reported, when its responses are not on record.
    pub reported_participants: Option<u32>,
}

/// How a renewal round went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewalProgress {
    /// Its title, as written and translated.
    pub title: smartcities_domain::Written,
    /// When it opened.
    pub opened_at: Timestamp,
    /// Whether it is closed.
    pub closed: bool,
    /// Members that confirmed.
    pub confirmed: usize,
    /// Members that updated their details.
    pub updated: usize,
    /// Members that left.
    pub left: usize,
    /// Members that did not answer (lapsed once closed).
    pub silent: usize,
}

/// The member list at the end of the period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemberCounts {
    /// In good standing.
    pub active: usize,
    /// Asked in an open round.
    pub pending: usize,
    /// Lapsed after a round.
    pub lapsed: usize,
    /// Left.
    pub left: usize,
    /// Applications received in the period.
    pub applications: usize,
    /// Of which approved.
    pub approved: usize,
}

/// The facts a progress report is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressReport {
    /// The period.
    pub period: Period,
    /// The day it was drawn up.
    pub drawn_up_on: Day,
    /// Editions at work in the period.
    pub editions: Vec<EditionProgress>,
    /// Planned activities whose semester overlaps the period.
    pub activities: Vec<Activity>,
    /// Events held in the period.
    pub events: Vec<Event>,
    /// The partner organisations, for their names.
    pub partners: Vec<Partner>,
    /// The leadership record, and the lead city's name in each language.
    pub leadership: Option<(Leadership, Localized)>,
    /// Renewal rounds opened in the period.
    pub renewals: Vec<RenewalProgress>,
    /// The member list.
    pub members: MemberCounts,
    /// Good practices published in the period, and in the catalogue at its end.
    pub practices: (usize, usize),
    /// Downloads of published editions' files in the period, by edition.
    pub downloads: Vec<(EditionYear, u64)>,
    /// The summary of results, when the secretariat wrote or edited it; otherwise drafted.
    pub summary: Option<String>,
}

#[derive(Serialize)]
struct Row {
    title: String,
    detail: String,
}

#[derive(Serialize)]
struct Section {
    letter: char,
    code: &'static str,
    heading: String,
    figures: Vec<Row>,
    activities: Vec<Row>,
    events: Vec<Row>,
    notes: Vec<String>,
}

/// The report worded in one language: what both layouts read.
#[derive(Serialize)]
struct View {
    lang: &'static str,
    labels: std::collections::BTreeMap<&'static str, String>,
    network: String,
    study: String,
    /// The period, for the footer of every page.
    year: String,
    doc_title: String,
    period: String,
    drawn_up: String,
    sections: Vec<Section>,
    leadership: Vec<String>,
    summary: Vec<String>,
}

fn n(x: usize) -> FluentValue<'static> {
    FluentValue::from(x as i64)
}

fn s(text: &str) -> FluentValue<'static> {
    FluentValue::from(text.to_string())
}

fn percent(part: usize, whole: usize) -> String {
    (part * 100 + whole / 2).checked_div(whole).map_or_else(|| "–".into(), |p| format!("{p} %"))
}

fn participants(edition: &EditionProgress) -> usize {
    let p = &edition.participation;
    // Submitted counts the accepted ones too: every city that handed its answers in.
    if p.invited == 0 { edition.reported_participants.unwrap_or(0) as usize } else { p.submitted }
}

fn event_row(lang: Lang, report: &ProgressReport, event: &Event) -> Row {
    let when = approx_date(lang, event.starts_on);
    let place = event.place.as_ref().map_or_else(|| t(lang, "progress-online"), |p| marked(lang, p));
    let mut detail = vec![when, t(lang, &format!("event-kind-{}", event.kind.slug())), place];
    if let Some(count) = event.attendance {
        detail.push(translate(lang, "events-attendance", &[("count", n(count as usize))]));
    }
    let partners: Vec<&str> = event
        .partners
        .iter()
        .map(|id| report.partners.iter().find(|p| &p.id == id).map_or(id.as_str(), |p| p.name_in(lang)))
        .collect();
    if !partners.is_empty() {
        detail.push(partners.join(", "));
    }
    Row { title: marked(lang, &event.title), detail: detail.join(" · ") }
}

/// A text in the report's language, or its original with a mark saying so: a missing
/// translation is never silently another language.
fn marked(lang: Lang, written: &smartcities_domain::Written) -> String {
    match written.for_reader(lang) {
        (text, shown) if shown == lang => text.to_string(),
        (text, shown) => {
            let language = s(&t(lang, &format!("language-{}", shown.code())));
            format!("{text} ({})", translate(lang, "text-original-in", &[("language", language)]))
        }
    }
}

fn activity_row(lang: Lang, activity: &Activity) -> Row {
    let mut detail =
        vec![activity.semester.to_string(), t(lang, &format!("activity-status-{}", activity.status.slug()))];
    if let Some(owner) = &activity.owner {
        detail.push(marked(lang, owner));
    }
    if let Some(edition) = activity.edition {
        detail.push(translate(lang, "progress-edition", &[("year", n(edition.get() as usize))]));
    }
    Row { title: marked(lang, &activity.title), detail: detail.join(" · ") }
}

fn figure(lang: Lang, key: &str, value: String) -> Row {
    Row { title: t(lang, key), detail: value }
}

/// Two paragraphs of results drawn from the figures, for the secretariat to edit.
pub fn draft_summary(report: &ProgressReport, lang: Lang) -> String {
    let period = period_text(lang, report.period);
    let editions: Vec<String> = report
        .editions
        .iter()
        .map(|e| {
            translate(
                lang,
                "progress-summary-edition",
                &[
                    ("year", n(e.year.get() as usize)),
                    ("title", s(e.title.get(lang))),
                    ("cities", n(participants(e))),
                ],
            )
        })
        .collect();
    let downloads: u64 = report.downloads.iter().map(|(_, c)| c).sum();
    let first = translate(
        lang,
        "progress-summary-work",
        &[
            ("period", s(&period)),
            ("editions", s(&editions.join("; "))),
            ("count", n(report.editions.len())),
            ("practices", n(report.practices.0)),
            ("downloads", n(downloads as usize)),
        ],
    );
    let attendance: u32 = report.events.iter().filter_map(|e| e.attendance).sum();
    let mut partner_ids: Vec<&String> = report.events.iter().flat_map(|e| &e.partners).collect();
    partner_ids.sort();
    partner_ids.dedup();
    let renewal = report.renewals.first().map_or_else(
        || t(lang, "progress-summary-no-renewal"),
        |r| {
            translate(
                lang,
                "progress-summary-renewal",
                &[
                    ("confirmed", n(r.confirmed + r.updated)),
                    ("left", n(r.left)),
                    ("silent", n(r.silent)),
                    ("closed", s(if r.closed { "yes" } else { "no" })),
                ],
            )
        },
    );
    let second = translate(
        lang,
        "progress-summary-network",
        &[
            ("events", n(report.events.len())),
            ("attendance", n(attendance as usize)),
            ("partners", n(partner_ids.len())),
            ("renewal", s(&renewal)),
            ("active", n(report.members.active)),
        ],
    );
    format!("{first}\n\n{second}")
}

fn period_text(lang: Lang, period: Period) -> String {
    format!("{} – {}", approx_date(lang, period.from), approx_date(lang, period.to))
}

/// The figures and notes of component Implementation: the editions and the catalogue.
fn implementation_figures(report: &ProgressReport, lang: Lang) -> (Vec<Row>, Vec<String>) {
    let mut figures = Vec::new();
    for e in &report.editions {
        let p = &e.participation;
        let label = translate(lang, "progress-edition", &[("year", n(e.year.get() as usize))]);
        let detail = if p.invited == 0 {
            translate(
                lang,
                "progress-reported-cities",
                &[("cities", n(e.reported_participants.unwrap_or(0) as usize))],
            )
        } else {
            translate(
                lang,
                "progress-participation",
                &[
                    ("invited", n(p.invited)),
                    ("answered", n(p.submitted)),
                    ("accepted", n(p.accepted)),
                    ("rate", s(&percent(p.submitted, p.invited))),
                ],
            )
        };
        let status = t(lang, &format!("status-{}", e.status.slug()));
        figures.push(Row {
            title: format!("{label}: {}", e.title.get(lang)),
            detail: format!("{status} · {detail}"),
        });
    }
    figures.push(figure(lang, "progress-practices-published", report.practices.0.to_string()));
    figures.push(figure(lang, "progress-practices-total", report.practices.1.to_string()));
    (figures, Vec::new())
}

/// The figures and notes of component Representation: the lead city and its seats in network bodies.
fn representation_figures(report: &ProgressReport, lang: Lang) -> (Vec<Row>, Vec<String>) {
    let mut figures = Vec::new();
    let mut notes = Vec::new();
    if let Some((leadership, city)) = &report.leadership {
        let mut args = vec![("city", s(city.get(lang))), ("representative", s(&leadership.representative))];
        let key = match &leadership.office {
            Some(office) => {
                args.push(("office", s(&marked(lang, office))));
                "progress-lead"
            }
            None => "progress-lead-no-office",
        };
        notes.push(translate(lang, key, &args));
        for seat in &leadership.bodies {
            let role = seat.role.as_ref().map(|r| marked(lang, r)).unwrap_or_default();
            figures.push(Row { title: marked(lang, &seat.body), detail: role });
        }
    }
    let presentations = report.events.iter().filter(|e| e.kind == EventKind::Presentation).count();
    figures.push(figure(lang, "progress-presentations", presentations.to_string()));
    (figures, notes)
}

/// The figures and notes of component Monitoring: the rounds renewing the member list.
fn monitoring_figures(report: &ProgressReport, lang: Lang) -> (Vec<Row>, Vec<String>) {
    let mut figures = Vec::new();
    let mut notes = Vec::new();
    for r in &report.renewals {
        let state = t(lang, if r.closed { "progress-round-closed" } else { "progress-round-open" });
        figures.push(Row {
            title: format!(
                "{} ({})",
                marked(lang, &r.title),
                long_date(lang, &r.opened_at.day().to_string())
            ),
            detail: translate(
                lang,
                "progress-round",
                &[
                    ("state", s(&state)),
                    ("confirmed", n(r.confirmed)),
                    ("updated", n(r.updated)),
                    ("left", n(r.left)),
                    ("silent", n(r.silent)),
                ],
            ),
        });
    }
    if report.renewals.is_empty() {
        notes.push(t(lang, "progress-summary-no-renewal"));
    }
    (figures, notes)
}

/// The figures and notes of component Learning: the learning events and their attendance.
fn learning_figures(report: &ProgressReport, lang: Lang) -> (Vec<Row>, Vec<String>) {
    let mut figures = Vec::new();
    let learning: Vec<&Event> = report
        .events
        .iter()
        .filter(|e| {
            matches!(e.kind, EventKind::Webinar | EventKind::LearningMeeting | EventKind::PartnerMeeting)
        })
        .collect();
    let attendance: u32 = learning.iter().filter_map(|e| e.attendance).sum();
    figures.push(figure(lang, "progress-learning-events", learning.len().to_string()));
    figures.push(figure(lang, "progress-attendance", attendance.to_string()));
    (figures, Vec::new())
}

/// The figures and notes of component Strengthening: the members, applications, downloads and political councils.
fn strengthening_figures(report: &ProgressReport, lang: Lang) -> (Vec<Row>, Vec<String>) {
    let mut figures = Vec::new();
    let m = report.members;
    figures.push(figure(lang, "member-status-active", m.active.to_string()));
    figures.push(figure(lang, "member-status-pending_renewal", m.pending.to_string()));
    figures.push(figure(lang, "member-status-lapsed", m.lapsed.to_string()));
    figures.push(figure(lang, "member-status-left", m.left.to_string()));
    figures.push(Row {
        title: t(lang, "progress-applications"),
        detail: translate(
            lang,
            "progress-applications-detail",
            &[("received", n(m.applications)), ("approved", n(m.approved))],
        ),
    });
    for (year, count) in &report.downloads {
        figures.push(Row {
            title: translate(lang, "progress-downloads", &[("year", n(usize::from(year.get())))]),
            detail: count.to_string(),
        });
    }
    if let Some((leadership, _)) = &report.leadership {
        for council in &leadership.councils {
            let received: Vec<String> = council.received.iter().map(|y| y.to_string()).collect();
            figures.push(Row {
                title: marked(lang, &council.name),
                detail: if received.is_empty() {
                    t(lang, "progress-council-nothing")
                } else {
                    translate(lang, "progress-council-received", &[("editions", s(&received.join(", ")))])
                },
            });
        }
    }
    (figures, Vec::new())
}

fn view(report: &ProgressReport, lang: Lang) -> View {
    let in_component = |c: Component| {
        let activities = report.activities.iter().filter(|a| a.component == c).map(|a| activity_row(lang, a));
        let events = report.events.iter().filter(|e| e.component == c).map(|e| event_row(lang, report, e));
        (activities.collect::<Vec<_>>(), events.collect::<Vec<_>>())
    };
    let mut sections = Vec::new();
    for (i, component) in Component::ALL.iter().enumerate() {
        let (activities, events) = in_component(*component);
        let (figures, notes) = match component {
            Component::Implementation => implementation_figures(report, lang),
            Component::Representation => representation_figures(report, lang),
            Component::Monitoring => monitoring_figures(report, lang),
            Component::Learning => learning_figures(report, lang),
            Component::Strengthening => strengthening_figures(report, lang),
        };
        sections.push(Section {
            letter: (b'A' + i as u8) as char,
            code: component.slug(),
            heading: t(lang, &format!("component-{}", component.slug())),
            figures,
            activities,
            events,
            notes,
        });
    }
    let leadership = match &report.leadership {
        Some((l, city)) => {
            let mut lines = vec![translate(
                lang,
                "progress-lead-since",
                &[("city", s(city.get(lang))), ("since", s(&approx_date(lang, l.since)))],
            )];
            if let Some(update) = &l.update {
                let text = marked(lang, update);
                lines.extend(text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from));
            }
            lines
        }
        None => vec![t(lang, "progress-no-leadership")],
    };
    let summary_text = report.summary.clone().unwrap_or_else(|| draft_summary(report, lang));
    let summary =
        summary_text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect();
    let period = period_text(lang, report.period);
    let labels = [
        ("title", "progress-title"),
        ("activities", "progress-activities"),
        ("events", "progress-events"),
        ("figures", "progress-figures"),
        ("nothing", "progress-nothing"),
        ("leadership", "progress-leadership"),
        ("summary", "progress-summary"),
        ("period", "progress-period"),
        ("drawn-up", "progress-drawn-up"),
        ("section-activities", "progress-section-activities"),
    ]
    .into_iter()
    .map(|(k, key)| (k, t(lang, key)))
    .collect();
    View {
        lang: lang.code(),
        labels,
        network: t(lang, "site-tagline"),
        study: t(lang, "progress-title"),
        year: period.clone(),
        doc_title: format!("{} · {period}", t(lang, "progress-title")),
        period,
        drawn_up: long_date(lang, &report.drawn_up_on.to_string()),
        sections,
        leadership,
        summary,
    }
}

/// The report as a self-contained HTML page.
pub fn html(report: &ProgressReport, lang: Lang) -> Result<String, String> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template("report.html", HTML).map_err(|e| e.to_string())?;
    let template = env.get_template("report.html").map_err(|e| e.to_string())?;
    template
        .render(context! { r => minijinja::Value::from(minijinja::value::Serde(view(report, lang))) })
        .map_err(|e| format!("{e:#}"))
}

/// The report as a PDF, laid out by typst with the fonts the binary carries.
pub fn pdf_document(report: &ProgressReport, lang: Lang) -> Result<Vec<u8>, String> {
    let json = serde_json::to_vec(&view(report, lang)).map_err(|e| e.to_string())?;
    let (y, m, d) = report.drawn_up_on.parts();
    pdf(
        format!("{COMMON}\n{TYPST}"),
        &[("/data.json".into(), Bytes::new(json))],
        (i32::from(y), m as u8, d as u8),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_and_contain_their_months() {
        let period = Period::parse("2020-01", "2021-12").unwrap();
        assert!(period.contains(ApproxDate::parse("2020-01-01").unwrap()));
        assert!(period.contains(ApproxDate::parse("2021-12").unwrap()));
        assert!(period.contains(ApproxDate::parse("2021").unwrap()));
        assert!(!period.contains(ApproxDate::parse("2022-01-01").unwrap()));
        assert!(!period.contains(ApproxDate::parse("2019-12-31").unwrap()));
        let at = |text: &str| Timestamp::parse(text).unwrap().day();
        assert!(
            period.contains_day(at("2021-12-31T23:59:00Z"))
                && !period.contains_day(at("2022-01-01T00:00:00Z"))
        );
        assert_eq!(period.last_day().to_string(), "2021-12-31");
        let february = Period::parse("2024-02", "2024-02").unwrap();
        assert_eq!(february.last_day().to_string(), "2024-02-29", "a leap year's February");
        assert!(february.contains(ApproxDate::parse("2024").unwrap()), "a year overlapping the period");
        assert!(Period::parse("2021-12", "2020-01").is_err());
        assert!(Period::parse("2021", "2021-12").is_err());
        assert!(Period::parse("2021-01-05", "2021-12").is_err());
    }
}
