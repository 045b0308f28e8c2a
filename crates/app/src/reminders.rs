//! Reminding cities that have not submitted: first a preview of who would be mailed and what
//! they would read, then the round, to every city still answering or only to the cities the
//! secretariat chose. Accounts whose access ended (a former focal point, an ended colleague)
//! are never mailed.

use smartcities_domain::{CityId, EditionYear, ResponseStatus};

use crate::{
    App, Result,
    accounts::new_token,
    campaign::{Invitee, Round, is_silent, message},
};

/// A city a reminder round would reach.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminded {
    /// The city and the addresses its reminder goes to.
    pub invitee: Invitee,
    /// Where its response stands.
    pub status: ResponseStatus,
    /// Whether it has answered nothing yet.
    pub silent: bool,
    /// Its addresses whose mail is failing, each with the last error: fix them before sending.
    pub failing: Vec<(String, String)>,
}

impl App {
    /// Every city a reminder could reach now (its response not submitted), with its active
    /// respondents' addresses and whether it is silent; the subject and text of the mail with a
    /// stand-in for each person's link. Nothing is sent.
    pub async fn reminder_preview(&self, year: EditionYear) -> Result<(Vec<Reminded>, String, String)> {
        let edition = self.edition_or_refuse(year).await?;
        let answered = self.store.answering().answer_counts(year).await?;
        let problems = self.store.outbox().mail_problems(10_000).await?;
        let mut out = Vec::new();
        for response in self.store.answering().responses(year).await? {
            if !response.status.open_to_respondent() {
                continue;
            }
            let Some(city) = self.store.registry().city(&response.city).await? else { continue };
            let recipients: Vec<String> = self
                .store
                .accounts()
                .respondents(&city.id)
                .await?
                .into_iter()
                .filter(|u| !u.disabled)
                .map(|u| u.email.as_str().to_string())
                .collect();
            let failing = recipients
                .iter()
                .filter_map(|address| {
                    let problem = problems.iter().find(|p| p.recipient.eq_ignore_ascii_case(address))?;
                    Some((address.clone(), problem.error.clone()))
                })
                .collect();
            let silent = is_silent(response.status, answered.get(&city.id).copied().unwrap_or(0));
            let invitee = Invitee { city, recipients };
            out.push(Reminded { invitee, status: response.status, silent, failing });
        }
        let (subject, body) = message(&edition.title, "[…]", "[…]", true);
        Ok((out, subject, body))
    }

    /// Reminds the respondents of every city whose response is not submitted. A respondent
    /// without a password gets a new link, and the older one stops working.
    pub async fn remind(&self, year: EditionYear) -> Result<Round> {
        self.remind_cities(year, None).await
    }

    /// Reminds the cities of `chosen` (every city still answering when `None`) among those whose
    /// response is not submitted; a chosen city that submitted meanwhile is left alone.
    pub async fn remind_cities(&self, year: EditionYear, chosen: Option<&[CityId]>) -> Result<Round> {
        let edition = self.edition_or_refuse(year).await?;
        self.base_url()?;
        let mut round = Round::default();
        for response in self.store.answering().responses(year).await? {
            if !response.status.open_to_respondent() || chosen.is_some_and(|c| !c.contains(&response.city)) {
                continue;
            }
            let Some(city) = self.store.registry().city(&response.city).await? else { continue };
            round.cities += 1;
            for user in self.store.accounts().respondents(&city.id).await?.into_iter().filter(|u| !u.disabled)
            {
                let link = self.link_for(&user, year).await?;
                let (subject, body) = message(&edition.title, &city.name, &link, true);
                self.store.outbox().enqueue_mail(&new_token(), user.email.as_str(), &subject, &body).await?;
                round.mails += 1;
            }
        }
        Ok(round)
    }
}
