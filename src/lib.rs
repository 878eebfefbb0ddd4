//! spoilerfeed: a TV show's news as cards, with everything above the fan's spoiler level kept
//! off the page.
//!
//! The app is one reducer ([`state`]) rendered through components and view functions
//! ([`components`]) that only render what they are given; the feed
//! format ([`feed`]), the spoiler rule ([`spoiler`]) and the fan's choices ([`config`]) are pure
//! and tested natively. Browser-only glue (fetching, storage, mounting) is in [`web`].

pub mod components;
pub mod config;
pub mod date;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod error;
pub mod event;
pub mod feed;
pub mod progress;
pub mod spoiler;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod web;

use chrono::{DateTime, Utc};
use yew::prelude::*;

use components::card_list::CardListProps;
use components::error_card::ErrorCardProps;
use components::filters::FiltersProps;
use components::level_picker::LevelPickerProps;
use components::{
    card_list, error_card, filters, level_picker, live_region, progress_code, skeleton,
    use_focus_button, use_painted, EmbedBuilder, ProgressPicker,
};
use config::{Overrides, Prefs, Theme};
use error::Error;
use event::WidgetEvent;
use progress::{ProgressBook, ShowProgress, Watched};
use spoiler::Level;
use state::{Action, State, Status};

/// The allocator: talc is smaller in wasm than the default (dlmalloc) and as fast on the many
/// small allocations of reading a feed.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// How many entries are rendered before "Show more", unless the page says otherwise: a few
/// screens, so that a change of level or filter rebuilds only what a fan is about to see.
pub const PAGE_SIZE: usize = 50;

/// What the page tells one widget: which feed, and the choices it fixes.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AppProps {
    /// The feed's absolute URL; empty when the page gave none.
    pub feed_url: AttrValue,
    /// Choices the page fixes, over what is stored.
    #[prop_or_default]
    pub overrides: Overrides,
    /// The level the host site fixes; the picker is disabled and nothing can be revealed.
    #[prop_or_default]
    pub lock_level: Option<Level>,
    /// How many entries are rendered before "Show more".
    #[prop_or(PAGE_SIZE)]
    pub page_size: usize,
    /// Whether the widget runs in an iframe or element on another site (no page heading).
    #[prop_or_default]
    pub embedded: bool,
    /// The largest feed read, in bytes.
    #[prop_or(config::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// How often to look for new updates, in seconds.
    #[prop_or_default]
    pub refresh: Option<u32>,
    /// How far the fan has watched, when the host page knows it (for the feed's show, or
    /// the `show` the page picked); it wins over stored progress and isn't stored.
    #[prop_or_default]
    pub progress: Option<Watched>,
    /// Told about loads, errors and level changes, for the host page.
    #[prop_or_default]
    pub on_event: Option<Callback<WidgetEvent>>,
    /// Where the widget's files are served from, for the embed-code builder; the builder is
    /// offered only on the standalone page.
    #[prop_or_default]
    pub widget_base: Option<AttrValue>,
    /// The page's theme: the embed-code builder's first choice.
    #[prop_or_default]
    pub theme: Theme,
}

impl AppProps {
    /// The choices the page fixes; a locked level always wins.
    fn fixed_choices(&self) -> Overrides {
        Overrides {
            level: self.lock_level.or(self.overrides.level),
            ..self.overrides.clone()
        }
    }

    /// The choices the list is built from: under a locked level, updates the fan revealed
    /// elsewhere stay hidden too (they stay stored for when the level isn't locked).
    fn shown_prefs(&self, prefs: &Prefs) -> Prefs {
        let mut prefs = prefs.clone();
        if self.lock_level.is_some() {
            prefs.revealed.clear();
        }
        prefs
    }
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            feed_url: AttrValue::default(),
            overrides: Overrides::default(),
            lock_level: None,
            page_size: PAGE_SIZE,
            embedded: false,
            max_bytes: config::DEFAULT_MAX_BYTES,
            refresh: None,
            progress: None,
            on_event: None,
            widget_base: None,
            theme: Theme::default(),
        }
    }
}

/// The widget. A new feed URL starts a fresh widget, with that feed's stored choices.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    html! { <Widget key={props.feed_url.as_str()} ..props.clone() /> }
}

