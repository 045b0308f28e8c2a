//! The community of practice running itself: the components of the network's priorities its
//! work is reported under, and the events it holds or takes part in (webinars, learning meetings
//! with partner organisations, presentations of the study).

use serde::{Deserialize, Serialize};

use crate::{
    ApproxDate, EditionYear, EventHours, EventMoment, Lang, ParseError, Written, web_link,
    written::StoredText,
};

vocabulary! {
    /// The five components a community reports its progress under to the World Secretariat.
    Component {
        /// Carrying out the work plan: the study's editions.
        Implementation => "implementation",
        /// Representing the community in the network's bodies and at events.
        Representation => "representation",
        /// Monitoring and follow-up: reporting to the World Secretariat.
        Monitoring => "monitoring",
        /// Learning with partner organisations and between cities.
        Learning => "learning",
        /// Strengthening the network: participation, dissemination to political councils.
        Strengthening => "strengthening",
    }
}

vocabulary! {
    /// What kind of event it was.
    EventKind {
        /// An online seminar open to the members.
        Webinar => "webinar",
        /// A virtual or in-person learning meeting between cities.
        LearningMeeting => "learning_meeting",
        /// The study presented at a conference, a council or another network's meeting.
        Presentation => "presentation",
        /// Work with a partner organisation (UN-Habitat, WeGO, a research team…).
        PartnerMeeting => "partner_meeting",
        /// A meeting of the network's statutory bodies (World Council, Executive Bureau…).
        StatutoryMeeting => "statutory_meeting",
    }
}

/// An event's id: lower-case letters, digits and hyphens (`2026-03-webinar-open-data`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EventId(String);

string_schema!(
    EventId,
    "2026-03-webinar-open-data",
    "An event's id: lower-case letters, digits and hyphens."
);

impl EventId {
    /// An id from its text.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let input = input.trim();
        let valid = (3..=80).contains(&input.len())
            && input.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !input.starts_with('-')
            && !input.ends_with('-');
        if valid {
            Ok(EventId(input.to_string()))
        } else {
            Err(ParseError::new(format!(
                "{input:?} is not an event id: use 3 to 80 lower-case letters, digits and inner hyphens"
            )))
        }
    }

    /// An id made from an event's day and title (`2027-03` and "Webinar: IA y ciudades" give
    /// `2027-03-webinar-ia-y-ciudades`): accents dropped, other marks made hyphens, cut at a
    /// word within 80 characters. `None` when nothing of the title can make one.
    pub fn from_title(day: &str, title: &str) -> Option<EventId> {
        let mut slug = String::new();
        for c in format!("{day} {title}").chars().flat_map(char::to_lowercase) {
            let folded = fold_accent(c);
            if folded.is_ascii_alphanumeric() {
                slug.push(folded);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let mut slug = slug.trim_end_matches('-').to_string();
        if slug.len() > 80 {
            let cut = slug[..80].rfind('-').unwrap_or(80);
            slug.truncate(cut);
        }
        EventId::parse(&slug).ok()
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Latin letter without its accent (`é` → `e`, `ñ` → `n`, `ç` → `c`); other characters as
/// they are.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        other => other,
    }
}

impl std::fmt::Display for EventId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for EventId {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        EventId::parse(&value)
    }
}

impl From<EventId> for String {
    fn from(id: EventId) -> String {
        id.0
    }
}

/// An event of the community's log. Its texts are written in one language and may be
/// translated; a document stored before they were (plain text) reads as written in the event's
/// language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(from = "EventDocument")]
pub struct Event {
    /// Its id.
    pub id: EventId,
    /// What kind of event.
    pub kind: EventKind,
    /// Its title, as written and translated.
    pub title: Written,
    /// The language it is held in.
    pub language: Lang,
    /// The day it starts.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-03-12"))]
    pub starts_on: ApproxDate,
    /// The day it ends, for events of several days.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "2026-03-13"))]
    pub ends_on: Option<ApproxDate>,
    /// The hours it runs on its days, in the zone where it is held; none for an event of whole
    /// days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<EventHours>,
    /// Where it takes place (a venue, a city); none for an event held only online.
    pub place: Option<Written>,
    /// The address to follow it online, when it can be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<String>,
    /// Where to register, when registration is asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    /// How many people it can take, when places are limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// Who it is for or who attended: member cities, a political council, researchers…
    pub audience: Written,
    /// The partner organisations involved, by id.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Links to slides, recordings and reports.
    #[serde(default)]
    pub materials: Vec<String>,
    /// How many people attended, once known.
    pub attendance: Option<u32>,
    /// The component of the network's priorities it reports under.
    pub component: Component,
    /// The edition of the study it concerns, if one.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u16>, example = 2025))]
    pub edition: Option<EditionYear>,
    /// Shown on the public calendar and feed.
    pub public: bool,
    /// Made up for the demonstration.
    #[serde(default)]
    pub illustrative: bool,
}

