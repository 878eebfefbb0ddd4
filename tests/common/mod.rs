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
use spoilerfeed::state::SharedFeed;
use spoilerfeed::types::{Kind, KindSet, Level};
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

// ---------------------------------------------------------------------------------------------
// Page-safety checks for hostile input (tests/hostile.rs, tests/properties.rs).

/// The prefix of the marker hostile fixtures put in an item's spoiling text: `SECRET-<id>`.
pub const SECRET: &str = "SECRET-";

/// A hostile fixture's text (`tests/fixtures/hostile/<name>`).
pub fn hostile_text(name: &str) -> String {
    fixture_text(&format!("hostile/{name}"))
}

/// The list of cards for a feed and the fan's choices, with `limit` entries rendered.
pub fn render_card_list(feed: &SharedFeed, prefs: Prefs, limit: usize) -> String {
    use spoilerfeed::components::card_list::CardListProps;
    use spoilerfeed::components::CardList;
    use yew::Callback;
    render::<CardList>(yew::props!(CardListProps {
        feed: feed.clone(),
        prefs,
        now: now(),
        limit,
        on_reveal: Callback::noop(),
        on_conceal: Callback::noop(),
        on_more: Callback::noop(),
    }))
}

/// The ids `spoiler::view` lists as full cards for these choices.
pub fn shown_ids(feed: &Feed, prefs: &Prefs) -> std::collections::BTreeSet<String> {
    spoilerfeed::spoiler::view(feed, prefs)
        .entries
        .iter()
        .filter_map(|entry| match entry {
            spoilerfeed::spoiler::Entry::Shown { item, .. } => Some(item.id.clone()),
            spoilerfeed::spoiler::Entry::Hidden(_) => None,
        })
        .collect()
}

/// The `<id>` of every `SECRET-<id>` marker in the text (an id is made of ASCII letters, digits
/// and `.`, `_`, `-`).
pub fn secret_tokens(text: &str) -> std::collections::BTreeSet<String> {
    text.match_indices(SECRET)
        .map(|(at, _)| {
            text[at + SECRET.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
                .collect()
        })
        .collect()
}

/// Bidi controls (the Unicode `Bidi_Control` property) and zero-width characters.
pub fn is_bidi_or_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// One start tag of rendered HTML: its name and attributes, values with entities decoded.
#[derive(Debug)]
pub struct Tag {
    /// The element's name, lowercase.
    pub name: String,
    /// `(name, value)` pairs; names lowercase, `None` for an attribute without a value.
    pub attributes: Vec<(String, Option<String>)>,
}

/// The start tags of server-rendered HTML. Text and attribute values are escaped by the
/// renderer, so every `<` in its output starts real markup; a `>` inside a quoted value does not
/// end the tag.
pub fn start_tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        if rest.starts_with(['/', '!']) {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let mut tag = Tag {
            name: rest[..name_end].to_ascii_lowercase(),
            attributes: Vec::new(),
        };
        rest = &rest[name_end..];
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                break;
            }
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let name_end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
                .unwrap_or(rest.len());
            let name = rest[..name_end].to_ascii_lowercase();
            rest = &rest[name_end..];
            let value = match rest.strip_prefix('=') {
                Some(after) => {
                    let (value, after) = match after.chars().next() {
                        Some(quote @ ('"' | '\'')) => {
                            let inner = &after[1..];
                            let end = inner.find(quote).unwrap_or(inner.len());
                            (&inner[..end], inner.get(end + 1..).unwrap_or(""))
                        }
                        _ => {
                            let end = after
                                .find(|c: char| c.is_whitespace() || c == '>')
                                .unwrap_or(after.len());
                            (&after[..end], &after[end..])
                        }
                    };
                    rest = after;
                    Some(decode_html_entities(value))
                }
                None => None,
            };
            tag.attributes.push((name, value));
        }
        tags.push(tag);
    }
    tags
}

