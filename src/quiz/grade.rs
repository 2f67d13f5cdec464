//! Grading: how much credit an answer earns, and what to tell the student about it.
//!
//! # Tolerance (documented in the quiz pages too)
//!
//! - **Typed year**: the exact year earns full credit; one year out earns half; two years out a quarter; further,
//!   nothing. The distance is always shown.
//! - **Typed month and year**: the exact month earns full credit; one or two months out earns half; up to twelve
//!   months out a quarter; further, nothing.
//! - **Multiple choice**: the right option earns full credit, any other nothing.
//! - **Ordering**: credit is the share of pairs of events put in the right order relative to each other (so one
//!   event moved one place costs little), when at least half the pairs are right; below half, nothing (a list
//!   left as shown would otherwise often earn credit). Only the exact order is "correct".
//!
//! An answer with full credit is [`Outcome::Correct`], one with some credit [`Outcome::Close`], one with none
//! [`Outcome::Wrong`]. Pure Rust.

use std::fmt;

use super::{Answer, Question, YearMonth};

/// What the student answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// A typed year, with the month picked when the question asks for one.
    Date(YearMonth),
    /// The index of the chosen option.
    Choice(usize),
    /// The items (by their index in the question's list) in the order the student put them, earliest first.
    Order(Vec<usize>),
}

/// Right, partly right or wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Correct,
    Close,
    Wrong,
}

impl Outcome {
    /// "Correct", "Close" or "Not quite".
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Correct => "Correct",
            Outcome::Close => "Close",
            Outcome::Wrong => "Not quite",
        }
    }
}

/// A graded answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Graded {
    pub outcome: Outcome,
    /// From 0 to 1.
    pub credit: f32,
    /// A sentence about the answer: "2 years out (half credit).", "3 of 6 pairs in the right order."
    pub detail: String,
}

/// Why a typed date could not be graded: shown to the student, who tries again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    NoYear,
    NotAYear(String),
    YearOutOfRange(u16),
    NoMonth,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NoYear => f.write_str("Type a year, such as 1917."),
            InputError::NotAYear(text) => {
                write!(f, "“{text}” is not a year; type four digits, such as 1917.")
            }
            InputError::YearOutOfRange(year) => write!(
                f,
                "{year} is outside the period of the text; type a year from {FIRST_YEAR} to {LAST_YEAR}."
            ),
            InputError::NoMonth => f.write_str("Choose a month as well as the year."),
        }
    }
}

/// The earliest year a typed answer may give.
pub const FIRST_YEAR: u16 = 1800;
/// The latest year a typed answer may give.
pub const LAST_YEAR: u16 = 2100;

/// Reads a typed year (and the picked month, `0` or `None` for none) into a response for `wants_month`.
pub fn parse_date(
    year: &str,
    month: Option<u8>,
    wants_month: bool,
) -> Result<YearMonth, InputError> {
    let year = year.trim();
    if year.is_empty() {
        return Err(InputError::NoYear);
    }
    let parsed = year
        .parse::<u16>()
        .ok()
        .filter(|_| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| InputError::NotAYear(year.chars().take(12).collect()))?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&parsed) {
        return Err(InputError::YearOutOfRange(parsed));
    }
    let month = month.filter(|m| (1..=12).contains(m));
    if wants_month && month.is_none() {
        return Err(InputError::NoMonth);
    }
    Ok(YearMonth {
        year: parsed,
        month: if wants_month { month } else { None },
    })
}

fn plural(n: i32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn credit_words(credit: f32) -> &'static str {
    if credit >= 0.5 {
        "half credit"
    } else {
        "quarter credit"
    }
}

/// Grades a typed date against the answer, with the tolerance in the module doc.
pub fn grade_date(answer: YearMonth, given: YearMonth) -> Graded {
    let (distance, unit, credit) = match answer.month {
        None => {
            let years = (given.year as i32 - answer.year as i32).abs();
            let credit = match years {
                0 => 1.0,
                1 => 0.5,
                2 => 0.25,
                _ => 0.0,
            };
            (years, ("year", "years"), credit)
        }
        Some(_) => {
            let given = YearMonth {
                month: given.month.or(Some(1)),
                ..given
            };
            let months = (given.months() - answer.months()).abs();
            let credit = match months {
                0 => 1.0,
                1..=2 => 0.5,
                3..=12 => 0.25,
                _ => 0.0,
            };
            (months, ("month", "months"), credit)
        }
    };
    let (outcome, detail) = if credit >= 1.0 {
        (Outcome::Correct, "Exactly right.".to_string())
    } else if credit > 0.0 {
        (
            Outcome::Close,
            format!(
                "{} out ({}).",
                plural(distance, unit.0, unit.1),
                credit_words(credit)
            ),
        )
    } else {
        (
            Outcome::Wrong,
            format!("{} out.", plural(distance, unit.0, unit.1)),
        )
    };
    Graded {
        outcome,
        credit,
        detail,
    }
}

/// Grades an ordering: the share of pairs in the right relative order.
pub fn grade_order(correct: &[usize], given: &[usize]) -> Graded {
    let position = |item: usize| given.iter().position(|&g| g == item);
    let total = correct.len() * correct.len().saturating_sub(1) / 2;
    let mut right = 0;
    for (i, &a) in correct.iter().enumerate() {
        for &b in &correct[i + 1..] {
            if let (Some(pa), Some(pb)) = (position(a), position(b)) {
                if pa < pb {
                    right += 1;
                }
            }
        }
    }
    let valid = given.len() == correct.len();
    let credit = if valid && total > 0 {
        right as f32 / total as f32
    } else {
        0.0
    };
    let outcome = if valid && given == correct {
        Outcome::Correct
    } else if credit >= 0.5 {
        Outcome::Close
    } else {
        Outcome::Wrong
    };
    let credit = if outcome == Outcome::Wrong {
        0.0
    } else {
        credit
    };
    let detail = if outcome == Outcome::Correct {
        "Every event in the right place.".to_string()
    } else {
        format!("{right} of {total} pairs in the right order.")
    };
    Graded {
        outcome,
        credit,
        detail,
    }
}

/// Grades any response against a question. A response of the wrong shape for the question earns nothing.
pub fn grade(question: &Question, response: &Response) -> Graded {
    match (&question.answer, response) {
        (Answer::TypedDate(answer), Response::Date(given)) => grade_date(*answer, *given),
        (Answer::Choice { correct, .. }, Response::Choice(given)) => {
            if given == correct {
                Graded {
                    outcome: Outcome::Correct,
                    credit: 1.0,
                    detail: "Exactly right.".into(),
                }
            } else {
                Graded {
                    outcome: Outcome::Wrong,
                    credit: 0.0,
                    detail: "That is not the answer.".into(),
                }
            }
        }
        (Answer::Order { correct, .. }, Response::Order(given)) => grade_order(correct, given),
        _ => Graded {
            outcome: Outcome::Wrong,
            credit: 0.0,
            detail: "No answer was given.".into(),
        },
    }
}

/// The student's answer in words: "1917", "April 1917", the chosen option, or the events in the order given.
pub fn describe(question: &Question, response: &Response) -> String {
    match (&question.answer, response) {
        (_, Response::Date(date)) => date.label(),
        (Answer::Choice { options, .. }, Response::Choice(i)) => {
            options.get(*i).cloned().unwrap_or_default()
        }
        (Answer::Order { items, .. }, Response::Order(given)) => given
            .iter()
            .filter_map(|&i| items.get(i).map(String::as_str))
            .collect::<Vec<_>>()
            .join(" → "),
        _ => String::new(),
    }
}
