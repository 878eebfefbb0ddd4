//! Embedding: the `<spoiler-feed>` custom element's Rust side, and the iframe's height reports.
//!
//! `spoiler-feed.js` defines the element (a custom element class must be JavaScript); it
//! creates the shadow root and calls [`mount_element`], then forwards attribute changes and
//! removal to the returned [`ElementHandle`].

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Element, HtmlElement, MutationObserver, MutationObserverInit,
    ResizeObserver,
};
use yew::{AppHandle, Callback};

use crate::config::Settings;
use crate::event::{Field, WidgetEvent};
use crate::{web, App, AppProps, PAGE_SIZE};

/// A mounted `<spoiler-feed>` widget, owned by its element.
#[wasm_bindgen]
pub struct ElementHandle {
    host: HtmlElement,
    root: Element,
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl ElementHandle {
    /// Re-reads the element's attributes; called when one of them changes.
    pub fn update(&mut self) {
        let props = element_props(&self.host);
        if let Some(app) = &mut self.app {
            app.update(props);
        }
    }

    /// Destroys the widget: its request, timers and listeners end with it.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            web::unmount(&self.root);
        }
    }
}

/// Mounts a widget for the element `host` into `root` (inside the element's shadow root).
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement, root: Element) -> ElementHandle {
    web::import_progress_from_address();
    let props = element_props(&host);
    let app = web::mount(root.clone(), props);
    ElementHandle {
        host,
        root,
        app: Some(app),
    }
}

/// The widget's props from the element's attributes; the feed URL resolves against the page.
fn element_props(host: &HtmlElement) -> AppProps {
    let settings = Settings::from_attributes(|name| host.get_attribute(name));
    let base = host.base_uri().ok().flatten().unwrap_or_default();
    let feed_url = settings
        .feed
        .as_deref()
        .map(|feed| web::absolute_url(feed, &base))
        .unwrap_or_default();
    AppProps {
        on_event: Some(event_dispatcher(host.clone(), feed_url.clone())),
        feed_url: feed_url.into(),
        overrides: settings.overrides,
        lock_level: settings.lock_level,
        page_size: settings.max_items.unwrap_or(PAGE_SIZE),
        embedded: true,
        max_bytes: settings.max_bytes,
        refresh: settings.refresh,
        progress: settings.progress,
        widget_base: None,
        theme: settings.theme,
    }
}

/// Turns widget events into DOM events on the element, which bubble out of the shadow root.
fn event_dispatcher(host: HtmlElement, feed_url: String) -> Callback<WidgetEvent> {
    Callback::from(move |event: WidgetEvent| {
        let detail = js_sys::Object::new();
        for (name, value) in event.detail(&feed_url) {
            let value = match value {
                Field::Text(text) => JsValue::from(text),
                Field::Count(count) => JsValue::from(count as f64),
            };
            let _ = js_sys::Reflect::set(&detail, &name.into(), &value);
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
            let _ = host.dispatch_event(&event);
        }
    })
}

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
