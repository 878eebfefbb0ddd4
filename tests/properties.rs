//! Property tests: whatever bytes, strings or JSON a feed holds, reading it never panics; the
//! filter never shows an item above the fan's level unless revealed, judged against an oracle
//! that reads the level straight from the JSON; the rendered list never carries markup, script
//! links, bidi controls or a hidden item's text; HTML reduced to text keeps no tag; and a link
//! that survives is always http(s).
//!
//! Case counts are modest (64 to 256 per property) so that the native suite stays fast.

// Native only: these render on the host (or use host-only crates); the browser suite is
// `browser*.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use serde_json::{json, Map, Value};
use spoilerfeed::config::Prefs;
use spoilerfeed::feed::{self, link::safe_link, text::html_to_text};
use spoilerfeed::guards::{Guard, Guards, MuteBook, MuteList, Scope, SnoozeEnd, Snoozes};
use spoilerfeed::progress::{ProgressBook, ShowProgress, Watched};
use spoilerfeed::spoiler::{self, Entry};
use spoilerfeed::types::{Kind, KindSet, Level};

// ---------------------------------------------------------------------------------------------
// Strategies.

/// Markup, bidi controls, entities, script links and other pieces hostile feeds are made of.
const HOSTILE_PIECES: [&str; 22] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "\"><script>alert(1)</script>",
    "' onmouseover='alert(1)",
    "<!--",
    "-->",
    "<p>",
    "</p>",
    "<",
    ">",
    "&lt;script&gt;",
    "&#x202E;",
    "&amp;",
    "&",
    "\u{202E}",
    "\u{2066}",
    "\u{200B}",
    "\u{061C}",
    "javascript:alert(1)",
    "\n\n",
    "\t",
];

/// A short text of hostile pieces, ordinary words and random characters.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => select(&HOSTILE_PIECES[..]).prop_map(str::to_owned),
        2 => "[a-z]{1,8}",
        1 => "[ -~]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
        1 => Just("w".repeat(700)),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|pieces| pieces.join(" "))
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("JSON numbers are finite", |f| {
            serde_json::Number::from_f64(f).map(Value::Number)
        }),
        hostile_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,8}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// A `level` member: a keyword in any case and padding, an unknown word, another type, or none.
fn level_value() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        3 => (select(&Level::ALL[..]), any::<bool>(), any::<bool>()).prop_map(|(level, upper, pad)| {
            let mut word = level.key().to_owned();
            if upper {
                word = word.to_ascii_uppercase();
            }
            if pad {
                word = format!(" {word}\n");
            }
            Some(Value::String(word))
        }),
        2 => select(&[
            "extreme", "MAJOR!", "", "nonee", "n\u{200B}one", "n\u{043E}ne", "\u{FF4E}\u{FF4F}\u{FF4E}\u{FF45}",
            "none\u{0}", "none major", "0", "mild-ish",
        ][..])
        .prop_map(|word| Some(Value::String(word.to_owned()))),
        1 => json_value().prop_map(Some),
        1 => Just(None),
    ]
}

/// A `kind` member: a keyword in any case, an unknown word, another type, or none.
fn kind_value() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        3 => (select(&Kind::ALL[..]), any::<bool>()).prop_map(|(kind, upper)| {
            let word = if upper { kind.key().to_ascii_uppercase() } else { kind.key().to_owned() };
            Some(Value::String(word))
        }),
        1 => select(&["rumour", "", "trailer"][..]).prop_map(|w| Some(Value::String(w.to_owned()))),
        1 => json_value().prop_map(Some),
        1 => Just(None),
    ]
}

/// An item's id: from a small pool (so that ids repeat), a number, or something unreadable.
fn id_value() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        6 => (0..10u8).prop_map(|n| Some(Value::String(format!("p{n}")))),
        1 => (0..10u8).prop_map(|n| Some(Value::from(u64::from(n)))),
        1 => prop_oneof![
            Just(Some(Value::Null)),
            Just(Some(json!({ "id": "p1" }))),
            Just(Some(json!(["p2"]))),
            Just(Some(json!(""))),
            Just(None),
        ],
    ]
}

