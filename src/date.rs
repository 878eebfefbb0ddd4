//! Dates as a fan reads them: "3 days ago" on the card, the exact time on hover, and the
//! countdown to a confirmed release day; and dates as feeds write them (RFC 3339, or RFC 2822
//! as RSS-born feeds do, and the variants of both that real feeds write). Every function takes
//! "now", so tests fix the clock.
//! Reading goes through chrono's parsers (a day's `YYYY-MM-DD` shape checked first); writing
//! through chrono's RFC 3339 output and its accessors.

use chrono::format::{self, Fixed, Item, Numeric, Pad, Parsed};
use chrono::{
    DateTime, Datelike, FixedOffset, Month, NaiveDate, NaiveTime, SecondsFormat, Timelike, Utc,
};

/// Reads a timestamp as feeds write it: RFC 3339 (`2025-03-07T09:05:00.123+01:00`, `…Z`), as
/// JSON Feed asks, or RFC 2822 (`Fri, 07 Mar 2025 09:05:00 +0000`), as RSS-born feeds do, and
/// the variants real feeds write; `None` for anything else, and for a time with no zone (which
/// [`read_timestamp`] takes as UTC).
///
/// The variants, all through chrono's parsers: a space for the `T`; no seconds; an offset
/// without its colon (`+0100`); a zone named `UTC`, `GMT`, `UT` or `Z`; and,
/// in RFC 2822, any case, one-digit days, no weekday, a long or wrong weekday (feeds get it
/// wrong, the day counts) and the US zone names.
pub fn parse_timestamp(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    read(value)
        .or_else(|| read(&utc_named(value)?))
        .map(|date| date.with_timezone(&Utc))
}

/// A timestamp as a feed wrote it, read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp {
    /// The moment.
    pub date: DateTime<Utc>,
    /// Whether it gave no time zone, so that UTC was assumed.
    pub zone_assumed: bool,
}

/// Reads a timestamp as [`parse_timestamp`] does, and an RFC 3339 time without its zone
/// (`2025-03-25T09:00:00`, `2025-03-25 09:00`) too: read as UTC, and marked as assumed, so
/// that the check page can say so.
pub fn read_timestamp(value: &str) -> Option<Timestamp> {
    if let Some(date) = parse_timestamp(value) {
        return Some(Timestamp {
            date,
            zone_assumed: false,
        });
    }
    let value = value.trim();
    let day = parse_day(value)?;
    let time = value.get(10..)?.strip_prefix(['T', 't', ' '])?;
    ZONELESS_TIMES.iter().find_map(|items| {
        let mut parsed = Parsed::new();
        format::parse(&mut parsed, time, items.iter()).ok()?;
        Some(Timestamp {
            date: day.and_time(parsed.to_naive_time().ok()?).and_utc(),
            zone_assumed: true,
        })
    })
}

