//! The polite live region that tells screen-reader users what a change did.

use yew::prelude::*;

/// Props of [`LiveRegion`].
#[derive(Properties, PartialEq)]
pub struct LiveRegionProps {
    /// What to announce; empty for nothing.
    pub text: AttrValue,
}

/// A visually hidden `role="status"` region.
#[function_component]
pub fn LiveRegion(props: &LiveRegionProps) -> Html {
    html! {
        <div class="sf-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live">
            { props.text.clone() }
        </div>
    }
}
