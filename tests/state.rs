//! The reducer: what each action changes, and what the live region announces about it.

// Native only: these render on the host (or use host-only crates); the browser suite is
// `browser*.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use chrono::Duration;
use common::*;
use spoilerfeed::config::{Overrides, Prefs};
use spoilerfeed::error::Error;
use spoilerfeed::feed::Feed;
use spoilerfeed::spoiler;
use spoilerfeed::state::{Action, State, Status};
use spoilerfeed::types::{Kind, Level};
use yew::Reducible;

/// The entries a list starts with in these tests.
const PAGE: usize = 50;

/// A fresh widget with these choices, still loading.
fn start(prefs: Prefs) -> Rc<State> {
    Rc::new(State::new(prefs, PAGE, now()))
}

/// A widget that has loaded `all-kinds.json`, with these choices.
fn loaded(prefs: Prefs) -> Rc<State> {
    start(prefs).reduce(Action::Loaded(Rc::new(load_fixture(ALL_KINDS)), now()))
}

/// How many cards the fan sees in this state.
fn cards(state: &State) -> usize {
    state
        .feed
        .as_ref()
        .map_or(0, |feed| spoiler::view(feed, &state.prefs).shown())
}

#[test]
fn a_new_widget_is_loading_with_the_fans_choices() {
    let state = start(prefs(Level::Mild));
    assert_eq!(state.status, Status::Loading);
    assert!(state.feed.is_none());
    assert_eq!(state.prefs.level, Level::Mild);
    assert_eq!(state.attempt, 0);
    assert_eq!(state.announcement, "");
}

#[test]
fn loading_a_feed_makes_it_ready_on_the_new_clock() {
    let later = now() + Duration::hours(3);
    let feed = Rc::new(load_fixture(ALL_KINDS));
    let state = start(prefs(Level::None)).reduce(Action::Loaded(Rc::clone(&feed), later));
    assert_eq!(state.status, Status::Ready);
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &feed));
    assert_eq!(state.now, later);
}

#[test]
fn raising_the_level_announces_how_many_more_are_shown() {
    let state = loaded(prefs_with_kinds(Level::None, "production,cast,release"));
    let before = cards(&state);
    let state = state.reduce(Action::SetLevel(Level::Mild));
    assert_eq!(state.prefs.level, Level::Mild);
    assert_eq!(cards(&state), before + 3);
    assert_eq!(state.announcement, "3 more updates shown");

    let state = loaded(prefs_with_kinds(Level::None, "cast")).reduce(Action::SetLevel(Level::Mild));
    assert_eq!(state.announcement, "1 more update shown");

    let state = loaded(prefs(Level::None)).reduce(Action::SetLevel(Level::Major));
    assert_eq!(state.announcement, "12 more updates shown");
}

#[test]
fn lowering_the_level_announces_how_many_are_hidden() {
    let state = loaded(prefs_with_kinds(Level::Major, "cast,release"));
    let before = cards(&state);
    let state = state.reduce(Action::SetLevel(Level::Moderate));
    assert_eq!(state.prefs.level, Level::Moderate);
    assert_eq!(cards(&state), before - 2);
    assert_eq!(state.announcement, "2 updates hidden");

    let state =
        loaded(prefs_with_kinds(Level::Major, "other")).reduce(Action::SetLevel(Level::Moderate));
    assert_eq!(state.announcement, "1 update hidden");
}

#[test]
fn a_level_change_that_changes_nothing_says_so() {
    let state = loaded(prefs(Level::Mild)).reduce(Action::SetLevel(Level::Mild));
    assert_eq!(state.announcement, "Level Mild: nothing changed");
    // Before any feed has arrived.
    let state = start(prefs(Level::None)).reduce(Action::SetLevel(Level::Major));
    assert_eq!(state.prefs.level, Level::Major);
    assert_eq!(state.announcement, "Level Major: nothing changed");
}

