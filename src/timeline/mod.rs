//! The timeline, as pure logic: events grouped into the periods of Kamenev's life, filtered by person and kind,
//! flagged dates explained, and his positions laid out as lanes ([`lanes`]).
//!
//! # What it owns
//!
//! - [`PERIODS`] and [`period_of`]: which part of the story an event belongs to, by its timeline date (the
//!   corrected date where an editorial note gives one, [`crate::dataset::Event::timeline_date`]).
//! - [`Filter`]: the person and kinds chosen, read from and written to the URL query (`?person=&kind=&year=`).
//! - [`group`]: the filtered events, in date order, grouped by period, each with its link and, for a flagged date,
//!   what the text says and the note that explains it ([`Flagged`]).
//! - [`lanes`]: Kamenev's offices, factions, stances and sentences as spans over the years, and what he was doing
//!   in a given year.
//!
//! # Architecture invariant
//!
//! Pure Rust over [`crate::dataset`] (and the URL helpers of [`crate::reading::links`]): never imports the UI or
//! browser crates (Leptos, web-sys, wasm-bindgen, gloo). The page `pages/timeline.rs` only renders what this
//! module computes.

use crate::dataset::{Dataset, DateSpan, Event, EventKind, Note, Person};
use crate::reading::links::{note_href, paragraph_href};

pub mod lanes;

/// A part of the story, covering the years `from..=to` (open at either end where `None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// Used as the HTML id of the period's heading.
    pub id: &'static str,
    pub title: &'static str,
    pub from: Option<u16>,
    pub to: Option<u16>,
}

/// The periods, in order; together they cover every year.
pub const PERIODS: [Period; 7] = [
    Period {
        id: "period-early-life",
        title: "Background and early life, to 1902",
        from: None,
        to: Some(1902),
    },
    Period {
        id: "period-exile",
        title: "Revolutionary in exile, 1903–1916",
        from: Some(1903),
        to: Some(1916),
    },
    Period {
        id: "period-1917",
        title: "1917: revolution",
        from: Some(1917),
        to: Some(1917),
    },
    Period {
        id: "period-power",
        title: "In power, 1918–1925",
        from: Some(1918),
        to: Some(1925),
    },
    Period {
        id: "period-opposition",
        title: "Opposition and disgrace, 1926–1933",
        from: Some(1926),
        to: Some(1933),
    },
    Period {
        id: "period-terror",
        title: "Terror and trials, 1934–1937",
        from: Some(1934),
        to: Some(1937),
    },
    Period {
        id: "period-afterwards",
        title: "Afterwards: the accounts, from 1938",
        from: Some(1938),
        to: None,
    },
];

/// The index in [`PERIODS`] of the period a date falls in (by the year it starts).
pub fn period_of(date: DateSpan) -> usize {
    let year = date.start.year;
    PERIODS
        .iter()
        .position(|p| p.from.is_none_or(|from| year >= from) && p.to.is_none_or(|to| year <= to))
        .expect("the periods cover every year")
}

/// Which events to show: one person (or everyone) and some kinds (or all).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A person id; `None` shows everyone.
    pub person: Option<&'static str>,
    /// The kinds to show, in [`EventKind::ALL`] order; empty shows every kind.
    pub kinds: Vec<EventKind>,
    /// The year picked in the lanes view, if any.
    pub year: Option<u16>,
}

/// The years the lane view offers: Kamenev's lifetime.
pub const LIFE_YEARS: std::ops::RangeInclusive<u16> = 1883..=1936;

impl Filter {
    /// Reads the URL query values. Unknown people, kinds and years are ignored, so a mangled URL shows more, never
    /// an error. `kinds` is a comma-separated list of keywords (`trial,party`).
    pub fn from_query(
        data: &Dataset,
        person: Option<&str>,
        kinds: Option<&str>,
        year: Option<&str>,
    ) -> Filter {
        let person = person.and_then(|id| data.person(id)).map(|p| p.id);
        let wanted: Vec<&str> = kinds.unwrap_or("").split(',').map(str::trim).collect();
        let kinds = EventKind::ALL
            .iter()
            .copied()
            .filter(|k| wanted.contains(&k.keyword()))
            .collect();
        let year = year
            .and_then(|y| y.trim().parse().ok())
            .filter(|y| LIFE_YEARS.contains(y));
        Filter {
            person,
            kinds,
            year,
        }
    }

