//! The render plan of a paragraph: the [`Piece`]s a component turns into text, links, marks and buttons.
//!
//! Built from [`Dataset::segments`] (person mentions, flagged words, repeated passages) and the glossary
//! [`TermUse`]s of the page:
//!
//! - **Person links.** Only the first mention of each person in a paragraph becomes a link to their page; later
//!   mentions in the same paragraph stay plain text, so a paragraph about Kamenev and Zinoviev is not a sea of
//!   links.
//! - **Flagged words** are grouped into one [`Piece::Flagged`] per run of words flagged by the same notes, followed
//!   by one [`Piece::Marker`] per note whose flagged words end there. Each marker opens a panel whose id is
//!   `note-<note id>` for the note's first marker on the page and `note-<note id>-<n>` for the n-th after that, so
//!   other pages can link to `/chapters/<chapter>#note-<note id>`.
//! - **Repeated passages** are left out; one [`Piece::Omitted`] stands in their place, once per passage.
//! - **Glossary terms** become a [`Piece::Term`] at their first use on the page. A name inside a term ("Kornilov
//!   crisis") is part of the term there, not a link; the term lists the people it names, and the next mention of
//!   that person in the paragraph, if any, is the one linked.

use crate::dataset::{Dataset, MarkKind, Paragraph, Span, Term};

use super::glossary::{first_uses, TermUse};

