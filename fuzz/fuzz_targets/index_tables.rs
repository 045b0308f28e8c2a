//! COINr's iData and iMeta tables (CSV), and the pipeline over them: any text, split in two at
//! the first NUL byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartcities_index::{Coin, Pipeline, Spec};

fuzz_target!(|text: &str| {
    let (data, meta) = text.split_once('\0').unwrap_or((text, ""));
    if let Ok(coin) = Coin::from_coinr_csv(data, meta) {
        let _ = Pipeline { coin: &coin, spec: Spec::default() }.run();
    }
});
