//! Answering a questionnaire on the web, and reviewing and accepting responses. Every page works
//! without JavaScript; a small script saves as the respondent types. One module per page family:
//! the overview, answering a part of the questionnaire, the secretariat's review, and the
//! response's records (print, history, workbook).

mod answering;
mod files;
mod overview;
mod records;
mod review;
mod team;

pub use answering::{group_form, save_group};
pub use files::{download_file, upload_file};
pub use overview::{carry_over, overview, submitted};
pub use records::{history, print, upload_workbook, workbook};
pub use review::{decide, review, submit};
pub use team::{act as team_act, team};

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use smartcities_app::policy::Access;
use smartcities_app::questionnaire::{
    AnswerValue, EntryKey, Item, Kind, Question, Questionnaire, Reading, check_value,
};
use smartcities_app::responses::ResponseFile;
use smartcities_app::{
    User,
    responses::{StoredAnswer, StoredNote},
};
use smartcities_domain::{CityId, EditionYear, Lang, Revision};

use crate::{
    auth::Viewer,
    i18n::t,
    page::{Ctx, PageError, refused},
};

/// Everything a response page needs, read after the permission check.
type Loaded = ResponseFile;

async fn load(ctx: &Ctx<'_>, year: &str, city: &str) -> Result<Loaded, PageError> {
    let lang = ctx.lang;
    let Some(session) = &ctx.viewer.0 else {
        return Err(PageError::SignIn(ctx.uri.to_string()));
    };
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let city_id = CityId::parse(city).map_err(|_| PageError::NotFound(lang))?;
    ctx.state.app.response_file(&session.user, year, &city_id).await.map_err(refused(lang))
}

/// The signed-in user behind a viewer that `load` admitted.
fn user_of(viewer: &Viewer) -> Result<&User, PageError> {
    viewer.0.as_ref().map(|s| &s.user).ok_or_else(|| PageError::Internal("no session".into()))
}

/// Whether the viewer may change this response now.
fn can_edit(viewer: &Viewer, loaded: &Loaded) -> bool {
    viewer.0.as_ref().is_some_and(|s| loaded.editable_by(&s.user))
}

fn value_of<'a>(
    answers: &'a [StoredAnswer],
    question: &str,
    entry: Option<&EntryKey>,
) -> Option<&'a StoredAnswer> {
    answers.iter().find(|a| a.question == question && a.entry.as_ref() == entry)
}

fn plain_values(answers: &[StoredAnswer]) -> BTreeMap<String, String> {
    answers.iter().filter(|a| a.entry.is_none()).map(|a| (a.question.clone(), a.value.to_string())).collect()
}

/// Entry ids of a repeat group, in order.
fn entry_ids(answers: &[StoredAnswer], group: &str) -> Vec<u64> {
    let ids: BTreeSet<u64> = answers
        .iter()
        .filter_map(|a| a.entry.as_ref())
        .filter(|key| key.group.as_str() == group)
        .map(|key| key.id)
        .collect();
    ids.into_iter().collect()
}

#[derive(Serialize)]
struct OptionView {
    code: String,
    label: String,
    /// The language its label is in (the questionnaire's own where the reader's is missing).
    label_lang: &'static str,
    checked: bool,
}

#[derive(Serialize)]
pub(crate) struct QuestionView {
    /// The form field name: the question code, or `id.code` inside a repeat entry.
    field: String,
    code: String,
    label: String,
    /// The language the label and hint are in, and "Original in …" when it is not the reader's.
    label_lang: &'static str,
    hint_lang: &'static str,
    original_in: Option<String>,
    hint: String,
    required: bool,
    input: &'static str,
    value: String,
    options: Vec<OptionView>,
    /// "Don't know" and "not applicable" where the question offers them.
    non_answers: Vec<OptionView>,
    /// The respondent's note on this answer, for the reviewers.
    note: String,
    /// The file a file or picture question holds.
    file: Option<FileView>,
    evidence: Option<String>,
    problem: Option<String>,
    comment: Option<String>,
    /// Whether its skip logic lets it be asked now; a page hides (and does not submit) the
    /// others, and the autosave shows them as soon as their condition holds.
    relevant: bool,
    /// "Required" and "No answer" in the view's language (a preview shows each language on
    /// one page).
    required_words: String,
    no_answer_words: String,
}

