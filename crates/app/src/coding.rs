//! Coding free text: the accepted free-text answers of an edition with what each coder gave them,
//! for the secretariat and analysts, and recording one coder's codes for one answer — codes from
//! the codebook only, each passage quoted from the answer.

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use smartcities_analysis::coding::{
    Codebook, Coding, Item, agreement as coder_agreement, frequencies as code_frequencies,
    suggest as suggest_codes,
};
use smartcities_domain::EditionYear;
use smartcities_questionnaire::{Kind, Questionnaire};
use smartcities_store::{StoredCoding, User};

use crate::{App, Refusal, Result, policy};

/// What coders work on in an edition.
#[derive(Debug, Clone)]
pub struct CodingWork {
    /// The edition.
    pub year: EditionYear,
    /// Its codebook, if it has one.
    pub codebook: Option<Codebook>,
    /// Its questionnaire.
    pub questionnaire: Questionnaire,
    /// Every accepted free-text answer, in a stable order, with its text.
    pub items: Vec<(Item, String)>,
    /// Every coder's codes.
    pub codings: Vec<Coding>,
    /// The passages coders marked: (item, coder) → code → passage.
    pub passages: HashMap<(Item, String), BTreeMap<String, String>>,
    /// The codings made without categories ticked in advance: the only ones agreement between
    /// coders is computed from.
    pub independent: Vec<Coding>,
}

impl App {
    /// The free-text answers of an edition and their codings. Staff only.
    pub async fn coding_work(&self, by: &User, year: EditionYear) -> Result<CodingWork> {
        if !policy::is_staff(by.role) {
            return Err(Refusal::Forbidden.into());
        }
        self.store.study().edition(year).await?.ok_or(Refusal::NotFound)?;
        let (_, questionnaire) = self.store.study().questionnaire(year).await?.ok_or(Refusal::NotFound)?;
        let codebook = self.codebook(year).await?;
        let mut items = Vec::new();
        for (city, answers) in self.store.answering().accepted_answers(year).await? {
            for a in answers {
                if questionnaire.question(&a.question).is_some_and(|q| q.kind == Kind::Text)
                    && !a.value.is_blank()
                    && a.value.non_answer().is_none()
                {
                    items.push((
                        Item { city: city.to_string(), question: a.question, entry: a.entry },
                        a.value.into_string(),
                    ));
                }
            }
        }
        let mut passages = HashMap::new();
        let mut independent = Vec::new();
        let codings = self
            .store
            .findings()
            .codings(year)
            .await?
            .into_iter()
            .map(|c| {
                let item = Item { city: c.city, question: c.question, entry: c.entry };
                passages.insert((item.clone(), c.coder.clone()), c.passages);
                let coding = Coding { item, coder: c.coder, codes: c.codes.into_iter().collect() };
                if c.independent {
                    independent.push(coding.clone());
                }
                coding
            })
            .collect();
        Ok(CodingWork { year, codebook, questionnaire, items, codings, passages, independent })
    }

    /// Records `by`'s codes for one answer of [`App::coding_work`]'s items, with the passage
    /// each code applies to (quoted from the answer, or none); the coding counts as independent,
    /// as nothing is ticked for the coder in advance. Staff only; refused when the edition has
    /// no codebook, the answer is not one of its accepted free-text answers, a code is not in the
    /// codebook, or a passage is not in the answer.
    pub async fn save_codes(
        &self,
        by: &User,
        year: EditionYear,
        item: &Item,
        codes: BTreeSet<String>,
        passages: BTreeMap<String, String>,
    ) -> Result<()> {
        let work = self.coding_work(by, year).await?;
        let book = work.codebook.as_ref().ok_or(Refusal::NoCodebook)?;
        let (item, text) = work.items.iter().find(|(i, _)| i == item).ok_or(Refusal::NotFound)?;
        if let Some(unknown) = codes.iter().find(|c| book.category(c).is_none()) {
            return Err(Refusal::UnknownCode { code: unknown.clone() }.into());
        }
        let mut kept = BTreeMap::new();
        for (code, passage) in passages {
            let passage = passage.trim();
            if passage.is_empty() || !codes.contains(&code) {
                continue;
            }
            if !text.contains(passage) {
                let category = book.category(&code).map(|c| c.label.clone());
                return Err(Refusal::PassageNotFound { code, category, passage: passage.to_string() }.into());
            }
            kept.insert(code, passage.to_string());
        }
        let coding = StoredCoding {
            city: item.city.clone(),
            question: item.question.clone(),
            entry: item.entry.clone(),
            coder: by.email.as_str().to_string(),
            codes: codes.into_iter().collect(),
            passages: kept,
            independent: true,
        };
        Ok(self.store.findings().save_coding(year, &coding).await?)
    }
}
