//! The embed code a site maintainer pastes (a `<spoiler-feed>` element or a self-sizing
//! iframe) and the links to the site owner's tools page (`tools.html`) that carry a widget's
//! choices there. Pure: the embed-code builder and the standalone page's links use it.

use html_escape::encode_double_quoted_attribute;

use crate::classify::Rules;
use crate::config::{Prefs, Theme};

/// How a fan site embeds the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EmbedMode {
    /// The `<spoiler-feed>` custom element.
    #[default]
    Element,
    /// An iframe of the standalone page that sizes itself.
    Iframe,
}

/// What the embed-code builder turns into a snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedChoice {
    /// The folder the widget's files are served from, ending in `/`.
    pub widget_base: String,
    /// The feed's absolute URL.
    pub feed: String,
    /// The fan's current choices.
    pub prefs: Prefs,
    /// The colour scheme.
    pub theme: Theme,
    /// Whether the host fixes the level.
    pub lock: bool,
    /// The site's tag maps and default level.
    pub rules: Rules,
    /// The widget's language, when the site fixes it (else the page's own).
    pub lang: Option<String>,
    /// Words and phrases the site mutes for every show.
    pub mute: Vec<String>,
}

impl EmbedChoice {
    /// The settings as `(name, value)` pairs, in the element's attribute names, leaving out
    /// what is the default anyway.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("src", self.feed.clone())];
        let level = self.prefs.level.key().to_owned();
        if self.lock {
            pairs.push(("lock-level", level));
        } else {
            pairs.push(("level", level));
        }
        if !self.prefs.kinds.is_all() {
            pairs.push(("kinds", self.prefs.kinds.to_query()));
        }
        if let Some(show) = &self.prefs.show {
            pairs.push(("show", show.clone()));
        }
        if self.theme != Theme::Auto {
            pairs.push(("theme", self.theme.key().to_owned()));
        }
        pairs.extend(self.rules.to_pairs());
        if let Some(lang) = &self.lang {
            pairs.push(("lang", lang.clone()));
        }
        if !self.mute.is_empty() {
            pairs.push(("mute", self.mute.join(", ")));
        }
        pairs
    }

    /// The settings as the standalone page's query (`feed` for the element's `src`).
    pub fn query(&self) -> String {
        let pairs = self.pairs();
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(
                pairs
                    .iter()
                    .map(|(name, value)| (if *name == "src" { "feed" } else { name }, &**value)),
            )
            .finish()
    }

    /// The site owner's tools page with the embed-code builder starting from these choices.
    pub fn builder_url(&self) -> String {
        format!("{}{TOOLS_PAGE}?{}", self.widget_base, self.query())
    }

    /// The snippet a site maintainer pastes into a page.
    pub fn snippet(&self, mode: EmbedMode) -> String {
        match mode {
            EmbedMode::Element => {
                let attributes: String = self
                    .pairs()
                    .iter()
                    .map(|(name, value)| {
                        format!(" {name}=\"{}\"", encode_double_quoted_attribute(value))
                    })
                    .collect();
                format!(
                    "<script type=\"module\" src=\"{}spoiler-feed.js\"></script>\n<spoiler-feed{attributes}></spoiler-feed>",
                    encode_double_quoted_attribute(&self.widget_base)
                )
            }
            EmbedMode::Iframe => {
                let src = format!("{}index.html?{}&embed=1", self.widget_base, self.query());
                format!(
                    "<iframe src=\"{}\" title=\"Show news\" data-spoilerfeed loading=\"lazy\"></iframe>\n<script src=\"{}spoiler-feed-frame.js\" defer></script>",
                    encode_double_quoted_attribute(&src),
                    encode_double_quoted_attribute(&self.widget_base)
                )
            }
        }
    }
}

/// The site owner's tools page, next to the widget's files.
pub const TOOLS_PAGE: &str = "tools.html";

