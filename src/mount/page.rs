//! The standalone page (`index.html`): one widget on `#spoilerfeed`, configured by the query.
//! (`loader.js` sends `check=1` to the site owner's tools page before the widget loads.)

use wasm_bindgen::prelude::wasm_bindgen;

use super::{absolute_url, browser_language, frame, import_progress_from_address, mount};
use crate::app::AppProps;
use crate::config::{self, Settings};
use crate::platform;

/// Mounts the standalone page's widget on `#spoilerfeed`, configured by the page's query;
/// `prefetch` is the feed request `loader.js` started, if any, `catalogue_urls` gives a
/// catalogue file's URL and `words` the catalogue request `loader.js` started, if any.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(
    prefetch: wasm_bindgen::JsValue,
    catalogue_urls: Option<js_sys::Function>,
    words: wasm_bindgen::JsValue,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(root) = document.get_element_by_id("spoilerfeed") else {
        platform::hand_over_prefetch(&prefetch, None);
        platform::hand_over_prefetch(&words, None);
        return;
    };
    if let Some(urls) = catalogue_urls {
        platform::set_catalogue_urls(urls);
    }
    import_progress_from_address();
    let location = window.location();
    let settings = Settings::from_query(&location.search().unwrap_or_default());
    let page = location.href().unwrap_or_default();
    let feed = settings.feed.as_deref().unwrap_or(config::SAMPLE_FEED);
    // The page is the widget's own: its `lang` is what the query or the browser asks for,
    // not the `en` index.html is written with.
    let lang = platform::lang([settings.lang.clone(), browser_language()]);
    let words_url = lang.waiting().and_then(platform::catalogue_url);
    platform::hand_over_prefetch(&words, words_url.as_deref());
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.tag());
        let _ = html.set_attribute("dir", lang.dir());
        let _ = html.set_attribute("data-theme", settings.theme.key());
        if settings.embed {
            let _ = html.set_attribute("data-embed", "");
            frame::report_height(&html);
        }
    }
    let feed_url = absolute_url(feed, &page);
    // A request for another URL (the loader read the query differently) is not wasted
    // bandwidth for long: it is cancelled here.
    platform::hand_over_prefetch(&prefetch, Some(&feed_url));
    let widget_base = (!settings.embed).then(|| absolute_url(".", &page).into());
    let props = AppProps {
        widget_base,
        lang,
        ..AppProps::from_settings(feed_url, settings)
    };
    // The widget starts at once, so the feed loads while the words do; its cards wait for
    // the words. The page's widget lives as long as the page.
    let mut app = mount(root, props.clone());
    platform::load_words(props.lang.clone(), move |lang| {
        if lang != props.lang {
            app.update(AppProps { lang, ..props });
        }
    });
}
