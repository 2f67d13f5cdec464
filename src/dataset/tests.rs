//! Native tests of the dataset pipeline.
//!
//! - Validator: each case under `tests/fixtures/dataset/<case>/` overrides files of the valid `base` fixture (a
//!   file `<name>.absent` removes `<name>`), and [`check`] pins the exact problems reported.
//! - Model: date parsing and formatting.
//! - Lookups and segments, on the base fixture.
//! - Round trip: the compiled [`DATA`] equals what the validator builds from the same folder.
//! - The real `data/`: counts and invariants the app relies on (these pass once the data is complete).
//! - Tidy: pure modules never import UI or browser crates.

use std::path::Path;
use std::sync::OnceLock;

use super::raw::Files;
use super::validate::validate;
use super::*;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files of a fixture case: `base`, overridden by the case's own files.
fn fixture(case: &str) -> Files {
    let fixtures = root().join("tests/fixtures/dataset");
    let mut files = Files::read(&fixtures.join("base"));
    if case != "base" {
        let entries = std::fs::read_dir(fixtures.join(case))
            .unwrap_or_else(|e| panic!("fixture {case}: {e}"));
        for entry in entries {
            let path = entry.expect("fixture entry").path();
            let name = path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            match name.strip_suffix(".absent") {
                Some(absent) => files.by_name.remove(absent),
                None => files
                    .by_name
                    .insert(name, std::fs::read_to_string(&path).expect("fixture file")),
            };
        }
    }
    files
}

/// Validates a fixture case and compares the problems reported, in order, with `expected`.
fn check(case: &str, expected: &[&str]) {
    let problems: Vec<String> = match validate(&fixture(case)) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(
        problems,
        expected,
        "\ncase {case} reported:\n{}\n",
        problems.join("\n")
    );
}

/// The base fixture, compiled.
fn base() -> &'static Dataset {
    static BASE: OnceLock<Dataset> = OnceLock::new();
    BASE.get_or_init(|| validate(&fixture("base")).expect("the base fixture is valid"))
}

// ----- validator -----

#[test]
fn base_fixture_is_valid() {
    check("base", &[]);
}

#[test]
fn quote_not_in_paragraph_is_reported_with_a_hint() {
    check(
        "quote-not-in-paragraph",
        &[
            "data/events.toml:2: birth: quote \"born in Moskow on 18th July, 1883\" is not in p5: copy it exactly from line 5 of kamenev-spartacus.txt",
            "data/events.toml:12: london: quote \"founded the Moscow club\" is not in p5: it is in p7: correct the paragraph id",
            "data/glossary.toml:2: club: quote \"She said: \"We were happy.\"\" is not in p7: copy it exactly from line 7 of kamenev-spartacus.txt (the text has other quote marks, dashes, spacing or capitals)",
        ],
    );
}

#[test]
fn unknown_person_ids_are_reported() {
    check(
        "unknown-person",
        &[
            "data/events.toml:2: birth: unknown person \"olga\" in people: use an id from data/people.toml",
            "data/positions.toml:2: anna-editor: unknown person \"ana\" in person: use an id from data/people.toml",
        ],
    );
}

#[test]
fn bad_dates_are_reported() {
    const FIX: &str = "write YYYY, YYYY-MM or YYYY-MM-DD, or two such dates joined by \"/\"";
    check(
        "bad-date",
        &[
            &format!("data/events.toml:2: birth: date \"1883-13-18\" is not a valid date (there is no month 13): {FIX}"),
            &format!("data/events.toml:12: london: corrected_date \"1918-02-30\" is not a valid date (February 1918 has no day 30): {FIX}"),
            &format!("data/events.toml:24: trial: date \"19th August 1936\" is not a valid date (the year must have four digits): {FIX}"),
        ],
    );
}

#[test]
fn reversed_spans_are_reported() {
    check(
        "reversed-span",
        &[
            "data/chapters.toml:4: beginnings: date \"1918/1883\" ends before it starts: write the earlier date first",
            "data/positions.toml:2: anna-editor: from \"1930\" is after to \"1902-05\": swap them, or correct the one that is wrong",
        ],
    );
}

