//! The fan's guards next to the level picker: "Muted words (2)" and "Snooze a show", each a
//! small disclosure.
//! No `<form>`: the widget never puts one on a host page (it could be submitted to the page's
//! address). Enter in the text field and the button do the same.

use chrono::{DateTime, Datelike, Utc};
use yew::prelude::*;

use crate::guards::{MuteBook, Scope, SnoozeEnd, SnoozeFor, Snoozes};
use crate::i18n::{Lang, Msg};
use crate::platform;

/// Props of [`MutePanel`].
#[derive(Properties, PartialEq)]
pub struct MutePanelProps {
    /// The fan's muted words.
    pub mutes: MuteBook,
    /// The host page's muted words: listed, not removable.
    #[prop_or_default]
    pub host: Vec<String>,
    /// The feed's shows, for "for this show".
    pub shows: Vec<AttrValue>,
    /// Called with a word (or comma-separated words) to mute, and where.
    pub on_mute: Callback<(Scope, String)>,
    /// Called with a word to unmute, and where it was muted.
    pub on_unmute: Callback<(Scope, String)>,
}

/// A disclosure with a text field, a "for" choice, Add, and the list with Remove buttons.
#[function_component]
pub fn MutePanel(props: &MutePanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let field = use_node_ref();
    let scope = use_node_ref();
    let add = {
        let (field, scope, on_mute) = (field.clone(), scope.clone(), props.on_mute.clone());
        Callback::from(move |()| {
            let Some(input) = field.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let show = scope
                .cast::<web_sys::HtmlSelectElement>()
                .map(|select| select.value())
                .unwrap_or_default();
            let words = input.value();
            if !words.trim().is_empty() {
                let scope = if show.is_empty() {
                    Scope::Every
                } else {
                    Scope::Show(show)
                };
                on_mute.emit((scope, words));
                input.set_value("");
            }
        })
    };
    let count = props.mutes.len() + props.host.len();
    let entry = |scope: Scope, word: &String, label: String| {
        let onclick = {
            let (scope, word) = (scope.clone(), word.clone());
            props
                .on_unmute
                .reform(move |_: MouseEvent| (scope.clone(), word.clone()))
        };
        html! {
            <li class="sf-guards__word" data-testid="muted-word">
                <span class="sf-guards__text">{ word.clone() }</span>
                <span class="sf-guards__where">{ label }</span>
                <button type="button" class="sf-button sf-button--quiet" aria-label={lang.say(Msg::MuteRemoveWord, &[("word", word)])} {onclick}>
                    { lang.text(Msg::MuteRemove) }
                </button>
            </li>
        }
    };
    let every = props
        .mutes
        .every
        .iter()
        .map(|word| entry(Scope::Every, word, lang.text(Msg::MuteEveryShow).into()));
    let per_show = props.mutes.shows.iter().flat_map(|(show, words)| {
        words
            .iter()
            .map(|word| entry(Scope::Show(show.clone()), word, show.clone()))
            .collect::<Vec<_>>()
    });
    html! {
        <details class="sf-guards" data-testid="mute-panel" part="guards">
            <summary class="sf-guards__summary">{ lang.say(Msg::MutedWords, &[("n", &lang.number(count))]) }</summary>
            <div class="sf-guards__form" role="group" aria-label={lang.text(Msg::MuteAWord)}>
                <label class="sf-guards__label">
                    <span>{ lang.text(Msg::MuteWordOrPhrase) }</span>
                    <input type="text" name="mute" class="sf-input" ref={field} autocomplete="off" data-testid="mute-input" onkeydown={on_enter(&add)} />
                </label>
                if !props.shows.is_empty() {
                    <label class="sf-guards__label">
                        <span>{ lang.text(Msg::MuteFor) }</span>
                        <select name="mute-scope" class="sf-select" ref={scope}>
                            <option value="" selected=true>{ lang.text(Msg::MuteEveryShowChoice) }</option>
                            { for props.shows.iter().map(|show| html! {
                                <option value={show.clone()}>{ lang.say(Msg::MuteShowOnly, &[("show", show)]) }</option>
                            }) }
                        </select>
                    </label>
                }
                <button type="button" class="sf-button" onclick={add.reform(|_: MouseEvent| ())}>{ lang.text(Msg::MuteAdd) }</button>
            </div>
            if count > 0 {
                <ul class="sf-guards__list" aria-label={lang.text(Msg::MutedWordsList)}>
                    { for every }
                    { for per_show }
                    { for props.host.iter().map(|word| html! {
                        <li class="sf-guards__word" data-testid="host-muted-word">
                            <span class="sf-guards__text">{ word.clone() }</span>
                            <span class="sf-guards__where">{ lang.text(Msg::SetBySite) }</span>
                        </li>
                    }) }
                </ul>
            }
        </details>
    }
}

/// Props of [`SnoozePanel`].
#[derive(Properties, PartialEq)]
pub struct SnoozePanelProps {
    /// The feed's shows.
    pub shows: Vec<AttrValue>,
    /// The snoozed shows.
    pub snoozes: Snoozes,
    /// The clock snoozes are judged against.
    pub now: DateTime<Utc>,
    /// Called with a show to snooze, and for how long.
    pub on_snooze: Callback<(String, SnoozeFor)>,
    /// Called with a show to unsnooze.
    pub on_unsnooze: Callback<String>,
}

