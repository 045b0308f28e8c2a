//! Who may see and do what: every rule of access in one place, and the one redaction that keeps
//! the study from becoming a ranking. Pages, the API, published versions and exports all ask
//! here; nothing else decides.

use smartcities_analysis::{CityProfile, Results};
use smartcities_domain::{CityId, Edition, EditionStatus, PracticeStatus, Role};
use smartcities_search::Visibility;
use smartcities_store::{StoredPractice, User};

/// Who is asking: a visitor nobody knows, or a signed-in account.
#[derive(Debug, Clone, Copy)]
pub enum Viewer<'a> {
    /// Not signed in: the public (and every published file, which the public reads).
    Visitor,
    /// A signed-in account.
    Account(&'a User),
}

impl<'a> Viewer<'a> {
    /// The viewer of a signed-in account, or a visitor.
    pub fn of(user: Option<&'a User>) -> Viewer<'a> {
        user.map_or(Viewer::Visitor, Viewer::Account)
    }

    /// The account's role, if signed in.
    pub fn role(self) -> Option<Role> {
        match self {
            Viewer::Visitor => None,
            Viewer::Account(user) => Some(user.role),
        }
    }

    /// The account, if signed in.
    pub fn user(self) -> Option<&'a User> {
        match self {
            Viewer::Visitor => None,
            Viewer::Account(user) => Some(user),
        }
    }

    /// The secretariat or an analyst: the people who run and study an edition.
    pub fn is_staff(self) -> bool {
        self.role().is_some_and(is_staff)
    }

    /// The secretariat.
    pub fn is_secretariat(self) -> bool {
        self.role() == Some(Role::Secretariat)
    }
}

/// The roles that run and study editions: the secretariat and analysts.
pub fn is_staff(role: Role) -> bool {
    matches!(role, Role::Secretariat | Role::Analyst)
}

/// Whether `user` may read a city's answers: staff read every city's, a respondent only their
/// own city's.
pub fn may_read_answers(user: &User, city: &CityId) -> bool {
    is_staff(user.role) || user.city.as_ref() == Some(city)
}

/// Whether `user` may change a city's answers (the response's status is checked apart): the
/// secretariat for any city, a respondent for their own.
pub fn may_write_answers(user: &User, city: &CityId) -> bool {
    user.role == Role::Secretariat || (user.role == Role::Respondent && user.city.as_ref() == Some(city))
}

/// Whether the viewer may read an edition's findings: everyone once a version is public,
/// staff before.
pub fn may_read_results(viewer: Viewer<'_>, status: EditionStatus) -> bool {
    status.published || viewer.is_staff()
}

/// Whether the viewer sees composite scores and levels (each city's mean position per axis,
/// the composite index): staff always, everyone else only where the edition opts in.
pub fn sees_scores(viewer: Viewer<'_>, edition: &Edition) -> bool {
    edition.public_scores || viewer.is_staff()
}

/// The study is not a ranking. What leaves the server for `viewer` carries a city's levels and
/// scores only if [`sees_scores`], and ranks only where the edition shows rankings.
pub fn redact(viewer: Viewer<'_>, edition: &Edition, results: &mut Results) {
    if !sees_scores(viewer, edition) {
        results.composite = None;
        for city in &mut results.peers {
            city.profile.clear();
        }
    }
    if !edition.show_rankings
        && let Some(index) = &mut results.composite
    {
        for city in &mut index.cities {
            (city.rank, city.rank_5, city.rank_95) = (None, None, None);
        }
    }
}

/// [`redact`] for one city's profile.
pub fn redact_profile(viewer: Viewer<'_>, edition: &Edition, profile: &mut CityProfile) {
    if !sees_scores(viewer, edition) {
        profile.axis_profile.clear();
        profile.index = None;
    }
    if !edition.show_rankings
        && let Some(index) = &mut profile.index
    {
        let standing = &mut index.standing;
        (standing.rank, standing.rank_5, standing.rank_95) = (None, None, None);
    }
}

