//! Everything that can stop the widget from showing a feed, worded for the fan who sees it.

use thiserror::Error;

/// Why a feed could not be shown; rendered by the error card.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum Error {
    /// The page gave no feed to show.
    #[error("No feed was given: add ?feed=URL to the address, or a src attribute.")]
    NoFeed,
    /// The request never got an answer (offline, DNS, refused, or blocked by CORS).
    #[error("Couldn't reach the feed. You may be offline, or the feed's server doesn't allow this site to read it (CORS).")]
    Network,
    /// The server answered with an error status.
    #[error("The feed's server answered with HTTP {status}{}.", reason_suffix(.reason))]
    Http {
        /// The HTTP status code.
        status: u16,
        /// The status text, if the server sent one.
        reason: String,
    },
    /// The server took too long.
    #[error("The feed didn't answer within {0} seconds.")]
    Timeout(u32),
    /// The body is larger than the configured limit.
    #[error("{}", too_large(*.size, *.limit))]
    TooLarge {
        /// The body's size in bytes, when the server said it.
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// The browser is offline.
    #[error("You're offline, so the feed couldn't be loaded.")]
    Offline,
    /// The body is not JSON at all.
    #[error("This isn't JSON: {0}.")]
    NotJson(String),
    /// The body is JSON but not a JSON Feed.
    #[error("This isn't a JSON Feed: {0}.")]
    NotJsonFeed(String),
    /// A bug in the widget; details go to the browser console.
    #[error("Something went wrong inside the widget. Reloading the page may help.")]
    Internal,
}

impl Error {
    /// A short heading for the error card.
    pub fn title(&self) -> &'static str {
        match self {
            Error::NoFeed => "No feed",
            Error::Network | Error::Timeout(_) | Error::Offline => "Feed unreachable",
            Error::Http { .. } => "Feed unavailable",
            Error::TooLarge { .. } => "Feed too large",
            Error::NotJson(_) | Error::NotJsonFeed(_) => "Feed unreadable",
            Error::Internal => "Widget error",
        }
    }

    /// A stable keyword for host pages (the `spoilerfeed:error` event's `detail.error`).
    pub fn key(&self) -> &'static str {
        match self {
            Error::NoFeed => "no-feed",
            Error::Network => "network",
            Error::Offline => "offline",
            Error::Http { .. } => "http",
            Error::Timeout(_) => "timeout",
            Error::TooLarge { .. } => "too-large",
            Error::NotJson(_) => "not-json",
            Error::NotJsonFeed(_) => "not-json-feed",
            Error::Internal => "internal",
        }
    }

    /// Whether trying again could help.
    pub fn retryable(&self) -> bool {
        !matches!(self, Error::NoFeed)
    }
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!(
            "This feed is {}; the limit is {}.",
            megabytes(size),
            megabytes(limit)
        ),
        None => format!("This feed is larger than the {} limit.", megabytes(limit)),
    }
}

fn reason_suffix(reason: &str) -> String {
    if reason.is_empty() {
        String::new()
    } else {
        format!(" ({reason})")
    }
}

