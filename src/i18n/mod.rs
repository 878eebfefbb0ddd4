//! The widget's words in the fan's language: English compiled in, every other language a
//! catalogue file of `i18n/` ([`catalogue`]) fetched when it is chosen; the messages ([`Msg`]),
//! the [`Lang`] a widget speaks, and the platform's plural and number rules ([`Locale`]) that
//! keep this module pure. Placeholders are `{name}`; `{n}` is a count.

pub mod catalogue;
mod lang;
mod msg;
mod plural;

use std::sync::OnceLock;

pub use catalogue::{Catalogue, Forms, Parsed};
pub use lang::{catalogue_code, well_formed, Lang};
pub use msg::Msg;
pub use plural::{Locale, Plural};

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The English catalogue file: the widget's own words, and every other file's reference.
pub const ENGLISH_FILE: &str = include_str!("../../i18n/en.json");

/// The English catalogue, read from its file on first use.
pub fn english() -> &'static Catalogue {
    static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
    ENGLISH.get_or_init(|| {
        Catalogue::parse("en", ENGLISH_FILE)
            .map(|parsed| parsed.catalogue)
            .expect("i18n/en.json is a catalogue (the i18n tests read it)")
    })
}

/// Every language the widget has words for, English first, by BCP 47 tag.
pub fn languages() -> impl Iterator<Item = &'static str> {
    std::iter::once("en").chain(LANGUAGES.iter().copied())
}

/// `template` with each `{name}` of `args` replaced by its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}').map(|end| (&after[..end], end)) {
            Some((name, end)) if args.iter().any(|(key, _)| *key == name) => {
                let value = args
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map_or("", |(_, v)| v);
                out.push_str(value);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}
