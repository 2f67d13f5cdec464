//! Spaced repetition: pinned FSRS intervals, saved progress (round trip, corrupt data, newer versions, full
//! storage), what practice shows next, mastery, and the import/export file with its validation.
#![cfg(not(target_arch = "wasm32"))]

use kamenev::dataset::DATA;
use kamenev::quiz::{bank, QuestionType};
use kamenev::schedule::mastery::{by_chapter, by_type};
use kamenev::schedule::practice::{next, summary, Filter, Next};
use kamenev::schedule::progress::{self, Mode, Progress, KEY, NEW_PER_DAY, VERSION};
use kamenev::schedule::scheduler::{Card, Phase, Rating, Scheduler};
use kamenev::schedule::transfer::{
    export, import, import_into, ImportError, APP, MAX_IMPORT_BYTES,
};
use kamenev::schedule::{DAY, MINUTE};
use kamenev::storage::{bad_key, MemoryStore, Store, StoreError};

/// 29 November 2022, 12:30 UTC, in Unix ms.
const T0: i64 = 1_669_725_000_000;

#[test]
fn fsrs_intervals_are_pinned_for_a_fixed_review_sequence() {
    // Each review happens exactly when the card falls due. The expected intervals (days) are those of the
    // reference FSRS-5 scheduler with default weights for the same sequence.
    let scheduler = Scheduler::new();
    let ratings = [
        Rating::Good,
        Rating::Good,
        Rating::Good,
        Rating::Good,
        Rating::Good,
        Rating::Good,
        Rating::Again,
        Rating::Again,
        Rating::Good,
        Rating::Good,
        Rating::Good,
        Rating::Good,
        Rating::Good,
    ];
    let mut card: Option<Card> = None;
    let mut now = T0;
    let mut intervals = Vec::new();
    let mut phases = Vec::new();
    for rating in ratings {
        let next = scheduler.review(card.as_ref(), now, rating);
        intervals.push(next.scheduled_days);
        phases.push(next.phase);
        now = next.due;
        card = Some(next);
    }
    assert_eq!(intervals, [0, 4, 15, 48, 136, 351, 0, 0, 7, 13, 24, 43, 77]);
    assert_eq!(phases[0], Phase::Learning);
    assert_eq!(phases[1], Phase::Review);
    assert_eq!(phases[6], Phase::Relearning);
    let card = card.unwrap();
    assert_eq!(card.reps, 13);
    assert_eq!(card.lapses, 1);
    assert_eq!(
        card.introduced, T0,
        "introduction time survives every review"
    );
}

#[test]
fn a_new_card_is_due_again_within_minutes_after_again_hard_and_good() {
    let scheduler = Scheduler::new();
    let [again, hard, good, easy] = scheduler.preview(None, T0);
    assert_eq!(again - T0, MINUTE);
    assert_eq!(hard - T0, 5 * MINUTE);
    assert_eq!(good - T0, 10 * MINUTE);
    assert!(easy - T0 >= DAY, "easy skips the learning steps");
}

fn sample_progress() -> Progress {
    let scheduler = Scheduler::new();
    let mut progress = Progress::default();
    let first = &bank().questions[0].id;
    progress.record_practice(&scheduler, first, T0, 1.0, Rating::Good);
    progress.record_test(&bank().questions[1].id, T0 + 1000, 0.5);
    progress
}

#[test]
fn progress_round_trips_through_storage() {
    let store = MemoryStore::new();
    let progress = sample_progress();
    progress::save(&store, &progress).unwrap();
    let loaded = progress::load(&store);
    assert_eq!(loaded.value, progress);
    assert_eq!(loaded.problem, None);
    let raw = store.get(KEY).unwrap().unwrap();
    assert!(
        raw.starts_with(&format!("{{\"version\":{VERSION},\"data\":")),
        "{raw}"
    );
}

