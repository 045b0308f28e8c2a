//! Pictures uploaded for a catalogue practice: checked as any picture answer is (decoded within
//! bounds, encoded again without metadata), stored with the practice's new version in one
//! transaction, and served to whoever may see the practice.

use sha2::{Digest, Sha256};
use smartcities_domain::{Lang, PracticeId, PracticeStatus, PracticeVersion, Role};
use smartcities_questionnaire::attachment::{Accept, check_attachment};
use smartcities_store::{Attachment, NewAttachment, PracticeChange, User};

use super::may_see;
use crate::{App, Refusal, Result, error::FieldProblem};

/// Pictures one practice may show.
pub const MAX_PICTURES: usize = 6;

/// What is done to a practice's pictures.
#[derive(Debug, Clone)]
pub enum PictureChange {
    /// Add an uploaded picture: the name the browser gave it and its bytes.
    Add {
        /// The upload's name.
        file_name: String,
        /// Its bytes, at most the upload route's limit.
        bytes: Vec<u8>,
    },
    /// Stop showing the picture with this id.
    Remove(String),
}

impl App {
    /// Adds or removes a picture of a practice, as an edit made from version `based_on` by
    /// someone who may edit it (a city's change makes the practice a draft again, as any edit of
    /// theirs does). A picture that fails its checks is refused beside the upload field.
    pub async fn change_practice_picture(
        &self,
        user: &User,
        id: &PracticeId,
        based_on: PracticeVersion,
        change: PictureChange,
        lang: Lang,
    ) -> Result<()> {
        let stored = self.practice_to_edit(user, id).await?;
        let mut practice = stored.practice.clone();
        let status = if user.role == Role::Respondent { PracticeStatus::Draft } else { stored.status };
        let refuse = |message: String| {
            Refusal::PracticeInvalid(vec![FieldProblem { field: "picture".into(), message }])
        };
        let new_picture = match change {
            PictureChange::Remove(picture) => {
                practice.pictures.retain(|p| *p != picture);
                None
            }
            PictureChange::Add { file_name, bytes } => {
                if practice.pictures.len() >= MAX_PICTURES {
                    return Err(refuse(too_many(lang)).into());
                }
                let checked = self.heavy(move || check_attachment(Accept::Image, &file_name, &bytes)).await?;
                let checked = checked.map_err(|problem| refuse(problem.message(lang)))?;
                let picture_id: String =
                    Sha256::digest(&checked.bytes).iter().map(|b| format!("{b:02x}")).collect();
                if !practice.pictures.contains(&picture_id) {
                    practice.pictures.push(picture_id.clone());
                }
                Some(NewAttachment {
                    id: picture_id,
                    file_name: checked.file_name,
                    media_type: checked.media_type.to_string(),
                    body: checked.bytes,
                })
            }
        };
        let change = PracticeChange {
            practice: &practice,
            status,
            based_on: Some(based_on),
            by: user.email.as_str(),
            comment: None,
        };
        let catalogue = self.store.catalogue();
        match &new_picture {
            Some(picture) => catalogue.save_practice_with_picture(change, picture).await?,
            None => catalogue.save_practice(change).await?,
        };
        self.sync_catalogue().await?;
        Ok(())
    }

    /// A picture the practice shows now, for whoever may see the practice.
    pub async fn practice_picture(
        &self,
        viewer: Option<&User>,
        id: &PracticeId,
        picture: &str,
    ) -> Result<Attachment> {
        let stored = self.store.catalogue().practice(id).await?.ok_or(Refusal::NotFound)?;
        if !may_see(viewer, &stored) || !stored.practice.pictures.iter().any(|p| p == picture) {
            return Err(Refusal::NotFound.into());
        }
        self.store.catalogue().practice_picture(id, picture).await?.ok_or_else(|| Refusal::NotFound.into())
    }
}

fn too_many(lang: Lang) -> String {
    match lang {
        Lang::En => format!("a practice shows at most {MAX_PICTURES} pictures; remove one first"),
        Lang::Es => format!("una práctica muestra como máximo {MAX_PICTURES} imágenes; quite una antes"),
        Lang::Fr => format!("une pratique montre au plus {MAX_PICTURES} images ; retirez-en une d'abord"),
    }
}