#[test]
fn revealed_items_count_as_shown_when_the_level_changes() {
    let mut fan = prefs(Level::None);
    fan.revealed.insert("major-other".into());
    // At Moderate every item but the three other major ones is a card.
    let state = loaded(fan).reduce(Action::SetLevel(Level::Moderate));
    assert_eq!(state.announcement, "8 more updates shown");
}

#[test]
fn reveal_announces_the_kind_and_shows_the_item() {
    let state = loaded(prefs(Level::None));
    let before = cards(&state);
    let state = state.reduce(Action::Reveal("major-cast".into()));
    assert_eq!(state.announcement, "Revealed: cast update");
    assert!(state.prefs.revealed.contains("major-cast"));
    assert_eq!(cards(&state), before + 1);

    for (id, noun) in [
        ("mild-production", "production update"),
        ("moderate-release", "release update"),
        ("major-other", "news update"),
    ] {
        let state = loaded(prefs(Level::None)).reduce(Action::Reveal(id.into()));
        assert_eq!(state.announcement, format!("Revealed: {noun}"), "{id}");
    }
    let state = loaded(prefs(Level::None)).reduce(Action::Reveal("unknown".into()));
    assert_eq!(state.announcement, "Revealed: update");
}

#[test]
fn focus_goes_to_a_card_just_revealed_and_no_filter_brings_it_back() {
    let state = loaded(prefs(Level::None));
    assert_eq!(state.focus, None);
    let revealed = state.reduce(Action::Reveal("major-cast".into()));
    assert_eq!(revealed.focus.as_deref(), Some("major-cast"));
    // A level change leaves it; filtering or hiding again forgets it.
    let state = revealed.clone().reduce(Action::SetLevel(Level::Mild));
    assert_eq!(state.focus.as_deref(), Some("major-cast"));
    for action in [
        Action::ToggleKind(Kind::Cast),
        Action::SetShow(Some("Harbour Lights".into())),
        Action::Conceal("major-cast".into()),
    ] {
        let state = revealed.clone().reduce(action.clone());
        assert_eq!(state.focus, None, "after {action:?}");
    }
}

#[test]
fn show_more_lists_another_page_each_time() {
    let state = loaded(prefs(Level::None));
    assert_eq!(state.limit, PAGE);
    let state = state
        .reduce(Action::ShowMore(PAGE))
        .reduce(Action::ShowMore(PAGE));
    assert_eq!(state.limit, 3 * PAGE);
    // What the fan chooses doesn't shrink the list back.
    let state = state.reduce(Action::SetLevel(Level::Major));
    assert_eq!(state.limit, 3 * PAGE);
    assert_eq!(state.reduce(Action::ShowMore(usize::MAX)).limit, usize::MAX);
}

#[test]
fn conceal_hides_a_revealed_item_again() {
    let state = loaded(prefs(Level::None)).reduce(Action::Reveal("major-cast".into()));
    let shown = cards(&state);
    let state = state.reduce(Action::Conceal("major-cast".into()));
    assert!(!state.prefs.revealed.contains("major-cast"));
    assert_eq!(cards(&state), shown - 1);
    assert_eq!(state.announcement, "Hidden again");
}

#[test]
fn filters_announce_what_is_left() {
    let state = loaded(prefs(Level::Major)).reduce(Action::ToggleKind(Kind::Cast));
    assert_eq!(state.prefs.kinds.to_query(), "cast");
    assert_eq!(state.announcement, "4 updates shown");
    let state = state.reduce(Action::ToggleKind(Kind::Release));
    assert_eq!(state.announcement, "8 updates shown");

    let state = loaded(prefs(Level::None)).reduce(Action::ToggleKind(Kind::Other));
    assert_eq!(state.announcement, "1 update shown");

    let state = loaded(prefs(Level::Major)).reduce(Action::SetShow(Some("Elsewhere".into())));
    assert_eq!(state.prefs.show.as_deref(), Some("Elsewhere"));
    assert_eq!(state.announcement, "0 updates shown");
    let state = state.reduce(Action::SetShow(None));
    assert_eq!(state.prefs.show, None);
    assert_eq!(state.announcement, "16 updates shown");
}

