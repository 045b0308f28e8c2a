//! Running a campaign: opening an edition for answers, inviting member cities' respondents and
//! reminding those who have not submitted. Mail goes into the durable outbox; [`crate::mail`]
//! delivers it. Links in mail point to the configured public address only, never to whatever
//! host a request named.

use smartcities_domain::{
    ApproxDate, City, CityId, Collection, Day, Edition, EditionYear, Lang, Localized, Milestone,
    Participation, ResponseStatus, Role, Section,
};
use smartcities_store::{
    CityFilter, LinkPurpose, MailProblem, OutboxCounts, ResponseRecord, StoreError, User,
};

use smartcities_locale::{FluentValue, translate};
use smartcities_store::{CampaignMail, CampaignText};

use crate::{
    App, Refusal, Result,
    accounts::new_token,
    campaign_mail::{Facts, fill, mail_lang, text_of},
};

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
    /// The language each recipient's mail is written in, in the same order.
    pub langs: Vec<Lang>,
}

const DEADLINE_EN: &str = "Deadline for questionnaires";

/// The edition's deadline as a milestone on its timeline.
pub(crate) fn deadline_milestone(date: ApproxDate) -> Milestone {
    Milestone {
        date,
        label: Localized {
            en: DEADLINE_EN.into(),
            es: "Plazo de entrega de los cuestionarios".into(),
            fr: "Date limite de remise des questionnaires".into(),
        },
    }
}
const CALL_EN: &str = "Call for participation";

/// The call for participation as a milestone on an edition's timeline.
pub(crate) fn call_milestone(date: ApproxDate) -> Milestone {
    Milestone {
        date,
        label: Localized {
            en: CALL_EN.into(),
            es: "Convocatoria de participación".into(),
            fr: "Appel à participation".into(),
        },
    }
}

/// The deadline the edition was opened with, if any.
pub fn deadline(edition: &Edition) -> Option<ApproxDate> {
    edition.milestones.iter().find(|m| m.label.en == DEADLINE_EN).map(|m| m.date)
}

/// The last day a city may answer: its own deadline when the secretariat gave it longer than
/// the edition's, else the edition's; `None` when there is no deadline.
pub fn last_day_for(edition: &Edition, response: Option<&ResponseRecord>) -> Option<Day> {
    let edition_day = deadline(edition).map(ApproxDate::last_day);
    let own = response.and_then(|r| r.deadline);
    match (edition_day, own) {
        (Some(e), Some(o)) => Some(e.max(o)),
        (e, o) => e.or(o),
    }
}

/// A change to whether an edition takes answers, as the secretariat asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectionChange {
    /// Take answers until `deadline`: opening an edition in planning, reopening a closed one, or
    /// moving the deadline of an open one.
    Open {
        /// The last day answers are taken.
        deadline: ApproxDate,
    },
    /// Stop taking answers now.
    Close,
    /// Give one city until `day` (a full date), beyond the edition's deadline.
    ExtendCity {
        /// The city.
        city: CityId,
        /// Its last day.
        day: ApproxDate,
    },
}

/// What a collection change does, before it is done: the cities told and what they are told.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectionNotice {
    /// The cities still answering that will be mailed, with their respondents' addresses.
    pub cities: Vec<Invitee>,
    /// The subject of the mail, as it reads in the language asked for (each person gets it in
    /// their own).
    pub subject: String,
    /// Its text.
    pub body: String,
}

