//! The components and view functions rendered to HTML on the server (Yew's `ssr` feature; view
//! functions through a wrapper component): what reaches the page for hidden and shown updates,
//! each kind's block, the level picker, the error card and the app's first render. The page
//! never sees a hidden item's spoiling fields or its id, feed text is always escaped, and only
//! http(s) links become an `href`.

// Native only: these render on the host (or use host-only crates); the browser suite is
// `browser*.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use chrono::{DateTime, TimeZone, Utc};
use common::*;
use serde_json::json;
use spoilerfeed::components::card_list::CardListProps;
use spoilerfeed::components::error_card::ErrorCardProps;
use spoilerfeed::components::filters::FiltersProps;
use spoilerfeed::components::level_picker::LevelPickerProps;
use spoilerfeed::components::{self, CardList, ErrorCard, Filters, LevelPicker};
use spoilerfeed::config::{Overrides, Prefs};
use spoilerfeed::error::Error;
use spoilerfeed::feed::{Feed, Item};
use spoilerfeed::i18n::Lang;
use spoilerfeed::spoiler::Concealed;
use spoilerfeed::types::{KindSet, Level};
use spoilerfeed::{App, AppProps};
use yew::{function_component, AttrValue, Callback, Html, Properties};

/// The list for a feed and the fan's choices, with room for every entry.
fn card_list(feed: &Feed, prefs: Prefs) -> String {
    card_list_with(feed, prefs, usize::MAX, true)
}

fn card_list_with(feed: &Feed, prefs: Prefs, limit: usize, can_reveal: bool) -> String {
    render::<CardList>(yew::props!(CardListProps {
        feed: shared(feed.clone()),
        prefs,
        now: now(),
        limit,
        can_reveal,
        on_reveal: Callback::noop(),
        on_conceal: Callback::noop(),
        on_more: Callback::noop(),
    }))
}

/// Props of [`Rendered`].
#[derive(Properties, PartialEq)]
struct RenderedProps {
    html: Html,
}

/// Renders the output of a view function as it is: cards and placeholders are not components.
#[function_component]
fn Rendered(props: &RenderedProps) -> Html {
    props.html.clone()
}

/// The HTML a view function's output renders to.
fn render_view(html: Html) -> String {
    render::<Rendered>(yew::props!(RenderedProps { html }))
}

/// One card, shown against `now`.
fn card_at(item: &Rc<Item>, now: DateTime<Utc>, revealed: bool) -> String {
    render_view(components::card(
        &Lang::default(),
        None,
        item,
        now,
        revealed,
        &Callback::noop(),
        None,
    ))
}

fn card(item: &Rc<Item>) -> String {
    card_at(item, now(), false)
}

fn placeholder(item: &Rc<Item>, can_reveal: bool) -> String {
    let on_reveal = Callback::noop();
    render_view(components::placeholder(
        &Lang::default(),
        None,
        &Concealed::new(item),
        now(),
        can_reveal.then_some(&on_reveal),
        None,
    ))
}

fn level_picker(level: Level, locked: Option<&'static str>) -> String {
    render::<LevelPicker>(yew::props!(LevelPickerProps {
        level,
        locked: locked.map(AttrValue::from),
        on_change: Callback::noop(),
    }))
}

fn error_card(error: Error, showing_last_good: bool) -> String {
    render::<ErrorCard>(yew::props!(ErrorCardProps {
        error,
        showing_last_good,
        on_retry: Callback::noop(),
    }))
}

/// The text of the element carrying `data-testid="{test_id}"`, if there is one.
fn test_id_text<'a>(html: &'a str, test_id: &str) -> Option<&'a str> {
    let at = html.find(&format!("data-testid=\"{test_id}\""))?;
    let start = at + html[at..].find('>')? + 1;
    let end = start + html[start..].find('<')?;
    Some(&html[start..end])
}

/// Every value of an attribute in the HTML.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let start = at + needle.len();
            &html[start..start + html[start..].find('"').unwrap()]
        })
        .collect()
}

/// The `<input …>` tags of the HTML.
fn inputs(html: &str) -> Vec<&str> {
    html.match_indices("<input")
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap() + 1])
        .collect()
}

