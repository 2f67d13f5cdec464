//! Property tests (proptest) for everything that reads saved or imported data: the versioned storage envelope and
//! each decoder the app uses on it (quiz progress, the compare worksheet, reading preferences and reading
//! progress), and the quiz progress import parser.
//!
//! Inputs are arbitrary unicode, random JSON trees, envelopes with wrong versions and wrong types, truncated and
//! mutated valid payloads, huge numbers and deeply nested arrays. The properties check that nothing panics, that a
//! value is either decoded exactly or replaced by the default with a message, that unreadable data is kept aside
//! under `<key>.bad`, that valid state round-trips (exactly, but for floats, which may move by one ULP: see
//! [`same_json`]), and that a refused import changes nothing.
//!
//! Bounded for CI: each property runs [`DEFAULT_CASES`] cases, the heavy one 4 (see [`config`] and
//! [`heavy_config`]); `PROPTEST_CASES` in the environment replaces the count (the heavy property runs one case for
//! every 64). Failures are not persisted to files (`failure_persistence: None`):
//! proptest prints the minimal failing input, which belongs in a named regression test.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Debug;

use proptest::prelude::*;
use proptest::sample::Index;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Number, Value};

use kamenev::compare::trial_sources;
use kamenev::compare::work::{Reliability, Work, WORK_KEY, WORK_VERSION, WORK_WHAT};
use kamenev::dataset::DATA;
use kamenev::quiz::bank;
use kamenev::reading::prefs::{self, LineSpacing, Prefs, TextSize, Theme};
use kamenev::reading::progress::{self as reading_progress, ReadingProgress};
use kamenev::reading::saved::load_once;
use kamenev::schedule::progress::{self as quiz_progress, Progress};
use kamenev::schedule::scheduler::{Rating, Scheduler};
use kamenev::schedule::transfer::{export, import, import_into, ImportError, MAX_IMPORT_BYTES};
use kamenev::schedule::DAY;
use kamenev::storage::{bad_key, load_versioned, save_versioned, Loaded, MemoryStore, Store};

/// Cases per property unless `PROPTEST_CASES` is set. Chosen so the whole file runs in well under 20 s in a debug
/// build on two cores.
const DEFAULT_CASES: u32 = 256;

/// 29 November 2022, 12:30 UTC, in Unix ms.
const T0: i64 = 1_669_725_000_000;

/// The proptest configuration: `default_cases` cases, no failure files. The `proptest!` macro then applies the
/// `PROPTEST_*` environment variables over it (`contextualize_config`), so `PROPTEST_CASES` replaces the count.
fn config(default_cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: default_cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The configuration for a property whose every case is heavy (a full 5,000-answer log, about 0.3 s in a debug
/// build): 4 cases, or one for every 64 of `PROPTEST_CASES`. Run with an explicit `TestRunner`, which, unlike the
/// macro, takes the count as given.
fn heavy_config() -> ProptestConfig {
    let from_env = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse::<u32>().ok());
    ProptestConfig {
        cases: from_env.map_or(4, |cases| (cases / 64).max(1)),
        ..config(4)
    }
}

// ----- comparing saved values -----

/// Whether two floats are equal or adjacent (1 ULP apart).
fn within_one_ulp(a: f64, b: f64) -> bool {
    a == b
        || (a.is_sign_negative() == b.is_sign_negative() && a.to_bits().abs_diff(b.to_bits()) <= 1)
}

/// Whether two JSON trees are equal, allowing numbers held as floats to differ by 1 ULP.
///
/// serde_json is built without its `float_roundtrip` feature, so it reads some 17-digit numbers one ULP off
/// (`9.198653481986167` is read as `9.198653481986169`): a saved card's stability or difficulty can move by one ULP
/// when it is loaded (see the ignored `floats_round_trip_exactly`). Everything else must match exactly.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => within_one_ulp(x, y),
                _ => false,
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, x), (ky, y))| kx == ky && same_json(x, y))
        }
        _ => a == b,
    }
}

/// Asserts that two saved values are the same, up to [`same_json`].
fn assert_same<T: Serialize + Debug>(left: &T, right: &T, what: &str) -> Result<(), TestCaseError> {
    let (l, r) = (
        serde_json::to_value(left).unwrap(),
        serde_json::to_value(right).unwrap(),
    );
    prop_assert!(
        same_json(&l, &r),
        "{}:\n  left: {:?}\n right: {:?}",
        what,
        left,
        right
    );
    Ok(())
}

// ----- the decoders under test -----

/// Each decoder the app runs on saved data, with the way the app calls it.
#[derive(Clone, Copy, Debug)]
enum Decoder {
    /// `schedule::progress::load` (the quiz pages).
    QuizProgress,
    /// `load_versioned::<Work>` without migrations (the compare page).
    Work,
    /// `load_once::<Prefs>` (the reading state).
    Prefs,
    /// `load_once::<ReadingProgress>` (the reading state).
    ReadingProgress,
}

const DECODERS: [Decoder; 4] = [
    Decoder::QuizProgress,
    Decoder::Work,
    Decoder::Prefs,
    Decoder::ReadingProgress,
];

