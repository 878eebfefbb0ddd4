//! The feed formats: JSON Feed 1.0/1.1 with the `_spoilerfeed` extension, and RSS and Atom
//! with the `urn:spoilerfeed:1` extension, read leniently and classified fail-closed.
//!
//! Reading is done once per download: text is cleaned, links checked, levels resolved and items
//! sorted here, so that rendering only ever reads finished values.

pub mod build;
pub mod encoding;
pub mod json;
pub mod link;
pub mod text;
pub mod xml;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};

use crate::classify::{self, Origin, Rules};
use crate::progress::{Point, Season};
use crate::types::{Kind, Level};

pub use json::parse;

/// A feed as the widget shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    /// The feed's title; empty when it gives none (shown as "Untitled feed" in the fan's language).
    pub title: String,
    /// The site the feed belongs to, if it is an http(s) link.
    pub home_page_url: Option<String>,
    /// The show named by the feed's extension object.
    pub show: Option<String>,
    /// The season named by the feed's extension object.
    pub season: Option<u32>,
    /// The publisher's own rules: its default level and its tags mapped to levels and kinds.
    pub rules: Rules,
    /// The format the feed was written in.
    pub format: Format,
    /// The show's seasons, episode counts and air dates, when the feed lists them.
    pub episodes: Vec<Season>,
    /// The readable items, newest first; shared with the cards that show them.
    pub items: Vec<Rc<Item>>,
    /// How many items could not be read and were left out.
    pub skipped: usize,
    /// Why items were left out, for the check page.
    pub skips: Vec<Skip>,
    /// The language the feed is written in (a well-formed BCP 47 tag), when it says: JSON
    /// Feed's `language`, RSS's `<language>`, Atom's `xml:lang`.
    pub language: Option<String>,
}

/// The formats the widget reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// JSON Feed 1.0 or 1.1.
    #[default]
    JsonFeed,
    /// RSS 2.0 (and the 0.9x versions it grew from).
    Rss2,
    /// RSS 1.0 (RDF).
    Rss1,
    /// Atom 1.0.
    Atom,
}

impl Format {
    /// The format's name, as the fan and the site owner know it.
    pub fn name(self) -> &'static str {
        match self {
            Format::JsonFeed => "JSON Feed",
            Format::Rss2 => "RSS 2.0",
            Format::Rss1 => "RSS 1.0",
            Format::Atom => "Atom",
        }
    }
}

/// An item the reader left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    /// Its place in the feed, from 1.
    pub position: usize,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Why an item was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// It isn't an item at all (a JSON value other than an object).
    NotAnItem,
    /// It has nothing to know it by: no id, link, title, date or text.
    Empty,
    /// An earlier item has the same id.
    DuplicateId(String),
}

/// Something the reader forgave in an item it kept, for the check page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// It has no id: its link (or a hash of its title, date and text) stands in.
    NoId,
    /// Its date couldn't be read (as written), so it is undated and listed last.
    UnreadableDate(String),
    /// Its date gives no time zone (as written), so it was read as UTC.
    AssumedUtc(String),
    /// Its spoiler level isn't one the widget knows (as written), so the rules decided.
    UnknownLevel(String),
    /// Its kind isn't one the widget knows (as written).
    UnknownKind(String),
    /// A link that isn't http(s) was left out (as written).
    UnsafeLink(String),
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
    /// The tags the items use, told apart trimmed and case-insensitively (as tag maps match
    /// them), each as first written with how many items carry it; most used first, then in
    /// order of first appearance.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut tags: Vec<(String, usize)> = Vec::new();
        let mut places: HashMap<String, usize> = HashMap::new();
        for item in &self.items {
            let mut counted = HashSet::new();
            for tag in &item.tags {
                let tag = tag.trim();
                let key = tag.to_lowercase();
                if tag.is_empty() || !counted.insert(key.clone()) {
                    continue;
                }
                let place = *places.entry(key).or_insert_with(|| {
                    tags.push((tag.to_owned(), 0));
                    tags.len() - 1
                });
                tags[place].1 += 1;
            }
        }
        // A stable sort keeps first appearance among equals.
        tags.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        tags
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
    /// Why it has its level.
    pub level_from: Origin,
    /// Why it has its kind.
    pub kind_from: Origin,
    /// What the reader forgave in it.
    pub notes: Vec<Note>,
    /// The language its text is in (a well-formed BCP 47 tag): its own (Atom's `xml:lang`,
    /// JSON Feed's `language`), else the feed's; shared by the items that have the feed's.
    pub language: Option<Rc<str>>,
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

