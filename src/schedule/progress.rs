//! The saved quiz progress: a spaced-repetition card per practised question, and a log of every answer.
//!
//! # Schema (version [`VERSION`], saved under [`KEY`] through [`crate::storage`])
//!
//! ```json
//! { "version": 1, "data": {
//!     "cards": { "date-typed:birth": { "due": 1700000600000, "stability": 3.1, "difficulty": 5.3,
//!                "elapsed_days": 0, "scheduled_days": 0, "reps": 1, "lapses": 0, "phase": "learning",
//!                "last_review": 1700000000000, "introduced": 1700000000000 } },
//!     "log": [ { "question": "date-typed:birth", "at": 1700000000000, "mode": "practice", "score": 100,
//!                "rating": "good", "due": 1700000600000 } ] } }
//! ```
//!
//! Times are Unix milliseconds; `score` is the credit earned, in percent. The log keeps the latest
//! [`LOG_LIMIT`] answers. Version 1 is the first schema: there is nothing older to migrate, so any other
//! version (a newer site's data, say) is kept aside by [`crate::storage::load_versioned`], never lost.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::scheduler::{Card, Rating, Scheduler};
use super::DAY;
use crate::storage::{load_versioned, save_versioned, Loaded, Store, StoreError};

/// The storage key.
pub const KEY: &str = "kamenev.quiz.progress";
/// The schema version.
pub const VERSION: u32 = 1;
/// How many answers the log keeps (the oldest go first).
pub const LOG_LIMIT: usize = 5000;
/// How many new cards practice introduces in any 24 hours.
pub const NEW_PER_DAY: usize = 10;

/// Where an answer was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Practice,
    Test,
}

/// One answer in the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The question id.
    pub question: String,
    /// When (Unix ms).
    pub at: i64,
    pub mode: Mode,
    /// The credit earned, 0 to 100.
    pub score: u8,
    /// The student's rating (practice only).
    pub rating: Option<Rating>,
    /// When the card is next due after this review (practice only).
    pub due: Option<i64>,
}

/// Everything the quiz saves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Cards by question id.
    pub cards: BTreeMap<String, Card>,
    /// Answers, oldest first.
    pub log: Vec<Review>,
}

/// A credit from 0 to 1 as a whole percentage.
pub fn percent(credit: f32) -> u8 {
    (credit.clamp(0.0, 1.0) * 100.0).round() as u8
}

impl Progress {
    /// Applies a practice rating to a question's card and logs the answer; returns the new card.
    pub fn record_practice(
        &mut self,
        scheduler: &Scheduler,
        question: &str,
        now: i64,
        credit: f32,
        rating: Rating,
    ) -> &Card {
        let card = scheduler.review(self.cards.get(question), now, rating);
        self.push(Review {
            question: question.to_string(),
            at: now,
            mode: Mode::Practice,
            score: percent(credit),
            rating: Some(rating),
            due: Some(card.due),
        });
        self.cards.insert(question.to_string(), card);
        &self.cards[question]
    }

    /// Logs a test answer (tests do not move cards).
    pub fn record_test(&mut self, question: &str, now: i64, credit: f32) {
        self.push(Review {
            question: question.to_string(),
            at: now,
            mode: Mode::Test,
            score: percent(credit),
            rating: None,
            due: None,
        });
    }

    fn push(&mut self, review: Review) {
        self.log.push(review);
        if self.log.len() > LOG_LIMIT {
            let extra = self.log.len() - LOG_LIMIT;
            self.log.drain(..extra);
        }
    }

    /// How many cards were introduced in the 24 hours before `now`.
    pub fn introduced_since_yesterday(&self, now: i64) -> usize {
        self.cards
            .values()
            .filter(|c| c.introduced > now - DAY && c.introduced <= now)
            .count()
    }

    /// The latest score for each question answered, in either mode.
    pub fn latest_scores(&self) -> BTreeMap<&str, u8> {
        let mut latest = BTreeMap::new();
        for review in &self.log {
            latest.insert(review.question.as_str(), review.score);
        }
        latest
    }
}

/// Loads the saved progress (see [`load_versioned`] for what happens to unreadable data).
pub fn load(store: &dyn Store) -> Loaded<Progress> {
    load_versioned(store, KEY, VERSION, "your quiz progress", |_, _| None)
}

/// Saves the progress.
pub fn save(store: &dyn Store, progress: &Progress) -> Result<(), StoreError> {
    save_versioned(store, KEY, VERSION, progress)
}

/// Deletes the saved progress (the reset on the progress page).
pub fn reset(store: &dyn Store) -> Result<(), StoreError> {
    store.remove(KEY)
}
