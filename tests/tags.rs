//! The site's categories as levels, end to end: a fan-site feed whose items carry only
//! categories (as tags), read through the same entry as every download
//! (`platform::read_feed`), with the feed's own tag maps and the host page's over them.

mod common;

use common::*;
use spoilerfeed::classify::{Origin, Rules};
use spoilerfeed::config::Settings;
use spoilerfeed::feed::Feed;
use spoilerfeed::platform;
use spoilerfeed::types::{Kind, Level};

/// Categories as tags, mapped by the feed's `_spoilerfeed.tag_levels` and `tag_kinds`.
const TAGGED: &str = "tagged.json";

/// The fixture's item whose id ends in `/{slug}`.
fn by_slug<'a>(feed: &'a Feed, slug: &str) -> &'a spoilerfeed::feed::Item {
    feed.items
        .iter()
        .find(|item| item.id.ends_with(&format!("/{slug}")))
        .unwrap_or_else(|| panic!("no item {slug}"))
}

/// The fixture as a download is read, with the host page's query.
fn read(query: &str) -> Feed {
    let host = Settings::from_query(query).rules;
    platform::read_feed(&fixture_text(TAGGED), Some(&fixture_url(TAGGED)), &host)
        .expect("the fixture is read")
}

fn tag(name: &str) -> Origin {
    Origin::Tag(name.to_owned())
}

#[test]
fn the_feeds_own_map_gives_each_item_its_level_and_kind() {
    let feed = read("");
    let expect = [
        // The item's own label wins over its most spoiling tag.
        (
            "own-label",
            Level::None,
            Origin::Own,
            Kind::Release,
            Origin::Own,
        ),
        (
            "casting",
            Level::Mild,
            tag("Casting"),
            Kind::Cast,
            tag("Casting"),
        ),
        // Several mapped tags: the most spoiling; an unmapped one is passed over.
        (
            "several",
            Level::Moderate,
            tag("Trailers"),
            Kind::Cast,
            tag("Casting"),
        ),
        // Nothing mapped and no default: fail closed.
        (
            "unmapped",
            Level::Major,
            Origin::Unlabelled,
            Kind::Other,
            Origin::Unlabelled,
        ),
        (
            "untagged",
            Level::Major,
            Origin::Unlabelled,
            Kind::Other,
            Origin::Unlabelled,
        ),
    ];
    for (slug, level, level_from, kind, kind_from) in expect {
        let item = by_slug(&feed, slug);
        assert_eq!(
            (item.level, &item.level_from),
            (level, &level_from),
            "{slug}"
        );
        assert_eq!((item.kind(), &item.kind_from), (kind, &kind_from), "{slug}");
    }
}

#[test]
fn tags_match_whatever_their_case_and_spacing() {
    let feed = read("");
    let item = by_slug(&feed, "spacing");
    assert_eq!(item.level, Level::None);
    assert!(
        matches!(&item.level_from, Origin::Tag(tag) if tag.trim() == "PRODUCTION"),
        "{:?}",
        item.level_from
    );
    assert_eq!(item.kind(), Kind::Production);
    // The host's map matches any spelling too.
    let feed = read("tag-levels=%20pRoDuCtIoN%20:major");
    assert_eq!(by_slug(&feed, "spacing").level, Level::Major);
}

#[test]
fn the_hosts_map_wins_tag_by_tag_and_its_default_catches_the_rest() {
    let feed =
        read("tag-levels=trailers:mild,news:moderate&tag-kinds=news:other&default-level=mild");
    // Trailers is the host's Mild now, and News (unmapped by the feed) the host's Moderate.
    let several = by_slug(&feed, "several");
    assert_eq!(
        (several.level, &several.level_from),
        (Level::Moderate, &tag("News"))
    );
    let casting = by_slug(&feed, "casting");
    assert_eq!(
        (casting.level, &casting.level_from),
        (Level::Mild, &tag("Casting"))
    );
    let unmapped = by_slug(&feed, "unmapped");
    assert_eq!(
        (unmapped.level, &unmapped.level_from),
        (Level::Moderate, &tag("News"))
    );
    // The host's default level, for an item nothing maps.
    let untagged = by_slug(&feed, "untagged");
    assert_eq!(
        (untagged.level, &untagged.level_from),
        (Level::Mild, &Origin::Default)
    );
    // The item's own label still wins over the host.
    assert_eq!(by_slug(&feed, "own-label").level, Level::None);
    // The feed's maps the host leaves alone still hold.
    assert_eq!(by_slug(&feed, "spacing").level, Level::None);
}

#[test]
fn the_feeds_maps_are_kept_apart_from_the_hosts() {
    let feed = read("tag-levels=trailers:mild");
    assert_eq!(feed.rules.tag_levels.get("trailers"), Some(Level::Moderate));
    assert_eq!(
        feed.rules.tag_kinds.get("Release Dates"),
        Some(Kind::Release)
    );
    assert_eq!(feed.rules.default_level, None);
    assert_eq!(read("").rules, feed.rules);
    assert_ne!(feed.rules, Rules::default());
}

#[test]
fn the_feeds_tags_are_listed_most_used_first_once_each() {
    let feed = read("");
    let tags = feed.tags();
    let names: Vec<&str> = tags.iter().map(|(tag, _)| tag.as_str()).collect();
    // Casting and News are on two items each; the rest on one, newest first.
    assert_eq!(
        names,
        [
            "Casting",
            "News",
            "Episode Recaps",
            "Release Dates",
            "Trailers",
            "Theories",
            "PRODUCTION"
        ]
    );
    assert_eq!(tags[0].1, 2);
    assert_eq!(tags[1].1, 2);
    assert!(tags[2..].iter().all(|(_, count)| *count == 1));
}

#[test]
fn tags_differing_only_in_case_or_spacing_are_one_tag() {
    let doc = document(serde_json::json!([
        {"id": "a", "title": "A", "tags": ["Casting", " casting "], "date_published": "2026-11-03T00:00:00Z"},
        {"id": "b", "title": "B", "tags": ["CASTING", "News"], "date_published": "2026-11-02T00:00:00Z"},
        {"id": "c", "title": "C", "tags": ["news", "Trailers"], "date_published": "2026-11-01T00:00:00Z"},
        {"id": "d", "title": "D", "tags": ["trailers", "Casting"]}
    ]));
    let tags = parse_value(&doc).tags();
    assert_eq!(
        tags,
        [
            ("Casting".to_owned(), 3),
            ("News".to_owned(), 2),
            ("Trailers".to_owned(), 2)
        ]
    );
    assert!(
        parse_value(&document(serde_json::json!([{"id": "x", "title": "X"}])))
            .tags()
            .is_empty()
    );
}
