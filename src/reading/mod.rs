//! The reading experience, as pure logic: what a chapter page shows and what the reader keeps between visits.
//!
//! # What it owns
//!
//! - [`prefs`]: reading preferences (text size, line spacing, theme) and how they map onto the page's root element.
//! - [`progress`]: which chapters the reader has finished.
//! - [`saved`]: loading either of those from a [`crate::storage::Store`] so that unreadable data is reported once.
//! - [`glossary`]: where each glossary term is first used in a chapter (or a primary source), so that it is
//!   explained there and nowhere else.
//! - [`inline`]: the render plan of a paragraph: plain text, the person links (first mention of each person in a
//!   paragraph), flagged words with the markers that open their editorial notes, glossary terms at first use, and
//!   the notes standing in for repeated passages.
//! - [`people`]: the people index (grouped by faction in 1903, filtered) and what a person's page lists.
//! - [`links`]: where a paragraph, a note or a primary source lives in the app's URLs.
//!
//! # Architecture invariant
//!
//! Pure Rust over [`crate::dataset`] and [`crate::storage`]: this module never imports the UI or browser crates
//! (Leptos, web-sys, wasm-bindgen, gloo); `tests/reading.rs` checks that. Components in `components/` and pages in
//! `pages/` turn these plans into views and do the storing.

pub mod glossary;
pub mod inline;
pub mod links;
pub mod people;
pub mod prefs;
pub mod progress;
pub mod saved;
