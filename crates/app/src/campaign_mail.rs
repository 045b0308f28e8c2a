//! The words of a campaign's mail. Each person gets the invitation, reminder or change of
//! deadline in their own language — the one they chose, else the study language of their
//! city's country — with the same link offered in the two other languages. The secretariat may
//! rewrite an edition's invitation and reminder per language; a text uses the placeholders
//! `{city}`, `{edition}`, `{deadline}` and `{link}`, and must keep `{link}`.

use smartcities_domain::{City, Day, EditionYear, Lang, Localized, Role, Timestamp};
use smartcities_locale::{FluentValue, t, translate};
pub use smartcities_store::CampaignMail;
use smartcities_store::{CampaignText, User};

use crate::{App, AppError, Refusal, Result};

/// The placeholders a campaign text may use.
pub const PLACEHOLDERS: [&str; 4] = ["city", "edition", "deadline", "link"];
/// The longest subject, in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;
/// The longest body, in characters.
pub const MAX_BODY_CHARS: usize = 8_000;

/// Why a campaign text or schedule was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CampaignProblem {
    /// The subject is empty.
    SubjectMissing,
    /// The subject or body is longer than allowed.
    TooLong {
        /// `subject` or `body`.
        field: &'static str,
        /// The limit in characters.
        max: usize,
    },
    /// The body lost `{link}`: the person would have no way in.
    LinkMissing,
    /// A placeholder the mail cannot fill.
    UnknownPlaceholder {
        /// As typed, braces included.
        placeholder: String,
    },
    /// Reminders are scheduled before a deadline, and the edition has none.
    NoDeadline,
    /// A number of days that is not a whole number from 1 to 365.
    BadDays {
        /// As typed.
        typed: String,
    },
    /// A prospect's contact needs a name (at most 200 characters).
    ContactNameMissing,
    /// Not an e-mail address.
    ContactAddressInvalid,
    /// The address answers for another city, or is staff's.
    AddressTaken,
    /// The city is already invited to the edition.
    AlreadyInvited {
        /// Its name in the reader's language.
        city: String,
    },
}

impl CampaignProblem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let s = |v: &str| FluentValue::from(v.to_string());
        match self {
            CampaignProblem::SubjectMissing => t(lang, "campaign-text-subject-missing"),
            CampaignProblem::TooLong { field, max } => translate(
                lang,
                "campaign-text-too-long",
                &[
                    ("field", s(&t(lang, &format!("campaign-text-{field}")))),
                    ("max", FluentValue::from(*max as i64)),
                ],
            ),
            CampaignProblem::LinkMissing => t(lang, "campaign-text-link-missing"),
            CampaignProblem::UnknownPlaceholder { placeholder } => {
                translate(lang, "campaign-text-unknown-placeholder", &[("placeholder", s(placeholder))])
            }
            CampaignProblem::NoDeadline => t(lang, "campaign-schedule-no-deadline"),
            CampaignProblem::BadDays { typed } => {
                translate(lang, "campaign-schedule-bad-days", &[("typed", s(typed))])
            }
            CampaignProblem::ContactNameMissing => t(lang, "prospect-name-missing"),
            CampaignProblem::ContactAddressInvalid => t(lang, "prospect-address-invalid"),
            CampaignProblem::AddressTaken => t(lang, "prospect-address-taken"),
            CampaignProblem::AlreadyInvited { city } => {
                translate(lang, "prospect-already-invited", &[("city", s(city))])
            }
        }
    }
}

impl From<CampaignProblem> for AppError {
    fn from(problem: CampaignProblem) -> Self {
        Refusal::Campaign(problem).into()
    }
}

/// The language a person's mail is written in: theirs when known, else the study language of
/// their city's country, else English.
pub fn mail_lang(user: &User, city: Option<&City>) -> Lang {
    user.lang.or_else(|| city.map(|c| c.country.country().study_lang)).unwrap_or(Lang::En)
}

