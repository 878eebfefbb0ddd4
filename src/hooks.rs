//! The widget's effects as named hooks: loading and refreshing the feed, keeping the fan's
//! choices, following and storing watch progress and the guards, and the list's focus and
//! first paint.
//! Their side effects go through [`crate::platform`] (focusing a button is the one DOM call
//! made here), so the same hooks render on a server (where effects don't run) and in the
//! browser.

use std::rc::Rc;

use yew::prelude::*;

use crate::classify::Rules;
use crate::config::{Overrides, Prefs};
use crate::guards;
use crate::i18n::Lang;
use crate::platform;
use crate::progress::{ProgressBook, ShowProgress, Watched};
use crate::state::{Action, Records, SharedFeed, State};

/// Loads the feed when the widget starts, at each retry or refresh (`attempt`) and when the
/// host page's `rules` change. When it
/// fails and nothing is on screen (`showing` is false), the offline copy is offered instead.
#[hook]
pub fn use_feed(
    feed_url: AttrValue,
    attempt: u32,
    max_bytes: u64,
    rules: Rules,
    showing: bool,
    dispatcher: UseReducerDispatcher<State>,
) {
    use_effect_with((feed_url, attempt, rules), move |(url, _, rules)| {
        let url = url.to_string();
        let offline_rules = rules.clone();
        platform::load_feed(
            url.clone(),
            max_bytes,
            rules.clone(),
            move |result| match result {
                Ok(feed) => dispatcher.dispatch(Action::Loaded(Rc::new(feed), platform::now())),
                Err(error) => {
                    let copy = (!showing)
                        .then(|| platform::offline_copy(&url, &offline_rules))
                        .flatten()
                        .map(|(feed, saved)| (Rc::new(feed), saved));
                    dispatcher.dispatch(Action::Failed(error, copy));
                }
            },
        )
    });
}

/// Keeps the announcements in the widget's language once its words are in.
#[hook]
pub fn use_words(lang: Lang, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(lang, move |lang| {
        dispatcher.dispatch(Action::Speak(lang.clone()))
    });
}

/// Asks for the feed again every `refresh` seconds, while there is a `refresh`.
#[hook]
pub fn use_refresh(refresh: Option<u32>, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(refresh, move |refresh| {
        let timer = refresh
            .map(|seconds| platform::every(seconds, move || dispatcher.dispatch(Action::Refresh)));
        move || drop(timer)
    });
}

/// How often the clock is looked at while a snooze or a pace depends on it, in seconds.
const CLOCK_SECONDS: u32 = 60;

/// Moves the widget's clock on every minute while what it shows depends on it (`watched`):
/// a snooze then ends at its time and a pace moves on as days pass, without a reload.
#[hook]
pub fn use_clock(watched: bool, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(watched, move |watched| {
        let timer = watched.then(|| {
            platform::every(CLOCK_SECONDS, move || {
                dispatcher.dispatch(Action::Tick(platform::now()))
            })
        });
        move || drop(timer)
    });
}

/// Keeps the fan's choices in step with the page and storage: what the page fixes is applied
/// whenever it changes, and the fan's own choices are stored as they change.
#[hook]
pub fn use_stored_choices(
    feed_url: AttrValue,
    fixed: Overrides,
    prefs: Prefs,
    dispatcher: UseReducerDispatcher<State>,
) {
    use_effect_with(fixed.clone(), move |overrides| {
        dispatcher.dispatch(Action::Override(overrides.clone()));
    });
    use_effect_with(prefs, move |prefs| {
        let prefs = prefs.clone();
        // Storage is synchronous I/O: a level switch or a reveal pays only for its render,
        // and the choice is written when the page is idle (or as it is left). What the page
        // fixed is not the fan's choice: it isn't stored over theirs.
        platform::when_idle(move || {
            platform::store_prefs(
                &feed_url,
                &fixed.keep_stored(&prefs, platform::stored_prefs(&feed_url)),
            )
        });
    });
}

