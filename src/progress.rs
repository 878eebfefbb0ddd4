//! Watch progress: "I've seen up to season 4, episode 9". An update that spoils a point in the
//! show the fan has already watched can't spoil anything, whatever its level.
//!
//! Pure: the rule, the points, the picker's options and the export code are tested natively.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::stored;

/// A point in a show: an episode, or the end of a whole season.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Point {
    /// The season, from 1.
    pub season: u32,
    /// The episode, from 1; `None` for the whole season.
    pub episode: Option<u32>,
}

impl Point {
    /// Reads `S4E9`, `s4e9`, `S4` (the whole season) or `4x09`.
    pub fn parse(value: &str) -> Option<Point> {
        let value = value.trim().to_ascii_lowercase();
        let (season, episode) = if let Some(rest) = value.strip_prefix('s') {
            match rest.split_once('e') {
                Some((season, episode)) => (season, Some(episode)),
                None => (rest, None),
            }
        } else {
            let (season, episode) = value.split_once('x')?;
            (season, Some(episode))
        };
        let season: u32 = season.parse().ok().filter(|s| *s > 0)?;
        let episode = match episode {
            Some(episode) => Some(episode.parse().ok().filter(|e: &u32| *e > 0)?),
            None => None,
        };
        Some(Point { season, episode })
    }

    /// Where this point is in the show, for comparing: a whole season ends after its last
    /// episode.
    fn position(self) -> (u32, u32) {
        (self.season, self.episode.unwrap_or(u32::MAX))
    }
}

impl PartialOrd for Point {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Point {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.position().cmp(&other.position())
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.episode {
            Some(episode) => write!(f, "S{}E{}", self.season, episode),
            None => write!(f, "S{}", self.season),
        }
    }
}

/// One season of a show, as the feed describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Season {
    /// The season number.
    pub number: u32,
    /// How many episodes it has.
    pub episodes: u32,
    /// Each episode's air date, when known (first episode first).
    pub air_dates: Vec<NaiveDate>,
}

/// How far a fan has watched one show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Watched {
    /// Nothing yet (or not said): progress unlocks nothing.
    #[default]
    Nothing,
    /// Up to and including this point.
    UpTo(Point),
    /// Everything that has aired, whenever the widget is opened.
    CaughtUp,
    /// Everything that aired at least this many days ago: a pace behind the broadcast that
    /// moves on by itself as days pass.
    Aired(u32),
}

/// The paces the progress picker offers, in days behind the broadcast.
pub const PACES: [u32; 5] = [1, 3, 7, 14, 30];

/// The longest pace read from a page or storage, in days.
pub const MAX_PACE: u32 = 366;

impl Watched {
    /// Reads `S4E7`, `S4`, `all` / `caught-up`, `aired-7d` (a week behind the broadcast),
    /// or `none`.
    pub fn parse(value: &str) -> Option<Watched> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "none" | "nothing" => Some(Watched::Nothing),
            "all" | "caught-up" | "caughtup" => Some(Watched::CaughtUp),
            other => match other.strip_prefix("aired-") {
                Some(days) => days
                    .strip_suffix('d')
                    .unwrap_or(days)
                    .parse()
                    .ok()
                    .filter(|days| (1..=MAX_PACE).contains(days))
                    .map(Watched::Aired),
                None => Point::parse(other).map(Watched::UpTo),
            },
        }
    }

    /// The keyword form, for storage, queries and export codes.
    pub fn key(self) -> String {
        match self {
            Watched::Nothing => "none".into(),
            Watched::UpTo(point) => point.to_string(),
            Watched::CaughtUp => "all".into(),
            Watched::Aired(days) => format!("aired-{days}d"),
        }
    }
}

/// A fan's progress in one show, stored per show as `{"watched":"S4E7","ahead":false}`. A
/// member left out (or null) keeps its default, and a point this version can't read counts as
/// nothing watched (progress only ever unlocks); a member of the wrong kind makes the record
/// unreadable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowProgress {
    /// How far they have watched.
    #[serde(serialize_with = "write_watched", deserialize_with = "read_watched")]
    pub watched: Watched,
    /// Whether to also let through updates about the very next episode (previews).
    #[serde(deserialize_with = "stored::or_default")]
    pub ahead: bool,
}

