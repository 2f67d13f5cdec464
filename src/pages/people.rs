//! Everyone the text names.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::dataset::DATA;

/// The index of people, alphabetical by canonical name.
#[component]
pub fn PeopleIndex() -> impl IntoView {
    let mut people: Vec<_> = DATA.people.iter().collect();
    people.sort_by_key(|p| p.name);
    view! {
        <Title text="People" />
        <article class="page">
            <h1>"People"</h1>
            <ul class="plain-list">
                {people
                    .into_iter()
                    .map(|person| view! { <li><strong>{person.name}</strong> ": " {person.role}</li> })
                    .collect_view()}
            </ul>
        </article>
    }
}

/// One person.
#[component]
pub fn PersonPage() -> impl IntoView {
    view! {
        <Title text="Person" />
        <article class="page">
            <h1>"Person"</h1>
        </article>
    }
}
