//! The student's own work on the trial: a reliability rating with a written reason for each account, and a
//! written claim on the central question that cites at least two accounts. Saved by the page with
//! `crate::storage` under [`WORK_KEY`], version [`WORK_VERSION`]; checked here; exported as a plain-text worksheet.
//!
//! The checks say what is missing, never what the answer is: there is no model answer anywhere in this module.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dataset::{Dataset, Source};

use super::{date_text, label, role};

/// The storage key of the student's work.
pub const WORK_KEY: &str = "kamenev.compare.work";
/// The version of [`Work`]'s saved shape.
pub const WORK_VERSION: u32 = 1;
/// How messages about the saved work name it.
pub const WORK_WHAT: &str = "your work on the 1936 trial";
/// The question the student's claim answers: a row of the claims matrix.
pub const CENTRAL_QUESTION: &str = "confessions-true";
/// The longest reason or claim kept, in characters.
pub const MAX_TEXT: usize = 4000;
/// The fewest accounts a claim must cite.
pub const MIN_CITED: usize = 2;
/// The fewest words in a reason for a rating.
pub const MIN_REASON_WORDS: usize = 5;
/// The fewest words in the claim.
pub const MIN_CLAIM_WORDS: usize = 15;
/// The name of the exported file.
pub const EXPORT_FILE: &str = "kamenev-1936-trial-worksheet.txt";

/// How far an account can be trusted about what happened at the trial, in the student's judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reliability {
    VeryDoubtful,
    Doubtful,
    FairlyReliable,
    Reliable,
}

impl Reliability {
    /// Every level, least trusted first.
    pub const ALL: [Reliability; 4] = [
        Reliability::VeryDoubtful,
        Reliability::Doubtful,
        Reliability::FairlyReliable,
        Reliability::Reliable,
    ];

    /// A label for the control and the worksheet.
    pub fn label(self) -> &'static str {
        match self {
            Reliability::VeryDoubtful => "Very doubtful",
            Reliability::Doubtful => "Doubtful",
            Reliability::FairlyReliable => "Fairly reliable",
            Reliability::Reliable => "Reliable",
        }
    }

    /// A short value for form controls and tests.
    pub fn keyword(self) -> &'static str {
        match self {
            Reliability::VeryDoubtful => "very-doubtful",
            Reliability::Doubtful => "doubtful",
            Reliability::FairlyReliable => "fairly-reliable",
            Reliability::Reliable => "reliable",
        }
    }
}

/// The student's rating of one account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rating {
    pub level: Option<Reliability>,
    pub reason: String,
}

impl Rating {
    fn is_empty(&self) -> bool {
        self.level.is_none() && self.reason.trim().is_empty()
    }
}

/// Everything the student has written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Work {
    /// Ratings by source id.
    pub ratings: BTreeMap<String, Rating>,
    /// The claim on the central question.
    pub claim: String,
    /// Ids of the accounts the claim cites, in the order they were ticked.
    pub cited: Vec<String>,
}

fn clip(text: &str) -> String {
    text.chars().take(MAX_TEXT).collect()
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

impl Work {
    /// The rating of an account, if the student has started one.
    pub fn rating(&self, source: &str) -> Option<&Rating> {
        self.ratings.get(source)
    }

    /// Sets (or, with `None`, clears) the level of an account's rating.
    pub fn set_level(&mut self, source: &str, level: Option<Reliability>) {
        self.update(source, |rating| rating.level = level);
    }

    /// Sets the reason for an account's rating, clipped to [`MAX_TEXT`] characters.
    pub fn set_reason(&mut self, source: &str, reason: &str) {
        self.update(source, |rating| rating.reason = clip(reason));
    }

    fn update(&mut self, source: &str, change: impl FnOnce(&mut Rating)) {
        let rating = self.ratings.entry(source.to_string()).or_default();
        change(rating);
        if rating.is_empty() {
            self.ratings.remove(source);
        }
    }

    /// Sets the claim, clipped to [`MAX_TEXT`] characters.
    pub fn set_claim(&mut self, claim: &str) {
        self.claim = clip(claim);
    }

    /// Whether the claim cites this account.
    pub fn is_cited(&self, source: &str) -> bool {
        self.cited.iter().any(|c| c == source)
    }

    /// Cites the account if the claim did not, or stops citing it.
    pub fn toggle_cited(&mut self, source: &str) {
        match self.cited.iter().position(|c| c == source) {
            Some(at) => {
                self.cited.remove(at);
            }
            None => self.cited.push(source.to_string()),
        }
    }

    /// Whether there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty() && self.claim.trim().is_empty() && self.cited.is_empty()
    }

    /// What is still missing, for `sources` (the accounts being rated), in page order: ratings first, then the
    /// claim.
    pub fn check(&self, sources: &[&Source]) -> Check {
        let mut problems = Vec::new();
        let mut rated = 0;
        for source in sources {
            let Some(rating) = self.rating(source.id) else {
                continue;
            };
            let reason = words(&rating.reason);
            match (rating.level, reason) {
                (Some(_), n) if n >= MIN_REASON_WORDS => rated += 1,
                (Some(_), 0) => problems.push(Problem::ReasonMissing(source.id)),
                (Some(_), n) => problems.push(Problem::ReasonShort(source.id, n)),
                (None, _) => problems.push(Problem::LevelMissing(source.id)),
            }
        }
        let claim_words = words(&self.claim);
        if claim_words == 0 {
            problems.push(Problem::ClaimMissing);
        } else if claim_words < MIN_CLAIM_WORDS {
            problems.push(Problem::ClaimShort(claim_words));
        }
        let cited = sources.iter().filter(|s| self.is_cited(s.id)).count();
        if cited < MIN_CITED {
            problems.push(Problem::TooFewCited(cited));
        }
        let claim_ready = claim_words >= MIN_CLAIM_WORDS && cited >= MIN_CITED;
        Check {
            rated,
            total: sources.len(),
            problems,
            claim_ready,
        }
    }
}

