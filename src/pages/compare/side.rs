//! Side by side: the student picks two to four accounts and reads them in columns (stacked on narrow screens),
//! with the words behind each claim highlighted and labelled with its question.

use leptos::prelude::*;

use crate::compare::matrix::{
    claims_of, question_number, shared_questions, stance_label, stance_symbol,
};
use crate::compare::query::{MAX_PICKED, MIN_PICKED};
use crate::compare::text::{highlight, place_label};
use crate::compare::{self, CompareQuery, Voice};
use crate::dataset::{Claim, Source, DATA};

use super::{facts_line, Go};

pub fn side_view(
    query: Memo<CompareQuery>,
    go: Go,
    visible: Memo<Vec<&'static Source>>,
) -> impl IntoView {
    let all = compare::trial_sources(&DATA);
    // The picked accounts a reader could know by the chosen date, in date order.
    let columns = Memo::new(move |_| {
        query.with(|q| {
            visible.with(|v| {
                v.iter()
                    .copied()
                    .filter(|s| q.is_picked(s.id))
                    .collect::<Vec<&'static Source>>()
            })
        })
    });
    let hidden = move || {
        query.with(|q| {
            let shown = columns.get();
            q.picked
                .iter()
                .filter(|id| !shown.iter().any(|s| s.id == id.as_str()))
                .filter_map(|id| DATA.source(id))
                .map(|s| s.author)
                .collect::<Vec<_>>()
        })
    };
    let question = Memo::new(move |_| query.with(|q| q.question.clone()));
    let status = move || {
        let count = query.with(|q| q.picked.len());
        match count {
            0 => format!("None picked yet. Pick {MIN_PICKED} to {MAX_PICKED} accounts."),
            1 => format!("1 picked. Pick at least one more (up to {MAX_PICKED})."),
            n if n < MAX_PICKED => format!("{n} picked. You can pick up to {MAX_PICKED}."),
            n => format!("{n} picked, the most that fit side by side. Untick one to pick another."),
        }
    };
    let picker_all = all.clone();
    let picker = move || {
        visible
            .get()
            .into_iter()
            .map(|source| {
                let id = source.id;
                let input = format!("pick-{id}");
                let checked = move || query.with(|q| q.is_picked(id));
                let disabled = move || query.with(|q| !q.is_picked(id) && !q.can_pick_more());
                let toggle = move |_| go.to(query.get_untracked().toggled(id));
                view! {
                    <li>
                        <input
                            type="checkbox"
                            id=input.clone()
                            prop:checked=checked
                            prop:disabled=disabled
                            on:change=toggle
                        />
                        <label for=input>
                            <span class="picker__name">{compare::label(source, &picker_all)}</span>
                            <span class="picker__facts">{facts_line(source)}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let choose_question = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = (!value.is_empty()).then_some(value.as_str());
        go.to(query.get_untracked().with_question(chosen));
    };
    let column_all = all.clone();
    view! {
        <section class="compare-view" aria-labelledby="view-heading">
            <h2 id="view-heading">"Side by side"</h2>
            <p class="view-intro">
                "Read two to four accounts next to each other. The words behind each claim are highlighted and labelled with the question they answer, so you can see where the accounts meet and where they part."
            </p>
            <fieldset class="picker">
                <legend>"Pick two to four accounts"</legend>
                <ul class="picker__list">{picker}</ul>
                <p class="picker__status" role="status">
                    {status}
                </p>
            </fieldset>
            {move || {
                let names = hidden();
                (!names.is_empty())
                    .then(|| {
                        view! {
                            <p class="empty">
                                "Picked but hidden, because a reader could not know them by the chosen date: "
                                {names.join(", ")} "."
                            </p>
                        }
                    })
            }}
            <div class="highlight-control">
                <label for="compare-q">"Highlight the claims about"</label>
                <select id="compare-q" on:change=choose_question>
                    <option value="" selected=move || question.with(Option::is_none)>
                        "every question"
                    </option>
                    {DATA
                        .questions
                        .iter()
                        .enumerate()
                        .map(|(i, q)| {
                            let id = q.id;
                            view! {
                                <option
                                    value=id
                                    selected=move || question.with(|chosen| chosen.as_deref() == Some(id))
                                >
                                    {format!("Q{}. {}", i + 1, q.text)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {move || shared_view(columns.get(), query, go)}
            <div class="side-columns" data-testid="side-columns">
                <For
                    each=move || columns.get()
                    key=|source| source.id
                    children=move |source| column_view(source, &column_all, question)
                />
            </div>
        </section>
    }
}

/// The questions that two or more of the shown accounts answer, with what each says.
fn shared_view(columns: Vec<&'static Source>, query: Memo<CompareQuery>, go: Go) -> impl IntoView {
    if columns.len() < MIN_PICKED {
        return None;
    }
    let all = compare::trial_sources(&DATA);
    let shared = shared_questions(&DATA, &columns);
    let body = if shared.is_empty() {
        view! {
            <p>
                "These accounts never answer the same question in the passages the text gives. Look at what each one is about, and ask why."
            </p>
        }
        .into_any()
    } else {
        let items = shared
            .into_iter()
            .map(|(question, said)| {
                let id = question.id;
                let number = question_number(&DATA, id);
                let stances = columns
                    .iter()
                    .zip(said)
                    .map(|(source, claim)| {
                        let stance = claim.map(|c| c.stance);
                        format!(
                            "{}: {}",
                            compare::label(source, &all),
                            stance_label(stance).to_ascii_lowercase()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                let highlight_only = move |_| go.to(query.get_untracked().with_question(Some(id)));
                view! {
                    <li>
                        <p class="shared__question">{format!("Q{number}. {}", question.text)}</p>
                        <p class="shared__stances">{stances}</p>
                        <button type="button" class="secondary small" on:click=highlight_only>
                            "Highlight only Q" {number}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="shared__list">{items}</ul> }.into_any()
    };
    Some(view! {
        <section class="shared" aria-labelledby="shared-heading">
            <h3 id="shared-heading">"Where these accounts meet"</h3>
            {body}
        </section>
    })
}

/// One account in its column: its facts, its excerpts with the claims highlighted, and the list of its claims.
fn column_view(
    source: &'static Source,
    all: &[&'static Source],
    question: Memo<Option<String>>,
) -> impl IntoView {
    let heading = format!("column-{}", source.id);
    let label = compare::label(source, all);
    let labelled_by = heading.clone();
    let excerpts = compare::excerpts(&DATA, source);
    let claims = claims_of(&DATA, source.id);
    let chosen_claims = move || -> Vec<&'static Claim> {
        question.with(|chosen| {
            claims
                .iter()
                .copied()
                .filter(|c| chosen.as_deref().is_none_or(|q| q == c.question))
                .collect()
        })
    };
    let passages = move || {
        let marked = chosen_claims();
        excerpts
            .iter()
            .map(|excerpt| {
                let pieces = highlight(excerpt, &marked);
                let count = pieces.len();
                let rendered = pieces
                    .iter()
                    .enumerate()
                    .map(|(i, piece)| {
                        if piece.claims.is_empty() {
                            return piece.text.into_any();
                        }
                        // Label each claim after the last piece of its words.
                        let ending: Vec<&'static Claim> = piece
                            .claims
                            .iter()
                            .copied()
                            .filter(|c| i + 1 == count || !pieces[i + 1].claims.contains(c))
                            .collect();
                        let tags = ending
                            .into_iter()
                            .map(|c| {
                                let tag = format!(
                                    "Q{} {}",
                                    question_number(&DATA, c.question),
                                    c.stance.label().to_ascii_lowercase()
                                );
                                view! { <span class=format!("claim-tag stance-{}", c.stance.keyword())>{tag}</span> }
                            })
                            .collect_view();
                        let stance = piece.claims[0].stance.keyword();
                        view! {
                            <mark class=format!("claim stance-{stance}")>{piece.text}</mark>
                            {tags}
                        }
                        .into_any()
                    })
                    .collect_view();
                let voice = match excerpt.voice {
                    Voice::Source => None,
                    Voice::Quoted => Some("Quoted by the narrator:"),
                    Voice::Reported => Some("As the narrator tells it, in the narrator's words:"),
                };
                let place = place_label(&DATA, excerpt.paragraph);
                view! {
                    <figure class="excerpt">
                        {voice.map(|v| view! { <p class="excerpt__voice">{v}</p> })}
                        <blockquote>{rendered}</blockquote>
                        <figcaption>
                            <a href=excerpt.href.clone()>"In the text: " {place}</a>
                        </figcaption>
                    </figure>
                }
            })
            .collect_view()
    };
    let claim_list = {
        let claims = claims_of(&DATA, source.id);
        if claims.is_empty() {
            view! { <p class="meta">"It takes no position on the questions of the matrix."</p> }
                .into_any()
        } else {
            let items = claims
                .iter()
                .map(|c| {
                    let number = question_number(&DATA, c.question);
                    let text = DATA.question(c.question).map_or("", |q| q.text);
                    view! {
                        <li>
                            <span class=format!("stance stance-{}", c.stance.keyword())>
                                <span aria-hidden="true">{stance_symbol(Some(c.stance))} " "</span>
                                {c.stance.label()}
                            </span>
                            " " {format!("Q{number}. {text}")}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="column__claims">{items}</ul> }.into_any()
        }
    };
    view! {
        <section class="side-column" aria-labelledby=labelled_by data-testid="side-column" data-source=source.id>
            <h3 id=heading>{label.clone()}</h3>
            {(!label.contains(source.work)).then(|| view! { <p class="meta">{source.work}</p> })}
            <p class="meta">{facts_line(source)}</p>
            {passages}
            <h4>"Its position on the questions"</h4>
            {claim_list}
        </section>
    }
}
