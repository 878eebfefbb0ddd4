//! Text the browser's own data handles: accents dropped for matching muted words, and HTML's
//! named character references decoded by its HTML parser.

use js_sys::{JsString, RegExp};
use web_sys::{DomParser, Element, SupportedType};

use crate::feed::text::NamedReferences;

thread_local! {
    /// Every combining mark (General_Category=Mark); made once.
    static MARKS: RegExp = RegExp::new("\\p{M}", "gu");
    /// An element of an inert document (`DOMParser`'s: no script runs, nothing loads), whose
    /// content the HTML parser writes; made once.
    static SCRATCH: Option<Element> = DomParser::new()
        .and_then(|parser| parser.parse_from_string("", SupportedType::TextHtml))
        .and_then(|document| document.create_element("i"))
        .ok();
}

/// `text` with its accents dropped: `String.prototype.normalize("NFD")`, then every combining
/// mark removed, so `Vécna` reads `Vecna`.
pub fn strip_accents(text: &str) -> String {
    let decomposed = JsString::from(text).normalize("NFD");
    MARKS
        .with(|marks| decomposed.replace_by_pattern(marks, ""))
        .into()
}

impl NamedReferences {
    /// `names`, named references (`&hellip;`, each a letter, letters or digits, and `;`)
    /// separated by spaces, each decoded or, when HTML has no such name, as written: one
    /// parse by the browser, as an attribute's value of an element that is never attached.
    pub(crate) fn decode(names: &str) -> String {
        SCRATCH
            .with(|scratch| {
                let scratch = scratch.as_ref()?;
                scratch.set_inner_html(&format!("<i title=\"{names}\"></i>"));
                scratch.first_element_child()?.get_attribute("title")
            })
            .unwrap_or_else(|| names.to_owned())
    }
}
