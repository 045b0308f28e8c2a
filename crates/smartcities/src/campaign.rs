//! The campaign's participation as text for the command line.

use std::collections::BTreeMap;

use anyhow::Result;
use smartcities_domain::{EditionYear, Participation, ResponseStatus, Section};
use smartcities_store::{CityFilter, Store};

/// Participation as text: invited / started / submitted / accepted, overall and per section.
pub async fn status(store: &Store, year: EditionYear) -> Result<String> {
    let cities = store.cities(&CityFilter::default()).await?;
    let mut by_section: BTreeMap<Section, Vec<ResponseStatus>> = BTreeMap::new();
    let responses = store.responses(year).await?;
    for r in &responses {
        if let Some(city) = cities.iter().find(|c| c.id == r.city) {
            by_section.entry(city.section).or_default().push(r.status);
        }
    }
    let line = |label: &str, statuses: &[ResponseStatus]| {
        let p = Participation::of(statuses);
        let rate = |n: usize| p.rate(n).unwrap_or(0.0);
        format!(
            "{label:<24} {:>8} {:>8} ({:>3.0} %) {:>8} ({:>3.0} %) {:>8} ({:>3.0} %)\n",
            p.invited,
            p.started,
            rate(p.started),
            p.submitted,
            rate(p.submitted),
            p.accepted,
            rate(p.accepted)
        )
    };
    let mut out =
        format!("{:<24} {:>8} {:>16} {:>16} {:>16}\n", "", "invited", "started", "submitted", "accepted");
    let all: Vec<ResponseStatus> = responses.iter().map(|r| r.status).collect();
    out.push_str(&line("all cities", &all));
    for (section, statuses) in &by_section {
        out.push_str(&line(section.slug(), statuses));
    }
    let mail = store.outbox_counts().await?;
    out.push_str(&format!("mail: {} pending, {} sent, {} failed\n", mail.pending, mail.sent, mail.failed));
    Ok(out)
}
