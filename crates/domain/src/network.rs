//! How the community keeps itself: the periodic renewal of its member list, applications to
//! join, who leads it and in which of the network's bodies, and its activity plan by semester.

use serde::{Deserialize, Serialize};

use crate::{
    ApproxDate, CityId, Component, CountryCode, EditionYear, Email, EventId, FocalPoint, ParseError, Written,
    english_if_plain, optional_english_if_plain,
};

vocabulary! {
    /// What a member answered in a renewal round.
    RenewalAnswer {
        /// Not answered yet; at the close of the round the member lapses.
        Waiting => "waiting",
        /// Stays a member; its details are right.
        Confirmed => "confirmed",
        /// Stays a member and corrected its contacts.
        Updated => "updated",
        /// Leaves the community.
        Left => "left",
    }
}

vocabulary! {
    /// Where an application to join stands.
    ApplicationStatus {
        /// Waiting for the secretariat.
        Pending => "pending",
        /// Accepted: the city is a member.
        Approved => "approved",
        /// Turned down, with a reason sent to the applicant.
        Declined => "declined",
        /// Not a real application (a robot's, a joke): out of every list and count, nobody mailed.
        Spam => "spam",
    }
}

vocabulary! {
    /// Where an activity of the plan stands.
    ActivityStatus {
        /// Planned, not started.
        Planned => "planned",
        /// Started.
        UnderWay => "under_way",
        /// Finished.
        Done => "done",
        /// Dropped.
        Cancelled => "cancelled",
    }
}

/// How many focal points a member may name.
pub const MAX_FOCAL_POINTS: usize = 5;
/// How long a name, role or title may be.
const MAX_NAME: usize = 200;
/// How long a free text (a motivation, a reason) may be.
const MAX_TEXT: usize = 2_000;

/// What is wrong with a submitted form of the community's, named by field for the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommunityProblem {
    /// A required text is empty.
    Missing,
    /// A text longer than allowed.
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// Not an e-mail address.
    NotAnEmail,
    /// More focal points than allowed, or none.
    FocalPoints {
        /// The most allowed.
        max: usize,
    },
    /// The end lies before the start.
    EndsBeforeStart,
    /// A date that must lie after today does not.
    NotInFuture,
    /// A name or a line of text holds a control character (a line break in a name, a tab).
    ControlCharacter,
    /// A number that cannot be read.
    Number(crate::NumberProblem),
}

fn text_problem(text: &str, required: bool, max: usize) -> Option<CommunityProblem> {
    let text = text.trim();
    if required && text.is_empty() {
        Some(CommunityProblem::Missing)
    } else if text.chars().count() > max {
        Some(CommunityProblem::TooLong { max })
    } else {
        None
    }
}

/// [`text_problem`] for a translatable text, in each of its languages.
fn written_problem(text: Option<&Written>, required: bool, max: usize) -> Option<CommunityProblem> {
    match text {
        None if required => Some(CommunityProblem::Missing),
        None => None,
        Some(w) if required && w.is_empty() => Some(CommunityProblem::Missing),
        Some(w) => w.text.values().find_map(|t| text_problem(t, false, max)),
    }
}

/// [`text_problem`] for a one-line text (a name, a role): no control character either.
fn line_problem(text: &str, required: bool, max: usize) -> Option<CommunityProblem> {
    if text.trim().contains(char::is_control) {
        return Some(CommunityProblem::ControlCharacter);
    }
    text_problem(text, required, max)
}

/// Checks the focal points a member names: one to [`MAX_FOCAL_POINTS`], each with a name.
/// Fields are named `focal-{n}-name` and so on, counting from 1 as the form shows them.
pub fn check_focal_points(focal_points: &[FocalPoint]) -> Vec<(String, CommunityProblem)> {
    let mut problems = Vec::new();
    if focal_points.is_empty() || focal_points.len() > MAX_FOCAL_POINTS {
        problems.push(("focal".to_string(), CommunityProblem::FocalPoints { max: MAX_FOCAL_POINTS }));
    }
    for (i, focal) in focal_points.iter().enumerate() {
        if let Some(p) = line_problem(&focal.name, true, MAX_NAME) {
            problems.push((format!("focal-{}-name", i + 1), p));
        }
        if let Some(p) = line_problem(&focal.role, false, MAX_NAME) {
            problems.push((format!("focal-{}-role", i + 1), p));
        }
    }
    problems
}

