//! The `'static` types of the dataset: what the app reads, and what `build.rs` writes out as Rust literals.
//!
//! Every string is a `&'static str` and every list a `&'static [T]`, so the compiled data needs no allocation and no
//! parsing at start-up. Records refer to each other by id (`"kamenev"`, `"p38"`); [`super`] has the lookups.
//!
//! Invariants (checked by the validator before any of this is generated):
//! - every id a record names exists, and every `quote` is a verbatim substring of its paragraph;
//! - byte offsets ([`Span`]) lie on `char` boundaries of their paragraph's `text`;
//! - a [`DateSpan`] never ends before it starts.
//!
//! This file is also compiled into `build.rs`; it must stay plain Rust with no dependencies.

use std::cmp::Ordering;
use std::fmt;

/// A byte range `start..end` within a paragraph's `text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The range as `usize`s, for slicing the paragraph text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether the two ranges share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Defines a closed set of keywords used in the data files, with its keyword and a human label.
macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $keyword:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(#[doc = $label] $variant,)+
        }

        impl $name {
            /// Every value, in the order the data README lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The keyword written in the data files.
            pub const fn keyword(self) -> &'static str {
                match self { $($name::$variant => $keyword,)+ }
            }

            /// A label for display.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// The value for a data-file keyword.
            pub fn from_keyword(keyword: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.keyword() == keyword)
            }
        }
    };
}

keyword_enum! {
    /// What an event is about (`kind` in `events.toml`).
    EventKind {
        Life = "life", "Life";
        Party = "party", "Party";
        Revolution = "revolution", "Revolution";
        Government = "government", "Government";
        Repression = "repression", "Repression";
        Trial = "trial", "Trial";
        Writing = "writing", "Writing";
        Other = "other", "Other";
    }
}

keyword_enum! {
    /// What kind of position a person held (`kind` in `positions.toml`).
    PositionKind {
        Office = "office", "Office";
        Faction = "faction", "Faction";
        Stance = "stance", "Stance";
        Sentence = "sentence", "Sentence";
        Other = "other", "Other";
    }
}

keyword_enum! {
    /// Who wrote a source, in relation to what it describes (`kind` in `sources.toml`).
    SourceKind {
        Defendant = "defendant", "Defendant";
        Insider = "insider", "Insider";
        Participant = "participant", "Participant";
        Journalist = "journalist", "Journalist";
        Editor = "editor", "Editor";
        Historian = "historian", "Historian";
        PoliticalOpponent = "political-opponent", "Political opponent";
        PartyPress = "party-press", "Party press";
        Official = "official", "Official";
        Memoirist = "memoirist", "Memoirist";
        Artist = "artist", "Artist";
    }
}

keyword_enum! {
    /// How much an editorial note matters to a learner (`severity` in `notes.toml`).
    Severity {
        High = "high", "High";
        Medium = "medium", "Medium";
        Low = "low", "Low";
    }
}

keyword_enum! {
    /// Where a source stands on a question (`stance` in `claims.toml`).
    Stance {
        Asserts = "asserts", "Asserts";
        Denies = "denies", "Denies";
        Doubts = "doubts", "Doubts";
    }
}

keyword_enum! {
    /// The side a person took at the 1903 split, where the text says (`faction_1903` in `people.toml`).
    Faction {
        Bolshevik = "bolshevik", "Bolshevik";
        Menshevik = "menshevik", "Menshevik";
    }
}

