//! The XML feed cases both parsers must read alike: the native suite (`tests/xml.rs`, with
//! roxmltree) and the browser suite (`tests/browser_xml.rs`, with the browser's `DOMParser`)
//! run each of these through `platform::read_feed`, the one entry every download takes.
//!
//! Each `pub fn` is one test; the suites wrap them. Fixtures are compiled in, so that the
//! browser needs no file system.
#![allow(dead_code)]

use std::rc::Rc;

use chrono::{TimeZone, Utc};
use spoilerfeed::classify::{Origin, Rules, TagMap};
use spoilerfeed::config::Prefs;
use spoilerfeed::error::Error;
use spoilerfeed::feed::{Details, Feed, Format, Item, Note, Production};
use spoilerfeed::platform::read_feed;
use spoilerfeed::progress::Point;
use spoilerfeed::spoiler::{self, Entry};
use spoilerfeed::types::{Kind, Level};

/// The ids in the order the widget lists them.
pub fn ids(feed: &Feed) -> Vec<&str> {
    feed.items.iter().map(|item| item.id.as_str()).collect()
}

/// The item with `id`.
pub fn item<'a>(feed: &'a Feed, id: &str) -> &'a Rc<Item> {
    feed.items
        .iter()
        .find(|item| item.id == id)
        .unwrap_or_else(|| panic!("no item {id:?} in {:?}", ids(feed)))
}

/// The fan's choices with only a level.
pub fn prefs(level: Level) -> Prefs {
    Prefs {
        level,
        ..Prefs::default()
    }
}

pub const BASE: &str = "https://fans.example/news/feed.xml";

pub fn read(doc: &str) -> Feed {
    read_feed(doc, Some(BASE), &Rules::default()).unwrap_or_else(|err| panic!("{err}"))
}

pub fn error(doc: &str) -> String {
    match read_feed(doc, Some(BASE), &Rules::default()) {
        Ok(feed) => panic!("read {} items, expected an error", feed.items.len()),
        Err(err) => err.to_string(),
    }
}

pub fn rss(items: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title> Harbour  Lights news </title>
  <atom:link rel="self" href="https://fans.example/news/feed.xml"/>
  <link>/news/</link>
  {items}
</channel>
</rss>"#
    )
}