/// The `<input …>` tags of the HTML that are checked.
fn checked_inputs(html: &str) -> Vec<&str> {
    inputs(html)
        .into_iter()
        .filter(|input| input.contains(" checked"))
        .collect()
}

/// How many of the all-kinds fixture's items are above `level` (hidden there), read from its JSON.
fn hidden_above(level: Level) -> usize {
    raw_items(ALL_KINDS)
        .iter()
        .filter(|item| item.level > level)
        .count()
}

/// The card of the item with this id.
fn card_of<'a>(html: &'a str, id: &str) -> &'a str {
    let needle = format!("data-id=\"{id}\"");
    articles(html)
        .into_iter()
        .find(|article| article.contains(&needle))
        .unwrap_or_else(|| panic!("no card for {id}"))
}

/// The placeholders of rendered HTML.
fn placeholders(html: &str) -> Vec<&str> {
    articles(html)
        .into_iter()
        .filter(|article| article.contains("data-testid=\"placeholder\""))
        .collect()
}

#[test]
fn hidden_items_leave_no_trace_of_their_spoiling_fields_or_id() {
    let feed = load_fixture(ALL_KINDS);
    for level in Level::ALL {
        let html = card_list(&feed, prefs(level));
        for item in raw_items(ALL_KINDS) {
            let url = format!("https://example.com/all-kinds/{}", item.id);
            if item.level > level {
                assert!(
                    !html.contains(&marker(&item.id)),
                    "{} leaks at {level:?}",
                    item.id
                );
                assert!(
                    !html.contains(&item.id),
                    "the id {} is rendered at {level:?}",
                    item.id
                );
                assert!(!html.contains(&url), "{url} is rendered at {level:?}");
            } else {
                assert!(
                    html.contains(&marker(&item.id)),
                    "{} is missing at {level:?}",
                    item.id
                );
            }
        }
    }
}

#[test]
fn wild_feeds_render_only_placeholders_until_major() {
    for name in WILD {
        let feed = load_fixture(name);
        for level in [Level::None, Level::Mild, Level::Moderate] {
            let html = card_list(&feed, prefs(level));
            assert_eq!(placeholders(&html).len(), feed.items.len(), "{name}");
            for item in &feed.items {
                let title = item.title.as_deref().unwrap();
                assert!(!html.contains(title), "{name}: {title} at {level:?}");
                assert!(!html.contains(&item.id), "{name}: {} at {level:?}", item.id);
            }
            assert!(!html.contains("href"), "{name} at {level:?}");
        }
        let html = card_list(&feed, prefs(Level::Major));
        assert!(placeholders(&html).is_empty(), "{name}");
        for item in &feed.items {
            assert!(html.contains(item.title.as_deref().unwrap()), "{name}");
        }
    }
}

#[test]
fn shown_cards_carry_every_field() {
    let feed = load_fixture(ALL_KINDS);
    let html = card_list(&feed, prefs(Level::Major));
    for item in raw_items(ALL_KINDS) {
        let id = &item.id;
        let secret = marker(id);
        let card = card_of(&html, id);
        for expected in [
            format!("{secret} headline"),
            format!("{secret} body of the"),
            format!("<li class=\"sf-tag\">{secret}</li>"),
            format!("href=\"https://example.com/all-kinds/{id}\""),
            format!("data-kind=\"{}\"", item.kind.key()),
            format!("data-level=\"{}\"", item.level.key()),
        ] {
            assert!(card.contains(&expected), "{expected} not in {card}");
        }
    }
    for id in ["none-cast", "mild-cast", "moderate-cast", "major-cast"] {
        let card = card_of(&html, id);
        let secret = marker(id);
        assert!(
            card.contains(&format!(">{secret} Actor One</span>")),
            "{card}"
        );
        assert!(
            card.contains(&format!(">{secret} Actor Two</span>")),
            "{card}"
        );
        assert!(card.contains(&format!(" as {secret} Role")), "{card}");
    }
    for id in [
        "none-release",
        "mild-release",
        "moderate-release",
        "major-release",
    ] {
        let card = card_of(&html, id);
        let secret = marker(id);
        assert!(card.contains(&format!(">{secret} window</span>")), "{card}");
        assert!(
            card.contains(&format!(">{secret} release note</p>")),
            "{card}"
        );
    }
}

