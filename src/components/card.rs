//! A card for an update the fan may see.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::{item_ref, kind_details, meta};
use crate::feed::Item;

/// Props of [`Card`].
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The update.
    pub item: Rc<Item>,
    /// The clock the date is shown against.
    pub now: DateTime<Utc>,
    /// Whether it is above the level and shown by the fan's choice.
    #[prop_or_default]
    pub revealed: bool,
    /// Whether to move focus to the card (right after a reveal).
    #[prop_or_default]
    pub focus: bool,
    /// Called with the item's id when the fan hides a revealed card again.
    pub on_conceal: Callback<String>,
}

/// The full card: kind, show, date, title, text, the kind's block and the links.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let item = &props.item;
    let button = use_node_ref();
    {
        let button = button.clone();
        use_effect_with(props.focus, move |focus| {
            if *focus {
                if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let kind = item.kind();
    let on_conceal = {
        let id = item.id.clone();
        props.on_conceal.reform(move |_: MouseEvent| id.clone())
    };
    let headline = item
        .title
        .clone()
        .unwrap_or_else(|| format!("{} update", kind.label()));
    let badge = if props.revealed {
        html! { <span class="sf-badge sf-badge--spoiler">{ format!("{} spoiler", item.level.label()) }</span> }
    } else {
        Html::default()
    };
    html! {
        <article
            class={classes!("sf-card", props.revealed.then_some("sf-card--revealed"))}
            data-testid="card"
            data-id={item.id.clone()}
            data-ref={item_ref(&item.id)}
            data-kind={kind.key()}
            data-level={item.level.key()}
            part="card"
        >
            { meta(kind, item.show.as_deref(), item.date, props.now, badge) }
            <h3 class="sf-card__title">
                if let Some(url) = &item.url {
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ headline }</a>
                } else {
                    { headline }
                }
            </h3>
            if let Some(image) = &item.image {
                <img class="sf-card__image" src={image.clone()} alt="" loading="lazy" referrerpolicy="no-referrer" />
            }
            if !item.text.is_empty() {
                <p class="sf-card__text">{ &item.text }</p>
            }
            { kind_details(&item.details, props.now) }
            if !item.tags.is_empty() {
                <ul class="sf-tags" aria-label="Tags">
                    { for item.tags.iter().map(|tag| html! { <li class="sf-tag">{ tag }</li> }) }
                </ul>
            }
            <div class="sf-card__footer">
                if !item.authors.is_empty() {
                    <span class="sf-card__authors">{ format!("By {}", item.authors.join(", ")) }</span>
                }
                if let Some(source) = &item.external_url {
                    <a class="sf-card__source" href={source.clone()} target="_blank" rel="noopener noreferrer">
                        { format!("Source: {}", host_of(source)) }
                    </a>
                }
                if props.revealed {
                    <button
                        type="button"
                        class="sf-button sf-button--quiet"
                        aria-expanded="true"
                        ref={button}
                        onclick={on_conceal}
                    >
                        { "Hide again" }
                    </button>
                }
            </div>
        </article>
    }
}

/// The host part of an http(s) URL, for a short source label.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    host.strip_prefix("www.").unwrap_or(host)
}
