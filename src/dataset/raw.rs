//! The data files as written: reading `data/`, the TOML records (one serde struct per `[[table]]`), and
//! [`Problem`], a defect pinned to a line of a file.
//!
//! The structs mirror `data/README.md` field for field and deny unknown fields, so a misspelt field is a
//! problem, not silently ignored. Keywords (`kind`, `severity`, ...), dates and ids stay strings here; the
//! validator checks them so it can report every bad value at once, with the item it belongs to.
//!
//! Compiled by `build.rs` and by the library's native tests only (it needs `toml`), never into the app.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The biography text.
pub const TEXT_FILE: &str = "kamenev-spartacus.txt";

/// Every TOML file of the dataset.
pub const TOML_FILES: [&str; 10] = [
    "chapters.toml",
    "captions.toml",
    "duplicates.toml",
    "people.toml",
    "events.toml",
    "positions.toml",
    "sources.toml",
    "notes.toml",
    "glossary.toml",
    "claims.toml",
];

/// A defect in the data, shown as `data/<file>:<line>: <item>: <what is wrong>: <how to fix it>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// Line in `file` (from 1): the item's `id = ...` line, or its table header.
    pub line: Option<usize>,
    /// The item's id or another label for it.
    pub item: Option<String>,
    pub what: String,
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(item) = &self.item {
            write!(f, ": {item}")?;
        }
        write!(f, ": {}: {}", self.what, self.fix)
    }
}

/// The contents of the data files that exist, by file name.
#[derive(Clone, Debug, Default)]
pub struct Files {
    pub by_name: BTreeMap<String, String>,
}

impl Files {
    /// Reads the text and every TOML file that exists in `dir`; missing files are simply absent.
    pub fn read(dir: &Path) -> Files {
        let by_name = TOML_FILES
            .iter()
            .chain([&TEXT_FILE])
            .filter_map(|name| {
                Some((
                    name.to_string(),
                    std::fs::read_to_string(dir.join(name)).ok()?,
                ))
            })
            .collect();
        Files { by_name }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }
}

/// One record of a file, with where it is.
#[derive(Clone, Debug)]
pub struct Located<T> {
    pub item: T,
    /// Line of its `id = ...` (or its table header).
    pub line: usize,
    /// Its id, or a label naming it for records without one.
    pub label: String,
}

/// Every `[[table]]` entry of one kind in a file.
#[derive(Clone, Debug)]
pub struct Records<T> {
    /// The entries that match the schema.
    pub items: Vec<Located<T>>,
    /// The `id` of every entry, including those that did not match, with its line.
    pub ids: Vec<(String, usize)>,
    /// How many entries did not match the schema.
    pub failed: usize,
}

impl<T> Records<T> {
    /// Whether every entry matched the schema (so checks over the whole file will not report knock-on errors).
    pub fn complete(&self) -> bool {
        self.failed == 0
    }
}

/// A TOML record type: the `[[table]]` it is read from.
pub trait Record: DeserializeOwned {
    const TABLE: &'static str;
    /// How problems name an entry that has no `id`.
    fn label(index: usize, table: &toml::Table) -> String {
        let _ = table;
        format!("{} {}", Self::TABLE, index + 1)
    }
}

/// A parsed TOML file, with its text for locating entries.
pub struct TomlFile<'a> {
    pub name: &'static str,
    pub text: &'a str,
    pub table: toml::Table,
}