#[test]
fn placeholders_offer_reveal_and_nothing_to_follow() {
    let feed = load_fixture(ALL_KINDS);
    for level in Level::ALL {
        let html = card_list(&feed, prefs(level));
        let expected = hidden_above(level);
        let placeholders = placeholders(&html);
        assert_eq!(placeholders.len(), expected, "at {level:?}");
        assert_eq!(articles(&html).len(), feed.items.len(), "at {level:?}");
        for placeholder in placeholders {
            assert!(
                placeholder.contains("<button type=\"button\" aria-expanded=\"false\""),
                "{placeholder}"
            );
            assert!(placeholder.contains(">Reveal<"), "{placeholder}");
            for forbidden in ["<a ", "<a>", "href", "<img", "src=", "data-id"] {
                assert!(
                    !placeholder.contains(forbidden),
                    "{forbidden} in {placeholder}"
                );
            }
            assert!(placeholder.contains(">Marker Test Show<"), "{placeholder}");
            assert!(placeholder.contains("<time"), "{placeholder}");
        }
    }
}

#[test]
fn placeholders_read_the_safe_title_or_the_kind() {
    let feed = load_fixture("default-level.json");
    let html = card_list(&feed, prefs(Level::None));
    assert!(html.contains(">A safe headline for explicit-major</p>"));
    assert!(html.contains(">Hidden cast update</p>"));
    assert!(html.contains(">Hidden news update</p>"));
    assert!(html.contains(">Hidden: major spoiler</span>"));
    assert!(html.contains(">Hidden: mild spoiler</span>"));
    assert!(!html.contains("SECRET-explicit-major"));

    let major = item(&feed, "explicit-major");
    assert!(placeholder(major, true).contains(">Reveal<"));
    // A host site that locks the level offers no Reveal.
    let locked = placeholder(major, false);
    assert!(!locked.contains("<button"), "{locked}");
    assert!(locked.contains(">A safe headline for explicit-major</p>"));
    let html = card_list_with(&feed, prefs(Level::None), usize::MAX, false);
    assert!(!html.contains(">Reveal<"));
}

#[test]
fn the_hidden_count_names_the_level() {
    let feed = load_fixture(ALL_KINDS);
    for level in Level::ALL {
        let html = card_list(&feed, prefs(level));
        let hidden = hidden_above(level);
        let expected = (hidden > 0).then(|| {
            format!(
                "{hidden} updates hidden above {}",
                Lang::default().level(level)
            )
        });
        assert_eq!(
            test_id_text(&html, "hidden-count").map(str::to_owned),
            expected
        );
    }
    let html = card_list(&feed, prefs(Level::Mild));
    assert_eq!(
        test_id_text(&html, "hidden-count"),
        Some("8 updates hidden above Mild")
    );
    let html = card_list(&feed, prefs_with_kinds(Level::Mild, "production,cast"));
    assert_eq!(
        test_id_text(&html, "hidden-count"),
        Some("4 updates hidden above Mild")
    );
    let html = card_list(&feed, prefs_with_kinds(Level::Moderate, "other"));
    assert_eq!(
        test_id_text(&html, "hidden-count"),
        Some("1 update hidden above Moderate")
    );
}

#[test]
fn empty_lists_say_why() {
    let wild = load_fixture(WILD[0]);
    let html = card_list(&wild, prefs(Level::None));
    assert_eq!(
        test_id_text(&html, "empty"),
        Some("No updates at this level yet")
    );
    assert_eq!(placeholders(&html).len(), wild.items.len());

    let html = card_list(&Feed::default(), prefs(Level::Major));
    assert_eq!(
        test_id_text(&html, "empty"),
        Some("This feed has no updates yet")
    );

    let mut fan = prefs(Level::Major);
    fan.show = Some("Another Show".into());
    let html = card_list(&load_fixture(ALL_KINDS), fan);
    assert_eq!(
        test_id_text(&html, "empty"),
        Some("No updates match these filters")
    );
    assert!(articles(&html).is_empty());

    let html = card_list(&load_fixture(ALL_KINDS), prefs(Level::None));
    assert_eq!(test_id_text(&html, "empty"), None);
}

