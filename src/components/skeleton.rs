//! The loading state: grey cards where the updates will be.
//!
//! A plain view function: it has no state of its own.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};

/// Three card-shaped placeholders while the feed (or the words of the widget's language)
/// loads; said in words once the language's are in.
pub fn skeleton(lang: &Lang) -> Html {
    html! {
        <div class="sf-skeleton" role="status" aria-busy="true" data-testid="loading">
            if lang.waiting().is_none() {
                <span class="sf-visually-hidden">{ lang.text(Msg::LoadingUpdates) }</span>
            }
            { for (0..3).map(|_| html! {
                <div class="sf-skeleton__card" aria-hidden="true">
                    <div class="sf-skeleton__line sf-skeleton__line--short"></div>
                    <div class="sf-skeleton__line"></div>
                    <div class="sf-skeleton__line"></div>
                </div>
            }) }
        </div>
    }
}
