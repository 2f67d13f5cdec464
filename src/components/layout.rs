//! The frame around every page: skip link, site header with the main navigation, footer, and focus handling
//! when the route changes.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

/// The sections of the site, in navigation order: (path, label).
pub const SECTIONS: [(&str, &str); 8] = [
    ("/", "Home"),
    ("/chapters", "Chapters"),
    ("/timeline", "Timeline"),
    ("/people", "People"),
    ("/quiz", "Quiz"),
    ("/compare", "The 1936 trial"),
    ("/search", "Search"),
    ("/about", "About"),
];

/// "Skip to content": the first focusable element, visible when focused. Moves focus to `<main>` without
/// changing the URL, so the router never sees it.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            "Skip to content"
        </a>
    }
}

/// Site title and the main navigation. The current section is marked with `aria-current="page"` by `<A>`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    focus_heading_on_navigation();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-title" href="/">
                    <span class="site-title__name">"Lev Kamenev"</span>
                    <span class="site-title__dates">"1883–1936"</span>
                </a>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        {SECTIONS
                            .iter()
                            .map(|(href, label)| {
                                view! {
                                    <li>
                                        <A href=*href exact=*href == "/">
                                            {*label}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// Credits the text on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Text: “Lev Kamenev” by John Simkin, Spartacus Educational, shown verbatim with editorial notes. "
                <a href="/about">"Sources and credits"</a>
            </p>
        </footer>
    }
}

/// After a client-side navigation, moves focus to the new page's `<h1>` so screen readers announce the page and
/// keyboard users start from its top. The first render keeps the browser's own focus.
fn focus_heading_on_navigation() {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _path = location.pathname.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(|| {
            use wasm_bindgen::JsCast;
            let heading = document()
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                let _ = heading.set_attribute("tabindex", "-1");
                let _ = heading.focus();
            }
        });
    });
}
