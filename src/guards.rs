//! The fan's own guards, over the publisher's labels: muted words and phrases, and snoozed
//! shows. Each only ever hides more: the view rule ([`crate::spoiler`]) asks a guard only
//! whether to turn a shown update into a placeholder.
//!
//! Pure: matching, the stored forms and expiry are tested natively.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::feed::{Details, Item};
use crate::platform;
use crate::script;
use crate::stored;

/// Text folded for matching: accents dropped (canonical decomposition without the combining
/// marks, by the platform's Unicode data) and in lower case, so `Vécna` and `VECNA` read as
/// `vecna`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most feed text: nothing to decompose, and no call out to the platform.
        text.to_ascii_lowercase()
    } else {
        platform::strip_accents(text).to_lowercase()
    }
}

/// The folded words of a text: runs of letters and digits; apostrophes, hyphens and other
/// punctuation are boundaries, so `Lamplighter's` holds the word `lamplighter`. In scripts
/// written without spaces ([`script::unspaced`]: Chinese, Japanese, Thai…) each letter is a
/// word of its own, so a muted word written in them is found inside a run of letters: matched
/// as a phrase of single letters, it is a substring (`ヴェクナ` in `ついにヴェクナが登場`).
fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut words = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        let unspaced = script::unspaced(c);
        if (unspaced || !c.is_alphanumeric()) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if unspaced && c.is_alphanumeric() {
            words.push(c.into());
        } else if c.is_alphanumeric() {
            word.push(c);
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A muted word or phrase, as its folded words; matched as whole words, in order (so a word
/// in a script without spaces, a phrase of its letters, matches inside a longer run; a mixed
/// phrase such as `Vecna 登場` is whole words for its Latin part and letters for the rest).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Phrase(Vec<String>);

impl Phrase {
    /// The phrase of what the fan typed; `None` when it has no letter or digit to match.
    fn new(text: &str) -> Option<Phrase> {
        let words = words(text);
        (!words.is_empty()).then_some(Phrase(words))
    }

    /// Whether these words hold the phrase.
    fn within(&self, words: &[String]) -> bool {
        words.windows(self.0.len()).any(|window| window == self.0)
    }
}

/// Splits a comma-separated list (`vecna, keeper's daughter`) into its trimmed entries.
pub fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|entry| Phrase::new(entry).is_some())
        .map(str::to_owned)
        .collect()
}

/// The key a show is stored and compared by: trimmed, in lower case.
fn show_key(show: &str) -> String {
    show.trim().to_lowercase()
}

/// The words a fan muted, as stored (per origin): for every show, and per show, as
/// `{"every":["vecna"],"shows":{"Wednesday":["who dies"]}}`; a record that can't be read
/// counts as nothing muted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MuteBook {
    /// Muted for every show.
    #[serde(default)]
    pub every: Vec<String>,
    /// Muted for one show, by show name.
    #[serde(default)]
    pub shows: BTreeMap<String, Vec<String>>,
}

/// Where a muted word applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every show.
    Every,
    /// One show, by name.
    Show(String),
}

impl MuteBook {
    /// The words muted in `scope`.
    pub fn words(&self, scope: &Scope) -> &[String] {
        match scope {
            Scope::Every => &self.every,
            Scope::Show(show) => self
                .shows
                .iter()
                .find(|(name, _)| show_key(name) == show_key(show))
                .map_or(&[], |(_, words)| words.as_slice()),
        }
    }

    /// Mutes each entry of a comma-separated `value` in `scope` (one already muted there,
    /// in any case or accents, isn't added twice); whether anything was added.
    pub fn add(&mut self, scope: &Scope, value: &str) -> bool {
        let list = match scope {
            Scope::Every => &mut self.every,
            Scope::Show(show) => {
                let name = self
                    .shows
                    .keys()
                    .find(|name| show_key(name) == show_key(show))
                    .cloned()
                    .unwrap_or_else(|| show.trim().to_owned());
                self.shows.entry(name).or_default()
            }
        };
        let mut added = false;
        for entry in split_list(value) {
            let phrase = Phrase::new(&entry);
            if !list.iter().any(|word| Phrase::new(word) == phrase) {
                list.push(entry);
                added = true;
            }
        }
        self.shows.retain(|_, words| !words.is_empty());
        added
    }

