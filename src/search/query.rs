//! Running a query against a [`SearchIndex`]: parsing, matching, scoring, grouping and highlighting.
//!
//! A query is split into folded words ([`Query::parse`]). A document matches when it contains every word, where a
//! word is found as:
//! - the exact word (best);
//! - a plural or singular of it (`trial` ↔ `trials`);
//! - any form of a name or glossary term the word belongs to (`Grigory` finds "Gregory Zinoviev" and "Zinoviev");
//! - for the last word while it is being typed, any word it begins (`zinov` finds `zinoviev`).
//!
//! Scores add up the quality of each word's best match, how often it occurs, a bonus for words in a title and for
//! query words found next to each other. Results come back grouped ([`Group`]), best first, each with its title and
//! a snippet highlighted as byte ranges ([`super::snippet`]). Pure: no browser, no allocation beyond the results.

use std::ops::Range;

use super::fold::words;
use super::index::{Doc, Group, SearchIndex, MIN_ENTITY_WORD};
use super::snippet::{highlight, snippet, Piece, Snippet};

/// Longest query considered, in characters; the rest is ignored (and [`Query::truncated`] set).
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words considered in one query.
pub const MAX_QUERY_WORDS: usize = 12;
/// Snippet length, in bytes of text.
pub const SNIPPET_BUDGET: usize = 220;

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    /// Folded (lower case, no accents).
    pub text: String,
    /// Also match words that begin with it: the last word, while the user is still typing it.
    pub prefix: bool,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<QueryWord>,
    /// The query was longer than [`MAX_QUERY_CHARS`] characters or [`MAX_QUERY_WORDS`] words and was cut.
    pub truncated: bool,
}

impl Query {
    /// Folds and splits `raw`, keeping at most [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] distinct
    /// words. The last word is a prefix unless `raw` ends with a space or punctuation.
    pub fn parse(raw: &str) -> Query {
        let cut = raw.char_indices().nth(MAX_QUERY_CHARS).map(|(at, _)| at);
        let text = cut.map_or(raw, |at| &raw[..at]);
        let mut truncated = cut.is_some();
        let found = words(text);
        let open_end = found.last().is_some_and(|w| w.end == text.len());
        let mut query_words: Vec<QueryWord> = Vec::new();
        let last = found.len().saturating_sub(1);
        for (i, word) in found.into_iter().enumerate() {
            let prefix = i == last && open_end && word.folded.chars().count() >= 2;
            if let Some(existing) = query_words.iter_mut().find(|w| w.text == word.folded) {
                existing.prefix &= prefix;
                continue;
            }
            if query_words.len() == MAX_QUERY_WORDS {
                truncated = true;
                break;
            }
            query_words.push(QueryWord {
                text: word.folded,
                prefix,
            });
        }
        Query {
            words: query_words,
            truncated,
        }
    }

    /// Nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// How one query word matched a document; higher is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Quality {
    Prefix = 1,
    Related = 2,
    Exact = 3,
}

/// A search result, borrowing its text from the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit<'a> {
    pub href: &'a str,
    /// The title, with matched words highlighted where the title was searched.
    pub title: Vec<Piece<'a>>,
    pub context: &'a str,
    pub snippet: Snippet<'a>,
    pub score: u32,
}

/// The results of one group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupResults<'a> {
    pub group: Group,
    /// How many documents of the group match (more than `hits.len()` when the list was cut).
    pub total: usize,
    /// The best matches, best first.
    pub hits: Vec<Hit<'a>>,
}

/// Everything a search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results<'a> {
    pub query: Query,
    /// One entry per [`Group`], in [`Group::ALL`] order, including empty groups.
    pub groups: Vec<GroupResults<'a>>,
    /// Matching documents over all groups.
    pub total: usize,
}

/// Matches of one query word in one document: its best quality, how many, and where (token positions).
#[derive(Clone, Debug, Default)]
struct WordMatches {
    best: Option<Quality>,
    count: u32,
    spans: Vec<(u32, u32)>,
}

