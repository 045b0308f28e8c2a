//! The SDG matrix: axes × SDGs, counting good practices, answers to questions linked to an
//! SDG and focus-group outputs; the most cited SDG per axis; and the share of cities linking
//! at least one of their practices to each SDG.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use smartcities_questionnaire::Kind;

use crate::{Indexed, Input, summary::share};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// One cell of the axes × SDGs matrix.
pub struct SdgCell {
    /// The axis.
    pub axis: String,
    /// The goal, 1 to 17.
    pub goal: u8,
    /// Good-practice entries of this axis linked to the goal.
    pub practices: usize,
    /// Positive answers (yes, or any answer for other kinds) to questions of this axis whose
    /// framework links them to the goal.
    pub answers: usize,
    /// Focus-group outputs of this axis linked to the goal.
    pub workshop_outputs: usize,
}

impl SdgCell {
    /// Everything counted in the cell.
    pub fn total(&self) -> usize {
        self.practices + self.answers + self.workshop_outputs
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// How many cities link a practice to one goal.
pub struct SdgShare {
    /// The goal.
    pub goal: u8,
    /// Cities linking at least one practice to it.
    pub cities: usize,
    /// Their share of the answering cities.
    pub share: Option<f64>,
    /// Lower bound of the share's Wilson 95 % interval.
    pub low: Option<f64>,
    /// Upper bound of the share's Wilson 95 % interval.
    pub high: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// What the edition's answers say about the SDGs.
pub struct SdgMatrix {
    /// Only cells with something in them, by axis then goal.
    pub cells: Vec<SdgCell>,
    /// (axis, goal) for each axis with any citation; ties go to the lower goal.
    pub most_cited: Vec<(String, u8)>,
    /// Accepted responses the shares below are of.
    pub answering: usize,
    /// For each of the 17 goals.
    pub cities_linking: Vec<SdgShare>,
}

/// `sdg11` (the questionnaire's SDG choice codes) → 11.
fn goal_of(code: &str) -> Option<u8> {
    code.strip_prefix("sdg").and_then(|n| n.parse().ok()).filter(|g| (1..=17).contains(g))
}

pub(crate) fn matrix(input: &Input<'_>, indexed: &Indexed<'_>) -> SdgMatrix {
    let mut cells: BTreeMap<(String, u8), SdgCell> = BTreeMap::new();
    fn cell<'c>(cells: &'c mut BTreeMap<(String, u8), SdgCell>, axis: &str, goal: u8) -> &'c mut SdgCell {
        cells.entry((axis.to_string(), goal)).or_insert_with(|| SdgCell {
            axis: axis.to_string(),
            goal,
            practices: 0,
            answers: 0,
            workshop_outputs: 0,
        })
    }
    let mut linking: BTreeMap<u8, BTreeSet<usize>> = BTreeMap::new();
    if let (Some(axes), Some(sdgs)) = (indexed.entries.get("gp_axis"), indexed.entries.get("gp_sdgs")) {
        for ((city, entry), goals) in sdgs {
            let axis = axes.get(&(*city, *entry)).map_or("", |a| a.as_str());
            let goals: BTreeSet<u8> = goals.codes().filter_map(goal_of).collect();
            for goal in goals {
                cell(&mut cells, axis, goal).practices += 1;
                linking.entry(goal).or_default().insert(*city);
            }
        }
    }
    for located in input.questionnaire.questions() {
        if located.repeat().is_some() {
            continue;
        }
        let question = located.question;
        let Some(framework) = input.framework.question(question.name.as_str()) else { continue };
        let goals = smartcities_domain::sdg_goals(&framework.sdgs);
        if goals.is_empty() {
            continue;
        }
        let axis = located.groups.first().map_or(String::new(), |g| g.name.to_string());
        let positive = (0..indexed.cities.len())
            .filter(|&m| indexed.answering[m])
            .filter(|&m| match indexed.value(m, question.name.as_str()) {
                Some(v) if question.kind == Kind::YesNo => v == "yes",
                Some(_) => true,
                None => false,
            })
            .count();
        for goal in goals {
            cell(&mut cells, &axis, goal).answers += positive;
        }
    }
    for output in input.workshops {
        for goal in &output.goals {
            cell(&mut cells, output.axis.as_deref().unwrap_or(""), *goal).workshop_outputs += 1;
        }
    }
    let cells: Vec<SdgCell> = cells.into_values().filter(|c| c.total() > 0).collect();
    let mut most_cited: BTreeMap<&str, (usize, u8)> = BTreeMap::new();
    for c in cells.iter().filter(|c| !c.axis.is_empty()) {
        let best = most_cited.entry(&c.axis).or_insert((0, c.goal));
        if c.total() > best.0 {
            *best = (c.total(), c.goal);
        }
    }
    let answering = indexed.answering.iter().filter(|a| **a).count();
    let cities_linking = (1..=17)
        .map(|goal| {
            let cities = linking.get(&goal).map_or(0, BTreeSet::len);
            let (share, low, high) = share(cities, answering);
            SdgShare { goal, cities, share, low, high }
        })
        .collect();
    SdgMatrix {
        most_cited: most_cited.into_iter().map(|(axis, (_, goal))| (axis.to_string(), goal)).collect(),
        cells,
        answering,
        cities_linking,
    }
}
