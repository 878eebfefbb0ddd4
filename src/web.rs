//! The browser side: fetching the feed, storing choices, mounting the widget, and turning a
//! crash into a message instead of a frozen widget.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use gloo_net::http::{Request, Response};
use gloo_timers::callback::Timeout;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Element, ReadableStreamDefaultReader};

use crate::config::{self, Prefs, Settings};
use crate::error::Error;
use crate::feed::{self, Feed};
use crate::progress::{self, ShowProgress};
use crate::{App, AppProps};

/// The `Accept` header of feed requests (`loader.js` sends the same).
const FEED_ACCEPT: &str = "application/feed+json, application/json";

/// How long a feed may take to answer.
pub const TIMEOUT_SECONDS: u32 = 15;

/// The largest feed cached for offline use, in bytes (localStorage holds about 5 MB per site).
const MAX_CACHED_BYTES: usize = 1_500_000;

/// The most reserved up front for a body from its declared length, in bytes.
const MAX_PREALLOCATED_BYTES: u64 = 16 << 20;

thread_local! {
    /// Every element a widget is mounted on, so a crash can tell each one.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The standalone page's feed request, started by `loader.js` before the wasm was ready.
    static PREFETCH: RefCell<Option<Prefetch>> = const { RefCell::new(None) };
    /// Work waiting for an idle moment (see [`when_idle`]), by number.
    static IDLE_WORK: RefCell<IdleWork> = const { RefCell::new(Vec::new()) };
    /// The number of the next work to wait for an idle moment.
    static NEXT_IDLE: Cell<u32> = const { Cell::new(0) };
    /// Runs the waiting work when the page is left; added with the first of it.
    static LEAVE_LISTENER: std::cell::OnceCell<gloo_events::EventListener> =
        const { std::cell::OnceCell::new() };
}

/// Work waiting for an idle moment, each with its number.
type IdleWork = Vec<(u32, Box<dyn FnOnce()>)>;

/// A feed request already on its way: its absolute URL, the `fetch` promise, its abort
/// controller and when it started (`Date.now()`).
struct Prefetch {
    url: String,
    response: js_sys::Promise,
    controller: AbortController,
    started: Option<f64>,
}

impl Prefetch {
    /// Reads `{ url, response, controller, started }` as `loader.js` hands it over.
    fn from_js(value: &wasm_bindgen::JsValue) -> Option<Self> {
        let get = |name: &str| Reflect::get(value, &name.into()).ok();
        Some(Prefetch {
            url: get("url")?.as_string()?,
            response: get("response")?.dyn_into().ok()?,
            controller: get("controller")?.dyn_into().ok()?,
            started: get("started").and_then(|started| started.as_f64()),
        })
    }
}

/// Takes the prefetched request for `url`, if that is the one `loader.js` started.
fn take_prefetch(url: &str) -> Option<Prefetch> {
    PREFETCH.with(|prefetch| {
        let mut prefetch = prefetch.borrow_mut();
        prefetch.take_if(|prefetch| prefetch.url == url)
    })
}

