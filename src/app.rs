//! The app: one widget per feed, its props, and the view that puts the components together.
//!
//! The state is one reducer ([`crate::state`]); the effects are named hooks
//! ([`crate::hooks`]); what it renders are components ([`crate::components`]).

use yew::prelude::*;

use crate::classify::Rules;
use crate::components::{
    card_list, live_region, progress_code, skeleton, CardList, ErrorCard, Filters, LevelPicker,
    MutePanel, ProgressPicker, SnoozePanel,
};
use crate::config::{self, Overrides, Prefs, Settings, Theme};
use crate::error::Error;
use crate::event::WidgetEvent;
use crate::feed;
use crate::guards::{self, Scope, SnoozeFor};
use crate::hooks::{
    use_clock, use_feed, use_guards, use_progress, use_refresh, use_stored_choices,
    use_stored_guards, use_words,
};
use crate::i18n::{Lang, Msg};
use crate::platform;
use crate::progress::{self, ProgressBook, ShowProgress, Watched};
use crate::snippet::{self, EmbedChoice};
use crate::spoiler;
use crate::state::{Action, SharedFeed, State, Status};
use crate::types::Level;

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
    /// The host page's tag maps and default level, over the feed's own.
    #[prop_or_default]
    pub rules: Rules,
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
    /// Where the widget's files are served from, for the links to the site owner's tools
    /// page; they are offered only on the standalone page.
    #[prop_or_default]
    pub widget_base: Option<AttrValue>,
    /// The page's theme: the embed-code builder's first choice.
    #[prop_or_default]
    pub theme: Theme,
    /// The language the widget speaks (chosen by the page or element it is mounted on).
    #[prop_or_default]
    pub lang: Lang,
    /// Words and phrases the host page mutes for every show; not stored, and not the fan's
    /// to remove.
    #[prop_or_default]
    pub mute: Vec<String>,
}

impl AppProps {
    /// The props for `feed_url` with the settings of a page's query or an element's
    /// attributes: the one place a widget's props are made.
    pub fn from_settings(feed_url: String, settings: Settings) -> Self {
        AppProps {
            feed_url: feed_url.into(),
            overrides: settings.overrides,
            lock_level: settings.lock_level,
            page_size: settings.max_items.unwrap_or(PAGE_SIZE),
            embedded: settings.embed,
            max_bytes: settings.max_bytes,
            rules: settings.rules,
            refresh: settings.refresh,
            progress: settings.progress,
            theme: settings.theme,
            mute: settings.mute,
            ..AppProps::default()
        }
    }

    /// The choices the page fixes; a locked level always wins.
    fn fixed_choices(&self) -> Overrides {
        Overrides {
            level: self.lock_level.or(self.overrides.level),
            ..self.overrides.clone()
        }
    }

    /// The guards the list is built from: under a locked level, nothing revealed by hand
    /// passes them either.
    fn shown_guards(&self, guards: &guards::Guards) -> guards::Guards {
        let mut guards = guards.clone();
        if self.lock_level.is_some() {
            guards.passed.clear();
        }
        guards
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
            rules: Rules::default(),
            refresh: None,
            progress: None,
            on_event: None,
            widget_base: None,
            theme: Theme::default(),
            lang: Lang::default(),
            mute: Vec::new(),
        }
    }
}

/// The widget. A new feed URL starts a fresh widget, with that feed's stored choices (and so
/// does a new language).
#[function_component]
pub fn App(props: &AppProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang.clone()}>
            // A new language starts the widget afresh too, so its announcements change with it.
            <Widget key={format!("{}\n{}", props.feed_url, props.lang.tag())} ..props.clone() />
        </ContextProvider<Lang>>
    }
}

