//! HTML character references decoded natively (html-escape's table): the cases of
//! `tests/reference_cases/mod.rs`, which `tests/browser_references.rs` runs through the
//! browser's own HTML parser.

// Native only: the browser suite is `browser_references.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod reference_cases;

#[test]
fn references_are_decoded() {
    reference_cases::references_are_decoded();
}

#[test]
fn references_are_decoded_once() {
    reference_cases::references_are_decoded_once();
}

#[test]
fn incomplete_and_unknown_references_stay() {
    reference_cases::incomplete_and_unknown_references_stay();
}

#[test]
fn markup_stays_text() {
    reference_cases::markup_stays_text();
}

#[test]
fn a_feed_s_text_is_decoded() {
    reference_cases::a_feed_s_text_is_decoded();
}
