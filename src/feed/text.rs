//! Feed text made safe to show: HTML reduced to plain text, invisible and direction-changing
//! characters removed, long bodies shortened.
//!
//! Feed text is only ever rendered as text; this module makes it readable text, so that markup
//! meant for another reader (tags, comments, entities) never reaches a card as noise or as HTML.

use std::borrow::Cow;

/// Characters that can hide or reorder text: bidi embeddings and overrides, isolates and marks
/// (every `Bidi_Control` character), zero-width characters and the byte-order mark.
pub(crate) fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{061C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}')
        || (c.is_control() && c != '\n')
}

/// One line of text: control and invisible characters dropped, white space folded.
pub fn clean_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    push_line(&mut out, raw);
    out
}

/// [`clean_line`] of text the caller owns, kept as it is when it is clean already.
pub(crate) fn into_line(raw: Cow<str>) -> String {
    if is_clean_line(&raw) {
        raw.into_owned()
    } else {
        clean_line(&raw)
    }
}

/// Appends `raw` cleaned as a line to `out`.
fn push_line(out: &mut String, raw: &str) {
    // Most feed text is already clean: then it is copied whole, once.
    if is_clean_line(raw) {
        out.push_str(raw);
        return;
    }
    // Runs of kept characters are copied whole, and ASCII is classified byte by byte.
    let start = out.len();
    let mut space = false;
    let mut run = 0;
    let mut at = 0;
    while let Some(&byte) = raw.as_bytes().get(at) {
        let (width, white, keep) = if byte.is_ascii() {
            let white = matches!(byte, b'\t'..=b'\r' | b' ');
            (1, white, byte.is_ascii_graphic())
        } else {
            let c = raw[at..].chars().next().unwrap_or_default();
            let white = c.is_whitespace();
            (c.len_utf8(), white, !white && !is_invisible_control(c))
        };
        if !keep {
            push_run(out, &raw[run..at], &mut space);
            if white {
                space = out.len() > start;
            }
            run = at + width;
        }
        at += width;
    }
    push_run(out, &raw[run..], &mut space);
}

/// Eight bytes of ones, for looking at a word of text at once.
const ONES: u64 = u64::MAX / 255;
/// The top bit of each byte.
const HIGH: u64 = ONES << 7;

/// Flags (the top bit of each byte) the bytes of `word` that are zero; exact, no carries.
fn zero_bytes(word: u64) -> u64 {
    !(((word & !HIGH) + !HIGH) | word) & HIGH
}

/// Whether every byte of `text` is printable ASCII other than the space.
pub(crate) fn is_printable_ascii(text: &[u8]) -> bool {
    let mut words = text.chunks_exact(8);
    let odd = words.by_ref().fold(0, |odd, word| {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // 0x7F and above, or below 0x21.
        odd | ((((word & !HIGH) + ONES) | word) & HIGH)
            | (!(((word & !HIGH) + ONES * 0x5F) | word) & HIGH)
    });
    odd == 0 && words.remainder().iter().all(u8::is_ascii_graphic)
}

/// Whether `clean_line` would return `text` unchanged: no character to drop, and white space
/// only as single ASCII spaces between kept characters.
fn is_clean_line(line: &str) -> bool {
    let text = line.as_bytes();
    if text.first() == Some(&b' ') || text.last() == Some(&b' ') {
        return false;
    }
    let mut at = 0;
    loop {
        // Eight bytes at a time while they are printable ASCII with no two spaces in a row:
        // each word is compared with the one a byte further on.
        while let Some(bytes) = text.get(at..at + 9) {
            let word = |from: usize| {
                u64::from_le_bytes(bytes[from..from + 8].try_into().unwrap_or_default())
            };
            let (here, next) = (word(0), word(1));
            let spaces = ONES * u64::from(b' ');
            let odd = ((((here & !HIGH) + ONES) | here) & HIGH) // 0x7F and above
                | (!(((here & !HIGH) + ONES * 0x60) | here) & HIGH) // below 0x20
                | (zero_bytes(here ^ spaces) & zero_bytes(next ^ spaces));
            if odd != 0 {
                break;
            }
            at += 8;
        }
        let Some(&byte) = text.get(at) else {
            return true;
        };
        if byte == b' ' {
            if text.get(at + 1) == Some(&b' ') {
                return false;
            }
            at += 1;
        } else if byte.is_ascii() {
            if !byte.is_ascii_graphic() {
                return false;
            }
            at += 1;
        } else {
            // Whole ASCII words were skipped, so `at` is at a character.
            let c = line[at..].chars().next().unwrap_or_default();
            if c.is_whitespace() || is_invisible_control(c) {
                return false;
            }
            at += c.len_utf8();
        }
    }
}

