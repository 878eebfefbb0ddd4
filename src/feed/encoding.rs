//! Which text encoding a downloaded body is in, decided as browsers decide it: its byte-order
//! mark, else the `charset` of the response's `Content-Type`, else (for XML) the `encoding` of
//! its declaration, else UTF-8. A JSON Feed is UTF-8 by its format, whatever else is said.
//!
//! Pure: the platform decodes (`platform::decode`: the browser's `TextDecoder`, natively
//! `encoding_rs`), since only it knows which labels name which encodings.

use std::borrow::Cow;

use super::xml::{self, Syntax};
use super::Format;
use crate::error::Error;

/// How much of a body is looked at to tell what it is before it is decoded, in bytes.
const HEAD_BYTES: usize = 1024;

/// The longest encoding name repeated in a message, in characters.
const MAX_LABEL_CHARS: usize = 40;

/// The byte-order marks, and the encodings they announce.
const BOMS: [(&[u8], &str); 3] = [
    (b"\xEF\xBB\xBF", "UTF-8"),
    (b"\xFF\xFE", "UTF-16LE"),
    (b"\xFE\xFF", "UTF-16BE"),
];

/// Where the encoding a body is read in was learned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Its byte-order mark.
    Bom,
    /// The `charset` of the response's `Content-Type`.
    Header,
    /// The `encoding` of its XML declaration.
    Declaration,
    /// Nowhere: UTF-8, the default (and the one encoding of JSON Feeds).
    Default,
}

/// Why the platform couldn't decode a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// It doesn't know the encoding's label.
    UnknownLabel,
    /// The bytes aren't text in that encoding.
    Malformed,
}

/// How a downloaded body is to be decoded, and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<'a> {
    /// What the body is, by its first characters.
    pub syntax: Syntax,
    /// The feed format its root element claims, if it is XML and names one.
    pub format: Option<Format>,
    /// The encoding's label as written (`ISO-8859-1`, `utf-8`, `windows-1252`).
    pub label: &'a str,
    /// Where the label was learned.
    pub from: Source,
    /// How many bytes of byte-order mark come before the text.
    pub skip: usize,
}

/// How to decode `body`, served with `content_type`: in its byte-order mark's encoding, else
/// the header's `charset`, else (for XML) its declaration's `encoding`, else UTF-8; JSON in
/// UTF-8 only. A web page is refused here: it is no feed in any encoding.
pub fn choose<'a>(body: &'a [u8], content_type: Option<&'a str>) -> Result<Choice<'a>, Error> {
    let bom = BOMS
        .iter()
        .find(|(mark, _)| body.starts_with(mark))
        .map(|(mark, label)| (mark.len(), *label));
    let skip = bom.map_or(0, |(length, _)| length);
    let head = head(&body[skip..], bom.map(|(_, label)| label));
    let syntax = xml::sniff(&head);
    let choice = |label: &'a str, from: Source| Choice {
        syntax,
        format: xml::claimed_format(&head),
        label,
        from,
        skip,
    };
    match (syntax, bom) {
        (Syntax::Html, _) => Err(Error::WebPage),
        (Syntax::Json, Some((_, "UTF-8"))) => Ok(choice("UTF-8", Source::Bom)),
        (Syntax::Json, Some(_)) => Err(Error::JsonNotUtf8),
        (Syntax::Json, None) => Ok(choice("UTF-8", Source::Default)),
        (Syntax::Xml, Some((_, label))) => Ok(choice(label, Source::Bom)),
        (Syntax::Xml, None) => {
            let (label, from) = content_type
                .and_then(charset)
                .map(|label| (label, Source::Header))
                .or_else(|| declared(body).map(|label| (label, Source::Declaration)))
                .unwrap_or(("UTF-8", Source::Default));
            Ok(choice(label, from))
        }
    }
}

