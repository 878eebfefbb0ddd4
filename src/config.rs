//! The fan's choices and where they come from: the page query or element attributes, what was
//! stored for the feed, and the defaults.
//!
//! Precedence: a value the page gives (query or attribute) wins over what is stored, which wins
//! over the defaults. Everything here is pure; storage access lives in `platform`.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::classify::{Rules, TagMap};
use crate::progress::Watched;
use crate::stored;
use crate::types::{Kind, KindSet, Level};

/// The feed shown when the page names none: the sample bundled with the widget.
pub const SAMPLE_FEED: &str = "sample-feed.json";

/// What a fan chose for one feed; stored per feed URL as
/// `{"level":"mild","kinds":["cast"],"show":null,"revealed":["id"]}`. A member left out (or
/// null) keeps its default; one of the wrong kind (or a level or kind this version doesn't
/// know) makes the whole record unreadable.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The spoiler level.
    #[serde(deserialize_with = "stored::or_default")]
    pub level: Level,
    /// The kinds listed.
    #[serde(deserialize_with = "stored::or_default")]
    pub kinds: KindSet,
    /// The one show listed, or every show.
    pub show: Option<String>,
    /// Items shown above the level by the fan's choice.
    #[serde(deserialize_with = "stored::or_default")]
    pub revealed: BTreeSet<String>,
}

/// Choices fixed by the page (query or attributes); each wins over what is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The level, if the page gives one.
    pub level: Option<Level>,
    /// The kinds, if the page gives them.
    pub kinds: Option<KindSet>,
    /// The show, if the page gives one.
    pub show: Option<String>,
}

impl Overrides {
    /// Applies these overrides to stored choices (or the defaults).
    pub fn apply(&self, stored: Option<Prefs>) -> Prefs {
        let mut prefs = stored.unwrap_or_default();
        if let Some(level) = self.level {
            prefs.level = level;
        }
        if let Some(kinds) = &self.kinds {
            prefs.kinds = *kinds;
        }
        if let Some(show) = &self.show {
            prefs.show = Some(show.clone());
        }
        prefs
    }

    /// What to store after the fan's choices changed: a field the page fixed, still at the
    /// page's value, keeps the stored value (or the default), so that opening a link with
    /// `level=major` once doesn't change the fan's level for good.
    pub fn keep_stored(&self, prefs: &Prefs, stored: Option<Prefs>) -> Prefs {
        let stored = stored.unwrap_or_default();
        let mut kept = prefs.clone();
        if self.level.is_some_and(|level| level == prefs.level) {
            kept.level = stored.level;
        }
        if self.kinds.as_ref() == Some(&prefs.kinds) {
            kept.kinds = stored.kinds;
        }
        if self.show.is_some() && self.show == prefs.show {
            kept.show = stored.show;
        }
        kept
    }
}

/// The colour scheme a page asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the fan's system (prefers-color-scheme).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Reads `light`, `dark` or `auto`.
    pub fn parse(value: &str) -> Option<Theme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The keyword, as written in attributes and queries.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything a page says about one widget: the standalone page's query string, or a
/// `<spoiler-feed>` element's attributes. Both use the same names, except that the element
/// names its feed `src` and the query `feed`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The feed URL as given (maybe relative to the page).
    pub feed: Option<String>,
    /// Choices fixed by the page.
    pub overrides: Overrides,
    /// The level the host site fixes; the fan can't change it.
    pub lock_level: Option<Level>,
    /// How many updates to list before "Show more".
    pub max_items: Option<usize>,
    /// The colour scheme.
    pub theme: Theme,
    /// Whether the page runs inside an iframe on another site.
    pub embed: bool,
    /// The largest feed read, in bytes.
    pub max_bytes: u64,
    /// How often to look for new updates, in seconds; `None` for never.
    pub refresh: Option<u32>,
    /// How far the fan has watched, when the host page knows it.
    pub progress: Option<Watched>,
    /// The host's tag maps and default level (`tag-levels`, `tag-kinds`, `default-level`).
    pub rules: Rules,
    /// Whether the standalone page shows the check page for site owners instead of the
    /// widget (`check=1`, query only).
    pub check: bool,
    /// The language asked for (`lang`, a BCP 47 tag); the page's or browser's otherwise.
    pub lang: Option<String>,
    /// Words and phrases the host page mutes for every show (`mute`, comma-separated).
    pub mute: Vec<String>,
}

/// The largest feed read unless the page says otherwise: 5 MB.
pub const DEFAULT_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// The shortest refresh interval, so that no widget hammers a feed's server.
pub const MIN_REFRESH_SECONDS: u32 = 60;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            feed: None,
            overrides: Overrides::default(),
            lock_level: None,
            max_items: None,
            theme: Theme::default(),
            embed: false,
            max_bytes: DEFAULT_MAX_BYTES,
            refresh: None,
            progress: None,
            rules: Rules::default(),
            check: false,
            lang: None,
            mute: Vec::new(),
        }
    }
}

