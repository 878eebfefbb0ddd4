//! RSS 2.0 (and 0.9x) and RSS 1.0 mapped onto an item's raw fields and a channel's own.

use super::{Channel, Element, Reader, DC_NS};
use crate::feed::build::RawItem;
use crate::feed::{link, text};

/// RSS 1.0's content module (`content:encoded`).
const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";

/// The channel's title, link and `<language>`.
pub(super) fn channel(reader: &Reader, channel: &Element) -> Channel {
    Channel {
        title: reader.line(channel, "title"),
        home_page_url: channel
            .first(reader.own, "link")
            .and_then(|link| link::safe_link(link.text().trim(), reader.base)),
        language: channel.first(reader.own, "language").map(Element::text),
    }
}

/// What an RSS item says.
pub(super) fn item(reader: &Reader, entry: &Element) -> RawItem {
    let written_link = entry
        .first(reader.own, "link")
        .map(|link| link.text().trim().to_owned())
        .or_else(|| {
            // RSS 1.0 names each item by its address.
            entry
                .attributes
                .iter()
                .find(|attribute| attribute.name == "about")
                .map(|attribute| attribute.value.clone())
        })
        .filter(|link| !link.is_empty());
    let (url, link_id) = reader.link(written_link);
    let guid = entry.first(reader.own, "guid");
    let id = guid
        .map(|id| text::clean_line(&id.text()))
        .filter(|id| !id.is_empty());
    // A guid is the item's permalink unless it says otherwise.
    let permalink = guid
        .and_then(|id| id.attribute("isPermaLink"))
        .is_none_or(|value| value.trim() != "false");
    let shared = reader.shared(entry);
    let mut authors = shared.authors.clone();
    authors.extend(
        entry
            .all(reader.own, "author")
            .map(|author| rss_author(&author.text()))
            .filter(|name| !name.is_empty()),
    );
    RawItem {
        permalink: id.clone().filter(|_| permalink),
        id,
        link_id,
        url,
        title: reader.line(entry, "title"),
        text: entry
            .first(Some(CONTENT_NS), "encoded")
            .map(|html| text::html_to_text(&html.text()))
            .filter(|body| !body.is_empty())
            .or_else(|| {
                entry
                    .first(reader.own, "description")
                    .map(|html| text::html_to_text(&html.text()))
            })
            .unwrap_or_default(),
        dates: reader.dates(entry, [(reader.own, "pubDate"), (Some(DC_NS), "date")]),
        tags: entry
            .all(reader.own, "category")
            .map(|category| text::clean_line(&category.text()))
            .filter(|tag| !tag.is_empty())
            .collect(),
        authors,
        ..shared
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

    #[test]
    fn an_rss_author_is_its_name() {
        assert_eq!(rss_author(" jane@example.com (Jane  Doe) "), "Jane Doe");
        assert_eq!(rss_author("jane@example.com"), "jane@example.com");
        assert_eq!(rss_author("jane@example.com ()"), "jane@example.com ()");
    }
}