pub fn rss_2_items_map_onto_the_model() {
    let feed = read(&rss(r#"
  <item>
    <title>Filming &amp; more</title>
    <link>/news/1</link>
    <guid isPermaLink="false">tag:fans.example,2026:1</guid>
    <pubDate>Fri, 07 Mar 2025 09:05:00 +0000</pubDate>
    <description>Short &lt;b&gt;summary&lt;/b&gt;</description>
    <content:encoded><![CDATA[<p>The <b>full</b> story.</p><p>Second paragraph.</p>]]></content:encoded>
    <category> Production </category><category>News</category><category>  </category>
    <dc:creator>Ann Writer</dc:creator>
    <author>bob@fans.example (Bob Editor)</author>
    <enclosure url="https://cdn.fans.example/a.mp3" type="audio/mpeg" length="1"/>
    <enclosure url="/img/a.jpg" type="image/jpeg" length="1"/>
  </item>
  <item>
    <title>Only a description</title>
    <guid>https://fans.example/news/2</guid>
    <dc:date>2025-03-08T10:00:00Z</dc:date>
    <description>Plain &lt;i&gt;text&lt;/i&gt; body</description>
    <media:thumbnail url="https://cdn.fans.example/t.jpg"/>
  </item>"#));
    assert_eq!(feed.format, Format::Rss2);
    assert_eq!(feed.title, "Harbour Lights news");
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://fans.example/news/")
    );
    assert_eq!(
        ids(&feed),
        ["https://fans.example/news/2", "tag:fans.example,2026:1"]
    );

    let first = item(&feed, "tag:fans.example,2026:1");
    assert_eq!(first.title.as_deref(), Some("Filming & more"));
    assert_eq!(first.url.as_deref(), Some("https://fans.example/news/1"));
    assert_eq!(
        first.date,
        Some(Utc.with_ymd_and_hms(2025, 3, 7, 9, 5, 0).unwrap())
    );
    assert_eq!(first.text, "The full story.\n\nSecond paragraph.");
    assert_eq!(first.tags, ["Production", "News"]);
    assert_eq!(first.authors, ["Ann Writer", "Bob Editor"]);
    assert_eq!(
        first.image.as_deref(),
        Some("https://fans.example/img/a.jpg")
    );
    assert!(first.notes.is_empty(), "{:?}", first.notes);
    // No extension: the most spoiling level, fail closed.
    assert_eq!(first.level, Level::Major);
    assert_eq!(first.level_from, Origin::Unlabelled);

    let second = item(&feed, "https://fans.example/news/2");
    // An absolute guid is the permalink unless it says it isn't.
    assert_eq!(second.url.as_deref(), Some("https://fans.example/news/2"));
    assert_eq!(second.text, "Plain text body");
    assert_eq!(
        second.image.as_deref(),
        Some("https://cdn.fans.example/t.jpg")
    );
    assert_eq!(
        second.date,
        Some(Utc.with_ymd_and_hms(2025, 3, 8, 10, 0, 0).unwrap())
    );
}

pub fn ids_fall_back_to_the_link_then_to_a_stable_made_up_id() {
    let doc = rss(r#"
  <item><title>Linked</title><link>https://fans.example/a</link></item>
  <item><title>Neither id nor link</title><description>Body</description></item>
  <item><guid isPermaLink="false">x</guid><link>javascript:alert(1)</link><title>Bad link</title></item>
  <item><comments>https://fans.example/c</comments></item>
  <item><title>Neither id nor link</title><description>Body</description></item>"#);
    let feed = read(&doc);
    assert_eq!(feed.items.len(), 3);
    // The empty item and the copy of the second are left out.
    assert_eq!(feed.skipped, 2);
    let linked = item(&feed, "https://fans.example/a");
    assert_eq!(linked.notes, [Note::NoId]);
    let made_up = feed
        .items
        .iter()
        .find(|item| item.title.as_deref() == Some("Neither id nor link"))
        .unwrap();
    assert!(made_up.id.starts_with("spoilerfeed:"), "{}", made_up.id);
    assert_eq!(made_up.notes, [Note::NoId]);
    assert_eq!(
        read(&doc).items[1].id,
        feed.items[1].id,
        "the same on every read"
    );
    let bad = item(&feed, "x");
    assert_eq!(bad.url, None);
    assert_eq!(bad.notes, [Note::UnsafeLink("javascript:alert(1)".into())]);
}

pub fn an_unreadable_date_leaves_the_item_undated_and_last() {
    let feed = read(&rss(r#"
  <item><guid>a</guid><pubDate>sometime next week</pubDate></item>
  <item><guid>b</guid><pubDate>Sat, 01 Mar 2025 00:00:00 GMT</pubDate></item>"#));
    assert_eq!(ids(&feed), ["b", "a"]);
    let undated = item(&feed, "a");
    assert_eq!(undated.date, None);
    assert_eq!(
        undated.notes,
        [Note::UnreadableDate("sometime next week".into())]
    );
}

pub fn rss_1_items_are_the_channels_siblings() {
    let feed = read(
        r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://fans.example/news.rdf">
    <title>RDF news</title><link>https://fans.example/</link>
    <items><rdf:Seq><rdf:li resource="https://fans.example/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://fans.example/1">
    <title>One</title><description>First &lt;em&gt;one&lt;/em&gt;</description>
    <dc:date>2022-12-17</dc:date><dc:creator>Deb</dc:creator>
  </item>
  <item rdf:about="https://fans.example/2"><title>Two</title></item>
</rdf:RDF>"#,
    );
    assert_eq!(feed.format, Format::Rss1);
    assert_eq!(feed.title, "RDF news");
    assert_eq!(feed.home_page_url.as_deref(), Some("https://fans.example/"));
    let one = item(&feed, "https://fans.example/1");
    assert_eq!(one.url.as_deref(), Some("https://fans.example/1"));
    assert_eq!(one.text, "First one");
    assert_eq!(one.authors, ["Deb"]);
    assert_eq!(feed.items.len(), 2);
}

pub const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <title type="html">Harbour &lt;i&gt;Lights&lt;/i&gt;</title>
  <link rel="self" href="https://fans.example/atom.xml"/>
  <link href="https://fans.example/"/>
  <author><name>Feed Author</name></author>
  <id>urn:uuid:feed</id>
  <entry>
    <title>Plain &lt;b&gt; text</title>
    <id>urn:uuid:text</id>
    <link rel="edit" href="https://fans.example/edit/1"/>
    <link rel="alternate" type="text/html" href="/posts/1"/>
    <published>2025-03-07T09:05:00+01:00</published>
    <updated>2025-03-09T00:00:00Z</updated>
    <summary>A summary</summary>
    <content type="text">Text &lt;b&gt;kept&lt;/b&gt; as written</content>
    <category term="casting" label="Casting news"/>
    <category term="" label="Interviews"/>
    <author><name>Entry Author</name></author>
  </entry>
  <entry>
    <title>HTML</title>
    <id>urn:uuid:html</id>
    <updated>2025-03-06T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Some &lt;b&gt;bold&lt;/b&gt; news&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</content>
    <link rel="enclosure" type="image/png" href="https://cdn.fans.example/p.png"/>
  </entry>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>XHTML</em> title</div></title>
    <id>urn:uuid:xhtml</id>
    <updated>2025-03-05T00:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>para</b>.</p><p>Second.</p></div></content>
    <media:group><media:thumbnail url="https://cdn.fans.example/x.jpg"/></media:group>
  </entry>
  <entry>
    <title>Out of line</title>
    <id>urn:uuid:src</id>
    <content src="https://fans.example/body.html" type="text/html"/>
    <summary>The summary instead</summary>
  </entry>
</feed>"#;

pub fn atom_text_html_and_xhtml_are_all_read_as_text() {
    let feed = read(ATOM);
    assert_eq!(feed.format, Format::Atom);
    assert_eq!(feed.title, "Harbour Lights");
    assert_eq!(feed.home_page_url.as_deref(), Some("https://fans.example/"));

    let text = item(&feed, "urn:uuid:text");
    assert_eq!(text.title.as_deref(), Some("Plain <b> text"));
    assert_eq!(text.url.as_deref(), Some("https://fans.example/posts/1"));
    // Published wins over updated.
    assert_eq!(
        text.date,
        Some(Utc.with_ymd_and_hms(2025, 3, 7, 8, 5, 0).unwrap())
    );
    assert_eq!(text.text, "Text <b>kept</b> as written");
    assert_eq!(text.tags, ["casting", "Interviews"]);
    assert_eq!(text.authors, ["Entry Author"]);

    let html = item(&feed, "urn:uuid:html");
    assert_eq!(html.text, "Some bold news");
    assert_eq!(html.url, None);
    assert_eq!(
        html.image.as_deref(),
        Some("https://cdn.fans.example/p.png")
    );
    // An entry without authors has the feed's.
    assert_eq!(html.authors, ["Feed Author"]);

    let xhtml = item(&feed, "urn:uuid:xhtml");
    assert_eq!(xhtml.title.as_deref(), Some("An XHTML title"));
    assert_eq!(xhtml.text, "First para.\n\nSecond.");
    assert_eq!(
        xhtml.image.as_deref(),
        Some("https://cdn.fans.example/x.jpg")
    );

    assert_eq!(item(&feed, "urn:uuid:src").text, "The summary instead");
}

pub const EXTENDED: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:x="urn:spoilerfeed:1" xmlns:sf="urn:not-the-extension">
<channel>
  <title>Extended</title>
  <x:show>Harbour Lights</x:show>
  <x:default-level>moderate</x:default-level>
  <x:tag-level tag="Casting" level="mild"/>
  <x:tag-level tag="Spoilers" level="major"/>
  <x:tag-level tag="Broken" level="extreme"/>
  <x:tag-kind tag="Casting" kind="cast"/>
  <item>
    <guid>own</guid><title>The finale</title><category>Casting</category>
    <x:level>none</x:level><x:kind>production</x:kind>
    <x:safe-title>A production update</x:safe-title>
    <x:show>Other Show</x:show>
    <x:spoils season="4" episode="9"/>
  </item>
  <item><guid>tagged</guid><category> casting </category></item>
  <item><guid>spoilers</guid><category>Spoilers</category><category>Casting</category></item>
  <item><guid>default</guid><title>Nothing said</title></item>
  <item><guid>unknown</guid><x:level>extreme</x:level><x:kind>gossip</x:kind></item>
  <item><guid>other-ns</guid><sf:level>none</sf:level></item>
  <item><guid>season</guid><x:spoils season="2"/></item>
</channel>
</rss>"#;

pub fn the_spoiler_extension_is_matched_by_its_namespace() {
    let feed = read(EXTENDED);
    assert_eq!(feed.show.as_deref(), Some("Harbour Lights"));
    assert_eq!(feed.rules.default_level, Some(Level::Moderate));
    assert_eq!(feed.rules.tag_levels.get("casting"), Some(Level::Mild));
    assert_eq!(feed.rules.tag_levels.get("broken"), None);
    assert_eq!(feed.rules.tag_kinds.get("CASTING"), Some(Kind::Cast));

    let own = item(&feed, "own");
    assert_eq!(own.level, Level::None);
    assert_eq!(own.level_from, Origin::Own);
    assert_eq!(own.kind(), Kind::Production);
    assert_eq!(own.details, Details::Production(Production::default()));
    assert_eq!(own.safe_title.as_deref(), Some("A production update"));
    assert_eq!(own.show.as_deref(), Some("Other Show"));
    assert_eq!(
        own.spoils,
        Some(Point {
            season: 4,
            episode: Some(9)
        })
    );

    let tagged = item(&feed, "tagged");
    assert_eq!(tagged.level, Level::Mild);
    assert_eq!(tagged.kind(), Kind::Cast);
    assert_eq!(tagged.show.as_deref(), Some("Harbour Lights"));
    // Of two mapped tags, the more spoiling one counts.
    assert_eq!(item(&feed, "spoilers").level, Level::Major);
    assert_eq!(item(&feed, "default").level, Level::Moderate);

    let unknown = item(&feed, "unknown");
    assert_eq!(unknown.level, Level::Moderate);
    assert_eq!(
        unknown.notes,
        [
            Note::UnknownLevel("extreme".into()),
            Note::UnknownKind("gossip".into())
        ]
    );
    // `sf:` bound to another namespace is not the extension.
    assert_eq!(item(&feed, "other-ns").level, Level::Moderate);
    assert_eq!(
        item(&feed, "season").spoils,
        Some(Point {
            season: 2,
            episode: None
        })
    );
}

pub fn the_host_pages_tag_levels_win_over_the_feeds() {
    let host = Rules {
        tag_levels: TagMap::parse("casting:none, spoilers:mild", Level::parse),
        ..Rules::default()
    };
    let feed = read_feed(EXTENDED, Some(BASE), &host).unwrap();
    assert_eq!(item(&feed, "tagged").level, Level::None);
    assert_eq!(item(&feed, "spoilers").level, Level::Mild);
    // An item's own level still wins over any tag.
    assert_eq!(item(&feed, "own").level, Level::None);
}

/// The WordPress-style feed the end-to-end tests also use, with its host page's tag-levels.
pub fn a_wordpress_feed_with_the_host_pages_tag_levels() {
    let host = Rules {
        tag_levels: TagMap::parse(
            "production:none, casting:mild, trailers:moderate, spoilers:major",
            Level::parse,
        ),
        ..Rules::default()
    };
    let feed = read_feed(
        WORDPRESS,
        Some("https://harbourlights.example/feed/"),
        &host,
    )
    .unwrap();
    let level_of =
        |guid: &str| item(&feed, &format!("https://harbourlights.example/?p={guid}")).level;
    assert_eq!(level_of("1201"), Level::None);
    assert_eq!(level_of("1050"), Level::None);
    assert_eq!(level_of("1188"), Level::Mild);
    assert_eq!(level_of("1150"), Level::Moderate);
    assert_eq!(level_of("1101"), Level::Major);
    // Not mapped: fail closed.
    assert_eq!(level_of("1012"), Level::Major);
    let wrap = item(&feed, "https://harbourlights.example/?p=1201");
    assert_eq!(wrap.authors, ["Morwenna"]);
    assert_eq!(
        wrap.url.as_deref(),
        Some("https://harbourlights.example/2026/03/16/season-3-filming-wraps/")
    );
    assert!(wrap.text.starts_with("The cameras stopped rolling"));
    let none = spoiler::view(&feed, &prefs(Level::None));
    assert_eq!((none.shown(), none.hidden), (2, 4));
}

/// The number of `<item` or `<entry` start tags, counted without the crate's parser.
pub fn entries_in(doc: &str) -> usize {
    doc.matches("<item>").count() + doc.matches("<item ").count() + doc.matches("<entry>").count()
}

/// The WordPress-style feed the end-to-end tests also use.
pub const WORDPRESS: &str = include_str!("../fixtures/wordpress-rss.xml");

/// The wild XML feeds (`tests/fixtures/wild/`): name, text and format.
pub const WILD_XML: [(&str, &str, Format); 6] = [
    (
        "rss_2.0_wirecutter.xml",
        include_str!("../fixtures/wild/rss_2.0_wirecutter.xml"),
        Format::Rss2,
    ),
    (
        "rss_2.0_cloudflare.xml",
        include_str!("../fixtures/wild/rss_2.0_cloudflare.xml"),
        Format::Rss2,
    ),
    (
        "rss_2.0_spiegel.xml",
        include_str!("../fixtures/wild/rss_2.0_spiegel.xml"),
        Format::Rss2,
    ),
    (
        "rss_1.0_debian.xml",
        include_str!("../fixtures/wild/rss_1.0_debian.xml"),
        Format::Rss1,
    ),
    (
        "atom_mediarss_youtube_1.xml",
        include_str!("../fixtures/wild/atom_mediarss_youtube_1.xml"),
        Format::Atom,
    ),
    (
        "atom_spec_1.xml",
        include_str!("../fixtures/wild/atom_spec_1.xml"),
        Format::Atom,
    ),
];

/// The wild feed called `name`.
fn wild(name: &str) -> &'static str {
    WILD_XML
        .iter()
        .find(|(file, ..)| *file == name)
        .map(|(_, text, _)| *text)
        .unwrap()
}

pub fn wild_xml_feeds_load_and_every_item_is_a_major_spoiler() {
    for (name, doc, format) in WILD_XML {
        let base = format!("https://fixtures.example/wild/{name}");
        let feed = read_feed(doc, Some(&base), &Rules::default())
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        let expected = entries_in(doc);
        assert!(expected > 0, "{name}");
        assert_eq!(feed.format, format, "{name}");
        assert_eq!((feed.items.len(), feed.skipped), (expected, 0), "{name}");
        assert_ne!(feed.title, "", "{name}");
        for item in &feed.items {
            assert_eq!(item.level, Level::Major, "{name} {}", item.id);
            assert!(item.title.is_some(), "{name} {}", item.id);
            assert!(!item.text.contains("<p>"), "{name} {}", item.id);
        }
        for level in [Level::None, Level::Mild, Level::Moderate] {
            let view = spoiler::view(&feed, &prefs(level));
            assert_eq!(view.hidden, expected, "{name} at {level:?}");
            assert!(view
                .entries
                .iter()
                .all(|entry| matches!(entry, Entry::Hidden(_))));
        }
        let view = spoiler::view(&feed, &prefs(Level::Major));
        assert_eq!((view.hidden, view.shown()), (0, expected), "{name}");
    }
}

pub fn wild_xml_feeds_give_their_dates_authors_and_images() {
    let feed = read_feed(wild("atom_mediarss_youtube_1.xml"), None, &Rules::default()).unwrap();
    let video = &feed.items[0];
    assert_eq!(video.id, "yt:video:0A1ouV7iD8o");
    assert_eq!(video.authors, ["PBS Space Time"]);
    assert_eq!(
        video.image.as_deref(),
        Some("https://i1.ytimg.com/vi/0A1ouV7iD8o/hqdefault.jpg")
    );
    assert_eq!(
        video.date,
        Some(Utc.with_ymd_and_hms(2020, 12, 22, 19, 15, 1).unwrap())
    );
    let feed = read_feed(wild("rss_2.0_wirecutter.xml"), None, &Rules::default()).unwrap();
    assert!(feed.items.iter().all(|item| item.date.is_some()));
    assert!(feed.items.iter().all(|item| !item.tags.is_empty()));
    assert_eq!(feed.items[0].authors, ["James Austin"]);
}

/// Documents that aren't well-formed, with the format each claims (the line each parser gives
/// is checked by the native suite; browsers count alike but word their errors their own way).
pub const NOT_WELL_FORMED: [(&str, Option<&str>); 5] = [
    (
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>A & B</title>",
        Some("RSS 2.0"),
    ),
    (
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <entry>\n",
        Some("Atom"),
    ),
    ("<notes>\n<a></b>\n</notes>", None),
    (
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<channel>",
        Some("RSS 1.0"),
    ),
    (
        "<rss version=\"2.0\"><channel></channel></rss>\n<rss/>",
        Some("RSS 2.0"),
    ),
];

/// Each document of [`NOT_WELL_FORMED`] gives the well-formed error, with its format and a
/// line; returns the lines.
pub fn xml_that_is_not_well_formed_says_so_with_its_line() -> Vec<u32> {
    NOT_WELL_FORMED
        .iter()
        .map(|(doc, format)| {
            let err = read_feed(doc, None, &Rules::default()).unwrap_err();
            assert_eq!(err.key(), "not-xml", "{doc}");
            assert_eq!(
                spoilerfeed::components::error_card::title(
                    &spoilerfeed::i18n::Lang::default(),
                    &err
                ),
                "Feed unreadable"
            );
            let Error::NotXml {
                format: claimed,
                line: Some(line),
            } = err
            else {
                panic!("{doc}: {err:?}")
            };
            assert_eq!(claimed, *format, "{doc}");
            assert!(
                err.to_string().ends_with(&format!(": line {line}.")),
                "{err}"
            );
            line
        })
        .collect()
}

pub fn other_documents_get_their_own_messages() {
    assert_eq!(
        error("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>"),
        "This XML isn't a feed: its root element is <opml>."
    );
    assert_eq!(
        error("<rss version=\"2.0\"><item><title>x</title></item></rss>"),
        "This XML isn't a feed: its <rss> element has no <channel>."
    );
    assert_eq!(
        error("<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>"),
        "This isn't a feed: the server sent a web page (HTML)."
    );
    assert_eq!(
        error("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>"),
        "This isn't a feed: the server sent a web page (HTML)."
    );
    let empty = read_feed("", Some(BASE), &Rules::default()).unwrap_err();
    assert_eq!(empty, Error::NotJson("the feed is empty".into()));
    assert_eq!(empty.key(), "not-json");
    let key = |doc: &str| read_feed(doc, None, &Rules::default()).unwrap_err().key();
    assert_eq!(key("<rss"), "not-xml");
    assert_eq!(key("<opml/>"), "not-xml-feed");
}

pub fn entity_expansion_is_refused_and_external_entities_are_never_loaded() {
    let laughs = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n{}]>\n\
         <rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>",
        (1..10)
            .map(|n| format!(
                "<!ENTITY lol{n} \"{}\">\n",
                format!(
                    "&lol{};",
                    if n == 1 {
                        String::new()
                    } else {
                        (n - 1).to_string()
                    }
                )
                .repeat(10)
            ))
            .collect::<String>()
    );
    // Refused (each parser says its own line: where the expansion is asked for, or where
    // the entity that would expand too far is declared).
    let err = read_feed(&laughs, None, &Rules::default()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::NotXml {
                format: Some("RSS 2.0"),
                line: Some(_)
            }
        ),
        "{err:?}"
    );
    for system in [
        "file:///etc/passwd",
        "http://127.0.0.1:9/secret",
        "/secret.txt",
    ] {
        let doc = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"{system}\">]>\n\
             <rss version=\"2.0\"><channel><title>T</title>\
             <item><guid>a</guid><title>Before &x; after</title></item></channel></rss>"
        );
        // Never loaded: left out, as if it were empty.
        let feed = read_feed(&doc, None, &Rules::default()).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            feed.items[0].title.as_deref(),
            Some("Before after"),
            "{system}"
        );
    }
    // A document type alone is allowed, as in the browser.
    let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \
               \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n\
               <rss version=\"0.91\"><channel><title>Old</title><item><title>One</title></item></channel></rss>";
    assert_eq!(read(doc).items.len(), 1);
}

