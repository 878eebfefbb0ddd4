//! The rule that decides what a fan sees: which updates are cards and which placeholders.
//!
//! Everything here is pure so that the rule that keeps spoilers off the page can be tested
//! natively, for every level and kind, without a browser.

use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::config::Prefs;
use crate::feed::{Feed, Item};
use crate::progress::{self, ProgressBook, Season, ShowProgress};
use crate::types::{Kind, Level};

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
