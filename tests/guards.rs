//! The fan's guards through the reader, the view rule, the rendered list and the reducer:
//! muted words (case, accents, whole words, phrases, possessives, feed HTML, tags, authors,
//! safe titles), the placeholders they leave and their counts, a pace behind the broadcast
//! against fixed air dates, and snoozed shows with their expiry (a date's at the end of that
//! day in a fixed zone's rules, across changes of clocks) and the panel's wording.

// Native only: these render on the host; the browser suite is `browser*.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use common::*;
use serde_json::json;
use spoilerfeed::components::card_list::CardListProps;
use spoilerfeed::components::CardList;
use spoilerfeed::config::Prefs;
use spoilerfeed::date;
use spoilerfeed::feed::Feed;
use spoilerfeed::guards::{
    Guard, Guards, MuteBook, MuteList, Scope, SnoozeEnd, SnoozeFor, Snoozes,
};
use spoilerfeed::progress::{ProgressBook, ShowProgress, Watched};
use spoilerfeed::spoiler::{self, Entry};
use spoilerfeed::state::{Action, State};
use spoilerfeed::types::Level;
use yew::{Callback, Reducible};

/// A feed about "Stranger Things" whose updates are all spoiler-free by their labels, each
/// mentioning one thing a fan might mute, in a different field.
fn feed() -> Feed {
    parse_value(&json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Hawkins news",
        "_spoilerfeed": { "show": "Stranger Things", "default_level": "none" },
        "items": [
            { "id": "title", "title": "VECNA is back", "content_text": "Filming again.",
              "date_published": "2026-12-01T10:00:00Z" },
            { "id": "accents", "title": "A new villain", "content_text": "V\u{e9}cna, they say.",
              "date_published": "2026-11-30T10:00:00Z" },
            { "id": "html", "title": "Set photos",
              "content_html": "<p>Spotted: <b>Ve</b>cna&#39;s lair, V&eacute;cna&rsquo;s clock.</p>",
              "date_published": "2026-11-29T10:00:00Z" },
            { "id": "lamplighter", "title": "The lamplighter's tale",
              "date_published": "2026-11-28T10:00:00Z" },
            { "id": "phrase", "title": "Guess who dies in the finale",
              "_spoilerfeed": { "safe_title": "A finale rumour" },
              "date_published": "2026-11-27T10:00:00Z" },
            { "id": "tag", "title": "Behind the scenes", "tags": ["Upside Down"],
              "date_published": "2026-11-26T10:00:00Z" },
            { "id": "author", "title": "An interview", "authors": [{ "name": "Keeper O'Brien" }],
              "date_published": "2026-11-25T10:00:00Z" },
            { "id": "safe", "title": "A quiet week",
              "_spoilerfeed": { "safe_title": "Vecna-free headline? No: Vecna" },
              "date_published": "2026-11-24T10:00:00Z" },
            { "id": "cast", "title": "New cast member",
              "_spoilerfeed": { "kind": "cast", "cast": [{ "name": "A. Actor", "role": "Young Vecna" }] },
              "date_published": "2026-11-23T10:00:00Z" },
            { "id": "plain", "title": "Season five wraps", "content_text": "That's a wrap.",
              "date_published": "2026-11-22T10:00:00Z" },
            { "id": "other-show", "title": "Wednesday: who dies?",
              "_spoilerfeed": { "show": "Wednesday" },
              "date_published": "2026-11-21T10:00:00Z" }
        ]
    }))
}

fn mutes(words: &[&str]) -> Guards {
    let mut book = MuteBook::default();
    for word in words {
        book.add(&Scope::Every, word);
    }
    Guards {
        mutes: MuteList::new(&book, &[]),
        ..Guards::default()
    }
}

/// The ids hidden in the view, with why.
fn hidden(feed: &Feed, prefs: &Prefs, guards: &Guards) -> Vec<(String, Option<Guard>)> {
    spoiler::view_guarded(feed, prefs, &ProgressBook::new(), guards, now())
        .entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Hidden(item) => Some((item.id().to_owned(), item.guard())),
            Entry::Shown { .. } => None,
        })
        .collect()
}

