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