/// A calendar date at the precision the text gives: a year, a month or a day.
///
/// Ordering is chronological; a coarser date sorts before the finer dates it contains (`1917` < `1917-04`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the error says what is wrong.
    pub fn parse_iso(text: &str) -> Result<Date, String> {
        let mut parts = text.split('-');
        let year = parts.next().filter(|y| y.len() == 4).and_then(number);
        let Some(year) = year else {
            return Err("the year must have four digits".into());
        };
        let month = parts.next().map(|m| number(m).filter(|_| m.len() == 2));
        let day = parts.next().map(|d| number(d).filter(|_| d.len() == 2));
        if parts.next().is_some() || month == Some(None) || day == Some(None) {
            return Err("expected YYYY, YYYY-MM or YYYY-MM-DD".into());
        }
        let (month, day) = (month.flatten(), day.flatten());
        if let Some(m) = month.filter(|m| !(1..=12).contains(m)) {
            return Err(format!("there is no month {m}"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            if d == 0 || d > days_in_month(year, m) {
                return Err(format!("{} {year} has no day {d}", MONTHS[m as usize - 1]));
            }
        }
        Ok(Date {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }

    /// Compares at the precision the two dates share: `1918-10` and `1918` compare equal.
    pub fn cmp_coarse(self, other: Date) -> Ordering {
        let month = |d: Date, o: Date| d.month.filter(|_| o.month.is_some());
        let day = |d: Date, o: Date| d.day.filter(|_| o.day.is_some());
        (self.year, month(self, other), day(self, other)).cmp(&(
            other.year,
            month(other, self),
            day(other, self),
        ))
    }

    /// The English name of the month, if the date has one.
    pub fn month_name(self) -> Option<&'static str> {
        self.month.map(|m| MONTHS[m as usize - 1])
    }

    /// The date in ISO form, as written in the data files.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

fn number(digits: &str) -> Option<u16> {
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())?
}

fn days_in_month(year: u16, month: u16) -> u16 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "18 July 1883", "December 1908", "1917".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.day, self.month_name()) {
            (Some(d), Some(m)) => write!(f, "{d} {m} {}", self.year),
            (None, Some(m)) => write!(f, "{m} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

/// A date or a range of dates (`1922/1923` in the data files), possibly approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateSpan {
    pub start: Date,
    /// The last date of a range; `None` for a single date.
    pub end: Option<Date>,
    /// The text gives the date only loosely ("the summer of 1920").
    pub approximate: bool,
}

impl DateSpan {
    /// Parses a date or two dates joined by `/`; the error says what is wrong.
    pub fn parse_iso(text: &str, approximate: bool) -> Result<DateSpan, String> {
        let (start, end) = match text.split_once('/') {
            Some((start, end)) => (start, Some(end)),
            None => (text, None),
        };
        let start = Date::parse_iso(start)?;
        let end = end.map(Date::parse_iso).transpose()?;
        if end.is_some_and(|end| end.cmp_coarse(start) == Ordering::Less) {
            return Err("the range ends before it starts".into());
        }
        Ok(DateSpan {
            start,
            end,
            approximate,
        })
    }

    /// The last date of the span (its start, for a single date).
    pub fn last(self) -> Date {
        self.end.unwrap_or(self.start)
    }
}

/// Orders by start, then end; a single date sorts before a range with the same start.
impl Ord for DateSpan {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.start, self.end, self.approximate).cmp(&(other.start, other.end, other.approximate))
    }
}

impl PartialOrd for DateSpan {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// "1917", "c. 1920", "1922–1923", "June–August 1920", "19–24 August 1936", "18 July – 24 August 1936".
impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("c. ")?;
        }
        let (a, b) = match self.end {
            Some(end) if end != self.start => (self.start, end),
            _ => return write!(f, "{}", self.start),
        };
        let same_year = a.year == b.year;
        match (a.month_name(), a.day, b.month_name(), b.day) {
            (Some(am), Some(ad), Some(bm), Some(bd)) if same_year && am == bm => {
                write!(f, "{ad}–{bd} {am} {}", a.year)
            }
            (Some(am), None, Some(bm), None) if same_year => write!(f, "{am}–{bm} {}", a.year),
            (Some(am), Some(ad), Some(_), Some(_)) if same_year => write!(f, "{ad} {am} – {b}"),
            _ if a.month.is_none() && b.month.is_none() => write!(f, "{}–{}", a.year, b.year),
            _ => write!(f, "{a} – {b}"),
        }
    }
}

/// What a line of the text is; see `data/README.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// The first line: the book title.
    Title,
    /// Image residue declared in `captions.toml` (a caption or the alt-text line above it).
    Caption,
    /// Chapter text.
    Narrative,
    /// The `Primary Sources` section heading.
    Heading,
    /// A line `(n) ...` that starts primary source `n`.
    SourceHeading,
    /// The text of a primary source.
    SourceBody,
}

/// One non-empty line of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// `p<line>`, e.g. `p38`.
    pub id: &'static str,
    /// The line number in `kamenev-spartacus.txt`, from 1.
    pub line: u32,
    pub kind: ParagraphKind,
    /// The line exactly as the file has it.
    pub text: &'static str,
    /// For source headings and source bodies: the number of the primary source.
    pub source_number: Option<u8>,
    /// Person mentions, flagged words and repeated passages, sorted by start; they may overlap one another (but
    /// person mentions never overlap each other). [`super::Dataset::segments`] turns them into renderable pieces.
    pub marks: &'static [Mark],
}

/// A marked range of a paragraph's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

/// What a [`Mark`] marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A name form of this person (its `variants`); the longest form wins where forms overlap.
    Person(&'static str),
    /// Words flagged by this editorial note (the first occurrence of the flag's quote).
    Flag(&'static str),
    /// A passage the text repeats by mistake: hide it and show this duplicate's note instead.
    Duplicate(&'static str),
}

/// A verbatim quotation of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub paragraph: &'static str,
    pub quote: &'static str,
}

/// A chapter: a contiguous run of narrative paragraphs. Chapters cover every narrative paragraph exactly once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chapter {
    /// The slug used in URLs.
    pub id: &'static str,
    pub title: &'static str,
    pub date: DateSpan,
    pub summary: &'static str,
    /// First and last narrative paragraph, inclusive.
    pub first: &'static str,
    pub last: &'static str,
    /// The ids of its narrative paragraphs, in order.
    pub paragraphs: &'static [&'static str],
}

/// A figure caption: image residue in the text, never shown as a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caption {
    /// The caption line, and its paragraph id.
    pub line: u32,
    pub paragraph: &'static str,
    /// The alt-text line just above it, if any.
    pub alt: Option<&'static str>,
    pub text: &'static str,
    /// The chapter of the next narrative paragraph (the last chapter if none follows; `None` if there are no
    /// chapters or the caption is in the primary sources).
    pub chapter: Option<&'static str>,
}

