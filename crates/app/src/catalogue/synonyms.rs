//! The secretariat's search synonyms per language: kept in the database, so every server
//! widens queries the same way (each reloads them when it brings its index up to date).

use std::collections::BTreeMap;

use smartcities_domain::{Lang, Role};
use smartcities_search::synonyms::{Synonyms, groups_text, parse_groups};
use smartcities_store::User;

use crate::{App, Refusal, Result};

impl App {
    /// The synonyms of each language as the form shows them: one group per line. Staff only.
    pub async fn search_synonyms(&self, user: &User) -> Result<BTreeMap<Lang, String>> {
        if !crate::policy::is_staff(user.role) {
            return Err(Refusal::Forbidden.into());
        }
        Ok(self
            .stored_synonyms()
            .await?
            .0
            .into_iter()
            .map(|(lang, groups)| (lang, groups_text(&groups)))
            .collect())
    }

    /// Replaces one language's synonyms with the groups typed (one per line, words separated by
    /// commas); a problem names its line and nothing is saved. Secretariat only. Answers how
    /// many groups the language now has.
    pub async fn save_search_synonyms(&self, user: &User, lang: Lang, typed: &str) -> Result<usize> {
        if user.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let groups = parse_groups(typed).map_err(Refusal::SynonymsInvalid)?;
        self.store.catalogue().save_synonyms(lang, &groups_text(&groups), user.email.as_str()).await?;
        self.catalogue.index.set_synonyms(self.stored_synonyms().await?);
        Ok(groups.len())
    }

    /// The synonyms as stored; a language whose stored text no longer reads is left out.
    pub(super) async fn stored_synonyms(&self) -> Result<Synonyms> {
        let mut synonyms = Synonyms::default();
        for (lang, text) in self.store.catalogue().synonyms().await? {
            if let Ok(groups) = parse_groups(&text) {
                synonyms.0.insert(lang, groups);
            }
        }
        Ok(synonyms)
    }
}
