//! Where glossary terms are explained: at their first use in each chapter (and in each primary source).
//!
//! A term is found where one of its forms (the term and its `variants`) occurs as a whole word, case-sensitive
//! as written. Where forms of different terms overlap ("Moscow Soviet" and "Soviet"), the leftmost, then longest,
//! wins, and the shorter one is not counted there. An occurrence is skipped (and the term is explained at its
//! next use) when it overlaps a repeated passage, or crosses the edge of a person's name or of words flagged by a
//! note: the explanation must wrap exactly the term's words. A term may contain a whole name ("Kornilov crisis");
//! the name is then part of the term there (see [`super::inline`]).

use crate::dataset::{MarkKind, Paragraph, Span, Term};

/// One use of a glossary term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermUse {
    /// The term's id.
    pub term: &'static str,
    /// The paragraph id.
    pub paragraph: &'static str,
    /// Where the term's words are in the paragraph's text.
    pub span: Span,
}

/// The byte offsets where `word` occurs in `text` as a whole word: not preceded or followed by a letter or digit.
pub fn whole_word_starts<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    text.match_indices(word)
        .map(|(start, _)| start)
        .filter(move |&start| {
            !word.is_empty()
                && boundary(text[..start].chars().next_back())
                && boundary(text[start + word.len()..].chars().next())
        })
}

/// Every use of any of `terms` in the paragraph that the reader can be shown, in text order (see the module
/// docs for which uses count).
pub fn term_uses(paragraph: &Paragraph, terms: &[Term]) -> Vec<TermUse> {
    let text = paragraph.text;
    let mut found: Vec<TermUse> = terms
        .iter()
        .flat_map(|term| {
            std::iter::once(term.term)
                .chain(term.variants.iter().copied())
                .flat_map(move |form| {
                    whole_word_starts(text, form).map(move |start| TermUse {
                        term: term.id,
                        paragraph: paragraph.id,
                        span: Span {
                            start: start as u32,
                            end: (start + form.len()) as u32,
                        },
                    })
                })
        })
        .collect();
    crate::sorting::sort_by_key(&mut found, |u| {
        (u.span.start, std::cmp::Reverse(u.span.end))
    });
    let mut kept: Vec<TermUse> = Vec::new();
    let mut taken_to = 0;
    for found in found {
        if found.span.start < taken_to {
            continue;
        }
        taken_to = found.span.end;
        if showable(paragraph, found.span) {
            kept.push(found);
        }
    }
    kept
}

/// Whether the words at `span` can be wrapped as a term: no repeated passage overlaps them, each name is inside
/// them or clear of them, and each flagged range contains them or stays clear of them.
fn showable(paragraph: &Paragraph, span: Span) -> bool {
    let within = |inner: Span, outer: Span| outer.start <= inner.start && inner.end <= outer.end;
    paragraph.marks.iter().all(|mark| {
        !mark.span.overlaps(span)
            || match mark.kind {
                MarkKind::Duplicate(_) => false,
                MarkKind::Person(_) => within(mark.span, span),
                MarkKind::Flag(_) => within(span, mark.span),
            }
    })
}

/// The first use of each term in these paragraphs (a chapter, or a primary source), in text order.
pub fn first_uses<'p>(
    paragraphs: impl IntoIterator<Item = &'p Paragraph>,
    terms: &[Term],
) -> Vec<TermUse> {
    let mut first: Vec<TermUse> = Vec::new();
    for paragraph in paragraphs {
        for found in term_uses(paragraph, terms) {
            if !first.iter().any(|f| f.term == found.term) {
                first.push(found);
            }
        }
    }
    first
}
