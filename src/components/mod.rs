//! Components shared by several pages. View wiring only: no logic that could be tested without a browser.

pub mod layout;
