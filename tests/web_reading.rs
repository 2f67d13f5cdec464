//! Component tests of the reading pages in headless Chromium: person links, editorial notes and glossary terms
//! as disclosures, permalinks, reading progress and preferences in local storage (including corrupt data).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use kamenev::dataset::{ParagraphKind, DATA};
use kamenev::App;
use leptos::{mount::mount_to, prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PREFS: &str = "kamenev.reading.prefs";
const PROGRESS: &str = "kamenev.reading.progress";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Clears the reading keys and the preference attributes a previous test may have left.
fn fresh_state() {
    let storage = storage();
    for key in [PREFS, PROGRESS] {
        storage.remove_item(key).unwrap();
        storage.remove_item(&format!("{key}.bad")).unwrap();
    }
    let root = document().document_element().unwrap();
    for name in ["data-theme", "data-text-size", "data-line-spacing"] {
        root.remove_attribute(name).unwrap();
    }
}

/// Puts the browser at `path` (without reloading), then mounts the whole app into a fresh container.
fn mount_app_at(path: &str) -> web_sys::HtmlElement {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    mount_to(container.clone(), App).forget();
    container
}

fn find(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn count(container: &web_sys::HtmlElement, selector: &str) -> u32 {
    container.query_selector_all(selector).unwrap().length()
}

/// Resolves on the next animation frame.
struct NextFrame(Rc<RefCell<(bool, Option<Waker>)>>);

impl Future for NextFrame {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.0.borrow_mut();
        if state.0 {
            Poll::Ready(())
        } else {
            state.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

async fn frames(n: usize) {
    for _ in 0..n {
        let state = Rc::new(RefCell::new((false, None::<Waker>)));
        let set = state.clone();
        request_animation_frame(move || {
            let mut s = set.borrow_mut();
            s.0 = true;
            if let Some(waker) = s.1.take() {
                waker.wake();
            }
        });
        NextFrame(state).await;
    }
}

fn chapter_of(paragraph: &str) -> &'static str {
    DATA.chapter_of(paragraph).unwrap().id
}

#[wasm_bindgen_test]
async fn a_chapter_links_each_person_once_per_paragraph() {
    fresh_state();
    let app = mount_app_at(&format!("/chapters/{}", chapter_of("p9")));
    tick().await;
    assert_eq!(count(&app, "#p9 a.person-link[href='/people/zinoviev']"), 1);
    assert_eq!(count(&app, "#p9 a.person-link[href='/people/trotsky']"), 1);
    assert_eq!(
        find(&app, "#p9 a.person-link[href='/people/trotsky']")
            .text_content()
            .unwrap(),
        "Leon Trotsky"
    );
    let permalink = find(&app, "#p9 a.para-link");
    assert_eq!(
        permalink.get_attribute("aria-label").as_deref(),
        Some("Link to this paragraph")
    );
    assert_eq!(
        permalink.get_attribute("href").unwrap(),
        format!("/chapters/{}#p9", chapter_of("p9"))
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn a_note_button_toggles_its_panel_and_says_so() {
    fresh_state();
    let app = mount_app_at(&format!("/chapters/{}", chapter_of("p38")));
    tick().await;
    assert_eq!(
        find(&app, "#p38 mark.flag").text_content().unwrap(),
        "In December, 1918"
    );
    let button = find(&app, "#p38 button[aria-controls='note-mission-1918-dates']");
    let panel = find(&app, "#note-mission-1918-dates");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(panel.has_attribute("hidden"));
    assert!(
        button
            .text_content()
            .unwrap()
            .contains("The dates of the 1918 mission"),
        "the button names its note"
    );
    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!panel.has_attribute("hidden"));
    let text = panel.text_content().unwrap();
    for part in [
        "Serious error",
        "The text says",
        "References say",
        "Correction",
        "early 1918 to summer 1918",
    ] {
        assert!(text.contains(part), "the panel shows {part}: {text}");
    }
    assert!(text.contains("References:"), "{text}");
    let reference = find(&panel, "a[href^='https://']");
    assert_eq!(reference.get_attribute("target").as_deref(), Some("_blank"));
    assert!(reference.get_attribute("rel").unwrap().contains("noopener"));
    button.click();
    tick().await;
    assert!(panel.has_attribute("hidden"));
    assert!(
        app.query_selector("#note-mission-1918-dates-2")
            .unwrap()
            .is_some(),
        "the second flag has its own panel"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn a_note_without_references_shows_no_empty_references_list() {
    fresh_state();
    let note = DATA
        .notes
        .iter()
        .find(|n| n.references.is_empty())
        .expect("some note has no references");
    let href = kamenev::reading::links::note_href(&DATA, note).unwrap();
    let (page, panel_id) = href.split_once('#').unwrap();
    let app = mount_app_at(page);
    tick().await;
    let panel = find(&app, &format!("#{panel_id}"));
    let text = panel.text_content().unwrap();
    assert!(
        text.contains(note.title) && text.contains("The text says"),
        "{text}"
    );
    assert!(!text.contains("References:"), "{}: {text}", note.id);
    assert!(panel.query_selector("[role=list]").unwrap().is_none());
    app.remove();
}

#[wasm_bindgen_test]
async fn a_glossary_term_is_explained_once_per_chapter() {
    fresh_state();
    let app = mount_app_at(&format!("/chapters/{}", chapter_of("p15")));
    tick().await;
    let button = find(&app, "button.term[aria-controls='gloss-okhrana']");
    assert_eq!(button.text_content().unwrap(), "Okhrana");
    assert_eq!(count(&app, "button.term[aria-controls='gloss-okhrana']"), 1);
    let definition = find(&app, "#gloss-okhrana");
    assert!(definition.has_attribute("hidden"));
    button.click();
    tick().await;
    assert!(!definition.has_attribute("hidden"));
    assert!(definition.text_content().unwrap().contains("secret police"));
    app.remove();
}

#[wasm_bindgen_test]
async fn a_repeated_passage_is_shown_once_with_its_note() {
    fresh_state();
    let app = mount_app_at(&format!("/chapters/{}", chapter_of("p78")));
    tick().await;
    let p78 = find(&app, "#p78");
    assert_eq!(count(&app, "#p78 .omitted"), 1);
    let text = p78.text_content().unwrap();
    assert_eq!(text.matches("As usual, that summer").count(), 1);
    app.remove();
}

#[wasm_bindgen_test]
async fn a_permalink_highlights_and_focuses_its_paragraph() {
    fresh_state();
    let app = mount_app_at(&format!("/chapters/{}#p38", chapter_of("p38")));
    tick().await;
    frames(3).await;
    let p38 = find(&app, "#p38");
    assert!(p38.has_attribute("data-highlighted"));
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "p38");
    app.remove();
}

#[wasm_bindgen_test]
async fn a_note_link_opens_its_panel() {
    fresh_state();
    let app = mount_app_at(&format!(
        "/chapters/{}#note-mission-1918-dates",
        chapter_of("p38")
    ));
    tick().await;
    frames(3).await;
    let panel = find(&app, "#note-mission-1918-dates");
    assert!(!panel.has_attribute("hidden"));
    assert!(panel.has_attribute("data-highlighted"));
    app.remove();
}

#[wasm_bindgen_test]
async fn mark_as_read_is_saved_and_shown_on_the_contents() {
    fresh_state();
    let first = DATA.chapters[0].id;
    let app = mount_app_at(&format!("/chapters/{first}"));
    tick().await;
    let button = find(&app, "[data-testid=mark-read]");
    assert_eq!(button.text_content().unwrap(), "Mark as read");
    button.click();
    tick().await;
    assert_eq!(button.text_content().unwrap(), "Mark as not read");
    let saved = storage().get_item(PROGRESS).unwrap().unwrap();
    assert!(saved.contains(first), "{saved}");
    app.remove();

    let contents = mount_app_at("/chapters");
    tick().await;
    assert_eq!(
        find(&contents, "[data-testid=read-count]")
            .text_content()
            .unwrap(),
        format!("1 of {}", DATA.chapters.len())
    );
    assert_eq!(
        find(&contents, "[data-testid=read-state]")
            .text_content()
            .unwrap(),
        "Read"
    );
    contents.remove();
}

#[wasm_bindgen_test]
async fn saved_preferences_are_applied_on_start_up() {
    fresh_state();
    storage()
        .set_item(
            PREFS,
            r#"{"version":1,"data":{"text_size":"large","line_spacing":"relaxed","theme":"dark"}}"#,
        )
        .unwrap();
    let app = mount_app_at("/");
    tick().await;
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(
        root.get_attribute("data-text-size").as_deref(),
        Some("large")
    );
    assert_eq!(
        root.get_attribute("data-line-spacing").as_deref(),
        Some("relaxed")
    );
    assert!(app
        .query_selector("[data-testid=storage-notice]")
        .unwrap()
        .is_none());
    app.remove();
    fresh_state();
}

#[wasm_bindgen_test]
async fn corrupt_preferences_fall_back_and_tell_the_reader_once() {
    fresh_state();
    storage().set_item(PREFS, "{broken").unwrap();
    let app = mount_app_at("/");
    tick().await;
    let notice = find(&app, "[data-testid=storage-notice]");
    assert!(notice
        .text_content()
        .unwrap()
        .contains("Your reading preferences could not be read"));
    let root = document().document_element().unwrap();
    assert_eq!(
        root.get_attribute("data-theme"),
        None,
        "defaults: the device's theme"
    );
    assert_eq!(
        root.get_attribute("data-text-size").as_deref(),
        Some("medium")
    );
    assert_eq!(
        storage()
            .get_item(&format!("{PREFS}.bad"))
            .unwrap()
            .as_deref(),
        Some("{broken")
    );
    find(&notice, "button").click();
    tick().await;
    assert!(
        app.query_selector("[data-testid=storage-notice]")
            .unwrap()
            .is_none(),
        "dismissed"
    );
    app.remove();

    let again = mount_app_at("/");
    tick().await;
    assert!(
        again
            .query_selector("[data-testid=storage-notice]")
            .unwrap()
            .is_none(),
        "told once"
    );
    again.remove();
    fresh_state();
}

#[wasm_bindgen_test]
async fn choosing_a_theme_applies_and_saves_it() {
    fresh_state();
    let app = mount_app_at("/settings");
    tick().await;
    let dark: web_sys::HtmlInputElement = find(&app, "#theme-dark").unchecked_into();
    dark.click();
    tick().await;
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert!(storage()
        .get_item(PREFS)
        .unwrap()
        .unwrap()
        .contains(r#""theme":"dark""#));
    assert_eq!(
        find(&app, "[data-testid=settings-status]")
            .text_content()
            .unwrap(),
        "Saved."
    );
    let largest: web_sys::HtmlInputElement = find(&app, "#text-size-largest").unchecked_into();
    largest.click();
    tick().await;
    assert_eq!(
        root.get_attribute("data-text-size").as_deref(),
        Some("largest")
    );
    assert!(largest.checked());
    app.remove();
    fresh_state();
}

#[wasm_bindgen_test]
async fn the_people_index_groups_and_filters_from_the_url() {
    fresh_state();
    let app = mount_app_at("/people");
    tick().await;
    let headings: Vec<String> = (0..count(&app, ".people-group h2"))
        .map(|i| {
            app.query_selector_all(".people-group h2")
                .unwrap()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert!(
        headings[0].starts_with("Bolsheviks in 1903"),
        "{headings:?}"
    );
    assert!(
        headings[1].starts_with("Mensheviks in 1903"),
        "{headings:?}"
    );
    assert_eq!(
        count(&app, ".people-list li:not([hidden]) a") as usize,
        DATA.people.len()
    );
    app.remove();

    let filtered = mount_app_at("/people?q=gregory+zinoviev");
    tick().await;
    assert_eq!(count(&filtered, ".people-list li:not([hidden]) a"), 1);
    assert_eq!(
        find(&filtered, ".people-list li:not([hidden]) a")
            .get_attribute("href")
            .as_deref(),
        Some("/people/zinoviev")
    );
    assert_eq!(
        count(&filtered, ".people-group:not([hidden])"),
        1,
        "empty groups are hidden"
    );
    assert_eq!(
        find(&filtered, "[data-testid=people-count]")
            .text_content()
            .unwrap(),
        "1 person."
    );
    filtered.remove();
}

#[wasm_bindgen_test]
async fn a_person_page_lists_positions_events_and_mentions() {
    fresh_state();
    let app = mount_app_at("/people/kamenev");
    tick().await;
    assert_eq!(find(&app, "main h1").text_content().unwrap(), "Lev Kamenev");
    assert!(count(&app, ".position-list li") > 3);
    let mentions = DATA
        .mentions_of("kamenev")
        .filter(|p| {
            matches!(
                p.kind,
                ParagraphKind::Narrative | ParagraphKind::SourceHeading | ParagraphKind::SourceBody
            )
        })
        .count() as u32;
    assert_eq!(count(&app, ".mention-list li"), mentions);
    assert!(count(&app, ".mention-list a[href*='#p']") >= mentions);
    app.remove();
}

#[wasm_bindgen_test]
async fn a_primary_source_page_shows_its_text_and_the_chapters_quoting_it() {
    fresh_state();
    let app = mount_app_at("/sources/4");
    tick().await;
    assert!(find(&app, "main h1")
        .text_content()
        .unwrap()
        .starts_with("Primary source 4"));
    assert!(
        app.query_selector("#p135 button.note-toggle")
            .unwrap()
            .is_some(),
        "notes in sources too"
    );
    let quoting = find(&app, "a[href^='/chapters/']");
    assert!(quoting.get_attribute("href").unwrap().contains("#p"));
    app.remove();
}

#[wasm_bindgen_test]
async fn the_glossary_lists_every_term_with_an_anchor() {
    fresh_state();
    let app = mount_app_at("/glossary");
    tick().await;
    assert_eq!(count(&app, ".glossary-entry") as usize, DATA.terms.len());
    assert!(app.query_selector("#term-okhrana").unwrap().is_some());
    app.remove();
}
