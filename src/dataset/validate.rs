//! Checks the data files against each other and against the text, and compiles them into a [`Dataset`].
//!
//! [`validate`] reports every problem it finds, not just the first, each pinned to the line of the item it is
//! about (see [`Problem`]). A file that is missing or is not valid TOML is one problem; checks that need it are
//! skipped, so one broken file does not bury the others under knock-on errors.
//!
//! The checks, in the words of `data/README.md`: every quote is verbatim in its paragraph; every id a record names
//! exists; dates are ISO (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, two joined by `/`) and ranges run forwards; chapters are
//! in reading order and cover every narrative paragraph exactly once; every short line of the narrative is a
//! declared caption; ids are unique in their file; every person is referenced and every name variant occurs in
//! the text; a duplicate's quote occurs `occurrence` times; a record whose quote overlaps words flagged by a note
//! lists that note; keywords take their allowed values; events outside 1870-1940 carry a note or are writings.
//!
//! On success the strings are leaked to `'static` (this runs in `build.rs` and in tests, once), and everything the
//! app needs at runtime is precomputed: chapter paragraph lists, caption placement, person mentions, note flag and
//! duplicate offsets, and the timeline order.
//!
//! Compiled by `build.rs` and by the library's native tests only, never into the app.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::model::*;
use super::parse_text::{self, ParsedParagraph};
use super::raw::*;

/// Years outside which an event needs a note (or must be a writing).
const YEARS: std::ops::RangeInclusive<u16> = 1870..=1940;

/// Validates the files and compiles them, or returns every problem sorted by file and line.
pub fn validate(files: &Files) -> Result<Dataset, Vec<Problem>> {
    let mut problems = Vec::new();
    let text = files.get(TEXT_FILE);
    if text.is_none() {
        problems.push(Problem {
            file: TEXT_FILE.into(),
            line: None,
            item: None,
            what: "missing".into(),
            fix: "restore it from git: the app is built from this text".into(),
        });
    }
    let chapters = read::<RawChapter>(files, "chapters.toml", &mut problems);
    let captions = read::<RawCaption>(files, "captions.toml", &mut problems);
    let duplicates = read::<RawDuplicate>(files, "duplicates.toml", &mut problems);
    let people = read::<RawPerson>(files, "people.toml", &mut problems);
    let events = read::<RawEvent>(files, "events.toml", &mut problems);
    let positions = read::<RawPosition>(files, "positions.toml", &mut problems);
    let sources = read::<RawSource>(files, "sources.toml", &mut problems);
    let notes = read::<RawNote>(files, "notes.toml", &mut problems);
    let terms = read::<RawTerm>(files, "glossary.toml", &mut problems);
    let claims_file = TomlFile::load(files, "claims.toml", &["question", "claim"], &mut problems);
    let questions = claims_file
        .as_ref()
        .map(|f| f.records::<RawQuestion>(&mut problems));
    let claims = claims_file
        .as_ref()
        .map(|f| f.records::<RawClaim>(&mut problems));

    let mut v = Validator {
        problems,
        paragraphs: Vec::new(),
        index: HashMap::new(),
        people: known(&people),
        notes: known(&notes),
        sources: known(&sources),
        questions: known(&questions),
        flags: Vec::new(),
    };
    let captions = captions.map(|c| v.captions(c, text));
    if let Some(text) = text {
        let declared: BTreeSet<u32> = captions.iter().flatten().flat_map(|c| c.lines()).collect();
        let parsed = parse_text::parse(text, &declared);
        if captions.is_some() {
            for line in parsed.residue {
                let words = &parsed
                    .paragraphs
                    .iter()
                    .find(|p| p.line == line)
                    .expect("parsed")
                    .text;
                v.report(
                    &At::new(TEXT_FILE, line as usize, format!("p{line}")),
                    format!("short line {} is not declared as a caption", shorten(words)),
                    "add a [[caption]] for it to data/captions.toml (as `line`, or as `alt` of the caption on the next line)",
                );
            }
        }
        v.index = parsed
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id(), i))
            .collect();
        v.paragraphs = parsed.paragraphs;
    }

    let built = Built {
        notes: notes.map(|r| v.notes(r)).unwrap_or_default(),
        chapters: chapters.map(|r| v.chapters(r)).unwrap_or_default(),
        duplicates: duplicates.map(|r| v.duplicates(r)).unwrap_or_default(),
        people: people.as_ref().map(|r| v.people(r)).unwrap_or_default(),
        events: events.as_ref().map(|r| v.events(r)).unwrap_or_default(),
        positions: positions
            .as_ref()
            .map(|r| v.positions(r))
            .unwrap_or_default(),
        sources: sources.as_ref().map(|r| v.sources(r)).unwrap_or_default(),
        terms: terms.map(|r| v.terms(r)).unwrap_or_default(),
        questions: questions.map(|r| v.questions(r)).unwrap_or_default(),
        claims: claims.map(|r| v.claims(r)).unwrap_or_default(),
        captions: captions.unwrap_or_default(),
    };
    if let (Some(people), Some(events), Some(positions), Some(sources)) =
        (&people, &events, &positions, &sources)
    {
        if events.complete() && positions.complete() && sources.complete() {
            v.unreferenced_people(people, events, positions, sources);
        }
    }

    if v.problems.is_empty() {
        Ok(v.assemble(built))
    } else {
        v.problems
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(v.problems)
    }
}

fn read<T: Record>(
    files: &Files,
    name: &'static str,
    problems: &mut Vec<Problem>,
) -> Option<Records<T>> {
    TomlFile::load(files, name, &[T::TABLE], problems).map(|file| file.records(problems))
}

