//! Reading feeds: every JSON Feed field the widget uses, the `_spoilerfeed` extension, the
//! fail-closed rules, sorting, the feed-level error messages, the two wild feeds, and the
//! leniency real feeds need (no ids, RFC 2822 dates, character references, as in a feed made
//! by WordPress's JSON Feed plugin), with the skips and notes it records.

// Native only: these render on the host (or use host-only crates); the browser suite is
// `browser*.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::*;
use serde_json::{json, Value};
use spoilerfeed::feed::{
    self, CastMember, Confidence, Details, Note, Production, Release, Skip, SkipReason, Stage,
};
use spoilerfeed::spoiler::{self, Entry};
use spoilerfeed::types::{Kind, Level};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The message a fan reads when a body is rejected.
fn error_message(body: &str) -> String {
    feed::parse(body, Some(FEED_URL))
        .expect_err("the body must be rejected")
        .to_string()
}

#[test]
fn every_item_field_is_read() {
    let item = only_item(json!({
        "id": "https://fans.example/news/1",
        "url": "https://fans.example/news/1.html",
        "external_url": "https://source.example/story",
        "image": "https://cdn.example/1.jpg",
        "title": "  Filming   starts ",
        "content_text": "Cameras are rolling.\n\nSecond paragraph.",
        "date_published": "2026-03-03T10:00:00-05:00",
        "authors": [{ "name": "Ada" }, { "name": "Ben" }],
        "tags": ["filming", "season 2"],
        "_spoilerfeed": {
            "level": "mild",
            "kind": "production",
            "production": { "stage": "filming", "progress": 0.5 },
            "safe_title": "A safe headline"
        }
    }));
    assert_eq!(item.id, "https://fans.example/news/1");
    assert_eq!(item.title.as_deref(), Some("Filming starts"));
    assert_eq!(item.text, "Cameras are rolling.\n\nSecond paragraph.");
    assert_eq!(
        item.url.as_deref(),
        Some("https://fans.example/news/1.html")
    );
    assert_eq!(
        item.external_url.as_deref(),
        Some("https://source.example/story")
    );
    assert_eq!(item.image.as_deref(), Some("https://cdn.example/1.jpg"));
    assert_eq!(item.date, Some(utc(2026, 3, 3, 15, 0, 0)));
    assert_eq!(item.authors, ["Ada", "Ben"]);
    assert_eq!(item.tags, ["filming", "season 2"]);
    assert_eq!(item.show.as_deref(), Some("Test Show"));
    assert_eq!(item.level, Level::Mild);
    assert_eq!(item.kind(), Kind::Production);
    assert_eq!(
        item.details,
        Details::Production(Production {
            stage: Some(Stage::Filming),
            progress: Some(50),
        })
    );
    assert_eq!(item.safe_title.as_deref(), Some("A safe headline"));
}

#[test]
fn ids_may_be_strings_or_numbers() {
    let feed = parse_value(&document(json!([
        { "id": 42, "title": "number" },
        { "id": "  tag:fans.example,2026:7 ", "title": "string" },
        { "id": 1.5, "title": "float" }
    ])));
    assert_eq!(ids(&feed), ["42", "tag:fans.example,2026:7", "1.5"]);
    assert_eq!(feed.skipped, 0);
}

#[test]
fn content_html_is_reduced_to_plain_text() {
    let item = only_item(json!({
        "id": "html",
        "content_html": "<p>Filming is <b>halfway</b> done &amp; going well.</p>\
                         <script>alert('x')</script><img src=x onerror=alert(1)>\
                         <p>More &lt;soon&gt;</p>"
    }));
    assert_eq!(
        item.text,
        "Filming is halfway done & going well.\n\nMore <soon>"
    );
    assert!(!item.text.contains("alert"), "{:?}", item.text);
}

#[test]
fn text_comes_from_content_text_then_content_html_then_summary() {
    let text = |item: Value| only_item(item).text.clone();
    assert_eq!(
        text(json!({
            "id": "a", "content_text": "plain", "content_html": "<p>html</p>", "summary": "sum"
        })),
        "plain"
    );
    assert_eq!(
        text(json!({ "id": "a", "content_html": "<p>html</p>", "summary": "sum" })),
        "html"
    );
    // Blank text counts as absent.
    assert_eq!(
        text(json!({ "id": "a", "content_text": "  \n ", "content_html": "<p>html</p>" })),
        "html"
    );
    assert_eq!(
        text(json!({ "id": "a", "content_html": "<p> </p>", "summary": "  the   summary " })),
        "the summary"
    );
    assert_eq!(text(json!({ "id": "a", "summary": "sum" })), "sum");
    assert_eq!(text(json!({ "id": "a" })), "");
}

#[test]
fn long_bodies_are_shortened_for_the_card() {
    let words = "word ".repeat(400);
    let item = only_item(json!({ "id": "long", "content_text": words }));
    assert!(item.text.ends_with('…'), "{:?}", item.text);
    assert!(item.text.chars().count() <= feed::EXCERPT_CHARS + 1);
    assert!(item.text.chars().count() > feed::EXCERPT_CHARS / 2);
}

#[test]
fn titles_and_tags_are_cleaned_and_empty_ones_dropped() {
    let item = only_item(json!({
        "id": "t",
        "title": "Ev\u{202E}il\u{200B} title",
        "tags": ["  a  tag ", "", "   ", 7, null, "b"]
    }));
    assert_eq!(item.title.as_deref(), Some("Evil title"));
    assert_eq!(item.tags, ["a tag", "b"]);
    let item = only_item(json!({ "id": "t", "title": "   ", "tags": "not a list" }));
    assert_eq!(item.title, None);
    assert!(item.tags.is_empty());
}

