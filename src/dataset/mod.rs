//! The dataset: the biography text and the structured records in `data/`, compiled into `&'static` Rust data.
//!
//! # What it owns
//!
//! Everything the app shows about Kamenev comes from here. `build.rs` reads `data/` (the text and the TOML files
//! described in `data/README.md`), validates it (`validate.rs`) and writes it out as Rust literals (`codegen.rs`)
//! to `$OUT_DIR/dataset.rs`, which this module `include!`s as one static:
//!
//! ```ignore
//! use crate::dataset::DATA;
//! let chapter = DATA.chapter("early-life").expect("known chapter");
//! for paragraph in DATA.chapter_paragraphs(chapter) { /* ... */ }
//! ```
//!
//! [`DATA`] is the only static. The types are in [`model`]; the lookups below are methods on [`Dataset`], so they
//! can also be run on a dataset built from test fixtures.
//!
//! # Architecture invariants
//!
//! - The app never parses or validates anything at runtime: a broken data file stops the build with
//!   `data/<file>:<line>: <item>: <what is wrong>: <how to fix it>`. Once it compiles, every id a record names
//!   exists, every quote is verbatim in its paragraph and every byte offset is on a `char` boundary, so the lookups
//!   below return `Option` only for ids that come from outside (a URL).
//! - Offsets (person mentions, flagged words, repeated passages) are precomputed at build time ([`Paragraph::marks`]).
//! - The text is never altered: [`Paragraph::text`] is the line exactly as the file has it; repeated passages are
//!   hidden by [`Dataset::segments`], and errors are flagged by notes, never corrected in place.
//! - This module is pure Rust. It never imports the UI or browser crates (Leptos, web-sys, wasm-bindgen, gloo);
//!   a tidy test checks that. The parser and validator (`raw`, `parse_text`, `validate`, `codegen`) are compiled
//!   into `build.rs` and into native tests only, never into the wasm.
//! - Set `DATASET_DIR` to build against another folder (the test fixtures, say) instead of `data/`.

use std::borrow::Cow;

pub mod model;

#[cfg(test)]
mod codegen;
#[cfg(test)]
mod parse_text;
#[cfg(test)]
mod raw;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod validate;

pub use model::*;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// `text[start..end]`, computed at compile time: the generated data writes every quote as a slice of its paragraph's
/// text, so the bytes are stored once. `build.rs` only emits ranges on `char` boundaries.
const fn sub(text: &'static str, start: usize, end: usize) -> &'static str {
    let (_, tail) = text.as_bytes().split_at(start);
    let (bytes, _) = tail.split_at(end - start);
    match core::str::from_utf8(bytes) {
        Ok(slice) => slice,
        Err(_) => panic!("a slice of the text must lie on char boundaries"),
    }
}

/// A piece of a paragraph with uniform marking, produced by [`Dataset::segments`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: &'static str,
    pub span: Span,
    /// The person this piece names, if it is (part of) a mention.
    pub person: Option<&'static str>,
    /// Notes whose flagged words include this piece.
    pub flags: Vec<&'static str>,
    /// Notes whose flagged words end with this piece: put their inline marker after it.
    pub flag_ends: Vec<&'static str>,
    /// Set when the piece is a repeated passage: hide it (show the duplicate's note once instead).
    pub duplicate: Option<&'static str>,
}