/// The built-in text of a campaign mail in `lang`, placeholders unfilled.
pub fn built_in(kind: CampaignMail, lang: Lang) -> (String, String) {
    let placeholder = |name: &str| FluentValue::from(format!("{{{name}}}"));
    let args: Vec<(&str, FluentValue<'static>)> =
        PLACEHOLDERS.iter().map(|name| (*name, placeholder(name))).collect();
    let key = kind.slug();
    let subject = translate(lang, &format!("campaign-mail-{key}-subject"), &args);
    let body = format!(
        "{}\n\n{}\n\n{{link}}\n",
        translate(lang, &format!("campaign-mail-{key}-intro"), &args),
        t(lang, &format!("campaign-mail-{key}-action")),
    );
    (subject, body)
}

/// The text of `kind` in `lang`: as the secretariat wrote it, else built in.
pub fn text_of(written: &[CampaignText], kind: CampaignMail, lang: Lang) -> (String, String) {
    written
        .iter()
        .find(|w| w.kind == kind && w.lang == lang)
        .map_or_else(|| built_in(kind, lang), |w| (w.subject.clone(), w.body.clone()))
}

/// Checks a text the secretariat wrote: a subject, sizes within bounds, known placeholders
/// only, and the link kept.
pub fn check_text(subject: &str, body: &str) -> std::result::Result<(), CampaignProblem> {
    if subject.trim().is_empty() {
        return Err(CampaignProblem::SubjectMissing);
    }
    if subject.chars().count() > MAX_SUBJECT_CHARS {
        return Err(CampaignProblem::TooLong { field: "subject", max: MAX_SUBJECT_CHARS });
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(CampaignProblem::TooLong { field: "body", max: MAX_BODY_CHARS });
    }
    for text in [subject, body] {
        if let Some(unknown) = placeholders(text).find(|p| !PLACEHOLDERS.contains(p)) {
            return Err(CampaignProblem::UnknownPlaceholder { placeholder: format!("{{{unknown}}}") });
        }
    }
    if !placeholders(body).any(|p| p == "link") {
        return Err(CampaignProblem::LinkMissing);
    }
    Ok(())
}

/// The names between braces in a text (`{city}` gives `city`).
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| {
        let name = rest.split('}').next().filter(|_| rest.contains('}'))?;
        (!name.is_empty() && name.len() <= 40 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .then_some(name)
    })
}

/// What a campaign mail says to one city.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The city.
    pub city: &'a City,
    /// The edition's title.
    pub edition: &'a Localized,
    /// The person's link.
    pub link: &'a str,
    /// The city's last day, if there is one.
    pub deadline: Option<Day>,
}

/// `link` opened in `lang`.
fn link_in(link: &str, lang: Lang) -> String {
    let joiner = if link.contains('?') { '&' } else { '?' };
    format!("{link}{joiner}lang={}", lang.code())
}

/// Fills a text's placeholders for `lang`, and offers the link in the two other languages.
pub fn fill(subject: &str, body: &str, lang: Lang, facts: &Facts<'_>) -> (String, String) {
    let deadline = facts.deadline.map_or_else(
        || t(lang, "campaign-mail-no-deadline"),
        |d| smartcities_publish::names::long_date(lang, &d.to_string()),
    );
    let link = link_in(facts.link, lang);
    let values = [
        ("city", facts.city.name_in(lang).to_string()),
        ("edition", facts.edition.get(lang).to_string()),
        ("deadline", deadline),
        ("link", link),
    ];
    let put = |text: &str| {
        values.iter().fold(text.to_string(), |out, (name, value)| out.replace(&format!("{{{name}}}"), value))
    };
    let mut body = put(body);
    if !body.ends_with('\n') {
        body.push('\n');
    }
    body.push_str(&format!("\n{}\n", t(lang, "campaign-mail-other-languages")));
    for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
        body.push_str(&format!("{}: {}\n", other.endonym(), link_in(facts.link, other)));
    }
    (put(subject).replace(['\r', '\n'], " "), body)
}