/// Stores how far the fan has watched as its keyword ([`Watched::key`]).
fn write_watched<S: Serializer>(watched: &Watched, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&watched.key())
}

/// Reads a stored keyword; null, or a point this version can't read, is nothing watched.
fn read_watched<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Watched, D::Error> {
    let key: Option<String> = Option::deserialize(deserializer)?;
    Ok(key.and_then(|key| Watched::parse(&key)).unwrap_or_default())
}

/// Progress for every show the fan told the widget about, by show name.
pub type ProgressBook = std::collections::BTreeMap<String, ShowProgress>;

/// The localStorage key of a show's progress: per show, not per feed, so that two feeds (or
/// two sites) about one show share it.
pub fn storage_key(show: &str) -> String {
    format!("{STORAGE_PREFIX}{}", show.trim().to_lowercase())
}

/// What every progress key in localStorage starts with.
pub const STORAGE_PREFIX: &str = "spoilerfeed:progress:";

/// The last point that has aired, from the feed's episode list; `None` when it doesn't say.
pub fn last_aired(seasons: &[Season], now: DateTime<Utc>) -> Option<Point> {
    let today = now.date_naive();
    seasons
        .iter()
        .flat_map(|season| {
            season
                .air_dates
                .iter()
                .enumerate()
                .filter(|(_, aired)| **aired <= today)
                .map(|(index, _)| Point {
                    season: season.number,
                    episode: Some(index as u32 + 1),
                })
        })
        .max()
}

/// The episode right after `point`, using the season lengths when the feed gives them.
pub fn next_episode(point: Option<Point>, seasons: &[Season]) -> Point {
    let Some(point) = point else {
        return Point {
            season: 1,
            episode: Some(1),
        };
    };
    let length = seasons
        .iter()
        .find(|season| season.number == point.season)
        .map(|season| season.episodes);
    match point.episode {
        Some(episode) if length.is_none_or(|length| episode < length) => Point {
            season: point.season,
            episode: Some(episode + 1),
        },
        _ => Point {
            season: point.season + 1,
            episode: Some(1),
        },
    }
}

/// How far the fan's progress reaches, as a point (`None`: nothing watched).
fn reach(progress: &ShowProgress, seasons: &[Season], now: DateTime<Utc>) -> Option<Point> {
    match progress.watched {
        Watched::Nothing => None,
        Watched::UpTo(point) => Some(point),
        // With air dates, what has aired (maybe nothing yet); without them, "caught up" means
        // the fan has seen everything there is.
        Watched::CaughtUp if seasons.iter().any(|season| !season.air_dates.is_empty()) => {
            last_aired(seasons, now)
        }
        Watched::CaughtUp => Some(Point {
            season: u32::MAX,
            episode: None,
        }),
        // A pace follows the air dates only: without them it reaches nothing (fail closed).
        Watched::Aired(days) => last_aired(seasons, now - chrono::Duration::days(days.into())),
    }
}

/// A season's last episode counts as the whole season, when the feed says how long it is.
fn season_end(point: Point, seasons: &[Season]) -> Point {
    let finished = seasons.iter().any(|season| {
        season.number == point.season && point.episode.is_some_and(|e| e >= season.episodes)
    });
    if finished {
        Point {
            season: point.season,
            episode: None,
        }
    } else {
        point
    }
}

/// Whether the fan's progress makes an update that spoils `spoils` harmless.
pub fn unlocks(
    spoils: Point,
    progress: &ShowProgress,
    seasons: &[Season],
    now: DateTime<Utc>,
) -> bool {
    let reach = reach(progress, seasons, now);
    if reach
        .map(|point| season_end(point, seasons))
        .is_some_and(|reach| spoils <= reach)
    {
        return true;
    }
    progress.ahead && spoils.episode.is_some() && spoils == next_episode(reach, seasons)
}

