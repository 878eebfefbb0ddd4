//! spoilerfeed: a TV show's news as cards, with everything above the fan's spoiler level kept
//! off the page.
//!
//! The app is one reducer ([`state`]) rendered by thin components ([`components`]); the feed
//! format ([`feed`]), the spoiler rule ([`spoiler`]) and the fan's choices ([`config`]) are pure
//! and tested natively. Browser-only glue (fetching, storage, mounting) is in [`web`].

pub mod components;
pub mod config;
pub mod date;
pub mod error;
pub mod feed;
pub mod spoiler;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod web;

use chrono::{DateTime, Utc};
use yew::prelude::*;

use components::{CardList, ErrorCard, Filters, LevelPicker, LiveRegion, Skeleton};
use config::{Overrides, Prefs};
use state::{Action, State, Status};

/// How many entries are rendered before "Show more".
pub const PAGE_SIZE: usize = 200;

/// What the page tells one widget: which feed, and the choices it fixes.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// The feed's absolute URL; empty when the page gave none.
    pub feed_url: AttrValue,
    /// Choices the page fixes, over what is stored.
    #[prop_or_default]
    pub overrides: Overrides,
    /// Whether the widget runs in an iframe or element on another site (no page heading).
    #[prop_or_default]
    pub embedded: bool,
}

/// The widget: loads the feed, keeps the fan's choices, and renders the list.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let feed_url = props.feed_url.clone();
    let state = {
        let overrides = props.overrides.clone();
        let feed_url = feed_url.clone();
        use_reducer_eq(move || State::new(overrides.apply(stored_prefs(&feed_url)), now()))
    };
    // Rendered entries grow with "Show more", and start over with another feed.
    let limit = use_state_eq(|| PAGE_SIZE);
    let focus = use_state_eq(|| None::<AttrValue>);

    {
        let dispatcher = state.dispatcher();
        use_effect_with((feed_url.clone(), state.attempt), move |(url, _)| {
            #[cfg(target_arch = "wasm32")]
            let cancel = web::load_feed(url.to_string(), move |result| match result {
                Ok(feed) => dispatcher.dispatch(Action::Loaded(std::rc::Rc::new(feed), now())),
                Err(error) => dispatcher.dispatch(Action::Failed(error)),
            });
            #[cfg(not(target_arch = "wasm32"))]
            let cancel = {
                let _ = (url, dispatcher);
                || ()
            };
            cancel
        });
    }
    {
        let feed_url = feed_url.clone();
        use_effect_with(state.prefs.clone(), move |prefs| {
            store_prefs(&feed_url, prefs)
        });
    }

    let dispatch = |make: fn(String) -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |id: String| dispatcher.dispatch(make(id)))
    };
    let on_reveal = {
        let reveal = dispatch(Action::Reveal);
        let focus = focus.clone();
        Callback::from(move |id: String| {
            focus.set(Some(AttrValue::from(id.clone())));
            reveal.emit(id);
        })
    };
    let on_conceal = dispatch(Action::Conceal);
    let on_level = {
        let dispatcher = state.dispatcher();
        Callback::from(move |level| dispatcher.dispatch(Action::SetLevel(level)))
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
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |()| limit.set(*limit + PAGE_SIZE))
    };

    let feed = state.feed.clone();
    let shows: Vec<AttrValue> = feed
        .as_ref()
        .map(|feed| {
            feed.shows()
                .into_iter()
                .map(|s| AttrValue::from(s.to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let heading = feed.as_ref().map(|feed| feed.title.clone());

    html! {
        <div class={classes!("spoilerfeed", props.embedded.then_some("spoilerfeed--embedded"))} id="spoilerfeed-app">
            if !props.embedded {
                <h1 class="sf-heading">{ heading.unwrap_or_else(|| "Show news".into()) }</h1>
            }
            <div class="sf-controls">
                <LevelPicker level={state.prefs.level} on_change={on_level} />
                <Filters
                    kinds={state.prefs.kinds.clone()}
                    {shows}
                    show={state.prefs.show.clone().map(AttrValue::from)}
                    {on_toggle_kind}
                    {on_show}
                />
            </div>
            <LiveRegion text={state.announcement.clone()} />
            if let Status::Failed(error) = &state.status {
                <ErrorCard error={error.clone()} showing_last_good={feed.is_some()} {on_retry} />
            }
            if let Some(feed) = feed {
                if feed.skipped > 0 {
                    <p class="sf-skipped" data-testid="skipped">{ skipped_note(feed.skipped) }</p>
                }
                <CardList
                    feed={feed.clone()}
                    prefs={state.prefs.clone()}
                    now={state.now}
                    limit={*limit}
                    focus={(*focus).clone()}
                    {on_reveal}
                    {on_conceal}
                    {on_more}
                />
            } else if state.status == Status::Loading {
                <Skeleton />
            }
        </div>
    }
}

/// "2 updates couldn't be read".
pub fn skipped_note(skipped: usize) -> String {
    if skipped == 1 {
        "1 update couldn't be read".into()
    } else {
        format!("{skipped} updates couldn't be read")
    }
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

/// Remembers the choices for a feed.
fn store_prefs(feed_url: &str, prefs: &Prefs) {
    #[cfg(target_arch = "wasm32")]
    web::store_prefs(feed_url, prefs);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (feed_url, prefs);
}

/// Starts the standalone page: mounts the widget on `#spoilerfeed` with the page's query.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    web::start();
}

/// Native builds have no page to mount on; the binary exists for the browser build.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}
