//! Keeping the member list current: the secretariat opens a renewal round, each member's focal
//! points get a link to confirm or update the city's contacts or to leave, silent members are
//! reminded, and at the close those still silent lapse (never deleted). Cities may also apply
//! to join; the secretariat approves or declines with a reason.

pub use smartcities_collect::Place;
use smartcities_collect::{GAZETTEER_SOURCE, Gazetteer};
use smartcities_domain::{
    Application, ApplicationStatus, City, CityId, CommunityProblem, Coordinates, CountryCode, FocalPoint,
    Lang, Member, MemberStatus, Population, RenewalAnswer, Role, Section, Written, check_focal_points,
};
use smartcities_locale::{FluentValue, translate};
use smartcities_store::{OutgoingMail, RenewalReply, RenewalRound, User};

use crate::{
    App, Refusal, Result,
    accounts::{new_token, token_hash},
};

/// How many members answered each way in a round.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenewalCounts {
    /// Stayed, details unchanged.
    pub confirmed: usize,
    /// Stayed and corrected their contacts.
    pub updated: usize,
    /// Chose to leave.
    pub left: usize,
    /// Not answered (yet).
    pub silent: usize,
}

impl RenewalCounts {
    fn of(replies: &[RenewalReply]) -> RenewalCounts {
        let mut counts = RenewalCounts::default();
        for reply in replies {
            match reply.answer {
                RenewalAnswer::Confirmed => counts.confirmed += 1,
                RenewalAnswer::Updated => counts.updated += 1,
                RenewalAnswer::Left => counts.left += 1,
                RenewalAnswer::Waiting => counts.silent += 1,
            }
        }
        counts
    }

    /// Every member asked.
    pub fn asked(&self) -> usize {
        self.confirmed + self.updated + self.left + self.silent
    }
}

/// A round with its members' answers, for the secretariat's dashboard.
#[derive(Debug, Clone)]
pub struct RoundView {
    /// The round.
    pub round: RenewalRound,
    /// Each member asked, with its city (when still in the registry) and answer.
    pub replies: Vec<(Option<City>, RenewalReply)>,
    /// The answers counted.
    pub counts: RenewalCounts,
}

/// What a focal point's link opens.
#[derive(Debug, Clone)]
pub struct RenewalInvitation {
    /// The round.
    pub round: RenewalRound,
    /// The member's place in it.
    pub reply: RenewalReply,
    /// The city.
    pub city: City,
    /// Its membership, with the focal points on record.
    pub member: Member,
}

/// What a member answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenewalChoice {
    /// Stays; the details are right.
    Confirm,
    /// Stays with these focal points.
    Update(Vec<FocalPoint>),
    /// Leaves, saying why if it wishes.
    Leave(String),
}

/// How many applications one client may send in an hour.
pub const APPLICATIONS_PER_CLIENT_HOUR: i64 = 3;
/// How many applications the form takes in an hour, from everyone together.
pub const APPLICATIONS_PER_HOUR: i64 = 30;

/// An application as the public form sends it.
#[derive(Debug)]
pub struct JoinForm<'a> {
    /// The city's name.
    pub city_name: &'a str,
    /// Its country's code.
    pub country: &'a str,
    /// The focal point, or why the address was refused.
    pub focal_point: std::result::Result<FocalPoint, CommunityProblem>,
    /// Why the city wants to join.
    pub motivation: &'a str,
    /// The field people never see: only a robot fills it in.
    pub trap: &'a str,
    /// The language the form was filled in, which mail to the applicant is written in.
    pub lang: Lang,
}

/// What the secretariat decides on an application.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Admit the city as the shipped gazetteer places it: coordinates and population from
    /// GeoNames, named as their source.
    ApproveAs {
        /// The GeoNames id of the place.
        geonameid: u32,
    },
    /// Admit the city, placed on the map here, with this population (typed by the secretariat
    /// for a place the gazetteer does not have).
    Approve {
        /// Where the city lies.
        location: Coordinates,
        /// Its population, if known.
        population: Option<u64>,
    },
    /// Turn it down, telling the applicant why.
    Decline {
        /// The reason sent.
        reason: String,
    },
    /// Not a real application: out of every list and count, nobody mailed.
    Spam,
}

