//! A panic must never leave a dead page: the hook logs the panic to the console and puts a visible, announced
//! message on the page telling the reader what happened and what to do.

use wasm_bindgen::JsCast;

/// The message shown when the app has stopped. Progress lives in local storage and is not touched.
pub const MESSAGE: &str =
    "Something went wrong and this page stopped working. Your reading progress and quiz \
                           answers are saved in this browser. Reload the page to continue.";

/// Installs the hook. Safe to call more than once.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_message();
    }));
}

fn show_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("app-crashed").is_some() {
        return;
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("app-crashed");
    panel.set_class_name("crash");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "crash-message");
    let _ = panel.set_attribute("tabindex", "-1");

    if let Ok(heading) = document.create_element("h2") {
        heading.set_text_content(Some("The page stopped working"));
        let _ = panel.append_child(&heading);
    }
    if let Ok(text) = document.create_element("p") {
        text.set_text_content(Some(MESSAGE));
        let _ = panel.append_child(&text);
    }
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", "/");
        link.set_text_content(Some("Go to the home page"));
        let _ = panel.append_child(&link);
    }
    let _ = body.insert_before(&panel, body.first_child().as_ref());
    if let Ok(panel) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = panel.focus();
    }
}
