//! The crash card: a crash anywhere in the widget's code replaces every widget with an error
//! card, instead of leaving it frozen.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::error::Error;

thread_local! {
    /// Every element a widget is mounted on, so a crash can tell each one.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a widget's root, for the crash card.
pub fn watch(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Forgets a root whose widget was destroyed.
pub fn forget(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|known| known != root));
}

#[wasm_bindgen]
extern "C" {
    /// The glue module's `import.meta`.
    type ImportMeta;
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// On a crash, every widget is replaced with an error card, so the fan sees what happened
/// instead of a frozen widget.
///
/// A panic stops the wasm at once (the release build keeps no panic machinery, for size), so
/// the crash is seen from outside: the uncaught `WebAssembly.RuntimeError` it becomes, when
/// its stack says it stopped in this module ([`crate::error::crashed_here`]); another
/// module's crash on the same page leaves the widgets alone. Installed once however often
/// it is called.
pub fn install_crash_card() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // Debug builds still run panic hooks; the message goes to the console.
        #[cfg(debug_assertions)]
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("spoilerfeed: {info}").into())
        }));
        let Some(window) = web_sys::window() else {
            return;
        };
        let glue = Rc::new(IMPORT_META.with(ImportMeta::url));
        // A crash in an event handler is an `error` event; one in a future, a rejection.
        for (kind, field) in [("error", "error"), ("unhandledrejection", "reason")] {
            let glue = glue.clone();
            gloo_events::EventListener::new(&window, kind, move |event| {
                let crashed = Reflect::get(event, &field.into())
                    .ok()
                    .filter(|error| error.is_instance_of::<js_sys::WebAssembly::RuntimeError>())
                    .and_then(|error| Reflect::get(&error, &"stack".into()).ok())
                    .and_then(|stack| stack.as_string())
                    .is_some_and(|stack| crate::error::crashed_here(&stack, &glue));
                if crashed {
                    show_crash_cards();
                }
            })
            .forget();
        }
    });
}

/// Replaces every mounted widget with the error card of [`Error::Internal`].
fn show_crash_cards() {
    // The crash may have stopped the wasm while it held the list; then there is nothing to do.
    let _ = ROOTS.try_with(|roots| {
        if let Ok(roots) = roots.try_borrow() {
            roots.iter().for_each(show_crash_card);
        }
    });
}

fn show_crash_card(root: &Element) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let Ok(card) = document.create_element("div") else {
        return;
    };
    card.set_class_name("sf-error");
    let _ = card.set_attribute("role", "alert");
    let _ = card.set_attribute("data-testid", "error");
    card.set_text_content(Some(&Error::Internal.to_string()));
    root.set_text_content(None);
    let _ = root.append_child(&card);
}
