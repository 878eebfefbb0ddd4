//! One way to build an [`Item`] from what a feed's entry said, the same for JSON Feed, RSS and
//! Atom: the id and its fallback, links checked, the date read, the level and kind labels
//! parsed, and each thing forgiven on the way noted in the same words.

use std::rc::Rc;

use chrono::{DateTime, Utc};

use super::{
    link, made_up_id, text, CastMember, Details, Item, Note, Production, ReadItem, Release,
    EXCERPT_CHARS,
};
use crate::classify::Origin;
use crate::date;
use crate::progress::Point;
use crate::types::{Kind, Level};

/// What an entry said, as its reader found it: texts already cleaned by the format's rules,
/// links, dates and labels as written (checked and read here).
#[derive(Debug, Default)]
pub struct RawItem {
    /// The id as written, cleaned; `None` when it gives none (or a blank one).
    pub id: Option<String>,
    /// What stands in for a missing id before a hash of the item: its link, as the format's
    /// reader has always keyed it (kept so that remembered reveals stay remembered).
    pub link_id: Option<String>,
    /// The article's link as written.
    pub url: Option<String>,
    /// The original source's link as written.
    pub external_url: Option<String>,
    /// A link the id gives (an RSS `guid` that is a permalink), used when `url` is not safe.
    pub permalink: Option<String>,
    /// The image's link as written.
    pub image: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The body as plain text, not yet shortened.
    pub text: String,
    /// The dates as written, published before modified: the first readable one counts.
    pub dates: Vec<String>,
    /// The spoiler level as written.
    pub level: Option<String>,
    /// The kind as written.
    pub kind: Option<String>,
    /// The kinds' own details, when the format gives them; the kind says which one counts.
    pub production: Option<Production>,
    /// The cast members, when the format gives them.
    pub cast: Vec<CastMember>,
    /// The release window, when the format gives one.
    pub release: Option<Release>,
    /// The item's tags.
    pub tags: Vec<String>,
    /// The authors' names.
    pub authors: Vec<String>,
    /// The show it names.
    pub show: Option<String>,
    /// Its spoiler-free headline.
    pub safe_title: Option<String>,
    /// The point after which it no longer spoils, as written.
    pub spoils: Option<WrittenPoint>,
    /// Its language as written.
    pub language: Option<String>,
}

/// A `spoils` point as written: a season and an optional episode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WrittenPoint {
    /// The season.
    pub season: Number,
    /// The episode.
    pub episode: Number,
}

/// A number as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Number {
    /// Left out (or blank, or null).
    #[default]
    Absent,
    /// A whole number.
    Whole(u64),
    /// Anything else.
    Other,
}

/// The longest value a note quotes, in characters.
pub const NOTE_CHARS: usize = 120;

/// A value as a note quotes it: one clean line, shortened.
pub fn as_written(raw: &str) -> String {
    text::shorten(text::clean_line(raw), NOTE_CHARS)
}

impl RawItem {
    /// The item, unless it has nothing to know it by: no id, link, title, date or text.
    /// `base` is the feed's own URL, for relative links.
    pub fn build(self, base: Option<&str>) -> Option<ReadItem> {
        let mut notes = Vec::new();
        let date = item_date(&self.dates, &mut notes);
        let id = match self.id {
            Some(id) => id,
            None => {
                // As feed readers do: the link, else a hash of what the item says.
                let id = match self.link_id {
                    Some(link) => link,
                    None if self.title.is_some() || date.is_some() || !self.text.is_empty() => {
                        made_up_id(self.title.as_deref(), date, &self.text)
                    }
                    None => return None,
                };
                notes.insert(0, Note::NoId);
                id
            }
        };
        let mut link = |raw: Option<String>| {
            let raw = raw?;
            let safe = link::safe_link(&raw, base);
            if safe.is_none() && !raw.trim().is_empty() {
                notes.push(Note::UnsafeLink(as_written(&raw)));
            }
            safe
        };
        let url = link(self.url).or_else(|| {
            let permalink = self.permalink?;
            link::safe_link(&permalink, None)
        });
        let (external_url, image) = (link(self.external_url), link(self.image));
        let level = label(
            self.level.as_deref(),
            Level::parse,
            Note::UnknownLevel,
            &mut notes,
        );
        let kind = label(
            self.kind.as_deref(),
            Kind::parse,
            Note::UnknownKind,
            &mut notes,
        );
        let details = match kind {
            Some(Kind::Production) => Details::Production(self.production.unwrap_or_default()),
            Some(Kind::Cast) => Details::Cast(self.cast),
            Some(Kind::Release) => Details::Release(self.release.unwrap_or_default()),
            Some(Kind::Other) | None => Details::Other,
        };
        let item = Item {
            id,
            title: self.title,
            text: text::shorten(self.text, EXCERPT_CHARS),
            url,
            external_url,
            image,
            date,
            authors: self.authors,
            tags: self.tags,
            show: self.show,
            // Set by `finish`, with the feed's rules.
            level: Level::Major,
            details,
            safe_title: self.safe_title,
            spoils: self.spoils.and_then(WrittenPoint::point),
            level_from: Origin::Unlabelled,
            kind_from: Origin::Unlabelled,
            notes,
            // The feed's, when it has none, set by `finish`.
            language: self
                .language
                .as_deref()
                .and_then(crate::i18n::well_formed)
                .map(Rc::from),
        };
        Some(ReadItem { item, level, kind })
    }
}

/// A level or kind label read by `parse`; one that isn't known is noted with `note`.
fn label<T>(
    raw: Option<&str>,
    parse: fn(&str) -> Option<T>,
    note: fn(String) -> Note,
    notes: &mut Vec<Note>,
) -> Option<T> {
    let raw = raw?;
    let read = parse(raw);
    if read.is_none() {
        notes.push(note(as_written(raw)));
    }
    read
}

/// The date of an item: the first of `dates` that can be read, a time without a zone read as
/// UTC and noted; when none can, the first that isn't blank is noted as unreadable.
fn item_date(dates: &[String], notes: &mut Vec<Note>) -> Option<DateTime<Utc>> {
    let Some((read, raw)) = dates
        .iter()
        .find_map(|raw| Some((date::read_timestamp(raw)?, raw)))
    else {
        // A blank date is no date; anything else was meant as one.
        if let Some(raw) = dates.iter().find(|date| !date.trim().is_empty()) {
            notes.push(Note::UnreadableDate(as_written(raw)));
        }
        return None;
    };
    if read.zone_assumed {
        notes.push(Note::AssumedUtc(as_written(raw)));
    }
    Some(read.date)
}

impl WrittenPoint {
    /// The point: a season above zero, and an episode above zero when one is given.
    fn point(self) -> Option<Point> {
        let number = |number: Number| -> Option<Option<u32>> {
            match number {
                Number::Absent => Some(None),
                Number::Whole(n) => Some(Some(u32::try_from(n).ok().filter(|n| *n > 0)?)),
                Number::Other => None,
            }
        };
        Some(Point {
            season: number(self.season)??,
            episode: number(self.episode)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_needs_a_season_above_zero_and_a_whole_episode_if_any() {
        let point = |season, episode| WrittenPoint { season, episode }.point();
        let one = Some(Point {
            season: 1,
            episode: None,
        });
        assert_eq!(point(Number::Whole(1), Number::Absent), one);
        assert_eq!(point(Number::Whole(0), Number::Absent), None);
        assert_eq!(point(Number::Absent, Number::Whole(2)), None);
        assert_eq!(point(Number::Whole(1), Number::Other), None);
        assert_eq!(point(Number::Whole(u64::MAX), Number::Absent), None);
    }
}
