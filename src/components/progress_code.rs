//! Carrying watch progress to another site: a short code to copy, and a field to paste one.
//! A plain view function: the paste field's `NodeRef` is the caller's, so it holds no state.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};

/// A collapsible panel with `code` (the fan's progress as an export code, empty when there is
/// none) and an import field bound to `field`, whose text `on_import` gets when submitted.
pub fn progress_code(
    lang: &Lang,
    code: AttrValue,
    on_import: &Callback<String>,
    field: &NodeRef,
) -> Html {
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
            <summary>{ lang.text(Msg::UseProgressElsewhere) }</summary>
            <label class="sf-code__row">
                <span>{ lang.text(Msg::YourCode) }</span>
                <input type="text" readonly=true name="progress-code" class="sf-code__field"
                    value={code} placeholder={lang.text(Msg::PickProgressFirst)} />
            </label>
            <form class="sf-code__row" onsubmit={on_submit}>
                <label>
                    <span>{ lang.text(Msg::PasteCode) }</span>
                    <input type="text" name="progress-import" class="sf-code__field" ref={field.clone()} />
                </label>
                <button type="submit" class="sf-button sf-button--quiet">{ lang.text(Msg::UseThisCode) }</button>
            </form>
        </details>
    }
}
