//! The timeline over the real dataset: periods, filters in the URL, flagged dates, and Kamenev's lanes.
#![cfg(not(target_arch = "wasm32"))]

use kamenev::dataset::{DateSpan, EventKind, PositionKind, DATA};
use kamenev::timeline::lanes::{bar, in_year, lanes, year_span};
use kamenev::timeline::{
    count, date_note, group, kind_counts, people_in_events, period_of, summary, Entry, Filter,
    PERIODS,
};

fn all() -> Vec<Entry> {
    group(&DATA, &Filter::default())
        .into_iter()
        .flat_map(|g| g.entries)
        .collect()
}

fn entry(id: &str) -> Entry {
    all()
        .into_iter()
        .find(|e| e.event.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn span(iso: &str) -> DateSpan {
    DateSpan::parse_iso(iso, false).unwrap()
}

#[test]
fn every_event_is_shown_once_in_date_order() {
    let entries = all();
    assert_eq!(entries.len(), DATA.events.len());
    let mut ids: Vec<&str> = entries.iter().map(|e| e.event.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), DATA.events.len());
    for pair in entries.windows(2) {
        assert!(
            pair[0].date <= pair[1].date,
            "{} before {}",
            pair[0].event.id,
            pair[1].event.id
        );
    }
}

#[test]
fn periods_follow_each_other_and_hold_only_their_years() {
    let groups = group(&DATA, &Filter::default());
    let order: Vec<usize> = groups
        .iter()
        .map(|g| PERIODS.iter().position(|p| p == g.period).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_eq!(groups.len(), PERIODS.len(), "every period has events");
    for g in &groups {
        for e in &g.entries {
            let year = e.date.start.year;
            assert!(
                g.period.from.is_none_or(|f| year >= f) && g.period.to.is_none_or(|t| year <= t),
                "{}",
                e.event.id
            );
        }
    }
}

#[test]
fn period_boundaries_fall_on_the_turning_points() {
    let title = |iso: &str| PERIODS[period_of(span(iso))].title;
    assert!(title("1871").starts_with("Background"));
    assert!(title("1902-12").starts_with("Background"));
    assert!(title("1903").starts_with("Revolutionary in exile"));
    assert!(title("1917-10-25").starts_with("1917"));
    assert!(title("1918-01").starts_with("In power"));
    assert!(title("1926-06/1926-08").starts_with("Opposition"));
    assert!(title("1934-12-01").starts_with("Terror"));
    assert!(title("1937-06").starts_with("Terror"));
    assert!(title("1951").starts_with("Afterwards"));
}

#[test]
fn a_flagged_date_is_placed_by_its_correction_and_shows_what_the_text_says() {
    let vote = entry("central-committee-9-october");
    assert_eq!(vote.date, span("1917-10-10"));
    let flagged = vote.flagged.expect("the date is flagged");
    assert_eq!(flagged.text_says, "“9th October”");
    assert_eq!(
        flagged.note.map(|n| n.id),
        Some("central-committee-9-october")
    );
    assert_eq!(
        flagged.note_href.as_deref(),
        Some("/chapters/revolution-1917#note-central-committee-9-october")
    );

    let mission = entry("mission-to-london-1918");
    assert_eq!(mission.date, span("1918-02/1918-03"));
    assert_eq!(mission.flagged.unwrap().text_says, "“In December, 1918”");
}

#[test]
fn an_inferred_text_date_is_shown_with_its_explanation() {
    let finland = entry("arrest-in-finland-1918");
    let flagged = finland.flagged.unwrap();
    assert_eq!(
        flagged.text_says,
        "c. December 1918 (after his deportation from Britain)"
    );
    assert_eq!(flagged.note.map(|n| n.id), Some("mission-1918-dates"));
}

#[test]
fn the_date_note_is_the_one_about_the_date_not_about_spelling() {
    // The Serge meeting cites both "name-variants" and "central-committee-9-october".
    let serge = DATA.event("serge-sukhanov-meeting").unwrap();
    assert_eq!(
        date_note(&DATA, serge).map(|n| n.id),
        Some("central-committee-9-october")
    );
}

#[test]
fn unflagged_events_keep_the_texts_date_and_have_no_flag() {
    let birth = entry("birth");
    assert_eq!(birth.date, span("1883-07-18"));
    assert!(birth.flagged.is_none());
    let flagged = all().iter().filter(|e| e.flagged.is_some()).count();
    assert_eq!(
        flagged,
        DATA.events
            .iter()
            .filter(|e| e.corrected_date.is_some())
            .count()
    );
}

#[test]
fn every_event_links_to_its_paragraph() {
    for e in all() {
        let href = e
            .href
            .unwrap_or_else(|| panic!("{} has no link", e.event.id));
        assert!(href.ends_with(&format!("#{}", e.event.paragraph)), "{href}");
        assert!(
            href.starts_with("/chapters/") || href.starts_with("/sources/"),
            "{href}"
        );
    }
    assert_eq!(
        entry("serge-sukhanov-meeting").href.as_deref(),
        Some("/sources/2#p125")
    );
    assert_eq!(
        entry("birth").href.as_deref(),
        Some("/chapters/early-life#p5")
    );
}

#[test]
fn the_person_filter_keeps_only_that_persons_events() {
    let filter = Filter {
        person: Some("zinoviev"),
        ..Filter::default()
    };
    let shown: Vec<Entry> = group(&DATA, &filter)
        .into_iter()
        .flat_map(|g| g.entries)
        .collect();
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|e| e.event.people.contains(&"zinoviev")));
    assert_eq!(
        shown.len(),
        DATA.events
            .iter()
            .filter(|e| e.people.contains(&"zinoviev"))
            .count()
    );
    assert_eq!(count(&DATA, &filter), shown.len());
}

