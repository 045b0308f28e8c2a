//! An edition's questionnaire: the current version (built from the framework the first time it
//! is needed), XLSForm imports, edits from the web editor and renames that carry answers along.
//! Every change is a new version; an edit based on an older version is refused.

use smartcities_domain::{EditionYear, Lang, Localized, QuestionnaireVersion};
/// The questionnaire's vocabulary and its pure checks, as pages render and check a form.
pub use smartcities_questionnaire::{
    AnswerValue, Condition, EntryKey, FieldName, Group, Item, Kind, Limits, NonAnswer, NonAnswers, Question,
    Questionnaire, Reading, Texts, WorkbookError, WorkbookFor, YES_NO, attachment, check_references,
    check_value,
    expr::{Expr, Function, Op},
    from_framework, is_relevant, labelled_problem, non_answer_problem, read_typed_number, read_xlsform,
    validate,
};
use smartcities_questionnaire::{ImportError, Imported};
use smartcities_store::StoreError;

use crate::{App, AppError, Refusal, Result};

/// What importing an XLSForm did.
#[derive(Debug)]
pub struct ImportOutcome {
    /// The edition did not exist and was created, in planning.
    pub created_edition: bool,
    /// The version now current.
    pub version: QuestionnaireVersion,
    /// Whether the import changed the questionnaire (false: the same as the current version).
    pub changed: bool,
    /// What the import left out, located.
    pub imported: Imported,
}

impl App {
    /// The current questionnaire of an edition and its version; the first time, it is built
    /// from the edition's framework and stored as version 1.
    /// An edition's questionnaire as an XLSForm workbook (survey, choices, settings), with its
    /// version number.
    pub async fn xlsform(&self, year: EditionYear) -> Result<(QuestionnaireVersion, Vec<u8>)> {
        let (version, questionnaire) = self.questionnaire(year).await?;
        let bytes = smartcities_questionnaire::write_xlsform(&questionnaire)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok((version, bytes))
    }

    /// A response's offline workbook in `lang`: one row per question, drop-downs, the answers
    /// given so far, marked with the response's revision so a stale upload is caught.
    pub fn offline_workbook(&self, file: &crate::responses::ResponseFile, lang: Lang) -> Result<Vec<u8>> {
        let target = WorkbookFor {
            edition: file.edition.year.get(),
            city_id: file.city.id.to_string(),
            city_name: file.city.name.clone(),
            revision: file.response.revision,
            lang,
        };
        smartcities_questionnaire::write_answer_workbook(
            &file.questionnaire,
            &file.workbook_answers()?,
            &target,
        )
        .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// An edition's questionnaire and its version, built from the framework (and stored) when
    /// the edition has none yet.
    pub async fn questionnaire(&self, year: EditionYear) -> Result<(QuestionnaireVersion, Questionnaire)> {
        if let Some(found) = self.store.study().questionnaire(year).await? {
            return Ok(found);
        }
        let edition = self.store.study().edition(year).await?.ok_or(StoreError::NoEdition(year))?;
        let (_, framework) =
            self.store.study().framework(year).await?.ok_or(StoreError::NoFramework(year))?;
        let questionnaire = from_framework(&edition, &framework).map_err(|errors| {
            AppError::Internal(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        })?;
        let (version, _) =
            self.store.study().save_questionnaire(year, &questionnaire, "built from the framework").await?;
        Ok((version, questionnaire))
    }

    /// The current questionnaire as [`App::questionnaire`] gives it, shared rather than copied:
    /// what every request reading a city's answers needs.
    pub async fn shared_questionnaire(
        &self,
        year: EditionYear,
    ) -> Result<(QuestionnaireVersion, std::sync::Arc<Questionnaire>)> {
        if let Some(found) = self.store.study().shared_questionnaire(year).await? {
            return Ok(found);
        }
        let (version, questionnaire) = self.questionnaire(year).await?;
        Ok((version, std::sync::Arc::new(questionnaire)))
    }

    /// Imports an XLSForm workbook as the edition's questionnaire (a new version if it differs),
    /// creating the edition in planning if it does not exist. The workbook is read on the
    /// blocking pool within the upload limits; a workbook with errors changes nothing.
    pub async fn import_xlsform(
        &self,
        year: EditionYear,
        bytes: Vec<u8>,
        source: &str,
    ) -> Result<std::result::Result<ImportOutcome, ImportError>> {
        let read = self.heavy(move || read_xlsform(&bytes, &Limits::UPLOAD)).await?;
        let imported = match read {
            Ok(imported) => imported,
            Err(error) => return Ok(Err(error)),
        };
        let texts = &imported.questionnaire.title;
        let lang = imported.questionnaire.default_language;
        let title = Localized {
            en: texts.get(Lang::En, lang).into(),
            es: texts.get(Lang::Es, lang).into(),
            fr: texts.get(Lang::Fr, lang).into(),
        };
        let created_edition = self.store.study().plan_edition(year, &title).await?;
        let (version, changed) =
            self.store.study().save_questionnaire(year, &imported.questionnaire, source).await?;
        Ok(Ok(ImportOutcome { created_edition, version, changed, imported }))
    }

    /// Stores an edited questionnaire as a new version, refused when someone stored another
    /// version since `based_on`. With `renamed`, the answers of the old name move to the new one.
    pub async fn edit_questionnaire(
        &self,
        year: EditionYear,
        based_on: QuestionnaireVersion,
        edited: &Questionnaire,
        renamed: Option<(&str, &str)>,
        source: &str,
    ) -> Result<QuestionnaireVersion> {
        Ok(self.store.study().edit_questionnaire(year, edited, Some(based_on), renamed, source).await?)
    }

    /// Renames a question; its answers, history and comments move with it in one transaction.
    pub async fn rename_question(
        &self,
        year: EditionYear,
        based_on: Option<QuestionnaireVersion>,
        old: &str,
        new: &str,
    ) -> Result<QuestionnaireVersion> {
        let (version, mut questionnaire) = self.questionnaire(year).await?;
        if let Some(based_on) = based_on
            && based_on != version
        {
            return Err(Refusal::QuestionnaireChanged { based_on, now: version }.into());
        }
        let new_name = FieldName::parse(new)
            .map_err(|e| Refusal::InvalidName { name: new.to_string(), reason: e.to_string() })?;
        if questionnaire.question(new).is_some() {
            return Err(Refusal::NameTaken { name: new.to_string() }.into());
        }
        if questionnaire.question(old).is_none() {
            return Err(Refusal::UnknownQuestion { code: old.to_string() }.into());
        }
        questionnaire.rename_question(old, &new_name).map_err(AppError::Internal)?;
        let source = format!("renamed {old} to {new}");
        Ok(self
            .store
            .study()
            .edit_questionnaire(year, &questionnaire, based_on, Some((old, new)), &source)
            .await?)
    }
}
