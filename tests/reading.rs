//! Native tests of the reading logic (`src/reading`): mention linking and the render plan of paragraphs, glossary
//! first uses, preferences and progress storage, the people index, and links between pages.
#![cfg(not(target_arch = "wasm32"))]

use kamenev::dataset::{Faction, Mark, MarkKind, Paragraph, ParagraphKind, Span, Term, DATA};
use kamenev::reading::glossary::{first_uses, term_uses, whole_word_starts, TermUse};
use kamenev::reading::inline::{page_pieces, paragraph_pieces, PanelIds, Piece};
use kamenev::reading::links::{
    chapters_quoting, note_href, paragraph_href, readable_path, sources_quoted_in,
};
use kamenev::reading::people::{
    group_people, matches, mention_snippet, position_dates, positions_in_order, sort_key,
};
use kamenev::reading::prefs::{self, LineSpacing, Prefs, TextSize, Theme};
use kamenev::reading::progress::{self, ReadingProgress};
use kamenev::reading::saved::load_once;
use kamenev::storage::{bad_key, save_versioned, MemoryStore, Store};

// ----- helpers -----

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// A paragraph with `text` and marks: on every whole-word occurrence of a person's name (as the build marks
/// them), on the first occurrence of other quotes.
fn paragraph(id: &'static str, text: &str, marks: &[(&str, MarkKind)]) -> &'static Paragraph {
    let text: &'static str = Box::leak(text.to_string().into_boxed_str());
    let mut marks: Vec<Mark> = marks
        .iter()
        .flat_map(|(quote, kind)| {
            let starts: Vec<usize> = match kind {
                MarkKind::Person(_) => whole_word_starts(text, quote).collect(),
                _ => text.find(quote).into_iter().collect(),
            };
            assert!(!starts.is_empty(), "{quote} not in {text}");
            starts.into_iter().map(move |start| Mark {
                span: Span {
                    start: start as u32,
                    end: (start + quote.len()) as u32,
                },
                kind: *kind,
            })
        })
        .collect();
    marks.sort_by_key(|m| m.span.start);
    leak(Paragraph {
        id,
        line: id[1..].parse().unwrap(),
        kind: ParagraphKind::Narrative,
        text,
        source_number: None,
        marks: Box::leak(marks.into_boxed_slice()),
    })
}

fn term(id: &'static str, term: &'static str, variants: &'static [&'static str]) -> Term {
    Term {
        id,
        term,
        variants,
        definition: "A definition.",
        paragraph: "p1",
        quote: term,
        citations: &[],
        notes: &[],
    }
}

/// The words a reader sees: all text pieces, flagged or not, in order.
fn shown_text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) | Piece::Person { text, .. } | Piece::Term { text, .. } => {
                text.to_string()
            }
            Piece::Flagged { pieces, .. } => shown_text(pieces),
            Piece::Marker { .. } | Piece::Omitted(_) => String::new(),
        })
        .collect()
}

fn flatten(pieces: &[Piece]) -> Vec<&Piece> {
    pieces
        .iter()
        .flat_map(|piece| match piece {
            Piece::Flagged { pieces, .. } => std::iter::once(piece)
                .chain(flatten(pieces))
                .collect::<Vec<_>>(),
            other => vec![other],
        })
        .collect()
}

fn links(pieces: &[Piece]) -> Vec<(&'static str, &'static str)> {
    flatten(pieces)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Person { text, person } => Some((*person, *text)),
            _ => None,
        })
        .collect()
}

fn pieces_of(paragraph: &'static Paragraph) -> Vec<Piece> {
    paragraph_pieces(&DATA, paragraph, &[], &mut PanelIds::default())
}

fn chapter_pieces(chapter: &str) -> (Vec<&'static Paragraph>, Vec<Vec<Piece>>) {
    let chapter = DATA.chapter(chapter).expect("known chapter");
    let paragraphs: Vec<&'static Paragraph> = DATA.chapter_paragraphs(chapter).collect();
    let pieces = page_pieces(&DATA, &paragraphs, DATA.terms);
    (paragraphs, pieces)
}

// ----- mention linking -----