/// What a chapter shows, in text order: its narrative paragraphs and the captions among them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChapterItem {
    Paragraph(&'static Paragraph),
    Caption(&'static Caption),
}

impl Dataset {
    /// The paragraph `p<line>`.
    pub fn paragraph(&self, id: &str) -> Option<&'static Paragraph> {
        self.paragraph_at(id.strip_prefix('p')?.parse().ok()?)
    }

    /// The paragraph on this line of the text.
    pub fn paragraph_at(&self, line: u32) -> Option<&'static Paragraph> {
        let index = self
            .paragraphs
            .binary_search_by_key(&line, |p| p.line)
            .ok()?;
        Some(&self.paragraphs[index])
    }

    pub fn chapter(&self, id: &str) -> Option<&'static Chapter> {
        self.chapters.iter().find(|c| c.id == id)
    }

    /// The chapter a narrative paragraph is in.
    pub fn chapter_of(&self, paragraph: &str) -> Option<&'static Chapter> {
        self.chapters
            .iter()
            .find(|c| c.paragraphs.contains(&paragraph))
    }

    /// The chapters before and after this one.
    pub fn chapter_neighbours(
        &self,
        id: &str,
    ) -> (Option<&'static Chapter>, Option<&'static Chapter>) {
        let Some(index) = self.chapters.iter().position(|c| c.id == id) else {
            return (None, None);
        };
        (
            index.checked_sub(1).map(|i| &self.chapters[i]),
            self.chapters.get(index + 1),
        )
    }

    /// The narrative paragraphs of a chapter, in order.
    pub fn chapter_paragraphs(
        &self,
        chapter: &Chapter,
    ) -> impl Iterator<Item = &'static Paragraph> + '_ {
        chapter
            .paragraphs
            .iter()
            .filter_map(|id| self.paragraph(id))
    }

    /// A chapter's paragraphs and captions, in text order.
    pub fn chapter_items(&self, chapter: &Chapter) -> Vec<ChapterItem> {
        let captions = self
            .captions
            .iter()
            .filter(|c| c.chapter == Some(chapter.id));
        let mut items: Vec<(u32, ChapterItem)> = captions
            .map(|c| (c.line, ChapterItem::Caption(c)))
            .collect();
        items.extend(
            self.chapter_paragraphs(chapter)
                .map(|p| (p.line, ChapterItem::Paragraph(p))),
        );
        crate::sorting::sort_by_key(&mut items, |(line, _)| *line);
        items.into_iter().map(|(_, item)| item).collect()
    }

    /// The caption on this line.
    pub fn caption(&self, line: u32) -> Option<&'static Caption> {
        self.captions.iter().find(|c| c.line == line)
    }

    pub fn duplicate(&self, id: &str) -> Option<&'static Duplicate> {
        self.duplicates.iter().find(|d| d.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&'static Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The paragraphs that mention a person, in text order.
    pub fn mentions_of<'a>(
        &'a self,
        person: &'a str,
    ) -> impl Iterator<Item = &'static Paragraph> + 'a {
        let mentions = move |p: &&Paragraph| {
            p.marks
                .iter()
                .any(|m| matches!(m.kind, MarkKind::Person(id) if id == person))
        };
        self.paragraphs.iter().filter(mentions)
    }

    /// A person's positions, in file order.
    pub fn positions_of<'a>(
        &'a self,
        person: &'a str,
    ) -> impl Iterator<Item = &'static Position> + 'a {
        self.positions.iter().filter(move |p| p.person == person)
    }

    /// The events a person took part in, in timeline order.
    pub fn events_of<'a>(&'a self, person: &'a str) -> impl Iterator<Item = &'static Event> + 'a {
        self.events_sorted()
            .filter(move |e| e.people.contains(&person))
    }

    pub fn event(&self, id: &str) -> Option<&'static Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Every event in timeline order: by [`Event::timeline_date`] (the corrected date where a note gives one),
    /// file order among equal dates.
    pub fn events_sorted(&self) -> impl Iterator<Item = &'static Event> + '_ {
        self.timeline.iter().map(|&i| &self.events[i as usize])
    }

    pub fn position(&self, id: &str) -> Option<&'static Position> {
        self.positions.iter().find(|p| p.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Primary source `(n)`.
    pub fn source_by_number(&self, number: u8) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.number == Some(number))
    }

    /// The heading and body paragraphs of primary source `(n)`.
    pub fn source_paragraphs(&self, number: u8) -> impl Iterator<Item = &'static Paragraph> + '_ {
        self.paragraphs
            .iter()
            .filter(move |p| p.source_number == Some(number))
    }

    pub fn note(&self, id: &str) -> Option<&'static Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// The notes that flag words in a paragraph, in file order.
    pub fn notes_for_paragraph<'a>(
        &'a self,
        paragraph: &'a str,
    ) -> impl Iterator<Item = &'static Note> + 'a {
        self.notes
            .iter()
            .filter(move |n| n.flags.iter().any(|f| f.paragraph == paragraph))
    }

    pub fn term(&self, id: &str) -> Option<&'static Term> {
        self.terms.iter().find(|t| t.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// What each source says on a question, in file order.
    pub fn claims_for<'a>(
        &'a self,
        question: &'a str,
    ) -> impl Iterator<Item = &'static Claim> + 'a {
        self.claims.iter().filter(move |c| c.question == question)
    }

    /// Splits a paragraph at every mark boundary, so each piece can be rendered as plain text, a person link, a
    /// flagged span, or hidden (a repeated passage). Concatenating the pieces gives back `paragraph.text`.
    pub fn segments(&self, paragraph: &Paragraph) -> Vec<Segment> {
        let text = paragraph.text;
        let mut cuts: Vec<u32> = vec![0, text.len() as u32];
        cuts.extend(
            paragraph
                .marks
                .iter()
                .flat_map(|m| [m.span.start, m.span.end]),
        );
        crate::sorting::sort(&mut cuts);
        cuts.dedup();
        let pieces = cuts.windows(2).map(|pair| Span {
            start: pair[0],
            end: pair[1],
        });
        let segment = |span: Span| {
            let covering = paragraph
                .marks
                .iter()
                .filter(move |m| m.span.start <= span.start && span.end <= m.span.end);
            let mut segment = Segment {
                text: &text[span.range()],
                span,
                person: None,
                flags: Vec::new(),
                flag_ends: Vec::new(),
                duplicate: None,
            };
            for mark in covering {
                match mark.kind {
                    MarkKind::Person(id) => segment.person = Some(id),
                    MarkKind::Flag(id) => {
                        segment.flags.push(id);
                        if mark.span.end == span.end {
                            segment.flag_ends.push(id);
                        }
                    }
                    MarkKind::Duplicate(id) => segment.duplicate = Some(id),
                }
            }
            segment
        };
        pieces.map(segment).collect()
    }
}

impl Paragraph {
    /// The text as the reader shows it: the line with repeated passages removed.
    pub fn display_text(&self) -> Cow<'static, str> {
        let mut hidden = self
            .marks
            .iter()
            .filter(|m| matches!(m.kind, MarkKind::Duplicate(_)))
            .peekable();
        if hidden.peek().is_none() {
            return Cow::Borrowed(self.text);
        }
        let mut shown = String::with_capacity(self.text.len());
        let mut from = 0;
        for mark in hidden {
            let start = (mark.span.start as usize).max(from);
            shown.push_str(&self.text[from..start]);
            from = from.max(mark.span.end as usize);
        }
        shown.push_str(&self.text[from..]);
        Cow::Owned(shown)
    }

    /// The people this paragraph mentions, in order of first mention, each once.
    pub fn people(&self) -> Vec<&'static str> {
        let mut people: Vec<&'static str> = Vec::new();
        for mark in self.marks {
            if let MarkKind::Person(id) = mark.kind {
                if !people.contains(&id) {
                    people.push(id);
                }
            }
        }
        people
    }
}
