//! The harness shared by the browser suites (`tests/browser.rs`, `tests/browser_progress.rs`):
//! the page and its localStorage, feeds served as `blob:` URLs, mounting and removing widgets,
//! polling waits, and the leak check's scan of the whole document.
//!
//! Each suite includes it with `mod browser_support;` and defines at its root how long a wait
//! may poll and which attribute marks its elements:
//!
//! ```ignore
//! const WAIT_MS: f64 = 10_000.0;
//! const ROOT_MARK: &str = "data-browser-test-root";
//! ```
//!
//! A suite adds its own `Widget` methods (such as `loaded`, which knows what "shown" means for
//! its feeds) and `FeedUrl` constructors in `impl` blocks of its own.
//!
//! Failure messages never quote an item's id or marker verbatim: the leak checks scan the whole
//! document, test runner output included, so a quoted id would make later tests fail too.

use std::collections::BTreeSet;

use gloo_timers::future::TimeoutFuture;
use spoilerfeed::components::item_ref;
use spoilerfeed::config::Overrides;
use spoilerfeed::{App, AppProps};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Document, Element, Url};
use yew::{AppHandle, AttrValue};

use crate::{ROOT_MARK, WAIT_MS};

// ---------------------------------------------------------------------------------------------
// Ids in failure messages.

