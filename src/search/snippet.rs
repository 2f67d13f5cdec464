//! Highlighting: cutting a text into plain and marked pieces, and choosing a short window around the matches.
//!
//! Works on byte ranges into one text and returns borrowed pieces, so a view can render each piece as a text node
//! or a `<mark>` element (never as HTML). Knows nothing about the index or the dataset.

use std::ops::Range;

/// A run of text, highlighted or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub marked: bool,
}

/// Part of a text with its matches highlighted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet<'a> {
    /// Text was left out before the first piece (show "…").
    pub cut_before: bool,
    pub pieces: Vec<Piece<'a>>,
    /// Text was left out after the last piece (show "…").
    pub cut_after: bool,
}

impl Snippet<'_> {
    /// The snippet as plain text, with `…` where text was left out and `[` `]` around highlights (for tests and
    /// debugging).
    pub fn debug_text(&self) -> String {
        let mut out = String::new();
        if self.cut_before {
            out.push('…');
        }
        for piece in &self.pieces {
            if piece.marked {
                out.push('[');
                out.push_str(piece.text);
                out.push(']');
            } else {
                out.push_str(piece.text);
            }
        }
        if self.cut_after {
            out.push('…');
        }
        out
    }
}

/// Sorts `marks`, drops empty ones and merges those that overlap or touch.
pub fn merge(marks: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = marks.iter().filter(|m| m.start < m.end).cloned().collect();
    crate::sorting::sort_by_key(&mut sorted, |m| (m.start, m.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for mark in sorted {
        match merged.last_mut() {
            Some(last) if mark.start <= last.end => last.end = last.end.max(mark.end),
            _ => merged.push(mark),
        }
    }
    merged
}

/// Cuts `text[window]` into pieces, marking the parts covered by `marks` (merged, clipped to the window).
pub fn pieces<'a>(text: &'a str, window: Range<usize>, marks: &[Range<usize>]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut at = window.start;
    for mark in merge(marks) {
        let start = mark.start.clamp(window.start, window.end);
        let end = mark.end.clamp(window.start, window.end);
        if start >= end {
            continue;
        }
        if at < start {
            out.push(Piece {
                text: &text[at..start],
                marked: false,
            });
        }
        out.push(Piece {
            text: &text[start..end],
            marked: true,
        });
        at = end;
    }
    if at < window.end {
        out.push(Piece {
            text: &text[at..window.end],
            marked: false,
        });
    }
    out
}

/// The whole of `text` with `marks` highlighted.
pub fn highlight<'a>(text: &'a str, marks: &[Range<usize>]) -> Vec<Piece<'a>> {
    pieces(text, 0..text.len(), marks)
}

/// At most about `budget` bytes of `text` around its matches, cut at spaces: the window that holds the most marked
/// text (so a phrase beats a lone word), starting a little before its first mark. A text within the budget is
/// returned whole.
pub fn snippet<'a>(text: &'a str, marks: &[Range<usize>], budget: usize) -> Snippet<'a> {
    let marks = merge(marks);
    if text.len() <= budget {
        return Snippet {
            cut_before: false,
            pieces: highlight(text, &marks),
            cut_after: false,
        };
    }
    let lead = budget / 4;
    let mut best: (usize, usize) = (0, 0); // (marked bytes covered, window start)
    for (i, mark) in marks.iter().enumerate() {
        let start = mark.start.saturating_sub(lead);
        let end = start + budget;
        let covered: usize = marks[i..]
            .iter()
            .take_while(|m| m.end <= end)
            .map(|m| m.end - m.start)
            .sum();
        if covered > best.0 {
            best = (covered, start);
        }
    }
    let mut start = best.1.min(text.len().saturating_sub(budget));
    let mut end = (start + budget).min(text.len());
    if start > 0 {
        start = after_space(
            text,
            start,
            marks.first().map_or(end, |m| m.start.max(start)),
        );
    }
    if end < text.len() {
        end = before_space(text, start, end);
    }
    let (trimmed_start, trimmed_end) = trim(text, start, end);
    Snippet {
        cut_before: start > 0,
        pieces: pieces(text, trimmed_start..trimmed_end, &marks),
        cut_after: end < text.len(),
    }
}

