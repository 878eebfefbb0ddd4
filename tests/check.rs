//! The check page for site owners: the report's rows and wording (every way an item gets its
//! level and kind, the rules in effect, what the reader forgave and left out), and the page as
//! rendered on the server, where titles are not in the HTML before "Show titles".

// Native only: these render on the host; the browser's click is in `browser_check.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::*;
use serde_json::json;
use spoilerfeed::classify::Rules;
use spoilerfeed::components::check_page::{CheckPageProps, CheckReportProps};
use spoilerfeed::components::{CheckPage, CheckReport, ToolsPage, ToolsProps};
use spoilerfeed::config::Settings;
use spoilerfeed::feed::{Feed, Note, Skip, SkipReason};
use spoilerfeed::i18n::Lang;
use spoilerfeed::platform;
use spoilerfeed::report::{self, Report, Row};
use spoilerfeed::types::Level;
use spoilerfeed::{App, AppProps};

const TAGGED: &str = "tagged.json";

/// The page's rules from its query.
fn host(query: &str) -> Rules {
    Settings::from_query(query).rules
}

/// The tagged fixture as read under the page's `query`.
fn tagged(query: &str) -> Feed {
    platform::read_feed(
        &fixture_text(TAGGED),
        Some(&fixture_url(TAGGED)),
        &host(query),
    )
    .expect("the fixture is read")
}

/// The row of the item whose id ends in `/{slug}`.
fn row<'a>(report: &'a Report, slug: &str) -> &'a Row {
    report
        .rows
        .iter()
        .find(|row| row.id.ends_with(&format!("/{slug}")))
        .unwrap_or_else(|| panic!("no row {slug}"))
}

#[test]
fn each_row_says_why_the_item_has_its_level_and_kind() {
    let report = Report::of(&tagged(""), &Rules::default());
    let expect = [
        ("own-label", "None", "Own label", "Release", "Own label"),
        (
            "casting",
            "Mild",
            "Tag \"Casting\"",
            "Cast",
            "Tag \"Casting\"",
        ),
        // The most spoiling of several mapped tags names the reason.
        (
            "several",
            "Moderate",
            "Tag \"Trailers\"",
            "Cast",
            "Tag \"Casting\"",
        ),
        (
            "spacing",
            "None",
            "Tag \"PRODUCTION\"",
            "Production",
            "Tag \"PRODUCTION\"",
        ),
        (
            "unmapped",
            "Major",
            "Nothing said: Major (fail closed)",
            "News",
            "Nothing said: News",
        ),
        (
            "untagged",
            "Major",
            "Nothing said: Major (fail closed)",
            "News",
            "Nothing said: News",
        ),
    ];
    for (slug, level, level_reason, kind, kind_reason) in expect {
        let row = row(&report, slug);
        assert_eq!(Lang::default().level(row.level), level, "{slug}");
        assert_eq!(row.level_reason, level_reason, "{slug}");
        assert_eq!(Lang::default().kind(row.kind), kind, "{slug}");
        assert_eq!(row.kind_reason, kind_reason, "{slug}");
    }
    // The page's default level catches what nothing maps; its map wins over the feed's.
    let rules = "tag-levels=trailers:mild,news:moderate&default-level=mild";
    let report = Report::of(&tagged(rules), &host(rules));
    assert_eq!(row(&report, "untagged").level_reason, "The default level");
    assert_eq!(row(&report, "untagged").level, Level::Mild);
    assert_eq!(row(&report, "several").level_reason, "Tag \"News\"");
    assert_eq!(row(&report, "unmapped").level, Level::Moderate);
    assert_eq!(row(&report, "own-label").level_reason, "Own label");
}

#[test]
fn each_row_says_at_which_levels_the_item_is_shown() {
    let report = Report::of(&tagged(""), &Rules::default());
    let casting = row(&report, "casting");
    assert_eq!(casting.shown_at, "Mild, Moderate, Major");
    assert_eq!(casting.hidden_at, "None");
    let unmapped = row(&report, "unmapped");
    assert_eq!(unmapped.shown_at, "Major");
    assert_eq!(unmapped.hidden_at, "None, Mild, Moderate");
    assert_eq!(row(&report, "own-label").hidden_at, "never");
}

