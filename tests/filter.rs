//! The spoiler rule: for every level × kind of `all-kinds.json`, exactly the items at or below
//! the fan's level are cards and the rest placeholders; the kind and show filters; revealing by
//! hand; the kind chips' toggle semantics; hidden counts.

// Native only: these render on the host (or use host-only crates); the browser suite is
// `browser*.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use spoilerfeed::config::Prefs;
use spoilerfeed::feed::Feed;
use spoilerfeed::spoiler::{self, Entry, View};
use spoilerfeed::types::{Kind, KindSet, Level};

/// The ids of a view's entries: (cards, placeholders), each in list order.
fn split(view: &View<'_>) -> (Vec<String>, Vec<String>) {
    let mut shown = Vec::new();
    let mut hidden = Vec::new();
    for entry in &view.entries {
        match entry {
            Entry::Shown { item, .. } => shown.push(item.id.clone()),
            Entry::Hidden(concealed) => hidden.push(concealed.id().to_owned()),
        }
    }
    (shown, hidden)
}

/// The oracle's ids that pass `keep`, in fixture order (which is newest first).
fn expected_ids(raw: &[RawItem], keep: impl Fn(&RawItem) -> bool) -> Vec<String> {
    raw.iter()
        .filter(|item| keep(item))
        .map(|item| item.id.clone())
        .collect()
}

fn all_kinds() -> (Feed, Vec<RawItem>) {
    (load_fixture(ALL_KINDS), raw_items(ALL_KINDS))
}

#[test]
fn exactly_the_items_at_or_below_the_level_are_shown() {
    let (feed, raw) = all_kinds();
    for level in Level::ALL {
        let view = spoiler::view(&feed, &prefs(level));
        let (shown, hidden) = split(&view);
        assert_eq!(
            shown,
            expected_ids(&raw, |item| item.level <= level),
            "at {level:?}"
        );
        assert_eq!(
            hidden,
            expected_ids(&raw, |item| item.level > level),
            "at {level:?}"
        );
        assert_eq!(view.hidden, hidden.len(), "at {level:?}");
        assert_eq!(view.shown(), shown.len(), "at {level:?}");
        // Nothing is "revealed" when the fan has revealed nothing.
        assert!(view
            .entries
            .iter()
            .all(|entry| !matches!(entry, Entry::Shown { revealed: true, .. })));
    }
}

#[test]
fn every_level_and_kind_combination_is_filtered() {
    let (feed, raw) = all_kinds();
    for level in Level::ALL {
        for kind in Kind::ALL {
            let prefs = prefs_with_kinds(level, kind.key());
            let view = spoiler::view(&feed, &prefs);
            let (shown, hidden) = split(&view);
            assert_eq!(
                shown,
                expected_ids(&raw, |item| item.kind == kind && item.level <= level),
                "{kind:?} at {level:?}"
            );
            assert_eq!(
                hidden,
                expected_ids(&raw, |item| item.kind == kind && item.level > level),
                "{kind:?} at {level:?}"
            );
            assert_eq!(view.hidden, hidden.len());
        }
    }
}

#[test]
fn placeholders_carry_the_hidden_items_kind_level_and_show() {
    let (feed, raw) = all_kinds();
    let view = spoiler::view(&feed, &prefs(Level::None));
    for entry in &view.entries {
        if let Entry::Hidden(concealed) = entry {
            let expected = raw.iter().find(|item| item.id == concealed.id()).unwrap();
            assert_eq!(concealed.kind(), expected.kind);
            assert_eq!(concealed.level(), expected.level);
            assert_eq!(concealed.show(), Some("Marker Test Show"));
            assert!(concealed.date().is_some());
            assert_eq!(concealed.safe_title(), None);
        }
    }
    let feed = load_fixture("default-level.json");
    let view = spoiler::view(&feed, &prefs(Level::None));
    let safe_titles: Vec<_> = view
        .entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Hidden(concealed) => concealed.safe_title(),
            Entry::Shown { .. } => None,
        })
        .collect();
    assert_eq!(safe_titles, ["A safe headline for explicit-major"]);
}