/// Why an update is still hidden by progress, for its placeholder ("Spoils S4E9: you're at
/// S4E7").
pub fn reason(spoils: Point, progress: &ShowProgress) -> String {
    match progress.watched {
        Watched::Nothing => format!("Spoils {spoils}"),
        Watched::UpTo(point) => format!("Spoils {spoils}: you're at {point}"),
        Watched::CaughtUp => format!("Spoils {spoils}, which hasn't aired yet"),
        Watched::Aired(1) => format!("Spoils {spoils}: you watch a day behind the broadcast"),
        Watched::Aired(days) => {
            format!("Spoils {spoils}: you watch {days} days behind the broadcast")
        }
    }
}

/// The choices of a show's progress picker: every episode the feed lists (or, without an
/// episode list, every point its updates mention), in order.
pub fn choices(seasons: &[Season], mentioned: impl IntoIterator<Item = Point>) -> Vec<Point> {
    let mut points: Vec<Point> = if seasons.is_empty() {
        mentioned.into_iter().collect()
    } else {
        seasons
            .iter()
            .flat_map(|season| {
                (1..=season.episodes).map(move |episode| Point {
                    season: season.number,
                    episode: Some(episode),
                })
            })
            .collect()
    };
    // A real sort, not sorted inserts: a hostile feed can mention tens of thousands of points.
    points.sort_unstable();
    points.dedup();
    points
}

