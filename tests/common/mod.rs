//! Helpers shared by the integration tests: fixtures, an oracle read straight from the fixture
//! JSON (not through the crate's parser), a fixed clock, and server-side rendering.
//!
//! Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;
use std::rc::Rc;

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{json, Value};
use spoilerfeed::config::Prefs;
use spoilerfeed::feed::{self, Feed, Item};
use spoilerfeed::spoiler::{Kind, KindSet, Level};
use spoilerfeed::state::SharedFeed;
use yew::BaseComponent;

/// The address inline test feeds are "loaded from", for relative links.
pub const FEED_URL: &str = "https://fans.example/news/feed.json";

/// The fixture with every level × kind.
pub const ALL_KINDS: &str = "all-kinds.json";

/// The wild feeds, which carry no spoiler metadata at all.
pub const WILD: [&str; 2] = [
    "wild/exadrums-news-excerpt.json",
    "wild/spaceastronaut-blog.json",
];

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The fixture's text.
pub fn fixture_text(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("reading {}: {err}", path.display()))
}

/// The address a fixture is pretended to be loaded from.
pub fn fixture_url(name: &str) -> String {
    format!("https://fixtures.example/{name}")
}

/// The fixture, read by the crate's parser against its pretend address.
pub fn load_fixture(name: &str) -> Feed {
    feed::parse(&fixture_text(name), Some(&fixture_url(name)))
        .unwrap_or_else(|err| panic!("{name} must load: {err}"))
}

/// The fixture as raw JSON, read with serde_json only.
pub fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&fixture_text(name)).expect("fixtures are valid JSON")
}

/// One item of a fixture as the oracle sees it: straight from the JSON.
#[derive(Clone, Debug)]
pub struct RawItem {
    /// The item's id.
    pub id: String,
    /// The level the fixture declares.
    pub level: Level,
    /// The kind the fixture declares.
    pub kind: Kind,
}

/// The declared id, level and kind of every item of a fixture whose items all declare a known
/// level and kind (such as `all-kinds.json`), in feed order.
pub fn raw_items(name: &str) -> Vec<RawItem> {
    fixture_json(name)["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| {
            let ext = &item["_spoilerfeed"];
            let level = match ext["level"].as_str().expect("level") {
                "none" => Level::None,
                "mild" => Level::Mild,
                "moderate" => Level::Moderate,
                "major" => Level::Major,
                other => panic!("the oracle does not know level {other}"),
            };
            let kind = match ext["kind"].as_str().expect("kind") {
                "production" => Kind::Production,
                "cast" => Kind::Cast,
                "release" => Kind::Release,
                "other" => Kind::Other,
                other => panic!("the oracle does not know kind {other}"),
            };
            RawItem {
                id: item["id"].as_str().expect("id").to_owned(),
                level,
                kind,
            }
        })
        .collect()
}

/// The marker text `all-kinds.json` puts in every spoiling field of an item.
pub fn marker(id: &str) -> String {
    format!("SECRET-{id}")
}

/// A JSON Feed 1.1 document with the extension naming `show`, and these items.
pub fn document(items: Value) -> Value {
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Test feed",
        "_spoilerfeed": {
            "about": "https://github.com/spoilerfeed/spoilerfeed/blob/main/docs/FORMAT.md",
            "show": "Test Show"
        },
        "items": items
    })
}

/// Parses a JSON document loaded from [`FEED_URL`]; panics if it is rejected.
pub fn parse_value(doc: &Value) -> Feed {
    feed::parse(&doc.to_string(), Some(FEED_URL))
        .unwrap_or_else(|err| panic!("the document must load: {err}"))
}

/// The single item of a one-item feed.
pub fn only_item(item: Value) -> Rc<Item> {
    let feed = parse_value(&document(json!([item])));
    assert_eq!(feed.items.len(), 1, "the item must be readable");
    Rc::clone(&feed.items[0])
}

/// The item with this id.
pub fn item<'a>(feed: &'a Feed, id: &str) -> &'a Rc<Item> {
    feed.items
        .iter()
        .find(|item| item.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

/// The ids of a feed's items, in the order they are listed.
pub fn ids(feed: &Feed) -> Vec<&str> {
    feed.items.iter().map(|item| item.id.as_str()).collect()
}

/// The fixed clock the tests render against: 2 December 2026, 12:00 UTC.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).unwrap()
}

/// A fan's choices: this level, every kind, every show, nothing revealed.
pub fn prefs(level: Level) -> Prefs {
    Prefs {
        level,
        ..Prefs::default()
    }
}

/// A fan's choices: this level and only these kinds.
pub fn prefs_with_kinds(level: Level, kinds: &str) -> Prefs {
    Prefs {
        level,
        kinds: KindSet::parse(kinds).expect("known kinds"),
        ..Prefs::default()
    }
}

/// A feed shared the way the app shares it.
pub fn shared(feed: Feed) -> SharedFeed {
    SharedFeed(Rc::new(feed))
}

/// Renders a component to HTML on the server (no hydration markers).
pub fn render<C>(props: C::Properties) -> String
where
    C: BaseComponent,
{
    futures::executor::block_on(
        yew::LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The `<article …>…</article>` elements of rendered HTML (cards and placeholders), in order.
pub fn articles(html: &str) -> Vec<&str> {
    html.match_indices("<article")
        .map(|(start, _)| {
            let end = html[start..]
                .find("</article>")
                .expect("every article is closed");
            &html[start..start + end + "</article>".len()]
        })
        .collect()
}
