//! The widget's side effects: fetching, storage, scheduling, the clipboard and the crash card.
//!
//! The one place the browser/native split is chosen: in the browser these are the real thing
//! ([`browser`]); natively (tests, server-side rendering) a stand-in with the same functions
//! that stores in memory, fetches nothing and runs idle work at once.

use crate::classify::Rules;
use crate::error::Error;
use crate::feed::xml::Syntax;
use crate::feed::{self, Feed};
use crate::i18n::{Lang, Locale};

/// The language a widget speaks: the first well-formed tag of `candidates`, with this
/// platform's plural rules and numbers.
pub fn lang<S: AsRef<str>>(candidates: impl IntoIterator<Item = Option<S>>) -> Lang {
    Lang::pick(candidates, Locale { plural, number })
}

/// Reads a downloaded feed body in whichever format it is (JSON Feed, RSS or Atom, told apart
/// by its first characters), with the host page's `rules`; `base` is the feed's own URL, for
/// relative links.
pub fn read_feed(body: &str, base: Option<&str>, rules: &Rules) -> Result<Feed, Error> {
    match feed::xml::sniff(body) {
        Syntax::Xml => {
            // A byte-order mark or blank lines before the XML declaration are a common slip of
            // blog software that XML parsers refuse: they are skipped, their lines counted.
            let (start, lines) = feed::xml::skip_leading_space(body);
            let root = parse_xml(start).map_err(|err| match err {
                Error::NotXml { format, line } => Error::NotXml {
                    format,
                    line: line.map(|line| line + lines),
                },
                other => other,
            })?;
            feed::xml::read(&root, base, rules)
        }
        Syntax::Html => Err(Error::NotJson(
            "the server sent a web page (HTML) instead of a feed".into(),
        )),
        Syntax::Json => feed::json::read(body, base, rules),
    }
}

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
