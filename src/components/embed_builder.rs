//! The "Embed" panel of the standalone page: the fan's current choices as a snippet for a fan
//! site, as a custom element or a self-sizing iframe, with a copy button.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{EmbedChoice, EmbedMode, Prefs, Theme};
use crate::platform::copy_text;

/// Props of [`EmbedBuilder`].
#[derive(Properties, PartialEq)]
pub struct EmbedBuilderProps {
    /// The folder the widget's files are served from, ending in `/`.
    pub widget_base: AttrValue,
    /// The feed's absolute URL.
    pub feed_url: AttrValue,
    /// The fan's current choices.
    pub prefs: Prefs,
    /// The theme the panel starts with: the page's own.
    #[prop_or_default]
    pub theme: Theme,
}

/// The panel's own choices, changed only through [`FormAction`]s: the clipboard answers
/// later, and its answer must not undo a choice made meanwhile.
#[derive(Clone, Copy, Default, PartialEq)]
struct Form {
    mode: EmbedMode,
    theme: Theme,
    lock: bool,
    /// What became of copying the snippet shown.
    copy: CopyStatus,
    /// Counts the choices made, so that the clipboard's answer about an earlier snippet is
    /// told from one about the snippet shown.
    choices: u32,
}

/// Whether the snippet shown was copied.
#[derive(Clone, Copy, Default, PartialEq)]
enum CopyStatus {
    #[default]
    NotYet,
    Done,
    Failed,
}

/// What changes the panel.
enum FormAction {
    Mode(EmbedMode),
    Theme(Theme),
    ToggleLock,
    /// The clipboard answered about the snippet shown after `choices` choices: whether it
    /// got there.
    Copied {
        choices: u32,
        done: bool,
    },
}

impl Reducible for Form {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = *self;
        match action {
            FormAction::Copied { choices, done } => {
                if choices == self.choices {
                    next.copy = if done {
                        CopyStatus::Done
                    } else {
                        CopyStatus::Failed
                    };
                }
                return Rc::new(next);
            }
            FormAction::Mode(mode) => next.mode = mode,
            FormAction::Theme(theme) => next.theme = theme,
            FormAction::ToggleLock => next.lock = !next.lock,
        }
        // Every choice makes a new snippet, not yet copied.
        next.copy = CopyStatus::NotYet;
        next.choices = self.choices.wrapping_add(1);
        Rc::new(next)
    }
}

/// A collapsible panel with the snippet, its options and a copy button.
#[function_component]
pub fn EmbedBuilder(props: &EmbedBuilderProps) -> Html {
    let form = use_reducer_eq(|| Form {
        theme: props.theme,
        ..Form::default()
    });
    let Form {
        mode,
        theme,
        lock,
        copy,
        choices,
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
        let form = form.dispatcher();
        Callback::from(move |_: Event| form.dispatch(FormAction::Mode(mode)))
    };
    let on_theme = {
        let form = form.dispatcher();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            form.dispatch(FormAction::Theme(Theme::parse(&value).unwrap_or_default()));
        })
    };
    let on_lock = {
        let form = form.dispatcher();
        Callback::from(move |_: Event| form.dispatch(FormAction::ToggleLock))
    };
    let on_copy = {
        let snippet = snippet.clone();
        let form = form.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let form = form.clone();
            copy_text(&snippet, move |done| {
                form.dispatch(FormAction::Copied { choices, done })
            });
        })
    };
    let copied = match copy {
        CopyStatus::NotYet => "",
        CopyStatus::Done => "Copied",
        CopyStatus::Failed => "Couldn't copy: select the snippet and copy it yourself",
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
                    <span role="status" class="sf-embed__copied">{ copied }</span>
                </div>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clipboard's answer about the snippet shown after `choices` choices.
    fn answer(choices: u32, done: bool) -> FormAction {
        FormAction::Copied { choices, done }
    }

    fn after(actions: impl IntoIterator<Item = FormAction>) -> Form {
        *actions
            .into_iter()
            .fold(Rc::new(Form::default()), Reducible::reduce)
    }

    #[test]
    fn the_clipboards_answer_shows_until_the_next_choice() {
        let copied = after([FormAction::Theme(Theme::Dark), answer(1, true)]);
        assert!(copied.copy == CopyStatus::Done);
        let refused = after([answer(0, false)]);
        assert!(refused.copy == CopyStatus::Failed);
        let changed = after([answer(0, true), FormAction::ToggleLock]);
        assert!(changed.copy == CopyStatus::NotYet && changed.lock);
    }

    #[test]
    fn an_answer_about_an_earlier_snippet_is_ignored() {
        // Copy asked with no choice made; the fan picks the iframe before the answer.
        let form = after([FormAction::Mode(EmbedMode::Iframe), answer(0, true)]);
        assert!(form.copy == CopyStatus::NotYet);
        assert!(form.mode == EmbedMode::Iframe);
    }
}