    /// Unmutes `word` in `scope`.
    pub fn remove(&mut self, scope: &Scope, word: &str) {
        match scope {
            Scope::Every => self.every.retain(|muted| muted != word),
            Scope::Show(show) => {
                for (name, words) in &mut self.shows {
                    if show_key(name) == show_key(show) {
                        words.retain(|muted| muted != word);
                    }
                }
                self.shows.retain(|_, words| !words.is_empty());
            }
        }
    }

    /// How many words are muted, everywhere.
    pub fn len(&self) -> usize {
        self.every.len() + self.shows.values().map(Vec::len).sum::<usize>()
    }

    /// Whether nothing is muted.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The localStorage key of the muted words, one record per origin.
pub const MUTE_KEY: &str = "spoilerfeed:guards:mute";

/// The localStorage key of the snoozed shows, one record per origin.
pub const SNOOZE_KEY: &str = "spoilerfeed:guards:snooze";

/// What every guard key in localStorage starts with.
pub const STORAGE_PREFIX: &str = "spoilerfeed:guards:";

/// The fan's muted words and snoozes as stored for this origin (nothing when unreadable).
pub fn stored() -> (MuteBook, Snoozes) {
    let snoozes: SnoozeRecord = platform::stored_shared(SNOOZE_KEY).unwrap_or_default();
    (
        platform::stored_shared(MUTE_KEY).unwrap_or_default(),
        snoozes.read(platform::end_of_day),
    )
}

/// The muted words in force for a view: the fan's and the host page's, ready to match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MuteList {
    every: Vec<Phrase>,
    shows: BTreeMap<String, Vec<Phrase>>,
}

impl MuteList {
    /// The fan's `book` with the host page's words (for every show) over it.
    pub fn new(book: &MuteBook, host: &[String]) -> MuteList {
        let phrases = |list: &[String]| -> Vec<Phrase> {
            list.iter().filter_map(|w| Phrase::new(w)).collect()
        };
        let mut every = phrases(&book.every);
        every.extend(host.iter().filter_map(|word| Phrase::new(word)));
        let mut shows: BTreeMap<String, Vec<Phrase>> = BTreeMap::new();
        for (show, words) in &book.shows {
            shows
                .entry(show_key(show))
                .or_default()
                .extend(phrases(words));
        }
        MuteList { every, shows }
    }

    /// Whether nothing is muted (then no text need be read).
    pub fn is_empty(&self) -> bool {
        self.every.is_empty() && self.shows.values().all(Vec::is_empty)
    }

    /// The phrases muted for an update about `show`.
    fn for_show<'a>(&'a self, show: Option<&str>) -> impl Iterator<Item = &'a Phrase> {
        let own = show
            .and_then(|show| self.shows.get(&show_key(show)))
            .into_iter()
            .flatten();
        self.every.iter().chain(own)
    }

    /// Whether `text`, in an update about `show`, mentions a muted word or phrase.
    pub fn mentions(&self, show: Option<&str>, text: &str) -> bool {
        if self.is_empty() || text.is_empty() {
            return false;
        }
        let words = words(text);
        self.for_show(show).any(|phrase| phrase.within(&words))
    }

    /// Whether an update mentions a muted word anywhere a card shows text: its title, text,
    /// tags, authors, safe title and kind details.
    pub fn mutes(&self, item: &Item) -> bool {
        if self.is_empty() {
            return false;
        }
        let show = item.show.as_deref();
        let mentions = |text: &str| self.mentions(show, text);
        item.title.as_deref().is_some_and(mentions)
            || mentions(&item.text)
            || item.tags.iter().any(|tag| mentions(tag))
            || item.authors.iter().any(|author| mentions(author))
            || item.safe_title.as_deref().is_some_and(mentions)
            || details_mention(&item.details, &mentions)
    }
}