#[test]
fn only_http_links_are_kept() {
    for bad in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:a@fans.example",
        "vbscript:msgbox(1)",
        "ftp://fans.example/a",
    ] {
        let feed = parse_value(&json!({
            "version": "https://jsonfeed.org/version/1.1",
            "home_page_url": bad,
            "items": [{ "id": "x", "url": bad, "external_url": bad, "image": bad }]
        }));
        let item = &feed.items[0];
        assert_eq!(feed.home_page_url, None, "{bad:?}");
        assert_eq!(item.url, None, "{bad:?}");
        assert_eq!(item.external_url, None, "{bad:?}");
        assert_eq!(item.image, None, "{bad:?}");
    }
    let item = only_item(json!({ "id": "x", "url": "http://fans.example/a", "image": 5 }));
    assert_eq!(item.url.as_deref(), Some("http://fans.example/a"));
    assert_eq!(item.image, None);
}

#[test]
fn relative_links_resolve_against_the_feed_url() {
    let doc = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "home_page_url": "/",
        "items": [{
            "id": "rel",
            "url": "/news/1.html",
            "external_url": "2.html",
            "image": "//cdn.example/1.jpg"
        }]
    });
    let feed = parse_value(&doc);
    let item = &feed.items[0];
    assert_eq!(feed.home_page_url.as_deref(), Some("https://fans.example/"));
    assert_eq!(
        item.url.as_deref(),
        Some("https://fans.example/news/1.html")
    );
    assert_eq!(
        item.external_url.as_deref(),
        Some("https://fans.example/news/2.html")
    );
    assert_eq!(item.image.as_deref(), Some("https://cdn.example/1.jpg"));

    // Without a web address to resolve against, relative links are dropped.
    let feed = feed::parse(&doc.to_string(), None).unwrap();
    assert_eq!(feed.home_page_url, None);
    assert_eq!(feed.items[0].url, None);
    assert_eq!(feed.items[0].external_url, None);
}

#[test]
fn dates_with_milliseconds_and_offsets_become_utc() {
    let date = |item: Value| only_item(item).date;
    assert_eq!(
        date(json!({ "id": "a", "date_published": "2021-09-27T20:26:32.000Z" })),
        Some(utc(2021, 9, 27, 20, 26, 32))
    );
    assert_eq!(
        date(json!({ "id": "a", "date_published": "2021-09-27T20:26:32.250Z" }))
            .map(|d| d.timestamp_millis() % 1000),
        Some(250)
    );
    assert_eq!(
        date(json!({ "id": "a", "date_published": "2019-05-29T01:49:40+03:00" })),
        Some(utc(2019, 5, 28, 22, 49, 40))
    );
    assert_eq!(
        date(json!({ "id": "a", "date_published": "2026-11-28T09:00:00-05:00" })),
        Some(utc(2026, 11, 28, 14, 0, 0))
    );
    // date_modified stands in for a missing or unreadable date_published.
    assert_eq!(
        date(json!({ "id": "a", "date_modified": "2026-01-02T03:04:05Z" })),
        Some(utc(2026, 1, 2, 3, 4, 5))
    );
    assert_eq!(
        date(json!({
            "id": "a",
            "date_published": "last Tuesday",
            "date_modified": "2026-01-02T03:04:05Z"
        })),
        Some(utc(2026, 1, 2, 3, 4, 5))
    );
    // A published date wins over the modified one.
    assert_eq!(
        date(json!({
            "id": "a",
            "date_published": "2026-01-01T00:00:00Z",
            "date_modified": "2026-01-02T03:04:05Z"
        })),
        Some(utc(2026, 1, 1, 0, 0, 0))
    );
    // No time zone: read as UTC (and noted, see below).
    assert_eq!(
        date(json!({ "id": "a", "date_published": "2026-01-01T00:00:00" })),
        Some(utc(2026, 1, 1, 0, 0, 0))
    );
    assert_eq!(date(json!({ "id": "a" })), None);
}

#[test]
fn authors_come_from_the_list_or_the_json_feed_1_0_author() {
    let authors = |item: Value| only_item(item).authors.clone();
    assert_eq!(
        authors(
            json!({ "id": "a", "authors": [{ "name": " Ada " }, { "url": "x" }, "Ben", { "name": "" }] })
        ),
        ["Ada"]
    );
    assert_eq!(
        authors(json!({ "id": "a", "author": { "name": "Old Style" } })),
        ["Old Style"]
    );
    assert_eq!(
        authors(json!({
            "id": "a",
            "authors": [{ "name": "New" }],
            "author": { "name": "Old" }
        })),
        ["New"]
    );
    assert!(authors(json!({ "id": "a", "author": "just a string" })).is_empty());
}

#[test]
fn feed_title_home_page_and_extension_are_read() {
    let feed = load_fixture("multi-show.json");
    assert_eq!(feed.title, "Three shows in one feed");
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://example.com/multi/")
    );
    assert_eq!(feed.show.as_deref(), Some("Harbour Lights"));
    assert_eq!(feed.season, Some(2));
    assert_eq!(feed.rules.default_level, None);
    assert_eq!(
        load_fixture("default-level.json").rules.default_level,
        Some(Level::Mild)
    );

    let feed = parse_value(&json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "   ",
        "_spoilerfeed": { "show": "S", "season": -1 },
        "items": []
    }));
    assert_eq!(feed.title, "");
    assert_eq!(feed.season, None);
    assert!(feed.items.is_empty());
}