#[test]
fn hidden_counts_per_level() {
    let (feed, raw) = all_kinds();
    let counts: Vec<usize> = Level::ALL
        .into_iter()
        .map(|level| spoiler::view(&feed, &prefs(level)).hidden)
        .collect();
    let expected: Vec<usize> = Level::ALL
        .into_iter()
        .map(|level| raw.iter().filter(|item| item.level > level).count())
        .collect();
    assert_eq!(counts, expected);
    // Fewer hidden as the level rises; nothing hidden at Major.
    assert!(counts.windows(2).all(|pair| pair[0] > pair[1]));
    assert_eq!(counts.last(), Some(&0));
}

#[test]
fn the_kind_filter_keeps_only_the_chosen_kinds() {
    let (feed, raw) = all_kinds();
    let prefs = prefs_with_kinds(Level::Moderate, "cast,release");
    let view = spoiler::view(&feed, &prefs);
    let (shown, hidden) = split(&view);
    let chosen = |item: &RawItem| matches!(item.kind, Kind::Cast | Kind::Release);
    assert_eq!(
        shown,
        expected_ids(&raw, |item| chosen(item) && item.level <= Level::Moderate)
    );
    assert_eq!(
        hidden,
        expected_ids(&raw, |item| chosen(item) && item.level > Level::Moderate)
    );
}

#[test]
fn the_show_filter_keeps_only_that_show() {
    let feed = load_fixture("multi-show.json");
    let for_show = |show: Option<&str>, level| {
        let prefs = Prefs {
            level,
            show: show.map(str::to_owned),
            ..Prefs::default()
        };
        let view = spoiler::view(&feed, &prefs);
        split(&view)
    };
    let (shown, hidden) = for_show(Some("Northern Line"), Level::Major);
    assert_eq!(
        shown,
        [
            "https://example.com/multi/northern-line-date",
            "https://example.com/multi/northern-line-cast"
        ]
    );
    assert!(hidden.is_empty());
    // Items without a show of their own belong to the feed's show.
    let (shown, hidden) = for_show(Some("Harbour Lights"), Level::None);
    assert_eq!(shown, ["https://example.com/multi/harbour-lights-filming"]);
    assert_eq!(
        hidden,
        [
            "https://example.com/multi/harbour-lights-tone",
            "https://example.com/multi/harbour-lights-lighthouse"
        ]
    );
    // The name must match exactly.
    let (shown, hidden) = for_show(Some("northern line"), Level::Major);
    assert!(shown.is_empty() && hidden.is_empty());
    // Every show.
    let (shown, hidden) = for_show(None, Level::Major);
    assert_eq!(shown.len() + hidden.len(), feed.items.len());
}

#[test]
fn revealed_items_are_shown_and_marked_as_revealed() {
    let (feed, raw) = all_kinds();
    let mut fan = prefs(Level::Mild);
    fan.revealed.insert("major-cast".into());
    // Revealing an item that is already visible changes nothing.
    fan.revealed.insert("none-other".into());
    // An id the feed doesn't have is harmless.
    fan.revealed.insert("not-in-the-feed".into());
    let view = spoiler::view(&feed, &fan);
    let (shown, hidden) = split(&view);
    assert_eq!(
        shown,
        expected_ids(&raw, |item| item.level <= Level::Mild
            || item.id == "major-cast")
    );
    assert_eq!(
        hidden,
        expected_ids(&raw, |item| item.level > Level::Mild
            && item.id != "major-cast")
    );
    for entry in &view.entries {
        if let Entry::Shown { item, revealed } = entry {
            assert_eq!(*revealed, item.id == "major-cast", "{}", item.id);
        }
    }
    // The same item: shown as revealed with the fan's reveal, hidden without it, and an
    // ordinary card at a level that lets it through.
    let seen = |prefs: &Prefs| {
        spoiler::view(&feed, prefs)
            .entries
            .iter()
            .find_map(|entry| match entry {
                Entry::Shown { item, revealed } if item.id == "major-cast" => Some(Some(*revealed)),
                Entry::Hidden(item) if item.id() == "major-cast" => Some(None),
                _ => None,
            })
            .expect("major-cast is listed")
    };
    assert_eq!(seen(&fan), Some(true));
    assert_eq!(seen(&prefs(Level::Mild)), None);
    assert_eq!(seen(&prefs(Level::Major)), Some(false));
}