impl Decoder {
    fn key(self) -> &'static str {
        match self {
            Decoder::QuizProgress => quiz_progress::KEY,
            Decoder::Work => WORK_KEY,
            Decoder::Prefs => prefs::KEY,
            Decoder::ReadingProgress => reading_progress::KEY,
        }
    }

    fn version(self) -> u32 {
        match self {
            Decoder::QuizProgress => quiz_progress::VERSION,
            Decoder::Work => WORK_VERSION,
            Decoder::Prefs => prefs::VERSION,
            Decoder::ReadingProgress => reading_progress::VERSION,
        }
    }

    /// Whether the decoder replaces unreadable data by the default once it is kept aside (`load_once`).
    fn once(self) -> bool {
        matches!(self, Decoder::Prefs | Decoder::ReadingProgress)
    }

    /// The message's first words ("Your quiz progress").
    fn what(self) -> &'static str {
        match self {
            Decoder::QuizProgress => "Your quiz progress",
            Decoder::Work => "Your work on the 1936 trial",
            Decoder::Prefs => "Your reading preferences",
            Decoder::ReadingProgress => "Your reading progress",
        }
    }

    /// Runs the decoder on whatever `store` holds under its key and checks the outcome against an independent
    /// reading of `raw` (what the store held before).
    fn check(self, store: &MemoryStore, raw: &str) -> Result<(), TestCaseError> {
        match self {
            Decoder::QuizProgress => {
                check_decoder(self, store, raw, |store| quiz_progress::load(store))
            }
            Decoder::Work => check_decoder(self, store, raw, |store| {
                load_versioned::<Work>(store, WORK_KEY, WORK_VERSION, WORK_WHAT, |_, _| None)
            }),
            Decoder::Prefs => check_decoder(self, store, raw, |store| {
                load_once::<Prefs>(store, prefs::KEY, prefs::VERSION, prefs::WHAT)
            }),
            Decoder::ReadingProgress => check_decoder(self, store, raw, |store| {
                load_once::<ReadingProgress>(
                    store,
                    reading_progress::KEY,
                    reading_progress::VERSION,
                    reading_progress::WHAT,
                )
            }),
        }
    }
}

/// What the saved text should decode to, read independently of `kamenev::storage`: a JSON object whose
/// `"version"` is exactly `version` and whose `"data"` has the shape of `T`.
fn expected<T: DeserializeOwned>(raw: &str, version: u32) -> Option<T> {
    let value: Value = serde_json::from_str(raw).ok()?;
    let object = value.as_object()?;
    if object.get("version")?.as_u64()? != u64::from(version) {
        return None;
    }
    serde_json::from_value(object.get("data")?.clone()).ok()
}

/// The shared property of every decoder, for the text `raw` saved under the decoder's key:
/// - a readable value is returned exactly, silently, and the saved text is left as it was;
/// - anything else gives the default and a message naming the data, and the original text is kept under
///   `<key>.bad` (and, for `load_once`, the default is saved in its place so the message shows once);
/// - a decoded value saves and loads back to itself.
fn check_decoder<T>(
    decoder: Decoder,
    store: &MemoryStore,
    raw: &str,
    load: impl Fn(&MemoryStore) -> Loaded<T>,
) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize + Default + PartialEq + Debug,
{
    let key = decoder.key();
    let version = decoder.version();
    let loaded = load(store);
    match expected::<T>(raw, version) {
        Some(value) => {
            prop_assert_eq!(&loaded.value, &value);
            prop_assert_eq!(&loaded.problem, &None);
            prop_assert_eq!(store.get(key).unwrap(), Some(raw.to_string()));
            prop_assert_eq!(store.get(&bad_key(key)).unwrap(), None);
            // Loading twice gives the same; saving what was loaded and loading it again gives it back.
            prop_assert_eq!(&load(store).value, &value);
            save_versioned(store, key, version, &value).unwrap();
            let again = load(store);
            prop_assert_eq!(
                &again.value,
                &value,
                "saved again: {}",
                store.get(key).unwrap().unwrap()
            );
            prop_assert_eq!(again.problem, None);
        }
        None => {
            prop_assert_eq!(&loaded.value, &T::default());
            let problem = loaded.problem.expect("the user is told");
            prop_assert!(
                problem.starts_with(&format!("{} could not be read (", decoder.what()))
                    && problem.contains("so the defaults are used")
                    && problem.ends_with("A copy of the old data was kept in this browser."),
                "unclear message: {}",
                problem
            );
            prop_assert_eq!(
                store.get(&bad_key(key)).unwrap(),
                Some(raw.to_string()),
                "the unreadable data is kept aside byte for byte"
            );
            if decoder.once() {
                let again = load(store);
                prop_assert_eq!(
                    (&again.value, &again.problem),
                    (&T::default(), &None),
                    "told once"
                );
                prop_assert_eq!(store.get(&bad_key(key)).unwrap(), Some(raw.to_string()));
            } else {
                prop_assert_eq!(
                    store.get(key).unwrap(),
                    Some(raw.to_string()),
                    "the original stays until the page saves over it"
                );
            }
        }
    }
    Ok(())
}

// ----- strategies: JSON and text -----

/// Field names the decoders and the import parser look for, so random objects often hit real fields.
const FIELDS: &[&str] = &[
    "version",
    "data",
    "app",
    "format",
    "exported",
    "progress",
    "cards",
    "log",
    "due",
    "stability",
    "difficulty",
    "elapsed_days",
    "scheduled_days",
    "reps",
    "lapses",
    "phase",
    "last_review",
    "introduced",
    "question",
    "at",
    "mode",
    "score",
    "rating",
    "ratings",
    "level",
    "reason",
    "claim",
    "cited",
    "text_size",
    "line_spacing",
    "theme",
    "read",
];

/// Words the decoders accept as enum values, so random strings often hit real variants.
const WORDS: &[&str] = &[
    "kamenev-quiz-progress",
    "new",
    "learning",
    "review",
    "relearning",
    "again",
    "hard",
    "good",
    "easy",
    "practice",
    "test",
    "very-doubtful",
    "doubtful",
    "fairly-reliable",
    "reliable",
    "small",
    "medium",
    "large",
    "largest",
    "compact",
    "normal",
    "relaxed",
    "system",
    "light",
    "dark",
];

/// A JSON number: small, full-range integers, extreme floats.
fn arb_number() -> impl Strategy<Value = Number> {
    prop_oneof![
        (-3i64..300).prop_map(Number::from),
        any::<i64>().prop_map(Number::from),
        any::<u64>().prop_map(Number::from),
        prop_oneof![
            any::<f64>(),
            Just(f64::MAX),
            Just(f64::MIN_POSITIVE),
            Just(-0.0),
            Just(1e300),
        ]
        .prop_filter_map("finite", Number::from_f64),
    ]
}

/// A string: a real field or keyword, or any unicode.
fn arb_string() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(FIELDS).prop_map(str::to_string),
        prop::sample::select(WORDS).prop_map(str::to_string),
        any::<String>(),
    ]
}