/// A date member: valid, invalid, far away, or another type.
fn date_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        select(
            &[
                "2026-11-20T09:00:00Z",
                "2026-11-20T09:00:00.123+05:30",
                "9999-12-31T23:59:59Z",
                "0000-01-01T00:00:00Z",
                "2026-02-30T10:00:00Z",
                "2026-11-20",
                "yesterday",
                "",
            ][..]
        )
        .prop_map(|date| Value::String(date.to_owned())),
        json_value(),
    ]
}

/// A link member: an http(s) link carrying the marker, a hostile scheme, or another type.
fn link_value(marker: String) -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::String(format!("https://fans.example/{marker}/a"))),
        Just(Value::String(format!("/{marker}/relative"))),
        select(
            &[
                "javascript:alert(1)",
                " JaVaScRiPt:alert(1)",
                "java\tscript:alert(1)",
                "\u{0}javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)",
                "&#106;avascript:alert(1)",
                "//cdn.example/a.png",
                "https://\"onmouseover=alert(1)//",
            ][..]
        )
        .prop_map(|link| Value::String(link.to_owned())),
        json_value(),
    ]
}

/// One raw item: `index` makes its marker unique, so that a repeated id's text is told apart.
fn raw_item(index: usize) -> impl Strategy<Value = Value> {
    let parts = (
        id_value(),
        prop::collection::vec(hostile_text(), 6),
        (level_value(), kind_value()),
        (date_value(), any::<bool>(), 0u8..4),
        prop::collection::vec(any::<bool>(), 8),
        (hostile_text(), hostile_text(), json_value()),
    );
    parts.prop_flat_map(
        move |(id, texts, (level, kind), (date, html, ext_shape), flags, safe)| {
            // The marker names the item's id, unless this item repeats an id or has none: then the
            // marker names no item, so it may never appear on the page at all.
            let marker = format!("SECRET-x{index}");
            let links = (
                link_value(marker.clone()),
                link_value(marker.clone()),
                link_value(marker.clone()),
            );
            (
                Just((id, texts, level, kind, date, html, ext_shape, flags, safe)),
                links,
            )
                .prop_map(
                    move |((id, texts, level, kind, date, html, ext_shape, flags, safe), links)| {
                        let spoiling = |i: usize| Value::String(format!("{marker} {}", texts[i]));
                        let mut item = Map::new();
                        if let Some(id) = id {
                            item.insert("id".into(), id);
                        }
                        item.insert("title".into(), spoiling(0));
                        if html {
                            item.insert("content_html".into(), spoiling(1));
                        } else {
                            item.insert("content_text".into(), spoiling(1));
                        }
                        if flags[0] {
                            item.insert("summary".into(), spoiling(2));
                        }
                        item.insert("tags".into(), json!([spoiling(3), safe.2.clone()]));
                        item.insert("authors".into(), json!([{ "name": spoiling(4) }]));
                        item.insert(
                            if flags[1] {
                                "date_published"
                            } else {
                                "date_modified"
                            }
                            .into(),
                            date.clone(),
                        );
                        item.insert("url".into(), links.0.clone());
                        item.insert("external_url".into(), links.1.clone());
                        item.insert("image".into(), links.2.clone());

                        let mut ext = Map::new();
                        if let Some(level) = &level {
                            ext.insert("level".into(), level.clone());
                        }
                        if let Some(kind) = &kind {
                            ext.insert("kind".into(), kind.clone());
                        }
                        // Safe fields are shown on placeholders: hostile, but without a marker.
                        if flags[2] {
                            ext.insert("safe_title".into(), Value::String(safe.0.clone()));
                        }
                        if flags[3] {
                            ext.insert("show".into(), Value::String(safe.1.clone()));
                        }
                        ext.insert(
                            "production".into(),
                            if flags[4] {
                                json!({ "stage": "filming", "progress": safe.2.clone() })
                            } else {
                                safe.2.clone()
                            },
                        );
                        ext.insert(
                            "cast".into(),
                            json!([{ "name": spoiling(5), "role": spoiling(2) }, safe.2.clone()]),
                        );
                        ext.insert(
                            "release".into(),
                            json!({
                                "from": date.clone(),
                                "to": "2027-01-01",
                                "label": spoiling(3),
                                "note": spoiling(4),
                                "confidence": if flags[5] { "confirmed" } else { "reported" },
                            }),
                        );
                        match ext_shape {
                            0 => {}
                            1 => {
                                item.insert("_spoilerfeed".into(), json!([Value::Object(ext)]));
                            }
                            _ => {
                                item.insert("_spoilerfeed".into(), Value::Object(ext));
                            }
                        }
                        if flags[0] && flags[6] && flags[7] {
                            // Now and then an item that isn't an object at all.
                            return json!([spoiling(0)]);
                        }
                        Value::Object(item)
                    },
                )
        },
    )
}