/// A passage the text repeats by mistake; the reader shows it once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub id: &'static str,
    pub paragraph: &'static str,
    pub quote: &'static str,
    /// Which occurrence of `quote` in the paragraph is the repeat (from 1).
    pub occurrence: u32,
    pub duplicate_of: &'static str,
    pub note: &'static str,
    /// Where the repeat is in the paragraph.
    pub span: Span,
}

/// A person named in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: &'static str,
    /// The canonical name.
    pub name: &'static str,
    /// Every form of the name the text uses, verbatim.
    pub variants: &'static [&'static str],
    pub role: &'static str,
    pub faction_1903: Option<Faction>,
    /// First mention.
    pub paragraph: &'static str,
    pub quote: &'static str,
    /// All citations, the first mention first.
    pub citations: &'static [Citation],
    /// Editorial notes the record rests on.
    pub notes: &'static [&'static str],
}

/// Something that happened, dated as the text dates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: &'static str,
    pub date: DateSpan,
    /// The date as the text writes it.
    pub date_text: &'static str,
    /// Where a note shows the text's date is wrong: the corrected date. Timelines place the event by it.
    pub corrected_date: Option<DateSpan>,
    pub title: &'static str,
    pub kind: EventKind,
    pub people: &'static [&'static str],
    pub paragraph: &'static str,
    pub quote: &'static str,
    pub citations: &'static [Citation],
    pub notes: &'static [&'static str],
}

impl Event {
    /// The date a timeline places the event at: the corrected date if there is one.
    pub fn timeline_date(&self) -> DateSpan {
        self.corrected_date.unwrap_or(self.date)
    }
}

/// An office held, a faction joined, a stance taken or a sentence received.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub id: &'static str,
    pub person: &'static str,
    pub position: &'static str,
    pub kind: PositionKind,
    /// Groups positions on the same question.
    pub topic: &'static str,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub date_text: Option<&'static str>,
    pub paragraph: &'static str,
    pub quote: &'static str,
    pub citations: &'static [Citation],
    pub notes: &'static [&'static str],
}

/// An account quoted in the text: a numbered primary source or one quoted in the narrative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    /// The number of a primary source, `(1)` to `(13)`.
    pub number: Option<u8>,
    pub author: &'static str,
    pub author_person: Option<&'static str>,
    pub work: &'static str,
    pub written: Option<DateSpan>,
    pub written_text: Option<&'static str>,
    pub published: Option<DateSpan>,
    pub published_text: Option<&'static str>,
    pub kind: SourceKind,
    pub place: Option<&'static str>,
    pub first_hand: bool,
    /// An account of the August 1936 trial.
    pub trial_1936: bool,
    pub description: Option<&'static str>,
    pub citations: &'static [Citation],
    pub notes: &'static [&'static str],
}

impl Source {
    /// The date to order sources by: publication, else writing.
    pub fn date(&self) -> Option<DateSpan> {
        self.published.or(self.written)
    }
}

/// An editorial note: where the text is wrong or contradicts itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    pub id: &'static str,
    /// The research item, e.g. `B1`.
    pub research: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    /// The words the note is about.
    pub flags: &'static [Citation],
    pub text_says: &'static str,
    pub references_say: &'static str,
    /// A short corrected value to show beside the flagged words.
    pub correction: Option<&'static str>,
    pub references: &'static [Reference],
}

/// A work an editorial note relies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub title: &'static str,
    pub url: Option<&'static str>,
}

/// A glossary term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub id: &'static str,
    pub term: &'static str,
    pub variants: &'static [&'static str],
    pub definition: &'static str,
    /// First use.
    pub paragraph: &'static str,
    pub quote: &'static str,
    pub citations: &'static [Citation],
    pub notes: &'static [&'static str],
}

/// A question the sources answer differently (`[[question]]` in `claims.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    /// Display order.
    pub order: u32,
}

/// What one source says on a question (`[[claim]]` in `claims.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub id: Option<&'static str>,
    pub question: &'static str,
    pub source: &'static str,
    pub stance: Stance,
    pub paragraph: &'static str,
    pub quote: &'static str,
    pub explanation: Option<&'static str>,
    pub notes: &'static [&'static str],
}

/// Everything in `data/`, validated. Lists keep the order of their file unless said otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// Every non-empty line of the text, in line order.
    pub paragraphs: &'static [Paragraph],
    pub chapters: &'static [Chapter],
    pub captions: &'static [Caption],
    pub duplicates: &'static [Duplicate],
    pub people: &'static [Person],
    pub events: &'static [Event],
    pub positions: &'static [Position],
    pub sources: &'static [Source],
    pub notes: &'static [Note],
    pub terms: &'static [Term],
    /// Sorted by `order`.
    pub questions: &'static [Question],
    pub claims: &'static [Claim],
    /// Indices into `events`, sorted by [`Event::timeline_date`] (file order among equal dates).
    pub timeline: &'static [u16],
}
