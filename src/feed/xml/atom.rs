//! Atom 1.0 mapped onto an entry's raw fields and a feed's own.

use super::{Channel, Element, Reader};
use crate::feed::build::RawItem;
use crate::feed::{link, text};

/// XHTML, the content of Atom's `type="xhtml"` text.
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The feed's title, `alternate` link and `xml:lang`.
pub(super) fn channel(reader: &Reader, feed: &Element) -> Channel {
    Channel {
        title: feed.first(reader.own, "title").map(atom_line),
        home_page_url: alternates(reader, feed).find_map(|href| link::safe_link(href, reader.base)),
        language: feed.xml_lang(),
    }
}

/// What an Atom entry says; `feed_authors` stand in when it names none.
pub(super) fn item(reader: &Reader, entry: &Element, feed_authors: &[String]) -> RawItem {
    let (url, link_id) = reader.link(alternates(reader, entry).next().map(str::to_owned));
    let shared = reader.shared(entry);
    let mut authors = shared.authors.clone();
    authors.extend(reader.atom_authors(entry));
    if authors.is_empty() {
        authors.extend_from_slice(feed_authors);
    }
    RawItem {
        id: reader.line(entry, "id"),
        link_id,
        url,
        title: entry
            .first(reader.own, "title")
            .map(atom_line)
            .filter(|title| !title.is_empty()),
        text: entry
            .first(reader.own, "content")
            .filter(|content| content.attribute("src").is_none())
            .map(atom_text)
            .filter(|body| !body.is_empty())
            .or_else(|| entry.first(reader.own, "summary").map(atom_text))
            .unwrap_or_default(),
        dates: reader.dates(entry, [(reader.own, "published"), (reader.own, "updated")]),
        tags: entry
            .all(reader.own, "category")
            .filter_map(|category| {
                category
                    .attribute("term")
                    .filter(|term| !term.trim().is_empty())
                    .or_else(|| category.attribute("label"))
                    .map(text::clean_line)
                    .filter(|tag| !tag.is_empty())
            })
            .collect(),
        authors,
        ..shared
    }
}

/// The `href`s of an element's `alternate` links (or those without a `rel`).
fn alternates<'a>(reader: &'a Reader, parent: &'a Element) -> impl Iterator<Item = &'a str> + 'a {
    parent
        .all(reader.own, "link")
        .filter(|link| {
            link.attribute("rel")
                .is_none_or(|rel| rel.trim() == "alternate")
        })
        .filter_map(|link| link.attribute("href"))
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
