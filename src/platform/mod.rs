//! The widget's side effects: fetching, storage, scheduling, the clipboard and the crash card.
//! The one place the browser/native split is chosen: in the browser these are the real thing
//! (`browser`); natively (tests, server-side rendering) a stand-in with the same functions
//! that stores in memory, fetches nothing and runs idle work at once.

use crate::classify::Rules;
use crate::error::Error;
use crate::feed::xml::Syntax;
use crate::feed::{self, Feed};
use crate::i18n::{Lang, Locale};

/// The language a widget speaks: the first well-formed tag of `candidates`, with this
/// platform's plural rules and numbers, and its words if the platform has them already
/// (else it is [`Lang::waiting`] for them: see `load_words`).
pub fn lang<S: AsRef<str>>(candidates: impl IntoIterator<Item = Option<S>>) -> Lang {
    known_words(Lang::pick(candidates, Locale { plural, number }))
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
        Syntax::Html => Err(Error::WebPage),
        Syntax::Json => feed::json::read(body, base, rules),
    }
}

/// Reads a downloaded body as [`read_feed`] does, once it is decoded: by its byte-order mark,
/// else `content_type`'s `charset`, else its XML declaration, else as UTF-8 (a JSON Feed as
/// UTF-8 only); returns the decoded text too, which is what an offline copy keeps.
pub fn read_download(
    mut body: Vec<u8>,
    content_type: Option<&str>,
    base: Option<&str>,
    rules: &Rules,
) -> Result<(Feed, String), Error> {
    let choice = feed::encoding::choose(&body, content_type)?;
    let text = if choice.is_utf8() {
        // The common case needs no decoder: the bytes are checked and kept.
        let skip = choice.skip;
        let error = choice.error(feed::encoding::DecodeError::Malformed);
        body.drain(..skip);
        String::from_utf8(body).map_err(|_| error)?
    } else {
        decode(&body[choice.skip..], choice.label).map_err(|why| choice.error(why))?
    };
    let feed = read_feed(&text, base, rules)?;
    Ok((feed, text))
}

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
