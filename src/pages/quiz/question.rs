//! One question and its feedback: the answer form for each format (typed date, multiple choice, ordering), and
//! the feedback that teaches (right or wrong, the answer, and the passage that proves it).
//!
//! Keyboard: every control is a native form control or button; `1`-`4` pick an option, Enter submits, and the
//! ordering list moves items with Up and Down buttons (focus follows the moved item).

use leptos::prelude::*;

use super::store::{focus_soon, not_a_shortcut};
use crate::dataset::DATA;
use crate::quiz::grade::{describe, parse_date, Graded, Outcome, Response};
use crate::quiz::text::MONTHS;
use crate::quiz::{Answer, Question, Subject};
use crate::reading::links::note_href;

/// The id of the question's heading.
pub const QUESTION_HEADING: &str = "question-heading";

/// The id of a question's first control, focused when the question appears after "Next".
pub fn first_control(question: &Question) -> String {
    match &question.answer {
        Answer::TypedDate(date) if date.month.is_some() => "answer-month".into(),
        Answer::TypedDate(_) => "answer-year".into(),
        Answer::Choice { .. } => "answer-0".into(),
        Answer::Order { .. } => "move-down-0".into(),
    }
}

/// A question with its answer form. Calls `on_answer` with a valid response; bad input (a year that is not a
/// year, no option chosen) is explained next to the field instead.
#[component]
pub fn QuestionForm(
    question: &'static Question,
    /// "Question 3 of 10", or "Practice" for the practice page.
    #[prop(into)]
    label: String,
    /// Once set, the answer is locked and the button hidden.
    #[prop(into)]
    answered: Signal<bool>,
    on_answer: Callback<Response>,
) -> impl IntoView {
    let year = RwSignal::new(String::new());
    let month = RwSignal::new(0u8);
    let choice = RwSignal::new(None::<usize>);
    let order = RwSignal::new(match &question.answer {
        Answer::Order { items, .. } => (0..items.len()).collect::<Vec<usize>>(),
        _ => Vec::new(),
    });
    let error = RwSignal::new(None::<String>);

    let submit = move || {
        if answered.get_untracked() {
            return;
        }
        let response = match &question.answer {
            Answer::TypedDate(answer) => {
                let picked = Some(month.get_untracked()).filter(|m| *m > 0);
                match parse_date(&year.get_untracked(), picked, answer.month.is_some()) {
                    Ok(date) => Response::Date(date),
                    Err(problem) => {
                        error.set(Some(problem.to_string()));
                        return;
                    }
                }
            }
            Answer::Choice { .. } => match choice.get_untracked() {
                Some(i) => Response::Choice(i),
                None => {
                    error.set(Some("Choose one of the answers first.".into()));
                    return;
                }
            },
            Answer::Order { .. } => Response::Order(order.get_untracked()),
        };
        error.set(None);
        on_answer.run(response);
    };

    // Keys 1-4 pick an option while the question is open.
    if let Answer::Choice { options, .. } = &question.answer {
        let count = options.len();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if answered.get_untracked() || not_a_shortcut(&ev) {
                return;
            }
            let key = ev.key();
            if let Some(n) = key
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=count).contains(n))
            {
                ev.prevent_default();
                choice.set(Some(n - 1));
                focus_soon(format!("answer-{}", n - 1));
            }
        });
        on_cleanup(move || handle.remove());
    }

    let body = match &question.answer {
        Answer::TypedDate(answer) => {
            typed_date(answer.month.is_some(), year, month, answered, error).into_any()
        }
        Answer::Choice { options, correct } => {
            choices(options, *correct, choice, answered).into_any()
        }
        Answer::Order { items, .. } => ordering(items, order, answered).into_any(),
    };
    let subject = question.subject.as_ref().map(|subject| match subject {
        Subject::Text(text) => view! { <p class="quiz-subject">{text.clone()}</p> }.into_any(),
        Subject::Quote(quote) => {
            view! { <blockquote class="quiz-quote">{*quote}</blockquote> }.into_any()
        }
    });
    // Enter on a radio button submits too (browsers differ on implicit submission from radios).
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let on_radio = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|t| t.get_attribute("type").as_deref() == Some("radio"));
        if ev.key() == "Enter" && on_radio {
            ev.prevent_default();
            submit();
        }
    };

    view! {
        <form
            class="quiz-question"
            class:quiz-question--answered=move || answered.get()
            data-testid="quiz-question"
            data-question=question.id.clone()
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
            on:keydown=on_keydown
        >
            <h2 id=QUESTION_HEADING tabindex="-1" class="quiz-question__label">{label}</h2>
            <fieldset class="quiz-fieldset">
                <legend class="quiz-prompt">{question.prompt.clone()}</legend>
                {subject}
                {body}
            </fieldset>
            <p class="quiz-error" role="alert" id="answer-error">{move || error.get()}</p>
            <Show when=move || !answered.get()>
                <button type="submit" class="quiz-submit" id="check-answer">"Check answer"</button>
            </Show>
        </form>
    }
}

