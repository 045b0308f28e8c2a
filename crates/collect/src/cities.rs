use std::collections::HashMap;

use smartcities_domain::{City, CityId, CityNames, Coordinates, CountryCode, Population, Section};

use crate::located::{Located, Problems, Row, Table};

const REQUIRED: &[&str] = &["name", "country", "population", "latitude", "longitude"];
const OPTIONAL: &[&str] = &[
    "id",
    "local_name",
    "name_es",
    "name_fr",
    "section",
    "population_year",
    "population_source",
    "metropolis",
];

/// The columns of a cities CSV, in the order `write_cities` writes them.
pub const CITY_COLUMNS: &[&str] = &[
    "id",
    "name",
    "local_name",
    "name_es",
    "name_fr",
    "country",
    "section",
    "metropolis",
    "population",
    "population_year",
    "population_source",
    "latitude",
    "longitude",
];

/// Parses a cities CSV. Required columns: `name`, `country` (ISO 3166-1 alpha-2), `population`,
/// `latitude`, `longitude`. Optional: `id` (derived from country and name when absent),
/// `local_name`, `name_es` and `name_fr` (the name in Spanish and French where it differs),
/// `section` (derived from the country when absent), `population_year`,
/// `population_source`, `metropolis` (yes/no). A city id given twice is an error.
pub fn parse_cities(file: &str, text: &str) -> Result<Vec<City>, Problems> {
    let mut table = Table::read(file, text, REQUIRED, OPTIONAL);
    if !table.header_ok() {
        return table.into_result(Vec::new());
    }
    let mut cities = Vec::new();
    let mut problems: Vec<Located> = Vec::new();
    let mut first_line: HashMap<CityId, u64> = HashMap::new();
    for row in table.rows() {
        let mut fail = |column: &str, message: String| problems.push(row.problem(column, message));

        let name = row.get("name").map(str::to_string);
        if name.is_none() {
            fail("name", "the city name is empty".into());
        }
        let country = match row.get("country").map(CountryCode::parse) {
            Some(Ok(code)) => Some(code),
            Some(Err(e)) => {
                fail("country", e.0);
                None
            }
            None => {
                fail("country", "the country code is empty".into());
                None
            }
        };
        let population = match row.get("population") {
            Some(text) => match text.parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    fail("population", format!("population {text:?} is not a whole, non-negative number"));
                    None
                }
            },
            None => {
                fail("population", "the population is empty".into());
                None
            }
        };
        let location = read_location(&row, &mut problems);
        let (population_year, metropolis, section) = read_details(&row, country.as_ref(), &mut problems);
        let id = match (row.get("id"), &country, &name) {
            (Some(text), _, _) => CityId::parse(text).map_err(|e| problems.push(row.problem("id", e.0))).ok(),
            (None, Some(code), Some(name)) => {
                CityId::derive(code, name).map_err(|e| problems.push(row.problem("name", e.0))).ok()
            }
            _ => None,
        };
        if let Some(id) = &id {
            let id_column = if row.get("id").is_some() { "id" } else { "name" };
            if let Some(first) = first_line.get(id) {
                problems
                    .push(row.problem(id_column, format!("duplicate city {id}: already on line {first}")));
            } else {
                first_line.insert(id.clone(), row.line());
            }
        }

        if let (Some(id), Some(name), Some(country), Some(section), Some(count), Some(location)) =
            (id, name, country, section, population, location)
        {
            cities.push(City {
                id,
                name,
                local_name: row.get("local_name").map(str::to_string),
                names: CityNames::from_cells(row.get("name_es"), row.get("name_fr")),
                country,
                section,
                metropolis,
                population: Population {
                    count,
                    year: population_year,
                    source: row.get("population_source").map(str::to_string),
                },
                location,
            });
        }
    }
    table.problems.extend(problems);
    table.into_result(cities)
}

