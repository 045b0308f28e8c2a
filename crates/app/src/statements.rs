//! The statements drafted findings use: each question of an edition's framework can say, in
//! Spanish, English and French, what a city answering yes does ("have a climate action plan
//! in force"), so the findings speak of cities instead of quoting questions. The secretariat
//! edits them on the web; each save is a new framework version.

use smartcities_domain::{EditionYear, Framework, FrameworkVersion, Lang, Localized, Role};
use smartcities_store::{StoreError, User};

use crate::{App, Refusal, Result};

/// The longest statement, in characters.
pub const MAX_STATEMENT: usize = 200;

impl App {
    /// Sets the statements of questions of an edition's framework, as a new framework version
    /// based on `based_on` (refused when another was stored since). A question whose three
    /// languages are all empty has no statement. Secretariat only; nothing is stored when one
    /// statement is refused.
    pub async fn set_statements(
        &self,
        by: &User,
        year: EditionYear,
        based_on: FrameworkVersion,
        statements: &[(String, Localized)],
    ) -> Result<FrameworkVersion> {
        if by.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let (_, mut framework) =
            self.store.study().framework(year).await?.ok_or(StoreError::NoFramework(year))?;
        for (code, text) in statements {
            let text = checked(code, text)?;
            let question = questions_mut(&mut framework)
                .find(|q| q.code.as_str() == code)
                .ok_or_else(|| Refusal::UnknownQuestion { code: code.clone() })?;
            question.statement = text;
        }
        Ok(self.store.study().edit_framework(year, based_on, &framework).await?)
    }
}

fn questions_mut(framework: &mut Framework) -> impl Iterator<Item = &mut smartcities_domain::Question> {
    framework.axes.iter_mut().flat_map(|a| a.sub_areas.iter_mut()).flat_map(|s| s.questions.iter_mut())
}

/// A statement trimmed, or the refusal naming its question and language; `None` when empty.
fn checked(code: &str, text: &Localized) -> Result<Option<Localized>> {
    for lang in Lang::ALL {
        let s = text.get(lang).trim();
        if s.chars().count() > MAX_STATEMENT || s.chars().any(char::is_control) {
            return Err(Refusal::BadStatement { code: code.to_string(), lang }.into());
        }
    }
    let trimmed = Localized {
        en: text.en.trim().to_string(),
        es: text.es.trim().to_string(),
        fr: text.fr.trim().to_string(),
    };
    let empty = Lang::ALL.iter().all(|l| trimmed.get(*l).is_empty());
    Ok((!empty).then_some(trimmed))
}
