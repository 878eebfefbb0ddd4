//! The catalogue files of languages other than English: fetched when a widget speaks one,
//! once per page however many widgets speak it, through the feed's fetch path (its timeout,
//! its size check and the page's Content-Security-Policy). A file that is missing, slow,
//! too large or unreadable leaves the English words and a console warning.

use std::cell::RefCell;

use super::fetch::{download, Download};
use crate::i18n::{Catalogue, Lang};

/// The most bytes a catalogue file may have (each is about 13 KB).
pub const MAX_CATALOGUE_BYTES: u64 = 64 << 10;

/// How long a catalogue file may take, in seconds: the first cards wait for it.
pub const CATALOGUE_TIMEOUT_SECONDS: u32 = 5;

/// A language's words as far as the page has them.
enum Words {
    /// On their way: what waits for them.
    Coming(Vec<Box<dyn FnOnce(Option<&'static Catalogue>)>>),
    /// In, for the page's life.
    In(&'static Catalogue),
    /// Not to be had: the English words stand in.
    Missing,
}

thread_local! {
    /// Each catalogue the page has asked for, by code (a handful at most).
    static WORDS: RefCell<Vec<(&'static str, Words)>> = const { RefCell::new(Vec::new()) };
    /// The script's function from a code to its catalogue file's URL (`…/i18n/de.json`):
    /// the script knows where it is served from, and a bundler sees the files it names.
    static URLS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The folder of the catalogue files, where no script gave a function for them.
    static FOLDER: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Remembers where the catalogue files are: `urls` gives the URL of a code's file.
pub fn set_catalogue_urls(urls: js_sys::Function) {
    URLS.with(|slot| *slot.borrow_mut() = Some(urls));
}

/// Remembers the folder of the catalogue files (`…/i18n/`), for a page whose script hands
/// over no function: the tools page, which finds them next to itself.
pub fn set_catalogue_folder(folder: String) {
    FOLDER.with(|slot| *slot.borrow_mut() = Some(folder));
}

/// The URL of the catalogue file of `code`, if the script or the page said where they are.
pub fn catalogue_url(code: &str) -> Option<String> {
    let Some(urls) = URLS.with(|urls| urls.borrow().clone()) else {
        return FOLDER.with(|folder| {
            let folder = folder.borrow();
            folder.as_ref().map(|folder| format!("{folder}{code}.json"))
        });
    };
    urls.call1(&wasm_bindgen::JsValue::NULL, &code.into())
        .ok()?
        .as_string()
}

/// `lang` with the words the page already has for it: its catalogue if loaded, English if
/// its file couldn't be had, else still waiting.
pub fn known_words(lang: Lang) -> Lang {
    let Some(code) = lang.waiting() else {
        return lang;
    };
    WORDS.with(
        |words| match words.borrow().iter().find(|(known, _)| *known == code) {
            Some((_, Words::In(catalogue))) => lang.with_catalogue(catalogue),
            Some((_, Words::Missing)) => lang.without_catalogue(),
            _ => lang,
        },
    )
}

/// Gives `done` the language with its words: at once if the page has them (or needs none),
/// else once its catalogue file has loaded or failed. A file already on its way for another
/// widget is not asked for again.
pub fn load_words(lang: Lang, done: impl FnOnce(Lang) + 'static) {
    let lang = known_words(lang);
    let Some(code) = lang.waiting() else {
        return done(lang);
    };
    let waiter: Box<dyn FnOnce(Option<&'static Catalogue>)> =
        Box::new(move |catalogue| match catalogue {
            Some(catalogue) => done(lang.with_catalogue(catalogue)),
            None => done(lang.without_catalogue()),
        });
    let start = WORDS.with(|words| {
        let mut words = words.borrow_mut();
        match words.iter_mut().find(|(known, _)| *known == code) {
            Some((_, Words::Coming(waiting))) => {
                waiting.push(waiter);
                false
            }
            // Known words were taken above: this is the first ask.
            _ => {
                words.push((code, Words::Coming(vec![waiter])));
                true
            }
        }
    });
    if start {
        fetch_catalogue(code);
    }
}

/// Fetches and reads the catalogue file of `code`, then tells everything waiting for it.
fn fetch_catalogue(code: &'static str) {
    let Some(url) = catalogue_url(code) else {
        return settle(
            code,
            Err("the script gave no place for catalogue files".into()),
        );
    };
    let file = Download {
        accept: "application/json",
        // A catalogue changes with a release: the browser's cache rules apply.
        revalidate: false,
        max_bytes: MAX_CATALOGUE_BYTES,
        timeout_seconds: CATALOGUE_TIMEOUT_SECONDS,
    };
    let from = url.clone();
    // Nothing cancels it: every widget in the language, present or to come, wants it.
    let _ = download(
        url,
        file,
        Box::new(move |result| {
            let read = result
                .map_err(|error| format!("{error:?}"))
                .and_then(|body| {
                    // JSON is UTF-8 (RFC 8259), whatever the server says.
                    let text = String::from_utf8(body.bytes)
                        .map_err(|_| "it isn't UTF-8 text".to_string())?;
                    Catalogue::parse(code, &text)
                        .map_err(|error| format!("it isn't a catalogue: {error}"))
                })
                .map(|parsed| parsed.catalogue);
            settle(code, read.map_err(|why| format!("{from}: {why}")));
        }),
    );
}

/// Keeps the outcome for `code` and tells everything waiting for it.
fn settle(code: &'static str, read: Result<Catalogue, String>) {
    let catalogue = match read {
        // Kept for the page's life, shared by every widget in the language.
        Ok(catalogue) => Some(&*Box::leak(Box::new(catalogue))),
        Err(why) => {
            web_sys::console::warn_1(
                &format!("spoiler-feed: the {code} words couldn't be loaded, so English is shown ({why})").into(),
            );
            None
        }
    };
    let outcome = catalogue.map_or(Words::Missing, Words::In);
    let waiting = WORDS.with(|words| {
        let mut words = words.borrow_mut();
        let entry = words.iter_mut().find(|(known, _)| *known == code);
        entry.map(|(_, words)| std::mem::replace(words, outcome))
    });
    if let Some(Words::Coming(waiting)) = waiting {
        for waiter in waiting {
            waiter(catalogue);
        }
    }
}
