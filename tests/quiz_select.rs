//! Test selection by seed: determinism, filters, one question per fact, balanced types, and URL validation.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use kamenev::dataset::DATA;
use kamenev::quiz::select::{select, Seed, SpecError, TestSpec, DEFAULT_COUNT};
use kamenev::quiz::{bank, QuestionType, SOURCES};

fn spec(seed: &str, n: Option<&str>, chapter: Option<&str>, kind: Option<&str>) -> TestSpec {
    TestSpec::parse(&DATA, seed, n, chapter, kind).expect("valid spec")
}

fn ids(spec: &TestSpec) -> Vec<String> {
    select(bank(), spec).iter().map(|q| q.id.clone()).collect()
}

#[test]
fn the_same_seed_gives_the_same_quiz() {
    let a = ids(&spec("class-7b", None, None, None));
    let b = ids(&spec("class-7b", None, None, None));
    assert_eq!(a, b);
    assert_eq!(a.len(), DEFAULT_COUNT);
}

#[test]
fn the_selection_for_a_seed_is_pinned() {
    // Pins the seeded order end to end (hash, generator, shuffle and interleaving), so a class given a URL gets
    // the same quiz after any refactoring. Regenerate only on purpose, when the bank itself changes.
    let chosen = ids(&spec(
        "history-1",
        Some("4"),
        Some("revolution-1917"),
        Some("position"),
    ));
    assert_eq!(
        chosen,
        [
            "who:zinoviev-restrain-masses",
            "who:kamenev-voted-against-9-october",
            "who:trotsky-for-insurrection",
            "who:lenin-called-insurrection",
        ]
    );
}

#[test]
fn different_seeds_give_different_quizzes() {
    let quizzes: HashSet<Vec<String>> = ["a", "b", "c", "class-1", "class-2"]
        .iter()
        .map(|s| ids(&spec(s, None, None, None)))
        .collect();
    assert_eq!(quizzes.len(), 5);
}

#[test]
fn filters_are_respected() {
    for chapter in DATA.chapters.iter().map(|c| c.id).chain([SOURCES]) {
        for kind in QuestionType::ALL {
            let spec = spec("filter", Some("50"), Some(chapter), Some(kind.keyword()));
            for question in select(bank(), &spec) {
                assert_eq!((question.chapter, question.kind), (chapter, kind));
            }
        }
    }
}

#[test]
fn a_test_never_asks_one_fact_twice() {
    for seed in ["x", "y", "z", "dates-only"] {
        let spec = spec(seed, Some("50"), None, Some("date"));
        let chosen = select(bank(), &spec);
        let facts: HashSet<&str> = chosen.iter().map(|q| q.fact.as_str()).collect();
        assert_eq!(facts.len(), chosen.len(), "seed {seed}");
    }
}

#[test]
fn an_unfiltered_test_mixes_every_type() {
    for seed in ["mix-1", "mix-2", "mix-3"] {
        let chosen = select(bank(), &spec(seed, Some("8"), None, None));
        let kinds: HashSet<QuestionType> = chosen.iter().map(|q| q.kind).collect();
        assert_eq!(kinds.len(), 4, "seed {seed}");
    }
}

#[test]
fn a_small_pool_gives_a_shorter_test() {
    let pool = bank()
        .questions
        .iter()
        .filter(|q| q.chapter == "trial-1936" && q.kind == QuestionType::Order)
        .count();
    let chosen = select(
        bank(),
        &spec("short", Some("50"), Some("trial-1936"), Some("order")),
    );
    assert!(chosen.len() <= pool && !chosen.is_empty());
}

#[test]
fn bad_seeds_and_parameters_are_explained_not_panicked_on() {
    let parse = |seed: &str, n: Option<&str>, c: Option<&str>, k: Option<&str>| {
        TestSpec::parse(&DATA, seed, n, c, k)
    };
    assert_eq!(parse("", None, None, None), Err(SpecError::EmptySeed));
    assert_eq!(
        parse(&"a".repeat(33), None, None, None),
        Err(SpecError::SeedTooLong(33))
    );
    assert!(parse(&"a".repeat(32), None, None, None).is_ok());
    assert_eq!(
        parse("Class", None, None, None),
        Err(SpecError::SeedCharacter('C'))
    );
    assert_eq!(
        parse("a b", None, None, None),
        Err(SpecError::SeedCharacter(' '))
    );
    assert_eq!(
        parse("é", None, None, None),
        Err(SpecError::SeedCharacter('é'))
    );
    assert_eq!(
        parse("<script>", None, None, None),
        Err(SpecError::SeedCharacter('<'))
    );
    assert_eq!(
        parse("ok", Some("0"), None, None),
        Err(SpecError::BadCount("0".into()))
    );
    assert_eq!(
        parse("ok", Some("51"), None, None),
        Err(SpecError::BadCount("51".into()))
    );
    assert_eq!(
        parse("ok", Some("ten"), None, None),
        Err(SpecError::BadCount("ten".into()))
    );
    assert_eq!(
        parse("ok", None, Some("nowhere"), None),
        Err(SpecError::UnknownChapter("nowhere".into()))
    );
    assert_eq!(
        parse("ok", None, None, Some("essay")),
        Err(SpecError::UnknownType("essay".into()))
    );
    assert!(
        parse("ok", Some(""), Some(""), Some("")).is_ok(),
        "empty parameters mean the defaults"
    );
    for error in [
        SpecError::EmptySeed,
        SpecError::SeedTooLong(40),
        SpecError::SeedCharacter('X'),
    ] {
        assert!(error.to_string().ends_with('.'), "{error}");
    }
}

#[test]
fn the_query_string_round_trips() {
    let original = spec(
        "round-trip",
        Some("12"),
        Some("trial-1936"),
        Some("attribution"),
    );
    let query = original.query();
    assert_eq!(
        query,
        "seed=round-trip&n=12&chapter=trial-1936&type=attribution"
    );
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
    };
    let parsed = TestSpec::parse(
        &DATA,
        param("seed").unwrap(),
        param("n"),
        param("chapter"),
        param("type"),
    );
    assert_eq!(parsed, Ok(original));
    assert_eq!(Seed::parse("round-trip").unwrap().to_string(), "round-trip");
}

#[test]
fn filter_urls_name_only_the_chosen_filters() {
    use kamenev::quiz::select::filtered_url;
    assert_eq!(filtered_url("/quiz/answers", "", ""), "/quiz/answers");
    assert_eq!(
        filtered_url("/quiz/answers", "trial-1936", ""),
        "/quiz/answers?chapter=trial-1936"
    );
    assert_eq!(
        filtered_url("/quiz/practice", "", "order"),
        "/quiz/practice?type=order"
    );
    assert_eq!(
        filtered_url("/quiz/answers", "trial-1936", "position"),
        "/quiz/answers?chapter=trial-1936&type=position"
    );
}
