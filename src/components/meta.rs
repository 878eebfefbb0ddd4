//! The line above a card or placeholder: kind, show and date. Placeholders pass only their safe
//! fields, so nothing here can spoil.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use super::relative_time;
use crate::spoiler::Kind;

/// Kind label, show and relative date, then `extra` (a card's "Major spoiler" badge).
pub fn meta(
    kind: Kind,
    show: Option<&str>,
    date: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    extra: Html,
) -> Html {
    html! {
        <div class="sf-meta">
            <span class={classes!("sf-kind", format!("sf-kind--{}", kind.key()))}>{ kind.label() }</span>
            if let Some(show) = show {
                <span class="sf-meta__show">{ show.to_owned() }</span>
            }
            if let Some(date) = date {
                { relative_time(date, now) }
            }
            { extra }
        </div>
    }
}
