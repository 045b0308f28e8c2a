//! Any bytes typed in the catalogue's search box: the reader of the box and the search itself
//! must answer without an error or a panic, and only letters, digits, spaces and quotes may
//! reach the query parser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartcities_domain::Lang;
use smartcities_search::{Catalogue, Filters, Order, Search, Visibility, query::Typed};

fuzz_target!(|data: &[u8]| {
    let Ok(words) = std::str::from_utf8(data) else { return };
    let typed = Typed::read(words);
    assert!(typed.text.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '"'));
    let catalogue = Catalogue::in_memory().expect("an index in memory");
    let search = Search {
        words: words.to_string(),
        filters: Filters::default(),
        lang: Lang::Fr,
        order: Order::Relevance,
        page: 1,
        per_page: 20,
        visibility: Visibility::Public,
    };
    catalogue.search(&search).expect("a search answers");
});
