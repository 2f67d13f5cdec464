//! The quiz: a question bank generated from the dataset, grading, and test selection by seed.
//!
//! # What it owns
//!
//! - [`bank`]: every question, generated from the structured records in `data/` (events, positions, people,
//!   sources), never from a hand-written list. Each question carries the verbatim passages that justify its answer
//!   ([`Evidence`]) and the editorial notes that apply to it.
//! - [`grade`]: grading an answer, with the documented tolerance for typed dates.
//! - [`select`]: the seeded random number generator, test selection by seed, and the validation of the test's URL
//!   parameters (seed, number of questions, chapter, type).
//! - [`text`]: finding whole sentences and quotation marks in a paragraph, for the evidence excerpts.
//!
//! # Rules every generated question follows (tested over the whole bank)
//!
//! - **One defensible answer.** "Who held this office" is asked only when at most two people hold it in the data
//!   (and never of memberships, "Member of …", which many share beyond the text), and the other holder never
//!   appears among the options. Distractor people never hold the answer position, never hold any position on the
//!   same topic, are never named in the quotes the answer rests on, and are never the answer's allies (people who
//!   share a position with them). Distractor positions are of the same kind, on topics the person holds nothing
//!   on, and never held by the person's allies. Dates are asked only where the record has one exact date, and
//!   chronological order only of events whose dates cannot overlap.
//! - **Nothing rests silently on a disputed value.** A question resting on a record with editorial notes, or whose
//!   quote overlaps flagged words, starts "According to the text"; one resting on words flagged by a high-severity
//!   note, on a date a note corrects (`corrected_date`), or on the 1903 lists note (`lists-1903`) is not generated.
//! - **Distractors never equal the answer**, and every option is distinct.
//! - **Answerable from the text.** Every question's evidence is a verbatim excerpt of a paragraph; a date question's
//!   excerpt contains the year (and the month name, for a month question).
//!
//! # Architecture invariants
//!
//! Pure Rust: no UI or browser crates (a tidy test checks). Generation is deterministic: the same data gives the
//! same bank, in the same order, with the same options; a test's selection depends only on its seed and filters.

use std::sync::OnceLock;

use crate::dataset::{Dataset, DATA};

pub mod bank;
pub mod grade;
pub mod select;
pub mod text;

pub use bank::Bank;

/// The key used for questions on primary-source paragraphs, which belong to no chapter.
pub const SOURCES: &str = "sources";

/// The four kinds of question the quiz asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionType {
    /// When did it happen: type the year (or month and year), or pick it from a list.
    Date,
    /// Put three to five events in chronological order.
    Order,
    /// Who held an office or took a stance, which office or stance a person had, which faction they joined.
    Position,
    /// Who wrote or said a quotation.
    Attribution,
}

impl QuestionType {
    /// Every type, in display order.
    pub const ALL: [QuestionType; 4] = [
        QuestionType::Date,
        QuestionType::Order,
        QuestionType::Position,
        QuestionType::Attribution,
    ];

    /// The keyword used in URLs (`?type=date`).
    pub const fn keyword(self) -> &'static str {
        match self {
            QuestionType::Date => "date",
            QuestionType::Order => "order",
            QuestionType::Position => "position",
            QuestionType::Attribution => "attribution",
        }
    }

    /// A label for display.
    pub const fn label(self) -> &'static str {
        match self {
            QuestionType::Date => "Dates",
            QuestionType::Order => "Chronological order",
            QuestionType::Position => "Positions and stances",
            QuestionType::Attribution => "Who said it",
        }
    }

    /// The type for a URL keyword.
    pub fn from_keyword(keyword: &str) -> Option<QuestionType> {
        QuestionType::ALL
            .into_iter()
            .find(|t| t.keyword() == keyword)
    }
}

/// What the question shows under its prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// An event, a position or a stance, in the dataset's words.
    Text(String),
    /// A verbatim quotation from the text (shown as a block quote).
    Quote(&'static str),
}

/// A year, or a month of a year: the answer to a typed date question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    /// 1-12, when the question asks for the month too.
    pub month: Option<u8>,
}

impl YearMonth {
    /// "1917" or "April 1917".
    pub fn label(self) -> String {
        match self.month {
            Some(m) => format!("{} {}", text::MONTHS[m as usize - 1], self.year),
            None => self.year.to_string(),
        }
    }

    /// Months since year 0, for distances.
    pub fn months(self) -> i32 {
        self.year as i32 * 12 + self.month.map_or(0, |m| m as i32 - 1)
    }
}

