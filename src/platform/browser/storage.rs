//! Storage: the fan's choices per feed, watch progress per show, records the widgets of an
//! origin share (muted words, snoozed shows), and each feed's offline copy, in `localStorage`.
//!
//! Records are the serde models, written and read as JSON by gloo-storage; an offline copy is
//! the feed's body as it came.

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

use crate::classify::Rules;
use crate::config::{self, Prefs};
use crate::feed::Feed;
use crate::progress::{self, ShowProgress};

/// The largest feed cached for offline use, in bytes (localStorage holds about 5 MB per site).
pub(super) const MAX_CACHED_BYTES: usize = 1_500_000;

/// The localStorage keys of a feed's offline copy: the body as it came, and when it was saved.
fn cache_keys(feed_url: &str) -> (String, String) {
    (
        format!("spoilerfeed:feed:{feed_url}"),
        format!("spoilerfeed:feed-saved:{feed_url}"),
    )
}

/// Keeps the last good feed body (at most [`MAX_CACHED_BYTES`]) for offline use. A full
/// storage drops other feeds' copies first; if it is still full, the feed simply isn't kept.
pub(super) fn save_for_offline(feed_url: &str, body: &str) {
    let Some(storage) = storage() else {
        return;
    };
    let (key, saved_key) = cache_keys(feed_url);
    let saved = (js_sys::Date::now() as u64).to_string();
    let write =
        || storage.set_item(&key, body).is_ok() && storage.set_item(&saved_key, &saved).is_ok();
    if write() {
        return;
    }
    let length = storage.length().unwrap_or(0);
    let others: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|other| {
            other.starts_with("spoilerfeed:feed") && *other != key && *other != saved_key
        })
        .collect();
    for other in others {
        let _ = storage.remove_item(&other);
    }
    if !write() {
        let _ = storage.remove_item(&key);
        let _ = storage.remove_item(&saved_key);
    }
}

/// The last good copy of a feed and when it was saved.
pub fn offline_copy(feed_url: &str, rules: &Rules) -> Option<(Feed, DateTime<Utc>)> {
    let storage = storage()?;
    let (key, saved_key) = cache_keys(feed_url);
    let saved: i64 = storage.get_item(&saved_key).ok()??.parse().ok()?;
    let saved = DateTime::from_timestamp_millis(saved)?;
    let body = storage.get_item(&key).ok()??;
    let feed = crate::platform::read_feed(&body, Some(feed_url), rules).ok()?;
    Some((feed, saved))
}

/// The browser's localStorage, when the page may use it (sandboxed frames and some privacy
/// settings forbid it; then choices last for the visit only).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The record stored under `key`; `None` when there is none, it can't be read, or the page
/// may not use storage.
fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    // gloo-storage throws where localStorage is forbidden: asked only where it is allowed.
    storage()?;
    LocalStorage::get(key).ok()
}

/// Stores a record under `key`; whether it was stored (a full or forbidden storage is not an
/// error for the fan).
fn write(key: &str, record: &impl Serialize) -> bool {
    storage().is_some() && LocalStorage::set(key, record).is_ok()
}

/// The choices stored for a feed.
pub fn stored_prefs(feed_url: &str) -> Option<Prefs> {
    read(&config::storage_key(feed_url))
}

/// Stores the choices for a feed.
pub fn store_prefs(feed_url: &str, prefs: &Prefs) {
    if !feed_url.is_empty() {
        write(&config::storage_key(feed_url), prefs);
    }
}

/// A show's stored watch progress.
pub fn stored_progress(show: &str) -> Option<ShowProgress> {
    read(&progress::storage_key(show))
}

/// The name of the window event that tells every widget on the page that progress changed.
const PROGRESS_EVENT: &str = "spoilerfeed:progress";

/// Stores a show's progress and tells the other widgets on the page (other tabs learn it from
/// the `storage` event). Only once it is stored: they read it back from storage, and a
/// forbidden storage would read as nothing.
pub fn store_progress(show: &str, progress: &ShowProgress) {
    if write(&progress::storage_key(show), progress) {
        tell_page(PROGRESS_EVENT);
    }
}

/// Tells every widget on the page, through a window `event`, that a record changed.
fn tell_page(event: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(event)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls `changed` whenever progress changes in another widget on this page or another tab;
/// listening ends when the returned listeners are dropped.
pub fn on_progress_change(changed: impl Fn() + Clone + 'static) -> [gloo_events::EventListener; 2] {
    // Other tabs also store choices and offline copies; only progress matters here.
    on_change(PROGRESS_EVENT, progress::STORAGE_PREFIX, changed)
}

/// Calls `changed` on the page's `event`, and on another tab's storage change of a key that
/// starts with `prefix` (or of every key: no key means the other tab cleared the storage).
fn on_change(
    event: &'static str,
    prefix: &'static str,
    changed: impl Fn() + Clone + 'static,
) -> [gloo_events::EventListener; 2] {
    let window = web_sys::window().expect("widgets run in a window");
    let other_tab = changed.clone();
    [
        gloo_events::EventListener::new(&window, event, move |_| changed()),
        gloo_events::EventListener::new(&window, "storage", move |event| {
            let key = event
                .dyn_ref::<web_sys::StorageEvent>()
                .and_then(web_sys::StorageEvent::key);
            if key.is_none_or(|key| key.starts_with(prefix)) {
                other_tab();
            }
        }),
    ]
}

/// A record the widgets of an origin share (such as the fan's muted words), as stored.
pub fn stored_shared<T: DeserializeOwned>(key: &str) -> Option<T> {
    read(key)
}

/// The name of the window event that tells every widget on the page that a shared record
/// changed.
const SHARED_EVENT: &str = "spoilerfeed:shared";

/// Stores a shared record and tells the other widgets on the page (other tabs learn it from
/// the `storage` event). Only once it is stored: they read it back from storage, and a
/// forbidden storage would read as nothing.
pub fn store_shared(key: &str, record: &impl Serialize) {
    if write(key, record) {
        tell_page(SHARED_EVENT);
    }
}

/// Calls `changed` whenever a shared record whose key starts with `prefix` changes in another
/// widget on this page or another tab; listening ends when the returned listeners are dropped.
pub fn on_shared_change(
    prefix: &'static str,
    changed: impl Fn() + Clone + 'static,
) -> [gloo_events::EventListener; 2] {
    on_change(SHARED_EVENT, prefix, changed)
}
