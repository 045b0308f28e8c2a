use std::{collections::HashMap, fmt, sync::OnceLock};

use serde::{Deserialize, Serialize};

use crate::{Lang, ParseError};

/// Country names in English, Spanish and French from the Unicode CLDR (version 45, Unicode
/// licence v3), shipped in the crate: names are never typed by hand.
const CLDR_NAMES_CSV: &str = include_str!("../data/cldr-territories.csv");

/// The CLDR names of each ISO code: `[en, es, fr]`.
fn cldr_names() -> &'static HashMap<String, [String; 3]> {
    static TABLE: OnceLock<HashMap<String, [String; 3]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        csv::Reader::from_reader(CLDR_NAMES_CSV.as_bytes())
            .deserialize::<(String, String, String, String)>()
            .map(|row| {
                let (code, en, es, fr) = row.expect("the shipped cldr-territories.csv is well formed");
                (code, [en, es, fr])
            })
            .collect()
    })
}

/// GeoNames' country table (CC BY 4.0), shipped in the crate: the list of valid ISO codes.
const COUNTRIES_CSV: &str = include_str!("../data/countries.csv");

/// A country as GeoNames describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// The ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// The country's name in English.
    pub name: String,
    /// GeoNames continent code: AF, AN, AS, EU, NA, OC or SA.
    pub continent: String,
    /// ISO 3166-1 numeric code, the key map shapes use.
    pub numeric: u16,
    /// The study's language its people most likely read: the first of Spanish, English and
    /// French among GeoNames' languages of the country, in GeoNames' order; English when none.
    pub study_lang: Lang,
}

impl Country {
    /// Every country GeoNames lists, in no particular order.
    pub fn all() -> impl Iterator<Item = &'static Country> {
        countries().values()
    }
}

/// The first of the study's languages in a GeoNames list of language tags (`ar-MA,ber,fr`).
fn study_lang(languages: &str) -> Lang {
    languages.split(',').find_map(Lang::from_tag).unwrap_or(Lang::En)
}

fn countries() -> &'static HashMap<String, Country> {
    static TABLE: OnceLock<HashMap<String, Country>> = OnceLock::new();
    TABLE.get_or_init(|| {
        #[derive(Deserialize)]
        struct Row {
            iso: String,
            name: String,
            continentcode: String,
            isonumeric: u16,
            languages: String,
        }
        csv::Reader::from_reader(COUNTRIES_CSV.as_bytes())
            .deserialize::<Row>()
            .map(|row| {
                let row = row.expect("the shipped countries.csv is well formed");
                let country = Country {
                    code: CountryCode(row.iso.clone()),
                    name: row.name.trim().to_string(),
                    continent: row.continentcode,
                    numeric: row.isonumeric,
                    study_lang: study_lang(&row.languages),
                };
                (row.iso, country)
            })
            .collect()
    })
}

/// An ISO 3166-1 alpha-2 country code known to GeoNames, upper case (`ES`, `BR`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "ES"))]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// A country code: two letters of ISO 3166-1, in any case.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = input.trim().to_ascii_uppercase();
        if countries().contains_key(&code) {
            Ok(CountryCode(code))
        } else {
            Err(ParseError::new(format!(
                "unknown country code {input:?}: expected an ISO 3166-1 alpha-2 code such as ES or BR"
            )))
        }
    }

    /// The code as text, in capitals.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country the code names.
    pub fn country(&self) -> &'static Country {
        &countries()[&self.0]
    }

    /// Whether the code names a country today: the two GeoNames keeps after their withdrawal
    /// from ISO 3166 (Netherlands Antilles, Serbia and Montenegro) do not, and the CLDR has no
    /// name for them in any language.
    pub fn is_current(&self) -> bool {
        cldr_names().contains_key(&self.0)
    }

    /// The country's name in `lang`, as the CLDR gives it (GeoNames' English name for the few
    /// codes the CLDR does not name).
    pub fn name(&self, lang: Lang) -> &'static str {
        let index = match lang {
            Lang::En => 0,
            Lang::Es => 1,
            Lang::Fr => 2,
        };
        cldr_names().get(&self.0).map_or(self.country().name.as_str(), |names| names[index].as_str())
    }
}

impl Country {
    /// The country with an ISO 3166-1 numeric code (`724` for Spain).
    pub fn by_numeric(numeric: u16) -> Option<&'static Country> {
        countries().values().find(|c| c.numeric == numeric)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CountryCode {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&value)
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> String {
        code.0
    }
}

/// The world sections of UCLG, to which every member city belongs through its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Africa.
    Africa,
    /// Asia-Pacific.
    AsiaPacific,
    /// Eurasia.
    Eurasia,
    /// Europe.
    Europe,
    /// Latin America.
    LatinAmerica,
    /// Middle East and West Asia.
    MiddleEastWestAsia,
    /// North America.
    NorthAmerica,
}

