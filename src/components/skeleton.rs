//! The loading state: grey cards where the updates will be.

use yew::prelude::*;

/// Three card-shaped placeholders while the feed loads.
#[function_component]
pub fn Skeleton() -> Html {
    html! {
        <div class="sf-skeleton" role="status" aria-busy="true" data-testid="loading">
            <span class="sf-visually-hidden">{ "Loading updates…" }</span>
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
