//! The world map of member cities, drawn as SVG on the server so that it needs neither
//! JavaScript nor any request leaving the machine. Country shapes come from Natural Earth's
//! 1:110m countries as packaged by world-atlas (TopoJSON), shipped in `assets/maps`.

use std::{collections::HashSet, fmt::Write, sync::OnceLock};

use geojson::{FeatureCollection, Value as Geometry};
use smartcities_domain::{Country, CountryCode};

use crate::charts::{INK, LAND, LAND_MEMBER, MUTED, escape};

const COUNTRIES_TOPOJSON: &str = include_str!("../assets/maps/countries-110m.json");

/// Width of the map in SVG units; the height follows from the latitudes shown.
pub const WIDTH: f64 = 1000.0;
const NORTH: f64 = 84.0;
/// Antarctica is left out: no city of the study is there and it would take a third of the map.
const SOUTH: f64 = -58.0;
const SCALE: f64 = WIDTH / 360.0;
/// Height of the map in SVG units.
pub const HEIGHT: f64 = (NORTH - SOUTH) * SCALE;

/// One country's outline as SVG path data, with its ISO code when the shape has one.
pub struct CountryShape {
    /// The country's ISO code, when the shape is a country.
    pub code: Option<CountryCode>,
    /// The outline as SVG path data.
    pub path: String,
}

/// A city to mark on the map.
pub struct Marker<'a> {
    /// The city's id.
    pub id: &'a str,
    /// Its name, shown as the marker's tooltip.
    pub name: &'a str,
    /// Longitude in degrees.
    pub longitude: f64,
    /// Latitude in degrees.
    pub latitude: f64,
}

/// The map as an inline SVG element: country outlines (countries in `highlighted` filled in the
/// members' colour) and a dot per marker, each with a tooltip. It has a text alternative; the
/// pages also list the same cities in a table.
pub fn render(title: &str, description: &str, markers: &[Marker], highlighted: &HashSet<&str>) -> String {
    let mut svg = String::with_capacity(160_000);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT:.0}" role="img" aria-labelledby="map-title map-desc"><title id="map-title">{}</title><desc id="map-desc">{}</desc><g class="countries" stroke="{MUTED}" stroke-width="0.4">"#,
        escape(title),
        escape(description)
    );
    for shape in countries() {
        let member = shape.code.as_ref().is_some_and(|c| highlighted.contains(c.as_str()));
        let (class, fill) = if member { ("land member", LAND_MEMBER) } else { ("land", LAND) };
        let _ = write!(svg, r#"<path class="{class}" fill="{fill}" d="{}"/>"#, shape.path);
    }
    svg.push_str(r#"</g><g class="cities">"#);
    for marker in markers {
        let (x, y) = project(marker.longitude, marker.latitude);
        let _ = write!(
            svg,
            r#"<circle class="city" fill="{INK}" stroke="white" stroke-width="1" data-city="{}" cx="{x:.1}" cy="{y:.1}" r="5"><title>{}</title></circle>"#,
            escape(marker.id),
            escape(marker.name)
        );
    }
    svg.push_str("</g></svg>");
    svg
}

/// Equirectangular projection into the map's SVG coordinates.
pub fn project(longitude: f64, latitude: f64) -> (f64, f64) {
    ((longitude + 180.0) * SCALE, (NORTH - latitude) * SCALE)
}

/// The country outlines, decoded once.
pub fn countries() -> &'static [CountryShape] {
    static SHAPES: OnceLock<Vec<CountryShape>> = OnceLock::new();
    SHAPES.get_or_init(|| decode(COUNTRIES_TOPOJSON).expect("the shipped world map decodes"))
}

