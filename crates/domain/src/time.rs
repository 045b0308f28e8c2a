//! Time as the study keeps it: a moment (`Timestamp`, UTC to the second, written
//! `2026-11-26T19:04:05Z` in the database and in files), a calendar day (`Day`, `2026-11-26`), and
//! the clock every use case reads the time from, so tests can set it.

use std::{
    fmt,
    sync::{Arc, Mutex},
};

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A moment, to the second, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Timestamp(jiff::Timestamp);

impl Timestamp {
    /// A moment from its ISO 8601 text (`2026-11-26T19:04:05Z`, or with an offset).
    pub fn parse(input: &str) -> Result<Timestamp, ParseError> {
        input
            .trim()
            .parse::<jiff::Timestamp>()
            .map(Timestamp::from_jiff)
            .map_err(|_| ParseError::new(format!("{input:?} is not a moment: use YYYY-MM-DDTHH:MM:SSZ")))
    }

    /// The moment `seconds` seconds after 1970-01-01T00:00:00Z.
    pub fn from_unix(seconds: i64) -> Timestamp {
        Timestamp(jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH))
    }

    fn from_jiff(moment: jiff::Timestamp) -> Timestamp {
        // Kept to the second, as stored.
        Timestamp::from_unix(moment.as_second())
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix(self) -> i64 {
        self.0.as_second()
    }

    /// This moment moved by `seconds` (negative for earlier).
    pub fn plus_seconds(self, seconds: i64) -> Timestamp {
        Timestamp::from_unix(self.unix().saturating_add(seconds))
    }

    /// The day this moment falls on in UTC.
    pub fn day(self) -> Day {
        Day(self.0.to_zoned(jiff::tz::TimeZone::UTC).date())
    }

    /// The moment as jiff sees it, for conversions to a time zone.
    pub fn as_jiff(self) -> jiff::Timestamp {
        self.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.strftime("%Y-%m-%dT%H:%M:%SZ"))
    }
}

impl TryFrom<String> for Timestamp {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Timestamp::parse(&value)
    }
}

impl From<Timestamp> for String {
    fn from(moment: Timestamp) -> String {
        moment.to_string()
    }
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day(jiff::civil::Date);

impl Day {
    /// A day from `YYYY-MM-DD`.
    pub fn parse(input: &str) -> Result<Day, ParseError> {
        input
            .trim()
            .parse::<jiff::civil::Date>()
            .map(Day)
            .map_err(|_| ParseError::new(format!("{input:?} is not a day: use YYYY-MM-DD")))
    }

    /// The first day of a month; a month outside 1–12 or a year past 9999 is brought within.
    pub fn month_start(year: u16, month: u8) -> Day {
        let year = year.clamp(1, 9999) as i16;
        Day(jiff::civil::Date::new(year, month.clamp(1, 12) as i8, 1).unwrap_or_default())
    }

    /// A day from its year, month and day of the month, if there is such a day.
    pub fn from_parts(year: u16, month: u8, day: u8) -> Option<Day> {
        let (year, month, day) =
            (i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?);
        jiff::civil::Date::new(year, month, day).ok().map(Day)
    }

    /// The last day of this day's month.
    pub fn month_end(self) -> Day {
        Day(self.0.last_of_month())
    }

    /// The day `days` days before this one (the same day when it would fall before year 1).
    pub fn minus_days(self, days: u32) -> Day {
        Day(self.0.checked_sub(jiff::Span::new().days(i64::from(days))).unwrap_or(self.0))
    }

    /// This day at `hour` o'clock UTC (hours past 23 are taken as 23).
    pub fn at_utc_hour(self, hour: u8) -> Timestamp {
        let time = jiff::civil::Time::new(hour.min(23) as i8, 0, 0, 0).unwrap_or_default();
        Timestamp(
            self.0
                .to_datetime(time)
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map(|z| z.timestamp())
                .unwrap_or_default(),
        )
    }

    /// The year, month (1–12) and day of the month.
    pub fn parts(self) -> (i16, i8, i8) {
        (self.0.year(), self.0.month(), self.0.day())
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.strftime("%Y-%m-%d"))
    }
}

impl TryFrom<String> for Day {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Day::parse(&value)
    }
}

impl From<Day> for String {
    fn from(day: Day) -> String {
        day.to_string()
    }
}

/// Where the time comes from.
pub trait Clock: Send + Sync + fmt::Debug {
    /// Now.
    fn now(&self) -> Timestamp;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_jiff(jiff::Timestamp::now())
    }
}

/// A clock that says what it is told, for tests: it stands still until set or moved.
#[derive(Debug, Clone)]
pub struct FixedClock(Arc<Mutex<Timestamp>>);

impl FixedClock {
    /// A clock showing `at`.
    pub fn at(at: Timestamp) -> FixedClock {
        FixedClock(Arc::new(Mutex::new(at)))
    }

    /// Sets the time.
    pub fn set(&self, at: Timestamp) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = at;
    }

    /// Moves the time on by `seconds`.
    pub fn advance(&self, seconds: i64) {
        let mut now = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *now = now.plus_seconds(seconds);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_back_across_months_and_years() {
        let deadline = Day::parse("2027-03-02").unwrap();
        assert_eq!(deadline.minus_days(3).to_string(), "2027-02-27");
        assert_eq!(deadline.minus_days(30).to_string(), "2027-01-31");
        assert_eq!(Day::parse("2027-01-10").unwrap().minus_days(14).to_string(), "2026-12-27");
        assert_eq!(deadline.at_utc_hour(8).to_string(), "2027-03-02T08:00:00Z");
    }

    #[test]
    fn moments_and_days_read_and_write_as_stored() {
        let at = Timestamp::parse("2026-11-26T19:04:05Z").unwrap();
        assert_eq!(at.to_string(), "2026-11-26T19:04:05Z");
        assert_eq!(at.unix(), 1_795_719_845);
        assert_eq!(Timestamp::parse("2026-11-26T20:04:05+01:00").unwrap(), at);
        assert_eq!(at.plus_seconds(-3600 * 20).day().to_string(), "2026-11-25");
        assert_eq!(Timestamp::from_unix(951_782_400).to_string(), "2000-02-29T00:00:00Z");
        assert!(Timestamp::parse("yesterday").is_err());
        assert_eq!(Day::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(Day::parse("2023-02-29").is_err());
        let json = serde_json::to_string(&at).unwrap();
        assert_eq!(json, "\"2026-11-26T19:04:05Z\"");
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), at);
    }

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let clock = FixedClock::at(Timestamp::parse("2027-05-10T08:00:00Z").unwrap());
        assert_eq!(clock.now().to_string(), "2027-05-10T08:00:00Z");
        clock.advance(90);
        assert_eq!(clock.now().to_string(), "2027-05-10T08:01:30Z");
        let shared: Arc<dyn Clock> = Arc::new(clock.clone());
        clock.set(Timestamp::parse("2030-01-01T00:00:00Z").unwrap());
        assert_eq!(shared.now().to_string(), "2030-01-01T00:00:00Z", "clones share the time");
    }
}