#[test]
fn a_paragraph_in_two_chapters_is_reported() {
    check(
        "paragraph-in-two-chapters",
        &["data/chapters.toml:12: the-end: paragraph p7 is in two chapters (also in beginnings): start this chapter at p12, after chapter beginnings ends"],
    );
}

#[test]
fn a_paragraph_in_no_chapter_is_reported() {
    check(
        "paragraph-in-no-chapter",
        &["data/chapters.toml:12: the-end: paragraph p7 is in no chapter: start this chapter at p7, or end chapter beginnings at p7"],
    );
}

#[test]
fn chapters_out_of_order_are_reported_without_knock_on_gaps() {
    check(
        "chapters-out-of-order",
        &["data/chapters.toml:10: beginnings: starts before chapter the-end: list the chapters in reading order"],
    );
}

#[test]
fn chapter_bounds_must_be_narrative_and_forwards() {
    check(
        "chapter-bounds",
        &[
            "data/chapters.toml:18: nowhere: first \"p3\" is not a narrative paragraph (it is a caption): chapters start and end on narrative paragraphs",
            "data/chapters.toml:18: nowhere: last \"p99\" is not a paragraph: use p<line> for a non-empty line of kamenev-spartacus.txt",
            "data/chapters.toml:26: backwards: first p7 comes after last p5: swap them",
        ],
    );
}

#[test]
fn duplicate_ids_are_reported_on_the_second_one() {
    check(
        "duplicate-id",
        &["data/people.toml:19: anna: id \"anna\" is used twice (also on line 2): give each person its own id"],
    );
}

#[test]
fn unreferenced_people_are_reported() {
    check(
        "unreferenced-person",
        &["data/people.toml:19: vera: person is never referenced: add it to an event's people, a position's person or a source's author_person, or remove it"],
    );
}

#[test]
fn name_variants_must_occur_and_belong_to_one_person() {
    check(
        "variant-not-in-text",
        &[
            "data/people.toml:10: boris: variant \"Borya\" does not occur in the text as a whole word: copy each name form exactly as the text writes it",
            "data/people.toml:19: vera: variant \"Anna\" is also a variant of anna: keep each name form on one person only",
        ],
    );
}

#[test]
fn quoting_flagged_words_requires_the_note() {
    check(
        "missing-flag-note",
        &["data/events.toml:12: london: quote overlaps \"In December, 1918\" in p7, flagged by note london-dates: add \"london-dates\" to notes"],
    );
}

#[test]
fn a_missing_file_is_one_problem() {
    check(
        "missing-file",
        &["data/people.toml: missing: create it, see data/README.md"],
    );
}

#[test]
fn unknown_fields_are_reported() {
    check(
        "unknown-field",
        &["data/people.toml:10: boris: unknown field `rol`, expected one of `id`, `name`, `variants`, `role`, `faction_1903`, `paragraph`, `quote`, `citations`, `notes`: write the fields as data/README.md shows for [[person]]"],
    );
}

#[test]
fn keywords_take_only_their_allowed_values() {
    check(
        "bad-keyword",
        &[
            "data/claims.toml:6: claim was-anna-brave/ivanov-memoir: stance \"agrees\" is not allowed: use asserts, denies or doubts",
            "data/events.toml:12: london: kind \"battle\" is not allowed: use life, party, revolution, government, repression, trial, writing or other",
            "data/notes.toml:2: london-dates: severity \"urgent\" is not allowed: use high, medium or low",
            "data/people.toml:10: boris: faction_1903 \"Bolshevik\" is not allowed: use bolshevik or menshevik",
        ],
    );
}

#[test]
fn events_outside_1870_1940_need_a_note_unless_writings() {
    check(
        "event-outside-years",
        &["data/events.toml:33: memoir-written: date \"1962\" is outside 1870-1940: list the note that explains the date in notes, or use kind = \"writing\" for a later book"],
    );
}

#[test]
fn a_toml_syntax_error_points_at_its_line() {
    check(
        "syntax-error",
        &["data/glossary.toml:5: invalid TOML: invalid basic string: fix the syntax (strings in double quotes, one key = value per line)"],
    );
}

#[test]
fn a_duplicate_must_occur_as_often_as_its_occurrence() {
    check(
        "duplicate-occurrence",
        &["data/duplicates.toml:2: trial-week-twice: occurrence is 3 but the quote occurs 2 times in p12: set occurrence to the copy to hide (1 is the first)"],
    );
}

