//! Spoiler levels, update kinds, and the rule that decides what a fan sees.
//!
//! Everything here is pure so that the rule that keeps spoilers off the page can be tested
//! natively, for every level and kind, without a browser.

use std::fmt;
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::config::Prefs;
use crate::feed::{Feed, Item};
use crate::progress::{self, ProgressBook, Season, ShowProgress};

/// How much of the story an update gives away, from nothing to the ending.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Production, scheduling, business: nothing about the story.
    #[default]
    None,
    /// Who is in it and how it feels: cast, tone, episode count.
    Mild,
    /// Story set-up: trailers, settings, returning characters.
    Moderate,
    /// Plot points, deaths, twists, endings.
    Major,
}

impl Level {
    /// Every level, least spoiling first.
    pub const ALL: [Level; 4] = [Level::None, Level::Mild, Level::Moderate, Level::Major];

    /// Reads a level keyword as written in feeds, queries and attributes.
    pub fn parse(value: &str) -> Option<Level> {
        let value = value.trim();
        Level::ALL
            .into_iter()
            .find(|level| level.key().eq_ignore_ascii_case(value))
    }

    /// The keyword used in feeds, queries and storage.
    pub fn key(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Mild => "mild",
            Level::Moderate => "moderate",
            Level::Major => "major",
        }
    }

    /// The name shown to fans.
    pub fn label(self) -> &'static str {
        match self {
            Level::None => "None",
            Level::Mild => "Mild",
            Level::Moderate => "Moderate",
            Level::Major => "Major",
        }
    }

    /// One line saying what this level lets through.
    pub fn description(self) -> &'static str {
        match self {
            Level::None => "Production and release news only",
            Level::Mild => "Also cast, tone and episode details",
            Level::Moderate => "Also trailers, settings and returning characters",
            Level::Major => "Everything, including plot points and endings",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What an update is about; decides the card's own block and the filter chips.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Filming and post-production progress.
    Production,
    /// New cast members.
    Cast,
    /// Release windows and dates.
    Release,
    /// Anything else, including kinds this widget does not know.
    Other,
}

impl Kind {
    /// Every kind, in the order the filter chips show them.
    pub const ALL: [Kind; 4] = [Kind::Production, Kind::Cast, Kind::Release, Kind::Other];

    /// Reads a kind keyword; `None` for a keyword this widget does not know.
    pub fn parse(value: &str) -> Option<Kind> {
        let value = value.trim();
        Kind::ALL
            .into_iter()
            .find(|kind| kind.key().eq_ignore_ascii_case(value))
    }

    /// The keyword used in feeds, queries and storage.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Production => "production",
            Kind::Cast => "cast",
            Kind::Release => "release",
            Kind::Other => "other",
        }
    }

    /// The label on cards, placeholders and chips.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Production => "Production",
            Kind::Cast => "Cast",
            Kind::Release => "Release",
            Kind::Other => "News",
        }
    }

    /// The noun used in announcements ("Revealed: cast update").
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Production => "production update",
            Kind::Cast => "cast update",
            Kind::Release => "release update",
            Kind::Other => "news update",
        }
    }
}

/// A set of kinds, stored as a list of keywords.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindSet(u8);

impl Default for KindSet {
    fn default() -> Self {
        KindSet::all()
    }
}

impl KindSet {
    /// Every kind: nothing filtered out.
    pub fn all() -> Self {
        Kind::ALL.into_iter().collect()
    }

    /// Reads a comma-separated list such as `cast,release`; unknown words are ignored and a
    /// list with no known kind gives `None`.
    pub fn parse(list: &str) -> Option<Self> {
        let kinds: KindSet = list.split(',').filter_map(Kind::parse).collect();
        (kinds.0 != 0).then_some(kinds)
    }

    /// One bit per kind, by its place in the enum (which is the order of [`Kind::ALL`]).
    fn bit(kind: Kind) -> u8 {
        1 << kind as u8
    }

