//! The comparison of the accounts of the 1936 trial, natively: distances, the "known by" filter, excerpts and
//! highlighting, source cards, the claims matrix and the page's URL state, on the real dataset.
#![cfg(not(target_arch = "wasm32"))]

use kamenev::compare::dates::{self, Amount, Day, Unit, CUTOFFS, TRIAL_OPENED, VERDICT};
use kamenev::compare::matrix::{self, claim_for, move_in_grid, shared_questions};
use kamenev::compare::query::{CompareQuery, View, MAX_PICKED};
use kamenev::compare::text::{highlight, quotation_around, sentence_around, Voice};
use kamenev::compare::{
    self, distance, known_by, label, trial_sources, Card, DateFlag, Distance, Known, Matrix,
    SortKey, NARRATOR_ONLY,
};
use kamenev::dataset::{Date, DateSpan, ParagraphKind, Source, SourceKind, Span, Stance, DATA};

fn source(id: &str) -> &'static Source {
    DATA.source(id).unwrap_or_else(|| panic!("no source {id}"))
}

fn span(iso: &str) -> DateSpan {
    DateSpan::parse_iso(iso, false).expect("a valid date")
}

fn date(iso: &str) -> Date {
    Date::parse_iso(iso).expect("a valid date")
}

fn ids(sources: &[&Source]) -> Vec<&'static str> {
    sources.iter().map(|s| s.id).collect()
}

// ----- days and distances -----

#[test]
fn days_count_across_months_years_and_leap_days() {
    assert_eq!(Day::new(1970, 1, 1), Day(0));
    assert_eq!(Day::new(1936, 9, 2).0 - VERDICT.0, 9);
    assert_eq!(VERDICT.0 - TRIAL_OPENED.0, 5);
    assert_eq!(
        Day::new(1937, 1, 1).0 - Day::new(1936, 1, 1).0,
        366,
        "1936 is a leap year"
    );
    assert_eq!(
        Day::new(1900, 3, 1).0 - Day::new(1900, 2, 28).0,
        1,
        "1900 is not"
    );
    assert_eq!(
        Day::new(2000, 3, 1).0 - Day::new(2000, 2, 28).0,
        2,
        "2000 is"
    );
}

#[test]
fn a_coarse_date_means_every_day_from_its_first_to_its_last() {
    assert_eq!(Day::first_of(date("1936")), Day::new(1936, 1, 1));
    assert_eq!(Day::last_of(date("1936")), Day::new(1936, 12, 31));
    assert_eq!(Day::last_of(date("1936-02")), Day::new(1936, 2, 29));
    assert_eq!(Day::last_of(date("1937-09")), Day::new(1937, 9, 30));
    assert_eq!(
        Day::first_of(date("1936-08-23")),
        Day::last_of(date("1936-08-23"))
    );
}

#[test]
fn the_trial_window_matches_the_dataset_events() {
    let opened = DATA.event("trial-opens").expect("event trial-opens").date;
    let verdict = DATA.event("verdict-1936").expect("event verdict-1936").date;
    assert_eq!(Day::first_of(opened.start), TRIAL_OPENED);
    assert_eq!(Day::first_of(verdict.start), VERDICT);
}

#[test]
fn distance_is_counted_in_days_close_to_the_trial_and_roughly_further_away() {
    let cases = [
        ("1936-08-23", "during the trial"),
        ("1936-08-19/1936-08-24", "during the trial"),
        ("1936-09-02", "9 days after the trial"),
        ("1936-08-25", "1 day after the trial"),
        ("1936-08-10", "9 days before the trial"),
        ("1937-01-17", "about 5 months after the trial"),
        ("1936-07", "about a month before the trial"),
        ("1937-11", "about 15 months after the trial"),
        ("1936-08", "in the month of the trial"),
        ("1936", "in the year of the trial"),
        ("1937", "about a year after the trial"),
        ("1951", "about 15 years after the trial"),
        ("2001", "about 65 years after the trial"),
        ("1942/1943", "about 6 years after the trial"),
    ];
    for (iso, expected) in cases {
        assert_eq!(distance(span(iso)).to_string(), expected, "{iso}");
    }
}

