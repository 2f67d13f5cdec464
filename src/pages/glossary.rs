//! Glossary.

use leptos::prelude::*;
use leptos_meta::Title;

/// The Glossary page.
#[component]
pub fn Glossary() -> impl IntoView {
    view! {
        <Title text="Glossary" />
        <article class="page">
            <h1>"Glossary"</h1>
        </article>
    }
}
