//! The widget's words in the fan's language: English compiled in, every other language a
//! catalogue file of `i18n/` ([`catalogue`]) fetched when it is chosen, the [`Lang`] a widget
//! speaks, and its choice from the page.
//!
//! A catalogue maps each [`Msg`] to its text, or to one text per plural form for a message
//! with a count. Placeholders are `{name}`; `{n}` is the count, written as the language
//! writes numbers. A language without a catalogue gets the English words, while dates and
//! numbers still follow it. Plural forms and number formatting come from the platform (the
//! browser's `Intl`, natively a crate made for it) through a [`Locale`], and so does the
//! catalogue of a language other than English, so this module stays pure.

pub mod catalogue;

use std::rc::Rc;
use std::sync::OnceLock;

use serde::Deserialize;

pub use catalogue::{Catalogue, Forms, Parsed};

use crate::types::{Kind, Level};

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The English catalogue file: the widget's own words, and every other file's reference.
pub const ENGLISH_FILE: &str = include_str!("../../i18n/en.json");

/// The English catalogue, read from its file on first use.
pub fn english() -> &'static Catalogue {
    static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
    ENGLISH.get_or_init(|| {
        Catalogue::parse("en", ENGLISH_FILE)
            .map(|parsed| parsed.catalogue)
            .expect("i18n/en.json is a catalogue (the i18n tests read it)")
    })
}

/// Every language the widget has words for, English first, by BCP 47 tag.
pub fn languages() -> impl Iterator<Item = &'static str> {
    std::iter::once("en").chain(LANGUAGES.iter().copied())
}

/// A CLDR plural category, as `Intl.PluralRules` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// "zero".
    Zero,
    /// "one".
    One,
    /// "two".
    Two,
    /// "few".
    Few,
    /// "many".
    Many,
    /// "other", the form every plural message has.
    Other,
}

impl Plural {
    /// The category for a CLDR keyword; anything else is "other".
    pub fn from_key(key: &str) -> Plural {
        Plural::from_suffix(key).unwrap_or(Plural::Other)
    }

    /// The category a catalogue key ends with (`one` of `new_updates_one`), if it is one.
    pub fn from_suffix(key: &str) -> Option<Plural> {
        Some(match key {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            "other" => Plural::Other,
            _ => return None,
        })
    }
}

/// What a language's numbers and plurals are, from the platform.
#[derive(Clone, Copy, Debug)]
pub struct Locale {
    /// The plural category of a count in the language of a BCP 47 tag.
    pub plural: fn(&str, usize) -> Plural,
    /// A count written in the language of a BCP 47 tag.
    pub number: fn(&str, usize) -> String,
}

/// English counts: "one" for 1, else "other" (CLDR's rule for whole numbers).
fn english_plural(_: &str, count: usize) -> Plural {
    if count == 1 {
        Plural::One
    } else {
        Plural::Other
    }
}

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

