//! The public events as an iCalendar feed (RFC 5545), for calendar applications to subscribe to:
//! one `VEVENT` per event — all-day, or from its start to its end in UTC when its hours are
//! known, so every calendar shows them on its reader's clock — with its texts in the feed's
//! language where they were translated (the original otherwise, tagged with its language), texts
//! escaped, lines folded at 75 octets, CRLF line ends.

use std::fmt::Write as _;

use smartcities_domain::{ApproxDate, Event, Lang, Timestamp};

/// A moment as iCalendar writes it in UTC: `20270312T090000Z`.
fn utc(at: Timestamp) -> String {
    at.to_string().chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// The calendar of `events`, its texts in `lang`. `made` is the moment the feed is made, `host`
/// the site's host name, which makes each event's UID unique worldwide.
pub fn calendar(events: &[Event], lang: Lang, name: &str, made: Timestamp, host: &str) -> String {
    let stamp = utc(made);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//smartcities//events//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    for event in events {
        let last = event.ends_on.unwrap_or(event.starts_on);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@{host}", event.id));
        lines.push(format!("DTSTAMP:{stamp}"));
        match event.moments() {
            Some((start, end)) => {
                lines.push(format!("DTSTART:{}", utc(start.at)));
                if let Some(end) = end {
                    lines.push(format!("DTEND:{}", utc(end.at)));
                }
            }
            None => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", compact(event.starts_on)));
                // An all-day event ends the day after its last day.
                lines.push(format!("DTEND;VALUE=DATE:{}", day_after(last)));
            }
        }
        let (title, title_lang) = event.title.for_reader(lang);
        lines.push(format!("SUMMARY;LANGUAGE={}:{}", title_lang.code(), escape(title)));
        let location = match (&event.place, &event.online) {
            (Some(place), _) => {
                let (text, of) = place.for_reader(lang);
                format!("LOCATION;LANGUAGE={}:{}", of.code(), escape(text))
            }
            (None, Some(link)) => format!("LOCATION:{}", escape(link)),
            (None, None) => "LOCATION:Online".to_string(),
        };
        lines.push(location);
        if let Some(link) = event.online.as_ref().or(event.registration.as_ref()) {
            lines.push(format!("URL:{}", escape(link)));
        }
        let mut description = event.audience.for_reader(lang).0.to_string();
        if let Some(link) = &event.registration {
            let _ = write!(description, "\n{link}");
        }
        if let Some(link) = event.materials.first() {
            let _ = write!(description, "\n{link}");
        }
        lines.push(format!("DESCRIPTION:{}", escape(&description)));
        lines.push(format!("CATEGORIES:{}", event.kind.slug().to_uppercase()));
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

/// Text as a property value: backslashes, semicolons, commas and line breaks escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded into lines of at most 75 octets, continuation lines starting with a
/// space, never splitting a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out
}

fn compact(date: ApproxDate) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

/// The calendar day after `date`.
fn day_after(date: ApproxDate) -> String {
    let (mut year, mut month, mut day) =
        (i32::from(date.year), u32::from(date.month.unwrap_or(1)), u32::from(date.day.unwrap_or(1)) + 1);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > days {
        day = 1;
        month += 1;
        if month > 12 {
            month = 1;
            year += 1;
        }
    }
    format!("{year:04}{month:02}{day:02}")
}

#[cfg(test)]
mod tests {
    use smartcities_domain::{ClockTime, Component, EventHours, EventId, EventKind, Written, ZoneName};

    use super::*;

    fn event(id: &str, start: &str, end: Option<&str>, title: &str) -> Event {
        Event {
            id: EventId::parse(id).unwrap(),
            kind: EventKind::Webinar,
            title: Written::new(Lang::Fr, title),
            language: Lang::Fr,
            starts_on: ApproxDate::parse(start).unwrap(),
            ends_on: end.map(|e| ApproxDate::parse(e).unwrap()),
            hours: None,
            place: None,
            online: None,
            registration: None,
            capacity: None,
            audience: Written::new(Lang::Fr, "Villes membres; chercheurs, partenaires"),
            partners: vec![],
            materials: vec!["https://example.org/a.pdf".into()],
            attendance: None,
            component: Component::Learning,
            edition: None,
            public: true,
            illustrative: true,
        }
    }

    fn made() -> Timestamp {
        Timestamp::parse("2026-11-30T12:00:00Z").unwrap()
    }

    #[test]
    fn a_feed_is_valid_icalendar() {
        let long = "Données ouvertes et villes intermédiaires : une rencontre d’apprentissage entre villes membres du réseau";
        let feed = calendar(
            &[
                event("2026-05-webinar", "2026-05-20", None, long),
                event("2028-02-meet", "2028-02-28", Some("2028-02-29"), "Leap"),
            ],
            Lang::Fr,
            "Smart Cities Study",
            made(),
            "study.example.org",
        );
        assert!(feed.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(feed.ends_with("END:VCALENDAR\r\n"));
        assert!(!feed.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
        for line in feed.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is longer than 75 octets");
        }
        let unfolded = feed.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY;LANGUAGE=fr:{long}")), "folding loses nothing");
        assert!(
            unfolded.contains(
                "DESCRIPTION:Villes membres\\; chercheurs\\, partenaires\\nhttps://example.org/a.pdf"
            )
        );
        assert!(unfolded.contains("UID:2026-05-webinar@study.example.org"));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20260520\r\nDTEND;VALUE=DATE:20260521"));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280301"), "a leap day");
        assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
    }

    #[test]
    fn an_event_with_hours_is_timed_in_utc_and_its_texts_follow_the_feed_language() {
        let mut timed = event("2027-03-webinar", "2027-03-12", None, "Datos abiertos");
        timed.title = Written::new(Lang::Es, "Datos abiertos");
        timed.title.set(Lang::En, "Open data");
        timed.hours = Some(EventHours {
            starts: ClockTime::parse("10:00").unwrap(),
            ends: ClockTime::parse("11:30"),
            zone: ZoneName::parse("Europe/Madrid").unwrap(),
        });
        timed.online = Some("https://meet.example.org/open-data".into());
        let feed = |lang| calendar(std::slice::from_ref(&timed), lang, "x", made(), "h").replace("\r\n ", "");
        let en = feed(Lang::En);
        assert!(en.contains("DTSTART:20270312T090000Z\r\nDTEND:20270312T103000Z"), "{en}");
        assert!(en.contains("SUMMARY;LANGUAGE=en:Open data"));
        assert!(
            en.contains("LOCATION:https://meet.example.org/open-data") && en.contains("URL:https://meet")
        );
        assert!(
            feed(Lang::Fr).contains("SUMMARY;LANGUAGE=es:Datos abiertos"),
            "the original, tagged with its language"
        );
    }

    #[test]
    fn the_day_after_rolls_over_months_and_years() {
        let after = |d: &str| day_after(ApproxDate::parse(d).unwrap());
        assert_eq!(after("2026-12-31"), "20270101");
        assert_eq!(after("2026-02-28"), "20260301");
        assert_eq!(after("2024-02-28"), "20240229");
        assert_eq!(after("2026-04-30"), "20260501");
    }
}
