//! Feed text made safe to show: HTML reduced to plain text, invisible and direction-changing
//! characters removed, long bodies shortened.
//!
//! Feed text is only ever rendered as text; this module makes it readable text, so that markup
//! meant for another reader (tags, comments, entities) never reaches a card as noise or as HTML.

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
    // Runs of kept characters are copied whole, and ASCII is classified byte by byte: feeds
    // are mostly plain text, and this runs over every title and body of every item.
    let mut out = String::with_capacity(raw.len());
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
            push_run(&mut out, &raw[run..at], &mut space);
            if white {
                space = !out.is_empty();
            }
            run = at + width;
        }
        at += width;
    }
    push_run(&mut out, &raw[run..], &mut space);
    out
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
    if !raw.contains('\n') {
        return clean_line(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for para in raw.split("\n\n").flat_map(|para| para.split("\r\n\r\n")) {
        let para = clean_line(para);
        if !para.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&para);
        }
    }
    out
}

/// Tags whose content is never text a reader should see.
const SKIPPED_ELEMENTS: [&str; 6] = ["script", "style", "template", "noscript", "iframe", "svg"];

/// Tags that end a paragraph.
const BLOCK_ELEMENTS: [&str; 14] = [
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
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skipping: Option<&str> = None;
    while let Some(start) = rest.find('<') {
        if skipping.is_none() {
            out.push_str(&decode_entities(&rest[..start]));
        }
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(end) = rest.find('>') else {
            // An unclosed `<` is text, not a tag.
            if skipping.is_none() {
                out.push_str(&decode_entities(rest));
            }
            rest = "";
            break;
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match skipping {
            Some(skipped) => {
                if closing && name == skipped {
                    skipping = None;
                }
            }
            None => {
                if let Some(skipped) = SKIPPED_ELEMENTS.iter().find(|s| **s == name) {
                    if !closing && !tag.ends_with('/') {
                        skipping = Some(skipped);
                    }
                } else if BLOCK_ELEMENTS.contains(&name.as_str()) {
                    out.push_str("\n\n");
                } else if matches!(name.as_str(), "td" | "th" | "img" | "hr") {
                    out.push(' ');
                }
            }
        }
    }
    if skipping.is_none() {
        out.push_str(&decode_entities(rest));
    }
    clean_block(&out)
}

/// Decodes the character references that commonly appear in feed HTML.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest[1..]
            .find(';')
            .filter(|semi| *semi <= 10)
            .and_then(|semi| decode_entity(&rest[1..=semi]).map(|c| (c, semi + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        _ => return None,
    })
}

/// Shortens a body to about `max` characters at a word boundary, with an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
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
    fn excerpt_cuts_at_a_word() {
        let text = "one two three four five six seven";
        assert_eq!(excerpt(text, 100), text);
        assert_eq!(excerpt(text, 16), "one two three…");
        assert_eq!(excerpt(&"x".repeat(20), 10), format!("{}…", "x".repeat(10)));
    }
}
