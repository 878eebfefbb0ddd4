//! The JSON Feed reader: JSON Feed 1.0 and 1.1 with the `_spoilerfeed` extension.
//!
//! serde_json reads the document into a tree (which also makes the last of a repeated key
//! count, at every level); each item is then read from its object by serde derives, leniently:
//! a member of another type than the format says counts as absent. The `_spoilerfeed` objects,
//! the feed's and each item's, and the authors are read straight from the tree (smaller wasm
//! than a derive each).

use chrono::NaiveDate;
use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::build::{Number, RawItem, WrittenPoint};
use super::{
    finish, link, text, CastMember, Confidence, Feed, Format, Production, ReadItem, Release,
    Skip as Skipped, SkipReason, Stage,
};
use crate::classify::{Rules, TagMap};
use crate::date;
use crate::error::Error;
use crate::progress::Season;
use crate::types::{Kind, Level};

/// The extension object's key.
const EXTENSION: &str = "_spoilerfeed";

/// Reads a JSON Feed; `base` is the feed's own URL, for relative links. The feed's own rules
/// decide levels and kinds; [`read`] takes a host page's too.
pub fn parse(body: &str, base: Option<&str>) -> Result<Feed, Error> {
    read(body, base, &Rules::default())
}

/// Reads a JSON Feed with a host page's rules over the feed's own.
///
/// An item without an id is known by its link, or else by a hash of its title, date and
/// text; an item that is not an object, or has nothing to know it by, is left out and
/// recorded.
pub fn read(body: &str, base: Option<&str>, host: &Rules) -> Result<Feed, Error> {
    let body = body.trim_start_matches('\u{FEFF}');
    if body.trim().is_empty() {
        return Err(Error::NotJson("the feed is empty".into()));
    }
    let root: Value = serde_json::from_str(body).map_err(|err| not_json(body, &err))?;
    let Value::Object(mut root) = root else {
        return Err(Error::NotJsonFeed(
            "the document must be a JSON object".into(),
        ));
    };
    match root.get("version") {
        Some(Value::String(version)) if version.contains("jsonfeed.org/version/") => {}
        Some(_) => {
            return Err(Error::NotJsonFeed(
                "its version is not a jsonfeed.org version URL".into(),
            ))
        }
        None => return Err(Error::NotJsonFeed("it has no version".into())),
    }
    let list = match root.remove("items") {
        Some(Value::Array(list)) => list,
        Some(_) => return Err(Error::NotJsonFeed("items must be a list".into())),
        None => return Err(Error::NotJsonFeed("it has no items list".into())),
    };
    let mut read = Vec::with_capacity(list.len());
    let mut skips = Vec::new();
    for (position, entry) in list.into_iter().enumerate() {
        match entry_item(entry, base) {
            Ok(item) => read.push(item),
            Err(reason) => skips.push(Skipped {
                position: position + 1,
                reason,
            }),
        }
    }

    let extension = root.get(EXTENSION).and_then(Value::as_object);
    let feed = Feed {
        title: string(&root, "title").and_then(line).unwrap_or_default(),
        home_page_url: string(&root, "home_page_url").and_then(|url| link::safe_link(url, base)),
        show: extension.and_then(|ext| string(ext, "show")).and_then(line),
        season: extension.and_then(|ext| ext.get("season")?.as_u64()?.try_into().ok()),
        rules: extension.map_or_else(Rules::default, feed_rules),
        format: Format::JsonFeed,
        episodes: extension.map_or_else(Vec::new, seasons),
        items: Vec::new(),
        skipped: skips.len(),
        skips,
        language: string(&root, "language").and_then(crate::i18n::well_formed),
    };
    Ok(finish(feed, read, host))
}

/// One element of the `items` list as an item, or why it is left out.
fn entry_item(entry: Value, base: Option<&str>) -> Result<ReadItem, SkipReason> {
    if !entry.is_object() {
        return Err(SkipReason::NotAnItem);
    }
    // By reference: measured smaller in the wasm than reading from an owned `Value`.
    let item = JsonItem::deserialize(&entry).map_err(|_| SkipReason::NotAnItem)?;
    item.raw().build(base).ok_or(SkipReason::Empty)
}