/// Gazetteer places offered for one application.
const MAX_PLACES: usize = 8;

/// Where an approved city lies and how many live there, with the figure's source.
struct Placed {
    country: CountryCode,
    location: Coordinates,
    population: Population,
}

/// The longest reason or leaving note kept.
const MAX_NOTE: usize = 2_000;

fn renewal_mail(title: &Written, city: &str, link: &str, reminder: bool) -> (String, String) {
    let in_lang = |lang: Lang| title.for_reader(lang).0;
    let (title_en, title_es, title_fr) = (in_lang(Lang::En), in_lang(Lang::Es), in_lang(Lang::Fr));
    let title = title.get(title.original).0;
    let subject = if reminder {
        format!("{title} — reminder / recordatorio / rappel: {city}")
    } else {
        format!("{title}: {city}")
    };
    let body = format!(
        "{title_en}. The community is renewing its member list. Please confirm that {city} stays a \
         member, correct its contacts, or tell us it leaves, by following this link:\n\n\
         {title_es}. La comunidad renueva su lista de miembros. Confirme que {city} sigue siendo \
         miembro, corrija sus contactos o indíquenos que se da de baja en este enlace:\n\n\
         {title_fr}. La communauté renouvelle sa liste de membres. Confirmez que {city} reste \
         membre, corrigez ses contacts ou indiquez-nous son départ en suivant ce lien :\n\n{link}\n"
    );
    (subject, body)
}

/// How long a round's title may be, in each language.
const MAX_ROUND_TITLE: usize = 200;

/// A mail waiting to be queued: id, recipient, subject, body.
type MailText = (String, String, String, String);

/// A new renewal link for a member: one mail to each of its focal points goes into `texts`, and
/// the hash of the link's token is returned for the store to keep.
fn link_mails(
    base: &str,
    title: &Written,
    city: &str,
    member: &Member,
    reminder: bool,
    texts: &mut Vec<MailText>,
) -> String {
    let token = new_token();
    let (subject, body) = renewal_mail(title, city, &format!("{base}/renewal/{token}"), reminder);
    for focal in &member.focal_points {
        texts.push((new_token(), focal.email.as_str().to_string(), subject.clone(), body.clone()));
    }
    token_hash(&token)
}

fn outgoing(texts: &[MailText]) -> Vec<OutgoingMail<'_>> {
    texts.iter().map(|(id, to, subject, body)| OutgoingMail { id, recipient: to, subject, body }).collect()
}

impl App {
    fn secretariat_only(user: &User) -> Result<()> {
        if user.role == Role::Secretariat { Ok(()) } else { Err(Refusal::Forbidden.into()) }
    }

