//! The native stand-in for the browser side: what tests and server-side rendering run.
//! Nothing is fetched, records are stored in memory (per thread, as JSON, so they round-trip
//! as in the browser), idle work runs at once, and nothing repeats or waits for a frame; the
//! signatures match the browser's, so the app is written once.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Offset, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::classify::Rules;
use crate::config::{self, Prefs};
use crate::date;
use crate::error::Error;
use crate::feed::encoding::DecodeError;
use crate::feed::text::NamedReferences;
use crate::feed::xml::{self, Attribute, Element, TreeBuilder};
use crate::feed::Feed;
use crate::i18n::{self, Catalogue, Lang, Plural};
use crate::progress::{self, ShowProgress};

/// `lang` with its words: every catalogue file is compiled in natively, read once.
pub fn known_words(lang: Lang) -> Lang {
    thread_local! {
        static READ: RefCell<HashMap<&'static str, Option<&'static Catalogue>>> = RefCell::new(HashMap::new());
    }
    let Some(code) = lang.waiting() else {
        return lang;
    };
    let catalogue = READ.with(|read| {
        *read.borrow_mut().entry(code).or_insert_with(|| {
            let (_, file) = i18n::FILES.iter().find(|(name, _)| *name == code)?;
            let parsed = Catalogue::parse(code, file).ok()?;
            // Kept for the program's life, as the browser keeps a loaded one for the page's.
            Some(&*Box::leak(Box::new(parsed.catalogue)))
        })
    });
    match catalogue {
        Some(catalogue) => lang.with_catalogue(catalogue),
        None => lang.without_catalogue(),
    }
}

/// Gives `done` the language with its words, at once.
pub fn load_words(lang: Lang, done: impl FnOnce(Lang) + 'static) {
    done(known_words(lang));
}

/// The current time, by the system clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from(std::time::SystemTime::now())
}

/// Decodes `bytes` from the encoding `label` names (a WHATWG label, as `TextDecoder` takes),
/// with `encoding_rs`, the browser's own decoder in Firefox; a malformed sequence is an error,
/// and so is the replacement encoding, which `TextDecoder` refuses too.
pub fn decode(bytes: &[u8], label: &str) -> Result<String, DecodeError> {
    let encoding = encoding_rs::Encoding::for_label_no_replacement(label.as_bytes())
        .ok_or(DecodeError::UnknownLabel)?;
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
        .ok_or(DecodeError::Malformed)
}

/// Parses an XML document into the feed reader's tree, with roxmltree: a document type and
/// its internal entities are allowed, and external ones are never loaded but left out, as
/// browsers do.
pub fn parse_xml(body: &str) -> Result<Element, Error> {
    let nothing = |_: Option<&str>, _: &str| Ok(Some(""));
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        entity_resolver: Some(&nothing),
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(body, options).map_err(|err| {
        let line = match err {
            // Said to be at the start; a cut-off document ends at its last line.
            roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => {
                body.bytes().filter(|byte| *byte == b'\n').count() as u32 + 1
            }
            _ => err.pos().row,
        };
        xml::not_well_formed(body, Some(line))
    })?;
    // The walk is a loop down to first children and on to next siblings or back up: no
    // recursion however deep the document.
    let mut builder = TreeBuilder::default();
    let root = document.root_element();
    let mut next = Some(root);
    while let Some(node) = next {
        let mut descend = None;
        if node.is_element() {
            let attributes = node.attributes().map(|attribute| Attribute {
                namespace: attribute.namespace().map(str::to_owned),
                name: attribute.name().to_owned(),
                value: attribute.value().to_owned(),
            });
            let name = node.tag_name();
            if builder.open(name.namespace(), name.name(), attributes) {
                descend = node.first_child();
            }
            if descend.is_none() {
                builder.close();
            }
        } else if node.is_text() {
            builder.text(node.text().unwrap_or_default());
        }
        if descend.is_some() {
            next = descend;
            continue;
        }
        // On to the next sibling, closing the elements whose last child this was.
        let mut at = node;
        next = loop {
            if at == root {
                break None;
            }
            if let Some(sibling) = at.next_sibling() {
                break Some(sibling);
            }
            match at.parent() {
                Some(parent) => {
                    builder.close();
                    at = parent;
                }
                None => break None,
            }
        };
    }
    builder.finish().ok_or(Error::Internal)
}

/// Loads nothing: `done` is never called; the canceller does nothing.
pub fn load_feed(
    url: String,
    max_bytes: u64,
    rules: Rules,
    done: impl FnOnce(Result<Feed, Error>) + 'static,
) -> impl FnOnce() {
    let _ = (url, max_bytes, rules, done);
    || ()
}

/// There is no offline copy without a browser.
pub fn offline_copy(feed_url: &str, rules: &Rules) -> Option<(Feed, DateTime<Utc>)> {
    let _ = (feed_url, rules);
    None
}

thread_local! {
    /// The stand-in for localStorage: each record's JSON by key.
    static STORAGE: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// The record stored under `key`; `None` when there is none or it can't be read.
fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    STORAGE.with_borrow(|storage| serde_json::from_str(storage.get(key)?).ok())
}