/// A feed document: a default level (valid, unknown, another type or none) and 0 to 12 items.
fn raw_feed() -> impl Strategy<Value = Value> {
    let items = (0usize..12).prop_flat_map(|count| (0..count).map(raw_item).collect::<Vec<_>>());
    (level_value(), hostile_text(), items).prop_map(|(default_level, show, items)| {
        let mut ext = Map::new();
        ext.insert("show".into(), Value::String(show));
        if let Some(level) = default_level {
            ext.insert("default_level".into(), level);
        }
        json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Property feed",
            "_spoilerfeed": ext,
            "items": items,
        })
    })
}

// ---------------------------------------------------------------------------------------------
// The oracle: levels, kinds and which item wins an id, read from the JSON by the rules of
// docs/FORMAT.md, not through the crate's parser.

fn keyword<T: Copy>(
    value: Option<&Value>,
    all: &[T],
    key: impl Fn(T) -> &'static str,
) -> Option<T> {
    let word = value?.as_str()?.trim();
    all.iter()
        .copied()
        .find(|k| key(*k).eq_ignore_ascii_case(word))
}

/// The readable items of a generated feed (every object: each has a title), each with the id
/// it is known by: its own when it is a non-empty string or a number, else its link as
/// written (`url`, then `external_url`), else a made-up one, which the item's unique marker
/// stands for here. Ids in these feeds are plain (`p3`) or numbers; links are cleaned as lines.
fn items_with_ids(doc: &Value) -> impl Iterator<Item = (String, &Map<String, Value>)> {
    doc["items"].as_array().unwrap().iter().filter_map(|item| {
        let obj = item.as_object()?;
        let link = |key: &str| {
            let link = feed::text::clean_line(obj.get(key)?.as_str()?);
            (!link.is_empty()).then_some(link)
        };
        let id = match obj.get("id") {
            Some(Value::String(id)) if !id.is_empty() => id.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => link("url")
                .or_else(|| link("external_url"))
                .unwrap_or_else(|| format!("made up for {}", marker(obj))),
        };
        Some((id, obj))
    })
}

/// The marker a generated item carries in its title.
fn marker(obj: &Map<String, Value>) -> String {
    secret_tokens(obj["title"].as_str().unwrap())
        .into_iter()
        .next()
        .unwrap()
}

