//! Case and accent folding, and splitting text into words.
//!
//! Owns the one definition of "the same word" used by the index and by queries: lower case, Latin letters with
//! diacritics reduced to their base letters (`é` → `e`, `Ö` → `o`, `å` → `a`, `ß` → `ss`, `Œ` → `oe`), everything
//! that is not a letter or a digit a separator (so `Stalin's` is `stalin` + `s`, `Antonov-Ovseenko` is two words).
//! Small hand-written tables cover Latin-1 and Latin Extended-A; no Unicode crates. Never touches the dataset.

/// Base letters for U+0100..=U+017F (Latin Extended-A), lower case. `Ĳ ĳ` and `Œ œ` are two letters and are
/// handled before this table is read.
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccdd\
ddeeeeeeeeeegggg\
gggghhhhiiiiiiii\
iiiijjkkklllllll\
lllnnnnnnnnnoooo\
oooorrrrrrssssss\
ssttttttuuuuuuuu\
uuuuwwyyyzzzzzzs";

/// Appends the folded form of `c` to `out` and returns `true` if `c` is part of a word; returns `false` (and
/// appends nothing) for separators. Combining accents count as part of a word but add nothing.
pub fn fold_char(c: char, out: &mut String) -> bool {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
        return true;
    }
    if c.is_ascii() {
        return false;
    }
    let folded: &str = match c {
        'À'..='Å' | 'à'..='å' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' => "c",
        'È'..='Ë' | 'è'..='ë' => "e",
        'Ì'..='Ï' | 'ì'..='ï' => "i",
        'Ð' | 'ð' => "d",
        'Ñ' | 'ñ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => "o",
        'Ù'..='Ü' | 'ù'..='ü' => "u",
        'Ý' | 'ý' | 'ÿ' => "y",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        '\u{0100}'..='\u{017F}' => {
            let index = c as usize - 0x100;
            out.push(LATIN_EXTENDED_A[index] as char);
            return true;
        }
        '\u{0300}'..='\u{036F}' => "",
        _ if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            return true;
        }
        _ => return false,
    };
    out.push_str(folded);
    true
}

/// The folded form of a whole string, separators kept as single spaces, trimmed: `"  Zinóviev's "` →
/// `"zinoviev s"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.folded);
    }
    out
}

/// A word of a text: its folded form and where it is in the original (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into words, in order, each with its folded form and its byte range in `text`.
pub fn words(text: &str) -> Vec<Word> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        if fold_char(c, &mut current) {
            start.get_or_insert(at);
        } else if let Some(from) = start.take() {
            push_word(&mut found, &mut current, from, at);
        }
    }
    if let Some(from) = start {
        push_word(&mut found, &mut current, from, text.len());
    }
    found
}

fn push_word(found: &mut Vec<Word>, current: &mut String, start: usize, end: usize) {
    if current.is_empty() {
        // Only combining accents: nothing to search for.
        return;
    }
    found.push(Word {
        folded: std::mem::take(current),
        start,
        end,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_latin_accents_to_base_letters() {
        assert_eq!(fold("Zinóviev"), "zinoviev");
        assert_eq!(fold("ÅLAND Öland protégé"), "aland oland protege");
        assert_eq!(
            fold("Łódź Straße Œuvre Ĳssel"),
            "lodz strasse oeuvre ijssel"
        );
        assert_eq!(fold("Čapek Dvořák Ţara ſ"), "capek dvorak tara s");
    }

    #[test]
    fn extended_a_table_maps_every_letter_to_its_base() {
        let cases = [
            ('Ā', 'a'),
            ('ď', 'd'),
            ('Ę', 'e'),
            ('ğ', 'g'),
            ('Ħ', 'h'),
            ('ı', 'i'),
            ('ĸ', 'k'),
        ];
        let more = [
            ('Ŀ', 'l'),
            ('ŉ', 'n'),
            ('Ő', 'o'),
            ('ř', 'r'),
            ('Ş', 's'),
            ('ŧ', 't'),
            ('Ů', 'u'),
        ];
        let last = [('ŵ', 'w'), ('Ÿ', 'y'), ('ž', 'z')];
        for (c, base) in cases.into_iter().chain(more).chain(last) {
            let mut out = String::new();
            assert!(fold_char(c, &mut out));
            assert_eq!(out, base.to_string(), "{c}");
        }
    }

    #[test]
    fn combining_accents_are_dropped_inside_words() {
        assert_eq!(fold("Zino\u{301}viev"), "zinoviev");
    }

    #[test]
    fn punctuation_splits_words_and_offsets_point_into_the_original() {
        let text = "Stalin's “protégé” Antonov-Ovseenko";
        let found = words(text);
        let folded: Vec<&str> = found.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["stalin", "s", "protege", "antonov", "ovseenko"]);
        assert_eq!(&text[found[2].start..found[2].end], "protégé");
        assert_eq!(&text[found[4].start..found[4].end], "Ovseenko");
    }

    #[test]
    fn other_scripts_are_lowercased_words() {
        assert_eq!(fold("Лев КАМЕНЕВ"), "лев каменев");
    }

    #[test]
    fn empty_and_separator_only_text_has_no_words() {
        assert!(words("").is_empty());
        assert!(words(" — ... ").is_empty());
        assert!(words("\u{301}").is_empty());
    }
}