/// Which practices of the catalogue a viewer finds: the published ones, and also every draft
/// for the secretariat, and its own city's drafts for a respondent. Analysts study published
/// practices only, as the public does.
pub fn practice_visibility(viewer: Option<&User>) -> Visibility {
    match viewer {
        None => Visibility::Public,
        Some(user) => match (user.role, &user.city) {
            (Role::Secretariat, _) => Visibility::Everything,
            (Role::Respondent, Some(city)) => Visibility::City(city.clone()),
            (Role::Respondent, None) | (Role::Analyst, _) => Visibility::Public,
        },
    }
}

/// Whether `viewer` may read a practice, whatever its status.
pub fn may_see_practice(viewer: Option<&User>, stored: &StoredPractice) -> bool {
    stored.status == PracticeStatus::Published
        || match practice_visibility(viewer) {
            Visibility::Everything => true,
            Visibility::City(city) => city == stored.practice.city,
            Visibility::Public => false,
        }
}

/// Whether `user` may edit a practice: the secretariat always, its city's respondents while it
/// is not published (a published practice changes through the secretariat).
pub fn may_edit_practice(user: Option<&User>, stored: &StoredPractice) -> bool {
    match user {
        Some(user) if user.role == Role::Secretariat => true,
        Some(user) if user.role == Role::Respondent => {
            user.city.as_ref() == Some(&stored.practice.city) && stored.status != PracticeStatus::Published
        }
        _ => false,
    }
}

/// Whether `user` may propose a practice for `city`: its respondents, or the secretariat for it.
pub fn may_propose_practice(user: &User, city: &CityId) -> bool {
    user.role == Role::Secretariat || (user.role == Role::Respondent && user.city.as_ref() == Some(city))
}

/// What a signed-in account may do with one city's response to one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// The secretariat: reads and corrects every section (as the response's status allows),
    /// reviews, and changes the city's team.
    Secretariat,
    /// An analyst: reads everything, changes nothing.
    Analyst,
    /// A focal point of the city: answers every section, submits, brings in colleagues.
    FocalPoint,
    /// A colleague the focal point brought in: reads every section, answers only these (the
    /// questionnaire's top-level groups).
    Colleague {
        /// The sections they answer.
        sections: std::collections::BTreeSet<String>,
    },
}

impl Access {
    /// Whether this access changes answers in `section` (`None` for a question outside every
    /// group, which only the focal point and the secretariat answer).
    pub fn writes_section(&self, section: Option<&str>) -> bool {
        match self {
            Access::Secretariat | Access::FocalPoint => true,
            Access::Analyst => false,
            Access::Colleague { sections } => section.is_some_and(|s| sections.contains(s)),
        }
    }

    /// Whether it changes some answer at all.
    pub fn writes_any(&self) -> bool {
        match self {
            Access::Secretariat | Access::FocalPoint => true,
            Access::Analyst => false,
            Access::Colleague { sections } => !sections.is_empty(),
        }
    }

    /// Whether it acts for the whole response: submits it, uploads a whole workbook, starts
    /// from the previous edition's answers, and changes who answers what.
    pub fn acts_for_city(&self) -> bool {
        matches!(self, Access::Secretariat | Access::FocalPoint)
    }
}

/// What `user` may do with `city`'s response, knowing their terms as a colleague of the city
/// (`None` for anyone who is not one); `None` when they may not read it at all. A colleague
/// whose access ended reads nothing.
pub fn response_access(
    user: &User,
    city: &CityId,
    colleague: Option<&smartcities_store::ColleagueTerms>,
) -> Option<Access> {
    match user.role {
        Role::Secretariat => Some(Access::Secretariat),
        Role::Analyst => Some(Access::Analyst),
        Role::Respondent if user.city.as_ref() != Some(city) || user.disabled => None,
        Role::Respondent => match colleague {
            None => Some(Access::FocalPoint),
            Some(terms) if terms.ended_at.is_some() => None,
            Some(terms) => Some(Access::Colleague { sections: terms.sections.iter().cloned().collect() }),
        },
    }
}
