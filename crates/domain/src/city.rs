use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{CountryCode, Lang, ParseError, Section};

/// A city's stable identifier: lower-case ASCII letters, digits and hyphens, such as `es-bilbao`.
/// It appears in URLs and in every file that refers to a city, so it never changes once given.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "es-bilbao"))]
#[serde(try_from = "String", into = "String")]
pub struct CityId(String);

impl CityId {
    /// A city id from its text: lowercase ISO country code, a hyphen, then the city's slug.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let ok = (2..=64).contains(&input.len())
            && input.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !input.starts_with('-')
            && !input.ends_with('-');
        if ok {
            Ok(CityId(input.to_string()))
        } else {
            Err(ParseError::new(format!(
                "invalid city id {input:?}: use 2 to 64 lower-case letters, digits and inner hyphens, like es-bilbao"
            )))
        }
    }

    /// The id a city gets when none is given: its country code and its name folded to ASCII,
    /// so Córdoba in Argentina becomes `ar-cordoba`.
    pub fn derive(country: &CountryCode, name: &str) -> Result<Self, ParseError> {
        let mut slug = country.as_str().to_ascii_lowercase();
        slug.push('-');
        let mut last_hyphen = true;
        for c in name.chars().flat_map(fold_to_ascii) {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
                last_hyphen = false;
            } else if !last_hyphen {
                slug.push('-');
                last_hyphen = true;
            }
        }
        let slug: String = slug.chars().take(64).collect();
        CityId::parse(slug.trim_end_matches('-'))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Latin letters with diacritics to their base letter; other characters are kept as they are
/// (and later dropped from a slug if they are not ASCII alphanumerics).
fn fold_to_ascii(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'İ' | 'ı' | 'Í' | 'Ì' | 'Î' | 'Ï' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => "o",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'Ú' | 'Ù' | 'Û' | 'Ü' => "u",
        'ñ' | 'Ñ' => "n",
        'ç' | 'Ç' => "c",
        'ş' | 'Ş' | 'ș' => "s",
        'ğ' | 'Ğ' => "g",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => "",
    };
    let own = if folded.is_empty() { Some(c) } else { None };
    folded.chars().chain(own)
}

impl fmt::Display for CityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CityId {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        CityId::parse(&value)
    }
}

impl From<CityId> for String {
    fn from(id: CityId) -> String {
        id.0
    }
}

/// WGS 84 coordinates in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawCoordinates")]
pub struct Coordinates {
    /// Degrees north (negative south), −90 to 90.
    pub latitude: f64,
    /// Degrees east (negative west), −180 to 180.
    pub longitude: f64,
}

#[derive(Deserialize)]
struct RawCoordinates {
    latitude: f64,
    longitude: f64,
}

impl TryFrom<RawCoordinates> for Coordinates {
    type Error = ParseError;
    fn try_from(raw: RawCoordinates) -> Result<Self, Self::Error> {
        Coordinates::new(raw.latitude, raw.longitude)
    }
}

impl Coordinates {
    /// Coordinates within the valid ranges.
    pub fn new(latitude: f64, longitude: f64) -> Result<Self, ParseError> {
        if !(-90.0..=90.0).contains(&latitude) {
            return Err(ParseError::new(format!("latitude {latitude} is outside -90..90")));
        }
        if !(-180.0..=180.0).contains(&longitude) {
            return Err(ParseError::new(format!("longitude {longitude} is outside -180..180")));
        }
        Ok(Coordinates { latitude, longitude })
    }
}

/// A population figure, with the year it refers to and where it comes from when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Population {
    /// Inhabitants.
    pub count: u64,
    /// The year the count refers to, when the source gives it.
    pub year: Option<i32>,
    /// Where the count comes from (a GeoNames id, a census).
    pub source: Option<String>,
}

/// A city's name in Spanish and French where it differs from the English one (`Lisboa`,
/// `Lisbonne`); the English name stands for a language without one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CityNames {
    /// The name in Spanish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
    /// The name in French.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