/// A row's latitude and longitude, each checked and placed.
fn read_location(row: &Row<'_>, problems: &mut Vec<Located>) -> Option<Coordinates> {
    let coordinate = |column: &str, problems: &mut Vec<Located>| match row.get(column) {
        Some(text) => match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Some(v),
            _ => {
                problems.push(row.problem(column, format!("{column} {text:?} is not a number")));
                None
            }
        },
        None => {
            problems.push(row.problem(column, format!("the {column} is empty")));
            None
        }
    };
    let latitude = coordinate("latitude", problems);
    let longitude = coordinate("longitude", problems);
    match (latitude, longitude) {
        (Some(lat), Some(lon)) => {
            if let Err(e) = Coordinates::new(lat, 0.0) {
                problems.push(row.problem("latitude", e.0));
            }
            if let Err(e) = Coordinates::new(0.0, lon) {
                problems.push(row.problem("longitude", e.0));
            }
            Coordinates::new(lat, lon).ok()
        }
        _ => None,
    }
}

/// A row's optional population year, Metropolis membership and UCLG section (derived from the
/// country when the row gives none).
fn read_details(
    row: &Row<'_>,
    country: Option<&CountryCode>,
    problems: &mut Vec<Located>,
) -> (Option<i32>, bool, Option<Section>) {
    let population_year = match row.get("population_year") {
        None => None,
        Some(text) => match text.parse::<i32>() {
            Ok(y) if (1800..=2100).contains(&y) => Some(y),
            _ => {
                problems
                    .push(row.problem("population_year", format!("population year {text:?} is not a year")));
                None
            }
        },
    };
    let metropolis = match row.get("metropolis").map(str::to_ascii_lowercase).as_deref() {
        None | Some("no" | "false" | "0" | "n") => false,
        Some("yes" | "true" | "1" | "y") => true,
        Some(other) => {
            problems.push(row.problem("metropolis", format!("metropolis {other:?} should be yes or no")));
            false
        }
    };
    let section = match (row.get("section"), country) {
        (Some(text), _) => match Section::parse(text) {
            Ok(section) => Some(section),
            Err(e) => {
                problems.push(row.problem("section", e.0));
                None
            }
        },
        (None, Some(code)) => {
            let section = Section::for_country(code);
            if section.is_none() {
                problems.push(row.problem(
                    "country",
                    format!("no UCLG section is known for {code}; add a section column"),
                ));
            }
            section
        }
        (None, None) => None,
    };
    (population_year, metropolis, section)
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return before them) is written with a leading apostrophe, as OWASP advises for CSV files
/// opened in spreadsheets; a number such as `-3.5` stays a number.
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes cities in the format `parse_cities` reads, with every column filled in.
pub fn write_cities<W: std::io::Write>(out: W, cities: &[City]) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CITY_COLUMNS)?;
    for city in cities {
        writer.write_record([
            city.id.as_str(),
            &neutralise_formula(&city.name),
            &neutralise_formula(city.local_name.as_deref().unwrap_or("")),
            &neutralise_formula(city.names.es.as_deref().unwrap_or("")),
            &neutralise_formula(city.names.fr.as_deref().unwrap_or("")),
            city.country.as_str(),
            city.section.slug(),
            if city.metropolis { "yes" } else { "no" },
            &city.population.count.to_string(),
            &city.population.year.map(|y| y.to_string()).unwrap_or_default(),
            &neutralise_formula(city.population.source.as_deref().unwrap_or("")),
            &city.location.latitude.to_string(),
            &city.location.longitude.to_string(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
name,local_name,country,population,latitude,longitude,metropolis
Bilbao,Bilbo,ES,347342,43.26271,-2.92528,no
Córdoba,,AR,2106734,-31.40648,-64.18853,
Montréal,,CA,1762949,45.50884,-73.58781,yes
";

    fn messages(result: Result<Vec<City>, Problems>) -> Vec<String> {
        result.unwrap_err().0.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_good_file_parses_with_derived_ids_and_sections() {
        let cities = parse_cities("cities.csv", GOOD).unwrap();
        assert_eq!(cities.len(), 3);
        assert_eq!(cities[0].id.as_str(), "es-bilbao");
        assert_eq!(cities[0].local_name.as_deref(), Some("Bilbo"));
        assert_eq!(cities[1].id.as_str(), "ar-cordoba");
        assert_eq!(cities[1].section, Section::LatinAmerica);
        assert!(cities[2].metropolis);
        assert_eq!(cities[2].section, Section::NorthAmerica);
    }

    #[test]
    fn written_cities_read_back_the_same() {
        let cities = parse_cities("cities.csv", GOOD).unwrap();
        let mut out = Vec::new();
        write_cities(&mut out, &cities).unwrap();
        let again = parse_cities("export.csv", std::str::from_utf8(&out).unwrap()).unwrap();
        assert_eq!(cities, again);
    }

    #[test]
    fn a_missing_column_is_reported_on_the_header() {
        let text = "name,country,latitude,longitude\nBilbao,ES,43.2,-2.9\n";
        assert_eq!(
            messages(parse_cities("c.csv", text)),
            ["c.csv:1:5: missing required column \"population\""]
        );
    }

    #[test]
    fn every_bad_cell_is_reported_with_line_and_column() {
        let text = "\
name,country,population,latitude,longitude
Bilbao,ES,347342,43.26,-2.92
Atlantis,XX,1000,10,10
Dakar,SN,many,14.69,-17.44
Nowhere,FR,10,95,200
Bilbao,ES,1,43.26,-2.92
";
        assert_eq!(
            messages(parse_cities("cities.csv", text)),
            [
                "cities.csv:3:2: unknown country code \"XX\": expected an ISO 3166-1 alpha-2 code such as ES or BR",
                "cities.csv:4:3: population \"many\" is not a whole, non-negative number",
                "cities.csv:5:4: latitude 95 is outside -90..90",
                "cities.csv:5:5: longitude 200 is outside -180..180",
                "cities.csv:6:1: duplicate city es-bilbao: already on line 2",
            ]
        );
    }

    #[test]
    fn antarctic_cities_need_an_explicit_section() {
        let text = "name,country,population,latitude,longitude\nMcMurdo,AQ,1000,-77.8,166.7\n";
        let problems = messages(parse_cities("c.csv", text));
        assert_eq!(problems, ["c.csv:2:2: no UCLG section is known for AQ; add a section column"]);
        let text =
            "name,country,section,population,latitude,longitude\nMcMurdo,AQ,asia-pacific,1000,-77.8,166.7\n";
        assert!(parse_cities("c.csv", text).is_ok());
    }

    #[test]
    fn unknown_columns_and_ragged_rows_are_errors() {
        let text = "name,country,population,latitude,longitude,mayor\nBilbao,ES,1,43,-2,Aburto\n";
        assert_eq!(
            messages(parse_cities("c.csv", text))[0],
            "c.csv:1:6: unknown column \"mayor\"; the columns are country, id, latitude, local_name, longitude, metropolis, name, name_es, name_fr, population, population_source, population_year, section"
        );
        let text = "name,country,population,latitude,longitude\nBilbao,ES,1,43\n";
        assert_eq!(messages(parse_cities("c.csv", text)), ["c.csv:2:5: the longitude is empty"]);
    }

    #[test]
    fn exported_names_that_a_spreadsheet_would_run_are_neutralised() {
        let mut cities = parse_cities("cities.csv", GOOD).unwrap();
        cities[0].name = "=HYPERLINK(\"http://x\",\"Bilbao\")".into();
        cities[1].name = "@SUM(A1)".into();
        cities[2].local_name = Some("+1".into());
        let mut out = Vec::new();
        write_cities(&mut out, &cities).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"Bilbao\"\")\""), "{text}");
        assert!(text.contains(",'@SUM(A1),") && text.contains(",+1,"), "{text}");
        for (cell, kept) in
            [("-3.5", "-3.5"), ("+1", "+1"), ("-x", "'-x"), ("\t=1", "'\t=1"), ("Bilbao", "Bilbao")]
        {
            assert_eq!(neutralise_formula(cell), kept);
        }
    }
}
