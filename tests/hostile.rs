//! Hostile feeds: the corpus in `tests/fixtures/hostile/` (its README.md has the table of
//! expected outcomes) plus three documents too big to commit, built here byte-for-byte like
//! `tests/fixtures/hostile/generate.mjs` builds them.
//!
//! Every document ends exactly as the table says: a specific feed-level message, or so many
//! items shown at each level and so many skipped. And whatever a document holds, the rendered
//! list at every level contains no markup from the feed, no script or data link, no bidi
//! control and no text of an item that is not shown.

// Native only: these render on the host (or use host-only crates); the browser suite is
// `browser*.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::{NaiveDate, TimeZone, Utc};
use common::*;
use spoilerfeed::classify::Rules;
use spoilerfeed::components::error_card::ErrorCardProps;
use spoilerfeed::components::filters::FiltersProps;
use spoilerfeed::components::{item_ref, ErrorCard, Filters};
use spoilerfeed::config::{Prefs, DEFAULT_MAX_BYTES};
use spoilerfeed::error::Error;
use spoilerfeed::feed::{self, Confidence, Details, Feed, Item, Note, SkipReason, Stage};
use spoilerfeed::spoiler;
use spoilerfeed::types::{Kind, KindSet, Level};
use spoilerfeed::PAGE_SIZE;
use yew::{AttrValue, Callback};

/// The documents `generate.mjs` writes, built the same way (see that script for each one).
mod generated {
    const VERSION: &str = "https://jsonfeed.org/version/1.1";
    const ABOUT: &str = "https://github.com/spoilerfeed/spoilerfeed/blob/main/docs/FORMAT.md";
    const LEVELS: [&str; 4] = ["none", "mild", "moderate", "major"];

    fn head(title: &str) -> String {
        format!(
            "{{\"version\":\"{VERSION}\",\"title\":\"{title}\",\
             \"_spoilerfeed\":{{\"about\":\"{ABOUT}\",\"show\":\"Harbour Lights\"}},\"items\":["
        )
    }

    /// `oversized.json`: 1,000 items of about 6 KB, 6 MB in all.
    pub fn oversized() -> String {
        let filler = "lorem ipsum dolor sit amet ".repeat(229);
        let items: Vec<String> = (0..1000)
            .map(|n| {
                format!(
                    "{{\"id\":\"big-{n}\",\"title\":\"SECRET-big-{n}\",\
                     \"content_text\":\"SECRET-big-{n} {filler}\",\
                     \"_spoilerfeed\":{{\"level\":\"{}\"}}}}",
                    LEVELS[n % 4]
                )
            })
            .collect();
        format!("{}{}]}}", head("Over the size limit"), items.join(","))
    }

    /// `many-items.json`: 100,000 small items; by `n % 20` none, mild, moderate, major, an
    /// unknown level, and no extension object for the other 15.
    pub fn many_items() -> String {
        let levels = ["none", "mild", "moderate", "major", "extreme"];
        let items: Vec<String> = (0..100_000)
            .map(|n| {
                let ext = if n % 20 < 5 {
                    format!(",\"_spoilerfeed\":{{\"level\":\"{}\"}}", levels[n % 20])
                } else {
                    String::new()
                };
                format!("{{\"id\":\"i{n}\",\"title\":\"SECRET-i{n}\"{ext}}}")
            })
            .collect();
        format!("{}{}]}}", head("100,000 items"), items.join(","))
    }

    /// `deep-nesting.json`: one item holding arrays nested 200,000 deep.
    pub fn deep_nesting() -> String {
        let depth = 200_000;
        format!(
            "{}{{\"id\":\"deep\",\"title\":\"SECRET-deep\",\"_spoilerfeed\":{{\"level\":\"major\"}},\
             \"nested\":{}{}}}]}}",
            head("Nested 200,000 levels deep"),
            "[".repeat(depth),
            "]".repeat(depth)
        )
    }
}

/// A document of the corpus: a committed file, or one of the generated ones.
fn document(name: &str) -> String {
    match name {
        "oversized.json" => generated::oversized(),
        "many-items.json" => generated::many_items(),
        "deep-nesting.json" => generated::deep_nesting(),
        _ => hostile_text(name),
    }
}

/// The address a hostile document is pretended to be loaded from.
fn base(name: &str) -> String {
    fixture_url(&format!("hostile/{name}"))
}

/// Read as every download is: by the format its first characters say.
fn parse(name: &str) -> Result<Feed, Error> {
    spoilerfeed::platform::read_feed(&document(name), Some(&base(name)), &Rules::default())
}

fn load(name: &str) -> Feed {
    parse(name).unwrap_or_else(|err| panic!("{name} must load: {err}"))
}

/// Generated documents: file name, size in bytes, FNV-1a 64 hash (as `generate.mjs` prints).
const GENERATED: [(&str, usize, &str); 3] = [
    ("oversized.json", 6_291_125, "876a24dd2179455c"),
    ("many-items.json", 4_817_979, "43e348bc130f3142"),
    ("deep-nesting.json", 400_291, "49d4de7a296aa118"),
];