fn hidden_ids(feed: &Feed, guards: &Guards) -> BTreeSet<String> {
    hidden(feed, &prefs(Level::Major), guards)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

#[test]
fn a_word_spelled_with_named_references_is_muted_too() {
    let feed = parse_value(&json!({
        "version": "https://jsonfeed.org/version/1.1",
        "_spoilerfeed": { "show": "Stranger Things", "default_level": "none" },
        "items": [
            { "id": "html", "title": "Set visit",
              "content_html": "<p>Inside the D&eacute;mogorgon&rsquo;s nest.</p>" },
            { "id": "title", "title": "Le D&eacute;mogorgon est de retour" },
            { "id": "other", "title": "Filming wraps" },
        ],
    }));
    assert_eq!(
        hidden_ids(&feed, &mutes(&["demogorgon"])),
        set(&["html", "title"])
    );
}

#[test]
fn a_muted_word_hides_every_update_that_mentions_it_in_any_field() {
    let feed = feed();
    assert!(hidden_ids(&feed, &Guards::default()).is_empty());
    // Case, accents, feed HTML (tags removed, references decoded), a possessive, a safe
    // title and a cast role; "Vecna-free" holds the word too: the hyphen is a boundary.
    assert_eq!(
        hidden_ids(&feed, &mutes(&["vecna"])),
        set(&["title", "accents", "html", "safe", "cast"])
    );
    assert_eq!(
        hidden_ids(&feed, &mutes(&["VÉCNA"])),
        hidden_ids(&feed, &mutes(&["vecna"]))
    );
    assert_eq!(hidden_ids(&feed, &mutes(&["upside down"])), set(&["tag"]));

    assert_eq!(hidden_ids(&feed, &mutes(&["keeper"])), set(&["author"]));
    assert_eq!(hidden_ids(&feed, &mutes(&["o'brien"])), set(&["author"]));
}

#[test]
fn words_match_whole_and_phrases_in_order() {
    let feed = feed();
    // Muting `lamp` doesn't hide `lamplighter`; muting `lamplighter` hides `lamplighter's`.
    assert!(hidden_ids(&feed, &mutes(&["lamp"])).is_empty());
    assert_eq!(
        hidden_ids(&feed, &mutes(&["Lamplighter"])),
        set(&["lamplighter"])
    );
    assert!(hidden_ids(&feed, &mutes(&["vec"])).is_empty());
    assert_eq!(
        hidden_ids(&feed, &mutes(&["who dies"])),
        set(&["phrase", "other-show"])
    );
    assert!(hidden_ids(&feed, &mutes(&["dies who"])).is_empty());
}

#[test]
fn a_word_muted_for_one_show_leaves_the_others_alone() {
    let feed = feed();
    let mut book = MuteBook::default();
    book.add(&Scope::Show("Wednesday".into()), "who dies");
    let guards = Guards {
        mutes: MuteList::new(&book, &[]),
        ..Guards::default()
    };
    assert_eq!(hidden_ids(&feed, &guards), set(&["other-show"]));
    // The host page's words count for every show.
    let guards = Guards {
        mutes: MuteList::new(&book, &["upside down".into()]),
        ..Guards::default()
    };
    assert_eq!(hidden_ids(&feed, &guards), set(&["other-show", "tag"]));
}

#[test]
fn a_guard_hides_whatever_the_level_and_says_why() {
    let feed = feed();
    let guards = mutes(&["who dies"]);
    for level in Level::ALL {
        let why = hidden(&feed, &prefs(level), &guards);
        assert!(
            why.contains(&("phrase".into(), Some(Guard::Muted))),
            "{level:?}"
        );
    }
    let view = spoiler::view_guarded(
        &feed,
        &prefs(Level::Major),
        &ProgressBook::new(),
        &guards,
        now(),
    );
    assert_eq!((view.hidden, view.muted, view.snoozed), (2, 2, 0));
}

/// The rendered list for these guards, at `major` (nothing hidden by level).
fn rendered(feed: &Feed, guards: Guards) -> String {
    render::<CardList>(yew::props!(CardListProps {
        feed: shared(feed.clone()),
        prefs: prefs(Level::Major),
        now: now(),
        guards,
        limit: usize::MAX,
        on_reveal: Callback::noop(),
        on_conceal: Callback::noop(),
        on_more: Callback::noop(),
    }))
}

#[test]
fn a_muted_placeholder_never_shows_the_muted_text() {
    let feed = feed();
    let html = rendered(&feed, mutes(&["vecna", "who dies"]));
    let lower = html.to_lowercase();
    for word in ["vecna", "v\u{e9}cna", "who dies"] {
        assert!(!lower.contains(word), "{word:?} is on the page: {html}");
    }
    assert_eq!(
        html.matches("Hidden: mentions a word you muted").count(),
        7,
        "{html}"
    );
    // A safe title without the word is shown; one with it is not.
    assert!(html.contains("A finale rumour"));
    assert!(!html.contains("headline"));
    // The note counts them, and there is nothing else hidden to count.
    assert!(html.contains(">7 muted<"), "{html}");
    assert!(!html.contains("hidden above"));
    // What isn't muted is there in full.
    assert!(html.contains("Season five wraps") && html.contains("Upside Down"));
}

#[test]
fn counts_say_how_many_are_muted_besides_the_level() {
    let feed = feed();
    let mut feed_with_level = feed.clone();
    // One update above the fan's level, one muted.
    let mut item = (*feed_with_level.items[9]).clone();
    item.level = Level::Major;
    feed_with_level.items[9] = Rc::new(item);
    let html = render::<CardList>(yew::props!(CardListProps {
        feed: shared(feed_with_level),
        prefs: prefs(Level::Mild),
        now: now(),
        guards: mutes(&["upside down"]),
        limit: usize::MAX,
        on_reveal: Callback::noop(),
        on_conceal: Callback::noop(),
        on_more: Callback::noop(),
    }));
    assert!(
        html.contains(">1 update hidden above Mild, 1 muted<"),
        "{html}"
    );
}

#[test]
fn a_snoozed_show_leaves_placeholders_with_only_kind_and_date() {
    let feed = feed();
    let mut snoozes = Snoozes::default();
    snoozes.snooze("stranger things", SnoozeFor::Week.end(now(), in_utc));
    let guards = Guards {
        snoozes,
        ..Guards::default()
    };
    let why = hidden(&feed, &prefs(Level::Major), &guards);
    assert_eq!(
        why.len(),
        10,
        "every update of the show but none of Wednesday"
    );
    assert!(why.iter().all(|(_, guard)| *guard == Some(Guard::Snoozed)));
    let html = rendered(&feed, guards.clone());
    assert_eq!(html.matches("Hidden: you snoozed this show").count(), 10);
    // No safe title, no show name: only the kind and the date.
    assert!(!html.contains("A finale rumour"));
    assert_eq!(html.matches("Stranger Things").count(), 0, "{html}");
    assert!(html.contains(">10 snoozed<"), "{html}");
    // A week later it ended by itself.
    let later = now() + Duration::days(7);
    let view = spoiler::view_guarded(
        &feed,
        &prefs(Level::Major),
        &ProgressBook::new(),
        &guards,
        later,
    );
    assert_eq!(view.hidden, 0);
}

#[test]
fn a_pace_unlocks_what_aired_that_many_days_ago_and_moves_on() {
    // Harbour Lights' season 3 aired 4, 11 and 18 November 2026; the clock is 2 December.
    let feed = load_fixture("progress.json");
    let shown = |days: u32, clock| -> BTreeSet<String> {
        let book: ProgressBook = [(
            "Harbour Lights".to_owned(),
            ShowProgress {
                watched: Watched::Aired(days),
                ahead: false,
            },
        )]
        .into();
        spoiler::view_guarded(&feed, &prefs(Level::None), &book, &Guards::default(), clock)
            .entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Shown { item, .. } => Some(item.id.clone()),
                Entry::Hidden(_) => None,
            })
            .filter(|id| id.starts_with("hl-s3"))
            .collect()
    };
    // Two weeks behind: S3E3 aired exactly 14 days ago.
    assert_eq!(
        shown(14, now()),
        set(&["hl-s3e1-moderate", "hl-s3e3-major"])
    );
    // Twenty days behind: up to S3E2.
    assert_eq!(shown(20, now()), set(&["hl-s3e1-moderate"]));
    // Thirty days behind: season 2 only, until two days later S3E1 is thirty days old.
    assert_eq!(shown(30, now()), set(&[]));
    assert_eq!(shown(30, now() + Duration::days(1)), set(&[]));
    assert_eq!(
        shown(30, now() + Duration::days(2)),
        set(&["hl-s3e1-moderate"])
    );
}

