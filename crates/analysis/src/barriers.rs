//! Barriers and enablers from the repeat entries (type, category, importance, axis): how
//! often each is cited, by how many cities, with what mean importance — overall, per axis
//! and per UCLG section, most cited first.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use smartcities_questionnaire::EntryKey;

use crate::{Indexed, Input, OutputKind, summary::share};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A barrier or enabler category and how often cities cite it.
pub struct CitedItem {
    /// `barrier` or `enabler`.
    pub kind: String,
    /// The category's code.
    pub category: String,
    /// Entries citing it.
    pub entries: usize,
    /// Cities citing it at least once.
    pub cities: usize,
    /// Share of the answering cities in the set that cite it.
    pub share: Option<f64>,
    /// Lower bound of the share's Wilson 95 % interval.
    pub low: Option<f64>,
    /// Upper bound of the share's Wilson 95 % interval.
    pub high: Option<f64>,
    /// Mean importance level (1 = lowest) over the entries that rated it.
    pub mean_importance: Option<f64>,
    /// Entries that rated its importance.
    pub rated: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// The barriers and enablers cities cite, overall and by axis and section.
pub struct BarriersEnablers {
    /// Accepted responses the shares are of.
    pub answering: usize,
    /// Every category, most cited first.
    pub overall: Vec<CitedItem>,
    /// By axis: (axis, its categories most cited first).
    pub by_axis: Vec<(String, Vec<CitedItem>)>,
    /// By UCLG section: (section, its categories most cited first).
    pub by_section: Vec<(String, Vec<CitedItem>)>,
    /// Focus-group outputs by kind: (barrier|enabler, count).
    pub workshop: Vec<(String, usize)>,
}

struct Entry<'a> {
    city: usize,
    kind: &'a str,
    category: &'a str,
    importance: Option<f64>,
    axis: Option<&'a str>,
}

fn cited(entries: &[&Entry<'_>], answering: usize) -> Vec<CitedItem> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Entry<'_>>> = BTreeMap::new();
    for e in entries {
        groups.entry((e.kind, e.category)).or_default().push(e);
    }
    let mut items: Vec<CitedItem> = groups
        .into_iter()
        .map(|((kind, category), list)| {
            let cities = list.iter().map(|e| e.city).collect::<BTreeSet<_>>().len();
            let rated: Vec<f64> = list.iter().filter_map(|e| e.importance).collect();
            let (share, low, high) = share(cities, answering);
            CitedItem {
                kind: kind.to_string(),
                category: category.to_string(),
                entries: list.len(),
                cities,
                share,
                low,
                high,
                mean_importance: (!rated.is_empty()).then(|| rated.iter().sum::<f64>() / rated.len() as f64),
                rated: rated.len(),
            }
        })
        .collect();
    items.sort_by(|a, b| {
        b.cities.cmp(&a.cities).then(b.entries.cmp(&a.entries)).then(a.category.cmp(&b.category))
    });
    items
}

pub(crate) fn barriers_enablers(input: &Input<'_>, indexed: &Indexed<'_>) -> BarriersEnablers {
    let levels: Vec<&str> = input
        .questionnaire
        .question("be_importance")
        .map(|q| input.questionnaire.choices(q).iter().map(|c| c.name.as_str()).collect())
        .unwrap_or_default();
    let field = |name: &str, key: &(usize, &EntryKey)| {
        indexed.entries.get(name).and_then(|m| m.get(key)).map(|v| v.as_str())
    };
    let entries: Vec<Entry<'_>> = indexed
        .entries
        .get("be_type")
        .into_iter()
        .flatten()
        .filter_map(|(key, kind)| {
            let category = field("be_category", key)?;
            Some(Entry {
                city: key.0,
                kind: kind.as_str(),
                category,
                importance: field("be_importance", key)
                    .and_then(|l| levels.iter().position(|c| *c == l))
                    .map(|i| (i + 1) as f64),
                axis: field("be_axis", key),
            })
        })
        .filter(|e| indexed.answering[e.city])
        .collect();
    let answering = indexed.answering.iter().filter(|a| **a).count();
    let all: Vec<&Entry<'_>> = entries.iter().collect();
    let mut axes: Vec<&str> = entries.iter().filter_map(|e| e.axis).collect();
    axes.sort_unstable();
    axes.dedup();
    let by_axis = axes
        .into_iter()
        .map(|axis| {
            let list: Vec<&Entry<'_>> = entries.iter().filter(|e| e.axis == Some(axis)).collect();
            (axis.to_string(), cited(&list, answering))
        })
        .collect();
    let by_section = smartcities_domain::Section::ALL
        .iter()
        .map(|section| {
            let in_section = |city: usize| indexed.cities[city].1.section == Some(*section);
            let answering =
                (0..indexed.cities.len()).filter(|&c| indexed.answering[c] && in_section(c)).count();
            let list: Vec<&Entry<'_>> = entries.iter().filter(|e| in_section(e.city)).collect();
            (section.slug().to_string(), cited(&list, answering))
        })
        .collect();
    let workshop = [("barrier", OutputKind::Barrier), ("enabler", OutputKind::Enabler)]
        .iter()
        .map(|(name, kind)| (name.to_string(), input.workshops.iter().filter(|o| o.kind == *kind).count()))
        .collect();
    BarriersEnablers { answering, overall: cited(&all, answering), by_axis, by_section, workshop }
}