#[test]
fn an_approximate_day_is_said_to_be_about() {
    let loose = DateSpan::parse_iso("1936-09-10", true).unwrap();
    assert_eq!(
        distance(loose),
        Distance::After(Amount {
            count: 17,
            unit: Unit::Days,
            approximate: true
        })
    );
    assert_eq!(distance(loose).to_string(), "about 17 days after the trial");
}

#[test]
fn real_accounts_are_placed_at_their_publication() {
    let cases = [
        ("observer-1936", "during the trial"),
        ("kamenev-confession-1936", "during the trial"),
        ("new-republic-1936", "9 days after the trial"),
        ("new-statesman-1936", "12 days after the trial"),
        ("shachtman", "38 days after the trial"),
        ("page-arnot-1937", "about 15 months after the trial"),
        ("serge-memoirs", "about 15 years after the trial"),
        ("orlov-via-gazur", "about 65 years after the trial"),
        ("stalin-promise-1936", "about a month before the trial"),
    ];
    for (id, expected) in cases {
        let card = Card::of(&DATA, source(id), &trial_sources(&DATA));
        assert_eq!(
            card.distance.map(|d| d.to_string()).as_deref(),
            Some(expected),
            "{id}"
        );
    }
}

// ----- what a reader could know -----

#[test]
fn known_by_compares_publication_with_the_end_of_the_cutoff() {
    let observer = source("observer-1936");
    let arnot = source("page-arnot-1937");
    assert_eq!(known_by(observer, Some(date("1936-08-24"))), Known::Yes);
    assert_eq!(known_by(observer, Some(date("1936-08-22"))), Known::NotYet);
    assert_eq!(
        known_by(arnot, Some(date("1937-11"))),
        Known::Yes,
        "the end of the month counts"
    );
    assert_eq!(known_by(arnot, Some(date("1937"))), Known::Yes);
    assert_eq!(known_by(arnot, Some(date("1937-10-31"))), Known::NotYet);
    assert_eq!(
        known_by(source("radzinsky-stalin-1996"), Some(date("1996-06"))),
        Known::Perhaps
    );
    assert_eq!(
        known_by(source("stalin-promise-1936"), Some(date("2020"))),
        Known::NoDate,
        "never published"
    );
    for s in trial_sources(&DATA) {
        assert_eq!(
            known_by(s, None),
            Known::Yes,
            "today every account is known: {}",
            s.id
        );
    }
}

#[test]
fn the_picture_grows_from_the_verdict_to_today() {
    let known = |cutoff: &str| -> Vec<&str> {
        let cutoff = (!cutoff.is_empty()).then(|| date(cutoff));
        trial_sources(&DATA)
            .into_iter()
            .filter(|s| known_by(s, cutoff) == Known::Yes)
            .map(|s| s.id)
            .collect()
    };
    let at_verdict = known("1936-08-24");
    assert_eq!(
        at_verdict,
        [
            "kamenev-confession-1936",
            "kamenev-final-words-1936",
            "zinoviev-confession-1936",
            "observer-1936"
        ]
    );
    let counts: Vec<usize> = CUTOFFS.iter().map(|c| known(c.value).len()).collect();
    assert_eq!(counts, [4, 6, 7, 9, 10, trial_sources(&DATA).len()]);
    assert!(known("1936").contains(&"shachtman"));
    assert!(!known("1936").contains(&"trotsky-interview-1937"));
    assert!(!known("1960").contains(&"orlov-via-gazur"));
}

