//! Reading posted forms: one extractor, [`CsrfForm`], reads the body within the router's limit,
//! refuses a form whose CSRF token is not the session's (in the reader's language) and gives
//! the fields, typed through serde or as [`Fields`] with their repeated values.

use std::{collections::HashMap, fmt, ops::Deref};

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    response::{IntoResponse, Response},
};
use serde::{
    Deserialize, Deserializer,
    de::{DeserializeOwned, MapAccess, Visitor},
};
use smartcities_domain::Lang;

use crate::{
    AppState,
    auth::{Denied, Viewer},
    i18n::{negotiate, t},
    page::PageError,
};

/// The fields of a URL-encoded form: name to values (several for checkboxes), as posted.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Fields(HashMap<String, Vec<String>>);

impl Fields {
    /// The fields of a body.
    pub(crate) fn parse(body: &[u8]) -> Fields {
        let mut fields: HashMap<String, Vec<String>> = HashMap::new();
        for (key, value) in form_urlencoded::parse(body) {
            fields.entry(key.into_owned()).or_default().push(value.into_owned());
        }
        Fields(fields)
    }

    /// The first value of a field without surrounding spaces, or `""`.
    pub(crate) fn first(&self, name: &str) -> &str {
        self.0.get(name).and_then(|v| v.first()).map_or("", |v| v.trim())
    }
}

impl Deref for Fields {
    type Target = HashMap<String, Vec<String>>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("form fields")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields: HashMap<String, Vec<String>> = HashMap::new();
                while let Some((key, value)) = map.next_entry::<String, String>()? {
                    fields.entry(key).or_default().push(value);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

/// The fields of a URL-encoded form (kept for bodies read otherwise, as multipart parts).
pub(crate) fn parse_form(body: &[u8]) -> Fields {
    Fields::parse(body)
}

/// Refuses a form whose CSRF token is not the session's.
pub(crate) fn check_csrf(viewer: &Viewer, given: Option<&str>, lang: Lang) -> Result<(), PageError> {
    match (viewer.csrf(), given) {
        (Some(expected), Some(given)) if expected == given => Ok(()),
        _ => Err(PageError::Refused(lang, t(lang, "form-expired"))),
    }
}

/// A posted form from the signed-in session: its `csrf` field must be the session's token, or
/// the request is refused before the handler runs and nothing is read further (someone signed
/// out is sent to sign in, as the role extractors do). `T` is any serde
/// type (a field it does not name is ignored), or [`Fields`] for forms whose field names vary.
pub(crate) struct CsrfForm<T = Fields>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let Ok(viewer) = Viewer::from_request_parts(&mut parts, state).await;
        if viewer.user().is_none() {
            // Every form is a signed-in session's: someone signed out signs in first.
            return Err(Denied::SignIn(parts.uri.to_string()).into_response());
        }
        let lang = negotiate(&parts);
        let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let token =
            form_urlencoded::parse(&bytes).find(|(key, _)| key == "csrf").map(|(_, v)| v.into_owned());
        check_csrf(&viewer, token.as_deref(), lang).map_err(IntoResponse::into_response)?;
        serde_urlencoded::from_bytes(&bytes)
            .map(CsrfForm)
            .map_err(|_| PageError::Refused(lang, t(lang, "form-unreadable")).into_response())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_repeated_values_through_serde_as_when_parsed() {
        let body = b"csrf=abc&sdg=11&sdg=16&title=Bici+p%C3%BAblica";
        let read: Fields = serde_urlencoded::from_bytes(body).unwrap();
        assert_eq!(read, Fields::parse(body));
        assert_eq!(read.get("sdg").unwrap(), &["11", "16"]);
        assert_eq!(read.first("title"), "Bici pública");
        assert_eq!(Fields::parse(b"name=+Bilbao+").first("name"), "Bilbao", "trimmed");
        assert_eq!(read.first("absent"), "");
    }
}
