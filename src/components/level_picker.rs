//! The spoiler-level picker: a radio group, each level with a line saying what it lets through.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::types::Level;

/// Props of [`LevelPicker`].
#[derive(Properties, PartialEq)]
pub struct LevelPickerProps {
    /// The level chosen.
    pub level: Level,
    /// Why the level can't be changed, when the host site fixed it.
    #[prop_or_default]
    pub locked: Option<AttrValue>,
    /// Called with the level the fan picks.
    pub on_change: Callback<Level>,
}

/// A `fieldset` of radio buttons, one per level.
#[function_component]
pub fn LevelPicker(props: &LevelPickerProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <fieldset class="sf-levels" disabled={props.locked.is_some()}>
            <legend class="sf-levels__legend">{ lang.text(Msg::SpoilerLevel) }</legend>
            <div class="sf-levels__options">
                { for Level::ALL.into_iter().map(|level| {
                    let onchange = props.on_change.reform(move |_: Event| level);
                    html! {
                        <label class="sf-level" part="level">
                            <input
                                type="radio"
                                name="spoiler-level"
                                value={level.key()}
                                checked={level == props.level}
                                {onchange}
                            />
                            <span class="sf-level__text">
                                <span class="sf-level__name">{ lang.level(level) }</span>
                                <span class="sf-level__desc">{ lang.level_description(level) }</span>
                            </span>
                        </label>
                    }
                }) }
            </div>
            if let Some(reason) = &props.locked {
                <p class="sf-levels__locked">{ reason.clone() }</p>
            }
        </fieldset>
    }
}
