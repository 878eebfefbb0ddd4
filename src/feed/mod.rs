//! The feed format: JSON Feed 1.0/1.1 with the `_spoilerfeed` extension, read leniently and
//! classified fail-closed.
//!
//! Reading is done once per download: text is cleaned, links checked, levels resolved and items
//! sorted here, so that rendering only ever reads finished values.

pub(crate) mod json;
pub mod link;
pub mod text;

use std::borrow::Cow;
use std::collections::HashSet;
use std::rc::Rc;

use self::json::{Node, Object, Reader};
use chrono::{DateTime, NaiveDate, Utc};

use crate::date;
use crate::error::Error;
use crate::progress::{Point, Season};
use crate::types::{Kind, Level};

/// A feed as the widget shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    /// The feed's title.
    pub title: String,
    /// The site the feed belongs to, if it is an http(s) link.
    pub home_page_url: Option<String>,
    /// The show named by the feed's extension object.
    pub show: Option<String>,
    /// The season named by the feed's extension object.
    pub season: Option<u32>,
    /// The level the publisher declares for items that carry none.
    pub default_level: Option<Level>,
    /// The show's seasons, episode counts and air dates, when the feed lists them.
    pub episodes: Vec<Season>,
    /// The readable items, newest first; shared with the cards that show them.
    pub items: Vec<Rc<Item>>,
    /// How many items could not be read and were left out.
    pub skipped: usize,
}

impl Feed {
    /// The distinct shows of the feed's items, in order of first appearance.
    pub fn shows(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.items
            .iter()
            .filter_map(|item| item.show.as_deref())
            .filter(|show| seen.insert(*show))
            .collect()
    }
}

impl Feed {
    /// The shows a fan can set watch progress for: those with updates that name a `spoils`
    /// point, and the feed's own show when the feed lists its episodes.
    pub fn watchable_shows(&self) -> Vec<String> {
        let mut shows: Vec<String> = Vec::new();
        let own = self.show.iter().filter(|_| !self.episodes.is_empty());
        let spoiling = self
            .items
            .iter()
            .filter(|item| item.spoils.is_some())
            .filter_map(|item| item.show.as_ref());
        for show in own.chain(spoiling) {
            if !shows.contains(show) {
                shows.push(show.clone());
            }
        }
        shows
    }

    /// The points a show's updates spoil, for its progress picker when there is no episode
    /// list (and the whole list when there is).
    pub fn watch_choices(&self, show: &str) -> Vec<crate::progress::Point> {
        let seasons: &[Season] = if self.show.as_deref() == Some(show) {
            &self.episodes
        } else {
            &[]
        };
        let mentioned = self
            .items
            .iter()
            .filter(|item| item.show.as_deref() == Some(show))
            .filter_map(|item| item.spoils);
        crate::progress::choices(seasons, mentioned)
    }
}

/// One update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The item's unique id within the feed.
    pub id: String,
    /// The headline; may spoil.
    pub title: Option<String>,
    /// The body as plain text, shortened for a card; may spoil.
    pub text: String,
    /// The article's link (http(s) only).
    pub url: Option<String>,
    /// The link to the original source, when the article quotes another site.
    pub external_url: Option<String>,
    /// The item's image (http(s) only).
    pub image: Option<String>,
    /// When it was published, or else last modified.
    pub date: Option<DateTime<Utc>>,
    /// The authors' names.
    pub authors: Vec<String>,
    /// The item's tags; may spoil.
    pub tags: Vec<String>,
    /// The show it is about: the item's own, or the feed's.
    pub show: Option<String>,
    /// How much it spoils, after the fail-closed rules.
    pub level: Level,
    /// What it is about, with the kind's own details.
    pub details: Details,
    /// A spoiler-free headline for its placeholder.
    pub safe_title: Option<String>,
    /// The point in the show after which this update no longer spoils.
    pub spoils: Option<Point>,
}

impl Item {
    /// The item's kind.
    pub fn kind(&self) -> Kind {
        match self.details {
            Details::Production(_) => Kind::Production,
            Details::Cast(_) => Kind::Cast,
            Details::Release(_) => Kind::Release,
            Details::Other => Kind::Other,
        }
    }
}

/// The kind of an item with its kind-specific object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Details {
    /// Production progress.
    Production(Production),
    /// New cast members.
    Cast(Vec<CastMember>),
    /// A release window.
    Release(Release),
    /// Anything else.
    Other,
}