#[test]
fn source_numbers_match_the_headings_of_the_text() {
    check(
        "source-numbers",
        &[
            "data/kamenev-spartacus.txt:16: p16: primary source (1) has no record: add a [[source]] with number = 1 to data/sources.toml",
            "data/sources.toml:2: ivanov-memoir: there is no primary source (2) in the text: use the n of a `(n) ` heading after Primary Sources, or remove number",
        ],
    );
}

#[test]
fn undeclared_image_residue_is_reported() {
    const FIX: &str = "add a [[caption]] for it to data/captions.toml (as `line`, or as `alt` of the caption on the next line)";
    check(
        "undeclared-caption",
        &[
            &format!("data/kamenev-spartacus.txt:9: p9: short line \"Anna Petrova\" is not declared as a caption: {FIX}"),
            &format!("data/kamenev-spartacus.txt:10: p10: short line \"The last photograph of Anna Petrova\" is not declared as a caption: {FIX}"),
        ],
    );
}

#[test]
fn captions_must_name_residue_lines_once() {
    check(
        "caption-problems",
        &[
            "data/captions.toml:5: caption line 10: alt \"Anna\" is not line 9 (\"Anna Petrova\"): copy line 9 exactly, or remove alt if the caption has no alt line",
            "data/captions.toml:10: caption line 4: line 4 of kamenev-spartacus.txt is empty or missing: use the line number of the caption line",
            "data/captions.toml:14: caption line 5: line 5 is a paragraph, not image residue: remove this caption: only short image lines are captions",
            "data/captions.toml:18: caption line 3: line 3 is declared twice (also on line 1): remove one of them",
        ],
    );
}

#[test]
fn several_problems_are_reported_together_sorted_by_file_and_line() {
    const RESIDUE: &str = "add a [[caption]] for it to data/captions.toml (as `line`, or as `alt` of the caption on the next line)";
    check(
        "several-problems",
        &[
            "data/captions.toml:1: captions: unknown table `captions`: this file holds only [[caption]]",
            "data/events.toml:2: birth: date \"1883-7-18\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD): write YYYY, YYYY-MM or YYYY-MM-DD, or two such dates joined by \"/\"",
            "data/events.toml:24: trial: kind \"court\" is not allowed: use life, party, revolution, government, repression, trial, writing or other",
            "data/glossary.toml: missing: create it, see data/README.md",
            &format!("data/kamenev-spartacus.txt:3: p3: short line \"Tiny Life\" is not declared as a caption: {RESIDUE}"),
            &format!("data/kamenev-spartacus.txt:9: p9: short line \"Anna Petrova\" is not declared as a caption: {RESIDUE}"),
            &format!("data/kamenev-spartacus.txt:10: p10: short line \"The last photograph of Anna Petrova\" is not declared as a caption: {RESIDUE}"),
            "data/people.toml:10: boris: quote \"Boris Ivanow\" is not in p5: copy it exactly from line 5 of kamenev-spartacus.txt",
            "data/sources.toml:2: ivanov-memoir: unknown field `publisher`, expected one of `id`, `number`, `author`, `author_person`, `work`, `written`, `written_text`, `published`, `published_text`, `approximate`, `kind`, `place`, `first_hand`, `trial_1936`, `description`, `paragraph`, `quote`, `citations`, `notes`: write the fields as data/README.md shows for [[source]]",
        ],
    );
}

// ----- model -----

#[test]
fn dates_parse_at_three_precisions() {
    let date = |y, m, d| Date {
        year: y,
        month: m,
        day: d,
    };
    assert_eq!(
        Date::parse_iso("1883-07-18"),
        Ok(date(1883, Some(7), Some(18)))
    );
    assert_eq!(Date::parse_iso("1908-12"), Ok(date(1908, Some(12), None)));
    assert_eq!(Date::parse_iso("1917"), Ok(date(1917, None, None)));
    assert_eq!(
        Date::parse_iso("1936-02-29"),
        Ok(date(1936, Some(2), Some(29)))
    );
    assert!(
        Date::parse_iso("1900-02-29").is_err(),
        "1900 is not a leap year"
    );
    for bad in [
        "",
        "17",
        "1917-4",
        "1917-04-1",
        "1917-00",
        "1917-04-31",
        "1917-04-03-01",
        "c. 1917",
    ] {
        assert!(Date::parse_iso(bad).is_err(), "{bad:?} should not parse");
    }
}