    /// Opens a renewal round closing on `closes_on` (`YYYY-MM-DD`, after today): every active
    /// member becomes pending renewal and each of its focal points gets the city's link.
    /// Secretariat only; refused while another round is open.
    pub async fn open_renewal(
        &self,
        user: &User,
        title: Option<Written>,
        closes_on: &str,
    ) -> Result<RoundView> {
        Self::secretariat_only(user)?;
        let base = self.base_url()?.to_string();
        let mut problems = Vec::new();
        match &title {
            Some(t) if t.longest_chars() > MAX_ROUND_TITLE => {
                problems.push(("title".to_string(), CommunityProblem::TooLong { max: MAX_ROUND_TITLE }))
            }
            Some(t) if !t.is_empty() => {}
            _ => problems.push(("title".to_string(), CommunityProblem::Missing)),
        }
        let closes = smartcities_domain::Day::parse(closes_on).ok().filter(|day| *day > self.today());
        if closes.is_none() {
            problems.push(("closes_on".to_string(), CommunityProblem::NotInFuture));
        }
        let (Some(closes_on), Some(title)) = (closes.filter(|_| problems.is_empty()), title) else {
            return Err(Refusal::CommunityInvalid(problems).into());
        };
        let now = self.now();
        let mut id = format!("renewal-{}", now.day());
        let taken = self.store.community().renewal_rounds().await?;
        let mut n = 1;
        while taken.iter().any(|r| r.id == id) {
            n += 1;
            id = format!("renewal-{}-{n}", now.day());
        }
        let round = RenewalRound {
            id,
            title,
            opened_at: now,
            closes_on,
            closed_at: None,
            opened_by: user.email.as_str().to_string(),
        };
        let cities = self.store.registry().cities(&Default::default()).await?;
        let members = self.store.registry().members().await?;
        let mut asked = Vec::new();
        let mut texts = Vec::new();
        for member in members.iter().filter(|m| m.status == MemberStatus::Active) {
            let name = cities.iter().find(|c| c.id == member.city).map_or(member.city.as_str(), |c| &c.name);
            let hash = link_mails(&base, &round.title, name, member, false, &mut texts);
            asked.push((member.city.clone(), hash));
        }
        self.store.community().open_renewal(&round, &asked, &outgoing(&texts)).await?;
        self.renewal_round(user, &round.id).await
    }

    /// Every renewal round, the latest first, with its answers.
    pub async fn renewal_rounds(&self, user: &User) -> Result<Vec<RoundView>> {
        Self::secretariat_only(user)?;
        let cities = self.store.registry().cities(&Default::default()).await?;
        let mut views = Vec::new();
        for round in self.store.community().renewal_rounds().await? {
            let replies = self.store.community().renewal_replies(&round.id).await?;
            let counts = RenewalCounts::of(&replies);
            let replies = replies
                .into_iter()
                .map(|reply| (cities.iter().find(|c| c.id == reply.city).cloned(), reply))
                .collect();
            views.push(RoundView { round, replies, counts });
        }
        Ok(views)
    }

    async fn renewal_round(&self, user: &User, id: &str) -> Result<RoundView> {
        self.renewal_rounds(user)
            .await?
            .into_iter()
            .find(|r| r.round.id == id)
            .ok_or(Refusal::NotFound.into())
    }

    async fn open_round(&self, user: &User) -> Result<RoundView> {
        self.renewal_rounds(user)
            .await?
            .into_iter()
            .find(|r| r.round.closed_at.is_none())
            .ok_or(Refusal::RoundClosed.into())
    }

    /// Reminds every member of the open round that has not answered: a new link to each of its
    /// focal points (the older link stops working). Returns how many members were reminded.
    pub async fn remind_renewal(&self, user: &User) -> Result<usize> {
        let base = self.base_url()?.to_string();
        let view = self.open_round(user).await?;
        let members = self.store.registry().members().await?;
        let mut reminded = Vec::new();
        let mut texts = Vec::new();
        for (city, reply) in &view.replies {
            if reply.answer != RenewalAnswer::Waiting {
                continue;
            }
            let Some(member) = members.iter().find(|m| m.city == reply.city) else { continue };
            let name = city.as_ref().map_or(reply.city.as_str(), |c| &c.name);
            let hash = link_mails(&base, &view.round.title, name, member, true, &mut texts);
            reminded.push((reply.city.clone(), hash));
        }
        self.store.community().record_renewal_reminders(&view.round.id, &reminded, &outgoing(&texts)).await?;
        Ok(reminded.len())
    }

    /// Closes the open round: members still silent lapse. Returns them.
    pub async fn close_renewal(&self, user: &User) -> Result<Vec<CityId>> {
        let view = self.open_round(user).await?;
        Ok(self.store.community().close_renewal(&view.round.id).await?)
    }

