//! The progress page (`/quiz/progress`): mastery per chapter and per question type, export and import of the
//! progress as a JSON file, and a reset with confirmation.
//!
//! Import reads the file only if it is at most 1 MB, validates it completely ([`crate::schedule::transfer`]), and
//! replaces the saved progress only after the student confirms; a bad file shows what is wrong and changes
//! nothing.

use leptos::prelude::*;
use leptos_meta::Title;
use wasm_bindgen::JsCast;

use super::store::{focus_soon, now, Saved, SavedNotice};
use crate::browser::LocalStore;
use crate::dataset::DATA;
use crate::quiz::bank;
use crate::schedule::mastery::{by_chapter, by_type, Row};
use crate::schedule::progress::{self as saved_progress, Progress as SavedProgress};
use crate::schedule::transfer::{data_url, export, import, Imported, FILE_NAME, MAX_IMPORT_BYTES};

/// The progress page.
#[component]
pub fn Progress() -> impl IntoView {
    let saved = Saved::load();
    let clock = now();
    let chapters = move || saved.progress.with(|p| by_chapter(&DATA, bank(), p, clock));
    let types = move || saved.progress.with(|p| by_type(bank(), p, clock));
    let answered = move || saved.progress.with(|p| p.log.len());
    view! {
        <Title text="Quiz: progress" />
        <article class="page quiz-page">
            <h1>"Quiz: progress"</h1>
            <p class="lede">
                "How much of the quiz you have practised and learnt. Progress is kept in this browser only; "
                "download it to keep a copy or to carry it to another computer."
            </p>
            <SavedNotice saved=saved />
            <p data-testid="progress-answered">
                {move || match answered() {
                    0 => "You have not answered any questions yet.".to_string(),
                    1 => "You have answered 1 question.".to_string(),
                    n => format!("You have answered {n} questions."),
                }}
            </p>
            <p class="meta">
                "An item is one fact the quiz asks about (a date, a position, a quotation); a typed and a "
                "multiple-choice question on the same date are one item. An item is learnt when its card is "
                "scheduled three weeks or more ahead. The score is the mean of your latest mark on each question."
            </p>
            <MasteryTable caption="By chapter" first="Chapter" rows=Signal::derive(chapters) />
            <MasteryTable caption="By type of question" first="Type" rows=Signal::derive(types) />
            <Transfer saved=saved />
            <Reset saved=saved />
        </article>
    }
}