/// A random JSON tree, up to a few levels deep, with keys that are often the real field names.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        arb_number().prop_map(Value::Number),
        arb_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((arb_string(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// A value for a field: usually of the right type (`good`), sometimes missing or of any other type.
fn field(good: BoxedStrategy<Value>) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        6 => good.prop_map(Some),
        1 => Just(None),
        1 => arb_json().prop_map(Some),
    ]
}

fn object(fields: Vec<(&'static str, Option<Value>)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .filter_map(|(name, value)| Some((name.to_string(), value?)))
            .collect(),
    )
}

fn int(range: std::ops::Range<i64>) -> BoxedStrategy<Value> {
    prop_oneof![
        range.prop_map(Value::from),
        arb_number().prop_map(Value::Number)
    ]
    .boxed()
}

fn word(words: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop_oneof![
        4 => prop::sample::select(words).prop_map(Value::from),
        1 => arb_string().prop_map(Value::from),
    ]
    .boxed()
}

/// A question id: usually one in the bank, sometimes not.
fn arb_question() -> impl Strategy<Value = String> {
    let ids: Vec<String> = bank().questions.iter().map(|q| q.id.clone()).collect();
    prop_oneof![
        4 => prop::sample::select(ids),
        1 => arb_string(),
    ]
}

/// A saved card, field by field: mostly well typed, sometimes out of range, missing or mistyped.
fn arb_card_json() -> impl Strategy<Value = Value> {
    let float = || {
        prop_oneof![
            (0.0f64..100.0).prop_map(Value::from),
            arb_number().prop_map(Value::Number),
        ]
        .boxed()
    };
    (
        (
            field(int(T0..T0 + 400 * DAY)),
            field(float()),
            field(float()),
            field(int(0..400)),
            field(int(0..400)),
        ),
        (
            field(int(0..50)),
            field(int(0..50)),
            field(word(&["new", "learning", "review", "relearning"])),
            field(int(T0..T0 + 400 * DAY)),
            field(int(T0..T0 + 400 * DAY)),
        ),
    )
        .prop_map(
            |(
                (due, stability, difficulty, elapsed, scheduled),
                (reps, lapses, phase, last, intro),
            )| {
                object(vec![
                    ("due", due),
                    ("stability", stability),
                    ("difficulty", difficulty),
                    ("elapsed_days", elapsed),
                    ("scheduled_days", scheduled),
                    ("reps", reps),
                    ("lapses", lapses),
                    ("phase", phase),
                    ("last_review", last),
                    ("introduced", intro),
                ])
            },
        )
}

/// A log entry, field by field, as [`arb_card_json`].
fn arb_review_json() -> impl Strategy<Value = Value> {
    let maybe = |good: BoxedStrategy<Value>| prop_oneof![Just(Value::Null), good].boxed();
    (
        field(arb_question().prop_map(Value::from).boxed()),
        field(int(T0..T0 + 400 * DAY)),
        field(word(&["practice", "test"])),
        field(int(0..101)),
        field(maybe(word(&["again", "hard", "good", "easy"]))),
        field(maybe(int(T0..T0 + 400 * DAY))),
    )
        .prop_map(|(question, at, mode, score, rating, due)| {
            object(vec![
                ("question", question),
                ("at", at),
                ("mode", mode),
                ("score", score),
                ("rating", rating),
                ("due", due),
            ])
        })
}

/// Quiz progress as saved: cards and log, mostly well formed.
fn arb_progress_json() -> impl Strategy<Value = Value> {
    (
        field(
            prop::collection::btree_map(arb_question(), arb_card_json(), 0..4)
                .prop_map(|cards| Value::Object(cards.into_iter().collect()))
                .boxed(),
        ),
        field(
            prop::collection::vec(arb_review_json(), 0..4)
                .prop_map(Value::Array)
                .boxed(),
        ),
    )
        .prop_map(|(cards, log)| object(vec![("cards", cards), ("log", log)]))
}

/// The compare worksheet as saved (every field has a default).
fn arb_work_json() -> impl Strategy<Value = Value> {
    let level = prop_oneof![
        Just(Value::Null),
        word(&["very-doubtful", "doubtful", "fairly-reliable", "reliable"]),
    ]
    .boxed();
    let rating = (
        field(level),
        field(arb_string().prop_map(Value::from).boxed()),
    )
        .prop_map(|(level, reason)| object(vec![("level", level), ("reason", reason)]));
    (
        field(
            prop::collection::btree_map(arb_source(), rating, 0..4)
                .prop_map(|ratings| Value::Object(ratings.into_iter().collect()))
                .boxed(),
        ),
        field(arb_string().prop_map(Value::from).boxed()),
        field(
            prop::collection::vec(arb_source().prop_map(Value::from), 0..4)
                .prop_map(Value::Array)
                .boxed(),
        ),
    )
        .prop_map(|(ratings, claim, cited)| {
            object(vec![
                ("ratings", ratings),
                ("claim", claim),
                ("cited", cited),
            ])
        })
}

/// Reading preferences as saved.
fn arb_prefs_json() -> impl Strategy<Value = Value> {
    (
        field(word(&["small", "medium", "large", "largest"])),
        field(word(&["compact", "normal", "relaxed"])),
        field(word(&["system", "light", "dark"])),
    )
        .prop_map(|(size, spacing, theme)| {
            object(vec![
                ("text_size", size),
                ("line_spacing", spacing),
                ("theme", theme),
            ])
        })
}

/// Reading progress as saved.
fn arb_reading_json() -> impl Strategy<Value = Value> {
    field(
        prop::collection::vec(arb_string().prop_map(Value::from), 0..5)
            .prop_map(Value::Array)
            .boxed(),
    )
    .prop_map(|read| object(vec![("read", read)]))
}

/// Well-shaped data for one decoder (which may still hold wrong types or values).
fn arb_data(decoder: Decoder) -> BoxedStrategy<Value> {
    match decoder {
        Decoder::QuizProgress => arb_progress_json().boxed(),
        Decoder::Work => arb_work_json().boxed(),
        Decoder::Prefs => arb_prefs_json().boxed(),
        Decoder::ReadingProgress => arb_reading_json().boxed(),
    }
}

/// An envelope's version: the right one, its neighbours, extremes, or another type.
fn arb_version(version: u32) -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => Just(Value::from(version)),
        1 => Just(Value::from(version - 1)),
        1 => Just(Value::from(version + 1)),
        1 => Just(Value::from(u32::MAX)),
        1 => Just(Value::from(u64::from(u32::MAX) + 1)),
        1 => Just(Value::from(-1)),
        1 => Just(json!(1.0)),
        1 => Just(json!("1")),
        1 => arb_json(),
    ]
}

