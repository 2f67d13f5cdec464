//! Mastery per chapter and per question type, for the progress page.
//!
//! Counts are of *items*: the facts questions ask about. A typed and a multiple-choice question on one date are
//! one item, since practice asks only one of them. An item is practised when one of its questions has a card, and
//! mastered when that card is mature (in review with an interval of at least
//! [`MATURE_DAYS`](super::scheduler::MATURE_DAYS) days). The score is the mean of the latest score of every
//! question answered in the group, in practice or in a test. Pure Rust.

use std::collections::{BTreeSet, HashMap};

use super::progress::Progress;
use crate::dataset::Dataset;
use crate::quiz::{chapter_keys, chapter_label, Bank, Question, QuestionType};

/// One row of the mastery table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The chapter key or type keyword.
    pub key: &'static str,
    pub label: String,
    pub items: usize,
    pub practised: usize,
    pub mastered: usize,
    /// Cards due at `now`.
    pub due: usize,
    /// Questions answered at least once.
    pub answered: usize,
    /// Mean latest score of the answered questions, 0-100.
    pub score: Option<u8>,
}

fn row<'b>(
    key: &'static str,
    label: String,
    questions: impl Iterator<Item = &'b Question>,
    progress: &Progress,
    latest: &HashMap<&str, u8>,
    now: i64,
) -> Row {
    let mut items = BTreeSet::new();
    let mut practised = BTreeSet::new();
    let mut mastered = BTreeSet::new();
    let (mut due, mut answered, mut total) = (0, 0, 0u32);
    for question in questions {
        items.insert(question.fact.as_str());
        if let Some(card) = progress.cards.get(&question.id) {
            practised.insert(question.fact.as_str());
            if card.is_mature() {
                mastered.insert(question.fact.as_str());
            }
            if card.due <= now {
                due += 1;
            }
        }
        if let Some(&score) = latest.get(question.id.as_str()) {
            answered += 1;
            total += score as u32;
        }
    }
    Row {
        key,
        label,
        items: items.len(),
        practised: practised.len(),
        mastered: mastered.len(),
        due,
        answered,
        score: (answered > 0).then(|| (total as f32 / answered as f32).round() as u8),
    }
}

/// One row per chapter (and one for the primary sources), in reading order.
pub fn by_chapter(data: &Dataset, bank: &Bank, progress: &Progress, now: i64) -> Vec<Row> {
    let latest: HashMap<&str, u8> = progress.latest_scores().into_iter().collect();
    chapter_keys(data)
        .into_iter()
        .map(|key| {
            let questions = bank.questions.iter().filter(|q| q.chapter == key);
            row(
                key,
                chapter_label(data, key),
                questions,
                progress,
                &latest,
                now,
            )
        })
        .filter(|r| r.items > 0)
        .collect()
}

/// One row per question type.
pub fn by_type(bank: &Bank, progress: &Progress, now: i64) -> Vec<Row> {
    let latest: HashMap<&str, u8> = progress.latest_scores().into_iter().collect();
    QuestionType::ALL
        .into_iter()
        .map(|kind| {
            let questions = bank.questions.iter().filter(|q| q.kind == kind);
            row(
                kind.keyword(),
                kind.label().to_string(),
                questions,
                progress,
                &latest,
                now,
            )
        })
        .collect()
}
