//! Building the search index from a [`Dataset`]: the documents, their words, and where each name occurs.
//!
//! A document is one thing a result can open: a narrative paragraph (as the reader shows it, repeated passages
//! left out), a chapter's title and summary, a primary-source paragraph, a person, a glossary term. Every word is
//! folded ([`super::fold`]) and numbered in a sorted vocabulary, so a query finds exact words by binary search and
//! prefixes as a contiguous range.
//!
//! Names: each person (canonical name and every variant) and each glossary term (term and variants) is an
//! *entity* with several *forms*. The index records every occurrence of every form in every document, so a query
//! word that belongs to any form of an entity ("Grigory") finds the occurrences of all its forms ("Gregory
//! Zinoviev", "Zinoviev").
//!
//! Reads the dataset; never touches the browser.

use std::collections::BTreeMap;

use crate::dataset::{Dataset, ParagraphKind};

use super::fold::words;

/// The four kinds of result, in the order the page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Chapters,
    Sources,
    People,
    Glossary,
}

impl Group {
    /// Every group, in display order.
    pub const ALL: [Group; 4] = [
        Group::Chapters,
        Group::Sources,
        Group::People,
        Group::Glossary,
    ];

    /// The heading of the group on the results page.
    pub const fn label(self) -> &'static str {
        match self {
            Group::Chapters => "Chapters",
            Group::Sources => "Primary sources",
            Group::People => "People",
            Group::Glossary => "Glossary",
        }
    }
}

/// A word of a document: its vocabulary number and its byte range in the document's title or body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub term: u32,
    pub start: u32,
    pub end: u32,
}

/// Something a search result opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub group: Group,
    /// Where the result links to: the exact paragraph, person or term.
    pub href: String,
    /// The result's heading.
    pub title: String,
    /// A short line placing the result ("Chapter 2, paragraph 3").
    pub context: String,
    /// The searchable text shown as the snippet.
    pub body: String,
    /// Title words first (only when the title is searchable), then body words.
    pub(crate) tokens: Vec<Token>,
    /// How many of `tokens` are in the title.
    pub(crate) title_tokens: u32,
}

impl Doc {
    /// Whether token `position` is a title word.
    pub(crate) fn in_title(&self, position: u32) -> bool {
        position < self.title_tokens
    }
}

/// Where a form of an entity occurs: document, and token positions `from..to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub doc: u32,
    pub from: u32,
    pub to: u32,
}

/// The whole index. Build it once ([`SearchIndex::build`]); [`SearchIndex::search`] is in `query.rs`.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    pub docs: Vec<Doc>,
    /// Every folded word, sorted; a word's number is its index here.
    pub(crate) vocab: Vec<String>,
    /// For each word: (document, position) of every occurrence.
    pub(crate) postings: Vec<Vec<(u32, u32)>>,
    /// For each entity: every occurrence of any of its forms.
    pub(crate) occurrences: Vec<Vec<Occurrence>>,
    /// For each word: the entities with a form containing it (only for words of three letters or more).
    pub(crate) word_entities: Vec<Vec<u32>>,
}

/// A document before its words are numbered.
struct Draft {
    group: Group,
    href: String,
    title: String,
    title_searchable: bool,
    context: String,
    body: String,
}

/// Words shorter than this never stand for a whole name ("II", "V.", "Ya").
pub(crate) const MIN_ENTITY_WORD: usize = 3;