impl<'a> TomlFile<'a> {
    /// Parses `name`; reports a missing file, a syntax error or an unknown top-level table.
    pub fn load(
        files: &'a Files,
        name: &'static str,
        tables: &[&str],
        problems: &mut Vec<Problem>,
    ) -> Option<TomlFile<'a>> {
        let Some(text) = files.get(name) else {
            problems.push(Problem {
                file: name.into(),
                line: None,
                item: None,
                what: "missing".into(),
                fix: "create it, see data/README.md".into(),
            });
            return None;
        };
        let table = match text.parse::<toml::Table>() {
            Ok(table) => table,
            Err(error) => {
                let line = error
                    .span()
                    .map_or(1, |span| line_of_offset(text, span.start));
                problems.push(Problem {
                    file: name.into(),
                    line: Some(line),
                    item: None,
                    what: format!("invalid TOML: {}", one_line(error.message())),
                    fix: "fix the syntax (strings in double quotes, one key = value per line)"
                        .into(),
                });
                return None;
            }
        };
        for key in table.keys().filter(|key| !tables.contains(&key.as_str())) {
            problems.push(Problem {
                file: name.into(),
                line: Some(find_key_line(text, key)),
                item: Some(key.clone()),
                what: format!("unknown table `{key}`"),
                fix: format!(
                    "this file holds only {}",
                    list(tables.iter().map(|t| format!("[[{t}]]")))
                ),
            });
        }
        Some(TomlFile { name, text, table })
    }

    /// Reads every `[[T::TABLE]]` entry; an entry that does not match the schema is reported and left out.
    pub fn records<T: Record>(&self, problems: &mut Vec<Problem>) -> Records<T> {
        let mut records = Records {
            items: Vec::new(),
            ids: Vec::new(),
            failed: 0,
        };
        let entries = match self.table.get(T::TABLE) {
            None => return records,
            Some(toml::Value::Array(entries)) => entries.as_slice(),
            Some(_) => {
                problems.push(Problem {
                    file: self.name.into(),
                    line: Some(find_key_line(self.text, T::TABLE)),
                    item: Some(T::TABLE.into()),
                    what: format!("`{}` is not a list of tables", T::TABLE),
                    fix: format!("write each entry as a [[{}]] table", T::TABLE),
                });
                return records;
            }
        };
        let headers = header_lines(self.text, T::TABLE);
        for (index, entry) in entries.iter().enumerate() {
            let Some(table) = entry.as_table() else {
                problems.push(Problem {
                    file: self.name.into(),
                    line: Some(find_key_line(self.text, T::TABLE)),
                    item: Some(T::label(index, &toml::Table::new())),
                    what: "not a table".into(),
                    fix: format!("write each entry as a [[{}]] table", T::TABLE),
                });
                records.failed += 1;
                continue;
            };
            let id = table.get("id").and_then(toml::Value::as_str);
            let line = locate(self.text, headers.get(index).copied(), id);
            let label = id.map_or_else(|| T::label(index, table), str::to_string);
            if let Some(id) = id {
                records.ids.push((id.to_string(), line));
            }
            match T::deserialize(toml::Value::Table(table.clone())) {
                Ok(item) => records.items.push(Located { item, line, label }),
                Err(error) => {
                    records.failed += 1;
                    problems.push(Problem {
                        file: self.name.into(),
                        line: Some(line),
                        item: Some(label),
                        what: one_line(error.message()),
                        fix: format!(
                            "write the fields as data/README.md shows for [[{}]]",
                            T::TABLE
                        ),
                    });
                }
            }
        }
        records
    }
}

/// `a, b or c`.
pub fn list(items: impl IntoIterator<Item = impl fmt::Display>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

fn one_line(message: &str) -> String {
    message.trim().replace('\n', "; ")
}

fn line_of_offset(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The key of a `key = value` line, if it is one.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    Some(key.trim().trim_matches('"'))
}

/// Lines (from 1) of the `[[table]]` headers, in order.
fn header_lines(text: &str, table: &str) -> Vec<usize> {
    let is_header = |line: &str| {
        let line = line.split('#').next().unwrap_or("").trim();
        line.strip_prefix("[[")
            .and_then(|rest| rest.strip_suffix("]]"))
            .is_some_and(|name| name.trim() == table)
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| is_header(line))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The line of an entry: its `id = ...` line under its header, else the header, else the first `id = "<id>"`.
fn locate(text: &str, header: Option<usize>, id: Option<&str>) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    if let Some(header) = header {
        let body = lines[header..]
            .iter()
            .take_while(|line| !line.trim_start().starts_with('['));
        let id_line = body
            .enumerate()
            .find(|(_, line)| key_of(line) == Some("id"));
        return id_line.map_or(header, |(i, _)| header + i + 1);
    }
    let quoted = id.map(|id| format!("\"{id}\""));
    let is_id_line = |line: &&str| {
        key_of(line) == Some("id") && quoted.as_ref().is_some_and(|q| line.contains(q))
    };
    lines.iter().position(is_id_line).map_or(1, |i| i + 1)
}

fn find_key_line(text: &str, key: &str) -> usize {
    let is_key = |line: &str| {
        let line = line.trim();
        key_of(line) == Some(key) || line.trim_matches(['[', ']']).trim() == key
    };
    text.lines().position(is_key).map_or(1, |i| i + 1)
}

/// `{ paragraph, quote }`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCitation {
    pub paragraph: String,
    pub quote: String,
}