    /// What a mailed renewal link opens; no sign-in needed, the link is the credential.
    pub async fn renewal_invitation(&self, token: &str) -> Result<RenewalInvitation> {
        let (round, reply) =
            self.store.community().renewal_by_token(&token_hash(token)).await?.ok_or(Refusal::LinkInvalid)?;
        let city = self.store.registry().city(&reply.city).await?.ok_or(Refusal::NotFound)?;
        let member = self.store.registry().member(&reply.city).await?.ok_or(Refusal::NotFound)?;
        Ok(RenewalInvitation { round, reply, city, member })
    }

    /// Records a member's answer through its link while the round is open.
    pub async fn answer_renewal(&self, token: &str, choice: &RenewalChoice) -> Result<RenewalInvitation> {
        let invitation = self.renewal_invitation(token).await?;
        if invitation.round.closed_at.is_some() {
            return Err(Refusal::RoundClosed.into());
        }
        let (round, city) = (&invitation.round.id, &invitation.city.id);
        match choice {
            RenewalChoice::Confirm => {
                self.store
                    .community()
                    .answer_renewal(round, city, RenewalAnswer::Confirmed, None, None)
                    .await?;
            }
            RenewalChoice::Update(focal_points) => {
                let problems = check_focal_points(focal_points);
                if !problems.is_empty() {
                    return Err(Refusal::CommunityInvalid(problems).into());
                }
                let answer = if focal_points == &invitation.member.focal_points {
                    RenewalAnswer::Confirmed
                } else {
                    RenewalAnswer::Updated
                };
                self.store.community().answer_renewal(round, city, answer, Some(focal_points), None).await?;
            }
            RenewalChoice::Leave(note) => {
                if note.chars().count() > MAX_NOTE {
                    let problem = CommunityProblem::TooLong { max: MAX_NOTE };
                    return Err(Refusal::CommunityInvalid(vec![("note".into(), problem)]).into());
                }
                let note = Some(note.trim()).filter(|n| !n.is_empty());
                self.store.community().answer_renewal(round, city, RenewalAnswer::Left, None, note).await?;
            }
        }
        self.renewal_invitation(token).await
    }

    /// Records a city's application to join; anyone may apply, within limits: a few an hour
    /// from one client, a few dozen an hour in all (the form is public). The secretariat
    /// decides later. An application that filled in the field people never see (`trap`) is a
    /// robot's: it is answered as if recorded, and nothing is written.
    pub async fn apply_to_join(
        &self,
        form: JoinForm<'_>,
        client: &crate::accounts::Client,
    ) -> Result<Option<Application>> {
        if !form.trap.trim().is_empty() {
            tracing::info!("an application filled in the hidden field; it was dropped");
            return Ok(None);
        }
        let client = client.fingerprint();
        let since = self.now().plus_seconds(-3600).to_string();
        let (total, mine) = self.store.community().applications_since(&since, &client).await?;
        if mine >= APPLICATIONS_PER_CLIENT_HOUR || total >= APPLICATIONS_PER_HOUR {
            return Err(Refusal::TooManyApplications.into());
        }
        self.record_application(form, &client).await.map(Some)
    }

    /// Checks and records an application, with the client's fingerprint: what the public form
    /// does once its limits are passed, and what the demonstration loads.
    pub(crate) async fn record_application(&self, form: JoinForm<'_>, client: &str) -> Result<Application> {
        let JoinForm { city_name, country, focal_point, motivation, trap: _, lang } = form;
        let mut problems = Vec::new();
        let country = CountryCode::parse(country)
            .map_err(|_| problems.push(("country".to_string(), CommunityProblem::Missing)))
            .ok();
        let focal_point = focal_point.map_err(|p| problems.push(("email".to_string(), p))).ok();
        let (Some(country), Some(focal_point)) = (country, focal_point) else {
            return Err(Refusal::CommunityInvalid(problems).into());
        };
        let application = Application {
            id: format!("application-{}", new_token()),
            city_name: city_name.trim().to_string(),
            country,
            focal_point,
            motivation: motivation.trim().to_string(),
            submitted_at: self.now(),
            status: ApplicationStatus::Pending,
            reason: None,
            city: None,
            lang: Some(lang),
        };
        problems.extend(application.check());
        if !problems.is_empty() {
            return Err(Refusal::CommunityInvalid(problems).into());
        }
        self.store.community().save_application(&application, client).await?;
        Ok(application)
    }