/// The feed's own rules from its extension object: `default_level`, and `tag_levels` and
/// `tag_kinds` as objects (`{"spoilers": "major"}`) or lists (`"spoilers:major, ..."`).
fn feed_rules(ext: &Map<String, Value>) -> Rules {
    fn map<T: Copy>(value: Option<&Value>, read: impl Fn(&str) -> Option<T>) -> TagMap<T> {
        match value {
            Some(Value::Object(pairs)) => {
                let mut map = TagMap::default();
                for (tag, given) in pairs {
                    if let Some(given) = given.as_str().and_then(&read) {
                        map.insert(tag, given);
                    }
                }
                map
            }
            Some(Value::String(list)) => TagMap::parse(list, read),
            _ => TagMap::default(),
        }
    }
    Rules {
        tag_levels: map(ext.get("tag_levels"), Level::parse),
        tag_kinds: map(ext.get("tag_kinds"), Kind::parse),
        default_level: string(ext, "default_level").and_then(Level::parse),
    }
}

/// What to tell the fan about a document serde_json could not read.
fn not_json(body: &str, err: &serde_json::Error) -> Error {
    let start = body.trim_start();
    if start.starts_with('<') {
        // Feeds in XML are told apart before this reader (`platform::read_feed`).
        Error::WebPage
    } else if err.to_string().starts_with("recursion limit exceeded") {
        // serde_json refuses more than 128 levels, before the stack could overflow.
        Error::NotJson("it is nested too deeply to read".into())
    } else if err.is_eof() {
        Error::NotJson(format!(
            "it ends too early (line {}, column {}), so the download may have been cut off",
            err.line(),
            err.column()
        ))
    } else {
        Error::NotJson(err.to_string())
    }
}

/// A string member (`deserialize_with`); any other type counts as absent.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) => Some(text),
        _ => None,
    })
}

/// A list member (`deserialize_with`): the elements that read as `T`; any other type counts
/// as an empty list.
fn elements<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Array(list) => list
            .into_iter()
            .filter_map(|element| T::deserialize(element).ok())
            .collect(),
        _ => Vec::new(),
    })
}

/// An item's members the widget uses, as written.
#[derive(Default, Deserialize)]
#[serde(default)]
struct JsonItem {
    /// A string or a number.
    id: Option<Value>,
    #[serde(deserialize_with = "text")]
    title: Option<String>,
    #[serde(deserialize_with = "text")]
    content_text: Option<String>,
    #[serde(deserialize_with = "text")]
    content_html: Option<String>,
    #[serde(deserialize_with = "text")]
    summary: Option<String>,
    #[serde(deserialize_with = "text")]
    url: Option<String>,
    #[serde(deserialize_with = "text")]
    external_url: Option<String>,
    #[serde(deserialize_with = "text")]
    image: Option<String>,
    #[serde(deserialize_with = "text")]
    date_published: Option<String>,
    #[serde(deserialize_with = "text")]
    date_modified: Option<String>,
    #[serde(deserialize_with = "text")]
    language: Option<String>,
    /// A list of author objects, read from the tree.
    authors: Option<Value>,
    /// JSON Feed 1.0's singular author.
    author: Option<Value>,
    #[serde(deserialize_with = "elements")]
    tags: Vec<String>,
    /// Read from the tree as the feed's own extension is.
    #[serde(rename = "_spoilerfeed")]
    extension: Option<Value>,
}

impl JsonItem {
    /// What the item says, cleaned as JSON Feed's members are.
    fn raw(self) -> RawItem {
        let empty = Map::new();
        let ext = match &self.extension {
            Some(Value::Object(ext)) => ext,
            _ => &empty,
        };
        let body = self
            .content_text
            .as_deref()
            .map(plain_text)
            .filter(|text| !text.is_empty())
            .or_else(|| self.content_html.as_deref().map(text::html_to_text))
            .filter(|text| !text.is_empty())
            .or_else(|| self.summary.as_deref().map(plain_text))
            .unwrap_or_default();
        let author_name = |author: &Value| string(author.as_object()?, "name").and_then(line);
        let mut authors: Vec<String> = match &self.authors {
            Some(Value::Array(list)) => list.iter().filter_map(author_name).collect(),
            _ => Vec::new(),
        };
        if authors.is_empty() {
            authors.extend(self.author.as_ref().and_then(author_name));
        }
        // The link as written, else the source's, stands in for a missing id.
        let link_id = [&self.url, &self.external_url]
            .into_iter()
            .find_map(|url| Some(text::clean_line(url.as_deref()?)).filter(|id| !id.is_empty()));
        RawItem {
            id: match self.id {
                Some(Value::String(id)) => Some(text::clean_line(&id)),
                Some(Value::Number(id)) => Some(id.to_string()),
                _ => None,
            }
            .filter(|id| !id.is_empty()),
            link_id,
            url: self.url,
            external_url: self.external_url,
            permalink: None,
            image: self.image,
            title: self.title.as_deref().and_then(line),
            text: body,
            dates: [self.date_published, self.date_modified]
                .into_iter()
                .flatten()
                .collect(),
            level: string(ext, "level").map(String::from),
            kind: string(ext, "kind").map(String::from),
            production: object(ext, "production").map(production),
            cast: list(ext, "cast")
                .filter_map(|member| cast_member(member.as_object()?))
                .collect(),
            release: object(ext, "release").map(release),
            tags: self.tags.iter().filter_map(|tag| line(tag)).collect(),
            authors,
            show: string(ext, "show").and_then(line),
            safe_title: string(ext, "safe_title").and_then(line),
            spoils: object(ext, "spoils").map(|spoils| WrittenPoint {
                season: number(spoils.get("season")),
                episode: number(spoils.get("episode")),
            }),
            language: self.language,
        }
    }
}

