//! spoilerfeed: a TV show's news as cards, with everything above the fan's spoiler level kept
//! off the page.
//!
//! The words are in [`types`]; the feed reader in [`feed`]; the fan's choices in [`config`],
//! [`progress`] and [`guards`] (with the scripts written without spaces in [`script`], and
//! their stored records read tolerantly with [`stored`]); the rule that decides what is shown
//! in [`spoiler`]; the reducer in [`state`]; the widget's words in each language in [`i18n`].
//! Those are pure and tested natively. The [`app`] puts [`components`] and [`hooks`] together;
//! [`platform`] is the browser side (with a native stand-in), and `mount` puts widgets on pages,
//! as the standalone page, the `<spoiler-feed>` element or an iframe.
//!
//! The site owner's tools (`tools.html`: the check page with its [`report`], and the embed-code
//! builder with its [`snippet`]s) are their own binary, `src/bin/tools.rs`: the fan's wasm
//! (`src/main.rs`) never calls them, so its build leaves them out.

pub mod app;
pub mod classify;
pub mod components;
pub mod config;
pub mod date;
pub mod error;
pub mod event;
pub mod feed;
pub mod guards;
pub mod hooks;
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod platform;
pub mod progress;
pub mod report;
pub mod script;
pub mod snippet;
pub mod spoiler;
pub mod state;
pub mod stored;
pub mod types;

pub use app::{App, AppProps, PAGE_SIZE};

/// The allocator: talc is smaller in wasm than the default (dlmalloc) and as fast on the many
/// small allocations of reading a feed.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
