//! The widget's languages: every catalogue file of `i18n/` complete, with the placeholders
//! English has and the plural forms its language uses, the files the crate lists, plural
//! forms by each language's rules, the choice of language from the page, the feed's own
//! language read from JSON Feed, RSS and Atom, and a widget rendered in German (and nothing
//! in English while its words are on their way).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::render;
use spoilerfeed::app::{App, AppProps};
use spoilerfeed::classify::Rules;
use spoilerfeed::i18n::{self, Catalogue, Lang, Locale, Msg, Plural};
use spoilerfeed::platform;
use strum::IntoEnumIterator;

/// The placeholders of a text, as a set.
fn names(text: &str) -> BTreeSet<&str> {
    i18n::placeholders(text).into_iter().collect()
}

/// Every catalogue file of `i18n/`, English included: its code (the file's name) and text.
fn files() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let code = path.file_stem().unwrap().to_str().unwrap().to_owned();
            (code, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the catalogue files: {files:?}");
    files
}

/// A file read, with its code kept for the program's life as a catalogue's is.
fn read(code: &str, text: &str) -> i18n::Parsed {
    let code: &'static str = Box::leak(code.to_owned().into_boxed_str());
    Catalogue::parse(code, text).unwrap_or_else(|err| panic!("{code}.json: {err}"))
}

#[test]
fn english_has_every_message_once() {
    let parsed = read("en", i18n::ENGLISH_FILE);
    assert_eq!(
        parsed.unknown,
        Vec::<String>::new(),
        "keys that name no message"
    );
    for (index, msg) in Msg::iter().enumerate() {
        assert_eq!(
            msg as usize, index,
            "Msg::iter lists {msg:?} in its declared place"
        );
        assert!(parsed.catalogue.forms(msg).is_some(), "{msg:?} in English");
    }
    assert_eq!(i18n::english().code, "en");
}

#[test]
fn every_catalogue_file_has_every_english_key_with_the_same_placeholders() {
    let english = read("en", i18n::ENGLISH_FILE).catalogue;
    for (code, text) in files() {
        assert_eq!(
            i18n::well_formed(&code).as_deref(),
            Some(code.as_str()),
            "{code}.json is named by a language tag"
        );
        let parsed = read(&code, &text);
        assert_eq!(
            parsed.unknown,
            Vec::<String>::new(),
            "{code}: keys that name no message"
        );
        let catalogue = parsed.catalogue;
        // A key twice in a file: JSON readers keep one of them silently.
        let keys: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
        for key in keys.keys() {
            assert_eq!(
                text.matches(&format!("\"{key}\":")).count(),
                1,
                "{code}: {key} once"
            );
        }
        for msg in Msg::iter() {
            let english = english.forms(msg).unwrap();
            let forms = catalogue
                .forms(msg)
                .unwrap_or_else(|| panic!("{code}: no {msg:?}"));
            let wanted = names(
                &english
                    .iter()
                    .find(|(form, _)| *form == Plural::Other)
                    .unwrap()
                    .1,
            );
            assert!(
                forms.iter().any(|(form, _)| *form == Plural::Other),
                "{code}: {msg:?} has no \"other\" form"
            );
            for (form, text) in forms {
                assert!(!text.trim().is_empty(), "{code}: {msg:?} is empty");
                // Every form uses only placeholders English has; the "other" form uses them
                // all (a singular may spell its count out: "a day").
                let used = names(text);
                if *form == Plural::Other {
                    assert_eq!(used, wanted, "{code}: {msg:?} ({form:?}) \"{text}\"");
                } else {
                    assert!(
                        used.is_subset(&wanted),
                        "{code}: {msg:?} ({form:?}) \"{text}\""
                    );
                }
            }
        }
    }
}

