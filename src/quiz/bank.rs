//! Generating the question bank from the dataset.
//!
//! Four generators, one per [`QuestionType`], each walking the records in file order:
//!
//! - **Dates** (`date-typed:<event>`, `date-choice:<event>`): events with one exact date the text gives (not a
//!   range, not approximate, not corrected by a note). The text gives a month, so the question asks for the month
//!   too, unless the month's name is not in the passage. Multiple-choice distractors are other dates from the
//!   dataset near the answer, topped up with neighbouring years or months.
//! - **Order** (`order:<event>+<event>+…`): three to five of those events from one chapter, no two of them at the
//!   same date at the precision they share.
//! - **Positions**: `who:<position>` (who held this office or took this stance, asked only when at most two people
//!   hold it), `what:<position>` (which of these did this person hold), and `faction:<person>` (which faction did
//!   they side with in 1903, for people with `faction_1903` and not under the `lists-1903` note). The 1903 lists
//!   themselves (`topic = "split-1903"`) are asked only through `faction:` questions.
//! - **Attribution** (`said:<source>:<n>`): a source's citation, when it is the author's own words (in quotation
//!   marks in the chapter, or the body of the author's numbered source), no other source's citation overlaps it, and
//!   it does not name its author.
//!
//! The rules in the [module doc](super) apply to all of them; `tests/quiz_bank.rs` checks them over the whole bank.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::select::{fnv1a, SplitMix64};
use super::text::{
    find, inside_quotation, opening_quotation_mark, sentence_start, sentences_around,
};
use super::text::{sentence_end, MONTHS};
use super::{Answer, Evidence, Question, QuestionType, Subject, YearMonth, SOURCES};
use crate::dataset::{
    Dataset, Event, EventKind, Faction, MarkKind, ParagraphKind, Person, Position, PositionKind,
    Severity, Source, Span,
};

/// The topic of the 1903 lists: asked through `faction:` questions only.
const SPLIT_1903: &str = "split-1903";
/// The note on the 1903 lists: people under it are never asked about.
const LISTS_1903: &str = "lists-1903";
/// Distractors per multiple-choice question (besides the 1903 factions, which have two options).
const DISTRACTORS: usize = 3;

/// Every generated question, in generation order (dates, order, positions, attribution).
#[derive(Clone, Debug, Default)]
pub struct Bank {
    pub questions: Vec<Question>,
    index: HashMap<String, usize>,
}

impl Bank {
    /// Generates the bank from a dataset; the same data always gives the same bank.
    pub fn generate(data: &'static Dataset) -> Bank {
        let mut generator = Generator::new(data);
        generator.dates();
        generator.orders();
        generator.positions();
        generator.factions();
        generator.attributions();
        let questions = generator.out;
        let index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        Bank { questions, index }
    }

    /// The question with this id.
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.index.get(id).map(|&i| &self.questions[i])
    }

    /// How many questions of a type there are.
    pub fn count(&self, kind: QuestionType) -> usize {
        self.questions.iter().filter(|q| q.kind == kind).count()
    }
}

/// What a question rests on: the notes that apply, and whether it must not be asked at all.
struct Basis {
    notes: Vec<&'static str>,
    blocked: bool,
}

impl Basis {
    fn according_to_text(&self) -> bool {
        !self.notes.is_empty()
    }
}

/// An event that can be asked about by date.
struct DatedEvent {
    event: &'static Event,
    answer: YearMonth,
    evidence: Evidence,
    notes: Vec<&'static str>,
    chapter: &'static str,
}

struct Generator {
    data: &'static Dataset,
    out: Vec<Question>,
    dated: Vec<DatedEvent>,
    /// Years and months of every event date, sorted, for plausible distractor dates.
    years: Vec<u16>,
    months: Vec<YearMonth>,
    /// The chapter of every narrative paragraph.
    chapters: HashMap<&'static str, &'static str>,
    /// Where each quote was found in its paragraph, by the addresses of the two static strings: records cite the
    /// same quotes many times, and searching a long paragraph is the costliest step of generation.
    found: RefCell<HashMap<QuoteKey, Option<(usize, usize)>>>,
}

/// A quote's identity for [`Generator::find`]: the paragraph text's address, the quote's address and length.
type QuoteKey = (usize, usize, usize);

/// Puts "According to the text, " before a prompt when the question rests on a noted record.
fn phrase(prompt: &str, according_to_text: bool) -> String {
    if !according_to_text {
        return prompt.to_string();
    }
    let mut chars = prompt.chars();
    let first = chars.next().map(crate::search::fold::lower_char);
    format!(
        "According to the text, {}{}",
        first.map(String::from).unwrap_or_default(),
        chars.as_str()
    )
}

/// Shuffles the options deterministically for a question id; returns them with the index of `answer`.
fn shuffled(id: &str, mut options: Vec<String>, answer: &str) -> (Vec<String>, usize) {
    SplitMix64::from_text(id).shuffle(&mut options);
    let correct = options
        .iter()
        .position(|o| o == answer)
        .expect("the answer is among the options");
    (options, correct)
}

