//! What a use case answers when it will not do what was asked: typed refusals, each one a
//! message of the translation catalogue, and internal failures.

use smartcities_domain::{
    Collection, CommunityProblem, EditionYear, EventProblem, Lang, ResponseMove, ResponseStatus,
};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_questionnaire::Finding;
use smartcities_store::StoreError;

/// One answer that did not pass the checks, with the message in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerProblem {
    /// The question's code.
    pub question: String,
    /// The repeat entry, if any.
    pub entry: Option<smartcities_questionnaire::EntryKey>,
    /// The problem in the person's language.
    pub message: String,
}

/// One problem of a practice form, beside its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's name.
    pub field: String,
    /// What is wrong, in the person's language.
    pub message: String,
}

/// Why an edition does not take a city's answers now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closure {
    /// Collection has not opened yet.
    NotOpenYet,
    /// The secretariat closed collection.
    Closed,
    /// The city's deadline (its own, or the edition's) is behind.
    DeadlinePassed {
        /// The last day answers were taken.
        last_day: smartcities_domain::Day,
    },
}

/// Why a use case was refused: something the person can understand and act on.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The thing asked for does not exist (or is not visible to this person).
    NotFound,
    /// Signed in, but this account may not do it.
    Forbidden,
    /// Only a signed-in account may see or do this.
    SignInNeeded,
    /// Mail with links cannot be sent: the server was started without its public address.
    PublicUrlMissing,
    /// The e-mail address or password is wrong (said the same way for unknown addresses).
    SignInFailed,
    /// The account was disabled by the secretariat.
    AccountDisabled,
    /// A destructive step needs its confirmation (the address typed again).
    ConfirmationNeeded,
    /// The secretariat cannot disable or erase its own account.
    OwnAccount,
    /// Too many failed sign-ins for this account or from this address.
    SignInThrottled,
    /// An invitation or password-reset link that is unknown, used or expired.
    LinkInvalid,
    /// A new password that breaks the policy.
    Password(PasswordProblem),
    /// The two copies of a new password differ.
    PasswordMismatch,
    /// The edition does not take answers from this city now.
    NotTakingAnswers {
        /// The edition.
        edition: EditionYear,
        /// Why not.
        why: Closure,
        /// The secretariat's address, to write to instead.
        contact: Option<String>,
    },
    /// The public form took as many applications as it takes in an hour.
    TooManyApplications,
    /// A file to import with problems, each located in it (`FILE:LINE:COLUMN: message`).
    ImportInvalid(Vec<String>),
    /// A restore would replace data the database holds.
    RestoreOverData {
        /// The rows it holds.
        rows: usize,
    },
    /// A focus group with this id exists already.
    FocusGroupIdTaken {
        /// The id.
        id: String,
    },
    /// An axis the edition's framework does not have.
    UnknownAxis {
        /// The axis code given.
        axis: String,
    },
    /// A city the registry does not have.
    UnknownCity {
        /// The city id given.
        city: String,
    },
    /// The edition has no codebook to code with.
    NoCodebook,
    /// A code the codebook does not have.
    UnknownCode {
        /// The code given.
        code: String,
    },
    /// A passage that is not quoted from the answer it codes.
    PassageNotFound {
        /// The code it was given for.
        code: String,
        /// The code's category name, when the codebook has it.
        category: Option<smartcities_domain::Localized>,
        /// The passage as given.
        passage: String,
    },
    /// A version already public cannot be scheduled or previewed again.
    AlreadyPublic {
        /// The version.
        version: smartcities_domain::PublishedVersion,
    },
    /// A withdrawn version cannot be made public again.
    VersionWithdrawn {
        /// The version.
        version: smartcities_domain::PublishedVersion,
    },
    /// A moment to publish at that is not a time still to come.
    MomentPassed {
        /// The moment as given.
        at: String,
    },
    /// Collection cannot move that way from where it is (closing an edition that is not open).
    CollectionUnchanged {
        /// Where collection stands.
        now: Collection,
    },
    /// The city was not invited to the edition.
    NotInvited,
    /// The city can no longer change its response in this status.
    ResponseClosed {
        /// Where the response stands.
        status: ResponseStatus,
    },
    /// The response's lifecycle does not allow this move from its status.
    IllegalMove {
        /// Where the response stands.
        from: ResponseStatus,
        /// The move refused.
        attempted: ResponseMove,
    },
    /// Required answers are missing or some answers are invalid.
    Incomplete,
    /// A response is returned only with at least one comment.
    ReturnNeedsComment,
    /// A question the questionnaire does not have.
    UnknownQuestion {
        /// The code given.
        code: String,
    },
    /// A page (group) of the questionnaire that does not exist.
    UnknownGroup {
        /// The name given.
        name: String,
    },
    /// An entry key that is malformed or names a group the question is not in.
    UnknownEntry {
        /// The entry key given.
        entry: String,
    },
    /// Answers that do not pass their questions' checks, each with the checks' message
    /// (already in the person's language).
    InvalidAnswers(Vec<AnswerProblem>),
    /// An answer longer than allowed.
    AnswerTooLong {
        /// The question's code.
        question: String,
        /// The limit, in characters.
        max: usize,
    },
    /// More entries in a repeat group than allowed.
    TooManyEntries {
        /// The repeat group, or `''` for the response as a whole.
        group: String,
        /// The limit.
        max: usize,
    },
    /// An uploaded workbook with problems, each located and in the person's language.
    Workbook(Vec<Finding>),
    /// The questionnaire changed since the editor opened it.
    QuestionnaireChanged {
        /// The version the edit started from.
        based_on: smartcities_domain::QuestionnaireVersion,
        /// The version current now.
        now: smartcities_domain::QuestionnaireVersion,
    },
    /// The framework changed since the editor opened it.
    FrameworkChanged {
        /// The version the edit started from.
        based_on: smartcities_domain::FrameworkVersion,
        /// The version current now.
        now: smartcities_domain::FrameworkVersion,
    },
    /// A question's statement is too long or holds control characters.
    BadStatement {
        /// The question's code.
        code: String,
        /// The statement's language.
        lang: Lang,
    },
    /// Answers to this question name exist already, or a question has the name.
    NameTaken {
        /// The name.
        name: String,
    },
    /// Not a valid question name.
    InvalidName {
        /// The name given.
        name: String,
        /// Why it is not valid.
        reason: String,
    },
    /// The evidence level `verified` needs a note saying what backs it.
    VerifiedNeedsNote,
    /// The city has no answer to this question.
    NoAnswer {
        /// The question's code.
        question: String,
    },
    /// The edition has no results to publish yet.
    NotAnalysed,
    /// An answer was accepted, returned or withdrawn since the last analysis.
    ResultsStale,
    /// No city's answers were accepted.
    NothingToPublish,
    /// A text longer than allowed.
    TextTooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// Someone else published a version of the edition at the same moment.
    PublishedMeanwhile,
    /// Withdrawing a version needs the reason the public will read.
    WithdrawNeedsReason,
    /// A practice form with problems, each beside its field.
    PracticeInvalid(Vec<FieldProblem>),
    /// Someone saved the practice since it was opened.
    PracticeChanged {
        /// The version the change started from.
        based_on: smartcities_domain::PracticeVersion,
        /// The version current now.
        now: smartcities_domain::PracticeVersion,
    },
    /// A practice is published only with its city's consent.
    PracticeNeedsConsent,
    /// A practice is returned only with a comment saying what to change.
    PracticeReturnNeedsComment,
    /// A deadline that has already passed.
    DeadlinePassed {
        /// The deadline given.
        deadline: String,
    },
    /// A deadline on or before the call for participation.
    DeadlineBeforeCall {
        /// The deadline given.
        deadline: String,
        /// The call's date.
        call: String,
    },
    /// An event form with problems, each by its field.
    EventInvalid(Vec<(&'static str, EventProblem)>),
    /// A new event under the id of another.
    EventIdTaken {
        /// The id given.
        id: String,
    },
    /// A community form (renewal answer, application, leadership, activity) with problems,
    /// each by its field.
    CommunityInvalid(Vec<(String, CommunityProblem)>),
    /// A renewal round is still open.
    RoundStillOpen {
        /// The open round's id.
        round: String,
    },
    /// The renewal round is closed, so answers and reminders are over.
    RoundClosed,
    /// A renewal round must close after today.
    RoundClosesInPast,
    /// The application was already decided.
    AlreadyDecided,
    /// A language's search synonyms with a problem, naming the line.
    SynonymsInvalid(smartcities_search::synonyms::SynonymProblem),
    /// A change to a city's answering team, or a colleague's save outside their sections.
    Team(crate::team_problem::TeamProblem),
    /// A campaign text or reminder schedule that cannot be used.
    Campaign(crate::campaign_mail::CampaignProblem),
    /// Published figures or a report file that cannot be kept.
    History(crate::history::HistoryProblem),
}

/// How a new password breaks the policy (NIST SP 800-63B).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Shorter than allowed.
    TooShort {
        /// The shortest length, in characters.
        min: usize,
    },
    /// Longer than allowed.
    TooLong {
        /// The longest length, in characters.
        max: usize,
    },
    /// NUL and other control characters cannot be typed reliably and are refused.
    ControlCharacter,
    /// In the list of common passwords, or made of the account's own name, city or address.
    TooCommon,
    /// One character repeated, or a run like `1234567890` or `abcdefghij`.
    Repetitive,
}