/// The times of [`ISO_TIMES`] without their zone: `09:05:00`, `09:05:00.123` or `09:05`.
const ZONELESS_TIMES: [&[Item<'static>]; 2] = [
    &[
        Item::Numeric(Numeric::Hour, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Minute, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Second, Pad::Zero),
        Item::Fixed(Fixed::Nanosecond),
    ],
    &[
        Item::Numeric(Numeric::Hour, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Minute, Pad::Zero),
    ],
];

/// `value` read as RFC 3339, RFC 2822 or one of their variants.
fn read(value: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(value)
        .or_else(|_| DateTime::parse_from_rfc2822(value))
        .ok()
        .or_else(|| lenient(value))
}

/// The times feeds write after an ISO 8601 day besides RFC 3339's, as chrono's format items
/// (its strftime strings would cost the bundle about 10 KB): `09:05` or `09:05:00.123`, then
/// `Z`, `+01:00` or `+0100`, after a space or not.
const ISO_TIMES: [&[Item<'static>]; 2] = [
    &[
        Item::Numeric(Numeric::Hour, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Minute, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Second, Pad::Zero),
        Item::Fixed(Fixed::Nanosecond),
        Item::Fixed(Fixed::TimezoneOffsetZ),
    ],
    &[
        Item::Numeric(Numeric::Hour, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Minute, Pad::Zero),
        Item::Fixed(Fixed::TimezoneOffsetZ),
    ],
];

/// `value` read as one of the variants RFC 3339's and RFC 2822's parsers refuse.
fn lenient(value: &str) -> Option<DateTime<FixedOffset>> {
    // The day as RFC 3339 writes it (four-digit years, no sign); only the time is lenient.
    if let Some(day) = parse_day(value) {
        let time = value.get(10..)?.strip_prefix(['T', 't', ' '])?;
        return ISO_TIMES.iter().find_map(|items| {
            let mut parsed = Parsed::new();
            format::parse(&mut parsed, time, items.iter()).ok()?;
            let offset = parsed.to_fixed_offset().ok()?;
            day.and_time(parsed.to_naive_time().ok()?)
                .and_local_timezone(offset)
                .single()
        });
    }
    // A weekday (short, long, or not the date's) before the comma: the date says the day.
    let (weekday, date) = value.split_once(',')?;
    let is_word = !weekday.is_empty() && weekday.bytes().all(|byte| byte.is_ascii_alphabetic());
    is_word.then(|| DateTime::parse_from_rfc2822(date).ok())?
}

/// `value` with a trailing zone name that means UTC (`UTC`, `GMT`, `UT`, in any case) written
/// `+0000`, as both parsers take it; `None` if it has none.
fn utc_named(value: &str) -> Option<String> {
    let (_, zone) = value.rsplit_once(|c: char| c.is_whitespace() || c.is_ascii_digit())?;
    let time = &value[..value.len() - zone.len()];
    ["UTC", "GMT", "UT"]
        .iter()
        .any(|name| name.eq_ignore_ascii_case(zone))
        .then(|| format!("{time} +0000"))
}

/// Reads a day written `YYYY-MM-DD`, or the day part of a timestamp.
pub fn parse_day(value: &str) -> Option<NaiveDate> {
    let value = value.trim().get(..10)?;
    // chrono's numbers may carry a sign or fewer digits; a feed's day is exactly `YYYY-MM-DD`.
    let shape = value.bytes().enumerate().all(|(at, byte)| {
        matches!(at, 4 | 7) == (byte == b'-') && (byte == b'-' || byte.is_ascii_digit())
    });
    shape.then(|| value.parse().ok())?
}

/// A timestamp as RFC 3339 in UTC to the second, for `<time datetime>`.
pub fn machine(date: DateTime<Utc>) -> String {
    // A leap second is written as its minute's :59, which HTML's `datetime` accepts (not :60).
    date.with_nanosecond(0)
        .unwrap_or(date)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// How far a date is from now, in the unit it is told in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// Under a minute either way: "just now".
    Now,
    /// A day either way: "yesterday", "tomorrow".
    Day {
        /// Whether it is ahead.
        future: bool,
    },
    /// `count` minutes, hours, days, months or years (`unit`, as `Intl.RelativeTimeFormat`
    /// names them), ago or ahead.
    Units {
        /// How many.
        count: u64,
        /// "minute", "hour", "day", "month" or "year".
        unit: &'static str,
        /// Whether it is ahead.
        future: bool,
    },
}

/// How far `date` is from `now`: the thresholds every language's relative dates share.
pub fn span(date: DateTime<Utc>, now: DateTime<Utc>) -> Span {
    let seconds = (now - date).num_seconds();
    let future = seconds < 0;
    let seconds = seconds.unsigned_abs();
    let (count, unit) = match seconds {
        0..=59 => return Span::Now,
        60..=3_599 => (seconds / 60, "minute"),
        3_600..=86_399 => (seconds / 3_600, "hour"),
        86_400..=172_799 => return Span::Day { future },
        172_800..=2_591_999 => (seconds / 86_400, "day"),
        2_592_000..=31_535_999 => (seconds / 2_592_000, "month"),
        _ => (seconds / 31_536_000, "year"),
    };
    Span::Units {
        count,
        unit,
        future,
    }
}

/// How long ago (or how far ahead) `date` is from `now`, in English words.
pub fn relative(date: DateTime<Utc>, now: DateTime<Utc>) -> String {
    match span(date, now) {
        Span::Now => "just now".into(),
        Span::Day { future } => if future { "tomorrow" } else { "yesterday" }.into(),
        Span::Units {
            count,
            unit,
            future,
        } => {
            let plural = if count == 1 { "" } else { "s" };
            if future {
                format!("in {count} {unit}{plural}")
            } else {
                format!("{count} {unit}{plural} ago")
            }
        }
    }
}

/// The exact time, for the hover title ("7 March 2025, 09:05 UTC").
pub fn exact(date: DateTime<Utc>) -> String {
    let (hour, minute) = (date.hour(), date.minute());
    format!("{}, {hour:02}:{minute:02} UTC", day(date.date_naive()))
}

/// A day, for release windows ("14 March 2026").
pub fn day(date: NaiveDate) -> String {
    // Through chrono's accessors rather than a strftime string, whose parser and formatter
    // cost the bundle about 8 KB.
    let month = u8::try_from(date.month())
        .ok()
        .and_then(|month| Month::try_from(month).ok())
        .map_or("", |month| month.name());
    format!("{} {month} {}", date.day(), date.year())
}

/// When `day` ends where the clock is `offset_at` an instant ahead of UTC (a zone's rules; the
/// platform's own zone in the browser): the first instant of the next day there, which is its
/// midnight, or just after a change of offset that skips that midnight.
pub fn end_of_day(
    day: NaiveDate,
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> DateTime<Utc> {
    let Some(midnight) = day.succ_opt().map(|next| next.and_time(NaiveTime::MIN)) else {
        return DateTime::<Utc>::MAX_UTC;
    };
    let local = |at: DateTime<Utc>| at.naive_utc() + offset_at(at);
    let at_offset = |offset: FixedOffset| (midnight - offset).and_utc();
    // Midnight read in the offset in force at UTC's midnight, then in the one in force at that
    // instant: one of them is right unless a change of offset falls between them.
    let first = at_offset(offset_at(midnight.and_utc()));
    let second = at_offset(offset_at(first));
    let (early, late) = (first.min(second), first.max(second));
    if let Some(found) = [early, late].into_iter().find(|at| local(*at) == midnight) {
        return found;
    }
    // Midnight is skipped (clocks go forward over it): the day starts at the change, found to
    // the second between the two readings.
    let (mut before, mut after) = (early, late);
    while after - before > chrono::Duration::seconds(1) {
        let middle = before + (after - before) / 2;
        if local(middle) < midnight {
            before = middle;
        } else {
            after = middle;
        }
    }
    after
}

/// Calendar days from today to `release` (negative once it has passed).
pub fn days_until(release: NaiveDate, now: DateTime<Utc>) -> i64 {
    (release - now.date_naive()).num_days()
}

/// The countdown to a release day, counted in calendar days from today.
pub fn countdown(release: NaiveDate, now: DateTime<Utc>) -> String {
    match days_until(release, now) {
        ..=-1 => "Out now".into(),
        0 => "Out today".into(),
        1 => "Out tomorrow".into(),
        days => format!("Out in {days} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Offset, TimeZone};

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn past_dates_read_naturally() {
        let now = at(2026, 11, 25, 12, 0);
        assert_eq!(relative(at(2026, 11, 25, 11, 59), now), "1 minute ago");
        assert_eq!(relative(now, now), "just now");
        assert_eq!(relative(at(2026, 11, 25, 9, 0), now), "3 hours ago");
        assert_eq!(relative(at(2026, 11, 24, 9, 0), now), "yesterday");
        assert_eq!(relative(at(2026, 11, 22, 12, 0), now), "3 days ago");
        assert_eq!(relative(at(2026, 9, 25, 12, 0), now), "2 months ago");
        assert_eq!(relative(at(2024, 11, 1, 12, 0), now), "2 years ago");
    }

    #[test]
    fn future_dates_read_naturally() {
        let now = at(2026, 11, 25, 12, 0);
        assert_eq!(relative(at(2026, 11, 26, 13, 0), now), "tomorrow");
        assert_eq!(relative(at(2026, 11, 30, 12, 0), now), "in 5 days");
        assert_eq!(relative(at(3000, 1, 1, 0, 0), now), "in 973 years");
    }

    /// America/Los_Angeles in 2026, as fixed rules: PDT (UTC−7) from 8 March 10:00 UTC
    /// (02:00 PST) to 1 November 09:00 UTC (02:00 PDT), PST (UTC−8) otherwise.
    fn los_angeles(at: DateTime<Utc>) -> FixedOffset {
        let summer = at >= utc(2026, 3, 8, 10, 0) && at < utc(2026, 11, 1, 9, 0);
        FixedOffset::west_opt(if summer { 7 } else { 8 } * 3600).unwrap()
    }

    /// America/Santiago in 2026, as fixed rules: clocks go back from 24:00 to 23:00 on
    /// Saturday 4 April (UTC−3 to UTC−4, at 03:00 UTC) and forward from 24:00 to 01:00 on
    /// Saturday 5 September (at 04:00 UTC), so that Sunday starts at 01:00.
    fn santiago(at: DateTime<Utc>) -> FixedOffset {
        let winter = at >= utc(2026, 4, 5, 3, 0) && at < utc(2026, 9, 6, 4, 0);
        FixedOffset::west_opt(if winter { 4 } else { 3 } * 3600).unwrap()
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        at(y, m, d, h, min)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_day_ends_at_the_next_local_midnight() {
        let tokyo = |_| FixedOffset::east_opt(9 * 3600).unwrap();
        assert_eq!(
            end_of_day(date(2026, 12, 11), tokyo),
            utc(2026, 12, 11, 15, 0)
        );
        assert_eq!(
            end_of_day(date(2026, 12, 11), |_| Utc.fix()),
            utc(2026, 12, 12, 0, 0)
        );
        // Friday 11 December in Los Angeles ends at 08:00 UTC on the 12th, not at 00:00.
        assert_eq!(
            end_of_day(date(2026, 12, 11), los_angeles),
            utc(2026, 12, 12, 8, 0)
        );
        assert_eq!(
            end_of_day(date(2026, 12, 31), los_angeles),
            utc(2027, 1, 1, 8, 0)
        );
    }

    #[test]
    fn a_day_ends_in_the_offset_of_its_end_across_a_change_of_clocks() {
        let ends = |y, m, d| end_of_day(date(y, m, d), los_angeles);
        // 8 March 2026 springs forward at 02:00: it ends at midnight PDT and is 23 hours long.
        assert_eq!(ends(2026, 3, 7), utc(2026, 3, 8, 8, 0));
        assert_eq!(ends(2026, 3, 8), utc(2026, 3, 9, 7, 0));
        assert_eq!(
            ends(2026, 3, 8) - ends(2026, 3, 7),
            chrono::Duration::hours(23)
        );
        // 1 November 2026 falls back at 02:00: it ends at midnight PST and is 25 hours long.
        assert_eq!(ends(2026, 10, 31), utc(2026, 11, 1, 7, 0));
        assert_eq!(ends(2026, 11, 1), utc(2026, 11, 2, 8, 0));
        assert_eq!(
            ends(2026, 11, 1) - ends(2026, 10, 31),
            chrono::Duration::hours(25)
        );
    }

    #[test]
    fn a_day_ends_where_the_next_begins_when_clocks_change_at_midnight() {
        // Saturday 5 September ends when Sunday begins, at 01:00 (UTC−3): midnight is skipped.
        assert_eq!(
            end_of_day(date(2026, 9, 5), santiago),
            utc(2026, 9, 6, 4, 0)
        );
        // Saturday 4 April has its last hour twice: it ends at the second midnight (UTC−4).
        assert_eq!(
            end_of_day(date(2026, 4, 4), santiago),
            utc(2026, 4, 5, 4, 0)
        );
        assert_eq!(
            end_of_day(date(2026, 4, 5), santiago),
            utc(2026, 4, 6, 4, 0)
        );
    }

    #[test]
    fn exact_time_is_spelled_out() {
        assert_eq!(exact(at(2025, 3, 7, 9, 5)), "7 March 2025, 09:05 UTC");
        assert_eq!(
            day(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()),
            "2 January 2026"
        );
    }

    #[test]
    fn timestamps_read_as_json_feed_writes_them() {
        assert_eq!(
            parse_timestamp("2025-03-07T09:05:00Z"),
            Some(at(2025, 3, 7, 9, 5))
        );
        assert_eq!(
            parse_timestamp("2025-03-07T10:05:00+01:00"),
            Some(at(2025, 3, 7, 9, 5))
        );
        assert_eq!(
            parse_timestamp(" 2025-03-06T23:35:00-09:30 "),
            Some(at(2025, 3, 7, 9, 5))
        );
        let millis = parse_timestamp("2021-01-02T03:04:05.678Z").unwrap();
        assert_eq!(millis.timestamp_subsec_millis(), 678);
        assert_eq!(machine(millis), "2021-01-02T03:04:05Z");
        assert!(
            parse_timestamp("2016-12-31T23:59:60Z").is_some(),
            "a leap second"
        );
        for bad in [
            "",
            "2025-03-07",
            "2025-03-07T09:05:00",
            "2025-03-07T09:05",
            "2025-03-07 09:05:00 CEST",
            "10000-03-07T09:05:00Z",
            "+2025-03-07T09:05:00+0100",
            "2025-02-30T09:05:00Z",
            "2025-03-07T24:00:00Z",
            "2025-03-07T09:05:00+25:00",
            "2025-03-07T09:05:00.Z",
            "07/03/2025 09:05",
            "2025-03-07T09:05:00Z trailing",
            "२०२५-03-07T09:05:00Z",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn timestamps_read_as_rss_writes_them() {
        assert_eq!(
            parse_timestamp("Fri, 07 Mar 2025 10:05:00 +0100"),
            Some(at(2025, 3, 7, 9, 5))
        );
        assert_eq!(
            parse_timestamp("7 Mar 2025 09:05:00 GMT"),
            Some(at(2025, 3, 7, 9, 5))
        );
        assert_eq!(parse_timestamp("Fri, 30 Feb 2025 09:05:00 +0000"), None);
    }

    #[test]
    fn timestamps_read_as_real_feeds_write_them() {
        // All 7 March 2025, 09:05 UTC.
        for written in [
            // RFC 2822 as WordPress and most RSS feeds write it.
            "Fri, 07 Mar 2025 01:05:00 -0800",
            "Fri, 7 Mar 2025 09:05:00 +0000",
            "fri, 07 mar 2025 09:05:00 gmt",
            "FRI, 07 MAR 2025 09:05:00 UT",
            "Fri, 07 Mar 2025 09:05:00 UTC",
            "Fri, 07 Mar 2025 09:05:00 utc",
            "Fri, 07 Mar 2025 09:05:00 Z",
            "Fri, 07 Mar 2025 09:05 GMT",
            "7 Mar 2025 09:05 +0000",
            "07 Mar 2025 09:05:00 UTC",
            "Fri, 07 Mar 25 09:05:00 GMT",
            "Fri, 07 Mar 2025 04:05:00 EST",
            "Fri, 07 Mar 2025 05:05:00 EDT",
            "Fri, 07 Mar 2025 03:05:00 CST",
            "Fri, 07 Mar 2025 02:05:00 MST",
            "Fri, 07 Mar 2025 01:05:00 PST",
            "Fri, 07 Mar 2025 02:05:00 PDT",
            // A weekday that is long, or not the date's: the date counts.
            "Friday, 07 Mar 2025 09:05:00 +0000",
            "Thu, 07 Mar 2025 09:05:00 +0000",
            // ISO 8601 as RFC 3339 doesn't quite allow it.
            "2025-03-07 09:05:00Z",
            "2025-03-07t09:05:00z",
            "2025-03-07T09:05Z",
            "2025-03-07T10:05+01:00",
            "2025-03-07T10:05:00+0100",
            "2025-03-07T10:05:00.000+0100",
            "2025-03-07 10:05:00 +0100",
            "2025-03-07 09:05:00 UTC",
            "2025-03-07 09:05:00 GMT",
            "2025-03-07 09:05 UTC",
            "2025-03-07T09:05:00 Z",
        ] {
            assert_eq!(
                parse_timestamp(written),
                Some(at(2025, 3, 7, 9, 5)),
                "{written:?}"
            );
        }
        for unreadable in [
            "Fri, 07 Mar 2025 09:05:00",
            "Fri, 07 Mar 2025 09:05:00 CEST",
            "Fri 07 Mar 2025 09:05:00 +0000 and more",
            "Friday the 7th, 07 Mar 2025 09:05:00 +0000",
            "Fri, 32 Mar 2025 09:05:00 +0000",
            "07 March, 2025",
            "2025-03-07 UTC",
            "2025-03-07 09:05:00 +2500",
            "UTC",
            "\u{a0}UTC",
            "é UTC",
        ] {
            assert_eq!(parse_timestamp(unreadable), None, "{unreadable:?}");
        }
    }

    #[test]
    fn a_leap_second_is_written_as_html_accepts_it() {
        let leap = parse_timestamp("2016-12-31T23:59:60Z").unwrap();
        assert_eq!(machine(leap), "2016-12-31T23:59:59Z");
        assert_eq!(exact(leap), "31 December 2016, 23:59 UTC");
    }

    #[test]
    fn days_read_alone_or_from_a_timestamp() {
        let day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(parse_day("2025-12-31"), Some(day));
        assert_eq!(parse_day("2025-12-31T10:00:00Z"), Some(day));
        assert_eq!(parse_day("2025-13-01"), None);
        assert_eq!(parse_day("31.12.2025"), None);
        assert_eq!(parse_day("+202-12-31"), None);
        assert_eq!(parse_day("2025-1-31xx"), None);
        assert_eq!(
            super::day(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()),
            "1 January 1"
        );
    }

    #[test]
    fn countdown_counts_calendar_days() {
        let now = at(2026, 11, 25, 23, 0);
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert_eq!(countdown(day(5), now), "Out in 10 days");
        assert_eq!(
            countdown(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), now),
            "Out tomorrow"
        );
        assert_eq!(
            countdown(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), now),
            "Out today"
        );
        assert_eq!(
            countdown(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), now),
            "Out now"
        );
    }
}