/// Where production stands, from a `production` object: `stage`, and `progress` from 0 to 1.
fn production(obj: &Map<String, Value>) -> Production {
    Production {
        stage: string(obj, "stage").and_then(Stage::parse),
        progress: obj
            .get("progress")
            .and_then(Value::as_f64)
            .filter(|p| p.is_finite())
            .map(|p| (p.clamp(0.0, 1.0) * 100.0).round() as u8),
    }
}

/// A member of a `cast` list, if it has a name.
fn cast_member(obj: &Map<String, Value>) -> Option<CastMember> {
    Some(CastMember {
        name: line(string(obj, "name")?)?,
        role: string(obj, "role").and_then(line),
    })
}

/// The release window of a `release` object; one given backwards is still the same window.
fn release(obj: &Map<String, Value>) -> Release {
    let day = |key| date::parse_day(string(obj, key)?);
    let mut release = Release {
        from: day("from"),
        to: day("to"),
        label: string(obj, "label").and_then(line),
        confidence: match string(obj, "confidence") {
            Some("confirmed") => Confidence::Confirmed,
            Some("reported") => Confidence::Reported,
            _ => Confidence::Rumored,
        },
        note: string(obj, "note").and_then(line),
    };
    if let (Some(from), Some(to)) = (release.from, release.to) {
        if from > to {
            (release.from, release.to) = (Some(to), Some(from));
        }
    }
    release
}

/// A number for a `spoils` point: absent or null, a whole number, or anything else.
fn number(value: Option<&Value>) -> Number {
    match value {
        None | Some(Value::Null) => Number::Absent,
        Some(value) => value.as_u64().map_or(Number::Other, Number::Whole),
    }
}

/// A plain-text body (`content_text`, `summary`): only character references are decoded, as
/// feeds put them there too; anything that looks like a tag is text.
fn plain_text(raw: &str) -> String {
    text::clean_block(&text::decode_references(raw))
}

/// A string as a line of text, its character references decoded (feeds encode `–` as
/// `&#8211;` even in plain-text fields), unless nothing is left of it.
fn line(raw: &str) -> Option<String> {
    let line = text::into_line(text::decode_references(raw));
    (!line.is_empty()).then_some(line)
}

/// The most entries of a feed's `episodes` list that are read: no show has a hundred seasons.
const MAX_SEASONS: usize = 100;

/// The feed's `episodes` list: `[{ "season": 1, "episodes": 8, "air_dates": [...] }]`.
fn seasons(ext: &Map<String, Value>) -> Vec<Season> {
    let read = list(ext, "episodes")
        .take(MAX_SEASONS)
        .filter_map(|season| {
            let obj = season.as_object()?;
            let number = u32::try_from(obj.get("season")?.as_u64()?)
                .ok()
                .filter(|n| *n > 0)?;
            let air_dates: Vec<NaiveDate> = list(obj, "air_dates")
                .map_while(|day| date::parse_day(day.as_str()?))
                .collect();
            let episodes = obj
                .get("episodes")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| (1..=500).contains(n))
                .unwrap_or(air_dates.len() as u32);
            (episodes > 0).then_some(Season {
                number,
                episodes,
                air_dates: air_dates.into_iter().take(episodes as usize).collect(),
            })
        });
    // In season order, the first entry for a season counting (the sort is stable).
    let mut seasons: Vec<Season> = read.collect();
    seasons.sort_by_key(|season| season.number);
    seasons.dedup_by_key(|season| season.number);
    seasons
}