/// Starts loading `url`, reading at most `max_bytes`; `done` gets the result unless the
/// returned canceller ran first.
///
/// The canceller aborts the request and its timeout, so a widget that is removed or switched
/// to another feed leaves nothing running.
pub fn load_feed(
    url: String,
    max_bytes: u64,
    done: impl FnOnce(Result<Feed, Error>) + 'static,
) -> impl FnOnce() {
    let prefetched = take_prefetch(&url);
    let controller = match &prefetched {
        Some(prefetched) => Some(prefetched.controller.clone()),
        None => AbortController::new().ok(),
    };
    let signal = controller.as_ref().map(AbortController::signal);
    // A request `loader.js` started while the wasm loaded has had part of its time already.
    let waited = prefetched
        .as_ref()
        .and_then(|prefetched| prefetched.started)
        .map_or(0.0, |started| js_sys::Date::now() - started);
    let limit_ms = TIMEOUT_SECONDS * 1000;
    let remaining_ms = (f64::from(limit_ms) - waited).clamp(0.0, f64::from(limit_ms)) as u32;
    let cancelled = Rc::new(Cell::new(false));
    let timed_out = Rc::new(Cell::new(false));
    let timeout = Rc::new(RefCell::new(Some({
        let controller = controller.clone();
        let timed_out = Rc::clone(&timed_out);
        Timeout::new(remaining_ms, move || {
            timed_out.set(true);
            if let Some(controller) = controller {
                controller.abort();
            }
        })
    })));
    {
        let cancelled = Rc::clone(&cancelled);
        let timeout = Rc::clone(&timeout);
        wasm_bindgen_futures::spawn_local(async move {
            let response = prefetched.map(|prefetched| prefetched.response);
            let result = fetch(&url, max_bytes, signal.as_ref(), response).await;
            timeout.borrow_mut().take();
            if cancelled.get() {
                return;
            }
            done(result.map_err(|error| {
                if timed_out.get() {
                    Error::Timeout(TIMEOUT_SECONDS)
                } else if error == Error::Network && is_offline() {
                    Error::Offline
                } else {
                    error
                }
            }));
        });
    }
    move || {
        cancelled.set(true);
        timeout.borrow_mut().take();
        if let Some(controller) = controller {
            controller.abort();
        }
    }
}

/// Whether the browser says it has no network.
fn is_offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// Fetches and reads a feed, and keeps a copy of it for when the network fails; `prefetched`
/// is the same request already started by `loader.js`.
async fn fetch(
    url: &str,
    max_bytes: u64,
    signal: Option<&AbortSignal>,
    prefetched: Option<js_sys::Promise>,
) -> Result<Feed, Error> {
    if url.is_empty() {
        return Err(Error::NoFeed);
    }
    let response = match prefetched {
        // The loader's request is the one below, sent earlier: both are read the same way.
        Some(response) => JsFuture::from(response)
            .await
            .ok()
            .and_then(|response| response.dyn_into::<web_sys::Response>().ok())
            .map(Response::from),
        // gloo-net 0.5 rebuilds the URL: one with a query is sent with a trailing `&`, an
        // empty pair that servers ignore (gloo issue #498).
        None => Request::get(url)
            .header("Accept", FEED_ACCEPT)
            // Revalidate with the server every time: the browser sends If-None-Match /
            // If-Modified-Since from the ETag / Last-Modified it has, and a 304 costs no body.
            .cache(web_sys::RequestCache::NoCache)
            .abort_signal(signal)
            .send()
            .await
            .ok(),
    }
    .ok_or(Error::Network)?;
    if !response.ok() {
        cancel_body(&response);
        return Err(Error::Http {
            status: response.status(),
            reason: response.status_text(),
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.trim().parse::<u64>().ok());
    if let Some(size) = declared.filter(|size| *size > max_bytes) {
        cancel_body(&response);
        return Err(Error::TooLarge {
            size: Some(size),
            limit: max_bytes,
        });
    }
    let body = read_body(&response, max_bytes, declared).await?;
    let base = Some(response.url()).filter(|u| !u.is_empty());
    let feed = feed::parse(&body, Some(base.as_deref().unwrap_or(url)))?;
    // A body too large to keep is not held until the page is idle either.
    if body.len() <= MAX_CACHED_BYTES {
        let url = url.to_owned();
        when_idle(move || save_for_offline(&url, &body));
    }
    Ok(feed)
}

/// Runs `work` right after the next frame is painted (a task posted from the frame's animation
/// callback runs once that frame's style, layout and paint are done), or after a moment where
/// the page draws no frames: hidden tabs and iframes out of view get no animation callbacks.
/// Dropping the returned handle cancels it.
pub fn after_paint(work: impl FnOnce() + 'static) -> AfterPaint {
    let work = Rc::new(Cell::new(Some(work)));
    let run = move || {
        if let Some(work) = work.take() {
            work();
        }
    };
    let after_frame = Rc::new(Cell::new(None));
    let frame = {
        let after_frame = Rc::clone(&after_frame);
        let run = run.clone();
        gloo_render::request_animation_frame(move |_| {
            after_frame.set(Some(Timeout::new(0, run)));
        })
    };
    AfterPaint {
        _frame: frame,
        _after_frame: after_frame,
        _fallback: Timeout::new(100, run),
    }
}

/// Pending [`after_paint`] work; dropping it cancels the work.
pub struct AfterPaint {
    _frame: gloo_render::AnimationFrame,
    _after_frame: Rc<Cell<Option<Timeout>>>,
    _fallback: Timeout,
}

/// Runs `work` when the page is idle: after the frame that shows the cards and whatever the
/// page itself has queued. For storage writes, which are synchronous (the offline copy takes
/// milliseconds per megabyte) and must not hold the cards, a level switch or the host page
/// back. A page left before an idle moment (a quick reload) runs it as it goes; queued work
/// runs in order.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let id = NEXT_IDLE.with(|next| next.replace(next.get().wrapping_add(1)));
    IDLE_WORK.with(|pending| pending.borrow_mut().push((id, Box::new(work))));
    LEAVE_LISTENER.with(|listener| {
        listener.get_or_init(|| {
            gloo_events::EventListener::new(&window, "pagehide", |_| {
                let pending = IDLE_WORK.with(|pending| std::mem::take(&mut *pending.borrow_mut()));
                for (_, work) in pending {
                    work();
                }
            })
        });
    });
    let run = wasm_bindgen::closure::Closure::once_into_js(move || {
        // This work and any queued before it, in order: a callback whose timeout ran out may
        // come before an earlier one, and a later write of the choices must stay the last.
        let due: IdleWork = IDLE_WORK.with(|pending| {
            let mut pending = pending.borrow_mut();
            match pending.iter().position(|(other, _)| *other == id) {
                Some(at) => pending.drain(..=at).collect(),
                None => Vec::new(),
            }
        });
        for (_, work) in due {
            work();
        }
    });
    // A page that is never idle (or a background tab) still gets it done within a second.
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window
        .request_idle_callback_with_options(run.unchecked_ref(), &options)
        .is_err()
    {
        // Browsers without idle callbacks: a moment after the first frames.
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 200);
    }
}

