//! Watch progress: the rule that lets an update through once the fan has watched past the point
//! it spoils, for every level × spoils point × progress × "one episode ahead", with and without
//! the feed's episode list; what placeholders say; that rendered HTML never carries anything of
//! an update progress leaves hidden; the progress picker; and the reducer's announcement.
//!
//! The expected outcomes are written out by hand (see [`CASES`]), not computed by the crate.
//! `tests/fixtures/progress.json` is the show "Harbour Lights" (three seasons with air dates;
//! by the tests' clock season 3 has aired up to episode 3, then breaks until January) and a
//! second show, "Northern Line", that the feed lists no episodes for.

// Native only: these render on the host (or use host-only crates); the browser suite is
// `browser*.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use chrono::{TimeZone, Utc};
use common::*;
use serde_json::{json, Value};
use spoilerfeed::components::card_list::CardListProps;
use spoilerfeed::components::progress_picker::ProgressPickerProps;
use spoilerfeed::components::{item_ref, CardList, ProgressPicker};
use spoilerfeed::config::Prefs;
use spoilerfeed::feed::Feed;
use spoilerfeed::progress::{self, Point, ProgressBook, ShowProgress, Watched};
use spoilerfeed::spoiler::{self, Entry};
use spoilerfeed::state::{Action, State};
use spoilerfeed::types::Level;
use yew::{Callback, Reducible};

const PROGRESS: &str = "progress.json";
const HARBOUR: &str = "Harbour Lights";
const NORTHERN: &str = "Northern Line";

fn p(value: &str) -> Point {
    Point::parse(value).unwrap_or_else(|| panic!("{value:?} is a point"))
}

fn watched(value: &str) -> Watched {
    Watched::parse(value).unwrap_or_else(|| panic!("{value:?} is progress"))
}

fn progress(value: &str, ahead: bool) -> ShowProgress {
    ShowProgress {
        watched: watched(value),
        ahead,
    }
}

fn book(entries: &[(&str, ShowProgress)]) -> ProgressBook {
    entries
        .iter()
        .map(|(show, progress)| ((*show).to_owned(), *progress))
        .collect()
}

/// What the fan sees of one item.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seen {
    /// A full card; `revealed` when shown by the fan's own Reveal.
    Card { revealed: bool },
    /// A placeholder, with the progress reason it gives (if any).
    Placeholder(Option<String>),
}

/// Every entry of the view, by item id.
fn seen(feed: &Feed, prefs: &Prefs, book: &ProgressBook) -> BTreeMap<String, Seen> {
    let view = spoiler::view_with_progress(feed, prefs, book, now());
    let mut seen = BTreeMap::new();
    let mut hidden = 0;
    for entry in &view.entries {
        let (id, what) = match entry {
            Entry::Shown { item, revealed } => (
                item.id.clone(),
                Seen::Card {
                    revealed: *revealed,
                },
            ),
            Entry::Hidden(concealed) => {
                hidden += 1;
                (
                    concealed.id().to_owned(),
                    Seen::Placeholder(concealed.progress_reason()),
                )
            }
        };
        assert!(seen.insert(id, what).is_none(), "an item listed twice");
    }
    assert_eq!(view.hidden, hidden, "the view's hidden count");
    seen
}

/// The ids listed as full cards.
fn cards(feed: &Feed, prefs: &Prefs, book: &ProgressBook) -> BTreeSet<String> {
    seen(feed, prefs, book)
        .into_iter()
        .filter(|(_, seen)| matches!(seen, Seen::Card { .. }))
        .map(|(id, _)| id)
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

// ---------------------------------------------------------------------------------------------
// The rule, for every combination.

/// The spoils points of the generated items: none, whole seasons, and episodes before, at and
/// after the progress cases' points, the episodes right after them, the last aired episode,
/// the first unaired one, and a season the episode list doesn't have.
const SPOILS: [Option<&str>; 14] = [
    None,
    Some("S1E1"),
    Some("S1"),
    Some("S2E4"),
    Some("S2E5"),
    Some("S2E6"),
    Some("S2E7"),
    Some("S2E8"),
    Some("S2"),
    Some("S3E1"),
    Some("S3E3"),
    Some("S3E4"),
    Some("S3"),
    Some("S4E1"),
];

/// One progress and the spoils points it unlocks, written out by hand.
struct Case {
    /// The progress, as a keyword.
    watched: &'static str,
    /// Unlocked with the fixture's episode list (S1: 6 episodes, S2: 8, S3: 8 of which 3 aired).
    with_list: &'static [&'static str],
    /// Also unlocked with "one episode ahead", with the list.
    with_list_ahead: &'static [&'static str],
    /// Unlocked when the feed lists no episodes for the show.
    without_list: &'static [&'static str],
    /// Also unlocked with "one episode ahead", without the list.
    without_list_ahead: &'static [&'static str],
}

