//! The test page (`/quiz/test?seed=…&n=…&chapter=…&type=…`): without a seed, a form to set a test up; with one,
//! the questions the seed selects, one at a time, then the score and a review of every question.
//!
//! The test is entirely described by its URL, so a teacher can give a class the same quiz by sharing the link.
//! A bad parameter shows what is wrong and a link to start again; it never panics. Answers are logged in the
//! saved progress (for the progress page's scores) but do not move spaced-repetition cards.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::question::{first_control, Evidence, Feedback, QuestionForm, QUESTION_HEADING};
use super::store::{focus_soon, not_a_shortcut, now, on_a_control, Saved, SavedNotice};
use super::{ChapterSelect, TypeSelect};
use crate::dataset::DATA;
use crate::quiz::grade::{describe, grade, Graded, Outcome, Response};
use crate::quiz::select::{select, Seed, TestSpec, DEFAULT_COUNT, MAX_COUNT};
use crate::quiz::{bank, Question};

/// The test page: the set-up form, or the test its URL describes.
#[component]
pub fn QuizTest() -> impl IntoView {
    let query = use_query_map();
    let spec = Memo::new(move |_| {
        query.with(|q| {
            q.get_str("seed").map(|seed| {
                TestSpec::parse(
                    &DATA,
                    seed,
                    q.get_str("n"),
                    q.get_str("chapter"),
                    q.get_str("type"),
                )
            })
        })
    });
    view! {
        <Title text="Quiz: test" />
        <article class="page quiz-page">
            <h1>"Quiz: test"</h1>
            {move || match spec.get() {
                None => view! { <SetUp /> }.into_any(),
                Some(Err(error)) => view! {
                    <div class="quiz-notice" role="alert" data-testid="quiz-url-error">
                        <p>"This quiz link does not work: " {error.to_string()}</p>
                        <p><a href="/quiz/test">"Set up a new test"</a></p>
                    </div>
                }
                .into_any(),
                Some(Ok(spec)) => view! { <Run spec=spec /> }.into_any(),
            }}
        </article>
    }
}

/// The form that sets up a test: length, chapter, type and quiz code.
#[component]
fn SetUp() -> impl IntoView {
    let count = RwSignal::new(DEFAULT_COUNT.to_string());
    let chapter = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let seed = RwSignal::new(Seed::suggest(now() as u64).to_string());
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, k) = (chapter.get_untracked(), kind.get_untracked());
        let parsed = TestSpec::parse(
            &DATA,
            seed.get_untracked().trim(),
            Some(count.get_untracked().trim()),
            Some(c.as_str()),
            Some(k.as_str()),
        );
        match parsed {
            Ok(spec) => {
                error.set(None);
                navigate(
                    &format!("/quiz/test?{}", spec.query()),
                    NavigateOptions::default(),
                );
                // The form (and the button that had focus) is replaced by the first question: start there.
                focus_soon(QUESTION_HEADING);
            }
            Err(problem) => error.set(Some(problem.to_string())),
        }
    };
    view! {
        <p class="lede">
            "A test picks its questions with a quiz code. Give your class the same code (or just the link) and "
            "everyone gets the same questions in the same order."
        </p>
        <form class="quiz-setup" on:submit=start data-testid="quiz-setup">
            <div class="quiz-field">
                <label for="setup-count">"Number of questions"</label>
                <input
                    id="setup-count"
                    type="number"
                    min="1"
                    max=MAX_COUNT.to_string()
                    inputmode="numeric"
                    bind:value=count
                />
            </div>
            <ChapterSelect id="setup-chapter" value=chapter />
            <TypeSelect id="setup-type" value=kind />
            <div class="quiz-field">
                <label for="setup-seed">"Quiz code"</label>
                <input
                    id="setup-seed"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="32"
                    aria-describedby="setup-seed-hint"
                    bind:value=seed
                />
                <p class="meta" id="setup-seed-hint">
                    "Up to 32 lower-case letters, digits and hyphens, such as “class-7b”."
                </p>
            </div>
            <p class="quiz-error" role="alert">{move || error.get()}</p>
            <button type="submit">"Start the test"</button>
        </form>
    }
}

/// One answered question: what was given and how it was graded.
#[derive(Clone, Debug)]
struct Answered {
    response: Response,
    graded: Graded,
}

