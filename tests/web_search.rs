//! The search page and the header search box in headless Chromium: results from the URL, typing, highlights as
//! `<mark>` elements, links to the exact paragraph, and the helpful messages.
#![cfg(target_arch = "wasm32")]

use kamenev::components::search_box::SearchBox;
use kamenev::pages::search::Search;
use kamenev::App;
use leptos::{mount::mount_to, prelude::*, task::tick};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn go_to(path: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    container
}

/// Puts the browser at `path`, then mounts the whole app into a fresh container.
fn mount_app_at(path: &str) -> web_sys::HtmlElement {
    go_to(path);
    let container = container();
    mount_to(container.clone(), App).forget();
    container
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn location() -> (String, String) {
    let location = web_sys::window().unwrap().location();
    (location.pathname().unwrap(), location.search().unwrap())
}

/// Types `value` into the search field as a user would: sets it and fires `input`.
fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new("input").unwrap();
    event.init_event_with_bubbles("input", true);
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_query_in_the_url_shows_grouped_highlighted_results() {
    let app = mount_app_at("/search?q=Grigory");
    tick().await;
    assert_eq!(text_of(&app, "main h1"), "Search");
    let field: web_sys::HtmlInputElement = app
        .query_selector("#search-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        field.value(),
        "Grigory",
        "the field shows the query from the URL"
    );
    let status = text_of(&app, "[data-testid=search-status]");
    assert!(
        status.contains("in Chapters") && status.contains("in People"),
        "{status}"
    );
    let headings: Vec<String> = all(&app, ".search-group h2")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert!(headings[0].starts_with("Chapters ("), "{headings:?}");
    let marks: Vec<String> = all(&app, "mark.search-mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert!(marks.iter().any(|m| m == "Gregory Zinoviev"), "{marks:?}");
    let links: Vec<String> = all(&app, ".search-hit__title a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert!(
        links.iter().any(|h| h == "/chapters/early-life#p9"),
        "{links:?}"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn highlights_are_elements_and_text_never_markup() {
    let app = mount_app_at("/search?q=%3Cb%3EKamenev%3C%2Fb%3E");
    tick().await;
    assert!(
        all(&app, ".search-hit__snippet b").is_empty(),
        "the query is never parsed as markup"
    );
    for mark in all(&app, "mark.search-mark") {
        assert_eq!(mark.children().length(), 0, "a highlight holds text only");
    }
    app.remove();
}

#[wasm_bindgen_test]
async fn typing_updates_the_results_and_the_url() {
    let app = mount_app_at("/search");
    tick().await;
    assert!(text_of(&app, ".search-empty").contains("Type a name"));
    type_into(&app, "#search-input", "Bucharin");
    tick().await;
    let (path, search) = location();
    assert_eq!(path, "/search");
    assert_eq!(search, "?q=Bucharin");
    let links: Vec<String> = all(&app, ".search-hit__title a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert!(
        links.iter().any(|h| h.ends_with("#p32")),
        "Bucharin finds Nickolai Bukharin in p32: {links:?}"
    );
    type_into(&app, "#search-input", "xyzzyq");
    tick().await;
    assert_eq!(text_of(&app, "[data-testid=search-status]"), "No results.");
    assert!(text_of(&app, ".search-empty").contains("Nothing matches"));
    app.remove();
}

#[wasm_bindgen_test]
async fn the_search_box_opens_the_results_page() {
    go_to("/");
    let root = container();
    mount_to(root.clone(), || {
        view! {
            <Router>
                <SearchBox />
                <Routes fallback=|| "elsewhere">
                    <Route path=path!("/search") view=Search />
                </Routes>
            </Router>
        }
    })
    .forget();
    tick().await;
    let field: web_sys::HtmlInputElement = root
        .query_selector("#site-search")
        .unwrap()
        .unwrap()
        .unchecked_into();
    field.set_value("  April Theses ");
    let form: web_sys::HtmlFormElement = root
        .query_selector("form.search-box")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    // The router renders the new route a few turns of the event loop later: wait for it, boundedly.
    for _ in 0..50 {
        if root
            .query_selector("[data-testid=search-status]")
            .unwrap()
            .is_some()
        {
            break;
        }
        tick().await;
    }
    assert_eq!(
        location(),
        ("/search".to_string(), "?q=April+Theses".to_string())
    );
    assert!(text_of(&root, "[data-testid=search-status]").contains("results"));
    root.remove();
}
