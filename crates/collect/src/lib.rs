//! Reading what comes into the platform from files: city registries, member lists and partner
//! lists as CSV. Every problem is reported with its place in the file as `FILE:LINE:COLUMN:
//! message` (the header is line 1), and a file with any problem yields nothing, so an import
//! is all or nothing.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

mod cities;
mod figures;
mod gazetteer;
mod located;
mod members;

pub use cities::{CITY_COLUMNS, neutralise_formula, parse_cities, write_cities};
pub use figures::{FIGURE_COLUMNS, FigureProblem, FigureProblemKind, MAX_FIGURES, parse_figures};
pub use gazetteer::{GAZETTEER_SOURCE, Gazetteer, Place, fold};
pub use located::{Located, Problems};
pub use members::{parse_members, parse_partners};
