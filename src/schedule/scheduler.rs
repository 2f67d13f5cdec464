//! FSRS scheduling through the `rs-fsrs` crate, in Unix milliseconds.
//!
//! [`Card`] is our saved form of a card (plain numbers, so the saved JSON never depends on the crate's types);
//! [`Scheduler::review`] converts it to the crate's card, applies a rating at `now`, and converts back. Fuzz is
//! off (the crate's default), so the same reviews always give the same intervals.

use rs_fsrs::{Card as FsrsCard, Parameters, Rating as FsrsRating, State, FSRS};
use serde::{Deserialize, Serialize};

use super::{DAY, HOUR, MINUTE};

/// How well the student remembered: the four FSRS ratings, keys 1-4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub const fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }

    /// The key that gives this rating: `1` to `4`.
    pub const fn key(self) -> char {
        match self {
            Rating::Again => '1',
            Rating::Hard => '2',
            Rating::Good => '3',
            Rating::Easy => '4',
        }
    }

    /// The rating for a key, `1` to `4`.
    pub fn from_key(key: &str) -> Option<Rating> {
        Rating::ALL
            .into_iter()
            .find(|r| key.len() == 1 && key.starts_with(r.key()))
    }

    /// The rating suggested for an answer's credit: wrong is Again, partly right is Hard, right is Good.
    pub fn suggested(credit: f32) -> Rating {
        if credit >= 1.0 {
            Rating::Good
        } else if credit > 0.0 {
            Rating::Hard
        } else {
            Rating::Again
        }
    }

    fn fsrs(self) -> FsrsRating {
        match self {
            Rating::Again => FsrsRating::Again,
            Rating::Hard => FsrsRating::Hard,
            Rating::Good => FsrsRating::Good,
            Rating::Easy => FsrsRating::Easy,
        }
    }
}

/// Where a card is in the FSRS cycle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    #[default]
    New,
    Learning,
    Review,
    Relearning,
}

/// A question's spaced-repetition state, as saved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// When the card is next due (Unix ms).
    pub due: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: u32,
    pub lapses: u32,
    pub phase: Phase,
    /// The last review (Unix ms).
    pub last_review: i64,
    /// The first review (Unix ms): when the card was introduced.
    pub introduced: i64,
}

impl Card {
    /// The card counts as learnt: in review with an interval of three weeks or more.
    pub fn is_mature(&self) -> bool {
        self.phase == Phase::Review && self.scheduled_days >= MATURE_DAYS
    }
}

/// The interval from which a card counts as mature (as in Anki).
pub const MATURE_DAYS: i64 = 21;

/// The range of stability (days) the scheduler works in, as in the reference FSRS implementations. Without it, a
/// long run of Again and Hard ratings shrinks stability towards zero, a card from an imported file can hold 0 or a
/// huge value, and the next review then gives NaN or infinity, which is saved as `null` and makes the whole saved
/// progress unreadable.
pub const MIN_STABILITY: f64 = 0.01;
pub const MAX_STABILITY: f64 = 36_500.0;

/// The largest count of reviews or lapses passed to the crate, which adds one to it in an `i32`.
const MAX_COUNT: u32 = i32::MAX as u32 - 1;

/// `value` brought into `low..=high` (NaN becomes `low`).
fn within(value: f64, low: f64, high: f64) -> f64 {
    if value.is_nan() {
        low
    } else {
        value.clamp(low, high)
    }
}

