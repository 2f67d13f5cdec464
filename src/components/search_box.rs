//! A compact search form for the home page: a labelled search field and a button that open the results page
//! (`/search?q=...`). View wiring only; the address is built by [`crate::search::search_href`].

use leptos::{html, prelude::*};
use leptos_router::hooks::use_navigate;

use crate::search::{search_href, MAX_QUERY_CHARS};

/// The home page's search form. Submitting (Enter or the button) opens the results page for the typed words; an empty
/// field opens the search page itself. Its landmark is named "Site search", so it stays distinct from the search page's
/// own form.
#[component]
pub fn SearchBox() -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = input.get().map(|field| field.value()).unwrap_or_default();
        navigate(&search_href(value.trim()), Default::default());
    };
    view! {
        <form role="search" aria-label="Site search" class="search-box" on:submit=on_submit>
            <label for="site-search" class="visually-hidden">"Search the site"</label>
            <input
                id="site-search"
                type="search"
                name="q"
                maxlength=MAX_QUERY_CHARS.to_string()
                autocomplete="off"
                placeholder="Search the biography"
                node_ref=input
            />
            <button type="submit" class="search-box__button">"Search"</button>
        </form>
    }
}