pub(crate) fn question_view(
    lang: Lang,
    q: &Questionnaire,
    question: &Question,
    field: String,
    stored: Option<&StoredAnswer>,
    comments: &HashMap<String, String>,
    lookup: &dyn Fn(&str) -> String,
) -> QuestionView {
    let fallback = q.default_language;
    let value = stored.map(|a| a.value.clone()).unwrap_or_default();
    let chosen: Vec<&str> = value.codes().collect();
    let input = match question.kind {
        Kind::Integer | Kind::Decimal => "number",
        Kind::Text => "text",
        Kind::Date => "date",
        Kind::File => "file",
        Kind::Image => "image",
        Kind::YesNo | Kind::Ordinal { .. } | Kind::SelectOne { .. } => "radio",
        Kind::SelectMultiple { .. } => "checkbox",
    };
    // A choice filter narrows the options to those fitting the answers given so far.
    let options = q
        .choices_for(question, lookup)
        .into_iter()
        .map(|c| {
            let (label, label_lang) = c.label.for_reader(lang, fallback);
            OptionView {
                code: c.name.clone(),
                label: label.to_string(),
                label_lang: label_lang.code(),
                checked: chosen.contains(&c.name.as_str()),
            }
        })
        .collect();
    // A file question is answered by its own upload form: "don't know" has no place there.
    let offered = if question.kind.takes_file() { Vec::new() } else { q.non_answers_for(question).offered() };
    let non_answers = offered
        .into_iter()
        .map(|n| OptionView {
            code: n.kept().to_string(),
            label: n.words(lang).to_string(),
            label_lang: lang.code(),
            checked: value.non_answer() == Some(n),
        })
        .collect();
    let problem = if value.is_blank() {
        None
    } else {
        check_value(q, question, value.as_str(), lookup, lang).map(|(_, m)| m)
    };
    // Numbers read with the page language's decimal separator; a non-answer shows as its box.
    let value = if value.non_answer().is_some() {
        String::new()
    } else if input == "number" {
        smartcities_domain::typed_number(value.as_str(), lang)
    } else {
        value.into_string()
    };
    let (label, label_lang) = question.label.for_reader(lang, fallback);
    let (hint, hint_lang) = question.hint.for_reader(lang, fallback);
    let original_in = (label_lang != lang).then(|| crate::written::original_mark(lang, label_lang));
    QuestionView {
        field,
        code: question.name.to_string(),
        label: label.to_string(),
        label_lang: label_lang.code(),
        hint_lang: hint_lang.code(),
        original_in,
        hint: hint.to_string(),
        required: question.required,
        input,
        value,
        options,
        non_answers,
        note: String::new(),
        file: None,
        evidence: stored.map(|a| t(lang, &format!("evidence-{}", a.evidence.slug()))),
        problem,
        comment: comments.get(question.name.as_str()).cloned(),
        relevant: true,
        required_words: t(lang, "required"),
        no_answer_words: t(lang, "no-answer"),
    }
}

#[derive(Serialize)]
struct GroupLink {
    name: String,
    label: String,
    answered: usize,
    total: usize,
    repeat: bool,
    /// A colleague's own section, which they answer (the others they read).
    mine: bool,
}

/// The top-level groups of the form, each one page.
fn group_links(lang: Lang, loaded: &Loaded) -> Vec<GroupLink> {
    let (q, answers) = (&loaded.questionnaire, &loaded.answers);
    let colleague = matches!(loaded.access, Access::Colleague { .. });
    let values = plain_values(answers);
    q.items
        .iter()
        .filter_map(|item| match item {
            Item::Group(g) => {
                let (answered, total) = if g.repeat {
                    (entry_ids(answers, g.name.as_str()).len(), 0)
                } else {
                    // An answer that does not pass its checks is not progress.
                    let answered = |name: &str| values.get(name).cloned().unwrap_or_default();
                    let lookup = q.with_calculations(&answered);
                    let questions = g.questions_in_entry();
                    let valid = |x: &&&Question| {
                        values
                            .get(x.name.as_str())
                            .is_some_and(|v| check_value(q, x, v, &lookup, lang).is_none())
                    };
                    (questions.iter().filter(valid).count(), questions.len())
                };
                Some(GroupLink {
                    name: g.name.to_string(),
                    label: g.label.get(lang, q.default_language).to_string(),
                    answered,
                    total,
                    repeat: g.repeat,
                    mine: colleague && loaded.access.writes_section(Some(g.name.as_str())),
                })
            }
            _ => None,
        })
        .collect()
}

#[derive(Serialize)]
struct Head {
    year: u16,
    edition: String,
    city: String,
    city_id: String,
    status: String,
    status_code: String,
    revision: Revision,
    /// When the answers last changed, in words.
    changed: String,
    editable: bool,
    /// Whether the viewer acts for the whole response now: submits, uploads a workbook,
    /// starts from earlier answers (the focal point and the secretariat).
    whole: bool,
    /// A colleague's own sections, in words; `None` for everyone else.
    your_sections: Option<String>,
    /// Whether the viewer may change who answers what (the focal point and the secretariat).
    manages_team: bool,
    /// How many people answer for the city.
    team_size: usize,
    /// Why the viewer cannot change the answers now, when the edition is the reason (collection
    /// closed, deadline behind), with the secretariat's address.
    closed: Option<String>,
}