fn to_time(ms: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// The crate's card for a review at `now`. Values the scheduler cannot work with (from an imported file, or a clock
/// set back) are brought into range: stability into its bounds, difficulty into 1-10, counts below `i32::MAX` (the
/// crate adds one to them), and a last review after `now` counts as at `now`.
fn to_fsrs(card: &Card, now: i64) -> FsrsCard {
    FsrsCard {
        due: to_time(card.due),
        stability: within(card.stability, MIN_STABILITY, MAX_STABILITY),
        difficulty: within(card.difficulty, 1.0, 10.0),
        elapsed_days: card.elapsed_days,
        scheduled_days: card.scheduled_days,
        reps: card.reps.min(MAX_COUNT) as i32,
        lapses: card.lapses.min(MAX_COUNT) as i32,
        state: match card.phase {
            Phase::New => State::New,
            Phase::Learning => State::Learning,
            Phase::Review => State::Review,
            Phase::Relearning => State::Relearning,
        },
        last_review: to_time(card.last_review.min(now)),
    }
}

fn from_fsrs(card: &FsrsCard, introduced: i64) -> Card {
    Card {
        due: card.due.timestamp_millis(),
        stability: within(card.stability, MIN_STABILITY, MAX_STABILITY),
        difficulty: card.difficulty,
        elapsed_days: card.elapsed_days,
        scheduled_days: card.scheduled_days,
        reps: card.reps.max(0) as u32,
        lapses: card.lapses.max(0) as u32,
        phase: match card.state {
            State::New => Phase::New,
            State::Learning => Phase::Learning,
            State::Review => Phase::Review,
            State::Relearning => Phase::Relearning,
        },
        last_review: card.last_review.timestamp_millis(),
        introduced,
    }
}

/// The FSRS scheduler with the crate's default parameters (90% target retention, fuzz off).
#[derive(Clone, Debug, Default)]
pub struct Scheduler {
    fsrs: FSRS,
}

impl Scheduler {
    pub fn new() -> Scheduler {
        Scheduler {
            fsrs: FSRS::new(Parameters::default()),
        }
    }

    /// The card after a review with `rating` at `now`; `None` is a card never reviewed.
    pub fn review(&self, card: Option<&Card>, now: i64, rating: Rating) -> Card {
        let introduced = card.map_or(now, |c| c.introduced);
        let before = card.map(|card| to_fsrs(card, now)).unwrap_or_default();
        let after = self.fsrs.next(before, to_time(now), rating.fsrs()).card;
        from_fsrs(&after, introduced)
    }

    /// When the card would next be due after each rating, Again first: for the labels on the rating buttons.
    pub fn preview(&self, card: Option<&Card>, now: i64) -> [i64; 4] {
        Rating::ALL.map(|rating| self.review(card, now, rating).due)
    }
}

/// A short, plain duration: "1 minute", "10 minutes", "3 hours", "4 days", "2 months", "1 year".
pub fn duration_label(ms: i64) -> String {
    let ms = ms.max(0);
    let (n, unit) = if ms < HOUR {
        ((ms + MINUTE / 2) / MINUTE, "minute")
    } else if ms < DAY {
        ((ms + HOUR / 2) / HOUR, "hour")
    } else if ms < 60 * DAY {
        ((ms + DAY / 2) / DAY, "day")
    } else if ms < 365 * DAY {
        ((ms + 15 * DAY) / (30 * DAY), "month")
    } else {
        ((ms + 182 * DAY) / (365 * DAY), "year")
    };
    let n = n.max(1);
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rating_keys_are_one_to_four() {
        let keys: String = Rating::ALL.iter().map(|r| r.key()).collect();
        assert_eq!(keys, "1234");
        assert_eq!(Rating::from_key("3"), Some(Rating::Good));
        assert_eq!(Rating::from_key("5"), None);
        assert_eq!(Rating::from_key("13"), None);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_label(MINUTE), "1 minute");
        assert_eq!(duration_label(10 * MINUTE), "10 minutes");
        assert_eq!(duration_label(3 * HOUR), "3 hours");
        assert_eq!(duration_label(4 * DAY), "4 days");
        assert_eq!(duration_label(90 * DAY), "3 months");
        assert_eq!(duration_label(400 * DAY), "1 year");
        assert_eq!(duration_label(-5), "1 minute");
    }

    fn assert_in_range(card: &Card) {
        assert!(
            (MIN_STABILITY..=MAX_STABILITY).contains(&card.stability),
            "{card:?}"
        );
        assert!((1.0..=10.0).contains(&card.difficulty), "{card:?}");
        assert!(
            card.elapsed_days >= 0 && card.scheduled_days >= 0,
            "{card:?}"
        );
    }

    // Found by tests/fuzz.rs: stability shrank to subnormal values and then NaN, saved as `null`.
    #[test]
    fn stability_stays_in_range_after_a_long_run_of_again_and_hard() {
        let scheduler = Scheduler::new();
        for rating in [Rating::Again, Rating::Hard] {
            let mut card = scheduler.review(None, 0, Rating::Good);
            let mut now = card.due;
            for _ in 0..1500 {
                card = scheduler.review(Some(&card), now, rating);
                assert_in_range(&card);
                now = card.due;
            }
            // A review days later, in the review phase, still gives numbers that can be saved.
            card.phase = Phase::Review;
            let later = scheduler.review(Some(&card), now + 30 * DAY, Rating::Good);
            assert_in_range(&later);
        }
    }

    // Found by tests/fuzz.rs: a review 100 days before the last one gave NaN stability and negative elapsed days.
    #[test]
    fn a_clock_set_back_gives_a_card_in_range() {
        let scheduler = Scheduler::new();
        let mut card = None;
        let mut now = 1_669_725_000_000;
        for _ in 0..3 {
            let next = scheduler.review(card.as_ref(), now, Rating::Good);
            now = next.due;
            card = Some(next);
        }
        let earlier = scheduler.review(card.as_ref(), now - 100 * DAY, Rating::Good);
        assert_in_range(&earlier);
        assert_eq!(earlier.last_review, now - 100 * DAY);
    }

    // Found by tests/fuzz.rs: cards an import accepts (stability 0 or huge, difficulty 0) gave NaN or infinity,
    // and a count of `i32::MAX` reviews or lapses overflowed (a panic in debug builds).
    #[test]
    fn out_of_range_cards_give_cards_in_range() {
        let scheduler = Scheduler::new();
        for phase in [Phase::Learning, Phase::Review, Phase::Relearning] {
            for (stability, difficulty) in [(0.0, 5.0), (1.0, 0.0), (0.0, 0.0), (f64::MAX, 10.0)] {
                let card = Card {
                    due: DAY,
                    stability,
                    difficulty,
                    phase,
                    last_review: DAY,
                    introduced: DAY,
                    ..Card::default()
                };
                for rating in Rating::ALL {
                    assert_in_range(&scheduler.review(Some(&card), 4 * DAY, rating));
                }
            }
        }
        for count in [i32::MAX as u32, u32::MAX] {
            let card = Card {
                stability: 1.0,
                difficulty: 5.0,
                reps: count,
                lapses: count,
                phase: Phase::Review,
                ..Card::default()
            };
            for rating in Rating::ALL {
                assert_in_range(&scheduler.review(Some(&card), DAY, rating));
            }
        }
    }
}