#[test]
fn revealing_does_not_bypass_the_kind_filter() {
    let (feed, _) = all_kinds();
    let mut prefs = prefs_with_kinds(Level::None, "production");
    prefs.revealed.insert("major-cast".into());
    let (shown, _) = split(&spoiler::view(&feed, &prefs));
    assert!(!shown.contains(&"major-cast".to_owned()));
}

#[test]
fn kind_chips_narrow_then_add_and_remove() {
    let mut kinds = KindSet::default();
    assert!(kinds.is_all());
    assert_eq!(kinds.to_query(), "production,cast,release,other");

    // From every kind, a chip narrows to that kind.
    kinds.toggle(Kind::Cast);
    assert_eq!(kinds.to_query(), "cast");
    assert!(!kinds.is_all());
    // Further chips add …
    kinds.toggle(Kind::Release);
    assert_eq!(kinds.to_query(), "cast,release");
    // … and remove.
    kinds.toggle(Kind::Cast);
    assert_eq!(kinds.to_query(), "release");
    // Removing the last kind lists every kind again rather than nothing.
    kinds.toggle(Kind::Release);
    assert!(kinds.is_all());

    // Adding the remaining kinds one by one ends at every kind too.
    let mut kinds = KindSet::parse("production").unwrap();
    for kind in [Kind::Cast, Kind::Release, Kind::Other] {
        kinds.toggle(kind);
    }
    assert!(kinds.is_all());
    // … and the next chip narrows again.
    kinds.toggle(Kind::Other);
    assert_eq!(kinds.to_query(), "other");
}

#[test]
fn kind_lists_are_parsed_leniently() {
    assert_eq!(
        KindSet::parse("release, CAST,gossip").map(|kinds| kinds.to_query()),
        Some("cast,release".into())
    );
    assert_eq!(KindSet::parse("gossip,"), None);
    assert_eq!(KindSet::parse(""), None);
}

#[test]
fn levels_are_ordered_and_parsed() {
    assert!(Level::None < Level::Mild && Level::Mild < Level::Moderate);
    assert!(Level::Moderate < Level::Major);
    for level in Level::ALL {
        assert_eq!(Level::parse(level.key()), Some(level));
        assert_eq!(
            Level::parse(&format!(
                " {} ",
                spoilerfeed::i18n::Lang::default().level(level)
            )),
            Some(level)
        );
    }
    for bad in ["extreme", "MAJOR!", "", "2", "minor"] {
        assert_eq!(Level::parse(bad), None, "{bad}");
    }
}

#[test]
fn an_empty_feed_has_an_empty_view() {
    let feed = Feed::default();
    let view = spoiler::view(&feed, &prefs(Level::None));
    assert!(view.entries.is_empty());
    assert_eq!((view.hidden, view.shown()), (0, 0));
}

#[test]
fn the_count_used_for_announcements_matches_the_list() {
    let feed = load_fixture(ALL_KINDS);
    for level in Level::ALL {
        for kinds in ["production,cast,release,other", "cast", "release,other"] {
            let mut prefs = prefs(level);
            prefs.kinds = KindSet::parse(kinds).unwrap();
            prefs.revealed.insert("major-cast".into());
            let book = Default::default();
            assert_eq!(
                spoiler::shown_count(&feed, &prefs, &book, now()),
                spoiler::view_with_progress(&feed, &prefs, &book, now()).shown(),
                "{level:?} {kinds}"
            );
        }
    }
}
