//! A crash in a real browser: when the widget's wasm stops (a panic aborts it), every mounted
//! widget becomes an error card instead of freezing; a crash of another module on the same
//! page leaves the widgets alone.
//!
//! A file of its own: the crash it causes stays in this test's wasm instance. Same harness as
//! `tests/browser.rs` (`tests/browser_support/mod.rs`). Run with `CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test -p spoilerfeed --target wasm32-unknown-unknown --test browser_crash`.
#![cfg(target_arch = "wasm32")]

// The shared harness: this file uses only part of it.
#[allow(dead_code)]
mod browser_support;

use std::cell::Cell;
use std::rc::Rc;

use browser_support::{clean_page, props, wait_for, FeedUrl, Widget};
use spoilerfeed::config::Overrides;
use spoilerfeed::error::Error;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = include_str!("fixtures/minimal-1.1.json");

/// The longest any wait polls before the test fails (generous: the machine may be busy).
const WAIT_MS: f64 = 20_000.0;

/// Marks the elements this file's widgets are mounted on, so a clean page drops them.
const ROOT_MARK: &str = "data-browser-crash-root";

#[wasm_bindgen_test]
async fn the_widgets_own_crash_shows_an_error_card_and_another_modules_does_not() {
    clean_page();
    spoilerfeed::start();
    let feed = FeedUrl::blob(FEED, "application/feed+json");
    let widgets = [
        Widget::mount_until(props(&feed.0, Overrides::default()), "the list", |w| {
            w.one(".sf-list").is_some()
        })
        .await,
        Widget::mount_until(props(&feed.0, Overrides::default()), "the list", |w| {
            w.one(".sf-list").is_some()
        })
        .await,
    ];
    let window = web_sys::window().expect("a window");
    let errors = Rc::new(Cell::new(0));
    let _count = {
        let errors = errors.clone();
        gloo_events::EventListener::new(&window, "error", move |_| errors.set(errors.get() + 1))
    };

    // Another module's crash: the same kind of error, thrown by a script of the page.
    window
        .set_timeout_with_str("throw new WebAssembly.RuntimeError('unreachable')")
        .expect("a timer");
    wait_for("the page's own error", || errors.get() == 1).await;
    for widget in &widgets {
        assert!(widget.one("[data-testid=error]").is_none());
        assert!(widget.one(".sf-list").is_some(), "the list stays");
    }

    // The widget's crash, from an event handler as the browser runs it.
    let crash = Closure::once_into_js(|| -> () { panic!("a bug in the widget") });
    window
        .set_timeout_with_callback(crash.unchecked_ref())
        .expect("a timer");
    wait_for("the crash", || errors.get() == 2).await;
    for widget in &widgets {
        assert_eq!(
            widget.text("[data-testid=error]"),
            Some(Error::Internal.to_string())
        );
        assert!(
            widget.one(".sf-list").is_none(),
            "nothing of the frozen widget stays"
        );
    }
    feed.revoke();
}