#[test]
fn only_the_first_mention_of_each_person_in_a_paragraph_is_linked() {
    let p9 = DATA.paragraph("p9").unwrap();
    let linked = links(&pieces_of(p9));
    let people: Vec<&str> = linked.iter().map(|(person, _)| *person).collect();
    assert_eq!(
        people,
        p9.people(),
        "one link per person, in order of first mention"
    );
    assert!(linked.contains(&("trotsky", "Leon Trotsky")));
    assert!(linked.contains(&("zinoviev", "Gregory Zinoviev")));
    let zinoviev_mentions = p9
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Person("zinoviev"))
        .count();
    assert!(
        zinoviev_mentions > 5,
        "the paragraph names Zinoviev many times"
    );
}

#[test]
fn every_paragraph_links_each_person_it_mentions_exactly_once() {
    for chapter in DATA.chapters {
        let (paragraphs, pages) = chapter_pieces(chapter.id);
        for (paragraph, pieces) in paragraphs.iter().zip(&pages) {
            let linked = links(pieces);
            let mut people: Vec<&str> = linked.iter().map(|(p, _)| *p).collect();
            people.sort();
            people.dedup();
            assert_eq!(
                people.len(),
                linked.len(),
                "{}: a person is linked twice",
                paragraph.id
            );
            let in_terms: Vec<&str> = flatten(pieces)
                .into_iter()
                .flat_map(|p| match p {
                    Piece::Term { people, .. } => people.clone(),
                    _ => Vec::new(),
                })
                .collect();
            for person in paragraph.people() {
                assert!(
                    people.contains(&person) || in_terms.contains(&person),
                    "{}: {person} is mentioned but never linked",
                    paragraph.id
                );
            }
        }
    }
}

#[test]
fn a_name_inside_a_glossary_term_belongs_to_the_term() {
    let terms = [term("kornilov-crisis", "Kornilov crisis", &[])];
    let p = paragraph(
        "p9",
        "At the Kornilov crisis, Kornilov marched.",
        &[("Kornilov", MarkKind::Person("kornilov"))],
    );
    let pieces = page_pieces(&DATA, &[p], &terms).remove(0);
    assert_eq!(
        pieces,
        vec![
            Piece::Text("At the "),
            Piece::Term {
                text: "Kornilov crisis",
                term: "kornilov-crisis",
                people: vec!["kornilov"]
            },
            Piece::Text(", "),
            Piece::Person {
                text: "Kornilov",
                person: "kornilov"
            },
            Piece::Text(" marched."),
        ]
    );
}

#[test]
fn link_text_is_the_name_as_the_text_writes_it() {
    let p = paragraph(
        "p1",
        "Gregory Zinoviev met Lenin. Zinoviev and Lenin talked.",
        &[
            ("Gregory Zinoviev", MarkKind::Person("zinoviev")),
            ("Lenin", MarkKind::Person("lenin")),
        ],
    );
    let pieces = pieces_of(p);
    assert_eq!(
        pieces,
        vec![
            Piece::Person {
                text: "Gregory Zinoviev",
                person: "zinoviev"
            },
            Piece::Text(" met "),
            Piece::Person {
                text: "Lenin",
                person: "lenin"
            },
            Piece::Text(". Zinoviev and Lenin talked."),
        ]
    );
}

#[test]
fn the_shown_words_are_the_paragraph_without_its_repeated_passages() {
    for paragraph in DATA.paragraphs {
        assert_eq!(
            shown_text(&pieces_of(paragraph)),
            paragraph.display_text(),
            "{} is shown verbatim",
            paragraph.id
        );
    }
}

#[test]
fn flagged_words_are_one_run_followed_by_a_marker_for_each_note() {
    let p38 = DATA.paragraph("p38").unwrap();
    let pieces = pieces_of(p38);
    let first = pieces
        .iter()
        .position(|p| matches!(p, Piece::Flagged { .. }))
        .unwrap();
    let Piece::Flagged {
        notes,
        pieces: inside,
    } = &pieces[first]
    else {
        unreachable!()
    };
    assert_eq!(notes, &vec!["mission-1918-dates"]);
    assert_eq!(shown_text(inside), "In December, 1918");
    assert_eq!(
        pieces[first + 1],
        Piece::Marker {
            note: "mission-1918-dates",
            panel: "note-mission-1918-dates".into()
        }
    );
    let panels: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Marker { panel, .. } => Some(panel.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        panels.contains(&"note-mission-1918-dates-2"),
        "the second flag has its own panel: {panels:?}"
    );
}