impl SearchIndex {
    /// Indexes chapters (titles, summaries, narrative paragraphs), primary-source paragraphs, people and glossary
    /// terms of `data`.
    pub fn build(data: &Dataset) -> SearchIndex {
        let drafts = drafts(data);
        let entity_forms = entity_forms(data);

        // Number every distinct word once, in order of first appearance, then renumber in sorted order: the
        // vocabulary is sorted (queries binary-search it) without sorting every one of the ~12,000 tokens.
        let mut first_seen: BTreeMap<String, u32> = BTreeMap::new();
        let mut provisional = |word: &str| -> u32 {
            if let Some(&number) = first_seen.get(word) {
                return number;
            }
            let number = first_seen.len() as u32;
            first_seen.insert(word.to_string(), number);
            number
        };
        let mut worded = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let title_words = if draft.title_searchable {
                words(&draft.title)
            } else {
                Vec::new()
            };
            let body_words = words(&draft.body);
            let tokens: Vec<Token> = title_words
                .iter()
                .chain(&body_words)
                .map(|w| Token {
                    term: provisional(&w.folded),
                    start: w.start as u32,
                    end: w.end as u32,
                })
                .collect();
            worded.push((draft, title_words.len() as u32, tokens));
        }
        let folded_forms: Vec<Vec<Vec<u32>>> = entity_forms
            .iter()
            .map(|forms| {
                forms
                    .iter()
                    .map(|form| {
                        words(form)
                            .iter()
                            .map(|w| provisional(&w.folded))
                            .collect::<Vec<_>>()
                    })
                    .filter(|form| !form.is_empty())
                    .collect()
            })
            .collect();
        // The map iterates in sorted order: that order is the final numbering.
        let mut sorted_number = vec![0u32; first_seen.len()];
        let mut vocab = Vec::with_capacity(first_seen.len());
        for (sorted, (word, first)) in first_seen.into_iter().enumerate() {
            sorted_number[first as usize] = sorted as u32;
            vocab.push(word);
        }
        let number = |provisional: u32| sorted_number[provisional as usize];

        let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); vocab.len()];
        let mut docs = Vec::with_capacity(worded.len());
        for (doc_number, (draft, title_tokens, mut tokens)) in worded.into_iter().enumerate() {
            for (position, token) in tokens.iter_mut().enumerate() {
                token.term = number(token.term);
                postings[token.term as usize].push((doc_number as u32, position as u32));
            }
            docs.push(Doc {
                group: draft.group,
                href: draft.href,
                title: draft.title,
                context: draft.context,
                body: draft.body,
                tokens,
                title_tokens,
            });
        }

        let entities: Vec<Vec<Vec<u32>>> = folded_forms
            .iter()
            .map(|forms| {
                forms
                    .iter()
                    .map(|form| form.iter().map(|&w| number(w)).collect())
                    .collect()
            })
            .collect();
        let mut word_entities: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        for (entity, forms) in entities.iter().enumerate() {
            for &term in forms.iter().flatten() {
                if vocab[term as usize].chars().count() >= MIN_ENTITY_WORD {
                    let list = &mut word_entities[term as usize];
                    if !list.contains(&(entity as u32)) {
                        list.push(entity as u32);
                    }
                }
            }
        }
        let occurrences = find_occurrences(&docs, &entities, vocab.len());

        SearchIndex {
            docs,
            vocab,
            postings,
            occurrences,
            word_entities,
        }
    }

    /// How many distinct words the index holds.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }
}

/// Every occurrence of every form of every entity, per entity. Where forms of one entity overlap ("Lev Kamenev"
/// and "Kamenev"), the longest wins. Occurrences never cross from a title into a body.
fn find_occurrences(
    docs: &[Doc],
    entities: &[Vec<Vec<u32>>],
    vocabulary: usize,
) -> Vec<Vec<Occurrence>> {
    // For each word: the forms that begin with it, as (entity, form), longest forms first.
    let mut starts: Vec<Vec<(u32, &[u32])>> = vec![Vec::new(); vocabulary];
    for (entity, forms) in entities.iter().enumerate() {
        for form in forms {
            starts[form[0] as usize].push((entity as u32, form.as_slice()));
        }
    }
    for list in starts.iter_mut() {
        crate::sorting::sort_by_key(list, |(entity, form)| {
            (std::cmp::Reverse(form.len()), *entity)
        });
    }
    let mut found: Vec<Vec<Occurrence>> = vec![Vec::new(); entities.len()];
    for (doc_number, doc) in docs.iter().enumerate() {
        let terms: Vec<u32> = doc.tokens.iter().map(|t| t.term).collect();
        let regions = [
            0..doc.title_tokens as usize,
            doc.title_tokens as usize..terms.len(),
        ];
        for region in regions {
            let words = &terms[region.clone()];
            for at in 0..words.len() {
                for &(entity, form) in &starts[words[at] as usize] {
                    if !words[at..].starts_with(form) {
                        continue;
                    }
                    let from = (region.start + at) as u32;
                    let to = from + form.len() as u32;
                    let list = &mut found[entity as usize];
                    let covered = list
                        .last()
                        .is_some_and(|o| o.doc == doc_number as u32 && o.to >= to);
                    if !covered {
                        list.push(Occurrence {
                            doc: doc_number as u32,
                            from,
                            to,
                        });
                    }
                }
            }
        }
    }
    found
}