#[component]
fn MasteryTable(
    caption: &'static str,
    first: &'static str,
    rows: Signal<Vec<Row>>,
) -> impl IntoView {
    view! {
        <div class="table-wrap quiz-table" tabindex="0" role="region" aria-label=caption>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col">"Items"</th>
                        <th scope="col">"Practised"</th>
                        <th scope="col">"Learnt"</th>
                        <th scope="col">"Due now"</th>
                        <th scope="col">"Score"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|row| {
                                let bar = (row.mastered * 100).checked_div(row.items).unwrap_or(0);
                                view! {
                                    <tr>
                                        <th scope="row">{row.label}</th>
                                        <td>{row.items}</td>
                                        <td>{row.practised}</td>
                                        <td>
                                            {row.mastered}
                                            <span class="quiz-meter" aria-hidden="true">
                                                <span style=format!("width: {bar}%")></span>
                                            </span>
                                        </td>
                                        <td>{row.due}</td>
                                        <td>{row.score.map_or("–".to_string(), |s| format!("{s}%"))}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// Export and import.
#[component]
fn Transfer(saved: Saved) -> impl IntoView {
    let pending = RwSignal::new(None::<Imported>);
    let message = RwSignal::new(None::<(bool, String)>);
    let href = move || saved.progress.with(|p| data_url(&export(p, now())));

    let on_file = move |ev: leptos::ev::Event| {
        pending.set(None);
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Cleared so choosing the same file again fires `change` again.
        input.set_value("");
        let size = file.size() as usize;
        if size > MAX_IMPORT_BYTES {
            let error = import(size, "", bank())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            message.set(Some((false, error)));
            focus_soon("import-message");
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let text = match text.ok().and_then(|t| t.as_string()) {
                Some(text) => text,
                None => {
                    message.set(Some((false, "The file could not be read as text.".into())));
                    focus_soon("import-message");
                    return;
                }
            };
            match import(size, &text, bank()) {
                Ok(imported) => {
                    let cards = imported.progress.cards.len();
                    let skipped = match imported.skipped {
                        0 => String::new(),
                        n => format!(
                            " {n} cards for questions no longer in the quiz will be left out."
                        ),
                    };
                    message.set(Some((
                        true,
                        format!(
                            "The file is valid: {cards} cards and {} answers.{skipped} Importing replaces the progress saved in this browser.",
                            imported.progress.log.len()
                        ),
                    )));
                    pending.set(Some(imported));
                    focus_soon("import-confirm");
                }
                Err(error) => {
                    message.set(Some((false, error.to_string())));
                    focus_soon("import-message");
                }
            }
        });
    };
    let confirm = move |_| {
        let Some(imported) = pending.get_untracked() else {
            return;
        };
        saved.progress.set(imported.progress);
        if saved.save() {
            message.set(Some((true, "Your progress was imported.".into())));
        }
        pending.set(None);
        focus_soon("import-message");
    };
    let cancel = move |_| {
        pending.set(None);
        message.set(Some((
            true,
            "Nothing was imported; your progress is unchanged.".into(),
        )));
        focus_soon("import-message");
    };

    view! {
        <section class="quiz-transfer" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">"Keep or move your progress"</h2>
            <p>
                <a class="button" href=href download=FILE_NAME data-testid="progress-export">
                    "Download my progress (JSON)"
                </a>
            </p>
            <div class="quiz-field">
                <label for="import-file">"Import a progress file (JSON, at most 1 MB)"</label>
                <input
                    id="import-file"
                    type="file"
                    accept="application/json,.json"
                    aria-describedby="import-message"
                    on:change=on_file
                />
            </div>
            <div id="import-message" tabindex="-1" data-testid="import-message">
                {move || {
                    message.get().map(|(ok, text)| {
                        let class = if ok { "quiz-notice quiz-notice--ok" } else { "quiz-notice" };
                        view! { <p class=class role=if ok { "status" } else { "alert" }>{text}</p> }
                    })
                }}
            </div>
            <Show when=move || pending.with(Option::is_some)>
                <div class="quiz-actions">
                    <button type="button" id="import-confirm" on:click=confirm>"Replace my progress"</button>
                    <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                </div>
            </Show>
        </section>
    }
}

/// Reset, with a confirmation step.
#[component]
fn Reset(saved: Saved) -> impl IntoView {
    let asking = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let ask = move |_| {
        asking.set(true);
        done.set(None);
        focus_soon("reset-confirm");
    };
    let confirm = move |_| {
        match saved_progress::reset(&LocalStore::open()) {
            Ok(()) => {
                saved.progress.set(SavedProgress::default());
                done.set(Some("Your quiz progress was deleted.".into()));
            }
            Err(error) => done.set(Some(format!(
                "Your progress could not be deleted: {error}."
            ))),
        }
        asking.set(false);
        focus_soon("reset-start");
    };
    let cancel = move |_| {
        asking.set(false);
        focus_soon("reset-start");
    };
    let counts = move || saved.progress.with(|p| (p.cards.len(), p.log.len()));
    view! {
        <section class="quiz-reset" aria-labelledby="reset-heading">
            <h2 id="reset-heading">"Start again"</h2>
            <p>"Deletes every card and answer saved in this browser. Download your progress first to keep a copy."</p>
            <button type="button" class="secondary" id="reset-start" on:click=ask>"Reset progress…"</button>
            <Show when=move || asking.get()>
                <div class="quiz-confirm" role="group" aria-labelledby="reset-question">
                    <p id="reset-question">
                        {move || {
                            let (cards, answers) = counts();
                            format!("Delete {cards} cards and {answers} answers? This cannot be undone.")
                        }}
                    </p>
                    <div class="quiz-actions">
                        <button type="button" id="reset-confirm" class="quiz-danger" on:click=confirm>
                            "Delete my progress"
                        </button>
                        <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                    </div>
                </div>
            </Show>
            <p role="status">{move || done.get()}</p>
        </section>
    }
}
