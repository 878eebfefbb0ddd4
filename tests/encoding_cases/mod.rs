//! Downloaded bodies in the encodings they declare, the cases both platforms must decode
//! alike: the native suite (`tests/xml.rs`, with `encoding_rs`) and the browser suite
//! (`tests/browser_xml.rs`, with the browser's `TextDecoder`) run each of these through
//! `platform::read_download`, which every download takes.
//!
//! Each `pub fn` is one test; the suites wrap them.
#![allow(dead_code)]

use spoilerfeed::classify::Rules;
use spoilerfeed::error::Error;
use spoilerfeed::feed::{Feed, Format};
use spoilerfeed::platform::read_download;

/// A German RSS feed whose declaration ends in `declaration`, as text.
fn german_rss(declaration: &str) -> String {
    format!(
        "<?xml version=\"1.0\"{declaration}?>\n<rss version=\"2.0\"><channel>\
         <title>Grüße aus Köln</title><language>de</language>\
         <item><guid>a</guid><title>Dreharbeiten in Düsseldorf: Straße gesperrt</title>\
         <description>Schöne Grüße, Jürgen</description></item></channel></rss>"
    )
}

/// `text` in ISO-8859-1: one byte a character.
fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

/// `text` in UTF-16 after its byte-order mark, little- or big-endian.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mark: [u8; 2] = if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
    mark.into_iter()
        .chain(text.encode_utf16().flat_map(move |unit| {
            if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            }
        }))
        .collect()
}

fn read(body: Vec<u8>, content_type: Option<&str>) -> Feed {
    let (feed, _) = read_download(body, content_type, None, &Rules::default())
        .unwrap_or_else(|err| panic!("{err}"));
    feed
}

fn error(body: Vec<u8>, content_type: Option<&str>) -> Error {
    match read_download(body, content_type, None, &Rules::default()) {
        Ok((feed, _)) => panic!("read {} items, expected an error", feed.items.len()),
        Err(err) => err,
    }
}

/// Asserts that `feed` is the German feed, every umlaut right.
fn assert_german(feed: &Feed, context: &str) {
    assert_eq!(feed.title, "Grüße aus Köln", "{context}");
    let item = &feed.items[0];
    assert_eq!(
        item.title.as_deref(),
        Some("Dreharbeiten in Düsseldorf: Straße gesperrt"),
        "{context}"
    );
    assert_eq!(item.text, "Schöne Grüße, Jürgen", "{context}");
}

pub fn iso_8859_1_is_read_as_its_declaration_says() {
    let body = latin1(&german_rss(" encoding=\"ISO-8859-1\""));
    assert!(String::from_utf8(body.clone()).is_err(), "not UTF-8 text");
    for content_type in [None, Some("application/rss+xml"), Some("text/xml")] {
        assert_german(
            &read(body.clone(), content_type),
            &format!("{content_type:?}"),
        );
    }
    // Any label the Encoding standard gives it, in any case.
    for label in ["latin1", "iso-8859-1", "ISO_8859-1", "l1", "cp1252"] {
        let body = latin1(&german_rss(&format!(" encoding='{label}'")));
        assert_german(&read(body, None), label);
    }
    // The text kept for an offline copy is the decoded text, which reads the same again.
    let (_, text) = read_download(body, None, None, &Rules::default()).unwrap();
    assert!(text.contains("Grüße aus Köln"));
}

pub fn windows_1252_gives_curly_quotes_and_dashes() {
    let mut body = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n\
        <rss version=\"2.0\"><channel><title>T</title><item><guid>a</guid><title>"
        .to_vec();
    // “Quoted” — it’s €5
    body.extend_from_slice(b"\x93Quoted\x94 \x97 it\x92s \x805");
    body.extend_from_slice(b"</title></item></channel></rss>");
    let feed = read(body, Some("application/rss+xml"));
    assert_eq!(
        feed.items[0].title.as_deref(),
        Some("\u{201C}Quoted\u{201D} \u{2014} it\u{2019}s \u{20AC}5")
    );
}

pub fn utf_16_is_read_by_its_byte_order_mark_either_way() {
    let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n\
        <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\"><title>日本のファン</title>\
        <entry><id>urn:a</id><title>Grüße 🎬 “news”</title></entry></feed>";
    for little in [true, false] {
        // The mark wins over a header that says otherwise, as in browsers.
        for content_type in [None, Some("application/atom+xml; charset=utf-8")] {
            let feed = read(utf16(doc, little), content_type);
            let context = format!("little-endian {little}, {content_type:?}");
            assert_eq!(feed.format, Format::Atom, "{context}");
            assert_eq!(feed.title, "日本のファン", "{context}");
            assert_eq!(
                feed.items[0].title.as_deref(),
                Some("Grüße 🎬 “news”"),
                "{context}"
            );
        }
    }
}

pub fn the_charset_header_wins_over_the_declaration() {
    // UTF-8 text that declares ISO-8859-1 by mistake: read by the declaration, it would show
    // "GrÃ¼ÃŸe"; the server's charset wins, as in browsers.
    let body = german_rss(" encoding=\"ISO-8859-1\"").into_bytes();
    assert_german(
        &read(body, Some("application/rss+xml; charset=utf-8")),
        "UTF-8 served as such",
    );
    // And the other way round: Latin-1 bytes that declare UTF-8, served as ISO-8859-1.
    let body = latin1(&german_rss(" encoding=\"UTF-8\""));
    assert_german(
        &read(body, Some("text/xml;charset=\"ISO-8859-1\"")),
        "Latin-1 served as such",
    );
}