/// The ids of a file's entries, or `None` if the file is missing or broken.
fn known<T>(records: &Option<Records<T>>) -> Option<BTreeSet<String>> {
    records
        .as_ref()
        .map(|r| r.ids.iter().map(|(id, _)| id.clone()).collect())
}

/// Where a problem is: file, line and the item's label.
#[derive(Clone, Debug)]
struct At {
    file: &'static str,
    line: usize,
    label: String,
}

impl At {
    fn new(file: &'static str, line: usize, label: String) -> At {
        At { file, line, label }
    }

    fn of<T>(file: &'static str, record: &Located<T>) -> At {
        At::new(file, record.line, record.label.clone())
    }
}

/// Words flagged by a note.
#[derive(Clone, Debug)]
struct Flag {
    note: String,
    paragraph: String,
    quote: String,
    span: Span,
}

/// A checked caption, and the lines of the text it covers.
#[derive(Clone, Debug)]
struct CheckedCaption {
    line: u32,
    alt: Option<String>,
    text: String,
}

impl CheckedCaption {
    fn lines(&self) -> impl Iterator<Item = u32> {
        let alt = self.alt.as_ref().map(|_| self.line - 1);
        alt.into_iter().chain([self.line])
    }
}

/// The records that passed their checks, in file order.
#[derive(Default)]
struct Built {
    notes: Vec<Note>,
    chapters: Vec<Chapter>,
    captions: Vec<CheckedCaption>,
    duplicates: Vec<Duplicate>,
    people: Vec<Person>,
    events: Vec<Event>,
    positions: Vec<Position>,
    sources: Vec<Source>,
    terms: Vec<Term>,
    questions: Vec<Question>,
    claims: Vec<Claim>,
}

struct Validator {
    problems: Vec<Problem>,
    /// Empty if the text is missing.
    paragraphs: Vec<ParsedParagraph>,
    /// Paragraph id to index in `paragraphs`.
    index: HashMap<String, usize>,
    /// Known ids; `None` if the file is missing or broken (then references to it are not checked).
    people: Option<BTreeSet<String>>,
    notes: Option<BTreeSet<String>>,
    sources: Option<BTreeSet<String>>,
    questions: Option<BTreeSet<String>>,
    flags: Vec<Flag>,
}

/// The kinds of record other records refer to by id.
#[derive(Clone, Copy)]
enum Target {
    Person,
    Note,
    Source,
    Question,
}

impl Validator {
    fn report(&mut self, at: &At, what: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(Problem {
            file: at.file.into(),
            line: Some(at.line),
            item: Some(at.label.clone()),
            what: what.into(),
            fix: fix.into(),
        });
    }

    // ----- shared checks -----

    /// Reports ids used twice in one file.
    fn unique_ids<T>(&mut self, file: &'static str, records: &Records<T>, what: &str) {
        let mut seen = BTreeMap::new();
        for (id, line) in &records.ids {
            if let Some(first) = seen.insert(id.as_str(), *line) {
                seen.insert(id.as_str(), first);
                self.report(
                    &At::new(file, *line, id.clone()),
                    format!("id \"{id}\" is used twice (also on line {first})"),
                    format!("give each {what} its own id"),
                );
            }
        }
    }

    /// The paragraph with this id; reports an unknown id (unless the text itself is missing).
    fn paragraph(&mut self, at: &At, field: &str, id: &str) -> Option<&ParsedParagraph> {
        if self.paragraphs.is_empty() {
            return None;
        }
        match self.index.get(id) {
            Some(&i) => Some(&self.paragraphs[i]),
            None => {
                self.report(
                    at,
                    format!("{field} \"{id}\" is not a paragraph"),
                    format!("use p<line> for a non-empty line of {TEXT_FILE}"),
                );
                None
            }
        }
    }

    /// The span of `quote` in paragraph `id`; reports an unknown paragraph or a quote that is not verbatim.
    fn quote(&mut self, at: &At, id: &str, quote: &str) -> Option<Span> {
        let paragraph = self.paragraph(at, "paragraph", id)?;
        if quote.is_empty() {
            let fix = format!(
                "copy a few words from line {} of {TEXT_FILE}",
                paragraph.line
            );
            self.report(at, "quote is empty", fix);
            return None;
        }
        if let Some(start) = paragraph.text.find(quote) {
            return Some(span(start, quote.len()));
        }
        let line = paragraph.line;
        let loose = normalize(&paragraph.text).contains(&normalize(quote));
        let elsewhere: Vec<String> = self
            .paragraphs
            .iter()
            .filter(|p| p.text.contains(quote))
            .map(|p| p.id())
            .collect();
        let fix = if !elsewhere.is_empty() {
            format!("it is in {}: correct the paragraph id", list(elsewhere))
        } else if loose {
            format!("copy it exactly from line {line} of {TEXT_FILE} (the text has other quote marks, dashes, spacing or capitals)")
        } else {
            format!("copy it exactly from line {line} of {TEXT_FILE}")
        };
        self.report(at, format!("quote {} is not in {id}", shorten(quote)), fix);
        None
    }

