//! A city's answering team. A study on six axes needs the mobility, environment and governance
//! departments, not one officer: the city's focal point brings in colleagues by e-mail and gives
//! each the sections of the questionnaire (its top-level groups: the axes, for a questionnaire
//! made from the framework) they answer. A colleague reads every section and saves only theirs;
//! every save carries who made it; the focal point submits. The secretariat changes a city's
//! focal point and ends a colleague's access.

use smartcities_domain::{CityId, EditionYear, Email, Lang};
use smartcities_locale::{FluentValue, translate};
use smartcities_questionnaire::Questionnaire;
use smartcities_store::{NewTeamMember, User};

pub use crate::sections::{Section, section_of, sections};
pub use crate::team_problem::{MAX_NAME_CHARS, TeamProblem};
use crate::{App, Refusal, Result, accounts::new_token, policy::Access, responses::ResponseFile};

/// Refuses a save touching a question outside the reader's sections, naming the first such
/// section in `lang`. Unknown questions pass here: the answer checks name them.
pub(crate) fn check_sections<'a>(
    file: &ResponseFile,
    questions: impl IntoIterator<Item = &'a str>,
    lang: Lang,
) -> Result<()> {
    if file.access.acts_for_city() {
        return Ok(());
    }
    let q = &file.questionnaire;
    for question in questions {
        if q.question(question).is_none() {
            continue;
        }
        let section = section_of(q, question);
        if !file.access.writes_section(section) {
            let label = sections(q, lang)
                .into_iter()
                .find(|s| Some(s.name.as_str()) == section)
                .map_or_else(|| question.to_string(), |s| s.label);
            return Err(TeamProblem::NotYourSection { section: label }.into());
        }
    }
    Ok(())
}

/// A colleague to bring in, as the focal point typed them.
#[derive(Debug, Clone)]
pub struct NewColleague {
    /// Their name.
    pub name: String,
    /// Their address.
    pub email: String,
    /// The sections they answer (top-level group names).
    pub sections: Vec<String>,
    /// The language their invitation is written in.
    pub lang: Lang,
}

/// A new focal point for a city, as the secretariat typed them.
#[derive(Debug, Clone)]
pub struct NewFocalPoint {
    /// Their name.
    pub name: String,
    /// Their address.
    pub email: String,
    /// Their position in the city's administration.
    pub role: String,
    /// The language their mail is written in.
    pub lang: Lang,
}

fn checked_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TeamProblem::NameMissing.into());
    }
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(TeamProblem::NameInvalid.into());
    }
    Ok(name.to_string())
}

fn checked_sections(q: &Questionnaire, given: &[String]) -> Result<Vec<String>> {
    let known = sections(q, q.default_language);
    let mut out = Vec::new();
    for section in given.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !known.iter().any(|k| k.name == section) {
            return Err(TeamProblem::UnknownSection { section: section.chars().take(80).collect() }.into());
        }
        if !out.iter().any(|s: &String| s == section) {
            out.push(section.to_string());
        }
    }
    Ok(out)
}

/// The id a new account of the city's team gets.
fn new_member_id(city: &CityId) -> String {
    format!("respondent-{city}-{}", &new_token()[..12])
}

impl App {
    /// The sections of an edition's questionnaire as (name, label in `lang`).
    pub async fn section_labels(&self, year: EditionYear, lang: Lang) -> Result<Vec<(String, String)>> {
        let (_, questionnaire) = self.shared_questionnaire(year).await?;
        Ok(sections(&questionnaire, lang).into_iter().map(|s| (s.name, s.label)).collect())
    }

    /// The response read for changing its team: the city's focal point or the secretariat.
    async fn team_file(&self, user: &User, year: EditionYear, city: &CityId) -> Result<ResponseFile> {
        let file = self.response_file(user, year, city).await?;
        match file.access {
            Access::Secretariat | Access::FocalPoint => Ok(file),
            Access::Colleague { .. } => Err(TeamProblem::FocalPointOnly.into()),
            Access::Analyst => Err(Refusal::Forbidden.into()),
        }
    }

