//! Saved state: versioned JSON envelopes in a key-value store, decoded without ever losing data.
//!
//! # What it owns
//!
//! The encoding of everything the app keeps between visits (preferences, reading and quiz progress, the student's
//! work). Each feature saves one value under its own key as `{"version": N, "data": …}` and loads it back with
//! [`load_versioned`], which never fails: missing data gives the default; data that is corrupt, of an unknown
//! version or that a migration cannot read gives the default *and* is kept aside under `<key>.bad` (or, when an
//! earlier copy is already kept there, `<key>.bad.2` and so on: a kept copy is never overwritten), with a message
//! ([`Loaded::problem`]) for the page to show once.
//!
//! # Architecture invariant
//!
//! Pure Rust: the store is the [`Store`] trait, so this module never touches the browser. `crate::browser::LocalStore`
//! implements it over `window.localStorage`; [`MemoryStore`] implements it for tests.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use crate::search::fold::capitalise;

/// Why the store could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is switched off or blocked (private mode, browser policy).
    Unavailable,
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Anything else, with the browser's words.
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => {
                f.write_str("this browser does not allow the site to save data, so nothing will be kept after you leave")
            }
            StoreError::QuotaExceeded => {
                f.write_str("the browser's storage for this site is full, so the latest change was not saved")
            }
            StoreError::Other(reason) => write!(f, "the browser could not save: {reason}"),
        }
    }
}

/// A string key-value store (local storage, or memory in tests).
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
}

/// An in-memory [`Store`], with an optional size limit (in bytes of keys plus values) to imitate a full quota.
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    /// An empty store with no limit.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// An empty store that refuses writes past `bytes`.
    pub fn with_quota(bytes: usize) -> MemoryStore {
        MemoryStore {
            items: RefCell::default(),
            quota: Some(bytes),
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut items = self.items.borrow_mut();
        if let Some(quota) = self.quota {
            let others: usize = items
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        items.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }
}

/// A loaded value, and what to tell the user if it could not be read as saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub value: T,
    /// A sentence to show once, when the saved data was unreadable or could not be kept aside.
    pub problem: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    version: u32,
    data: T,
}

/// How many unreadable copies of one value are kept aside, at most (under [`kept_copy_keys`]).
pub const KEPT_COPIES: usize = 10;

/// The key under which unreadable data is kept aside first.
pub fn bad_key(key: &str) -> String {
    format!("{key}.bad")
}

/// The keys under which unreadable copies of `key` are kept, in the order they are used: `<key>.bad`,
/// `<key>.bad.2`, ... `<key>.bad.10`.
pub fn kept_copy_keys(key: &str) -> Vec<String> {
    (1..=KEPT_COPIES)
        .map(|n| match n {
            1 => bad_key(key),
            n => format!("{key}.bad.{n}"),
        })
        .collect()
}

/// Keeps `raw` aside under the first of [`kept_copy_keys`] that is free or already holds the same text; never
/// overwrites another kept copy. Returns the key used, or why the copy could not be kept.
pub fn keep_aside(store: &dyn Store, key: &str, raw: &str) -> Result<String, String> {
    for candidate in kept_copy_keys(key) {
        match store.get(&candidate).map_err(|e| e.to_string())? {
            Some(kept) if kept == raw => return Ok(candidate),
            Some(_) => continue,
            None => {
                return store
                    .set(&candidate, raw)
                    .map(|()| candidate)
                    .map_err(|e| e.to_string())
            }
        }
    }
    Err(format!(
        "{KEPT_COPIES} earlier copies are already kept in this browser"
    ))
}

