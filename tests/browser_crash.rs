//! A crash in a real browser: when the widget's wasm panics, every mounted widget becomes an
//! error card instead of freezing and the panic's message goes to the console; an error of a
//! page script or a crash of another module on the same page leaves the widgets alone.
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

/// A wasm module whose one export, `f`, traps (`unreachable`).
const TRAPPING_MODULE: [u8; 32] = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // header
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // one type: () -> ()
    0x03, 0x02, 0x01, 0x00, // one function of that type
    0x07, 0x05, 0x01, 0x01, b'f', 0x00, 0x00, // exported as `f`
    0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b, // its body: unreachable
];

/// What the page's console showed as errors since [`record_console_errors`], one string each.
fn console_errors() -> Vec<String> {
    let window = web_sys::window().expect("a window");
    let recorded = js_sys::Reflect::get(&window, &"sfConsoleErrors".into()).expect("recorded");
    js_sys::Array::from(&recorded)
        .iter()
        .filter_map(|error| error.as_string())
        .collect()
}

/// Makes the page's `console.error` note what it is given (and still show it), for
/// [`console_errors`].
async fn record_console_errors() {
    let window = web_sys::window().expect("a window");
    window
        .set_timeout_with_str(
            "const shown = console.error; window.sfConsoleErrors = [];\
             console.error = (...args) => {\
               window.sfConsoleErrors.push(args.map(String).join(' ')); shown.apply(console, args);\
             };",
        )
        .expect("a timer");
    wait_for("the console recorder", || {
        js_sys::Reflect::get(&window, &"sfConsoleErrors".into()).is_ok_and(|v| v.is_truthy())
    })
    .await;
}

/// Each widget still shows its list and no error card.
fn assert_widgets_stay(widgets: &[Widget], context: &str) {
    for widget in widgets {
        assert!(widget.one("[data-testid=error]").is_none(), "{context}");
        assert!(
            widget.one(".sf-list").is_some(),
            "{context}: the list stays"
        );
    }
}

#[wasm_bindgen_test]
async fn the_widgets_own_crash_shows_an_error_card_and_no_other_error_does() {
    clean_page();
    record_console_errors().await;
    spoilerfeed::platform::install_crash_card();
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

    // A script of the page throws the same kind of error.
    window
        .set_timeout_with_str("throw new WebAssembly.RuntimeError('unreachable')")
        .expect("a timer");
    wait_for("the page's own error", || errors.get() == 1).await;
    assert_widgets_stay(&widgets, "after a page script's error");

    // Another module crashes in the page's listener of an event this module dispatches:
    // this module's frames are in the stack too, further out. (The listener is added by a
    // script of the page, not by a function this module made.)
    window
        .set_timeout_with_str(&format!(
            "addEventListener('sf-host-event', () => new WebAssembly.Instance(\
             new WebAssembly.Module(new Uint8Array({TRAPPING_MODULE:?}))).exports.f());\
             window.sfHostListening = true;"
        ))
        .expect("a timer");
    wait_for("the page's listener", || {
        js_sys::Reflect::get(&window, &"sfHostListening".into()).is_ok_and(|v| v.is_truthy())
    })
    .await;
    window
        .dispatch_event(&web_sys::Event::new("sf-host-event").expect("an event"))
        .expect("dispatched");
    wait_for("the other module's crash", || errors.get() == 2).await;
    assert_widgets_stay(&widgets, "after another module's crash");
    assert!(
        !console_errors()
            .iter()
            .any(|error| error.starts_with("spoilerfeed:")),
        "the widget logs no crash of its own: {:?}",
        console_errors()
    );

    // The widget's crash, from an event handler as the browser runs it.
    let crash = Closure::once_into_js(|| -> () { panic!("a bug in the widget") });
    window
        .set_timeout_with_callback(crash.unchecked_ref())
        .expect("a timer");
    wait_for("the crash", || errors.get() == 3).await;
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
    let logged = console_errors();
    assert!(
        logged.iter().any(|error| error.starts_with("spoilerfeed:")
            && error.contains("a bug in the widget")
            && error.contains("tests/browser_crash.rs")),
        "the console names the panic and where it happened: {logged:?}"
    );
    feed.revoke();
}
