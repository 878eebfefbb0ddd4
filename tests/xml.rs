//! Reading RSS 2.0, RSS 1.0 and Atom natively (roxmltree) through the one entry every
//! download takes, `platform::read_feed`: the cases of `tests/xml_cases/mod.rs` (which
//! `tests/browser_xml.rs` runs through the browser's parser), the bodies in other encodings
//! of `tests/encoding_cases/mod.rs` (decoded by `encoding_rs` here, `TextDecoder` there), plus the exact lines the parser
//! reports, the rendered cards of a hostile feed, and deep nesting on a small stack.

// Native only: the browser suite is `browser_xml.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod encoding_cases;
mod xml_cases;

use spoilerfeed::classify::Rules;
use spoilerfeed::platform::read_feed;
use spoilerfeed::types::Level;

#[test]
fn rss_2_items_map_onto_the_model() {
    xml_cases::rss_2_items_map_onto_the_model();
}

#[test]
fn ids_fall_back_to_the_link_then_to_a_stable_made_up_id() {
    xml_cases::ids_fall_back_to_the_link_then_to_a_stable_made_up_id();
}

#[test]
fn an_unreadable_date_leaves_the_item_undated_and_last() {
    xml_cases::an_unreadable_date_leaves_the_item_undated_and_last();
}

#[test]
fn rss_1_items_are_the_channels_siblings() {
    xml_cases::rss_1_items_are_the_channels_siblings();
}

#[test]
fn atom_text_html_and_xhtml_are_all_read_as_text() {
    xml_cases::atom_text_html_and_xhtml_are_all_read_as_text();
}

#[test]
fn the_spoiler_extension_is_matched_by_its_namespace() {
    xml_cases::the_spoiler_extension_is_matched_by_its_namespace();
}

#[test]
fn the_host_pages_tag_levels_win_over_the_feeds() {
    xml_cases::the_host_pages_tag_levels_win_over_the_feeds();
}

#[test]
fn a_wordpress_feed_with_the_host_pages_tag_levels() {
    xml_cases::a_wordpress_feed_with_the_host_pages_tag_levels();
}

#[test]
fn wild_xml_feeds_load_and_every_item_is_a_major_spoiler() {
    xml_cases::wild_xml_feeds_load_and_every_item_is_a_major_spoiler();
}

#[test]
fn wild_xml_feeds_give_their_dates_authors_and_images() {
    xml_cases::wild_xml_feeds_give_their_dates_authors_and_images();
}

#[test]
fn other_documents_get_their_own_messages() {
    xml_cases::other_documents_get_their_own_messages();
}

#[test]
fn entity_expansion_is_refused_and_external_entities_are_never_loaded() {
    xml_cases::entity_expansion_is_refused_and_external_entities_are_never_loaded();
}

#[test]
fn entities_declared_in_the_document_are_text_and_unknown_ones_an_error() {
    xml_cases::entities_declared_in_the_document_are_text_and_unknown_ones_an_error();
}

#[test]
fn space_before_the_xml_declaration_is_forgiven() {
    xml_cases::space_before_the_xml_declaration_is_forgiven();
}

#[test]
fn xml_that_is_not_well_formed_says_so_with_its_line() {
    // The line where the parser stopped: the stray `&`, the end of the cut-off document, the
    // wrong closing tag, the end again, the second root.
    assert_eq!(
        xml_cases::xml_that_is_not_well_formed_says_so_with_its_line(),
        [4, 3, 2, 2, 2]
    );
}

#[test]
fn markup_in_xml_feeds_comes_out_as_plain_text() {
    let feed = xml_cases::markup_in_xml_feeds_comes_out_as_plain_text();
    let html = common::render_card_list(&common::shared(feed), common::prefs(Level::Major), 50);
    let problems = common::page_problems(&html);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;Title"),
        "{html}"
    );
    assert!(!html.contains("javascript:"), "{html}");
}

#[test]
fn deep_nesting_is_cut_off_without_overflowing_the_stack() {
    // On a small stack, so that any recursion per level of the document would overflow it.
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(xml_cases::deep_nesting_is_cut_off_without_overflowing_the_stack)
        .unwrap()
        .join()
        .expect("reading must not crash");
}

#[test]
fn the_wild_fixtures_are_the_files_in_the_folder() {
    for (name, text, _) in xml_cases::WILD_XML {
        assert_eq!(common::fixture_text(&format!("wild/{name}")), text);
        assert!(
            common::fixture_text("wild/README.md").contains(&format!("`{name}`")),
            "wild/README.md lists {name}"
        );
    }
    let _ = read_feed(xml_cases::WORDPRESS, None, &Rules::default()).unwrap();
}

