//! Carrying watch progress to another site: a short code to copy, and a field to paste one.
//!
//! A plain view function: the paste field's `NodeRef` is the caller's, so it holds no state.

use yew::prelude::*;

/// A collapsible panel with `code` (the fan's progress as an export code, empty when there is
/// none) and an import field bound to `field`, whose text `on_import` gets when submitted.
pub fn progress_code(code: AttrValue, on_import: &Callback<String>, field: &NodeRef) -> Html {
    let on_submit = {
        let field = field.clone();
        on_import.reform(move |event: SubmitEvent| {
            event.prevent_default();
            field
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
                    value={code} placeholder="Pick your progress first" />
            </label>
            <form class="sf-code__row" onsubmit={on_submit}>
                <label>
                    <span>{ "Paste a code" }</span>
                    <input type="text" name="progress-import" class="sf-code__field" ref={field.clone()} />
                </label>
                <button type="submit" class="sf-button sf-button--quiet">{ "Use this code" }</button>
            </form>
        </details>
    }
}