    /// Checks a record's citations; returns the checked ones with their spans.
    fn citations(
        &mut self,
        at: &At,
        paragraph: &Option<String>,
        quote: &Option<String>,
        extra: &[RawCitation],
    ) -> Vec<(RawCitation, Span)> {
        match (paragraph, quote) {
            (Some(_), None) => self.report(at, "paragraph is given without quote", "add the quote"),
            (None, Some(_)) => self.report(
                at,
                "quote is given without paragraph",
                "add the paragraph id",
            ),
            _ => {}
        }
        let all = citations_of(paragraph, quote, extra);
        if all.is_empty() && (paragraph.is_none() && quote.is_none()) {
            self.report(
                at,
                "no citation",
                "add paragraph and quote (or a citations list)",
            );
        }
        all.into_iter()
            .filter_map(|c| Some((c.clone(), self.quote(at, &c.paragraph, &c.quote)?)))
            .collect()
    }

    /// Reports ids that are not defined in the target file.
    fn refs<'s>(
        &mut self,
        at: &At,
        target: Target,
        field: &str,
        ids: impl IntoIterator<Item = &'s String>,
    ) {
        let (known, what, file) = match target {
            Target::Person => (&self.people, "person", "data/people.toml"),
            Target::Note => (&self.notes, "note", "data/notes.toml"),
            Target::Source => (&self.sources, "source", "data/sources.toml"),
            Target::Question => (
                &self.questions,
                "question",
                "a [[question]] in data/claims.toml",
            ),
        };
        let Some(known) = known else { return };
        let unknown: Vec<&String> = ids.into_iter().filter(|id| !known.contains(*id)).collect();
        for id in unknown {
            self.report(
                at,
                format!("unknown {what} \"{id}\" in {field}"),
                format!("use an id from {file}"),
            );
        }
    }

    /// Reports flagged words that a record quotes without listing the flagging note.
    fn flagged(&mut self, at: &At, cited: &[(RawCitation, Span)], notes: &[String]) {
        let mut missing: Vec<(String, String)> = Vec::new();
        for (citation, span) in cited {
            for flag in &self.flags {
                let listed = notes.contains(&flag.note)
                    || missing.iter().any(|(note, _)| note == &flag.note);
                if !listed && flag.paragraph == citation.paragraph && flag.span.overlaps(*span) {
                    missing.push((flag.note.clone(), flag.quote.clone()));
                }
            }
        }
        for (note, words) in missing {
            let paragraph = at_paragraph(cited, &note, &self.flags);
            let what = format!(
                "quote overlaps {} in {paragraph}, flagged by note {note}",
                shorten(&words)
            );
            self.report(at, what, format!("add \"{note}\" to notes"));
        }
    }

    /// Parses a keyword field.
    fn keyword<E: Copy>(
        &mut self,
        at: &At,
        field: &str,
        value: &str,
        all: &[E],
        keyword: fn(E) -> &'static str,
    ) -> Option<E> {
        let found = all.iter().copied().find(|e| keyword(*e) == value);
        if found.is_none() {
            let allowed = list(all.iter().map(|e| keyword(*e)));
            self.report(
                at,
                format!("{field} \"{value}\" is not allowed"),
                format!("use {allowed}"),
            );
        }
        found
    }

    /// Parses an ISO date or range.
    fn date_span(
        &mut self,
        at: &At,
        field: &str,
        value: &str,
        approximate: bool,
    ) -> Option<DateSpan> {
        let (start, end) = match value.split_once('/') {
            Some((start, end)) => (start, Some(end)),
            None => (value, None),
        };
        let start = self.date(at, field, value, start)?;
        let end = match end {
            Some(end) => Some(self.date(at, field, value, end)?),
            None => None,
        };
        if end.is_some_and(|end| end.cmp_coarse(start).is_lt()) {
            self.report(
                at,
                format!("{field} \"{value}\" ends before it starts"),
                "write the earlier date first",
            );
            return None;
        }
        Some(DateSpan {
            start,
            end,
            approximate,
        })
    }

    /// Parses an optional date or range; `None` if it is invalid.
    fn optional_span(
        &mut self,
        at: &At,
        field: &str,
        value: &Option<String>,
        approximate: bool,
    ) -> Option<Option<DateSpan>> {
        match value {
            Some(value) => self.date_span(at, field, value, approximate).map(Some),
            None => Some(None),
        }
    }

    fn date(&mut self, at: &At, field: &str, whole: &str, part: &str) -> Option<Date> {
        match Date::parse_iso(part) {
            Ok(date) => Some(date),
            Err(reason) => {
                self.report(
                    at,
                    format!("{field} \"{whole}\" is not a valid date ({reason})"),
                    "write YYYY, YYYY-MM or YYYY-MM-DD, or two such dates joined by \"/\"",
                );
                None
            }
        }
    }

    /// Parses an optional single ISO date (no range); `None` if it is invalid.
    fn single_date(
        &mut self,
        at: &At,
        field: &str,
        value: &Option<String>,
    ) -> Option<Option<Date>> {
        let Some(value) = value else {
            return Some(None);
        };
        if value.contains('/') {
            self.report(
                at,
                format!("{field} \"{value}\" is a range"),
                "give one date",
            );
            return None;
        }
        self.date(at, field, value, value).map(Some)
    }

    // ----- files -----

    fn captions(
        &mut self,
        records: Records<RawCaption>,
        text: Option<&str>,
    ) -> Vec<CheckedCaption> {
        let lines: Vec<&str> = text
            .map(|t| {
                t.split('\n')
                    .map(|l| l.strip_suffix('\r').unwrap_or(l))
                    .collect()
            })
            .unwrap_or_default();
        let line_text = |n: u32| {
            lines
                .get((n as usize).wrapping_sub(1))
                .copied()
                .unwrap_or("")
        };
        let mut seen = BTreeMap::new();
        let mut checked = Vec::new();
        for record in &records.items {
            let (at, caption) = (At::of("captions.toml", record), &record.item);
            if let Some(first) = seen.insert(caption.line, record.line) {
                self.report(
                    &at,
                    format!(
                        "line {} is declared twice (also on line {first})",
                        caption.line
                    ),
                    "remove one of them",
                );
                continue;
            }
            if caption.text.trim().is_empty() {
                self.report(
                    &at,
                    "text is empty",
                    "write the caption to show under the image",
                );
            }
            if text.is_some() {
                let own = line_text(caption.line);
                if own.trim().is_empty() {
                    self.report(
                        &at,
                        format!("line {} of {TEXT_FILE} is empty or missing", caption.line),
                        "use the line number of the caption line",
                    );
                    continue;
                }
                if !parse_text::looks_like_residue(own) {
                    self.report(
                        &at,
                        format!("line {} is a paragraph, not image residue", caption.line),
                        "remove this caption: only short image lines are captions",
                    );
                    continue;
                }
                let above = line_text(caption.line - 1);
                if caption.alt.as_ref().is_some_and(|alt| alt != above) {
                    let alt = caption.alt.as_deref().unwrap_or_default();
                    self.report(
                        &at,
                        format!(
                            "alt \"{alt}\" is not line {} ({})",
                            caption.line - 1,
                            shorten(above)
                        ),
                        format!(
                            "copy line {} exactly, or remove alt if the caption has no alt line",
                            caption.line - 1
                        ),
                    );
                }
            }
            checked.push(CheckedCaption {
                line: caption.line,
                alt: caption.alt.clone(),
                text: caption.text.clone(),
            });
        }
        checked
    }

    fn notes(&mut self, records: Records<RawNote>) -> Vec<Note> {
        self.unique_ids("notes.toml", &records, "note");
        let mut built = Vec::new();
        for record in &records.items {
            let (at, note) = (At::of("notes.toml", record), &record.item);
            let severity = self.keyword(
                &at,
                "severity",
                &note.severity,
                Severity::ALL,
                Severity::keyword,
            );
            if note.flags.is_empty() {
                self.report(
                    &at,
                    "no flags",
                    "add flags = [{ paragraph, quote }] for the words the note is about",
                );
            }
            for flag in &note.flags {
                if let Some(span) = self.quote(&at, &flag.paragraph, &flag.quote) {
                    self.flags.push(Flag {
                        note: note.id.clone(),
                        paragraph: flag.paragraph.clone(),
                        quote: flag.quote.clone(),
                        span,
                    });
                }
            }
            let Some(severity) = severity else { continue };
            built.push(Note {
                id: leak(&note.id),
                research: leak(&note.research),
                severity,
                title: leak(&note.title),
                flags: leak_citations(&note.flags),
                text_says: leak(&note.text_says),
                references_say: leak(&note.references_say),
                correction: leak_opt(&note.correction),
                references: Vec::leak(
                    note.references
                        .iter()
                        .map(|r| Reference {
                            title: leak(&r.title),
                            url: leak_opt(&r.url),
                        })
                        .collect(),
                ),
            });
        }
        built
    }

    fn chapters(&mut self, records: Records<RawChapter>) -> Vec<Chapter> {
        self.unique_ids("chapters.toml", &records, "chapter");
        let narrative: Vec<u32> = self
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Narrative)
            .map(|p| p.line)
            .collect();
        let position = |id: &str| narrative.iter().position(|line| format!("p{line}") == id);
        let mut built = Vec::new();
        // (at, index of first and last in `narrative`) of each chapter whose bounds are valid.
        let mut ranges: Vec<(At, usize, usize)> = Vec::new();
        for record in &records.items {
            let (at, chapter) = (At::of("chapters.toml", record), &record.item);
            let date = self.date_span(&at, "date", &chapter.date, chapter.approximate);
            let bound = |v: &mut Self, field: &str, id: &str| {
                let kind = v.paragraph(&at, field, id)?.kind;
                let found = position(id);
                if found.is_none() {
                    v.report(
                        &at,
                        format!(
                            "{field} \"{id}\" is not a narrative paragraph (it is {})",
                            kind_name(kind)
                        ),
                        "chapters start and end on narrative paragraphs",
                    );
                }
                found
            };
            let (first, last) = (
                bound(self, "first", &chapter.first),
                bound(self, "last", &chapter.last),
            );
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            if first > last {
                self.report(
                    &at,
                    format!("first {} comes after last {}", chapter.first, chapter.last),
                    "swap them",
                );
                continue;
            }
            ranges.push((at.clone(), first, last));
            let Some(date) = date else { continue };
            built.push(Chapter {
                id: leak(&chapter.id),
                title: leak(&chapter.title),
                date,
                summary: leak(&chapter.summary),
                first: leak(&chapter.first),
                last: leak(&chapter.last),
                paragraphs: Vec::leak(
                    narrative[first..=last]
                        .iter()
                        .map(|line| leak(&format!("p{line}")))
                        .collect(),
                ),
            });
        }
        if records.complete() && ranges.len() == records.items.len() && !narrative.is_empty() {
            self.coverage(&narrative, &ranges);
        }
        built
    }

    /// Chapters must be in reading order and cover every narrative paragraph exactly once.
    fn coverage(&mut self, narrative: &[u32], ranges: &[(At, usize, usize)]) {
        let Some((last_at, ..)) = ranges.last() else {
            let at = At::new("chapters.toml", 1, "chapter".into());
            self.report(
                &at,
                "there are no chapters",
                "add [[chapter]] tables covering the narrative",
            );
            return;
        };
        let mut in_order = true;
        for pair in ranges.windows(2) {
            let ((before, before_first, _), (at, first, _)) = (&pair[0], &pair[1]);
            if first < before_first {
                let what = format!("starts before chapter {}", before.label);
                self.report(at, what, "list the chapters in reading order");
                in_order = false;
            }
        }
        if !in_order {
            return;
        }
        let run = |from: usize, to: usize| match from == to {
            true => format!("paragraph p{} is", narrative[from]),
            false => format!("paragraphs p{}–p{} are", narrative[from], narrative[to]),
        };
        let mut next = 0; // the first narrative paragraph not yet in a chapter
        let mut previous: Option<&At> = None;
        for (at, first, last) in ranges {
            let (first, last) = (*first, *last);
            if let (Some(before), true) = (previous, first < next) {
                let what = format!(
                    "{} in two chapters (also in {})",
                    run(first, (next - 1).min(last)),
                    before.label
                );
                let fix = match narrative.get(next) {
                    Some(line) if next <= last => format!(
                        "start this chapter at p{line}, after chapter {} ends",
                        before.label
                    ),
                    _ => format!(
                        "end chapter {} before p{}, or remove this chapter",
                        before.label, narrative[first]
                    ),
                };
                self.report(at, what, fix);
            } else if first > next {
                let fix = match previous {
                    Some(before) => format!(
                        "start this chapter at p{}, or end chapter {} at p{}",
                        narrative[next],
                        before.label,
                        narrative[first - 1]
                    ),
                    None => format!("start this chapter at p{}", narrative[next]),
                };
                self.report(at, format!("{} in no chapter", run(next, first - 1)), fix);
            }
            next = next.max(last + 1);
            previous = Some(at);
        }
        if next < narrative.len() {
            let last = narrative.len() - 1;
            let fix = format!(
                "end this chapter at p{}, or add a chapter after it",
                narrative[last]
            );
            self.report(last_at, format!("{} in no chapter", run(next, last)), fix);
        }
    }

    fn duplicates(&mut self, records: Records<RawDuplicate>) -> Vec<Duplicate> {
        self.unique_ids("duplicates.toml", &records, "duplicate");
        let mut built = Vec::new();
        for record in &records.items {
            let (at, duplicate) = (At::of("duplicates.toml", record), &record.item);
            let Some(first) = self.quote(&at, &duplicate.paragraph, &duplicate.quote) else {
                continue;
            };
            if self
                .paragraph(&at, "duplicate_of", &duplicate.duplicate_of)
                .is_none()
            {
                continue;
            }
            let text = self.paragraphs[self.index[&duplicate.paragraph]]
                .text
                .clone();
            let count = text.matches(duplicate.quote.as_str()).count();
            let occurrence = duplicate.occurrence as usize;
            if occurrence == 0 || occurrence > count {
                let times = if count == 1 {
                    "once".to_string()
                } else {
                    format!("{count} times")
                };
                let what = format!(
                    "occurrence is {occurrence} but the quote occurs {times} in {}",
                    duplicate.paragraph
                );
                self.report(
                    &at,
                    what,
                    "set occurrence to the copy to hide (1 is the first)",
                );
                continue;
            }
            if duplicate.paragraph == duplicate.duplicate_of && count < 2 {
                let what = format!(
                    "duplicate_of is its own paragraph, but the quote occurs once in {}",
                    duplicate.paragraph
                );
                self.report(
                    &at,
                    what,
                    "set duplicate_of to the paragraph with the first copy",
                );
                continue;
            }
            let start = text
                .match_indices(duplicate.quote.as_str())
                .nth(occurrence - 1)
                .map_or(first.start as usize, |(i, _)| i);
            built.push(Duplicate {
                id: leak(&duplicate.id),
                paragraph: leak(&duplicate.paragraph),
                quote: leak(&duplicate.quote),
                occurrence: duplicate.occurrence,
                duplicate_of: leak(&duplicate.duplicate_of),
                note: leak(&duplicate.note),
                span: span(start, duplicate.quote.len()),
            });
        }
        built
    }

    fn people(&mut self, records: &Records<RawPerson>) -> Vec<Person> {
        self.unique_ids("people.toml", records, "person");
        let mut owners: BTreeMap<&str, &str> = BTreeMap::new();
        let mut built = Vec::new();
        for record in &records.items {
            let (at, person) = (At::of("people.toml", record), &record.item);
            let faction = match &person.faction_1903 {
                Some(value) => self
                    .keyword(&at, "faction_1903", value, Faction::ALL, Faction::keyword)
                    .map(Some),
                None => Some(None),
            };
            if person.variants.is_empty() {
                self.report(
                    &at,
                    "no variants",
                    "list every form of the name the text uses",
                );
            }
            for variant in &person.variants {
                if let Some(owner) = owners.insert(variant.as_str(), &person.id) {
                    owners.insert(variant, owner);
                    let what = format!("variant \"{variant}\" is also a variant of {owner}");
                    self.report(&at, what, "keep each name form on one person only");
                } else if !self.paragraphs.is_empty()
                    && !self
                        .paragraphs
                        .iter()
                        .any(|p| word_at(&p.text, variant).next().is_some())
                {
                    let what =
                        format!("variant \"{variant}\" does not occur in the text as a whole word");
                    self.report(
                        &at,
                        what,
                        "copy each name form exactly as the text writes it",
                    );
                }
            }
            let cited = self.citations(&at, &person.paragraph, &person.quote, &person.citations);
            self.refs(&at, Target::Note, "notes", &person.notes);
            self.flagged(&at, &cited, &person.notes);
            let (Some(faction_1903), Some((first, _))) = (faction, cited.first()) else {
                continue;
            };
            built.push(Person {
                id: leak(&person.id),
                name: leak(&person.name),
                variants: leak_all(&person.variants),
                role: leak(&person.role),
                faction_1903,
                paragraph: leak(&first.paragraph),
                quote: leak(&first.quote),
                citations: leak_cited(&cited),
                notes: leak_all(&person.notes),
            });
        }
        built
    }

    fn unreferenced_people(
        &mut self,
        people: &Records<RawPerson>,
        events: &Records<RawEvent>,
        positions: &Records<RawPosition>,
        sources: &Records<RawSource>,
    ) {
        let mut referenced: BTreeSet<&str> = BTreeSet::new();
        referenced.extend(
            events
                .items
                .iter()
                .flat_map(|e| e.item.people.iter().map(String::as_str)),
        );
        referenced.extend(positions.items.iter().map(|p| p.item.person.as_str()));
        referenced.extend(
            sources
                .items
                .iter()
                .filter_map(|s| s.item.author_person.as_deref()),
        );
        for record in people
            .items
            .iter()
            .filter(|p| !referenced.contains(p.item.id.as_str()))
        {
            self.report(
                &At::of("people.toml", record),
                "person is never referenced",
                "add it to an event's people, a position's person or a source's author_person, or remove it",
            );
        }
    }

    fn events(&mut self, records: &Records<RawEvent>) -> Vec<Event> {
        self.unique_ids("events.toml", records, "event");
        let mut built = Vec::new();
        for record in &records.items {
            let (at, event) = (At::of("events.toml", record), &record.item);
            let date = self.date_span(&at, "date", &event.date, event.approximate);
            let corrected = self.optional_span(
                &at,
                "corrected_date",
                &event.corrected_date,
                event.approximate,
            );
            let kind = self.keyword(&at, "kind", &event.kind, EventKind::ALL, EventKind::keyword);
            self.refs(&at, Target::Person, "people", &event.people);
            self.refs(&at, Target::Note, "notes", &event.notes);
            let cited = self.citations(&at, &event.paragraph, &event.quote, &event.citations);
            self.flagged(&at, &cited, &event.notes);
            let (Some(date), Some(corrected_date), Some(kind), Some((first, _))) =
                (date, corrected, kind, cited.first())
            else {
                continue;
            };
            let outside = !YEARS.contains(&date.start.year) || !YEARS.contains(&date.last().year);
            if outside && kind != EventKind::Writing && event.notes.is_empty() {
                self.report(
                    &at,
                    format!("date \"{}\" is outside 1870-1940", event.date),
                    "list the note that explains the date in notes, or use kind = \"writing\" for a later book",
                );
            }
            built.push(Event {
                id: leak(&event.id),
                date,
                date_text: leak(&event.date_text),
                corrected_date,
                title: leak(&event.title),
                kind,
                people: leak_all(&event.people),
                paragraph: leak(&first.paragraph),
                quote: leak(&first.quote),
                citations: leak_cited(&cited),
                notes: leak_all(&event.notes),
            });
        }
        built
    }

    fn positions(&mut self, records: &Records<RawPosition>) -> Vec<Position> {
        self.unique_ids("positions.toml", records, "position");
        let mut built = Vec::new();
        for record in &records.items {
            let (at, position) = (At::of("positions.toml", record), &record.item);
            let kind = self.keyword(
                &at,
                "kind",
                &position.kind,
                PositionKind::ALL,
                PositionKind::keyword,
            );
            let from = self.single_date(&at, "from", &position.from);
            let to = self.single_date(&at, "to", &position.to);
            if let (Some(Some(from)), Some(Some(to))) = (from, to) {
                if from.cmp_coarse(to).is_gt() {
                    let what = format!("from \"{}\" is after to \"{}\"", from.iso(), to.iso());
                    self.report(&at, what, "swap them, or correct the one that is wrong");
                }
            }
            self.refs(&at, Target::Person, "person", [&position.person]);
            self.refs(&at, Target::Note, "notes", &position.notes);
            let cited = self.citations(
                &at,
                &position.paragraph,
                &position.quote,
                &position.citations,
            );
            self.flagged(&at, &cited, &position.notes);
            let (Some(kind), Some(from), Some(to), Some((first, _))) =
                (kind, from, to, cited.first())
            else {
                continue;
            };
            built.push(Position {
                id: leak(&position.id),
                person: leak(&position.person),
                position: leak(&position.position),
                kind,
                topic: leak(&position.topic),
                from,
                to,
                date_text: leak_opt(&position.date_text),
                paragraph: leak(&first.paragraph),
                quote: leak(&first.quote),
                citations: leak_cited(&cited),
                notes: leak_all(&position.notes),
            });
        }
        built
    }

    fn sources(&mut self, records: &Records<RawSource>) -> Vec<Source> {
        self.unique_ids("sources.toml", records, "source");
        let headings: BTreeMap<u8, u32> = self
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::SourceHeading)
            .filter_map(|p| Some((p.source_number?, p.line)))
            .collect();
        let mut numbers: BTreeMap<u8, &str> = BTreeMap::new();
        let mut built = Vec::new();
        for record in &records.items {
            let (at, source) = (At::of("sources.toml", record), &record.item);
            if let Some(number) = source.number {
                if let Some(other) = numbers.insert(number, &source.id) {
                    numbers.insert(number, other);
                    self.report(
                        &at,
                        format!("number {number} is also the number of {other}"),
                        "give each primary source its own number",
                    );
                } else if !self.paragraphs.is_empty() && !headings.contains_key(&number) {
                    let what = format!("there is no primary source ({number}) in the text");
                    self.report(
                        &at,
                        what,
                        "use the n of a `(n) ` heading after Primary Sources, or remove number",
                    );
                }
            }
            let kind = self.keyword(
                &at,
                "kind",
                &source.kind,
                SourceKind::ALL,
                SourceKind::keyword,
            );
            let written = self.optional_span(&at, "written", &source.written, source.approximate);
            let published =
                self.optional_span(&at, "published", &source.published, source.approximate);
            self.refs(&at, Target::Person, "author_person", &source.author_person);
            self.refs(&at, Target::Note, "notes", &source.notes);
            let cited = self.citations(&at, &source.paragraph, &source.quote, &source.citations);
            self.flagged(&at, &cited, &source.notes);
            let (Some(kind), Some(written), Some(published)) = (kind, written, published) else {
                continue;
            };
            built.push(Source {
                id: leak(&source.id),
                number: source.number,
                author: leak(&source.author),
                author_person: leak_opt(&source.author_person),
                work: leak(&source.work),
                written,
                written_text: leak_opt(&source.written_text),
                published,
                published_text: leak_opt(&source.published_text),
                kind,
                place: leak_opt(&source.place),
                first_hand: source.first_hand,
                trial_1936: source.trial_1936,
                description: leak_opt(&source.description),
                citations: leak_cited(&cited),
                notes: leak_all(&source.notes),
            });
        }
        let unlisted = headings
            .into_iter()
            .filter(|(n, _)| !numbers.contains_key(n));
        for (number, line) in unlisted.filter(|_| records.complete()) {
            self.report(
                &At::new(TEXT_FILE, line as usize, format!("p{line}")),
                format!("primary source ({number}) has no record"),
                format!("add a [[source]] with number = {number} to data/sources.toml"),
            );
        }
        built
    }

    fn terms(&mut self, records: Records<RawTerm>) -> Vec<Term> {
        self.unique_ids("glossary.toml", &records, "term");
        let mut built = Vec::new();
        for record in &records.items {
            let (at, term) = (At::of("glossary.toml", record), &record.item);
            self.refs(&at, Target::Note, "notes", &term.notes);
            let cited = self.citations(&at, &term.paragraph, &term.quote, &term.citations);
            self.flagged(&at, &cited, &term.notes);
            let Some((first, _)) = cited.first() else {
                continue;
            };
            built.push(Term {
                id: leak(&term.id),
                term: leak(&term.term),
                variants: leak_all(&term.variants),
                definition: leak(&term.definition),
                paragraph: leak(&first.paragraph),
                quote: leak(&first.quote),
                citations: leak_cited(&cited),
                notes: leak_all(&term.notes),
            });
        }
        built
    }

    fn questions(&mut self, records: Records<RawQuestion>) -> Vec<Question> {
        self.unique_ids("claims.toml", &records, "question");
        let mut built: Vec<Question> = records
            .items
            .iter()
            .map(|r| Question {
                id: leak(&r.item.id),
                text: leak(&r.item.text),
                order: r.item.order,
            })
            .collect();
        built.sort_by_key(|q| q.order);
        built
    }

    fn claims(&mut self, records: Records<RawClaim>) -> Vec<Claim> {
        self.unique_ids("claims.toml", &records, "claim");
        let mut built = Vec::new();
        for record in &records.items {
            let (at, claim) = (At::of("claims.toml", record), &record.item);
            let stance = self.keyword(&at, "stance", &claim.stance, Stance::ALL, Stance::keyword);
            self.refs(&at, Target::Question, "question", [&claim.question]);
            self.refs(&at, Target::Source, "source", [&claim.source]);
            self.refs(&at, Target::Note, "notes", &claim.notes);
            let span = self.quote(&at, &claim.paragraph, &claim.quote);
            let citation = RawCitation {
                paragraph: claim.paragraph.clone(),
                quote: claim.quote.clone(),
            };
            let cited: Vec<(RawCitation, Span)> =
                span.map(|span| (citation, span)).into_iter().collect();
            self.flagged(&at, &cited, &claim.notes);
            let (Some(stance), Some(_)) = (stance, span) else {
                continue;
            };
            built.push(Claim {
                id: leak_opt(&claim.id),
                question: leak(&claim.question),
                source: leak(&claim.source),
                stance,
                paragraph: leak(&claim.paragraph),
                quote: leak(&claim.quote),
                explanation: leak_opt(&claim.explanation),
                notes: leak_all(&claim.notes),
            });
        }
        built
    }

    // ----- compiling -----

    /// Builds the dataset; only called when there are no problems.
    fn assemble(self, built: Built) -> Dataset {
        let mut marks: Vec<Vec<Mark>> = self
            .paragraphs
            .iter()
            .map(|p| mentions(&p.text, &built.people))
            .collect();
        for flag in &self.flags {
            marks[self.index[&flag.paragraph]].push(Mark {
                span: flag.span,
                kind: MarkKind::Flag(leak(&flag.note)),
            });
        }
        for duplicate in &built.duplicates {
            let kind = MarkKind::Duplicate(duplicate.id);
            marks[self.index[duplicate.paragraph]].push(Mark {
                span: duplicate.span,
                kind,
            });
        }
        let paragraphs = self.paragraphs.iter().zip(marks).map(|(p, mut marks)| {
            marks.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
            Paragraph {
                id: leak(&p.id()),
                line: p.line,
                kind: p.kind,
                text: leak(&p.text),
                source_number: p.source_number,
                marks: Vec::leak(marks),
            }
        });
        let paragraphs: &'static [Paragraph] = Vec::leak(paragraphs.collect());

        let chapters: &'static [Chapter] = Vec::leak(built.chapters);
        let line_of = |id: &str| id[1..].parse::<u32>().unwrap_or(0);
        let chapter_after = |line: u32| {
            let follows = paragraphs
                .iter()
                .find(|p| p.line > line && p.kind == ParagraphKind::Narrative)?;
            chapters
                .iter()
                .find(|c| c.paragraphs.contains(&follows.id))
                .or(chapters.last())
        };
        let captions = built.captions.iter().map(|c| {
            let in_sources = paragraphs
                .iter()
                .any(|p| p.kind == ParagraphKind::Heading && p.line < c.line);
            let last_narrative = chapters.last().map_or(0, |ch| line_of(ch.last));
            let chapter = match in_sources {
                true => None,
                false if c.line > last_narrative => chapters.last(),
                false => chapter_after(c.line),
            };
            Caption {
                line: c.line,
                paragraph: leak(&format!("p{}", c.line)),
                alt: leak_opt(&c.alt),
                text: leak(&c.text),
                chapter: chapter.map(|ch| ch.id),
            }
        });

        let mut timeline: Vec<u16> = (0..built.events.len() as u16).collect();
        timeline.sort_by_key(|&i| built.events[i as usize].timeline_date());
        Dataset {
            paragraphs,
            chapters,
            captions: Vec::leak(captions.collect()),
            duplicates: Vec::leak(built.duplicates),
            people: Vec::leak(built.people),
            events: Vec::leak(built.events),
            positions: Vec::leak(built.positions),
            sources: Vec::leak(built.sources),
            notes: Vec::leak(built.notes),
            terms: Vec::leak(built.terms),
            questions: Vec::leak(built.questions),
            claims: Vec::leak(built.claims),
            timeline: Vec::leak(timeline),
        }
    }
}

