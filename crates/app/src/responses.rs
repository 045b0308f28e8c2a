//! A city's response to an edition: who may read and change it (the secretariat, analysts, the
//! city's focal point, its colleagues for their sections), saving answers (from the form,
//! autosave or a workbook) and submitting; the secretariat's review is `review.rs`'s. Answers
//! are taken only while the edition is open and only
//! for a city that was invited; every save is checked on the server as the workbook is, within
//! bounds on answer length and entry counts, and lands whole or not at all.

use std::collections::{BTreeMap, BTreeSet};

use smartcities_domain::{
    City, CityId, Collection, Edition, EditionYear, Lang, ResponseMove, ResponseStatus, Revision, Role,
};
use smartcities_questionnaire::{
    AnswerKey, AnswerValue, Answers, EntryKey, Limits, Questionnaire, WorkbookFor, check_value,
    read_answer_workbook, validate,
};
pub use smartcities_store::{
    AnswerChange, ChangeRecord, Conflict, NoteChange, ReviewComment, SaveOutcome, StoredAnswer, StoredNote,
};
use smartcities_store::{Editor, ResponseRecord, User};

use crate::{
    App, Closure, Refusal, Result,
    policy::{Access, may_read_answers, may_write_answers, response_access},
    team_problem::TeamProblem,
};

/// The longest answer accepted, in characters: a long description fits many times over.
pub const MAX_ANSWER_CHARS: usize = 20_000;
/// Entries a repeat group (good practices, barriers and enablers) may hold in one response.
pub const MAX_ENTRIES_PER_GROUP: usize = 100;
/// Entries of all repeat groups together in one response.
pub const MAX_ENTRIES: usize = 300;

pub use crate::error::AnswerProblem;

/// Who is saving, for the response's lifecycle.
pub(crate) fn editor(user: &User) -> Editor {
    if user.role == Role::Secretariat { Editor::Secretariat } else { Editor::Respondent }
}

/// Everything a response's pages need, read after the permission check. Reading never writes.
#[derive(Debug, Clone)]
pub struct ResponseFile {
    /// The edition.
    pub edition: Edition,
    /// Its current questionnaire, shared with the other requests.
    pub questionnaire: std::sync::Arc<Questionnaire>,
    /// The city.
    pub city: City,
    /// The city's response record.
    pub response: ResponseRecord,
    /// Its answers, by question and entry.
    pub answers: Vec<StoredAnswer>,
    /// The respondent's notes on answers, by question and entry.
    pub notes: Vec<StoredNote>,
    /// The files stored for it (without their bytes), oldest first.
    pub attachments: Vec<smartcities_store::Attachment>,
    /// Everyone answering for the city: focal points, then colleagues with their sections.
    pub team: Vec<smartcities_store::TeamMember>,
    /// What the reader may do with it.
    pub access: Access,
    /// The secretariat's address, for a city that can no longer answer.
    pub contact: Option<String>,
    /// The day it was read, by the application's clock.
    pub today: smartcities_domain::Day,
}

impl ResponseFile {
    /// Whether `user` may change the response now: allowed to write, the edition open for it,
    /// and the lifecycle allowing a save.
    pub fn editable_by(&self, user: &User) -> bool {
        self.access.writes_any()
            && self.closed_to(user).is_none()
            && self.response.status.after(editor(user).save_move()).is_some()
    }

    /// Whether `user` may change the answers of `section` (a top-level group's name) now.
    pub fn section_editable_by(&self, user: &User, section: &str) -> bool {
        self.access.writes_section(Some(section)) && self.editable_by(user)
    }

    /// Whether `user` may act for the whole response now: submit it, upload a workbook, start
    /// from the previous edition's answers.
    pub fn whole_editable_by(&self, user: &User) -> bool {
        self.access.acts_for_city() && self.editable_by(user)
    }

    /// The name of the person whose address `by` is, as the city's team or the secretariat
    /// knows them; the address itself for anyone else.
    pub fn name_of<'a>(&'a self, by: &'a str) -> &'a str {
        self.team
            .iter()
            .find(|m| m.user.email.as_str().eq_ignore_ascii_case(by))
            .map_or(by, |m| m.user.name.as_str())
    }

    /// Why the edition does not take `user`'s changes now (collection not open, or the city's
    /// deadline behind), with the secretariat's address to write to; `None` when it does.
    pub fn closed_to(&self, user: &User) -> Option<Refusal> {
        open_for(&self.edition, editor(user), Some(&self.response), self.contact.as_deref(), self.today).err()
    }