#[test]
fn dates_format_for_readers_and_sort_chronologically() {
    let show = |iso: &str| Date::parse_iso(iso).unwrap().to_string();
    assert_eq!(show("1883-07-18"), "18 July 1883");
    assert_eq!(show("1908-12"), "December 1908");
    assert_eq!(show("1917"), "1917");
    let mut dates: Vec<Date> = ["1918-03", "1917", "1917-10-25", "1917-04"]
        .map(|d| Date::parse_iso(d).unwrap())
        .into();
    dates.sort();
    assert_eq!(
        dates.iter().map(|d| d.iso()).collect::<Vec<_>>(),
        ["1917", "1917-04", "1917-10-25", "1918-03"]
    );
    assert!(Date::parse_iso("1918-10")
        .unwrap()
        .cmp_coarse(Date::parse_iso("1918").unwrap())
        .is_eq());
}

#[test]
fn date_spans_format_compactly() {
    let show =
        |iso: &str, approximate: bool| DateSpan::parse_iso(iso, approximate).unwrap().to_string();
    assert_eq!(show("1922/1923", false), "1922–1923");
    assert_eq!(show("1920", true), "c. 1920");
    assert_eq!(show("1920-06/1920-08", true), "c. June–August 1920");
    assert_eq!(show("1936-08-19/1936-08-24", false), "19–24 August 1936");
    assert_eq!(
        show("1936-07-18/1936-08-24", false),
        "18 July – 24 August 1936"
    );
    assert_eq!(
        show("1908-12/1909-01", false),
        "December 1908 – January 1909"
    );
    assert_eq!(show("1917/1917", false), "1917");
    assert!(DateSpan::parse_iso("1923/1922", false).is_err());
}

#[test]
fn keywords_round_trip() {
    for kind in SourceKind::ALL {
        assert_eq!(SourceKind::from_keyword(kind.keyword()), Some(*kind));
    }
    assert_eq!(SourceKind::PoliticalOpponent.label(), "Political opponent");
    assert_eq!(EventKind::from_keyword("Writing"), None);
}

// ----- lookups and segments (on the base fixture) -----

#[test]
fn the_text_is_sorted_into_kinds() {
    let kinds: Vec<(u32, ParagraphKind, Option<u8>)> = base()
        .paragraphs
        .iter()
        .map(|p| (p.line, p.kind, p.source_number))
        .collect();
    use ParagraphKind::*;
    assert_eq!(
        kinds,
        [
            (1, Title, None),
            (3, Caption, None),
            (5, Narrative, None),
            (7, Narrative, None),
            (9, Caption, None),
            (10, Caption, None),
            (12, Narrative, None),
            (14, Heading, None),
            (16, SourceHeading, Some(1)),
            (18, SourceBody, Some(1)),
            (19, SourceBody, Some(1)),
        ]
    );
}

#[test]
fn lookups_find_records_by_id() {
    let data = base();
    assert_eq!(data.paragraph("p7").map(|p| p.line), Some(7));
    assert_eq!(data.paragraph("p8"), None);
    assert_eq!(data.paragraph("x7"), None);
    assert_eq!(data.chapter_of("p12").map(|c| c.id), Some("the-end"));
    assert_eq!(
        data.chapter("beginnings").map(|c| c.paragraphs),
        Some(&["p5", "p7"][..])
    );
    let (before, after) = data.chapter_neighbours("the-end");
    assert_eq!((before.map(|c| c.id), after), (Some("beginnings"), None));
    assert_eq!(
        data.source_by_number(1).map(|s| s.id),
        Some("ivanov-memoir")
    );
    assert_eq!(
        data.source_paragraphs(1).map(|p| p.id).collect::<Vec<_>>(),
        ["p16", "p18", "p19"]
    );
    assert_eq!(
        data.notes_for_paragraph("p7")
            .map(|n| n.id)
            .collect::<Vec<_>>(),
        ["london-dates"]
    );
    assert_eq!(data.claims_for("was-anna-brave").count(), 1);
    assert_eq!(
        data.positions_of("anna").map(|p| p.id).collect::<Vec<_>>(),
        ["anna-editor"]
    );
    assert_eq!(
        data.mentions_of("vera").map(|p| p.id).collect::<Vec<_>>(),
        ["p7"]
    );
}