/// Documents the widget refuses, with the exact message the fan sees.
const REFUSED: [(&str, &str); 11] = [
    ("empty.json", "This isn't JSON: the feed is empty."),
    ("not-json.txt", "This isn't JSON: expected value at line 1 column 1."),
    (
        "html-page.html",
        "This isn't a feed: the server sent a web page (HTML).",
    ),
    (
        "truncated.json",
        "This isn't JSON: it ends too early (line 5, column 72), so the download may have been cut off.",
    ),
    (
        "nan-literal.json",
        "This isn't JSON: expected value at line 8 column 112.",
    ),
    (
        "huge-number.json",
        "This isn't JSON: number out of range at line 8 column 116.",
    ),
    (
        "deep-nesting.json",
        "This isn't JSON: it is nested too deeply to read.",
    ),
    (
        "top-level-array.json",
        "This isn't a JSON Feed: the document must be a JSON object.",
    ),
    ("no-version.json", "This isn't a JSON Feed: it has no version."),
    (
        "items-object.json",
        "This isn't a JSON Feed: items must be a list.",
    ),
    (
        "version-number.json",
        "This isn't a JSON Feed: its version is not a jsonfeed.org version URL.",
    ),
];

/// What a readable document shows: items read, items skipped, and how many are shown as full
/// cards at none, mild, moderate and major.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shown {
    items: usize,
    skipped: usize,
    at: [usize; 4],
}

const fn shown(items: usize, skipped: usize, at: [usize; 4]) -> Shown {
    Shown { items, skipped, at }
}

/// Documents the widget reads, with what it shows.
const READ: [(&str, Shown); 13] = [
    ("rss.xml", shown(1, 0, [0, 0, 0, 1])),
    ("wrong-types.json", shown(30, 7, [14, 20, 21, 30])),
    ("dates.json", shown(19, 0, [16, 17, 18, 19])),
    ("duplicate-ids.json", shown(4, 5, [3, 3, 3, 4])),
    ("html-everywhere.json", shown(8, 0, [3, 6, 7, 8])),
    ("bad-links.json", shown(12, 0, [11, 11, 11, 12])),
    ("bidi.json", shown(8, 0, [4, 6, 7, 8])),
    ("long-words.json", shown(6, 0, [2, 4, 5, 6])),
    ("unknown-levels.json", shown(18, 0, [5, 7, 7, 18])),
    ("progress.json", shown(15, 0, [15, 15, 15, 15])),
    ("release-window.json", shown(6, 0, [5, 6, 6, 6])),
    (
        "many-items.json",
        shown(100_000, 0, [5_000, 10_000, 15_000, 100_000]),
    ),
    // Refused by the size limit when fetched; read here to show that the limit is the only
    // thing that stops it, and that reading it anyway would be safe.
    ("oversized.json", shown(1_000, 0, [250, 500, 750, 1_000])),
];

/// The committed and generated file names of the corpus, from README.md's table.
fn table_files() -> Vec<String> {
    hostile_text("README.md")
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| line[3..].split('`').next().unwrap().to_owned())
        .collect()
}

/// The cell of README.md's table saying what the widget must do with `name`.
fn table_expectation(name: &str) -> String {
    let readme = hostile_text("README.md");
    let row = readme
        .lines()
        .find(|line| line.starts_with(&format!("| `{name}`")))
        .unwrap_or_else(|| panic!("README.md has no row for {name}"));
    row.trim_end_matches('|')
        .rsplit(" | ")
        .next()
        .unwrap()
        .trim()
        .to_owned()
}

fn prefs_revealing_all(feed: &Feed) -> Prefs {
    Prefs {
        level: Level::None,
        revealed: feed.items.iter().map(|item| item.id.clone()).collect(),
        ..Prefs::default()
    }
}

fn find<'a>(feed: &'a Feed, id: &str) -> &'a Rc<Item> {
    item(feed, id)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn render_filters(feed: &Feed) -> String {
    let shows: Vec<AttrValue> = feed
        .shows()
        .into_iter()
        .map(|show| AttrValue::from(show.to_owned()))
        .collect();
    render::<Filters>(yew::props!(FiltersProps {
        kinds: KindSet::all(),
        shows,
        show: None::<AttrValue>,
        on_toggle_kind: Callback::noop(),
        on_show: Callback::noop(),
    }))
}

/// Renders `name` at every level, and at `none` with everything revealed, checking each page.
fn check_every_level(name: &str, feed: Feed, limit: usize) {
    let shared = shared(feed);
    for level in Level::ALL {
        render_and_check(
            &shared,
            &prefs(level),
            limit,
            &format!("{name} at {level:?}"),
        );
    }
    let revealing = prefs_revealing_all(&shared.0);
    render_and_check(
        &shared,
        &revealing,
        limit,
        &format!("{name} with everything revealed"),
    );
    let filters = render_filters(&shared.0);
    let problems = page_problems(&filters);
    assert!(problems.is_empty(), "{name}'s show picker: {problems:?}");
    assert!(secret_tokens(&filters).is_empty(), "{name}'s show picker");
}

// ---------------------------------------------------------------------------------------------
// The corpus as a whole.

