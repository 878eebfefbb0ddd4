//! Watch progress in a real browser: the picker unlocks cards and stores progress per show, a
//! second feed about the same show starts with it (and follows changes live), a pasted code
//! applies it, and the picker always shows the progress in effect.
//!
//! Same setup as `tests/browser.rs`, with the same harness (`tests/browser_support/mod.rs`):
//! feeds are `blob:` URLs made from `tests/fixtures/progress.json`, every test mounts its own
//! widgets with `spoilerfeed::mount::mount` and cleans up, and waits poll the DOM (never a fixed
//! sleep).
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p spoilerfeed --target
//! wasm32-unknown-unknown --test browser_progress` (and `WASM_BINDGEN_TEST_WEBDRIVER_JSON`
//! pointing at the capabilities `cargo xtask test browser` writes to `.tools/webdriver.json`).
//!
//! Nothing here depends on today's date: the only air dates it relies on are long past.
//! Failure messages never quote an item's id or marker verbatim: the leak checks scan the
//! whole document, test runner output included.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{
    assert_page_shows_only, clean_page, poll, sorted, spelled, storage, wait_for, FeedUrl, Widget,
};
use serde_json::{json, Value};
use spoilerfeed::config::Overrides;
use spoilerfeed::progress::{self, ShowProgress, Watched};
use spoilerfeed::AppProps;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Harbour Lights with an episode list, and Northern Line without one.
const PROGRESS: &str = include_str!("fixtures/progress.json");

const HARBOUR: &str = "Harbour Lights";
const NORTHERN: &str = "Northern Line";

/// The longest any wait polls before the test fails (generous: the machine may be busy).
const WAIT_MS: f64 = 20_000.0;

/// Marks the elements tests mount on, so a test can remove what a failed one left behind.
const ROOT_MARK: &str = "data-browser-progress-root";

// ---------------------------------------------------------------------------------------------
// The feeds.

fn fixture() -> Value {
    serde_json::from_str(PROGRESS).expect("progress.json is JSON")
}

/// The ids of the fixture's items.
fn fixture_ids() -> Vec<String> {
    fixture()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Another site's feed about Harbour Lights: no episode list, a few of the same updates under
/// its own ids (`ob-…` for the fixture's `hl-…`), and a title of its own.
fn other_feed() -> String {
    let keep = [
        "hl-plain-none",
        "hl-s1e3-major",
        "hl-s2e4-moderate",
        "hl-s2e5-major",
        "hl-s2e6-major",
        "hl-s2-major",
    ];
    let mut feed = fixture();
    feed["title"] = json!("Another Harbour Lights fan site");
    feed["_spoilerfeed"]
        .as_object_mut()
        .expect("the extension")
        .remove("episodes");
    let items: Vec<Value> = feed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|item| keep.contains(&item["id"].as_str().unwrap()))
        .map(|item| {
            let text = item.to_string().replace("hl-", "ob-");
            serde_json::from_str(&text).unwrap()
        })
        .collect();
    feed["items"] = json!(items);
    feed.to_string()
}