fn head(lang: Lang, loaded: &Loaded, viewer: &Viewer) -> Head {
    Head {
        year: loaded.edition.year.get(),
        edition: loaded.edition.title.get(lang).to_string(),
        city: loaded.city.name_in(lang).to_string(),
        city_id: loaded.city.id.to_string(),
        status: t(lang, &format!("response-{}", loaded.response.status.slug())),
        status_code: loaded.response.status.slug().to_string(),
        revision: loaded.response.revision,
        changed: crate::i18n::timestamp(lang, loaded.response.updated_at),
        editable: can_edit(viewer, loaded),
        whole: viewer.0.as_ref().is_some_and(|s| loaded.whole_editable_by(&s.user)),
        your_sections: match &loaded.access {
            Access::Colleague { sections } => Some(
                smartcities_app::team::sections(&loaded.questionnaire, lang)
                    .into_iter()
                    .filter(|s| sections.contains(&s.name))
                    .map(|s| s.label)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => None,
        },
        manages_team: loaded.access.acts_for_city(),
        team_size: loaded.team.iter().filter(|m| !m.user.disabled).count(),
        closed: viewer
            .user()
            .filter(|u| smartcities_app::policy::may_write_answers(u, &loaded.city.id))
            .and_then(|u| loaded.closed_to(u))
            .map(|refusal| refusal.message(lang)),
    }
}

/// The top-level group a question is asked in.
fn group_of(q: &Questionnaire, question: &str) -> String {
    q.questions()
        .into_iter()
        .find(|l| l.question.name.as_str() == question)
        .and_then(|l| l.groups.first().map(|g| g.name.to_string()))
        .unwrap_or_default()
}

/// A stored file as a page links to it.
#[derive(Serialize, Clone)]
struct FileView {
    url: String,
    name: String,
    /// Its size as the reader's language writes it (`1,2 MB`).
    size: String,
}

impl FileView {
    /// The file an answer names, if it is one of the response's.
    fn of(lang: Lang, loaded: &Loaded, value: &AnswerValue) -> Option<FileView> {
        let file = loaded.attachments.iter().find(|a| a.id == value.as_str())?;
        let (year, city) = (loaded.edition.year, &loaded.city.id);
        Some(FileView {
            url: format!("/responses/{year}/{city}/files/{}", file.id),
            name: file.file_name.clone(),
            size: file_size(lang, file.size),
        })
    }
}

/// A size in kB or MB, with the language's decimal separator.
fn file_size(lang: Lang, bytes: u64) -> String {
    let (value, unit) = if bytes >= 1024 * 1024 {
        (bytes as f64 / (1024.0 * 1024.0), if lang == Lang::Fr { "Mo" } else { "MB" })
    } else {
        ((bytes as f64 / 1024.0).max(0.1), if lang == Lang::Fr { "ko" } else { "kB" })
    };
    format!("{} {unit}", smartcities_domain::typed_number(&format!("{value:.1}"), lang))
}

/// The respondent's note on a question (or on one entry's question), if any.
fn note_of<'n>(notes: &'n [StoredNote], question: &str, entry: Option<&EntryKey>) -> Option<&'n str> {
    notes.iter().find(|n| n.question == question && n.entry.as_ref() == entry).map(|n| n.note.as_str())
}

/// How an answer reads: choice labels instead of codes, numbers as the language writes them; a
/// value its question can no longer read shows as it was kept.
fn shown_value(lang: Lang, q: &Questionnaire, question: &Question, value: &AnswerValue) -> String {
    let label = |code: &str| {
        q.choices(question)
            .iter()
            .find(|c| c.name == code)
            .map_or(code.to_string(), |c| c.label.get(lang, q.default_language).to_string())
    };
    match value.read(&question.kind) {
        Reading::Blank => String::new(),
        Reading::Number(_) => smartcities_domain::typed_number(value.as_str().trim(), lang),
        Reading::Choice(code) => label(code),
        Reading::Choices(codes) => codes.into_iter().map(label).collect::<Vec<_>>().join(", "),
        Reading::NonAnswer(non_answer) => non_answer.words(lang).to_string(),
        Reading::Day(day) => smartcities_publish::view::long_date(lang, &day.to_string()),
        Reading::File(_) => t(lang, "answer-file-given"),
        Reading::Text(text) | Reading::Unreadable(text) => text.to_string(),
    }
}

async fn comments_of(ctx: &Ctx<'_>, loaded: &Loaded) -> Result<HashMap<String, String>, PageError> {
    let comments = ctx.state.app.review_comments(loaded).await?;
    // Only the comments of the latest return are current.
    let latest = comments.iter().map(|c| c.revision).max();
    Ok(comments.into_iter().filter(|c| Some(c.revision) == latest).map(|c| (c.question, c.comment)).collect())
}
