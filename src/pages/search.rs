//! Search.

use leptos::prelude::*;
use leptos_meta::Title;

/// The Search page.
#[component]
pub fn Search() -> impl IntoView {
    view! {
        <Title text="Search" />
        <article class="page">
            <h1>"Search"</h1>
        </article>
    }
}