#[test]
fn the_examples_in_the_format_document_read_as_it_says() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md")).unwrap();
    let examples: Vec<&str> = doc
        .split("```xml\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap())
        .collect();
    assert_eq!(examples.len(), 2);

    let rss = read_feed(examples[0], None, &Rules::default()).unwrap();
    assert_eq!(rss.show.as_deref(), Some("Harbour Lights"));
    let wrap = xml_cases::item(&rss, "https://harbourlights.example/?p=1201");
    assert_eq!(wrap.level, Level::None);
    assert_eq!(wrap.kind(), spoilerfeed::types::Kind::Production);
    let finale = xml_cases::item(&rss, "https://harbourlights.example/?p=1101");
    assert_eq!(finale.level, Level::Major);
    assert_eq!(finale.safe_title.as_deref(), Some("Season 2 finale recap"));
    assert_eq!(finale.spoils.map(|point| point.episode), Some(Some(8)));

    let atom = read_feed(examples[1], None, &Rules::default()).unwrap();
    let entry = xml_cases::item(&atom, "tag:harbourlights.example,2026:1188");
    assert_eq!(entry.level, Level::Mild);
    assert_eq!(entry.kind(), spoilerfeed::types::Kind::Cast);
    assert_eq!(entry.show.as_deref(), Some("Harbour Lights"));
}

#[test]
fn iso_8859_1_is_read_as_its_declaration_says() {
    encoding_cases::iso_8859_1_is_read_as_its_declaration_says();
}

#[test]
fn windows_1252_gives_curly_quotes_and_dashes() {
    encoding_cases::windows_1252_gives_curly_quotes_and_dashes();
}

#[test]
fn utf_16_is_read_by_its_byte_order_mark_either_way() {
    encoding_cases::utf_16_is_read_by_its_byte_order_mark_either_way();
}

#[test]
fn the_charset_header_wins_over_the_declaration() {
    encoding_cases::the_charset_header_wins_over_the_declaration();
}

#[test]
fn an_encoding_the_platform_does_not_know_is_named() {
    encoding_cases::an_encoding_the_platform_does_not_know_is_named();
}

#[test]
fn bytes_that_are_not_text_in_their_encoding_say_so() {
    encoding_cases::bytes_that_are_not_text_in_their_encoding_say_so();
}

#[test]
fn a_json_feed_must_be_utf_8() {
    encoding_cases::a_json_feed_must_be_utf_8();
}

#[test]
fn a_web_page_is_no_feed_in_any_encoding() {
    encoding_cases::a_web_page_is_no_feed_in_any_encoding();
}

#[test]
fn wild_feeds_load_from_their_bytes() {
    encoding_cases::wild_feeds_load_from_their_bytes();
}

#[test]
fn notes_quote_long_values_cut_alike_in_every_format() {
    use spoilerfeed::feed::Note;
    let link = format!("javascript:{}", "x".repeat(300));
    let level = format!("extreme{}", "e".repeat(300));
    let date = format!("someday{}", "y".repeat(300));
    let json = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{ "id": "a", "url": link, "date_published": date,
                    "_spoilerfeed": { "level": level, "kind": level } }]
    })
    .to_string();
    let sf = format!("<sf:level>{level}</sf:level><sf:kind>{level}</sf:kind>");
    let rss = format!(
        r#"<rss version="2.0" xmlns:sf="urn:spoilerfeed:1"><channel><title>T</title>
           <item><guid isPermaLink="false">a</guid><link>{link}</link>
           <pubDate>{date}</pubDate>{sf}</item></channel></rss>"#
    );
    let atom = format!(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sf="urn:spoilerfeed:1"><title>T</title>
           <entry><id>a</id><link href="{link}"/><published>{date}</published>{sf}</entry></feed>"#
    );
    let notes: Vec<Vec<Note>> = [json, rss, atom]
        .iter()
        .map(|body| {
            let feed = read_feed(body, None, &Rules::default()).unwrap();
            feed.items[0].notes.clone()
        })
        .collect();
    let quoted: Vec<&String> = notes[0]
        .iter()
        .filter_map(|note| match note {
            Note::UnreadableDate(quoted)
            | Note::UnsafeLink(quoted)
            | Note::UnknownLevel(quoted)
            | Note::UnknownKind(quoted) => Some(quoted),
            _ => None,
        })
        .collect();
    assert_eq!(quoted.len(), 4, "{:?}", notes[0]);
    for quoted in quoted {
        assert!(quoted.ends_with('…'), "{quoted}");
        // 120 characters and the ellipsis.
        assert!(quoted.chars().count() <= 121, "{quoted}");
    }
    // The same notes, in the same words and order, whatever the format.
    assert_eq!(notes[0], notes[1]);
    assert_eq!(notes[0], notes[2]);
}