/// A short code carrying progress between sites: `Stranger Things=S4E7+;Wednesday=S1`, where
/// `+` means "one episode ahead". Names are percent-encoded.
pub fn export_code(book: &ProgressBook) -> String {
    book.iter()
        .filter(|(_, progress)| progress.watched != Watched::Nothing || progress.ahead)
        .map(|(show, progress)| {
            let show: String = form_urlencoded::byte_serialize(show.as_bytes()).collect();
            let ahead = if progress.ahead { "+" } else { "" };
            format!("{show}={}{ahead}", progress.watched.key())
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Reads an export code (or a URL whose fragment is `#progress=<code>`); unreadable parts are
/// left out.
pub fn import_code(code: &str) -> ProgressBook {
    let code = code.trim();
    let code = code
        .split_once("#progress=")
        .map_or(code, |(_, fragment)| fragment);
    let code = code.strip_prefix("progress=").unwrap_or(code);
    code.split(';')
        .filter_map(|entry| {
            let (show, watched) = entry.split_once('=')?;
            // Read as a query value: up to a raw `&`.
            let show = form_urlencoded::parse(show.as_bytes())
                .next()
                .map_or_else(String::new, |(show, _)| show.trim().to_owned());
            let (watched, ahead) = match watched.trim().strip_suffix('+') {
                Some(watched) => (watched, true),
                None => (watched.trim(), false),
            };
            let watched = Watched::parse(watched)?;
            (!show.is_empty()).then_some((show, ShowProgress { watched, ahead }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn p(value: &str) -> Point {
        Point::parse(value).unwrap()
    }

    fn up_to(value: &str) -> ShowProgress {
        ShowProgress {
            watched: Watched::UpTo(p(value)),
            ahead: false,
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap()
    }

    fn season(number: u32, episodes: u32, first: &str) -> Season {
        let first = NaiveDate::parse_from_str(first, "%Y-%m-%d").unwrap();
        Season {
            number,
            episodes,
            air_dates: (0..episodes)
                .map(|week| first + chrono::Duration::weeks(week.into()))
                .collect(),
        }
    }

    /// Reads a show's stored progress as storage does: `None` when it can't be read.
    fn from_json(json: &str) -> Option<ShowProgress> {
        serde_json::from_str(json).ok()
    }

    #[test]
    fn points_read_and_order() {
        assert_eq!(
            p("S4E9"),
            Point {
                season: 4,
                episode: Some(9)
            }
        );
        assert_eq!(p(" s04e09 "), p("S4E9"));
        assert_eq!(p("4x09"), p("S4E9"));
        assert_eq!(
            p("S4"),
            Point {
                season: 4,
                episode: None
            }
        );
        for bad in ["", "S0E1", "S1E0", "E4", "S4E", "season 4", "S-1E2"] {
            assert_eq!(Point::parse(bad), None, "{bad:?}");
        }
        assert!(p("S4E7") < p("S4E9"));
        assert!(
            p("S4E99") < p("S4"),
            "a whole season ends after its last episode"
        );
        assert!(p("S4") < p("S5E1"));
        assert_eq!(p("S4E9").to_string(), "S4E9");
    }

    #[test]
    fn watched_points_unlock_what_they_reach() {
        let seasons = [];
        assert!(unlocks(p("S4E7"), &up_to("S4E7"), &seasons, now()));
        assert!(unlocks(p("S3"), &up_to("S4E1"), &seasons, now()));
        assert!(!unlocks(p("S4E9"), &up_to("S4E7"), &seasons, now()));
        assert!(
            !unlocks(p("S4"), &up_to("S4E9"), &seasons, now()),
            "S4's length unknown"
        );
        assert!(unlocks(p("S4"), &up_to("S4"), &seasons, now()));
        assert!(!unlocks(
            p("S1E1"),
            &ShowProgress::default(),
            &seasons,
            now()
        ));
    }

    #[test]
    fn one_episode_ahead_lets_through_exactly_the_next_episode() {
        let seasons = [season(4, 9, "2026-01-01"), season(5, 8, "2026-06-01")];
        let mut fan = up_to("S4E7");
        fan.ahead = true;
        assert!(unlocks(p("S4E8"), &fan, &seasons, now()));
        assert!(!unlocks(p("S4E9"), &fan, &seasons, now()));
        assert!(!unlocks(p("S5"), &fan, &seasons, now()));
        // At a season's end, the next episode is the next season's first.
        let mut fan = up_to("S4E9");
        fan.ahead = true;
        assert!(
            unlocks(p("S4"), &fan, &seasons, now()),
            "S4 is 9 episodes long"
        );
        assert!(unlocks(p("S5E1"), &fan, &seasons, now()));
        assert!(!unlocks(p("S5E2"), &fan, &seasons, now()));
        // Nothing watched: only the pilot is one ahead.
        let fresh = ShowProgress {
            watched: Watched::Nothing,
            ahead: true,
        };
        assert!(unlocks(p("S1E1"), &fresh, &seasons, now()));
        assert!(!unlocks(p("S1E2"), &fresh, &seasons, now()));
    }

    #[test]
    fn caught_up_follows_the_air_dates() {
        // S5 airs weekly from 2026-11-01: by 2026-11-25, episodes 1 to 4 are out.
        let seasons = [season(4, 9, "2026-01-01"), season(5, 8, "2026-11-01")];
        let fan = ShowProgress {
            watched: Watched::CaughtUp,
            ahead: false,
        };
        assert_eq!(last_aired(&seasons, now()), Some(p("S5E4")));
        assert!(unlocks(p("S5E4"), &fan, &seasons, now()));
        assert!(!unlocks(p("S5E5"), &fan, &seasons, now()));
        // Without an episode list, caught up means everything.
        assert!(unlocks(p("S9E9"), &fan, &[], now()));
        // Before the first air date nothing has aired: caught up unlocks nothing, and one
        // ahead only the pilot.
        let unaired = [season(1, 8, "2027-01-01")];
        assert!(!unlocks(p("S1E1"), &fan, &unaired, now()));
        let ahead = ShowProgress { ahead: true, ..fan };
        assert!(unlocks(p("S1E1"), &ahead, &unaired, now()));
        assert!(!unlocks(p("S1E2"), &ahead, &unaired, now()));
    }

    #[test]
    fn a_pace_follows_the_air_dates_days_behind() {
        // S5 airs weekly from 2026-11-01; on 2026-11-25, S5E4 (11-22) is three days old.
        let seasons = [season(4, 9, "2026-01-01"), season(5, 8, "2026-11-01")];
        let week = ShowProgress {
            watched: Watched::Aired(7),
            ahead: false,
        };
        // A week behind: S5E3 (11-15) is in, S5E4 (11-22) not yet.
        assert!(unlocks(p("S5E3"), &week, &seasons, now()));
        assert!(!unlocks(p("S5E4"), &week, &seasons, now()));
        // It moves on by itself: three days later S5E4 is a week old.
        let later = now() + chrono::Duration::days(4);
        assert!(unlocks(p("S5E4"), &week, &seasons, later));
        assert!(!unlocks(p("S5E5"), &week, &seasons, later));
        let day = ShowProgress {
            watched: Watched::Aired(1),
            ahead: false,
        };
        assert!(unlocks(p("S5E4"), &day, &seasons, now()));
        // Without air dates a pace reaches nothing: it never unlocks more than it knows.
        assert!(!unlocks(p("S1E1"), &week, &[], now()));
        assert_eq!(
            reason(p("S5E4"), &week),
            "Spoils S5E4: you watch 7 days behind the broadcast"
        );
    }

    #[test]
    fn paces_read_and_write_as_aired_days() {
        assert_eq!(Watched::parse("aired-7d"), Some(Watched::Aired(7)));
        assert_eq!(Watched::parse(" AIRED-14 "), Some(Watched::Aired(14)));
        assert_eq!(Watched::Aired(30).key(), "aired-30d");
        for bad in [
            "aired-0d",
            "aired-d",
            "aired--3d",
            "aired-9999d",
            "aired-1w",
        ] {
            assert_eq!(Watched::parse(bad), None, "{bad:?}");
        }
        let stored = ShowProgress {
            watched: Watched::Aired(3),
            ahead: true,
        };
        assert_eq!(
            from_json(&serde_json::to_string(&stored).unwrap()),
            Some(stored)
        );
    }

    #[test]
    fn reasons_say_where_the_fan_is() {
        assert_eq!(
            reason(p("S4E9"), &up_to("S4E7")),
            "Spoils S4E9: you're at S4E7"
        );
        assert_eq!(reason(p("S4E9"), &ShowProgress::default()), "Spoils S4E9");
    }

    #[test]
    fn choices_come_from_the_episode_list_or_the_updates() {
        let seasons = [season(1, 2, "2020-01-01"), season(2, 1, "2021-01-01")];
        let labels: Vec<String> = choices(&seasons, []).iter().map(Point::to_string).collect();
        assert_eq!(labels, ["S1E1", "S1E2", "S2E1"]);
        let labels: Vec<String> = choices(&[], [p("S4E9"), p("S3"), p("S4E9")])
            .iter()
            .map(Point::to_string)
            .collect();
        assert_eq!(labels, ["S3", "S4E9"]);
    }

    #[test]
    fn export_codes_round_trip() {
        let mut book = ProgressBook::new();
        book.insert(
            "Stranger Things".into(),
            ShowProgress {
                watched: Watched::UpTo(p("S4E7")),
                ahead: true,
            },
        );
        book.insert(
            "Wednesday".into(),
            ShowProgress {
                watched: Watched::CaughtUp,
                ahead: false,
            },
        );
        book.insert("Unwatched".into(), ShowProgress::default());
        let code = export_code(&book);
        assert_eq!(code, "Stranger+Things=S4E7+;Wednesday=all");
        book.remove("Unwatched");
        assert_eq!(import_code(&code), book);
        assert_eq!(
            import_code(&format!("https://fans.example/news#progress={code}")),
            book
        );
        assert_eq!(import_code("garbage;=S1;Show=S0E0"), ProgressBook::new());
    }

    #[test]
    fn stored_progress_reads_back_and_tolerates_garbage() {
        let progress = ShowProgress {
            watched: Watched::UpTo(p("S2E3")),
            ahead: true,
        };
        let json = serde_json::to_string(&progress).unwrap();
        assert_eq!(json, r#"{"watched":"S2E3","ahead":true}"#);
        assert_eq!(from_json(&json), Some(progress));
        let odd = from_json(r#"{"watched":"S99X"}"#);
        assert_eq!(odd, Some(ShowProgress::default()));
        assert_eq!(from_json("{}"), Some(ShowProgress::default()));
        assert_eq!(from_json(r#"{"ahead":"yes"}"#), None);
        assert_eq!(from_json("not json"), None);
        assert_eq!(
            storage_key(" Stranger Things "),
            storage_key("stranger things")
        );
    }
}