#[test]
fn the_readme_table_lists_every_document_and_the_tests_cover_each_one() {
    let listed: BTreeSet<String> = table_files().into_iter().collect();
    let tested: BTreeSet<String> = REFUSED
        .iter()
        .map(|(name, _)| *name)
        .chain(READ.iter().map(|(name, _)| *name))
        .map(str::to_owned)
        .collect();
    assert_eq!(listed, tested);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let committed: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().unwrap().is_file())
        .map(|entry| entry.file_name().into_string().unwrap())
        .filter(|name| name != "README.md" && name != "generate.mjs")
        .collect();
    let generated: BTreeSet<String> = GENERATED.iter().map(|(n, ..)| (*n).to_owned()).collect();
    assert_eq!(
        committed
            .union(&generated)
            .cloned()
            .collect::<BTreeSet<_>>(),
        listed,
        "every file in tests/fixtures/hostile/ has a row, and every row a file"
    );
    for name in &committed {
        let size = std::fs::metadata(dir.join(name)).unwrap().len();
        assert!(size <= 200 * 1024, "{name} is {size} bytes: generate it");
    }
}

#[test]
fn the_readme_table_says_what_the_tests_check() {
    for (name, message) in REFUSED {
        assert_eq!(
            table_expectation(name),
            format!("error: `{message}`"),
            "{name}"
        );
    }
    for (name, expected) in READ {
        let [none, mild, moderate, major] = expected.at;
        let mut cell = format!(
            "{} items, {} skipped; shown at none / mild / moderate / major: {none} / {mild} / {moderate} / {major}",
            expected.items, expected.skipped
        );
        if name == "oversized.json" {
            cell = format!(
                "too large: `{}` with Content-Length, else `{}`; if read anyway: {cell}",
                oversized_error(true),
                oversized_error(false)
            );
        }
        assert_eq!(table_expectation(name), cell, "{name}");
    }
}

#[test]
fn generated_documents_match_the_node_generator() {
    for (name, size, hash) in GENERATED {
        let text = document(name);
        assert!(text.is_ascii(), "{name}");
        assert_eq!(text.len(), size, "{name}: size");
        assert_eq!(item_ref(&text), hash, "{name}: FNV-1a 64");
    }
}

#[test]
fn refused_documents_end_with_their_exact_message() {
    for (name, message) in REFUSED {
        if name == "deep-nesting.json" {
            continue; // Its own test, below, so that the suite runs it in parallel.
        }
        let error = parse(name).expect_err(name);
        assert_eq!(error.to_string(), message, "{name}");
        assert_eq!(
            spoilerfeed::components::error_card::title(&spoilerfeed::i18n::Lang::default(), &error),
            "Feed unreadable",
            "{name}"
        );
        let html = render::<ErrorCard>(yew::props!(ErrorCardProps {
            error,
            on_retry: Callback::noop(),
        }));
        assert!(html.contains(&format!(">{message}</p>")), "{name}: {html}");
        let problems = page_problems(&html);
        assert!(problems.is_empty(), "{name}: {problems:?}");
        assert!(secret_tokens(&html).is_empty(), "{name}: {html}");
    }
}

#[test]
fn read_documents_show_and_skip_what_the_table_says() {
    for (name, expected) in READ {
        if matches!(name, "many-items.json" | "oversized.json") {
            continue; // Their own tests, below.
        }
        let feed = load(name);
        assert_eq!(feed.items.len(), expected.items, "{name}: items");
        assert_eq!(feed.skipped, expected.skipped, "{name}: skipped");
        for (level, count) in Level::ALL.into_iter().zip(expected.at) {
            let view = spoiler::view(&feed, &prefs(level));
            assert_eq!(view.shown(), count, "{name}: shown at {level:?}");
            assert_eq!(view.hidden, expected.items - count, "{name} at {level:?}");
        }
    }
}

#[test]
fn no_document_reaches_the_page_as_markup_script_links_bidi_or_hidden_text() {
    for (name, _) in READ {
        if matches!(name, "many-items.json" | "oversized.json") {
            continue; // Their own tests, below.
        }
        check_every_level(name, load(name), usize::MAX);
    }
}

// ---------------------------------------------------------------------------------------------
// The generated documents.

/// The message for `oversized.json`, with and without a `Content-Length` header.
fn oversized_error(declared: bool) -> String {
    Error::TooLarge {
        size: declared.then_some(GENERATED[0].1 as u64),
        limit: DEFAULT_MAX_BYTES,
    }
    .to_string()
}

#[test]
fn a_feed_over_the_size_limit_is_refused_with_its_size() {
    // The limit is applied while downloading (src/platform/browser/fetch.rs): from the
    // Content-Length header when the server sends one, else once the body passes the limit.
    let text = generated::oversized();
    assert!(text.len() as u64 > DEFAULT_MAX_BYTES);
    assert_eq!(
        oversized_error(true),
        "This feed is 6 MB; the limit is 5 MB."
    );
    assert_eq!(
        oversized_error(false),
        "This feed is larger than the 5 MB limit."
    );
    // Should a page raise the limit, the document itself is a harmless feed.
    let feed = load("oversized.json");
    let expected = READ.iter().find(|(n, _)| *n == "oversized.json").unwrap().1;
    assert_eq!((feed.items.len(), feed.skipped), (expected.items, 0));
    for (level, count) in Level::ALL.into_iter().zip(expected.at) {
        assert_eq!(spoiler::view(&feed, &prefs(level)).shown(), count);
    }
    assert!(feed
        .items
        .iter()
        .all(|item| item.text.chars().count() <= feed::EXCERPT_CHARS + 1));
    check_every_level("oversized.json", feed, PAGE_SIZE);
}

