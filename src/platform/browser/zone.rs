//! The fan's time zone, as the browser's `Date` knows it.

use chrono::{DateTime, Datelike, NaiveDate, Offset, Utc};
use js_sys::Date;

/// When `day` ends in the fan's time zone: the first instant of the next local day, as `Date`
/// reads a local date (its midnight, or the first time after a change of offset that skips it).
pub fn end_of_day(day: NaiveDate) -> DateTime<Utc> {
    // A local midnight whose date is then set: the constructor reads years below 100 as 19xx.
    let local = Date::new_with_year_month_day(2000, 0, 1);
    let year = u32::try_from(day.year()).unwrap_or_default();
    local.set_full_year_with_month_date(year, day.month0() as i32, day.day() as i32 + 1);
    DateTime::from_timestamp_millis(local.get_time() as i64)
        // Out of `Date`'s range (NaN): the day's end in UTC.
        .unwrap_or_else(|| crate::date::end_of_day(day, |_| Utc.fix()))
}
