//! Links from a feed, resolved against the feed's URL and kept only when they are http(s).
//!
//! A link that is anything else (`javascript:`, `data:`, `vbscript:`, a scheme hidden behind
//! tabs or control characters) is dropped, so no feed can put a script behind a card's link.

/// Resolves `raw` against `base` and returns it only if the result is an http(s) URL.
pub fn safe_link(raw: &str, base: Option<&str>) -> Option<String> {
    // Most links are absolute http(s) URLs of printable ASCII: nothing to strip or resolve.
    let web = ["https://", "http://"].iter().find(|scheme| {
        raw.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    });
    if let Some(scheme) = web {
        if super::text::is_printable_ascii(raw.as_bytes()) {
            return has_host(&raw[scheme.len()..]).then(|| raw.to_owned());
        }
    }
    // Browsers strip these before parsing a URL, so they must not hide a scheme from us.
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    // Invisible and direction-changing characters could make a link look like another host.
    if cleaned.is_empty()
        || cleaned
            .chars()
            .any(|c| c == ' ' || super::text::is_invisible_control(c))
    {
        return None;
    }
    let resolved = match scheme_of(&cleaned) {
        Some(scheme) => {
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                cleaned
            } else {
                return None;
            }
        }
        None => resolve_relative(&cleaned, base?)?,
    };
    let (scheme, rest) = resolved.split_once("://")?;
    (has_host(rest)
        && (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")))
    .then_some(resolved)
}

/// Whether what follows a URL's `://` starts with a host, with none of the characters that
/// browsers and servers read differently in one.
fn has_host(rest: &str) -> bool {
    // Byte by byte: these are all ASCII, which never occurs inside a longer UTF-8 character.
    let mut length = 0;
    for byte in rest.bytes() {
        match byte {
            b'/' | b'?' | b'#' => break,
            b'\\' | b'<' | b'>' | b'"' => return false,
            _ => length += 1,
        }
    }
    length > 0
}

/// The scheme of an absolute URL, if `url` starts with one.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let first = scheme.chars().next()?;
    (first.is_ascii_alphabetic()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// Resolves a relative reference against an absolute http(s) base (RFC 3986, section 5.2,
/// without dot-segment removal beyond what servers already accept).
fn resolve_relative(relative: &str, base: &str) -> Option<String> {
    let scheme = scheme_of(base)?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return None;
    }
    let after_scheme = base[scheme.len() + 1..].strip_prefix("//")?;
    let authority_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let authority = &after_scheme[..authority_end];
    let path_and_more = &after_scheme[authority_end..];
    let path = &path_and_more[..path_and_more
        .find(['?', '#'])
        .unwrap_or(path_and_more.len())];

    if let Some(rest) = relative.strip_prefix("//") {
        return Some(format!("{scheme}://{rest}"));
    }
    let origin = format!("{scheme}://{authority}");
    if relative.starts_with('/') {
        return Some(format!("{origin}{relative}"));
    }
    if relative.starts_with('?') {
        return Some(format!("{origin}{path}{relative}"));
    }
    if relative.starts_with('#') {
        let without_fragment = &base[..base.find('#').unwrap_or(base.len())];
        return Some(format!("{without_fragment}{relative}"));
    }
    let dir = &path[..path.rfind('/').map_or(0, |slash| slash + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    let relative = relative.strip_prefix("./").unwrap_or(relative);
    Some(format!("{origin}{dir}{relative}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Option<&str> = Some("https://fans.example/news/feed.json?x=1");

    #[test]
    fn http_and_https_links_pass() {
        assert_eq!(
            safe_link("https://a.example/x?y#z", None).as_deref(),
            Some("https://a.example/x?y#z")
        );
        assert_eq!(
            safe_link(" HTTP://a.example/ ", None).as_deref(),
            Some("HTTP://a.example/")
        );
    }

    #[test]
    fn only_the_host_of_a_plain_link_is_held_to_stricter_rules() {
        for kept in [
            "https://a.example/<b>\"c\\",
            "hTtPs://a.example?q=<x>",
            "http://a.example#\\",
        ] {
            assert_eq!(safe_link(kept, None).as_deref(), Some(kept));
        }
        for bad in [
            "https://a<b.example/",
            "http://a\"b/",
            "https://a\\b",
            "https:///x",
            "http://?q",
        ] {
            assert_eq!(safe_link(bad, BASE), None, "{bad:?} must be dropped");
        }
    }

    #[test]
    fn script_and_data_links_are_dropped() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://a.example/",
            "https:/no-host",
            "https://",
            "https://ex\u{202E}elpmaxe.com/story",
            "https://exa\u{200B}mple.com/",
            "",
        ] {
            assert_eq!(safe_link(bad, BASE), None, "{bad:?} must be dropped");
        }
    }

    #[test]
    fn relative_links_resolve_against_the_feed() {
        assert_eq!(
            safe_link("/posts/1.html", BASE).as_deref(),
            Some("https://fans.example/posts/1.html")
        );
        assert_eq!(
            safe_link("posts/1.html", BASE).as_deref(),
            Some("https://fans.example/news/posts/1.html")
        );
        assert_eq!(
            safe_link("./a.png", BASE).as_deref(),
            Some("https://fans.example/news/a.png")
        );
        assert_eq!(
            safe_link("//cdn.example/a.png", BASE).as_deref(),
            Some("https://cdn.example/a.png")
        );
        assert_eq!(
            safe_link("?page=2", BASE).as_deref(),
            Some("https://fans.example/news/feed.json?page=2")
        );
        assert_eq!(
            safe_link("#top", BASE).as_deref(),
            Some("https://fans.example/news/feed.json?x=1#top")
        );
    }

    #[test]
    fn relative_links_without_a_web_base_are_dropped() {
        assert_eq!(safe_link("/posts/1.html", None), None);
        assert_eq!(safe_link("/posts/1.html", Some("file:///feed.json")), None);
    }
}