#[test]
fn timeline_orders_events_by_corrected_date() {
    let order: Vec<&str> = base().events_sorted().map(|e| e.id).collect();
    assert_eq!(order, ["birth", "london", "trial"]);
    let london = base().event("london").unwrap();
    assert_eq!(london.timeline_date().to_string(), "February–March 1918");
    assert_eq!(
        base().events_of("boris").map(|e| e.id).collect::<Vec<_>>(),
        ["london", "trial"]
    );
}

#[test]
fn captions_are_placed_in_the_chapter_they_precede() {
    let data = base();
    let chapter = data.chapter("the-end").unwrap();
    let items: Vec<String> = data
        .chapter_items(chapter)
        .iter()
        .map(|item| match item {
            ChapterItem::Paragraph(p) => p.id.to_string(),
            ChapterItem::Caption(c) => format!("caption {}", c.line),
        })
        .collect();
    assert_eq!(items, ["caption 10", "p12"]);
    assert_eq!(data.caption(3).and_then(|c| c.chapter), Some("beginnings"));
}

#[test]
fn mentions_prefer_the_longest_name_form() {
    let p7 = base().paragraph("p7").unwrap();
    assert_eq!(p7.people(), ["anna", "boris", "vera"]);
    let names: Vec<&str> = p7
        .marks
        .iter()
        .filter(|m| matches!(m.kind, MarkKind::Person(_)))
        .map(|m| &p7.text[m.span.range()])
        .collect();
    assert_eq!(
        names,
        ["Anna", "Boris Ivanov", "Vera Zasulich", "Anna Petrova"]
    );
}

#[test]
fn segments_cover_the_paragraph_and_mark_flags_and_repeats() {
    let data = base();
    let p7 = data.paragraph("p7").unwrap();
    let segments = data.segments(p7);
    assert_eq!(segments.iter().map(|s| s.text).collect::<String>(), p7.text);
    let flagged: Vec<&str> = segments
        .iter()
        .filter(|s| !s.flag_ends.is_empty())
        .map(|s| s.text)
        .collect();
    assert_eq!(flagged, ["In December, 1918", "January, 1918"]);

    let p12 = data.paragraph("p12").unwrap();
    let hidden: Vec<&str> = data
        .segments(p12)
        .iter()
        .filter(|s| s.duplicate.is_some())
        .map(|s| s.text)
        .collect();
    assert_eq!(hidden, ["The trial lasted a week."]);
    assert_eq!(
        p12.display_text(),
        "The trial opened on 19th August 1936. Boris Ivanov wrote about it at once. The trial lasted a week. Everyone agreed it was over."
    );
    assert_eq!(
        data.paragraph("p5").unwrap().display_text(),
        data.paragraph("p5").unwrap().text
    );
}

// ----- build output -----

/// The folder `build.rs` compiled [`DATA`] from.
fn compiled_dir() -> std::path::PathBuf {
    root().join(option_env!("DATASET_DIR").unwrap_or("data"))
}

#[test]
fn compiled_data_equals_the_validated_files() {
    let validated = validate(&Files::read(&compiled_dir()))
        .expect("build.rs compiled this folder, so it is valid");
    assert_eq!(DATA, validated);
}

#[test]
fn generated_code_is_plain_literals() {
    let code = super::codegen::generate(base());
    assert!(code.starts_with("// @generated"));
    assert!(code.contains("pub static DATA: Dataset = Dataset{paragraphs:&["));
    assert!(
        !code.contains("|") && !code.contains("fn "),
        "no closures or functions in the data"
    );
    assert!(
        code.contains("const T5: &str = "),
        "each paragraph's text is written once"
    );
    assert!(
        code.contains("text:T5,"),
        "the paragraph refers to its text constant"
    );
    assert!(
        code.contains("quote:sub(T"),
        "quotes are slices of their paragraph"
    );
}

// ----- the real data/ -----

