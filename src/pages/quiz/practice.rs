//! The practice page (`/quiz/practice?chapter=…&type=…`): spaced repetition with FSRS. Due cards first, then a
//! few new ones a day; after each answer the student rates how well they knew it (Again, Hard, Good, Easy; keys
//! 1-4, Enter for the suggested rating), and the card is scheduled and saved at once.
//!
//! What comes next, the scheduling and the saved schema are in [`crate::schedule`]; this is view wiring.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::question::{first_control, Feedback, QuestionForm};
use super::store::{focus_soon, not_a_shortcut, now, on_a_control, Saved, SavedNotice};
use super::{ChapterSelect, TypeSelect};
use crate::dataset::DATA;
use crate::quiz::grade::{grade, Graded, Response};
use crate::quiz::select::filtered_url;
use crate::quiz::{bank, chapter_keys, Question, QuestionType};
use crate::schedule::practice::{self, Filter, Next};
use crate::schedule::progress::{Mode, NEW_PER_DAY};
use crate::schedule::scheduler::{duration_label, Rating, Scheduler};

/// The card on screen and, once answered, its grade.
#[derive(Clone, Debug)]
struct Current {
    question: &'static Question,
    answer: Option<(Response, Graded)>,
}

/// The practice page.
#[component]
pub fn Practice() -> impl IntoView {
    let query = use_query_map();
    let chapter_param = Memo::new(move |_| {
        query.with(|q| {
            q.get_str("chapter")
                .and_then(|c| chapter_keys(&DATA).into_iter().find(|k| *k == c))
        })
    });
    let kind_param =
        Memo::new(move |_| query.with(|q| q.get_str("type").and_then(QuestionType::from_keyword)));
    let filter = move || Filter {
        chapter: chapter_param.get(),
        kind: kind_param.get(),
    };

    let saved = Saved::load();
    let scheduler = StoredValue::new(Scheduler::new());
    // The time the page last looked at the clock: summaries and "due in" labels are relative to it.
    let clock = RwSignal::new(now());
    let current = RwSignal::new(None::<Current>);
    let waiting = RwSignal::new(None::<Next<'static>>);
    let status = RwSignal::new(String::new());
    // Bumped for every card shown, so the question form is built afresh even when the same card comes back.
    let round = RwSignal::new(0u32);

    let pick_next = move || {
        let at = now();
        clock.set(at);
        let next = saved.progress.with_untracked(|p| {
            practice::next(
                &DATA,
                bank(),
                p,
                at,
                filter_untracked(chapter_param, kind_param),
            )
        });
        match next {
            Next::Due(question) | Next::New(question) => {
                current.set(Some(Current {
                    question,
                    answer: None,
                }));
                waiting.set(None);
                round.update(|r| *r += 1);
            }
            other => {
                current.set(None);
                waiting.set(Some(other));
            }
        }
    };
    // Pick the first card, and again whenever the filters change.
    Effect::new(move |_| {
        let _ = (chapter_param.get(), kind_param.get());
        pick_next();
    });

    let on_answer = Callback::new(move |response: Response| {
        let Some(mut card) = current.get_untracked() else {
            return;
        };
        let graded = grade(card.question, &response);
        let suggested = Rating::suggested(graded.credit);
        status.set(format!(
            "{} The answer: {}. Rate how well you knew it: {} is suggested.",
            graded.outcome.label(),
            card.question.answer_text(),
            suggested.label()
        ));
        card.answer = Some((response, graded));
        current.set(Some(card));
        focus_soon(format!("rate-{}", suggested.label().to_ascii_lowercase()));
    });
    let rate = move |rating: Rating| {
        let Some(card) = current.get_untracked() else {
            return;
        };
        let Some((_, graded)) = card.answer else {
            return;
        };
        let at = now();
        let mut due = at;
        saved.change(|p| {
            due = scheduler.with_value(|s| {
                p.record_practice(s, &card.question.id, at, graded.credit, rating)
                    .due
            });
        });
        status.set(format!(
            "Rated {}. Next review in {}.",
            rating.label(),
            duration_label(due - at)
        ));
        pick_next();
        if let Some(next) = current.get_untracked() {
            focus_soon(first_control(next.question));
        } else {
            focus_soon("practice-heading");
        }
    };
    let study_early = move |question: &'static Question| {
        current.set(Some(Current {
            question,
            answer: None,
        }));
        waiting.set(None);
        round.update(|r| *r += 1);
        focus_soon(first_control(question));
    };

    // Keys 1-4 rate, Enter takes the suggested rating, once the answer is showing.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(Current {
            answer: Some((_, graded)),
            ..
        }) = current.get_untracked()
        else {
            return;
        };
        if not_a_shortcut(&ev) {
            return;
        }
        let key = ev.key();
        if let Some(rating) = Rating::from_key(&key) {
            ev.prevent_default();
            rate(rating);
        } else if key == "Enter" && !on_a_control(&ev) {
            ev.prevent_default();
            rate(Rating::suggested(graded.credit));
        }
    });
    on_cleanup(move || handle.remove());

    let navigate = use_navigate();
    let chapter_field = RwSignal::new(
        chapter_param
            .get_untracked()
            .unwrap_or_default()
            .to_string(),
    );
    let kind_field = RwSignal::new(
        kind_param
            .get_untracked()
            .map_or("", |k| k.keyword())
            .to_string(),
    );
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = filtered_url(
            "/quiz/practice",
            &chapter_field.get_untracked(),
            &kind_field.get_untracked(),
        );
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };

    let summary = move || {
        let at = clock.get();
        let s = saved
            .progress
            .with(|p| practice::summary(bank(), p, at, filter()));
        format!(
            "Due now: {} · New today: {} of {NEW_PER_DAY} · Cards scheduled: {}",
            s.due_now, s.new_today, s.scheduled
        )
    };

    view! {
        <Title text="Quiz: practice" />
        <article class="page quiz-page">
            <h1 id="practice-heading" tabindex="-1">"Quiz: practice"</h1>
            <p class="lede">
                "Questions come back just before you would forget them. After each answer, say how well you knew "
                "it: the better you knew it, the longer until you see it again."
            </p>
            <SavedNotice saved=saved />
            <details class="quiz-filters-details">
                <summary>"Practise one chapter or one type of question"</summary>
                <form class="quiz-filters" on:submit=apply>
                    <ChapterSelect id="practice-chapter" value=chapter_field />
                    <TypeSelect id="practice-type" value=kind_field />
                    <button type="submit">"Practise these"</button>
                </form>
            </details>
            <p class="quiz-summary" data-testid="practice-summary">{summary}</p>
            <p class="visually-hidden" role="status">{move || status.get()}</p>
            {move || {
                round.track();
                waiting.track();
                let shown = current.with_untracked(|c| c.as_ref().map(|c| c.question));
                if let Some(question) = shown {
                    let answered = Signal::derive(move || {
                        current.with(|c| c.as_ref().is_some_and(|c| c.answer.is_some()))
                    });
                    let fresh = saved.progress.with_untracked(|p| !p.cards.contains_key(&question.id));
                    view! {
                        <QuestionForm
                            question=question
                            label=if fresh { "New question" } else { "Due for review" }
                            answered=answered
                            on_answer=on_answer
                        />
                        {move || {
                            current.with(|c| c.as_ref().and_then(|c| c.answer.clone())).map(|(response, graded)| {
                                view! {
                                    <Feedback question=question graded=graded.clone() response=response />
                                    <Ratings saved=saved scheduler=scheduler question=question graded=graded rate=rate />
                                }
                            })
                        }}
                    }
                    .into_any()
                } else {
                    waiting_view(waiting.get_untracked(), study_early).into_any()
                }
            }}
            <Recent saved=saved clock=clock />
        </article>
    }
}

