//! Reading posted forms: fields with their repeated values, and the session's CSRF token.

use std::collections::HashMap;

use smartcities_domain::Lang;

use crate::{auth::Viewer, i18n::t, page::PageError};

/// The fields of a URL-encoded form: name to values (several for checkboxes).
pub(crate) fn parse_form(body: &[u8]) -> HashMap<String, Vec<String>> {
    let mut fields: HashMap<String, Vec<String>> = HashMap::new();
    for (key, value) in form_urlencoded::parse(body) {
        fields.entry(key.into_owned()).or_default().push(value.into_owned());
    }
    fields
}

/// Refuses a form whose CSRF token is not the session's.
pub(crate) fn check_csrf(viewer: &Viewer, given: Option<&str>, lang: Lang) -> Result<(), PageError> {
    match (viewer.csrf(), given) {
        (Some(expected), Some(given)) if expected == given => Ok(()),
        _ => Err(PageError::Refused(lang, t(lang, "form-expired"))),
    }
}
