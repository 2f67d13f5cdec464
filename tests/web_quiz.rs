//! Quiz components in headless Chromium: the pages mount at their URLs, a question can be answered with its
//! controls, feedback shows the passage and its link, practice saves a scheduled card, and bad URLs and bad
//! saved data are explained instead of crashing.
#![cfg(target_arch = "wasm32")]

use kamenev::quiz::select::{select, TestSpec};
use kamenev::quiz::{bank, Answer};
use kamenev::schedule::progress::KEY;
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

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn find(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    find(container, selector).text_content().unwrap_or_default()
}

/// Picks a month in the month list, as a person would.
fn choose_month(container: &web_sys::HtmlElement, month: u8) {
    let select = find(container, "#answer-month");
    web_sys::js_sys::Reflect::set(&select, &"value".into(), &month.to_string().into()).unwrap();
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// The first question of the test a seed selects.
fn first_question(seed: &str, kind: &str) -> &'static kamenev::quiz::Question {
    let spec = TestSpec::parse(&kamenev::dataset::DATA, seed, Some("3"), None, Some(kind)).unwrap();
    select(bank(), &spec)[0]
}

#[wasm_bindgen_test]
async fn quiz_home_links_every_mode_and_counts_the_bank() {
    let app = mount_app_at("/quiz");
    tick().await;
    assert_eq!(text_of(&app, "main h1"), "Quiz");
    for href in [
        "/quiz/test",
        "/quiz/practice",
        "/quiz/progress",
        "/quiz/answers",
    ] {
        assert!(
            app.query_selector(&format!("main a[href='{href}']"))
                .unwrap()
                .is_some(),
            "{href}"
        );
    }
    let caption = text_of(&app, "[data-testid=quiz-bank-size]");
    assert!(
        caption.starts_with(&bank().questions.len().to_string()),
        "{caption}"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn test_without_a_seed_shows_the_set_up_form_with_a_valid_code() {
    let app = mount_app_at("/quiz/test");
    tick().await;
    let seed: web_sys::HtmlInputElement = find(&app, "#setup-seed").unchecked_into();
    assert!(
        kamenev::quiz::select::Seed::parse(&seed.value()).is_ok(),
        "{}",
        seed.value()
    );
    assert_eq!(
        text_of(&app, "label[for=setup-count]"),
        "Number of questions"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn a_bad_seed_is_explained_not_a_crash() {
    let app = mount_app_at("/quiz/test?seed=Not%20Valid!");
    tick().await;
    let message = text_of(&app, "[data-testid=quiz-url-error]");
    assert!(message.contains("use only lower-case letters"), "{message}");
    app.remove();

    let app = mount_app_at(&format!("/quiz/test?seed={}", "a".repeat(40)));
    tick().await;
    assert!(text_of(&app, "[data-testid=quiz-url-error]").contains("at most 32"));
    app.remove();
}

#[wasm_bindgen_test]
async fn a_seeded_test_shows_its_first_question_and_grades_a_choice() {
    let question = first_question("web-choice", "attribution");
    let app = mount_app_at("/quiz/test?seed=web-choice&n=3&type=attribution");
    tick().await;
    let form = find(&app, "[data-testid=quiz-question]");
    assert_eq!(
        form.get_attribute("data-question").as_deref(),
        Some(question.id.as_str())
    );
    assert_eq!(text_of(&app, "#question-heading"), "Question 1 of 3");
    let Answer::Choice { correct, .. } = &question.answer else {
        panic!("attribution is multiple choice")
    };
    find(&app, &format!("#answer-{correct}")).click();
    tick().await;
    find(&app, "#check-answer").click();
    tick().await;
    let feedback = text_of(&app, "[data-testid=quiz-feedback]");
    assert!(feedback.contains("Correct"), "{feedback}");
    assert_eq!(
        option_marks(&app),
        vec![(*correct, "Right answer".to_string())]
    );
    let link = find(&app, "[data-testid=quiz-passage-link]");
    assert_eq!(
        link.get_attribute("href"),
        Some(question.evidence[0].href(&kamenev::dataset::DATA))
    );
    assert!(feedback.contains(question.evidence[0].text(&kamenev::dataset::DATA)));
    assert!(app.query_selector("#next-question").unwrap().is_some());
    app.remove();
}

/// The options marked after an answer: (index, words of the mark), in order; checks each mark's class too.
fn option_marks(app: &web_sys::HtmlElement) -> Vec<(usize, String)> {
    let items = app.query_selector_all(".quiz-options li").unwrap();
    (0..items.length())
        .filter_map(|i| {
            let item: web_sys::Element = items.item(i).unwrap().unchecked_into();
            let mark = item.query_selector("[data-testid=option-mark]").unwrap()?;
            let words = mark.text_content().unwrap_or_default();
            let class = if words == "Right answer" {
                "quiz-option--right"
            } else {
                "quiz-option--wrong"
            };
            assert!(
                item.class_list().contains(class),
                "option {i}: {words} without {class}"
            );
            Some((i as usize, words))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_wrong_choice_is_marked_beside_the_right_option() {
    let question = first_question("web-wrong", "attribution");
    let app = mount_app_at("/quiz/test?seed=web-wrong&n=3&type=attribution");
    tick().await;
    let Answer::Choice { correct, options } = &question.answer else {
        panic!("attribution is multiple choice")
    };
    let wrong = (correct + 1) % options.len();
    assert_eq!(
        option_marks(&app),
        vec![],
        "nothing is marked before the answer"
    );
    find(&app, &format!("#answer-{wrong}")).click();
    tick().await;
    find(&app, "#check-answer").click();
    tick().await;
    assert!(text_of(&app, "[data-testid=quiz-feedback]").contains("Not quite"));
    let mut expected = vec![
        (*correct, "Right answer".to_string()),
        (wrong, "Your answer".to_string()),
    ];
    expected.sort_by_key(|(i, _)| *i);
    assert_eq!(option_marks(&app), expected);
    app.remove();
}

/// The first seed `<prefix>-<n>` whose test of `kind` starts with a question `wanted` accepts.
fn seed_where(prefix: &str, kind: &str, wanted: impl Fn(&Answer) -> bool) -> String {
    (0..100)
        .map(|n| format!("{prefix}-{n}"))
        .find(|seed| wanted(&first_question(seed, kind).answer))
        .expect("some seed starts with such a question")
}

#[wasm_bindgen_test]
async fn a_typed_date_explains_bad_input_then_grades_with_the_distance() {
    let seed = seed_where("web-date", "date", |a| matches!(a, Answer::TypedDate(_)));
    let question = first_question(&seed, "date");
    let app = mount_app_at(&format!("/quiz/test?seed={seed}&n=3&type=date"));
    tick().await;
    if let Answer::TypedDate(answer) = question.answer {
        let year: web_sys::HtmlInputElement = find(&app, "#answer-year").unchecked_into();
        year.set_value("19x");
        year.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        find(&app, "#check-answer").click();
        tick().await;
        assert!(text_of(&app, "#answer-error").contains("is not a year"));
        if let Some(month) = answer.month {
            choose_month(&app, month);
        }
        year.set_value(&(answer.year + 1).to_string());
        year.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        find(&app, "#check-answer").click();
        tick().await;
        let feedback = text_of(&app, "[data-testid=quiz-feedback]");
        assert!(feedback.contains("Close"), "{feedback}");
        assert!(
            feedback.contains("out (half credit)") || feedback.contains("out (quarter credit)"),
            "{feedback}"
        );
    }
    app.remove();
}

#[wasm_bindgen_test]
async fn ordering_moves_items_with_buttons() {
    let question = first_question("web-order", "order");
    let app = mount_app_at("/quiz/test?seed=web-order&n=3&type=order");
    tick().await;
    let items = || {
        let list = app.query_selector_all(".quiz-order__text").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    let Answer::Order { items: shown, .. } = &question.answer else {
        panic!("an order question")
    };
    assert_eq!(items(), *shown);
    find(&app, "#move-down-0").click();
    tick().await;
    let moved = items();
    assert_eq!(moved[1], shown[0]);
    assert_eq!(moved[0], shown[1]);
    assert!(
        find(&app, "#move-up-1").has_attribute("disabled"),
        "the first item cannot move up"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn practice_saves_a_scheduled_card() {
    storage().remove_item(KEY).unwrap();
    let app = mount_app_at("/quiz/practice");
    tick().await;
    let form = find(&app, "[data-testid=quiz-question]");
    let id = form.get_attribute("data-question").unwrap();
    let question = bank().get(&id).unwrap();
    match &question.answer {
        Answer::Choice { correct, .. } => find(&app, &format!("#answer-{correct}")).click(),
        Answer::TypedDate(answer) => {
            if let Some(month) = answer.month {
                choose_month(&app, month);
            }
            let year: web_sys::HtmlInputElement = find(&app, "#answer-year").unchecked_into();
            year.set_value(&answer.year.to_string());
            year.dispatch_event(&web_sys::Event::new("input").unwrap())
                .unwrap();
        }
        Answer::Order { .. } => {}
    }
    tick().await;
    find(&app, "#check-answer").click();
    tick().await;
    find(&app, "#rate-good").click();
    tick().await;
    let saved = storage().get_item(KEY).unwrap().expect("progress is saved");
    assert!(saved.contains(&format!("\"{id}\"")), "{saved}");
    let recent = text_of(&app, "[data-testid=practice-recent-item]");
    assert!(recent.contains("rated Good"), "{recent}");
    assert!(text_of(&app, "[data-testid=practice-summary]").contains("Cards scheduled: 1"));
    app.remove();
    storage().remove_item(KEY).unwrap();
}

#[wasm_bindgen_test]
async fn corrupt_saved_progress_is_reported_and_the_page_still_works() {
    storage().set_item(KEY, "{broken").unwrap();
    let app = mount_app_at("/quiz/progress");
    tick().await;
    let notice = text_of(&app, ".quiz-notice");
    assert!(notice.contains("could not be read"), "{notice}");
    assert_eq!(
        storage()
            .get_item(&format!("{KEY}.bad"))
            .unwrap()
            .as_deref(),
        Some("{broken"),
        "the unreadable data is kept aside"
    );
    assert!(text_of(&app, "[data-testid=progress-answered]").contains("not answered any"));
    app.remove();
    storage().remove_item(KEY).unwrap();
    storage().remove_item(&format!("{KEY}.bad")).unwrap();
}

#[wasm_bindgen_test]
async fn the_answer_key_filters_by_type_from_the_url() {
    let app = mount_app_at("/quiz/answers?type=attribution");
    tick().await;
    let count = bank().count(kamenev::quiz::QuestionType::Attribution);
    let status = text_of(&app, "[data-testid=quiz-key-count]");
    assert_eq!(
        status,
        format!("{count} of {} questions.", bank().questions.len())
    );
    // The key shows a chapter per animation frame; after at most one frame per chapter, all of it is there.
    for _ in 0..20 {
        if app.query_selector_all(".quiz-key__item").unwrap().length() as usize >= count {
            break;
        }
        next_frame().await;
    }
    assert_eq!(
        app.query_selector_all(".quiz-key__item").unwrap().length() as usize,
        count
    );
    app.remove();
}

/// Resolves at the next animation frame (then lets the reactive system run).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    tick().await;
}