#[test]
fn corrupt_progress_is_recovered_and_kept_aside() {
    let store = MemoryStore::new();
    store
        .set(KEY, "{\"version\":1,\"data\":{\"cards\":")
        .unwrap();
    let loaded = progress::load(&store);
    assert_eq!(loaded.value, Progress::default());
    let problem = loaded.problem.expect("the user is told");
    assert!(
        problem.starts_with("Your quiz progress could not be read"),
        "{problem}"
    );
    assert_eq!(
        store.get(&bad_key(KEY)).unwrap().as_deref(),
        Some("{\"version\":1,\"data\":{\"cards\":"),
        "the unreadable data is kept, never lost"
    );
}

#[test]
fn progress_of_the_wrong_shape_is_recovered() {
    let store = MemoryStore::new();
    store
        .set(
            KEY,
            r#"{"version":1,"data":{"cards":{"x":{"due":"soon"}},"log":[]}}"#,
        )
        .unwrap();
    let loaded = progress::load(&store);
    assert_eq!(loaded.value, Progress::default());
    assert!(loaded.problem.unwrap().contains("expected shape"));
}

#[test]
fn progress_from_a_newer_site_is_kept_aside_not_migrated() {
    // Version 1 is the first schema, so there is nothing to migrate from; anything else is kept, untouched.
    let store = MemoryStore::new();
    let newer = r#"{"version":2,"data":{"cards":{},"log":[],"streak":3}}"#;
    store.set(KEY, newer).unwrap();
    let loaded = progress::load(&store);
    assert_eq!(loaded.value, Progress::default());
    assert!(loaded.problem.unwrap().contains("newer version"));
    assert_eq!(store.get(&bad_key(KEY)).unwrap().as_deref(), Some(newer));
    let older = r#"{"version":0,"data":{}}"#;
    store.set(KEY, older).unwrap();
    assert!(progress::load(&store)
        .problem
        .unwrap()
        .contains("cannot be converted"));
}

#[test]
fn a_full_storage_is_an_error_to_show() {
    let store = MemoryStore::with_quota(64);
    assert_eq!(
        progress::save(&store, &sample_progress()),
        Err(StoreError::QuotaExceeded)
    );
}

#[test]
fn the_log_keeps_the_latest_answers_only() {
    let mut progress = Progress::default();
    for i in 0..(progress::LOG_LIMIT + 10) {
        progress.record_test("q", i as i64, 1.0);
    }
    assert_eq!(progress.log.len(), progress::LOG_LIMIT);
    assert_eq!(progress.log[0].at, 10, "the oldest answers went first");
    assert_eq!(progress.log[0].mode, Mode::Test);
}

// ----- practice -----

#[test]
fn practice_introduces_new_cards_then_brings_them_back_when_due() {
    let scheduler = Scheduler::new();
    let mut progress = Progress::default();
    let all = Filter::default();
    let Next::New(first) = next(&DATA, bank(), &progress, T0, all) else {
        panic!("an empty progress starts with a new card");
    };
    assert_eq!(
        first.chapter, DATA.chapters[0].id,
        "new cards come in reading order"
    );
    let first = first.id.clone();
    progress.record_practice(&scheduler, &first, T0, 0.0, Rating::Again);
    // One minute later the failed card is due again, before any new card.
    match next(&DATA, bank(), &progress, T0 + MINUTE, all) {
        Next::Due(question) => assert_eq!(question.id, first),
        other => panic!("expected the due card, got {other:?}"),
    }
    // Straight after the review, a new card comes first, and never one on the same fact.
    match next(&DATA, bank(), &progress, T0 + 1, all) {
        Next::New(question) => {
            assert_ne!(question.fact, bank().get(&first).unwrap().fact);
        }
        other => panic!("expected a new card, got {other:?}"),
    }
}

