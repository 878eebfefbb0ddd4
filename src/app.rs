//! The app: one widget per feed and the view that puts the components together.
//!
//! The state is one reducer ([`crate::state`]); the effects are named hooks
//! ([`crate::hooks`]); what it renders are components ([`crate::components`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    card_list, live_region, progress_code, skeleton, CardList, ErrorCard, Filters, LevelPicker,
    MutePanel, ProgressPicker, SnoozePanel,
};
use crate::config::Prefs;
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
use crate::progress::{self, ProgressBook, ShowProgress};
use crate::snippet::{self, EmbedChoice};
use crate::spoiler;
use crate::state::{Action, SharedFeed, State, Status};

mod props;

pub use props::{AppProps, PAGE_SIZE};

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
    let state = use_widget_state(props);
    // The progress code's paste field.
    let import_field = use_node_ref();
    let emit = emitter(props);
    use_feed(
        props.feed_url.clone(),
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
        props.feed_url.clone(),
        props.fixed_choices(),
        state.prefs.clone(),
        state.dispatcher(),
    );
    // What the feed says about its shows, worked out once per feed rather than per render.
    let shows = use_memo(state.feed.clone(), |feed| ShowLists::of(feed.as_deref()));
    use_progress(
        state.feed.clone(),
        (props.progress, props.overrides.show.clone()),
        shows.watchable.clone(),
        loaded_event(props, &state, emit.clone()),
        state.dispatcher(),
    );
    use_guards(props.mute.clone(), state.dispatcher());
    use_words(props.lang.clone(), state.dispatcher());
    use_stored_guards(state.records(), state.stored.clone());
    use_error_event(state.status.clone(), emit.clone());
    // The list's heading: focus goes there when the banner the fan pressed goes away.
    let list_heading = use_node_ref();

    let lang = &props.lang;
    let class = classes!(
        "spoilerfeed",
        props.embedded.then_some("spoilerfeed--embedded")
    );
    if lang.waiting().is_some() {
        // The feed loads meanwhile; nothing is shown in English before the words are in.
        return html! {
            <div {class} lang={lang.tag().to_owned()} dir={lang.dir()}>{ skeleton(lang) }</div>
        };
    }
    let feed = state.feed.as_deref();
    html! {
        <div {class} lang={lang.tag().to_owned()} dir={lang.dir()}>
            if !props.embedded {
                <h1 class="sf-heading" lang={feed_lang(feed, lang)}>
                    { feed.map_or_else(|| lang.text(Msg::ShowNews).into(), |feed| lang.feed_title(&feed.title)) }
                </h1>
            }
            { controls(props, &state, &shows, emit, &import_field) }
            { live_region(state.announcement.clone()) }
            { list_area(props, &state, &list_heading) }
            if let Some(widget_base) = props.widget_base.clone() {
                { tools_links(props, &widget_base, &state.prefs) }
            }
        </div>
    }
}

/// A callback that dispatches the action `make` builds from what it is given.
fn make_callback<T: 'static>(
    state: &UseReducerHandle<State>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(make(value)))
}

/// The widget's state, started with the feed's stored choices and the stored guards.
#[hook]
fn use_widget_state(props: &AppProps) -> UseReducerHandle<State> {
    let overrides = props.fixed_choices();
    let feed_url = props.feed_url.clone();
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
}

/// Tells the host page about a failed load.
#[hook]
fn use_error_event(status: Status, emit: Emit) {
    use_effect_with(status, move |status| {
        if let Status::Failed(error) = status {
            emit(WidgetEvent::Error(error.clone()));
        }
    });
}

/// Tells the host page about the widget's events, when it listens.
type Emit = Rc<dyn Fn(WidgetEvent)>;

/// The host page's listener as a plain function.
fn emitter(props: &AppProps) -> Emit {
    let on_event = props.on_event.clone();
    Rc::new(move |event: WidgetEvent| {
        if let Some(on_event) = &on_event {
            on_event.emit(event);
        }
    })
}

