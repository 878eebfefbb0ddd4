//! Filter chips by kind, and a show picker when the feed covers several shows.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::types::{Kind, KindSet};

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// The kinds listed.
    pub kinds: KindSet,
    /// The feed's shows; the show picker appears when there are several.
    pub shows: Vec<AttrValue>,
    /// The one show listed, or every show.
    pub show: Option<AttrValue>,
    /// Called with a kind to show or hide.
    pub on_toggle_kind: Callback<Kind>,
    /// Called with the show picked, `None` for every show.
    pub on_show: Callback<Option<String>>,
}

/// Toggle buttons per kind and a `select` of shows.
#[function_component]
pub fn Filters(props: &FiltersProps) -> Html {
    let on_show = props.on_show.reform(|event: Event| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        (!value.is_empty()).then_some(value)
    });
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <div class="sf-filters">
            <div class="sf-chips" role="group" aria-label={lang.text(Msg::KindsOfUpdates)}>
                { for Kind::ALL.into_iter().map(|kind| {
                    let onclick = props.on_toggle_kind.reform(move |_: MouseEvent| kind);
                    let pressed = props.kinds.contains(kind) && !props.kinds.is_all();
                    html! {
                        <button
                            type="button"
                            class={classes!("sf-chip", pressed.then_some("sf-chip--on"))}
                            aria-pressed={if pressed { "true" } else { "false" }}
                            data-testid="kind-chip"
                            data-kind={kind.key()}
                            part="chip"
                            {onclick}
                        >
                            { lang.kind(kind) }
                        </button>
                    }
                }) }
            </div>
            if props.shows.len() > 1 {
                <label class="sf-show-picker">
                    <span class="sf-show-picker__label">{ lang.text(Msg::Show) }</span>
                    <select name="show" class="sf-select" onchange={on_show}>
                        <option value="" selected={props.show.is_none()}>{ lang.text(Msg::AllShows) }</option>
                        { for props.shows.iter().map(|show| html! {
                            <option value={show.clone()} selected={props.show.as_ref() == Some(show)}>
                                { show.clone() }
                            </option>
                        }) }
                    </select>
                </label>
            }
        </div>
    }
}
