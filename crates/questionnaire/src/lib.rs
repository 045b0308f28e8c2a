//! Questionnaires: built from an edition's framework, exchanged as XLSForm (the ODK and
//! KoboToolbox convention), and checked on the server — skip logic, required answers, types and
//! constraints — so the verdict never depends on a browser.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

pub mod attachment;
mod check;
mod edit;
pub mod expr;
mod generate;
mod model;
mod non_answer;
mod offline;
mod validate;
mod value;
pub mod workbook;
mod xlsform_read;
mod xlsform_write;

pub use check::check_references;
pub use generate::{GenerateError, from_framework};
pub use model::{
    AnswerKey, Calculation, ChoiceItem, Condition, EntryKey, FieldName, Group, Item, Kind, Located, Note,
    OtherTexts, Question, Questionnaire, Texts, YES_NO, entry_column,
};
pub use non_answer::{NonAnswer, NonAnswers, non_answer_problem};
pub use offline::{Answers, Fields, Uploaded, WorkbookFor, read_answer_workbook, write_answer_workbook};
pub use validate::{
    Issue, IssueKind, Response, check_value, is_relevant, labelled_problem, read_typed_number, validate,
};
pub use value::{AnswerValue, Reading};
pub use workbook::{Limits, WorkbookError};
pub use xlsform_read::{Finding, ImportError, Imported, Place, read_xlsform};
pub use xlsform_write::{language_column, write_xlsform};
