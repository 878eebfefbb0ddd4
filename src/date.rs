//! Dates as a fan reads them: "3 days ago" on the card, the exact time on hover, and the
//! countdown to a confirmed release day. Every function takes "now", so tests fix the clock.

use chrono::{DateTime, NaiveDate, Utc};

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

/// The exact time, for the hover title.
pub fn exact(date: DateTime<Utc>) -> String {
    date.format("%-d %B %Y, %H:%M UTC").to_string()
}

/// A day, for release windows ("14 March 2026").
pub fn day(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
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
