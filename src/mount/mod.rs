//! Mounting widgets: on the standalone page ([`page`]), as the `<spoiler-feed>` element
//! ([`element`]), and the iframe's height reports ([`frame`]); and the site owner's tools page
//! ([`tools`]).

pub mod element;
pub mod frame;
pub mod page;
pub mod tools;

use std::cell::Cell;

use web_sys::Element;

use crate::app::{App, AppProps};
use crate::platform::{self, crash};
use crate::progress;

/// Renders a widget into `root` and remembers the root for the crash card.
pub fn mount(root: Element, props: AppProps) -> yew::AppHandle<App> {
    crash::watch(&root);
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// Forgets a root whose widget was destroyed.
pub fn unmount(root: &Element) {
    crash::forget(root);
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
            platform::store_progress(&show, &progress);
        }
    }
}

/// The browser's language (`navigator.language`).
pub fn browser_language() -> Option<String> {
    web_sys::window().and_then(|window| window.navigator().language())
}

/// Resolves a possibly relative URL against `base`; empty when it isn't a URL.
pub fn absolute_url(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base)
        .map(|url| url.href())
        .unwrap_or_default()
}