/// One feed's widget: loads the feed, keeps the fan's choices, and renders the list.
#[function_component]
fn Widget(props: &AppProps) -> Html {
    let feed_url = props.feed_url.clone();
    let state = {
        let overrides = props.fixed_choices();
        let feed_url = feed_url.clone();
        let limit = props.page_size;
        use_reducer_eq(move || State::new(overrides.apply(stored_prefs(&feed_url)), limit, now()))
    };
    let focus = state.focus.clone().map(AttrValue::from);
    let focus_button = use_focus_button(focus.clone());
    let painted = use_painted(state.feed.is_some());
    // The progress code's paste field.
    let import_field = use_node_ref();
    let emit = {
        let on_event = props.on_event.clone();
        move |event: WidgetEvent| {
            if let Some(on_event) = &on_event {
                on_event.emit(event);
            }
        }
    };

    {
        let dispatcher = state.dispatcher();
        let max_bytes = props.max_bytes;
        // The offline copy is only read when there is nothing else to show.
        let showing = state.feed.is_some();
        use_effect_with((feed_url.clone(), state.attempt), move |(url, _)| {
            #[cfg(target_arch = "wasm32")]
            let cancel = {
                let url = url.to_string();
                web::load_feed(url.clone(), max_bytes, move |result| match result {
                    Ok(feed) => dispatcher.dispatch(Action::Loaded(std::rc::Rc::new(feed), now())),
                    Err(error) => {
                        let copy = (!showing)
                            .then(|| web::offline_copy(&url))
                            .flatten()
                            .map(|(feed, saved)| (std::rc::Rc::new(feed), saved));
                        dispatcher.dispatch(Action::Failed(error, copy));
                    }
                })
            };
            #[cfg(not(target_arch = "wasm32"))]
            let cancel = {
                let _ = (url, dispatcher, max_bytes, showing);
                || ()
            };
            cancel
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.refresh, move |refresh| {
            #[cfg(target_arch = "wasm32")]
            let timer = refresh.map(|seconds| {
                gloo_timers::callback::Interval::new(seconds.saturating_mul(1000), move || {
                    dispatcher.dispatch(Action::Refresh)
                })
            });
            // Rendering on a server runs no effects; this keeps the types the same.
            #[cfg(not(target_arch = "wasm32"))]
            let timer = refresh.map(|_| dispatcher.clone());
            move || drop(timer)
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.fixed_choices(), move |overrides| {
            dispatcher.dispatch(Action::Override(overrides.clone()));
        });
    }
    {
        let feed_url = feed_url.clone();
        let fixed = props.fixed_choices();
        use_effect_with(state.prefs.clone(), move |prefs| {
            let prefs = prefs.clone();
            // Storage is synchronous I/O: a level switch or a reveal pays only for its render,
            // and the choice is written when the page is idle (or as it is left). What the page
            // fixed is not the fan's choice: it isn't stored over theirs.
            when_idle(move || {
                store_prefs(
                    &feed_url,
                    &fixed.keep_stored(&prefs, stored_prefs(&feed_url)),
                )
            });
        });
    }
    // What the feed says about its shows, worked out once per feed rather than per render.
    let shows = use_memo(state.feed.clone(), |feed| ShowLists::of(feed.as_deref()));
    {
        // Progress is read once the feed names its shows, and again whenever another widget
        // or tab changes it. The host is told about the loaded feed here, with the counts the
        // fan sees once progress is applied.
        let dispatcher = state.dispatcher();
        let emit = emit.clone();
        let prefs = props.shown_prefs(&state.prefs);
        let clock = state.now;
        let host = (props.progress, props.overrides.show.clone());
        let watchable = shows.watchable.clone();
        use_effect_with((state.feed.clone(), host), move |(feed, (host, show))| {
            let load = {
                let target = show
                    .clone()
                    .or_else(|| feed.as_ref().and_then(|feed| feed.show.clone()));
                let host = *host;
                move || progress_book(&watchable, host, target.as_deref())
            };
            let book = load();
            if let Some(feed) = feed {
                let view = spoiler::view_with_progress(feed, &prefs, &book, clock);
                emit(WidgetEvent::Load {
                    title: feed.title.clone(),
                    items: feed.items.len(),
                    shown: view.shown(),
                    hidden: view.hidden,
                    skipped: feed.skipped,
                });
            }
            dispatcher.dispatch(Action::ProgressLoaded(book));
            #[cfg(target_arch = "wasm32")]
            let listeners = web::on_progress_change(move || {
                dispatcher.dispatch(Action::ProgressLoaded(load()))
            });
            #[cfg(not(target_arch = "wasm32"))]
            let listeners = load;
            move || drop(listeners)
        });
    }
    {
        let emit = emit.clone();
        use_effect_with(state.status.clone(), move |status| {
            if let Status::Failed(error) = status {
                emit(WidgetEvent::Error(error.clone()));
            }
        });
    }

    let dispatch = |make: fn(String) -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |id: String| dispatcher.dispatch(make(id)))
    };
    let on_reveal = dispatch(Action::Reveal);
    let on_conceal = dispatch(Action::Conceal);
    let on_level = {
        let dispatcher = state.dispatcher();
        let previous = state.prefs.level;
        Callback::from(move |level| {
            dispatcher.dispatch(Action::SetLevel(level));
            if level != previous {
                emit(WidgetEvent::LevelChange { level, previous });
            }
        })
    };
    let on_toggle_kind = {
        let dispatcher = state.dispatcher();
        Callback::from(move |kind| dispatcher.dispatch(Action::ToggleKind(kind)))
    };
    let on_show = {
        let dispatcher = state.dispatcher();
        Callback::from(move |show| dispatcher.dispatch(Action::SetShow(show)))
    };
    let on_retry = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Retry))
    };
    let on_progress = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(show, progress): (String, ShowProgress)| {
            // Applied before it is stored: storing tells every widget, this one included, and
            // the announcement must compare with the progress from before.
            dispatcher.dispatch(Action::SetProgress(show.clone(), progress));
            store_progress(&show, &progress);
        })
    };
    let on_import = {
        let on_progress = on_progress.clone();
        Callback::from(move |code: String| {
            for entry in progress::import_code(&code) {
                on_progress.emit(entry);
            }
        })
    };
    let on_show_new = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ShowNew))
    };
    let on_more = {
        let dispatcher = state.dispatcher();
        let page = props.page_size;
        Callback::from(move |()| dispatcher.dispatch(Action::ShowMore(page)))
    };

    let feed = state.feed.clone();
    let heading = feed.as_ref().map(|feed| feed.title.clone());
    let pickers = shows.watchable.iter().zip(&shows.choices).map(|(show, choices)| {
        let progress = state.progress.get(show).copied().unwrap_or_default();
        let on_change = {
            let show = show.clone();
            on_progress.reform(move |progress| (show.clone(), progress))
        };
        html! { <ProgressPicker show={show.clone()} choices={choices.clone()} {progress} {on_change} /> }
    });
    let locked = props
        .lock_level
        .map(|level| AttrValue::from(format!("This site shows updates up to {level}.")));

    let mut root = html! {
        <div class="spoilerfeed">
            if !props.embedded {
                <h1 class="sf-heading">{ heading.unwrap_or_else(|| "Show news".into()) }</h1>
            }
            <div class="sf-controls">
                { level_picker(&LevelPickerProps { level: state.prefs.level, locked, on_change: on_level }) }
                { filters(&FiltersProps {
                    kinds: state.prefs.kinds,
                    shows: shows.all.clone(),
                    show: state.prefs.show.clone().map(AttrValue::from),
                    on_toggle_kind,
                    on_show,
                }) }
                if !shows.watchable.is_empty() {
                    <div class="sf-watches">
                        { for pickers }
                        { progress_code(progress::export_code(&state.progress).into(), &on_import, &import_field) }
                    </div>
                }
            </div>
            { live_region(state.announcement.clone()) }
            if let Status::Failed(error) = &state.status {
                { error_card(&ErrorCardProps {
                    error: error.clone(),
                    showing_last_good: feed.is_some() && state.saved_at.is_none(),
                    on_retry,
                }) }
            }
            if let Some(saved) = state.saved_at {
                <p class="sf-offline" data-testid="offline">
                    { saved_copy_note(&state.status, date::relative(saved, state.now)) }
                </p>
            }
            if let Some((_, new)) = &state.pending {
                <div class="sf-new-slot">
                    <button type="button" class="sf-button sf-new" data-testid="new-updates" onclick={on_show_new}>
                        { state::updates(*new, "new ") }
                    </button>
                </div>
            }
            if let Some(feed) = feed {
                if feed.skipped > 0 {
                    <p class="sf-skipped" data-testid="skipped">{ skipped_note(feed.skipped) }</p>
                }
                { card_list(&CardListProps {
                    feed: feed.clone(),
                    prefs: props.shown_prefs(&state.prefs),
                    now: state.now,
                    progress: state.progress.clone(),
                    limit: state.limit,
                    focus,
                    can_reveal: props.lock_level.is_none(),
                    on_reveal,
                    on_conceal,
                    on_more,
                }, &focus_button, painted) }
            } else if state.status == Status::Loading {
                { skeleton() }
            }
            if let Some(widget_base) = props.widget_base.clone() {
                <EmbedBuilder {widget_base} feed_url={feed_url.clone()} prefs={state.prefs.clone()} theme={props.theme} />
            }
        </div>
    };
    if props.embedded {
        components::set_class(&mut root, "spoilerfeed spoilerfeed--embedded");
    }
    root
}