/// What to tell the host about the loaded feed once its progress is known: the counts the
/// fan sees.
fn loaded_event(
    props: &AppProps,
    state: &State,
    emit: Emit,
) -> Callback<(SharedFeed, ProgressBook)> {
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
}

/// The controls over the list: the level, the guards, the filters and the watch progress.
fn controls(
    props: &AppProps,
    state: &UseReducerHandle<State>,
    shows: &ShowLists,
    emit: Emit,
    import_field: &NodeRef,
) -> Html {
    let lang = &props.lang;
    let locked = props
        .lock_level
        .map(|level| AttrValue::from(lang.say(Msg::LockedLevel, &[("level", lang.level(level))])));
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
    html! {
        <div class="sf-controls">
            <LevelPicker level={state.prefs.level} {locked} on_change={on_level} />
            { guards_row(state, shows) }
            // A new component once the feed is in, so the show picker is rendered with the
            // cards: Yew renders new components first and may let the browser paint before
            // it updates existing ones, which would move everything under the filters.
            <Filters
                key={if state.feed.is_some() { "feed" } else { "loading" }}
                kinds={state.prefs.kinds}
                shows={shows.all.clone()}
                show={state.prefs.show.clone().map(AttrValue::from)}
                on_toggle_kind={make_callback(state, Action::ToggleKind)}
                on_show={make_callback(state, Action::SetShow)}
            />
            if !shows.watchable.is_empty() {
                { watches(lang, state, shows, import_field) }
            }
        </div>
    }
}

/// The muted words and the snoozed shows.
fn guards_row(state: &UseReducerHandle<State>, shows: &ShowLists) -> Html {
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
    let on_unsnooze = make_callback(state, Action::Unsnooze);
    html! {
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
    }
}

/// A progress picker per show the fan can follow, and the progress code.
fn watches(
    lang: &Lang,
    state: &UseReducerHandle<State>,
    shows: &ShowLists,
    import_field: &NodeRef,
) -> Html {
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
    // The show whose air dates the feed lists: a pace can follow only those.
    let feed_dates = state
        .feed
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
    html! {
        <div class="sf-watches">
            { for pickers }
            { progress_code(lang, progress::export_code(&state.progress).into(), &on_import, import_field) }
        </div>
    }
}

/// Under the controls: what went wrong, the saved copy's note, the new-updates banner and
/// the list (or its skeleton while loading).
fn list_area(props: &AppProps, state: &UseReducerHandle<State>, list_heading: &NodeRef) -> Html {
    let lang = &props.lang;
    let on_show_new = {
        let dispatcher = state.dispatcher();
        let heading = list_heading.clone();
        Callback::from(move |_: MouseEvent| {
            card_list::focus(&heading);
            dispatcher.dispatch(Action::ShowNew);
        })
    };
    let page = props.page_size;
    html! {
        <>
            if let Status::Failed(error) = &state.status {
                <ErrorCard
                    error={error.clone()}
                    showing_last_good={state.feed.is_some() && state.saved_at.is_none()}
                    on_retry={make_callback(state, |()| Action::Retry)}
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
            if let Some(feed) = state.feed.clone() {
                if feed.skipped > 0 {
                    <p class="sf-skipped" data-testid="skipped">{ skipped_note(lang, feed.skipped) }</p>
                }
                <CardList
                    {feed}
                    prefs={props.shown_prefs(&state.prefs)}
                    now={state.now}
                    progress={state.progress.clone()}
                    guards={props.shown_guards(&state.guards)}
                    limit={state.limit}
                    focus={state.focus.clone().map(AttrValue::from)}
                    can_reveal={props.lock_level.is_none()}
                    on_reveal={make_callback(state, Action::Reveal)}
                    on_conceal={make_callback(state, Action::Conceal)}
                    on_more={make_callback(state, move |()| Action::ShowMore(page))}
                    step={page}
                    heading={list_heading.clone()}
                />
            } else if state.status == Status::Loading {
                { skeleton(lang) }
            }
        </>
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
