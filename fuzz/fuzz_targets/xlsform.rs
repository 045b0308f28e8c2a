//! An XLSForm workbook: any bytes, read within the upload limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartcities_questionnaire::{Limits, read_xlsform};

fuzz_target!(|data: &[u8]| {
    let _ = read_xlsform(data, &Limits::UPLOAD);
});