/// Where production stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Production {
    /// The stage, if known.
    pub stage: Option<Stage>,
    /// How far along, in percent (the feed gives 0 to 1).
    pub progress: Option<u8>,
}

/// A production stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Writing and casting.
    PreProduction,
    /// Cameras rolling.
    Filming,
    /// Editing and effects.
    PostProduction,
    /// Done.
    Wrapped,
}

impl Stage {
    fn parse(value: &str) -> Option<Stage> {
        let value = value.trim();
        [
            ("pre-production", Stage::PreProduction),
            ("preproduction", Stage::PreProduction),
            ("filming", Stage::Filming),
            ("post-production", Stage::PostProduction),
            ("postproduction", Stage::PostProduction),
            ("wrapped", Stage::Wrapped),
        ]
        .into_iter()
        .find_map(|(name, stage)| name.eq_ignore_ascii_case(value).then_some(stage))
    }

    /// The name shown on the card.
    pub fn label(self) -> &'static str {
        match self {
            Stage::PreProduction => "Pre-production",
            Stage::Filming => "Filming",
            Stage::PostProduction => "Post-production",
            Stage::Wrapped => "Wrapped",
        }
    }
}

/// A new cast member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CastMember {
    /// The actor's name.
    pub name: String,
    /// The role, when announced.
    pub role: Option<String>,
}

/// A release window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Release {
    /// The first possible day.
    pub from: Option<NaiveDate>,
    /// The last possible day.
    pub to: Option<NaiveDate>,
    /// How the window is said ("2025", "Summer 2026").
    pub label: Option<String>,
    /// How sure the news is.
    pub confidence: Confidence,
    /// A remark, such as "may be split into parts".
    pub note: Option<String>,
}

impl Release {
    /// The day of release, once the window is confirmed to a single day (`from` equal to
    /// `to`); a window with only its first day known is not a single day.
    pub fn confirmed_day(&self) -> Option<NaiveDate> {
        match (self.confidence, self.from, self.to) {
            (Confidence::Confirmed, Some(from), Some(to)) if from == to => Some(from),
            _ => None,
        }
    }
}

/// How sure a release window is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Confidence {
    /// Talk, not reporting.
    #[default]
    Rumored,
    /// Reported by the press.
    Reported,
    /// Announced by the makers.
    Confirmed,
}

impl Confidence {
    /// The name shown on the card.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Rumored => "Rumored",
            Confidence::Reported => "Reported",
            Confidence::Confirmed => "Confirmed",
        }
    }
}

/// The longest body kept for a card, in characters.
pub const EXCERPT_CHARS: usize = 600;

/// The extension object's key.
const EXTENSION: &str = "_spoilerfeed";

