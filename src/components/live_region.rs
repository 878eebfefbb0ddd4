//! The polite live region that tells screen-reader users what a change did.
//! A plain view function: it has no state of its own.

use yew::prelude::*;

/// A visually hidden `role="status"` region announcing `text` (empty for nothing).
pub fn live_region(text: String) -> Html {
    html! {
        <div class="sf-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live">
            { text }
        </div>
    }
}
