//! The source cards: one card per account, with who, what, where, when, how far from the trial, whether first-hand,
//! the verbatim excerpt with its place in the text, and the editorial flags that apply.

use leptos::prelude::*;

use crate::compare::text::place_label;
use crate::compare::{self, Card, CompareQuery, Excerpt, View, Voice};
use crate::dataset::{Source, DATA};

/// The cards of the accounts a reader could know by the chosen date.
pub fn cards_view(query: Memo<CompareQuery>, visible: Memo<Vec<&'static Source>>) -> impl IntoView {
    view! {
        <section class="compare-view" aria-labelledby="view-heading">
            <h2 id="view-heading">"Source cards"</h2>
            <p class="view-intro">
                "Each card says who made the account, what they were, where they were and when. Start with those questions before you read the words."
            </p>
            <Show
                when=move || visible.with(|v| !v.is_empty())
                fallback=|| view! { <p class="empty">"No account of the trial had been made public by that date."</p> }
            >
                <ul class="source-cards">
                    <For
                        each=move || visible.get()
                        key=|source| source.id
                        children=move |source| source_card(source, query)
                    />
                </ul>
            </Show>
        </section>
    }
}

fn source_card(source: &'static Source, query: Memo<CompareQuery>) -> impl IntoView {
    let all = compare::trial_sources(&DATA);
    let card = Card::of(&DATA, source, &all);
    let heading = format!("card-{}", source.id);
    let labelled_by = heading.clone();
    let side_href = move || {
        query.with(|q| {
            let picked = if q.is_picked(source.id) {
                q.clone()
            } else {
                q.toggled(source.id)
            };
            picked.with_view(View::Side).href()
        })
    };
    let place = source.place.unwrap_or("not given in the text");
    let distance = card.distance.map_or_else(
        || "cannot be worked out: the text gives no date".to_string(),
        |d| d.to_string(),
    );
    let flags = card
        .date_flags
        .iter()
        .map(|flag| view! { <li>{flag.explain()}</li> })
        .collect_view();
    let notes = card
        .notes
        .iter()
        .map(|note| {
            view! {
                <li>
                    <strong>{note.title}</strong>
                    {note.correction.map(|c| view! { <span>". Correction: " {c}</span> })}
                </li>
            }
        })
        .collect_view();
    let has_flags = !card.date_flags.is_empty();
    let has_notes = !card.notes.is_empty();
    view! {
        <li>
            <article class="card source-card" aria-labelledby=labelled_by data-testid="source-card" data-source=source.id>
                <h3 id=heading>{card.label.clone()}</h3>
                {(!card.label.contains(source.work)).then(|| view! { <p class="source-work">{source.work}</p> })}
                <dl class="source-facts">
                    <div>
                        <dt>"What they were"</dt>
                        <dd>{card.role}</dd>
                    </div>
                    <div>
                        <dt>"Where"</dt>
                        <dd>{place}</dd>
                    </div>
                    <div>
                        <dt>"Written or said"</dt>
                        <dd>{card.written.clone()}</dd>
                    </div>
                    <div>
                        <dt>"Made public"</dt>
                        <dd>{card.published.clone()}</dd>
                    </div>
                    <div>
                        <dt>"Distance from the trial"</dt>
                        <dd data-testid="distance">{distance}</dd>
                    </div>
                    <div>
                        <dt>"First-hand?"</dt>
                        <dd>{card.first_hand()}</dd>
                    </div>
                </dl>
                {has_flags.then(|| view! { <ul class="date-flags">{flags}</ul> })}
                {source.description.map(|d| view! { <p class="source-about">{d}</p> })}
                {card.excerpts.iter().map(excerpt_view).collect_view()}
                {has_notes
                    .then(|| {
                        view! {
                            <div class="editorial source-notes">
                                <p class="source-notes__title">"Editorial notes on this account"</p>
                                <ul>{notes}</ul>
                            </div>
                        }
                    })}
                <p class="source-card__actions">
                    <a href=side_href>"Read it side by side with others"</a>
                </p>
            </article>
        </li>
    }
}

/// An excerpt: who is speaking, the words verbatim, and a link to their place in the text.
pub(super) fn excerpt_view(excerpt: &Excerpt) -> impl IntoView {
    let voice = match excerpt.voice {
        Voice::Source => None,
        Voice::Quoted => Some("Quoted by the narrator:"),
        Voice::Reported => Some("As the narrator tells it, in the narrator's words:"),
    };
    let place = place_label(&DATA, excerpt.paragraph);
    view! {
        <figure class="excerpt">
            {voice.map(|v| view! { <p class="excerpt__voice">{v}</p> })}
            <blockquote>{excerpt.text}</blockquote>
            <figcaption>
                <a href=excerpt.href.clone()>"In the text: " {place}</a>
            </figcaption>
        </figure>
    }
}
