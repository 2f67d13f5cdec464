//! A person's positions over time, as lanes: one lane per kind of position (offices, factions, stances,
//! sentences, other roles), each position a span of years with a text label, and what the person was doing in a
//! given year.
//!
//! The text often gives only a start ("On his return to Russia he was elected Chairman of the Moscow Soviet") or no
//! date at all. Nothing is invented: a position with only a start is drawn over its first year and labelled "end
//! not given"; one with no date goes to the lane's undated list. Pure: reads the dataset only.

use crate::dataset::{Dataset, Date, Event, Position, PositionKind};

/// A position placed on the years axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub position: &'static Position,
    /// First and last year the bar covers (inclusive).
    pub first_year: u16,
    pub last_year: u16,
    /// The text gives a start but no end (offices and factions only: stances and sentences are moments).
    pub open_end: bool,
    /// The text gives an end but no start.
    pub open_start: bool,
    /// The dates in words: "1914 – February 1917", "from 1918, end not given", "until 1925, start not given".
    pub dates: String,
}

/// One kind of position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub kind: PositionKind,
    /// The lane's heading.
    pub title: &'static str,
    /// Dated positions, in date order.
    pub bars: Vec<Bar>,
    /// Positions the text gives no date for, in file order.
    pub undated: Vec<&'static Position>,
}

/// The heading of a lane.
pub const fn lane_title(kind: PositionKind) -> &'static str {
    match kind {
        PositionKind::Office => "Offices",
        PositionKind::Faction => "Factions and alliances",
        PositionKind::Stance => "Stances",
        PositionKind::Sentence => "Arrests and sentences",
        PositionKind::Other => "Other roles",
    }
}

/// Whether a position of this kind lasts (an office, a faction) rather than happening at a moment.
const fn lasts(kind: PositionKind) -> bool {
    matches!(kind, PositionKind::Office | PositionKind::Faction)
}

/// The bar of a dated position; `None` if the text gives no date.
pub fn bar(position: &'static Position) -> Option<Bar> {
    let (first, last, dates) = match (position.from, position.to) {
        (Some(from), Some(to)) if from == to => (from, to, from.to_string()),
        (Some(from), Some(to)) => (from, to, format!("{from} – {to}")),
        (Some(from), None) if lasts(position.kind) => {
            (from, from, format!("from {from}, end not given"))
        }
        (Some(from), None) => (from, from, from.to_string()),
        (None, Some(to)) => (to, to, format!("until {to}, start not given")),
        (None, None) => return None,
    };
    Some(Bar {
        position,
        first_year: first.year,
        last_year: last.year,
        open_end: position.to.is_none() && lasts(position.kind),
        open_start: position.from.is_none(),
        dates,
    })
}

/// The lanes of a person, in [`PositionKind::ALL`] order; kinds with no positions are left out.
pub fn lanes(data: &Dataset, person: &str) -> Vec<Lane> {
    PositionKind::ALL
        .iter()
        .filter_map(|&kind| {
            let positions: Vec<&'static Position> = data
                .positions_of(person)
                .filter(|p| p.kind == kind)
                .collect();
            if positions.is_empty() {
                return None;
            }
            let mut bars: Vec<Bar> = positions.iter().filter_map(|p| bar(p)).collect();
            crate::sorting::sort_by_key(&mut bars, |b| (start_date(b.position), b.last_year));
            let undated = positions
                .into_iter()
                .filter(|p| p.from.is_none() && p.to.is_none())
                .collect();
            Some(Lane {
                kind,
                title: lane_title(kind),
                bars,
                undated,
            })
        })
        .collect()
}

fn start_date(position: &Position) -> Option<Date> {
    position.from.or(position.to)
}

/// The years the lanes span: from the first to the last year any bar covers; `None` if there are no bars.
pub fn year_span(lanes: &[Lane]) -> Option<(u16, u16)> {
    let bars = || lanes.iter().flat_map(|l| &l.bars);
    let first = bars().map(|b| b.first_year).min()?;
    let last = bars().map(|b| b.last_year).max()?;
    Some((first, last))
}

/// What a person was doing in one year, as far as the text says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearView {
    /// Positions dated in or spanning the year.
    pub positions: Vec<Bar>,
    /// Offices and factions taken up in an earlier year whose end the text does not give: maybe still held.
    pub maybe_still: Vec<Bar>,
    /// Events the person took part in, in date order, whose dates include the year.
    pub events: Vec<&'static Event>,
}

impl YearView {
    /// The text says nothing about this year.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty() && self.maybe_still.is_empty() && self.events.is_empty()
    }
}

/// What `person` was doing in `year`.
pub fn in_year(data: &Dataset, person: &str, year: u16) -> YearView {
    let mut view = YearView::default();
    for lane in lanes(data, person) {
        for bar in lane.bars {
            if (bar.first_year..=bar.last_year).contains(&year) {
                view.positions.push(bar);
            } else if bar.open_end && bar.first_year < year {
                view.maybe_still.push(bar);
            }
        }
    }
    crate::sorting::sort_by_key(&mut view.positions, |b| start_date(b.position));
    crate::sorting::sort_by_key(&mut view.maybe_still, |b| start_date(b.position));
    view.events = data
        .events_of(person)
        .filter(|e| {
            let date = e.timeline_date();
            (date.start.year..=date.last().year).contains(&year)
        })
        .collect();
    view
}

impl YearView {
    /// The sentence the live region reads when a year is picked: "1925: 2 positions and 4 events in the text."
    pub fn summary(&self, year: u16) -> String {
        let count = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        if self.is_empty() {
            return format!("{year}: the text says nothing about this year.");
        }
        let positions = count(self.positions.len(), "position", "positions");
        let events = count(self.events.len(), "event", "events");
        format!("{year}: {positions} and {events} in the text.")
    }
}