    /// The applications to join the secretariat deals with, newest first: those marked as spam
    /// are left out.
    pub async fn applications(&self, user: &User) -> Result<Vec<Application>> {
        Self::secretariat_only(user)?;
        self.applications_kept().await
    }

    /// Every application that is not spam.
    pub(crate) async fn applications_kept(&self) -> Result<Vec<Application>> {
        Ok(self
            .store
            .community()
            .applications()
            .await?
            .into_iter()
            .filter(|a| a.status != ApplicationStatus::Spam)
            .collect())
    }

    /// The current members (active, or asked to renew) with their cities, by city id: what the
    /// public members map and API show. Their focal points are left out.
    pub async fn public_members(&self) -> Result<Vec<(City, Member)>> {
        let cities = self.store.registry().cities(&Default::default()).await?;
        Ok(self
            .store
            .registry()
            .members()
            .await?
            .into_iter()
            .filter(|m| m.status.is_current())
            .filter_map(|mut m| {
                m.focal_points.clear();
                cities.iter().find(|c| c.id == m.city).map(|c| (c.clone(), m))
            })
            .collect())
    }

    /// Approves or declines a pending application; the applicant is told by mail. Approving
    /// adds the city to the registry (unless a city of that name and country is there) and
    /// makes it an active member with the applicant as focal point.
    pub async fn decide_application(
        &self,
        user: &User,
        id: &str,
        decision: &Decision,
    ) -> Result<Application> {
        Self::secretariat_only(user)?;
        let mut application = self
            .store
            .community()
            .applications()
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(Refusal::NotFound)?;
        if application.status != ApplicationStatus::Pending {
            return Err(Refusal::AlreadyDecided.into());
        }
        let mail_id = new_token();
        let (subject, body, joined) = match decision {
            Decision::Spam => {
                application.status = ApplicationStatus::Spam;
                let community = self.store.community();
                community.decide_application(&application, user.email.as_str(), None, None).await?;
                return Ok(application);
            }
            Decision::Decline { reason } => {
                let reason = reason.trim();
                if reason.is_empty() || reason.chars().count() > MAX_NOTE {
                    let problem = if reason.is_empty() {
                        CommunityProblem::Missing
                    } else {
                        CommunityProblem::TooLong { max: MAX_NOTE }
                    };
                    return Err(Refusal::CommunityInvalid(vec![("reason".into(), problem)]).into());
                }
                application.status = ApplicationStatus::Declined;
                application.reason = Some(reason.to_string());
                let args = [
                    ("city", FluentValue::from(application.city_name.clone())),
                    ("reason", FluentValue::from(reason.to_string())),
                ];
                let lang = application.focal_point_lang();
                let subject = translate(lang, "declined-mail-subject", &args);
                let body = translate(lang, "declined-mail-body", &args);
                (subject, body, None)
            }
            Decision::Approve { .. } | Decision::ApproveAs { .. } => {
                let placed = match decision {
                    Decision::ApproveAs { geonameid } => {
                        let place = Gazetteer::shipped().place(*geonameid).ok_or(Refusal::NotFound)?;
                        Placed {
                            country: place.country.clone(),
                            location: place.location,
                            population: Population {
                                count: place.population,
                                year: None,
                                source: Some(GAZETTEER_SOURCE.into()),
                            },
                        }
                    }
                    Decision::Approve { location, population } => Placed {
                        country: application.country.clone(),
                        location: *location,
                        population: Population { count: population.unwrap_or(0), year: None, source: None },
                    },
                    Decision::Decline { .. } | Decision::Spam => unreachable!("matched above"),
                };
                let (city, member) = self.joining(&mut application, placed).await?;
                let lang = application.focal_point_lang();
                let args = [
                    ("city", FluentValue::from(city.name_in(lang).to_string())),
                    ("name", FluentValue::from(application.focal_point.name.clone())),
                    (
                        "link",
                        FluentValue::from(
                            self.base_url()
                                .map_or_else(|_| String::new(), |b| format!("{b}/cities/{}", city.id)),
                        ),
                    ),
                ];
                let subject = translate(lang, "welcome-mail-subject", &args);
                let body = translate(lang, "welcome-mail-body", &args);
                (subject, body, Some((city, member)))
            }
        };
        let recipient = application.focal_point.email.as_str().to_string();
        let mail = OutgoingMail { id: &mail_id, recipient: &recipient, subject: &subject, body: &body };
        let joined_refs = joined.as_ref().map(|(c, m)| (c, m));
        self.store
            .community()
            .decide_application(&application, user.email.as_str(), joined_refs, Some(&mail))
            .await?;
        Ok(application)
    }

