//! Saving a page of answers with the respondent's notes on them ("figure from 2022, the 2024
//! one is not out yet"): checked like answers, written in the same transaction. Notes are read by
//! the respondent, the reviewers and the answers export; nothing public reads them.

use smartcities_domain::Lang;
use smartcities_store::{AnswerChange, NoteChange, SaveOutcome, User};

use crate::{
    App, Refusal, Result,
    policy::may_write_answers,
    responses::{ResponseFile, check_changes, editor, open_for},
};

/// The longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;

impl App {
    /// Saves answers and notes into a response file the caller has just read, based on the
    /// revision the page was showing: the checks of [`App::save_answers`], and each note on a
    /// question of the questionnaire within [`MAX_NOTE_CHARS`]. Both land or neither.
    pub async fn save_page_in(
        &self,
        user: &User,
        file: &ResponseFile,
        base_revision: smartcities_domain::Revision,
        changes: &[AnswerChange],
        notes: &[NoteChange],
        lang: Lang,
    ) -> Result<SaveOutcome> {
        if !may_write_answers(user, &file.city.id) {
            return Err(Refusal::Forbidden.into());
        }
        open_for(&file.edition, editor(user), Some(&file.response), self.contact.as_deref(), self.today())?;
        let sections =
            changes.iter().map(|c| c.question.as_str()).chain(notes.iter().map(|n| n.question.as_str()));
        crate::team::check_sections(file, sections, lang)?;
        check_changes(&file.questionnaire, &file.answers, changes, lang)?;
        check_notes(file, notes)?;
        let unknown = crate::attachments::unknown_files(file, &file.attachments, changes, lang);
        if !unknown.is_empty() {
            return Err(Refusal::InvalidAnswers(unknown).into());
        }
        let (year, city) = (file.edition.year, &file.city.id);
        Ok(self
            .store
            .answering()
            .save_answers_and_notes(
                year,
                city,
                base_revision,
                changes,
                notes,
                user.email.as_str(),
                editor(user),
            )
            .await?)
    }
}

/// Each note on a question of the questionnaire (in the repeat group it names, if any), and
/// none too long.
fn check_notes(file: &ResponseFile, notes: &[NoteChange]) -> Result<()> {
    for note in notes {
        let located =
            file.questionnaire.questions().into_iter().find(|l| l.question.name.as_str() == note.question);
        let Some(located) = located else {
            return Err(Refusal::UnknownQuestion { code: note.question.clone() }.into());
        };
        let in_group = located.repeat().map(|g| g.name.as_str());
        if in_group != note.entry.as_ref().map(|e| e.group.as_str()) {
            let entry = note.entry.as_ref().map_or_else(|| "-".to_string(), ToString::to_string);
            return Err(Refusal::UnknownEntry { entry }.into());
        }
        if note.note.as_deref().is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
            return Err(
                Refusal::AnswerTooLong { question: note.question.clone(), max: MAX_NOTE_CHARS }.into()
            );
        }
    }
    Ok(())
}