#[test]
fn a_name_inside_flagged_words_is_linked_inside_the_same_mark() {
    let p = paragraph(
        "p2",
        "Later, Stalin was frustrated by Stalin's lack of success.",
        &[
            ("Stalin", MarkKind::Person("stalin")),
            (
                "Stalin was frustrated by Stalin's lack",
                MarkKind::Flag("lack-of-success"),
            ),
        ],
    );
    let pieces = pieces_of(p);
    assert_eq!(
        pieces,
        vec![
            Piece::Text("Later, "),
            Piece::Flagged {
                notes: vec!["lack-of-success"],
                pieces: vec![
                    Piece::Person {
                        text: "Stalin",
                        person: "stalin"
                    },
                    Piece::Text(" was frustrated by Stalin's lack"),
                ],
            },
            Piece::Marker {
                note: "lack-of-success",
                panel: "note-lack-of-success".into()
            },
            Piece::Text(" of success."),
        ]
    );
}

#[test]
fn a_repeated_passage_is_replaced_by_one_omission_note() {
    let p78 = DATA.paragraph("p78").unwrap();
    let pieces = pieces_of(p78);
    let omitted: Vec<&Piece> = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Omitted(_)))
        .collect();
    assert_eq!(omitted, vec![&Piece::Omitted("kirov-holiday-twice")]);
    let p76 = DATA.paragraph("p76").unwrap();
    assert_eq!(
        pieces_of(p76)[0],
        Piece::Omitted("kirov-reconciliation-repeated")
    );
}

#[test]
fn a_name_only_inside_a_repeated_passage_is_linked_where_it_is_shown() {
    let p = paragraph(
        "p3",
        "Kirov spoke. Kirov spoke. Then Kirov left.",
        &[
            ("Kirov spoke. ", MarkKind::Duplicate("twice")),
            ("Kirov", MarkKind::Person("kirov")),
        ],
    );
    // The first "Kirov" is inside the hidden passage; the link goes on the next one shown.
    let pieces = pieces_of(p);
    assert_eq!(pieces[0], Piece::Omitted("twice"));
    assert_eq!(links(&pieces), vec![("kirov", "Kirov")]);
    assert_eq!(shown_text(&pieces), p.display_text());
}

#[test]
fn note_panel_ids_are_unique_on_every_chapter_page() {
    for chapter in DATA.chapters {
        let (_, pieces) = chapter_pieces(chapter.id);
        let mut ids: Vec<String> = pieces
            .iter()
            .flat_map(|p| flatten(p).into_iter().cloned().collect::<Vec<_>>())
            .filter_map(|p| match p {
                Piece::Marker { panel, .. } => Some(panel),
                _ => None,
            })
            .collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "{}: duplicate note panel ids", chapter.id);
    }
}

#[test]
fn every_flag_in_a_chapter_gets_a_marker_and_every_note_has_a_page() {
    for note in DATA.notes {
        let href = note_href(&DATA, note).unwrap_or_else(|| panic!("{} has no page", note.id));
        assert!(href.ends_with(&format!("#note-{}", note.id)), "{href}");
        let page_paragraphs: Vec<&'static Paragraph> = match href.split('#').next().unwrap() {
            page if page.starts_with("/chapters/") => DATA
                .chapter_paragraphs(DATA.chapter(&page[10..]).unwrap())
                .collect(),
            page => {
                let number: u8 = page.trim_start_matches("/sources/").parse().unwrap();
                DATA.source_paragraphs(number).collect()
            }
        };
        let pieces = page_pieces(&DATA, &page_paragraphs, DATA.terms);
        let first_panel = pieces.iter().flat_map(|p| flatten(p)).any(|piece| {
            matches!(piece, Piece::Marker { panel, .. } if *panel == format!("note-{}", note.id))
        });
        assert!(
            first_panel,
            "{}: {href} shows no panel with that id",
            note.id
        );
    }
}