#[test]
fn each_language_has_the_plural_forms_its_rules_use() {
    let english = read("en", i18n::ENGLISH_FILE).catalogue;
    let counts: Vec<usize> = (0..=1_100)
        .chain([1_000_000, 2_000_000, 1_000_001])
        .collect();
    for (code, text) in files() {
        let catalogue = read(&code, &text).catalogue;
        for msg in Msg::iter() {
            if english.forms(msg).unwrap().len() < 2 {
                continue;
            }
            let forms = catalogue.forms(msg).unwrap();
            for &n in &counts {
                let category = platform::plural(&code, n);
                assert!(
                    forms.iter().any(|(form, _)| *form == category),
                    "{code}: {msg:?} has no {category:?} form (for {n})"
                );
            }
        }
    }
}

#[test]
fn the_crate_ships_every_file_of_the_folder() {
    let mut listed: Vec<&str> = i18n::languages().collect();
    listed.sort_unstable();
    let files = files();
    let folder: Vec<&str> = files.iter().map(|(code, _)| code.as_str()).collect();
    assert_eq!(
        listed, folder,
        "a file added to i18n/ is a language the widget has"
    );
    assert_eq!(i18n::catalogue_code("de-AT"), Some("de"));
    assert_eq!(i18n::catalogue_code("pt"), Some("pt-BR"));
    assert_eq!(
        i18n::catalogue_code("en-GB"),
        None,
        "English is compiled in"
    );
    assert_eq!(i18n::catalogue_code("ja"), None, "no file, no request");
}

#[test]
fn a_catalogue_file_is_read_by_the_i18next_conventions() {
    let parsed = read(
        "xx",
        r#"{"reveal": "Zeigen", "count_hidden_one": "{n} weg", "count_hidden_other": "{n} weg!",
            "kind_other": "Sonstiges", "no_such_message": "?", "reveal_few": "?"}"#,
    );
    let catalogue = &parsed.catalogue;
    assert_eq!(
        catalogue.forms(Msg::Reveal).unwrap()[0].1.as_ref(),
        "Zeigen"
    );
    assert_eq!(catalogue.forms(Msg::CountHidden).unwrap().len(), 2);
    // `kind_other` is a message of its own, not the "other" form of a `kind`.
    assert_eq!(
        catalogue.forms(Msg::KindOther).unwrap()[0],
        (Plural::Other, "Sonstiges".into())
    );
    assert_eq!(catalogue.forms(Msg::Retry), None);
    assert_eq!(parsed.unknown, ["no_such_message"]);
    // What isn't an object of strings is refused whole.
    assert!(Catalogue::parse("xx", "[1, 2]").is_err());
    assert!(Catalogue::parse("xx", r#"{"reveal": 3}"#).is_err());
    assert!(Catalogue::parse("xx", r#"{"reveal": "Zeigen""#).is_err());
}

#[test]
fn a_widget_waiting_for_its_words_shows_none_in_english() {
    let locale = Locale {
        plural: platform::plural,
        number: platform::number,
    };
    let waiting = Lang::pick([Some("de")], locale);
    assert_eq!(waiting.waiting(), Some("de"));
    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        lang: waiting.clone(),
        ..AppProps::default()
    });
    assert!(html.contains("lang=\"de\""), "{html}");
    assert!(html.contains("data-testid=\"loading\""), "{html}");
    for english in ["Spoiler level", "Show news", "Loading updates", "Cast"] {
        assert!(!html.contains(english), "{english}: {html}");
    }
    // A file that can't be had: the English words, and no more waiting.
    let settled = waiting.without_catalogue();
    assert_eq!(
        (settled.waiting(), settled.text(Msg::Reveal)),
        (None, "Reveal")
    );
    assert_eq!(settled.tag(), "de");
}

#[test]
fn counts_take_the_form_their_language_wants() {
    let say = |tag: &str, n: usize| platform::lang([Some(tag)]).count(Msg::CountHidden, n, &[]);
    assert_eq!(say("en", 1), "1 update hidden");
    assert_eq!(say("en", 0), "0 updates hidden");
    assert_eq!(say("de", 1), "1 Meldung verborgen");
    assert_eq!(say("de", 2), "2 Meldungen verborgen");
    // French counts 0 as singular.
    assert_eq!(say("fr", 0), "0 actualité masquée");
    assert_eq!(say("fr", 1), "1 actualité masquée");
    assert_eq!(say("fr", 2), "2 actualités masquées");
    assert_eq!(say("pt-BR", 1), "1 notícia oculta");
    assert_eq!(say("pt-BR", 5), "5 notícias ocultas");
    assert_eq!(say("es", 0), "0 noticias ocultas");
    assert_eq!(say("es", 1), "1 noticia oculta");
    // Japanese has one form, and no catalogue: the English words, in their "other" form.
    assert_eq!(say("ja", 1), "1 updates hidden");
}

#[test]
fn the_language_is_the_first_well_formed_tag_else_english() {
    let lang = platform::lang([
        None,
        Some(" "),
        Some("not a tag!"),
        Some("de-AT"),
        Some("fr"),
    ]);
    assert_eq!(lang.tag(), "de-AT");
    assert_eq!(
        lang.catalogue().code,
        "de",
        "a regional tag gets its language's words"
    );
    assert_eq!(lang.text(Msg::Reveal), "Aufdecken");
    assert_eq!(platform::lang([Some("pt")]).catalogue().code, "pt-BR");
    assert_eq!(platform::lang([Some("pt_br")]).tag(), "pt-br");
    assert_eq!(platform::lang([Some("pt-br")]).catalogue().code, "pt-BR");
    let none: [Option<&str>; 0] = [];
    assert_eq!(platform::lang(none).tag(), "en");
    // Without a catalogue: English words, the language's own tag (for dates and numbers).
    let japanese = platform::lang([Some("ja")]);
    assert_eq!((japanese.tag(), japanese.catalogue().code), ("ja", "en"));
    assert_eq!(japanese.text(Msg::Reveal), "Reveal");
}

#[test]
fn right_to_left_languages_say_so() {
    for tag in ["ar", "he-IL", "fa", "ur"] {
        assert_eq!(platform::lang([Some(tag)]).dir(), "rtl", "{tag}");
    }
    for tag in ["en", "de", "ja", "pt-BR"] {
        assert_eq!(platform::lang([Some(tag)]).dir(), "ltr", "{tag}");
    }
}

#[test]
fn the_feed_says_its_language_in_each_format() {
    let rules = Rules::default();
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "language": "de-DE", "items": []}"#;
    let feed = platform::read_feed(json, None, &rules).unwrap();
    assert_eq!(feed.language.as_deref(), Some("de-DE"));
    let rss =
        r#"<rss version="2.0"><channel><title>T</title><language>fr-fr</language></channel></rss>"#;
    assert_eq!(
        platform::read_feed(rss, None, &rules)
            .unwrap()
            .language
            .as_deref(),
        Some("fr-fr")
    );
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja"><title>T</title></feed>"#;
    assert_eq!(
        platform::read_feed(atom, None, &rules)
            .unwrap()
            .language
            .as_deref(),
        Some("ja")
    );
    // Something that isn't a language tag is no language.
    let odd = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "language": "<b>", "items": []}"#;
    assert_eq!(
        platform::read_feed(odd, None, &rules).unwrap().language,
        None
    );
}