#[test]
fn long_lists_stop_at_the_limit() {
    let feed = load_fixture(ALL_KINDS);
    let html = card_list_with(&feed, prefs(Level::Major), 5, true);
    assert_eq!(articles(&html).len(), 5);
    assert!(html.contains(">Show more (11 left)</button>"), "{html}");
    let html = card_list_with(&feed, prefs(Level::Major), 16, true);
    assert!(!html.contains("Show more"));
}

#[test]
fn a_revealed_card_says_so_and_can_be_hidden_again() {
    let feed = load_fixture(ALL_KINDS);
    let mut fan = prefs(Level::None);
    fan.revealed.insert("major-cast".into());
    let html = card_list(&feed, fan);
    let card = card_of(&html, "major-cast");
    assert!(card.contains("sf-card--revealed"));
    assert!(card.contains(">Major spoiler</span>"));
    assert!(card.contains("aria-expanded=\"true\""));
    assert!(card.contains(">Hide again</button>"));
    assert!(html.contains(&marker("major-cast")));
    // Cards within the level have neither.
    let card = card_of(&html, "none-cast");
    assert!(!card.contains("Hide again") && !card.contains("sf-card--revealed"));
}

#[test]
fn feed_text_is_escaped_never_markup() {
    let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let feed = parse_value(&document(json!([{
        "id": "xss",
        "title": attack,
        "content_text": attack,
        "tags": [attack],
        "authors": [{ "name": attack }],
        "_spoilerfeed": {
            "level": "none",
            "kind": "cast",
            "show": attack,
            "cast": [{ "name": attack, "role": attack }]
        }
    }, {
        "id": "xss-release",
        "_spoilerfeed": {
            "level": "none",
            "kind": "release",
            "release": { "label": attack, "note": attack }
        }
    }, {
        "id": "xss-hidden",
        "_spoilerfeed": { "level": "major", "safe_title": attack, "show": attack }
    }, {
        "id": "xss-html",
        "content_html": "<p>Fine</p><script>alert(3)</script><img src=x onerror=alert(4)>",
        "_spoilerfeed": { "level": "none" }
    }])));
    let html = card_list(&feed, prefs(Level::None));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
    );
    // The safe title and show of the hidden item are escaped too.
    let hidden = placeholders(&html);
    assert_eq!(hidden.len(), 1);
    assert!(hidden[0].contains("&lt;script&gt;"));
    // content_html is reduced to text: the script's code never reaches the page.
    let card = card_of(&html, "xss-html");
    assert!(card.contains(">Fine</p>"), "{card}");
    assert!(
        !card.contains("alert(3)") && !card.contains("alert(4)"),
        "{card}"
    );
}

#[test]
fn script_links_never_become_an_href() {
    let feed = parse_value(&document(json!([{
        "id": "js",
        "title": "Harmless title",
        "url": "javascript:alert(1)",
        "external_url": " JaVaScRiPt:alert(2)",
        "image": "data:image/svg+xml,<svg onload=alert(3)>",
        "_spoilerfeed": { "level": "none" }
    }, {
        "id": "tabbed",
        "url": "java\tscript:alert(4)",
        "external_url": "vbscript:msgbox(5)",
        "_spoilerfeed": { "level": "none" }
    }, {
        "id": "good",
        "url": "/news/good.html",
        "external_url": "https://www.source.example/story",
        "image": "https://cdn.example/good.jpg",
        "_spoilerfeed": { "level": "none" }
    }])));
    let html = card_list(&feed, prefs(Level::None));
    for scheme in ["javascript", "vbscript", "data:"] {
        assert!(
            !html.to_ascii_lowercase().contains(scheme),
            "{scheme} in {html}"
        );
    }
    let js = card_of(&html, "js");
    assert!(!js.contains("<a ") && !js.contains("<img"), "{js}");
    assert!(js.contains(">Harmless title</h3>"), "{js}");
    let hrefs = attribute_values(&html, "href");
    assert_eq!(
        hrefs,
        [
            "https://fans.example/news/good.html",
            "https://www.source.example/story"
        ]
    );
    let good = card_of(&html, "good");
    assert!(good.contains(">Source: source.example</a>"), "{good}");
    assert!(
        good.contains("src=\"https://cdn.example/good.jpg\""),
        "{good}"
    );
    assert!(good.contains("rel=\"noopener noreferrer\""), "{good}");
}

