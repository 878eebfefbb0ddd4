//! The list of cards and placeholders for the fan's choices, with the hidden count.
//!
//! Cards and placeholders are plain view functions rendered here: a component each would cost
//! a scope and scheduler work per entry on every change.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::{card, placeholder};
use crate::config::Prefs;
use crate::guards::Guards;
use crate::hooks::{use_focus_button, use_painted};
use crate::progress::ProgressBook;
use crate::spoiler::{self, Entry};
use crate::state::{self, SharedFeed};

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
}

/// "3 updates hidden above mild, 2 muted, 1 snoozed": each part only when it counts some.
fn hidden_note(view: &spoiler::View, level: crate::types::Level) -> String {
    let above = view.hidden - view.muted - view.snoozed;
    let parts = [
        (above > 0).then(|| format!("{} hidden above {level}", state::updates(above, ""))),
        (view.muted > 0).then(|| format!("{} muted", view.muted)),
        (view.snoozed > 0).then(|| format!("{} snoozed", view.snoozed)),
    ];
    parts.into_iter().flatten().collect::<Vec<_>>().join(", ")
}

/// Cards newest first; above-level updates as placeholders; a count of what is hidden. The
/// card whose id is `props.focus` is focused; until the first frame is painted, only the first
/// [`FIRST_FRAME`] entries are rendered.
#[function_component]
pub fn CardList(props: &CardListProps) -> Html {
    let button = use_focus_button(props.focus.clone());
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
    let hidden_note = (view.hidden > 0).then(|| hidden_note(&view, props.prefs.level));
    let can_reveal = props.can_reveal.then_some(&props.on_reveal);
    // Entries are keyed by item; inside, a card's and a placeholder's article have keys of
    // their own, so a level switch or a reveal replaces the article whole instead of patching
    // one into the other node by node, and keeps the `<li>`.
    let entries = view.entries.into_iter().take(shown).map(|entry| match entry {
        Entry::Shown { item, revealed } => {
            let focus = props.focus.as_deref() == Some(item.id.as_str());
            html! {
                <li class="sf-list__item" key={item.id.as_str()}>
                    { card(item, props.now, revealed, &props.on_conceal, focus.then_some(&button)) }
                </li>
            }
        }
        Entry::Hidden(item) => html! {
            <li class="sf-list__item" key={item.id()}>
                { placeholder(&item, props.now, can_reveal) }
            </li>
        },
    });
    let on_more = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <section class="sf-results" aria-label="Updates">
            if let Some(note) = hidden_note {
                <p class="sf-hidden-count" data-testid="hidden-count">{ note }</p>
            }
            if total == 0 {
                <p class="sf-empty" data-testid="empty">{
                    if props.feed.items.is_empty() { "This feed has no updates yet" } else { "No updates match these filters" }
                }</p>
            } else if view.hidden == total {
                <p class="sf-empty" data-testid="empty">{
                    if view.muted + view.snoozed == 0 { "No updates at this level yet" } else { "No updates to show past your muted words and snoozes" }
                }</p>
            }
            <ul class="sf-list" aria-busy={(!painted).then_some("true")}>
                { for entries }
            </ul>
            if total > props.limit && painted {
                <button type="button" class="sf-button sf-more" onclick={on_more}>
                    { format!("Show more ({} left)", total - props.limit) }
                </button>
            }
        </section>
    }
}
