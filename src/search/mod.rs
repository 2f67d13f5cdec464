//! Full-text search over the chapters, the primary sources, the people and the glossary.
//!
//! # What it owns
//!
//! - [`fold`]: what counts as the same word (case and accents folded, punctuation splits words);
//! - [`index`]: the documents a result can open and the index over them, built once from a [`Dataset`];
//! - [`query`]: parsing a query, matching (exact words, plurals, every form of a name or term, the last word as a
//!   prefix while typing), scoring and grouping;
//! - [`snippet`]: highlighting as byte ranges and short windows of text around the matches.
//!
//! ```ignore
//! let results = crate::search::site_index().search("Grigory", 20);
//! for group in &results.groups { /* group.group.label(), group.total, group.hits */ }
//! ```
//!
//! # Architecture invariants
//!
//! - Pure Rust: never imports the UI or browser crates (Leptos, web-sys, wasm-bindgen, gloo); tested natively.
//! - Highlights are ranges into the document text, returned as borrowed [`snippet::Piece`]s; the view renders them
//!   as text and `<mark>` elements, never as HTML.
//! - The text is never changed: narrative paragraphs are indexed as the reader shows them (repeated passages left
//!   out, [`crate::dataset::Paragraph::display_text`]), everything else verbatim.
//! - Results link to the exact place: `/chapters/<chapter>#<paragraph>`, `/sources/<n>#<paragraph>`,
//!   `/people/<id>`, `/glossary#term-<term>`.

use std::sync::OnceLock;

use crate::dataset::{Dataset, DATA};

pub mod fold;
pub mod index;
pub mod query;
pub mod snippet;

pub use index::{Doc, Group, SearchIndex};
pub use query::{GroupResults, Hit, Query, Results, MAX_QUERY_CHARS};
pub use snippet::{Piece, Snippet};

/// The index of the site's own dataset, built on first use and kept for the life of the program.
pub fn site_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(&DATA))
}

/// Builds an index of any dataset (the test fixtures, say).
pub fn build(data: &Dataset) -> SearchIndex {
    SearchIndex::build(data)
}

/// The address of the results page for `query`: `/search?q=...`, the query cut to [`MAX_QUERY_CHARS`] characters
/// and encoded for a URL (spaces as `+`, everything but letters, digits and `-_.~` as `%XX` bytes); `/search`
/// for a blank query. Spaces are kept as typed (a trailing space says the last word is finished).
pub fn search_href(query: &str) -> String {
    if query.trim().is_empty() {
        return "/search".to_string();
    }
    let mut href = String::from("/search?q=");
    for c in query.chars().take(MAX_QUERY_CHARS) {
        match c {
            ' ' => href.push('+'),
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' | '~' => href.push(c),
            _ => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    href.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    href
}

#[cfg(test)]
mod tests {
    use super::search_href;

    #[test]
    fn search_href_encodes_the_query_for_a_url() {
        assert_eq!(search_href("Lev Kamenev "), "/search?q=Lev+Kamenev+");
        assert_eq!(
            search_href("Zinóviev & co?"),
            "/search?q=Zin%C3%B3viev+%26+co%3F"
        );
        assert_eq!(search_href("a+b#c"), "/search?q=a%2Bb%23c");
        assert_eq!(search_href("   "), "/search");
    }

    #[test]
    fn search_href_cuts_an_overlong_query() {
        let href = search_href(&"k".repeat(500));
        assert_eq!(href.len(), "/search?q=".len() + super::MAX_QUERY_CHARS);
    }
}
