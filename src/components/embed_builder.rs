//! The "Embed" panel of the site owner's tools page: the fan's current choices as a snippet
//! for a fan site, as a custom element or a self-sizing iframe, with a copy button, the site's
//! own tags mapped to levels and kinds (`tag-levels`, `tag-kinds`, `default-level`) and the
//! words it mutes (`mute`). Every choice is named in the widget's language.

use std::rc::Rc;

use yew::prelude::*;

use crate::classify::Rules;
use crate::config::{Prefs, Settings, Theme};
use crate::i18n::{self, Lang, Msg};
use crate::platform::copy_text;
use crate::snippet::{EmbedChoice, EmbedMode};
use crate::types::{Kind, Level};

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
    /// The tags the feed's items use, most used first, with how many items carry each.
    #[prop_or_default]
    pub tags: Rc<Vec<(String, usize)>>,
    /// The tag maps and default level the panel starts with: the page's own.
    #[prop_or_default]
    pub rules: Rules,
    /// The feed's own maps and default level, which hold where the snippet sets none.
    #[prop_or_default]
    pub feed_rules: Rules,
    /// Whether the panel starts with the level locked.
    #[prop_or_default]
    pub lock: bool,
    /// The muted words the panel starts with: the page's own.
    #[prop_or_default]
    pub mute: Vec<String>,
}

/// The panel's own choices, changed only through [`FormAction`]s: the clipboard answers
/// later, and its answer must not undo a choice made meanwhile.
#[derive(Clone, Default, PartialEq)]
struct Form {
    mode: EmbedMode,
    theme: Theme,
    lock: bool,
    /// The widget's language, when the site fixes it.
    lang: Option<String>,
    /// The site's tag maps and default level.
    rules: Rules,
    /// The site's muted words, as typed (comma-separated).
    mute: String,
    /// Whether the feed's tags are listed: they may spoil, so only when asked.
    tags_listed: bool,
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
    /// Fix the widget's language, or leave it to the page.
    Lang(Option<String>),
    /// Map a tag to a level, or unmap it.
    TagLevel(String, Option<Level>),
    /// Map a tag to a kind, or unmap it.
    TagKind(String, Option<Kind>),
    /// Set or unset the default level.
    DefaultLevel(Option<Level>),
    /// The muted words, as typed.
    Mute(String),
    /// List the feed's tags.
    ListTags,
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
        let mut next = (*self).clone();
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
            FormAction::Lang(lang) => next.lang = lang,
            FormAction::TagLevel(tag, Some(level)) => next.rules.tag_levels.insert(&tag, level),
            FormAction::TagLevel(tag, None) => next.rules.tag_levels.remove(&tag),
            FormAction::TagKind(tag, Some(kind)) => next.rules.tag_kinds.insert(&tag, kind),
            FormAction::TagKind(tag, None) => next.rules.tag_kinds.remove(&tag),
            FormAction::DefaultLevel(level) => next.rules.default_level = level,
            FormAction::Mute(words) => next.mute = words,
            FormAction::ListTags => {
                // Listing the tags changes no snippet.
                next.tags_listed = true;
                return Rc::new(next);
            }
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
    let lang = use_context::<Lang>().unwrap_or_default();
    let form = use_reducer_eq(|| Form {
        theme: props.theme,
        lock: props.lock,
        rules: props.rules.clone(),
        mute: props.mute.join(", "),
        ..Form::default()
    });
    let (mode, theme, lock, copy, choices) =
        (form.mode, form.theme, form.lock, form.copy, form.choices);
    let snippet = EmbedChoice {
        widget_base: props.widget_base.to_string(),
        feed: props.feed_url.to_string(),
        prefs: props.prefs.clone(),
        theme,
        lock,
        rules: form.rules.clone(),
        lang: form.lang.clone(),
        // Read as the widget reads the attribute, so the snippet holds what it will mute.
        mute: Settings::from_pairs([("mute", &form.mute)]).mute,
    }
    .snippet(mode);