#[test]
fn a_hundred_thousand_items_are_read_and_a_page_of_them_rendered() {
    let feed = load("many-items.json");
    let expected = READ
        .iter()
        .find(|(n, _)| *n == "many-items.json")
        .unwrap()
        .1;
    assert_eq!((feed.items.len(), feed.skipped), (expected.items, 0));
    // Undated, so in feed order.
    assert_eq!(feed.items[0].id, "i0");
    assert_eq!(feed.items[99_999].id, "i99999");
    for (n, item) in feed.items.iter().enumerate().take(40) {
        let level = match n % 20 {
            0 => Level::None,
            1 => Level::Mild,
            2 => Level::Moderate,
            _ => Level::Major,
        };
        assert_eq!(item.level, level, "{}", item.id);
    }
    for (level, count) in Level::ALL.into_iter().zip(expected.at) {
        let view = spoiler::view(&feed, &prefs(level));
        assert_eq!(view.shown(), count, "at {level:?}");
        assert_eq!(view.hidden, 100_000 - count, "at {level:?}");
    }
    let shared = shared(feed);
    let html = render_and_check(
        &shared,
        &prefs(Level::None),
        PAGE_SIZE,
        "many-items at none",
    );
    // The first 50 entries: items 0, 20 and 40 as cards, the rest as placeholders.
    assert_eq!(html.matches("data-testid=\"card\"").count(), 3);
    assert_eq!(html.matches("data-testid=\"placeholder\"").count(), 47);
    assert!(
        html.contains("95000 updates hidden above None"),
        "hidden count"
    );
    assert!(html.contains("Show more (99950 left)"));
    check_every_level("many-items.json", Rc::unwrap_or_clone(shared.0), PAGE_SIZE);
}

#[test]
fn nesting_200000_levels_deep_is_refused_without_overflowing_the_stack() {
    let message = REFUSED
        .iter()
        .find(|(name, _)| *name == "deep-nesting.json")
        .unwrap()
        .1;
    assert_eq!(parse("deep-nesting.json").unwrap_err().to_string(), message);
    // Objects nest the same way as arrays.
    let objects = format!(
        "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{}1{}]}}",
        "{\"a\":".repeat(200_000),
        "}".repeat(200_000)
    );
    assert_eq!(
        feed::parse(&objects, None).unwrap_err().to_string(),
        message
    );
}

// ---------------------------------------------------------------------------------------------
// What each readable document shows.

#[test]
fn wrong_types_count_as_absent_and_levels_fail_closed() {
    let feed = load("wrong-types.json");
    assert_eq!(feed.title, "");
    assert_eq!(feed.home_page_url, None);
    assert_eq!(feed.show, None);
    assert_eq!(feed.rules.default_level, None);
    // Numbers are ids too; an item without a usable id is known by its link, or else by a
    // hash of what it says, and one with nothing to know it by is skipped.
    assert_eq!(find(&feed, "7").level, Level::None);
    assert_eq!(find(&feed, "1.5").level, Level::Mild);
    for id in [
        "id-object",
        "id-null",
        "id-bool",
        "id-array",
        "id-empty",
        "id-blank",
    ] {
        let item = find(&feed, id);
        assert_eq!(item.title.as_deref(), Some(format!("SECRET-{id}").as_str()));
        assert_eq!(item.notes, [Note::NoId], "{id}");
    }
    let unlinked = feed
        .items
        .iter()
        .find(|item| item.title.as_deref() == Some("Neither an id nor a link"))
        .expect("an item without id or link is read");
    assert!(unlinked.id.starts_with("spoilerfeed:"), "{}", unlinked.id);
    let reasons: Vec<_> = feed.skips.iter().map(|skip| skip.reason.clone()).collect();
    let mut expected = vec![SkipReason::NotAnItem; 6];
    expected.push(SkipReason::Empty);
    assert_eq!(reasons, expected);
    assert_eq!(feed.skips[6].position, 14);

    let texts = find(&feed, "texts");
    assert_eq!(texts.title, None);
    assert_eq!(texts.text, "SECRET-texts summary is the only text");

    let fields = find(&feed, "fields");
    assert_eq!(fields.text, "");
    assert_eq!(
        (&fields.url, &fields.external_url, &fields.image),
        (&None, &None, &None)
    );
    assert_eq!(fields.date, None);
    assert!(fields.authors.is_empty() && fields.tags.is_empty());

    let members = find(&feed, "list-members");
    assert_eq!(members.authors, ["Ada Writer"]);
    assert_eq!(members.tags, ["SECRET-list-members tag"]);

    for id in [
        "ext-string",
        "ext-array",
        "ext-null",
        "level-number",
        "level-array",
        "level-object",
        "level-null",
        "level-bool",
    ] {
        let item = find(&feed, id);
        assert_eq!(item.level, Level::Major, "{id} fails closed");
        assert_eq!(item.kind(), Kind::Other, "{id}");
    }
    assert_eq!(find(&feed, "kind-array").details, Details::Other);
    assert_eq!(find(&feed, "kind-number").details, Details::Other);
    for id in ["production-list", "production-fields"] {
        let Details::Production(production) = &find(&feed, id).details else {
            panic!("{id} is a production update");
        };
        assert_eq!(
            (production.stage, production.progress),
            (None, None),
            "{id}"
        );
    }
    assert_eq!(find(&feed, "cast-object").details, Details::Cast(vec![]));
    let Details::Cast(cast) = &find(&feed, "cast-members").details else {
        panic!("cast-members is a cast update");
    };
    assert_eq!(cast.len(), 1);
    assert_eq!(
        (cast[0].name.as_str(), &cast[0].role),
        ("Ada Example", &None)
    );
    for id in ["release-string", "release-fields"] {
        let Details::Release(release) = &find(&feed, id).details else {
            panic!("{id} is a release update");
        };
        assert_eq!(
            (
                release.from,
                release.to,
                &release.label,
                release.confidence,
                &release.note
            ),
            (None, None, &None, Confidence::Rumored, &None),
            "{id}"
        );
    }
    let safe_show = find(&feed, "safe-show");
    assert_eq!((&safe_show.safe_title, &safe_show.show), (&None, &None));
    assert_eq!(safe_show.level, Level::Major);

    // The one dated item first, then the others in feed order.
    assert_eq!(ids(&feed)[..2], ["ok", "id-object"]);
    assert_eq!(ids(&feed)[7..10], [unlinked.id.as_str(), "7", "1.5"]);
    let html = render_card_list(&shared(feed), prefs(Level::None), usize::MAX);
    assert!(html.contains(">Hidden news update</p>"), "{html}");
}