/// Loads the value saved under `key` by [`save_versioned`].
///
/// `version` is the current schema version. Data saved under an older version is passed to `migrate` with its
/// version; `migrate` returns it in the current shape, or `None` when it cannot. `what` names the data for
/// messages ("your reading preferences").
pub fn load_versioned<T: DeserializeOwned + Default>(
    store: &dyn Store,
    key: &str,
    version: u32,
    what: &str,
    migrate: impl Fn(u32, Value) -> Option<Value>,
) -> Loaded<T> {
    let raw = match store.get(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                value: T::default(),
                problem: None,
            }
        }
        Err(StoreError::Unavailable) => {
            return Loaded {
                value: T::default(),
                problem: Some(format!(
                    "{}: {}.",
                    capitalise(what),
                    StoreError::Unavailable
                )),
            }
        }
        Err(error) => {
            return Loaded {
                value: T::default(),
                problem: Some(format!("{} could not be read: {error}.", capitalise(what))),
            }
        }
    };
    match decode(&raw, version, migrate) {
        Ok(value) => Loaded {
            value,
            problem: None,
        },
        Err(reason) => {
            let problem = match keep_aside(store, key, &raw) {
                Ok(_) => format!(
                    "{} could not be read ({reason}), so the defaults are used. A copy of the old data was kept in \
                     this browser.",
                    capitalise(what)
                ),
                Err(error) => format!(
                    "{} could not be read ({reason}), so the defaults are used. The old data could not be kept \
                     aside: {error}.",
                    capitalise(what)
                ),
            };
            Loaded {
                value: T::default(),
                problem: Some(problem),
            }
        }
    }
}

fn decode<T: DeserializeOwned>(
    raw: &str,
    version: u32,
    migrate: impl Fn(u32, Value) -> Option<Value>,
) -> Result<T, String> {
    let envelope: Envelope<Value> =
        serde_json::from_str(raw).map_err(|_| "it is not valid saved data".to_string())?;
    let data = if envelope.version == version {
        envelope.data
    } else if envelope.version > version {
        return Err(format!(
            "it was saved by a newer version of this site (format {})",
            envelope.version
        ));
    } else {
        migrate(envelope.version, envelope.data)
            .ok_or_else(|| format!("its old format {} cannot be converted", envelope.version))?
    };
    serde_json::from_value(data)
        .map_err(|_| "its contents do not have the expected shape".to_string())
}

