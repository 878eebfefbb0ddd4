//! The widget's side effects: fetching, storage, scheduling, the clipboard and the crash card.
//!
//! The one place the browser/native split is chosen: in the browser these are the real thing
//! ([`browser`]); natively (tests, server-side rendering) a stand-in with the same functions
//! that stores nothing, fetches nothing and runs idle work at once.

use crate::classify::Rules;
use crate::error::Error;
use crate::feed::{self, Feed};

/// Reads a downloaded feed body in whichever format it is, with the host page's `rules`;
/// `base` is the feed's own URL, for relative links.
pub fn read_feed(body: &str, base: Option<&str>, rules: &Rules) -> Result<Feed, Error> {
    feed::json::read(body, base, rules)
}

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