impl Refusal {
    /// The refusal in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        // Every refusal is placed in its family here, without a wildcard, so a new one cannot
        // go unworded.
        let worded = match self {
            Refusal::NotFound
            | Refusal::Forbidden
            | Refusal::SignInNeeded
            | Refusal::PublicUrlMissing
            | Refusal::SignInFailed
            | Refusal::AccountDisabled
            | Refusal::ConfirmationNeeded
            | Refusal::OwnAccount
            | Refusal::SignInThrottled
            | Refusal::LinkInvalid
            | Refusal::Password(..)
            | Refusal::PasswordMismatch
            | Refusal::TooManyApplications
            | Refusal::NameTaken { .. }
            | Refusal::InvalidName { .. } => self.access_message(lang),
            Refusal::NotTakingAnswers { .. }
            | Refusal::ImportInvalid(..)
            | Refusal::NotInvited
            | Refusal::ResponseClosed { .. }
            | Refusal::IllegalMove { .. }
            | Refusal::Incomplete
            | Refusal::ReturnNeedsComment
            | Refusal::UnknownQuestion { .. }
            | Refusal::UnknownGroup { .. }
            | Refusal::UnknownEntry { .. }
            | Refusal::InvalidAnswers(..)
            | Refusal::AnswerTooLong { .. }
            | Refusal::TooManyEntries { .. }
            | Refusal::Workbook(..)
            | Refusal::QuestionnaireChanged { .. }
            | Refusal::FrameworkChanged { .. }
            | Refusal::VerifiedNeedsNote
            | Refusal::NoAnswer { .. }
            | Refusal::RestoreOverData { .. }
            | Refusal::UnknownCity { .. }
            | Refusal::CollectionUnchanged { .. }
            | Refusal::MomentPassed { .. } => self.answering_message(lang),
            Refusal::FocusGroupIdTaken { .. }
            | Refusal::UnknownAxis { .. }
            | Refusal::NoCodebook
            | Refusal::UnknownCode { .. }
            | Refusal::PassageNotFound { .. }
            | Refusal::AlreadyPublic { .. }
            | Refusal::VersionWithdrawn { .. }
            | Refusal::BadStatement { .. }
            | Refusal::NotAnalysed
            | Refusal::ResultsStale
            | Refusal::NothingToPublish
            | Refusal::TextTooLong { .. }
            | Refusal::PublishedMeanwhile
            | Refusal::WithdrawNeedsReason => self.findings_message(lang),
            Refusal::PracticeInvalid(..)
            | Refusal::PracticeChanged { .. }
            | Refusal::PracticeNeedsConsent
            | Refusal::PracticeReturnNeedsComment
            | Refusal::DeadlinePassed { .. }
            | Refusal::DeadlineBeforeCall { .. }
            | Refusal::EventInvalid(..)
            | Refusal::EventIdTaken { .. }
            | Refusal::CommunityInvalid(..)
            | Refusal::RoundStillOpen { .. }
            | Refusal::RoundClosed
            | Refusal::RoundClosesInPast
            | Refusal::AlreadyDecided
            | Refusal::SynonymsInvalid(..) => self.community_message(lang),
            Refusal::Team(problem) => Some(problem.message(lang)),
            Refusal::Campaign(problem) => Some(problem.message(lang)),
            Refusal::History(problem) => Some(problem.message(lang)),
        };
        worded.unwrap_or_else(|| t(lang, "refused-not-found"))
    }

    /// Refusals about access, accounts and sign-in.
    fn access_message(&self, lang: Lang) -> Option<String> {
        let n = |v: usize| FluentValue::from(v as i64);
        let s = |v: &str| FluentValue::from(v.to_string());
        Some(match self {
            Refusal::NotFound => t(lang, "refused-not-found"),
            Refusal::Forbidden => t(lang, "forbidden"),
            Refusal::SignInNeeded => t(lang, "sign-in-needed"),
            Refusal::PublicUrlMissing => t(lang, "refused-public-url"),
            Refusal::SignInFailed => t(lang, "sign-in-failed"),
            Refusal::AccountDisabled => t(lang, "refused-account-disabled"),
            Refusal::ConfirmationNeeded => t(lang, "refused-confirmation-needed"),
            Refusal::OwnAccount => t(lang, "refused-own-account"),
            Refusal::SignInThrottled => t(lang, "sign-in-too-many"),
            Refusal::LinkInvalid => t(lang, "refused-link"),
            Refusal::Password(PasswordProblem::TooShort { min }) => {
                translate(lang, "password-too-short", &[("min", n(*min))])
            }
            Refusal::Password(PasswordProblem::TooLong { max }) => {
                translate(lang, "password-too-long", &[("max", n(*max))])
            }
            Refusal::Password(PasswordProblem::ControlCharacter) => t(lang, "password-control"),
            Refusal::Password(PasswordProblem::TooCommon) => t(lang, "password-common"),
            Refusal::Password(PasswordProblem::Repetitive) => t(lang, "password-repetitive"),
            Refusal::PasswordMismatch => t(lang, "password-mismatch"),
            Refusal::TooManyApplications => t(lang, "refused-too-many-applications"),
            Refusal::NameTaken { name } => translate(lang, "refused-name-taken", &[("name", s(name))]),
            Refusal::InvalidName { name, reason } => {
                translate(lang, "refused-invalid-name", &[("name", s(name)), ("reason", s(reason))])
            }
            _ => return None,
        })
    }

    /// Refusals about answering, importing and reviewing responses.
    fn answering_message(&self, lang: Lang) -> Option<String> {
        let n = |v: usize| FluentValue::from(v as i64);
        let s = |v: &str| FluentValue::from(v.to_string());
        Some(match self {
            Refusal::NotTakingAnswers { edition, why, contact } => {
                let edition = s(&edition.to_string());
                let mut text = match why {
                    Closure::NotOpenYet => translate(lang, "refused-not-open-yet", &[("edition", edition)]),
                    Closure::Closed => translate(lang, "refused-collection-closed", &[("edition", edition)]),
                    Closure::DeadlinePassed { last_day } => translate(
                        lang,
                        "refused-deadline-behind",
                        &[("edition", edition), ("date", s(&last_day.to_string()))],
                    ),
                };
                if let Some(contact) = contact {
                    text.push(' ');
                    text.push_str(&translate(
                        lang,
                        "refused-write-to-secretariat",
                        &[("contact", s(contact))],
                    ));
                }
                text
            }
            Refusal::ImportInvalid(problems) => problems.join("\n"),
            Refusal::RestoreOverData { rows } => {
                translate(lang, "refused-restore-over-data", &[("rows", n(*rows))])
            }
            Refusal::UnknownCity { city } => translate(lang, "refused-unknown-city", &[("city", s(city))]),
            Refusal::MomentPassed { at } => translate(lang, "refused-moment-passed", &[("at", s(at))]),
            Refusal::CollectionUnchanged { now } => translate(
                lang,
                "refused-collection-unchanged",
                &[("state", s(&t(lang, &format!("collection-{}", now.slug()))))],
            ),
            Refusal::NotInvited => t(lang, "refused-not-invited"),
            Refusal::ResponseClosed { status } => translate(
                lang,
                "refused-response-closed",
                &[("status", s(&t(lang, &format!("response-{}", status.slug()))))],
            ),
            Refusal::IllegalMove { from, attempted } => translate(
                lang,
                "refused-illegal-move",
                &[
                    ("status", s(&t(lang, &format!("response-{}", from.slug())))),
                    ("move", s(&t(lang, &format!("move-{}", attempted.slug())))),
                ],
            ),
            Refusal::Incomplete => t(lang, "submit-incomplete"),
            Refusal::ReturnNeedsComment => t(lang, "return-needs-comment"),
            Refusal::UnknownQuestion { code } => {
                translate(lang, "refused-unknown-question", &[("code", s(code))])
            }
            Refusal::UnknownGroup { name } => translate(lang, "refused-unknown-group", &[("name", s(name))]),
            Refusal::UnknownEntry { entry } => {
                translate(lang, "refused-unknown-entry", &[("entry", s(entry))])
            }
            Refusal::InvalidAnswers(problems) => {
                let list: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
                format!("{} {}", t(lang, "refused-invalid-answers"), list.join(" · "))
            }
            Refusal::AnswerTooLong { question, max } => {
                translate(lang, "refused-answer-too-long", &[("question", s(question)), ("max", n(*max))])
            }
            Refusal::TooManyEntries { group, max } => translate(
                lang,
                "refused-too-many-entries",
                &[("group", s(if group.is_empty() { "none" } else { group })), ("max", n(*max))],
            ),
            Refusal::Workbook(findings) => {
                let list: Vec<String> = findings.iter().map(|f| f.located(lang)).collect();
                format!("{} {}", t(lang, "upload-refused"), list.join(" · "))
            }
            Refusal::QuestionnaireChanged { based_on, now } => translate(
                lang,
                "refused-questionnaire-changed",
                &[("based_on", FluentValue::from(based_on.get())), ("now", FluentValue::from(now.get()))],
            ),
            Refusal::FrameworkChanged { based_on, now } => translate(
                lang,
                "refused-framework-changed",
                &[("based_on", FluentValue::from(based_on.get())), ("now", FluentValue::from(now.get()))],
            ),
            Refusal::VerifiedNeedsNote => t(lang, "refused-verified-note"),
            Refusal::NoAnswer { question } => {
                translate(lang, "refused-no-answer", &[("question", s(question))])
            }
            _ => return None,
        })
    }

    /// Refusals about coding, analysis and publication.
    fn findings_message(&self, lang: Lang) -> Option<String> {
        let n = |v: usize| FluentValue::from(v as i64);
        let s = |v: &str| FluentValue::from(v.to_string());
        Some(match self {
            Refusal::FocusGroupIdTaken { id } => translate(lang, "workshop-id-taken", &[("id", s(id))]),
            Refusal::UnknownAxis { axis } => translate(lang, "refused-unknown-axis", &[("axis", s(axis))]),
            Refusal::NoCodebook => t(lang, "coding-no-codebook"),
            Refusal::UnknownCode { code } => translate(lang, "coding-unknown-code", &[("code", s(code))]),
            Refusal::PassageNotFound { code, category, passage } => translate(
                lang,
                "coding-passage-not-found",
                &[
                    ("category", s(category.as_ref().map_or(code.as_str(), |c| c.get(lang)))),
                    ("passage", s(passage)),
                ],
            ),
            Refusal::AlreadyPublic { version } => {
                translate(lang, "refused-already-public", &[("version", n(version.get() as usize))])
            }
            Refusal::VersionWithdrawn { version } => {
                translate(lang, "refused-version-withdrawn", &[("version", n(version.get() as usize))])
            }
            Refusal::BadStatement { code, lang: of } => translate(
                lang,
                "refused-bad-statement",
                &[("code", s(code)), ("language", t(lang, &format!("language-{}", of.code())).into())],
            ),
            Refusal::NotAnalysed => t(lang, "refused-not-analysed"),
            Refusal::ResultsStale => t(lang, "refused-results-stale"),
            Refusal::NothingToPublish => t(lang, "refused-nothing-to-publish"),
            Refusal::TextTooLong { max } => {
                translate(lang, "refused-text-too-long", &[("max", FluentValue::from(*max as i64))])
            }
            Refusal::PublishedMeanwhile => t(lang, "refused-published-meanwhile"),
            Refusal::WithdrawNeedsReason => t(lang, "refused-withdraw-reason"),
            _ => return None,
        })
    }

    /// Refusals about the catalogue, events and the network.
    fn community_message(&self, lang: Lang) -> Option<String> {
        let s = |v: &str| FluentValue::from(v.to_string());
        Some(match self {
            Refusal::PracticeInvalid(problems) => {
                let list: Vec<String> =
                    problems.iter().map(|p| format!("{}: {}", p.label(lang), p.message)).collect();
                format!("{} {}", t(lang, "refused-practice-invalid"), list.join(" · "))
            }
            Refusal::PracticeChanged { based_on, now } => translate(
                lang,
                "refused-practice-changed",
                &[("based_on", FluentValue::from(based_on.get())), ("now", FluentValue::from(now.get()))],
            ),
            Refusal::PracticeNeedsConsent => t(lang, "refused-practice-consent"),
            Refusal::PracticeReturnNeedsComment => t(lang, "refused-practice-return-comment"),
            Refusal::DeadlinePassed { deadline } => {
                translate(lang, "refused-deadline-passed", &[("deadline", s(deadline))])
            }
            Refusal::DeadlineBeforeCall { deadline, call } => translate(
                lang,
                "refused-deadline-before-call",
                &[("deadline", s(deadline)), ("call", s(call))],
            ),
            Refusal::EventInvalid(problems) => {
                let list: Vec<String> = problems.iter().map(|(_, p)| crate::event_problem(lang, p)).collect();
                format!("{} {}", t(lang, "refused-event-invalid"), list.join(" · "))
            }
            Refusal::EventIdTaken { id } => translate(lang, "refused-event-id-taken", &[("id", s(id))]),
            Refusal::CommunityInvalid(problems) => {
                let list: Vec<String> =
                    problems.iter().map(|(_, p)| crate::community_problem(lang, p)).collect();
                format!("{} {}", t(lang, "refused-community-invalid"), list.join(" · "))
            }
            Refusal::RoundStillOpen { round } => {
                translate(lang, "refused-round-open", &[("round", s(round))])
            }
            Refusal::RoundClosed => t(lang, "refused-round-closed"),
            Refusal::RoundClosesInPast => t(lang, "refused-round-closes-in-past"),
            Refusal::AlreadyDecided => t(lang, "refused-already-decided"),
            Refusal::SynonymsInvalid(problem) => crate::synonym_problem(lang, problem),
            _ => return None,
        })
    }
}