    /// The registry's city an approved application joins as (one of that name and country
    /// already there, or a new one placed as given) and its membership, with the applicant as
    /// focal point; marks the application approved.
    async fn joining(&self, application: &mut Application, placed: Placed) -> Result<(City, Member)> {
        let cities = self.store.registry().cities(&Default::default()).await?;
        let existing = cities
            .into_iter()
            .find(|c| c.country == placed.country && c.name.eq_ignore_ascii_case(&application.city_name));
        let city = match existing {
            Some(city) => city,
            None => City {
                id: self.free_city_id(&application.city_name, &placed.country).await?,
                name: application.city_name.clone(),
                local_name: None,
                names: Default::default(),
                section: Section::for_country(&placed.country).ok_or(Refusal::NotFound)?,
                country: placed.country,
                metropolis: false,
                population: placed.population,
                location: placed.location,
            },
        };
        application.status = ApplicationStatus::Approved;
        application.city = Some(city.id.clone());
        let since = self.now().to_string()[..4].parse().ok();
        let member = Member {
            city: city.id.clone(),
            status: MemberStatus::Active,
            since,
            focal_points: vec![application.focal_point.clone()],
            illustrative: false,
        };
        Ok((city, member))
    }

    /// Places of the shipped gazetteer an application's city may be: those of its name in its
    /// country, most populous first (then those whose name starts alike). The secretariat only.
    pub async fn gazetteer_places(
        &self,
        user: &User,
        name: &str,
        country: Option<&CountryCode>,
    ) -> Result<Vec<Place>> {
        Self::secretariat_only(user)?;
        Ok(Gazetteer::shipped().search(name, country, MAX_PLACES).into_iter().cloned().collect())
    }

    /// An unused registry id for a city: `es-getxo`, then `es-getxo-2`…
    pub(crate) async fn free_city_id(&self, name: &str, country: &CountryCode) -> Result<CityId> {
        let slug: String = name
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            })
            .collect();
        let slug: Vec<&str> = slug.split('-').filter(|p| !p.is_empty()).take(8).collect();
        // A name in another script leaves nothing to spell the id with.
        let slug = if slug.is_empty() { "city".to_string() } else { slug.join("-") };
        let slug = slug[..slug.len().min(50)].trim_end_matches('-');
        let base = format!("{}-{slug}", country.as_str().to_lowercase());
        let mut candidate = base.clone();
        let mut n = 1;
        loop {
            let id = CityId::parse(&candidate).map_err(|e| crate::AppError::Internal(e.to_string()))?;
            if self.store.registry().city(&id).await?.is_none() {
                return Ok(id);
            }
            n += 1;
            candidate = format!("{base}-{n}");
        }
    }
}