// ----- glossary -----

#[test]
fn terms_match_whole_words_only_and_as_written() {
    let text = "Soviets met the Soviet; soviet power; a Soviet-style state";
    let starts: Vec<usize> = whole_word_starts(text, "Soviet").collect();
    assert_eq!(starts, vec![16, 40]);
    assert_eq!(whole_word_starts(text, "").count(), 0);
}

#[test]
fn the_longest_of_overlapping_terms_wins() {
    let terms = [
        term("soviet", "Soviet", &[]),
        term("moscow-soviet", "Moscow Soviet", &[]),
    ];
    let p = paragraph("p4", "He led the Moscow Soviet, not any other Soviet.", &[]);
    let uses: Vec<&str> = term_uses(p, &terms).iter().map(|u| u.term).collect();
    assert_eq!(uses, vec!["moscow-soviet", "soviet"]);
}

#[test]
fn a_term_is_explained_at_its_first_use_in_the_chapter_only() {
    let terms = [
        term("bolsheviks", "Bolsheviks", &["Bolshevik"]),
        term("duma", "Duma", &[]),
    ];
    let a = paragraph("p5", "The Bolshevik group in the Duma.", &[]);
    let b = paragraph("p6", "The Bolsheviks and the Duma again.", &[]);
    let uses = first_uses([a, b], &terms);
    assert_eq!(
        uses,
        vec![
            TermUse {
                term: "bolsheviks",
                paragraph: "p5",
                span: Span { start: 4, end: 13 }
            },
            TermUse {
                term: "duma",
                paragraph: "p5",
                span: Span { start: 27, end: 31 }
            },
        ]
    );
}

#[test]
fn a_term_overlapping_a_name_or_crossing_flagged_words_waits_for_its_next_use() {
    let terms = [term("pravda", "Pravda", &[])];
    let p = paragraph(
        "p7",
        "Pravda Smith wrote. Then Pravda came. He read Pravda daily. Pravda again.",
        &[
            ("Pravda Smith", MarkKind::Person("smith")),
            ("Then Pra", MarkKind::Flag("edge")),
            ("read Pravda daily", MarkKind::Flag("whole")),
        ],
    );
    let uses: Vec<usize> = term_uses(p, &terms)
        .iter()
        .map(|u| u.span.start as usize)
        .collect();
    let expected: Vec<usize> = vec![
        p.text.find("Pravda daily").unwrap(),
        p.text.find("Pravda again").unwrap(),
    ];
    assert_eq!(
        uses, expected,
        "inside a name and across a flag's edge are skipped; inside a flag is kept"
    );
}

#[test]
fn the_pieces_explain_each_term_once_per_chapter_and_again_in_the_next() {
    let mut explained_in = Vec::new();
    for chapter in DATA.chapters {
        let (_, pieces) = chapter_pieces(chapter.id);
        let terms: Vec<&str> = pieces
            .iter()
            .flat_map(|p| flatten(p).into_iter().cloned().collect::<Vec<_>>())
            .filter_map(|p| match p {
                Piece::Term { term, .. } => Some(term),
                _ => None,
            })
            .collect();
        let mut unique = terms.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            terms.len(),
            "{}: a term is explained twice",
            chapter.id
        );
        explained_in.push((chapter.id, terms));
    }
    let bolsheviks = explained_in
        .iter()
        .filter(|(_, t)| t.contains(&"bolsheviks"))
        .count();
    assert!(
        bolsheviks >= 2,
        "Bolsheviks is explained in each chapter that uses it"
    );
}

#[test]
fn every_glossary_term_is_explained_somewhere_in_the_text() {
    let reading_order: Vec<&'static Paragraph> = DATA
        .paragraphs
        .iter()
        .filter(|p| {
            matches!(
                p.kind,
                ParagraphKind::Narrative | ParagraphKind::SourceHeading | ParagraphKind::SourceBody
            )
        })
        .collect();
    let uses = first_uses(reading_order.iter().copied(), DATA.terms);
    for term in DATA.terms {
        assert!(
            uses.iter().any(|u| u.term == term.id),
            "glossary term {} is never found in the text as written",
            term.id
        );
    }
}