/// A text edit, applied at a position given as a fraction of the text.
#[derive(Clone, Debug)]
enum Edit {
    /// Deletes up to this many characters.
    Delete(Index, usize),
    /// Inserts text.
    Insert(Index, String),
    /// Replaces one character.
    Replace(Index, char),
    /// Replaces the run of digits at or after the position (with its sign and fraction) by another number.
    Number(Index, String),
    /// Cuts the text short.
    Truncate(Index),
}

/// A number as JSON text, including ones that overflow every Rust type or are not JSON at all.
fn arb_number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        arb_number().prop_map(|n| n.to_string()),
        prop::sample::select(vec![
            "-1",
            "0",
            "-0",
            "0.5",
            "1e400",
            "-1e400",
            "1e-400",
            "4294967296",
            "9223372036854775808",
            "18446744073709551616",
            "123456789012345678901234567890",
            "1.7976931348623157e308",
            "NaN",
            "Infinity",
            "01",
            "1.",
            ".5",
            "+1",
        ])
        .prop_map(str::to_string),
    ]
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    let snippet = prop_oneof![
        prop::sample::select(vec![
            "\"", "{", "}", "[", "]", ",", ":", "null", "true", "-", "\\", "\\u0000", "\\ud800",
            " ", "\n", "{}", "[]", "\"\"", "\u{feff}", "é", "😀",
        ])
        .prop_map(str::to_string),
        any::<String>(),
        arb_json().prop_map(|v| v.to_string()),
    ];
    prop_oneof![
        2 => (any::<Index>(), 1usize..8).prop_map(|(at, n)| Edit::Delete(at, n)),
        2 => (any::<Index>(), snippet).prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (any::<Index>(), any::<char>()).prop_map(|(at, c)| Edit::Replace(at, c)),
        4 => (any::<Index>(), arb_number_text()).prop_map(|(at, n)| Edit::Number(at, n)),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ]
}

/// Applies the edits in turn, on character boundaries.
fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let len = chars.len();
        let at = |index: &Index| if len == 0 { 0 } else { index.index(len + 1) };
        match edit {
            Edit::Delete(index, n) => {
                let start = at(index).min(len);
                let end = (start + n).min(len);
                chars.drain(start..end);
            }
            Edit::Insert(index, snippet) => {
                let start = at(index);
                chars.splice(start..start, snippet.chars());
            }
            Edit::Replace(index, c) => {
                if len > 0 {
                    chars[index.index(len)] = *c;
                }
            }
            Edit::Number(index, number) => {
                let from = at(index).min(len);
                let digit = |c: &char| c.is_ascii_digit();
                let found = match chars[from..].iter().position(digit) {
                    Some(offset) => Some(from + offset),
                    None => chars.iter().position(digit),
                };
                if let Some(mut start) = found {
                    if start > 0 && chars[start - 1] == '-' {
                        start -= 1;
                    }
                    let mut end = start + 1;
                    while end < len && matches!(chars[end], '0'..='9' | '.' | 'e' | 'E' | '+' | '-')
                    {
                        end += 1;
                    }
                    chars.splice(start..end, number.chars());
                }
            }
            Edit::Truncate(index) => {
                chars.truncate(at(index).min(len));
            }
        }
    }
    chars.into_iter().collect()
}

/// A structural edit of a JSON value: which child to reach at each level, and what to do there.
#[derive(Clone, Debug)]
enum ValueEdit {
    /// Removes the chosen child (a field or an item).
    Remove(Vec<Index>),
    /// Replaces the chosen node by another value.
    Replace(Vec<Index>, Value),
}

fn arb_value_edit() -> impl Strategy<Value = ValueEdit> {
    let path = prop::collection::vec(any::<Index>(), 1..6);
    prop_oneof![
        path.clone().prop_map(ValueEdit::Remove),
        (path, arb_json()).prop_map(|(path, value)| ValueEdit::Replace(path, value)),
    ]
}

fn child<'v>(value: &'v mut Value, index: &Index) -> Option<&'v mut Value> {
    match value {
        Value::Object(map) if !map.is_empty() => {
            let n = index.index(map.len());
            map.values_mut().nth(n)
        }
        Value::Array(items) if !items.is_empty() => {
            let n = index.index(items.len());
            items.get_mut(n)
        }
        _ => None,
    }
}

fn remove_child(value: &mut Value, index: &Index) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(index.index(map.len())).cloned().unwrap();
            map.remove(&key);
        }
        Value::Array(items) if !items.is_empty() => {
            items.remove(index.index(items.len()));
        }
        _ => {}
    }
}

/// Applies a structural edit: follows the path as far as it goes, then removes or replaces there.
fn apply_value_edit(value: &mut Value, edit: &ValueEdit) {
    let (ValueEdit::Remove(path) | ValueEdit::Replace(path, _)) = edit;
    let mut node = value;
    let (last, steps) = path.split_last().unwrap();
    for step in steps {
        let has_grandchild = child(node, step).is_some_and(|c| child(c, last).is_some());
        if !has_grandchild {
            break;
        }
        node = child(node, step).unwrap();
    }
    match edit {
        ValueEdit::Remove(_) => remove_child(node, last),
        ValueEdit::Replace(_, replacement) => {
            if let Some(target) = child(node, last) {
                *target = replacement.clone();
            }
        }
    }
}

/// `[[[…]]]`, `depth` levels, inside `around` (where `{}` marks the place).
fn nested(depth: usize, around: &str) -> String {
    around.replace("{}", &format!("{}{}", "[".repeat(depth), "]".repeat(depth)))
}

