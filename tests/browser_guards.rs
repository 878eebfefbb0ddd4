//! The fan's guards in a real browser: a muted word hides its updates at once, in this widget
//! and in a second one of the same origin, and unmuting brings them back; the host page's
//! words apply (accents dropped by the browser's own Unicode data) and can't be removed; a pace
//! and a snooze outlive the widget; a day ends at the browser's own local midnight, a snooze's
//! end is worded by its `Intl`, and muted Japanese, Chinese and Thai match inside sentences.
//!
//! Same harness as `tests/browser_progress.rs` (`tests/browser_support/mod.rs`). Nothing here
//! depends on today's date: the only air dates relied on are long past. Failure messages never
//! quote an item's id or marker verbatim.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{
    assert_page_shows_only, clean_page, sorted, storage, wait_for, FeedUrl, Widget,
};
use serde_json::{json, Value};
use spoilerfeed::config::Overrides;
use spoilerfeed::guards;
use spoilerfeed::AppProps;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Harbour Lights with an episode list, and Northern Line without one.
const PROGRESS: &str = include_str!("fixtures/progress.json");

/// The longest any wait polls before the test fails (generous: the machine may be busy).
const WAIT_MS: f64 = 20_000.0;

/// Marks the elements tests mount on, so a test can remove what a failed one left behind.
const ROOT_MARK: &str = "data-browser-guards-root";

/// A feed of spoiler-free updates (by their labels), each with its marker in the title.
fn feed() -> Value {
    let item = |id: &str, title: &str, more: Value| {
        let mut item = json!({
            "id": id,
            "title": format!("SECRET-{id} {title}"),
            "date_published": "2025-06-01T10:00:00Z",
            "_spoilerfeed": { "level": "none" }
        });
        for (key, value) in more.as_object().unwrap() {
            item[key] = value.clone();
        }
        item
    };
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Harbour news",
        "_spoilerfeed": { "show": "Harbour Lights" },
        "items": [
            item("g-title", "The Lantern Keeper is back", json!({})),
            item("g-html", "Set photos", json!({
                "content_html": "<p>Spotted: the <b>lantern</b> keeper&rsquo;s boat</p>"
            })),
            item("g-tag", "Behind the scenes", json!({ "tags": ["LANTERN KEEPER"] })),
            item("g-plain", "Season wraps", json!({})),
            item("g-light", "The lamplighter's tale", json!({})),
            item("g-accent", "Mar\u{e9}e haute", json!({})),
        ]
    })
}

fn all_ids() -> Vec<String> {
    sorted([
        "g-title", "g-html", "g-tag", "g-plain", "g-light", "g-accent",
    ])
}

fn props(feed_url: &str) -> AppProps {
    browser_support::props(feed_url, Overrides::default())
}

impl Widget {
    /// Mounts a widget and waits until its feed is shown.
    async fn loaded(props: AppProps) -> Widget {
        Widget::mount_until(props, "the feed", |widget| {
            !widget.all("article").is_empty()
        })
        .await
    }

    fn button_in(&self, scope: &str, label: &str) -> HtmlElement {
        self.all(&format!("{scope} button"))
            .into_iter()
            .find(|button| button.text_content().unwrap_or_default().contains(label))
            .unwrap_or_else(|| panic!("a {label:?} button in {scope}"))
            .unchecked_into()
    }

    /// Types words into the mute panel and presses Add, as a fan does.
    fn mute(&self, words: &str) {
        let field: HtmlInputElement = self
            .one("[data-testid=mute-input]")
            .expect("the mute field")
            .unchecked_into();
        field.set_value(words);
        self.button_in("[data-testid=mute-panel]", "Add").click();
    }

    /// The text of the widget outside its mute panel (where the fan's own words are listed).
    fn text_outside_panel(&self) -> String {
        let root: Element = self
            .one(".spoilerfeed")
            .expect("the widget")
            .clone_node_with_deep(true)
            .unwrap()
            .unchecked_into();
        if let Some(panel) = root.query_selector("[data-testid=mute-panel]").unwrap() {
            panel.remove();
        }
        root.text_content().unwrap_or_default()
    }

    fn reasons(&self) -> Vec<String> {
        self.all(".sf-placeholder__reason")
            .iter()
            .map(|reason| reason.text_content().unwrap_or_default())
            .collect()
    }

    fn progress_select(&self, show: &str) -> HtmlSelectElement {
        self.one(&format!(
            "[data-testid=progress][data-show=\"{show}\"] select[name=progress]"
        ))
        .expect("the progress select")
        .unchecked_into()
    }
}

fn stored(key: &str) -> Option<Value> {
    let json = storage().get_item(key).unwrap()?;
    Some(serde_json::from_str(&json).expect("stored guards are JSON"))
}

