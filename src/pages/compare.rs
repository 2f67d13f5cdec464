//! The accounts of the August 1936 trial, compared.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::dataset::DATA;

/// The comparison page.
#[component]
pub fn Compare() -> impl IntoView {
    view! {
        <Title text="The 1936 trial" />
        <article class="page">
            <h1>"The 1936 trial: comparing the accounts"</h1>
            <ul class="plain-list">
                {DATA
                    .sources
                    .iter()
                    .filter(|s| s.trial_1936)
                    .map(|s| view! { <li><strong>{s.author}</strong> ", " {s.work}</li> })
                    .collect_view()}
            </ul>
        </article>
    }
}
