//! The list of cards and placeholders for the fan's choices, with the hidden count.
//!
//! Cards and placeholders are plain view functions rendered here: a component each would cost
//! a scope and scheduler work per entry on every change.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::{card, placeholder};
use crate::config::Prefs;
use crate::guards::Guards;
use crate::hooks::{use_focus_button, use_painted};
use crate::i18n::{Lang, Msg};
use crate::progress::ProgressBook;
use crate::spoiler::{self, Entry};
use crate::state::SharedFeed;

/// Entries in a list's first frame: a screenful on a tall screen. The rest of the page follows
/// once the browser has painted them, so a feed's first cards show sooner.
pub const FIRST_FRAME: usize = 10;

/// Props of [`CardList`].
#[derive(Properties, PartialEq)]
pub struct CardListProps {
    /// The feed.
    pub feed: SharedFeed,
    /// The fan's choices.
    pub prefs: Prefs,
    /// The clock dates are shown against.
    pub now: DateTime<Utc>,
    /// The fan's watch progress per show.
    #[prop_or_default]
    pub progress: ProgressBook,
    /// The fan's guards: muted words and snoozed shows.
    #[prop_or_default]
    pub guards: Guards,
    /// How many entries to render before "Show more".
    pub limit: usize,
    /// The id of the card to focus (the one just revealed).
    #[prop_or_default]
    pub focus: Option<AttrValue>,
    /// Whether the fan may reveal hidden updates (not when the host site locks the level).
    #[prop_or(true)]
    pub can_reveal: bool,
    /// Called with an id to reveal.
    pub on_reveal: Callback<String>,
    /// Called with an id to hide again.
    pub on_conceal: Callback<String>,
    /// Called when the fan asks for more entries.
    pub on_more: Callback<()>,
    /// How many entries "Show more" adds: when it adds the last ones, its button goes, and
    /// focus moves to the list's heading rather than being lost.
    #[prop_or_default]
    pub step: usize,
    /// The list's heading, focused when a control the fan used goes away (the new-updates
    /// banner, the last "Show more").
    #[prop_or_default]
    pub heading: NodeRef,
}

/// "3 updates hidden above mild, 2 muted, 1 snoozed": each part only when it counts some.
fn hidden_note(lang: &Lang, view: &spoiler::View, level: crate::types::Level) -> String {
    let above = view.hidden - view.muted - view.snoozed;
    let parts = [
        (above > 0).then(|| lang.count(Msg::HiddenAbove, above, &[("level", lang.level(level))])),
        (view.muted > 0).then(|| lang.count(Msg::PartMuted, view.muted, &[])),
        (view.snoozed > 0).then(|| lang.count(Msg::PartSnoozed, view.snoozed, &[])),
    ];
    parts.into_iter().flatten().collect::<Vec<_>>().join(", ")
}

/// Why the list shows no card, when it shows none.
fn empty_note(no_items: bool, view: &spoiler::View) -> Option<Msg> {
    let total = view.entries.len();
    if total == 0 {
        Some(if no_items {
            Msg::NoUpdatesYet
        } else {
            Msg::NoMatch
        })
    } else if view.hidden == total {
        Some(if view.muted + view.snoozed == 0 {
            Msg::NoneAtLevel
        } else {
            Msg::NonePastGuards
        })
    } else {
        None
    }
}

/// Cards newest first; above-level updates as placeholders; a count of what is hidden. The
/// card whose id is `props.focus` is focused; until the first frame is painted, only the first
/// [`FIRST_FRAME`] entries are rendered.
#[function_component]
pub fn CardList(props: &CardListProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // Each item's text carries its own language (or the feed's) when it isn't the widget's.
    let text_lang = |language: Option<&Rc<str>>| {
        language
            .filter(|tag| lang.differs_from(tag))
            .map(|tag| AttrValue::from(Rc::clone(tag)))
    };
    let button = use_focus_button(props.focus.clone());
    // The update just hidden again, and how many times one was: its Reveal button takes the
    // focus the card's "Hide again" had, so the keyboard stays where it was.
    let concealed = use_state(|| (None::<String>, 0_u32));
    let on_conceal = {
        let (concealed, on_conceal) = (concealed.clone(), props.on_conceal.clone());
        Callback::from(move |id: String| {
            concealed.set((Some(id.clone()), concealed.1.wrapping_add(1)));
            on_conceal.emit(id);
        })
    };
    let painted = use_painted(true);
    let shown = if painted {
        props.limit
    } else {
        props.limit.min(FIRST_FRAME)
    };
    let view = spoiler::view_guarded(
        &props.feed,
        &props.prefs,
        &props.progress,
        &props.guards,
        props.now,
    );
    let total = view.entries.len();
    // Focused once its placeholder is rendered (the list may render before the reducer hides it).
    let reveal_button = use_focus_button(
        concealed
            .0
            .as_ref()
            .filter(|id| {
                view.entries
                    .iter()
                    .any(|entry| matches!(entry, Entry::Hidden(item) if item.id() == id.as_str()))
            })
            .map(|id| AttrValue::from(format!("{}:{id}", concealed.1))),
    );
    let hidden_note = (view.hidden > 0).then(|| hidden_note(&lang, &view, props.prefs.level));
    let empty = empty_note(props.feed.items.is_empty(), &view);
    let can_reveal = props.can_reveal.then_some(&props.on_reveal);
    // Entries are keyed by item; inside, a card's and a placeholder's article have keys of
    // their own, so a level switch or a reveal replaces the article whole instead of patching
    // one into the other node by node, and keeps the `<li>`.
    let entries = view.entries.into_iter().take(shown).map(|entry| match entry {
        Entry::Shown { item, revealed } => {
            let focus = props.focus.as_deref() == Some(item.id.as_str());
            html! {
                <li class="sf-list__item" key={item.id.as_str()}>
                    { card(&lang, text_lang(item.language.as_ref()).as_ref(), item, props.now, revealed, &on_conceal, focus.then_some(&button)) }
                </li>
            }
        }
        Entry::Hidden(item) => html! {
            <li class="sf-list__item" key={item.id()}>
                { placeholder(&lang, text_lang(item.language()).as_ref(), &item, props.now, can_reveal, (concealed.0.as_deref() == Some(item.id())).then_some(&reveal_button)) }
            </li>
        },
    });
    let last_page = total.saturating_sub(props.limit) <= props.step;
    let on_more = {
        let heading = props.heading.clone();
        props.on_more.reform(move |_: MouseEvent| {
            if last_page {
                focus(&heading);
            }
        })
    };
    html! {
        <section class="sf-results" aria-label={lang.text(Msg::Updates)}>
            // The cards' headings are h3: this one (for screen readers' heading lists) keeps
            // them one level under the page's h1 or a host page's h2.
            <h2 class="sf-visually-hidden" tabindex="-1" ref={props.heading.clone()}>{ lang.text(Msg::Updates) }</h2>
            if let Some(note) = hidden_note {
                <p class="sf-hidden-count" data-testid="hidden-count">{ note }</p>
            }
            if let Some(empty) = empty {
                <p class="sf-empty" data-testid="empty">{ lang.text(empty) }</p>
            }
            <ul class="sf-list" aria-busy={(!painted).then_some("true")}>
                { for entries }
            </ul>
            if total > props.limit && painted {
                <button type="button" class="sf-button sf-more" onclick={on_more}>
                    { lang.say(Msg::ShowMore, &[("n", &lang.number(total - props.limit))]) }
                </button>
            }
        </section>
    }
}

/// Moves focus to `node`, if it is rendered.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