#[test]
fn cutoffs_are_valid_dates_in_order_and_labelled() {
    let dated: Vec<Date> = CUTOFFS
        .iter()
        .filter(|c| !c.value.is_empty())
        .map(|c| date(c.value))
        .collect();
    assert!(dated
        .windows(2)
        .all(|w| Day::last_of(w[0]) < Day::last_of(w[1])));
    assert_eq!(
        CUTOFFS.last().map(|c| c.value),
        Some(""),
        "today comes last"
    );
    assert_eq!(
        dates::cutoff_label(Some(date("1936-09"))),
        "the end of September 1936"
    );
    assert_eq!(
        dates::cutoff_label(Some(date("1945-05"))),
        "the end of May 1945"
    );
    assert_eq!(
        dates::cutoff_label(Some(date("1941-06-22"))),
        "22 June 1941"
    );
}

// ----- excerpts -----

#[test]
fn a_numbered_source_is_shown_whole_with_a_link_to_its_page() {
    let excerpts = compare::excerpts(&DATA, source("observer-1936"));
    assert_eq!(
        excerpts.len(),
        1,
        "p115 repeats p171: shown once, from the primary source"
    );
    let excerpt = &excerpts[0];
    assert_eq!(excerpt.paragraph, "p171");
    assert_eq!(excerpt.text, DATA.paragraph("p171").unwrap().text);
    assert_eq!(excerpt.voice, Voice::Source);
    assert_eq!(excerpt.href, "/sources/8#p171");
}

#[test]
fn a_quoted_account_is_cut_at_its_quotation_marks() {
    let excerpts = compare::excerpts(&DATA, source("orlov-via-gazur"));
    let p84 = excerpts.iter().find(|e| e.paragraph == "p84").expect("p84");
    assert_eq!(p84.voice, Voice::Quoted);
    assert!(p84.text.starts_with("Stalin decided to arrange"));
    assert!(
        p84.text.ends_with("shed the blood of Kirov"),
        "stops before Kravchenko: {}",
        p84.text
    );
    assert_eq!(p84.href, "/chapters/kirov-murder#p84");
    let p78 = excerpts.iter().find(|e| e.paragraph == "p78").expect("p78");
    assert_eq!(
        p78.voice,
        Voice::Reported,
        "p78 reports Orlov without quotation marks"
    );
    assert!(p78.text.starts_with("According to Alexander Orlov"));
}

#[test]
fn two_citations_inside_one_quotation_give_one_excerpt() {
    let excerpts = compare::excerpts(&DATA, source("kamenev-final-words-1936"));
    assert_eq!(excerpts.len(), 1);
    assert!(excerpts[0]
        .text
        .starts_with("I should like to say a few words to my children."));
    assert!(excerpts[0].text.ends_with("follow where Stalin leads."));
}

#[test]
fn a_reported_account_is_its_whole_sentence() {
    let radzinsky = compare::excerpts(&DATA, source("radzinsky-stalin-1996"));
    assert_eq!(radzinsky.len(), 1);
    assert_eq!(radzinsky[0].voice, Voice::Reported);
    assert!(radzinsky[0]
        .text
        .starts_with("Edvard Radzinsky, the author of Stalin (1996)"));
    assert!(radzinsky[0].text.ends_with("later both men were shot."));
    let stalin = compare::excerpts(&DATA, source("stalin-promise-1936"));
    assert_eq!(
        stalin[0].text,
        "Stalin replied: \"That goes without saying!\""
    );
}

#[test]
fn quotation_and_sentence_boundaries() {
    let text = r#"He said "one. two" and then. She wrote "three!" Next one."#;
    let find = |words: &str| {
        let start = text.find(words).unwrap() as u32;
        Span {
            start,
            end: start + words.len() as u32,
        }
    };
    let inside = quotation_around(text, find("two")).unwrap();
    assert_eq!(&text[inside.range()], "one. two");
    assert_eq!(quotation_around(text, find("and then")), None);
    assert_eq!(
        &text[sentence_around(text, find("and")).range()],
        r#"two" and then."#
    );
    assert_eq!(
        &text[sentence_around(text, find("She")).range()],
        r#"She wrote "three!""#
    );
    assert_eq!(
        &text[sentence_around(text, find("Next")).range()],
        "Next one."
    );
}