    /// The answers in the shape of the offline workbook.
    pub fn workbook_answers(&self) -> Result<Answers> {
        Ok(Answers::from_entries(
            self.answers.iter().map(|a| (a.question.as_str(), a.entry.as_ref(), a.value.as_str())),
        ))
    }
}

/// Whether the edition takes changes from this editor now: a city only while collection is open
/// and its deadline (its own, when the secretariat gave it longer, or the edition's) is not
/// behind; the secretariat's corrections also once collection is closed, until the findings
/// are published. `contact` is the
/// secretariat's address a refusal points to.
pub(crate) fn open_for(
    edition: &Edition,
    editor: Editor,
    response: Option<&ResponseRecord>,
    contact: Option<&str>,
    today: smartcities_domain::Day,
) -> std::result::Result<(), Refusal> {
    let refuse =
        |why| Refusal::NotTakingAnswers { edition: edition.year, why, contact: contact.map(str::to_string) };
    match (edition.status.collection, editor) {
        (Collection::Planning, _) => Err(refuse(Closure::NotOpenYet)),
        (Collection::Closed, Editor::Respondent) => Err(refuse(Closure::Closed)),
        // Once collection is closed and the findings are out, the answers behind them stay put.
        (Collection::Closed, Editor::Secretariat) if edition.status.published => Err(refuse(Closure::Closed)),
        (Collection::Closed | Collection::Open, Editor::Secretariat) => Ok(()),
        // The deadline is the city's: known once its response is read.
        (Collection::Open, Editor::Respondent) if response.is_none() => Ok(()),
        (Collection::Open, Editor::Respondent) => {
            let Some(last_day) = crate::campaign::last_day_for(edition, response) else { return Ok(()) };
            if today > last_day { Err(refuse(Closure::DeadlinePassed { last_day })) } else { Ok(()) }
        }
    }
}

/// The changes that make `current` equal to `desired` (keyed by question and entry).
fn changes_to_match(
    current: &[StoredAnswer],
    desired: &BTreeMap<AnswerKey, AnswerValue>,
) -> Vec<AnswerChange> {
    let key = |a: &StoredAnswer| AnswerKey { question: a.question.clone(), entry: a.entry.clone() };
    let mut changes: Vec<AnswerChange> = current
        .iter()
        .filter(|a| !desired.contains_key(&key(a)))
        .map(|a| AnswerChange { question: a.question.clone(), entry: a.entry.clone(), value: None })
        .collect();
    for (AnswerKey { question, entry }, value) in desired {
        let same = current.iter().any(|a| &a.question == question && &a.entry == entry && &a.value == value);
        if !same {
            changes.push(AnswerChange {
                question: question.clone(),
                entry: entry.clone(),
                value: Some(value.clone()),
            });
        }
    }
    changes
}

/// The checks a city's save passes, for answers made up by the demonstration.
pub(crate) fn check_demo_changes(
    questionnaire: &Questionnaire,
    changes: &[AnswerChange],
) -> std::result::Result<(), Refusal> {
    check_changes(questionnaire, &[], changes, Lang::En)
}