/// Saves `value` under `key` with its schema `version`.
pub fn save_versioned<T: Serialize>(
    store: &dyn Store,
    key: &str,
    version: u32,
    value: &T,
) -> Result<(), StoreError> {
    let text = serde_json::to_string(&Envelope {
        version,
        data: value,
    })
    .map_err(|e| StoreError::Other(e.to_string()))?;
    store.set(key, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Prefs {
        size: u8,
        theme: String,
    }

    const KEY: &str = "prefs";

    fn no_migration(_: u32, _: Value) -> Option<Value> {
        None
    }

    fn load(store: &MemoryStore) -> Loaded<Prefs> {
        load_versioned(
            store,
            KEY,
            2,
            "your preferences",
            |version, data| match version {
                // Version 1 called the field `text_size`.
                1 => {
                    let size = data.get("text_size")?.clone();
                    let theme = data.get("theme")?.clone();
                    Some(serde_json::json!({ "size": size, "theme": theme }))
                }
                _ => None,
            },
        )
    }

    #[test]
    fn saved_value_round_trips() {
        let store = MemoryStore::new();
        let prefs = Prefs {
            size: 3,
            theme: "dark".into(),
        };
        save_versioned(&store, KEY, 2, &prefs).unwrap();
        assert_eq!(
            load(&store),
            Loaded {
                value: prefs,
                problem: None
            }
        );
    }

    #[test]
    fn missing_value_gives_default_without_a_message() {
        assert_eq!(
            load(&MemoryStore::new()),
            Loaded {
                value: Prefs::default(),
                problem: None
            }
        );
    }

    #[test]
    fn older_version_is_migrated() {
        let store = MemoryStore::new();
        store
            .set(
                KEY,
                r#"{"version":1,"data":{"text_size":4,"theme":"light"}}"#,
            )
            .unwrap();
        let loaded = load(&store);
        assert_eq!(
            loaded.value,
            Prefs {
                size: 4,
                theme: "light".into()
            }
        );
        assert_eq!(loaded.problem, None);
    }

    #[test]
    fn corrupt_value_falls_back_keeps_a_copy_and_says_so() {
        let store = MemoryStore::new();
        store.set(KEY, "{not json").unwrap();
        let loaded = load(&store);
        assert_eq!(loaded.value, Prefs::default());
        let problem = loaded.problem.unwrap();
        assert!(
            problem.starts_with("Your preferences could not be read (it is not valid saved data)"),
            "{problem}"
        );
        assert_eq!(
            store.get("prefs.bad").unwrap().as_deref(),
            Some("{not json")
        );
    }

    #[test]
    fn a_second_unreadable_value_never_overwrites_the_first_kept_copy() {
        let store = MemoryStore::new();
        let bad = |n: usize| format!("{{broken {n}");
        for n in 1..=KEPT_COPIES {
            store.set(KEY, &bad(n)).unwrap();
            assert!(load(&store)
                .problem
                .unwrap()
                .contains("A copy of the old data was kept"));
        }
        // Each unreadable value has its own copy, the first under `<key>.bad`.
        let keys = kept_copy_keys(KEY);
        assert_eq!(keys[0], "prefs.bad");
        assert_eq!(keys[1], "prefs.bad.2");
        for (n, key) in (1..).zip(&keys) {
            assert_eq!(store.get(key).unwrap(), Some(bad(n)), "{key}");
        }
        // The same text again reuses its copy instead of taking a new key.
        store.set(KEY, &bad(3)).unwrap();
        assert!(load(&store)
            .problem
            .unwrap()
            .contains("A copy of the old data was kept"));
        // With every copy taken, nothing is overwritten and the reader is told the data was not kept aside.
        store.set(KEY, "{broken again").unwrap();
        let problem = load(&store).problem.unwrap();
        assert!(
            problem.ends_with("The old data could not be kept aside: 10 earlier copies are already kept in this browser."),
            "{problem}"
        );
        for (n, key) in (1..).zip(&keys) {
            assert_eq!(store.get(key).unwrap(), Some(bad(n)), "{key}");
        }
        assert_eq!(store.get("prefs.bad.11").unwrap(), None);
    }

    #[test]
    fn keeping_aside_reports_a_store_that_cannot_save() {
        let store = MemoryStore::with_quota(40);
        store.set(KEY, "{not json").unwrap();
        store.set("prefs.bad", "{older").unwrap();
        let problem = load(&store).problem.unwrap();
        assert!(
            problem.contains("The old data could not be kept aside"),
            "{problem}"
        );
        assert_eq!(store.get("prefs.bad").unwrap().as_deref(), Some("{older"));
        assert_eq!(store.get("prefs.bad.2").unwrap(), None);
    }

    #[test]
    fn wrong_shape_and_newer_version_are_kept_aside() {
        let store = MemoryStore::new();
        store
            .set(KEY, r#"{"version":2,"data":{"size":"huge"}}"#)
            .unwrap();
        assert!(load(&store)
            .problem
            .unwrap()
            .contains("do not have the expected shape"));

        store.set(KEY, r#"{"version":9,"data":{}}"#).unwrap();
        assert!(load(&store)
            .problem
            .unwrap()
            .contains("newer version of this site (format 9)"));
        assert_eq!(
            store.get("prefs.bad").unwrap().as_deref(),
            Some(r#"{"version":2,"data":{"size":"huge"}}"#)
        );
        assert_eq!(
            store.get("prefs.bad.2").unwrap().as_deref(),
            Some(r#"{"version":9,"data":{}}"#)
        );
    }

    #[test]
    fn unconvertible_old_version_is_reported() {
        let store = MemoryStore::new();
        store.set(KEY, r#"{"version":1,"data":{}}"#).unwrap();
        let loaded: Loaded<Prefs> =
            load_versioned(&store, KEY, 2, "your preferences", no_migration);
        assert!(loaded
            .problem
            .unwrap()
            .contains("old format 1 cannot be converted"));
    }

    #[test]
    fn full_quota_is_an_error_not_a_panic() {
        let store = MemoryStore::with_quota(40);
        let big = Prefs {
            size: 1,
            theme: "x".repeat(100),
        };
        assert_eq!(
            save_versioned(&store, KEY, 2, &big),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(store.get(KEY).unwrap(), None, "nothing half-written");
    }

    #[test]
    fn corrupt_value_that_cannot_be_kept_aside_says_so() {
        let store = MemoryStore::with_quota(30);
        store.set(KEY, "garbage garbage garbage").unwrap();
        let problem = load(&store).problem.unwrap();
        assert!(problem.contains("could not be kept aside"), "{problem}");
        assert_eq!(
            store.get(KEY).unwrap().as_deref(),
            Some("garbage garbage garbage"),
            "the original is untouched"
        );
    }
}
