//! The crash card: a panic anywhere in the widget's code replaces every widget with an error
//! card, instead of leaving it frozen.

use std::cell::RefCell;

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

/// On a panic, every widget is replaced with an error card, so the fan sees what happened
/// instead of a frozen widget, and the panic's message and location go to the console.
///
/// A panic hook runs before the wasm stops, even with `panic = "abort"`, and only for this
/// module's panics: another module's crash on the same page leaves the widgets alone. A trap
/// that is no panic (a failed allocation, a stack overflow) runs no hook, and leaves the widget
/// as it was. It is
/// set through Yew, which otherwise puts its own hook in place when a widget is first
/// rendered. Installed once however often it is called.
pub fn install_crash_card() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("spoilerfeed: {info}").into());
            show_crash_cards();
        }));
    });
}

/// Replaces every mounted widget with the error card of [`Error::Internal`].
fn show_crash_cards() {
    // The panic may have happened while the list was borrowed; then there is nothing to do.
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