impl Choice<'_> {
    /// Whether the label is UTF-8's usual name, which needs no decoder: the bytes are checked
    /// and kept as they are.
    pub fn is_utf8(&self) -> bool {
        let label = self.label.trim();
        label.eq_ignore_ascii_case("utf-8") || label.eq_ignore_ascii_case("utf8")
    }

    /// What to tell the fan when the platform couldn't decode the body.
    pub fn error(&self, why: DecodeError) -> Error {
        let format = self.format.map(Format::name);
        let encoding = self.label.trim().chars().take(MAX_LABEL_CHARS).collect();
        match (self.syntax, why) {
            (Syntax::Json, _) => Error::JsonNotUtf8,
            (_, DecodeError::UnknownLabel) => Error::UnknownEncoding { format, encoding },
            (_, DecodeError::Malformed) => Error::Undecodable {
                format,
                encoding,
                declared: self.from != Source::Default,
            },
        }
    }
}

/// The first characters of `text` (past its byte-order mark), enough to tell what it is: in
/// UTF-16 when the mark says so, else read as UTF-8, where every encoding a declaration can be
/// written in keeps markup's ASCII as it is.
fn head<'a>(text: &'a [u8], bom: Option<&str>) -> Cow<'a, str> {
    let units = |unit: fn([u8; 2]) -> u16| -> Cow<'a, str> {
        let units = text
            .chunks_exact(2)
            .take(HEAD_BYTES)
            .map(|pair| unit([pair[0], pair[1]]));
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
            .into()
    };
    match bom {
        Some("UTF-16LE") => units(u16::from_le_bytes),
        Some("UTF-16BE") => units(u16::from_be_bytes),
        _ => String::from_utf8_lossy(&text[..text.len().min(HEAD_BYTES)]),
    }
}

/// The `charset` parameter of a `Content-Type` (`text/xml; charset="ISO-8859-1"`), if it has
/// a non-empty one.
pub fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        let value = value.trim().trim_matches('"').trim();
        (name.trim().eq_ignore_ascii_case("charset") && !value.is_empty()).then_some(value)
    })
}