impl SearchIndex {
    /// Runs `raw` and returns every group's results, at most `limit` hits per group.
    pub fn search(&self, raw: &str, limit: usize) -> Results<'_> {
        let query = Query::parse(raw);
        let scored = self.score(&query);
        let total = scored.len();
        let groups = Group::ALL
            .iter()
            .map(|&group| {
                let in_group: Vec<&(u32, u32, Vec<WordMatches>)> = scored
                    .iter()
                    .filter(|(doc, _, _)| self.docs[*doc as usize].group == group)
                    .collect();
                GroupResults {
                    group,
                    total: in_group.len(),
                    hits: in_group
                        .iter()
                        .take(limit)
                        .map(|(doc, score, m)| self.hit(*doc, *score, m))
                        .collect(),
                }
            })
            .collect();
        Results {
            query,
            groups,
            total,
        }
    }

    /// The documents matching every word of `query`, best first: (document, score, matches per word).
    fn score(&self, query: &Query) -> Vec<(u32, u32, Vec<WordMatches>)> {
        if query.is_empty() {
            return Vec::new();
        }
        let n = query.words.len();
        let mut per_doc: Vec<Option<Vec<WordMatches>>> = vec![None; self.docs.len()];
        for (i, word) in query.words.iter().enumerate() {
            let mut record = |doc: u32, from: u32, to: u32, quality: Quality| {
                // A document that missed an earlier word can never match.
                let slot = &mut per_doc[doc as usize];
                if i > 0 && slot.is_none() {
                    return;
                }
                let matches = slot.get_or_insert_with(|| vec![WordMatches::default(); n]);
                let m = &mut matches[i];
                m.best = m.best.max(Some(quality));
                if !m.spans.contains(&(from, to)) {
                    m.count += 1;
                    m.spans.push((from, to));
                }
            };
            let terms = self.matching_terms(word);
            let mut entities: Vec<(u32, Quality)> = Vec::new();
            for &(term, quality) in &terms {
                for &(doc, position) in &self.postings[term as usize] {
                    record(doc, position, position + 1, quality);
                }
                if word.text.chars().count() < MIN_ENTITY_WORD {
                    continue;
                }
                let entity_quality = quality.min(Quality::Related);
                for &entity in &self.word_entities[term as usize] {
                    match entities.iter_mut().find(|(e, _)| *e == entity) {
                        Some((_, q)) => *q = (*q).max(entity_quality),
                        None => entities.push((entity, entity_quality)),
                    }
                }
            }
            for (entity, quality) in entities {
                for occurrence in &self.occurrences[entity as usize] {
                    record(occurrence.doc, occurrence.from, occurrence.to, quality);
                }
            }
            // Drop documents that miss this word, so later words skip them.
            for slot in per_doc.iter_mut() {
                if slot.as_ref().is_some_and(|m| m[i].best.is_none()) {
                    *slot = None;
                }
            }
        }
        let mut scored: Vec<(u32, u32, Vec<WordMatches>)> = per_doc
            .into_iter()
            .enumerate()
            .filter_map(|(doc, matches)| {
                let matches = matches?;
                let score = self.score_doc(&self.docs[doc], &matches);
                Some((doc as u32, score, matches))
            })
            .collect();
        crate::sorting::sort_by(&mut scored, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
    }

    /// The vocabulary words a query word matches, each with how well.
    fn matching_terms(&self, word: &QueryWord) -> Vec<(u32, Quality)> {
        let mut terms: Vec<(u32, Quality)> = Vec::new();
        let mut add = |term: u32, quality: Quality| match terms.iter_mut().find(|(t, _)| *t == term)
        {
            Some((_, q)) => *q = (*q).max(quality),
            None => terms.push((term, quality)),
        };
        let text = word.text.as_str();
        if let Some(term) = self.find_term(text) {
            add(term, Quality::Exact);
        }
        for related in related_forms(text) {
            if let Some(term) = self.find_term(&related) {
                add(term, Quality::Related);
            }
        }
        if word.prefix {
            let first = self.vocab.partition_point(|v| v.as_str() < text);
            for (offset, candidate) in self.vocab[first..].iter().enumerate() {
                if !candidate.starts_with(text) {
                    break;
                }
                add((first + offset) as u32, Quality::Prefix);
            }
        }
        terms
    }

    fn find_term(&self, text: &str) -> Option<u32> {
        self.vocab
            .binary_search_by(|v| v.as_str().cmp(text))
            .ok()
            .map(|i| i as u32)
    }

    fn score_doc(&self, doc: &Doc, matches: &[WordMatches]) -> u32 {
        let mut score = 0;
        for m in matches {
            score += m.best.map_or(0, |q| q as u32) * 10 + m.count.min(5) * 2;
            if m.spans.iter().any(|&(from, _)| doc.in_title(from)) {
                score += 15;
            }
        }
        for pair in matches.windows(2) {
            let next_to = pair[0]
                .spans
                .iter()
                .any(|&(from, to)| pair[1].spans.iter().any(|&(f, _)| f >= from && f <= to));
            if next_to {
                score += 25;
            }
        }
        score
    }

    fn hit(&self, doc_number: u32, score: u32, matches: &[WordMatches]) -> Hit<'_> {
        let doc = &self.docs[doc_number as usize];
        let mut title_marks: Vec<Range<usize>> = Vec::new();
        let mut body_marks: Vec<Range<usize>> = Vec::new();
        for &(from, to) in matches.iter().flat_map(|m| &m.spans) {
            let first = doc.tokens[from as usize];
            let last = doc.tokens[to as usize - 1];
            let range = first.start as usize..last.end as usize;
            if doc.in_title(from) {
                title_marks.push(range);
            } else {
                body_marks.push(range);
            }
        }
        Hit {
            href: &doc.href,
            title: highlight(&doc.title, &title_marks),
            context: &doc.context,
            snippet: snippet(&doc.body, &body_marks, SNIPPET_BUDGET),
            score,
        }
    }
}