/// One feed's widget: loads the feed, keeps the fan's choices, and renders the list.
#[function_component]
fn Widget(props: &AppProps) -> Html {
    let feed_url = props.feed_url.clone();
    let state = {
        let overrides = props.fixed_choices();
        let feed_url = feed_url.clone();
        let limit = props.page_size;
        let host_mutes = props.mute.clone();
        let lang = props.lang.clone();
        use_reducer_eq(move || {
            let stored = platform::stored_prefs(&feed_url);
            // The guards are read before the feed can arrive, so no update slips past them.
            let (mutes, snoozes) = guards::stored();
            State::new(overrides.apply(stored), limit, platform::now())
                .with_guards(mutes, snoozes, host_mutes)
                .speaking(lang)
        })
    };
    let focus = state.focus.clone().map(AttrValue::from);
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

    use_feed(
        feed_url.clone(),
        state.attempt,
        props.max_bytes,
        props.rules.clone(),
        // The offline copy is only read when there is nothing else to show.
        state.feed.is_some(),
        state.dispatcher(),
    );
    use_refresh(props.refresh, state.dispatcher());
    use_clock(state.watches_clock(), state.dispatcher());
    use_stored_choices(
        feed_url.clone(),
        props.fixed_choices(),
        state.prefs.clone(),
        state.dispatcher(),
    );
    // What the feed says about its shows, worked out once per feed rather than per render.
    let shows = use_memo(state.feed.clone(), |feed| ShowLists::of(feed.as_deref()));
    let on_loaded = {
        // The host is told about the loaded feed once its progress is known, with the counts
        // the fan sees.
        let emit = emit.clone();
        let prefs = props.shown_prefs(&state.prefs);
        let clock = state.now;
        let guards = state.guards.clone();
        Callback::from(move |(feed, book): (SharedFeed, ProgressBook)| {
            let view = spoiler::view_guarded(&feed, &prefs, &book, &guards, clock);
            emit(WidgetEvent::Load {
                title: feed.title.clone(),
                items: feed.items.len(),
                shown: view.shown(),
                hidden: view.hidden,
                skipped: feed.skipped,
            });
        })
    };
    use_progress(
        state.feed.clone(),
        (props.progress, props.overrides.show.clone()),
        shows.watchable.clone(),
        on_loaded,
        state.dispatcher(),
    );
    use_guards(props.mute.clone(), state.dispatcher());
    use_words(props.lang.clone(), state.dispatcher());
    use_stored_guards(state.records(), state.stored.clone());
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
            dispatcher.dispatch(Action::SetProgress(show, progress))
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
    // The list's heading: focus goes there when the banner the fan pressed goes away.
    let list_heading = use_node_ref();
    // Guard changes are applied by the reducer alone, and stored by `use_stored_guards`.
    let on_mute = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(scope, words): (Scope, String)| {
            dispatcher.dispatch(Action::Mute(scope, words))
        })
    };
    let on_unmute = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(scope, word): (Scope, String)| {
            dispatcher.dispatch(Action::Unmute(scope, word))
        })
    };
    let on_snooze = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(show, length): (String, SnoozeFor)| {
            let end = length.end(platform::now(), platform::end_of_day);
            dispatcher.dispatch(Action::Snooze(show, end));
        })
    };
    let on_unsnooze = dispatch(Action::Unsnooze);
    let on_show_new = {
        let dispatcher = state.dispatcher();
        let heading = list_heading.clone();
        Callback::from(move |_: MouseEvent| {
            card_list::focus(&heading);
            dispatcher.dispatch(Action::ShowNew);
        })
    };
    let on_more = {
        let dispatcher = state.dispatcher();
        let page = props.page_size;
        Callback::from(move |()| dispatcher.dispatch(Action::ShowMore(page)))
    };

    let feed = state.feed.clone();
    let heading = feed.as_ref().map(|feed| props.lang.feed_title(&feed.title));
    // The show whose air dates the feed lists: a pace can follow only those.
    let feed_dates = feed
        .as_ref()
        .filter(|feed| {
            feed.episodes
                .iter()
                .any(|season| !season.air_dates.is_empty())
        })
        .and_then(|feed| feed.show.clone());
    let pickers = shows.watchable.iter().zip(&shows.choices).map(|(show, choices)| {
        let progress = state.progress.get(show).copied().unwrap_or_default();
        let on_change = {
            let show = show.clone();
            on_progress.reform(move |progress| (show.clone(), progress))
        };
        let paced = feed_dates.as_deref() == Some(show.as_str());
        html! { <ProgressPicker show={show.clone()} choices={choices.clone()} {progress} {paced} {on_change} /> }
    });
    let lang = &props.lang;
    if lang.waiting().is_some() {
        // The feed loads meanwhile; nothing is shown in English before the words are in.
        return html! {
            <div class={classes!("spoilerfeed", props.embedded.then_some("spoilerfeed--embedded"))}
                lang={lang.tag().to_owned()} dir={lang.dir()}>
                { skeleton(lang) }
            </div>
        };
    }
    let locked = props
        .lock_level
        .map(|level| AttrValue::from(lang.say(Msg::LockedLevel, &[("level", lang.level(level))])));

    html! {
        <div class={classes!("spoilerfeed", props.embedded.then_some("spoilerfeed--embedded"))}
            lang={lang.tag().to_owned()} dir={lang.dir()}>
            if !props.embedded {
                <h1 class="sf-heading" lang={feed_lang(feed.as_deref(), lang)}>
                    { heading.unwrap_or_else(|| lang.text(Msg::ShowNews).into()) }
                </h1>
            }
            <div class="sf-controls">
                <LevelPicker level={state.prefs.level} {locked} on_change={on_level} />
                <div class="sf-guards-row">
                    <MutePanel
                        mutes={state.mutes.clone()}
                        host={state.host_mutes.clone()}
                        shows={shows.all.clone()}
                        {on_mute}
                        {on_unmute}
                    />
                    if !shows.all.is_empty() {
                        <SnoozePanel
                            shows={shows.all.clone()}
                            snoozes={state.guards.snoozes.clone()}
                            now={state.now}
                            {on_snooze}
                            {on_unsnooze}
                        />
                    }
                </div>
                // A new component once the feed is in, so the show picker is rendered with the
                // cards: Yew renders new components first and may let the browser paint before
                // it updates existing ones, which would move everything under the filters.
                <Filters
                    key={if feed.is_some() { "feed" } else { "loading" }}
                    kinds={state.prefs.kinds}
                    shows={shows.all.clone()}
                    show={state.prefs.show.clone().map(AttrValue::from)}
                    {on_toggle_kind}
                    {on_show}
                />
                if !shows.watchable.is_empty() {
                    <div class="sf-watches">
                        { for pickers }
                        { progress_code(lang, progress::export_code(&state.progress).into(), &on_import, &import_field) }
                    </div>
                }
            </div>
            { live_region(state.announcement.clone()) }
            if let Status::Failed(error) = &state.status {
                <ErrorCard
                    error={error.clone()}
                    showing_last_good={feed.is_some() && state.saved_at.is_none()}
                    {on_retry}
                />
            }
            if let Some(saved) = state.saved_at {
                <p class="sf-offline" data-testid="offline">
                    { saved_copy_note(lang, &state.status, platform::relative_date(lang, saved, state.now)) }
                </p>
            }
            if let Some((_, new)) = &state.pending {
                <div class="sf-new-slot">
                    <button type="button" class="sf-button sf-new" data-testid="new-updates" onclick={on_show_new}>
                        { lang.count(Msg::NewUpdates, *new, &[]) }
                    </button>
                </div>
            }
            if let Some(feed) = feed {
                if feed.skipped > 0 {
                    <p class="sf-skipped" data-testid="skipped">{ skipped_note(lang, feed.skipped) }</p>
                }
                <CardList
                    feed={feed.clone()}
                    prefs={props.shown_prefs(&state.prefs)}
                    now={state.now}
                    progress={state.progress.clone()}
                    guards={props.shown_guards(&state.guards)}
                    limit={state.limit}
                    {focus}
                    can_reveal={props.lock_level.is_none()}
                    {on_reveal}
                    {on_conceal}
                    {on_more}
                    step={props.page_size}
                    heading={list_heading.clone()}
                />
            } else if state.status == Status::Loading {
                { skeleton(lang) }
            }
            if let Some(widget_base) = props.widget_base.clone() {
                { tools_links(props, &widget_base, &state.prefs) }
            }
        </div>
    }
}