#[test]
fn rows_follow_the_list_newest_first_and_name_what_identifies_each_item() {
    let feed = tagged("");
    let report = Report::of(&feed, &Rules::default());
    assert_eq!(report.rows.len(), feed.items.len());
    for (at, (row, item)) in report.rows.iter().zip(&feed.items).enumerate() {
        assert_eq!(row.position, at + 1);
        assert_eq!(row.id, item.id);
    }
    let first = &report.rows[0];
    assert_eq!(first.date.as_deref(), Some("30 November 2026, 10:00 UTC"));
    assert_eq!(first.safe_title.as_deref(), Some("Premiere date news"));
    assert!(first
        .title
        .as_deref()
        .unwrap()
        .starts_with("SECRET-own-label"));
    let undated = only_item(json!({"id": "u", "title": "T"}));
    assert_eq!(Row::of(&Lang::default(), 1, &undated).date, None);
}

#[test]
fn the_summary_names_the_feed_its_format_and_counts() {
    let feed = tagged("");
    let report = Report::of(&feed, &Rules::default());
    assert_eq!(report.title, "Riverside Fans");
    assert_eq!(report.format, "JSON Feed");
    assert_eq!(report.items, 6);
    assert_eq!(report.skipped, 0);
    assert!(report.skips.is_empty());
}

#[test]
fn the_rules_in_effect_say_whose_they_are() {
    let rules = host("tag-levels=Trailers:mild,news:moderate,casting:mild&tag-kinds=news:other");
    let report = Report::of(&tagged(""), &rules);
    let levels: Vec<(&str, &str, &str)> = report
        .tag_levels
        .iter()
        .map(|row| (row.tag.as_str(), row.value, row.from.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            ("casting", "Mild", "this page"),
            ("episode recaps", "Major", "the feed"),
            ("news", "Moderate", "this page"),
            ("production", "None", "the feed"),
            ("trailers", "Mild", "this page, over the feed's Moderate"),
        ]
    );
    let kinds: Vec<(&str, &str, &str)> = report
        .tag_kinds
        .iter()
        .map(|row| (row.tag.as_str(), row.value, row.from.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("casting", "Cast", "the feed"),
            ("news", "News", "this page"),
            ("production", "Production", "the feed"),
            ("release dates", "Release", "the feed"),
        ]
    );
}

#[test]
fn the_default_level_says_whose_it_is_or_that_unlabelled_items_are_major() {
    let default = |feed: Option<Level>, page: Option<Level>| {
        let feed = Feed {
            rules: Rules {
                default_level: feed,
                ..Rules::default()
            },
            ..Feed::default()
        };
        let page = Rules {
            default_level: page,
            ..Rules::default()
        };
        Report::of(&feed, &page).default_level
    };
    assert_eq!(
        default(None, None),
        "Not set: an item with no level and no mapped tag is Major (fail closed)"
    );
    assert_eq!(default(Some(Level::Mild), None), "Mild, from the feed");
    assert_eq!(default(None, Some(Level::None)), "None, from this page");
    assert_eq!(
        default(Some(Level::Mild), Some(Level::Moderate)),
        "Moderate, from this page (over the feed's Mild)"
    );
    assert_eq!(
        default(Some(Level::Mild), Some(Level::Mild)),
        "Mild, from this page"
    );
}

#[test]
fn what_the_reader_forgave_is_said_plainly() {
    let notes = [
        (
            Note::NoId,
            "It has no id, so its link (or, without one, its title, date and text) stands in for one.",
        ),
        (
            Note::UnreadableDate("yesterday-ish".into()),
            "Its date \"yesterday-ish\" couldn't be read, so it is listed as undated, last.",
        ),
        (
            Note::AssumedUtc("2025-03-25T09:00:00".into()),
            "Its date \"2025-03-25T09:00:00\" gives no time zone, so it was read as UTC.",
        ),
        (
            Note::UnknownLevel("extreme".into()),
            "Its level \"extreme\" isn't none, mild, moderate or major, so it was classified as if it had none.",
        ),
        (
            Note::UnknownKind("gossip".into()),
            "Its kind \"gossip\" isn't production, cast, release or other, so it was classified as if it had none.",
        ),
        (
            Note::UnsafeLink("javascript:alert('the-hero-dies')".into()),
            "A link that isn't http(s) was left out (it starts \"javascript:\").",
        ),
        (
            Note::UnsafeLink("//the-hero-dies".into()),
            "A link that isn't http(s) was left out.",
        ),
    ];
    for (note, words) in &notes {
        assert_eq!(report::note_text(note), *words);
    }
    // A row carries its item's notes, in order.
    let mut item = (*only_item(json!({"id": "n", "title": "T"}))).clone();
    item.notes = notes.iter().map(|(note, _)| note.clone()).collect();
    let row = Row::of(&Lang::default(), 1, &item);
    assert_eq!(row.notes.len(), notes.len());
    assert!(row.notes.iter().all(|note| !note.contains("hero")));
}

