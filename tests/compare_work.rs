//! The student's work on the 1936 trial, natively: ratings and reasons, the claim and what it cites, the checks,
//! saving through `crate::storage`, and the exported worksheet.
#![cfg(not(target_arch = "wasm32"))]

use kamenev::compare::trial_sources;
use kamenev::compare::work::{
    export_text, Problem, Reliability, Work, CENTRAL_QUESTION, MAX_TEXT, MIN_CLAIM_WORDS, WORK_KEY,
    WORK_VERSION, WORK_WHAT,
};
use kamenev::dataset::DATA;
use kamenev::storage::{bad_key, load_versioned, save_versioned, MemoryStore, Store};

const CLAIM: &str =
    "The confessions were probably not true, because Trotsky and Orlov both describe pressure \
                     and threats, while the Observer wrote before anyone could know.";

fn load(store: &MemoryStore) -> kamenev::storage::Loaded<Work> {
    load_versioned(store, WORK_KEY, WORK_VERSION, WORK_WHAT, |_, _| None)
}

#[test]
fn a_rating_keeps_its_level_and_reason_and_vanishes_when_cleared() {
    let mut work = Work::default();
    work.set_level("observer-1936", Some(Reliability::Doubtful));
    work.set_reason("observer-1936", "Written in London before the verdict.");
    let rating = work.rating("observer-1936").expect("a rating");
    assert_eq!(rating.level, Some(Reliability::Doubtful));
    assert_eq!(rating.reason, "Written in London before the verdict.");
    work.set_level("observer-1936", None);
    assert!(
        work.rating("observer-1936").is_some(),
        "the reason is still there"
    );
    work.set_reason("observer-1936", "   ");
    assert_eq!(work.rating("observer-1936"), None);
    assert!(work.is_empty());
}

#[test]
fn long_text_is_clipped_on_a_character_boundary() {
    let mut work = Work::default();
    let long = "é".repeat(MAX_TEXT + 10);
    work.set_claim(&long);
    assert_eq!(work.claim.chars().count(), MAX_TEXT);
    work.set_reason("shachtman", &long);
    assert_eq!(
        work.rating("shachtman").unwrap().reason.chars().count(),
        MAX_TEXT
    );
}

#[test]
fn citing_toggles() {
    let mut work = Work::default();
    work.toggle_cited("observer-1936");
    work.toggle_cited("trotsky-interview-1937");
    assert!(work.is_cited("observer-1936"));
    work.toggle_cited("observer-1936");
    assert_eq!(work.cited, ["trotsky-interview-1937"]);
}

#[test]
fn the_check_says_what_is_missing_without_judging_the_answer() {
    let sources = trial_sources(&DATA);
    let empty = Work::default().check(&sources);
    assert_eq!(empty.rated, 0);
    assert_eq!(empty.total, sources.len());
    assert_eq!(
        empty.problems,
        [Problem::ClaimMissing, Problem::TooFewCited(0)]
    );
    assert!(!empty.claim_ready);

    let mut work = Work::default();
    work.set_level("observer-1936", Some(Reliability::Reliable));
    work.set_reason("new-republic-1936", "They were not in Moscow at all.");
    work.set_level("shachtman", Some(Reliability::Doubtful));
    work.set_reason("shachtman", "A supporter of Trotsky.");
    work.set_claim("They lied.");
    work.toggle_cited("observer-1936");
    let check = work.check(&sources);
    assert_eq!(
        check.problems,
        [
            Problem::ReasonMissing("observer-1936"),
            Problem::LevelMissing("new-republic-1936"),
            Problem::ReasonShort("shachtman", 4),
            Problem::ClaimShort(2),
            Problem::TooFewCited(1),
        ],
        "problems come in page order: accounts by date, then the claim"
    );

    work.set_reason(
        "observer-1936",
        "It was written before the verdict, in London.",
    );
    work.set_claim(CLAIM);
    work.toggle_cited("trotsky-interview-1937");
    let check = work.check(&sources);
    assert_eq!(check.rated, 1);
    assert!(check.claim_ready, "{:?}", check.problems);
    assert!(CLAIM.split_whitespace().count() >= MIN_CLAIM_WORDS);
    // Any position is accepted: the check counts words and citations, never the conclusion.
    work.set_claim(&CLAIM.replace("probably not true", "probably true"));
    assert!(work.check(&sources).claim_ready);
}

