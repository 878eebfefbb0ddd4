//! Iframe mode: the page reports its height to the parent page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, ResizeObserver};

/// In iframe mode, posts the page's height to the parent whenever it changes, as
/// `{ type: "spoilerfeed:resize", height }`.
///
/// A ResizeObserver alone isn't enough: browsers skip its callbacks in cross-origin frames
/// that are off screen, so a frame below the fold would stay unsized until scrolled to. DOM
/// changes are observed too, since those callbacks always run.
pub fn report_height(html: &Element) {
    let Some(parent) = web_sys::window().and_then(|window| window.parent().ok().flatten()) else {
        return;
    };
    let measured = html.clone();
    let last = std::cell::Cell::new(0);
    let post = Closure::<dyn FnMut(JsValue)>::new(move |_changes: JsValue| {
        let height = measured.get_bounding_client_rect().height().ceil() as u32;
        if height != last.replace(height) {
            let message = js_sys::JSON::parse(&format!(
                r#"{{"type":"spoilerfeed:resize","height":{height}}}"#
            ))
            .unwrap_or_default();
            let _ = parent.post_message(&message, "*");
        }
    });
    let callback = post.as_ref().unchecked_ref();
    if let Ok(observer) = ResizeObserver::new(callback) {
        observer.observe(html);
        // The observer lives as long as the page.
        std::mem::forget(observer);
    }
    if let Ok(observer) = MutationObserver::new(callback) {
        let options = MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_attributes(true);
        options.set_character_data(true);
        if observer.observe_with_options(html, &options).is_ok() {
            std::mem::forget(observer);
        }
    }
    post.forget();
}
