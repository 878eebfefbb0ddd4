//! The widget's state and the one reducer that changes it.
//!
//! Pure, so every transition (including what the live region announces) is tested natively.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use yew::Reducible;

use crate::config::{Overrides, Prefs};
use crate::error::Error;
use crate::feed::Feed;
use crate::guards::{Guards, MuteBook, MuteList, Scope, SnoozeEnd, Snoozes};
use crate::i18n::{Lang, Msg};
use crate::progress::{ProgressBook, ShowProgress, Watched};
use crate::spoiler;
use crate::types::{Kind, Level};

/// A feed shared between renders without copying; compared by identity, which is cheap and
/// right because a feed is never changed after it is read.
#[derive(Clone, Debug)]
pub struct SharedFeed(pub Rc<Feed>);

impl PartialEq for SharedFeed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedFeed {
    type Target = Feed;
    fn deref(&self) -> &Feed {
        &self.0
    }
}

/// Where loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// A request is under way.
    Loading,
    /// The feed was read.
    Ready,
    /// The last attempt failed; any earlier feed is kept.
    Failed(Error),
}

/// Everything the widget shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The fan's choices.
    pub prefs: Prefs,
    /// The last feed that was read, kept through later failures.
    pub feed: Option<SharedFeed>,
    /// Where loading stands.
    pub status: Status,
    /// The clock the dates are shown against, taken when the feed arrived.
    pub now: DateTime<Utc>,
    /// What the polite live region says about the last change.
    pub announcement: String,
    /// Bumped by Retry and refreshes, so the loading effect runs again.
    pub attempt: u32,
    /// Whether the running request is a background refresh (its failure isn't shown, and
    /// new updates wait behind a banner).
    pub background: bool,
    /// A refreshed feed with new updates, waiting for the fan to ask for it.
    pub pending: Option<(SharedFeed, usize)>,
    /// When the shown feed was saved, if it is the offline copy.
    pub saved_at: Option<DateTime<Utc>>,
    /// The fan's watch progress per show.
    pub progress: ProgressBook,
    /// How many entries the list renders; grows with "Show more".
    pub limit: usize,
    /// The card to focus: focus moves to a card only right after its reveal, never when a
    /// filter brings it back.
    pub focus: Option<String>,
    /// The language of the announcements.
    pub lang: Lang,
    /// The words the fan muted (stored per origin).
    pub mutes: MuteBook,
    /// The words the host page muted (not stored, not the fan's to remove).
    pub host_mutes: Vec<String>,
    /// The guards in force: both lists of muted words, the snoozed shows, and what the fan
    /// revealed by hand from a guard's placeholder.
    pub guards: Guards,
    /// The fan's records as storage last held them (read at the start, or changed by another
    /// widget or tab): what differs from them is the fan's own change here, to be stored.
    pub stored: Records,
}

/// The fan's records that outlive a visit: muted words, snoozes and watch progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Records {
    /// The words the fan muted.
    pub mutes: MuteBook,
    /// The snoozed shows.
    pub snoozes: Snoozes,
    /// The watch progress per show.
    pub progress: ProgressBook,
}

impl State {
    /// A widget that has started loading, with the fan's choices, listing `limit` entries.
    pub fn new(prefs: Prefs, limit: usize, now: DateTime<Utc>) -> Self {
        State {
            prefs,
            feed: None,
            status: Status::Loading,
            now,
            announcement: String::new(),
            attempt: 0,
            background: false,
            pending: None,
            saved_at: None,
            progress: ProgressBook::new(),
            limit,
            focus: None,
            lang: Lang::default(),
            mutes: MuteBook::default(),
            host_mutes: Vec::new(),
            guards: Guards::default(),
            stored: Records::default(),
        }
    }

    /// The same state with these guards: the fan's muted words and snoozes, and the host
    /// page's muted words.
    pub fn with_guards(mut self, mutes: MuteBook, snoozes: Snoozes, host: Vec<String>) -> Self {
        self.stored.mutes = mutes.clone();
        self.stored.snoozes = snoozes.clone();
        self.mutes = mutes;
        self.host_mutes = host;
        self.guards.snoozes = snoozes;
        self.compile_mutes();
        self
    }