#[test]
fn items_name_their_own_show_or_inherit_the_feeds() {
    let feed = load_fixture("multi-show.json");
    let show = |id: &str| item(&feed, id).show.clone();
    assert_eq!(
        show("https://example.com/multi/northern-line-date").as_deref(),
        Some("Northern Line")
    );
    assert_eq!(
        show("https://example.com/multi/harbour-lights-filming").as_deref(),
        Some("Harbour Lights")
    );
    assert_eq!(
        feed.shows(),
        ["The Glass Orchard", "Northern Line", "Harbour Lights"]
    );
    // A blank show of an item is no show: it keeps the feed's.
    let item = only_item(json!({ "id": "a", "_spoilerfeed": { "show": "  " } }));
    assert_eq!(item.show.as_deref(), Some("Test Show"));
}

#[test]
fn a_blank_feed_show_is_no_show() {
    let feed = parse_value(&json!({
        "version": "https://jsonfeed.org/version/1.1",
        "_spoilerfeed": { "show": "   " },
        "items": [{ "id": "a" }, { "id": "b", "_spoilerfeed": { "show": "Named" } }]
    }));
    assert_eq!(feed.show, None);
    assert_eq!(item(&feed, "a").show, None);
    // The show picker lists only real names.
    assert_eq!(feed.shows(), ["Named"]);
}

#[test]
fn every_level_and_kind_of_all_kinds_is_read() {
    let feed = load_fixture(ALL_KINDS);
    let raw = raw_items(ALL_KINDS);
    assert_eq!(feed.items.len(), raw.len());
    assert_eq!(feed.items.len(), Level::ALL.len() * Kind::ALL.len());
    for expected in &raw {
        let item = item(&feed, &expected.id);
        assert_eq!(item.level, expected.level, "{}", expected.id);
        assert_eq!(item.kind(), expected.kind, "{}", expected.id);
        let secret = marker(&expected.id);
        assert!(item.title.as_deref().unwrap().contains(&secret));
        assert!(item.text.contains(&secret));
        assert!(item.tags.contains(&secret));
        assert_eq!(
            item.url.as_deref(),
            Some(format!("https://example.com/all-kinds/{}", expected.id).as_str())
        );
        assert_eq!(item.show.as_deref(), Some("Marker Test Show"));
        assert!(item.date.is_some());
    }
}

#[test]
fn each_kind_object_is_read() {
    let feed = load_fixture(ALL_KINDS);
    let details = |id: &str| item(&feed, id).details.clone();
    assert_eq!(
        details("none-production"),
        Details::Production(Production {
            stage: Some(Stage::Filming),
            progress: Some(25),
        })
    );
    assert_eq!(
        details("mild-production"),
        Details::Production(Production {
            stage: Some(Stage::PreProduction),
            progress: None,
        })
    );
    assert_eq!(
        details("major-production"),
        Details::Production(Production {
            stage: Some(Stage::Wrapped),
            progress: Some(100),
        })
    );
    assert_eq!(
        details("none-cast"),
        Details::Cast(vec![
            CastMember {
                name: "SECRET-none-cast Actor One".into(),
                role: Some("SECRET-none-cast Role".into()),
            },
            CastMember {
                name: "SECRET-none-cast Actor Two".into(),
                role: None,
            },
        ])
    );
    let release = |id: &str| match details(id) {
        Details::Release(release) => release,
        other => panic!("{id} is not a release: {other:?}"),
    };
    assert_eq!(
        release("none-release"),
        Release {
            from: Some(day(2027, 2, 14)),
            to: Some(day(2027, 2, 14)),
            label: Some("SECRET-none-release window".into()),
            confidence: Confidence::Confirmed,
            note: Some("SECRET-none-release release note".into()),
        }
    );
    assert_eq!(
        release("none-release").confirmed_day(),
        Some(day(2027, 2, 14))
    );
    let mild = release("mild-release");
    assert_eq!(
        (mild.from, mild.to, mild.confidence),
        (
            Some(day(2027, 3, 1)),
            Some(day(2027, 3, 31)),
            Confidence::Reported
        )
    );
    assert_eq!(mild.confirmed_day(), None);
    let moderate = release("moderate-release");
    assert_eq!(
        (moderate.from, moderate.to, moderate.confidence),
        (None, None, Confidence::Rumored)
    );
    assert_eq!(details("none-other"), Details::Other);
}

#[test]
fn only_a_window_confirmed_to_one_day_has_a_release_day() {
    let release = |release: Value| match only_item(json!({
        "id": "r",
        "_spoilerfeed": { "kind": "release", "release": release }
    }))
    .details
    .clone()
    {
        Details::Release(release) => release,
        other => panic!("not a release: {other:?}"),
    };
    let confirmed_day = |value: Value| release(value).confirmed_day();
    assert_eq!(
        confirmed_day(
            json!({ "from": "2027-03-04", "to": "2027-03-04", "confidence": "confirmed" })
        ),
        Some(day(2027, 3, 4))
    );
    // Not confirmed, a window of several days, or only its first day known: no single day.
    assert_eq!(
        confirmed_day(
            json!({ "from": "2027-03-04", "to": "2027-03-04", "confidence": "reported" })
        ),
        None
    );
    assert_eq!(
        confirmed_day(
            json!({ "from": "2027-03-04", "to": "2027-03-05", "confidence": "confirmed" })
        ),
        None
    );
    assert_eq!(
        confirmed_day(json!({ "from": "2027-03-04", "confidence": "confirmed" })),
        None
    );
    assert_eq!(
        confirmed_day(json!({ "label": "4 March 2027", "confidence": "confirmed" })),
        None
    );
}

