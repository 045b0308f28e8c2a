//! An uploaded Excel 97-2003 workbook: any bytes, read within the upload limits (the seeds are
//! `.xls` files, so most inputs reach the compound file, the count of the BIFF records and
//! calamine's reader).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartcities_questionnaire::{Limits, read_xlsform, workbook::read_workbook};

// The readers turn a panic inside calamine into an "unreadable" error on purpose; libFuzzer's
// hook would abort on it before it is caught. A panic nothing catches still aborts (libfuzzer-sys
// catches it at the top and aborts), so it is still reported as a crash.
fuzz_target!(init: std::panic::set_hook(Box::new(|_| {})), |data: &[u8]| {
    let _ = read_workbook(data, &Limits::UPLOAD);
    let _ = read_xlsform(data, &Limits::UPLOAD);
});