    /// The fan's records as they are now, with every change made here.
    pub fn records(&self) -> Records {
        Records {
            mutes: self.mutes.clone(),
            snoozes: self.guards.snoozes.clone(),
            progress: self.progress.clone(),
        }
    }

    /// Builds the muted words in force from the fan's and the host page's.
    fn compile_mutes(&mut self) {
        self.guards.mutes = MuteList::new(&self.mutes, &self.host_mutes);
    }

    /// Whether what the fan sees depends on the clock between loads: a snooze that ends at a
    /// date, or a show followed by what has aired.
    pub fn watches_clock(&self) -> bool {
        self.guards.snoozes.any_ends()
            || self
                .progress
                .values()
                .any(|progress| matches!(progress.watched, Watched::Aired(_) | Watched::CaughtUp))
    }

    /// The same state, announcing in `lang`.
    pub fn speaking(self, lang: Lang) -> Self {
        State { lang, ..self }
    }

    /// How many cards the fan would see with these choices.
    fn shown_with(&self, prefs: &Prefs) -> usize {
        self.counts_with(prefs).0
    }

    /// How many cards the fan would see with these choices, and how many updates are muted.
    fn counts_with(&self, prefs: &Prefs) -> (usize, usize) {
        self.feed.as_ref().map_or((0, 0), |feed| {
            spoiler::guarded_counts(feed, prefs, &self.progress, &self.guards, self.now)
        })
    }
}

