//! The RSS and Atom reader: RSS 2.0 (and the 0.9x versions), RSS 1.0 (RDF) and Atom 1.0, with
//! the `urn:spoilerfeed:1` extension, mapped onto the same model as JSON Feeds.
//!
//! The XML itself is parsed by the platform (the browser's `DOMParser`, or a native parser in
//! tests and server-side rendering) into the owned tree of this module, through
//! [`TreeBuilder`], so that both give the same tree and everything after parsing is pure.

use std::rc::Rc;

use chrono::{DateTime, Utc};

use super::{finish, link, text, Details, Feed, Format, Item, Note, ReadItem, EXCERPT_CHARS};
use crate::classify::{Origin, Rules, TagMap};
use crate::date;
use crate::error::Error;
use crate::progress::Point;
use crate::types::{Kind, Level};

/// The namespace of the spoiler extension (`xmlns:sf="urn:spoilerfeed:1"`).
pub const SPOILER_NS: &str = "urn:spoilerfeed:1";

/// Dublin Core's elements (`dc:creator`, `dc:date`).
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
/// RSS 1.0's content module (`content:encoded`).
const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
/// Media RSS (`media:thumbnail`, `media:content`, `media:group`).
const MEDIA_NS: &str = "http://search.yahoo.com/mrss/";
/// XHTML, the content of Atom's `type="xhtml"` text.
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// How deep elements are kept: content nested deeper is dropped, so that no document can make
/// the tree (or the code that walks and drops it) deeper than this.
pub const MAX_DEPTH: usize = 64;

/// An element of a parsed document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    /// Its namespace URI, if it is in one.
    pub namespace: Option<String>,
    /// Its local name (without a prefix).
    pub name: String,
    /// Its attributes, without namespace declarations.
    pub attributes: Vec<Attribute>,
    /// Its child elements and text, in document order.
    pub children: Vec<Node>,
}

/// An attribute of an [`Element`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribute {
    /// Its namespace URI, if it is in one (attributes without a prefix are in none).
    pub namespace: Option<String>,
    /// Its local name.
    pub name: String,
    /// Its value, entities already replaced.
    pub value: String,
}

/// A child of an [`Element`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data (text and CDATA sections, adjacent ones joined).
    Text(String),
}

/// Builds an [`Element`] tree from a parser's walk: elements opened and closed in document
/// order, text in between. Content deeper than [`MAX_DEPTH`] is dropped.
#[derive(Debug, Default)]
pub struct TreeBuilder {
    /// The open elements, the root first.
    open: Vec<Element>,
    /// How many elements too deep to keep are open.
    dropped: usize,
    /// The root once it is closed.
    root: Option<Element>,
}

impl TreeBuilder {
    /// Opens an element; `false` when it is too deep to keep (it must still be closed).
    pub fn open(
        &mut self,
        namespace: Option<&str>,
        name: &str,
        attributes: impl IntoIterator<Item = Attribute>,
    ) -> bool {
        if self.dropped > 0 || self.open.len() >= MAX_DEPTH || self.root.is_some() {
            self.dropped += 1;
            return false;
        }
        self.open.push(Element {
            namespace: namespace.filter(|ns| !ns.is_empty()).map(str::to_owned),
            name: name.to_owned(),
            attributes: attributes.into_iter().collect(),
            children: Vec::new(),
        });
        true
    }

    /// Adds text to the element that is open.
    pub fn text(&mut self, text: &str) {
        if self.dropped > 0 || text.is_empty() {
            return;
        }
        let Some(parent) = self.open.last_mut() else {
            return;
        };
        match parent.children.last_mut() {
            Some(Node::Text(before)) => before.push_str(text),
            _ => parent.children.push(Node::Text(text.to_owned())),
        }
    }