impl Settings {
    /// Reads `(name, value)` pairs; unknown names and malformed values are ignored, so a typo
    /// never picks a more spoiling level than the stored or default one.
    pub fn from_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Settings
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut settings = Settings::default();
        for (key, value) in pairs {
            let value = value.as_ref().trim();
            match key.as_ref() {
                "feed" | "src" if !value.is_empty() => settings.feed = Some(value.to_owned()),
                "level" => settings.overrides.level = Level::parse(value),
                "kinds" => settings.overrides.kinds = KindSet::parse(value),
                "show" if !value.is_empty() => settings.overrides.show = Some(value.to_owned()),
                "lock-level" => settings.lock_level = Level::parse(value),
                "max-items" => settings.max_items = value.parse().ok().filter(|n| *n > 0),
                "theme" => settings.theme = Theme::parse(value).unwrap_or_default(),
                "embed" => settings.embed = matches!(value, "1" | "true" | ""),
                "check" => settings.check = matches!(value, "1" | "true" | ""),
                "max-size" => {
                    if let Some(bytes) = megabytes_to_bytes(value).filter(|bytes| *bytes > 0) {
                        settings.max_bytes = bytes;
                    }
                }
                "progress" => settings.progress = Watched::parse(value),
                "lang" => settings.lang = crate::i18n::well_formed(value),
                "tag-levels" => settings.rules.tag_levels = TagMap::parse(value, Level::parse),
                "tag-kinds" => settings.rules.tag_kinds = TagMap::parse(value, Kind::parse),
                "default-level" => settings.rules.default_level = Level::parse(value),
                "mute" => {
                    settings.mute = value
                        .split(',')
                        .map(str::trim)
                        .filter(|word| word.chars().any(char::is_alphanumeric))
                        .map(str::to_owned)
                        .collect();
                }
                "refresh" => {
                    settings.refresh = value
                        .parse::<u32>()
                        .ok()
                        .filter(|seconds| *seconds > 0)
                        .map(|seconds| seconds.max(MIN_REFRESH_SECONDS));
                }
                _ => {}
            }
        }
        if let Some(level) = settings.lock_level {
            settings.overrides.level = Some(level);
        }
        settings
    }

    /// Reads a query string such as `?feed=a.json&level=mild&kinds=cast,release`.
    pub fn from_query(search: &str) -> Settings {
        let search = search.strip_prefix('?').unwrap_or(search);
        Settings::from_pairs(form_urlencoded::parse(search.as_bytes()))
    }

    /// Reads a `<spoiler-feed>` element's attributes through `get`.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> Settings {
        Settings::from_pairs(
            ATTRIBUTES
                .iter()
                .filter_map(|name| get(name).map(|value| (*name, value))),
        )
    }
}

/// Reads a size in mebibytes such as `12` or `2.5` (to a thousandth): digits with an optional
/// fraction, nothing else (no sign, exponent, `inf` or `NaN`, which `f64`'s parser would take).
fn megabytes_to_bytes(value: &str) -> Option<u64> {
    let plain = value.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && value
            .split_once('.')
            .is_none_or(|(_, fraction)| fraction.len() <= 3);
    let megabytes: f64 = value.parse().ok().filter(|_| plain)?;
    let bytes = (megabytes * 1_048_576.0).floor();
    // `as` saturates; a size past u64 is no size.
    (bytes < u64::MAX as f64).then_some(bytes as u64)
}

/// The attributes `<spoiler-feed>` reads (and watches for changes); `loading` (`lazy` waits
/// until the element is near the viewport) is read by the element's script, not the widget.
pub const ATTRIBUTES: [&str; 16] = [
    "src",
    "level",
    "kinds",
    "show",
    "theme",
    "lock-level",
    "max-items",
    "max-size",
    "refresh",
    "progress",
    "tag-levels",
    "tag-kinds",
    "default-level",
    "lang",
    "mute",
    "loading",
];