/// Reads a feed document; `base` is the feed's own URL, for relative links.
///
/// The document is read in one pass without a tree of the whole: each item is read member by
/// member straight into an [`Item`], keeping only the members it uses.
pub fn parse(body: &str, base: Option<&str>) -> Result<Feed, Error> {
    let body = body.trim_start_matches('\u{FEFF}');
    if body.trim().is_empty() {
        return Err(Error::NotJson("the feed is empty".into()));
    }
    let document = json::read_feed(body, base).map_err(|err| {
        let start = body.trim_start();
        if start.starts_with('<') {
            if is_xml_feed(start) {
                Error::NotJson(
                    "the server sent an RSS or Atom feed (XML); this widget reads JSON Feeds"
                        .into(),
                )
            } else {
                Error::NotJson("the server sent a web page (HTML) instead of a feed".into())
            }
        } else if err.is_too_deep() {
            Error::NotJson("it is nested too deeply to read".into())
        } else if err.is_eof() {
            let (line, column) = err.position(body);
            Error::NotJson(format!(
                "it ends too early (line {line}, column {column}), so the download may have been cut off"
            ))
        } else {
            Error::NotJson(err.message(body))
        }
    })?;
    let Node::Object(root) = document else {
        return Err(Error::NotJsonFeed(
            "the document must be a JSON object".into(),
        ));
    };
    match root.get("version") {
        Some(Node::Str(version)) if version.contains("jsonfeed.org/version/") => {}
        Some(_) => {
            return Err(Error::NotJsonFeed(
                "its version is not a jsonfeed.org version URL".into(),
            ))
        }
        None => return Err(Error::NotJsonFeed("it has no version".into())),
    }
    // The last `items` counts, as for any repeated key.
    let (read, unreadable) = match root.get("items") {
        Some(Node::Items { read, unreadable }) => (read.take(), *unreadable),
        Some(_) => return Err(Error::NotJsonFeed("items must be a list".into())),
        None => return Err(Error::NotJsonFeed("it has no items list".into())),
    };

    let extension = root.get(EXTENSION).and_then(Node::as_object);
    let mut feed = Feed {
        title: string(&root, "title")
            .map(text::clean_line)
            .filter(|title| !title.is_empty())
            .unwrap_or_else(|| "Untitled feed".into()),
        home_page_url: string(&root, "home_page_url").and_then(|url| link::safe_link(url, base)),
        show: extension
            .and_then(|ext| string(ext, "show"))
            .map(text::clean_line)
            .filter(|show| !show.is_empty()),
        season: extension.and_then(|ext| ext.get("season")?.as_u64()?.try_into().ok()),
        default_level: extension.and_then(|ext| Level::parse(ext.get("default_level")?.as_str()?)),
        episodes: extension.map_or_else(Vec::new, seasons),
        items: Vec::with_capacity(read.len()),
        skipped: unreadable,
    };
    drop(root);

    // The first item with an id wins; later ones are skipped.
    let mut ids = HashSet::with_capacity(read.len());
    for ReadItem { mut item, level } in read {
        if !ids.insert(item.id.clone()) {
            feed.skipped += 1;
            continue;
        }
        item.level = level.or(feed.default_level).unwrap_or(Level::Major);
        if item.show.is_none() {
            item.show.clone_from(&feed.show);
        }
        feed.items.push(Rc::new(item));
    }
    // Newest first; undated items after dated ones, in feed order.
    feed.items.sort_by(|a, b| {
        b.date
            .is_some()
            .cmp(&a.date.is_some())
            .then(b.date.cmp(&a.date))
    });
    Ok(feed)
}

/// An item read before the feed's own extension is known (it may come after `items`).
pub(crate) struct ReadItem {
    /// The item, with its own `show` (if any) and a placeholder `level`.
    item: Item,
    /// The item's own level, if it names a known one.
    level: Option<Level>,
}

/// Whether a document that starts with `<` is an RSS or Atom feed rather than a web page.
fn is_xml_feed(start: &str) -> bool {
    let head: String = start
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|root| head.contains(root))
}

/// Reads one item, member by member as the reader goes; `None` when it cannot be read at all.
/// The feed's defaults (its level and show) are applied later, once the whole document is read.
pub(crate) fn parse_item<'a>(
    json: &mut Reader<'a, '_>,
    base: Option<&str>,
) -> Result<Option<ReadItem>, json::Error> {
    let mut raw = RawItem::default();
    let object = json.object_value(&mut |json, key| {
        // As in a tree of the item, the last of a repeated key counts.
        let text = match &*key {
            "id" => {
                raw.id = Some(json.node()?);
                return Ok(());
            }
            "authors" => {
                raw.authors.clear();
                let authors = &mut raw.authors;
                json.list_value(&mut |json| {
                    authors.extend(author_name(json)?);
                    Ok(())
                })?;
                return Ok(());
            }
            "author" => {
                raw.author = author_name(json)?;
                return Ok(());
            }
            "tags" => {
                raw.tags.clear();
                let tags = &mut raw.tags;
                json.list_value(&mut |json| {
                    tags.extend(json.string_value()?.and_then(line));
                    Ok(())
                })?;
                return Ok(());
            }
            EXTENSION => {
                raw.extension = extension(json)?;
                return Ok(());
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
            _ => return json.skip(),
        };
        *text = json.string_value()?;
        Ok(())
    })?;
    Ok(if object { raw.item(base) } else { None })
}

/// An item's members as read: each the last of its key, strings not yet cleaned; lists and
/// objects already reduced to what is kept of them.
#[derive(Default)]
struct RawItem<'a> {
    id: Option<Node<'a>>,
    title: Option<Cow<'a, str>>,
    content_text: Option<Cow<'a, str>>,
    content_html: Option<Cow<'a, str>>,
    summary: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    external_url: Option<Cow<'a, str>>,
    image: Option<Cow<'a, str>>,
    date_published: Option<Cow<'a, str>>,
    date_modified: Option<Cow<'a, str>>,
    authors: Vec<String>,
    author: Option<String>,
    tags: Vec<String>,
    extension: Option<Extension<'a>>,
}

