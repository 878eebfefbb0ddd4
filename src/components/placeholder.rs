//! A placeholder for an update above the fan's level. It renders only what cannot spoil:
//! kind, show, date, the publisher's safe headline and the level.
//!
//! A plain view function, like [`card`](super::card()): a level switch turns many cards into
//! placeholders and back, and a component each would be torn down and built every time.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::{item_ref, meta};
use crate::guards::Guard;
use crate::spoiler::Concealed;

/// A muted card with no link, and a Reveal button calling `on_reveal` with the item's id when
/// one is given (not when the host site locks the level). Takes [`Concealed`], so only the
/// item's safe fields can be read.
pub fn placeholder(
    item: &Concealed,
    now: DateTime<Utc>,
    on_reveal: Option<&Callback<String>>,
) -> Html {
    let kind = item.kind();
    // A guard's reason never names the word or the level; progress says exactly what the fan
    // still has to watch; otherwise the level is the reason.
    let reason = match item.guard() {
        Some(Guard::Muted) => "Hidden: mentions a word you muted".to_owned(),
        Some(Guard::Snoozed) => "Hidden: you snoozed this show".to_owned(),
        None => item.progress_reason().unwrap_or_else(|| {
            format!(
                "Hidden: {} spoiler",
                item.level().label().to_ascii_lowercase()
            )
        }),
    };
    let reveal = on_reveal.map(|on_reveal| {
        let id = item.id().to_owned();
        let onclick = on_reveal.reform(move |_: MouseEvent| id.clone());
        html! {
            <button type="button" class="sf-button" aria-expanded="false" {onclick}>
                { "Reveal" }
                <span class="sf-visually-hidden">{ format!(" {}", kind.noun()) }</span>
            </button>
        }
    });
    html! {
        // Keyed apart from a card's article: see `CardList`.
        <article
            key="placeholder"
            class="sf-placeholder"
            data-testid="placeholder"
            data-ref={item_ref(item.id())}
            data-kind={kind.key()}
            data-guard={item.guard().map(|guard| match guard {
                Guard::Muted => "muted",
                Guard::Snoozed => "snoozed",
            })}
            part="placeholder"
        >
            { meta(kind, item.show(), item.date(), now, Html::default()) }
            <p class="sf-placeholder__title">
                { item.safe_title().map_or_else(|| format!("Hidden {}", kind.noun()), str::to_owned) }
            </p>
            <div class="sf-placeholder__footer">
                <span class="sf-placeholder__reason">{ reason }</span>
                { reveal }
            </div>
        </article>
    }
}