/// The mail telling a city still answering what changed, in `lang`, placeholders unfilled.
fn collection_mail(change: &CollectionChange, lang: Lang) -> (String, String) {
    let args: Vec<(&str, FluentValue<'static>)> = crate::campaign_mail::PLACEHOLDERS
        .iter()
        .map(|name| (*name, FluentValue::from(format!("{{{name}}}"))))
        .collect();
    let key = match change {
        CollectionChange::Close => "closed",
        CollectionChange::Open { .. } | CollectionChange::ExtendCity { .. } => "deadline",
    };
    let subject = translate(lang, &format!("campaign-collection-{key}-subject"), &args);
    let body =
        format!("{}\n\n{{link}}\n", translate(lang, &format!("campaign-collection-{key}-body"), &args));
    (subject, body)
}

impl App {
    /// Opens the edition for answers until `deadline`, or moves the deadline of an open one;
    /// nobody is mailed (invitations are [`App::invite`]'s job).
    pub async fn open_campaign(&self, year: EditionYear, deadline: ApproxDate) -> Result<()> {
        let edition = self.edition_or_refuse(year).await?;
        self.check_deadline(&edition, deadline)?;
        self.store.study().set_collection(year, Collection::Open, Some(deadline_milestone(deadline))).await?;
        Ok(())
    }

    /// A deadline is the last day answers are taken: it must lie ahead, and after the call for
    /// participation when the edition has one.
    fn check_deadline(&self, edition: &Edition, deadline: ApproxDate) -> Result<()> {
        let today = self.today();
        if deadline.last_day() < today {
            return Err(Refusal::DeadlinePassed { deadline: deadline.to_string() }.into());
        }
        if let Some(call) = edition.milestones.iter().find(|m| m.label.en == CALL_EN)
            && deadline.last_day() <= call.date.last_day()
        {
            return Err(Refusal::DeadlineBeforeCall {
                deadline: deadline.to_string(),
                call: call.date.to_string(),
            }
            .into());
        }
        Ok(())
    }

    /// What `change` would do: refused as [`App::change_collection`] would refuse it, else the
    /// cities still answering that will be told, and the message as it reads in `lang`.
    pub async fn collection_preview(
        &self,
        year: EditionYear,
        change: &CollectionChange,
        lang: Lang,
    ) -> Result<CollectionNotice> {
        let edition = self.edition_or_refuse(year).await?;
        let collection = edition.status.collection;
        match change {
            CollectionChange::Open { deadline } => self.check_deadline(&edition, *deadline)?,
            CollectionChange::Close if collection != Collection::Open => {
                return Err(Refusal::CollectionUnchanged { now: collection }.into());
            }
            CollectionChange::Close => {}
            CollectionChange::ExtendCity { city, day } => {
                if collection != Collection::Open {
                    return Err(Refusal::CollectionUnchanged { now: collection }.into());
                }
                if day.day.is_none() {
                    return Err(Refusal::DeadlinePassed { deadline: day.to_string() }.into());
                }
                self.check_deadline(&edition, *day)?;
                if self.store.answering().response(year, city).await?.is_none() {
                    return Err(Refusal::NotInvited.into());
                }
            }
        }
        // A city that was never open (the edition in planning) is not told of an opening: its
        // invitation says it.
        let mut cities = Vec::new();
        if collection != Collection::Planning {
            for response in self.store.answering().responses(year).await? {
                let concerned = match change {
                    CollectionChange::ExtendCity { city, .. } => &response.city == city,
                    _ => response.status.open_to_respondent(),
                };
                if !concerned {
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
                cities.push(invitee(city, &people));
            }
        }
        let (subject, body) = collection_mail(change, lang);
        let example = cities.first().map(|c| c.city.clone());
        let (subject, body) = match &example {
            Some(city) => fill(&subject, &body, lang, &collection_facts(&edition, change, city, "[…]")),
            None => (subject, body),
        };
        Ok(CollectionNotice { cities, subject, body })
    }

    /// Changes whether an edition takes answers — open (or reopen, or move the deadline), close,
    /// or give one city longer — and mails the cities still answering (or that city) what
    /// changed, each person in their language. Secretariat only. Moving the deadline moves the
    /// reminders still to come. Returns the cities and messages reached.
    pub async fn change_collection(
        &self,
        by: &User,
        year: EditionYear,
        change: &CollectionChange,
    ) -> Result<Round> {
        if by.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let edition = self.edition_or_refuse(year).await?;
        let notice = self.collection_preview(year, change, Lang::En).await?;
        match change {
            CollectionChange::Open { deadline } => {
                self.store
                    .study()
                    .set_collection(year, Collection::Open, Some(deadline_milestone(*deadline)))
                    .await?;
                self.reschedule_reminders(year, deadline.last_day()).await?;
            }
            CollectionChange::Close => {
                self.store.study().set_collection(year, Collection::Closed, None).await?;
                self.store.campaigns().schedule_reminders(year, &[]).await?;
            }
            CollectionChange::ExtendCity { city, day } => {
                self.store.answering().set_response_deadline(year, city, Some(day.last_day())).await?;
            }
        }
        let link = self.public_url().map_or_else(|| format!("/responses/{year}"), |b| format!("{b}/me"));
        let mut round = Round::default();
        for city in &notice.cities {
            round.cities += 1;
            for (recipient, lang) in city.recipients.iter().zip(&city.langs) {
                let (subject, body) = collection_mail(change, *lang);
                let (subject, body) =
                    fill(&subject, &body, *lang, &collection_facts(&edition, change, &city.city, &link));
                self.store.outbox().enqueue_mail(&new_token(), recipient, &subject, &body).await?;
                round.mails += 1;
            }
        }
        Ok(round)
    }

    pub(crate) async fn edition_or_refuse(&self, year: EditionYear) -> Result<Edition> {
        Ok(self.store.study().edition(year).await?.ok_or(StoreError::NoEdition(year))?)
    }

    /// The link a respondent follows: a fresh one-time invitation while they have no password,
    /// the questionnaire itself once they have one.
    pub(crate) async fn link_for(&self, user: &User, year: EditionYear) -> Result<String> {
        if user.password_hash.is_some() {
            let city = user.city.as_ref().map_or(String::new(), ToString::to_string);
            return Ok(format!("{}/responses/{year}/{city}", self.base_url()?));
        }
        self.new_link(user, LinkPurpose::Invitation).await
    }

    /// The current member cities (active or asked to renew) not yet invited to the edition, and the focal points each
    /// invitation would reach: what [`App::invite`] would do, without doing it.
    pub async fn invitation_preview(&self, year: EditionYear) -> Result<Vec<Invitee>> {
        let cities = self.store.registry().cities(&CityFilter::default()).await?;
        let invited: Vec<_> =
            self.store.answering().responses(year).await?.into_iter().map(|r| r.city).collect();
        let mut out = Vec::new();
        // Members asked to renew are members still: they are invited too.
        for member in self.store.registry().members().await?.into_iter().filter(|m| m.status.is_current()) {
            if invited.contains(&member.city) {
                continue;
            }
            let Some(city) = cities.iter().find(|c| c.id == member.city) else { continue };
            let mut recipients = Vec::new();
            let mut langs = Vec::new();
            for focal in &member.focal_points {
                let known = self.store.accounts().user_by_email(&focal.email).await?;
                let lang = match &known {
                    Some(user) => mail_lang(user, Some(city)),
                    None => city.country.country().study_lang,
                };
                recipients.push(focal.email.as_str().to_string());
                langs.push(lang);
            }
            out.push(Invitee { city: city.clone(), recipients, langs });
        }
        Ok(out)
    }

    /// The invitation as the first city an invitation round would reach would read it in
    /// `lang`, with a stand-in for the personal link; the text unfilled when no city is left.
    pub async fn invitation_sample(&self, year: EditionYear, lang: Lang) -> Result<(String, String)> {
        let edition = self.edition_or_refuse(year).await?;
        let written = self.store.campaigns().texts(year).await?;
        let (subject, body) = text_of(&written, CampaignMail::Invitation, lang);
        let Some(first) = self.invitation_preview(year).await?.into_iter().next() else {
            return Ok((subject, body));
        };
        let deadline = deadline(&edition).map(ApproxDate::last_day);
        let facts = Facts { city: &first.city, edition: &edition.title, link: "[…]", deadline };
        Ok(fill(&subject, &body, lang, &facts))
    }

    /// Invites every current member city not yet invited: a response record for it, an account
    /// for each focal point, and an invitation mail in the outbox, in the person's language.
    /// Cities already invited (or further along) are left alone; reminders are
    /// [`App::remind`]'s job.
    pub async fn invite(&self, year: EditionYear) -> Result<Round> {
        let edition = self.edition_or_refuse(year).await?;
        self.base_url()?;
        let members = self.store.registry().members().await?;
        let written = self.store.campaigns().texts(year).await?;
        let mut round = Round::default();
        for invitee in self.invitation_preview(year).await? {
            let city = &invitee.city;
            self.store.answering().open_response(year, &city.id).await?;
            round.cities += 1;
            let Some(member) = members.iter().find(|m| m.city == city.id) else { continue };
            for (i, focal) in member.focal_points.iter().enumerate() {
                let id = format!("respondent-{}-{i}", city.id);
                let user = self
                    .store
                    .accounts()
                    .ensure_user(&id, &focal.email, &focal.name, Role::Respondent, Some(&city.id), None)
                    .await?;
                if user.city.as_ref() != Some(&city.id) {
                    continue; // the address already answers for another city
                }
                round.mails += self.send_invitation(&edition, &written, city, &user).await?;
            }
        }
        Ok(round)
    }

    /// Queues one person's invitation to answer for `city`, in their language; 1 mail.
    pub(crate) async fn send_invitation(
        &self,
        edition: &Edition,
        written: &[CampaignText],
        city: &City,
        user: &User,
    ) -> Result<usize> {
        let link = self.link_for(user, edition.year).await?;
        let lang = mail_lang(user, Some(city));
        let (subject, body) = text_of(written, CampaignMail::Invitation, lang);
        let deadline = deadline(edition).map(ApproxDate::last_day);
        let (subject, body) =
            fill(&subject, &body, lang, &Facts { city, edition: &edition.title, link: &link, deadline });
        self.store.outbox().enqueue_mail(&new_token(), user.email.as_str(), &subject, &body).await?;
        Ok(1)
    }
}

/// A city and its active respondents as mail recipients, each with their language.
pub(crate) fn invitee(city: City, people: &[User]) -> Invitee {
    let recipients = people.iter().map(|u| u.email.as_str().to_string()).collect();
    let langs = people.iter().map(|u| mail_lang(u, Some(&city))).collect();
    Invitee { city, recipients, langs }
}

/// What a collection change's mail says to `city`.
fn collection_facts<'a>(
    edition: &'a Edition,
    change: &CollectionChange,
    city: &'a City,
    link: &'a str,
) -> Facts<'a> {
    let deadline = match change {
        CollectionChange::Open { deadline } | CollectionChange::ExtendCity { day: deadline, .. } => {
            Some(deadline.last_day())
        }
        CollectionChange::Close => None,
    };
    Facts { city, edition: &edition.title, link, deadline }
}

