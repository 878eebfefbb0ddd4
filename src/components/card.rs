//! A card for an update the fan may see.
//! A plain view function rather than a component: a list renders up to hundreds of them, and a
//! component per entry costs a scope, hooks and a scheduler pass each, and is destroyed and
//! created again whenever a level switch turns a placeholder into a card.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::{item_ref, kind_details, meta};
use crate::feed::Item;
use crate::i18n::{Lang, Msg};
use crate::types::Level;

/// The full card: kind, show, date, title, text, the kind's block and the links; a revealed
/// card (above the level, shown by the fan's choice) says so and offers "Hide again", which
/// calls `on_conceal` with the item's id and is bound to `button` when one is given (to focus it).
/// The widget's words are in `lang`; the item's own text carries `feed_lang` (its language, or
/// the feed's) when it differs.
pub fn card(
    lang: &Lang,
    feed_lang: Option<&AttrValue>,
    item: &Item,
    now: DateTime<Utc>,
    revealed: bool,
    on_conceal: &Callback<String>,
    button: Option<&NodeRef>,
) -> Html {
    let kind = item.kind();
    let headline = item
        .title
        .clone()
        .unwrap_or_else(|| lang.say(Msg::KindUpdate, &[("kind", lang.kind(kind))]));
    // A spoiler-free update revealed past a guard (a muted word) has no spoiler to name.
    let badge = if revealed && item.level > Level::None {
        html! { <span class="sf-badge sf-badge--spoiler">{ lang.say(Msg::SpoilerBadge, &[("level", lang.level(item.level))]) }</span> }
    } else {
        Html::default()
    };
    html! {
        // Keyed apart from a placeholder's article: see `CardList`.
        <article
            key="card"
            class={classes!("sf-card", revealed.then_some("sf-card--revealed"))}
            data-testid="card"
            data-id={item.id.clone()}
            data-ref={item_ref(&item.id)}
            data-kind={kind.key()}
            data-level={item.level.key()}
            part="card"
        >
            { meta(lang, kind, item.show.as_deref(), item.date, now, badge) }
            <h3 class="sf-card__title" lang={feed_lang.cloned()}>
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
                <p class="sf-card__text" lang={feed_lang.cloned()}>{ &item.text }</p>
            }
            { kind_details(lang, &item.details, now) }
            if !item.tags.is_empty() {
                <ul class="sf-tags" aria-label={lang.text(Msg::Tags)} lang={feed_lang.cloned()}>
                    { for item.tags.iter().map(|tag| html! { <li class="sf-tag">{ tag }</li> }) }
                </ul>
            }
            <div class="sf-card__footer">
                if !item.authors.is_empty() {
                    <span class="sf-card__authors">{ lang.say(Msg::By, &[("names", &item.authors.join(", "))]) }</span>
                }
                if let Some(source) = &item.external_url {
                    <a class="sf-card__source" href={source.clone()} target="_blank" rel="noopener noreferrer">
                        { lang.say(Msg::Source, &[("host", host_of(source))]) }
                    </a>
                }
                if revealed {
                    { hide_again(lang, &item.id, on_conceal, button) }
                }
            </div>
        </article>
    }
}

/// The "Hide again" button of a revealed card; its callback is made only for revealed cards.
fn hide_again(
    lang: &Lang,
    id: &str,
    on_conceal: &Callback<String>,
    button: Option<&NodeRef>,
) -> Html {
    let onclick = {
        let id = id.to_owned();
        on_conceal.reform(move |_: MouseEvent| id.clone())
    };
    html! {
        <button
            type="button"
            class="sf-button sf-button--quiet"
            aria-expanded="true"
            ref={button.cloned().unwrap_or_default()}
            {onclick}
        >
            { lang.text(Msg::HideAgain) }
        </button>
    }
}

/// The host part of an http(s) URL, for a short source label.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    host.strip_prefix("www.").unwrap_or(host)
}
