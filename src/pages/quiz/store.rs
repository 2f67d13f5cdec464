//! The browser side of quiz progress: the clock, loading and saving [`Progress`] in local storage, and focus
//! and keyboard helpers shared by the quiz pages. Everything that decides anything is in [`crate::schedule`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::LocalStore;
use crate::schedule::progress::{self, Progress};

/// Now, in Unix milliseconds.
pub fn now() -> i64 {
    web_sys::js_sys::Date::now() as i64
}

/// The saved progress, loaded once per page, and a message to show when it could not be read or saved.
#[derive(Clone, Copy, Debug)]
pub struct Saved {
    pub progress: RwSignal<Progress>,
    pub notice: RwSignal<Option<String>>,
}

impl Saved {
    /// Loads the progress from local storage; a problem becomes the notice.
    pub fn load() -> Saved {
        let loaded = progress::load(&LocalStore::open());
        Saved {
            progress: RwSignal::new(loaded.value),
            notice: RwSignal::new(loaded.problem),
        }
    }

    /// Changes the progress and saves it; a failure to save becomes the notice.
    pub fn change(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        self.save();
    }

    /// Saves the progress as it is; returns whether it was saved.
    pub fn save(&self) -> bool {
        let result = self
            .progress
            .with_untracked(|p| progress::save(&LocalStore::open(), p));
        match result {
            Ok(()) => true,
            Err(error) => {
                self.notice.set(Some(format!(
                    "Your quiz progress could not be saved: {error}."
                )));
                false
            }
        }
    }
}

/// The notice about saved progress, if any, with a button to dismiss it.
#[component]
pub fn SavedNotice(saved: Saved) -> impl IntoView {
    move || {
        saved.notice.get().map(|message| {
            view! {
                <div class="quiz-notice" role="alert">
                    <p>{message}</p>
                    <button type="button" class="secondary" on:click=move |_| saved.notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}

/// Focuses the element with this id, if it exists and can take focus.
pub fn focus_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// Focuses the element with this id once the view has updated.
pub fn focus_soon(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || focus_id(&id));
}

/// Whether a key press belongs to a text field (so single-key shortcuts must leave it alone), or carries a
/// modifier, or was already handled.
pub fn not_a_shortcut(ev: &web_sys::KeyboardEvent) -> bool {
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.default_prevented() {
        return true;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match target.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            target.get_attribute("type").as_deref(),
            Some("radio") | Some("checkbox") | Some("button") | Some("submit")
        ),
        _ => false,
    }
}

/// Whether the key press is on a link or button, which Enter already activates.
pub fn on_a_control(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|t| matches!(t.tag_name().as_str(), "A" | "BUTTON" | "SUMMARY"))
}