const CASES: [Case; 5] = [
    Case {
        watched: "none",
        with_list: &[],
        with_list_ahead: &["S1E1"],
        without_list: &[],
        without_list_ahead: &["S1E1"],
    },
    // In the middle of a season.
    Case {
        watched: "S2E5",
        with_list: &["S1E1", "S1", "S2E4", "S2E5"],
        with_list_ahead: &["S2E6"],
        without_list: &["S1E1", "S1", "S2E4", "S2E5"],
        without_list_ahead: &["S2E6"],
    },
    // A season's last episode: the whole season only when the list says it is the last, and
    // the next episode is the next season's first.
    Case {
        watched: "S2E8",
        with_list: &["S1E1", "S1", "S2E4", "S2E5", "S2E6", "S2E7", "S2E8", "S2"],
        with_list_ahead: &["S3E1"],
        without_list: &["S1E1", "S1", "S2E4", "S2E5", "S2E6", "S2E7", "S2E8"],
        without_list_ahead: &[],
    },
    // A whole season.
    Case {
        watched: "S2",
        with_list: &["S1E1", "S1", "S2E4", "S2E5", "S2E6", "S2E7", "S2E8", "S2"],
        with_list_ahead: &["S3E1"],
        without_list: &["S1E1", "S1", "S2E4", "S2E5", "S2E6", "S2E7", "S2E8", "S2"],
        without_list_ahead: &["S3E1"],
    },
    // Caught up: what has aired by the air dates (S3E3), or everything without them.
    Case {
        watched: "all",
        with_list: &[
            "S1E1", "S1", "S2E4", "S2E5", "S2E6", "S2E7", "S2E8", "S2", "S3E1", "S3E3",
        ],
        with_list_ahead: &["S3E4"],
        without_list: &[
            "S1E1", "S1", "S2E4", "S2E5", "S2E6", "S2E7", "S2E8", "S2", "S3E1", "S3E3", "S3E4",
            "S3", "S4E1",
        ],
        without_list_ahead: &[],
    },
];

/// Where the generated items' episode list comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Variant {
    /// The feed's show, with the fixture's episode list.
    OwnList,
    /// The feed's show, without an episode list.
    NoList,
    /// Another show named by each item, in a feed that lists episodes for its own show only.
    OtherShow,
}

impl Variant {
    const ALL: [Variant; 3] = [Variant::OwnList, Variant::NoList, Variant::OtherShow];

    /// The show the items are about.
    fn show(self) -> &'static str {
        match self {
            Variant::OtherShow => NORTHERN,
            _ => HARBOUR,
        }
    }

    fn has_list(self) -> bool {
        self == Variant::OwnList
    }
}

fn matrix_id(spoils: Option<&str>, level: Level) -> String {
    format!("m-{}-{}", spoils.unwrap_or("plain"), level.key())
}

fn point_json(point: Point) -> Value {
    match point.episode {
        Some(episode) => json!({ "season": point.season, "episode": episode }),
        None => json!({ "season": point.season }),
    }
}

/// The fixture's episode list, as JSON.
fn fixture_episodes() -> Value {
    fixture_json(PROGRESS)["_spoilerfeed"]["episodes"].clone()
}

/// A feed with one item per level × spoils point.
fn matrix_feed(variant: Variant) -> Feed {
    let mut items = Vec::new();
    for spoils in SPOILS {
        for level in Level::ALL {
            let id = matrix_id(spoils, level);
            let mut ext = json!({ "level": level.key(), "kind": "other" });
            if let Some(spoils) = spoils {
                ext["spoils"] = point_json(p(spoils));
            }
            if variant == Variant::OtherShow {
                ext["show"] = json!(NORTHERN);
            }
            items.push(json!({
                "id": id,
                "title": marker(&id),
                "content_text": format!("{} body", marker(&id)),
                "_spoilerfeed": ext,
            }));
        }
    }
    let mut doc = document(json!(items));
    doc["_spoilerfeed"]["show"] = json!(HARBOUR);
    if variant != Variant::NoList {
        doc["_spoilerfeed"]["episodes"] = fixture_episodes();
    }
    parse_value(&doc)
}

fn expected_reason(spoils: &str, watched: &str) -> String {
    match watched {
        "none" => format!("Spoils {spoils}"),
        "all" => format!("Spoils {spoils}, which hasn't aired yet"),
        point => format!("Spoils {spoils}: you're at {point}"),
    }
}

