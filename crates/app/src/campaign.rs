//! Running a campaign: opening an edition for answers, inviting member cities' respondents and
//! reminding those who have not submitted. Mail goes into the durable outbox; [`crate::mail`]
//! delivers it. Links in mail point to the configured public address only, never to whatever
//! host a request named.

use smartcities_domain::{ApproxDate, City, Edition, EditionYear, Localized, Milestone, Role};
use smartcities_store::{CityFilter, LinkPurpose, StoreError, User};

use crate::{App, Refusal, Result, accounts::new_token};

/// What an invitation or reminder round queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Cities reached.
    pub cities: usize,
    /// Messages queued.
    pub mails: usize,
}

/// A city an invitation round would reach, and who would get its mail.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitee {
    /// The city.
    pub city: City,
    /// Its focal points' addresses.
    pub recipients: Vec<String>,
}

const DEADLINE_EN: &str = "Deadline for questionnaires";
const CALL_EN: &str = "Call for participation";

/// The deadline the edition was opened with, if any.
pub fn deadline(edition: &Edition) -> Option<ApproxDate> {
    edition.milestones.iter().find(|m| m.label.en == DEADLINE_EN).map(|m| m.date)
}

/// The invitation a city's focal points would get, with a stand-in for their personal link:
/// what the secretariat previews before inviting.
pub fn invitation_preview_text(edition: &Localized, city: &str) -> (String, String) {
    message(edition, city, "[…]", false)
}

fn message(edition: &Localized, city: &str, link: &str, reminder: bool) -> (String, String) {
    let subject = if reminder {
        format!("Smart Cities Study — reminder / recordatorio / rappel: {city}")
    } else {
        format!("Smart Cities Study — invitation / invitación: {city}")
    };
    let body = format!(
        "{en}\n\n{es}\n\n{fr}\n\n{link}\n",
        en = if reminder {
            format!(
                "Your city's answers to \"{}\" are not submitted yet. You can continue where you left off:",
                edition.en
            )
        } else {
            format!(
                "Your city, {city}, is invited to answer \"{}\". Open this link to set your password and start:",
                edition.en
            )
        },
        es = if reminder {
            format!(
                "Las respuestas de su ciudad a «{}» aún no se han enviado. Puede continuar donde lo dejó:",
                edition.es
            )
        } else {
            format!(
                "Su ciudad, {city}, está invitada a responder «{}». Abra este enlace para elegir su contraseña y empezar:",
                edition.es
            )
        },
        fr = if reminder {
            format!(
                "Les réponses de votre ville à « {} » ne sont pas encore envoyées. Vous pouvez reprendre là où vous en étiez :",
                edition.fr
            )
        } else {
            format!(
                "Votre ville, {city}, est invitée à répondre à « {} ». Ouvrez ce lien pour choisir votre mot de passe et commencer :",
                edition.fr
            )
        },
    );
    (subject, body)
}