/// The lower-cased, trimmed form used to compare position strings.
fn norm(text: &str) -> String {
    crate::search::fold::lowercase(text.trim())
}

impl Generator {
    fn new(data: &'static Dataset) -> Generator {
        let mut years: Vec<u16> = data
            .events
            .iter()
            .flat_map(|e| [e.date.start.year, e.date.last().year])
            .collect();
        crate::sorting::sort(&mut years);
        years.dedup();
        let mut months: Vec<YearMonth> = data
            .events
            .iter()
            .flat_map(|e| [e.date.start, e.date.last()])
            .filter(|d| d.month.is_some())
            .map(|d| YearMonth {
                year: d.year,
                month: d.month,
            })
            .collect();
        crate::sorting::sort(&mut months);
        months.dedup();
        let chapters = data
            .chapters
            .iter()
            .flat_map(|c| c.paragraphs.iter().map(move |p| (*p, c.id)))
            .collect();
        Generator {
            data,
            out: Vec::new(),
            dated: Vec::new(),
            years,
            months,
            chapters,
            found: RefCell::default(),
        }
    }

    /// The byte range of `quote` in `text` (both static strings from the dataset), remembered.
    fn find(&self, text: &'static str, quote: &'static str) -> Option<(usize, usize)> {
        let key = (text.as_ptr() as usize, quote.as_ptr() as usize, quote.len());
        *self
            .found
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| find(text, quote))
    }

    /// The chapter of a paragraph, or [`SOURCES`].
    fn chapter_key(&self, paragraph: &str) -> &'static str {
        self.chapters.get(paragraph).copied().unwrap_or(SOURCES)
    }

    /// The notes a question resting on these quotes and this record's notes must mention, and whether a
    /// high-severity flag (or the 1903 lists note) rules it out.
    fn basis(
        &self,
        cites: &[(&'static str, &'static str)],
        record_notes: &[&'static str],
    ) -> Basis {
        let mut notes: Vec<&'static str> = record_notes.to_vec();
        let mut blocked = record_notes.contains(&LISTS_1903);
        for &(paragraph, quote) in cites {
            let Some(p) = self.data.paragraph(paragraph) else {
                continue;
            };
            let Some((start, end)) = self.find(p.text, quote) else {
                continue;
            };
            let span = Span {
                start: start as u32,
                end: end as u32,
            };
            for mark in p.marks {
                if let MarkKind::Flag(note) = mark.kind {
                    if mark.span.overlaps(span) {
                        notes.push(note);
                        let high = self
                            .data
                            .note(note)
                            .is_some_and(|n| n.severity == Severity::High);
                        blocked |= high || note == LISTS_1903;
                    }
                }
            }
        }
        let mut seen = HashSet::new();
        notes.retain(|n| seen.insert(*n));
        Basis { notes, blocked }
    }

    /// The sentences of `paragraph` around every quote found in it.
    fn evidence(&self, paragraph: &'static str, quotes: &[&'static str]) -> Option<Evidence> {
        let text = self.data.paragraph(paragraph)?.text;
        let spans: Vec<(usize, usize)> = quotes.iter().filter_map(|q| self.find(text, q)).collect();
        let start = spans.iter().map(|s| s.0).min()?;
        let end = spans.iter().map(|s| s.1).max()?;
        let (start, end) = sentences_around(text, start, end);
        Some(Evidence {
            paragraph,
            start: start as u32,
            end: end as u32,
        })
    }

    /// Widens an excerpt sentence by sentence (back, then forward) until it contains `needle`; `None` if the
    /// paragraph never says it.
    fn widen_to(&self, evidence: Evidence, needle: &str) -> Option<Evidence> {
        self.widen_until(evidence, |excerpt| excerpt.contains(needle))
    }

    /// Widens an excerpt sentence by sentence (back, then forward) until `enough` holds for it; `None` if it never
    /// does.
    fn widen_until(&self, evidence: Evidence, enough: impl Fn(&str) -> bool) -> Option<Evidence> {
        let text = self.data.paragraph(evidence.paragraph)?.text;
        let (mut start, mut end) = (evidence.start as usize, evidence.end as usize);
        while !enough(&text[start..end]) {
            if start > 0 {
                start = sentence_start(text, start - 1);
            } else if end < text.len() {
                end = sentence_end(text, end + 2);
            } else {
                return None;
            }
        }
        Some(Evidence {
            paragraph: evidence.paragraph,
            start: start as u32,
            end: end as u32,
        })
    }

    /// The quotes of a record that lie in its main paragraph.
    fn same_paragraph_quotes(
        paragraph: &str,
        quote: &'static str,
        citations: &[crate::dataset::Citation],
    ) -> Vec<&'static str> {
        std::iter::once(quote)
            .chain(
                citations
                    .iter()
                    .filter(|c| c.paragraph == paragraph)
                    .map(|c| c.quote),
            )
            .collect()
    }

    // ----- dates -----

    fn dates(&mut self) {
        for event in self.data.events {
            let Some(dated) = self.dated_event(event) else {
                continue;
            };
            let subject = Some(Subject::Text(event.title.to_string()));
            let according = !dated.notes.is_empty();
            let fact = format!("event:{}", event.id);
            let typed_prompt = if dated.answer.month.is_some() {
                "In what month and year did this happen?"
            } else {
                "In what year did this happen?"
            };
            self.out.push(Question {
                id: format!("date-typed:{}", event.id),
                kind: QuestionType::Date,
                fact: fact.clone(),
                chapter: dated.chapter,
                prompt: phrase(typed_prompt, according),
                subject: subject.clone(),
                answer: Answer::TypedDate(dated.answer),
                evidence: vec![dated.evidence],
                notes: dated.notes.clone(),
                according_to_text: according,
            });
            let options = self.date_options(dated.answer, fnv1a(event.id));
            let correct = options
                .iter()
                .position(|o| *o == dated.answer)
                .expect("the answer is among the options");
            self.out.push(Question {
                id: format!("date-choice:{}", event.id),
                kind: QuestionType::Date,
                fact,
                chapter: dated.chapter,
                prompt: phrase("When did this happen?", according),
                subject,
                answer: Answer::Choice {
                    options: options.iter().map(|o| o.label()).collect(),
                    correct,
                },
                evidence: vec![dated.evidence],
                notes: dated.notes.clone(),
                according_to_text: according,
            });
            self.dated.push(dated);
        }
    }

    /// An event with one exact, undisputed date that its passage states.
    fn dated_event(&self, event: &'static Event) -> Option<DatedEvent> {
        if event.corrected_date.is_some() || event.date.approximate || event.date.end.is_some() {
            return None;
        }
        let cites: Vec<(&'static str, &'static str)> =
            std::iter::once((event.paragraph, event.quote))
                .chain(event.citations.iter().map(|c| (c.paragraph, c.quote)))
                .collect();
        let basis = self.basis(&cites, event.notes);
        if basis.blocked {
            return None;
        }
        let quotes = Self::same_paragraph_quotes(event.paragraph, event.quote, event.citations);
        let evidence = self.evidence(event.paragraph, &quotes)?;
        let date = event.date.start;
        let evidence = self.widen_to(evidence, &date.year.to_string())?;
        let (evidence, month) = match date.month {
            Some(m) => match self.widen_to(evidence, MONTHS[m as usize - 1]) {
                Some(wider) => (wider, Some(m)),
                None => (evidence, None),
            },
            None => (evidence, None),
        };
        Some(DatedEvent {
            event,
            answer: YearMonth {
                year: date.year,
                month,
            },
            evidence,
            notes: basis.notes,
            chapter: self.chapter_key(event.paragraph),
        })
    }

    /// The answer and three plausible wrong dates, in chronological order.
    fn date_options(&self, answer: YearMonth, hash: u64) -> Vec<YearMonth> {
        let mut rng = SplitMix64::new(hash);
        let mut picks: Vec<YearMonth> = Vec::new();
        match answer.month {
            None => {
                let mut near: Vec<u16> = self
                    .years
                    .iter()
                    .copied()
                    .filter(|&y| y != answer.year && y.abs_diff(answer.year) <= 5)
                    .collect();
                rng.shuffle(&mut near);
                picks.extend(
                    near.into_iter()
                        .take(2)
                        .map(|year| YearMonth { year, month: None }),
                );
                for delta in [1i32, -1, 2, -2, 3, -3, 4, -4] {
                    let year = YearMonth {
                        year: (answer.year as i32 + delta) as u16,
                        month: None,
                    };
                    if picks.len() < DISTRACTORS && !picks.contains(&year) {
                        picks.push(year);
                    }
                }
            }
            Some(_) => {
                let mut near: Vec<YearMonth> = self
                    .months
                    .iter()
                    .copied()
                    .filter(|m| *m != answer && (m.months() - answer.months()).abs() <= 18)
                    .collect();
                rng.shuffle(&mut near);
                picks.extend(near.into_iter().take(2));
                for delta in [1i32, -12, -2, 12, -1, 2, 3, -3] {
                    let months = answer.months() + delta;
                    let date = YearMonth {
                        year: (months / 12) as u16,
                        month: Some((months % 12 + 1) as u8),
                    };
                    if picks.len() < DISTRACTORS && !picks.contains(&date) {
                        picks.push(date);
                    }
                }
            }
        }
        picks.push(answer);
        crate::sorting::sort(&mut picks);
        picks
    }

    // ----- chronological order -----

    /// Events that can be put in order: not corrected by a note, not resting on high-severity flags, and not a
    /// later historian's book (those are trivially last).
    fn orderable(&self) -> Vec<DatedEvent> {
        let mut events = Vec::new();
        for event in self.data.events {
            let late_book = event.kind == EventKind::Writing && event.date.start.year > 1940;
            if event.corrected_date.is_some() || late_book {
                continue;
            }
            let cites: Vec<(&'static str, &'static str)> =
                std::iter::once((event.paragraph, event.quote))
                    .chain(event.citations.iter().map(|c| (c.paragraph, c.quote)))
                    .collect();
            let basis = self.basis(&cites, event.notes);
            if basis.blocked {
                continue;
            }
            let quotes = Self::same_paragraph_quotes(event.paragraph, event.quote, event.citations);
            let Some(evidence) = self.evidence(event.paragraph, &quotes) else {
                continue;
            };
            events.push(DatedEvent {
                event,
                answer: YearMonth {
                    year: event.date.start.year,
                    month: None,
                },
                evidence,
                notes: basis.notes,
                chapter: self.chapter_key(event.paragraph),
            });
        }
        events
    }

    fn orders(&mut self) {
        let events = self.orderable();
        let mut groups: Vec<(&'static str, Vec<usize>)> = Vec::new();
        for (i, dated) in events.iter().enumerate() {
            match groups.iter_mut().find(|(c, _)| *c == dated.chapter) {
                Some((_, members)) => members.push(i),
                None => groups.push((dated.chapter, vec![i])),
            }
        }
        let mut seen: HashSet<Vec<usize>> = HashSet::new();
        for (chapter, mut members) in groups {
            crate::sorting::sort_by_key(&mut members, |&i| {
                (events[i].event.date.start, events[i].event.date.last())
            });
            for (round, start) in (0..members.len()).enumerate() {
                let size = [4, 3, 5][round % 3];
                let mut set: Vec<usize> = Vec::new();
                for &candidate in &members[start..] {
                    let event = events[candidate].event;
                    if set.iter().all(|&s| orderable(events[s].event, event)) {
                        set.push(candidate);
                    }
                    if set.len() == size {
                        break;
                    }
                }
                if set.len() >= 3 && seen.insert(set.clone()) {
                    let chosen: Vec<&DatedEvent> = set.iter().map(|&i| &events[i]).collect();
                    self.out.push(order_question(chapter, &chosen));
                }
            }
        }
    }

    // ----- positions -----

    fn position_cites(position: &Position) -> Vec<(&'static str, &'static str)> {
        std::iter::once((position.paragraph, position.quote))
            .chain(position.citations.iter().map(|c| (c.paragraph, c.quote)))
            .collect()
    }

    /// The people named in any of a position's quotes, or in its wording, as indices into `data.people`.
    fn people_named(
        &self,
        position: &Position,
        person_index: &HashMap<&str, usize>,
        by_first_word: &HashMap<&str, Vec<(&'static str, usize)>>,
    ) -> Vec<usize> {
        let mut named = Vec::new();
        for (paragraph, quote) in Self::position_cites(position) {
            let Some(p) = self.data.paragraph(paragraph) else {
                continue;
            };
            let Some((start, end)) = self.find(p.text, quote) else {
                continue;
            };
            let span = Span {
                start: start as u32,
                end: end as u32,
            };
            for mark in p.marks {
                if let MarkKind::Person(person) = mark.kind {
                    if mark.span.overlaps(span) {
                        named.extend(person_index.get(person).copied());
                    }
                }
            }
        }
        let words = position.position.split_whitespace().map(|w| {
            let w = w.trim_end_matches([',', ')', '"', ';', ':']);
            w.strip_suffix("'s")
                .unwrap_or(w)
                .trim_start_matches(['(', '"'])
        });
        for word in words {
            for &(variant, person) in by_first_word.get(word).map_or(&[][..], |v| v.as_slice()) {
                if position.position.contains(variant) {
                    named.push(person);
                }
            }
        }
        crate::sorting::sort(&mut named);
        named.dedup();
        named
    }

    /// The sentences around a position's quotes, widened until they name its holder (so "he was arrested"
    /// comes with the sentence that says who "he" is).
    fn position_evidence(&self, position: &Position) -> Option<Evidence> {
        let quotes =
            Self::same_paragraph_quotes(position.paragraph, position.quote, position.citations);
        let evidence = self.evidence(position.paragraph, &quotes)?;
        let variants = self
            .data
            .person(position.person)
            .map_or(&[][..], |p| p.variants);
        let names = |text: &str| variants.iter().any(|v| text.contains(v));
        Some(self.widen_until(evidence, names).unwrap_or(evidence))
    }

    fn positions(&mut self) {
        let data = self.data;
        let people = data.people.len();
        let person_index: HashMap<&str, usize> = data
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        let person_of = |id: &str| person_index[id];

        // Every position (the 1903 lists included) as indices: its person, wording and topic.
        let all = data.positions;
        let mut wording_index: HashMap<String, usize> = HashMap::new();
        let mut topic_index: HashMap<&str, usize> = HashMap::new();
        let mut wording: Vec<usize> = Vec::with_capacity(all.len());
        let mut topic: Vec<usize> = Vec::with_capacity(all.len());
        for p in all {
            let next = wording_index.len();
            wording.push(*wording_index.entry(norm(p.position)).or_insert(next));
            let next = topic_index.len();
            topic.push(*topic_index.entry(p.topic).or_insert(next));
        }
        let (wordings, topics) = (wording_index.len(), topic_index.len());
        let holder = |j: usize| person_of(all[j].person);
        // Tables: person × wording held, person × topic, wording → holders, person × kind, person × chapter.
        let mut holds = vec![false; people * wordings];
        let mut on_topic = vec![false; people * topics];
        let mut holders: Vec<Vec<usize>> = vec![Vec::new(); wordings];
        let mut of_kind = vec![false; people * PositionKind::ALL.len()];
        let kind_index =
            |k: PositionKind| PositionKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
        let chapter_keys = super::chapter_keys(data);
        let chapter_index = |c: &str| chapter_keys.iter().position(|k| *k == c).unwrap_or(0);
        let mut in_chapter = vec![false; people * chapter_keys.len()];
        let chapter_of: Vec<&'static str> =
            all.iter().map(|p| self.chapter_key(p.paragraph)).collect();
        for (j, p) in all.iter().enumerate() {
            let h = holder(j);
            holds[h * wordings + wording[j]] = true;
            on_topic[h * topics + topic[j]] = true;
            if !holders[wording[j]].contains(&h) {
                holders[wording[j]].push(h);
            }
            of_kind[h * PositionKind::ALL.len() + kind_index(p.kind)] = true;
            in_chapter[h * chapter_keys.len() + chapter_index(chapter_of[j])] = true;
        }
        // Allies: people who share a position outside the 1903 lists. An ally's positions are never a distractor
        // for a person, and an ally never a distractor person for a position.
        let mut allied = vec![false; people * people];
        for (j, p) in all.iter().enumerate() {
            if p.topic == SPLIT_1903 {
                continue;
            }
            for &other in &holders[wording[j]] {
                allied[holder(j) * people + other] = true;
            }
        }
        // The plausible people: those who hold positions, in file order, less those under the 1903 lists note.
        let mut pool: Vec<usize> = Vec::new();
        for j in 0..all.len() {
            let listed = data.people[holder(j)].notes.contains(&LISTS_1903);
            if !listed && !pool.contains(&holder(j)) {
                pool.push(holder(j));
            }
        }
        let asked: Vec<usize> = (0..all.len())
            .filter(|&j| all[j].topic != SPLIT_1903)
            .collect();
        let collective: Vec<bool> = all
            .iter()
            .map(|p| norm(p.position).contains("member of"))
            .collect();
        let mut by_first_word: HashMap<&str, Vec<(&'static str, usize)>> = HashMap::new();
        for (i, person) in data.people.iter().enumerate() {
            for variant in person.variants {
                let first = variant.split_whitespace().next().unwrap_or(variant);
                by_first_word.entry(first).or_default().push((variant, i));
            }
        }
        let named: Vec<Vec<usize>> = all
            .iter()
            .map(|p| self.people_named(p, &person_index, &by_first_word))
            .collect();
        let bases: Vec<Basis> = all
            .iter()
            .map(|p| self.basis(&Self::position_cites(p), p.notes))
            .collect();
        // Distractor tiers for people, by (kind, chapter): same kind and chapter, same kind, same chapter, anyone.
        let mut people_tiers: HashMap<(usize, usize), [Vec<usize>; 4]> = HashMap::new();
        // Distractor tiers for positions, by chapter: same chapter, anywhere.
        let mut position_tiers: HashMap<usize, [Vec<usize>; 2]> = HashMap::new();

        for &i in &asked {
            let position = &all[i];
            let basis = &bases[i];
            if basis.blocked {
                continue;
            }
            let Some(evidence) = self.position_evidence(position) else {
                continue;
            };
            let chapter = chapter_of[i];
            let c = chapter_index(chapter);
            let k = kind_index(position.kind);
            let according = basis.according_to_text();
            let person = holder(i);
            let holders_of = &holders[wording[i]];

            // Who held it? Not asked of memberships ("Member of ..."), which many people share beyond the text.
            if holders_of.len() <= 2 && !collective[i] {
                let tiers = people_tiers.entry((k, c)).or_insert_with(|| {
                    let same_kind = |p: &usize| of_kind[p * PositionKind::ALL.len() + k];
                    let same_chapter = |p: &usize| in_chapter[p * chapter_keys.len() + c];
                    [
                        pool.iter()
                            .copied()
                            .filter(|p| same_kind(p) && same_chapter(p))
                            .collect(),
                        pool.iter().copied().filter(same_kind).collect(),
                        pool.iter().copied().filter(same_chapter).collect(),
                        pool.clone(),
                    ]
                });
                let allowed = |p: usize| {
                    !holders_of.contains(&p)
                        && !on_topic[p * topics + topic[i]]
                        && !named[i].contains(&p)
                        && !allied[person * people + p]
                };
                let id = format!("who:{}", position.id);
                let picks = pick(&id, tiers, allowed);
                if picks.len() == DISTRACTORS {
                    let answer = data.people[person].name.to_string();
                    let mut options: Vec<String> = picks
                        .iter()
                        .map(|&p| data.people[p].name.to_string())
                        .collect();
                    options.push(answer.clone());
                    let (options, correct) = shuffled(&id, options, &answer);
                    let prompt = who_prompt(position.kind, holders_of.len() > 1);
                    self.out.push(Question {
                        // Both holders' questions share the fact: a test asks only one of them.
                        fact: format!("held:{}", norm(position.position)),
                        id,
                        kind: QuestionType::Position,
                        chapter,
                        prompt: phrase(prompt, according),
                        subject: Some(Subject::Text(self.position_label(position, according))),
                        answer: Answer::Choice { options, correct },
                        evidence: vec![evidence],
                        notes: basis.notes.clone(),
                        according_to_text: according,
                    });
                }
            }

            // Which of these did this person hold?
            let tiers = position_tiers.entry(c).or_insert_with(|| {
                [
                    asked
                        .iter()
                        .copied()
                        .filter(|&j| chapter_of[j] == chapter)
                        .collect(),
                    asked.clone(),
                ]
            });
            let fits = |j: usize| {
                all[j].kind == position.kind
                    && !collective[j]
                    && !on_topic[person * topics + topic[j]]
                    && !holds[person * wordings + wording[j]]
                    && !named[j].contains(&person)
                    && !bases[j].blocked
                    && !holders[wording[j]]
                        .iter()
                        .any(|&h| allied[person * people + h])
            };
            let id = format!("what:{}", position.id);
            let picks = pick_distinct(&id, tiers, fits, |j| wording[j]);
            if picks.len() == DISTRACTORS {
                let answer = position.position.to_string();
                let mut options: Vec<String> =
                    picks.iter().map(|&j| all[j].position.to_string()).collect();
                options.push(answer.clone());
                let (options, correct) = shuffled(&id, options, &answer);
                let prompt = what_prompt(position.kind, data.people[person].name);
                self.out.push(Question {
                    id,
                    kind: QuestionType::Position,
                    fact: format!("position:{}:holder", position.id),
                    chapter,
                    prompt: phrase(&prompt, according),
                    subject: None,
                    answer: Answer::Choice { options, correct },
                    evidence: vec![evidence],
                    notes: basis.notes.clone(),
                    according_to_text: according,
                });
            }
        }
    }

    /// The position as the question shows it, with its dates when the record has no notes.
    fn position_label(&self, position: &Position, according: bool) -> String {
        let mentions_year = |date: Option<crate::dataset::Date>| {
            date.is_some_and(|d| position.position.contains(&d.year.to_string()))
        };
        let dates = match (position.from, position.to) {
            _ if according || mentions_year(position.from) || mentions_year(position.to) => None,
            (Some(from), Some(to)) if from != to => Some(format!("{from} – {to}")),
            (Some(from), _) => Some(from.to_string()),
            (None, Some(to)) => Some(format!("until {to}")),
            (None, None) => None,
        };
        match dates {
            Some(dates) => format!("{} ({dates})", position.position),
            None => position.position.to_string(),
        }
    }

    // ----- the 1903 split -----

    fn factions(&mut self) {
        let data = self.data;
        for person in data.people {
            let Some(faction) = person.faction_1903 else {
                continue;
            };
            if person.notes.contains(&LISTS_1903) {
                continue;
            }
            let record = data
                .positions_of(person.id)
                .find(|p| p.topic == SPLIT_1903)
                .or_else(|| {
                    data.positions_of(person.id)
                        .find(|p| p.topic.starts_with(SPLIT_1903))
                });
            let Some(record) = record else {
                continue;
            };
            let basis = self.basis(&Self::position_cites(record), record.notes);
            if basis.blocked {
                continue;
            }
            let Some(evidence) = self.position_evidence(record) else {
                continue;
            };
            let according = basis.according_to_text();
            let options = vec!["The Bolsheviks".to_string(), "The Mensheviks".to_string()];
            let correct = match faction {
                Faction::Bolshevik => 0,
                Faction::Menshevik => 1,
            };
            let id = format!("faction:{}", person.id);
            self.out.push(Question {
                fact: id.clone(),
                id,
                kind: QuestionType::Position,
                chapter: self.chapter_key(record.paragraph),
                prompt: phrase(
                    &format!(
                        "In the split of 1903, which faction did {} side with?",
                        person.name
                    ),
                    according,
                ),
                subject: None,
                answer: Answer::Choice { options, correct },
                evidence: vec![evidence],
                notes: basis.notes,
                according_to_text: according,
            });
        }
    }

    // ----- attribution -----

    fn attributions(&mut self) {
        let data = self.data;
        let mut asked_quotes: HashSet<&'static str> = HashSet::new();
        // Every author once (first source wins), with their person record and period.
        let mut authors: Vec<(&'static Source, Option<&'static Person>)> = Vec::new();
        for source in data.sources {
            if !authors.iter().any(|(s, _)| s.author == source.author) {
                authors.push((source, source.author_person.and_then(|id| data.person(id))));
            }
        }
        for source in data.sources {
            for (n, citation) in source.citations.iter().enumerate() {
                let Some(paragraph) = data.paragraph(citation.paragraph) else {
                    continue;
                };
                let text = paragraph.text;
                let quote = citation.quote;
                let Some((start, end)) = self.find(text, quote) else {
                    continue;
                };
                if quote.contains('"') || quote.chars().count() < 20 || asked_quotes.contains(quote)
                {
                    continue;
                }
                let quoted = inside_quotation(text, start);
                let own_text = paragraph.kind == ParagraphKind::SourceBody
                    && paragraph.source_number.is_some()
                    && paragraph.source_number == source.number;
                let own_words = if quoted { !own_text } else { own_text };
                if !own_words {
                    continue;
                }
                // No other source's citation may overlap these words.
                let span = Span {
                    start: start as u32,
                    end: end as u32,
                };
                let shared = data.sources.iter().filter(|s| s.id != source.id).any(|s| {
                    s.citations.iter().any(|c| {
                        c.paragraph == citation.paragraph
                            && self.find(text, c.quote).is_some_and(|(a, b)| {
                                span.overlaps(Span {
                                    start: a as u32,
                                    end: b as u32,
                                })
                            })
                    })
                });
                if shared {
                    continue;
                }
                let author_person = source.author_person.and_then(|id| data.person(id));
                let names_author = quote.contains(source.author)
                    || author_person.is_some_and(|p| p.variants.iter().any(|v| quote.contains(v)));
                if names_author {
                    continue;
                }
                let mut basis = self.basis(&[(citation.paragraph, quote)], source.notes);
                if basis.blocked {
                    continue;
                }
                // The question says "according to the text" whenever the source has notes, but it shows only the
                // notes that bear on this passage: those flagging words in its paragraph.
                let according = basis.according_to_text();
                basis.notes.retain(|note| {
                    data.note(note)
                        .is_some_and(|n| n.flags.iter().any(|f| f.paragraph == citation.paragraph))
                });
                let mut evidence = Vec::new();
                if own_text {
                    let heading = data
                        .source_paragraphs(source.number.expect("own text has a number"))
                        .find(|p| p.kind == ParagraphKind::SourceHeading);
                    if let Some(heading) = heading {
                        evidence.push(Evidence {
                            paragraph: heading.id,
                            start: 0,
                            end: heading.text.len() as u32,
                        });
                    }
                    let (s, e) = sentences_around(text, start, end);
                    evidence.push(Evidence {
                        paragraph: paragraph.id,
                        start: s as u32,
                        end: e as u32,
                    });
                } else {
                    // From the sentence that opens the quotation, widened back to where the text names the author.
                    let open = opening_quotation_mark(text, start).unwrap_or(start);
                    let (s, e) = sentences_around(text, open, end);
                    let excerpt = Evidence {
                        paragraph: paragraph.id,
                        start: s as u32,
                        end: e as u32,
                    };
                    let names = |t: &str| {
                        t.contains(source.author)
                            || author_person
                                .is_some_and(|p| p.variants.iter().any(|v| t.contains(v)))
                    };
                    evidence.push(self.widen_until(excerpt, names).unwrap_or(excerpt));
                }
                // Distractors: other authors, those of the same period (1936 trial or not) first, never one the
                // quote names.
                let candidates = |same: bool| -> Vec<&'static str> {
                    authors
                        .iter()
                        .filter(|(other, person)| {
                            other.author != source.author
                                && (other.author_person.is_none()
                                    || other.author_person != source.author_person)
                                && (other.trial_1936 == source.trial_1936) == same
                                && !person
                                    .is_some_and(|p| p.variants.iter().any(|v| quote.contains(v)))
                        })
                        .map(|(other, _)| other.author)
                        .collect()
                };
                let id = format!("said:{}:{}", source.id, n + 1);
                let picks = pick(&id, &[candidates(true), candidates(false)], |_| true);
                if picks.len() < DISTRACTORS {
                    continue;
                }
                asked_quotes.insert(quote);
                let answer = source.author.to_string();
                let mut options: Vec<String> = picks.iter().map(|a| a.to_string()).collect();
                options.push(answer.clone());
                let (options, correct) = shuffled(&id, options, &answer);
                self.out.push(Question {
                    fact: id.clone(),
                    id,
                    kind: QuestionType::Attribution,
                    chapter: self.chapter_key(citation.paragraph),
                    prompt: phrase("Who wrote or said this?", according),
                    subject: Some(Subject::Quote(quote)),
                    answer: Answer::Choice { options, correct },
                    evidence,
                    notes: basis.notes,
                    according_to_text: according,
                });
            }
        }
    }
}

/// Whether event `a` ends before event `b` starts, at the precision the two dates share.
fn before(a: &Event, b: &Event) -> bool {
    a.date.last().cmp_coarse(b.date.start).is_lt()
}

/// Whether two events can be put in order without doubt.
pub fn orderable(a: &Event, b: &Event) -> bool {
    before(a, b) || before(b, a)
}

/// An ordering question on events given earliest first.
fn order_question(chapter: &'static str, events: &[&DatedEvent]) -> Question {
    let id = format!(
        "order:{}",
        events
            .iter()
            .map(|d| d.event.id)
            .collect::<Vec<_>>()
            .join("+")
    );
    let mut shown: Vec<usize> = (0..events.len()).collect();
    SplitMix64::from_text(&id).shuffle(&mut shown);
    if shown.iter().enumerate().all(|(i, &s)| i == s) {
        shown.rotate_left(1);
    }
    let items = shown
        .iter()
        .map(|&i| events[i].event.title.to_string())
        .collect();
    let dates = shown
        .iter()
        .map(|&i| events[i].event.date.to_string())
        .collect();
    let correct = (0..events.len())
        .map(|chrono| {
            shown
                .iter()
                .position(|&s| s == chrono)
                .expect("shown is a permutation")
        })
        .collect();
    let mut notes: Vec<&'static str> = Vec::new();
    for dated in events {
        for note in &dated.notes {
            if !notes.contains(note) {
                notes.push(note);
            }
        }
    }
    let according = !notes.is_empty();
    Question {
        fact: id.clone(),
        id,
        kind: QuestionType::Order,
        chapter,
        prompt: phrase(
            "Put these events in the order they happened, earliest first.",
            according,
        ),
        subject: None,
        answer: Answer::Order {
            items,
            correct,
            dates,
        },
        evidence: events.iter().map(|d| d.evidence).collect(),
        notes,
        according_to_text: according,
    }
}

/// Up to [`DISTRACTORS`] distinct picks, taking the tiers in order and shuffling each by the question id.
fn pick<T: Copy + PartialEq>(id: &str, tiers: &[Vec<T>], allowed: impl Fn(T) -> bool) -> Vec<T> {
    let mut rng = SplitMix64::from_text(id);
    let mut picks: Vec<T> = Vec::new();
    for tier in tiers {
        let mut tier: Vec<T> = tier.iter().copied().filter(|&t| allowed(t)).collect();
        rng.shuffle(&mut tier);
        for item in tier {
            if picks.len() < DISTRACTORS && !picks.contains(&item) {
                picks.push(item);
            }
        }
    }
    picks
}

/// Like [`pick`], but two picks with the same `key` count as one.
fn pick_distinct(
    id: &str,
    tiers: &[Vec<usize>],
    allowed: impl Fn(usize) -> bool,
    key: impl Fn(usize) -> usize,
) -> Vec<usize> {
    let mut rng = SplitMix64::from_text(id);
    let mut picks: Vec<usize> = Vec::new();
    let mut keys: Vec<usize> = Vec::new();
    for tier in tiers {
        let mut tier: Vec<usize> = tier.iter().copied().filter(|&t| allowed(t)).collect();
        rng.shuffle(&mut tier);
        for item in tier {
            if picks.len() < DISTRACTORS && !keys.contains(&key(item)) {
                keys.push(key(item));
                picks.push(item);
            }
        }
    }
    picks
}

fn who_prompt(kind: PositionKind, of_these: bool) -> &'static str {
    match (kind, of_these) {
        (PositionKind::Office, false) => "Who held this office?",
        (PositionKind::Office, true) => "Which of these people held this office?",
        (PositionKind::Faction, false) => "Who is described this way?",
        (PositionKind::Faction, true) => "Which of these people is described this way?",
        (PositionKind::Stance, false) => "Who took this stance?",
        (PositionKind::Stance, true) => "Which of these people took this stance?",
        (PositionKind::Sentence, false) => "Who met this fate?",
        (PositionKind::Sentence, true) => "Which of these people met this fate?",
        (PositionKind::Other, false) => "Who is described this way?",
        (PositionKind::Other, true) => "Which of these people is described this way?",
    }
}

fn what_prompt(kind: PositionKind, name: &str) -> String {
    match kind {
        PositionKind::Office => format!("Which of these offices did {name} hold?"),
        PositionKind::Faction => format!("Which of these is true of {name}?"),
        PositionKind::Stance => format!("Which of these stances did {name} take?"),
        PositionKind::Sentence => format!("Which of these happened to {name}?"),
        PositionKind::Other => format!("Which of these is true of {name}?"),
    }
}
