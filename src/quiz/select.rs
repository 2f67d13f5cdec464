//! Seeds and test selection: the same seed and filters always give the same questions in the same order, so a
//! teacher can give a whole class one quiz by sharing its URL.
//!
//! The random numbers come from [`SplitMix64`], seeded with the FNV-1a hash of the seed string; both are written
//! here so the sequence can never change under us with a dependency update. Pure Rust.

use std::collections::HashSet;
use std::fmt;

use super::{Bank, Question, QuestionType, SOURCES};
use crate::dataset::Dataset;

/// The FNV-1a 64-bit hash of a string: a stable hash for seeds and for choosing distractors.
pub fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast, well-mixed 64-bit generator.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// Seeded from a string.
    pub fn from_text(text: &str) -> SplitMix64 {
        SplitMix64(fnv1a(text))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by multiply-shift (no modulo bias worth the name at these sizes).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The longest seed accepted.
pub const MAX_SEED_LEN: usize = 32;
/// The number of questions in a test unless the URL says otherwise.
pub const DEFAULT_COUNT: usize = 10;
/// The most questions one test may have.
pub const MAX_COUNT: usize = 50;

/// A validated seed: 1 to 32 characters from `a-z`, `0-9` and `-`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Seed(String);

impl Seed {
    /// Checks a seed from a URL; the error says what is wrong in words a student understands.
    pub fn parse(text: &str) -> Result<Seed, SpecError> {
        if text.is_empty() {
            return Err(SpecError::EmptySeed);
        }
        if text.chars().count() > MAX_SEED_LEN {
            return Err(SpecError::SeedTooLong(text.chars().count()));
        }
        if let Some(bad) = text
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(SpecError::SeedCharacter(bad));
        }
        Ok(Seed(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A fresh seed made from some entropy (the clock, in the browser): `quiz-` and six base-36 characters.
    pub fn suggest(entropy: u64) -> Seed {
        const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut n = SplitMix64::new(entropy).next_u64();
        let mut code = String::from("quiz-");
        for _ in 0..6 {
            code.push(DIGITS[(n % 36) as usize] as char);
            n /= 36;
        }
        Seed(code)
    }
}

impl fmt::Display for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is wrong with a test's URL parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecError {
    EmptySeed,
    SeedTooLong(usize),
    SeedCharacter(char),
    BadCount(String),
    UnknownChapter(String),
    UnknownType(String),
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::EmptySeed => f.write_str("The quiz code is empty."),
            SpecError::SeedTooLong(n) => write!(
                f,
                "The quiz code has {n} characters; it can have at most {MAX_SEED_LEN}."
            ),
            SpecError::SeedCharacter(c) => write!(
                f,
                "The quiz code contains “{c}”; use only lower-case letters a–z, digits and hyphens."
            ),
            SpecError::BadCount(n) => write!(
                f,
                "“{n}” is not a number of questions; choose a whole number from 1 to {MAX_COUNT}."
            ),
            SpecError::UnknownChapter(c) => write!(f, "There is no chapter called “{c}”."),
            SpecError::UnknownType(t) => write!(
                f,
                "There is no question type called “{t}”; the types are date, order, position and attribution."
            ),
        }
    }
}

/// A test: its seed, length and filters, as given in the URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestSpec {
    pub seed: Seed,
    pub count: usize,
    /// A chapter id or [`SOURCES`]; `None` for the whole text.
    pub chapter: Option<&'static str>,
    pub kind: Option<QuestionType>,
}

