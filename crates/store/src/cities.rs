use smartcities_domain::{City, CityId, CityNames, Coordinates, CountryCode, Population, Section};
use sqlx::{AssertSqlSafe, Row, any::AnyRow};

use crate::{Registry, Result, corrupt, flag};

/// Which cities to list; empty fields match every city.
#[derive(Debug, Clone, Default)]
pub struct CityFilter {
    /// Only cities of this country.
    pub country: Option<CountryCode>,
    /// Only cities of this UCLG section.
    pub section: Option<Section>,
}

const CITY_COLUMNS: &str = "id, name, local_name, name_es, name_fr, country, section, metropolis, \
                            population, population_year, population_source, latitude, longitude";

impl Registry<'_> {
    /// Adds cities to the registry or updates those whose id is already there. One transaction.
    pub async fn upsert_cities(&self, cities: &[City]) -> Result<()> {
        let now = self.now_text();
        let mut tx = self.begin_write().await?;
        for city in cities {
            upsert_city_in(&mut tx, city, &now).await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// Cities matching the filter, by name.
    pub async fn cities(&self, filter: &CityFilter) -> Result<Vec<City>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {CITY_COLUMNS} FROM cities \
             WHERE ($1 = '' OR country = $1) AND ($2 = '' OR section = $2) ORDER BY name, id"
        )))
        .bind(filter.country.as_ref().map_or("", |c| c.as_str()))
        .bind(filter.section.map_or("", Section::slug))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(city_from_row).collect()
    }

    /// The city with this id.
    pub async fn city(&self, id: &CityId) -> Result<Option<City>> {
        let row = sqlx::query(AssertSqlSafe(format!("SELECT {CITY_COLUMNS} FROM cities WHERE id = $1")))
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(city_from_row).transpose()
    }
}

fn city_from_row(row: &AnyRow) -> Result<City> {
    let id: String = row.try_get("id")?;
    let country: String = row.try_get("country")?;
    let section: String = row.try_get("section")?;
    let population: i64 = row.try_get("population")?;
    let year: Option<i64> = row.try_get("population_year")?;
    Ok(City {
        id: CityId::parse(&id).map_err(corrupt)?,
        name: row.try_get("name")?,
        local_name: row.try_get("local_name")?,
        names: CityNames { es: row.try_get("name_es")?, fr: row.try_get("name_fr")? },
        country: CountryCode::parse(&country).map_err(corrupt)?,
        section: Section::parse(&section).map_err(corrupt)?,
        metropolis: row.try_get::<i64, _>("metropolis")? != 0,
        population: Population {
            count: u64::try_from(population).map_err(corrupt)?,
            year: year.map(i32::try_from).transpose().map_err(corrupt)?,
            source: row.try_get("population_source")?,
        },
        location: Coordinates::new(row.try_get("latitude")?, row.try_get("longitude")?).map_err(corrupt)?,
    })
}

/// Adds a city to the registry or updates it, inside the caller's transaction.
pub(crate) async fn upsert_city_in(conn: &mut sqlx::AnyConnection, city: &City, now: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO cities (id, name, local_name, country, section, metropolis, population, \
                                 population_year, population_source, latitude, longitude, updated_at, \
                                 name_es, name_fr) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, local_name = excluded.local_name, \
                 name_es = excluded.name_es, name_fr = excluded.name_fr, \
                 country = excluded.country, section = excluded.section, metropolis = excluded.metropolis, \
                 population = excluded.population, population_year = excluded.population_year, \
                 population_source = excluded.population_source, latitude = excluded.latitude, \
                 longitude = excluded.longitude, updated_at = excluded.updated_at",
    )
    .bind(city.id.as_str())
    .bind(&city.name)
    .bind(city.local_name.as_deref())
    .bind(city.country.as_str())
    .bind(city.section.slug())
    .bind(flag(city.metropolis))
    .bind(i64::try_from(city.population.count).map_err(corrupt)?)
    .bind(city.population.year.map(i64::from))
    .bind(city.population.source.as_deref())
    .bind(city.location.latitude)
    .bind(city.location.longitude)
    .bind(now)
    .bind(city.names.es.as_deref())
    .bind(city.names.fr.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