    /// Closes the element opened last.
    pub fn close(&mut self) {
        if self.dropped > 0 {
            self.dropped -= 1;
            return;
        }
        let Some(element) = self.open.pop() else {
            return;
        };
        match self.open.last_mut() {
            Some(parent) => parent.children.push(Node::Element(element)),
            None => self.root = Some(element),
        }
    }

    /// The root element, once the walk has closed it.
    pub fn finish(mut self) -> Option<Element> {
        while !self.open.is_empty() {
            self.close();
        }
        self.root
    }
}

impl Element {
    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> + '_ {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// Whether this element is `name` in namespace `namespace`.
    fn is(&self, namespace: Option<&str>, name: &str) -> bool {
        self.name == name && self.namespace.as_deref() == namespace
    }

    /// The child elements named `name` in `namespace`.
    fn all<'a>(
        &'a self,
        namespace: Option<&'a str>,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements()
            .filter(move |element| element.is(namespace, name))
    }

    /// The first child element named `name` in `namespace`.
    fn first(&self, namespace: Option<&str>, name: &str) -> Option<&Element> {
        self.elements().find(|element| element.is(namespace, name))
    }

    /// The value of the attribute `name` without a namespace.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|attribute| attribute.namespace.is_none() && attribute.name == name)
            .map(|attribute| attribute.value.as_str())
    }

    /// The value of `xml:lang`, the language of an Atom feed or entry.
    fn xml_lang(&self) -> Option<String> {
        self.attributes
            .iter()
            .find(|attribute| {
                attribute.name == "lang"
                    && attribute.namespace.as_deref()
                        == Some("http://www.w3.org/XML/1998/namespace")
                    || attribute.name == "xml:lang"
            })
            .map(|attribute| attribute.value.clone())
    }

    /// All the text inside, in document order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out, false);
        out
    }

    /// Appends the text inside to `out`; `paragraphs` marks XHTML blocks with blank lines and
    /// leaves out scripts and styles.
    fn push_text(&self, out: &mut String, paragraphs: bool) {
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => {
                    let name = element.name.as_str();
                    if paragraphs && matches!(name, "script" | "style" | "template") {
                        continue;
                    }
                    let block = paragraphs && text::BLOCK_ELEMENTS.contains(&name);
                    if block {
                        out.push_str("\n\n");
                    }
                    // The tree is at most MAX_DEPTH deep, so this recursion is bounded.
                    element.push_text(out, paragraphs);
                    if block {
                        out.push_str("\n\n");
                    }
                }
            }
        }
    }
}

/// What a downloaded body is, judged by its first characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// Anything that doesn't start with markup: read as JSON.
    Json,
    /// XML markup: read as RSS or Atom.
    Xml,
    /// A web page.
    Html,
}

/// Tells JSON, XML and HTML apart: past a byte-order mark, white space, the XML declaration,
/// processing instructions, comments and a document type, by the root element's name.
pub fn sniff(body: &str) -> Syntax {
    match prolog(body) {
        Prolog::NotMarkup => Syntax::Json,
        Prolog::HtmlDoctype => Syntax::Html,
        Prolog::Root(name) if name.eq_ignore_ascii_case("html") => Syntax::Html,
        Prolog::Root(_) => Syntax::Xml,
    }
}

/// Whether a body starts like an XML document rather than JSON or a web page.
pub fn looks_like_xml(body: &str) -> bool {
    sniff(body) == Syntax::Xml
}

/// The document without the byte-order mark and white space before its first `<`, and how
/// many lines those took.
pub fn skip_leading_space(body: &str) -> (&str, u32) {
    let start = body.trim_start_matches(|c: char| c == '\u{FEFF}' || c.is_whitespace());
    let skipped = &body[..body.len() - start.len()];
    (start, skipped.matches('\n').count() as u32)
}