/// Which cities a campaign dashboard lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Showing {
    /// Every invited city.
    #[default]
    All,
    /// Submitted, waiting for the secretariat's review.
    Awaiting,
    /// Returned to the city with comments.
    Returned,
    /// Silent: invited and still able to answer, but nothing answered yet.
    Silent,
}

impl Showing {
    /// From the dashboard's filter name (`awaiting`, `returned`, `silent`); all otherwise.
    pub fn parse(name: Option<&str>) -> Showing {
        match name {
            Some("awaiting") => Showing::Awaiting,
            Some("returned") => Showing::Returned,
            Some("silent") => Showing::Silent,
            _ => Showing::All,
        }
    }

    /// The filter's name, `''` for all.
    pub fn name(self) -> &'static str {
        match self {
            Showing::All => "",
            Showing::Awaiting => "awaiting",
            Showing::Returned => "returned",
            Showing::Silent => "silent",
        }
    }

    /// Whether a city whose response is `status`, with `answered` plain questions answered, is
    /// listed.
    pub fn lists(self, status: ResponseStatus, answered: usize) -> bool {
        match self {
            Showing::All => true,
            Showing::Awaiting => status == ResponseStatus::Submitted,
            Showing::Returned => status == ResponseStatus::Returned,
            Showing::Silent => is_silent(status, answered),
        }
    }
}

