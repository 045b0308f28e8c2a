//! An uploaded Excel 97-2003 workbook: any bytes, read within the upload limits (the seeds are
//! `.xls` files, so most inputs reach the compound file, the count of the BIFF records and
//! calamine's reader).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartcities_questionnaire::{Limits, read_xlsform, workbook::read_workbook};

fuzz_target!(|data: &[u8]| {
    let _ = read_workbook(data, &Limits::UPLOAD);
    let _ = read_xlsform(data, &Limits::UPLOAD);
});