/// The right answer, and what the student is offered.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Type the year (and pick the month, when `month` is set).
    TypedDate(YearMonth),
    /// Pick one option; `correct` indexes `options`.
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    /// Put `items` (listed in the order shown) in chronological order; `correct` lists item indices, earliest
    /// first, and `dates` gives each item's date as the text gives it.
    Order {
        items: Vec<String>,
        correct: Vec<usize>,
        dates: Vec<String>,
    },
}

/// A verbatim excerpt of a paragraph that justifies an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The paragraph id, `p<line>`.
    pub paragraph: &'static str,
    /// The excerpt: a byte range of the paragraph's text, on sentence boundaries where possible.
    pub start: u32,
    pub end: u32,
}

impl Evidence {
    /// The excerpt, exactly as the text has it.
    pub fn text(&self, data: &Dataset) -> &'static str {
        let paragraph = data
            .paragraph(self.paragraph)
            .expect("evidence paragraph exists");
        &paragraph.text[self.start as usize..self.end as usize]
    }

    /// Where the paragraph is shown: `/chapters/<chapter>#p<line>`, or `/sources/<n>#p<line>` for a primary source.
    pub fn href(&self, data: &Dataset) -> String {
        paragraph_href(data, self.paragraph)
    }

    /// "Chapter: <title>" or "Primary source (n)", naming where the link goes.
    pub fn place(&self, data: &Dataset) -> String {
        match data.chapter_of(self.paragraph) {
            Some(chapter) => format!("Chapter: {}", chapter.title),
            None => match data.paragraph(self.paragraph).and_then(|p| p.source_number) {
                Some(n) => format!("Primary source ({n})"),
                None => "The text".to_string(),
            },
        }
    }
}

/// The link to a paragraph in the reader.
pub fn paragraph_href(data: &Dataset, paragraph: &str) -> String {
    if let Some(chapter) = data.chapter_of(paragraph) {
        return format!("/chapters/{}#{paragraph}", chapter.id);
    }
    match data.paragraph(paragraph).and_then(|p| p.source_number) {
        Some(n) => format!("/sources/{n}#{paragraph}"),
        None => format!("/chapters#{paragraph}"),
    }
}

/// One generated question.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable id built from the record ids (`date-year:birth`, `who:kamenev-pravda-editor`); progress is keyed by it.
    pub id: String,
    pub kind: QuestionType,
    /// Questions on the same fact (a typed and a multiple-choice question on one date) share this key; a test never
    /// includes two of them.
    pub fact: String,
    /// The chapter of the passage the question rests on, or [`SOURCES`].
    pub chapter: &'static str,
    /// The question, ending with `?` or `.`; starts "According to the text" when [`Question::according_to_text`].
    pub prompt: String,
    pub subject: Option<Subject>,
    pub answer: Answer,
    /// The passages that justify the answer, the main one first.
    pub evidence: Vec<Evidence>,
    /// Editorial notes on the records or flagged words the question rests on.
    pub notes: Vec<&'static str>,
    /// The question rests on a record with notes or on flagged words, and says so.
    pub according_to_text: bool,
}

impl Question {
    /// The right answer in words: "1917", "April 1917", the option's text, or the events in order.
    pub fn answer_text(&self) -> String {
        match &self.answer {
            Answer::TypedDate(date) => date.label(),
            Answer::Choice { options, correct } => options[*correct].clone(),
            Answer::Order {
                items,
                correct,
                dates,
            } => correct
                .iter()
                .map(|&i| format!("{} ({})", items[i], dates[i]))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// A short description of the answer format, for lists: "Type the year", "Multiple choice", "Ordering".
    pub fn format_label(&self) -> &'static str {
        match &self.answer {
            Answer::TypedDate(YearMonth { month: None, .. }) => "Type the year",
            Answer::TypedDate(_) => "Month and year",
            Answer::Choice { .. } => "Multiple choice",
            Answer::Order { .. } => "Ordering",
        }
    }
}

/// The chapter title for a chapter key, or "Primary sources".
pub fn chapter_label(data: &Dataset, key: &str) -> String {
    match data.chapter(key) {
        Some(chapter) => chapter.title.to_string(),
        None => "Primary sources".to_string(),
    }
}

/// The chapter keys questions can have, in reading order: every chapter id, then [`SOURCES`].
pub fn chapter_keys(data: &Dataset) -> Vec<&'static str> {
    data.chapters
        .iter()
        .map(|c| c.id)
        .chain(std::iter::once(SOURCES))
        .collect()
}

/// The bank generated from [`DATA`], built on first use.
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| Bank::generate(&DATA))
}