#[test]
fn a_german_widget_speaks_german() {
    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        lang: platform::lang([Some("de")]),
        ..AppProps::default()
    });
    assert!(html.contains("lang=\"de\""), "{html}");
    assert!(html.contains("dir=\"ltr\""), "{html}");
    assert!(html.contains(">Serien-News</h1>"), "{html}");
    assert!(html.contains(">Spoiler-Stufe</legend>"), "{html}");
    assert!(
        html.contains(">Keine</span>") && html.contains(">Stark</span>"),
        "{html}"
    );
    assert!(html.contains(">Besetzung</button>"), "{html}");
    assert!(html.contains(">Meldungen werden geladen…</span>"), "{html}");
    assert!(!html.contains("Spoiler level"), "{html}");
}

#[test]
fn an_arabic_widget_is_laid_out_right_to_left() {
    let html = render::<App>(AppProps {
        feed_url: "https://fans.example/feed.json".into(),
        lang: platform::lang([Some("ar")]),
        ..AppProps::default()
    });
    assert!(
        html.contains("lang=\"ar\"") && html.contains("dir=\"rtl\""),
        "{html}"
    );
    // No Arabic catalogue: the English words.
    assert!(html.contains(">Spoiler level</legend>"), "{html}");
}

/// Props of [`Rendered`].
#[derive(yew::Properties, PartialEq)]
struct RenderedProps {
    html: yew::Html,
}