impl CityNames {
    /// The name in `lang` where one is given.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => None,
            Lang::Es => self.es.as_deref(),
            Lang::Fr => self.fr.as_deref(),
        }
        .filter(|name| !name.trim().is_empty())
    }

    /// Whether no name is given in either language.
    pub fn is_empty(&self) -> bool {
        self.es.is_none() && self.fr.is_none()
    }

    /// Names from optional cells: blank ones are none.
    pub fn from_cells(es: Option<&str>, fr: Option<&str>) -> CityNames {
        let cell = |text: Option<&str>| text.map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
        CityNames { es: cell(es), fr: cell(fr) }
    }
}

/// A city in the registry, whether or not it is a member of the community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct City {
    /// The city's id (`es-bilbao`).
    pub id: CityId,
    /// The city's name in English, as the network writes it.
    pub name: String,
    /// The name in the local language where it differs (`Bilbo`, `서울`).
    pub local_name: Option<String>,
    /// The name in Spanish and French where they differ from the English one.
    #[serde(default, skip_serializing_if = "CityNames::is_empty")]
    pub names: CityNames,
    /// The country it lies in.
    pub country: CountryCode,
    /// The UCLG world section of its country.
    pub section: Section,
    /// Whether the city is also a member of Metropolis, UCLG's metropolitan section.
    pub metropolis: bool,
    /// Its population and where the figure comes from.
    pub population: Population,
    /// Where it lies, for the members map.
    pub location: Coordinates,
}

impl City {
    /// The city's name as a reader of `lang` knows it: the Spanish or French name where the
    /// registry has one, else the English name.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.names.get(lang).unwrap_or(&self.name)
    }
}

/// Where a city stands in the community's periodically renewed member list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    /// A member in good standing.
    Active,
    /// Asked to confirm its membership in a renewal round, not yet answered.
    PendingRenewal,
    /// Did not answer a renewal round by its close; kept with its history, not deleted.
    Lapsed,
    /// Chose to leave the community; kept with its history, not deleted.
    Left,
}

impl MemberStatus {
    /// Every member status.
    pub const ALL: [MemberStatus; 4] =
        [MemberStatus::Active, MemberStatus::PendingRenewal, MemberStatus::Lapsed, MemberStatus::Left];

    /// The status's name in files, the database and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            MemberStatus::Active => "active",
            MemberStatus::PendingRenewal => "pending_renewal",
            MemberStatus::Lapsed => "lapsed",
            MemberStatus::Left => "left",
        }
    }

    /// Whether the city belongs to the community now: active, or asked to renew and not yet
    /// answered. Lapsed and departed members are kept on record only.
    pub fn is_current(self) -> bool {
        matches!(self, MemberStatus::Active | MemberStatus::PendingRenewal)
    }

    /// A member status from its name.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let wanted = input.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        MemberStatus::ALL.into_iter().find(|s| s.slug() == wanted).ok_or_else(|| {
            ParseError::new(format!(
                "unknown member status {input:?}: expected active, pending_renewal, lapsed or left"
            ))
        })
    }
}

/// An e-mail address: one `@` with text on both sides and a dot in the domain. Deliverability
/// is only known by sending, so nothing stricter is attempted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// An e-mail address: something before an `@`, a domain with a dot after it, no spaces or
    /// control characters, at most 254 characters (what RFC 5321 lets a path carry).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let input = input.trim();
        if input.len() > Email::MAX_LEN {
            return Err(ParseError::new(format!(
                "an e-mail address has at most {} characters; this one has {}",
                Email::MAX_LEN,
                input.chars().count()
            )));
        }
        let valid = !input.contains(char::is_control)
            && match input.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains('@')
                        && !input.contains(char::is_whitespace)
                }
                None => false,
            };
        if valid {
            Ok(Email(input.to_string()))
        } else {
            Err(ParseError::new(format!("{input:?} is not an e-mail address")))
        }
    }

    /// The longest address accepted, in bytes.
    pub const MAX_LEN: usize = 254;

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

/// The person a member city names as its contact for the community.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FocalPoint {
    /// The person's name.
    pub name: String,
    /// Their position in the city's administration.
    pub role: String,
    /// Where invitations and reminders go.
    pub email: Email,
}

