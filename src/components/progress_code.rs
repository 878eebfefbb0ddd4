//! Carrying watch progress to another site: a short code to copy, and a field to paste one.

use yew::prelude::*;

/// Props of [`ProgressCode`].
#[derive(Properties, PartialEq)]
pub struct ProgressCodeProps {
    /// The fan's progress as an export code; empty when there is none.
    pub code: AttrValue,
    /// Called with a pasted code (or a link carrying one).
    pub on_import: Callback<String>,
}

/// A collapsible panel with the code and an import field.
#[function_component]
pub fn ProgressCode(props: &ProgressCodeProps) -> Html {
    let input = use_node_ref();
    let on_submit = {
        let input = input.clone();
        props.on_import.reform(move |event: SubmitEvent| {
            event.prevent_default();
            input
                .cast::<web_sys::HtmlInputElement>()
                .map(|field| field.value())
                .unwrap_or_default()
        })
    };
    html! {
        <details class="sf-code" data-testid="progress-code">
            <summary>{ "Use my progress on another site" }</summary>
            <label class="sf-code__row">
                <span>{ "Your code" }</span>
                <input type="text" readonly=true name="progress-code" class="sf-code__field"
                    value={props.code.clone()} placeholder="Pick your progress first" />
            </label>
            <form class="sf-code__row" onsubmit={on_submit}>
                <label>
                    <span>{ "Paste a code" }</span>
                    <input type="text" name="progress-import" class="sf-code__field" ref={input} />
                </label>
                <button type="submit" class="sf-button sf-button--quiet">{ "Use this code" }</button>
            </form>
        </details>
    }
}
