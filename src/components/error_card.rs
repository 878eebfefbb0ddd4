//! The one place errors are shown: what failed, and a Retry button.

use yew::prelude::*;

use crate::error::{megabytes, Error};
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

/// The error card's heading for `error` in `lang` ("Feed unreadable").
pub fn title(lang: &Lang, error: &Error) -> &'static str {
    words(lang, error).0
}

/// The error's title and message in `lang`. A feed that can't be read keeps the reader's own
/// words (what is wrong with the document) inside the sentence.
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
        Error::TooLarge { size, limit } => {
            let limit = megabytes(*limit);
            let message = match size {
                Some(size) => lang.say(
                    Msg::ErrTooLargeSized,
                    &[("size", &megabytes(*size)), ("limit", &limit)],
                ),
                None => lang.say(Msg::ErrTooLargeUnsized, &[("limit", &limit)]),
            };
            (lang.text(Msg::ErrTooLargeTitle), message)
        }
        Error::NotJson(detail) => unreadable(lang, Msg::ErrNotJson, &[("detail", detail)]),
        Error::NotJsonFeed(detail) => unreadable(lang, Msg::ErrNotJsonFeed, &[("detail", detail)]),
        Error::NotXmlFeed(detail) => unreadable(lang, Msg::ErrNotXmlFeed, &[("detail", detail)]),
        Error::WebPage => unreadable(lang, Msg::ErrWebPage, &[]),
        Error::JsonNotUtf8 => unreadable(lang, Msg::ErrJsonNotUtf8, &[]),
        Error::UnknownEncoding { format, encoding } => match format {
            Some(format) => unreadable(
                lang,
                Msg::ErrUnknownEncodingFormat,
                &[("format", format), ("encoding", encoding)],
            ),
            None => unreadable(
                lang,
                Msg::ErrUnknownEncodingPlain,
                &[("encoding", encoding)],
            ),
        },
        Error::Undecodable {
            format,
            encoding,
            declared,
        } => undecodable(lang, *format, encoding, *declared),
        Error::NotXml { format, line } => {
            let line = line.map(|line| lang.number(line as usize));
            match (format, line) {
                (Some(format), Some(line)) => unreadable(
                    lang,
                    Msg::ErrNotXmlFormatLine,
                    &[("format", format), ("line", &line)],
                ),
                (Some(format), None) => {
                    unreadable(lang, Msg::ErrNotXmlFormat, &[("format", format)])
                }
                (None, Some(line)) => unreadable(lang, Msg::ErrNotXmlLine, &[("line", &line)]),
                (None, None) => unreadable(lang, Msg::ErrNotXmlPlain, &[]),
            }
        }
    }
}

/// XML that isn't text in the encoding it is read in: `declared` by it, or UTF-8 by default.
fn undecodable(
    lang: &Lang,
    format: Option<&str>,
    encoding: &str,
    declared: bool,
) -> (&'static str, String) {
    let args = [
        ("format", format.unwrap_or_default()),
        ("encoding", encoding),
    ];
    let msg = match (format.is_some(), declared) {
        (true, true) => Msg::ErrUndecodableFormat,
        (false, true) => Msg::ErrUndecodablePlain,
        (true, false) => Msg::ErrNotUtf8Format,
        (false, false) => Msg::ErrNotUtf8Plain,
    };
    unreadable(lang, msg, &args)
}

/// A feed that can't be read: the title, and `msg` filled from `args`.
fn unreadable(lang: &Lang, msg: Msg, args: &[(&str, &str)]) -> (&'static str, String) {
    (lang.text(Msg::ErrUnreadableTitle), lang.say(msg, args))
}