/// Formats a byte count as megabytes with at most one decimal ("12 MB", "5.5 MB").
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// Whether a crash's stack trace (a `WebAssembly.RuntimeError`'s `stack`) says it stopped in
/// the module loaded by the glue at `glue`: the frame where the trap happened, the innermost
/// wasm frame, names this module's wasm (`x_bg.wasm` for the glue `x.js`) or its glue
/// (Firefox, for a module not compiled while it streamed). Where that frame names no module
/// (Safari's `[wasm code]`, Chrome's `wasm://wasm/…`), the frame that called into the wasm
/// decides. Frames further out don't count: a host page's listener that crashes another
/// module while this one dispatches an event has this module's frames below its own.
pub fn crashed_here(stack: &str, glue: &str) -> bool {
    let wasm = glue
        .strip_suffix(".js")
        .map(|base| format!("{base}_bg.wasm"));
    let names_this_module = |frame: &str| {
        frame.contains(glue)
            || wasm
                .as_ref()
                .is_some_and(|wasm| frame.contains(wasm.as_str()))
    };
    let is_wasm = |frame: &str| frame.contains("wasm-function[");
    let mut frames = stack.lines().skip_while(|frame| !is_wasm(frame));
    let Some(trap) = frames.next() else {
        return false;
    };
    if names_this_module(trap) {
        return true;
    }
    let anonymous = trap.contains("[wasm code]") || trap.contains("wasm://");
    // The caller: the next frame with a place in a script (stubs between name none).
    anonymous
        && frames
            .find(|frame| !is_wasm(frame) && !frame.contains(" code]"))
            .is_some_and(names_this_module)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_failed() {
        assert_eq!(
            Error::TooLarge {
                size: Some(12 * 1_048_576),
                limit: 5 * 1_048_576
            }
            .to_string(),
            "This feed is 12 MB; the limit is 5 MB."
        );
        assert_eq!(
            Error::TooLarge {
                size: None,
                limit: 5 * 1_048_576
            }
            .to_string(),
            "This feed is larger than the 5 MB limit."
        );
        assert_eq!(
            Error::Http {
                status: 404,
                reason: "Not Found".into()
            }
            .to_string(),
            "The feed's server answered with HTTP 404 (Not Found)."
        );
        assert_eq!(
            Error::Http {
                status: 500,
                reason: String::new()
            }
            .to_string(),
            "The feed's server answered with HTTP 500."
        );
        assert_eq!(
            Error::NotJsonFeed("items must be a list".into()).to_string(),
            "This isn't a JSON Feed: items must be a list."
        );
    }

    const GLUE: &str = "https://widgets.example/sf/spoilerfeed.js";

    #[test]
    fn a_trap_in_this_modules_wasm_is_a_crash_here() {
        let chrome = "RuntimeError: unreachable
    at https://widgets.example/sf/spoilerfeed_bg.wasm:wasm-function[794]:0x35615
    at https://widgets.example/sf/spoilerfeed_bg.wasm:wasm-function[12]:0x1234
    at HTMLButtonElement.real (https://widgets.example/sf/spoilerfeed.js:1:4567)";
        assert!(crashed_here(chrome, GLUE));
        let firefox = "@https://widgets.example/sf/spoilerfeed_bg.wasm:wasm-function[794]:0x35615
real@https://widgets.example/sf/spoilerfeed.js:1:4567";
        assert!(crashed_here(firefox, GLUE));
        // Firefox, for a module instantiated from its bytes: the glue's line names it.
        let bytes = "@https://widgets.example/sf/spoilerfeed.js line 1 > WebAssembly.instantiate:wasm-function[794]:0x35615";
        assert!(crashed_here(bytes, GLUE));
        // Frames that name no module: the glue called into the wasm.
        let safari = "<?>.wasm-function[794]@[wasm code]
<?>.wasm-function[12]@[wasm code]
wasm-stub@[native code]
real@https://widgets.example/sf/spoilerfeed.js:1:4567";
        assert!(crashed_here(safari, GLUE));
        let unnamed = "RuntimeError: unreachable
    at wasm://wasm/6a3b2c1e:wasm-function[794]:0x35615
    at real (https://widgets.example/sf/spoilerfeed.js:1:4567)";
        assert!(crashed_here(unnamed, GLUE));
    }

    #[test]
    fn another_modules_trap_is_not_a_crash_here_even_inside_this_modules_event() {
        // A host listener crashed its own module while this widget dispatched an event.
        let nested = "RuntimeError: unreachable
    at https://fans.example/game_bg.wasm:wasm-function[3]:0x99
    at HTMLElement.<anonymous> (https://fans.example/site.js:10:5)
    at https://widgets.example/sf/spoilerfeed.js:1:999
    at https://widgets.example/sf/spoilerfeed_bg.wasm:wasm-function[40]:0x2000";
        assert!(!crashed_here(nested, GLUE));
        let anonymous = "RuntimeError: unreachable
    at wasm://wasm/0badf00d:wasm-function[3]:0x99
    at HTMLElement.<anonymous> (https://fans.example/site.js:10:5)
    at https://widgets.example/sf/spoilerfeed.js:1:999";
        assert!(!crashed_here(anonymous, GLUE));
        // No wasm frame at all: a script threw it.
        let script = "RuntimeError: unreachable
    at https://widgets.example/sf/spoilerfeed.js:1:999";
        assert!(!crashed_here(script, GLUE));
        assert!(!crashed_here("", GLUE));
        // A module of the same name elsewhere is another module.
        let elsewhere = "    at https://other.example/spoilerfeed_bg.wasm:wasm-function[1]:0x10";
        assert!(!crashed_here(elsewhere, GLUE));
    }

    #[test]
    fn megabytes_round_to_a_tenth() {
        assert_eq!(megabytes(5 * 1_048_576), "5 MB");
        assert_eq!(megabytes(5_767_168), "5.5 MB");
        assert_eq!(megabytes(1000), "0 MB");
    }
}