/// Checks a save against the questionnaire as the workbook reader does: known questions in
/// their right places, well-formed entries, values of the right type within their constraints,
/// answers of bounded length, and entry counts within bounds once the save is applied.
pub(crate) fn check_changes(
    questionnaire: &Questionnaire,
    current: &[StoredAnswer],
    changes: &[AnswerChange],
    lang: Lang,
) -> std::result::Result<(), Refusal> {
    let located: BTreeMap<&str, Option<String>> = questionnaire
        .questions()
        .into_iter()
        .map(|l| (l.question.name.as_str(), l.repeat().map(|g| g.name.to_string())))
        .collect();
    // The plain answers as they will be, for constraints that refer to other questions.
    let mut values: BTreeMap<String, String> = current
        .iter()
        .filter(|a| a.entry.is_none())
        .map(|a| (a.question.clone(), a.value.to_string()))
        .collect();
    for change in changes.iter().filter(|c| c.entry.is_none()) {
        match &change.value {
            Some(v) => values.insert(change.question.clone(), v.to_string()),
            None => values.remove(&change.question),
        };
    }
    let answered = |name: &str| values.get(name).cloned().unwrap_or_default();
    let lookup = questionnaire.with_calculations(&answered);
    let mut problems = Vec::new();
    for change in changes {
        let problem = |message: String| AnswerProblem {
            question: change.question.clone(),
            entry: change.entry.clone(),
            message,
        };
        let Some(repeat) = located.get(change.question.as_str()) else {
            return Err(Refusal::UnknownQuestion { code: change.question.clone() });
        };
        if change.entry.as_ref().map(|e| e.group.to_string()) != *repeat {
            return Err(Refusal::UnknownEntry { entry: EntryKey::column(change.entry.as_ref()) });
        }
        let Some(value) = &change.value else { continue };
        if value.as_str().chars().count() > MAX_ANSWER_CHARS {
            return Err(Refusal::AnswerTooLong { question: change.question.clone(), max: MAX_ANSWER_CHARS });
        }
        if value.as_str().chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            problems.push(problem(smartcities_locale::t(lang, "answer-control-characters")));
            continue;
        }
        let question = questionnaire.question(&change.question).expect("located above");
        if let Some((_, message)) = check_value(questionnaire, question, value.as_str(), &lookup, lang) {
            problems.push(problem(message));
        }
    }
    if !problems.is_empty() {
        return Err(Refusal::InvalidAnswers(problems));
    }
    // Entries per group once the save is applied.
    let mut entries: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    let mut present: BTreeSet<(&str, &EntryKey)> = BTreeSet::new();
    for answer in current {
        if let Some(entry) = &answer.entry {
            present.insert((answer.question.as_str(), entry));
        }
    }
    for change in changes {
        let Some(entry) = &change.entry else { continue };
        let key = (change.question.as_str(), entry);
        match change.value {
            Some(_) => present.insert(key),
            None => present.remove(&key),
        };
    }
    for (_, key) in &present {
        entries.entry(key.group.to_string()).or_default().insert(key.id);
    }
    for (group, ids) in &entries {
        if ids.len() > MAX_ENTRIES_PER_GROUP {
            return Err(Refusal::TooManyEntries { group: group.clone(), max: MAX_ENTRIES_PER_GROUP });
        }
    }
    if entries.values().map(BTreeSet::len).sum::<usize>() > MAX_ENTRIES {
        return Err(Refusal::TooManyEntries { group: String::new(), max: MAX_ENTRIES });
    }
    Ok(())
}

impl App {
    /// The editions `user` sees on their page, newest first, with their city's response status
    /// in each: a respondent sees only the editions their city was invited to.
    pub async fn my_editions(&self, user: &User) -> Result<Vec<(Edition, Option<ResponseStatus>)>> {
        let mut out = Vec::new();
        for edition in self.store.study().editions().await?.into_iter().rev() {
            let status = match &user.city {
                Some(city) => self.store.answering().response(edition.year, city).await?.map(|r| r.status),
                None => None,
            };
            if user.role == Role::Respondent && status.is_none() {
                continue;
            }
            out.push((edition, status));
        }
        Ok(out)
    }

    /// The secretariat's comments on a response read with [`App::response_file`], every
    /// return's, oldest first.
    pub async fn review_comments(&self, file: &ResponseFile) -> Result<Vec<ReviewComment>> {
        Ok(self.store.answering().review_comments(file.edition.year, &file.city.id).await?)
    }

    /// A response's answers as the questionnaire's checks read them.
    pub async fn response_values(&self, file: &ResponseFile) -> Result<smartcities_questionnaire::Response> {
        Ok(self.store.answering().response_values(file.edition.year, &file.city.id).await?)
    }

    /// A page of a response's changes, newest first (of one question, or all), and how many
    /// there are.
    pub async fn answer_history(
        &self,
        file: &ResponseFile,
        question: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<ChangeRecord>, usize)> {
        Ok(self
            .store
            .answering()
            .answer_history(file.edition.year, &file.city.id, question, limit, offset)
            .await?)
    }

    /// How many answers a question of an edition has (renaming or removing it moves or loses
    /// them). Staff only.
    pub async fn answer_count(&self, by: &User, year: EditionYear, question: &str) -> Result<i64> {
        if !crate::policy::is_staff(by.role) {
            return Err(Refusal::Forbidden.into());
        }
        Ok(self.store.study().answer_count(year, question).await?)
    }

    /// A city's response for `user`, read without writing anything. Not found when the edition
    /// or city does not exist or the city was not invited; forbidden when `user` may not read it.
    pub async fn response_file(&self, user: &User, year: EditionYear, city: &CityId) -> Result<ResponseFile> {
        self.read_response(user, year, city, false).await
    }

    /// The response `user` may change now, or why not: the edition must take answers from them,
    /// and the city must have been invited.
    pub(crate) async fn writable_file(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
    ) -> Result<ResponseFile> {
        self.read_response(user, year, city, true).await
    }