/// Returns the feed, for the suites to render.
pub fn markup_in_xml_feeds_comes_out_as_plain_text() -> Feed {
    let feed = read(&rss(r#"
  <item><guid>x</guid>
    <title>&lt;script&gt;alert(1)&lt;/script&gt;Title</title>
    <description><![CDATA[<p>Body<img src=x onerror="alert(2)"></p><script>alert(3)</script>]]></description>
    <link> javascript:alert(4)</link>
    <enclosure url="javascript:alert(5)" type="image/png"/>
  </item>"#));
    let item = &feed.items[0];
    assert_eq!(
        item.title.as_deref(),
        Some("<script>alert(1)</script>Title")
    );
    assert_eq!(item.text, "Body");
    assert_eq!((&item.url, &item.image), (&None, &None));
    feed
}

/// A document nested 20,000 levels deep: read (its deep content dropped) or refused as not
/// well-formed, but never a crash.
pub fn deep_nesting_is_cut_off_without_overflowing_the_stack() {
    let depth = 20_000;
    let doc = format!(
        "<rss version=\"2.0\"><channel><title>Deep</title><item><guid>d</guid>\
         <description>{}x{}</description></item></channel></rss>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    match read_feed(&doc, None, &Rules::default()) {
        Ok(feed) => assert_eq!(ids(&feed), ["d"]),
        Err(err) => assert_eq!(err.key(), "not-xml", "{err}"),
    }
}

pub fn entities_declared_in_the_document_are_text_and_unknown_ones_an_error() {
    let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY show \"&lt;b&gt;Harbour Lights&lt;/b&gt;\">]>\n\
               <rss version=\"2.0\"><channel><title>&show;</title>\
               <item><guid>a</guid><title>About &show;</title></item></channel></rss>";
    let feed = read_feed(doc, None, &Rules::default()).unwrap();
    // The entity's markup is text: escaped in the entity, so never an element.
    assert_eq!(
        feed.items[0].title.as_deref(),
        Some("About <b>Harbour Lights</b>")
    );
    let undeclared = "<rss version=\"2.0\">\n<channel><title>&nbsp;</title></channel></rss>";
    let err = read_feed(undeclared, None, &Rules::default()).unwrap_err();
    assert_eq!(err.key(), "not-xml", "{err}");
}

/// A byte-order mark and blank lines before the XML declaration are forgiven, and an error's
/// line still counts them.
pub fn space_before_the_xml_declaration_is_forgiven() {
    let feed = read(
        "\u{FEFF}\n\n  <?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>\
                     <item><guid>a</guid></item></channel></rss>",
    );
    assert_eq!(ids(&feed), ["a"]);
    let err = read_feed(
        "\n\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n</rss>",
        None,
        &Rules::default(),
    )
    .unwrap_err();
    let Error::NotXml {
        line: Some(line), ..
    } = err
    else {
        panic!("{err:?}")
    };
    // The wrong closing tag is on line 6 of the document as served.
    assert_eq!(line, 6);
}
