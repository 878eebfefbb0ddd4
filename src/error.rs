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
    /// The body starts as XML but isn't well-formed: the format its root claims, if it
    /// names one, and the line the parser stopped at, if it says.
    #[error("{}", not_xml(*.format, *.line))]
    NotXml {
        /// The name of the format the root element claims ("RSS 2.0", "Atom").
        format: Option<&'static str>,
        /// The line the parser stopped at.
        line: Option<u32>,
    },
    /// The body is XML but not an RSS or Atom feed.
    #[error("This XML isn't a feed: {0}.")]
    NotXmlFeed(String),
    /// The server sent a web page where the feed should be.
    #[error("This isn't a feed: the server sent a web page (HTML).")]
    WebPage,
    /// The body is JSON but not UTF-8, the one encoding JSON Feeds are written in.
    #[error("This JSON Feed isn't UTF-8 text, as JSON Feeds must be.")]
    JsonNotUtf8,
    /// An XML body names an encoding the platform can't decode: the format its root claims,
    /// if it names one, and the encoding as named.
    #[error("{}", unknown_encoding(*.format, .encoding))]
    UnknownEncoding {
        /// The name of the format the root element claims ("RSS 2.0", "Atom").
        format: Option<&'static str>,
        /// The encoding, as the document or its server named it.
        encoding: String,
    },
    /// An XML body isn't text in the encoding it is read in.
    #[error("{}", undecodable(*.format, .encoding, *.declared))]
    Undecodable {
        /// The name of the format the root element claims ("RSS 2.0", "Atom").
        format: Option<&'static str>,
        /// The encoding it was read in.
        encoding: String,
        /// Whether the document or its server named it (else it is UTF-8, the default).
        declared: bool,
    },
    /// A bug in the widget; details go to the browser console.
    #[error("Something went wrong inside the widget. Reloading the page may help.")]
    Internal,
}

impl Error {
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
            Error::NotXml { .. } => "not-xml",
            Error::NotXmlFeed(_) => "not-xml-feed",
            Error::WebPage => "not-a-feed",
            Error::UnknownEncoding { .. } => "unknown-encoding",
            Error::JsonNotUtf8 | Error::Undecodable { .. } => "bad-encoding",
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

fn not_xml(format: Option<&str>, line: Option<u32>) -> String {
    let what = match format {
        Some(format) => format!("This {format} feed"),
        None => "This".to_owned(),
    };
    match line {
        Some(line) => format!("{what} isn't well-formed XML: line {line}."),
        None => format!("{what} isn't well-formed XML."),
    }
}

/// "This RSS 2.0 feed", or "This XML document" when its root names no format.
fn this(format: Option<&str>) -> String {
    match format {
        Some(format) => format!("This {format} feed"),
        None => "This XML document".to_owned(),
    }
}

fn unknown_encoding(format: Option<&str>, encoding: &str) -> String {
    format!(
        "{} declares the encoding \"{encoding}\", which this browser can't read.",
        this(format)
    )
}

fn undecodable(format: Option<&str>, encoding: &str, declared: bool) -> String {
    if declared {
        format!(
            "{} isn't valid {encoding} text, the encoding it declares.",
            this(format)
        )
    } else {
        format!(
            "{} isn't UTF-8 text, and it declares no other encoding.",
            this(format)
        )
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

    #[test]
    fn xml_messages_say_which_format_and_line() {
        let not_xml = |format, line| Error::NotXml { format, line }.to_string();
        assert_eq!(
            not_xml(Some("RSS 2.0"), Some(12)),
            "This RSS 2.0 feed isn't well-formed XML: line 12."
        );
        assert_eq!(
            not_xml(None, Some(1)),
            "This isn't well-formed XML: line 1."
        );
        assert_eq!(
            not_xml(Some("Atom"), None),
            "This Atom feed isn't well-formed XML."
        );
        assert_eq!(
            Error::NotXmlFeed("its root element is <html>".into()).to_string(),
            "This XML isn't a feed: its root element is <html>."
        );
    }

    #[test]
    fn megabytes_round_to_a_tenth() {
        assert_eq!(megabytes(5 * 1_048_576), "5 MB");
        assert_eq!(megabytes(5_767_168), "5.5 MB");
        assert_eq!(megabytes(1000), "0 MB");
    }
}