/// A silent city: invited, still able to answer, and nothing answered yet.
pub fn is_silent(status: ResponseStatus, answered: usize) -> bool {
    answered == 0 && status.open_to_respondent()
}

/// One invited city on the dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct CityProgress {
    /// The city.
    pub city: City,
    /// Where its response stands.
    pub status: ResponseStatus,
    /// Plain questions it answered.
    pub answered: usize,
    /// Its own last day, when the secretariat gave it longer than the edition's deadline.
    pub own_deadline: Option<Day>,
}

/// A campaign as its dashboard shows it.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// The edition.
    pub edition: Edition,
    /// Its deadline, if it has one.
    pub deadline: Option<ApproxDate>,
    /// Participation of every invited city.
    pub overall: Participation,
    /// Participation per UCLG section, sections in order.
    pub sections: Vec<(Section, Participation)>,
    /// The cities listed (as filtered).
    pub cities: Vec<CityProgress>,
    /// Every invited city, for choosing one (to give it longer).
    pub invited: Vec<City>,
    /// Plain questions of the questionnaire.
    pub questions: usize,
    /// The outbox's state.
    pub outbox: OutboxCounts,
    /// The latest delivery problems.
    pub mail_problems: Vec<MailProblem>,
}

impl App {
    /// The campaign of an edition as the secretariat and analysts follow it, listing the cities
    /// `showing` selects. Staff only.
    pub async fn campaign_dashboard(
        &self,
        by: &User,
        year: EditionYear,
        showing: Showing,
    ) -> Result<Dashboard> {
        if !crate::policy::is_staff(by.role) {
            return Err(Refusal::Forbidden.into());
        }
        let edition = self.store.study().edition(year).await?.ok_or(Refusal::NotFound)?;
        let responses = self.store.answering().responses(year).await?;
        let mut by_id: std::collections::HashMap<CityId, City> = self
            .store
            .registry()
            .cities(&CityFilter::default())
            .await?
            .into_iter()
            .map(|c| (c.id.clone(), c))
            .collect();
        let questions = self
            .store
            .study()
            .questionnaire(year)
            .await?
            .map_or(0, |(_, q)| q.questions().iter().filter(|l| l.repeat().is_none()).count());
        let answered = self.store.answering().answer_counts(year).await?;
        let mut sections: std::collections::BTreeMap<Section, Vec<ResponseStatus>> = Default::default();
        let mut cities = Vec::new();
        let mut invited = Vec::new();
        for r in &responses {
            let Some(city) = by_id.remove(&r.city) else { continue };
            sections.entry(city.section).or_default().push(r.status);
            let count = answered.get(&r.city).copied().unwrap_or(0);
            if showing.lists(r.status, count) {
                cities.push(CityProgress {
                    city: city.clone(),
                    status: r.status,
                    answered: count,
                    own_deadline: r.deadline,
                });
            }
            invited.push(city);
        }
        let statuses: Vec<ResponseStatus> = responses.iter().map(|r| r.status).collect();
        Ok(Dashboard {
            deadline: deadline(&edition),
            edition,
            overall: Participation::of(&statuses),
            sections: sections.into_iter().map(|(s, st)| (s, Participation::of(&st))).collect(),
            cities,
            invited,
            questions,
            outbox: self.store.outbox().outbox_counts().await?,
            mail_problems: self.store.outbox().mail_problems(20).await?,
        })
    }
}
