//! The sections of a questionnaire: its top-level groups, one page of the form each (the axes,
//! for a questionnaire made from the framework). Colleagues are given sections to answer.

use smartcities_domain::Lang;
use smartcities_questionnaire::{Item, Questionnaire};

/// A section of a questionnaire: one of its top-level groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The group's name, which assignments keep.
    pub name: String,
    /// Its label in the reader's language (the questionnaire's own where that is missing).
    pub label: String,
}

/// The sections of a questionnaire, in its order.
pub fn sections(q: &Questionnaire, lang: Lang) -> Vec<Section> {
    q.items
        .iter()
        .filter_map(|item| match item {
            Item::Group(g) => Some(Section {
                name: g.name.to_string(),
                label: g.label.get(lang, q.default_language).to_string(),
            }),
            _ => None,
        })
        .collect()
}

/// The section a question is asked in (its top-level group), `None` for a question outside
/// every group or one the questionnaire does not have.
pub fn section_of<'q>(q: &'q Questionnaire, question: &str) -> Option<&'q str> {
    q.items.iter().find_map(|item| match item {
        Item::Group(g) if contains(&g.items, question) => Some(g.name.as_str()),
        _ => None,
    })
}

fn contains(items: &[Item], question: &str) -> bool {
    items.iter().any(|item| match item {
        Item::Question(x) => x.name.as_str() == question,
        Item::Group(g) => contains(&g.items, question),
        Item::Note(_) | Item::Calculate(_) => false,
    })
}