/// Stops downloading a body that won't be read.
fn cancel_body(response: &Response) {
    if let Some(body) = response.body() {
        let _ = body.cancel();
    }
}

/// Reads the body chunk by chunk and stops as soon as it passes `limit`, so an oversized feed
/// is never held in memory whole.
async fn read_body(
    response: &Response,
    limit: u64,
    declared: Option<u64>,
) -> Result<String, Error> {
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    // The declared length saves growing and copying the buffer chunk after chunk. It is only
    // a hint (a compressed body decodes larger, and a server may lie), so it is capped: a
    // false header must not make the widget ask for gigabytes before any data has come.
    let mut bytes = Vec::new();
    let hint = declared.unwrap_or(0).min(limit).min(MAX_PREALLOCATED_BYTES);
    let _ = bytes.try_reserve(usize::try_from(hint).unwrap_or(0));
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Error::Network)?;
        let done = Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = Reflect::get(&chunk, &"value".into()).map_err(|_| Error::Network)?;
        let array = Uint8Array::new(&value);
        let start = bytes.len();
        if (start + array.length() as usize) as u64 > limit {
            let _ = reader.cancel();
            return Err(Error::TooLarge { size: None, limit });
        }
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
    }
    String::from_utf8(bytes).map_err(|_| Error::NotJson("it isn't UTF-8 text".into()))
}

/// The localStorage keys of a feed's offline copy: the body as it came, and when it was saved.
fn cache_keys(feed_url: &str) -> (String, String) {
    (
        format!("spoilerfeed:feed:{feed_url}"),
        format!("spoilerfeed:feed-saved:{feed_url}"),
    )
}

