//! The good-practice catalogue: practices from accepted questionnaires become drafts, cities
//! propose and edit their own, the secretariat publishes or returns them with comments, every
//! version is kept; and the search index that serves the pages follows the database's change
//! sequence, so every server sharing one database finds the same practices.

mod drafts;
mod form;
mod index;
mod pictures;
mod synonyms;

pub use pictures::{MAX_PICTURES, PictureChange};

use form::FormValues;
use index::card_of;

pub use drafts::drafts_from_answers;
pub use form::{FIELDS, FieldProblem, form_values, read_form};
pub(crate) use index::CatalogueIndex;

pub use smartcities_search::{
    Card, DIMENSIONS, Filters, Found, Order, Reason, Search, Suggestion, Visibility, passage,
};

use smartcities_analysis::{PopulationBand, Standing};
use smartcities_domain::{City, CityId, Lang, PracticeId, PracticeStatus, PracticeVersion, Role};
use smartcities_store::{PracticeChange, SavedPractice, StoredPractice, User};

use crate::{App, Refusal, Result};

/// Changes read from the database per step when the index catches up.
const SYNC_BATCH: i64 = 2_000;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest text field, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// The most items of a list field (technologies, indicators, links).
pub const MAX_LIST_ITEMS: usize = 20;
/// The longest list item, in characters.
pub const MAX_ITEM_CHARS: usize = 300;

/// The secretariat's decision on a practice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PracticeDecision {
    /// Make it public.
    Publish,
    /// Send it back to its city with a comment.
    Return(String),
}

/// A practice's page: the record, and what the viewer may see and do with it.
#[derive(Debug, Clone)]
pub struct PracticePage {
    /// The practice as stored.
    pub stored: StoredPractice,
    /// Its city.
    pub city: City,
    /// Every version, newest first, for those who may edit it; empty for the public.
    pub versions: Vec<SavedPractice>,
    /// Published practices like it, with why.
    pub related: Vec<Suggestion>,
    /// Whether the viewer may edit it.
    pub may_edit: bool,
    /// Whether the viewer may publish or return it.
    pub may_decide: bool,
}

pub use crate::policy::{
    may_edit_practice as may_edit, may_see_practice as may_see, practice_visibility as visibility,
};

impl App {
    /// A practice's page, if `viewer` may see the practice.
    pub async fn practice_page(&self, viewer: Option<&User>, id: &PracticeId) -> Result<PracticePage> {
        let stored = self.store.catalogue().practice(id).await?.ok_or(Refusal::NotFound)?;
        if !may_see(viewer, &stored) {
            return Err(Refusal::NotFound.into());
        }
        let city = self.store.registry().city(&stored.practice.city).await?.ok_or(Refusal::NotFound)?;
        let editable = may_edit(viewer, &stored);
        let staff = viewer.is_some_and(|u| matches!(u.role, Role::Secretariat | Role::Analyst));
        let versions =
            if editable || staff { self.store.catalogue().practice_versions(id).await? } else { Vec::new() };
        let card = card_of(&stored, &city);
        let index = self.primed_index().await?;
        let related = self.blocking(move || index.related(&card, 4)).await?;
        Ok(PracticePage {
            may_decide: viewer.is_some_and(|u| u.role == Role::Secretariat),
            may_edit: editable,
            stored,
            city,
            versions,
            related,
        })
    }

    /// A practice for its edit form, if `user` may edit it.
    pub async fn practice_to_edit(&self, user: &User, id: &PracticeId) -> Result<StoredPractice> {
        let stored = self.store.catalogue().practice(id).await?.ok_or(Refusal::NotFound)?;
        if !may_see(Some(user), &stored) {
            return Err(Refusal::NotFound.into());
        }
        if !may_edit(Some(user), &stored) {
            return Err(Refusal::Forbidden.into());
        }
        Ok(stored)
    }