/// The start of the first word at or after `at` (but not past `limit`); falls back to a char boundary.
fn after_space(text: &str, at: usize, limit: usize) -> usize {
    let at = floor_boundary(text, at);
    match text[at..].find(char::is_whitespace) {
        Some(offset) if at + offset < limit => {
            let space = at + offset;
            space + text[space..].chars().next().map_or(0, char::len_utf8)
        }
        _ => at,
    }
}

/// The end of the last word before `at` (but not before `floor`); falls back to a char boundary.
fn before_space(text: &str, floor: usize, at: usize) -> usize {
    let at = floor_boundary(text, at);
    match text[floor..at].rfind(char::is_whitespace) {
        Some(offset) if offset > 0 => floor + offset,
        _ => at,
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let left = slice.len() - slice.trim_start().len();
    let right = slice.len() - slice.trim_end().len();
    (start + left, end - right)
}

#[cfg(test)]
// A slice of one range is what `snippet` takes, not a mistaken range of numbers.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn merge_joins_overlapping_and_touching_ranges() {
        assert_eq!(merge(&[5..8, 0..2, 1..3, 8..9, 4..4]), vec![0..3, 5..9]);
    }

    #[test]
    fn highlight_alternates_plain_and_marked_pieces() {
        let text = "Kamenev and Zinoviev";
        let shown = highlight(text, &[12..20, 0..7]);
        assert_eq!(
            shown,
            vec![
                Piece {
                    text: "Kamenev",
                    marked: true
                },
                Piece {
                    text: " and ",
                    marked: false
                },
                Piece {
                    text: "Zinoviev",
                    marked: true
                },
            ]
        );
    }

    #[test]
    fn short_text_is_shown_whole() {
        let shown = snippet("Kamenev joined the Bolsheviks.", &[19..29], 200);
        assert_eq!(shown.debug_text(), "Kamenev joined the [Bolsheviks].");
    }

    #[test]
    fn long_text_is_cut_at_spaces_around_the_match() {
        let words: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        let at = text.find("w50").unwrap();
        let shown = snippet(&text, &[at..at + 3], 60);
        let plain = shown.debug_text();
        assert!(shown.cut_before && shown.cut_after);
        assert!(plain.contains("[w50]"), "{plain}");
        assert!(plain.starts_with("…w"), "starts on a whole word: {plain}");
        assert!(plain.ends_with("…") && !plain.ends_with(" …"), "{plain}");
        assert!(plain.len() <= 60 + 8, "{plain}");
        let before = plain.find("[w50]").unwrap();
        assert!(before > 5, "some context is kept before the match: {plain}");
    }

    #[test]
    fn window_prefers_the_densest_cluster_of_matches() {
        let text = format!(
            "{} alpha {} beta gamma delta {}",
            "x ".repeat(100),
            "y ".repeat(100),
            "z ".repeat(50)
        );
        let alpha = text.find("alpha").unwrap();
        let beta = text.find("beta").unwrap();
        let gamma = text.find("gamma").unwrap();
        let delta = text.find("delta").unwrap();
        let marks = [
            alpha..alpha + 5,
            beta..beta + 4,
            gamma..gamma + 5,
            delta..delta + 5,
        ];
        let plain = snippet(&text, &marks, 80).debug_text();
        assert!(plain.contains("[beta] [gamma] [delta]"), "{plain}");
        assert!(!plain.contains("alpha"), "{plain}");
    }

    #[test]
    fn window_prefers_a_phrase_to_a_lone_word() {
        let text = format!("Soviet {} the Moscow Soviet", "x ".repeat(150));
        let lone = 0..6;
        let phrase = text.len() - 13..text.len();
        let plain = snippet(&text, &[lone, phrase], 80).debug_text();
        assert!(plain.ends_with("[Moscow Soviet]"), "{plain}");
    }

    #[test]
    fn cuts_never_split_a_multibyte_character() {
        let text = "é".repeat(200);
        let shown = snippet(&text, &[200..202], 50);
        assert!(!shown.pieces.is_empty());
        assert!(shown.pieces.iter().any(|p| p.marked && p.text == "é"));
    }

    #[test]
    fn match_at_the_very_end_is_kept() {
        let text = format!("{}end", "a ".repeat(200));
        let at = text.len() - 3;
        let shown = snippet(&text, &[at..text.len()], 40);
        assert!(shown.debug_text().ends_with("[end]"));
        assert!(!shown.cut_after);
    }
}
