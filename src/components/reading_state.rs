//! The reader's saved state in context: preferences and reading progress, loaded from local storage at start-up,
//! applied to the page and saved on every change.
//!
//! [`ReadingSetup`] is mounted once inside the router, before the routes; it provides [`Reading`] (read it with
//! [`use_reading`]), sets the preference attributes on `<html>`, and shows a dismissible notice when saved data
//! could not be read or saved. The logic (what is saved, how unreadable data is handled) is in
//! [`crate::reading`]; this module only wires it to the browser.

use leptos::prelude::*;

use crate::browser::LocalStore;
use crate::reading::prefs::{self, Prefs};
use crate::reading::progress::{self, ReadingProgress};
use crate::reading::saved::load_once;
use crate::search::fold::capitalise;
use crate::storage::save_versioned;

/// The reader's preferences and progress, and the messages about saving them.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    pub prefs: RwSignal<Prefs>,
    pub progress: RwSignal<ReadingProgress>,
    /// Messages about saved data (unreadable at start-up, or a change that could not be saved), shown until
    /// dismissed.
    pub notices: RwSignal<Vec<String>>,
}

impl Reading {
    /// Loads the saved state from local storage; problems become notices.
    fn load() -> Reading {
        let store = LocalStore::open();
        let prefs = load_once::<Prefs>(&store, prefs::KEY, prefs::VERSION, prefs::WHAT);
        let progress =
            load_once::<ReadingProgress>(&store, progress::KEY, progress::VERSION, progress::WHAT);
        let mut notices: Vec<String> = Vec::new();
        for problem in [prefs.problem, progress.problem].into_iter().flatten() {
            if !notices.contains(&problem) {
                notices.push(problem);
            }
        }
        Reading {
            prefs: RwSignal::new(prefs.value),
            progress: RwSignal::new(progress.value),
            notices: RwSignal::new(notices),
        }
    }

    /// Changes the preferences and saves them. Returns whether they were saved.
    pub fn set_prefs(&self, value: Prefs) -> bool {
        self.prefs.set(value);
        self.save(prefs::KEY, prefs::VERSION, prefs::WHAT, &value)
    }

    /// Marks a chapter read and saves the progress (if it changed). Returns whether it is saved.
    pub fn mark_read(&self, chapter: &str) -> bool {
        self.change_progress(|p| p.mark_read(chapter))
    }

    /// Marks a chapter unread and saves the progress (if it changed). Returns whether it is saved.
    pub fn mark_unread(&self, chapter: &str) -> bool {
        self.change_progress(|p| p.mark_unread(chapter))
    }

    /// Forgets every chapter read. Returns whether that is saved.
    pub fn reset_progress(&self) -> bool {
        self.change_progress(|p| {
            let changed = !p.read.is_empty();
            p.read.clear();
            changed
        })
    }

    fn change_progress(&self, change: impl FnOnce(&mut ReadingProgress) -> bool) -> bool {
        let mut value = self.progress.get_untracked();
        if !change(&mut value) {
            return true;
        }
        self.progress.set(value.clone());
        self.save(progress::KEY, progress::VERSION, progress::WHAT, &value)
    }

    fn save<T: serde::Serialize>(&self, key: &str, version: u32, what: &str, value: &T) -> bool {
        match save_versioned(&LocalStore::open(), key, version, value) {
            Ok(()) => true,
            Err(error) => {
                let message = format!("{} could not be saved: {error}.", capitalise(what));
                self.notices.update(|notices| {
                    if !notices.contains(&message) {
                        notices.push(message);
                    }
                });
                false
            }
        }
    }
}

/// The reading state provided by [`ReadingSetup`].
pub fn use_reading() -> Reading {
    expect_context::<Reading>()
}

/// Loads and provides [`Reading`], keeps `<html>`'s preference attributes in step with it, and shows the notices.
/// Mount it once, inside the router and before the routes.
#[component]
pub fn ReadingSetup() -> impl IntoView {
    let reading = Reading::load();
    provide_context(reading);
    Effect::new(move |_| {
        let value = reading.prefs.get();
        if let Some(root) = document().document_element() {
            for (name, attribute) in value.root_attributes() {
                let _ = match attribute {
                    Some(attribute) => root.set_attribute(name, attribute),
                    None => root.remove_attribute(name),
                };
            }
        }
    });
    let notices = reading.notices;
    view! {
        <div class="storage-notice-region" aria-live="polite">
            {move || {
                (!notices.read().is_empty())
                    .then(|| {
                        view! {
                            <div class="storage-notice" data-testid="storage-notice">
                                <ul class="plain-list">
                                    {notices.get().into_iter().map(|notice| view! { <li>{notice}</li> }).collect_view()}
                                </ul>
                                <button type="button" class="secondary" on:click=move |_| notices.set(Vec::new())>
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
