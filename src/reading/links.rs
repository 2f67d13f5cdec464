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