pub fn sorted<S: Into<String>>(ids: impl IntoIterator<Item = S>) -> Vec<String> {
    ids.into_iter()
        .map(Into::into)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// How an id is named in failure messages: never verbatim, see the module docs.
pub fn spelled(id: &str) -> String {
    id.replace('-', " ")
}

pub fn marker(id: &str) -> String {
    format!("SECRET-{id}")
}

/// `assert_eq!` for lists of ids, with the ids spelled as in [`spelled`].
#[track_caller]
pub fn assert_ids(actual: &[String], expected: &[String], context: &str) {
    if actual != expected {
        let spell = |ids: &[String]| ids.iter().map(|id| spelled(id)).collect::<Vec<_>>();
        panic!(
            "{context}: the cards are {:?}, expected {:?}",
            spell(actual),
            spell(expected)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The page.

pub fn document() -> Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

pub fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("localStorage")
}

/// The whole page as HTML: what a leak check scans.
pub fn page_html() -> String {
    document()
        .document_element()
        .expect("an <html> element")
        .outer_html()
}

/// Removes what an earlier (maybe failed) test left: its elements and stored choices.
pub fn clean_page() {
    let leftovers = document()
        .query_selector_all(&format!("[{ROOT_MARK}]"))
        .expect("a valid selector");
    for index in 0..leftovers.length() {
        if let Some(element) = leftovers
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            element.remove();
        }
    }
    storage().clear().expect("localStorage can be cleared");
}

/// Fails if the marker or id of an item of `all` that isn't in `shown` is anywhere in the
/// document, and checks that every shown item's marker is there (so the scan itself is known
/// to work).
pub fn assert_page_shows_only(all: &[String], shown: &[String], context: &str) {
    let html = page_html();
    for id in all {
        if shown.contains(id) {
            assert!(
                html.contains(&marker(id)),
                "{context}: the marker of shown item `{}` is missing",
                spelled(id)
            );
        } else {
            assert!(
                !html.contains(&marker(id)),
                "{context}: the marker of hidden item `{}` is in the document",
                spelled(id)
            );
            assert!(
                !html.contains(id.as_str()),
                "{context}: the id of hidden item `{}` is in the document",
                spelled(id)
            );
        }
    }
}

/// A `blob:` URL serving a feed; revoked by [`FeedUrl::revoke`].
pub struct FeedUrl(pub String);

impl FeedUrl {
    /// A `blob:` URL serving `body` as `mime`.
    pub fn blob(body: &str, mime: &str) -> Self {
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let parts = js_sys::Array::of1(&JsValue::from_str(body));
        let blob =
            Blob::new_with_str_sequence_and_options(&parts, &options).expect("a Blob of the body");
        FeedUrl(Url::create_object_url_with_blob(&blob).expect("a blob: URL"))
    }

    pub fn revoke(self) {
        let _ = Url::revoke_object_url(&self.0);
    }
}

/// Polls (flushing Yew's scheduler) until `done` holds, for at most [`WAIT_MS`]; whether it
/// did.
pub async fn poll(mut done: impl FnMut() -> bool) -> bool {
    let start = js_sys::Date::now();
    loop {
        yew::scheduler::flush().await;
        if done() {
            return true;
        }
        if js_sys::Date::now() - start > WAIT_MS {
            return false;
        }
        TimeoutFuture::new(20).await;
    }
}

/// Waits until `done` holds, or fails saying `what` never happened.
pub async fn wait_for(what: &str, done: impl FnMut() -> bool) {
    if !poll(done).await {
        panic!("timed out after {WAIT_MS} ms waiting for: {what}");
    }
}

// ---------------------------------------------------------------------------------------------
// The widget.

/// The props a page gives for `feed_url` and `overrides`; `props!` fills every other prop with
/// its default, as a page that sets nothing else would.
pub fn props(feed_url: &str, overrides: Overrides) -> AppProps {
    let feed_url = AttrValue::from(feed_url.to_owned());
    yew::props!(AppProps {
        feed_url,
        overrides
    })
}

/// A mounted widget and the element it lives on.
pub struct Widget {
    root: Element,
    handle: AppHandle<App>,
}

impl Widget {
    /// Mounts a widget on a fresh element, without waiting for the feed.
    pub fn mount(props: AppProps) -> Widget {
        let document = document();
        let root = document.create_element("div").expect("a div");
        root.set_attribute(ROOT_MARK, "").expect("an attribute");
        document
            .body()
            .expect("a body")
            .append_child(&root)
            .expect("the div is added");
        let handle = spoilerfeed::mount::mount(root.clone(), props);
        Widget { root, handle }
    }

    /// Mounts a widget and waits until `shown` holds for it (`what` names that in the timeout
    /// message) or its error card shows; fails if the feed failed to load.
    pub async fn mount_until(
        props: AppProps,
        what: &str,
        shown: impl Fn(&Widget) -> bool,
    ) -> Widget {
        let widget = Widget::mount(props);
        wait_for(what, || {
            widget.one("[data-testid=error]").is_some() || shown(&widget)
        })
        .await;
        // A long list fills in after its first frame: wait until the whole page is there.
        wait_for("the whole list", || {
            widget.one(".sf-list[aria-busy=true]").is_none()
        })
        .await;
        assert!(
            widget.one("[data-testid=error]").is_none(),
            "the feed failed to load: {:?}",
            widget.text("[data-testid=error]")
        );
        widget
    }

    /// Destroys the widget and removes its element, keeping what it stored.
    pub async fn remove(self) {
        self.handle.destroy();
        yew::scheduler::flush().await;
        spoilerfeed::mount::unmount(&self.root);
        self.root.remove();
    }

    pub fn one(&self, selector: &str) -> Option<Element> {
        self.root
            .query_selector(selector)
            .expect("a valid selector")
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .expect("a valid selector");
        (0..list.length())
            .filter_map(|index| list.item(index)?.dyn_into::<Element>().ok())
            .collect()
    }

    pub fn text(&self, selector: &str) -> Option<String> {
        self.one(selector)
            .map(|element| element.text_content().unwrap_or_default())
    }

    /// The ids of the full cards, sorted.
    pub fn card_ids(&self) -> Vec<String> {
        sorted(
            self.all("[data-testid=card]")
                .iter()
                .filter_map(|card| card.get_attribute("data-id")),
        )
    }

    /// The placeholder of a hidden item, found by its `data-ref` (placeholders never carry ids).
    pub fn placeholder(&self, id: &str) -> Option<Element> {
        self.one(&format!(
            "[data-testid=placeholder][data-ref=\"{}\"]",
            item_ref(id)
        ))
    }

    /// What the live region says.
    pub fn live(&self) -> String {
        self.text("[data-testid=live]").unwrap_or_default()
    }

    /// Waits until the cards are `expected`; fails listing both if they never are.
    pub async fn wait_for_cards(&self, expected: &[String], context: &str) {
        if !poll(|| self.card_ids() == expected).await {
            let context = format!("{context} (after {WAIT_MS} ms)");
            assert_ids(&self.card_ids(), expected, &context);
        }
    }
}