/// The feed format a document's root element claims, read from its first characters, for
/// the message about a document that isn't well-formed.
pub fn claimed_format(body: &str) -> Option<Format> {
    match prolog(body) {
        Prolog::Root(name) => {
            let local = name.rsplit(':').next().unwrap_or(name);
            match local {
                "rss" => Some(Format::Rss2),
                "RDF" => Some(Format::Rss1),
                "feed" => Some(Format::Atom),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The error for a document the parser refused, at `line` when the parser says.
pub fn not_well_formed(body: &str, line: Option<u32>) -> Error {
    Error::NotXml {
        format: claimed_format(body).map(Format::name),
        line,
    }
}

/// What comes first in a document.
enum Prolog<'a> {
    /// Not markup at all.
    NotMarkup,
    /// `<!DOCTYPE html>`.
    HtmlDoctype,
    /// The root element's name, as written (with its prefix).
    Root(&'a str),
}

/// Skips what may come before the root element and returns what follows.
fn prolog(body: &str) -> Prolog<'_> {
    let mut rest = body.trim_start_matches('\u{FEFF}');
    let mut first = true;
    loop {
        rest = rest.trim_start();
        let Some(after) = rest.strip_prefix('<') else {
            // Text after a declaration or comment is XML gone wrong, not JSON.
            return if first {
                Prolog::NotMarkup
            } else {
                Prolog::Root("")
            };
        };
        first = false;
        if let Some(after) = after.strip_prefix('?') {
            rest = after.find("?>").map_or("", |end| &after[end + 2..]);
        } else if let Some(after) = after.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if let Some(after) = after.strip_prefix('!') {
            let doctype = after
                .get(..7)
                .is_some_and(|word| word.eq_ignore_ascii_case("doctype"));
            let name = after.get(7..).unwrap_or_default().trim_start();
            if doctype
                && name
                    .get(..4)
                    .is_some_and(|n| n.eq_ignore_ascii_case("html"))
            {
                return Prolog::HtmlDoctype;
            }
            // An internal subset may hold `>`s: skip to its `]` first.
            let end = match (after.find('['), after.find('>')) {
                (Some(open), Some(close)) if open < close => {
                    after[open..].find(']').and_then(|bracket| {
                        after[open + bracket..]
                            .find('>')
                            .map(|c| open + bracket + c)
                    })
                }
                (_, close) => close,
            };
            rest = end.map_or("", |end| &after[end + 1..]);
        } else {
            let end = after
                .find(|c: char| c.is_whitespace() || matches!(c, '>' | '/'))
                .unwrap_or(after.len());
            return Prolog::Root(&after[..end]);
        }
        if rest.is_empty() {
            return Prolog::Root("");
        }
    }
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
    let atom = format == Format::Atom;
    let entries: Vec<&Element> = match format {
        Format::Atom => root.all(reader.own, "entry").collect(),
        // RSS 1.0's items are the channel's siblings.
        Format::Rss1 => root.all(reader.own, "item").collect(),
        _ => channel.all(reader.own, "item").collect(),
    };
    let feed_authors = if atom {
        reader.atom_authors(channel)
    } else {
        Vec::new()
    };
    let mut skipped = 0;
    let mut skips = Vec::new();
    let mut read_items = Vec::with_capacity(entries.len());
    for (position, entry) in entries.into_iter().enumerate() {
        match reader.item(entry, atom, &feed_authors) {
            Some(item) => read_items.push(item),
            None => {
                skipped += 1;
                skips.push(super::Skip {
                    position: position + 1,
                    reason: super::SkipReason::Empty,
                });
            }
        }
    }
    let title = if atom {
        channel.first(reader.own, "title").map(atom_line)
    } else {
        reader.line(channel, "title")
    };
    let home_page_url = if atom {
        reader.atom_link(channel)
    } else {
        channel
            .first(reader.own, "link")
            .and_then(|link| link::safe_link(link.text().trim(), base))
    };
    let feed = Feed {
        title: title.filter(|title| !title.is_empty()).unwrap_or_default(),
        home_page_url,
        show: sf_line(channel, "show"),
        season: None,
        rules: feed_rules(channel),
        format,
        episodes: Vec::new(),
        items: Vec::new(),
        skipped,
        skips,
        language: if atom {
            channel.xml_lang()
        } else {
            channel
                .first(reader.own, "language")
                .map(|lang| lang.text())
        }
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

/// An Atom text construct (`type` text, html or xhtml) as a line.
fn atom_line(element: &Element) -> String {
    text::clean_line(&atom_text(element))
}

/// An Atom text construct as plain text: `text` as written, `html` with its markup removed,
/// `xhtml` as its `div`'s text.
fn atom_text(element: &Element) -> String {
    match element.attribute("type").map(str::trim) {
        Some("html") => text::html_to_text(&element.text()),
        Some("xhtml") => {
            let mut out = String::new();
            match element.first(Some(XHTML_NS), "div") {
                Some(div) => div.push_text(&mut out, true),
                None => element.push_text(&mut out, true),
            }
            text::clean_block(&out)
        }
        _ => text::clean_block(&element.text()),
    }
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

    /// An Atom element's `alternate` link (or one without a `rel`), if it is http(s).
    fn atom_link(&self, parent: &Element) -> Option<String> {
        parent
            .all(self.own, "link")
            .filter(|link| {
                link.attribute("rel")
                    .is_none_or(|rel| rel.trim() == "alternate")
            })
            .find_map(|link| link::safe_link(link.attribute("href")?, self.base))
    }

    /// An Atom element's authors' names.
    fn atom_authors(&self, parent: &Element) -> Vec<String> {
        parent
            .all(self.own, "author")
            .filter_map(|author| self.line(author, "name"))
            .collect()
    }

    /// One item (RSS) or entry (Atom); `None` when it has nothing to know it by.
    fn item(&self, entry: &Element, atom: bool, feed_authors: &[String]) -> Option<ReadItem> {
        let mut notes = Vec::new();
        let title = if atom {
            entry
                .first(self.own, "title")
                .map(atom_line)
                .filter(|title| !title.is_empty())
        } else {
            self.line(entry, "title")
        };

        let written_link = if atom {
            entry
                .all(self.own, "link")
                .filter(|link| {
                    link.attribute("rel")
                        .is_none_or(|rel| rel.trim() == "alternate")
                })
                .find_map(|link| link.attribute("href").map(str::to_owned))
        } else {
            entry
                .first(self.own, "link")
                .map(|link| link.text().trim().to_owned())
                .or_else(|| {
                    // RSS 1.0 names each item by its address.
                    entry
                        .attributes
                        .iter()
                        .find(|attribute| attribute.name == "about")
                        .map(|attribute| attribute.value.clone())
                })
                .filter(|link| !link.is_empty())
        };
        let mut url = written_link
            .as_deref()
            .and_then(|raw| link::safe_link(raw, self.base));
        if let (Some(raw), None) = (&written_link, &url) {
            notes.push(Note::UnsafeLink(text::clean_line(raw)));
        }

        let id_element = entry.first(self.own, if atom { "id" } else { "guid" });
        let written_id = id_element
            .map(|id| text::clean_line(&id.text()))
            .filter(|id| !id.is_empty());
        if url.is_none() && !atom {
            // A guid is the item's permalink unless it says otherwise.
            let permalink = id_element
                .and_then(|id| id.attribute("isPermaLink"))
                .is_none_or(|value| value.trim() != "false");
            if permalink {
                url = written_id
                    .as_deref()
                    .and_then(|id| link::safe_link(id, None));
            }
        }

        let dates: &[(Option<&str>, &str)] = if atom {
            &[(self.own, "published"), (self.own, "updated")]
        } else {
            &[(self.own, "pubDate"), (Some(DC_NS), "date")]
        };
        let date = self.date(entry, dates, &mut notes);

        let body = if atom {
            entry
                .first(self.own, "content")
                .filter(|content| content.attribute("src").is_none())
                .map(atom_text)
                .filter(|body| !body.is_empty())
                .or_else(|| entry.first(self.own, "summary").map(atom_text))
        } else {
            entry
                .first(Some(CONTENT_NS), "encoded")
                .map(|html| text::html_to_text(&html.text()))
                .filter(|body| !body.is_empty())
                .or_else(|| {
                    entry
                        .first(self.own, "description")
                        .map(|html| text::html_to_text(&html.text()))
                })
        }
        .unwrap_or_default();

        let tags: Vec<String> = entry
            .all(self.own, "category")
            .filter_map(|category| {
                let tag = if atom {
                    category
                        .attribute("term")
                        .filter(|term| !term.trim().is_empty())
                        .or_else(|| category.attribute("label"))
                        .map(text::clean_line)
                } else {
                    Some(text::clean_line(&category.text()))
                };
                tag.filter(|tag| !tag.is_empty())
            })
            .collect();

        let mut authors: Vec<String> = entry
            .all(Some(DC_NS), "creator")
            .map(|creator| text::clean_line(&creator.text()))
            .filter(|name| !name.is_empty())
            .collect();
        if atom {
            authors.extend(self.atom_authors(entry));
            if authors.is_empty() {
                authors.extend_from_slice(feed_authors);
            }
        } else {
            authors.extend(
                entry
                    .all(self.own, "author")
                    .map(|author| rss_author(&author.text()))
                    .filter(|name| !name.is_empty()),
            );
        }

        let image = self.image(entry);

        if written_id.is_none()
            && url.is_none()
            && title.is_none()
            && date.is_none()
            && body.is_empty()
        {
            return None;
        }
        let id = match (written_id, &url) {
            (Some(id), _) => id,
            (None, Some(url)) => {
                notes.push(Note::NoId);
                url.clone()
            }
            (None, None) => {
                notes.push(Note::NoId);
                super::made_up_id(title.as_deref(), date, &body)
            }
        };

        let level_text = entry
            .first(Some(SPOILER_NS), "level")
            .map(|level| text::clean_line(&level.text()));
        let level = level_text.as_deref().and_then(Level::parse);
        if let (Some(raw), None) = (&level_text, level) {
            notes.push(Note::UnknownLevel(raw.clone()));
        }
        let kind_text = entry
            .first(Some(SPOILER_NS), "kind")
            .map(|kind| text::clean_line(&kind.text()));
        let kind = kind_text.as_deref().and_then(Kind::parse);
        if let (Some(raw), None) = (&kind_text, kind) {
            notes.push(Note::UnknownKind(raw.clone()));
        }
        let spoils = entry.first(Some(SPOILER_NS), "spoils").and_then(|spoils| {
            let number = |name: &str| -> Option<Option<u32>> {
                match spoils.attribute(name).map(str::trim) {
                    None | Some("") => Some(None),
                    Some(value) => Some(Some(value.parse().ok().filter(|n| *n > 0)?)),
                }
            };
            Some(Point {
                season: number("season")??,
                episode: number("episode")?,
            })
        });

        let item = Item {
            id,
            title,
            text: text::shorten(body, EXCERPT_CHARS),
            url,
            external_url: None,
            image,
            date,
            authors,
            tags,
            show: sf_line(entry, "show"),
            // Set by `finish`, with the feed's rules.
            level: Level::Major,
            details: Details::empty(kind),
            safe_title: sf_line(entry, "safe-title"),
            spoils,
            level_from: Origin::Unlabelled,
            kind_from: Origin::Unlabelled,
            notes,
            // Atom's own `xml:lang`; the feed's, when it has none, set by `finish`.
            language: entry
                .xml_lang()
                .as_deref()
                .and_then(crate::i18n::well_formed)
                .map(Rc::from),
        };
        Some(ReadItem { item, level, kind })
    }

    /// The first of `names` the entry has, read as a timestamp; one that can't be read is
    /// noted and the next tried.
    fn date(
        &self,
        entry: &Element,
        names: &[(Option<&str>, &str)],
        notes: &mut Vec<Note>,
    ) -> Option<DateTime<Utc>> {
        for (namespace, name) in names {
            for element in entry.all(*namespace, name) {
                let written = text::clean_line(&element.text());
                if written.is_empty() {
                    continue;
                }
                match date::read_timestamp(&written) {
                    Some(read) => {
                        if read.zone_assumed {
                            notes.push(Note::AssumedUtc(written));
                        }
                        return Some(read.date);
                    }
                    None => notes.push(Note::UnreadableDate(written)),
                }
            }
        }
        None
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

/// An RSS `author` ("jane@example.com (Jane Doe)") as the name, or as written when it gives
/// none.
fn rss_author(raw: &str) -> String {
    let raw = raw.trim();
    if let (Some(open), true) = (raw.find('('), raw.ends_with(')')) {
        let name = text::clean_line(&raw[open + 1..raw.len() - 1]);
        if !name.is_empty() {
            return name;
        }
    }
    text::clean_line(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(name: &str) -> Element {
        Element {
            name: name.into(),
            ..Element::default()
        }
    }

    #[test]
    fn the_builder_drops_what_is_nested_too_deeply() {
        let mut builder = TreeBuilder::default();
        for _ in 0..10_000 {
            builder.open(None, "a", []);
            builder.text("x");
        }
        for _ in 0..10_000 {
            builder.close();
        }
        let root = builder.finish().unwrap();
        let mut depth = 1;
        let mut at = &root;
        while let Some(child) = at.elements().next() {
            depth += 1;
            at = child;
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(root.text().len(), MAX_DEPTH);
    }

    #[test]
    fn adjacent_text_is_joined_and_an_unclosed_root_is_closed() {
        let mut builder = TreeBuilder::default();
        builder.open(Some(""), "rss", []);
        builder.text("a");
        builder.text("b");
        builder.open(None, "channel", []);
        let root = builder.finish().unwrap();
        assert_eq!(root.namespace, None);
        assert_eq!(
            root.children,
            vec![Node::Text("ab".into()), Node::Element(element("channel"))]
        );
    }

    #[test]
    fn formats_are_told_apart_by_their_first_characters() {
        for (body, syntax) in [
            ("{\"version\": 1}", Syntax::Json),
            ("", Syntax::Json),
            ("Service unavailable", Syntax::Json),
            ("\u{FEFF}  <rss version=\"2.0\">", Syntax::Xml),
            (
                "<?xml version=\"1.0\"?>\n<!-- a <b> -->\n<feed xmlns=\"x\"/>",
                Syntax::Xml,
            ),
            (
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"<b>\">]><rss/>",
                Syntax::Xml,
            ),
            ("<!doctype html><html><body>404</body></html>", Syntax::Html),
            (
                "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
                Syntax::Html,
            ),
            ("<?xml version=\"1.0\"?><html xmlns=\"x\">", Syntax::Html),
            ("  <HTML>", Syntax::Html),
            ("<p>Not found</p>", Syntax::Xml),
            ("<?xml version=\"1.0\"?>\nNot found", Syntax::Xml),
        ] {
            assert_eq!(sniff(body), syntax, "{body:?}");
        }
        assert_eq!(
            claimed_format("<?xml version=\"1.0\"?><rss>"),
            Some(Format::Rss2)
        );
        assert_eq!(
            claimed_format("<rdf:RDF xmlns:rdf=\"x\">"),
            Some(Format::Rss1)
        );
        assert_eq!(claimed_format("<feed>"), Some(Format::Atom));
        assert_eq!(claimed_format("<opml>"), None);
    }

    #[test]
    fn an_rss_author_is_its_name() {
        assert_eq!(rss_author(" jane@example.com (Jane  Doe) "), "Jane Doe");
        assert_eq!(rss_author("jane@example.com"), "jane@example.com");
        assert_eq!(rss_author("jane@example.com ()"), "jane@example.com ()");
    }
}
