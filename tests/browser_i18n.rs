//! The widget's language in a real browser: chosen from the element's `lang` attribute, its
//! nearest ancestor's, the page's, then the browser's; relative dates, plurals and numbers
//! through the browser's `Intl` in German, Japanese and French.
//!
//! Run with the other browser suites (`cargo xtask test browser`).
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use gloo_timers::future::TimeoutFuture;
use spoilerfeed::i18n::{Catalogue, Lang, Locale, Msg};
use spoilerfeed::mount::element::mount_element;
use spoilerfeed::platform;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The language of `tag` with the words of its catalogue file, as the widget has them once
/// the file is fetched (the widgets mounted here have no files to fetch: they get English).
fn speaking(tag: &str) -> Lang {
    let locale = Locale {
        plural: platform::plural,
        number: platform::number,
    };
    let lang = Lang::pick([Some(tag)], locale);
    let Some(code) = lang.waiting() else {
        return lang;
    };
    let file = match code {
        "de" => include_str!("../i18n/de.json"),
        "fr" => include_str!("../i18n/fr.json"),
        "pt-BR" => include_str!("../i18n/pt-BR.json"),
        other => panic!("no file for {other} in this test"),
    };
    let catalogue = Catalogue::parse(code, file).unwrap().catalogue;
    lang.with_catalogue(Box::leak(Box::new(catalogue)))
}

/// The longest any wait polls before the test fails.
const WAIT_MS: f64 = 10_000.0;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

/// Mounts a widget for a host element inside `outer` (an element with the given attributes,
/// put in the page), and returns the `lang` and `dir` its root renders with.
async fn widget_lang(outer_lang: Option<&str>, host_lang: Option<&str>) -> (String, String) {
    let document = document();
    let outer = document.create_element("section").unwrap();
    if let Some(lang) = outer_lang {
        outer.set_attribute("lang", lang).unwrap();
    }
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    if let Some(lang) = host_lang {
        host.set_attribute("lang", lang).unwrap();
    }
    let root = document.create_element("div").unwrap();
    host.append_child(&root).unwrap();
    outer.append_child(&host).unwrap();
    document.body().unwrap().append_child(&outer).unwrap();
    let mut handle = mount_element(host, root.clone(), None);
    let start = js_sys::Date::now();
    let widget: Element = loop {
        yew::scheduler::flush().await;
        if let Some(widget) = root.query_selector(".spoilerfeed").unwrap() {
            break widget;
        }
        assert!(
            js_sys::Date::now() - start < WAIT_MS,
            "the widget never rendered"
        );
        TimeoutFuture::new(20).await;
    };
    let found = (
        widget.get_attribute("lang").unwrap_or_default(),
        widget.get_attribute("dir").unwrap_or_default(),
    );
    handle.destroy();
    outer.remove();
    found
}

#[wasm_bindgen_test]
async fn the_language_comes_from_the_attribute_then_the_ancestor_then_the_page_then_the_browser() {
    let html = document().document_element().unwrap();
    let page_lang = html.get_attribute("lang");
    html.set_attribute("lang", "es").unwrap();

    assert_eq!(
        widget_lang(Some("fr"), Some("de")).await.0,
        "de",
        "the element's own attribute"
    );
    assert_eq!(
        widget_lang(Some("fr"), None).await.0,
        "fr",
        "the nearest ancestor's"
    );
    assert_eq!(widget_lang(None, None).await.0, "es", "the page's");
    assert_eq!(
        widget_lang(Some("he"), None).await,
        ("he".into(), "rtl".into()),
        "right to left"
    );
    html.remove_attribute("lang").unwrap();
    let browser = web_sys::window().unwrap().navigator().language().unwrap();
    assert_eq!(widget_lang(None, None).await.0, browser, "the browser's");
    // A malformed attribute is passed over.
    assert_eq!(widget_lang(Some("pt-BR"), Some("??")).await.0, "pt-BR");

    if let Some(lang) = page_lang {
        html.set_attribute("lang", &lang).unwrap();
    }
}

#[wasm_bindgen_test]
fn relative_dates_are_in_german_and_japanese() {
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
    let ago = |days: i64| now - chrono::Duration::days(days);
    let de = speaking("de");
    let ja = speaking("ja");
    let en = speaking("en");
    assert_eq!(platform::relative_date(&de, ago(3), now), "vor 3 Tagen");
    assert_eq!(platform::relative_date(&de, ago(1), now), "gestern");
    assert_eq!(
        platform::relative_date(&de, now + chrono::Duration::days(5), now),
        "in 5 Tagen"
    );
    assert_eq!(platform::relative_date(&ja, ago(3), now), "3 日前");
    assert_eq!(platform::relative_date(&ja, ago(1), now), "昨日");
    // English reads as it always has.
    assert_eq!(platform::relative_date(&en, ago(3), now), "3 days ago");
    assert_eq!(platform::relative_date(&en, ago(1), now), "yesterday");
    assert_eq!(platform::relative_date(&en, now, now), "just now");
    // Under a minute is the catalogue's words; Japanese has none, so English.
    assert_eq!(platform::relative_date(&de, now, now), "gerade eben");
    assert_eq!(platform::relative_date(&ja, now, now), "just now");
    // The exact time names the month in the language.
    assert!(
        platform::exact_date(&de, ago(3)).contains("März"),
        "{}",
        platform::exact_date(&de, ago(3))
    );
    assert!(
        platform::exact_date(&ja, ago(3)).contains("3月"),
        "{}",
        platform::exact_date(&ja, ago(3))
    );
}

#[wasm_bindgen_test]
fn counts_follow_the_browsers_plural_rules_and_numbers() {
    let fr = speaking("fr");
    let many = fr.count(Msg::CountHidden, 1_000_000, &[]);
    assert!(many.ends_with(" d’actualités masquées"), "{many}");
    assert!(
        !many.starts_with("1000000"),
        "the number is grouped the French way: {many}"
    );
    assert_eq!(fr.count(Msg::CountHidden, 0, &[]), "0 actualité masquée");
    let pt = speaking("pt-BR");
    assert_eq!(pt.count(Msg::CountHidden, 0, &[]), "0 notícia oculta");
    let de = speaking("de");
    assert_eq!(
        de.count(Msg::CountHidden, 1_234, &[]),
        "1.234 Meldungen verborgen"
    );
    let en = speaking("en");
    assert_eq!(
        en.count(Msg::CountHidden, 1_234, &[]),
        "1,234 updates hidden"
    );
}