/// The marker a read item carries in its title: which generated item it is.
fn read_marker(item: &feed::Item) -> String {
    secret_tokens(item.title.as_deref().unwrap_or_default())
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The marker of each item that wins its id (the first item with an id wins), with its level
/// and kind.
fn oracle(doc: &Value) -> BTreeMap<String, (Level, Kind)> {
    let ext = doc["_spoilerfeed"].as_object();
    let default = keyword(
        ext.and_then(|e| e.get("default_level")),
        &Level::ALL,
        Level::key,
    );
    let mut ids = BTreeSet::new();
    let mut known = BTreeMap::new();
    for (id, obj) in items_with_ids(doc) {
        if !ids.insert(id) {
            continue;
        }
        let ext = obj.get("_spoilerfeed").and_then(Value::as_object);
        let level = keyword(ext.and_then(|e| e.get("level")), &Level::ALL, Level::key)
            .or(default)
            .unwrap_or(Level::Major);
        let kind =
            keyword(ext.and_then(|e| e.get("kind")), &Kind::ALL, Kind::key).unwrap_or(Kind::Other);
        known.insert(marker(obj), (level, kind));
    }
    known
}

// ---------------------------------------------------------------------------------------------
// Reading never panics.

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_parser(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = feed::parse(&text, None);
        let _ = feed::parse(&text, Some(FEED_URL));
    }

    #[test]
    fn arbitrary_strings_never_panic_the_parser(text in any::<String>()) {
        let _ = feed::parse(&text, Some(FEED_URL));
        let _ = feed::parse(&format!("{{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{text}]}}"), None);
    }
}

