//! What the widget tells the page it lives on: `spoilerfeed:load`, `spoilerfeed:error` and
//! `spoilerfeed:levelchange`, each with a documented `detail` object.

use crate::error::Error;
use crate::types::Level;

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

    /// The DOM event's `detail` as its members in order; every detail names the feed's
    /// absolute URL.
    pub fn detail(&self, feed: &str) -> Vec<(&'static str, Field)> {
        let text = |value: &str| Field::Text(value.to_owned());
        let mut detail = vec![("feed", text(feed))];
        match self {
            WidgetEvent::Load {
                title,
                items,
                shown,
                hidden,
                skipped,
            } => detail.extend([
                ("title", text(title)),
                ("items", Field::Count(*items)),
                ("shown", Field::Count(*shown)),
                ("hidden", Field::Count(*hidden)),
                ("skipped", Field::Count(*skipped)),
            ]),
            WidgetEvent::Error(error) => detail.extend([
                ("error", text(error.key())),
                ("message", Field::Text(error.to_string())),
            ]),
            WidgetEvent::LevelChange { level, previous } => detail.extend([
                ("level", text(level.key())),
                ("previous", text(previous.key())),
            ]),
        }
        detail
    }
}

/// A member of an event's `detail`: a string or a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// A string.
    Text(String),
    /// A count.
    Count(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Field {
        Field::Text(value.into())
    }

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
            [
                ("feed", text("https://a.example/f.json")),
                ("title", text("News")),
                ("items", Field::Count(5)),
                ("shown", Field::Count(3)),
                ("hidden", Field::Count(2)),
                ("skipped", Field::Count(1)),
            ]
        );
        let error = WidgetEvent::Error(Error::Http {
            status: 404,
            reason: "Not Found".into(),
        });
        assert_eq!(error.name(), "spoilerfeed:error");
        assert_eq!(
            error.detail("f"),
            [
                ("feed", text("f")),
                ("error", text("http")),
                (
                    "message",
                    text("The feed's server answered with HTTP 404 (Not Found).")
                ),
            ]
        );
        let change = WidgetEvent::LevelChange {
            level: Level::Mild,
            previous: Level::None,
        };
        assert_eq!(change.name(), "spoilerfeed:levelchange");
        assert_eq!(
            change.detail("f"),
            [
                ("feed", text("f")),
                ("level", text("mild")),
                ("previous", text("none")),
            ]
        );
    }
}
