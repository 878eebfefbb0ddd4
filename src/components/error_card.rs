//! The one place errors are shown: what failed, and a Retry button.

use yew::prelude::*;

use crate::error::Error;

/// Props of [`ErrorCard`].
#[derive(Properties, PartialEq)]
pub struct ErrorCardProps {
    /// What went wrong.
    pub error: Error,
    /// Whether earlier updates are still shown below.
    #[prop_or_default]
    pub showing_last_good: bool,
    /// Called when the fan asks to try again.
    pub on_retry: Callback<()>,
}

/// An alert card with the error's message and, when it can help, a Retry button.
#[function_component]
pub fn ErrorCard(props: &ErrorCardProps) -> Html {
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="sf-error" role="alert" data-testid="error">
            <p class="sf-error__title">{ props.error.title() }</p>
            <p class="sf-error__message">{ props.error.to_string() }</p>
            if props.showing_last_good {
                <p class="sf-error__note">{ "Showing the updates loaded before." }</p>
            }
            if props.error.retryable() {
                <button type="button" class="sf-button" {onclick}>{ "Retry" }</button>
            }
        </div>
    }
}