#[test]
fn problems_read_as_sentences_naming_the_account() {
    let name = |id: &str| {
        DATA.source(id)
            .map_or(id.to_string(), |s| s.author.to_string())
    };
    assert_eq!(
        Problem::ReasonMissing("observer-1936").message(name),
        "The Observer: say why you chose this rating."
    );
    assert_eq!(
        Problem::ReasonShort("shachtman", 1).message(name),
        "Max Shachtman: your reason has 1 word; explain it in at least 5."
    );
    assert!(Problem::TooFewCited(1)
        .message(name)
        .contains("at least 2 (you have ticked 1)"));
}

#[test]
fn work_survives_saving_and_loading() {
    let store = MemoryStore::new();
    let mut work = Work::default();
    work.set_level("serge-memoirs", Some(Reliability::FairlyReliable));
    work.set_reason(
        "serge-memoirs",
        "He knew the accused but wrote years later.",
    );
    work.set_claim(CLAIM);
    work.toggle_cited("serge-memoirs");
    save_versioned(&store, WORK_KEY, WORK_VERSION, &work).unwrap();
    let loaded = load(&store);
    assert_eq!(loaded.value, work);
    assert_eq!(loaded.problem, None);
    let raw = store.get(WORK_KEY).unwrap().unwrap();
    assert!(
        raw.contains("\"fairly-reliable\""),
        "levels are saved by name: {raw}"
    );
}

#[test]
fn unreadable_work_is_kept_aside_and_reported() {
    let store = MemoryStore::new();
    store
        .set(
            WORK_KEY,
            r#"{"version":1,"data":{"ratings":{"x":{"level":"brilliant"}}}}"#,
        )
        .unwrap();
    let loaded = load(&store);
    assert_eq!(loaded.value, Work::default());
    assert!(loaded
        .problem
        .unwrap()
        .starts_with("Your work on the 1936 trial could not be read"));
    assert!(store.get(&bad_key(WORK_KEY)).unwrap().is_some());
}

#[test]
fn partial_saved_work_fills_in_defaults() {
    let store = MemoryStore::new();
    store
        .set(WORK_KEY, r#"{"version":1,"data":{"claim":"x"}}"#)
        .unwrap();
    let loaded = load(&store);
    assert_eq!(loaded.value.claim, "x");
    assert_eq!(loaded.problem, None);
}

#[test]
fn the_worksheet_copies_the_students_words_and_every_account() {
    let sources = trial_sources(&DATA);
    let mut work = Work::default();
    work.set_level("observer-1936", Some(Reliability::Doubtful));
    work.set_reason("observer-1936", "<b>London</b> & before the verdict");
    work.set_claim(CLAIM);
    work.toggle_cited("observer-1936");
    work.toggle_cited("orlov-via-gazur");
    let text = export_text(&DATA, &work, &sources);
    let question = DATA
        .question(CENTRAL_QUESTION)
        .expect("the central question is a matrix row");
    assert!(text.contains(&format!("Central question: {}", question.text)));
    assert!(text.contains(CLAIM));
    assert!(
        text.contains("Reason: <b>London</b> & before the verdict"),
        "typed text is copied as typed"
    );
    assert!(text.contains("- The Observer (Journalist, 23 August 1936)"));
    assert!(text.contains("- Alexander Orlov (NKVD insider, 2001)"));
    assert_eq!(text.matches("\nRating: ").count(), sources.len());
    assert_eq!(
        text.matches("Rating: not rated yet").count(),
        sources.len() - 1
    );
    let empty = export_text(&DATA, &Work::default(), &sources);
    assert!(empty.contains("(not written yet)") && empty.contains("(none ticked yet)"));
}
