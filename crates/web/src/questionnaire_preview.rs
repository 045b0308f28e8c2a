//! A question as respondents will see it, in each of the three languages side by side: the
//! question editor shows it under its form, a missing translation marked as the answering page
//! marks it, and `editor-preview.js` carries label and hint into it as they are typed.

use std::collections::HashMap;

use serde::Serialize;
use smartcities_app::questionnaire::{Question, Questionnaire};
use smartcities_domain::Lang;

use crate::{i18n::t, responses::QuestionView};

/// One language's preview of a question.
#[derive(Serialize)]
pub(crate) struct Preview {
    lang: &'static str,
    language: String,
    view: QuestionView,
}

/// The question as a respondent reading each language will see it, unanswered; headings in
/// the editor's language `lang`.
pub(crate) fn previews(lang: Lang, q: &Questionnaire, question: &Question) -> Vec<Preview> {
    let no_comments = HashMap::new();
    Lang::ALL
        .into_iter()
        .map(|reader| Preview {
            lang: reader.code(),
            language: t(lang, &format!("language-{}", reader.code())),
            view: crate::responses::question_view(
                reader,
                q,
                question,
                format!("preview-{}-{}", reader.code(), question.name),
                None,
                &no_comments,
                &|_| String::new(),
            ),
        })
        .collect()
}