proptest! {
    // Building each feed is the slow part of this property, hence fewer cases.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Feeds cut off, with a character inserted or a stretch deleted anywhere.
    #[test]
    fn damaged_feeds_never_panic_the_parser(
        doc in raw_feed(),
        at in any::<prop::sample::Index>(),
        len in 0usize..40,
        insert in any::<char>(),
        how in 0u8..3,
    ) {
        let mut chars: Vec<char> = doc.to_string().chars().collect();
        let at = at.index(chars.len() + 1);
        match how {
            0 => chars.truncate(at),
            1 => chars.insert(at, insert),
            _ => {
                let end = (at + len).min(chars.len());
                chars.drain(at..end);
            }
        }
        let text: String = chars.into_iter().collect();
        let _ = feed::parse(&text, Some(FEED_URL));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Any JSON value in any member of the feed and its items is read (as absent, if it is of
    /// the wrong type), never a reason to refuse the feed.
    #[test]
    fn any_json_in_any_member_is_read_leniently(
        title in json_value(),
        home in json_value(),
        ext in json_value(),
        items in prop::collection::vec(
            prop_oneof![
                json_value(),
                prop::collection::btree_map(
                    select(&["id", "title", "content_text", "content_html", "summary", "url",
                        "external_url", "image", "date_published", "date_modified", "authors",
                        "author", "tags", "_spoilerfeed"][..]),
                    json_value(),
                    0..8,
                ).prop_map(|map| Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
            ],
            0..8,
        ),
    ) {
        let doc = json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": home,
            "_spoilerfeed": ext,
            "items": items,
        });
        let feed = feed::parse(&doc.to_string(), Some(FEED_URL));
        prop_assert!(feed.is_ok(), "{:?}", feed.err());
        let feed = feed.unwrap();
        prop_assert_eq!(feed.items.len() + feed.skipped, items.len());
    }
}

// ---------------------------------------------------------------------------------------------
// The filter and the rendered list.

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn only_items_within_the_level_or_revealed_are_shown_and_rendered(
        doc in raw_feed(),
        revealed in subsequence((0..10).map(|n| format!("p{n}")).collect::<Vec<_>>(), 0..4),
        kinds in subsequence(Kind::ALL.to_vec(), 1..=4),
    ) {
        let feed = feed::parse(&doc.to_string(), Some(FEED_URL)).expect("the feed is valid");
        let expected = oracle(&doc);
        // Each read item is the generated item that won its id: told by its marker.
        let markers: BTreeMap<String, String> = feed
            .items
            .iter()
            .map(|item| (item.id.clone(), read_marker(item)))
            .collect();
        prop_assert_eq!(markers.len(), feed.items.len(), "ids are unique");
        prop_assert_eq!(
            markers.values().map(String::as_str).collect::<BTreeSet<_>>(),
            expected.keys().map(String::as_str).collect::<BTreeSet<_>>()
        );
        prop_assert_eq!(feed.items.len() + feed.skipped, doc["items"].as_array().unwrap().len());
        prop_assert_eq!(feed.skipped, feed.skips.len());

        let kinds = KindSet::parse(&kinds.iter().map(|k| k.key()).collect::<Vec<_>>().join(","))
            .unwrap();
        let revealed: BTreeSet<String> = revealed.into_iter().collect();
        let shared = shared(feed);
        for level in Level::ALL {
            let prefs = Prefs { level, kinds, revealed: revealed.iter().cloned().collect(), ..Prefs::default() };
            let view = spoiler::view(&shared.0, &prefs);
            let mut listed = 0;
            for entry in &view.entries {
                listed += 1;
                match entry {
                    Entry::Shown { item, revealed: by_hand } => {
                        let (oracle_level, kind) = expected[&markers[&item.id]];
                        prop_assert_eq!(item.level, oracle_level, "{}", item.id);
                        prop_assert!(kinds.contains(kind));
                        prop_assert!(
                            oracle_level <= level || revealed.contains(&item.id),
                            "{} ({:?}) shown at {:?}", item.id, oracle_level, level
                        );
                        prop_assert_eq!(*by_hand, oracle_level > level);
                    }
                    Entry::Hidden(item) => {
                        let (oracle_level, _) = expected[&markers[item.id()]];
                        prop_assert!(oracle_level > level && !revealed.contains(item.id()));
                    }
                }
            }
            let in_kinds = expected.values().filter(|(_, kind)| kinds.contains(*kind)).count();
            prop_assert_eq!(listed, in_kinds, "every item of a listed kind is an entry");

            let html = render_card_list(&shared, prefs.clone(), usize::MAX);
            let problems = page_problems(&html);
            prop_assert!(problems.is_empty(), "at {:?}: {:?}", level, problems);
            prop_assert_eq!(html.matches("data-testid=\"card\"").count(), view.shown());
            prop_assert_eq!(html.matches("data-testid=\"placeholder\"").count(), view.hidden);
            // The only markers on the page are those of shown items, each the marker of the
            // item that won its id.
            let allowed: BTreeSet<&str> = view
                .entries
                .iter()
                .filter_map(|entry| match entry {
                    Entry::Shown { item, .. } => Some(markers[&item.id].as_str()),
                    Entry::Hidden(_) => None,
                })
                .collect();
            for token in secret_tokens(&html) {
                prop_assert!(allowed.contains(token.as_str()), "SECRET-{} at {:?}", token, level);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The fan's guards.

/// A word or phrase a fan might mute: one the generated texts use now and then, a marker's
/// word, or anything.
fn mute_word() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(&["secret", "SECRET", "x1", "x3", "script", "alert", "amp", "w", "onerror=alert"][..])
            .prop_map(str::to_owned),
        2 => "[a-z]{1,8}",
        1 => "[a-z]{1,4} [a-z]{1,4}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

/// The ids a view shows as full cards.
fn cards(view: &spoiler::View) -> BTreeSet<String> {
    view.entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Shown { item, .. } => Some(item.id.clone()),
            Entry::Hidden(_) => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// For any feed, level, progress, reveals and muted words (for every show and for the
    /// feed's show), with or without the show snoozed, what the guards show is a subset of
    /// what the level and progress alone show; the counts agree with the list; and a muted
    /// placeholder's update really mentions a muted word.
    #[test]
    fn the_guards_only_ever_hide_more(
        doc in raw_feed(),
        level in select(&Level::ALL[..]),
        watched in select(&["none", "S1E1", "all", "aired-7d"][..]),
        revealed in subsequence((0..10).map(|n| format!("p{n}")).collect::<Vec<_>>(), 0..4),
        passed in subsequence((0..10).map(|n| format!("p{n}")).collect::<Vec<_>>(), 0..4),
        every in prop::collection::vec(mute_word(), 0..4),
        own in prop::collection::vec(mute_word(), 0..3),
        snooze in any::<bool>(),
    ) {
        let feed = feed::parse(&doc.to_string(), Some(FEED_URL)).expect("the feed is valid");
        let prefs = Prefs { level, revealed: revealed.into_iter().collect(), ..Prefs::default() };
        let book: ProgressBook = feed
            .show
            .iter()
            .map(|show| (show.clone(), ShowProgress { watched: Watched::parse(watched).unwrap(), ahead: false }))
            .collect();
        let mut mutes = MuteBook::default();
        for word in &every {
            mutes.add(&Scope::Every, word);
        }
        if let Some(show) = &feed.show {
            for word in &own {
                mutes.add(&Scope::Show(show.clone()), word);
            }
        }
        let mut snoozes = Snoozes::default();
        if let (true, Some(show)) = (snooze, &feed.show) {
            snoozes.snooze(show, SnoozeEnd::Unsnoozed);
        }
        let guards = Guards {
            mutes: MuteList::new(&mutes, &[]),
            snoozes,
            passed: passed.into_iter().collect(),
        };
        let plain = spoiler::view_with_progress(&feed, &prefs, &book, now());
        let guarded = spoiler::view_guarded(&feed, &prefs, &book, &guards, now());
        let (plain_cards, guarded_cards) = (cards(&plain), cards(&guarded));
        prop_assert!(
            guarded_cards.is_subset(&plain_cards),
            "shown only with the guards: {:?}", guarded_cards.difference(&plain_cards).collect::<Vec<_>>()
        );
        prop_assert_eq!(guarded.entries.len(), plain.entries.len());
        prop_assert_eq!(
            spoiler::guarded_counts(&feed, &prefs, &book, &guards, now()),
            (guarded.shown(), guarded.muted)
        );
        for entry in &guarded.entries {
            if let Entry::Hidden(concealed) = entry {
                let item = feed.items.iter().find(|item| item.id == concealed.id()).unwrap();
                match concealed.guard() {
                    Some(Guard::Muted) => prop_assert!(guards.mutes.mutes(item)),
                    Some(Guard::Snoozed) => {
                        prop_assert!(snooze && item.show.is_some());
                        prop_assert_eq!(concealed.show(), None);
                        prop_assert_eq!(concealed.safe_title(), None);
                    }
                    None => prop_assert!(!plain_cards.contains(&item.id)),
                }
                if let Some(title) = concealed.safe_title() {
                    prop_assert!(!guards.mutes.mentions(item.show.as_deref(), title));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// HTML to text.

/// A fragment of HTML made of text without `<` or `&`, tags (hostile ones too), comments, and
/// elements whose content is never text, that content marked `HIDDEN`.
fn html_fragment() -> impl Strategy<Value = String> {
    let text = "[^<&]{0,12}";
    let tag = select(
        &[
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "<br/>",
            "<a href=\"javascript:alert(1)\">",
            "</a>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=x ONERROR=alert(1)>",
            "<div class='x'>",
            "</div>",
            "<li>",
            "<td>",
            "<hr>",
            "<x-custom a=b>",
            "<video controls>",
            "</video>",
            "<img alt=\"a>b\">",
            "</unknown>",
            "<a\nhref=x>",
        ][..],
    )
    .prop_map(str::to_owned);
    let hidden = (
        select(
            &[
                "script", "style", "template", "noscript", "iframe", "svg", "SCRIPT", "Svg",
            ][..],
        ),
        "[^<&]{0,12}",
    )
        .prop_map(|(name, inner)| {
            format!("<{name} onload=alert(1)>HIDDEN {inner} <b>HIDDEN</b></{name}>")
        });
    let comment = "[^<&>-]{0,12}".prop_map(|inner| format!("<!-- HIDDEN {inner} -->"));
    let piece = prop_oneof![3 => text.prop_map(String::from), 3 => tag, 1 => hidden, 1 => comment];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn html_reduced_to_text_keeps_no_tag_and_no_hidden_content(html in html_fragment()) {
        let text = html_to_text(&html);
        prop_assert!(!text.contains('<'), "{:?} -> {:?}", html, text);
        prop_assert!(!text.contains("HIDDEN"), "{:?} -> {:?}", html, text);
        prop_assert!(!text.contains("alert"), "{:?} -> {:?}", html, text);
    }

    /// In any text, a `<` in the output comes from an entity (`&lt;`) or from a `<` that no `>`
    /// follows (text, not a tag): never from a tag. So there are no more of them than there
    /// are `&` in the input and `<` after its last `>`.
    #[test]
    fn html_to_text_output_has_no_tag_from_the_input(
        html in prop_oneof![
            any::<String>(),
            prop::collection::vec(prop_oneof![
                select(&HOSTILE_PIECES[..]).prop_map(str::to_owned),
                "[ -~]{0,6}",
            ], 0..10).prop_map(|pieces| pieces.concat()),
        ]
    ) {
        let text = html_to_text(&html);
        let tail = &html[html.rfind('>').map_or(0, |end| end + 1)..];
        let limit = html.matches('&').count() + tail.matches('<').count();
        prop_assert!(text.matches('<').count() <= limit, "{:?} -> {:?}", html, text);
        if !html.contains('&') && !tail.contains('<') {
            prop_assert!(!text.to_ascii_lowercase().contains("<script"), "{:?} -> {:?}", html, text);
        }
        prop_assert!(!text.chars().any(|c| is_bidi_or_invisible(c) || (c.is_control() && c != '\n')));
    }
}

// ---------------------------------------------------------------------------------------------
// Links.

/// Link-ish strings: schemes in any case with white space, controls or entities around and in
/// them, relative paths, and random text.
fn link_text() -> impl Strategy<Value = String> {
    let scheme = select(
        &[
            "javascript",
            "data",
            "vbscript",
            "http",
            "https",
            "file",
            "mailto",
            "ftp",
        ][..],
    );
    // Mostly nothing, so that a bare scheme is common; else white space, controls, look-alike
    // spaces, an encoded colon or a slash.
    let noise = prop_oneof![
        4 => Just(""),
        1 => select(
            &[
                " ", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{A0}", "\u{2028}", "&#58;", "%20", "/",
            ][..],
        ),
    ];
    let built = (
        noise.clone(),
        scheme,
        prop::collection::vec(any::<bool>(), 10),
        any::<prop::sample::Index>(),
        noise.clone(),
        noise,
        prop_oneof![
            3 => Just("://"),
            2 => Just(":"),
            1 => Just(":/"),
            1 => Just("&colon;"),
            1 => Just(""),
        ],
        prop_oneof!["[a-z]{1,8}(\\.[a-z]{2,3})?(/[ -~]{0,8})?", "[ -~]{0,16}"],
    )
        .prop_map(|(before, scheme, upper, at, inside, after, colon, rest)| {
            let mut scheme: String = scheme
                .chars()
                .zip(upper)
                .map(|(c, up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            let at = at.index(scheme.len() + 1);
            scheme.insert_str(at, inside);
            format!("{before}{scheme}{after}{colon}{rest}")
        });
    prop_oneof![3 => built, 1 => any::<String>(), 1 => "[ -~]{0,24}"]
}

fn base_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some(FEED_URL.to_owned())),
        Just(Some("HTTP://Fans.example".to_owned())),
        Just(Some("file:///feed.json".to_owned())),
        Just(Some("javascript:alert(1)//".to_owned())),
        any::<String>().prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_safe_link_is_always_http_or_https(raw in link_text(), base in base_text()) {
        let Some(link) = safe_link(&raw, base.as_deref()) else { return Ok(()) };
        let lower = link.to_ascii_lowercase();
        prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{:?} -> {:?}", raw, link);
        prop_assert!(!link.chars().any(|c| c.is_control() || c == ' '), "{:?} -> {:?}", raw, link);
        // What a browser would see as the scheme (it strips controls and spaces first) is never
        // a script or data scheme.
        let seen: String = raw.chars().filter(|c| *c > ' ').collect::<String>().to_ascii_lowercase();
        for scheme in ["javascript:", "data:", "vbscript:"] {
            prop_assert!(!seen.starts_with(scheme), "{:?} -> {:?}", raw, link);
        }
    }
}