/// Person mentions in `text`: every whole-word occurrence of a variant; where they overlap, the longest wins.
fn mentions(text: &str, people: &[Person]) -> Vec<Mark> {
    let mut found: Vec<Mark> = people
        .iter()
        .flat_map(|person| {
            person
                .variants
                .iter()
                .map(move |variant| (person.id, *variant))
        })
        .flat_map(|(id, variant)| {
            word_at(text, variant).map(move |start| Mark {
                span: span(start, variant.len()),
                kind: MarkKind::Person(id),
            })
        })
        .collect();
    found.sort_by_key(|m| (std::cmp::Reverse(m.span.end - m.span.start), m.span.start));
    let mut kept: Vec<Mark> = Vec::new();
    for mark in found {
        if !kept.iter().any(|k| k.span.overlaps(mark.span)) {
            kept.push(mark);
        }
    }
    kept
}

/// Starts of the occurrences of `word` in `text` that are not part of a longer word.
fn word_at<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    text.match_indices(word)
        .map(|(start, _)| start)
        .filter(move |&start| {
            !word.is_empty()
                && boundary(text[..start].chars().next_back())
                && boundary(text[start + word.len()..].chars().next())
        })
}

fn span(start: usize, len: usize) -> Span {
    Span {
        start: start as u32,
        end: (start + len) as u32,
    }
}