#[test]
fn malformed_kind_objects_leave_the_card_without_its_block() {
    let details = |ext: Value| {
        only_item(json!({ "id": "k", "_spoilerfeed": ext }))
            .details
            .clone()
    };
    // A kind without its object, or with an object of the wrong type.
    assert_eq!(
        details(json!({ "level": "none", "kind": "production" })),
        Details::Production(Production {
            stage: None,
            progress: None
        })
    );
    assert_eq!(
        details(json!({ "kind": "production", "production": "halfway" })),
        Details::Production(Production {
            stage: None,
            progress: None
        })
    );
    // Fields of the wrong type or value are ignored; progress is clamped.
    assert_eq!(
        details(json!({
            "kind": "production",
            "production": { "stage": "editing", "progress": "half" }
        })),
        Details::Production(Production {
            stage: None,
            progress: None
        })
    );
    for (progress, percent) in [(1.7, 100), (-0.2, 0), (0.333, 33)] {
        assert_eq!(
            details(json!({ "kind": "production", "production": { "progress": progress } })),
            Details::Production(Production {
                stage: None,
                progress: Some(percent)
            }),
            "{progress}"
        );
    }
    assert_eq!(
        details(json!({ "kind": "cast", "cast": { "name": "Not a list" } })),
        Details::Cast(Vec::new())
    );
    assert_eq!(
        details(json!({
            "kind": "cast",
            "cast": [{ "role": "no name" }, "Plain string", { "name": "  " }, { "name": "Kept", "role": 3 }]
        })),
        Details::Cast(vec![CastMember {
            name: "Kept".into(),
            role: None
        }])
    );
    assert_eq!(
        details(json!({
            "kind": "release",
            "release": { "from": "13/04/2025", "to": "2025-04-30", "confidence": "CERTAIN", "label": 2025 }
        })),
        Details::Release(Release {
            from: None,
            to: Some(day(2025, 4, 30)),
            label: None,
            confidence: Confidence::Rumored,
            note: None,
        })
    );
    // A window written backwards is the same window.
    match details(json!({
        "kind": "release",
        "release": { "from": "2025-12-31", "to": "2025-01-01" }
    })) {
        Details::Release(release) => {
            assert_eq!(release.from, Some(day(2025, 1, 1)));
            assert_eq!(release.to, Some(day(2025, 12, 31)));
        }
        other => panic!("not a release: {other:?}"),
    }
    // A release object under another kind's key is ignored.
    assert_eq!(
        details(json!({ "kind": "other", "release": { "label": "2025" } })),
        Details::Other
    );
}

#[test]
fn safe_title_is_read_and_blank_ones_dropped() {
    let feed = load_fixture("default-level.json");
    assert_eq!(
        item(&feed, "explicit-major").safe_title.as_deref(),
        Some("A safe headline for explicit-major")
    );
    assert_eq!(item(&feed, "explicit-none").safe_title, None);
    let item = only_item(json!({ "id": "a", "_spoilerfeed": { "safe_title": " \u{200B} " } }));
    assert_eq!(item.safe_title, None);
}

#[test]
fn json_feed_1_0_and_1_1_documents_are_read() {
    for version in [
        "https://jsonfeed.org/version/1",
        "https://jsonfeed.org/version/1.1",
    ] {
        let feed = parse_value(&json!({
            "version": version,
            "title": "Versions",
            "items": [{
                "id": "v",
                "content_html": "<p>Hello</p>",
                "author": { "name": "Someone" },
                "date_published": "2026-01-01T00:00:00Z"
            }]
        }));
        assert_eq!(feed.title, "Versions", "{version}");
        assert_eq!(feed.items[0].text, "Hello", "{version}");
        assert_eq!(feed.items[0].authors, ["Someone"], "{version}");
    }
    let minimal = load_fixture("minimal-1.1.json");
    assert_eq!(minimal.title, "Minimal feed");
    assert_eq!(ids(&minimal), ["minimal-1"]);
}

#[test]
fn items_without_the_extension_are_major_spoilers() {
    let feed = load_fixture("minimal-1.1.json");
    let item = &feed.items[0];
    assert_eq!(item.level, Level::Major);
    assert_eq!(item.kind(), Kind::Other);
    assert_eq!(item.show, None);
    assert_eq!(feed.show, None);
}

#[test]
fn unknown_or_missing_levels_fall_back_to_default_level_else_major() {
    let feed = load_fixture("default-level.json");
    let level = |id: &str| item(&feed, id).level;
    assert_eq!(level("explicit-none"), Level::None);
    assert_eq!(level("explicit-major"), Level::Major);
    assert_eq!(level("missing-level"), Level::Mild);
    assert_eq!(level("no-extension"), Level::Mild);
    assert_eq!(level("empty-extension"), Level::Mild);
    assert_eq!(level("unknown-level"), Level::Mild);
    assert_eq!(level("unknown-kind"), Level::Moderate);

    // Without a default level, anything that isn't one of the four words is major.
    for bad in [
        json!("extreme"),
        json!("MAJOR!"),
        json!(""),
        json!(0),
        json!(null),
        json!(["none"]),
        json!({ "level": "none" }),
    ] {
        let item = only_item(json!({ "id": "a", "_spoilerfeed": { "level": bad } }));
        assert_eq!(item.level, Level::Major, "level {bad}");
    }
    // An unknown default level is no default.
    let feed = parse_value(&json!({
        "version": "https://jsonfeed.org/version/1.1",
        "_spoilerfeed": { "show": "S", "default_level": "harmless" },
        "items": [{ "id": "a" }]
    }));
    assert_eq!(feed.rules.default_level, None);
    assert_eq!(feed.items[0].level, Level::Major);
}

