//! Dates as a fan reads them: "3 days ago" on the card, the exact time on hover, and the
//! countdown to a confirmed release day; and dates as feeds write them (RFC 3339). Every
//! function takes "now", so tests fix the clock.
//!
//! Reading and writing are done by hand on chrono's calendar types: chrono's own parser and
//! strftime machinery cost the bundle more than everything else in this module.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Reads an RFC 3339 timestamp (`2025-03-07T09:05:00.123+01:00`, `…Z`), as JSON Feed writes
/// dates; `None` for anything else.
pub fn parse_timestamp(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim().as_bytes();
    if value.len() < 20 || !matches!(value[10], b'T' | b't' | b' ') {
        return None;
    }
    let date = parse_day_bytes(&value[..10])?;
    let rest = &value[11..];
    if rest.len() < 8 || rest[2] != b':' || rest[5] != b':' {
        return None;
    }
    let (hour, minute, second) = (
        digits(&rest[0..2])?,
        digits(&rest[3..5])?,
        digits(&rest[6..8])?,
    );
    let mut rest = &rest[8..];
    let mut nanos = 0;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let len = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        for (index, digit) in fraction[..len.min(9)].iter().enumerate() {
            nanos += u32::from(digit - b'0') * 10_u32.pow(8 - index as u32);
        }
        rest = &fraction[len..];
    }
    let offset_minutes: i64 = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (hours, minutes) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = i64::from(hours * 60 + minutes);
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    // A leap second (:60) is the last instant of its minute, as chrono represents it.
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, 1_000_000_000 + nanos)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?
    };
    let local = date.and_time(time).and_utc();
    local.checked_sub_signed(Duration::minutes(offset_minutes))
}

/// Reads a day written `YYYY-MM-DD`, or the day part of a timestamp.
pub fn parse_day(value: &str) -> Option<NaiveDate> {
    parse_day_bytes(value.trim().as_bytes().get(..10)?)
}

fn parse_day_bytes(value: &[u8]) -> Option<NaiveDate> {
    if value.len() != 10 || value[4] != b'-' || value[7] != b'-' {
        return None;
    }
    let year = digits(&value[0..4])?;
    NaiveDate::from_ymd_opt(year as i32, digits(&value[5..7])?, digits(&value[8..10])?)
}

/// A run of ASCII digits as a number.
fn digits(value: &[u8]) -> Option<u32> {
    value.iter().try_fold(0_u32, |number, byte| {
        byte.is_ascii_digit()
            .then(|| number * 10 + u32::from(byte - b'0'))
    })
}

/// A timestamp as RFC 3339 in UTC to the second, for `<time datetime>`.
pub fn machine(date: DateTime<Utc>) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        date.hour(),
        date.minute(),
        date.second()
    )
}

/// How long ago (or how far ahead) `date` is from `now`, in words.
pub fn relative(date: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - date).num_seconds();
    let future = seconds < 0;
    let seconds = seconds.unsigned_abs();
    let (count, unit) = match seconds {
        0..=59 => return "just now".into(),
        60..=3_599 => (seconds / 60, "minute"),
        3_600..=86_399 => (seconds / 3_600, "hour"),
        86_400..=172_799 => return if future { "tomorrow" } else { "yesterday" }.into(),
        172_800..=2_591_999 => (seconds / 86_400, "day"),
        2_592_000..=31_535_999 => (seconds / 2_592_000, "month"),
        _ => (seconds / 31_536_000, "year"),
    };
    let plural = if count == 1 { "" } else { "s" };
    if future {
        format!("in {count} {unit}{plural}")
    } else {
        format!("{count} {unit}{plural} ago")
    }
}

/// The exact time, for the hover title ("7 March 2025, 09:05 UTC").
pub fn exact(date: DateTime<Utc>) -> String {
    format!(
        "{}, {:02}:{:02} UTC",
        day(date.date_naive()),
        date.hour(),
        date.minute()
    )
}

/// A day, for release windows ("14 March 2026").
pub fn day(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// The countdown to a release day, counted in calendar days from today.
pub fn countdown(release: NaiveDate, now: DateTime<Utc>) -> String {
    let days = (release - now.date_naive()).num_days();
    match days {
        ..=-1 => "Out now".into(),
        0 => "Out today".into(),
        1 => "Out tomorrow".into(),
        _ => format!("Out in {days} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

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
            "2025-03-07T09:05Z",
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
    fn days_read_alone_or_from_a_timestamp() {
        let day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(parse_day("2025-12-31"), Some(day));
        assert_eq!(parse_day("2025-12-31T10:00:00Z"), Some(day));
        assert_eq!(parse_day("2025-13-01"), None);
        assert_eq!(parse_day("31.12.2025"), None);
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