#[test]
fn the_kind_filter_keeps_any_of_the_chosen_kinds() {
    let filter = Filter {
        kinds: vec![EventKind::Trial, EventKind::Government],
        ..Filter::default()
    };
    let shown: Vec<Entry> = group(&DATA, &filter)
        .into_iter()
        .flat_map(|g| g.entries)
        .collect();
    assert!(shown.iter().any(|e| e.event.kind == EventKind::Trial));
    assert!(shown.iter().any(|e| e.event.kind == EventKind::Government));
    assert!(shown
        .iter()
        .all(|e| matches!(e.event.kind, EventKind::Trial | EventKind::Government)));
}

#[test]
fn filters_round_trip_through_the_url_query() {
    let filter = Filter::from_query(&DATA, Some("zinoviev"), Some("trial,party"), Some("1925"));
    assert_eq!(filter.person, Some("zinoviev"));
    assert_eq!(
        filter.kinds,
        vec![EventKind::Party, EventKind::Trial],
        "kinds keep the canonical order"
    );
    assert_eq!(filter.year, Some(1925));
    assert_eq!(
        filter.to_query(),
        "?person=zinoviev&kind=party,trial&year=1925"
    );
    assert_eq!(Filter::default().to_query(), "");
}

#[test]
fn unknown_url_values_are_ignored_not_errors() {
    let filter = Filter::from_query(&DATA, Some("nobody"), Some("trial,<script>,"), Some("3000"));
    assert_eq!(
        filter,
        Filter {
            kinds: vec![EventKind::Trial],
            ..Filter::default()
        }
    );
    assert_eq!(
        Filter::from_query(&DATA, None, None, Some("x")),
        Filter::default()
    );
}

#[test]
fn toggling_a_kind_adds_or_removes_only_that_kind() {
    let filter = Filter::default()
        .toggled(EventKind::Trial, true)
        .toggled(EventKind::Life, true);
    assert_eq!(filter.kinds, vec![EventKind::Life, EventKind::Trial]);
    assert_eq!(
        filter.toggled(EventKind::Trial, false).kinds,
        vec![EventKind::Life]
    );
    assert_eq!(
        filter.toggled(EventKind::Life, true).kinds,
        filter.kinds,
        "switching on twice changes nothing"
    );
}

#[test]
fn the_person_list_is_sorted_by_surname_with_event_counts() {
    let people = people_in_events(&DATA);
    let kamenev = people.iter().find(|(p, _)| p.id == "kamenev").unwrap();
    assert!(kamenev.1 > 50);
    let position = |id: &str| people.iter().position(|(p, _)| p.id == id).unwrap();
    assert!(position("bukharin") < position("kamenev"));
    assert!(position("kamenev") < position("zinoviev"));
    assert!(people.iter().all(|(_, n)| *n > 0));
}

#[test]
fn kind_counts_follow_the_person_but_not_the_kind_filter() {
    let everyone = kind_counts(
        &DATA,
        &Filter {
            kinds: vec![EventKind::Trial],
            ..Filter::default()
        },
    );
    assert_eq!(
        everyone.iter().map(|(_, n)| n).sum::<usize>(),
        DATA.events.len()
    );
    let zinoviev = kind_counts(
        &DATA,
        &Filter {
            person: Some("zinoviev"),
            ..Filter::default()
        },
    );
    let total: usize = zinoviev.iter().map(|(_, n)| n).sum();
    assert_eq!(
        total,
        count(
            &DATA,
            &Filter {
                person: Some("zinoviev"),
                ..Filter::default()
            }
        )
    );
}