// ----- preferences, progress and saved state -----

#[test]
fn default_preferences_follow_the_device_theme() {
    let prefs = Prefs::default();
    assert_eq!(
        (prefs.text_size, prefs.line_spacing, prefs.theme),
        (TextSize::Medium, LineSpacing::Normal, Theme::System)
    );
    assert_eq!(
        prefs.root_attributes(),
        [
            ("data-text-size", Some("medium")),
            ("data-line-spacing", Some("normal")),
            ("data-theme", None)
        ]
    );
    let dark = Prefs {
        theme: Theme::Dark,
        text_size: TextSize::Largest,
        ..Prefs::default()
    };
    assert_eq!(
        dark.root_attributes()[0],
        ("data-text-size", Some("largest"))
    );
    assert_eq!(dark.root_attributes()[2], ("data-theme", Some("dark")));
}

#[test]
fn preferences_are_saved_with_their_keywords_and_load_back() {
    let store = MemoryStore::new();
    let prefs = Prefs {
        text_size: TextSize::Large,
        line_spacing: LineSpacing::Relaxed,
        theme: Theme::Light,
    };
    save_versioned(&store, prefs::KEY, prefs::VERSION, &prefs).unwrap();
    let raw = store.get(prefs::KEY).unwrap().unwrap();
    assert!(raw.contains(r#""text_size":"large""#), "{raw}");
    let loaded = load_once::<Prefs>(&store, prefs::KEY, prefs::VERSION, prefs::WHAT);
    assert_eq!((loaded.value, loaded.problem), (prefs, None));
}

#[test]
fn missing_preference_fields_take_their_defaults() {
    let store = MemoryStore::new();
    store
        .set(prefs::KEY, r#"{"version":1,"data":{"theme":"dark"}}"#)
        .unwrap();
    let loaded = load_once::<Prefs>(&store, prefs::KEY, prefs::VERSION, prefs::WHAT);
    assert_eq!(
        loaded.value,
        Prefs {
            theme: Theme::Dark,
            ..Prefs::default()
        }
    );
    assert_eq!(loaded.problem, None);
}

#[test]
fn corrupt_preferences_fall_back_to_defaults_and_are_reported_once() {
    let store = MemoryStore::new();
    store
        .set(
            prefs::KEY,
            r#"{"version":1,"data":{"text_size":"enormous"}}"#,
        )
        .unwrap();
    let first = load_once::<Prefs>(&store, prefs::KEY, prefs::VERSION, prefs::WHAT);
    assert_eq!(first.value, Prefs::default());
    let message = first.problem.expect("the reader is told");
    assert!(
        message.starts_with("Your reading preferences could not be read"),
        "{message}"
    );
    assert_eq!(
        store.get(&bad_key(prefs::KEY)).unwrap().as_deref(),
        Some(r#"{"version":1,"data":{"text_size":"enormous"}}"#),
        "the unreadable data is kept aside"
    );
    let second = load_once::<Prefs>(&store, prefs::KEY, prefs::VERSION, prefs::WHAT);
    assert_eq!(
        (second.value, second.problem),
        (Prefs::default(), None),
        "told once, not on every visit"
    );
}

#[test]
fn corrupt_data_that_cannot_be_kept_aside_is_left_alone_and_reported_again() {
    let store = MemoryStore::with_quota(60);
    store.set(progress::KEY, "not json at all").unwrap();
    let first =
        load_once::<ReadingProgress>(&store, progress::KEY, progress::VERSION, progress::WHAT);
    assert!(first.problem.unwrap().contains("could not be kept aside"));
    assert_eq!(
        store.get(progress::KEY).unwrap().as_deref(),
        Some("not json at all"),
        "nothing is lost"
    );
    let second =
        load_once::<ReadingProgress>(&store, progress::KEY, progress::VERSION, progress::WHAT);
    assert!(second.problem.is_some());
}

#[test]
fn missing_saved_state_loads_the_defaults_silently() {
    let store = MemoryStore::new();
    let loaded =
        load_once::<ReadingProgress>(&store, progress::KEY, progress::VERSION, progress::WHAT);
    assert_eq!(
        (loaded.value, loaded.problem),
        (ReadingProgress::default(), None)
    );
    assert_eq!(
        store.get(progress::KEY).unwrap(),
        None,
        "nothing is written just by loading"
    );
}

#[test]
fn reading_progress_counts_known_chapters_and_finds_the_next_unread() {
    let chapters = ["early-life", "joining", "revolution"];
    let mut progress = ReadingProgress::default();
    assert_eq!(progress.next_unread(&chapters), Some("early-life"));
    assert!(progress.mark_read("early-life"));
    assert!(
        !progress.mark_read("early-life"),
        "marking twice changes nothing"
    );
    assert!(progress.mark_read("a-removed-chapter"));
    assert_eq!(progress.count_read(&chapters), 1);
    assert_eq!(progress.next_unread(&chapters), Some("joining"));
    assert!(progress.mark_unread("early-life"));
    assert!(!progress.is_read("early-life"));
    assert!(!progress.mark_unread("early-life"));
    for chapter in chapters {
        progress.mark_read(chapter);
    }
    assert_eq!(progress.next_unread(&chapters), None);

    let store = MemoryStore::new();
    save_versioned(&store, progress::KEY, progress::VERSION, &progress).unwrap();
    let loaded =
        load_once::<ReadingProgress>(&store, progress::KEY, progress::VERSION, progress::WHAT);
    assert_eq!(loaded.value, progress);
}

// ----- people -----

#[test]
fn people_are_grouped_by_faction_in_1903_then_everyone_else() {
    let groups = group_people(DATA.people, "");
    let factions: Vec<Option<Faction>> = groups.iter().map(|g| g.faction).collect();
    assert_eq!(
        factions,
        vec![Some(Faction::Bolshevik), Some(Faction::Menshevik), None]
    );
    assert_eq!(
        groups.iter().map(|g| g.people.len()).sum::<usize>(),
        DATA.people.len()
    );
    assert!(groups[0].people.iter().any(|p| p.id == "kamenev"));
    assert!(groups[1].people.iter().any(|p| p.id == "trotsky"));
    for group in &groups {
        let keys: Vec<_> = group.people.iter().map(|p| sort_key(p.name)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{} is sorted by surname", group.heading());
    }
}

#[test]
fn names_sort_by_surname_and_monarchs_by_name() {
    assert_eq!(sort_key("Lev Kamenev").0, "kamenev");
    assert_eq!(sort_key("Nicholas II").0, "nicholas");
    assert_eq!(sort_key("Robin Page Arnot").0, "arnot");
}

#[test]
fn the_filter_matches_names_as_the_text_writes_them_and_roles() {
    let zinoviev = DATA.person("zinoviev").unwrap();
    assert!(matches(zinoviev, "gregory"), "a variant of the name");
    assert!(
        matches(zinoviev, "  ZINOVIEV "),
        "case and spaces do not matter"
    );
    assert!(
        !matches(zinoviev, "zinoviev trotsky"),
        "every word must match"
    );
    let groups = group_people(DATA.people, "tsar");
    assert!(groups
        .iter()
        .flat_map(|g| &g.people)
        .any(|p| p.id == "nicholas-ii"));
    assert!(group_people(DATA.people, "no such person qwxz").is_empty());
}

#[test]
fn positions_are_listed_in_time_order_with_undated_ones_last() {
    let positions = positions_in_order(DATA.positions_of("kamenev"));
    assert!(positions.len() > 3);
    let dates: Vec<_> = positions.iter().map(|p| p.from.or(p.to)).collect();
    let dated = dates.iter().take_while(|d| d.is_some()).count();
    assert!(dates[dated..].iter().all(|d| d.is_none()), "undated last");
    assert!(
        dates[..dated].windows(2).all(|w| w[0] <= w[1]),
        "dated in order"
    );
    let moscow = DATA.position("kamenev-chairman-moscow-soviet");
    if let Some(moscow) = moscow {
        assert!(position_dates(moscow).is_some());
    }
}

#[test]
fn a_mention_snippet_cuts_at_spaces_around_the_name() {
    let p9 = DATA.paragraph("p9").unwrap();
    let snippet = mention_snippet(p9, "trotsky", 40).unwrap();
    assert_eq!(snippet.name, "Leon Trotsky");
    assert!(
        snippet.before.starts_with('…') && !snippet.before.starts_with("… "),
        "{:?}",
        snippet.before
    );
    assert!(snippet.after.ends_with('…'), "{:?}", snippet.after);
    assert!(snippet.before.chars().count() <= 41 && snippet.after.chars().count() <= 41);
    let joined = format!(
        "{}{}{}",
        snippet.before.trim_start_matches('…'),
        snippet.name,
        snippet.after.trim_end_matches('…')
    );
    assert!(
        p9.text.contains(&joined),
        "the snippet is verbatim: {joined}"
    );
    let short = paragraph(
        "p8",
        "Lenin spoke.",
        &[("Lenin", MarkKind::Person("lenin"))],
    );
    let whole = mention_snippet(short, "lenin", 40).unwrap();
    assert_eq!(
        (whole.before.as_str(), whole.name, whole.after.as_str()),
        ("", "Lenin", " spoke.")
    );
    assert_eq!(mention_snippet(short, "stalin", 40), None);
}

// ----- links -----

#[test]
fn paragraphs_link_to_their_chapter_or_primary_source() {
    let chapter = DATA.chapter_of("p38").unwrap();
    assert_eq!(
        paragraph_href(&DATA, "p38"),
        Some(format!("/chapters/{}#p38", chapter.id))
    );
    assert_eq!(
        paragraph_href(&DATA, "p135"),
        Some("/sources/4#p135".to_string())
    );
    let caption = &DATA.captions[DATA.captions.len() - 1];
    let href = paragraph_href(&DATA, caption.paragraph).unwrap();
    assert!(href.starts_with("/chapters/"), "{href}");
    assert_eq!(paragraph_href(&DATA, "p1"), None, "the title is on no page");
    assert_eq!(paragraph_href(&DATA, "p9999"), None);
}

#[test]
fn chapters_link_to_the_primary_sources_they_quote_and_back() {
    let early = DATA.chapter_of("p9").unwrap();
    let quoted = sources_quoted_in(&DATA, early.paragraphs);
    assert!(
        quoted
            .iter()
            .any(|(p, s)| *p == "p9" && s.number == Some(6)),
        "{quoted:?}"
    );
    let trotsky = DATA.source_by_number(6).unwrap();
    let back = chapters_quoting(&DATA, trotsky);
    assert_eq!(
        back.first().map(|(c, p)| (c.id, *p)),
        Some((early.id, "p9"))
    );
    let granat = DATA.source_by_number(1).unwrap();
    assert!(
        chapters_quoting(&DATA, granat).is_empty(),
        "source 1 is quoted only in the sources section"
    );
}

// ----- tidy -----

#[test]
fn the_reading_logic_never_imports_ui_or_browser_crates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/reading");
    let mut offences = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in ["leptos", "web_sys", "wasm_bindgen", "gloo", "js_sys"] {
                if code.contains(&format!("{name}::"))
                    || code.trim_start().starts_with(&format!("use {name}"))
                {
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
        "UI or browser imports in src/reading:\n{}",
        offences.join("\n")
    );
}

#[test]
fn a_requested_path_is_shown_decoded_where_it_spells_text() {
    let cases = [
        ("/chapters/early-life", "/chapters/early-life"),
        (
            "/chapters/%3Cscript%3Ealert(1)%3C/script%3E",
            "/chapters/<script>alert(1)</script>",
        ),
        ("/people/Zin%C3%B3viev", "/people/Zinóviev"),
        ("/people/zin%c3%b3viev", "/people/zinóviev"),
        (
            "/people/%D0%9A%D0%B0%D0%BC%D0%B5%D0%BD%D0%B5%D0%B2",
            "/people/Каменев",
        ),
        ("/a%20b", "/a b"),
        // Control characters, bytes that are not UTF-8 and malformed escapes stay as written.
        ("/a%00b%0A", "/a%00b%0A"),
        ("/%E0%A4%A/%ZZ", "/%E0%A4%A/%ZZ"),
        ("/%FF%C3%B3", "/%FFó"),
        ("/%C3", "/%C3"),
        ("/%e0%a4", "/%E0%A4"),
        ("/100%", "/100%"),
        ("/%", "/%"),
        ("/%4", "/%4"),
        ("/ó%", "/ó%"),
    ];
    for (path, shown) in cases {
        assert_eq!(readable_path(path, 120), shown, "{path}");
    }
}

#[test]
fn a_requested_path_is_cut_to_a_number_of_characters() {
    let long = format!("/{}", "%C3%B3".repeat(300));
    let shown = readable_path(&long, 120);
    assert_eq!(shown.chars().count(), 120);
    assert_eq!(shown, format!("/{}", "ó".repeat(119)));
    assert_eq!(readable_path("/abc", 2), "/a");
}

#[test]
fn any_path_gives_text_without_panicking() {
    // Every short mix of escapes, hex digits and multi-byte characters.
    let pieces = [
        "%", "C3", "B3", "E0", "A4", "F0", "9F", "98", "80", "ZZ", "ó", "/", "a", "00", "%%",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                for d in pieces {
                    let path = format!("/{a}{b}{c}{d}");
                    let shown = readable_path(&path, 120);
                    assert!(!shown.chars().any(char::is_control), "{path} -> {shown:?}");
                    if !path.contains('%') {
                        assert_eq!(shown, path);
                    }
                }
            }
        }
    }
}

/// index.html applies the saved preferences before the app loads (no flash of the device's theme); its script
/// must read the same key, version, fields and keywords as `reading::prefs`.
#[test]
fn the_start_up_script_in_index_html_reads_the_saved_preferences_as_the_app_does() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
    let start = html
        .find("<script>")
        .expect("index.html has the preferences script");
    let script = &html[start..start + html[start..].find("</script>").unwrap()];
    assert!(
        script.contains(&format!("localStorage.getItem(\"{}\")", prefs::KEY)),
        "{script}"
    );
    assert!(
        script.contains(&format!("saved.version === {}", prefs::VERSION)),
        "{script}"
    );
    let line = |field: &str| {
        script
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{field}:")))
            .unwrap_or_else(|| panic!("no line for {field}"))
            .to_string()
    };
    let listed = |line: &str| -> Vec<String> {
        let list = &line[line.find('[').unwrap() + 1..];
        let list = &list[list.find('[').unwrap() + 1..list.find(']').unwrap()];
        list.split(',')
            .map(|k| k.trim().trim_matches('"').to_string())
            .collect()
    };
    // The field names are those the preferences are saved with.
    let saved = serde_json::to_value(Prefs::default()).unwrap();
    let fields: Vec<&String> = saved.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["line_spacing", "text_size", "theme"]);
    let sizes = line("text_size");
    assert!(sizes.contains("\"data-text-size\""), "{sizes}");
    let sizes_all: Vec<&str> = TextSize::ALL.iter().map(|c| c.keyword()).collect();
    assert_eq!(listed(&sizes), sizes_all);
    let spacing = line("line_spacing");
    assert!(spacing.contains("\"data-line-spacing\""), "{spacing}");
    let spacing_all: Vec<&str> = LineSpacing::ALL.iter().map(|c| c.keyword()).collect();
    assert_eq!(listed(&spacing), spacing_all);
    // "Same as this device" sets no attribute: the stylesheet follows prefers-color-scheme.
    let theme = line("theme");
    assert!(theme.contains("\"data-theme\""), "{theme}");
    let themes: Vec<&str> = Theme::ALL
        .iter()
        .filter(|t| **t != Theme::System)
        .map(|c| c.keyword())
        .collect();
    assert_eq!(listed(&theme), themes);
    // And the attributes are those the app sets.
    for (name, _) in Prefs::default().root_attributes() {
        assert!(script.contains(&format!("\"{name}\"")), "{name}");
    }
}