impl RawItem<'_> {
    /// The item, if it has an id.
    fn item(self, base: Option<&str>) -> Option<ReadItem> {
        let id = match self.id? {
            Node::Str(id) => text::clean_line(&id),
            Node::Number(id) => id.to_string(),
            _ => return None,
        };
        if id.is_empty() {
            return None;
        }
        let body = self
            .content_text
            .as_deref()
            .map(text::clean_block)
            .filter(|text| !text.is_empty())
            .or_else(|| self.content_html.as_deref().map(text::html_to_text))
            .filter(|text| !text.is_empty())
            .or_else(|| self.summary.as_deref().map(text::clean_block))
            .unwrap_or_default();
        let date = [self.date_published, self.date_modified]
            .into_iter()
            .find_map(|date| date::parse_timestamp(&date?));
        let mut authors = self.authors;
        if authors.is_empty() {
            // JSON Feed 1.0's singular author.
            authors.extend(self.author);
        }
        let link = |url: Option<Cow<str>>| link::safe_link(&url?, base);
        let ext = self.extension.unwrap_or_default();
        let details = match ext.kind {
            Some(Kind::Production) => Details::Production(ext.production.unwrap_or_default()),
            Some(Kind::Cast) => Details::Cast(ext.cast.unwrap_or_default()),
            Some(Kind::Release) => Details::Release(ext.release.unwrap_or_default()),
            Some(Kind::Other) | None => Details::Other,
        };
        let item = Item {
            title: self.title.and_then(line),
            text: text::shorten(body, EXCERPT_CHARS),
            url: link(self.url),
            external_url: link(self.external_url),
            image: link(self.image),
            date,
            authors,
            tags: self.tags,
            show: ext.show.and_then(line),
            // Set once the feed's default level is known.
            level: Level::Major,
            details,
            safe_title: ext.safe_title.and_then(line),
            spoils: ext.spoils,
            id,
        };
        Some(ReadItem {
            item,
            level: ext.level,
        })
    }
}

/// An item's `_spoilerfeed` object as read; without one, everything is absent.
#[derive(Default)]
struct Extension<'a> {
    level: Option<Level>,
    kind: Option<Kind>,
    show: Option<Cow<'a, str>>,
    safe_title: Option<Cow<'a, str>>,
    spoils: Option<Point>,
    /// The kinds' objects: the kind, which may come after them, says which one counts.
    production: Option<Production>,
    cast: Option<Vec<CastMember>>,
    release: Option<Release>,
}

/// An item's `_spoilerfeed` object, if the next value is one.
fn extension<'a>(json: &mut Reader<'a, '_>) -> Result<Option<Extension<'a>>, json::Error> {
    let mut ext = Extension::default();
    let object = json.object_value(&mut |json, key| {
        match &*key {
            "level" => ext.level = json.string_value()?.and_then(|level| Level::parse(&level)),
            "kind" => ext.kind = json.string_value()?.and_then(|kind| Kind::parse(&kind)),
            "show" => ext.show = json.string_value()?,
            "safe_title" => ext.safe_title = json.string_value()?,
            "spoils" => ext.spoils = point(&json.node()?),
            "production" => ext.production = production(json)?,
            "cast" => ext.cast = cast(json)?,
            "release" => ext.release = release(json)?,
            _ => json.skip()?,
        }
        Ok(())
    })?;
    Ok(object.then_some(ext))
}

/// A `production` object, if the next value is one.
fn production(json: &mut Reader<'_, '_>) -> Result<Option<Production>, json::Error> {
    let mut production = Production::default();
    let object = json.object_value(&mut |json, key| {
        match &*key {
            "stage" => {
                production.stage = json.string_value()?.and_then(|stage| Stage::parse(&stage))
            }
            "progress" => {
                production.progress = json
                    .node()?
                    .as_f64()
                    .filter(|p| p.is_finite())
                    .map(|p| (p.clamp(0.0, 1.0) * 100.0).round() as u8)
            }
            _ => json.skip()?,
        }
        Ok(())
    })?;
    Ok(object.then_some(production))
}