#[test]
fn unknown_kinds_are_other_and_their_object_ignored() {
    let feed = load_fixture("default-level.json");
    let unknown = item(&feed, "unknown-kind");
    assert_eq!(unknown.kind(), Kind::Other);
    assert_eq!(unknown.details, Details::Other);
    assert_eq!(item(&feed, "empty-extension").kind(), Kind::Other);
    for kind in [json!(3), json!("gossip"), json!(null), json!(["cast"])] {
        let item = only_item(json!({
            "id": "a",
            "_spoilerfeed": { "kind": kind, "cast": [{ "name": "X" }] }
        }));
        assert_eq!(item.details, Details::Other, "kind {kind}");
    }
}

#[test]
fn unreadable_items_are_skipped_and_counted() {
    let feed = load_fixture("broken-items.json");
    let no_id = feed
        .items
        .iter()
        .find(|item| item.title.as_deref() == Some("An item without an id"))
        .expect("an item without an id is read");
    assert_eq!(
        ids(&feed),
        ["ok-first", "ok-middle", no_id.id.as_str(), "ok-last"]
    );
    assert_eq!(no_id.notes, [Note::NoId]);
    assert_eq!(
        feed.skips,
        [Skip {
            position: 2,
            reason: SkipReason::NotAnItem
        }]
    );
    assert_eq!(feed.skipped, 1);

    let feed = parse_value(&document(json!([
        null,
        42,
        [],
        { "id": null },
        { "id": true },
        { "id": "" },
        { "id": "  " },
        { "id": { "nested": 1 } },
        { "title": "no id" },
        {},
        { "title": " ", "content_text": "\u{200B}", "date_published": "", "url": " ", "image": "https://fans.example/a.png" },
        { "id": "good" }
    ])));
    assert_eq!(
        ids(&feed),
        [feed::made_up_id(Some("no id"), None, ""), "good".into()]
    );
    let skips: Vec<_> = feed
        .skips
        .iter()
        .map(|skip| (skip.position, skip.reason.clone()))
        .collect();
    assert_eq!(
        skips,
        [
            (1, SkipReason::NotAnItem),
            (2, SkipReason::NotAnItem),
            (3, SkipReason::NotAnItem),
            (4, SkipReason::Empty),
            (5, SkipReason::Empty),
            (6, SkipReason::Empty),
            (7, SkipReason::Empty),
            (8, SkipReason::Empty),
            (10, SkipReason::Empty),
            (11, SkipReason::Empty),
        ]
    );
    assert_eq!(feed.skipped, feed.skips.len());
}

#[test]
fn items_without_an_id_are_known_by_their_link_or_a_hash_of_what_they_say() {
    let feed = parse_value(&document(json!([
        { "url": "https://fans.example/news/1", "external_url": "https://source.example/1", "title": "Linked" },
        { "url": 5, "external_url": " https://source.example/2 ", "title": "Quoted" },
        { "id": "", "url": "/news/3", "title": "Relative" },
        { "title": "Just a title", "date_published": "2026-01-02T03:04:05Z", "content_text": "Some text." },
        { "content_html": "<p>Only text</p>" },
        { "date_published": "Fri, 02 Jan 2026 03:04:05 GMT" },
        { "id": "kept", "title": "Has an id" }
    ])));
    let by_title = |title: &str| {
        feed.items
            .iter()
            .find(|item| item.title.as_deref() == Some(title))
            .unwrap_or_else(|| panic!("{title} is read"))
    };
    assert_eq!(by_title("Linked").id, "https://fans.example/news/1");
    assert_eq!(by_title("Quoted").id, "https://source.example/2");
    // The link as written: the same wherever the feed is read from.
    assert_eq!(by_title("Relative").id, "/news/3");
    assert_eq!(
        by_title("Relative").url.as_deref(),
        Some("https://fans.example/news/3")
    );
    let date = Some(utc(2026, 1, 2, 3, 4, 5));
    assert_eq!(
        by_title("Just a title").id,
        feed::made_up_id(Some("Just a title"), date, "Some text.")
    );
    assert!(ids(&feed).contains(&feed::made_up_id(None, None, "Only text").as_str()));
    assert!(ids(&feed).contains(&feed::made_up_id(None, date, "").as_str()));
    for item in &feed.items {
        let expected: &[Note] = if item.id == "kept" {
            &[]
        } else {
            &[Note::NoId]
        };
        assert_eq!(item.notes, expected, "{}", item.id);
    }
    assert_eq!(feed.skipped, 0);

    // Read again, an item keeps its made-up id, so a reveal stays remembered.
    let again = parse_value(&document(json!([
        { "title": "Just a title", "date_published": "2026-01-02T04:04:05+01:00", "content_text": "Some  text." }
    ])));
    assert_eq!(again.items[0].id, by_title("Just a title").id);

    // Two items with the same link are one item: the first is kept.
    let feed = parse_value(&document(json!([
        { "url": "https://fans.example/news/1", "title": "First" },
        { "url": "https://fans.example/news/1", "title": "Second" },
        { "title": "Same" },
        { "title": "Same" }
    ])));
    assert_eq!(feed.items.len(), 2);
    assert_eq!(feed.items[0].title.as_deref(), Some("First"));
    let skips: Vec<_> = feed
        .skips
        .iter()
        .map(|skip| (skip.position, skip.reason.clone()))
        .collect();
    assert_eq!(
        skips,
        [
            (
                2,
                SkipReason::DuplicateId("https://fans.example/news/1".into())
            ),
            (
                4,
                SkipReason::DuplicateId(feed::made_up_id(Some("Same"), None, ""))
            ),
        ]
    );
    assert_eq!(feed.skipped, 2);
}