/// A record's citations: `paragraph` + `quote`, a `citations` list, or both (the pair first).
pub fn citations_of(
    paragraph: &Option<String>,
    quote: &Option<String>,
    citations: &[RawCitation],
) -> Vec<RawCitation> {
    let pair = match (paragraph, quote) {
        (Some(paragraph), Some(quote)) => Some(RawCitation {
            paragraph: paragraph.clone(),
            quote: quote.clone(),
        }),
        _ => None,
    };
    pair.into_iter().chain(citations.iter().cloned()).collect()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChapter {
    pub id: String,
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub approximate: bool,
    pub first: String,
    pub last: String,
    pub summary: String,
}

impl Record for RawChapter {
    const TABLE: &'static str = "chapter";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCaption {
    pub line: u32,
    pub alt: Option<String>,
    pub text: String,
}

impl Record for RawCaption {
    const TABLE: &'static str = "caption";
    fn label(index: usize, table: &toml::Table) -> String {
        match table.get("line").and_then(toml::Value::as_integer) {
            Some(line) => format!("caption line {line}"),
            None => format!("caption {}", index + 1),
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDuplicate {
    pub id: String,
    pub paragraph: String,
    pub quote: String,
    pub occurrence: u32,
    pub duplicate_of: String,
    pub note: String,
}

impl Record for RawDuplicate {
    const TABLE: &'static str = "duplicate";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub id: String,
    pub name: String,
    pub variants: Vec<String>,
    pub role: String,
    pub faction_1903: Option<String>,
    pub paragraph: Option<String>,
    pub quote: Option<String>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for RawPerson {
    const TABLE: &'static str = "person";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub date: String,
    pub date_text: String,
    pub corrected_date: Option<String>,
    #[serde(default)]
    pub approximate: bool,
    pub title: String,
    pub kind: String,
    #[serde(default)]
    pub people: Vec<String>,
    pub paragraph: Option<String>,
    pub quote: Option<String>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for RawEvent {
    const TABLE: &'static str = "event";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPosition {
    pub id: String,
    pub person: String,
    pub position: String,
    pub kind: String,
    pub topic: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub date_text: Option<String>,
    pub paragraph: Option<String>,
    pub quote: Option<String>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for RawPosition {
    const TABLE: &'static str = "position";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub number: Option<u8>,
    pub author: String,
    pub author_person: Option<String>,
    pub work: String,
    pub written: Option<String>,
    pub written_text: Option<String>,
    pub published: Option<String>,
    pub published_text: Option<String>,
    #[serde(default)]
    pub approximate: bool,
    pub kind: String,
    pub place: Option<String>,
    pub first_hand: bool,
    pub trial_1936: bool,
    pub description: Option<String>,
    pub paragraph: Option<String>,
    pub quote: Option<String>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for RawSource {
    const TABLE: &'static str = "source";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    pub title: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub id: String,
    pub research: String,
    pub severity: String,
    pub title: String,
    pub flags: Vec<RawCitation>,
    pub text_says: String,
    pub references_say: String,
    pub correction: Option<String>,
    #[serde(default)]
    pub references: Vec<RawReference>,
}

impl Record for RawNote {
    const TABLE: &'static str = "note";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: String,
    pub term: String,
    #[serde(default)]
    pub variants: Vec<String>,
    pub definition: String,
    pub paragraph: Option<String>,
    pub quote: Option<String>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for RawTerm {
    const TABLE: &'static str = "term";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub text: String,
    pub order: u32,
}

impl Record for RawQuestion {
    const TABLE: &'static str = "question";
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: Option<String>,
    pub question: String,
    pub source: String,
    pub stance: String,
    pub paragraph: String,
    pub quote: String,
    pub explanation: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for RawClaim {
    const TABLE: &'static str = "claim";
    fn label(index: usize, table: &toml::Table) -> String {
        let field = |key| table.get(key).and_then(toml::Value::as_str);
        match (field("question"), field("source")) {
            (Some(question), Some(source)) => format!("claim {question}/{source}"),
            _ => format!("claim {}", index + 1),
        }
    }
}