/// A city's request to join the community, as its focal point filled it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// The application's id.
    pub id: String,
    /// The city's name.
    pub city_name: String,
    /// Its country.
    pub country: CountryCode,
    /// Who applies and will be the focal point.
    pub focal_point: FocalPoint,
    /// Why the city wants to join.
    pub motivation: String,
    /// When it was sent (RFC 3339).
    pub submitted_at: crate::Timestamp,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// The reason given when it was declined.
    pub reason: Option<String>,
    /// The registry's city once approved.
    pub city: Option<CityId>,
    /// The language the applicant wrote in (the form's), which mail to them is written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::Lang>,
}

impl Application {
    /// The language to write to the applicant in: the form's, else the one their motivation
    /// reads as, else English.
    pub fn focal_point_lang(&self) -> crate::Lang {
        self.lang.or_else(|| crate::Lang::guess(&self.motivation)).unwrap_or(crate::Lang::En)
    }

    /// Checks what the applicant typed; every problem is named by its field.
    pub fn check(&self) -> Vec<(String, CommunityProblem)> {
        let mut problems = Vec::new();
        let fields = [
            ("city_name", &self.city_name, true, MAX_NAME, true),
            ("name", &self.focal_point.name, true, MAX_NAME, true),
            ("role", &self.focal_point.role, false, MAX_NAME, true),
            ("motivation", &self.motivation, false, MAX_TEXT, false),
        ];
        for (field, text, required, max, one_line) in fields {
            let problem =
                if one_line { line_problem(text, required, max) } else { text_problem(text, required, max) };
            if let Some(p) = problem {
                problems.push((field.to_string(), p));
            }
        }
        problems
    }
}

/// A half year, the unit the community plans in (`2026-S1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Semester {
    /// The year.
    pub year: u16,
    /// 1 for January–June, 2 for July–December.
    pub half: u8,
}

string_schema!(Semester, "2026-S1", "A half year: the year, then S1 (January–June) or S2 (July–December).");

impl Semester {
    /// A semester written `2026-S1` (or `2026-s2`).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let bad = || ParseError::new(format!("{input:?} is not a semester: use YYYY-S1 or YYYY-S2"));
        let (year, half) = input.trim().split_once('-').ok_or_else(bad)?;
        let year: u16 = year.parse().ok().filter(|y| (1900..=2200).contains(y)).ok_or_else(bad)?;
        let half = match half {
            "S1" | "s1" => 1,
            "S2" | "s2" => 2,
            _ => return Err(bad()),
        };
        Ok(Semester { year, half })
    }

    /// The semester a month falls in.
    pub fn of_month(year: u16, month: u8) -> Semester {
        Semester { year, half: if month <= 6 { 1 } else { 2 } }
    }

    /// Its first and last month, as `YYYY-MM`.
    pub fn months(self) -> (String, String) {
        let (first, last) = if self.half == 1 { (1, 6) } else { (7, 12) };
        (format!("{}-{first:02}", self.year), format!("{}-{last:02}", self.year))
    }

    /// The semester after this one.
    pub fn next(self) -> Semester {
        if self.half == 1 {
            Semester { year: self.year, half: 2 }
        } else {
            Semester { year: self.year + 1, half: 1 }
        }
    }
}

impl std::fmt::Display for Semester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-S{}", self.year, self.half)
    }
}

impl TryFrom<String> for Semester {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Semester::parse(&value)
    }
}

impl From<Semester> for String {
    fn from(s: Semester) -> String {
        s.to_string()
    }
}

