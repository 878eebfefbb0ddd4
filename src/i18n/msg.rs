//! Every message the widget shows, one variant each; a catalogue file keys it by its name in
//! snake case.

use serde::Deserialize;
use strum::{EnumCount, EnumIter};

/// Every message the widget shows; its catalogue key is its name in snake case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, EnumCount, EnumIter)]
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