#[test]
fn invalid_dates_are_no_date_and_far_future_ones_are_shown_as_given() {
    let feed = load("dates.json");
    let date = |id: &str| find(&feed, id).date;
    for id in [
        "feb-30",
        "hour-25",
        "words",
        "date-only",
        "offset-24",
        "five-digit-year",
        "signed-year",
        "empty",
        "release-dates",
    ] {
        assert_eq!(date(id), None, "{id}");
    }
    let utc = |y, mo, d, h, mi, s| Some(Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap());
    assert_eq!(date("valid"), utc(2026, 11, 20, 9, 0, 0));
    // No zone: read as UTC, and noted as assumed.
    assert_eq!(date("no-zone"), utc(2026, 11, 20, 10, 0, 0));
    assert_eq!(
        find(&feed, "no-zone").notes,
        [Note::AssumedUtc("2026-11-20T10:00:00".into())]
    );
    assert_eq!(date("far-future"), utc(9999, 12, 31, 23, 59, 59));
    assert_eq!(date("year-zero"), utc(0, 1, 1, 0, 0, 0));
    assert_eq!(date("odd-offset"), utc(2026, 11, 19, 10, 1, 0));
    assert_eq!(date("modified-fallback"), utc(2026, 11, 1, 10, 0, 0));
    let leap = date("leap-second").expect("a leap second is a valid RFC 3339 time");
    assert_eq!(leap.date_naive(), day(2026, 6, 30));
    // Newest first: the far future leads; undated items come last.
    assert_eq!(ids(&feed)[0], "far-future");
    assert_eq!(*ids(&feed).last().unwrap(), "release-long-ago");

    let release = |id: &str| match &find(&feed, id).details {
        Details::Release(release) => release.clone(),
        other => panic!("{id} is a release update, not {other:?}"),
    };
    let dates = release("release-dates");
    assert_eq!((dates.from, dates.to), (None, None));
    assert_eq!(dates.confirmed_day(), None);
    let multibyte = release("release-multibyte");
    assert_eq!((multibyte.from, multibyte.to), (None, None));
    assert_eq!(multibyte.label.as_deref(), Some("Spring 2027"));
    assert_eq!(
        release("release-far-future").confirmed_day(),
        Some(day(9999, 12, 31))
    );
    assert_eq!(
        release("release-long-ago").confirmed_day(),
        Some(day(1, 1, 1))
    );

    let html = render_card_list(&shared(feed), prefs(Level::Major), usize::MAX);
    assert!(html.contains(">in 7978 years</time>"), "{html}");
    assert!(html.contains(">2028 years ago</time>"), "{html}");
    assert!(html.contains("Out in 2912107 days"), "{html}");
    assert!(html.contains(">Out now</span>"), "{html}");
}

