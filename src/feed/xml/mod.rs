//! The RSS and Atom reader: RSS 2.0 (and the 0.9x versions), RSS 1.0 (RDF) and Atom 1.0, with
//! the `urn:spoilerfeed:1` extension, mapped onto the same model as JSON Feeds.
//!
//! The XML itself is parsed by the platform (the browser's `DOMParser`, or a native parser in
//! tests and server-side rendering) into the owned [`tree`]; [`sniff`] tells formats apart
//! before that. Here the elements both formats share are read; [`rss`] and [`atom`] map the
//! rest, and `feed::build` makes the items.

mod atom;
mod rss;
pub mod sniff;
pub mod tree;

pub use sniff::{
    claimed_format, looks_like_xml, not_well_formed, skip_leading_space, sniff, Syntax,
};
pub use tree::{Attribute, Element, Node, TreeBuilder, MAX_DEPTH};

use super::build::{Number, RawItem, WrittenPoint};
use super::{finish, link, text, Feed, Format};
use crate::classify::{Rules, TagMap};
use crate::error::Error;
use crate::types::{Kind, Level};

/// The namespace of the spoiler extension (`xmlns:sf="urn:spoilerfeed:1"`).
pub const SPOILER_NS: &str = "urn:spoilerfeed:1";

/// Dublin Core's elements (`dc:creator`, `dc:date`).
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
/// Media RSS (`media:thumbnail`, `media:content`, `media:group`).
const MEDIA_NS: &str = "http://search.yahoo.com/mrss/";

/// What a channel (or Atom feed) says of itself.
struct Channel {
    title: Option<String>,
    home_page_url: Option<String>,
    language: Option<String>,
}

/// Reads an RSS or Atom document, parsed into `root`, with a host page's rules over the
/// feed's own; `base` is the feed's own URL, for relative links.
pub fn read(root: &Element, base: Option<&str>, host: &Rules) -> Result<Feed, Error> {
    let (format, channel, own) = match root.name.as_str() {
        "rss" => {
            let channel = root
                .first(root.namespace.as_deref(), "channel")
                .ok_or_else(|| Error::NotXmlFeed("its <rss> element has no <channel>".into()))?;
            (Format::Rss2, channel, root.namespace.clone())
        }
        "RDF" => {
            let channel = root
                .elements()
                .find(|element| element.name == "channel")
                .ok_or_else(|| {
                    Error::NotXmlFeed("its <rdf:RDF> element has no <channel>".into())
                })?;
            (Format::Rss1, channel, channel.namespace.clone())
        }
        "feed" => (Format::Atom, root, root.namespace.clone()),
        other => {
            return Err(Error::NotXmlFeed(format!(
                "its root element is <{}>",
                text::clean_line(other)
            )))
        }
    };
    let reader = Reader {
        own: own.as_deref(),
        base,
    };
    let (own_channel, entries) = match format {
        Format::Atom => (
            atom::channel(&reader, channel),
            root.all(reader.own, "entry"),
        ),
        // RSS 1.0's items are the channel's siblings.
        Format::Rss1 => (rss::channel(&reader, channel), root.all(reader.own, "item")),
        _ => (
            rss::channel(&reader, channel),
            channel.all(reader.own, "item"),
        ),
    };
    let feed_authors = match format {
        Format::Atom => reader.atom_authors(channel),
        _ => Vec::new(),
    };
    let mut skips = Vec::new();
    let mut read_items = Vec::new();
    for (position, entry) in entries.enumerate() {
        let raw = match format {
            Format::Atom => atom::item(&reader, entry, &feed_authors),
            _ => rss::item(&reader, entry),
        };
        match raw.build(base) {
            Some(item) => read_items.push(item),
            None => skips.push(super::Skip {
                position: position + 1,
                reason: super::SkipReason::Empty,
            }),
        }
    }
    let feed = Feed {
        title: own_channel
            .title
            .filter(|title| !title.is_empty())
            .unwrap_or_default(),
        home_page_url: own_channel.home_page_url,
        show: sf_line(channel, "show"),
        season: None,
        rules: feed_rules(channel),
        format,
        episodes: Vec::new(),
        items: Vec::new(),
        skipped: skips.len(),
        skips,
        language: own_channel
            .language
            .as_deref()
            .and_then(crate::i18n::well_formed),
    };
    Ok(finish(feed, read_items, host))
}

/// The publisher's rules from the channel's (or Atom feed's) extension elements.
fn feed_rules(channel: &Element) -> Rules {
    let mut rules = Rules {
        tag_levels: TagMap::default(),
        tag_kinds: TagMap::default(),
        default_level: channel
            .first(Some(SPOILER_NS), "default-level")
            .and_then(|level| Level::parse(&level.text())),
    };
    for pair in channel.all(Some(SPOILER_NS), "tag-level") {
        if let (Some(tag), Some(level)) = (
            pair.attribute("tag"),
            pair.attribute("level").and_then(Level::parse),
        ) {
            rules.tag_levels.insert(tag, level);
        }
    }
    for pair in channel.all(Some(SPOILER_NS), "tag-kind") {
        if let (Some(tag), Some(kind)) = (
            pair.attribute("tag"),
            pair.attribute("kind").and_then(Kind::parse),
        ) {
            rules.tag_kinds.insert(tag, kind);
        }
    }
    rules
}