#[test]
fn a_wordpress_json_feed_is_read_whole() {
    let feed = load_fixture("wordpress.json");
    assert_eq!(feed.title, "Harbour Lights Fans – News from the set");
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://harbourlights.example")
    );
    assert_eq!((feed.items.len(), feed.skipped), (3, 0));
    let titles: Vec<_> = feed
        .items
        .iter()
        .map(|item| item.title.as_deref().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Season 3 gets a date – finally",
            "Filming resumes in Cornwall – and the lighthouse is back",
            "A new face in St Ives & who they’ll play",
        ]
    );
    let dates: Vec<_> = feed.items.iter().map(|item| item.date).collect();
    assert_eq!(
        dates,
        [
            Some(utc(2019, 5, 31, 19, 17, 58)),
            Some(utc(2019, 5, 29, 16, 3, 12)),
            Some(utc(2019, 5, 28, 1, 45, 0)),
        ]
    );
    let filming = &feed.items[1];
    assert_eq!(
        filming.id,
        "https://harbourlights.example/2019/05/29/filming-resumes-in-cornwall/"
    );
    assert_eq!(filming.url.as_deref(), Some(filming.id.as_str()));
    assert_eq!(filming.notes, [Note::NoId]);
    assert_eq!(
        filming.text,
        "The crew returned to Porthcurno this week – the lighthouse set has been rebuilt \
         after the winter storms.\n\n“It’s good to be back,” the director said."
    );
    assert_eq!(filming.authors, ["Morwenna & Tom"]);
    assert_eq!(filming.tags, ["Filming", "Behind the scenes & set visits"]);
    assert_eq!(
        filming.image.as_deref(),
        Some("https://harbourlights.example/wp-content/uploads/2019/05/set-photo.jpg")
    );
    assert!(feed.items[0].text.ends_with("release dates page…"));
    // No spoiler metadata: every item fails closed.
    assert!(feed.items.iter().all(|item| item.level == Level::Major));
}

#[test]
fn character_references_are_decoded_once_in_text_fields() {
    let feed = parse_value(&json!({
        "version": "https://jsonfeed.org/version/1",
        "title": "News &#8211; &amp;#8211; &copy; &bogus; &#x2019;",
        "items": [{
            "id": "a&amp;b",
            "title": "Ben &amp; Jerry&#x2019;s <b>bold</b> &lt;i&gt; &amp;amp; &#8212;",
            "content_text": "It&#8217;s <em>here</em> &hellip; &#x202E;reversed",
            "authors": [{ "name": "Ann &amp; Bo" }],
            "tags": ["Q&amp;A", "&#8220;quoted&#8221;", "&nbsp;"],
        }, {
            "id": "b",
            "summary": "Summary &amp;#8211; as written &#8211; once"
        }]
    }));
    assert_eq!(feed.title, "News – &#8211; © &bogus; ’");
    let a = item(&feed, "a&amp;b");
    // Tags in a title are text; references in it decode to text, never to markup.
    assert_eq!(
        a.title.as_deref(),
        Some("Ben & Jerry’s <b>bold</b> <i> &amp; —")
    );
    // An encoded direction override is removed like a written one.
    assert_eq!(a.text, "It’s <em>here</em> … reversed");
    assert_eq!(a.authors, ["Ann & Bo"]);
    // A tag that decodes to white space alone is no tag.
    assert_eq!(a.tags, ["Q&A", "“quoted”"]);
    assert_eq!(item(&feed, "b").text, "Summary &#8211; as written – once");
}

#[test]
fn dates_are_read_as_feeds_write_them_and_unreadable_ones_noted() {
    let feed = parse_value(&document(json!([
        { "id": "rfc2822", "date_published": "Fri, 31 May 2019 12:17:58 -0700" },
        { "id": "lowercase", "date_published": "fri, 31 may 2019 19:17 gmt" },
        { "id": "utc", "date_published": "31 May 2019 19:17:58 UTC" },
        { "id": "space", "date_published": "2019-05-31 19:17:58Z" },
        { "id": "words", "date_published": "last Tuesday" },
        { "id": "fallback", "date_published": "soon", "date_modified": "Sat, 1 Jun 2019 00:00:00 +0000" },
        { "id": "no-zone", "date_published": "2019-05-31T19:17:58", "date_modified": "not either" },
        { "id": "blank", "date_published": " ", "date_modified": 1559330278 }
    ])));
    let date = |id: &str| item(&feed, id).date;
    for id in ["rfc2822", "utc", "space"] {
        assert_eq!(date(id), Some(utc(2019, 5, 31, 19, 17, 58)), "{id}");
        assert!(item(&feed, id).notes.is_empty(), "{id}");
    }
    assert_eq!(date("lowercase"), Some(utc(2019, 5, 31, 19, 17, 0)));
    assert_eq!(date("fallback"), Some(utc(2019, 6, 1, 0, 0, 0)));
    assert!(item(&feed, "fallback").notes.is_empty());
    let notes = |id: &str| item(&feed, id).notes.clone();
    assert_eq!(
        notes("words"),
        [Note::UnreadableDate("last Tuesday".into())]
    );
    // A time without a zone is read as UTC, and the check page says it was assumed.
    assert_eq!(date("no-zone"), Some(utc(2019, 5, 31, 19, 17, 58)));
    assert_eq!(
        notes("no-zone"),
        [Note::AssumedUtc("2019-05-31T19:17:58".into())]
    );
    // Blank, or not a string at all: no date, nothing to note.
    assert!(notes("blank").is_empty());
    // Undated items are listed last, in feed order.
    assert_eq!(ids(&feed)[6..], ["words", "blank"]);
}