#[test]
fn every_trial_account_has_verbatim_excerpts_holding_its_citations() {
    for s in trial_sources(&DATA) {
        let excerpts = compare::excerpts(&DATA, s);
        assert!(!excerpts.is_empty(), "{} has no excerpt", s.id);
        for e in &excerpts {
            let paragraph = DATA.paragraph(e.paragraph).unwrap();
            assert_eq!(
                &paragraph.text[e.span.range()],
                e.text,
                "{} {}",
                s.id,
                e.paragraph
            );
            assert!(e.href.ends_with(&format!("#{}", e.paragraph)), "{}", e.href);
        }
        if s.number.is_none() {
            for citation in s.citations {
                assert!(
                    excerpts
                        .iter()
                        .any(|e| e.paragraph == citation.paragraph
                            && e.text.contains(citation.quote)),
                    "{}: the citation in {} is in no excerpt",
                    s.id,
                    citation.paragraph
                );
            }
        }
    }
}

#[test]
fn highlighting_splits_an_excerpt_at_its_claims_and_nothing_else() {
    let observer = source("observer-1936");
    let excerpt = &compare::excerpts(&DATA, observer)[0];
    let claims = matrix::claims_of(&DATA, observer.id);
    let pieces = highlight(excerpt, &claims);
    let joined: String = pieces.iter().map(|p| p.text).collect();
    assert_eq!(joined, excerpt.text);
    let staged = pieces
        .iter()
        .find(|p| p.text.starts_with("It is futile"))
        .expect("the first sentence is a piece");
    let questions: Vec<&str> = staged.claims.iter().map(|c| c.question).collect();
    assert!(
        questions.contains(&"real-plot") && questions.contains(&"trial-staged"),
        "{questions:?}"
    );
    let other = matrix::claims_of(&DATA, "new-republic-1936");
    assert_eq!(
        highlight(excerpt, &other).len(),
        1,
        "claims about other paragraphs are ignored"
    );
}

#[test]
fn every_claim_is_in_the_words_of_its_own_account() {
    for claim in DATA.claims {
        let s = source(claim.source);
        let found = compare::excerpts(&DATA, s)
            .iter()
            .any(|e| e.paragraph == claim.paragraph && e.text.contains(claim.quote));
        assert!(
            found,
            "claim {}/{}: the quote is not in an excerpt of that account",
            claim.question, claim.source
        );
    }
}

// ----- source cards -----

#[test]
fn serges_disputed_date_is_flagged_with_the_notes_correction() {
    let card = Card::of(&DATA, source("serge-memoirs"), &trial_sources(&DATA));
    assert_eq!(card.written, "1945");
    assert_eq!(card.published, "1951");
    let note = DATA.note("serge-memoirs-date").unwrap();
    assert_eq!(card.date_flags, [DateFlag::Disputed(note)]);
    let said = card.date_flags[0].explain();
    assert!(
        said.contains(note.title) && said.contains(note.correction.unwrap()),
        "{said}"
    );
}

#[test]
fn unknown_dates_are_flagged_and_known_ones_are_not() {
    let all = trial_sources(&DATA);
    let flags = |id: &str| Card::of(&DATA, source(id), &all).date_flags;
    assert_eq!(flags("orlov-via-gazur"), [DateFlag::WrittenUnknown]);
    assert_eq!(flags("stalin-promise-1936"), [DateFlag::PublicationUnknown]);
    assert_eq!(flags("observer-1936"), []);
    assert_eq!(flags("new-statesman-1936"), []);
}

#[test]
fn cards_show_role_place_first_hand_and_the_notes_that_apply() {
    let all = trial_sources(&DATA);
    let observer = Card::of(&DATA, source("observer-1936"), &all);
    assert_eq!(observer.role, "Journalist");
    assert_eq!(observer.source.place, Some("London"));
    assert!(observer.first_hand().starts_with("No"));
    assert_eq!(
        observer.notes.iter().map(|n| n.id).collect::<Vec<_>>(),
        ["trial-of-sixteen-details"]
    );
    let zinoviev = Card::of(&DATA, source("zinoviev-confession-1936"), &all);
    assert_eq!(zinoviev.role, "Defendant at the trial");
    assert!(zinoviev.first_hand().starts_with("Yes"));
    assert_eq!(zinoviev.published, "19–24 August 1936");
    let severities: Vec<_> = Card::of(&DATA, source("serge-memoirs"), &all)
        .notes
        .iter()
        .map(|n| n.severity)
        .collect();
    assert!(
        severities.windows(2).all(|w| w[0] <= w[1]),
        "most severe first"
    );
}

