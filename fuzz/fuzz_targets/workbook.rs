//! An uploaded answer workbook: any bytes, read within the upload limits against the 2023
//! questionnaire.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use smartcities_domain::{EditionFile, Lang};
use smartcities_questionnaire::{Limits, Questionnaire, WorkbookFor, from_framework, read_answer_workbook};

fn questionnaire() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| {
        let file = EditionFile::parse(include_str!("../../data/editions/2023.toml")).unwrap();
        from_framework(&file.edition, &file.framework).unwrap()
    })
}

// The readers turn a panic inside calamine into an "unreadable" error on purpose; libFuzzer's
// hook would abort on it before it is caught. A panic nothing catches still aborts (libfuzzer-sys
// catches it at the top and aborts), so it is still reported as a crash.
fuzz_target!(init: std::panic::set_hook(Box::new(|_| {})), |data: &[u8]| {
    let target = WorkbookFor {
        edition: 2023,
        city_id: "es-bilbao".into(),
        city_name: "Bilbao".into(),
        revision: 1,
        lang: Lang::Es,
    };
    let _ = read_answer_workbook(questionnaire(), data, &target, &Limits::UPLOAD);
});