/// Renders the output of a view function as it is.
#[yew::function_component]
fn Rendered(props: &RenderedProps) -> yew::Html {
    props.html.clone()
}

#[test]
fn a_placeholder_held_by_progress_says_why_in_german() {
    use spoilerfeed::progress::{Point, ProgressBook, ShowProgress, Watched};
    use spoilerfeed::spoiler::{self, Entry};
    use spoilerfeed::types::Level;

    let feed = common::load_fixture("progress.json");
    let mut book = ProgressBook::new();
    book.insert(
        "Harbour Lights".into(),
        ShowProgress {
            watched: Watched::UpTo(Point {
                season: 2,
                episode: Some(5),
            }),
            ..ShowProgress::default()
        },
    );
    let view =
        spoiler::view_with_progress(&feed, &common::prefs(Level::None), &book, common::now());
    let held = view
        .entries
        .iter()
        .find_map(|entry| match entry {
            Entry::Hidden(concealed) if concealed.id() == "hl-s2e6-major" => Some(concealed),
            _ => None,
        })
        .expect("the update is held back");
    let de = platform::lang([Some("de")]);
    let html = render::<Rendered>(yew::props!(RenderedProps {
        html: spoilerfeed::components::placeholder(&de, None, held, common::now(), None, None),
    }));
    assert!(
        html.contains(">Spoilert S2E6: du bist bei S2E5</span>"),
        "{html}"
    );
}

#[test]
fn the_check_page_speaks_the_widgets_language() {
    use spoilerfeed::report::Report;

    use spoilerfeed::components::{ToolsPage, ToolsProps};

    let html = render::<ToolsPage>(ToolsProps {
        feed_url: "https://fans.example/feed.json".into(),
        check: true,
        lang: platform::lang([Some("de")]),
        ..ToolsProps::default()
    });
    assert!(html.contains(">Einen Feed prüfen</h1>"), "{html}");
    assert!(html.contains("lang=\"de\""), "{html}");

    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
        {"id": "a", "title": "A", "content_text": "x", "tags": ["Casting"]},
        {"title": "B", "content_text": "y", "_spoilerfeed": {"level": "huge"}},
        42
    ]}"#;
    let mut rules = Rules::default();
    rules
        .tag_levels
        .insert("Casting", spoilerfeed::types::Level::Mild);
    let feed = platform::read_feed(json, None, &rules).unwrap();
    let report = Report::in_lang(&feed, &rules, &platform::lang([Some("de")]));
    assert_eq!(
        report.skips,
        ["Eintrag 3 wurde ausgelassen: er ist kein Eintrag (ein Wert, der kein Objekt ist)."]
    );
    let tagged = report.rows.iter().find(|row| row.id == "a").unwrap();
    assert_eq!(tagged.level_reason, "Schlagwort „Casting“");
    assert_eq!(tagged.shown_at, "Leicht, Mittel, Stark");
    assert_eq!(tagged.hidden_at, "Keine");
    let odd = report.rows.iter().find(|row| row.id != "a").unwrap();
    assert!(
        odd.notes
            .iter()
            .any(|note| note.starts_with("Seine Stufe „huge“")),
        "{:?}",
        odd.notes
    );
    assert_eq!(report.tag_levels[0].from, "diese Seite");
    // The same feed in English reads as it always has.
    let english = Report::of(&feed, &rules);
    assert_eq!(
        english
            .rows
            .iter()
            .find(|row| row.id == "a")
            .unwrap()
            .level_reason,
        "Tag \"Casting\""
    );
}

/// Props of [`GermanError`].
#[derive(yew::Properties, PartialEq)]
struct GermanErrorProps {
    error: spoilerfeed::error::Error,
}