#[test]
fn the_reducer_mutes_announces_and_lets_a_reveal_through_once() {
    let feed = Rc::new(feed());
    let state = Rc::new(State::new(prefs(Level::Major), 50, now()))
        .reduce(Action::Loaded(Rc::clone(&feed), now()));
    let state = state.reduce(Action::Mute(Scope::Every, "Vecna, who dies".into()));
    assert_eq!(state.announcement, "7 updates muted");
    assert_eq!(state.mutes.every, ["Vecna", "who dies"]);
    let state = state.reduce(Action::Mute(Scope::Every, "vécna".into()));
    assert_eq!(state.announcement, "Already muted");
    let view = |state: &State| {
        spoiler::view_guarded(
            &state.feed.as_ref().unwrap().0,
            &state.prefs,
            &state.progress,
            &state.guards,
            state.now,
        )
        .muted
    };
    assert_eq!(view(&state), 7);
    // Reveal works on purpose, and Hide again puts the guard back.
    let state = state.reduce(Action::Reveal("phrase".into()));
    assert_eq!(view(&state), 6);
    let feed_now = &state.feed.as_ref().unwrap().0;
    let revealed = spoiler::view_guarded(
        feed_now,
        &state.prefs,
        &state.progress,
        &state.guards,
        now(),
    )
    .entries
    .into_iter()
    .find_map(|entry| match entry {
        Entry::Shown { item, revealed } if item.id == "phrase" => Some(revealed),
        _ => None,
    });
    assert_eq!(revealed, Some(true), "a revealed card, with Hide again");
    let state = state.reduce(Action::Conceal("phrase".into()));
    assert_eq!(view(&state), 7);
    // Changing the level says how many are muted.
    let state = state.reduce(Action::SetLevel(Level::Mild));
    assert!(
        state.announcement.ends_with(", 7 muted"),
        "{}",
        state.announcement
    );
    let state = state.reduce(Action::Unmute(Scope::Every, "Vecna".into()));
    assert_eq!(state.announcement, "Word removed; 2 updates muted");
    // The host's words apply beside the fan's, and aren't in the fan's book.
    let state = state.reduce(Action::HostMutes(vec!["upside down".into()]));
    assert_eq!(view(&state), 3);
    assert_eq!(state.mutes.len(), 1);
    // Another widget's words replace these.
    let state = state.reduce(Action::GuardsLoaded(
        MuteBook::default(),
        Snoozes::default(),
    ));
    assert_eq!(view(&state), 1);
    let state = state.reduce(Action::Snooze(
        "Stranger Things".into(),
        SnoozeEnd::Unsnoozed,
    ));
    assert_eq!(
        state.announcement,
        "Stranger Things snoozed: 9 more updates hidden"
    );
    let state = state.reduce(Action::Unsnooze("Stranger Things".into()));
    assert_eq!(view(&state), 1);
}