/// Appends a run of kept characters, after the space that white space before it left.
fn push_run(out: &mut String, run: &str, space: &mut bool) {
    if run.is_empty() {
        return;
    }
    if std::mem::take(space) {
        out.push(' ');
    }
    out.push_str(run);
}

/// A body of text: each paragraph cleaned like a line, paragraphs separated by one blank line.
pub fn clean_block(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    push_block(&mut out, raw);
    out
}

/// Appends `raw` cleaned as a body of text to `out`, which must be empty.
fn push_block(out: &mut String, raw: &str) {
    if !raw.contains('\n') {
        return push_line(out, raw);
    }
    for para in raw.split("\n\n").flat_map(|para| para.split("\r\n\r\n")) {
        let before = out.len();
        if before > 0 {
            out.push_str("\n\n");
        }
        let start = out.len();
        push_line(out, para);
        if out.len() == start {
            // An empty paragraph leaves no blank line.
            out.truncate(before);
        }
    }
}

/// Tags whose content is never text a reader should see.
const SKIPPED_ELEMENTS: [&str; 6] = ["script", "style", "template", "noscript", "iframe", "svg"];

/// Tags that end a paragraph, in HTML and in Atom's XHTML content.
pub(crate) const BLOCK_ELEMENTS: [&str; 14] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
];

/// Reduces an HTML fragment to plain text: tags and comments removed, the content of scripts,
/// styles and embedded documents dropped, entities decoded, paragraphs kept.
pub fn html_to_text(html: &str) -> String {
    let mut out = Decoded::with_capacity(html.len());
    let mut rest = html;
    let mut skipping: Option<&str> = None;
    while let Some(start) = rest.find('<') {
        if skipping.is_none() {
            out.push(&rest[..start]);
        }
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(end) = rest.find('>') else {
            // An unclosed `<` is text, not a tag.
            if skipping.is_none() {
                out.push(rest);
            }
            rest = "";
            break;
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/');
        let name = &name[..name
            .bytes()
            .position(|byte| !byte.is_ascii_alphanumeric())
            .unwrap_or(name.len())];
        let is = |known: &str| known.eq_ignore_ascii_case(name);
        match skipping {
            Some(skipped) => {
                if closing && is(skipped) {
                    skipping = None;
                }
            }
            None => {
                if let Some(skipped) = SKIPPED_ELEMENTS.iter().find(|known| is(known)) {
                    if !closing && !tag.ends_with('/') {
                        skipping = Some(skipped);
                    }
                } else if BLOCK_ELEMENTS.iter().any(|known| is(known)) {
                    out.text.push_str("\n\n");
                } else if ["td", "th", "img", "hr"].iter().any(|known| is(known)) {
                    out.text.push(' ');
                }
            }
        }
    }
    if skipping.is_none() {
        out.push(rest);
    }
    clean_block(&out.finish())
}

/// Text with its HTML character references decoded, once (`&amp;#8211;` is the text
/// `&#8211;`): numeric ones and every named one. Feeds put them in plain-text fields
/// too, titles above all; tags stay text. Borrowed when there is no `&`.
pub fn decode_references(text: &str) -> Cow<'_, str> {
    if text.contains('&') {
        let mut out = Decoded::with_capacity(text.len());
        out.push(text);
        Cow::Owned(out.finish())
    } else {
        Cow::Borrowed(text)
    }
}

/// HTML's named character references, as the platform knows them: its `decode` is in
/// `src/platform` (the browser's own HTML parser in the wasm, html-escape's table natively).
pub(crate) struct NamedReferences;

/// Text being decoded: what is known so far, and where each named reference goes in it, so
/// that the platform decodes all of a text's named references at once.
struct Decoded<'a> {
    /// The text without its named references.
    text: String,
    /// Each named reference as written (`&hellip;`), and where in `text` it belongs.
    named: Vec<(usize, &'a str)>,
}

impl<'a> Decoded<'a> {
    /// Nothing yet, with room for `capacity` bytes.
    fn with_capacity(capacity: usize) -> Self {
        Decoded {
            text: String::with_capacity(capacity),
            named: Vec::new(),
        }
    }

    /// Appends `raw` with its character references decoded. A reference is complete, with its
    /// `;`: `&name;`, `&#digits;` or `&#xhex;`; anything else (`&amp` without one, `&#0;`,
    /// `&#1;`, a lone `&`) is text as written. Numeric ones name their character; named ones are
    /// looked up in [`finish`](Self::finish). What is appended is never read again, so each
    /// reference is decoded once.
    fn push(&mut self, raw: &'a str) {
        let mut rest = raw;
        while let Some(at) = rest.find('&') {
            self.text.push_str(&rest[..at]);
            rest = &rest[at..];
            let len = match reference(rest) {
                Some((len, Some(c))) => {
                    self.text.push(c);
                    len
                }
                Some((len, None)) => {
                    self.named.push((self.text.len(), &rest[..len]));
                    len
                }
                None => {
                    self.text.push('&');
                    1
                }
            };
            rest = &rest[len..];
        }
        self.text.push_str(rest);
    }

