//! The "Embed" panel of the standalone page: the fan's current choices as a snippet for a fan
//! site, as a custom element or a self-sizing iframe, with a copy button.

use yew::prelude::*;

use crate::config::{EmbedChoice, EmbedMode, Prefs, Theme};

/// Props of [`EmbedBuilder`].
#[derive(Properties, PartialEq)]
pub struct EmbedBuilderProps {
    /// The folder the widget's files are served from, ending in `/`.
    pub widget_base: AttrValue,
    /// The feed's absolute URL.
    pub feed_url: AttrValue,
    /// The fan's current choices.
    pub prefs: Prefs,
}

/// The panel's own choices. One state rather than one per field: each state type costs wasm
/// size.
#[derive(Clone, Copy, Default, PartialEq)]
struct Form {
    mode: EmbedMode,
    theme: Theme,
    lock: bool,
    /// Whether the snippet shown was copied (a new mode makes a new snippet).
    copied: bool,
}

/// A collapsible panel with the snippet, its options and a copy button.
#[function_component]
pub fn EmbedBuilder(props: &EmbedBuilderProps) -> Html {
    let form = use_state_eq(Form::default);
    let Form {
        mode,
        theme,
        lock,
        copied,
    } = *form;
    let snippet = EmbedChoice {
        widget_base: props.widget_base.to_string(),
        feed: props.feed_url.to_string(),
        prefs: props.prefs.clone(),
        theme,
        lock,
    }
    .snippet(mode);

    let set_mode = |mode: EmbedMode| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            form.set(Form {
                mode,
                copied: false,
                ..*form
            })
        })
    };
    let on_theme = {
        let form = form.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            form.set(Form {
                theme: Theme::parse(&value).unwrap_or_default(),
                ..*form
            });
        })
    };
    let on_lock = {
        let form = form.clone();
        Callback::from(move |_: Event| {
            form.set(Form {
                lock: !lock,
                ..*form
            })
        })
    };
    let on_copy = {
        let snippet = snippet.clone();
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&snippet);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = &snippet;
            form.set(Form {
                copied: true,
                ..*form
            });
        })
    };
    let themes = [Theme::Auto, Theme::Light, Theme::Dark];
    html! {
        <details class="sf-embed" data-testid="embed-builder">
            <summary class="sf-embed__summary">{ "Embed this on your site" }</summary>
            <div class="sf-embed__body">
                <fieldset class="sf-embed__modes">
                    <legend>{ "As" }</legend>
                    <label>
                        <input type="radio" name="embed-mode" value="element"
                            checked={mode == EmbedMode::Element} onchange={set_mode(EmbedMode::Element)} />
                        { " Custom element" }
                    </label>
                    <label>
                        <input type="radio" name="embed-mode" value="iframe"
                            checked={mode == EmbedMode::Iframe} onchange={set_mode(EmbedMode::Iframe)} />
                        { " Iframe" }
                    </label>
                </fieldset>
                <label class="sf-embed__option">
                    { "Theme " }
                    <select name="embed-theme" class="sf-select" onchange={on_theme}>
                        { for themes.into_iter().map(|option| html! {
                            <option value={option.key()} selected={option == theme}>{ option.key() }</option>
                        }) }
                    </select>
                </label>
                <label class="sf-embed__option">
                    <input type="checkbox" name="embed-lock" checked={lock} onchange={on_lock} />
                    { format!(" Lock the level at {}", props.prefs.level) }
                </label>
                <label class="sf-embed__snippet-label" for="sf-embed-snippet">{ "Snippet" }</label>
                <textarea id="sf-embed-snippet" class="sf-embed__snippet" readonly=true rows="6"
                    data-testid="embed-snippet" value={snippet.clone()} />
                <div class="sf-embed__actions">
                    <button type="button" class="sf-button" onclick={on_copy}>{ "Copy snippet" }</button>
                    <span role="status" class="sf-embed__copied">{ if copied { "Copied" } else { "" } }</span>
                </div>
            </div>
        </details>
    }
}