/// Reads the fan's progress for the feed's `watchable` shows once the feed is in, and again
/// whenever another widget or tab changes it. `host` is the host page's progress, for the
/// page's `show` (else the feed's show); `loaded` hears of each new feed with its progress.
#[hook]
pub fn use_progress(
    feed: Option<SharedFeed>,
    host: (Option<Watched>, Option<String>),
    watchable: Vec<String>,
    loaded: Callback<(SharedFeed, ProgressBook)>,
    dispatcher: UseReducerDispatcher<State>,
) {
    use_effect_with((feed, host), move |(feed, (host, show))| {
        let load = {
            let target = show
                .clone()
                .or_else(|| feed.as_ref().and_then(|feed| feed.show.clone()));
            let host = *host;
            move || progress_book(&watchable, host, target.as_deref())
        };
        let book = load();
        if let Some(feed) = feed {
            loaded.emit((feed.clone(), book.clone()));
        }
        dispatcher.dispatch(Action::ProgressLoaded(book));
        let listeners = platform::on_progress_change(move || {
            dispatcher.dispatch(Action::ProgressLoaded(load()))
        });
        move || drop(listeners)
    });
}

/// Keeps the guards in step with storage and the page: the fan's muted words and snoozes are
/// read again whenever another widget or tab changes them, and the host page's muted words
/// are applied whenever they change.
#[hook]
pub fn use_guards(host_mutes: Vec<String>, dispatcher: UseReducerDispatcher<State>) {
    {
        let dispatcher = dispatcher.clone();
        use_effect_with(host_mutes, move |words| {
            dispatcher.dispatch(Action::HostMutes(words.clone()));
        });
    }
    use_effect_with((), move |()| {
        let listeners = platform::on_shared_change(guards::STORAGE_PREFIX, move || {
            let (mutes, snoozes) = guards::stored();
            dispatcher.dispatch(Action::GuardsLoaded(mutes, snoozes))
        });
        move || drop(listeners)
    });
}

/// Stores the fan's guards and progress as the reducer changes them (muted words, snoozes,
/// each show's progress: only the records that changed), which tells the other widgets and
/// tabs. What equals the `stored` records, as storage last held them, isn't written back: not
/// what was read at the start, nor another widget's change, nor the host page's progress.
#[hook]
pub fn use_stored_guards(records: Records, stored: Records) {
    let Records {
        mutes,
        snoozes,
        progress,
    } = records;
    use_effect_with(mutes, move |mutes| {
        if *mutes != stored.mutes {
            platform::store_shared(guards::MUTE_KEY, mutes);
        }
    });
    use_effect_with(snoozes, move |snoozes| {
        if *snoozes != stored.snoozes {
            // Snoozes that have ended are left out, so storage doesn't keep them.
            let mut snoozes = snoozes.clone();
            snoozes.prune(platform::now());
            platform::store_shared(guards::SNOOZE_KEY, &snoozes);
        }
    });
    use_effect_with(progress, move |book| {
        for (show, progress) in book {
            if stored.progress.get(show) != Some(progress) {
                platform::store_progress(show, progress);
            }
        }
    });
}

/// The fan's progress for these shows: stored, with the host page's progress (if any) over
/// it for the `target` show (every show when there is none).
fn progress_book(shows: &[String], host: Option<Watched>, target: Option<&str>) -> ProgressBook {
    shows
        .iter()
        .map(|show| {
            let mut progress: ShowProgress = platform::stored_progress(show).unwrap_or_default();
            if let Some(watched) = host.filter(|_| target.is_none_or(|target| target == show)) {
                progress.watched = watched;
            }
            (show.clone(), progress)
        })
        .collect()
}

/// The button to bind to the card whose id is `focus`; it is focused whenever that id changes
/// to one.
#[hook]
pub fn use_focus_button(focus: Option<AttrValue>) -> NodeRef {
    let button = use_node_ref();
    {
        let button = button.clone();
        use_effect_with(focus, move |focus| {
            if focus.is_some() {
                if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    button
}

/// Whether a list's first frame has been painted: false from when `shown` first holds until
/// the browser has painted that frame, so that the first render holds only a screenful
/// ([`FIRST_FRAME`](crate::components::card_list::FIRST_FRAME)). Rendering on a server has no
/// frames: there it is always true.
#[hook]
pub fn use_painted(shown: bool) -> bool {
    let painted = use_state_eq(|| !platform::DRAWS_FRAMES);
    {
        let painted = painted.setter();
        use_effect_with(shown, move |shown| {
            let pending = shown.then(|| platform::after_paint(move || painted.set(true)));
            // A list gone before its frame was painted leaves nothing behind.
            move || drop(pending)
        });
    }
    *painted
}
