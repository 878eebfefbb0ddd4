//! The npm package's hand-written descriptions of the element agree with the widget: every
//! attribute it reads is observed by `spoiler-feed.js`, typed as a property in
//! `npm/spoiler-feed.d.ts` and listed in `npm/custom-elements.json`; the events, their
//! `detail` members, the error codes and levels are the widget's; the CSS custom properties
//! (with their defaults) and the parts are those the styles and components have.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde_json::Value;
use spoilerfeed::config::ATTRIBUTES;
use spoilerfeed::error::Error;
use spoilerfeed::event::WidgetEvent;
use spoilerfeed::types::{Kind, Level};

fn source(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn manifest() -> Value {
    serde_json::from_str(&source("npm/custom-elements.json")).expect("custom-elements.json is JSON")
}

/// The one element the manifest declares.
fn declaration(manifest: &Value) -> &Value {
    let declarations = manifest["modules"][0]["declarations"].as_array().unwrap();
    let elements: Vec<&Value> = declarations
        .iter()
        .filter(|declaration| declaration["customElement"] == true)
        .collect();
    assert_eq!(elements.len(), 1);
    assert_eq!(elements[0]["tagName"], "spoiler-feed");
    elements[0]
}

/// The `name` of each entry of the declaration's list `key`.
fn names(declaration: &Value, key: &str) -> BTreeSet<String> {
    declaration[key]
        .as_array()
        .unwrap_or_else(|| panic!("no `{key}` in custom-elements.json"))
        .iter()
        .map(|entry| entry["name"].as_str().unwrap().to_string())
        .collect()
}

fn attributes() -> BTreeSet<String> {
    ATTRIBUTES.iter().map(|name| name.to_string()).collect()
}

/// `max-items` → `maxItems`, as `spoiler-feed.js` names the properties.
fn property(attribute: &str) -> String {
    let mut words = attribute.split('-');
    let mut name = words.next().unwrap().to_string();
    for word in words {
        let mut chars = word.chars();
        name.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        name.push_str(chars.as_str());
    }
    name
}

/// The quoted strings between `start` and the next `end` in `text`.
fn quoted_list(text: &str, start: &str, end: &str) -> BTreeSet<String> {
    let from = text.find(start).unwrap_or_else(|| panic!("no `{start}`")) + start.len();
    let list = &text[from..from + text[from..].find(end).unwrap()];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The members of the interface `name` in the d.ts.
fn interface_members(types: &str, name: &str) -> BTreeSet<String> {
    let start = format!("export interface {name} {{");
    let from = types
        .find(&start)
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &types[from + start.len()..];
    body[..body.find("\n}").unwrap()]
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('/') && !line.starts_with('*'))
        .filter_map(|line| {
            line.split_once(':')
                .map(|(name, _)| name.trim().to_string())
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// One event of each kind the widget sends.
fn every_event() -> Vec<WidgetEvent> {
    let events = vec![
        WidgetEvent::Load {
            title: String::new(),
            items: 0,
            shown: 0,
            hidden: 0,
            skipped: 0,
        },
        WidgetEvent::Error(Error::NoFeed),
        WidgetEvent::LevelChange {
            level: Level::None,
            previous: Level::Mild,
        },
    ];
    for event in &events {
        // A new kind of event stops this from compiling until it is listed above.
        match event {
            WidgetEvent::Load { .. } | WidgetEvent::Error(_) | WidgetEvent::LevelChange { .. } => {}
        }
    }
    events
}

/// One error of each kind.
fn every_error() -> Vec<Error> {
    let errors = vec![
        Error::NoFeed,
        Error::Network,
        Error::Http {
            status: 500,
            reason: String::new(),
        },
        Error::Timeout(15),
        Error::TooLarge {
            size: None,
            limit: 1,
        },
        Error::Offline,
        Error::NotJson(String::new()),
        Error::NotJsonFeed(String::new()),
        Error::NotXml {
            format: None,
            line: None,
        },
        Error::NotXmlFeed(String::new()),
        Error::WebPage,
        Error::JsonNotUtf8,
        Error::UnknownEncoding {
            format: None,
            encoding: String::new(),
        },
        Error::Undecodable {
            format: None,
            encoding: String::new(),
            declared: false,
        },
        Error::Internal,
    ];
    for error in &errors {
        // A new kind of error stops this from compiling until it is listed above.
        match error {
            Error::NoFeed
            | Error::Network
            | Error::Http { .. }
            | Error::Timeout(_)
            | Error::TooLarge { .. }
            | Error::Offline
            | Error::NotJson(_)
            | Error::NotJsonFeed(_)
            | Error::NotXml { .. }
            | Error::NotXmlFeed(_)
            | Error::WebPage
            | Error::JsonNotUtf8
            | Error::UnknownEncoding { .. }
            | Error::Undecodable { .. }
            | Error::Internal => {}
        }
    }
    errors
}

#[test]
fn every_attribute_is_observed_by_the_element_script() {
    let script = source("spoiler-feed.js");
    assert_eq!(
        quoted_list(&script, "const ATTRIBUTES = [", "];"),
        attributes(),
        "spoiler-feed.js's ATTRIBUTES and spoilerfeed::config::ATTRIBUTES differ"
    );
    assert!(script.contains("static observedAttributes = ATTRIBUTES;"));
}

/// Attributes whose property every HTMLElement has already.
const HTML_ELEMENT_PROPERTIES: [&str; 1] = ["lang"];

#[test]
fn every_attribute_is_a_typed_property() {
    let types = source("npm/spoiler-feed.d.ts");
    for attribute in ATTRIBUTES {
        let property = property(attribute);
        assert!(
            types.contains(&format!("/** `{attribute}`: ")),
            "the d.ts doesn't document `{attribute}`"
        );
        // `lang` is HTMLElement's own property (a string), which already reflects it.
        if HTML_ELEMENT_PROPERTIES.contains(&attribute) {
            continue;
        }
        assert!(
            types.contains(&format!("  get {property}(): string | null;")),
            "the d.ts has no getter `{property}` for `{attribute}`"
        );
        assert!(
            types.contains(&format!("  set {property}(value: ")),
            "the d.ts has no setter `{property}` for `{attribute}`"
        );
        assert!(
            types.contains(&format!("/** `{attribute}`: ")),
            "the d.ts doesn't document `{attribute}`"
        );
    }
}

#[test]
fn every_attribute_is_in_the_custom_elements_manifest() {
    let manifest = manifest();
    let element = declaration(&manifest);
    assert_eq!(names(element, "attributes"), attributes());
    for entry in element["attributes"].as_array().unwrap() {
        let attribute = entry["name"].as_str().unwrap();
        assert_eq!(entry["fieldName"], property(attribute), "{attribute}");
        assert!(entry["description"].as_str().is_some_and(|d| !d.is_empty()));
    }
    let reflected: BTreeSet<String> = element["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|member| member["reflects"] == true)
        .map(|member| {
            let attribute = member["attribute"].as_str().unwrap();
            assert_eq!(member["name"], property(attribute));
            attribute.to_string()
        })
        .collect();
    assert_eq!(reflected, attributes());
}

#[test]
fn events_and_their_details_are_typed_and_listed() {
    let types = source("npm/spoiler-feed.d.ts");
    let manifest = manifest();
    let mut listed = BTreeSet::new();
    for event in every_event() {
        let name = event.name();
        let short = name.strip_prefix("spoilerfeed:").unwrap();
        let interface = format!(
            "SpoilerFeed{}Detail",
            match short {
                "levelchange" => "LevelChange".to_string(),
                other => property(&format!("-{other}")),
            }
        );
        let fields: BTreeSet<String> = event
            .detail("f")
            .into_iter()
            .map(|(field, _)| field.to_string())
            .collect();
        assert_eq!(interface_members(&types, &interface), fields, "{name}");
        let typed = format!("\"{name}\": CustomEvent<{interface}>;");
        assert_eq!(
            types.matches(&typed).count(),
            2,
            "`{typed}` in SpoilerFeedEventMap and HTMLElementEventMap"
        );
        listed.insert(name.to_string());
    }
    assert_eq!(names(declaration(&manifest), "events"), listed);
}

#[test]
fn error_codes_levels_and_kinds_are_the_widgets() {
    let types = source("npm/spoiler-feed.d.ts");
    let codes: BTreeSet<String> = every_error()
        .iter()
        .map(|error| error.key().to_string())
        .collect();
    assert_eq!(
        quoted_list(&types, "export type SpoilerFeedErrorCode =", ";"),
        codes
    );
    let levels: BTreeSet<String> = Level::ALL.iter().map(|l| l.key().to_string()).collect();
    assert_eq!(
        quoted_list(&types, "export type SpoilerLevel =", ";"),
        levels
    );
    let kinds: BTreeSet<String> = Kind::ALL.iter().map(|k| k.key().to_string()).collect();
    assert_eq!(
        quoted_list(&types, "export type SpoilerFeedKind =", ";"),
        kinds
    );
}

#[test]
fn css_properties_and_defaults_are_the_stylesheets() {
    let css = source("styles/spoilerfeed.css");
    // Each `var(--spoilerfeed-x, <default>)` of the stylesheet, with its default.
    let mut in_css = BTreeSet::new();
    for (at, _) in css.match_indices("var(--spoilerfeed-") {
        let rest = &css[at + "var(".len()..];
        let (name, rest) = rest.split_once(',').unwrap();
        let mut depth = 0;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' if depth == 0 => return true,
                    ')' => depth -= 1,
                    _ => {}
                }
                false
            })
            .unwrap()
            .0;
        in_css.insert((name.to_string(), rest[..end].trim().to_string()));
    }
    assert!(!in_css.is_empty());
    let manifest = manifest();
    let listed: BTreeSet<(String, String)> = declaration(&manifest)["cssProperties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let name = p["name"].as_str().unwrap().to_string();
            (name, p["default"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(listed, in_css);
}

#[test]
fn css_parts_are_the_components() {
    let mut parts = BTreeSet::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
    for entry in fs::read_dir(dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for (at, _) in text.match_indices("part=\"") {
            let rest = &text[at + "part=\"".len()..];
            parts.insert(rest[..rest.find('"').unwrap()].to_string());
        }
    }
    assert!(!parts.is_empty());
    assert_eq!(names(declaration(&manifest()), "cssParts"), parts);
}
