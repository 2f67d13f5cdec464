//! The comparison of the accounts of the August 1936 trial: source cards, distances from the trial, the "what
//! could a reader know then?" filter, the claims matrix, the URL state of the page and the student's own work.
//!
//! # What it owns
//!
//! Everything the comparison page computes. The page (`pages::compare`) only wires these results to the DOM:
//!
//! ```ignore
//! use crate::compare::{self, Card};
//! let sources = compare::trial_sources(DATA);          // every account of the trial, in date order
//! let card = Card::of(DATA, sources[0], &sources);      // author, role, dates, distance, excerpts, flags
//! let matrix = compare::Matrix::new(DATA, sources);     // questions x sources, a claim or silence in each cell
//! ```
//!
//! - [`dates`]: day arithmetic, [`dates::distance`] from the trial, [`dates::known_by`] a chosen date.
//! - [`text`]: the verbatim excerpt of each account, its link into the text, claim highlighting.
//! - [`matrix`]: the claims matrix, its counts, column order and keyboard movement.
//! - [`query`]: the page's URL query (`view`, `s`, `by`, `sort`, `q`).
//! - [`work`]: the student's ratings, reasons and claim, their checks, and the exported worksheet.
//!
//! # Architecture invariants
//!
//! - Pure Rust over [`crate::dataset`]: this module never imports the UI or browser crates (Leptos, web-sys,
//!   wasm-bindgen, gloo), and never touches storage itself: the page saves [`work::Work`] with `crate::storage`.
//! - It never alters the text: excerpts and highlighted pieces are slices of the paragraphs, verbatim.
//! - The matrix comes from `data/claims.toml`; this module adds no claims of its own. The one narrator-only claim
//!   it names ([`NARRATOR_ONLY`]) is shown *outside* the matrix, because no account in the dataset takes a position
//!   on it.

pub mod dates;
pub mod matrix;
pub mod query;
pub mod text;
pub mod work;

pub use dates::{distance, known_by, Distance, Known};
pub use matrix::{Matrix, SortKey};
pub use query::{CompareQuery, View};
pub use text::{excerpts, Excerpt, Voice};

use crate::dataset::{Dataset, Note, ParagraphKind, Source, SourceKind};

/// What a kind of author was, in relation to the trial ("what they were" on a source card).
pub fn role(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Defendant => "Defendant at the trial",
        SourceKind::Insider => "NKVD insider",
        SourceKind::Participant => "Participant",
        SourceKind::Journalist => "Journalist",
        SourceKind::Editor => "Editor",
        SourceKind::Historian => "Historian",
        SourceKind::PoliticalOpponent => "Opponent of Stalin",
        SourceKind::PartyPress => "Communist party writer",
        SourceKind::Official => "Official",
        SourceKind::Memoirist => "Memoirist",
        SourceKind::Artist => "Artist",
    }
}

/// The order of kinds when the accounts are sorted by kind: from inside the courtroom and the Kremlin outwards,
/// then from the press of the time to the historians who came later.
pub fn kind_rank(kind: SourceKind) -> u8 {
    match kind {
        SourceKind::Defendant => 0,
        SourceKind::Participant => 1,
        SourceKind::Insider => 2,
        SourceKind::Official => 3,
        SourceKind::Journalist => 4,
        SourceKind::Editor => 5,
        SourceKind::PartyPress => 6,
        SourceKind::PoliticalOpponent => 7,
        SourceKind::Memoirist => 8,
        SourceKind::Artist => 9,
        SourceKind::Historian => 10,
    }
}

/// Every account of the August 1936 trial (`trial_1936` in `data/sources.toml`), in date order (undated last).
pub fn trial_sources(data: &Dataset) -> Vec<&'static Source> {
    let mut sources: Vec<&'static Source> = data.sources.iter().filter(|s| s.trial_1936).collect();
    matrix::sort_sources(&mut sources, SortKey::Date);
    sources
}

/// How an account is named on the page: its author, and the work too when the same author wrote another of
/// `all` ("Lev Kamenev: Final words at his trial").
pub fn label(source: &Source, all: &[&Source]) -> String {
    let shared = all
        .iter()
        .any(|other| other.id != source.id && other.author == source.author);
    if shared {
        format!("{}: {}", source.author, source.work)
    } else {
        source.author.to_string()
    }
}

/// The date an account is placed at, for display: "23 August 1936", "1951", or "undated".
pub fn date_text(source: &Source) -> String {
    source
        .date()
        .map_or_else(|| "undated".to_string(), |date| date.to_string())
}

