//! Moving progress between browsers: export to a JSON file, and import with validation.
//!
//! # The file
//!
//! ```json
//! { "app": "kamenev-quiz-progress", "format": 1, "exported": 1700000000000,
//!   "progress": { "cards": { … }, "log": [ … ] } }
//! ```
//!
//! `progress` has the schema of [`Progress`]. Import checks, in order: the size ([`MAX_IMPORT_BYTES`]), that it is
//! JSON, that it is this app's progress file, its format, the shape of every card and log entry, and that every
//! number is in range. The first problem found is reported in words that say where it is and what is wrong; on any
//! problem nothing is imported, so the progress already saved stays as it was. Cards for questions the bank no
//! longer has are left out and counted. Pure Rust.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::progress::{Progress, Review, VERSION};
use super::scheduler::Card;
use crate::quiz::Bank;

/// What the `app` field of a progress file says.
pub const APP: &str = "kamenev-quiz-progress";
/// The largest file import reads: 1 MB.
pub const MAX_IMPORT_BYTES: usize = 1_000_000;
/// The name offered for the exported file.
pub const FILE_NAME: &str = "kamenev-quiz-progress.json";

#[derive(Serialize)]
struct ExportFile<'a> {
    app: &'static str,
    format: u32,
    exported: i64,
    progress: &'a Progress,
}

/// The progress as the text of an export file: indented, or without indentation when the indented text would be
/// larger than [`MAX_IMPORT_BYTES`] (a log of about 4,000 answers), so that import accepts what export writes.
pub fn export(progress: &Progress, now: i64) -> String {
    let file = ExportFile {
        app: APP,
        format: VERSION,
        exported: now,
        progress,
    };
    let pretty = serde_json::to_string_pretty(&file).expect("progress always serialises");
    if pretty.len() <= MAX_IMPORT_BYTES {
        pretty
    } else {
        serde_json::to_string(&file).expect("progress always serialises")
    }
}

/// A `data:` URL holding the export, for a download link.
pub fn data_url(text: &str) -> String {
    let mut url = String::from("data:application/json;charset=utf-8,");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: usize },
    Empty,
    NotJson { line: usize, column: usize },
    NotProgressFile,
    NewerFormat(u64),
    BadFormat,
    Shape { place: String, problem: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({:.1} MB); a progress file can be at most 1 MB.",
                *bytes as f64 / 1_000_000.0
            ),
            ImportError::Empty => f.write_str("The file is empty."),
            ImportError::NotJson { line, column } => write!(
                f,
                "The file is not valid JSON: the problem is at line {line}, column {column}."
            ),
            ImportError::NotProgressFile => f.write_str(
                "This is not a quiz progress file from this site: it has no \"app\": \"kamenev-quiz-progress\".",
            ),
            ImportError::NewerFormat(n) => write!(
                f,
                "The file was made by a newer version of this site (format {n}); this version reads format {VERSION}."
            ),
            ImportError::BadFormat => {
                f.write_str("The file's \"format\" is missing or is not a whole number.")
            }
            ImportError::Shape { place, problem } => write!(f, "In {place}: {problem}."),
        }
    }
}

/// A validated file, ready to replace the saved progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub progress: Progress,
    /// Cards left out because their question is no longer in the bank.
    pub skipped: usize,
}

fn shape(place: impl Into<String>, problem: impl Into<String>) -> ImportError {
    ImportError::Shape {
        place: place.into(),
        problem: problem.into(),
    }
}

