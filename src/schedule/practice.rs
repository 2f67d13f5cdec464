//! What to practise next: due cards first (earliest due first), then new questions, at most
//! [`NEW_PER_DAY`](super::progress::NEW_PER_DAY) a day, in reading order of their chapters.
//!
//! Practice asks one question per fact: once a question on a fact has a card (the typed date question, say), the
//! other questions on that fact (the multiple-choice one) are never introduced. Pure Rust.

use std::collections::HashSet;

use super::progress::{Progress, NEW_PER_DAY};
use crate::dataset::Dataset;
use crate::quiz::select::{fnv1a, matches};
use crate::quiz::{chapter_keys, Bank, Question, QuestionType};

/// Which questions practice draws from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter<'a> {
    pub chapter: Option<&'a str>,
    pub kind: Option<QuestionType>,
}

/// The next card to show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Next<'b> {
    /// A card that is due now.
    Due(&'b Question),
    /// A question never practised.
    New(&'b Question),
    /// Nothing is due now; this card is the next one due, at `due`.
    Later { question: &'b Question, due: i64 },
    /// Nothing is due and no new card may be introduced; `due` is the next card's due time, if any.
    Done { due: Option<i64> },
}

/// Counts for the practice summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub due_now: usize,
    pub new_today: usize,
    pub new_left_today: usize,
    pub scheduled: usize,
}

/// The order in which new questions are introduced: chapters in reading order, shuffled within a chapter by a
/// hash of the question id (so types mix), bank order for ties.
pub fn new_order<'b>(data: &Dataset, bank: &'b Bank) -> Vec<&'b Question> {
    let chapters = chapter_keys(data);
    let mut order: Vec<&Question> = bank.questions.iter().collect();
    crate::sorting::sort_by_key(&mut order, |q| {
        (
            chapters
                .iter()
                .position(|c| *c == q.chapter)
                .unwrap_or(usize::MAX),
            fnv1a(&q.id),
        )
    });
    order
}

/// The next card to practise at `now`.
pub fn next<'b>(
    data: &Dataset,
    bank: &'b Bank,
    progress: &Progress,
    now: i64,
    filter: Filter<'_>,
) -> Next<'b> {
    let scheduled: Vec<(&'b Question, i64)> = progress
        .cards
        .iter()
        .filter_map(|(id, card)| bank.get(id).map(|q| (q, card.due)))
        .filter(|(q, _)| matches(q, filter.chapter, filter.kind))
        .collect();
    let earliest = scheduled
        .iter()
        .min_by_key(|(q, due)| (*due, q.id.as_str()))
        .copied();
    if let Some((question, _)) = earliest.filter(|(_, due)| *due <= now) {
        return Next::Due(question);
    }
    if progress.introduced_since_yesterday(now) < NEW_PER_DAY {
        let practised: HashSet<&str> = progress
            .cards
            .keys()
            .filter_map(|id| bank.get(id))
            .map(|q| q.fact.as_str())
            .collect();
        let fresh = new_order(data, bank).into_iter().find(|q| {
            matches(q, filter.chapter, filter.kind) && !practised.contains(q.fact.as_str())
        });
        if let Some(question) = fresh {
            return Next::New(question);
        }
    }
    match earliest {
        Some((question, due)) if due - now <= super::HOUR => Next::Later { question, due },
        Some((_, due)) => Next::Done { due: Some(due) },
        None => Next::Done { due: None },
    }
}

/// The counts shown above the practice card.
pub fn summary(bank: &Bank, progress: &Progress, now: i64, filter: Filter<'_>) -> Summary {
    let mut summary = Summary::default();
    for (id, card) in &progress.cards {
        let Some(question) = bank.get(id) else {
            continue;
        };
        if !matches(question, filter.chapter, filter.kind) {
            continue;
        }
        summary.scheduled += 1;
        if card.due <= now {
            summary.due_now += 1;
        }
    }
    summary.new_today = progress.introduced_since_yesterday(now);
    summary.new_left_today = NEW_PER_DAY.saturating_sub(summary.new_today);
    summary
}
