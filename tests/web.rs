//! Component tests in headless Chromium (wasm-bindgen-test): mount, interact, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use kamenev::App;
use leptos::{mount::mount_to, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Puts the browser at `path` (without reloading), then mounts the whole app into a fresh container.
fn mount_app_at(path: &str) -> web_sys::HtmlElement {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let document = window.document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    mount_to(container.clone(), App).forget();
    container
}

fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn header_lists_every_section_and_marks_the_current_one() {
    let app = mount_app_at("/timeline");
    tick().await;
    let links = app.query_selector_all("nav[aria-label=Main] a").unwrap();
    assert_eq!(
        links.length() as usize,
        kamenev::components::layout::SECTIONS.len()
    );
    assert_eq!(text_of(&app, "nav a[aria-current=page]"), "Timeline");
    assert_eq!(text_of(&app, "main h1"), "Timeline");
    app.remove();
}

#[wasm_bindgen_test]
async fn unknown_path_renders_not_found_with_the_path_as_text() {
    let app = mount_app_at("/nowhere/<b>bold</b>");
    tick().await;
    assert_eq!(text_of(&app, "main h1"), "Page not found");
    let code = app
        .query_selector("[data-testid=not-found] code")
        .unwrap()
        .unwrap();
    assert!(code.text_content().unwrap().starts_with("/nowhere/"));
    assert_eq!(
        code.children().length(),
        0,
        "the path is shown as text, never parsed as markup"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn chapter_contents_link_every_chapter() {
    let app = mount_app_at("/chapters");
    tick().await;
    let links = app.query_selector_all("ol.chapter-list a").unwrap();
    assert_eq!(
        links.length() as usize,
        kamenev::dataset::DATA.chapters.len()
    );
    assert!(links.length() >= 7);
    app.remove();
}

#[wasm_bindgen_test]
async fn chapter_page_shows_the_verbatim_paragraphs() {
    let chapter = &kamenev::dataset::DATA.chapters[0];
    let app = mount_app_at(&format!("/chapters/{}", chapter.id));
    tick().await;
    assert_eq!(text_of(&app, "main h1"), chapter.title);
    let first = kamenev::dataset::DATA
        .paragraph(chapter.paragraphs[0])
        .unwrap();
    let shown = text_of(&app, &format!("#{}", first.id));
    assert!(
        shown.contains(&first.text[..60]),
        "paragraph {} is shown verbatim",
        first.id
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn unknown_chapter_slug_says_so() {
    let app = mount_app_at("/chapters/no-such-chapter");
    tick().await;
    assert_eq!(text_of(&app, "main h1"), "Chapter not found");
    app.remove();
}