#[test]
fn a_snooze_ends_by_itself_as_the_clock_moves_on() {
    let feed = Rc::new(feed());
    let state = Rc::new(State::new(prefs(Level::Major), 50, now()))
        .reduce(Action::Loaded(Rc::clone(&feed), now()));
    let all = state.feed.as_ref().unwrap().0.items.len();
    let shown = |state: &State| {
        spoiler::view_guarded(
            &state.feed.as_ref().unwrap().0,
            &state.prefs,
            &state.progress,
            &state.guards,
            state.now,
        )
        .shown()
    };
    assert!(!state.watches_clock());
    let state = state.reduce(Action::Snooze(
        "Stranger Things".into(),
        SnoozeEnd::At(now() + Duration::hours(1)),
    ));
    assert!(state.watches_clock());
    assert_eq!(shown(&state), 1, "only Wednesday's update");
    // A minute later nothing changes: the state is kept as it is, so nothing renders again.
    let later = state
        .clone()
        .reduce(Action::Tick(now() + Duration::minutes(1)));
    assert!(Rc::ptr_eq(&state, &later));
    // Once the hour is up, the show's updates are back without a reload.
    let ended = state.reduce(Action::Tick(now() + Duration::minutes(61)));
    assert_eq!(shown(&ended), all);
    assert_eq!(
        ended.announcement,
        format!("{} more updates now shown", all - 1)
    );
}