    /// Whether updates of this kind are listed.
    pub fn contains(&self, kind: Kind) -> bool {
        self.0 & KindSet::bit(kind) != 0
    }

    /// Whether no kind is filtered out.
    pub fn is_all(&self) -> bool {
        *self == KindSet::all()
    }

    /// The kinds in the set, in the order of [`Kind::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL
            .into_iter()
            .filter(move |kind| self.contains(*kind))
    }

    /// A chip press: from "every kind" it narrows to that kind; otherwise it adds or removes
    /// the kind, and removing the last one lists every kind again.
    pub fn toggle(&mut self, kind: Kind) {
        if self.is_all() {
            self.0 = KindSet::bit(kind);
        } else {
            self.0 ^= KindSet::bit(kind);
        }
        if self.0 == 0 {
            *self = KindSet::all();
        }
    }

    /// The comma-separated form used in queries and attributes.
    pub fn to_query(&self) -> String {
        self.iter().map(Kind::key).collect::<Vec<_>>().join(",")
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(kinds: I) -> Self {
        KindSet(
            kinds
                .into_iter()
                .fold(0, |bits, kind| bits | KindSet::bit(kind)),
        )
    }
}

impl KindSet {
    /// The kinds of a stored list; an empty list lists every kind, as removing the last chip
    /// does.
    pub fn from_stored(kinds: impl IntoIterator<Item = Kind>) -> Self {
        let kinds: KindSet = kinds.into_iter().collect();
        if kinds.0 == 0 {
            KindSet::all()
        } else {
            kinds
        }
    }
}

/// An item above the fan's level. Only its spoiler-free fields can be read through this
/// type, so a placeholder cannot render a title, text, link, image or tag by mistake.
#[derive(Clone, Debug)]
pub struct Concealed(Rc<Item>, Option<(progress::Point, ShowProgress)>);

impl PartialEq for Concealed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

impl Concealed {
    /// Wraps an item that must not be shown.
    pub fn new(item: &Rc<Item>) -> Self {
        Concealed(Rc::clone(item), None)
    }

    /// Why the fan's watch progress doesn't unlock it ("Spoils S4E9: you're at S4E7"); worded
    /// only for the placeholders actually rendered.
    pub fn progress_reason(&self) -> Option<String> {
        self.1
            .map(|(spoils, progress)| progress::reason(spoils, &progress))
    }

    /// The item's id, for the reveal action (never rendered: ids are often article URLs).
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// The item's kind.
    pub fn kind(&self) -> Kind {
        self.0.kind()
    }

    /// The show it is about.
    pub fn show(&self) -> Option<&str> {
        self.0.show.as_deref()
    }

    /// When it was published.
    pub fn date(&self) -> Option<DateTime<Utc>> {
        self.0.date
    }

    /// The publisher's spoiler-free headline.
    pub fn safe_title(&self) -> Option<&str> {
        self.0.safe_title.as_deref()
    }

    /// How much it spoils.
    pub fn level(&self) -> Level {
        self.0.level
    }
}

/// One entry of the list the fan sees.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry<'a> {
    /// A full card; `revealed` when it is above the level and shown by the fan's choice.
    Shown {
        /// The update.
        item: &'a Rc<Item>,
        /// Whether the fan revealed it by hand.
        revealed: bool,
    },
    /// A placeholder: only the item's safe fields may be rendered.
    Hidden(Concealed),
}

/// What the fan sees for a feed and their choices.
#[derive(Debug, Default, PartialEq)]
pub struct View<'a> {
    /// The entries, newest first, after the kind and show filters.
    pub entries: Vec<Entry<'a>>,
    /// How many of the entries are placeholders.
    pub hidden: usize,
}

impl View<'_> {
    /// How many of the entries are full cards.
    pub fn shown(&self) -> usize {
        self.entries.len() - self.hidden
    }
}