/// Countries whose UCLG section differs from what their continent suggests.
const EURASIA: &[&str] = &["AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "RU", "TJ", "TM", "UZ"];
const MIDDLE_EAST_WEST_ASIA: &[&str] = &[
    "AE", "AF", "BH", "CY", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PK", "PS", "QA", "SA", "SY", "TR",
    "YE",
];
const NORTH_AMERICA: &[&str] = &["BM", "CA", "GL", "PM", "US"];

impl Section {
    /// Every section, in UCLG's order.
    pub const ALL: [Section; 7] = [
        Section::Africa,
        Section::AsiaPacific,
        Section::Eurasia,
        Section::Europe,
        Section::LatinAmerica,
        Section::MiddleEastWestAsia,
        Section::NorthAmerica,
    ];

    /// The identifier used in URLs, CSV files and the API (`asia-pacific`).
    pub fn slug(self) -> &'static str {
        match self {
            Section::Africa => "africa",
            Section::AsiaPacific => "asia-pacific",
            Section::Eurasia => "eurasia",
            Section::Europe => "europe",
            Section::LatinAmerica => "latin-america",
            Section::MiddleEastWestAsia => "middle-east-west-asia",
            Section::NorthAmerica => "north-america",
        }
    }

    /// A section from its name.
    pub fn parse(input: &str) -> Result<Section, ParseError> {
        let wanted = input.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        let wanted = match wanted.as_str() {
            "mewa" => "middle-east-west-asia",
            "aspac" => "asia-pacific",
            other => other,
        };
        Section::ALL.into_iter().find(|s| s.slug() == wanted).ok_or_else(|| {
            let known: Vec<&str> = Section::ALL.iter().map(|s| s.slug()).collect();
            ParseError::new(format!("unknown UCLG section {input:?}: expected one of {}", known.join(", ")))
        })
    }

    /// The section a city belongs to by default, from its country. Uninhabited Antarctic
    /// territories have none, so a city there must name its section explicitly.
    pub fn for_country(code: &CountryCode) -> Option<Section> {
        let iso = code.as_str();
        if EURASIA.contains(&iso) {
            return Some(Section::Eurasia);
        }
        if MIDDLE_EAST_WEST_ASIA.contains(&iso) {
            return Some(Section::MiddleEastWestAsia);
        }
        if NORTH_AMERICA.contains(&iso) {
            return Some(Section::NorthAmerica);
        }
        match code.country().continent.as_str() {
            "AF" => Some(Section::Africa),
            "AS" | "OC" => Some(Section::AsiaPacific),
            "EU" => Some(Section::Europe),
            "NA" | "SA" => Some(Section::LatinAmerica),
            _ => None,
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_checked_against_iso() {
        assert_eq!(CountryCode::parse("es").unwrap().as_str(), "ES");
        assert_eq!(CountryCode::parse("ES").unwrap().country().name, "Spain");
        let ivory_coast = CountryCode::parse("CI").unwrap();
        assert_eq!(ivory_coast.name(Lang::Fr), "Côte d’Ivoire");
        assert_eq!(CountryCode::parse("ES").unwrap().name(Lang::Es), "España");
        assert_eq!(CountryCode::parse("KR").unwrap().name(Lang::Fr), "Corée du Sud");
        // Every code GeoNames knows has a CLDR name, but for the two withdrawn from ISO 3166
        // (Netherlands Antilles, Serbia and Montenegro), which keep GeoNames' English name.
        let unnamed: Vec<&String> = countries().keys().filter(|c| !cldr_names().contains_key(*c)).collect();
        assert_eq!(unnamed.len(), 2, "{unnamed:?}");
        assert_eq!(CountryCode::parse("CS").unwrap().name(Lang::Es), "Serbia and Montenegro");
        assert!(
            !CountryCode::parse("CS").unwrap().is_current() && CountryCode::parse("RS").unwrap().is_current()
        );
        assert!(CountryCode::parse("XX").is_err());
        assert!(CountryCode::parse("ESP").is_err());
        assert_eq!(countries().len(), 252);
        assert_eq!(Country::by_numeric(724).unwrap().code.as_str(), "ES");
    }

    #[test]
    fn mail_goes_in_the_study_language_a_country_reads() {
        let lang = |c: &str| CountryCode::parse(c).unwrap().country().study_lang;
        assert_eq!(lang("ES"), Lang::Es);
        assert_eq!(lang("MX"), Lang::Es);
        // Morocco lists Arabic and Berber before French; Canada English before French.
        assert_eq!(lang("MA"), Lang::Fr);
        assert_eq!(lang("SN"), Lang::Fr);
        assert_eq!(lang("CA"), Lang::En);
        // None of the three: English.
        assert_eq!(lang("DE"), Lang::En);
        assert_eq!(lang("PT"), Lang::En);
    }

    #[test]
    fn sections_follow_uclg_rather_than_continents() {
        let section = |c: &str| Section::for_country(&CountryCode::parse(c).unwrap());
        assert_eq!(section("ES"), Some(Section::Europe));
        assert_eq!(section("RU"), Some(Section::Eurasia));
        assert_eq!(section("TR"), Some(Section::MiddleEastWestAsia));
        assert_eq!(section("MX"), Some(Section::LatinAmerica));
        assert_eq!(section("CA"), Some(Section::NorthAmerica));
        assert_eq!(section("SN"), Some(Section::Africa));
        assert_eq!(section("AU"), Some(Section::AsiaPacific));
        assert_eq!(section("AQ"), None);
    }

    #[test]
    fn section_slugs_round_trip() {
        for section in Section::ALL {
            assert_eq!(Section::parse(section.slug()), Ok(section));
        }
        assert_eq!(Section::parse("MEWA"), Ok(Section::MiddleEastWestAsia));
        assert!(Section::parse("Oceania").is_err());
    }
}