    /// A city proposes a practice (its respondents, or the secretariat for it): a draft
    /// written in `lang`, waiting for the secretariat.
    pub async fn propose_practice(
        &self,
        user: &User,
        city: &CityId,
        lang: Lang,
        form: &[(String, String)],
    ) -> Result<PracticeId> {
        if !crate::policy::may_propose_practice(user, city) {
            return Err(Refusal::Forbidden.into());
        }
        if self.store.registry().city(city).await?.is_none() {
            return Err(Refusal::NotFound.into());
        }
        let words = FormValues { pairs: form }.one("title").to_string();
        let mut id = PracticeId::from_words(city, &words);
        let mut n = 2;
        while self.store.catalogue().practice_exists(&id).await? {
            id = PracticeId::from_words(city, &format!("{words} {n}"));
            n += 1;
        }
        let practice = read_form(None, id, city.clone(), lang, form).map_err(Refusal::PracticeInvalid)?;
        let change = PracticeChange {
            practice: &practice,
            status: PracticeStatus::Draft,
            based_on: None,
            by: user.email.as_str(),
            comment: None,
        };
        self.store.catalogue().save_practice(change).await?;
        self.sync_catalogue().await?;
        Ok(practice.id)
    }

    /// Saves an edit of a practice made from version `based_on`, with texts in `lang`. A city's
    /// edit of a returned practice makes it a draft again, for the secretariat to look at.
    pub async fn edit_practice(
        &self,
        user: &User,
        id: &PracticeId,
        based_on: PracticeVersion,
        lang: Lang,
        form: &[(String, String)],
    ) -> Result<()> {
        let stored = self.practice_to_edit(user, id).await?;
        let practice =
            read_form(Some(&stored.practice), id.clone(), stored.practice.city.clone(), lang, form)
                .map_err(Refusal::PracticeInvalid)?;
        let status = if user.role == Role::Respondent { PracticeStatus::Draft } else { stored.status };
        if status == PracticeStatus::Published && !practice.consent {
            return Err(Refusal::PracticeNeedsConsent.into());
        }
        let change = PracticeChange {
            practice: &practice,
            status,
            based_on: Some(based_on),
            by: user.email.as_str(),
            comment: None,
        };
        self.store.catalogue().save_practice(change).await?;
        self.sync_catalogue().await?;
        Ok(())
    }

    /// The secretariat publishes a practice (which needs its city's consent) or returns it with
    /// a comment; either is a new version.
    pub async fn decide_practice(
        &self,
        user: &User,
        id: &PracticeId,
        based_on: PracticeVersion,
        decision: PracticeDecision,
    ) -> Result<()> {
        if user.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let stored = self.store.catalogue().practice(id).await?.ok_or(Refusal::NotFound)?;
        let (status, comment) = match decision {
            PracticeDecision::Publish => {
                if !stored.practice.consent {
                    return Err(Refusal::PracticeNeedsConsent.into());
                }
                (PracticeStatus::Published, None)
            }
            PracticeDecision::Return(comment) => {
                let comment = comment.trim().to_string();
                if comment.is_empty() {
                    return Err(Refusal::PracticeReturnNeedsComment.into());
                }
                if comment.chars().count() > MAX_TEXT_CHARS {
                    return Err(Refusal::TextTooLong { max: MAX_TEXT_CHARS }.into());
                }
                (PracticeStatus::Returned, Some(comment))
            }
        };
        let change = PracticeChange {
            practice: &stored.practice,
            status,
            based_on: Some(based_on),
            by: user.email.as_str(),
            comment: comment.as_deref(),
        };
        self.store.catalogue().save_practice(change).await?;
        self.sync_catalogue().await?;
        Ok(())
    }

    /// Published practices another city could learn from for `city`: those of other cities
    /// that work on the sub-areas where it lacks what most cities have (in its latest analysed
    /// edition), from its peers and cities like it first, each with why.
    pub async fn learn_from(&self, city: &City, limit: usize) -> Result<Vec<Suggestion>> {
        let Some((weakest, peers)) = self.weakest_sub_areas(city).await? else { return Ok(Vec::new()) };
        let band =
            (city.population.count > 0).then(|| PopulationBand::of(city.population.count).slug().to_string());
        let index = self.primed_index().await?;
        let (id, section) = (city.id.clone(), city.section.slug().to_string());
        self.blocking(move || index.learn_from(&id, &section, band.as_deref(), &peers, &weakest, limit)).await
    }