#[test]
fn progress_unlocks_exactly_what_the_fan_has_watched_at_every_level() {
    let mut checked = 0;
    for variant in Variant::ALL {
        let feed = matrix_feed(variant);
        assert_eq!(feed.items.len(), SPOILS.len() * Level::ALL.len());
        // Progress in the other show must not unlock anything here.
        let other = if variant.show() == HARBOUR {
            NORTHERN
        } else {
            HARBOUR
        };
        for case in &CASES {
            for ahead in [false, true] {
                let (base, extra) = if variant.has_list() {
                    (case.with_list, case.with_list_ahead)
                } else {
                    (case.without_list, case.without_list_ahead)
                };
                let unlocked: BTreeSet<&str> = base
                    .iter()
                    .chain(if ahead { extra } else { &[] })
                    .copied()
                    .collect();
                let fan = book(&[
                    (variant.show(), progress(case.watched, ahead)),
                    (other, progress("all", true)),
                ]);
                for chosen in Level::ALL {
                    let what = format!(
                        "{variant:?}, watched {}{}, level {chosen:?}",
                        case.watched,
                        if ahead { " + one ahead" } else { "" }
                    );
                    let seen = seen(&feed, &prefs(chosen), &fan);
                    assert_eq!(seen.len(), feed.items.len(), "{what}: every item listed");
                    for spoils in SPOILS {
                        for level in Level::ALL {
                            let id = matrix_id(spoils, level);
                            let by_progress = spoils.is_some_and(|s| unlocked.contains(s));
                            let expected = if level <= chosen || by_progress {
                                Seen::Card { revealed: false }
                            } else {
                                Seen::Placeholder(spoils.map(|s| expected_reason(s, case.watched)))
                            };
                            assert_eq!(seen[&id], expected, "{what}: item {id}");
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 3 * CASES.len() * 2 * 4 * SPOILS.len() * 4);
}

#[test]
fn an_item_the_fan_revealed_is_a_revealed_card_unless_progress_unlocks_it() {
    let feed = matrix_feed(Variant::OwnList);
    let revealed: BTreeSet<String> = SPOILS
        .iter()
        .map(|spoils| matrix_id(*spoils, Level::Major))
        .collect();
    let prefs = Prefs {
        level: Level::Mild,
        revealed,
        ..Prefs::default()
    };
    let fan = book(&[(HARBOUR, progress("S2E5", true))]);
    let seen = seen(&feed, &prefs, &fan);
    for spoils in SPOILS {
        let unlocked = spoils.is_some_and(|s| ["S1E1", "S1", "S2E4", "S2E5", "S2E6"].contains(&s));
        assert_eq!(
            seen[&matrix_id(spoils, Level::Major)],
            Seen::Card {
                revealed: !unlocked
            },
            "major item spoiling {spoils:?}"
        );
        // Moderate items were not revealed: progress alone decides.
        let moderate = &seen[&matrix_id(spoils, Level::Moderate)];
        assert_eq!(
            matches!(moderate, Seen::Card { revealed: false }),
            unlocked,
            "moderate item spoiling {spoils:?}: {moderate:?}"
        );
    }
}

#[test]
fn without_progress_the_view_is_the_plain_level_rule() {
    let feed = load_fixture(PROGRESS);
    for level in Level::ALL {
        let plain = spoiler::view(&feed, &prefs(level));
        let empty = spoiler::view_with_progress(&feed, &prefs(level), &ProgressBook::new(), now());
        assert_eq!(plain, empty, "level {level:?}");
        let expected: BTreeSet<String> = feed
            .items
            .iter()
            .filter(|item| item.level <= level)
            .map(|item| item.id.clone())
            .collect();
        assert_eq!(cards(&feed, &prefs(level), &ProgressBook::new()), expected);
        // "Nothing yet" for every show is the same as no progress at all.
        let nothing = book(&[
            (HARBOUR, progress("none", false)),
            (NORTHERN, progress("none", false)),
        ]);
        assert_eq!(cards(&feed, &prefs(level), &nothing), expected);
    }
}

#[test]
fn missing_data_unlocks_nothing() {
    let everything = book(&[
        (HARBOUR, progress("all", true)),
        (NORTHERN, progress("all", true)),
        ("", progress("all", true)),
    ]);

    // An item with no show (the feed names none either): no one's progress applies to it.
    let mut doc = document(json!([
        {
            "id": "showless",
            "title": marker("showless"),
            "_spoilerfeed": { "level": "major", "spoils": { "season": 1, "episode": 1 } }
        },
        {
            "id": "named",
            "title": marker("named"),
            "_spoilerfeed": { "level": "major", "show": NORTHERN, "spoils": { "season": 1 } }
        }
    ]));
    doc["_spoilerfeed"]
        .as_object_mut()
        .expect("the extension object")
        .remove("show");
    let feed = parse_value(&doc);
    assert_eq!(item(&feed, "showless").show, None);
    let listed = seen(&feed, &prefs(Level::None), &everything);
    assert_eq!(
        listed["showless"],
        Seen::Placeholder(Some("Spoils S1E1".into()))
    );
    assert_eq!(
        listed["named"],
        Seen::Card { revealed: false },
        "an item naming its show"
    );

    // A show the fan has set no progress for.
    let feed = load_fixture(PROGRESS);
    let only_northern = book(&[(NORTHERN, progress("S1E2", false))]);
    let listed = seen(&feed, &prefs(Level::None), &only_northern);
    assert_eq!(
        listed["hl-s1e2-major"],
        Seen::Placeholder(Some("Spoils S1E2".into()))
    );
    assert_eq!(listed["nl-s1e2-moderate"], Seen::Card { revealed: false });
    // Progress is looked up by the show's name as the feed spells it.
    let misspelled = book(&[("harbour lights", progress("all", false))]);
    assert!(!cards(&feed, &prefs(Level::None), &misspelled).contains("hl-s1e2-major"));

    // A spoils point the widget can't read is no spoils point: the level alone decides.
    for spoils in [
        json!("S1E1"),
        json!({ "season": 0, "episode": 1 }),
        json!({ "episode": 3 }),
        json!({ "season": "2" }),
        json!({ "season": 2, "episode": 0 }),
        json!({ "season": 2, "episode": -1 }),
        json!({ "season": 2, "episode": "three" }),
        json!({ "season": 1.5 }),
        json!([2, 3]),
        json!(null),
    ] {
        let item = only_item(json!({
            "id": "odd",
            "_spoilerfeed": { "level": "major", "spoils": spoils }
        }));
        assert_eq!(item.spoils, None, "spoils {spoils}");
    }
    // An episode given as null is the whole season.
    let item = only_item(json!({
        "id": "season",
        "_spoilerfeed": { "level": "major", "spoils": { "season": 2, "episode": null } }
    }));
    assert_eq!(item.spoils, Some(p("S2")));
    let listed = seen(&feed, &prefs(Level::Moderate), &everything);
    assert_eq!(listed["hl-oddspoils-major"], Seen::Placeholder(None));
}

#[test]
fn caught_up_follows_the_fixtures_air_dates() {
    let feed = load_fixture(PROGRESS);
    // The last season is partly aired by the tests' clock (and by the week before it).
    let week_before = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
    for clock in [now(), week_before] {
        assert_eq!(
            progress::last_aired(&feed.episodes, clock),
            Some(p("S3E3")),
            "{clock}"
        );
    }
    let fan = book(&[(HARBOUR, progress("all", false))]);
    let shown = cards(&feed, &prefs(Level::None), &fan);
    for id in [
        "hl-s1-major",
        "hl-s2-major",
        "hl-s3e1-moderate",
        "hl-s3e3-major",
    ] {
        assert!(shown.contains(id), "{id} has aired");
    }
    for id in ["hl-s3e4-major", "hl-s3-major", "hl-plain-major"] {
        assert!(!shown.contains(id), "{id} must stay hidden");
    }
}

#[test]
fn caught_up_before_anything_has_aired_unlocks_nothing() {
    // A show whose first season is announced with dates that are all still to come: "caught
    // up" means nothing watched (and one ahead, the pilot), not everything.
    let mut doc = document(json!([
        {
            "id": "pilot",
            "title": marker("pilot"),
            "_spoilerfeed": { "level": "major", "spoils": { "season": 1, "episode": 1 } }
        },
        {
            "id": "finale",
            "title": marker("finale"),
            "_spoilerfeed": { "level": "major", "spoils": { "season": 1 } }
        }
    ]));
    doc["_spoilerfeed"]["episodes"] = json!([
        { "season": 1, "episodes": 3, "air_dates": ["2027-03-01", "2027-03-08", "2027-03-15"] }
    ]);
    let feed = parse_value(&doc);
    assert_eq!(progress::last_aired(&feed.episodes, now()), None);
    let caught_up = book(&[("Test Show", progress("all", false))]);
    assert_eq!(cards(&feed, &prefs(Level::None), &caught_up), set(&[]));
    assert_eq!(
        seen(&feed, &prefs(Level::None), &caught_up)["pilot"],
        Seen::Placeholder(Some("Spoils S1E1, which hasn't aired yet".into()))
    );
    let ahead = book(&[("Test Show", progress("all", true))]);
    assert_eq!(cards(&feed, &prefs(Level::None), &ahead), set(&["pilot"]));

    // An episode list with counts but no air dates can't say what has aired: caught up is
    // everything, as without a list.
    doc["_spoilerfeed"]["episodes"] = json!([{ "season": 1, "episodes": 3 }]);
    let feed = parse_value(&doc);
    assert_eq!(feed.episodes.len(), 1);
    assert_eq!(
        cards(&feed, &prefs(Level::None), &caught_up),
        set(&["pilot", "finale"])
    );
}

#[test]
fn progress_in_one_show_never_unlocks_another_shows_updates() {
    let feed = load_fixture(PROGRESS);
    let fan = book(&[(HARBOUR, progress("all", true))]);
    let shown = cards(&feed, &prefs(Level::None), &fan);
    assert!(shown.iter().all(|id| !id.starts_with("nl-")), "{shown:?}");
    let fan = book(&[(NORTHERN, progress("all", true))]);
    let shown = cards(&feed, &prefs(Level::None), &fan);
    assert!(
        shown
            .iter()
            .all(|id| !id.starts_with("hl-") || id.ends_with("-none")),
        "{shown:?}"
    );
}

#[test]
fn the_second_show_does_not_borrow_the_feeds_episode_list() {
    // Harbour Lights' season 1 has 6 episodes; nothing says Northern Line's has.
    let feed = load_fixture(PROGRESS);
    let fan = book(&[(NORTHERN, progress("S1E6", true))]);
    let shown = cards(&feed, &prefs(Level::None), &fan);
    assert!(shown.contains("nl-s1e6-major"));
    assert!(shown.contains("nl-s1e7-major"), "one ahead of S1E6 is S1E7");
    assert!(!shown.contains("nl-s1-major"), "season 1 may go on");
    assert!(!shown.contains("nl-s2e1-major"));
    // Caught up in a show without air dates is everything it has.
    let fan = book(&[(NORTHERN, progress("all", false))]);
    let shown = cards(&feed, &prefs(Level::None), &fan);
    assert!(shown.contains("nl-s4e2-major"));
    assert!(!shown.contains("nl-plain-major"), "no spoils point");
}

#[test]
fn the_show_filter_and_progress_work_together() {
    let feed = load_fixture(PROGRESS);
    let prefs = Prefs {
        show: Some(NORTHERN.into()),
        ..prefs(Level::None)
    };
    let fan = book(&[
        (HARBOUR, progress("all", true)),
        (NORTHERN, progress("S1E2", false)),
    ]);
    let seen = seen(&feed, &prefs, &fan);
    assert!(seen.keys().all(|id| id.starts_with("nl-")), "{seen:?}");
    assert_eq!(seen["nl-s1e2-moderate"], Seen::Card { revealed: false });
    assert_eq!(
        seen["nl-s1e6-major"],
        Seen::Placeholder(Some("Spoils S1E6: you're at S1E2".into()))
    );
}

// ---------------------------------------------------------------------------------------------
// The fixture and what the feed offers.

#[test]
fn the_fixture_covers_every_level_with_and_without_spoils() {
    let raw = fixture_json(PROGRESS);
    let items = raw["items"].as_array().expect("items");
    let feed = load_fixture(PROGRESS);
    assert_eq!(feed.items.len(), items.len(), "every item is readable");
    assert_eq!(feed.skipped, 0);
    for level in Level::ALL {
        for with_spoils in [false, true] {
            assert!(
                feed.items
                    .iter()
                    .any(|item| item.show.as_deref() == Some(HARBOUR)
                        && item.level == level
                        && item.spoils.is_some() == with_spoils),
                "no {level:?} Harbour Lights item {} spoils",
                if with_spoils { "with" } else { "without" }
            );
        }
    }
    let spoils: BTreeSet<String> = feed
        .items
        .iter()
        .filter_map(|item| item.spoils)
        .map(|point| point.to_string())
        .collect();
    for point in ["S1", "S2", "S3", "S1E2", "S2E5", "S2E6", "S3E3", "S3E4"] {
        assert!(spoils.contains(point), "no item spoils {point}");
    }
    assert!(feed
        .items
        .iter()
        .any(|item| item.show.as_deref() == Some(NORTHERN) && item.spoils.is_some()));
    // Every spoiling field carries the item's marker, and no id is part of another (the leak
    // checks look for ids and markers as plain text).
    for item in items {
        let id = item["id"].as_str().expect("id");
        let mark = marker(id);
        assert!(item["title"].as_str().unwrap().contains(&mark), "{id}");
        assert!(
            item["content_text"].as_str().unwrap().contains(&mark),
            "{id}"
        );
        assert!(item["tags"][0].as_str().unwrap() == mark, "{id}");
        if let Some(safe) = item["_spoilerfeed"]["safe_title"].as_str() {
            assert!(!safe.contains("SECRET"), "{id}: safe_title");
        }
        for other in items {
            let other = other["id"].as_str().unwrap();
            assert!(
                id == other || !id.contains(other),
                "{other} is part of {id}"
            );
        }
    }
    // Three seasons, with their lengths and air dates.
    let seasons: Vec<(u32, u32, usize)> = feed
        .episodes
        .iter()
        .map(|season| (season.number, season.episodes, season.air_dates.len()))
        .collect();
    assert_eq!(seasons, [(1, 6, 6), (2, 8, 8), (3, 8, 8)]);
}

#[test]
fn the_feed_offers_progress_for_each_show_it_spoils() {
    let feed = load_fixture(PROGRESS);
    assert_eq!(feed.watchable_shows(), [HARBOUR, NORTHERN]);
    // The feed's own show: every listed episode.
    let harbour: Vec<String> = feed
        .watch_choices(HARBOUR)
        .iter()
        .map(Point::to_string)
        .collect();
    let mut expected = Vec::new();
    for (season, episodes) in [(1, 6), (2, 8), (3, 8)] {
        for episode in 1..=episodes {
            expected.push(format!("S{season}E{episode}"));
        }
    }
    assert_eq!(harbour, expected);
    // The other show: the points its updates mention, in order.
    let northern: Vec<String> = feed
        .watch_choices(NORTHERN)
        .iter()
        .map(Point::to_string)
        .collect();
    assert_eq!(northern, ["S1E2", "S1E6", "S1E7", "S1", "S2E1", "S4E2"]);

    // A feed with only updates that spoil nothing offers no picker; an episode list alone
    // does.
    let mut doc = document(json!([{ "id": "plain", "_spoilerfeed": { "level": "major" } }]));
    assert!(parse_value(&doc).watchable_shows().is_empty());
    doc["_spoilerfeed"]["episodes"] = json!([{ "season": 1, "episodes": 2 }]);
    assert_eq!(parse_value(&doc).watchable_shows(), ["Test Show"]);

    assert_eq!(
        progress::storage_key(HARBOUR),
        "spoilerfeed:progress:harbour lights"
    );
    let code = progress::export_code(&book(&[(HARBOUR, progress("S2E5", true))]));
    assert_eq!(code, "Harbour+Lights=S2E5+");
    assert_eq!(
        progress::import_code(&code),
        book(&[(HARBOUR, progress("S2E5", true))])
    );
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/// The list for these choices, rendered on the server with every entry.
fn render_list(feed: &Feed, level: Level, book: &ProgressBook) -> String {
    render::<CardList>(yew::props!(CardListProps {
        feed: shared(feed.clone()),
        prefs: prefs(level),
        now: now(),
        progress: book.clone(),
        limit: 1000,
        on_reveal: Callback::noop(),
        on_conceal: Callback::noop(),
        on_more: Callback::noop(),
    }))
}

/// Decodes the few entities the renderer writes in text.
fn unescape(text: &str) -> String {
    text.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The `<article>` of an item, found by its `data-ref`.
fn article<'a>(html: &'a str, id: &str) -> &'a str {
    let needle = format!("data-ref=\"{}\"", item_ref(id));
    articles(html)
        .into_iter()
        .find(|article| article.contains(&needle))
        .unwrap_or_else(|| panic!("no article for {id}"))
}

/// The text of the first element with `class` inside `html`.
fn text_of_class(html: &str, class: &str) -> Option<String> {
    let start = html.find(&format!("class=\"{class}\""))?;
    let open = start + html[start..].find('>')? + 1;
    let close = open + html[open..].find('<')?;
    Some(unescape(&html[open..close]))
}

fn reason(html: &str, id: &str) -> String {
    let article = article(html, id);
    assert!(
        article.contains("data-testid=\"placeholder\""),
        "{id} is hidden"
    );
    text_of_class(article, "sf-placeholder__reason").expect("a reason")
}

#[test]
fn placeholders_say_which_episode_an_update_spoils_and_where_the_fan_is() {
    let feed = load_fixture(PROGRESS);
    let fan = book(&[
        (HARBOUR, progress("S2E5", false)),
        (NORTHERN, progress("S1E2", false)),
    ]);
    let html = render_list(&feed, Level::None, &fan);
    assert_eq!(
        reason(&html, "hl-s2e6-major"),
        "Spoils S2E6: you're at S2E5"
    );
    assert_eq!(reason(&html, "hl-s2e6-mild"), "Spoils S2E6: you're at S2E5");
    assert_eq!(reason(&html, "hl-s2-major"), "Spoils S2: you're at S2E5");
    assert_eq!(
        reason(&html, "hl-s3e4-major"),
        "Spoils S3E4: you're at S2E5"
    );
    assert_eq!(
        reason(&html, "nl-s1e6-major"),
        "Spoils S1E6: you're at S1E2"
    );
    // Without a spoils point (or with one the widget can't read), the level is the reason.
    assert_eq!(reason(&html, "hl-plain-major"), "Hidden: major spoiler");
    assert_eq!(
        reason(&html, "hl-plain-moderate"),
        "Hidden: moderate spoiler"
    );
    assert_eq!(reason(&html, "hl-oddspoils-major"), "Hidden: major spoiler");
    assert_eq!(reason(&html, "nl-plain-major"), "Hidden: major spoiler");

    // One ahead doesn't change what the rest say.
    let html = render_list(
        &feed,
        Level::None,
        &book(&[(HARBOUR, progress("S2E5", true))]),
    );
    assert!(article(&html, "hl-s2e6-major").contains("data-testid=\"card\""));
    assert_eq!(
        reason(&html, "hl-s2e7-major"),
        "Spoils S2E7: you're at S2E5"
    );
    // A show without progress: the point alone.
    assert_eq!(reason(&html, "nl-s1e2-moderate"), "Spoils S1E2");

    // Caught up: the point hasn't aired.
    let html = render_list(
        &feed,
        Level::None,
        &book(&[(HARBOUR, progress("all", false))]),
    );
    assert_eq!(
        reason(&html, "hl-s3e4-major"),
        "Spoils S3E4, which hasn't aired yet"
    );
    assert_eq!(
        reason(&html, "hl-s3-major"),
        "Spoils S3, which hasn't aired yet"
    );

    // A whole season watched.
    let html = render_list(
        &feed,
        Level::Mild,
        &book(&[(HARBOUR, progress("S1", false))]),
    );
    assert_eq!(
        reason(&html, "hl-s2e4-moderate"),
        "Spoils S2E4: you're at S1"
    );
    // "Nothing yet".
    let html = render_list(
        &feed,
        Level::None,
        &book(&[(HARBOUR, progress("none", false))]),
    );
    assert_eq!(reason(&html, "hl-s1e2-major"), "Spoils S1E2");
}

#[test]
fn rendered_lists_carry_nothing_of_what_progress_leaves_hidden() {
    let feed = load_fixture(PROGRESS);
    let ids: Vec<String> = feed.items.iter().map(|item| item.id.clone()).collect();
    let books = [
        book(&[]),
        book(&[(HARBOUR, progress("S2E5", false))]),
        book(&[(HARBOUR, progress("S2E5", true))]),
        book(&[(HARBOUR, progress("S2E8", true))]),
        book(&[(HARBOUR, progress("S2", false))]),
        book(&[(HARBOUR, progress("all", true))]),
        book(&[(NORTHERN, progress("S1E6", true))]),
        book(&[
            (HARBOUR, progress("S1E3", false)),
            (NORTHERN, progress("all", false)),
        ]),
    ];
    for fan in &books {
        for level in Level::ALL {
            let what = format!("level {level:?}, progress {fan:?}");
            let html = render_list(&feed, level, fan);
            let shown = cards(&feed, &prefs(level), fan);
            for id in &ids {
                if shown.contains(id) {
                    assert!(html.contains(&marker(id)), "{what}: {id} shown");
                    let card = article(&html, id);
                    assert!(card.contains("data-testid=\"card\""), "{what}: {id}");
                    // Unlocked by progress is not a reveal: no badge, no "Hide again".
                    assert!(!card.contains("sf-card--revealed"), "{what}: {id}");
                    assert!(!card.contains("Hide again"), "{what}: {id}");
                } else {
                    assert!(!html.contains(&marker(id)), "{what}: {id} leaked");
                    assert!(!html.contains(id.as_str()), "{what}: the id {id} leaked");
                }
            }
            assert_eq!(
                html.matches("data-testid=\"card\"").count(),
                shown.len(),
                "{what}: cards"
            );
            assert_eq!(
                html.matches("data-testid=\"placeholder\"").count(),
                ids.len() - shown.len(),
                "{what}: placeholders"
            );
        }
    }
}

#[test]
fn typical_progress_shows_exactly_these_cards() {
    let feed = load_fixture(PROGRESS);
    let fan = book(&[(HARBOUR, progress("S2E5", false))]);
    let level_none = ["hl-plain-none", "hl-s2e3-none"];
    let unlocked = [
        "hl-s1-major",
        "hl-s1e2-major",
        "hl-s1e3-major",
        "hl-s2e4-moderate",
        "hl-s2e5-major",
    ];
    let expected: Vec<&str> = level_none.iter().chain(&unlocked).copied().collect();
    assert_eq!(cards(&feed, &prefs(Level::None), &fan), set(&expected));
    // One ahead adds the next episode's updates, at any level.
    let fan = book(&[(HARBOUR, progress("S2E5", true))]);
    let mut expected = expected;
    expected.extend(["hl-s2e6-major", "hl-s2e6-mild"]);
    assert_eq!(cards(&feed, &prefs(Level::None), &fan), set(&expected));
    // At Mild the mild items are cards anyway.
    let mut at_mild = expected.clone();
    at_mild.push("hl-plain-mild");
    assert_eq!(cards(&feed, &prefs(Level::Mild), &fan), set(&at_mild));
}

// ---------------------------------------------------------------------------------------------
// The progress picker.

/// One `<option>` as rendered: value, label and whether it is selected.
fn options(html: &str) -> Vec<(String, String, bool)> {
    html.match_indices("<option")
        .map(|(start, _)| {
            let tag_end = start + html[start..].find('>').unwrap();
            let tag = &html[start..tag_end];
            let close = tag_end + html[tag_end..].find("</option>").unwrap();
            let value_at = tag.find("value=\"").expect("a value") + "value=\"".len();
            let value = &tag[value_at..value_at + tag[value_at..].find('"').unwrap()];
            let selected = tag
                .split(|c: char| c.is_whitespace() || c == '>')
                .any(|word| word == "selected" || word.starts_with("selected="));
            (
                unescape(value),
                unescape(&html[tag_end + 1..close]),
                selected,
            )
        })
        .collect()
}

fn render_picker(show: &str, choices: Vec<Point>, progress: ShowProgress) -> String {
    render::<ProgressPicker>(yew::props!(ProgressPickerProps {
        show: show.to_owned(),
        choices,
        progress,
        on_change: Callback::noop(),
    }))
}

fn selected(options: &[(String, String, bool)]) -> Vec<&str> {
    options
        .iter()
        .filter(|(_, _, selected)| *selected)
        .map(|(value, _, _)| value.as_str())
        .collect()
}

fn checkbox_checked(html: &str) -> bool {
    let start = html.find("name=\"ahead\"").expect("the ahead checkbox");
    let tag_start = html[..start].rfind('<').unwrap();
    let tag_end = start + html[start..].find('>').unwrap();
    html[tag_start..tag_end]
        .split(|c: char| c.is_whitespace() || c == '/')
        .any(|word| word == "checked" || word.starts_with("checked="))
}

#[test]
fn the_picker_offers_every_listed_episode_with_the_stored_one_selected() {
    let feed = load_fixture(PROGRESS);
    let html = render_picker(HARBOUR, feed.watch_choices(HARBOUR), progress("S2E5", true));
    assert!(html.contains("data-testid=\"progress\""));
    assert!(html.contains("data-show=\"Harbour Lights\""));
    assert!(html.contains("name=\"progress\""));
    assert!(unescape(&html).contains("Watched Harbour Lights up to"));
    let options = options(&html);
    assert_eq!(options.len(), 1 + 22 + 1);
    assert_eq!(
        options.first().unwrap(),
        &("none".into(), "Nothing yet".into(), false)
    );
    assert_eq!(
        options.last().unwrap(),
        &("all".into(), "Everything aired".into(), false)
    );
    assert_eq!(
        options[1],
        ("S1E1".into(), "Season 1, episode 1".into(), false)
    );
    assert_eq!(
        options[22],
        ("S3E8".into(), "Season 3, episode 8".into(), false)
    );
    assert_eq!(selected(&options), ["S2E5"]);
    assert!(checkbox_checked(&html));
    assert!(unescape(&html).contains("I'm caught up"));
}

#[test]
fn the_picker_offers_the_mentioned_points_without_an_episode_list() {
    let feed = load_fixture(PROGRESS);
    let html = render_picker(
        NORTHERN,
        feed.watch_choices(NORTHERN),
        ShowProgress::default(),
    );
    let options = options(&html);
    let labels: Vec<(&str, &str)> = options
        .iter()
        .map(|(value, label, _)| (value.as_str(), label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("none", "Nothing yet"),
            ("S1E2", "Season 1, episode 2"),
            ("S1E6", "Season 1, episode 6"),
            ("S1E7", "Season 1, episode 7"),
            ("S1", "All of season 1"),
            ("S2E1", "Season 2, episode 1"),
            ("S4E2", "Season 4, episode 2"),
            ("all", "Everything aired"),
        ]
    );
    assert_eq!(selected(&options), ["none"]);
    assert!(!checkbox_checked(&html));
}

#[test]
fn the_picker_shows_stored_progress_the_feed_does_not_list_and_caught_up() {
    let feed = load_fixture(PROGRESS);
    // A point stored from another feed is offered in its place, and selected.
    let html = render_picker(
        NORTHERN,
        feed.watch_choices(NORTHERN),
        progress("S3E5", false),
    );
    let listed = options(&html);
    let values: Vec<&str> = listed.iter().map(|(value, _, _)| value.as_str()).collect();
    assert_eq!(
        values,
        ["none", "S1E2", "S1E6", "S1E7", "S1", "S2E1", "S3E5", "S4E2", "all"]
    );
    assert_eq!(selected(&listed), ["S3E5"]);

    // Caught up: "Everything aired" is selected and the button is gone.
    let html = render_picker(HARBOUR, feed.watch_choices(HARBOUR), progress("all", false));
    assert_eq!(selected(&options(&html)), ["all"]);
    assert!(!unescape(&html).contains("I'm caught up"));
}

// ---------------------------------------------------------------------------------------------
// The reducer.

fn loaded(level: Level) -> Rc<State> {
    Rc::new(State::new(prefs(level), 50, now()))
        .reduce(Action::Loaded(Rc::new(load_fixture(PROGRESS)), now()))
}

#[test]
fn setting_progress_announces_what_it_changed() {
    let state = loaded(Level::None);
    let state = state.reduce(Action::SetProgress(HARBOUR.into(), progress("S1E2", false)));
    assert_eq!(state.announcement, "1 more update shown");
    assert_eq!(state.progress.get(HARBOUR), Some(&progress("S1E2", false)));

    let state = state.reduce(Action::SetProgress(HARBOUR.into(), progress("S2E5", false)));
    // S1 (whole), S1E3, S2E4 and S2E5.
    assert_eq!(state.announcement, "4 more updates shown");

    let state = state.reduce(Action::SetProgress(HARBOUR.into(), progress("S2E5", false)));
    assert_eq!(state.announcement, "Progress saved; nothing changed");

    let state = state.reduce(Action::SetProgress(HARBOUR.into(), progress("S2E5", true)));
    assert_eq!(state.announcement, "2 more updates shown");

    let state = state.reduce(Action::SetProgress(NORTHERN.into(), progress("all", false)));
    // Every Northern Line update with a spoils point: the feed lists no episodes for it.
    assert_eq!(state.announcement, "6 more updates shown");
    assert_eq!(state.progress.len(), 2);

    let state = state.reduce(Action::SetProgress(HARBOUR.into(), progress("none", false)));
    assert_eq!(state.announcement, "7 updates hidden");
    let state = state.reduce(Action::SetProgress(
        NORTHERN.into(),
        progress("S1E2", false),
    ));
    assert_eq!(state.announcement, "5 updates hidden");

    // At Major everything is shown already.
    let state =
        loaded(Level::Major).reduce(Action::SetProgress(HARBOUR.into(), progress("all", true)));
    assert_eq!(state.announcement, "Progress saved; nothing changed");
}

#[test]
fn loaded_progress_replaces_the_book() {
    let state =
        loaded(Level::None).reduce(Action::SetProgress(HARBOUR.into(), progress("S2E5", false)));
    let stored = book(&[(NORTHERN, progress("S1E6", true))]);
    let state = state.reduce(Action::ProgressLoaded(stored.clone()));
    assert_eq!(state.progress, stored);
    let view = spoiler::view_with_progress(
        state.feed.as_ref().expect("a feed"),
        &state.prefs,
        &state.progress,
        state.now,
    );
    let shown: BTreeSet<String> = view
        .entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Shown { item, .. } => Some(item.id.clone()),
            Entry::Hidden(_) => None,
        })
        .collect();
    assert_eq!(
        shown,
        set(&[
            "hl-plain-none",
            "hl-s2e3-none",
            "nl-s1e2-moderate",
            "nl-s1e6-major",
            "nl-s1e7-major"
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// The format page.

#[test]
fn the_format_pages_progress_example_reads_and_behaves_as_it_says() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md");
    let page = std::fs::read_to_string(path).expect("docs/FORMAT.md");
    let section = &page[page
        .find("### Watch progress: `spoils` and `episodes`")
        .expect("the watch progress section")..];
    let section = &section[..section.find("\n## ").expect("the next section")];
    let start = section.find("```json\n").expect("an example") + "```json\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let feed = feed_from(example);
    assert_eq!(feed.episodes.len(), 2);
    assert_eq!(feed.episodes[1].episodes, 8);
    assert_eq!(feed.episodes[1].air_dates.len(), 4);
    let both = set(&[
        "https://fans.example/recaps/season-2-episode-2",
        "https://fans.example/recaps/season-1-finale",
    ]);
    let shown = |watched: &str| {
        cards(
            &feed,
            &prefs(Level::None),
            &book(&[(HARBOUR, progress(watched, false))]),
        )
    };
    assert_eq!(shown("S2E2"), both);
    assert_eq!(shown("S1E5"), set(&[]));
    assert_eq!(
        shown("S1E6"),
        set(&["https://fans.example/recaps/season-1-finale"])
    );
    // The tables name both fields.
    assert!(page.contains("| `episodes` | list of objects | no |"));
    assert!(page.contains("| `spoils` | object: `{ \"season\": N, \"episode\": M }` | no |"));
}

fn feed_from(json: &str) -> Feed {
    spoilerfeed::feed::parse(json, Some(FEED_URL)).expect("the example is a feed")
}
