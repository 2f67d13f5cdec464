//! Components shared by several pages. View wiring only: no logic that could be tested without a browser.

pub mod anchor;
pub mod layout;
pub mod paragraph;
pub mod reading_state;
pub mod search_box;
