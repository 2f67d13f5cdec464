//! Reading preferences.

use leptos::prelude::*;
use leptos_meta::Title;

/// The Reading preferences page.
#[component]
pub fn Settings() -> impl IntoView {
    view! {
        <Title text="Reading preferences" />
        <article class="page">
            <h1>"Reading preferences"</h1>
        </article>
    }
}
