//! The timeline: every dated event in date order.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::dataset::DATA;

/// All events, in date order, each with the words of the text it rests on.
#[component]
pub fn Timeline() -> impl IntoView {
    view! {
        <Title text="Timeline" />
        <article class="page reading">
            <h1>"Timeline"</h1>
            <ol class="timeline-list">
                {DATA
                    .events_sorted()
                    .map(|event| {
                        view! {
                            <li>
                                <span class="timeline-date">{event.date.to_string()}</span>
                                {event.title}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </article>
    }
}
