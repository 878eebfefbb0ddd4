//! The JSON Feed reader: JSON Feed 1.0 and 1.1 with the `_spoilerfeed` extension, read in
//! serde_json's one pass by lenient serde visitors.

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use super::{
    finish, link, made_up_id, text, CastMember, Confidence, Details, Feed, Format, Item, Note,
    Production, ReadItem, Release, Skip as Skipped, SkipReason, Stage, EXCERPT_CHARS,
};
use crate::classify::{Origin, Rules, TagMap};
use crate::date;
use crate::error::Error;
use crate::progress::{Point, Season};
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
/// serde_json reads the document in one pass, each item straight into an [`Item`] through a
/// lenient reader: a member of another type than the format says counts as absent; an item
/// without an id is known by its link, or else by a hash of its title, date and text; an item
/// that is not an object, or has nothing to know it by, is left out and recorded. Strings
/// without escapes are borrowed from the body until they are cleaned.
pub fn read(body: &str, base: Option<&str>, host: &Rules) -> Result<Feed, Error> {
    let body = body.trim_start_matches('\u{FEFF}');
    if body.trim().is_empty() {
        return Err(Error::NotJson("the feed is empty".into()));
    }
    let mut json = serde_json::Deserializer::from_str(body);
    let document = DocumentSeed { base }
        .deserialize(&mut json)
        .and_then(|document| json.end().map(|()| document))
        .map_err(|err| not_json(body, &err))?;
    let Some(root) = document else {
        return Err(Error::NotJsonFeed(
            "the document must be a JSON object".into(),
        ));
    };
    match &root.version {
        Some(Text(Some(version))) if version.contains("jsonfeed.org/version/") => {}
        Some(_) => {
            return Err(Error::NotJsonFeed(
                "its version is not a jsonfeed.org version URL".into(),
            ))
        }
        None => return Err(Error::NotJsonFeed("it has no version".into())),
    }
    let (read, skips) = match root.items {
        Some(Items::List { read, skips }) => (read, skips),
        Some(Items::NotList) => return Err(Error::NotJsonFeed("items must be a list".into())),
        None => return Err(Error::NotJsonFeed("it has no items list".into())),
    };

    let extension = root.extension.as_ref().and_then(Value::as_object);
    let feed = Feed {
        title: root.title.0.as_deref().and_then(line).unwrap_or_default(),
        home_page_url: root
            .home_page_url
            .0
            .as_deref()
            .and_then(|url| link::safe_link(url, base)),
        show: extension.and_then(|ext| string(ext, "show")).and_then(line),
        season: extension.and_then(|ext| ext.get("season")?.as_u64()?.try_into().ok()),
        rules: extension.map_or_else(Rules::default, feed_rules),
        format: Format::JsonFeed,
        episodes: extension.map_or_else(Vec::new, seasons),
        items: Vec::new(),
        skipped: skips.len(),
        skips,
        language: root
            .language
            .0
            .as_deref()
            .and_then(crate::i18n::well_formed),
    };
    Ok(finish(feed, read, host))
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

/// The visitor methods for the types a lenient reader doesn't want: the value is read past
/// (nesting still counts against serde_json's limit) and `$absent` returned.
macro_rules! read_past {
    (scalars => $absent:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($absent)
        }
    };
    (str => $absent:expr) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($absent)
        }
    };
    (seq => $absent:expr) => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<Skip>()?.is_some() {}
            Ok($absent)
        }
    };
    (map => $absent:expr) => {
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<Skip, Skip>()?.is_some() {}
            Ok($absent)
        }
    };
}

/// Any value, read past without keeping it. Unlike `IgnoredAny`, it goes through
/// `deserialize_any`, so that serde_json's nesting limit applies to what is skipped too.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Skip)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = Skip;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    read_past!(scalars => Skip);
    read_past!(str => Skip);
    read_past!(seq => Skip);
    read_past!(map => Skip);
}

