//! The demonstration data shipped in the binary: the five published editions with their
//! frameworks, 47 real member cities (names, populations and coordinates from GeoNames,
//! CC BY 4.0), illustrative membership records and the community's partner organisations.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use smartcities_collect::{parse_cities, parse_members, parse_partners};
use smartcities_domain::EditionFile;
use smartcities_questionnaire::from_framework;
use smartcities_store::Store;

/// The default edition files, by file name.
pub const EDITIONS: &[(&str, &str)] = &[
    ("data/editions/2012.toml", include_str!("../../../data/editions/2012.toml")),
    ("data/editions/2017.toml", include_str!("../../../data/editions/2017.toml")),
    ("data/editions/2019.toml", include_str!("../../../data/editions/2019.toml")),
    ("data/editions/2021.toml", include_str!("../../../data/editions/2021.toml")),
    ("data/editions/2023.toml", include_str!("../../../data/editions/2023.toml")),
];
const CITIES: (&str, &str) = ("data/demo/cities.csv", include_str!("../../../data/demo/cities.csv"));
const MEMBERS: (&str, &str) = ("data/demo/members.csv", include_str!("../../../data/demo/members.csv"));
const PARTNERS: (&str, &str) = ("data/demo/partners.csv", include_str!("../../../data/demo/partners.csv"));

/// What `load` wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub editions: usize,
    pub cities: usize,
    pub members: usize,
    pub partners: usize,
}

/// Loads (or refreshes) the demonstration data. Safe to run on a database that has it already.
pub async fn load(store: &Store, progress: &ProgressBar) -> Result<Loaded> {
    progress.set_length((EDITIONS.len() + 3) as u64);
    progress.set_style(ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").expect("valid template"));
    for (file, text) in EDITIONS {
        progress.set_message(format!("edition {file}"));
        let parsed = EditionFile::parse(text).map_err(|e| anyhow::anyhow!(e.located(file).join("\n")))?;
        store.save_edition(&parsed).await.with_context(|| format!("saving {file}"))?;
        let questionnaire = from_framework(&parsed.edition, &parsed.framework).map_err(|e| {
            anyhow::anyhow!("{file}: {}", e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
        })?;
        store.save_questionnaire(parsed.edition.year, &questionnaire, "built from the framework").await?;
        progress.inc(1);
    }
    progress.set_message("cities");
    let cities = parse_cities(CITIES.0, CITIES.1)?;
    store.upsert_cities(&cities).await?;
    progress.inc(1);
    progress.set_message("members");
    let members = parse_members(MEMBERS.0, MEMBERS.1)?;
    store.save_members(&members).await?;
    progress.inc(1);
    progress.set_message("partners");
    let partners = parse_partners(PARTNERS.0, PARTNERS.1)?;
    store.save_partners(&partners).await?;
    progress.inc(1);
    progress.finish_and_clear();
    Ok(Loaded {
        editions: EDITIONS.len(),
        cities: cities.len(),
        members: members.len(),
        partners: partners.len(),
    })
}
