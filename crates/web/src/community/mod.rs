//! The community keeping itself on the web: a member's renewal page (opened by the mailed
//! link, no sign-in), the secretariat's renewal dashboard with the applications to join, the
//! public form to apply, and the community page — leadership, the activity plan as a timeline,
//! and the progress report to the World Secretariat.

mod dashboard;
mod forms;
mod join;
mod page;
mod renewal;
mod report;

pub use dashboard::{renewal_act, renewal_dashboard};
pub use join::{join, join_form};
pub use page::{page, save};
pub use renewal::{renewal_answer, renewal_form};
pub use report::{draft, report};

use std::collections::{BTreeMap, HashMap};

use smartcities_app::{AppError, Refusal, community_problem};
use smartcities_domain::Lang;

use crate::page::{PageError, form_refusal};

type Fields = HashMap<String, Vec<String>>;

/// Every field as typed (its first value), to give a refused form back.
fn typed(fields: &Fields) -> BTreeMap<String, String> {
    fields.iter().filter_map(|(k, v)| v.first().map(|v| (k.clone(), v.clone()))).collect()
}

fn first(fields: &Fields, name: &str) -> String {
    fields.get(name).and_then(|v| v.first()).map_or(String::new(), |s| s.trim().to_string())
}

/// A refusal's problems by field, in `lang`; other refusals under the form as a whole.
fn problems_by_field(lang: Lang, e: AppError) -> Result<HashMap<String, String>, PageError> {
    match e {
        AppError::Refused(Refusal::CommunityInvalid(problems)) => {
            let mut errors = HashMap::new();
            for (field, problem) in &problems {
                errors.entry(field.clone()).or_insert_with(|| community_problem(lang, problem));
            }
            Ok(errors)
        }
        other => Ok(HashMap::from([("form".to_string(), form_refusal(lang, other)?)])),
    }
}
