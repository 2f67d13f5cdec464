//! Landing on a `#fragment`: scrolls to the element, highlights it and moves focus to it, on first load and after
//! every client-side navigation (the router does not do this once the page has rendered).
//!
//! Used by pages with permalinks: paragraphs (`#p38`), note panels (`#note-…`), glossary entries (`#term-…`).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The attribute that marks the highlighted target (styled in `public/reading.css`).
const HIGHLIGHT: &str = "data-highlighted";

/// Watches the URL's path and fragment. On every change calls `before` with the fragment's id (empty when there is
/// none), so the page can reset or open panels; then, when the id names an element and once the page has
/// rendered, highlights the element, focuses it and scrolls it into view.
pub fn use_hash_target(before: impl Fn(&str) + 'static) {
    let location = use_location();
    Effect::new(move |_| {
        let _path = location.pathname.get();
        let hash = location.hash.get();
        let id = hash.trim_start_matches('#').to_string();
        before(&id);
        if id.is_empty() {
            return;
        }
        // Two frames: the first lets the route and any opened panel render, and runs after the focus the
        // layout gives the page heading on navigation; the second reveals the target.
        request_animation_frame(move || request_animation_frame(move || reveal(&id)));
    });
}

fn reveal(id: &str) {
    let document = document();
    if let Ok(Some(previous)) = document.query_selector(&format!("[{HIGHLIGHT}]")) {
        let _ = previous.remove_attribute(HIGHLIGHT);
    }
    let Some(target) = document.get_element_by_id(id) else {
        return;
    };
    let _ = target.set_attribute(HIGHLIGHT, "");
    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        target.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
