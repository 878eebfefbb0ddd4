//! What the page tells one widget: its props, made in one place from a page's or an
//! element's settings, and the choices and guards they fix.

use yew::prelude::*;

use crate::classify::Rules;
use crate::config::{self, Overrides, Prefs, Settings, Theme};
use crate::event::WidgetEvent;
use crate::guards;
use crate::i18n::Lang;
use crate::progress::Watched;
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
    pub(super) fn fixed_choices(&self) -> Overrides {
        Overrides {
            level: self.lock_level.or(self.overrides.level),
            ..self.overrides.clone()
        }
    }

    /// The guards the list is built from: under a locked level, nothing revealed by hand
    /// passes them either.
    pub(super) fn shown_guards(&self, guards: &guards::Guards) -> guards::Guards {
        let mut guards = guards.clone();
        if self.lock_level.is_some() {
            guards.passed.clear();
        }
        guards
    }

    /// The choices the list is built from: under a locked level, updates the fan revealed
    /// elsewhere stay hidden too (they stay stored for when the level isn't locked).
    pub(super) fn shown_prefs(&self, prefs: &Prefs) -> Prefs {
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
