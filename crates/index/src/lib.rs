//! Composite indicators with the methods of COINr (the JRC-lineage R package), giving COINr's
//! numbers: a units × indicators table and an indicator tree go in; every intermediate table
//! (denominated, imputed, screened, treated, normalised, aggregated) and the ranks come out, so
//! any figure can be traced back. Pure functions; tables are read from COINr's `iData` /
//! `iMeta` CSV convention by [`Coin::from_coinr_csv`].

mod coin;
pub mod methods;

pub use coin::{
    Aggregation, Coin, Imputation, IndexError, Kind, Meta, Normalisation, Pipeline, Spec, Stages, Table,
};