#[test]
fn every_href_on_the_all_kinds_page_is_http() {
    let feed = load_fixture(ALL_KINDS);
    let html = card_list(&feed, prefs(Level::Major));
    let hrefs = attribute_values(&html, "href");
    assert_eq!(hrefs.len(), feed.items.len());
    assert!(hrefs.iter().all(|href| href.starts_with("https://")));
}

#[test]
fn production_cards_show_the_stage_and_progress() {
    let feed = load_fixture(ALL_KINDS);
    let html = card(item(&feed, "none-production"));
    assert!(html.contains(">Filming</span>"), "{html}");
    assert!(html.contains("role=\"progressbar\""), "{html}");
    assert!(html.contains("aria-valuenow=\"25\""), "{html}");
    assert!(html.contains("value=\"25\""), "{html}");
    assert!(html.contains(">25%</span>"), "{html}");

    let html = card(item(&feed, "major-production"));
    assert!(html.contains(">Wrapped</span>") && html.contains("aria-valuenow=\"100\""));

    // A stage without progress has no bar.
    let html = card(item(&feed, "mild-production"));
    assert!(html.contains(">Pre-production</span>"), "{html}");
    assert!(!html.contains("progressbar"), "{html}");
}

#[test]
fn cast_cards_list_the_names_and_announced_roles() {
    let feed = load_fixture(ALL_KINDS);
    let html = card(item(&feed, "mild-cast"));
    assert!(html.contains("aria-label=\"New cast\""), "{html}");
    assert!(html.contains(
        "<span class=\"sf-cast__name\">SECRET-mild-cast Actor One</span>\
         <span class=\"sf-cast__role\"> as SECRET-mild-cast Role</span>"
    ));
    assert!(html.contains("<span class=\"sf-cast__name\">SECRET-mild-cast Actor Two</span></li>"));
    // No names: no block.
    let empty =
        only_item(json!({ "id": "c", "_spoilerfeed": { "level": "none", "kind": "cast" } }));
    assert!(!card(&empty).contains("sf-cast"));
}

#[test]
fn release_cards_show_the_window_confidence_and_countdown() {
    let feed = load_fixture(ALL_KINDS);
    let confirmed = item(&feed, "none-release");
    let ten_days_before = Utc.with_ymd_and_hms(2027, 2, 4, 20, 0, 0).unwrap();
    let html = card_at(confirmed, ten_days_before, false);
    assert!(
        html.contains(">SECRET-none-release window</span>"),
        "{html}"
    );
    assert!(
        html.contains("sf-badge--confirmed\">Confirmed</span>"),
        "{html}"
    );
    assert!(html.contains(">Out in 10 days</span>"), "{html}");
    assert!(
        html.contains(">SECRET-none-release release note</p>"),
        "{html}"
    );
    let release_day = Utc.with_ymd_and_hms(2027, 2, 14, 23, 59, 0).unwrap();
    assert!(card_at(confirmed, release_day, false).contains(">Out today</span>"));
    let after = Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap();
    assert!(card_at(confirmed, after, false).contains(">Out now</span>"));

    // Not confirmed to a day: no countdown.
    let html = card(item(&feed, "mild-release"));
    assert!(
        html.contains("sf-badge--reported\">Reported</span>"),
        "{html}"
    );
    assert!(!html.contains("sf-release__countdown"), "{html}");
    let html = card(item(&feed, "moderate-release"));
    assert!(
        html.contains("sf-badge--rumored\">Rumored</span>"),
        "{html}"
    );
    // Confirmed, but only the first possible day is known: no countdown.
    let open_ended = only_item(json!({
        "id": "r",
        "_spoilerfeed": {
            "level": "none",
            "kind": "release",
            "release": { "from": "2026-12-12", "confidence": "confirmed" }
        }
    }));
    let html = card(&open_ended);
    assert!(
        html.contains("sf-badge--confirmed\">Confirmed</span>"),
        "{html}"
    );
    assert!(!html.contains("sf-release__countdown"), "{html}");

    // Without a label, the window is written out from its days.
    let window = |release: serde_json::Value| {
        let item = only_item(json!({
            "id": "r",
            "_spoilerfeed": { "level": "none", "kind": "release", "release": release }
        }));
        card(&item)
    };
    assert!(window(json!({ "from": "2027-03-01", "to": "2027-03-31" }))
        .contains(">1 March 2027 – 31 March 2027</span>"));
    assert!(window(json!({ "from": "2027-06-01" })).contains(">1 June 2027</span>"));
    assert!(window(json!({})).contains(">Date not announced</span>"));
}