/// The error card in a German widget.
#[yew::function_component]
fn GermanError(props: &GermanErrorProps) -> yew::Html {
    use spoilerfeed::components::ErrorCard;
    use spoilerfeed::i18n::Lang;
    yew::html! {
        <yew::ContextProvider<Lang> context={platform::lang([Some("de")])}>
            <ErrorCard error={props.error.clone()} on_retry={yew::Callback::noop()} />
        </yew::ContextProvider<Lang>>
    }
}

#[test]
fn errors_are_worded_in_the_widgets_language() {
    use spoilerfeed::error::Error;
    let card = |error: Error| render::<GermanError>(yew::props!(GermanErrorProps { error }));
    let html = card(Error::Http {
        status: 404,
        reason: "Not Found".into(),
    });
    assert!(html.contains(">Feed nicht verfügbar</p>"), "{html}");
    assert!(
        html.contains(">Der Server des Feeds antwortete mit HTTP 404 (Not Found).</p>"),
        "{html}"
    );
    assert!(html.contains(">Erneut versuchen</button>"), "{html}");
    let html = card(Error::TooLarge {
        size: Some(12 * 1_048_576),
        limit: 5 * 1_048_576,
    });
    assert!(
        html.contains(">Dieser Feed ist 12 MB groß; die Grenze liegt bei 5 MB.</p>"),
        "{html}"
    );
    let html = card(Error::NotXml {
        format: Some("Atom"),
        line: Some(3),
    });
    assert!(
        html.contains(">Dieser Atom-Feed ist kein wohlgeformtes XML: Zeile 3.</p>"),
        "{html}"
    );
    for (error, words) in [
        (
            Error::UnknownEncoding {
                format: Some("RSS 2.0"),
                encoding: "x-foo".into(),
            },
            "Dieser RSS 2.0-Feed gibt die Zeichenkodierung „x-foo“ an, die dieser Browser nicht lesen kann.",
        ),
        (
            Error::Undecodable {
                format: None,
                encoding: "windows-1252".into(),
                declared: true,
            },
            "Dieses XML-Dokument ist kein gültiger Text in windows-1252, der Zeichenkodierung, die es angibt.",
        ),
        (
            Error::Undecodable {
                format: Some("Atom"),
                encoding: "UTF-8".into(),
                declared: false,
            },
            "Dieser Atom-Feed ist kein UTF-8-Text und gibt keine andere Zeichenkodierung an.",
        ),
        (
            Error::JsonNotUtf8,
            "Dieser JSON Feed ist kein UTF-8-Text, wie JSON Feeds es sein müssen.",
        ),
        (
            Error::WebPage,
            "Das ist kein Feed: Der Server hat eine Webseite (HTML) geschickt.",
        ),
    ] {
        let html = card(error);
        assert!(html.contains(">Feed nicht lesbar</p>"), "{html}");
        assert!(html.contains(&format!(">{words}</p>")), "{html}");
    }
}

#[test]
fn a_feed_without_a_title_is_untitled_in_the_widgets_language() {
    use spoilerfeed::report::Report;

    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#;
    let feed = platform::read_feed(json, None, &Rules::default()).unwrap();
    let rss = r#"<rss version="2.0"><channel><item><guid>a</guid></item></channel></rss>"#;
    let untitled_rss = platform::read_feed(rss, None, &Rules::default()).unwrap();
    assert_eq!((feed.title.as_str(), untitled_rss.title.as_str()), ("", ""));
    let german = Report::in_lang(&feed, &Rules::default(), &platform::lang([Some("de")]));
    assert_eq!(german.title, "Feed ohne Titel");
    assert_eq!(Report::of(&feed, &Rules::default()).title, "Untitled feed");
}

/// The `lang` of the first element of `html` with the class `class`; `None` when it has none.
fn lang_of(html: &str, class: &str) -> Option<String> {
    let tags = common::start_tags(html);
    let tag = tags
        .iter()
        .find(|tag| {
            tag.attributes
                .iter()
                .any(|(name, value)| name == "class" && value.as_deref() == Some(class))
        })
        .unwrap_or_else(|| panic!("no .{class} in {html}"));
    tag.attributes
        .iter()
        .find(|(name, _)| name == "lang")
        .and_then(|(_, value)| value.clone())
}

