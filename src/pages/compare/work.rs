//! The student's own judgement: a rating with a reason for each account, and a claim on the central question that
//! cites at least two accounts, with guiding questions beside it. Saved in this browser at every change
//! (`crate::storage`, key [`WORK_KEY`]), printable as a worksheet (the print stylesheet shows `.worksheet`), and
//! downloadable as a text file.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::LocalStore;
use crate::compare::work::{
    export_text, Reliability, Work, CENTRAL_QUESTION, EXPORT_FILE, GUIDE, MAX_TEXT, MIN_CITED,
    MIN_CLAIM_WORDS, MIN_REASON_WORDS, WORK_KEY, WORK_VERSION, WORK_WHAT,
};
use crate::compare::{self, date_text, role};
use crate::dataset::{Source, DATA};
use crate::storage::{load_versioned, save_versioned, Loaded};

pub fn work_view() -> impl IntoView {
    let sources = compare::trial_sources(&DATA);
    let loaded: Loaded<Work> = load_versioned(
        &LocalStore::open(),
        WORK_KEY,
        WORK_VERSION,
        WORK_WHAT,
        |_, _| None,
    );
    let work = RwSignal::new(loaded.value);
    let problem = loaded.problem;
    // What the last save (or action) did, for the status line.
    let status = RwSignal::new(String::new());
    // Bumped to rebuild the form from `work` (after clearing it).
    let generation = RwSignal::new(0u32);
    let confirming = RwSignal::new(false);

    Effect::new(move |first_done: Option<bool>| {
        let current = work.get();
        if first_done.is_some() {
            match save_versioned(&LocalStore::open(), WORK_KEY, WORK_VERSION, &current) {
                Ok(()) => status.set("Saved in this browser.".to_string()),
                Err(error) => status.set(format!("Not saved: {error}.")),
            }
        }
        true
    });

    let check_sources = sources.clone();
    let check = Memo::new(move |_| work.with(|w| w.check(&check_sources)));
    let names = sources.clone();
    let problems = move || {
        let name = |id: &str| {
            DATA.source(id)
                .map_or_else(|| id.to_string(), |s| compare::label(s, &names))
        };
        check.with(|c| {
            c.problems
                .iter()
                .map(|p| view! { <li>{p.message(name)}</li> })
                .collect_view()
        })
    };
    let export_sources = sources.clone();
    let export = move |_| {
        let text = work.with_untracked(|w| export_text(&DATA, w, &export_sources));
        match download(EXPORT_FILE, &text) {
            Ok(()) => status.set(format!("Downloaded your worksheet as {EXPORT_FILE}.")),
            Err(_) => status.set("The browser did not allow the download.".to_string()),
        }
    };
    let print = move |_| {
        if window().print().is_err() {
            status.set("The browser did not allow printing.".to_string());
        }
    };
    let clear = move |_| {
        work.set(Work::default());
        generation.update(|g| *g += 1);
        confirming.set(false);
        status.set("Your work was cleared.".to_string());
    };
    let question = DATA.question(CENTRAL_QUESTION).map_or("", |q| q.text);
    let form_sources = sources.clone();
    let print_sources = sources.clone();

    view! {
        <section class="compare-view work" aria-labelledby="view-heading">
            <h2 id="view-heading">"Your judgement"</h2>
            <p class="view-intro">
                "Decide how far you trust each account, and say why. Then answer the central question in your own words, using at least two accounts. Your work is saved in this browser as you type; nobody else can see it."
            </p>
            {problem.map(|p| view! { <p class="notice" role="alert">{p}</p> })}
            <div class="work-layout">
                <div class="work-form">
                    {move || {
                        generation.track();
                        form_view(work, &form_sources)
                    }}
                    <section class="work-check" aria-labelledby="work-check-heading">
                        <h3 id="work-check-heading">"Check your work"</h3>
                        <p>
                            {move || check.with(|c| format!("{} of {} accounts rated with a reason.", c.rated, c.total))}
                        </p>
                        <Show
                            when=move || check.with(|c| !c.problems.is_empty())
                            fallback=|| view! { <p>"Every rating has a reason, and your claim cites enough accounts."</p> }
                        >
                            <ul class="work-problems">{problems.clone()}</ul>
                        </Show>
                    </section>
                    <div class="work-actions">
                        <button type="button" on:click=print>"Print the worksheet"</button>
                        <button type="button" class="secondary" on:click=export>"Download as a text file"</button>
                        <Show
                            when=move || confirming.get()
                            fallback=move || {
                                view! {
                                    <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                                        "Clear my work"
                                    </button>
                                }
                            }
                        >
                            <span class="work-confirm">
                                "Clear every rating, reason and your claim? "
                                <button type="button" class="danger" on:click=clear>"Yes, clear it"</button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                    "Keep it"
                                </button>
                            </span>
                        </Show>
                    </div>
                    <p class="work-status" role="status">{move || status.get()}</p>
                </div>
                <aside class="work-guide" aria-labelledby="guide-heading">
                    <h3 id="guide-heading">"Questions to ask"</h3>
                    {GUIDE
                        .iter()
                        .map(|(habit, questions)| {
                            view! {
                                <h4>{*habit}</h4>
                                <ul>{questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}</ul>
                            }
                        })
                        .collect_view()}
                </aside>
            </div>
            <div class="worksheet" data-testid="worksheet">
                <h2>"Worksheet: the accounts of the August 1936 trial"</h2>
                <p>
                    <strong>"Central question: "</strong>
                    {question}
                </p>
                <h3>"My claim"</h3>
                <p class="worksheet__text">{move || work.with(|w| w.claim.clone())}</p>
                <p>
                    <strong>"Accounts it cites: "</strong>
                    {move || {
                        work.with(|w| {
                            print_sources
                                .iter()
                                .filter(|s| w.is_cited(s.id))
                                .map(|s| compare::label(s, &print_sources))
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                    }}
                </p>
                <h3>"How far I trust each account"</h3>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Account"</th>
                            <th scope="col">"Rating"</th>
                            <th scope="col">"Reason"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            work.with(|w| {
                                let all = compare::trial_sources(&DATA);
                                all.iter()
                                    .map(|s| {
                                        let rating = w.rating(s.id);
                                        let level = rating.and_then(|r| r.level).map_or("", Reliability::label);
                                        let reason = rating.map(|r| r.reason.clone()).unwrap_or_default();
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    {compare::label(s, &all)} " (" {date_text(s)} ")"
                                                </th>
                                                <td>{level}</td>
                                                <td class="worksheet__text">{reason}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The form, built from the work as it is now (its inputs then update `work`, never the reverse).
fn form_view(work: RwSignal<Work>, sources: &[&'static Source]) -> impl IntoView {
    let initial = work.get_untracked();
    let question = DATA.question(CENTRAL_QUESTION).map_or("", |q| q.text);
    let ratings = sources
        .iter()
        .map(|source| rating_view(work, &initial, source, sources))
        .collect_view();
    let cite = sources
        .iter()
        .map(|source| {
            let id = source.id;
            let input = format!("cite-{id}");
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=input.clone()
                        prop:checked=initial.is_cited(id)
                        on:change=move |_| work.update(|w| w.toggle_cited(id))
                    />
                    <label for=input>{compare::label(source, sources)}</label>
                </li>
            }
        })
        .collect_view();
    let claim = initial.claim.clone();
    view! {
        <section aria-labelledby="ratings-heading">
            <h3 id="ratings-heading">"How far can you trust each account?"</h3>
            <p>
                {format!(
                    "For each account, choose a rating and give your reason in at least {MIN_REASON_WORDS} words: who made it, when, from where, and why."
                )}
            </p>
            <ol class="rating-list">{ratings}</ol>
        </section>
        <section aria-labelledby="claim-heading">
            <h3 id="claim-heading">"Your claim"</h3>
            <p class="central-question">
                <strong>"Central question: "</strong>
                {question}
            </p>
            <label for="work-claim">
                {format!("Your answer, with the evidence for it (at least {MIN_CLAIM_WORDS} words)")}
            </label>
            <textarea
                id="work-claim"
                rows="8"
                maxlength=MAX_TEXT.to_string()
                on:input=move |ev| work.update(|w| w.set_claim(&event_target_value(&ev)))
            >
                {claim}
            </textarea>
            <fieldset class="cite">
                <legend>{format!("Accounts your claim uses (at least {MIN_CITED})")}</legend>
                <ul class="cite__list">{cite}</ul>
            </fieldset>
        </section>
    }
}

fn rating_view(
    work: RwSignal<Work>,
    initial: &Work,
    source: &'static Source,
    all: &[&'static Source],
) -> impl IntoView {
    let id = source.id;
    let current = initial.rating(id).cloned().unwrap_or_default();
    let levels = std::iter::once(None)
        .chain(Reliability::ALL.into_iter().map(Some))
        .map(|level| {
            let keyword = level.map_or("none", Reliability::keyword);
            let input = format!("rate-{id}-{keyword}");
            let text = level.map_or("Not rated", Reliability::label);
            view! {
                <span class=if level.is_none() { "rating__level rating__level--none" } else { "rating__level" }>
                    <input
                        type="radio"
                        id=input.clone()
                        name=format!("rate-{id}")
                        value=keyword
                        prop:checked=current.level == level
                        on:change=move |_| work.update(|w| w.set_level(id, level))
                    />
                    <label for=input>{text}</label>
                </span>
            }
        })
        .collect_view();
    let reason_id = format!("reason-{id}");
    let name = compare::label(source, all);
    view! {
        <li>
            <fieldset class="rating" data-testid="rating" data-source=id>
                <legend>
                    <span class="rating__name">{name.clone()}</span>
                    <span class="rating__facts">{format!(" ({}, {})", role(source.kind), date_text(source))}</span>
                </legend>
                <div class="rating__levels">{levels}</div>
                <label for=reason_id.clone()>
                    "Why?" <span class="visually-hidden">{format!(" Your reason for rating {name}")}</span>
                </label>
                <textarea
                    id=reason_id
                    rows="2"
                    maxlength=MAX_TEXT.to_string()
                    on:input=move |ev| work.update(|w| w.set_reason(id, &event_target_value(&ev)))
                >
                    {current.reason.clone()}
                </textarea>
            </fieldset>
        </li>
    }
}

/// Offers `text` as a file download (a Blob behind a temporary link).
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = JsValue::from(vec![JsValue::from_str(text)]);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}
