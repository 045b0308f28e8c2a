//! Practices proposed in questionnaire answers, turned into catalogue drafts for the secretariat.

use std::collections::BTreeMap;

use smartcities_domain::{
    CityId, EditionYear, Lang, Practice, PracticeId, PracticeSource, StudyAxis, Written, web_link,
};
use smartcities_questionnaire::AnswerValue;
use smartcities_store::StoredAnswer;

use super::*;

/// The drafts a response's good-practices entries make: one per entry with a title, with its
/// axis (a framework axis counts as its study axis), SDGs, summary, transferability and link,
/// marked as written in the language its words show (English when they do not tell).
pub fn drafts_from_answers(
    year: EditionYear,
    city: &CityId,
    answers: &[StoredAnswer],
    study_axis_of: &dyn Fn(&str) -> Option<StudyAxis>,
) -> Vec<Practice> {
    let mut entries: BTreeMap<u64, BTreeMap<&str, &AnswerValue>> = BTreeMap::new();
    for answer in answers {
        let Some(entry) = answer.entry.as_ref().filter(|e| e.group.as_str() == "good_practices") else {
            continue;
        };
        entries.entry(entry.id).or_default().insert(answer.question.as_str(), &answer.value);
    }
    entries
        .into_iter()
        .filter_map(|(entry, fields)| {
            let title = fields.get("gp_title").map(|t| t.as_str().trim()).filter(|t| !t.is_empty())?;
            let axis = fields
                .get("gp_axis")
                .and_then(|a| study_axis_of(a.as_str()))
                .unwrap_or(StudyAxis::Governance);
            let mut goals: Vec<u8> = fields
                .get("gp_sdgs")
                .map(|v| {
                    v.codes()
                        .filter_map(|c| c.strip_prefix("sdg").and_then(|n| n.parse().ok()))
                        .filter(|g| (1..=17).contains(g))
                        .collect()
                })
                .unwrap_or_default();
            goals.dedup();
            let sdg = goals.first().copied().unwrap_or(11);
            let title: String = title.chars().take(MAX_TITLE_CHARS).collect();
            let text = |code: &str| fields.get(code).map(|t| t.as_str().trim()).filter(|t| !t.is_empty());
            let words = [Some(title.as_str()), text("gp_summary"), text("gp_transferability")];
            let lang =
                Lang::guess(&words.into_iter().flatten().collect::<Vec<_>>().join(" ")).unwrap_or_default();
            let id = PracticeId::from_words(city, &format!("{year} {title}"));
            let mut practice = Practice::new(id, city.clone(), Written::new(lang, title), axis, sdg);
            if !goals.is_empty() {
                practice.sdgs = goals;
            }
            if let Some(summary) = text("gp_summary") {
                practice.summary = Written::new(lang, summary);
            }
            practice.transferability.needs = text("gp_transferability").map(|t| Written::new(lang, t));
            practice.links = text("gp_link").and_then(|l| web_link(l).ok()).into_iter().collect();
            practice.editions = vec![year];
            practice.source = Some(PracticeSource { edition: year, entry });
            Some(practice)
        })
        .collect()
}
