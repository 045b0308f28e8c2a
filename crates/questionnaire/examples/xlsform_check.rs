//! Prints what importing an XLSForm workbook would do: `cargo run --example xlsform_check FILE...`.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        match smartcities_questionnaire::read_xlsform(&bytes, &smartcities_questionnaire::Limits::UPLOAD) {
            Ok(imported) => {
                println!("{path}: imported {} questions", imported.questionnaire.questions().len());
                for notice in imported.notices {
                    println!("  notice: {notice}");
                }
            }
            Err(error) => {
                println!("{path}: refused");
                for e in error.errors {
                    println!("  error: {e}");
                }
                for notice in error.notices {
                    println!("  notice: {notice}");
                }
            }
        }
    }
}