/// The ids of [`other_feed`]'s items.
fn other_ids() -> Vec<String> {
    let feed: Value = serde_json::from_str(&other_feed()).unwrap();
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The page.

impl FeedUrl {
    fn progress() -> Self {
        FeedUrl::blob(PROGRESS, "application/feed+json")
    }

    fn other() -> Self {
        FeedUrl::blob(&other_feed(), "application/feed+json")
    }
}

/// The stored progress of a show, read straight from localStorage.
fn stored(show: &str) -> Option<Value> {
    let json = storage().get_item(&progress::storage_key(show)).unwrap()?;
    Some(serde_json::from_str(&json).expect("stored progress is JSON"))
}

fn props(feed_url: &str) -> AppProps {
    browser_support::props(feed_url, Overrides::default())
}

impl Widget {
    /// Mounts a widget on a fresh element and waits until its feed and pickers are shown.
    async fn loaded(props: AppProps) -> Widget {
        Widget::mount_until(props, "the feed and its progress picker", |widget| {
            widget.one("[data-testid=progress]").is_some() && !widget.all("article").is_empty()
        })
        .await
    }

    /// What a hidden item's placeholder gives as the reason.
    fn reason(&self, id: &str) -> String {
        self.placeholder(id)
            .unwrap_or_else(|| panic!("a placeholder for {}", spelled(id)))
            .query_selector(".sf-placeholder__reason")
            .unwrap()
            .and_then(|reason| reason.text_content())
            .unwrap_or_default()
    }

    /// A show's progress picker.
    fn picker(&self, show: &str) -> Element {
        self.one(&format!("[data-testid=progress][data-show=\"{show}\"]"))
            .unwrap_or_else(|| panic!("a progress picker for {show}"))
    }

    fn select(&self, show: &str) -> HtmlSelectElement {
        self.picker(show)
            .query_selector("select[name=progress]")
            .unwrap()
            .expect("the picker's select")
            .unchecked_into()
    }

    fn ahead(&self, show: &str) -> HtmlInputElement {
        self.picker(show)
            .query_selector("input[name=ahead]")
            .unwrap()
            .expect("the picker's checkbox")
            .unchecked_into()
    }

    /// Picks an option as a fan does: the select's value changes, then `change` fires.
    fn pick(&self, show: &str, value: &str) {
        let select = self.select(show);
        select.set_value(value);
        assert_eq!(select.value(), value, "the select offers {value}");
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    }

    fn button(&self, scope: &str, label: &str) -> HtmlElement {
        self.all(&format!("{scope} button"))
            .into_iter()
            .find(|button| button.text_content().unwrap_or_default().contains(label))
            .unwrap_or_else(|| panic!("a {label:?} button in {scope}"))
            .unchecked_into()
    }

    fn export_code(&self) -> String {
        self.one("[data-testid=progress-code] input[name=progress-code]")
            .expect("the export code field")
            .unchecked_into::<HtmlInputElement>()
            .value()
    }

    /// Pastes a code into the import field and presses "Use this code".
    fn import(&self, code: &str) {
        let panel = self.one("[data-testid=progress-code]").expect("the panel");
        panel.set_attribute("open", "").unwrap();
        let field: HtmlInputElement = self
            .one("[data-testid=progress-code] input[name=progress-import]")
            .expect("the import field")
            .unchecked_into();
        field.set_value(code);
        self.button("[data-testid=progress-code]", "Use this code")
            .click();
    }

    async fn wait_for_select(&self, show: &str, value: &str, context: &str) {
        if !poll(|| self.select(show).value() == value).await {
            panic!(
                "{context}: the {show} picker shows {:?}, expected {value:?} (after {WAIT_MS} ms)",
                self.select(show).value()
            );
        }
    }
}

/// The fixture's cards at level None with Harbour Lights watched up to S2E5.
fn at_s2e5() -> Vec<String> {
    sorted([
        "hl-plain-none",
        "hl-s2e3-none",
        "hl-s1-major",
        "hl-s1e2-major",
        "hl-s1e3-major",
        "hl-s2e4-moderate",
        "hl-s2e5-major",
    ])
}

fn with(mut ids: Vec<String>, more: &[&str]) -> Vec<String> {
    ids.extend(more.iter().map(|id| (*id).to_owned()));
    sorted(ids)
}

// ---------------------------------------------------------------------------------------------
// The tests.

#[wasm_bindgen_test]
async fn picking_progress_shows_the_unlocked_cards_and_stores_it_per_show() {
    clean_page();
    let feed = FeedUrl::progress();
    let widget = Widget::loaded(props(&feed.0)).await;
    let all = fixture_ids();

    // Nothing watched: the level alone decides.
    let start = sorted(["hl-plain-none", "hl-s2e3-none"]);
    widget.wait_for_cards(&start, "before any progress").await;
    assert_eq!(widget.select(HARBOUR).value(), "none");
    assert_eq!(widget.select(NORTHERN).value(), "none");
    assert!(!widget.ahead(HARBOUR).checked());
    assert_eq!(widget.reason("hl-s2e5-major"), "Spoils S2E5");
    assert!(stored(HARBOUR).is_none());
    assert_page_shows_only(&all, &start, "before any progress");

    widget.pick(HARBOUR, "S2E5");
    widget
        .wait_for_cards(&at_s2e5(), "watched up to S2E5")
        .await;
    assert_eq!(
        widget.reason("hl-s2e6-major"),
        "Spoils S2E6: you're at S2E5"
    );
    assert_eq!(widget.reason("hl-s2-major"), "Spoils S2: you're at S2E5");
    // Unlocked by progress is not a reveal.
    assert!(widget.all(".sf-card--revealed").is_empty());
    assert_page_shows_only(&all, &at_s2e5(), "watched up to S2E5");
    // Stored per show, under the show's name.
    assert_eq!(
        storage()
            .get_item("spoilerfeed:progress:harbour lights")
            .unwrap(),
        Some(r#"{"watched":"S2E5","ahead":false}"#.to_owned())
    );
    assert!(stored(NORTHERN).is_none());
    assert_eq!(widget.export_code(), "Harbour+Lights=S2E5");

    // One episode ahead lets the next episode's updates through, at any level.
    widget.ahead(HARBOUR).click();
    let ahead = with(at_s2e5(), &["hl-s2e6-major", "hl-s2e6-mild"]);
    widget.wait_for_cards(&ahead, "one ahead of S2E5").await;
    assert!(widget.ahead(HARBOUR).checked());
    assert_eq!(
        stored(HARBOUR),
        Some(json!({ "watched": "S2E5", "ahead": true }))
    );
    assert_eq!(widget.export_code(), "Harbour+Lights=S2E5+");
    assert_page_shows_only(&all, &ahead, "one ahead of S2E5");

    // The other show's picker is its own.
    widget.pick(NORTHERN, "S1E2");
    let northern = with(ahead.clone(), &["nl-s1e2-moderate"]);
    widget
        .wait_for_cards(&northern, "Northern Line at S1E2")
        .await;
    assert_eq!(
        stored(NORTHERN),
        Some(json!({ "watched": "S1E2", "ahead": false }))
    );
    assert_eq!(widget.select(HARBOUR).value(), "S2E5");

    // "I'm caught up": everything that has aired. (Only long-past air dates are relied on.)
    widget
        .button(
            "[data-testid=progress][data-show=\"Harbour Lights\"]",
            "caught up",
        )
        .click();
    wait_for("caught up to be stored", || {
        stored(HARBOUR) == Some(json!({ "watched": "all", "ahead": true }))
    })
    .await;
    widget.wait_for_select(HARBOUR, "all", "caught up").await;
    wait_for("season 3's aired episodes as cards", || {
        let cards = widget.card_ids();
        ["hl-s2-major", "hl-s3e1-moderate", "hl-s3e3-major"]
            .iter()
            .all(|id| cards.contains(&(*id).to_owned()))
    })
    .await;
    let cards = widget.card_ids();
    assert!(
        !cards.contains(&"hl-plain-major".to_owned()),
        "no spoils point"
    );
    assert!(!cards.contains(&"hl-oddspoils-major".to_owned()));
    assert_page_shows_only(&all, &cards, "caught up");

    // Back to nothing: everything progress unlocked is hidden again.
    widget.pick(HARBOUR, "none");
    wait_for("nothing to be stored", || {
        stored(HARBOUR) == Some(json!({ "watched": "none", "ahead": true }))
    })
    .await;
    widget.ahead(HARBOUR).click();
    widget
        .wait_for_cards(&with(start.clone(), &["nl-s1e2-moderate"]), "nothing again")
        .await;
    assert_eq!(
        stored(HARBOUR),
        Some(json!({ "watched": "none", "ahead": false }))
    );

    widget.remove().await;
    storage().clear().unwrap();
    feed.revoke();
}

/// The live region says what a progress change did: the widget also hears its own broadcast
/// of the new progress, which must not make the change look like nothing.
#[wasm_bindgen_test]
async fn setting_progress_announces_how_many_more_updates_are_shown() {
    clean_page();
    let feed = FeedUrl::progress();
    let widget = Widget::loaded(props(&feed.0)).await;
    widget.pick(HARBOUR, "S2E5");
    widget
        .wait_for_cards(&at_s2e5(), "watched up to S2E5")
        .await;
    assert_eq!(widget.live(), "5 more updates shown");
    widget.pick(HARBOUR, "none");
    widget
        .wait_for_cards(&sorted(["hl-plain-none", "hl-s2e3-none"]), "nothing again")
        .await;
    assert_eq!(widget.live(), "5 updates hidden");

    widget.remove().await;
    storage().clear().unwrap();
    feed.revoke();
}

#[wasm_bindgen_test]
async fn another_feed_about_the_same_show_starts_with_that_progress_and_follows_it() {
    clean_page();
    let first = FeedUrl::progress();
    let second = FeedUrl::other();
    let all: Vec<String> = fixture_ids().into_iter().chain(other_ids()).collect();

    let widget = Widget::loaded(props(&first.0)).await;
    widget.pick(HARBOUR, "S2E5");
    widget
        .wait_for_cards(&at_s2e5(), "first feed at S2E5")
        .await;
    widget.remove().await;
    assert!(stored(HARBOUR).is_some(), "progress outlives the widget");

    // Another URL, another site's feed (no episode list, other ids): same show, same progress.
    let other = Widget::loaded(props(&second.0)).await;
    let other_at_s2e5 = sorted([
        "ob-plain-none",
        "ob-s1e3-major",
        "ob-s2e4-moderate",
        "ob-s2e5-major",
    ]);
    other
        .wait_for_cards(&other_at_s2e5, "second feed, stored S2E5")
        .await;
    assert_eq!(other.select(HARBOUR).value(), "S2E5");
    assert_eq!(other.reason("ob-s2e6-major"), "Spoils S2E6: you're at S2E5");
    // Its choices are the points its updates mention.
    let values: Vec<String> = other
        .all("select[name=progress] option")
        .iter()
        .filter_map(|option| option.get_attribute("value"))
        .collect();
    assert_eq!(
        values,
        ["none", "S1E3", "S2E4", "S2E5", "S2E6", "S2", "all"]
    );
    assert_page_shows_only(&all, &other_at_s2e5, "second feed, stored S2E5");

    // Both on one page: a change in either shows in the other at once.
    let widget = Widget::loaded(props(&first.0)).await;
    widget.wait_for_cards(&at_s2e5(), "first feed again").await;
    other.pick(HARBOUR, "S2E6");
    widget
        .wait_for_cards(
            &with(at_s2e5(), &["hl-s2e6-major", "hl-s2e6-mild"]),
            "first feed after the second moved to S2E6",
        )
        .await;
    widget
        .wait_for_select(HARBOUR, "S2E6", "first feed after the second moved")
        .await;
    // The first feed knows S2E8 ends season 2; the second can't, so its whole-season update
    // stays hidden there.
    widget.pick(HARBOUR, "S2E8");
    other
        .wait_for_cards(
            &with(other_at_s2e5.clone(), &["ob-s2e6-major"]),
            "second feed after the first moved to S2E8",
        )
        .await;
    other
        .wait_for_select(HARBOUR, "S2E8", "second feed after the first moved")
        .await;
    assert_eq!(other.reason("ob-s2-major"), "Spoils S2: you're at S2E8");
    wait_for("the first feed's whole-season card", || {
        widget
            .one("[data-testid=card][data-id=\"hl-s2-major\"]")
            .is_some()
    })
    .await;
    assert_eq!(
        stored(HARBOUR),
        Some(json!({ "watched": "S2E8", "ahead": false }))
    );

    widget.remove().await;
    other.remove().await;
    storage().clear().unwrap();
    first.revoke();
    second.revoke();
}

#[wasm_bindgen_test]
async fn a_pasted_code_applies_the_progress_it_carries() {
    clean_page();
    let feed = FeedUrl::progress();
    let widget = Widget::loaded(props(&feed.0)).await;
    assert_eq!(widget.export_code(), "");

    // A code that can't be read changes nothing.
    widget.import("not a code");
    widget.import("Harbour+Lights=S0E0");
    // Flush, then check nothing moved (the poll returns at once; no sleep is asserted on).
    assert!(poll(|| true).await);
    assert!(stored(HARBOUR).is_none());
    assert_eq!(widget.select(HARBOUR).value(), "none");

    widget.import("Harbour+Lights=S2E5+;Northern+Line=S1E6");
    let expected = with(
        at_s2e5(),
        &[
            "hl-s2e6-major",
            "hl-s2e6-mild",
            "nl-s1e2-moderate",
            "nl-s1e6-major",
        ],
    );
    widget.wait_for_cards(&expected, "after the code").await;
    assert_eq!(widget.select(HARBOUR).value(), "S2E5");
    assert!(widget.ahead(HARBOUR).checked());
    assert_eq!(widget.select(NORTHERN).value(), "S1E6");
    assert!(!widget.ahead(NORTHERN).checked());
    assert_eq!(
        stored(HARBOUR),
        Some(json!({ "watched": "S2E5", "ahead": true }))
    );
    assert_eq!(
        stored(NORTHERN),
        Some(json!({ "watched": "S1E6", "ahead": false }))
    );
    assert_eq!(
        widget.export_code(),
        "Harbour+Lights=S2E5+;Northern+Line=S1E6"
    );
    assert_page_shows_only(&fixture_ids(), &expected, "after the code");

    // A link carrying a code works too.
    widget.import("https://fans.example/harbour/#progress=Harbour+Lights=S1E3");
    wait_for("the link's progress", || {
        stored(HARBOUR) == Some(json!({ "watched": "S1E3", "ahead": false }))
    })
    .await;
    widget
        .wait_for_select(HARBOUR, "S1E3", "after a link with a code")
        .await;

    widget.remove().await;
    storage().clear().unwrap();
    feed.revoke();
}

#[wasm_bindgen_test]
async fn the_picker_always_shows_the_progress_in_effect() {
    clean_page();
    let feed = FeedUrl::progress();
    let widget = Widget::loaded(props(&feed.0)).await;

    // The fan picks a point, then "caught up", then a code brings back the first point: the
    // select must show it, not "Nothing yet".
    widget.pick(HARBOUR, "S1E3");
    widget.wait_for_select(HARBOUR, "S1E3", "picked").await;
    widget
        .button(
            "[data-testid=progress][data-show=\"Harbour Lights\"]",
            "caught up",
        )
        .click();
    widget.wait_for_select(HARBOUR, "all", "caught up").await;
    widget.import("Harbour+Lights=S1E3");
    wait_for("the code's progress", || {
        stored(HARBOUR) == Some(json!({ "watched": "S1E3", "ahead": false }))
    })
    .await;
    widget
        .wait_for_select(HARBOUR, "S1E3", "after the code brought S1E3 back")
        .await;

    // The same with a second widget on the page moving the progress back and forth.
    let second = FeedUrl::progress();
    let other = Widget::loaded(props(&second.0)).await;
    widget.pick(HARBOUR, "S2E5");
    other
        .wait_for_select(HARBOUR, "S2E5", "the other widget follows")
        .await;
    other.pick(HARBOUR, "S2E6");
    widget
        .wait_for_select(HARBOUR, "S2E6", "the first widget follows")
        .await;
    other.pick(HARBOUR, "S2E5");
    widget
        .wait_for_select(HARBOUR, "S2E5", "the first widget follows back")
        .await;
    assert_eq!(
        stored(HARBOUR).and_then(|json| serde_json::from_value::<ShowProgress>(json).ok()),
        Some(ShowProgress {
            watched: Watched::parse("S2E5").unwrap(),
            ahead: false
        })
    );

    widget.remove().await;
    other.remove().await;
    storage().clear().unwrap();
    feed.revoke();
    second.revoke();
}

#[wasm_bindgen_test]
fn progress_keys_are_lowercased_as_rust_lowercases() {
    // Keys stored by earlier builds came from `str::to_lowercase`; the browser's `toLowerCase`
    // must give the same key for every character, and for a final sigma.
    let every_char: String = ('\0'..=char::MAX).flat_map(|c| [c, ' ']).collect();
    let sigmas = ["ΟΔΥΣΣΕΥΣ", "ΑΣ Β", "Σ", "ΑΣΑ", "Α.Σ", "Α'Σ'", "İstanbul ǅ"];
    for name in std::iter::once(every_char.as_str()).chain(sigmas) {
        let expected = format!("{}{}", progress::STORAGE_PREFIX, name.trim().to_lowercase());
        assert!(
            progress::storage_key(name) == expected,
            "the key of {:?}… differs",
            name.chars().take(8).collect::<String>()
        );
    }
}
