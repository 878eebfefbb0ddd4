//! Text the browser's own Unicode data handles: accents dropped for matching muted words.

use js_sys::{JsString, RegExp};

thread_local! {
    /// Every combining mark (General_Category=Mark); made once.
    static MARKS: RegExp = RegExp::new("\\p{M}", "gu");
}

/// `text` with its accents dropped: `String.prototype.normalize("NFD")`, then every combining
/// mark removed, so `Vécna` reads `Vecna`.
pub fn strip_accents(text: &str) -> String {
    let decomposed = JsString::from(text).normalize("NFD");
    MARKS
        .with(|marks| decomposed.replace_by_pattern(marks, ""))
        .into()
}
