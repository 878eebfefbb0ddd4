//! The `<spoiler-feed>` custom element's Rust side.
//! `spoiler-feed.js` defines the element (a custom element class must be JavaScript); it
//! creates the shadow root and calls [`mount_element`], then forwards attribute changes and
//! removal to the returned [`ElementHandle`]. A language other than English is shown once its
//! words are in; the element follows its own `lang` and the one around it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Element, HtmlElement, MutationObserver, MutationObserverInit,
};
use yew::{AppHandle, Callback};

use super::{absolute_url, browser_language, import_progress_from_address, mount, unmount};
use crate::app::{App, AppProps};
use crate::config::Settings;
use crate::event::{Field, WidgetEvent};
use crate::platform;

/// A mounted `<spoiler-feed>` widget, owned by its element.
#[wasm_bindgen]
pub struct ElementHandle {
    widget: Rc<Mounted>,
    /// Follows the `lang` of the nearest ancestor that has one.
    observer: Option<LanguageWatch>,
}

/// The observer of the `lang` around an element, and its callback (which lives as long).
type LanguageWatch = (MutationObserver, Closure<dyn FnMut(JsValue)>);

/// The widget of an element and the language it shows.
struct Mounted {
    host: HtmlElement,
    root: Element,
    app: RefCell<Option<AppHandle<App>>>,
    /// The tag of the language shown (or about to be).
    tag: RefCell<String>,
    /// Counts the props asked for, so that only the last one asked is shown once its
    /// words are in.
    asked: Cell<u32>,
}

#[wasm_bindgen]
impl ElementHandle {
    /// Re-reads the element's attributes; called when one of them changes.
    pub fn update(&mut self) {
        self.widget.show(element_props(&self.widget.host));
    }

    /// Destroys the widget: its request, timers and listeners end with it.
    pub fn destroy(&mut self) {
        if let Some((observer, _)) = self.observer.take() {
            observer.disconnect();
        }
        // Words still on their way are for nothing now.
        let asked = &self.widget.asked;
        asked.set(asked.get().wrapping_add(1));
        if let Some(app) = self.widget.app.borrow_mut().take() {
            app.destroy();
            unmount(&self.widget.root);
        }
    }
}

impl Mounted {
    /// Shows `props`: at once if their words are in, else once they are. On the first mount
    /// the widget starts at once all the same (the feed loads while the words do, and the
    /// cards wait for them); a language changed later keeps the words shown until the new
    /// ones are in.
    fn show(self: &Rc<Self>, props: AppProps) {
        let asked = self.asked.get().wrapping_add(1);
        self.asked.set(asked);
        let started = self.app.borrow().is_some();
        let same_language = *self.tag.borrow() == props.lang.tag();
        *self.tag.borrow_mut() = props.lang.tag().to_owned();
        if props.lang.waiting().is_none() || !started || same_language {
            self.apply(props.clone());
        }
        if props.lang.waiting().is_some() {
            let widget = Rc::clone(self);
            platform::load_words(props.lang.clone(), move |lang| {
                if widget.asked.get() == asked {
                    widget.apply(AppProps { lang, ..props });
                }
            });
        }
    }

    /// Renders `props` (mounting the widget the first time).
    fn apply(&self, props: AppProps) {
        let mut app = self.app.borrow_mut();
        match app.as_mut() {
            Some(app) => app.update(props),
            None => *app = Some(mount(self.root.clone(), props)),
        }
    }

    /// Follows a change of an ancestor's `lang`, when the element has none of its own.
    fn follow_language(self: &Rc<Self>) {
        let props = element_props(&self.host);
        if *self.tag.borrow() != props.lang.tag() {
            self.show(props);
        }
    }
}

/// Mounts a widget for the element `host` into `root` (inside the element's shadow root);
/// `catalogue_urls` gives a catalogue file's URL.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    host: HtmlElement,
    root: Element,
    catalogue_urls: Option<js_sys::Function>,
) -> ElementHandle {
    import_progress_from_address();
    if let Some(urls) = catalogue_urls {
        platform::set_catalogue_urls(urls);
    }
    let widget = Rc::new(Mounted {
        host,
        root,
        app: RefCell::new(None),
        tag: RefCell::new(String::new()),
        asked: Cell::new(0),
    });
    widget.show(element_props(&widget.host));
    let observer = observe_language(&widget);
    ElementHandle { widget, observer }
}

/// Watches the nearest ancestor with a `lang` (else the page's root) and what is inside it,
/// so that a `lang` set, changed or removed there reaches the widget as its own does.
fn observe_language(widget: &Rc<Mounted>) -> Option<LanguageWatch> {
    let target =
        nearest_lang(&widget.host).or_else(|| widget.host.owner_document()?.document_element())?;
    let changed = {
        let widget = Rc::clone(widget);
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| widget.follow_language())
    };
    let observer = MutationObserver::new(changed.as_ref().unchecked_ref()).ok()?;
    let options = MutationObserverInit::new();
    options.set_attributes(true);
    options.set_subtree(true);
    options.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
    observer.observe_with_options(&target, &options).ok()?;
    Some((observer, changed))
}

/// The nearest ancestor of `host` with a `lang` attribute.
fn nearest_lang(host: &HtmlElement) -> Option<Element> {
    host.parent_element()?.closest("[lang]").ok().flatten()
}

/// The widget's props from the element's attributes; the feed URL resolves against the page.
fn element_props(host: &HtmlElement) -> AppProps {
    let settings = Settings::from_attributes(|name| host.get_attribute(name));
    // The element's `lang` (if well-formed), else the nearest around it, else the page's, else the browser's.
    let around = nearest_lang(host).and_then(|element| element.get_attribute("lang"));
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
