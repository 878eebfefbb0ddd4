//! The `<spoiler-feed>` custom element's Rust side.
//!
//! `spoiler-feed.js` defines the element (a custom element class must be JavaScript); it
//! creates the shadow root and calls [`mount_element`], then forwards attribute changes and
//! removal to the returned [`ElementHandle`].

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::{AppHandle, Callback};

use super::{absolute_url, browser_language, import_progress_from_address, mount, unmount};
use crate::app::{App, AppProps};
use crate::config::Settings;
use crate::event::{Field, WidgetEvent};
use crate::platform;

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
            unmount(&self.root);
        }
    }
}

/// Mounts a widget for the element `host` into `root` (inside the element's shadow root).
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement, root: Element) -> ElementHandle {
    import_progress_from_address();
    let props = element_props(&host);
    let app = mount(root.clone(), props);
    ElementHandle {
        host,
        root,
        app: Some(app),
    }
}

/// The widget's props from the element's attributes; the feed URL resolves against the page.
fn element_props(host: &HtmlElement) -> AppProps {
    let settings = Settings::from_attributes(|name| host.get_attribute(name));
    // The element's `lang` (if well-formed), else the nearest around it, else the page's, else the browser's.
    let around = host
        .parent_element()
        .and_then(|parent| parent.closest("[lang]").ok().flatten())
        .and_then(|element| element.get_attribute("lang"));
    let page = host
        .owner_document()
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"));
    let lang = platform::lang([settings.lang.clone(), around, page, browser_language()]);
    let base = host.base_uri().ok().flatten().unwrap_or_default();
    let feed_url = settings
        .feed
        .as_deref()
        .map(|feed| absolute_url(feed, &base))
        .unwrap_or_default();
    AppProps {
        on_event: Some(event_dispatcher(host.clone(), feed_url.clone())),
        embedded: true,
        lang,
        ..AppProps::from_settings(feed_url, settings)
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