/// A city's membership of the community of practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    /// The member city.
    pub city: CityId,
    /// Where its membership stands.
    pub status: MemberStatus,
    /// The year the city joined.
    pub since: Option<i32>,
    /// The people who answer for the city, first one first.
    pub focal_points: Vec<FocalPoint>,
    /// True when the record was made up for demonstration, not taken from the real member list.
    pub illustrative: bool,
}

/// The kinds of organisation the community learns and disseminates with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    /// A United Nations agency or programme (UN-Habitat).
    UnitedNations,
    /// Another network of cities (WeGO).
    CityNetwork,
    /// A university or research team.
    Research,
    /// A company or industry association.
    Industry,
    /// Any other organisation.
    Other,
}

impl PartnerKind {
    /// A partner kind from its name.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        match input.trim() {
            "united_nations" => Ok(PartnerKind::UnitedNations),
            "city_network" => Ok(PartnerKind::CityNetwork),
            "research" => Ok(PartnerKind::Research),
            "industry" => Ok(PartnerKind::Industry),
            "other" => Ok(PartnerKind::Other),
            other => Err(ParseError::new(format!(
                "unknown partner kind {other:?}: expected united_nations, city_network, research, industry or other"
            ))),
        }
    }

    /// The kind's name in files and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            PartnerKind::UnitedNations => "united_nations",
            PartnerKind::CityNetwork => "city_network",
            PartnerKind::Research => "research",
            PartnerKind::Industry => "industry",
            PartnerKind::Other => "other",
        }
    }
}

/// An organisation the community works with on learning and dissemination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Partner {
    /// A short id for the partner.
    pub id: String,
    /// The organisation's name, in English.
    pub name: String,
    /// Its name in Spanish and French where they differ from the English one.
    #[serde(default)]
    pub names: CityNames,
    /// What kind of organisation it is.
    pub kind: PartnerKind,
    /// Its web site, if given.
    pub link: Option<String>,
    /// What it does with the community, as written and translated, if said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<crate::Written>,
}

impl Partner {
    /// Its name in `lang`: the Spanish or French one where there is one, else the English.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.names.get(lang).unwrap_or(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_fold_accents_and_punctuation() {
        let ar = CountryCode::parse("AR").unwrap();
        assert_eq!(CityId::derive(&ar, "Córdoba").unwrap().as_str(), "ar-cordoba");
        let tr = CountryCode::parse("TR").unwrap();
        assert_eq!(CityId::derive(&tr, "İzmir").unwrap().as_str(), "tr-izmir");
        let us = CountryCode::parse("US").unwrap();
        assert_eq!(CityId::derive(&us, "St. Louis  (MO)").unwrap().as_str(), "us-st-louis-mo");
    }

    #[test]
    fn ids_reject_what_would_break_a_url() {
        assert!(CityId::parse("es-bilbao").is_ok());
        assert!(CityId::parse("ES-Bilbao").is_err());
        assert!(CityId::parse("es/bilbao").is_err());
        assert!(CityId::parse("-es").is_err());
        assert!(CityId::parse("").is_err());
    }

    #[test]
    fn coordinates_must_be_on_earth() {
        assert!(Coordinates::new(43.26, -2.93).is_ok());
        assert!(Coordinates::new(91.0, 0.0).is_err());
        assert!(Coordinates::new(0.0, -180.5).is_err());
        assert!(Coordinates::new(f64::NAN, 0.0).is_err());
        let parsed: Result<Coordinates, _> = serde_json::from_str(r#"{"latitude": 120, "longitude": 0}"#);
        assert!(parsed.is_err());
    }

    #[test]
    fn emails_need_a_domain() {
        assert!(Email::parse("focal.point@bilbao.eus").is_ok());
        assert!(Email::parse("focal.point").is_err());
        assert!(Email::parse("a@b").is_err());
        assert!(Email::parse("a b@c.org").is_err());
    }

    #[test]
    fn member_status_accepts_spaced_forms() {
        assert_eq!(MemberStatus::parse("Pending renewal"), Ok(MemberStatus::PendingRenewal));
        assert!(MemberStatus::parse("honorary").is_err());
    }
}
