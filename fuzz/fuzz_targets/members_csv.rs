//! A members CSV file: any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = smartcities_collect::parse_members("members.csv", text);
});
