//! The Atom feed of newly published practices.

use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};

use super::*;
use crate::{
    AppState,
    i18n::{Negotiated, t},
    page::{PageError, refused},
};

/// `GET /practices.atom`: the newest published practices, in the visitor's language.
pub async fn feed(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
) -> Result<Response, PageError> {
    let params = SearchParams { order: Some("newest".into()), ..SearchParams::default() };
    let found = state.app.search_practices(None, params.search(lang, 50)).await.map_err(refused(lang))?;
    let base = state.app.public_url().unwrap_or("").to_string();
    let stamp = |when: u64| {
        let s = format!("{when:014}");
        format!("{}-{}-{}T{}:{}:{}Z", &s[0..4], &s[4..6], &s[6..8], &s[8..10], &s[10..12], &s[12..14])
    };
    let updated =
        found.hits.first().map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |h| stamp(h.card.when));
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", lang.code()));
    xml.push_str(&format!("<title>{}</title>\n", xml_escape(&t(lang, "practices-feed-title"))));
    xml.push_str(&format!("<id>{base}/practices.atom</id>\n<updated>{updated}</updated>\n"));
    xml.push_str(&format!(
        "<link rel=\"self\" href=\"{base}/practices.atom\"/>\n<link href=\"{base}/practices\"/>\n"
    ));
    for hit in &found.hits {
        let card = &hit.card;
        let href = format!("{base}/practices/{}", card.id);
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<title>{}</title>\n", xml_escape(card.title.get(lang).0)));
        xml.push_str(&format!(
            "<id>{href}</id>\n<link href=\"{href}\"/>\n<updated>{}</updated>\n",
            stamp(card.when)
        ));
        xml.push_str(&format!("<author><name>{}</name></author>\n", xml_escape(&card.city_name)));
        xml.push_str(&format!("<summary>{}</summary>\n", xml_escape(card.summary.get(lang).0)));
        xml.push_str(&format!("<category term=\"{}\"/>\n", card.axis));
        for goal in &card.sdgs {
            xml.push_str(&format!("<category term=\"sdg-{goal}\"/>\n"));
        }
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response())
}

pub(super) fn xml_escape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
