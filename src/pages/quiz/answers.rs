//! The answer key for teachers (`/quiz/answers?chapter=…&type=…`): every generated question with its options,
//! answer, type and the passage it rests on, filterable and printable, so a teacher can check the bank before
//! giving a test.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::question::Evidence;
use super::{ChapterSelect, TypeSelect};
use crate::dataset::DATA;
use crate::quiz::select::{filtered_url, matches};
use crate::quiz::{bank, chapter_keys, Answer, Question, QuestionType, Subject};

/// What a question shows under its prompt, as plain text.
pub fn subject_text(question: &Question) -> Option<String> {
    question.subject.as_ref().map(|subject| match subject {
        Subject::Text(text) => text.clone(),
        Subject::Quote(quote) => format!("“{quote}”"),
    })
}

/// The answer key page.
#[component]
pub fn AnswerKey() -> impl IntoView {
    let query = use_query_map();
    let chapter_param = Memo::new(move |_| {
        query.with(|q| {
            q.get_str("chapter")
                .and_then(|c| chapter_keys(&DATA).into_iter().find(|k| *k == c))
        })
    });
    let kind_param =
        Memo::new(move |_| query.with(|q| q.get_str("type").and_then(QuestionType::from_keyword)));
    let chapter = RwSignal::new(
        chapter_param
            .get_untracked()
            .unwrap_or_default()
            .to_string(),
    );
    let kind = RwSignal::new(
        kind_param
            .get_untracked()
            .map_or("", |k| k.keyword())
            .to_string(),
    );
    let navigate = use_navigate();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = filtered_url(
            "/quiz/answers",
            &chapter.get_untracked(),
            &kind.get_untracked(),
        );
        navigate(
            &url,
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };
    let shown = Memo::new(move |_| {
        let (c, k) = (chapter_param.get(), kind_param.get());
        bank()
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| matches(q, c, k))
            .map(|(i, _)| i)
            .collect::<Vec<usize>>()
    });
    // The shown questions grouped by chapter, in chapter order.
    let sections = Memo::new(move |_| {
        shown.with(|shown| {
            chapter_keys(&DATA)
                .into_iter()
                .filter_map(|key| {
                    let here: Vec<usize> = shown
                        .iter()
                        .copied()
                        .filter(|&i| bank().questions[i].chapter == key)
                        .collect();
                    (!here.is_empty()).then_some((key, here))
                })
                .collect::<Vec<_>>()
        })
    });
    // The whole bank is hundreds of entries: show the first chapter at once and one more per frame, so the page
    // answers input while the rest appears. Printing shows everything first.
    let revealed = RwSignal::new(1usize);
    Effect::new(move |_| {
        sections.track();
        revealed.set(1);
    });
    Effect::new(move |_| {
        if revealed.get() < sections.with(Vec::len) {
            request_animation_frame(move || revealed.update(|n| *n += 1));
        }
    });
    let print = move |_| {
        revealed.set(usize::MAX);
        request_animation_frame(|| {
            let _ = window().print();
        });
    };
    view! {
        <Title text="Quiz: answer key" />
        <article class="page quiz-page quiz-answers">
            <h1>"Quiz: answer key"</h1>
            <p class="lede">
                "Every question the quiz can ask, generated from the biography’s data, with its answer and the "
                "passage that justifies it. Check the questions here before giving a test."
            </p>
            <form class="quiz-filters" on:submit=apply>
                <ChapterSelect id="key-chapter" value=chapter />
                <TypeSelect id="key-type" value=kind />
                <div class="quiz-actions">
                    <button type="submit">"Show these questions"</button>
                    <button type="button" class="secondary" on:click=print>"Print"</button>
                </div>
            </form>
            <p role="status" data-testid="quiz-key-count">
                {move || format!("{} of {} questions.", shown.with(Vec::len), bank().questions.len())}
            </p>
            <For
                each=move || sections.get().into_iter().take(revealed.get())
                key=|(key, here)| (*key, here.clone())
                children=|(key, here)| {
                    let heading = format!("key-{key}");
                    let labelled = heading.clone();
                    view! {
                        <section class="quiz-key__chapter" aria-labelledby=labelled>
                            <h2 id=heading>{crate::quiz::chapter_label(&DATA, key)}</h2>
                            <ol class="quiz-key">
                                {here.into_iter().map(|i| key_entry(&bank().questions[i])).collect_view()}
                            </ol>
                        </section>
                    }
                }
            />
        </article>
    }
}

fn key_entry(question: &'static Question) -> impl IntoView {
    let options = match &question.answer {
        Answer::Choice { options, correct } => {
            let correct = *correct;
            view! {
                <ol class="quiz-key__options">
                    {options
                        .iter()
                        .enumerate()
                        .map(|(i, option)| {
                            let right = i == correct;
                            view! {
                                <li class:quiz-key__right=right>
                                    {option.clone()}
                                    {right.then(|| view! { <strong>" (answer)"</strong> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
            .into_any()
        }
        Answer::Order {
            items,
            correct,
            dates,
        } => view! {
            <p>"Shown in this order: " {items.join(" | ")}</p>
            <p>"Answer, earliest first:"</p>
            <ol class="quiz-key__options">
                {correct
                    .iter()
                    .map(|&i| view! { <li>{format!("{} ({})", items[i], dates[i])}</li> })
                    .collect_view()}
            </ol>
        }
        .into_any(),
        Answer::TypedDate(date) => {
            view! { <p>"Answer: " <strong>{date.label()}</strong></p> }.into_any()
        }
    };
    view! {
        <li class="quiz-key__item card">
            <p class="meta">
                {format!("{} · {}", question.kind.label(), question.format_label())}
                " · "
                <code>{question.id.clone()}</code>
            </p>
            <h3 class="quiz-key__prompt">{question.prompt.clone()}</h3>
            {subject_text(question).map(|s| view! { <p class="quiz-subject">{s}</p> })}
            {options}
            <Evidence question=question />
        </li>
    }
}