#[test]
fn practice_introduces_at_most_ten_new_cards_a_day() {
    let scheduler = Scheduler::new();
    let mut progress = Progress::default();
    let filter = Filter {
        chapter: None,
        kind: Some(QuestionType::Position),
    };
    for i in 0..NEW_PER_DAY {
        let now = T0 + i as i64 * 1000;
        let Next::New(question) = next(&DATA, bank(), &progress, now, filter) else {
            panic!("card {i} should be new");
        };
        assert_eq!(question.kind, QuestionType::Position);
        let id = question.id.clone();
        progress.record_practice(&scheduler, &id, now, 1.0, Rating::Easy);
    }
    let later = T0 + 60 * MINUTE;
    match next(&DATA, bank(), &progress, later, filter) {
        Next::Done { due: Some(due) } => assert!(due > later),
        other => panic!("the day's new cards are used up: {other:?}"),
    }
    let summary = summary(bank(), &progress, later, filter);
    assert_eq!(
        (summary.new_today, summary.new_left_today, summary.scheduled),
        (NEW_PER_DAY, 0, NEW_PER_DAY)
    );
    // The next day brings new cards again.
    assert!(matches!(
        next(&DATA, bank(), &progress, T0 + DAY + 1, filter),
        Next::New(_)
    ));
}

#[test]
fn a_learning_card_due_soon_is_offered_early_when_nothing_else_is_left() {
    let scheduler = Scheduler::new();
    let mut progress = Progress::default();
    let filter = Filter {
        chapter: Some("trial-1936"),
        kind: Some(QuestionType::Order),
    };
    let mut last = String::new();
    let mut now = T0;
    while let Next::New(question) = next(&DATA, bank(), &progress, now, filter) {
        last = question.id.clone();
        progress.record_practice(&scheduler, &last, now, 1.0, Rating::Good);
        now += 1000;
    }
    match next(&DATA, bank(), &progress, now, filter) {
        Next::Later { question, due } => {
            assert!(due > now && due - now <= 10 * MINUTE);
            assert!(progress.cards.contains_key(&question.id));
        }
        other => panic!("expected a card due later, got {other:?}"),
    }
    assert!(!last.is_empty());
}

#[test]
fn cards_for_questions_no_longer_in_the_bank_are_kept_but_never_shown() {
    let scheduler = Scheduler::new();
    let mut progress = Progress::default();
    progress.record_practice(
        &scheduler,
        "what:a-question-that-was-removed",
        T0,
        0.0,
        Rating::Again,
    );
    let Next::New(_) = next(&DATA, bank(), &progress, T0 + DAY, Filter::default()) else {
        panic!("the unknown card is never due");
    };
    assert!(progress
        .cards
        .contains_key("what:a-question-that-was-removed"));
}

// ----- mastery -----

#[test]
fn mastery_counts_items_practised_mastered_and_scores() {
    let scheduler = Scheduler::new();
    let mut progress = Progress::default();
    let question = bank()
        .questions
        .iter()
        .find(|q| q.kind == QuestionType::Attribution)
        .unwrap();
    let mut now = T0;
    for _ in 0..4 {
        let card = progress
            .record_practice(&scheduler, &question.id, now, 1.0, Rating::Good)
            .clone();
        now = card.due;
    }
    assert!(progress.cards[&question.id].is_mature());
    progress.record_test(&question.id, now, 0.5);
    let rows = by_type(bank(), &progress, now);
    let row = rows.iter().find(|r| r.key == "attribution").unwrap();
    assert_eq!(
        (row.practised, row.mastered, row.answered, row.score),
        (1, 1, 1, Some(50))
    );
    assert_eq!(row.items, bank().count(QuestionType::Attribution));
    let chapters = by_chapter(&DATA, bank(), &progress, now);
    let total: usize = chapters.iter().map(|r| r.items).sum();
    let facts: std::collections::HashSet<&str> =
        bank().questions.iter().map(|q| q.fact.as_str()).collect();
    assert_eq!(
        total,
        facts.len(),
        "every item is in exactly one chapter row"
    );
    assert_eq!(chapters.iter().map(|r| r.mastered).sum::<usize>(), 1);
}

// ----- import and export -----

#[test]
fn an_exported_file_imports_back() {
    let progress = sample_progress();
    let file = export(&progress, T0);
    assert!(file.contains(&format!("\"app\": \"{APP}\"")));
    let imported = import(file.len(), &file, bank()).unwrap();
    assert_eq!(imported.progress, progress);
    assert_eq!(imported.skipped, 0);
}