#[test]
fn the_live_summary_reads_naturally() {
    assert_eq!(summary(116, 116), "Showing all 116 events.");
    assert_eq!(summary(12, 116), "Showing 12 of 116 events.");
    assert_eq!(summary(1, 116), "Showing 1 of 116 events.");
    assert_eq!(summary(0, 116), "No events match these filters.");
}

#[test]
fn kamenevs_lanes_show_offices_factions_stances_and_sentences() {
    let lanes = lanes(&DATA, "kamenev");
    let kinds: Vec<PositionKind> = lanes.iter().map(|l| l.kind).collect();
    for kind in [
        PositionKind::Office,
        PositionKind::Faction,
        PositionKind::Stance,
        PositionKind::Sentence,
    ] {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
    let offices = lanes
        .iter()
        .find(|l| l.kind == PositionKind::Office)
        .unwrap();
    let soviet = offices
        .bars
        .iter()
        .find(|b| b.position.id == "kamenev-chairman-moscow-soviet")
        .unwrap();
    assert_eq!((soviet.first_year, soviet.last_year), (1918, 1918));
    assert!(soviet.open_end);
    assert_eq!(soviet.dates, "from 1918, end not given");
    let delegation = offices
        .bars
        .iter()
        .find(|b| b.position.position.contains("Trade Delegation"))
        .unwrap();
    assert_eq!(delegation.dates, "June 1920 – September 1920");
    assert!(!delegation.open_end);
    for lane in &lanes {
        let starts: Vec<u16> = lane.bars.iter().map(|b| b.first_year).collect();
        assert!(
            starts.windows(2).all(|w| w[0] <= w[1]),
            "{}: {starts:?}",
            lane.title
        );
    }
}

#[test]
fn positions_without_dates_are_listed_not_placed() {
    let lanes = lanes(&DATA, "kamenev");
    let factions = lanes
        .iter()
        .find(|l| l.kind == PositionKind::Faction)
        .unwrap();
    assert!(factions
        .undated
        .iter()
        .any(|p| p.position == "Member of the triumvirate against Trotsky"));
    assert!(factions
        .bars
        .iter()
        .all(|b| b.position.from.is_some() || b.position.to.is_some()));
    let total: usize = lanes.iter().map(|l| l.bars.len() + l.undated.len()).sum();
    assert_eq!(
        total,
        DATA.positions_of("kamenev").count(),
        "every position is shown once"
    );
}

#[test]
fn an_end_without_a_start_is_labelled_as_such() {
    let bloc = DATA
        .positions_of("kamenev")
        .find(|p| p.position == "Member of the Stalin bloc against Trotsky")
        .unwrap();
    let bar = bar(bloc).unwrap();
    assert!(bar.open_start);
    assert_eq!(bar.dates, "until 1925, start not given");
}

#[test]
fn the_year_view_says_what_kamenev_was_doing() {
    let y1925 = in_year(&DATA, "kamenev", 1925);
    let texts: Vec<&str> = y1925
        .positions
        .iter()
        .map(|b| b.position.position)
        .collect();
    assert!(
        texts.contains(&"Led a new opposition inside the majority bloc"),
        "{texts:?}"
    );
    let maybe: Vec<&str> = y1925
        .maybe_still
        .iter()
        .map(|b| b.position.position)
        .collect();
    assert!(
        maybe.contains(&"Chairman of the Moscow Soviet"),
        "{maybe:?}"
    );
    assert!(y1925.events.iter().all(|e| e.people.contains(&"kamenev")));

    let siberia = in_year(&DATA, "kamenev", 1916);
    assert!(siberia
        .positions
        .iter()
        .any(|b| b.position.position.starts_with("Exiled to Siberia")));

    assert!(in_year(&DATA, "kamenev", 1890).is_empty());
}

#[test]
fn the_lanes_span_his_adult_life() {
    let (first, last) = year_span(&lanes(&DATA, "kamenev")).unwrap();
    assert!(first <= 1903 && last >= 1936, "{first}-{last}");
}

#[test]
fn the_year_summary_counts_positions_and_events() {
    let view = in_year(&DATA, "kamenev", 1890);
    assert_eq!(
        view.summary(1890),
        "1890: the text says nothing about this year."
    );
    let view = in_year(&DATA, "kamenev", 1936);
    let summary = view.summary(1936);
    assert!(
        summary.starts_with("1936: ") && summary.ends_with(" in the text."),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("{} events", view.events.len())),
        "{summary}"
    );
}

// ----- tidy -----

#[test]
fn the_timeline_logic_never_imports_ui_or_browser_crates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/timeline");
    let mut offences = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        files += 1;
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
    assert!(files > 0, "src/timeline has files");
    assert!(
        offences.is_empty(),
        "UI or browser imports in src/timeline:\n{}",
        offences.join("\n")
    );
}