/// Something a reader should know about an account's dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFlag {
    /// An editorial note says the date printed in the text's heading for this source is wrong.
    Disputed(&'static Note),
    /// Only the date of publication is known; the text does not say when the author wrote or said it.
    WrittenUnknown,
    /// The text does not say when, or whether, this was made public.
    PublicationUnknown,
}

impl DateFlag {
    /// A sentence for the source card.
    pub fn explain(self) -> String {
        match self {
            DateFlag::Disputed(note) => match note.correction {
                Some(correction) => format!("Disputed date: {}. Correction: {correction}.", note.title),
                None => format!("Disputed date: {}.", note.title),
            },
            DateFlag::WrittenUnknown => "The text gives only when this was published, not when it was written or \
                                         said; the distance is counted from publication."
                .to_string(),
            DateFlag::PublicationUnknown => "The text does not say when, or whether, this was made public, so it \
                                             is left out when you choose what a reader could know by a date."
                .to_string(),
        }
    }
}

/// Everything a source card shows about one account.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub source: &'static Source,
    /// How the account is named ([`label`]).
    pub label: String,
    /// What the author was ([`role`]).
    pub role: &'static str,
    /// When it was written, as far as the text says.
    pub written: String,
    /// When it was made public, as far as the text says.
    pub published: String,
    /// From the date of publication, else of writing.
    pub distance: Option<Distance>,
    pub date_flags: Vec<DateFlag>,
    /// The editorial notes that apply to the account (its `notes`), most severe first.
    pub notes: Vec<&'static Note>,
    pub excerpts: Vec<Excerpt>,
}

impl Card {
    /// The card of `source`; `all` are the accounts it is shown among (for [`label`]).
    pub fn of(data: &Dataset, source: &'static Source, all: &[&Source]) -> Card {
        let written = match (source.written, source.written_text) {
            (Some(date), _) => date.to_string(),
            (None, Some(text)) => text.to_string(),
            (None, None) => "not given in the text".to_string(),
        };
        let published = match (source.published, source.published_text) {
            (Some(date), _) => date.to_string(),
            (None, Some(text)) => text.to_string(),
            (None, None) => "not given in the text".to_string(),
        };
        let mut date_flags: Vec<DateFlag> = source
            .notes
            .iter()
            .filter_map(|id| data.note(id))
            .filter(|note| flags_heading_of(data, note, source))
            .map(DateFlag::Disputed)
            .collect();
        if source.written.is_none() && source.written_text.is_none() && source.published.is_some() {
            date_flags.push(DateFlag::WrittenUnknown);
        }
        if source.published.is_none() {
            date_flags.push(DateFlag::PublicationUnknown);
        }
        let mut notes: Vec<&'static Note> =
            source.notes.iter().filter_map(|id| data.note(id)).collect();
        crate::sorting::sort_by_key(&mut notes, |note| note.severity);
        Card {
            source,
            label: label(source, all),
            role: role(source.kind),
            written,
            published,
            distance: source.date().map(distance),
            date_flags,
            notes,
            excerpts: excerpts(data, source),
        }
    }

    /// "Yes: was there" or "No", for the first-hand line of the card.
    pub fn first_hand(&self) -> &'static str {
        if self.source.first_hand {
            "Yes: the author was there"
        } else {
            "No: the author was not there, or tells what others said"
        }
    }
}

/// Whether a note flags words in the heading of this primary source, where the text prints its date.
fn flags_heading_of(data: &Dataset, note: &Note, source: &Source) -> bool {
    let Some(number) = source.number else {
        return false;
    };
    note.flags.iter().any(|flag| {
        data.paragraph(flag.paragraph).is_some_and(|p| {
            p.kind == ParagraphKind::SourceHeading && p.source_number == Some(number)
        })
    })
}

/// A claim that only the narrator makes, with no account in the dataset taking a position on it, so it has no
/// row in the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NarratorClaim {
    /// The question it would answer.
    pub question: &'static str,
    /// Where the narrator says it, verbatim (checked by the tests).
    pub citations: &'static [(&'static str, &'static str)],
}

/// The questions on which only the narrator speaks. The issue asked for a row on NKVD agents among the accused;
/// no account of the trial in the text says anything about it, so it is shown apart, as a claim to corroborate.
pub const NARRATOR_ONLY: &[NarratorClaim] = &[NarratorClaim {
    question: "Were NKVD agents among the accused?",
    citations: &[
        (
            "p101",
            "Five of the sixteen defendants were actually NKVD plants",
        ),
        (
            "p113",
            "This included the NKVD agents who had provided false confessions.",
        ),
    ],
}];
