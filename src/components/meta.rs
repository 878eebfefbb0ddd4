//! The line above a card or placeholder: kind, show and date. Placeholders pass only their safe
//! fields, so nothing here can spoil.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::relative_time;
use crate::i18n::Lang;
use crate::types::Kind;

/// Kind label, show and relative date, then `extra` (a card's "Major spoiler" badge).
pub fn meta(
    lang: &Lang,
    kind: Kind,
    show: Option<&str>,
    date: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    extra: Html,
) -> Html {
    let label = html! { <span class={kind_class(kind)}>{ lang.kind(kind) }</span> };
    html! {
        <div class="sf-meta">
            { label }
            if let Some(show) = show {
                <span class="sf-meta__show">{ show.to_owned() }</span>
            }
            if let Some(date) = date {
                { relative_time(lang, date, now) }
            }
            { extra }
        </div>
    }
}

/// The kind label's classes, written out: every card and placeholder has one, on every render.
fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Production => "sf-kind sf-kind--production",
        Kind::Cast => "sf-kind sf-kind--cast",
        Kind::Release => "sf-kind sf-kind--release",
        Kind::Other => "sf-kind sf-kind--other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_classes_are_the_kind_keys() {
        for kind in Kind::ALL {
            assert_eq!(kind_class(kind), format!("sf-kind sf-kind--{}", kind.key()));
        }
    }
}