/// The paragraph of the first flag of `note` that a citation overlaps (for the message).
fn at_paragraph(cited: &[(RawCitation, Span)], note: &str, flags: &[Flag]) -> String {
    let overlapping = flags.iter().find(|f| {
        f.note == note
            && cited
                .iter()
                .any(|(c, s)| c.paragraph == f.paragraph && s.overlaps(f.span))
    });
    overlapping.map_or_else(String::new, |f| f.paragraph.clone())
}

fn kind_name(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Title => "the title",
        ParagraphKind::Caption => "a caption",
        ParagraphKind::Narrative => "narrative",
        ParagraphKind::Heading => "a heading",
        ParagraphKind::SourceHeading => "a source heading",
        ParagraphKind::SourceBody => "a source body",
    }
}

/// `"words"`, cut to 60 characters.
fn shorten(words: &str) -> String {
    match words.char_indices().nth(60) {
        Some((cut, _)) => format!("\"{}…\"", &words[..cut]),
        None => format!("\"{words}\""),
    }
}

/// For near-miss hints: straight quotes and hyphens, single spaces, lower case.
fn normalize(text: &str) -> String {
    let plain = text.chars().map(|c| match c {
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        '–' | '—' => '-',
        c => c,
    });
    plain
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn leak_opt(text: &Option<String>) -> Option<&'static str> {
    text.as_deref().map(leak)
}

fn leak_all(texts: &[String]) -> &'static [&'static str] {
    Vec::leak(texts.iter().map(|t| leak(t)).collect())
}

fn leak_citations(citations: &[RawCitation]) -> &'static [Citation] {
    Vec::leak(
        citations
            .iter()
            .map(|c| Citation {
                paragraph: leak(&c.paragraph),
                quote: leak(&c.quote),
            })
            .collect(),
    )
}

fn leak_cited(cited: &[(RawCitation, Span)]) -> &'static [Citation] {
    let citations: Vec<RawCitation> = cited.iter().map(|(c, _)| c.clone()).collect();
    leak_citations(&citations)
}