/// A test in progress, then its score.
#[component]
fn Run(spec: TestSpec) -> impl IntoView {
    let questions: Vec<&'static Question> = select(bank(), &spec);
    let total = questions.len();
    let saved = Saved::load();
    let index = RwSignal::new(0usize);
    let answers = RwSignal::new(Vec::<Answered>::new());
    let answered = Signal::derive(move || answers.with(|a| a.len()) > index.get());
    let questions = StoredValue::new(questions);

    let on_answer = Callback::new(move |response: Response| {
        let i = index.get_untracked();
        let question = questions.with_value(|q| q[i]);
        let graded = grade(question, &response);
        saved.change(|p| p.record_test(&question.id, now(), graded.credit));
        answers.update(|a| a.push(Answered { response, graded }));
        focus_soon("next-question");
    });
    let next = move || {
        if !answered.get_untracked() {
            return;
        }
        index.update(|i| *i += 1);
        let i = index.get_untracked();
        if i < total {
            let id = questions.with_value(|q| first_control(q[i]));
            focus_soon(id);
        } else {
            focus_soon("score-heading");
        }
    };
    // Enter anywhere but a link or button moves on once the feedback is showing.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Enter"
            && answered.get_untracked()
            && !not_a_shortcut(&ev)
            && !on_a_control(&ev)
        {
            ev.prevent_default();
            next();
        }
    });
    on_cleanup(move || handle.remove());

    let restart = Callback::new(move |_: ()| {
        answers.set(Vec::new());
        index.set(0);
        let id = questions.with_value(|q| q.first().map(|q| first_control(q)));
        if let Some(id) = id {
            focus_soon(id);
        }
    });
    let status = move || {
        let i = index.get();
        answers.with(|a| {
            a.get(i).map(|answer| {
                let question = questions.with_value(|q| q[i]);
                format!(
                    "{}. The answer: {}.",
                    answer.graded.outcome.label(),
                    question.answer_text()
                )
            })
        })
    };
    let filters = describe_filters(&spec);
    let origin = window().location().origin().unwrap_or_default();
    let share = format!("{origin}/quiz/test?{}", spec.query());

    view! {
        <SavedNotice saved=saved />
        <p class="meta quiz-test-meta">
            {format!("Quiz code “{}” · {filters}", spec.seed)}
        </p>
        {(total < spec.count && total > 0).then(|| view! {
            <p class="meta">{format!("Only {total} questions match these filters, so the test has {total}.")}</p>
        })}
        <p class="visually-hidden" role="status">{status}</p>
        {move || {
            let i = index.get();
            if total == 0 {
                view! {
                    <p>"No questions match these filters. " <a href="/quiz/test">"Set up another test"</a></p>
                }
                .into_any()
            } else if i < total {
                let question = questions.with_value(|q| q[i]);
                view! {
                    <QuestionForm
                        question=question
                        label=format!("Question {} of {total}", i + 1)
                        answered=answered
                        on_answer=on_answer
                    />
                    <Progressbar done=i total=total />
                    {move || {
                        answers.with(|a| a.get(i).cloned()).map(|answer| {
                            let last = i + 1 == total;
                            view! {
                                <Feedback question=question graded=answer.graded response=answer.response />
                                <button type="button" id="next-question" class="quiz-next" on:click=move |_| next()>
                                    {if last { "See your score" } else { "Next question" }}
                                </button>
                                <p class="meta">"Press Enter to continue."</p>
                            }
                        })
                    }}
                }
                .into_any()
            } else {
                let results = answers.get();
                let questions = questions.get_value();
                view! { <Score questions=questions answers=results share=share.clone() restart=restart /> }
                    .into_any()
            }
        }}
    }
}

/// "All chapters · All types" or the filters in words.
fn describe_filters(spec: &TestSpec) -> String {
    let chapter = spec.chapter.map_or("All chapters".to_string(), |c| {
        crate::quiz::chapter_label(&DATA, c)
    });
    let kind = spec.kind.map_or("All types", |k| k.label());
    format!("{chapter} · {kind}")
}

/// How far through the test the student is.
#[component]
fn Progressbar(done: usize, total: usize) -> impl IntoView {
    view! {
        <div class="quiz-progress" aria-hidden="true">
            <div class="quiz-progress__bar" style=format!("width: {}%", done * 100 / total.max(1))></div>
        </div>
    }
}

/// The score and a review of every question.
#[component]
fn Score(
    questions: Vec<&'static Question>,
    answers: Vec<Answered>,
    share: String,
    restart: Callback<()>,
) -> impl IntoView {
    let total = questions.len();
    let points: f32 = answers.iter().map(|a| a.graded.credit).sum();
    let percent = (points / total.max(1) as f32 * 100.0).round();
    let points_text = if points.fract() == 0.0 {
        format!("{points:.0}")
    } else {
        format!("{points:.2}").trim_end_matches('0').to_string()
    };
    let reviews = questions
        .into_iter()
        .zip(answers)
        .enumerate()
        .map(|(i, (question, answer))| {
            let class = match answer.graded.outcome {
                Outcome::Correct => "quiz-review__item quiz-review__item--correct",
                Outcome::Close => "quiz-review__item quiz-review__item--close",
                Outcome::Wrong => "quiz-review__item quiz-review__item--wrong",
            };
            view! {
                <li class=class>
                    <h3>{format!("Question {}: {}", i + 1, answer.graded.outcome.label())}</h3>
                    <p class="quiz-review__prompt">{question.prompt.clone()}</p>
                    {super::answers::subject_text(question).map(|s| view! { <p class="quiz-subject">{s}</p> })}
                    <dl class="quiz-review__answers">
                        <dt>"Your answer"</dt>
                        <dd>{describe(question, &answer.response)}</dd>
                        <dt>"The answer"</dt>
                        <dd>{question.answer_text()}</dd>
                        <dt>"Mark"</dt>
                        <dd>{format!("{} ({})", answer.graded.detail, mark(answer.graded.credit))}</dd>
                    </dl>
                    <details class="quiz-review__evidence">
                        <summary>"Show the passage"</summary>
                        <Evidence question=question />
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="quiz-score" aria-labelledby="score-heading" data-testid="quiz-score">
            <h2 id="score-heading" tabindex="-1">"Your score"</h2>
            <p class="quiz-score__total">
                <strong data-testid="quiz-score-points">{points_text}</strong>
                {format!(" out of {total} ({percent}%)")}
            </p>
            <div class="quiz-actions">
                <button type="button" on:click=move |_| restart.run(())>"Take the same test again"</button>
                <a class="button secondary" href="/quiz/test">"Set up a new test"</a>
                <a class="button secondary" href="/quiz/practice">"Practise"</a>
            </div>
            <div class="quiz-field">
                <label for="share-link">"Link to this test (the same questions for everyone)"</label>
                <input id="share-link" type="text" readonly value=share />
            </div>
            <h2>"Question by question"</h2>
            <ol class="quiz-review">{reviews}</ol>
        </section>
    }
}

fn mark(credit: f32) -> String {
    if credit >= 1.0 {
        "1 mark".into()
    } else if credit <= 0.0 {
        "0 marks".into()
    } else {
        format!("{credit} of a mark")
    }
}