#[test]
fn a_failure_keeps_the_last_good_feed() {
    let state = loaded(prefs(Level::Mild));
    let good = Rc::clone(&state.feed.as_ref().unwrap().0);
    let state = state.reduce(Action::Failed(Error::Network, None));
    assert_eq!(state.status, Status::Failed(Error::Network));
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &good));
    assert_eq!(state.prefs.level, Level::Mild);
    assert_eq!(cards(&state), 8);

    // A failure before any feed leaves nothing to show but the error.
    let state = start(prefs(Level::None)).reduce(Action::Failed(Error::Timeout(10), None));
    assert_eq!(state.status, Status::Failed(Error::Timeout(10)));
    assert!(state.feed.is_none());
}

#[test]
fn retry_loads_again_and_bumps_the_attempt() {
    let state = loaded(prefs(Level::None)).reduce(Action::Failed(Error::Network, None));
    let good = Rc::clone(&state.feed.as_ref().unwrap().0);
    let state = state.reduce(Action::Retry);
    assert_eq!(state.status, Status::Loading);
    assert_eq!(state.attempt, 1);
    assert_eq!(state.announcement, "Loading the feed again");
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &good));
    let state = state
        .reduce(Action::Failed(Error::Network, None))
        .reduce(Action::Retry);
    assert_eq!(state.attempt, 2);

    // A later success replaces the feed.
    let newer = Rc::new(Feed {
        title: "Newer".into(),
        ..load_fixture("minimal-1.1.json")
    });
    let state = state.reduce(Action::Loaded(Rc::clone(&newer), now()));
    assert_eq!(state.status, Status::Ready);
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &newer));
}

#[test]
fn page_overrides_win_and_announce_a_level_change() {
    let mut fan = prefs_with_kinds(Level::None, "cast");
    fan.revealed.insert("major-other".into());
    let state = loaded(fan.clone());
    let state = state.reduce(Action::Override(Overrides {
        level: Some(Level::Moderate),
        ..Overrides::default()
    }));
    assert_eq!(state.prefs.level, Level::Moderate);
    // What the page doesn't name stays as the fan chose it.
    assert_eq!(state.prefs.kinds, fan.kinds);
    assert_eq!(state.prefs.revealed, fan.revealed);
    assert_eq!(state.announcement, "2 more updates shown");

    let state = state.reduce(Action::Override(Overrides {
        show: Some("Marker Test Show".into()),
        ..Overrides::default()
    }));
    assert_eq!(state.prefs.show.as_deref(), Some("Marker Test Show"));
    assert_eq!(state.prefs.level, Level::Moderate);
}

#[test]
fn a_failure_before_any_feed_shows_the_offline_copy() {
    let copy = Rc::new(load_fixture(ALL_KINDS));
    let saved = now() - Duration::hours(5);
    let state = start(prefs(Level::None)).reduce(Action::Failed(
        Error::Offline,
        Some((Rc::clone(&copy), saved)),
    ));
    assert_eq!(state.status, Status::Failed(Error::Offline));
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &copy));
    assert_eq!(state.saved_at, Some(saved));

    // The feed read in this visit wins over the offline copy.
    let state = loaded(prefs(Level::None));
    let good = Rc::clone(&state.feed.as_ref().unwrap().0);
    let state = state.reduce(Action::Failed(Error::Network, Some((copy, saved))));
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &good));
    assert_eq!(state.saved_at, None);

    // Once the network is back, the live feed replaces the copy and the notice goes.
    let state = start(prefs(Level::None))
        .reduce(Action::Failed(
            Error::Offline,
            Some((Rc::new(load_fixture(ALL_KINDS)), saved)),
        ))
        .reduce(Action::Retry)
        .reduce(Action::Loaded(Rc::clone(&good), now()));
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &good));
    assert_eq!(state.saved_at, None);
    assert_eq!(state.status, Status::Ready);
}