    /// The decoded text: the named references looked up, all in one go.
    fn finish(self) -> String {
        if self.named.is_empty() {
            return self.text;
        }
        let mut names = String::new();
        for (_, name) in &self.named {
            if !names.is_empty() {
                names.push(' ');
            }
            names.push_str(name);
        }
        let decoded = NamedReferences::decode(&names);
        // No named reference decodes to a space (HTML's list is fixed), so the answer splits
        // back into one part per reference; an answer that doesn't keeps them as written.
        let mut parts = decoded.split(' ');
        let whole = parts.clone().count() == self.named.len();
        let mut out = String::with_capacity(self.text.len() + decoded.len());
        let mut from = 0;
        for (at, name) in &self.named {
            out.push_str(&self.text[from..*at]);
            // A reference is one or two characters. Anything longer is a name that only begins
            // with one HTML also knows without `;`, which the browser decodes (`&notit;` reads
            // `¬it;`): it is no reference and stays as written.
            let part = parts
                .next()
                .filter(|part| whole && part.chars().nth(2).is_none());
            out.push_str(part.unwrap_or(name));
            from = *at;
        }
        out.push_str(&self.text[from..]);
        out
    }
}

/// The character reference `text` starts with (at its `&`): its length, and the character a
/// numeric one stands for (`None` for a named one); `None` when it isn't a complete one, or
/// its number is no character or a control character other than white space.
fn reference(text: &str) -> Option<(usize, Option<char>)> {
    let bytes = text.as_bytes();
    let (start, radix) = match (bytes.get(1), bytes.get(2)) {
        (Some(b'#'), Some(b'x' | b'X')) => (3, 16),
        (Some(b'#'), _) => (2, 10),
        (Some(letter), _) if letter.is_ascii_alphabetic() => (1, 0),
        _ => return None,
    };
    let digits = bytes[start..]
        .iter()
        .position(|byte| match radix {
            16 => !byte.is_ascii_hexdigit(),
            10 => !byte.is_ascii_digit(),
            _ => !byte.is_ascii_alphanumeric(),
        })
        .unwrap_or(bytes.len() - start);
    let end = start + digits;
    if digits == 0 || bytes.get(end) != Some(&b';') {
        return None;
    }
    if radix == 0 {
        return Some((end + 1, None));
    }
    let number = u32::from_str_radix(&text[start..end], radix).ok()?;
    // No C0 control but ASCII white space: those can't appear in an HTML document.
    let c = char::from_u32(number)
        .filter(|c| *c >= ' ' || matches!(c, '\t' | '\n' | '\u{C}' | '\r'))?;
    Some((end + 1, Some(c)))
}

/// Shortens a body to about `max` characters at a word boundary, with an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    shorten(text.to_owned(), max)
}

