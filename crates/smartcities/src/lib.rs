//! The `smartcities` command: a thin adapter over the application (`smartcities-app`) and the
//! web server (`smartcities-web`). Each command parses its arguments, calls use cases and
//! prints what they did; the stand-alone composite indicator (`index`) runs the pure engine of
//! `smartcities-index` on files.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

pub mod cli;
pub mod index;