/// Saved text for a decoder: any unicode, any JSON, envelopes with random versions and (mostly well-shaped) data,
/// truncated and edited valid payloads, deep nesting.
fn arb_saved(decoder: Decoder) -> BoxedStrategy<String> {
    let version = decoder.version();
    let envelope = (arb_version(version), arb_data(decoder))
        .prop_map(|(version, data)| {
            serde_json::to_string(&json!({ "version": version, "data": data })).unwrap()
        })
        .boxed();
    prop_oneof![
        1 => any::<String>(),
        1 => arb_json().prop_map(|v| v.to_string()),
        1 => arb_json().prop_map(move |data| json!({ "version": version, "data": data }).to_string()),
        4 => envelope.clone(),
        3 => (envelope, prop::collection::vec(arb_edit(), 1..4))
            .prop_map(|(text, edits)| apply_edits(&text, &edits)),
        1 => (
            1usize..2000,
            prop::sample::select(vec![
                "{}",
                "{\"version\":1,\"data\":{}}",
                "{\"version\":1,\"data\":{\"cards\":{},\"log\":{}}}",
                "{\"version\":1,\"data\":{\"read\":{}}}",
            ])
        )
            .prop_map(|(depth, around)| nested(depth, around)),
    ]
    .boxed()
}

fn arb_decoder() -> impl Strategy<Value = Decoder> {
    prop::sample::select(DECODERS.to_vec())
}

// ----- strategies: valid state -----

/// One thing a student does in the quiz.
#[derive(Clone, Debug)]
enum QuizStep {
    Practice {
        question: String,
        after: i64,
        credit: f32,
        rating: Rating,
    },
    Test {
        question: String,
        after: i64,
        credit: f32,
    },
}

fn arb_rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

fn arb_quiz_step() -> impl Strategy<Value = QuizStep> {
    // From seconds to months between answers; now and then the clock is set back.
    let after = prop_oneof![
        4 => 0i64..60_000,
        4 => 0i64..2 * DAY,
        4 => 0i64..120 * DAY,
        1 => -100 * DAY..0,
    ];
    let credit = prop_oneof![Just(0.0f32), Just(1.0f32), -1.0f32..2.0];
    prop_oneof![
        3 => (arb_question(), after.clone(), credit.clone(), arb_rating()).prop_map(
            |(question, after, credit, rating)| QuizStep::Practice { question, after, credit, rating }
        ),
        1 => (arb_question(), after, credit)
            .prop_map(|(question, after, credit)| QuizStep::Test { question, after, credit }),
    ]
}

/// Quiz progress made the way the app makes it: practice and test answers applied from [`T0`], mostly in time order.
fn arb_progress(steps: std::ops::Range<usize>) -> impl Strategy<Value = Progress> {
    prop::collection::vec(arb_quiz_step(), steps).prop_map(|steps| {
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let mut now = T0;
        for step in steps {
            match step {
                QuizStep::Practice {
                    question,
                    after,
                    credit,
                    rating,
                } => {
                    now += after;
                    progress.record_practice(&scheduler, &question, now, credit, rating);
                }
                QuizStep::Test {
                    question,
                    after,
                    credit,
                } => {
                    now += after;
                    progress.record_test(&question, now, credit);
                }
            }
        }
        progress
    })
}

/// The ids of the trial accounts, and sometimes another id.
fn arb_source() -> impl Strategy<Value = String> {
    let ids: Vec<String> = trial_sources(&DATA)
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    prop_oneof![4 => prop::sample::select(ids), 1 => arb_string()]
}

/// One edit of the compare worksheet.
#[derive(Clone, Debug)]
enum WorkEdit {
    Level(String, Option<Reliability>),
    Reason(String, String),
    Claim(String),
    Cite(String),
}

/// Text a student might type: any unicode, sometimes longer than the limit.
fn arb_typed() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        1 => (any::<String>(), 3000usize..5000).prop_map(|(s, n)| s.chars().cycle().take(n).collect()),
        1 => Just(String::new()),
        1 => Just("   \n\t ".to_string()),
    ]
}

fn arb_work_edit() -> impl Strategy<Value = WorkEdit> {
    let level = prop::option::of(prop::sample::select(Reliability::ALL.to_vec()));
    prop_oneof![
        (arb_source(), level).prop_map(|(s, l)| WorkEdit::Level(s, l)),
        (arb_source(), arb_typed()).prop_map(|(s, r)| WorkEdit::Reason(s, r)),
        arb_typed().prop_map(WorkEdit::Claim),
        arb_source().prop_map(WorkEdit::Cite),
    ]
}

fn arb_work() -> impl Strategy<Value = Work> {
    prop::collection::vec(arb_work_edit(), 0..12).prop_map(|edits| {
        let mut work = Work::default();
        for edit in edits {
            match edit {
                WorkEdit::Level(source, level) => work.set_level(&source, level),
                WorkEdit::Reason(source, reason) => work.set_reason(&source, &reason),
                WorkEdit::Claim(claim) => work.set_claim(&claim),
                WorkEdit::Cite(source) => work.toggle_cited(&source),
            }
        }
        work
    })
}

fn arb_prefs() -> impl Strategy<Value = Prefs> {
    (
        prop::sample::select(TextSize::ALL),
        prop::sample::select(LineSpacing::ALL),
        prop::sample::select(Theme::ALL),
    )
        .prop_map(|(text_size, line_spacing, theme)| Prefs {
            text_size,
            line_spacing,
            theme,
        })
}

fn arb_reading_progress() -> impl Strategy<Value = ReadingProgress> {
    let chapter = prop_oneof![
        3 => prop::sample::select(DATA.chapters.iter().map(|c| c.id.to_string()).collect::<Vec<_>>()),
        1 => any::<String>(),
    ];
    prop::collection::vec((any::<bool>(), chapter), 0..12).prop_map(|marks| {
        let mut progress = ReadingProgress::default();
        for (read, chapter) in marks {
            if read {
                progress.mark_read(&chapter);
            } else {
                progress.mark_unread(&chapter);
            }
        }
        progress
    })
}

// ----- import helpers -----

