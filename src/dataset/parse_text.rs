//! Splits the biography text into paragraphs and sorts them into kinds (`data/README.md`, "The text").
//!
//! A paragraph is a non-empty line; its id is `p<line>`. The first line is the title. Lines declared in
//! `captions.toml` are captions. The other lines before the `Primary Sources` heading are narrative; after it, a
//! line starting `(n) ` opens primary source `n` and every other line is its body (so Duranty's numbered list
//! `1.`-`4.` stays inside source 5).
//!
//! The parser never fails: a short line in the narrative that is not a declared caption (image residue) is
//! sorted as a caption anyway, so it does not need a chapter, and returned in [`ParsedText::residue`] for the
//! validator to report.
//!
//! Compiled by `build.rs` and by the library's native tests only, never into the app.

use std::collections::BTreeSet;

use super::model::ParagraphKind;

/// The one section heading of the text.
pub const SOURCES_HEADING: &str = "Primary Sources";

/// A narrative line shorter than this (in characters) is image residue, not a paragraph.
const SHORTEST_PARAGRAPH: usize = 80;

/// One non-empty line, sorted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedParagraph {
    pub line: u32,
    pub kind: ParagraphKind,
    pub text: String,
    pub source_number: Option<u8>,
}

impl ParsedParagraph {
    pub fn id(&self) -> String {
        format!("p{}", self.line)
    }
}

#[derive(Clone, Debug, Default)]
pub struct ParsedText {
    /// Every non-empty line, in order.
    pub paragraphs: Vec<ParsedParagraph>,
    /// Lines of narrative that look like image residue but are not declared captions (sorted as captions).
    pub residue: Vec<u32>,
}

/// The non-empty lines of `text` with their line numbers (from 1); a trailing `\r` is not part of a line.
pub fn lines(text: &str) -> impl Iterator<Item = (u32, &str)> {
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .zip(1..)
        .filter(|(line, _)| !line.trim().is_empty())
        .map(|(line, number)| (number, line))
}

/// The `n` of a source heading line `(n) ...`.
pub fn source_heading_number(line: &str) -> Option<u8> {
    let (number, _) = line.strip_prefix('(')?.split_once(") ")?;
    number
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| number.parse().ok())?
}

/// Whether a line looks like image residue rather than prose: short, or not ending a sentence.
pub fn looks_like_residue(line: &str) -> bool {
    let ends_sentence = line
        .trim_end()
        .ends_with(['.', '!', '?', '"', '\'', '”', '’', ')', ':']);
    line.chars().count() < SHORTEST_PARAGRAPH || !ends_sentence
}

/// Sorts the lines of `text`; `captions` are the declared caption and alt lines.
pub fn parse(text: &str, captions: &BTreeSet<u32>) -> ParsedText {
    let mut parsed = ParsedText::default();
    let mut in_sources = false;
    let mut source_number = None;
    for (index, (line, body)) in lines(text).enumerate() {
        let mut number = None;
        let kind = if index == 0 {
            ParagraphKind::Title
        } else if captions.contains(&line) {
            ParagraphKind::Caption
        } else if !in_sources && body.trim() == SOURCES_HEADING {
            in_sources = true;
            ParagraphKind::Heading
        } else if !in_sources && looks_like_residue(body) {
            parsed.residue.push(line);
            ParagraphKind::Caption
        } else if !in_sources {
            ParagraphKind::Narrative
        } else if let Some(n) = source_heading_number(body) {
            source_number = Some(n);
            number = source_number;
            ParagraphKind::SourceHeading
        } else {
            number = source_number;
            ParagraphKind::SourceBody
        };
        parsed.paragraphs.push(ParsedParagraph {
            line,
            kind,
            text: body.to_string(),
            source_number: number,
        });
    }
    parsed
}