fn filter_untracked(
    chapter: Memo<Option<&'static str>>,
    kind: Memo<Option<QuestionType>>,
) -> Filter<'static> {
    Filter {
        chapter: chapter.get_untracked(),
        kind: kind.get_untracked(),
    }
}

/// The four rating buttons, each with the interval it would give.
#[component]
fn Ratings(
    saved: Saved,
    scheduler: StoredValue<Scheduler>,
    question: &'static Question,
    graded: Graded,
    rate: impl Fn(Rating) + Copy + 'static,
) -> impl IntoView {
    let at = now();
    let previews = saved
        .progress
        .with_untracked(|p| scheduler.with_value(|s| s.preview(p.cards.get(&question.id), at)));
    let suggested = Rating::suggested(graded.credit);
    view! {
        <fieldset class="quiz-ratings">
            <legend>"How well did you know it?"</legend>
            <div class="quiz-ratings__buttons">
                {Rating::ALL
                    .into_iter()
                    .zip(previews)
                    .map(|(rating, due)| {
                        let label = rating.label();
                        let class = if rating == suggested { "quiz-rating quiz-rating--suggested" } else { "quiz-rating secondary" };
                        view! {
                            <button
                                type="button"
                                class=class
                                id=format!("rate-{}", label.to_ascii_lowercase())
                                aria-keyshortcuts=rating.key().to_string()
                                on:click=move |_| rate(rating)
                            >
                                <span class="quiz-kbd" aria-hidden="true">{rating.key().to_string()}</span>
                                <span class="quiz-rating__label">{label}</span>
                                <span class="quiz-rating__when">{format!("again in {}", duration_label(due - at))}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="meta">
                {format!("Keys 1–4 choose a rating; Enter takes the suggested one ({}).", suggested.label())}
            </p>
        </fieldset>
    }
}

/// What to show when no card is due: the next one due soon (with a button to study it now), or nothing left.
fn waiting_view(
    waiting: Option<Next<'static>>,
    study_early: impl Fn(&'static Question) + Copy + 'static,
) -> impl IntoView {
    let at = now();
    match waiting {
        Some(Next::Later { question, due }) => view! {
            <div class="quiz-waiting" data-testid="practice-waiting">
                <h2>"Nothing is due right now"</h2>
                <p>{format!("The next card is due in {}.", duration_label(due - at))}</p>
                <button type="button" on:click=move |_| study_early(question)>"Study it now"</button>
            </div>
        }
        .into_any(),
        Some(Next::Done { due }) => view! {
            <div class="quiz-waiting" data-testid="practice-waiting">
                <h2>"All done for now"</h2>
                <p>
                    {match due {
                        Some(due) => format!(
                            "You have seen today’s {NEW_PER_DAY} new questions. The next review is due in {}.",
                            duration_label(due - at)
                        ),
                        None => "There are no questions left to practise with these filters.".to_string(),
                    }}
                </p>
                <p><a href="/quiz/progress">"See your progress"</a> " or " <a href="/quiz/test">"take a test"</a> "."</p>
            </div>
        }
        .into_any(),
        _ => view! { <p class="meta">"Choosing a question…"</p> }.into_any(),
    }
}

/// The last few practice answers and when each card is due again.
#[component]
fn Recent(saved: Saved, clock: RwSignal<i64>) -> impl IntoView {
    let rows = move || {
        let at = clock.get();
        saved.progress.with(|p| {
            let mut seen = Vec::new();
            let mut rows = Vec::new();
            for review in p.log.iter().rev().filter(|r| r.mode == Mode::Practice) {
                if seen.contains(&review.question) || rows.len() == 5 {
                    continue;
                }
                seen.push(review.question.clone());
                let (Some(question), Some(card)) = (bank().get(&review.question), p.cards.get(&review.question))
                else {
                    continue;
                };
                let when = if card.due <= at {
                    "due now".to_string()
                } else {
                    format!("due in {}", duration_label(card.due - at))
                };
                let subject = super::answers::subject_text(question).unwrap_or_default();
                rows.push(view! {
                    <li data-testid="practice-recent-item">
                        <span class="quiz-recent__prompt">{question.prompt.clone()} " " {subject}</span>
                        <span class="meta">
                            {format!(" — rated {}, {when}", review.rating.map_or("", |r| r.label()))}
                        </span>
                    </li>
                });
            }
            rows
        })
    };
    view! {
        <section class="quiz-recent" aria-labelledby="recent-heading">
            <h2 id="recent-heading">"Recently practised"</h2>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    view! { <p class="meta">"Nothing yet: your first answers will appear here."</p> }.into_any()
                } else {
                    view! { <ul class="quiz-recent__list">{rows}</ul> }.into_any()
                }
            }}
        </section>
    }
}
