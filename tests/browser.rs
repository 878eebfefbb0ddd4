//! The widget in a real browser: levels, reveal, persistence, overrides, filters and errors.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p spoilerfeed --target
//! wasm32-unknown-unknown` (the runner is set in `.cargo/config.toml`). Feeds are served as
//! `blob:` URLs made from the fixtures, so no HTTP server is needed; the one 404 comes from
//! the test runner's own server.
//!
//! Every test mounts its own widget on a fresh element, checks the DOM contract (see
//! `src/components/`), and cleans up: the widget, its element and localStorage. Waits poll
//! the DOM for at most [`WAIT_MS`], never a fixed sleep. The harness is shared with
//! `tests/browser_progress.rs`: see `tests/browser_support/mod.rs`.
//!
//! The leak checks scan the whole document, test runner output included, so failure messages
//! here never quote an item's id or marker verbatim (that would make later tests fail too).
#![cfg(target_arch = "wasm32")]

mod browser_support;

use std::collections::BTreeSet;

use browser_support::{
    assert_ids, clean_page, document, props, sorted, spelled, storage, wait_for, FeedUrl, Widget,
};
use serde_json::Value;
use spoilerfeed::config::{self, Overrides, Prefs};
use spoilerfeed::i18n::Lang;
use spoilerfeed::types::Level;
use spoilerfeed::AppProps;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Every level × kind, with `SECRET-<id>` in every field that may spoil.
const ALL_KINDS: &str = include_str!("fixtures/all-kinds.json");

/// The longest any wait polls before the test fails.
const WAIT_MS: f64 = 10_000.0;

/// Marks the elements tests mount on, so a test can remove what a failed one left behind.
const ROOT_MARK: &str = "data-browser-test-root";

// ---------------------------------------------------------------------------------------------
// The fixture, read independently of the widget's parser.

/// One fixture item: its id, declared level and kind.
#[derive(Clone, Debug)]
struct Fixture {
    id: String,
    level: Level,
    kind: String,
}

fn fixture_items() -> Vec<Fixture> {
    let feed: Value = serde_json::from_str(ALL_KINDS).expect("all-kinds.json is JSON");
    feed["items"]
        .as_array()
        .expect("all-kinds.json has items")
        .iter()
        .map(|item| {
            let ext = &item["_spoilerfeed"];
            Fixture {
                id: item["id"].as_str().expect("id").to_owned(),
                level: Level::parse(ext["level"].as_str().expect("level")).expect("known level"),
                kind: ext["kind"].as_str().expect("kind").to_owned(),
            }
        })
        .collect()
}

/// The ids a fan at `level` sees, sorted.
fn ids_up_to(level: Level) -> Vec<String> {
    sorted(
        fixture_items()
            .into_iter()
            .filter(|item| item.level <= level)
            .map(|item| item.id),
    )
}

// ---------------------------------------------------------------------------------------------
// The page.

impl FeedUrl {
    fn all_kinds() -> Self {
        FeedUrl::blob(ALL_KINDS, "application/json")
    }
}

/// Stores `prefs` as the fan's choices for `feed`.
fn store(feed: &FeedUrl, prefs: &Prefs) {
    storage()
        .set_item(
            &config::storage_key(&feed.0),
            &serde_json::to_string(prefs).unwrap(),
        )
        .unwrap();
}

impl Widget {
    /// Mounts a widget and waits until its feed is shown.
    async fn loaded(props: AppProps) -> Widget {
        Widget::mount_until(props, "the feed to load", |widget| {
            !widget.all("[data-testid=card]").is_empty()
                || !widget.all("[data-testid=placeholder]").is_empty()
        })
        .await
    }

    /// Destroys the widget, removes its element and forgets stored choices.
    async fn unmount(self) {
        self.remove().await;
        storage().clear().expect("localStorage can be cleared");
    }

    fn card(&self, id: &str) -> Option<Element> {
        self.one(&format!("[data-testid=card][data-id=\"{id}\"]"))
    }