/// [`excerpt`] of a body the caller owns, kept as it is when it is short enough.
pub(crate) fn shorten(mut text: String, max: usize) -> String {
    // Never more characters than bytes: most bodies are decided without counting.
    if text.len() <= max {
        return text;
    }
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text;
    };
    let cut = &text[..end];
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut,
    };
    let kept = cut.trim_end_matches([',', '.', ';', ':', ' ']).len();
    text.truncate(kept);
    text.push('…');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_removed_and_entities_decoded() {
        let html =
            "<p>Filming is <b>halfway</b> done &amp; going well.</p><p>More &lt;soon&gt;</p>";
        assert_eq!(
            html_to_text(html),
            "Filming is halfway done & going well.\n\nMore <soon>"
        );
    }

    #[test]
    fn scripts_styles_and_comments_never_become_text() {
        let html = "<!-- hidden note --><script>alert('x')</script><style>p{}</style>Safe\
                    <svg onload=alert(1)><text>svg text</text></svg> text";
        assert_eq!(html_to_text(html), "Safe text");
    }

    #[test]
    fn video_markup_is_dropped_but_fallback_text_kept() {
        let html = "<video controls><source src=\"a.mp4\" type=\"video/mp4\">Your browser</video>";
        assert_eq!(html_to_text(html), "Your browser");
    }

    #[test]
    fn inline_tags_add_no_space() {
        assert_eq!(
            html_to_text("“<em>eight movies</em>”. <a href=\"x\">Read</a>, now"),
            "“eight movies”. Read, now"
        );
    }

    #[test]
    fn a_stray_angle_bracket_is_text() {
        assert_eq!(html_to_text("3 < 4"), "3 < 4");
        assert_eq!(html_to_text("a <b"), "a <b");
    }

    #[test]
    fn numeric_entities_decode_and_bad_ones_stay() {
        assert_eq!(
            html_to_text("&#39;x&#x27; &bogus; &#0;"),
            "'x' &bogus; &#0;"
        );
    }

    #[test]
    fn references_in_plain_text_are_decoded_once() {
        assert_eq!(
            decode_references("A &#8211; B &#x2019; &#038; &amp; &hellip; &reg;"),
            "A – B ’ & & … ®"
        );
        assert_eq!(
            decode_references("V&eacute;cna &uuml;ber Espa&ntilde;a &Ccedil;a &hearts;"),
            "Vécna über España Ça ♥"
        );
        // What a reference decodes to is text: it is never decoded again.
        assert_eq!(decode_references("&amp;#8211; &amp;amp;"), "&#8211; &amp;");
        assert_eq!(decode_references("<b>&lt;i&gt;</b>"), "<b><i></b>");
        assert_eq!(
            decode_references("&bogus; &#0; & ; &#xZZ; &amp"),
            "&bogus; &#0; & ; &#xZZ; &amp"
        );
        assert!(matches!(
            decode_references("no references"),
            Cow::Borrowed(_)
        ));
        // The same decoder as for HTML.
        assert_eq!(html_to_text("<p>A &#8211; &amp;#8211;</p>"), "A – &#8211;");
    }

    #[test]
    fn bidi_and_zero_width_characters_are_removed() {
        assert_eq!(
            clean_line("Ev\u{202E}il\u{200B} title\u{2066}\u{FEFF}"),
            "Evil title"
        );
        assert_eq!(clean_line("  a\t\tb \n c "), "a b c");
    }

    #[test]
    fn the_arabic_letter_mark_is_removed_like_the_other_bidi_marks() {
        assert_eq!(clean_line("a\u{061C}b \u{200E}c\u{200F}"), "ab c");
        assert_eq!(html_to_text("x&#x61C;y"), "xy");
    }

    #[test]
    fn odd_characters_are_found_anywhere_in_long_lines() {
        // Long enough to be looked at a word at a time, with the odd character at every offset.
        let plain = "The crew say the weather has mostly played along";
        assert_eq!(clean_line(plain), plain);
        assert_eq!(
            clean_line("Tomás Ferreira joins “Glass City” — as Nora"),
            "Tomás Ferreira joins “Glass City” — as Nora"
        );
        for at in (0..=plain.len()).filter(|at| plain.is_char_boundary(*at)) {
            let (head, tail) = plain.split_at(at);
            let spaced = |gap: &str| {
                [head.trim_end(), tail.trim_start()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(gap)
            };
            for (odd, gap) in [(" ", " "), ("\t", " "), ("\u{A0}", " "), ("\n", " ")] {
                assert_eq!(
                    clean_line(&format!("{head}{odd}{tail}")),
                    spaced(gap),
                    "{odd:?} at {at}"
                );
            }
            for dropped in ["\u{7F}", "\u{1}", "\u{200B}", "\u{85}"] {
                let line = format!("{head}{dropped}{tail}");
                let expected = if dropped == "\u{85}" {
                    spaced(" ")
                } else {
                    plain.to_owned()
                };
                assert_eq!(clean_line(&line), expected, "{dropped:?} at {at}");
            }
        }
    }

    #[test]
    fn printable_ascii_is_told_apart_at_any_offset() {
        let plain = "https://a.example/x?y=1#z";
        assert!(is_printable_ascii(plain.as_bytes()));
        for at in 0..plain.len() {
            for odd in [" ", "\u{7F}", "\t", "é", "\u{0}"] {
                let text = format!("{}{odd}{}", &plain[..at], &plain[at..]);
                assert!(!is_printable_ascii(text.as_bytes()), "{text:?}");
            }
        }
    }

    #[test]
    fn blocks_keep_paragraphs_of_any_length() {
        assert_eq!(clean_block("ab\n\ncd"), "ab\n\ncd");
        assert_eq!(clean_block("\n\nab\n\n \n\ncd\r\n\r\n"), "ab\n\ncd");
        assert_eq!(clean_block("a\nb  c"), "a b c");
    }

    #[test]
    fn excerpt_cuts_at_a_word() {
        let text = "one two three four five six seven";
        assert_eq!(excerpt(text, 100), text);
        assert_eq!(excerpt(text, 16), "one two three…");
        assert_eq!(excerpt(&"x".repeat(20), 10), format!("{}…", "x".repeat(10)));
    }
}
