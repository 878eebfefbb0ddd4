//! The widget's side effects: fetching, storage, scheduling, the clipboard and the crash card.
//!
//! The one place the browser/native split is chosen: in the browser these are the real thing
//! ([`browser`]); natively (tests, server-side rendering) a stand-in with the same functions
//! that stores nothing, fetches nothing and runs idle work at once.

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
