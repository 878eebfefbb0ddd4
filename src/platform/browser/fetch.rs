//! Fetching a feed or a catalogue file: the request (or the one `loader.js` already
//! started), its timeout and abort, and its body read in chunks up to the size limit.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::{Request, Response};
use gloo_timers::callback::Timeout;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader};

use super::schedule::when_idle;
use super::storage::{save_for_offline, MAX_CACHED_BYTES};
use crate::classify::Rules;
use crate::error::Error;
use crate::feed::Feed;

/// The `Accept` header of feed requests (`loader.js` sends the same).
const FEED_ACCEPT: &str = "application/feed+json, application/json, application/rss+xml, \
    application/atom+xml, application/xml;q=0.9, text/xml;q=0.9";

/// How long a feed may take to answer.
pub const TIMEOUT_SECONDS: u32 = 15;

/// The most reserved up front for a body from its declared length, in bytes.
const MAX_PREALLOCATED_BYTES: u64 = 16 << 20;

thread_local! {
    /// Requests `loader.js` started before the wasm was ready: the standalone page's feed and
    /// catalogue.
    static PREFETCH: RefCell<Vec<Prefetch>> = const { RefCell::new(Vec::new()) };
}

/// A request already on its way: its absolute URL, the `fetch` promise, its abort
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

/// Keeps a request `loader.js` started (`{ url, response, controller, started }`) for the
/// widget that wants `url`; a request for another URL, or for nothing, is cancelled.
pub fn hand_over_prefetch(prefetch: &wasm_bindgen::JsValue, url: Option<&str>) {
    let Some(prefetch) = Prefetch::from_js(prefetch) else {
        return;
    };
    if url == Some(prefetch.url.as_str()) {
        PREFETCH.with(|slot| slot.borrow_mut().push(prefetch));
    } else {
        prefetch.controller.abort();
    }
}

/// Takes the prefetched request for `url`, if `loader.js` started that one.
fn take_prefetch(url: &str) -> Option<Prefetch> {
    PREFETCH.with(|prefetch| {
        let mut prefetch = prefetch.borrow_mut();
        let index = prefetch.iter().position(|prefetch| prefetch.url == url)?;
        Some(prefetch.swap_remove(index))
    })
}

/// What a download is: its `Accept` header, whether it revalidates with the server every
/// time, and its size and time limits.
#[derive(Clone, Copy, Debug)]
pub struct Download {
    /// The `Accept` header.
    pub accept: &'static str,
    /// Whether the browser revalidates its cached copy every time (`cache: "no-cache"`).
    pub revalidate: bool,
    /// The most bytes read.
    pub max_bytes: u64,
    /// How long it may take to answer and arrive.
    pub timeout_seconds: u32,
}

/// Starts loading `url`, reading at most `max_bytes`; `done` gets the result unless the
/// returned canceller ran first.
///
/// The canceller aborts the request and its timeout, so a widget that is removed or switched
/// to another feed leaves nothing running.
pub fn load_feed(
    url: String,
    max_bytes: u64,
    rules: Rules,
    done: impl FnOnce(Result<Feed, Error>) + 'static,
) -> impl FnOnce() {
    let feed = Download {
        accept: FEED_ACCEPT,
        // Revalidate with the server every time: the browser sends If-None-Match /
        // If-Modified-Since from the ETag / Last-Modified it has, and a 304 costs no body.
        revalidate: true,
        max_bytes,
        timeout_seconds: TIMEOUT_SECONDS,
    };
    let key = url.clone();
    download(
        url,
        feed,
        Box::new(move |result| {
            done(result.and_then(|body| {
                let (feed, body) = crate::platform::read_download(
                    body.bytes,
                    body.content_type.as_deref(),
                    Some(&body.base),
                    &rules,
                )?;
                // A body too large to keep is not held until the page is idle either.
                if body.len() <= MAX_CACHED_BYTES {
                    when_idle(move || save_for_offline(&key, &body));
                }
                Ok(feed)
            }))
        }),
    )
}

/// A downloaded body as it came: its bytes, the URL it came from (after redirects) and its
/// `Content-Type`, which may name its encoding.
pub struct Body {
    /// The bytes, at most the download's `max_bytes`.
    pub bytes: Vec<u8>,
    /// The URL it came from.
    pub base: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
}

/// What is told of a download: its body, or why not.
pub type Downloaded = dyn FnOnce(Result<Body, Error>);

/// Starts downloading `url` as `what` says (or takes over the request `loader.js` started
/// for it); `done` gets the body and the URL it came from (after redirects) unless the
/// returned canceller ran first.
pub fn download(url: String, what: Download, done: Box<Downloaded>) -> impl FnOnce() {
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
    let limit_ms = what.timeout_seconds * 1000;
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
            let result = fetch(&url, &what, signal.as_ref(), response).await;
            timeout.borrow_mut().take();
            if cancelled.get() {
                return;
            }
            done(result.map_err(|error| {
                if timed_out.get() {
                    Error::Timeout(what.timeout_seconds)
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

/// Fetches a body and the URL it came from; `prefetched` is the same request already
/// started by `loader.js`.
async fn fetch(
    url: &str,
    what: &Download,
    signal: Option<&AbortSignal>,
    prefetched: Option<js_sys::Promise>,
) -> Result<Body, Error> {
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
        None => match request(url, what, signal) {
            Some(request) => request.send().await.ok(),
            None => None,
        },
    }
    .ok_or(Error::Network)?;
    if !response.ok() {
        cancel_body(&response);
        return Err(Error::Http {
            status: response.status(),
            reason: response.status_text(),
        });
    }
    let max_bytes = what.max_bytes;
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
    let content_type = response.headers().get("content-type");
    Ok(Body {
        bytes: body,
        base: base.unwrap_or_else(|| url.to_owned()),
        content_type,
    })
}

/// The request, sent and answered through gloo-net. It is made from web-sys's `Request`
/// rather than gloo-net's builder, which rebuilds the URL and sends one with a query with a
/// trailing `&` (gloo issue #498): another cache entry than the loader's request, and a
/// different URL for servers that sign theirs.
fn request(url: &str, what: &Download, signal: Option<&AbortSignal>) -> Option<Request> {
    let headers = gloo_net::http::Headers::new();
    headers.set("Accept", what.accept);
    let init = web_sys::RequestInit::new();
    init.set_headers(&headers.into_raw());
    if what.revalidate {
        init.set_cache(web_sys::RequestCache::NoCache);
    }
    init.set_signal(signal);
    web_sys::Request::new_with_str_and_init(url, &init)
        .ok()
        .map(Request::from)
}

/// Stops downloading a body that won't be read.
fn cancel_body(response: &Response) {
    if let Some(body) = response.body() {
        let _ = body.cancel();
    }
}

/// Reads the body's bytes chunk by chunk and stops as soon as they pass `limit`, so an
/// oversized feed is never held in memory whole.
async fn read_body(
    response: &Response,
    limit: u64,
    declared: Option<u64>,
) -> Result<Vec<u8>, Error> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
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
    Ok(bytes)
}