/// What an import must guarantee about whatever it accepts: every card is for a question in the bank and in range.
fn assert_valid_import(progress: &Progress) -> Result<(), TestCaseError> {
    for (id, card) in &progress.cards {
        prop_assert!(bank().get(id).is_some(), "card for unknown question {}", id);
        prop_assert!(
            card.stability.is_finite() && card.stability >= 0.0,
            "{:?}",
            card
        );
        prop_assert!((0.0..=10.0).contains(&card.difficulty), "{:?}", card);
        prop_assert!(
            card.due >= 0 && card.last_review >= 0 && card.introduced >= 0,
            "{:?}",
            card
        );
    }
    for review in &progress.log {
        prop_assert!(review.score <= 100 && review.at >= 0, "{:?}", review);
    }
    Ok(())
}

/// Imports `text` into a store that already holds `existing`: on error, the store must be exactly as it was; on
/// success, it must hold the imported progress, which loads back as imported.
fn check_import_into(existing: &Progress, text: &str, bytes: usize) -> Result<(), TestCaseError> {
    let store = MemoryStore::new();
    quiz_progress::save(&store, existing).unwrap();
    let before = store.get(quiz_progress::KEY).unwrap();
    let direct = import(bytes, text, bank());
    match import_into(&store, bytes, text, bank()) {
        Err(message) => {
            let error = direct.expect_err("import and import_into agree");
            prop_assert_eq!(&message, &error.to_string());
            prop_assert!(!message.is_empty());
            prop_assert_eq!(
                store.get(quiz_progress::KEY).unwrap(),
                before,
                "a refused file changes nothing"
            );
            prop_assert_eq!(store.get(&bad_key(quiz_progress::KEY)).unwrap(), None);
            assert_same(
                &quiz_progress::load(&store).value,
                existing,
                "the saved progress",
            )?;
        }
        Ok(imported) => {
            prop_assert_eq!(Ok(&imported), direct.as_ref());
            prop_assert!(text.len() <= MAX_IMPORT_BYTES && bytes <= MAX_IMPORT_BYTES);
            assert_valid_import(&imported.progress)?;
            let loaded = quiz_progress::load(&store);
            prop_assert_eq!(
                &loaded.value,
                &imported.progress,
                "what was imported is what is saved"
            );
            prop_assert_eq!(loaded.problem, None);
        }
    }
    Ok(())
}

// ----- properties -----