/// Whether the text of an update's kind details mentions a muted word.
fn details_mention(details: &Details, mentions: &impl Fn(&str) -> bool) -> bool {
    match details {
        Details::Cast(members) => members
            .iter()
            .any(|member| mentions(&member.name) || member.role.as_deref().is_some_and(mentions)),
        Details::Release(release) => {
            release.label.as_deref().is_some_and(mentions)
                || release.note.as_deref().is_some_and(mentions)
        }
        Details::Production(_) | Details::Other => false,
    }
}

/// How long a show is snoozed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnoozeFor {
    /// For a day from now.
    Day,
    /// For a week from now.
    Week,
    /// Until the end of a day, in the fan's time zone.
    Until(NaiveDate),
    /// Until the fan unsnoozes it.
    Unsnoozed,
}

impl SnoozeFor {
    /// The snooze picked in the panel: `day`, `week`, `unsnoozed`, or `date` with the date
    /// field's `YYYY-MM-DD`; `None` when the date is missing or unreadable.
    pub fn parse(choice: &str, date: &str) -> Option<SnoozeFor> {
        match choice {
            "day" => Some(SnoozeFor::Day),
            "week" => Some(SnoozeFor::Week),
            "unsnoozed" => Some(SnoozeFor::Unsnoozed),
            "date" => crate::date::parse_day(date).map(SnoozeFor::Until),
            _ => None,
        }
    }

    /// When the snooze ends, counted from `now`; `end_of_day` tells when a day ends where the
    /// fan is (`platform::end_of_day`, or a fixed zone's rules in tests).
    pub fn end(
        self,
        now: DateTime<Utc>,
        end_of_day: impl Fn(NaiveDate) -> DateTime<Utc>,
    ) -> SnoozeEnd {
        match self {
            SnoozeFor::Day => SnoozeEnd::At(now + Duration::days(1)),
            SnoozeFor::Week => SnoozeEnd::At(now + Duration::days(7)),
            SnoozeFor::Until(day) => SnoozeEnd::end_of(day, end_of_day),
            SnoozeFor::Unsnoozed => SnoozeEnd::Unsnoozed,
        }
    }
}

/// When a snooze ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnoozeEnd {
    /// When the fan unsnoozes it.
    Unsnoozed,
    /// At an instant: a day or a week after it began.
    At(DateTime<Utc>),
    /// At the end of `day` in the fan's time zone, which is the instant `at` (the start of the
    /// next local day).
    EndOf {
        /// The last day snoozed.
        day: NaiveDate,
        /// When that day ends where the fan is.
        at: DateTime<Utc>,
    },
}

impl SnoozeEnd {
    /// The end of `day` where the fan is, by `end_of_day`.
    fn end_of(day: NaiveDate, end_of_day: impl Fn(NaiveDate) -> DateTime<Utc>) -> SnoozeEnd {
        SnoozeEnd::EndOf {
            day,
            at: end_of_day(day),
        }
    }

    /// The instant it ends; `None` for never by itself.
    pub fn instant(self) -> Option<DateTime<Utc>> {
        match self {
            SnoozeEnd::Unsnoozed => None,
            SnoozeEnd::At(at) | SnoozeEnd::EndOf { at, .. } => Some(at),
        }
    }

    /// Whether it is still going at `now`.
    fn lasts(self, now: DateTime<Utc>) -> bool {
        self.instant().is_none_or(|end| now < end)
    }
}

