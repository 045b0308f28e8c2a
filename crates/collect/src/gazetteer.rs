//! The shipped gazetteer: GeoNames' 34,006 places of 15,000 inhabitants or more (CC BY 4.0,
//! `data/gazetteer/`), built into the program so that nothing is fetched at run time. The
//! secretariat finds a city by name — whatever its case and accents — to take its coordinates
//! and population from a named source instead of typing them.

use std::sync::OnceLock;

use smartcities_domain::{Coordinates, CountryCode};
use unicode_normalization::UnicodeNormalization;

/// The source a place's figures are credited to.
pub const GAZETTEER_SOURCE: &str = "GeoNames";

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames' id of the place.
    pub geonameid: u32,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: CountryCode,
    /// Its first-level subdivision's code.
    pub admin1: String,
    /// Where it lies.
    pub location: Coordinates,
    /// GeoNames' population figure.
    pub population: u64,
}

/// The places, parsed once, with their names folded for search.
pub struct Gazetteer {
    places: Vec<(String, Place)>,
}

const SHIPPED: &str = include_str!("../../../data/gazetteer/cities15000.csv");

/// A name as searches compare it: lower case, accents and punctuation dropped, spaces single.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

impl Gazetteer {
    /// The gazetteer built into the program.
    pub fn shipped() -> &'static Gazetteer {
        static SHIPPED_GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        SHIPPED_GAZETTEER.get_or_init(|| Gazetteer::parse(SHIPPED))
    }

    /// Places from a CSV in the shipped file's columns; a row that does not read is left out.
    pub fn parse(text: &str) -> Gazetteer {
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
        let places = reader
            .records()
            .filter_map(Result::ok)
            .filter_map(|r| {
                let location = Coordinates::new(r.get(4)?.parse().ok()?, r.get(5)?.parse().ok()?).ok()?;
                let place = Place {
                    geonameid: r.get(0)?.parse().ok()?,
                    name: r.get(1)?.to_string(),
                    country: CountryCode::parse(r.get(2)?).ok()?,
                    admin1: r.get(3)?.to_string(),
                    location,
                    population: r.get(6)?.parse().ok()?,
                };
                Some((fold(&place.name), place))
            })
            .collect();
        Gazetteer { places }
    }

    /// How many places it holds.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place with this GeoNames id.
    pub fn place(&self, geonameid: u32) -> Option<&Place> {
        self.places.iter().map(|(_, p)| p).find(|p| p.geonameid == geonameid)
    }

    /// Up to `limit` places whose name is `name` (whatever the case and accents), then those
    /// whose name starts with it, in `country` when given; the most populous first within each.
    pub fn search(&self, name: &str, country: Option<&CountryCode>, limit: usize) -> Vec<&Place> {
        let wanted = fold(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let in_country = |p: &Place| country.is_none_or(|c| &p.country == c);
        let mut exact: Vec<&Place> = Vec::new();
        let mut starting: Vec<&Place> = Vec::new();
        for (folded, place) in &self.places {
            if !in_country(place) {
                continue;
            }
            if *folded == wanted {
                exact.push(place);
            } else if folded.starts_with(&wanted) {
                starting.push(place);
            }
        }
        exact.sort_by_key(|p| std::cmp::Reverse(p.population));
        starting.sort_by_key(|p| std::cmp::Reverse(p.population));
        exact.into_iter().chain(starting).take(limit).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_gazetteer_holds_every_place_of_the_export() {
        assert_eq!(Gazetteer::shipped().len(), 34_006);
    }

    #[test]
    fn a_city_is_found_whatever_its_case_and_accents_most_populous_first() {
        let g = Gazetteer::shipped();
        let bilbao = g.search("BILBAO", Some(&CountryCode::parse("ES").unwrap()), 5);
        assert_eq!(bilbao[0].name, "Bilbao");
        assert!((bilbao[0].location.latitude - 43.26).abs() < 0.05, "{:?}", bilbao[0].location);
        let sao_paulo = g.search("sao paulo", Some(&CountryCode::parse("BR").unwrap()), 5);
        assert_eq!(sao_paulo[0].name, "São Paulo");
        assert!(sao_paulo[0].population > 10_000_000);
        // Several places named alike: the largest first, then names that start alike.
        let cordoba = g.search("Córdoba", None, 10);
        assert!(
            cordoba
                .windows(2)
                .take_while(|w| fold(&w[1].name) == "cordoba")
                .all(|w| w[0].population >= w[1].population)
        );
        assert!(g.search("", None, 5).is_empty());
        assert_eq!(fold("  Saint-Étienne "), "saint etienne");
        assert_eq!(g.place(bilbao[0].geonameid).map(|p| p.name.as_str()), Some("Bilbao"));
    }
}
