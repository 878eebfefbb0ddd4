//! The loading state: grey cards where the updates will be.
//! A plain view function: it has no state of its own.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};

/// Card-shaped placeholders while the feed (or the words of the widget's language) loads. The
/// styles give them a screen's height (the cards that replace them take more), so nothing after
/// the widget moves when they arrive; there are enough of them to fill a tall screen.
const SKELETON_CARDS: usize = 8;

/// The loading state: `SKELETON_CARDS` placeholders, said in words once the language's are in.
pub fn skeleton(lang: &Lang) -> Html {
    html! {
        <div class="sf-skeleton" role="status" aria-busy="true" data-testid="loading">
            if lang.waiting().is_none() {
                <span class="sf-visually-hidden">{ lang.text(Msg::LoadingUpdates) }</span>
            }
            { for (0..SKELETON_CARDS).map(|_| html! {
                <div class="sf-skeleton__card" aria-hidden="true">
                    <div class="sf-skeleton__line sf-skeleton__line--short"></div>
                    <div class="sf-skeleton__line"></div>
                    <div class="sf-skeleton__line"></div>
                </div>
            }) }
        </div>
    }
}
