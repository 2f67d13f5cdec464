//! Sentences and quotation marks in a paragraph: how the quiz cuts a verbatim excerpt around a quote.
//!
//! Works on byte offsets into the paragraph's text and only ever cuts at ASCII characters, so every excerpt is a
//! valid `&str` slice. Pure Rust; knows nothing about questions.

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
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

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 6] = ["St", "Mr", "Mrs", "Dr", "Ya", "No"];

/// The byte range of the first occurrence of `quote` in `text`.
pub fn find(text: &str, quote: &str) -> Option<(usize, usize)> {
    text.find(quote).map(|start| (start, start + quote.len()))
}

/// Whether a new sentence starts at byte `at` of `text`: the text before it ends with `. `, `? ` or `! ` (or those
/// followed by a closing quotation mark), the word before the stop is not an initial or a known abbreviation, and
/// the next character is an upper-case letter, a digit, a quotation mark or a bracket.
pub fn is_sentence_start(text: &str, at: usize) -> bool {
    if at == 0 {
        return true;
    }
    let bytes = text.as_bytes();
    // Fast rejection: a sentence start follows a space (all that follows here is ASCII-led).
    if at >= text.len() || bytes[at - 1] != b' ' || at < 2 || !text.is_char_boundary(at) {
        return false;
    }
    if !matches!(bytes[at - 2], b'.' | b'?' | b'!' | b'"') {
        return false;
    }
    let before = &text[..at];
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    let before = before.strip_suffix('"').unwrap_or(before);
    let Some(stop) = before
        .chars()
        .last()
        .filter(|c| matches!(c, '.' | '?' | '!'))
    else {
        return false;
    };
    let word = before[..before.len() - stop.len_utf8()]
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    if stop == '.' && (initial || ABBREVIATIONS.contains(&word) || word.contains('.')) {
        return false;
    }
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '(')
}

/// The start of the sentence containing byte `at` (the last sentence start at or before it).
pub fn sentence_start(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while i > 0 {
        if is_sentence_start(text, i) {
            return i;
        }
        i -= 1;
    }
    0
}

/// The end of the sentence containing the byte before `at`: the next sentence start at or after `at`, less the
/// space before it, or the end of the text.
pub fn sentence_end(text: &str, at: usize) -> usize {
    let mut i = at.max(1);
    while i < text.len() {
        if is_sentence_start(text, i) {
            return i - 1;
        }
        i += 1;
    }
    text.len()
}

/// Widens `start..end` to whole sentences.
pub fn sentences_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    (sentence_start(text, start), sentence_end(text, end))
}

/// Whether byte `at` lies inside a quotation: an odd number of `"` come before it.
pub fn inside_quotation(text: &str, at: usize) -> bool {
    text[..at].bytes().filter(|&b| b == b'"').count() % 2 == 1
}

/// The byte offset of the quotation mark that opens the quotation containing `at`, if `at` is inside one.
pub fn opening_quotation_mark(text: &str, at: usize) -> Option<usize> {
    if !inside_quotation(text, at) {
        return None;
    }
    text[..at].rfind('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_stops_but_not_at_initials_or_abbreviations() {
        let text = "Robert V. Daniels wrote it. In St. Petersburg he met Lenin. \"Go!\" he said. Then he left.";
        let at = text.find("In St.").unwrap();
        assert_eq!(sentence_start(text, at + 5), at);
        assert_eq!(
            &text[at..sentence_end(text, at + 5)],
            "In St. Petersburg he met Lenin."
        );
        assert_eq!(sentence_start(text, 12), 0, "V. is an initial");
        let go = text.find("\"Go!\"").unwrap();
        assert_eq!(&text[go..sentence_end(text, go + 1)], "\"Go!\" he said.");
    }

    #[test]
    fn a_quote_that_ends_a_sentence_is_its_own_end() {
        let text = "Kamenev joined the Bolsheviks. So also did Stalin.";
        let (s, e) = find(text, "Kamenev joined the Bolsheviks.").unwrap();
        assert_eq!(sentences_around(text, s, e), (0, e));
    }

    #[test]
    fn quotation_marks_are_counted() {
        let text = "He said: \"Comrades, every word. Is law.\" Then nothing.";
        let inside = text.find("every").unwrap();
        assert!(inside_quotation(text, inside));
        assert_eq!(opening_quotation_mark(text, inside), text.find('"'));
        assert!(!inside_quotation(text, text.find("Then").unwrap()));
    }
}