/// Keeps the last good feed body (at most [`MAX_CACHED_BYTES`]) for offline use. A full
/// storage drops other feeds' copies first; if it is still full, the feed simply isn't kept.
fn save_for_offline(feed_url: &str, body: &str) {
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
pub fn offline_copy(feed_url: &str) -> Option<(Feed, DateTime<Utc>)> {
    let storage = storage()?;
    let (key, saved_key) = cache_keys(feed_url);
    let saved: i64 = storage.get_item(&saved_key).ok()??.parse().ok()?;
    let saved = DateTime::from_timestamp_millis(saved)?;
    let body = storage.get_item(&key).ok()??;
    let feed = feed::parse(&body, Some(feed_url)).ok()?;
    Some((feed, saved))
}

/// The browser's localStorage, when the page may use it (sandboxed frames and some privacy
/// settings forbid it; then choices last for the visit only).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The choices stored for a feed.
pub fn stored_prefs(feed_url: &str) -> Option<Prefs> {
    let json = storage()?.get_item(&config::storage_key(feed_url)).ok()?;
    config::read_stored(json.as_deref())
}

/// Stores the choices for a feed; a full or forbidden storage is not an error for the fan.
pub fn store_prefs(feed_url: &str, prefs: &Prefs) {
    if feed_url.is_empty() {
        return;
    }
    if let Some(storage) = storage() {
        let _ = storage.set_item(&config::storage_key(feed_url), &prefs.to_json());
    }
}

/// A show's stored watch progress.
pub fn stored_progress(show: &str) -> Option<ShowProgress> {
    let json = storage()?.get_item(&progress::storage_key(show)).ok()??;
    ShowProgress::from_json(&json)
}

/// The name of the window event that tells every widget on the page that progress changed.
const PROGRESS_EVENT: &str = "spoilerfeed:progress";

/// Stores a show's progress and tells the other widgets on the page (other tabs learn it from
/// the `storage` event).
pub fn store_progress(show: &str, progress: &ShowProgress) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&progress::storage_key(show), &progress.to_json());
    }
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new(PROGRESS_EVENT) {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// Applies a `#progress=<code>` fragment of the page's address, so that a link can carry a
/// fan's progress from another site.
pub fn import_progress_from_address() {
    thread_local! {
        // Once per page, however many widgets it has.
        static DONE: Cell<bool> = const { Cell::new(false) };
    }
    if DONE.with(|done| done.replace(true)) {
        return;
    }
    let Some(hash) = web_sys::window().and_then(|window| window.location().hash().ok()) else {
        return;
    };
    if hash.contains("progress=") {
        for (show, progress) in progress::import_code(&hash) {
            store_progress(&show, &progress);
        }
    }
}

/// Calls `changed` whenever progress changes in another widget on this page or another tab;
/// listening ends when the returned listeners are dropped.
pub fn on_progress_change(changed: impl Fn() + Clone + 'static) -> [gloo_events::EventListener; 2] {
    let window = web_sys::window().expect("widgets run in a window");
    let other_tab = changed.clone();
    [
        gloo_events::EventListener::new(&window, PROGRESS_EVENT, move |_| changed()),
        gloo_events::EventListener::new(&window, "storage", move |event| {
            // Other tabs also store choices and offline copies; only progress matters here
            // (no key: the other tab cleared the storage).
            let key = event
                .dyn_ref::<web_sys::StorageEvent>()
                .and_then(web_sys::StorageEvent::key);
            if key.is_none_or(|key| key.starts_with(progress::STORAGE_PREFIX)) {
                other_tab();
            }
        }),
    ]
}

/// Puts `text` on the clipboard, then calls `done` with whether it got there. Pages that
/// aren't a secure context have no clipboard at all; the fan may also have refused it.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = web_sys::window()
        .and_then(|window| Reflect::get(&window.navigator(), &"clipboard".into()).ok())
        .filter(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    let Some(clipboard) = clipboard else {
        return done(false);
    };
    let written = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(text);
    wasm_bindgen_futures::spawn_local(async move { done(JsFuture::from(written).await.is_ok()) });
}

/// Resolves a possibly relative URL against `base`; empty when it isn't a URL.
pub fn absolute_url(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base)
        .map(|url| url.href())
        .unwrap_or_default()
}