fn file_with(progress_json: &str) -> String {
    format!(r#"{{"app":"{APP}","format":1,"exported":0,"progress":{progress_json}}}"#)
}

#[test]
fn bad_files_are_refused_with_a_message_naming_the_problem() {
    let card = r#"{"due":1,"stability":1.0,"difficulty":5.0,"elapsed_days":0,"scheduled_days":0,"reps":1,"lapses":0,"phase":"learning","last_review":1,"introduced":1}"#;
    let first = &bank().questions[0].id;
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "The file is empty."),
        (
            "{\"app\":".into(),
            "The file is not valid JSON: the problem is at line 1, column 7.",
        ),
        ("[1, 2]".into(), "This is not a quiz progress file"),
        (
            r#"{"app":"someone-else"}"#.into(),
            "This is not a quiz progress file",
        ),
        (
            format!(r#"{{"app":"{APP}","format":7}}"#),
            "newer version of this site (format 7)",
        ),
        (
            format!(r#"{{"app":"{APP}","format":"one"}}"#),
            "\"format\" is missing",
        ),
        (
            format!(r#"{{"app":"{APP}","format":1}}"#),
            "In the file: \"progress\" is missing",
        ),
        (file_with(r#"{"log":[]}"#), "\"cards\" is missing"),
        (
            file_with(r#"{"cards":[],"log":[]}"#),
            "\"cards\" must be an object",
        ),
        (
            file_with(r#"{"cards":{},"log":{}}"#),
            "\"log\" must be a list",
        ),
        (
            file_with(&format!(
                r#"{{"cards":{{"{first}":{{"due":1}}}},"log":[]}}"#
            )),
            "In the card for question",
        ),
        (
            file_with(&format!(
                r#"{{"cards":{{"{first}":{}}},"log":[]}}"#,
                card.replace("5.0", "50.0")
            )),
            "\"difficulty\" must be a number from 0 to 10",
        ),
        (
            file_with(&format!(
                r#"{{"cards":{{"{first}":{}}},"log":[]}}"#,
                card.replace("\"due\":1", "\"due\":-5")
            )),
            "\"due\" must not be negative",
        ),
        (
            file_with(
                r#"{"cards":{},"log":[{"question":"q","at":1,"mode":"practice","score":250,"rating":null,"due":null}]}"#,
            ),
            "review log entry 1",
        ),
        (
            file_with(
                r#"{"cards":{},"log":[{"question":"q","at":1,"mode":"exam","score":50,"rating":null,"due":null}]}"#,
            ),
            "unknown variant `exam`",
        ),
    ];
    for (text, expected) in cases {
        let error = import(text.len(), &text, bank())
            .expect_err(&text)
            .to_string();
        assert!(
            error.contains(expected),
            "{text}\n  gave: {error}\n  expected: {expected}"
        );
    }
}

#[test]
fn files_over_one_megabyte_are_refused_before_reading() {
    let error = import(MAX_IMPORT_BYTES + 1, "", bank()).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }
    );
    assert_eq!(
        error.to_string(),
        "The file is too large (1.0 MB); a progress file can be at most 1 MB."
    );
}

#[test]
fn cards_for_unknown_questions_are_skipped_and_counted() {
    let mut progress = sample_progress();
    progress.cards.insert(
        "what:gone".into(),
        progress.cards.values().next().unwrap().clone(),
    );
    let file = export(&progress, T0);
    let imported = import(file.len(), &file, bank()).unwrap();
    assert_eq!(imported.skipped, 1);
    assert!(!imported.progress.cards.contains_key("what:gone"));
}

#[test]
fn a_bad_import_leaves_the_saved_progress_untouched() {
    let store = MemoryStore::new();
    let existing = sample_progress();
    progress::save(&store, &existing).unwrap();
    let before = store.get(KEY).unwrap();
    let error = import_into(&store, 20, "{\"not\": \"progress\"}", bank()).unwrap_err();
    assert!(
        error.starts_with("This is not a quiz progress file"),
        "{error}"
    );
    assert_eq!(store.get(KEY).unwrap(), before);
    assert_eq!(progress::load(&store).value, existing);

    let good = export(&Progress::default(), T0);
    import_into(&store, good.len(), &good, bank()).unwrap();
    assert_eq!(
        progress::load(&store).value,
        Progress::default(),
        "a good file replaces the progress"
    );
}
