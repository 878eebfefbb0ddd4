//! The rule that decides what a fan sees: which updates are cards and which placeholders.
//! Everything here is pure so that the rule that keeps spoilers off the page can be tested
//! natively, for every level and kind, without a browser.

use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::config::Prefs;
use crate::feed::{Feed, Item};
use crate::guards::{Guard, Guards};
use crate::progress::{self, Point, ProgressBook, Season, ShowProgress};
use crate::types::{Kind, Level};

/// An item above the fan's level, or hidden by one of the fan's guards. Only its
/// spoiler-free fields can be read through this type, so a placeholder cannot render a title,
/// text, link, image or tag by mistake.
#[derive(Clone, Debug)]
pub struct Concealed {
    item: Rc<Item>,
    hold: Option<Hold>,
    guard: Option<Guard>,
    safe_title_clean: bool,
}

impl PartialEq for Concealed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.item, &other.item)
            && self.hold == other.hold
            && self.guard == other.guard
            && self.safe_title_clean == other.safe_title_clean
    }
}

/// What holds an update back when the fan's watch progress is the reason.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hold {
    /// The point of the show it spoils.
    pub spoils: Point,
    /// How far the fan has watched that show.
    pub progress: ShowProgress,
}

impl Concealed {
    /// Wraps an item that must not be shown.
    pub fn new(item: &Rc<Item>) -> Self {
        Concealed {
            item: Rc::clone(item),
            hold: None,
            guard: None,
            safe_title_clean: true,
        }
    }

    /// Wraps an item that a guard hides; `safe_title_clean` says whether its safe title is
    /// free of muted words.
    pub fn guarded(item: &Rc<Item>, guard: Guard, safe_title_clean: bool) -> Self {
        Concealed {
            item: Rc::clone(item),
            hold: None,
            guard: Some(guard),
            safe_title_clean,
        }
    }

    /// The guard that hides it, if one does (then its reason is the guard's, not the level).
    pub fn guard(&self) -> Option<Guard> {
        self.guard
    }

    /// Why the fan's watch progress doesn't unlock it ("Spoils S4E9: you're at S4E7"); worded
    /// only for the placeholders actually rendered.
    pub fn progress_reason(&self) -> Option<String> {
        self.hold
            .map(|hold| progress::reason(hold.spoils, &hold.progress))
    }

    /// The point it spoils and the fan's progress, when progress is what holds it back.
    pub fn progress_hold(&self) -> Option<Hold> {
        self.hold
    }

    /// The item's id, for the reveal action (never rendered: ids are often article URLs).
    pub fn id(&self) -> &str {
        &self.item.id
    }

    /// The item's kind.
    pub fn kind(&self) -> Kind {
        self.item.kind()
    }

    /// The language its text (its safe headline) is in, if the feed says.
    pub fn language(&self) -> Option<&Rc<str>> {
        self.item.language.as_ref()
    }

    /// The show it is about; not for a snoozed show, whose placeholders show only kind and
    /// date.
    pub fn show(&self) -> Option<&str> {
        self.item
            .show
            .as_deref()
            .filter(|_| self.guard != Some(Guard::Snoozed))
    }

    /// When it was published.
    pub fn date(&self) -> Option<DateTime<Utc>> {
        self.item.date
    }

    /// The publisher's spoiler-free headline: not when it mentions a muted word, nor for a
    /// snoozed show.
    pub fn safe_title(&self) -> Option<&str> {
        self.item
            .safe_title
            .as_deref()
            .filter(|_| self.safe_title_clean && self.guard != Some(Guard::Snoozed))
    }

