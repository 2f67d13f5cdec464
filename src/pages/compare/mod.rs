//! `/compare`: the accounts of the August 1936 trial, compared. Four views of one set of accounts (source cards,
//! side by side, the claims matrix, the student's own judgement) and a "what could a reader know then?" date
//! control.
//!
//! All state that can be shared lives in the URL query ([`CompareQuery`]); the student's work lives in local storage
//! (see [`work`]). Everything computed comes from [`crate::compare`]; these components only wire it to the DOM.

mod cards;
mod matrix;
mod side;
mod work;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    hooks::{use_navigate, use_query_map},
    NavigateOptions,
};

use crate::compare::dates::{cutoff_label, CUTOFFS};
use crate::compare::{self, known_by, CompareQuery, Known, View};
use crate::dataset::{Date, Source, DATA};

/// Changes the page's URL query without adding a history entry or scrolling.
#[derive(Clone, Copy)]
struct Go(Callback<CompareQuery>);

impl Go {
    fn to(self, query: CompareQuery) {
        self.0.run(query);
    }
}

/// The comparison page.
#[component]
pub fn Compare() -> impl IntoView {
    let params = use_query_map();
    let query =
        Memo::new(move |_| params.with(|map| CompareQuery::parse(|key| map.get(key), &DATA)));
    let navigate = use_navigate();
    let go = Go(Callback::new(move |next: CompareQuery| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&next.href(), options);
    }));
    let view_kind = Memo::new(move |_| query.with(|q| q.view));
    let by = Memo::new(move |_| query.with(|q| q.by));
    // The accounts a reader could know by the chosen date, in date order.
    let visible = Memo::new(move |_| {
        let cutoff = by.get();
        compare::trial_sources(&DATA)
            .into_iter()
            .filter(|s| known_by(s, cutoff) == Known::Yes)
            .collect::<Vec<&'static Source>>()
    });
    let total = compare::trial_sources(&DATA).len();

    view! {
        <Title text="The 1936 trial" />
        <article class="page compare">
            <h1>"The 1936 trial: comparing the accounts"</h1>
            <p class="lede">
                "In August 1936 Kamenev, Zinoviev and fourteen others were tried in Moscow, confessed, and were shot. "
                {total}
                " accounts of the trial in this text disagree about what happened. Read them as a historian does: ask who wrote each one, when, from where, and why, and check them against each other."
            </p>
            <nav class="compare-views" aria-label="Ways to compare">
                <ul>
                    {View::ALL
                        .into_iter()
                        .map(|v| {
                            view! {
                                <li>
                                    <a
                                        href=move || query.with(|q| q.with_view(v).href())
                                        aria-current=move || (view_kind.get() == v).then_some("page")
                                    >
                                        {v.label()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <Show when=move || view_kind.get() != View::Work>
                <KnownBy query go visible total />
            </Show>
            {move || match view_kind.get() {
                View::Cards => cards::cards_view(query, visible).into_any(),
                View::Side => side::side_view(query, go, visible).into_any(),
                View::Matrix => matrix::matrix_view(query, go, visible).into_any(),
                View::Work => work::work_view().into_any(),
            }}
        </article>
    }
}

/// The "what could a reader know then?" control and how many accounts it leaves.
#[component]
fn KnownBy(
    query: Memo<CompareQuery>,
    go: Go,
    visible: Memo<Vec<&'static Source>>,
    total: usize,
) -> impl IntoView {
    let by = Memo::new(move |_| query.with(|q| q.by));
    let change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let cutoff = Date::parse_iso(&value).ok();
        go.to(query.get_untracked().with_by(cutoff));
    };
    let custom = move || {
        let value = by.get()?;
        let iso = value.iso();
        (!CUTOFFS.iter().any(|c| c.value == iso)).then(|| {
            view! {
                <option value=iso selected=true>
                    {cutoff_label(Some(value))}
                </option>
            }
        })
    };
    let summary = move || {
        let cutoff = by.get();
        let shown = visible.with(Vec::len);
        let Some(cutoff) = cutoff else {
            return format!("Showing all {total} accounts: what a reader can know today.");
        };
        let sources = compare::trial_sources(&DATA);
        let count = |state: Known| {
            sources
                .iter()
                .filter(|s| known_by(s, Some(cutoff)) == state)
                .count()
        };
        let (later, perhaps) = (count(Known::NotYet), count(Known::Perhaps));
        let undated = count(Known::NoDate);
        let mut text = format!(
            "Showing {shown} of {total} accounts: those made public by {}. ",
            cutoff_label(Some(cutoff))
        );
        if later > 0 {
            text.push_str(&format!("{later} came out later. "));
        }
        if perhaps > 0 {
            text.push_str(&format!(
                "{perhaps} may or may not have been out by then: the text dates {} too loosely to tell. ",
                if perhaps == 1 { "it" } else { "them" }
            ));
        }
        if undated > 0 {
            text.push_str(&format!(
                "{undated} {} no date of publication in the text.",
                if undated == 1 { "has" } else { "have" }
            ));
        }
        text.trim_end().to_string()
    };
    view! {
        <div class="compare-when">
            <label for="compare-by">"What could a reader know by"</label>
            <select id="compare-by" on:change=change>
                {custom}
                {CUTOFFS
                    .iter()
                    .map(|c| {
                        let value = c.value;
                        view! {
                            <option
                                value=value
                                selected=move || by.get().map(|d| d.iso()).unwrap_or_default() == value
                            >
                                {c.label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="compare-count" role="status">
                {summary}
            </p>
        </div>
    }
}

/// A short line about an account: "Journalist · 23 August 1936 · during the trial".
fn facts_line(source: &Source) -> String {
    let mut parts = vec![
        compare::role(source.kind).to_string(),
        compare::date_text(source),
    ];
    if let Some(date) = source.date() {
        parts.push(compare::distance(date).to_string());
    }
    parts.join(" · ")
}
