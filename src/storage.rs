//! The stored last good feed in `localStorage`: the browser side of `network::stored`.
//!
//! Every call is guarded: storage may be missing or disabled (`localStorage` itself throws
//! a `SecurityError`), full, or replaced by a page script that throws. Reading failures
//! mean "nothing stored"; writing failures follow [`write_step`] and, once it gives up, this
//! widget stops writing. Nothing here ever panics or reaches the page as an exception.

use std::cell::Cell;

use wasm_bindgen::JsValue;
use web_sys::Storage;

use crate::network::stored::{
    is_other_version_key, storage_key, to_evict, write_step, Kept, StoredFeed, WriteResult,
    WriteStep, FORMAT_VERSION, KEY_PREFIX,
};

/// The page's `localStorage`, if it can be used at all.
fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// One widget's access to the stored feed of its current URL.
pub struct FeedStore {
    key: String,
    /// Set after a write gave up: no more writes for this widget's lifetime.
    broken: Cell<bool>,
}

impl FeedStore {
    /// The store for the feed at `absolute_url`.
    pub fn new(absolute_url: &str) -> FeedStore {
        FeedStore {
            key: storage_key(absolute_url),
            broken: Cell::new(false),
        }
    }

    /// The stored feed, if there is a usable one. An unusable value (corrupt, expired) is
    /// removed.
    pub fn load(&self, now_ms: u64) -> Option<StoredFeed> {
        let storage = local_storage()?;
        let value = storage.get_item(&self.key).ok().flatten()?;
        match StoredFeed::decode(&value, now_ms) {
            Ok(stored) => Some(stored),
            Err(_) => {
                self.remove_entry();
                None
            }
        }
    }

    /// Stores `feed` unless it is over the size cap (then any older entry is removed, so a
    /// stale one is not shown next time either), first removing other feeds' entries as
    /// needed to keep all of them within the caps. `feed.saved_at_ms` is taken as now.
    pub fn save(&self, feed: &StoredFeed) {
        if self.broken.get() {
            return;
        }
        let Some(value) = feed.encode() else {
            self.remove_entry();
            return;
        };
        let Some(storage) = local_storage() else {
            return;
        };
        keep_within_caps(&storage, &self.key, value.len(), feed.saved_at_ms);
        for tries in 1.. {
            let result = match storage.set_item(&self.key, &value) {
                Ok(()) => WriteResult::Written,
                Err(error) if is_quota_error(&error) => WriteResult::Full,
                Err(_) => WriteResult::Threw,
            };
            match write_step(result, tries) {
                WriteStep::Done => return,
                WriteStep::MakeRoomAndRetry => make_room(&storage, &self.key),
                WriteStep::GiveUp => {
                    self.broken.set(true);
                    return;
                }
            }
        }
    }

    /// Removes the stored entry (storage switched off, or it is no longer good).
    pub fn remove_entry(&self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}

/// Removes this version's other entries that are unusable, then the least recently saved,
/// until a value of `bytes` under `own` fits the caps ([`to_evict`]). Each value is read once
/// to learn its age; together they are within `MAX_TOTAL_BYTES` (more only on the first save
/// in an origin filled by a version before the caps).
fn keep_within_caps(storage: &Storage, own: &str, bytes: usize, now_ms: u64) {
    let prefix = [KEY_PREFIX, FORMAT_VERSION, ":"].concat();
    let entries: Vec<(String, usize, Option<u64>)> = keys(storage)
        .into_iter()
        .filter(|k| k.starts_with(&prefix) && k != own)
        .filter_map(|k| {
            let value = storage.get_item(&k).ok().flatten()?;
            let saved_at = StoredFeed::saved_at(&value, now_ms).ok();
            Some((k, value.len(), saved_at))
        })
        .collect();
    let kept: Vec<Kept> = entries
        .iter()
        .map(|(key, bytes, saved_at_ms)| Kept {
            key,
            bytes: *bytes,
            saved_at_ms: *saved_at_ms,
        })
        .collect();
    for key in to_evict(&kept, bytes) {
        let _ = storage.remove_item(key);
    }
}

/// Every key in storage (collected first: removing shifts the indices).
fn keys(storage: &Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// Frees what the widget itself holds: this key's old value and other versions' entries.
/// The page's own data is never touched.
fn make_room(storage: &Storage, key: &str) {
    let _ = storage.remove_item(key);
    for k in keys(storage)
        .into_iter()
        .filter(|k| is_other_version_key(k))
    {
        let _ = storage.remove_item(&k);
    }
}

/// `QuotaExceededError` (Firefox's older name: `NS_ERROR_DOM_QUOTA_REACHED`).
fn is_quota_error(error: &JsValue) -> bool {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .is_some_and(|name| name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED")
}
