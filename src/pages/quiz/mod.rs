//! The quiz pages: the home page (`/quiz`, below), a test (`/quiz/test`), practice (`/quiz/practice`), progress
//! (`/quiz/progress`) and the answer key (`/quiz/answers`).
//!
//! View wiring only. The questions, grading and test selection are in [`crate::quiz`]; scheduling, saved progress,
//! mastery and import/export in [`crate::schedule`]. Navigation state (the test's seed and filters, the answer
//! key's and practice's filters) lives in the URL; progress is loaded from local storage by each page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::dataset::DATA;
use crate::quiz::grade::{FIRST_YEAR, LAST_YEAR};
use crate::quiz::select::DEFAULT_COUNT;
use crate::quiz::{bank, chapter_keys, chapter_label, QuestionType};
use crate::schedule::progress::NEW_PER_DAY;

mod answers;
mod practice;
mod progress;
mod question;
mod store;
mod test;

pub use answers::AnswerKey;
pub use practice::Practice;
pub use progress::Progress;
pub use test::QuizTest;

/// The quiz home page: the modes, what the bank holds, how answers are marked, and the keys.
#[component]
pub fn QuizHome() -> impl IntoView {
    let bank = bank();
    let rows = QuestionType::ALL
        .into_iter()
        .map(|kind| {
            let what = match kind {
                QuestionType::Date => "Type the year (or month and year), or pick it from four dates.",
                QuestionType::Order => "Put three to five events in the order they happened.",
                QuestionType::Position => {
                    "Who held an office or took a stance; which office or stance a person had; which side they \
                     took in 1903."
                }
                QuestionType::Attribution => "Who wrote or said a quotation from the sources.",
            };
            view! {
                <dt>{format!("{} ({} questions)", kind.label(), bank.count(kind))}</dt>
                <dd>{what}</dd>
            }
        })
        .collect_view();
    view! {
        <Title text="Quiz" />
        <article class="page quiz-page">
            <h1>"Quiz"</h1>
            <p class="lede">
                "Learn when things happened and who held which office or took which stance. Every question is "
                "generated from the biography’s data, and every answer comes with the passage that proves it."
            </p>
            <ul class="card-grid quiz-modes">
                <li class="card">
                    <h2><a href="/quiz/test">"Take a test"</a></h2>
                    <p>
                        {format!("{DEFAULT_COUNT} questions (or as many as you choose), picked by a quiz code. ")}
                        "Share the link and a whole class gets the same questions; a score and a review come at the end."
                    </p>
                </li>
                <li class="card">
                    <h2><a href="/quiz/practice">"Practise"</a></h2>
                    <p>
                        "Spaced repetition: due questions first, "
                        {format!("up to {NEW_PER_DAY} new ones a day. ")}
                        "Rate each answer Again, Hard, Good or Easy, and it comes back just before you would forget."
                    </p>
                </li>
                <li class="card">
                    <h2><a href="/quiz/progress">"Your progress"</a></h2>
                    <p>"What you have learnt, chapter by chapter and by type of question. Download or import it."</p>
                </li>
                <li class="card">
                    <h2><a href="/quiz/answers">"Answer key"</a></h2>
                    <p>"For teachers: every question with its answer and source passage, to check and print."</p>
                </li>
            </ul>
            <section aria-labelledby="bank-heading">
                <h2 id="bank-heading">"What the quiz asks"</h2>
                <p data-testid="quiz-bank-size">
                    {format!(
                        "{} questions, generated from the text’s records of events, offices, stances and sources:",
                        bank.questions.len()
                    )}
                </p>
                <dl class="quiz-bank">{rows}</dl>
            </section>
            <section class="prose" aria-labelledby="marking-heading">
                <h2 id="marking-heading">"How answers are marked"</h2>
                <ul>
                    <li>
                        "Typed years: the exact year earns full marks, one year out half, two years out a quarter. "
                        "Typed months: the exact month earns full marks, one or two months out half, up to a year "
                        "out a quarter. You always see how far out you were."
                    </li>
                    <li>
                        "Ordering: full marks for the exact order; otherwise the share of pairs of events in the "
                        "right order, when at least half are."
                    </li>
                    <li>"Multiple choice: one answer is right, and the others are never also right."</li>
                    <li>
                        "Where the text has an editorial note (a date or detail it gets wrong), the question says "
                        "“according to the text” and the feedback shows the note. Dates the notes correct are "
                        "never asked."
                    </li>
                    <li>{format!("Years can be typed from {FIRST_YEAR} to {LAST_YEAR}.")}</li>
                </ul>
                <h2>"Keys"</h2>
                <ul>
                    <li>"1–4 choose an answer; Enter checks it and, once you have seen the feedback, moves on."</li>
                    <li>"In practice, 1–4 rate how well you knew it (Again, Hard, Good, Easy)."</li>
                    <li>"Ordering questions move events with Up and Down buttons; nothing needs dragging."</li>
                </ul>
            </section>
        </article>
    }
}

/// A chapter filter: every chapter and the primary sources, or all. `value` is the chapter key ("" for all).
#[component]
fn ChapterSelect(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="quiz-field">
            <label for=id>"Chapter"</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                <option value="" selected=move || value.with(String::is_empty)>"All chapters"</option>
                {chapter_keys(&DATA)
                    .into_iter()
                    .map(|key| {
                        view! {
                            <option value=key selected=move || value.with(|v| v == key)>
                                {chapter_label(&DATA, key)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A question-type filter. `value` is the type keyword ("" for all).
#[component]
fn TypeSelect(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="quiz-field">
            <label for=id>"Type of question"</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                <option value="" selected=move || value.with(String::is_empty)>"All types"</option>
                {QuestionType::ALL
                    .into_iter()
                    .map(|kind| {
                        let keyword = kind.keyword();
                        view! {
                            <option value=keyword selected=move || value.with(|v| v == keyword)>
                                {kind.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