/// One campaign text as the secretariat's page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSlot {
    /// Which mail.
    pub kind: CampaignMail,
    /// Its language.
    pub lang: Lang,
    /// The subject in use.
    pub subject: String,
    /// The body in use.
    pub body: String,
    /// Who wrote it and when; `None` for the built-in text.
    pub written: Option<(String, Timestamp)>,
}

impl App {
    /// The language the study's mail reaches `user` in.
    pub async fn mail_lang(&self, user: &User) -> Result<Lang> {
        let city = match &user.city {
            Some(id) => self.store.registry().city(id).await?,
            None => None,
        };
        Ok(mail_lang(user, city.as_ref()))
    }

    /// Sets the language the study's mail reaches `user` in; each person sets their own.
    pub async fn set_mail_lang(&self, user: &User, lang: Lang) -> Result<()> {
        self.store.accounts().set_lang(&user.id, lang).await?;
        Ok(())
    }

    /// The invitation and reminder texts of an edition's campaign, each kind in each language.
    /// Secretariat only.
    pub async fn campaign_texts(&self, by: &User, year: EditionYear) -> Result<Vec<TextSlot>> {
        if by.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        self.edition_or_refuse(year).await?;
        let written = self.store.campaigns().texts(year).await?;
        let mut out = Vec::new();
        for kind in CampaignMail::ALL {
            for lang in Lang::ALL {
                let (subject, body) = text_of(&written, kind, lang);
                let by_whom = written
                    .iter()
                    .find(|w| w.kind == kind && w.lang == lang)
                    .map(|w| (w.updated_by.clone(), w.updated_at));
                out.push(TextSlot { kind, lang, subject, body, written: by_whom });
            }
        }
        Ok(out)
    }

    /// Keeps the secretariat's text of one mail in one language; the built-in text again when
    /// `text` is `None` or equals it. Refused with the reason when the text cannot be sent.
    pub async fn set_campaign_text(
        &self,
        by: &User,
        year: EditionYear,
        kind: CampaignMail,
        lang: Lang,
        text: Option<(&str, &str)>,
    ) -> Result<()> {
        if by.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        self.edition_or_refuse(year).await?;
        let normalised =
            text.map(|(s, b)| (s.trim().to_string(), b.replace("\r\n", "\n").trim_end().to_string()));
        if let Some((subject, body)) = &normalised {
            check_text(subject, body)?;
        }
        let (built_subject, built_body) = built_in(kind, lang);
        let kept = normalised
            .as_ref()
            .filter(|(s, b)| !(s == &built_subject && b.as_str() == built_body.trim_end()))
            .map(|(s, b)| (s.as_str(), b.as_str()));
        self.store.campaigns().set_text(year, kind, lang, kept, by.email.as_str()).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_keeps_its_link_and_known_placeholders() {
        assert_eq!(check_text("Hola {city}", "Entre: {link}"), Ok(()));
        assert_eq!(check_text("  ", "{link}"), Err(CampaignProblem::SubjectMissing));
        assert_eq!(check_text("Hola", "Sin enlace"), Err(CampaignProblem::LinkMissing));
        assert_eq!(
            check_text("Hola {ciudad}", "{link}"),
            Err(CampaignProblem::UnknownPlaceholder { placeholder: "{ciudad}".into() })
        );
        // Braces that are not a placeholder (a JSON example, an emoticon) are plain text.
        assert_eq!(check_text("Hola", "{link} {a b} :-{ }"), Ok(()));
        let long = "x".repeat(MAX_BODY_CHARS + 1) + "{link}";
        assert_eq!(
            check_text("Hola", &long),
            Err(CampaignProblem::TooLong { field: "body", max: MAX_BODY_CHARS })
        );
    }

    #[test]
    fn every_built_in_text_passes_its_own_check_in_each_language() {
        for kind in CampaignMail::ALL {
            for lang in Lang::ALL {
                let (subject, body) = built_in(kind, lang);
                assert_eq!(check_text(&subject, &body), Ok(()), "{kind:?} {lang:?}");
                assert!(!subject.contains("campaign-mail"), "{subject}");
            }
        }
    }
}