/// A string member, borrowed from the body when it holds no escapes; any other type counts as
/// absent.
#[derive(Default)]
struct Text<'a>(Option<Cow<'a, str>>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Reads a [`Text`].
struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Borrowed(text))))
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(text.to_owned()))))
    }
    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(text))))
    }
    read_past!(scalars => Text(None));
    read_past!(seq => Text(None));
    read_past!(map => Text(None));
}

/// The root object's members the widget uses; each the last of its key.
#[derive(Default)]
struct Document<'a> {
    /// `None` when left out; a [`Text`] of `None` when not a string.
    version: Option<Text<'a>>,
    title: Text<'a>,
    home_page_url: Text<'a>,
    language: Text<'a>,
    /// The feed's `_spoilerfeed` object, small enough to keep as a tree.
    extension: Option<Value>,
    items: Option<Items>,
}

/// Reads the document: `None` when it isn't an object.
struct DocumentSeed<'b> {
    /// The feed's own URL, for the items' relative links.
    base: Option<&'b str>,
}

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = Option<Document<'de>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_> {
    type Value = Option<Document<'de>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON Feed")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut document = Document::default();
        // As for any repeated key, the last one counts.
        while let Some(Text(key)) = map.next_key::<Text>()? {
            match key.as_deref().unwrap_or_default() {
                "version" => document.version = Some(map.next_value()?),
                "title" => document.title = map.next_value()?,
                "home_page_url" => document.home_page_url = map.next_value()?,
                "language" => document.language = map.next_value()?,
                EXTENSION => document.extension = Some(map.next_value()?),
                "items" => {
                    document.items = Some(map.next_value_seed(ItemsSeed { base: self.base })?)
                }
                _ => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        Ok(Some(document))
    }
    read_past!(scalars => None);
    read_past!(str => None);
    read_past!(seq => None);
}

/// The feed's `items` member.
enum Items {
    /// A list: the readable items in feed order, and the others with why they were left out.
    List {
        read: Vec<ReadItem>,
        skips: Vec<Skipped>,
    },
    /// Any other type.
    NotList,
}

/// Reads [`Items`], each item as it comes.
struct ItemsSeed<'b> {
    /// The feed's own URL.
    base: Option<&'b str>,
}

impl<'de> DeserializeSeed<'de> for ItemsSeed<'_> {
    type Value = Items;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemsSeed<'_> {
    type Value = Items;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of items")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut read = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        let mut skips = Vec::new();
        while let Some(item) = seq.next_element_seed(ItemSeed { base: self.base })? {
            match item {
                Ok(item) => read.push(item),
                Err(reason) => skips.push(Skipped {
                    position: read.len() + skips.len() + 1,
                    reason,
                }),
            }
        }
        Ok(Items::List { read, skips })
    }
    read_past!(scalars => Items::NotList);
    read_past!(str => Items::NotList);
    read_past!(map => Items::NotList);
}

/// Reads one item, or why it can't be read.
struct ItemSeed<'b> {
    /// The feed's own URL.
    base: Option<&'b str>,
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = Result<ReadItem, SkipReason>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_> {
    type Value = Result<ReadItem, SkipReason>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an item")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut raw = RawItem::default();
        // As in a tree of the item, the last of a repeated key counts.
        while let Some(Text(key)) = map.next_key::<Text>()? {
            let text = match key.as_deref().unwrap_or_default() {
                "id" => {
                    raw.id = Some(map.next_value()?);
                    continue;
                }
                "authors" => {
                    raw.authors = map.next_value::<Lines<Author>>()?.0;
                    continue;
                }
                "author" => {
                    raw.author = map.next_value::<Author>()?.0;
                    continue;
                }
                "tags" => {
                    raw.tags = map.next_value::<Lines<Text>>()?.0;
                    continue;
                }
                EXTENSION => {
                    raw.extension = map.next_value()?;
                    continue;
                }
                "title" => &mut raw.title,
                "content_text" => &mut raw.content_text,
                "content_html" => &mut raw.content_html,
                "summary" => &mut raw.summary,
                "url" => &mut raw.url,
                "external_url" => &mut raw.external_url,
                "image" => &mut raw.image,
                "date_published" => &mut raw.date_published,
                "date_modified" => &mut raw.date_modified,
                "language" => &mut raw.language,
                _ => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            *text = map.next_value()?;
        }
        Ok(raw.item(self.base).ok_or(SkipReason::Empty))
    }
    read_past!(scalars => Err(SkipReason::NotAnItem));
    read_past!(str => Err(SkipReason::NotAnItem));
    read_past!(seq => Err(SkipReason::NotAnItem));
}