proptest! {
    #![proptest_config(config(DEFAULT_CASES))]

    /// Every decoder, on any saved text (unicode, random JSON, envelopes of any version and data of any shape,
    /// edited and truncated payloads, deep nesting): never panics; returns the saved value exactly when it is a
    /// readable envelope of the current version, and otherwise the default with a message naming the data, with
    /// the original text kept byte for byte under `<key>.bad`.
    #[test]
    fn decoders_return_the_value_or_the_default_and_keep_unreadable_data(
        (decoder, raw) in arb_decoder().prop_flat_map(|d| (Just(d), arb_saved(d)))
    ) {
        let store = MemoryStore::new();
        store.set(decoder.key(), &raw).unwrap();
        decoder.check(&store, &raw)?;
    }

    /// Every decoder, on a valid saved value cut short anywhere: never panics, and gives back either the value or
    /// the default with the cut text kept aside (a cut never turns into a different value).
    #[test]
    fn truncated_saved_values_are_never_misread(
        (decoder, raw) in arb_decoder().prop_flat_map(|d| (Just(d), arb_saved(d))),
        cut in any::<Index>(),
    ) {
        let chars: Vec<char> = raw.chars().collect();
        let cut: String = chars[..cut.index(chars.len() + 1)].iter().collect();
        let store = MemoryStore::new();
        store.set(decoder.key(), &cut).unwrap();
        decoder.check(&store, &cut)?;
    }

    /// When unreadable data cannot be kept aside (storage full), every decoder still returns the default with a
    /// message saying so, and the original text stays under its key, untouched.
    #[test]
    fn unreadable_data_that_cannot_be_kept_aside_is_left_in_place(
        decoder in arb_decoder(),
        raw in any::<String>(),
    ) {
        let store = MemoryStore::with_quota(decoder.key().len() + raw.len());
        store.set(decoder.key(), &raw).unwrap();
        let problem = match decoder {
            Decoder::QuizProgress => quiz_progress::load(&store).problem,
            Decoder::Work => load_versioned::<Work>(&store, WORK_KEY, WORK_VERSION, WORK_WHAT, |_, _| None).problem,
            Decoder::Prefs => load_once::<Prefs>(&store, prefs::KEY, prefs::VERSION, prefs::WHAT).problem,
            Decoder::ReadingProgress => load_once::<ReadingProgress>(
                &store, reading_progress::KEY, reading_progress::VERSION, reading_progress::WHAT,
            ).problem,
        };
        // `any::<String>()` is never a readable envelope (it would need `{"version":1,"data":…}`).
        let problem = problem.expect("the user is told");
        prop_assert!(problem.contains("The old data could not be kept aside"), "{}", problem);
        prop_assert_eq!(store.get(decoder.key()).unwrap(), Some(raw.clone()));
    }

    /// `load_versioned` with a migration: data of an older version is passed to the migration with its version,
    /// and whatever the migration returns is decoded like current data (read exactly, or kept aside).
    #[test]
    fn migrated_data_is_decoded_or_kept_aside(
        version in 0u32..4,
        data in arb_prefs_json(),
        migrated in prop::option::of(arb_prefs_json()),
    ) {
        const CURRENT: u32 = 2;
        let store = MemoryStore::new();
        let raw = json!({ "version": version, "data": data }).to_string();
        // The migration sees the data as the saved text reads, floats included (see `same_json`).
        let data = serde_json::from_str::<Value>(&raw).unwrap()["data"].clone();
        store.set(prefs::KEY, &raw).unwrap();
        let seen = std::cell::RefCell::new(None);
        let loaded: Loaded<Prefs> = load_versioned(&store, prefs::KEY, CURRENT, "your reading preferences", |v, d| {
            *seen.borrow_mut() = Some((v, d));
            migrated.clone()
        });
        let current = match version {
            v if v < CURRENT => {
                prop_assert_eq!(seen.into_inner(), Some((version, data.clone())));
                migrated.clone()
            }
            CURRENT => {
                prop_assert_eq!(seen.into_inner(), None);
                Some(data.clone())
            }
            _ => {
                prop_assert_eq!(seen.into_inner(), None);
                None
            }
        };
        match current.and_then(|value| serde_json::from_value::<Prefs>(value).ok()) {
            Some(value) => prop_assert_eq!((loaded.value, loaded.problem), (value, None)),
            None => {
                prop_assert_eq!(loaded.value, Prefs::default());
                prop_assert!(loaded.problem.is_some());
                prop_assert_eq!(store.get(&bad_key(prefs::KEY)).unwrap(), Some(raw.clone()));
            }
        }
    }

    /// Quiz progress made by any sequence of practice and test answers (the clock sometimes set back) saves and
    /// loads back silently and exactly (floats to 1 ULP, see `same_json`).
    #[test]
    fn quiz_progress_round_trips_through_storage(progress in arb_progress(0..40)) {
        let store = MemoryStore::new();
        quiz_progress::save(&store, &progress).unwrap();
        let loaded = quiz_progress::load(&store);
        prop_assert_eq!(loaded.problem, None);
        assert_same(&loaded.value, &progress, "loaded")?;
    }

    /// Exact round trip of the floats the scheduler produces, through storage and through export and import.
    /// Ignored because it fails today: serde_json is built without its `float_roundtrip` feature and reads some
    /// 17-digit numbers one ULP off. Enabling that feature in Cargo.toml should make it pass; then `same_json` can
    /// require exact equality.
    #[test]
    #[ignore = "serde_json without `float_roundtrip` reads some floats 1 ULP off"]
    fn floats_round_trip_exactly(progress in arb_progress(0..40)) {
        let store = MemoryStore::new();
        quiz_progress::save(&store, &progress).unwrap();
        prop_assert_eq!(&quiz_progress::load(&store).value, &progress);
        let file = export(&progress, T0);
        let mut expected = progress.clone();
        expected.cards.retain(|id, _| bank().get(id).is_some());
        prop_assert_eq!(import(file.len(), &file, bank()).unwrap().progress, expected);
    }

    /// The worksheet after any sequence of edits (any unicode, over-long text, toggles) saves and loads back
    /// exactly, silently.
    #[test]
    fn worksheet_round_trips_through_storage(work in arb_work()) {
        let store = MemoryStore::new();
        save_versioned(&store, WORK_KEY, WORK_VERSION, &work).unwrap();
        let loaded: Loaded<Work> = load_versioned(&store, WORK_KEY, WORK_VERSION, WORK_WHAT, |_, _| None);
        prop_assert_eq!(loaded.problem, None);
        prop_assert_eq!(loaded.value, work);
    }

    /// Any reading preferences and any reading progress (after any marks read and unread) save and load back
    /// exactly, silently, through `load_once`.
    #[test]
    fn reading_state_round_trips_through_storage(prefs_value in arb_prefs(), progress in arb_reading_progress()) {
        let store = MemoryStore::new();
        save_versioned(&store, prefs::KEY, prefs::VERSION, &prefs_value).unwrap();
        save_versioned(&store, reading_progress::KEY, reading_progress::VERSION, &progress).unwrap();
        let loaded = load_once::<Prefs>(&store, prefs::KEY, prefs::VERSION, prefs::WHAT);
        prop_assert_eq!((loaded.value, loaded.problem), (prefs_value, None));
        let loaded = load_once::<ReadingProgress>(
            &store, reading_progress::KEY, reading_progress::VERSION, reading_progress::WHAT,
        );
        prop_assert_eq!((loaded.value, loaded.problem), (progress, None));
    }

    /// Import, on any text with any reported size: never panics; refuses anything over `MAX_IMPORT_BYTES` (by the
    /// reported size or the text's own); accepts only in-range cards for questions in the bank; and on refusal
    /// leaves the saved progress exactly as it was.
    #[test]
    fn import_of_any_text_is_safe(
        text in prop_oneof![
            any::<String>(),
            prop::collection::vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            arb_json().prop_map(|v| v.to_string()),
            arb_progress_json().prop_map(|p| json!({ "app": "kamenev-quiz-progress", "format": 1, "progress": p }).to_string()),
            (arb_json(), arb_json(), arb_progress_json()).prop_map(|(app, format, p)| json!({ "app": app, "format": format, "progress": p }).to_string()),
            (1usize..3000).prop_map(|d| nested(d, "{\"app\":\"kamenev-quiz-progress\",\"format\":1,\"progress\":{\"cards\":{},\"log\":{}}}")),
        ],
        bytes in prop_oneof![4 => Just(None), 1 => (0usize..2 * MAX_IMPORT_BYTES).prop_map(Some)],
        existing in arb_progress(0..6),
    ) {
        let bytes = bytes.unwrap_or(text.len());
        let result = import(bytes, &text, bank());
        if bytes > MAX_IMPORT_BYTES || text.len() > MAX_IMPORT_BYTES {
            prop_assert_eq!(&result, &Err(ImportError::TooLarge { bytes: bytes.max(text.len()) }));
        }
        if let Ok(imported) = &result {
            assert_valid_import(&imported.progress)?;
        }
        check_import_into(&existing, &text, bytes)?;
    }

    /// Import of the app's own export, edited as text (characters deleted, inserted or replaced, numbers changed,
    /// cut short) and as JSON (fields dropped, values of other types): never panics, never accepts anything out of
    /// range, and a refused file leaves the saved progress exactly as it was.
    #[test]
    fn import_of_edited_exports_is_safe(
        exported in arb_progress(1..12),
        existing in arb_progress(0..6),
        value_edits in prop::collection::vec(arb_value_edit(), 0..3),
        edits in prop::collection::vec(arb_edit(), 0..4),
    ) {
        let file = export(&exported, T0);
        let mut value: Value = serde_json::from_str(&file).unwrap();
        for edit in &value_edits {
            apply_value_edit(&mut value, edit);
        }
        let text = apply_edits(&serde_json::to_string_pretty(&value).unwrap(), &edits);
        check_import_into(&existing, &text, text.len())?;
    }

    /// The app's own export imports back to exactly what was exported (less the cards for questions the bank no
    /// longer has, which are counted), and replaces the saved progress with it.
    #[test]
    fn exports_import_back_exactly(exported in arb_progress(0..40), existing in arb_progress(0..6), now in 0i64..i64::MAX) {
        let file = export(&exported, now);
        prop_assert!(file.len() <= MAX_IMPORT_BYTES);
        let imported = import(file.len(), &file, bank()).unwrap();
        let mut expected = exported.clone();
        expected.cards.retain(|id, _| bank().get(id).is_some());
        prop_assert_eq!(imported.skipped, exported.cards.len() - expected.cards.len());
        assert_same(&imported.progress, &expected, "imported")?;
        check_import_into(&existing, &file, file.len())?;
    }

    /// Any card that import accepts (every value anywhere in the ranges it checks, edges and extremes included) can
    /// be practised with any rating, at a time before or after its last review, and the result saves and loads
    /// back: the scheduler never turns an accepted card into NaN, infinity or a panic.
    #[test]
    fn imported_cards_can_be_practised_and_saved(
        question in prop::sample::select(bank().questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>()),
        stability in prop_oneof![
            Just(0.0), Just(f64::MIN_POSITIVE), Just(1e-300), 0.0f64..100.0, Just(1e300), Just(f64::MAX)
        ],
        difficulty in prop_oneof![Just(0.0), Just(10.0), 0.0f64..=10.0],
        phase in prop::sample::select(vec!["new", "learning", "review", "relearning"]),
        (due, last_review, introduced) in (0..2 * T0, 0..2 * T0, 0..2 * T0),
        (elapsed, scheduled) in (0i64..1_000_000, 0i64..1_000_000),
        (reps, lapses) in (
            prop_oneof![0u32..100, Just(i32::MAX as u32), Just(u32::MAX), any::<u32>()],
            prop_oneof![0u32..100, Just(i32::MAX as u32), Just(u32::MAX), any::<u32>()],
        ),
        rating in arb_rating(),
        now in T0 - 400 * DAY..T0 + 400 * DAY,
    ) {
        let card = json!({
            "due": due, "stability": stability, "difficulty": difficulty, "elapsed_days": elapsed,
            "scheduled_days": scheduled, "reps": reps, "lapses": lapses, "phase": phase,
            "last_review": last_review, "introduced": introduced,
        });
        let file = json!({
            "app": "kamenev-quiz-progress", "format": 1, "exported": 0,
            "progress": { "cards": { question.clone(): card }, "log": [] },
        })
        .to_string();
        let mut progress = import(file.len(), &file, bank()).expect("in range").progress;
        progress.record_practice(&Scheduler::new(), &question, now, 1.0, rating);
        let store = MemoryStore::new();
        quiz_progress::save(&store, &progress).unwrap();
        let loaded = quiz_progress::load(&store);
        prop_assert_eq!(loaded.problem, None, "{:?}", progress.cards);
        assert_same(&loaded.value, &progress, "practised")?;
    }

    /// A file that is valid but over `MAX_IMPORT_BYTES` (padded with whitespace), or whose reported size is over it,
    /// is refused as too large, and the saved progress stays as it was.
    #[test]
    fn oversized_files_are_refused_before_parsing(
        exported in arb_progress(0..4),
        over in 1usize..1000,
        reported_over in any::<bool>(),
    ) {
        let file = export(&exported, T0);
        let (text, bytes) = if reported_over {
            (file.clone(), MAX_IMPORT_BYTES + over)
        } else {
            let padded = format!("{file}{}", " ".repeat(MAX_IMPORT_BYTES + over - file.len()));
            let len = padded.len();
            (padded, len)
        };
        prop_assert_eq!(
            import(bytes, &text, bank()),
            Err(ImportError::TooLarge { bytes: bytes.max(text.len()) })
        );
        check_import_into(&Progress::default(), &text, bytes)?;
    }
}