#[test]
fn an_author_with_two_accounts_is_named_with_the_work() {
    let all = trial_sources(&DATA);
    assert_eq!(
        label(source("kamenev-final-words-1936"), &all),
        "Lev Kamenev: Final words at his trial"
    );
    assert_eq!(label(source("observer-1936"), &all), "The Observer");
    assert_eq!(
        label(
            source("kamenev-final-words-1936"),
            &[source("observer-1936")]
        ),
        "Lev Kamenev"
    );
}

#[test]
fn the_nkvd_insider_label_fits_every_insider_among_the_trial_accounts() {
    for s in trial_sources(&DATA)
        .into_iter()
        .filter(|s| s.kind == SourceKind::Insider)
    {
        assert!(
            s.description.unwrap_or("").contains("NKVD"),
            "{} is labelled an NKVD insider",
            s.id
        );
    }
}

// ----- the matrix -----

#[test]
fn claims_are_only_about_trial_accounts_one_per_cell() {
    for claim in DATA.claims {
        assert!(
            source(claim.source).trial_1936,
            "claim {}/{} is not about a trial account",
            claim.question,
            claim.source
        );
        let same = DATA
            .claims
            .iter()
            .filter(|c| c.question == claim.question && c.source == claim.source)
            .count();
        assert_eq!(
            same, 1,
            "{}/{} has {same} claims",
            claim.question, claim.source
        );
    }
}

#[test]
fn every_question_is_contested_by_at_least_two_accounts() {
    let matrix = Matrix::new(&DATA, trial_sources(&DATA));
    for (row, question) in matrix.questions.iter().enumerate() {
        let said = matrix.row_counts(row);
        assert!(
            said.total() - said.silent >= 2,
            "{} has fewer than two accounts",
            question.id
        );
    }
}

#[test]
fn the_counts_add_up_to_every_cell_and_every_claim() {
    let sources = trial_sources(&DATA);
    let matrix = Matrix::new(&DATA, sources.clone());
    let counts = matrix.counts();
    assert_eq!(counts.total(), DATA.questions.len() * sources.len());
    assert_eq!(
        counts.asserts + counts.denies + counts.doubts,
        DATA.claims.len()
    );
    let asserts = DATA
        .claims
        .iter()
        .filter(|c| c.stance == Stance::Asserts)
        .count();
    assert_eq!(counts.asserts, asserts);
    let row: usize = (0..matrix.questions.len())
        .map(|r| matrix.row_counts(r).total())
        .sum();
    assert_eq!(row, counts.total());
}

#[test]
fn a_cell_holds_the_claim_of_its_question_and_source() {
    let sources = vec![source("observer-1936"), source("trotsky-interview-1937")];
    let matrix = Matrix::new(&DATA, sources);
    let row = DATA
        .questions
        .iter()
        .position(|q| q.id == "confessions-true")
        .unwrap();
    assert_eq!(matrix.cell(row, 0).map(|c| c.stance), Some(Stance::Asserts));
    assert_eq!(matrix.cell(row, 1).map(|c| c.stance), Some(Stance::Denies));
    let coerced = DATA
        .questions
        .iter()
        .position(|q| q.id == "coerced")
        .unwrap();
    assert_eq!(
        matrix.cell(coerced, 0),
        None,
        "the Observer is silent on coercion"
    );
    assert_eq!(matrix.cell(99, 0), None);
    assert_eq!(
        claim_for(&DATA, "coerced", "trotsky-interview-1937").map(|c| c.stance),
        Some(Stance::Asserts)
    );
}

