//! Reminding cities that have not submitted: first a preview of who would be mailed and what
//! they would read, then the round, to every city still answering or only to the cities the
//! secretariat chose; or scheduled so many days before the deadline, each reminder sent once by
//! whichever server gets to it first. Each person reads it in their language. Accounts whose
//! access ended (a former focal point, an ended colleague) are never mailed.

use smartcities_domain::{CityId, Day, EditionYear, Lang, ResponseStatus, Role};
use smartcities_store::{CampaignMail, NewReminder, OutgoingMail, ScheduledReminder, User};

use crate::{
    App, Result,
    accounts::new_token,
    campaign::{self, Invitee, Round, invitee, is_silent},
    campaign_mail::{CampaignProblem, Facts, fill, mail_lang, text_of},
};

/// The most reminders an edition may have scheduled.
pub const MAX_SCHEDULED: usize = 6;
/// The hour of the day (UTC) a scheduled reminder goes out.
pub const REMINDER_HOUR: u8 = 8;

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

/// A reminder ready for the outbox.
struct Message {
    recipient: String,
    subject: String,
    body: String,
}

/// Reads "30, 14, 3" (or one number per line) as days before a deadline: whole numbers from 1
/// to 365, at most [`MAX_SCHEDULED`], duplicates dropped, largest first.
pub fn parse_days(typed: &str) -> std::result::Result<Vec<u32>, CampaignProblem> {
    let mut days = Vec::new();
    for part in typed.split([',', ';', '\n', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<u32>() {
            Ok(n) if (1..=365).contains(&n) => days.push(n),
            _ => return Err(CampaignProblem::BadDays { typed: part.chars().take(20).collect() }),
        }
    }
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    if days.len() > MAX_SCHEDULED {
        return Err(CampaignProblem::BadDays { typed: typed.chars().take(40).collect() });
    }
    Ok(days)
}

impl App {
    /// Every city a reminder could reach now (its response not submitted), with its active
    /// respondents' addresses and languages and whether it is silent; the subject and text of
    /// the mail as it reads in `lang`, with a stand-in for each person's link. Nothing is sent.
    pub async fn reminder_preview(
        &self,
        year: EditionYear,
        lang: Lang,
    ) -> Result<(Vec<Reminded>, String, String)> {
        let edition = self.edition_or_refuse(year).await?;
        let answered = self.store.answering().answer_counts(year).await?;
        let problems = self.store.outbox().mail_problems(10_000).await?;
        let mut out = Vec::new();
        for response in self.store.answering().responses(year).await? {
            if !response.status.open_to_respondent() {
                continue;
            }
            let Some(city) = self.store.registry().city(&response.city).await? else { continue };
            let people: Vec<User> = self
                .store
                .accounts()
                .respondents(&city.id)
                .await?
                .into_iter()
                .filter(|u| !u.disabled)
                .collect();
            let invitee = invitee(city, &people);
            let failing = invitee
                .recipients
                .iter()
                .filter_map(|address| {
                    let problem = problems.iter().find(|p| p.recipient.eq_ignore_ascii_case(address))?;
                    Some((address.clone(), problem.error.clone()))
                })
                .collect();
            let silent = is_silent(response.status, answered.get(&invitee.city.id).copied().unwrap_or(0));
            out.push(Reminded { invitee, status: response.status, silent, failing });
        }
        let written = self.store.campaigns().texts(year).await?;
        let (subject, body) = text_of(&written, CampaignMail::Reminder, lang);
        let (subject, body) = match out.first() {
            Some(first) => {
                let deadline = campaign::deadline(&edition).map(|d| d.last_day());
                let facts =
                    Facts { city: &first.invitee.city, edition: &edition.title, link: "[…]", deadline };
                fill(&subject, &body, lang, &facts)
            }
            None => (subject, body),
        };
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
        let (round, messages) = self.reminders(year, chosen).await?;
        for m in &messages {
            self.store.outbox().enqueue_mail(&new_token(), &m.recipient, &m.subject, &m.body).await?;
        }
        Ok(round)
    }

    /// The reminders a round would send, each in its person's language.
    async fn reminders(&self, year: EditionYear, chosen: Option<&[CityId]>) -> Result<(Round, Vec<Message>)> {
        let edition = self.edition_or_refuse(year).await?;
        self.base_url()?;
        let written = self.store.campaigns().texts(year).await?;
        let mut round = Round::default();
        let mut out = Vec::new();
        for response in self.store.answering().responses(year).await? {
            if !response.status.open_to_respondent() || chosen.is_some_and(|c| !c.contains(&response.city)) {
                continue;
            }
            let Some(city) = self.store.registry().city(&response.city).await? else { continue };
            round.cities += 1;
            let deadline = campaign::last_day_for(&edition, Some(&response));
            for user in self.store.accounts().respondents(&city.id).await?.into_iter().filter(|u| !u.disabled)
            {
                let link = self.link_for(&user, year).await?;
                let lang = mail_lang(&user, Some(&city));
                let (subject, body) = text_of(&written, CampaignMail::Reminder, lang);
                let facts = Facts { city: &city, edition: &edition.title, link: &link, deadline };
                let (subject, body) = fill(&subject, &body, lang, &facts);
                out.push(Message { recipient: user.email.as_str().to_string(), subject, body });
                round.mails += 1;
            }
        }
        Ok((round, out))
    }

    /// Schedules reminders `days` days before the edition's deadline (at 08:00 UTC), replacing
    /// those still to come; an empty list stops them. Moments already past are skipped. A moved
    /// deadline moves them. Secretariat only.
    pub async fn schedule_reminders(&self, by: &User, year: EditionYear, days: &[u32]) -> Result<()> {
        if by.role != Role::Secretariat {
            return Err(crate::Refusal::Forbidden.into());
        }
        let edition = self.edition_or_refuse(year).await?;
        let deadline = campaign::deadline(&edition).map(|d| d.last_day());
        let Some(deadline) = deadline.filter(|_| !days.is_empty()) else {
            if days.is_empty() {
                self.store.campaigns().schedule_reminders(year, &[]).await?;
                return Ok(());
            }
            return Err(CampaignProblem::NoDeadline.into());
        };
        self.store.campaigns().schedule_reminders(year, &self.reminder_jobs(deadline, days)).await?;
        Ok(())
    }

    /// The reminders of an edition, scheduled or sent, soonest first.
    pub async fn scheduled_reminders(&self, year: EditionYear) -> Result<Vec<ScheduledReminder>> {
        Ok(self.store.campaigns().scheduled_reminders(year).await?)
    }

    /// Moves the reminders still to come to a new deadline, keeping their days before it.
    pub(crate) async fn reschedule_reminders(&self, year: EditionYear, deadline: Day) -> Result<()> {
        let pending: Vec<u32> = self
            .store
            .campaigns()
            .scheduled_reminders(year)
            .await?
            .into_iter()
            .filter(|r| r.done_at.is_none())
            .map(|r| r.days_before)
            .collect();
        if !pending.is_empty() {
            self.store.campaigns().schedule_reminders(year, &self.reminder_jobs(deadline, &pending)).await?;
        }
        Ok(())
    }

    fn reminder_jobs(&self, deadline: Day, days: &[u32]) -> Vec<NewReminder> {
        let now = self.now();
        days.iter()
            .map(|d| NewReminder {
                id: format!("remind-{}", new_token()),
                days_before: *d,
                due_at: deadline.minus_days(*d).at_utc_hour(REMINDER_HOUR),
            })
            .filter(|r| r.due_at > now)
            .collect()
    }

    /// Sends a scheduled reminder once: every city still answering is reminded, and the job is
    /// marked done in the same transaction as the mail is queued. Returns whether this call sent
    /// it.
    pub(crate) async fn run_reminder_job(&self, job: &str, year: EditionYear) -> Result<bool> {
        let (_, messages) = self.reminders(year, None).await?;
        let ids: Vec<String> = messages.iter().map(|_| new_token()).collect();
        let mails: Vec<OutgoingMail<'_>> = messages
            .iter()
            .zip(&ids)
            .map(|(m, id)| OutgoingMail { id, recipient: &m.recipient, subject: &m.subject, body: &m.body })
            .collect();
        Ok(self.store.campaigns().finish_job(job, &mails).await?)
    }
}
