//! The check page for site owners (`index.html?check=1&feed=...`): what the widget made of a
//! feed, item by item and why, with titles kept off the page until asked for. The words are
//! [`crate::report`]'s; the feed is loaded as the widget loads it ([`use_feed`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::classify::Rules;
use crate::components::{item_ref, skeleton, ErrorCard};
use crate::config::Prefs;
use crate::hooks::use_feed;
use crate::i18n::{Lang, Msg};
use crate::platform;
use crate::report::{Report, Row, RuleRow};
use crate::state::{Action, SharedFeed, State, Status};

/// Props of [`CheckPage`].
#[derive(Properties, PartialEq)]
pub struct CheckPageProps {
    /// The feed's absolute URL.
    pub feed_url: AttrValue,
    /// The largest feed read, in bytes.
    pub max_bytes: u64,
    /// The page's tag maps and default level, over the feed's own.
    #[prop_or_default]
    pub rules: Rules,
}

/// Loads the feed and shows its report, or the error card with Retry.
#[function_component]
pub fn CheckPage(props: &CheckPageProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let state = use_reducer_eq(|| State::new(Prefs::default(), 0, platform::now()));
    use_feed(
        props.feed_url.clone(),
        state.attempt,
        props.max_bytes,
        props.rules.clone(),
        state.feed.is_some(),
        state.dispatcher(),
    );
    let on_retry = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Retry))
    };
    html! {
        <div class="spoilerfeed sf-check" data-testid="check-page" lang={lang.tag().to_owned()} dir={lang.dir()}>
            <h1 class="sf-heading">{ lang.text(Msg::CkHeading) }</h1>
            <p class="sf-check__url">{ lang.text(Msg::CkFeed) }<code>{ props.feed_url.clone() }</code></p>
            if let Status::Failed(error) = &state.status {
                <ErrorCard error={error.clone()} showing_last_good={state.feed.is_some()} {on_retry} />
            }
            if state.saved_at.is_some() {
                <p class="sf-offline">{ lang.text(Msg::CkSavedCopy) }</p>
            }
            if let Some(feed) = state.feed.clone() {
                <CheckReport {feed} rules={props.rules.clone()} />
            } else if state.status == Status::Loading {
                { skeleton(&lang) }
            }
        </div>
    }
}

/// Props of [`CheckReport`].
#[derive(Properties, PartialEq)]
pub struct CheckReportProps {
    /// The feed as read.
    pub feed: SharedFeed,
    /// The page's tag maps and default level.
    #[prop_or_default]
    pub rules: Rules,
}

/// The report on a loaded feed; titles only after "Show titles".
#[function_component]
pub fn CheckReport(props: &CheckReportProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let titles = use_state_eq(|| false);
    let report = use_memo(
        (props.feed.clone(), props.rules.clone(), lang.clone()),
        |(feed, rules, lang)| Rc::new(Report::in_lang(feed, rules, lang)),
    );
    let on_titles = {
        let titles = titles.setter();
        Callback::from(move |_: MouseEvent| titles.set(true))
    };
    let skips = report
        .skips
        .iter()
        .map(|skip| html! { <li>{ skip.clone() }</li> });
    html! {
        <section class="sf-check__report" data-testid="check-report">
            <dl class="sf-check__summary">
                <dt>{ lang.text(Msg::CkTitle) }</dt><dd data-testid="check-title">{ report.title.clone() }</dd>
                <dt>{ lang.text(Msg::CkFormat) }</dt><dd data-testid="check-format">{ report.format }</dd>
                <dt>{ lang.text(Msg::CkItemsRead) }</dt><dd data-testid="check-items">{ lang.number(report.items) }</dd>
                <dt>{ lang.text(Msg::CkItemsLeftOut) }</dt><dd data-testid="check-skipped">{ lang.number(report.skipped) }</dd>
            </dl>
            if !report.skips.is_empty() {
                <ul class="sf-check__skips" data-testid="check-skips">{ for skips }</ul>
            }
            <h2 class="sf-check__heading">{ lang.text(Msg::CkRules) }</h2>
            <p data-testid="check-default">{ lang.text(Msg::CkDefaultLevel) }{ report.default_level.clone() }</p>
            { rule_table(&lang, lang.text(Msg::CkTagLevels), "check-tag-levels", &report.tag_levels) }
            { rule_table(&lang, lang.text(Msg::CkTagKinds), "check-tag-kinds", &report.tag_kinds) }
            <h2 class="sf-check__heading">{ lang.text(Msg::CkItems) }</h2>
            if *titles {
                <p class="sf-check__note">{ lang.text(Msg::CkTitlesShown) }</p>
            } else {
                <p class="sf-check__note">
                    { lang.text(Msg::CkTitlesHidden) }
                    <button type="button" class="sf-button" data-testid="show-titles" onclick={on_titles}>
                        { lang.text(Msg::CkShowTitles) }
                    </button>
                </p>
            }
            <ol class="sf-check__items">
                { for report.rows.iter().map(|row| item_row(&lang, row, *titles)) }
            </ol>
        </section>
    }
}