#[test]
fn columns_sort_by_date_or_by_kind() {
    let mut sources = trial_sources(&DATA);
    let dates: Vec<Option<DateSpan>> = sources.iter().map(|s| s.date()).collect();
    let firsts: Vec<Day> = dates
        .iter()
        .flatten()
        .map(|d| Day::first_of(d.start))
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "by date");
    assert_eq!(
        sources.first().map(|s| s.id),
        Some("stalin-promise-1936"),
        "July 1936 comes first"
    );
    assert_eq!(sources.last().map(|s| s.id), Some("orlov-via-gazur"));
    matrix::sort_sources(&mut sources, SortKey::Kind);
    assert_eq!(sources[0].kind, SourceKind::Defendant);
    assert_eq!(sources.last().map(|s| s.kind), Some(SourceKind::Historian));
    let ranks: Vec<u8> = sources.iter().map(|s| compare::kind_rank(s.kind)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    let defendants = ids(&sources[..3]);
    assert_eq!(
        defendants,
        [
            "kamenev-confession-1936",
            "kamenev-final-words-1936",
            "zinoviev-confession-1936"
        ]
    );
}

#[test]
fn shared_questions_are_those_two_picked_accounts_both_answer() {
    let picked = [source("observer-1936"), source("new-republic-1936")];
    let shared: Vec<&str> = shared_questions(&DATA, &picked)
        .iter()
        .map(|(q, _)| q.id)
        .collect();
    assert_eq!(shared, ["confessions-true", "real-plot", "trial-staged"]);
    let lonely = [source("gazur-2001"), source("observer-1936")];
    assert!(shared_questions(&DATA, &lonely).is_empty());
}

#[test]
fn arrow_keys_move_through_the_grid_and_stop_at_its_edges() {
    assert_eq!(move_in_grid((0, 0), "ArrowRight", 3, 4), Some((0, 1)));
    assert_eq!(
        move_in_grid((0, 3), "ArrowRight", 3, 4),
        Some((0, 3)),
        "stays at the right edge"
    );
    assert_eq!(move_in_grid((0, 0), "ArrowUp", 3, 4), Some((0, 0)));
    assert_eq!(move_in_grid((1, 2), "ArrowDown", 3, 4), Some((2, 2)));
    assert_eq!(move_in_grid((1, 2), "ArrowLeft", 3, 4), Some((1, 1)));
    assert_eq!(move_in_grid((1, 2), "Home", 3, 4), Some((1, 0)));
    assert_eq!(move_in_grid((1, 2), "End", 3, 4), Some((1, 3)));
    assert_eq!(move_in_grid((1, 2), "PageDown", 3, 4), Some((2, 2)));
    assert_eq!(move_in_grid((1, 2), "PageUp", 3, 4), Some((0, 2)));
    assert_eq!(move_in_grid((1, 2), "a", 3, 4), None);
    assert_eq!(move_in_grid((0, 0), "ArrowDown", 0, 0), None);
    assert_eq!(
        move_in_grid((5, 9), "ArrowLeft", 3, 4),
        Some((2, 2)),
        "a stale position is clamped first"
    );
}

#[test]
fn question_numbers_follow_the_matrix_order() {
    assert_eq!(matrix::question_number(&DATA, DATA.questions[0].id), 1);
    assert_eq!(matrix::question_number(&DATA, "no-such-question"), 0);
}