/// The standalone page's links to the site owner's tools page: the check page for its feed,
/// and the embed-code builder starting from what the fan sees.
fn tools_links(props: &AppProps, widget_base: &str, prefs: &Prefs) -> Html {
    let lang = &props.lang;
    let shown = EmbedChoice {
        widget_base: widget_base.to_owned(),
        feed: props.feed_url.to_string(),
        prefs: prefs.clone(),
        theme: props.theme,
        lock: props.lock_level.is_some(),
        rules: props.rules.clone(),
        // The tools page speaks the widget's language.
        lang: Some(lang.tag().to_owned()),
        mute: props.mute.clone(),
    };
    html! {
        <>
            <p class="sf-check-link">
                <a href={snippet::check_url(widget_base, &props.feed_url, &props.rules)} data-testid="check-link">
                    { lang.text(Msg::CheckLink) }
                </a>
                { lang.text(Msg::CheckLinkNote) }
            </p>
            <p class="sf-check-link">
                <a href={shown.builder_url()} data-testid="embed-link">{ lang.text(Msg::EmbedSummary) }</a>
            </p>
        </>
    }
}

/// The notice over a saved copy: "Offline" only when the network is what failed.
fn saved_copy_note(lang: &Lang, status: &Status, when: String) -> String {
    let msg = match status {
        Status::Failed(Error::Offline | Error::Network | Error::Timeout(_)) => Msg::OfflineFrom,
        _ => Msg::SavedCopy,
    };
    lang.say(msg, &[("when", &when)])
}

/// The feed's language for a `lang` attribute, when it isn't the widget's.
pub fn feed_lang(feed: Option<&feed::Feed>, lang: &Lang) -> Option<AttrValue> {
    let tag = feed?.language.as_deref()?;
    lang.differs_from(tag)
        .then(|| AttrValue::from(tag.to_owned()))
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
pub fn skipped_note(lang: &Lang, skipped: usize) -> String {
    lang.count(Msg::Skipped, skipped, &[])
}