/// The real dataset; fails with every problem listed if it is not valid yet.
fn real() -> &'static Dataset {
    static REAL: OnceLock<Dataset> = OnceLock::new();
    REAL.get_or_init(|| match validate(&Files::read(&root().join("data"))) {
        Ok(data) => data,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("{} problems in data/:\n{}", list.len(), list.join("\n"))
        }
    })
}

#[test]
fn real_data_has_every_kind_of_record() {
    let data = real();
    let counts = [
        ("paragraphs", data.paragraphs.len()),
        ("chapters", data.chapters.len()),
        ("captions", data.captions.len()),
        ("duplicates", data.duplicates.len()),
        ("people", data.people.len()),
        ("events", data.events.len()),
        ("positions", data.positions.len()),
        ("sources", data.sources.len()),
        ("notes", data.notes.len()),
        ("terms", data.terms.len()),
        ("questions", data.questions.len()),
        ("claims", data.claims.len()),
    ];
    for (what, count) in counts {
        assert!(count > 0, "no {what}");
    }
    assert!(data.people.len() >= 60, "only {} people", data.people.len());
    assert!(data.events.len() >= 50, "only {} events", data.events.len());
    assert_eq!(
        data.sources.iter().filter(|s| s.number.is_some()).count(),
        13,
        "the 13 primary sources"
    );
}

#[test]
fn real_chapters_are_non_empty_and_in_date_order() {
    let chapters = real().chapters;
    for chapter in chapters {
        assert!(
            !chapter.paragraphs.is_empty(),
            "chapter {} is empty",
            chapter.id
        );
    }
    for pair in chapters.windows(2) {
        assert!(
            pair[0].date.start <= pair[1].date.start,
            "chapter {} ({}) starts after chapter {} ({})",
            pair[0].id,
            pair[0].date,
            pair[1].id,
            pair[1].date
        );
    }
}

#[test]
fn real_trial_sources_are_all_present_and_dated() {
    // Primary sources (7) to (13) are the accounts of the August 1936 trial.
    for number in 7..=13 {
        let source = real().source_by_number(number);
        assert!(
            source.is_some_and(|s| s.trial_1936),
            "primary source ({number}) is not marked trial_1936"
        );
    }
    let trial: Vec<&Source> = real().sources.iter().filter(|s| s.trial_1936).collect();
    assert!(!trial.is_empty(), "no source is marked trial_1936");
    for source in trial {
        assert!(
            source.date().is_some(),
            "trial source {} has no date",
            source.id
        );
    }
}

#[test]
fn real_events_outside_1870_1940_are_flagged_or_writings() {
    let years = 1870..=1940;
    for event in real().events {
        let inside =
            years.contains(&event.date.start.year) && years.contains(&event.date.last().year);
        assert!(
            inside || !event.notes.is_empty() || event.kind == EventKind::Writing,
            "event {}",
            event.id
        );
    }
}

#[test]
fn real_people_are_all_mentioned_in_the_text() {
    let data = real();
    for person in data.people {
        assert!(
            data.mentions_of(person.id).next().is_some(),
            "{} is never mentioned",
            person.id
        );
    }
}

// ----- tidy -----

/// Pure modules must never import the UI or browser crates.
#[test]
fn pure_modules_do_not_import_ui_or_browser_crates() {
    let crates = ["leptos", "web_sys", "wasm_bindgen", "gloo"];
    let mut offences = Vec::new();
    for module in [
        "dataset", "quiz", "search", "schedule", "compare", "storage",
    ] {
        let dir = root().join("src").join(module);
        let single = root().join("src").join(format!("{module}.rs"));
        let files: Vec<std::path::PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries.map(|e| e.expect("dir entry").path()).collect(),
            Err(_) => single.exists().then_some(single).into_iter().collect(),
        };
        for path in files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        {
            let source = std::fs::read_to_string(&path).expect("source file");
            for (number, line) in source.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                let uses = |name: &str| {
                    code.contains(&format!("{name}::"))
                        || code.trim_start().starts_with(&format!("use {name}"))
                        || code.contains(&format!("#[{name}"))
                        || code.contains(&format!("extern crate {name}"))
                };
                if crates.iter().any(|name| uses(name)) {
                    offences.push(format!(
                        "{}:{}: {}",
                        path.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "UI or browser imports in pure modules:\n{}",
        offences.join("\n")
    );
}
