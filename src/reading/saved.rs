//! Loading saved reading state so that a problem is reported once, not on every visit.
//!
//! [`crate::storage::load_versioned`] already falls back to the default and keeps unreadable data aside under
//! `<key>.bad` (or the next free copy key). [`load_once`] adds one step: when the copy was kept aside, it saves the
//! default in place of the unreadable data, so the next visit loads cleanly and the message is not repeated. When the
//! copy could not be kept, the original is left untouched (nothing is lost) and the message comes back next time.

use serde::{de::DeserializeOwned, Serialize};

use crate::storage::{kept_copy_keys, load_versioned, save_versioned, Loaded, Store};

/// Loads the value under `key` (schema `version`, no older versions to migrate); see the module docs.
pub fn load_once<T: DeserializeOwned + Serialize + Default>(
    store: &dyn Store,
    key: &str,
    version: u32,
    what: &str,
) -> Loaded<T> {
    let raw = store.get(key).ok().flatten();
    let loaded: Loaded<T> = load_versioned(store, key, version, what, |_, _| None);
    if let (Some(_), Some(raw)) = (&loaded.problem, raw) {
        let kept = kept_copy_keys(key)
            .iter()
            .any(|k| store.get(k).ok().flatten().as_deref() == Some(raw.as_str()));
        if kept {
            // Best effort: if this fails, the message simply shows again next visit.
            let _ = save_versioned(store, key, version, &loaded.value);
        }
    }
    loaded
}
