//! The character-reference cases both decoders must read alike: the native suite
//! (`tests/references.rs`, html-escape's table) and the browser suite
//! (`tests/browser_references.rs`, the browser's own HTML parser) run each of these.
//!
//! Each `pub fn` is one test; the suites wrap them.
#![allow(dead_code)]

use spoilerfeed::classify::Rules;
use spoilerfeed::feed::text::{decode_references, html_to_text};
use spoilerfeed::platform::read_feed;

/// Numeric references and named ones, from the common to the rare, each decoded.
pub fn references_are_decoded() {
    assert_eq!(
        decode_references("A &#8211; B &#x2019; &#038; &amp; &hellip; &reg;"),
        "A – B ’ & & … ®"
    );
    assert_eq!(
        decode_references("V&eacute;cna &uuml;ber Espa&ntilde;a &Ccedil;a &hearts;"),
        "Vécna über España Ça ♥"
    );
    // Long names, capitals, white space.
    assert_eq!(
        decode_references("&CounterClockwiseContourIntegral; &AMP;&nbsp;&#9;&#x0A;"),
        "∳ &\u{A0}\t\n"
    );
    assert_eq!(
        html_to_text("&#39;x&#x27; &bogus; &#0;"),
        "'x' &bogus; &#0;"
    );
}

/// What a reference decodes to is text: never decoded again, never markup.
pub fn references_are_decoded_once() {
    assert_eq!(decode_references("&amp;#8211; &amp;amp;"), "&#8211; &amp;");
    assert_eq!(decode_references("&amp;lt;b&amp;gt;"), "&lt;b&gt;");
    assert_eq!(decode_references("<b>&lt;i&gt;</b>"), "<b><i></b>");
    assert_eq!(html_to_text("<p>A &#8211; &amp;#8211;</p>"), "A – &#8211;");
    assert_eq!(
        html_to_text(
            "<p>Filming is <b>halfway</b> done &amp; going well.</p><p>More &lt;soon&gt;</p>"
        ),
        "Filming is halfway done & going well.\n\nMore <soon>"
    );
}

/// What is not a complete reference, with its `;`, is text as written.
pub fn incomplete_and_unknown_references_stay() {
    assert_eq!(
        decode_references("&bogus; &#0; & ; &#xZZ; &amp"),
        "&bogus; &#0; & ; &#xZZ; &amp"
    );
    assert_eq!(
        decode_references("&#x110000; &#xD800; &#99999999999; &#1; &#x1F; &#; &#x;"),
        "&#x110000; &#xD800; &#99999999999; &#1; &#x1F; &#; &#x;"
    );
    // A name that only begins with one HTML also knows without `;` is no reference.
    assert_eq!(
        decode_references("&notit; &ampx; &not;"),
        "&notit; &ampx; ¬"
    );
    // A lone `&` doesn't take the reference after it along.
    assert_eq!(
        decode_references("Fish & Chips &amp; more, R&D&amp;Co"),
        "Fish & Chips & more, R&D&Co"
    );
    assert_eq!(html_to_text("&am<b></b>p; &#3<i>9;</i>"), "&amp; &#39;");
}

/// Markup in feed text, escaped or written around a would-be reference, stays text.
pub fn markup_stays_text() {
    let payload = "<img src=x onerror=\"document.body.dataset.decoded='yes'\">";
    let escaped = payload
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    assert_eq!(
        decode_references(&format!("{escaped} &amp;")),
        format!("{payload} &")
    );
    assert_eq!(
        decode_references("&x\"><img src=x onerror=alert(1)>; &a<img>;"),
        "&x\"><img src=x onerror=alert(1)>; &a<img>;"
    );
    assert_eq!(
        html_to_text(&format!("{payload}&amp;{escaped}")),
        format!("&{payload}")
    );
}

/// A JSON Feed's title, text and tags decoded through the one entry every download takes.
pub fn a_feed_s_text_is_decoded() {
    let json = r#"{
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Tom &amp; Jerry &#8211; News",
        "items": [{
            "id": "1",
            "title": "Caf&eacute; &lt;b&gt;scene&lt;/b&gt; &amp;amp; more",
            "content_html": "<p>Rain &amp; <b>wind</b> &hellip;</p><p>&copy; 2025</p>",
            "tags": ["Behind &amp; beyond"]
        }]
    }"#;
    let feed = read_feed(json, None, &Rules::default()).unwrap();
    assert_eq!(feed.title, "Tom & Jerry – News");
    let item = &feed.items[0];
    assert_eq!(item.title.as_deref(), Some("Café <b>scene</b> &amp; more"));
    assert_eq!(item.text, "Rain & wind …\n\n© 2025");
    assert_eq!(item.tags, ["Behind & beyond"]);
}
