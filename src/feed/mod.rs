//! The feed format: JSON Feed 1.0/1.1 with the `_spoilerfeed` extension, read leniently and
//! classified fail-closed.
//!
//! Reading is done once per download: text is cleaned, links checked, levels resolved and items
//! sorted here, so that rendering only ever reads finished values.

pub(crate) mod json;
pub mod link;
pub mod text;

use std::collections::HashSet;
use std::rc::Rc;

use self::json::{Node, Object};
use chrono::{DateTime, NaiveDate, Utc};

use crate::date;
use crate::error::Error;
use crate::progress::{Point, Season};
use crate::spoiler::{Kind, Level};

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
#[derive(Clone, Debug, PartialEq, Eq)]
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
        Some(match value.trim().to_ascii_lowercase().as_str() {
            "pre-production" | "preproduction" => Stage::PreProduction,
            "filming" => Stage::Filming,
            "post-production" | "postproduction" => Stage::PostProduction,
            "wrapped" => Stage::Wrapped,
            _ => return None,
        })
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
/// The document is read in one pass without a tree of the whole: each item is read into a
/// small tree of its own (`json::Node`) and turned into an [`Item`] at once.
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

/// Reads one item; `None` when it cannot be read at all. The feed's defaults (its level and
/// show) are applied later, once the whole document is read.
pub(crate) fn parse_item(raw: &Node, base: Option<&str>) -> Option<ReadItem> {
    let obj = raw.as_object()?;
    let id = match obj.get("id")? {
        Node::Str(id) => text::clean_line(id),
        Node::Number(id) => id.to_string(),
        _ => return None,
    };
    if id.is_empty() {
        return None;
    }
    let ext = obj.get(EXTENSION).and_then(Node::as_object);
    let level = ext.and_then(|ext| Level::parse(ext.get("level")?.as_str()?));
    let body = string(obj, "content_text")
        .map(text::clean_block)
        .filter(|text| !text.is_empty())
        .or_else(|| string(obj, "content_html").map(text::html_to_text))
        .filter(|text| !text.is_empty())
        .or_else(|| string(obj, "summary").map(text::clean_block))
        .unwrap_or_default();
    let date = ["date_published", "date_modified"]
        .into_iter()
        .find_map(|key| date::parse_timestamp(obj.get(key)?.as_str()?));
    let mut authors: Vec<String> = match obj.get("authors") {
        Some(Node::Array(list)) => list.iter().filter_map(author_name).collect(),
        _ => Vec::new(),
    };
    if authors.is_empty() {
        // JSON Feed 1.0's singular author.
        authors.extend(obj.get("author").and_then(author_name));
    }
    let item = Item {
        title: string(obj, "title")
            .map(text::clean_line)
            .filter(|title| !title.is_empty()),
        text: text::shorten(body, EXCERPT_CHARS),
        url: string(obj, "url").and_then(|url| link::safe_link(url, base)),
        external_url: string(obj, "external_url").and_then(|url| link::safe_link(url, base)),
        image: string(obj, "image").and_then(|url| link::safe_link(url, base)),
        date,
        authors,
        tags: match obj.get("tags") {
            Some(Node::Array(tags)) => tags
                .iter()
                .filter_map(Node::as_str)
                .map(text::clean_line)
                .filter(|tag| !tag.is_empty())
                .collect(),
            _ => Vec::new(),
        },
        show: ext
            .and_then(|ext| string(ext, "show"))
            .map(text::clean_line)
            .filter(|show| !show.is_empty()),
        // Set once the feed's default level is known.
        level: Level::Major,
        details: ext.map_or(Details::Other, details),
        safe_title: ext
            .and_then(|ext| string(ext, "safe_title"))
            .map(text::clean_line)
            .filter(|title| !title.is_empty()),
        spoils: ext.and_then(|ext| point(ext.get("spoils")?)),
        id,
    };
    Some(ReadItem { item, level })
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

/// The feed's `episodes` list: `[{ "season": 1, "episodes": 8, "air_dates": [...] }]`.
fn seasons(ext: &Object) -> Vec<Season> {
    let Some(Node::Array(list)) = ext.get("episodes") else {
        return Vec::new();
    };
    let read = list.iter().filter_map(|season| {
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
    // a sort of its own would cost wasm size for a list this short.
    let mut seasons: Vec<Season> = Vec::new();
    for season in read {
        if let Err(at) = seasons.binary_search_by_key(&season.number, |s| s.number) {
            seasons.insert(at, season);
        }
    }
    seasons
}

/// The kind and its object; anything unknown or malformed is `Other` or left out.
fn details(ext: &Object) -> Details {
    let kind = ext.get("kind").and_then(Node::as_str).and_then(Kind::parse);
    let object = kind.and_then(|kind| ext.get(kind.key()));
    match kind {
        Some(Kind::Production) => {
            let obj = object.and_then(Node::as_object);
            Details::Production(Production {
                stage: obj.and_then(|o| Stage::parse(o.get("stage")?.as_str()?)),
                progress: obj
                    .and_then(|o| o.get("progress")?.as_f64())
                    .filter(|p| p.is_finite())
                    .map(|p| (p.clamp(0.0, 1.0) * 100.0).round() as u8),
            })
        }
        Some(Kind::Cast) => Details::Cast(
            object
                .and_then(Node::as_array)
                .map(|list| {
                    list.iter()
                        .filter_map(|member| {
                            let member = member.as_object()?;
                            let name = text::clean_line(member.get("name")?.as_str()?);
                            (!name.is_empty()).then(|| CastMember {
                                name,
                                role: string(member, "role")
                                    .map(text::clean_line)
                                    .filter(|role| !role.is_empty()),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Some(Kind::Release) => {
            let obj = object.and_then(Node::as_object);
            let day = |key: &str| obj.and_then(|o| date::parse_day(o.get(key)?.as_str()?));
            let (mut from, mut to) = (day("from"), day("to"));
            if let (Some(a), Some(b)) = (from, to) {
                if a > b {
                    // A window given backwards is still the same window.
                    (from, to) = (Some(b), Some(a));
                }
            }
            Details::Release(Release {
                from,
                to,
                label: obj
                    .and_then(|o| string(o, "label"))
                    .map(text::clean_line)
                    .filter(|label| !label.is_empty()),
                confidence: match obj.and_then(|o| o.get("confidence")?.as_str()) {
                    Some("confirmed") => Confidence::Confirmed,
                    Some("reported") => Confidence::Reported,
                    _ => Confidence::Rumored,
                },
                note: obj
                    .and_then(|o| string(o, "note"))
                    .map(text::clean_line)
                    .filter(|note| !note.is_empty()),
            })
        }
        Some(Kind::Other) | None => Details::Other,
    }
}

/// A string member; any other type counts as absent.
fn string<'o>(obj: &'o Object, key: &str) -> Option<&'o str> {
    obj.get(key)?.as_str()
}

/// An author's name, from a 1.1 author object or a 1.0 `author`.
fn author_name(author: &Node) -> Option<String> {
    let name = text::clean_line(author.as_object()?.get("name")?.as_str()?);
    (!name.is_empty()).then_some(name)
}