/// The tools page's check page for `feed` (absolute) under `rules` (the page's own, so that
/// the check reads the feed as this page does); `widget_base` ends in `/`.
pub fn check_url(widget_base: &str, feed: &str, rules: &Rules) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("check", "1")
        .append_pair("feed", feed)
        .extend_pairs(rules.to_pairs())
        .finish();
    format!("{widget_base}{TOOLS_PAGE}?{query}")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::config::Settings;
    use crate::types::{Kind, KindSet, Level};

    fn choice(lock: bool) -> EmbedChoice {
        EmbedChoice {
            widget_base: "https://widgets.example/sf/".into(),
            feed: "https://fans.example/feed.json?a=1&b=\"2\"".into(),
            prefs: Prefs {
                level: Level::Mild,
                kinds: KindSet::parse("cast,release").unwrap(),
                show: Some("Wednesday".into()),
                revealed: BTreeSet::new(),
            },
            theme: Theme::Dark,
            lock,
            rules: Rules::default(),
            lang: None,
            mute: Vec::new(),
        }
    }

    /// The site's rules as the builder makes them: tags with odd case, spacing and colons.
    fn site_rules() -> Rules {
        let mut rules = Rules {
            default_level: Some(Level::Mild),
            ..Rules::default()
        };
        rules.tag_levels.insert(" Casting ", Level::Mild);
        rules
            .tag_levels
            .insert("Trailers & \"Teasers\"", Level::Moderate);
        rules.tag_levels.insert("S4:E9", Level::Major);
        rules.tag_kinds.insert("Casting", Kind::Cast);
        rules.tag_kinds.insert("release date", Kind::Release);
        rules
    }

    /// The value of the attribute `name` in an element snippet, unescaped.
    fn attribute(snippet: &str, name: &str) -> Option<String> {
        let value = snippet
            .split(&format!(" {name}=\""))
            .nth(1)?
            .split('"')
            .next()?;
        Some(
            value
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        )
    }

    #[test]
    fn a_language_the_builder_fixes_reads_back_from_both_snippets() {
        let german = EmbedChoice {
            lang: Some("de".into()),
            ..choice(false)
        };
        let element = german.snippet(EmbedMode::Element);
        assert_eq!(attribute(&element, "lang").as_deref(), Some("de"));
        assert_eq!(
            Settings::from_attributes(|name| attribute(&element, name)).lang,
            Some("de".into())
        );
        let iframe = german.snippet(EmbedMode::Iframe);
        let src = attribute(&iframe, "src").unwrap();
        let query = src.split_once('?').unwrap().1;
        assert_eq!(Settings::from_query(query).lang, Some("de".into()));
        // Left to the page, the snippet says nothing of it; a malformed tag is no language.
        assert!(!choice(false).snippet(EmbedMode::Element).contains(" lang="));
        assert_eq!(Settings::from_query("lang=%3Cscript%3E").lang, None);
    }

    #[test]
    fn the_snippets_tag_maps_read_back_as_the_same_rules() {
        let mapped = EmbedChoice {
            rules: site_rules(),
            ..choice(false)
        };
        let element = mapped.snippet(EmbedMode::Element);
        let settings = Settings::from_attributes(|name| attribute(&element, name));
        assert_eq!(settings.rules, site_rules());
        assert_eq!(
            attribute(&element, "tag-levels").as_deref(),
            Some("casting:mild, s4:e9:major, trailers & \"teasers\":moderate")
        );
        let iframe = mapped.snippet(EmbedMode::Iframe);
        let src = attribute(&iframe, "src").unwrap();
        let settings = Settings::from_query(src.split_once('?').unwrap().1);
        assert_eq!(settings.rules, site_rules());
        // Without maps, the snippet says nothing of them.
        assert!(!choice(false).snippet(EmbedMode::Element).contains("tag-"));
        assert!(!choice(false)
            .snippet(EmbedMode::Iframe)
            .contains("default-level"));
    }

    #[test]
    fn the_check_page_link_carries_the_feed_and_the_pages_rules() {
        let url = check_url(
            "https://widgets.example/sf/",
            "https://fans.example/f.json?a=1&b=2",
            &site_rules(),
        );
        let (page, query) = url.split_once('?').unwrap();
        assert_eq!(page, "https://widgets.example/sf/tools.html");
        let settings = Settings::from_query(query);
        assert!(settings.check);
        assert_eq!(
            settings.feed.as_deref(),
            Some("https://fans.example/f.json?a=1&b=2")
        );
        assert_eq!(settings.rules, site_rules());
        assert!(!Settings::from_query("check=0").check);
        assert!(!Settings::default().check);
    }

    #[test]
    fn element_snippet_carries_every_choice_escaped() {
        assert_eq!(
            choice(false).snippet(EmbedMode::Element),
            "<script type=\"module\" src=\"https://widgets.example/sf/spoiler-feed.js\"></script>\n\
             <spoiler-feed src=\"https://fans.example/feed.json?a=1&amp;b=&quot;2&quot;\" level=\"mild\" \
             kinds=\"cast,release\" show=\"Wednesday\" theme=\"dark\"></spoiler-feed>"
        );
        assert!(choice(true)
            .snippet(EmbedMode::Element)
            .contains(" lock-level=\"mild\" "));
    }

    #[test]
    fn iframe_snippet_reads_back_as_the_same_settings() {
        let snippet = choice(true).snippet(EmbedMode::Iframe);
        let src = snippet
            .split("src=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .replace("&amp;", "&");
        let query = src.split_once('?').unwrap().1;
        let settings = Settings::from_query(query);
        assert_eq!(
            settings.feed.as_deref(),
            Some("https://fans.example/feed.json?a=1&b=\"2\"")
        );
        assert_eq!(settings.lock_level, Some(Level::Mild));
        assert_eq!(settings.overrides.show.as_deref(), Some("Wednesday"));
        assert_eq!(settings.theme, Theme::Dark);
        assert!(settings.embed);
        // The sizer is a file, not an inline script or style, so strict CSPs allow it.
        assert!(snippet.ends_with(
            "<script src=\"https://widgets.example/sf/spoiler-feed-frame.js\" defer></script>"
        ));
        assert!(!snippet.contains("style="));
    }

    #[test]
    fn the_hosts_muted_words_read_back_from_both_snippets() {
        let muted = EmbedChoice {
            mute: vec!["Vecna".into(), "keeper's daughter".into()],
            ..choice(false)
        };
        let element = muted.snippet(EmbedMode::Element);
        assert_eq!(
            attribute(&element, "mute").as_deref(),
            Some("Vecna, keeper's daughter")
        );
        let settings = Settings::from_attributes(|name| attribute(&element, name));
        assert_eq!(settings.mute, muted.mute);
        let iframe = muted.snippet(EmbedMode::Iframe);
        let src = attribute(&iframe, "src").unwrap();
        assert_eq!(
            Settings::from_query(src.split_once('?').unwrap().1).mute,
            muted.mute
        );
        // Nothing muted, nothing said.
        assert!(!choice(false).snippet(EmbedMode::Element).contains(" mute="));
    }

    #[test]
    fn the_builders_link_carries_the_widgets_choices_to_the_tools_page() {
        let shown = EmbedChoice {
            rules: site_rules(),
            lang: Some("de".into()),
            mute: vec!["Vecna".into()],
            ..choice(true)
        };
        let url = shown.builder_url();
        let (page, query) = url.split_once('?').unwrap();
        assert_eq!(page, "https://widgets.example/sf/tools.html");
        let settings = Settings::from_query(query);
        assert!(!settings.check && !settings.embed);
        assert_eq!(settings.feed.as_deref(), Some(shown.feed.as_str()));
        assert_eq!(settings.lock_level, Some(Level::Mild));
        assert_eq!(settings.overrides.kinds, Some(shown.prefs.kinds));
        assert_eq!(settings.overrides.show.as_deref(), Some("Wednesday"));
        assert_eq!(settings.theme, Theme::Dark);
        assert_eq!(settings.rules, site_rules());
        assert_eq!(settings.lang.as_deref(), Some("de"));
        assert_eq!(settings.mute, ["Vecna"]);
    }
}
