//! Where things live in the app's URLs: paragraphs, editorial notes, primary sources and the chapters that quote
//! them.
//!
//! Narrative paragraphs and captions are on their chapter's page (`/chapters/<chapter>#p38`); the heading and body
//! of primary source `(n)` are on `/sources/<n>`. A note's panel is on the page of its first flagged words
//! (`#note-<id>`).

use crate::dataset::{Chapter, Dataset, Note, ParagraphKind, Source};

use super::inline::note_panel_id;

/// The page a paragraph is on, without the `#` part: `/chapters/<chapter>` or `/sources/<n>`.
pub fn paragraph_page(dataset: &Dataset, paragraph: &str) -> Option<String> {
    let found = dataset.paragraph(paragraph)?;
    match found.kind {
        ParagraphKind::Narrative => dataset
            .chapter_of(paragraph)
            .map(|c| format!("/chapters/{}", c.id)),
        ParagraphKind::Caption => dataset
            .caption(found.line)
            .or_else(|| dataset.caption(found.line + 1))
            .and_then(|c| c.chapter)
            .map(|c| format!("/chapters/{c}")),
        ParagraphKind::SourceHeading | ParagraphKind::SourceBody => {
            found.source_number.map(|n| format!("/sources/{n}"))
        }
        ParagraphKind::Title | ParagraphKind::Heading => None,
    }
}

/// The permalink of a paragraph: `/chapters/<chapter>#p38` or `/sources/<n>#p135`.
pub fn paragraph_href(dataset: &Dataset, paragraph: &str) -> Option<String> {
    paragraph_page(dataset, paragraph).map(|page| format!("{page}#{paragraph}"))
}

/// Where a note's first panel is: `/chapters/<chapter>#note-<id>` (or on a primary source's page).
pub fn note_href(dataset: &Dataset, note: &Note) -> Option<String> {
    let flag = note.flags.first()?;
    paragraph_page(dataset, flag.paragraph)
        .map(|page| format!("{page}#{}", note_panel_id(note.id, 1)))
}

/// The numbered primary sources quoted in these paragraphs, each once, with the first paragraph quoting it, in
/// text order.
pub fn sources_quoted_in(
    dataset: &Dataset,
    paragraphs: &[&str],
) -> Vec<(&'static str, &'static Source)> {
    let mut quoted: Vec<(&'static str, &'static Source)> = Vec::new();
    for paragraph in paragraphs {
        for source in dataset.sources.iter().filter(|s| s.number.is_some()) {
            let cited = source.citations.iter().find(|c| c.paragraph == *paragraph);
            if let Some(citation) = cited {
                if !quoted.iter().any(|(_, s)| s.id == source.id) {
                    quoted.push((citation.paragraph, source));
                }
            }
        }
    }
    quoted
}

/// The chapters that quote a source, in reading order, each with the first paragraph that does.
pub fn chapters_quoting(
    dataset: &Dataset,
    source: &Source,
) -> Vec<(&'static Chapter, &'static str)> {
    dataset
        .chapters
        .iter()
        .filter_map(|chapter| {
            let first = chapter
                .paragraphs
                .iter()
                .find(|p| source.citations.iter().any(|c| c.paragraph == **p))?;
            Some((chapter, *first))
        })
        .collect()
}

/// A requested path as a reader would type it, for the Not Found page: percent escapes that spell UTF-8 text are
/// decoded; escapes of control characters, of bytes that are not UTF-8, and malformed escapes are kept as
/// written. Cut to `max_chars` characters. The result is text, never markup.
pub fn readable_path(path: &str, max_chars: usize) -> String {
    let bytes = path.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    // Decode every well-formed escape, remembering which bytes came from one (to write them back if need be).
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut escaped = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = match bytes.get(i..i + 3) {
            Some([b'%', high, low]) => hex(*high).zip(hex(*low)),
            _ => None,
        };
        if let Some((high, low)) = escape {
            decoded.push(high << 4 | low);
            escaped.push(true);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            escaped.push(false);
            i += 1;
        }
    }
    let write_back = |shown: &mut String, from: usize, to: usize| {
        for (&byte, &was_escaped) in decoded[from..to].iter().zip(&escaped[from..to]) {
            if was_escaped || byte.is_ascii_control() {
                shown.push_str(&format!("%{byte:02X}"));
            } else {
                shown.push(char::from(byte));
            }
        }
    };
    let mut shown = String::with_capacity(path.len());
    let mut offset = 0;
    for chunk in decoded.utf8_chunks() {
        for c in chunk.valid().chars() {
            let next = offset + c.len_utf8();
            if c.is_control() {
                write_back(&mut shown, offset, next);
            } else {
                shown.push(c);
            }
            offset = next;
        }
        let bad = chunk.invalid().len();
        write_back(&mut shown, offset, offset + bad);
        offset += bad;
    }
    shown.chars().take(max_chars).collect()
}
