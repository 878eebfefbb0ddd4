//! The widget's view, one component or view function per file. They only render what they are
//! given and report user actions through `on*` callbacks; the state and its rules live in
//! `state` and `spoiler`. What a list repeats per entry (card, placeholder, meta line, date,
//! kind block) is a plain function returning `Html`, not a component: a component each costs a
//! scope, hooks and scheduler work per entry on every change. The site owner's tools page
//! ([`tools_page`], with [`check_page`] and [`embed_builder`]) is only the tools' binary's.

pub mod card;
pub mod card_list;
pub mod check_page;
pub mod details;
pub mod embed_builder;
pub mod error_card;
pub mod filters;
pub mod guards_panel;
pub mod level_picker;
pub mod live_region;
pub mod meta;
pub mod placeholder;
pub mod progress_code;
pub mod progress_picker;
pub mod skeleton;
pub mod time;
pub mod tools_page;

pub use card::card;
pub use card_list::CardList;
pub use check_page::{CheckPage, CheckReport};
pub use details::kind_details;
pub use embed_builder::EmbedBuilder;
pub use error_card::ErrorCard;
pub use filters::Filters;
pub use guards_panel::{MutePanel, SnoozePanel};
pub use level_picker::LevelPicker;
pub use live_region::live_region;
pub use meta::meta;
pub use placeholder::placeholder;
pub use progress_code::progress_code;
pub use progress_picker::ProgressPicker;
pub use skeleton::skeleton;
pub use time::relative_time;
pub use tools_page::{ToolsPage, ToolsProps};

/// A short, stable reference to an item for the DOM and tests. Ids are often article URLs that
/// name the twist, so a placeholder must not carry the id itself.
pub fn item_ref(id: &str) -> String {
    use std::hash::Hasher;
    // FNV-1a: tiny, stable across builds, and enough to tell a feed's items apart.
    let mut hash = fnv::FnvHasher::default();
    hash.write(id.as_bytes());
    format!("{:016x}", hash.finish())
}