fn typed_date(
    wants_month: bool,
    year: RwSignal<String>,
    month: RwSignal<u8>,
    answered: Signal<bool>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let month_field = wants_month.then(|| {
        view! {
            <div class="quiz-field">
                <label for="answer-month">"Month"</label>
                <select
                    id="answer-month"
                    prop:value=move || month.get().to_string()
                    on:change=move |ev| month.set(event_target_value(&ev).parse().unwrap_or(0))
                    disabled=move || answered.get()
                >
                    <option value="0">"Choose a month"</option>
                    {MONTHS
                        .iter()
                        .enumerate()
                        .map(|(i, name)| view! { <option value=(i + 1).to_string()>{*name}</option> })
                        .collect_view()}
                </select>
            </div>
        }
    });
    let hint = if wants_month {
        "The exact month earns full marks; one or two months out, half; up to a year out, a quarter."
    } else {
        "The exact year earns full marks; one year out, half; two years out, a quarter."
    };
    view! {
        <div class="quiz-date">
            {month_field}
            <div class="quiz-field">
                <label for="answer-year">"Year"</label>
                <input
                    id="answer-year"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="4"
                    size="6"
                    aria-describedby="answer-hint answer-error"
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    bind:value=year
                    disabled=move || answered.get()
                />
            </div>
        </div>
        <p class="meta" id="answer-hint">{hint}</p>
    }
}