#[test]
fn a_repeated_id_is_skipped_even_when_it_claims_a_lower_level() {
    let feed = load("duplicate-ids.json");
    assert_eq!(ids(&feed), ["dup", "twist", "Twist", "1"]);
    assert_eq!(
        find(&feed, "dup").title.as_deref(),
        Some("SECRET-dup is the first and is kept")
    );
    let twist = find(&feed, "twist");
    assert_eq!(twist.level, Level::Major);
    assert_eq!(
        twist.title.as_deref(),
        Some("SECRET-twist the finale"),
        "the first item with the id wins"
    );
    assert_eq!(
        find(&feed, "1").title.as_deref(),
        Some("SECRET-1 numeric id")
    );
    let html = render_card_list(&shared(feed), prefs(Level::None), usize::MAX);
    for token in ["twist", "twist-2", "twist-3", "twist-4", "dup-2", "1-2"] {
        assert!(
            !secret_tokens(&html).contains(token),
            "SECRET-{token}: {html}"
        );
    }
    assert!(html.contains(">Finale discussion</p>"), "{html}");
}

#[test]
fn markup_in_every_text_field_is_shown_as_text() {
    let feed = load("html-everywhere.json");
    let payload = "<img src=x onerror=alert(1)>";
    assert_eq!(
        feed.title,
        "<script>alert(1)</script><img src=x onerror=alert(1)> news"
    );
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://fans.example/\"><script>alert(1)</script>")
    );
    assert_eq!(
        feed.show.as_deref(),
        Some("<svg onload=alert(1)>Harbour Lights")
    );
    let title = find(&feed, "html-title");
    assert_eq!(
        title.title.as_deref(),
        Some("SECRET-html-title <img src=x onerror=alert(1)><script>alert(1)</script>")
    );
    assert_eq!(title.authors, [payload]);
    assert_eq!(title.tags.len(), 3);
    // content_html is reduced to text: scripts, styles, SVG, iframes and comments are dropped,
    // and escaped markup stays text.
    assert_eq!(
        find(&feed, "html-content").text,
        "SECRET-html-content starts ends.\n\n<script>alert(1)</script> is shown as text\n\na link"
    );
    // content_text is text already, and wins over content_html.
    assert_eq!(
        find(&feed, "html-text").text,
        "<img src=x onerror=alert(1)> SECRET-html-text is plain text, so this markup is shown as text"
    );
    assert_eq!(
        find(&feed, "html-summary").text,
        "<svg onload=alert(1)> SECRET-html-summary <script>alert(1)</script>"
    );
    assert_eq!(
        find(&feed, "html-safe").safe_title.as_deref(),
        Some("<img src=x onerror=alert(1)> Episode 2: discussion <svg onload=alert(1)>")
    );
    assert!(find(&feed, "\"><img src=x onerror=alert(1)>").level == Level::None);

    let shared = shared(feed);
    // At none: the payloads in shown titles, tags, authors, release fields and in the hidden
    // item's safe title and show are escaped text.
    let html = render_card_list(&shared, prefs(Level::None), usize::MAX);
    assert!(
        html.contains(">SECRET-html-title &lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>"),
        "{html}"
    );
    assert!(
        html.contains(">&lt;img src=x onerror=alert(1)&gt; Episode 2: discussion &lt;svg onload=alert(1)&gt;</p>"),
        "{html}"
    );
    assert!(
        html.contains("data-id=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""),
        "{html}"
    );
    assert!(
        html.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</span>"),
        "{html}"
    );
    let html = render_card_list(&shared, prefs(Level::Major), usize::MAX);
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; is shown as text"),
        "{html}"
    );
    assert!(
        html.contains(" as \" onmouseover=\"alert(1)</span>"),
        "{html}"
    );
    let filters = render_filters(&shared.0);
    assert!(
        filters.contains("value=\"&lt;svg onload=alert(1)&gt;Harbour Lights\""),
        "{filters}"
    );
}

#[test]
fn script_data_and_vbscript_links_are_dropped_however_they_are_written() {
    let feed = load("bad-links.json");
    assert_eq!(feed.home_page_url, None);
    let links = |id: &str| {
        let item = find(&feed, id);
        (
            item.url.clone(),
            item.external_url.clone(),
            item.image.clone(),
        )
    };
    for id in [
        "plain",
        "whitespace",
        "controls",
        "data",
        "vbscript",
        "other-schemes",
        "broken-hosts",
    ] {
        assert_eq!(links(id), (None, None, None), "{id}");
    }
    // Entity- and percent-encoded schemes are not schemes at all: browsers don't decode them
    // in a URL, so they are paths on the feed's own site.
    let here = "https://fixtures.example/hostile/";
    assert_eq!(
        links("entities"),
        (
            Some(format!("{here}javascript&colon;alert(1)")),
            Some(format!("{here}&#106;avascript:alert(1)")),
            Some(format!("{here}&#x6A;avascript&#x3A;alert(1)")),
        )
    );
    assert_eq!(
        links("escapes"),
        (
            Some(format!("{here}%6Aavascript:alert(1)")),
            Some(format!("{here}\u{A0}javascript:alert(1)")),
            Some(format!("{here}\u{2028}javascript:alert(1)")),
        )
    );
    assert_eq!(
        links("good"),
        (
            Some("https://fans.example/news/good".into()),
            Some("HTTP://Source.example/a".into()),
            Some("https://fixtures.example/img/a.png".into()),
        )
    );
    assert_eq!(
        links("quotes-in-path"),
        (
            Some("https://fans.example/\"><script>alert(1)</script>".into()),
            None,
            None, // A space is never part of a link.
        )
    );

    let shared = shared(feed);
    let html = render_card_list(&shared, prefs(Level::None), usize::MAX);
    for id in ["plain", "whitespace", "controls", "data", "vbscript"] {
        let card = articles(&html)
            .into_iter()
            .find(|card| card.contains(&format!("data-id=\"{id}\"")))
            .unwrap();
        assert!(
            !card.contains(" href=") && !card.contains(" src="),
            "{id}: {card}"
        );
    }
    assert!(
        html.contains(
            "href=\"https://fans.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""
        ),
        "{html}"
    );
    // A hidden item's links are not on the page at all.
    assert!(!html.contains("hidden-links"), "{html}");
}

