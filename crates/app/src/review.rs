//! The secretariat's review of a city's response: accept it for the analysis, return it with
//! comments per question, withdraw it, and set each answer's evidence level. Each decision mails
//! the city's respondents, each in their language.

use smartcities_domain::{City, CityId, EditionYear, Lang, Localized, ResponseMove, StudyAxis};
use smartcities_locale::{FluentValue, translate};
use smartcities_questionnaire::EntryKey;
use smartcities_store::{OutgoingMail, User};

use crate::{App, Refusal, Result, responses::MAX_ANSWER_CHARS};

/// The mail that tells a city, in `lang`, its answers were returned with `comments` (one per
/// line) or, without comments, accepted.
fn decision_mail(
    edition: &Localized,
    city: &City,
    link: &str,
    comments: Option<&str>,
    lang: Lang,
) -> (String, String) {
    let args = [
        ("city", FluentValue::from(city.name_in(lang).to_string())),
        ("edition", FluentValue::from(edition.get(lang).to_string())),
    ];
    let key = if comments.is_some() { "returned" } else { "accepted" };
    let subject = translate(lang, &format!("review-mail-{key}-subject"), &args);
    let intro = translate(lang, &format!("review-mail-{key}-body"), &args);
    let body = match comments {
        Some(comments) => format!("{intro}\n\n{comments}\n\n{link}\n"),
        None => format!("{intro}\n\n{link}\n"),
    };
    (subject, body)
}

/// A decision's mail to each recipient, in their language.
struct Decision {
    id: String,
    recipient: String,
    subject: String,
    body: String,
}

impl Decision {
    fn outgoing(&self) -> OutgoingMail<'_> {
        OutgoingMail { id: &self.id, recipient: &self.recipient, subject: &self.subject, body: &self.body }
    }
}

impl App {
    /// The secretariat accepts a submitted response for the analysis; its good practices become
    /// catalogue drafts in the same transaction.
    pub async fn accept(&self, user: &User, year: EditionYear, city: &CityId) -> Result<()> {
        Self::require_secretariat(user)?;
        let file = self.response_file(user, year, city).await?;
        let framework = self.store.study().framework(year).await?.map(|(_, f)| f);
        let study_axis_of = |code: &str| {
            StudyAxis::parse(code).ok().or_else(|| {
                framework.as_ref()?.axes.iter().find(|a| a.code.as_str() == code).and_then(|a| a.study_axis)
            })
        };
        let drafts = crate::catalogue::drafts_from_answers(year, city, &file.answers, &study_axis_of);
        let link = format!("{}/responses/{year}/{city}", self.public_url().unwrap_or(""));
        let decisions: Vec<Decision> = self
            .decision_recipients(city)
            .await?
            .into_iter()
            .map(|(id, recipient, lang)| {
                let (subject, body) = decision_mail(&file.edition.title, &file.city, &link, None, lang);
                Decision { id, recipient, subject, body }
            })
            .collect();
        let mails: Vec<OutgoingMail> = decisions.iter().map(Decision::outgoing).collect();
        self.store.catalogue().accept_response(year, city, &drafts, user.email.as_str(), &mails).await?;
        self.sync_catalogue().await?;
        Ok(())
    }

    /// The secretariat returns a submitted response to the city with comments, one per question;
    /// at least one comment is needed. Comments and return land together or not at all.
    pub async fn return_with_comments(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        comments: &[(String, String)],
    ) -> Result<()> {
        Self::require_secretariat(user)?;
        let file = self.response_file(user, year, city).await?;
        let comments: Vec<(String, String)> = comments
            .iter()
            .map(|(q, c)| (q.clone(), c.trim().to_string()))
            .filter(|(_, c)| !c.is_empty())
            .collect();
        if comments.is_empty() {
            return Err(Refusal::ReturnNeedsComment.into());
        }
        // A comment is on a question, or on one entry of a repeat group (a good practice), named
        // by its key `group:id`.
        let entry_of = |key: &str| EntryKey::parse(key).ok().flatten();
        for (question, comment) in &comments {
            let on_entry = entry_of(question)
                .is_some_and(|entry| file.answers.iter().any(|a| a.entry.as_ref() == Some(&entry)));
            if file.questionnaire.question(question).is_none() && !on_entry {
                return Err(Refusal::UnknownQuestion { code: question.clone() }.into());
            }
            if comment.chars().count() > MAX_ANSWER_CHARS {
                return Err(
                    Refusal::AnswerTooLong { question: question.clone(), max: MAX_ANSWER_CHARS }.into()
                );
            }
        }
        let q = &file.questionnaire;
        // Each recipient reads the questions named in their language.
        let label = |key: &str, lang: Lang| match q.question(key) {
            Some(question) => question.label.get(lang, q.default_language).to_string(),
            // A comment on one entry of a repeat group: the entry's title when it has one.
            None => file
                .answers
                .iter()
                .find(|a| a.entry.is_some() && a.entry == entry_of(key) && a.question.ends_with("_title"))
                .map_or(key.to_string(), |a| a.value.to_string()),
        };
        let link = format!("{}/responses/{year}/{city}", self.public_url().unwrap_or(""));
        let decisions: Vec<Decision> = self
            .decision_recipients(city)
            .await?
            .into_iter()
            .map(|(id, recipient, lang)| {
                let lines: Vec<String> = comments
                    .iter()
                    .map(|(key, comment)| format!("- {}: {comment}", label(key, lang)))
                    .collect();
                let (subject, body) =
                    decision_mail(&file.edition.title, &file.city, &link, Some(&lines.join("\n")), lang);
                Decision { id, recipient, subject, body }
            })
            .collect();
        let mails: Vec<OutgoingMail> = decisions.iter().map(Decision::outgoing).collect();
        self.store.answering().return_response(year, city, &comments, user.email.as_str(), &mails).await?;
        Ok(())
    }

    /// Every active account answering for `city`, each with a fresh mail id and the language
    /// they read: who a decision on its response is mailed to (not an ended colleague or a
    /// former focal point).
    async fn decision_recipients(&self, city: &CityId) -> Result<Vec<(String, String, Lang)>> {
        let recipients = self.store.accounts().respondents(city).await?;
        let place = self.store.registry().city(city).await?;
        Ok(recipients
            .into_iter()
            .filter(|r| !r.disabled)
            .map(|r| {
                let lang = crate::campaign_mail::mail_lang(&r, place.as_ref());
                (crate::accounts::new_token(), r.email.as_str().to_string(), lang)
            })
            .collect())
    }

    /// The secretariat records that a city withdrew: its answers are kept, not analysed.
    pub async fn withdraw(&self, user: &User, year: EditionYear, city: &CityId) -> Result<()> {
        Self::require_secretariat(user)?;
        self.response_file(user, year, city).await?;
        self.store.answering().move_response(year, city, ResponseMove::Withdraw).await?;
        Ok(())
    }
}