/// The `encoding` of the XML declaration `body` starts with (past white space, as the reader
/// forgives), read in ASCII; `None` when there is none, or it names UTF-16, which a body whose
/// declaration reads as ASCII can't be in (browsers then read UTF-8).
pub fn declared(body: &[u8]) -> Option<&str> {
    let start = body.iter().position(|byte| !byte.is_ascii_whitespace())?;
    let declaration = body[start..].strip_prefix(b"<?xml")?;
    if !declaration.first()?.is_ascii_whitespace() {
        return None;
    }
    let end = declaration
        .windows(2)
        .take(HEAD_BYTES)
        .position(|pair| pair == b"?>")?;
    let declaration = std::str::from_utf8(&declaration[..end]).ok()?;
    let (_, after) = declaration.split_once("encoding")?;
    let value = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let (label, _) = value[1..].split_once(quote)?;
    // An encoding name is Latin letters, digits, `.`, `_` and `-` (XML's EncName).
    let name = !label.is_empty()
        && label
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'-'));
    let utf16 = label
        .get(..6)
        .is_some_and(|start| start.eq_ignore_ascii_case("utf-16"));
    (name && !utf16).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_charset_parameter_is_found_quoted_or_not() {
        assert_eq!(charset("text/xml; charset=ISO-8859-1"), Some("ISO-8859-1"));
        assert_eq!(
            charset("application/rss+xml;CHARSET=\"windows-1252\" ; q=1"),
            Some("windows-1252")
        );
        assert_eq!(charset("text/xml; format=flowed"), None);
        assert_eq!(charset("text/xml; charset="), None);
        assert_eq!(charset("text/xml"), None);
    }

    #[test]
    fn the_declaration_names_the_encoding_in_ascii() {
        fn declared(doc: &str) -> Option<&str> {
            super::declared(doc.as_bytes())
        }
        assert_eq!(
            declared("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>"),
            Some("ISO-8859-1")
        );
        assert_eq!(
            declared("\n <?xml version='1.0' encoding = 'windows-1252' ?>"),
            Some("windows-1252")
        );
        assert_eq!(declared("<?xml version=\"1.0\"?><rss/>"), None);
        assert_eq!(declared("<?xml-stylesheet encoding=\"x\"?><rss/>"), None);
        assert_eq!(
            declared("<rss><?xml version=\"1.0\" encoding=\"x\"?>"),
            None
        );
        assert_eq!(
            declared("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"),
            None
        );
        assert_eq!(declared("<?xml version=\"1.0\" encoding=\"a b\"?>"), None);
        assert_eq!(declared("<?xml version=\"1.0\" encoding=\"x"), None);
    }

    #[test]
    fn a_byte_order_mark_wins_then_the_header_then_the_declaration() {
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\xFC</rss>";
        let choice = choose(latin, Some("application/rss+xml")).unwrap();
        assert_eq!(
            (choice.label, choice.from, choice.skip),
            ("ISO-8859-1", Source::Declaration, 0)
        );
        assert_eq!(choice.format, Some(Format::Rss2));
        let choice = choose(latin, Some("text/xml; charset=windows-1252")).unwrap();
        assert_eq!(
            (choice.label, choice.from),
            ("windows-1252", Source::Header)
        );
        let marked = [&b"\xEF\xBB\xBF"[..], &latin[..]].concat();
        let choice = choose(&marked, Some("text/xml; charset=windows-1252")).unwrap();
        assert_eq!(
            (choice.label, choice.from, choice.skip),
            ("UTF-8", Source::Bom, 3)
        );
        let plain = choose(b"<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", None).unwrap();
        assert_eq!((plain.label, plain.from), ("UTF-8", Source::Default));
        assert_eq!(plain.format, Some(Format::Atom));
    }

    #[test]
    fn utf_16_is_told_by_its_mark_in_either_byte_order() {
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rdf:RDF/>";
        let units = doc.encode_utf16();
        let little: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(units.clone().flat_map(u16::to_le_bytes))
            .collect();
        let big: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(units.flat_map(u16::to_be_bytes))
            .collect();
        for (bytes, label) in [(little, "UTF-16LE"), (big, "UTF-16BE")] {
            let choice = choose(&bytes, Some("text/xml; charset=utf-8")).unwrap();
            assert_eq!(
                (choice.label, choice.from, choice.skip),
                (label, Source::Bom, 2)
            );
            assert_eq!(choice.format, Some(Format::Rss1));
        }
    }

    #[test]
    fn json_is_utf_8_whatever_the_header_says_and_a_web_page_no_feed() {
        let json = choose(
            b"{\"version\": \"\xE9\"}",
            Some("application/json; charset=latin1"),
        );
        let json = json.unwrap();
        assert_eq!((json.syntax, json.label), (Syntax::Json, "UTF-8"));
        assert_eq!(json.error(DecodeError::Malformed), Error::JsonNotUtf8);
        assert_eq!(
            choose(b"\xFF\xFE{\0}\0", None).unwrap_err(),
            Error::JsonNotUtf8
        );
        assert_eq!(
            choose(b"<!DOCTYPE html><title>\xE9</title>", None).unwrap_err(),
            Error::WebPage
        );
    }

    #[test]
    fn errors_name_the_document_and_the_encoding() {
        let unknown = choose(b"<?xml version=\"1.0\" encoding=\"x-foo\"?><rss/>", None).unwrap();
        assert_eq!(
            unknown.error(DecodeError::UnknownLabel).to_string(),
            "This RSS 2.0 feed declares the encoding \"x-foo\", which this browser can't read."
        );
        let plain = choose(b"<feed>\xFC</feed>", None).unwrap();
        assert_eq!(
            plain.error(DecodeError::Malformed).to_string(),
            "This Atom feed isn't UTF-8 text, and it declares no other encoding."
        );
        let header = choose(b"<opml>\xFC</opml>", Some("text/xml; charset=utf-8")).unwrap();
        assert_eq!(
            header.error(DecodeError::Malformed).to_string(),
            "This XML document isn't valid utf-8 text, the encoding it declares."
        );
    }
}