/// Builds the list for the fan's choices: filters by kind and show, then hides what is
/// above the level unless revealed.
pub fn view<'a>(feed: &'a Feed, prefs: &Prefs) -> View<'a> {
    view_with_progress(feed, prefs, &ProgressBook::new(), DateTime::default())
}

/// The fan's progress in an item's show, with the item's `spoils` point, if it has one.
fn progress_of(item: &Item, book: &ProgressBook) -> Option<(progress::Point, ShowProgress)> {
    let spoils = item.spoils?;
    let progress = item
        .show
        .as_ref()
        .and_then(|show| book.get(show))
        .copied()
        .unwrap_or_default();
    Some((spoils, progress))
}

/// Whether the fan's progress unlocks an item.
fn unlocked(item: &Item, feed: &Feed, book: &ProgressBook, now: DateTime<Utc>) -> bool {
    // Most items have no `spoils` point: answer for them before comparing show names, which
    // every level switch would otherwise do for every item of the feed.
    let Some((spoils, progress)) = progress_of(item, book) else {
        return false;
    };
    // The feed's episode list is its own show's: another show's season lengths and air dates
    // are unknown.
    let seasons: &[Season] = if item.show.is_some() && item.show == feed.show {
        &feed.episodes
    } else {
        &[]
    };
    progress::unlocks(spoils, &progress, seasons, now)
}

/// The items the kind and show filters list, newest first.
fn listed<'a: 'p, 'p>(feed: &'a Feed, prefs: &'p Prefs) -> impl Iterator<Item = &'a Rc<Item>> + 'p {
    feed.items
        .iter()
        .filter(|item| prefs.kinds.contains(item.kind()))
        .filter(|item| match &prefs.show {
            Some(show) => item.show.as_deref() == Some(show.as_str()),
            None => true,
        })
}

/// How the fan sees a listed item: the one rule, for the list and for the counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sight {
    /// Within the level, or unlocked by the fan's progress.
    Shown,
    /// Above the level and not unlocked, but revealed by hand.
    Revealed,
    /// Above the level: a placeholder.
    Hidden,
}

/// How the fan sees `item`. The cheap test first: an item within the level needs neither the
/// fan's progress nor the revealed set looked up.
fn sight(
    item: &Item,
    feed: &Feed,
    prefs: &Prefs,
    book: &ProgressBook,
    now: DateTime<Utc>,
) -> Sight {
    if item.level <= prefs.level || unlocked(item, feed, book, now) {
        Sight::Shown
    } else if prefs.revealed.contains(&item.id) {
        Sight::Revealed
    } else {
        Sight::Hidden
    }
}

/// How many full cards the fan sees: [`view_with_progress`]'s count, without building the
/// list (announcements compare counts before and after a change).
pub fn shown_count(feed: &Feed, prefs: &Prefs, book: &ProgressBook, now: DateTime<Utc>) -> usize {
    listed(feed, prefs)
        .filter(|item| sight(item, feed, prefs, book, now) != Sight::Hidden)
        .count()
}

/// Like [`view`], and an update whose `spoils` point the fan has watched past is shown
/// whatever its level: progress only ever unlocks, never hides.
pub fn view_with_progress<'a>(
    feed: &'a Feed,
    prefs: &Prefs,
    book: &ProgressBook,
    now: DateTime<Utc>,
) -> View<'a> {
    let mut hidden = 0;
    let entries = listed(feed, prefs)
        .map(|item| match sight(item, feed, prefs, book, now) {
            Sight::Shown => Entry::Shown {
                item,
                revealed: false,
            },
            Sight::Revealed => Entry::Shown {
                item,
                revealed: true,
            },
            Sight::Hidden => {
                hidden += 1;
                Entry::Hidden(Concealed(Rc::clone(item), progress_of(item, book)))
            }
        })
        .collect();
    View { entries, hidden }
}
