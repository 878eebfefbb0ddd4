//! A placeholder for an update above the fan's level. It renders only what cannot spoil:
//! kind, show, date, the publisher's safe headline and the level.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::{item_ref, meta};
use crate::spoiler::Concealed;

/// Props of [`Placeholder`].
#[derive(Properties, PartialEq)]
pub struct PlaceholderProps {
    /// The hidden update; only its safe fields can be read.
    pub item: Concealed,
    /// The clock the date is shown against.
    pub now: DateTime<Utc>,
    /// Whether a Reveal button is offered.
    #[prop_or(true)]
    pub can_reveal: bool,
    /// Called with the item's id when the fan reveals it.
    pub on_reveal: Callback<String>,
}

/// A muted card with a Reveal button and no link.
#[function_component]
pub fn Placeholder(props: &PlaceholderProps) -> Html {
    let item = &props.item;
    let kind = item.kind();
    let onclick = {
        let id = item.id().to_owned();
        props.on_reveal.reform(move |_: MouseEvent| id.clone())
    };
    // Progress says exactly what the fan still has to watch; otherwise the level is the reason.
    let reason = item.progress_reason().unwrap_or_else(|| {
        format!(
            "Hidden: {} spoiler",
            item.level().label().to_ascii_lowercase()
        )
    });
    html! {
        <article
            class="sf-placeholder"
            data-testid="placeholder"
            data-ref={item_ref(item.id())}
            data-kind={kind.key()}
            part="placeholder"
        >
            { meta(kind, item.show(), item.date(), props.now, Html::default()) }
            <p class="sf-placeholder__title">
                { item.safe_title().map_or_else(|| format!("Hidden {}", kind.noun()), str::to_owned) }
            </p>
            <div class="sf-placeholder__footer">
                <span class="sf-placeholder__reason">{ reason }</span>
                if props.can_reveal {
                    <button type="button" class="sf-button" aria-expanded="false" {onclick}>
                        { "Reveal" }
                        <span class="sf-visually-hidden">{ format!(" {}", kind.noun()) }</span>
                    </button>
                }
            </div>
        </article>
    }
}