#[test]
fn bidi_controls_and_zero_width_characters_are_removed_from_every_field() {
    let feed = load("bidi.json");
    assert_eq!(feed.title, "Harbour Lights news");
    assert_eq!(feed.show.as_deref(), Some("Harbour Lights"));
    assert_eq!(
        find(&feed, "override").title.as_deref(),
        Some("SECRET-override gnp.exe")
    );
    assert_eq!(
        find(&feed, "override").text,
        "SECRET-override txet desrever and forced"
    );
    let every = find(&feed, "every-control");
    assert_eq!(
        every.title.as_deref(),
        Some("SECRET-every-control abcdefghijkl")
    );
    assert_eq!(every.tags, ["tag", "isolated", "marked"]);
    assert_eq!(every.authors, ["Ada Writer"]);
    assert_eq!(every.show.as_deref(), Some("Northern Line"));
    assert_eq!(
        find(&feed, "zero-width").title.as_deref(),
        Some("SECRET-zero-width Zerowidth joiners and softhyphen")
    );
    assert_eq!(
        find(&feed, "bidiid").title.as_deref(),
        Some("SECRET-bidiid has a bidi override in its id")
    );
    assert_eq!(
        find(&feed, "entities").text,
        "SECRET-entities gnp.exe again done"
    );
    let Details::Cast(cast) = &find(&feed, "kind-fields").details else {
        panic!("a cast update");
    };
    assert_eq!(
        (cast[0].name.as_str(), cast[0].role.as_deref()),
        ("Ada Example", Some("the keeper"))
    );
    let Details::Release(release) = &find(&feed, "release-fields").details else {
        panic!("a release update");
    };
    assert_eq!(release.label.as_deref(), Some("7202 hcraM"));
    assert_eq!(release.note.as_deref(), Some("May be split"));
    let hidden = find(&feed, "hidden");
    assert_eq!(hidden.safe_title.as_deref(), Some("Finale discussion"));
    assert_eq!(hidden.show.as_deref(), Some("Harbour Lights"));
    for item in &feed.items {
        let texts = [
            Some(item.id.as_str()),
            item.title.as_deref(),
            Some(item.text.as_str()),
            item.safe_title.as_deref(),
            item.show.as_deref(),
        ];
        for text in texts.into_iter().flatten() {
            assert!(!text.chars().any(is_bidi_or_invisible), "{text:?}");
        }
    }
}

#[test]
fn five_thousand_character_words_are_kept_whole_or_shortened_with_an_ellipsis() {
    let feed = load("long-words.json");
    assert_eq!(feed.title, format!("Long words {}", "T".repeat(5000)));
    let long = find(&feed, "long-title");
    assert_eq!(
        long.title.as_deref(),
        Some(format!("SECRET-long-title {}", "A".repeat(5000)).as_str())
    );
    assert_eq!(
        long.text,
        format!(
            "SECRET-long-title {}…",
            "B".repeat(feed::EXCERPT_CHARS - 18)
        )
    );
    assert_eq!(long.tags, ["C".repeat(5000)]);
    assert_eq!(long.url.as_ref().map(String::len), Some(21 + 5000));
    assert_eq!(
        find(&feed, "long-html").text,
        format!("{}…", "E".repeat(feed::EXCERPT_CHARS))
    );
    assert_eq!(
        find(&feed, "long-hidden").safe_title,
        Some("K".repeat(5000))
    );
    assert_eq!(find(&feed, &"L".repeat(5000)).level, Level::Moderate);
}

#[test]
fn unknown_levels_are_major_and_unknown_kinds_other() {
    let feed = load("unknown-levels.json");
    assert_eq!(
        feed.rules.default_level, None,
        "an unknown default level is no default"
    );
    for id in [
        "extreme",
        "major-bang",
        "empty",
        "spoiler",
        "zero",
        "none-zero-width",
        "none-cyrillic",
        "none-fullwidth",
        "none-nul",
        "none-and-major",
        "missing",
    ] {
        assert_eq!(find(&feed, id).level, Level::Major, "{id}");
    }
    // Keywords are matched ignoring ASCII case and surrounding white space.
    assert_eq!(find(&feed, "upper").level, Level::None);
    assert_eq!(find(&feed, "padded").level, Level::Mild);
    for id in ["kind-rumour", "kind-empty", "kind-null"] {
        assert_eq!(find(&feed, id).details, Details::Other, "{id}");
    }
    assert_eq!(find(&feed, "kind-upper").kind(), Kind::Cast);
    let Details::Production(production) = &find(&feed, "kind-wrong-object").details else {
        panic!("a production update");
    };
    assert_eq!((production.stage, production.progress), (None, None));
}