/// A snooze's end as stored: an instant (RFC 3339) or, for the end of a day where the fan
/// is, that day (`YYYY-MM-DD`, so it ends at the end of the day wherever they are).
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum StoredEnd {
    /// An instant.
    At(DateTime<Utc>),
    /// The last day snoozed.
    Day(NaiveDate),
}

/// The snoozed shows as stored (per origin): each show's end, `null` for until unsnoozed, as
/// `{"dark":"2026-12-09T15:42:00Z","stranger things":"2026-12-12","wednesday":null}`. An
/// entry that can't be read is left out; a record that can't be read counts as nothing
/// snoozed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SnoozeRecord(
    #[serde(deserialize_with = "stored::readable_entries")] BTreeMap<String, Option<StoredEnd>>,
);

impl SnoozeRecord {
    /// The snoozes this record holds, a day's end told by `end_of_day` (as for
    /// [`SnoozeFor::end`]).
    ///
    /// Before days were kept as days, "until a date" was stored as that day's start in UTC
    /// (`2026-12-09T00:00:00Z`, a time no "for a day" or "for a week" snooze has to the
    /// nanosecond): such an end reads as the end of that day where the fan is, as the fan
    /// meant it, which only ever hides more.
    pub fn read(self, end_of_day: impl Fn(NaiveDate) -> DateTime<Utc>) -> Snoozes {
        let snoozes = self.0.into_iter().map(|(show, end)| {
            let end = match end {
                None => SnoozeEnd::Unsnoozed,
                Some(StoredEnd::At(at)) if at.time() == chrono::NaiveTime::MIN => {
                    SnoozeEnd::end_of(at.date_naive(), &end_of_day)
                }
                Some(StoredEnd::At(at)) => SnoozeEnd::At(at),
                Some(StoredEnd::Day(day)) => SnoozeEnd::end_of(day, &end_of_day),
            };
            (show, end)
        });
        Snoozes(snoozes.collect())
    }
}

impl From<Snoozes> for SnoozeRecord {
    fn from(snoozes: Snoozes) -> SnoozeRecord {
        let ends = snoozes.0.into_iter().map(|(show, end)| {
            let end = match end {
                SnoozeEnd::Unsnoozed => None,
                SnoozeEnd::At(at) => Some(StoredEnd::At(at)),
                SnoozeEnd::EndOf { day, .. } => Some(StoredEnd::Day(day)),
            };
            (show, end)
        });
        SnoozeRecord(ends.collect())
    }
}

/// The snoozed shows: each show's end. Stored as a [`SnoozeRecord`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(into = "SnoozeRecord")]
pub struct Snoozes(BTreeMap<String, SnoozeEnd>);

impl Snoozes {
    /// Snoozes `show` until `end`.
    pub fn snooze(&mut self, show: &str, end: SnoozeEnd) {
        self.0.insert(show_key(show), end);
    }

    /// Ends a show's snooze.
    pub fn unsnooze(&mut self, show: &str) {
        self.0.remove(&show_key(show));
    }

    /// Whether `show` is snoozed at `now`, and until when.
    pub fn snoozed(&self, show: &str, now: DateTime<Utc>) -> Option<SnoozeEnd> {
        if self.0.is_empty() {
            // Asked for every update on every render: no show name is folded for nothing.
            return None;
        }
        self.0
            .get(&show_key(show))
            .copied()
            .filter(|end| end.lasts(now))
    }

    /// Whether a snooze ends by itself (at a date), so the widget must watch the clock.
    pub fn any_ends(&self) -> bool {
        self.0.values().any(|end| end.instant().is_some())
    }

    /// Leaves out the snoozes that ended by `now`, so storage doesn't keep them.
    pub fn prune(&mut self, now: DateTime<Utc>) {
        self.0.retain(|_, end| end.lasts(now));
    }
}

/// Why a guard hides an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// Its show is snoozed.
    Snoozed,
    /// It mentions a muted word.
    Muted,
}

