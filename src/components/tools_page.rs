//! The site owner's tools page (`tools.html`): the embed-code builder for a feed, starting
//! from the choices the standalone page's link carries, or with `check=1` the check page.
//! Only the tools' binary mounts it, so the fan's wasm leaves it out.

use yew::prelude::*;

use crate::classify::Rules;
use crate::components::{CheckPage, EmbedBuilder, ErrorCard};
use crate::config::{self, Overrides, Settings, Theme};
use crate::hooks::use_feed;
use crate::i18n::{Lang, Msg};
use crate::platform;
use crate::snippet;
use crate::state::{Action, State, Status};

/// What the tools page's query says: which feed, and where the builder starts.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ToolsProps {
    /// The feed's absolute URL.
    pub feed_url: AttrValue,
    /// Where the widget's files are served from, ending in `/`: the snippets point there.
    #[prop_or_default]
    pub widget_base: AttrValue,
    /// Whether to show the check page rather than the builder (`check=1`).
    #[prop_or_default]
    pub check: bool,
    /// The largest feed read, in bytes.
    #[prop_or(config::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// The page's tag maps and default level, over the feed's own.
    #[prop_or_default]
    pub rules: Rules,
    /// The fan's choices the builder starts from, over what is stored for the feed.
    #[prop_or_default]
    pub overrides: Overrides,
    /// Whether the level was locked where the link came from.
    #[prop_or_default]
    pub lock: bool,
    /// The builder's first theme.
    #[prop_or_default]
    pub theme: Theme,
    /// The host's muted words the builder starts with.
    #[prop_or_default]
    pub mute: Vec<String>,
    /// The language the page speaks.
    #[prop_or_default]
    pub lang: Lang,
}

impl Default for ToolsProps {
    fn default() -> Self {
        ToolsProps {
            feed_url: AttrValue::default(),
            widget_base: AttrValue::default(),
            check: false,
            max_bytes: config::DEFAULT_MAX_BYTES,
            rules: Rules::default(),
            overrides: Overrides::default(),
            lock: false,
            theme: Theme::default(),
            mute: Vec::new(),
            lang: Lang::default(),
        }
    }
}

impl ToolsProps {
    /// The props for `feed_url` with the settings of the page's query.
    pub fn from_settings(feed_url: String, widget_base: String, settings: Settings) -> Self {
        ToolsProps {
            feed_url: feed_url.into(),
            widget_base: widget_base.into(),
            check: settings.check,
            max_bytes: settings.max_bytes,
            rules: settings.rules,
            overrides: settings.overrides,
            lock: settings.lock_level.is_some(),
            theme: settings.theme,
            mute: settings.mute,
            lang: Lang::default(),
        }
    }
}

/// The tools page: the check page, or the builder. A new feed starts it afresh.
#[function_component]
pub fn ToolsPage(props: &ToolsProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang.clone()}>
            if props.check {
                <CheckPage
                    key={props.feed_url.as_str()}
                    feed_url={props.feed_url.clone()}
                    max_bytes={props.max_bytes}
                    rules={props.rules.clone()}
                />
            } else {
                <BuilderPage key={props.feed_url.as_str()} ..props.clone() />
            }
        </ContextProvider<Lang>>
    }
}

/// The embed-code builder for the feed: it loads the feed for its tags and own rules, and
/// links to the feed's check page.
#[function_component]
fn BuilderPage(props: &ToolsProps) -> Html {
    let lang = &props.lang;
    let state = {
        let (feed_url, overrides) = (props.feed_url.clone(), props.overrides.clone());
        use_reducer_eq(move || {
            let prefs = overrides.apply(platform::stored_prefs(&feed_url));
            State::new(prefs, 0, platform::now())
        })
    };
    use_feed(
        props.feed_url.clone(),
        state.attempt,
        props.max_bytes,
        props.rules.clone(),
        state.feed.is_some(),
        state.dispatcher(),
    );
    let tags = use_memo(state.feed.clone(), |feed| {
        feed.as_ref().map(|feed| feed.tags()).unwrap_or_default()
    });
    let on_retry = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Retry))
    };
    let check = snippet::check_url(&props.widget_base, &props.feed_url, &props.rules);
    html! {
        <div class="spoilerfeed sf-check" data-testid="tools-page" lang={lang.tag().to_owned()} dir={lang.dir()}>
            <h1 class="sf-heading">{ lang.text(Msg::ToolsHeading) }</h1>
            <p class="sf-check__url">{ lang.text(Msg::CkFeed) }<code>{ props.feed_url.clone() }</code></p>
            if let Status::Failed(error) = &state.status {
                <ErrorCard error={error.clone()} showing_last_good={state.feed.is_some()} {on_retry} />
            }
            <EmbedBuilder widget_base={props.widget_base.clone()} feed_url={props.feed_url.clone()}
                prefs={state.prefs.clone()} theme={props.theme} lock={props.lock} tags={tags.clone()}
                rules={props.rules.clone()} mute={props.mute.clone()}
                feed_rules={state.feed.as_ref().map(|feed| feed.rules.clone()).unwrap_or_default()} />
            <p class="sf-check-link">
                <a href={check} data-testid="check-link">{ lang.text(Msg::CheckLink) }</a>
                { lang.text(Msg::CheckLinkNote) }
            </p>
        </div>
    }
}