/// Mounts the standalone page's widget on `#spoilerfeed`, configured by the page's query;
/// `prefetch` is the feed request `loader.js` started, if any.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(prefetch: wasm_bindgen::JsValue) {
    let prefetch = Prefetch::from_js(&prefetch);
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(root) = document.get_element_by_id("spoilerfeed") else {
        if let Some(prefetch) = prefetch {
            prefetch.controller.abort();
        }
        return;
    };
    import_progress_from_address();
    let location = window.location();
    let settings = Settings::from_query(&location.search().unwrap_or_default());
    let page = location.href().unwrap_or_default();
    let feed = settings.feed.as_deref().unwrap_or(config::SAMPLE_FEED);
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-theme", settings.theme.key());
        if settings.embed {
            let _ = html.set_attribute("data-embed", "");
            crate::embed::report_height(&html);
        }
    }
    let feed_url = absolute_url(feed, &page);
    // A request for another URL (the loader read the query differently) is not wasted
    // bandwidth for long: it is cancelled here.
    match prefetch {
        Some(prefetch) if prefetch.url == feed_url => {
            PREFETCH.with(|slot| *slot.borrow_mut() = Some(prefetch));
        }
        Some(prefetch) => prefetch.controller.abort(),
        None => {}
    }
    let props = AppProps {
        feed_url: feed_url.into(),
        overrides: settings.overrides,
        lock_level: settings.lock_level,
        page_size: settings.max_items.unwrap_or(crate::PAGE_SIZE),
        embedded: settings.embed,
        max_bytes: settings.max_bytes,
        refresh: settings.refresh,
        progress: settings.progress,
        on_event: None,
        widget_base: (!settings.embed).then(|| absolute_url(".", &page).into()),
        theme: settings.theme,
    };
    // The page's widget lives as long as the page: its handle is never needed.
    mount(root, props);
}

/// Renders a widget into `root` and remembers the root for the crash card.
pub fn mount(root: Element, props: AppProps) -> yew::AppHandle<App> {
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// Forgets a root whose widget was destroyed.
pub fn unmount(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|known| known != root));
}

#[wasm_bindgen]
extern "C" {
    /// The glue module's `import.meta`.
    type ImportMeta;
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// On a crash, every widget is replaced with an error card, so the fan sees what happened
/// instead of a frozen widget.
///
/// A panic stops the wasm at once (the release build keeps no panic machinery, for size), so
/// the crash is seen from outside: the uncaught `WebAssembly.RuntimeError` it becomes, when
/// its stack says it stopped in this module ([`crate::error::crashed_here`]); another
/// module's crash on the same page leaves the widgets alone. Installed once however often
/// it is called.
pub fn install_crash_card() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // Debug builds still run panic hooks; the message goes to the console.
        #[cfg(debug_assertions)]
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("spoilerfeed: {info}").into())
        }));
        let Some(window) = web_sys::window() else {
            return;
        };
        let glue = Rc::new(IMPORT_META.with(ImportMeta::url));
        // A crash in an event handler is an `error` event; one in a future, a rejection.
        for (kind, field) in [("error", "error"), ("unhandledrejection", "reason")] {
            let glue = glue.clone();
            gloo_events::EventListener::new(&window, kind, move |event| {
                let crashed = Reflect::get(event, &field.into())
                    .ok()
                    .filter(|error| error.is_instance_of::<js_sys::WebAssembly::RuntimeError>())
                    .and_then(|error| Reflect::get(&error, &"stack".into()).ok())
                    .and_then(|stack| stack.as_string())
                    .is_some_and(|stack| crate::error::crashed_here(&stack, &glue));
                if crashed {
                    show_crash_cards();
                }
            })
            .forget();
        }
    });
}

/// Replaces every mounted widget with the error card of [`Error::Internal`].
fn show_crash_cards() {
    // The crash may have stopped the wasm while it held the list; then there is nothing to do.
    let _ = ROOTS.try_with(|roots| {
        if let Ok(roots) = roots.try_borrow() {
            roots.iter().for_each(show_crash_card);
        }
    });
}

fn show_crash_card(root: &Element) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let Ok(card) = document.create_element("div") else {
        return;
    };
    card.set_class_name("sf-error");
    let _ = card.set_attribute("role", "alert");
    let _ = card.set_attribute("data-testid", "error");
    card.set_text_content(Some(&Error::Internal.to_string()));
    root.set_text_content(None);
    let _ = root.append_child(&card);
}
