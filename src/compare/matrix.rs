//! The claims matrix: the contested questions (rows) against the accounts (columns), each cell what one account
//! says on one question (a claim from `data/claims.toml`) or its silence.

use std::cmp::Ordering;

use crate::dataset::{Claim, Dataset, Question, Source, Stance};

use super::dates::Day;
use super::kind_rank;

/// How the columns are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    /// By date of publication (else of writing), undated last.
    #[default]
    Date,
    /// By kind of author ([`kind_rank`]), then by date.
    Kind,
}

impl SortKey {
    /// Every order, as offered on the page.
    pub const ALL: [SortKey; 2] = [SortKey::Date, SortKey::Kind];

    /// The value in the URL (`sort=kind`).
    pub fn keyword(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Kind => "kind",
        }
    }

    /// A label for the control.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "Date",
            SortKey::Kind => "Kind of source",
        }
    }

    /// The order for a URL value; unknown values give `None`.
    pub fn from_keyword(keyword: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.keyword() == keyword)
    }
}

/// Orders by date: by the first day the date can mean, then the last, then id; undated accounts last.
fn by_date(a: &Source, b: &Source) -> Ordering {
    let key = |s: &Source| {
        s.date()
            .map(|d| (Day::first_of(d.start), Day::last_of(d.last())))
    };
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.id.cmp(b.id))
}

/// Sorts accounts in place.
pub fn sort_sources(sources: &mut [&Source], key: SortKey) {
    match key {
        SortKey::Date => crate::sorting::sort_by(sources, |a, b| by_date(a, b)),
        SortKey::Kind => crate::sorting::sort_by(sources, |a, b| {
            kind_rank(a.kind)
                .cmp(&kind_rank(b.kind))
                .then_with(|| by_date(a, b))
        }),
    }
}

/// What one account says on one question: its claim, or nothing.
pub fn claim_for(data: &Dataset, question: &str, source: &str) -> Option<&'static Claim> {
    data.claims
        .iter()
        .find(|c| c.question == question && c.source == source)
}

/// Every claim an account makes, in question order.
pub fn claims_of(data: &Dataset, source: &str) -> Vec<&'static Claim> {
    data.questions
        .iter()
        .filter_map(|q| claim_for(data, q.id, source))
        .collect()
}

/// The number a question is shown with ("Q1"): its place in the matrix, from 1.
pub fn question_number(data: &Dataset, question: &str) -> usize {
    data.questions
        .iter()
        .position(|q| q.id == question)
        .map_or(0, |i| i + 1)
}

/// How many cells say what.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub asserts: usize,
    pub denies: usize,
    pub doubts: usize,
    pub silent: usize,
}

impl Counts {
    /// All cells.
    pub fn total(self) -> usize {
        self.asserts + self.denies + self.doubts + self.silent
    }
}

/// The matrix for a set of accounts, in the order given.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub questions: &'static [Question],
    pub sources: Vec<&'static Source>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Option<&'static Claim>>>,
}

impl Matrix {
    /// Every question against `sources`.
    pub fn new(data: &'static Dataset, sources: Vec<&'static Source>) -> Matrix {
        let cells = data
            .questions
            .iter()
            .map(|q| {
                sources
                    .iter()
                    .map(|s| claim_for(data, q.id, s.id))
                    .collect()
            })
            .collect();
        Matrix {
            questions: data.questions,
            sources,
            cells,
        }
    }

    /// The claim in a cell, or `None` for silence (and for a cell outside the matrix).
    pub fn cell(&self, row: usize, column: usize) -> Option<&'static Claim> {
        self.cells.get(row)?.get(column).copied().flatten()
    }

    /// How many cells assert, deny, doubt or are silent.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for claim in self.cells.iter().flatten() {
            match claim.map(|c| c.stance) {
                Some(Stance::Asserts) => counts.asserts += 1,
                Some(Stance::Denies) => counts.denies += 1,
                Some(Stance::Doubts) => counts.doubts += 1,
                None => counts.silent += 1,
            }
        }
        counts
    }

    /// The counts of one row: how the accounts divide on one question.
    pub fn row_counts(&self, row: usize) -> Counts {
        let mut counts = Counts::default();
        for claim in self.cells.get(row).into_iter().flatten() {
            match claim.map(|c| c.stance) {
                Some(Stance::Asserts) => counts.asserts += 1,
                Some(Stance::Denies) => counts.denies += 1,
                Some(Stance::Doubts) => counts.doubts += 1,
                None => counts.silent += 1,
            }
        }
        counts
    }
}

/// The questions that at least two of `sources` answer, with what each of them says (in `sources` order):
/// where the accounts can be corroborated against each other.
pub fn shared_questions(
    data: &'static Dataset,
    sources: &[&'static Source],
) -> Vec<(&'static Question, Vec<Option<&'static Claim>>)> {
    data.questions
        .iter()
        .map(|q| {
            let said: Vec<Option<&'static Claim>> = sources
                .iter()
                .map(|s| claim_for(data, q.id, s.id))
                .collect();
            (q, said)
        })
        .filter(|(_, said)| said.iter().flatten().count() >= 2)
        .collect()
}

/// The label of a stance, or of silence.
pub fn stance_label(stance: Option<Stance>) -> &'static str {
    stance.map_or("Silent", Stance::label)
}

/// A symbol for a stance, shown beside its label (never instead of it).
pub fn stance_symbol(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Asserts) => "✓",
        Some(Stance::Denies) => "✗",
        Some(Stance::Doubts) => "?",
        None => "–",
    }
}

/// Where focus goes from cell `(row, column)` of a `rows` x `columns` grid on a key press: the arrow keys move one
/// cell, Home and End go to the start and end of the row, PageUp and PageDown to the top and bottom of the column.
/// At an edge focus stays where it is (the key is still handled, so the page does not scroll); `None` for keys
/// the grid does not handle.
pub fn move_in_grid(
    (row, column): (usize, usize),
    key: &str,
    rows: usize,
    columns: usize,
) -> Option<(usize, usize)> {
    if rows == 0 || columns == 0 {
        return None;
    }
    let (row, column) = (row.min(rows - 1), column.min(columns - 1));
    let next = match key {
        "ArrowRight" => (row, (column + 1).min(columns - 1)),
        "ArrowLeft" => (row, column.saturating_sub(1)),
        "ArrowDown" => ((row + 1).min(rows - 1), column),
        "ArrowUp" => (row.saturating_sub(1), column),
        "Home" => (row, 0),
        "End" => (row, columns - 1),
        "PageUp" => (0, column),
        "PageDown" => (rows - 1, column),
        _ => return None,
    };
    Some(next)
}