/// Simple plurals and singulars of a folded word: `trial` → `trials`, `trials` → `trial`, `bus` → `buses`.
fn related_forms(text: &str) -> Vec<String> {
    let mut forms = vec![format!("{text}s"), format!("{text}es")];
    if text.len() >= 5 {
        if let Some(stem) = text.strip_suffix("es") {
            forms.push(stem.to_string());
        }
        if let Some(stem) = text.strip_suffix('s') {
            forms.push(stem.to_string());
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(query: &Query) -> Vec<(&str, bool)> {
        query
            .words
            .iter()
            .map(|w| (w.text.as_str(), w.prefix))
            .collect()
    }

    #[test]
    fn parse_folds_and_makes_only_an_open_last_word_a_prefix() {
        assert_eq!(
            texts(&Query::parse("Zinóviev KAM")),
            [("zinoviev", false), ("kam", true)]
        );
        assert_eq!(
            texts(&Query::parse("Zinoviev Kamenev ")),
            [("zinoviev", false), ("kamenev", false)]
        );
        assert_eq!(texts(&Query::parse("Kamenev.")), [("kamenev", false)]);
    }

    #[test]
    fn parse_ignores_a_one_letter_prefix_and_repeated_words() {
        assert_eq!(texts(&Query::parse("k")), [("k", false)]);
        assert_eq!(
            texts(&Query::parse("trial Trial tri")),
            [("trial", false), ("tri", true)]
        );
    }

    #[test]
    fn parse_cuts_long_queries_and_says_so() {
        let long = "a".repeat(MAX_QUERY_CHARS + 50);
        let query = Query::parse(&long);
        assert!(query.truncated);
        assert_eq!(query.words[0].text.len(), MAX_QUERY_CHARS);
        let many: Vec<String> = (0..20).map(|i| format!("w{i}")).collect();
        let query = Query::parse(&many.join(" "));
        assert!(query.truncated);
        assert_eq!(query.words.len(), MAX_QUERY_WORDS);
        assert!(!Query::parse("short query").truncated);
    }

    #[test]
    fn parse_of_punctuation_only_is_empty() {
        assert!(Query::parse("  ?! — ").is_empty());
        assert!(Query::parse("").is_empty());
    }

    #[test]
    fn related_forms_cover_simple_plurals_both_ways() {
        assert!(related_forms("trial").contains(&"trials".to_string()));
        assert!(related_forms("trials").contains(&"trial".to_string()));
        assert!(related_forms("bus").contains(&"buses".to_string()));
        assert!(
            !related_forms("was").contains(&"wa".to_string()),
            "short words are not stripped"
        );
    }
}