/// Decodes the entities an HTML renderer writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`,
/// `&#x27;`, any numeric reference).
pub fn decode_html_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name.strip_prefix('#').and_then(|num| {
                    match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    }
                    .and_then(char::from_u32)
                }),
            }?;
            Some((c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Attributes whose value a browser loads or navigates to.
const URL_ATTRIBUTES: [&str; 10] = [
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "xlink:href",
    "ping",
];

/// Elements no feed may ever produce.
const ACTIVE_ELEMENTS: [&str; 13] = [
    "script", "iframe", "frame", "object", "embed", "svg", "math", "base", "meta", "link", "style",
    "form", "template",
];

/// Everything in server-rendered HTML that a hostile feed could have put there to act on the
/// page: active elements, event-handler attributes, links and sources that are not http(s),
/// script in styles, and bidi controls or zero-width characters anywhere. Empty when the HTML is
/// safe.
pub fn page_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let lower = html.to_ascii_lowercase();
    for needle in ["<script", "<iframe", "<svg", "<object", "<embed"] {
        if lower.contains(needle) {
            problems.push(format!("{needle} in the markup"));
        }
    }
    for attribute in ["href", "src"] {
        for scheme in ["javascript:", "data:", "vbscript:"] {
            let needle = format!("{attribute}=\"{scheme}");
            if lower.contains(&needle) {
                problems.push(format!("{needle} in the markup"));
            }
        }
    }
    for tag in start_tags(html) {
        if ACTIVE_ELEMENTS.contains(&tag.name.as_str()) {
            problems.push(format!("a <{}> element", tag.name));
        }
        if !tag
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            problems.push(format!("a tag named {:?}", tag.name));
        }
        for (name, value) in &tag.attributes {
            if name.starts_with("on") {
                problems.push(format!("an event handler {name}= on <{}>", tag.name));
            }
            if !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':'))
            {
                problems.push(format!("an attribute named {name:?} on <{}>", tag.name));
            }
            let value = value.as_deref().unwrap_or("");
            if URL_ATTRIBUTES.contains(&name.as_str()) {
                let scheme_ok = ["http://", "https://"].iter().any(|scheme| {
                    value
                        .get(..scheme.len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
                });
                if !scheme_ok || value.chars().any(|c| c.is_control() || c == ' ') {
                    problems.push(format!("{name}={value:?} on <{}>", tag.name));
                }
            }
            if name == "style" {
                let style = value.to_ascii_lowercase();
                if style.contains("url(") || style.contains("expression(") {
                    problems.push(format!("style={value:?} on <{}>", tag.name));
                }
            }
        }
    }
    if let Some(c) = html.chars().find(|c| is_bidi_or_invisible(*c)) {
        problems.push(format!("the character U+{:04X}", u32::from(c)));
    }
    problems
}

/// Renders the list for `prefs` and checks it: no unsafe markup (see [`page_problems`]), no
/// `SECRET-<id>` marker of an item that is not shown, one card per shown entry and one
/// placeholder per hidden entry within `limit`. Returns the HTML.
pub fn render_and_check(feed: &SharedFeed, prefs: &Prefs, limit: usize, what: &str) -> String {
    let html = render_card_list(feed, prefs.clone(), limit);
    let problems = page_problems(&html);
    assert!(problems.is_empty(), "{what}: {problems:?}");
    let shown = shown_ids(&feed.0, prefs);
    let leaked: Vec<_> = secret_tokens(&html)
        .into_iter()
        .filter(|token| !shown.contains(token))
        .collect();
    assert!(
        leaked.is_empty(),
        "{what}: text of items that are not shown reached the page: {leaked:?}"
    );
    let view = spoilerfeed::spoiler::view(&feed.0, prefs);
    let rendered: Vec<_> = view.entries.iter().take(limit).collect();
    let cards = rendered
        .iter()
        .filter(|entry| matches!(entry, spoilerfeed::spoiler::Entry::Shown { .. }))
        .count();
    assert_eq!(
        html.matches("data-testid=\"card\"").count(),
        cards,
        "{what}: cards"
    );
    assert_eq!(
        html.matches("data-testid=\"placeholder\"").count(),
        rendered.len() - cards,
        "{what}: placeholders"
    );
    html
}
