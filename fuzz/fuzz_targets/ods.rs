//! An uploaded OpenDocument spreadsheet: any bytes, read within the upload limits (the seeds are
//! `.ods` files, so most inputs reach the pre-scan of `content.xml` and calamine's reader).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartcities_questionnaire::{Limits, read_xlsform, workbook::read_workbook};

fuzz_target!(|data: &[u8]| {
    let _ = read_workbook(data, &Limits::UPLOAD);
    let _ = read_xlsform(data, &Limits::UPLOAD);
});
