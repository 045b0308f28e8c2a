//! What the public reads untranslated: for each kind of content people write (events,
//! activities of the plan, the leadership record, renewal rounds, partners' descriptions,
//! practices, the questions of the
//! editions' questionnaires), how many items lack a text in each language, so the secretariat
//! knows what to have translated.

use std::collections::BTreeMap;

use smartcities_domain::{Lang, Written};
use smartcities_questionnaire::{Questionnaire, Texts};
use smartcities_store::User;

use crate::{App, Refusal, Result};

/// The kinds of content that hold texts in three languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContentKind {
    /// Events of the community's log.
    Events,
    /// Activities of the plan.
    Activities,
    /// The leadership record: office, update, bodies and councils.
    Leadership,
    /// Renewal rounds of the member list.
    RenewalRounds,
    /// Partner organisations' descriptions.
    Partners,
    /// Practices of the catalogue, drafts included.
    Practices,
    /// Questions of the editions' questionnaires: statement, hint and options.
    Questions,
}

impl ContentKind {
    /// Every kind, in the order a page lists them.
    pub const ALL: [ContentKind; 7] = [
        ContentKind::Events,
        ContentKind::Activities,
        ContentKind::Leadership,
        ContentKind::RenewalRounds,
        ContentKind::Partners,
        ContentKind::Practices,
        ContentKind::Questions,
    ];

    /// Its name in code and in message keys (`translations-kind-events`).
    pub fn slug(self) -> &'static str {
        match self {
            ContentKind::Events => "events",
            ContentKind::Activities => "activities",
            ContentKind::Leadership => "leadership",
            ContentKind::RenewalRounds => "renewal-rounds",
            ContentKind::Partners => "partners",
            ContentKind::Practices => "practices",
            ContentKind::Questions => "questions",
        }
    }
}

/// How one kind of content stands: how many items it holds and how many lack each language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationGap {
    /// The kind.
    pub kind: ContentKind,
    /// How many items of that kind there are.
    pub items: usize,
    /// How many of them lack a text in each language (every language listed, zeros included).
    pub missing: BTreeMap<Lang, usize>,
}

/// Whether an item whose texts are `texts` lacks any of them in `lang` (empty texts aside).
pub fn lacks(texts: &[&Written], lang: Lang) -> bool {
    texts.iter().any(|w| !w.is_empty() && w.missing().contains(&lang))
}

fn gap(kind: ContentKind, items: &[Vec<&Written>]) -> TranslationGap {
    let missing =
        Lang::ALL.iter().map(|l| (*l, items.iter().filter(|texts| lacks(texts, *l)).count())).collect();
    TranslationGap { kind, items: items.len(), missing }
}

/// How the questions of `questionnaires` stand: a question lacks a language when its statement,
/// hint or one of its options has a text in another language and none in that one.
fn question_gap(questionnaires: &[Questionnaire]) -> TranslationGap {
    let lacks = |texts: &Texts, lang: Lang| {
        !texts.is_empty() && texts.0.get(&lang).is_none_or(|t| t.trim().is_empty())
    };
    let mut items = 0;
    let mut missing: BTreeMap<Lang, usize> = Lang::ALL.iter().map(|l| (*l, 0)).collect();
    for q in questionnaires {
        for located in q.questions() {
            let question = located.question;
            items += 1;
            for (lang, count) in &mut missing {
                let choices = q.choices(question).iter().map(|c| &c.label);
                if [&question.label, &question.hint].into_iter().chain(choices).any(|t| lacks(t, *lang)) {
                    *count += 1;
                }
            }
        }
    }
    TranslationGap { kind: ContentKind::Questions, items, missing }
}

/// How many practices are read per statement while counting.
const BATCH: i64 = 500;

impl App {
    /// For each kind of content, how many items lack a text in each language. Staff only: drafts
    /// and private events count.
    pub async fn translation_gaps(&self, user: &User) -> Result<Vec<TranslationGap>> {
        if !crate::policy::is_staff(user.role) {
            return Err(Refusal::Forbidden.into());
        }
        let community = self.store.community();
        let events = community.events(false).await?;
        let activities = community.activities().await?;
        let leadership = community.leadership().await?;
        let rounds = community.renewal_rounds().await?;
        let partners = self.store.registry().partners().await?;
        let mut questionnaires = Vec::new();
        for edition in self.store.study().editions().await? {
            if let Some((_, questionnaire)) = self.store.study().questionnaire(edition.year).await? {
                questionnaires.push(questionnaire);
            }
        }
        let mut practices = Vec::new();
        let mut after = 0;
        loop {
            let batch = self.store.catalogue().practices_changed_after(after, BATCH).await?;
            let Some(last) = batch.last() else { break };
            after = last.seq;
            practices.extend(batch.into_iter().map(|p| p.practice));
        }
        let event_texts: Vec<Vec<&Written>> = events
            .iter()
            .map(|e| [Some(&e.title), Some(&e.audience), e.place.as_ref()].into_iter().flatten().collect())
            .collect();
        let practice_texts: Vec<Vec<&Written>> =
            practices.iter().map(|p| std::iter::once(&p.title).chain(p.texts()).collect()).collect();
        Ok(vec![
            gap(ContentKind::Events, &event_texts),
            gap(ContentKind::Activities, &activities.iter().map(|a| a.texts()).collect::<Vec<_>>()),
            gap(ContentKind::Leadership, &leadership.iter().map(|l| l.texts()).collect::<Vec<_>>()),
            gap(ContentKind::RenewalRounds, &rounds.iter().map(|r| vec![&r.title]).collect::<Vec<_>>()),
            gap(
                ContentKind::Partners,
                &partners.iter().map(|p| p.description.iter().collect()).collect::<Vec<_>>(),
            ),
            gap(ContentKind::Practices, &practice_texts),
            question_gap(&questionnaires),
        ])
    }
}