/// The notice over a saved copy: "Offline" only when the network is what failed.
fn saved_copy_note(status: &Status, when: String) -> String {
    match status {
        Status::Failed(Error::Offline | Error::Network | Error::Timeout(_)) => {
            format!("Offline: showing updates from {when}")
        }
        _ => format!("Showing the updates saved {when}"),
    }
}

/// The feed's shows: every one (for the show filter), and those a fan can set progress for,
/// with each one's progress choices.
#[derive(PartialEq)]
struct ShowLists {
    all: Vec<AttrValue>,
    watchable: Vec<String>,
    choices: Vec<Vec<progress::Point>>,
}

impl ShowLists {
    fn of(feed: Option<&feed::Feed>) -> Self {
        let Some(feed) = feed else {
            return ShowLists {
                all: Vec::new(),
                watchable: Vec::new(),
                choices: Vec::new(),
            };
        };
        let watchable = feed.watchable_shows();
        ShowLists {
            all: feed
                .shows()
                .into_iter()
                .map(|show| AttrValue::from(show.to_owned()))
                .collect(),
            choices: watchable
                .iter()
                .map(|show| feed.watch_choices(show))
                .collect(),
            watchable,
        }
    }
}

/// "2 updates couldn't be read".
pub fn skipped_note(skipped: usize) -> String {
    format!("{} couldn't be read", state::updates(skipped, ""))
}

