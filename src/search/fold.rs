//! Case and accent folding, and splitting text into words.
//!
//! Owns the one definition of "the same word" used by the index and by queries: lower case, Latin letters with
//! diacritics reduced to their base letters (`é` → `e`, `Ö` → `o`, `å` → `a`, `ß` → `ss`, `Œ` → `oe`), everything
//! that is not a letter or a digit a separator (so `Stalin's` is `stalin` + `s`, `Antonov-Ovseenko` is two words).
//! Small hand-written tables cover Latin-1 and Latin Extended-A; no Unicode crates. Never touches the dataset.
//!
//! Lower case is computed here too ([`lower_char`], [`lowercase`]) for the scripts a reader of this text types
//! (Latin, Greek, Cyrillic), instead of with `char::to_lowercase`, whose full Unicode tables cost about 24 KB
//! of the WebAssembly module. Letters of other scripts are left as they are.

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
            out.push(lower_char(c));
            return true;
        }
        _ => return false,
    };
    out.push_str(folded);
    true
}

/// The lower-case form of `c` for Latin (with Latin-1 and Latin Extended-A), Greek and Cyrillic capitals;
/// any other character is returned unchanged.
pub fn lower_char(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A => code + 0x20,
        // Latin-1 capitals À..Þ, except the multiplication sign.
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Latin Extended-A pairs capital/small: even capitals in Ā..ķ and Ŋ..ŷ, odd capitals in Ĺ..ň and Ź..ž;
        // `İ` (0x130) lower-cases to a plain `i`, `Ÿ` to `ÿ`.
        0x130 => 0x69,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        // Greek capitals Α..Ω (0x3A2 is unassigned) and the accented ones.
        0x391..=0x3A1 | 0x3A3..=0x3AB => code + 0x20,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => code + 0x3F,
        // Cyrillic: Ѐ..Џ, А..Я, the paired letters Ѡ..ҿ and Ӑ..ӿ (even capitals) and Ӂ..ӎ (odd), and palochka.
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF if code % 2 == 0 => code + 1,
        0x4C1..=0x4CE if code % 2 == 1 => code + 1,
        0x4C0 => 0x4CF,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` in lower case, by [`lower_char`]; nothing else changes (accents and punctuation stay).
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// `text` with its first letter in capitals when it is an ASCII letter (the app's own messages).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
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
        assert_eq!(fold("ЁЖИК Ѓ ΣΩΚΡΆΤΗΣ"), "ёжик ѓ σωκράτησ");
    }

    /// Every character this module lower-cases agrees with the standard library's full Unicode tables (kept out
    /// of the app, not out of the tests), and every capital of the blocks it covers is lower-cased.
    #[test]
    fn lower_case_agrees_with_unicode_for_latin_greek_and_cyrillic() {
        let covered = [0x20..0x180u32, 0x386..0x3AC, 0x400..0x500];
        for c in covered.into_iter().flatten().filter_map(char::from_u32) {
            let unicode: Vec<char> = c.to_lowercase().collect();
            if let [single] = unicode[..] {
                assert_eq!(lower_char(c), single, "{c} (U+{:04X})", c as u32);
            }
        }
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let ours = lower_char(c);
            if ours != c {
                // `İ` is `i` + a combining dot in Unicode; the first letter is what a reader types.
                let unicode: Vec<char> = c.to_lowercase().collect();
                assert_eq!(unicode[0], ours, "{c} (U+{:04X})", c as u32);
            }
        }
        assert_eq!(lowercase("Zinóviev ÉCOLE Łódź"), "zinóviev école łódź");
        assert_eq!(capitalise("the file"), "The file");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn empty_and_separator_only_text_has_no_words() {
        assert!(words("").is_empty());
        assert!(words(" — ... ").is_empty());
        assert!(words("\u{301}").is_empty());
    }
}