#[test]
fn odd_progress_values_are_dropped_or_clamped() {
    let feed = load("progress.json");
    let progress = |id: &str| match &find(&feed, id).details {
        Details::Production(production) => production.progress,
        other => panic!("{id} is a production update, not {other:?}"),
    };
    for (id, expected) in [
        ("nan", None),
        ("infinity", None),
        ("negative", Some(0)),
        ("half-word", None),
        ("seven-and-a-half", Some(100)),
        ("percent", Some(100)),
        ("huge", Some(100)),
        ("huge-negative", Some(0)),
        ("tiny", Some(0)),
        ("negative-zero", Some(0)),
        ("string-number", None),
        ("null", None),
        ("bool", None),
        ("third", Some(33)),
        ("big-integer", Some(100)),
    ] {
        assert_eq!(progress(id), expected, "{id}");
    }
    let Details::Production(third) = &find(&feed, "third").details else {
        unreachable!()
    };
    assert_eq!(third.stage, Some(Stage::PostProduction));
    let html = render_card_list(&shared(feed), prefs(Level::None), usize::MAX);
    for value in html.split("aria-valuenow=\"").skip(1) {
        let value: u32 = value[..value.find('"').unwrap()].parse().unwrap();
        assert!(value <= 100, "{html}");
    }
}

#[test]
fn a_release_window_given_backwards_is_read_forwards() {
    let feed = load("release-window.json");
    let release = |id: &str| match &find(&feed, id).details {
        Details::Release(release) => release.clone(),
        other => panic!("{id} is a release update, not {other:?}"),
    };
    let backwards = release("backwards");
    assert_eq!(
        (backwards.from, backwards.to),
        (Some(day(2027, 3, 1)), Some(day(2027, 3, 10)))
    );
    let confirmed = release("backwards-confirmed");
    assert_eq!(
        (confirmed.from, confirmed.to),
        (Some(day(2027, 3, 3)), Some(day(2027, 3, 4)))
    );
    assert_eq!(confirmed.confirmed_day(), None, "two days are not one day");
    let labelled = release("backwards-labelled");
    assert_eq!(
        (labelled.from, labelled.to),
        (Some(day(2027, 1, 1)), Some(day(2027, 12, 31)))
    );
    assert_eq!(release("to-only").to, Some(day(2027, 1, 1)));
    let unknown = release("unknown-confidence");
    assert_eq!(unknown.confidence, Confidence::Rumored);
    assert_eq!(unknown.confirmed_day(), None);

    let html = render_card_list(&shared(feed), prefs(Level::None), usize::MAX);
    assert!(
        html.contains(">1 March 2027 – 10 March 2027</span>"),
        "{html}"
    );
    assert!(
        html.contains(">3 March 2027 – 4 March 2027</span>"),
        "{html}"
    );
    assert!(html.contains(">Date not announced</span>"), "{html}");
    assert!(!html.contains("sf-release__countdown"), "{html}");
}

// ---------------------------------------------------------------------------------------------
// The checks themselves: they must catch what they look for, or every test above passes
// vacuously.

#[test]
fn the_page_checks_catch_what_they_look_for() {
    for (bad, why) in [
        ("<p><script>alert(1)</script></p>", "a script element"),
        (
            "<img src=\"x\" onerror=\"alert(1)\">",
            "an event handler and a relative source",
        ),
        (
            "<div><svg onload=\"alert(1)\"></svg></div>",
            "an SVG element with a handler",
        ),
        ("<a href=\"javascript:alert(1)\">x</a>", "a script link"),
        (
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "a script link in mixed case",
        ),
        (
            "<a href=\" javascript:alert(1)\">x</a>",
            "a script link after a space",
        ),
        (
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "an entity-encoded script link",
        ),
        ("<img src=\"data:image/svg+xml,x\">", "a data source"),
        ("<a href=\"vbscript:x\">x</a>", "a vbscript link"),
        (
            "<a title=\"a>b\" href=\"data:x\">x</a>",
            "a data link after a quoted >",
        ),
        ("<p>\u{202E}txt.exe</p>", "a bidi override"),
        ("<p>a\u{200B}b</p>", "a zero-width space"),
        ("<p style=\"background:url(x)\">x</p>", "a style that loads"),
    ] {
        assert!(!page_problems(bad).is_empty(), "{why}: {bad}");
    }
    for fine in [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>",
        "<a href=\"https://fans.example/a?b=1&amp;c=2\" rel=\"noopener\">javascript:alert(1)</a>",
        "<img src=\"HTTP://img.example/a.png\" alt=\"\"><input type=\"radio\" checked>",
    ] {
        assert_eq!(page_problems(fine), Vec::<String>::new(), "{fine}");
    }
    assert_eq!(
        secret_tokens("<p>SECRET-a-1 and SECRET-1.5, SECRET-b</p>"),
        ["1.5", "a-1", "b"].map(str::to_owned).into()
    );
}