fn choices(
    options: &'static [String],
    correct: usize,
    choice: RwSignal<Option<usize>>,
    answered: Signal<bool>,
) -> impl IntoView {
    // Once answered, the right option and a wrong choice are marked in words as well as colour: (class, words).
    let mark = move |i: usize| {
        if !answered.get() {
            None
        } else if i == correct {
            Some(("quiz-option--right", "Right answer"))
        } else if choice.get() == Some(i) {
            Some(("quiz-option--wrong", "Your answer"))
        } else {
            None
        }
    };
    view! {
        <ul class="quiz-options">
            {options
                .iter()
                .enumerate()
                .map(|(i, option)| {
                    let id = format!("answer-{i}");
                    view! {
                        <li class=move || mark(i).map_or("", |(class, _)| class)>
                            <input
                                type="radio"
                                name="answer"
                                id=id.clone()
                                value=i.to_string()
                                prop:checked=move || choice.get() == Some(i)
                                on:change=move |_| choice.set(Some(i))
                                disabled=move || answered.get()
                            />
                            <label for=id>
                                <span class="quiz-kbd" aria-hidden="true">{(i + 1).to_string()}</span>
                                <span>
                                    {option.clone()}
                                    {move || {
                                        mark(i)
                                            .map(|(_, text)| {
                                                // (The comma keeps the option and its mark apart when read out.)
                                                view! {
                                                    <span class="visually-hidden">", "</span>
                                                    <span class="quiz-option__mark" data-testid="option-mark">
                                                        {text}
                                                    </span>
                                                }
                                            })
                                    }}
                                </span>
                            </label>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn ordering(
    items: &'static [String],
    order: RwSignal<Vec<usize>>,
    answered: Signal<bool>,
) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let count = items.len();
    let move_item = move |item: usize, up: bool| {
        let mut next = order.get_untracked();
        let Some(at) = next.iter().position(|&i| i == item) else {
            return;
        };
        let to = if up {
            at.checked_sub(1)
        } else {
            Some(at + 1).filter(|t| *t < count)
        };
        let Some(to) = to else {
            return;
        };
        next.swap(at, to);
        order.set(next);
        announcement.set(format!(
            "“{}” moved to position {} of {count}.",
            items[item],
            to + 1
        ));
        // Keep focus on the moved item: the same button, or the other one at either end of the list.
        let same_way_possible = if up { to > 0 } else { to + 1 < count };
        let direction = if same_way_possible == up {
            "up"
        } else {
            "down"
        };
        focus_soon(format!("move-{direction}-{item}"));
    };
    view! {
        <p class="meta">"Use the Up and Down buttons to put the earliest event first."</p>
        <ol class="quiz-order">
            <For each=move || order.get() key=|item| *item let:item>
                {
                    let position = move || order.with(|o| o.iter().position(|&i| i == item).unwrap_or(0));
                    let text = items[item].as_str();
                    view! {
                        <li class="quiz-order__item">
                            <span class="quiz-order__text">{text}</span>
                            <span class="quiz-order__moves">
                                <button
                                    type="button"
                                    class="secondary"
                                    id=format!("move-up-{item}")
                                    aria-label=format!("Move “{text}” up")
                                    disabled=move || answered.get() || position() == 0
                                    on:click=move |_| move_item(item, true)
                                >
                                    <span aria-hidden="true">"↑ "</span>
                                    "Up"
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    id=format!("move-down-{item}")
                                    aria-label=format!("Move “{text}” down")
                                    disabled=move || answered.get() || position() + 1 == count
                                    on:click=move |_| move_item(item, false)
                                >
                                    <span aria-hidden="true">"↓ "</span>
                                    "Down"
                                </button>
                            </span>
                        </li>
                    }
                }
            </For>
        </ol>
        <p class="visually-hidden" role="status">{move || announcement.get()}</p>
    }
}

/// The feedback after an answer: the outcome, the right answer, and the verbatim passages with links to the
/// paragraphs (and the editorial notes that apply).
#[component]
pub fn Feedback(question: &'static Question, graded: Graded, response: Response) -> impl IntoView {
    let (class, symbol) = match graded.outcome {
        Outcome::Correct => ("quiz-feedback quiz-feedback--correct", "✓"),
        Outcome::Close => ("quiz-feedback quiz-feedback--close", "≈"),
        Outcome::Wrong => ("quiz-feedback quiz-feedback--wrong", "✗"),
    };
    let answer = match &question.answer {
        Answer::Order { items, correct, dates } => view! {
            <p>"The order in the text:"</p>
            <ol class="quiz-answer-order">
                {correct
                    .iter()
                    .map(|&i| view! { <li>{items[i].clone()} <span class="meta">{format!(" ({})", dates[i])}</span></li> })
                    .collect_view()}
            </ol>
        }
        .into_any(),
        _ => view! {
            <p>
                "Your answer: " <strong>{describe(question, &response)}</strong> ". "
                "The answer: " <strong data-testid="quiz-answer">{question.answer_text()}</strong> "."
            </p>
        }
        .into_any(),
    };
    view! {
        <section class=class data-testid="quiz-feedback" aria-labelledby="feedback-heading">
            <h3 id="feedback-heading">
                <span aria-hidden="true" class="quiz-feedback__symbol">{symbol}</span>
                " "
                {graded.outcome.label()}
            </h3>
            <p>{graded.detail.clone()}</p>
            {answer}
            <Evidence question=question />
        </section>
    }
}

/// The passages that justify a question's answer, with links, and its editorial notes.
#[component]
pub fn Evidence(question: &'static Question) -> impl IntoView {
    let passages = question
        .evidence
        .iter()
        .map(|evidence| {
            let place = evidence.place(&DATA);
            let line = evidence.paragraph.trim_start_matches('p').to_string();
            view! {
                <figure class="quiz-passage">
                    <blockquote>{evidence.text(&DATA)}</blockquote>
                    <figcaption>
                        <a href=evidence.href(&DATA) data-testid="quiz-passage-link">
                            {format!("{place}, paragraph {line}")}
                        </a>
                    </figcaption>
                </figure>
            }
        })
        .collect_view();
    let notes = question
        .notes
        .iter()
        .filter_map(|id| DATA.note(id))
        .map(|note| {
            let href = note_href(&DATA, note);
            view! {
                <aside class="quiz-note" aria-label=format!("Editorial note: {}", note.title)>
                    <p class="quiz-note__title"><strong>"Editorial note: "</strong>{note.title}</p>
                    {note.correction.map(|c| view! { <p>"Correction: " {c}</p> })}
                    {href.map(|href| view! { <p><a href=href>"Read the note in the text"</a></p> })}
                </aside>
            }
        })
        .collect_view();
    view! {
        <div class="quiz-evidence">
            <h4>"From the text"</h4>
            {passages}
            {question
                .according_to_text
                .then(|| {
                    view! {
                        <p class="meta">
                            "This question says “according to the text” because the passage it rests on has an "
                            "editorial note."
                        </p>
                    }
                })}
            {notes}
        </div>
    }
}