/// An activity of the community's plan: disseminating an edition, defining the next one's
/// approach, drafting it, launching it at the World Council…
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    /// Its id (lower-case letters, digits and hyphens).
    pub id: EventId,
    /// What is done, as written and translated.
    #[serde(deserialize_with = "english_if_plain")]
    pub title: Written,
    /// The semester it is planned in.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-S1"))]
    pub semester: Semester,
    /// The edition of the study it serves, if one.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u16>, example = 2025))]
    pub edition: Option<EditionYear>,
    /// The component of the network's priorities it reports under.
    pub component: Component,
    /// Where it stands.
    pub status: ActivityStatus,
    /// Who carries it out (the lead city, the secretariat, a partner), as written and
    /// translated, if said.
    #[serde(default, deserialize_with = "optional_english_if_plain")]
    pub owner: Option<Written>,
    /// When it starts, if known.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "2026-02"))]
    pub starts_on: Option<ApproxDate>,
    /// When it ends, if known.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "2026-06"))]
    pub ends_on: Option<ApproxDate>,
    /// Made up for the demonstration.
    #[serde(default)]
    pub illustrative: bool,
}

impl Activity {
    /// Checks an activity as a whole; every problem is named by its field.
    pub fn check(&self) -> Vec<(String, CommunityProblem)> {
        let mut problems = Vec::new();
        if let Some(p) = written_problem(Some(&self.title), true, MAX_NAME) {
            problems.push(("title".to_string(), p));
        }
        if let Some(p) = written_problem(self.owner.as_ref(), false, MAX_NAME) {
            problems.push(("owner".to_string(), p));
        }
        if let (Some(start), Some(end)) = (self.starts_on, self.ends_on)
            && end < start
        {
            problems.push(("ends_on".to_string(), CommunityProblem::EndsBeforeStart));
        }
        problems
    }

    /// Every text of the activity a reader may read.
    pub fn texts(&self) -> Vec<&Written> {
        std::iter::once(&self.title).chain(self.owner.as_ref()).collect()
    }
}

/// A body of the network the lead city takes part in (a political council, a commission, a
/// hub), and its role there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BodySeat {
    /// The body, as written and translated.
    #[serde(deserialize_with = "english_if_plain")]
    pub body: Written,
    /// The lead's role in it (co-chair, vice-president, member), if said.
    #[serde(default, deserialize_with = "optional_english_if_plain")]
    pub role: Option<Written>,
}

/// A political council that should receive each edition's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Council {
    /// The council's name, as written and translated.
    #[serde(deserialize_with = "english_if_plain")]
    pub name: Written,
    /// The editions whose findings it has received.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<u16>))]
    pub received: Vec<EditionYear>,
}

/// Who leads the community and where the lead represents it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Leadership {
    /// The lead city.
    pub city: CityId,
    /// Who represents it (the mayor).
    pub representative: String,
    /// Their office ("Mayor of Bilbao"), as written and translated, if said.
    #[serde(default, deserialize_with = "optional_english_if_plain")]
    pub office: Option<Written>,
    /// Since when the city leads.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2012"))]
    pub since: ApproxDate,
    /// What changed in the leadership in the latest period (a renewal of the network's
    /// consultation mechanisms, a wish to continue), for the progress report.
    #[serde(default, deserialize_with = "optional_english_if_plain")]
    pub update: Option<Written>,
    /// The network's bodies the lead takes part in.
    #[serde(default)]
    pub bodies: Vec<BodySeat>,
    /// The political councils that should receive the findings.
    #[serde(default)]
    pub councils: Vec<Council>,
    /// Made up for the demonstration.
    #[serde(default)]
    pub illustrative: bool,
}

