//! The page for any path the app does not know.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::components::layout::SECTIONS;
use crate::reading::links::readable_path;

/// Says the page does not exist, shows the path that was asked for (decoded, as text, never as markup), and
/// offers every section of the site.
#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    #[cfg(feature = "debug-panic")]
    if path == "/debug/panic" {
        panic!("test panic requested at /debug/panic");
    }
    let shown = readable_path(&path, 120);
    view! {
        <Title text="Page not found" />
        <article class="page not-found" data-testid="not-found">
            <h1>"Page not found"</h1>
            <p>
                "There is no page at " <code>{shown}</code>
                ". The link may be mistyped, or the page may have moved."
            </p>
            <p>"You can go to:"</p>
            <ul class="link-list">
                {SECTIONS
                    .iter()
                    .map(|(href, label)| view! { <li><a href=*href>{*label}</a></li> })
                    .collect_view()}
            </ul>
        </article>
    }
}
