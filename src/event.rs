//! What the widget tells the page it lives on: `spoilerfeed:load`, `spoilerfeed:error` and
//! `spoilerfeed:levelchange`, each with a documented `detail` object.

use serde_json::{json, Value};

use crate::error::Error;
use crate::spoiler::Level;

/// Something a host page may want to react to.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// A feed was read and is shown.
    Load {
        /// The feed's title.
        title: String,
        /// How many updates the feed has (readable ones).
        items: usize,
        /// How many of them are shown at the current level.
        shown: usize,
        /// How many are hidden above it.
        hidden: usize,
        /// How many could not be read.
        skipped: usize,
    },
    /// Loading failed.
    Error(Error),
    /// The fan picked another level.
    LevelChange {
        /// The new level.
        level: Level,
        /// The level before.
        previous: Level,
    },
}

impl WidgetEvent {
    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Load { .. } => "spoilerfeed:load",
            WidgetEvent::Error(_) => "spoilerfeed:error",
            WidgetEvent::LevelChange { .. } => "spoilerfeed:levelchange",
        }
    }

    /// The DOM event's `detail`; every detail names the feed's absolute URL.
    pub fn detail(&self, feed: &str) -> Value {
        match self {
            WidgetEvent::Load {
                title,
                items,
                shown,
                hidden,
                skipped,
            } => json!({
                "feed": feed, "title": title, "items": items,
                "shown": shown, "hidden": hidden, "skipped": skipped,
            }),
            WidgetEvent::Error(error) => json!({
                "feed": feed, "error": error.key(), "message": error.to_string(),
            }),
            WidgetEvent::LevelChange { level, previous } => json!({
                "feed": feed, "level": level.key(), "previous": previous.key(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_carry_the_documented_fields() {
        let load = WidgetEvent::Load {
            title: "News".into(),
            items: 5,
            shown: 3,
            hidden: 2,
            skipped: 1,
        };
        assert_eq!(load.name(), "spoilerfeed:load");
        assert_eq!(
            load.detail("https://a.example/f.json"),
            json!({"feed": "https://a.example/f.json", "title": "News", "items": 5, "shown": 3, "hidden": 2, "skipped": 1})
        );
        let error = WidgetEvent::Error(Error::Http {
            status: 404,
            reason: "Not Found".into(),
        });
        assert_eq!(error.name(), "spoilerfeed:error");
        assert_eq!(error.detail("f")["error"], "http");
        assert_eq!(
            error.detail("f")["message"],
            "The feed's server answered with HTTP 404 (Not Found)."
        );
        let change = WidgetEvent::LevelChange {
            level: Level::Mild,
            previous: Level::None,
        };
        assert_eq!(
            change.detail("f"),
            json!({"feed": "f", "level": "mild", "previous": "none"})
        );
    }
}
