//! Primary source.

use leptos::prelude::*;
use leptos_meta::Title;

/// The Primary source page.
#[component]
pub fn SourcePage() -> impl IntoView {
    view! {
        <Title text="Primary source" />
        <article class="page">
            <h1>"Primary source"</h1>
        </article>
    }
}
