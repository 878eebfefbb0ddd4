//! Numbers, plurals and dates in the widget's language, through the browser's `Intl`.
//! Each language's formatters are made once and kept: a list formats a date per card.

use std::cell::{OnceCell, RefCell};

use chrono::{DateTime, NaiveDate, Utc};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::date::{self, Span};
use crate::i18n::{Lang, Msg, Plural};

/// One language's formatters.
struct Formatters {
    tag: String,
    plural: Intl::PluralRules,
    number: Function,
    /// "3 days ago", "in 5 days".
    relative: Intl::RelativeTimeFormat,
    /// "yesterday", "tomorrow".
    relative_auto: Intl::RelativeTimeFormat,
    /// A day and time in UTC, for the hover title.
    exact: Function,
    /// A day, for release windows.
    day: Function,
    /// A day with its weekday, without and with its year, for a snooze's last day; made when
    /// first asked for, as few lists have a snooze.
    weekday: [OnceCell<Function>; 2],
    /// A day and time where the fan is, for a snooze's end; made when first asked for.
    local: OnceCell<Function>,
}

thread_local! {
    static CACHE: RefCell<Vec<std::rc::Rc<Formatters>>> = const { RefCell::new(Vec::new()) };
}

/// An options object from `(name, value)` pairs.
fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (name, value) in pairs {
        let _ = Reflect::set(&object, &(*name).into(), &(*value).into());
    }
    object
}

/// The formatters for `tag`, made on first use.
fn formatters(tag: &str) -> std::rc::Rc<Formatters> {
    CACHE.with(|cache| {
        if let Some(found) = cache.borrow().iter().find(|f| f.tag == tag) {
            return found.clone();
        }
        let locales = Array::of1(&JsValue::from_str(tag));
        let made = std::rc::Rc::new(Formatters {
            tag: tag.to_owned(),
            plural: Intl::PluralRules::new(&locales, &Object::new()),
            number: Intl::NumberFormat::new(&locales, &Object::new()).format(),
            relative: Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "always")])),
            relative_auto: Intl::RelativeTimeFormat::new(
                &locales,
                &options(&[("numeric", "auto")]),
            ),
            exact: Intl::DateTimeFormat::new(
                &locales,
                &options(&[
                    ("dateStyle", "long"),
                    ("timeStyle", "short"),
                    ("timeZone", "UTC"),
                ]),
            )
            .format(),
            day: Intl::DateTimeFormat::new(
                &locales,
                &options(&[("dateStyle", "long"), ("timeZone", "UTC")]),
            )
            .format(),
            weekday: [OnceCell::new(), OnceCell::new()],
            local: OnceCell::new(),
        });
        cache.borrow_mut().push(made.clone());
        made
    })
}

/// A date format in the language `tag` with these options.
fn date_format(tag: &str, pairs: &[(&str, &str)]) -> Function {
    let locales = Array::of1(&JsValue::from_str(tag));
    Intl::DateTimeFormat::new(&locales, &options(pairs)).format()
}

/// A JavaScript date for `date`.
fn js_date(date: DateTime<Utc>) -> Date {
    Date::new(&JsValue::from_f64(date.timestamp_millis() as f64))
}

/// `format` (a bound `Intl` format function) applied to `value`.
fn call(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// The plural category of `count` in the language `tag`.
pub fn plural(tag: &str, count: usize) -> Plural {
    let category: String = formatters(tag).plural.select(count as f64).into();
    Plural::from_key(&category)
}

/// `count` written as the language `tag` writes numbers.
pub fn number(tag: &str, count: usize) -> String {
    call(&formatters(tag).number, &JsValue::from_f64(count as f64))
}

/// How long ago (or how far ahead) `date` is from `now`, in the widget's language.
pub fn relative_date(lang: &Lang, date: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let formatters = formatters(lang.tag());
    match date::span(date, now) {
        Span::Now => lang.text(Msg::JustNow).to_owned(),
        Span::Day { future } => formatters
            .relative_auto
            .format(if future { 1.0 } else { -1.0 }, "day")
            .into(),
        Span::Units {
            count,
            unit,
            future,
        } => {
            let count = count as f64;
            formatters
                .relative
                .format(if future { count } else { -count }, unit)
                .into()
        }
    }
}

/// The exact time in UTC, for the hover title.
pub fn exact_date(lang: &Lang, date: DateTime<Utc>) -> String {
    let text = call(&formatters(lang.tag()).exact, &js_date(date));
    format!("{text} UTC")
}

/// A day, for release windows.
pub fn day(lang: &Lang, day: NaiveDate) -> String {
    let Some(midnight) = day.and_hms_opt(0, 0, 0) else {
        return date::day(day);
    };
    call(&formatters(lang.tag()).day, &js_date(midnight.and_utc()))
}

/// A day with its weekday, for a snooze's last day ("Friday, 12 Dec"; with its year if `year`).
pub fn weekday(lang: &Lang, day: NaiveDate, year: bool) -> String {
    let Some(midnight) = day.and_hms_opt(0, 0, 0) else {
        return date::day(day);
    };
    let formatters = formatters(lang.tag());
    let format = formatters.weekday[usize::from(year)].get_or_init(|| {
        let mut pairs = vec![
            ("weekday", "long"),
            ("day", "numeric"),
            ("month", "short"),
            ("timeZone", "UTC"),
        ];
        if year {
            pairs.push(("year", "numeric"));
        }
        date_format(lang.tag(), &pairs)
    });
    call(format, &js_date(midnight.and_utc()))
}

/// A day and time in the fan's own time zone, for a snooze's end.
pub fn local_time(lang: &Lang, date: DateTime<Utc>) -> String {
    let formatters = formatters(lang.tag());
    let format = formatters.local.get_or_init(|| {
        date_format(
            lang.tag(),
            &[("dateStyle", "medium"), ("timeStyle", "short")],
        )
    });
    call(format, &js_date(date))
}