/// Serde's message without its " at line 1 column 2" tail (the values here are already parsed).
fn reason(error: serde_json::Error) -> String {
    let text = error.to_string();
    match text.find(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

fn check_card(place: &str, card: &Card) -> Result<(), ImportError> {
    let finite = card.stability.is_finite() && card.difficulty.is_finite();
    if !finite || card.stability < 0.0 {
        return Err(shape(place, "\"stability\" must be a number of at least 0"));
    }
    if !(0.0..=10.0).contains(&card.difficulty) {
        return Err(shape(place, "\"difficulty\" must be a number from 0 to 10"));
    }
    for (name, value) in [
        ("due", card.due),
        ("last_review", card.last_review),
        ("introduced", card.introduced),
        ("elapsed_days", card.elapsed_days),
        ("scheduled_days", card.scheduled_days),
    ] {
        if value < 0 {
            return Err(shape(place, format!("\"{name}\" must not be negative")));
        }
    }
    Ok(())
}

fn check_review(place: &str, review: &Review) -> Result<(), ImportError> {
    if review.score > 100 {
        return Err(shape(place, "\"score\" must be from 0 to 100"));
    }
    if review.at < 0 || review.due.is_some_and(|d| d < 0) {
        return Err(shape(place, "times must not be negative"));
    }
    Ok(())
}

/// Imports a file into the store: validates it first and saves it only when it is valid, so a bad file leaves the
/// saved progress exactly as it was. Returns what was imported, or why nothing was.
pub fn import_into(
    store: &dyn crate::storage::Store,
    bytes: usize,
    text: &str,
    bank: &Bank,
) -> Result<Imported, String> {
    let imported = import(bytes, text, bank).map_err(|e| e.to_string())?;
    super::progress::save(store, &imported.progress)
        .map_err(|e| format!("The file is valid, but it could not be saved: {e}."))?;
    Ok(imported)
}

/// Reads an export file. `bytes` is the file's size as reported before reading, so an oversized file is refused
/// without being read.
pub fn import(bytes: usize, text: &str, bank: &Bank) -> Result<Imported, ImportError> {
    if bytes > MAX_IMPORT_BYTES || text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.max(text.len()),
        });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Some(file) = value.as_object() else {
        return Err(ImportError::NotProgressFile);
    };
    if file.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(ImportError::NotProgressFile);
    }
    match file.get("format").and_then(Value::as_u64) {
        None | Some(0) => return Err(ImportError::BadFormat),
        Some(n) if n > VERSION as u64 => return Err(ImportError::NewerFormat(n)),
        Some(_) => {}
    }
    let progress = file
        .get("progress")
        .and_then(Value::as_object)
        .ok_or_else(|| shape("the file", "\"progress\" is missing or is not an object"))?;
    let Some(cards_map) = progress
        .get("cards")
        .ok_or_else(|| shape("\"progress\"", "\"cards\" is missing"))?
        .as_object()
    else {
        return Err(shape("\"progress\"", "\"cards\" must be an object"));
    };
    let log_value = progress
        .get("log")
        .ok_or_else(|| shape("\"progress\"", "\"log\" is missing"))?;
    let Some(log_items) = log_value.as_array() else {
        return Err(shape("\"progress\"", "\"log\" must be a list"));
    };

    let mut cards = BTreeMap::new();
    let mut skipped = 0;
    for (id, value) in cards_map {
        let place = format!("the card for question \"{id}\"");
        let card: Card =
            serde_json::from_value(value.clone()).map_err(|e| shape(&place, reason(e)))?;
        check_card(&place, &card)?;
        if bank.get(id).is_some() {
            cards.insert(id.clone(), card);
        } else {
            skipped += 1;
        }
    }
    let mut log = Vec::with_capacity(log_items.len());
    for (i, value) in log_items.iter().enumerate() {
        let place = format!("review log entry {}", i + 1);
        let review: Review =
            serde_json::from_value(value.clone()).map_err(|e| shape(&place, reason(e)))?;
        check_review(&place, &review)?;
        log.push(review);
    }
    Ok(Imported {
        progress: Progress { cards, log },
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::bank;
    use crate::schedule::progress::LOG_LIMIT;
    use crate::schedule::scheduler::{Rating, Scheduler};

    // Found by tests/fuzz.rs: with a full log (5,000 answers) and a card for every question, the indented export
    // was about 1.2 MB, so import refused the app's own file as too large.
    #[test]
    fn a_full_log_exports_to_a_file_import_accepts() {
        let scheduler = Scheduler::new();
        let ids: Vec<&str> = bank().questions.iter().map(|q| q.id.as_str()).collect();
        let mut progress = Progress::default();
        let mut now = 1_669_725_000_000;
        for i in 0..ids.len().max(LOG_LIMIT) {
            now += 60_000;
            progress.record_practice(&scheduler, ids[i % ids.len()], now, 1.0, Rating::Hard);
        }
        assert_eq!(progress.log.len(), LOG_LIMIT);
        let file = export(&progress, now);
        assert!(file.len() <= MAX_IMPORT_BYTES, "{} bytes", file.len());
        let imported = import(file.len(), &file, bank()).unwrap();
        assert_eq!(imported.progress.log.len(), LOG_LIMIT);
        assert_eq!(imported.progress.cards.len(), ids.len());
    }
}