/// A disclosure: the snoozed shows, each with Unsnooze and its end ("until Friday, 12 Dec, end
/// of day" for a date, in the fan's time zone), then "Hide everything about \[show\] for \[1 week\]
/// or until \[date\]" and Snooze, for the shows not snoozed.
#[function_component]
pub fn SnoozePanel(props: &SnoozePanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let show_field = use_node_ref();
    let choice = use_node_ref();
    let day = use_node_ref();
    let (snoozed, awake): (Vec<_>, Vec<_>) = props
        .shows
        .iter()
        .map(|show| (show, props.snoozes.snoozed(show, props.now)))
        .partition(|(_, end)| end.is_some());
    let summary = if snoozed.is_empty() {
        lang.text(Msg::SnoozeAShow).to_owned()
    } else {
        lang.say(Msg::SnoozedShows, &[("n", &lang.number(snoozed.len()))])
    };
    let rows = snoozed.iter().map(|(show, end)| {
        let until = match end.unwrap_or(SnoozeEnd::Unsnoozed) {
            SnoozeEnd::Unsnoozed => lang.text(Msg::UntilUnsnoozed).to_owned(),
            SnoozeEnd::At(at) => lang.say(Msg::UntilDay, &[("day", &platform::local_time(&lang, at))]),
            SnoozeEnd::EndOf { day, .. } => {
                let year = day.year() != props.now.year();
                lang.say(Msg::UntilEndOfDay, &[("day", &platform::weekday(&lang, day, year))])
            }
        };
        let onclick = {
            let show = show.to_string();
            props.on_unsnooze.reform(move |_: MouseEvent| show.clone())
        };
        html! {
            <li class="sf-guards__snooze" data-testid="snoozed" data-show={(*show).clone()}>
                <span>{ lang.say(Msg::ShowSnoozed, &[("show", show), ("until", &until)]) }</span>
                <button type="button" class="sf-button sf-button--quiet" {onclick}>{ lang.text(Msg::Unsnooze) }</button>
            </li>
        }
    });
    let awake: Vec<AttrValue> = awake.into_iter().map(|(show, _)| show.clone()).collect();
    let snooze = {
        let (show_field, choice, day) = (show_field.clone(), choice.clone(), day.clone());
        let only = (awake.len() == 1).then(|| awake[0].to_string());
        let on_snooze = props.on_snooze.clone();
        Callback::from(move |()| {
            let select = |node: &NodeRef| {
                node.cast::<web_sys::HtmlSelectElement>()
                    .map(|select| select.value())
            };
            let Some(show) = select(&show_field).or_else(|| only.clone()) else {
                return;
            };
            let day = day
                .cast::<web_sys::HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            // A date typed in the field is what the fan means, whatever the choice says.
            let picked = SnoozeFor::parse("date", &day)
                .or_else(|| SnoozeFor::parse(&select(&choice).unwrap_or_default(), ""));
            if let Some(picked) = picked {
                on_snooze.emit((show, picked));
            }
        })
    };
    let which = match awake.as_slice() {
        [show] => html! { <span>{ lang.say(Msg::HideEverythingAbout, &[("show", show)]) }</span> },
        shows => html! {
            <label class="sf-guards__label">
                <span>{ lang.text(Msg::HideEverythingAboutLabel) }</span>
                <select name="snooze-show" class="sf-select" ref={show_field}>
                    { for shows.iter().map(|show| html! { <option value={show.clone()}>{ show.clone() }</option> }) }
                </select>
            </label>
        },
    };
    html! {
        <details class="sf-guards" data-testid="snooze-panel" part="guards">
            <summary class="sf-guards__summary">{ summary }</summary>
            if !snoozed.is_empty() {
                <ul class="sf-guards__list">{ for rows }</ul>
            }
            if !awake.is_empty() {
                <div class="sf-guards__form" role="group" aria-label={lang.text(Msg::SnoozeAShow)} data-testid="snooze">
                    { which }
                    <label class="sf-guards__label">
                        <span>{ lang.text(Msg::SnoozeForLabel) }</span>
                        <select name="snooze-for" class="sf-select" ref={choice}>
                            <option value="day">{ lang.text(Msg::SnoozeDay) }</option>
                            <option value="week" selected=true>{ lang.text(Msg::SnoozeWeek) }</option>
                            <option value="unsnoozed">{ lang.text(Msg::SnoozeUntilUnsnoozed) }</option>
                        </select>
                    </label>
                    <label class="sf-guards__label">
                        <span>{ lang.text(Msg::SnoozeOrUntil) }</span>
                        <input type="date" name="snooze-until" class="sf-input" ref={day} onkeydown={on_enter(&snooze)} />
                    </label>
                    <button type="button" class="sf-button" onclick={snooze.reform(|_: MouseEvent| ())}>{ lang.text(Msg::SnoozeButton) }</button>
                </div>
            }
        </details>
    }
}

/// A text field's Enter key, doing what its button does.
fn on_enter(action: &Callback<()>) -> Callback<KeyboardEvent> {
    let action = action.clone();
    Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            event.prevent_default();
            action.emit(());
        }
    })
}
