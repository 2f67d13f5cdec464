//! The words of each account as the text gives them: which part of a paragraph is the account's own, where it
//! is in the app, and where its claims are inside it.
//!
//! A numbered primary source is printed in full under its heading, so its excerpt is each of its paragraphs. An
//! account quoted in the narrative shares its paragraph with the narrator: its excerpt is the passage inside the
//! quotation marks that hold the cited words, or, when the narrator reports it without quotation marks, the
//! sentence that reports it ([`Voice::Reported`], which the page says is not a quotation).

use crate::dataset::{Claim, Dataset, ParagraphKind, Source, Span};

/// The address of a paragraph in the app: `/chapters/<chapter>#p84` for narrative text, `/sources/<n>#p171` for a
/// primary source.
pub fn paragraph_href(data: &Dataset, paragraph: &str) -> Option<String> {
    let found = data.paragraph(paragraph)?;
    match found.kind {
        ParagraphKind::Narrative => data
            .chapter_of(paragraph)
            .map(|chapter| format!("/chapters/{}#{paragraph}", chapter.id)),
        ParagraphKind::SourceHeading | ParagraphKind::SourceBody => found
            .source_number
            .map(|number| format!("/sources/{number}#{paragraph}")),
        _ => None,
    }
}

/// Where a paragraph is, in words for a link: "primary source 8, paragraph 171" or "chapter “The trial”,
/// paragraph 84" (paragraphs are numbered by their line in the text).
pub fn place_label(data: &Dataset, paragraph: &str) -> String {
    let number = paragraph.trim_start_matches('p');
    let found = data.paragraph(paragraph);
    match (
        found.and_then(|p| p.source_number),
        data.chapter_of(paragraph),
    ) {
        (Some(source), _) => format!("primary source {source}, paragraph {number}"),
        (None, Some(chapter)) => format!("chapter “{}”, paragraph {number}", chapter.title),
        (None, None) => format!("paragraph {number}"),
    }
}

/// Whose words an excerpt is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// A primary source, printed in full under its own heading.
    Source,
    /// Words the narrator puts in quotation marks.
    Quoted,
    /// Words the narrator reports without quotation marks: a paraphrase, not a quotation.
    Reported,
}

/// A passage of an account, verbatim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The paragraph id (`p171`).
    pub paragraph: &'static str,
    /// Where the passage is in the paragraph's text.
    pub span: Span,
    /// The passage, exactly as the text has it.
    pub text: &'static str,
    pub voice: Voice,
    /// Its place in the app ([`paragraph_href`]).
    pub href: String,
}

/// The passages of an account, in the order of its citations, each passage once.
pub fn excerpts(data: &Dataset, source: &Source) -> Vec<Excerpt> {
    let mut found: Vec<Excerpt> = Vec::new();
    let mut push = |paragraph: &'static str, text: &'static str, span: Span, voice: Voice| {
        let seen = found
            .iter()
            .any(|e| e.paragraph == paragraph && e.span == span);
        if !seen {
            found.push(Excerpt {
                paragraph,
                span,
                text: &text[span.range()],
                voice,
                href: paragraph_href(data, paragraph).unwrap_or_default(),
            });
        }
    };
    if let Some(number) = source.number {
        for paragraph in data
            .source_paragraphs(number)
            .filter(|p| p.kind == ParagraphKind::SourceBody)
        {
            let whole = Span {
                start: 0,
                end: paragraph.text.len() as u32,
            };
            push(paragraph.id, paragraph.text, whole, Voice::Source);
        }
        return found;
    }
    for citation in source.citations {
        let Some(paragraph) = data.paragraph(citation.paragraph) else {
            continue;
        };
        let Some(start) = paragraph.text.find(citation.quote) else {
            continue;
        };
        let cited = Span {
            start: start as u32,
            end: (start + citation.quote.len()) as u32,
        };
        match quotation_around(paragraph.text, cited) {
            Some(span) => push(paragraph.id, paragraph.text, span, Voice::Quoted),
            None => {
                let span = sentence_around(paragraph.text, cited);
                push(paragraph.id, paragraph.text, span, Voice::Reported)
            }
        }
    }
    found
}

/// The inside of the pair of double quotation marks that encloses `span`, if one does. Marks are paired in order
/// from the start of the paragraph.
pub fn quotation_around(text: &str, span: Span) -> Option<Span> {
    let marks: Vec<u32> = text.match_indices('"').map(|(i, _)| i as u32).collect();
    marks.chunks_exact(2).find_map(|pair| {
        let (open, close) = (pair[0], pair[1]);
        (open < span.start && span.end <= close + 1).then_some(Span {
            start: open + 1,
            end: close,
        })
    })
}

/// `span` widened to whole sentences: from after the previous sentence's end to the end of the sentence it ends
/// in (with a closing quotation mark, if one follows).
pub fn sentence_around(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| matches!(bytes[i], b'.' | b'!' | b'?');
    // A sentence ends at `.`, `!` or `?`, or at one of those followed by a closing quotation mark.
    let ends_before = |i: usize| {
        i >= 1 && (ends_sentence(i - 1) || (i >= 2 && bytes[i - 1] == b'"' && ends_sentence(i - 2)))
    };
    let start = (1..span.start as usize)
        .rev()
        .find(|&i| bytes[i] == b' ' && ends_before(i))
        .map_or(0, |i| i + 1);
    let mut end = span.end as usize;
    if !ends_before(end) {
        end = (end..bytes.len())
            .find(|&i| {
                ends_sentence(i) && bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'"')
            })
            .map_or(bytes.len(), |i| i + 1);
        if bytes.get(end) == Some(&b'"') {
            end += 1;
        }
    }
    Span {
        start: start as u32,
        end: end as u32,
    }
}

/// A piece of an excerpt and the claims whose quoted words it is part of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: &'static str,
    pub claims: Vec<&'static Claim>,
}

/// Splits an excerpt at the edges of the claims quoted inside it, so each claim's words can be highlighted.
/// Claims about other paragraphs, or whose words are not inside this excerpt, are ignored. Concatenating the
/// pieces gives back the excerpt.
pub fn highlight(excerpt: &Excerpt, claims: &[&'static Claim]) -> Vec<Piece> {
    let inside: Vec<(Span, &'static Claim)> = claims
        .iter()
        .filter(|c| c.paragraph == excerpt.paragraph)
        .filter_map(|c| {
            let start = excerpt.text.find(c.quote)? as u32;
            let span = Span {
                start,
                end: start + c.quote.len() as u32,
            };
            Some((span, *c))
        })
        .collect();
    let mut cuts: Vec<u32> = vec![0, excerpt.text.len() as u32];
    cuts.extend(inside.iter().flat_map(|(s, _)| [s.start, s.end]));
    crate::sorting::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .map(|pair| {
            let piece = Span {
                start: pair[0],
                end: pair[1],
            };
            Piece {
                text: &excerpt.text[piece.range()],
                claims: inside
                    .iter()
                    .filter(|(s, _)| s.start <= piece.start && piece.end <= s.end)
                    .map(|(_, c)| *c)
                    .collect(),
            }
        })
        .collect()
}
