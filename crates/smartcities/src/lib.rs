//! The `smartcities` command: the pieces of the workspace wired together. The study's data flows
//! one way, collect → store → analyse → publish; this crate only connects the crates that do
//! each step and ships the demonstration data.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

pub mod campaign;
pub mod cli;
pub mod demo;
pub mod index;
