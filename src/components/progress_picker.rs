//! "Watched up to": a show's progress picker, with "one episode ahead", "I'm caught up" and,
//! when the feed lists air dates, a pace behind the broadcast ("within 7 days of airing").

use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::progress::{Point, ShowProgress, Watched, PACES};

/// Props of [`ProgressPicker`].
#[derive(Properties, PartialEq)]
pub struct ProgressPickerProps {
    /// The show.
    pub show: AttrValue,
    /// The points the fan can pick, in order.
    pub choices: Vec<Point>,
    /// The fan's progress in this show.
    pub progress: ShowProgress,
    /// Whether the feed lists this show's air dates, so that a pace can follow them.
    #[prop_or_default]
    pub paced: bool,
    /// Called with the new progress.
    pub on_change: Callback<ShowProgress>,
}

/// A `select` of episodes, a checkbox and a button, for one show.
#[function_component]
pub fn ProgressPicker(props: &ProgressPickerProps) -> Html {
    let progress = props.progress;
    let on_select = props.on_change.reform(move |event: Event| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        ShowProgress {
            watched: Watched::parse(&value).unwrap_or_default(),
            ..progress
        }
    });
    let on_ahead = props.on_change.reform(move |_: Event| ShowProgress {
        ahead: !progress.ahead,
        ..progress
    });
    let on_caught_up = props.on_change.reform(move |_: MouseEvent| ShowProgress {
        watched: Watched::CaughtUp,
        ..progress
    });
    let selected = progress.watched.key();
    // An option's `selected` attribute stops counting once the fan (or a script) has picked
    // that option, so the select is set to the progress in effect after every render: progress
    // also changes from other widgets, tabs and pasted codes.
    let select = use_node_ref();
    {
        let select = select.clone();
        let selected = selected.clone();
        use_effect(move || {
            if let Some(select) = select.cast::<web_sys::HtmlSelectElement>() {
                if select.value() != selected {
                    select.set_value(&selected);
                }
            }
        });
    }
    // A stored pace is offered too, so the picker shows the truth.
    let mut paces: Vec<u32> = if props.paced {
        PACES.to_vec()
    } else {
        Vec::new()
    };
    if let Watched::Aired(days) = progress.watched {
        if let Err(at) = paces.binary_search(&days) {
            paces.insert(at, days);
        }
    }
    // A stored point the feed doesn't list is still offered, so the picker shows the truth.
    let mut choices = props.choices.clone();
    if let Watched::UpTo(point) = progress.watched {
        if let Err(at) = choices.binary_search(&point) {
            choices.insert(at, point);
        }
    }
    let option = |value: String, label: String| {
        let checked = value == selected;
        html! { <option selected={checked} {value}>{ label }</option> }
    };
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <div class="sf-watch" data-testid="progress" data-show={props.show.clone()} part="progress-picker">
            <label class="sf-watch__label">
                <span>{ lang.say(Msg::WatchedUpTo, &[("show", &props.show)]) }</span>
                <select name="progress" class="sf-select" ref={select} onchange={on_select}>
                    { option("none".into(), lang.text(Msg::NothingYet).into()) }
                    { for choices.iter().map(|point| option(point.to_string(), match point.episode {
                        Some(episode) => lang.say(Msg::SeasonEpisode, &[
                            ("season", &lang.number(point.season as usize)),
                            ("episode", &lang.number(episode as usize)),
                        ]),
                        None => lang.say(Msg::AllOfSeason, &[("season", &lang.number(point.season as usize))]),
                    })) }
                    { option("all".into(), lang.text(Msg::EverythingAired).into()) }
                    { for paces.iter().map(|days| option(
                        Watched::Aired(*days).key(),
                        lang.count(Msg::WatchWithin, *days as usize, &[]),
                    )) }
                </select>
            </label>
            <label class="sf-watch__ahead">
                <input type="checkbox" name="ahead" checked={progress.ahead} onchange={on_ahead} />
                { lang.text(Msg::OneAhead) }
            </label>
            if progress.watched != Watched::CaughtUp {
                <button type="button" class="sf-button sf-button--quiet" onclick={on_caught_up}>
                    { lang.text(Msg::CaughtUp) }
                </button>
            }
        </div>
    }
}