/// A `cast` list, if the next value is one: its members that have a name.
fn cast(json: &mut Reader<'_, '_>) -> Result<Option<Vec<CastMember>>, json::Error> {
    let mut cast = Vec::new();
    let list = json.list_value(&mut |json| {
        let (mut name, mut role) = (None, None);
        json.object_value(&mut |json, key| {
            match &*key {
                "name" => name = json.string_value()?,
                "role" => role = json.string_value()?,
                _ => json.skip()?,
            }
            Ok(())
        })?;
        if let Some(name) = name.and_then(line) {
            cast.push(CastMember {
                name,
                role: role.and_then(line),
            });
        }
        Ok(())
    })?;
    Ok(list.then_some(cast))
}

/// A `release` object, if the next value is one.
fn release(json: &mut Reader<'_, '_>) -> Result<Option<Release>, json::Error> {
    let (mut label, mut note) = (None, None);
    let mut release = Release::default();
    let object = json.object_value(&mut |json, key| {
        let day = match &*key {
            "from" => &mut release.from,
            "to" => &mut release.to,
            "label" => {
                label = json.string_value()?;
                return Ok(());
            }
            "note" => {
                note = json.string_value()?;
                return Ok(());
            }
            "confidence" => {
                release.confidence = match json.string_value()?.as_deref() {
                    Some("confirmed") => Confidence::Confirmed,
                    Some("reported") => Confidence::Reported,
                    _ => Confidence::Rumored,
                };
                return Ok(());
            }
            _ => return json.skip(),
        };
        *day = json.string_value()?.and_then(|day| date::parse_day(&day));
        Ok(())
    })?;
    if let (Some(from), Some(to)) = (release.from, release.to) {
        if from > to {
            // A window given backwards is still the same window.
            (release.from, release.to) = (Some(to), Some(from));
        }
    }
    release.label = label.and_then(line);
    release.note = note.and_then(line);
    Ok(object.then_some(release))
}

/// A string cleaned as a line, unless nothing is left of it.
fn line(raw: Cow<str>) -> Option<String> {
    let line = text::into_line(raw);
    (!line.is_empty()).then_some(line)
}

/// A `{ "season": N, "episode": M }` object; the episode is optional.
fn point(value: &Node) -> Option<Point> {
    let obj = value.as_object()?;
    let number = |key: &str| -> Option<Option<u32>> {
        match obj.get(key) {
            None | Some(Node::Null) => Some(None),
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
fn seasons(ext: &Object) -> Vec<Season> {
    let Some(Node::Array(list)) = ext.get("episodes") else {
        return Vec::new();
    };
    let read = list.iter().take(MAX_SEASONS).filter_map(|season| {
        let obj = season.as_object()?;
        let number = u32::try_from(obj.get("season")?.as_u64()?)
            .ok()
            .filter(|n| *n > 0)?;
        let air_dates: Vec<NaiveDate> = match obj.get("air_dates") {
            Some(Node::Array(dates)) => dates
                .iter()
                .map_while(|day| date::parse_day(day.as_str()?))
                .collect(),
            _ => Vec::new(),
        };
        let episodes = obj
            .get("episodes")
            .and_then(Node::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (1..=500).contains(n))
            .unwrap_or(air_dates.len() as u32);
        (episodes > 0).then_some(Season {
            number,
            episodes,
            air_dates: air_dates.into_iter().take(episodes as usize).collect(),
        })
    });
    // In season order, the first entry for a season counting; sorted as they are read, since
    // a sort of its own would cost wasm size for a list this short (at most MAX_SEASONS).
    let mut seasons: Vec<Season> = Vec::new();
    for season in read {
        if let Err(at) = seasons.binary_search_by_key(&season.number, |s| s.number) {
            seasons.insert(at, season);
        }
    }
    seasons
}

/// A string member; any other type counts as absent.
fn string<'o>(obj: &'o Object, key: &str) -> Option<&'o str> {
    obj.get(key)?.as_str()
}

/// An author's name, from a 1.1 author object or a 1.0 `author`, if the next value is one.
fn author_name(json: &mut Reader<'_, '_>) -> Result<Option<String>, json::Error> {
    let mut name = None;
    json.object_value(&mut |json, key| {
        if key == "name" {
            name = json.string_value()?;
            Ok(())
        } else {
            json.skip()
        }
    })?;
    Ok(name.and_then(line))
}

#[cfg(test)]
mod tests {
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
                [], {"title": "no id"}]"#,
        );
        assert_eq!(read.len(), 2);
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