#[wasm_bindgen_test]
async fn a_muted_word_hides_its_updates_at_once_in_every_widget_of_the_origin() {
    clean_page();
    let url = FeedUrl::blob(&feed().to_string(), "application/feed+json");
    let first = Widget::loaded(props(&url.0)).await;
    let second = Widget::loaded(props(&url.0)).await;
    let all = all_ids();
    first.wait_for_cards(&all, "nothing muted").await;
    assert_eq!(
        first.text("[data-testid=mute-panel] summary").as_deref(),
        Some("Muted words (0)")
    );

    first.mute("Lantern Keeper");
    // Title, feed HTML (a tag between the words, a reference for the apostrophe) and a tag.
    let left = sorted(["g-plain", "g-light", "g-accent"]);
    first.wait_for_cards(&left, "muted in this widget").await;
    second
        .wait_for_cards(&left, "muted in the other widget")
        .await;
    for widget in [&first, &second] {
        assert_eq!(
            widget.reasons(),
            ["Hidden: mentions a word you muted"; 3],
            "the placeholders say why"
        );
        assert_eq!(
            widget.text("[data-testid=hidden-count]").as_deref(),
            Some("3 muted")
        );
        assert_eq!(
            widget.text("[data-testid=mute-panel] summary").as_deref(),
            Some("Muted words (1)")
        );
        let text = widget.text_outside_panel().to_lowercase();
        assert!(!text.contains("lantern"), "no muted text outside the panel");
        assert!(!text.contains("keeper"), "no muted text outside the panel");
    }
    assert_eq!(first.live(), "3 updates muted");
    assert_page_shows_only(&all, &left, "muted");
    assert_eq!(
        stored(guards::MUTE_KEY),
        Some(json!({ "every": ["Lantern Keeper"], "shows": {} }))
    );

    // Removed in the other widget: back in both.
    second
        .button_in("[data-testid=mute-panel]", "Remove")
        .click();
    first
        .wait_for_cards(&all, "unmuted in the other widget")
        .await;
    second.wait_for_cards(&all, "unmuted in this widget").await;
    assert!(first.one("[data-testid=hidden-count]").is_none());
    assert_eq!(
        stored(guards::MUTE_KEY),
        Some(json!({ "every": [], "shows": {} }))
    );

    first.remove().await;
    second.remove().await;
    storage().clear().unwrap();
    url.revoke();
}

#[wasm_bindgen_test]
async fn the_host_pages_words_apply_without_accents_and_cannot_be_removed() {
    clean_page();
    let url = FeedUrl::blob(&feed().to_string(), "application/feed+json");
    let mut page = props(&url.0);
    page.mute = vec!["maree".into(), "lamp".into()];
    let widget = Widget::loaded(page).await;
    // `Marée` is hidden by `maree`; `lamp` is not the word `lamplighter`.
    let left = sorted(["g-title", "g-html", "g-tag", "g-plain", "g-light"]);
    widget.wait_for_cards(&left, "the host's words").await;
    let accented = widget.placeholder("g-accent").expect("a placeholder");
    assert_eq!(
        accented.get_attribute("data-guard").as_deref(),
        Some("muted")
    );
    let host: Vec<String> = widget
        .all("[data-testid=host-muted-word]")
        .iter()
        .map(|word| word.text_content().unwrap_or_default())
        .collect();
    assert_eq!(host, ["mareeset by this site", "lampset by this site"]);
    assert!(widget
        .all("[data-testid=host-muted-word] button")
        .is_empty());
    assert!(storage().get_item(guards::MUTE_KEY).unwrap().is_none());
    assert_page_shows_only(&all_ids(), &left, "the host's words");

    // The fan's own accented word matches unaccented text, whole words only.
    widget.mute("S\u{e9}ason");
    let left = sorted(["g-title", "g-html", "g-tag", "g-light"]);
    widget.wait_for_cards(&left, "an accented muted word").await;

    widget.remove().await;
    storage().clear().unwrap();
    url.revoke();
}