    /// The URL query for this filter, with a leading `?`, or `""` when nothing is chosen.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(person) = self.person {
            parts.push(format!("person={person}"));
        }
        if !self.kinds.is_empty() {
            let kinds: Vec<&str> = self.kinds.iter().map(|k| k.keyword()).collect();
            parts.push(format!("kind={}", kinds.join(",")));
        }
        if let Some(year) = self.year {
            parts.push(format!("year={year}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The same filter with `kind` switched on or off.
    pub fn toggled(&self, kind: EventKind, on: bool) -> Filter {
        let mut next = self.clone();
        next.kinds.retain(|k| *k != kind);
        if on {
            next.kinds.push(kind);
            crate::sorting::sort(&mut next.kinds);
        }
        next
    }

    /// Whether the event passes the person and kind filters.
    pub fn matches(&self, event: &Event) -> bool {
        self.person.is_none_or(|p| event.people.contains(&p))
            && (self.kinds.is_empty() || self.kinds.contains(&event.kind))
    }

    /// Whether a person or kind is chosen (the year does not filter events).
    pub fn is_filtering(&self) -> bool {
        self.person.is_some() || !self.kinds.is_empty()
    }
}

/// A date the text gets wrong: what the text says, and the note that explains it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flagged {
    /// The text's date, as the reader can check it: the text's own words, or, where the record only infers the
    /// date ("(after his deportation from Britain)"), the inferred date with that explanation.
    pub text_says: String,
    pub note: Option<&'static Note>,
    /// Where the note's panel is.
    pub note_href: Option<String>,
}

/// An event as the timeline shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub event: &'static Event,
    /// The date it is placed at (corrected where flagged).
    pub date: DateSpan,
    /// The paragraph it rests on: `/chapters/<chapter>#p38` or `/sources/<n>#p135`.
    pub href: Option<String>,
    pub flagged: Option<Flagged>,
}

/// The events of one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodGroup {
    pub period: &'static Period,
    pub entries: Vec<Entry>,
}

/// The events passing `filter`, in timeline order, grouped by period; periods with no events are left out.
pub fn group(data: &Dataset, filter: &Filter) -> Vec<PeriodGroup> {
    let mut groups: Vec<PeriodGroup> = Vec::new();
    for event in data.events_sorted().filter(|e| filter.matches(e)) {
        let index = period_of(event.timeline_date());
        let entry = entry(data, event);
        match groups.last_mut() {
            Some(group) if std::ptr::eq(group.period, &PERIODS[index]) => group.entries.push(entry),
            _ => groups.push(PeriodGroup {
                period: &PERIODS[index],
                entries: vec![entry],
            }),
        }
    }
    groups
}

/// How many events pass the filter.
pub fn count(data: &Dataset, filter: &Filter) -> usize {
    data.events.iter().filter(|e| filter.matches(e)).count()
}

/// The timeline entry of one event.
pub fn entry(data: &Dataset, event: &'static Event) -> Entry {
    Entry {
        event,
        date: event.timeline_date(),
        href: paragraph_href(data, event.paragraph),
        flagged: event.corrected_date.map(|_| flagged(data, event)),
    }
}

fn flagged(data: &Dataset, event: &Event) -> Flagged {
    let text_says = if event.date_text.starts_with('(') {
        format!("{} {}", event.date, event.date_text)
    } else {
        format!("“{}”", event.date_text)
    };
    let note = date_note(data, event);
    Flagged {
        text_says,
        note,
        note_href: note.and_then(|n| note_href(data, n)),
    }
}

/// The note that explains an event's corrected date: among the event's notes, one flagging words in the event's
/// paragraph and giving a correction, else one flagging that paragraph, else one giving a correction, else the
/// first.
pub fn date_note(data: &Dataset, event: &Event) -> Option<&'static Note> {
    let notes: Vec<&'static Note> = event.notes.iter().filter_map(|id| data.note(id)).collect();
    let here = |n: &&Note| n.flags.iter().any(|f| f.paragraph == event.paragraph);
    let corrects = |n: &&Note| n.correction.is_some();
    notes
        .iter()
        .find(|n| here(n) && corrects(n))
        .or_else(|| notes.iter().find(|n| here(n)))
        .or_else(|| notes.iter().find(|n| corrects(n)))
        .or_else(|| notes.first())
        .copied()
}

/// The people who take part in at least one event, by name, each with how many events they are in.
pub fn people_in_events(data: &Dataset) -> Vec<(&'static Person, usize)> {
    let mut people: Vec<(&'static Person, usize)> = data
        .people
        .iter()
        .map(|p| {
            (
                p,
                data.events
                    .iter()
                    .filter(|e| e.people.contains(&p.id))
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    crate::sorting::sort_by_cached_key(&mut people, |(person, _)| sort_key(person));
    people
}

/// Surname first, for ordering a list of people: "Zinoviev Grigory".
fn sort_key(person: &Person) -> String {
    let name = person.name;
    match name.rsplit_once(' ') {
        // "Alexander II", "Nicholas II": keep regnal names whole.
        Some((_, last)) if last.chars().all(|c| c == 'I' || c == 'V') => name.to_string(),
        Some((first, last)) => format!("{last} {first}"),
        None => name.to_string(),
    }
}

/// How many events of each kind pass the person filter (ignoring the kind filter), in [`EventKind::ALL`] order.
pub fn kind_counts(data: &Dataset, filter: &Filter) -> Vec<(EventKind, usize)> {
    let by_person = Filter {
        person: filter.person,
        kinds: Vec::new(),
        year: None,
    };
    EventKind::ALL
        .iter()
        .map(|&kind| {
            let n = data
                .events
                .iter()
                .filter(|e| e.kind == kind && by_person.matches(e))
                .count();
            (kind, n)
        })
        .collect()
}

/// The sentence the live region reads after a change: "Showing 12 of 116 events."
pub fn summary(shown: usize, total: usize) -> String {
    match (shown, total) {
        (0, _) => "No events match these filters.".to_string(),
        (s, t) if s == t => format!("Showing all {t} events."),
        (1, t) => format!("Showing 1 of {t} events."),
        (s, t) => format!("Showing {s} of {t} events."),
    }
}
