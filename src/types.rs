//! The widget's vocabulary: spoiler levels, update kinds and sets of kinds.
//! A leaf module: everything else (the feed reader, the fan's choices, the rules, the view)
//! speaks in these words, and this module imports nothing of the crate.

use serde::{Deserialize, Serialize};

/// How much of the story an update gives away, from nothing to the ending; stored as its
/// keyword, read as [`Level::parse`] reads it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Level {
    /// Production, scheduling, business: nothing about the story.
    #[default]
    None,
    /// Who is in it and how it feels: cast, tone, episode count.
    Mild,
    /// Story set-up: trailers, settings, returning characters.
    Moderate,
    /// Plot points, deaths, twists, endings.
    Major,
}

impl Level {
    /// Every level, least spoiling first.
    pub const ALL: [Level; 4] = [Level::None, Level::Mild, Level::Moderate, Level::Major];

    /// Reads a level keyword as written in feeds, queries and attributes.
    pub fn parse(value: &str) -> Option<Level> {
        let value = value.trim();
        Level::ALL
            .into_iter()
            .find(|level| level.key().eq_ignore_ascii_case(value))
    }

    /// The keyword used in feeds, queries and storage.
    pub fn key(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Mild => "mild",
            Level::Moderate => "moderate",
            Level::Major => "major",
        }
    }
}

impl TryFrom<String> for Level {
    type Error = &'static str;
    fn try_from(key: String) -> Result<Level, &'static str> {
        Level::parse(&key).ok_or("a level this version doesn't know")
    }
}

impl From<Level> for &'static str {
    fn from(level: Level) -> &'static str {
        level.key()
    }
}

/// What an update is about; decides the card's own block and the filter chips. Stored as its
/// keyword, read as [`Kind::parse`] reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Kind {
    /// Filming and post-production progress.
    Production,
    /// New cast members.
    Cast,
    /// Release windows and dates.
    Release,
    /// Anything else, including kinds this widget does not know.
    Other,
}

impl Kind {
    /// Every kind, in the order the filter chips show them.
    pub const ALL: [Kind; 4] = [Kind::Production, Kind::Cast, Kind::Release, Kind::Other];

    /// Reads a kind keyword; `None` for a keyword this widget does not know.
    pub fn parse(value: &str) -> Option<Kind> {
        let value = value.trim();
        Kind::ALL
            .into_iter()
            .find(|kind| kind.key().eq_ignore_ascii_case(value))
    }

    /// The keyword used in feeds, queries and storage.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Production => "production",
            Kind::Cast => "cast",
            Kind::Release => "release",
            Kind::Other => "other",
        }
    }
}

/// A set of kinds, stored as a list of keywords.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<Kind>", into = "Vec<Kind>")]
pub struct KindSet(u8);

impl Default for KindSet {
    fn default() -> Self {
        KindSet::all()
    }
}

impl KindSet {
    /// Every kind: nothing filtered out.
    pub fn all() -> Self {
        Kind::ALL.into_iter().collect()
    }

    /// Reads a comma-separated list such as `cast,release`; unknown words are ignored and a
    /// list with no known kind gives `None`.
    pub fn parse(list: &str) -> Option<Self> {
        let kinds: KindSet = list.split(',').filter_map(Kind::parse).collect();
        (kinds.0 != 0).then_some(kinds)
    }

    /// One bit per kind, by its place in the enum (which is the order of [`Kind::ALL`]).
    fn bit(kind: Kind) -> u8 {
        1 << kind as u8
    }

    /// Whether updates of this kind are listed.
    pub fn contains(&self, kind: Kind) -> bool {
        self.0 & KindSet::bit(kind) != 0
    }

    /// Whether no kind is filtered out.
    pub fn is_all(&self) -> bool {
        *self == KindSet::all()
    }

    /// The kinds in the set, in the order of [`Kind::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL
            .into_iter()
            .filter(move |kind| self.contains(*kind))
    }

    /// A chip press: from "every kind" it narrows to that kind; otherwise it adds or removes
    /// the kind, and removing the last one lists every kind again.
    pub fn toggle(&mut self, kind: Kind) {
        if self.is_all() {
            self.0 = KindSet::bit(kind);
        } else {
            self.0 ^= KindSet::bit(kind);
        }
        if self.0 == 0 {
            *self = KindSet::all();
        }
    }

    /// The comma-separated form used in queries and attributes.
    pub fn to_query(&self) -> String {
        self.iter().map(Kind::key).collect::<Vec<_>>().join(",")
    }
}

impl TryFrom<String> for Kind {
    type Error = &'static str;
    fn try_from(key: String) -> Result<Kind, &'static str> {
        Kind::parse(&key).ok_or("a kind this version doesn't know")
    }
}

impl From<Kind> for &'static str {
    fn from(kind: Kind) -> &'static str {
        kind.key()
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(kinds: I) -> Self {
        KindSet(
            kinds
                .into_iter()
                .fold(0, |bits, kind| bits | KindSet::bit(kind)),
        )
    }
}

impl From<Vec<Kind>> for KindSet {
    /// The kinds of a stored list; an empty list lists every kind, as removing the last chip
    /// does.
    fn from(kinds: Vec<Kind>) -> Self {
        let kinds: KindSet = kinds.into_iter().collect();
        if kinds.0 == 0 {
            KindSet::all()
        } else {
            kinds
        }
    }
}

impl From<KindSet> for Vec<Kind> {
    fn from(kinds: KindSet) -> Self {
        kinds.iter().collect()
    }
}