#[test]
fn what_was_left_out_is_said_with_its_place_and_never_its_id() {
    let feed = Feed {
        skipped: 4,
        skips: vec![
            Skip {
                position: 2,
                reason: SkipReason::NotAnItem,
            },
            Skip {
                position: 5,
                reason: SkipReason::Empty,
            },
            Skip {
                position: 7,
                reason: SkipReason::DuplicateId("https://fans.example/the-hero-dies".into()),
            },
        ],
        ..Feed::default()
    };
    let report = Report::of(&feed, &Rules::default());
    assert_eq!(report.skipped, 4);
    assert_eq!(
        report.skips,
        [
            "Item 2 was left out: it isn't an item (a value other than an object).",
            "Item 5 was left out: it has nothing to know it by: no id, link, title, date or text.",
            "Item 7 was left out: it has the same id as an earlier item, which is kept.",
            "1 item more couldn't be read.",
        ]
    );
    // Duplicates found by the shared finish step come with their place.
    let doc = document(json!([
        {"id": "same", "title": "First", "date_published": "2026-11-01T00:00:00Z"},
        {"id": "other", "title": "Other"},
        {"id": "same", "title": "Second"}
    ]));
    let report = Report::of(&parse_value(&doc), &Rules::default());
    assert_eq!(
        report.skips,
        ["Item 3 was left out: it has the same id as an earlier item, which is kept."]
    );
}

// ---------------------------------------------------------------------------------------------
// The page, rendered on the server.

fn check_report(feed: Feed, rules: Rules) -> String {
    render::<CheckReport>(yew::props!(CheckReportProps {
        feed: shared(feed),
        rules,
    }))
}

/// The `<li data-testid="check-item" …>…</li>` elements, in order.
fn item_rows(html: &str) -> Vec<&str> {
    html.match_indices("<li data-testid=\"check-item\"")
        .map(|(start, _)| {
            let mut depth = 0;
            let mut at = start;
            loop {
                let open = html[at + 1..].find("<li").map(|i| i + at + 1);
                let close = html[at + 1..].find("</li>").map(|i| i + at + 1).unwrap();
                match open {
                    Some(open) if open < close => {
                        depth += 1;
                        at = open;
                    }
                    _ if depth > 0 => {
                        depth -= 1;
                        at = close;
                    }
                    _ => return &html[start..close + "</li>".len()],
                }
            }
        })
        .collect()
}

#[test]
fn the_check_page_lists_every_item_without_its_title() {
    let rules = "default-level=mild";
    let feed = tagged(rules);
    let html = check_report(feed.clone(), host(rules));
    assert!(
        page_problems(&html).is_empty(),
        "{:?}",
        page_problems(&html)
    );
    // No title (nor any other spoiling text) before "Show titles".
    assert!(!html.contains(SECRET), "{html}");
    assert!(html.contains("data-testid=\"show-titles\""), "{html}");
    assert!(!html.contains("check-item-title"), "{html}");
    let rows = item_rows(&html);
    assert_eq!(rows.len(), feed.items.len(), "{html}");
    let report = Report::of(&feed, &host(rules));
    for (rendered, row) in rows.iter().zip(&report.rows) {
        assert!(
            rendered.contains(&format!("data-level=\"{}\"", row.level.key())),
            "{rendered}"
        );
        assert!(
            rendered.contains(&format!("#{}", row.position)),
            "{rendered}"
        );
        assert!(rendered.contains(&row.level_reason), "{rendered}");
        assert!(rendered.contains(&row.kind_reason), "{rendered}");
        assert!(rendered.contains(&row.hidden_at), "{rendered}");
        // The item is told apart by a reference, never its id (ids often name the twist).
        assert!(!rendered.contains(&row.id), "{rendered}");
    }
    assert!(rows[0].contains("Premiere date news"), "{}", rows[0]);
    assert!(html.contains("Mild, from this page"), "{html}");
    assert!(html.contains(">Riverside Fans<"), "{html}");
    assert!(html.contains(">JSON Feed<"), "{html}");
}