#[test]
fn notes_say_what_was_forgiven_in_an_item() {
    let item = only_item(json!({
        "id": "a",
        "url": "javascript:alert(1)",
        "external_url": "https://source.example/ok",
        "image": " data:image/png;base64,AAAA\u{202E}",
        "_spoilerfeed": { "level": "extreme", "kind": "gossip" }
    }));
    assert_eq!(
        item.notes,
        [
            Note::UnsafeLink("javascript:alert(1)".into()),
            Note::UnsafeLink("data:image/png;base64,AAAA".into()),
            Note::UnknownLevel("extreme".into()),
            Note::UnknownKind("gossip".into()),
        ]
    );
    // An unknown level fails closed.
    assert_eq!(item.level, Level::Major);
    assert_eq!(item.kind(), Kind::Other);
    // A level or kind of another type, or a blank link, is absent: nothing to note.
    let item = only_item(json!({
        "id": "a",
        "url": "",
        "image": 5,
        "_spoilerfeed": { "level": 3, "kind": ["cast"] }
    }));
    assert!(item.notes.is_empty(), "{:?}", item.notes);
    assert_eq!(item.level, Level::Major);
    // A long value is quoted shortened.
    let long = format!("javascript:{}", "x".repeat(500));
    let item = only_item(json!({ "id": "a", "url": long }));
    let [Note::UnsafeLink(quoted)] = item.notes.as_slice() else {
        panic!("{:?}", item.notes);
    };
    assert!(quoted.starts_with("javascript:xxx") && quoted.ends_with('…'));
    assert!(quoted.chars().count() < 200);
}

#[test]
fn duplicate_ids_are_skipped_and_the_first_kept() {
    let feed = parse_value(&document(json!([
        { "id": "same", "title": "first", "date_published": "2026-01-01T00:00:00Z" },
        { "id": "same", "title": "second", "date_published": "2026-02-01T00:00:00Z" },
        { "id": 7, "title": "number" },
        { "id": "7", "title": "string seven" }
    ])));
    assert_eq!(ids(&feed), ["same", "7"]);
    assert_eq!(item(&feed, "same").title.as_deref(), Some("first"));
    assert_eq!(item(&feed, "7").title.as_deref(), Some("number"));
    assert_eq!(feed.skipped, 2);
}

#[test]
fn items_are_listed_newest_first_with_undated_ones_last() {
    let feed = parse_value(&document(json!([
        { "id": "undated-1" },
        // 08:00 UTC, although it reads 10:00 locally.
        { "id": "early", "date_published": "2026-01-01T10:00:00+02:00" },
        { "id": "late", "date_published": "2026-01-01T09:00:00Z" },
        { "id": "undated-2", "date_published": "not a date" },
        { "id": "modified", "date_modified": "2026-01-01T08:30:00Z" },
        { "id": "newest", "date_published": "2026-06-01T00:00:00.500Z" }
    ])));
    assert_eq!(
        ids(&feed),
        [
            "newest",
            "late",
            "modified",
            "early",
            "undated-1",
            "undated-2"
        ]
    );
}

#[test]
fn a_feed_listed_oldest_first_is_shown_newest_first() {
    let mut doc = fixture_json(ALL_KINDS);
    doc["items"].as_array_mut().unwrap().reverse();
    let feed = feed::parse(&doc.to_string(), None).unwrap();
    let dates: Vec<_> = feed.items.iter().map(|item| item.date.unwrap()).collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "{dates:?}");
    assert_eq!(feed.items.first().unwrap().id, "none-production");
    assert_eq!(feed.items.last().unwrap().id, "major-other");
}