    /// How much it spoils.
    pub fn level(&self) -> Level {
        self.item.level
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
    /// How many of the placeholders hide a muted word.
    pub muted: usize,
    /// How many of the placeholders are of a snoozed show.
    pub snoozed: usize,
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
fn progress_of(item: &Item, book: &ProgressBook) -> Option<Hold> {
    let spoils = item.spoils?;
    let progress = item
        .show
        .as_ref()
        .and_then(|show| book.get(show))
        .copied()
        .unwrap_or_default();
    Some(Hold { spoils, progress })
}

/// Whether the fan's progress unlocks an item.
fn unlocked(item: &Item, feed: &Feed, book: &ProgressBook, now: DateTime<Utc>) -> bool {
    // Most items have no `spoils` point: answer for them before comparing show names, which
    // every level switch would otherwise do for every item of the feed.
    let Some(Hold { spoils, progress }) = progress_of(item, book) else {
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
    /// Hidden by one of the fan's guards, whatever its level.
    Guarded(Guard),
}

/// How the fan sees `item`. The cheap test first: an item within the level needs neither the
/// fan's progress nor the revealed set looked up. A guard only ever turns what would be shown
/// into a placeholder; it never shows what the level and progress hide.
fn sight(
    item: &Item,
    feed: &Feed,
    prefs: &Prefs,
    book: &ProgressBook,
    guards: &Guards,
    now: DateTime<Utc>,
) -> Sight {
    let sight = if item.level <= prefs.level || unlocked(item, feed, book, now) {
        Sight::Shown
    } else if prefs.revealed.contains(&item.id) {
        Sight::Revealed
    } else {
        Sight::Hidden
    };
    match guards.guard(item, now) {
        Some(guard) if !guards.passed.contains(&item.id) => Sight::Guarded(guard),
        // Let through by hand: a revealed card, which the fan can hide again.
        Some(_) if sight == Sight::Shown => Sight::Revealed,
        _ => sight,
    }
}

/// Whether an item's safe title may be shown on its placeholder: not when it names a muted
/// word, which would say what the fan muted.
fn clean_safe_title(item: &Item, guards: &Guards) -> bool {
    item.safe_title
        .as_deref()
        .is_none_or(|title| !guards.mutes.mentions(item.show.as_deref(), title))
}

/// How many full cards the fan sees: [`view_with_progress`]'s count, without building the
/// list (announcements compare counts before and after a change).
pub fn shown_count(feed: &Feed, prefs: &Prefs, book: &ProgressBook, now: DateTime<Utc>) -> usize {
    guarded_counts(feed, prefs, book, &Guards::default(), now).0
}

/// How many full cards the fan sees with the guards, and how many updates are muted:
/// [`view_guarded`]'s counts, without building the list.
pub fn guarded_counts(
    feed: &Feed,
    prefs: &Prefs,
    book: &ProgressBook,
    guards: &Guards,
    now: DateTime<Utc>,
) -> (usize, usize) {
    listed(feed, prefs).fold((0, 0), |(shown, muted), item| {
        match sight(item, feed, prefs, book, guards, now) {
            Sight::Shown | Sight::Revealed => (shown + 1, muted),
            Sight::Guarded(Guard::Muted) => (shown, muted + 1),
            Sight::Hidden | Sight::Guarded(Guard::Snoozed) => (shown, muted),
        }
    })
}

/// Like [`view`], and an update whose `spoils` point the fan has watched past is shown
/// whatever its level: progress only ever unlocks, never hides.
pub fn view_with_progress<'a>(
    feed: &'a Feed,
    prefs: &Prefs,
    book: &ProgressBook,
    now: DateTime<Utc>,
) -> View<'a> {
    view_guarded(feed, prefs, book, &Guards::default(), now)
}

/// Like [`view_with_progress`], with the fan's guards: an update of a snoozed show, or one
/// that mentions a muted word, is a placeholder whatever its level and progress.
pub fn view_guarded<'a>(
    feed: &'a Feed,
    prefs: &Prefs,
    book: &ProgressBook,
    guards: &Guards,
    now: DateTime<Utc>,
) -> View<'a> {
    let (mut hidden, mut muted, mut snoozed) = (0, 0, 0);
    let entries = listed(feed, prefs)
        .map(|item| match sight(item, feed, prefs, book, guards, now) {
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
                Entry::Hidden(Concealed {
                    item: Rc::clone(item),
                    hold: progress_of(item, book),
                    guard: None,
                    safe_title_clean: clean_safe_title(item, guards),
                })
            }
            Sight::Guarded(guard) => {
                hidden += 1;
                match guard {
                    Guard::Muted => muted += 1,
                    Guard::Snoozed => snoozed += 1,
                }
                Entry::Hidden(Concealed::guarded(
                    item,
                    guard,
                    clean_safe_title(item, guards),
                ))
            }
        })
        .collect();
    View {
        entries,
        hidden,
        muted,
        snoozed,
    }
}
