//! Making a new edition on the web, as the study does every two years or so: by copying a
//! previous edition's framework and questionnaire, keeping the mapping of its axes to the six
//! study axes and pointing every copied question to the one it was copied from, so that trends
//! follow it. The new edition starts in planning, with its title in three languages, its focus
//! (every axis, or one) and its timeline.

use smartcities_domain::{
    ApproxDate, Edition, EditionFile, EditionStatus, EditionYear, Focus, Framework, Lang, Localized,
    QuestionRef, StudyAxis,
};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_store::User;

use crate::{
    App, Refusal, Result,
    campaign::{call_milestone, deadline_milestone},
};

/// The longest title accepted, in characters.
pub const MAX_TITLE_CHARS: usize = 300;

/// A new edition as the secretariat typed it.
#[derive(Debug, Clone)]
pub struct NewEdition {
    /// Its year.
    pub year: String,
    /// `holistic` for every axis alike, or a study axis's slug (`governance`).
    pub focus: String,
    /// Its title in Spanish, English and French.
    pub title: Localized,
    /// The call for participation, `YYYY-MM-DD` (or `YYYY-MM`), if planned.
    pub call: String,
    /// The deadline for questionnaires, if planned.
    pub deadline: String,
    /// The edition whose framework and questionnaire it copies.
    pub copy_from: String,
}

/// The focus a form names.
fn focus_of(text: &str) -> Option<Focus> {
    match text.trim() {
        "holistic" => Some(Focus::Holistic),
        axis => StudyAxis::parse(axis).ok().map(Focus::Axis),
    }
}

/// A date typed in the form, if any; `Err` with the field's problem when it does not read.
fn date_of(text: &str) -> std::result::Result<Option<ApproxDate>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    ApproxDate::parse(text).map(Some).map_err(|_| ())
}

/// The framework of `from` as the new edition's: the same axes, their study axes and questions,
/// each question continuing the one it was copied from.
fn copied_framework(from: &Framework, year: EditionYear) -> std::result::Result<Framework, String> {
    let mut axes = from.axes.clone();
    for question in axes.iter_mut().flat_map(|a| a.sub_areas.iter_mut()).flat_map(|s| s.questions.iter_mut())
    {
        question.continues = Some(QuestionRef { edition: from.edition, code: question.code.clone() });
    }
    Framework::new(year, axes)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
}

impl App {
    /// Creates an edition in planning by copying `copy_from`'s framework and questionnaire; the
    /// secretariat only. Every problem of the form is returned at once, in `lang`, and nothing is
    /// written on any.
    pub async fn create_edition(&self, user: &User, new: &NewEdition, lang: Lang) -> Result<EditionYear> {
        Self::require_secretariat(user)?;
        let mut problems = Vec::new();
        let mut say =
            |key: &str, args: &[(&str, FluentValue<'static>)]| problems.push(translate(lang, key, args));
        let year = EditionYear::parse(new.year.trim()).ok();
        let from = EditionYear::parse(new.copy_from.trim()).ok();
        let editions = self.store.study().editions().await?;
        match year {
            None => say("new-edition-year-invalid", &[]),
            Some(y) if editions.iter().any(|e| e.year == y) => {
                say("new-edition-year-taken", &[("year", y.to_string().into())])
            }
            Some(_) => {}
        }
        let source = from.and_then(|f| editions.iter().find(|e| e.year == f));
        if source.is_none() {
            say("new-edition-copy-unknown", &[]);
        }
        let focus = focus_of(&new.focus);
        if focus.is_none() {
            say("new-edition-focus-invalid", &[]);
        }
        let title = Localized {
            en: new.title.en.trim().to_string(),
            es: new.title.es.trim().to_string(),
            fr: new.title.fr.trim().to_string(),
        };
        for lang_of_title in [Lang::Es, Lang::En, Lang::Fr] {
            let text = title.get(lang_of_title);
            let language = FluentValue::from(t(lang, &format!("language-{}", lang_of_title.code())));
            if text.is_empty() {
                say("new-edition-title-missing", &[("language", language)]);
            } else if text.chars().count() > MAX_TITLE_CHARS || text.chars().any(char::is_control) {
                say(
                    "new-edition-title-invalid",
                    &[("language", language), ("max", (MAX_TITLE_CHARS as i64).into())],
                );
            }
        }
        let (call, deadline) = (date_of(&new.call), date_of(&new.deadline));
        if call.is_err() || deadline.is_err() {
            say("new-edition-date-invalid", &[]);
        }
        if let (Ok(Some(call)), Ok(Some(deadline))) = (&call, &deadline)
            && deadline.last_day() <= call.last_day()
        {
            say("new-edition-deadline-before-call", &[]);
        }
        let (Some(year), Some(source), Some(focus), Ok(call), Ok(deadline)) =
            (year, source, focus, call, deadline)
        else {
            return Err(Refusal::ImportInvalid(problems).into());
        };
        if !problems.is_empty() {
            return Err(Refusal::ImportInvalid(problems).into());
        }
        let (_, framework) = self.store.study().framework(source.year).await?.ok_or(Refusal::NotFound)?;
        let framework = copied_framework(&framework, year).map_err(|e| Refusal::ImportInvalid(vec![e]))?;
        let (_, questionnaire) = self.shared_questionnaire(source.year).await?;
        let mut questionnaire = (*questionnaire).clone();
        questionnaire.title = smartcities_questionnaire::Texts::new(&title.en, &title.es, &title.fr);
        questionnaire.form_id = format!("smartcities_{year}");
        let mut milestones = Vec::new();
        milestones.extend(call.map(call_milestone));
        milestones.extend(deadline.map(deadline_milestone));
        let edition = Edition {
            year,
            title,
            focus,
            status: EditionStatus { collection: smartcities_domain::Collection::Planning, published: false },
            milestones,
            show_rankings: source.show_rankings,
            public_scores: false,
            reported_participants: None,
            sources: Vec::new(),
            scoring: source.scoring.clone(),
            index: source.index.clone(),
        };
        self.store.study().save_edition(&EditionFile { edition, framework }).await?;
        let note = format!("{} {}", t(Lang::En, "new-edition-copied-note"), source.year);
        self.store.study().save_questionnaire(year, &questionnaire, &note).await?;
        tracing::info!(by = %user.email.as_str(), %year, from = %source.year, "edition created by copying");
        Ok(year)
    }
}
