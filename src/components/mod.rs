//! The widget's view, one component or view function per file. They only render what they are
//! given and report user actions through `on*` callbacks; the state and its rules live in
//! `state` and `spoiler`. What a list repeats per entry (card, placeholder, meta line, date,
//! kind block) is a plain function returning `Html`, not a component: a component each costs a
//! scope, hooks and scheduler work per entry on every change, and wasm size per type.

pub mod card;
pub mod card_list;
pub mod details;
pub mod embed_builder;
pub mod error_card;
pub mod filters;
pub mod level_picker;
pub mod live_region;
pub mod meta;
pub mod placeholder;
pub mod progress_code;
pub mod progress_picker;
pub mod skeleton;
pub mod time;

pub use card::card;
pub use card_list::CardList;
pub use details::kind_details;
pub use embed_builder::EmbedBuilder;
pub use error_card::ErrorCard;
pub use filters::Filters;
pub use level_picker::LevelPicker;
pub use live_region::live_region;
pub use meta::meta;
pub use placeholder::placeholder;
pub use progress_code::progress_code;
pub use progress_picker::ProgressPicker;
pub use skeleton::skeleton;
pub use time::relative_time;

use yew::virtual_dom::{AttributeOrProperty, Attributes};
use yew::{AttrValue, Html};

/// Sets the `class` of `element`, an element just written in `html!` with a literal `class`.
///
/// A `class={…}` expression in `html!` builds a `Classes` set on every render (the string split
/// at spaces, each part hashed, then joined again), and that code costs about 4 KB of wasm; a
/// class chosen among written-out strings needs none of it. The attribute keeps its place.
pub fn set_class(element: &mut Html, class: &'static str) {
    // Just made by `html!`, so not shared.
    let Some(tag) = (match element {
        Html::VTag(tag) => std::rc::Rc::get_mut(tag),
        _ => None,
    }) else {
        return;
    };
    match &mut tag.attributes {
        Attributes::Dynamic { keys, values } => {
            if let Some(at) = keys.iter().position(|key| *key == "class") {
                values[at] = Some(AttributeOrProperty::Attribute(AttrValue::Static(class)));
            }
        }
        // Written with no other attribute: the keys are known.
        Attributes::Static([("class", _)]) => {
            tag.attributes = Attributes::Dynamic {
                keys: &["class"],
                values: Box::new([Some(AttributeOrProperty::Attribute(AttrValue::Static(
                    class,
                )))]),
            };
        }
        _ => debug_assert!(
            false,
            "set_class needs an element written with a literal class"
        ),
    }
}

/// A short, stable reference to an item for the DOM and tests. Ids are often article URLs that
/// name the twist, so a placeholder must not carry the id itself.
pub fn item_ref(id: &str) -> String {
    // FNV-1a: tiny, stable across builds, and enough to tell a feed's items apart.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use yew::html;

    fn attributes(element: &Html) -> Vec<(&str, &str)> {
        match element {
            Html::VTag(tag) => tag.attributes.iter().collect(),
            _ => panic!("not an element"),
        }
    }

    #[test]
    fn set_class_replaces_the_literal_class_in_place() {
        let id = String::from("x");
        let mut element = html! { <p class="a" data-id={id}>{ "text" }</p> };
        set_class(&mut element, "a b");
        assert_eq!(attributes(&element), [("data-id", "x"), ("class", "a b")]);

        let mut element = html! { <span class="a">{ "text" }</span> };
        set_class(&mut element, "a c");
        assert_eq!(attributes(&element), [("class", "a c")]);
    }
}