/// The localStorage key of the choices for one feed.
pub fn storage_key(feed_url: &str) -> String {
    format!("spoilerfeed:prefs:{feed_url}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_reads_every_key() {
        let query = Settings::from_query("?feed=https%3A%2F%2Fa.example%2Ff.json&level=Mild&kinds=cast,release&show=Wednesday&embed=1");
        assert_eq!(query.feed.as_deref(), Some("https://a.example/f.json"));
        assert_eq!(query.overrides.level, Some(Level::Mild));
        assert_eq!(
            query
                .overrides
                .kinds
                .as_ref()
                .map(KindSet::to_query)
                .as_deref(),
            Some("cast,release")
        );
        assert_eq!(query.overrides.show.as_deref(), Some("Wednesday"));
        assert!(query.embed);
    }

    #[test]
    fn the_host_maps_tags_to_levels_and_kinds() {
        let settings = Settings::from_query(
            "tag-levels=Casting%3Amild%2C+spoilers%3Amajor%2C+x%3Ahuge&tag-kinds=casting:cast&default-level=none",
        );
        assert_eq!(settings.rules.tag_levels.get("casting"), Some(Level::Mild));
        assert_eq!(
            settings.rules.tag_levels.get("SPOILERS"),
            Some(Level::Major)
        );
        assert_eq!(settings.rules.tag_levels.get("x"), None);
        assert_eq!(settings.rules.tag_kinds.get("casting"), Some(Kind::Cast));
        assert_eq!(settings.rules.default_level, Some(Level::None));
        let element = Settings::from_attributes(|name| {
            (name == "tag-levels").then(|| "trailers:moderate".to_owned())
        });
        assert_eq!(
            element.rules.tag_levels.get("Trailers"),
            Some(Level::Moderate)
        );
        assert_eq!(
            Settings::from_query("default-level=harmless").rules,
            Rules::default()
        );
    }

    #[test]
    fn unknown_values_are_ignored() {
        let query = Settings::from_query("level=everything&kinds=gossip&feed=");
        assert_eq!(query, Settings::default());
    }

    #[test]
    fn query_wins_over_storage_which_wins_over_defaults() {
        let stored = Prefs {
            level: Level::Moderate,
            kinds: KindSet::parse("cast").unwrap(),
            show: Some("Wednesday".into()),
            revealed: ["a".to_owned()].into(),
        };
        // Nothing given, nothing stored: the defaults (the safest level, every kind).
        assert_eq!(Overrides::default().apply(None), Prefs::default());
        assert_eq!(Prefs::default().level, Level::None);
        assert!(Prefs::default().kinds.is_all());
        // Stored only.
        assert_eq!(Overrides::default().apply(Some(stored.clone())), stored);
        // The query wins for what it names; the rest stays as stored.
        let query = Settings::from_query("level=mild");
        let prefs = query.overrides.apply(Some(stored.clone()));
        assert_eq!(prefs.level, Level::Mild);
        assert_eq!(prefs.kinds, stored.kinds);
        assert_eq!(prefs.revealed, stored.revealed);
        let prefs = Settings::from_query("kinds=release,other")
            .overrides
            .apply(Some(stored));
        assert!(prefs.kinds.contains(Kind::Release) && !prefs.kinds.contains(Kind::Cast));
        assert_eq!(prefs.level, Level::Moderate);
    }

    #[test]
    fn what_the_page_fixed_is_not_stored_over_the_fans_choice() {
        let stored = Prefs {
            level: Level::Mild,
            kinds: KindSet::parse("cast").unwrap(),
            ..Prefs::default()
        };
        let page = Settings::from_query("level=major&kinds=release").overrides;
        let mut shown = page.apply(Some(stored.clone()));
        shown.revealed.insert("x".into());
        // The fan only revealed an update: the page's level and kinds stay out of storage.
        let kept = page.keep_stored(&shown, Some(stored.clone()));
        assert_eq!(kept.level, Level::Mild);
        assert_eq!(kept.kinds, stored.kinds);
        assert!(kept.revealed.contains("x"));
        // The fan picked another level: that is theirs, and is stored.
        shown.level = Level::Moderate;
        assert_eq!(
            page.keep_stored(&shown, Some(stored)).level,
            Level::Moderate
        );
        // Nothing stored yet: the defaults stand in.
        assert_eq!(page.keep_stored(&page.apply(None), None), Prefs::default());
    }

    /// Reads stored choices as storage does: what can't be read counts as nothing stored.
    fn read_stored(json: Option<&str>) -> Option<Prefs> {
        serde_json::from_str(json?).ok()
    }

    /// The stored form of choices.
    fn to_json(prefs: &Prefs) -> String {
        serde_json::to_string(prefs).unwrap()
    }

    #[test]
    fn stored_prefs_round_trip_and_garbage_is_ignored() {
        let prefs = Prefs {
            level: Level::Major,
            kinds: KindSet::parse("production").unwrap(),
            show: None,
            revealed: ["x".to_owned(), "y".to_owned()].into(),
        };
        let json = to_json(&prefs);
        assert_eq!(read_stored(Some(&json)), Some(prefs));
        // Choices stored by earlier versions read the same.
        let earlier = r#"{"level":"moderate","kinds":["cast","release"],"show":"Wed \"A\"","revealed":["a\nb"]}"#;
        let read = read_stored(Some(earlier)).unwrap();
        assert_eq!(to_json(&read), earlier);
        assert_eq!(read.show.as_deref(), Some("Wed \"A\""));
        assert!(read.revealed.contains("a\nb"));
        // Left-out members keep their defaults; a member of the wrong kind spoils the record.
        assert_eq!(read_stored(Some("{}")), Some(Prefs::default()));
        assert_eq!(
            read_stored(Some(r#"{"show":null,"kinds":[]}"#)),
            Some(Prefs::default())
        );
        assert_eq!(read_stored(Some(r#"{"kinds":["cast","gossip"]}"#)), None);
        assert_eq!(read_stored(Some(r#"{"revealed":[1]}"#)), None);
        assert_eq!(read_stored(Some(r#"{"show":3}"#)), None);
        // An empty list holds no choice: the defaults, as when nothing is stored.
        assert_eq!(
            Overrides::default().apply(read_stored(Some("[]"))),
            Prefs::default()
        );
        assert_eq!(read_stored(Some("{not json")), None);
        assert_eq!(read_stored(None), None);
        // A stored level from a future version falls back to the defaults, not to a leak.
        assert_eq!(read_stored(Some(r#"{"level":"extreme"}"#)), None);
        assert_eq!(
            read_stored(Some(r#"{"level":"mild"}"#)).map(|p| p.level),
            Some(Level::Mild)
        );
    }

    #[test]
    fn element_attributes_read_like_the_query() {
        let attrs = [
            ("src", "feeds/show.json"),
            ("level", "moderate"),
            ("theme", "dark"),
            ("max-items", "5"),
            ("kinds", "cast"),
        ];
        let settings = Settings::from_attributes(|name| {
            attrs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        });
        assert_eq!(settings.feed.as_deref(), Some("feeds/show.json"));
        assert_eq!(settings.overrides.level, Some(Level::Moderate));
        assert_eq!(settings.theme, Theme::Dark);
        assert_eq!(settings.max_items, Some(5));
        assert_eq!(settings.lock_level, None);
        assert!(!settings.embed);
    }

    #[test]
    fn a_locked_level_wins_over_the_level() {
        let settings = Settings::from_query("level=major&lock-level=mild");
        assert_eq!(settings.lock_level, Some(Level::Mild));
        assert_eq!(settings.overrides.level, Some(Level::Mild));
        let stored = Prefs {
            level: Level::Major,
            ..Prefs::default()
        };
        assert_eq!(settings.overrides.apply(Some(stored)).level, Level::Mild);
    }

    #[test]
    fn size_limit_and_refresh_are_read_and_bounded() {
        let settings = Settings::from_query("max-size=12&refresh=30");
        assert_eq!(settings.max_bytes, 12 * 1_048_576);
        assert_eq!(settings.refresh, Some(MIN_REFRESH_SECONDS));
        assert_eq!(Settings::from_query("refresh=300").refresh, Some(300));
        let defaults = Settings::from_query("max-size=-1&refresh=0");
        assert_eq!(defaults.max_bytes, DEFAULT_MAX_BYTES);
        assert_eq!(defaults.refresh, None);
        assert_eq!(
            Settings::from_query("max-size=NaN").max_bytes,
            DEFAULT_MAX_BYTES
        );
    }

    #[test]
    fn progress_is_read_from_the_page() {
        let settings = Settings::from_query("progress=S4E7");
        assert_eq!(settings.progress, Watched::parse("S4E7"));
        assert_eq!(
            Settings::from_query("progress=all").progress,
            Some(Watched::CaughtUp)
        );
        assert_eq!(Settings::from_query("progress=S0").progress, None);
    }

    #[test]
    fn the_host_mutes_words_and_sets_a_pace() {
        let settings =
            Settings::from_query("mute=vecna%2C+keeper%27s+daughter%2C+%2C&progress=aired-7d");
        assert_eq!(settings.mute, ["vecna", "keeper's daughter"]);
        assert_eq!(settings.progress, Some(Watched::Aired(7)));
        let element =
            Settings::from_attributes(|name| (name == "mute").then(|| " Eleven ".to_owned()));
        assert_eq!(element.mute, ["Eleven"]);
    }

    #[test]
    fn malformed_limits_and_themes_fall_back() {
        let settings = Settings::from_query("max-items=0&theme=neon&lock-level=all");
        assert_eq!(settings.max_items, None);
        assert_eq!(settings.theme, Theme::Auto);
        assert_eq!(settings.lock_level, None);
        assert_eq!(Settings::from_query("max-items=-3").max_items, None);
    }

    #[test]
    fn storage_keys_are_per_feed() {
        assert_ne!(
            storage_key("https://a.example/f.json"),
            storage_key("https://b.example/f.json")
        );
    }
}
