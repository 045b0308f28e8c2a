//! An edition file (TOML): any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = smartcities_domain::EditionFile::parse(text);
});