#[test]
fn other_cards_have_no_kind_block() {
    let feed = load_fixture(ALL_KINDS);
    let html = card(item(&feed, "none-other"));
    assert!(!html.contains("sf-details"), "{html}");
    assert!(html.contains(">News</span>"), "{html}");
}

#[test]
fn cards_show_date_authors_show_and_a_headline_even_without_title() {
    let feed = load_fixture(ALL_KINDS);
    // 2026-11-30 08:00 UTC, seen on 2 December at 12:00.
    let html = card(item(&feed, "none-production"));
    assert!(html.contains("datetime=\"2026-11-30T08:00:00Z\""), "{html}");
    assert!(html.contains(">2 days ago</time>"), "{html}");
    assert!(
        html.contains("title=\"30 November 2026, 08:00 UTC\""),
        "{html}"
    );
    assert!(html.contains(">Marker Test Show</span>"), "{html}");

    let untitled = only_item(json!({
        "id": "u",
        "authors": [{ "name": "Ada" }, { "name": "Ben" }],
        "_spoilerfeed": { "level": "none", "kind": "production" }
    }));
    let html = card(&untitled);
    assert!(html.contains(">Production update</h3>"), "{html}");
    assert!(html.contains(">By Ada, Ben</span>"), "{html}");
    assert!(!html.contains("<time"), "{html}");
}

#[test]
fn the_level_picker_has_four_radios_with_the_choice_checked() {
    for level in Level::ALL {
        let html = level_picker(level, None);
        let radios = inputs(&html);
        assert_eq!(radios.len(), 4, "{html}");
        assert!(radios.iter().all(|input| input.contains("type=\"radio\"")));
        let checked = checked_inputs(&html);
        assert_eq!(checked.len(), 1, "{html}");
        assert!(checked[0].contains(&format!("value=\"{}\"", level.key())));
        assert!(!html.contains("disabled"), "{html}");
        for other in Level::ALL {
            assert!(html.contains(&format!(
                ">{}</span>",
                Lang::default().level_description(other)
            )));
        }
    }
}

#[test]
fn a_locked_level_picker_is_disabled_and_says_why() {
    let html = level_picker(Level::Mild, Some("This site shows updates up to Mild."));
    let fieldset = &html[..html.find('>').unwrap()];
    assert!(
        fieldset.starts_with("<fieldset") && fieldset.contains("disabled"),
        "{html}"
    );
    assert!(
        html.contains(">This site shows updates up to Mild.</p>"),
        "{html}"
    );
}

#[test]
fn the_error_card_words_encoding_errors_as_the_errors_do() {
    for error in [
        Error::WebPage,
        Error::JsonNotUtf8,
        Error::UnknownEncoding {
            format: Some("RSS 2.0"),
            encoding: "x-foo".into(),
        },
        Error::UnknownEncoding {
            format: None,
            encoding: "x-foo".into(),
        },
        Error::Undecodable {
            format: Some("Atom"),
            encoding: "windows-1252".into(),
            declared: true,
        },
        Error::Undecodable {
            format: None,
            encoding: "Shift_JIS".into(),
            declared: true,
        },
        Error::Undecodable {
            format: Some("RSS 1.0"),
            encoding: "UTF-8".into(),
            declared: false,
        },
        Error::Undecodable {
            format: None,
            encoding: "UTF-8".into(),
            declared: false,
        },
    ] {
        let html = error_card(error.clone(), false);
        assert!(html.contains(">Feed unreadable</p>"), "{html}");
        let message = error.to_string();
        assert!(
            !message.contains("JSON") || error == Error::JsonNotUtf8,
            "{message}"
        );
        // The card's words (from the catalogue) are the event's message, escaped.
        let escaped = message.replace('"', "&quot;").replace('\'', "&#39;");
        assert!(
            html.contains(&format!(">{message}</p>")) || html.contains(&format!(">{escaped}</p>")),
            "{message} in {html}"
        );
        assert!(html.contains(">Retry</button>"), "{html}");
    }
}

