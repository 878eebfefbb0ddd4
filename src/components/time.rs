//! A date as "3 days ago", with the exact time on hover and in `datetime`.
//! A plain view function rather than a component: every card and placeholder has one, and a
//! component per date doubles the work of a long list for nothing.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use crate::date;
use crate::i18n::Lang;
use crate::platform;

/// A `<time>` element reading "3 days ago", in the widget's language.
pub fn relative_time(lang: &Lang, when: DateTime<Utc>, now: DateTime<Utc>) -> Html {
    html! {
        <time class="sf-time" datetime={date::machine(when)} title={platform::exact_date(lang, when)}>
            { platform::relative_date(lang, when, now) }
        </time>
    }
}