    let on_theme = on_select(&form.dispatcher(), |value| {
        FormAction::Theme(Theme::parse(&value).unwrap_or_default())
    });
    let on_lang = on_select(&form.dispatcher(), |value| {
        FormAction::Lang((!value.is_empty()).then_some(value))
    });
    let on_mute = {
        let form = form.dispatcher();
        Callback::from(move |event: InputEvent| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            form.dispatch(FormAction::Mute(value));
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
    let themes = [Theme::Auto, Theme::Light, Theme::Dark];
    html! {
        <details class="sf-embed" data-testid="embed-builder">
            <summary class="sf-embed__summary">{ lang.text(Msg::EmbedSummary) }</summary>
            <div class="sf-embed__body">
                { mode_choice(&lang, mode, &form.dispatcher()) }
                <label class="sf-embed__option">
                    { lang.text(Msg::EmbedTheme) }
                    <select name="embed-theme" class="sf-select" onchange={on_theme}>
                        { for themes.into_iter().map(|option| html! {
                            <option value={option.key()} selected={option == theme}>{ theme_name(&lang, option) }</option>
                        }) }
                    </select>
                </label>
                <label class="sf-embed__option">
                    { lang.text(Msg::EmbedLanguage) }
                    <select name="embed-lang" class="sf-select" onchange={on_lang}>
                        <option value="" selected={form.lang.is_none()}>{ lang.text(Msg::EmbedPagesLanguage) }</option>
                        { for i18n::languages().map(|code| html! {
                            <option value={code} selected={form.lang.as_deref() == Some(code)}>{ code }</option>
                        }) }
                    </select>
                </label>
                <label class="sf-embed__option">
                    <input type="checkbox" name="embed-lock" checked={lock} onchange={on_lock} />
                    { lang.say(Msg::EmbedLock, &[("level", lang.level(props.prefs.level))]) }
                </label>
                { default_level(&lang, &form, &props.feed_rules, &form.dispatcher()) }
                <label class="sf-embed__option">
                    { lang.text(Msg::EmbedMute) }
                    <input type="text" name="embed-mute" class="sf-input" value={form.mute.clone()} oninput={on_mute} />
                </label>
                { tags(&lang, props, &form, &form.dispatcher()) }
                <label class="sf-embed__snippet-label" for="sf-embed-snippet">{ lang.text(Msg::EmbedSnippet) }</label>
                <textarea id="sf-embed-snippet" class="sf-embed__snippet" readonly=true rows="6"
                    data-testid="embed-snippet" value={snippet.clone()} />
                <div class="sf-embed__actions">
                    <button type="button" class="sf-button" onclick={on_copy}>{ lang.text(Msg::EmbedCopy) }</button>
                    <span role="status" class="sf-embed__copied">{ copy_note(&lang, copy) }</span>
                </div>
            </div>
        </details>
    }
}

/// What copying the snippet did, in words.
fn copy_note(lang: &Lang, copy: CopyStatus) -> &'static str {
    match copy {
        CopyStatus::NotYet => "",
        CopyStatus::Done => lang.text(Msg::EmbedCopied),
        CopyStatus::Failed => lang.text(Msg::EmbedCopyFailed),
    }
}

/// Whether the snippet is an element or an iframe.
fn mode_choice(lang: &Lang, mode: EmbedMode, form: &UseReducerDispatcher<Form>) -> Html {
    let set_mode = |mode: EmbedMode| {
        let form = form.clone();
        Callback::from(move |_: Event| form.dispatch(FormAction::Mode(mode)))
    };
    html! {
        <fieldset class="sf-embed__modes">
            <legend>{ lang.text(Msg::EmbedAs) }</legend>
            <label>
                <input type="radio" name="embed-mode" value="element"
                    checked={mode == EmbedMode::Element} onchange={set_mode(EmbedMode::Element)} />
                { lang.text(Msg::EmbedElement) }
            </label>
            <label>
                <input type="radio" name="embed-mode" value="iframe"
                    checked={mode == EmbedMode::Iframe} onchange={set_mode(EmbedMode::Iframe)} />
                { lang.text(Msg::EmbedIframe) }
            </label>
        </fieldset>
    }
}

/// The level for updates the tags don't place, over the feed's own.
fn default_level(
    lang: &Lang,
    form: &Form,
    feed_rules: &Rules,
    dispatcher: &UseReducerDispatcher<Form>,
) -> Html {
    let on_default = on_select(dispatcher, |value| {
        FormAction::DefaultLevel(Level::parse(&value))
    });
    html! {
        <label class="sf-embed__option">
            { lang.text(Msg::EmbedDefaultLevel) }
            <select name="embed-default-level" class="sf-select" onchange={on_default}>
                <option value="" selected={form.rules.default_level.is_none()}>{ unset(lang, feed_rules.default_level.map(|level| lang.level(level)), Msg::EmbedNotSet) }</option>
                { for Level::ALL.into_iter().map(|level| html! {
                    <option value={level.key()} selected={form.rules.default_level == Some(level)}>{ lang.level(level) }</option>
                }) }
            </select>
        </label>
    }
}

/// The feed's tags to map: a button to list them, then the table.
fn tags(
    lang: &Lang,
    props: &EmbedBuilderProps,
    form: &Form,
    dispatcher: &UseReducerDispatcher<Form>,
) -> Html {
    if form.tags_listed {
        return tag_table(
            lang,
            &props.tags,
            &form.rules,
            &props.feed_rules,
            dispatcher,
        );
    }
    if props.tags.is_empty() {
        return Html::default();
    }
    let on_list_tags = {
        let form = dispatcher.clone();
        Callback::from(move |_: MouseEvent| form.dispatch(FormAction::ListTags))
    };
    html! {
        <p class="sf-embed__option">
            <button type="button" class="sf-button" data-testid="embed-list-tags" onclick={on_list_tags}>
                { lang.say(Msg::EmbedMapTags, &[("n", &lang.number(props.tags.len()))]) }
            </button>
            { lang.text(Msg::EmbedTagsWarning) }
        </p>
    }
}

/// The feed's tags, each with a level and a kind to map it to.
fn tag_table(
    lang: &Lang,
    tags: &[(String, usize)],
    rules: &Rules,
    feed: &Rules,
    form: &UseReducerDispatcher<Form>,
) -> Html {
    let row = |(tag, count): &(String, usize)| {
        let on_level = {
            let tag = tag.clone();
            on_select(form, move |value| {
                FormAction::TagLevel(tag.clone(), Level::parse(&value))
            })
        };
        let on_kind = {
            let tag = tag.clone();
            on_select(form, move |value| {
                FormAction::TagKind(tag.clone(), Kind::parse(&value))
            })
        };
        let (level, kind) = (rules.tag_levels.get(tag), rules.tag_kinds.get(tag));
        html! {
            <tr data-testid="embed-tag" data-tag={tag.clone()}>
                <th scope="row">{ tag.clone() }</th>
                <td>{ count }</td>
                <td>
                    <select name="tag-level" class="sf-select" aria-label={lang.say(Msg::EmbedLevelOf, &[("tag", tag)])} onchange={on_level}>
                        <option value="" selected={level.is_none()}>{ unset(lang, feed.tag_levels.get(tag).map(|level| lang.level(level)), Msg::EmbedNotMapped) }</option>
                        { for Level::ALL.into_iter().map(|option| html! {
                            <option value={option.key()} selected={level == Some(option)}>{ lang.level(option) }</option>
                        }) }
                    </select>
                </td>
                <td>
                    <select name="tag-kind" class="sf-select" aria-label={lang.say(Msg::EmbedKindOf, &[("tag", tag)])} onchange={on_kind}>
                        <option value="" selected={kind.is_none()}>{ unset(lang, feed.tag_kinds.get(tag).map(|kind| lang.kind(kind)), Msg::EmbedNotMapped) }</option>
                        { for Kind::ALL.into_iter().map(|option| html! {
                            <option value={option.key()} selected={kind == Some(option)}>{ lang.kind(option) }</option>
                        }) }
                    </select>
                </td>
            </tr>
        }
    };
    html! {
        <table class="sf-embed__tags" data-testid="embed-tags">
            <caption>{ lang.text(Msg::EmbedTagsCaption) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ lang.text(Msg::EmbedTag) }</th><th scope="col">{ lang.text(Msg::EmbedItems) }</th>
                    <th scope="col">{ lang.text(Msg::EmbedLevel) }</th><th scope="col">{ lang.text(Msg::EmbedKind) }</th>
                </tr>
            </thead>
            <tbody>{ for tags.iter().map(row) }</tbody>
        </table>
    }
}

/// A `change` callback for a select: dispatches the action `make` builds from its value.
fn on_select(
    form: &UseReducerDispatcher<Form>,
    make: impl Fn(String) -> FormAction + 'static,
) -> Callback<Event> {
    let form = form.clone();
    Callback::from(move |event: Event| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        form.dispatch(make(value));
    })
}

