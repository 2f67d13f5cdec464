//! Reading progress: the chapters the reader has finished, saved under [`KEY`] with [`VERSION`].
//!
//! A chapter counts as read when the reader reaches its end or presses "Mark as read"; they can mark it unread
//! again. Ids of chapters that no longer exist are kept (a later edition may bring them back) but never counted.

use serde::{Deserialize, Serialize};

/// The storage key of the reading progress.
pub const KEY: &str = "kamenev.reading.progress";
/// The schema version of the saved progress.
pub const VERSION: u32 = 1;
/// How messages name the progress.
pub const WHAT: &str = "your reading progress";

/// The chapters read, in the order they were finished.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadingProgress {
    pub read: Vec<String>,
}

impl ReadingProgress {
    /// Whether the chapter `id` is read.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.iter().any(|r| r == id)
    }

    /// Marks the chapter read; returns whether that changed anything.
    pub fn mark_read(&mut self, id: &str) -> bool {
        if self.is_read(id) {
            return false;
        }
        self.read.push(id.to_string());
        true
    }

    /// Marks the chapter unread; returns whether that changed anything.
    pub fn mark_unread(&mut self, id: &str) -> bool {
        let before = self.read.len();
        self.read.retain(|r| r != id);
        self.read.len() != before
    }

    /// How many of these chapters are read.
    pub fn count_read(&self, chapters: &[&str]) -> usize {
        chapters.iter().filter(|c| self.is_read(c)).count()
    }

    /// The first of these chapters (in reading order) that is not read yet.
    pub fn next_unread<'c>(&self, chapters: &[&'c str]) -> Option<&'c str> {
        chapters.iter().copied().find(|c| !self.is_read(c))
    }
}