impl TestSpec {
    /// Validates the URL parameters `seed`, `n`, `chapter` and `type` (absent or empty means the default).
    pub fn parse(
        data: &Dataset,
        seed: &str,
        count: Option<&str>,
        chapter: Option<&str>,
        kind: Option<&str>,
    ) -> Result<TestSpec, SpecError> {
        let seed = Seed::parse(seed)?;
        let count = match count.filter(|c| !c.is_empty()) {
            None => DEFAULT_COUNT,
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_COUNT).contains(n))
                .ok_or_else(|| SpecError::BadCount(text.chars().take(20).collect()))?,
        };
        let chapter = match chapter.filter(|c| !c.is_empty()) {
            None => None,
            Some(SOURCES) => Some(SOURCES),
            Some(id) => Some(
                data.chapter(id)
                    .map(|c| c.id)
                    .ok_or_else(|| SpecError::UnknownChapter(id.chars().take(40).collect()))?,
            ),
        };
        let kind = match kind.filter(|k| !k.is_empty()) {
            None => None,
            Some(keyword) => Some(
                QuestionType::from_keyword(keyword)
                    .ok_or_else(|| SpecError::UnknownType(keyword.chars().take(20).collect()))?,
            ),
        };
        Ok(TestSpec {
            seed,
            count,
            chapter,
            kind,
        })
    }

    /// The query string for this test: `seed=…&n=…` plus the filters that are set.
    pub fn query(&self) -> String {
        let mut query = format!("seed={}&n={}", self.seed, self.count);
        if let Some(chapter) = self.chapter {
            query.push_str("&chapter=");
            query.push_str(chapter);
        }
        if let Some(kind) = self.kind {
            query.push_str("&type=");
            query.push_str(kind.keyword());
        }
        query
    }
}

/// The URL of a quiz page (`path`) filtered by chapter and type, the form fields' values (`""` is no filter):
/// `filtered_url("/quiz/answers", "trial-1936", "")` is `/quiz/answers?chapter=trial-1936`.
pub fn filtered_url(path: &str, chapter: &str, kind: &str) -> String {
    let query: Vec<String> = [("chapter", chapter), ("type", kind)]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// Whether a question passes a chapter and type filter.
pub fn matches(question: &Question, chapter: Option<&str>, kind: Option<QuestionType>) -> bool {
    chapter.is_none_or(|c| question.chapter == c) && kind.is_none_or(|k| question.kind == k)
}

/// The questions of a test: the bank filtered by chapter and type, at most one question per fact, at most `count`
/// of them (fewer when the filters leave fewer).
///
/// Each type's questions are shuffled by the seed, and the test takes them from the types in turn (in an order
/// also drawn from the seed), so a test without a type filter mixes the types instead of mirroring the bank, where
/// position questions are the most numerous.
pub fn select<'b>(bank: &'b Bank, spec: &TestSpec) -> Vec<&'b Question> {
    let mut rng = SplitMix64::from_text(spec.seed.as_str());
    let mut kinds: Vec<QuestionType> = QuestionType::ALL
        .into_iter()
        .filter(|k| spec.kind.is_none_or(|wanted| wanted == *k))
        .collect();
    rng.shuffle(&mut kinds);
    let mut pools: Vec<std::vec::IntoIter<&Question>> = kinds
        .iter()
        .map(|&kind| {
            let mut pool: Vec<&Question> = bank
                .questions
                .iter()
                .filter(|q| matches(q, spec.chapter, Some(kind)))
                .collect();
            rng.shuffle(&mut pool);
            pool.into_iter()
        })
        .collect();
    let mut facts = HashSet::new();
    let mut chosen = Vec::with_capacity(spec.count);
    while chosen.len() < spec.count {
        let mut took = false;
        for pool in pools.iter_mut() {
            if chosen.len() == spec.count {
                break;
            }
            if let Some(question) = pool.by_ref().find(|q| facts.insert(q.fact.as_str())) {
                chosen.push(question);
                took = true;
            }
        }
        if !took {
            break;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // Reference values for seed 1234567 from the published SplitMix64 algorithm.
        let mut rng = SplitMix64::new(1234567);
        assert_eq!(rng.next_u64(), 6457827717110365317);
        assert_eq!(rng.next_u64(), 3203168211198807973);
        assert_eq!(rng.next_u64(), 9817491932198370423);
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(""), 0xcbf29ce484222325);
        assert_eq!(fnv1a("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a("foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SplitMix64::new(7);
        for n in 1..50 {
            assert!(rng.below(n) < n);
        }
    }

    #[test]
    fn suggested_seeds_are_valid() {
        for entropy in [0, 1, u64::MAX, 1_700_000_000_000] {
            let seed = Seed::suggest(entropy);
            assert_eq!(Seed::parse(seed.as_str()), Ok(seed.clone()));
        }
        assert_ne!(Seed::suggest(1), Seed::suggest(2));
    }
}