    async fn read_response(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        writing: bool,
    ) -> Result<ResponseFile> {
        if !(if writing { may_write_answers(user, city) } else { may_read_answers(user, city) }) {
            return Err(Refusal::Forbidden.into());
        }
        let terms = match user.role {
            Role::Respondent => self.store.teams().colleague_terms(&user.id, year).await?,
            Role::Secretariat | Role::Analyst => None,
        };
        let access = response_access(user, city, terms.as_ref()).ok_or(Refusal::Forbidden)?;
        if writing && !access.writes_any() {
            return Err(Refusal::Forbidden.into());
        }
        let edition = self.store.study().edition(year).await?.ok_or(Refusal::NotFound)?;
        if writing {
            open_for(&edition, editor(user), None, self.contact.as_deref(), self.today())?;
        }
        let city = self.store.registry().city(city).await?.ok_or(Refusal::NotFound)?;
        let response = self.store.answering().response(year, &city.id).await?;
        let response = response.ok_or(if writing { Refusal::NotInvited } else { Refusal::NotFound })?;
        if writing {
            open_for(&edition, editor(user), Some(&response), self.contact.as_deref(), self.today())?;
        }
        let (_, questionnaire) = self.shared_questionnaire(year).await?;
        let answering = self.store.answering();
        Ok(ResponseFile {
            answers: answering.answers(year, &city.id).await?,
            notes: answering.answer_notes(year, &city.id).await?,
            attachments: answering.attachments(year, &city.id).await?,
            team: self.store.teams().team(&city.id, year).await?,
            edition,
            questionnaire,
            city,
            response,
            access,
            contact: self.contact.clone(),
            today: self.today(),
        })
    }

    pub(crate) fn require_secretariat(user: &User) -> Result<()> {
        if user.role == Role::Secretariat { Ok(()) } else { Err(Refusal::Forbidden.into()) }
    }

    /// Saves answers (from a page of the form or autosave), based on the revision the page was
    /// showing. Refused whole if any answer is unknown, malformed or invalid; a conflict with
    /// someone else's newer answer writes nothing and is returned as such.
    pub async fn save_answers(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        base_revision: Revision,
        changes: &[AnswerChange],
        lang: Lang,
    ) -> Result<SaveOutcome> {
        let file = self.writable_file(user, year, city).await?;
        self.save_answers_in(user, &file, base_revision, changes, lang).await
    }

    /// Saves answers into a response file the caller has just read with
    /// [`App::response_file`] (a page that shows the form after saving needs it anyway): the
    /// same checks as [`App::save_answers`] without reading the response a second time.
    pub async fn save_answers_in(
        &self,
        user: &User,
        file: &ResponseFile,
        base_revision: Revision,
        changes: &[AnswerChange],
        lang: Lang,
    ) -> Result<SaveOutcome> {
        self.save_page_in(user, file, base_revision, changes, &[], lang).await
    }

    /// Reads an uploaded workbook (on the blocking pool, within bounds) and makes the stored
    /// answers equal to it, as one save based on the revision the workbook was made at.
    pub async fn upload_workbook(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        bytes: Vec<u8>,
        lang: Lang,
    ) -> Result<SaveOutcome> {
        let file = self.writable_file(user, year, city).await?;
        let target = WorkbookFor {
            edition: year.get(),
            city_id: file.city.id.to_string(),
            city_name: file.city.name.clone(),
            revision: file.response.revision,
            lang,
        };
        let questionnaire = file.questionnaire.clone();
        let read = self
            .heavy(move || read_answer_workbook(&questionnaire, &bytes, &target, &Limits::UPLOAD))
            .await?;
        let uploaded = read.map_err(Refusal::Workbook)?;
        // A workbook cannot carry files: answers to file questions stay as they are.
        let takes_file =
            |question: &str| file.questionnaire.question(question).is_some_and(|q| q.kind.takes_file());
        let mut changes = changes_to_match(&file.answers, &uploaded.answers.flatten());
        changes.retain(|c| !takes_file(&c.question));
        // A colleague's workbook changes their own sections only; the rest of it is what the
        // others answered, as it stood when it was downloaded.
        changes.retain(|c| {
            file.access.writes_section(crate::sections::section_of(&file.questionnaire, &c.question))
        });
        check_changes(&file.questionnaire, &file.answers, &changes, lang)?;
        let user_name = user.email.as_str();
        Ok(self
            .store
            .answering()
            .save_answers(year, city, uploaded.base_revision, &changes, user_name, editor(user))
            .await?)
    }