/// A string member; any other type counts as absent.
fn string<'o>(obj: &'o Map<String, Value>, key: &str) -> Option<&'o str> {
    obj.get(key)?.as_str()
}

/// An object member; any other type counts as absent.
fn object<'o>(obj: &'o Map<String, Value>, key: &str) -> Option<&'o Map<String, Value>> {
    obj.get(key)?.as_object()
}

/// The elements of a list member; any other type counts as an empty list.
fn list<'o>(obj: &'o Map<String, Value>, key: &str) -> std::slice::Iter<'o, Value> {
    obj.get(key)
        .and_then(Value::as_array)
        .map_or([].iter(), |list| list.iter())
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::classify::Origin;
    use crate::feed::{Details, Item};

    fn items(items: &str) -> Vec<Rc<Item>> {
        let doc = format!(r#"{{"version": "https://jsonfeed.org/version/1.1", "items": {items}}}"#);
        parse(&doc, Some("https://fans.example/feed.json"))
            .unwrap()
            .items
    }

    #[test]
    fn seasons_are_sorted_first_entry_first_and_a_long_list_is_cut() {
        // Seasons 150 down to 1, then a second season 7: the first hundred entries are read.
        let mut list: Vec<String> = (1..=150)
            .rev()
            .map(|n| format!(r#"{{"season": {n}, "episodes": 2}}"#))
            .collect();
        list.insert(3, r#"{"season": 149, "episodes": 9}"#.into());
        let doc = format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [],
                "_spoilerfeed": {{"show": "S", "episodes": [{}]}}}}"#,
            list.join(",")
        );
        let feed = parse(&doc, None).unwrap();
        let numbers: Vec<u32> = feed.episodes.iter().map(|season| season.number).collect();
        assert_eq!(numbers, (52..=150).collect::<Vec<_>>());
        // The first entry for season 149 counts, not the later one.
        assert_eq!(feed.episodes[97].episodes, 2);
    }

    #[test]
    fn the_last_of_a_repeated_member_counts_at_every_level() {
        let item = &items(
            r#"[{"id": "a", "title": "First", "title": "Second", "url": "/x", "url": 5,
                 "tags": ["t"], "tags": {"x": 1}, "authors": [{"name": "A", "name": 1}],
                 "_spoilerfeed": {"level": "none"},
                 "_spoilerfeed": {"release": {"from": "2026-01-02", "from": "x", "to": "2026-01-01",
                                              "confidence": "confirmed", "confidence": 1},
                                  "kind": "cast", "kind": "release", "level": "mild"}}]"#,
        )[0];
        assert_eq!(item.title.as_deref(), Some("Second"));
        assert_eq!(item.url, None);
        assert!(item.tags.is_empty() && item.authors.is_empty());
        assert_eq!(item.level, Level::Mild);
        let to = NaiveDate::from_ymd_opt(2026, 1, 1);
        assert_eq!(
            item.details,
            Details::Release(Release {
                to,
                ..Release::default()
            })
        );
    }

    #[test]
    fn an_extension_written_as_a_list_names_nothing() {
        // serde's derives would read a list as the fields in order: the level would be none.
        let read = items(r#"[{"id": "a", "_spoilerfeed": ["none", "other"]}]"#);
        assert_eq!(read[0].level, Level::Major);
        assert_eq!(read[0].level_from, Origin::Unlabelled);
        let read = items(r#"[{"id": "a", "authors": [["Ann"]], "author": ["Bo"]}]"#);
        assert!(read[0].authors.is_empty());
    }

    #[test]
    fn members_of_any_other_type_are_read_past() {
        let read = items(
            r#"[{"id": "a", "x": [{"y": [1, "\u00e9", {}]}], "_spoilerfeed": [], "kind": {}},
                {"id": 7, "content_text": ["no"], "summary": "Yes \"quoted\"",
                 "_spoilerfeed": {"kind": "production", "production": {"progress": 0.5, "p": [[]]},
                                  "cast": [{"name": "Ann"}, 3, {"role": "r"}]}},
                [], {"title": "no id"}, {"id": [], "x": 1}]"#,
        );
        assert_eq!(read.len(), 3);
        assert_eq!(read[2].title.as_deref(), Some("no id"));
        assert_eq!(read[0].details, Details::Other);
        assert_eq!(read[1].id, "7");
        assert_eq!(read[1].text, "Yes \"quoted\"");
        assert_eq!(
            read[1].details,
            Details::Production(Production {
                stage: None,
                progress: Some(50)
            })
        );
    }
}