/// An event as stored and imported, plain texts included.
#[derive(Deserialize)]
struct EventDocument {
    id: EventId,
    kind: EventKind,
    title: StoredText,
    language: Lang,
    starts_on: ApproxDate,
    ends_on: Option<ApproxDate>,
    #[serde(default)]
    hours: Option<EventHours>,
    place: Option<StoredText>,
    #[serde(default)]
    online: Option<String>,
    #[serde(default)]
    registration: Option<String>,
    #[serde(default)]
    capacity: Option<u32>,
    audience: StoredText,
    #[serde(default)]
    partners: Vec<String>,
    #[serde(default)]
    materials: Vec<String>,
    attendance: Option<u32>,
    component: Component,
    edition: Option<EditionYear>,
    public: bool,
    #[serde(default)]
    illustrative: bool,
}

impl From<EventDocument> for Event {
    fn from(d: EventDocument) -> Event {
        let language = d.language;
        Event {
            id: d.id,
            kind: d.kind,
            title: d.title.written(language),
            language,
            starts_on: d.starts_on,
            ends_on: d.ends_on,
            hours: d.hours,
            place: d.place.map(|p| p.written(language)),
            online: d.online,
            registration: d.registration,
            capacity: d.capacity,
            audience: d.audience.written(language),
            partners: d.partners,
            materials: d.materials,
            attendance: d.attendance,
            component: d.component,
            edition: d.edition,
            public: d.public,
            illustrative: d.illustrative,
        }
    }
}

/// How long an event's texts may be.
const MAX_TITLE: usize = 200;
const MAX_TEXT: usize = 1_000;
const MAX_LINKS: usize = 10;

/// What is wrong with an event, for the form to say in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventProblem {
    /// The title is empty or too long.
    Title {
        /// The longest title, in characters.
        max: usize,
    },
    /// A date without its day.
    DayMissing,
    /// The end lies before the start.
    EndsBeforeStart,
    /// A text longer than allowed.
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// More links than allowed.
    TooManyLinks {
        /// The limit.
        max: usize,
    },
    /// Not an http(s) link.
    NotALink {
        /// What was given.
        link: String,
    },
    /// A capacity of no places.
    NoPlaces,
    /// A time of day that is not one (`25:00`).
    BadTime,
    /// A time zone the time zone database does not know.
    UnknownZone,
    /// A partner the community does not work with.
    UnknownPartner {
        /// The id given.
        partner: String,
    },
}