#[test]
fn the_check_page_shows_notes_and_skips() {
    let mut feed = tagged("");
    let mut item = (*feed.items[0]).clone();
    item.notes = vec![Note::UnsafeLink("javascript:alert(1)".into()), Note::NoId];
    feed.items[0] = Rc::new(item);
    feed.skipped = 1;
    feed.skips = vec![Skip {
        position: 4,
        reason: SkipReason::Empty,
    }];
    let html = check_report(feed, Rules::default());
    let rows = item_rows(&html);
    assert!(
        rows[0].contains("data-testid=\"check-notes\""),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains("it starts \"javascript:\""), "{}", rows[0]);
    assert!(!rows[1].contains("check-notes"), "{}", rows[1]);
    assert!(html.contains("Item 4 was left out"), "{html}");
    assert!(!html.contains("alert(1)"), "{html}");
}

#[test]
fn the_tools_page_with_check_shows_the_check_page_not_the_widget() {
    let html = render::<ToolsPage>(ToolsProps {
        feed_url: "https://fans.example/feed.json".into(),
        check: true,
        ..ToolsProps::default()
    });
    assert!(html.contains("data-testid=\"check-page\""), "{html}");
    assert!(html.contains(">Check a feed</h1>"), "{html}");
    assert!(html.contains("data-testid=\"loading\""), "{html}");
    assert!(!html.contains("spoiler-level"), "{html}");
    let html = render::<CheckPage>(yew::props!(CheckPageProps {
        feed_url: "https://fans.example/feed.json",
        max_bytes: 1000u64,
        rules: Rules::default(),
    }));
    assert!(html.contains("https://fans.example/feed.json"), "{html}");
}

#[test]
fn the_standalone_page_links_to_the_tools_pages_check_for_its_feed() {
    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        widget_base: Some("https://widgets.example/sf/".into()),
        rules: host("tag-levels=casting:mild"),
        ..AppProps::default()
    });
    let link = attribute_value(&html, "data-testid=\"check-link\"");
    let query = link
        .strip_prefix("https://widgets.example/sf/tools.html?")
        .unwrap_or_else(|| panic!("{link}"));
    let settings = Settings::from_query(query);
    assert!(settings.check);
    assert_eq!(
        settings.feed.as_deref(),
        Some("https://fans.example/feed.json")
    );
    assert_eq!(settings.rules, host("tag-levels=casting:mild"));
    // Nor the check page nor the builder is on the widget's page: it links to them.
    assert!(!html.contains("check-page"), "{html}");
    assert!(!html.contains("embed-builder"), "{html}");
    // Embedded widgets don't offer it.
    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        ..AppProps::default()
    });
    assert!(!html.contains("check-link"), "{html}");
    assert!(!html.contains("embed-link"), "{html}");
}

#[test]
fn the_standalone_page_links_to_the_builder_with_what_the_fan_sees() {
    let settings = Settings::from_query(
        "level=moderate&kinds=cast,release&theme=dark&mute=vecna&tag-levels=casting:mild",
    );
    let html = render::<App>(AppProps {
        widget_base: Some("https://widgets.example/sf/".into()),
        lang: platform::lang([Some("de")]),
        ..AppProps::from_settings("https://fans.example/feed.json".into(), settings.clone())
    });
    let link = attribute_value(&html, "data-testid=\"embed-link\"");
    let query = link
        .strip_prefix("https://widgets.example/sf/tools.html?")
        .unwrap_or_else(|| panic!("{link}"));
    let carried = Settings::from_query(query);
    assert!(!carried.check);
    assert_eq!(
        carried.feed.as_deref(),
        Some("https://fans.example/feed.json")
    );
    assert_eq!(carried.overrides.level, Some(Level::Moderate));
    assert_eq!(carried.overrides.kinds, settings.overrides.kinds);
    assert_eq!(carried.theme, settings.theme);
    assert_eq!(carried.mute, ["vecna"]);
    assert_eq!(carried.rules, settings.rules);
    // The tools page speaks the widget's language.
    assert_eq!(carried.lang.as_deref(), Some("de"));
}

/// The tools page's builder for the tagged fixture's URL, opened with `query`.
fn builder_page(query: &str) -> String {
    let settings = Settings::from_query(query);
    render::<ToolsPage>(ToolsProps {
        lang: platform::lang([settings.lang.clone()]),
        ..ToolsProps::from_settings(
            "https://fans.example/feed.json".into(),
            "https://widgets.example/sf/".into(),
            settings,
        )
    })
}