#[test]
fn the_nkvd_agents_question_has_no_account_only_the_narrator() {
    for narrator in NARRATOR_ONLY {
        for (paragraph, quote) in narrator.citations {
            let p = DATA.paragraph(paragraph).expect("paragraph");
            assert_eq!(
                p.kind,
                ParagraphKind::Narrative,
                "{paragraph} is the narrator's"
            );
            assert!(p.text.contains(quote), "{paragraph}: {quote} is verbatim");
            for s in trial_sources(&DATA) {
                let says = compare::excerpts(&DATA, s)
                    .iter()
                    .any(|e| e.text.contains(quote));
                assert!(!says, "{} says {quote}: it belongs in the matrix", s.id);
            }
        }
        assert!(!DATA.questions.iter().any(|q| q.text == narrator.question));
    }
    let mentions_plants = trial_sources(&DATA)
        .into_iter()
        .flat_map(|s| compare::excerpts(&DATA, s))
        .any(|e| e.text.contains("NKVD"));
    assert!(
        !mentions_plants,
        "no account of the trial mentions NKVD agents among the accused"
    );
}

// ----- the URL -----

#[test]
fn the_query_from_the_brief_parses_and_round_trips() {
    let url = [
        ("view", "side"),
        ("s", "observer-1936,new-statesman-1936"),
        ("by", "1936-09"),
    ];
    let get = |key: &str| {
        url.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    };
    let query = CompareQuery::parse(get, &DATA);
    assert_eq!(query.view, View::Side);
    assert_eq!(query.picked, ["observer-1936", "new-statesman-1936"]);
    assert_eq!(query.by, Some(date("1936-09")));
    assert_eq!(query.sort, SortKey::Date);
    assert_eq!(
        query.href(),
        "/compare?view=side&s=observer-1936,new-statesman-1936&by=1936-09"
    );
}

#[test]
fn unknown_values_in_the_query_are_dropped() {
    let url = [
        ("view", "nonsense"),
        ("s", "observer-1936,no-such,observer-1936,granat-1924,new-republic-1936,shachtman,gazur-2001,serge-memoirs"),
        ("by", "Sept 1936"),
        ("sort", "colour"),
        ("q", "<script>"),
    ];
    let get = |key: &str| {
        url.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    };
    let query = CompareQuery::parse(get, &DATA);
    assert_eq!(query.view, View::Cards);
    assert_eq!(
        query.picked,
        [
            "observer-1936",
            "new-republic-1936",
            "shachtman",
            "gazur-2001"
        ],
        "unknown, repeated and non-trial ids are dropped, and at most four kept"
    );
    assert_eq!(query.by, None);
    assert_eq!(query.sort, SortKey::Date);
    assert_eq!(query.question, None);
    assert_eq!(
        query.href(),
        "/compare?s=observer-1936,new-republic-1936,shachtman,gazur-2001"
    );
    assert_eq!(CompareQuery::default().href(), "/compare");
}

#[test]
fn picking_toggles_and_stops_at_four() {
    let mut query = CompareQuery::default();
    for id in [
        "observer-1936",
        "new-republic-1936",
        "new-statesman-1936",
        "shachtman",
    ] {
        query = query.toggled(id);
    }
    assert_eq!(query.picked.len(), MAX_PICKED);
    assert!(!query.can_pick_more());
    assert_eq!(query.toggled("gazur-2001"), query, "a fifth is refused");
    let fewer = query.toggled("new-republic-1936");
    assert_eq!(
        fewer.picked,
        ["observer-1936", "new-statesman-1936", "shachtman"]
    );
    assert!(fewer.is_picked("shachtman") && !fewer.is_picked("new-republic-1936"));
    let matrix = fewer
        .with_view(View::Matrix)
        .with_sort(SortKey::Kind)
        .with_by(Some(date("1937")));
    assert_eq!(
        matrix.href(),
        "/compare?view=matrix&s=observer-1936,new-statesman-1936,shachtman&by=1937&sort=kind"
    );
    assert_eq!(
        matrix
            .with_question(Some("coerced"))
            .to_query()
            .rsplit('&')
            .next(),
        Some("q=coerced")
    );
}

#[test]
fn places_are_named_for_links() {
    assert_eq!(
        compare::text::place_label(&DATA, "p171"),
        "primary source 8, paragraph 171"
    );
    let chapter = DATA.chapter_of("p84").unwrap();
    assert_eq!(
        compare::text::place_label(&DATA, "p84"),
        format!("chapter “{}”, paragraph 84", chapter.title)
    );
}
