//! HTML character references decoded by the browser's own HTML parser: the cases of
//! `tests/reference_cases/mod.rs` (which `tests/references.rs` runs natively), and markup in
//! feed text that never becomes an element of the page.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p spoilerfeed --target
//! wasm32-unknown-unknown --test browser_references`.
#![cfg(target_arch = "wasm32")]

mod reference_cases;

use spoilerfeed::feed::text::{decode_references, html_to_text};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn references_are_decoded() {
    reference_cases::references_are_decoded();
}

#[wasm_bindgen_test]
fn references_are_decoded_once() {
    reference_cases::references_are_decoded_once();
}

#[wasm_bindgen_test]
fn incomplete_and_unknown_references_stay() {
    reference_cases::incomplete_and_unknown_references_stay();
}

#[wasm_bindgen_test]
fn markup_stays_text() {
    reference_cases::markup_stays_text();
}

#[wasm_bindgen_test]
fn a_feed_s_text_is_decoded() {
    reference_cases::a_feed_s_text_is_decoded();
}

#[wasm_bindgen_test]
fn decoding_adds_nothing_to_the_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let count = |selector: &str| document.query_selector_all(selector).unwrap().length();
    let before = (count("img"), count("i"), count("*"));
    let payload = "<img src=x onerror=\"document.body.dataset.decoded='yes'\">";
    let escaped = payload.replace('<', "&lt;").replace('>', "&gt;");
    for _ in 0..3 {
        assert_eq!(
            decode_references(&format!("{escaped}&hellip;")),
            format!("{payload}…")
        );
        assert_eq!(
            html_to_text(&format!("{payload}&amp;{escaped}")),
            format!("&{payload}")
        );
    }
    assert_eq!((count("img"), count("i"), count("*")), before);
    assert_eq!(document.body().unwrap().get_attribute("data-decoded"), None);
}

#[wasm_bindgen_test]
fn names_of_two_characters_decode_whole() {
    // html-escape's table keeps only the first of the two (natively `&fjlig;` reads `f`).
    assert_eq!(
        decode_references("&fjlig; &NotEqualTilde; &nvlt;"),
        "fj \u{2242}\u{338} <\u{20D2}"
    );
}