/// The forms of each entity: people first (canonical name, then variants), then glossary terms.
fn entity_forms(data: &Dataset) -> Vec<Vec<&'static str>> {
    let people = data.people.iter().map(|p| {
        std::iter::once(p.name)
            .chain(p.variants.iter().copied())
            .collect()
    });
    let terms = data.terms.iter().map(|t| {
        std::iter::once(t.term)
            .chain(t.variants.iter().copied())
            .collect()
    });
    people.chain(terms).collect()
}

/// "Source 2: Victor Serge, Year One of the Russian Revolution"; "Source 8: The Observer".
fn source_title(data: &Dataset, number: u8) -> String {
    match data.source_by_number(number) {
        Some(source) if source.author == source.work => {
            format!("Source {number}: {}", source.author)
        }
        Some(source) => format!("Source {number}: {}, {}", source.author, source.work),
        None => format!("Source {number}"),
    }
}

/// The documents, in the order results list them when scores tie.
fn drafts(data: &Dataset) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for (index, chapter) in data.chapters.iter().enumerate() {
        let number = index + 1;
        drafts.push(Draft {
            group: Group::Chapters,
            href: format!("/chapters/{}", chapter.id),
            title: chapter.title.to_string(),
            title_searchable: true,
            context: format!("Chapter {number}, {}", chapter.date),
            body: chapter.summary.to_string(),
        });
        for (ordinal, paragraph) in data.chapter_paragraphs(chapter).enumerate() {
            drafts.push(Draft {
                group: Group::Chapters,
                href: format!("/chapters/{}#{}", chapter.id, paragraph.id),
                title: chapter.title.to_string(),
                title_searchable: false,
                context: format!("Chapter {number}, paragraph {}", ordinal + 1),
                body: paragraph.display_text().into_owned(),
            });
        }
    }
    let mut ordinal = 0;
    let mut current = None;
    for paragraph in data.paragraphs {
        let Some(number) = paragraph.source_number else {
            continue;
        };
        if !matches!(
            paragraph.kind,
            ParagraphKind::SourceHeading | ParagraphKind::SourceBody
        ) {
            continue;
        }
        if current != Some(number) {
            current = Some(number);
            ordinal = 0;
        }
        ordinal += 1;
        drafts.push(Draft {
            group: Group::Sources,
            href: format!("/sources/{number}#{}", paragraph.id),
            title: source_title(data, number),
            title_searchable: false,
            context: format!("Primary source {number}, paragraph {ordinal}"),
            body: paragraph.display_text().into_owned(),
        });
    }
    for person in data.people {
        let others: Vec<&str> = person
            .variants
            .iter()
            .copied()
            .filter(|v| *v != person.name)
            .collect();
        let body = if others.is_empty() {
            format!("{}.", person.role)
        } else {
            format!(
                "{}. Named in the text as {}.",
                person.role,
                others.join(", ")
            )
        };
        drafts.push(Draft {
            group: Group::People,
            href: format!("/people/{}", person.id),
            title: person.name.to_string(),
            title_searchable: true,
            context: "Person".to_string(),
            body,
        });
    }
    for term in data.terms {
        let body = if term.variants.is_empty() {
            term.definition.to_string()
        } else {
            format!(
                "{} Also written: {}.",
                term.definition,
                term.variants.join(", ")
            )
        };
        drafts.push(Draft {
            group: Group::Glossary,
            href: format!("/glossary#term-{}", term.id),
            title: term.term.to_string(),
            title_searchable: true,
            context: "Glossary".to_string(),
            body,
        });
    }
    drafts
}
