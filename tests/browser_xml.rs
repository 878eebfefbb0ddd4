//! RSS and Atom in a real browser: the cases of `tests/xml_cases/mod.rs` read through the
//! browser's own `DOMParser` (`platform::read_feed`, as every download is), the bodies in
//! other encodings of `tests/encoding_cases/mod.rs` decoded by its `TextDecoder`, hostile XML that
//! only a browser parser can show safe (entities, a DTD, external entities), and an RSS feed
//! mounted in a widget and fetched from a `blob:` URL, whose markup never reaches the page.
//!
//! Same harness as `tests/browser.rs` (`tests/browser_support/mod.rs`). Run with
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p spoilerfeed --target
//! wasm32-unknown-unknown --test browser_xml`.
#![cfg(target_arch = "wasm32")]

// The shared harness: this file uses only part of it.
#[allow(dead_code)]
mod browser_support;
mod encoding_cases;
mod xml_cases;

use browser_support::{clean_page, page_html, props, FeedUrl, Widget};
use spoilerfeed::config::Overrides;
use spoilerfeed::types::Level;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The longest any wait polls before the test fails (generous: the machine may be busy).
const WAIT_MS: f64 = 20_000.0;

/// Marks the elements this file's widgets are mounted on, so a clean page drops them.
const ROOT_MARK: &str = "data-browser-xml-root";

#[wasm_bindgen_test]
fn rss_2_items_map_onto_the_model() {
    xml_cases::rss_2_items_map_onto_the_model();
}

#[wasm_bindgen_test]
fn ids_fall_back_to_the_link_then_to_a_stable_made_up_id() {
    xml_cases::ids_fall_back_to_the_link_then_to_a_stable_made_up_id();
}

#[wasm_bindgen_test]
fn an_unreadable_date_leaves_the_item_undated_and_last() {
    xml_cases::an_unreadable_date_leaves_the_item_undated_and_last();
}

#[wasm_bindgen_test]
fn rss_1_items_are_the_channels_siblings() {
    xml_cases::rss_1_items_are_the_channels_siblings();
}

#[wasm_bindgen_test]
fn atom_text_html_and_xhtml_are_all_read_as_text() {
    xml_cases::atom_text_html_and_xhtml_are_all_read_as_text();
}

#[wasm_bindgen_test]
fn the_spoiler_extension_is_matched_by_its_namespace() {
    xml_cases::the_spoiler_extension_is_matched_by_its_namespace();
}

#[wasm_bindgen_test]
fn the_host_pages_tag_levels_win_over_the_feeds() {
    xml_cases::the_host_pages_tag_levels_win_over_the_feeds();
}

#[wasm_bindgen_test]
fn a_wordpress_feed_with_the_host_pages_tag_levels() {
    xml_cases::a_wordpress_feed_with_the_host_pages_tag_levels();
}

#[wasm_bindgen_test]
fn wild_xml_feeds_load_and_every_item_is_a_major_spoiler() {
    xml_cases::wild_xml_feeds_load_and_every_item_is_a_major_spoiler();
}

#[wasm_bindgen_test]
fn wild_xml_feeds_give_their_dates_authors_and_images() {
    xml_cases::wild_xml_feeds_give_their_dates_authors_and_images();
}

#[wasm_bindgen_test]
fn space_before_the_xml_declaration_is_forgiven() {
    xml_cases::space_before_the_xml_declaration_is_forgiven();
}

#[wasm_bindgen_test]
fn xml_that_is_not_well_formed_says_so_with_its_line() {
    let lines = xml_cases::xml_that_is_not_well_formed_says_so_with_its_line();
    // The wrong closing tag is on line 2 for every parser.
    assert_eq!(lines[2], 2);
}

#[wasm_bindgen_test]
fn other_documents_get_their_own_messages() {
    xml_cases::other_documents_get_their_own_messages();
}

#[wasm_bindgen_test]
fn entity_expansion_is_refused_and_external_entities_are_never_loaded() {
    xml_cases::entity_expansion_is_refused_and_external_entities_are_never_loaded();
}

#[wasm_bindgen_test]
fn markup_in_xml_feeds_comes_out_as_plain_text() {
    xml_cases::markup_in_xml_feeds_comes_out_as_plain_text();
}

#[wasm_bindgen_test]
fn deep_nesting_is_cut_off_without_overflowing_the_stack() {
    xml_cases::deep_nesting_is_cut_off_without_overflowing_the_stack();
}

#[wasm_bindgen_test]
fn entities_declared_in_the_document_are_text_and_unknown_ones_an_error() {
    xml_cases::entities_declared_in_the_document_are_text_and_unknown_ones_an_error();
}