/// Everything that changes the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A feed was read.
    Loaded(Rc<Feed>, DateTime<Utc>),
    /// Loading failed; the offline copy, if any, comes with it.
    Failed(Error, Option<(Rc<Feed>, DateTime<Utc>)>),
    /// Try loading again.
    Retry,
    /// Look for new updates in the background.
    Refresh,
    /// Show the new updates a refresh found.
    ShowNew,
    /// Pick a spoiler level.
    SetLevel(Level),
    /// Show or hide one kind.
    ToggleKind(Kind),
    /// Show one show, or every show.
    SetShow(Option<String>),
    /// Show one hidden item.
    Reveal(String),
    /// Hide a revealed item again.
    Conceal(String),
    /// The page fixed some choices (an attribute changed).
    Override(Overrides),
    /// The fan (or the host page) set how far they have watched a show.
    SetProgress(String, ShowProgress),
    /// Progress was read from storage, or changed in another widget or tab.
    ProgressLoaded(ProgressBook),
    /// List this many more entries.
    ShowMore(usize),
    /// The fan muted a word or phrase (or a comma-separated list of them).
    Mute(Scope, String),
    /// The fan unmuted a word.
    Unmute(Scope, String),
    /// Muted words and snoozes were read from storage, or changed in another widget or tab.
    GuardsLoaded(MuteBook, Snoozes),
    /// The host page's muted words changed.
    HostMutes(Vec<String>),
    /// The fan snoozed a show until a time.
    Snooze(String, SnoozeEnd),
    /// The fan ended a show's snooze.
    Unsnooze(String),
    /// The clock moved on: a snooze may have ended, or a pace let another episode through.
    Tick(DateTime<Utc>),
    /// The widget's language has its words now (its catalogue file came in, or failed).
    Speak(Lang),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let before = &*self;
        let said = action.clone();
        match action {
            Action::Loaded(feed, now) => loaded(before, &mut next, feed, now),
            Action::Failed(error, offline_copy) => failed(before, &mut next, error, offline_copy),
            Action::Retry => {
                next.status = Status::Loading;
                next.background = false;
                next.attempt += 1;
            }
            Action::Speak(lang) => next.lang = lang,
            Action::Tick(now) => {
                next.now = now;
                // Time only ever lets more through (snoozes end, paces move on): when nothing
                // more is shown, the widget keeps its state and doesn't render again.
                if next.shown_with(&next.prefs) <= before.shown_with(&before.prefs) {
                    return self;
                }
            }
            Action::Refresh => {
                if before.status == Status::Ready {
                    next.background = true;
                    next.attempt += 1;
                }
            }
            Action::ShowNew => {
                if let Some((feed, _)) = next.pending.take() {
                    next.feed = Some(feed);
                    next.saved_at = None;
                }
            }
            Action::SetLevel(level) => next.prefs.level = level,
            Action::ToggleKind(kind) => {
                next.focus = None;
                next.prefs.kinds.toggle(kind);
            }
            Action::SetShow(show) => {
                next.focus = None;
                next.prefs.show = show;
            }
            Action::Reveal(id) => {
                next.focus = Some(id.clone());
                // Past the guards too, for this visit: a reveal is on purpose, and once.
                next.guards.passed.insert(id.clone());
                next.prefs.revealed.insert(id);
            }
            Action::Conceal(id) => {
                next.focus = None;
                next.guards.passed.remove(&id);
                next.prefs.revealed.remove(&id);
            }
            Action::SetProgress(show, progress) => {
                next.progress.insert(show, progress);
            }
            Action::ProgressLoaded(book) => {
                next.stored.progress = book.clone();
                next.progress = book;
            }
            Action::Mute(scope, word) => {
                next.mutes.add(&scope, &word);
                next.compile_mutes();
            }
            Action::Unmute(scope, word) => {
                next.mutes.remove(&scope, &word);
                next.compile_mutes();
            }
            Action::GuardsLoaded(mutes, snoozes) => {
                next.stored.mutes = mutes.clone();
                next.stored.snoozes = snoozes.clone();
                next.mutes = mutes;
                next.guards.snoozes = snoozes;
                next.compile_mutes();
            }
            Action::HostMutes(words) => {
                next.host_mutes = words;
                next.compile_mutes();
            }
            Action::Snooze(show, end) => {
                next.guards.snoozes.snooze(&show, end);
            }
            Action::Unsnooze(show) => {
                next.guards.snoozes.unsnooze(&show);
            }
            Action::ShowMore(more) => next.limit = next.limit.saturating_add(more),
            Action::Override(overrides) => {
                next.prefs = overrides.apply(Some(next.prefs.clone()));
            }
        }
        if let Some(text) = announcement(before, &next, &said) {
            next.announcement = text;
        }
        Rc::new(next)
    }
}

/// A feed was read: shown at once, or, when a refresh found new updates, kept behind a banner.
fn loaded(before: &State, next: &mut State, feed: Rc<Feed>, now: DateTime<Utc>) {
    next.now = now;
    next.status = Status::Ready;
    next.background = false;
    let new = match (&before.feed, before.background && before.saved_at.is_none()) {
        (Some(shown), true) => new_items(shown, &feed),
        _ => 0,
    };
    if new > 0 {
        // Never move what the fan is reading: new updates wait behind a banner.
        next.pending = Some((SharedFeed(feed), new));
    } else {
        next.feed = Some(SharedFeed(feed));
        next.pending = None;
        next.saved_at = None;
    }
}

/// Loading failed: shown unless a background refresh failed, with the offline copy when
/// nothing else is on screen.
fn failed(
    before: &State,
    next: &mut State,
    error: Error,
    offline_copy: Option<(Rc<Feed>, DateTime<Utc>)>,
) {
    if before.background && before.feed.is_some() {
        // A failed background refresh changes nothing the fan sees.
        next.background = false;
    } else {
        next.status = Status::Failed(error);
        if let (None, Some((feed, saved))) = (&before.feed, offline_copy) {
            next.feed = Some(SharedFeed(feed));
            next.saved_at = Some(saved);
        }
    }
}