/// A table of mapped tags, or a line saying there are none.
fn rule_table(lang: &Lang, caption: &'static str, test_id: &'static str, rows: &[RuleRow]) -> Html {
    if rows.is_empty() {
        return html! { <p data-testid={test_id}>{ caption }{ lang.text(Msg::CkNone) }</p> };
    }
    html! {
        <table class="sf-check__rules" data-testid={test_id}>
            <caption>{ caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ lang.text(Msg::CkTag) }</th><th scope="col">{ lang.text(Msg::CkGives) }</th>
                    <th scope="col">{ lang.text(Msg::CkFrom) }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().map(|row| html! {
                    <tr><th scope="row">{ row.tag.clone() }</th><td>{ row.value }</td><td>{ row.from.clone() }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

/// One item: what identifies it, its level and kind with why, and its notes; its title only
/// when `titles`.
fn item_row(lang: &Lang, row: &Row, titles: bool) -> Html {
    let mut name = vec![
        format!("#{}", lang.number(row.position)),
        lang.kind(row.kind).to_owned(),
    ];
    name.push(
        row.date
            .clone()
            .unwrap_or_else(|| lang.text(Msg::CkUndated).to_owned()),
    );
    if let Some(safe) = &row.safe_title {
        name.push(format!("\u{201c}{safe}\u{201d}"));
    }
    html! {
        <li class="sf-check__item" data-testid="check-item" data-ref={item_ref(&row.id)}
            data-level={row.level.key()} data-kind={row.kind.key()}>
            <p class="sf-check__name" data-testid="check-name">{ name.join(" \u{b7} ") }</p>
            if titles {
                <p class="sf-check__title" data-testid="check-item-title">
                    { row.title.clone().unwrap_or_else(|| lang.text(Msg::CkNoTitle).to_owned()) }
                </p>
            }
            <dl class="sf-check__facts">
                <dt>{ lang.text(Msg::CkLevel) }</dt>
                <dd><span data-testid="check-level">{ lang.level(row.level) }</span>{ ": " }
                    <span data-testid="check-level-reason">{ row.level_reason.clone() }</span></dd>
                <dt>{ lang.text(Msg::CkKind) }</dt>
                <dd><span data-testid="check-kind">{ lang.kind(row.kind) }</span>{ ": " }
                    <span data-testid="check-kind-reason">{ row.kind_reason.clone() }</span></dd>
                <dt>{ lang.text(Msg::CkShownAt) }</dt><dd data-testid="check-shown-at">{ row.shown_at.clone() }</dd>
                <dt>{ lang.text(Msg::CkHiddenAt) }</dt><dd data-testid="check-hidden-at">{ row.hidden_at.clone() }</dd>
            </dl>
            if !row.notes.is_empty() {
                <ul class="sf-check__notes" data-testid="check-notes">
                    { for row.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }
                </ul>
            }
        </li>
    }
}