fn decode(topojson: &str) -> Result<Vec<CountryShape>, String> {
    // A few shapes (Kosovo, Somaliland, N. Cyprus) have no ISO id, which the decoder logs as
    // a warning on every start: they get an empty one, which maps to no country all the same.
    let mut value: serde_json::Value = serde_json::from_str(topojson).map_err(|e| e.to_string())?;
    if let Some(geometries) =
        value.pointer_mut("/objects/countries/geometries").and_then(|g| g.as_array_mut())
    {
        for geometry in geometries.iter_mut().filter_map(|g| g.as_object_mut()) {
            geometry.entry("id").or_insert_with(|| serde_json::Value::String(String::new()));
        }
    }
    let serde_json::Value::Object(object) = value else { return Err("expected a JSON object".into()) };
    let topology = match topojson::TopoJson::from_json_object(object).map_err(|e| e.to_string())? {
        topojson::TopoJson::Topology(t) => t,
        topojson::TopoJson::Geometry(_) => return Err("expected a topology".into()),
    };
    let collection: FeatureCollection =
        topojson::to_geojson(&topology, "countries").map_err(|e| e.to_string())?;
    let mut shapes = Vec::new();
    for feature in collection.features {
        let numeric = feature.id.as_ref().and_then(|id| match id {
            geojson::feature::Id::String(s) => s.parse::<u16>().ok(),
            geojson::feature::Id::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        });
        if numeric == Some(10) {
            continue; // Antarctica
        }
        let polygons = match feature.geometry.map(|g| g.value) {
            Some(Geometry::Polygon(rings)) => vec![rings],
            Some(Geometry::MultiPolygon(polygons)) => polygons,
            _ => continue,
        };
        let mut path = String::new();
        for ring in polygons.iter().flatten() {
            write_ring(&mut path, ring);
        }
        let code = numeric.and_then(Country::by_numeric).map(|c| c.code.clone());
        shapes.push(CountryShape { code, path });
    }
    Ok(shapes)
}

/// Appends one closed ring. Longitudes are unwrapped so that a ring crossing the antimeridian
/// (Russia, Fiji) continues past ±180° instead of drawing a line across the whole map; the
/// overflow is clipped by the SVG viewport.
fn write_ring(path: &mut String, ring: &[Vec<f64>]) {
    let mut previous: Option<f64> = None;
    for (i, position) in ring.iter().enumerate() {
        let (mut lon, lat) = (position[0], position[1]);
        if let Some(prev) = previous {
            while lon - prev > 180.0 {
                lon -= 360.0;
            }
            while prev - lon > 180.0 {
                lon += 360.0;
            }
        }
        previous = Some(lon);
        let (x, y) = project(lon, lat);
        let command = if i == 0 { 'M' } else { 'L' };
        let _ = write!(path, "{command}{x:.1},{y:.1}");
    }
    path.push('Z');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_map_has_the_countries_of_the_world() {
        let shapes = countries();
        assert!(shapes.len() > 170, "{} shapes", shapes.len());
        let spain = shapes.iter().find(|s| s.code.as_ref().is_some_and(|c| c.as_str() == "ES")).unwrap();
        assert!(spain.path.starts_with('M') && spain.path.ends_with('Z'));
        assert!(shapes.iter().all(|s| !s.path.contains("NaN")));
    }

    #[test]
    fn projection_puts_bilbao_in_western_europe() {
        let (x, y) = project(-2.93, 43.26);
        assert!((x - 491.9).abs() < 0.1, "{x}");
        assert!((y - 113.2).abs() < 0.1, "{y}");
        assert_eq!(project(-180.0, NORTH), (0.0, 0.0));
        assert!((project(180.0, SOUTH).1 - HEIGHT).abs() < 1e-9);
    }

    #[test]
    fn rendered_maps_escape_names_and_mark_members() {
        let markers = [Marker { id: "es-bilbao", name: "Bilbao <Bilbo>", longitude: -2.93, latitude: 43.26 }];
        let highlighted: HashSet<&str> = ["ES"].into();
        let svg = render("Members", "One city", &markers, &highlighted);
        assert!(svg.contains("<title>Bilbao &lt;Bilbo&gt;</title>"));
        assert_eq!(svg.matches(r#"class="land member""#).count(), 1);
        assert_eq!(svg.matches("<circle").count(), 1);
    }

    #[test]
    fn rings_across_the_antimeridian_do_not_jump() {
        let mut path = String::new();
        write_ring(&mut path, &[vec![179.0, 60.0], vec![-179.0, 60.0], vec![-179.0, 65.0]]);
        assert_eq!(path, "M997.2,66.7L1002.8,66.7L1002.8,52.8Z");
    }
}
