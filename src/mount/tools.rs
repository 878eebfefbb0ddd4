//! The site owner's tools page (`tools.html`): the embed-code builder on `#spoilerfeed-tools`,
//! or with `check=1` the check page, configured by the page's query. Called by the tools'
//! own binary, never by the fan's: nothing here is exported to JavaScript.

use web_sys::Element;

use super::{absolute_url, browser_language};
use crate::components::{ToolsPage, ToolsProps};
use crate::config::{self, Settings};
use crate::platform::{self, crash};

/// Mounts the tools page on `#spoilerfeed-tools`, configured by the page's query.
pub fn mount_page() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window
        .document()
        .and_then(|document| document.get_element_by_id("spoilerfeed-tools"))
    else {
        return;
    };
    let location = window.location();
    let settings = Settings::from_query(&location.search().unwrap_or_default());
    let page = location.href().unwrap_or_default();
    // The catalogue files are next to the tools page, as they are next to the widget's script.
    platform::set_catalogue_folder(absolute_url("i18n/", &page));
    let lang = platform::lang([settings.lang.clone(), browser_language()]);
    if let Some(html) = root.owner_document().and_then(|doc| doc.document_element()) {
        let _ = html.set_attribute("lang", lang.tag());
        let _ = html.set_attribute("dir", lang.dir());
        let _ = html.set_attribute("data-theme", settings.theme.key());
    }
    let feed = settings.feed.as_deref().unwrap_or(config::SAMPLE_FEED);
    let feed_url = absolute_url(feed, &page);
    let props = ToolsProps {
        lang,
        ..ToolsProps::from_settings(feed_url, absolute_url(".", &page), settings)
    };
    // Rendered once its words are in (at once in English), so it never shows English first;
    // the page lives as long as the page: its handle is never needed.
    platform::load_words(props.lang.clone(), move |lang| {
        mount(root, ToolsProps { lang, ..props });
    });
}

/// Renders the tools page into `root` and remembers the root for the crash card.
pub fn mount(root: Element, props: ToolsProps) -> yew::AppHandle<ToolsPage> {
    crash::watch(&root);
    yew::Renderer::<ToolsPage>::with_root_and_props(root, props).render()
}
