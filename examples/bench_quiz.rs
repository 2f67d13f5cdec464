//! Times question-bank generation and grading, and prints the bank's size per type.
//!
//! Run with `cargo run --release --example bench_quiz` (or `scripts/bench-quiz.sh`). `--list` also prints every
//! question with its answer, for checking the bank by eye; `--samples N` prints the first N of each type.
//!
//! The target (from the issue) is the whole bank in under 5 ms natively.

use std::time::{Duration, Instant};

use kamenev::dataset::DATA;
use kamenev::quiz::grade::{grade, Response};
use kamenev::quiz::select::{select, Seed, TestSpec};
use kamenev::quiz::{Answer, Bank, QuestionType, Subject};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let list = args.iter().any(|a| a == "--list");
    let samples: usize = args
        .iter()
        .position(|a| a == "--samples")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);

    let runs = 200;
    let mut generation = Vec::with_capacity(runs);
    let mut bank = Bank::generate(&DATA);
    for _ in 0..runs {
        let start = Instant::now();
        bank = Bank::generate(&DATA);
        generation.push(start.elapsed());
    }
    let first = {
        let start = Instant::now();
        let _ = Bank::generate(&DATA);
        start.elapsed()
    };

    let mut grading = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        for question in &bank.questions {
            let response = match &question.answer {
                Answer::TypedDate(date) => Response::Date(*date),
                Answer::Choice { correct, .. } => Response::Choice(*correct),
                Answer::Order { correct, .. } => {
                    Response::Order(correct.iter().rev().copied().collect())
                }
            };
            std::hint::black_box(grade(question, &response));
        }
        grading.push(start.elapsed());
    }

    let spec = TestSpec {
        seed: Seed::parse("bench").expect("valid seed"),
        count: 10,
        chapter: None,
        kind: None,
    };
    let mut selection = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(select(&bank, &spec));
        selection.push(start.elapsed());
    }

    println!("questions: {}", bank.questions.len());
    for kind in QuestionType::ALL {
        println!("  {:<12} {}", kind.keyword(), bank.count(kind));
    }
    println!(
        "generate whole bank: median {:?}, fastest {:?}, slowest {:?} over {runs} runs (first run after start: {:?})",
        median(generation.clone()),
        generation.iter().min().expect("runs"),
        generation.iter().max().expect("runs"),
        first
    );
    println!(
        "grade every question once: median {:?} over {runs} runs",
        median(grading)
    );
    println!(
        "select a 10-question test: median {:?} over {runs} runs",
        median(selection)
    );

    let show = |q: &kamenev::quiz::Question| {
        let subject = match &q.subject {
            Some(Subject::Text(t)) => format!(" [{t}]"),
            Some(Subject::Quote(t)) => format!(" [“{t}”]"),
            None => String::new(),
        };
        let options = match &q.answer {
            Answer::Choice { options, .. } => format!("\n    options: {}", options.join(" | ")),
            Answer::Order { items, .. } => format!("\n    shown: {}", items.join(" | ")),
            Answer::TypedDate(_) => String::new(),
        };
        println!(
            "- {} ({}, {}){}\n  {}{}{}\n    answer: {}\n    evidence: {}",
            q.id,
            q.format_label(),
            q.chapter,
            if q.notes.is_empty() {
                String::new()
            } else {
                format!(" notes: {}", q.notes.join(", "))
            },
            q.prompt,
            subject,
            options,
            q.answer_text(),
            q.evidence
                .iter()
                .map(|e| format!("[{}] {}", e.paragraph, e.text(&DATA)))
                .collect::<Vec<_>>()
                .join(" / ")
        );
    };
    if list || samples > 0 {
        for kind in QuestionType::ALL {
            println!("\n## {}", kind.label());
            let of_kind = bank.questions.iter().filter(|q| q.kind == kind);
            for q in of_kind.take(if list { usize::MAX } else { samples }) {
                show(q);
            }
        }
    }
}
