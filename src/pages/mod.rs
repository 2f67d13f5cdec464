//! One module per route (or per section of routes). Pages read the dataset and the URL and wire views; logic
//! lives in pure modules.

pub mod about;
pub mod chapters;
pub mod compare;
pub mod glossary;
pub mod home;
pub mod not_found;
pub mod people;
pub mod quiz;
pub mod search;
pub mod settings;
pub mod sources;
pub mod timeline;
