//! The site's own categories as levels and kinds: the maps a host page or a publisher gives
//! (`tag-levels="casting:mild, spoilers:major"`), and the fail-closed rule that gives every
//! item its level and kind, with the reason for each.
//! Pure, and used once per download by the feed readers.

use std::collections::BTreeMap;

use crate::types::{Kind, Level};

/// Tags (or categories) mapped to a level or a kind; tags are matched trimmed and
/// case-insensitively.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagMap<T>(BTreeMap<String, T>);

impl<T> Default for TagMap<T> {
    fn default() -> Self {
        TagMap(BTreeMap::new())
    }
}

impl<T: Copy> TagMap<T> {
    /// Reads `"tag:value, tag:value"`, keeping the pairs whose value `value` reads; a tag
    /// given twice keeps its last value.
    pub fn parse(list: &str, value: impl Fn(&str) -> Option<T>) -> Self {
        let mut map = TagMap::default();
        for pair in list.split(',') {
            // The value follows the last colon, so that a tag may hold one ("s4:e9:major").
            if let Some((tag, given)) = pair.rsplit_once(':') {
                if let Some(given) = value(given) {
                    map.insert(tag, given);
                }
            }
        }
        map
    }

    /// Maps `tag` to `value`, unless the tag is empty once trimmed.
    pub fn insert(&mut self, tag: &str, value: T) {
        let key = key(tag);
        if !key.is_empty() {
            self.0.insert(key, value);
        }
    }

    /// The value of `tag`, if it is mapped.
    pub fn get(&self, tag: &str) -> Option<T> {
        self.0.get(&key(tag)).copied()
    }

    /// Unmaps `tag`.
    pub fn remove(&mut self, tag: &str) {
        self.0.remove(&key(tag));
    }

    /// The `"tag:value, tag:value"` form that [`TagMap::parse`] reads back, with `name`
    /// writing each value. A tag holding a comma can't be written in that form and is left
    /// out.
    pub fn to_list(&self, name: impl Fn(T) -> &'static str) -> String {
        self.iter()
            .filter(|(tag, _)| !tag.contains(','))
            .map(|(tag, value)| format!("{tag}:{}", name(value)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The mapped tags (trimmed and lowercased) with their values, in tag order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, T)> + '_ {
        self.0.iter().map(|(tag, value)| (tag.as_str(), *value))
    }

    /// This map with `over`'s entries put over it: a tag `over` maps takes `over`'s value.
    pub fn overlaid(&self, over: &TagMap<T>) -> TagMap<T> {
        let mut map = self.clone();
        map.0
            .extend(over.0.iter().map(|(tag, value)| (tag.clone(), *value)));
        map
    }
}

/// How a tag is compared: trimmed and lowercased.
fn key(tag: &str) -> String {
    tag.trim().to_lowercase()
}

/// The host page's rules for a feed: its attributes or query `tag-levels`, `tag-kinds` and
/// `default-level`. Each wins over what the feed itself says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// Tags mapped to levels.
    pub tag_levels: TagMap<Level>,
    /// Tags mapped to kinds.
    pub tag_kinds: TagMap<Kind>,
    /// The level of items that carry none and have no mapped tag.
    pub default_level: Option<Level>,
}

impl Rules {
    /// These rules with `host`'s put over them: the host's default level and each tag the
    /// host maps win.
    pub fn overlaid(&self, host: &Rules) -> Rules {
        Rules {
            tag_levels: self.tag_levels.overlaid(&host.tag_levels),
            tag_kinds: self.tag_kinds.overlaid(&host.tag_kinds),
            default_level: host.default_level.or(self.default_level),
        }
    }

    /// These rules as the attributes (and query parameters) `tag-levels`, `tag-kinds` and
    /// `default-level` that read back as them, leaving out what is not set.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let levels = self.tag_levels.to_list(Level::key);
        if !levels.is_empty() {
            pairs.push(("tag-levels", levels));
        }
        let kinds = self.tag_kinds.to_list(Kind::key);
        if !kinds.is_empty() {
            pairs.push(("tag-kinds", kinds));
        }
        if let Some(level) = self.default_level {
            pairs.push(("default-level", level.key().to_owned()));
        }
        pairs
    }
}

/// Why an item has the level or kind it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The item's own spoiler extension says so.
    Own,
    /// One of its tags is mapped (the tag as the item writes it).
    Tag(String),
    /// The rules' default level (the host's, else the feed's).
    Default,
    /// Nothing says: the most spoiling level, or the kind "other".
    Unlabelled,
}

/// An item's level and why: its own level wins; else the most spoiling of its mapped tags;
/// else the default level; else (fail closed) [`Level::Major`].
pub fn level(own: Option<Level>, tags: &[String], rules: &Rules) -> (Level, Origin) {
    if let Some(level) = own {
        return (level, Origin::Own);
    }
    let mapped = tags
        .iter()
        .filter_map(|tag| Some((rules.tag_levels.get(tag)?, tag)))
        // The first of the most spoiling tags names the reason.
        .reduce(|most, next| if next.0 > most.0 { next } else { most });
    match (mapped, rules.default_level) {
        (Some((level, tag)), _) => (level, Origin::Tag(tag.clone())),
        (None, Some(level)) => (level, Origin::Default),
        (None, None) => (Level::Major, Origin::Unlabelled),
    }
}