impl App {
    /// Opens the edition for answers until `deadline` (or moves the deadline of an open one).
    pub async fn open_campaign(&self, year: EditionYear, deadline: ApproxDate) -> Result<()> {
        // A deadline is the last day answers are taken: it must lie ahead, and after the call
        // for participation when the edition has one.
        let last_day = |date: ApproxDate| match (date.month, date.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year),
            (Some(m), None) => format!("{:04}-{m:02}-31", date.year),
            _ => format!("{:04}-12-31", date.year),
        };
        let today: String = smartcities_store::clock::now().chars().take(10).collect();
        if last_day(deadline) < today {
            return Err(Refusal::DeadlinePassed { deadline: deadline.to_string() }.into());
        }
        let edition = self.edition_or_refuse(year).await?;
        if let Some(call) = edition.milestones.iter().find(|m| m.label.en == CALL_EN)
            && last_day(deadline) <= call.date.to_string()
        {
            return Err(Refusal::DeadlineBeforeCall {
                deadline: deadline.to_string(),
                call: call.date.to_string(),
            }
            .into());
        }
        let label = Localized {
            en: DEADLINE_EN.into(),
            es: "Plazo de entrega de los cuestionarios".into(),
            fr: "Date limite de remise des questionnaires".into(),
        };
        self.store.open_edition(year, Milestone { date: deadline, label }).await?;
        Ok(())
    }

    async fn edition_or_refuse(&self, year: EditionYear) -> Result<Edition> {
        Ok(self.store.edition(year).await?.ok_or(StoreError::NoEdition(year))?)
    }

    /// The link a respondent follows: a fresh one-time invitation while they have no password,
    /// the questionnaire itself once they have one.
    async fn link_for(&self, user: &User, year: EditionYear) -> Result<String> {
        if user.password_hash.is_some() {
            let city = user.city.as_ref().map_or(String::new(), ToString::to_string);
            return Ok(format!("{}/responses/{year}/{city}", self.base_url()?));
        }
        self.new_link(user, LinkPurpose::Invitation).await
    }

    /// The current member cities (active or asked to renew) not yet invited to the edition, and the focal points each
    /// invitation would reach: what [`App::invite`] would do, without doing it.
    pub async fn invitation_preview(&self, year: EditionYear) -> Result<Vec<Invitee>> {
        let cities = self.store.cities(&CityFilter::default()).await?;
        let invited: Vec<_> = self.store.responses(year).await?.into_iter().map(|r| r.city).collect();
        let mut out = Vec::new();
        // Members asked to renew are members still: they are invited too.
        for member in self.store.members().await?.into_iter().filter(|m| m.status.is_current()) {
            if invited.contains(&member.city) {
                continue;
            }
            let Some(city) = cities.iter().find(|c| c.id == member.city) else { continue };
            let recipients = member.focal_points.iter().map(|f| f.email.as_str().to_string()).collect();
            out.push(Invitee { city: city.clone(), recipients });
        }
        Ok(out)
    }

    /// Invites every current member city not yet invited: a response record for it, an account
    /// for each focal point, and an invitation mail in the outbox. Cities already invited (or
    /// further along) are left alone; reminders are [`App::remind`]'s job.
    pub async fn invite(&self, year: EditionYear) -> Result<Round> {
        let edition = self.edition_or_refuse(year).await?;
        self.base_url()?;
        let members = self.store.members().await?;
        let mut round = Round::default();
        for invitee in self.invitation_preview(year).await? {
            let city = &invitee.city;
            self.store.open_response(year, &city.id).await?;
            round.cities += 1;
            let Some(member) = members.iter().find(|m| m.city == city.id) else { continue };
            for (i, focal) in member.focal_points.iter().enumerate() {
                let id = format!("respondent-{}-{i}", city.id);
                let user = self
                    .store
                    .ensure_user(&id, &focal.email, &focal.name, Role::Respondent, Some(&city.id))
                    .await?;
                if user.city.as_ref() != Some(&city.id) {
                    continue; // the address already answers for another city
                }
                let link = self.link_for(&user, year).await?;
                let (subject, body) = message(&edition.title, &city.name, &link, false);
                self.store.enqueue_mail(&new_token(), focal.email.as_str(), &subject, &body).await?;
                round.mails += 1;
            }
        }
        Ok(round)
    }

    /// Reminds the respondents of every city whose response is not submitted. A respondent
    /// without a password gets a new link, and the older one stops working.
    pub async fn remind(&self, year: EditionYear) -> Result<Round> {
        let edition = self.edition_or_refuse(year).await?;
        self.base_url()?;
        let mut round = Round::default();
        for response in self.store.responses(year).await? {
            if !response.status.open_to_respondent() {
                continue;
            }
            let Some(city) = self.store.city(&response.city).await? else { continue };
            round.cities += 1;
            for user in self.store.respondents(&city.id).await? {
                let link = self.link_for(&user, year).await?;
                let (subject, body) = message(&edition.title, &city.name, &link, true);
                self.store.enqueue_mail(&new_token(), user.email.as_str(), &subject, &body).await?;
                round.mails += 1;
            }
        }
        Ok(round)
    }
}