/// The form for `category`, else the "other" form.
fn pick_form(forms: &'static Forms, category: Plural) -> &'static str {
    forms
        .iter()
        .find(|(form, _)| *form == category)
        .or_else(|| forms.iter().find(|(form, _)| *form == Plural::Other))
        .map_or("", |(_, text)| &**text)
}
/// `template` with each `{name}` of `args` replaced by its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}').map(|end| (&after[..end], end)) {
            Some((name, end)) if args.iter().any(|(key, _)| *key == name) => {
                let value = args
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map_or("", |(_, v)| v);
                out.push_str(value);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
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

/// Every message the widget shows; its catalogue key is its name in snake case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Msg {
    /// The standalone page's heading when the feed has no title.
    ShowNews,
    /// The note under a level picker the host site locked: `{level}`.
    LockedLevel,
    /// The offline copy's note, when the network failed: `{when}`.
    OfflineFrom,
    /// The saved copy's note otherwise: `{when}`.
    SavedCopy,
    /// The new-updates banner: count.
    NewUpdates,
    /// The live region when a refresh found new updates: count.
    NewUpdatesAvailable,
    /// Updates the feed had that couldn't be read: count.
    Skipped,
    /// The link to the check page.
    CheckLink,
    /// What the check page is, after its link.
    CheckLinkNote,
    /// The list's heading (for screen readers).
    Updates,
    /// The hidden count: count, `{level}`.
    HiddenAbove,
    /// An empty feed.
    NoUpdatesYet,
    /// Filters that leave nothing.
    NoMatch,
    /// Everything is above the level.
    NoneAtLevel,
    /// The "Show more" button: `{n}` left.
    ShowMore,
    /// A card's headline when the update has no title: `{kind}`.
    KindUpdate,
    /// A revealed card's badge: `{level}`.
    SpoilerBadge,
    /// The label of a card's tag list.
    Tags,
    /// A card's authors: `{names}`.
    By,
    /// A card's source link: `{host}`.
    Source,
    /// The button hiding a revealed card again.
    HideAgain,
    /// Why a placeholder is hidden: `{level}`.
    HiddenReason,
    /// A placeholder's button.
    Reveal,
    /// A placeholder's title when the publisher gave no safe one: `{noun}`.
    HiddenNoun,
    /// Kind label.
    KindProduction,
    /// Kind label.
    KindCast,
    /// Kind label.
    KindRelease,
    /// Kind label (of `other`).
    KindOther,
    /// Kind noun in sentences.
    NounProduction,
    /// Kind noun in sentences.
    NounCast,
    /// Kind noun in sentences.
    NounRelease,
    /// Kind noun in sentences (of `other`).
    NounOther,
    /// An update of unknown kind, in sentences.
    NounUpdate,
    /// Level name.
    LevelNone,
    /// Level name.
    LevelMild,
    /// Level name.
    LevelModerate,
    /// Level name.
    LevelMajor,
    /// What the level lets through.
    LevelNoneDesc,
    /// What the level lets through.
    LevelMildDesc,
    /// What the level lets through.
    LevelModerateDesc,
    /// What the level lets through.
    LevelMajorDesc,
    /// The level picker's legend.
    SpoilerLevel,
    /// The kind chips' group label.
    KindsOfUpdates,
    /// The show picker's label.
    Show,
    /// The show picker's first choice.
    AllShows,
    /// Announced after a reveal: `{noun}`.
    Revealed,
    /// Announced after "Hide again".
    HiddenAgain,
    /// Announced after the banner.
    NewShown,
    /// Announced after a level change: count.
    MoreShown,
    /// Announced after a level change: count.
    CountHidden,
    /// Announced when a level change changed nothing: `{level}`.
    NothingChanged,
    /// Announced after a filter change: count.
    CountShown,
    /// Announced when progress changed nothing.
    ProgressSaved,
    /// Announced on Retry.
    LoadingAgain,
    /// A date under a minute away.
    JustNow,
    /// A release day passed.
    OutNow,
    /// A release today.
    OutToday,
    /// A release tomorrow.
    OutTomorrow,
    /// A release in days: count.
    OutInDays,
    /// A release with no date yet.
    DateNotAnnounced,
    /// The label of a production progress bar.
    ProductionProgress,
    /// The label of a card's new cast list.
    NewCast,
    /// A cast member's role: `{role}`.
    AsRole,
    /// The Retry button.
    Retry,
    /// Under an error, when the last good updates still show.
    ShowingLoadedBefore,
    /// The progress picker's label: `{show}`.
    WatchedUpTo,
    /// The progress picker's first choice.
    NothingYet,
    /// A progress choice: `{season}`, `{episode}`.
    SeasonEpisode,
    /// A progress choice: `{season}`.
    AllOfSeason,
    /// The progress picker's last choice.
    EverythingAired,
    /// The "caught up" checkbox.
    CaughtUp,
    /// The progress code's summary.
    UseProgressElsewhere,
    /// The progress code's field label.
    YourCode,
    /// The progress code's placeholder.
    PickProgressFirst,
    /// The progress code's paste label.
    PasteCode,
    /// The error title of no feed.
    ErrNoFeedTitle,
    /// The error title of an unreachable feed.
    ErrUnreachableTitle,
    /// The error title of an HTTP error.
    ErrUnavailableTitle,
    /// The error title of a feed too large.
    ErrTooLargeTitle,
    /// The error title of an unreadable feed.
    ErrUnreadableTitle,
    /// The error title of the widget's own failure.
    ErrInternalTitle,
    /// The message of no feed.
    ErrNoFeed,
    /// The message of a network failure.
    ErrNetwork,
    /// The message of an HTTP error: `{status}` (with its reason in brackets, if any).
    ErrHttp,
    /// The message of a timeout: `{seconds}`.
    ErrTimeout,
    /// The message of being offline.
    ErrOffline,
    /// The message of the widget's own failure.
    ErrInternal,
    /// A production stage.
    StagePreProduction,
    /// A production stage.
    StageFilming,
    /// A production stage.
    StagePostProduction,
    /// A production stage.
    StageWrapped,
    /// A release date's confidence.
    Rumored,
    /// A release date's confidence.
    Reported,
    /// A release date's confidence.
    Confirmed,
    /// The progress picker's "one episode ahead" checkbox (with its leading space).
    OneAhead,
    /// The progress code's import button.
    UseThisCode,
    /// The embed-code builder's summary.
    EmbedSummary,
    /// The legend of the embed modes.
    EmbedAs,
    /// The element mode (with its leading space).
    EmbedElement,
    /// The iframe mode (with its leading space).
    EmbedIframe,
    /// The theme choice's label.
    EmbedTheme,
    /// The language choice's label.
    EmbedLanguage,
    /// The language choice that leaves it to the page.
    EmbedPagesLanguage,
    /// The lock checkbox: `{level}`.
    EmbedLock,
    /// The default level's label.
    EmbedDefaultLevel,
    /// The default level left unset.
    EmbedNotSet,
    /// A choice the feed makes: `{value}`.
    EmbedFeeds,
    /// A tag left unmapped.
    EmbedNotMapped,
    /// The snippet's label.
    EmbedSnippet,
    /// The copy button.
    EmbedCopy,
    /// Said once the snippet is copied.
    EmbedCopied,
    /// Said when the snippet couldn't be copied.
    EmbedCopyFailed,
    /// The button listing the feed's tags: `{n}`.
    EmbedMapTags,
    /// Why the tags are listed only when asked.
    EmbedTagsWarning,
    /// The tag table's caption.
    EmbedTagsCaption,
    /// The tag table's column.
    EmbedTag,
    /// The tag table's column.
    EmbedItems,
    /// The tag table's column.
    EmbedLevel,
    /// The tag table's column.
    EmbedKind,
    /// A tag's level choice: `{tag}`.
    EmbedLevelOf,
    /// A tag's kind choice: `{tag}`.
    EmbedKindOf,
    /// The site owner's tools page's heading.
    ToolsHeading,
    /// The embed-code builder's muted words field.
    EmbedMute,
    /// The theme that follows the system's.
    ThemeAuto,
    /// The light theme.
    ThemeLight,
    /// The dark theme.
    ThemeDark,
    /// Announced when time lets more through: count.
    NowShown,
    /// Announced after muting: count.
    CountMuted,
    /// An announcement and how many are muted: `{text}`, count.
    WithMuted,
    /// Announced when a word was muted already.
    AlreadyMuted,
    /// Announced after unmuting: `{muted}`.
    WordRemoved,
    /// Announced after a snooze: `{show}`, count.
    Snoozed,
    /// Announced after unsnoozing: `{show}`.
    Unsnoozed,
    /// A placeholder hidden by a muted word.
    HiddenMuted,
    /// A placeholder hidden by a snooze.
    HiddenSnoozed,
    /// Everything is hidden by level, muted words or snoozes.
    NonePastGuards,
    /// The hidden count's muted part: count.
    PartMuted,
    /// The hidden count's snoozed part: count.
    PartSnoozed,
    /// A pace choice: count of days.
    WatchWithin,
    /// The button removing a muted word.
    MuteRemove,
    /// The remove button's label: `{word}`.
    MuteRemoveWord,
    /// Where a word is muted: every show.
    MuteEveryShow,
    /// The mute panel's summary: `{n}`.
    MutedWords,
    /// The mute form's label.
    MuteAWord,
    /// The mute field's label.
    MuteWordOrPhrase,
    /// The mute scope's label.
    MuteFor,
    /// The mute scope's first choice.
    MuteEveryShowChoice,
    /// A mute scope: `{show}`.
    MuteShowOnly,
    /// The mute form's button.
    MuteAdd,
    /// The muted words list's label.
    MutedWordsList,
    /// Where a host page's word is muted.
    SetBySite,
    /// The snooze panel's summary, and its form's label.
    SnoozeAShow,
    /// The snooze panel's summary with snoozes: `{n}`.
    SnoozedShows,
    /// A snooze without end.
    UntilUnsnoozed,
    /// A snooze's end: `{day}`.
    UntilDay,
    /// A snooze's end at the end of a day where the fan is: `{day}`, with its weekday.
    UntilEndOfDay,
    /// A snoozed show: `{show}`, `{until}`.
    ShowSnoozed,
    /// The button ending a snooze.
    Unsnooze,
    /// The snooze form: `{show}`.
    HideEverythingAbout,
    /// The snooze form's show choice.
    HideEverythingAboutLabel,
    /// The snooze length's label.
    SnoozeForLabel,
    /// A snooze length.
    SnoozeDay,
    /// A snooze length.
    SnoozeWeek,
    /// A snooze length.
    SnoozeUntilUnsnoozed,
    /// The snooze date's label.
    SnoozeOrUntil,
    /// The snooze form's button.
    SnoozeButton,
    /// A placeholder held back by progress: `{point}`.
    SpoilsPoint,
    /// Held back by progress: `{point}`, `{at}`.
    SpoilsYoureAt,
    /// Held back: not aired yet: `{point}`.
    SpoilsNotAired,
    /// Held back by a pace: `{point}`, count of days.
    SpoilsBehind,
    /// Check page: the check page's heading.
    CkHeading,
    /// Check page: before the feed's address.
    CkFeed,
    /// Check page: the check page over a saved copy.
    CkSavedCopy,
    /// Check page: a summary term.
    CkTitle,
    /// Check page: a summary term.
    CkFormat,
    /// Check page: a summary term.
    CkItemsRead,
    /// Check page: a summary term.
    CkItemsLeftOut,
    /// Check page: a heading.
    CkRules,
    /// Check page: before the default level.
    CkDefaultLevel,
    /// Check page: a rule table's caption.
    CkTagLevels,
    /// Check page: a rule table's caption.
    CkTagKinds,
    /// Check page: after an empty table's caption.
    CkNone,
    /// Check page: a heading.
    CkItems,
    /// Check page: said once titles show.
    CkTitlesShown,
    /// Check page: why titles are hidden.
    CkTitlesHidden,
    /// Check page: the button showing titles.
    CkShowTitles,
    /// Check page: a rule table's column.
    CkTag,
    /// Check page: a rule table's column.
    CkGives,
    /// Check page: a rule table's column.
    CkFrom,
    /// Check page: an item without a date.
    CkUndated,
    /// Check page: an item without a title.
    CkNoTitle,
    /// Check page: an item's term.
    CkLevel,
    /// Check page: an item's term.
    CkKind,
    /// Check page: an item's term.
    CkShownAt,
    /// Check page: an item's term.
    CkHiddenAt,
    /// Check page: hidden at no level.
    CkNever,
    /// Check page: items a reader couldn't describe: count.
    CkMoreUnreadable,
    /// Check page: a level or kind from the item itself.
    CkOwnLabel,
    /// Check page: a level or kind from a tag: `{tag}`.
    CkTagReason,
    /// Check page: a level from the default.
    CkDefaultReason,
    /// Check page: a level from nothing.
    CkUnlabelled,
    /// Check page: a kind from nothing: `{kind}`.
    CkNothingSaid,
    /// Check page: a note: no id.
    CkNoId,
    /// Check page: a note: `{date}`.
    CkUnreadableDate,
    /// Check page: a note: `{level}`.
    CkUnknownLevel,
    /// Check page: a note: `{kind}`.
    CkUnknownKind,
    /// Check page: a note: `{scheme}`.
    CkUnsafeScheme,
    /// Check page: a note.
    CkUnsafeLink,
    /// Check page: an item left out: `{n}`, `{why}`.
    CkSkip,
    /// Check page: why an item was left out.
    CkNotAnItem,
    /// Check page: why an item was left out.
    CkEmpty,
    /// Check page: why an item was left out.
    CkDuplicate,
    /// Check page: the default level: `{host}`, `{feed}`.
    CkDefaultHostOverFeed,
    /// Check page: the default level: `{host}`.
    CkDefaultHost,
    /// Check page: the default level: `{feed}`.
    CkDefaultFeed,
    /// Check page: no default level.
    CkDefaultNone,
    /// Check page: a map's source: `{theirs}`.
    CkThisPageOver,
    /// Check page: a map's source.
    CkThisPage,
    /// Check page: a map's source.
    CkTheFeed,
    /// The message of a feed too large: `{size}`, `{limit}`.
    ErrTooLargeSized,
    /// The message of a feed too large, its size unknown: `{limit}`.
    ErrTooLargeUnsized,
    /// The message of a body that isn't JSON: `{detail}` (the reader's words).
    ErrNotJson,
    /// The message of JSON that isn't a JSON Feed: `{detail}`.
    ErrNotJsonFeed,
    /// The message of XML that isn't a feed: `{detail}`.
    ErrNotXmlFeed,
    /// XML that isn't well-formed: `{format}`, `{line}`.
    ErrNotXmlFormatLine,
    /// XML that isn't well-formed: `{format}`.
    ErrNotXmlFormat,
    /// XML that isn't well-formed: `{line}`.
    ErrNotXmlLine,
    /// XML that isn't well-formed.
    ErrNotXmlPlain,
    /// A web page where the feed should be.
    ErrWebPage,
    /// A JSON Feed that isn't UTF-8.
    ErrJsonNotUtf8,
    /// XML in an encoding the browser can't read: `{format}`, `{encoding}`.
    ErrUnknownEncodingFormat,
    /// XML in an encoding the browser can't read: `{encoding}`.
    ErrUnknownEncodingPlain,
    /// XML that isn't text in the encoding it declares: `{format}`, `{encoding}`.
    ErrUndecodableFormat,
    /// XML that isn't text in the encoding it declares: `{encoding}`.
    ErrUndecodablePlain,
    /// XML that declares no encoding and isn't UTF-8: `{format}`.
    ErrNotUtf8Format,
    /// XML that declares no encoding and isn't UTF-8.
    ErrNotUtf8Plain,
    /// Check page: a note: a date without a zone, read as UTC: `{date}`.
    CkAssumedUtc,
    /// Said while the feed loads.
    LoadingUpdates,
    /// The heading of a feed that gives no title.
    UntitledFeed,
}

impl Msg {
    /// Every message, in the order they are declared (a catalogue keeps them in this order).
    pub const ALL: [Msg; 239] = [
        Msg::ShowNews,
        Msg::LockedLevel,
        Msg::OfflineFrom,
        Msg::SavedCopy,
        Msg::NewUpdates,
        Msg::NewUpdatesAvailable,
        Msg::Skipped,
        Msg::CheckLink,
        Msg::CheckLinkNote,
        Msg::Updates,
        Msg::HiddenAbove,
        Msg::NoUpdatesYet,
        Msg::NoMatch,
        Msg::NoneAtLevel,
        Msg::ShowMore,
        Msg::KindUpdate,
        Msg::SpoilerBadge,
        Msg::Tags,
        Msg::By,
        Msg::Source,
        Msg::HideAgain,
        Msg::HiddenReason,
        Msg::Reveal,
        Msg::HiddenNoun,
        Msg::KindProduction,
        Msg::KindCast,
        Msg::KindRelease,
        Msg::KindOther,
        Msg::NounProduction,
        Msg::NounCast,
        Msg::NounRelease,
        Msg::NounOther,
        Msg::NounUpdate,
        Msg::LevelNone,
        Msg::LevelMild,
        Msg::LevelModerate,
        Msg::LevelMajor,
        Msg::LevelNoneDesc,
        Msg::LevelMildDesc,
        Msg::LevelModerateDesc,
        Msg::LevelMajorDesc,
        Msg::SpoilerLevel,
        Msg::KindsOfUpdates,
        Msg::Show,
        Msg::AllShows,
        Msg::Revealed,
        Msg::HiddenAgain,
        Msg::NewShown,
        Msg::MoreShown,
        Msg::CountHidden,
        Msg::NothingChanged,
        Msg::CountShown,
        Msg::ProgressSaved,
        Msg::LoadingAgain,
        Msg::JustNow,
        Msg::OutNow,
        Msg::OutToday,
        Msg::OutTomorrow,
        Msg::OutInDays,
        Msg::DateNotAnnounced,
        Msg::ProductionProgress,
        Msg::NewCast,
        Msg::AsRole,
        Msg::Retry,
        Msg::ShowingLoadedBefore,
        Msg::WatchedUpTo,
        Msg::NothingYet,
        Msg::SeasonEpisode,
        Msg::AllOfSeason,
        Msg::EverythingAired,
        Msg::CaughtUp,
        Msg::UseProgressElsewhere,
        Msg::YourCode,
        Msg::PickProgressFirst,
        Msg::PasteCode,
        Msg::ErrNoFeedTitle,
        Msg::ErrUnreachableTitle,
        Msg::ErrUnavailableTitle,
        Msg::ErrTooLargeTitle,
        Msg::ErrUnreadableTitle,
        Msg::ErrInternalTitle,
        Msg::ErrNoFeed,
        Msg::ErrNetwork,
        Msg::ErrHttp,
        Msg::ErrTimeout,
        Msg::ErrOffline,
        Msg::ErrInternal,
        Msg::StagePreProduction,
        Msg::StageFilming,
        Msg::StagePostProduction,
        Msg::StageWrapped,
        Msg::Rumored,
        Msg::Reported,
        Msg::Confirmed,
        Msg::OneAhead,
        Msg::UseThisCode,
        Msg::EmbedSummary,
        Msg::EmbedAs,
        Msg::EmbedElement,
        Msg::EmbedIframe,
        Msg::EmbedTheme,
        Msg::EmbedLanguage,
        Msg::EmbedPagesLanguage,
        Msg::EmbedLock,
        Msg::EmbedDefaultLevel,
        Msg::EmbedNotSet,
        Msg::EmbedFeeds,
        Msg::EmbedNotMapped,
        Msg::EmbedSnippet,
        Msg::EmbedCopy,
        Msg::EmbedCopied,
        Msg::EmbedCopyFailed,
        Msg::EmbedMapTags,
        Msg::EmbedTagsWarning,
        Msg::EmbedTagsCaption,
        Msg::EmbedTag,
        Msg::EmbedItems,
        Msg::EmbedLevel,
        Msg::EmbedKind,
        Msg::EmbedLevelOf,
        Msg::EmbedKindOf,
        Msg::ToolsHeading,
        Msg::EmbedMute,
        Msg::ThemeAuto,
        Msg::ThemeLight,
        Msg::ThemeDark,
        Msg::NowShown,
        Msg::CountMuted,
        Msg::WithMuted,
        Msg::AlreadyMuted,
        Msg::WordRemoved,
        Msg::Snoozed,
        Msg::Unsnoozed,
        Msg::HiddenMuted,
        Msg::HiddenSnoozed,
        Msg::NonePastGuards,
        Msg::PartMuted,
        Msg::PartSnoozed,
        Msg::WatchWithin,
        Msg::MuteRemove,
        Msg::MuteRemoveWord,
        Msg::MuteEveryShow,
        Msg::MutedWords,
        Msg::MuteAWord,
        Msg::MuteWordOrPhrase,
        Msg::MuteFor,
        Msg::MuteEveryShowChoice,
        Msg::MuteShowOnly,
        Msg::MuteAdd,
        Msg::MutedWordsList,
        Msg::SetBySite,
        Msg::SnoozeAShow,
        Msg::SnoozedShows,
        Msg::UntilUnsnoozed,
        Msg::UntilDay,
        Msg::UntilEndOfDay,
        Msg::ShowSnoozed,
        Msg::Unsnooze,
        Msg::HideEverythingAbout,
        Msg::HideEverythingAboutLabel,
        Msg::SnoozeForLabel,
        Msg::SnoozeDay,
        Msg::SnoozeWeek,
        Msg::SnoozeUntilUnsnoozed,
        Msg::SnoozeOrUntil,
        Msg::SnoozeButton,
        Msg::SpoilsPoint,
        Msg::SpoilsYoureAt,
        Msg::SpoilsNotAired,
        Msg::SpoilsBehind,
        Msg::CkHeading,
        Msg::CkFeed,
        Msg::CkSavedCopy,
        Msg::CkTitle,
        Msg::CkFormat,
        Msg::CkItemsRead,
        Msg::CkItemsLeftOut,
        Msg::CkRules,
        Msg::CkDefaultLevel,
        Msg::CkTagLevels,
        Msg::CkTagKinds,
        Msg::CkNone,
        Msg::CkItems,
        Msg::CkTitlesShown,
        Msg::CkTitlesHidden,
        Msg::CkShowTitles,
        Msg::CkTag,
        Msg::CkGives,
        Msg::CkFrom,
        Msg::CkUndated,
        Msg::CkNoTitle,
        Msg::CkLevel,
        Msg::CkKind,
        Msg::CkShownAt,
        Msg::CkHiddenAt,
        Msg::CkNever,
        Msg::CkMoreUnreadable,
        Msg::CkOwnLabel,
        Msg::CkTagReason,
        Msg::CkDefaultReason,
        Msg::CkUnlabelled,
        Msg::CkNothingSaid,
        Msg::CkNoId,
        Msg::CkUnreadableDate,
        Msg::CkUnknownLevel,
        Msg::CkUnknownKind,
        Msg::CkUnsafeScheme,
        Msg::CkUnsafeLink,
        Msg::CkSkip,
        Msg::CkNotAnItem,
        Msg::CkEmpty,
        Msg::CkDuplicate,
        Msg::CkDefaultHostOverFeed,
        Msg::CkDefaultHost,
        Msg::CkDefaultFeed,
        Msg::CkDefaultNone,
        Msg::CkThisPageOver,
        Msg::CkThisPage,
        Msg::CkTheFeed,
        Msg::ErrTooLargeSized,
        Msg::ErrTooLargeUnsized,
        Msg::ErrNotJson,
        Msg::ErrNotJsonFeed,
        Msg::ErrNotXmlFeed,
        Msg::ErrNotXmlFormatLine,
        Msg::ErrNotXmlFormat,
        Msg::ErrNotXmlLine,
        Msg::ErrNotXmlPlain,
        Msg::ErrWebPage,
        Msg::ErrJsonNotUtf8,
        Msg::ErrUnknownEncodingFormat,
        Msg::ErrUnknownEncodingPlain,
        Msg::ErrUndecodableFormat,
        Msg::ErrUndecodablePlain,
        Msg::ErrNotUtf8Format,
        Msg::ErrNotUtf8Plain,
        Msg::CkAssumedUtc,
        Msg::LoadingUpdates,
        Msg::UntitledFeed,
    ];
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
