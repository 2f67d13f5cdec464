//! Spaced repetition for the quiz: scheduling, the saved progress, what to practise next, mastery, and moving
//! progress between browsers as a JSON file.
//!
//! # What it owns
//!
//! - [`scheduler`]: a thin wrapper over the `rs-fsrs` crate (FSRS, the Free Spaced Repetition Scheduler, with its
//!   default weights and no fuzz, so intervals are deterministic), working in Unix milliseconds.
//! - [`progress`]: the saved state (a card per practised question and a review log), its storage key and schema
//!   version, and loading and saving through [`crate::storage`].
//! - [`practice`]: which card comes next (due cards first, then new ones, a few a day).
//! - [`mastery`]: progress per chapter and per question type.
//! - [`transfer`]: export to and validated import from a JSON file.
//!
//! # Architecture invariants
//!
//! Pure Rust: no UI or browser crates (a tidy test checks). Time is always passed in (`now`, Unix milliseconds),
//! never read here, so every function is deterministic and natively testable. Progress refers to questions only by
//! their stable id ([`crate::quiz::Question::id`]); cards for questions the bank no longer has are kept but never
//! shown.

pub mod mastery;
pub mod practice;
pub mod progress;
pub mod scheduler;
pub mod transfer;

/// Milliseconds in a minute, an hour and a day.
pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;