/// An RSS feed whose every field tries to put markup or a script on the page.
const HOSTILE_RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:sf="urn:spoilerfeed:1">
<channel>
  <title>&lt;img src=x onerror="window.__xmlPwned=1"&gt;News</title>
  <link>javascript:window.__xmlPwned=2</link>
  <sf:default-level>none</sf:default-level>
  <item>
    <guid>hostile-1</guid>
    <title><![CDATA[<script>window.__xmlPwned=3</script>Headline]]></title>
    <link>javascript:window.__xmlPwned=4</link>
    <description><![CDATA[<img src=x onerror="window.__xmlPwned=5"><p>Body text</p>]]></description>
    <content:encoded><![CDATA[<p>Full <b>body</b></p><script>window.__xmlPwned=6</script><svg onload="window.__xmlPwned=7"></svg>]]></content:encoded>
    <category><![CDATA[<i onmouseover="window.__xmlPwned=8">tag</i>]]></category>
    <enclosure url="javascript:window.__xmlPwned=9" type="image/png"/>
  </item>
</channel>
</rss>"#;

#[wasm_bindgen_test]
async fn a_hostile_rss_feed_shows_its_markup_as_text_and_runs_nothing() {
    clean_page();
    let feed = FeedUrl::blob(HOSTILE_RSS, "application/rss+xml");
    let widget = Widget::mount_until(
        props(&feed.0, Overrides::default()),
        "the card of the hostile item",
        |widget| widget.card_ids() == ["hostile-1"],
    )
    .await;
    let card = widget.one("[data-testid=card]").unwrap();
    let text = card.text_content().unwrap_or_default();
    assert!(
        text.contains("<script>window.__xmlPwned=3</script>Headline"),
        "{text}"
    );
    assert!(text.contains("Full body"), "{text}");
    for selector in [
        "script",
        "img",
        "svg",
        "i",
        "[onerror]",
        "[onload]",
        "[onmouseover]",
    ] {
        assert!(
            card.query_selector(selector).unwrap().is_none(),
            "the card holds {selector}"
        );
    }
    let html = page_html();
    assert!(
        !html.contains("javascript:"),
        "a script link reached the page"
    );
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"__xmlPwned".into()).unwrap();
    assert!(pwned.is_undefined(), "the feed ran a script: {pwned:?}");
    widget.remove().await;
    feed.revoke();
}

#[wasm_bindgen_test]
async fn an_rss_feed_with_no_levels_is_hidden_until_the_fan_picks_major() {
    clean_page();
    let (_, doc, _) = xml_cases::WILD_XML[0];
    let feed = FeedUrl::blob(doc, "application/rss+xml; charset=utf-8");
    let count = xml_cases::entries_in(doc);
    let widget = Widget::mount_until(
        props(&feed.0, Overrides::default()),
        "the placeholders of the wild feed",
        |widget| widget.all("[data-testid=placeholder]").len() == count,
    )
    .await;
    assert!(widget.card_ids().is_empty());
    widget.remove().await;
    let widget = Widget::mount_until(
        props(
            &feed.0,
            Overrides {
                level: Some(Level::Major),
                ..Overrides::default()
            },
        ),
        "the cards of the wild feed",
        |widget| widget.card_ids().len() == count,
    )
    .await;
    assert!(widget.all("[data-testid=placeholder]").is_empty());
    widget.remove().await;
    feed.revoke();
}

#[wasm_bindgen_test]
fn iso_8859_1_is_read_as_its_declaration_says() {
    encoding_cases::iso_8859_1_is_read_as_its_declaration_says();
}

#[wasm_bindgen_test]
fn windows_1252_gives_curly_quotes_and_dashes() {
    encoding_cases::windows_1252_gives_curly_quotes_and_dashes();
}

#[wasm_bindgen_test]
fn utf_16_is_read_by_its_byte_order_mark_either_way() {
    encoding_cases::utf_16_is_read_by_its_byte_order_mark_either_way();
}

#[wasm_bindgen_test]
fn the_charset_header_wins_over_the_declaration() {
    encoding_cases::the_charset_header_wins_over_the_declaration();
}

#[wasm_bindgen_test]
fn an_encoding_the_platform_does_not_know_is_named() {
    encoding_cases::an_encoding_the_platform_does_not_know_is_named();
}

#[wasm_bindgen_test]
fn bytes_that_are_not_text_in_their_encoding_say_so() {
    encoding_cases::bytes_that_are_not_text_in_their_encoding_say_so();
}

#[wasm_bindgen_test]
fn a_json_feed_must_be_utf_8() {
    encoding_cases::a_json_feed_must_be_utf_8();
}

#[wasm_bindgen_test]
fn a_web_page_is_no_feed_in_any_encoding() {
    encoding_cases::a_web_page_is_no_feed_in_any_encoding();
}

#[wasm_bindgen_test]
fn wild_feeds_load_from_their_bytes() {
    encoding_cases::wild_feeds_load_from_their_bytes();
}
