//! The check page for site owners (`index.html?check=1&feed=...`): what the widget made of a
//! feed, item by item and why, with titles kept off the page until asked for. The words are
//! [`crate::report`]'s; the feed is loaded as the widget loads it ([`use_feed`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::classify::Rules;
use crate::components::{item_ref, skeleton, ErrorCard};
use crate::config::Prefs;
use crate::hooks::use_feed;
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
        // The check page is written in English whatever the page's language: it says so.
        <div class="spoilerfeed sf-check" data-testid="check-page" lang="en" dir="ltr">
            <h1 class="sf-heading">{ "Check a feed" }</h1>
            <p class="sf-check__url">{ "Feed: " }<code>{ props.feed_url.clone() }</code></p>
            if let Status::Failed(error) = &state.status {
                <ErrorCard error={error.clone()} showing_last_good={state.feed.is_some()} {on_retry} />
            }
            if state.saved_at.is_some() {
                <p class="sf-offline">{ "The feed couldn't be loaded: this is the copy saved on this device." }</p>
            }
            if let Some(feed) = state.feed.clone() {
                <CheckReport {feed} rules={props.rules.clone()} />
            } else if state.status == Status::Loading {
                { skeleton() }
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
    let titles = use_state_eq(|| false);
    let report = use_memo(
        (props.feed.clone(), props.rules.clone()),
        |(feed, rules)| Rc::new(Report::of(feed, rules)),
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
                <dt>{ "Title" }</dt><dd data-testid="check-title">{ report.title.clone() }</dd>
                <dt>{ "Format" }</dt><dd data-testid="check-format">{ report.format }</dd>
                <dt>{ "Items read" }</dt><dd data-testid="check-items">{ report.items }</dd>
                <dt>{ "Items left out" }</dt><dd data-testid="check-skipped">{ report.skipped }</dd>
            </dl>
            if !report.skips.is_empty() {
                <ul class="sf-check__skips" data-testid="check-skips">{ for skips }</ul>
            }
            <h2 class="sf-check__heading">{ "Rules in effect" }</h2>
            <p data-testid="check-default">{ "Default level: " }{ report.default_level.clone() }</p>
            { rule_table("Tags mapped to levels", "check-tag-levels", &report.tag_levels) }
            { rule_table("Tags mapped to kinds", "check-tag-kinds", &report.tag_kinds) }
            <h2 class="sf-check__heading">{ "Items" }</h2>
            if *titles {
                <p class="sf-check__note">{ "Titles are shown." }</p>
            } else {
                <p class="sf-check__note">
                    { "Titles are hidden, as they may give things away. " }
                    <button type="button" class="sf-button" data-testid="show-titles" onclick={on_titles}>
                        { "Show titles" }
                    </button>
                </p>
            }
            <ol class="sf-check__items">
                { for report.rows.iter().map(|row| item_row(row, *titles)) }
            </ol>
        </section>
    }
}

/// A table of mapped tags, or a line saying there are none.
fn rule_table(caption: &'static str, test_id: &'static str, rows: &[RuleRow]) -> Html {
    if rows.is_empty() {
        return html! { <p data-testid={test_id}>{ caption }{ ": none" }</p> };
    }
    html! {
        <table class="sf-check__rules" data-testid={test_id}>
            <caption>{ caption }</caption>
            <thead>
                <tr><th scope="col">{ "Tag" }</th><th scope="col">{ "Gives" }</th><th scope="col">{ "From" }</th></tr>
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
fn item_row(row: &Row, titles: bool) -> Html {
    let mut name = vec![format!("#{}", row.position), row.kind.label().to_owned()];
    name.push(row.date.clone().unwrap_or_else(|| "undated".to_owned()));
    if let Some(safe) = &row.safe_title {
        name.push(format!("\u{201c}{safe}\u{201d}"));
    }
    html! {
        <li class="sf-check__item" data-testid="check-item" data-ref={item_ref(&row.id)}
            data-level={row.level.key()} data-kind={row.kind.key()}>
            <p class="sf-check__name" data-testid="check-name">{ name.join(" \u{b7} ") }</p>
            if titles {
                <p class="sf-check__title" data-testid="check-item-title">
                    { row.title.clone().unwrap_or_else(|| "(no title)".to_owned()) }
                </p>
            }
            <dl class="sf-check__facts">
                <dt>{ "Level" }</dt>
                <dd><span data-testid="check-level">{ row.level.label() }</span>{ ": " }
                    <span data-testid="check-level-reason">{ row.level_reason.clone() }</span></dd>
                <dt>{ "Kind" }</dt>
                <dd><span data-testid="check-kind">{ row.kind.label() }</span>{ ": " }
                    <span data-testid="check-kind-reason">{ row.kind_reason.clone() }</span></dd>
                <dt>{ "Shown at" }</dt><dd data-testid="check-shown-at">{ row.shown_at.clone() }</dd>
                <dt>{ "Hidden at" }</dt><dd data-testid="check-hidden-at">{ row.hidden_at.clone() }</dd>
            </dl>
            if !row.notes.is_empty() {
                <ul class="sf-check__notes" data-testid="check-notes">
                    { for row.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }
                </ul>
            }
        </li>
    }
}
