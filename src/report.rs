//! The check page's report for site owners: what the widget made of a feed, item by item,
//! and why, in plain words.
//! Pure: the check page only lays these rows out. An item's title is kept apart from what
//! identifies it (kind, date, safe title, place in the list), because the owner may be a fan
//! too: the page shows titles only when asked.

use crate::classify::{Origin, Rules, TagMap};
use crate::feed::{Feed, Item, Note, Skip, SkipReason};
use crate::i18n::{Lang, Msg};
use crate::platform;
use crate::types::{Kind, Level};

/// Everything the check page says about a feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The feed's title.
    pub title: String,
    /// The format's name ("JSON Feed", "RSS 2.0", ...).
    pub format: &'static str,
    /// How many items were read.
    pub items: usize,
    /// How many items were left out.
    pub skipped: usize,
    /// Why each was left out, one sentence each.
    pub skips: Vec<String>,
    /// The default level in effect, and whose it is.
    pub default_level: String,
    /// The tags mapped to levels, with whose map says so.
    pub tag_levels: Vec<RuleRow>,
    /// The tags mapped to kinds, with whose map says so.
    pub tag_kinds: Vec<RuleRow>,
    /// Every item, in the order the widget lists them.
    pub rows: Vec<Row>,
}

/// One mapped tag in effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleRow {
    /// The tag, trimmed and lowercased, as it is matched.
    pub tag: String,
    /// What it maps to (a level's or kind's name).
    pub value: &'static str,
    /// Whose map says so: "this page", "this page, over the feed's Mild" or "the feed".
    pub from: String,
}

/// One item, as the check page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Its place in the list, newest first, from 1.
    pub position: usize,
    /// The item's id (for the page's stable reference, never shown).
    pub id: String,
    /// Its kind.
    pub kind: Kind,
    /// Its level.
    pub level: Level,
    /// Why it has its level ("Own label", "Tag \"Casting\"", ...).
    pub level_reason: String,
    /// Why it has its kind.
    pub kind_reason: String,
    /// When it was published, in words; `None` when undated.
    pub date: Option<String>,
    /// Its spoiler-free headline, if it has one.
    pub safe_title: Option<String>,
    /// Its title; may spoil, so it is shown only when the owner asks.
    pub title: Option<String>,
    /// The levels at which it is shown ("Mild, Moderate, Major").
    pub shown_at: String,
    /// The levels at which it is hidden, or "never".
    pub hidden_at: String,
    /// What the reader forgave in it, one sentence each.
    pub notes: Vec<String>,
}

impl Report {
    /// The report on `feed` as read with the page's `host` rules over the feed's own, in
    /// English.
    pub fn of(feed: &Feed, host: &Rules) -> Report {
        Report::in_lang(feed, host, &Lang::default())
    }

    /// The report on `feed` as read with the page's `host` rules over the feed's own, in
    /// `lang`.
    pub fn in_lang(feed: &Feed, host: &Rules, lang: &Lang) -> Report {
        let mut skips: Vec<String> = feed
            .skips
            .iter()
            .map(|skip| skip_text(lang, skip))
            .collect();
        // A reader may count items it could not describe.
        let unexplained = feed.skipped.saturating_sub(feed.skips.len());
        if unexplained > 0 {
            skips.push(lang.count(Msg::CkMoreUnreadable, unexplained, &[]));
        }
        Report {
            title: lang.feed_title(&feed.title),
            format: feed.format.name(),
            items: feed.items.len(),
            skipped: feed.skipped,
            skips,
            default_level: default_text(lang, feed.rules.default_level, host.default_level),
            tag_levels: rule_rows(lang, &feed.rules.tag_levels, &host.tag_levels, &|level| {
                lang.level(level)
            }),
            tag_kinds: rule_rows(lang, &feed.rules.tag_kinds, &host.tag_kinds, &|kind| {
                lang.kind(kind)
            }),
            rows: feed
                .items
                .iter()
                .enumerate()
                .map(|(at, item)| Row::of(lang, at + 1, item))
                .collect(),
        }
    }
}

impl Row {
    /// The row of `item`, listed at `position`, in `lang`.
    pub fn of(lang: &Lang, position: usize, item: &Item) -> Row {
        let (shown, hidden): (Vec<Level>, Vec<Level>) = Level::ALL
            .into_iter()
            .partition(|level| *level >= item.level);
        Row {
            position,
            id: item.id.clone(),
            kind: item.kind(),
            level: item.level,
            level_reason: level_reason(lang, &item.level_from),
            kind_reason: kind_reason(lang, &item.kind_from),
            date: item.date.map(|date| platform::exact_date(lang, date)),
            safe_title: item.safe_title.clone(),
            title: item.title.clone(),
            shown_at: level_list(lang, &shown),
            hidden_at: if hidden.is_empty() {
                lang.text(Msg::CkNever).to_owned()
            } else {
                level_list(lang, &hidden)
            },
            notes: item
                .notes
                .iter()
                .map(|note| note_words(lang, note))
                .collect(),
        }
    }
}