impl Event {
    /// Checks an event as a whole; every problem is named by its field.
    pub fn check(&self) -> Result<(), Vec<(&'static str, EventProblem)>> {
        let mut problems = Vec::new();
        if self.title.is_empty() || self.title.longest_chars() > MAX_TITLE {
            problems.push(("title", EventProblem::Title { max: MAX_TITLE }));
        }
        if self.starts_on.day.is_none() {
            problems.push(("starts_on", EventProblem::DayMissing));
        }
        match self.ends_on {
            Some(end) if end.day.is_none() => problems.push(("ends_on", EventProblem::DayMissing)),
            Some(end) if end < self.starts_on => problems.push(("ends_on", EventProblem::EndsBeforeStart)),
            _ => {}
        }
        if let Some(hours) = &self.hours
            && let Some(ends) = hours.ends
            && self.ends_on.is_none_or(|end| end == self.starts_on)
            && ends <= hours.starts
        {
            problems.push(("ends_at", EventProblem::EndsBeforeStart));
        }
        if self.place.as_ref().is_some_and(|p| p.longest_chars() > MAX_TITLE) {
            problems.push(("place", EventProblem::TooLong { max: MAX_TITLE }));
        }
        for (field, link) in [("online", &self.online), ("registration", &self.registration)] {
            if let Some(link) = link
                && web_link(link).is_err()
            {
                problems.push((field, EventProblem::NotALink { link: link.clone() }));
            }
        }
        if self.capacity == Some(0) {
            problems.push(("capacity", EventProblem::NoPlaces));
        }
        if self.audience.longest_chars() > MAX_TEXT {
            problems.push(("audience", EventProblem::TooLong { max: MAX_TEXT }));
        }
        if self.materials.len() > MAX_LINKS {
            problems.push(("materials", EventProblem::TooManyLinks { max: MAX_LINKS }));
        }
        for link in &self.materials {
            if web_link(link).is_err() {
                problems.push(("materials", EventProblem::NotALink { link: link.clone() }));
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }

    /// Whether the event is over by `today`: its last day (the last of its month or year, when
    /// only those are known) is behind.
    pub fn is_past(&self, today: crate::Day) -> bool {
        self.ends_on.unwrap_or(self.starts_on).last_day() < today
    }

    /// The moments it starts and ends, when its hours are known.
    pub fn moments(&self) -> Option<(EventMoment, Option<EventMoment>)> {
        self.hours.as_ref()?.moments(self.starts_on, self.ends_on.unwrap_or(self.starts_on))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_id_is_made_from_its_day_and_title() {
        let id = |day: &str, title: &str| EventId::from_title(day, title).map(|id| id.to_string());
        assert_eq!(id("2027-03", "Webinar IA 2027").as_deref(), Some("2027-03-webinar-ia-2027"));
        assert_eq!(
            id("2027-03-12", "Économie numérique : ¿Qué ciudades?").as_deref(),
            Some("2027-03-12-economie-numerique-que-ciudades")
        );
        let long = id("2027", &"palabra ".repeat(30)).unwrap();
        assert!(long.len() <= 80 && !long.ends_with('-') && long.ends_with("palabra"), "{long}");
        assert_eq!(id("", "서울"), None, "nothing to make an id from");
    }

    fn event() -> Event {
        Event {
            id: EventId::parse("2026-03-webinar").unwrap(),
            kind: EventKind::Webinar,
            title: Written::new(Lang::En, "Open data in small cities"),
            language: Lang::Es,
            starts_on: ApproxDate::parse("2026-03-12").unwrap(),
            ends_on: None,
            hours: None,
            place: None,
            online: None,
            registration: None,
            capacity: None,
            audience: Written::new(Lang::En, "Member cities"),
            partners: vec![],
            materials: vec!["https://example.org/slides.pdf".into()],
            attendance: Some(48),
            component: Component::Learning,
            edition: None,
            public: true,
            illustrative: true,
        }
    }

    #[test]
    fn an_event_names_each_problem_by_field() {
        assert!(event().check().is_ok());
        let mut bad = event();
        bad.title = Written::new(Lang::En, " ");
        bad.starts_on = ApproxDate::parse("2026-03").unwrap();
        bad.materials = vec!["ftp://example.org".into()];
        let fields: Vec<&str> = bad.check().unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["title", "starts_on", "materials"]);
        assert_eq!(
            bad.check().unwrap_err()[2].1,
            EventProblem::NotALink { link: "ftp://example.org".into() }
        );
        let mut backwards = event();
        backwards.ends_on = Some(ApproxDate::parse("2026-03-11").unwrap());
        assert_eq!(backwards.check().unwrap_err()[0].0, "ends_on");
        let mut online = event();
        online.online = Some("meet.example.org/x".into());
        online.capacity = Some(0);
        online.hours = Some(crate::EventHours {
            starts: crate::ClockTime::parse("11:00").unwrap(),
            ends: crate::ClockTime::parse("10:00"),
            zone: crate::ZoneName::parse("UTC").unwrap(),
        });
        let fields: Vec<&str> = online.check().unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["ends_at", "online", "capacity"]);
        let mut long = event();
        long.title.set(Lang::Fr, &"x".repeat(201));
        assert_eq!(long.check().unwrap_err()[0].0, "title", "a translation is held to the limit too");
    }

    #[test]
    fn an_event_stored_with_plain_texts_reads_them_as_written_in_its_language() {
        let stored = r#"{"id":"2026-03-webinar","kind":"webinar","title":"Datos abiertos","language":"es",
            "starts_on":"2026-03-12","ends_on":null,"place":"Bilbao","audience":"Ciudades","attendance":null,
            "component":"learning","edition":null,"public":true}"#;
        let old: Event = serde_json::from_str(stored).unwrap();
        assert_eq!((old.title.original, old.title.get(Lang::Es).0), (Lang::Es, "Datos abiertos"));
        assert_eq!(old.place.unwrap().missing(), [Lang::En, Lang::Fr]);
        let again: Event = serde_json::from_str(&serde_json::to_string(&event()).unwrap()).unwrap();
        assert_eq!(again, event(), "the translatable form reads back as written");
    }

    #[test]
    fn ids_and_vocabularies_parse() {
        assert!(EventId::parse("Webinar 1").is_err());
        assert_eq!(EventKind::parse("learning_meeting").unwrap(), EventKind::LearningMeeting);
        assert_eq!(Component::ALL.len(), 5);
        let day = |d: &str| crate::Day::parse(d).unwrap();
        assert!(event().is_past(day("2026-03-13")) && !event().is_past(day("2026-03-12")));
        let in_march = Event { starts_on: ApproxDate::parse("2026-03").unwrap(), ends_on: None, ..event() };
        assert!(
            !in_march.is_past(day("2026-03-13")) && in_march.is_past(day("2026-04-01")),
            "a month-only day lasts the month"
        );
    }
}
