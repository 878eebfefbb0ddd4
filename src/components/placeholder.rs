//! A placeholder for an update above the fan's level. It renders only what cannot spoil:
//! kind, show, date, the publisher's safe headline and the level.
//! A plain view function, like [`card`](super::card()): a level switch turns many cards into
//! placeholders and back, and a component each would be torn down and built every time.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::{item_ref, meta};
use crate::guards::Guard;
use crate::i18n::{Lang, Msg};
use crate::progress::{Point, ShowProgress, Watched};
use crate::spoiler::Concealed;

/// A muted card with no link, and a Reveal button calling `on_reveal` with the item's id when
/// one is given (not when the host site locks the level). Takes [`Concealed`], so only the
/// item's safe fields can be read. The widget's words are in `lang`; the safe headline carries
/// `feed_lang` when it differs.
pub fn placeholder(
    lang: &Lang,
    feed_lang: Option<&AttrValue>,
    item: &Concealed,
    now: DateTime<Utc>,
    on_reveal: Option<&Callback<String>>,
    button: Option<&NodeRef>,
) -> Html {
    let kind = item.kind();
    // A guard's reason never names the word or the level; progress says exactly what the fan
    // still has to watch; otherwise the level is the reason.
    let reason = match item.guard() {
        Some(Guard::Muted) => lang.text(Msg::HiddenMuted).to_owned(),
        Some(Guard::Snoozed) => lang.text(Msg::HiddenSnoozed).to_owned(),
        None => item
            .progress_hold()
            .map(|hold| progress_words(lang, hold.spoils, &hold.progress))
            .unwrap_or_else(|| {
                let level = lang.level(item.level()).to_lowercase();
                lang.say(Msg::HiddenReason, &[("level", &level)])
            }),
    };
    let reveal = on_reveal.map(|on_reveal| {
        let id = item.id().to_owned();
        let onclick = on_reveal.reform(move |_: MouseEvent| id.clone());
        html! {
            <button type="button" class="sf-button" aria-expanded="false" ref={button.cloned().unwrap_or_default()} {onclick}>
                { lang.text(Msg::Reveal) }
                <span class="sf-visually-hidden">{ format!(" {}", lang.noun(kind)) }</span>
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
            { meta(lang, kind, item.show(), item.date(), now, Html::default()) }
            if let Some(title) = item.safe_title() {
                <p class="sf-placeholder__title" lang={feed_lang.cloned()}>{ title.to_owned() }</p>
            } else {
                <p class="sf-placeholder__title">{ lang.say(Msg::HiddenNoun, &[("noun", lang.noun(kind))]) }</p>
            }
            <div class="sf-placeholder__footer">
                <span class="sf-placeholder__reason">{ reason }</span>
                { reveal }
            </div>
        </article>
    }
}

/// Why the fan's watch progress doesn't unlock an update, in `lang` ("Spoils S4E9: you're at
/// S4E7"); the points stay in their short form.
fn progress_words(lang: &Lang, spoils: Point, progress: &ShowProgress) -> String {
    let point = spoils.to_string();
    match progress.watched {
        Watched::Nothing => lang.say(Msg::SpoilsPoint, &[("point", &point)]),
        Watched::UpTo(at) => lang.say(
            Msg::SpoilsYoureAt,
            &[("point", &point), ("at", &at.to_string())],
        ),
        Watched::CaughtUp => lang.say(Msg::SpoilsNotAired, &[("point", &point)]),
        Watched::Aired(days) => lang.count(Msg::SpoilsBehind, days as usize, &[("point", &point)]),
    }
}