    /// Hands the answers in for review, once nothing required is missing or invalid. Submitting
    /// twice (a double click) is not an error.
    pub async fn submit(&self, user: &User, year: EditionYear, city: &CityId, lang: Lang) -> Result<()> {
        let file = self.writable_file(user, year, city).await?;
        if !file.access.acts_for_city() {
            return Err(TeamProblem::FocalPointOnly.into());
        }
        if file.response.status == ResponseStatus::Submitted {
            return Ok(());
        }
        let values = self.store.answering().response_values(year, city).await?;
        if !validate(&file.questionnaire, &values, lang).is_empty() {
            return Err(Refusal::Incomplete.into());
        }
        self.store.answering().move_response(year, city, ResponseMove::Submit).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use smartcities_domain::{EditionFile, Email};
    use smartcities_questionnaire::from_framework;

    use super::*;

    fn questionnaire() -> Questionnaire {
        let file = EditionFile::parse(include_str!("../../../data/editions/2023.toml")).unwrap();
        from_framework(&file.edition, &file.framework).unwrap()
    }

    fn set(question: &str, entry: &str, value: &str) -> AnswerChange {
        AnswerChange {
            question: question.into(),
            entry: EntryKey::parse(entry).unwrap(),
            value: Some(value.into()),
        }
    }

    #[test]
    fn saves_are_checked_as_the_workbook_checks_them() {
        let q = questionnaire();
        let ok = [set("pilots_last_2y", "", "12"), set("gp_title", "good_practices:3", "Open data portal")];
        assert_eq!(check_changes(&q, &[], &ok, Lang::En), Ok(()));
        let wrong_type = check_changes(&q, &[], &[set("pilots_last_2y", "", "abc")], Lang::Es);
        assert!(
            matches!(&wrong_type, Err(Refusal::InvalidAnswers(p)) if p[0].message.contains("número entero")),
            "{wrong_type:?}"
        );
        assert_eq!(
            check_changes(&q, &[], &[set("no_such_question", "", "1")], Lang::En),
            Err(Refusal::UnknownQuestion { code: "no_such_question".into() })
        );
        assert_eq!(
            check_changes(&q, &[], &[set("gp_title", "made_up:1", "x")], Lang::En),
            Err(Refusal::UnknownEntry { entry: "made_up:1".into() }),
            "an entry of a group that is not a repeat group"
        );
        // Malformed entries never become an entry key: refused where they are read.
        for entry in
            ["good_practices:0", "good_practices:18446744073709551615", "good_practices", "Bad Group:1"]
        {
            assert!(EntryKey::parse(entry).is_err(), "{entry}");
        }
        assert_eq!(
            check_changes(&q, &[], &[set("pilots_last_2y", "good_practices:1", "3")], Lang::En),
            Err(Refusal::UnknownEntry { entry: "good_practices:1".into() }),
            "an ordinary question in an entry"
        );
        let long = "x".repeat(MAX_ANSWER_CHARS + 1);
        assert_eq!(
            check_changes(&q, &[], &[set("cpi_description", "", &long)], Lang::En),
            Err(Refusal::AnswerTooLong { question: "cpi_description".into(), max: MAX_ANSWER_CHARS })
        );
        let nul = check_changes(&q, &[], &[set("cpi_description", "", "a\0b")], Lang::En);
        assert!(matches!(nul, Err(Refusal::InvalidAnswers(_))), "{nul:?}");
        let many: Vec<AnswerChange> = (1..=MAX_ENTRIES_PER_GROUP as u64 + 1)
            .map(|id| set("gp_title", &format!("good_practices:{id}"), "p"))
            .collect();
        assert_eq!(
            check_changes(&q, &[], &many, Lang::En),
            Err(Refusal::TooManyEntries { group: "good_practices".into(), max: MAX_ENTRIES_PER_GROUP })
        );
        assert_eq!(check_changes(&q, &[], &many[..MAX_ENTRIES_PER_GROUP], Lang::En), Ok(()));
    }

    #[test]
    fn only_the_city_and_the_secretariat_write() {
        let user = |role, city: Option<&str>| User {
            id: "u".into(),
            email: Email::parse("a@b.example").unwrap(),
            name: "A".into(),
            role,
            city: city.map(|c| CityId::parse(c).unwrap()),
            password_hash: None,
            disabled: false,
            lang: None,
        };
        let bilbao = CityId::parse("es-bilbao").unwrap();
        assert!(may_write_answers(&user(Role::Respondent, Some("es-bilbao")), &bilbao));
        assert!(!may_write_answers(&user(Role::Respondent, Some("sn-dakar")), &bilbao));
        assert!(!may_read_answers(&user(Role::Respondent, Some("sn-dakar")), &bilbao));
        assert!(
            may_read_answers(&user(Role::Analyst, None), &bilbao)
                && !may_write_answers(&user(Role::Analyst, None), &bilbao)
        );
        assert!(may_write_answers(&user(Role::Secretariat, None), &bilbao));
    }
}