/// An author's name, from a 1.1 author object or a 1.0 `author`; any other type counts as
/// absent.
struct Author(Option<String>);

impl<'de> Deserialize<'de> for Author {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AuthorVisitor)
    }
}

/// Reads an [`Author`].
struct AuthorVisitor;

impl<'de> Visitor<'de> for AuthorVisitor {
    type Value = Author;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an author")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut name = Text(None);
        while let Some(Text(key)) = map.next_key::<Text>()? {
            if key.as_deref() == Some("name") {
                name = map.next_value()?;
            } else {
                map.next_value::<Skip>()?;
            }
        }
        Ok(Author(name.0.as_deref().and_then(line)))
    }
    read_past!(scalars => Author(None));
    read_past!(str => Author(None));
    read_past!(seq => Author(None));
}

/// A list member's elements that read as `T` (an [`Author`] or a [`Text`] line); any other
/// type counts as an empty list.
struct Lines<T>(Vec<String>, std::marker::PhantomData<T>);

/// What [`Lines`] keeps of one element.
trait Line {
    /// The element cleaned as a line, if it is of the right type and something is left.
    fn line(self) -> Option<String>;
}

impl Line for Author {
    fn line(self) -> Option<String> {
        self.0
    }
}

impl Line for Text<'_> {
    fn line(self) -> Option<String> {
        line(&self.0?)
    }
}

impl<'de, T: Deserialize<'de> + Line> Deserialize<'de> for Lines<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LinesVisitor(std::marker::PhantomData))
    }
}

/// Reads [`Lines`].
struct LinesVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de> + Line> Visitor<'de> for LinesVisitor<T> {
    type Value = Lines<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut lines = Vec::new();
        while let Some(element) = seq.next_element::<T>()? {
            lines.extend(element.line());
        }
        Ok(Lines(lines, std::marker::PhantomData))
    }
    read_past!(scalars => Lines(Vec::new(), std::marker::PhantomData));
    read_past!(str => Lines(Vec::new(), std::marker::PhantomData));
    read_past!(map => Lines(Vec::new(), std::marker::PhantomData));
}

/// An item's `_spoilerfeed` object as read, each member the last of its key; without one (or
/// when it isn't an object), everything is absent. The kinds' objects are small enough to keep
/// as trees until the kind, which may come after them, says which one counts.
#[derive(Default)]
struct ItemExtension<'a> {
    level: Text<'a>,
    kind: Text<'a>,
    show: Text<'a>,
    safe_title: Text<'a>,
    spoils: Option<Value>,
    production: Option<Value>,
    cast: Option<Value>,
    release: Option<Value>,
}

impl<'de> Deserialize<'de> for ItemExtension<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ItemExtensionVisitor)
    }
}

/// Reads an [`ItemExtension`].
struct ItemExtensionVisitor;

impl<'de> Visitor<'de> for ItemExtensionVisitor {
    type Value = ItemExtension<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a _spoilerfeed object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut ext = ItemExtension::default();
        while let Some(Text(key)) = map.next_key::<Text>()? {
            let tree = match key.as_deref().unwrap_or_default() {
                "level" => {
                    ext.level = map.next_value()?;
                    continue;
                }
                "kind" => {
                    ext.kind = map.next_value()?;
                    continue;
                }
                "show" => {
                    ext.show = map.next_value()?;
                    continue;
                }
                "safe_title" => {
                    ext.safe_title = map.next_value()?;
                    continue;
                }
                "spoils" => &mut ext.spoils,
                "production" => &mut ext.production,
                "cast" => &mut ext.cast,
                "release" => &mut ext.release,
                _ => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            *tree = Some(map.next_value()?);
        }
        Ok(ext)
    }
    read_past!(scalars => ItemExtension::default());
    read_past!(str => ItemExtension::default());
    read_past!(seq => ItemExtension::default());
}