/// An item's kind and why: its own kind wins; else its first tag mapped to a kind; else none
/// (the item is of kind "other").
pub fn kind(own: Option<Kind>, tags: &[String], rules: &Rules) -> (Option<Kind>, Origin) {
    if let Some(kind) = own {
        return (Some(kind), Origin::Own);
    }
    tags.iter()
        .find_map(|tag| Some((Some(rules.tag_kinds.get(tag)?), Origin::Tag(tag.clone()))))
        .unwrap_or((None, Origin::Unlabelled))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|tag| (*tag).to_owned()).collect()
    }

    fn rules(levels: &str) -> Rules {
        Rules {
            tag_levels: TagMap::parse(levels, Level::parse),
            ..Rules::default()
        }
    }

    #[test]
    fn a_map_is_read_trimmed_and_case_insensitively_and_bad_pairs_are_left_out() {
        let map = TagMap::parse(
            " Production : none,casting:MILD , trailers:loud, :major, spoilers, S4:E9:major",
            Level::parse,
        );
        assert_eq!(map.get("production"), Some(Level::None));
        assert_eq!(map.get("  CASTING "), Some(Level::Mild));
        assert_eq!(map.get("s4:e9"), Some(Level::Major));
        assert_eq!(map.get("trailers"), None);
        assert_eq!(map.get("spoilers"), None);
        assert_eq!(map.iter().count(), 3);
    }

    #[test]
    fn the_own_level_wins_then_the_most_spoiling_tag_then_the_default_then_major() {
        let rules = rules("production:none, casting:mild, trailers:moderate, spoilers:major");
        assert_eq!(
            level(Some(Level::None), &tags(&["Spoilers"]), &rules),
            (Level::None, Origin::Own)
        );
        assert_eq!(
            level(None, &tags(&["Casting", "News", " TRAILERS "]), &rules),
            (Level::Moderate, Origin::Tag(" TRAILERS ".into()))
        );
        assert_eq!(
            level(None, &tags(&["casting", "production"]), &rules),
            (Level::Mild, Origin::Tag("casting".into()))
        );
        assert_eq!(
            level(None, &tags(&["News"]), &rules),
            (Level::Major, Origin::Unlabelled)
        );
        let with_default = Rules {
            default_level: Some(Level::Mild),
            ..rules
        };
        assert_eq!(
            level(None, &tags(&["News"]), &with_default),
            (Level::Mild, Origin::Default)
        );
        assert_eq!(
            level(None, &[], &with_default),
            (Level::Mild, Origin::Default)
        );
    }

    #[test]
    fn the_host_wins_over_the_feed_tag_by_tag() {
        let feed = Rules {
            default_level: Some(Level::None),
            ..rules("trailers:none, casting:mild")
        };
        let host = rules("trailers:major");
        let both = feed.overlaid(&host);
        assert_eq!(both.tag_levels.get("trailers"), Some(Level::Major));
        assert_eq!(both.tag_levels.get("casting"), Some(Level::Mild));
        assert_eq!(both.default_level, Some(Level::None));
        let host_default = Rules {
            default_level: Some(Level::Moderate),
            ..Rules::default()
        };
        assert_eq!(
            feed.overlaid(&host_default).default_level,
            Some(Level::Moderate)
        );
    }

    #[test]
    fn a_map_is_written_as_it_is_read() {
        let map = TagMap::parse(" Casting :mild, s4:e9:major, news:none", Level::parse);
        let list = map.to_list(Level::key);
        assert_eq!(list, "casting:mild, news:none, s4:e9:major");
        assert_eq!(TagMap::parse(&list, Level::parse), map);
        let mut with_comma = map.clone();
        with_comma.insert("a, b", Level::Major);
        assert_eq!(with_comma.to_list(Level::key), list);
        with_comma.remove(" NEWS");
        assert_eq!(with_comma.get("news"), None);
        assert!(Rules::default().to_pairs().is_empty());
    }

    #[test]
    fn the_own_kind_wins_then_the_first_mapped_tag() {
        let rules = Rules {
            tag_kinds: TagMap::parse("casting:cast, release-date:release", Kind::parse),
            ..Rules::default()
        };
        assert_eq!(
            kind(Some(Kind::Production), &tags(&["casting"]), &rules),
            (Some(Kind::Production), Origin::Own)
        );
        assert_eq!(
            kind(None, &tags(&["news", "Release-Date", "casting"]), &rules),
            (Some(Kind::Release), Origin::Tag("Release-Date".into()))
        );
        assert_eq!(
            kind(None, &tags(&["news"]), &rules),
            (None, Origin::Unlabelled)
        );
    }
}