#[test]
fn a_refresh_with_new_updates_waits_behind_a_banner() {
    let state = loaded(prefs(Level::Major));
    let shown = Rc::clone(&state.feed.as_ref().unwrap().0);
    let state = state.reduce(Action::Refresh);
    assert!(state.background);
    assert_eq!(state.attempt, 1);
    assert_eq!(
        state.status,
        Status::Ready,
        "a refresh shows no loading state"
    );

    let mut fresh = (*shown).clone();
    for id in ["new-1", "new-2", "new-3"] {
        let mut item = (*fresh.items[0]).clone();
        item.id = id.into();
        fresh.items.insert(0, Rc::new(item));
    }
    let fresh = Rc::new(fresh);
    let state = state.reduce(Action::Loaded(Rc::clone(&fresh), now()));
    assert!(
        Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &shown),
        "what the fan reads stays"
    );
    let (pending, new) = state.pending.clone().unwrap();
    assert!(Rc::ptr_eq(&pending.0, &fresh));
    assert_eq!(new, 3);
    assert_eq!(state.announcement, "3 new updates available");

    let state = state.reduce(Action::ShowNew);
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &fresh));
    assert!(state.pending.is_none());
}

#[test]
fn a_refresh_without_new_updates_or_that_fails_changes_nothing_visible() {
    let state = loaded(prefs(Level::None));
    let shown = Rc::clone(&state.feed.as_ref().unwrap().0);
    let same = Rc::new((*shown).clone());
    let state = state
        .reduce(Action::Refresh)
        .reduce(Action::Loaded(Rc::clone(&same), now()));
    assert!(state.pending.is_none());
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &same));

    let state = state
        .reduce(Action::Refresh)
        .reduce(Action::Failed(Error::Network, None));
    assert_eq!(
        state.status,
        Status::Ready,
        "a failed refresh shows no error card"
    );
    assert!(!state.background);
    assert!(Rc::ptr_eq(&state.feed.as_ref().unwrap().0, &same));
}

#[test]
fn only_the_fans_own_guard_and_progress_changes_are_left_to_store() {
    use spoilerfeed::guards::{MuteBook, Scope, SnoozeEnd, Snoozes};
    use spoilerfeed::progress::{ProgressBook, ShowProgress, Watched};
    // What storage held at the start is the widget's: nothing to store back.
    let mut mutes = MuteBook::default();
    mutes.add(&Scope::Every, "vecna");
    let start = Rc::new(State::new(Prefs::default(), PAGE, now()).with_guards(
        mutes,
        Snoozes::default(),
        vec!["host word".into()],
    ));
    assert_eq!(start.records(), start.stored);
    // Progress read with the host page's over it (never stored) is not a change either.
    let host = ProgressBook::from([(
        "Dark".to_owned(),
        ShowProgress {
            watched: Watched::CaughtUp,
            ahead: false,
        },
    )]);
    let read = start.reduce(Action::ProgressLoaded(host));
    assert_eq!(read.records(), read.stored);

    // Each change the fan makes is one for the storing hook, and no more once storage holds it.
    let muted = read.reduce(Action::Mute(Scope::Every, "who dies".into()));
    assert_ne!(muted.records().mutes, muted.stored.mutes);
    assert_eq!(muted.records().snoozes, muted.stored.snoozes);
    let snoozed = muted.reduce(Action::Snooze("Dark".into(), SnoozeEnd::Unsnoozed));
    assert_ne!(snoozed.records().snoozes, snoozed.stored.snoozes);
    let watched = snoozed.reduce(Action::SetProgress(
        "Dark".into(),
        ShowProgress {
            watched: Watched::parse("S1E2").unwrap(),
            ahead: true,
        },
    ));
    assert_ne!(watched.records().progress, watched.stored.progress);
    let records = watched.records();
    let back = watched
        .reduce(Action::GuardsLoaded(records.mutes, records.snoozes))
        .reduce(Action::ProgressLoaded(records.progress));
    assert_eq!(back.records(), back.stored);
}
