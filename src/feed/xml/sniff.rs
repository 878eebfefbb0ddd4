//! Format sniffing: whether a downloaded body is JSON, XML or a web page, and which feed
//! format an XML document claims, judged by its first characters.

use crate::error::Error;
use crate::feed::Format;

/// What a downloaded body is, judged by its first characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// Anything that doesn't start with markup: read as JSON.
    Json,
    /// XML markup: read as RSS or Atom.
    Xml,
    /// A web page.
    Html,
}

/// Tells JSON, XML and HTML apart: past a byte-order mark, white space, the XML declaration,
/// processing instructions, comments and a document type, by the root element's name.
pub fn sniff(body: &str) -> Syntax {
    match prolog(body) {
        Prolog::NotMarkup => Syntax::Json,
        Prolog::HtmlDoctype => Syntax::Html,
        Prolog::Root(name) if name.eq_ignore_ascii_case("html") => Syntax::Html,
        Prolog::Root(_) => Syntax::Xml,
    }
}

/// Whether a body starts like an XML document rather than JSON or a web page.
pub fn looks_like_xml(body: &str) -> bool {
    sniff(body) == Syntax::Xml
}

/// The document without the byte-order mark and white space before its first `<`, and how
/// many lines those took.
pub fn skip_leading_space(body: &str) -> (&str, u32) {
    let start = body.trim_start_matches(|c: char| c == '\u{FEFF}' || c.is_whitespace());
    let skipped = &body[..body.len() - start.len()];
    (start, skipped.matches('\n').count() as u32)
}

/// The feed format a document's root element claims, read from its first characters, for
/// the message about a document that isn't well-formed.
pub fn claimed_format(body: &str) -> Option<Format> {
    match prolog(body) {
        Prolog::Root(name) => {
            let local = name.rsplit(':').next().unwrap_or(name);
            match local {
                "rss" => Some(Format::Rss2),
                "RDF" => Some(Format::Rss1),
                "feed" => Some(Format::Atom),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The error for a document the parser refused, at `line` when the parser says.
pub fn not_well_formed(body: &str, line: Option<u32>) -> Error {
    Error::NotXml {
        format: claimed_format(body).map(Format::name),
        line,
    }
}

/// What comes first in a document.
enum Prolog<'a> {
    /// Not markup at all.
    NotMarkup,
    /// `<!DOCTYPE html>`.
    HtmlDoctype,
    /// The root element's name, as written (with its prefix).
    Root(&'a str),
}

/// Skips what may come before the root element and returns what follows.
fn prolog(body: &str) -> Prolog<'_> {
    let mut rest = body.trim_start_matches('\u{FEFF}');
    let mut first = true;
    loop {
        rest = rest.trim_start();
        let Some(after) = rest.strip_prefix('<') else {
            // Text after a declaration or comment is XML gone wrong, not JSON.
            return if first {
                Prolog::NotMarkup
            } else {
                Prolog::Root("")
            };
        };
        first = false;
        if let Some(after) = after.strip_prefix('?') {
            rest = after.find("?>").map_or("", |end| &after[end + 2..]);
        } else if let Some(after) = after.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if let Some(after) = after.strip_prefix('!') {
            let doctype = after
                .get(..7)
                .is_some_and(|word| word.eq_ignore_ascii_case("doctype"));
            let name = after.get(7..).unwrap_or_default().trim_start();
            if doctype
                && name
                    .get(..4)
                    .is_some_and(|n| n.eq_ignore_ascii_case("html"))
            {
                return Prolog::HtmlDoctype;
            }
            // An internal subset may hold `>`s: skip to its `]` first.
            let end = match (after.find('['), after.find('>')) {
                (Some(open), Some(close)) if open < close => {
                    after[open..].find(']').and_then(|bracket| {
                        after[open + bracket..]
                            .find('>')
                            .map(|c| open + bracket + c)
                    })
                }
                (_, close) => close,
            };
            rest = end.map_or("", |end| &after[end + 1..]);
        } else {
            let end = after
                .find(|c: char| c.is_whitespace() || matches!(c, '>' | '/'))
                .unwrap_or(after.len());
            return Prolog::Root(&after[..end]);
        }
        if rest.is_empty() {
            return Prolog::Root("");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_their_first_characters() {
        for (body, syntax) in [
            ("{\"version\": 1}", Syntax::Json),
            ("", Syntax::Json),
            ("Service unavailable", Syntax::Json),
            ("\u{FEFF}  <rss version=\"2.0\">", Syntax::Xml),
            (
                "<?xml version=\"1.0\"?>\n<!-- a <b> -->\n<feed xmlns=\"x\"/>",
                Syntax::Xml,
            ),
            (
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"<b>\">]><rss/>",
                Syntax::Xml,
            ),
            ("<!doctype html><html><body>404</body></html>", Syntax::Html),
            (
                "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
                Syntax::Html,
            ),
            ("<?xml version=\"1.0\"?><html xmlns=\"x\">", Syntax::Html),
            ("  <HTML>", Syntax::Html),
            ("<p>Not found</p>", Syntax::Xml),
            ("<?xml version=\"1.0\"?>\nNot found", Syntax::Xml),
        ] {
            assert_eq!(sniff(body), syntax, "{body:?}");
        }
        assert_eq!(
            claimed_format("<?xml version=\"1.0\"?><rss>"),
            Some(Format::Rss2)
        );
        assert_eq!(
            claimed_format("<rdf:RDF xmlns:rdf=\"x\">"),
            Some(Format::Rss1)
        );
        assert_eq!(claimed_format("<feed>"), Some(Format::Atom));
        assert_eq!(claimed_format("<opml>"), None);
    }
}