/// Something still missing from the work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A level is chosen for this account but no reason is given.
    ReasonMissing(&'static str),
    /// The reason has only this many words.
    ReasonShort(&'static str, usize),
    /// A reason is written for this account but no level is chosen.
    LevelMissing(&'static str),
    /// The claim is empty.
    ClaimMissing,
    /// The claim has only this many words.
    ClaimShort(usize),
    /// The claim cites only this many accounts.
    TooFewCited(usize),
}

impl Problem {
    /// What to tell the student; `name` names an account by id.
    pub fn message(self, name: impl Fn(&str) -> String) -> String {
        match self {
            Problem::ReasonMissing(id) => format!("{}: say why you chose this rating.", name(id)),
            Problem::ReasonShort(id, n) => format!(
                "{}: your reason has {n} word{}; explain it in at least {MIN_REASON_WORDS}.",
                name(id),
                if n == 1 { "" } else { "s" }
            ),
            Problem::LevelMissing(id) => format!("{}: choose a rating to go with your reason.", name(id)),
            Problem::ClaimMissing => "Write your claim on the central question.".to_string(),
            Problem::ClaimShort(n) => format!(
                "Your claim has {n} word{}; write at least {MIN_CLAIM_WORDS}, with the evidence for it.",
                if n == 1 { "" } else { "s" }
            ),
            Problem::TooFewCited(n) => format!(
                "Tick the accounts your claim uses: at least {MIN_CITED} (you have ticked {n})."
            ),
        }
    }
}

/// The state of the work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// Accounts with a level and a reason.
    pub rated: usize,
    /// Accounts to rate.
    pub total: usize,
    pub problems: Vec<Problem>,
    /// The claim is long enough and cites enough accounts.
    pub claim_ready: bool,
}

/// The work as a plain-text worksheet, for download: the central question, the claim and the accounts it cites,
/// then every account with its rating and reason. The student's words are copied as typed.
pub fn export_text(data: &Dataset, work: &Work, sources: &[&'static Source]) -> String {
    let name = |source: &Source| {
        format!(
            "{} ({}, {})",
            label(source, sources),
            role(source.kind),
            date_text(source)
        )
    };
    let mut out = String::new();
    out.push_str("Comparing the accounts of the August 1936 trial: worksheet\n");
    out.push_str("Lev Kamenev: a biography with primary sources\n\n");
    let question = data
        .question(CENTRAL_QUESTION)
        .map_or(CENTRAL_QUESTION, |q| q.text);
    out.push_str(&format!("Central question: {question}\n\n"));
    out.push_str("My claim:\n");
    if work.claim.trim().is_empty() {
        out.push_str("(not written yet)\n");
    } else {
        out.push_str(work.claim.trim());
        out.push('\n');
    }
    let cited: Vec<String> = sources
        .iter()
        .filter(|s| work.is_cited(s.id))
        .map(|s| name(s))
        .collect();
    out.push_str("\nAccounts my claim cites:\n");
    if cited.is_empty() {
        out.push_str("(none ticked yet)\n");
    }
    for line in cited {
        out.push_str(&format!("- {line}\n"));
    }
    out.push_str("\nHow far I trust each account:\n");
    for source in sources {
        out.push_str(&format!("\n{}\n", name(source)));
        let rating = work.rating(source.id);
        let level = rating
            .and_then(|r| r.level)
            .map_or("not rated yet", Reliability::label);
        out.push_str(&format!("Rating: {level}\n"));
        match rating.map(|r| r.reason.trim()).filter(|r| !r.is_empty()) {
            Some(reason) => out.push_str(&format!("Reason: {reason}\n")),
            None => out.push_str("Reason: (not written yet)\n"),
        }
    }
    out
}

/// Questions that guide the work, in the four habits of reading like a historian. They ask; they never answer.
pub const GUIDE: &[(&str, &[&str])] = &[
    (
        "Sourcing",
        &[
            "Who made this account, and what were they: a defendant, an insider, a journalist, an opponent of \
             Stalin, a historian?",
            "When was it written, and when was it made public? How far was that from the trial?",
            "Why might the author have said this, and who was meant to read it?",
        ],
    ),
    (
        "Context",
        &[
            "What could the author know at that date? Were they in the courtroom, in Moscow, or far away?",
            "What was happening to the author, or to people close to them, when they spoke or wrote?",
        ],
    ),
    (
        "Corroboration",
        &[
            "Which other accounts agree with this one, and which disagree?",
            "Do they agree because each saw the same thing, or because one took its story from another?",
            "Is there a claim that only one account makes? What would you need in order to check it?",
        ],
    ),
    (
        "Close reading",
        &[
            "Which words show how sure the author is?",
            "Are these the author's own words, a quotation inside someone else's book, or the narrator's summary?",
        ],
    ),
];