#[test]
fn the_panels_list_what_is_muted_and_snoozed() {
    use spoilerfeed::components::guards_panel::{MutePanelProps, SnoozePanelProps};
    use spoilerfeed::components::{MutePanel, SnoozePanel};
    use yew::AttrValue;

    let mut book = MuteBook::default();
    book.add(&Scope::Every, "Vecna");
    book.add(&Scope::Show("Wednesday".into()), "Tyler");
    let html = render::<MutePanel>(yew::props!(MutePanelProps {
        mutes: book,
        host: vec!["keeper's daughter".to_owned()],
        shows: vec![AttrValue::from("Wednesday")],
        on_mute: Callback::noop(),
        on_unmute: Callback::noop(),
    }));
    assert!(html.contains("Muted words (3)"), "{html}");
    assert!(
        html.contains("aria-label=\"Remove Vecna\"")
            && html.contains("aria-label=\"Remove Tyler\"")
    );
    // The host's words are listed, and can't be removed.
    assert!(html.contains(">keeper's daughter<"), "{html}");
    assert!(!html.contains("Remove keeper"));
    assert!(
        !html.contains("<form"),
        "a widget puts no form on a host page"
    );

    let mut snoozes = Snoozes::default();
    snoozes.snooze(
        "Wednesday",
        SnoozeFor::Until(chrono::NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()).end(now(), in_utc),
    );
    let props = |snoozes: Snoozes, clock| {
        yew::props!(SnoozePanelProps {
            shows: vec![AttrValue::from("Wednesday"), AttrValue::from("Dark")],
            snoozes,
            now: clock,
            on_snooze: Callback::noop(),
            on_unsnooze: Callback::noop(),
        })
    };
    let html = render::<SnoozePanel>(props(snoozes.clone(), now()));
    assert!(html.contains("Snoozed shows (1)"), "{html}");
    assert!(
        html.contains("Wednesday is snoozed until Wednesday, 9 Dec, end of day"),
        "{html}"
    );
    // Only the show that isn't snoozed can be snoozed, and it needs no show picker.
    assert!(html.contains("Hide everything about Dark") && !html.contains("snooze-show"));
    // Still on its last day; after it, the snooze is gone by itself.
    let html = render::<SnoozePanel>(props(snoozes.clone(), now() + Duration::days(7)));
    assert!(html.contains("Snoozed shows (1)"), "{html}");
    let html = render::<SnoozePanel>(props(snoozes, now() + Duration::days(8)));
    assert!(
        html.contains("Snooze a show") && html.contains("name=\"snooze-show\""),
        "{html}"
    );
}

/// A day's end in UTC, as the native platform has it.
fn in_utc(day: NaiveDate) -> DateTime<Utc> {
    spoilerfeed::platform::end_of_day(day)
}

