//! Component tests of the comparison page in headless Chromium: source cards, the "known by" control and the URL,
//! side by side with highlighted claims, the claims matrix and its cells, and the student's saved work.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use kamenev::compare::trial_sources;
use kamenev::compare::work::WORK_KEY;
use kamenev::dataset::DATA;
use kamenev::App;
use leptos::{mount::mount_to, prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn forget_work() {
    storage().remove_item(WORK_KEY).unwrap();
    storage().remove_item(&format!("{WORK_KEY}.bad")).unwrap();
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

fn text(element: &web_sys::HtmlElement) -> String {
    element.text_content().unwrap_or_default()
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

/// Waits `n` animation frames: long enough for a client-side navigation to settle.
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

fn dispatch(element: &web_sys::HtmlElement, event: &str) {
    let event = web_sys::Event::new(event).unwrap();
    element.dispatch_event(&event).unwrap();
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

#[wasm_bindgen_test]
async fn cards_show_every_account_with_its_distance_and_flags() {
    let app = mount_app_at("/compare");
    tick().await;
    assert_eq!(
        text(&find(&app, "main h1")),
        "The 1936 trial: comparing the accounts"
    );
    assert_eq!(
        count(&app, "[data-testid=source-card]") as usize,
        trial_sources(&DATA).len()
    );
    let observer = find(&app, "[data-source=observer-1936]");
    assert_eq!(
        text(&find(&observer, "[data-testid=distance]")),
        "during the trial"
    );
    assert_eq!(
        find(&observer, "figcaption a")
            .get_attribute("href")
            .as_deref(),
        Some("/sources/8#p171")
    );
    let serge = find(&app, "[data-source=serge-memoirs]");
    assert!(text(&serge).contains("Disputed date"), "{}", text(&serge));
    assert_eq!(
        text(&find(&serge, "[data-testid=distance]")),
        "about 15 years after the trial"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn known_by_in_the_url_filters_the_cards_and_says_how_many() {
    let app = mount_app_at("/compare?by=1936");
    tick().await;
    assert_eq!(count(&app, "[data-testid=source-card]"), 7);
    let status = text(&find(&app, ".compare-count"));
    assert!(
        status.starts_with("Showing 7 of 14 accounts: those made public by the end of 1936."),
        "{status}"
    );
    let select: web_sys::HtmlSelectElement = find(&app, "#compare-by").unchecked_into();
    assert_eq!(select.value(), "1936");
    app.remove();
}

#[wasm_bindgen_test]
async fn choosing_a_date_puts_it_in_the_url() {
    let app = mount_app_at("/compare");
    tick().await;
    let select: web_sys::HtmlSelectElement = find(&app, "#compare-by").unchecked_into();
    select.set_value("1936-09");
    dispatch(&select, "change");
    frames(3).await;
    assert_eq!(search(), "?by=1936-09");
    assert_eq!(count(&app, "[data-testid=source-card]"), 6);
    app.remove();
}

#[wasm_bindgen_test]
async fn side_by_side_shows_the_picked_accounts_with_their_claims_marked() {
    let app =
        mount_app_at("/compare?view=side&s=observer-1936,new-republic-1936,trotsky-interview-1937");
    tick().await;
    assert_eq!(text(&find(&app, "h2#view-heading")), "Side by side");
    assert_eq!(count(&app, "[data-testid=side-column]"), 3);
    let observer = find(&app, "[data-testid=side-column][data-source=observer-1936]");
    assert!(count(&observer, "mark.claim") >= 1);
    assert!(text(&find(&observer, ".claim-tag")).starts_with('Q'));
    let shared = text(&find(&app, ".shared"));
    assert!(
        shared.contains("Q1. Were the confessions true?"),
        "{shared}"
    );
    assert!(
        shared.contains("The Observer: asserts") && shared.contains("Leon Trotsky: denies"),
        "{shared}"
    );
    let picked: web_sys::HtmlInputElement = find(&app, "#pick-observer-1936").unchecked_into();
    assert!(picked.checked());
    app.remove();
}

#[wasm_bindgen_test]
async fn highlighting_one_question_marks_only_its_claims() {
    let app = mount_app_at("/compare?view=side&s=observer-1936,new-republic-1936&q=coerced");
    tick().await;
    let observer = find(&app, "[data-testid=side-column][data-source=observer-1936]");
    assert_eq!(
        count(&observer, "mark.claim"),
        0,
        "the Observer says nothing on coercion"
    );
    let republic = find(
        &app,
        "[data-testid=side-column][data-source=new-republic-1936]",
    );
    assert_eq!(count(&republic, "mark.claim"), 1);
    assert!(text(&find(&republic, "mark.claim"))
        .starts_with("The defendants gave no evidence of having been coached"));
    app.remove();
}

#[wasm_bindgen_test]
async fn four_picked_accounts_disable_the_rest_and_unticking_updates_the_url() {
    let app = mount_app_at(
        "/compare?view=side&s=observer-1936,new-republic-1936,new-statesman-1936,shachtman",
    );
    tick().await;
    let other: web_sys::HtmlInputElement = find(&app, "#pick-serge-memoirs").unchecked_into();
    assert!(other.disabled());
    let picked: web_sys::HtmlInputElement = find(&app, "#pick-shachtman").unchecked_into();
    assert!(!picked.disabled());
    picked.click();
    frames(3).await;
    assert_eq!(
        search(),
        "?view=side&s=observer-1936,new-republic-1936,new-statesman-1936"
    );
    assert!(!other.disabled());
    assert_eq!(count(&app, "[data-testid=side-column]"), 3);
    app.remove();
}

#[wasm_bindgen_test]
async fn the_matrix_is_a_table_with_headers_and_one_tab_stop() {
    let app = mount_app_at("/compare?view=matrix");
    tick().await;
    let sources = trial_sources(&DATA).len() as u32;
    let questions = DATA.questions.len() as u32;
    assert_eq!(count(&app, "table.matrix thead th[scope=col]"), sources + 1);
    assert_eq!(count(&app, "table.matrix tbody th[scope=row]"), questions);
    assert_eq!(
        count(&app, "table.matrix tbody button"),
        sources * questions
    );
    assert_eq!(count(&app, "table.matrix button[tabindex='0']"), 1);
    assert!(text(&find(&app, "table.matrix caption")).contains("ordered by date"));
    app.remove();
}

#[wasm_bindgen_test]
async fn a_matrix_cell_shows_the_words_behind_it() {
    let app = mount_app_at("/compare?view=matrix&by=1936-08-24");
    tick().await;
    // At the verdict: the three court statements and the Observer, in date order.
    assert_eq!(count(&app, "table.matrix thead th[scope=col]"), 5);
    let cell = find(&app, "#cell-0-3");
    assert!(text(&cell).contains("Asserts"));
    assert!(
        text(&cell).contains("The Observer on Q1"),
        "the button names its row and column"
    );
    cell.click();
    tick().await;
    assert_eq!(cell.get_attribute("aria-expanded").as_deref(), Some("true"));
    let detail = text(&find(&app, "#matrix-detail"));
    assert!(
        detail.contains(
            "The government's case against the defendants (Zinoviev and Kamenev) is genuine."
        ),
        "{detail}"
    );
    assert_eq!(cell.get_attribute("tabindex").as_deref(), Some("0"));
    app.remove();
}

#[wasm_bindgen_test]
async fn the_matrix_sorts_by_kind_from_the_url() {
    let app = mount_app_at("/compare?view=matrix&sort=kind");
    tick().await;
    let first = text(&find(&app, "table.matrix thead th.matrix__source"));
    assert!(first.contains("Defendant"), "{first}");
    assert!(text(&find(&app, "table.matrix caption")).contains("by kind of source"));
    app.remove();
}

#[wasm_bindgen_test]
async fn a_rating_is_saved_and_typed_text_stays_text() {
    forget_work();
    let app = mount_app_at("/compare?view=work");
    tick().await;
    let radio: web_sys::HtmlInputElement =
        find(&app, "#rate-observer-1936-reliable").unchecked_into();
    radio.click();
    let reason: web_sys::HtmlTextAreaElement = find(&app, "#reason-observer-1936").unchecked_into();
    reason.set_value("<b>bold</b> words, written in London");
    dispatch(&reason, "input");
    tick().await;
    let saved = storage()
        .get_item(WORK_KEY)
        .unwrap()
        .expect("the work is saved");
    assert!(saved.contains("\"reliable\""), "{saved}");
    assert!(saved.contains("<b>bold</b> words"), "{saved}");
    assert_eq!(text(&find(&app, ".work-status")), "Saved in this browser.");
    let worksheet = find(&app, "[data-testid=worksheet]");
    assert!(text(&worksheet).contains("<b>bold</b> words, written in London"));
    assert_eq!(count(&worksheet, "b"), 0, "typed text is never markup");
    app.remove();

    let again = mount_app_at("/compare?view=work");
    tick().await;
    let radio: web_sys::HtmlInputElement =
        find(&again, "#rate-observer-1936-reliable").unchecked_into();
    assert!(radio.checked(), "the rating is back after a remount");
    let reason: web_sys::HtmlTextAreaElement =
        find(&again, "#reason-observer-1936").unchecked_into();
    assert_eq!(reason.value(), "<b>bold</b> words, written in London");
    again.remove();
    forget_work();
}

#[wasm_bindgen_test]
async fn unreadable_saved_work_is_reported_and_kept_aside() {
    forget_work();
    storage().set_item(WORK_KEY, "{broken").unwrap();
    let app = mount_app_at("/compare?view=work");
    tick().await;
    let notice = text(&find(&app, ".notice[role=alert]"));
    assert!(
        notice.starts_with("Your work on the 1936 trial could not be read"),
        "{notice}"
    );
    assert_eq!(
        storage()
            .get_item(&format!("{WORK_KEY}.bad"))
            .unwrap()
            .as_deref(),
        Some("{broken")
    );
    app.remove();
    forget_work();
}

#[wasm_bindgen_test]
async fn the_claim_check_counts_cited_accounts() {
    forget_work();
    let app = mount_app_at("/compare?view=work");
    tick().await;
    assert!(text(&find(&app, ".work-problems")).contains("you have ticked 0"));
    find(&app, "#cite-observer-1936").click();
    find(&app, "#cite-orlov-via-gazur").click();
    tick().await;
    assert!(!text(&find(&app, ".work-problems")).contains("you have ticked"));
    app.remove();
    forget_work();
}