impl Leadership {
    /// Checks the texts; every problem is named by its field.
    pub fn check(&self) -> Vec<(String, CommunityProblem)> {
        let mut problems = Vec::new();
        if let Some(p) = text_problem(&self.representative, true, MAX_NAME) {
            problems.push(("representative".to_string(), p));
        }
        if let Some(p) = written_problem(self.office.as_ref(), false, MAX_NAME) {
            problems.push(("office".to_string(), p));
        }
        if let Some(p) = written_problem(self.update.as_ref(), false, MAX_TEXT) {
            problems.push(("update".to_string(), p));
        }
        for (i, seat) in self.bodies.iter().enumerate() {
            let problem = written_problem(Some(&seat.body), true, MAX_NAME)
                .or_else(|| written_problem(seat.role.as_ref(), false, MAX_NAME));
            if let Some(p) = problem {
                problems.push((format!("body-{}", i + 1), p));
            }
        }
        for (i, council) in self.councils.iter().enumerate() {
            if let Some(p) = written_problem(Some(&council.name), true, MAX_NAME) {
                problems.push((format!("council-{}", i + 1), p));
            }
        }
        problems
    }

    /// Every text of the record a reader may read, for counting what lacks a translation.
    pub fn texts(&self) -> Vec<&Written> {
        let seats = self.bodies.iter().flat_map(|b| std::iter::once(&b.body).chain(b.role.as_ref()));
        self.office
            .iter()
            .chain(self.update.iter())
            .chain(seats)
            .chain(self.councils.iter().map(|c| &c.name))
            .collect()
    }
}

/// A focal point from what a form gave, or the problem with the address.
pub fn focal_point(name: &str, role: &str, email: &str) -> Result<FocalPoint, CommunityProblem> {
    let email = Email::parse(email).map_err(|_| CommunityProblem::NotAnEmail)?;
    Ok(FocalPoint { name: name.trim().to_string(), role: role.trim().to_string(), email })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semesters_parse_order_and_span_their_months() {
        let s = Semester::parse("2026-S2").unwrap();
        assert_eq!(s.to_string(), "2026-S2");
        assert_eq!(s.months(), ("2026-07".into(), "2026-12".into()));
        assert_eq!(s.next(), Semester { year: 2027, half: 1 });
        assert!(Semester::parse("2026-S1").unwrap() < s);
        assert_eq!(Semester::of_month(2026, 6), Semester { year: 2026, half: 1 });
        for bad in ["2026", "2026-S3", "26-S1", "2026-H1"] {
            assert!(Semester::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn forms_name_each_problem_by_field() {
        let focal = focal_point("Ana", "CIO", "ana@bilbao.eus").unwrap();
        assert_eq!(focal_point("Ana", "", "ana"), Err(CommunityProblem::NotAnEmail));
        let mut points = vec![focal.clone(); 2];
        points[1].name = " ".into();
        assert_eq!(check_focal_points(&points), [("focal-2-name".to_string(), CommunityProblem::Missing)]);
        assert_eq!(check_focal_points(&[])[0].0, "focal");
        assert_eq!(check_focal_points(&vec![focal.clone(); 6])[0].0, "focal");
        let application = Application {
            id: "a".into(),
            city_name: String::new(),
            country: CountryCode::parse("ES").unwrap(),
            focal_point: focal,
            motivation: "x".repeat(MAX_TEXT + 1),
            submitted_at: crate::Timestamp::parse("2026-12-01T00:00:00Z").unwrap(),
            status: ApplicationStatus::Pending,
            reason: None,
            city: None,
            lang: None,
        };
        let fields: Vec<String> = application.check().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["city_name", "motivation"]);
    }

    #[test]
    fn an_activity_cannot_end_before_it_starts() {
        let activity = Activity {
            id: EventId::parse("dissemination-2025").unwrap(),
            title: Written::new(crate::Lang::En, "Dissemination of the 2025 edition"),
            semester: Semester::parse("2026-S1").unwrap(),
            edition: None,
            component: Component::Implementation,
            status: ActivityStatus::Planned,
            owner: None,
            starts_on: ApproxDate::parse("2026-05").ok(),
            ends_on: ApproxDate::parse("2026-02").ok(),
            illustrative: false,
        };
        assert_eq!(activity.check(), [("ends_on".to_string(), CommunityProblem::EndsBeforeStart)]);
    }
}