/// Why an item has its level, in words.
pub fn level_reason(lang: &Lang, origin: &Origin) -> String {
    match origin {
        Origin::Own => lang.text(Msg::CkOwnLabel).to_owned(),
        Origin::Tag(tag) => lang.say(Msg::CkTagReason, &[("tag", tag.trim())]),
        Origin::Default => lang.text(Msg::CkDefaultReason).to_owned(),
        Origin::Unlabelled => lang.text(Msg::CkUnlabelled).to_owned(),
    }
}

/// Why an item has its kind, in words.
pub fn kind_reason(lang: &Lang, origin: &Origin) -> String {
    match origin {
        Origin::Own => lang.text(Msg::CkOwnLabel).to_owned(),
        Origin::Tag(tag) => lang.say(Msg::CkTagReason, &[("tag", tag.trim())]),
        Origin::Default | Origin::Unlabelled => {
            lang.say(Msg::CkNothingSaid, &[("kind", lang.kind(Kind::Other))])
        }
    }
}

/// What the reader forgave, in English words.
pub fn note_text(note: &Note) -> String {
    note_words(&Lang::default(), note)
}

/// What the reader forgave, in `lang`.
pub fn note_words(lang: &Lang, note: &Note) -> String {
    match note {
        Note::NoId => lang.text(Msg::CkNoId).to_owned(),
        Note::UnreadableDate(date) => lang.say(Msg::CkUnreadableDate, &[("date", date)]),
        Note::AssumedUtc(date) => lang.say(Msg::CkAssumedUtc, &[("date", date)]),
        Note::UnknownLevel(level) => lang.say(Msg::CkUnknownLevel, &[("level", level)]),
        Note::UnknownKind(kind) => lang.say(Msg::CkUnknownKind, &[("kind", kind)]),
        // Only the scheme is repeated: the rest of a link may name the twist.
        Note::UnsafeLink(link) => match scheme(link) {
            Some(scheme) => lang.say(Msg::CkUnsafeScheme, &[("scheme", scheme)]),
            None => lang.text(Msg::CkUnsafeLink).to_owned(),
        },
    }
}

/// Why an item was left out, in words.
pub fn skip_text(lang: &Lang, skip: &Skip) -> String {
    let why = lang.text(match &skip.reason {
        SkipReason::NotAnItem => Msg::CkNotAnItem,
        SkipReason::Empty => Msg::CkEmpty,
        // The id itself is not repeated: ids are often links that name the twist.
        SkipReason::DuplicateId(_) => Msg::CkDuplicate,
    });
    lang.say(
        Msg::CkSkip,
        &[("n", &lang.number(skip.position)), ("why", why)],
    )
}

/// The scheme a link starts with, when it has a plain one.
fn scheme(link: &str) -> Option<&str> {
    let (scheme, _) = link.trim().split_once(':')?;
    let plain = (1..=16).contains(&scheme.len())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    plain.then_some(scheme)
}

/// "None, Mild".
fn level_list(lang: &Lang, levels: &[Level]) -> String {
    levels
        .iter()
        .map(|level| lang.level(*level))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The default level in effect and whose it is.
fn default_text(lang: &Lang, feed: Option<Level>, host: Option<Level>) -> String {
    match (host, feed) {
        (Some(host), Some(feed)) if host != feed => lang.say(
            Msg::CkDefaultHostOverFeed,
            &[("host", lang.level(host)), ("feed", lang.level(feed))],
        ),
        (Some(host), _) => lang.say(Msg::CkDefaultHost, &[("host", lang.level(host))]),
        (None, Some(feed)) => lang.say(Msg::CkDefaultFeed, &[("feed", lang.level(feed))]),
        (None, None) => lang.text(Msg::CkDefaultNone).to_owned(),
    }
}

/// The tags mapped in effect (the page's map over the feed's), with whose map says so.
fn rule_rows<T: Copy + PartialEq>(
    lang: &Lang,
    feed: &TagMap<T>,
    host: &TagMap<T>,
    name: &dyn Fn(T) -> &'static str,
) -> Vec<RuleRow> {
    feed.overlaid(host)
        .iter()
        .map(|(tag, value)| RuleRow {
            tag: tag.to_owned(),
            value: name(value),
            from: match (host.get(tag), feed.get(tag)) {
                (Some(_), Some(theirs)) if theirs != value => {
                    lang.say(Msg::CkThisPageOver, &[("theirs", name(theirs))])
                }
                (Some(_), _) => lang.text(Msg::CkThisPage).to_owned(),
                (None, _) => lang.text(Msg::CkTheFeed).to_owned(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_scheme_is_repeated() {
        assert_eq!(scheme(" javascript:alert(1)"), Some("javascript"));
        assert_eq!(scheme("data:text/html,x"), Some("data"));
        assert_eq!(scheme("/the-hero-dies"), None);
        assert_eq!(scheme("the hero dies: a recap"), None);
    }
}