/// An item's members as read, each the last of its key: strings borrowed and not yet cleaned,
/// lists already reduced to the lines kept of them, the id as a tree (a string or a number).
#[derive(Default)]
struct RawItem<'a> {
    id: Option<Value>,
    title: Text<'a>,
    content_text: Text<'a>,
    content_html: Text<'a>,
    summary: Text<'a>,
    url: Text<'a>,
    external_url: Text<'a>,
    image: Text<'a>,
    date_published: Text<'a>,
    date_modified: Text<'a>,
    language: Text<'a>,
    authors: Vec<String>,
    author: Option<String>,
    tags: Vec<String>,
    extension: ItemExtension<'a>,
}

impl RawItem<'_> {
    /// The item, unless it has nothing to know it by: no id, link, title, date or text.
    fn item(self, base: Option<&str>) -> Option<ReadItem> {
        let mut notes = Vec::new();
        let title = self.title.0.as_deref().and_then(line);
        let body = self
            .content_text
            .0
            .as_deref()
            .map(plain_text)
            .filter(|text| !text.is_empty())
            .or_else(|| self.content_html.0.as_deref().map(text::html_to_text))
            .filter(|text| !text.is_empty())
            .or_else(|| self.summary.0.as_deref().map(plain_text))
            .unwrap_or_default();
        let date = item_date(&[self.date_published, self.date_modified], &mut notes);
        let id = match self.id {
            Some(Value::String(id)) => Some(text::clean_line(&id)),
            Some(Value::Number(id)) => Some(id.to_string()),
            _ => None,
        }
        .filter(|id| !id.is_empty());
        let id = match id {
            Some(id) => id,
            None => {
                // As feed readers do: the link, else a hash of what the item says.
                let link = [&self.url, &self.external_url].into_iter().find_map(|url| {
                    Some(text::clean_line(url.0.as_deref()?)).filter(|id| !id.is_empty())
                });
                let id = match link {
                    Some(link) => link,
                    None if title.is_some() || date.is_some() || !body.is_empty() => {
                        made_up_id(title.as_deref(), date, &body)
                    }
                    None => return None,
                };
                notes.insert(0, Note::NoId);
                id
            }
        };
        let mut authors = self.authors;
        if authors.is_empty() {
            // JSON Feed 1.0's singular author.
            authors.extend(self.author);
        }
        let mut link = |url: Text| {
            let raw = url.0?;
            let safe = link::safe_link(&raw, base);
            if safe.is_none() && !raw.trim().is_empty() {
                notes.push(Note::UnsafeLink(as_written(&raw)));
            }
            safe
        };
        let (url, external_url, image) =
            (link(self.url), link(self.external_url), link(self.image));
        let ext = self.extension;
        let level = ext.level.0.as_deref().and_then(|raw| {
            let level = Level::parse(raw);
            if level.is_none() {
                notes.push(Note::UnknownLevel(as_written(raw)));
            }
            level
        });
        let kind = ext.kind.0.as_deref().and_then(|raw| {
            let kind = Kind::parse(raw);
            if kind.is_none() {
                notes.push(Note::UnknownKind(as_written(raw)));
            }
            kind
        });
        let details = match kind {
            Some(Kind::Production) => Details::Production(
                ext.production
                    .as_ref()
                    .and_then(production)
                    .unwrap_or_default(),
            ),
            Some(Kind::Cast) => Details::Cast(match &ext.cast {
                Some(Value::Array(cast)) => cast.iter().filter_map(cast_member).collect(),
                _ => Vec::new(),
            }),
            Some(Kind::Release) => {
                Details::Release(ext.release.as_ref().and_then(release).unwrap_or_default())
            }
            Some(Kind::Other) | None => Details::Other,
        };
        let item = Item {
            title,
            text: text::shorten(body, EXCERPT_CHARS),
            url,
            external_url,
            image,
            date,
            authors,
            tags: self.tags,
            show: ext.show.0.as_deref().and_then(line),
            // Set once the feed's default level is known.
            level: Level::Major,
            details,
            safe_title: ext.safe_title.0.as_deref().and_then(line),
            spoils: ext.spoils.as_ref().and_then(point),
            id,
            // Set by `finish`, with the feed's rules.
            level_from: Origin::Unlabelled,
            kind_from: Origin::Unlabelled,
            notes,
            // The feed's, when it has none, set by `finish`.
            language: self
                .language
                .0
                .as_deref()
                .and_then(crate::i18n::well_formed)
                .map(Rc::from),
        };
        Some(ReadItem { item, level, kind })
    }
}

