//! The data of a composite indicator (COINr calls it a "coin") and its pipeline.

use std::collections::BTreeMap;

/// Why an index could not be built from its tables.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum IndexError {
    /// A table that cannot be read, at a line.
    #[error("{file}:{line}: {message}")]
    Table {
        /// The table's file name.
        file: String,
        /// The line, 1-based.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A value that cannot be used.
    #[error("unit {unit}, indicator {indicator}: {message}")]
    Value {
        /// The unit's code.
        unit: String,
        /// The indicator's code.
        indicator: String,
        /// What is wrong.
        message: String,
    },
    /// The index's structure (iMeta's levels and parents) is not a tree of its indicators.
    #[error("{0}")]
    Tree(String),
}

/// The role of a column, as iMeta's `Type` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A variable that enters the index.
    Indicator,
    /// A pillar, sub-index or the index itself.
    Aggregate,
    /// A column that groups units (for group imputation).
    Group,
    /// A column indicators are divided by (GDP, population).
    Denominator,
    /// Any other column.
    Other,
}

/// One row of iMeta.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// The variable's code (iMeta `iCode`).
    pub code: String,
    /// Its name.
    pub name: String,
    /// What kind of variable it is.
    pub kind: Kind,
    /// Its level in the tree (1 for indicators).
    pub level: Option<u32>,
    /// 1 when more is better, −1 when less is.
    pub direction: f64,
    /// Its weight within its parent.
    pub weight: f64,
    /// Its parent's code.
    pub parent: Option<String>,
    /// The denominator column it is divided by, if any.
    pub denominator: Option<String>,
    /// The target used by distance-to-target normalisation.
    pub target: Option<f64>,
}

/// Units × columns, units in input order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Unit codes, one per row.
    pub units: Vec<String>,
    /// Columns by code, each one value per unit.
    pub columns: Vec<(String, Vec<Option<f64>>)>,
}

impl Table {
    /// The column with this code.
    pub fn column(&self, code: &str) -> Option<&[Option<f64>]> {
        self.columns.iter().find(|(c, _)| c == code).map(|(_, v)| v.as_slice())
    }

    pub(crate) fn keep_units(&self, keep: &[bool]) -> Table {
        let pick = |v: &[Option<f64>]| v.iter().zip(keep).filter(|(_, k)| **k).map(|(x, _)| *x).collect();
        Table {
            units: self.units.iter().zip(keep).filter(|(_, k)| **k).map(|(u, _)| u.clone()).collect(),
            columns: self.columns.iter().map(|(c, v)| (c.clone(), pick(v))).collect(),
        }
    }
}

/// The raw data and metadata of an index.
#[derive(Debug, Clone, PartialEq)]
pub struct Coin {
    /// The variables' metadata (iMeta).
    pub meta: Vec<Meta>,
    /// Every numeric column of iData (indicators and denominators).
    pub data: Table,
    /// Group columns (text), by code.
    pub groups: BTreeMap<String, Vec<String>>,
}

fn parse_number(file: &str, line: usize, column: &str, text: &str) -> Result<Option<f64>, IndexError> {
    let text = text.trim();
    if text.is_empty() || text == "NA" {
        return Ok(None);
    }
    let value: f64 = text.parse().map_err(|_| IndexError::Table {
        file: file.into(),
        line,
        message: format!("column {column}: {text:?} is not a number"),
    })?;
    Ok(Some(value))
}

impl Coin {
    /// Reads COINr's table convention: iData (`uCode`, `uName`, then columns whose role iMeta
    /// gives) and iMeta (`Level`, `iCode`, `iName`, `Direction`, `Weight`, `Parent`, `Type`,
    /// optional `Denominator`, `Unit`, `Target`).
    pub fn from_coinr_csv(idata: &str, imeta: &str) -> Result<Coin, IndexError> {
        let table_error =
            |file: &str, line: usize, message: String| IndexError::Table { file: file.into(), line, message };
        let mut reader = csv::Reader::from_reader(imeta.as_bytes());
        let headers = reader.headers().map_err(|e| table_error("iMeta", 1, e.to_string()))?.clone();
        let at = |name: &str| headers.iter().position(|h| h == name);
        let required =
            |name: &str| at(name).ok_or_else(|| table_error("iMeta", 1, format!("no column {name}")));
        let (code_at, type_at) = (required("iCode")?, required("Type")?);
        let mut meta = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = record.map_err(|e| table_error("iMeta", line, e.to_string()))?;
            let field = |name: &str| {
                at(name).and_then(|p| record.get(p)).map(str::trim).filter(|s| !s.is_empty() && *s != "NA")
            };
            let number = |name: &str| -> Result<Option<f64>, IndexError> {
                field(name).map(|t| parse_number("iMeta", line, name, t)).transpose().map(Option::flatten)
            };
            let kind = match record.get(type_at).unwrap_or("").trim() {
                "Indicator" => Kind::Indicator,
                "Aggregate" => Kind::Aggregate,
                "Group" => Kind::Group,
                "Denominator" => Kind::Denominator,
                "Other" => Kind::Other,
                other => {
                    return Err(table_error(
                        "iMeta",
                        line,
                        format!("Type {other:?}: expected Indicator, Aggregate, Group, Denominator or Other"),
                    ));
                }
            };
            meta.push(Meta {
                code: record.get(code_at).unwrap_or("").trim().to_string(),
                name: field("iName").unwrap_or_default().to_string(),
                kind,
                level: number("Level")?.map(|l| l as u32),
                direction: number("Direction")?.unwrap_or(1.0),
                weight: number("Weight")?.unwrap_or(1.0),
                parent: field("Parent").map(str::to_string),
                denominator: field("Denominator").map(str::to_string),
                target: number("Target")?,
            });
        }
        let mut reader = csv::Reader::from_reader(idata.as_bytes());
        let headers = reader.headers().map_err(|e| table_error("iData", 1, e.to_string()))?.clone();
        let u_at = headers
            .iter()
            .position(|h| h == "uCode")
            .ok_or_else(|| table_error("iData", 1, "no column uCode".into()))?;
        let role = |column: &str| meta.iter().find(|m| m.code == column).map(|m| m.kind);
        let mut data = Table::default();
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let numeric: Vec<(usize, String)> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| matches!(role(h), Some(Kind::Indicator | Kind::Denominator)))
            .map(|(i, h)| (i, h.to_string()))
            .collect();
        let group_columns: Vec<(usize, String)> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| role(h) == Some(Kind::Group))
            .map(|(i, h)| (i, h.to_string()))
            .collect();
        data.columns = numeric.iter().map(|(_, h)| (h.clone(), Vec::new())).collect();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = record.map_err(|e| table_error("iData", line, e.to_string()))?;
            let unit = record.get(u_at).unwrap_or("").trim().to_string();
            for (c, (p, name)) in numeric.iter().enumerate() {
                let value = parse_number("iData", line, name, record.get(*p).unwrap_or(""))?;
                if value.is_some_and(|v| !v.is_finite()) {
                    return Err(IndexError::Value {
                        unit,
                        indicator: name.clone(),
                        message: "not a finite number".into(),
                    });
                }
                data.columns[c].1.push(value);
            }
            for (p, h) in &group_columns {
                groups.entry(h.clone()).or_default().push(record.get(*p).unwrap_or("").trim().to_string());
            }
            data.units.push(unit);
        }
        Ok(Coin { meta, data, groups })
    }

    pub(crate) fn indicators(&self) -> impl Iterator<Item = &Meta> {
        self.meta.iter().filter(|m| m.kind == Kind::Indicator)
    }
}