/// Stores a record under `key`.
fn write(key: &str, record: &impl Serialize) {
    if let Ok(json) = serde_json::to_string(record) {
        STORAGE.with_borrow_mut(|storage| storage.insert(key.to_owned(), json));
    }
}

/// The choices stored for a feed.
pub fn stored_prefs(feed_url: &str) -> Option<Prefs> {
    read(&config::storage_key(feed_url))
}

/// Stores the choices for a feed.
pub fn store_prefs(feed_url: &str, prefs: &Prefs) {
    if !feed_url.is_empty() {
        write(&config::storage_key(feed_url), prefs);
    }
}

/// A show's stored watch progress.
pub fn stored_progress(show: &str) -> Option<ShowProgress> {
    read(&progress::storage_key(show))
}

/// Stores a show's progress.
pub fn store_progress(show: &str, progress: &ShowProgress) {
    write(&progress::storage_key(show), progress);
}

/// No other widget or tab can change progress: `changed` is kept, never called.
pub fn on_progress_change(changed: impl Fn() + Clone + 'static) -> impl Sized {
    changed
}

/// A record the widgets of an origin share (such as the fan's muted words), as stored.
pub fn stored_shared<T: DeserializeOwned>(key: &str) -> Option<T> {
    read(key)
}

/// Stores a shared record.
pub fn store_shared(key: &str, record: &impl Serialize) {
    write(key, record);
}

/// No other widget or tab can change a shared record: `changed` is kept, never called.
pub fn on_shared_change(prefix: &'static str, changed: impl Fn() + Clone + 'static) -> impl Sized {
    let _ = prefix;
    changed
}

/// `text` with its accents dropped: canonical decomposition (the `unicode-normalization`
/// crate), then every combining mark removed, so `Vécna` reads `Vecna`.
pub fn strip_accents(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    text.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

impl NamedReferences {
    /// `names`, named references (`&hellip;`) separated by spaces, each decoded by html-escape's
    /// table of HTML's names or, when there is no such name, as written: the stand-in for the
    /// browser's HTML parser.
    pub(crate) fn decode(names: &str) -> String {
        html_escape::decode_html_entities(names).into_owned()
    }
}

/// Runs `work` at once: there is no page to wait for.
pub fn when_idle(work: impl FnOnce() + 'static) {
    work();
}

/// Never runs `work`: there are no frames; the hook that asks treats a server as painted.
pub fn after_paint(work: impl FnOnce() + 'static) -> impl Sized {
    work
}

/// Never runs `work`: server-side rendering runs no effects.
pub fn every(seconds: u32, work: impl FnMut() + 'static) -> impl Sized {
    let _ = seconds;
    work
}

/// There is no clipboard: `done` hears that nothing was copied.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let _ = text;
    done(false);
}

/// There is nothing to crash into a card natively.
pub fn install_crash_card() {}

/// Whether the browser draws frames: not natively, so a list is whole from its first render.
pub const DRAWS_FRAMES: bool = false;

/// The plural category of `count` in the language `tag`, by CLDR's rules (the crate
/// `intl_pluralrules`); English's for a language it doesn't know.
pub fn plural(tag: &str, count: usize) -> Plural {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let rules = tag
        .parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok());
    let category = rules.and_then(|rules| rules.select(count).ok());
    match category {
        Some(PluralCategory::ZERO) => Plural::Zero,
        Some(PluralCategory::ONE) => Plural::One,
        Some(PluralCategory::TWO) => Plural::Two,
        Some(PluralCategory::FEW) => Plural::Few,
        Some(PluralCategory::MANY) => Plural::Many,
        Some(PluralCategory::OTHER) => Plural::Other,
        None if count == 1 => Plural::One,
        None => Plural::Other,
    }
}

/// `count` in plain digits: the stand-in for the browser's `Intl.NumberFormat`.
pub fn number(_tag: &str, count: usize) -> String {
    count.to_string()
}

/// How long ago `date` is, in English: the stand-in for `Intl.RelativeTimeFormat`.
pub fn relative_date(_lang: &Lang, date: DateTime<Utc>, now: DateTime<Utc>) -> String {
    date::relative(date, now)
}

/// The exact time, in English: the stand-in for `Intl.DateTimeFormat`.
pub fn exact_date(_lang: &Lang, date: DateTime<Utc>) -> String {
    date::exact(date)
}

/// A day, in English: the stand-in for `Intl.DateTimeFormat`.
pub fn day(_lang: &Lang, day: NaiveDate) -> String {
    date::day(day)
}

/// A day with its weekday, in English ("Friday, 12 Dec", then the year if `year`): the
/// stand-in for `Intl.DateTimeFormat`.
pub fn weekday(_lang: &Lang, day: NaiveDate, year: bool) -> String {
    let format = if year { "%A, %-d %b %Y" } else { "%A, %-d %b" };
    day.format(format).to_string()
}

/// A time where the fan is, in English: natively the zone is UTC, so it is the exact time.
pub fn local_time(lang: &Lang, date: DateTime<Utc>) -> String {
    exact_date(lang, date)
}

/// When `day` ends where the fan is: natively the zone is UTC (tests give
/// [`date::end_of_day`] a zone's rules of their own).
pub fn end_of_day(day: NaiveDate) -> DateTime<Utc> {
    date::end_of_day(day, |_| Utc.fix())
}