/// A child extension element's text as a line, unless it is empty.
fn sf_line(parent: &Element, name: &str) -> Option<String> {
    parent
        .first(Some(SPOILER_NS), name)
        .map(|element| text::clean_line(&element.text()))
        .filter(|line| !line.is_empty())
}

/// The parts of a document every item is read with.
struct Reader<'a> {
    /// The namespace of the format's own elements (none for RSS 2.0).
    own: Option<&'a str>,
    /// The feed's own URL.
    base: Option<&'a str>,
}

impl Reader<'_> {
    /// The text of the first own child `name`, as a line, unless it is empty.
    fn line(&self, parent: &Element, name: &str) -> Option<String> {
        parent
            .first(self.own, name)
            .map(|element| text::clean_line(&element.text()))
            .filter(|line| !line.is_empty())
    }

    /// An Atom element's authors' names.
    fn atom_authors(&self, parent: &Element) -> Vec<String> {
        parent
            .all(self.own, "author")
            .filter_map(|author| self.line(author, "name"))
            .collect()
    }

    /// What both formats' entries say alike: the extension's elements, Dublin Core's
    /// creators, the image and `xml:lang`.
    fn shared(&self, entry: &Element) -> RawItem {
        let label = |name: &str| {
            entry
                .first(Some(SPOILER_NS), name)
                .map(|label| text::clean_line(&label.text()))
        };
        let spoils = entry.first(Some(SPOILER_NS), "spoils").map(|spoils| {
            let number = |name: &str| match spoils.attribute(name).map(str::trim) {
                None | Some("") => Number::Absent,
                Some(value) => value.parse().map_or(Number::Other, Number::Whole),
            };
            WrittenPoint {
                season: number("season"),
                episode: number("episode"),
            }
        });
        RawItem {
            level: label("level"),
            kind: label("kind"),
            show: sf_line(entry, "show"),
            safe_title: sf_line(entry, "safe-title"),
            spoils,
            authors: entry
                .all(Some(DC_NS), "creator")
                .map(|creator| text::clean_line(&creator.text()))
                .filter(|name| !name.is_empty())
                .collect(),
            image: self.image(entry),
            // Atom's own `xml:lang`.
            language: entry.xml_lang(),
            ..RawItem::default()
        }
    }

    /// The texts of the elements `names` the entry has, as lines, blank ones left out.
    fn dates(&self, entry: &Element, names: [(Option<&str>, &str); 2]) -> Vec<String> {
        names
            .into_iter()
            .flat_map(|(namespace, name)| entry.all(namespace, name))
            .map(|element| text::clean_line(&element.text()))
            .filter(|written| !written.is_empty())
            .collect()
    }

    /// The link as written, and what stands in for a missing id: the link if it is safe.
    fn link(&self, written: Option<String>) -> (Option<String>, Option<String>) {
        let link_id = written
            .as_deref()
            .and_then(|raw| link::safe_link(raw, self.base));
        (written, link_id)
    }

    /// The item's image: an image enclosure, a Media RSS thumbnail or image, or an Atom
    /// image enclosure; http(s) only.
    fn image(&self, entry: &Element) -> Option<String> {
        let is_image_type = |element: &Element| {
            element
                .attribute("type")
                .is_some_and(|kind| kind.trim().starts_with("image/"))
        };
        let safe = |raw: Option<&str>| raw.and_then(|raw| link::safe_link(raw, self.base));
        let enclosure = entry
            .all(self.own, "enclosure")
            .filter(|enclosure| is_image_type(enclosure))
            .find_map(|enclosure| safe(enclosure.attribute("url")));
        let atom_enclosure = || {
            entry
                .all(self.own, "link")
                .filter(|link| link.attribute("rel").map(str::trim) == Some("enclosure"))
                .filter(|link| is_image_type(link))
                .find_map(|link| safe(link.attribute("href")))
        };
        let media = || {
            let mut groups = std::iter::once(entry).chain(entry.all(Some(MEDIA_NS), "group"));
            groups.find_map(|parent| {
                parent
                    .all(Some(MEDIA_NS), "thumbnail")
                    .find_map(|thumbnail| safe(thumbnail.attribute("url")))
                    .or_else(|| {
                        parent
                            .all(Some(MEDIA_NS), "content")
                            .filter(|content| {
                                content.attribute("medium").map(str::trim) == Some("image")
                                    || is_image_type(content)
                            })
                            .find_map(|content| safe(content.attribute("url")))
                    })
            })
        };
        enclosure.or_else(atom_enclosure).or_else(media)
    }
}