#[test]
fn each_card_carries_the_language_of_its_own_text() {
    use spoilerfeed::types::Level;

    let rules = Rules::default();
    // Atom: an entry's own xml:lang, else the feed's.
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sf="urn:spoilerfeed:1" xml:lang="de">
        <title>T</title><sf:default-level>none</sf:default-level>
        <entry xml:lang="fr"><id>fr</id><title>Le tournage commence</title><updated>2025-03-03T00:00:00Z</updated></entry>
        <entry><id>de</id><title>Dreharbeiten beginnen</title><updated>2025-03-02T00:00:00Z</updated></entry>
        <entry xml:lang="en"><id>en</id><title>Filming starts</title><updated>2025-03-01T00:00:00Z</updated></entry>
        <entry xml:lang="&lt;b&gt;"><id>odd</id><title>Odd</title></entry>
        </feed>"#;
    // JSON Feed: an item's own `language`, else the feed's.
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "language": "de",
        "_spoilerfeed": {"default_level": "none"}, "items": [
        {"id": "fr", "title": "Le tournage commence", "language": "fr", "date_published": "2025-03-03T00:00:00Z"},
        {"id": "de", "title": "Dreharbeiten beginnen", "date_published": "2025-03-02T00:00:00Z"},
        {"id": "en", "title": "Filming starts", "language": "en", "date_published": "2025-03-01T00:00:00Z"},
        {"id": "odd", "title": "Odd", "language": "<b>"}]}"#;
    for doc in [atom, json] {
        let feed = platform::read_feed(doc, None, &rules).unwrap();
        let languages: Vec<Option<&str>> = feed
            .items
            .iter()
            .map(|item| item.language.as_deref())
            .collect();
        // A tag that isn't one is no language: the feed's stands.
        assert_eq!(
            languages,
            [Some("fr"), Some("de"), Some("en"), Some("de")],
            "{doc}"
        );
        // An English widget: the French and German cards say so; the English one needn't.
        let html = common::render_card_list(&common::shared(feed), common::prefs(Level::None), 10);
        let cards = common::articles(&html);
        let title_langs: Vec<Option<String>> = cards
            .iter()
            .map(|card| lang_of(card, "sf-card__title"))
            .collect();
        assert_eq!(
            title_langs,
            [
                Some("fr".into()),
                Some("de".into()),
                None,
                Some("de".into())
            ],
            "{html}"
        );
    }
    // RSS 2.0: the channel's `<language>` for every item, on its title, text and tags.
    let rss = r#"<rss version="2.0" xmlns:sf="urn:spoilerfeed:1"><channel><title>T</title>
        <language>pt-BR</language><sf:default-level>none</sf:default-level>
        <item><guid>a</guid><title>As filmagens começam</title><description>Texto</description>
        <category>Produção</category></item></channel></rss>"#;
    let feed = platform::read_feed(rss, None, &rules).unwrap();
    let html = common::render_card_list(&common::shared(feed), common::prefs(Level::None), 10);
    for class in ["sf-card__title", "sf-card__text", "sf-tags"] {
        assert_eq!(lang_of(&html, class).as_deref(), Some("pt-BR"), "{class}");
    }
    // The widget's own words on the card stay in the widget's language.
    assert_eq!(lang_of(&html, "sf-card"), None);
}

#[test]
fn a_placeholders_safe_headline_carries_its_items_language() {
    use spoilerfeed::types::Level;

    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sf="urn:spoilerfeed:1" xml:lang="en">
        <title>T</title>
        <entry xml:lang="es"><id>es</id><title>Muere el protagonista</title>
        <sf:level>major</sf:level><sf:safe-title>Noticias del final</sf:safe-title></entry></feed>"#;
    let feed = platform::read_feed(atom, None, &Rules::default()).unwrap();
    let html = common::render_card_list(&common::shared(feed), common::prefs(Level::None), 10);
    assert_eq!(
        lang_of(&html, "sf-placeholder__title").as_deref(),
        Some("es")
    );
    assert!(html.contains(">Noticias del final</p>"), "{html}");
    assert!(!html.contains("Muere"), "{html}");
}
