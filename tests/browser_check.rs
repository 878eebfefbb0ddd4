//! The check page in a real browser: every item is listed with its level and reason, and its
//! title reaches the page only after the one "Show titles" click.
//!
//! Run with the other browser suites (`cargo xtask test browser`). The feed is served as a
//! `blob:` URL made from the fixture; waits poll the DOM (flushing Yew's scheduler), never a
//! fixed sleep.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use serde_json::Value;
use spoilerfeed::components::ToolsProps;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Blob, BlobPropertyBag, Element, HtmlElement, Url};

wasm_bindgen_test_configure!(run_in_browser);

/// Categories as tags, mapped by the feed's own `tag_levels`; `SECRET-<slug>` in every title.
const TAGGED: &str = include_str!("fixtures/tagged.json");

/// The longest any wait polls before the test fails.
const WAIT_MS: f64 = 10_000.0;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

/// A `blob:` URL serving the fixture.
fn feed_url() -> String {
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&JsValue::from_str(TAGGED));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).expect("a Blob");
    Url::create_object_url_with_blob(&blob).expect("a blob: URL")
}

/// Polls until `done` holds, or fails saying `what` never happened.
async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    loop {
        yew::scheduler::flush().await;
        if done() {
            return;
        }
        assert!(
            js_sys::Date::now() - start < WAIT_MS,
            "timed out waiting for {what}"
        );
        TimeoutFuture::new(20).await;
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|index| list.item(index)?.dyn_into::<Element>().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn titles_reach_the_page_only_after_show_titles() {
    let items: Value = serde_json::from_str(TAGGED).expect("the fixture is JSON");
    let titles: Vec<String> = items["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["title"].as_str().expect("a title").to_owned())
        .collect();
    let url = feed_url();
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("added");
    let handle = spoilerfeed::mount::tools::mount(
        root.clone(),
        ToolsProps {
            feed_url: url.clone().into(),
            check: true,
            ..ToolsProps::default()
        },
    );
    wait_for("the report", || {
        all(&root, "[data-testid=check-item]").len() == titles.len()
    })
    .await;
    let html = root.outer_html();
    assert!(
        !html.contains("SECRET-"),
        "a title is on the page before the click"
    );
    // Each row has its level and reason: the casting item is Mild for its tag.
    let reasons: Vec<String> = all(&root, "[data-testid=check-level-reason]")
        .iter()
        .map(|reason| reason.text_content().unwrap_or_default())
        .collect();
    assert!(
        reasons.iter().any(|reason| reason == "Tag \"Casting\""),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|reason| reason == "Own label"),
        "{reasons:?}"
    );

    let button: HtmlElement = root
        .query_selector("[data-testid=show-titles]")
        .expect("a valid selector")
        .expect("a Show titles button")
        .unchecked_into();
    button.click();
    wait_for("the titles", || {
        all(&root, "[data-testid=check-item-title]").len() == titles.len()
    })
    .await;
    let html = root.outer_html();
    for title in &titles {
        assert!(
            html.contains(title.as_str()),
            "a title is missing after the click"
        );
    }
    assert!(root
        .query_selector("[data-testid=show-titles]")
        .unwrap()
        .is_none());

    handle.destroy();
    yew::scheduler::flush().await;
    spoilerfeed::mount::unmount(&root);
    root.remove();
    let _ = Url::revoke_object_url(&url);
}