/// America/Los_Angeles in 2026, as fixed rules: PDT (UTC−7) from 8 March 10:00 UTC to
/// 1 November 09:00 UTC, PST (UTC−8) otherwise.
fn los_angeles(day: NaiveDate) -> DateTime<Utc> {
    let utc = |m, d, h| Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap();
    date::end_of_day(day, |at| {
        let summer = at >= utc(3, 8, 10) && at < utc(11, 1, 9);
        FixedOffset::west_opt(if summer { 7 } else { 8 } * 3600).unwrap()
    })
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

#[test]
fn snoozed_until_friday_in_los_angeles_lasts_through_friday_there() {
    let feed = Rc::new(feed());
    let friday = SnoozeFor::Until(day(12, 11)).end(now(), los_angeles);
    let state = Rc::new(State::new(prefs(Level::Major), 50, now()))
        .reduce(Action::Loaded(Rc::clone(&feed), now()))
        .reduce(Action::Snooze("Stranger Things".into(), friday));
    let shown = |clock| {
        let state = state.clone().reduce(Action::Tick(clock));
        spoiler::view_guarded(&feed, &state.prefs, &state.progress, &state.guards, clock).shown()
    };
    let at = |d, h| Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap();
    // Friday 11 December, 16:00 in Los Angeles, is 00:00 UTC on Saturday: still snoozed.
    assert_eq!(shown(at(12, 0)), 1, "only Wednesday's update");
    assert_eq!(shown(at(12, 7)), 1, "Friday 23:00 in Los Angeles");
    assert_eq!(
        shown(at(12, 8)),
        feed.items.len(),
        "Saturday has begun there"
    );
}

#[test]
fn a_date_snooze_ends_with_its_local_day_across_a_change_of_clocks() {
    let utc = |m, d, h| Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap();
    let ends = |m, d| {
        SnoozeFor::Until(day(m, d))
            .end(now(), los_angeles)
            .instant()
    };
    // 8 March springs forward: that day ends at midnight PDT, the day before at midnight PST.
    assert_eq!(ends(3, 7), Some(utc(3, 8, 8)));
    assert_eq!(ends(3, 8), Some(utc(3, 9, 7)));
    // 1 November falls back: that day ends at midnight PST, the day before at midnight PDT.
    assert_eq!(ends(10, 31), Some(utc(11, 1, 7)));
    assert_eq!(ends(11, 1), Some(utc(11, 2, 8)));
}

/// Props of [`GermanSnoozes`].
#[derive(yew::Properties, PartialEq)]
struct GermanSnoozesProps {
    snoozes: Snoozes,
}

/// The snooze panel in a German widget.
#[yew::function_component]
fn GermanSnoozes(props: &GermanSnoozesProps) -> yew::Html {
    use spoilerfeed::components::SnoozePanel;
    use spoilerfeed::i18n::Lang;
    yew::html! {
        <yew::ContextProvider<Lang> context={spoilerfeed::platform::lang([Some("de")])}>
            <SnoozePanel shows={vec![yew::AttrValue::from("Wednesday")]} snoozes={props.snoozes.clone()}
                now={now()} on_snooze={Callback::noop()} on_unsnooze={Callback::noop()} />
        </yew::ContextProvider<Lang>>
    }
}

#[test]
fn the_snooze_panel_says_a_date_snooze_lasts_to_the_end_of_its_day() {
    use spoilerfeed::components::guards_panel::SnoozePanelProps;
    use spoilerfeed::components::SnoozePanel;
    use yew::AttrValue;

    let panel = |snoozes: Snoozes| {
        render::<SnoozePanel>(yew::props!(SnoozePanelProps {
            shows: vec![AttrValue::from("Wednesday"), AttrValue::from("Dark")],
            snoozes,
            now: now(),
            on_snooze: Callback::noop(),
            on_unsnooze: Callback::noop(),
        }))
    };
    let mut snoozes = Snoozes::default();
    snoozes.snooze(
        "Wednesday",
        SnoozeFor::Until(day(12, 11)).end(now(), los_angeles),
    );
    snoozes.snooze("Dark", SnoozeFor::Day.end(now(), los_angeles));
    let html = panel(snoozes.clone());
    assert!(
        html.contains("Wednesday is snoozed until Friday, 11 Dec, end of day"),
        "{html}"
    );
    // A snooze for a day ends at a time (natively the zone is UTC).
    assert!(
        html.contains("Dark is snoozed until 3 December 2026, 12:00 UTC"),
        "{html}"
    );
    // Into another year, the year is said.
    let mut next_year = Snoozes::default();
    let january = NaiveDate::from_ymd_opt(2027, 1, 8).unwrap();
    next_year.snooze("Wednesday", SnoozeFor::Until(january).end(now(), in_utc));
    let html = panel(next_year);
    assert!(
        html.contains("until Friday, 8 Jan 2027, end of day"),
        "{html}"
    );
    // In the widget's language.
    let html = render::<GermanSnoozes>(yew::props!(GermanSnoozesProps { snoozes }));
    assert!(
        html.contains("ist pausiert bis einschließlich Friday, 11 Dec<"),
        "{html}"
    );
}

#[test]
fn stored_guards_read_back_through_the_platform_and_keep_what_can_be_read() {
    use spoilerfeed::guards::{self, MuteBook, Scope, SnoozeFor, Snoozes};
    use spoilerfeed::platform;
    let mut book = MuteBook::default();
    book.add(&Scope::Show("Wednesday".into()), "Tyler");
    let mut snoozes = Snoozes::default();
    let now = platform::now();
    snoozes.snooze("Dark", SnoozeFor::Week.end(now, platform::end_of_day));
    platform::store_shared(guards::MUTE_KEY, &book);
    platform::store_shared(guards::SNOOZE_KEY, &snoozes);
    assert_eq!(guards::stored(), (book, snoozes));
    // A hand-edited record: the entry that can't be read is left out, the other kept; muted
    // words of the wrong type count as nothing muted.
    let edited = serde_json::json!({ "wednesday": "soon", "dark": null });
    platform::store_shared(guards::SNOOZE_KEY, &edited);
    platform::store_shared(guards::MUTE_KEY, &serde_json::json!({ "every": [1] }));
    let (mutes, snoozes) = guards::stored();
    assert!(mutes.is_empty());
    assert!(snoozes.snoozed("Dark", now).is_some());
    assert!(snoozes.snoozed("Wednesday", now).is_none());
}
