//! Composite indicators with the methods of COINr (the JRC-lineage R package), giving COINr's
//! numbers: a units × indicators table and an indicator tree go in; every intermediate table
//! (denominated, imputed, screened, treated, normalised, aggregated) and the ranks come out, so
//! any figure can be traced back. Around the pipeline: Monte Carlo uncertainty and Sobol
//! sensitivity over the method choices ([`uncertainty`]) and a statistical audit ([`audit`]).
//! Pure functions; tables are read from COINr's `iData` / `iMeta` CSV convention by
//! [`Coin::from_coinr_csv`].

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

pub mod audit;
mod coin;
pub mod methods;
mod pipeline;
pub mod uncertainty;

pub use coin::{Coin, IndexError, Kind, Meta, Table};
pub use pipeline::{Aggregation, Imputation, Normalisation, Pipeline, Spec, Stages, Treatment, Weights};
