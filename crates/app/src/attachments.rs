//! Files given as answers: a respondent uploads a document or a picture for a file or picture
//! question; it is checked by its content off the async workers, stored with the answer that
//! names it in one transaction, and served only to whoever may read the response.

use sha2::{Digest, Sha256};
use smartcities_domain::{CityId, EditionYear, Lang, Revision};
use smartcities_questionnaire::{
    EntryKey, Kind,
    attachment::{Accept, MAX_RESPONSE_FILE_BYTES, check_attachment},
    labelled_problem,
};
pub use smartcities_store::Attachment;
use smartcities_store::{AnswerChange, NewAttachment, SaveOutcome, StoreError, User};

use crate::{
    AnswerProblem, App, AppError, Refusal, Result,
    policy::may_read_answers,
    responses::{ResponseFile, editor},
};

/// A file as uploaded, for one question (of one repeat entry).
#[derive(Debug, Clone)]
pub struct Upload {
    /// The question's code.
    pub question: String,
    /// The repeat entry, for a question of a repeat group.
    pub entry: Option<EntryKey>,
    /// The name the browser gave it.
    pub file_name: String,
    /// Its bytes, at most the upload route's limit.
    pub bytes: Vec<u8>,
}

impl App {
    /// Checks an uploaded file against its question and stores it as the answer, based on the
    /// revision the page was showing. A file that fails a check, or that would take the response's
    /// files past their bound, is refused beside its question and nothing is written.
    pub async fn attach_file(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        base_revision: Revision,
        upload: Upload,
        lang: Lang,
    ) -> Result<SaveOutcome> {
        let file = self.writable_file(user, year, city).await?;
        let question = file
            .questionnaire
            .questions()
            .into_iter()
            .find(|l| l.question.name.as_str() == upload.question)
            .filter(|l| {
                l.repeat().map(|g| g.name.as_str()) == upload.entry.as_ref().map(|e| e.group.as_str())
            })
            .map(|l| l.question.clone())
            .ok_or_else(|| Refusal::UnknownQuestion { code: upload.question.clone() })?;
        crate::team::check_sections(&file, [upload.question.as_str()], lang)?;
        let accept = match question.kind {
            Kind::File => Accept::Document,
            Kind::Image => Accept::Image,
            _ => return Err(Refusal::UnknownQuestion { code: upload.question.clone() }.into()),
        };
        let refuse = |detail: String| -> AppError {
            let message = labelled_problem(&file.questionnaire, &question, &detail, lang);
            let problem =
                AnswerProblem { question: upload.question.clone(), entry: upload.entry.clone(), message };
            Refusal::InvalidAnswers(vec![problem]).into()
        };
        let Upload { file_name, bytes, .. } = upload.clone();
        let checked = self.heavy(move || check_attachment(accept, &file_name, &bytes)).await?;
        let checked = checked.map_err(|problem| refuse(problem.message(lang)))?;
        let id = hex(&Sha256::digest(&checked.bytes));
        let change = AnswerChange {
            question: upload.question.clone(),
            entry: upload.entry.clone(),
            value: Some(id.as_str().into()),
        };
        let stored = NewAttachment {
            id,
            file_name: checked.file_name,
            media_type: checked.media_type.to_string(),
            body: checked.bytes,
        };
        let saved = self
            .store
            .answering()
            .save_attachment(
                year,
                city,
                base_revision,
                &change,
                &stored,
                MAX_RESPONSE_FILE_BYTES,
                user.email.as_str(),
                editor(user),
            )
            .await;
        match saved {
            Err(StoreError::FilesTooLarge { max, .. }) => Err(refuse(files_full(lang, max))),
            other => Ok(other?),
        }
    }

    /// A stored file of a response, with its bytes, for whoever may read the response.
    pub async fn attachment(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        id: &str,
    ) -> Result<Attachment> {
        if !may_read_answers(user, city) {
            return Err(Refusal::Forbidden.into());
        }
        self.store.answering().attachment(year, city, id).await?.ok_or_else(|| Refusal::NotFound.into())
    }
}

/// Answers to file questions in `changes` that name no file of this response, as problems: a
/// file becomes an answer only by being uploaded (then its id is known).
pub(crate) fn unknown_files(
    file: &ResponseFile,
    stored: &[Attachment],
    changes: &[AnswerChange],
    lang: Lang,
) -> Vec<AnswerProblem> {
    changes
        .iter()
        .filter_map(|change| {
            let value = change.value.as_ref()?;
            let question = file.questionnaire.question(&change.question)?;
            let known = stored.iter().any(|a| a.id == value.as_str());
            (question.kind.takes_file() && !known).then(|| {
                let detail = match lang {
                    Lang::En => "upload the file with its button",
                    Lang::Es => "suba el archivo con su botón",
                    Lang::Fr => "envoyez le fichier avec son bouton",
                };
                AnswerProblem {
                    question: change.question.clone(),
                    entry: change.entry.clone(),
                    message: labelled_problem(&file.questionnaire, question, detail, lang),
                }
            })
        })
        .collect()
}

fn files_full(lang: Lang, max: u64) -> String {
    let mb = max / (1024 * 1024);
    match lang {
        Lang::En => format!("the files of this response would pass {mb} MB together; remove one first"),
        Lang::Es => format!("los archivos de esta respuesta superarían juntos los {mb} MB; quite uno antes"),
        Lang::Fr => {
            format!("les fichiers de cette réponse dépasseraient ensemble {mb} Mo ; retirez-en un d'abord")
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