#[test]
fn the_builder_writes_the_hosts_muted_words_into_the_snippet() {
    let html = builder_page("level=mild&mute=Vecna,%20keeper%27s%20daughter");
    assert!(html.contains("data-testid=\"embed-builder\""), "{html}");
    assert!(html.contains("name=\"embed-mute\""), "{html}");
    // The snippet is the textarea's text.
    assert!(
        html.contains(" mute=\"Vecna, keeper's daughter\"&gt;"),
        "{html}"
    );
    assert!(
        html.contains("src=\"https://widgets.example/sf/spoiler-feed.js\""),
        "{html}"
    );
    // Nothing muted, nothing said.
    assert!(!builder_page("level=mild").contains(" mute=\""));
    // The page links to the check page for the same feed.
    let link = attribute_value(&builder_page(""), "data-testid=\"check-link\"");
    let settings = Settings::from_query(link.split_once('?').unwrap().1);
    assert!(settings.check);
    assert_eq!(
        settings.feed.as_deref(),
        Some("https://fans.example/feed.json")
    );
}

#[test]
fn the_builders_choices_are_in_the_widgets_language() {
    let html = builder_page("lang=de");
    assert!(
        html.contains(">Werkzeuge für Website-Betreiber</h1>"),
        "{html}"
    );
    for name in [
        "Automatisch",
        "Hell",
        "Dunkel",
        "Keine",
        "Leicht",
        "Mittel",
        "Stark",
    ] {
        assert!(
            html.contains(&format!(">{name}</option>")),
            "{name}: {html}"
        );
    }
    assert!(html.contains(">Stark (nicht gesetzt)</option>"), "{html}");
    assert!(
        html.contains("Stummgeschaltete Wörter, durch Kommas getrennt"),
        "{html}"
    );
    // The values stay the attributes' keywords.
    assert!(html.contains("value=\"major\""), "{html}");
    assert!(!html.contains(">major<"), "{html}");
}

/// The `href` of the element carrying `marker`, entities decoded.
fn attribute_value(html: &str, marker: &str) -> String {
    let tag = start_tags(html)
        .into_iter()
        .find(|tag| {
            tag.attributes.iter().any(|(name, value)| {
                marker.starts_with(&format!("{name}=\"{}", value.as_deref().unwrap_or("")))
            })
        })
        .unwrap_or_else(|| panic!("no element with {marker}: {html}"));
    tag.attributes
        .into_iter()
        .find(|(name, _)| name == "href")
        .and_then(|(_, value)| value)
        .expect("an href")
}

#[test]
fn a_date_without_a_zone_is_read_as_utc_and_the_check_page_says_so() {
    let rss = r#"<rss version="2.0"><channel><title>T</title>
        <item><guid>a</guid><title>A</title><pubDate>2025-03-25T09:00:00</pubDate></item>
        <item><guid>b</guid><title>B</title><pubDate>2025-03-24T09:00:00Z</pubDate></item>
        </channel></rss>"#;
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
        <entry><id>a</id><title>A</title><updated>2025-03-25 09:00</updated></entry>
        <entry><id>b</id><title>B</title><updated>2025-03-24T09:00:00Z</updated></entry></feed>"#;
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
        {"id": "a", "title": "A", "date_published": "2025-03-25T09:00:00.000"},
        {"id": "b", "title": "B", "date_published": "2025-03-24T09:00:00Z"}]}"#;
    for doc in [rss, atom, json] {
        let feed = spoilerfeed::platform::read_feed(doc, None, &Rules::default()).unwrap();
        // Dated, so listed by its date: before the older item, not last as undated.
        let ids: Vec<&str> = feed.items.iter().map(|item| item.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"], "{doc}");
        let assumed = &feed.items[0];
        assert_eq!(
            assumed.date,
            Some(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 3, 25, 9, 0, 0).unwrap()),
            "{doc}"
        );
        let report = Report::of(&feed, &Rules::default());
        let row = &report.rows[0];
        assert!(row.date.is_some(), "{doc}");
        assert_eq!(row.notes.len(), 1, "{doc}");
        assert!(
            row.notes[0].contains("gives no time zone, so it was read as UTC"),
            "{}",
            row.notes[0]
        );
        assert!(report.rows[1].notes.is_empty(), "{doc}");
    }
}
