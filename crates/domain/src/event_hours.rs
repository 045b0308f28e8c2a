//! When in the day an event runs: its start and end on the clock of the place it is held (or of
//! its organisers, for an event online), with that place's time zone, so that every reader can
//! be told the moment in their own zone and a calendar gets it right across summer time.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ApproxDate, Timestamp};

/// The hours of an event on its days, in the zone where it is held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventHours {
    /// When it starts, on its first day (`10:00`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "10:00"))]
    pub starts: ClockTime,
    /// When it ends, on its last day (`12:30`).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "12:30"))]
    pub ends: Option<ClockTime>,
    /// The time zone, by its IANA name (`Europe/Madrid`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "Europe/Madrid"))]
    pub zone: ZoneName,
}

/// A time of day to the minute, written `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime {
    hour: u8,
    minute: u8,
}

impl ClockTime {
    /// A time typed `10:00`, `9:05` or `14.30`.
    pub fn parse(input: &str) -> Option<ClockTime> {
        let (hour, minute) = input.trim().split_once([':', '.', 'h'])?;
        let (hour, minute) = (hour.trim().parse::<u8>().ok()?, minute.trim().parse::<u8>().ok()?);
        (hour < 24 && minute < 60).then_some(ClockTime { hour, minute })
    }

    /// The hour (0–23) and the minute.
    pub fn parts(self) -> (u8, u8) {
        (self.hour, self.minute)
    }

    fn civil(self) -> jiff::civil::Time {
        jiff::civil::Time::constant(self.hour as i8, self.minute as i8, 0, 0)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl TryFrom<String> for ClockTime {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ClockTime::parse(&value).ok_or_else(|| format!("{value:?} is not a time of day (HH:MM)"))
    }
}

impl From<ClockTime> for String {
    fn from(time: ClockTime) -> String {
        time.to_string()
    }
}

/// The IANA name of a time zone the compiled-in time zone database knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ZoneName(String);

impl ZoneName {
    /// A zone by its name (`Europe/Madrid`, `America/Mexico_City`, `UTC`).
    pub fn parse(input: &str) -> Option<ZoneName> {
        let input = input.trim();
        let zone = jiff::tz::db().get(input).ok()?;
        // The database's own spelling of the name, whatever the case typed.
        Some(ZoneName(zone.iana_name().unwrap_or(input).to_string()))
    }

    /// Every zone a form offers, by name, sorted: those of a region (`Europe/Madrid`), and UTC.
    pub fn all() -> &'static [String] {
        static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        NAMES.get_or_init(|| {
            let mut names: Vec<String> = jiff::tz::db()
                .available()
                .map(|name| name.as_str().to_string())
                .filter(|name| name.contains('/') && !name.starts_with("Etc/"))
                .collect();
            names.push("UTC".into());
            names.sort_unstable();
            names
        })
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::db().get(&self.0).unwrap_or(jiff::tz::TimeZone::UTC)
    }
}

impl fmt::Display for ZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ZoneName {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ZoneName::parse(&value).ok_or_else(|| format!("{value:?} is not a time zone name"))
    }
}

impl From<ZoneName> for String {
    fn from(zone: ZoneName) -> String {
        zone.0
    }
}

/// The moment an event starts or ends, and its offset from UTC there (`+01:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventMoment {
    /// The moment.
    pub at: Timestamp,
    /// The zone's offset from UTC at that moment, in seconds.
    pub offset_seconds: i32,
}

impl EventMoment {
    /// The offset as written after a time: `UTC+01:00`, `UTC−05:00`, `UTC`.
    pub fn offset_label(self) -> String {
        let s = self.offset_seconds;
        if s == 0 {
            return "UTC".into();
        }
        let sign = if s < 0 { '−' } else { '+' };
        let (h, m) = (s.unsigned_abs() / 3600, s.unsigned_abs() % 3600 / 60);
        format!("UTC{sign}{h:02}:{m:02}")
    }
}

impl EventHours {
    /// The moment `time` on `day` in this zone; `None` when the day is not a full date.
    fn moment(&self, day: ApproxDate, time: ClockTime) -> Option<EventMoment> {
        let (month, date) = (day.month?, day.day?);
        let civil =
            jiff::civil::Date::new(day.year as i16, month as i8, date as i8).ok()?.to_datetime(time.civil());
        // A time skipped or repeated by a change of clocks is read as the zone's rules say
        // (the later of two, the moment after a gap), as calendar programs do.
        let zoned = civil.to_zoned(self.zone.zone()).ok()?;
        Some(EventMoment {
            at: Timestamp::from_unix(zoned.timestamp().as_second()),
            offset_seconds: zoned.offset().seconds(),
        })
    }

    /// The moments an event of these hours starts (on `first`) and ends (on `last`).
    pub fn moments(&self, first: ApproxDate, last: ApproxDate) -> Option<(EventMoment, Option<EventMoment>)> {
        let start = self.moment(first, self.starts)?;
        let end = self.ends.and_then(|ends| self.moment(last, ends));
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_become_moments_in_the_zone_with_its_summer_time() {
        let hours = EventHours {
            starts: ClockTime::parse("10:00").unwrap(),
            ends: ClockTime::parse("12h30"),
            zone: ZoneName::parse("europe/madrid").unwrap(),
        };
        assert_eq!(hours.zone.as_str(), "Europe/Madrid");
        let winter = ApproxDate::parse("2027-03-12").unwrap();
        let (start, end) = hours.moments(winter, winter).unwrap();
        assert_eq!(start.at.to_string(), "2027-03-12T09:00:00Z");
        assert_eq!(end.unwrap().at.to_string(), "2027-03-12T11:30:00Z");
        assert_eq!(start.offset_label(), "UTC+01:00");
        let summer = ApproxDate::parse("2027-06-10").unwrap();
        assert_eq!(hours.moments(summer, summer).unwrap().0.at.to_string(), "2027-06-10T08:00:00Z");
        let mexico = EventHours { zone: ZoneName::parse("America/Mexico_City").unwrap(), ..hours.clone() };
        assert_eq!(mexico.moments(winter, winter).unwrap().0.offset_label(), "UTC−06:00");
        assert!(hours.moments(ApproxDate::parse("2027-03").unwrap(), winter).is_none(), "a day is needed");
    }

    #[test]
    fn times_and_zones_are_read_or_refused() {
        assert_eq!(ClockTime::parse(" 9.05 ").unwrap().to_string(), "09:05");
        for bad in ["24:00", "10:60", "10", "", "ten:30"] {
            assert!(ClockTime::parse(bad).is_none(), "{bad:?}");
        }
        assert!(ZoneName::parse("Mars/Olympus").is_none() && ZoneName::parse("UTC").is_some());
        let all = ZoneName::all();
        assert!(all.len() > 300 && all.iter().any(|z| z == "America/Mexico_City"), "{}", all.len());
        assert!(all.iter().all(|z| ZoneName::parse(z).is_some()), "every zone offered is accepted");
        let json = serde_json::to_string(&ClockTime::parse("7:30").unwrap()).unwrap();
        assert_eq!(json, "\"07:30\"");
        assert!(serde_json::from_str::<ClockTime>("\"25:00\"").is_err());
    }
}