#[wasm_bindgen_test]
async fn a_pace_and_a_snooze_outlive_the_widget() {
    clean_page();
    let url = FeedUrl::blob(PROGRESS, "application/feed+json");
    let widget = Widget::loaded(props(&url.0)).await;

    // A month behind the broadcast: seasons 1 and 2 aired long ago.
    let select = widget.progress_select("Harbour Lights");
    select.set_value("aired-30d");
    assert_eq!(select.value(), "aired-30d", "the pace is offered");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    wait_for("the pace to unlock season 2", || {
        widget.card_ids().contains(&"hl-s2-major".to_owned())
    })
    .await;
    assert_eq!(
        stored("spoilerfeed:progress:harbour lights"),
        Some(json!({ "watched": "aired-30d", "ahead": false }))
    );
    let paced = widget.card_ids();
    widget.remove().await;

    let widget = Widget::loaded(props(&url.0)).await;
    widget
        .wait_for_cards(&paced, "the pace after a reload")
        .await;
    assert_eq!(
        widget.progress_select("Harbour Lights").value(),
        "aired-30d"
    );

    // Snoozed until unsnoozed: every Harbour Lights update is a bare placeholder.
    let form = "[data-testid=snooze]";
    let show: HtmlSelectElement = widget
        .one(&format!("{form} select[name=snooze-show]"))
        .expect("the show to snooze")
        .unchecked_into();
    show.set_value("Harbour Lights");
    assert_eq!(show.value(), "Harbour Lights");
    let length: HtmlSelectElement = widget
        .one(&format!("{form} select[name=snooze-for]"))
        .expect("the snooze length")
        .unchecked_into();
    length.set_value("unsnoozed");
    widget.button_in(form, "Snooze").click();
    let northern: Vec<String> = sorted(paced.iter().filter(|id| id.starts_with("nl-")).cloned());
    widget
        .wait_for_cards(&northern, "Harbour Lights snoozed")
        .await;
    let snoozed = widget.all("[data-guard=snoozed]");
    assert!(!snoozed.is_empty());
    for placeholder in &snoozed {
        let text = placeholder.text_content().unwrap_or_default();
        assert!(!text.contains("Harbour Lights"), "only kind and date");
        assert!(text.contains("Hidden: you snoozed this show"));
    }
    assert_eq!(
        stored(guards::SNOOZE_KEY),
        Some(json!({ "harbour lights": null }))
    );
    widget.remove().await;

    let widget = Widget::loaded(props(&url.0)).await;
    widget
        .wait_for_cards(&northern, "the snooze after a reload")
        .await;
    widget
        .button_in(
            "[data-testid=snoozed][data-show=\"Harbour Lights\"]",
            "Unsnooze",
        )
        .click();
    widget.wait_for_cards(&paced, "unsnoozed").await;

    widget.remove().await;
    storage().clear().unwrap();
    url.revoke();
}

#[wasm_bindgen_test]
fn a_day_ends_at_the_browsers_own_next_local_midnight() {
    use chrono::{Datelike, NaiveDate};
    use js_sys::Date;
    // Whatever zone the browser is in: the end is the next day's 00:00 there, and a moment
    // before it is still that day. Around both of Los Angeles' 2026 changes of clocks too.
    for (y, m, d) in [
        (2026, 12, 11),
        (2026, 3, 8),
        (2026, 11, 1),
        (2026, 12, 31),
        (2028, 2, 28),
    ] {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let end = spoilerfeed::platform::end_of_day(day);
        let at = Date::new(&(end.timestamp_millis() as f64).into());
        let next = day.succ_opt().unwrap();
        assert_eq!(
            (
                at.get_full_year(),
                at.get_month() + 1,
                at.get_date(),
                at.get_hours(),
                at.get_minutes()
            ),
            (next.year() as u32, next.month(), next.day(), 0, 0),
            "the end of {day}"
        );
        let before = Date::new(&(end.timestamp_millis() as f64 - 1.0).into());
        assert_eq!(before.get_date(), d, "a moment before the end of {day}");
    }
}

#[wasm_bindgen_test]
fn a_snoozes_last_day_and_end_are_in_the_widgets_language() {
    use chrono::{NaiveDate, TimeZone, Utc};
    let friday = NaiveDate::from_ymd_opt(2026, 12, 11).unwrap();
    let english = spoilerfeed::platform::lang([Some("en")]);
    let german = spoilerfeed::platform::lang([Some("de")]);
    let said = spoilerfeed::platform::weekday(&english, friday, false);
    assert!(
        said.contains("Friday") && said.contains("11") && !said.contains("2026"),
        "{said}"
    );
    let said = spoilerfeed::platform::weekday(&german, friday, true);
    assert!(said.contains("Freitag") && said.contains("2026"), "{said}");
    let end = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
    let said = spoilerfeed::platform::local_time(&german, end);
    assert!(said.contains("2026") && said.contains(':'), "{said}");
}

#[wasm_bindgen_test]
fn muted_words_in_scripts_without_spaces_match_inside_sentences() {
    // Marks dropped by the browser's own Unicode data: ヴ decomposes, on both sides.
    let mut book = guards::MuteBook::default();
    book.add(&guards::Scope::Every, "ヴェクナ, 维克纳, เวคนา, lamp");
    let mutes = guards::MuteList::new(&book, &[]);
    assert!(mutes.mentions(None, "ついにヴェクナが登場"));
    assert!(mutes.mentions(None, "维克纳回来了"));
    assert!(mutes.mentions(None, "ในที่สุดเวคนาก็กลับมา"));
    assert!(!mutes.mentions(None, "The lamplighter's tale"));
    assert!(!mutes.mentions(None, "ついに登場"));
}
