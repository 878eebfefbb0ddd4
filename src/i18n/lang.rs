//! The [`Lang`] a widget speaks: its choice from the page, its catalogue and its words.

use std::rc::Rc;

use super::plural::{english_plural, pick_form};
use super::{english, fill, Catalogue, Forms, Locale, Msg, Plural, LANGUAGES};
use crate::types::{Kind, Level};

/// The language a widget speaks: its BCP 47 tag, the catalogue of its words and the
/// platform's rules for its numbers.
///
/// A language with a catalogue file starts with the English words and [`Lang::waiting`] for
/// that file; the platform then gives it the catalogue ([`Lang::with_catalogue`]) or, when
/// the file can't be had, settles for English ([`Lang::without_catalogue`]). A catalogue
/// lives as long as the page (every widget in its language shares it), so its words are
/// borrowed for `'static`.
#[derive(Clone, Debug)]
pub struct Lang {
    tag: Rc<str>,
    catalogue: &'static Catalogue,
    locale: Locale,
    waiting: Option<&'static str>,
}

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.tag == other.tag
            && std::ptr::eq(self.catalogue, other.catalogue)
            && self.waiting == other.waiting
    }
}

impl Default for Lang {
    /// English, with whole-number plural rules and plain digits.
    fn default() -> Self {
        Lang {
            tag: "en".into(),
            catalogue: english(),
            locale: Locale {
                plural: english_plural,
                number: |_, count| count.to_string(),
            },
            waiting: None,
        }
    }
}

impl Lang {
    /// The first well-formed tag of `candidates` (the `lang` attribute or query, the nearest
    /// `lang` around the widget, the page's, the browser's), else English; waiting for its
    /// catalogue if one is shipped.
    pub fn pick<S: AsRef<str>>(
        candidates: impl IntoIterator<Item = Option<S>>,
        locale: Locale,
    ) -> Lang {
        let tag = candidates
            .into_iter()
            .flatten()
            .find_map(|tag| well_formed(tag.as_ref()))
            .unwrap_or_else(|| "en".to_owned());
        Lang {
            waiting: catalogue_code(&tag),
            catalogue: english(),
            tag: tag.into(),
            locale,
        }
    }

    /// The code of the catalogue file this language waits for, while its words aren't in.
    pub fn waiting(&self) -> Option<&'static str> {
        self.waiting
    }

    /// This language with the words of `catalogue` (the one it waited for).
    pub fn with_catalogue(self, catalogue: &'static Catalogue) -> Lang {
        Lang {
            catalogue,
            waiting: None,
            ..self
        }
    }

    /// This language with the English words, its catalogue file being missing or unreadable.
    pub fn without_catalogue(self) -> Lang {
        Lang {
            catalogue: english(),
            waiting: None,
            ..self
        }
    }

    /// The language's BCP 47 tag, for `lang` attributes and the browser's `Intl`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The catalogue whose words are shown (English for a language without one).
    pub fn catalogue(&self) -> &'static Catalogue {
        self.catalogue
    }

    /// `rtl` for a language written right to left, else `ltr`.
    pub fn dir(&self) -> &'static str {
        let primary = primary(&self.tag);
        if ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"].contains(&primary.as_str()) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Whether `tag` (a feed's `language`) is another language than this one, so that its
    /// text needs its own `lang` attribute.
    pub fn differs_from(&self, tag: &str) -> bool {
        !tag.trim().eq_ignore_ascii_case(&self.tag)
    }

    /// The forms of `msg`: this language's, or English if its catalogue lacks it.
    fn forms(&self, msg: Msg) -> &'static Forms {
        self.catalogue
            .forms(msg)
            .or_else(|| english().forms(msg))
            .unwrap_or(&[])
    }

    /// The text of `msg` (its "other" form).
    pub fn text(&self, msg: Msg) -> &'static str {
        pick_form(self.forms(msg), Plural::Other)
    }

    /// A feed's title as shown: the feed's own, or "Untitled feed" in this language.
    pub fn feed_title(&self, title: &str) -> String {
        if title.is_empty() {
            self.text(Msg::UntitledFeed).to_owned()
        } else {
            title.to_owned()
        }
    }

    /// The text of `msg` with its `{name}` placeholders filled from `args`.
    pub fn say(&self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.text(msg), args)
    }

    /// The form of `msg` for `count`, with `{n}` the count as the language writes it and
    /// the other placeholders from `args`.
    pub fn count(&self, msg: Msg, count: usize, args: &[(&str, &str)]) -> String {
        let form = pick_form(self.forms(msg), (self.locale.plural)(&self.tag, count));
        let n = (self.locale.number)(&self.tag, count);
        let mut all = vec![("n", n.as_str())];
        all.extend_from_slice(args);
        fill(form, &all)
    }

    /// A number as the language writes it.
    pub fn number(&self, value: usize) -> String {
        (self.locale.number)(&self.tag, value)
    }
}

impl Lang {
    /// A level's name ("Mild").
    pub fn level(&self, level: Level) -> &'static str {
        self.text(match level {
            Level::None => Msg::LevelNone,
            Level::Mild => Msg::LevelMild,
            Level::Moderate => Msg::LevelModerate,
            Level::Major => Msg::LevelMajor,
        })
    }

    /// What a level lets through.
    pub fn level_description(&self, level: Level) -> &'static str {
        self.text(match level {
            Level::None => Msg::LevelNoneDesc,
            Level::Mild => Msg::LevelMildDesc,
            Level::Moderate => Msg::LevelModerateDesc,
            Level::Major => Msg::LevelMajorDesc,
        })
    }

    /// A kind's label ("Cast").
    pub fn kind(&self, kind: Kind) -> &'static str {
        self.text(match kind {
            Kind::Production => Msg::KindProduction,
            Kind::Cast => Msg::KindCast,
            Kind::Release => Msg::KindRelease,
            Kind::Other => Msg::KindOther,
        })
    }

    /// A kind's noun in sentences ("cast update").
    pub fn noun(&self, kind: Kind) -> &'static str {
        self.text(match kind {
            Kind::Production => Msg::NounProduction,
            Kind::Cast => Msg::NounCast,
            Kind::Release => Msg::NounRelease,
            Kind::Other => Msg::NounOther,
        })
    }
}

/// `tag` trimmed if it is a well-formed BCP 47 tag (letters, digits and hyphens in subtags of
/// 1 to 8, the first of letters), with `_` read as `-`; `None` for anything else (which the
/// browser's `Intl` would refuse).
pub fn well_formed(tag: &str) -> Option<String> {
    let tag = tag.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let first = parts.next()?;
    let ok = (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    ok.then_some(tag)
}

/// The primary language subtag, lower-case (`pt` of `pt-BR`).
fn primary(tag: &str) -> String {
    tag.split('-').next().unwrap_or("").to_ascii_lowercase()
}

/// The shipped catalogue for `tag`: an exact match (`pt-BR`), else one for its language
/// (`de` for `de-AT`, `pt-BR` for `pt`); `None` for English and languages without a file.
pub fn catalogue_code(tag: &str) -> Option<&'static str> {
    if primary(tag) == "en" {
        return None;
    }
    let exact = LANGUAGES.iter().find(|code| code.eq_ignore_ascii_case(tag));
    let language = || LANGUAGES.iter().find(|code| primary(code) == primary(tag));
    exact.or_else(language).copied()
}
