//! The browser side of saved state: [`LocalStore`] implements [`crate::storage::Store`] over `window.localStorage`.
//!
//! Every failure (storage disabled, blocked, or full) becomes a [`StoreError`]; nothing here panics.

use wasm_bindgen::JsCast;

use crate::storage::{Store, StoreError};

/// `window.localStorage`, or nothing when the browser refuses it (then every call returns
/// [`StoreError::Unavailable`]).
pub struct LocalStore {
    storage: Option<web_sys::Storage>,
}

impl LocalStore {
    /// Opens local storage.
    pub fn open() -> LocalStore {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        LocalStore { storage }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StoreError> {
        self.storage.as_ref().ok_or(StoreError::Unavailable)
    }
}

fn to_error(error: wasm_bindgen::JsValue) -> StoreError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(exception) if exception.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        Ok(exception) if exception.name() == "SecurityError" => StoreError::Unavailable,
        Ok(exception) => StoreError::Other(exception.message()),
        Err(other) => {
            StoreError::Other(other.as_string().unwrap_or_else(|| "unknown error".into()))
        }
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(to_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(to_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage()?.remove_item(key).map_err(to_error)
    }
}

/// Registers the offline service worker (`/sw.js`, written by `scripts/postbuild.mjs` into every build) so the
/// app works without a network after the first visit. Where service workers are unavailable (an insecure origin,
/// a private window that refuses them) the app simply stays online-only: the failure is logged, never shown.
///
/// Registration waits [`SERVICE_WORKER_DELAY_MS`] after the app has mounted: installing the worker downloads the
/// whole build a second time and parses the worker, which on a two-core school laptop would otherwise compete with
/// the first page becoming usable. A reader who goes offline within those seconds of a first visit simply has no
/// offline copy yet.
pub fn register_service_worker() {
    gloo::timers::callback::Timeout::new(SERVICE_WORKER_DELAY_MS, register_now).forget();
}

/// How long after mounting the offline worker is registered (see [`register_service_worker`]).
pub const SERVICE_WORKER_DELAY_MS: u32 = 1_500;

fn register_now() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // `navigator.serviceWorker` is undefined outside secure contexts: check before touching it.
    let has_worker = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_worker {
        return;
    }
    let promise = navigator.service_worker().register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_2(
                &"The offline service worker was not registered:".into(),
                &error,
            );
        }
    });
}
