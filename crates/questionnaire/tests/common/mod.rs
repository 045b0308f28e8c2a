//! What the hostile-workbook tests share.

use std::time::{Duration, Instant};

use smartcities_questionnaire::{Limits, WorkbookError, workbook::read_workbook};

/// Reads `bytes` with the upload limits, which must refuse them, and within 5 s.
pub fn refused_quickly(bytes: &[u8]) -> WorkbookError {
    let started = Instant::now();
    let error = read_workbook(bytes, &Limits::UPLOAD).expect_err("a hostile workbook must be refused");
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    error
}
