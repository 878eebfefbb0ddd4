//! The one place errors are shown: what failed, and a Retry button.

use yew::prelude::*;

use crate::error::Error;
use crate::i18n::{Lang, Msg};

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
    let lang = use_context::<Lang>().unwrap_or_default();
    let (title, message) = words(&lang, &props.error);
    html! {
        <div class="sf-error" role="alert" data-testid="error">
            <p class="sf-error__title">{ title }</p>
            <p class="sf-error__message">{ message }</p>
            if props.showing_last_good {
                <p class="sf-error__note">{ lang.text(Msg::ShowingLoadedBefore) }</p>
            }
            if props.error.retryable() {
                <button type="button" class="sf-button" {onclick}>{ lang.text(Msg::Retry) }</button>
            }
        </div>
    }
}

/// The error's title and message in `lang`. A feed that can't be read keeps the reader's own
/// words (what is wrong with the document, where) inside the sentence.
fn words(lang: &Lang, error: &Error) -> (&'static str, String) {
    match error {
        Error::NoFeed => (
            lang.text(Msg::ErrNoFeedTitle),
            lang.text(Msg::ErrNoFeed).into(),
        ),
        Error::Network => (
            lang.text(Msg::ErrUnreachableTitle),
            lang.text(Msg::ErrNetwork).into(),
        ),
        Error::Offline => (
            lang.text(Msg::ErrUnreachableTitle),
            lang.text(Msg::ErrOffline).into(),
        ),
        Error::Timeout(seconds) => (
            lang.text(Msg::ErrUnreachableTitle),
            lang.say(Msg::ErrTimeout, &[("seconds", &seconds.to_string())]),
        ),
        Error::Http { status, reason } => {
            let status = if reason.is_empty() {
                status.to_string()
            } else {
                format!("{status} ({reason})")
            };
            (
                lang.text(Msg::ErrUnavailableTitle),
                lang.say(Msg::ErrHttp, &[("status", &status)]),
            )
        }
        Error::Internal => (
            lang.text(Msg::ErrInternalTitle),
            lang.text(Msg::ErrInternal).into(),
        ),
        Error::TooLarge { .. } => (lang.text(Msg::ErrTooLargeTitle), error.to_string()),
        _ => (
            lang.text(Msg::ErrUnreadableTitle),
            lang.say(Msg::ErrUnreadable, &[("detail", &error.to_string())]),
        ),
    }
}