/// An export of the largest progress the app keeps (a full log of `LOG_LIMIT` answers spread over a random set of
/// at least 100 of the bank's questions, each with its card, random ratings and gaps) fits under
/// `MAX_IMPORT_BYTES` and imports back exactly. (Not covered, and not true: 5,000 answers all on the questions
/// with the longest ids, which would need up to about 1.25 MB.) Cases: see [`heavy_config`].
#[test]
fn the_largest_progress_exports_and_imports_back() {
    let ids: Vec<String> = bank().questions.iter().map(|q| q.id.clone()).collect();
    let strategy = (
        Just(ids).prop_shuffle(),
        100usize..1000,
        prop::collection::vec(arb_rating(), 1..50),
        prop::collection::vec(0i64..DAY, 1..50),
    );
    let mut runner = proptest::test_runner::TestRunner::new(heavy_config());
    let result = runner.run(&strategy, |(questions, spread, ratings, gaps)| {
        let questions = &questions[..spread.min(questions.len())];
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let mut now = T0;
        for i in 0..quiz_progress::LOG_LIMIT + 10 {
            now += gaps[i % gaps.len()];
            let question = &questions[i % questions.len()];
            progress.record_practice(&scheduler, question, now, 1.0, ratings[i % ratings.len()]);
        }
        prop_assert_eq!(progress.log.len(), quiz_progress::LOG_LIMIT);
        let file = export(&progress, now);
        prop_assert!(
            file.len() <= MAX_IMPORT_BYTES,
            "the export is {} bytes",
            file.len()
        );
        let imported = import(file.len(), &file, bank()).unwrap();
        prop_assert_eq!(imported.skipped, 0);
        assert_same(&imported.progress, &progress, "imported")
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

/// Every variant of [`Reliability`] and the preferences is saved by name, so the round-trip strategies above cover
/// them all (a check that the strategies are not vacuous).
#[test]
fn strategies_cover_every_saved_keyword() {
    let keywords = Reliability::ALL
        .iter()
        .map(|r| r.keyword())
        .chain(TextSize::ALL.iter().map(|c| c.keyword()))
        .chain(LineSpacing::ALL.iter().map(|c| c.keyword()))
        .chain(Theme::ALL.iter().map(|c| c.keyword()));
    for word in keywords {
        assert!(WORDS.contains(&word), "{word} is missing from WORDS");
    }
}