/// A theme's name in the widget's language.
fn theme_name(lang: &Lang, theme: Theme) -> &'static str {
    lang.text(match theme {
        Theme::Auto => Msg::ThemeAuto,
        Theme::Light => Msg::ThemeLight,
        Theme::Dark => Msg::ThemeDark,
    })
}

/// The choice of setting nothing: what the feed says, if it says something.
fn unset(lang: &Lang, feed: Option<&'static str>, otherwise: Msg) -> String {
    feed.map_or_else(
        || lang.text(otherwise).to_owned(),
        |value| lang.say(Msg::EmbedFeeds, &[("value", value)]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clipboard's answer about the snippet shown after `choices` choices.
    fn answer(choices: u32, done: bool) -> FormAction {
        FormAction::Copied { choices, done }
    }

    fn after(actions: impl IntoIterator<Item = FormAction>) -> Form {
        (*actions
            .into_iter()
            .fold(Rc::new(Form::default()), Reducible::reduce))
        .clone()
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
    fn tags_are_mapped_and_unmapped_and_each_change_is_a_new_snippet() {
        let form = after([
            FormAction::TagLevel("Casting".into(), Some(Level::Mild)),
            FormAction::TagKind("Casting".into(), Some(Kind::Cast)),
            FormAction::TagLevel("Trailers".into(), Some(Level::Moderate)),
            FormAction::DefaultLevel(Some(Level::None)),
            answer(4, true),
            FormAction::TagLevel("trailers".into(), None),
        ]);
        assert_eq!(form.rules.tag_levels.get("casting"), Some(Level::Mild));
        assert_eq!(form.rules.tag_levels.get("trailers"), None);
        assert_eq!(form.rules.tag_kinds.get("CASTING"), Some(Kind::Cast));
        assert_eq!(form.rules.default_level, Some(Level::None));
        assert!(form.copy == CopyStatus::NotYet && form.choices == 5);
        let listed = after([FormAction::ListTags, answer(0, true)]);
        assert!(listed.tags_listed && listed.copy == CopyStatus::Done);
    }

    #[test]
    fn the_muted_words_are_kept_as_typed_and_each_change_is_a_new_snippet() {
        let form = after([answer(0, true), FormAction::Mute("Vecna, ".into())]);
        assert_eq!(form.mute, "Vecna, ");
        assert!(form.copy == CopyStatus::NotYet && form.choices == 1);
    }

    #[test]
    fn an_answer_about_an_earlier_snippet_is_ignored() {
        // Copy asked with no choice made; the fan picks the iframe before the answer.
        let form = after([FormAction::Mode(EmbedMode::Iframe), answer(0, true)]);
        assert!(form.copy == CopyStatus::NotYet);
        assert!(form.mode == EmbedMode::Iframe);
    }
}