/// Everything the guards need for a view: muted words, snoozed shows, and the updates the fan
/// let through by hand this visit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Guards {
    /// The muted words in force.
    pub mutes: MuteList,
    /// The snoozed shows.
    pub snoozes: Snoozes,
    /// Updates revealed by hand from a guard's placeholder (not stored: once, on purpose).
    pub passed: BTreeSet<String>,
}

impl Guards {
    /// Which guard, if any, would hide `item` at `now` (whether or not the fan let it
    /// through: see [`Guards::passed`]).
    pub fn guard(&self, item: &Item, now: DateTime<Utc>) -> Option<Guard> {
        if item
            .show
            .as_deref()
            .is_some_and(|show| self.snoozes.snoozed(show, now).is_some())
        {
            Some(Guard::Snoozed)
        } else if self.mutes.mutes(item) {
            Some(Guard::Muted)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A record's stored form.
    fn to_json(record: &impl Serialize) -> String {
        serde_json::to_string(record).unwrap()
    }

    /// Reads muted words as storage does: what can't be read counts as nothing muted.
    fn mutes_from_json(json: &str) -> MuteBook {
        serde_json::from_str(json).unwrap_or_default()
    }

    /// Reads snoozes as storage does: what can't be read counts as nothing snoozed.
    fn snoozes_from_json(json: &str, end_of_day: impl Fn(NaiveDate) -> DateTime<Utc>) -> Snoozes {
        serde_json::from_str::<SnoozeRecord>(json)
            .unwrap_or_default()
            .read(end_of_day)
    }

    fn list(words: &[&str]) -> MuteList {
        let mut book = MuteBook::default();
        for word in words {
            book.add(&Scope::Every, word);
        }
        MuteList::new(&book, &[])
    }

    #[test]
    fn matching_ignores_case_and_accents_and_keeps_to_whole_words() {
        let mutes = list(&["vecna", "lamp", "who dies"]);
        assert!(mutes.mentions(None, "VECNA returns"));
        assert!(mutes.mentions(None, "Vécna returns"));
        assert!(!mutes.mentions(None, "The lamplighter's tale"));
        assert!(mutes.mentions(None, "A lamp, lit"));
        assert!(mutes.mentions(None, "Guess WHO   dies?"));
        assert!(!mutes.mentions(None, "who never dies"));
        let lamplighter = list(&["lamplighter"]);
        assert!(lamplighter.mentions(None, "The Lamplighter's tale"));
        assert!(lamplighter.mentions(None, "lamplighter-in-chief"));
        let accented = list(&["Éleven"]);
        assert!(accented.mentions(None, "eleven is back"));
    }

    #[test]
    fn a_word_without_letters_mutes_nothing() {
        let mut book = MuteBook::default();
        assert!(!book.add(&Scope::Every, " , !!! ,"));
        assert!(book.is_empty());
        assert!(MuteList::new(&book, &[]).is_empty());
    }

    #[test]
    fn show_words_apply_to_their_show_only() {
        let mut book = MuteBook::default();
        book.add(&Scope::Show("Stranger Things".into()), "upside down");
        assert!(!book.add(&Scope::Show(" stranger things".into()), "Upside Down"));
        assert_eq!(book.len(), 1);
        let mutes = MuteList::new(&book, &["keeper's daughter".into()]);
        assert!(mutes.mentions(Some("STRANGER THINGS"), "The Upside Down"));
        assert!(!mutes.mentions(Some("Wednesday"), "The Upside Down"));
        assert!(!mutes.mentions(None, "The Upside Down"));
        assert!(mutes.mentions(
            Some("Wednesday"),
            "The Keeper’s daughter? The keeper's daughter!"
        ));
        book.remove(&Scope::Show("Stranger things".into()), "upside down");
        assert!(book.is_empty() && book.shows.is_empty());
    }

    #[test]
    fn stored_mutes_read_back_and_tolerate_garbage() {
        let mut book = MuteBook::default();
        book.add(&Scope::Every, "Vecna, who dies");
        book.add(&Scope::Show("Wednesday".into()), "Tyler");
        let json = to_json(&book);
        assert_eq!(
            json,
            r#"{"every":["Vecna","who dies"],"shows":{"Wednesday":["Tyler"]}}"#
        );
        assert_eq!(mutes_from_json(&json), book);
        assert_eq!(mutes_from_json("{}"), MuteBook::default());
        assert_eq!(mutes_from_json(r#"{"every":[1]}"#), MuteBook::default());
    }

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
    }

    /// A zone a fixed number of hours from UTC, as `end_of_day` for [`SnoozeFor::end`].
    fn zone(hours: i32) -> impl Fn(NaiveDate) -> DateTime<Utc> {
        move |day| {
            crate::date::end_of_day(day, |_| {
                chrono::FixedOffset::east_opt(hours * 3600).unwrap()
            })
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn snoozes_end_by_themselves() {
        let mut snoozes = Snoozes::default();
        snoozes.snooze("Stranger Things", SnoozeFor::Day.end(at(1, 12), zone(0)));
        snoozes.snooze(
            "Wednesday",
            SnoozeFor::Until(day(9)).end(at(1, 12), zone(0)),
        );
        snoozes.snooze("Dark", SnoozeFor::Unsnoozed.end(at(1, 12), zone(0)));
        assert!(snoozes.snoozed("stranger things", at(2, 11)).is_some());
        assert!(snoozes.snoozed("Stranger Things", at(2, 12)).is_none());
        // Until the 9th means through the 9th.
        let through_9th = SnoozeEnd::EndOf {
            day: day(9),
            at: at(10, 0),
        };
        assert_eq!(snoozes.snoozed("Wednesday", at(9, 23)), Some(through_9th));
        assert!(snoozes.snoozed("Wednesday", at(10, 0)).is_none());
        assert_eq!(
            snoozes.snoozed("Dark", at(31, 0)),
            Some(SnoozeEnd::Unsnoozed)
        );
        let json = to_json(&snoozes);
        assert_eq!(snoozes_from_json(&json, zone(0)), snoozes);
        snoozes.prune(at(5, 0));
        assert_eq!(
            to_json(&snoozes),
            r#"{"dark":null,"wednesday":"2026-12-09"}"#
        );
        snoozes.unsnooze("DARK");
        assert!(snoozes.snoozed("Dark", at(5, 0)).is_none());
        assert_eq!(snoozes_from_json("[1]", zone(0)), Snoozes::default());
        assert_eq!(SnoozeFor::parse("week", ""), Some(SnoozeFor::Week));
        assert_eq!(
            SnoozeFor::parse("date", "2026-12-09"),
            Some(SnoozeFor::Until(day(9)))
        );
        assert_eq!(SnoozeFor::parse("date", ""), None);
        assert_eq!(SnoozeFor::parse("date", "9 Dec"), None);
        assert_eq!(
            SnoozeFor::Week.end(at(1, 12), zone(0)),
            SnoozeEnd::At(at(8, 12)),
            "a week is seven days"
        );
    }

    #[test]
    fn a_date_snooze_ends_at_the_end_of_that_day_where_the_fan_is() {
        // Until Friday 11 December, snoozed in Los Angeles in winter (UTC−8) and in Tokyo.
        let friday = SnoozeFor::Until(day(11));
        let la = friday.end(at(1, 12), zone(-8));
        assert_eq!(
            la.instant(),
            Some(at(12, 8)),
            "Saturday 00:00 in Los Angeles"
        );
        let tokyo = friday.end(at(1, 12), zone(9));
        assert_eq!(tokyo.instant(), Some(at(11, 15)), "Saturday 00:00 in Tokyo");
        let mut snoozes = Snoozes::default();
        snoozes.snooze("Wednesday", la);
        // Friday afternoon in Los Angeles (Friday 23:00 UTC): still snoozed.
        assert!(snoozes.snoozed("Wednesday", at(11, 23)).is_some());
        assert!(snoozes.snoozed("Wednesday", at(12, 7)).is_some());
        assert!(snoozes.snoozed("Wednesday", at(12, 8)).is_none());
        // Stored as the day, so it ends at the end of that day in the zone it's read in.
        let json = to_json(&snoozes);
        assert_eq!(json, r#"{"wednesday":"2026-12-11"}"#);
        assert_eq!(snoozes_from_json(&json, zone(-8)), snoozes);
        let read_in_tokyo = snoozes_from_json(&json, zone(9));
        assert_eq!(read_in_tokyo.snoozed("Wednesday", at(11, 14)), Some(tokyo));
    }

    #[test]
    fn snoozes_stored_before_read_as_the_fan_meant_them() {
        // "Until a date" was stored as that day's start in UTC: it now lasts through the day
        // where the fan is; ends at other times, and unsnoozed, read as they were.
        let old = r#"{"wednesday":"2026-12-09T00:00:00Z","dark":null,
            "stranger things":"2026-12-02T12:00:00.250Z"}"#;
        let snoozes = snoozes_from_json(old, zone(-8));
        assert_eq!(
            snoozes.snoozed("Wednesday", at(9, 20)),
            Some(SnoozeEnd::EndOf {
                day: day(9),
                at: at(10, 8),
            })
        );
        assert!(snoozes.snoozed("Wednesday", at(10, 8)).is_none());
        assert_eq!(
            snoozes.snoozed("Dark", at(31, 0)),
            Some(SnoozeEnd::Unsnoozed)
        );
        let day_long = at(2, 12) + Duration::milliseconds(250);
        assert_eq!(
            snoozes.snoozed("Stranger Things", at(2, 12)),
            Some(SnoozeEnd::At(day_long))
        );
        assert_eq!(
            to_json(&snoozes),
            r#"{"dark":null,"stranger things":"2026-12-02T12:00:00.250Z","wednesday":"2026-12-09"}"#
        );
        // One entry that can't be read doesn't lose the others.
        let odd = snoozes_from_json(r#"{"wednesday":"soon","dark":null}"#, zone(0));
        assert_eq!(odd.snoozed("Dark", at(1, 0)), Some(SnoozeEnd::Unsnoozed));
        assert!(odd.snoozed("Wednesday", at(1, 0)).is_none());
    }

    #[test]
    fn words_in_scripts_without_spaces_match_inside_runs_of_letters() {
        let mutes = list(&["ヴェクナ", "维克纳", "เวคนา"]);
        assert!(mutes.mentions(None, "ついにヴェクナが登場"));
        assert!(mutes.mentions(None, "维克纳回来了"));
        assert!(mutes.mentions(None, "《怪奇物语》第五季：维克纳回来了！"));
        assert!(mutes.mentions(None, "ในที่สุดเวคนาก็กลับมา"));
        assert!(mutes.mentions(None, "Vecna（ヴェクナ）"));
        assert!(!mutes.mentions(None, "ついに登場"));
        assert!(
            !mutes.mentions(None, "维克回来了"),
            "all of the word, not part of it"
        );
        // Latin stays whole words, next to those scripts too.
        let latin = list(&["lamp", "vecna"]);
        assert!(!latin.mentions(None, "lamplighter"));
        assert!(latin.mentions(None, "Vecnaが登場"));
        assert!(latin.mentions(None, "「Vecna」回来了"));
        assert!(!latin.mentions(None, "Vecnas登場"));
        // A mixed phrase: its Latin words whole, its other letters inside runs.
        let mixed = list(&["Vecna 登場"]);
        assert!(mixed.mentions(None, "ついにVecna登場"));
        assert!(mixed.mentions(None, "Vecna、登場！"));
        assert!(!mixed.mentions(None, "Vecnas登場"));
    }
}