    /// Brings a colleague into the city's team to answer `sections` of the edition, and mails
    /// them, in the language asked for, a link to set their password (or, if they have one, to
    /// the questionnaire). The focal point or the secretariat only. Inviting a colleague again
    /// gives them these sections and their access back.
    pub async fn invite_colleague(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        new: &NewColleague,
    ) -> Result<User> {
        let file = self.team_file(user, year, city).await?;
        self.base_url()?;
        let name = checked_name(&new.name)?;
        let email = Email::parse(new.email.trim()).map_err(|_| TeamProblem::AddressInvalid)?;
        let sections = checked_sections(&file.questionnaire, &new.sections)?;
        if sections.is_empty() {
            return Err(TeamProblem::NoSections.into());
        }
        let id = new_member_id(city);
        let person = NewTeamMember { id: &id, email: &email, name: &name, city, lang: new.lang };
        let colleague =
            self.store.teams().add_colleague(&person, year, &sections, user.email.as_str()).await?;
        let link = self.link_for(&colleague, year).await?;
        let lang = new.lang;
        let labels: Vec<String> = crate::team::sections(&file.questionnaire, lang)
            .into_iter()
            .filter(|s| sections.contains(&s.name))
            .map(|s| s.label)
            .collect();
        let args = [
            ("inviter", FluentValue::from(user.name.clone())),
            ("city", FluentValue::from(file.city.name_in(lang).to_string())),
            ("edition", FluentValue::from(file.edition.title.get(lang).to_string())),
            ("sections", FluentValue::from(labels.join(", "))),
            ("link", FluentValue::from(link)),
        ];
        let subject = translate(lang, "team-mail-colleague-subject", &args);
        let body = translate(lang, "team-mail-colleague-body", &args);
        self.store.outbox().enqueue_mail(&new_token(), email.as_str(), &subject, &body).await?;
        tracing::info!(by = %user.email.as_str(), city = %city, colleague = %email.as_str(), "colleague invited");
        Ok(colleague)
    }

    /// Gives a colleague of the city exactly `sections` of the edition (none leaves them
    /// reading only). The focal point or the secretariat only.
    pub async fn assign_sections(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        colleague: &str,
        sections: &[String],
    ) -> Result<()> {
        let file = self.team_file(user, year, city).await?;
        let member = file
            .team
            .iter()
            .find(|m| m.user.id == colleague && m.colleague.is_some())
            .ok_or(TeamProblem::NotAColleague)?;
        let sections = checked_sections(&file.questionnaire, sections)?;
        self.store.teams().set_sections(&member.user.id, year, &sections).await?;
        Ok(())
    }

    /// Ends a colleague's access to the city's answers at once: they cannot sign in, and what
    /// they answered stays attributed to them. The focal point or the secretariat only.
    pub async fn end_colleague(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        colleague: &str,
    ) -> Result<()> {
        let file = self.team_file(user, year, city).await?;
        let member = file
            .team
            .iter()
            .find(|m| m.user.id == colleague && m.colleague.is_some())
            .ok_or(TeamProblem::NotAColleague)?;
        self.store.teams().end_colleague(&member.user.id).await?;
        tracing::info!(by = %user.email.as_str(), city = %city, colleague = %member.user.email.as_str(), "colleague's access ended");
        Ok(())
    }

    /// Makes someone the city's focal point: the secretariat only. A colleague of the city
    /// with that address becomes the focal point; the previous focal points' accounts are
    /// disabled; a member city's registry names the new focal point. The new focal point is
    /// mailed a link, in the language asked for.
    pub async fn change_focal_point(
        &self,
        user: &User,
        year: EditionYear,
        city: &CityId,
        new: &NewFocalPoint,
    ) -> Result<User> {
        let file = self.team_file(user, year, city).await?;
        if file.access != Access::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        self.base_url()?;
        let name = checked_name(&new.name)?;
        let email = Email::parse(new.email.trim()).map_err(|_| TeamProblem::AddressInvalid)?;
        let role =
            new.role.trim().chars().filter(|c| !c.is_control()).take(MAX_NAME_CHARS).collect::<String>();
        let id = new_member_id(city);
        let person = NewTeamMember { id: &id, email: &email, name: &name, city, lang: new.lang };
        let (focal, former) = self.store.teams().change_focal_point(&person, &role).await?;
        let link = self.link_for(&focal, year).await?;
        let lang = new.lang;
        let args = [
            ("city", FluentValue::from(file.city.name_in(lang).to_string())),
            ("edition", FluentValue::from(file.edition.title.get(lang).to_string())),
            ("link", FluentValue::from(link)),
        ];
        let subject = translate(lang, "team-mail-focal-subject", &args);
        let body = translate(lang, "team-mail-focal-body", &args);
        self.store.outbox().enqueue_mail(&new_token(), email.as_str(), &subject, &body).await?;
        tracing::info!(
            by = %user.email.as_str(), city = %city, focal_point = %email.as_str(), former = former.len(),
            "focal point changed"
        );
        Ok(focal)
    }
}