#[test]
fn feed_level_errors_say_what_is_wrong() {
    assert_eq!(error_message(""), "This isn't JSON: the feed is empty.");
    assert_eq!(
        error_message(" \n\t "),
        "This isn't JSON: the feed is empty."
    );
    assert_eq!(
        error_message("\u{FEFF}"),
        "This isn't JSON: the feed is empty."
    );
    for page in [
        "<!DOCTYPE html><html><body>Not found</body></html>",
        "\n  <html>",
        "\u{FEFF}<html>",
    ] {
        assert_eq!(
            error_message(page),
            "This isn't a feed: the server sent a web page (HTML).",
            "{page:?}"
        );
    }
    let not_json = error_message("{version: 1}");
    assert!(
        not_json.starts_with("This isn't JSON: ") && not_json.contains("line 1"),
        "{not_json}"
    );
    for not_object in ["[]", "null", "\"feed\"", "42"] {
        assert_eq!(
            error_message(not_object),
            "This isn't a JSON Feed: the document must be a JSON object.",
            "{not_object}"
        );
    }
    assert_eq!(
        error_message(r#"{"items": []}"#),
        "This isn't a JSON Feed: it has no version."
    );
    assert_eq!(
        error_message(r#"{"version": 1.1, "items": []}"#),
        "This isn't a JSON Feed: its version is not a jsonfeed.org version URL."
    );
    assert_eq!(
        error_message(r#"{"version": "https://example.com/rss", "items": []}"#),
        "This isn't a JSON Feed: its version is not a jsonfeed.org version URL."
    );
    assert_eq!(
        error_message(r#"{"version": "https://jsonfeed.org/version/1.1", "items": {}}"#),
        "This isn't a JSON Feed: items must be a list."
    );
    assert_eq!(
        error_message(r#"{"version": "https://jsonfeed.org/version/1.1"}"#),
        "This isn't a JSON Feed: it has no items list."
    );
    let deep = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"id": "a", "x": {}{}}}]}}"#,
        "[".repeat(1000),
        "]".repeat(1000)
    );
    assert_eq!(
        error_message(&deep),
        "This isn't JSON: it is nested too deeply to read."
    );
    assert_eq!(
        spoilerfeed::components::error_card::title(
            &spoilerfeed::i18n::Lang::default(),
            &feed::parse("", None).unwrap_err()
        ),
        "Feed unreadable"
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let body = format!("\u{FEFF}{}", fixture_text("minimal-1.1.json"));
    let feed = feed::parse(&body, None).unwrap();
    assert_eq!(ids(&feed), ["minimal-1"]);
}

#[test]
fn wild_feeds_load_and_every_item_is_a_major_spoiler() {
    for name in WILD {
        let feed = load_fixture(name);
        let expected = fixture_json(name)["items"].as_array().unwrap().len();
        assert_eq!(feed.items.len(), expected, "{name}");
        assert_eq!(feed.skipped, 0, "{name}");
        for item in &feed.items {
            assert_eq!(item.level, Level::Major, "{name} {}", item.id);
            assert_eq!(item.kind(), Kind::Other, "{name} {}", item.id);
        }
        for level in [Level::None, Level::Mild, Level::Moderate] {
            let view = spoiler::view(&feed, &prefs(level));
            assert_eq!(view.hidden, expected, "{name} at {level:?}");
            assert!(view
                .entries
                .iter()
                .all(|entry| matches!(entry, Entry::Hidden(_))));
        }
        let view = spoiler::view(&feed, &prefs(Level::Major));
        assert_eq!((view.hidden, view.shown()), (0, expected), "{name}");
    }
}

#[test]
fn wild_feeds_follow_a_declared_default_level() {
    for name in WILD {
        for declared in Level::ALL {
            let mut doc = fixture_json(name);
            doc["_spoilerfeed"] = json!({ "show": "Wild", "default_level": declared.key() });
            let feed = feed::parse(&doc.to_string(), Some(&fixture_url(name))).unwrap();
            assert!(feed.items.iter().all(|item| item.level == declared));
            for level in Level::ALL {
                let view = spoiler::view(&feed, &prefs(level));
                let expected_hidden = if declared <= level {
                    0
                } else {
                    feed.items.len()
                };
                assert_eq!(
                    view.hidden, expected_hidden,
                    "{name}: {declared:?} at {level:?}"
                );
            }
        }
    }
}

#[test]
fn exadrums_html_is_plain_text_and_its_dates_keep_their_milliseconds() {
    let feed = load_fixture("wild/exadrums-news-excerpt.json");
    assert_eq!(feed.title, "exadrums - news");
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://news.exadrums.com/feed.json")
    );
    assert_eq!(
        ids(&feed),
        [
            "https://news.exadrums.com/article/TD-4KP-configuration",
            "https://news.exadrums.com/article/exadrums-dot-com",
            "https://news.exadrums.com/article/the-future-of-exadrums",
        ]
    );
    for item in &feed.items {
        for markup in ["<", "more-->", "<video", "<source", "class="] {
            assert!(!item.text.contains(markup), "{markup} in {:?}", item.text);
        }
        assert!(item.text.len() > 40, "{:?}", item.text);
    }
    let site = item(&feed, "https://news.exadrums.com/article/exadrums-dot-com");
    assert!(site
        .text
        .contains("Your browser does not support the video tag."));
    assert!(site.text.contains("how to build an exadrums module"));
    assert_eq!(site.date, Some(utc(2021, 9, 1, 17, 4, 20)));
    assert_eq!(site.title.as_deref(), Some("Exadrums.com"));
    assert_eq!(
        site.url.as_deref(),
        Some("https://news.exadrums.com/article/exadrums-dot-com")
    );
}

#[test]
fn spaceastronaut_relative_links_and_old_author_are_read() {
    let name = "wild/spaceastronaut-blog.json";
    let feed = load_fixture(name);
    assert_eq!(feed.title, "Space Astronaut");
    // An empty home_page_url is no link.
    assert_eq!(feed.home_page_url, None);
    let item = &feed.items[0];
    assert_eq!(item.id, "/hello/");
    assert_eq!(item.title.as_deref(), Some("Hello"));
    assert_eq!(item.text, "I know you waited me");
    assert_eq!(item.authors, ["Space Astronaut"]);
    assert!(item.tags.is_empty());
    assert_eq!(item.date, Some(utc(2019, 5, 28, 22, 49, 40)));
    assert_eq!(item.url.as_deref(), Some("https://fixtures.example/hello/"));
    // Loaded from nowhere (say a file), the relative link cannot be shown.
    let feed = feed::parse(&fixture_text(name), Some("file:///feeds/feed.json")).unwrap();
    assert_eq!(feed.items[0].url, None);
}