/// What the polite live region says about `action`, worked out from the state before and
/// after it; `None` keeps what it said last.
pub fn announcement(before: &State, after: &State, action: &Action) -> Option<String> {
    let lang = &before.lang;
    let shown = || {
        (
            before.shown_with(&before.prefs),
            after.shown_with(&after.prefs),
        )
    };
    let text = match action {
        Action::Loaded(..) => match &after.pending {
            Some((_, new)) if after.pending != before.pending => {
                lang.count(Msg::NewUpdatesAvailable, *new, &[])
            }
            _ => return None,
        },
        Action::Retry => lang.text(Msg::LoadingAgain).into(),
        Action::Tick(_) => {
            let (was, is) = shown();
            lang.count(Msg::NowShown, is.saturating_sub(was), &[])
        }
        Action::ShowNew if before.pending.is_some() => lang.text(Msg::NewShown).into(),
        Action::SetLevel(level) => {
            let (after_shown, muted) = after.counts_with(&after.prefs);
            let change = change_announcement(lang, shown().0, after_shown, *level);
            with_muted(lang, change, muted)
        }
        Action::ToggleKind(_) | Action::SetShow(_) => {
            let (shown, muted) = after.counts_with(&after.prefs);
            with_muted(lang, filter_announcement(lang, shown), muted)
        }
        Action::Reveal(id) => {
            let noun = before
                .feed
                .as_ref()
                .and_then(|feed| feed.items.iter().find(|item| &item.id == id))
                .map_or(lang.text(Msg::NounUpdate), |item| lang.noun(item.kind()));
            lang.say(Msg::Revealed, &[("noun", noun)])
        }
        Action::Conceal(_) => lang.text(Msg::HiddenAgain).into(),
        Action::SetProgress(..) => match shown() {
            (was, is) if was == is => lang.text(Msg::ProgressSaved).into(),
            (was, is) => change_announcement(lang, was, is, after.prefs.level),
        },
        // Nothing added: every word was muted already.
        Action::Mute(..) if after.mutes.len() == before.mutes.len() => {
            lang.text(Msg::AlreadyMuted).into()
        }
        Action::Mute(..) => muted_announcement(lang, after.counts_with(&after.prefs).1),
        Action::Unmute(..) => {
            let muted = muted_announcement(lang, after.counts_with(&after.prefs).1);
            lang.say(Msg::WordRemoved, &[("muted", &muted)])
        }
        Action::Snooze(show, _) => {
            let (was, is) = shown();
            lang.count(Msg::Snoozed, was.saturating_sub(is), &[("show", show)])
        }
        Action::Unsnooze(show) => lang.say(Msg::Unsnoozed, &[("show", show)]),
        Action::Override(_) if after.prefs.level != before.prefs.level => {
            let (was, is) = shown();
            change_announcement(lang, was, is, after.prefs.level)
        }
        _ => return None,
    };
    Some(text)
}

/// How many items of `fresh` the shown feed doesn't have.
fn new_items(shown: &Feed, fresh: &Feed) -> usize {
    let known: std::collections::HashSet<&str> =
        shown.items.iter().map(|item| item.id.as_str()).collect();
    fresh
        .items
        .iter()
        .filter(|item| !known.contains(item.id.as_str()))
        .count()
}

/// What a level change did, in words.
fn change_announcement(lang: &Lang, before: usize, after: usize, level: Level) -> String {
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => lang.count(Msg::MoreShown, after - before, &[]),
        std::cmp::Ordering::Less => lang.count(Msg::CountHidden, before - after, &[]),
        std::cmp::Ordering::Equal => lang.say(Msg::NothingChanged, &[("level", lang.level(level))]),
    }
}

/// "2 updates muted".
fn muted_announcement(lang: &Lang, muted: usize) -> String {
    lang.count(Msg::CountMuted, muted, &[])
}

/// An announcement, with how many updates are muted when some are ("3 updates shown, 2 muted").
fn with_muted(lang: &Lang, text: String, muted: usize) -> String {
    if muted == 0 {
        text
    } else {
        lang.count(Msg::WithMuted, muted, &[("text", &text)])
    }
}

/// What a filter change leaves, in words.
fn filter_announcement(lang: &Lang, shown: usize) -> String {
    lang.count(Msg::CountShown, shown, &[])
}