impl Details {
    /// The details of an item of `kind` whose feed gives none.
    pub fn empty(kind: Option<Kind>) -> Details {
        match kind {
            Some(Kind::Production) => Details::Production(Production::default()),
            Some(Kind::Cast) => Details::Cast(Vec::new()),
            Some(Kind::Release) => Details::Release(Release::default()),
            Some(Kind::Other) | None => Details::Other,
        }
    }
}

impl Stage {
    /// Reads a stage keyword.
    pub fn parse(value: &str) -> Option<Stage> {
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

/// A stable id for an item that has neither an id nor a link: a hash of its title, date and
/// text, the same in every version of the widget, so that a reveal stays remembered.
pub fn made_up_id(title: Option<&str>, date: Option<DateTime<Utc>>, text: &str) -> String {
    use std::hash::Hasher;
    let mut hash = fnv::FnvHasher::default();
    let date = date.map(|date| date.timestamp().to_string());
    for part in [
        title.unwrap_or_default(),
        date.as_deref().unwrap_or_default(),
        text,
    ] {
        hash.write(part.as_bytes());
        // A separator, so that moving text from one part to the next changes the hash.
        hash.write_u8(0xFF);
    }
    format!("spoilerfeed:{:016x}", hash.finish())
}

/// An item as a reader found it, before the rules give it its level.
pub struct ReadItem {
    /// The item, with its own `show` (if any); its level, kind and reasons are set by
    /// [`finish`].
    pub item: Item,
    /// The item's own level, if it names a known one.
    pub level: Option<Level>,
    /// The item's own kind, if it names a known one (its `details` are that kind's).
    pub kind: Option<Kind>,
}

/// Puts a read feed together, the same for every format: the first item with an id wins
/// (later ones are skipped), every item gets its level and kind from `host`'s rules over the
/// feed's own (fail closed), and the items are sorted newest first. `feed.skips` holds what
/// the reader left out, by place in the feed; the read items fill the other places, in order.
pub fn finish(mut feed: Feed, read: Vec<ReadItem>, host: &Rules) -> Feed {
    let rules = feed.rules.overlaid(host);
    let language: Option<Rc<str>> = feed.language.as_deref().map(Rc::from);
    let mut ids = HashSet::with_capacity(read.len());
    feed.items.reserve(read.len());
    feed.skips.sort_by_key(|skip| skip.position);
    let left_out: Vec<usize> = feed.skips.iter().map(|skip| skip.position).collect();
    let mut places = (1..).filter(|place| left_out.binary_search(place).is_err());
    for ReadItem {
        mut item,
        level,
        kind,
    } in read
    {
        let position = places.next().unwrap_or_default();
        if !ids.insert(item.id.clone()) {
            feed.skipped += 1;
            feed.skips.push(Skip {
                position,
                reason: SkipReason::DuplicateId(item.id),
            });
            continue;
        }
        (item.level, item.level_from) = classify::level(level, &item.tags, &rules);
        let (kind, kind_from) = classify::kind(kind, &item.tags, &rules);
        if kind_from != Origin::Own {
            item.details = Details::empty(kind);
        }
        item.kind_from = kind_from;
        if item.show.is_none() {
            item.show.clone_from(&feed.show);
        }
        if item.language.is_none() {
            item.language.clone_from(&language);
        }
        feed.items.push(Rc::new(item));
    }
    feed.skips.sort_by_key(|skip| skip.position);
    // Newest first; undated items after dated ones, in feed order.
    feed.items.sort_by(|a, b| {
        b.date
            .is_some()
            .cmp(&a.date.is_some())
            .then(b.date.cmp(&a.date))
    });
    feed
}