/// The current time.
pub fn now() -> DateTime<Utc> {
    #[cfg(target_arch = "wasm32")]
    {
        DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        DateTime::from(std::time::SystemTime::now())
    }
}

/// The choices stored for a feed, if any.
fn stored_prefs(feed_url: &str) -> Option<Prefs> {
    #[cfg(target_arch = "wasm32")]
    {
        web::stored_prefs(feed_url)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = feed_url;
        None
    }
}

/// The fan's progress for these shows: stored, with the host page's progress (if any) over
/// it for the `target` show (every show when there is none).
fn progress_book(shows: &[String], host: Option<Watched>, target: Option<&str>) -> ProgressBook {
    shows
        .iter()
        .map(|show| {
            #[cfg(target_arch = "wasm32")]
            let mut progress = web::stored_progress(show).unwrap_or_default();
            #[cfg(not(target_arch = "wasm32"))]
            let mut progress = ShowProgress::default();
            if let Some(watched) = host.filter(|_| target.is_none_or(|target| target == show)) {
                progress.watched = watched;
            }
            (show.clone(), progress)
        })
        .collect()
}

/// Stores a show's progress, for every widget and site on this origin.
fn store_progress(show: &str, progress: &ShowProgress) {
    #[cfg(target_arch = "wasm32")]
    web::store_progress(show, progress);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (show, progress);
}

/// Runs `work` when the page is idle, or as it is left; at once where there is no page.
fn when_idle(work: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    web::when_idle(work);
    #[cfg(not(target_arch = "wasm32"))]
    work();
}

/// Remembers the choices for a feed.
fn store_prefs(feed_url: &str, prefs: &Prefs) {
    #[cfg(target_arch = "wasm32")]
    web::store_prefs(feed_url, prefs);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (feed_url, prefs);
}

/// Runs once when the module starts, before any widget is mounted: a crash anywhere then
/// shows an error card instead of freezing the widget.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    web::install_crash_card();
}