pub fn an_encoding_the_platform_does_not_know_is_named() {
    let body = german_rss(" encoding=\"x-foo\"").into_bytes();
    let err = error(body, None);
    assert_eq!(
        err.to_string(),
        "This RSS 2.0 feed declares the encoding \"x-foo\", which this browser can't read."
    );
    assert_eq!(
        (
            err.key(),
            spoilerfeed::components::error_card::title(&spoilerfeed::i18n::Lang::default(), &err)
        ),
        ("unknown-encoding", "Feed unreadable")
    );
    // Named by the server instead.
    let err = error(
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".to_vec(),
        Some("application/atom+xml; charset=klingon"),
    );
    assert_eq!(
        err.to_string(),
        "This Atom feed declares the encoding \"klingon\", which this browser can't read."
    );
}

pub fn bytes_that_are_not_text_in_their_encoding_say_so() {
    // Latin-1 bytes, no encoding declared: not UTF-8, the default.
    let err = error(latin1(&german_rss("")), Some("application/rss+xml"));
    assert_eq!(
        err.to_string(),
        "This RSS 2.0 feed isn't UTF-8 text, and it declares no other encoding."
    );
    assert_eq!(err.key(), "bad-encoding");
    // Declared UTF-8, but not.
    let err = error(latin1(&german_rss(" encoding=\"utf-8\"")), None);
    assert_eq!(
        err.to_string(),
        "This RSS 2.0 feed isn't valid utf-8 text, the encoding it declares."
    );
    // Half a character of UTF-16.
    let mut body = utf16("<rss version=\"2.0\"><channel/></rss>", true);
    body.extend_from_slice(&[0x3D, 0xD8]);
    assert!(matches!(
        error(body, None),
        Error::Undecodable {
            format: Some("RSS 2.0"),
            declared: true,
            ..
        }
    ));
    // Never "isn't JSON" for XML.
    for body in [latin1(&german_rss("")), latin1("<opml>Grüße</opml>")] {
        let message = error(body, None).to_string();
        assert!(!message.contains("JSON"), "{message}");
    }
}

pub fn a_json_feed_must_be_utf_8() {
    let json =
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Grüße\", \"items\": []}";
    let expected = "This JSON Feed isn't UTF-8 text, as JSON Feeds must be.";
    for content_type in [None, Some("application/feed+json; charset=ISO-8859-1")] {
        let err = error(latin1(json), content_type);
        assert_eq!(err.to_string(), expected, "{content_type:?}");
        assert_eq!(err.key(), "bad-encoding");
    }
    assert_eq!(error(utf16(json, true), None).to_string(), expected);
    // In UTF-8 it reads, whatever the header says, with or without a byte-order mark.
    let marked = [&b"\xEF\xBB\xBF"[..], json.as_bytes()].concat();
    for body in [json.as_bytes().to_vec(), marked] {
        let feed = read(body, Some("application/feed+json; charset=ISO-8859-1"));
        assert_eq!(feed.title, "Grüße");
    }
}

pub fn a_web_page_is_no_feed_in_any_encoding() {
    let err = error(
        latin1("<!DOCTYPE html><title>Grüße</title>"),
        Some("text/html"),
    );
    assert_eq!(
        err.to_string(),
        "This isn't a feed: the server sent a web page (HTML)."
    );
    assert_eq!(err.key(), "not-a-feed");
}

/// Every wild feed (`tests/fixtures/wild/`, JSON too) still loads from its bytes, with or
/// without a charset, and gives the same feed as its text does.
pub fn wild_feeds_load_from_their_bytes() {
    for (name, doc) in WILD {
        for content_type in [None, Some("application/xml; charset=utf-8")] {
            let (feed, text) = read_download(doc.to_vec(), content_type, None, &Rules::default())
                .unwrap_or_else(|err| panic!("{name}: {err}"));
            assert!(!feed.items.is_empty(), "{name}");
            assert_eq!(text.as_bytes(), doc, "{name}");
            let again = spoilerfeed::platform::read_feed(&text, None, &Rules::default()).unwrap();
            assert_eq!(again, feed, "{name}");
        }
    }
}

/// The wild feeds, as served.
const WILD: [(&str, &[u8]); 8] = [
    (
        "rss_2.0_wirecutter.xml",
        include_bytes!("../fixtures/wild/rss_2.0_wirecutter.xml"),
    ),
    (
        "rss_2.0_cloudflare.xml",
        include_bytes!("../fixtures/wild/rss_2.0_cloudflare.xml"),
    ),
    (
        "rss_2.0_spiegel.xml",
        include_bytes!("../fixtures/wild/rss_2.0_spiegel.xml"),
    ),
    (
        "rss_1.0_debian.xml",
        include_bytes!("../fixtures/wild/rss_1.0_debian.xml"),
    ),
    (
        "atom_mediarss_youtube_1.xml",
        include_bytes!("../fixtures/wild/atom_mediarss_youtube_1.xml"),
    ),
    (
        "atom_spec_1.xml",
        include_bytes!("../fixtures/wild/atom_spec_1.xml"),
    ),
    (
        "exadrums-news-excerpt.json",
        include_bytes!("../fixtures/wild/exadrums-news-excerpt.json"),
    ),
    (
        "spaceastronaut-blog.json",
        include_bytes!("../fixtures/wild/spaceastronaut-blog.json"),
    ),
];