    fn radio(&self, level: Level) -> HtmlInputElement {
        self.one(&format!(
            "input[name=\"spoiler-level\"][value=\"{}\"]",
            level.key()
        ))
        .unwrap_or_else(|| panic!("a radio for level {level:?}"))
        .unchecked_into()
    }

    /// The level whose radio is checked.
    fn checked_level(&self) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|level| self.radio(*level).checked())
    }

    /// Clicks the level's radio as a fan would and waits for the list to follow.
    async fn pick_level(&self, level: Level) {
        self.radio(level).click();
        self.wait_for_cards(&ids_up_to(level), &format!("at level {level:?}"))
            .await;
        assert_eq!(self.checked_level(), Some(level));
    }
}

fn has_class(element: &Element, class: &str) -> bool {
    element
        .class_name()
        .split_whitespace()
        .any(|name| name == class)
}

fn click(element: &Element) {
    element
        .dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

/// Fails if anything of a hidden item (its marker or its id) is anywhere in the document,
/// and checks that every shown item's marker is there, so the scan itself is known to work.
fn assert_page_shows_only(shown: &[String], context: &str) {
    let all: Vec<String> = fixture_items().into_iter().map(|item| item.id).collect();
    browser_support::assert_page_shows_only(&all, shown, context);
}

fn hidden_count_text(hidden: usize, level: Level) -> Option<String> {
    match hidden {
        0 => None,
        1 => Some(format!(
            "1 update hidden above {}",
            Lang::default().level(level)
        )),
        n => Some(format!(
            "{n} updates hidden above {}",
            Lang::default().level(level)
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// The tests.

#[wasm_bindgen_test]
fn fixture_covers_every_level_and_kind() {
    let items = fixture_items();
    for level in Level::ALL {
        for kind in ["production", "cast", "release", "other"] {
            assert!(
                items
                    .iter()
                    .any(|item| item.level == level && item.kind == kind),
                "no {level:?} {kind} item in all-kinds.json"
            );
        }
    }
    // The leak check looks for ids as plain text: no id may be part of another.
    for a in &items {
        for b in &items {
            assert!(a.id == b.id || !a.id.contains(&b.id), "ids overlap");
        }
    }
}

#[wasm_bindgen_test]
async fn starts_at_the_safest_level_and_hides_everything_above_it() {
    clean_page();
    let feed = FeedUrl::all_kinds();
    let widget = Widget::loaded(props(&feed.0, Overrides::default())).await;

    assert_eq!(widget.checked_level(), Some(Level::None));
    let shown = ids_up_to(Level::None);
    assert_ids(&widget.card_ids(), &shown, "at first load");
    let hidden = fixture_items().len() - shown.len();
    assert_eq!(widget.all("[data-testid=placeholder]").len(), hidden);
    assert_eq!(
        widget.text("[data-testid=hidden-count]"),
        hidden_count_text(hidden, Level::None)
    );
    // Placeholders carry a hash, never the id, and offer a Reveal button.
    for item in fixture_items()
        .iter()
        .filter(|item| item.level > Level::None)
    {
        let placeholder = widget
            .placeholder(&item.id)
            .unwrap_or_else(|| panic!("a placeholder for `{}`", spelled(&item.id)));
        let button = placeholder
            .query_selector("button")
            .unwrap()
            .expect("a Reveal button");
        assert!(button.text_content().unwrap_or_default().contains("Reveal"));
        assert_eq!(
            placeholder.get_attribute("data-kind").as_deref(),
            Some(item.kind.as_str())
        );
    }
    assert_page_shows_only(&shown, "at first load");

    widget.unmount().await;
    feed.revoke();
}

#[wasm_bindgen_test]
async fn each_level_shows_what_it_allows_and_nothing_else_reaches_the_page() {
    clean_page();
    let feed = FeedUrl::all_kinds();
    let widget = Widget::loaded(props(&feed.0, Overrides::default())).await;
    let total = fixture_items().len();

    // Up through every level, then back down, so hiding again is checked too.
    let path = [
        Level::Mild,
        Level::Moderate,
        Level::Major,
        Level::Moderate,
        Level::None,
        Level::Major,
        Level::Mild,
        Level::None,
    ];
    for level in path {
        widget.pick_level(level).await;
        let shown = ids_up_to(level);
        let hidden = total - shown.len();
        assert_eq!(
            widget.all("[data-testid=placeholder]").len(),
            hidden,
            "placeholders at {level:?}"
        );
        assert_eq!(
            widget.text("[data-testid=hidden-count]"),
            hidden_count_text(hidden, level),
            "hidden count at {level:?}"
        );
        // Exactly one radio is checked.
        let checked = Level::ALL
            .into_iter()
            .filter(|level| widget.radio(*level).checked())
            .count();
        assert_eq!(checked, 1, "radios checked at {level:?}");
        assert_page_shows_only(&shown, &format!("at level {level:?}"));
    }

    widget.unmount().await;
    feed.revoke();
}

#[wasm_bindgen_test]
async fn a_change_event_on_the_radio_also_sets_the_level() {
    clean_page();
    let feed = FeedUrl::all_kinds();
    let widget = Widget::loaded(props(&feed.0, Overrides::default())).await;

    let radio = widget.radio(Level::Moderate);
    radio.set_checked(true);
    let event = web_sys::Event::new("change").unwrap();
    radio.dispatch_event(&event).unwrap();
    let expected = ids_up_to(Level::Moderate);
    widget
        .wait_for_cards(&expected, "after a change event to Moderate")
        .await;
    assert_page_shows_only(&expected, "after a change event");

    widget.unmount().await;
    feed.revoke();
}

#[wasm_bindgen_test]
async fn reveal_shows_that_one_item_announces_it_and_focuses_hide_again() {
    clean_page();
    let feed = FeedUrl::all_kinds();
    let widget = Widget::loaded(props(&feed.0, Overrides::default())).await;
    let target = "moderate-cast";

    let placeholder = widget.placeholder(target).expect("a placeholder");
    click(
        &placeholder
            .query_selector("button")
            .unwrap()
            .expect("a Reveal button"),
    );
    wait_for("the revealed card", || widget.card(target).is_some()).await;

    // That one item is shown, as a revealed card; every other hidden item stays hidden.
    let mut shown = ids_up_to(Level::None);
    shown.push(target.to_owned());
    let shown = sorted(shown);
    assert_ids(&widget.card_ids(), &shown, "after one reveal");
    assert!(widget.placeholder(target).is_none());
    let card = widget.card(target).unwrap();
    assert!(has_class(&card, "sf-card--revealed"));
    assert_eq!(widget.checked_level(), Some(Level::None));
    assert_page_shows_only(&shown, "after one reveal");
    assert_eq!(
        widget.text("[data-testid=hidden-count]"),
        hidden_count_text(fixture_items().len() - shown.len(), Level::None)
    );

    // The live region says so, and focus moved to the card's "Hide again" button.
    assert_eq!(widget.live(), "Revealed: cast update");
    let hide_again = widget
        .all(&format!("[data-testid=card][data-id=\"{target}\"] button"))
        .into_iter()
        .find(|button| {
            button
                .text_content()
                .unwrap_or_default()
                .contains("Hide again")
        })
        .expect("a Hide again button on the revealed card");
    wait_for("focus on Hide again", || {
        document()
            .active_element()
            .is_some_and(|active| active.is_same_node(Some(&hide_again)))
    })
    .await;

    // Hide again puts the placeholder back and the item's text leaves the page.
    click(&hide_again);
    wait_for("the placeholder to come back", || {
        widget.placeholder(target).is_some()
    })
    .await;
    let shown = ids_up_to(Level::None);
    assert_ids(&widget.card_ids(), &shown, "after hiding again");
    assert_eq!(widget.live(), "Hidden again");
    assert_page_shows_only(&shown, "after hiding again");

    widget.unmount().await;
    feed.revoke();
}

#[wasm_bindgen_test]
async fn level_and_reveals_are_stored_per_feed_and_restored_on_the_next_mount() {
    clean_page();
    let feed = FeedUrl::all_kinds();
    let target = "major-other";

    let widget = Widget::loaded(props(&feed.0, Overrides::default())).await;
    widget.pick_level(Level::Mild).await;
    click(
        &widget
            .placeholder(target)
            .expect("a placeholder")
            .query_selector("button")
            .unwrap()
            .expect("a Reveal button"),
    );
    wait_for("the revealed card", || widget.card(target).is_some()).await;

    let key = config::storage_key(&feed.0);
    assert_eq!(key, format!("spoilerfeed:prefs:{}", feed.0));
    let mut stored = None;
    wait_for("the choices to be stored", || {
        stored = storage()
            .get_item(&key)
            .unwrap()
            .and_then(|json| serde_json::from_str::<Prefs>(&json).ok());
        stored
            .as_ref()
            .is_some_and(|prefs| prefs.revealed.contains(target))
    })
    .await;
    let stored = stored.unwrap();
    assert_eq!(stored.level, Level::Mild);
    assert_eq!(stored.revealed, BTreeSet::from([target.to_owned()]));

    // A second widget for the same feed starts where the fan left off: the stored choices
    // outlive the first widget.
    widget.remove().await;
    assert!(storage().get_item(&key).unwrap().is_some());

    let again = Widget::loaded(props(&feed.0, Overrides::default())).await;
    assert_eq!(again.checked_level(), Some(Level::Mild));
    let mut shown = ids_up_to(Level::Mild);
    shown.push(target.to_owned());
    let shown = sorted(shown);
    assert_ids(&again.card_ids(), &shown, "after a second mount");
    assert!(has_class(&again.card(target).unwrap(), "sf-card--revealed"));
    assert_page_shows_only(&shown, "after a second mount");

    // Another feed URL has its own choices.
    let other = FeedUrl::all_kinds();
    assert!(storage()
        .get_item(&config::storage_key(&other.0))
        .unwrap()
        .is_none());

    again.unmount().await;
    other.revoke();
    feed.revoke();
}

#[wasm_bindgen_test]
async fn a_level_given_by_the_page_wins_over_the_stored_one() {
    for (stored, given) in [
        (Level::Major, Level::None),
        (Level::None, Level::Moderate),
        (Level::Moderate, Level::Mild),
    ] {
        clean_page();
        let feed = FeedUrl::all_kinds();
        store(
            &feed,
            &Prefs {
                level: stored,
                ..Prefs::default()
            },
        );

        let given_level = Overrides {
            level: Some(given),
            ..Overrides::default()
        };
        let widget = Widget::loaded(props(&feed.0, given_level)).await;
        let context = format!("stored {stored:?}, given {given:?}");
        assert_eq!(widget.checked_level(), Some(given), "{context}");
        let shown = ids_up_to(given);
        assert_ids(&widget.card_ids(), &shown, &context);
        assert_page_shows_only(&shown, &context);

        widget.unmount().await;
        feed.revoke();
    }

    // Without an override the stored level is used (so the cases above mean something).
    clean_page();
    let feed = FeedUrl::all_kinds();
    store(
        &feed,
        &Prefs {
            level: Level::Moderate,
            ..Prefs::default()
        },
    );
    let widget = Widget::loaded(props(&feed.0, Overrides::default())).await;
    assert_eq!(widget.checked_level(), Some(Level::Moderate));
    assert_ids(
        &widget.card_ids(),
        &ids_up_to(Level::Moderate),
        "stored Moderate, none given",
    );
    widget.unmount().await;
    feed.revoke();
}

#[wasm_bindgen_test]
async fn a_kind_chip_lists_only_that_kind() {
    clean_page();
    let feed = FeedUrl::all_kinds();
    let widget = Widget::loaded(props(&feed.0, Overrides::default())).await;
    let chip = |kind: &str| {
        widget
            .one(&format!("[data-testid=kind-chip][data-kind=\"{kind}\"]"))
            .unwrap_or_else(|| panic!("a {kind} chip"))
    };
    let cast_ids = |level: Level| {
        sorted(
            fixture_items()
                .into_iter()
                .filter(|item| item.kind == "cast" && item.level <= level)
                .map(|item| item.id),
        )
    };

    click(&chip("cast"));
    widget
        .wait_for_cards(&cast_ids(Level::None), "cast only, level None")
        .await;
    assert_eq!(
        chip("cast").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    for kind in ["production", "release", "other"] {
        assert_eq!(
            chip(kind).get_attribute("aria-pressed").as_deref(),
            Some("false")
        );
    }
    let hidden_cast = fixture_items()
        .iter()
        .filter(|item| item.kind == "cast" && item.level > Level::None)
        .count();
    let placeholders = widget.all("[data-testid=placeholder]");
    assert_eq!(placeholders.len(), hidden_cast);
    assert!(placeholders
        .iter()
        .all(|placeholder| placeholder.get_attribute("data-kind").as_deref() == Some("cast")));
    assert_eq!(
        widget.text("[data-testid=hidden-count]"),
        hidden_count_text(hidden_cast, Level::None)
    );
    assert_page_shows_only(&cast_ids(Level::None), "cast only, level None");
    assert_eq!(widget.live(), "1 update shown");

    // The filter holds at another level.
    widget.radio(Level::Major).click();
    widget
        .wait_for_cards(&cast_ids(Level::Major), "cast only, level Major")
        .await;
    assert!(widget.all("[data-testid=placeholder]").is_empty());
    assert_page_shows_only(&cast_ids(Level::Major), "cast only, level Major");

    // Pressing it again lists every kind.
    click(&chip("cast"));
    let every = ids_up_to(Level::Major);
    widget.wait_for_cards(&every, "every kind again").await;
    assert_eq!(
        chip("cast").get_attribute("aria-pressed").as_deref(),
        Some("false")
    );

    widget.unmount().await;
    feed.revoke();
}

/// Mounts a widget whose level the host site locks, with the props `lock-level` gives.
async fn locked(feed: &FeedUrl, level: Level) -> Widget {
    let mut props = props(
        &feed.0,
        Overrides {
            level: Some(level),
            ..Overrides::default()
        },
    );
    props.lock_level = Some(level);
    Widget::loaded(props).await
}

#[wasm_bindgen_test]
async fn a_locked_level_disables_the_picker_and_offers_no_reveal() {
    clean_page();
    let feed = FeedUrl::all_kinds();
    store(
        &feed,
        &Prefs {
            level: Level::Major,
            ..Prefs::default()
        },
    );
    let widget = locked(&feed, Level::Mild).await;
    assert_eq!(widget.checked_level(), Some(Level::Mild));
    let shown = ids_up_to(Level::Mild);
    assert_ids(&widget.card_ids(), &shown, "locked at Mild");
    let fieldset = widget.one("fieldset").expect("the level picker");
    assert!(fieldset.has_attribute("disabled"));
    let placeholders = widget.all("[data-testid=placeholder]");
    assert_eq!(placeholders.len(), fixture_items().len() - shown.len());
    assert!(widget.all("[data-testid=placeholder] button").is_empty());
    assert_page_shows_only(&shown, "locked at Mild");

    widget.unmount().await;
    feed.revoke();
}

/// "lock-level: the site fixes the level … nothing can be revealed" (README): an item the fan
/// revealed before (stored for the same feed URL) stays hidden above a locked level.
#[wasm_bindgen_test]
async fn a_locked_level_keeps_items_the_fan_revealed_elsewhere_hidden() {
    clean_page();
    let feed = FeedUrl::all_kinds();
    store(
        &feed,
        &Prefs {
            level: Level::None,
            revealed: BTreeSet::from(["major-other".to_owned()]),
            ..Prefs::default()
        },
    );
    let widget = locked(&feed, Level::None).await;
    let shown = ids_up_to(Level::None);
    assert_ids(
        &widget.card_ids(),
        &shown,
        "locked at None, one stored reveal",
    );
    assert_page_shows_only(&shown, "locked at None, one stored reveal");

    widget.unmount().await;
    feed.revoke();
}

/// Mounts a widget for a feed that fails and returns it once the error card shows.
async fn failing(feed_url: &str) -> Widget {
    let widget = Widget::mount(props(feed_url, Overrides::default()));
    wait_for("the error card", || {
        widget.one("[data-testid=error]").is_some()
    })
    .await;
    assert!(widget.all("[data-testid=card]").is_empty());
    assert!(widget.one("[data-testid=loading]").is_none());
    widget
}

fn retry_button(widget: &Widget) -> Element {
    widget
        .all("[data-testid=error] button")
        .into_iter()
        .find(|button| button.text_content().unwrap_or_default().contains("Retry"))
        .expect("a Retry button on the error card")
}

#[wasm_bindgen_test]
async fn a_web_page_instead_of_a_feed_shows_the_error_card_with_retry() {
    clean_page();
    let feed = FeedUrl::blob("<html><body>Not a feed</body></html>", "text/html");
    let widget = failing(&feed.0).await;
    let error = widget.text("[data-testid=error]").unwrap();
    assert!(
        error.contains("Feed unreadable"),
        "error card says: {error}"
    );
    assert!(error.contains("isn't a feed"), "error card says: {error}");
    assert_eq!(
        widget
            .one("[data-testid=error]")
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );

    // Retry loads again (and fails again, the same way).
    click(&retry_button(&widget));
    wait_for("Retry to be announced", || {
        widget.live() == "Loading the feed again"
    })
    .await;
    wait_for("the error card again", || {
        widget.one("[data-testid=error]").is_some()
    })
    .await;
    retry_button(&widget);

    widget.unmount().await;
    feed.revoke();
}

#[wasm_bindgen_test]
async fn a_feed_that_answers_404_shows_the_error_card_with_retry() {
    clean_page();
    // The test runner's own server answers 404 for a path it doesn't have.
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let url = format!("{origin}/spoilerfeed-no-such-feed.json");
    let widget = failing(&url).await;
    let error = widget.text("[data-testid=error]").unwrap();
    assert!(
        error.contains("Feed unavailable"),
        "error card says: {error}"
    );
    assert!(error.contains("HTTP 404"), "error card says: {error}");
    retry_button(&widget);

    widget.unmount().await;
}

/// A list's first frame holds one screenful, then the whole page of entries follows on its own
/// (README, Performance): a fan never has to do anything for the rest to appear, and "Show
/// more" only shows once it can be trusted.
#[wasm_bindgen_test]
async fn the_first_frame_holds_a_screenful_and_the_rest_follows() {
    use spoilerfeed::components::card_list::{CardListProps, FIRST_FRAME};
    use spoilerfeed::components::CardList;

    clean_page();
    let feed = spoilerfeed::state::SharedFeed(std::rc::Rc::new(
        spoilerfeed::feed::parse(ALL_KINDS, None).expect("the fixture"),
    ));
    let items = feed.items.len();
    assert!(
        items > FIRST_FRAME + 1,
        "the fixture is longer than a first frame"
    );
    let root = document().create_element("div").unwrap();
    root.set_attribute(ROOT_MARK, "").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = yew::props!(CardListProps {
        feed,
        prefs: Prefs {
            level: Level::Major,
            ..Prefs::default()
        },
        now: spoilerfeed::platform::now(),
        // One fewer than the feed has: the last update waits behind "Show more".
        limit: items - 1,
        on_reveal: yew::Callback::noop(),
        on_conceal: yew::Callback::noop(),
        on_more: yew::Callback::noop(),
    });
    let app = yew::Renderer::<CardList>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let entries = || root.query_selector_all(".sf-list > li").unwrap().length() as usize;
    let busy = || {
        root.query_selector(".sf-list[aria-busy=true]")
            .unwrap()
            .is_some()
    };
    let more = || root.query_selector(".sf-more").unwrap().is_some();
    assert_eq!(entries(), FIRST_FRAME, "the first frame");
    assert!(busy(), "the list says it is still filling in");
    assert!(!more(), "no Show more while the page is still filling in");

    wait_for("the rest of the page", || entries() == items - 1 && !busy()).await;
    assert!(more(), "Show more for the update past the limit");
    app.destroy();
    root.remove();
}
