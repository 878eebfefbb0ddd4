//! A date as "3 days ago", with the exact time on hover and in `datetime`.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use crate::date;

/// Props of [`RelativeTime`].
#[derive(Properties, PartialEq)]
pub struct RelativeTimeProps {
    /// The date shown.
    pub date: DateTime<Utc>,
    /// The clock it is shown against.
    pub now: DateTime<Utc>,
}

/// A `<time>` element reading "3 days ago".
#[function_component]
pub fn RelativeTime(props: &RelativeTimeProps) -> Html {
    html! {
        <time
            class="sf-time"
            datetime={props.date.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)}
            title={date::exact(props.date)}
        >
            { date::relative(props.date, props.now) }
        </time>
    }
}