    /// The sub-areas of the city's gaps in its latest analysed edition, most telling first (then
    /// those of its weakest axis), and its peers there.
    async fn weakest_sub_areas(&self, city: &City) -> Result<Option<(Vec<String>, Vec<CityId>)>> {
        let mut editions = self.store.study().editions().await?;
        editions.sort_by_key(|e| std::cmp::Reverse(e.year));
        // Only published findings: the suggestions tell where the city stands.
        for edition in editions.into_iter().filter(|e| e.status.published) {
            let Some(stored) = self.results(edition.year).await? else { continue };
            let Some(answers) = self.accepted_answers_of(edition.year, &city.id).await? else { continue };
            let Some(profile) = smartcities_analysis::city_profile(&stored.results, city, &answers) else {
                continue;
            };
            let Some((_, framework)) = self.store.study().framework(edition.year).await? else { continue };
            let sub_area_of = |code: &str| {
                framework
                    .axes
                    .iter()
                    .flat_map(|a| &a.sub_areas)
                    .find(|s| s.questions.iter().any(|q| q.code.as_str() == code))
            };
            let mut weakest: Vec<String> = Vec::new();
            for highlight in profile.highlights.iter().filter(|h| h.standing == Standing::Gap) {
                if let Some(sub_area) = sub_area_of(&highlight.code)
                    && !weakest.iter().any(|w| w == sub_area.code.as_str())
                {
                    weakest.push(sub_area.code.to_string());
                }
            }
            let lowest_axis = profile
                .axis_profile
                .iter()
                .filter_map(|(axis, score)| score.map(|s| (axis, s)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some(axis) =
                lowest_axis.and_then(|(code, _)| framework.axes.iter().find(|a| a.code.as_str() == code))
            {
                for sub_area in &axis.sub_areas {
                    if !weakest.iter().any(|w| w == sub_area.code.as_str()) {
                        weakest.push(sub_area.code.to_string());
                    }
                }
            }
            let peers = profile.peers.iter().filter_map(|p| CityId::parse(&p.city).ok()).collect();
            return Ok(Some((weakest, peers)));
        }
        Ok(None)
    }

    /// The published practices of a city, newest first, and for its respondents and the
    /// secretariat its drafts and returned ones too.
    pub async fn practices_of(&self, viewer: Option<&User>, city: &CityId) -> Result<Vec<Card>> {
        let mut search = Search {
            words: String::new(),
            filters: Default::default(),
            lang: Lang::En,
            order: smartcities_search::Order::Newest,
            page: 1,
            per_page: smartcities_search::MAX_PER_PAGE,
            visibility: Visibility::Public,
        };
        search.filters.city = Some(city.clone());
        Ok(self.search_practices(viewer, search).await?.hits.into_iter().map(|h| h.card).collect())
    }
}

#[cfg(test)]
mod tests {
    use smartcities_domain::{EditionYear, PracticeSource, StudyAxis};
    use smartcities_store::StoredAnswer;

    use super::{index::when, *};

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn id() -> PracticeId {
        PracticeId::parse("es-bilbao-x").unwrap()
    }

    fn city() -> CityId {
        CityId::parse("es-bilbao").unwrap()
    }

    #[test]
    fn a_form_reports_every_problem_beside_its_field() {
        let form = pairs(&[
            ("title", ""),
            ("axis", "space"),
            ("sdg", "18"),
            ("targets", "11.3 zz"),
            ("started", "2021-13"),
            ("links", "https://ok.example\njavascript:alert(1)"),
            ("contact_email", "nobody"),
            ("budget", "infinite"),
        ]);
        let problems = read_form(None, id(), city(), Lang::Es, &form).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        for field in
            ["title", "summary", "axis", "sdg", "targets", "started", "links", "contact_email", "budget"]
        {
            assert!(fields.contains(&field), "{field} missing from {fields:?}");
        }
        assert!(problems.iter().all(|p| !p.message.contains("practice-")), "{problems:?}");
    }

    #[test]
    fn a_form_in_another_language_adds_translations_and_keeps_the_original() {
        let form = pairs(&[
            ("title", "Presupuestos participativos"),
            ("summary", "La ciudadanía decide."),
            ("axis", "governance"),
            ("sdg", "16"),
            ("sdgs", "11"),
            ("targets", "16.7"),
            ("actors", "public"),
            ("actors", "civil_society"),
            ("indicators", "Propuestas: 1.200 en 2023"),
            ("consent", "yes"),
        ]);
        let practice = read_form(None, id(), city(), Lang::Es, &form).unwrap();
        assert_eq!(practice.sdgs, [16, 11]);
        // A target implies its goal, and a decimal comma reads as the point.
        let mut implied = form.clone();
        implied.retain(|(k, _)| k != "targets");
        implied.push(("targets".into(), "9,c; 16.7".into()));
        let practice = read_form(None, id(), city(), Lang::Es, &implied).unwrap();
        assert_eq!(practice.sdgs, [16, 11, 9]);
        assert_eq!(practice.targets.iter().map(ToString::to_string).collect::<Vec<_>>(), ["9.c", "16.7"]);
        assert_eq!(practice.indicators[0].value, "1.200 en 2023");
        assert!(practice.consent);
        let mut english = form_values(&practice, Lang::En);
        english.insert("title".into(), "Participatory budgeting".into());
        english.insert("summary".into(), "Residents decide.".into());
        let english: Vec<(String, String)> = english.into_iter().collect();
        let translated = read_form(Some(&practice), id(), city(), Lang::En, &english).unwrap();
        assert_eq!(translated.title.original, Lang::Es);
        assert_eq!(translated.title.get(Lang::En), ("Participatory budgeting", true));
        assert_eq!(translated.title.get(Lang::Es), ("Presupuestos participativos", false));
    }

    #[test]
    fn entries_of_the_questionnaire_become_drafts() {
        let answer = |question: &str, entry: &str, value: &str| StoredAnswer {
            question: question.into(),
            entry: smartcities_questionnaire::EntryKey::parse(entry).unwrap(),
            value: value.into(),
            revision: smartcities_domain::Revision::NONE.next(),
            questionnaire_version: smartcities_domain::QuestionnaireVersion::FIRST,
            evidence: smartcities_domain::Evidence::SelfReported,
            evidence_note: None,
            updated_by: String::new(),
            updated_at: smartcities_domain::Timestamp::from_unix(0),
        };
        let answers = vec![
            answer("gp_title", "good_practices:2", "Bicing eléctrico"),
            answer(
                "gp_summary",
                "good_practices:2",
                "Bicicletas compartidas para toda la ciudad y sus barrios",
            ),
            answer("gp_axis", "good_practices:2", "new_mobility"),
            answer("gp_sdgs", "good_practices:2", "sdg11 sdg13"),
            answer("gp_link", "good_practices:2", "javascript:alert(1)"),
            answer("gp_axis", "good_practices:3", "new_mobility"),
            answer("be_type", "barriers_enablers:1", "barrier"),
        ];
        let year = EditionYear::new(2025).unwrap();
        let study = |code: &str| (code == "new_mobility").then_some(StudyAxis::Mobility);
        let drafts = drafts_from_answers(year, &city(), &answers, &study);
        assert_eq!(drafts.len(), 1, "an entry without a title is no practice");
        let draft = &drafts[0];
        assert_eq!(draft.id.as_str(), "es-bilbao-2025-bicing-electrico");
        assert_eq!((draft.axis, draft.sdg, draft.sdgs.clone()), (StudyAxis::Mobility, 11, vec![11, 13]));
        assert!(draft.links.is_empty() && !draft.consent);
        assert_eq!(draft.title.original, Lang::Es, "the language its words show");
        assert_eq!(draft.source, Some(PracticeSource { edition: year, entry: 2 }));
    }

    #[test]
    fn timestamps_order_by_date() {
        assert_eq!(when("2026-11-26T19:04:05Z"), 20261126190405);
        assert!(when("2026-11-26T19:04:05Z") > when("2026-02-01T00:00:00Z"));
    }
}
