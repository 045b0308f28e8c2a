//! A focus-group file (TOML): any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = smartcities_app::focus_groups::parse_focus_group("focus-group.toml", text);
});