#[test]
fn the_error_card_says_what_failed_and_offers_retry() {
    let html = error_card(Error::Network, false);
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(html.contains(">Feed unreachable</p>"), "{html}");
    assert!(html.contains(&format!(">{}</p>", Error::Network)), "{html}");
    assert!(html.contains(">Retry</button>"), "{html}");
    assert!(!html.contains("Showing the updates loaded before."));

    let parse_error = spoilerfeed::feed::parse("<html>", None).unwrap_err();
    let html = error_card(parse_error, true);
    assert!(
        html.contains(">This isn't a feed: the server sent a web page (HTML).</p>"),
        "{html}"
    );
    assert!(
        html.contains(">Showing the updates loaded before.</p>"),
        "{html}"
    );

    // Retrying can't help when no feed was given.
    let html = error_card(Error::NoFeed, false);
    assert!(html.contains(">No feed</p>"), "{html}");
    assert!(!html.contains("<button"), "{html}");
}

#[test]
fn kind_chips_show_which_kinds_are_on() {
    let render_filters = |kinds: KindSet, shows: Vec<AttrValue>| {
        render::<Filters>(yew::props!(FiltersProps {
            kinds,
            shows,
            show: None::<AttrValue>,
            on_toggle_kind: Callback::noop(),
            on_show: Callback::noop(),
        }))
    };
    let html = render_filters(KindSet::all(), vec!["Only".into()]);
    assert_eq!(html.matches("aria-pressed=\"false\"").count(), 4, "{html}");
    assert!(!html.contains("<select"), "{html}");

    let html = render_filters(
        KindSet::parse("cast,release").unwrap(),
        vec!["One".into(), "Two".into()],
    );
    let pressed: Vec<_> = html
        .match_indices("<button")
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap()])
        .filter(|button| button.contains("aria-pressed=\"true\""))
        .collect();
    assert_eq!(pressed.len(), 2, "{html}");
    assert!(pressed[0].contains("data-kind=\"cast\""));
    assert!(pressed[1].contains("data-kind=\"release\""));
    assert!(html.contains("<select"), "{html}");
    assert!(html.contains(">All shows</option>") && html.contains(">Two</option>"));
}

#[test]
fn the_app_shows_a_loading_skeleton_before_any_feed() {
    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        ..AppProps::default()
    });
    assert!(html.contains("data-testid=\"loading\""), "{html}");
    assert!(html.contains("aria-busy=\"true\""), "{html}");
    assert!(html.contains(">Show news</h1>"), "{html}");
    assert!(articles(&html).is_empty(), "{html}");
    assert!(!html.contains("data-testid=\"error\""), "{html}");
    // The safest level is picked when nothing else says otherwise.
    let checked = checked_inputs(&html);
    assert_eq!(checked.len(), 1);
    assert!(checked[0].contains("value=\"none\""), "{html}");
}

#[test]
fn the_app_takes_the_pages_level_lock_and_embedding() {
    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        overrides: Overrides {
            level: Some(Level::Moderate),
            ..Overrides::default()
        },
        embedded: true,
        ..AppProps::default()
    });
    assert!(!html.contains("<h1"), "{html}");
    let checked = checked_inputs(&html);
    assert_eq!(checked.len(), 1);
    assert!(checked[0].contains("value=\"moderate\""), "{html}");

    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        overrides: Overrides {
            level: Some(Level::Mild),
            ..Overrides::default()
        },
        lock_level: Some(Level::Mild),
        ..AppProps::default()
    });
    assert!(
        html.contains("This site shows updates up to Mild."),
        "{html}"
    );
    assert!(html.contains("disabled"), "{html}");
}

#[test]
fn a_locked_level_wins_even_over_the_pages_own_level() {
    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        overrides: Overrides {
            level: Some(Level::Major),
            ..Overrides::default()
        },
        lock_level: Some(Level::None),
        ..AppProps::default()
    });
    let checked = checked_inputs(&html);
    assert_eq!(checked.len(), 1);
    assert!(checked[0].contains("value=\"none\""), "{html}");
}