/// One piece of a paragraph as the reader shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Plain text.
    Text(&'static str),
    /// A name linked to the person's page: the first mention of that person in the paragraph.
    Person {
        text: &'static str,
        person: &'static str,
    },
    /// A glossary term at its first use on the page (the term's id), with the people named inside its words.
    Term {
        text: &'static str,
        term: &'static str,
        people: Vec<&'static str>,
    },
    /// Words flagged by these notes, with what is inside them (never another `Flagged` or a `Marker`).
    Flagged {
        notes: Vec<&'static str>,
        pieces: Vec<Piece>,
    },
    /// The button that opens editorial note `note`, in the panel with id `panel`.
    Marker { note: &'static str, panel: String },
    /// Where a repeated passage was left out (the duplicate's id): show its note instead.
    Omitted(&'static str),
}

/// The id of the `nth` (from 1) panel of a note on one page.
pub fn note_panel_id(note: &str, nth: u32) -> String {
    if nth <= 1 {
        format!("note-{note}")
    } else {
        format!("note-{note}-{nth}")
    }
}

/// The id of the explanation of a glossary term at its first use on a page.
pub fn term_panel_id(term: &str) -> String {
    format!("gloss-{term}")
}

/// Hands out unique note panel ids across one page.
#[derive(Clone, Debug, Default)]
pub struct PanelIds {
    seen: Vec<(&'static str, u32)>,
}

impl PanelIds {
    /// The id for the next panel of `note`.
    pub fn next(&mut self, note: &'static str) -> String {
        let nth = match self.seen.iter_mut().find(|(n, _)| *n == note) {
            Some((_, count)) => {
                *count += 1;
                *count
            }
            None => {
                self.seen.push((note, 1));
                1
            }
        };
        note_panel_id(note, nth)
    }
}

/// The pieces of one paragraph. `terms` are the glossary uses to explain in it (uses in other paragraphs are
/// ignored); `panels` numbers the note panels across the page.
pub fn paragraph_pieces(
    dataset: &Dataset,
    paragraph: &'static Paragraph,
    terms: &[TermUse],
    panels: &mut PanelIds,
) -> Vec<Piece> {
    let text = paragraph.text;
    let terms: Vec<&TermUse> = terms
        .iter()
        .filter(|u| u.paragraph == paragraph.id)
        .collect();
    let term_at = |span: Span| terms.iter().copied().find(|u| within(span, u.span));
    let first_mentions = first_mentions(paragraph, &terms);
    let mut out: Vec<Piece> = Vec::new();
    let mut omitted: Option<&'static str> = None;
    for segment in dataset.segments(paragraph) {
        if let Some(duplicate) = segment.duplicate {
            if omitted != Some(duplicate) {
                out.push(Piece::Omitted(duplicate));
                omitted = Some(duplicate);
            }
        } else {
            omitted = None;
            let mut inner: Vec<Piece> = Vec::new();
            for span in split_at_terms(segment.span, &terms) {
                let piece = match (term_at(span), segment.person) {
                    (Some(term), _) if term.span.start == span.start => Piece::Term {
                        text: &text[term.span.range()],
                        term: term.term,
                        people: people_within(paragraph, term.span),
                    },
                    (Some(_), _) => continue,
                    (None, Some(person))
                        if first_mentions
                            .iter()
                            .any(|(p, first)| *p == person && within(span, *first)) =>
                    {
                        Piece::Person {
                            text: &text[span.range()],
                            person,
                        }
                    }
                    (None, _) => Piece::Text(&text[span.range()]),
                };
                inner.push(piece);
            }
            if segment.flags.is_empty() {
                out.extend(inner);
            } else {
                match out.last_mut() {
                    Some(Piece::Flagged { notes, pieces }) if *notes == segment.flags => {
                        pieces.extend(inner)
                    }
                    _ => out.push(Piece::Flagged {
                        notes: segment.flags.clone(),
                        pieces: inner,
                    }),
                }
            }
        }
        for note in &segment.flag_ends {
            out.push(Piece::Marker {
                note,
                panel: panels.next(note),
            });
        }
    }
    merge_text(text, out)
}

/// The pieces of every paragraph of a page (a chapter, or a primary source), with glossary terms explained at
/// their first use on the page and note panel ids unique across it.
pub fn page_pieces(
    dataset: &Dataset,
    paragraphs: &[&'static Paragraph],
    terms: &[Term],
) -> Vec<Vec<Piece>> {
    let uses = first_uses(paragraphs.iter().copied(), terms);
    let mut panels = PanelIds::default();
    paragraphs
        .iter()
        .map(|paragraph| paragraph_pieces(dataset, paragraph, &uses, &mut panels))
        .collect()
}

/// The span of each person's first mention in the paragraph that is shown as a name: outside repeated passages
/// and outside glossary terms.
fn first_mentions(paragraph: &Paragraph, terms: &[&TermUse]) -> Vec<(&'static str, Span)> {
    let hidden: Vec<Span> = paragraph
        .marks
        .iter()
        .filter(|m| matches!(m.kind, MarkKind::Duplicate(_)))
        .map(|m| m.span)
        .chain(terms.iter().map(|u| u.span))
        .collect();
    let mut first: Vec<(&'static str, Span)> = Vec::new();
    for mark in paragraph.marks {
        if let MarkKind::Person(person) = mark.kind {
            let shown = !hidden.iter().any(|h| h.overlaps(mark.span));
            if shown && !first.iter().any(|(p, _)| *p == person) {
                first.push((person, mark.span));
            }
        }
    }
    first
}

/// The people named inside `span`, each once, in order.
fn people_within(paragraph: &Paragraph, span: Span) -> Vec<&'static str> {
    let mut people = Vec::new();
    for mark in paragraph.marks.iter().filter(|m| within(m.span, span)) {
        if let MarkKind::Person(person) = mark.kind {
            if !people.contains(&person) {
                people.push(person);
            }
        }
    }
    people
}

fn within(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// `span` cut at the edges of the term uses inside it.
fn split_at_terms(span: Span, terms: &[&TermUse]) -> Vec<Span> {
    let mut cuts: Vec<u32> = vec![span.start, span.end];
    for term in terms {
        for edge in [term.span.start, term.span.end] {
            if span.start < edge && edge < span.end {
                cuts.push(edge);
            }
        }
    }
    crate::sorting::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .map(|pair| Span {
            start: pair[0],
            end: pair[1],
        })
        .collect()
}

/// Joins neighbouring plain texts that are contiguous in `text` (at any depth), so each run of plain words is one
/// piece.
fn merge_text(text: &'static str, pieces: Vec<Piece>) -> Vec<Piece> {
    let base = text.as_ptr() as usize;
    let offset = |s: &str| s.as_ptr() as usize - base;
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let piece = match piece {
            Piece::Flagged { notes, pieces } => Piece::Flagged {
                notes,
                pieces: merge_text(text, pieces),
            },
            other => other,
        };
        match (out.last_mut(), &piece) {
            (Some(Piece::Text(previous)), Piece::Text(next))
                if offset(previous) + previous.len() == offset(next) =>
            {
                let start = offset(previous);
                *previous = &text[start..offset(next) + next.len()];
            }
            _ => out.push(piece),
        }
    }
    out
}