/// The date of an item: the first of `dates` (published, modified) that can be read, a time
/// without a zone read as UTC and noted; a date meant as one but unreadable is noted.
fn item_date(dates: &[Text<'_>], notes: &mut Vec<Note>) -> Option<DateTime<Utc>> {
    let written = || dates.iter().filter_map(|date| date.0.as_deref());
    let Some((read, raw)) = written().find_map(|raw| Some((date::read_timestamp(raw)?, raw)))
    else {
        // A blank date is no date; anything else was meant as one.
        if let Some(raw) = written().find(|date| !date.trim().is_empty()) {
            notes.push(Note::UnreadableDate(as_written(raw)));
        }
        return None;
    };
    if read.zone_assumed {
        notes.push(Note::AssumedUtc(as_written(raw)));
    }
    Some(read.date)
}

/// The longest value a note quotes, in characters.
const NOTE_CHARS: usize = 120;

/// A value as a note quotes it: one clean line, shortened.
fn as_written(raw: &str) -> String {
    text::shorten(text::clean_line(raw), NOTE_CHARS)
}

/// A plain-text body (`content_text`, `summary`): only character references are decoded, as
/// feeds put them there too; anything that looks like a tag is text.
fn plain_text(raw: &str) -> String {
    text::clean_block(&text::decode_references(raw))
}

/// A `production` object, if `value` is one.
fn production(value: &Value) -> Option<Production> {
    let obj = value.as_object()?;
    Some(Production {
        stage: string(obj, "stage").and_then(Stage::parse),
        progress: obj
            .get("progress")
            .and_then(Value::as_f64)
            .filter(|p| p.is_finite())
            .map(|p| (p.clamp(0.0, 1.0) * 100.0).round() as u8),
    })
}

/// A member of a `cast` list, if it is an object with a name.
fn cast_member(value: &Value) -> Option<CastMember> {
    let obj = value.as_object()?;
    Some(CastMember {
        name: line(string(obj, "name")?)?,
        role: string(obj, "role").and_then(line),
    })
}

/// A `release` object, if `value` is one.
fn release(value: &Value) -> Option<Release> {
    let obj = value.as_object()?;
    let day = |key: &str| date::parse_day(string(obj, key)?);
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
            // A window given backwards is still the same window.
            (release.from, release.to) = (Some(to), Some(from));
        }
    }
    Some(release)
}

/// A string as a line of text, its character references decoded (feeds encode `–` as
/// `&#8211;` even in plain-text fields), unless nothing is left of it.
fn line(raw: &str) -> Option<String> {
    let line = text::into_line(text::decode_references(raw));
    (!line.is_empty()).then_some(line)
}

/// A `{ "season": N, "episode": M }` object; the episode is optional.
fn point(value: &Value) -> Option<Point> {
    let obj = value.as_object()?;
    let number = |key: &str| -> Option<Option<u32>> {
        match obj.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => Some(Some(value.as_u64().filter(|n| *n > 0)?.try_into().ok()?)),
        }
    };
    Some(Point {
        season: number("season")??,
        episode: number("episode")?,
    })
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