/// A use case's failure: refused (the person can act on it) or internal (the operator must).
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{}", .0.message(Lang::En))]
    /// Refused, for a reason the person can act on.
    Refused(Refusal),
    #[error(transparent)]
    /// The store failed.
    Store(StoreError),
    /// A stored document (results, codebook) that this version cannot read.
    #[error("the stored {what} of edition {edition} cannot be read ({detail}); analyse the edition again")]
    Unreadable {
        /// The edition.
        edition: EditionYear,
        /// What was stored (`results`, `codebook`).
        what: &'static str,
        /// Why it cannot be read.
        detail: String,
    },
    /// Anything else that went wrong, for the operator.
    #[error("{0}")]
    Internal(String),
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        AppError::Refused(refusal)
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        // The store's own refusals become the application's typed ones.
        match error {
            StoreError::IllegalMove { from, attempted, .. } => {
                Refusal::IllegalMove { from, attempted }.into()
            }
            StoreError::ResponseClosed { status, .. } => Refusal::ResponseClosed { status }.into(),
            StoreError::QuestionnaireChanged { based_on, now } => {
                Refusal::QuestionnaireChanged { based_on, now }.into()
            }
            StoreError::FrameworkChanged { based_on, now } => {
                Refusal::FrameworkChanged { based_on, now }.into()
            }
            StoreError::NameTaken { name } => Refusal::NameTaken { name }.into(),
            StoreError::NoAnswer { question, .. } => Refusal::NoAnswer { question }.into(),
            StoreError::PracticeChanged { based_on, now } => {
                Refusal::PracticeChanged { based_on, now }.into()
            }
            StoreError::NoPractice(_) => Refusal::NotFound.into(),
            StoreError::RoundStillOpen(round) => Refusal::RoundStillOpen { round }.into(),
            StoreError::RoundClosed => Refusal::RoundClosed.into(),
            StoreError::AlreadyDecided(_) => Refusal::AlreadyDecided.into(),
            StoreError::AddressTaken(_) => {
                Refusal::Team(crate::team_problem::TeamProblem::AddressTaken).into()
            }
            other => AppError::Store(other),
        }
    }
}

/// A use case's answer.
pub type Result<T, E = AppError> = std::result::Result<T, E>;
